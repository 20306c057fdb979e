/* SPDX-License-Identifier: MIT */
/* Outcome acceptance: the decision about what the user really wants
 * (reconnect, friends, part ways, undecided) with reasons. A decision can
 * change; each change is a new record, so its history is kept. */
#ifndef MEND_ACCEPTANCE_H
#define MEND_ACCEPTANCE_H

#include "mend/journal.h"

/* Record a decision (an OUTCOME_LIST name) with an optional note. */
enum mend_rc acceptance_decide(struct journal *j, const char *outcome,
			       const char *note, char uuid[UUID_LEN],
			       struct mend_err *err);

/* Pass the current (latest) decision to fn; MEND_ENOTFOUND when none. */
enum mend_rc acceptance_current(struct journal *j,
				void (*fn)(const struct entry *, void *),
				void *ctx, struct mend_err *err);

#endif
