/* SPDX-License-Identifier: MIT */
/* Opening, migrating and transacting on the journal file.
 *
 * Durability: mend uses SQLite's rollback journal (journal_mode=DELETE)
 * with synchronous=EXTRA, not WAL. A journal commits a few times a day,
 * so the cost (about a millisecond a commit) is nothing, and in return
 * several processes (the TUI and a CLI command, say) may write the same
 * file safely: Debian's SQLite 3.40 still carries the WAL-reset bug that
 * can corrupt a WAL database when two connections write or checkpoint at
 * once. EXTRA also syncs the directory after the journal is deleted, so a
 * committed entry survives a killed process and a power cut.
 *
 * Concurrency: writes begin with BEGIN IMMEDIATE and mend's own busy
 * handler waits a generous minute, so a second writer waits its turn
 * instead of failing. A reader holding its snapshot (an export into a
 * pipe nobody reads) makes a save wait in COMMIT; a writer in the middle
 * of its commit makes even reads wait. A front end that must stay
 * responsive meanwhile sets a busy hook, which is called at every step
 * of the wait and may give up. */
#include "store_internal.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mend/path.h"

/* "MEND" — marks the file as a mend journal (PRAGMA application_id). */
#define MEND_APP_ID 0x4d454e44
#define BUSY_TIMEOUT_MS 60000
#define BUSY_STEP_MAX_MS 50

