/* SPDX-License-Identifier: MIT */
/* Suggestions and the status summary. */
#include <stdio.h>
#include <string.h>

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

TEST(test_suggestion_follows_the_journal)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	enum module m;
	char uuid[UUID_LEN];
	CHECK(j);
	CHECK(why(j, &m) == SUGGEST_NO_START && m == MODULE_NOCONTACT);
	CHECK_OK(nocontact_start(j, "2026-01-10", ENTRY_NONE, NULL, NULL));
	CHECK(why(j, &m) == SUGGEST_EARLY_DAYS && m == MODULE_NOCONTACT);
	test_set_now(j, "2026-01-15T09:00:00Z");
	CHECK(why(j, &m) == SUGGEST_REFLECT_START && m == MODULE_REFLECTION);
	for (int i = 0; i < 3; i++)
		CHECK_OK(reflection_save(j, MODULE_REFLECTION, NULL, "x", 1, uuid,
					 NULL));
	CHECK(why(j, &m) == SUGGEST_GROWTH_QUIET && m == MODULE_GROWTH);
	CHECK_OK(growth_log(j, "rest", ENTRY_NONE, "nap", 3, uuid, NULL));
	CHECK(why(j, &m) == SUGGEST_REFLECT_MORE && m == MODULE_REFLECTION);
	test_set_now(j, "2026-02-01T09:00:00Z");
	CHECK_OK(growth_log(j, "rest", ENTRY_NONE, "nap", 3, uuid, NULL));
	CHECK(why(j, &m) == SUGGEST_ACCEPTANCE_READY && m == MODULE_ACCEPTANCE);
	struct checkin_input in = {3, 9, ENTRY_NONE, NULL};
	struct checkin_result r;
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(why(j, &m) == SUGGEST_URGES_HIGH && m == MODULE_NOCONTACT);
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
