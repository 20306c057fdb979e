/* SPDX-License-Identifier: MIT */
/* Which prompt suits the day (the stage of recovery and the recent mood),
 * and where each module's prompts are answered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/content.h"
#include "mend/growth.h"
#include "mend/nocontact.h"
#include "mend/reflection.h"
#include "test.h"

#include "data_embed.h"

static struct content *builtin(void)
{
	struct content *c = NULL;
	struct mend_err err = {""};
	if (content_parse(&c, (const char *)data_prompts_json,
			  data_prompts_json_len, (const char *)data_messages_json,
			  data_messages_json_len, 1, &err) != MEND_OK)
		printf("    %s\n", err.msg);
	return c;
}

static bool heavy_theme(const char *theme)
{
	static const char *const heavy[] = {"my-part", "their-part", "patterns",
					    "communication", "motives",
					    "reconciliation", "letting-go"};
	for (size_t i = 0; i < sizeof heavy / sizeof heavy[0]; i++)
		if (strcmp(theme, heavy[i]) == 0)
			return true;
	return false;
}

TEST(test_first_day_at_a_low_mood_gets_no_heavy_prompt)
{
	struct content *c = builtin();
	struct prompt_context ctx = {1, 2};
	CHECK(c);
	for (int m = MODULE_NOCONTACT; m <= MODULE_ACCEPTANCE; m++)
		for (long day = 20000; day < 20100; day++)
			for (unsigned off = 0; off < 5; off++) {
				const struct prompt *p = content_prompt_for(
					c, (enum module)m, day, off, &ctx);
				CHECK(p && p->module == (enum module)m);
				CHECK(!heavy_theme(p->theme));
				CHECK(content_prompt_suits(p, &ctx));
			}
	content_free(c);
}

TEST(test_suitable_prompts_each_come_once_a_cycle)
{
	struct content *c = builtin();
	struct prompt_context ctx = {4, 3};
	CHECK(c);
	size_t n = 0;
	for (size_t i = 0; i < c->n_prompts; i++)
		n += c->prompts[i].module == MODULE_REFLECTION &&
		     content_prompt_suits(&c->prompts[i], &ctx);
	CHECK(n >= 5 && n < content_prompt_count(c, MODULE_REFLECTION));
	const struct prompt **seen = calloc(n, sizeof *seen);
	CHECK(seen);
	long base = 20000 / (long)n * (long)n;
	for (size_t d = 0; d < n; d++) {
		seen[d] = content_prompt_for(c, MODULE_REFLECTION,
					     base + (long)d, 0, &ctx);
		for (size_t k = 0; k < d; k++)
			if (seen[k] == seen[d])
				seen[d] = NULL;
	}
	for (size_t d = 0; d < n; d++)
		CHECK(seen[d] && content_prompt_suits(seen[d], &ctx));
	free(seen);
	content_free(c);
}

TEST(test_a_steady_mood_months_in_reaches_every_prompt)
{
	struct content *c = builtin();
	struct prompt_context ctx = {120, 7};
	CHECK(c);
	for (size_t i = 0; i < c->n_prompts; i++)
		CHECK(content_prompt_suits(&c->prompts[i], &ctx));
	/* an unknown mood holds nothing back for mood's sake */
	ctx.mood = 0;
	for (size_t i = 0; i < c->n_prompts; i++)
		CHECK(content_prompt_suits(&c->prompts[i], &ctx));
	content_free(c);
}