static const char *const migrations[] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE TABLE periods ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  started_at TEXT NOT NULL,"
	"  ended_at TEXT,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX periods_started ON periods(started_at);"
	"CREATE UNIQUE INDEX periods_one_running ON periods((1))"
	"  WHERE ended_at IS NULL;"
	"CREATE TABLE entries ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('checkin','contact','urge',"
	"    'unsent','sealed','reflection','growth','acceptance','decision')),"
	"  module TEXT NOT NULL CHECK (module IN ('checkin','nocontact',"
	"    'reflection','growth','acceptance')),"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  day TEXT,"
	"  text TEXT NOT NULL DEFAULT '',"
	"  prompt_id TEXT,"
	"  prompt_text TEXT,"
	"  initiator TEXT CHECK (initiator IN ('me','them')),"
	"  channel TEXT,"
	"  category TEXT,"
	"  outcome TEXT CHECK (outcome IN ('reconnect','friends','part-ways',"
	"    'undecided')),"
	"  tags TEXT,"
	"  mood INTEGER CHECK (mood BETWEEN 1 AND 10),"
	"  urge INTEGER CHECK (urge BETWEEN 0 AND 10),"
	"  contact INTEGER CHECK (contact IN (0,1)),"
	"  necessary INTEGER CHECK (necessary IN (0,1)),"
	"  breaks_period INTEGER CHECK (breaks_period IN (0,1)),"
	"  minutes INTEGER CHECK (minutes >= 0),"
	"  open_day INTEGER CHECK (open_day >= 1)"
	");"
	"CREATE INDEX entries_created ON entries(created_at, uuid);"
	"CREATE INDEX entries_module_created ON entries(module, created_at, uuid);"
	"CREATE INDEX entries_kind_created ON entries(kind, created_at);"
	"CREATE UNIQUE INDEX entries_checkin_day ON entries(day)"
	"  WHERE kind = 'checkin';"
	"CREATE INDEX entries_prompt ON entries(prompt_id, created_at)"
	"  WHERE prompt_id IS NOT NULL;"
	"CREATE VIRTUAL TABLE entries_fts USING fts5(text, content='entries',"
	"  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"
	"  INSERT INTO entries_fts(rowid, text) VALUES (new.id, new.text);"
	"END;"
	"CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"END;"
	"CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"  INSERT INTO entries_fts(rowid, text) VALUES (new.id, new.text);"
	"END;",
	/* 1 -> 2: the editor's draft, kept until it is saved or dropped */
	"CREATE TABLE drafts ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  context TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");",
	/* 2 -> 3: drafts belong to the session that wrote them (owner), one
	 * per owner and context, and a discarded one is kept for a while.
	 * The draft from before has no owner: it is offered as unsaved. */
	"CREATE TABLE drafts_v3 ("
	"  id INTEGER PRIMARY KEY,"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  context TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  discarded_at TEXT"
	");"
	"INSERT INTO drafts_v3 (owner, context, text, updated_at)"
	"  SELECT '', context, text, updated_at FROM drafts;"
	"DROP TABLE drafts;"
	"ALTER TABLE drafts_v3 RENAME TO drafts;"
	"CREATE UNIQUE INDEX drafts_live ON drafts(owner, context)"
	"  WHERE discarded_at IS NULL AND owner <> '';"
	"CREATE INDEX drafts_discarded ON drafts(discarded_at)"
	"  WHERE discarded_at IS NOT NULL;",
	/* 3 -> 4: a star on an entry; and CJK text, which has no spaces
	 * between words (unicode61 keeps a whole run as one token), indexed
	 * by trigrams so a word is found inside a sentence (detail='none'
	 * keeps no positions: a quarter of the size, and the search checks
	 * its candidates' text itself). Only entries
	 * with CJK letters go into that index: the triggers' WHEN matches
	 * kana, CJK ideographs and Hangul syllables (the same ranges as
	 * journal.c's cjk_char), and a delete must see the same test as the
	 * insert did. */
	"ALTER TABLE entries ADD COLUMN starred INTEGER NOT NULL DEFAULT 0"
	"  CHECK (starred IN (0,1));"
	"CREATE INDEX entries_starred ON entries(created_at, uuid)"
	"  WHERE starred = 1;"
	"CREATE VIRTUAL TABLE entries_cjk USING fts5(text, content='entries',"
	"  content_rowid='id', tokenize='trigram', detail='none');"
	"CREATE TRIGGER entries_cjk_insert AFTER INSERT ON entries"
	"  WHEN new.text GLOB '" STORE_CJK_GLOB "' BEGIN"
	"  INSERT INTO entries_cjk(rowid, text) VALUES (new.id, new.text);"
	"END;"
	"CREATE TRIGGER entries_cjk_delete AFTER DELETE ON entries"
	"  WHEN old.text GLOB '" STORE_CJK_GLOB "' BEGIN"
	"  INSERT INTO entries_cjk(entries_cjk, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"END;"
	"CREATE TRIGGER entries_cjk_update AFTER UPDATE OF text ON entries BEGIN"
	"  INSERT INTO entries_cjk(entries_cjk, rowid, text)"
	"    SELECT 'delete', old.id, old.text"
	"    WHERE old.text GLOB '" STORE_CJK_GLOB "';"
	"  INSERT INTO entries_cjk(rowid, text) SELECT new.id, new.text"
	"    WHERE new.text GLOB '" STORE_CJK_GLOB "';"
	"END;"
	"INSERT INTO entries_cjk(rowid, text) SELECT id, text FROM entries"
	"  WHERE text GLOB '" STORE_CJK_GLOB "';",
	/* 4 -> 5: the tags table. entries.tags stays what it was: the tags
	 * an entry keeps beside its text (a jrnl import's, a check-in's quick
	 * tags), space-separated as written, and the mend JSON export keeps
	 * writing it as the "tags" array. entry_tags is derived from it and
	 * from the @word and #word of the text (tags_derive, reached in SQL
	 * as mend_tags, registered at every open), one row per entry and
	 * key; store_entry_insert and store_entry_update rewrite an entry's
	 * rows in the same statement sequence, so inside the same
	 * transaction, and a delete takes them along (ON DELETE CASCADE).
	 * Nothing else writes it, so it never drifts from the text; it is
	 * filled here for the entries already kept (from scratch, so that
	 * running this step again on a journal whose version was set back
	 * by hand rebuilds the table instead of failing). */
	"CREATE TABLE IF NOT EXISTS entry_tags ("
	"  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  shown TEXT NOT NULL,"
	"  PRIMARY KEY (entry_id, tag)"
	") WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS entry_tags_tag ON entry_tags(tag, entry_id);"
	"DELETE FROM entry_tags;"
	"INSERT INTO entry_tags (entry_id, tag, shown)"
	"  SELECT e.id, j.value ->> 0, j.value ->> 1"
	"  FROM entries e, json_each(mend_tags(e.text, e.tags)) j;",
	/* 5 -> 6: the pause before reaching out, the guided path and its
	 * exercises: new kinds (a CHECK in SQLite changes only with the
	 * table, so entries is built anew, keeping every id so that the
	 * search indexes, whose rowids are those ids, stay as they are) and
	 * four columns (entry.h says what each holds). DROP TABLE runs no
	 * triggers; its implicit delete takes entry_tags along, which is
	 * filled again from the entries as in 4 -> 5. */
	"CREATE TABLE entries_v6 ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('checkin','contact','urge',"
	"    'unsent','sealed','reflection','growth','acceptance','decision',"
	"    'pause','profile','slip','exercise','intention','lookback',"
	"    'clarity','week')),"
	"  module TEXT NOT NULL CHECK (module IN ('checkin','nocontact',"
	"    'reflection','growth','acceptance','path')),"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  day TEXT,"
	"  text TEXT NOT NULL DEFAULT '',"
	"  prompt_id TEXT,"
	"  prompt_text TEXT,"
	"  initiator TEXT CHECK (initiator IN ('me','them')),"
	"  channel TEXT,"
	"  category TEXT,"
	"  outcome TEXT CHECK (outcome IN ('reconnect','friends','part-ways',"
	"    'undecided')),"
	"  tags TEXT,"
	"  mood INTEGER CHECK (mood BETWEEN 1 AND 10),"
	"  urge INTEGER CHECK (urge BETWEEN 0 AND 10),"
	"  contact INTEGER CHECK (contact IN (0,1)),"
	"  necessary INTEGER CHECK (necessary IN (0,1)),"
	"  breaks_period INTEGER CHECK (breaks_period IN (0,1)),"
	"  minutes INTEGER CHECK (minutes >= 0),"
	"  open_day INTEGER CHECK (open_day >= 1),"
	"  starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0,1)),"
	"  urge_after INTEGER CHECK (urge_after BETWEEN 0 AND 10),"
	"  seconds INTEGER CHECK (seconds >= 0),"
	"  score INTEGER CHECK (score BETWEEN 1 AND 10),"
	"  step TEXT"
	");"
	"INSERT INTO entries_v6 (id, uuid, kind, module, created_at,"
	"  updated_at, day, text, prompt_id, prompt_text, initiator, channel,"
	"  category, outcome, tags, mood, urge, contact, necessary,"
	"  breaks_period, minutes, open_day, starred)"
	"  SELECT id, uuid, kind, module, created_at, updated_at, day, text,"
	"  prompt_id, prompt_text, initiator, channel, category, outcome, tags,"
	"  mood, urge, contact, necessary, breaks_period, minutes, open_day,"
	"  starred FROM entries;"
	"DROP TABLE entries;"
	"ALTER TABLE entries_v6 RENAME TO entries;"
	"CREATE INDEX entries_created ON entries(created_at, uuid);"
	"CREATE INDEX entries_module_created ON entries(module, created_at, uuid);"
	"CREATE INDEX entries_kind_created ON entries(kind, created_at);"
	"CREATE UNIQUE INDEX entries_checkin_day ON entries(day)"
	"  WHERE kind = 'checkin';"
	"CREATE INDEX entries_prompt ON entries(prompt_id, created_at)"
	"  WHERE prompt_id IS NOT NULL;"
	"CREATE INDEX entries_starred ON entries(created_at, uuid)"
	"  WHERE starred = 1;"
	"CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"
	"  INSERT INTO entries_fts(rowid, text) VALUES (new.id, new.text);"
	"END;"
	"CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"END;"
	"CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"  INSERT INTO entries_fts(rowid, text) VALUES (new.id, new.text);"
	"END;"
	"CREATE TRIGGER entries_cjk_insert AFTER INSERT ON entries"
	"  WHEN new.text GLOB '" STORE_CJK_GLOB "' BEGIN"
	"  INSERT INTO entries_cjk(rowid, text) VALUES (new.id, new.text);"
	"END;"
	"CREATE TRIGGER entries_cjk_delete AFTER DELETE ON entries"
	"  WHEN old.text GLOB '" STORE_CJK_GLOB "' BEGIN"
	"  INSERT INTO entries_cjk(entries_cjk, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"END;"
	"CREATE TRIGGER entries_cjk_update AFTER UPDATE OF text ON entries BEGIN"
	"  INSERT INTO entries_cjk(entries_cjk, rowid, text)"
	"    SELECT 'delete', old.id, old.text"
	"    WHERE old.text GLOB '" STORE_CJK_GLOB "';"
	"  INSERT INTO entries_cjk(rowid, text) SELECT new.id, new.text"
	"    WHERE new.text GLOB '" STORE_CJK_GLOB "';"
	"END;"
	"DELETE FROM entry_tags;"
	"INSERT INTO entry_tags (entry_id, tag, shown)"
	"  SELECT e.id, j.value ->> 0, j.value ->> 1"
	"  FROM entries e, json_each(mend_tags(e.text, e.tags)) j;",
	/* 6 -> 7: encryption at rest. The crypt header of an encrypted
	 * journal (store_crypt.c): how the passphrase's key is derived
	 * (Argon2id costs and salt, kept so that they can be raised later),
	 * the data key wrapped by it and by the recovery key, a check of the
	 * data key itself, and the journal's id for a keyring. A plain
	 * journal keeps the table empty. An encrypted journal's search
	 * indexes and their triggers differ from these (store_crypt.c's
	 * seal_schema_sql): a later migration that rebuilds entries or the
	 * triggers must make the encrypted kind anew as well. */
	"CREATE TABLE IF NOT EXISTS crypt ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  format INTEGER NOT NULL,"
	"  journal_id TEXT NOT NULL,"
	"  kdf_ops INTEGER NOT NULL,"
	"  kdf_mem INTEGER NOT NULL,"
	"  salt BLOB NOT NULL,"
	"  wrapped_pass BLOB NOT NULL,"
	"  wrapped_recovery BLOB NOT NULL,"
	"  key_check BLOB NOT NULL"
	");",
	/* 7 -> 8: insights read every check-in's mood and urge by day, and
	 * every growth log's category by time, over years: two covering
	 * indexes let them do so without reading the entries' rows (what
	 * helps on ten years went from about 240 ms to a fraction). */
	"CREATE INDEX IF NOT EXISTS entries_checkin_mood ON entries(day, mood,"
	"  urge) WHERE kind = 'checkin';"
	"CREATE INDEX IF NOT EXISTS entries_growth_created ON entries("
	"  created_at, category) WHERE kind = 'growth';",
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION,
	       "one migration per schema version");

