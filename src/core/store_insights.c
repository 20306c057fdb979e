/* SPDX-License-Identifier: MIT */
/* The aggregates behind the insights, grouped by SQLite so that a view
 * costs the same on a week and on ten years. Every statement here reads
 * numbers, days, kinds, keys and uuids: never a column the user wrote
 * into (text, prompt_text), which are sealed at rest and opened only by
 * the entry readers. */
#include "mend/store_insights.h"

#include <string.h>

#include "store_internal.h"

/* A prepared statement stepped row by row: row(s, ctx) for each, then the
 * statement is finalized on every path. */
static enum mend_rc each_row(struct store *st, sqlite3_stmt *s,
			     void (*row)(sqlite3_stmt *, void *), void *ctx,
			     struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;
	int src;

	while ((src = sqlite3_step(s)) == SQLITE_ROW)
		row(s, ctx);
	if (src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal", err);
	sqlite3_finalize(s);
	return rc;
}

static const char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? (const char *)t : "";
}

static struct insights_avg col_avg(sqlite3_stmt *s, int n, int mean)
{
	struct insights_avg a = {(long)sqlite3_column_int64(s, n), 0};
	if (a.n > 0)
		a.mean = sqlite3_column_double(s, mean);
	return a;
}

struct bucket_ctx {
	void (*fn)(const char *, struct insights_avg, struct insights_avg,
		   void *);
	void *ctx;
};

static void bucket_row(sqlite3_stmt *s, void *ctx)
{
	struct bucket_ctx *b = ctx;
	b->fn(col(s, 0), col_avg(s, 1, 2), col_avg(s, 3, 4), b->ctx);
}

enum mend_rc store_insights_checkin_buckets(
    struct store *st, int by, int wday, const char *since, const char *until,
    void (*fn)(const char *start, struct insights_avg mood,
	       struct insights_avg urge, void *ctx),
    void *ctx, struct mend_err *err)
{
	static const char *const sql[] = {
	    "SELECT day, count(mood), avg(mood), count(urge), avg(urge) "
	    "FROM entries INDEXED BY entries_checkin_mood WHERE kind = "
	    "'checkin' AND day BETWEEN ?1 AND ?2 "
	    "GROUP BY day ORDER BY day",
	    "SELECT date(day, '-6 days', 'weekday ' || ?3) AS w, "
	    "count(mood), avg(mood), count(urge), avg(urge) FROM entries "
	    "INDEXED BY entries_checkin_mood WHERE kind = 'checkin' AND "
	    "day BETWEEN ?1 AND ?2 GROUP BY w ORDER BY w",
	    "SELECT substr(day, 1, 7) || '-01' AS m, count(mood), "
	    "avg(mood), count(urge), avg(urge) FROM entries "
	    "INDEXED BY entries_checkin_mood WHERE kind = 'checkin' AND "
	    "day BETWEEN ?1 AND ?2 GROUP BY m ORDER BY m",
	};
	struct bucket_ctx b = {fn, ctx};
	sqlite3_stmt *s = NULL;
	enum mend_rc rc =
	    store_prepare(st, sql[by < 0 || by > 2 ? 0 : by], &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since);
	store_bind_text(s, 2, until);
	if (by == 1)
		sqlite3_bind_int(s, 3, wday);
	return each_row(st, s, bucket_row, &b, err);
}

enum mend_rc store_insights_checkin_avg(struct store *st, const char *since,
					const char *until,
					struct insights_avg *mood,
					struct insights_avg *urge,
					struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT count(mood), avg(mood), count(urge), avg(urge) FROM "
	    "entries INDEXED BY entries_checkin_mood WHERE kind = 'checkin' "
	    "AND day BETWEEN ?1 AND ?2",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since);
	store_bind_text(s, 2, until);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK) {
		*mood = col_avg(s, 0, 1);
		*urge = col_avg(s, 2, 3);
	}
	sqlite3_finalize(s);
	return rc;
}

enum mend_rc store_insights_checkin_span(struct store *st,
					 char first[CLOCK_DATE_LEN],
					 char last[CLOCK_DATE_LEN],
					 struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT (SELECT min(day) FROM entries INDEXED BY "
	    "entries_checkin_mood WHERE kind = 'checkin'), (SELECT max(day) "
	    "FROM entries INDEXED BY entries_checkin_mood WHERE kind = "
	    "'checkin')",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK) {
		store_column_copy(s, 0, first, CLOCK_DATE_LEN);
		store_column_copy(s, 1, last, CLOCK_DATE_LEN);
	}
	sqlite3_finalize(s);
	return rc;
}

struct key_ctx {
	void (*fn)(const char *, long, double, void *);
	void *ctx;
};

