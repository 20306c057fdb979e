/* SPDX-License-Identifier: MIT */
/* The primitives of encryption at rest, all from libsodium: nothing here
 * is a cipher or a KDF of its own. It knows bytes and keys, not tables:
 * which value is sealed under which associated data is the store's. */
#include "mend/crypt.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define KDF_CONTEXT   "mendjrnl"
#define SUBKEY_SEARCH 1
#define SUBKEY_NONCE 2
/* Argon2id costs for a new journal: measured to take about 0.7 s on a
 * shared two-core machine (see bench/NOTES.md); kept in the journal, so
 * a later mend may raise them on a passphrase change. */
#define KDF_OPS 4
#define KDF_MEM (256u * 1024 * 1024)

/* The tokens hashed lately, so a word met again (and its prefixes: the
 * short ones come back in nearly every entry) is not hashed again: an
 * import hashes a few hundred tokens per entry, most of them seen
 * before. Direct-mapped, in locked memory with the keys and wiped with
 * them, as it holds words beside their keyed hashes. */
#define TOKEN_CACHE_SLOTS 8192 /* a power of two */
#define TOKEN_CACHE_MAX 30     /* longer tokens are hashed every time */

struct token_slot {
	unsigned char n; /* the token's length, 0 for an empty slot */
	char domain;
	char tok[TOKEN_CACHE_MAX];
	char hex[CRYPT_TOKEN_HEX];
};

struct crypt_keys {
	/* the search key's BLAKE2b state once keyed, copied for each token
	 * rather than keyed again */
	crypto_generichash_state search_state;
	unsigned char data[CRYPT_KEY_LEN];
	unsigned char search[CRYPT_KEY_LEN];
	unsigned char nonce[CRYPT_KEY_LEN];
	/* NULL until the first token is hashed: most commands hash none */
	struct token_slot *tokens;
};

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

enum mend_rc crypt_init(struct mend_err *err)
{
	if (sodium_init() < 0)
		return mend_err_set(err, MEND_EIO,
				    "the encryption library could not start");
	return MEND_OK;
}

enum mend_rc crypt_kdf_new(struct crypt_kdf *out, struct mend_err *err)
{
	enum mend_rc rc = crypt_init(err);
	if (rc != MEND_OK)
		return rc;
	const char *fast = getenv("MEND_KDF_FAST");
	if (fast && strcmp(fast, "1") == 0) {
		out->ops = crypto_pwhash_OPSLIMIT_MIN;
		out->mem = crypto_pwhash_MEMLIMIT_MIN;
	} else {
		out->ops = KDF_OPS;
		out->mem = KDF_MEM;
	}
	randombytes_buf(out->salt, sizeof out->salt);
	return MEND_OK;
}

enum mend_rc crypt_kdf_derive(const struct crypt_kdf *kdf, const char *pass,
			      size_t len, unsigned char *kek,
			      struct mend_err *err)
{
	if (kdf->ops < crypto_pwhash_OPSLIMIT_MIN ||
	    kdf->ops > crypto_pwhash_OPSLIMIT_MAX ||
	    kdf->mem < crypto_pwhash_MEMLIMIT_MIN ||
	    kdf->mem > crypto_pwhash_MEMLIMIT_MAX)
		return mend_err_set(err, MEND_ESTORE,
				    "the journal's key settings are damaged "
				    "(cost %llu, memory %zu)",
				    kdf->ops, kdf->mem);
	if (crypto_pwhash(kek, CRYPT_KEY_LEN, pass, len, kdf->salt, kdf->ops,
			  kdf->mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return mend_err_set(err, MEND_ENOMEM,
				    "not enough memory to check the passphrase "
				    "(it needs %zu MiB)",
				    kdf->mem >> 20);
	return MEND_OK;
}

void crypt_random(void *buf, size_t n)
{
	randombytes_buf(buf, n);
}

void crypt_wrap(const unsigned char *kek, const unsigned char *key,
		const char *ad, unsigned char out[CRYPT_WRAPPED_LEN])
{
	unsigned char *nonce = out;
	randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	    out + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, NULL, key,
	    CRYPT_KEY_LEN, (const unsigned char *)ad, strlen(ad), NULL, nonce,
	    kek);
}

bool crypt_unwrap(const unsigned char *kek,
		  const unsigned char in[CRYPT_WRAPPED_LEN], const char *ad,
		  unsigned char *key)
{
	const size_t np = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	return crypto_aead_xchacha20poly1305_ietf_decrypt(
		   key, NULL, NULL, in + np, CRYPT_WRAPPED_LEN - np,
		   (const unsigned char *)ad, strlen(ad), in, kek) == 0;
}

unsigned char *crypt_secret_new(size_t n)
{
	if (sodium_init() < 0)
		return NULL;
	return sodium_malloc(n);
}

void crypt_secret_free(void *p)
{
	/* sodium_free wipes before it unmaps */
	if (p)
		sodium_free(p);
}

struct crypt_keys *crypt_keys_new(const unsigned char key[CRYPT_KEY_LEN])
{
	struct crypt_keys *k = (struct crypt_keys *)crypt_secret_new(sizeof *k);
	if (!k)
		return NULL;
	memcpy(k->data, key, CRYPT_KEY_LEN);
	crypto_kdf_derive_from_key(k->search, sizeof k->search, SUBKEY_SEARCH,
				   KDF_CONTEXT, k->data);
	crypto_kdf_derive_from_key(k->nonce, sizeof k->nonce, SUBKEY_NONCE,
				   KDF_CONTEXT, k->data);
	crypto_generichash_init(&k->search_state, k->search, sizeof k->search,
				CRYPT_TOKEN_HEX / 2);
	k->tokens = NULL;
	return k;
}

void crypt_keys_free(struct crypt_keys *k)
{
	if (k)
		crypt_secret_free(k->tokens);
	crypt_secret_free(k);
}

const unsigned char *crypt_keys_data(const struct crypt_keys *k)
{
	return k->data;
}

static enum mend_rc seal(const struct crypt_keys *k, const char *ad,
			 const void *plain, size_t n, bool det,
			 unsigned char **out, size_t *out_len,
			 struct mend_err *err)
{
	const size_t np = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	unsigned char *buf = malloc(n + CRYPT_SEAL_OVERHEAD);