enum mend_rc store_fail(struct store *st, int rc, const char *doing,
			struct mend_err *err)
{
	const char *path = st && st->path ? st->path : "the journal";
	const char *msg = st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);

	if (st && st->crypt.fail_rc != MEND_OK) {
		/* a sealed value that did not open, or the journal locked:
		 * the sentence is the seal function's own */
		enum mend_rc crc = st->crypt.fail_rc;
		st->crypt.fail_rc = MEND_OK;
		return mend_err_set(err, crc, "%s", st->crypt.fail_msg);
	}

	switch (rc & 0xff) {
	case SQLITE_FULL:
		return mend_err_set(err, MEND_EFULL,
				    "the disk is full: %s could not be written "
				    "while %s, and nothing was saved",
				    path, doing);
	case SQLITE_READONLY:
		if (rc == SQLITE_READONLY_DBMOVED) /* renamed or unlinked */
			return mend_err_set(err, MEND_ESTORE,
					    "%s was moved or replaced while this "
					    "mend had it open, so nothing was "
					    "saved; please run mend again",
					    path);
		return mend_err_set(err, MEND_ESTORE,
				    "%s is read-only: cannot write to it while "
				    "%s (check the file's and its directory's "
				    "permissions)",
				    path, doing);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		if (st && st->busy.gave_up)
			return mend_err_set(err, MEND_ECANCELLED,
					    "cancelled while waiting for another "
					    "mend to finish with %s; nothing was "
					    "saved, and you can try again",
					    path);
		return mend_err_set(err, MEND_EBUSY,
				    "another mend kept %s busy for too long "
				    "while %s; nothing was saved, please try "
				    "again",
				    path, doing);
	case SQLITE_NOTADB:
		return mend_err_set(err, MEND_ENOTDB,
				    "%s is not a mend journal (it is not a "
				    "SQLite database); it was left untouched",
				    path);
	case SQLITE_CORRUPT:
		return mend_err_set(err, MEND_ESTORE,
				    "%s is damaged (%s) and was left untouched; "
				    "restore it from an export or a backup",
				    path, msg);
	case SQLITE_CANTOPEN:
		return mend_err_set(err, MEND_EIO, "cannot open %s: %s", path,
				    msg);
	case SQLITE_IOERR:
		return mend_err_set(err, MEND_EIO,
				    "cannot read or write %s while %s: %s", path,
				    doing, msg);
	case SQLITE_NOMEM:
		return mend_err_set(err, MEND_ENOMEM, "out of memory while %s",
				    doing);
	default:
		return mend_err_set(err, MEND_ESTORE, "journal error while %s: %s",
				    doing, msg);
	}
}

