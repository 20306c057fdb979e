/* SPDX-License-Identifier: MIT */
/* Streaks, contacts, periods, milestones and sealed letters. */
#include <stdio.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/nocontact.h"
#include "test.h"

static long streak(struct journal *j)
{
	struct nocontact_status s;
	if (nocontact_status(j, &s, NULL) != MEND_OK)
		return -1;
	return s.days;
}

static enum mend_rc contact(struct journal *j, const char *by, bool necessary,
			    struct contact_result *r)
{
	struct contact_input in = {.initiator = by, .necessary = necessary};
	return nocontact_log_contact(j, &in, r, NULL);
}

TEST(test_start_sets_streak_from_the_date)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct nocontact_status s;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.started && s.days == 10 && s.hours == 9);
	CHECK(s.goal_days == 30);
	CHECK(s.last_milestone == 7 && s.next_milestone == 14);
	test_journal_done(j);
}

TEST(test_start_refuses_a_future_date_and_writes_nothing)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct mend_err err = {""};
	struct nocontact_status s;
	CHECK(j);
	CHECK(nocontact_start(j, "2026-01-12", ENTRY_NONE, NULL, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "2026-01-12") && strstr(err.msg, "future"));
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(!s.started);
	test_journal_done(j);
}

TEST(test_contact_by_them_keeps_streak)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_result r;
	struct nocontact_status s;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(contact(j, "them", false, &r));
	CHECK(!r.restarted);
	CHECK_OK(contact(j, "me", true, &r));
	CHECK(!r.restarted);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.days == 10 && s.contacts == 2 && s.periods == 1);
	test_journal_done(j);
}

TEST(test_contact_by_me_restarts_and_keeps_history)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_result r;
	struct nocontact_status s;
	const struct period_list *pl;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(contact(j, "me", false, &r));
	CHECK(r.restarted && r.previous_days == 10);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.days == 0 && s.periods == 2 && s.longest_days == 10);
	CHECK_OK(journal_periods(j, &pl, NULL));
	CHECK(pl->n == 2);
	CHECK(strcmp(pl->items[0].ended_at, "2026-01-11T09:00:00Z") == 0);
	CHECK(strcmp(pl->items[1].started_at, "2026-01-11T09:00:00Z") == 0);
	CHECK(pl->items[1].ended_at[0] == '\0');
	test_journal_done(j);
}

TEST(test_streaks_after_several_contacts)
{
	struct journal *j = test_journal("2026-01-05T12:00:00Z", "UTC");
	struct contact_result r;
	struct nocontact_status s;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL)); /* 4 days */
	CHECK_OK(contact(j, "me", false, &r));
	test_set_now(j, "2026-01-25T12:00:00Z"); /* 20 days */
	CHECK_OK(contact(j, "me", false, &r));
	test_set_now(j, "2026-01-28T12:00:00Z"); /* 3 days */
	CHECK_OK(contact(j, "me", false, &r));
	test_set_now(j, "2026-02-03T18:00:00Z");
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.periods == 4);
	CHECK(s.longest_days == 20);
	CHECK(s.days == 6 && s.hours == 6);
	CHECK(s.contacts == 3);
	test_journal_done(j);
}

TEST(test_longest_streak_counts_the_running_period)
{
	struct journal *j = test_journal("2026-01-03T00:00:00Z", "UTC");
	struct contact_result r;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(contact(j, "me", false, &r));
	test_set_now(j, "2026-02-03T00:00:00Z");
	struct nocontact_status s;
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.longest_days == 31 && s.days == 31);
	test_journal_done(j);
}

TEST(test_start_cannot_move_before_the_contact_that_began_the_period)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_result r;
	struct mend_err err = {""};
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(contact(j, "me", false, &r));
	test_set_now(j, "2026-01-20T09:00:00Z");
	CHECK(nocontact_start(j, "2026-01-05", ENTRY_NONE, NULL, &err) == MEND_EINVAL);
	CHECK(streak(j) == 9);
	CHECK_OK(nocontact_start(j, "2026-01-15", ENTRY_NONE, NULL, NULL));
	CHECK(streak(j) == 5);
	test_journal_done(j);
}

TEST(test_first_contact_without_start_begins_the_timer)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_result r;
	CHECK(j);
	CHECK_OK(contact(j, "me", false, &r));
	test_set_now(j, "2026-01-13T09:00:00Z");
	CHECK(streak(j) == 2);
	test_journal_done(j);
}

TEST(test_milestone_messages_exist_for_the_usual_days)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	CHECK(j);
	int days[] = {1, 3, 7, 14, 21, 30, 60, 90, 180, 365};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
		CHECK(nocontact_milestone_message(j, days[i]) != NULL);
	CHECK(nocontact_milestone_message(j, 8) == NULL);
	test_journal_done(j);
}

struct seen {
	char text[64];
	int n;
};

static void grab(const struct entry *e, void *ctx)
{
	struct seen *s = ctx;
	snprintf(s->text, sizeof s->text, "%s", e->text);
	s->n++;
}

TEST(test_sealed_letter_opens_on_its_day_only)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN];
	struct seen s = {"", 0};
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK(nocontact_seal(j, 10, "too soon", 8, uuid, NULL) == MEND_EINVAL);
	CHECK_OK(nocontact_seal(j, 14, "dear me", 7, uuid, NULL));
	CHECK_OK(journal_find(j, uuid, grab, &s, NULL));
	CHECK(s.n == 1 && s.text[0] == '\0');
	test_set_now(j, "2026-01-15T00:00:00Z");
	CHECK_OK(journal_find(j, uuid, grab, &s, NULL));
	CHECK(strcmp(s.text, "dear me") == 0);
	test_journal_done(j);
}

TEST(test_sealed_letter_stays_sealed_when_a_slip_resets_the_count)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN];
	struct contact_result r;
	struct seen s = {"x", 0};
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_seal(j, 14, "dear me", 7, uuid, NULL));
	test_set_now(j, "2026-01-13T00:00:00Z");
	CHECK_OK(contact(j, "me", false, &r));
	test_set_now(j, "2026-01-20T00:00:00Z"); /* day 7 of the new period */
	CHECK_OK(journal_find(j, uuid, grab, &s, NULL));
	CHECK(s.text[0] == '\0');
	test_set_now(j, "2026-01-27T00:00:00Z"); /* day 14 */
	CHECK_OK(journal_find(j, uuid, grab, &s, NULL));
	CHECK(strcmp(s.text, "dear me") == 0);
	test_journal_done(j);
}

TEST(test_urge_level_is_checked)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN];
	struct mend_err err = {""};
	CHECK(j);
	CHECK(nocontact_log_urge(j, 11, NULL, uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "level") && strstr(err.msg, "11"));
	CHECK_OK(nocontact_log_urge(j, 10, NULL, uuid, NULL));
	test_journal_done(j);
}
