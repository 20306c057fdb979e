/* SPDX-License-Identifier: MIT */
/* Which prompts have been answered and when, for choosing today's: the
 * prompt ids (mend's keys, or the ids of a user's prompts file) and the
 * time of their latest answer. No text of any entry is read here. */
#include "store_internal.h"

enum mend_rc store_prompt_answers(struct store *st,
				  void (*fn)(const char *prompt_id,
					     const char *last_at, void *ctx),
				  void *ctx, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	int src;
	enum mend_rc rc =
	    store_cached(st,
			 "SELECT prompt_id, max(created_at) FROM entries WHERE "
			 "prompt_id IS NOT NULL GROUP BY prompt_id",
			 &s, err);
	if (rc != MEND_OK)
		return rc;
	while ((src = sqlite3_step(s)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		const char *at = (const char *)sqlite3_column_text(s, 1);
		if (id && at)
			fn(id, at, ctx);
	}
	if (src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal", err);
	store_release(s);
	return rc;
}
