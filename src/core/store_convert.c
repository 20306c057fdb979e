/* SPDX-License-Identifier: MIT */
/* Converting a whole journal between plain and encrypted. The new journal
 * is built beside the old one (a private "NAME.convert-XXXXXX" in the
 * same directory) while the old one's write lock keeps every other mend
 * from writing; everything is copied in one statement sequence on the new
 * file's connection, with the old one attached (so in one snapshot, and
 * every value is opened and sealed by that connection's keys), then it is
 * made durable and renamed over the old one. On any failure the old
 * journal is untouched and the new file removed; a file left by a
 * conversion that was killed is removed by the next one. A mend that
 * waited for the old file's lock gets it once the new file is in place,
 * and store_begin refuses it there: the path names another file now. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mend/path.h"
#include "mend/store_crypt.h"
#include "store_internal.h"

#define TMP_TAG ".convert-"

/* The person's words are opened from the old journal (a plain value
 * comes as it is) and sealed for the new one (left as it is when the new
 * one is plain). entry_tags is filled again from the entries, and the
 * search indexes by the new journal's triggers. */
#define RESEAL(ad, col) "mend_seal(" ad ", mend_open(" ad ", " col "))"

static const char copy_sql[] =
	/* the opt-in to the desktop's Secret Service (session_lock.h's
	 * DESKTOP_SETTING) belongs to the old crypt id: a converted journal
	 * starts without it, and is opted in again only by the person */
	"INSERT INTO main.settings (key, value, updated_at)"
	"  SELECT key, " RESEAL("'settings|' || key", "value") ", updated_at"
	"  FROM old.settings WHERE key <> 'secret-service';"
	"INSERT INTO main.periods (id, uuid, started_at, ended_at, created_at,"
	"  updated_at) SELECT id, uuid, started_at, ended_at, created_at,"
	"  updated_at FROM old.periods;"
	"INSERT INTO main.entries (id, uuid, kind, module, created_at,"
	"  updated_at, day, text, prompt_id, prompt_text, initiator, channel,"
	"  category, outcome, tags, mood, urge, contact, necessary,"
	"  breaks_period, minutes, open_day, starred, urge_after, seconds,"
	"  score, step)"
	"  SELECT id, uuid, kind, module, created_at, updated_at, day, "
	RESEAL(SEAL_AD_ENTRY("uuid", "text"), "text") ", prompt_id, "
	RESEAL(SEAL_AD_ENTRY("uuid", "prompt_text"), "prompt_text") ","
	"  initiator, channel, category, outcome, "
	RESEAL(SEAL_AD_ENTRY("uuid", "tags"), "tags") ", mood, urge,"
	"  contact, necessary, breaks_period, minutes, open_day, starred,"
	"  urge_after, seconds, score, step FROM old.entries ORDER BY id;"
	STORE_TAGS_FILL ";"
	"INSERT INTO main.drafts (id, owner, context, text, updated_at,"
	"  discarded_at)"
	"  SELECT id, owner, mend_seal_det('drafts|context', c),"
	"  mend_seal('drafts|' || c || '|text',"
	"    mend_open('drafts|' || c || '|text', text)), updated_at,"
	"  discarded_at FROM (SELECT *, mend_open('drafts|context', context)"
	"  AS c FROM old.drafts);";

/* Remove what a killed conversion of path left (we hold path's write
 * lock, so no conversion of it is running). */
static void sweep(const char *dir, const char *base)
{
	size_t bl = strlen(base);
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d))) {
		struct stat sb;
		if (strncmp(de->d_name, base, bl) != 0 ||
		    strncmp(de->d_name + bl, TMP_TAG, sizeof TMP_TAG - 1) != 0)
			continue;
		if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) ==
			    0 &&
		    S_ISREG(sb.st_mode) && sb.st_uid == geteuid())
			unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

/* Test-only: MEND_TEST_CONVERT_PAUSE_MS holds the old journal's write
 * lock that many milliseconds (up to ten seconds) before the new file is
 * built, so that a test can queue another mend behind a conversion. */
static void test_pause(void)
{
	const char *s = getenv("MEND_TEST_CONVERT_PAUSE_MS");
	long ms = s ? strtol(s, NULL, 10) : 0;
	if (ms > 0 && ms <= 10000)
		sqlite3_sleep((int)ms);
}

static enum mend_rc sync_path(const char *path, bool dir, struct mend_err *err)
{
	int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDONLY);
	enum mend_rc rc = MEND_OK;
	if (fd < 0 || fsync(fd) != 0)
		rc = mend_err_set(err, MEND_EIO, "cannot sync %s: %s", path,
				  strerror(errno));
	if (fd >= 0)
		close(fd);
	return rc;
}

static enum mend_rc exec_sql(struct store *st, const char *sql,
			     const char *doing, struct mend_err *err)
{
	int src = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return src == SQLITE_OK ? MEND_OK : store_fail(st, src, doing, err);
}

