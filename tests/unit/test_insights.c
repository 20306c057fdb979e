/* SPDX-License-Identifier: MIT */
/* The insights core: gaps stay gaps, journal days and local hours, the
 * week's first day, when the weekly review and then-and-now are offered,
 * and the wording of what helps. The figures over a whole year are
 * checked against the export in tests/cli/test_insights.sh. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/insights.h"
#include "mend/nocontact.h"
#include "test.h"

static bool checkin_at(struct journal *j, const char *now, int mood, int urge)
{
	struct checkin_input in = {mood, urge, ENTRY_NONE, NULL};
	struct checkin_result r;
	test_set_now(j, now);
	return checkin_save(j, &in, &r, NULL) == MEND_OK;
}

TEST(test_insights_mood_keeps_days_without_a_check_in_as_gaps)
{
	struct journal *j = test_journal("2026-01-05T12:00:00Z", "UTC");
	struct insights_mood m;
	CHECK(j);
	CHECK(checkin_at(j, "2026-01-01T20:00:00Z", 3, ENTRY_NONE));
	CHECK(checkin_at(j, "2026-01-03T20:00:00Z", 7, 4));
	test_set_now(j, "2026-01-05T12:00:00Z");
	CHECK_OK(insights_mood(j, INSIGHTS_BY_DAY, NULL, NULL, &m, NULL));
	CHECK(m.n == 5);
	CHECK(strcmp(m.since, "2026-01-01") == 0);
	CHECK(strcmp(m.until, "2026-01-05") == 0);
	CHECK(m.points[0].mood.n == 1 && m.points[0].mood.mean == 3);
	CHECK(m.points[0].urge.n == 0);
	CHECK(m.points[1].mood.n == 0); /* a gap, not a zero */
	CHECK(m.points[2].mood.n == 1 && m.points[2].urge.mean == 4);
	CHECK(m.points[3].mood.n == 0 && m.points[4].mood.n == 0);
	CHECK(m.mood_7.n == 2 && fabs(m.mood_7.mean - 5) < 1e-9);
	CHECK(m.mood_prev_30.n == 0);
	insights_mood_done(&m);
	CHECK_OK(
	    insights_mood(j, INSIGHTS_BY_WEEK, "2026-01-01", NULL, &m, NULL));
	/* 2026-01-01 is a Thursday: its week began on Monday 2025-12-29 */
	CHECK(m.n == 2 && strcmp(m.points[0].start, "2025-12-29") == 0);
	CHECK(m.points[0].mood.n == 2 && m.points[1].mood.n == 0);
	insights_mood_done(&m);
	test_journal_done(j);
}

TEST(test_insights_mood_refuses_since_after_until)
{
	struct journal *j = test_journal("2026-01-05T12:00:00Z", "UTC");
	struct insights_mood m;
	struct mend_err err;
	CHECK(j);
	CHECK(insights_mood(j, INSIGHTS_BY_DAY, "2026-01-04", "2026-01-02", &m,
			    &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "since"));
	CHECK(insights_mood(j, INSIGHTS_BY_DAY, "2026-02-30", NULL, &m, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "'2026-02-30'"));
	insights_mood_done(&m);
	test_journal_done(j);
}

TEST(test_insights_week_starts_on_monday_unless_the_setting_says_otherwise)
{
	struct journal *j = test_journal("2026-01-07T12:00:00Z", "UTC");
	struct mend_date wed = {2026, 1, 7}, s;
	CHECK(j);
	s = insights_week_start(j, wed);
	CHECK(s.y == 2026 && s.m == 1 && s.d == 5);
	CHECK_OK(store_begin(j->st, NULL));
	CHECK_OK(
	    store_setting_set(j->st, "week_start", "sunday", j->now_iso, NULL));
	CHECK_OK(store_commit(j->st, NULL));
	s = insights_week_start(j, wed);
	CHECK(s.y == 2026 && s.m == 1 && s.d == 4);
	struct mend_date sun = {2026, 1, 4};
	s = insights_week_start(j, sun);
	CHECK(s.d == 4);
	test_journal_done(j);
}

