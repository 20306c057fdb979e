/* SPDX-License-Identifier: MIT */
/* The Insights pages that are pictures: mood and urges as bar charts of
 * eighth blocks (a day without a check-in is a gap, never a zero bar),
 * and the year in pixels, a cell a day with a glyph and a colour per mood
 * band, so it reads without colour too. Under ASCII the blocks become
 * the stand-ins draw.c gives them and a gap is a blank. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "insights_ui.h"

static const char *const eighth[9] = {" ", "▁", "▂", "▃", "▄",
				      "▅", "▆", "▇", "█"};

static const char *gap_mark(void)
{
	/* under ASCII the dot would look like a low bar ('.' is ▂) */
	return ui_utf8 ? "·" : " ";
}

void ins_columns(int y, int x, int rows, const double *values,
		 const bool *present, int n, double lo, double hi,
		 enum ui_role (*role_of)(double v))
{
	for (int i = 0; i < n; i++) {
		int h = chart_eighths(present[i], values[i], lo, hi, rows);
		int attr = ui_attr(h == CHART_GAP ? ROLE_MUTED
				   : role_of	  ? role_of(values[i])
						  : ROLE_GOOD);
		for (int row = 0; row < rows; row++) {
			int c = chart_cell(h, row);
			if (c == CHART_GAP)
				ui_text(y + rows - 1 - row, x + i, 1,
					gap_mark(), attr);
			else if (c > 0)
				ui_text(y + rows - 1 - row, x + i, 1, eighth[c],
					attr);
		}
	}
}

static enum ui_role mood_role(double v)
{
	return v < 3.5 ? ROLE_WARNING : v < 6.5 ? ROLE_NORMAL : ROLE_GOOD;
}

static enum ui_role urge_role(double v)
{
	(void)v;
	return ROLE_ACCENT;
}

static const char *by_words(enum insights_by by)
{
	return by == INSIGHTS_BY_DAY	? "day"
	       : by == INSIGHTS_BY_WEEK ? "week"
					: "month";
}

void ins_draw_mood(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	const struct insights_mood *m = &s->mood;
	char line[200], a7[16], a30[16], prev[16];
	int cols = w - 4, bottom = y + h;
	(void)a;

	if (!s->loaded[PAGE_MOOD] || cols < 1)
		return;
	ins_avg(&m->mood_7, a7, sizeof a7);
	ins_avg(&m->mood_30, a30, sizeof a30);
	ins_avg(&m->mood_prev_30, prev, sizeof prev);
	snprintf(line, sizeof line,
		 "Mood on average: 7 days %s · 30 days %s · the 30 before %s",
		 a7, a30, prev);
	if (ui_width(line, strlen(line)) > w)
		snprintf(line, sizeof line,
			 "Mood: 7 days %s · 30 days %s · "
			 "30 before %s",
			 a7, a30, prev);
	ui_text(y, x, w, line, ui_attr(ROLE_NORMAL));

	int fixed = 5, room = h - fixed;
	int mh = (room * 2 + 2) / 3, uh = room - mh;
	if (mh < 1)
		return;
	size_t n = m->n < (size_t)cols ? m->n : (size_t)cols;
	size_t first = m->n - n; /* the newest buckets that fit */
	double *v = calloc(n + 1, sizeof *v);
	bool *p = calloc(n + 1, sizeof *p);
	if (!v || !p) {
		free(v);
		free(p);
		return;
	}
	snprintf(line, sizeof line,
		 "Mood by %s, 1 to 10 · d day, w week, m month",
		 by_words(s->by));
	ui_text(y + 1, x, w, line, ui_attr(ROLE_MUTED));
	int cy = y + 2;
	ui_text(cy, x, 2, "10", ui_attr(ROLE_MUTED));
	ui_text(cy + mh - 1, x, 2, " 1", ui_attr(ROLE_MUTED));
	for (size_t i = 0; i < n; i++) {
		v[i] = m->points[first + i].mood.mean;
		p[i] = m->points[first + i].mood.n > 0;
	}
	ins_columns(cy, x + 3, mh, v, p, (int)n, 1, 10, mood_role);
	cy += mh;
	if (n) {
		const char *from = m->points[first].start,
			   *to = m->points[m->n - 1].start;
		int len = (int)strlen(to);
		if (n == 1)
			snprintf(line, sizeof line, "%s", from);
		else if ((int)n < 2 * len + 2)
			snprintf(line, sizeof line, "%s to %s", from, to);
		else
			snprintf(line, sizeof line, "%s", from);
		ui_text(cy, x + 3, cols, line, ui_attr(ROLE_MUTED));
		/* the last bucket's day under the last column */
		if (n > 1 && (int)n >= 2 * len + 2)
			ui_text(cy, x + 3 + (int)n - len, len, to,
				ui_attr(ROLE_MUTED));
	}
	cy++;
	if (uh >= 1) {
		ui_text(cy++, x, w, "Urge to reach out, 0 to 10",
			ui_attr(ROLE_MUTED));
		for (size_t i = 0; i < n; i++) {
			v[i] = m->points[first + i].urge.mean;
			p[i] = m->points[first + i].urge.n > 0;
		}
		ins_columns(cy, x + 3, uh, v, p, (int)n, 0, 10, urge_role);
		cy += uh;
	}
	free(v);
	free(p);
	if (cy < bottom)
		ui_text(bottom - 1, x, w,
			ui_utf8
			    ? "▆ mood, ▃ urge, on average  · no check-in"
			    : "# mood, urge, on average   blank: no check-in",
			ui_attr(ROLE_MUTED));
}

