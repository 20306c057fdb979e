/* SPDX-License-Identifier: MIT */
/* Undoing a mistaken contact, the check-in's contact question (who, and
 * never a second contact since the last check-in), the crisis line, and
 * the facts behind the goal day and letters that open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/milestone.h"
#include "mend/nocontact.h"
#include "test.h"

static const struct contact_input by_me = {"me", "text", false, NULL};
static const struct contact_input by_them = {"them", "text", false, NULL};

static long contacts(struct journal *j)
{
	long n = -1;
	store_entry_count(j->st, KIND_CONTACT, NULL, &n, NULL);
	return n;
}

static const struct period *period(struct journal *j, size_t i, size_t *n)
{
	const struct period_list *pl;
	if (journal_periods(j, &pl, NULL) != MEND_OK)
		return NULL;
	*n = pl->n;
	return i < pl->n ? &pl->items[i] : NULL;
}

TEST(test_undo_contact_rejoins_the_two_periods)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_result r;
	struct contact_undo u;
	struct nocontact_status s;
	size_t n = 0;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_log_contact(j, &by_me, &r, NULL));
	CHECK(r.restarted);
	test_set_now(j, "2026-01-11T10:00:00Z");
	CHECK_OK(nocontact_undo_contact(j, &u, NULL));
	CHECK(strcmp(u.uuid, r.uuid) == 0 && u.started && u.days == 10);
	const struct period *p = period(j, 0, &n);
	CHECK(p && n == 1 && !p->ended_at[0]);
	CHECK(strcmp(p->started_at, "2026-01-01T00:00:00Z") == 0);
	CHECK(contacts(j) == 0);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.days == 10 && s.longest_days == 10 && s.periods == 1);
	test_journal_done(j);
}

TEST(test_undo_contact_takes_back_only_the_latest_restart)
{
	struct journal *j = test_journal("2026-01-05T09:00:00Z", "UTC");
	struct contact_result r1, r2;
	struct contact_undo u;
	size_t n = 0;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_log_contact(j, &by_me, &r1, NULL));
	test_set_now(j, "2026-01-09T09:00:00Z");
	CHECK_OK(nocontact_log_contact(j, &by_them, &r2, NULL));
	test_set_now(j, "2026-01-11T09:00:00Z");
	CHECK_OK(nocontact_log_contact(j, &by_me, &r2, NULL));
	CHECK_OK(nocontact_undo_contact(j, &u, NULL));
	CHECK(strcmp(u.uuid, r2.uuid) == 0 && u.days == 6);
	const struct period *p = period(j, 0, &n);
	CHECK(p && n == 2);
	CHECK(strcmp(p->ended_at, "2026-01-05T09:00:00Z") == 0);
	p = period(j, 1, &n);
	CHECK(p && !p->ended_at[0]);
	CHECK(contacts(j) == 2); /* the first slip and their message stay */
	test_journal_done(j);
}

TEST(test_undo_contact_with_none_that_restarted_is_not_found)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_result r;
	struct contact_undo u;
	struct mend_err err = {""};
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_log_contact(j, &by_them, &r, NULL));
	CHECK(nocontact_undo_contact(j, &u, &err) == MEND_ENOTFOUND);
	CHECK(strstr(err.msg, "nothing to undo"));
	CHECK(contacts(j) == 1);
	test_journal_done(j);
}

TEST(test_undo_of_the_contact_that_started_the_timer_removes_its_period)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_result r;
	struct contact_undo u;
	struct nocontact_status s;
	CHECK(j);
	CHECK_OK(nocontact_log_contact(j, &by_me, &r, NULL));
	CHECK_OK(nocontact_undo_contact(j, &u, NULL));
	CHECK(!u.started);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(!s.started && s.periods == 0 && s.contacts == 0);
	test_journal_done(j);
}

struct got_contact {
	int contact;
	char note[32];
};

