/* SPDX-License-Identifier: MIT */
/* First run: a short welcome, the day of the last contact and the goal,
 * a few lines on the four modules, then the first check-in. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/nocontact.h"
#include "mend/store_crypt.h"
#include "screens.h"

enum step { STEP_HELLO, STEP_DATE, STEP_GOAL, STEP_MODULES };

struct welcome {
	enum step step;
};

/* k first, so that an encrypted journal's welcome shows the rest alone */
static const struct ui_key welcome_keys[] = {
	{"k", "encrypt", "keep this journal encrypted (a passphrase), before "
			 "anything is written"},
	{"Enter", "continue", "go on to the next step"},
	{"Esc", "skip", "skip the welcome and go home"},
	{NULL, NULL, NULL},
};

static void ask_date(struct app *a, struct welcome *w);

static void got_goal(struct app *a, void *ctx, int choice, const char *text)
{
	struct welcome *w = ctx;
	struct mend_err err = {""};
	char *end;
	long goal = strtol(text, &end, 10);
	(void)choice;
	if (*text && (*end || goal < 1 || goal > JOURNAL_GOAL_MAX)) {
		ui_message(a, true,
			   "A goal is a number of days, from 1 to %d.",
			   JOURNAL_GOAL_MAX);
		ui_ask_text(a, "Welcome", "How many days of no contact would you "
					  "like to aim for?",
			    "30", got_goal, w);
		return;
	}
	if (*text && nocontact_start(a->j, NULL, (int)goal, NULL, &err) != MEND_OK)
		ui_error(a, &err);
	w->step = STEP_MODULES;
}

static void got_date(struct app *a, void *ctx, int choice, const char *text)
{
	struct welcome *w = ctx;
	struct mend_err err = {""};
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (nocontact_start(a->j, text, ENTRY_NONE, NULL, &err) != MEND_OK) {
		ui_error(a, &err);
		ask_date(a, w);
		return;
	}
	w->step = STEP_GOAL;
	ui_ask_text(a, "Welcome",
		    "How many days of no contact would you like to aim for? "
		    "Thirty is a common start; you can change it later.",
		    "30", got_goal, w);
}

static void ask_date(struct app *a, struct welcome *w)
{
	char today[CLOCK_DATE_LEN];
	clock_format_date(clock_local_date(a->j->now), today);
	w->step = STEP_DATE;
	ui_ask_text(a, "Welcome",
		    "When were you last in contact? Give the day as "
		    "YYYY-MM-DD (today is filled in).",
		    today, got_date, w);
}

static void welcome_draw(struct app *a, void *st)
{
	struct welcome *w = st;
	const struct content *c = a->j->content;
	int top, left, width, height, y;

	ui_frame(a, "Welcome",
		 store_encrypted(a->j->st) ? welcome_keys + 1 : welcome_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	if (w->step != STEP_MODULES) {
		y += ui_wrap(y, left, width, height, 0, c->welcome,
			     ui_attr(ROLE_NORMAL));
		ui_text(y + 1, left, width, "Press Enter to begin.",
			ui_attr(ROLE_ACCENT));
		if (w->step == STEP_HELLO && !store_encrypted(a->j->st))
			ui_wrap(y + 2, left, width, top + height - y - 2, 0,
				"Or k: keep this journal encrypted (a "
				"passphrase).",
				ui_attr(ROLE_MUTED));
		return;
	}
	ui_text(y++, left, width, "Four parts, in any order you like:",
		ui_attr(ROLE_TITLE));
	y++;
	static const enum module order[] = {MODULE_NOCONTACT, MODULE_REFLECTION,
					    MODULE_GROWTH, MODULE_ACCEPTANCE};
	/* all four and the way on must show: where the purposes do not fit
	 * whole, each gets one line that ends in an ellipsis */
	int need = 0;
	for (int i = 0; i < 4; i++)
		need += 1 + ui_wrap(0, left + 2, width - 2, 0, 0,
				    c->module_purpose[order[i]], 0);
	bool roomy = y + need < top + height;
	for (int i = 0; i < 4 && y < top + height; i++) {
		ui_text(y, left, roomy ? width : 16, c->module_title[order[i]],
			ui_attr(ROLE_ACCENT));
		if (!roomy) {
			ui_text(y++, left + 18, width - 18,
				c->module_purpose[order[i]],
				ui_attr(ROLE_NORMAL));
			continue;
		}
		y += 1 + ui_wrap(y + 1, left + 2, width - 2, top + height - y - 1,
				 0, c->module_purpose[order[i]],
				 ui_attr(ROLE_NORMAL));
	}
	if (!roomy)
		y++;
	if (y < top + height)
		ui_text(y, left, width,
			"Press Enter for your first check-in.",
			ui_attr(ROLE_ACCENT));
}

static void first_checkin(struct app *a, void *ctx, int choice,
			  const char *text)
{
	(void)ctx;
	(void)choice;
	(void)text;
	ui_open_checkin(a);
}

static int welcome_key(struct app *a, void *st, int ch, bool code)
{
	struct welcome *w = st;
	bool enter = (code && ch == KEY_ENTER) ||
		     (!code && (ch == '\r' || ch == '\n'));
	if (code && ch == UI_TICK)
		return 0;
	if (!code && (ch == 27 || ch == 'q'))
		return UI_POP;
	if (!code && ch == 'k' && w->step == STEP_HELLO &&
	    !store_encrypted(a->j->st)) {
		ui_open_encrypt(a);
		return UI_HANDLED;
	}
	if (!enter)
		return UI_HANDLED;
	if (w->step == STEP_MODULES) {
		/* the check-in takes the welcome's place */
		ui_set_pending(a, first_checkin, NULL, 0, NULL);
		return UI_POP;
	}
	ask_date(a, w);
	return UI_HANDLED;
}

static void welcome_resume(struct app *a, void *st)
{
	struct welcome *w = st;
	(void)a;
	/* a field closed without an answer: back to the greeting */
	if (w->step == STEP_DATE)
		w->step = STEP_HELLO;
	if (w->step == STEP_GOAL)
		w->step = STEP_MODULES;
}

static void welcome_leave(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static const struct ui_screen welcome_screen = {
	.title = "Welcome",
	.module = MODULE_NOCONTACT,
	.keys = welcome_keys,
	.draw = welcome_draw,
	.key = welcome_key,
	.leave = welcome_leave,
	.resume = welcome_resume,
};

void ui_open_welcome(struct app *a)
{
	struct welcome *w = calloc(1, sizeof *w);
	if (w)
		ui_push(a, &welcome_screen, w);
}
