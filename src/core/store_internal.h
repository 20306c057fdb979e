/* SPDX-License-Identifier: MIT */
/* Shared by the store's source files only: the store handle and the
 * helpers that turn SQLite results into mend errors. Nothing outside
 * src/core/store*.c includes this. */
#ifndef MEND_STORE_INTERNAL_H
#define MEND_STORE_INTERNAL_H

#include <sqlite3.h>
#include <sys/types.h>

#include "mend/crypt.h"
#include "mend/store.h"

#define STORE_CACHE_SIZE 24

/* A GLOB pattern true for text with a CJK letter: kana, CJK ideographs
 * (with extension A and the compatibility block) and Hangul syllables.
 * The schema's CJK index triggers use it; never change it without a
 * migration that rebuilds that index. */
#define STORE_CJK_GLOB                                                         \
	"*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]*"

struct store {
	sqlite3 *db;
	char *path;
	int in_tx;
	bool created; /* this open made the file */
	bool wrote;   /* a commit since store_open returned */
	/* The file the connection has open, as it was at store_open:
	 * store_begin checks that path still names it (store_convert
	 * renames a new file over it). Not known for ":memory:". */
	struct {
		bool known;
		dev_t dev;
		ino_t ino;
	} file;
	/* Waiting for another process's lock (see store_set_busy_hook). */
	struct {
		store_busy_fn hook;
		void *ctx;
		long since_ms; /* when the current wait began */
		bool gave_up;  /* the hook said stop; until store_busy_rearm */
	} busy;
	/* Prepared statements kept for the life of the store, keyed by the
	 * address of their (static) SQL text: imports and long sessions
	 * run the same few statements many times. */
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[STORE_CACHE_SIZE];
	/* Encryption at rest (store_crypt.c): the header read at open, and
	 * the keys while unlocked (NULL while locked or plain). */
	struct {
		bool on;
		/* an import's search index is filled at its end (the insert
		 * triggers dropped in its transaction until then) */
		bool index_deferred;
		char id[33];
		struct crypt_kdf kdf;
		unsigned char wrapped_pass[CRYPT_WRAPPED_LEN];
		unsigned char wrapped_recovery[CRYPT_WRAPPED_LEN];
		/* false when encrypted without a recovery key: the header's
		 * wrapped_recovery is then an empty blob */
		bool has_recovery;
		unsigned char key_check[32];
		struct crypt_keys *keys;
		/* set by a seal function or tokenizer that failed inside
		 * SQLite, for store_fail to report */
		enum mend_rc fail_rc;
		char fail_msg[MEND_ERR_MAX];
	} crypt;
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

/* Step a cached statement that writes to its end and release it: MEND_OK,
 * or the error with a sentence saying what was being done. The changes
 * count and last rowid stay readable on st->db afterwards. */
enum mend_rc store_run(struct store *st, sqlite3_stmt *stmt, const char *doing,
		       struct mend_err *err);

/* Step a statement to its first row: MEND_OK with the row ready to be
 * read, MEND_ENOTFOUND when there is none (err untouched), or the error.
 * The caller reads the row and then releases the statement. */
enum mend_rc store_step_row(struct store *st, sqlite3_stmt *stmt,
			    const char *doing, struct mend_err *err);

/* Bind text, or NULL when s is NULL. */
int store_bind_text(sqlite3_stmt *stmt, int i, const char *s);

/* Copy column i (text or NULL) into buf of size n ("" for NULL). */
void store_column_copy(sqlite3_stmt *stmt, int i, char *buf, size_t n);

/* Register mend_seal, mend_seal_det, mend_open, mend_tag_key and the
 * mend_words and mend_trigram tokenizers on st's connection
 * (store_seal.c). */
enum mend_rc store_seal_register(struct store *st, struct mend_err *err);

/* SQL for a sealed column: mend_open(AD, col) reads, mend_seal(AD, ?)
 * writes. The associated data names the row and the column, so a value
 * copied elsewhere does not open. */
#define SEAL_AD_ENTRY(uuid, col) "'entries|' || " uuid " || '|" col "'"

/* The SELECT that fills entry_tags from entries e (add a WHERE): the key
 * through mend_tag_key, the shown form sealed under the entry and key. */
#define STORE_TAGS_FILL                                                        \
	"INSERT INTO entry_tags (entry_id, tag, shown) SELECT e.id, "          \
	"mend_tag_key(j.value ->> 0), mend_seal('entry_tags|' || e.uuid || "   \
	"'|' || mend_tag_key(j.value ->> 0), j.value ->> 1) FROM entries e, "   \
	"json_each(mend_tags(mend_open(" SEAL_AD_ENTRY("e.uuid", "text")         \
	", e.text), mend_open(" SEAL_AD_ENTRY("e.uuid", "tags") ", e.tags))) j"

/* Read the crypt header into st->crypt (store_crypt.c), at open. */
enum mend_rc store_crypt_load(struct store *st, struct mend_err *err);

/* Make st (a new, empty journal inside a transaction) an encrypted one:
 * a new data key, wrapped by pass and by a new recovery key (into
 * recovery_out; when recovery_out is NULL, no recovery key is made and
 * none is stored), the header written and the search indexes made the
 * encrypted way. st is unlocked afterwards. */
enum mend_rc store_crypt_make(struct store *st, const char *pass, size_t len,
			      char recovery_out[CRYPT_RECOVERY_LEN],
			      struct mend_err *err);

/* Register mend_tags(text, tags) on st's connection: the entry's tags
 * (tags_derive) as a JSON array of [key, shown] pairs, for the migration
 * that fills entry_tags and for store_tags_sync (store_tags.c). */
enum mend_rc store_tags_register(struct store *st, struct mend_err *err);

/* Rewrite the entry_tags rows of the entry with this uuid from its text
 * and tags as stored now. Called by every write of an entry. */
enum mend_rc store_tags_sync(struct store *st, const char *uuid,
			     struct mend_err *err);

#endif
