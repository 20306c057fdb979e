/* SPDX-License-Identifier: MIT */
/* Small dialogs as screens: a yes/no question, a one-line text field and
 * a list to pick from. Each closes by leaving its answer with the loop,
 * which hands it to the screen below. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "textbuf.h"
#include "mend/utf8.h"

/* --- yes / no --- */

struct ask {
	char question[400];
	ui_done_fn done;
	void *ctx;
};

static const struct ui_key ask_keys[] = {
	{"y", "yes", "answer yes"},
	{"n", "no", "answer no"},
	{"Esc", "back", "go back, as no does"},
	{NULL, NULL, NULL},
};

static void ask_draw(struct app *a, void *st)
{
	struct ask *q = st;
	int top, left, width, height;
	ui_frame(a, "", ask_keys);
	ui_area(&top, &left, &width, &height);
	ui_wrap(top + 2, left, width, height - 2, 0, q->question,
		ui_attr(ROLE_ACCENT));
}

static int ask_key(struct app *a, void *st, int ch, bool code)
{
	struct ask *q = st;
	if (code)
		return ch == UI_TICK ? 0 : UI_HANDLED;
	if (ch == 'y' || ch == 'Y') {
		ui_set_pending(a, q->done, q->ctx, 1, NULL);
		return UI_POP;
	}
	if (ch == 'n' || ch == 'N' || ch == 27 || ch == 'q') {
		ui_set_pending(a, q->done, q->ctx, 0, NULL);
		return UI_POP;
	}
	return UI_HANDLED;
}

