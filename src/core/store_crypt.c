/* SPDX-License-Identifier: MIT */
/* The encrypted journal's header and keys: reading the crypt header at
 * open, unlocking with a passphrase, the recovery key or the data key,
 * locking, changing the passphrase, and the schema an encrypted journal
 * gets (its search indexes). Sealing the values themselves is
 * store_seal.c; converting a whole journal is store_convert.c. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "mend/store_crypt.h"
#include "store_internal.h"

#define CRYPT_FORMAT 1
#define AD_PASS "mend data key|passphrase"
#define AD_RECOVERY "mend data key|recovery"

bool store_encrypted(const struct store *st)
{
	return st->crypt.on;
}

bool store_unlocked(const struct store *st)
{
	return !st->crypt.on || st->crypt.keys != NULL;
}

enum mend_rc store_check_unlocked(const struct store *st, struct mend_err *err)
{
	if (store_unlocked(st))
		return MEND_OK;
	return mend_err_set(err, MEND_ELOCKED, "the journal is locked");
}

static enum mend_rc not_encrypted(const struct store *st, struct mend_err *err)
{
	return mend_err_set(err, MEND_EINVAL, "%s is not encrypted", st->path);
}

static bool blob_copy(sqlite3_stmt *s, int i, void *out, size_t n)
{
	if (sqlite3_column_bytes(s, i) != (int)n)
		return false;
	memcpy(out, sqlite3_column_blob(s, i), n);
	return true;
}

enum mend_rc store_crypt_load(struct store *st, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
		st,
		"SELECT format, journal_id, kdf_ops, kdf_mem, salt, "
		"wrapped_pass, wrapped_recovery, key_check FROM crypt "
		"WHERE id = 1",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_step_row(st, s, "reading the journal's key", err);
	if (rc == MEND_ENOTFOUND) {
		st->crypt.on = false;
		rc = MEND_OK;
	} else if (rc == MEND_OK) {
		bool ok = sqlite3_column_int(s, 0) == CRYPT_FORMAT;
		store_column_copy(s, 1, st->crypt.id, sizeof st->crypt.id);
		st->crypt.kdf.ops = (unsigned long long)sqlite3_column_int64(s, 2);
		st->crypt.kdf.mem = (size_t)sqlite3_column_int64(s, 3);
		/* an empty recovery wrap: encrypted without a recovery key */
		st->crypt.has_recovery = sqlite3_column_bytes(s, 6) != 0;
		ok = ok && blob_copy(s, 4, st->crypt.kdf.salt, CRYPT_SALT_LEN) &&
		     blob_copy(s, 5, st->crypt.wrapped_pass, CRYPT_WRAPPED_LEN) &&
		     (!st->crypt.has_recovery ||
		      blob_copy(s, 6, st->crypt.wrapped_recovery,
				CRYPT_WRAPPED_LEN)) &&
		     blob_copy(s, 7, st->crypt.key_check, 32);
		if (!ok)
			rc = mend_err_set(err, MEND_ESTORE,
					  "%s: its encryption header is damaged "
					  "or from a newer mend; it was left "
					  "untouched",
					  st->path);
		st->crypt.on = true;
	}
	sqlite3_finalize(s);
	if (rc == MEND_OK && st->crypt.on)
		rc = crypt_init(err);
	return rc;
}

/* Take key as the journal's data key: it must match the header. */
static enum mend_rc take_key(struct store *st, const unsigned char *key,
			     struct mend_err *err)
{
	unsigned char check[32];
	crypt_key_check(key, check);
	if (sodium_memcmp(check, st->crypt.key_check, sizeof check) != 0)
		return mend_err_set(err, MEND_EAUTH,
				    "that key is not this journal's key, so it "
				    "stays locked");
	struct crypt_keys *k = crypt_keys_new(key);
	if (!k)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	crypt_keys_free(st->crypt.keys);
	st->crypt.keys = k;
	return MEND_OK;
}

