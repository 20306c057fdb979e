/* SPDX-License-Identifier: MIT */
/* The one loop: it owns input and redraw. It reads a key (with a short
 * timeout, so signals and autosave are noticed), handles what is the same
 * everywhere (resize, the hide key, help, signals), and hands the rest to
 * the screen on top, acting on the flags it returns. Signal handlers only
 * set a flag. */
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <term.h>
#include <unistd.h>

#include "app.h"
#include "busy.h"
#include "input.h"
#include "screens.h"
#include "ui.h"

#define KEY_HIDE 0x10 /* Ctrl-P: the same on every screen */

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
	ui_message(a, true, "%s", err->msg[0] ? err->msg : "something went wrong");
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
		ui_message(a, true, "too many screens open; go back first");
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

char *ui_external_editor(struct app *a, const char *text)
{
	const char *tmpdir = getenv("TMPDIR");
	const char *editor = getenv("VISUAL");
	char path[4096];
	char *out = NULL;
	int fd, status = -1;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	snprintf(path, sizeof path, "%s/mend-XXXXXX.txt",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemps(path, 4);
	if (fd < 0) {
		ui_message(a, true, "cannot make a temporary file: %s",
			   strerror(errno));
		return NULL;
	}
	size_t len = strlen(text);
	if (write(fd, text, len) != (ssize_t)len) {
		close(fd);
		unlink(path);
		ui_message(a, true, "cannot write a temporary file");
		return NULL;
	}
	close(fd);
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		setenv("MEND_EDITOR", editor, 1);
		execl("/bin/sh", "sh", "-c", "exec $MEND_EDITOR \"$1\"", "sh",
		      path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	refresh();
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ui_message(a, true, "the editor (%s) did not finish cleanly; "
				    "your text is unchanged",
			   editor);
	} else {
		FILE *f = fopen(path, "rb");
		if (f) {
			size_t cap = 4096, n = 0;
			out = malloc(cap);
			while (out) {
				n += fread(out + n, 1, cap - n - 1, f);
				if (n < cap - 1)
					break;
				char *g = realloc(out, cap * 2);
				if (!g) {
					free(out);
					out = NULL;
					break;
				}
				out = g;
				cap *= 2;
			}
			if (out) {
				out[n] = '\0';
				/* editors add a final newline */
				while (n && out[n - 1] == '\n')
					out[--n] = '\0';
			}
			fclose(f);
		}
	}
	unlink(path);
	return out;
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

static void loop(struct app *a, bool once)
{
	wint_t ch;
	bool redraw = true;

	while (a->depth > 0) {
		if (got_signal) {
			ui_editor_save_draft(a);
			break;
		}
		if (redraw)
			draw(a);
		redraw = false;
		if (once)
			break;
		int r = ui_get_key(&ch);
		if (r == ERR) {
			/* timeout: let the top screen autosave */
			const struct ui_screen *s = a->stack[a->depth - 1].screen;
			s->key(a, a->stack[a->depth - 1].state, UI_TICK, true);
			continue;
		}
		redraw = true;
		bool code = r == KEY_CODE_YES;
		if (code && ch == KEY_RESIZE) {
			a->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
			continue;
		}
		if (!code && ch == KEY_HIDE) {
			a->hidden = !a->hidden;
			continue;
		}
		if (a->hidden || a->too_small)
			continue;
		const struct ui_screen *s = a->stack[a->depth - 1].screen;
		void *st = a->stack[a->depth - 1].state;
		if ((code && ch == KEY_F(1)) ||
		    (!code && ch == '?' && !s->takes_text)) {
			ui_push(a, &help_screen, help_new(s));
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

int ui_main(const char *db_path, int draw_once)
{
	struct app a;
	struct mend_err err = {""};
	struct sigaction sa;
	SCREEN *scr;

	memset(&a, 0, sizeof a);
	setlocale(LC_ALL, "");
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
	ui_colors_init(&a);
	a.too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;

	screens_start(&a);
	loop(&a, draw_once != 0);

	while (a.depth > 0)
		pop(&a);
	free(a.pending.text);
	endwin();
	delscreen(scr);
	journal_close(a.j);
	if (got_signal == SIGINT)
		return 130;
	if (got_signal)
		return 128 + got_signal;
	return 0;
}
