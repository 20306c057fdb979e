/* SPDX-License-Identifier: MIT */
/* The editor's text buffer. The gap follows the cursor while it edits and
 * moves to the end when the text is read whole (to draw it), so a paste
 * settles in time proportional to its length, and a redraw costs one
 * move of the text after the cursor. */
#include "textbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "mend/utf8.h"

enum { CH_NONE, CH_TYPE, CH_BACK, CH_DEL, CH_OTHER };

void textbuf_init(struct textbuf *tb)
{
	memset(tb, 0, sizeof *tb);
}

void textbuf_done(struct textbuf *tb)
{
	free(tb->data);
	free(tb->undo);
	memset(tb, 0, sizeof *tb);
}

static size_t gap_len(const struct textbuf *tb)
{
	return tb->data ? tb->cap - tb->len - 1 : 0;
}

static void gap_to(struct textbuf *tb, size_t pos)
{
	size_t gl = gap_len(tb);
	if (!tb->data || pos == tb->gap)
		return;
	if (pos < tb->gap)
		memmove(tb->data + pos + gl, tb->data + pos, tb->gap - pos);
	else
		memmove(tb->data + tb->gap, tb->data + tb->gap + gl,
			pos - tb->gap);
	tb->gap = pos;
}

const char *textbuf_text(struct textbuf *tb)
{
	if (!tb->data)
		return "";
	gap_to(tb, tb->len);
	tb->data[tb->len] = '\0';
	return tb->data;
}

/* Room for n more bytes of text. */
static bool reserve(struct textbuf *tb, size_t n)
{
	if (tb->data && tb->len + n + 1 <= tb->cap)
		return true;
	size_t cap = tb->cap ? tb->cap : 256;
	while (cap < tb->len + n + 1)
		cap *= 2;
	gap_to(tb, tb->len); /* nothing after the gap to move */
	char *grown = realloc(tb->data, cap);
	if (!grown)
		return false;
	if (!tb->data)
		grown[0] = '\0';
	tb->data = grown;
	tb->cap = cap;
	return true;
}

/* Remember the text as it is, when the coming edit starts a change. */
static void begin_change(struct textbuf *tb, int kind)
{
	if (kind != CH_OTHER && kind == tb->last_change &&
	    tb->cursor == tb->last_at)
		return;
	const char *s = textbuf_text(tb);
	char *copy = realloc(tb->undo, tb->len + 1);
	if (!copy) {
		tb->has_undo = false;
		return;
	}
	memcpy(copy, s, tb->len + 1);
	tb->undo = copy;
	tb->undo_len = tb->len;
	tb->undo_cursor = tb->cursor;
	tb->has_undo = true;
}

static void end_change(struct textbuf *tb, int kind)
{
	tb->last_change = kind;
	tb->last_at = tb->cursor;
	tb->dirty = true;
	tb->changes++;
}

void textbuf_break_change(struct textbuf *tb)
{
	tb->last_change = CH_NONE;
}

static bool set_text(struct textbuf *tb, const char *s, size_t len)
{
	tb->len = tb->gap = 0;
	if (!reserve(tb, len))
		return false;
	memcpy(tb->data, s, len);
	tb->data[len] = '\0';
	tb->len = tb->gap = tb->cursor = len;
	return true;
}

bool textbuf_set(struct textbuf *tb, const char *s, size_t len)
{
	if (!set_text(tb, s, len))
		return false;
	tb->dirty = false;
	tb->has_undo = false;
	tb->last_change = CH_NONE;
	return true;
}

bool textbuf_replace(struct textbuf *tb, const char *s, size_t len)
{
	begin_change(tb, CH_OTHER);
	if (!set_text(tb, s, len))
		return false;
	end_change(tb, CH_OTHER);
	return true;
}

bool textbuf_undo(struct textbuf *tb)
{
	if (!tb->has_undo)
		return false;
	const char *s = textbuf_text(tb);
	char *now = malloc(tb->len + 1);
	if (!now)
		return false;
	memcpy(now, s, tb->len + 1);
	size_t now_len = tb->len, now_cursor = tb->cursor;
	if (!set_text(tb, tb->undo, tb->undo_len)) {
		free(now);
		return false;
	}
	tb->cursor = tb->undo_cursor;
	free(tb->undo);
	tb->undo = now;
	tb->undo_len = now_len;
	tb->undo_cursor = now_cursor;
	tb->last_change = CH_NONE;
	tb->dirty = true;
	tb->changes++;
	return true;
}

