/* SPDX-License-Identifier: MIT */
/* The editor: multi-line, UTF-8 throughout, word-wrapped, with word
 * motions, Ctrl-W and Ctrl-U, one step of undo and a word count. It keeps
 * a draft in the journal every few seconds while the text changes and
 * when the program is told to stop (quietly marked "draft saved"), and
 * can hand the text to $VISUAL/$EDITOR and take it back. Leaving with
 * unsaved text asks Keep writing / Save now / Discard; discarded text is
 * kept DRAFT_KEEP_DAYS days and Ctrl-Y brings it back. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "mend/draft.h"
#include "mend/external_edit.h"
#include "mend/utf8.h"
#include "screens.h"
#include "textbuf.h"

#define AUTOSAVE_SECONDS 3
#define PAUSE_MS 1000 /* typing after a pause is a change of its own */
#define KEY_CTRL(c) ((c)&0x1f)
#define CTRL_UNDO 0x1f /* Ctrl-_ (Ctrl-/ on most keyboards) */

struct editor {
	char *title, *prompt, *prompt_id, *context;
	bool (*save)(struct app *a, void *ctx, const char *text, size_t len);
	void *ctx;
	struct textbuf tb;
	size_t scroll;
	time_t last_draft;
	bool draft_pending; /* changed since the last draft save */
	bool draft_saved;   /* the text on screen is the kept draft */
	unsigned long kept_at; /* 1 + tb.changes when a copy went to a kept
				* file because the draft could not be saved;
				* 0 for none */
	char *kept_path;       /* that copy, replaced by the next one */
	long long last_key_ms;
	char owner[DRAFT_OWNER_LEN];
	time_t timer_end;   /* the countdown's end, or 0 */
	char timer_shown[48]; /* what the countdown said when drawn */
	bool history;       /* showing earlier answers */
	char *history_text;
	int history_scroll;
	struct editor *below; /* an editor open under this one (^T, the
			       * pause, can open one over another) */
};

/* The open editor, for saving its draft when a signal arrives. */
static struct editor *active;

static const struct ui_key editor_keys[] = {
	{"^D", "save", "save the entry (also F2)"},
	{"Esc", "leave", "leave; with changes, asks: keep writing, save or "
			 "discard"},
	{"^E", "$EDITOR", "open the text in $VISUAL or $EDITOR"},
	{"^R", "earlier", "your earlier answers to this prompt, by date"},
	{"F1", "help", "this help ('?' is typed as text here)"},
	{"←→↑↓", NULL, "move the cursor"},
	{"M-b/M-f", NULL, "a word back or forward (also Ctrl-←/→)"},
	{"Home/End", NULL, "start or end of the line"},
	{"PgUp/PgDn", NULL, "a page up or down"},
	{"Backspace/Del", NULL, "delete a whole character"},
	{"^W", NULL, "delete the word before the cursor"},
	{"^U", NULL, "delete from the start of the line to the cursor"},
	{"M-u", NULL, "undo the last change, again to redo (also ^_)"},
	{"^Y", NULL, "bring back text discarded here in the last 7 days"},
	{NULL, NULL, NULL},
};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The key code ncurses gives a terminfo capability (Ctrl-Left is kLFT5),
 * or -1 when this terminal has none. */
static int key_of(const char *cap)
{
	char *seq = tigetstr(cap);
	if (!seq || seq == (char *)-1)
		return -1;
	int k = key_defined(seq);
	return k > 0 ? k : -1;
}