static void keep_checkin(const struct entry *e, void *ctx)
{
	struct got_contact *g = ctx;
	g->contact = e->contact;
	snprintf(g->note, sizeof g->note, "%s", e->text);
}

TEST(test_undo_contact_from_a_checkin_clears_its_answer)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {4, 6, CHECKIN_CONTACT, "a slip"};
	struct checkin_result r;
	struct contact_undo u;
	struct got_contact g = {-1, ""};
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.restarted);
	CHECK_OK(nocontact_undo_contact(j, &u, NULL));
	CHECK_OK(checkin_today(j, keep_checkin, &g, NULL));
	CHECK(g.contact == 0 && strcmp(g.note, "a slip") == 0);
	/* a contact said again after the undo is logged again */
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.contact_logged && r.restarted && r.previous_days == 10);
	test_journal_done(j);
}

TEST(test_checkin_does_not_log_a_second_contact_since_the_last_checkin)
{
	struct journal *j = test_journal("2026-01-10T20:00:00Z", "UTC");
	struct checkin_input no = {5, 2, 0, NULL};
	struct checkin_input yes = {4, 7, CHECKIN_CONTACT, NULL};
	struct checkin_result r;
	struct contact_result cr;
	struct nocontact_status s;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &no, &r, NULL));
	test_set_now(j, "2026-01-11T09:00:00Z");
	CHECK_OK(nocontact_log_contact(j, &by_me, &cr, NULL));
	test_set_now(j, "2026-01-11T21:00:00Z");
	CHECK_OK(checkin_save(j, &yes, &r, NULL));
	CHECK(r.contact_already && !r.contact_logged && !r.restarted);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.contacts == 1 && s.periods == 2);
	test_journal_done(j);
}

TEST(test_checkin_contact_by_them_keeps_the_count)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {5, 6, CHECKIN_CONTACT | CHECKIN_BY_THEM,
				   NULL};
	struct checkin_result r;
	struct nocontact_status s;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.contact_logged && !r.restarted && r.streak_days == 10);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.contacts == 1 && s.periods == 1 && s.days == 10);
	test_journal_done(j);
}

TEST(test_checkin_necessary_contact_by_me_keeps_the_count)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct checkin_input in = {5, 6, CHECKIN_CONTACT | CHECKIN_NECESSARY,
				   NULL};
	struct checkin_result r;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	CHECK(r.contact_logged && !r.restarted && r.streak_days == 10);
	in.contact = 8;
	CHECK(checkin_save(j, &in, &r, NULL) == MEND_EINVAL);
	test_journal_done(j);
}

TEST(test_crisis_line_is_one_short_line)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct mend_err err = {""};
	char buf[CHECKIN_CRISIS_MAX + 1], long_line[CHECKIN_CRISIS_MAX + 2];
	CHECK(j);
	CHECK_OK(checkin_crisis_line(j, buf, sizeof buf, NULL));
	CHECK(buf[0] == '\0');
	CHECK_OK(checkin_set_crisis_line(j, "Telefonseelsorge 0800 111 0 111",
					 NULL));
	CHECK_OK(checkin_crisis_line(j, buf, sizeof buf, NULL));
	CHECK(strcmp(buf, "Telefonseelsorge 0800 111 0 111") == 0);
	CHECK(checkin_set_crisis_line(j, "call\nthem", &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "crisis-line") && strstr(err.msg, "one line"));
	CHECK(checkin_set_crisis_line(j, "a\x1b[2Jb", &err) == MEND_EINVAL);
	memset(long_line, 'x', sizeof long_line - 1);
	long_line[sizeof long_line - 1] = '\0';
	CHECK(checkin_set_crisis_line(j, long_line, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "201 bytes"));
	CHECK(checkin_set_crisis_line(j, "\xff", &err) == MEND_EINVAL);
	CHECK_OK(checkin_crisis_line(j, buf, sizeof buf, NULL));
	CHECK(strcmp(buf, "Telefonseelsorge 0800 111 0 111") == 0);
	CHECK_OK(checkin_set_crisis_line(j, "", NULL));
	CHECK_OK(checkin_crisis_line(j, buf, sizeof buf, NULL));
	CHECK(buf[0] == '\0');
	test_journal_done(j);
}

