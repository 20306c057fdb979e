/* SPDX-License-Identifier: MIT */
/* Shared by insights.c and insights_look.c only: spans of journal days
 * and their created_at bounds, and the week's first weekday. */
#ifndef MEND_INSIGHTS_INTERNAL_H
#define MEND_INSIGHTS_INTERNAL_H

#include "mend/insights.h"

/* A span of journal days and the created_at bounds of its entries. */
struct insights_span {
	long first, last; /* days since 1970-01-01, both included */
	char since[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN];
	char since_iso[CLOCK_ISO_LEN], until_iso[CLOCK_ISO_LEN];
};

/* Read since and until ("YYYY-MM-DD" or NULL; until NULL is today, since
 * NULL is dflt, a day number, or until when dflt < 0) into sp. A bad date
 * or since after until is MEND_EINVAL naming the field. */
enum mend_rc insights_span_read(struct journal *j, const char *since,
				const char *until, long dflt,
				struct insights_span *sp, struct mend_err *err);

/* Fill sp from day numbers first..last. */
void insights_span_days(struct journal *j, long first, long last,
			struct insights_span *sp);

/* The SQLite modifier that turns local time into the journal day. */
void insights_shift(const struct journal *j, char buf[24]);

/* The week's first weekday, 0 = Monday .. 6 = Sunday (setting
 * week_start). */
int insights_week_wday(struct journal *j);

/* Weekday of a day number, 0 = Monday. */
int insights_wday(long day);

/* A day number as "YYYY-MM-DD". */
void insights_day_str(long day, char buf[CLOCK_DATE_LEN]);

#endif
