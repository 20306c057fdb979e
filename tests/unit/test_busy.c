/* SPDX-License-Identifier: MIT */
/* Waiting for another process's lock: the journal's busy hook is called
 * while a save waits, can give up (MEND_ECANCELLED, nothing written), and
 * a save whose lock comes free while it waits completes by itself. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "mend/reflection.h"
#include "test.h"

/* Another process's connection to the same file, holding a lock. */
static sqlite3 *hold(struct journal *j, const char *sql)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(store_path(j->st), &db, SQLITE_OPEN_READWRITE,
			    NULL) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static void release(sqlite3 *db)
{
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
}

struct waits {
	int calls;
	int give_up_after;	  /* calls; 0: never */
	sqlite3 *release_after_3; /* let go of this lock on the third call */
	long last_waited;
	bool waited_grew;
	bool attempts_count_up;
};

static int hook(void *ctx, int attempt, long waited_ms)
{
	struct waits *w = ctx;
	if (attempt != w->calls)
		w->attempts_count_up = false;
	if (waited_ms > w->last_waited)
		w->waited_grew = true;
	w->last_waited = waited_ms;
	w->calls++;
	if (w->release_after_3 && w->calls == 3) {
		release(w->release_after_3);
		w->release_after_3 = NULL;
	}
	return !(w->give_up_after && w->calls >= w->give_up_after);
}

static long entries(struct journal *j)
{
	long n = -1;
	store_entry_count(j->st, -1, NULL, &n, NULL);
	return n;
}

static enum mend_rc save(struct journal *j, const char *text,
			 struct mend_err *err)
{
	char uuid[UUID_LEN];
	return reflection_save(j, MODULE_REFLECTION, NULL, text, strlen(text),
			       uuid, err);
}

/* The case: a reader (an export into a pipe nobody reads) holds
 * its snapshot, so the save waits for the commit. */
TEST(test_busy_hook_is_called_while_a_reader_holds_the_commit)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct waits w = {.give_up_after = 4, .attempts_count_up = true};
	struct mend_err err = {""};
	CHECK(j);
	sqlite3 *other = hold(j, "BEGIN; SELECT count(*) FROM entries;");
	CHECK(other);
	journal_set_busy_hook(j, hook, &w);
	CHECK(save(j, "a private thought", &err) == MEND_ECANCELLED);
	CHECK(w.calls == 4);
	CHECK(w.attempts_count_up);
	CHECK(w.waited_grew);
	CHECK(strstr(err.msg, "cancelled while waiting for another mend"));
	release(other);
	CHECK(entries(j) == 0);
	test_journal_done(j);
}

/* Another writer holds the whole file: even reading waits. */
TEST(test_busy_give_up_under_an_exclusive_lock_writes_nothing)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct waits w = {.give_up_after = 2, .attempts_count_up = true};
	struct mend_err err = {""};
	CHECK(j);
	sqlite3 *other = hold(j, "BEGIN EXCLUSIVE;");
	CHECK(other);
	journal_set_busy_hook(j, hook, &w);
	CHECK(save(j, "a private thought", &err) == MEND_ECANCELLED);
	CHECK(w.calls == 2);
	CHECK(mend_rc_exit(MEND_ECANCELLED) == 1);
	release(other);
	journal_refresh(j, NULL);
	CHECK(entries(j) == 0);
	test_journal_done(j);
}

/* Once the person stopped waiting, the rest of that action does not
 * wait again; the next action (journal_refresh) may. */
TEST(test_busy_give_up_holds_until_the_next_action)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct waits w = {.give_up_after = 1, .attempts_count_up = true};
	struct mend_err err = {""};
	CHECK(j);
	sqlite3 *other = hold(j, "BEGIN; SELECT count(*) FROM entries;");
	CHECK(other);
	journal_set_busy_hook(j, hook, &w);
	CHECK(save(j, "first", &err) == MEND_ECANCELLED);
	CHECK(w.calls == 1);
	CHECK(save(j, "second", &err) == MEND_ECANCELLED);
	CHECK(w.calls == 1);
	CHECK_OK(journal_refresh(j, &err));
	w = (struct waits){.release_after_3 = other, .attempts_count_up = true};
	CHECK_OK(save(j, "third", &err));
	CHECK(w.calls == 3);
	CHECK(entries(j) == 1);
	test_journal_done(j);
}

TEST(test_busy_save_completes_when_the_lock_comes_free)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct waits w = {.attempts_count_up = true};
	struct mend_err err = {""};
	CHECK(j);
	w.release_after_3 = hold(j, "BEGIN EXCLUSIVE;");
	CHECK(w.release_after_3);
	journal_set_busy_hook(j, hook, &w);
	CHECK_OK(save(j, "written after the wait", &err));
	CHECK(w.calls == 3);
	CHECK(entries(j) == 1);
	test_journal_done(j);
}

/* Without a hook nothing changes: no lock, no call, no wait. */
TEST(test_busy_hook_is_not_called_when_nothing_waits)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct waits w = {.give_up_after = 1, .attempts_count_up = true};
	struct mend_err err = {""};
	CHECK(j);
	journal_set_busy_hook(j, hook, &w);
	CHECK_OK(save(j, "no one else here", &err));
	CHECK(w.calls == 0);
	journal_set_busy_hook(j, NULL, NULL);
	CHECK_OK(save(j, "still fine", &err));
	CHECK(entries(j) == 2);
	test_journal_done(j);
}