enum mend_rc store_prepare(struct store *st, const char *sql,
			   sqlite3_stmt **out, struct mend_err *err)
{
	/* a failure a caller ignored must not speak for the next one */
	st->crypt.fail_rc = MEND_OK;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
	if (rc != SQLITE_OK) {
		*out = NULL;
		return store_fail(st, rc, "reading the journal", err);
	}
	return MEND_OK;
}

enum mend_rc store_cached(struct store *st, const char *sql,
			  sqlite3_stmt **out, struct mend_err *err)
{
	int free_slot = -1;

	st->crypt.fail_rc = MEND_OK;
	for (int i = 0; i < STORE_CACHE_SIZE; i++) {
		if (st->cache[i].sql == sql) {
			*out = st->cache[i].stmt;
			return MEND_OK;
		}
		if (!st->cache[i].sql && free_slot < 0)
			free_slot = i;
	}
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
				    out, NULL);
	if (rc != SQLITE_OK) {
		*out = NULL;
		return store_fail(st, rc, "reading the journal", err);
	}
	if (free_slot >= 0) {
		st->cache[free_slot].sql = sql;
		st->cache[free_slot].stmt = *out;
	} else {
		/* full: replace the first slot rather than grow */
		sqlite3_finalize(st->cache[0].stmt);
		st->cache[0].sql = sql;
		st->cache[0].stmt = *out;
	}
	return MEND_OK;
}

void store_release(sqlite3_stmt *stmt)
{
	if (stmt) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
	}
}

enum mend_rc store_run(struct store *st, sqlite3_stmt *stmt, const char *doing,
		       struct mend_err *err)
{
	int src = sqlite3_step(stmt);
	enum mend_rc rc =
		src == SQLITE_DONE ? MEND_OK : store_fail(st, src, doing, err);
	store_release(stmt);
	return rc;
}

enum mend_rc store_step_row(struct store *st, sqlite3_stmt *stmt,
			    const char *doing, struct mend_err *err)
{
	int src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		return MEND_OK;
	if (src == SQLITE_DONE)
		return MEND_ENOTFOUND;
	return store_fail(st, src, doing, err);
}

int store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(stmt, i);
	return sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
}

void store_column_copy(sqlite3_stmt *stmt, int i, char *buf, size_t n)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);
	snprintf(buf, n, "%s", s ? (const char *)s : "");
}

