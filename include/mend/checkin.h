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
	int contact;      /* 0 no, ENTRY_NONE not said, or CHECKIN_CONTACT
			   * with the flags below */
	const char *note; /* may be NULL: today's note is kept */
};

/* A contact said in a check-in: CHECKIN_CONTACT alone was by the user
 * and not necessary, and restarts the count; with CHECKIN_BY_THEM (they
 * reached out, no reply) or CHECKIN_NECESSARY (children, bills, work) it
 * is kept in the history and the count goes on. */
#define CHECKIN_CONTACT 1
#define CHECKIN_BY_THEM 2
#define CHECKIN_NECESSARY 4

struct checkin_result {
	char uuid[UUID_LEN];
	char day[CLOCK_DATE_LEN];
	bool updated;          /* today's check-in existed and was updated */
	bool contact_logged;   /* a contact was logged with it */
	bool restarted;        /* ... and it restarted the no-contact period */
	bool contact_already;  /* contact was said, but one was already
				* logged since the last check-in: no second
				* one was logged */
	long previous_days;    /* length of the period it ended */
	long streak_days;      /* the streak after saving */
	int milestone_today;   /* a milestone day reached today, or 0 */
	bool low_mood;         /* the last three check-ins had mood 1 or 2 */
};

/* Save today's check-in (insert, or update today's: fields left unset,
 * urge ENTRY_NONE, contact ENTRY_NONE or note NULL, keep what was saved).
 * A contact reported (CHECKIN_CONTACT and its flags) is logged, unless a
 * contact of any kind was already logged since the last check-in (see
 * checkin_contact_since): then nothing more is logged and
 * out->contact_already says so, so that one contact never makes a
 * period of 0 days. One transaction. */
enum mend_rc checkin_save(struct journal *j, const struct checkin_input *in,
			  struct checkin_result *out, struct mend_err *err);

/* The same, with quick tags for what the day held: space-separated,
 * each a tag (tags_check, MEND_EINVAL naming tag), kept with the
 * check-in (not in its text). NULL keeps today's, "" takes them away. */
enum mend_rc checkin_save_tagged(struct journal *j,
				 const struct checkin_input *in,
				 const char *tags, struct checkin_result *out,
				 struct mend_err *err);

/* Pass today's check-in to fn; MEND_ENOTFOUND when there is none yet. */
enum mend_rc checkin_today(struct journal *j,
			   void (*fn)(const struct entry *, void *), void *ctx,
			   struct mend_err *err);

/* Since when "since your last check-in" counts, into since
 * (CLOCK_ISO_LEN): when the newest check-in of an earlier day was made,
 * or, before any, the start of today's journal day. */
enum mend_rc checkin_last_time(struct journal *j, char since[CLOCK_ISO_LEN],
			       struct mend_err *err);

/* True in *out when a contact was logged since the last check-in (as
 * checkin_last_time counts it): the check-in then says so instead of
 * asking. */
enum mend_rc checkin_contact_since(struct journal *j, bool *out,
				   struct mend_err *err);

/* The local crisis line shown with the hard-days note: at most
 * CHECKIN_CRISIS_MAX bytes of UTF-8 on one line, without control
 * characters. */
#define CHECKIN_CRISIS_MAX 200

/* Check a crisis line without a journal (MEND_EINVAL naming crisis-line
 * for text that is not one short line). */
enum mend_rc checkin_check_crisis_line(const char *text, struct mend_err *err);

/* Set the crisis line (NULL or "" removes it), checked as above. One
 * transaction. */
enum mend_rc checkin_set_crisis_line(struct journal *j, const char *text,
				     struct mend_err *err);

/* The crisis line into buf (n bytes; CHECKIN_CRISIS_MAX + 1 is enough),
 * "" when none is set. */
enum mend_rc checkin_crisis_line(struct journal *j, char *buf, size_t n,
				 struct mend_err *err);

/* True when the last three check-ins all had mood 1 or 2. */
enum mend_rc checkin_low_mood(struct journal *j, bool *out,
			      struct mend_err *err);

/* Moods of the last `days` journal days, oldest first, into moods[days]:
 * 1..10, or 0 for a day without a check-in. */
enum mend_rc checkin_moods(struct journal *j, int days, int *moods,
			   struct mend_err *err);

#endif
