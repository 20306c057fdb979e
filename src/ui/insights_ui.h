/* SPDX-License-Identifier: MIT */
/* The Insights screen's pages, shared between its files: the state, what
 * each page has loaded, and one draw function per page. insights.c owns
 * the screen (pages, keys, loading); insights_charts.c draws the mood
 * chart and the year; insights_pages.c draws the rest. Nothing here
 * knows SQL: the figures come from mend/insights.h. */
#ifndef MEND_UI_INSIGHTS_UI_H
#define MEND_UI_INSIGHTS_UI_H

#include "app.h"
#include "mend/insights.h"

enum ins_page {
	PAGE_MOOD,
	PAGE_YEAR,
	PAGE_SPACE,
	PAGE_HELPS,
	PAGE_URGES,
	PAGE_BACK,
	PAGE_THEN,
	PAGE_WEEK,
	PAGE_COUNT
};

/* A line of words fetched for a page (an entry's first words), owned. */
struct ins_lines {
	char **s;
	size_t n;
};

struct ins {
	enum ins_page page;
	bool loaded[PAGE_COUNT];
	int scroll; /* lines scrolled on the pages that scroll */
	int rows;   /* lines the scrolling page needs, from its last draw */
	/* the mood chart */
	enum insights_by by;
	char first_day[CLOCK_DATE_LEN]; /* the first check-in's, or "" */
	struct insights_mood mood;
	/* the year */
	int year; /* shown; 0 until loaded */
	struct insights_year yr;
	/* no contact over time */
	struct insights_periods per;
	struct insights_helps helps;
	struct insights_urge_times times;
	/* look back, and then and now: words fetched by uuid */
	struct insights_lookback look;
	struct ins_lines look_words; /* one per look.items */
	struct insights_then_now tn;
	char *tn_words[3][2]; /* first and latest of each pair, or NULL */
	/* your week */
	char week_start[CLOCK_DATE_LEN]; /* "" for the week just ended */
	struct insights_week wk;
	char *week_note; /* the note kept on it, or NULL */
};

/* The first line of the words of look.items[k], fetched the first time
 * it is asked for (borrowed: valid while the page is loaded; "" when it
 * has none). */
const char *ins_look_words(struct app *a, struct ins *s, size_t k);

/* Columns of the content area a page draws in (the whole width). */
void ins_area(int *top, int *left, int *width, int *height);

/* The journal day of an ISO moment as "YYYY-MM-DD" into out. */
void ins_local_day(struct app *a, const char *iso, char out[CLOCK_DATE_LEN]);

/* "6.2", or "–" for an average over nothing. */
void ins_avg(const struct insights_avg *v, char *out, size_t n);

/* The pages (each draws inside the area, under the page tabs). */
void ins_draw_mood(struct app *a, struct ins *s, int y, int x, int w, int h);
void ins_draw_year(struct app *a, struct ins *s, int y, int x, int w, int h);
void ins_draw_space(struct app *a, struct ins *s, int y, int x, int w, int h);
void ins_draw_helps(struct app *a, struct ins *s, int y, int x, int w, int h);
void ins_draw_urges(struct app *a, struct ins *s, int y, int x, int w, int h);
void ins_draw_back(struct app *a, struct ins *s, int y, int x, int w, int h);
void ins_draw_then(struct app *a, struct ins *s, int y, int x, int w, int h);
void ins_draw_week(struct app *a, struct ins *s, int y, int x, int w, int h);

/* A vertical bar chart, one column per value, `rows` high, bottom row at
 * y + rows - 1: values[i] over lo..hi, present[i] false for a gap (drawn
 * as a dim dot, a blank under ASCII). attr_of picks each bar's role from
 * its value (NULL: ROLE_GOOD). */
void ins_columns(int y, int x, int rows, const double *values,
		 const bool *present, int n, double lo, double hi,
		 enum ui_role (*role_of)(double v));

#endif
