/* SPDX-License-Identifier: MIT */
/* Drafts: kept per owner and context, offered only once their owner is
 * gone, taken up by one session only, and kept a week after a discard. */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mend/draft.h"
#include "test.h"

#define NOW "2026-03-01T10:00:00Z"

/* An owner that has ended: a child names itself, and is then reaped. */
static void gone_owner(char out[DRAFT_OWNER_LEN])
{
	int fds[2];
	out[0] = '\0';
	if (pipe(fds) != 0)
		return;
	pid_t pid = fork();
	if (pid == 0) {
		char me[DRAFT_OWNER_LEN];
		draft_owner_self(me);
		if (write(fds[1], me, sizeof me) != (ssize_t)sizeof me)
			_exit(1);
		pause();
		_exit(0);
	}
	close(fds[1]);
	if (pid < 0 || read(fds[0], out, DRAFT_OWNER_LEN) != DRAFT_OWNER_LEN)
		out[0] = '\0';
	close(fds[0]);
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
}

static size_t count_orphans(struct journal *j)
{
	struct draft *list = NULL;
	size_t n = 0;
	if (draft_orphans(j, &list, &n, NULL) != MEND_OK)
		return (size_t)-1;
	draft_list_free(list, n);
	return n;
}

TEST(test_draft_owner_self_lives_and_a_reaped_child_is_gone)
{
	char self[DRAFT_OWNER_LEN], gone[DRAFT_OWNER_LEN], reused[64];
	draft_owner_self(self);
	CHECK(!draft_owner_gone(self));
	gone_owner(gone);
	CHECK(gone[0] && strcmp(gone, self) != 0);
	CHECK(draft_owner_gone(gone));
	CHECK(draft_owner_gone(""));
	CHECK(draft_owner_gone("not an owner"));
	/* our pid with another start time: the pid was used again */
	snprintf(reused, sizeof reused, "%ld:1", (long)getpid());
	CHECK(draft_owner_gone(reused));
}

TEST(test_a_live_owners_draft_is_never_offered_and_a_gone_ones_is)
{
	struct journal *j = test_journal(NOW, "UTC");
	char self[DRAFT_OWNER_LEN], gone[DRAFT_OWNER_LEN];
	struct draft *list = NULL;
	size_t n = 0;
	CHECK(j);
	draft_owner_self(self);
	gone_owner(gone);
	CHECK_OK(
	    draft_save(j, self, "reflection:", "mine, still open", 16, NULL));
	CHECK(count_orphans(j) == 0);
	CHECK_OK(draft_save(j, gone, "reflection:", "left behind", 11, NULL));
	CHECK_OK(draft_orphans(j, &list, &n, NULL));
	CHECK(n == 1 && strcmp(list[0].text, "left behind") == 0);
	draft_list_free(list, n);
	test_journal_done(j);
}

TEST(test_one_draft_per_owner_and_context_and_clear_touches_only_its_own)
{
	struct journal *j = test_journal(NOW, "UTC");
	char a[DRAFT_OWNER_LEN], b[DRAFT_OWNER_LEN];
	struct draft *list = NULL;
	size_t n = 0;
	CHECK(j);
	gone_owner(a);
	gone_owner(b);
	CHECK_OK(draft_save(j, a, "reflection:", "first", 5, NULL));
	CHECK_OK(draft_save(j, a, "reflection:", "first, longer", 13, NULL));
	CHECK_OK(draft_save(j, a, "unsent:", "a letter", 8, NULL));
	CHECK_OK(draft_save(j, b, "reflection:", "the other one", 13, NULL));
	CHECK(count_orphans(j) == 3);
	CHECK_OK(draft_clear(j, b, "reflection:", NULL));
	CHECK_OK(draft_orphans(j, &list, &n, NULL));
	CHECK(n == 2);
	bool longer = false, letter = false;
	for (size_t i = 0; i < n; i++) {
		longer |= strcmp(list[i].text, "first, longer") == 0;
		letter |= strcmp(list[i].text, "a letter") == 0;
	}
	CHECK(longer && letter);
	draft_list_free(list, n);
	test_journal_done(j);
}

