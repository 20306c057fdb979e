/* SPDX-License-Identifier: MIT */
/* Import's cost: the search index is cleared once per import however
 * many check-ins it replaces, and many tags are refused, never joined in
 * quadratic time. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/import.h"
#include "store_internal.h"
#include "test.h"

static int optimizes;

static int count_optimize(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	(void)ctx;
	const char *sql = sqlite3_sql((sqlite3_stmt *)p);
	(void)x;
	/* the word index; the CJK index is optimized beside it */
	if (sql && strstr(sql, "entries_fts(entries_fts) VALUES ('optimize')"))
		optimizes++;
	return 0;
}

/* A mend export of n check-ins on consecutive days from 2025-01-01,
 * with ids from base and the given note and updated_at. */
static char *checkins(int n, int base, const char *note, const char *updated)
{
	size_t cap = (size_t)n * 300 + 200, len = 0;
	char *buf = malloc(cap);
	if (!buf)
		return NULL;
	len += (size_t)snprintf(buf, cap,
				"{\"format\": \"mend-journal\", "
				"\"version\": 1, \"entries\": [");
	for (int i = 0; i < n; i++) {
		struct mend_date d = clock_civil_from_days(
		    clock_days_from_civil((struct mend_date){2025, 1, 1}) + i);
		len += (size_t)snprintf(
		    buf + len, cap - len,
		    "%s{\"id\": \"00000000-0000-4000-8000-%012d\", \"kind\": "
		    "\"checkin\", \"day\": \"%04d-%02d-%02d\", \"created_at\": "
		    "\"%04d-%02d-%02dT12:00:00Z\", \"updated_at\": \"%s\", "
		    "\"mood\": 5, \"text\": \"%s %d\"}",
		    i ? ", " : "", base + i, d.y, d.m, d.d, d.y, d.m, d.d,
		    updated, note, i);
	}
	snprintf(buf + len, cap - len, "]}");
	return buf;
}

TEST(test_import_replacing_checkins_clears_the_index_once)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct import_report rep;
	struct mend_err err = {""};
	char *first = checkins(300, 0, "first", "2025-12-01T00:00:00Z");
	char *second = checkins(300, 1000, "second", "2025-12-02T00:00:00Z");

	CHECK(j && first && second);
	CHECK_OK(import_buffer(j, first, strlen(first), false, &rep, &err));
	CHECK(rep.added == 300);
	sqlite3_trace_v2(j->st->db, SQLITE_TRACE_STMT, count_optimize, NULL);
	optimizes = 0;
	/* other ids on the same days, changed later: every day is replaced */
	CHECK_OK(import_buffer(j, second, strlen(second), false, &rep, &err));
	CHECK(rep.updated == 300);
	CHECK(optimizes == 1);
	sqlite3_trace_v2(j->st->db, 0, NULL, NULL);
	free(first);
	free(second);
	test_journal_done(j);
}

TEST(test_import_refuses_too_many_tags)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct import_report rep;
	struct mend_err err = {""};
	size_t n = 80000, cap = n * 12 + 400, len = 0;
	char *buf = malloc(cap);

	CHECK(j && buf);
	len +=
	    (size_t)snprintf(buf, cap,
			     "{\"format\": \"mend-journal\", \"version\": 1, "
			     "\"entries\": [{\"id\": "
			     "\"00000000-0000-4000-8000-000000000001\", "
			     "\"kind\": \"reflection\", \"created_at\": "
			     "\"2025-01-01T10:00:00Z\", \"updated_at\": "
			     "\"2025-01-01T10:00:00Z\", \"text\": \"x\", "
			     "\"tags\": [");
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s\"t%zu\"",
					i ? "," : "", i);
	snprintf(buf + len, cap - len, "]}]}");
	CHECK(import_buffer(j, buf, strlen(buf), false, &rep, &err) ==
	      MEND_EBADFILE);
	CHECK(
	    strstr(rep.problems[0], "entries[0].tags: more than the 200 tags"));
	free(buf);
	test_journal_done(j);
}
