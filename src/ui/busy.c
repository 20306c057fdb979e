/* SPDX-License-Identifier: MIT */
/* While the journal waits for another mend's lock, the loop is stuck in
 * the core and cannot read keys: the core calls this hook at every short
 * step of the wait, and the hook reads them instead, so that the hide key
 * works at once and Esc stops waiting. It draws only the waiting line and
 * the blank cover, and never calls the journal: it runs inside it. */
#include <curses.h>
#include <string.h>

#include "busy.h"

#define KEY_ESCAPE 27
#define GRACE_MS   300	 /* a wait this short goes unremarked */
#define QUIET_MS   60000 /* with no screen to ask on, wait as the CLI does */
#define KEPT_MAX   100	 /* ncurses takes back a little more than this */

static struct busy {
	struct app *a;
	/* The neutral screen while hidden, and the window keys are read
	 * through: reading through stdscr could repaint it (ncurses
	 * refreshes a changed window before reading), and while hidden the
	 * cover is the one thing that may show. */
	WINDOW *cover;
	int lines, cols; /* the size the cover was made for */
	bool shown;	 /* the waiting line is on the screen */
	bool drawn;	 /* drew something: the loop must redraw after */
} busy;

static bool cover_ready(struct busy *b)
{
	if (b->cover && b->lines == LINES && b->cols == COLS)
		return true;
	if (b->cover)
		delwin(b->cover);
	b->cover = newwin(LINES, COLS, 0, 0);
	if (!b->cover)
		return false;
	b->lines = LINES;
	b->cols = COLS;
	keypad(b->cover, TRUE);
	nodelay(b->cover, TRUE);
	/* not on the screen until the person hides it */
	untouchwin(b->cover);
	return true;
}

static void show_cover(struct busy *b)
{
	curs_set(0);
	if (!cover_ready(b)) {
		erase();
		refresh();
		return;
	}
	werase(b->cover);
	wmove(b->cover, 0, 0);
	touchwin(b->cover);
	wrefresh(b->cover);
}

static void show_line(struct busy *b)
{
	const char *full = ui_utf8
			       ? "Waiting for another mend to finish… (Esc "
				 "to cancel, your text is kept)"
			       : "Waiting for another mend to finish... (Esc "
				 "to cancel, your text is kept)";
	const char *brief = ui_utf8
				? "Waiting for another mend… (Esc to cancel)"
				: "Waiting for another mend... (Esc to "
				  "cancel)";
	int width = COLS - 4;
	const char *msg = ui_width(full, strlen(full)) <= width ? full : brief;

	if (width <= 0)
		return;
	move(1, 0);
	clrtoeol();
	ui_text(1, 2, width, msg, ui_attr(ROLE_ACCENT));
	curs_set(0);
	refresh();
	b->shown = true;
	b->drawn = true;
}

/* Back from hidden, or after a resize: the screen as it was when the
 * wait began (blank if it began hidden), with the waiting line. */
static void show_screen(struct busy *b)
{
	touchwin(stdscr);
	if (b->shown)
		show_line(b);
	else
		refresh();
	b->drawn = true;
}

static int busy_hook(void *ctx, int attempt, long waited_ms)
{
	struct busy *b = ctx;
	struct app *a = b->a;
	int kept[KEPT_MAX], n = 0, ch;
	bool keep_waiting = true;

	if (!stdscr || isendwin() || !cover_ready(b))
		return waited_ms < QUIET_MS;
	if (attempt == 0)
		b->shown = b->drawn = false;
	/* Everything typed so far: what the loop would have read. */
	while ((ch = wgetch(b->cover)) != ERR) {
		if (ch == UI_KEY_HIDE) {
			a->hidden = !a->hidden;
			if (a->hidden)
				show_cover(b);
			else
				show_screen(b);
			b->drawn = true;
		} else if (ch == KEY_ESCAPE) {
			keep_waiting = false;
		} else if (ch == KEY_RESIZE) {
			/* ours from an earlier step or wait (the redraw is
			 * still owed), or a real one */
			b->drawn = true;
			if (b->lines != LINES || b->cols != COLS) {
				cover_ready(b);
				if (a->hidden)
					show_cover(b);
				else
					show_screen(b);
			}
		} else if (n < KEPT_MAX) {
			kept[n++] = ch;
		}
	}
	if (keep_waiting && !a->hidden && !b->shown && waited_ms >= GRACE_MS)
		show_line(b);
	/* Give the keys back in order, for the loop (or the next step) to
	 * read; behind them a resize, so that once the wait is over the loop
	 * lays out and draws the whole screen again. */
	if (b->drawn)
		ungetch(KEY_RESIZE);
	while (n > 0)
		ungetch(kept[--n]);
	return keep_waiting;
}

void ui_busy_install(struct app *a)
{
	busy.a = a;
	journal_set_busy_hook(a->j, busy_hook, &busy);
}
