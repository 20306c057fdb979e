/* SPDX-License-Identifier: MIT */
/* Taking back a contact logged by mistake: the newest contact that
 * restarted the count goes, and the two periods around it become one
 * again. Also whether a contact was logged since a moment, which the
 * check-in asks before logging one. Part of the no-contact module
 * (mend/nocontact.h); kept apart so that nocontact.c stays small. */
#include <string.h>

#include "mend/nocontact.h"

struct last_restart {
	struct entry *e;
};

static int find_restart(const struct entry *e, void *ctx)
{
	struct last_restart *l = ctx;
	if (e->breaks_period != 1)
		return 0;
	l->e = entry_dup(e);
	return 1;
}

/* The newest contact that restarted the count; *out is NULL when there
 * is none. Caller frees with entry_free. */
static enum mend_rc latest_restart(struct journal *j, struct entry **out,
				   struct mend_err *err)
{
	struct entry_filter f = {.module = -1, .kind = KIND_CONTACT};
	struct last_restart l = {NULL};
	enum mend_rc rc = store_entries_each(j->st, &f, find_restart, &l, err);
	*out = NULL;
	if (rc != MEND_OK) {
		entry_free(l.e);
		return rc;
	}
	*out = l.e;
	return MEND_OK;
}

enum mend_rc nocontact_last_restart(struct journal *j,
				    char created_at[CLOCK_ISO_LEN],
				    struct mend_err *err)
{
	struct entry *e = NULL;
	enum mend_rc rc = latest_restart(j, &e, err);
	if (rc == MEND_OK && !e)
		rc = MEND_ENOTFOUND;
	if (rc == MEND_OK)
		memcpy(created_at, e->created_at, CLOCK_ISO_LEN);
	entry_free(e);
	return rc;
}

struct day_contacts {
	const char *skip; /* the contact being undone */
	long n;
};

static int count_other(const struct entry *e, void *ctx)
{
	struct day_contacts *d = ctx;
	d->n += strcmp(e->uuid, d->skip) != 0;
	return 0;
}

struct found_checkin {
	struct entry *e;
};

static void keep_checkin(const struct entry *e, void *ctx)
{
	((struct found_checkin *)ctx)->e = entry_dup(e);
}

/* The check-in of the contact's journal day said "there was contact";
 * with the contact gone and no other one that day, it says so no more. */
static enum mend_rc forget_checkin_contact(struct journal *j,
					   const struct entry *contact,
					   struct mend_err *err)
{
	time_t t;
	struct mend_date d;
	char day[CLOCK_DATE_LEN], since[CLOCK_ISO_LEN], until[CLOCK_ISO_LEN];
	struct found_checkin fc = {NULL};
	struct day_contacts dc = {contact->uuid, 0};
	enum mend_rc rc;

	if (!clock_parse_iso(contact->created_at, &t))
		return MEND_OK;
	d = clock_journal_day(t, j->day_start_hour);
	clock_format_date(d, day);
	rc = store_checkin_by_day(j->st, day, keep_checkin, &fc, err);
	if (rc == MEND_ENOTFOUND)
		return MEND_OK;
	if (rc == MEND_OK && !fc.e)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc != MEND_OK || fc.e->contact != 1)
		goto done;
	long first = clock_days_from_civil(d);
	clock_format_iso(clock_local_midnight(d) + j->day_start_hour * 3600,
			 since);
	clock_format_iso(
	    clock_local_midnight(clock_civil_from_days(first + 1)) +
		j->day_start_hour * 3600,
	    until);
	struct entry_filter f = {
	    .module = -1, .kind = KIND_CONTACT, .since = since, .until = until};
	rc = store_entries_each(j->st, &f, count_other, &dc, err);
	if (rc == MEND_OK && dc.n == 0) {
		fc.e->contact = 0;
		memcpy(fc.e->updated_at, j->now_iso, sizeof fc.e->updated_at);
		rc = store_entry_update(j->st, fc.e, err);
	}
done:
	entry_free(fc.e);
	return rc;
}

/* Join the period the contact ended with the one it began: the earlier
 * one takes the later one's end (or runs again) and the later one goes.
 * When the contact began the very first period, that period goes. */
static enum mend_rc rejoin_periods(struct journal *j, const struct entry *c,
				   struct mend_err *err)
{
	const struct period_list *pl;
	enum mend_rc rc = journal_periods(j, &pl, err);
	if (rc != MEND_OK)
		return rc;
	for (size_t i = 0; i < pl->n; i++) {
		const struct period *p = &pl->items[i];
		if (strcmp(p->ended_at, c->created_at) == 0 && i + 1 < pl->n) {
			struct period before = *p;
			const struct period *after = &pl->items[i + 1];
			memcpy(before.ended_at, after->ended_at,
			       sizeof before.ended_at);
			memcpy(before.updated_at, j->now_iso,
			       sizeof before.updated_at);
			rc = store_period_delete(j->st, after->id, err);
			if (rc == MEND_OK)
				rc = store_period_update(j->st, &before, err);
			return rc;
		}
	}
	/* no period ended at the contact: it started the timer */
	for (size_t i = 0; i < pl->n; i++)
		if (strcmp(pl->items[i].started_at, c->created_at) == 0)
			return store_period_delete(j->st, pl->items[i].id, err);
	return MEND_OK;
}

enum mend_rc nocontact_undo_contact(struct journal *j, struct contact_undo *out,
				    struct mend_err *err)
{
	struct entry *c = NULL;
	enum mend_rc rc;

	memset(out, 0, sizeof *out);
	rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = latest_restart(j, &c, err);
	if (rc == MEND_OK && !c)
		rc = mend_err_set(err, MEND_ENOTFOUND,
				  "contact: no logged contact restarted your "
				  "count, so there is nothing to undo");
	if (rc == MEND_OK)
		rc = rejoin_periods(j, c, err);
	if (rc == MEND_OK)
		rc = store_entry_delete(j->st, c->uuid, err);
	if (rc == MEND_OK)
		rc = forget_checkin_contact(j, c, err);
	if (rc == MEND_OK)
		rc = store_forget_old_text(j->st, err);
	if (rc == MEND_OK) {
		memcpy(out->uuid, c->uuid, sizeof out->uuid);
		memcpy(out->created_at, c->created_at, sizeof out->created_at);
		rc = store_commit(j->st, err);
	} else {
		store_rollback(j->st);
	}
	entry_free(c);
	journal_invalidate(j);
	if (rc == MEND_OK) {
		struct nocontact_status s;
		if (nocontact_status(j, &s, NULL) == MEND_OK) {
			out->started = s.started;
			out->days = s.days;
		}
	}
	return rc;
}

enum mend_rc nocontact_contact_since(struct journal *j, const char *since,
				     bool *out, struct mend_err *err)
{
	long n = 0;
	enum mend_rc rc =
	    store_entry_count(j->st, KIND_CONTACT, since, &n, err);
	*out = rc == MEND_OK && n > 0;
	return rc;
}
