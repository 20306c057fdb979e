/* SPDX-License-Identifier: MIT */
/* The drafts table: what the editor keeps while text is typed, one row per
 * owner (a running session) and context, and discarded text kept for a
 * while. Which owner is still running is the draft module's question, not
 * the store's. Statements are prepared per call, not cached: drafts are
 * written every few seconds at most, and the cache is for the hot paths. */
#include "store_internal.h"

/* A draft's context is sealed so that it is always the same for the same
 * context (the store finds drafts by it); its text is sealed under its
 * context. Both stay as they are on a plain journal (store_seal.c). */
#define SEAL_CONTEXT(i) "mend_seal_det('drafts|context', ?" #i ")"
#define SEAL_DRAFT(c, t)                                                       \
	"mend_seal('drafts|' || ?" #c " || '|text', ?" #t ")"
#define OPEN_CONTEXT "mend_open('drafts|context', context)"
#define DRAFT_COLUMNS                                                          \
	"id, owner, " OPEN_CONTEXT ", mend_open('drafts|' || " OPEN_CONTEXT  \
	" || '|text', text), updated_at, discarded_at"

static enum mend_rc run_once(struct store *st, sqlite3_stmt *s,
			     const char *doing, struct mend_err *err)
{
	int src = sqlite3_step(s);
	enum mend_rc rc =
	    src == SQLITE_DONE ? MEND_OK : store_fail(st, src, doing, err);
	sqlite3_finalize(s);
	return rc;
}

enum mend_rc store_draft_put(struct store *st, const char *owner,
			     const char *context, const char *text,
			     const char *now_iso, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "INSERT INTO drafts (owner, context, text, updated_at) VALUES "
	    "(?1, " SEAL_CONTEXT(2) ", " SEAL_DRAFT(2, 3) ", ?4) "
	    "ON CONFLICT (owner, context) WHERE "
	    "discarded_at IS NULL AND owner <> '' DO UPDATE SET text = "
	    "excluded.text, updated_at = excluded.updated_at",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, owner);
	store_bind_text(s, 2, context);
	store_bind_text(s, 3, text);
	store_bind_text(s, 4, now_iso);
	return run_once(st, s, "saving the draft", err);
}

enum mend_rc store_draft_put_discarded(struct store *st, const char *context,
				       const char *text, const char *now_iso,
				       struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "INSERT INTO drafts (owner, context, text, updated_at, "
	    "discarded_at) VALUES ('', " SEAL_CONTEXT(1) ", " SEAL_DRAFT(1, 2)
	    ", ?3, ?3)",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, context);
	store_bind_text(s, 2, text);
	store_bind_text(s, 3, now_iso);
	return run_once(st, s, "keeping the discarded text", err);
}

static const char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? (const char *)t : "";
}

enum mend_rc store_drafts_each(struct store *st, bool discarded,
			       const char *context,
			       int (*fn)(const struct store_draft *, void *),
			       void *ctx, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    discarded ? "SELECT " DRAFT_COLUMNS " FROM drafts WHERE "
			"discarded_at IS NOT NULL AND (?1 IS NULL OR context = "
			SEAL_CONTEXT(1) ") ORDER BY discarded_at DESC, id DESC"
		      : "SELECT " DRAFT_COLUMNS " FROM drafts WHERE "
			"discarded_at IS NULL AND (?1 IS NULL OR context = "
			SEAL_CONTEXT(1) ") ORDER BY updated_at DESC, id DESC",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, context);
	for (;;) {
		int src = sqlite3_step(s);
		if (src == SQLITE_DONE)
			break;
		if (src != SQLITE_ROW) {
			rc = store_fail(st, src, "reading the drafts", err);
			break;
		}
		struct store_draft d = {
		    .id = sqlite3_column_int64(s, 0),
		    .owner = col(s, 1),
		    .context = col(s, 2),
		    .text = col(s, 3),
		    .updated_at = col(s, 4),
		    .discarded_at = col(s, 5),
		};
		if (fn(&d, ctx))
			break;
	}
	sqlite3_finalize(s);
	return rc;
}

enum mend_rc store_draft_delete(struct store *st, const char *owner,
				const char *context, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "DELETE FROM drafts WHERE owner = ?1 AND context = "
	    SEAL_CONTEXT(2) " AND "
	    "discarded_at IS NULL",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, owner);
	store_bind_text(s, 2, context);
	return run_once(st, s, "forgetting the draft", err);
}

enum mend_rc store_draft_delete_id(struct store *st, long long id,
				   struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc =
	    store_prepare(st, "DELETE FROM drafts WHERE id = ?1", &s, err);
	if (rc != MEND_OK)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	return run_once(st, s, "forgetting the draft", err);
}

enum mend_rc store_draft_take(struct store *st, long long id, const char *from,
			      const char *to, const char *now_iso,
			      struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "DELETE FROM drafts WHERE owner = ?2 AND discarded_at IS NULL "
	    "AND id <> ?1 AND context = (SELECT context FROM drafts WHERE "
	    "id = ?1)",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, to);
	rc = run_once(st, s, "taking up the draft", err);
	if (rc == MEND_OK)
		rc = store_prepare(
		    st,
		    "UPDATE drafts SET owner = ?3, updated_at = ?4 "
		    "WHERE id = ?1 AND owner = ?2 AND "
		    "discarded_at IS NULL",
		    &s, err);
	if (rc != MEND_OK)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, from);
	store_bind_text(s, 3, to);
	store_bind_text(s, 4, now_iso);
	rc = run_once(st, s, "taking up the draft", err);
	if (rc == MEND_OK && sqlite3_changes(st->db) == 0)
		rc = MEND_ENOTFOUND;
	return rc;
}

enum mend_rc store_draft_discard_id(struct store *st, long long id,
				    const char *now_iso, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "UPDATE drafts SET owner = '', discarded_at = ?2 WHERE id = ?1 "
	    "AND discarded_at IS NULL",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, now_iso);
	rc = run_once(st, s, "discarding the draft", err);
	if (rc == MEND_OK && sqlite3_changes(st->db) == 0)
		rc = MEND_ENOTFOUND;
	return rc;
}

enum mend_rc store_drafts_purge(struct store *st, const char *cutoff_iso,
				struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
	    st,
	    "DELETE FROM drafts WHERE discarded_at IS NOT NULL AND "
	    "discarded_at < ?1",
	    &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, cutoff_iso);
	return run_once(st, s, "forgetting old discarded text", err);
}