static void save_draft(struct editor *e, struct app *a)
{
	struct mend_err err = {""};
	if (!e->context)
		return;
	enum mend_rc rc = draft_save(a->j, e->owner, e->context,
				     textbuf_text(&e->tb), e->tb.len, &err);
	char *kept = NULL;
	if (rc == MEND_OK) {
		e->draft_pending = false;
		e->draft_saved = true;
		e->last_draft = time(NULL);
		/* the journal holds it again: the copy is not needed */
		if (e->kept_path)
			unlink(e->kept_path);
		free(e->kept_path);
		e->kept_path = NULL;
	} else if (rc != MEND_ECANCELLED && e->kept_at != e->tb.changes + 1 &&
		   external_edit_keep_in_memory(textbuf_text(&e->tb), e->tb.len,
						&kept, NULL) == MEND_OK) {
		/* the draft is what survives a closed terminal: when the
		 * journal refuses it (a full disk, a journal another mend
		 * encrypted meanwhile), a copy of this version of the text
		 * goes to a kept file in memory instead (the journal may be
		 * encrypted now), replacing the copy of the version before */
		char why[MEND_ERR_MAX];
		ui_error_sentence(err.msg, why, sizeof why);
		e->kept_at = e->tb.changes + 1;
		if (e->kept_path)
			unlink(e->kept_path);
		free(e->kept_path);
		e->kept_path = kept;
		ui_message(a, true,
			   "%s A copy of your writing is kept in %s (in memory, "
			   "until you log out or the computer restarts).",
			   why, kept);
		kept = NULL;
	} else {
		ui_error(a, &err);
	}
	free(kept);
}

void ui_editor_save_draft(struct app *a)
{
	for (struct editor *e = active; e; e = e->below)
		if ((e->draft_pending || e->tb.dirty) && e->tb.len > 0)
			save_draft(e, a);
}

struct hist_ctx {
	char *buf;
	size_t len, cap;
};

