/* SPDX-License-Identifier: MIT */
/* The screens, one file each, and how to open them. */
#ifndef MEND_UI_SCREENS_H
#define MEND_UI_SCREENS_H

#include "app.h"

/* Open the first screen: a restored draft, the welcome on an empty
 * journal, or home. */
void screens_start(struct app *a);

/* Help for a screen (help.c). */
extern const struct ui_screen help_screen;
void *help_new(const struct ui_screen *about);

void ui_open_home(struct app *a);
void ui_open_welcome(struct app *a);
void ui_open_checkin(struct app *a);
void ui_open_helpnow(struct app *a);
void ui_open_nocontact(struct app *a);
void ui_open_write(struct app *a, enum module m);
void ui_open_growth(struct app *a);
void ui_open_review(struct app *a);
void ui_open_export(struct app *a);

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
