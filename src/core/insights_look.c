/* SPDX-License-Identifier: MIT */
/* Looking back: on this day and 30, 90 and 365 days ago, the first and
 * the latest of a kind (then and now), and the weekly review with its
 * note. Items name entries by uuid; the words are fetched by the front
 * end through the journal's readers. */
#include "mend/insights.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insights_internal.h"
#include "mend/nocontact.h"
#include "mend/store_insights.h"
#include "mend/uuid.h"

/* --- look back --- */

struct look_ctx {
	struct insights_lookback *l;
	size_t cap;
	size_t total;
	size_t kept;
	int oom;
};

static void look_item(const char *uuid, const char *kind,
		      const char *created_at, void *ctx)
{
	struct look_ctx *x = ctx;
	enum kind k;
	x->total++;
	if (x->kept >= INSIGHTS_LOOK_ITEMS || !kind_from_name(kind, &k))
		return;
	if (x->l->n_items == x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 32;
		struct insights_item *v = realloc(x->l->items, cap * sizeof *v);
		if (!v) {
			x->oom = 1;
			return;
		}
		x->l->items = v;
		x->cap = cap;
	}
	struct insights_item *it = &x->l->items[x->l->n_items++];
	snprintf(it->uuid, sizeof it->uuid, "%s", uuid);
	snprintf(it->created_at, sizeof it->created_at, "%s", created_at);
	it->kind = k;
	x->kept++;
}

/* Add the day (a day number) to l: its mood and its entries. Unless
 * always, a day with neither is left out. */
static enum mend_rc look_day(struct journal *j, struct look_ctx *x,
			     size_t *days_cap, long day, long today,
			     enum insights_when when, int months, bool always,
			     struct mend_err *err)
{
	struct insights_lookback *l = x->l;
	struct insights_span sp;
	struct insights_lookday d = {when, (int)(today - day), months, "",
				     0,	   l->n_items,	       0,      0};
	enum mend_rc rc = MEND_OK;

	insights_span_days(j, day, day, &sp);
	memcpy(d.day, sp.since, sizeof d.day);
	x->total = x->kept = 0;
	if (j->st)
		rc = store_insights_day_mood(j->st, sp.since, &d.mood, err);
	if (rc == MEND_OK && j->st)
		rc = store_insights_day_entries(j->st, sp.since_iso,
						sp.until_iso, sp.since,
						look_item, x, err);
	if (rc == MEND_OK && x->oom)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc != MEND_OK)
		return rc;
	d.n = x->kept;
	d.total = x->total;
	if (!always && d.total == 0 && d.mood == 0)
		return MEND_OK;
	if (l->n_days == *days_cap) {
		size_t cap = *days_cap ? 2 * *days_cap : 16;
		struct insights_lookday *v = realloc(l->days, cap * sizeof *v);
		if (!v)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		l->days = v;
		*days_cap = cap;
	}
	l->days[l->n_days++] = d;
	return MEND_OK;
}

static int month_days(int y, int m)
{
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : n[m - 1];
}

enum mend_rc insights_lookback(struct journal *j, const char *day,
			       struct insights_lookback *out,
			       struct mend_err *err)
{
	struct insights_span sp;
	char first[CLOCK_DATE_LEN] = "", last[CLOCK_DATE_LEN] = "";
	struct look_ctx x = {out, 0, 0, 0, 0};
	size_t days_cap = 0;
	struct mend_date f;

