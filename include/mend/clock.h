/* SPDX-License-Identifier: MIT */
/* Time for mend: the clock (which MEND_NOW can pin), ISO 8601 parsing and
 * formatting in UTC, and the calendar arithmetic behind streaks and the
 * check-in day, done on local wall-clock time so that DST changes and month
 * ends count the way a person counts days. */
#ifndef MEND_CLOCK_H
#define MEND_CLOCK_H

#include <stdbool.h>
#include <time.h>

#include "mend/err.h"

/* "YYYY-MM-DDTHH:MM:SSZ" plus NUL */
#define CLOCK_ISO_LEN 21
/* "YYYY-MM-DD" plus NUL */
#define CLOCK_DATE_LEN 11

struct mend_date {
	int y, m, d;
};

/* The current time: MEND_NOW if set (ISO 8601), else the system clock.
 * A malformed MEND_NOW is MEND_EINVAL with a message naming it. */
enum mend_rc clock_now(time_t *out, struct mend_err *err);

/* Parse ISO 8601 "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)" or a bare
 * "YYYY-MM-DDTHH:MM:SS" (read as UTC). Returns false on anything else,
 * including impossible dates and times. */
bool clock_parse_iso(const char *s, time_t *out);

/* Format t as UTC "YYYY-MM-DDTHH:MM:SSZ" into buf. */
void clock_format_iso(time_t t, char buf[CLOCK_ISO_LEN]);

/* Parse a strict "YYYY-MM-DD" that names a real day (1970..9999). */
bool clock_parse_date(const char *s, struct mend_date *out);

/* Format a date as "YYYY-MM-DD" into buf. */
void clock_format_date(struct mend_date d, char buf[CLOCK_DATE_LEN]);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
long clock_days_from_civil(struct mend_date d);

/* Inverse of clock_days_from_civil. */
struct mend_date clock_civil_from_days(long days);

/* The moment local midnight begins on date d (honours TZ). When midnight
 * does not exist (a DST gap), the first moment of that day. */
time_t clock_local_midnight(struct mend_date d);

/* The moment journal day d begins: day_start_hour (0..23) o'clock local
 * time on date d (honours TZ). When that hour does not exist (a DST
 * gap), the first moment after the gap. */
time_t clock_journal_day_start(struct mend_date d, int day_start_hour);

/* The local date of t (honours TZ). */
struct mend_date clock_local_date(time_t t);

/* The journal day t belongs to: the local date, except that before
 * day_start_hour (0..23) it is still the previous day. */
struct mend_date clock_journal_day(time_t t, int day_start_hour);

/* Whole days and remaining whole hours from `from` to `to`, counted on the
 * local wall clock: from 22:00 on one day to 22:00 two days later is two
 * days whatever DST did in between. to < from gives 0 and 0. */
void clock_elapsed(time_t from, time_t to, long *days, int *hours);

#endif
