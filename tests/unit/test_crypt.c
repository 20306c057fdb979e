/* SPDX-License-Identifier: MIT */
/* Encryption at rest: the recovery key, unlocking and locking, every word
 * unreadable in the file, search on an encrypted journal, damage and
 * moved values detected, passphrase change, and conversions that are
 * killed half way. */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mend/crypt.h"
#include "mend/export.h"
#include "mend/journal_crypt.h"
#include "mend/store_crypt.h"
#include "mend/uuid.h"
#include "test.h"

#define PASS "river stones at dusk"
#define NOW "2026-03-02T12:00:00Z"

/* The words written through every writer; none may be in the file. */
static const char *const secrets[] = {
	"Marzipanfluss", "Quokkaberg", "Lumenrinde", "Zephyrquell",
	"Tamarindwolke", "Oxalisbrunn", "Kestrelmoor", "Vellumtau",
	"Brisingamen", "Orrisglanz", "Xylophonwald", "Ammoniteschal",
	"Saffranbucht", "Jasperkranz", "Nimbusfeder", "Quillonstrand",
	"Wistarialicht",
};
#define N_SECRETS (sizeof secrets / sizeof secrets[0])

static void tmp_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/crypt-%s", getenv("XDG_CONFIG_HOME"), name);
	unlink(buf);
}

static int sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	*len = 0;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(*len + 1);
	if (buf && fread(buf, 1, *len, f) != *len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static bool contains(const char *buf, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; buf && i + w <= n; i++)
		if (memcmp(buf + i, word, w) == 0)
			return true;
	return false;
}

/* How many of the secrets are in the file (case as written). */
static int secrets_in(const char *path)
{
	size_t n;
	char *buf = slurp(path, &n);
	int found = 0;
	for (size_t i = 0; i < N_SECRETS; i++)
		found += contains(buf, n, secrets[i]);
	free(buf);
	return found;
}

static enum mend_rc save(struct journal *j, enum kind k, const char *text,
			 char uuid[UUID_LEN])
{
	struct entry e;
	entry_init(&e);
	e.kind = k;
	e.text = text;
	if (k == KIND_PAUSE) {
		e.urge = 7;
		e.urge_after = 3;
		e.seconds = 300;
		e.step = "walked";
	} else if (k == KIND_EXERCISE) {
		e.seconds = 120;
		e.score = 6;
		e.step = "letter";
	} else if (k == KIND_CLARITY) {
		e.score = 4;
	} else if (k == KIND_CHECKIN) {
		e.mood = 5;
		e.urge = 4;
		e.contact = 0;
		snprintf(e.day, sizeof e.day, "2026-03-02");
	}
	return journal_save_entry(j, &e, uuid, NULL);
}

/* A plain journal with every secret written by a different writer. */
static struct journal *full_journal(char *path, size_t n, const char *name)
{
	struct journal *j = NULL;
	struct entry e;
	char text[128];
	static const enum kind kinds[] = {
		KIND_REFLECTION, KIND_URGE, KIND_UNSENT, KIND_ACCEPTANCE,
		KIND_PAUSE, KIND_PROFILE, KIND_SLIP, KIND_EXERCISE,
		KIND_INTENTION, KIND_LOOKBACK, KIND_CLARITY, KIND_WEEK,
	};

	tmp_path(path, n, name);
	setenv("MEND_NOW", NOW, 1);
	if (journal_open(&j, path, NULL) != MEND_OK)
		return NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		snprintf(text, sizeof text, "today %s felt near", secrets[i]);
		if (save(j, kinds[i], text, NULL) != MEND_OK)
			return NULL;
	}
	/* a tag in the text, a kept tag, a prompt, a setting, a draft */
	entry_init(&e);
	e.kind = KIND_REFLECTION;
	snprintf(text, sizeof text, "a walk by the sea #%s", secrets[12]);
	e.text = text;
	e.tags = secrets[13];
	e.prompt_id = "letting-go-1";
	e.prompt_text = secrets[14];
	store_begin(j->st, NULL);
	if (store_setting_set(j->st, "ex_name", secrets[15], NOW, NULL) !=
		    MEND_OK ||
	    store_draft_put(j->st, "s1", "write", secrets[16], NOW, NULL) !=
		    MEND_OK ||
	    store_commit(j->st, NULL) != MEND_OK)
		return NULL;
	if (journal_save_entry(j, &e, NULL, NULL) != MEND_OK)
		return NULL;
	return j;
}

