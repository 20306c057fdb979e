/* SPDX-License-Identifier: MIT */
/* The passphrase screen of an encrypted journal: at the start (when the
 * keyring has no key for it), after a lock (the screens below wait,
 * untouched, for the right passphrase), and twice over when a new
 * passphrase is chosen. What is typed is kept in locked memory and shown
 * as one dot per character, never as text. The lock itself is here too:
 * the screen cleared, the open writing saved as a sealed draft, the keys
 * wiped. The sealing is the core's; this file asks and tells. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "busy.h"
#include "mend/crypt.h"
#include "mend/session_lock.h"
#include "mend/store_crypt.h"
#include "mend/unlock_tries.h"
#include "mend/utf8.h"
#include "screens.h"

#define PASS_MAX 1024
#define LOCK_SAVE_WAIT_MS                                                      \
	1500 /* the draft's save before a lock waits no                        \
	      * longer for another mend */

enum unlock_mode { MODE_START, MODE_RELOCK, MODE_NEW };

struct unlock {
	enum unlock_mode mode;
	char *pass; /* locked memory, PASS_MAX + 1 bytes, NUL-terminated */
	size_t len;
	char *first; /* MODE_NEW: the first answer, locked memory */
	size_t first_len;
	bool confirming;      /* MODE_NEW: the second time */
	bool recovery;	      /* the recovery key instead of the passphrase */
	bool finished;	      /* MODE_NEW: done; close when on top again */
	long long wait_until; /* no try before it (ms, monotonic) */
	char note[640];
	bool note_error;
	struct ui_new_pass np; /* MODE_NEW: what the passphrase is for */
};

static const struct ui_key unlock_keys[] = {
    {"Enter", "open", "open the journal with what is typed"},
    {"^R", "recovery key",
     "use the recovery key instead of the "
     "passphrase (^R again goes back)"},
    {"Backspace", NULL, "take back the last character (^U: all of it)"},
    {"F1", "help",
     "help, and from there help now (h) if things are very "
     "hard"},
    {"Esc", "leave",
     "leave mend; the journal stays locked, and unsaved "
     "writing is kept for next time"},
    {NULL, NULL, NULL},
};

/* A journal encrypted without a recovery key: the same, without ^R. */
static const struct ui_key unlock_keys_no_recovery[] = {
    {"Enter", "open", "open the journal with what is typed"},
    {"Backspace", NULL, "take back the last character (^U: all of it)"},
    {"F1", "help",
     "help, and from there help now (h) if things are very "
     "hard"},
    {"Esc", "leave",
     "leave mend; the journal stays locked, and unsaved "
     "writing is kept for next time"},
    {NULL, NULL, NULL},
};

static const struct ui_key new_keys[] = {
    {"Enter", "next", "take the passphrase, then type it once more"},
    {"Backspace", NULL, "take back the last character (^U: all of it)"},
    {"F1", "help", "help, and from there help now (h)"},
    {"Esc", "back", "go back, nothing done"},
    {NULL, NULL, NULL},
};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void wipe(char *p, size_t *len)
{
	if (p)
		memset(p, 0, PASS_MAX + 1);
	*len = 0;
}

static void note(struct unlock *u, bool error, const char *s)
{
	snprintf(u->note, sizeof u->note, "%s", s);
	u->note_error = error;
}

/* Seconds left of the wait after wrong tries, 0 when a try may be made. */
static int seconds_left(const struct unlock *u)
{
	long long left = u->wait_until - now_ms();
	return left > 0 ? (int)((left + 999) / 1000) : 0;
}

static void begin_wait(struct app *a, struct unlock *u)
{
	int s = unlock_tries_wait(store_path(a->j->st));
	u->wait_until = s > 0 ? now_ms() + (long long)s * 1000 : 0;
}

/* Characters typed, as the dots show them. */
static size_t chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

static void draw_dots(int y, int x, int width, const char *label, size_t n)
{
	const char *dot = ui_utf8 ? "•" : "*";
	int lw = ui_width(label, strlen(label));
	ui_text(y, x, width, label, ui_attr(ROLE_ACCENT));
	x += lw + 1;
	width -= lw + 1;
	for (size_t i = 0; i < n && (int)i < width - 1; i++)
		ui_text(y, x + (int)i, 1, dot, ui_attr(ROLE_NORMAL));
	if ((int)n >= width - 1 && width > 0)
		ui_text(y, x + width - 1, 1, ui_utf8 ? "…" : ">",
			ui_attr(ROLE_MUTED));
}

