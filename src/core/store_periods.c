/* SPDX-License-Identifier: MIT */
/* No-contact periods and settings in the store. */
#include "store_internal.h"

#include <string.h>

#define PERIOD_COLUMNS "id, uuid, started_at, ended_at, created_at, updated_at"

static void row_to_period(sqlite3_stmt *s, struct period *p)
{
	p->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, p->uuid, sizeof p->uuid);
	store_column_copy(s, 2, p->started_at, sizeof p->started_at);
	store_column_copy(s, 3, p->ended_at, sizeof p->ended_at);
	store_column_copy(s, 4, p->created_at, sizeof p->created_at);
	store_column_copy(s, 5, p->updated_at, sizeof p->updated_at);
}

enum mend_rc store_period_current(struct store *st, struct period *out,
				  struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(st,
					"SELECT " PERIOD_COLUMNS " FROM periods "
					"WHERE ended_at IS NULL",
					&s, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		row_to_period(s, out);
	store_release(s);
	return rc;
}

enum mend_rc store_period_insert(struct store *st, struct period *p,
				 struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st,
		"INSERT INTO periods (uuid, started_at, ended_at, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, p->uuid);
	store_bind_text(s, 2, p->started_at);
	store_bind_text(s, 3, p->ended_at[0] ? p->ended_at : NULL);
	store_bind_text(s, 4, p->created_at);
	store_bind_text(s, 5, p->updated_at);
	rc = store_run(st, s, "saving the no-contact period", err);
	if (rc == MEND_OK)
		p->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum mend_rc store_period_update(struct store *st, const struct period *p,
				 struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	/* A local change is always later than what it replaces, by a second
	 * at least, as an entry's is: a copy imported from a clock running
	 * ahead must not win over every change made here after it. */
	enum mend_rc rc = store_cached(
		st,
		"UPDATE periods SET started_at = ?1, ended_at = ?2, "
		"updated_at = max(?3, strftime('%Y-%m-%dT%H:%M:%SZ', "
		"updated_at, '+1 second')) WHERE id = ?4",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, p->started_at);
	store_bind_text(s, 2, p->ended_at[0] ? p->ended_at : NULL);
	store_bind_text(s, 3, p->updated_at);
	sqlite3_bind_int64(s, 4, p->id);
	return store_run(st, s, "saving the no-contact period", err);
}

enum mend_rc store_period_delete(struct store *st, long long id,
				 struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc =
		store_cached(st, "DELETE FROM periods WHERE id = ?1", &s, err);
	if (rc != MEND_OK)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	return store_run(st, s, "removing a no-contact period", err);
}

enum mend_rc store_periods_each(struct store *st, bool by_created,
				int (*fn)(const struct period *, void *),
				void *ctx, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	struct period p;
	int src;
	enum mend_rc rc = store_prepare(
		st,
		by_created ? "SELECT " PERIOD_COLUMNS " FROM periods "
			     "ORDER BY created_at, uuid"
			   : "SELECT " PERIOD_COLUMNS " FROM periods "
			     "ORDER BY started_at, id",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	while ((src = sqlite3_step(s)) == SQLITE_ROW) {
		row_to_period(s, &p);
		if (fn(&p, ctx))
			break;
	}
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal", err);
	sqlite3_finalize(s);
	return rc;
}

enum mend_rc store_setting_get(struct store *st, const char *key, char *buf,
			       size_t n, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st,
		"SELECT mend_open('settings|' || key, value) FROM settings "
		"WHERE key = ?1",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, key);
	rc = store_step_row(st, s, "reading the settings", err);
	if (rc == MEND_OK)
		store_column_copy(s, 0, buf, n);
	store_release(s);
	return rc;
}

enum mend_rc store_setting_set(struct store *st, const char *key,
			       const char *value, const char *now_iso,
			       struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st,
		value ? "INSERT INTO settings (key, value, updated_at) VALUES "
			"(?1, mend_seal('settings|' || ?1, ?2), ?3) ON "
			"CONFLICT(key) DO UPDATE SET "
			"value = excluded.value, updated_at = excluded.updated_at"
		      : "DELETE FROM settings WHERE key = ?1",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, key);
	if (value) {
		store_bind_text(s, 2, value);
		store_bind_text(s, 3, now_iso);
	}
	return store_run(st, s, "saving the settings", err);
}

enum mend_rc store_period_by_uuid(struct store *st, const char *uuid,
				  struct period *out, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(st,
					"SELECT " PERIOD_COLUMNS " FROM periods "
					"WHERE uuid = ?1",
					&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, uuid);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		row_to_period(s, out);
	store_release(s);
	return rc;
}

enum mend_rc store_period_put(struct store *st, const struct period *p,
			      struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st,
		"INSERT INTO periods (uuid, started_at, ended_at, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(uuid) DO "
		"UPDATE SET started_at = excluded.started_at, ended_at = "
		"excluded.ended_at, created_at = excluded.created_at, "
		"updated_at = excluded.updated_at",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, p->uuid);
	store_bind_text(s, 2, p->started_at);
	store_bind_text(s, 3, p->ended_at[0] ? p->ended_at : NULL);
	store_bind_text(s, 4, p->created_at);
	store_bind_text(s, 5, p->updated_at);
	return store_run(st, s, "saving a no-contact period", err);
}

enum mend_rc store_setting_updated(struct store *st, const char *key,
				   char *updated, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st, "SELECT updated_at FROM settings WHERE key = ?1", &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, key);
	rc = store_step_row(st, s, "reading the settings", err);
	if (rc == MEND_OK)
		store_column_copy(s, 0, updated, CLOCK_ISO_LEN);
	store_release(s);
	return rc;
}