static struct journal *open_unlocked(const char *path)
{
	struct journal *j = NULL;
	if (journal_open(&j, path, NULL) != MEND_OK)
		return NULL;
	if (store_unlock_passphrase(j->st, PASS, strlen(PASS), NULL) != MEND_OK ||
	    journal_refresh(j, NULL) != MEND_OK) {
		journal_close(j);
		return NULL;
	}
	return j;
}

struct found {
	char uuids[64][UUID_LEN];
	int n;
	char text[256];
};

static int collect(const struct entry *e, void *ctx)
{
	struct found *f = ctx;
	if (f->n < 64)
		memcpy(f->uuids[f->n++], e->uuid, UUID_LEN);
	snprintf(f->text, sizeof f->text, "%s", e->text);
	return 0;
}

static enum mend_rc search(struct journal *j, const char *words,
			   struct found *f, struct mend_err *err)
{
	struct journal_query q = {.module = -1, .search = words};
	memset(f, 0, sizeof *f);
	return journal_list(j, &q, collect, f, err);
}

TEST(test_crypt_recovery_key_reads_back_and_catches_a_typo)
{
	unsigned char key[CRYPT_KEY_LEN], back[CRYPT_KEY_LEN];
	char shown[CRYPT_RECOVERY_LEN];
	struct mend_err err = {""};

	CHECK_OK(crypt_init(NULL));
	crypt_random(key, sizeof key);
	crypt_recovery_encode(key, shown);
	CHECK(strlen(shown) == 69 && shown[4] == '-');
	CHECK_OK(crypt_recovery_decode(shown, back, NULL));
	CHECK(memcmp(key, back, sizeof key) == 0);
	/* lower case, spaces instead of dashes */
	char typed[CRYPT_RECOVERY_LEN];
	for (size_t i = 0; i < sizeof typed; i++)
		typed[i] = shown[i] == '-' ? ' '
					   : (char)(shown[i] >= 'A' && shown[i] <= 'Z'
							    ? shown[i] + 32
							    : shown[i]);
	CHECK_OK(crypt_recovery_decode(typed, back, NULL));
	CHECK(memcmp(key, back, sizeof key) == 0);
	/* one letter changed is caught by the check group */
	shown[6] = shown[6] == 'A' ? 'B' : 'A';
	CHECK(crypt_recovery_decode(shown, back, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "mistyped") != NULL);
}

TEST(test_crypt_every_word_is_unreadable_in_the_file)
{
	char path[512], jpath[600];
	char rec[CRYPT_RECOVERY_LEN];
	struct journal *j = full_journal(path, sizeof path, "words.db");
	CHECK(j != NULL);
	journal_close(j);
	CHECK(secrets_in(path) == (int)N_SECRETS); /* the test sees them */
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	CHECK(secrets_in(path) == 0);
	/* the index holds hashes, from the hashing tokenizer */
	CHECK(sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = "
			    "'entries_fts' AND sql LIKE '%mend_words%'") == 1);
	CHECK(sql_int(path, "SELECT count(*) FROM entries WHERE "
			    "typeof(text) = 'blob'") == 13);

	/* and while a write is open, its rollback journal holds none */
	j = open_unlocked(path);
	CHECK(j != NULL);
	CHECK_OK(store_begin(j->st, NULL));
	struct entry e;
	entry_init(&e);
	e.kind = KIND_REFLECTION;
	e.text = "the Kestrelmoor walk, again";
	CHECK_OK(uuid_new(e.uuid, NULL));
	snprintf(e.created_at, sizeof e.created_at, NOW);
	snprintf(e.updated_at, sizeof e.updated_at, NOW);
	CHECK_OK(store_entry_insert(j->st, &e, NULL));
	CHECK_OK(store_setting_set(j->st, "ex_name", "Saffranbucht", NOW, NULL));
	snprintf(jpath, sizeof jpath, "%s-journal", path);
	CHECK(access(jpath, F_OK) == 0);
	CHECK(secrets_in(jpath) == 0);
	CHECK(secrets_in(path) == 0);
	CHECK_OK(store_commit(j->st, NULL));
	CHECK(secrets_in(path) == 0);
	/* yet everything reads back as written */
	char name[64];
	CHECK_OK(store_setting_get(j->st, "ex_name", name, sizeof name, NULL));
	CHECK(strcmp(name, "Saffranbucht") == 0);
	struct found f;
	CHECK_OK(search(j, "Quokkaberg", &f, NULL));
	CHECK(f.n == 1 && strcmp(f.text, "today Quokkaberg felt near") == 0);
	journal_close(j);
}

