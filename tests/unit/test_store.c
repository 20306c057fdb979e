/* SPDX-License-Identifier: MIT */
/* The store: migrations, refusing what is not ours, privacy of files. */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mend/store.h"
#include "test.h"

/* In the run's private directory (test_main.c points XDG_CONFIG_HOME at
 * it): store_open refuses a journal directly in a shared /tmp. */
static void tmp_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/store-%s", getenv("XDG_CONFIG_HOME"), name);
	unlink(buf);
}

static int sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) == SQLITE_OK)
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(*len + 1);
	if (buf && fread(buf, 1, *len, f) != *len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

TEST(test_migration_from_empty_database)
{
	char path[128];
	struct store *st = NULL;
	tmp_path(path, sizeof path, "empty.db");
	CHECK_OK(store_open(&st, path, NULL));
	store_close(st);
	CHECK(sql_int(path, "PRAGMA user_version") == STORE_SCHEMA_VERSION);
	CHECK(sql_int(path, "PRAGMA application_id") == 0x4d454e44);
	CHECK(sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE "
			    "name = 'entries_fts'") == 1);
	/* opening again migrates nothing and changes nothing */
	CHECK_OK(store_open(&st, path, NULL));
	store_close(st);
	CHECK(sql_int(path, "PRAGMA user_version") == STORE_SCHEMA_VERSION);
	unlink(path);
}

TEST(test_migration_of_a_zero_length_file)
{
	char path[128];
	struct store *st = NULL;
	tmp_path(path, sizeof path, "zero.db");
	close(open(path, O_CREAT | O_WRONLY, 0600));
	CHECK_OK(store_open(&st, path, NULL));
	store_close(st);
	CHECK(sql_int(path, "PRAGMA user_version") == STORE_SCHEMA_VERSION);
	unlink(path);
}

TEST(test_newer_schema_is_refused_untouched)
{
	char path[128];
	struct store *st = NULL;
	struct mend_err err = {""};
	size_t n1, n2;
	tmp_path(path, sizeof path, "newer.db");
	sql_exec(path, "PRAGMA application_id = 1296387652;"
		       "PRAGMA user_version = 99; CREATE TABLE t(x);");
	char *before = slurp(path, &n1);
	CHECK(store_open(&st, path, &err) == MEND_ENEWER);
	CHECK(strstr(err.msg, "newer mend") && strstr(err.msg, "99"));
	char *after = slurp(path, &n2);
	CHECK(before && after && n1 == n2 && memcmp(before, after, n1) == 0);
	free(before);
	free(after);
	unlink(path);
}

TEST(test_not_a_database_is_refused_untouched)
{
	char path[128];
	struct store *st = NULL;
	struct mend_err err = {""};
	size_t n;
	tmp_path(path, sizeof path, "text.db");
	FILE *f = fopen(path, "w");
	CHECK(f);
	for (int i = 0; i < 200; i++)
		fputs("dear diary, this is not a database at all\n", f);
	fclose(f);
	CHECK(store_open(&st, path, &err) == MEND_ENOTDB);
	CHECK(strstr(err.msg, path) && strstr(err.msg, "not a mend journal"));
	char *after = slurp(path, &n);
	CHECK(after && n == 200 * 42 && strncmp(after, "dear diary", 10) == 0);
	free(after);
	unlink(path);
}

TEST(test_another_programs_database_is_refused)
{
	char path[128];
	struct store *st = NULL;
	struct mend_err err = {""};
	tmp_path(path, sizeof path, "other.db");
	sql_exec(path, "CREATE TABLE songs(title);");
	CHECK(store_open(&st, path, &err) == MEND_ENOTDB);
	CHECK(sql_int(path, "PRAGMA user_version") == 0);
	CHECK(sql_int(path, "SELECT count(*) FROM sqlite_schema") == 1);
	unlink(path);
}

TEST(test_files_are_private_whatever_the_umask)
{
	char path[128];
	struct store *st = NULL;
	struct stat sb;
	mode_t old = umask(0);
	tmp_path(path, sizeof path, "private.db");
	CHECK_OK(store_open(&st, path, NULL));
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
	store_close(st);
	umask(old);
	unlink(path);
}

TEST(test_journal_uses_the_rollback_journal_not_wal)
{
	char path[128];
	struct store *st = NULL;
	size_t n = 0;
	tmp_path(path, sizeof path, "sync.db");
	CHECK_OK(store_open(&st, path, NULL));
	store_close(st);
	/* header bytes 18 and 19: 1 for a rollback journal, 2 for WAL */
	char *file = slurp(path, &n);
	CHECK(file && n >= 100 && file[18] == 1 && file[19] == 1);
	free(file);
	unlink(path);
}

TEST(test_a_failed_transaction_leaves_nothing)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct entry e;
	long n = -1;
	CHECK(j);
	entry_init(&e);
	e.kind = KIND_GROWTH;
	e.text = "half";
	strcpy(e.uuid, "00000000-0000-4000-8000-000000000001");
	strcpy(e.created_at, "2026-01-11T09:00:00Z");
	strcpy(e.updated_at, "2026-01-11T09:00:00Z");
	CHECK_OK(store_begin(j->st, NULL));
	CHECK_OK(store_entry_insert(j->st, &e, NULL));
	store_rollback(j->st);
	CHECK_OK(store_entry_count(j->st, -1, NULL, &n, NULL));
	CHECK(n == 0);
	test_journal_done(j);
}

TEST(test_schema_checks_catch_what_the_core_missed)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct entry e;
	struct mend_err err = {""};
	CHECK(j);
	entry_init(&e);
	e.kind = KIND_CHECKIN;
	e.mood = 11;
	strcpy(e.uuid, "00000000-0000-4000-8000-000000000002");
	strcpy(e.day, "2026-01-11");
	strcpy(e.created_at, "2026-01-11T09:00:00Z");
	strcpy(e.updated_at, "2026-01-11T09:00:00Z");
	CHECK_OK(store_begin(j->st, NULL));
	CHECK(store_entry_insert(j->st, &e, &err) == MEND_ESTORE);
	store_rollback(j->st);
	test_journal_done(j);
}
