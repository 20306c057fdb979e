/* SPDX-License-Identifier: MIT */
/* The recovery program as a whole: which module to work on today and why
 * (suggested, never locked), and the summary that `status` and the home
 * screen show. */
#ifndef MEND_PROGRAM_H
#define MEND_PROGRAM_H

#include <stdbool.h>

#include "mend/content.h"
#include "mend/journal.h"
#include "mend/nocontact.h"

struct program_status {
	struct nocontact_status nc;
	bool checked_in_today;
	int today_mood;             /* 0 when no check-in today */
	bool low_mood;              /* last three check-ins mood 1 or 2 */
	bool has_entries;           /* anything written at all */
	enum module suggested;
	enum suggest_reason reason; /* the sentence is content->suggestion[] */
	bool has_decision;
	char decision[16];          /* the current outcome, "" when none */
};

/* Suggest today's module and the reason for it. A low day (the latest
 * check-in, today's or yesterday's, at mood 3 or less, or three low ones
 * in a row) gets care or company. Otherwise no contact comes first while
 * it is unstarted or an urge was strong, then a calm day (mood 7 or
 * more, urge 3 or less) is named as good news, then no contact again in
 * its first days; none of the no-contact ones once the current decision
 * is to reconnect or stay friends. Where several suggestions fit, the day
 * picks one, so they take turns. */
enum mend_rc program_suggest(struct journal *j, enum module *module,
			     enum suggest_reason *reason,
			     struct mend_err *err);

/* Everything the status line and the home screen need: a few indexed
 * queries, whatever the journal's size. */
enum mend_rc program_status(struct journal *j, struct program_status *out,
			    struct mend_err *err);

/* The part of program_status a status line shows, at every shell
 * prompt: nc, today's check-in and mood, the decision, and the
 * suggestion only when suggest is true (else left zero). low_mood and has_entries stay false. Reads no content. */
enum mend_rc program_status_line(struct journal *j,
				 struct program_status *out, bool suggest,
				 struct mend_err *err);

#endif