TEST(test_crypt_search_finds_the_same_as_on_a_plain_journal)
{
	static const char *const texts[] = {
		"the lighthouse at night", "Light came through the café window",
		"a delightful quiet morning", "我今天很想念他，但我很好",
		"海边的灯塔让我平静", "nothing to see here",
		"naïve hopes, and a résumé sent",
	};
	static const char *const queries[] = {
		"lig", "light", "lighthouse", "cafe", "CAFÉ", "delight",
		"想念", "灯塔", "我很好", "naive", "resume", "window light",
		"quiet mor", "absent",
	};
	char path[512], rec[CRYPT_RECOVERY_LEN];
	struct found plain[14], enc;
	struct journal *j = NULL;

	tmp_path(path, sizeof path, "search.db");
	setenv("MEND_NOW", NOW, 1);
	CHECK_OK(journal_open(&j, path, NULL));
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		CHECK_OK(save(j, KIND_REFLECTION, texts[i], NULL));
	for (size_t q = 0; q < 14; q++)
		CHECK_OK(search(j, queries[q], &plain[q], NULL));
	CHECK(plain[0].n == 2 && plain[3].n == 1 && plain[6].n == 1);
	journal_close(j);
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	j = open_unlocked(path);
	CHECK(j != NULL);
	for (size_t q = 0; q < 14; q++) {
		CHECK_OK(search(j, queries[q], &enc, NULL));
		CHECK(enc.n == plain[q].n);
		for (int i = 0; i < enc.n; i++)
			CHECK(strcmp(enc.uuids[i], plain[q].uuids[i]) == 0);
	}
	/* a new entry and an edit are found too, the old words no more */
	char uuid[UUID_LEN];
	CHECK_OK(save(j, KIND_REFLECTION, "lilacs by the gate", uuid));
	CHECK_OK(search(j, "lila", &enc, NULL));
	CHECK(enc.n == 1);
	CHECK_OK(journal_edit(j, uuid, "roses by the gate", 17, NULL));
	CHECK_OK(search(j, "lila", &enc, NULL));
	CHECK(enc.n == 0);
	CHECK_OK(search(j, "rose", &enc, NULL));
	CHECK(enc.n == 1);
	CHECK_OK(journal_delete(j, uuid, NULL));
	CHECK_OK(search(j, "rose", &enc, NULL));
	CHECK(enc.n == 0);
	journal_close(j);
}

TEST(test_crypt_wrong_passphrase_is_refused_and_nothing_written)
{
	char path[512], rec[CRYPT_RECOVERY_LEN];
	struct mend_err err = {""};
	struct journal *j = full_journal(path, sizeof path, "wrong.db");
	CHECK(j != NULL);
	journal_close(j);
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	size_t n1, n2;
	char *before = slurp(path, &n1);
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK(store_encrypted(j->st) && !store_unlocked(j->st));
	CHECK(store_crypt_id(j->st) && strlen(store_crypt_id(j->st)) == 32);
	CHECK(store_unlock_passphrase(j->st, "river stones", 12, &err) ==
	      MEND_EAUTH);
	CHECK(strstr(err.msg, "does not open") != NULL);
	CHECK(!store_unlocked(j->st));
	/* locked: the words are refused, the numbers are not */
	struct found f;
	CHECK(search(j, "Quokkaberg", &f, &err) == MEND_ELOCKED);
	CHECK(strcmp(err.msg, "the journal is locked") == 0);
	long count = 0;
	CHECK_OK(store_entry_count(j->st, -1, NULL, &count, NULL));
	CHECK(count == 13);
	journal_close(j);
	char *after = slurp(path, &n2);
	CHECK(before && after && n1 == n2 && memcmp(before, after, n1) == 0);
	free(before);
	free(after);
}