static long monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: called while another connection holds the lock
 * we need; returning 0 makes the statement fail with SQLITE_BUSY. The
 * steps start short, as SQLite's own busy timeout does, so that a command
 * queued behind another goes on the moment the lock is free. */
static int busy_wait(void *arg, int attempt)
{
	static const int steps_ms[] = {1, 2, 5, 10, 15, 20, 25, 25, 25};
	const int n_steps = (int)(sizeof steps_ms / sizeof steps_ms[0]);
	struct store *st = arg;
	long now = monotonic_ms();

	if (attempt == 0)
		st->busy.since_ms = now;
	if (st->busy.gave_up)
		return 0;
	long waited = now - st->busy.since_ms;
	if (st->busy.hook) {
		if (!st->busy.hook(st->busy.ctx, attempt, waited)) {
			st->busy.gave_up = true;
			return 0;
		}
	} else if (waited >= BUSY_TIMEOUT_MS) {
		return 0;
	}
	sqlite3_sleep(attempt < n_steps ? steps_ms[attempt] : BUSY_STEP_MAX_MS);
	return 1;
}

void store_set_busy_hook(struct store *st, store_busy_fn hook, void *ctx)
{
	st->busy.hook = hook;
	st->busy.ctx = ctx;
	st->busy.gave_up = false;
}

void store_busy_rearm(struct store *st)
{
	st->busy.gave_up = false;
}

static enum mend_rc exec(struct store *st, const char *sql, const char *doing,
			 struct mend_err *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? MEND_OK : store_fail(st, rc, doing, err);
}

static enum mend_rc pragma_int(struct store *st, const char *sql, int *out,
			       struct mend_err *err)
{
	sqlite3_stmt *stmt = NULL;
	enum mend_rc mrc = store_prepare(st, sql, &stmt, err);
	if (mrc != MEND_OK)
		return mrc;
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(stmt, 0);
	else
		mrc = store_fail(st, rc, "reading the journal", err);
	sqlite3_finalize(stmt);
	return mrc;
}

static enum mend_rc migrate(struct store *st, struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;
	int version = 0;

	for (;;) {
		rc = pragma_int(st, "PRAGMA user_version", &version, err);
		if (rc != MEND_OK || version >= N_MIGRATIONS)
			return rc;
		/* Each step in its own transaction, and re-read inside it:
		 * another process may have migrated while we waited. */
		rc = store_begin(st, err);
		if (rc != MEND_OK)
			return rc;
		rc = pragma_int(st, "PRAGMA user_version", &version, err);
		if (rc == MEND_OK && version < N_MIGRATIONS) {
			char set[96];
			rc = exec(st, migrations[version], "upgrading the journal",
				  err);
			snprintf(set, sizeof set,
				 "PRAGMA user_version = %d; "
				 "PRAGMA application_id = %d;",
				 version + 1, MEND_APP_ID);
			if (rc == MEND_OK)
				rc = exec(st, set, "upgrading the journal", err);
		}
		if (rc != MEND_OK) {
			store_rollback(st);
			return rc;
		}
		rc = store_commit(st, err);
		if (rc != MEND_OK)
			return rc;
	}
}

/* Refuse what is not ours before anything can write to it. The three
 * facts are read in one statement, so in one snapshot: another mend
 * creating the journal at this moment is seen either before or after
 * its first migration, never half-way. */
