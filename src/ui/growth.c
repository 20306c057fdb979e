/* SPDX-License-Identifier: MIT */
/* Self-improvement: log what you did for yourself (what first, then how
 * long), answer the day's self-improvement question, and see this week's
 * totals per category as bars and the week's entries as a list. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/growth.h"
#include "mend/reflection.h"
#include "mend/utf8.h"
#include "screens.h"

#define MAX_WEEK 64

struct logflow {
	const char *category;
	const struct prompt *prompt; /* the question answered, or NULL */
	char *text;                  /* what was done; owned */
	void (*done)(struct app *a, void *ctx);
	void *ctx;
};

static struct logflow flow; /* one activity is logged at a time */

static void flow_reset(void)
{
	free(flow.text);
	memset(&flow, 0, sizeof flow);
}

static const char minutes_label[] =
	"How long was it, in minutes? Enter leaves it out.";

static void got_minutes(struct app *a, void *ctx, int choice,
			const char *text);

static void ask_minutes(struct app *a, struct logflow *f)
{
	ui_ask_text(a, "Self-improvement", minutes_label, "", got_minutes, f);
}

static void save(struct app *a, struct logflow *f, int minutes)
{
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	struct growth_input in = {f->category, minutes,
				  f->prompt ? f->prompt->id : NULL};
	if (!ui_refresh(a))
		return;
	enum mend_rc rc = growth_answer(a->j, &in, f->text, strlen(f->text),
					uuid, &err);
	if (rc == MEND_EINVAL) {
		/* the text and minutes were checked here; say it plainly */
		ui_message(a, true, "This could not be saved as it is; "
				    "fewer words may help.");
		return;
	}
	if (rc != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	ui_message(a, false, "Saved. Looking after yourself counts.");
	if (f->done)
		f->done(a, f->ctx);
	free(f->text);
	f->text = NULL;
}

static void got_minutes(struct app *a, void *ctx, int choice,
			const char *text)
{
	struct logflow *f = ctx;
	char *end;
	long m = strtol(text, &end, 10);
	(void)choice;
	if (!f->text)
		return;
	if (!*text) {
		save(a, f, ENTRY_NONE);
	} else if (*end || end == text || m < 0 || m > GROWTH_MINUTES_MAX) {
		ui_message(a, true, "Minutes are a whole number from 0 to %d.",
			   GROWTH_MINUTES_MAX);
		ask_minutes(a, f);
	} else {
		save(a, f, (int)m);
	}
}

static void ask_what(struct app *a, struct logflow *f);

static void got_text(struct app *a, void *ctx, int choice, const char *text)
{
	struct logflow *f = ctx;
	(void)choice;
	if (!utf8_has_text(text)) {
		ui_message(a, true, "A few words about what you did are "
				    "enough.");
		ask_what(a, f);
		return;
	}
	free(f->text);
	f->text = strdup(text);
	if (!f->text) {
		ui_message(a, true, "There was not enough memory to keep this.");
		return;
	}
	ask_minutes(a, f);
}

static void ask_what(struct app *a, struct logflow *f)
{
	char label[400];
	const struct category *cat = content_category(a->j->content, f->category);
	if (f->prompt)
		snprintf(label, sizeof label, "%s", f->prompt->text);
	else
		snprintf(label, sizeof label, "What did you do? (%s)",
			 cat ? cat->hint : "anything counts");
	ui_ask_text(a, "Self-improvement", label, "", got_text, f);
}

static void got_category(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct logflow *f = ctx;
	(void)text;
	if (choice < 0 || (size_t)choice >= a->j->content->n_categories)
		return;
	f->category = a->j->content->categories[choice].id;
	ask_what(a, f);
}

static void start_flow(struct app *a, const struct prompt *p,
		       void (*done)(struct app *a, void *ctx), void *ctx)
{
	const struct content *c = a->j->content;
	const char *items[32];
	char lines[32][160];
	int n = 0;
	flow_reset();
	flow.done = done;
	flow.ctx = ctx;
	flow.prompt = p;
	/* a question of a category of its own needs no picking */
	if (p && content_category(c, p->theme)) {
		flow.category = content_category(c, p->theme)->id;
		ask_what(a, &flow);
		return;
	}
	for (size_t i = 0; i < c->n_categories && n < 32; i++, n++) {
		snprintf(lines[n], sizeof lines[n], "%-12s %s",
			 c->categories[i].label, c->categories[i].hint);
		items[n] = lines[n];
	}
	ui_pick(a, "For which part of your life?", items, n, 0, got_category,
		&flow);
}

void ui_log_growth(struct app *a, void (*done)(struct app *a, void *ctx),
		   void *ctx)
{
	start_flow(a, NULL, done, ctx);
}

struct growth {
	struct growth_total *totals;
	size_t n;
	struct entry *week[MAX_WEEK];
	int n_week;
	bool more; /* the week has more entries than are kept */
	unsigned offset;
	const struct prompt *prompt;
};

static const struct ui_key growth_keys[] = {
	{"l", "log", "log something you did for yourself (also Enter)"},
	{"w", "answer", "answer today's question"},
	{"o", "other", "show another question"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

static int keep_week(const struct entry *e, void *ctx)
{
	struct growth *g = ctx;
	if (g->n_week >= MAX_WEEK) {
		g->more = true;
		return 1;
	}
	g->week[g->n_week] = entry_dup(e);
	if (g->week[g->n_week])
		g->n_week++;
	return 0;
}

static void drop_week(struct growth *g)
{
	for (int i = 0; i < g->n_week; i++)
		entry_free(g->week[i]);
	g->n_week = 0;
	g->more = false;
}

static void load(struct app *a, struct growth *g)
{
	struct mend_err err = {""};
	drop_week(g);
	if (!ui_refresh(a))
		return;
	if (growth_week(a->j, g->totals, &err) != MEND_OK ||
	    growth_week_each(a->j, keep_week, g, &err) != MEND_OK)
		ui_error(a, &err);
	g->prompt = reflection_prompt_today(a->j, MODULE_GROWTH, g->offset);
}

static void growth_enter(struct app *a, void *st)
{
	load(a, st);
}

/* One entry of the week: "Mon  Body  20 min  a walk by the river". */
static void draw_entry(const struct content *c, const struct entry *e, int y,
		       int left, int width)
{
	char when[16] = "", line[160];
	time_t t;
	struct tm tm;
	const struct category *cat = content_category(c, e->category);
	if (clock_parse_iso(e->created_at, &t) && localtime_r(&t, &tm))
		strftime(when, sizeof when, "%a %d", &tm);
	ui_text(y, left, 7, when, ui_attr(ROLE_MUTED));
	ui_text(y, left + 7, 12, cat ? cat->label : e->category,
		ui_attr(ROLE_NORMAL));
	if (e->minutes != ENTRY_NONE)
		snprintf(line, sizeof line, "%d min", e->minutes);
	else
		line[0] = '\0';
	ui_text(y, left + 19, 9, line, ui_attr(ROLE_MUTED));
	ui_text(y, left + 28, width - 28, e->text, ui_attr(ROLE_NORMAL));
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
	int end = top + height;
	y = top;
	ui_text(y++, left, width, "This week", ui_attr(ROLE_TITLE));
	for (size_t i = 0; i < g->n; i++) {
		long v = g->totals[i].minutes ? g->totals[i].minutes
					      : g->totals[i].count;
		if (v > max)
			max = v;
	}
	int bar = width - 36 > 10 ? width - 36 : 10;
	for (size_t i = 0; i < g->n && y < end; i++, y++) {
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
	/* Below the bars: the week's entries, then the day's question,
	 * whole or as a one-line pointer when the window is short. */
	int qlines = g->prompt ? ui_wrap(0, 0, width, 0, 0, g->prompt->text, 0)
			       : 0;
	int want = g->n_week ? g->n_week + g->more : 1;
	int avail = end - y - 2; /* a blank line and the heading */
	bool whole = g->prompt && avail - (want < 3 ? want : 3) >= qlines + 2;
	int qrows = !g->prompt ? 0 : whole ? qlines + 2 : 2;
	int rows = avail - qrows;
	if (rows > want)
		rows = want;
	if (rows < 1)
		return;
	y++;
	ui_text(y++, left, width, "Logged this week", ui_attr(ROLE_TITLE));
	if (g->n_week == 0) {
		ui_text(y++, left, width,
			"Nothing yet this week. Press l to log something small.",
			ui_attr(ROLE_MUTED));
	} else {
		bool cut = g->n_week > rows || g->more;
		int shown = cut ? rows - 1 : rows;
		for (int i = 0; i < shown; i++)
			draw_entry(c, g->week[i], y + i, left, width);
		if (cut) {
			snprintf(line, sizeof line, "%s%d%s more this week",
				 shown ? "and " : "", g->n_week - shown,
				 g->more ? "+" : "");
			ui_text(y + shown, left, width, line,
				ui_attr(ROLE_MUTED));
		}
		y += rows;
	}
	if (!g->prompt || y + 1 >= end)
		return;
	y++;
	if (!whole) {
		ui_text(y, left, width, "There is a question for today: press w.",
			ui_attr(ROLE_ACCENT));
		return;
	}
	ui_text(y++, left, width, "A question for today (w to answer)",
		ui_attr(ROLE_TITLE));
	ui_wrap(y, left, width, end - y, 0, g->prompt->text,
		ui_attr(ROLE_ACCENT));
}

static void logged(struct app *a, void *ctx)
{
	load(a, ctx);
}

static int growth_key(struct app *a, void *st, int ch, bool code)
{
	struct growth *g = st;
	if (code) {
		if (ch == KEY_ENTER)
			ui_log_growth(a, logged, st);
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	if (ch == 'l' || ch == '\r' || ch == '\n')
		ui_log_growth(a, logged, st);
	else if (ch == 'w' && g->prompt)
		start_flow(a, g->prompt, logged, st);
	else if (ch == 'o') {
		g->offset++;
		g->prompt = reflection_prompt_today(a->j, MODULE_GROWTH,
						    g->offset);
	} else if (ch == 27 || ch == 'q')
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
		flow_reset();
	drop_week(g);
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
