/* SPDX-License-Identifier: MIT */
/* Entries in the store: insert, update, delete, find, and the streaming
 * queries (list, search, counts) behind review, status and export. Rows
 * are handed to callbacks straight from SQLite's memory, so a listing
 * never copies or holds more than one row. */
#include "store_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns row_to_entry reads, from entries aliased e. The person's
 * words are opened by mend_open (store_seal.c) into SQLite's memory for
 * the row: plain text on both kinds of journal. */
#define ENTRY_COLUMNS                                                          \
	"e.id, e.uuid, e.kind, e.created_at, e.updated_at, e.day, "           \
	"mend_open(" SEAL_AD_ENTRY("e.uuid", "text") ", e.text), e.prompt_id, " \
	"mend_open(" SEAL_AD_ENTRY("e.uuid", "prompt_text") ", e.prompt_text), " \
	"e.initiator, e.channel, e.category, e.outcome, "                     \
	"mend_open(" SEAL_AD_ENTRY("e.uuid", "tags") ", e.tags), e.mood, "    \
	"e.urge, e.contact, e.necessary, e.breaks_period, e.minutes, "        \
	"e.open_day, e.starred, e.urge_after, e.seconds, e.score, e.step"

/* The sealed parameters of an insert or update: ?6 text, ?8 prompt_text
 * and ?13 tags of the entry whose uuid is ?21. */
#define SEAL_TEXT "mend_seal(" SEAL_AD_ENTRY("?21", "text") ", ?6)"
#define SEAL_PROMPT "mend_seal(" SEAL_AD_ENTRY("?21", "prompt_text") ", ?8)"
#define SEAL_TAGS "mend_seal(" SEAL_AD_ENTRY("?21", "tags") ", ?13)"

static const char *col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static int col_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL
		       ? ENTRY_NONE
		       : sqlite3_column_int(s, i);
}

/* Fill e from a row selected with ENTRY_COLUMNS starting at column 0. */
static void row_to_entry(sqlite3_stmt *s, struct entry *e)
{
	entry_init(e);
	e->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, e->uuid, sizeof e->uuid);
	kind_from_name(col_text(s, 2), &e->kind);
	store_column_copy(s, 3, e->created_at, sizeof e->created_at);
	store_column_copy(s, 4, e->updated_at, sizeof e->updated_at);
	store_column_copy(s, 5, e->day, sizeof e->day);
	e->text = col_text(s, 6) ? col_text(s, 6) : "";
	e->prompt_id = col_text(s, 7);
	e->prompt_text = col_text(s, 8);
	e->initiator = col_text(s, 9);
	e->channel = col_text(s, 10);
	e->category = col_text(s, 11);
	e->outcome = col_text(s, 12);
	e->tags = col_text(s, 13);
	e->mood = col_int(s, 14);
	e->urge = col_int(s, 15);
	e->contact = col_int(s, 16);
	e->necessary = col_int(s, 17);
	e->breaks_period = col_int(s, 18);
	e->minutes = col_int(s, 19);
	e->open_day = col_int(s, 20);
	e->starred = sqlite3_column_int(s, 21) == 1;
	e->urge_after = col_int(s, 22);
	e->seconds = col_int(s, 23);
	e->score = col_int(s, 24);
	e->step = col_text(s, 25);
}

static int bind_int_or_null(sqlite3_stmt *s, int i, int v)
{
	return v == ENTRY_NONE ? sqlite3_bind_null(s, i) : sqlite3_bind_int(s, i, v);
}

/* Bind every user field of e to parameters 1..20 in ENTRY_COLUMNS order
 * without id and uuid, starred to 22 and the fields of schema 6 to
 * 23..26. */