bool textbuf_insert(struct textbuf *tb, const char *s, size_t n)
{
	if (!utf8_valid(s, n, NULL))
		return false;
	begin_change(tb, CH_TYPE);
	if (!reserve(tb, n))
		return false;
	gap_to(tb, tb->cursor);
	memcpy(tb->data + tb->gap, s, n);
	tb->gap += n;
	tb->len += n;
	tb->cursor += n;
	end_change(tb, CH_TYPE);
	return true;
}

/* Remove text [from, to): it joins the gap. */
static void cut(struct textbuf *tb, size_t from, size_t to)
{
	gap_to(tb, to);
	tb->gap = from;
	tb->len -= to - from;
}

/* Length of the character starting at off of the whole text s (1 for a
 * bad byte). */
static size_t char_len(const char *s, size_t len, size_t off)
{
	uint32_t cp;
	size_t k = utf8_decode(s + off, len - off, &cp);
	return k ? k : 1;
}

/* Start of the character that ends at off: back over continuation
 * bytes to a lead byte whose sequence ends exactly at off; a stray byte
 * is a character of its own. */
static size_t prev_start(const char *s, size_t len, size_t off)
{
	size_t at = off - 1, lim = off >= 4 ? off - 4 : 0;
	uint32_t cp;

	while (at > lim && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	if (utf8_decode(s + at, len - at, &cp) == off - at)
		return at;
	return off - 1;
}

void textbuf_backspace(struct textbuf *tb)
{
	if (tb->cursor == 0)
		return;
	const char *s = textbuf_text(tb);
	size_t at = prev_start(s, tb->len, tb->cursor);
	begin_change(tb, CH_BACK);
	cut(tb, at, tb->cursor);
	tb->cursor = at;
	end_change(tb, CH_BACK);
}

void textbuf_delete(struct textbuf *tb)
{
	if (tb->cursor >= tb->len)
		return;
	const char *s = textbuf_text(tb);
	size_t k = char_len(s, tb->len, tb->cursor);
	begin_change(tb, CH_DEL);
	cut(tb, tb->cursor, tb->cursor + k);
	end_change(tb, CH_DEL);
}

void textbuf_left(struct textbuf *tb)
{
	if (tb->cursor > 0)
		tb->cursor = prev_start(textbuf_text(tb), tb->len, tb->cursor);
}

void textbuf_right(struct textbuf *tb)
{
	if (tb->cursor < tb->len)
		tb->cursor += char_len(textbuf_text(tb), tb->len, tb->cursor);
}

/* The character at off (U+FFFD for a bad byte), its length in *k. */
static uint32_t char_at(const char *s, size_t len, size_t off, size_t *k)
{
	uint32_t cp;
	*k = utf8_decode(s + off, len - off, &cp);
	if (*k == 0) {
		*k = 1;
		cp = 0xfffd;
	}
	return cp;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       iswspace((wint_t)cp);
}

/* Part of a word: not white space, not ASCII punctuation. */
static bool is_word(uint32_t cp)
{
	if (is_space(cp))
		return false;
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' &&
						    (cp | 0x20) <= 'z') ||
		       cp == '_';
	return iswpunct((wint_t)cp) == 0;
}

/* Back from off over characters while want(character) holds. */
static size_t back_while(const char *s, size_t len, size_t off,
			 bool (*want)(uint32_t))
{
	size_t k;
	while (off > 0) {
		size_t at = prev_start(s, len, off);
		if (!want(char_at(s, len, at, &k)))
			break;
		off = at;
	}
	return off;
}

static bool not_word(uint32_t cp)
{
	return !is_word(cp);
}

static bool not_space(uint32_t cp)
{
	return !is_space(cp);
}

void textbuf_word_left(struct textbuf *tb)
{
	const char *s = textbuf_text(tb);
	size_t at = back_while(s, tb->len, tb->cursor, not_word);
	tb->cursor = back_while(s, tb->len, at, is_word);
}

void textbuf_word_right(struct textbuf *tb)
{
	const char *s = textbuf_text(tb);
	size_t at = tb->cursor, k;
	while (at < tb->len && !is_word(char_at(s, tb->len, at, &k)))
		at += k;
	while (at < tb->len && is_word(char_at(s, tb->len, at, &k)))
		at += k;
	tb->cursor = at;
}