/* --- a year in pixels --- */

static const char *const band_glyph[6] = {"·", "▁", "▃", "▅", "▇", "█"};
static const enum ui_role band_role[6] = {
    ROLE_MUTED, ROLE_WARNING, ROLE_ACCENT, ROLE_NORMAL, ROLE_TITLE, ROLE_GOOD};

static void draw_legend(int y, int x, int w)
{
	static const char *const label[6] = {"no check-in", "1-2", "3-4",
					     "5-6",	    "7-8", "9-10"};
	int used = 0;
	for (int b = 1; b <= 6; b++) {
		int i = b % 6; /* the bands, then the gap */
		int need = 2 + (int)strlen(label[i]) + 2;
		if (used + need - 2 > w)
			break;
		ui_text(y, x + used, 1, band_glyph[i], ui_attr(band_role[i]));
		ui_text(y, x + used + 2, w - used - 2, label[i],
			ui_attr(ROLE_MUTED));
		used += need;
	}
}

void ins_draw_year(struct app *a, struct ins *s, int y, int x, int w, int h)
{
	static const char *const wd[7] = {"Mo", "Tu", "We", "Th",
					  "Fr", "Sa", "Su"};
	static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr",
					    "May", "Jun", "Jul", "Aug",
					    "Sep", "Oct", "Nov", "Dec"};
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31};
	const struct insights_year *yr = &s->yr;
	char line[160];

	if (!s->loaded[PAGE_YEAR] || h < 10)
		return;
	struct mend_date today =
	    clock_journal_day(a->j->now, a->j->day_start_hour);
	long today_n = clock_days_from_civil(today);
	long jan1 = clock_days_from_civil((struct mend_date){yr->year, 1, 1});
	struct mend_date first;
	long first_n = clock_parse_date(s->first_day, &first)
			   ? clock_days_from_civil(first)
			   : today_n + 1;
	snprintf(line, sizeof line, "%d · %ld day%s with a check-in", yr->year,
		 yr->checkins, yr->checkins == 1 ? "" : "s");
	ui_text(y, x, w, line, ui_attr(ROLE_TITLE));
	int gx = x + 3;
	/* the months over the week in which each begins */
	int doy = 0, last_end = -1;
	for (int m = 0; m < 12; m++) {
		int col = (doy + yr->jan1_weekday) / 7;
		if (gx + col > last_end && col + 3 <= w - 3) {
			ui_text(y + 1, gx + col, 3, mon[m],
				ui_attr(ROLE_MUTED));
			last_end = gx + col + 3;
		}
		doy += mdays[m] + (m == 1 && yr->days == 366);
	}
	for (int r = 0; r < 7; r++)
		ui_text(y + 2 + r, x, 2, wd[r], ui_attr(ROLE_MUTED));
	for (int d = 0; d < yr->days; d++) {
		int cell = d + yr->jan1_weekday;
		int col = cell / 7, row = cell % 7;
		if (col >= w - 3)
			break;
		if (jan1 + d > today_n)
			break; /* days still to come are left empty */
		if (jan1 + d < first_n)
			continue; /* and so are those before the journal */
		int b = chart_mood_band(yr->mood[d]);
		ui_text(y + 2 + row, gx + col, 1, band_glyph[b],
			ui_attr(band_role[b]));
	}
	draw_legend(y + 10, x, w);
	if (h > 11 && yr->first_year && yr->first_year < yr->last_year) {
		snprintf(line, sizeof line,
			 "Check-ins from %d to %d: [ and ] "
			 "move by year.",
			 yr->first_year, yr->last_year);
		ui_text(y + 11, x, w, line, ui_attr(ROLE_MUTED));
	}
}
