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

/* Check the ex's name as nocontact_start does: text, one line, at most
 * JOURNAL_NAME_MAX bytes. MEND_EINVAL naming "name" otherwise. */
enum mend_rc nocontact_check_name(const char *name, struct mend_err *err);

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

/* When the newest contact that restarted the count was logged, into
 * created_at; MEND_ENOTFOUND when no contact ever restarted it. */
enum mend_rc nocontact_last_restart(struct journal *j,
				    char created_at[CLOCK_ISO_LEN],
				    struct mend_err *err);

struct contact_undo {
	char uuid[UUID_LEN];             /* the contact that was removed */
	char created_at[CLOCK_ISO_LEN];  /* when it had been logged */
	bool started;                    /* a count runs after the undo */
	long days;                       /* and its days */
};

/* Undo a mistaken contact: the newest contact that restarted the count
 * (whenever it was logged; only the newest, so the history before it
 * stays as it was) is deleted, and the period it ended and the one it
 * began become one again, as if it had never been logged. A contact
 * that started the very first period takes that period with it. The
 * check-in of that day no longer says there was contact, unless another
 * contact was logged that day. One transaction. MEND_ENOTFOUND (with a
 * sentence in err) when no contact restarted the count. */
enum mend_rc nocontact_undo_contact(struct journal *j,
				    struct contact_undo *out,
				    struct mend_err *err);

/* True in *out when a contact of any kind was logged at or after since
 * (an ISO time; NULL: ever). */
enum mend_rc nocontact_contact_since(struct journal *j, const char *since,
				     bool *out, struct mend_err *err);

/* Begin a new stretch from date ("YYYY-MM-DD", after the running
 * period's start and not in the future): the running period ends at
 * that day's midnight and stays in the history, and a new one starts
 * there. Unlike nocontact_start, which corrects the start of the running
 * period, nothing is rewritten. One transaction. */
enum mend_rc nocontact_restart_from(struct journal *j, const char *date,
				    struct mend_err *err);

/* Stop counting: the running period ends now and stays in the history;
 * no new one begins until nocontact_start is given a date. MEND_EINVAL
 * when no period runs. One transaction. */
enum mend_rc nocontact_stop(struct journal *j, struct mend_err *err);

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
