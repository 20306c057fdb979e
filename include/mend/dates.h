/* SPDX-License-Identifier: MIT */
/* Days as people write them on the command line: a date, a whole month
 * or year, or a day counted back from today. Pure calendar arithmetic on
 * struct mend_date; "today" is given by the caller (the journal day), so
 * nothing here reads the clock. */
#ifndef MEND_DATES_H
#define MEND_DATES_H

#include <stdbool.h>

#include "mend/clock.h"
#include "mend/err.h"

/* The span of days s names, from *first to *last (both included):
 *   YYYY-MM-DD          that day
 *   YYYY-MM, YYYY       the whole month, the whole year
 *   today, yesterday    today, the day before (today is given)
 *   -Nd, Nd ago,        N days before today (N 0..36500; "1 day ago")
 *   N days ago
 * Words are matched without regard to case. Years are 1970..9999. On
 * anything else, MEND_EINVAL naming field and quoting s. */
enum mend_rc dates_parse_span(const char *field, const char *s,
			      struct mend_date today, struct mend_date *first,
			      struct mend_date *last, struct mend_err *err);

/* One day as dates_parse_span reads it, where only a day will do: a
 * month or a year is MEND_EINVAL saying to give one day. */
enum mend_rc dates_parse_day(const char *field, const char *s,
			     struct mend_date today, struct mend_date *out,
			     struct mend_err *err);

#endif
