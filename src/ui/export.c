/* SPDX-License-Identifier: MIT */
/* Export: the JSON export (the same function as `mend export -o`) to a
 * path the user can edit, by default in the home directory with the date
 * in its name; then the path and the counts. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/export.h"
#include "screens.h"

struct exp {
	char path[4096];
	struct export_counts counts;
	bool done;
};

static const struct ui_key export_keys[] = {
	{"Enter", "export", "choose where, then write the file"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

static void export_draw(struct app *a, void *st)
{
	struct exp *x = st;
	int top, left, width, height, y;
	char line[4200];

	ui_frame(a, "Export", export_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	y += ui_wrap(y, left, width, 4, 0,
		     "Save your whole journal as one JSON file: a backup, a way "
		     "to another machine, and a copy that is yours. It can be "
		     "read back with 'mend import'.",
		     ui_attr(ROLE_NORMAL));
	y++;
	if (x->done) {
		snprintf(line, sizeof line, "Saved %ld entries and %ld periods "
					    "to:",
			 x->counts.entries, x->counts.periods);
		ui_text(y++, left, width, line, ui_attr(ROLE_GOOD));
		ui_wrap(y, left + 2, width - 2, 3, 0, x->path,
			ui_attr(ROLE_ACCENT));
	} else {
		ui_text(y, left, width, "Press Enter to choose where to save it.",
			ui_attr(ROLE_ACCENT));
	}
}

static void got_path(struct app *a, void *ctx, int choice, const char *text)
{
	struct exp *x = ctx;
	struct export_options o = {.format = EXPORT_JSON, .module = -1};
	struct mend_err err = {""};
	(void)choice;
	if (!*text || !ui_refresh(a))
		return;
	snprintf(x->path, sizeof x->path, "%s", text);
	if (export_to_file(a->j, &o, x->path, &x->counts, &err) != MEND_OK) {
		ui_error(a, &err);
		x->done = false;
		return;
	}
	x->done = true;
	ui_message(a, false, "Exported.");
}

static int export_key(struct app *a, void *st, int ch, bool code)
{
	struct exp *x = st;
	if ((code && ch == KEY_ENTER) || (!code && (ch == '\r' || ch == '\n')))
		ui_ask_text(a, "Export", "Save the export as:", x->path, got_path,
			    x);
	else if (!code && (ch == 27 || ch == 'q'))
		return UI_POP;
	return code && ch == UI_TICK ? 0 : UI_HANDLED;
}

static void export_leave(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static const struct ui_screen export_screen = {
	.title = "Export",
	.module = -1,
	.keys = export_keys,
	.draw = export_draw,
	.key = export_key,
	.leave = export_leave,
};

void ui_open_export(struct app *a)
{
	struct exp *x = calloc(1, sizeof *x);
	const char *home = getenv("HOME");
	char day[CLOCK_DATE_LEN];
	if (!x)
		return;
	clock_format_date(clock_local_date(a->j->now), day);
	snprintf(x->path, sizeof x->path, "%s/mend-export-%s.json",
		 home && *home ? home : ".", day);
	ui_push(a, &export_screen, x);
}
