/* SPDX-License-Identifier: MIT */
/* Drafts: one row, replaced on every save. */
#include "mend/draft.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static enum mend_rc in_tx(struct journal *j, const char *context,
			  const char *text, struct mend_err *err)
{
	enum mend_rc rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = text ? store_draft_put(j->st, context, text, j->now_iso, err)
		  : store_draft_delete(j->st, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	return rc;
}

enum mend_rc draft_save(struct journal *j, const char *context,
			const char *text, size_t len, struct mend_err *err)
{
	enum mend_rc rc = journal_check_text("draft", text, len,
					     JOURNAL_TEXT_MAX, false, err);
	if (rc == MEND_OK)
		rc = clock_now(&j->now, err);
	if (rc != MEND_OK)
		return rc;
	clock_format_iso(j->now, j->now_iso);
	return in_tx(j, context, text, err);
}

static void take(const char *context, const char *text, const char *updated,
		 void *ctx)
{
	struct draft *d = ctx;
	d->context = strdup(context ? context : "");
	d->text = strdup(text ? text : "");
	snprintf(d->updated_at, sizeof d->updated_at, "%s", updated ? updated : "");
}

enum mend_rc draft_load(struct journal *j, struct draft *out,
			struct mend_err *err)
{
	memset(out, 0, sizeof *out);
	enum mend_rc rc = store_draft_get(j->st, take, out, err);
	if (rc == MEND_OK && (!out->context || !out->text)) {
		draft_done(out);
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	return rc;
}

enum mend_rc draft_clear(struct journal *j, struct mend_err *err)
{
	return in_tx(j, NULL, NULL, err);
}

void draft_done(struct draft *d)
{
	free(d->context);
	free(d->text);
	d->context = d->text = NULL;
}