TEST(test_goal_day_gathers_then_and_now)
{
	struct journal *j = test_journal("2026-01-02T09:00:00Z", "UTC");
	struct checkin_input first = {3, 9, 0, "everything hurts"};
	struct checkin_input now = {7, 2, 0, "lighter"};
	struct checkin_result r;
	struct milestone_goal g;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", 10, NULL, NULL));
	CHECK_OK(checkin_save(j, &first, &r, NULL));
	CHECK_OK(nocontact_log_urge(j, 8, "wanted to call", NULL, NULL));
	CHECK_OK(nocontact_write_unsent(j, "dear you", 8, NULL, NULL));
	CHECK_OK(milestone_goal(j, &g, NULL));
	CHECK(!g.reached && g.days == 1);
	milestone_goal_done(&g);
	test_set_now(j, "2026-01-11T09:00:00Z");
	CHECK_OK(checkin_save(j, &now, &r, NULL));
	CHECK_OK(milestone_goal(j, &g, NULL));
	CHECK(g.reached && g.days == 10 && g.goal_days == 10);
	CHECK(g.has_first && g.first_mood == 3 &&
	      strcmp(g.first_note, "everything hurts") == 0 &&
	      strcmp(g.first_day, "2026-01-02") == 0);
	CHECK(g.has_today && g.today_mood == 7 &&
	      strcmp(g.today_note, "lighter") == 0);
	CHECK(g.urges == 1 && g.unsent == 1);
	milestone_goal_done(&g);
	test_set_now(j, "2026-01-12T09:00:00Z");
	CHECK_OK(milestone_goal(j, &g, NULL));
	CHECK(!g.reached);
	milestone_goal_done(&g);
	test_journal_done(j);
}

TEST(test_letters_open_today_and_move_after_a_slip)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct milestone_letters l;
	struct contact_result r;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_seal(j, 12, "from me", 7, NULL, NULL));
	CHECK_OK(nocontact_seal(j, 14, "and again", 9, NULL, NULL));
	CHECK_OK(milestone_letters(j, &l, NULL));
	CHECK(l.today == 0 && l.waiting == 2 && l.next_day == 12);
	test_set_now(j, "2026-01-13T09:00:00Z");
	CHECK_OK(milestone_letters(j, &l, NULL));
	CHECK(l.today == 1 && l.waiting == 1 && l.next_day == 14);
	CHECK_OK(nocontact_log_contact(j, &by_me, &r, NULL));
	CHECK_OK(milestone_letters(j, &l, NULL));
	CHECK(l.today == 0 && l.waiting == 1 && l.next_day == 14);
	test_journal_done(j);
}

TEST(test_restart_from_a_later_day_keeps_the_stretch_in_the_history)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct mend_err err = {""};
	struct nocontact_status s;
	size_t n = 0;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK(nocontact_restart_from(j, "2026-01-01", &err) == MEND_EINVAL);
	CHECK(nocontact_restart_from(j, "2026-01-12", &err) == MEND_EINVAL);
	CHECK_OK(nocontact_restart_from(j, "2026-01-08", NULL));
	const struct period *p = period(j, 0, &n);
	CHECK(p && n == 2 && strcmp(p->ended_at, "2026-01-08T00:00:00Z") == 0);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.days == 3 && s.longest_days == 7 && s.contacts == 0);
	CHECK_OK(nocontact_stop(j, NULL));
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(!s.started && s.periods == 2);
	CHECK(nocontact_stop(j, &err) == MEND_EINVAL);
	test_journal_done(j);
}
