/* SPDX-License-Identifier: MIT */
/* The Insights pages that are mostly words and short bars: no contact
 * over time, what seems to help, when urges come, looking back, then and
 * now, and the week. Patterns are told as what went together, never as
 * a cause. The longer pages scroll. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insights_ui.h"
#include "mend/content.h"

/* Text flowing down a page that scrolls: lines above the scroll are
 * counted and not drawn. */
struct flow {
	int y, h, line, scroll;
};

static void flow_text(struct flow *f, int x, int w, const char *s, int attr)
{
	int need = ui_wrap(LINES, 0, w, 0, 0, s, 0);
	int row = f->line - f->scroll, skip = row < 0 ? -row : 0;
	if (row + skip < f->h && skip < need)
		ui_wrap(f->y + row + skip, x, w, f->h - row - skip, skip, s,
			attr);
	f->line += need;
}

static void flow_gap(struct flow *f)
{
	f->line++;
}

static struct flow flow_begin(struct ins *s, int y, int h)
{
	return (struct flow){y, h, 0, s->scroll};
}

static void flow_end(struct ins *s, const struct flow *f)
{
	s->rows = f->line;
	int most = f->line - f->h;
	if (s->scroll > (most > 0 ? most : 0))
		s->scroll = most > 0 ? most : 0;
}

static const char *plural(long n)
{
	return n == 1 ? "" : "s";
}

/* --- no contact over time --- */

void ins_draw_space(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	const struct insights_periods *p = &s->per;
	char line[240], before[16], after[16];
	int bottom = y + h;
	(void)a;

	if (!s->loaded[PAGE_SPACE])
		return;
	if (p->n == 0) {
		ui_wrap(
		    y, x, w, h, 0,
		    "No stretch of no contact yet. When you start one in No "
		    "contact (n on home), every stretch shows here as a bar, "
		    "with the days of space they add up to.",
		    ui_attr(ROLE_NORMAL));
		return;
	}
	snprintf(line, sizeof line,
		 "%ld day%s of space in all · the longest stretch: %ld day%s",
		 p->total_days, plural(p->total_days), p->longest_days,
		 plural(p->longest_days));
	ui_text(y, x, w, line, ui_attr(ROLE_TITLE));
	int rows = h - 8, shown = (int)p->n < rows ? (int)p->n : rows;
	if (shown < 1)
		shown = 1;
	size_t from = p->n - (size_t)shown;
	int ly = y + 2;
	if (from > 0 && rows > 1) {
		from++;
		shown--;
		snprintf(line, sizeof line, "and %zu earlier stretch%s", from,
			 from == 1 ? "" : "es");
		ui_text(ly++, x, w, line, ui_attr(ROLE_MUTED));
	}
	for (size_t i = from; i < p->n; i++) {
		snprintf(line, sizeof line, "%s to %-10s %5ld day%s",
			 p->items[i].start,
			 p->items[i].running ? "now" : p->items[i].end,
			 p->items[i].days, plural(p->items[i].days));
		int used = ui_text(
		    ly, x, w, line,
		    ui_attr(p->items[i].running ? ROLE_GOOD : ROLE_NORMAL));
		int bar = w - 37;
		if (bar > 4)
			ui_bar(ly, x + 37, bar, p->items[i].days,
			       p->longest_days,
			       ui_attr((long)i == p->longest ? ROLE_GOOD
							     : ROLE_ACCENT));
		(void)used;
		ly++;
	}
	ly++;
	if (ly + 2 > bottom)
		return;
	if (p->n_weeks == 1)
		snprintf(
		    line, sizeof line,
		    "This week: %ld urge%s written down, %ld pause%s taken",
		    p->urges, plural(p->urges), p->pauses, plural(p->pauses));
	else
		snprintf(line, sizeof line,
			 "In %zu weeks: %ld urge%s written down, %ld pause%s "
			 "taken",
			 p->n_weeks, p->urges, plural(p->urges), p->pauses,
			 plural(p->pauses));
	ui_text(ly++, x, w, line, ui_attr(ROLE_NORMAL));
	if (p->pauses > 0 && ly < bottom) {
		ins_avg(&p->before, before, sizeof before);
		ins_avg(&p->after, after, sizeof after);
		snprintf(line, sizeof line,
			 "In your pauses the urge was %s before and %s after "
			 "(n = %ld)",
			 before, after, p->after.n);
		ui_text(ly++, x, w, line, ui_attr(ROLE_NORMAL));
	}
	int ch = bottom - ly - 1;
	if (ch < 1 || p->n_weeks == 0)
		return;
	if (ch > 3)
		ch = 3;
	long most = 0;
	for (size_t i = 0; i < p->n_weeks; i++)
		if (p->weeks[i].urges > most)
			most = p->weeks[i].urges;
	snprintf(line, sizeof line, "Urges per week (most: %ld)", most);
	ui_text(ly++, x, w, line, ui_attr(ROLE_MUTED));
	int n = (int)p->n_weeks < w - 4 ? (int)p->n_weeks : w - 4;
	double v[UI_MAX_TEXT_COLS];
	bool on[UI_MAX_TEXT_COLS];
	for (int i = 0; i < n; i++) {
		const struct insights_urge_week *wk =
		    &p->weeks[p->n_weeks - (size_t)n + (size_t)i];
		v[i] = (double)wk->urges;
		on[i] = wk->urges > 0; /* a week without urges has no bar */
	}
	ins_columns(ly, x + 3, ch, v, on, n, 0, most > 0 ? (double)most : 1,
		    NULL);
}