static enum mend_rc attach(struct store *dst, const char *path,
			   struct mend_err *err)
{
	sqlite3_stmt *s = NULL;
	enum mend_rc rc = store_prepare(dst, "ATTACH ?1 AS old", &s, err);
	if (rc != MEND_OK)
		return rc;
	store_bind_text(s, 1, path);
	int src = sqlite3_step(s);
	if (src != SQLITE_DONE)
		rc = store_fail(dst, src, "reading the journal", err);
	sqlite3_finalize(s);
	return rc;
}

/* Build the new journal at tmp from the one src has open (its write lock
 * held): encrypted with pass when encrypt, else plain, opened with key. */
static enum mend_rc build(struct store *src, const char *tmp, bool encrypt,
			  const char *pass, size_t len, const unsigned char *key,
			  char *recovery_out, struct mend_err *err)
{
	struct store *dst = NULL;
	enum mend_rc rc = store_open(&dst, tmp, err);

	if (rc == MEND_OK && !encrypt) {
		/* plain: values are only opened, with the old journal's key */
		dst->crypt.keys = crypt_keys_new(key);
		if (!dst->crypt.keys)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	if (rc == MEND_OK)
		rc = attach(dst, store_path(src), err);
	/* deferred, not store_begin's IMMEDIATE, which would ask for the
	 * attached old journal's write lock too: src holds it */
	if (rc == MEND_OK) {
		rc = exec_sql(dst, "BEGIN", "starting to save", err);
		dst->in_tx = rc == MEND_OK;
	}
	if (rc == MEND_OK && encrypt)
		rc = store_crypt_make(dst, pass, len, recovery_out, err);
	if (rc == MEND_OK)
		rc = exec_sql(dst, copy_sql, "copying the journal", err);
	if (rc == MEND_OK)
		rc = store_commit(dst, err);
	else if (dst)
		store_rollback(dst);
	if (dst)
		sqlite3_exec(dst->db, "DETACH old", NULL, NULL, NULL);
	store_close(dst);
	return rc;
}

enum mend_rc store_convert(const char *path, bool encrypt, const char *pass,
			   size_t len, const unsigned char *key,
			   char *recovery_out, struct mend_err *err)
{
	struct store *src = NULL;
	unsigned char *skey = NULL;
	char *tmp = NULL, *dir = NULL;
	bool made = false;
	enum mend_rc rc = crypt_init(err);

	if (rc == MEND_OK)
		rc = store_open(&src, path, err);
	if (rc == MEND_OK && encrypt && store_encrypted(src))
		rc = mend_err_set(err, MEND_EINVAL,
				  "%s is encrypted already; nothing was changed",
				  store_path(src));
	if (rc == MEND_OK && !encrypt && !store_encrypted(src))
		rc = mend_err_set(err, MEND_EINVAL,
				  "%s is not encrypted; nothing was changed",
				  store_path(src));
	if (rc == MEND_OK && encrypt && len == 0)
		rc = mend_err_set(err, MEND_EINVAL,
				  "passphrase: empty; choose one of at least "
				  "one character");
	if (rc == MEND_OK && !encrypt)
		rc = key ? store_unlock_key(src, key, err)
			 : store_unlock_passphrase(src, pass, len, err);
	if (rc == MEND_OK && !encrypt) {
		skey = crypt_secret_new(CRYPT_KEY_LEN);
		rc = skey ? store_export_key(src, skey)
			  : mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	/* every other mend waits from here until the new file is in place */
	if (rc == MEND_OK)
		rc = store_begin(src, err);
	if (rc == MEND_OK)
		test_pause();
	if (rc == MEND_OK) {
		const char *real = store_path(src);
		size_t n = strlen(real) + sizeof TMP_TAG + 6;
		tmp = malloc(n);
		dir = path_parent(real);
		if (!tmp || !dir) {
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		} else {
			sweep(dir, path_base(real));
			snprintf(tmp, n, "%s" TMP_TAG "XXXXXX", real);
			int fd = mkstemp(tmp); /* 0600 */
			if (fd < 0)
				rc = mend_err_set(err, MEND_EIO,
						  "cannot create a file beside "
						  "%s: %s",
						  real, strerror(errno));
			else
				close(fd);
			made = fd >= 0;
		}
	}
	if (rc == MEND_OK)
		rc = build(src, tmp, encrypt, pass, len, skey, recovery_out, err);
	if (rc == MEND_OK)
		rc = sync_path(tmp, false, err);
	if (rc == MEND_OK && rename(tmp, store_path(src)) != 0)
		rc = mend_err_set(err, MEND_EIO, "cannot replace %s: %s",
				  store_path(src), strerror(errno));
	if (rc == MEND_OK) {
		made = false;
		rc = sync_path(dir, true, err);
	}
	if (made) {
		size_t n = strlen(tmp) + sizeof "-journal";
		char *j = malloc(n);
		unlink(tmp);
		if (j) {
			snprintf(j, n, "%s-journal", tmp);
			unlink(j);
		}
		free(j);
	}
	store_close(src);
	crypt_secret_free(skey);
	free(tmp);
	free(dir);
	return rc;
}
