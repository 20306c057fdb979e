/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the editor's text buffer.
 *
 * The input is a program of operations on one struct textbuf; each
 * operation byte picks what to do (low bits) and a small argument (high
 * bits), and may take more bytes after it:
 *   0 insert the next 1-4 bytes      5 layout at width (b % 80) + 2,
 *   1 backspace                        then goto row b1, column b2
 *   2 delete                         6 layout, then cursor_at
 *   3 left                           7 set: the next (b % 64) bytes,
 *   4 right                            any bytes at all
 *   8 insert one of a few characters (accents, combining marks, CJK,
 *     emoji, zero-width, tab, newline, space)
 * Ops 1-4 with an argument of 12 or more are the word and line edits
 * instead: 1 delete the word before (15: undo, then undo again, which
 * must put the text back), 2 delete to the line's start, 3 a word left,
 * 4 a word right.
 * After every operation the invariants are checked: data NUL-terminated
 * at len, len < cap, cursor <= len; while the text is valid UTF-8 (it
 * starts empty; set may make it invalid) the cursor is on a character
 * boundary, the text stays valid, and every edit does exactly what a
 * simple model of it does; the layout's lines cover the text in order
 * without overlap, each within the width (or one character alone); goto
 * lands on the asked line at the nearest boundary left of the column;
 * cursor_at names the line holding the cursor and its column. Broken
 * rules abort().
 *
 * MEND_FUZZ_LENIENT_GOTO=1 skips the one check that goto keeps the cursor
 * on the asked line (corpus/fuzz_textbuf/crash-goto-wrapped-line.bin;
 * see tests/fuzz/README.md), so that fuzzing can go on past that known
 * bug. */
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/utf8.h"
#include "textbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int lenient_goto = -1;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz_textbuf: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Length of the valid character at s[0..n), 0 when there is none. */
static size_t char_at(const char *s, size_t n)
{
	uint32_t cp;
	return utf8_decode(s, n, &cp);
}

/* Is off a character boundary of valid text s[0..len)? */
static bool boundary(const char *s, size_t len, size_t off)
{
	size_t i = 0;
	while (i < off) {
		size_t k = char_at(s + i, len - i);
		if (!k)
			return false;
		i += k;
	}
	return i == off;
}

/* The whole text, flattened by textbuf_text (layout does the same). */
static const char *text(struct textbuf *tb)
{
	return textbuf_text(tb);
}

/* The text read around the gap without moving it, so that edits which
 * follow each other meet the gap where the last one left it. Caller
 * frees. */
static char *peek(const struct textbuf *tb)
{
	char *out = malloc(tb->len + 1);
	if (!out)
		abort();
	if (tb->data) {
		size_t gl = tb->cap - tb->len - 1;
		memcpy(out, tb->data, tb->gap);
		memcpy(out + tb->gap, tb->data + tb->gap + gl, tb->len - tb->gap);
	}
	out[tb->len] = '\0';
	return out;
}

static void check_basic(struct textbuf *tb)
{
	if (!tb->data) {
		if (tb->len || tb->cursor)
			fail("no data but len %zu, cursor %zu", tb->len,
			     tb->cursor);
		return;
	}
	if (tb->len >= tb->cap)
		fail("len %zu, cap %zu", tb->len, tb->cap);
	if (tb->gap > tb->len)
		fail("gap %zu past len %zu", tb->gap, tb->len);
	if (tb->cursor > tb->len)
		fail("cursor %zu past len %zu", tb->cursor, tb->len);
}

static void check_valid(const struct textbuf *tb)
{
	char *s = peek(tb);
	if (!utf8_valid(s, tb->len, NULL))
		fail("valid text became invalid UTF-8");
	if (!boundary(s, tb->len, tb->cursor))
		fail("cursor %zu not on a character boundary", tb->cursor);
	free(s);
}

/* Lines cover the text in order, without overlap or gaps other than the
 * newlines, each within the width unless it holds one character. */
