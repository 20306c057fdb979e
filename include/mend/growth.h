/* SPDX-License-Identifier: MIT */
/* The self-improvement log: what the user did for body, mind, friends,
 * skills, work and rest, and the week's totals per category. */
#ifndef MEND_GROWTH_H
#define MEND_GROWTH_H

#include "mend/journal.h"

/* Log an activity of a content category, with minutes (ENTRY_NONE when
 * not given, else 0..1440) and text. */
enum mend_rc growth_log(struct journal *j, const char *category, int minutes,
			const char *text, size_t len, char uuid[UUID_LEN],
			struct mend_err *err);

struct growth_total {
	const char *category; /* borrowed from the content */
	long minutes;
	long count;
};

/* Totals of the current week (Monday to Sunday, journal days) for every
 * content category, in content order; out must hold n_categories items. */
enum mend_rc growth_week(struct journal *j, struct growth_total *out,
			 struct mend_err *err);

#endif