void textbuf_delete_word(struct textbuf *tb)
{
	const char *s = textbuf_text(tb);
	size_t at = back_while(s, tb->len, tb->cursor, is_space);
	at = back_while(s, tb->len, at, not_space);
	if (at == tb->cursor)
		return;
	begin_change(tb, CH_OTHER);
	cut(tb, at, tb->cursor);
	tb->cursor = at;
	end_change(tb, CH_OTHER);
}

void textbuf_delete_line_start(struct textbuf *tb)
{
	const char *s = textbuf_text(tb);
	size_t at = tb->cursor;
	while (at > 0 && s[at - 1] != '\n')
		at--;
	if (at == tb->cursor)
		return;
	begin_change(tb, CH_OTHER);
	cut(tb, at, tb->cursor);
	tb->cursor = at;
	end_change(tb, CH_OTHER);
}

size_t textbuf_words(struct textbuf *tb)
{
	const char *s = textbuf_text(tb);
	size_t n = 0, k;
	bool in_word = false;
	for (size_t i = 0; i < tb->len; i += k) {
		bool sp = is_space(char_at(s, tb->len, i, &k));
		if (!sp && !in_word)
			n++;
		in_word = !sp;
	}
	return n;
}

static int width_of(const char *s, size_t n, size_t *k)
{
	uint32_t cp;
	*k = utf8_decode(s, n, &cp);
	if (*k == 0) {
		*k = 1;
		return 1; /* shown as U+FFFD */
	}
	if (cp == '\t' || cp < 0x20)
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int textbuf_columns(const char *s, size_t from, size_t to)
{
	int cols = 0;
	size_t k;
	for (size_t i = from; i < to; i += k)
		cols += width_of(s + i, to - i, &k);
	return cols;
}

size_t textbuf_layout(struct textbuf *tb, int width, struct tb_line **out)
{
	size_t cap = 16, n = 0, pos = 0;
	struct tb_line *lines = malloc(cap * sizeof *lines);
	const char *s = textbuf_text(tb);

	if (width < 2)
		width = 2;
	while (lines) {
		size_t i = pos, last_space = 0, k;
		int cols = 0;
		bool newline = false;
		while (i < tb->len) {
			if (s[i] == '\n') {
				newline = true;
				break;
			}
			int w = width_of(s + i, tb->len - i, &k);
			/* keep one column free for the cursor at line end */
			if (cols + w > width - 1 && i > pos) {
				if (last_space > pos)
					i = last_space;
				break;
			}
			cols += w;
			i += k;
			if (s[i - k] == ' ')
				last_space = i;
		}
		if (n == cap) {
			struct tb_line *grown = realloc(lines, cap * 2 * sizeof *lines);
			if (!grown) {
				free(lines);
				lines = NULL;
				break;
			}
			lines = grown;
			cap *= 2;
		}
		lines[n].start = pos;
		lines[n].len = i - pos;
		n++;
		if (newline)
			pos = i + 1;
		else if (i >= tb->len)
			break;
		else
			pos = i;
		if (newline && pos > tb->len)
			break;
	}
	*out = lines;
	return lines ? n : 0;
}

void textbuf_cursor_at(struct textbuf *tb, const struct tb_line *lines,
		       size_t n, size_t *row, int *col)
{
	size_t r = 0;
	/* the last line that starts at or before the cursor */
	for (size_t i = 0; i < n; i++)
		if (lines[i].start <= tb->cursor)
			r = i;
	*row = r;
	size_t end = lines[r].start + lines[r].len;
	*col = textbuf_columns(textbuf_text(tb), lines[r].start,
			       tb->cursor < end ? tb->cursor : end);
}

/* The last character boundary before end, not before start. */
static size_t prev_boundary(struct textbuf *tb, size_t end, size_t start)
{
	size_t at = prev_start(textbuf_text(tb), tb->len, end);
	return at < start ? start : at;
}

void textbuf_goto(struct textbuf *tb, const struct tb_line *lines, size_t n,
		  size_t row, int col)
{
	if (n == 0)
		return;
	textbuf_text(tb);
	if (row >= n)
		row = n - 1;
	size_t i = lines[row].start, end = i + lines[row].len, k;
	int cols = 0;
	/* The end of a line that wraps is where the next one starts: the
	 * cursor would show there, so stop on this line's last character. */
	if (row + 1 < n && lines[row + 1].start == end && end > i)
		end = prev_boundary(tb, end, i);
	while (i < end) {
		int w = width_of(tb->data + i, tb->len - i, &k);
		if (cols + w > col)
			break;
		cols += w;
		i += k;
	}
	tb->cursor = i;
}
