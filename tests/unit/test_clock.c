/* SPDX-License-Identifier: MIT */
/* Clock and calendar: ISO parsing, journal days, elapsed days across DST
 * changes and month ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mend/clock.h"
#include "test.h"

static void use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static time_t iso(const char *s)
{
	time_t t = 0;
	clock_parse_iso(s, &t);
	return t;
}

TEST(test_iso_round_trip_in_utc)
{
	char buf[CLOCK_ISO_LEN];
	time_t t;
	CHECK(clock_parse_iso("2026-01-11T09:00:00Z", &t));
	clock_format_iso(t, buf);
	CHECK(strcmp(buf, "2026-01-11T09:00:00Z") == 0);
	CHECK(clock_parse_iso("2026-01-11T10:30:00+01:30", &t));
	clock_format_iso(t, buf);
	CHECK(strcmp(buf, "2026-01-11T09:00:00Z") == 0);
	CHECK(clock_parse_iso("2024-02-29T23:59:59.250Z", &t));
	clock_format_iso(t, buf);
	CHECK(strcmp(buf, "2024-02-29T23:59:59Z") == 0);
}

TEST(test_iso_rejects_impossible_times)
{
	time_t t;
	CHECK(!clock_parse_iso("2026-02-30T09:00:00Z", &t));
	CHECK(!clock_parse_iso("2025-02-29T09:00:00Z", &t));
	CHECK(!clock_parse_iso("2026-01-11T24:00:00Z", &t));
	CHECK(!clock_parse_iso("2026-01-11T09:60:00Z", &t));
	CHECK(!clock_parse_iso("2026-01-11", &t));
	CHECK(!clock_parse_iso("2026-01-11T09:00:00Zjunk", &t));
	CHECK(!clock_parse_iso("", &t));
	/* an offset may not carry the time outside 1970..9999 */
	CHECK(!clock_parse_iso("9999-12-31T23:59:59-01:00", &t));
	CHECK(!clock_parse_iso("1970-01-01T00:00:00+01:00", &t));
	CHECK(clock_parse_iso("9999-12-31T23:59:59Z", &t));
}

TEST(test_date_parse_is_strict)
{
	struct mend_date d;
	CHECK(clock_parse_date("2026-12-31", &d) && d.y == 2026 && d.m == 12 &&
	      d.d == 31);
	CHECK(!clock_parse_date("2026-04-31", &d));
	CHECK(!clock_parse_date("2026-1-01", &d));
	CHECK(!clock_parse_date("2026-01-01x", &d));
	CHECK(!clock_parse_date("yesterday", &d));
}

TEST(test_civil_days_round_trip_over_month_ends)
{
	for (long day = -1000; day < 40000; day += 7) {
		struct mend_date d = clock_civil_from_days(day);
		CHECK(clock_days_from_civil(d) == day);
	}
	struct mend_date feb29 = {2024, 2, 29}, mar1 = {2024, 3, 1};
	CHECK(clock_days_from_civil(mar1) - clock_days_from_civil(feb29) == 1);
}

TEST(test_mend_now_pins_the_clock)
{
	time_t t;
	struct mend_err err = {""};
	setenv("MEND_NOW", "2026-01-11T09:00:00Z", 1);
	CHECK_OK(clock_now(&t, &err));
	CHECK(t == iso("2026-01-11T09:00:00Z"));
	setenv("MEND_NOW", "soon", 1);
	CHECK(clock_now(&t, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "MEND_NOW") != NULL);
	setenv("MEND_NOW", "2026-01-11T09:00:00Z", 1);
}

TEST(test_journal_day_starts_at_four)
{
	use_tz("UTC");
	struct mend_date d = clock_journal_day(iso("2026-01-11T01:00:00Z"), 4);
	CHECK(d.y == 2026 && d.m == 1 && d.d == 10);
	d = clock_journal_day(iso("2026-01-11T04:00:00Z"), 4);
	CHECK(d.d == 11);
	d = clock_journal_day(iso("2026-03-01T03:59:00Z"), 4);
	CHECK(d.m == 2 && d.d == 28);
	d = clock_journal_day(iso("2026-01-11T01:00:00Z"), 0);
	CHECK(d.d == 11);
}

TEST(test_journal_day_honours_tz)
{
	use_tz("America/New_York");
	/* 03:00 UTC is 22:00 the evening before in New York */
	struct mend_date d = clock_journal_day(iso("2026-01-11T03:00:00Z"), 4);
	CHECK(d.d == 10);
	use_tz("Asia/Tokyo");
	d = clock_journal_day(iso("2026-01-10T20:00:00Z"), 4);
	CHECK(d.d == 11);
	use_tz("UTC");
}

TEST(test_elapsed_counts_wall_clock_days_across_spring_forward)
{
	use_tz("America/New_York");
	/* DST began 2026-03-08 02:00 local: the day had 23 hours. */
	time_t from = clock_local_midnight((struct mend_date){2026, 3, 7});
	time_t to = clock_local_midnight((struct mend_date){2026, 3, 9});
	long days;
	int hours;
	clock_elapsed(from, to, &days, &hours);
	CHECK(days == 2 && hours == 0);
	CHECK(to - from == 47 * 3600);
	use_tz("UTC");
}

TEST(test_elapsed_counts_wall_clock_days_across_fall_back)
{
	use_tz("Europe/Berlin");
	/* DST ended 2026-10-25 03:00 local: the day had 25 hours. */
	time_t from = clock_local_midnight((struct mend_date){2026, 10, 24});
	time_t to = clock_local_midnight((struct mend_date){2026, 10, 26});
	long days;
	int hours;
	clock_elapsed(from, to, &days, &hours);
	CHECK(days == 2 && hours == 0);
	CHECK(to - from == 49 * 3600);
	clock_elapsed(from, to - 3600, &days, &hours);
	CHECK(days == 1 && hours == 23);
	use_tz("UTC");
}

TEST(test_elapsed_over_month_and_year_ends)
{
	use_tz("UTC");
	long days;
	int hours;
	clock_elapsed(iso("2026-01-31T22:00:00Z"), iso("2026-03-01T21:00:00Z"),
		      &days, &hours);
	CHECK(days == 28 && hours == 23);
	clock_elapsed(iso("2025-12-31T00:00:00Z"), iso("2026-01-01T05:00:00Z"),
		      &days, &hours);
	CHECK(days == 1 && hours == 5);
	clock_elapsed(iso("2026-01-02T00:00:00Z"), iso("2026-01-01T00:00:00Z"),
		      &days, &hours);
	CHECK(days == 0 && hours == 0);
}

TEST(test_local_midnight_in_a_dst_gap_is_inside_the_day)
{
	/* Santiago skips midnight when DST begins (2026-09-06 00:00). */
	use_tz("America/Santiago");
	struct mend_date day = {2026, 9, 6};
	time_t t = clock_local_midnight(day);
	struct mend_date got = clock_local_date(t);
	CHECK(got.y == 2026 && got.m == 9 && got.d == 6);
	use_tz("UTC");
}