static void key_row(sqlite3_stmt *s, void *ctx)
{
	struct key_ctx *k = ctx;
	k->fn(sqlite3_column_type(s, 0) == SQLITE_NULL ? NULL : col(s, 0),
	      (long)sqlite3_column_int64(s, 1), sqlite3_column_double(s, 2),
	      k->ctx);
}

enum mend_rc store_insights_tag_days(struct store *st, const char *since,
				     const char *until,
				     void (*fn)(const char *key, long n,
						double sum, void *ctx),
				     void *ctx, struct mend_err *err)
{
	struct key_ctx k = {fn, ctx};
	sqlite3_stmt *s = NULL;
	/* The total comes last, as one row with a NULL key. */
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT * FROM (SELECT t.tag, count(*), total(c.mood) FROM "
	    "entries c INDEXED BY entries_checkin_mood JOIN entry_tags t ON "
	    "t.entry_id = c.id WHERE c.kind = 'checkin' AND c.day BETWEEN "
	    "?1 AND ?2 AND c.mood IS NOT NULL GROUP BY t.tag ORDER BY "
	    "t.tag) UNION ALL SELECT NULL, count(mood), total(mood) FROM "
	    "entries INDEXED BY entries_checkin_mood WHERE kind = 'checkin' "
	    "AND day BETWEEN ?1 AND ?2",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since);
	store_bind_text(s, 2, until);
	return each_row(st, s, key_row, &k, err);
}

enum mend_rc store_insights_key_days(struct store *st, const char *shift,
				     const char *since_iso,
				     const char *until_iso,
				     void (*fn)(const char *key, long n,
						double sum, void *ctx),
				     void *ctx, struct mend_err *err)
{
	struct key_ctx k = {fn, ctx};
	sqlite3_stmt *s = NULL;
	/* The distinct (category, journal day) pairs first, so that three
	 * walks on one day count that day once. */
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT g.k, count(*), total(c.mood) FROM (SELECT DISTINCT "
	    "category AS k, date(created_at, 'localtime', ?1) AS d FROM "
	    "entries INDEXED BY entries_growth_created WHERE kind = 'growth' "
	    "AND created_at >= ?2 AND "
	    "created_at < ?3) g JOIN entries c INDEXED BY "
	    "entries_checkin_mood ON c.kind = 'checkin' AND c.day = g.d AND "
	    "c.mood IS NOT NULL GROUP BY g.k ORDER BY g.k",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, shift);
	store_bind_text(s, 2, since_iso);
	store_bind_text(s, 3, until_iso);
	return each_row(st, s, key_row, &k, err);
}

enum mend_rc store_insights_module_days(struct store *st, const char *modules,
					const char *start, const char *since,
					const char *until,
					void (*fn)(const char *key, long n,
						   double sum, void *ctx),
					void *ctx, struct mend_err *err)
{
	struct key_ctx k = {fn, ctx};
	sqlite3_stmt *s = NULL;
	/* From the check-in days: each day's bounds once (materialized),
	 * then one probe of the module index per module and day, rather
	 * than a journal day worked out for every entry of ten years. */
	enum mend_rc rc = store_prepare(
	    st,
	    "WITH c AS MATERIALIZED (SELECT mood, strftime("
	    "'%Y-%m-%dT%H:%M:%SZ', day, ?2, 'utc') AS a, strftime("
	    "'%Y-%m-%dT%H:%M:%SZ', day, '+1 day', ?2, 'utc') AS b FROM "
	    "entries INDEXED BY entries_checkin_mood WHERE kind = 'checkin' "
	    "AND day BETWEEN ?3 AND ?4 AND mood IS NOT NULL), m(k) AS "
	    "(SELECT value FROM json_each(?1)) SELECT m.k, count(*), "
	    "total(c.mood) FROM c, m WHERE EXISTS (SELECT 1 FROM entries e "
	    "INDEXED BY entries_module_created WHERE e.module = m.k AND "
	    "e.created_at >= c.a AND e.created_at < c.b) GROUP BY m.k "
	    "ORDER BY m.k",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, modules);
	store_bind_text(s, 2, start);
	store_bind_text(s, 3, since);
	store_bind_text(s, 4, until);
	return each_row(st, s, key_row, &k, err);
}

struct urge_week_ctx {
	void (*fn)(const char *, const char *, long, struct insights_avg,
		   struct insights_avg, void *);
	void *ctx;
};

static void urge_week_row(sqlite3_stmt *s, void *ctx)
{
	struct urge_week_ctx *u = ctx;
	u->fn(col(s, 0), col(s, 1), (long)sqlite3_column_int64(s, 2),
	      col_avg(s, 3, 4), col_avg(s, 5, 6), u->ctx);
}

