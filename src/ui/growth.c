/* SPDX-License-Identifier: MIT */
/* Self-improvement: log what you did for yourself, and see this week's
 * totals per category as bars. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/growth.h"
#include "screens.h"

struct logflow {
	const char *category;
	int minutes;
	void (*done)(struct app *a, void *ctx);
	void *ctx;
};

static struct logflow flow; /* one activity is logged at a time */

static void got_text(struct app *a, void *ctx, int choice, const char *text)
{
	struct logflow *f = ctx;
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (growth_log(a->j, f->category, f->minutes, text, strlen(text), uuid,
		       &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	ui_message(a, false, "Saved. Looking after yourself counts.");
	if (f->done)
		f->done(a, f->ctx);
}

static void got_minutes(struct app *a, void *ctx, int choice,
			const char *text)
{
	struct logflow *f = ctx;
	char *end;
	long m = strtol(text, &end, 10);
	(void)choice;
	if (!*text) {
		f->minutes = ENTRY_NONE;
	} else if (*end || m < 0 || m > 1440) {
		ui_message(a, true, "minutes: '%.20s' is not in 0..1440", text);
		ui_ask_text(a, "Self-improvement",
			    "How many minutes? (Enter to leave it out)", "",
			    got_minutes, f);
		return;
	} else {
		f->minutes = (int)m;
	}
	ui_ask_text(a, "Self-improvement", "What did you do?", "", got_text, f);
}

static void got_category(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct logflow *f = ctx;
	(void)text;
	f->category = a->j->content->categories[choice].id;
	ui_ask_text(a, "Self-improvement",
		    "How many minutes? (Enter to leave it out)", "", got_minutes,
		    f);
}

void ui_log_growth(struct app *a, void (*done)(struct app *a, void *ctx),
		   void *ctx)
{
	const struct content *c = a->j->content;
	const char *items[32];
	char lines[32][160];
	int n = 0;
	for (size_t i = 0; i < c->n_categories && n < 32; i++, n++) {
		snprintf(lines[n], sizeof lines[n], "%-12s %s",
			 c->categories[i].label, c->categories[i].hint);
		items[n] = lines[n];
	}
	flow.done = done;
	flow.ctx = ctx;
	ui_pick(a, "For which part of your life?", items, n, 0, got_category,
		&flow);
}

struct growth {
	struct growth_total *totals;
	size_t n;
};

static const struct ui_key growth_keys[] = {
	{"l", "log", "log something you did for yourself (also Enter)"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

static void load(struct app *a, struct growth *g)
{
	struct mend_err err = {""};
	if (!ui_refresh(a))
		return;
	if (growth_week(a->j, g->totals, &err) != MEND_OK)
		ui_error(a, &err);
}

static void growth_enter(struct app *a, void *st)
{
	load(a, st);
}

static void growth_draw(struct app *a, void *st)
{
	struct growth *g = st;
	const struct content *c = a->j->content;
	int top, left, width, height, y;
	long max = 1;
	char line[120];

	ui_frame(a, "Self-improvement", growth_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	ui_text(y++, left, width, "This week", ui_attr(ROLE_TITLE));
	y++;
	for (size_t i = 0; i < g->n; i++) {
		long v = g->totals[i].minutes ? g->totals[i].minutes
					      : g->totals[i].count;
		if (v > max)
			max = v;
	}
	int bar = width - 36 > 10 ? width - 36 : 10;
	for (size_t i = 0; i < g->n && y < top + height; i++, y++) {
		const struct growth_total *t = &g->totals[i];
		ui_text(y, left, 14, c->categories[i].label, ui_attr(ROLE_NORMAL));
		ui_bar(y, left + 14, bar,
		       t->minutes ? t->minutes : t->count, max,
		       ui_attr(ROLE_GOOD));
		snprintf(line, sizeof line, " %ld time%s, %ld min", t->count,
			 t->count == 1 ? "" : "s", t->minutes);
		ui_text(y, left + 14 + bar, width - 14 - bar, line,
			ui_attr(ROLE_MUTED));
	}
}

static void logged(struct app *a, void *ctx)
{
	load(a, ctx);
}

static int growth_key(struct app *a, void *st, int ch, bool code)
{
	if (code) {
		if (ch == KEY_ENTER)
			ui_log_growth(a, logged, st);
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	if (ch == 'l' || ch == '\r' || ch == '\n')
		ui_log_growth(a, logged, st);
	else if (ch == 27 || ch == 'q')
		return UI_POP;
	return UI_HANDLED;
}

static void growth_resume(struct app *a, void *st)
{
	load(a, st);
}

static void growth_leave(struct app *a, void *st)
{
	struct growth *g = st;
	(void)a;
	if (flow.ctx == g)
		flow.done = NULL;
	free(g->totals);
	free(g);
}

static const struct ui_screen growth_screen = {
	.title = "Self-improvement",
	.module = MODULE_GROWTH,
	.keys = growth_keys,
	.enter = growth_enter,
	.draw = growth_draw,
	.key = growth_key,
	.leave = growth_leave,
	.resume = growth_resume,
};

void ui_open_growth(struct app *a)
{
	struct growth *g = calloc(1, sizeof *g);
	if (!g)
		return;
	g->n = a->j->content->n_categories;
	g->totals = calloc(g->n ? g->n : 1, sizeof *g->totals);
	if (!g->totals) {
		free(g);
		return;
	}
	ui_push(a, &growth_screen, g);
}