/* --- what helps --- */

void ins_draw_helps(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	char line[600];
	struct flow f = flow_begin(s, y, h);

	if (!s->loaded[PAGE_HELPS])
		return;
	flow_text(&f, x, w,
		  "Your mood on days you did something, beside the other days. "
		  "These go together in your journal; it does not say one "
		  "made the other.",
		  ui_attr(ROLE_MUTED));
	flow_gap(&f);
	if (s->helps.n == 0) {
		snprintf(
		    line, sizeof line,
		    "Nothing to show yet. Something shows here once it has "
		    "at least %d check-in days with it and %d without "
		    "(%ld check-in day%s so far).",
		    INSIGHTS_HELP_MIN, INSIGHTS_HELP_MIN, s->helps.checkin_days,
		    plural(s->helps.checkin_days));
		flow_text(&f, x, w, line, ui_attr(ROLE_NORMAL));
	}
	for (size_t i = 0; i < s->helps.n; i++) {
		insights_help_sentence(a->j, &s->helps.items[i], line,
				       sizeof line);
		flow_text(&f, x, w, line, ui_attr(ROLE_NORMAL));
	}
	flow_end(s, &f);
}

/* --- when urges come --- */

void ins_draw_urges(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
					  "Fri", "Sat", "Sun"};
	const struct insights_urge_times *t = &s->times;
	char line[200], str[16];
	(void)a;

	if (!s->loaded[PAGE_URGES])
		return;
	if (t->total == 0) {
		ui_wrap(y, x, w, h, 0,
			"No urges or pauses written down yet. When you note an "
			"urge (n on home), this page shows the hours and the "
			"days they tend to come, so you can plan for them.",
			ui_attr(ROLE_NORMAL));
		return;
	}
	ins_avg(&t->strength, str, sizeof str);
	snprintf(line, sizeof line,
		 "%ld urge%s and pause%s written down · strength on average %s",
		 t->total, plural(t->total), plural(t->total), str);
	if (ui_width(line, strlen(line)) > w)
		snprintf(line, sizeof line,
			 "%ld urge%s and pause%s · strength on average %s",
			 t->total, plural(t->total), plural(t->total), str);
	ui_text(y, x, w, line, ui_attr(ROLE_NORMAL));
	int hh = h - 10;
	if (hh > 6)
		hh = 6;
	if (hh < 1)
		return;
	long most = 0;
	for (int i = 0; i < 24; i++)
		if (t->by_hour[i] > most)
			most = t->by_hour[i];
	int cw = (w - 3) / 24 >= 2 ? 2 : 1;
	snprintf(line, sizeof line, "By hour of the day (most: %ld)", most);
	ui_text(y + 1, x, w, line, ui_attr(ROLE_MUTED));
	double v[48];
	bool on[48];
	for (int i = 0; i < 24 * cw; i++) {
		v[i] = (double)t->by_hour[i / cw];
		on[i] = t->by_hour[i / cw] > 0 && (cw == 1 || i % 2 == 0);
	}
	ins_columns(y + 2, x + 3, hh, v, on, 24 * cw, 0,
		    most ? (double)most : 1, NULL);
	for (int hr = 0; hr < 24; hr += 6) {
		snprintf(line, sizeof line, "%d", hr);
		ui_text(y + 2 + hh, x + 3 + hr * cw, 3, line,
			ui_attr(ROLE_MUTED));
	}
	most = 0;
	for (int i = 0; i < 7; i++)
		if (t->by_weekday[i] > most)
			most = t->by_weekday[i];
	int wy = y + 3 + hh, bar = w - 4 - 6;
	for (int i = 0; i < 7 && wy + i < y + h; i++) {
		ui_text(wy + i, x, 3, wd[i], ui_attr(ROLE_MUTED));
		long filled = most ? t->by_weekday[i] * bar / most : 0;
		for (long c = 0; c < filled; c++)
			ui_text(wy + i, x + 4 + (int)c, 1, "█",
				ui_attr(ROLE_ACCENT));
		snprintf(line, sizeof line, "%ld", t->by_weekday[i]);
		ui_text(wy + i, x + 5 + (int)filled, 5, line,
			ui_attr(ROLE_NORMAL));
	}
}

