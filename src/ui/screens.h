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

/* Encrypted journals (unlock.c): open the first screens once the
 * journal is readable (at once, with the keyring's key, or after the
 * passphrase screen); lock now (false when there is nothing to lock);
 * ask for a new passphrase twice and hand it to chosen, which returns
 * the key flags (UI_HANDLED once it opened a screen of its own, after
 * which the passphrase screen closes with it). */
void ui_start_unlocked(struct app *a);
bool ui_lock(struct app *a);
void ui_open_new_passphrase(struct app *a,
			    int (*chosen)(struct app *a, const char *pass,
					  size_t len));

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
