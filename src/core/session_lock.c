/* SPDX-License-Identifier: MIT */
/* The full-screen journal's lock, in the core: the lock-minutes setting,
 * the idle time, and the keyring around an unlock. The passphrase itself
 * is asked by the front end; this file never sees it. */
#include <errno.h>
#include <stdlib.h>

#include "mend/crypt.h"
#include "mend/desktop_keyring.h"
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
		rc = journal_set_setting(j, LOCK_SETTING, s, err);
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

bool session_lock_uses_desktop(struct journal *j)
{
	char at[CLOCK_ISO_LEN];

	/* the row's presence, not its sealed value: readable while locked */
	return j && j->st && store_encrypted(j->st) &&
	       store_setting_updated(j->st, DESKTOP_SETTING, at, NULL) ==
		   MEND_OK;
}

/* Unlock with key; a key that does not open the journal (another
 * journal's, a stale one) is forgotten from where it came. */
static bool try_key(struct journal *j, const unsigned char *key, bool desktop)
{
	const char *id = store_crypt_id(j->st);

	enum mend_rc rc = store_unlock_key(j->st, key, NULL);
	if (rc == MEND_OK)
		return true;
	if (rc != MEND_EAUTH) /* not a wrong key: keep it for next time */
		return false;
	if (desktop)
		desktop_keyring_forget(id, NULL);
	else
		keyring_forget(id);
	return false;
}

bool session_lock_unlock_kept(struct journal *j, bool desktop)
{
	unsigned char *key;
	const char *id;
	bool ok = false;

	if (!j || !j->st || store_unlocked(j->st))
		return j && j->st;
	id = store_crypt_id(j->st);
	key = crypt_secret_new(CRYPT_KEY_LEN);
	if (!key || !id) {
		crypt_secret_free(key);
		return false;
	}
	if (keyring_get(id, key, 0, NULL) == MEND_OK)
		ok = try_key(j, key, false);
	if (ok) {
		keyring_touch(id, keyring_minutes(j->st));
	} else if (desktop && session_lock_uses_desktop(j) &&
		   desktop_keyring_get(id, key, NULL) == MEND_OK &&
		   try_key(j, key, true)) {
		/* the next command finds it without the desktop's round trip */
		keyring_put(id, key, keyring_minutes(j->st), NULL);
		ok = true;
	}
	crypt_secret_free(key);
	return ok;
}

bool session_lock_from_keyring(struct journal *j)
{
	return session_lock_unlock_kept(j, true) &&
	       journal_refresh(j, NULL) == MEND_OK;
}

enum mend_rc session_lock_keep_key(struct journal *j, struct mend_err *err)
{
	unsigned char *key;
	const char *id;
	enum mend_rc rc = MEND_OK;

	if (!j || !j->st || !store_encrypted(j->st) || !store_unlocked(j->st))
		return MEND_OK;
	id = store_crypt_id(j->st);
	key = crypt_secret_new(CRYPT_KEY_LEN);
	if (!key || !id || store_export_key(j->st, key) != MEND_OK) {
		crypt_secret_free(key);
		return MEND_OK;
	}
	/* best effort: without a keyring the next command asks */
	keyring_put(id, key, keyring_minutes(j->st), NULL);
	if (session_lock_uses_desktop(j))
		rc = desktop_keyring_put(id, store_path(j->st), key, err);
	crypt_secret_free(key);
	return rc;
}

enum mend_rc session_lock_set_desktop(struct journal *j, bool on,
				      struct mend_err *err)
{
	enum mend_rc rc;
	unsigned char *key;
	const char *id;
	bool kept = false;

	/* off on a plain journal: a row left from before is removed, with
	 * no key to forget */
	if (!on && j && j->st && !store_encrypted(j->st))
		return journal_set_setting(j, DESKTOP_SETTING, NULL, err);
	if (!j || !j->st || !store_encrypted(j->st))
		return mend_err_set(err, MEND_EINVAL,
				    "secret-service: the journal is not "
				    "encrypted, so it has no key to keep; "
				    "'mend encrypt' encrypts it");
	if ((rc = store_check_unlocked(j->st, err)) != MEND_OK)
		return rc;
	id = store_crypt_id(j->st);
	if (!on) {
		/* forgotten first: a copy still there stays tracked */
		rc = desktop_keyring_forget(id, err);
		if (rc == MEND_ENOTFOUND) {
			mend_err_clear(err);
			rc = MEND_OK;
		}
		if (rc == MEND_OK)
			rc = journal_set_setting(j, DESKTOP_SETTING, NULL, err);
		return rc;
	}
	/* kept first: a service that cannot be reached saves nothing */
	key = crypt_secret_new(CRYPT_KEY_LEN);
	rc = key ? store_export_key(j->st, key)
		 : mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK)
		rc = desktop_keyring_put(id, store_path(j->st), key, err);
	kept = rc == MEND_OK;
	crypt_secret_free(key);
	if (rc == MEND_OK)
		rc = journal_set_setting(j, DESKTOP_SETTING, "on", err);
	/* not saved: nothing is left there that no setting tracks */
	if (rc != MEND_OK && kept)
		desktop_keyring_forget(id, NULL);
	return rc;
}

enum mend_rc session_lock_now(struct journal *j, bool *was,
			      struct mend_err *err)
{
	const char *id;
	enum mend_rc rc = MEND_OK;
	bool any = false;

	if (j && j->st && store_encrypted(j->st)) {
		id = store_crypt_id(j->st);
		store_lock(j->st);
		any = id && keyring_forget(id);
		if (id && session_lock_uses_desktop(j)) {
			rc = desktop_keyring_forget(id, err);
			any = any || rc == MEND_OK;
			if (rc == MEND_ENOTFOUND) {
				mend_err_clear(err);
				rc = MEND_OK;
			}
		}
	}
	if (was)
		*was = any;
	return rc;
}
