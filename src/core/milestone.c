/* SPDX-License-Identifier: MIT */
/* Reaching the goal and letters that open: facts gathered for the front
 * ends' celebrations. It reads only; nothing here writes the journal. */
#include "mend/milestone.h"

#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/nocontact.h"

struct first_ctx {
	struct milestone_goal *g;
	bool nomem;
};

static int keep_first(const struct entry *e, void *ctx)
{
	struct first_ctx *f = ctx;
	f->g->has_first = true;
	memcpy(f->g->first_day, e->day, sizeof f->g->first_day);
	f->g->first_mood = e->mood;
	f->g->first_note = strdup(e->text);
	f->nomem = !f->g->first_note;
	return 1;
}

static void keep_today(const struct entry *e, void *ctx)
{
	struct first_ctx *f = ctx;
	f->g->has_today = true;
	f->g->today_mood = e->mood;
	f->g->today_note = strdup(e->text);
	f->nomem = !f->g->today_note;
}

enum mend_rc milestone_goal(struct journal *j, struct milestone_goal *out,
			    struct mend_err *err)
{
	struct nocontact_status s;
	struct entry_filter f = {.module = -1,
				 .kind = KIND_CHECKIN,
				 .oldest_first = true,
				 .limit = 1};
	struct first_ctx fc = {out, false};
	enum mend_rc rc;

	memset(out, 0, sizeof *out);
	rc = nocontact_status(j, &s, err);
	if (rc != MEND_OK || !s.started)
		return rc;
	out->goal_days = s.goal_days;
	out->days = s.days;
	out->reached = s.days == s.goal_days;
	rc = store_entries_each(j->st, &f, keep_first, &fc, err);
	if (rc == MEND_OK) {
		rc = checkin_today(j, keep_today, &fc, err);
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	if (rc == MEND_OK && fc.nomem)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK)
		rc = store_entry_count(j->st, KIND_URGE, s.period_start,
				       &out->urges, err);
	if (rc == MEND_OK)
		rc = store_entry_count(j->st, KIND_UNSENT, s.period_start,
				       &out->unsent, err);
	return rc;
}

void milestone_goal_done(struct milestone_goal *g)
{
	free(g->first_note);
	free(g->today_note);
	g->first_note = g->today_note = NULL;
}

struct letters_ctx {
	struct journal *j;
	long days;
	struct milestone_letters *out;
};

static int count_letter(const struct entry *e, void *ctx)
{
	struct letters_ctx *l = ctx;
	if (!journal_letter_open(l->j, e)) {
		l->out->waiting++;
		if (!l->out->next_day || e->open_day < l->out->next_day)
			l->out->next_day = e->open_day;
	} else if (l->days >= 0 && e->open_day == l->days) {
		l->out->today++;
	}
	return 0;
}

enum mend_rc milestone_letters(struct journal *j, struct milestone_letters *out,
			       struct mend_err *err)
{
	struct nocontact_status s;
	struct entry_filter f = {.module = -1, .kind = KIND_SEALED};
	struct letters_ctx l = {j, -1, out};
	enum mend_rc rc;

	memset(out, 0, sizeof *out);
	rc = nocontact_status(j, &s, err);
	if (rc != MEND_OK)
		return rc;
	if (s.started)
		l.days = s.days;
	return store_entries_each(j->st, &f, count_letter, &l, err);
}
