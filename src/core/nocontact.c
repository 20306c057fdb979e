/* SPDX-License-Identifier: MIT */
/* No contact: periods, streaks, milestones, contacts, urges, unsent
 * messages and sealed letters. A period is a stored row; a contact that
 * breaks no contact closes the running one and opens the next at the
 * same moment, so the history of periods is never rewritten. */
#include "mend/nocontact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const channel_names[] = {
#define CHANNEL_NAME(e, name) name,
	CHANNEL_LIST(CHANNEL_NAME)
#undef CHANNEL_NAME
};

bool nocontact_channel_valid(const char *name)
{
	for (size_t i = 0; name && i < sizeof channel_names / sizeof *channel_names;
	     i++)
		if (strcmp(name, channel_names[i]) == 0)
			return true;
	return false;
}

long nocontact_period_days(const struct journal *j, const struct period *p)
{
	time_t start, end;
	long days;
	int hours;

	if (!clock_parse_iso(p->started_at, &start))
		return 0;
	if (!p->ended_at[0] || !clock_parse_iso(p->ended_at, &end))
		end = j->now;
	clock_elapsed(start, end, &days, &hours);
	return days;
}

const char *nocontact_milestone_message(const struct journal *j, long day)
{
	for (size_t i = 0; i < j->content->n_milestones; i++)
		if (j->content->milestones[i].day == day)
			return j->content->milestones[i].message;
	return NULL;
}

enum mend_rc nocontact_status(struct journal *j, struct nocontact_status *out,
			      struct mend_err *err)
{
	const struct period_list *pl;
	enum mend_rc rc;

	memset(out, 0, sizeof *out);
	out->goal_days = j->goal_days;
	rc = journal_periods(j, &pl, err);
	if (rc == MEND_OK)
		rc = store_entry_count(j->st, KIND_CONTACT, NULL, &out->contacts,
				       err);
	if (rc != MEND_OK)
		return rc;
	out->periods = (long)pl->n;
	for (size_t i = 0; i < pl->n; i++) {
		const struct period *p = &pl->items[i];
		long d = nocontact_period_days(j, p);
		if (d > out->longest_days)
			out->longest_days = d;
		if (!p->ended_at[0]) {
			time_t start;
			out->started = true;
			memcpy(out->period_start, p->started_at,
			       sizeof out->period_start);
			if (clock_parse_iso(p->started_at, &start))
				clock_elapsed(start, j->now, &out->days,
					      &out->hours);
		}
	}
	/* Only the days are needed: read them without the content when it
	 * is not loaded (the status line at every shell prompt). */
	int scanned[64];
	size_t n = 0;
	if (out->started && !j->content)
		n = content_milestone_days(scanned, 64);
	else if (out->started)
		n = j->content->n_milestones;
	for (size_t i = 0; i < n; i++) {
		int day =
		    j->content ? j->content->milestones[i].day : scanned[i];
		if (day <= out->days)
			out->last_milestone = day;
		else if (!out->next_milestone)
			out->next_milestone = day;
	}
	return MEND_OK;
}

static enum mend_rc new_period(struct journal *j, const char *start,
			       struct mend_err *err)
{
	struct period p = {0};
	enum mend_rc rc = uuid_new(p.uuid, err);
	if (rc != MEND_OK)
		return rc;
	memcpy(p.started_at, start, sizeof p.started_at);
	memcpy(p.created_at, j->now_iso, sizeof p.created_at);
	memcpy(p.updated_at, j->now_iso, sizeof p.updated_at);
	return store_period_insert(j->st, &p, err);
}

enum mend_rc nocontact_check_name(const char *name, struct mend_err *err)
{
	enum mend_rc rc = journal_check_text("name", name, strlen(name),
					     JOURNAL_NAME_MAX, false, err);
	if (rc == MEND_OK && strpbrk(name, "\n\r\t"))
		rc = mend_err_set(err, MEND_EINVAL, "name: must be on one line");
	return rc;
}

