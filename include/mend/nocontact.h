/* SPDX-License-Identifier: MIT */
/* The no-contact module: the start date and goal, the running period and
 * its streak, milestones, contacts that restart a period (history kept),
 * urges written down instead of acted on, unsent messages, and letters
 * sealed until a streak day. */
#ifndef MEND_NOCONTACT_H
#define MEND_NOCONTACT_H

#include <stdbool.h>

#include "mend/journal.h"

struct nocontact_status {
	bool started;          /* a period exists */
	long days;             /* whole days of the current period */
	int hours;             /* and hours beyond them */
	char period_start[CLOCK_ISO_LEN];
	int goal_days;
	long longest_days;     /* longest period, the current one included */
	long periods;          /* number of periods */
	long contacts;         /* contacts logged, of any kind */
	int last_milestone;    /* largest milestone reached, 0 if none */
	int next_milestone;    /* smallest milestone ahead, 0 past the last */
};

/* Set the start: the day of last contact (date "YYYY-MM-DD", NULL to keep;
 * required the first time), the goal in days (ENTRY_NONE to keep), the ex's name
 * (NULL to keep, "" to forget). One transaction. */
enum mend_rc nocontact_start(struct journal *j, const char *date, int goal,
			     const char *name, struct mend_err *err);

/* The ex's name as set with nocontact_start into buf ("" when unset). */
enum mend_rc nocontact_name(struct journal *j, char *buf, size_t n,
			    struct mend_err *err);

/* Where the streak stands now. */
enum mend_rc nocontact_status(struct journal *j, struct nocontact_status *out,
			      struct mend_err *err);

/* X(enum, name) — how a contact happened. */
#define CHANNEL_LIST(X)                                                        \
	X(CHANNEL_TEXT, "text")                                                \
	X(CHANNEL_CALL, "call")                                                \
	X(CHANNEL_SOCIAL, "social")                                            \
	X(CHANNEL_IN_PERSON, "in-person")                                      \
	X(CHANNEL_OTHER, "other")

struct contact_input {
	const char *initiator; /* "me" (default when NULL) or "them" */
	const char *channel;   /* a CHANNEL_LIST name; NULL: "other" */
	bool necessary;        /* children, bills, work */
	const char *note;      /* may be NULL */
};

struct contact_result {
	char uuid[UUID_LEN];
	bool restarted;       /* the period ended and a new one began */
	long previous_days;   /* length of the period that ended */
};

/* Log a contact now. One by "me" that was not necessary ends the running
 * period and starts a new one at this moment; one by "them" or a
 * necessary one is kept without ending it. One transaction. */
enum mend_rc nocontact_log_contact(struct journal *j,
				   const struct contact_input *in,
				   struct contact_result *out,
				   struct mend_err *err);

/* The same, inside a transaction the caller already holds (used by the
 * check-in). */
enum mend_rc nocontact_record_contact(struct journal *j,
				      const struct contact_input *in,
				      struct contact_result *out,
				      struct mend_err *err);

/* Log an urge of level 1..10 not acted on, with an optional note. */
enum mend_rc nocontact_log_urge(struct journal *j, int level, const char *note,
				char uuid[UUID_LEN], struct mend_err *err);

/* Keep a message written instead of sent (text of len bytes). */
enum mend_rc nocontact_write_unsent(struct journal *j, const char *text,
				    size_t len, char uuid[UUID_LEN],
				    struct mend_err *err);

/* Seal a letter to oneself until the streak reaches day until_day (which
 * must lie ahead of today's streak day). */
enum mend_rc nocontact_seal(struct journal *j, int until_day, const char *text,
			    size_t len, char uuid[UUID_LEN],
			    struct mend_err *err);

/* Milestone message for exactly day `day`, or NULL. Borrowed from the
 * content. */
const char *nocontact_milestone_message(const struct journal *j, long day);

/* Days of a period (to its end, or to now while it runs). */
long nocontact_period_days(const struct journal *j, const struct period *p);

/* Check a channel name. */
bool nocontact_channel_valid(const char *name);

#endif