TEST(test_insights_urges_count_by_local_hour_and_journal_day)
{
	/* Berlin is an hour ahead in winter: 22:30 UTC is 23:30 there. */
	struct journal *j =
	    test_journal("2026-01-06T22:30:00Z", "Europe/Berlin");
	struct insights_urge_times u;
	struct insights_periods p;
	char uuid[UUID_LEN];
	CHECK(j);
	CHECK_OK(nocontact_log_urge(j, 6, NULL, uuid, NULL));
	/* 02:10 local on Monday 12 January is still Sunday's journal day */
	test_set_now(j, "2026-01-12T01:10:00Z");
	CHECK_OK(nocontact_log_urge(j, 8, NULL, uuid, NULL));
	CHECK_OK(insights_urge_times(j, NULL, NULL, &u, NULL));
	CHECK(u.total == 2);
	CHECK(u.by_hour[23] == 1 && u.by_hour[2] == 1);
	CHECK(u.by_weekday[1] == 1); /* Tuesday */
	CHECK(u.by_weekday[0] == 1); /* Monday, by the clock */
	CHECK(u.strength.n == 2 && fabs(u.strength.mean - 7) < 1e-9);
	CHECK_OK(insights_periods(j, "2026-01-05", NULL, &p, NULL));
	/* today is still Sunday 11 January's journal day, so both urges
	 * are in the one week of Monday 5 January */
	CHECK(p.n_weeks == 1 && strcmp(p.weeks[0].start, "2026-01-05") == 0);
	CHECK(p.weeks[0].urges == 2 && p.weeks[0].strength.mean == 7);
	CHECK(p.urges == 2 && p.pauses == 0 && p.before.n == 0);
	insights_periods_done(&p);
	test_journal_done(j);
}

TEST(test_insights_week_review_is_due_on_the_first_day_until_seen)
{
	struct journal *j = test_journal("2026-01-07T12:00:00Z", "UTC");
	struct insights_week w;
	char uuid[UUID_LEN];
	bool due = true;
	CHECK(j);
	test_set_now(j, "2026-01-12T12:00:00Z"); /* a Monday, nothing kept */
	CHECK_OK(insights_week_due(j, &due, NULL));
	CHECK(!due);
	CHECK(checkin_at(j, "2026-01-07T12:00:00Z", 6, ENTRY_NONE));
	test_set_now(j, "2026-01-12T12:00:00Z");
	CHECK_OK(insights_week_due(j, &due, NULL));
	CHECK(due);
	test_set_now(j, "2026-01-13T12:00:00Z"); /* Tuesday: not offered */
	CHECK_OK(insights_week_due(j, &due, NULL));
	CHECK(!due);
	test_set_now(j, "2026-01-12T12:00:00Z");
	CHECK_OK(insights_week(j, NULL, &w, NULL));
	CHECK(strcmp(w.start, "2026-01-05") == 0);
	CHECK(strcmp(w.end, "2026-01-11") == 0);
	CHECK(w.checkins == 1 && w.mood.mean == 6);
	CHECK(w.note_uuid[0] == '\0');
	CHECK_OK(insights_week_seen(j, &w, NULL));
	CHECK_OK(insights_week_due(j, &due, NULL));
	CHECK(!due);
	CHECK_OK(insights_week_note(j, &w, "A quieter week.", 15, uuid, NULL));
	insights_week_done(&w);
	CHECK_OK(insights_week(j, "2026-01-08", &w, NULL));
	CHECK(strcmp(w.note_uuid, uuid) == 0);
	insights_week_done(&w);
	test_journal_done(j);
}

TEST(test_insights_then_now_is_offered_on_a_milestone_day_once)
{
	struct journal *j = test_journal("2026-01-01T10:00:00Z", "UTC");
	struct insights_then_now t;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK(checkin_at(j, "2026-01-02T20:00:00Z", 3, ENTRY_NONE));
	CHECK(checkin_at(j, "2026-01-05T20:00:00Z", 7, ENTRY_NONE));
	test_set_now(j, "2026-01-06T12:00:00Z"); /* day 5: no milestone */
	CHECK_OK(insights_then_now(j, &t, NULL));
	CHECK(!t.offer);
	CHECK(t.pairs[0].kind == KIND_CHECKIN);
	CHECK(t.pairs[0].first_mood == 3 && t.pairs[0].latest_mood == 7);
	CHECK(t.pairs[1].first.uuid[0] == '\0'); /* no reflection yet */
	test_set_now(j, "2026-01-08T12:00:00Z"); /* day 7 */
	CHECK_OK(insights_then_now(j, &t, NULL));
	CHECK(t.offer && t.offer_day == 7);
	CHECK_OK(insights_then_now_seen(j, 7, NULL));
	CHECK_OK(insights_then_now(j, &t, NULL));
	CHECK(!t.offer);
	test_journal_done(j);
}

