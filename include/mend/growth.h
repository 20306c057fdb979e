/* SPDX-License-Identifier: MIT */
/* The self-improvement log: what the user did for body, mind, friends,
 * skills, work and rest, and the week's totals per category. */
#ifndef MEND_GROWTH_H
#define MEND_GROWTH_H

#include "mend/journal.h"

#define GROWTH_MINUTES_MAX 1440

/* Log an activity of a content category, with minutes (ENTRY_NONE when
 * not given, else 0..GROWTH_MINUTES_MAX) and text. */
enum mend_rc growth_log(struct journal *j, const char *category, int minutes,
			const char *text, size_t len, char uuid[UUID_LEN],
			struct mend_err *err);

struct growth_input {
	const char *category; /* a content category; NULL: the prompt's theme */
	int minutes;          /* ENTRY_NONE, or 0..GROWTH_MINUTES_MAX */
	const char *prompt_id; /* a growth prompt this answers, or NULL */
};

/* The same, answering a growth prompt when in->prompt_id is set: the
 * category defaults to the prompt's theme. The entry is the activity:
 * it does not keep the prompt (only written answers do). A prompt of another module is MEND_EINVAL naming the command
 * that answers it. */
enum mend_rc growth_answer(struct journal *j, const struct growth_input *in,
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

/* Stream this week's growth entries (the same week as growth_week),
 * newest first, to fn; fn returns non-zero to stop. Entries are
 * borrowed for the call. */
enum mend_rc growth_week_each(struct journal *j,
			      int (*fn)(const struct entry *, void *),
			      void *ctx, struct mend_err *err);

#endif
