/* SPDX-License-Identifier: MIT */
/* The days worth marking: reaching the no-contact goal, with a short
 * then-and-now to look back on, and sealed letters that open. The front
 * ends decide how to celebrate; this module only gathers the facts. */
#ifndef MEND_MILESTONE_H
#define MEND_MILESTONE_H

#include <stdbool.h>

#include "mend/journal.h"

struct milestone_goal {
	bool reached; /* today is the goal day of the running period:
		       * its whole days equal the goal (30 or the
		       * user's own), so it holds for one day */
	int goal_days;
	long days; /* days kept in the running period */
	/* then: the first check-in ever (has_first false when none) */
	bool has_first;
	char first_day[CLOCK_DATE_LEN];
	int first_mood;
	char *first_note; /* "" when it had none */
	/* now: today's check-in (has_today false when none yet) */
	bool has_today;
	int today_mood;
	char *today_note;
	/* written instead of sent during the running period */
	long urges;  /* urges written down */
	long unsent; /* messages kept here, never sent */
};

/* Fill *out with where the goal stands and the then-and-now. Works on
 * any day (reached tells whether today is the day); with no running
 * period everything is zero and reached is false. The notes are owned
 * by *out: free them with milestone_goal_done, also after an error. */
enum mend_rc milestone_goal(struct journal *j, struct milestone_goal *out,
			    struct mend_err *err);

/* Free what milestone_goal allocated (the struct itself is the
 * caller's). */
void milestone_goal_done(struct milestone_goal *g);

struct milestone_letters {
	long today;   /* sealed letters that open today: their day is
		       * today's day of the running period */
	long waiting; /* sealed letters not open yet */
	int next_day; /* the soonest day a waiting letter opens, or 0 */
};

/* Count the sealed letters that open today and those still waiting.
 * After a slip, a waiting letter opens on its day of the new count, so
 * next_day is a day of the running period. */
enum mend_rc milestone_letters(struct journal *j, struct milestone_letters *out,
			       struct mend_err *err);

#endif
