/* SPDX-License-Identifier: MIT */
/* The kernel keyring through libkeyutils: one "user" key per encrypted
 * journal in the session keyring, "mend:<crypt id>", possessor-only,
 * with a timeout. Not the journal's business (that is the store) nor the
 * terminal's (that is the front end). */
#include "mend/keyring.h"

#include <errno.h>
#include <keyutils.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DESC_MAX 160

static bool describe(const char *id, char buf[DESC_MAX])
{
	if (!id || !*id)
		return false;
	int n = snprintf(buf, DESC_MAX, "mend:%s", id);
	return n > 0 && n < DESC_MAX;
}

/* The key's serial, or -1: searches the session keyring (and what it
 * links), the one add_key writes to. */
static key_serial_t find(const char *desc)
{
	long r = keyctl_search(KEY_SPEC_SESSION_KEYRING, "user", desc, 0);
	return r < 0 ? -1 : (key_serial_t)r;
}

static void set_minutes(key_serial_t k, int minutes)
{
	if (minutes > 0)
		keyctl_set_timeout(k, (unsigned)minutes * 60u);
}

enum mend_rc keyring_put(const char *id,
			 const unsigned char key[KEYRING_KEY_LEN], int minutes,
			 struct mend_err *err)
{
	char desc[DESC_MAX];

	if (!describe(id, desc))
		return mend_err_set(err, MEND_EINVAL, "keyring: no journal id");
	if (minutes <= 0) {
		keyring_forget(id);
		return MEND_OK;
	}
	if (minutes > KEYRING_MINUTES_MAX)
		minutes = KEYRING_MINUTES_MAX;
	key_serial_t k = add_key("user", desc, key, KEYRING_KEY_LEN,
				 KEY_SPEC_SESSION_KEYRING);
	if (k < 0)
		return mend_err_set(err, MEND_EIO,
				    "cannot keep the key in the session "
				    "keyring: %s",
				    strerror(errno));
	/* the possessor alone: not other processes of the same user that
	 * do not share this session */
	keyctl_setperm(k, KEY_POS_VIEW | KEY_POS_READ | KEY_POS_WRITE |
			      KEY_POS_SEARCH | KEY_POS_LINK | KEY_POS_SETATTR);
	set_minutes(k, minutes);
	return MEND_OK;
}

enum mend_rc keyring_get(const char *id, unsigned char key[KEYRING_KEY_LEN],
			 int minutes, struct mend_err *err)
{
	char desc[DESC_MAX];
	unsigned char buf[KEYRING_KEY_LEN + 1];

	if (!describe(id, desc))
		return mend_err_set(err, MEND_ENOTFOUND,
				    "keyring: no journal id");
	key_serial_t k = find(desc);
	if (k < 0)
		return mend_err_set(err, MEND_ENOTFOUND,
				    "no key kept for this journal");
	long n = keyctl_read(k, (char *)buf, sizeof buf);
	if (n != KEYRING_KEY_LEN) {
		memset(buf, 0, sizeof buf);
		return mend_err_set(err, MEND_ENOTFOUND,
				    "no key kept for this journal");
	}
	memcpy(key, buf, KEYRING_KEY_LEN);
	/* not optimised away: buf's address escapes to keyctl_read */
	memset(buf, 0, sizeof buf);
	set_minutes(k, minutes);
	return MEND_OK;
}

void keyring_touch(const char *id, int minutes)
{
	char desc[DESC_MAX];
	key_serial_t k;

	if (!describe(id, desc) || (k = find(desc)) < 0)
		return;
	if (minutes <= 0)
		keyring_forget(id);
	else
		set_minutes(k, minutes > KEYRING_MINUTES_MAX
				   ? KEYRING_MINUTES_MAX
				   : minutes);
}

bool keyring_forget(const char *id)
{
	char desc[DESC_MAX];
	key_serial_t k;
	bool any = false;

	if (!describe(id, desc))
		return false;
	/* a key may be linked more than once (two sessions joined): go on
	 * until none is found */
	for (int i = 0; i < 16 && (k = find(desc)) >= 0; i++) {
		keyctl_revoke(k);
		keyctl_unlink(k, KEY_SPEC_SESSION_KEYRING);
		any = true;
	}
	return any;
}

enum mend_rc keyring_check_minutes(const char *s, int *out,
				   struct mend_err *err)
{
	char *end;
	long v;

	errno = 0;
	v = s && *s ? strtol(s, &end, 10) : -1;
	if (!s || !*s || errno || *end || v < 0 || v > KEYRING_MINUTES_MAX)
		return mend_err_set(err, MEND_EINVAL,
				    "unlock-minutes: '%.20s' is not a whole "
				    "number of minutes in 0..%d (0: never "
				    "keep the key)",
				    s ? s : "", KEYRING_MINUTES_MAX);
	*out = (int)v;
	return MEND_OK;
}

int keyring_minutes(struct store *st)
{
	char buf[16];
	int v = KEYRING_DEFAULT_MINUTES;

	if (store_setting_get(st, KEYRING_SETTING, buf, sizeof buf, NULL) ==
		MEND_OK &&
	    keyring_check_minutes(buf, &v, NULL) != MEND_OK)
		v = KEYRING_DEFAULT_MINUTES;
	return v;
}
