/* SPDX-License-Identifier: MIT */
/* Suggestions and the status summary. */
#include <stdio.h>
#include <string.h>

#include "mend/acceptance.h"
#include "mend/checkin.h"
#include "mend/growth.h"
#include "mend/program.h"
#include "mend/reflection.h"
#include "test.h"

static enum suggest_reason why(struct journal *j, enum module *m)
{
	enum suggest_reason r = SUGGEST_COUNT;
	program_suggest(j, m, &r, NULL);
	return r;
}

/* The reasons suggested on each of `days` mornings from 2026-01-day0,
 * as a bit set; the clock is left on the last. */
static unsigned reasons_over(struct journal *j, int day0, int days)
{
	unsigned seen = 0;
	char now[32];
	enum module m;
	for (int d = day0; d < day0 + days; d++) {
		snprintf(now, sizeof now, "2026-%02d-%02dT09:00:00Z",
			 1 + (d - 1) / 31, 1 + (d - 1) % 31);
		test_set_now(j, now);
		seen |= 1u << why(j, &m);
	}
	return seen;
}

#define BIT(r) (1u << (r))

TEST(test_suggestion_follows_the_journal)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	enum module m;
	char uuid[UUID_LEN];
	CHECK(j);
	CHECK(why(j, &m) == SUGGEST_NO_START && m == MODULE_NOCONTACT);
	CHECK_OK(nocontact_start(j, "2026-01-10", ENTRY_NONE, NULL, NULL));
	CHECK(why(j, &m) == SUGGEST_EARLY_DAYS && m == MODULE_NOCONTACT);
	/* nothing written yet: reflection and growth take turns */
	CHECK(reasons_over(j, 15, 2) ==
	      (BIT(SUGGEST_REFLECT_START) | BIT(SUGGEST_GROWTH_QUIET)));
	for (int i = 0; i < 3; i++)
		CHECK_OK(reflection_save(j, MODULE_REFLECTION, NULL, "x", 1, uuid,
					 NULL));
	CHECK(reasons_over(j, 15, 2) ==
	      (BIT(SUGGEST_GROWTH_QUIET) | BIT(SUGGEST_REFLECT_MORE)));
	CHECK_OK(growth_log(j, "rest", ENTRY_NONE, "nap", 3, uuid, NULL));
	CHECK(why(j, &m) == SUGGEST_REFLECT_MORE && m == MODULE_REFLECTION);
	test_set_now(j, "2026-02-01T09:00:00Z");
	CHECK_OK(growth_log(j, "rest", ENTRY_NONE, "nap", 3, uuid, NULL));
	CHECK(reasons_over(j, 32, 2) & BIT(SUGGEST_ACCEPTANCE_READY));
	struct checkin_input in = {5, 9, ENTRY_NONE, NULL};
	struct checkin_result r;
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(why(j, &m) == SUGGEST_URGES_HIGH && m == MODULE_NOCONTACT);
	test_journal_done(j);
}

TEST(test_low_day_gets_care_and_calm_day_good_news)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input low = {2, 6, ENTRY_NONE, NULL};
	struct checkin_input calm = {8, 1, ENTRY_NONE, NULL};
	struct checkin_result r;
	enum module m;
	CHECK(j);
	/* a low day comes before everything, even before the start date */
	CHECK_OK(checkin_save(j, &low, &r, NULL));
	enum suggest_reason w = why(j, &m);
	CHECK((w == SUGGEST_LOW_CARE || w == SUGGEST_LOW_COMPANY) &&
	      m == MODULE_GROWTH);
	CHECK(reasons_over(j, 11, 2) ==
	      (BIT(SUGGEST_LOW_CARE) | BIT(SUGGEST_LOW_COMPANY)));
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &calm, &r, NULL));
	/* saved on the 12th; on the 13th it is yesterday's, still recent */
	CHECK(reasons_over(j, 13, 1) &
	      (BIT(SUGGEST_CALM_GROWTH) | BIT(SUGGEST_CALM_REFLECT)));
	/* two days later it is no longer today's mood */
	CHECK(!(reasons_over(j, 14, 2) &
		(BIT(SUGGEST_CALM_GROWTH) | BIT(SUGGEST_CALM_REFLECT) |
		 BIT(SUGGEST_CALM_ACCEPT))));
	test_journal_done(j);
}

TEST(test_decision_to_reconnect_stops_no_contact_suggestions)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_input in = {"me", "text", false, NULL};
	struct contact_result r;
	char uuid[UUID_LEN];
	enum module m;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_log_contact(j, &in, &r, NULL));
	CHECK(why(j, &m) == SUGGEST_AFTER_SLIP && m == MODULE_NOCONTACT);
	CHECK_OK(acceptance_decide(j, "reconnect", NULL, uuid, NULL));
	unsigned seen = reasons_over(j, 11, 6);
	CHECK(seen & BIT(SUGGEST_DECIDED_RECONNECT));
	CHECK(!(seen & (BIT(SUGGEST_AFTER_SLIP) | BIT(SUGGEST_EARLY_DAYS) |
			BIT(SUGGEST_URGES_HIGH) | BIT(SUGGEST_NO_START))));
	CHECK(why(j, &m) != SUGGEST_COUNT && m != MODULE_NOCONTACT);
	CHECK_OK(acceptance_decide(j, "part-ways", NULL, uuid, NULL));
	CHECK_OK(nocontact_log_contact(j, &in, &r, NULL));
	CHECK(why(j, &m) == SUGGEST_AFTER_SLIP && m == MODULE_NOCONTACT);
	test_journal_done(j);
}

TEST(test_suggestion_after_a_slip)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_input in = {"me", "text", false, NULL};
	struct contact_result r;
	enum module m;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_log_contact(j, &in, &r, NULL));
	CHECK(why(j, &m) == SUGGEST_AFTER_SLIP && m == MODULE_NOCONTACT);
	test_journal_done(j);
}

TEST(test_status_summarises_today)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct program_status s;
	struct checkin_input in = {6, 2, 0, "fine"};
	struct checkin_result r;
	CHECK(j);
	CHECK_OK(program_status(j, &s, NULL));
	CHECK(!s.checked_in_today && !s.nc.started && !s.has_entries);
	CHECK_OK(nocontact_start(j, "2026-01-01", 45, NULL, NULL));
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK_OK(program_status(j, &s, NULL));
	CHECK(s.checked_in_today && s.today_mood == 6);
	CHECK(s.nc.days == 10 && s.nc.goal_days == 45 && s.has_entries);
	test_journal_done(j);
}
