/* SPDX-License-Identifier: MIT */
/* Help for any screen, generated from its key table, with a few words on
 * what its module is for. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/store_crypt.h"
#include "screens.h"

struct help {
	const struct ui_screen *about;
	int scroll;
};

static const struct ui_key help_keys[] = {
	{"h", "help now", "if things are very hard right now: who and where "
			  "to turn to"},
	{"Esc", "back", "close the help (also q or ?)"},
	{"↑↓", "scroll", "scroll"},
	{"?", NULL, "close the help"},
	{NULL, NULL, NULL},
};

/* ^P hides a plain journal's screen and locks an encrypted one. */
static const struct ui_key hide_keys[] = {
	{"^P", NULL, "hide everything at once behind a blank screen; ^P "
		     "again brings it back"},
	{NULL, NULL, NULL},
};

static const struct ui_key lock_keys[] = {
	{"^P", NULL, "lock the journal at once: the screen clears, and your "
		     "passphrase brings you back here (l on home does the "
		     "same)"},
	{NULL, NULL, NULL},
};

static const struct ui_key global_keys[] = {
	{"^T", NULL, "pause before you reach out: rate the urge, write it "
		     "here instead, and wait a few minutes together"},
	{"?", NULL, "help for the screen you are on (F1 while writing)"},
	{"Esc/q", NULL, "go back"},
	{NULL, NULL, NULL},
};

void *help_new(const struct ui_screen *about)
{
	struct help *h = calloc(1, sizeof *h);
	if (h)
		h->about = about;
	return h;
}

/* The keys from row y down to bottom; rows above the top (scrolled off)
 * are counted but not drawn. */
static int draw_keys(int y, int top, int left, int width, int bottom,
		     const struct ui_key *keys)
{
	for (const struct ui_key *k = keys; k && k->keys && y < bottom; k++) {
		int skip = y < top ? top - y : 0;
		if (!skip)
			ui_text(y, left, 14, k->keys, ui_attr(ROLE_ACCENT));
		int lines = ui_wrap(y + skip, left + 15, width - 15,
				    bottom - y - skip, skip, k->help,
				    ui_attr(ROLE_NORMAL));
		y += lines;
	}
	return y;
}

static void help_draw(struct app *a, void *st)
{
	struct help *h = st;
	int top, left, width, height, y;
	char title[96];

	snprintf(title, sizeof title, "Help: %s",
		 h->about->title ? h->about->title : "");
	ui_frame(a, title, help_keys);
	ui_area(&top, &left, &width, &height);
	y = top - h->scroll;
	if (y >= top)
		ui_text(y, left, width,
			"Having a very hard time? Press h for help now.",
			ui_attr(ROLE_WARNING));
	y += 2;
	if ((int)h->about->module >= 0 && h->about->module < MODULE_COUNT) {
		const struct content *c = a->j->content;
		int skip = y < top ? top - y : 0;
		y += ui_wrap(y + skip, left, width, top + height - y - skip,
			     skip, c->module_purpose[h->about->module],
			     ui_attr(ROLE_NORMAL));
		y++;
	}
	if (y >= top && y < top + height)
		ui_text(y, left, width, "Keys on this screen",
			ui_attr(ROLE_TITLE));
	y++;
	y = draw_keys(y, top, left, width, top + height, h->about->keys) + 1;
	if (y >= top + height)
		return;
	if (y >= top)
		ui_text(y, left, width, "Everywhere", ui_attr(ROLE_TITLE));
	y = draw_keys(y + 1, top, left, width, top + height,
		      store_encrypted(a->j->st) ? lock_keys : hide_keys);
	draw_keys(y, top, left, width, top + height, global_keys);
}

static int help_key(struct app *a, void *st, int ch, bool code)
{
	struct help *h = st;
	if (code && ch == UI_TICK)
		return 0;
	if (!code && (ch == 'h' || ch == 'H')) {
		ui_open_helpnow(a);
		return UI_HANDLED;
	}
	if (code && ch == KEY_DOWN)
		h->scroll++;
	else if (code && ch == KEY_UP && h->scroll > 0)
		h->scroll--;
	else if (!code && (ch == 27 || ch == 'q' || ch == '?'))
		return UI_POP;
	return UI_HANDLED;
}

static void help_leave(struct app *a, void *st)
{
	(void)a;
	free(st);
}

const struct ui_screen help_screen = {
	.title = "Help",
	.module = -1,
	.keys = help_keys,
	.draw = help_draw,
	.key = help_key,
	.leave = help_leave,
};