TEST(test_orphans_come_newest_first)
{
	struct journal *j = test_journal("2026-03-01T10:00:00Z", "UTC");
	char a[DRAFT_OWNER_LEN], b[DRAFT_OWNER_LEN];
	struct draft *list = NULL;
	size_t n = 0;
	CHECK(j);
	gone_owner(a);
	gone_owner(b);
	CHECK_OK(draft_save(j, a, "reflection:", "older", 5, NULL));
	test_set_now(j, "2026-03-01T11:00:00Z");
	CHECK_OK(draft_save(j, b, "reflection:", "newer", 5, NULL));
	CHECK_OK(draft_orphans(j, &list, &n, NULL));
	CHECK(n == 2);
	CHECK(strcmp(list[0].text, "newer") == 0);
	CHECK(strcmp(list[1].text, "older") == 0);
	draft_list_free(list, n);
	test_journal_done(j);
}

TEST(test_a_taken_draft_is_no_longer_offered_and_only_one_session_takes_it)
{
	struct journal *j = test_journal(NOW, "UTC");
	char gone[DRAFT_OWNER_LEN], self[DRAFT_OWNER_LEN];
	struct draft *list = NULL;
	size_t n = 0;
	CHECK(j);
	gone_owner(gone);
	draft_owner_self(self);
	CHECK_OK(draft_save(j, gone, "reflection:", "come back", 9, NULL));
	CHECK_OK(draft_orphans(j, &list, &n, NULL));
	CHECK(n == 1);
	CHECK_OK(draft_take(j, &list[0], self, NULL));
	/* a second session that saw the same offer finds it taken */
	CHECK(draft_take(j, &list[0], "1:1", NULL) == MEND_ENOTFOUND);
	draft_list_free(list, n);
	test_journal_done(j);
}

TEST(test_taken_draft_becomes_the_takers_own)
{
	struct journal *j = test_journal(NOW, "UTC");
	char gone[DRAFT_OWNER_LEN], self[DRAFT_OWNER_LEN];
	struct draft *list = NULL;
	size_t n = 0;
	CHECK(j);
	gone_owner(gone);
	draft_owner_self(self);
	CHECK_OK(draft_save(j, gone, "reflection:", "come back", 9, NULL));
	CHECK_OK(draft_orphans(j, &list, &n, NULL));
	CHECK(n == 1);
	CHECK_OK(draft_take(j, &list[0], self, NULL));
	draft_list_free(list, n);
	CHECK(count_orphans(j) == 0);
	/* saving the text clears it as the taker's draft */
	CHECK_OK(draft_save(j, self, "reflection:", "come back!", 10, NULL));
	CHECK_OK(draft_clear(j, self, "reflection:", NULL));
	CHECK(count_orphans(j) == 0);
	struct draft d;
	CHECK(draft_last_discarded(j, "reflection:", &d, NULL) ==
	      MEND_ENOTFOUND);
	test_journal_done(j);
}

TEST(test_discarded_text_is_kept_seven_days_then_forgotten)
{
	struct journal *j = test_journal("2026-03-01T10:00:00Z", "UTC");
	char self[DRAFT_OWNER_LEN];
	struct draft d;
	CHECK(j);
	draft_owner_self(self);
	CHECK_OK(draft_save(j, self, "reflection:", "autosaved", 9, NULL));
	CHECK_OK(
	    draft_discard(j, self, "reflection:", "let go of this", 14, NULL));
	/* not offered as unsaved writing, but there to bring back */
	CHECK(count_orphans(j) == 0);
	test_set_now(j, "2026-03-08T09:59:00Z");
	CHECK_OK(draft_last_discarded(j, "reflection:", &d, NULL));
	CHECK(strcmp(d.text, "let go of this") == 0);
	CHECK(strcmp(d.discarded_at, "2026-03-01T10:00:00Z") == 0);
	draft_done(&d);
	CHECK(draft_last_discarded(j, "unsent:", &d, NULL) == MEND_ENOTFOUND);
	test_set_now(j, "2026-03-08T10:01:00Z");
	CHECK(draft_last_discarded(j, "reflection:", &d, NULL) ==
	      MEND_ENOTFOUND);
	/* and the next look at the drafts forgets it for good */
	CHECK(count_orphans(j) == 0);
	test_set_now(j, "2026-03-02T10:00:00Z");
	CHECK(draft_last_discarded(j, "reflection:", &d, NULL) ==
	      MEND_ENOTFOUND);
	test_journal_done(j);
}

