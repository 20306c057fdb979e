/* SPDX-License-Identifier: MIT */
/* The tags table in the store: the SQL function that derives an entry's
 * tags from its text (with tags.c), the rewrite of an entry's rows on
 * every save, and the journal's tag list. Matching by tag is part of the
 * entry queries in store_entries.c. */
#include "store_internal.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "mend/tags.h"

/* mend_tags(text, tags): the [key, shown] pairs as a JSON array. */
static void sql_mend_tags(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	struct tag_list l;
	cJSON *arr = NULL;
	char *out = NULL;

	(void)argc;
	tag_list_init(&l);
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	const char *stored = (const char *)sqlite3_value_text(argv[1]);
	/* a text that is not UTF-8 (written by another tool) has no tags */
	if (tags_derive(text, stored, &l, NULL) != MEND_OK) {
		tag_list_done(&l);
		tags_derive(NULL, stored, &l, NULL);
	}
	arr = cJSON_CreateArray();
	for (size_t i = 0; arr && i < l.n; i++) {
		const char *pair[2] = {l.v[i].key, l.v[i].shown};
		cJSON *p = cJSON_CreateStringArray(pair, 2);
		if (!p || !cJSON_AddItemToArray(arr, p)) {
			cJSON_Delete(p);
			cJSON_Delete(arr);
			arr = NULL;
		}
	}
	out = arr ? cJSON_PrintUnformatted(arr) : NULL;
	if (out)
		sqlite3_result_text(c, out, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_error_nomem(c);
	cJSON_free(out);
	cJSON_Delete(arr);
	tag_list_done(&l);
}

/* mend_tag_key_of(shown): the key of a tag as written (tags_key), for an
 * encrypted journal's tag list, whose keys are hashes. */
static void sql_tag_key_of(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	char *key = NULL;
	(void)argc;
	const char *shown = (const char *)sqlite3_value_text(argv[0]);
	if (shown && tags_key(shown, strlen(shown), &key, NULL) == MEND_OK)
		sqlite3_result_text(c, key, -1, free);
	else
		sqlite3_result_null(c);
}

enum mend_rc store_tags_register(struct store *st, struct mend_err *err)
{
	int rc = sqlite3_create_function_v2(
	    st->db, "mend_tags", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    sql_mend_tags, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(
		    st->db, "mend_tag_key_of", 1,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
		    sql_tag_key_of, NULL, NULL, NULL);
	return rc == SQLITE_OK ? MEND_OK
			       : store_fail(st, rc, "opening the journal", err);
}

enum mend_rc store_tags_sync(struct store *st, const char *uuid,
			     struct mend_err *err)
{
	sqlite3_stmt *del = NULL, *ins = NULL;
	enum mend_rc rc =
	    store_cached(st,
			 "DELETE FROM entry_tags WHERE entry_id = "
			 "(SELECT id FROM entries WHERE uuid = ?1)",
			 &del, err);
	if (rc == MEND_OK) {
		store_bind_text(del, 1, uuid);
		rc = store_run(st, del, "saving the entry's tags", err);
	}
	if (rc == MEND_OK)
		rc = store_cached(
		    st,
		    STORE_TAGS_FILL " WHERE e.uuid = ?1",
		    &ins, err);
	if (rc == MEND_OK) {
		store_bind_text(ins, 1, uuid);
		rc = store_run(st, ins, "saving the entry's tags", err);
	}
	return rc;
}

enum mend_rc store_tags_each(struct store *st,
			     int (*fn)(const struct store_tag *, void *),
			     void *ctx, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	/* shown and created_at are read from the row where max() found the
	 * newest use (SQLite's bare columns beside one max()) */
	enum mend_rc rc = store_prepare(
	    st,
	    st->crypt.on
		? "SELECT t.tag, mend_open('entry_tags|' || e.uuid || '|' || "
		  "t.tag, t.shown) AS plain, max(e.created_at), count(*) "
		  "FROM entry_tags t JOIN entries e ON e.id = t.entry_id "
		  "WHERE e.kind <> 'sealed' GROUP BY t.tag "
		  "ORDER BY count(*) DESC, mend_tag_key_of(plain)"
		: "SELECT t.tag, t.shown, max(e.created_at), count(*) "
		  "FROM entry_tags t JOIN entries e ON e.id = t.entry_id "
		  "WHERE e.kind <> 'sealed' GROUP BY t.tag "
		  "ORDER BY count(*) DESC, t.tag",
	    &s, err);
	int src;

	if (rc != MEND_OK)
		return rc;
	while ((src = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_tag t = {
		    .key = (const char *)sqlite3_column_text(s, 0),
		    .shown = (const char *)sqlite3_column_text(s, 1),
		    .last = (const char *)sqlite3_column_text(s, 2),
		    .count = (long)sqlite3_column_int64(s, 3)};
		/* an encrypted journal keeps a keyed hash of the key: the
		 * key itself is made again from the shown form */
		char *key = NULL;
		if (st->crypt.on) {
			rc = tags_key(t.shown ? t.shown : "",
				      t.shown ? strlen(t.shown) : 0, &key, err);
			if (rc != MEND_OK)
				break;
			t.key = key;
		}
		int stop = fn(&t, ctx);
		free(key);
		if (stop)
			break;
	}
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal's tags", err);
	sqlite3_finalize(s);
	return rc;
}
