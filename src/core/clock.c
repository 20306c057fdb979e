/* SPDX-License-Identifier: MIT */
/* The clock and calendar arithmetic. UTC conversions are done with our own
 * civil-day arithmetic (no timegm), local ones with localtime_r/mktime so
 * that TZ is honoured. */
#include "mend/clock.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Howard Hinnant's days_from_civil, for the Gregorian calendar. */
long clock_days_from_civil(struct mend_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct mend_date clock_civil_from_days(long z)
{
	struct mend_date out;
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	out.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out.y = (int)(yoe + era * 400 + (out.m <= 2));
	return out;
}

/* Read exactly n digits at *p, advancing it. */
static bool digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool valid_date(struct mend_date d)
{
	return d.y >= 1970 && d.y <= 9999 && d.m >= 1 && d.m <= 12 &&
	       d.d >= 1 && d.d <= days_in_month(d.y, d.m);
}

static bool parse_date_prefix(const char **p, struct mend_date *out)
{
	const char *s = *p;
	struct mend_date d;

	if (!digits(&s, 4, &d.y) || *s++ != '-' || !digits(&s, 2, &d.m) ||
	    *s++ != '-' || !digits(&s, 2, &d.d) || !valid_date(d))
		return false;
	*p = s;
	*out = d;
	return true;
}

bool clock_parse_date(const char *s, struct mend_date *out)
{
	return s && parse_date_prefix(&s, out) && *s == '\0';
}

void clock_format_date(struct mend_date d, char buf[CLOCK_DATE_LEN])
{
	snprintf(buf, CLOCK_DATE_LEN, "%04u-%02u-%02u", (unsigned)d.y % 10000u,
		 (unsigned)d.m % 100u, (unsigned)d.d % 100u);
}

bool clock_parse_iso(const char *s, time_t *out)
{
	struct mend_date d;
	int hh, mm, ss = 0, oh = 0, om = 0, sign = 0;

	if (!s || !parse_date_prefix(&s, &d))
		return false;
	if ((*s != 'T' && *s != ' ') || (s++, !digits(&s, 2, &hh)) ||
	    *s++ != ':' || !digits(&s, 2, &mm))
		return false;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, &ss))
			return false;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return false;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	if (hh > 23 || mm > 59 || ss > 59)
		return false;
	if (*s == 'Z' || *s == 'z') {
		s++;
	} else if (*s == '+' || *s == '-') {
		sign = *s++ == '+' ? 1 : -1;
		if (!digits(&s, 2, &oh))
			return false;
		if (*s == ':')
			s++;
		if (!digits(&s, 2, &om) || oh > 23 || om > 59)
			return false;
	}
	if (*s != '\0')
		return false;
	time_t t = (time_t)clock_days_from_civil(d) * 86400 + hh * 3600 +
		   mm * 60 + ss - sign * (oh * 3600 + om * 60);
	/* an offset must not carry the moment outside the years we write */
	if (t < 0 || t > (time_t)253402300799) /* 9999-12-31T23:59:59Z */
		return false;
	*out = t;
	return true;
}

void clock_format_iso(time_t t, char buf[CLOCK_ISO_LEN])
{
	long days = (long)(t >= 0 ? t / 86400 : (t - 86399) / 86400);
	long secs = (long)(t - (time_t)days * 86400);
	struct mend_date d = clock_civil_from_days(days);

	unsigned s = (unsigned)secs % 86400u;
	snprintf(buf, CLOCK_ISO_LEN, "%04u-%02u-%02uT%02u:%02u:%02uZ",
		 (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
		 (unsigned)d.d % 100u, s / 3600 % 24, s / 60 % 60, s % 60);
}

enum mend_rc clock_now(time_t *out, struct mend_err *err)
{
	const char *env = getenv("MEND_NOW");

	if (env && *env) {
		if (!clock_parse_iso(env, out))
			return mend_err_set(err, MEND_EINVAL,
					    "MEND_NOW: '%.64s' is not an ISO 8601 "
					    "time such as 2026-01-11T09:00:00Z",
					    env);
	} else {
		*out = time(NULL);
	}
	/* Every time mend writes must import back: its local date (and the
	 * journal day, a day earlier before the day-start hour) must stay in
	 * 1970..9999 in this time zone. */
	struct mend_date d = clock_local_date(*out);
	long day = clock_days_from_civil(d);
	if (*out < 0 || *out > (time_t)253402300799 || day < 1 ||
	    day > clock_days_from_civil((struct mend_date){9999, 12, 31})) {
		char iso[CLOCK_ISO_LEN];
		clock_format_iso(*out, iso);
		return mend_err_set(err, MEND_EINVAL,
				    "clock: %s is outside the dates mend keeps "
				    "(1970-01-02 to 9999-12-31 here)",
				    iso);
	}
	return MEND_OK;
}

time_t clock_local_midnight(struct mend_date d)
{
	struct tm tm = {0};

	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	/* In a gap at midnight mktime moves forward an hour, into the right
	 * day; if it moved us into the previous day, step to the next hour. */
	struct mend_date got = clock_local_date(t);
	if (clock_days_from_civil(got) < clock_days_from_civil(d))
		t += 3600;
	return t;
}

time_t clock_journal_day_start(struct mend_date d, int day_start_hour)
{
	if (day_start_hour <= 0)
		return clock_local_midnight(d);
	struct tm tm = {0};
	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_hour = day_start_hour;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	/* In a gap mktime may land an hour early, before the hour asked
	 * for; the day starts when the clock is past the gap. */
	struct tm got;
	if (localtime_r(&t, &got) && got.tm_mday == d.d &&
	    got.tm_hour < day_start_hour)
		t += 3600;
	return t;
}

struct mend_date clock_local_date(time_t t)
{
	struct tm tm;
	struct mend_date d = {1970, 1, 1};

	if (localtime_r(&t, &tm)) {
		d.y = tm.tm_year + 1900;
		d.m = tm.tm_mon + 1;
		d.d = tm.tm_mday;
	}
	return d;
}

struct mend_date clock_journal_day(time_t t, int day_start_hour)
{
	struct tm tm;
	struct mend_date d = {1970, 1, 1};

	if (!localtime_r(&t, &tm))
		return d;
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	if (tm.tm_hour < day_start_hour)
		d = clock_civil_from_days(clock_days_from_civil(d) - 1);
	return d;
}

void clock_elapsed(time_t from, time_t to, long *days, int *hours)
{
	struct tm a, b;

	*days = 0;
	*hours = 0;
	if (to <= from || !localtime_r(&from, &a) || !localtime_r(&to, &b))
		return;
	struct mend_date da = {a.tm_year + 1900, a.tm_mon + 1, a.tm_mday};
	struct mend_date db = {b.tm_year + 1900, b.tm_mon + 1, b.tm_mday};
	long d = clock_days_from_civil(db) - clock_days_from_civil(da);
	long sa = a.tm_hour * 3600L + a.tm_min * 60 + a.tm_sec;
	long sb = b.tm_hour * 3600L + b.tm_min * 60 + b.tm_sec;
	long rem = sb - sa;

	if (rem < 0) {
		d -= 1;
		rem += 86400;
	}
	if (d < 0) {
		d = 0;
		rem = (long)(to - from);
	}
	*days = d;
	*hours = (int)(rem / 3600 > 23 ? 23 : rem / 3600);
}
