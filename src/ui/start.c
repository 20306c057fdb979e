/* SPDX-License-Identifier: MIT */
/* How the full-screen journal begins: the first screen (welcome on an
 * empty journal, else home), the offer to restore unsaved writing, and
 * the table that finds the screen a draft belongs to. The loop in app.c
 * is handed these as hooks and knows no screen by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mend/draft.h"
#include "mend/program.h"
#include "screens.h"
#include "ui.h"

/* Where each kind of draft is reopened, by the start of its context. */
static const struct {
	const char *prefix;
	bool (*restore)(struct app *a, const char *context, const char *text);
} restorers[] = {
	{"reflection", ui_restore_draft},
	{"acceptance", ui_restore_draft},
	{"nocontact:", ui_restore_draft},
	{"unsent:", ui_restore_nocontact},
	{"sealed:", ui_restore_nocontact},
	{"edit:", ui_restore_edit},
};

static bool restore(struct app *a, const char *context, const char *text)
{
	for (size_t i = 0; i < sizeof restorers / sizeof restorers[0]; i++)
		if (strncmp(context, restorers[i].prefix,
			    strlen(restorers[i].prefix)) == 0)
			return restorers[i].restore(a, context, text);
	return false;
}

struct offer {
	struct draft d;
};

enum { OFFER_RESTORE, OFFER_LATER, OFFER_DISCARD };

static void offer_answer(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct offer *o = ctx;
	struct mend_err err = {""};
	(void)text;
	if (choice == OFFER_RESTORE) {
		if (!restore(a, o->d.context, o->d.text))
			ui_message(a, true, "That draft could not be reopened; "
					    "it is still kept.");
	} else if (choice == OFFER_DISCARD) {
		if (draft_clear(a->j, &err) != MEND_OK)
			ui_error(a, &err);
		else
			ui_message(a, false, "The draft was discarded.");
	} else {
		ui_message(a, false, "Your draft is kept; it will be offered "
				     "again next time.");
	}
	draft_done(&o->d);
	free(o);
}

static void offer_draft(struct app *a)
{
	static const struct ui_choice choices[] = {
		{"Restore it now", 'r', false},
		{"Later: keep it for next time", 'l', false},
		{"Discard it", 0, true},
	};
	struct mend_err err = {""};
	struct offer *o = calloc(1, sizeof *o);
	char q[200], when[40] = "";
	time_t t;
	struct tm tm;

	if (!o || draft_load(a->j, &o->d, &err) != MEND_OK) {
		free(o);
		return;
	}
	if (clock_parse_iso(o->d.updated_at, &t) && localtime_r(&t, &tm))
		strftime(when, sizeof when, " from %Y-%m-%d %H:%M", &tm);
	snprintf(q, sizeof q, "You have unsaved writing%s. What would you like "
			      "to do with it?",
		 when);
	ui_choose(a, "Unsaved writing", q, choices, 3, OFFER_RESTORE,
		  offer_answer, o);
}

void screens_start(struct app *a)
{
	struct program_status s;
	struct mend_err err = {""};

	ui_open_home(a);
	if (program_status(a->j, &s, &err) == MEND_OK && !s.nc.started &&
	    !s.has_entries)
		ui_open_welcome(a);
	offer_draft(a);
}

static void open_help(struct app *a, const struct ui_screen *about)
{
	ui_push(a, &help_screen, help_new(about));
}

int ui_main(const char *db_path, int draw_once)
{
	static const struct app_hooks hooks = {
		.start = screens_start,
		.save_draft = ui_editor_save_draft,
		.help = open_help,
	};
	return app_run(db_path, draw_once, &hooks);
}
