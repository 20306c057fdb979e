/* SPDX-License-Identifier: MIT */
/* The editor's text buffer: whole characters only, wrapping by columns. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

TEST(test_word_motions_and_word_deletions)
{
	struct textbuf tb;
	const char *s = "déjà vu, again\nsecond line";
	utf8_locale();
	textbuf_init(&tb);
	CHECK(textbuf_set(&tb, s, strlen(s)));
	textbuf_word_left(&tb);
	CHECK(strcmp(textbuf_text(&tb) + tb.cursor, "line") == 0);
	textbuf_word_left(&tb);
	textbuf_word_left(&tb);
	CHECK(strcmp(textbuf_text(&tb) + tb.cursor, "again\nsecond line") == 0);
	textbuf_word_left(&tb); /* over ", " to the start of "vu" */
	CHECK(strncmp(textbuf_text(&tb) + tb.cursor, "vu,", 3) == 0);
	textbuf_word_left(&tb);
	CHECK(tb.cursor == 0);
	textbuf_word_right(&tb);
	CHECK(strcmp(textbuf_text(&tb) + tb.cursor, " vu, again\nsecond line") == 0);
	tb.cursor = tb.len;
	textbuf_delete_word(&tb);
	CHECK(strcmp(textbuf_text(&tb), "déjà vu, again\nsecond ") == 0);
	textbuf_delete_word(&tb); /* the space, then "second" */
	CHECK(strcmp(textbuf_text(&tb), "déjà vu, again\n") == 0);
	CHECK(textbuf_insert(&tb, "x y", 3));
	textbuf_delete_line_start(&tb);
	CHECK(strcmp(textbuf_text(&tb), "déjà vu, again\n") == 0);
	textbuf_delete_line_start(&tb); /* at a line's start: nothing */
	CHECK(strcmp(textbuf_text(&tb), "déjà vu, again\n") == 0);
	CHECK(textbuf_words(&tb) == 3);
	textbuf_done(&tb);
}

TEST(test_undo_takes_back_one_change_and_typing_is_one_change)
{
	struct textbuf tb;
	textbuf_init(&tb);
	CHECK(!textbuf_undo(&tb));
	const char *s = "typed one key at a time";
	for (size_t i = 0; s[i]; i++)
		CHECK(textbuf_insert(&tb, s + i, 1));
	textbuf_break_change(&tb); /* a pause */
	CHECK(textbuf_insert(&tb, "!", 1));
	CHECK(textbuf_undo(&tb));
	CHECK(strcmp(textbuf_text(&tb), s) == 0);
	CHECK(textbuf_undo(&tb)); /* again: redo */
	CHECK(strcmp(textbuf_text(&tb), "typed one key at a time!") == 0);
	textbuf_delete_word(&tb);
	CHECK(strcmp(textbuf_text(&tb), "typed one key at a ") == 0);
	CHECK(textbuf_undo(&tb));
	CHECK(strcmp(textbuf_text(&tb), "typed one key at a time!") == 0);
	CHECK(tb.cursor == tb.len);
	CHECK(textbuf_replace(&tb, "from the editor", 15));
	CHECK(textbuf_undo(&tb));
	CHECK(strcmp(textbuf_text(&tb), "typed one key at a time!") == 0);
	CHECK(textbuf_set(&tb, "loaded", 6));
	CHECK(!textbuf_undo(&tb)); /* a loaded text has no past */
	textbuf_done(&tb);
}

TEST(test_typing_in_the_middle_of_a_long_text_is_not_quadratic)
{
	struct textbuf tb;
	enum { N = 200000 };
	char *big = malloc(N);
	CHECK(big);
	memset(big, 'a', N);
	textbuf_init(&tb);
	CHECK(textbuf_set(&tb, big, N));
	tb.cursor = N / 2;
	clock_t t0 = clock();
	for (int i = 0; i < N; i++)
		if (!textbuf_insert(&tb, "b", 1))
			break;
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* one memmove of the tail per key would be 20 GB of copying */
	CHECK(secs < 0.5);
	CHECK(tb.len == 2 * (size_t)N);
	const char *t = textbuf_text(&tb);
	CHECK(t[N / 2 - 1] == 'a' && t[N / 2] == 'b' && t[N + N / 2 - 1] == 'b' &&
	      t[N + N / 2] == 'a');
	free(big);
	textbuf_done(&tb);
}
