/* SPDX-License-Identifier: MIT */
/* "Help now": the hard-days note on a page of its own, with the local
 * crisis line when one is set. It only shows; nothing here writes the
 * journal. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/store_crypt.h"
#include "screens.h"

struct helpnow {
	char crisis[CHECKIN_CRISIS_MAX + 1];
};

static const struct ui_key helpnow_keys[] = {
    {"Esc", "back", "go back (also q or Enter)"},
    {NULL, NULL, NULL},
};

static void helpnow_enter(struct app *a, void *st)
{
	struct helpnow *h = st;
	struct mend_err err = {""};
	/* a locked journal keeps the crisis line sealed: the note alone */
	if (!store_unlocked(a->j->st))
		return;
	if (checkin_crisis_line(a->j, h->crisis, sizeof h->crisis, &err) !=
	    MEND_OK) {
		h->crisis[0] = '\0';
		ui_error(a, &err);
	}
}

static void helpnow_draw(struct app *a, void *st)
{
	struct helpnow *h = st;
	int top, left, width, height, y;

	ui_frame(a, "Help now", helpnow_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	ui_text(y, left, width, "You do not have to get through this alone.",
		ui_attr(ROLE_TITLE));
	y += 2;
	int room = top + height - y - (h->crisis[0] ? 3 : 0);
	y += ui_wrap(y, left, width, room, 0, a->j->content->low_mood,
		     ui_attr(ROLE_NORMAL));
	if (h->crisis[0] && y + 2 < top + height) {
		y++;
		ui_text(y++, left, width,
			"Your local crisis line:", ui_attr(ROLE_MUTED));
		ui_wrap(y, left, width, top + height - y, 0, h->crisis,
			ui_attr(ROLE_ACCENT));
	}
}

static int helpnow_key(struct app *a, void *st, int ch, bool code)
{
	(void)a;
	(void)st;
	if (code)
		return ch == UI_TICK	 ? 0
		       : ch == KEY_ENTER ? UI_POP
					 : UI_HANDLED;
	if (ch == 27 || ch == 'q' || ch == '\r' || ch == '\n')
		return UI_POP;
	return UI_HANDLED;
}

static void helpnow_leave(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static const struct ui_screen helpnow_screen = {
    .title = "Help now",
    .module = MODULE_CHECKIN,
    .keys = helpnow_keys,
    .enter = helpnow_enter,
    .draw = helpnow_draw,
    .key = helpnow_key,
    .leave = helpnow_leave,
};

void ui_open_helpnow(struct app *a)
{
	struct helpnow *h = calloc(1, sizeof *h);
	if (h)
		ui_push(a, &helpnow_screen, h);
}