enum mend_rc store_unlock_passphrase(struct store *st, const char *pass,
				     size_t len, struct mend_err *err)
{
	if (!st->crypt.on)
		return not_encrypted(st, err);
	unsigned char *kek = crypt_secret_new(CRYPT_KEY_LEN);
	unsigned char *key = crypt_secret_new(CRYPT_KEY_LEN);
	enum mend_rc rc = kek && key ? MEND_OK
				     : mend_err_set(err, MEND_ENOMEM,
						    "out of memory");
	if (rc == MEND_OK)
		rc = crypt_kdf_derive(&st->crypt.kdf, pass, len, kek, err);
	if (rc == MEND_OK &&
	    !crypt_unwrap(kek, st->crypt.wrapped_pass, AD_PASS, key))
		rc = mend_err_set(err, MEND_EAUTH,
				  "that passphrase does not open this journal; "
				  "nothing was changed, and you can try again");
	if (rc == MEND_OK)
		rc = take_key(st, key, err);
	crypt_secret_free(kek);
	crypt_secret_free(key);
	return rc;
}

enum mend_rc store_check_recovery(const struct store *st, struct mend_err *err)
{
	if (!st->crypt.on)
		return not_encrypted(st, err);
	if (!st->crypt.has_recovery)
		return mend_err_set(err, MEND_ENOTFOUND,
				    "this journal has no recovery key (it was "
				    "encrypted without one), so only its "
				    "passphrase opens it; nothing was changed");
	return MEND_OK;
}

enum mend_rc store_unlock_recovery(struct store *st, const char *recovery_key,
				   struct mend_err *err)
{
	enum mend_rc rc = store_check_recovery(st, err);
	if (rc != MEND_OK)
		return rc;
	unsigned char *kek = crypt_secret_new(CRYPT_KEY_LEN);
	unsigned char *key = crypt_secret_new(CRYPT_KEY_LEN);
	if (!kek || !key)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK)
		rc = crypt_recovery_decode(recovery_key, kek, err);
	if (rc == MEND_OK &&
	    !crypt_unwrap(kek, st->crypt.wrapped_recovery, AD_RECOVERY, key))
		rc = mend_err_set(err, MEND_EAUTH,
				  "that recovery key belongs to another "
				  "journal; nothing was changed");
	if (rc == MEND_OK)
		rc = take_key(st, key, err);
	crypt_secret_free(kek);
	crypt_secret_free(key);
	return rc;
}

enum mend_rc store_unlock_key(struct store *st,
			      const unsigned char key[CRYPT_KEY_LEN],
			      struct mend_err *err)
{
	if (!st->crypt.on)
		return not_encrypted(st, err);
	return take_key(st, key, err);
}

enum mend_rc store_export_key(struct store *st, unsigned char out[CRYPT_KEY_LEN])
{
	if (!st->crypt.on)
		return MEND_EINVAL;
	if (!st->crypt.keys)
		return MEND_ELOCKED;
	memcpy(out, crypt_keys_data(st->crypt.keys), CRYPT_KEY_LEN);
	return MEND_OK;
}

void store_lock(struct store *st)
{
	if (!st || !st->crypt.on)
		return;
	store_rollback(st);
	crypt_keys_free(st->crypt.keys);
	st->crypt.keys = NULL;
}

const char *store_crypt_id(const struct store *st)
{
	return st->crypt.on ? st->crypt.id : NULL;
}

/* Write the header row from st->crypt. */
static enum mend_rc write_header(struct store *st, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(
		st,
		"INSERT OR REPLACE INTO crypt (id, format, journal_id, kdf_ops, "
		"kdf_mem, salt, wrapped_pass, wrapped_recovery, key_check) "
		"VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	sqlite3_bind_int(s, 1, CRYPT_FORMAT);
	store_bind_text(s, 2, st->crypt.id);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)st->crypt.kdf.ops);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)st->crypt.kdf.mem);
	sqlite3_bind_blob(s, 5, st->crypt.kdf.salt, CRYPT_SALT_LEN,
			  SQLITE_STATIC);
	sqlite3_bind_blob(s, 6, st->crypt.wrapped_pass, CRYPT_WRAPPED_LEN,
			  SQLITE_STATIC);
	if (st->crypt.has_recovery)
		sqlite3_bind_blob(s, 7, st->crypt.wrapped_recovery,
				  CRYPT_WRAPPED_LEN, SQLITE_STATIC);
	else /* the column is NOT NULL: none is an empty blob */
		sqlite3_bind_zeroblob(s, 7, 0);
	sqlite3_bind_blob(s, 8, st->crypt.key_check, 32, SQLITE_STATIC);
	int src = sqlite3_step(s);
	if (src != SQLITE_DONE)
		rc = store_fail(st, src, "saving the journal's key", err);
	sqlite3_finalize(s);
	return rc;
}

