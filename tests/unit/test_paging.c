/* SPDX-License-Identifier: MIT */
/* Paging through the whole journal by keyset: both directions from both
 * ends, ties of the same second, a module, a search with few and with
 * many matches, a jump to a day, and sealed letters kept sealed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/nocontact.h"
#include "test.h"

/* Entries made straight through the store in one transaction, so that a
 * few hundred cost one commit: entry i is written at base + i minutes
 * (or all in the same second with same_second). */
static bool add_entries(struct journal *j, int n, enum kind kind,
			const char *words, bool same_second)
{
	bool ok = store_begin(j->st, NULL) == MEND_OK;
	for (int i = 0; ok && i < n; i++) {
		struct entry e;
		char text[128];
		time_t t = 1767225600 + (same_second ? 0 : (time_t)i * 60);
		entry_init(&e);
		e.kind = kind;
		snprintf(text, sizeof text, "%s number %d", words, i);
		e.text = text;
		clock_format_iso(t, e.created_at);
		memcpy(e.updated_at, e.created_at, sizeof e.updated_at);
		ok = uuid_new(e.uuid, NULL) == MEND_OK &&
		     store_entry_insert(j->st, &e, NULL) == MEND_OK;
	}
	if (ok)
		ok = store_commit(j->st, NULL) == MEND_OK;
	else
		store_rollback(j->st);
	return ok;
}

#define SEEN_MAX 1000

struct seen {
	int n;
	struct entry_cursor at[SEEN_MAX];
	char text[SEEN_MAX][64];
};

static int note(const struct entry *e, void *ctx)
{
	struct seen *s = ctx;
	if (s->n >= SEEN_MAX)
		return 1;
	journal_cursor_of(e, &s->at[s->n]);
	snprintf(s->text[s->n], sizeof s->text[s->n], "%s", e->text);
	s->n++;
	return 0;
}

static int cmp_cursor(const struct entry_cursor *a,
		      const struct entry_cursor *b)
{
	int c = strcmp(a->created_at, b->created_at);
	return c ? c : strcmp(a->uuid, b->uuid);
}

/* Walk q in dir from an end, page entries at a time, into all; false on
 * an error or a page longer than asked. */
static bool walk(struct journal *j, const struct journal_query *q,
		 enum journal_dir dir, long page, struct seen *all)
{
	struct entry_cursor from;
	all->n = 0;
	for (;;) {
		int before = all->n;
		if (journal_page(j, q, before ? &from : NULL, dir, page, note,
				 all, NULL) != MEND_OK)
			return false;
		if (all->n - before > page)
			return false;
		if (all->n == before)
			return true;
		from = all->at[all->n - 1];
	}
}

/* Every place in s strictly after the one before it in dir's order. */
static bool in_order(const struct seen *s, enum journal_dir dir)
{
	for (int i = 1; i < s->n; i++) {
		int c = cmp_cursor(&s->at[i - 1], &s->at[i]);
		if (dir == JOURNAL_OLDER ? c <= 0 : c >= 0)
			return false;
	}
	return true;
}

TEST(test_page_walks_every_entry_both_ways_from_both_ends)
{
	struct journal *j = test_journal("2026-03-01T12:00:00Z", "UTC");
	struct journal_query q = {.module = -1};
	static struct seen older, newer;
	CHECK(j);
	CHECK(add_entries(j, 50, KIND_REFLECTION, "walk", false));
	CHECK(walk(j, &q, JOURNAL_OLDER, 7, &older));
	CHECK(older.n == 50);
	CHECK(in_order(&older, JOURNAL_OLDER));
	CHECK(strcmp(older.text[0], "walk number 49") == 0);
	CHECK(strcmp(older.text[49], "walk number 0") == 0);
	CHECK(walk(j, &q, JOURNAL_NEWER, 7, &newer));
	CHECK(newer.n == 50);
	CHECK(in_order(&newer, JOURNAL_NEWER));
	/* the newer walk starts at the very first entry ever written */
	CHECK(strcmp(newer.text[0], "walk number 0") == 0);
	for (int i = 0; i < 50; i++)
		CHECK(cmp_cursor(&older.at[i], &newer.at[49 - i]) == 0);
	test_journal_done(j);
}