enum mend_rc store_insights_urge_weeks(
    struct store *st, const char *shift, int wday, const char *since_iso,
    const char *until_iso,
    void (*fn)(const char *week, const char *kind, long count,
	       struct insights_avg urge, struct insights_avg after, void *ctx),
    void *ctx, struct mend_err *err)
{
	struct urge_week_ctx u = {fn, ctx};
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT date(created_at, 'localtime', ?1, '-6 days', "
	    "'weekday ' || ?2) AS w, kind, count(*), count(urge), "
	    "avg(urge), count(urge_after), avg(urge_after) FROM entries "
	    "WHERE kind IN ('urge', 'pause') AND created_at >= ?3 AND "
	    "created_at < ?4 GROUP BY w, kind ORDER BY w, kind",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, shift);
	sqlite3_bind_int(s, 2, wday);
	store_bind_text(s, 3, since_iso);
	store_bind_text(s, 4, until_iso);
	return each_row(st, s, urge_week_row, &u, err);
}

enum mend_rc store_insights_urge_first(struct store *st,
				       char first[CLOCK_ISO_LEN],
				       struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT min((SELECT min(created_at) FROM entries WHERE kind = "
	    "'urge'), (SELECT min(created_at) FROM entries WHERE kind = "
	    "'pause')), (SELECT min(created_at) FROM entries WHERE kind = "
	    "'urge'), (SELECT min(created_at) FROM entries WHERE kind = "
	    "'pause')",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK) {
		/* min() of a NULL is NULL: take whichever one exists. */
		int i = sqlite3_column_type(s, 0) != SQLITE_NULL   ? 0
			: sqlite3_column_type(s, 1) != SQLITE_NULL ? 1
								   : 2;
		store_column_copy(s, i, first, CLOCK_ISO_LEN);
	}
	sqlite3_finalize(s);
	return rc;
}

struct times_ctx {
	void (*fn)(int, int, long, void *);
	void *ctx;
};

static void times_row(sqlite3_stmt *s, void *ctx)
{
	struct times_ctx *t = ctx;
	t->fn(sqlite3_column_int(s, 0), sqlite3_column_int(s, 1),
	      (long)sqlite3_column_int64(s, 2), t->ctx);
}

enum mend_rc store_insights_urge_times(
    struct store *st, const char *since_iso, const char *until_iso,
    void (*fn)(int hour, int wday, long n, void *ctx), void *ctx,
    struct insights_avg *strength, struct mend_err *err)
{
	struct times_ctx t = {fn, ctx};
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT count(urge), avg(urge) FROM entries WHERE kind = "
	    "'urge' AND created_at >= ?1 AND created_at < ?2",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since_iso);
	store_bind_text(s, 2, until_iso);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		*strength = col_avg(s, 0, 1);
	sqlite3_finalize(s);
	if (rc != MEND_OK)
		return rc;
	rc = store_prepare(
	    st,
	    "SELECT CAST(strftime('%H', created_at, 'localtime') AS "
	    "INTEGER) AS h, CAST(strftime('%w', created_at, 'localtime') "
	    "AS INTEGER) AS w, count(*) FROM entries WHERE kind IN "
	    "('urge', 'pause') AND created_at >= ?1 AND created_at < ?2 "
	    "GROUP BY h, w",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since_iso);
	store_bind_text(s, 2, until_iso);
	return each_row(st, s, times_row, &t, err);
}

struct day_ctx {
	void (*fn)(const char *, const char *, const char *, void *);
	void *ctx;
};

static void day_row(sqlite3_stmt *s, void *ctx)
{
	struct day_ctx *d = ctx;
	d->fn(col(s, 0), col(s, 1), col(s, 2), d->ctx);
}

enum mend_rc
store_insights_day_entries(struct store *st, const char *since_iso,
			   const char *until_iso, const char *day,
			   void (*fn)(const char *uuid, const char *kind,
				      const char *created_at, void *ctx),
			   void *ctx, struct mend_err *err)
{
	struct day_ctx d = {fn, ctx};
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT uuid, kind, created_at FROM (SELECT uuid, kind, "
	    "created_at FROM entries WHERE created_at >= ?1 AND "
	    "created_at < ?2 AND kind != 'checkin' UNION ALL SELECT uuid, "
	    "kind, created_at FROM entries INDEXED BY entries_checkin_mood "
	    "WHERE kind = 'checkin' AND "
	    "day = ?3) ORDER BY created_at, uuid",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since_iso);
	store_bind_text(s, 2, until_iso);
	store_bind_text(s, 3, day);
	return each_row(st, s, day_row, &d, err);
}

