/* SPDX-License-Identifier: MIT */
/* The search index of an encrypted journal: the keyed hashes of its
 * tokens stay the ones journals were made with, and an index filled at
 * the end of a bulk write (an import) finds what one filled entry by
 * entry finds, edits and removals in the same write included. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mend/crypt.h"
#include "mend/import.h"
#include "mend/journal_crypt.h"
#include "mend/store_crypt.h"
#include "mend/uuid.h"
#include "store_internal.h"
#include "test.h"

#define PASS "tide pools in the morning"
#define NOW "2026-03-02T12:00:00Z"

static void tmp_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/crypt-index-%s", getenv("XDG_CONFIG_HOME"), name);
	unlink(buf);
}

static int db_int(struct journal *j, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(j->st->db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* A new encrypted journal, unlocked, or NULL. */
static struct journal *encrypted(char *path, size_t n, const char *name)
{
	char rec[CRYPT_RECOVERY_LEN];
	struct journal *j = NULL;

	tmp_path(path, n, name);
	setenv("MEND_NOW", NOW, 1);
	if (journal_open(&j, path, NULL) != MEND_OK)
		return NULL;
	journal_close(j);
	j = NULL;
	if (journal_encrypt(path, PASS, strlen(PASS), rec, NULL) != MEND_OK ||
	    journal_open(&j, path, NULL) != MEND_OK)
		return NULL;
	if (store_unlock_passphrase(j->st, PASS, strlen(PASS), NULL) != MEND_OK ||
	    journal_refresh(j, NULL) != MEND_OK) {
		journal_close(j);
		return NULL;
	}
	return j;
}

static int count(const struct entry *e, void *ctx)
{
	(void)e;
	++*(int *)ctx;
	return 0;
}

/* How many entries a search finds, -1 when it fails. */
static int found(struct journal *j, const char *words)
{
	struct journal_query q = {.module = -1, .search = words};
	int n = 0;
	return journal_list(j, &q, count, &n, NULL) == MEND_OK ? n : -1;
}

static void entry_new(struct entry *e, const char *text)
{
	entry_init(e);
	e->kind = KIND_REFLECTION;
	e->text = text;
	uuid_new(e->uuid, NULL);
	snprintf(e->created_at, sizeof e->created_at, NOW);
	snprintf(e->updated_at, sizeof e->updated_at, NOW);
}

TEST(test_crypt_token_hashes_are_the_ones_journals_were_made_with)
{
	/* computed with libsodium directly: BLAKE2b-64 keyed with the
	 * search subkey (crypto_kdf id 1, context "mendjrnl") of the data
	 * key 00 01 .. 1f, over the domain letter and the token */
	static const struct {
		char domain;
		const char *tok, *hex;
	} golden[] = {
		{'w', "light", "5bf286dfa56a3f25"},
		{'p', "lig", "678753b043580439"},
		{'t', "灯塔让", "51dd4c021be8db6a"},
		{'g', "work", "3a0ce25447c8f9ed"},
		{'w', "an-unusually-long-token-past-thirty-bytes",
		 "3f72c86777475295"},
	};
	unsigned char key[CRYPT_KEY_LEN];
	char hex[CRYPT_TOKEN_HEX + 1], other[CRYPT_TOKEN_HEX + 1];

	CHECK_OK(crypt_init(NULL));
	for (int i = 0; i < CRYPT_KEY_LEN; i++)
		key[i] = (unsigned char)i;
	struct crypt_keys *k = crypt_keys_new(key);
	CHECK(k != NULL);
	/* twice each: hashed, then remembered */
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof golden / sizeof golden[0]; i++) {
			crypt_token(k, golden[i].domain, golden[i].tok,
				    strlen(golden[i].tok), hex);
			CHECK(strcmp(hex, golden[i].hex) == 0);
		}
	/* the same letters in another domain are another token */
	crypt_token(k, 'p', "light", 5, other);
	CHECK(strcmp(other, "5bf286dfa56a3f25") != 0);
	/* after many other tokens have pushed it out, the same again */
	for (int i = 0; i < 40000; i++) {
		char t[16];
		int n = snprintf(t, sizeof t, "w%d", i);
		crypt_token(k, 'w', t, (size_t)n, hex);
	}
	crypt_token(k, 'w', "light", 5, hex);
	CHECK(strcmp(hex, "5bf286dfa56a3f25") == 0);
	crypt_token(k, 'p', "light", 5, hex);
	CHECK(strcmp(hex, other) == 0);
	crypt_keys_free(k);
}

