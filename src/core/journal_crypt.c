/* SPDX-License-Identifier: MIT */
/* Converting a whole journal between plain and encrypted: the front
 * ends' entry points. The copying itself is the store's
 * (store_convert.c). */
#include "mend/journal_crypt.h"

enum mend_rc journal_encrypt(const char *path, const char *pass, size_t len,
			     char recovery_out[CRYPT_RECOVERY_LEN],
			     struct mend_err *err)
{
	(void)path;
	(void)pass;
	(void)len;
	recovery_out[0] = '\0';
	return mend_err_set(err, MEND_EINVAL, "encryption is not built yet");
}

enum mend_rc journal_decrypt(const char *path, const char *pass, size_t len,
			     struct mend_err *err)
{
	(void)path;
	(void)pass;
	(void)len;
	return mend_err_set(err, MEND_EINVAL, "encryption is not built yet");
}

enum mend_rc journal_decrypt_key(const char *path,
				 const unsigned char key[CRYPT_KEY_LEN],
				 struct mend_err *err)
{
	(void)path;
	(void)key;
	return mend_err_set(err, MEND_EINVAL, "encryption is not built yet");
}

enum mend_rc journal_change_passphrase(const char *path, const char *old,
				       size_t old_len, const char *new_pass,
				       size_t new_len, struct mend_err *err)
{
	(void)path;
	(void)old;
	(void)old_len;
	(void)new_pass;
	(void)new_len;
	return mend_err_set(err, MEND_EINVAL, "encryption is not built yet");
}
