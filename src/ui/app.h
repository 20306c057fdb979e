/* SPDX-License-Identifier: MIT */
/* The full-screen front end's shared shape: the app (journal, screen
 * stack, pending signals), a screen as four callbacks, key tables from
 * which the help screen and the bottom key line are generated, colour
 * roles, and the drawing helpers that measure text in columns. Screens
 * call the core for everything; nothing here knows SQL. */
#ifndef MEND_UI_APP_H
#define MEND_UI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "mend/journal.h"

#define UI_MIN_COLS 60
#define UI_MIN_LINES 18
#define UI_STACK_MAX 16
#define UI_MAX_TEXT_COLS 100 /* the content area's widest */

/* Colour roles; screens never use raw colour numbers. */
enum ui_role {
	ROLE_NORMAL,
	ROLE_TITLE,
	ROLE_ACCENT,
	ROLE_MUTED,
	ROLE_WARNING,
	ROLE_GOOD,
	ROLE_SELECTED,
	ROLE_MARK, /* search matches */
	ROLE_COUNT
};

/* Passed to a screen's key handler (as a key code) when no key came for
 * a moment: a chance to autosave. */
#define UI_TICK 0x7fff0001

/* Key codes of our own, beside ncurses' (all above KEY_MAX), passed with
 * is_key_code set: an escape sequence nobody knows (ignore it; it is
 * never Esc), and Alt (or Esc typed quickly) with a key. */
#define UI_KEY_UNKNOWN 0x7fff0100
#define UI_KEY_HIDE 0x10 /* Ctrl-P hides everything, on every screen, or
			  * locks an encrypted journal */
#define UI_KEY_PAUSE 0x14 /* Ctrl-T opens the pause, on every screen */
#define UI_META(c) (0x7fff1000 + (c))

/* What a key handler asks of the loop. */
enum {
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,
	UI_POP = 1 << 2,
	UI_QUIT = 1 << 3,
};

/* One key of a screen: shown in its help and (when short is set) in the
 * bottom line. key is for documentation only; handlers decide. */
struct ui_key {
	const char *keys;  /* as shown: "Enter", "↑↓", "d" */
	const char *label; /* short, for the bottom line; NULL: help only */
	const char *help;  /* one line for the help screen */
};

struct app;

struct ui_screen {
	const char *title;
	enum module module;      /* whose purpose the help shows, or -1 */
	const struct ui_key *keys; /* ends with keys == NULL */
	void (*enter)(struct app *a, void *state);
	void (*draw)(struct app *a, void *state);
	int (*key)(struct app *a, void *state, int ch, bool is_key_code);
	void (*leave)(struct app *a, void *state); /* frees state */
	/* Called when the screen is on top again after the one above it
	 * closed (may be NULL). */
	void (*resume)(struct app *a, void *state);
	/* This screen takes typed text: '?' and 'q' are text, not keys. */
	bool takes_text;
};

/* What a dialog hands back: choice is 1 for yes and 0 for no, the index
 * picked, or 0 for a text field; text is the field's text (borrowed for
 * the call). Cancelled fields and lists hand back nothing. */
typedef void (*ui_done_fn)(struct app *a, void *ctx, int choice,
			   const char *text);

struct app {
	struct journal *j;
	struct {
		ui_done_fn fn;
		void *ctx;
		int choice;
		char *text;
	} pending; /* run by the loop once a dialog has closed */
	struct {
		const struct ui_screen *screen;
		void *state;
	} stack[UI_STACK_MAX];
	int depth;
	bool colors;
	bool hidden;       /* the neutral screen is up */
	bool too_small;
	char status[256];  /* one-line message under the title */
	bool status_error;
	bool close_top; /* a dialog's answer asked to close the top screen */
	int lock_after; /* seconds without a key before the lock hook; 0:
			 * never (plain journals, lock-minutes 0) */
};

/* --- the loop (app.c) --- */

/* What the loop is handed: it knows no screen by name. */
struct app_hooks {
	void (*start)(struct app *a);      /* push the first screen(s) */
	void (*save_draft)(struct app *a); /* at SIGINT/SIGTERM/SIGHUP */
	/* help for the screen on top (? and F1) */
	void (*help)(struct app *a, const struct ui_screen *about);
	/* the pause before reaching out (^T), over whatever is open */
	void (*pause)(struct app *a);
	/* lock an encrypted journal (^P, and after lock_after idle seconds);
	 * false when there is nothing to lock, and ^P hides instead */
	bool (*lock)(struct app *a);
};

/* Run the full-screen journal on the journal at db_path; with draw_once,
 * draw the first screen and leave. Returns the process exit code. */
int app_run(const char *db_path, int draw_once, const struct app_hooks *h);

/* Push a screen with its state (owned by the screen from now on; its
 * leave frees it). */
void ui_push(struct app *a, const struct ui_screen *s, void *state);

/* Replace the top screen. */
void ui_replace(struct app *a, const struct ui_screen *s, void *state);

/* Close the top screen once the current key or answer is handled. */
void ui_close(struct app *a);

