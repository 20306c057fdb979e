/* SPDX-License-Identifier: MIT */
/* "Help now": the hard-days note on a page of its own, the people the
 * user keeps to reach instead, the local crisis line when one is set,
 * and emergency services. It never diagnoses, and only shows: the one
 * thing it opens is the list of people, to change it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/pause.h"
#include "mend/store_crypt.h"
#include "screens.h"

struct helpnow {
	char crisis[CHECKIN_CRISIS_MAX + 1];
	struct pause_list people;
	struct pause_content *w;
};

static const struct ui_key helpnow_keys[] = {
    {"Esc", "back", "go back (also q or Enter)"},
    {"e", "your people", "add or change the people you could reach"},
    {"^T", "pause", "pause before you reach out"},
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
	pause_list_done(&h->people);
	if (pause_list_get(a->j, PAUSE_LIST_PEOPLE, &h->people, &err) !=
	    MEND_OK)
		ui_error(a, &err);
	if (!h->w && pause_content_load(&h->w, &err) != MEND_OK)
		ui_error(a, &err);
}

static void helpnow_draw(struct app *a, void *st)
{
	struct helpnow *h = st;
	int top, left, width, height, y;

	ui_frame(a, "Help now", helpnow_keys);
	ui_area(&top, &left, &width, &height);
	int bottom = top + height;
	const char *emergency = h->w ? h->w->emergency : "";
	/* what to do comes first and stays whole: the people, the crisis
	 * line and emergency services; the note takes what room is left */
	int people = h->people.n > 4 ? 4 : h->people.n;
	int need = (people ? people + 2 + (h->people.n > people) : 0) +
		   (h->crisis[0] ? 3 : 0) +
		   ui_wrap(LINES, 0, width, 0, 0, emergency, 0);
	y = top;
	ui_text(y, left, width, "You do not have to get through this alone.",
		ui_attr(ROLE_TITLE));
	y += 2;
	int room = bottom - y - need - 1; /* the note and a blank line */
	const char *note = a->j->content->low_mood;
	int note_lines = ui_wrap(LINES, 0, width, 0, 0, note, 0);
	if (note_lines <= room) /* whole, or not at all: a cut sentence
				 * helps no one here */
		y += ui_wrap(y, left, width, room, 0, note,
			     ui_attr(ROLE_NORMAL)) +
		     1;
	if (people && y + 1 < bottom) {
		ui_text(y++, left, width,
			"People you could reach now:", ui_attr(ROLE_MUTED));
		for (int i = 0; i < people && y < bottom; i++)
			ui_text(y++, left + 2, width - 2, h->people.items[i],
				ui_attr(ROLE_GOOD));
		if (h->people.n > people && y < bottom)
			ui_text(y++, left + 2, width - 2,
				"… and more (e shows them all)",
				ui_attr(ROLE_MUTED));
		y++;
	}
	if (h->crisis[0] && y + 1 < bottom) {
		ui_text(y++, left, width,
			"Your local crisis line:", ui_attr(ROLE_MUTED));
		y += ui_wrap(y, left, width, bottom - y, 0, h->crisis,
			     ui_attr(ROLE_ACCENT)) +
		     1;
	}
	if (y < bottom)
		ui_wrap(y, left, width, bottom - y, 0, emergency,
			ui_attr(ROLE_WARNING));
}

static int helpnow_key(struct app *a, void *st, int ch, bool code)
{
	(void)st;
	if (code)
		return ch == UI_TICK	 ? 0
		       : ch == KEY_ENTER ? UI_POP
					 : UI_HANDLED;
	if (ch == 27 || ch == 'q' || ch == '\r' || ch == '\n')
		return UI_POP;
	if (ch == 'e' || ch == 'E')
		ui_open_keep(a, PAUSE_LIST_PEOPLE);
	return UI_HANDLED;
}

static void helpnow_resume(struct app *a, void *st)
{
	helpnow_enter(a, st);
}

static void helpnow_leave(struct app *a, void *st)
{
	struct helpnow *h = st;
	(void)a;
	pause_list_done(&h->people);
	pause_content_free(h->w);
	free(h);
}

static const struct ui_screen helpnow_screen = {
    .title = "Help now",
    .module = MODULE_CHECKIN,
    .keys = helpnow_keys,
    .enter = helpnow_enter,
    .draw = helpnow_draw,
    .key = helpnow_key,
    .leave = helpnow_leave,
    .resume = helpnow_resume,
};

void ui_open_helpnow(struct app *a)
{
	struct helpnow *h = calloc(1, sizeof *h);
	if (h)
		ui_push(a, &helpnow_screen, h);
}