static int add_answer(const struct entry *e, void *ctx)
{
	struct hist_ctx *h = ctx;
	char when[32];
	time_t t;
	struct tm tm;
	snprintf(when, sizeof when, "%.10s", e->created_at);
	if (clock_parse_iso(e->created_at, &t) && localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
	size_t need = h->len + strlen(when) + strlen(e->text) + 8;
	if (need > h->cap) {
		size_t cap = need * 2;
		char *g = realloc(h->buf, cap);
		if (!g)
			return 1;
		h->buf = g;
		h->cap = cap;
	}
	h->len += (size_t)sprintf(h->buf + h->len, "%s%s\n%s\n",
				  h->len ? "\n" : "", when, e->text);
	return 0;
}

static void load_history(struct editor *e, struct app *a)
{
	struct hist_ctx h = {NULL, 0, 0};
	struct journal_query q = {.module = -1,
				  .prompt_id = e->prompt_id,
				  .oldest_first = true};
	struct mend_err err = {""};
	free(e->history_text);
	e->history_text = NULL;
	if (journal_list(a->j, &q, add_answer, &h, &err) != MEND_OK) {
		ui_error(a, &err);
		free(h.buf);
		return;
	}
	e->history_text = h.buf ? h.buf
				: strdup("You have not answered this prompt "
					 "before. This will be the first time.");
}

/* The word count and, once the text on screen is kept, a quiet mark,
 * at the right end of the rule above the text. */
/* The countdown, "12:04 left", or "time is up" once it has run out. It
 * reads the wall clock on each tick, so nothing sleeps. */
static void timer_text(const struct editor *e, char *buf, size_t n)
{
	buf[0] = '\0';
	if (!e->timer_end)
		return;
	long left = (long)(e->timer_end - time(NULL));
	if (left <= 0)
		snprintf(buf, n, "time is up · ");
	else
		snprintf(buf, n, "%ld:%02ld left · ", left / 60, left % 60);
}

static void draw_status(struct editor *e, int y, int left, int width)
{
	char line[80];
	size_t words = textbuf_words(&e->tb);
	timer_text(e, e->timer_shown, sizeof e->timer_shown);
	snprintf(line, sizeof line, " %s%s%zu word%s ", e->timer_shown,
		 e->draft_saved && e->context ? "draft saved · " : "", words,
		 words == 1 ? "" : "s");
	int w = ui_width(line, strlen(line));
	if (w < width - 4)
		ui_text(y, left + width - w - 1, w, line, ui_attr(ROLE_MUTED));
}

static void editor_draw(struct app *a, void *st)
{
	struct editor *e = st;
	int top, left, width, height;
	struct tb_line *lines = NULL;

	ui_frame(a, e->title, editor_keys);
	ui_area(&top, &left, &width, &height);
	if (e->history) {
		curs_set(0);
		ui_text(top, left, width, "Your earlier answers (^R to go back)",
			ui_attr(ROLE_ACCENT));
		int total = ui_wrap(top + 2, left, width, height - 2,
				    e->history_scroll, e->history_text,
				    ui_attr(ROLE_NORMAL));
		if (e->history_scroll > total - 1)
			e->history_scroll = total > 0 ? total - 1 : 0;
		return;
	}
	if (e->prompt) {
		int n = ui_wrap(top, left, width, 3, 0, e->prompt,
				ui_attr(ROLE_ACCENT));
		n = n > 3 ? 3 : n;
		top += n + 1;
		height -= n + 1;
	}
	ui_hline(top, left, width, ui_attr(ROLE_MUTED));
	draw_status(e, top, left, width);
	top++;
	height--;
	size_t n = textbuf_layout(&e->tb, width, &lines);
	if (!n) {
		ui_message(a, true, "There was not enough memory for this.");
		return;
	}
	size_t row;
	int col;
	textbuf_cursor_at(&e->tb, lines, n, &row, &col);
	if (row < e->scroll)
		e->scroll = row;
	if (row >= e->scroll + (size_t)height)
		e->scroll = row - (size_t)height + 1;
	for (int i = 0; i < height && e->scroll + (size_t)i < n; i++) {
		const struct tb_line *l = &lines[e->scroll + (size_t)i];
		ui_textn(top + i, left, width, textbuf_text(&e->tb) + l->start,
			 l->len, ui_attr(ROLE_NORMAL));
	}
	if (e->tb.len == 0)
		ui_text(top, left + 1, width - 1,
			"Write here. There is no wrong answer.",
			ui_attr(ROLE_MUTED));
	free(lines);
	move(top + (int)(row - e->scroll), left + col);
	curs_set(1);
}

/* Move up or down by `by` visual lines, keeping the column. */
static void vertical(struct editor *e, int by)
{
	struct tb_line *lines = NULL;
	int top, left, width, height;
	ui_area(&top, &left, &width, &height);
	size_t n = textbuf_layout(&e->tb, width, &lines), row;
	int col;
	if (!n)
		return;
	textbuf_cursor_at(&e->tb, lines, n, &row, &col);
	long target = (long)row + by;
	if (target < 0)
		target = 0;
	textbuf_goto(&e->tb, lines, n, (size_t)target, col);
	free(lines);
}

static void line_edge(struct editor *e, bool end)
{
	struct tb_line *lines = NULL;
	int top, left, width, height;
	ui_area(&top, &left, &width, &height);
	size_t n = textbuf_layout(&e->tb, width, &lines), row;
	int col;
	if (!n)
		return;
	textbuf_cursor_at(&e->tb, lines, n, &row, &col);
	textbuf_goto(&e->tb, lines, n, row, end ? 1 << 20 : 0);
	free(lines);
}

static bool save_text(struct editor *e, struct app *a)
{
	struct mend_err err = {""};
	if (!ui_refresh(a))
		return false;
	if (!e->save(a, e->ctx, textbuf_text(&e->tb), e->tb.len))
		return false;
	if (e->context)
		draft_clear(a->j, e->owner, e->context, &err);
	e->tb.dirty = false;
	curs_set(0);
	return true;
}

static int save(struct editor *e, struct app *a)
{
	return save_text(e, a) ? UI_POP : UI_HANDLED;
}

enum { LEAVE_KEEP, LEAVE_SAVE, LEAVE_DISCARD };

static void leave_answer(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct editor *e = ctx;
	struct mend_err err = {""};
	(void)text;
	if (choice == LEAVE_SAVE) {
		if (save_text(e, a))
			ui_close(a);
	} else if (choice == LEAVE_DISCARD) {
		if (e->context &&
		    draft_discard(a->j, e->owner, e->context,
				  textbuf_text(&e->tb), e->tb.len,
				  &err) != MEND_OK) {
			ui_error(a, &err);
			return;
		}
		if (e->context && e->tb.len > 0)
			ui_message(a, false,
				   "Discarded. It is kept for %d days: open "
				   "this writing again and press ^Y to bring "
				   "it back.",
				   DRAFT_KEEP_DAYS);
		curs_set(0);
		ui_close(a);
	}
	/* Keep writing, or Esc: back to the text as it was */
}

static int ask_leave(struct editor *e, struct app *a)
{
	static const struct ui_choice choices[] = {
		{"Keep writing", 'w', false},
		{"Save now", 's', false},
		{"Discard this text", 0, true},
	};
	curs_set(0);
	ui_choose(a, "Leave the editor?",
		  "This text is not saved yet. What would you like to do?",
		  choices, 3, LEAVE_KEEP, leave_answer, e);
	return UI_HANDLED;
}

/* ^Y: the text discarded last here comes back at the cursor. */
static void bring_back(struct editor *e, struct app *a)
{
	struct draft d;
	struct mend_err err = {""};
	enum mend_rc rc = e->context ? draft_last_discarded(a->j, e->context,
							    &d, &err)
				     : MEND_ENOTFOUND;
	if (rc == MEND_ENOTFOUND) {
		ui_message(a, false, "Nothing was discarded here in the last "
				     "%d days.",
			   DRAFT_KEEP_DAYS);
		return;
	}
	if (rc != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	textbuf_break_change(&e->tb);
	if (textbuf_insert(&e->tb, d.text, strlen(d.text))) {
		draft_forget(a->j, &d, &err);
		e->draft_pending = true;
		e->draft_saved = false;
		ui_message(a, false, "Here is the text you discarded; M-u "
				     "takes it away again.");
	}
	draft_done(&d);
}

static int edit_key(struct editor *e, struct app *a, int ch, bool code);

static int editor_key(struct app *a, void *st, int ch, bool code)
{
	struct editor *e = st;

	if (e->history) {
		if (code && ch == KEY_DOWN)
			e->history_scroll++;
		else if (code && ch == KEY_UP && e->history_scroll > 0)
			e->history_scroll--;
		else if (!code && (ch == KEY_CTRL('r') || ch == 27))
			e->history = false;
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	if (code && ch == UI_TICK) {
		char now[sizeof e->timer_shown];
		timer_text(e, now, sizeof now);
		int redraw = strcmp(now, e->timer_shown) ? UI_REDRAW : 0;
		if (e->draft_pending &&
		    time(NULL) - e->last_draft >= AUTOSAVE_SECONDS) {
			save_draft(e, a);
			/* the quiet mark shows on the next redraw */
			if (e->draft_saved)
				return UI_REDRAW;
		}
		return redraw;
	}
	long long ms = now_ms();
	if (ms - e->last_key_ms >= PAUSE_MS)
		textbuf_break_change(&e->tb);
	e->last_key_ms = ms;
	unsigned long before = e->tb.changes;
	int flags = edit_key(e, a, ch, code);
	if (e->tb.changes != before) {
		e->draft_pending = true;
		e->draft_saved = false;
	}
	return flags;
}

static int edit_key(struct editor *e, struct app *a, int ch, bool code)
{
	static int ctrl_left = -2, ctrl_right = -2;
	if (ctrl_left == -2) {
		ctrl_left = key_of("kLFT5");
		ctrl_right = key_of("kRIT5");
	}
	if (code) {
		if (ch == ctrl_left || ch == UI_META('b'))
			ch = UI_META('b');
		else if (ch == ctrl_right || ch == UI_META('f'))
			ch = UI_META('f');
		switch (ch) {
		case UI_META('b'): textbuf_word_left(&e->tb); break;
		case UI_META('f'): textbuf_word_right(&e->tb); break;
		case UI_META('u'): textbuf_undo(&e->tb); break;
		case KEY_LEFT: textbuf_left(&e->tb); break;
		case KEY_RIGHT: textbuf_right(&e->tb); break;
		case KEY_UP: vertical(e, -1); break;
		case KEY_DOWN: vertical(e, 1); break;
		case KEY_PPAGE: vertical(e, -(LINES - 8)); break;
		case KEY_NPAGE: vertical(e, LINES - 8); break;
		case KEY_HOME: line_edge(e, false); break;
		case KEY_END: line_edge(e, true); break;
		case KEY_BACKSPACE: textbuf_backspace(&e->tb); break;
		case KEY_DC: textbuf_delete(&e->tb); break;
		case KEY_ENTER: textbuf_insert(&e->tb, "\n", 1); break;
		case KEY_F(2): return save(e, a);
		default: return UI_HANDLED;
		}
		return UI_HANDLED;
	}
	switch (ch) {
	case KEY_CTRL('d'):
		return save(e, a);
	case 27:
		if (!e->tb.dirty) {
			struct mend_err err = {""};
			if (e->context)
				draft_clear(a->j, e->owner, e->context, &err);
			curs_set(0);
			return UI_POP;
		}
		return ask_leave(e, a);
	case KEY_CTRL('e'): {
		char *text = ui_external_editor(a, textbuf_text(&e->tb));
		if (text) {
			textbuf_replace(&e->tb, text, strlen(text));
			free(text);
		}
		return UI_HANDLED;
	}
	case KEY_CTRL('w'):
		textbuf_delete_word(&e->tb);
		break;
	case KEY_CTRL('u'):
		textbuf_delete_line_start(&e->tb);
		break;
	case CTRL_UNDO:
		textbuf_undo(&e->tb);
		break;
	case KEY_CTRL('y'):
		bring_back(e, a);
		break;
	case KEY_CTRL('r'):
		if (!e->prompt_id) {
			ui_message(a, false, "This is free writing; earlier "
					     "answers go with a prompt.");
			return UI_HANDLED;
		}
		load_history(e, a);
		e->history = e->history_text != NULL;
		e->history_scroll = 0;
		return UI_HANDLED;
	case 127:
	case 8:
		textbuf_backspace(&e->tb);
		break;
	case '\r':
	case '\n':
		textbuf_insert(&e->tb, "\n", 1);
		break;
	case '\t':
		textbuf_insert(&e->tb, "\t", 1);
		break;
	default:
		if (ch >= 0x20) {
			char buf[4];
			size_t n = utf8_encode((uint32_t)ch, buf);
			if (n)
				textbuf_insert(&e->tb, buf, n);
		}
	}
	return UI_HANDLED;
}

static void editor_leave(struct app *a, void *st)
{
	struct editor *e = st;
	(void)a;
	curs_set(0);
	if (active == e)
		active = e->below;
	textbuf_done(&e->tb);
	free(e->title);
	free(e->prompt);
	free(e->prompt_id);
	free(e->context);
	free(e->history_text);
	free(e->kept_path); /* the copy itself stays for the person */
	free(e);
}

static const struct ui_screen editor_screen = {
	.title = "Write",
	.module = -1,
	.keys = editor_keys,
	.draw = editor_draw,
	.key = editor_key,
	.leave = editor_leave,
	.takes_text = true,
};

/* Opening empty writing where text was discarded lately: say that ^Y
 * brings it back. */
static void offer_bring_back(struct editor *e, struct app *a, bool has_text)
{
	struct draft d;
	char when[40] = "";
	time_t t;
	struct tm tm;
	if (has_text || !e->context ||
	    draft_last_discarded(a->j, e->context, &d, NULL) != MEND_OK)
		return;
	if (clock_parse_iso(d.discarded_at, &t) && localtime_r(&t, &tm))
		strftime(when, sizeof when, " on %Y-%m-%d %H:%M", &tm);
	ui_message(a, false, "You discarded writing here%s; ^Y brings it back.",
		   when);
	draft_done(&d);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

void ui_edit(struct app *a, const struct ui_edit_spec *spec)
{
	struct editor *e = calloc(1, sizeof *e);
	if (!e)
		return;
	e->title = dup_or_null(spec->title ? spec->title : "Write");
	e->prompt = dup_or_null(spec->prompt);
	e->prompt_id = dup_or_null(spec->prompt_id);
	e->context = dup_or_null(spec->draft_context);
	e->save = spec->save;
	e->ctx = spec->ctx;
	e->last_draft = time(NULL);
	textbuf_init(&e->tb);
	if (spec->initial)
		textbuf_set(&e->tb, spec->initial, strlen(spec->initial));
	e->tb.dirty = spec->initial_is_draft;
	/* the cursor rests on the end; walk it back to where writing
	 * begins (a template's first blank line) */
	if (spec->start_at && spec->start_at - 1 < e->tb.len)
		while (e->tb.cursor > spec->start_at - 1)
			textbuf_left(&e->tb);
	if (spec->timer > 0)
		e->timer_end = time(NULL) + spec->timer;
	draft_owner_self(e->owner);
	e->below = active;
	active = e;
	ui_push(a, &editor_screen, e);
	offer_bring_back(e, a, spec->initial != NULL);
}
