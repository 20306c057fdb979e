/* SPDX-License-Identifier: MIT */
/* The editor's draft: what was typed but not yet saved, kept in the
 * journal every few seconds and when the program is told to stop, so the
 * next start can offer it back. One draft at a time. */
#ifndef MEND_DRAFT_H
#define MEND_DRAFT_H

#include "mend/journal.h"

struct draft {
	char *context; /* where it belongs, e.g. "reflection:ID" */
	char *text;
	char updated_at[CLOCK_ISO_LEN];
};

/* Keep text (len bytes; invalid UTF-8 is refused) as the draft for
 * context. One transaction. */
enum mend_rc draft_save(struct journal *j, const char *context,
			const char *text, size_t len, struct mend_err *err);

/* Load the draft into *out (caller frees with draft_done);
 * MEND_ENOTFOUND when there is none. */
enum mend_rc draft_load(struct journal *j, struct draft *out,
			struct mend_err *err);

/* Forget the draft (after it was saved or dropped). */
enum mend_rc draft_clear(struct journal *j, struct mend_err *err);

/* Free what draft_load allocated. */
void draft_done(struct draft *d);

#endif
