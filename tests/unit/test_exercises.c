/* SPDX-License-Identifier: MIT */
/* The exercises' content as it loads (every exercise with its source and
 * its stage), what a bad exercises document is refused for, the writing
 * kept as it is saved, and the built-in prompts: how many, the themes
 * that must be there, and today's prompt never coming back within 90
 * days for someone who answers it daily. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/content.h"
#include "mend/exercise.h"
#include "mend/reflection.h"
#include "test.h"

#include "data_embed.h"

TEST(test_every_exercise_loads_with_its_source_and_stage)
{
	struct exercises *xs = NULL;
	struct mend_err err = {""};
	CHECK_OK(exercises_load(&xs, &err));
	for (int x = 0; x < EXERCISE_COUNT; x++) {
		const struct exercise_info *xi =
		    exercises_get(xs, (enum exercise_id)x);
		CHECK(xi->title && *xi->title && xi->line && *xi->line);
		CHECK(xi->n_steps >= 1 && xi->n_parts >= 1);
		CHECK(xi->source.authors && *xi->source.authors);
		CHECK(xi->source.year >= 1990 && xi->source.year <= 2030);
		CHECK(xi->source.journal && *xi->source.journal);
		CHECK(xi->source.volume && strchr(xi->source.volume, '('));
		CHECK(xi->source.finding && *xi->source.finding);
	}
	/* the ids and stages the guided path places them by */
	CHECK(strcmp(exercise_id_name(EXERCISE_EXPRESSIVE), "expressive") == 0);
	CHECK(exercise_stage_of(EXERCISE_WHOAMI) == STAGE_REBUILDING);
	CHECK(exercise_stage_of(EXERCISE_ASTHEY) == STAGE_UNDERSTANDING);
	CHECK(exercise_stage_of(EXERCISE_GAINED) == STAGE_DECIDING);
	CHECK(exercise_stage_of(EXERCISE_COMPASSION) == STAGE_SPACE);
	CHECK(exercises_get(xs, EXERCISE_EXPRESSIVE)->timer == 900);
	CHECK(strstr(exercises_get(xs, EXERCISE_EXPRESSIVE)->source.authors,
		     "Lepore"));
	char line[80];
	CHECK(
	    strcmp(exercise_source_line(exercises_get(xs, EXERCISE_EXPRESSIVE),
					line, sizeof line),
		   "From: Lepore & Greenberg 2002") == 0);
	CHECK(xs->rumination && xs->gentler_why && xs->clarity_question);
	exercises_free(xs);
}

TEST(test_rumination_picks_the_gentler_exercise)
{
	CHECK(exercise_for_rumination(0) == EXERCISE_EXPRESSIVE);
	CHECK(exercise_for_rumination(1) == EXERCISE_GENTLER);
	CHECK(!exercise_listed(EXERCISE_GENTLER));
	CHECK(exercise_listed(EXERCISE_PLAN));
}

/* The built-in document with one change: `from` replaced by `to`. */
static enum mend_rc parse_changed(const char *from, const char *to,
				  struct mend_err *err)
{
	const char *doc = (const char *)data_exercises_json;
	const char *at = strstr(doc, from);
	struct exercises *xs = NULL;
	if (!at)
		return MEND_OK + 100;
	size_t n = strlen(doc) - strlen(from) + strlen(to);
	char *buf = malloc(n + 1);
	if (!buf)
		return MEND_ENOMEM;
	size_t head = (size_t)(at - doc);
	memcpy(buf, doc, head);
	strcpy(buf + head, to);
	strcat(buf, at + strlen(from));
	enum mend_rc rc = exercises_parse(&xs, buf, n, err);
	exercises_free(xs);
	free(buf);
	return rc;
}

TEST(test_an_exercise_without_its_source_is_refused)
{
	struct mend_err err = {""};
	CHECK(parse_changed("\"authors\": \"Lepore & Greenberg\",", "", &err) ==
	      MEND_ECONTENT);
	CHECK(strstr(err.msg, "authors"));
	CHECK(parse_changed("\"year\": 2002,", "\"year\": \"soon\",", &err) ==
	      MEND_ECONTENT);
	CHECK(strstr(err.msg, "year"));
	CHECK(parse_changed("\"stage\": \"deciding\"", "\"stage\": \"space\"",
			    &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "stage"));
	CHECK(parse_changed("\"id\": \"plan\"", "\"id\": \"gained\"", &err) ==
	      MEND_ECONTENT);
	CHECK(strstr(err.msg, "twice"));
	CHECK(parse_changed("\"timer\": 900", "\"timer\": -5", &err) ==
	      MEND_ECONTENT);
	CHECK(strstr(err.msg, "timer"));
}

TEST(test_the_writing_keeps_only_headings_with_words_under_them)
{
	struct exercises *xs = NULL;
	CHECK_OK(exercises_load(&xs, NULL));
	const struct exercise_info *xi = exercises_get(xs, EXERCISE_ASTHEY);
	char *t = exercise_template(xi);
	CHECK(t);
	CHECK(strcmp(t, "Their less lovable sides\n\n\nWhere it did not "
			"work\n\n") == 0);
	CHECK(exercise_text_empty(xi, t, strlen(t)));
	free(t);
	const char *one = "Their less lovable sides\nlate, always\n\n"
			  "Where it did not work\n\n";
	CHECK(!exercise_text_empty(xi, one, strlen(one)));
	t = exercise_tidy(xi, one, strlen(one));
	CHECK(t && strcmp(t, "Their less lovable sides\nlate, always") == 0);
	free(t);
	const char *second = "Their less lovable sides\n\nWhere it did not "
			     "work\nwe wanted other lives\n";
	t = exercise_tidy(xi, second, strlen(second));
	CHECK(t &&
	      strcmp(t, "Where it did not work\nwe wanted other lives") == 0);
	free(t);
	exercises_free(xs);
}

