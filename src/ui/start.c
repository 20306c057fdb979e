/* SPDX-License-Identifier: MIT */
/* How the full-screen journal begins: the first screen (welcome on an
 * empty journal, else home), the offer to restore unsaved writing left
 * by sessions that have ended (each in turn: Restore, Later, Discard), and
 * the table that finds the screen a draft belongs to. The loop in app.c
 * is handed these as hooks and knows no screen by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mend/draft.h"
#include "mend/program.h"
#include "mend/utf8.h"
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
	{"exercise:", ui_restore_exercise},
	{"week:", ui_restore_week},
};

static bool restore(struct app *a, const char *context, const char *text)
{
	for (size_t i = 0; i < sizeof restorers / sizeof restorers[0]; i++)
		if (strncmp(context, restorers[i].prefix,
			    strlen(restorers[i].prefix)) == 0)
			return restorers[i].restore(a, context, text);
	return false;
}

/* The drafts whose session has ended, offered one after another. */
struct offer {
	struct draft *list;
	size_t n, at;
	char owner[DRAFT_OWNER_LEN];
};

enum { OFFER_RESTORE, OFFER_LATER, OFFER_DISCARD };

static void offer_next(struct app *a, struct offer *o);

static void offer_free(struct offer *o)
{
	draft_list_free(o->list, o->n);
	free(o);
}

static void offer_answer(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct offer *o = ctx;
	struct draft *d = &o->list[o->at];
	struct mend_err err = {""};
	size_t left = o->n - o->at - 1;
	(void)text;
	if (choice == OFFER_RESTORE) {
		enum mend_rc rc = draft_take(a->j, d, o->owner, &err);
		if (rc == MEND_ENOTFOUND) {
			ui_message(a, false, "Another mend has just opened that "
					     "writing; it is safe there.");
		} else if (rc != MEND_OK) {
			ui_error(a, &err);
		} else {
			if (!restore(a, d->context, d->text))
				ui_message(a, true, "That draft could not be "
						    "reopened; it is still "
						    "kept.");
			else if (left)
				ui_message(a, false, "%zu more unsaved writing%s "
						     "kept for next time.",
					   left, left == 1 ? " is" : "s are");
			offer_free(o);
			return;
		}
	} else if (choice == OFFER_DISCARD) {
		enum mend_rc rc = draft_drop(a->j, d, &err);
		if (rc != MEND_OK && rc != MEND_ENOTFOUND)
			ui_error(a, &err);
		else
			ui_message(a, false, "Discarded. It is kept %d more "
					     "days: ^Y in the same writing "
					     "brings it back.",
				   DRAFT_KEEP_DAYS);
	} else if (choice == OFFER_LATER && left) {
		/* n or l: this one waits, and the next is offered */
	} else {
		/* Esc: everything waits for next time */
		ui_message(a, false, "Your unsaved writing is kept; it will be "
				     "offered again next time.");
		offer_free(o);
		return;
	}
	o->at++;
	offer_next(a, o);
}

/* The first words of a draft, cut on a character boundary. */
static void preview(const char *text, char *buf, size_t max)
{
	size_t n = 0, len = strcspn(text, "\n");
	uint32_t cp;
	while (n < len) {
		size_t k = utf8_decode(text + n, len - n, &cp);
		if (k == 0 || n + k > max - 4)
			break;
		n += k;
	}
	snprintf(buf, max, "%.*s%s", (int)n, text, n < strlen(text) ? "…" : "");
}

static void offer_next(struct app *a, struct offer *o)
{
	static const struct ui_choice choices[] = {
		{"Restore it now", 'r', false},
		{"Later: not now, keep it for next time", 'n', false},
		{"Discard it", 0, true},
	};
	char q[400], when[40] = "", count[32] = "", first[80];
	time_t t;
	struct tm tm;

	if (o->at >= o->n) {
		offer_free(o);
		return;
	}
	const struct draft *d = &o->list[o->at];
	if (clock_parse_iso(d->updated_at, &t) && localtime_r(&t, &tm))
		strftime(when, sizeof when, " from %Y-%m-%d %H:%M", &tm);
	if (o->n > 1)
		snprintf(count, sizeof count, " (%zu of %zu)", o->at + 1, o->n);
	preview(d->text, first, 60);
	snprintf(q, sizeof q,
		 "You have unsaved writing%s%s: \"%s\". What would you like "
		 "to do with it?",
		 when, count, first);
	ui_choose(a, "Unsaved writing", q, choices, 3, OFFER_RESTORE,
		  offer_answer, o);
}

/* Offer the drafts of sessions that have ended; a live session's drafts
 * are its own. */
static void offer_drafts(struct app *a)
{
	struct mend_err err = {""};
	struct offer *o = calloc(1, sizeof *o);

	if (!o)
		return;
	if (draft_orphans(a->j, &o->list, &o->n, &err) != MEND_OK) {
		ui_error(a, &err);
		free(o);
		return;
	}
	if (o->n == 0) {
		free(o);
		return;
	}
	draft_owner_self(o->owner);
	offer_next(a, o);
}

static const char *start_at; /* a screen to open over home, or NULL */

static const char *const insights_pages[] = {
	"mood", "year", "space", "helps", "urges", "back", "then", "week",
};

bool ui_screen_known(const char *at)
{
	if (strncmp(at, "insights:", 9) != 0)
		return false;
	for (size_t i = 0; i < sizeof insights_pages / sizeof *insights_pages; i++)
		if (strcmp(at + 9, insights_pages[i]) == 0)
			return true;
	return false;
}

void screens_start(struct app *a)
{
	struct program_status s;
	struct mend_err err = {""};

	ui_open_home(a);
	if (program_status(a->j, &s, &err) == MEND_OK && !s.nc.started &&
	    !s.has_entries)
		ui_open_welcome(a);
	else if (start_at && ui_screen_known(start_at))
		ui_open_insights_page(a, start_at + 9);
	/* a prompts file that could not be loaded: said once, at the start */
	const char *w = content_warning(a->j->content);
	if (w)
		ui_message(a, true, "%s", w);
	offer_drafts(a);
}

static void open_help(struct app *a, const struct ui_screen *about)
{
	ui_push(a, &help_screen, help_new(about));
}

/* ^T: a pause over whatever is open, unless one is open already. */
static void open_pause(struct app *a)
{
	if (!ui_pause_open_on_top(a))
		ui_open_pause(a);
}

int ui_main(const char *db_path, int draw_once)
{
	static const struct app_hooks hooks = {
		.start = ui_start_unlocked,
		.save_draft = ui_editor_save_draft,
		.help = open_help,
		.pause = open_pause,
		.lock = ui_lock,
	};
	return app_run(db_path, draw_once, &hooks);
}

int ui_main_at(const char *db_path, int draw_once, const char *at)
{
	start_at = at;
	return ui_main(db_path, draw_once);
}