static void bind_fields(sqlite3_stmt *s, const struct entry *e)
{
	store_bind_text(s, 1, kind_name(e->kind));
	store_bind_text(s, 2, module_name(kind_module(e->kind)));
	store_bind_text(s, 3, e->created_at);
	store_bind_text(s, 4, e->updated_at);
	store_bind_text(s, 5, e->day[0] ? e->day : NULL);
	store_bind_text(s, 6, e->text ? e->text : "");
	store_bind_text(s, 7, e->prompt_id);
	store_bind_text(s, 8, e->prompt_text);
	store_bind_text(s, 9, e->initiator);
	store_bind_text(s, 10, e->channel);
	store_bind_text(s, 11, e->category);
	store_bind_text(s, 12, e->outcome);
	store_bind_text(s, 13, e->tags);
	bind_int_or_null(s, 14, e->mood);
	bind_int_or_null(s, 15, e->urge);
	bind_int_or_null(s, 16, e->contact);
	bind_int_or_null(s, 17, e->necessary);
	bind_int_or_null(s, 18, e->breaks_period);
	bind_int_or_null(s, 19, e->minutes);
	bind_int_or_null(s, 20, e->open_day);
	sqlite3_bind_int(s, 22, e->starred == 1);
	bind_int_or_null(s, 23, e->urge_after);
	bind_int_or_null(s, 24, e->seconds);
	bind_int_or_null(s, 25, e->score);
	store_bind_text(s, 26, e->step);
}

enum mend_rc store_entry_insert(struct store *st, struct entry *e,
				struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st,
		"INSERT INTO entries (kind, module, created_at, updated_at, day, "
		"text, prompt_id, prompt_text, initiator, channel, category, "
		"outcome, tags, mood, urge, contact, necessary, breaks_period, "
		"minutes, open_day, uuid, starred, urge_after, seconds, score, "
		"step) VALUES (?1, ?2, ?3, ?4, ?5, " SEAL_TEXT ", ?7, " SEAL_PROMPT
		", ?9, ?10, ?11, ?12, " SEAL_TAGS ", ?14, ?15, ?16, ?17, ?18, ?19, "
		"?20, ?21, ?22, ?23, ?24, ?25, ?26)",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	bind_fields(s, e);
	store_bind_text(s, 21, e->uuid);
	rc = store_run(st, s, "saving the entry", err);
	if (rc == MEND_OK)
		e->id = sqlite3_last_insert_rowid(st->db);
	if (rc == MEND_OK)
		rc = store_tags_sync(st, e->uuid, err);
	return rc;
}

#define UPDATE_SQL                                                             \
	"UPDATE entries SET kind = ?1, module = ?2, created_at = ?3, "         \
	"updated_at = max(?4, strftime('%Y-%m-%dT%H:%M:%SZ', "                 \
	"updated_at, '+1 second')), day = ?5, text = " SEAL_TEXT ", "         \
	"prompt_id = ?7, prompt_text = " SEAL_PROMPT ", initiator = ?9, "       \
	"channel = ?10, category = ?11, outcome = ?12, tags = " SEAL_TAGS ", "  \
	"mood = ?14, urge = ?15, contact = ?16, "                              \
	"necessary = ?17, breaks_period = ?18, minutes = ?19, "                \
	"open_day = ?20, starred = ?22, urge_after = ?23, seconds = ?24, "      \
	"score = ?25, step = ?26 WHERE uuid = ?21"

/* The update, and with since the compare that goes with it: the row is
 * written only while its updated_at is still since. */
static enum mend_rc update(struct store *st, const struct entry *e,
			   const char *since, bool *changed,
			   struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	/* An update is always later than what it replaces, by a second at
	 * least: a copy from a clock running ahead must not outlive an edit
	 * made after it here. */
	enum mend_rc rc = store_cached(
		st, since ? UPDATE_SQL " AND updated_at = ?27" : UPDATE_SQL, &s,
		err);
	if (changed)
		*changed = false;
	if (rc != MEND_OK)
		return rc;
	bind_fields(s, e);
	store_bind_text(s, 21, e->uuid);
	if (since)
		store_bind_text(s, 27, since);
	rc = store_run(st, s, "saving the entry", err);
	if (rc != MEND_OK)
		return rc;
	if (sqlite3_changes(st->db) != 0)
		return store_tags_sync(st, e->uuid, err);
	if (!since)
		return mend_err_set(err, MEND_ENOTFOUND, "id: no entry %s",
				    e->uuid);
	/* nothing written: the entry is gone, or changed since */
	rc = store_cached(st, "SELECT 1 FROM entries WHERE uuid = ?1", &s, err);
	if (rc == MEND_OK) {
		store_bind_text(s, 1, e->uuid);
		rc = store_step_row(st, s, "reading the entry", err);
		store_release(s);
	}
	if (rc == MEND_ENOTFOUND)
		return mend_err_set(err, MEND_ENOTFOUND, "id: no entry %s",
				    e->uuid);
	if (rc != MEND_OK)
		return rc;
	if (changed)
		*changed = true;
	return mend_err_set(err, MEND_EINVAL,
			    "id: %s was changed elsewhere after %s, while "
			    "you were editing it",
			    e->uuid, since);
}