/* Wrap the data key with pass under fresh KDF settings into st->crypt. */
static enum mend_rc wrap_pass(struct store *st, const char *pass, size_t len,
			      struct mend_err *err)
{
	struct crypt_kdf kdf;
	unsigned char *kek = crypt_secret_new(CRYPT_KEY_LEN);
	enum mend_rc rc = kek ? crypt_kdf_new(&kdf, err)
			      : mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK && len == 0)
		rc = mend_err_set(err, MEND_EINVAL,
				  "passphrase: empty; choose one of at least "
				  "one character");
	if (rc == MEND_OK)
		rc = crypt_kdf_derive(&kdf, pass, len, kek, err);
	if (rc == MEND_OK) {
		crypt_wrap(kek, crypt_keys_data(st->crypt.keys), AD_PASS,
			   st->crypt.wrapped_pass);
		st->crypt.kdf = kdf;
	}
	crypt_secret_free(kek);
	return rc;
}

enum mend_rc store_change_passphrase(struct store *st, const char *pass,
				     size_t len, struct mend_err *err)
{
	if (!st->crypt.on)
		return not_encrypted(st, err);
	enum mend_rc rc = store_check_unlocked(st, err);
	struct crypt_kdf old_kdf = st->crypt.kdf;
	unsigned char old_wrapped[CRYPT_WRAPPED_LEN];
	memcpy(old_wrapped, st->crypt.wrapped_pass, sizeof old_wrapped);
	if (rc == MEND_OK)
		rc = wrap_pass(st, pass, len, err);
	if (rc == MEND_OK)
		rc = store_begin(st, err);
	if (rc == MEND_OK) {
		rc = write_header(st, err);
		rc = rc == MEND_OK ? store_commit(st, err) : rc;
		if (rc != MEND_OK)
			store_rollback(st);
	}
	if (rc != MEND_OK) {
		st->crypt.kdf = old_kdf;
		memcpy(st->crypt.wrapped_pass, old_wrapped, sizeof old_wrapped);
	}
	return rc;
}

enum mend_rc store_new_recovery_key(struct store *st,
				    char recovery_out[CRYPT_RECOVERY_LEN],
				    struct mend_err *err)
{
	if (!st->crypt.on)
		return not_encrypted(st, err);
	enum mend_rc rc = store_check_unlocked(st, err);
	unsigned char *rkey = crypt_secret_new(CRYPT_KEY_LEN);
	unsigned char old_wrapped[CRYPT_WRAPPED_LEN];
	bool old_has = st->crypt.has_recovery;

	memcpy(old_wrapped, st->crypt.wrapped_recovery, sizeof old_wrapped);
	recovery_out[0] = '\0';
	if (rc == MEND_OK && !rkey)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK) {
		crypt_random(rkey, CRYPT_KEY_LEN);
		crypt_wrap(rkey, crypt_keys_data(st->crypt.keys), AD_RECOVERY,
			   st->crypt.wrapped_recovery);
		st->crypt.has_recovery = true;
		rc = store_begin(st, err);
	}
	if (rc == MEND_OK) {
		/* one row replaced in one transaction: the old key's wrap is
		 * gone the moment the new one is there */
		rc = write_header(st, err);
		rc = rc == MEND_OK ? store_commit(st, err) : rc;
		if (rc != MEND_OK)
			store_rollback(st);
	}
	if (rc == MEND_OK) {
		crypt_recovery_encode(rkey, recovery_out);
	} else {
		st->crypt.has_recovery = old_has;
		memcpy(st->crypt.wrapped_recovery, old_wrapped,
		       sizeof old_wrapped);
	}
	crypt_secret_free(rkey);
	return rc;
}

