/* SPDX-License-Identifier: MIT */
/* The reminder settings and when a nudge is due. */
#include <string.h>

#include "mend/checkin.h"
#include "mend/remind.h"
#include "test.h"

TEST(test_remind_at_takes_only_a_time_of_day)
{
	struct mend_err err;
	CHECK_OK(remind_check_at("00:00", NULL));
	CHECK_OK(remind_check_at("23:59", NULL));
	CHECK(remind_check_at("24:00", &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "remind-at: '24:00'"));
	CHECK(remind_check_at("12:60", NULL) == MEND_EINVAL);
	CHECK(remind_check_at("9:30", NULL) == MEND_EINVAL);
	CHECK(remind_check_at("09:30 ", NULL) == MEND_EINVAL);
	CHECK(remind_check_at("", NULL) == MEND_EINVAL);
	CHECK(remind_check_on("on", NULL, NULL) == MEND_OK);
	CHECK(remind_check_on("yes", NULL, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "remind: 'yes' is not one of on, off"));
}

TEST(test_remind_due_until_today_is_checked_in)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {5, ENTRY_NONE, ENTRY_NONE, NULL};
	struct checkin_result r;
	char at[REMIND_AT_LEN];
	bool on = false, due = false;
	CHECK(j);
	CHECK_OK(remind_settings(j, &on, at, NULL));
	CHECK(on && strcmp(at, REMIND_AT_DEFAULT) == 0);
	CHECK_OK(remind_due(j, &due, NULL));
	CHECK(due);
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK_OK(remind_due(j, &due, NULL));
	CHECK(!due);
	test_set_now(j, "2026-01-12T09:00:00Z");
	CHECK_OK(remind_due(j, &due, NULL));
	CHECK(due);
	CHECK_OK(remind_set_on(j, "off", NULL));
	CHECK_OK(remind_due(j, &due, NULL));
	CHECK(!due);
	CHECK(remind_set_at(j, "7pm", NULL) == MEND_EINVAL);
	CHECK_OK(remind_set_at(j, "06:45", NULL));
	CHECK_OK(remind_settings(j, &on, at, NULL));
	CHECK(!on && strcmp(at, "06:45") == 0);
	test_journal_done(j);
}
