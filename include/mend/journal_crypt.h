/* SPDX-License-Identifier: MIT */
/* Turning a journal file encrypted or plain again, as a whole. Each
 * conversion builds the new journal beside the old one (a private
 * temporary file in the same directory), copies everything in one read
 * snapshot, makes it durable, and renames it over the old one; on any
 * failure the original is untouched and the temporary file removed.
 * Nothing here prints or asks: the front ends get the passphrase. */
#ifndef MEND_JOURNAL_CRYPT_H
#define MEND_JOURNAL_CRYPT_H

#include <stddef.h>

#include "mend/crypt.h"
#include "mend/err.h"

/* Encrypt the plain journal at path with pass (len bytes, at least 1).
 * The recovery key (shown once, never kept) goes to recovery_out; with
 * recovery_out NULL none is made, and only the passphrase opens the
 * journal (until store_new_recovery_key). An encrypted journal:
 * MEND_EINVAL ("already encrypted"). */
enum mend_rc journal_encrypt(const char *path, const char *pass, size_t len,
			     char recovery_out[CRYPT_RECOVERY_LEN],
			     struct mend_err *err);

/* Make the encrypted journal at path plain again, opened with pass
 * (MEND_EAUTH when wrong). A plain journal: MEND_EINVAL. */
enum mend_rc journal_decrypt(const char *path, const char *pass, size_t len,
			     struct mend_err *err);

/* journal_decrypt with the data key (from a keyring, or
 * store_export_key of an unlocked store). */
enum mend_rc journal_decrypt_key(const char *path,
				 const unsigned char key[CRYPT_KEY_LEN],
				 struct mend_err *err);

/* Change the passphrase of the encrypted journal at path: old opens it
 * (MEND_EAUTH when wrong), new (new_len at least 1) replaces it. Only
 * the wrapped data key changes (store_change_passphrase). */
enum mend_rc journal_change_passphrase(const char *path, const char *old,
				       size_t old_len, const char *new_pass,
				       size_t new_len, struct mend_err *err);

#endif
