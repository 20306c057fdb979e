/* SPDX-License-Identifier: MIT */
/* Finding, normalising and checking tags. Words are told by Unicode
 * character classes (libunistring), never by ASCII, and keys are
 * lower-cased the Unicode way, so "#Ärger" and "@ärger" are one tag. No
 * store and no terminal here. */
#include "mend/tags.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "mend/utf8.h"

void tag_list_init(struct tag_list *l)
{
	l->v = NULL;
	l->n = 0;
}

void tag_list_done(struct tag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].shown);
	}
	free(l->v);
	tag_list_init(l);
}

bool tag_list_has(const struct tag_list *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return true;
	return false;
}

/* A character that may be part of a tag's word: letters, digits, the
 * marks that combine with them, `-` and `_`. */
static bool word_char(uint32_t cp)
{
	return cp == '-' || cp == '_' || uc_is_alnum(cp) ||
	       uc_is_general_category(cp, UC_CATEGORY_M);
}

static bool sign(char c)
{
	return c == '@' || c == '#';
}

enum mend_rc tags_key(const char *tag, size_t len, char **out,
		      struct mend_err *err)
{
	size_t n = 0;

	*out = NULL;
	if (len && sign(tag[0])) {
		tag++;
		len--;
	}
	if (!utf8_valid(tag, len, NULL))
		return mend_err_set(err, MEND_EINVAL, "tag: not valid UTF-8");
	uint8_t *low =
	    u8_tolower((const uint8_t *)tag, len, "", UNINORM_NFC, NULL, &n);
	if (!low && len)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	*out = malloc(n + 1);
	if (*out) {
		if (n)
			memcpy(*out, low, n);
		(*out)[n] = '\0';
	}
	free(low);
	return *out ? MEND_OK : mend_err_set(err, MEND_ENOMEM, "out of memory");
}

enum mend_rc tag_list_add(struct tag_list *l, const char *tag, size_t len,
			  struct mend_err *err)
{
	char *key = NULL, *shown = NULL;
	enum mend_rc rc = tags_key(tag, len, &key, err);

	if (rc != MEND_OK)
		return rc;
	if (!*key || tag_list_has(l, key)) {
		free(key);
		return MEND_OK;
	}
	struct tag *grown = realloc(l->v, (l->n + 1) * sizeof *grown);
	shown = strndup(tag, len);
	if (!grown || !shown) {
		if (grown)
			l->v = grown;
		free(key);
		free(shown);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	l->v = grown;
	l->v[l->n++] = (struct tag){key, shown};
	return MEND_OK;
}

/* The length of the word starting at s (up to end), in bytes. */
static size_t word_len(const char *s, const char *end)
{
	const char *p = s;
	uint32_t cp;
	size_t k;

	while (p < end && (k = utf8_decode(p, (size_t)(end - p), &cp)) &&
	       word_char(cp))
		p += k;
	return (size_t)(p - s);
}

/* Whether a sign at p may start a tag: at the start, or after a
 * character that is neither part of a word nor a sign itself. */
static bool starts_tag(const char *text, const char *p)
{
	if (p == text)
		return true;
	const char *q = p - 1;
	while (q > text && ((unsigned char)*q & 0xc0) == 0x80)
		q--;
	uint32_t cp;
	if (!utf8_decode(q, (size_t)(p - q), &cp))
		return true;
	return !word_char(cp) && !sign((char)cp);
}

enum mend_rc tags_derive(const char *text, const char *stored,
			 struct tag_list *out, struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;

	for (const char *p = stored; p && *p && rc == MEND_OK;) {
		size_t len = strcspn(p, " ");
		if (len)
			rc = tag_list_add(out, p, len, err);
		p += len;
		while (*p == ' ')
			p++;
	}
	if (!text)
		return rc;
	const char *end = text + strlen(text);
	for (const char *p = text; rc == MEND_OK && (p = strpbrk(p, "@#"));) {
		size_t len = starts_tag(text, p) ? word_len(p + 1, end) : 0;
		if (len)
			rc = tag_list_add(out, p, len + 1, err);
		p += 1 + len;
	}
	return rc;
}

enum mend_rc tags_check(const char *field, const char *tag,
			struct mend_err *err)
{
	size_t n = strlen(tag);
	size_t start = n && sign(tag[0]) ? 1 : 0;

	if (n > TAG_MAX_BYTES || !utf8_valid(tag, n, NULL) || n == start ||
	    word_len(tag + start, tag + n) != n - start)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: \"%.*s\" is not a tag (a word of "
				    "letters, digits, - and _, up to %d bytes, "
				    "with an optional @ or # before it)",
				    field, utf8_valid(tag, n, NULL) ? 60 : 0,
				    tag, TAG_MAX_BYTES);
	return MEND_OK;
}

enum mend_rc tags_parse_list(const char *field, const char *list, size_t max,
			     struct tag_list *out, struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;
	const char *p = list;

	for (;;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, ",");
		while (len && p[len - 1] == ' ')
			len--;
		char *item = strndup(p, len);
		if (!item)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		char *key = NULL;
		if (!*item)
			rc =
			    mend_err_set(err, MEND_EINVAL,
					 "%s: \"%.60s\" has an empty tag; give "
					 "tags separated by commas",
					 field, list);
		if (rc == MEND_OK)
			rc = tags_check(field, item, err);
		if (rc == MEND_OK)
			rc = tags_key(item, len, &key, err);
		if (rc == MEND_OK && tag_list_has(out, key))
			rc =
			    mend_err_set(err, MEND_EINVAL,
					 "%s: \"%s\" is given twice; give each "
					 "tag once",
					 field, item);
		if (rc == MEND_OK && out->n >= max)
			rc =
			    mend_err_set(err, MEND_EINVAL,
					 "%s: more than %zu tags; give at most "
					 "%zu",
					 field, max, max);
		if (rc == MEND_OK)
			rc = tag_list_add(out, item, len, err);
		free(key);
		free(item);
		p += strcspn(p, ",");
		if (rc != MEND_OK || !*p)
			return rc;
		p++;
	}
}