TEST(test_page_keeps_entries_of_the_same_second_apart)
{
	struct journal *j = test_journal("2026-03-01T12:00:00Z", "UTC");
	struct journal_query q = {.module = -1};
	static struct seen older, newer;
	CHECK(j);
	CHECK(add_entries(j, 20, KIND_REFLECTION, "tie", true));
	CHECK(walk(j, &q, JOURNAL_OLDER, 3, &older));
	CHECK(older.n == 20);
	CHECK(in_order(&older, JOURNAL_OLDER));
	CHECK(walk(j, &q, JOURNAL_NEWER, 3, &newer));
	CHECK(newer.n == 20);
	CHECK(in_order(&newer, JOURNAL_NEWER));
	/* turning back from the middle gives exactly the entries before it */
	struct seen back = {0};
	CHECK_OK(journal_page(j, &q, &older.at[10], JOURNAL_NEWER, 100, note,
			      &back, NULL));
	CHECK(back.n == 10);
	for (int i = 0; i < 10; i++)
		CHECK(cmp_cursor(&back.at[i], &older.at[9 - i]) == 0);
	test_journal_done(j);
}

TEST(test_page_of_one_module_skips_the_others)
{
	struct journal *j = test_journal("2026-03-01T12:00:00Z", "UTC");
	struct journal_query q = {.module = MODULE_GROWTH};
	static struct seen s;
	CHECK(j);
	CHECK(add_entries(j, 30, KIND_REFLECTION, "thinking", false));
	CHECK(add_entries(j, 12, KIND_GROWTH, "running", false));
	CHECK(walk(j, &q, JOURNAL_OLDER, 5, &s));
	CHECK(s.n == 12);
	CHECK(in_order(&s, JOURNAL_OLDER));
	for (int i = 0; i < s.n; i++)
		CHECK(strncmp(s.text[i], "running", 7) == 0);
	test_journal_done(j);
}

/* Both plans of a search: few matches sorted, many walked by date. */
static void search_pages(int matches)
{
	struct journal *j = test_journal("2026-03-01T12:00:00Z", "UTC");
	struct journal_query q = {.module = -1, .search = "lighthouse"};
	static struct seen older, newer;
	CHECK(j);
	CHECK(add_entries(j, 40, KIND_REFLECTION, "harbour", false));
	CHECK(add_entries(j, matches, KIND_REFLECTION, "a lighthouse", false));
	CHECK(walk(j, &q, JOURNAL_OLDER, 25, &older));
	CHECK(older.n == matches);
	CHECK(in_order(&older, JOURNAL_OLDER));
	CHECK(walk(j, &q, JOURNAL_NEWER, 25, &newer));
	CHECK(newer.n == matches);
	CHECK(in_order(&newer, JOURNAL_NEWER));
	for (int i = 0; i < older.n; i++)
		CHECK(strstr(older.text[i], "lighthouse"));
	CHECK(strcmp(newer.text[0], "a lighthouse number 0") == 0);
	test_journal_done(j);
}

TEST(test_page_of_a_search_with_few_matches)
{
	search_pages(33);
}

TEST(test_page_of_a_search_with_many_matches)
{
	search_pages(340);
}