/* Show a one-line message under the title until the next key. */
void ui_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Show an error from the core, as a sentence (ui_error_sentence). */
void ui_error(struct app *a, const struct mend_err *err);

/* Write into out (max bytes) a sentence for a core error message msg:
 * a leading field name ("goal: 0 is not in 1..3650") becomes words a
 * person reads ("A goal is a number of days, from 1 to 3650."). A
 * message without a field name is copied as it is (say.c). */
void ui_error_sentence(const char *msg, char *out, size_t max);

/* Dialogs. Each is a small screen pushed on the stack; when it closes
 * with an answer, the loop calls done(a, ctx, choice, text) with the
 * screen below on top again. ctx is usually that screen's state. */
void ui_ask(struct app *a, const char *question, ui_done_fn done, void *ctx);
void ui_ask_text(struct app *a, const char *title, const char *label,
		 const char *initial, ui_done_fn done, void *ctx);
void ui_pick(struct app *a, const char *title, const char *const *items,
	     int n, int selected, ui_done_fn done, void *ctx);

/* A question with named answers, shown as a list with one highlighted
 * (sel). A letter key picks a safe answer at once; a destructive one
 * (discard, delete) has no letter: it is picked only with Enter on it,
 * and then asked again ("No, go back" highlighted), so no key typed as
 * part of text can ever choose it. done gets the index, or -1 when the
 * user left with Esc. */
#define UI_CHOICES_MAX 6
struct ui_choice {
	const char *label; /* "Restore", "Later", "Discard" */
	char key;          /* a letter that picks it, or 0 */
	bool destructive;
};
void ui_choose(struct app *a, const char *title, const char *question,
	       const struct ui_choice *choices, int n, int sel,
	       ui_done_fn done, void *ctx);

/* Set by a dialog as it closes (dialogs.c uses it). */
void ui_set_pending(struct app *a, ui_done_fn fn, void *ctx, int choice,
		    const char *text);

/* The editor. save is called with the text when the user saves; it
 * returns true when the text was stored (the editor then closes) and
 * shows its own message otherwise. */
struct ui_edit_spec {
	const char *title;
	const char *prompt;        /* shown above the text, or NULL */
	const char *prompt_id;     /* earlier answers to it: ^R, or NULL */
	const char *initial;       /* text to start from, or NULL */
	const char *draft_context; /* how a restored draft finds its way */
	bool initial_is_draft;     /* the text is unsaved: ask before leaving */
	size_t start_at;           /* the cursor begins at byte start_at - 1
				    * of the text; 0: at its end */
	int timer;                 /* seconds of a countdown shown above the
				    * text, 0 for none */
	bool (*save)(struct app *a, void *ctx, const char *text, size_t len);
	void *ctx;
};
void ui_edit(struct app *a, const struct ui_edit_spec *spec);

/* Save the open editor's text as a draft, if there is one (signals). */
void ui_editor_save_draft(struct app *a);

/* Re-read the clock before an action; false (and a message) on error. */
bool ui_refresh(struct app *a);

/* Leave curses for a moment to run $VISUAL/$EDITOR on text; returns a
 * new string (caller frees) or NULL when nothing changed or it failed. */
char *ui_external_editor(struct app *a, const char *text);

/* --- colours (colors.c) --- */

void ui_colors_init(struct app *a);
int ui_attr(enum ui_role role);

/* --- drawing (draw.c) --- */

/* The locale can show Unicode; when false every character outside ASCII
 * is drawn as an ASCII stand-in ('#' for a block, '?' otherwise). */
extern bool ui_utf8;

/* Columns the UTF-8 text takes (invalid bytes count as one U+FFFD). */
int ui_width(const char *s, size_t len);

/* Draw s at (y, x) clipped to width columns; returns columns used. */
int ui_text(int y, int x, int width, const char *s, int attr);

/* The same for the first len bytes of s. */
int ui_textn(int y, int x, int width, const char *s, size_t len, int attr);

/* Draw s wrapped at word boundaries into the box (y, x, width, height),
 * skipping the first `skip` visual lines; returns the total number of
 * visual lines s needs at this width. */
int ui_wrap(int y, int x, int width, int height, int skip, const char *s,
	    int attr);

/* Draw text with every occurrence (case-insensitive, ASCII) of any of the
 * space-separated words marked. */
int ui_text_marked(int y, int x, int width, const char *s, const char *words,
		   int attr);

/* A horizontal bar of `filled` out of `width` cells. */
void ui_bar(int y, int x, int width, long value, long max, int attr);

/* width cells of blank in attr (a selected row's full width). */
void ui_fill(int y, int x, int width, int attr);

/* A horizontal rule. */
void ui_hline(int y, int x, int width, int attr);

/* The common frame: title line, message line, key line from keys. */
void ui_frame(struct app *a, const char *title,
	      const struct ui_key *keys);

/* The first column and width of the content area, and its lines. */
void ui_area(int *top, int *left, int *width, int *height);

#endif
