/* SPDX-License-Identifier: MIT */
/* The editor's text: a UTF-8 buffer with a cursor that only ever rests
 * on character boundaries, and the word-wrapped layout used both to
 * draw it and to move up and down. No curses here, so it can be tested
 * and fuzzed on its own. Widths come from wcwidth (a UTF-8 locale). */
#ifndef MEND_UI_TEXTBUF_H
#define MEND_UI_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

struct textbuf {
	char *data; /* always NUL-terminated; owned */
	size_t len, cap;
	size_t cursor; /* byte offset, on a character boundary */
	bool dirty;    /* changed since the last textbuf_clean */
};

struct tb_line {
	size_t start; /* byte offset of the line */
	size_t len;   /* bytes shown on it (not the newline) */
};

void textbuf_init(struct textbuf *tb);
void textbuf_done(struct textbuf *tb);

/* Replace the text (invalid UTF-8 is kept, byte for byte, and shown as
 * U+FFFD); the cursor goes to the end. False when out of memory. */
bool textbuf_set(struct textbuf *tb, const char *s, size_t len);

/* Insert n bytes at the cursor and move past them. Only whole, valid
 * UTF-8 characters are inserted; false if s is not that, or on OOM. */
bool textbuf_insert(struct textbuf *tb, const char *s, size_t n);

/* Remove the whole character before / at the cursor. */
void textbuf_backspace(struct textbuf *tb);
void textbuf_delete(struct textbuf *tb);

/* Move by one character. */
void textbuf_left(struct textbuf *tb);
void textbuf_right(struct textbuf *tb);

/* Lay the text out in lines of at most width columns, wrapping after a
 * space where possible. *out is caller-freed; returns the line count
 * (at least 1), 0 when out of memory. */
size_t textbuf_layout(const struct textbuf *tb, int width,
		      struct tb_line **out);

/* The cursor's line and column in that layout. */
void textbuf_cursor_at(const struct textbuf *tb, const struct tb_line *lines,
		       size_t n, size_t *row, int *col);

/* Move the cursor to (row, col) of the layout, or the nearest character
 * boundary left of col. */
void textbuf_goto(struct textbuf *tb, const struct tb_line *lines, size_t n,
		  size_t row, int col);

/* Columns taken by bytes [from, to) of the text. */
int textbuf_columns(const char *s, size_t from, size_t to);

#endif
