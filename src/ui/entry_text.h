/* SPDX-License-Identifier: MIT */
/* Words about an entry, as the review and the entry view show them. */
#ifndef MEND_UI_ENTRY_TEXT_H
#define MEND_UI_ENTRY_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

/* How a moment is shown: its day, day and time, or with the weekday
 * (short, "Tue", or whole, "Tuesday"). */
enum entry_when {
	ENTRY_WHEN_DAY,
	ENTRY_WHEN_TIME,
	ENTRY_WHEN_SHORT_WEEKDAY,
	ENTRY_WHEN_WEEKDAY
};

/* True for a sealed letter that has not opened (its text is masked). */
bool entry_text_sealed(const struct entry *e);

/* What an entry is, at most 10 columns ("check-in", "letter");
 * static storage. */
const char *entry_text_kind(enum kind k);

/* The local time of an ISO moment into buf (size n), or its first
 * characters when it cannot be read. */
void entry_text_when(const char *iso, enum entry_when style, char *buf,
		     size_t n);

/* When a sealed letter opens: its streak day and, while a stretch of no
 * contact runs, the date that day falls on; a sentence, or (brief) a
 * list row's words with the date first. */
void entry_text_opens(struct app *a, const struct entry *e, bool brief,
		      char *buf, size_t n);

/* What a list row says about an entry (a sealed letter: when it opens,
 * never its words). */
void entry_text_summary(struct app *a, const struct entry *e, char *buf,
			size_t n);

/* Line breaks and tabs in s as spaces. */
void entry_text_flatten(char *s);

/* The entry as a question names it: "reflection of Tue 2026-01-06 21:14,
 * “bananas on the table”", its first words cut to keep it within cols
 * columns; a sealed letter is never quoted. */
void entry_text_name(const struct entry *e, int cols, char *buf, size_t n);

/* Draw s at (y, x) within width columns with the search words (NULL:
 * none) in mark, starting shortly before the first match after an
 * ellipsis when the match would fall past the right edge. */
void entry_text_snippet(int y, int x, int width, const char *s,
			const char *words, int attr, int mark);

#endif
