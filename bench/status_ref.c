/* SPDX-License-Identifier: MIT */
/* The floor for `mend status --line`: a minimal program that opens the
 * same journal read-only, runs one indexed query (the running no-contact
 * period and whether today has a check-in) and prints a line. Nothing
 * more can be done for the line; make bench compares mend with it. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	const char *now = getenv("MEND_NOW");
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = 1;

	if (argc != 2 || !now)
		return 2;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		goto out;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT (SELECT CAST(julianday(?1) - julianday(started_at) "
		    "AS INTEGER) FROM periods INDEXED BY periods_started "
		    "WHERE ended_at IS NULL ORDER BY started_at DESC LIMIT 1),"
		    " EXISTS (SELECT 1 FROM entries INDEXED BY "
		    "entries_kind_created WHERE kind = 'checkin' AND "
		    "created_at >= date(?1, '-4 hours') || 'T04:00:00Z')",
		    -1, &st, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		printf("\u2665 day %d/30 \u00b7 %s\n", sqlite3_column_int(st, 0),
		       sqlite3_column_int(st, 1) ? "\u2713" : "check in");
		rc = 0;
	}
out:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}
