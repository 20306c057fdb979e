/* SPDX-License-Identifier: MIT */
/* Days as people type them, and the journal day's bounds. */
#include <stdlib.h>
#include <string.h>

#include "mend/clock.h"
#include "mend/dates.h"
#include "test.h"

static const struct mend_date today = {2026, 3, 1};

static bool span(const char *s, const char *first, const char *last)
{
	struct mend_date a, b;
	char fa[CLOCK_DATE_LEN], fb[CLOCK_DATE_LEN];
	if (dates_parse_span("since", s, today, &a, &b, NULL) != MEND_OK)
		return false;
	clock_format_date(a, fa);
	clock_format_date(b, fb);
	return strcmp(fa, first) == 0 && strcmp(fb, last) == 0;
}

static bool refused(const char *s)
{
	struct mend_date a, b;
	struct mend_err err = {""};
	return dates_parse_span("since", s, today, &a, &b, &err) ==
		   MEND_EINVAL &&
	       strstr(err.msg, "since: '") == err.msg;
}

TEST(test_dates_a_day_is_itself)
{
	CHECK(span("2026-01-05", "2026-01-05", "2026-01-05"));
	CHECK(span("2024-02-29", "2024-02-29", "2024-02-29"));
}

TEST(test_dates_months_and_years_are_whole)
{
	CHECK(span("2026-02", "2026-02-01", "2026-02-28"));
	CHECK(span("2024-02", "2024-02-01", "2024-02-29"));
	CHECK(span("2025-12", "2025-12-01", "2025-12-31"));
	CHECK(span("2026", "2026-01-01", "2026-12-31"));
}

TEST(test_dates_words_count_from_the_given_today)
{
	CHECK(span("today", "2026-03-01", "2026-03-01"));
	CHECK(span("Today", "2026-03-01", "2026-03-01"));
	CHECK(span("yesterday", "2026-02-28", "2026-02-28"));
	CHECK(span("-3d", "2026-02-26", "2026-02-26"));
	CHECK(span("-0d", "2026-03-01", "2026-03-01"));
	CHECK(span("3 days ago", "2026-02-26", "2026-02-26"));
	CHECK(span("3d ago", "2026-02-26", "2026-02-26"));
	CHECK(span("1 day ago", "2026-02-28", "2026-02-28"));
	CHECK(span("365 days ago", "2025-03-01", "2025-03-01"));
}

TEST(test_dates_refuses_what_is_not_a_day)
{
	CHECK(refused(""));
	CHECK(refused("2026-02-30"));
	CHECK(refused("2025-02-29"));
	CHECK(refused("2026-13"));
	CHECK(refused("2026-00"));
	CHECK(refused("2026-1-5"));
	CHECK(refused("1969"));
	CHECK(refused("10000"));
	CHECK(refused("26"));
	CHECK(refused("tomorrow"));
	CHECK(refused("-3"));
	CHECK(refused("3d"));
	CHECK(refused("+3d"));
	CHECK(refused("-3w"));
	CHECK(refused("3 day ago"));
	CHECK(refused("2 weeks ago"));
	CHECK(refused("-99999999999999999999d"));
	CHECK(refused("-36501d"));
	CHECK(refused("today "));
	/* counting back past 1970 */
	CHECK(refused("36500 days ago"));
}

TEST(test_dates_one_day_where_only_a_day_will_do)
{
	struct mend_date d;
	struct mend_err err = {""};
	CHECK_OK(dates_parse_day("date", "yesterday", today, &d, NULL));
	CHECK(d.y == 2026 && d.m == 2 && d.d == 28);
	CHECK(dates_parse_day("date", "2026-02", today, &d, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "date: '2026-02' is a whole month"));
	CHECK(dates_parse_day("date", "2026", today, &d, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "whole year"));
	CHECK(dates_parse_day("date", "soon", today, &d, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "date: 'soon' is not a date"));
}

TEST(test_dates_journal_day_starts_at_the_day_start_hour)
{
	setenv("TZ", "UTC", 1);
	tzset();
	struct mend_date d = {2026, 1, 10};
	char iso[CLOCK_ISO_LEN];
	clock_format_iso(clock_journal_day_start(d, 4), iso);
	CHECK(strcmp(iso, "2026-01-10T04:00:00Z") == 0);
	clock_format_iso(clock_journal_day_start(d, 0), iso);
	CHECK(strcmp(iso, "2026-01-10T00:00:00Z") == 0);
	setenv("TZ", "America/New_York", 1);
	tzset();
	/* the day DST begins: 04:00 local is 08:00Z (EDT) */
	struct mend_date dst = {2026, 3, 8};
	clock_format_iso(clock_journal_day_start(dst, 4), iso);
	CHECK(strcmp(iso, "2026-03-08T08:00:00Z") == 0);
	/* 02:00 does not exist that day: the first moment after the gap */
	clock_format_iso(clock_journal_day_start(dst, 2), iso);
	CHECK(strcmp(iso, "2026-03-08T07:00:00Z") == 0);
	setenv("TZ", "UTC", 1);
	tzset();
}
