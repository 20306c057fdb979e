/* SPDX-License-Identifier: MIT */
/* Decisions about the outcome. Each is a new entry; the latest is the
 * current one and the earlier ones are its history. */
#include "mend/acceptance.h"

#include <string.h>

enum mend_rc acceptance_decide(struct journal *j, const char *outcome,
			       const char *note, char uuid[UUID_LEN],
			       struct mend_err *err)
{
	enum outcome o;
	struct entry e;

	if (!outcome_from_name(outcome, &o))
		return mend_err_set(err, MEND_EINVAL,
				    "outcome: '%.32s' is not one of reconnect, "
				    "friends, part-ways, undecided",
				    outcome ? outcome : "");
	enum mend_rc rc = journal_check_text(
		"note", note, note ? strlen(note) : 0, JOURNAL_TEXT_MAX, false, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_DECISION;
	e.outcome = outcome_name(o);
	e.text = note ? note : "";
	return journal_save_entry(j, &e, uuid, err);
}

struct first_ctx {
	void (*fn)(const struct entry *, void *);
	void *ctx;
	int found;
};

static int first(const struct entry *e, void *ctx)
{
	struct first_ctx *f = ctx;
	f->found = 1;
	f->fn(e, f->ctx);
	return 1;
}

enum mend_rc acceptance_current(struct journal *j,
				void (*fn)(const struct entry *, void *),
				void *ctx, struct mend_err *err)
{
	struct entry_filter f = {.module = -1, .kind = KIND_DECISION, .limit = 1};
	struct first_ctx fc = {fn, ctx, 0};
	enum mend_rc rc = store_entries_each(j->st, &f, first, &fc, err);
	return rc == MEND_OK && !fc.found ? MEND_ENOTFOUND : rc;
}
