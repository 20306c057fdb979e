/* SPDX-License-Identifier: MIT */
/* Reading the days people type: dates, months, years and days counted
 * back from today. The journal day that is "today" comes from the
 * caller; this file neither reads the clock nor knows the store. */
#include "mend/dates.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define BACK_MAX 36500L

enum span { SPAN_NONE, SPAN_DAY, SPAN_MONTH, SPAN_YEAR };

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static int month_days(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

/* YYYY, YYYY-MM or YYYY-MM-DD, exactly. */
static enum span calendar(const char *s, struct mend_date *first,
			  struct mend_date *last)
{
	size_t n = strlen(s);
	int y, m = 1, d = 1;

	if ((n != 4 && n != 7 && n != 10) || !digits(s, 4, &y) || y < 1970 ||
	    y > 9999)
		return SPAN_NONE;
	if (n == 4) {
		*first = (struct mend_date){y, 1, 1};
		*last = (struct mend_date){y, 12, 31};
		return SPAN_YEAR;
	}
	if (s[4] != '-' || !digits(s + 5, 2, &m) || m < 1 || m > 12)
		return SPAN_NONE;
	if (n == 7) {
		*first = (struct mend_date){y, m, 1};
		*last = (struct mend_date){y, m, month_days(y, m)};
		return SPAN_MONTH;
	}
	if (s[7] != '-' || !digits(s + 8, 2, &d) || d < 1 ||
	    d > month_days(y, m))
		return SPAN_NONE;
	*first = *last = (struct mend_date){y, m, d};
	return SPAN_DAY;
}

/* -Nd, Nd ago, N day(s) ago: N, or -1. */
static long days_back(const char *s)
{
	long n = 0;
	const char *p = s;
	bool minus = *p == '-';

	if (minus)
		p++;
	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++) {
		n = n * 10 + (*p - '0');
		if (n > BACK_MAX)
			return -1;
	}
	if (minus)
		return strcasecmp(p, "d") == 0 ? n : -1;
	if (strcasecmp(p, "d ago") == 0 || strcasecmp(p, " days ago") == 0 ||
	    (n == 1 && strcasecmp(p, " day ago") == 0))
		return n;
	return -1;
}

static struct mend_date back(struct mend_date today, long n)
{
	return clock_civil_from_days(clock_days_from_civil(today) - n);
}

static enum span parse(const char *s, struct mend_date today,
		       struct mend_date *first, struct mend_date *last)
{
	long n = -1;
	enum span sp = calendar(s, first, last);

	if (sp != SPAN_NONE)
		return sp;
	if (strcasecmp(s, "today") == 0)
		n = 0;
	else if (strcasecmp(s, "yesterday") == 0)
		n = 1;
	else
		n = days_back(s);
	if (n < 0)
		return SPAN_NONE;
	*first = *last = back(today, n);
	/* counting back must stay within the years mend writes */
	return first->y >= 1970 ? SPAN_DAY : SPAN_NONE;
}

enum mend_rc dates_parse_span(const char *field, const char *s,
			      struct mend_date today, struct mend_date *first,
			      struct mend_date *last, struct mend_err *err)
{
	if (!s || parse(s, today, first, last) == SPAN_NONE)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: '%.40s' is not a date; use "
				    "YYYY-MM-DD, YYYY-MM, YYYY, today, "
				    "yesterday or N days ago (-Nd)",
				    field, s ? s : "");
	return MEND_OK;
}

enum mend_rc dates_parse_day(const char *field, const char *s,
			     struct mend_date today, struct mend_date *out,
			     struct mend_err *err)
{
	struct mend_date last;
	enum span sp = s ? parse(s, today, out, &last) : SPAN_NONE;

	if (sp == SPAN_MONTH || sp == SPAN_YEAR)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: '%.40s' is a whole %s; give one day "
				    "(YYYY-MM-DD, today, yesterday or N days "
				    "ago)",
				    field, s,
				    sp == SPAN_MONTH ? "month" : "year");
	if (sp == SPAN_NONE)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: '%.40s' is not a date; use "
				    "YYYY-MM-DD, today, yesterday or N days "
				    "ago (-Nd)",
				    field, s ? s : "");
	return MEND_OK;
}