static void unlock_draw(struct app *a, void *st)
{
	struct unlock *u = st;
	int top, left, width, height, y;
	bool new = u->mode == MODE_NEW;
	char line[800];

	bool has_recovery =
	    new || store_check_recovery(a->j->st, NULL) != MEND_ENOTFOUND;

	ui_frame(a, new ? u->np.title : "Locked",
		 new		? new_keys
		 : has_recovery ? unlock_keys
				: unlock_keys_no_recovery);
	ui_area(&top, &left, &width, &height);
	y = top;
	if (new) {
		y += ui_wrap(y, left, width, 4, 0,
			     u->confirming
				 ? "Type the same passphrase once more, to be "
				   "sure it is the one you meant."
				 : u->np.intro,
			     ui_attr(ROLE_NORMAL));
	} else {
		y += ui_wrap(y, left, width, 3, 0,
			     u->recovery
				 ? "Type the recovery key you wrote down (the "
				   "dashes and spaces do not matter)."
				 : "Your journal is encrypted and locked. Type "
				   "your passphrase to open it.",
			     ui_attr(ROLE_TITLE));
	}
	y++;
	draw_dots(y, left, width,
		  u->recovery	  ? "Recovery key:"
		  : u->confirming ? "Once more:"
				  : "Passphrase:",
		  chars(u->pass, u->len));
	if (!new && has_recovery)
		ui_text(y + 1, left, width,
			u->recovery ? "^R goes back to the passphrase."
				    : "Forgotten it? ^R takes the recovery key "
				      "instead.",
			ui_attr(ROLE_MUTED));
	y += new ? 2 : 3;
	int wait = seconds_left(u);
	if (u->note[0])
		y +=
		    ui_wrap(y, left, width, 3, 0, u->note,
			    ui_attr(u->note_error ? ROLE_WARNING : ROLE_MUTED));
	if (wait > 0) {
		y += ui_wrap(y, left, width, 2, 0,
			     "After a few wrong tries, mend waits a little.",
			     ui_attr(ROLE_MUTED));
		snprintf(line, sizeof line, "The next try in %d second%s.",
			 wait, wait == 1 ? "" : "s");
		ui_text(y++, left, width, line, ui_attr(ROLE_ACCENT));
	}
	y++;
	if (y < top + height - 1)
		ui_wrap(y, left, width, top + height - y, 0,
			"Having a very hard time? Press F1, then h, for help "
			"now.",
			ui_attr(ROLE_MUTED));
}

/* The words of the screen, drawn before a slow step (the passphrase's
 * key derivation takes a moment, on purpose). */
static void show_now(struct app *a, struct unlock *u, const char *s)
{
	note(u, false, s);
	unlock_draw(a, u);
	refresh();
}

static void start_screens(struct app *a, void *ctx, int choice,
			  const char *text)
{
	(void)ctx;
	(void)choice;
	(void)text;
	screens_start(a);
}

/* Opened: the key into the keyring, the settings read again, and the
 * screen the lock covered back (or the first screen). */
static int opened(struct app *a, struct unlock *u)
{
	struct mend_err err = {""};

	wipe(u->pass, &u->len);
	session_lock_keep_key(a->j, NULL);
	if (journal_refresh(a->j, &err) != MEND_OK)
		ui_error(a, &err);
	a->lock_after = session_lock_idle_seconds(a->j);
	if (u->mode == MODE_START)
		ui_set_pending(a, start_screens, NULL, 0, NULL);
	return UI_POP;
}