TEST(test_crypt_recovery_key_and_data_key_unlock_and_lock_forgets)
{
	char path[512], rec[CRYPT_RECOVERY_LEN];
	unsigned char key[CRYPT_KEY_LEN], other[CRYPT_KEY_LEN];
	struct mend_err err = {""};
	struct journal *j = full_journal(path, sizeof path, "recovery.db");
	struct found f;
	CHECK(j != NULL);
	journal_close(j);
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK_OK(store_unlock_recovery(j->st, rec, NULL));
	CHECK_OK(search(j, "Lumenrinde", &f, NULL));
	CHECK(f.n == 1);
	CHECK_OK(store_export_key(j->st, key));
	store_lock(j->st);
	CHECK(!store_unlocked(j->st));
	CHECK(search(j, "Lumenrinde", &f, NULL) == MEND_ELOCKED);
	CHECK(store_export_key(j->st, other) == MEND_ELOCKED);
	crypt_random(other, sizeof other);
	CHECK(store_unlock_key(j->st, other, &err) == MEND_EAUTH);
	CHECK_OK(store_unlock_key(j->st, key, NULL));
	CHECK_OK(search(j, "Lumenrinde", &f, NULL));
	CHECK(f.n == 1);
	journal_close(j);
}

TEST(test_crypt_passphrase_change_keeps_the_words_and_retires_the_old_one)
{
	char path[512], rec[CRYPT_RECOVERY_LEN];
	struct journal *j = full_journal(path, sizeof path, "change.db");
	struct found f;
	CHECK(j != NULL);
	journal_close(j);
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	CHECK(journal_change_passphrase(path, "nope", 4, "new one", 7, NULL) ==
	      MEND_EAUTH);
	CHECK_OK(journal_change_passphrase(path, PASS, strlen(PASS), "new one",
					   7, NULL));
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK(store_unlock_passphrase(j->st, PASS, strlen(PASS), NULL) ==
	      MEND_EAUTH);
	CHECK_OK(store_unlock_passphrase(j->st, "new one", 7, NULL));
	CHECK_OK(search(j, "Zephyrquell", &f, NULL));
	CHECK(f.n == 1);
	store_lock(j->st);
	CHECK_OK(store_unlock_recovery(j->st, rec, NULL)); /* still works */
	journal_close(j);
}

TEST(test_crypt_decrypt_gives_back_the_plain_journal)
{
	char path[512], rec[CRYPT_RECOVERY_LEN];
	struct journal *j = full_journal(path, sizeof path, "decrypt.db");
	struct found f;
	CHECK(j != NULL);
	journal_close(j);
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	CHECK(journal_decrypt(path, "nope", 4, NULL) == MEND_EAUTH);
	CHECK_OK(journal_decrypt(path, PASS, strlen(PASS), NULL));
	CHECK(secrets_in(path) == (int)N_SECRETS);
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK(!store_encrypted(j->st));
	CHECK_OK(search(j, "Brisingamen", &f, NULL));
	CHECK(f.n == 1);
	char name[64];
	CHECK_OK(store_setting_get(j->st, "ex_name", name, sizeof name, NULL));
	CHECK(strcmp(name, secrets[15]) == 0);
	journal_close(j);
}

/* The sealed text of the entry with this text, as stored. */
static int sealed_of(const char *path, const char *uuid, unsigned char *out,
		     int max)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT text FROM entries WHERE uuid = ?1",
			       -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW &&
		    sqlite3_column_type(s, 0) == SQLITE_BLOB &&
		    sqlite3_column_bytes(s, 0) <= max) {
			n = sqlite3_column_bytes(s, 0);
			memcpy(out, sqlite3_column_blob(s, 0), (size_t)n);
		}
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

/* Replace the bytes of what in the file with with (same length), as
 * someone editing the file outside mend would. */
static bool patch_file(const char *path, const unsigned char *what,
		       const unsigned char *with, int n)
{
	size_t len;
	char *buf = slurp(path, &len);
	bool done = false;
	for (size_t i = 0; buf && i + (size_t)n <= len; i++)
		if (memcmp(buf + i, what, (size_t)n) == 0) {
			memcpy(buf + i, with, (size_t)n);
			done = true;
			break;
		}
	FILE *f = done ? fopen(path, "r+b") : NULL;
	if (f) {
		done = fwrite(buf, 1, len, f) == len;
		fclose(f);
	}
	free(buf);
	return done;
}

