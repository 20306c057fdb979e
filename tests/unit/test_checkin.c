/* SPDX-License-Identifier: MIT */
/* The daily check-in. */
#include <stdio.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/nocontact.h"
#include "test.h"

static int count(const struct entry *e, void *ctx)
{
	(void)e;
	(*(int *)ctx)++;
	return 0;
}

static int entries(struct journal *j, int module)
{
	struct journal_query q = {.module = module};
	int n = 0;
	journal_list(j, &q, count, &n, NULL);
	return n;
}

TEST(test_checkin_same_day_updates_instead_of_adding)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {5, 3, ENTRY_NONE, "first"};
	struct checkin_result r1, r2;
	CHECK(j);
	CHECK_OK(checkin_save(j, &in, &r1, NULL));
	CHECK(!r1.updated && strcmp(r1.day, "2026-01-11") == 0);
	test_set_now(j, "2026-01-12T02:00:00Z"); /* before 04:00: same day */
	in.mood = 7;
	in.urge = ENTRY_NONE;
	in.note = NULL;
	CHECK_OK(checkin_save(j, &in, &r2, NULL));
	CHECK(r2.updated && strcmp(r2.uuid, r1.uuid) == 0);
	CHECK(entries(j, MODULE_CHECKIN) == 1);
	test_journal_done(j);
}

struct got {
	int mood, urge;
	char note[32];
};

static void keep(const struct entry *e, void *ctx)
{
	struct got *g = ctx;
	g->mood = e->mood;
	g->urge = e->urge;
	snprintf(g->note, sizeof g->note, "%s", e->text);
}

TEST(test_checkin_update_keeps_fields_not_given)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input a = {5, 3, 0, "first"}, b = {8, ENTRY_NONE,
							 ENTRY_NONE, NULL};
	struct checkin_result r;
	struct got g;
	CHECK(j);
	CHECK_OK(checkin_save(j, &a, &r, NULL));
	CHECK_OK(checkin_save(j, &b, &r, NULL));
	CHECK_OK(checkin_today(j, keep, &g, NULL));
	CHECK(g.mood == 8 && g.urge == 3 && strcmp(g.note, "first") == 0);
	test_journal_done(j);
}

TEST(test_checkin_next_day_adds_a_new_one)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {5, ENTRY_NONE, ENTRY_NONE, NULL};
	struct checkin_result r;
	CHECK(j);
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	test_set_now(j, "2026-01-12T04:00:00Z");
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(!r.updated && strcmp(r.day, "2026-01-12") == 0);
	CHECK(entries(j, MODULE_CHECKIN) == 2);
	test_journal_done(j);
}

TEST(test_checkin_contact_logs_once_and_restarts_period)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {4, 8, 1, NULL};
	struct checkin_result r;
	struct nocontact_status s;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.contact_logged && r.restarted && r.previous_days == 10);
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(!r.contact_logged);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.contacts == 1 && s.periods == 2 && s.days == 0);
	test_journal_done(j);
}

TEST(test_checkin_rejects_out_of_range_and_writes_nothing)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {11, ENTRY_NONE, ENTRY_NONE, NULL};
	struct checkin_result r;
	struct mend_err err = {""};
	CHECK(j);
	CHECK(checkin_save(j, &in, &r, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "mood: 11 is not in 1..10"));
	in.mood = 5;
	in.urge = 12;
	CHECK(checkin_save(j, &in, &r, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "urge: 12"));
	in.urge = ENTRY_NONE;
	in.note = "\xff";
	CHECK(checkin_save(j, &in, &r, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "note") && strstr(err.msg, "UTF-8"));
	CHECK(entries(j, -1) == 0);
	test_journal_done(j);
}

TEST(test_low_mood_needs_three_low_check_ins_in_a_row)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {2, ENTRY_NONE, ENTRY_NONE, NULL};
	struct checkin_result r;
	CHECK(j);
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(!r.low_mood);
	test_set_now(j, "2026-01-12T09:00:00Z");
	in.mood = 1;
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(!r.low_mood);
	test_set_now(j, "2026-01-13T09:00:00Z");
	in.mood = 2;
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.low_mood);
	test_set_now(j, "2026-01-14T09:00:00Z");
	in.mood = 3;
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(!r.low_mood);
	test_journal_done(j);
}

TEST(test_moods_have_gaps_for_missed_days)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {6, ENTRY_NONE, ENTRY_NONE, NULL};
	struct checkin_result r;
	int moods[5];
	CHECK(j);
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	test_set_now(j, "2026-01-13T09:00:00Z");
	in.mood = 9;
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK_OK(checkin_moods(j, 5, moods, NULL));
	CHECK(moods[0] == 0 && moods[1] == 0 && moods[2] == 6);
	CHECK(moods[3] == 0 && moods[4] == 9);
	test_journal_done(j);
}

TEST(test_milestone_reached_today_is_reported)
{
	struct journal *j = test_journal("2026-01-08T09:00:00Z", "UTC");
	struct checkin_input in = {6, ENTRY_NONE, ENTRY_NONE, NULL};
	struct checkin_result r;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.milestone_today == 7 && r.streak_days == 7);
	test_set_now(j, "2026-01-09T09:00:00Z");
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.milestone_today == 0);
	test_journal_done(j);
}
