/* SPDX-License-Identifier: MIT */
/* The arithmetic of mend's charts, without curses: how tall a column is
 * in eighths of a row, which glyph a cell of a column gets, and which
 * band a mood falls in on the calendar. A value that is not there (a day
 * without a check-in) is a gap, never a zero: it has no height at all.
 * Kept apart from the drawing so it can be tested on its own. */
#ifndef MEND_UI_CHART_H
#define MEND_UI_CHART_H

#include <stdbool.h>

/* A column with no value: draw a gap, not a bar. */
#define CHART_GAP (-1)

/* The height in eighths of a row of a column of `rows` rows for value
 * (lo..hi, hi > lo) that exists when present: CHART_GAP when it is not
 * present; else 1 .. rows * 8, so the lowest value there is still shows
 * as a sliver and never looks like a gap. */
int chart_eighths(bool present, double value, double lo, double hi, int rows);

/* The cell at row (0 = the bottom row) of a column `eighths` tall:
 * 0 blank, 1..8 the eighth blocks (8 a full cell), CHART_GAP for the gap
 * mark (drawn on the bottom row only; other rows of a gap are blank). */
int chart_cell(int eighths, int row);

/* The band of a mood 1..10 on the calendar: 0 for no check-in, 1..5 for
 * 1-2, 3-4, 5-6, 7-8, 9-10. */
int chart_mood_band(int mood);

#endif