	memset(out, 0, sizeof *out);
	enum mend_rc rc = insights_span_read(j, day, day, -1, &sp, err);
	if (rc == MEND_OK && j->st)
		rc = store_insights_checkin_span(j->st, first, last, err);
	if (rc != MEND_OK)
		return rc;
	long today = sp.last;
	memcpy(out->today, sp.until, sizeof out->today);
	if (j->st)
		rc = store_insights_day_mood(j->st, out->today, &out->mood_now,
					     err);
	/* Earlier than the first entry or check-in nothing was written:
	 * the search stops there. */
	char oldest_iso[CLOCK_ISO_LEN] = "";
	long stop = today;
	if (rc == MEND_OK && j->st) {
		char uuid[UUID_LEN];
		int mood;
		static const char *const kinds[] = {
#define KIND_NAME(e, name, mod) name,
		    KIND_LIST(KIND_NAME)
#undef KIND_NAME
		};
		for (size_t k = 0; rc == MEND_OK && k < KIND_COUNT; k++) {
			char at[CLOCK_ISO_LEN];
			rc = store_insights_kind_end(j->st, kinds[k], false,
						     uuid, at, &mood, err);
			if (rc == MEND_ENOTFOUND) {
				rc = MEND_OK;
				continue;
			}
			if (rc == MEND_OK &&
			    (!*oldest_iso || strcmp(at, oldest_iso) < 0))
				memcpy(oldest_iso, at, sizeof oldest_iso);
		}
		time_t t;
		if (*oldest_iso && clock_parse_iso(oldest_iso, &t))
			stop = clock_days_from_civil(
			    clock_journal_day(t, j->day_start_hour));
		if (clock_parse_date(first, &f) &&
		    clock_days_from_civil(f) < stop)
			stop = clock_days_from_civil(f);
	}
	struct mend_date t = clock_civil_from_days(today);
	for (int k = 1; rc == MEND_OK; k++) {
		long m = (long)t.y * 12 + t.m - 1 - k;
		struct mend_date d = {(int)(m / 12), (int)(m % 12) + 1, t.d};
		if (d.y < 1970)
			break;
		if (d.d > month_days(d.y, d.m))
			continue;
		long n = clock_days_from_civil(d);
		if (n < stop)
			break;
		rc = look_day(j, &x, &days_cap, n, today, INSIGHTS_ON_THIS_DAY,
			      k, false, err);
	}
	static const int ago[] = {30, 90, 365};
	for (size_t i = 0; rc == MEND_OK && i < 3; i++)
		rc = look_day(j, &x, &days_cap, today - ago[i], today,
			      INSIGHTS_DAYS_AGO, 0, true, err);
	if (rc != MEND_OK)
		insights_lookback_done(out);
	return rc;
}

void insights_lookback_done(struct insights_lookback *l)
{
	free(l->days);
	free(l->items);
	l->days = NULL;
	l->items = NULL;
	l->n_days = l->n_items = 0;
}

/* --- then and now --- */

static enum mend_rc kind_end(struct journal *j, enum kind k, bool latest,
			     struct insights_item *it, int *mood,
			     struct mend_err *err)
{
	enum mend_rc rc = store_insights_kind_end(
	    j->st, kind_name(k), latest, it->uuid, it->created_at, mood, err);
	it->kind = k;
	if (rc == MEND_ENOTFOUND) {
		it->uuid[0] = it->created_at[0] = '\0';
		*mood = 0;
		rc = MEND_OK;
	}
	return rc;
}

/* The setting that remembers the last streak day offered: the running
 * period's start and the day, so a new stretch is offered afresh. */
static void seen_value(const struct nocontact_status *s, long day, char buf[64])
{
	snprintf(buf, 64, "%s %ld", s->period_start, day);
}

enum mend_rc insights_then_now(struct journal *j, struct insights_then_now *out,
			       struct mend_err *err)
{
	static const enum kind kinds[] = {KIND_CHECKIN, KIND_REFLECTION,
					  KIND_UNSENT};
	struct nocontact_status s;
	enum mend_rc rc = MEND_OK;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < 3; i++) {
		struct insights_pair *p = &out->pairs[i];
		p->kind = kinds[i];
		p->first.kind = p->latest.kind = kinds[i];
		if (rc == MEND_OK && j->st)
			rc = kind_end(j, kinds[i], false, &p->first,
				      &p->first_mood, err);
		if (rc == MEND_OK && j->st)
			rc = kind_end(j, kinds[i], true, &p->latest,
				      &p->latest_mood, err);
		if (strcmp(p->first.uuid, p->latest.uuid) == 0) {
			p->latest.uuid[0] = p->latest.created_at[0] = '\0';
			p->latest_mood = 0;
		}
	}
	if (rc != MEND_OK || !j->st)
		return rc;
	rc = nocontact_status(j, &s, err);
	if (rc != MEND_OK || !s.started || s.days <= 0)
		return rc;
	if (s.days == s.goal_days || s.days == s.last_milestone) {
		char want[64], have[64] = "";
		seen_value(&s, s.days, want);
		if (store_setting_get(j->st, "then_now_seen", have, sizeof have,
				      NULL) != MEND_OK ||
		    strcmp(have, want) != 0) {
			out->offer = true;
			out->offer_day = s.days;
		}
	}
	return MEND_OK;
}

