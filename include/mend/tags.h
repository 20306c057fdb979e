/* SPDX-License-Identifier: MIT */
/* Tags: `@word` and `#word` in an entry's text (the jrnl convention: a
 * word of Unicode letters, digits, `-` and `_`), and the tags an entry
 * keeps beside its text (from a jrnl import, or a check-in's quick tags).
 * Pure text work, no store: the store derives its tags table with these
 * functions, the front ends check what people type with them. */
#ifndef MEND_TAGS_H
#define MEND_TAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/err.h"

#define TAG_MAX_BYTES  100 /* a tag a person types (--tag, quick tags) */
#define TAGS_QUICK_MAX 12  /* quick tags the check-in offers */

/* One tag: key is how it matches (the sign dropped, NFC, lower-cased),
 * shown is how it was written (with its sign when it had one). */
struct tag {
	char *key;
	char *shown;
};

/* A list of tags, each key once, in the order first seen. Embedded by
 * value: tag_list_init, then tag_list_done frees every string. */
struct tag_list {
	struct tag *v;
	size_t n;
};

void tag_list_init(struct tag_list *l);
void tag_list_done(struct tag_list *l);

/* True when l has a tag with this key. */
bool tag_list_has(const struct tag_list *l, const char *key);

/* Add tag (as written) unless its key is there already. MEND_ENOMEM. */
enum mend_rc tag_list_add(struct tag_list *l, const char *tag, size_t len,
			  struct mend_err *err);

/* An entry's tags: those in stored (space-separated, as entries keep
 * them; NULL is none) first, then each @word and #word of text, each key
 * once, into out (initialised by the caller; appended to). A sign counts
 * only at the start or after a character that is not part of a word, so
 * an address like me@example.org is not a tag. */
enum mend_rc tags_derive(const char *text, const char *stored,
			 struct tag_list *out, struct mend_err *err);

/* The key of a tag (len bytes of UTF-8): one leading @ or # dropped,
 * normalised to NFC and lower-cased (Unicode-aware). Caller frees *out
 * with free. MEND_ENOMEM, or MEND_EINVAL for invalid UTF-8. */
enum mend_rc tags_key(const char *tag, size_t len, char **out,
		      struct mend_err *err);

/* Check a tag a person gave (field names it in the error): an optional
 * @ or #, then one or more letters, digits, `-` or `_`, at most
 * TAG_MAX_BYTES bytes. MEND_EINVAL with a sentence naming field. */
enum mend_rc tags_check(const char *field, const char *tag,
			struct mend_err *err);

/* Parse a comma-separated list of tags ("sleep, work,friends"), each
 * checked with tags_check, blanks around commas ignored, into out
 * (initialised by the caller); a key given twice, an empty item, or more
 * than max tags is MEND_EINVAL naming field. */
enum mend_rc tags_parse_list(const char *field, const char *list, size_t max,
			     struct tag_list *out, struct mend_err *err);

/* --- the journal's tags (tags_journal.c) --- */

struct journal;
struct store_tag;

/* Call fn for each tag of the journal with its count and last use, the
 * most used first (see store_tags_each); fn returns non-zero to stop. */
enum mend_rc tags_each(struct journal *j,
		       int (*fn)(const struct store_tag *, void *), void *ctx,
		       struct mend_err *err);

/* The check-in's quick tags into out (initialised by the caller): the
 * journal's own set when one was saved, else the default set compiled
 * in from data/quick-tags.json. */
enum mend_rc tags_quick(struct journal *j, struct tag_list *out,
			struct mend_err *err);

/* Save the quick tags from a comma-separated list (checked as
 * tags_parse_list does, field quick-tags, at most TAGS_QUICK_MAX); ""
 * or NULL goes back to the default set. One transaction. */
enum mend_rc tags_quick_set(struct journal *j, const char *list,
			    struct mend_err *err);

#endif
