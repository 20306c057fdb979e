/* SPDX-License-Identifier: MIT */
/* What the core refused, said as a sentence short enough for the status
 * line of a 60-column window. The core's messages name a field and the
 * values allowed, for the command line; the full-screen journal speaks
 * without field names or ranges written as code. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

/* The length of a leading "field: " (a path such as "entries[3].text"),
 * or 0 when the message does not start with one. */
static size_t field_prefix(const char *msg)
{
	size_t i = 0;
	while (msg[i] && (islower((unsigned char)msg[i]) ||
			  isdigit((unsigned char)msg[i]) ||
			  strchr("_.[]- ", msg[i])))
		i++;
	return i > 0 && msg[i] == ':' && msg[i + 1] == ' ' ? i + 2 : 0;
}

static bool field_is(const char *msg, size_t n, const char *name)
{
	size_t len = strlen(name);
	return n == len + 2 && strncmp(msg, name, len) == 0;
}

void ui_error_sentence(const char *msg, char *out, size_t max)
{
	size_t n = field_prefix(msg);
	const char *range = strstr(msg, " is not in ");
	long lo = 0, hi = 0;
	bool has_range = range && sscanf(range, " is not in %ld..%ld", &lo,
					 &hi) == 2;

	if (!n) {
		snprintf(out, max, "%s", msg);
	} else if (field_is(msg, n, "search") && strstr(msg, ": empty")) {
		snprintf(out, max, "Give at least one word to look for.");
	} else if (strstr(msg, ": empty")) {
		snprintf(out, max,
			 "There is nothing to save yet: write a word or two.");
	} else if (strstr(msg, "more than")) {
		snprintf(out, max, "Too long for one entry; it could be saved in "
				   "two parts.");
	} else if (strstr(msg, "UTF-8") || strstr(msg, "NUL") ||
		   strstr(msg, "control character")) {
		snprintf(out, max, "Odd characters here cannot be kept; take them "
				   "out.");
	} else if (strstr(msg, "is not a date")) {
		snprintf(out, max, "Give the day as 2026-01-31, today, yesterday "
				   "or -3d.");
	} else if (field_is(msg, n, "goal") && has_range) {
		snprintf(out, max, "A goal is a number of days, from %ld to %ld.",
			 lo, hi);
	} else if (field_is(msg, n, "until-day") && has_range) {
		snprintf(out, max, "Choose a day from %ld to %ld for the letter.",
			 lo, hi);
	} else if (field_is(msg, n, "minutes") && has_range) {
		snprintf(out, max, "Minutes go from %ld to %ld, a full day.",
			 lo, hi);
	} else if (has_range) {
		snprintf(out, max, "Choose a number from %ld to %ld.", lo, hi);
	} else if (strstr(msg, "is not one of")) {
		snprintf(out, max, "Choose one of the answers offered.");
	} else {
		/* something else: its words, without the field's name */
		snprintf(out, max, "%s", msg + n);
		out[0] = (char)toupper((unsigned char)out[0]);
	}
}
