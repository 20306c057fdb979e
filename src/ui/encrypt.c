/* SPDX-License-Identifier: MIT */
/* Keeping a new journal encrypted, from the welcome: the passphrase
 * (asked twice on the passphrase screen), the conversion, the journal
 * opened again and unlocked, and the recovery key on a screen of its own,
 * shown this once. The conversion is the core's (journal_encrypt). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "busy.h"
#include "mend/crypt.h"
#include "mend/journal_crypt.h"
#include "mend/session_lock.h"
#include "mend/store_crypt.h"
#include "screens.h"

struct recovery {
	char *key; /* locked memory, CRYPT_RECOVERY_LEN */
};

static const struct ui_key recovery_keys[] = {
    {"Enter", "written down",
     "close this page once the key is written "
     "down; it is not shown again"},
    {NULL, NULL, NULL},
};

static void recovery_draw(struct app *a, void *st)
{
	struct recovery *r = st;
	int top, left, width, height, y;
	const char *key = r->key;
	size_t half = strlen(key);

	ui_frame(a, "Your recovery key", recovery_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	y += ui_wrap(y, left, width, 3, 0,
		     "Your journal is encrypted now. This is its recovery key, "
		     "shown this once:",
		     ui_attr(ROLE_TITLE));
	y++;
	/* two lines of seven groups, so it fits a narrow window whole */
	for (int dashes = 0; half > 0 && key[half - 1]; half--)
		if (key[half - 1] == '-' && ++dashes == 7)
			break;
	if (half == 0 || (int)strlen(key) + 2 <= width) {
		ui_text(y++, left + 2, width - 2, key,
			ui_attr(ROLE_ACCENT) | A_BOLD);
	} else {
		ui_textn(y++, left + 2, width - 2, key, half - 1,
			 ui_attr(ROLE_ACCENT) | A_BOLD);
		ui_text(y++, left + 2, width - 2, key + half,
			ui_attr(ROLE_ACCENT) | A_BOLD);
	}
	y++;
	y += ui_wrap(y, left, width, top + height - y - 2, 0,
		     "Write it down or print it, and keep it somewhere safe, "
		     "away from this computer. If the passphrase is ever "
		     "forgotten, this key opens the journal. Without the "
		     "passphrase and without this key, the journal cannot be "
		     "opened by anyone: not by you, not by mend.",
		     ui_attr(ROLE_NORMAL));
	if (y + 1 < top + height)
		ui_text(y + 1, left, width,
			"Press Enter once it is written down.",
			ui_attr(ROLE_ACCENT));
}

static int recovery_key(struct app *a, void *st, int ch, bool code)
{
	(void)st;
	if (code && ch == UI_TICK)
		return 0;
	if ((code && ch == KEY_ENTER) || (!code && (ch == '\r' || ch == '\n')))
		return UI_POP;
	if (!code && (ch == 27 || ch == 'q'))
		ui_message(a, false,
			   "It is shown only this once: press Enter "
			   "when it is written down.");
	return UI_HANDLED;
}

static void recovery_leave(struct app *a, void *st)
{
	struct recovery *r = st;
	(void)a;
	crypt_secret_free(r->key);
	free(r);
}

static const struct ui_screen recovery_screen = {
    .title = "Your recovery key",
    .module = -1,
    .keys = recovery_keys,
    .draw = recovery_draw,
    .key = recovery_key,
    .leave = recovery_leave,
};

/* The journal file was replaced by its encrypted copy: open that one,
 * unlocked with the recovery key just made (no slow derivation twice). */
static enum mend_rc reopen(struct app *a, const char *path, const char *rec,
			   const char *pass, size_t len, struct mend_err *err)
{
	struct journal *nj = NULL;
	enum mend_rc rc = journal_open(&nj, path, err);

	if (rc != MEND_OK)
		return rc;
	journal_close(a->j);
	a->j = nj;
	ui_busy_install(a);
	if (store_unlock_recovery(a->j->st, rec, NULL) != MEND_OK)
		rc = store_unlock_passphrase(a->j->st, pass, len, err);
	if (rc == MEND_OK)
		rc = journal_refresh(a->j, err);
	if (rc == MEND_OK) {
		session_lock_keep_key(a->j, NULL);
		a->lock_after = session_lock_idle_seconds(a->j);
	}
	return rc;
}

static int encrypt_with(struct app *a, void *ctx, const char *pass,
			size_t len)
{
	struct mend_err err = {""};
	char *path = strdup(store_path(a->j->st));
	char *rec = (char *)crypt_secret_new(CRYPT_RECOVERY_LEN);
	struct recovery *r = calloc(1, sizeof *r);
	int flags = UI_POP;
	enum mend_rc rc;

	(void)ctx;
	if (!path || !rec || !r) {
		ui_message(a, true,
			   "There was not enough memory to encrypt "
			   "the journal; it is as it was.");
		goto out;
	}
	rc = journal_encrypt(path, pass, len, rec, &err);
	if (rc != MEND_OK) {
		ui_error(a, &err);
		goto out;
	}
	rc = reopen(a, path, rec, pass, len, &err);
	if (rc != MEND_OK && a->j && store_encrypted(a->j->st)) {
		ui_error(a, &err);
		goto out;
	}
	if (rc != MEND_OK) {
		/* the old file is gone: nothing safe to go on with */
		flags = UI_QUIT;
		goto out;
	}
	r->key = rec;
	rec = NULL;
	ui_push(a, &recovery_screen, r);
	r = NULL;
	flags = UI_HANDLED;
out:
	free(path);
	crypt_secret_free(rec);
	free(r);
	return flags;
}

void ui_open_encrypt(struct app *a)
{
	static const struct ui_new_pass np = {
	    .title = "A passphrase for your journal",
	    .intro = "Choose a passphrase: a few words only you would put "
		     "together. It opens the journal each time mend starts or "
		     "was locked.",
	    .working = "Encrypting your journal",
	    .chosen = encrypt_with,
	};
	ui_open_new_passphrase(a, &np);
}
