/* SPDX-License-Identifier: MIT */
/* Drawing text measured in columns, never bytes: each character is
 * decoded from UTF-8, measured with wcwidth and clipped to the budget;
 * bytes that are not UTF-8 show as U+FFFD. */
#include <ctype.h>
#include <curses.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "mend/store_crypt.h"
#include "mend/utf8.h"

bool ui_utf8 = true;

/* Decode the character at s (n bytes left): its length (at least 1) and
 * its code point, U+FFFD for a bad byte, a space for control chars. */
static size_t next_char(const char *s, size_t n, wchar_t *wc, int *w)
{
	uint32_t cp;
	size_t k = utf8_decode(s, n, &cp);
	if (k == 0) {
		k = 1;
		cp = 0xFFFD;
	}
	if (cp < 0x20 || cp == 0x7f)
		cp = ' ';
	*wc = (wchar_t)cp;
	if (!ui_utf8 && cp >= 0x80) {
		*w = 1; /* drawn as one ASCII stand-in */
		return k;
	}
	*w = wcwidth(*wc);
	if (*w < 0)
		*w = 1, *wc = 0xFFFD;
	return k;
}

int ui_width(const char *s, size_t len)
{
	int cols = 0, w;
	wchar_t wc;
	for (size_t i = 0; i < len;) {
		i += next_char(s + i, len - i, &wc, &w);
		cols += w;
	}
	return cols;
}

/* What to draw for a character the locale cannot show: the blocks and
 * rules mend draws have ASCII stand-ins, anything else is a '?', never a
 * blank. */
static wchar_t ascii_fallback(wchar_t wc)
{
	if (wc < 0x80)
		return wc;
	if (wc >= 0x2581 && wc <= 0x2588) /* the eight block heights */
		return L"_.-=+*%#"[wc - 0x2581];
	switch (wc) {
	case 0x00B7: return '.'; /* middle dot */
	case 0x2500: return '-'; /* light horizontal */
	case 0x2022: return '*'; /* bullet */
	case 0x2026: return '~'; /* ellipsis */
	case 0x2191: return '^'; /* up arrow */
	case 0x2193: return 'v'; /* down arrow */
	case 0x2190: return '<';
	case 0x2192: return '>';
	case 0x2014:
	case 0x2013: return '-';
	case 0x2018:
	case 0x2019: return '\'';
	case 0x201C:
	case 0x201D: return '"';
	default: return '?';
	}
}