static enum mend_rc check_start(struct journal *j, const char *date, int goal,
				const char *name, time_t *start,
				struct mend_err *err)
{
	struct mend_date d;

	if (date) {
		if (!clock_parse_date(date, &d))
			return mend_err_set(err, MEND_EINVAL,
					    "date: '%.40s' is not a date; use "
					    "YYYY-MM-DD, the day of the last "
					    "contact",
					    date);
		*start = clock_local_midnight(d);
		if (*start > j->now)
			return mend_err_set(err, MEND_EINVAL,
					    "date: %s is in the future; give the "
					    "day of the last contact",
					    date);
	}
	if (goal != ENTRY_NONE && (goal < 1 || goal > JOURNAL_GOAL_MAX))
		return mend_err_set(err, MEND_EINVAL,
				    "goal: %d is not in 1..%d days", goal,
				    JOURNAL_GOAL_MAX);
	return name ? nocontact_check_name(name, err) : MEND_OK;
}

/* The name without the spaces around it, as it is shown and matched;
 * a new string (caller frees), or NULL when out of memory. */
static char *trim_name(const char *name)
{
	size_t n;
	name += strspn(name, " ");
	n = strlen(name);
	while (n && name[n - 1] == ' ')
		n--;
	return strndup(name, n);
}

enum mend_rc nocontact_start(struct journal *j, const char *date, int goal,
			     const char *given_name, struct mend_err *err)
{
	struct period cur;
	time_t start = 0;
	char start_iso[CLOCK_ISO_LEN], num[16];
	char *name = given_name ? trim_name(given_name) : NULL;
	enum mend_rc rc = given_name && !name
			      ? mend_err_set(err, MEND_ENOMEM, "out of memory")
			      : check_start(j, date, goal, name, &start, err);

	if (rc == MEND_OK)
		rc = store_begin(j->st, err);
	if (rc != MEND_OK) {
		free(name);
		return rc;
	}
	rc = store_period_current(j->st, &cur, err);
	if (rc == MEND_ENOTFOUND) {
		if (!date)
			rc = mend_err_set(err, MEND_EINVAL,
					  "date: needed the first time: when "
					  "was the last contact? (--date "
					  "YYYY-MM-DD)");
		else {
			clock_format_iso(start, start_iso);
			rc = new_period(j, start_iso, err);
		}
	} else if (rc == MEND_OK && date) {
		const struct period_list *pl;
		clock_format_iso(start, start_iso);
		rc = journal_periods(j, &pl, err);
		/* Moving the start earlier than a contact that ended the
		 * previous period would rewrite history. */
		if (rc == MEND_OK && pl->n > 1 &&
		    strcmp(start_iso, pl->items[pl->n - 2].ended_at) < 0)
			rc = mend_err_set(err, MEND_EINVAL,
					  "date: %s is before the contact of "
					  "%.10s that began this period; the "
					  "start can only move later",
					  date, pl->items[pl->n - 2].ended_at);
		if (rc == MEND_OK) {
			memcpy(cur.started_at, start_iso, sizeof cur.started_at);
			memcpy(cur.updated_at, j->now_iso, sizeof cur.updated_at);
			rc = store_period_update(j->st, &cur, err);
		}
	}
	if (rc == MEND_OK && date)
		rc = store_setting_set(j->st, "start_date", date, j->now_iso, err);
	if (rc == MEND_OK && goal != ENTRY_NONE) {
		snprintf(num, sizeof num, "%d", goal);
		rc = store_setting_set(j->st, "goal_days", num, j->now_iso, err);
	}
	if (rc == MEND_OK && name)
		rc = store_setting_set(j->st, "ex_name", *name ? name : NULL,
				       j->now_iso, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	journal_invalidate(j);
	if (rc == MEND_OK && goal != ENTRY_NONE)
		j->goal_days = goal;
	free(name);
	return rc;
}

enum mend_rc nocontact_name(struct journal *j, char *buf, size_t n,
			    struct mend_err *err)
{
	enum mend_rc rc = store_setting_get(j->st, "ex_name", buf, n, err);
	if (rc == MEND_ENOTFOUND) {
		buf[0] = '\0';
		rc = MEND_OK;
	}
	return rc;
}

static enum mend_rc check_contact(const struct contact_input *in,
				  struct mend_err *err)
{
	if (in->initiator && strcmp(in->initiator, "me") != 0 &&
	    strcmp(in->initiator, "them") != 0)
		return mend_err_set(err, MEND_EINVAL,
				    "by: '%.32s' is not one of me, them",
				    in->initiator);
	if (in->channel && !nocontact_channel_valid(in->channel))
		return mend_err_set(err, MEND_EINVAL,
				    "channel: '%.32s' is not one of text, call, "
				    "social, in-person, other",
				    in->channel);
	return journal_check_text("note", in->note,
				  in->note ? strlen(in->note) : 0,
				  JOURNAL_NOTE_MAX, false, err);
}

enum mend_rc nocontact_record_contact(struct journal *j,
				      const struct contact_input *in,
				      struct contact_result *out,
				      struct mend_err *err)
{
	struct entry e;
	struct period cur;
	const char *initiator = in->initiator ? in->initiator : "me";
	enum mend_rc rc = check_contact(in, err);

	memset(out, 0, sizeof *out);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_CONTACT;
	e.initiator = initiator;
	e.channel = in->channel ? in->channel : "other";
	e.necessary = in->necessary;
	e.breaks_period = strcmp(initiator, "me") == 0 && !in->necessary;
	e.text = in->note ? in->note : "";
	memcpy(e.created_at, j->now_iso, sizeof e.created_at);
	memcpy(e.updated_at, j->now_iso, sizeof e.updated_at);
	rc = uuid_new(e.uuid, err);
	if (rc == MEND_OK)
		rc = store_entry_insert(j->st, &e, err);
	if (rc != MEND_OK || !e.breaks_period)
		goto done;
	rc = store_period_current(j->st, &cur, err);
	if (rc == MEND_OK) {
		if (strcmp(cur.started_at, j->now_iso) > 0) {
			rc = mend_err_set(err, MEND_EINVAL,
					  "time: the current period starts "
					  "after now (%s); check the clock",
					  cur.started_at);
			goto done;
		}
		out->previous_days = nocontact_period_days(j, &cur);
		memcpy(cur.ended_at, j->now_iso, sizeof cur.ended_at);
		memcpy(cur.updated_at, j->now_iso, sizeof cur.updated_at);
		rc = store_period_update(j->st, &cur, err);
	} else if (rc == MEND_ENOTFOUND) {
		rc = MEND_OK; /* the first contact logged starts the timer */
	}
	if (rc == MEND_OK)
		rc = new_period(j, j->now_iso, err);
	out->restarted = rc == MEND_OK;
done:
	if (rc == MEND_OK)
		memcpy(out->uuid, e.uuid, sizeof out->uuid);
	journal_invalidate(j);
	return rc;
}

enum mend_rc nocontact_log_contact(struct journal *j,
				   const struct contact_input *in,
				   struct contact_result *out,
				   struct mend_err *err)
{
	enum mend_rc rc = check_contact(in, err);
	if (rc == MEND_OK)
		rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = nocontact_record_contact(j, in, out, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	journal_invalidate(j);
	return rc;
}

enum mend_rc nocontact_log_urge(struct journal *j, int level, const char *note,
				char uuid[UUID_LEN], struct mend_err *err)
{
	struct entry e;

	if (level < 1 || level > 10)
		return mend_err_set(err, MEND_EINVAL,
				    "level: %d is not in 1..10", level);
	enum mend_rc rc = journal_check_text(
		"note", note, note ? strlen(note) : 0, JOURNAL_NOTE_MAX, false, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_URGE;
	e.urge = level;
	e.text = note ? note : "";
	return journal_save_entry(j, &e, uuid, err);
}

enum mend_rc nocontact_write_unsent(struct journal *j, const char *text,
				    size_t len, char uuid[UUID_LEN],
				    struct mend_err *err)
{
	struct entry e;
	enum mend_rc rc =
		journal_check_text("text", text, len, JOURNAL_TEXT_MAX, true, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_UNSENT;
	e.text = text;
	return journal_save_entry(j, &e, uuid, err);
}

enum mend_rc nocontact_seal(struct journal *j, int until_day, const char *text,
			    size_t len, char uuid[UUID_LEN],
			    struct mend_err *err)
{
	struct nocontact_status s;
	struct entry e;
	enum mend_rc rc =
		journal_check_text("text", text, len, JOURNAL_TEXT_MAX, true, err);

	if (rc == MEND_OK)
		rc = nocontact_status(j, &s, err);
	if (rc != MEND_OK)
		return rc;
	if (!s.started)
		return mend_err_set(err, MEND_EINVAL,
				    "until-day: the no-contact timer has not "
				    "started; set it first with 'mend start "
				    "--date YYYY-MM-DD'");
	if (until_day <= s.days || until_day > JOURNAL_GOAL_MAX)
		return mend_err_set(err, MEND_EINVAL,
				    "until-day: %d is not in %ld..%d (today is "
				    "day %ld of no contact)",
				    until_day, s.days + 1, JOURNAL_GOAL_MAX,
				    s.days);
	entry_init(&e);
	e.kind = KIND_SEALED;
	e.open_day = until_day;
	e.text = text;
	return journal_save_entry(j, &e, uuid, err);
}

enum mend_rc nocontact_restart_from(struct journal *j, const char *date,
				    struct mend_err *err)
{
	struct period cur;
	time_t start = 0;
	char start_iso[CLOCK_ISO_LEN];
	enum mend_rc rc = check_start(j, date, ENTRY_NONE, NULL, &start, err);

	if (rc == MEND_OK && !date)
		rc = mend_err_set(err, MEND_EINVAL, "date: missing");
	if (rc != MEND_OK)
		return rc;
	clock_format_iso(start, start_iso);
	rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_period_current(j->st, &cur, err);
	if (rc == MEND_ENOTFOUND)
		rc = mend_err_set(err, MEND_EINVAL,
				  "date: the count has not started yet");
	else if (rc == MEND_OK && strcmp(start_iso, cur.started_at) <= 0)
		rc = mend_err_set(err, MEND_EINVAL,
				  "date: %s is not after the current start "
				  "(%.10s)",
				  date, cur.started_at);
	if (rc == MEND_OK) {
		memcpy(cur.ended_at, start_iso, sizeof cur.ended_at);
		memcpy(cur.updated_at, j->now_iso, sizeof cur.updated_at);
		rc = store_period_update(j->st, &cur, err);
	}
	if (rc == MEND_OK)
		rc = new_period(j, start_iso, err);
	if (rc == MEND_OK)
		rc = store_setting_set(j->st, "start_date", date, j->now_iso,
				       err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	journal_invalidate(j);
	return rc;
}

enum mend_rc nocontact_stop(struct journal *j, struct mend_err *err)
{
	struct period cur;
	enum mend_rc rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_period_current(j->st, &cur, err);
	if (rc == MEND_ENOTFOUND)
		rc = mend_err_set(err, MEND_EINVAL,
				  "count: it is not running, so there is "
				  "nothing to stop");
	if (rc == MEND_OK) {
		memcpy(cur.ended_at, j->now_iso, sizeof cur.ended_at);
		memcpy(cur.updated_at, j->now_iso, sizeof cur.updated_at);
		rc = store_period_update(j->st, &cur, err);
	}
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	journal_invalidate(j);
	return rc;
}
