/* SPDX-License-Identifier: MIT */
/* The editor's drafts: what was typed but not yet saved, kept in the
 * journal every few seconds and when the program is told to stop, so a
 * later start can offer it back. A draft belongs to the session that
 * writes it (its owner: a process and its start time), so two sessions on
 * one journal never see, offer or remove each other's live drafts; a
 * draft is offered only once its owner has ended. Several drafts are
 * kept, one per owner and context. Discarded text is kept for
 * DRAFT_KEEP_DAYS days, so it can still be brought back. */
#ifndef MEND_DRAFT_H
#define MEND_DRAFT_H

#include <stdbool.h>

#include "mend/journal.h"

#define DRAFT_OWNER_LEN 48
#define DRAFT_KEEP_DAYS 7

struct draft {
	long long id;
	char *owner;   /* "" when it has none (discarded, or from before) */
	char *context; /* where it belongs, e.g. "reflection:ID" */
	char *text;
	char updated_at[CLOCK_ISO_LEN];
	char discarded_at[CLOCK_ISO_LEN]; /* "" unless discarded */
};

/* The owner name of this process ("PID:START"). */
void draft_owner_self(char out[DRAFT_OWNER_LEN]);

/* True when the session named owner has ended: "" or malformed, no such
 * process, or a process of that pid that started at another time. */
bool draft_owner_gone(const char *owner);

/* Keep text (len bytes; a NUL or invalid UTF-8 is refused) as owner's
 * draft for context, replacing the one owner kept there before. */
enum mend_rc draft_save(struct journal *j, const char *owner,
			const char *context, const char *text, size_t len,
			struct mend_err *err);

/* Forget owner's draft for context (after its text was saved, or left
 * unchanged). No draft is fine. */
enum mend_rc draft_clear(struct journal *j, const char *owner,
			 const char *context, struct mend_err *err);

/* The person let go of the text: forget owner's draft for context and
 * keep text (when it holds more than white space) as discarded for
 * DRAFT_KEEP_DAYS days. Older discarded text is forgotten. One
 * transaction. */
enum mend_rc draft_discard(struct journal *j, const char *owner,
			   const char *context, const char *text, size_t len,
			   struct mend_err *err);

/* The drafts nobody is writing any more (their owner is gone), newest
 * first, into *out (caller frees with draft_list_free) and *n (0 and
 * NULL when there are none). Discarded text past its days is forgotten
 * first. */
enum mend_rc draft_orphans(struct journal *j, struct draft **out, size_t *n,
			   struct mend_err *err);

/* Take up an orphaned draft d as owner's own (it is being restored).
 * MEND_ENOTFOUND when another session took it or it is gone. */
enum mend_rc draft_take(struct journal *j, const struct draft *d,
			const char *owner, struct mend_err *err);

/* Discard an orphaned draft d: kept DRAFT_KEEP_DAYS days, then forgotten.
 * MEND_ENOTFOUND when another session took it or it is gone. */
enum mend_rc draft_drop(struct journal *j, const struct draft *d,
			struct mend_err *err);

/* The text discarded last for context (within DRAFT_KEEP_DAYS) into *out
 * (caller frees with draft_done); MEND_ENOTFOUND when there is none. */
enum mend_rc draft_last_discarded(struct journal *j, const char *context,
				  struct draft *out, struct mend_err *err);

/* Forget draft d for good (discarded text that was brought back). */
enum mend_rc draft_forget(struct journal *j, const struct draft *d,
			  struct mend_err *err);

/* Free what draft_last_discarded or draft_orphans allocated
 * for one draft (the struct itself is the caller's). */
void draft_done(struct draft *d);

/* Free a list from draft_orphans (NULL is fine). */
void draft_list_free(struct draft *list, size_t n);

#endif