TEST(test_brought_back_text_is_forgotten_as_discarded)
{
	struct journal *j = test_journal(NOW, "UTC");
	char self[DRAFT_OWNER_LEN];
	struct draft d;
	CHECK(j);
	draft_owner_self(self);
	CHECK_OK(draft_discard(j, self, "unsent:", "dear you", 8, NULL));
	CHECK_OK(draft_last_discarded(j, "unsent:", &d, NULL));
	CHECK_OK(draft_forget(j, &d, NULL));
	draft_done(&d);
	CHECK(draft_last_discarded(j, "unsent:", &d, NULL) == MEND_ENOTFOUND);
	/* discarding empty text keeps nothing */
	CHECK_OK(draft_discard(j, self, "unsent:", "  \n", 3, NULL));
	CHECK(draft_last_discarded(j, "unsent:", &d, NULL) == MEND_ENOTFOUND);
	test_journal_done(j);
}

TEST(test_a_dropped_orphan_is_kept_as_discarded)
{
	struct journal *j = test_journal(NOW, "UTC");
	char gone[DRAFT_OWNER_LEN];
	struct draft *list = NULL, d;
	size_t n = 0;
	CHECK(j);
	gone_owner(gone);
	CHECK_OK(
	    draft_save(j, gone, "sealed:30", "a letter for later", 18, NULL));
	CHECK_OK(draft_orphans(j, &list, &n, NULL));
	CHECK(n == 1);
	CHECK_OK(draft_drop(j, &list[0], NULL));
	CHECK(draft_drop(j, &list[0], NULL) == MEND_ENOTFOUND);
	draft_list_free(list, n);
	CHECK(count_orphans(j) == 0);
	CHECK_OK(draft_last_discarded(j, "sealed:30", &d, NULL));
	CHECK(strcmp(d.text, "a letter for later") == 0);
	draft_done(&d);
	test_journal_done(j);
}

TEST(test_draft_refuses_a_nul_byte_and_invalid_utf8)
{
	struct journal *j = test_journal(NOW, "UTC");
	char self[DRAFT_OWNER_LEN];
	CHECK(j);
	draft_owner_self(self);
	CHECK(draft_save(j, self, "reflection:", "a\0b", 3, NULL) ==
	      MEND_EINVAL);
	CHECK(draft_save(j, self, "reflection:", "caf\xe9", 4, NULL) ==
	      MEND_EINVAL);
	test_journal_done(j);
}

TEST(test_migration_keeps_the_one_draft_of_before_as_unsaved_writing)
{
	struct journal *j = test_journal(NOW, "UTC");
	struct draft *list = NULL;
	size_t n = 0;
	sqlite3 *db = NULL;
	char path[4096];
	CHECK(j);
	snprintf(path, sizeof path, "%s", store_path(j->st));
	journal_close(j);
	/* the journal as version 2 left it: one draft slot, and none of
	 * what later versions add (the star and the CJK index) */
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(
	    sqlite3_exec(db,
			 "DROP TRIGGER entries_cjk_insert;"
			 "DROP TRIGGER entries_cjk_delete;"
			 "DROP TRIGGER entries_cjk_update;"
			 "DROP TABLE entries_cjk;"
			 "DROP INDEX entries_starred;"
			 "ALTER TABLE entries DROP COLUMN starred;"
			 "DROP TABLE drafts;"
			 "CREATE TABLE drafts (id INTEGER PRIMARY KEY CHECK "
			 "(id = 1), context TEXT NOT NULL, text TEXT NOT NULL,"
			 " updated_at TEXT NOT NULL);"
			 "INSERT INTO drafts VALUES (1, 'unsent:', 'from "
			 "before', '2026-02-01T10:00:00Z');"
			 "PRAGMA user_version = 2;",
			 NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	j = NULL;
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK_OK(draft_orphans(j, &list, &n, NULL));
	CHECK(n == 1 && strcmp(list[0].text, "from before") == 0 &&
	      strcmp(list[0].context, "unsent:") == 0 && !list[0].owner[0]);
	draft_list_free(list, n);
	test_journal_done(j);
}