/* --- look back --- */

static const char *kind_words(enum kind k)
{
	switch (k) {
	case KIND_CHECKIN:
		return "Check-in";
	case KIND_REFLECTION:
		return "Reflection";
	case KIND_ACCEPTANCE:
		return "Acceptance";
	case KIND_GROWTH:
		return "Time for yourself";
	case KIND_URGE:
		return "Urge";
	case KIND_UNSENT:
		return "Kept, not sent";
	case KIND_PAUSE:
		return "Pause";
	case KIND_CONTACT:
		return "Contact";
	case KIND_DECISION:
		return "Decision";
	case KIND_WEEK:
		return "Your week";
	default:
		return "Entry";
	}
}

static void lookday_heading(const struct insights_lookday *d, char *out,
			    size_t n)
{
	if (d->when == INSIGHTS_DAYS_AGO)
		snprintf(out, n, "%d days ago, %s", d->ago, d->day);
	else if (d->months % 12 == 0 && d->months == 12)
		snprintf(out, n, "On this day a year ago, %s", d->day);
	else if (d->months % 12 == 0)
		snprintf(out, n, "On this day %d years ago, %s", d->months / 12,
			 d->day);
	else
		snprintf(out, n, "On this day %d month%s ago, %s", d->months,
			 plural(d->months), d->day);
}

void ins_draw_back(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	const struct insights_lookback *l = &s->look;
	char line[600];
	struct flow f = flow_begin(s, y, h);

	if (!s->loaded[PAGE_BACK])
		return;
	if (l->mood_now)
		snprintf(line, sizeof line,
			 "Today, %s: your mood now is %d/10.", l->today,
			 l->mood_now);
	else
		snprintf(line, sizeof line, "Today, %s: no check-in yet today.",
			 l->today);
	flow_text(&f, x, w, line, ui_attr(ROLE_NORMAL));
	for (size_t i = 0; i < l->n_days; i++) {
		const struct insights_lookday *d = &l->days[i];
		flow_gap(&f);
		lookday_heading(d, line, sizeof line);
		flow_text(&f, x, w, line, ui_attr(ROLE_TITLE));
		if (d->mood && l->mood_now)
			snprintf(line, sizeof line,
				 "Mood then %d/10, now %d/10.", d->mood,
				 l->mood_now);
		else if (d->mood)
			snprintf(line, sizeof line, "Mood then %d/10.",
				 d->mood);
		else
			snprintf(line, sizeof line, "No check-in that day.");
		flow_text(&f, x + 2, w - 2, line, ui_attr(ROLE_MUTED));
		if (d->total == 0)
			flow_text(&f, x + 2, w - 2, "Nothing written that day.",
				  ui_attr(ROLE_MUTED));
		for (size_t k = d->first;
		     k < d->first + d->n && k < s->look_words.n; k++) {
			/* below the window nothing needs the words yet */
			if (f.line - f.scroll >= f.h)
				break;
			const char *words = ins_look_words(a, s, k);
			if (!*words)
				continue;
			snprintf(line, sizeof line, "%s: %s",
				 kind_words(l->items[k].kind), words);
			flow_text(&f, x + 2, w - 2, line, ui_attr(ROLE_NORMAL));
		}
		if (d->total > d->n) {
			snprintf(line, sizeof line,
				 "and %zu more that day (Review, v on home)",
				 d->total - d->n);
			flow_text(&f, x + 2, w - 2, line, ui_attr(ROLE_MUTED));
		}
	}
	flow_end(s, &f);
}

/* --- then and now --- */

static void pair_line(struct app *a, const char *which,
		      const struct insights_item *it, int mood,
		      const char *words, char *out, size_t n)
{
	char day[CLOCK_DATE_LEN], m[24] = "";
	ins_local_day(a, it->created_at, day);
	if (mood)
		snprintf(m, sizeof m, ": mood %d/10", mood);
	snprintf(out, n, "%s, on %s%s%s%s%s", which, day, m,
		 words && *words ? ". \"" : ".", words ? words : "",
		 words && *words ? "\"" : "");
}

