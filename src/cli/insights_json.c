/* SPDX-License-Identifier: MIT */
/* `mend insights VIEW --json`: one stable object per view, as
 * data/mend-insights.schema.json describes it. Numbers, days, kinds,
 * keys and entry uuids only: what was written is for `mend show UUID`. A
 * gap (no check-in) is a mean of null with n 0, never a zero. */
#include <stdio.h>

#include "insights_out.h"

/* cJSON's adders return NULL on failure; building goes on regardless
 * and the whole object is checked once, at the print. */
static bool ok = true;

static cJSON *add(cJSON *o, const char *name, cJSON *v)
{
	if (!v || !cJSON_AddItemToObject(o, name, v)) {
		cJSON_Delete(v);
		ok = false;
	}
	return v;
}

static void num(cJSON *o, const char *name, double v)
{
	add(o, name, cJSON_CreateNumber(v));
}

static void str(cJSON *o, const char *name, const char *s)
{
	add(o, name, s && *s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

static void avg(cJSON *o, const char *name, struct insights_avg a)
{
	cJSON *v = add(o, name, cJSON_CreateObject());
	if (!v)
		return;
	num(v, "n", (double)a.n);
	if (a.n > 0)
		num(v, "mean", a.mean);
	else
		add(v, "mean", cJSON_CreateNull());
}

static void push(cJSON *arr, cJSON *v)
{
	if (!v || !cJSON_AddItemToArray(arr, v)) {
		cJSON_Delete(v);
		ok = false;
	}
}

static cJSON *view(const char *name)
{
	cJSON *o = cJSON_CreateObject();
	ok = o != NULL;
	if (o)
		str(o, "view", name);
	return o;
}

static cJSON *done(cJSON *o)
{
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

cJSON *insights_json_mood(const struct insights_mood *m)
{
	cJSON *o = view("mood"), *pts, *avgs, *a;
	if (!o)
		return NULL;
	str(o, "by", insights_by_name(m->by));
	str(o, "since", m->since);
	str(o, "until", m->until);
	pts = add(o, "points", cJSON_CreateArray());
	for (size_t i = 0; pts && i < m->n; i++) {
		cJSON *p = cJSON_CreateObject();
		if (p) {
			str(p, "start", m->points[i].start);
			avg(p, "mood", m->points[i].mood);
			avg(p, "urge", m->points[i].urge);
		}
		push(pts, p);
	}
	avgs = add(o, "averages", cJSON_CreateObject());
	if (avgs && (a = add(avgs, "mood", cJSON_CreateObject()))) {
		avg(a, "last_7", m->mood_7);
		avg(a, "last_30", m->mood_30);
		avg(a, "previous_30", m->mood_prev_30);
	}
	if (avgs && (a = add(avgs, "urge", cJSON_CreateObject()))) {
		avg(a, "last_7", m->urge_7);
		avg(a, "last_30", m->urge_30);
		avg(a, "previous_30", m->urge_prev_30);
	}
	return done(o);
}

cJSON *insights_json_year(const struct insights_year *y)
{
	cJSON *o = view("calendar"), *days;
	if (!o)
		return NULL;
	num(o, "year", y->year);
	num(o, "checkins", (double)y->checkins);
	if (y->first_year) {
		num(o, "first_year", y->first_year);
		num(o, "last_year", y->last_year);
	} else {
		add(o, "first_year", cJSON_CreateNull());
		add(o, "last_year", cJSON_CreateNull());
	}
	days = add(o, "days", cJSON_CreateArray());
	struct mend_date jan1 = {y->year, 1, 1};
	long d0 = clock_days_from_civil(jan1);
	for (int i = 0; days && i < y->days; i++) {
		char day[CLOCK_DATE_LEN];
		cJSON *d = cJSON_CreateObject();
		clock_format_date(clock_civil_from_days(d0 + i), day);
		if (d) {
			str(d, "day", day);
			if (y->mood[i])
				num(d, "mood", y->mood[i]);
			else
				add(d, "mood", cJSON_CreateNull());
		}
		push(days, d);
	}
	return done(o);
}

cJSON *insights_json_periods(const struct insights_periods *p)
{
	cJSON *o = view("periods"), *arr;
	if (!o)
		return NULL;
	arr = add(o, "periods", cJSON_CreateArray());
	for (size_t i = 0; arr && i < p->n; i++) {
		cJSON *v = cJSON_CreateObject();
		if (v) {
			str(v, "uuid", p->items[i].uuid);
			str(v, "start", p->items[i].start);
			str(v, "end", p->items[i].end);
			num(v, "days", (double)p->items[i].days);
			add(v, "running",
			    cJSON_CreateBool(p->items[i].running));
		}
		push(arr, v);
	}
	num(o, "total_days", (double)p->total_days);
	num(o, "longest_days", (double)p->longest_days);
	str(o, "since", p->n_weeks ? p->weeks[0].start : NULL);
	arr = add(o, "weeks", cJSON_CreateArray());
	for (size_t i = 0; arr && i < p->n_weeks; i++) {
		const struct insights_urge_week *w = &p->weeks[i];
		cJSON *v = cJSON_CreateObject();
		if (v) {
			str(v, "start", w->start);
			num(v, "urges", (double)w->urges);
			num(v, "pauses", (double)w->pauses);
			avg(v, "strength", w->strength);
			avg(v, "before", w->before);
			avg(v, "after", w->after);
		}
		push(arr, v);
	}
	num(o, "urges", (double)p->urges);
	num(o, "pauses", (double)p->pauses);
	avg(o, "before", p->before);
	avg(o, "after", p->after);
	return done(o);
}

static const char *const what_names[] = {"category", "tag", "module"};

cJSON *insights_json_helps(struct journal *j, const struct insights_helps *h,
			   const char *since, const char *until)
{
	cJSON *o = view("helps"), *rows;
	char buf[1024];
	if (!o)
		return NULL;
	str(o, "since", since);
	str(o, "until", until);
	num(o, "checkin_days", (double)h->checkin_days);
	num(o, "min_days", INSIGHTS_HELP_MIN);
	rows = add(o, "rows", cJSON_CreateArray());
	for (size_t i = 0; rows && i < h->n; i++) {
		cJSON *v = cJSON_CreateObject();
		if (v) {
			str(v, "what", what_names[h->items[i].what]);
			str(v, "key", h->items[i].key);
			insights_help_label(j, &h->items[i], buf, sizeof buf);
			str(v, "label", buf);
			avg(v, "with", h->items[i].with);
			avg(v, "without", h->items[i].without);
			insights_help_sentence(j, &h->items[i], buf,
					       sizeof buf);
			str(v, "sentence", buf);
		}
		push(rows, v);
	}
	return done(o);
}

cJSON *insights_json_urges(const struct insights_urge_times *u,
			   const char *since, const char *until)
{
	cJSON *o = view("urges"), *arr;
	if (!o)
		return NULL;
	str(o, "since", since);
	str(o, "until", until);
	num(o, "total", (double)u->total);
	avg(o, "strength", u->strength);
	arr = add(o, "by_hour", cJSON_CreateArray());
	for (int i = 0; arr && i < 24; i++)
		push(arr, cJSON_CreateNumber((double)u->by_hour[i]));
	arr = add(o, "by_weekday", cJSON_CreateArray());
	for (int i = 0; arr && i < 7; i++)
		push(arr, cJSON_CreateNumber((double)u->by_weekday[i]));
	return done(o);
}

cJSON *insights_json_week(const struct insights_week *w)
{
	cJSON *o = view("week"), *arr;
	if (!o)
		return NULL;
	str(o, "start", w->start);
	str(o, "end", w->end);
	num(o, "checkins", (double)w->checkins);
	avg(o, "mood", w->mood);
	avg(o, "mood_before", w->mood_before);
	num(o, "urges", (double)w->urges);
	num(o, "pauses", (double)w->pauses);
	num(o, "reflections", (double)w->reflections);
	arr = add(o, "growth", cJSON_CreateArray());
	for (size_t i = 0; arr && i < w->n_growth; i++) {
		cJSON *v = cJSON_CreateObject();
		if (v) {
			str(v, "category", w->growth[i].category);
			num(v, "minutes", (double)w->growth[i].minutes);
			num(v, "count", (double)w->growth[i].count);
		}
		push(arr, v);
	}
	num(o, "letters_opened", (double)w->letters_opened);
	str(o, "letter", w->letter_uuid);
	str(o, "note", w->note_uuid);
	return done(o);
}

static cJSON *item(const struct insights_item *it)
{
	cJSON *v = cJSON_CreateObject();
	if (v) {
		str(v, "uuid", it->uuid);
		str(v, "kind", kind_name(it->kind));
		str(v, "created_at", it->created_at);
	}
	return v;
}

cJSON *insights_json_lookback(const struct insights_lookback *l)
{
	cJSON *o = view("onthisday"), *days;
	if (!o)
		return NULL;
	str(o, "today", l->today);
	if (l->mood_now)
		num(o, "mood_now", l->mood_now);
	else
		add(o, "mood_now", cJSON_CreateNull());
	days = add(o, "days", cJSON_CreateArray());
	for (size_t i = 0; days && i < l->n_days; i++) {
		const struct insights_lookday *d = &l->days[i];
		cJSON *v = cJSON_CreateObject(), *arr;
		if (v) {
			str(v, "when",
			    d->when == INSIGHTS_ON_THIS_DAY ? "on_this_day"
							    : "days_ago");
			num(v, "ago", d->ago);
			num(v, "months", d->months);
			str(v, "day", d->day);
			if (d->mood)
				num(v, "mood", d->mood);
			else
				add(v, "mood", cJSON_CreateNull());
			num(v, "total", (double)d->total);
			arr = add(v, "entries", cJSON_CreateArray());
			for (size_t k = 0; arr && k < d->n; k++)
				push(arr, item(&l->items[d->first + k]));
		}
		push(days, v);
	}
	return done(o);
}

cJSON *insights_json_then_now(const struct insights_then_now *t)
{
	cJSON *o = view("thennow"), *arr;
	if (!o)
		return NULL;
	arr = add(o, "pairs", cJSON_CreateArray());
	for (size_t i = 0; arr && i < 3; i++) {
		const struct insights_pair *p = &t->pairs[i];
		cJSON *v = cJSON_CreateObject(), *e;
		if (v) {
			str(v, "kind", kind_name(p->kind));
			if (p->first.uuid[0] &&
			    (e = add(v, "first", item(&p->first)))) {
				if (p->first_mood)
					num(e, "mood", p->first_mood);
			} else if (!p->first.uuid[0])
				add(v, "first", cJSON_CreateNull());
			if (p->latest.uuid[0] &&
			    (e = add(v, "latest", item(&p->latest)))) {
				if (p->latest_mood)
					num(e, "mood", p->latest_mood);
			} else if (!p->latest.uuid[0])
				add(v, "latest", cJSON_CreateNull());
		}
		push(arr, v);
	}
	add(o, "offer", cJSON_CreateBool(t->offer));
	num(o, "offer_day", (double)t->offer_day);
	return done(o);
}

bool insights_json_print(cJSON *o)
{
	char *s = o ? cJSON_Print(o) : NULL;
	if (s)
		printf("%s\n", s);
	cJSON_free(s);
	cJSON_Delete(o);
	return s != NULL;
}
