/* SPDX-License-Identifier: MIT */
/* Listing, full-text search, editing and deleting entries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/growth.h"
#include "mend/reflection.h"
#include "test.h"

struct hits {
	int n;
	char first[64];
};

static int collect(const struct entry *e, void *ctx)
{
	struct hits *h = ctx;
	if (h->n++ == 0)
		snprintf(h->first, sizeof h->first, "%s", e->text);
	return 0;
}

static int search(struct journal *j, const char *words, char *first)
{
	struct journal_query q = {.module = -1, .search = words};
	struct hits h = {0, ""};
	if (journal_list(j, &q, collect, &h, NULL) != MEND_OK)
		return -1;
	if (first)
		strcpy(first, h.first);
	return h.n;
}

static void reflect(struct journal *j, const char *text, char *uuid)
{
	char tmp[UUID_LEN];
	reflection_save(j, MODULE_REFLECTION, NULL, text, strlen(text),
			uuid ? uuid : tmp, NULL);
}

TEST(test_fts_search_finds_words_prefixes_and_accents)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char first[64];
	CHECK(j);
	reflect(j, "We met at the café by the river", NULL);
	reflect(j, "Anger comes in waves", NULL);
	reflect(j, "中文 text and an emoji 🙂", NULL);
	CHECK(search(j, "cafe", first) == 1 && strstr(first, "café"));
	CHECK(search(j, "ANGER", NULL) == 1);
	CHECK(search(j, "ang", NULL) == 1);
	CHECK(search(j, "river café", NULL) == 1);
	CHECK(search(j, "river anger", NULL) == 0);
	CHECK(search(j, "中文", NULL) == 1);
	test_journal_done(j);
}

TEST(test_fts_search_survives_syntax_characters)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	CHECK(j);
	reflect(j, "don't call, \"really\" AND (never)", NULL);
	CHECK(search(j, "don't", NULL) == 1);
	CHECK(search(j, "\"really\"", NULL) == 1);
	CHECK(search(j, "AND ( NEAR * ^ -", NULL) >= 0);
	CHECK(search(j, "  ", NULL) == -1);
	test_journal_done(j);
}

TEST(test_search_follows_edits_and_deletes)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN];
	CHECK(j);
	reflect(j, "lighthouse memories", uuid);
	CHECK(search(j, "lighthouse", NULL) == 1);
	CHECK_OK(journal_edit(j, uuid, "harbour memories", 16, NULL));
	CHECK(search(j, "lighthouse", NULL) == 0);
	CHECK(search(j, "harbour", NULL) == 1);
	CHECK_OK(journal_delete(j, uuid, NULL));
	CHECK(search(j, "harbour", NULL) == 0);
	CHECK(journal_delete(j, uuid, NULL) == MEND_ENOTFOUND);
	test_journal_done(j);
}

TEST(test_list_filters_by_module_dates_and_limit)
{
	struct journal *j = test_journal("2026-01-10T09:00:00Z", "UTC");
	char uuid[UUID_LEN];
	struct hits h = {0, ""};
	CHECK(j);
	reflect(j, "day ten", NULL);
	test_set_now(j, "2026-01-11T09:00:00Z");
	CHECK_OK(growth_log(j, "body", 20, "walk", 4, uuid, NULL));
	test_set_now(j, "2026-01-12T09:00:00Z");
	reflect(j, "day twelve", NULL);

	struct journal_query q = {.module = MODULE_REFLECTION};
	CHECK_OK(journal_list(j, &q, collect, &h, NULL));
	CHECK(h.n == 2 && strcmp(h.first, "day twelve") == 0);

	struct journal_query d = {.module = -1, .since = "2026-01-11",
				  .until = "2026-01-11"};
	h.n = 0;
	CHECK_OK(journal_list(j, &d, collect, &h, NULL));
	CHECK(h.n == 1 && strcmp(h.first, "walk") == 0);

	struct journal_query l = {.module = -1, .limit = 2, .oldest_first = true};
	h.n = 0;
	CHECK_OK(journal_list(j, &l, collect, &h, NULL));
	CHECK(h.n == 2 && strcmp(h.first, "day ten") == 0);

	struct journal_query bad = {.module = -1, .since = "2026-02-30"};
	struct mend_err err = {""};
	CHECK(journal_list(j, &bad, collect, &h, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "since") && strstr(err.msg, "2026-02-30"));
	test_journal_done(j);
}

static void nothing(const struct entry *e, void *ctx)
{
	(void)e;
	(*(int *)ctx)++;
}

TEST(test_find_by_prefix_and_ambiguity)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN], prefix[9];
	int n = 0;
	struct mend_err err = {""};
	CHECK(j);
	reflect(j, "one", uuid);
	snprintf(prefix, sizeof prefix, "%.8s", uuid);
	CHECK_OK(journal_find(j, prefix, nothing, &n, NULL));
	CHECK(n == 1);
	CHECK(journal_find(j, "zzzz", nothing, &n, &err) == MEND_EINVAL);
	CHECK(journal_find(j, "abc", nothing, &n, &err) == MEND_EINVAL);
	prefix[0] = prefix[0] == 'a' ? 'b' : 'a';
	CHECK(journal_find(j, prefix, nothing, &n, &err) == MEND_ENOTFOUND);
	CHECK(strstr(err.msg, prefix));
	test_journal_done(j);
}

TEST(test_text_checks_name_the_problem)
{
	struct mend_err err = {""};
	CHECK(journal_check_text("text", "", 0, 10, true, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "text: empty"));
	CHECK(journal_check_text("text", " \n\t", 3, 10, true, &err) ==
	      MEND_EINVAL);
	CHECK(journal_check_text("text", "a\0b", 3, 10, true, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "NUL"));
	CHECK(journal_check_text("text", "abcdef", 6, 5, true, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "6 bytes"));
	CHECK_OK(journal_check_text("note", "", 0, 10, false, &err));
}

TEST(test_reflection_keeps_the_prompt_as_shown)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN];
	struct mend_err err = {""};
	CHECK(j);
	const struct prompt *p = reflection_prompt_today(j, MODULE_REFLECTION, 0);
	CHECK(p);
	CHECK_OK(reflection_save(j, MODULE_REFLECTION, p->id, "answer", 6, uuid,
				 NULL));
	const struct prompt *a = reflection_prompt_today(j, MODULE_ACCEPTANCE, 0);
	CHECK(reflection_save(j, MODULE_REFLECTION, a->id, "x", 1, uuid, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "belongs to acceptance"));
	CHECK(reflection_save(j, MODULE_REFLECTION, "nope", "x", 1, uuid, &err) ==
	      MEND_EINVAL);
	test_journal_done(j);
}

struct order {
	char first[CLOCK_ISO_LEN];
	char prev[CLOCK_ISO_LEN];
	int n;
	bool sorted;
};

static int check_order(const struct entry *e, void *ctx)
{
	struct order *o = ctx;
	if (o->n == 0)
		memcpy(o->first, e->created_at, sizeof o->first);
	if (o->n++ && strcmp(e->created_at, o->prev) > 0)
		o->sorted = false;
	memcpy(o->prev, e->created_at, sizeof o->prev);
	return 0;
}

TEST(test_search_with_many_matches_is_newest_first_and_limited)
{
	struct journal *j = test_journal("2026-01-01T00:00:00Z", "UTC");
	char now[CLOCK_ISO_LEN], uuid[UUID_LEN];
	CHECK(j);
	CHECK_OK(store_begin(j->st, NULL));
	for (int i = 0; i < 400; i++) {
		struct entry e;
		entry_init(&e);
		e.kind = KIND_REFLECTION;
		e.text = i % 2 ? "the harbour at dusk" : "an ordinary day";
		snprintf(e.uuid, sizeof e.uuid,
			 "00000000-0000-4000-8000-%012d", (i * 7919) % 400);
		/* created out of insertion order, so rowid order is wrong */
		clock_format_iso(1767225600 + (time_t)((i * 37) % 400) * 3600, now);
		memcpy(e.created_at, now, sizeof now);
		memcpy(e.updated_at, now, sizeof now);
		CHECK_OK(store_entry_insert(j->st, &e, NULL));
	}
	CHECK_OK(store_commit(j->st, NULL));
	(void)uuid;
	struct journal_query q = {.module = -1, .search = "harbour", .limit = 25};
	struct order o = {"", "", 0, true};
	CHECK_OK(journal_list(j, &q, check_order, &o, NULL));
	CHECK(o.n == 25 && o.sorted);
	/* the newest match comes first: the largest created_at of the odd i */
	struct journal_query all = {.module = -1, .search = "harbour"};
	struct order every = {"", "", 0, true};
	CHECK_OK(journal_list(j, &all, check_order, &every, NULL));
	CHECK(every.n == 200 && every.sorted);
	CHECK(strcmp(o.first, every.first) == 0);
	CHECK(strcmp(o.prev, every.first) < 0);
	test_journal_done(j);
}
