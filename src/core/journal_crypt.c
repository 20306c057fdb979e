/* SPDX-License-Identifier: MIT */
/* Converting a whole journal between plain and encrypted, and changing
 * its passphrase: the front ends' entry points. The copying and the keys
 * are the store's (store_convert.c, store_crypt.c). */
#include "mend/journal_crypt.h"

#include "mend/store.h"
#include "mend/store_crypt.h"

enum mend_rc journal_encrypt(const char *path, const char *pass, size_t len,
			     char recovery_out[CRYPT_RECOVERY_LEN],
			     struct mend_err *err)
{
	if (recovery_out)
		recovery_out[0] = '\0';
	enum mend_rc rc =
		store_convert(path, true, pass, len, NULL, recovery_out, err);
	if (rc != MEND_OK && recovery_out)
		recovery_out[0] = '\0';
	return rc;
}

enum mend_rc journal_decrypt(const char *path, const char *pass, size_t len,
			     struct mend_err *err)
{
	return store_convert(path, false, pass, len, NULL, NULL, err);
}

enum mend_rc journal_decrypt_key(const char *path,
				 const unsigned char key[CRYPT_KEY_LEN],
				 struct mend_err *err)
{
	return store_convert(path, false, NULL, 0, key, NULL, err);
}

enum mend_rc journal_change_passphrase(const char *path, const char *old,
				       size_t old_len, const char *new_pass,
				       size_t new_len, struct mend_err *err)
{
	struct store *st = NULL;
	enum mend_rc rc = store_open(&st, path, err);
	if (rc == MEND_OK && !store_encrypted(st))
		rc = mend_err_set(err, MEND_EINVAL,
				  "%s is not encrypted; nothing was changed",
				  store_path(st));
	if (rc == MEND_OK)
		rc = store_unlock_passphrase(st, old, old_len, err);
	if (rc == MEND_OK)
		rc = store_change_passphrase(st, new_pass, new_len, err);
	store_close(st);
	return rc;
}