enum mend_rc store_entry_update(struct store *st, const struct entry *e,
				struct mend_err *err)
{
	return update(st, e, NULL, NULL, err);
}

enum mend_rc store_entry_update_from(struct store *st, const struct entry *e,
				     const char *since, bool *changed,
				     struct mend_err *err)
{
	return update(st, e, since, changed, err);
}

enum mend_rc store_entry_delete(struct store *st, const char *uuid,
				struct mend_err *err)
{
	enum mend_rc rc = store_entry_remove(st, uuid, err);
	if (rc == MEND_OK)
		rc = store_forget_old_text(st, err);
	return rc;
}

enum mend_rc store_entry_remove(struct store *st, const char *uuid,
				struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc =
		store_cached(st, "DELETE FROM entries WHERE uuid = ?1", &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, uuid);
	rc = store_run(st, s, "deleting the entry", err);
	if (rc == MEND_OK && sqlite3_changes(st->db) == 0)
		rc = mend_err_set(err, MEND_ENOTFOUND, "id: no entry %s", uuid);
	return rc;
}

enum mend_rc store_entry_set_starred(struct store *st, const char *uuid,
				     bool on, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st, "UPDATE entries SET starred = ?2 WHERE uuid = ?1", &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, uuid);
	sqlite3_bind_int(s, 2, on ? 1 : 0);
	rc = store_run(st, s, "saving the star", err);
	if (rc == MEND_OK && sqlite3_changes(st->db) == 0)
		rc = mend_err_set(err, MEND_ENOTFOUND, "id: no entry %s", uuid);
	return rc;
}

enum mend_rc store_begin_read(struct store *st, struct mend_err *err)
{
	/* BEGIN alone takes no lock; the first read takes the shared lock
	 * that then holds the snapshot until the end. Inside a caller's own
	 * transaction the snapshot is already there. */
	sqlite3_stmt *s = NULL;
	if (!sqlite3_get_autocommit(st->db))
		return MEND_OK;
	enum mend_rc rc = store_cached(st, "BEGIN DEFERRED", &s, err);
	if (rc == MEND_OK)
		rc = store_run(st, s, "starting to read", err);
	if (rc == MEND_OK)
		rc = store_cached(st, "SELECT count(*) FROM settings", &s, err);
	if (rc == MEND_OK)
		rc = store_step_row(st, s, "reading the journal", err);
	if (s)
		store_release(s);
	if (rc == MEND_OK)
		st->in_tx = 2; /* ours: store_end_read ends it */
	else
		store_rollback(st);
	return rc;
}

void store_end_read(struct store *st)
{
	if (st->in_tx == 2)
		store_rollback(st);
}

enum mend_rc store_forget_old_text(struct store *st, struct mend_err *err)
{
	/* FTS5 (before SQLite 3.44) records a delete as a marker in a new
	 * segment, leaving the old terms in older ones until they merge.
	 * Merging everything now, with secure_delete on, leaves no trace of
	 * removed text in the file. */
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st, "INSERT INTO entries_fts(entries_fts) VALUES ('optimize')", &s,
		err);
	if (rc != MEND_OK)
		return rc;
	rc = store_run(st, s, "clearing the search index", err);
	if (rc == MEND_OK)
		rc = store_cached(st,
				  "INSERT INTO entries_cjk(entries_cjk) "
				  "VALUES ('optimize')",
				  &s, err);
	if (rc == MEND_OK)
		rc = store_run(st, s, "clearing the search index", err);
	return rc;
}

static bool valid_prefix(const char *id)
{
	size_t n = strlen(id);
	if (n < 4 || n > 36)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)id[i]) && id[i] != '-')
			return false;
	return true;
}