TEST(test_an_exercise_is_saved_with_its_id_and_numbers)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	struct exercise_input in = {EXERCISE_PLAN, 600, 7, ENTRY_NONE};
	CHECK_OK(exercise_save(j, &in, "a walk", 6, uuid, &err));
	in.mood = 11;
	CHECK(exercise_save(j, &in, "a walk", 6, uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "mood: 11"));
	in.mood = ENTRY_NONE;
	in.seconds = -1;
	CHECK(exercise_save(j, &in, "a walk", 6, uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "seconds"));
	in.seconds = ENTRY_NONE;
	CHECK(exercise_save(j, &in, "  ", 2, uuid, &err) == MEND_EINVAL);
	CHECK_OK(exercise_clarity_save(j, 5, NULL, 0, uuid, &err));
	CHECK(exercise_clarity_save(j, 8, NULL, 0, uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "clarity: 8 is not in 1..7"));
	test_journal_done(j);
}

static struct content *builtin(void)
{
	struct content *c = NULL;
	struct mend_err err = {""};
	if (content_parse(&c, (const char *)data_prompts_json,
			  data_prompts_json_len,
			  (const char *)data_messages_json,
			  data_messages_json_len, 1, &err) != MEND_OK)
		printf("    %s\n", err.msg);
	return c;
}

TEST(test_the_built_in_prompts_hold_150_and_every_needed_theme)
{
	static const char *const themes[] = PROMPT_THEMES_NEEDED;
	struct content *c = builtin();
	CHECK(c);
	CHECK(c->n_prompts >= 150);
	CHECK(content_prompt_count(c, MODULE_REFLECTION) > 90);
	for (size_t t = 0; t < sizeof themes / sizeof themes[0]; t++) {
		size_t n = 0;
		for (size_t i = 0; i < c->n_prompts; i++)
			n += strcmp(c->prompts[i].theme, themes[t]) == 0;
		CHECK(n >= 4);
	}
	const char *note = content_theme_note(c, "safety");
	CHECK(note && strstr(note, "safe") && strstr(note, "Help now"));
	content_free(c);
}

TEST(test_too_few_prompts_of_a_theme_fail_the_built_in_load)
{
	/* the built-in prompts with every "nights" theme renamed */
	const char *src = (const char *)data_prompts_json;
	size_t n = data_prompts_json_len;
	char *p = malloc(n + 1);
	struct content *c = NULL;
	struct mend_err err = {""};
	CHECK(p);
	memcpy(p, src, n + 1);
	for (char *at = p; (at = strstr(at, "\"theme\": \"nights\""));)
		memcpy(at + 10, "rest  ", 6); /* "nights" -> "rest  " */
	/* "rest  " is no theme: the themes check names it first */
	CHECK(content_parse(&c, p, n, (const char *)data_messages_json,
			    data_messages_json_len, 1, &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "nights") || strstr(err.msg, "rest"));
	free(p);
}

struct daily {
	const char *ids[200];
	char at[200][CLOCK_ISO_LEN];
	int n;
};

static const char *daily_last(const char *id, void *ctx)
{
	struct daily *d = ctx;
	for (int i = d->n - 1; i >= 0; i--)
		if (strcmp(d->ids[i], id) == 0)
			return d->at[i];
	return NULL;
}

/* Answering the day's reflection prompt for 90 days from the first day
 * of no contact, at one mood throughout. */
static void answer_daily_at(int mood)
{
	struct content *c = builtin();
	struct daily *d = calloc(1, sizeof *d);
	CHECK(c && d);
	for (long day = 0; day < PROMPT_FRESH_DAYS; day++) {
		struct prompt_context ctx = {day, mood};
		const struct prompt *p = content_prompt_fresh(
		    c, MODULE_REFLECTION, 20400 + day, 0, &ctx, daily_last, d);
		CHECK(p);
		for (int i = 0; i < d->n; i++)
			CHECK(strcmp(d->ids[i], p->id) != 0);
		d->ids[d->n] = p->id;
		snprintf(d->at[d->n], CLOCK_ISO_LEN, "2026-%03d", (int)day);
		d->n++;
	}
	free(d);
	content_free(c);
}

TEST(test_answering_daily_no_prompt_comes_back_within_90_days)
{
	answer_daily_at(6);
}

/* the gentler prompts a low mood is offered are enough on their own */
TEST(test_answering_daily_at_a_low_mood_no_prompt_comes_back_either)
{
	answer_daily_at(2);
	answer_daily_at(0);
}

TEST(test_with_no_answers_the_fresh_prompt_is_the_day_s_own)
{
	struct content *c = builtin();
	struct daily none = {.n = 0};
	CHECK(c);
	for (long day = 20000; day < 20200; day++)
		for (unsigned off = 0; off < 3; off++)
			CHECK(content_prompt_fresh(c, MODULE_ACCEPTANCE, day,
						   off, NULL, daily_last,
						   &none) ==
			      content_prompt_for(c, MODULE_ACCEPTANCE, day, off,
						 NULL));
	content_free(c);
}