	*out = NULL;
	if (!buf)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	buf[0] = CRYPT_SEAL_VERSION;
	if (det) {
		crypto_generichash_state s;
		unsigned char zero = 0;
		crypto_generichash_init(&s, k->nonce, sizeof k->nonce, np);
		crypto_generichash_update(&s, (const unsigned char *)ad,
					  strlen(ad));
		crypto_generichash_update(&s, &zero, 1);
		crypto_generichash_update(&s, plain, n);
		crypto_generichash_final(&s, buf + 1, np);
	} else {
		randombytes_buf(buf + 1, np);
	}
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	    buf + 1 + np, NULL, plain, n, (const unsigned char *)ad, strlen(ad),
	    NULL, buf + 1, k->data);
	*out = buf;
	*out_len = n + CRYPT_SEAL_OVERHEAD;
	return MEND_OK;
}

enum mend_rc crypt_seal(const struct crypt_keys *k, const char *ad,
			const void *plain, size_t n, unsigned char **out,
			size_t *out_len, struct mend_err *err)
{
	return seal(k, ad, plain, n, false, out, out_len, err);
}

enum mend_rc crypt_seal_det(const struct crypt_keys *k, const char *ad,
			    const void *plain, size_t n, unsigned char **out,
			    size_t *out_len, struct mend_err *err)
{
	return seal(k, ad, plain, n, true, out, out_len, err);
}

void crypt_key_check(const unsigned char *key, unsigned char out[32])
{
	static const char what[] = "mend data key check";
	crypto_generichash(out, 32, (const unsigned char *)what,
			   sizeof what - 1, key, CRYPT_KEY_LEN);
}

bool crypt_open(const struct crypt_keys *k, const char *ad,
		const unsigned char *in, size_t n, char **out, size_t *out_len)
{
	const size_t np = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

	*out = NULL;
	if (n < CRYPT_SEAL_OVERHEAD || in[0] != CRYPT_SEAL_VERSION)
		return false;
	size_t plen = n - CRYPT_SEAL_OVERHEAD;
	char *buf = malloc(plen + 1);
	if (!buf)
		return false;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(
		(unsigned char *)buf, NULL, NULL, in + 1 + np, n - 1 - np,
		(const unsigned char *)ad, strlen(ad), in + 1, k->data) != 0) {
		free(buf);
		return false;
	}
	buf[plen] = '\0';
	*out = buf;
	*out_len = plen;
	return true;
}

static void token_hash(const struct crypt_keys *k, char domain,
		       const char *tok, size_t n, char out[CRYPT_TOKEN_HEX + 1])
{
	crypto_generichash_state s = k->search_state;
	unsigned char h[CRYPT_TOKEN_HEX / 2];
	unsigned char d = (unsigned char)domain;

	crypto_generichash_update(&s, &d, 1);
	crypto_generichash_update(&s, (const unsigned char *)tok, n);
	crypto_generichash_final(&s, h, sizeof h);
	sodium_bin2hex(out, CRYPT_TOKEN_HEX + 1, h, sizeof h);
	sodium_memzero(&s, sizeof s);
}

/* Which slot a token goes in (FNV-1a): only spreads the tokens over the
 * cache, so it needs no key. */
static size_t token_slot_of(char domain, const char *tok, size_t n)
{
	uint32_t x = 2166136261u ^ (unsigned char)domain;
	x *= 16777619u;
	for (size_t i = 0; i < n; i++) {
		x ^= (unsigned char)tok[i];
		x *= 16777619u;
	}
	return (x ^ x >> 15) & (TOKEN_CACHE_SLOTS - 1);
}

