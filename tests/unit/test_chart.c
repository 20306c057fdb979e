/* SPDX-License-Identifier: MIT */
/* The insights charts' arithmetic: gaps stay gaps, the lowest value is
 * still a bar, the highest fills the column, bands cover 1..10. */
#include "../../src/ui/chart.h"
#include "test.h"

TEST(test_chart_missing_day_is_a_gap_not_a_zero_bar)
{
	int h = chart_eighths(false, 0, 1, 10, 4);
	CHECK(h == CHART_GAP);
	CHECK(chart_cell(h, 0) == CHART_GAP);
	for (int row = 1; row < 4; row++)
		CHECK(chart_cell(h, row) == 0);
}

TEST(test_chart_lowest_value_still_shows_a_bar)
{
	for (int rows = 1; rows <= 8; rows++) {
		int h = chart_eighths(true, 1, 1, 10, rows);
		CHECK(h >= 1);
		CHECK(chart_cell(h, 0) >= 1);
	}
	/* an urge of 0 is a value: the lowest bar, not a gap */
	CHECK(chart_eighths(true, 0, 0, 10, 3) >= 1);
}

TEST(test_chart_highest_value_fills_the_column)
{
	int h = chart_eighths(true, 10, 1, 10, 5);
	CHECK(h == 40);
	for (int row = 0; row < 5; row++)
		CHECK(chart_cell(h, row) == 8);
	CHECK(chart_eighths(true, 12, 1, 10, 5) == 40); /* clamped */
}

TEST(test_chart_heights_rise_with_the_value)
{
	int last = 0;
	for (int v = 1; v <= 10; v++) {
		int h = chart_eighths(true, v, 1, 10, 2);
		CHECK(h > last); /* sixteen steps: every mood its own */
		last = h;
	}
	/* a partial top cell, full cells under it */
	int h = chart_eighths(true, 5.5, 1, 10, 3);
	CHECK(chart_cell(h, 0) == 8);
	CHECK(chart_cell(h, 1) > 0 && chart_cell(h, 1) <= 8);
	CHECK(chart_cell(h, 2) == 0);
}

TEST(test_chart_mood_bands_cover_every_mood)
{
	CHECK(chart_mood_band(0) == 0);
	CHECK(chart_mood_band(11) == 0);
	CHECK(chart_mood_band(1) == 1 && chart_mood_band(2) == 1);
	CHECK(chart_mood_band(3) == 2 && chart_mood_band(4) == 2);
	CHECK(chart_mood_band(5) == 3 && chart_mood_band(6) == 3);
	CHECK(chart_mood_band(7) == 4 && chart_mood_band(8) == 4);
	CHECK(chart_mood_band(9) == 5 && chart_mood_band(10) == 5);
}