enum mend_rc store_entry_find(struct store *st, const char *id,
			      void (*fn)(const struct entry *, void *),
			      void *ctx, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	char lower[UUID_LEN];
	enum mend_rc rc;
	int src, found = 0;
	struct entry e;

	if (!id || !valid_prefix(id))
		return mend_err_set(err, MEND_EINVAL,
				    "id: '%.40s' is not an entry id (give the "
				    "id shown by 'mend list', or its first 4 "
				    "or more characters)",
				    id ? id : "");
	for (size_t i = 0; i < sizeof lower; i++) {
		lower[i] = (char)tolower((unsigned char)id[i]);
		if (!id[i])
			break;
	}
	/* A range scan on the uuid index: prefix <= uuid < prefix + 1. */
	rc = store_cached(st,
			   "SELECT " ENTRY_COLUMNS " FROM entries e WHERE uuid >= ?1 "
			   "AND uuid < ?1 || 'g' ORDER BY uuid LIMIT 2",
			   &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, lower);
	while ((src = sqlite3_step(s)) == SQLITE_ROW) {
		if (++found == 2)
			break;
		row_to_entry(s, &e);
	}
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal", err);
	else if (found == 0)
		rc = mend_err_set(err, MEND_ENOTFOUND,
				  "id: no entry has the id %s", id);
	else if (found > 1)
		rc = mend_err_set(err, MEND_EINVAL,
				  "id: %s matches more than one entry; give "
				  "more of it",
				  id);
	else {
		/* Stepping on to look for a second match invalidated the
		 * first row's text, so read it again by its full uuid (the
		 * same range then holds exactly one row). */
		char uuid[UUID_LEN];
		memcpy(uuid, e.uuid, sizeof uuid);
		sqlite3_reset(s);
		store_bind_text(s, 1, uuid);
		if (sqlite3_step(s) == SQLITE_ROW) {
			row_to_entry(s, &e);
			fn(&e, ctx);
		} else {
			rc = store_fail(st, sqlite3_errcode(st->db),
					"reading the journal", err);
		}
	}
	store_release(s);
	return rc;
}

enum mend_rc store_checkin_by_day(struct store *st, const char *day,
				  void (*fn)(const struct entry *, void *),
				  void *ctx, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	struct entry e;
	enum mend_rc rc = store_cached(
		st,
		"SELECT " ENTRY_COLUMNS " FROM entries e WHERE kind = 'checkin' "
		"AND day = ?1",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, day);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK) {
		row_to_entry(s, &e);
		fn(&e, ctx);
	}
	store_release(s);
	return rc;
}

/* Appends a fixed SQL fragment; never user text, which is always bound. */
static void sql_add(char *buf, size_t n, const char *frag)
{
	size_t len = strlen(buf);
	snprintf(buf + len, n - len, "%s", frag);
}

/* One term per tag, all of which must match (STORE_FILTER_TAGS at
 * most; the CLI refuses more). */
static void add_tag_terms(char *sql, size_t n, size_t n_tags)
{
	static const char *const terms[STORE_FILTER_TAGS] = {
#define TAG_TERM(i)                                                            \
	" AND e.kind <> 'sealed' AND EXISTS (SELECT 1 FROM entry_tags t "      \
	"WHERE t.entry_id = e.id AND t.tag = mend_tag_key(:tag" #i "))"
		TAG_TERM(0), TAG_TERM(1), TAG_TERM(2), TAG_TERM(3),
		TAG_TERM(4), TAG_TERM(5), TAG_TERM(6), TAG_TERM(7)
#undef TAG_TERM
	};
	for (size_t i = 0; i < n_tags && i < STORE_FILTER_TAGS; i++)
		sql_add(sql, n, terms[i]);
}

static void bind_tag_terms(sqlite3_stmt *s, const char *const *tags,
			   size_t n_tags)
{
	for (size_t i = 0; i < n_tags && i < STORE_FILTER_TAGS; i++) {
		char name[16];
		snprintf(name, sizeof name, ":tag%zu", i);
		store_bind_text(s, sqlite3_bind_parameter_index(s, name),
				tags[i]);
	}
}

/* Above this many matches a limited search walks the date index. */
#define MANY_MATCHES 300

/* At most this many CJK words in one search (journal.c refuses more). */
#define CJK_WORDS_MAX 8

static size_t utf8_chars(const char *w, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)w[i] & 0xc0) != 0x80;
	return c;
}

/* The CJK words (one a line) as conditions: each word is looked for in
 * the text with instr; the trigram index, which keeps no positions,
 * narrows the rows to those with all the trigrams of the words of three
 * characters or more first (all in one MATCH :tri). The bound values are
 * made by cjk_bind from the same words in the same order. */