/* The triggers that index a new entry, as the journal keeps them (no
 * ';': store_index_defer compares them with the journal's own). */
#define FTS_INSERT_TRIGGER                                                     \
	"CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"      \
	"  INSERT INTO entries_fts(rowid, text) VALUES (new.id,"               \
	"    mend_open(" SEAL_AD_ENTRY("new.uuid", "text") ", new.text));"      \
	"END"
#define CJK_INSERT_TRIGGER                                                     \
	"CREATE TRIGGER entries_cjk_insert AFTER INSERT ON entries"            \
	"  WHEN mend_open(" SEAL_AD_ENTRY("new.uuid", "text") ", new.text)"     \
	"  GLOB '" STORE_CJK_GLOB "' BEGIN"                                     \
	"  INSERT INTO entries_cjk(rowid, text) VALUES (new.id,"               \
	"    mend_open(" SEAL_AD_ENTRY("new.uuid", "text") ", new.text));"      \
	"END"

/* The search indexes of an encrypted journal: the same two tables,
 * contentless (FTS5 keeps no copy of the text) and with the hashing
 * tokenizers, fed by triggers that open the new text in memory. */
static const char seal_schema_sql[] =
	"DROP TRIGGER entries_fts_insert;"
	"DROP TRIGGER entries_fts_delete;"
	"DROP TRIGGER entries_fts_update;"
	"DROP TRIGGER entries_cjk_insert;"
	"DROP TRIGGER entries_cjk_delete;"
	"DROP TRIGGER entries_cjk_update;"
	"DROP TABLE entries_fts;"
	"DROP TABLE entries_cjk;"
	"CREATE VIRTUAL TABLE entries_fts USING fts5(text, content='',"
	"  tokenize='mend_words');"
	"CREATE VIRTUAL TABLE entries_cjk USING fts5(text, content='',"
	"  tokenize='mend_trigram', detail='none');"
	FTS_INSERT_TRIGGER ";"
	"CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, text) VALUES ('delete',"
	"    old.id, mend_open(" SEAL_AD_ENTRY("old.uuid", "text") ", old.text));"
	"END;"
	"CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, text) VALUES ('delete',"
	"    old.id, mend_open(" SEAL_AD_ENTRY("old.uuid", "text") ", old.text));"
	"  INSERT INTO entries_fts(rowid, text) VALUES (new.id,"
	"    mend_open(" SEAL_AD_ENTRY("new.uuid", "text") ", new.text));"
	"END;"
	CJK_INSERT_TRIGGER ";"
	"CREATE TRIGGER entries_cjk_delete AFTER DELETE ON entries"
	"  WHEN mend_open(" SEAL_AD_ENTRY("old.uuid", "text") ", old.text)"
	"  GLOB '" STORE_CJK_GLOB "' BEGIN"
	"  INSERT INTO entries_cjk(entries_cjk, rowid, text) VALUES ('delete',"
	"    old.id, mend_open(" SEAL_AD_ENTRY("old.uuid", "text") ", old.text));"
	"END;"
	"CREATE TRIGGER entries_cjk_update AFTER UPDATE OF text ON entries BEGIN"
	"  INSERT INTO entries_cjk(entries_cjk, rowid, text)"
	"    SELECT 'delete', old.id, t FROM (SELECT mend_open("
	SEAL_AD_ENTRY("old.uuid", "text") ", old.text) AS t)"
	"    WHERE t GLOB '" STORE_CJK_GLOB "';"
	"  INSERT INTO entries_cjk(rowid, text)"
	"    SELECT new.id, t FROM (SELECT mend_open("
	SEAL_AD_ENTRY("new.uuid", "text") ", new.text) AS t)"
	"    WHERE t GLOB '" STORE_CJK_GLOB "';"
	"END;";