void crypt_token(struct crypt_keys *k, char domain, const char *tok, size_t n,
		 char out[CRYPT_TOKEN_HEX + 1])
{
	if (n == 0 || n > TOKEN_CACHE_MAX) {
		token_hash(k, domain, tok, n, out);
		return;
	}
	if (!k->tokens) {
		size_t bytes = TOKEN_CACHE_SLOTS * sizeof *k->tokens;
		k->tokens = (struct token_slot *)crypt_secret_new(bytes);
		if (!k->tokens) {
			token_hash(k, domain, tok, n, out);
			return;
		}
		memset(k->tokens, 0, bytes);
	}
	struct token_slot *slot = &k->tokens[token_slot_of(domain, tok, n)];
	if (slot->n != n || slot->domain != domain ||
	    memcmp(slot->tok, tok, n) != 0) {
		token_hash(k, domain, tok, n, out);
		slot->n = (unsigned char)n;
		slot->domain = domain;
		memcpy(slot->tok, tok, n);
		memcpy(slot->hex, out, CRYPT_TOKEN_HEX);
		return;
	}
	memcpy(out, slot->hex, CRYPT_TOKEN_HEX);
	out[CRYPT_TOKEN_HEX] = '\0';
}

/* The check group: 20 bits of an unkeyed hash of the key, so a typo in
 * any group is caught before it is tried as a key. */
static unsigned long check_bits(const unsigned char *key)
{
	unsigned char h[4];
	crypto_generichash(h, sizeof h, key, CRYPT_KEY_LEN,
			   (const unsigned char *)"mend recovery", 13);
	return ((unsigned long)h[0] << 12 | (unsigned long)h[1] << 4 |
		(unsigned long)h[2] >> 4) &
	       0xfffff;
}

void crypt_recovery_encode(const unsigned char *key,
			   char out[CRYPT_RECOVERY_LEN])
{
	char letters[56];
	unsigned long acc = 0;
	int bits = 0, n = 0;

	for (size_t i = 0; i < CRYPT_KEY_LEN; i++) {
		acc = (acc << 8 | key[i]) & 0xffff;
		bits += 8;
		while (bits >= 5) {
			letters[n++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	letters[n++] = b32[(acc << (5 - bits)) & 31]; /* the last 1 bit */
	unsigned long check = check_bits(key);
	for (int i = 3; i >= 0; i--)
		letters[n++] = b32[(check >> (5 * i)) & 31];
	char *o = out;
	for (int i = 0; i < 56; i++) {
		if (i && i % 4 == 0)
			*o++ = '-';
		*o++ = letters[i];
	}
	*o = '\0';
	sodium_memzero(letters, sizeof letters);
}

static int b32_value(int c)
{
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c == '0')
		c = 'O';
	else if (c == '1')
		c = 'I';
	else if (c == '8')
		c = 'B';
	const char *p = c ? strchr(b32, c) : NULL;
	return p ? (int)(p - b32) : -1;
}

enum mend_rc crypt_recovery_decode(const char *text, unsigned char *key,
				   struct mend_err *err)
{
	int v[56], n = 0;

	for (const char *p = text; *p; p++) {
		if (*p == '-' || *p == ' ' || *p == '\t' || *p == '\n')
			continue;
		int x = b32_value((unsigned char)*p);
		if (x < 0)
			return mend_err_set(
			    err, MEND_EINVAL,
			    "recovery key: '%c' is not one of its "
			    "letters (A to Z and 2 to 7)",
			    *p > ' ' && *p < 127 ? *p : '?');
		if (n == 56)
			return mend_err_set(err, MEND_EINVAL,
					    "recovery key: too long; it has 56 "
					    "letters in 14 groups of 4");
		v[n++] = x;
	}
	if (n != 56)
		return mend_err_set(err, MEND_EINVAL,
				    "recovery key: %d letters; it has 56 in 14 "
				    "groups of 4",
				    n);
	unsigned long acc = 0;
	int bits = 0;
	size_t out = 0;
	for (int i = 0; i < 52 && out < CRYPT_KEY_LEN; i++) {
		acc = (acc << 5 | (unsigned long)v[i]) & 0xffff;
		bits += 5;
		if (bits >= 8) {
			key[out++] = (unsigned char)(acc >> (bits - 8));
			bits -= 8;
		}
	}
	unsigned long check = 0;
	for (int i = 52; i < 56; i++)
		check = check << 5 | (unsigned long)v[i];
	bool ok = check == check_bits(key);
	sodium_memzero(v, sizeof v);
	if (!ok) {
		sodium_memzero(key, CRYPT_KEY_LEN);
		return mend_err_set(err, MEND_EINVAL,
				    "recovery key: it does not check out, so a "
				    "letter is probably mistyped; compare it "
				    "group by group with the one you kept");
	}
	return MEND_OK;
}
