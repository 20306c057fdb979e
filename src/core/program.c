/* SPDX-License-Identifier: MIT */
/* The program's judgement: which module to suggest today, and the status
 * summary. Suggestions read the journal (days since the start, slips,
 * urges, what has been written lately) and never lock anything. */
#include "mend/program.h"

#include <string.h>

#include "mend/acceptance.h"
#include "mend/checkin.h"

#define DAY 86400

static void keep_entry(const struct entry *e, void *ctx)
{
	struct entry *out = ctx;
	*out = *e;
	/* Only integer fields and fixed buffers are read afterwards. */
	out->text = "";
	out->prompt_id = out->prompt_text = out->initiator = NULL;
	out->channel = out->category = out->tags = NULL;
	out->outcome = NULL;
}

static int latest(const struct entry *e, void *ctx)
{
	keep_entry(e, ctx);
	return 1;
}

struct decided {
	bool found;
	enum outcome o;
	char at[CLOCK_ISO_LEN];
};

static void keep_decided(const struct entry *e, void *ctx)
{
	struct decided *d = ctx;
	d->found = outcome_from_name(e->outcome, &d->o);
	memcpy(d->at, e->created_at, sizeof d->at);
}

static enum mend_rc written_since(struct journal *j, enum kind k, long days,
				  long *out, struct mend_err *err)
{
	char since[CLOCK_ISO_LEN];
	clock_format_iso(j->now - days * DAY, since);
	return store_entry_count(j->st, k, since, out, err);
}

/* The journal day an entry belongs to: a check-in's own day, else the
 * day of its creation. -1 when neither reads. */
static long entry_day(const struct journal *j, const struct entry *e)
{
	struct mend_date d;
	time_t t;
	if (e->day[0] && clock_parse_date(e->day, &d))
		return clock_days_from_civil(d);
	if (e->created_at[0] && clock_parse_iso(e->created_at, &t))
		return clock_days_from_civil(
			clock_journal_day(t, j->day_start_hour));
	return -1;
}

/* What the day looks like: the latest check-in if it is from today or
 * yesterday, and the strongest recent urge, from a check-in or an urge
 * written down. */
struct today {
	int mood; /* 0 when no recent check-in */
	int urge; /* 0 when none recent */
	bool low, calm;
};

static enum mend_rc read_today(struct journal *j, struct today *t,
			       struct mend_err *err)
{
	struct entry last;
	struct entry_filter f = {.module = -1, .kind = KIND_CHECKIN, .limit = 1};
	long today = journal_today(j);
	bool low3 = false;
	enum mend_rc rc;

	memset(t, 0, sizeof *t);
	entry_init(&last);
	rc = store_entries_each(j->st, &f, latest, &last, err);
	if (rc == MEND_OK && last.mood != ENTRY_NONE &&
	    entry_day(j, &last) >= today - 1) {
		t->mood = last.mood;
		if (last.urge != ENTRY_NONE)
			t->urge = last.urge;
	}
	entry_init(&last);
	f.kind = KIND_URGE;
	if (rc == MEND_OK)
		rc = store_entries_each(j->st, &f, latest, &last, err);
	if (rc == MEND_OK && last.urge != ENTRY_NONE && last.urge > t->urge &&
	    entry_day(j, &last) >= today - 1)
		t->urge = last.urge;
	if (rc == MEND_OK)
		rc = checkin_low_mood(j, &low3, err);
	t->low = low3 || (t->mood > 0 && t->mood <= 3);
	t->calm = !t->low && t->mood >= 7 && t->urge <= 3;
	return rc;
}

/* A choice among the suggestions that fit today: several may, and the
 * day picks one, so a month does not hear the same sentence daily. */
struct pick {
	enum module m[SUGGEST_COUNT];
	enum suggest_reason r[SUGGEST_COUNT];
	int n;
};

static void can(struct pick *p, enum module m, enum suggest_reason r)
{
	if (p->n < SUGGEST_COUNT) {
		p->m[p->n] = m;
		p->r[p->n] = r;
		p->n++;
	}
}

static void choose(const struct pick *p, long today, enum module *module,
		   enum suggest_reason *reason)
{
	int i = (int)((today < 0 ? -today : today) % p->n);
	*module = p->m[i];
	*reason = p->r[i];
}

/* The module left alone the longest among those visited, if that was
 * more than three days ago; -1 otherwise. No contact is left out once
 * the person has chosen to reconnect or stay friends. */
static enum mend_rc stale_module(struct journal *j, bool with_nocontact,
				 int *out, struct mend_err *err)
{
	static const enum module order[] = {MODULE_REFLECTION, MODULE_GROWTH,
					    MODULE_ACCEPTANCE, MODULE_NOCONTACT};
	char oldest[CLOCK_ISO_LEN] = "", when[CLOCK_ISO_LEN], ago[CLOCK_ISO_LEN];
	enum mend_rc rc = MEND_OK;

	*out = -1;
	for (size_t i = 0; rc == MEND_OK && i < sizeof order / sizeof order[0];
	     i++) {
		if (order[i] == MODULE_NOCONTACT && !with_nocontact)
			continue;
		rc = store_module_latest(j->st, (int)order[i], when, err);
		if (rc == MEND_OK && when[0] &&
		    (!oldest[0] || strcmp(when, oldest) < 0)) {
			memcpy(oldest, when, sizeof oldest);
			*out = (int)order[i];
		}
	}
	clock_format_iso(j->now - 3 * DAY, ago);
	if (!oldest[0] || strcmp(oldest, ago) >= 0)
		*out = -1;
	return rc;
}

