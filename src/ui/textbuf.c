/* SPDX-License-Identifier: MIT */
/* The editor's text buffer. */
#include "textbuf.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "mend/utf8.h"

void textbuf_init(struct textbuf *tb)
{
	memset(tb, 0, sizeof *tb);
}

void textbuf_done(struct textbuf *tb)
{
	free(tb->data);
	memset(tb, 0, sizeof *tb);
}

static bool reserve(struct textbuf *tb, size_t need)
{
	if (need + 1 <= tb->cap)
		return true;
	size_t cap = tb->cap ? tb->cap : 256;
	while (cap < need + 1)
		cap *= 2;
	char *grown = realloc(tb->data, cap);
	if (!grown)
		return false;
	if (!tb->data)
		grown[0] = '\0'; /* a new buffer holds the empty text */
	tb->data = grown;
	tb->cap = cap;
	return true;
}

bool textbuf_set(struct textbuf *tb, const char *s, size_t len)
{
	if (!reserve(tb, len))
		return false;
	memcpy(tb->data, s, len);
	tb->data[len] = '\0';
	tb->len = tb->cursor = len;
	tb->dirty = false;
	return true;
}

bool textbuf_insert(struct textbuf *tb, const char *s, size_t n)
{
	if (!utf8_valid(s, n, NULL) || !reserve(tb, tb->len + n))
		return false;
	memmove(tb->data + tb->cursor + n, tb->data + tb->cursor,
		tb->len - tb->cursor + 1);
	memcpy(tb->data + tb->cursor, s, n);
	tb->len += n;
	tb->cursor += n;
	tb->dirty = true;
	return true;
}

/* Length of the character starting at off (1 for a bad byte). */
static size_t char_len(const struct textbuf *tb, size_t off)
{
	uint32_t cp;
	size_t k = utf8_decode(tb->data + off, tb->len - off, &cp);
	return k ? k : 1;
}

/* Start of the character that ends at off: back over continuation
 * bytes to a lead byte whose sequence ends exactly at off; a stray byte
 * is a character of its own. */
static size_t prev_start(const struct textbuf *tb, size_t off)
{
	size_t at = off - 1, lim = off >= 4 ? off - 4 : 0;
	uint32_t cp;

	while (at > lim && ((unsigned char)tb->data[at] & 0xC0) == 0x80)
		at--;
	if (utf8_decode(tb->data + at, tb->len - at, &cp) == off - at)
		return at;
	return off - 1;
}

void textbuf_backspace(struct textbuf *tb)
{
	if (tb->cursor == 0)
		return;
	size_t at = prev_start(tb, tb->cursor);
	memmove(tb->data + at, tb->data + tb->cursor, tb->len - tb->cursor + 1);
	tb->len -= tb->cursor - at;
	tb->cursor = at;
	tb->dirty = true;
}

void textbuf_delete(struct textbuf *tb)
{
	if (tb->cursor >= tb->len)
		return;
	size_t k = char_len(tb, tb->cursor);
	memmove(tb->data + tb->cursor, tb->data + tb->cursor + k,
		tb->len - tb->cursor - k + 1);
	tb->len -= k;
	tb->dirty = true;
}

void textbuf_left(struct textbuf *tb)
{
	if (tb->cursor > 0)
		tb->cursor = prev_start(tb, tb->cursor);
}

void textbuf_right(struct textbuf *tb)
{
	if (tb->cursor < tb->len)
		tb->cursor += char_len(tb, tb->cursor);
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

size_t textbuf_layout(const struct textbuf *tb, int width,
		      struct tb_line **out)
{
	size_t cap = 16, n = 0, pos = 0;
	struct tb_line *lines = malloc(cap * sizeof *lines);
	const char *s = tb->data ? tb->data : "";

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

void textbuf_cursor_at(const struct textbuf *tb, const struct tb_line *lines,
		       size_t n, size_t *row, int *col)
{
	size_t r = 0;
	/* the last line that starts at or before the cursor */
	for (size_t i = 0; i < n; i++)
		if (lines[i].start <= tb->cursor)
			r = i;
	*row = r;
	size_t end = lines[r].start + lines[r].len;
	*col = textbuf_columns(tb->data ? tb->data : "", lines[r].start,
			       tb->cursor < end ? tb->cursor : end);
}

/* The last character boundary before end, not before start. */
static size_t prev_boundary(const struct textbuf *tb, size_t end,
			    size_t start)
{
	size_t at = prev_start(tb, end);
	return at < start ? start : at;
}

void textbuf_goto(struct textbuf *tb, const struct tb_line *lines, size_t n,
		  size_t row, int col)
{
	if (n == 0)
		return;
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
