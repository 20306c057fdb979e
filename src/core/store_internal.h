/* SPDX-License-Identifier: MIT */
/* Shared by the store's source files only: the store handle and the
 * helpers that turn SQLite results into mend errors. Nothing outside
 * src/core/store*.c includes this. */
#ifndef MEND_STORE_INTERNAL_H
#define MEND_STORE_INTERNAL_H

#include <sqlite3.h>

#include "mend/store.h"

#define STORE_CACHE_SIZE 24

struct store {
	sqlite3 *db;
	char *path;
	int in_tx;
	bool created; /* this open made the file */
	/* Prepared statements kept for the life of the store, keyed by the
	 * address of their (static) SQL text: imports and long sessions
	 * run the same few statements many times. */
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[STORE_CACHE_SIZE];
};

/* Turn the last SQLite error on st (code rc) into a mend error with a
 * sentence saying what was being done. Returns the mend code. */
enum mend_rc store_fail(struct store *st, int rc, const char *doing,
			struct mend_err *err);

/* Prepare sql on st; on failure fill err. */
enum mend_rc store_prepare(struct store *st, const char *sql,
			   sqlite3_stmt **out, struct mend_err *err);

/* A cached prepared statement for sql, which must be a string literal
 * (its address is the key). Give it back with store_release when done,
 * on every path: a statement left mid-step would hold a read lock. */
enum mend_rc store_cached(struct store *st, const char *sql,
			  sqlite3_stmt **out, struct mend_err *err);

/* Reset a cached statement and clear its bindings. */
void store_release(sqlite3_stmt *stmt);

/* Bind text, or NULL when s is NULL. */
int store_bind_text(sqlite3_stmt *stmt, int i, const char *s);

/* Copy column i (text or NULL) into buf of size n ("" for NULL). */
void store_column_copy(sqlite3_stmt *stmt, int i, char *buf, size_t n);

#endif
