/* SPDX-License-Identifier: MIT */
/* The editor's text: a UTF-8 buffer with a cursor that only ever rests
 * on character boundaries, word motions and deletions, one step of undo,
 * and the word-wrapped layout used both to draw it and to move up and
 * down. The text is a gap buffer, so typing or pasting anywhere costs
 * what is typed, not the length of the text after the cursor. No curses
 * here, so it can be tested and fuzzed on its own. Widths come from
 * wcwidth (a UTF-8 locale). */
#ifndef MEND_UI_TEXTBUF_H
#define MEND_UI_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

struct textbuf {
	/* owned: text [0, gap) at data[0, gap), then cap - len - 1 free
	 * bytes, then text [gap, len); read it through textbuf_text */
	char *data;
	size_t len, cap; /* len + 1 <= cap once data is allocated */
	size_t gap;
	size_t cursor; /* byte offset, on a character boundary */
	bool dirty;    /* changed since textbuf_set */
	unsigned long changes; /* counts every change, to notice one */
	/* the text as it was before the last change (textbuf_undo) */
	char *undo;
	size_t undo_len, undo_cursor;
	bool has_undo;
	int last_change; /* what the last edit was, to group typing */
	size_t last_at;  /* and where the cursor was after it */
};

struct tb_line {
	size_t start; /* byte offset of the line */
	size_t len;   /* bytes shown on it (not the newline) */
};

void textbuf_init(struct textbuf *tb);
void textbuf_done(struct textbuf *tb);

/* The text, contiguous and NUL-terminated; borrowed, valid until the
 * next change. */
const char *textbuf_text(struct textbuf *tb);

/* Replace the text (invalid UTF-8 is kept, byte for byte, and shown as
 * U+FFFD); the cursor goes to the end, and there is nothing to undo.
 * False when out of memory. */
bool textbuf_set(struct textbuf *tb, const char *s, size_t len);

/* The same as one change that can be undone (text from $EDITOR). */
bool textbuf_replace(struct textbuf *tb, const char *s, size_t len);

/* Insert n bytes at the cursor and move past them. Only whole, valid
 * UTF-8 characters are inserted; false if s is not that, or on OOM.
 * Inserts that follow each other are one change for undo. */
bool textbuf_insert(struct textbuf *tb, const char *s, size_t n);

/* Remove the whole character before / at the cursor. */
void textbuf_backspace(struct textbuf *tb);
void textbuf_delete(struct textbuf *tb);

/* Ctrl-W: remove the white space before the cursor and the word before
 * that. Ctrl-U: remove from the start of the line to the cursor. */
void textbuf_delete_word(struct textbuf *tb);
void textbuf_delete_line_start(struct textbuf *tb);

/* Move by one character; by one word (to the start of the word before,
 * or past the end of the word after; punctuation and white space are
 * between words). */
void textbuf_left(struct textbuf *tb);
void textbuf_right(struct textbuf *tb);
void textbuf_word_left(struct textbuf *tb);
void textbuf_word_right(struct textbuf *tb);

/* Undo the last change (typing, a deletion, a replacement); undoing
 * again puts it back. False when there is nothing to undo or on OOM. */
bool textbuf_undo(struct textbuf *tb);

/* The next edit begins a change of its own, even if it continues the
 * typing before it (the editor calls this after a pause). */
void textbuf_break_change(struct textbuf *tb);

/* Words in the text: runs of characters other than white space. */
size_t textbuf_words(struct textbuf *tb);

/* Lay the text out in lines of at most width columns, wrapping after a
 * space where possible. *out is caller-freed; returns the line count
 * (at least 1), 0 when out of memory. */
size_t textbuf_layout(struct textbuf *tb, int width, struct tb_line **out);

/* The cursor's line and column in that layout. */
void textbuf_cursor_at(struct textbuf *tb, const struct tb_line *lines,
		       size_t n, size_t *row, int *col);

/* Move the cursor to (row, col) of the layout, or the nearest character
 * boundary left of col. */
void textbuf_goto(struct textbuf *tb, const struct tb_line *lines, size_t n,
		  size_t row, int col);

/* Columns taken by bytes [from, to) of the text. */
int textbuf_columns(const char *s, size_t from, size_t to);

#endif