TEST(test_crypt_deferred_index_finds_what_entry_by_entry_finds)
{
	char path[512];
	struct journal *j = encrypted(path, sizeof path, "defer.db");
	struct entry a, b, d, old;
	char old_uuid[UUID_LEN];

	CHECK(j != NULL);
	/* written before the bulk write, edited during it */
	entry_new(&old, "the old harbour wall");
	CHECK_OK(journal_save_entry(j, &old, old_uuid, NULL));
	const char *triggers = "SELECT group_concat(name || sql, '|') FROM "
			       "(SELECT name, sql FROM sqlite_schema WHERE "
			       "type = 'trigger' ORDER BY name)";
	int before = db_int(j, "SELECT count(*) FROM sqlite_schema WHERE "
			       "type = 'trigger'");
	sqlite3_stmt *s = NULL;
	CHECK(sqlite3_prepare_v2(j->st->db, triggers, -1, &s, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(s) == SQLITE_ROW);
	char *schema = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);

	CHECK_OK(store_begin(j->st, NULL));
	CHECK_OK(store_index_defer(j->st, NULL));
	CHECK(db_int(j, "SELECT count(*) FROM temp.sqlite_schema WHERE "
			"name = 'mend_index_pending'") == 1);
	entry_new(&a, "lilacs by the gate 灯塔很安静");
	CHECK_OK(store_entry_insert(j->st, &a, NULL));
	entry_new(&b, "a quokka at noon");
	CHECK_OK(store_entry_insert(j->st, &b, NULL));
	entry_new(&d, "lantern light, late, 夜の灯台");
	CHECK_OK(store_entry_insert(j->st, &d, NULL));
	/* a new entry edited and another removed before the index is filled */
	a.text = "roses by the gate 海边很安静";
	CHECK_OK(store_entry_update(j->st, &a, NULL));
	CHECK_OK(store_entry_remove(j->st, b.uuid, NULL));
	/* and an entry the index already held, edited */
	memcpy(old.uuid, old_uuid, UUID_LEN);
	old.text = "the new orchard gate";
	CHECK_OK(store_entry_update(j->st, &old, NULL));
	CHECK_OK(store_index_resume(j->st, NULL));
	CHECK_OK(store_commit(j->st, NULL));

	/* the journal's own triggers are back, as they were, and nothing
	 * of the deferral is left */
	CHECK(db_int(j, "SELECT count(*) FROM sqlite_schema WHERE "
			"type = 'trigger'") == before);
	CHECK(sqlite3_prepare_v2(j->st->db, triggers, -1, &s, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(s) == SQLITE_ROW);
	CHECK(strcmp((const char *)sqlite3_column_text(s, 0), schema) == 0);
	sqlite3_finalize(s);
	free(schema);
	CHECK(db_int(j, "SELECT count(*) FROM temp.sqlite_schema") == 0);

	CHECK(found(j, "lilacs") == 0);
	CHECK(found(j, "灯塔") == 0);
	CHECK(found(j, "roses") == 1);
	CHECK(found(j, "海边") == 1);
	CHECK(found(j, "quokka") == 0);
	CHECK(found(j, "harbour") == 0);
	CHECK(found(j, "orchard") == 1);
	CHECK(found(j, "gate") == 2);
	CHECK(found(j, "lan") == 1);
	CHECK(found(j, "light") == 1);
	CHECK(found(j, "の灯台") == 1);
	/* and the index keeps working entry by entry afterwards */
	CHECK_OK(journal_edit(j, d.uuid, "a lantern by the sea", 20, NULL));
	CHECK(found(j, "late") == 0);
	CHECK(found(j, "の灯台") == 0);
	CHECK(found(j, "sea") == 1);
	CHECK_OK(journal_delete(j, a.uuid, NULL));
	CHECK(found(j, "roses") == 0);
	CHECK(found(j, "海边") == 0);
	journal_close(j);
}

TEST(test_crypt_deferred_index_rolled_back_leaves_the_triggers)
{
	char path[512];
	struct journal *j = encrypted(path, sizeof path, "rollback.db");
	struct entry a;

	CHECK(j != NULL);
	CHECK_OK(store_begin(j->st, NULL));
	CHECK_OK(store_index_defer(j->st, NULL));
	entry_new(&a, "a heron standing still");
	CHECK_OK(store_entry_insert(j->st, &a, NULL));
	store_rollback(j->st);
	store_index_abandon(j->st);
	CHECK(db_int(j, "SELECT count(*) FROM temp.sqlite_schema") == 0);
	CHECK(db_int(j, "SELECT count(*) FROM sqlite_schema WHERE type = "
			"'trigger' AND name LIKE 'entries_%_insert'") == 2);
	entry_new(&a, "a heron standing still");
	CHECK_OK(journal_save_entry(j, &a, NULL, NULL));
	CHECK(found(j, "heron") == 1);
	journal_close(j);
}

/* Import first, then second into j: the second file edits an entry and
 * replaces the check-in of 2026-02-01 by another one. */
static enum mend_rc import_both(struct journal *j)
{
	static const char first[] =
		"{\"format\": \"mend-journal\", \"version\": 1, \"entries\": ["
		"{\"id\": \"00000000-0000-4000-8000-000000000001\", \"kind\": "
		"\"reflection\", \"created_at\": \"2026-02-01T10:00:00Z\", "
		"\"updated_at\": \"2026-02-01T10:00:00Z\", \"text\": \"Light "
		"through the café window, naïve and warm\"},"
		"{\"id\": \"00000000-0000-4000-8000-000000000002\", \"kind\": "
		"\"reflection\", \"created_at\": \"2026-02-01T11:00:00Z\", "
		"\"updated_at\": \"2026-02-01T11:00:00Z\", \"text\": "
		"\"海边的灯塔让我平静\"},"
		"{\"id\": \"00000000-0000-4000-8000-000000000003\", \"kind\": "
		"\"checkin\", \"day\": \"2026-02-01\", \"created_at\": "
		"\"2026-02-01T12:00:00Z\", \"updated_at\": "
		"\"2026-02-01T12:00:00Z\", \"mood\": 4, \"text\": \"first "
		"kingfisher\"}]}";
	static const char second[] =
		"{\"format\": \"mend-journal\", \"version\": 1, \"entries\": ["
		"{\"id\": \"00000000-0000-4000-8000-000000000001\", \"kind\": "
		"\"reflection\", \"created_at\": \"2026-02-01T10:00:00Z\", "
		"\"updated_at\": \"2026-02-02T10:00:00Z\", \"text\": \"Rain "
		"on the café window, naïve and warm\"},"
		"{\"id\": \"00000000-0000-4000-8000-000000000005\", \"kind\": "
		"\"reflection\", \"created_at\": \"2026-02-02T11:00:00Z\", "
		"\"updated_at\": \"2026-02-02T11:00:00Z\", \"text\": \"a "
		"lighthouse, 夜の灯台\"},"
		"{\"id\": \"00000000-0000-4000-8000-000000000004\", \"kind\": "
		"\"checkin\", \"day\": \"2026-02-01\", \"created_at\": "
		"\"2026-02-01T13:00:00Z\", \"updated_at\": "
		"\"2026-02-02T14:00:00Z\", \"mood\": 6, \"text\": \"second "
		"cormorant\"}]}";
	struct import_report rep;
	struct mend_err err = {""};
	enum mend_rc rc =
		import_buffer(j, first, strlen(first), false, &rep, &err);
	if (rc == MEND_OK)
		rc = import_buffer(j, second, strlen(second), false, &rep, &err);
	if (rc != MEND_OK)
		fprintf(stderr, "import: %s\n", err.msg);
	return rc;
}

TEST(test_crypt_import_searches_as_on_a_plain_journal)
{
	static const char *const queries[] = {
		"lig",	      "light", "lighthouse", "cafe",	   "CAFÉ",
		"naive",      "rain",  "灯塔",	     "灯台",	   "平静",
		"kingfisher", "cormorant", "window warm", "absent", "灯塔让",
		"の灯台",
	};
	const size_t nq = sizeof queries / sizeof queries[0];
	int plain[20];
	char path[512];

	struct journal *j = test_journal(NOW, "UTC");
	CHECK(j != NULL);
	CHECK_OK(import_both(j));
	for (size_t q = 0; q < nq; q++)
		plain[q] = found(j, queries[q]);
	/* the edit and the replaced check-in are seen */
	CHECK(plain[6] == 1 && plain[10] == 0 && plain[11] == 1);
	CHECK(plain[0] == 1 && plain[3] == 1 && plain[7] == 1 && plain[8] == 1);
	CHECK(plain[14] == 1 && plain[15] == 1);
	test_journal_done(j);

	j = encrypted(path, sizeof path, "import.db");
	CHECK(j != NULL);
	CHECK_OK(import_both(j));
	for (size_t q = 0; q < nq; q++)
		CHECK(found(j, queries[q]) == plain[q]);
	CHECK(db_int(j, "SELECT count(*) FROM temp.sqlite_schema") == 0);
	journal_close(j);
}