enum mend_rc store_crypt_make(struct store *st, const char *pass, size_t len,
			      char recovery_out[CRYPT_RECOVERY_LEN],
			      struct mend_err *err)
{
	bool recovery = recovery_out != NULL;
	unsigned char *key = crypt_secret_new(CRYPT_KEY_LEN);
	unsigned char *rkey = recovery ? crypt_secret_new(CRYPT_KEY_LEN) : NULL;
	unsigned char raw_id[16];
	enum mend_rc rc = key && (rkey || !recovery)
				  ? crypt_init(err)
				  : mend_err_set(err, MEND_ENOMEM,
						 "out of memory");
	if (rc == MEND_OK) {
		crypt_random(key, CRYPT_KEY_LEN);
		if (recovery)
			crypt_random(rkey, CRYPT_KEY_LEN);
		crypt_random(raw_id, sizeof raw_id);
		sodium_bin2hex(st->crypt.id, sizeof st->crypt.id, raw_id,
			       sizeof raw_id);
		st->crypt.keys = crypt_keys_new(key);
		if (!st->crypt.keys)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	if (rc == MEND_OK)
		rc = wrap_pass(st, pass, len, err);
	if (rc == MEND_OK) {
		/* declined: no second way in is made, not even one nobody
		 * holds */
		st->crypt.has_recovery = recovery;
		memset(st->crypt.wrapped_recovery, 0,
		       sizeof st->crypt.wrapped_recovery);
		if (recovery) {
			crypt_wrap(rkey, key, AD_RECOVERY,
				   st->crypt.wrapped_recovery);
			crypt_recovery_encode(rkey, recovery_out);
		}
		crypt_key_check(key, st->crypt.key_check);
		rc = write_header(st, err);
	}
	if (rc == MEND_OK) {
		int src = sqlite3_exec(st->db, seal_schema_sql, NULL, NULL, NULL);
		if (src != SQLITE_OK)
			rc = store_fail(st, src, "making the search index", err);
	}
	if (rc == MEND_OK)
		st->crypt.on = true;
	crypt_secret_free(key);
	crypt_secret_free(rkey);
	return rc;
}

/* --- a bulk write's search index, filled once at the end --- */

/* SQLite before 3.44 has FTS5 write its pending terms to disk at every
 * statement savepoint, and every insert that fires an index trigger opens
 * one: an import wrote one small index segment per entry and then spent
 * most of its time merging them. While deferred, a new entry's id goes
 * into a temporary list instead; an entry of that list about to change
 * or go is indexed first, so the journal's own update and delete
 * triggers find what they remove. */

/* Index the entry whose values are old.*, as the insert triggers would. */
#define INDEX_OLD_ROW                                                          \
	"  INSERT INTO entries_fts(rowid, text) VALUES (old.id,"               \
	"    mend_open(" SEAL_AD_ENTRY("old.uuid", "text") ", old.text));"      \
	"  INSERT INTO entries_cjk(rowid, text)"                               \
	"    SELECT old.id, t FROM (SELECT mend_open("                         \
	SEAL_AD_ENTRY("old.uuid", "text") ", old.text) AS t)"                  \
	"    WHERE t GLOB '" STORE_CJK_GLOB "';"                                \
	"  DELETE FROM mend_index_pending WHERE id = old.id;"

static const char defer_sql[] =
	"DROP TRIGGER main.entries_fts_insert;"
	"DROP TRIGGER main.entries_cjk_insert;"
	"CREATE TEMP TABLE mend_index_pending (id INTEGER PRIMARY KEY);"
	"CREATE TEMP TRIGGER mend_index_pending_insert AFTER INSERT ON"
	"  main.entries BEGIN"
	"  INSERT OR IGNORE INTO mend_index_pending (id) VALUES (new.id);"
	"END;"
	"CREATE TEMP TRIGGER mend_index_pending_update BEFORE UPDATE OF text"
	"  ON main.entries"
	"  WHEN old.id IN (SELECT id FROM mend_index_pending) BEGIN"
	INDEX_OLD_ROW
	"END;"
	"CREATE TEMP TRIGGER mend_index_pending_delete BEFORE DELETE ON"
	"  main.entries"
	"  WHEN old.id IN (SELECT id FROM mend_index_pending) BEGIN"
	INDEX_OLD_ROW
	"END;";

static const char drop_pending_sql[] =
	"DROP TRIGGER IF EXISTS temp.mend_index_pending_insert;"
	"DROP TRIGGER IF EXISTS temp.mend_index_pending_update;"
	"DROP TRIGGER IF EXISTS temp.mend_index_pending_delete;"
	"DROP TABLE IF EXISTS temp.mend_index_pending;";

static const char resume_sql[] =
	"INSERT INTO entries_fts(rowid, text)"
	"  SELECT e.id, mend_open(" SEAL_AD_ENTRY("e.uuid", "text") ", e.text)"
	"  FROM temp.mend_index_pending p CROSS JOIN main.entries e"
	"  ON e.id = p.id;"
	"INSERT INTO entries_cjk(rowid, text)"
	"  SELECT id, t FROM (SELECT e.id AS id, mend_open("
	SEAL_AD_ENTRY("e.uuid", "text") ", e.text) AS t"
	"  FROM temp.mend_index_pending p CROSS JOIN main.entries e"
	"  ON e.id = p.id) WHERE t GLOB '" STORE_CJK_GLOB "';"
	FTS_INSERT_TRIGGER ";" CJK_INSERT_TRIGGER ";";

/* Whether a deferral is under way on st. */
static bool deferred(struct store *st)
{
	sqlite3_stmt *s = NULL;
	bool yes = sqlite3_prepare_v2(st->db,
				      "SELECT 1 FROM temp.sqlite_schema WHERE "
				      "name = 'mend_index_pending'",
				      -1, &s, NULL) == SQLITE_OK &&
		   sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return yes;
}

enum mend_rc store_index_defer(struct store *st, struct mend_err *err)
{
	sqlite3_stmt *s = NULL;