enum mend_rc store_insights_day_mood(struct store *st, const char *day,
				     int *mood, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT coalesce(mood, 0) FROM entries INDEXED BY "
	    "entries_checkin_mood WHERE kind = 'checkin' AND day = ?1",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, day);
	*mood = 0;
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		*mood = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == MEND_ENOTFOUND ? MEND_OK : rc;
}

enum mend_rc store_insights_kind_end(struct store *st, const char *kind,
				     bool latest, char uuid[UUID_LEN],
				     char created_at[CLOCK_ISO_LEN], int *mood,
				     struct mend_err *err)
{
	static const char *const sql[] = {
	    "SELECT uuid, created_at, coalesce(mood, 0) FROM entries "
	    "WHERE kind = ?1 ORDER BY created_at, uuid LIMIT 1",
	    "SELECT uuid, created_at, coalesce(mood, 0) FROM entries "
	    "WHERE kind = ?1 ORDER BY created_at DESC, uuid DESC LIMIT 1",
	    "SELECT uuid, created_at, coalesce(mood, 0) FROM entries "
	    "INDEXED BY entries_checkin_mood WHERE kind = 'checkin' ORDER BY "
	    "day LIMIT 1",
	    "SELECT uuid, created_at, coalesce(mood, 0) FROM entries "
	    "INDEXED BY entries_checkin_mood WHERE kind = 'checkin' ORDER BY "
	    "day DESC LIMIT 1",
	};
	bool checkin = strcmp(kind, "checkin") == 0;
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st, sql[(checkin ? 2 : 0) + (latest ? 1 : 0)], &s, err);
	if (rc != MEND_OK)
		return rc;
	if (!checkin)
		store_bind_text(s, 1, kind);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK) {
		store_column_copy(s, 0, uuid, UUID_LEN);
		store_column_copy(s, 1, created_at, CLOCK_ISO_LEN);
		*mood = sqlite3_column_int(s, 2);
	}
	sqlite3_finalize(s);
	return rc;
}

struct count_ctx {
	void (*fn)(const char *, long, void *);
	void *ctx;
};

static void count_row(sqlite3_stmt *s, void *ctx)
{
	struct count_ctx *c = ctx;
	c->fn(col(s, 0), (long)sqlite3_column_int64(s, 1), c->ctx);
}

enum mend_rc store_insights_kind_counts(struct store *st, const char *since_iso,
					const char *until_iso,
					void (*fn)(const char *kind, long n,
						   void *ctx),
					void *ctx, struct mend_err *err)
{
	struct count_ctx c = {fn, ctx};
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT kind, count(*) FROM entries WHERE created_at >= ?1 AND "
	    "created_at < ?2 GROUP BY kind",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since_iso);
	store_bind_text(s, 2, until_iso);
	return each_row(st, s, count_row, &c, err);
}

struct sealed_ctx {
	void (*fn)(const char *, const char *, int, void *);
	void *ctx;
};

static void sealed_row(sqlite3_stmt *s, void *ctx)
{
	struct sealed_ctx *c = ctx;
	c->fn(col(s, 0), col(s, 1), sqlite3_column_int(s, 2), c->ctx);
}

enum mend_rc store_insights_sealed(struct store *st,
				   void (*fn)(const char *uuid,
					      const char *created_at,
					      int open_day, void *ctx),
				   void *ctx, struct mend_err *err)
{
	struct sealed_ctx c = {fn, ctx};
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT uuid, created_at, coalesce(open_day, 1) FROM entries "
	    "WHERE kind = 'sealed' ORDER BY created_at, uuid",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	return each_row(st, s, sealed_row, &c, err);
}

enum mend_rc store_insights_week_note(struct store *st, const char *day,
				      char uuid[UUID_LEN], struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT uuid FROM entries WHERE kind = 'week' AND day = ?1 "
	    "ORDER BY created_at, uuid LIMIT 1",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, day);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		store_column_copy(s, 0, uuid, UUID_LEN);
	sqlite3_finalize(s);
	return rc;
}

enum mend_rc store_insights_any(struct store *st, const char *since_iso,
				const char *until_iso, const char *since,
				const char *until, bool *out,
				struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "SELECT EXISTS (SELECT 1 FROM entries WHERE created_at >= ?1 "
	    "AND created_at < ?2) OR EXISTS (SELECT 1 FROM entries WHERE "
	    "kind = 'checkin' AND day BETWEEN ?3 AND ?4)",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since_iso);
	store_bind_text(s, 2, until_iso);
	store_bind_text(s, 3, since);
	store_bind_text(s, 4, until);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		*out = sqlite3_column_int(s, 0) != 0;
	sqlite3_finalize(s);
	return rc;
}
