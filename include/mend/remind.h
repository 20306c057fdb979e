/* SPDX-License-Identifier: MIT */
/* The daily nudge's settings: whether reminders are on, and the time of
 * day a desktop reminder comes; and whether one is due (today's check-in
 * not written yet). Where and how a nudge is shown is the front end's. */
#ifndef MEND_REMIND_H
#define MEND_REMIND_H

#include <stdbool.h>

#include "mend/err.h"
#include "mend/journal.h"

/* "HH:MM" and its NUL */
#define REMIND_AT_LEN	  6
#define REMIND_AT_DEFAULT "20:30"

/* Check a reminder time, "HH:MM" on a 24-hour clock (00:00..23:59);
 * MEND_EINVAL naming remind-at and the value otherwise. */
enum mend_rc remind_check_at(const char *s, struct mend_err *err);

/* Check "on" or "off" for the remind key into *on; MEND_EINVAL
 * otherwise. on may be NULL. */
enum mend_rc remind_check_on(const char *s, bool *on, struct mend_err *err);

/* The settings: *on (default on) and at (default REMIND_AT_DEFAULT). A
 * stored value that is not valid reads as the default. */
enum mend_rc remind_settings(struct journal *j, bool *on,
			     char at[REMIND_AT_LEN], struct mend_err *err);

/* Turn reminders on or off ("on"/"off", checked). */
enum mend_rc remind_set_on(struct journal *j, const char *value,
			   struct mend_err *err);

/* Set the time of day (checked as remind_check_at). */
enum mend_rc remind_set_at(struct journal *j, const char *at,
			   struct mend_err *err);

/* *due is true when reminders are on and today's check-in is not
 * written yet. Reads only. */
enum mend_rc remind_due(struct journal *j, bool *due, struct mend_err *err);

#endif