static enum mend_rc check_identity(struct store *st, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	int app_id = 0, version = 0, objects = 0;
	enum mend_rc rc = store_prepare(
		st,
		"SELECT (SELECT application_id FROM pragma_application_id),"
		" (SELECT user_version FROM pragma_user_version),"
		" (SELECT count(*) FROM sqlite_schema)",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_step_row(st, s, "reading the journal", err);
	if (rc == MEND_OK) {
		app_id = sqlite3_column_int(s, 0);
		version = sqlite3_column_int(s, 1);
		objects = sqlite3_column_int(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != MEND_OK)
		return rc;
	if (app_id != MEND_APP_ID && (app_id != 0 || objects > 0))
		return mend_err_set(err, MEND_ENOTDB,
				    "%s is a SQLite database of another program, "
				    "not a mend journal; it was left untouched",
				    st->path);
	if (version > STORE_SCHEMA_VERSION)
		return mend_err_set(err, MEND_ENEWER,
				    "%s was written by a newer mend (journal "
				    "version %d, this mend knows up to %d); it "
				    "was left untouched: please update mend",
				    st->path, version, STORE_SCHEMA_VERSION);
	return MEND_OK;
}

/* Who uid is, for a message: the user's name, else the number. */
static void user_name(uid_t uid, char *buf, size_t n)
{
	const struct passwd *pw = getpwuid(uid);
	if (pw && pw->pw_name)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "uid %ld", (long)uid);
}

/* A directory on the way to the journal, "own" when the journal is in it.
 * Whoever owns a directory or may write to it can swap what is inside
 * (ssh refuses a ~/.ssh like that for the same reason). Root is trusted:
 * it can read the journal anyway. A sticky directory such as /tmp lets
 * others swap only their own entries, which is safe above the journal but
 * not as its own directory, where someone could plant a rollback journal
 * that SQLite would replay into it, or the journal itself before it is
 * made. */
static enum mend_rc check_dir(const char *dir, bool own, struct mend_err *err)
{
	struct stat sb;
	char who[64];

	if (lstat(dir, &sb) != 0)
		return mend_err_set(err, MEND_EIO, "cannot read %s: %s", dir,
				    strerror(errno));
	if (sb.st_uid != geteuid() && sb.st_uid != 0) {
		user_name(sb.st_uid, who, sizeof who);
		return mend_err_set(err, MEND_EIO,
				    "%s belongs to %s, not to you, so they "
				    "could swap the journal in it; keep the "
				    "journal in a directory of your own (--db "
				    "PATH)",
				    dir, who);
	}
	if (!(sb.st_mode & (S_IWGRP | S_IWOTH)))
		return MEND_OK;
	if (sb.st_mode & S_ISVTX) {
		if (!own)
			return MEND_OK;
		return mend_err_set(err, MEND_EIO,
				    "%s is a shared directory (like /tmp): "
				    "another user could put files beside the "
				    "journal; make a directory of your own in "
				    "it (mkdir -m 700 %s/mend) and keep the "
				    "journal there",
				    dir, strcmp(dir, "/") ? dir : "");
	}
	return mend_err_set(err, MEND_EIO,
			    "%s can be written by other users (mode %04o), so "
			    "they could swap the journal in it; make it yours "
			    "alone with: chmod go-w %s",
			    dir, (unsigned)(sb.st_mode & 07777), dir);
}

/* The journal's directory and every one above it, up to /. */
static enum mend_rc check_dirs(const char *file, struct mend_err *err)
{
	char *dir = path_parent(file);
	enum mend_rc rc = dir ? MEND_OK
			      : mend_err_set(err, MEND_ENOMEM, "out of memory");

	for (bool own = true; rc == MEND_OK; own = false) {
		rc = check_dir(dir, own, err);
		if (rc != MEND_OK || strcmp(dir, "/") == 0)
			break;
		char *up = path_parent(dir);
		free(dir);
		dir = up;
		if (!dir)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	free(dir);
	return rc;
}

/* The journal (what "journal" says) or its rollback journal, if it is
 * there: a regular file of ours that only we may change. shown is the
 * name the person gave; real is the same file with its directory
 * resolved. */
static enum mend_rc check_file(const char *shown, const char *real,
			       const char *what, struct mend_err *err)
{
	struct stat sb;
	char who[64], me[64];

	if (lstat(real, &sb) != 0)
		return errno == ENOENT ? MEND_OK
				       : mend_err_set(err, MEND_EIO,
						      "cannot read %s: %s", shown,
						      strerror(errno));
	if (S_ISLNK(sb.st_mode)) {
		/* SQLite keeps the rollback journal beside the name it opens:
		 * through a link the two would part, and a crash's journal
		 * would be missed (the file would be damaged). */
		char *target = realpath(real, NULL);
		enum mend_rc rc = mend_err_set(
			err, MEND_EIO,
			"%s is a symbolic link; mend opens %s only by its real "
			"name, so that its rollback journal stays beside it%s%s",
			shown, what, target ? ": use --db " : "",
			target ? target : "");
		free(target);
		return rc;
	}
	if (S_ISDIR(sb.st_mode))
		return mend_err_set(err, MEND_EINVAL,
				    "journal path: %s is a directory, not a "
				    "journal file",
				    shown);
	if (!S_ISREG(sb.st_mode))
		return mend_err_set(err, MEND_EINVAL,
				    "journal path: %s is not a regular file; "
				    "give a journal file",
				    shown);
	if (sb.st_uid != geteuid()) {
		user_name(sb.st_uid, who, sizeof who);
		user_name(geteuid(), me, sizeof me);
		return mend_err_set(err, MEND_EIO,
				    "%s belongs to %s, not to you; mend opens "
				    "only a journal of your own (if it is yours, "
				    "take it back: sudo chown %s %s)",
				    shown, who, me, shown);
	}
	if (sb.st_mode & (S_IWGRP | S_IWOTH))
		return mend_err_set(err, MEND_EIO,
				    "%s can be changed by other users (mode "
				    "%04o); make it yours alone with: chmod 600 "
				    "%s",
				    shown, (unsigned)(sb.st_mode & 07777), shown);
	return MEND_OK;
}

/* Everything about path that must hold before SQLite may open it: see
 * store_open. *real is the path to open (caller frees). */
static enum mend_rc check_path(const char *path, char **real,
			       struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;
	char *journal = NULL;

	*real = NULL;
	if (!path || !*path)
		return mend_err_set(err, MEND_EINVAL,
				    "journal path: empty; give a file name");
	int e = path_resolve_parent(path, real);
	if (e == ENOMEM)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (e != 0) {
		char *dir = path_parent(path);
		rc = e == ENOENT || e == ENOTDIR
			     ? mend_err_set(err, MEND_EINVAL,
					    "journal path: the directory %s does "
					    "not exist; create it first or choose "
					    "another path",
					    dir ? dir : path)
			     : mend_err_set(err, MEND_EIO, "cannot reach %s: %s",
					    dir ? dir : path, strerror(e));
		free(dir);
		return rc;
	}
	if (!*path_base(*real)) {
		rc = mend_err_set(err, MEND_EINVAL,
				  "journal path: %s is a directory, not a "
				  "journal file",
				  path);
		goto done;
	}
	rc = check_dirs(*real, err);
	if (rc == MEND_OK)
		rc = check_file(path, *real, "the journal", err);
	if (rc != MEND_OK)
		goto done;
	size_t n = strlen(*real) + sizeof "-journal";
	journal = malloc(n);
	if (!journal) {
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		goto done;
	}
	snprintf(journal, n, "%s-journal", *real);
	rc = check_file(journal, journal, "a rollback journal", err);
	if (rc != MEND_OK)
		goto done;
	/* a new journal: say plainly when it cannot be created there */
	struct stat sb;
	if (lstat(*real, &sb) != 0) {
		char *dir = path_parent(*real);
		if (!dir)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		else if (access(dir, W_OK | X_OK) != 0)
			rc = mend_err_set(err, MEND_EIO,
					  "cannot create %s: the directory %s is "
					  "not writable (%s)",
					  path, dir, strerror(errno));
		free(dir);
	}
done:
	free(journal);
	if (rc != MEND_OK) {
		free(*real);
		*real = NULL;
	}
	return rc;
}

static enum mend_rc replaced(const struct store *st, struct mend_err *err)
{
	return mend_err_set(err, MEND_EBUSY,
			    "%s was encrypted or decrypted by another mend "
			    "while this one waited, so nothing was saved; "
			    "please run mend again",
			    st->path);
}

/* Remember which file the connection opened: path's file now, which
 * must be the one stat gave before the open (else it was replaced in
 * between, and which one SQLite has is not known). */
static enum mend_rc take_identity(struct store *st, const struct stat *before,
				  struct mend_err *err)
{
	struct stat now;

	if (stat(st->path, &now) != 0)
		return MEND_OK; /* not made yet: store_begin takes it */
	if (before &&
	    (before->st_dev != now.st_dev || before->st_ino != now.st_ino))
		return replaced(st, err);
	st->file.known = true;
	st->file.dev = now.st_dev;
	st->file.ino = now.st_ino;
	return MEND_OK;
}

/* With the write lock held: does path still name the file the
 * connection has open? A mend that waited for the lock while another
 * encrypted or decrypted the journal holds the old file's lock, and
 * what it wrote there nobody would read again. */
static enum mend_rc check_same_file(struct store *st, struct mend_err *err)
{
	struct stat now;
	bool memory = strcmp(st->path, ":memory:") == 0;

	if (memory)
		return MEND_OK;
	if (!st->file.known) /* a new journal: its first write makes it */
		return take_identity(st, NULL, err);
	if (stat(st->path, &now) != 0) {
		if (errno == ENOENT)
			return mend_err_set(err, MEND_ESTORE,
					    "%s was moved or removed while "
					    "this mend had it open, so nothing "
					    "was saved; please run mend again",
					    st->path);
		return MEND_OK; /* SQLite says what else is wrong */
	}
	if (now.st_dev != st->file.dev || now.st_ino != st->file.ino)
		return replaced(st, err);
	return MEND_OK;
}

enum mend_rc store_open(struct store **out, const char *path,
			struct mend_err *err)
{
	struct store *st = NULL;
	struct stat sb;
	enum mend_rc rc;

	*out = NULL;
	umask(077);
	/* an in-memory journal has no file to check, tighten or remove */
	bool memory = path && strcmp(path, ":memory:") == 0;
	char *real = NULL;
	rc = memory ? MEND_OK : check_path(path, &real, err);
	if (rc != MEND_OK)
		return rc;
	if (!memory)
		path = real;
	struct stat before;
	bool existed = memory || stat(path, &before) == 0;
	st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		free(real);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	int src = sqlite3_open_v2(path, &st->db,
				  SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
					  SQLITE_OPEN_NOFOLLOW,
				  NULL);
	if (src != SQLITE_OK) {
		rc = store_fail(st, src, "opening the journal", err);
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, busy_wait, st);
	if (!memory) {
		rc = take_identity(st, existed ? &before : NULL, err);
		if (rc != MEND_OK)
			goto fail;
	}
	rc = store_tags_register(st, err);
	if (rc == MEND_OK)
		rc = store_seal_register(st, err);
	if (rc == MEND_OK)
		rc = check_identity(st, err);
	if (rc != MEND_OK)
		goto fail;
	rc = exec(st,
		  "PRAGMA foreign_keys = ON;"
		  "PRAGMA journal_mode = DELETE;"
		  "PRAGMA synchronous = EXTRA;"
		  "PRAGMA secure_delete = ON;"
		  "PRAGMA temp_store = MEMORY;",
		  "opening the journal", err);
	if (rc == MEND_OK)
		rc = migrate(st, err);
	if (rc == MEND_OK)
		rc = store_crypt_load(st, err);
	if (rc != MEND_OK)
		goto fail;
	/* A journal made under a loose umask by an older tool: tighten it,
	 * taking away only group and other bits. */
	if (!memory && stat(path, &sb) == 0 && (sb.st_mode & 077) &&
	    sb.st_uid == geteuid())
		chmod(path, sb.st_mode & 0700);
	st->created = !existed;
	st->wrote = false;
	*out = st;
	free(real);
	return MEND_OK;
fail:
	store_close(st);
	/* leave nothing behind where there was nothing */
	if (!existed && stat(path, &sb) == 0 && sb.st_size == 0)
		unlink(path);
	free(real);
	return rc;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->in_tx)
		store_rollback(st);
	for (int i = 0; i < STORE_CACHE_SIZE; i++)
		sqlite3_finalize(st->cache[i].stmt);
	sqlite3_close_v2(st->db);
	crypt_keys_free(st->crypt.keys);
	free(st->path);
	free(st);
}

const char *store_path(const struct store *st)
{
	return st->path;
}

bool store_created(const struct store *st)
{
	return st->created;
}

bool store_wrote(const struct store *st)
{
	return st->wrote;
}

enum mend_rc store_is_empty(struct store *st, bool *out, struct mend_err *err)
{
	int n = 0;
	enum mend_rc rc = pragma_int(
		st,
		"SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM "
		"periods) + (SELECT count(*) FROM settings) + (SELECT count(*) "
		"FROM drafts)",
		&n, err);
	*out = rc == MEND_OK && n == 0;
	return rc;
}

enum mend_rc store_begin(struct store *st, struct mend_err *err)
{
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "starting to save", err);
	st->in_tx = 1;
	/* checked with the lock held: no conversion can rename a file over
	 * the path from here until the commit */
	enum mend_rc mrc = check_same_file(st, err);
	if (mrc != MEND_OK)
		store_rollback(st);
	return mrc;
}

