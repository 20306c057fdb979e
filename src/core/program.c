/* SPDX-License-Identifier: MIT */
/* The program's judgement: which module to suggest today, and the status
 * summary. Suggestions read the journal (days since the start, slips,
 * urges, what has been written lately) and never lock anything. */
#include "mend/program.h"

#include <string.h>

#include "mend/acceptance.h"
#include "mend/checkin.h"

#define DAY 86400

static void keep_entry(const struct entry *e, void *ctx)
{
	struct entry *out = ctx;
	*out = *e;
	/* Only integer fields and fixed buffers are read afterwards. */
	out->text = "";
	out->prompt_id = out->prompt_text = out->initiator = NULL;
	out->channel = out->category = out->tags = NULL;
	out->outcome = NULL;
}

static int latest_checkin(const struct entry *e, void *ctx)
{
	keep_entry(e, ctx);
	return 1;
}

static enum mend_rc written_since(struct journal *j, enum kind k, long days,
				  long *out, struct mend_err *err)
{
	char since[CLOCK_ISO_LEN];
	clock_format_iso(j->now - days * DAY, since);
	return store_entry_count(j->st, k, since, out, err);
}

enum mend_rc program_suggest(struct journal *j, enum module *module,
			     enum suggest_reason *reason, struct mend_err *err)
{
	struct nocontact_status s;
	struct entry last;
	struct entry_filter f = {.module = -1, .kind = KIND_CHECKIN, .limit = 1};
	long n = 0;
	enum mend_rc rc = nocontact_status(j, &s, err);

	if (rc != MEND_OK)
		return rc;
	*module = MODULE_NOCONTACT;
	if (!s.started) {
		*reason = SUGGEST_NO_START;
		return MEND_OK;
	}
	entry_init(&last);
	rc = store_entries_each(j->st, &f, latest_checkin, &last, err);
	if (rc != MEND_OK)
		return rc;
	struct mend_date last_day;
	if (last.urge >= 7 && clock_parse_date(last.day, &last_day) &&
	    clock_days_from_civil(last_day) >= journal_today(j) - 1) {
		*reason = SUGGEST_URGES_HIGH;
		return MEND_OK;
	}
	if (s.days < 3) {
		*reason = s.periods > 1 ? SUGGEST_AFTER_SLIP : SUGGEST_EARLY_DAYS;
		return MEND_OK;
	}
	rc = store_entry_count(j->st, KIND_REFLECTION, NULL, &n, err);
	if (rc != MEND_OK)
		return rc;
	if (n < 3) {
		*module = MODULE_REFLECTION;
		*reason = SUGGEST_REFLECT_START;
		return MEND_OK;
	}
	rc = written_since(j, KIND_GROWTH, 3, &n, err);
	if (rc != MEND_OK)
		return rc;
	if (n == 0) {
		*module = MODULE_GROWTH;
		*reason = SUGGEST_GROWTH_QUIET;
		return MEND_OK;
	}
	if (s.days >= 21) {
		long acc = 0, dec = 0;
		rc = written_since(j, KIND_ACCEPTANCE, 7, &acc, err);
		if (rc == MEND_OK)
			rc = written_since(j, KIND_DECISION, 7, &dec, err);
		if (rc != MEND_OK)
			return rc;
		if (acc + dec == 0) {
			*module = MODULE_ACCEPTANCE;
			*reason = SUGGEST_ACCEPTANCE_READY;
			return MEND_OK;
		}
	}
	/* Otherwise the module left alone the longest, among those the user
	 * has visited, if that was a while ago; else more reflection. */
	static const enum module order[] = {MODULE_REFLECTION, MODULE_GROWTH,
					    MODULE_ACCEPTANCE, MODULE_NOCONTACT};
	char oldest[CLOCK_ISO_LEN] = "", when[CLOCK_ISO_LEN], ago[CLOCK_ISO_LEN];
	enum module pick = MODULE_REFLECTION;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		rc = store_module_latest(j->st, (int)order[i], when, err);
		if (rc != MEND_OK)
			return rc;
		if (when[0] && (!oldest[0] || strcmp(when, oldest) < 0)) {
			memcpy(oldest, when, sizeof oldest);
			pick = order[i];
		}
	}
	clock_format_iso(j->now - 3 * DAY, ago);
	bool stale = oldest[0] && strcmp(oldest, ago) < 0;
	*module = stale ? pick : MODULE_REFLECTION;
	*reason = stale ? SUGGEST_BALANCE : SUGGEST_REFLECT_MORE;
	return MEND_OK;
}

static void keep_mood(const struct entry *e, void *ctx)
{
	*(int *)ctx = e->mood;
}

static void keep_outcome(const struct entry *e, void *ctx)
{
	struct program_status *s = ctx;
	s->has_decision = true;
	strncpy(s->decision, e->outcome ? e->outcome : "",
		sizeof s->decision - 1);
}

enum mend_rc program_status(struct journal *j, struct program_status *out,
			    struct mend_err *err)
{
	enum mend_rc rc;

	memset(out, 0, sizeof *out);
	rc = nocontact_status(j, &out->nc, err);
	if (rc == MEND_OK) {
		rc = checkin_today(j, keep_mood, &out->today_mood, err);
		out->checked_in_today = rc == MEND_OK;
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	if (rc == MEND_OK)
		rc = checkin_low_mood(j, &out->low_mood, err);
	if (rc == MEND_OK)
		rc = store_has_entries(j->st, &out->has_entries, err);
	if (rc == MEND_OK) {
		rc = acceptance_current(j, keep_outcome, out, err);
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	if (rc == MEND_OK)
		rc = program_suggest(j, &out->suggested, &out->reason, err);
	return rc;
}
