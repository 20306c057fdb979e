/* SPDX-License-Identifier: MIT */
/* The daily check-in. Its day is the journal day (local date, shifted by
 * the day-start hour), so a check-in at 1 a.m. belongs to the evening
 * before. */
#include "mend/checkin.h"
#include "mend/tags.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "mend/nocontact.h"

struct existing {
	struct entry *e;
};

static void keep(const struct entry *e, void *ctx)
{
	((struct existing *)ctx)->e = entry_dup(e);
}

static enum mend_rc check_input(const struct checkin_input *in,
				const char *tags, struct mend_err *err)
{
	if (in->mood < 1 || in->mood > 10)
		return mend_err_set(err, MEND_EINVAL,
				    "mood: %d is not in 1..10", in->mood);
	if (in->urge != ENTRY_NONE && (in->urge < 0 || in->urge > 10))
		return mend_err_set(err, MEND_EINVAL,
				    "urge: %d is not in 0..10", in->urge);
	if (in->contact != ENTRY_NONE && in->contact != 0 &&
	    (in->contact < 0 ||
	     in->contact > (CHECKIN_CONTACT | CHECKIN_BY_THEM | CHECKIN_NECESSARY) ||
	     !(in->contact & CHECKIN_CONTACT)))
		return mend_err_set(err, MEND_EINVAL,
				    "contact: must be yes or no");
	for (const char *p = tags; p && *p;) {
		char tag[TAG_MAX_BYTES + 2];
		size_t len = strcspn(p, " ");
		snprintf(tag, sizeof tag, "%.*s",
			 (int)(len > TAG_MAX_BYTES ? TAG_MAX_BYTES + 1 : len),
			 p);
		enum mend_rc rc = len ? tags_check("tag", tag, err) : MEND_OK;
		if (rc != MEND_OK)
			return rc;
		p += len + (p[len] == ' ');
	}
	return journal_check_text("note", in->note,
				  in->note ? strlen(in->note) : 0,
				  JOURNAL_NOTE_MAX, false, err);
}

enum mend_rc checkin_save(struct journal *j, const struct checkin_input *in,
			  struct checkin_result *out, struct mend_err *err)
{
	return checkin_save_tagged(j, in, NULL, out, err);
}

enum mend_rc checkin_save_tagged(struct journal *j,
				 const struct checkin_input *in,
				 const char *tags, struct checkin_result *out,
				 struct mend_err *err)
{
	struct existing old = {NULL};
	struct entry e;
	bool had_contact = false;
	enum mend_rc rc = check_input(in, tags, err);

	memset(out, 0, sizeof *out);
	if (rc != MEND_OK)
		return rc;
	journal_today_str(j, out->day);
	rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_checkin_by_day(j->st, out->day, keep, &old, err);
	if (rc == MEND_OK && !old.e)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_ENOTFOUND)
		rc = MEND_OK;
	if (rc != MEND_OK)
		goto done;

	if (old.e) {
		e = *old.e;
		out->updated = true;
		had_contact = e.contact == 1;
	} else {
		entry_init(&e);
		e.kind = KIND_CHECKIN;
		memcpy(e.day, out->day, sizeof e.day);
		memcpy(e.created_at, j->now_iso, sizeof e.created_at);
		rc = uuid_new(e.uuid, err);
		if (rc != MEND_OK)
			goto done;
	}
	memcpy(e.updated_at, j->now_iso, sizeof e.updated_at);
	e.mood = in->mood;
	if (in->urge != ENTRY_NONE || !old.e)
		e.urge = in->urge;
	if (in->note || !old.e)
		e.text = in->note ? in->note : "";
	if (tags)
		e.tags = *tags ? tags : NULL;
	/* A contact once reported for the day stays reported: it was logged
	 * in the history and the history is not rewritten (undoing the
	 * contact is what takes it back). */
	bool said = in->contact != ENTRY_NONE && in->contact != 0;
	if (said || had_contact)
		e.contact = 1;
	else if (in->contact == 0 || !old.e)
		e.contact = 0;

	if (said) {
		bool logged = false;
		rc = checkin_contact_since(j, &logged, err);
		out->contact_already = rc == MEND_OK && logged;
	}
	if (rc == MEND_OK && said && !out->contact_already) {
		struct contact_input ci = {
			.initiator = in->contact & CHECKIN_BY_THEM ? "them" : "me",
			.channel = "other",
			.necessary = (in->contact & CHECKIN_NECESSARY) != 0,
			.note = NULL};
		struct contact_result cr;
		rc = nocontact_record_contact(j, &ci, &cr, err);
		out->contact_logged = rc == MEND_OK;
		out->restarted = cr.restarted;
		out->previous_days = cr.previous_days;
	}
	if (rc == MEND_OK)
		rc = old.e ? store_entry_update(j->st, &e, err)
			   : store_entry_insert(j->st, &e, err);
	/* the replaced note must leave no trace in the search index */
	if (rc == MEND_OK && old.e)
		rc = store_forget_old_text(j->st, err);
	if (rc == MEND_OK)
		memcpy(out->uuid, e.uuid, sizeof out->uuid);
