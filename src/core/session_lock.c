/* SPDX-License-Identifier: MIT */
/* The full-screen journal's lock, in the core: the lock-minutes setting,
 * the idle time, and the keyring around an unlock. The passphrase itself
 * is asked by the front end; this file never sees it. */
#include <errno.h>
#include <stdlib.h>

#include "mend/crypt.h"
#include "mend/keyring.h"
#include "mend/session_lock.h"
#include "mend/store_crypt.h"

#define TEST_SECONDS_MAX 86400

static bool whole_number(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno == ERANGE || v < min || v > max)
		return false;
	*out = v;
	return true;
}

enum mend_rc session_lock_check_minutes(const char *s, int *out,
					struct mend_err *err)
{
	long v;

	if (!whole_number(s, 0, LOCK_MINUTES_MAX, &v))
		return mend_err_set(err, MEND_EINVAL,
				    "lock-minutes: '%.40s' is not a whole "
				    "number of minutes in 0..%d (0: never "
				    "lock by itself)",
				    s ? s : "", LOCK_MINUTES_MAX);
	if (out)
		*out = (int)v;
	return MEND_OK;
}

int session_lock_minutes(struct journal *j)
{
	char buf[16];
	int v = LOCK_DEFAULT_MINUTES;

	if (!j || !j->st || !store_unlocked(j->st))
		return v;
	if (store_setting_get(j->st, LOCK_SETTING, buf, sizeof buf, NULL) ==
		MEND_OK &&
	    session_lock_check_minutes(buf, &v, NULL) != MEND_OK)
		v = LOCK_DEFAULT_MINUTES;
	return v;
}

enum mend_rc session_lock_set_minutes(struct journal *j, const char *s,
				      struct mend_err *err)
{
	enum mend_rc rc = session_lock_check_minutes(s, NULL, err);

	if (rc == MEND_OK)
		rc = store_setting_set(j->st, LOCK_SETTING, s, j->now_iso, err);
	return rc;
}

int session_lock_idle_seconds(struct journal *j)
{
	long v;

	if (!j || !j->st || !store_encrypted(j->st))
		return 0;
	if (whole_number(getenv("MEND_LOCK_SECONDS"), 1, TEST_SECONDS_MAX, &v))
		return (int)v;
	return session_lock_minutes(j) * 60;
}

bool session_lock_from_keyring(struct journal *j)
{
	unsigned char *key;
	const char *id;
	bool ok = false;

	if (!j || !j->st || store_unlocked(j->st))
		return j && j->st;
	id = store_crypt_id(j->st);
	key = crypt_secret_new(CRYPT_KEY_LEN);
	if (key && id && keyring_get(id, key, 0, NULL) == MEND_OK) {
		ok = store_unlock_key(j->st, key, NULL) == MEND_OK;
		if (!ok) /* another journal's, or a stale one */
			keyring_forget(id);
	}
	crypt_secret_free(key);
	if (ok)
		ok = journal_refresh(j, NULL) == MEND_OK;
	if (ok)
		keyring_touch(id, keyring_minutes(j->st));
	return ok;
}

void session_lock_keep_key(struct journal *j)
{
	unsigned char *key;
	const char *id;

	if (!j || !j->st || !store_encrypted(j->st) || !store_unlocked(j->st))
		return;
	id = store_crypt_id(j->st);
	key = crypt_secret_new(CRYPT_KEY_LEN);
	if (key && id && store_export_key(j->st, key) == MEND_OK)
		keyring_put(id, key, keyring_minutes(j->st), NULL);
	crypt_secret_free(key);
}

void session_lock_now(struct journal *j)
{
	const char *id;

	if (!j || !j->st || !store_encrypted(j->st))
		return;
	id = store_crypt_id(j->st);
	store_lock(j->st);
	if (id)
		keyring_forget(id);
}