enum mend_rc store_commit(struct store *st, struct mend_err *err)
{
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum mend_rc mrc = store_fail(st, rc, "saving", err);
		store_rollback(st);
		return mrc;
	}
	st->in_tx = 0;
	st->wrote = true;
	return MEND_OK;
}

void store_rollback(struct store *st)
{
	if (st && st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (st)
		st->in_tx = 0;
}

enum mend_rc store_bulk_cache(struct store *st, int kib, struct mend_err *err)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kib);
	return exec(st, sql, "preparing a large write", err);
}

static enum mend_rc make_dirs(char *dir, struct mend_err *err)
{
	struct stat sb;

	if (stat(dir, &sb) == 0)
		return S_ISDIR(sb.st_mode)
			       ? MEND_OK
			       : mend_err_set(err, MEND_EIO,
					      "%s is not a directory", dir);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		enum mend_rc rc = make_dirs(dir, err);
		*slash = '/';
		if (rc != MEND_OK)
			return rc;
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return mend_err_set(err, MEND_EIO, "cannot create %s: %s", dir,
				    strerror(errno));
	return MEND_OK;
}

static enum mend_rc default_path(char **out, bool make, struct mend_err *err)
{
	const char *env = getenv("MEND_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *dir = NULL, *path = NULL;
	enum mend_rc rc = MEND_OK;
	size_t n;

	*out = NULL;
	umask(077);
	if (env && *env) {
		*out = strdup(env);
		return *out ? MEND_OK : mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	if (xdg && xdg[0] == '/') {
		n = strlen(xdg) + sizeof "/mend";
		dir = malloc(n);
		if (dir)
			snprintf(dir, n, "%s/mend", xdg);
	} else if (home && *home) {
		n = strlen(home) + sizeof "/.local/share/mend";
		dir = malloc(n);
		if (dir)
			snprintf(dir, n, "%s/.local/share/mend", home);
	} else {
		return mend_err_set(err, MEND_EINVAL,
				    "HOME is not set: give the journal's path "
				    "with --db or MEND_DB");
	}
	if (!dir)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	rc = make ? make_dirs(dir, err) : MEND_OK;
	if (rc == MEND_OK) {
		/* mend's own directory is private even if it predates us;
		 * someone else's is left as it is, for store_open to refuse. */
		struct stat sb;
		if (lstat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    sb.st_uid == geteuid())
			chmod(dir, 0700);
		n = strlen(dir) + sizeof "/journal.db";
		path = malloc(n);
		if (!path)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		else
			snprintf(path, n, "%s/journal.db", dir);
	}
	free(dir);
	*out = path;
	return rc;
}

enum mend_rc store_default_path(char **out, struct mend_err *err)
{
	return default_path(out, true, err);
}

enum mend_rc store_default_path_peek(char **out, struct mend_err *err)
{
	return default_path(out, false, err);
}
