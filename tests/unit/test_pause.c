/* SPDX-License-Identifier: MIT */
/* The pause, the profile check, the slip review, the lists kept for
 * hard moments, and the words of data/pause.json. */
#include <stdio.h>
#include <string.h>

#include "mend/nocontact.h"
#include "mend/pause.h"
#include "test.h"

struct count {
	enum kind k;
	int n;
};

static int count_one(const struct entry *e, void *ctx)
{
	struct count *c = ctx;
	c->n += e->kind == c->k;
	return 0;
}

static int count_kind(struct journal *j, enum kind k)
{
	struct journal_query q = {.module = -1};
	struct count c = {k, 0};
	if (journal_list(j, &q, count_one, &c, NULL) != MEND_OK)
		return -1;
	return c.n;
}

static void keep(const struct entry *e, void *ctx)
{
	*(struct entry **)ctx = entry_dup(e);
}

TEST(test_pause_content_loads_with_every_key_labelled)
{
	struct pause_content *c = NULL;
	CHECK_OK(pause_content_load(&c, NULL));
	CHECK(c);
	for (int i = 0; c && i < PAUSE_NEED_COUNT; i++)
		CHECK(c->need_label[i] && *c->need_label[i]);
	for (int i = 0; c && i < SLIP_EASY_COUNT; i++)
		CHECK(c->easy_label[i] && *c->easy_label[i]);
	CHECK(c && c->n_surf > 1 && c->slip_q[2] && *c->emergency);
	pause_content_free(c);
}

TEST(test_pause_content_missing_line_is_refused_naming_it)
{
	struct pause_content *c = NULL;
	struct mend_err err = {""};
	const char *bad = "{\"needs\": {}, \"intro\": \"hello\"}";
	CHECK(pause_content_parse(bad, strlen(bad), &c, &err) == MEND_ECONTENT);
	CHECK(!c);
	CHECK(strstr(err.msg, "pause.json: \"comfort\""));
}

TEST(test_pause_check_names_field_value_and_range)
{
	struct mend_err err = {""};
	struct pause_input in = {11,   ENTRY_NONE, ENTRY_NONE,
				 NULL, NULL,	   "unsent"};
	CHECK(pause_check(&in, &err) == MEND_EINVAL);
	CHECK(strcmp(err.msg, "urge: 11 is not in 0..10") == 0);
	in.urge = 3;
	in.need = "bored";
	CHECK(pause_check(&in, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "need: \"bored\" is not one of comfort"));
	in.need = "habit";
	in.own = "mine";
	CHECK(pause_check(&in, &err) == MEND_EINVAL);
	in.need = "own";
	CHECK_OK(pause_check(&in, &err));
	in.outcome = "sent";
	CHECK(pause_check(&in, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "unsent, necessary, contact or left"));
}

TEST(test_pause_save_keeps_levels_and_never_touches_the_period)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct pause_input in = {8, 3, 600, "closeness", NULL, "unsent"};
	struct nocontact_status s;
	char uuid[UUID_LEN];
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(pause_save(j, &in, uuid, NULL));
	CHECK_OK(pause_log_profile(j, 6, "a photo", NULL, NULL));
	struct entry *e = NULL;
	CHECK_OK(journal_find(j, uuid, keep, &e, NULL));
	CHECK(e && e->kind == KIND_PAUSE && e->urge == 8 && e->urge_after == 3);
	CHECK(e && e->seconds == 600 && strcmp(e->category, "closeness") == 0);
	CHECK(e && strcmp(e->step, "unsent") == 0 && !*e->text);
	char line[160];
	if (e)
		pause_describe(e, line, sizeof line);
	CHECK(e && strcmp(line, "urge 8 → 3 · 10 min · needed closeness · "
				"kept unsent") == 0);
	entry_free(e);
	CHECK_OK(nocontact_status(j, &s, NULL));
	CHECK(s.days == 10 && s.periods == 1 && s.contacts == 0);
	CHECK(count_kind(j, KIND_PROFILE) == 1);
	test_journal_done(j);
}

TEST(test_slip_keeps_headed_answers_and_refuses_none)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct slip_input none = {NULL, "", NULL, NULL};
	struct slip_input in = {"late", NULL, "hour", NULL};
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	struct entry *e = NULL;
	CHECK(j);
	CHECK(slip_save(j, &none, uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "answers: none given"));
	CHECK_OK(slip_save(j, &in, uuid, NULL));
	CHECK_OK(journal_find(j, uuid, keep, &e, NULL));
	CHECK(e && strcmp(e->text, "What was happening\nlate") == 0);
	CHECK(e && strcmp(e->step, "hour") == 0);
	entry_free(e);
	test_journal_done(j);
}

TEST(test_slip_space_adds_every_stretch)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct contact_input me = {.initiator = "me"};
	struct contact_result r;
	struct slip_space sp;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(nocontact_log_contact(j, &me, &r, NULL));
	test_set_now(j, "2026-01-14T09:00:00Z");
	CHECK_OK(slip_space(j, &sp, NULL));
	CHECK(sp.total_days == 13 && sp.longest_days == 10);
	CHECK(sp.current_days == 3 && sp.periods == 2);
	test_journal_done(j);
}

TEST(test_lists_are_json_arrays_with_limits)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct pause_list l = {0};
	struct mend_err err = {""};
	char value[256], item[16];
	CHECK(j);
	CHECK_OK(pause_list_get(j, PAUSE_LIST_PEOPLE, &l, NULL));
	CHECK(l.n == 0);
	CHECK_OK(pause_list_add(j, PAUSE_LIST_PEOPLE, "Sam \"S\"", NULL));
	CHECK_OK(pause_list_add(j, PAUSE_LIST_PEOPLE, "Jo", NULL));
	CHECK_OK(store_setting_get(j->st, "people", value, sizeof value, NULL));
	CHECK(strcmp(value, "[\"Sam \\\"S\\\"\",\"Jo\"]") == 0);
	CHECK_OK(pause_list_replace(j, PAUSE_LIST_PEOPLE, 1, "Jo B", NULL));
	CHECK_OK(pause_list_remove(j, PAUSE_LIST_PEOPLE, 0, NULL));
	CHECK_OK(pause_list_get(j, PAUSE_LIST_PEOPLE, &l, NULL));
	CHECK(l.n == 1 && strcmp(l.items[0], "Jo B") == 0);
	pause_list_done(&l);
	CHECK(pause_list_remove(j, PAUSE_LIST_PEOPLE, 4, &err) == MEND_EINVAL);
	CHECK(strcmp(err.msg, "number: 5 is not in 1..1") == 0);
	CHECK(pause_list_add(j, PAUSE_LIST_REASONS, "a\nb", &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "reason: has a control character"));
	for (int i = 0; i < PAUSE_LIST_ITEMS; i++) {
		snprintf(item, sizeof item, "r%d", i);
		CHECK_OK(pause_list_add(j, PAUSE_LIST_REASONS, item, NULL));
	}
	CHECK(pause_list_add(j, PAUSE_LIST_REASONS, "one more", &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "holds 30 already"));
	CHECK_OK(pause_list_remove(j, PAUSE_LIST_PEOPLE, 0, NULL));
	CHECK(store_setting_get(j->st, "people", value, sizeof value, NULL) ==
	      MEND_ENOTFOUND);
	test_journal_done(j);
}