	if (!st->crypt.on || sqlite3_get_autocommit(st->db) ||
	    st->crypt.index_deferred || deferred(st))
		return MEND_OK;
	/* only a journal whose insert triggers are the ones this mend
	 * makes, so that the end puts in exactly what they would have */
	enum mend_rc rc = store_prepare(
		st,
		"SELECT count(*) FROM main.sqlite_schema WHERE type = 'trigger'"
		" AND ((name = 'entries_fts_insert' AND sql = ?1)"
		" OR (name = 'entries_cjk_insert' AND sql = ?2))",
		&s, err);
	if (rc != MEND_OK)
		return rc;
	sqlite3_bind_text(s, 1, FTS_INSERT_TRIGGER, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, CJK_INSERT_TRIGGER, -1, SQLITE_STATIC);
	bool ours = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 2;
	sqlite3_finalize(s);
	if (!ours)
		return MEND_OK;
	int src = sqlite3_exec(st->db, defer_sql, NULL, NULL, NULL);
	if (src != SQLITE_OK)
		rc = store_fail(st, src, "preparing the search index", err);
	/* from here the end must put the triggers back, or the import
	 * fail: a commit without them would leave later entries unindexed */
	st->crypt.index_deferred = true;
	return rc;
}

enum mend_rc store_index_resume(struct store *st, struct mend_err *err)
{
	if (!st->crypt.on || !st->crypt.index_deferred)
		return MEND_OK;
	int src = sqlite3_exec(st->db, resume_sql, NULL, NULL, NULL);
	if (src == SQLITE_OK)
		src = sqlite3_exec(st->db, drop_pending_sql, NULL, NULL, NULL);
	if (src != SQLITE_OK)
		return store_fail(st, src, "filling the search index", err);
	st->crypt.index_deferred = false;
	return MEND_OK;
}

void store_index_abandon(struct store *st)
{
	if (st && st->db && st->crypt.on)
		sqlite3_exec(st->db, drop_pending_sql, NULL, NULL, NULL);
	if (st)
		st->crypt.index_deferred = false;
}