static int try_open(struct app *a, struct unlock *u)
{
	struct mend_err err = {""};
	const char *path = store_path(a->j->st);
	enum mend_rc rc;

	if (u->len == 0) {
		note(u, false,
		     u->recovery ? "Type the recovery key, then press Enter."
				 : "Type your passphrase, then press Enter.");
		return UI_HANDLED;
	}
	if (seconds_left(u) > 0)
		return UI_REDRAW;
	show_now(a, u,
		 ui_utf8 ? "Opening your journal…" : "Opening your journal...");
	rc = u->recovery
		 ? store_unlock_recovery(a->j->st, u->pass, &err)
		 : store_unlock_passphrase(a->j->st, u->pass, u->len, &err);
	if (rc == MEND_OK || rc == MEND_EAUTH)
		unlock_tries_note(path, rc == MEND_OK);
	if (rc == MEND_OK)
		return opened(a, u);
	wipe(u->pass, &u->len);
	if (rc == MEND_EAUTH) {
		note(u, true,
		     u->recovery
			 ? "That recovery key does not open this "
			   "journal. Take your time and try again."
			 : "That passphrase does not open this journal. "
			   "Take your time and try again.");
		begin_wait(a, u);
	} else if (rc == MEND_EINVAL && u->recovery) {
		note(u, true,
		     "That does not read as a recovery key (a letter "
		     "may be off). Take your time and type it again.");
	} else {
		char line[sizeof err.msg + 64];
		ui_error_sentence(err.msg[0] ? err.msg
					     : "Something went wrong.",
				  line, sizeof line);
		note(u, true, line);
	}
	return UI_HANDLED;
}

static int chose_new(struct app *a, struct unlock *u)
{
	if (u->len == 0) {
		note(u, false,
		     "A passphrase needs at least one character; a "
		     "few words are stronger than one.");
		return UI_HANDLED;
	}
	if (!u->confirming) {
		memcpy(u->first, u->pass, u->len + 1);
		u->first_len = u->len;
		wipe(u->pass, &u->len);
		u->confirming = true;
		note(u, false, "");
		return UI_HANDLED;
	}
	if (u->len != u->first_len || memcmp(u->pass, u->first, u->len) != 0) {
		wipe(u->pass, &u->len);
		wipe(u->first, &u->first_len);
		u->confirming = false;
		note(u, true,
		     "The two were not the same, which happens. Type "
		     "the passphrase again, then once more.");
		return UI_HANDLED;
	}
	char working[200];
	snprintf(working, sizeof working, "%s%s", u->np.working,
		 ui_utf8 ? "…" : "...");
	show_now(a, u, working);
	int flags = u->np.chosen(a, u->np.ctx, u->pass, u->len);
	wipe(u->pass, &u->len);
	wipe(u->first, &u->first_len);
	u->confirming = false;
	note(u, false, "");
	if (flags & UI_HANDLED)
		u->finished = true; /* closes once its screen is closed */
	return flags | UI_HANDLED;
}

static void type_char(struct unlock *u, int ch)
{
	char buf[4];
	size_t n = utf8_encode((uint32_t)ch, buf);
	if (n == 0 || u->len + n > PASS_MAX)
		return;
	memcpy(u->pass + u->len, buf, n);
	u->len += n;
	u->pass[u->len] = '\0';
}

/* Back one character: the continuation bytes, then the one they go on. */
static void backspace(struct unlock *u)
{
	while (u->len > 0 &&
	       ((unsigned char)u->pass[u->len - 1] & 0xc0) == 0x80)
		u->pass[--u->len] = '\0';
	if (u->len > 0)
		u->pass[--u->len] = '\0';
}

static int unlock_key(struct app *a, void *st, int ch, bool code)
{
	struct unlock *u = st;
	bool new = u->mode == MODE_NEW;

	if (code) {
		if (ch == UI_TICK) {
			if (u->wait_until && seconds_left(u) == 0) {
				u->wait_until = 0;
				return UI_REDRAW;
			}
			return u->wait_until ? UI_REDRAW : 0;
		}
		if (ch == KEY_BACKSPACE)
			backspace(u);
		else if (ch == KEY_ENTER)
			return new ? chose_new(a, u) : try_open(a, u);
		return UI_HANDLED;
	}
	if (ch == 27) {
		wipe(u->pass, &u->len);
		return new ? UI_POP : UI_QUIT;
	}
	if (ch == '\r' || ch == '\n')
		return new ? chose_new(a, u) : try_open(a, u);
	if (ch == 127 || ch == 8) {
		backspace(u);
	} else if (ch == 0x15) { /* Ctrl-U: start again */
		wipe(u->pass, &u->len);
	} else if (ch == 0x12 && !new) { /* Ctrl-R */
		wipe(u->pass, &u->len);
		if (!u->recovery &&
		    store_check_recovery(a->j->st, NULL) == MEND_ENOTFOUND) {
			/* encrypted without one: say so now, not after it is
			 * typed */
			note(u, true,
			     "This journal has no recovery key: it was "
			     "encrypted without one, so only its passphrase "
			     "opens it.");
			return UI_HANDLED;
		}
		u->recovery = !u->recovery;
		note(u, false, "");
	} else if (ch >= 0x20 && ch != 0x7f) {
		type_char(u, ch);
		if (!u->note_error)
			u->note[0] = '\0';
	}
	return UI_HANDLED;
}