static void check_layout(struct textbuf *tb, const struct tb_line *l,
			 size_t n, int width, bool valid)
{
	const char *s = text(tb);

	if (n == 0)
		fail("layout: no lines");
	if (l[0].start != 0)
		fail("layout: first line starts at %zu", l[0].start);
	for (size_t i = 0; i < n; i++) {
		size_t end = l[i].start + l[i].len;
		if (l[i].start > tb->len || end > tb->len || end < l[i].start)
			fail("layout: line %zu [%zu, %zu) outside the text of %zu",
			     i, l[i].start, end, tb->len);
		if (memchr(s + l[i].start, '\n', l[i].len))
			fail("layout: line %zu holds a newline", i);
		if (valid && !boundary(s, tb->len, l[i].start))
			fail("layout: line %zu starts inside a character", i);
		int cols = textbuf_columns(s, l[i].start, end);
		size_t first = char_at(s + l[i].start, tb->len - l[i].start);
		if (cols > width - 1 && l[i].len != (first ? first : 1))
			fail("layout: line %zu is %d columns wide, width %d", i,
			     cols, width);
		if (i + 1 < n) {
			size_t next = l[i + 1].start;
			bool wrapped = next == end && l[i].len > 0 &&
				       s[end] != '\n';
			bool newline = end < tb->len && s[end] == '\n' &&
				       next == end + 1;
			if (!wrapped && !newline)
				fail("layout: line %zu ends at %zu, the next "
				     "starts at %zu",
				     i, end, next);
		} else if (end != tb->len) {
			fail("layout: the last line ends at %zu, the text at %zu",
			     end, tb->len);
		}
	}
}

/* A simple model of the edits, for valid text. */
struct model {
	char *s;
	size_t len, cursor;
};

static void model_take(struct model *m, const struct textbuf *tb, size_t extra)
{
	char *now = peek(tb);
	m->s = malloc(tb->len + extra + 1);
	if (!m->s)
		abort();
	memcpy(m->s, now, tb->len);
	free(now);
	m->len = tb->len;
	m->cursor = tb->cursor;
}

