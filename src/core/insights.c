/* SPDX-License-Identifier: MIT */
/* The insights over time: mood and urges by day, week or month, the year
 * in pixels, the no-contact periods with the urges and pauses per week,
 * what helps, and when urges come. The counting is SQLite's
 * (store_insights.c); this lays the buckets out, gaps included, and
 * words what helps. Look-back and the week are in insights_look.c. */
#include "mend/insights.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_embed.h"
#include "insights_internal.h"
#include "mend/nocontact.h"
#include "mend/store_insights.h"

#define MAX_BUCKETS 36600

static const char *const by_names[] = {"day", "week", "month"};
static const char *const wday_names[] = {"monday",   "tuesday", "wednesday",
					 "thursday", "friday",	"saturday",
					 "sunday"};

bool insights_by_from_name(const char *name, enum insights_by *out)
{
	for (int i = 0; i < 3; i++)
		if (name && strcmp(name, by_names[i]) == 0) {
			*out = (enum insights_by)i;
			return true;
		}
	return false;
}

const char *insights_by_name(enum insights_by by)
{
	return by_names[by <= INSIGHTS_BY_MONTH ? by : 0];
}

/* --- spans shared with insights_look.c --- */

int insights_wday(long day)
{
	/* 1970-01-01 was a Thursday. */
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

void insights_day_str(long day, char buf[CLOCK_DATE_LEN])
{
	clock_format_date(clock_civil_from_days(day), buf);
}

int insights_week_wday(struct journal *j)
{
	char buf[16];
	if (j->st && store_setting_get(j->st, "week_start", buf, sizeof buf,
				       NULL) == MEND_OK)
		for (int i = 0; i < 7; i++)
			if (strcmp(buf, wday_names[i]) == 0)
				return i;
	return 0;
}

struct mend_date insights_week_start(struct journal *j, struct mend_date day)
{
	long d = clock_days_from_civil(day);
	int back = (insights_wday(d) - insights_week_wday(j) + 7) % 7;
	return clock_civil_from_days(d - back);
}

void insights_shift(const struct journal *j, char buf[24])
{
	snprintf(buf, 24, "-%d hours", j->day_start_hour);
}

static void day_iso(const struct journal *j, long day, char buf[CLOCK_ISO_LEN])
{
	clock_format_iso(clock_journal_day_start(clock_civil_from_days(day),
						 j->day_start_hour),
			 buf);
}

void insights_span_days(struct journal *j, long first, long last,
			struct insights_span *sp)
{
	sp->first = first;
	sp->last = last;
	insights_day_str(first, sp->since);
	insights_day_str(last, sp->until);
	day_iso(j, first, sp->since_iso);
	day_iso(j, last + 1, sp->until_iso);
}

static enum mend_rc read_day(const char *field, const char *s, long *out,
			     struct mend_err *err)
{
	struct mend_date d;
	if (!clock_parse_date(s, &d))
		return mend_err_set(err, MEND_EINVAL,
				    "%s: '%.40s' is not a date (YYYY-MM-DD)",
				    field, s);
	*out = clock_days_from_civil(d);
	return MEND_OK;
}

enum mend_rc insights_span_read(struct journal *j, const char *since,
				const char *until, long dflt,
				struct insights_span *sp, struct mend_err *err)
{
	long first, last = journal_today(j);
	enum mend_rc rc =
	    until ? read_day("until", until, &last, err) : MEND_OK;
	first = dflt >= 0 && dflt <= last ? dflt : last;
	if (rc == MEND_OK && since)
		rc = read_day("since", since, &first, err);
	if (rc == MEND_OK && first > last)
		rc = mend_err_set(err, MEND_EINVAL,
				  "since: '%s' is after until", since);
	if (rc == MEND_OK)
		insights_span_days(j, first, last, sp);
	return rc;
}

/* The first check-in's day as a day number, -1 when there is none. */
static enum mend_rc first_checkin(struct journal *j, long *out,
				  struct mend_err *err)
{
	char first[CLOCK_DATE_LEN] = "", last[CLOCK_DATE_LEN] = "";
	struct mend_date d;
	enum mend_rc rc =
	    j->st ? store_insights_checkin_span(j->st, first, last, err)
		  : MEND_OK;
	*out = rc == MEND_OK && clock_parse_date(first, &d)
		   ? clock_days_from_civil(d)
		   : -1;
	return rc;
}

enum mend_rc insights_first_checkin(struct journal *j, char day[CLOCK_DATE_LEN],
				    struct mend_err *err)
{
	char last[CLOCK_DATE_LEN];
	day[0] = '\0';
	return j->st ? store_insights_checkin_span(j->st, day, last, err)
		     : MEND_OK;
}

/* --- mood and urges over time --- */

static long month_index(struct mend_date d)
{
	return (long)d.y * 12 + d.m - 1;
}

/* The first day of the bucket that holds day, and its index from the
 * bucket that holds base. */
static long bucket_of(struct journal *j, enum insights_by by, long day,
		      long base)
{
	struct mend_date d = clock_civil_from_days(day);
	struct mend_date b = clock_civil_from_days(base);
	switch (by) {
	case INSIGHTS_BY_WEEK:
		return (clock_days_from_civil(insights_week_start(j, d)) -
			clock_days_from_civil(insights_week_start(j, b))) /
		       7;
	case INSIGHTS_BY_MONTH:
		return month_index(d) - month_index(b);
	default:
		return day - base;
	}
}

static long bucket_start(struct journal *j, enum insights_by by, long base,
			 long i)
{
	struct mend_date b = clock_civil_from_days(base);
	switch (by) {
	case INSIGHTS_BY_WEEK:
		return clock_days_from_civil(insights_week_start(j, b)) + 7 * i;
	case INSIGHTS_BY_MONTH: {
		long m = month_index(b) + i;
		struct mend_date d = {(int)(m / 12), (int)(m % 12) + 1, 1};
		return clock_days_from_civil(d);
	}
	default:
		return base + i;
	}
}

struct fill_ctx {
	struct journal *j;
	struct insights_mood *m;
	long base;
};

static void fill_point(const char *start, struct insights_avg mood,
		       struct insights_avg urge, void *ctx)
{
	struct fill_ctx *f = ctx;
	struct mend_date d;
	if (!clock_parse_date(start, &d))
		return;
	long i = bucket_of(f->j, f->m->by, clock_days_from_civil(d), f->base);
	if (i < 0 || (size_t)i >= f->m->n)
		return;
	f->m->points[i].mood = mood;
	f->m->points[i].urge = urge;
}

static enum mend_rc avg_days(struct journal *j, long first, long last,
			     struct insights_avg *mood,
			     struct insights_avg *urge, struct mend_err *err)
{
	char a[CLOCK_DATE_LEN], b[CLOCK_DATE_LEN];
	insights_day_str(first, a);
	insights_day_str(last, b);
	memset(mood, 0, sizeof *mood);
	memset(urge, 0, sizeof *urge);
	return j->st ? store_insights_checkin_avg(j->st, a, b, mood, urge, err)
		     : MEND_OK;
}

enum mend_rc insights_mood(struct journal *j, enum insights_by by,
			   const char *since, const char *until,
			   struct insights_mood *out, struct mend_err *err)
{
	struct insights_span sp;
	long first;
	memset(out, 0, sizeof *out);
	out->by = by;
	enum mend_rc rc = first_checkin(j, &first, err);
	if (rc == MEND_OK)
		rc = insights_span_read(j, since, until, first, &sp, err);
	if (rc != MEND_OK)
		return rc;
	long n = bucket_of(j, by, sp.last, sp.first) + 1;
	if (n > MAX_BUCKETS)
		return mend_err_set(err, MEND_EINVAL,
				    "since: %ld %ss from %s to %s are more "
				    "than %d; give a later --since",
				    n, by_names[by], sp.since, sp.until,
				    MAX_BUCKETS);
	out->points = calloc((size_t)n, sizeof *out->points);
	if (!out->points)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	out->n = (size_t)n;
	memcpy(out->since, sp.since, sizeof out->since);
	memcpy(out->until, sp.until, sizeof out->until);
	for (long i = 0; i < n; i++)
		insights_day_str(bucket_start(j, by, sp.first, i),
				 out->points[i].start);
	struct fill_ctx f = {j, out, sp.first};
	if (j->st)
		rc = store_insights_checkin_buckets(
		    j->st, (int)by, (insights_week_wday(j) + 1) % 7, sp.since,
		    sp.until, fill_point, &f, err);
	if (rc == MEND_OK)
		rc = avg_days(j, sp.last - 6, sp.last, &out->mood_7,
			      &out->urge_7, err);
	if (rc == MEND_OK)
		rc = avg_days(j, sp.last - 29, sp.last, &out->mood_30,
			      &out->urge_30, err);
	if (rc == MEND_OK)
		rc = avg_days(j, sp.last - 59, sp.last - 30, &out->mood_prev_30,
			      &out->urge_prev_30, err);
	if (rc != MEND_OK)
		insights_mood_done(out);
	return rc;
}

void insights_mood_done(struct insights_mood *m)
{
	free(m->points);
	m->points = NULL;
	m->n = 0;
}

/* --- a year in pixels --- */

struct year_ctx {
	struct insights_year *y;
	long jan1;
};

static void year_day(const char *start, struct insights_avg mood,
		     struct insights_avg urge, void *ctx)
{
	struct year_ctx *x = ctx;
	struct mend_date d;
	(void)urge;
	if (!clock_parse_date(start, &d) || mood.n == 0)
		return;
	long i = clock_days_from_civil(d) - x->jan1;
	if (i >= 0 && i < x->y->days) {
		x->y->mood[i] = (int)(mood.mean + 0.5);
		x->y->checkins++;
	}
}

enum mend_rc insights_year(struct journal *j, int year,
			   struct insights_year *out, struct mend_err *err)
{
	char first[CLOCK_DATE_LEN] = "", last[CLOCK_DATE_LEN] = "";
	char a[CLOCK_DATE_LEN], b[CLOCK_DATE_LEN];
	enum mend_rc rc = MEND_OK;

	memset(out, 0, sizeof *out);
	if (year == 0)
		year = clock_civil_from_days(journal_today(j)).y;
	if (year < 1970 || year > 9999)
		return mend_err_set(err, MEND_EINVAL,
				    "year: %d is not in 1970..9999", year);
	struct mend_date jan1 = {year, 1, 1}, next = {year + 1, 1, 1};
	long d0 = clock_days_from_civil(jan1);
	out->year = year;
	out->days =
	    year == 9999 ? 365 : (int)(clock_days_from_civil(next) - d0);
	out->jan1_weekday = insights_wday(d0);
	snprintf(a, sizeof a, "%04d-01-01", year);
	snprintf(b, sizeof b, "%04d-12-31", year);
	struct year_ctx x = {out, d0};
	if (j->st)
		rc = store_insights_checkin_buckets(j->st, 0, 0, a, b, year_day,
						    &x, err);
	if (rc == MEND_OK && j->st)
		rc = store_insights_checkin_span(j->st, first, last, err);
	if (rc == MEND_OK && *first && *last) {
		out->first_year = atoi(first);
		out->last_year = atoi(last);
	}
	return rc;
}

/* --- no contact over time --- */

static void local_day(const char *iso, char buf[CLOCK_DATE_LEN])
{
	time_t t;
	if (iso && *iso && clock_parse_iso(iso, &t))
		clock_format_date(clock_local_date(t), buf);
	else
		buf[0] = '\0';
}

struct week_ctx {
	struct journal *j;
	struct insights_periods *p;
	long base;
	double before_sum, after_sum;
};

static void add_avg(struct insights_avg *to, struct insights_avg a)
{
	if (a.n <= 0)
		return;
	to->mean = (to->mean * (double)to->n + a.mean * (double)a.n) /
		   (double)(to->n + a.n);
	to->n += a.n;
}

static void urge_week(const char *week, const char *kind, long count,
		      struct insights_avg urge, struct insights_avg after,
		      void *ctx)
{
	struct week_ctx *w = ctx;
	struct mend_date d;
	if (!clock_parse_date(week, &d))
		return;
	long i = (clock_days_from_civil(d) - w->base) / 7;
	if (i < 0 || (size_t)i >= w->p->n_weeks)
		return;
	struct insights_urge_week *u = &w->p->weeks[i];
	if (strcmp(kind, "pause") == 0) {
		u->pauses += count;
		w->p->pauses += count;
		u->before = urge;
		u->after = after;
		add_avg(&w->p->before, urge);
		add_avg(&w->p->after, after);
	} else {
		u->urges += count;
		w->p->urges += count;
		u->strength = urge;
	}
}

static enum mend_rc periods_list(struct journal *j,
				 struct insights_periods *out,
				 struct mend_err *err)
{
	const struct period_list *pl;
	enum mend_rc rc = j->st ? journal_periods(j, &pl, err) : MEND_OK;
	if (rc != MEND_OK || !j->st || pl->n == 0)
		return rc;
	out->items = calloc(pl->n, sizeof *out->items);
	if (!out->items)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	out->n = pl->n;
	for (size_t i = 0; i < pl->n; i++) {
		struct insights_period *p = &out->items[i];
		memcpy(p->uuid, pl->items[i].uuid, sizeof p->uuid);
		local_day(pl->items[i].started_at, p->start);
		local_day(pl->items[i].ended_at, p->end);
		p->running = !pl->items[i].ended_at[0];
		p->days = nocontact_period_days(j, &pl->items[i]);
		out->total_days += p->days;
		if (out->longest < 0 || p->days > out->longest_days) {
			out->longest = (long)i;
			out->longest_days = p->days;
		}
	}
	return MEND_OK;
}

enum mend_rc insights_periods(struct journal *j, const char *since,
			      const char *until, struct insights_periods *out,
			      struct mend_err *err)
{
	char first_iso[CLOCK_ISO_LEN] = "", shift[24];
	struct insights_span sp;
	long first = -1;
	time_t t;

	memset(out, 0, sizeof *out);
	out->longest = -1;
	enum mend_rc rc =
	    j->st ? store_insights_urge_first(j->st, first_iso, err) : MEND_OK;
	if (rc == MEND_OK && *first_iso && clock_parse_iso(first_iso, &t))
		first = clock_days_from_civil(
		    clock_journal_day(t, j->day_start_hour));
	if (rc == MEND_OK)
		rc = insights_span_read(j, since, until, first, &sp, err);
	if (rc == MEND_OK)
		rc = periods_list(j, out, err);
	if (rc != MEND_OK) {
		insights_periods_done(out);
		return rc;
	}
	long base = clock_days_from_civil(
	    insights_week_start(j, clock_civil_from_days(sp.first)));
	long n = (sp.last - base) / 7 + 1;
	if (n > MAX_BUCKETS / 7) {
		insights_periods_done(out);
		return mend_err_set(err, MEND_EINVAL,
				    "since: %ld weeks from %s to %s are more "
				    "than %d; give a later --since",
				    n, sp.since, sp.until, MAX_BUCKETS / 7);
	}
	out->weeks = calloc((size_t)n, sizeof *out->weeks);
	if (!out->weeks) {
		insights_periods_done(out);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	out->n_weeks = (size_t)n;
	for (long i = 0; i < n; i++)
		insights_day_str(base + 7 * i, out->weeks[i].start);
	struct week_ctx w = {j, out, base, 0, 0};
	insights_shift(j, shift);
	if (j->st)
		rc = store_insights_urge_weeks(
		    j->st, shift, (insights_week_wday(j) + 1) % 7, sp.since_iso,
		    sp.until_iso, urge_week, &w, err);
	if (rc != MEND_OK)
		insights_periods_done(out);
	return rc;
}

void insights_periods_done(struct insights_periods *p)
{
	free(p->items);
	free(p->weeks);
	p->items = NULL;
	p->weeks = NULL;
	p->n = p->n_weeks = 0;
}

/* --- what helps --- */

struct sums {
	char key[INSIGHTS_KEY_MAX];
	long n;
	double sum;
};

struct sum_list {
	struct sums *v;
	size_t n, cap;
	long total_n;
	double total_sum;
	int oom;
};

static void add_sum(const char *key, long n, double sum, void *ctx)
{
	struct sum_list *l = ctx;
	if (!key) {
		l->total_n = n;
		l->total_sum = sum;
		return;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct sums *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->oom = 1;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	snprintf(l->v[l->n].key, sizeof l->v[l->n].key, "%s", key);
	l->v[l->n].n = n;
	l->v[l->n].sum = sum;
	l->n++;
}

static const struct sums *find_sum(const struct sum_list *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return &l->v[i];
	return NULL;
}

/* Add the row for key when both sides have enough days. */
static enum mend_rc add_help(struct insights_helps *h, size_t *cap,
			     enum insights_help_what what, const char *key,
			     const struct sum_list *l, struct mend_err *err)
{
	const struct sums *s = find_sum(l, key);
	long with = s ? s->n : 0, without = l->total_n - with;
	if (with < INSIGHTS_HELP_MIN || without < INSIGHTS_HELP_MIN)
		return MEND_OK;
	if (h->n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;
		struct insights_help *v = realloc(h->items, c * sizeof *v);
		if (!v)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		h->items = v;
		*cap = c;
	}
	struct insights_help *r = &h->items[h->n++];
	memset(r, 0, sizeof *r);
	r->what = what;
	snprintf(r->key, sizeof r->key, "%s", key);
	r->with.n = with;
	r->with.mean = s->sum / (double)with;
	r->without.n = without;
	r->without.mean = (l->total_sum - s->sum) / (double)without;
	return MEND_OK;
}

enum mend_rc insights_helps(struct journal *j, const char *since,
			    const char *until, struct insights_helps *out,
			    struct mend_err *err)
{
	struct sum_list tags = {0}, cats = {0}, mods = {0};
	struct tag_list quick;
	struct insights_span sp;
	const struct content *c = NULL;
	char shift[24];
	size_t cap = 0;
	long first;

	memset(out, 0, sizeof *out);
	tag_list_init(&quick);
	enum mend_rc rc = first_checkin(j, &first, err);
	if (rc == MEND_OK)
		rc = insights_span_read(j, since, until, first, &sp, err);
	if (rc == MEND_OK)
		rc = journal_content(j, &c, err);
	if (rc == MEND_OK && j->st)
		rc = tags_quick(j, &quick, err);
	insights_shift(j, shift);
	if (rc == MEND_OK && j->st)
		rc = store_insights_tag_days(j->st, sp.since, sp.until, add_sum,
					     &tags, err);
	if (rc == MEND_OK && j->st)
		rc = store_insights_key_days(j->st, shift, sp.since_iso,
					     sp.until_iso, add_sum, &cats, err);
	if (rc == MEND_OK && j->st) {
		char mods_json[256] = "[", start[24];
		for (int m = 0; m < MODULE_COUNT; m++)
			if (m != MODULE_CHECKIN)
				snprintf(mods_json + strlen(mods_json),
					 sizeof mods_json - strlen(mods_json),
					 "%s\"%s\"", mods_json[1] ? "," : "",
					 module_name((enum module)m));
		strncat(mods_json, "]",
			sizeof mods_json - strlen(mods_json) - 1);
		snprintf(start, sizeof start, "+%d hours", j->day_start_hour);
		rc = store_insights_module_days(j->st, mods_json, start,
						sp.since, sp.until, add_sum,
						&mods, err);
	}
	if (rc == MEND_OK && (tags.oom || cats.oom || mods.oom))
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	/* The check-in days are the same for all three. */
	cats.total_n = mods.total_n = tags.total_n;
	cats.total_sum = mods.total_sum = tags.total_sum;
	out->checkin_days = tags.total_n;
	for (size_t i = 0; rc == MEND_OK && c && i < c->n_categories; i++)
		rc = add_help(out, &cap, INSIGHTS_HELP_CATEGORY,
			      c->categories[i].id, &cats, err);
	for (size_t i = 0; rc == MEND_OK && i < quick.n; i++)
		rc = add_help(out, &cap, INSIGHTS_HELP_TAG, quick.v[i].key,
			      &tags, err);
	for (int m = 0; rc == MEND_OK && m < MODULE_COUNT; m++)
		if (m != MODULE_CHECKIN)
			rc = add_help(out, &cap, INSIGHTS_HELP_MODULE,
				      module_name((enum module)m), &mods, err);
	free(tags.v);
	free(cats.v);
	free(mods.v);
	tag_list_done(&quick);
	if (rc != MEND_OK)
		insights_helps_done(out);
	return rc;
}

void insights_helps_done(struct insights_helps *h)
{
	free(h->items);
	h->items = NULL;
	h->n = 0;
}

/* The label or the phrase for a row from data/insights.json into buf; a
 * tag's from its shown form among the quick tags. */
static void help_words(struct journal *j, const struct insights_help *h,
		       bool phrase, char *buf, size_t n)
{
	cJSON *doc = cJSON_ParseWithLength((const char *)data_insights_json,
					   data_insights_json_len);
	const cJSON *o = NULL;
	const char *fallback = h->key;
	const struct content *c = NULL;

	snprintf(buf, n, "%s", h->key);
	if (h->what == INSIGHTS_HELP_TAG) {
		struct tag_list quick;
		tag_list_init(&quick);
		char shown[INSIGHTS_KEY_MAX];
		snprintf(shown, sizeof shown, "%s", h->key);
		if (j->st && tags_quick(j, &quick, NULL) == MEND_OK)
			for (size_t i = 0; i < quick.n; i++)
				if (strcmp(quick.v[i].key, h->key) == 0)
					snprintf(shown, sizeof shown, "%s",
						 quick.v[i].shown);
		tag_list_done(&quick);
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(doc, "tag");
		const char *fmt = cJSON_IsString(t) ? t->valuestring : "%s";
		const char *at = phrase ? strstr(fmt, "%s") : NULL;
		if (at)
			snprintf(buf, n, "%.*s%s%s", (int)(at - fmt), fmt,
				 shown, at + 2);
		else
			snprintf(buf, n, "%s", shown);
		cJSON_Delete(doc);
		return;
	}
	if (h->what == INSIGHTS_HELP_CATEGORY &&
	    journal_content(j, &c, NULL) == MEND_OK && c) {
		const struct category *cat = content_category(c, h->key);
		if (cat)
			fallback = cat->label;
	}
	o = cJSON_GetObjectItemCaseSensitive(
	    doc, h->what == INSIGHTS_HELP_CATEGORY ? "categories" : "modules");
	o = cJSON_GetObjectItemCaseSensitive(o, h->key);
	o = cJSON_GetObjectItemCaseSensitive(o, phrase ? "phrase" : "label");
	if (cJSON_IsString(o))
		snprintf(buf, n, "%s", o->valuestring);
	else if (phrase)
		snprintf(buf, n, "you wrote in %s", fallback);
	else
		snprintf(buf, n, "%s", fallback);
	cJSON_Delete(doc);
}

size_t insights_help_label(struct journal *j, const struct insights_help *h,
			   char *buf, size_t n)
{
	if (n == 0)
		return 0;
	help_words(j, h, false, buf, n);
	return strlen(buf);
}

size_t insights_help_sentence(struct journal *j, const struct insights_help *h,
			      char *buf, size_t n)
{
	char phrase[512];
	if (n == 0)
		return 0;
	help_words(j, h, true, phrase, sizeof phrase);
	snprintf(buf, n,
		 "On days %s your mood was on average %.1f (n = %ld); on "
		 "other days %.1f (n = %ld).",
		 phrase, h->with.mean, h->with.n, h->without.mean,
		 h->without.n);
	return strlen(buf);
}

/* --- when urges come --- */

static void urge_time(int hour, int wday, long n, void *ctx)
{
	struct insights_urge_times *u = ctx;
	if (hour < 0 || hour > 23 || wday < 0 || wday > 6)
		return;
	u->by_hour[hour] += n;
	u->by_weekday[(wday + 6) % 7] += n;
	u->total += n;
}

enum mend_rc insights_urge_times(struct journal *j, const char *since,
				 const char *until,
				 struct insights_urge_times *out,
				 struct mend_err *err)
{
	struct insights_span sp;
	memset(out, 0, sizeof *out);
	/* From the first day there can be: an urge written then counts. */
	enum mend_rc rc = insights_span_read(j, since, until, 0, &sp, err);
	if (rc == MEND_OK && !since)
		sp.since_iso[0] = '\0';
	if (rc == MEND_OK && j->st)
		rc = store_insights_urge_times(j->st, sp.since_iso,
					       sp.until_iso, urge_time, out,
					       &out->strength, err);
	return rc;
}