TEST(test_prompt_stage_and_mood_fields_are_validated)
{
	struct content *c = builtin();
	struct mend_err err = {""};
	const char *bad_day =
		"{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":[{\"id\":"
		"\"x.1\",\"module\":\"growth\",\"theme\":\"t\",\"text\":\"t\","
		"\"from_day\":-1}]}";
	const char *bad_mood =
		"{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":[{\"id\":"
		"\"x.1\",\"module\":\"growth\",\"theme\":\"t\",\"text\":\"t\","
		"\"min_mood\":11}]}";
	CHECK(c);
	CHECK(content_add_prompts(c, bad_day, strlen(bad_day), "my.json",
				  &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "prompts[0]") && strstr(err.msg, "from_day"));
	CHECK(content_add_prompts(c, bad_mood, strlen(bad_mood), "my.json",
				  &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "min_mood"));
	content_free(c);
}

TEST(test_when_nothing_suits_every_prompt_is_considered)
{
	struct content *c = NULL;
	struct mend_err err = {""};
	const char *prompts =
		"{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":[{\"id\":"
		"\"late.1\",\"module\":\"growth\",\"theme\":\"body\",\"text\":"
		"\"Later on.\",\"from_day\":30}]}";
	struct prompt_context ctx = {0, 0};
	CHECK_OK(content_parse(&c, prompts, strlen(prompts),
			       (const char *)data_messages_json,
			       data_messages_json_len, 0, &err));
	const struct prompt *p = content_prompt_for(c, MODULE_GROWTH, 1, 0, &ctx);
	CHECK(p && strcmp(p->id, "late.1") == 0);
	CHECK(content_prompt_for(c, MODULE_REFLECTION, 1, 0, &ctx) == NULL);
	content_free(c);
}

TEST(test_themes_read_as_words)
{
	struct content *c = builtin();
	char buf[64];
	CHECK(c);
	CHECK(strcmp(content_theme_words(c, "my-part", buf, sizeof buf),
		     "My part") == 0);
	CHECK(strcmp(content_theme_words(c, "a-theme-of-mine", buf, sizeof buf),
		     "A theme of mine") == 0);
	/* every built-in theme has words of its own */
	for (size_t i = 0; i < c->n_prompts; i++) {
		bool found = false;
		for (size_t t = 0; t < c->n_themes; t++)
			found |= strcmp(c->themes[t].id, c->prompts[i].theme) == 0;
		CHECK(found);
	}
	content_free(c);
}

TEST(test_journal_context_reads_stage_and_recent_mood)
{
	struct journal *j = test_journal("2026-01-11T20:00:00Z", "UTC");
	struct checkin_input in = {2, 5, ENTRY_NONE, NULL};
	struct checkin_result r;
	struct prompt_context ctx;
	CHECK(j);
	reflection_context(j, &ctx);
	CHECK(ctx.stage_day == -1 && ctx.mood == 0);
	CHECK_OK(nocontact_start(j, "2026-01-10", ENTRY_NONE, NULL, NULL));
	CHECK_OK(checkin_save(j, &in, &r, NULL));
	reflection_context(j, &ctx);
	CHECK(ctx.stage_day == 1 && ctx.mood == 2);
	for (unsigned off = 0; off < 40; off++) {
		const struct prompt *p =
			reflection_prompt_today(j, MODULE_REFLECTION, off);
		CHECK(p && strcmp(p->theme, "my-part") != 0);
	}
	/* a check-in three days old is no longer the recent mood */
	test_set_now(j, "2026-01-14T20:00:00Z");
	reflection_context(j, &ctx);
	CHECK(ctx.stage_day == 4 && ctx.mood == 0);
	test_journal_done(j);
}

TEST(test_each_module_s_prompts_are_answered_in_their_place)
{
	struct journal *j = test_journal("2026-01-11T20:00:00Z", "UTC");
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	CHECK(j);
	/* no-contact prompts: from the no-contact screen and `reflect` */
	CHECK_OK(reflection_save(j, MODULE_NOCONTACT, "nocontact.urges.1", "x", 1,
				 uuid, NULL));
	CHECK_OK(reflection_save(j, MODULE_REFLECTION, "nocontact.space.1", "x",
				 1, uuid, NULL));
	CHECK(reflection_save(j, MODULE_ACCEPTANCE, "nocontact.urges.1", "x", 1,
			      uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "mend reflect --prompt nocontact.urges.1"));
	CHECK(reflection_save(j, MODULE_REFLECTION, "growth.body.1", "x", 1,
			      uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "mend grow --prompt growth.body.1"));
	CHECK(reflection_save(j, MODULE_GROWTH, NULL, "x", 1, uuid, &err) ==
	      MEND_EINVAL);
	/* growth prompts: logged in the prompt's own category by default */
	struct growth_input g = {NULL, 15, "growth.rest.1"};
	CHECK_OK(growth_answer(j, &g, "a nap", 5, uuid, NULL));
	g.prompt_id = "reflection.my-part.1";
	CHECK(growth_answer(j, &g, "x", 1, uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "mend reflect --prompt reflection.my-part.1"));
	struct growth_total t[16];
	CHECK(j->content->n_categories <= 16);
	CHECK_OK(growth_week(j, t, NULL));
	for (size_t i = 0; i < j->content->n_categories; i++)
		CHECK(strcmp(t[i].category, "rest") == 0 ? t[i].minutes == 15
							 : t[i].count == 0);
	test_journal_done(j);
}