static void cjk_sql(char *sql, size_t n, const char *cjk)
{
	bool tri = false;
	int k = 0;
	for (const char *w = cjk; w && *w && k < CJK_WORDS_MAX; k++) {
		size_t len = strcspn(w, "\n");
		char frag[128];
		tri |= utf8_chars(w, len) >= 3;
		snprintf(frag, sizeof frag,
			 " AND instr(mend_open(" SEAL_AD_ENTRY("e.uuid", "text")
			 ", e.text), :cjk%d) > 0",
			 k);
		sql_add(sql, n, frag);
		w += len + (w[len] == '\n');
	}
	if (tri)
		sql_add(sql, n,
			" AND e.id IN (SELECT rowid FROM entries_cjk WHERE "
			"entries_cjk MATCH :tri)");
}

/* Append the trigrams of w[0..len) (three characters or more) to o, each
 * quoted: a trigram tokenizer reads a quoted three-character string as
 * that one trigram. Returns the new end. */
static char *add_trigrams(char *o, const char *w, size_t len)
{
	size_t starts[4] = {0}, k = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && ((unsigned char)w[i] & 0xc0) == 0x80)
			continue;
		/* i starts a character (or is the end): shift the window */
		if (k == 4) {
			memmove(starts, starts + 1, 3 * sizeof starts[0]);
			k = 3;
		}
		starts[k++] = i;
		if (k == 4) {
			*o++ = ' ';
			*o++ = '"';
			for (size_t b = starts[0]; b < starts[3]; b++) {
				if (w[b] == '"')
					*o++ = '"';
				*o++ = w[b];
			}
			*o++ = '"';
		}
	}
	return o;
}

static enum mend_rc cjk_bind(sqlite3_stmt *s, const char *cjk,
			     struct mend_err *err)
{
	size_t n = cjk ? strlen(cjk) : 0;
	/* every byte in up to three trigrams, doubled when a quote, plus
	 * three bytes of quotes and space each */
	char *tri = malloc(n * 9 + 1), *o = tri;
	int k = 0;

	if (!tri)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	for (const char *w = cjk; w && *w && k < CJK_WORDS_MAX; k++) {
		size_t len = strcspn(w, "\n");
		char name[16];
		if (utf8_chars(w, len) >= 3)
			o = add_trigrams(o, w, len);
		snprintf(name, sizeof name, ":cjk%d", k);
		sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, name), w,
				  (int)len, SQLITE_TRANSIENT);
		w += len + (w[len] == '\n');
	}
	*o = '\0';
	if (o != tri)
		sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":tri"),
				  tri + 1, -1, SQLITE_TRANSIENT);
	free(tri);
	return MEND_OK;
}

static enum mend_rc count_matches(struct store *st, const char *match,
				  long *out, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?1",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, match);
	rc = store_step_row(st, s, "searching the journal", err);
	if (rc == MEND_OK)
		*out = (long)sqlite3_column_int64(s, 0);
	store_release(s);
	return rc;
}

