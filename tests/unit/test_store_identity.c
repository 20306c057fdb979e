/* SPDX-License-Identifier: MIT */
/* The store and the file it has open: once another file has been renamed
 * over the journal's path (what `mend encrypt` and `mend decrypt` do),
 * a store opened before writes nothing to the old one and says why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mend/store.h"
#include "test.h"

#define NOW "2026-01-11T09:00:00Z"

/* In the run's private directory (test_main.c points XDG_CONFIG_HOME at
 * it): store_open refuses a journal directly in a shared /tmp. */
static void tmp_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/identity-%s", getenv("XDG_CONFIG_HOME"), name);
	unlink(buf);
}

/* A journal at path with setting "mark" = value. */
static bool make_journal(const char *path, const char *value)
{
	struct store *st = NULL;
	bool ok = store_open(&st, path, NULL) == MEND_OK &&
		  store_setting_set(st, "mark", value, NOW, NULL) == MEND_OK;
	store_close(st);
	return ok;
}

static bool mark_is(const char *path, const char *want)
{
	struct store *st = NULL;
	char buf[32] = "";
	bool ok = store_open(&st, path, NULL) == MEND_OK &&
		  store_setting_get(st, "mark", buf, sizeof buf, NULL) ==
			  MEND_OK &&
		  strcmp(buf, want) == 0;
	store_close(st);
	return ok;
}

TEST(test_begin_after_the_file_was_replaced_writes_nothing)
{
	char path[160], other[160];
	struct store *st = NULL;
	struct mend_err err = {""};
	tmp_path(path, sizeof path, "journal.db");
	tmp_path(other, sizeof other, "new.db");
	CHECK(make_journal(path, "old"));
	CHECK(make_journal(other, "new"));
	CHECK_OK(store_open(&st, path, NULL));
	CHECK(rename(other, path) == 0);
	CHECK(store_begin(st, &err) == MEND_EBUSY);
	CHECK(strstr(err.msg, "encrypted or decrypted by another mend"));
	CHECK(strstr(err.msg, "nothing was saved"));
	/* not in a transaction: a write outside one is refused as well,
	 * by SQLite, and said the same plain way */
	mend_err_clear(&err);
	CHECK(store_setting_set(st, "mark", "lost", NOW, &err) != MEND_OK);
	CHECK(strstr(err.msg, "moved or replaced"));
	store_close(st);
	CHECK(mark_is(path, "new"));
	/* opened again, it is the new file, and saves */
	CHECK_OK(store_open(&st, path, NULL));
	CHECK_OK(store_begin(st, NULL));
	CHECK_OK(store_commit(st, NULL));
	store_close(st);
	unlink(path);
}

TEST(test_begin_after_the_file_was_removed_says_so)
{
	char path[160];
	struct store *st = NULL;
	struct mend_err err = {""};
	tmp_path(path, sizeof path, "gone.db");
	CHECK(make_journal(path, "here"));
	CHECK_OK(store_open(&st, path, NULL));
	CHECK(unlink(path) == 0);
	CHECK(store_begin(st, &err) != MEND_OK);
	CHECK(strstr(err.msg, "moved or removed"));
	store_close(st);
}

TEST(test_a_new_journal_and_memory_begin_as_before)
{
	char path[160];
	struct store *st = NULL;
	tmp_path(path, sizeof path, "fresh.db");
	CHECK_OK(store_open(&st, path, NULL));
	CHECK_OK(store_begin(st, NULL));
	CHECK_OK(store_commit(st, NULL));
	CHECK_OK(store_begin(st, NULL));
	CHECK_OK(store_commit(st, NULL));
	store_close(st);
	unlink(path);
	CHECK_OK(store_open(&st, ":memory:", NULL));
	CHECK_OK(store_begin(st, NULL));
	CHECK_OK(store_commit(st, NULL));
	store_close(st);
}