done:
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	entry_free(old.e);
	journal_invalidate(j);
	if (rc == MEND_OK) {
		struct nocontact_status s;
		/* The save is already committed: these only decorate the
		 * answer, so their failure does not turn it into an error. */
		if (nocontact_status(j, &s, NULL) == MEND_OK && s.started) {
			out->streak_days = s.days;
			if (nocontact_milestone_message(j, s.days))
				out->milestone_today = (int)s.days;
		}
		checkin_low_mood(j, &out->low_mood, NULL);
	}
	return rc;
}

enum mend_rc checkin_today(struct journal *j,
			   void (*fn)(const struct entry *, void *), void *ctx,
			   struct mend_err *err)
{
	char day[CLOCK_DATE_LEN];
	journal_today_str(j, day);
	return store_checkin_by_day(j->st, day, fn, ctx, err);
}

struct last_ctx {
	const char *today;
	char *since;
};

static int find_last(const struct entry *e, void *ctx)
{
	struct last_ctx *l = ctx;
	if (strcmp(e->day, l->today) == 0)
		return 0;
	memcpy(l->since, e->created_at, CLOCK_ISO_LEN);
	return 1;
}

enum mend_rc checkin_last_time(struct journal *j, char since[CLOCK_ISO_LEN],
			       struct mend_err *err)
{
	char today[CLOCK_DATE_LEN];
	struct entry_filter f = {.module = -1, .kind = KIND_CHECKIN, .limit = 2};
	struct last_ctx l = {today, since};
	struct mend_date d = clock_journal_day(j->now, j->day_start_hour);

	journal_today_str(j, today);
	clock_format_iso(clock_local_midnight(d) + j->day_start_hour * 3600,
			 since);
	return store_entries_each(j->st, &f, find_last, &l, err);
}

enum mend_rc checkin_contact_since(struct journal *j, bool *out,
				   struct mend_err *err)
{
	char since[CLOCK_ISO_LEN];
	enum mend_rc rc = checkin_last_time(j, since, err);
	*out = false;
	if (rc == MEND_OK)
		rc = nocontact_contact_since(j, since, out, err);
	return rc;
}

enum mend_rc checkin_check_crisis_line(const char *text, struct mend_err *err)
{
	size_t len = strlen(text);
	if (len > CHECKIN_CRISIS_MAX)
		return mend_err_set(err, MEND_EINVAL,
				    "crisis-line: %zu bytes is longer than %d; "
				    "give one short line, such as a name and "
				    "a number",
				    len, CHECKIN_CRISIS_MAX);
	enum mend_rc rc = journal_check_text("crisis-line", text, len,
					     CHECKIN_CRISIS_MAX, false, err);
	if (rc != MEND_OK)
		return rc;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return mend_err_set(err, MEND_EINVAL,
					    "crisis-line: must be one line "
					    "without control characters (found "
					    "byte 0x%02x)",
					    *p);
	return MEND_OK;
}

enum mend_rc checkin_set_crisis_line(struct journal *j, const char *text,
				     struct mend_err *err)
{
	enum mend_rc rc = text ? checkin_check_crisis_line(text, err) : MEND_OK;
	if (rc == MEND_OK)
		rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_setting_set(j->st, "crisis_line", text && *text ? text : NULL,
			       j->now_iso, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	return rc;
}

enum mend_rc checkin_crisis_line(struct journal *j, char *buf, size_t n,
				 struct mend_err *err)
{
	enum mend_rc rc = store_setting_get(j->st, "crisis_line", buf, n, err);
	if (rc == MEND_ENOTFOUND) {
		buf[0] = '\0';
		rc = MEND_OK;
	}
	return rc;
}

struct low_ctx {
	int seen;
	int low;
};

static int count_low(const struct entry *e, void *ctx)
{
	struct low_ctx *l = ctx;
	l->seen++;
	l->low += e->mood >= 1 && e->mood <= 2;
	return 0;
}

enum mend_rc checkin_low_mood(struct journal *j, bool *out,
			      struct mend_err *err)
{
	struct entry_filter f = {.module = -1, .kind = KIND_CHECKIN, .limit = 3};
	struct low_ctx l = {0, 0};
	enum mend_rc rc = store_entries_each(j->st, &f, count_low, &l, err);
	*out = rc == MEND_OK && l.seen == 3 && l.low == 3;
	return rc;
}

struct mood_ctx {
	long first_day;
	int days;
	int *moods;
};

static int put_mood(const struct entry *e, void *ctx)
{
	struct mood_ctx *m = ctx;
	struct mend_date d;
	if (!clock_parse_date(e->day, &d))
		return 0;
	long i = clock_days_from_civil(d) - m->first_day;
	if (i >= 0 && i < m->days && e->mood >= 1)
		m->moods[i] = e->mood;
	return 0;
}

enum mend_rc checkin_moods(struct journal *j, int days, int *moods,
			   struct mend_err *err)
{
	long today = journal_today(j);
	struct mood_ctx m = {today - days + 1, days, moods};
	/* Check-ins are created on their day, so a window a little wider
	 * than `days` on created_at holds them all. */
	char since[CLOCK_ISO_LEN];
	clock_format_iso(clock_local_midnight(clock_civil_from_days(
				 m.first_day - 1)),
			 since);
	struct entry_filter f = {.module = -1,
				 .kind = KIND_CHECKIN,
				 .since = since,
				 .oldest_first = true};
	for (int i = 0; i < days; i++)
		moods[i] = 0;
	return store_entries_each(j->st, &f, put_mood, &m, err);
}