enum mend_rc store_entries_each(struct store *st, const struct entry_filter *f,
				int (*fn)(const struct entry *, void *),
				void *ctx, struct mend_err *err)
{
	char sql[4096] = "";
	sqlite3_stmt *s = NULL;
	struct entry e;
	enum mend_rc rc;
	int src;

	long matches = 0;
	if (f->match && f->limit > 0) {
		rc = count_matches(st, f->match, &matches, err);
		if (rc != MEND_OK)
			return rc;
	}
	if (f->match && matches > MANY_MATCHES)
		/* Many matches, few wanted: walk the date index newest first
		 * and stop at the limit, instead of fetching every match to
		 * sort it. */
		sql_add(sql, sizeof sql,
			"SELECT " ENTRY_COLUMNS " FROM entries e INDEXED BY "
			"entries_created WHERE e.id IN (SELECT rowid FROM "
			"entries_fts WHERE entries_fts MATCH :match) AND "
			"e.kind <> 'sealed'");
	else if (f->match)
		sql_add(sql, sizeof sql,
			"SELECT " ENTRY_COLUMNS " FROM entries_fts JOIN entries e ON "
			"e.id = entries_fts.rowid WHERE entries_fts MATCH :match "
			"AND e.kind <> 'sealed'");
	else if (f->cjk)
		sql_add(sql, sizeof sql,
			"SELECT " ENTRY_COLUMNS " FROM entries e WHERE "
			"e.kind <> 'sealed'");
	else
		sql_add(sql, sizeof sql,
			"SELECT " ENTRY_COLUMNS " FROM entries e WHERE 1");
	cjk_sql(sql, sizeof sql, f->cjk);
	if (f->starred)
		sql_add(sql, sizeof sql, " AND e.starred = 1");
	if (f->module >= 0)
		sql_add(sql, sizeof sql, " AND e.module = :module");
	if (f->kind >= 0)
		sql_add(sql, sizeof sql, " AND e.kind = :kind");
	if (f->since)
		sql_add(sql, sizeof sql, " AND e.created_at >= :since");
	if (f->until)
		sql_add(sql, sizeof sql, " AND e.created_at < :until");
	if (f->prompt_id)
		sql_add(sql, sizeof sql, " AND e.prompt_id = :prompt");
	add_tag_terms(sql, sizeof sql, f->n_tags);
	sql_add(sql, sizeof sql,
		f->oldest_first ? " ORDER BY e.created_at, e.uuid"
				: " ORDER BY e.created_at DESC, e.id DESC");
	if (f->limit > 0)
		sql_add(sql, sizeof sql, " LIMIT :limit");

	rc = store_prepare(st, sql, &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, sqlite3_bind_parameter_index(s, ":match"), f->match);
	rc = cjk_bind(s, f->cjk, err);
	if (rc != MEND_OK) {
		sqlite3_finalize(s);
		return rc;
	}
	if (f->module >= 0)
		store_bind_text(s, sqlite3_bind_parameter_index(s, ":module"),
				module_name((enum module)f->module));
	if (f->kind >= 0)
		store_bind_text(s, sqlite3_bind_parameter_index(s, ":kind"),
				kind_name((enum kind)f->kind));
	store_bind_text(s, sqlite3_bind_parameter_index(s, ":since"), f->since);
	store_bind_text(s, sqlite3_bind_parameter_index(s, ":until"), f->until);
	store_bind_text(s, sqlite3_bind_parameter_index(s, ":prompt"),
			f->prompt_id);
	sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"),
			   f->limit);
	bind_tag_terms(s, f->tags, f->n_tags);
	while ((src = sqlite3_step(s)) == SQLITE_ROW) {
		row_to_entry(s, &e);
		if (fn(&e, ctx))
			break;
	}
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal", err);
	sqlite3_finalize(s);
	return rc;
}

enum mend_rc store_entries_page(struct store *st, const struct entry_page *p,
				int (*fn)(const struct entry *, void *),
				void *ctx, struct mend_err *err)
{
	char sql[4096] = "";
	sqlite3_stmt *s = NULL;
	struct entry e;
	enum mend_rc rc = MEND_OK;
	long matches = 0;
	int src;

	if (p->limit < 1)
		return mend_err_set(err, MEND_EINVAL,
				    "limit: %ld is not 1 or more", p->limit);
	if (p->match)
		rc = count_matches(st, p->match, &matches, err);
	if (rc != MEND_OK)
		return rc;
	/* The same two plans as store_entries_each: few matches are fetched
	 * and sorted, many are found by walking the date index from the
	 * cursor. Without a search the index range is the whole plan. */
	if (p->match && matches > MANY_MATCHES)
		sql_add(sql, sizeof sql,
			"SELECT " ENTRY_COLUMNS " FROM entries e INDEXED BY "
			"entries_created WHERE e.id IN (SELECT rowid FROM "
			"entries_fts WHERE entries_fts MATCH :match) AND "
			"e.kind <> 'sealed'");
	else if (p->match)
		sql_add(
		    sql, sizeof sql,
		    "SELECT " ENTRY_COLUMNS " FROM entries_fts JOIN entries e ON "
		    "e.id = entries_fts.rowid WHERE entries_fts MATCH :match "
		    "AND e.kind <> 'sealed'");
	else if (p->cjk)
		sql_add(sql, sizeof sql,
			"SELECT " ENTRY_COLUMNS " FROM entries e WHERE "
			"e.kind <> 'sealed'");
	else
		sql_add(sql, sizeof sql,
			"SELECT " ENTRY_COLUMNS " FROM entries e WHERE 1");
	cjk_sql(sql, sizeof sql, p->cjk);
	if (p->module >= 0)
		sql_add(sql, sizeof sql, " AND e.module = :module");
	add_tag_terms(sql, sizeof sql, p->tag ? 1 : 0);
	if (p->from)
		sql_add(sql, sizeof sql,
			p->newer
			    ? " AND (e.created_at, e.uuid) > (:at, :uuid)"
			    : " AND (e.created_at, e.uuid) < (:at, :uuid)");
	sql_add(sql, sizeof sql,
		p->newer
		    ? " ORDER BY e.created_at, e.uuid LIMIT :limit"
		    : " ORDER BY e.created_at DESC, e.uuid DESC LIMIT :limit");

	rc = store_prepare(st, sql, &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, sqlite3_bind_parameter_index(s, ":match"), p->match);
	rc = cjk_bind(s, p->cjk, err);
	if (rc != MEND_OK) {
		sqlite3_finalize(s);
		return rc;
	}
	if (p->module >= 0)
		store_bind_text(s, sqlite3_bind_parameter_index(s, ":module"),
				module_name((enum module)p->module));
	if (p->from) {
		store_bind_text(s, sqlite3_bind_parameter_index(s, ":at"),
				p->from->created_at);
		store_bind_text(s, sqlite3_bind_parameter_index(s, ":uuid"),
				p->from->uuid);
	}
	sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"),
			   p->limit);
	bind_tag_terms(s, &p->tag, p->tag ? 1 : 0);
	while ((src = sqlite3_step(s)) == SQLITE_ROW) {
		row_to_entry(s, &e);
		if (fn(&e, ctx))
			break;
	}
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal", err);
	sqlite3_finalize(s);
	return rc;
}

