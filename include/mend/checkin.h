/* SPDX-License-Identifier: MIT */
/* The daily check-in: mood, urge to contact, whether there was contact,
 * and a short note, one per journal day. A second check-in the same day
 * updates the first. */
#ifndef MEND_CHECKIN_H
#define MEND_CHECKIN_H

#include <stdbool.h>

#include "mend/journal.h"

struct checkin_input {
	int mood;         /* 1..10, required */
	int urge;         /* 0..10, or ENTRY_NONE */
	int contact;      /* 1 yes, 0 no, ENTRY_NONE not said */
	const char *note; /* may be NULL */
};

struct checkin_result {
	char uuid[UUID_LEN];
	char day[CLOCK_DATE_LEN];
	bool updated;          /* today's check-in existed and was updated */
	bool contact_logged;   /* a contact was logged with it */
	bool restarted;        /* ... and it restarted the no-contact period */
	long previous_days;    /* length of the period it ended */
	long streak_days;      /* the streak after saving */
	int milestone_today;   /* a milestone day reached today, or 0 */
	bool low_mood;         /* the last three check-ins had mood 1 or 2 */
};

/* Save today's check-in (insert, or update today's). A contact reported
 * for the first time today is logged as a contact by the user, which
 * restarts the period. One transaction. */
enum mend_rc checkin_save(struct journal *j, const struct checkin_input *in,
			  struct checkin_result *out, struct mend_err *err);

/* Pass today's check-in to fn; MEND_ENOTFOUND when there is none yet. */
enum mend_rc checkin_today(struct journal *j,
			   void (*fn)(const struct entry *, void *), void *ctx,
			   struct mend_err *err);

/* True when the last three check-ins all had mood 1 or 2. */
enum mend_rc checkin_low_mood(struct journal *j, bool *out,
			      struct mend_err *err);

/* Moods of the last `days` journal days, oldest first, into moods[days]:
 * 1..10, or 0 for a day without a check-in. */
enum mend_rc checkin_moods(struct journal *j, int days, int *moods,
			   struct mend_err *err);

#endif