TEST(test_page_after_a_day_starts_at_that_day)
{
	/* 48 entries an hour apart from 2026-01-01 00:00 in Paris' winter
	 * (UTC+1): the local day 2026-01-01 ends at 23:00 UTC */
	struct journal *j =
	    test_journal("2026-03-01T12:00:00Z", "Europe/Paris");
	struct journal_query q = {.module = -1};
	struct entry_cursor at;
	struct seen s = {0};
	struct mend_err err = {""};
	CHECK(j);
	bool ok = store_begin(j->st, NULL) == MEND_OK;
	for (int i = 0; ok && i < 48; i++) {
		struct entry e;
		char text[32];
		entry_init(&e);
		e.kind = KIND_REFLECTION;
		snprintf(text, sizeof text, "hour %d", i);
		e.text = text;
		clock_format_iso(1767222000 + (time_t)i * 3600, e.created_at);
		memcpy(e.updated_at, e.created_at, sizeof e.updated_at);
		ok = uuid_new(e.uuid, NULL) == MEND_OK &&
		     store_entry_insert(j->st, &e, NULL) == MEND_OK;
	}
	CHECK(ok);
	CHECK_OK(store_commit(j->st, NULL));
	CHECK_OK(journal_cursor_after_day("2026-01-01", &at, &err));
	CHECK_OK(journal_page(j, &q, &at, JOURNAL_OLDER, 2, note, &s, NULL));
	CHECK(s.n == 2 && strcmp(s.text[0], "hour 23") == 0);
	s.n = 0;
	CHECK_OK(journal_page(j, &q, &at, JOURNAL_NEWER, 2, note, &s, NULL));
	CHECK(s.n == 2 && strcmp(s.text[0], "hour 24") == 0);
	/* a day before everything: nothing older, the first entry newer */
	CHECK_OK(journal_cursor_after_day("2025-06-01", &at, &err));
	s.n = 0;
	CHECK_OK(journal_page(j, &q, &at, JOURNAL_OLDER, 5, note, &s, NULL));
	CHECK(s.n == 0);
	CHECK_OK(journal_page(j, &q, &at, JOURNAL_NEWER, 1, note, &s, NULL));
	CHECK(s.n == 1 && strcmp(s.text[0], "hour 0") == 0);
	CHECK(journal_cursor_after_day("2026-02-30", &at, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "date") && strstr(err.msg, "2026-02-30"));
	test_journal_done(j);
}

TEST(test_page_keeps_sealed_letters_sealed)
{
	struct journal *j = test_journal("2026-03-01T12:00:00Z", "UTC");
	struct journal_query all = {.module = -1};
	struct journal_query find = {.module = -1, .search = "secret"};
	char uuid[UUID_LEN];
	struct seen s = {0};
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-03-01", 30, NULL, NULL));
	CHECK_OK(nocontact_seal(j, 10, "my secret words", 15, uuid, NULL));
	CHECK_OK(
	    journal_page(j, &all, NULL, JOURNAL_OLDER, 10, note, &s, NULL));
	CHECK(s.n == 1 && s.text[0][0] == '\0');
	s.n = 0;
	CHECK_OK(
	    journal_page(j, &find, NULL, JOURNAL_OLDER, 10, note, &s, NULL));
	CHECK(s.n == 0);
	test_journal_done(j);
}

TEST(test_page_refuses_a_bad_limit_and_an_empty_search)
{
	struct journal *j = test_journal("2026-03-01T12:00:00Z", "UTC");
	struct journal_query all = {.module = -1};
	struct journal_query blank = {.module = -1, .search = "   "};
	struct mend_err err = {""};
	struct seen s = {0};
	CHECK(j);
	CHECK(journal_page(j, &all, NULL, JOURNAL_OLDER, 0, note, &s, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "limit"));
	CHECK(journal_page(j, &blank, NULL, JOURNAL_OLDER, 5, note, &s, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "search"));
	test_journal_done(j);
}

TEST(test_page_goes_on_from_an_entry_that_was_deleted)
{
	struct journal *j = test_journal("2026-03-01T12:00:00Z", "UTC");
	struct journal_query q = {.module = -1};
	struct seen first = {0}, next = {0};
	CHECK(j);
	CHECK(add_entries(j, 10, KIND_REFLECTION, "gone", false));
	CHECK_OK(
	    journal_page(j, &q, NULL, JOURNAL_OLDER, 4, note, &first, NULL));
	CHECK(first.n == 4);
	/* the place is kept by value, so the page after it needs no row */
	CHECK_OK(journal_delete(j, first.at[3].uuid, NULL));
	CHECK_OK(journal_page(j, &q, &first.at[3], JOURNAL_OLDER, 10, note,
			      &next, NULL));
	CHECK(next.n == 6);
	CHECK(strcmp(next.text[0], "gone number 5") == 0);
	test_journal_done(j);
}