static void unlock_resume(struct app *a, void *st)
{
	struct unlock *u = st;
	if (u->finished)
		ui_close(a);
}

static void unlock_leave(struct app *a, void *st)
{
	struct unlock *u = st;
	(void)a;
	crypt_secret_free(u->pass);
	crypt_secret_free(u->first);
	free(u);
}

static const struct ui_screen unlock_screen = {
    .title = "Locked",
    .module = -1,
    .keys = unlock_keys,
    .draw = unlock_draw,
    .key = unlock_key,
    .leave = unlock_leave,
    .resume = unlock_resume,
    .takes_text = true,
};

static const struct ui_screen new_pass_screen = {
    .title = "A new passphrase",
    .module = -1,
    .keys = new_keys,
    .draw = unlock_draw,
    .key = unlock_key,
    .leave = unlock_leave,
    .resume = unlock_resume,
    .takes_text = true,
};

static struct unlock *unlock_new(enum unlock_mode mode)
{
	struct unlock *u = calloc(1, sizeof *u);
	if (!u)
		return NULL;
	u->mode = mode;
	u->pass = (char *)crypt_secret_new(PASS_MAX + 1);
	u->first = (char *)crypt_secret_new(PASS_MAX + 1);
	if (!u->pass || !u->first) {
		unlock_leave(NULL, u);
		return NULL;
	}
	wipe(u->pass, &u->len);
	wipe(u->first, &u->first_len);
	return u;
}

/* The passphrase screen; why (may be NULL) is said on it first. */
static bool push_unlock(struct app *a, enum unlock_mode mode, const char *why)
{
	struct unlock *u = unlock_new(mode);
	if (!u)
		return false;
	begin_wait(a, u);
	if (why && *why)
		note(u, true, why);
	ui_push(a, &unlock_screen, u);
	return true;
}

void ui_start_unlocked(struct app *a)
{
	if (store_unlocked(a->j->st) || session_lock_from_keyring(a->j)) {
		a->lock_after = session_lock_idle_seconds(a->j);
		screens_start(a);
		return;
	}
	if (!push_unlock(a, MODE_START, NULL))
		return; /* out of memory: the loop has nothing to run, and ends
			 */
}

void ui_open_new_passphrase(struct app *a, const struct ui_new_pass *np)
{
	struct unlock *u = unlock_new(MODE_NEW);
	if (!u)
		return;
	u->np = *np;
	ui_push(a, &new_pass_screen, u);
}

/* The draft's save before a lock gives up soon when another mend holds
 * the journal: the writing is still in memory, and the lock must come. */
static int give_up_soon(void *ctx, int attempt, long waited_ms)
{
	(void)ctx;
	(void)attempt;
	return waited_ms < LOCK_SAVE_WAIT_MS;
}

bool ui_lock(struct app *a)
{
	if (!a->j || !a->j->st || !store_encrypted(a->j->st) ||
	    !store_unlocked(a->j->st) || a->depth >= UI_STACK_MAX)
		return false;
	/* the words leave the screen first */
	erase();
	refresh();
	journal_set_busy_hook(a->j, give_up_soon, NULL);
	ui_editor_save_draft(a);
	ui_busy_install(a);
	struct mend_err err = {""};
	char why[MEND_ERR_MAX + 64] = "";
	/* locked here either way; a copy the desktop still holds is said */
	if (session_lock_now(a->j, NULL, &err) != MEND_OK)
		snprintf(why, sizeof why, "Locked here, but %s", err.msg);
	a->status[0] = '\0';
	if (!push_unlock(a, MODE_RELOCK, why))
		return false;
	clearok(curscr, TRUE);
	return true;
}