static size_t model_prev(const struct model *m)
{
	size_t at = m->cursor - 1;
	while (at > 0 && ((unsigned char)m->s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

static void model_cut(struct model *m, size_t from, size_t to)
{
	memmove(m->s + from, m->s + to, m->len - to);
	m->len -= to - from;
}

static void model_check(const struct model *m, const struct textbuf *tb,
			const char *op)
{
	char *now = peek(tb);
	bool same = m->len == tb->len && m->cursor == tb->cursor &&
		    memcmp(m->s, now, m->len) == 0;
	free(now);
	if (!same)
		fail("%s: the buffer (len %zu, cursor %zu) differs from the "
		     "model (len %zu, cursor %zu)",
		     op, tb->len, tb->cursor, m->len, m->cursor);
}

static const char *const samples[] = {
	"\xc3\xa9",         /* é */
	"e\xcc\x81",        /* e and a combining acute */
	"\xe2\x82\xac",     /* € */
	"\xe4\xb8\xad",     /* 中, two columns */
	"\xf0\x9f\x98\x80", /* an emoji, two columns */
	"\xe2\x80\x8b",     /* zero-width space */
	"\t",
	"\n",
	" ",
	"a",
	"word ",
	"\xef\xbc\xa1", /* fullwidth A */
	"\x7f",
	"\xcc\x81", /* a lone combining mark */
	"\r\n",
	"\xe2\x80\xa8", /* line separator */
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct textbuf tb;
	bool valid = true; /* the empty text is */
	size_t i = 0;

	if (lenient_goto < 0) {
		const char *e = getenv("MEND_FUZZ_LENIENT_GOTO");
		setlocale(LC_CTYPE, "C.UTF-8");
		lenient_goto = e && *e == '1';
	}
	textbuf_init(&tb);
	check_basic(&tb);
	while (i < size) {
		uint8_t op = data[i++];
		uint8_t arg = op >> 4;
		struct model m = {NULL, 0, 0};
		const char *name = "?";

		if (op % 9 >= 1 && op % 9 <= 4 && arg >= 12) {
			/* the word and line edits, and undo (arg 15 of op 1) */
			size_t before = tb.cursor;
			model_take(&m, &tb, 0);
			switch (op % 9 + (arg == 15 && op % 9 == 1 ? 10 : 0)) {
			case 1: name = "delete word"; textbuf_delete_word(&tb); break;
			case 2: name = "delete to line start"; textbuf_delete_line_start(&tb); break;
			case 3: name = "word left"; textbuf_word_left(&tb); break;
			case 4: name = "word right"; textbuf_word_right(&tb); break;
			default: {
				name = "undo twice";
				bool did = textbuf_undo(&tb);
				if (did && !textbuf_undo(&tb))
					fail("undo: could not redo");
				break;
			}
			}
			if (op % 9 == 3 && tb.cursor > before)
				fail("word left moved right");
			if (op % 9 == 4 && tb.cursor < before)
				fail("word right moved left");
			if ((op % 9 == 1 && arg != 15) || op % 9 == 2) {
				/* [cursor, before) was cut, nothing else */
				if (tb.cursor > before)
					fail("%s moved the cursor right", name);
				model_cut(&m, tb.cursor, before);
			}
			m.cursor = tb.cursor;
			goto checks;
		}
		switch (op % 9) {
		case 0: { /* insert raw bytes */
			size_t n = 1 + arg % 4;
			if (n > size - i)
				n = size - i;
			const char *s = (const char *)data + i;
			i += n;
			name = "insert";
			model_take(&m, &tb, n);
			bool ok = textbuf_insert(&tb, s, n);
			if (ok != utf8_valid(s, n, NULL))
				fail("insert of %zu bytes: %s, but they are %s",
				     n, ok ? "done" : "refused",
				     ok ? "not valid UTF-8" : "valid UTF-8");
			if (ok) {
				memmove(m.s + m.cursor + n, m.s + m.cursor,
					m.len - m.cursor);
				memcpy(m.s + m.cursor, s, n);
				m.len += n;
				m.cursor += n;
				if (!tb.dirty)
					fail("insert: not dirty");
			}
			break;
		}
		case 8: { /* insert a sample character */
			const char *s = samples[arg % (sizeof samples /
						       sizeof samples[0])];
			size_t n = strlen(s);
			name = "insert sample";
			model_take(&m, &tb, n);
			if (!textbuf_insert(&tb, s, n))
				fail("insert of a valid character refused");
			memmove(m.s + m.cursor + n, m.s + m.cursor,
				m.len - m.cursor);
			memcpy(m.s + m.cursor, s, n);
			m.len += n;
			m.cursor += n;
			break;
		}
		case 1:
			name = "backspace";
			model_take(&m, &tb, 0);
			textbuf_backspace(&tb);
			if (m.cursor > 0) {
				size_t at = model_prev(&m);
				model_cut(&m, at, m.cursor);
				m.cursor = at;
			}
			break;
		case 2:
			name = "delete";
			model_take(&m, &tb, 0);
			textbuf_delete(&tb);
			if (m.cursor < m.len) {
				size_t k = char_at(m.s + m.cursor,
						   m.len - m.cursor);
				model_cut(&m, m.cursor, m.cursor + (k ? k : 1));
			}
			break;
		case 3:
			name = "left";
			model_take(&m, &tb, 0);
			textbuf_left(&tb);
			if (m.cursor > 0)
				m.cursor = model_prev(&m);
			break;
		case 4:
			name = "right";
			model_take(&m, &tb, 0);
			textbuf_right(&tb);
			if (m.cursor < m.len) {
				size_t k = char_at(m.s + m.cursor,
						   m.len - m.cursor);
				m.cursor += k ? k : 1;
			}
			break;
		case 5:
		case 6: {
			int width = (i < size ? data[i++] : arg) % 80 + 2;
			struct tb_line *lines = NULL;
			size_t n = textbuf_layout(&tb, width, &lines);
			if (!n) {
				free(lines);
				break;
			}
			check_layout(&tb, lines, n, width, valid);
			model_take(&m, &tb, 0);
			if (op % 9 == 5) {
				size_t row = i < size ? data[i++] : 0;
				int col = i < size ? (int8_t)data[i++] : 0;
				size_t r = row < n ? row : n - 1;
				size_t start = lines[r].start;
				size_t end = start + lines[r].len;
				name = "goto";
				textbuf_goto(&tb, lines, n, row, col);
				if (tb.cursor < start || tb.cursor > end)
					fail("goto row %zu col %d: cursor %zu "
					     "outside the line [%zu, %zu]",
					     row, col, tb.cursor, start, end);
				int at = textbuf_columns(text(&tb), start,
							 tb.cursor);
				if (at > (col > 0 ? col : 0))
					fail("goto col %d: cursor at column %d",
					     col, at);
				/* a wrapped row's end is the next row's start,
				 * so the cursor can only reach its last char */
				size_t reach = end;
				if (r + 1 < n && lines[r + 1].start == end &&
				    end > start) {
					size_t b = start, k2;
					while (b < end) {
						k2 = char_at(text(&tb) + b, tb.len - b);
						if (b + (k2 ? k2 : 1) >= end)
							break;
						b += k2 ? k2 : 1;
					}
					reach = b;
				}
				if (tb.cursor < reach) {
					size_t k = char_at(text(&tb) + tb.cursor,
							   tb.len - tb.cursor);
					size_t next = tb.cursor + (k ? k : 1);
					if (next <= reach &&
					    textbuf_columns(text(&tb), start,
							    next) <= col)
						fail("goto col %d: stopped at "
						     "column %d, short of it",
						     col, at);
				}
				size_t got_row;
				int got_col;
				textbuf_cursor_at(&tb, lines, n, &got_row, &got_col);
				if (got_row != r && !lenient_goto)
					fail("goto row %zu col %d (width %d): "
					     "the cursor (%zu) is then on row "
					     "%zu, col %d",
					     r, col, width, tb.cursor, got_row,
					     got_col);
				m.cursor = tb.cursor; /* checked above */
			} else {
				size_t row;
				int col;
				name = "cursor_at";
				textbuf_cursor_at(&tb, lines, n, &row, &col);
				if (row >= n || lines[row].start > tb.cursor ||
				    (row + 1 < n && lines[row + 1].start <= tb.cursor))
					fail("cursor_at: row %zu for cursor %zu",
					     row, tb.cursor);
				size_t end = lines[row].start + lines[row].len;
				if (col != textbuf_columns(
						   text(&tb), lines[row].start,
						   tb.cursor < end ? tb.cursor
								   : end))
					fail("cursor_at: col %d", col);
			}
			free(lines);
			break;
		}
		case 7: { /* set any bytes */
			size_t n = (i < size ? data[i++] : 0) % 64;
			if (n > size - i)
				n = size - i;
			name = "set";
			if (!textbuf_set(&tb, (const char *)data + i, n))
				fail("set: out of memory");
			if (tb.len != n || tb.cursor != n || tb.dirty ||
			    memcmp(text(&tb), data + i, n) != 0)
				fail("set: the text is not what was set");
			valid = utf8_valid((const char *)data + i, n, NULL);
			i += n;
			break;
		}
		}
	checks:
		check_basic(&tb);
		if (valid) {
			check_valid(&tb);
			if (m.s)
				model_check(&m, &tb, name);
		}
		free(m.s);
	}
	textbuf_done(&tb);
	return 0;
}