static void put_wc(wchar_t wc, int attr)
{
	cchar_t cc;
	wchar_t str[2] = {ui_utf8 ? wc : ascii_fallback(wc), 0};
	/* the colour pair travels separately: setcchar drops one held in
	 * the attributes, which made every coloured role invisible */
	setcchar(&cc, str, (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER(attr),
		 NULL);
	add_wch(&cc);
}

int ui_textn(int y, int x, int width, const char *s, size_t len, int attr)
{
	int used = 0, w;
	wchar_t wc;

	if (width <= 0)
		return 0;
	/* Text that does not fit ends in an ellipsis, so nothing is ever
	 * cut without a sign that it goes on. */
	size_t line = 0;
	while (line < len && s[line] != '\n')
		line++;
	bool cut = line < len || ui_width(s, line) > width;
	int budget = cut ? width - 1 : width;
	move(y, x);
	for (size_t i = 0; i < line;) {
		size_t k = next_char(s + i, line - i, &wc, &w);
		if (used + w > budget)
			break;
		if (w > 0)
			put_wc(wc, attr);
		used += w;
		i += k;
	}
	if (cut) {
		put_wc(0x2026, attr);
		used++;
	}
	return used;
}

int ui_text(int y, int x, int width, const char *s, int attr)
{
	return ui_textn(y, x, width, s, strlen(s), attr);
}

/* Length in bytes of the next visual line of s that fits width columns,
 * breaking after a space where one exists; *skip is the bytes to jump
 * over after it (the newline). */
static size_t line_len(const char *s, size_t n, int width, size_t *skip)
{
	size_t i = 0, last_space = 0;
	int cols = 0, w;
	wchar_t wc;

	*skip = 0;
	while (i < n) {
		if (s[i] == '\n') {
			*skip = 1;
			return i;
		}
		size_t k = next_char(s + i, n - i, &wc, &w);
		if (cols + w > width && i > 0) {
			if (last_space)
				return last_space;
			return i;
		}
		cols += w;
		i += k;
		if (wc == ' ')
			last_space = i;
	}
	return i;
}

int ui_wrap(int y, int x, int width, int height, int skip, const char *s,
	    int attr)
{
	size_t n = strlen(s), pos = 0, jump;
	int line = 0;

	if (width < 1)
		return 0;
	for (;;) {
		size_t len = line_len(s + pos, n - pos, width, &jump);
		int row = line - skip;
		/* the last row there is room for, with more to come, ends
		 * in an ellipsis: a sentence is never cut without a sign */
		if (row >= 0 && row == height - 1 && pos + len + jump < n)
			ui_textn(y + row, x, width, s + pos, n - pos, attr);
		else if (row >= 0 && row < height)
			ui_textn(y + row, x, width, s + pos, len, attr);
		line++;
		pos += len + jump;
		if (pos >= n) {
			if (jump)
				line++; /* a final newline opens an empty line */
			break;
		}
	}
	return line;
}

static bool word_at(const char *s, const char *word, size_t wl)
{
	for (size_t i = 0; i < wl; i++)
		if (tolower((unsigned char)s[i]) != tolower((unsigned char)word[i]))
			return false;
	return true;
}

int ui_text_marked(int y, int x, int width, const char *s, const char *words,
		   int attr)
{
	size_t n = strcspn(s, "\n"), i = 0;
	int used = 0;
	bool cut = s[n] == '\n' || ui_width(s, n) > width;

	if (cut)
		width--; /* room for the ellipsis */

	while (i < n && used < width) {
		size_t match = 0;
		for (const char *w = words; w && *w && !match;) {
			while (*w == ' ' || *w == '"')
				w++;
			size_t wl = strcspn(w, " \"");
			if (wl && i + wl <= n && word_at(s + i, w, wl) &&
			    (i == 0 || !isalnum((unsigned char)s[i - 1])))
				match = wl;
			w += wl;
		}
		size_t run = match;
		if (!run) {
			uint32_t cp;
			run = utf8_decode(s + i, n - i, &cp);
			if (!run)
				run = 1;
		}
		if (ui_width(s + i, run) > width - used)
			break;
		used += ui_textn(y, x + used, width - used, s + i, run,
				 match ? ui_attr(ROLE_MARK) : attr);
		i += run;
	}
	if (cut && width >= 0)
		used += ui_textn(y, x + used, 1, "…", strlen("…"), attr);
	return used;
}

void ui_bar(int y, int x, int width, long value, long max, int attr)
{
	long filled = max > 0 ? value * width / max : 0;
	if (filled > width)
		filled = width;
	move(y, x);
	for (int i = 0; i < width; i++) {
		if (i < filled)
			put_wc(0x2588, attr); /* full block */
		else
			put_wc(0x00B7, ui_attr(ROLE_MUTED)); /* middle dot */
	}
}

void ui_fill(int y, int x, int width, int attr)
{
	move(y, x);
	for (int i = 0; i < width; i++)
		put_wc(' ', attr);
}

void ui_hline(int y, int x, int width, int attr)
{
	move(y, x);
	for (int i = 0; i < width; i++)
		put_wc(0x2500, attr); /* box drawings light horizontal */
}

void ui_area(int *top, int *left, int *width, int *height)
{
	*top = 2;
	*left = 2;
	/* on a wide window text keeps a width one can read */
	*width = COLS - 4 > UI_MAX_TEXT_COLS ? UI_MAX_TEXT_COLS : COLS - 4;
	*height = LINES - 4;
}

static bool key_is_essential(const struct ui_key *k)
{
	return strncmp(k->keys, "Esc", 3) == 0 || strcmp(k->keys, "?") == 0 ||
	       strcmp(k->keys, "F1") == 0 ||
	       strcmp(k->keys, "q") == 0;
}

static int key_width(const struct ui_key *k)
{
	return ui_width(k->keys, strlen(k->keys)) +
	       ui_width(k->label, strlen(k->label)) + 3;
}

void ui_frame(struct app *a, const char *title, const struct ui_key *keys)
{
	int x = 1;

	erase();
	attron(ui_attr(ROLE_TITLE));
	mvhline(0, 0, ' ', COLS);
	ui_text(0, 1, COLS - 2, "mend", ui_attr(ROLE_TITLE));
	attroff(ui_attr(ROLE_TITLE));
	if (title && *title) {
		ui_text(0, 6, 3, " · ", ui_attr(ROLE_MUTED));
		ui_text(0, 9, COLS - 10, title, ui_attr(ROLE_TITLE));
	}
	if (a->status[0])
		ui_text(1, 2, COLS - 4, a->status,
			ui_attr(a->status_error ? ROLE_WARNING : ROLE_GOOD));
	/* The key line, generated from the screen's own table. The way back
	 * (Esc, q) and help (?) always keep their place at the end; other
	 * keys take the room that is left, in the table's order. */
	mvhline(LINES - 1, 0, ' ', COLS);
	int budget = COLS - 12, essential = 0;
	/* '?' (F1 where '?' is typed as text) opens help on every screen;
	 * a table that says nothing of it gets it on its line all the same */
	const struct ui_screen *top =
	    a && a->depth > 0 ? a->stack[a->depth - 1].screen : NULL;
	static const struct ui_key ask_help = {"?", "help", NULL};
	static const struct ui_key f1_help = {"F1", "help", NULL};
	const struct ui_key *help =
	    top && top->takes_text ? &f1_help : &ask_help;
	for (const struct ui_key *k = keys; k && k->keys; k++) {
		if (strcmp(k->keys, "?") == 0 || strcmp(k->keys, "F1") == 0)
			help = NULL;
		if (k->label && key_is_essential(k))
			essential += key_width(k);
	}
	if (help)
		essential += key_width(help);
	for (int pass = 0; pass < 2; pass++) {
		for (const struct ui_key *k = keys; k && k->keys; k++) {
			if (!k->label || key_is_essential(k) != (pass == 1))
				continue;
			int need = key_width(k);
			if (x + need + (pass == 0 ? essential : 0) > budget)
				continue;
			x += ui_text(LINES - 1, x, COLS - x, k->keys,
				     ui_attr(ROLE_ACCENT));
			x += ui_text(LINES - 1, x + 1, COLS - x, k->label,
				     ui_attr(ROLE_NORMAL)) +
			     3;
		}
	}
	if (help) {
		x += ui_text(LINES - 1, x, COLS - x, help->keys,
			     ui_attr(ROLE_ACCENT));
		ui_text(LINES - 1, x + 1, COLS - x, help->label,
			ui_attr(ROLE_NORMAL));
	}
	/* ^P locks an encrypted journal instead of hiding it */
	bool locks = a && a->j && a->j->st && store_encrypted(a->j->st);
	ui_text(LINES - 1, COLS - 10, 10, locks ? "^P lock" : "^P hide",
		ui_attr(ROLE_MUTED));
}
