/* SPDX-License-Identifier: MIT */
/* The one loop: it owns input and redraw. It reads a key (with a short
 * timeout, so signals and autosave are noticed), handles what is the same
 * everywhere (resize, the hide key, help, signals), and hands the rest to
 * the screen on top, acting on the flags it returns. Signal handlers only
 * set a flag. It knows no screen by name: the first screen, the help and
 * the signal-time draft save are hooks it is handed. */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "app.h"
#include "busy.h"
#include "input.h"


static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

void ui_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_error = error;
}

void ui_error(struct app *a, const struct mend_err *err)
{
	char line[sizeof err->msg + 64];
	ui_error_sentence(err->msg[0] ? err->msg : "Something went wrong.",
			  line, sizeof line);
	ui_message(a, true, "%s", line);
}

bool ui_refresh(struct app *a)
{
	struct mend_err err = {""};
	if (journal_refresh(a->j, &err) != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	return true;
}

void ui_push(struct app *a, const struct ui_screen *s, void *state)
{
	if (a->depth >= UI_STACK_MAX) {
		if (s->leave)
			s->leave(a, state);
		ui_message(a, true, "Too many screens are open; go back first.");
		return;
	}
	a->stack[a->depth].screen = s;
	a->stack[a->depth].state = state;
	a->depth++;
	if (s->enter)
		s->enter(a, state);
}

static void pop(struct app *a)
{
	if (a->depth == 0)
		return;
	a->depth--;
	if (a->stack[a->depth].screen->leave)
		a->stack[a->depth].screen->leave(a, a->stack[a->depth].state);
	a->stack[a->depth].state = NULL;
}

void ui_close(struct app *a)
{
	a->close_top = true;
}

void ui_replace(struct app *a, const struct ui_screen *s, void *state)
{
	pop(a);
	ui_push(a, s, state);
}

void ui_set_pending(struct app *a, ui_done_fn fn, void *ctx, int choice,
		    const char *text)
{
	free(a->pending.text);
	a->pending.fn = fn;
	a->pending.ctx = ctx;
	a->pending.choice = choice;
	a->pending.text = text ? strdup(text) : NULL;
}

static void draw_too_small(void)
{
	erase();
	const char *msg = "Please make the window larger";
	char need[64];
	snprintf(need, sizeof need, "(at least %dx%d; now %dx%d)", UI_MIN_COLS,
		 UI_MIN_LINES, COLS, LINES);
	int y = LINES / 2 - 1;
	ui_text(y < 0 ? 0 : y, 1, COLS - 2, msg, ui_attr(ROLE_WARNING));
	ui_text(y + 1 < LINES ? y + 1 : 0, 1, COLS - 2, need, ui_attr(ROLE_MUTED));
}

static void draw(struct app *a)
{
	if (a->hidden) {
		erase();
		move(0, 0);
	} else if (a->too_small) {
		draw_too_small();
	} else if (a->depth > 0) {
		a->stack[a->depth - 1].screen->draw(a,
						    a->stack[a->depth - 1].state);
	}
	refresh();
}

/* Run the dialog answer left by a screen that just closed. */
static void run_pending(struct app *a)
{
	if (!a->pending.fn)
		return;
	ui_done_fn fn = a->pending.fn;
	void *ctx = a->pending.ctx;
	int choice = a->pending.choice;
	char *text = a->pending.text;
	a->pending.fn = NULL;
	a->pending.text = NULL;
	fn(a, ctx, choice, text);
	free(text);
}

/* A clock that only goes forward, for the idle lock. */
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void loop(struct app *a, const struct app_hooks *h, bool once)
{
	wint_t ch;
	bool redraw = true;
	long long last_key = now_ms();

	while (a->depth > 0) {
		if (got_signal) {
			if (h->save_draft)
				h->save_draft(a);
			break;
		}
		if (once) {
			draw(a);
			break;
		}
		/* hidden while a save waited (the busy hook cannot lock from
		 * inside the journal): an encrypted journal locks now */
		if (a->hidden && h->lock && h->lock(a)) {
			a->hidden = false;
			redraw = true;
		}
		/* Keys already waiting (a paste) are handled before the next
		 * redraw, so a long paste settles without a redraw per byte. */
		int r = ui_get_key(&ch, redraw ? 0 : 250);
		if (r == ERR && redraw) {
			draw(a);
			redraw = false;
			continue;
		}
		if (r == ERR && h->lock && a->lock_after > 0 &&
		    now_ms() - last_key >= (long long)a->lock_after * 1000) {
			last_key = now_ms();
			if (h->lock(a))
				redraw = true;
			continue;
		}
		if (r == ERR) {
			/* timeout: let the top screen autosave */
			const struct ui_screen *s = a->stack[a->depth - 1].screen;
			if (s->key(a, a->stack[a->depth - 1].state, UI_TICK,
				   true) & UI_REDRAW)
				redraw = true; /* an autosave to show */
			continue;
		}
		redraw = true;
		last_key = now_ms();
		bool code = r == KEY_CODE_YES;
		if (code && ch == KEY_RESIZE) {
			a->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
			continue;
		}
		if (code && ch == (wint_t)UI_KEY_UNKNOWN)
			continue;
		if (!code && ch == UI_KEY_HIDE) {
			if (!a->hidden && h->lock && h->lock(a))
				continue;
			a->hidden = !a->hidden;
			continue;
		}
		/* While hidden, keys are ignored: nothing is typed unseen. A
		 * window too small to draw in still takes what is typed. */
		if (a->hidden)
			continue;
		if (!code && ch == UI_KEY_PAUSE && h->pause) {
			a->status[0] = '\0';
			h->pause(a); /* the screen below keeps its state */
			continue;
		}
		const struct ui_screen *s = a->stack[a->depth - 1].screen;
		void *st = a->stack[a->depth - 1].state;
		if (h->help && ((code && ch == KEY_F(1)) ||
				(!code && ch == '?' && !s->takes_text))) {
			h->help(a, s);
			continue;
		}
		a->status[0] = '\0';
		int flags = s->key(a, st, (int)ch, code);
		if (flags & UI_QUIT)
			break;
		if (flags & UI_POP) {
			pop(a);
			int depth = a->depth;
			void *below = depth ? a->stack[depth - 1].state : NULL;
			run_pending(a);
			/* the screen below is on top again, unless the answer
			 * opened another one */
			if (a->depth > 0 && a->depth == depth &&
			    a->stack[depth - 1].state == below && !a->close_top) {
				const struct ui_screen *t =
					a->stack[a->depth - 1].screen;
				if (t->resume)
					t->resume(a, a->stack[a->depth - 1].state);
			}
		}
		while (a->close_top) {
			a->close_top = false;
			pop(a);
			if (a->depth > 0 && a->stack[a->depth - 1].screen->resume)
				a->stack[a->depth - 1].screen->resume(
					a, a->stack[a->depth - 1].state);
		}
	}
}

/* Turn off XON/XOFF, so Ctrl-S and Ctrl-Q reach the program instead of
 * freezing the terminal. */
static void no_flow_control(void)
{
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

/* Draw Unicode when the locale can: under LANG=C, C.UTF-8 (which Debian
 * always has) is used for characters; without it, ASCII stand-ins. */
static void choose_locale(void)
{
	const char *ascii = getenv("MEND_ASCII");
	setlocale(LC_ALL, "");
	if (ascii && *ascii) {
		ui_utf8 = false; /* asked for: a font without the glyphs */
		return;
	}
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return;
	setlocale(LC_CTYPE, "");
	ui_utf8 = false;
}

static bool terminal_ok(void)
{
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	return ok;
}

int app_run(const char *db_path, int draw_once, const struct app_hooks *h)
{
	struct app a;
	struct mend_err err = {""};
	struct sigaction sa;
	SCREEN *scr;

	memset(&a, 0, sizeof a);
	choose_locale();
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("mend: not a terminal; give a command (see mend --help)\n",
		      stderr);
		return 2;
	}
	if (!terminal_ok()) {
		const char *term = getenv("TERM");
		fprintf(stderr,
			"mend: this terminal (TERM=%s) cannot place the cursor, "
			"which the full-screen journal needs; the commands work "
			"anywhere (see mend --help)\n",
			term && *term ? term : "unset");
		return 2;
	}
	enum mend_rc rc = journal_open(&a.j, db_path, &err);
	if (rc != MEND_OK) {
		fprintf(stderr, "mend: %s\n", err.msg);
		return mend_rc_exit(rc);
	}
	ui_busy_install(&a);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		journal_close(a.j);
		fputs("mend: cannot start the full-screen journal on this "
		      "terminal\n",
		      stderr);
		return 2;
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(250);
	curs_set(0);
	no_flow_control();
	ui_colors_init(&a);
	a.too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;

	h->start(&a);
	loop(&a, h, draw_once != 0);

	while (a.depth > 0)
		pop(&a);
	free(a.pending.text);
	/* Without an alternate screen, what was on screen would stay in the
	 * terminal after we leave: clear it first. */
	const char *smcup = tigetstr("smcup");
	if (!smcup || smcup == (char *)-1) {
		erase();
		refresh();
	}
	endwin();
	delscreen(scr);
	journal_close(a.j);
	if (got_signal == SIGINT)
		return 130;
	if (got_signal)
		return 128 + got_signal;
	return 0;
}
