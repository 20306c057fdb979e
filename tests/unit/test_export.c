/* SPDX-License-Identifier: MIT */
/* Export as one snapshot: a change committed by another connection while
 * the export is being read is in all of it or in none of it. */
#include <cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mend/export.h"
#include "mend/nocontact.h"
#include "store_internal.h"
#include "test.h"

struct writer {
	const char *path;
	int done, committed;
};

/* When the export starts reading entries (its periods already read),
 * another connection adds a period and an entry in one transaction, and
 * does not wait for a lock. */
static int write_between(unsigned type, void *ctx, void *p, void *x)
{
	struct writer *w = ctx;
	const char *sql = sqlite3_sql((sqlite3_stmt *)p);
	sqlite3 *db;
	(void)type;
	(void)x;
	if (w->done || !sql || !strstr(sql, "FROM entries e"))
		return 0;
	w->done = 1;
	if (sqlite3_open(w->path, &db) != SQLITE_OK)
		return 0;
	sqlite3_busy_timeout(db, 0);
	w->committed =
	    sqlite3_exec(
		db,
		"BEGIN IMMEDIATE;"
		"INSERT INTO periods (uuid, started_at, ended_at, "
		"created_at, updated_at) VALUES "
		"('99999999-9999-4999-8999-999999999999', "
		"'2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', "
		"'2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z');"
		"INSERT INTO entries (uuid, kind, module, created_at, "
		"updated_at, text) VALUES "
		"('99999999-9999-4999-8999-999999999998', 'reflection', "
		"'reflection', '2025-01-01T00:00:00Z', "
		"'2025-01-01T00:00:00Z', 'written mid-export');"
		"COMMIT;",
		NULL, NULL, NULL) == SQLITE_OK;
	if (!w->committed)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}

static int array_len(const cJSON *o, const char *k)
{
	return cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, k));
}

TEST(test_export_json_is_one_snapshot)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct export_options o = {.format = EXPORT_JSON, .module = -1};
	struct mend_err err = {""};
	struct writer w = {NULL, 0, 0};
	char path[4200];
	FILE *f;

	CHECK(j);
	w.path = store_path(j->st);
	snprintf(path, sizeof path, "%s.export", w.path);
	f = fopen(path, "w+");
	CHECK(f);
	sqlite3_trace_v2(j->st->db, SQLITE_TRACE_STMT, write_between, &w);
	CHECK_OK(export_write(j, &o, f, NULL, &err));
	sqlite3_trace_v2(j->st->db, 0, NULL, NULL);
	CHECK(w.done);
	long n = ftell(f);
	char *buf = malloc((size_t)n + 1);
	rewind(f);
	CHECK(buf && fread(buf, 1, (size_t)n, f) == (size_t)n);
	fclose(f);
	unlink(path);
	buf[n] = '\0';
	cJSON *doc = cJSON_Parse(buf);
	free(buf);
	CHECK(doc);
	int periods = array_len(doc, "periods"),
	    entries = array_len(doc, "entries");
	cJSON_Delete(doc);
	/* both from before the change, or both from after it */
	CHECK(periods == entries);
	CHECK(periods == (w.committed ? 1 : 0));
	test_journal_done(j);
}