struct one {
	char text[128];
};

static void got(const struct entry *e, void *ctx)
{
	snprintf(((struct one *)ctx)->text, 128, "%s", e->text);
}

TEST(test_crypt_a_changed_or_moved_value_is_reported_never_shown)
{
	char path[512], rec[CRYPT_RECOVERY_LEN], a[UUID_LEN], b[UUID_LEN];
	unsigned char va[256], vb[256], bad[256];
	struct mend_err err = {""};
	struct journal *j = NULL;
	struct one o;

	tmp_path(path, sizeof path, "tamper.db");
	setenv("MEND_NOW", NOW, 1);
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK_OK(save(j, KIND_REFLECTION, "first words, kept", a));
	CHECK_OK(save(j, KIND_REFLECTION, "other words, kept", b));
	journal_close(j);
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	int na = sealed_of(path, a, va, sizeof va);
	int nb = sealed_of(path, b, vb, sizeof vb);
	CHECK(na > 0 && na == nb);

	/* b's sealed text copied over a's: it does not open as a's */
	CHECK(patch_file(path, va, vb, na));
	j = open_unlocked(path);
	CHECK(j != NULL);
	CHECK(journal_find(j, a, got, &o, &err) == MEND_ESTORE);
	char want[128];
	snprintf(want, sizeof want,
		 "entry %.8s: its text does not open: the journal was changed "
		 "outside mend",
		 a);
	CHECK(strcmp(err.msg, want) == 0);
	CHECK_OK(journal_find(j, b, got, &o, NULL));
	CHECK(strcmp(o.text, "other words, kept") == 0);
	journal_close(j);

	/* one flipped byte in b's */
	memcpy(bad, vb, (size_t)nb);
	bad[nb / 2] ^= 0x20;
	CHECK(patch_file(path, vb, bad, nb)); /* the first: now a's row */
	CHECK(patch_file(path, vb, bad, nb)); /* then b's own */
	j = open_unlocked(path);
	CHECK(j != NULL);
	CHECK(journal_find(j, b, got, &o, &err) == MEND_ESTORE);
	CHECK(strstr(err.msg, "its text does not open") != NULL);
	struct found f;
	CHECK(search(j, "kept", &f, &err) == MEND_ESTORE);
	CHECK(strstr(err.msg, "does not open") != NULL);
	journal_close(j);
}

static long entries_in(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db,
			       "SELECT (SELECT count(*) FROM entries) * "
			       "(SELECT count(*) = 0 FROM crypt) * "
			       "((SELECT integrity_check FROM "
			       "pragma_integrity_check) = 'ok')",
			       -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

TEST(test_crypt_a_conversion_killed_half_way_leaves_the_plain_journal_whole)
{
	char path[512], rec[CRYPT_RECOVERY_LEN], text[200];
	struct journal *j = NULL;

	tmp_path(path, sizeof path, "killed.db");
	setenv("MEND_NOW", NOW, 1);
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK_OK(store_begin(j->st, NULL));
	for (int i = 0; i < 3000; i++) {
		struct entry e;
		entry_init(&e);
		e.kind = KIND_REFLECTION;
		snprintf(text, sizeof text,
			 "entry %d: the long walk home by the river, and the "
			 "quiet after #walk%d",
			 i, i % 7);
		e.text = text;
		CHECK_OK(uuid_new(e.uuid, NULL));
		snprintf(e.created_at, sizeof e.created_at, NOW);
		snprintf(e.updated_at, sizeof e.updated_at, NOW);
		CHECK_OK(store_entry_insert(j->st, &e, NULL));
	}
	CHECK_OK(store_commit(j->st, NULL));
	journal_close(j);
	CHECK(entries_in(path) == 3000);
	/* killed at different moments: before, during and after the copy */
	static const int delays_ms[] = {5, 40, 90, 150, 250};
	for (size_t d = 0; d < sizeof delays_ms / sizeof delays_ms[0]; d++) {
		pid_t pid = fork();
		CHECK(pid >= 0);
		if (pid == 0) {
			journal_encrypt(path, PASS, strlen(PASS), rec, NULL);
			_exit(0);
		}
		struct timespec ts = {0, delays_ms[d] * 1000000L};
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		int status;
		waitpid(pid, &status, 0);
		/* it finished first, or was killed after the rename (before
		 * it could exit): the journal is encrypted and whole; make
		 * it plain again for the next round */
		if (WIFEXITED(status) || entries_in(path) == 0) {
			CHECK(entries_in(path) == 0);
			CHECK_OK(journal_decrypt(path, PASS, strlen(PASS), NULL));
		}
		CHECK(entries_in(path) == 3000);
	}
	/* the next conversion clears what the killed ones left */
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	char dir[512];
	snprintf(dir, sizeof dir, "%s", path);
	*strrchr(dir, '/') = '\0';
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "ls '%s' | grep -q 'crypt-killed.db.convert-'",
		 dir);
	CHECK(system(cmd) != 0);
}

