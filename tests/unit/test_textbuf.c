/* SPDX-License-Identifier: MIT */
/* The editor's text buffer: whole characters only, wrapping by columns. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ui/textbuf.h"
#include "test.h"

static void utf8_locale(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "");
}

TEST(test_backspace_removes_whole_characters)
{
	struct textbuf tb;
	const char *s = "aé中🙂";
	utf8_locale();
	textbuf_init(&tb);
	CHECK(textbuf_insert(&tb, s, strlen(s)));
	textbuf_backspace(&tb);
	CHECK(strcmp(textbuf_text(&tb), "aé中") == 0);
	textbuf_backspace(&tb);
	CHECK(strcmp(textbuf_text(&tb), "aé") == 0);
	textbuf_backspace(&tb);
	CHECK(strcmp(textbuf_text(&tb), "a") == 0);
	textbuf_backspace(&tb);
	textbuf_backspace(&tb);
	CHECK(tb.len == 0 && textbuf_text(&tb)[0] == '\0');
	textbuf_done(&tb);
}

TEST(test_delete_and_moves_stay_on_character_boundaries)
{
	struct textbuf tb;
	const char *s = "Ηow tο Ꮐet 🙂x";
	textbuf_init(&tb);
	CHECK(textbuf_set(&tb, s, strlen(s)));
	tb.cursor = 0;
	textbuf_right(&tb);
	CHECK(tb.cursor == 2); /* Greek capital eta is two bytes */
	textbuf_delete(&tb);
	CHECK(strncmp(textbuf_text(&tb), "Η", 2) == 0 && textbuf_text(&tb)[2] == 'w');
	tb.cursor = tb.len;
	textbuf_left(&tb);
	textbuf_left(&tb);
	CHECK(strcmp(textbuf_text(&tb) + tb.cursor, "🙂x") == 0);
	textbuf_delete(&tb);
	CHECK(strcmp(textbuf_text(&tb) + tb.cursor, "x") == 0);
	textbuf_done(&tb);
}

TEST(test_insert_refuses_broken_utf8)
{
	struct textbuf tb;
	textbuf_init(&tb);
	CHECK(!textbuf_insert(&tb, "\xe4\xb8", 2));
	CHECK(!textbuf_insert(&tb, "\xff", 1));
	CHECK(tb.len == 0);
	textbuf_done(&tb);
}

TEST(test_layout_wraps_at_spaces_and_counts_wide_columns)
{
	struct textbuf tb;
	struct tb_line *lines = NULL;
	utf8_locale();
	textbuf_init(&tb);
	const char *s = "one two three\n中文中文中文";
	CHECK(textbuf_set(&tb, s, strlen(s)));
	size_t n = textbuf_layout(&tb, 10, &lines);
	/* "one two " | "three" | "中文中文" (8 cols, +2 would pass 9) | "中文" */
	CHECK(n == 4);
	CHECK(lines[0].start == 0 && lines[0].len == 8);
	CHECK(strncmp(textbuf_text(&tb) + lines[1].start, "three", lines[1].len) == 0);
	CHECK(textbuf_columns(textbuf_text(&tb), lines[2].start,
			      lines[2].start + lines[2].len) == 8);
	size_t row;
	int col;
	textbuf_cursor_at(&tb, lines, n, &row, &col);
	CHECK(row == 3 && col == 4);
	textbuf_goto(&tb, lines, n, 2, 3); /* inside a wide char: left of it */
	textbuf_cursor_at(&tb, lines, n, &row, &col);
	CHECK(row == 2 && col == 2);
	free(lines);
	textbuf_done(&tb);
}

TEST(test_layout_of_empty_and_trailing_newline)
{
	struct textbuf tb;
	struct tb_line *lines = NULL;
	textbuf_init(&tb);
	CHECK(textbuf_layout(&tb, 20, &lines) == 1);
	free(lines);
	CHECK(textbuf_set(&tb, "a\n", 2));
	CHECK(textbuf_layout(&tb, 20, &lines) == 2);
	CHECK(lines[1].start == 2 && lines[1].len == 0);
	free(lines);
	textbuf_done(&tb);
}