static void free_state(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static const struct ui_screen ask_screen = {
	.title = "",
	.module = -1,
	.keys = ask_keys,
	.draw = ask_draw,
	.key = ask_key,
	.leave = free_state,
};

void ui_ask(struct app *a, const char *question, ui_done_fn done, void *ctx)
{
	struct ask *q = calloc(1, sizeof *q);
	if (!q)
		return;
	snprintf(q->question, sizeof q->question, "%s  [y/n]", question);
	q->done = done;
	q->ctx = ctx;
	ui_push(a, &ask_screen, q);
}

/* --- a question with named answers --- */

struct choose {
	char title[80];
	char question[600];
	char labels[UI_CHOICES_MAX][80];
	char keys[UI_CHOICES_MAX];
	bool destructive[UI_CHOICES_MAX];
	int n, sel;
	/* A destructive answer was chosen: "No, go back" (0) or the answer
	 * itself (1) is highlighted, and only Enter on it confirms. */
	bool confirming;
	int confirm_sel;
	ui_done_fn done;
	void *ctx;
};

static const struct ui_key choose_keys[] = {
	{"↑↓", "move", "move between the answers (also Tab, j and k)"},
	{"Enter", "choose", "choose the highlighted answer"},
	{"Esc", "back", "go back without choosing"},
	{NULL, NULL, NULL},
};

static void choose_row(int y, int x, int width, bool on, char key,
		       const char *label)
{
	char line[120];
	int attr = ui_attr(on ? ROLE_SELECTED : ROLE_NORMAL);
	if (key)
		snprintf(line, sizeof line, " %c  %s ", key, label);
	else
		snprintf(line, sizeof line, "    %s ", label);
	int w = ui_width(line, strlen(line));
	if (w > width)
		w = width;
	if (on)
		ui_fill(y, x, w, attr);
	ui_text(y, x, width, line, attr);
}

static void choose_draw(struct app *a, void *st)
{
	struct choose *c = st;
	int top, left, width, height;
	char line[200];

	ui_frame(a, c->title, choose_keys);
	ui_area(&top, &left, &width, &height);
	int rows = c->confirming ? 2 : c->n;
	int room = height - rows - 2;
	const char *q = c->question;
	if (c->confirming) {
		snprintf(line, sizeof line,
			 "Are you sure? Choose \"%s\" once more to go ahead.",
			 c->labels[c->sel]);
		q = line;
	}
	int lines = ui_wrap(top + 1, left, width, room, 0, q,
			    ui_attr(c->confirming ? ROLE_WARNING : ROLE_ACCENT));
	int y = top + 2 + (lines < room ? lines : room);
	if (c->confirming) {
		choose_row(y, left, width, c->confirm_sel == 0, 0, "No, go back");
		choose_row(y + 1, left, width, c->confirm_sel == 1, 0,
			   c->labels[c->sel]);
		return;
	}
	for (int i = 0; i < c->n; i++)
		choose_row(y + i, left, width, i == c->sel, c->keys[i],
			   c->labels[i]);
}

static int choose_pick(struct app *a, struct choose *c, int i)
{
	if (c->destructive[i] && !c->confirming) {
		c->sel = i;
		c->confirming = true;
		c->confirm_sel = 0;
		return UI_HANDLED;
	}
	ui_set_pending(a, c->done, c->ctx, i, NULL);
	return UI_POP;
}

static int choose_key(struct app *a, void *st, int ch, bool code)
{
	struct choose *c = st;
	int *sel = c->confirming ? &c->confirm_sel : &c->sel;
	int n = c->confirming ? 2 : c->n;

	if (code && ch == UI_TICK)
		return 0;
	/* a letter picks its answer, never a destructive one; letters come
	 * before j and k, so an answer may use them */
	if (!code && !c->confirming && ch > ' ' && ch < 127)
		for (int i = 0; i < c->n; i++)
			if (c->keys[i] && (c->keys[i] == ch ||
					   c->keys[i] == (ch ^ 0x20)))
				return choose_pick(a, c, i);
	if ((code && (ch == KEY_UP || ch == KEY_LEFT || ch == KEY_BTAB)) ||
	    (!code && ch == 'k')) {
		if (*sel > 0)
			(*sel)--;
		return UI_HANDLED;
	}
	if ((code && (ch == KEY_DOWN || ch == KEY_RIGHT)) ||
	    (!code && (ch == 'j' || ch == '\t'))) {
		if (*sel < n - 1)
			(*sel)++;
		return UI_HANDLED;
	}
	if ((code && ch == KEY_ENTER) || (!code && (ch == '\r' || ch == '\n'))) {
		if (c->confirming && c->confirm_sel == 0) {
			c->confirming = false;
			return UI_HANDLED;
		}
		return choose_pick(a, c, c->sel);
	}
	if (!code && ch == 27) {
		if (c->confirming) {
			c->confirming = false;
			return UI_HANDLED;
		}
		ui_set_pending(a, c->done, c->ctx, -1, NULL);
		return UI_POP;
	}
	return UI_HANDLED;
}

static const struct ui_screen choose_screen = {
	.title = "",
	.module = -1,
	.keys = choose_keys,
	.draw = choose_draw,
	.key = choose_key,
	.leave = free_state,
};

void ui_choose(struct app *a, const char *title, const char *question,
	       const struct ui_choice *choices, int n, int sel,
	       ui_done_fn done, void *ctx)
{
	struct choose *c = calloc(1, sizeof *c);
	if (!c)
		return;
	if (n > UI_CHOICES_MAX)
		n = UI_CHOICES_MAX;
	snprintf(c->title, sizeof c->title, "%s", title ? title : "");
	snprintf(c->question, sizeof c->question, "%s", question);
	for (int i = 0; i < n; i++) {
		snprintf(c->labels[i], sizeof c->labels[i], "%s",
			 choices[i].label);
		c->keys[i] = choices[i].destructive ? 0 : choices[i].key;
		c->destructive[i] = choices[i].destructive;
	}
	c->n = n;
	c->sel = sel >= 0 && sel < n && !c->destructive[sel] ? sel : 0;
	c->done = done;
	c->ctx = ctx;
	ui_push(a, &choose_screen, c);
}

/* --- a one-line text field --- */

struct field {
	char title[80];
	char label[400];
	struct textbuf tb;
	ui_done_fn done;
	void *ctx;
};

static const struct ui_key field_keys[] = {
	{"Enter", "done", "accept what is typed"},
	{"Esc", "cancel", "go back without an answer"},
	{"←→", NULL, "move in the text"},
	{"Backspace", NULL, "delete the character before the cursor"},
	{"^U", NULL, "clear the field"},
	{NULL, NULL, NULL},
};

static void field_draw(struct app *a, void *st)
{
	struct field *f = st;
	int top, left, width, height;
	ui_frame(a, f->title, field_keys);
	ui_area(&top, &left, &width, &height);
	int lines = ui_wrap(top + 1, left, width, height - 4, 0, f->label,
			    ui_attr(ROLE_NORMAL));
	int y = top + 2 + (lines < height - 4 ? lines : height - 4);
	/* keep the cursor in view by showing the tail of long text */
	const char *text = textbuf_text(&f->tb);
	int before = textbuf_columns(text, 0, f->tb.cursor);
	size_t from = 0;
	while (before >= width - 4 && from < f->tb.cursor) {
		uint32_t cp;
		size_t d = utf8_decode(text + from, f->tb.len - from, &cp);
		size_t k = d ? d : 1;
		before -= textbuf_columns(text, from, from + k);
		from += k;
	}
	ui_text(y, left, 2, "> ", ui_attr(ROLE_ACCENT));
	ui_textn(y, left + 2, width - 2, text + from, f->tb.len - from,
		 ui_attr(ROLE_NORMAL));
	move(y, left + 2 + before);
	curs_set(1);
}

static int field_key(struct app *a, void *st, int ch, bool code)
{
	struct field *f = st;
	if (code) {
		switch (ch) {
		case KEY_LEFT: textbuf_left(&f->tb); break;
		case KEY_RIGHT: textbuf_right(&f->tb); break;
		case KEY_HOME: f->tb.cursor = 0; break;
		case KEY_END: f->tb.cursor = f->tb.len; break;
		case KEY_BACKSPACE: textbuf_backspace(&f->tb); break;
		case KEY_DC: textbuf_delete(&f->tb); break;
		case KEY_ENTER: goto done;
		case UI_TICK: return 0;
		}
		return UI_HANDLED;
	}
	if (ch == 27) {
		curs_set(0);
		return UI_POP;
	}
	if (ch == '\r' || ch == '\n')
		goto done;
	if (ch == 127 || ch == 8) {
		textbuf_backspace(&f->tb);
		return UI_HANDLED;
	}
	if (ch == 0x15) { /* Ctrl-U: start again */
		textbuf_set(&f->tb, "", 0);
		return UI_HANDLED;
	}
	if (ch >= 0x20) {
		char buf[4];
		size_t n = utf8_encode((uint32_t)ch, buf);
		if (n)
			textbuf_insert(&f->tb, buf, n);
	}
	return UI_HANDLED;
done:
	curs_set(0);
	ui_set_pending(a, f->done, f->ctx, 0, textbuf_text(&f->tb));
	return UI_POP;
}

static void field_leave(struct app *a, void *st)
{
	struct field *f = st;
	(void)a;
	curs_set(0);
	textbuf_done(&f->tb);
	free(f);
}

static const struct ui_screen field_screen = {
	.title = "",
	.module = -1,
	.keys = field_keys,
	.draw = field_draw,
	.key = field_key,
	.leave = field_leave,
	.takes_text = true,
};

void ui_ask_text(struct app *a, const char *title, const char *label,
		 const char *initial, ui_done_fn done, void *ctx)
{
	struct field *f = calloc(1, sizeof *f);
	if (!f)
		return;
	snprintf(f->title, sizeof f->title, "%s", title);
	snprintf(f->label, sizeof f->label, "%s", label);
	textbuf_init(&f->tb);
	textbuf_set(&f->tb, initial ? initial : "", initial ? strlen(initial) : 0);
	f->done = done;
	f->ctx = ctx;
	ui_push(a, &field_screen, f);
}

/* --- pick from a list --- */

struct pick {
	char title[80];
	char **items;
	int n, sel, scroll;
	char digits[4]; /* typed so far: "1" then "10" picks the item 10 */
	ui_done_fn done;
	void *ctx;
};

static const struct ui_key pick_keys[] = {
	{"↑↓", "move", "move (also j and k; a number picks its item)"},
	{"Enter", "choose", "choose this one"},
	{"Esc", "back", "go back without choosing (also q)"},
	{NULL, NULL, NULL},
};

static void pick_draw(struct app *a, void *st)
{
	struct pick *p = st;
	int top, left, width, height;
	ui_frame(a, p->title, pick_keys);
	ui_area(&top, &left, &width, &height);
	if (p->sel < p->scroll)
		p->scroll = p->sel;
	if (p->sel >= p->scroll + height)
		p->scroll = p->sel - height + 1;
	for (int i = 0; i < height && p->scroll + i < p->n; i++) {
		int idx = p->scroll + i;
		int attr = ui_attr(idx == p->sel ? ROLE_SELECTED : ROLE_NORMAL);
		if (idx == p->sel)
			ui_fill(top + i, left, width, attr);
		ui_text(top + i, left + 1, width - 2, p->items[idx], attr);
	}
}

/* The item whose label is the number typed (its digits, then a non-digit
 * or the end), or -1. */
static int pick_number(const struct pick *p, const char *digits)
{
	size_t n = strlen(digits);
	for (int i = 0; i < p->n; i++)
		if (strncmp(p->items[i], digits, n) == 0 &&
		    !(p->items[i][n] >= '0' && p->items[i][n] <= '9'))
			return i;
	return -1;
}

/* A digit moves to the item with that number; a second digit makes a
 * longer number when one exists ("1" then "0" is 10). */
static void pick_digit(struct pick *p, int ch)
{
	size_t n = strlen(p->digits);
	int i = -1;
	if (n + 1 < sizeof p->digits) {
		p->digits[n] = (char)ch;
		p->digits[n + 1] = '\0';
		i = pick_number(p, p->digits);
	}
	if (i < 0) {
		p->digits[0] = (char)ch;
		p->digits[1] = '\0';
		i = pick_number(p, p->digits);
	}
	if (i >= 0)
		p->sel = i;
}

static int pick_key(struct app *a, void *st, int ch, bool code)
{
	struct pick *p = st;
	if (!code && ch >= '0' && ch <= '9') {
		pick_digit(p, ch);
		return UI_HANDLED;
	}
	/* the screen's clock ticks between two digits typed a little
	 * slowly: only a real key ends a number */
	if (code && ch == UI_TICK)
		return 0;
	p->digits[0] = '\0';
	if (code) {
		if (ch == KEY_UP && p->sel > 0)
			p->sel--;
		else if (ch == KEY_DOWN && p->sel < p->n - 1)
			p->sel++;
		else if (ch == KEY_ENTER)
			goto chosen;
		return UI_HANDLED;
	}
	if (ch == 'k' && p->sel > 0)
		p->sel--;
	else if (ch == 'j' && p->sel < p->n - 1)
		p->sel++;
	else if (ch == '\r' || ch == '\n')
		goto chosen;
	else if (ch == 27 || ch == 'q')
		return UI_POP;
	return UI_HANDLED;
chosen:
	ui_set_pending(a, p->done, p->ctx, p->sel, p->items[p->sel]);
	return UI_POP;
}

static void pick_leave(struct app *a, void *st)
{
	struct pick *p = st;
	(void)a;
	for (int i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	free(p);
}

static const struct ui_screen pick_screen = {
	.title = "",
	.module = -1,
	.keys = pick_keys,
	.draw = pick_draw,
	.key = pick_key,
	.leave = pick_leave,
};

void ui_pick(struct app *a, const char *title, const char *const *items,
	     int n, int selected, ui_done_fn done, void *ctx)
{
	struct pick *p = calloc(1, sizeof *p);
	if (!p || n <= 0) {
		free(p);
		return;
	}
	p->items = calloc((size_t)n, sizeof *p->items);
	if (!p->items) {
		free(p);
		return;
	}
	for (int i = 0; i < n; i++)
		p->items[i] = strdup(items[i]);
	snprintf(p->title, sizeof p->title, "%s", title);
	p->n = n;
	p->sel = selected >= 0 && selected < n ? selected : 0;
	p->done = done;
	p->ctx = ctx;
	ui_push(a, &pick_screen, p);
}
