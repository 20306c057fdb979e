/* SPDX-License-Identifier: MIT */
/* The guided path: its content checked at load, the stage suggestion,
 * the daily step, the intention and the look-back, and contact mode. */
#include <stdio.h>
#include <string.h>

#include "mend/acceptance.h"
#include "mend/checkin.h"
#include "mend/journey.h"
#include "mend/nocontact.h"
#include "mend/store.h"
#include "test.h"

static const char *const minimal =
    "{\"format\":\"mend-journey\",\"version\":1,"
    "\"stages\":["
    "{\"id\":\"a\",\"name\":\"A\",\"text\":\"t\",\"signs\":\"s\","
    "\"move_on\":{\"days\":10,\"entries\":2},\"exercises\":[\"%s\"],"
    "\"themes\":[\"%s\"],\"actions\":[\"walk\"]},"
    "{\"id\":\"b\",\"name\":\"B\",\"text\":\"t\",\"signs\":\"s\","
    "\"move_on\":{\"days\":0,\"entries\":0},\"exercises\":[\"plan\"],"
    "\"themes\":[\"future\"],\"actions\":[\"rest\"]}],"
    "\"care\":[\"water\"],\"intentions\":[\"space\"],"
    "\"exercises\":{\"expressive\":\"x\",\"whoami\":\"x\",\"asthey\":\"x\","
    "\"compassion\":\"x\",\"gained\":\"x\",\"plan\":\"x\"},"
    "\"decided\":{\"reconnect\":{\"text\":\"r\",\"steps\":[{\"action\":"
    "\"talk\"}]},"
    "\"friends\":{\"text\":\"f\",\"steps\":[{\"theme\":\"boundaries\"}]},"
    "\"part-ways\":{\"text\":\"p\",\"steps\":[{\"exercise\":\"gained\"}]}}}";

static enum mend_rc parse_with(const struct content *c, const char *exercise,
			       const char *theme)
{
	char doc[4096];
	struct journey *jy = NULL;
	snprintf(doc, sizeof doc, minimal, exercise, theme);
	enum mend_rc rc = journey_parse(&jy, doc, strlen(doc), c, NULL);
	journey_free(jy);
	return rc;
}

TEST(test_journey_content_is_checked_at_load)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct journey *jy = NULL;
	CHECK(j);
	CHECK_OK(journey_load(&jy, j->content, NULL));
	CHECK(jy->n_stages == 4);
	CHECK(journey_stage_index(jy, "space") == 0);
	CHECK(journey_stage_index(jy, "deciding") == 3);
	CHECK(jy->n_care > 0 && jy->n_intentions > 0);
	for (size_t i = 0; i < jy->n_stages; i++)
		CHECK(jy->stages[i].n_exercises && jy->stages[i].n_themes &&
		      jy->stages[i].n_actions);
	journey_free(jy);
	CHECK(parse_with(j->content, "expressive", "space") == MEND_OK);
	CHECK(parse_with(j->content, "juggling", "space") == MEND_ECONTENT);
	CHECK(parse_with(j->content, "expressive", "no-such-theme") ==
	      MEND_ECONTENT);
	CHECK(journey_parse(&jy, "{}", 2, NULL, NULL) == MEND_ECONTENT);
	CHECK(jy == NULL);
	test_journal_done(j);
}

TEST(test_journey_suggestion_follows_days_entries_urges_and_decision)
{
	struct journey *jy = NULL;
	struct journey_place p;
	CHECK_OK(journey_load(&jy, NULL, NULL));
	struct journey_facts f = {.days = 3,
				  .entries = 0,
				  .urge_week = -1,
				  .urge_prior = -1,
				  .outcome = -1};
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 0 && !p.days_met);
	f.days = 20; /* the days alone are not enough */
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 0 && p.days_met && !p.entries_met);
	f.urge_week = 30, f.urge_prior = 60; /* urges easing */
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 1 && p.urges_easing);
	f.urge_week = 70; /* strong and rising: not easing */
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 0 && !p.urges_easing);
	f.entries = 12, f.days = 40; /* written enough for two stages */
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 2);
	f.days = 70, f.entries = 30;
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 3 && !p.decided);
	f.days = 5, f.entries = 0, f.outcome = OUTCOME_FRIENDS;
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 3 && p.decided);
	f.outcome = OUTCOME_UNDECIDED; /* still deciding is no decision */
	journey_suggest(jy, &f, &p);
	CHECK(p.suggested == 0 && !p.decided);
	journey_free(jy);
}