enum mend_rc insights_then_now_seen(struct journal *j, long day,
				    struct mend_err *err)
{
	struct nocontact_status s;
	char v[64];
	enum mend_rc rc = nocontact_status(j, &s, err);
	if (rc != MEND_OK)
		return rc;
	seen_value(&s, day, v);
	return journal_set_setting(j, "then_now_seen", v, err);
}

/* --- your week --- */

struct week_fill {
	struct journal *j;
	struct insights_week *w;
	time_t since, until;
};

static void week_kind(const char *kind, long n, void *ctx)
{
	struct insights_week *w = ((struct week_fill *)ctx)->w;
	if (strcmp(kind, "urge") == 0)
		w->urges += n;
	else if (strcmp(kind, "pause") == 0)
		w->pauses += n;
	else if (strcmp(kind, "reflection") == 0)
		w->reflections += n;
}

static void week_growth(const char *category, long minutes, long count,
			void *ctx)
{
	struct insights_week *w = ((struct week_fill *)ctx)->w;
	for (size_t i = 0; i < w->n_growth; i++)
		if (strcmp(w->growth[i].category, category) == 0) {
			w->growth[i].minutes += minutes;
			w->growth[i].count += count;
		}
}

/* A sealed letter opens the moment a period that runs past its writing
 * reaches its day (as journal_letter_open decides): count it when that
 * moment falls in the week. */
static void week_letter(const char *uuid, const char *created_at, int open_day,
			void *ctx)
{
	struct week_fill *f = ctx;
	const struct period_list *pl;
	time_t written, start, end;

	if (!clock_parse_iso(created_at, &written) ||
	    journal_periods(f->j, &pl, NULL) != MEND_OK)
		return;
	for (size_t i = 0; i < pl->n; i++) {
		if (!clock_parse_iso(pl->items[i].started_at, &start))
			continue;
		if (!pl->items[i].ended_at[0] ||
		    !clock_parse_iso(pl->items[i].ended_at, &end))
			end = f->j->now;
		if (end < written)
			continue;
		long days;
		int hours;
		clock_elapsed(start, end, &days, &hours);
		if (days < open_day)
			continue;
		time_t at = start + (time_t)open_day * 86400;
		if (at < written)
			at = written;
		if (at >= f->since && at < f->until) {
			if (!f->w->letters_opened++)
				snprintf(f->w->letter_uuid,
					 sizeof f->w->letter_uuid, "%s", uuid);
		}
		return;
	}
}

enum mend_rc insights_week(struct journal *j, const char *start,
			   struct insights_week *out, struct mend_err *err)
{
	struct insights_span sp, before;
	const struct content *c = NULL;
	struct insights_avg urge;
	long day = journal_today(j) - 7;
	enum mend_rc rc = MEND_OK;