enum mend_rc program_suggest(struct journal *j, enum module *module,
			     enum suggest_reason *reason, struct mend_err *err)
{
	struct nocontact_status s;
	struct today t;
	struct decided d = {false, OUTCOME_UNDECIDED, ""};
	struct pick p = {.n = 0};
	long today = journal_today(j), n = 0, acc = 0, dec = 0;
	int stale = -1;
	char fortnight[CLOCK_ISO_LEN];
	enum mend_rc rc = nocontact_status(j, &s, err);

	if (rc == MEND_OK)
		rc = read_today(j, &t, err);
	if (rc == MEND_OK) {
		rc = acceptance_current(j, keep_decided, &d, err);
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	if (rc != MEND_OK)
		return rc;
	/* Once they have chosen to try again or to stay friends, the
	 * no-contact count is no longer the thing to push. */
	bool together = d.found &&
			(d.o == OUTCOME_RECONNECT || d.o == OUTCOME_FRIENDS);

	/* A low day gets care or company, never homework. */
	if (t.low) {
		can(&p, MODULE_GROWTH, SUGGEST_LOW_CARE);
		can(&p, MODULE_GROWTH, SUGGEST_LOW_COMPANY);
		choose(&p, today, module, reason);
		return MEND_OK;
	}
	*module = MODULE_NOCONTACT;
	if (!together && !s.started) {
		*reason = SUGGEST_NO_START;
		return MEND_OK;
	}
	if (!together && t.urge >= 7) {
		*reason = SUGGEST_URGES_HIGH;
		return MEND_OK;
	}
	/* A calm day is good news first, and then an invitation. */
	if (t.calm) {
		can(&p, MODULE_GROWTH, SUGGEST_CALM_GROWTH);
		can(&p, MODULE_REFLECTION, SUGGEST_CALM_REFLECT);
		if (s.longest_days >= 14 || together)
			can(&p, MODULE_ACCEPTANCE, SUGGEST_CALM_ACCEPT);
		choose(&p, today, module, reason);
		return MEND_OK;
	}
	if (!together && s.days < 3) {
		*reason = s.periods > 1 ? SUGGEST_AFTER_SLIP : SUGGEST_EARLY_DAYS;
		return MEND_OK;
	}
	rc = store_entry_count(j->st, KIND_REFLECTION, NULL, &n, err);
	if (rc == MEND_OK)
		rc = written_since(j, KIND_ACCEPTANCE, 7, &acc, err);
	if (rc == MEND_OK)
		rc = written_since(j, KIND_DECISION, 7, &dec, err);
	if (rc != MEND_OK)
		return rc;
	bool weeks_in = s.longest_days >= 21 || s.days >= 21;

	clock_format_iso(j->now - 14 * DAY, fortnight);
	if (together && strcmp(d.at, fortnight) >= 0)
		can(&p, d.o == OUTCOME_RECONNECT ? MODULE_REFLECTION
						 : MODULE_ACCEPTANCE,
		    d.o == OUTCOME_RECONNECT ? SUGGEST_DECIDED_RECONNECT
					     : SUGGEST_DECIDED_FRIENDS);
	if (n < 3)
		can(&p, MODULE_REFLECTION, SUGGEST_REFLECT_START);
	rc = written_since(j, KIND_GROWTH, 3, &n, err);
	if (rc == MEND_OK && n == 0)
		can(&p, MODULE_GROWTH, SUGGEST_GROWTH_QUIET);
	if (rc == MEND_OK && weeks_in && acc + dec == 0)
		can(&p, MODULE_ACCEPTANCE, SUGGEST_ACCEPTANCE_READY);
	if (rc == MEND_OK)
		rc = stale_module(j, !together, &stale, err);
	if (rc != MEND_OK)
		return rc;
	bool named = false;
	for (int i = 0; i < p.n; i++)
		named |= p.m[i] == (enum module)stale;
	if (stale >= 0 && !named)
		can(&p, (enum module)stale, SUGGEST_BALANCE);
	if (p.n < 2)
		can(&p, MODULE_REFLECTION, SUGGEST_REFLECT_MORE);
	choose(&p, today, module, reason);
	return MEND_OK;
}

static void keep_mood(const struct entry *e, void *ctx)
{
	*(int *)ctx = e->mood;
}

static void keep_outcome(const struct entry *e, void *ctx)
{
	struct program_status *s = ctx;
	s->has_decision = true;
	strncpy(s->decision, e->outcome ? e->outcome : "",
		sizeof s->decision - 1);
}

enum mend_rc program_status_line(struct journal *j,
				 struct program_status *out, bool suggest,
				 struct mend_err *err)
{
	enum mend_rc rc;

	memset(out, 0, sizeof *out);
	rc = nocontact_status(j, &out->nc, err);
	if (rc == MEND_OK) {
		rc = checkin_today(j, keep_mood, &out->today_mood, err);
		out->checked_in_today = rc == MEND_OK;
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	if (rc == MEND_OK) {
		rc = acceptance_current(j, keep_outcome, out, err);
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	if (rc == MEND_OK && suggest)
		rc = program_suggest(j, &out->suggested, &out->reason, err);
	return rc;
}

enum mend_rc program_status(struct journal *j, struct program_status *out,
			    struct mend_err *err)
{
	enum mend_rc rc = program_status_line(j, out, true, err);

	if (rc == MEND_OK)
		rc = checkin_low_mood(j, &out->low_mood, err);
	if (rc == MEND_OK)
		rc = store_has_entries(j->st, &out->has_entries, err);
	return rc;
}
