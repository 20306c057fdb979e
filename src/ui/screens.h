/* SPDX-License-Identifier: MIT */
/* The screens, one file each, and how to open them. */
#ifndef MEND_UI_SCREENS_H
#define MEND_UI_SCREENS_H

#include "app.h"
#include "mend/pause.h"

/* Open the first screen: a restored draft, the welcome on an empty
 * journal, or home. */
void screens_start(struct app *a);

/* Help for a screen (help.c). */
extern const struct ui_screen help_screen;
void *help_new(const struct ui_screen *about);

/* Encrypted journals (unlock.c): open the first screens once the
 * journal is readable (at once, with the keyring's key, or after the
 * passphrase screen); lock now (false when there is nothing to lock);
 * ask for a new passphrase twice and hand it to chosen, which returns
 * the key flags (UI_HANDLED once it opened a screen of its own, after
 * which the passphrase screen closes with it). */
void ui_start_unlocked(struct app *a);
bool ui_lock(struct app *a);
struct ui_new_pass {
	const char *title;   /* the screen's title */
	const char *intro;   /* its first words: what the passphrase is for */
	const char *working; /* shown while chosen runs (a slow step) */
	int (*chosen)(struct app *a, void *ctx, const char *pass, size_t len);
	void *ctx; /* handed to chosen */
};
void ui_open_new_passphrase(struct app *a, const struct ui_new_pass *np);

/* Encrypt the journal from the welcome (encrypt.c): the passphrase
 * twice, then the recovery key on a screen of its own. */
void ui_open_encrypt(struct app *a);

void ui_open_home(struct app *a);
void ui_open_welcome(struct app *a);
void ui_open_checkin(struct app *a);
void ui_open_helpnow(struct app *a);
void ui_open_nocontact(struct app *a);
void ui_open_write(struct app *a, enum module m);
void ui_open_growth(struct app *a);
void ui_open_review(struct app *a);
void ui_open_export(struct app *a);
void ui_open_path(struct app *a);

/* The morning intention or the evening look-back (journey.c), asked in
 * small dialogs and saved; done(a, ctx), when set, runs after a save.
 * The caller owns n (which, done and ctx set by it) and keeps it alive
 * while the dialogs are up; suggestion is the intention offered first. */
struct ui_journey_note {
	int which; /* enum journey_due */
	void (*done)(struct app *a, void *ctx);
	void *ctx;
	char text[2048];
};
void ui_journey_note(struct app *a, struct ui_journey_note *n,
		     const char *suggestion);
void ui_open_exercises(struct app *a);

/* Pause before reaching out (pause.c): from home (p) and from any
 * screen through the loop's pause hook; the slip screen after a contact
 * that started the count again (slip.c; replace_top: it takes the top
 * screen's place); the lists kept for hard moments (keep.c). */
void ui_open_pause(struct app *a);
bool ui_pause_open_on_top(const struct app *a);
void ui_open_slip(struct app *a, bool replace_top);
void ui_open_keep(struct app *a, enum pause_list_kind kind);

/* Insights (insights.c): from its first page, or from the page named
 * "mood", "year", "space", "helps", "urges", "back", "then" or "week". */
void ui_open_insights(struct app *a);
void ui_open_insights_page(struct app *a, const char *page);

/* Reopen a draft of a note on a week ("week:YYYY-MM-DD"); false when the
 * context is not one. */
bool ui_restore_week(struct app *a, const char *context, const char *text);

/* Open one entry in full (review.c). */
void ui_open_entry(struct app *a, const char *uuid);

/* Restore a draft of the no-contact module (nocontact.c) or of an edit
 * (entry_view.c); false when the context is not theirs. start.c's table
 * of contexts is the one place that picks among them. */
bool ui_restore_nocontact(struct app *a, const char *context,
			  const char *text);
bool ui_restore_edit(struct app *a, const char *context, const char *text);
/* An exercise's writing (exercise.c), context "exercise:ID". */
bool ui_restore_exercise(struct app *a, const char *context,
			 const char *text);

/* Open the editor for a restored draft of a writing screen (write.c:
 * reflection, acceptance, no-contact questions); false otherwise. */
bool ui_restore_draft(struct app *a, const char *context, const char *text);

/* Save helpers shared by screens that write (write.c). */
bool ui_save_reflection(struct app *a, enum module m, const char *prompt_id,
			const char *text, size_t len);

/* Log one growth activity through dialogs (growth.c); done, if set, runs
 * after it was saved. */
void ui_log_growth(struct app *a, void (*done)(struct app *a, void *ctx),
		   void *ctx);

#endif
