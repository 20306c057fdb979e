/* SPDX-License-Identifier: MIT */
/* Content loading, validation and the prompt of the day. */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/content.h"
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

TEST(test_builtin_content_is_valid_and_large_enough)
{
	struct content *c = builtin();
	CHECK(c);
	CHECK(content_prompt_count(c, MODULE_REFLECTION) >= 15);
	CHECK(content_prompt_count(c, MODULE_ACCEPTANCE) >= 15);
	CHECK(content_prompt_count(c, MODULE_NOCONTACT) >= 8);
	CHECK(content_prompt_count(c, MODULE_GROWTH) >= 8);
	CHECK(c->n_milestones >= 10 && c->n_slip >= 1 && c->low_mood);
	CHECK(strstr(c->low_mood, "emergency"));
	for (int i = 0; i < SUGGEST_COUNT; i++)
		CHECK(c->suggestion[i] && *c->suggestion[i]);
	content_free(c);
}

static enum mend_rc add(struct content *c, const char *json,
			struct mend_err *err)
{
	return content_add_prompts(c, json, strlen(json), "my.json", err);
}

TEST(test_user_prompts_are_validated)
{
	struct content *c = builtin();
	struct mend_err err = {""};
	size_t n;
	CHECK(c);
	n = c->n_prompts;
	CHECK(add(c, "{", &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "my.json") && strstr(err.msg, "JSON"));
	CHECK(add(c, "{\"format\":\"mend-prompts\",\"version\":2,\"prompts\":[]}",
		  &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "version"));
	CHECK(add(c, "{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":"
		     "[{\"id\":\"x.1\",\"module\":\"dance\",\"theme\":\"t\","
		     "\"text\":\"t\"}]}",
		  &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "prompts[0].module") && strstr(err.msg, "dance"));
	CHECK(add(c, "{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":"
		     "[{\"id\":\"Bad Id\",\"module\":\"growth\",\"theme\":\"t\","
		     "\"text\":\"t\"}]}",
		  &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "prompts[0].id"));
	char dup[256];
	snprintf(dup, sizeof dup,
		 "{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":"
		 "[{\"id\":\"%s\",\"module\":\"growth\",\"theme\":\"t\","
		 "\"text\":\"t\"}]}",
		 c->prompts[0].id);
	CHECK(add(c, dup, &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "used by another prompt"));
	CHECK(add(c, "{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":"
		     "[{\"id\":\"x.1\",\"module\":\"growth\",\"theme\":\"t\","
		     "\"text\":\"\xff\"}]}",
		  &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "UTF-8"));
	CHECK(c->n_prompts == n);
	CHECK_OK(add(c, "{\"format\":\"mend-prompts\",\"version\":1,\"prompts\":"
			"[{\"id\":\"mine.1\",\"module\":\"growth\",\"theme\":"
			"\"t\",\"text\":\"My own prompt\"}]} ",
		     &err));
	CHECK(c->n_prompts == n + 1 && content_prompt(c, "mine.1"));
	content_free(c);
}

TEST(test_messages_missing_a_key_are_refused)
{
	struct content *c = NULL;
	struct mend_err err = {""};
	const char *msgs = "{\"format\":\"mend-messages\",\"version\":1}";
	CHECK(content_parse(&c, (const char *)data_prompts_json,
			    data_prompts_json_len, msgs, strlen(msgs), 1,
			    &err) == MEND_ECONTENT);
	CHECK(c == NULL && strstr(err.msg, "messages.json"));
}

TEST(test_minimum_prompt_counts_are_enforced)
{
	struct content *c = NULL;
	struct mend_err err = {""};
	const char *few = "{\"format\":\"mend-prompts\",\"version\":1,"
			  "\"prompts\":[]}";
	CHECK(content_parse(&c, few, strlen(few),
			    (const char *)data_messages_json,
			    data_messages_json_len, 1, &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "at least"));
}

TEST(test_prompt_rotation_does_not_repeat_within_a_cycle)
{
	struct content *c = builtin();
	CHECK(c);
	for (int m = MODULE_NOCONTACT; m <= MODULE_ACCEPTANCE; m++) {
		size_t n = content_prompt_count(c, (enum module)m);
		for (long cycle = 0; cycle < 3; cycle++) {
			const struct prompt **seen = calloc(n, sizeof *seen);
			CHECK(seen);
			long base = 20000 / (long)n * (long)n + cycle * (long)n;
			for (size_t d = 0; d < n; d++) {
				const struct prompt *p = content_prompt_of_day(
					c, (enum module)m, base + (long)d, 0);
				CHECK(p && p->module == (enum module)m);
				for (size_t k = 0; k < d; k++)
					CHECK(seen[k] != p);
				seen[d] = p;
			}
			free(seen);
		}
	}
	content_free(c);
}

TEST(test_prompt_of_the_day_is_stable_and_another_differs)
{
	struct content *c = builtin();
	CHECK(c);
	const struct prompt *a = content_prompt_of_day(c, MODULE_REFLECTION, 20500, 0);
	const struct prompt *b = content_prompt_of_day(c, MODULE_REFLECTION, 20500, 0);
	const struct prompt *other =
		content_prompt_of_day(c, MODULE_REFLECTION, 20500, 1);
	CHECK(a && a == b && other && other != a);
	CHECK(content_prompt_of_day(c, MODULE_CHECKIN, 20500, 0) == NULL);
	content_free(c);
}

TEST(test_no_prompt_is_shown_two_days_running)
{
	struct content *c = builtin();
	CHECK(c);
	for (int m = MODULE_NOCONTACT; m <= MODULE_ACCEPTANCE; m++) {
		const struct prompt *prev = content_prompt_of_day(c, (enum module)m,
								  19999, 0);
		for (long d = 20000; d < 21000; d++) {
			const struct prompt *p =
				content_prompt_of_day(c, (enum module)m, d, 0);
			CHECK(p && p != prev);
			prev = p;
		}
	}
	content_free(c);
}

/* The built-in messages with one member replaced (text must hold it). */
static char *messages_with(const char *key, const char *value)
{
	cJSON *doc = cJSON_ParseWithLength((const char *)data_messages_json,
					   data_messages_json_len);
	char *out = NULL;
	if (doc) {
		cJSON_ReplaceItemInObject(doc, key, cJSON_Parse(value));
		out = cJSON_PrintUnformatted(doc);
		cJSON_Delete(doc);
	}
	return out;
}

TEST(test_decision_labels_and_theme_words_are_validated)
{
	struct content *c = NULL;
	struct mend_err err = {""};
	char *m = messages_with("themes", "[\"not an object\"]");
	CHECK(m);
	CHECK(content_parse(&c, (const char *)data_prompts_json,
			    data_prompts_json_len, m, strlen(m), 1,
			    &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "themes"));
	cJSON_free(m);
	m = messages_with("decision_labels", "{\"reconnect\":\"Try again\"}");
	CHECK(m);
	CHECK(content_parse(&c, (const char *)data_prompts_json,
			    data_prompts_json_len, m, strlen(m), 1,
			    &err) == MEND_ECONTENT);
	CHECK(strstr(err.msg, "decision_labels.friends"));
	cJSON_free(m);
	c = builtin();
	CHECK(c);
	for (int i = 0; i < OUTCOME_COUNT; i++)
		CHECK(c->decision_label[i] && *c->decision_label[i]);
	content_free(c);
}
