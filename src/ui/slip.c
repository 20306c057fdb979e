/* SPDX-License-Identifier: MIT */
/* A slip, met kindly: after a contact that started the count again, the
 * space given so far stays beside the new count, and three short
 * questions (each one skippable) can be answered for next time. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/nocontact.h"
#include "mend/pause.h"
#include "screens.h"

struct slip_ui {
	struct pause_content *w;
	struct slip_space space;
	int asking; /* the question open (0..2), or -1 */
	char *answers[2];
	const char *easy;
	const char *items[SLIP_EASY_COUNT + 1]; /* the last question's */
	char item_text[SLIP_EASY_COUNT + 1][128];
};

static const struct ui_key slip_keys[] = {
    {"Enter", "answer",
     "answer the three questions (each may be "
     "skipped)"},
    {"Esc", "not now", "go back; nothing is asked"},
    {NULL, NULL, NULL},
};

static void slip_draw(struct app *a, void *st)
{
	struct slip_ui *s = st;
	int top, left, width, height, y;
	char line[160];

	ui_frame(a, "A fresh start", slip_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	snprintf(line, sizeof line, "Day %ld of a new stretch",
		 s->space.current_days);
	ui_text(y++, left, width, line, ui_attr(ROLE_TITLE));
	if (s->space.total_days > 0) {
		snprintf(
		    line, sizeof line,
		    "%ld day%s of space in all · longest stretch %ld day%s",
		    s->space.total_days, s->space.total_days == 1 ? "" : "s",
		    s->space.longest_days,
		    s->space.longest_days == 1 ? "" : "s");
		ui_text(y, left, width, line, ui_attr(ROLE_GOOD));
	}
	y += 2;
	y += ui_wrap(y, left, width, top + height - y, 0, s->w->slip_intro,
		     ui_attr(ROLE_NORMAL)) +
	     1;
	ui_wrap(y, left, width, top + height - y, 0, s->w->fresh_start,
		ui_attr(ROLE_MUTED));
}

static void ask(struct app *a, struct slip_ui *s, int q);

static void save(struct app *a, struct slip_ui *s)
{
	struct slip_input in = {s->answers[0], s->answers[1], s->easy, NULL};
	struct mend_err err = {""};
	s->asking = -1;
	if (!(s->answers[0] && *s->answers[0]) &&
	    !(s->answers[1] && *s->answers[1]) && !s->easy) {
		ui_message(a, false, "Nothing to keep, and that is fine.");
		ui_close(a);
		return;
	}
	if (!ui_refresh(a))
		return;
	if (slip_save(a->j, &in, NULL, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	ui_message(a, false,
		   "Kept, for next time. Be gentle with yourself "
		   "today.");
	ui_close(a);
}

static void got_answer(struct app *a, void *ctx, int choice, const char *text)
{
	struct slip_ui *s = ctx;
	(void)choice;
	int q = s->asking;
	if (q == 2) {
		s->easy = choice >= 0 && choice < SLIP_EASY_COUNT
			      ? slip_easy_key((enum slip_easy)choice)
			      : NULL;
		save(a, s);
		return;
	}
	free(s->answers[q]);
	s->answers[q] = text && *text ? strdup(text) : NULL;
	ask(a, s, q + 1);
}

static void ask(struct app *a, struct slip_ui *s, int q)
{
	s->asking = q;
	if (q < 2) {
		ui_ask_text(a, "A fresh start", s->w->slip_q[q],
			    s->answers[q] ? s->answers[q] : "", got_answer, s);
		return;
	}
	for (int i = 0; i <= SLIP_EASY_COUNT; i++) {
		snprintf(s->item_text[i], sizeof s->item_text[i], "%d  %s",
			 i + 1,
			 i < SLIP_EASY_COUNT ? s->w->easy_label[i]
					     : "Skip this one");
		s->items[i] = s->item_text[i];
	}
	ui_pick(a, s->w->slip_q[2], s->items, SLIP_EASY_COUNT + 1, 0,
		got_answer, s);
}

/* A question left with Esc is skipped: on to the next. */
static void slip_resume(struct app *a, void *st)
{
	struct slip_ui *s = st;
	if (s->asking < 0)
		return;
	if (s->asking == 2)
		save(a, s);
	else
		ask(a, s, s->asking + 1);
}

static int slip_key(struct app *a, void *st, int ch, bool code)
{
	struct slip_ui *s = st;
	if (code && ch == UI_TICK)
		return 0;
	if ((code && ch == KEY_ENTER) ||
	    (!code && (ch == '\r' || ch == '\n'))) {
		ask(a, s, 0);
		return UI_HANDLED;
	}
	if (!code && (ch == 27 || ch == 'q'))
		return UI_POP;
	return UI_HANDLED;
}

static void slip_leave(struct app *a, void *st)
{
	struct slip_ui *s = st;
	(void)a;
	free(s->answers[0]);
	free(s->answers[1]);
	pause_content_free(s->w);
	free(s);
}

static const struct ui_screen slip_screen = {
    .title = "A fresh start",
    .module = MODULE_NOCONTACT,
    .keys = slip_keys,
    .draw = slip_draw,
    .key = slip_key,
    .resume = slip_resume,
    .leave = slip_leave,
};

void ui_open_slip(struct app *a, bool replace_top)
{
	struct mend_err err = {""};
	struct slip_ui *s = calloc(1, sizeof *s);
	if (!s)
		return;
	s->asking = -1;
	if (pause_content_load(&s->w, &err) != MEND_OK ||
	    slip_space(a->j, &s->space, &err) != MEND_OK) {
		ui_error(a, &err);
		pause_content_free(s->w);
		free(s);
		return;
	}
	if (replace_top)
		ui_replace(a, &slip_screen, s);
	else
		ui_push(a, &slip_screen, s);
}