struct tag_seen {
	char line[512];
};

static int tag_line(const struct store_tag *t, void *ctx)
{
	struct tag_seen *s = ctx;
	size_t n = strlen(s->line);
	snprintf(s->line + n, sizeof s->line - n, "%s=%s:%ld;", t->key,
		 t->shown, t->count);
	return 0;
}

TEST(test_crypt_tags_list_and_filter_as_on_a_plain_journal)
{
	char path[512], rec[CRYPT_RECOVERY_LEN];
	struct tag_seen plain = {""}, enc = {""};
	struct found fp, fe;
	struct journal *j = NULL;
	const char *const want[] = {"sea"};

	tmp_path(path, sizeof path, "tags.db");
	setenv("MEND_NOW", NOW, 1);
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK_OK(save(j, KIND_REFLECTION, "by the #Sea with @Ana", NULL));
	CHECK_OK(save(j, KIND_REFLECTION, "the #sea again, #Night", NULL));
	CHECK_OK(save(j, KIND_REFLECTION, "no tags here", NULL));
	CHECK_OK(store_tags_each(j->st, tag_line, &plain, NULL));
	struct journal_query q = {.module = -1, .tags = want, .n_tags = 1};
	memset(&fp, 0, sizeof fp);
	CHECK_OK(journal_list(j, &q, collect, &fp, NULL));
	CHECK(fp.n == 2 && strstr(plain.line, "sea=") != NULL);
	journal_close(j);
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	CHECK(sql_int(path, "SELECT count(*) FROM entry_tags WHERE tag = 'sea' "
			    "OR typeof(shown) <> 'blob'") == 0);
	j = open_unlocked(path);
	CHECK(j != NULL);
	CHECK_OK(store_tags_each(j->st, tag_line, &enc, NULL));
	if (strcmp(enc.line, plain.line) != 0)
		printf("    plain %s\n    enc   %s\n", plain.line, enc.line);
	CHECK(strcmp(enc.line, plain.line) == 0);
	memset(&fe, 0, sizeof fe);
	CHECK_OK(journal_list(j, &q, collect, &fe, NULL));
	CHECK(fe.n == 2);
	for (int i = 0; i < 2; i++)
		CHECK(strcmp(fe.uuids[i], fp.uuids[i]) == 0);
	journal_close(j);
}

/* The JSON export of j, into a malloc'ed string. */
static char *export_of(struct journal *j)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	struct export_options o = {.format = EXPORT_JSON, .module = -1};
	if (!f)
		return NULL;
	enum mend_rc rc = export_write(j, &o, f, NULL, NULL);
	fclose(f);
	if (rc != MEND_OK) {
		free(buf);
		return NULL;
	}
	return buf;
}

TEST(test_crypt_an_unlocked_journal_exports_the_same_as_the_plain_one)
{
	char path[512], rec[CRYPT_RECOVERY_LEN];
	struct journal *j = full_journal(path, sizeof path, "export.db");
	CHECK(j != NULL);
	char *plain = export_of(j);
	journal_close(j);
	CHECK(plain && strstr(plain, secrets[4]) && strstr(plain, secrets[12]));
	CHECK_OK(journal_encrypt(path, PASS, strlen(PASS), rec, NULL));
	j = open_unlocked(path);
	CHECK(j != NULL);
	char *enc = export_of(j);
	CHECK(enc && strcmp(enc, plain) == 0);
	free(enc);
	store_lock(j->st);
	CHECK(export_of(j) == NULL); /* locked: nothing comes out */
	journal_close(j);
	free(plain);
}