enum mend_rc store_entry_count(struct store *st, int kind, const char *since,
			       long *out, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	const char *sql =
		kind >= 0 ? "SELECT count(*) FROM entries WHERE kind = ?1 AND "
			    "(?2 IS NULL OR created_at >= ?2)"
			  : "SELECT count(*) FROM entries WHERE ?2 IS NULL OR "
			    "created_at >= ?2";
	enum mend_rc rc = store_cached(st, sql, &s, err);
	if (rc != MEND_OK)
		return rc;
	if (kind >= 0)
		store_bind_text(s, 1, kind_name((enum kind)kind));
	store_bind_text(s, 2, since);
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		*out = (long)sqlite3_column_int64(s, 0);
	store_release(s);
	return rc;
}

enum mend_rc store_module_latest(struct store *st, int module,
				 char out[CLOCK_ISO_LEN], struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	const char *sql = module >= 0 ? "SELECT max(created_at) FROM entries "
					"WHERE module = ?1"
				      : "SELECT max(created_at) FROM entries";
	enum mend_rc rc = store_cached(st, sql, &s, err);
	if (rc != MEND_OK)
		return rc;
	if (module >= 0)
		store_bind_text(s, 1, module_name((enum module)module));
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		store_column_copy(s, 0, out, CLOCK_ISO_LEN);
	store_release(s);
	return rc;
}

enum mend_rc store_growth_totals(struct store *st, const char *since,
				 const char *until,
				 void (*fn)(const char *category, long minutes,
					    long count, void *ctx),
				 void *ctx, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	int src;
	enum mend_rc rc = store_cached(
		st,
		"SELECT category, coalesce(sum(minutes), 0), count(*) FROM "
		"entries WHERE kind = 'growth' AND created_at >= ?1 AND "
		"created_at < ?2 GROUP BY category ORDER BY category",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, since);
	store_bind_text(s, 2, until);
	while ((src = sqlite3_step(s)) == SQLITE_ROW)
		fn(col_text(s, 0) ? col_text(s, 0) : "",
		   (long)sqlite3_column_int64(s, 1),
		   (long)sqlite3_column_int64(s, 2), ctx);
	if (src != SQLITE_DONE)
		rc = store_fail(st, src, "reading the journal", err);
	store_release(s);
	return rc;
}

enum mend_rc store_has_entries(struct store *st, bool *out,
			       struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_cached(
		st, "SELECT EXISTS (SELECT 1 FROM entries)", &s, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK)
		*out = sqlite3_column_int(s, 0) != 0;
	store_release(s);
	return rc;
}