TEST(test_insights_help_sentence_says_what_went_together)
{
	struct journal *j = test_journal("2026-01-01T10:00:00Z", "UTC");
	struct insights_help h = {
	    INSIGHTS_HELP_CATEGORY, "body", {12, 6.2}, {30, 4.9}};
	char buf[512];
	CHECK(j);
	insights_help_sentence(j, &h, buf, sizeof buf);
	CHECK(strcmp(buf, "On days you did something for your body your mood "
			  "was on average 6.2 (n = 12); on other days 4.9 "
			  "(n = 30).") == 0);
	h.what = INSIGHTS_HELP_TAG;
	strcpy(h.key, "sleep");
	insights_help_sentence(j, &h, buf, sizeof buf);
	CHECK(strstr(buf, "On days you marked \u201csleep\u201d your mood"));
	insights_help_label(j, &h, buf, sizeof buf);
	CHECK(strcmp(buf, "sleep") == 0);
	h.what = INSIGHTS_HELP_MODULE;
	strcpy(h.key, "reflection");
	insights_help_label(j, &h, buf, sizeof buf);
	CHECK(strcmp(buf, "Reflection") == 0);
	test_journal_done(j);
}

TEST(test_insights_on_this_day_skips_dates_a_month_does_not_have)
{
	struct journal *j = test_journal("2026-01-30T12:00:00Z", "UTC");
	struct insights_lookback l;
	CHECK(j);
	CHECK(checkin_at(j, "2025-12-30T20:00:00Z", 4, ENTRY_NONE));
	CHECK(checkin_at(j, "2025-11-30T20:00:00Z", 5, ENTRY_NONE));
	test_set_now(j, "2026-03-30T12:00:00Z");
	CHECK_OK(insights_lookback(j, NULL, &l, NULL));
	/* no February 30; January 30 is empty and left out; then
	 * December and November 30, and 30, 90 and 365 days ago */
	CHECK(l.n_days == 5);
	CHECK(l.days[0].when == INSIGHTS_ON_THIS_DAY && l.days[0].months == 3);
	CHECK(strcmp(l.days[0].day, "2025-12-30") == 0 && l.days[0].mood == 4);
	CHECK(strcmp(l.days[1].day, "2025-11-30") == 0 && l.days[1].mood == 5);
	CHECK(l.days[1].n == 1 && l.days[1].total == 1);
	CHECK(l.items[l.days[1].first].kind == KIND_CHECKIN);
	CHECK(l.days[2].when == INSIGHTS_DAYS_AGO && l.days[2].ago == 30);
	CHECK(l.days[3].ago == 90 && l.days[4].ago == 365);
	insights_lookback_done(&l);
	test_journal_done(j);
}

TEST(test_insights_words_name_every_category_and_module)
{
	struct journal *j = test_journal("2026-01-01T10:00:00Z", "UTC");
	struct insights_help h = {INSIGHTS_HELP_CATEGORY, "", {5, 5}, {5, 5}};
	char buf[512];
	CHECK(j);
	for (size_t i = 0; i < j->content->n_categories; i++) {
		snprintf(h.key, sizeof h.key, "%s",
			 j->content->categories[i].id);
		insights_help_sentence(j, &h, buf, sizeof buf);
		/* a phrase of its own, not the fallback */
		CHECK(strstr(buf, "On days you ") && !strstr(buf, "wrote in"));
	}
	h.what = INSIGHTS_HELP_MODULE;
	for (int m = 0; m < MODULE_COUNT; m++) {
		if (m == MODULE_CHECKIN)
			continue;
		snprintf(h.key, sizeof h.key, "%s",
			 module_name((enum module)m));
		insights_help_label(j, &h, buf, sizeof buf);
		CHECK(strcmp(buf, h.key) != 0); /* a label, not the key */
	}
	test_journal_done(j);
}