void ins_draw_then(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	static const char *const heading[3] = {
	    "Your check-ins", "Your reflections",
	    "Messages you kept here instead of sending"};
	const struct insights_then_now *t = &s->tn;
	char line[700];
	struct flow f = flow_begin(s, y, h);

	if (!s->loaded[PAGE_THEN])
		return;
	if (t->offer) {
		snprintf(line, sizeof line,
			 "Day %ld. A good day to look at where you began, and "
			 "where you are now.",
			 t->offer_day);
		flow_text(&f, x, w, line, ui_attr(ROLE_GOOD));
	} else {
		flow_text(&f, x, w, "Where you began, and where you are now.",
			  ui_attr(ROLE_MUTED));
	}
	for (int i = 0; i < 3; i++) {
		const struct insights_pair *p = &t->pairs[i];
		flow_gap(&f);
		flow_text(&f, x, w, heading[i], ui_attr(ROLE_TITLE));
		if (!p->first.uuid[0]) {
			flow_text(&f, x + 2, w - 2, "None yet.",
				  ui_attr(ROLE_MUTED));
			continue;
		}
		pair_line(a, "Then", &p->first, p->first_mood,
			  s->tn_words[i][0], line, sizeof line);
		flow_text(&f, x + 2, w - 2, line, ui_attr(ROLE_NORMAL));
		if (!p->latest.uuid[0]) {
			flow_text(&f, x + 2, w - 2,
				  "Only one so far; the next one shows here "
				  "beside it.",
				  ui_attr(ROLE_MUTED));
			continue;
		}
		pair_line(a, "Now", &p->latest, p->latest_mood,
			  s->tn_words[i][1], line, sizeof line);
		flow_text(&f, x + 2, w - 2, line, ui_attr(ROLE_NORMAL));
	}
	flow_end(s, &f);
}

/* --- your week --- */

void ins_draw_week(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	const struct insights_week *k = &s->wk;
	char line[600], now[16], before[16];
	struct flow f = flow_begin(s, y, h);

	if (!s->loaded[PAGE_WEEK] || !k->start[0])
		return;
	snprintf(line, sizeof line, "The week of %s to %s", k->start, k->end);
	flow_text(&f, x, w, line, ui_attr(ROLE_TITLE));
	flow_gap(&f);
	ins_avg(&k->mood, now, sizeof now);
	ins_avg(&k->mood_before, before, sizeof before);
	if (k->checkins)
		snprintf(line, sizeof line,
			 "Check-ins on %ld of 7 days; your mood was on "
			 "average %s (the week before: %s).",
			 k->checkins, now, before);
	else
		snprintf(line, sizeof line, "No check-ins this week.");
	flow_text(&f, x, w, line, ui_attr(ROLE_NORMAL));
	snprintf(line, sizeof line,
		 "Urges written down: %ld · pauses: %ld · reflections: %ld",
		 k->urges, k->pauses, k->reflections);
	flow_text(&f, x, w, line, ui_attr(ROLE_NORMAL));
	for (size_t i = 0; i < k->n_growth; i++) {
		if (!k->growth[i].count)
			continue;
		const struct category *c =
		    content_category(a->j->content, k->growth[i].category);
		if (k->growth[i].minutes > 0)
			snprintf(line, sizeof line, "%s: %ld time%s, %ld min",
				 c ? c->label : k->growth[i].category,
				 k->growth[i].count, plural(k->growth[i].count),
				 k->growth[i].minutes);
		else
			snprintf(line, sizeof line, "%s: %ld time%s",
				 c ? c->label : k->growth[i].category,
				 k->growth[i].count,
				 plural(k->growth[i].count));
		flow_text(&f, x, w, line, ui_attr(ROLE_NORMAL));
	}
	if (k->letters_opened)
		flow_text(&f, x, w,
			  k->letters_opened == 1
			      ? "A letter from your past self opened."
			      : "Letters from your past self opened.",
			  ui_attr(ROLE_GOOD));
	flow_gap(&f);
	if (s->week_note) {
		flow_text(&f, x, w,
			  "Your note on this week:", ui_attr(ROLE_MUTED));
		flow_text(&f, x + 2, w - 2, s->week_note, ui_attr(ROLE_NORMAL));
		flow_text(&f, x, w, "n changes it.", ui_attr(ROLE_MUTED));
	} else {
		flow_text(&f, x, w,
			  "Press n to add a note on this week, in your own "
			  "words. It is kept in your journal.",
			  ui_attr(ROLE_ACCENT));
	}
	flow_end(s, &f);
}