TEST(test_journey_step_follows_stage_mood_and_decision)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct journey *jy = NULL;
	struct journey_step a, b;
	struct journey_day calm = {7, false}, low = {2, true}, mid = {5, false};
	CHECK(j);
	CHECK_OK(journey_load(&jy, j->content, NULL));
	/* the same day and journal: the same step */
	journey_pick(jy, j->content, 1, -1, &calm, 20000, &a);
	journey_pick(jy, j->content, 1, -1, &calm, 20000, &b);
	CHECK(a.text == b.text && a.kind == b.kind);
	/* a low day is care, whatever the stage or the decision */
	for (int s = 0; s < 4; s++) {
		journey_pick(jy, j->content, s, OUTCOME_RECONNECT, &low, 20000,
			     &a);
		CHECK(a.kind == JOURNEY_STEP_CARE &&
		      strcmp(a.source, "care") == 0);
	}
	/* over a month, two stages give different days, each from its own
	 * stage; a middling mood is never given an exercise */
	int differ = 0;
	for (long d = 20000; d < 20030; d++) {
		journey_pick(jy, j->content, 0, -1, &calm, d, &a);
		journey_pick(jy, j->content, 2, -1, &calm, d, &b);
		CHECK(a.stage == 0 && b.stage == 2);
		CHECK(strcmp(a.source, "stage") == 0);
		differ += strcmp(a.text, b.text) != 0;
		journey_pick(jy, j->content, 0, -1, &mid, d, &a);
		CHECK(a.kind != JOURNEY_STEP_EXERCISE &&
		      a.kind != JOURNEY_STEP_CARE);
		/* after reconnect, only what fits being together */
		journey_pick(jy, j->content, 3, OUTCOME_RECONNECT, &calm, d,
			     &a);
		CHECK(strcmp(a.source, "decided") == 0);
		if (a.kind == JOURNEY_STEP_PROMPT)
			CHECK(strcmp(a.theme, "communication") == 0 ||
			      strcmp(a.theme, "boundaries") == 0);
	}
	CHECK(differ >= 25);
	journey_free(jy);
	test_journal_done(j);
}

TEST(test_journey_stage_chosen_and_followed_again)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct journey *jy = NULL;
	struct journey_place p;
	char v[32];
	CHECK(j);
	CHECK_OK(journey_load(&jy, j->content, NULL));
	CHECK_OK(journey_where(j, jy, &p, NULL, NULL));
	CHECK(p.current == 0 && !p.chosen);
	CHECK_OK(journey_set_stage(j, jy, "rebuilding", NULL));
	CHECK_OK(store_setting_get(j->st, "stage", v, sizeof v, NULL));
	CHECK(strcmp(v, "rebuilding") == 0);
	CHECK_OK(journey_where(j, jy, &p, NULL, NULL));
	CHECK(p.current == 2 && p.chosen && p.suggested == 0);
	CHECK(journey_set_stage(j, jy, "nowhere", NULL) == MEND_EINVAL);
	CHECK_OK(journey_set_stage(j, jy, "auto", NULL));
	CHECK_OK(journey_where(j, jy, &p, NULL, NULL));
	CHECK(p.current == 0 && !p.chosen);
	journey_free(jy);
	test_journal_done(j);
}

static void keep_step(const struct entry *e, void *ctx)
{
	snprintf(ctx, 32, "%s|%d", e->step ? e->step : "", e->mood);
}

TEST(test_journey_intention_and_lookback_are_offered_once_a_day)
{
	struct journal *j = test_journal("2026-01-11T08:00:00Z", "UTC");
	struct journey *jy = NULL;
	enum journey_due due;
	char uuid[UUID_LEN], got[32];
	CHECK(j);
	CHECK_OK(journey_load(&jy, j->content, NULL));
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_INTENTION);
	CHECK_OK(journey_set_stage(j, jy, "understanding", NULL));
	CHECK(journey_intend(j, jy, " ", 1, uuid, NULL) == MEND_EINVAL);
	CHECK_OK(journey_intend(j, jy, "space", 5, uuid, NULL));
	CHECK_OK(journal_find(j, uuid, keep_step, got, NULL));
	CHECK(strcmp(got, "understanding|-2147483648") == 0);
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_NONE);
	test_set_now(j, "2026-01-11T14:00:00Z"); /* the afternoon: nothing */
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_NONE);
	test_set_now(j, "2026-01-11T19:00:00Z");
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_LOOKBACK);
	CHECK_OK(journey_skip(j, due, NULL));
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_NONE);
	test_set_now(j, "2026-01-12T02:00:00Z"); /* still the 11th's night */
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_NONE);
	test_set_now(j, "2026-01-12T19:00:00Z");
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_LOOKBACK);
	CHECK(journey_lookback(j, "ok", 2, 11, uuid, NULL) == MEND_EINVAL);
	CHECK_OK(journey_lookback(j, "a quiet day", 11, 6, uuid, NULL));
	CHECK_OK(journal_find(j, uuid, keep_step, got, NULL));
	CHECK(strcmp(got, "|6") == 0);
	CHECK_OK(journey_due(j, &due, NULL));
	CHECK(due == JOURNEY_DUE_NONE);
	journey_free(jy);
	test_journal_done(j);
}

TEST(test_journey_contact_mode_low_keeps_necessary_contact_out)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct nocontact_status s;
	struct contact_result r;
	struct contact_input need = {"me", "text", true, "the school run"};
	bool low = true;
	CHECK(j);
	CHECK_OK(journey_contact_low(j, &low, NULL));
	CHECK(!low);
	CHECK(journey_set_contact_mode(j, "some", NULL) == MEND_EINVAL);
	CHECK_OK(journey_set_contact_mode(j, "low", NULL));
	CHECK_OK(journey_contact_low(j, &low, NULL));
	CHECK(low);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_log_contact(j, &need, &r, NULL));
	CHECK(!r.restarted);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.days == 10);
	CHECK_OK(journey_set_contact_mode(j, "none", NULL));
	CHECK_OK(journey_contact_low(j, &low, NULL));
	CHECK(!low);
	test_journal_done(j);
}
