/* SPDX-License-Identifier: MIT */
/* An encrypted journal, as the store sees it: the same schema with the
 * person's words sealed (entries' text, prompt_text and tags, every
 * setting's value, drafts' text and context, entry_tags' shown form, the
 * tag key replaced by a keyed hash) and the search indexes holding keyed
 * hashes of words instead of words. Once unlocked, every store function
 * reads and writes plain text as on a plain journal; while locked, any
 * read or write of the person's words fails with MEND_ELOCKED. */
#ifndef MEND_STORE_CRYPT_H
#define MEND_STORE_CRYPT_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/crypt.h"
#include "mend/err.h"
#include "mend/store.h"

/* True when the journal is encrypted (its crypt header is filled). */
bool store_encrypted(const struct store *st);

/* True when the journal can be read: a plain one always, an encrypted
 * one after an unlock and until store_lock or store_close. */
bool store_unlocked(const struct store *st);

/* Unlock with the passphrase (len bytes, not NUL-terminated needed).
 * MEND_EAUTH with a sentence for a wrong one; nothing is written either
 * way. A plain journal: MEND_EINVAL ("not encrypted"). */
enum mend_rc store_unlock_passphrase(struct store *st, const char *pass,
				     size_t len, struct mend_err *err);

/* Unlock with the recovery key as typed (see crypt_recovery_decode):
 * MEND_EINVAL for a mistyped key, MEND_EAUTH for one of another journal,
 * MEND_ENOTFOUND (store_check_recovery's sentence) when the journal has
 * no recovery key. Nothing is written either way. */
enum mend_rc store_unlock_recovery(struct store *st, const char *recovery_key,
				   struct mend_err *err);

/* MEND_OK when the encrypted journal st has a recovery key; else
 * MEND_ENOTFOUND with "this journal has no recovery key ..." (it was
 * encrypted without one), or MEND_EINVAL on a plain journal: for a
 * caller that wants to say so before asking for one. */
enum mend_rc store_check_recovery(const struct store *st, struct mend_err *err);

/* Unlock with the data key itself (from a keyring): MEND_EAUTH when it
 * is not this journal's (checked against the header). */
enum mend_rc store_unlock_key(struct store *st,
			      const unsigned char key[CRYPT_KEY_LEN],
			      struct mend_err *err);

/* Copy the data key into out (to put into a keyring; the caller wipes
 * it). MEND_ELOCKED while locked, MEND_EINVAL on a plain journal. */
enum mend_rc store_export_key(struct store *st,
			      unsigned char out[CRYPT_KEY_LEN]);

/* Wipe the keys: later reads and writes of the words fail with
 * MEND_ELOCKED ("the journal is locked") until the next unlock. Rolls
 * back an open transaction first. Nothing on a plain journal. */
void store_lock(struct store *st);

/* The journal's stable identity for a keyring: 32 hex digits, random,
 * made when it was encrypted. Borrowed, valid until store_close; NULL on
 * a plain journal. */
const char *store_crypt_id(const struct store *st);

/* Re-wrap the data key with a new passphrase (its own fresh salt and the
 * current KDF costs), in one transaction; the old passphrase stops
 * working, the recovery key and every sealed value stay. Needs the
 * journal unlocked (MEND_ELOCKED). */
enum mend_rc store_change_passphrase(struct store *st, const char *pass,
				     size_t len, struct mend_err *err);

/* Make a new recovery key (into recovery_out, as it is shown) and
 * replace the header's recovery wrap of the data key with it, in one
 * transaction: a recovery key given before stops working, the
 * passphrase and every sealed value stay. Also gives a journal that was
 * encrypted without one its first. Needs the journal unlocked
 * (MEND_ELOCKED); on failure nothing is written and recovery_out is "". */
enum mend_rc store_new_recovery_key(struct store *st,
				    char recovery_out[CRYPT_RECOVERY_LEN],
				    struct mend_err *err);

/* Convert the whole journal file at path (store_convert.c), as
 * journal_crypt.h describes: encrypt with pass (len at least 1; the
 * recovery key, CRYPT_RECOVERY_LEN bytes, into recovery_out, or none
 * made when recovery_out is NULL), or
 * decrypt, opening it with key or, when key is NULL, with pass. The
 * journal_* functions there are the ones to call. */
enum mend_rc store_convert(const char *path, bool encrypt, const char *pass,
			   size_t len, const unsigned char *key,
			   char *recovery_out, struct mend_err *err);

/* MEND_ELOCKED with "the journal is locked" when st is encrypted and
 * locked, else MEND_OK: for a caller that wants to ask first. */
enum mend_rc store_check_unlocked(const struct store *st, struct mend_err *err);

/* A bulk write (an import) to an encrypted journal, inside a transaction
 * (store_begin): store_index_defer leaves the search index alone until
 * store_index_resume fills it for every entry written since, at once,
 * which is several times faster than entry by entry. Both are MEND_OK and
 * do nothing on a plain journal, outside a transaction, or (defer) on a
 * journal whose index triggers this mend did not make. Call resume
 * before the commit; after a rollback, call store_index_abandon, which
 * clears what defer left on the connection. */
enum mend_rc store_index_defer(struct store *st, struct mend_err *err);
enum mend_rc store_index_resume(struct store *st, struct mend_err *err);
void store_index_abandon(struct store *st);

#endif
