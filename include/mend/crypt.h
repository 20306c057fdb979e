/* SPDX-License-Identifier: MIT */
/* Encryption at rest, the primitives: libsodium's Argon2id for the
 * passphrase, XChaCha20-Poly1305 for wrapping the data key and sealing
 * values, keyed BLAKE2b for the search index, and the printable recovery
 * key. No SQL and no files here: the store (store_crypt.c) decides what
 * is sealed and where it is kept. */
#ifndef MEND_CRYPT_H
#define MEND_CRYPT_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/err.h"

#define CRYPT_KEY_LEN  32
#define CRYPT_SALT_LEN 16
/* A wrapped data key: nonce (24), the key (32), the tag (16). */
#define CRYPT_WRAPPED_LEN (24 + 32 + 16)
/* A sealed value: version byte, nonce (24), ciphertext, tag (16). */
#define CRYPT_SEAL_OVERHEAD (1 + 24 + 16)
#define CRYPT_SEAL_VERSION  1
/* The recovery key as shown: 52 base32 letters of the key and 4 of a
 * check, in 14 groups of 4 joined by '-', and the NUL. */
#define CRYPT_RECOVERY_LEN (14 * 5)
/* A search token's keyed hash, as the index keeps it: 16 hex digits. */
#define CRYPT_TOKEN_HEX 16

/* The passphrase's key derivation, kept with the journal. */
struct crypt_kdf {
	unsigned long long ops;
	size_t mem; /* bytes */
	unsigned char salt[CRYPT_SALT_LEN];
};

/* The unlocked keys of one journal, in sodium_malloc'ed (locked, guarded)
 * memory: the data key and the subkeys derived from it. */
struct crypt_keys;

/* sodium_init, once per process. MEND_ENOMEM-like failure is MEND_EIO
 * with a sentence. Safe to call often. */
enum mend_rc crypt_init(struct mend_err *err);

/* The KDF parameters a new journal gets: a fresh salt and the costs that
 * take about 0.7 s here (MEND_KDF_FAST=1 in the environment, for tests
 * only, takes the smallest libsodium allows). */
enum mend_rc crypt_kdf_new(struct crypt_kdf *out, struct mend_err *err);

/* Derive the key-encryption key from pass (len bytes) into kek (locked
 * memory the caller gives, CRYPT_KEY_LEN bytes). */
enum mend_rc crypt_kdf_derive(const struct crypt_kdf *kdf, const char *pass,
			      size_t len, unsigned char *kek,
			      struct mend_err *err);

/* Fill buf with n random bytes. */
void crypt_random(void *buf, size_t n);

/* Wrap key (32) with kek (32) into out; ad names what is wrapped. */
void crypt_wrap(const unsigned char *kek, const unsigned char *key,
		const char *ad, unsigned char out[CRYPT_WRAPPED_LEN]);
/* Unwrap into key (locked memory, 32); false when kek is not the one. */
bool crypt_unwrap(const unsigned char *kek,
		  const unsigned char in[CRYPT_WRAPPED_LEN], const char *ad,
		  unsigned char *key);

/* New keys from a data key (copied). NULL when out of memory. Caller
 * frees with crypt_keys_free, which wipes them. */
struct crypt_keys *crypt_keys_new(const unsigned char key[CRYPT_KEY_LEN]);
void crypt_keys_free(struct crypt_keys *k);
/* The data key; borrowed, valid until crypt_keys_free. */
const unsigned char *crypt_keys_data(const struct crypt_keys *k);

/* Seal plain (n bytes) with associated data ad (NUL-terminated) into a
 * new buffer of n + CRYPT_SEAL_OVERHEAD bytes; *out is malloc'ed, caller
 * frees with free. MEND_ENOMEM on failure. */
enum mend_rc crypt_seal(const struct crypt_keys *k, const char *ad,
			const void *plain, size_t n, unsigned char **out,
			size_t *out_len, struct mend_err *err);

/* crypt_seal with a nonce derived from ad and plain (a keyed hash), so
 * the same value under the same ad always seals the same: for a value
 * the store must find by equality (a draft's context). It tells only
 * that two such values are equal. */
enum mend_rc crypt_seal_det(const struct crypt_keys *k, const char *ad,
			    const void *plain, size_t n, unsigned char **out,
			    size_t *out_len, struct mend_err *err);

/* What the journal keeps to check a data key given as it is (from a
 * keyring): a keyed hash of a fixed text, 32 bytes. */
void crypt_key_check(const unsigned char *key, unsigned char out[32]);

/* Open a sealed value into *out (malloc'ed, n bytes and a NUL after them;
 * caller frees with free). false when it does not open (changed, moved
 * to another row or column, or another key); *out is NULL then. */
bool crypt_open(const struct crypt_keys *k, const char *ad,
		const unsigned char *in, size_t n, char **out, size_t *out_len);

/* The keyed hash of a search token (its bytes, n) with a one-letter
 * domain ('w' a whole word, 'p' a prefix, 't' a trigram, 'g' a tag key),
 * as CRYPT_TOKEN_HEX hex digits and a NUL. k remembers the tokens it
 * hashed lately (in its locked memory, wiped by crypt_keys_free), so it
 * is not const; the result is the same either way. */
void crypt_token(struct crypt_keys *k, char domain, const char *tok, size_t n,
		 char out[CRYPT_TOKEN_HEX + 1]);

/* The recovery key of key (32) as shown to the person, into out. */
void crypt_recovery_encode(const unsigned char *key,
			   char out[CRYPT_RECOVERY_LEN]);
/* Read a recovery key as typed (case, spaces and dashes do not matter;
 * 0/1/8 read as O/I/B) into key (locked memory, 32). MEND_EINVAL with a
 * sentence when it is not one (wrong length, a letter outside base32, or
 * the check group does not match: a typo). */
enum mend_rc crypt_recovery_decode(const char *text, unsigned char *key,
				   struct mend_err *err);

/* Locked memory for a key (sodium_malloc), NULL when out of memory;
 * free with crypt_secret_free (wipes). */
unsigned char *crypt_secret_new(size_t n);
void crypt_secret_free(void *p);

#endif
