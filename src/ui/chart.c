/* SPDX-License-Identifier: MIT */
/* Heights and cells of mend's bar charts, and the calendar's mood bands.
 * No curses: the screens turn these numbers into glyphs and colours. */
#include "chart.h"

int chart_eighths(bool present, double value, double lo, double hi, int rows)
{
	if (!present || rows < 1 || hi <= lo)
		return CHART_GAP;
	if (value < lo)
		value = lo;
	if (value > hi)
		value = hi;
	/* lo itself is one step up from nothing: a low day is a low bar */
	int full = rows * 8;
	int h = (int)((value - lo) / (hi - lo) * (full - 1) + 1.5);
	if (h < 1)
		h = 1;
	return h > full ? full : h;
}

int chart_cell(int eighths, int row)
{
	if (eighths == CHART_GAP)
		return row == 0 ? CHART_GAP : 0;
	int left = eighths - row * 8;
	if (left <= 0)
		return 0;
	return left >= 8 ? 8 : left;
}

int chart_mood_band(int mood)
{
	if (mood < 1 || mood > 10)
		return 0;
	return (mood + 1) / 2;
}