	memset(out, 0, sizeof *out);
	if (start) {
		struct mend_date d;
		if (!clock_parse_date(start, &d))
			return mend_err_set(err, MEND_EINVAL,
					    "week: '%.40s' is not a date "
					    "(YYYY-MM-DD)",
					    start);
		day = clock_days_from_civil(d);
	}
	day = clock_days_from_civil(
	    insights_week_start(j, clock_civil_from_days(day)));
	insights_span_days(j, day, day + 6, &sp);
	insights_span_days(j, day - 7, day - 1, &before);
	memcpy(out->start, sp.since, sizeof out->start);
	memcpy(out->end, sp.until, sizeof out->end);
	rc = journal_content(j, &c, err);
	if (rc == MEND_OK && c && c->n_categories) {
		out->growth = calloc(c->n_categories, sizeof *out->growth);
		if (!out->growth)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		for (size_t i = 0; out->growth && i < c->n_categories; i++)
			out->growth[i].category = c->categories[i].id;
		out->n_growth = out->growth ? c->n_categories : 0;
	}
	if (rc != MEND_OK || !j->st)
		return rc;
	struct week_fill f = {j, out, 0, 0};
	clock_parse_iso(sp.since_iso, &f.since);
	clock_parse_iso(sp.until_iso, &f.until);
	rc = store_insights_checkin_avg(j->st, sp.since, sp.until, &out->mood,
					&urge, err);
	if (rc == MEND_OK)
		rc = store_insights_checkin_avg(j->st, before.since,
						before.until, &out->mood_before,
						&urge, err);
	out->checkins = out->mood.n;
	if (rc == MEND_OK)
		rc = store_insights_kind_counts(
		    j->st, sp.since_iso, sp.until_iso, week_kind, &f, err);
	if (rc == MEND_OK)
		rc = store_growth_totals(j->st, sp.since_iso, sp.until_iso,
					 week_growth, &f, err);
	if (rc == MEND_OK)
		rc = store_insights_sealed(j->st, week_letter, &f, err);
	if (rc == MEND_OK) {
		rc = store_insights_week_note(j->st, out->start, out->note_uuid,
					      err);
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	if (rc != MEND_OK)
		insights_week_done(out);
	return rc;
}

void insights_week_done(struct insights_week *w)
{
	free(w->growth);
	w->growth = NULL;
	w->n_growth = 0;
}

enum mend_rc insights_week_due(struct journal *j, bool *due,
			       struct mend_err *err)
{
	long today = journal_today(j);
	struct insights_span sp;
	char uuid[UUID_LEN], seen[CLOCK_DATE_LEN] = "";
	bool any = false;

	*due = false;
	if (!j->st || clock_days_from_civil(insights_week_start(
			  j, clock_civil_from_days(today))) != today)
		return MEND_OK;
	insights_span_days(j, today - 7, today - 1, &sp);
	enum mend_rc rc = store_insights_week_note(j->st, sp.since, uuid, err);
	if (rc == MEND_OK)
		return MEND_OK; /* kept already */
	if (rc != MEND_ENOTFOUND)
		return rc;
	if (store_setting_get(j->st, "week_seen", seen, sizeof seen, NULL) ==
		MEND_OK &&
	    strcmp(seen, sp.since) == 0)
		return MEND_OK;
	rc = store_insights_any(j->st, sp.since_iso, sp.until_iso, sp.since,
				sp.until, &any, err);
	if (rc == MEND_OK)
		*due = any;
	return rc;
}

enum mend_rc insights_week_seen(struct journal *j,
				const struct insights_week *w,
				struct mend_err *err)
{
	return journal_set_setting(j, "week_seen", w->start, err);
}

enum mend_rc insights_week_note(struct journal *j,
				const struct insights_week *w, const char *text,
				size_t len, char uuid[UUID_LEN],
				struct mend_err *err)
{
	char have[UUID_LEN];
	struct entry e;
	enum mend_rc rc =
	    journal_check_text("note", text, len, JOURNAL_NOTE_MAX, true, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_insights_week_note(j->st, w->start, have, err);
	if (rc == MEND_OK) {
		rc = journal_edit(j, have, text, len, err);
		if (rc == MEND_OK && uuid)
			memcpy(uuid, have, UUID_LEN);
		return rc;
	}
	if (rc != MEND_ENOTFOUND)
		return rc;
	entry_init(&e);
	e.kind = KIND_WEEK;
	e.text = text;
	snprintf(e.day, sizeof e.day, "%s", w->start);
	return journal_save_entry(j, &e, uuid, err);
}
