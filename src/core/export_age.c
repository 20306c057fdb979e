/* SPDX-License-Identifier: MIT */
/* age's format for exports. The passphrase case is written and read
 * here, following the age v1 specification: a 16-byte file key wrapped
 * by scrypt (N = 2^18, r = 8, p = 1) with ChaCha20-Poly1305, a header
 * MAC'd with HMAC-SHA-256 under an HKDF-SHA-256 key, and the payload in
 * 64 KiB ChaCha20-Poly1305 STREAM chunks. libsodium gives every
 * primitive; nothing here is a cipher of its own. Recipients and
 * identities go through the age binary, with the plaintext in memory
 * files and pipes only. */
#define _GNU_SOURCE
#include "mend/export_age.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mend/memfile.h"

#define VERSION_LINE "age-encryption.org/v1\n"
#define ARMOR_LINE   "-----BEGIN AGE ENCRYPTED FILE-----"
#define SCRYPT_LABEL "age-encryption.org/v1/scrypt"
#define FILE_KEY_LEN 16
#define SALT_LEN     16
#define NONCE_LEN    16
#define CHUNK	     (64 * 1024)
#define TAG	     crypto_aead_chacha20poly1305_ietf_ABYTES
#define B64_VARIANT  sodium_base64_VARIANT_ORIGINAL_NO_PADDING

bool age_is_age(const char *data, size_t len)
{
	size_t v = sizeof VERSION_LINE - 1, a = sizeof ARMOR_LINE - 1;
	return (len >= v && memcmp(data, VERSION_LINE, v) == 0) ||
	       (len >= a && memcmp(data, ARMOR_LINE, a) == 0);
}

bool age_is_scrypt(const char *data, size_t len)
{
	size_t v = sizeof VERSION_LINE - 1;
	return len > v + 10 && memcmp(data, VERSION_LINE, v) == 0 &&
	       memcmp(data + v, "-> scrypt ", 10) == 0;
}

void age_free(char *p, size_t len)
{
	if (p) {
		sodium_memzero(p, len);
		free(p);
	}
}

/* HKDF-SHA-256 (RFC 5869) with one block of output: all age needs. */
static void hkdf(const unsigned char *salt, size_t salt_len,
		 const unsigned char *ikm, size_t ikm_len, const char *info,
		 unsigned char out[32])
{
	static const unsigned char one = 1, none = 0;
	unsigned char prk[32];
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, salt_len ? salt : &none, salt_len);
	crypto_auth_hmacsha256_update(&st, ikm, ikm_len);
	crypto_auth_hmacsha256_final(&st, prk);
	crypto_auth_hmacsha256_init(&st, prk, sizeof prk);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)info,
				      strlen(info));
	crypto_auth_hmacsha256_update(&st, &one, 1);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(prk, sizeof prk);
	sodium_memzero(&st, sizeof st);
}

static int scrypt_key(const char *pass, size_t pass_len,
		      const unsigned char salt[SALT_LEN], int log_n,
		      unsigned char key[32])
{
	unsigned char s[sizeof SCRYPT_LABEL - 1 + SALT_LEN];
	memcpy(s, SCRYPT_LABEL, sizeof SCRYPT_LABEL - 1);
	memcpy(s + sizeof SCRYPT_LABEL - 1, salt, SALT_LEN);
	return crypto_pwhash_scryptsalsa208sha256_ll(
	    (const uint8_t *)pass, pass_len, s, sizeof s, (uint64_t)1 << log_n,
	    8, 1, key, 32);
}

static void chunk_nonce(uint64_t counter, bool last, unsigned char n[12])
{
	memset(n, 0, 12);
	for (int i = 10; i >= 3; i--, counter >>= 8)
		n[i] = (unsigned char)(counter & 0xff);
	n[11] = last ? 1 : 0;
}

static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Fill buf from in as far as it goes: fewer than n only at the end. */
static size_t read_full(FILE *in, unsigned char *buf, size_t n)
{
	size_t got = 0, r;
	while (got < n && (r = fread(buf + got, 1, n - got, in)) > 0)
		got += r;
	return got;
}

enum mend_rc age_seal_passphrase(FILE *in, int out_fd, const char *pass,
				 size_t pass_len, struct mend_err *err)
{
	unsigned char file_key[FILE_KEY_LEN], salt[SALT_LEN], wrap[32];
	unsigned char body[FILE_KEY_LEN + TAG], mac_key[32], mac[32];
	unsigned char nonce[NONCE_LEN], pkey[32], zero12[12] = {0}, cn[12];
	char salt64[32], body64[64], mac64[64], header[256];
	unsigned char *a = NULL, *b = NULL, *ct = NULL;
	enum mend_rc rc = MEND_OK;

	if (sodium_init() < 0 || !(a = malloc(CHUNK)) || !(b = malloc(CHUNK)) ||
	    !(ct = malloc(CHUNK + TAG))) {
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		goto out;
	}
	randombytes_buf(file_key, sizeof file_key);
	randombytes_buf(salt, sizeof salt);
	randombytes_buf(nonce, sizeof nonce);
	if (scrypt_key(pass, pass_len, salt, AGE_SCRYPT_LOG_N, wrap) != 0) {
		rc = mend_err_set(err, MEND_ENOMEM,
				  "not enough memory for scrypt");
		goto out;
	}
	crypto_aead_chacha20poly1305_ietf_encrypt(
	    body, NULL, file_key, sizeof file_key, NULL, 0, NULL, zero12, wrap);
	sodium_bin2base64(salt64, sizeof salt64, salt, sizeof salt,
			  B64_VARIANT);
	sodium_bin2base64(body64, sizeof body64, body, sizeof body,
			  B64_VARIANT);
	int hl = snprintf(header, sizeof header,
			  VERSION_LINE "-> scrypt %s %d\n%s\n---", salt64,
			  AGE_SCRYPT_LOG_N, body64);
	hkdf(NULL, 0, file_key, sizeof file_key, "header", mac_key);
	crypto_auth_hmacsha256(mac, (const unsigned char *)header, (size_t)hl,
			       mac_key);
	sodium_bin2base64(mac64, sizeof mac64, mac, sizeof mac, B64_VARIANT);
	hkdf(nonce, sizeof nonce, file_key, sizeof file_key, "payload", pkey);
	if (write_all(out_fd, header, (size_t)hl) ||
	    write_all(out_fd, " ", 1) ||
	    write_all(out_fd, mac64, strlen(mac64)) ||
	    write_all(out_fd, "\n", 1) ||
	    write_all(out_fd, nonce, sizeof nonce)) {
		rc = mend_err_set(err, MEND_EIO, "cannot write the export: %s",
				  strerror(errno));
		goto out;
	}
	/* A chunk is sealed once the next one is known to exist (or not):
	 * the last one, full or short, carries the final flag. */
	size_t na = read_full(in, a, CHUNK);
	for (uint64_t i = 0;; i++) {
		size_t nb = na == CHUNK ? read_full(in, b, CHUNK) : 0;
		bool last = nb == 0;
		unsigned long long cl;
		if (ferror(in)) {
			rc = mend_err_set(err, MEND_EIO,
					  "cannot read the export back: %s",
					  strerror(errno));
			break;
		}
		chunk_nonce(i, last, cn);
		crypto_aead_chacha20poly1305_ietf_encrypt(ct, &cl, a, na, NULL,
							  0, NULL, cn, pkey);
		if (write_all(out_fd, ct, (size_t)cl)) {
			rc = mend_err_set(err, MEND_EIO,
					  "cannot write the export: %s",
					  strerror(errno));
			break;
		}
		if (last)
			break;
		unsigned char *t = a;
		a = b;
		b = t;
		na = nb;
	}
out:
	if (a)
		sodium_memzero(a, CHUNK);
	if (b)
		sodium_memzero(b, CHUNK);
	free(a);
	free(b);
	free(ct);
	sodium_memzero(file_key, sizeof file_key);
	sodium_memzero(wrap, sizeof wrap);
	sodium_memzero(pkey, sizeof pkey);
	sodium_memzero(mac_key, sizeof mac_key);
	return rc;
}

/* One header line of data from *pos: its length without the newline,
 * or -1 when there is no newline before the end. */
static long line_at(const char *data, size_t len, size_t pos)
{
	const char *nl = pos < len ? memchr(data + pos, '\n', len - pos) : NULL;
	return nl ? (long)(nl - (data + pos)) : -1;
}

static enum mend_rc damaged(struct mend_err *err, const char *what)
{
	return mend_err_set(
	    err, MEND_EBADFILE,
	    "the age file is damaged (%s); nothing was imported", what);
}

enum mend_rc age_open_passphrase(const char *data, size_t len, const char *pass,
				 size_t pass_len, char **out, size_t *out_len,
				 struct mend_err *err)
{
	unsigned char salt[SALT_LEN], body[FILE_KEY_LEN + TAG], wrap[32];
	unsigned char file_key[FILE_KEY_LEN], mac_key[32], mac[32], want[32];
	unsigned char pkey[32], zero12[12] = {0}, cn[12];
	char args[128], salt64[32], body64[64], mac64[48];
	size_t pos = sizeof VERSION_LINE - 1, got, mlen = 0, cap = 0;
	long l;
	int log_n = 0;
	char *plain = NULL;
	enum mend_rc rc = MEND_OK;

	*out = NULL;
	*out_len = 0;
	if (sodium_init() < 0)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (!age_is_scrypt(data, len))
		return damaged(err, "no passphrase stanza");
	/* "-> scrypt SALT N" */
	l = line_at(data, len, pos);
	if (l < 0 || (size_t)l >= sizeof args)
		return damaged(err, "the header");
	memcpy(args, data + pos, (size_t)l);
	args[l] = '\0';
	pos += (size_t)l + 1;
	char *sp = strchr(args + 10, ' ');
	if (!sp || (size_t)(sp - (args + 10)) >= sizeof salt64)
		return damaged(err, "the passphrase stanza");
	memcpy(salt64, args + 10, (size_t)(sp - (args + 10)));
	salt64[sp - (args + 10)] = '\0';
	for (const char *d = sp + 1; *d; d++) {
		if (*d < '0' || *d > '9' || (d == sp + 1 && *d == '0') ||
		    log_n > 100)
			return damaged(err, "the work factor");
		log_n = log_n * 10 + (*d - '0');
	}
	if (log_n < 1 || log_n > AGE_SCRYPT_LOG_N_MAX)
		return mend_err_set(err, MEND_EBADFILE,
				    "the age file asks for a work factor of "
				    "%d, above the %d mend allows",
				    log_n, AGE_SCRYPT_LOG_N_MAX);
	if (sodium_base642bin(salt, sizeof salt, salt64, strlen(salt64), NULL,
			      &got, NULL, B64_VARIANT) != 0 ||
	    got != SALT_LEN)
		return damaged(err, "the salt");
	/* the body: one line of 43 characters (32 bytes) */
	l = line_at(data, len, pos);
	if (l != 43)
		return damaged(err, "the passphrase stanza's body");
	memcpy(body64, data + pos, 43);
	body64[43] = '\0';
	pos += 44;
	if (sodium_base642bin(body, sizeof body, body64, 43, NULL, &got, NULL,
			      B64_VARIANT) != 0 ||
	    got != sizeof body)
		return damaged(err, "the passphrase stanza's body");
	/* the MAC line, and nothing else in the header: a passphrase
	 * stanza is the only one */
	size_t mac_at = pos;
	l = line_at(data, len, pos);
	if (l != 47 || memcmp(data + pos, "--- ", 4) != 0)
		return damaged(err,
			       "the header must hold the passphrase alone");
	memcpy(mac64, data + pos + 4, 43);
	mac64[43] = '\0';
	pos += 48;
	if (sodium_base642bin(want, sizeof want, mac64, 43, NULL, &got, NULL,
			      B64_VARIANT) != 0 ||
	    got != sizeof want)
		return damaged(err, "the header's MAC");
	if (scrypt_key(pass, pass_len, salt, log_n, wrap) != 0)
		return mend_err_set(err, MEND_ENOMEM,
				    "not enough memory for scrypt");
	if (crypto_aead_chacha20poly1305_ietf_decrypt(file_key, NULL, NULL,
						      body, sizeof body, NULL,
						      0, zero12, wrap) != 0) {
		sodium_memzero(wrap, sizeof wrap);
		return mend_err_set(err, MEND_EINVAL,
				    "passphrase: that is not the passphrase "
				    "this export was sealed with; nothing was "
				    "imported");
	}
	sodium_memzero(wrap, sizeof wrap);
	hkdf(NULL, 0, file_key, sizeof file_key, "header", mac_key);
	crypto_auth_hmacsha256(mac, (const unsigned char *)data, mac_at + 3,
			       mac_key);
	if (sodium_memcmp(mac, want, sizeof mac) != 0) {
		rc = damaged(err, "the header's MAC does not match");
		goto out;
	}
	if (len - pos < NONCE_LEN + TAG) {
		rc = damaged(err, "it ends too soon");
		goto out;
	}
	hkdf((const unsigned char *)data + pos, NONCE_LEN, file_key,
	     sizeof file_key, "payload", pkey);
	pos += NONCE_LEN;
	cap = len - pos + 1;
	if (!(plain = malloc(cap))) {
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		goto out;
	}
	mlen = 0;
	for (uint64_t i = 0;; i++) {
		size_t left = len - pos;
		bool last = left <= CHUNK + TAG;
		size_t n = last ? left : CHUNK + TAG;
		unsigned long long pl;
		if (n < TAG || (last && n == TAG && i > 0)) {
			rc = damaged(err, "a chunk is cut short");
			break;
		}
		chunk_nonce(i, last, cn);
		if (crypto_aead_chacha20poly1305_ietf_decrypt(
			(unsigned char *)plain + mlen, &pl, NULL,
			(const unsigned char *)data + pos, n, NULL, 0, cn,
			pkey) != 0) {
			rc = damaged(err, "a chunk does not open");
			break;
		}
		mlen += (size_t)pl;
		pos += n;
		if (last)
			break;
	}
out:
	sodium_memzero(file_key, sizeof file_key);
	sodium_memzero(pkey, sizeof pkey);
	sodium_memzero(mac_key, sizeof mac_key);
	if (rc != MEND_OK) {
		age_free(plain, cap);
		return rc;
	}
	plain[mlen] = '\0';
	*out = plain;
	*out_len = mlen;
	return MEND_OK;
}

static const char *age_program(void)
{
	const char *p = getenv("MEND_AGE");
	return p && *p ? p : AGE_PROGRAM;
}

/* age's first line of complaint, for the message. */
static void read_complaint(int fd, char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;
	char sink[512];

	while (got + 1 < n && (r = read(fd, buf + got, n - 1 - got)) > 0)
		got += (size_t)r;
	while (read(fd, sink, sizeof sink) > 0)
		;
	buf[got] = '\0';
	char *nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
	/* age says "age: error: ..."; keep what follows */
	char *e = strstr(buf, "error: ");
	if (e)
		memmove(buf, e + 7, strlen(e + 7) + 1);
}

/* Run age with argv, standard input from in_fd, standard output to
 * out_fd; its exit status 0 is MEND_OK, anything else MEND_EINVAL
 * with its words after what. */
static enum mend_rc run_age(char *const argv[], int in_fd, int out_fd,
			    const char *what, struct mend_err *err)
{
	int ep[2], status = 0;
	char msg[300];
	pid_t pid;

	if (pipe(ep) != 0)
		return mend_err_set(err, MEND_EIO, "cannot run age: %s",
				    strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(ep[0]);
		close(ep[1]);
		return mend_err_set(err, MEND_EIO, "cannot run age: %s",
				    strerror(errno));
	}
	if (pid == 0) {
		dup2(in_fd, STDIN_FILENO);
		dup2(out_fd, STDOUT_FILENO);
		dup2(ep[1], STDERR_FILENO);
		close(ep[0]);
		close(ep[1]);
		execvp(argv[0], argv);
		dprintf(STDERR_FILENO, "age: error: %s\n", strerror(errno));
		_exit(127);
	}
	close(ep[1]);
	read_complaint(ep[0], msg, sizeof msg);
	close(ep[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return MEND_OK;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: cannot run '%s' (%s); install the "
				    "Debian package age",
				    what, argv[0], *msg ? msg : "not found");
	return mend_err_set(err, MEND_EINVAL, "%s: age refused: %s", what,
			    *msg ? msg : "no reason given");
}

enum mend_rc age_seal_recipients(FILE *in, int out_fd,
				 const char *const *recipients, size_t n,
				 const char *recipients_file,
				 struct mend_err *err)
{
	size_t argc = 0, max = 2 * n + 5;
	char **argv = calloc(max, sizeof *argv);
	enum mend_rc rc;

	if (!argv)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	argv[argc++] = (char *)age_program();
	for (size_t i = 0; i < n; i++) {
		argv[argc++] = "-r";
		argv[argc++] = (char *)recipients[i];
	}
	if (recipients_file) {
		argv[argc++] = "-R";
		argv[argc++] = (char *)recipients_file;
	}
	argv[argc] = NULL;
	if (fflush(in) != 0 || lseek(fileno(in), 0, SEEK_SET) != 0)
		rc = mend_err_set(err, MEND_EIO,
				  "cannot read the export back: %s",
				  strerror(errno));
	else
		rc = run_age(argv, fileno(in), out_fd,
			     recipients_file && !n ? "encrypt-to-file"
						   : "encrypt-to",
			     err);
	free(argv);
	return rc;
}

enum mend_rc age_open_identity(const char *data, size_t len,
			       const char *identity, char **out,
			       size_t *out_len, struct mend_err *err)
{
	char *argv[] = {(char *)age_program(), "-d", "-i", (char *)identity,
			NULL};
	int in = memfd_create("mend-import-in", MFD_CLOEXEC);
	int res = memfd_create("mend-import", MFD_CLOEXEC);
	enum mend_rc rc = MEND_OK;
	char *plain = NULL;
	off_t size = 0;

	*out = NULL;
	*out_len = 0;
	if (in < 0 || res < 0 || write_all(in, data, len) ||
	    lseek(in, 0, SEEK_SET) != 0)
		rc = mend_err_set(err, MEND_EIO, "cannot decrypt: %s",
				  strerror(errno));
	if (rc == MEND_OK)
		rc = run_age(argv, in, res, "identity", err);
	if (rc == MEND_OK && ((size = lseek(res, 0, SEEK_END)) < 0 ||
			      lseek(res, 0, SEEK_SET) != 0))
		rc = mend_err_set(err, MEND_EIO, "cannot read what age opened");
	if (rc == MEND_OK && !(plain = malloc((size_t)size + 1)))
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK) {
		size_t got = 0;
		while (got < (size_t)size) {
			ssize_t r = read(res, plain + got, (size_t)size - got);
			if (r <= 0)
				break;
			got += (size_t)r;
		}
		if (got != (size_t)size)
			rc = mend_err_set(err, MEND_EIO,
					  "cannot read what age opened");
		plain[got] = '\0';
	}
	if (in >= 0)
		close(in);
	if (res >= 0)
		close(res);
	if (rc != MEND_OK) {
		age_free(plain, (size_t)size);
		return rc;
	}
	*out = plain;
	*out_len = (size_t)size;
	return MEND_OK;
}

enum mend_rc age_seal(void *ctx, FILE *plain, int out_fd, struct mend_err *err)
{
	const struct age_seal *s = ctx;

	if (s->pass) {
		if (fflush(plain) != 0 || fseek(plain, 0, SEEK_SET) != 0)
			return mend_err_set(err, MEND_EIO,
					    "cannot read the export back: %s",
					    strerror(errno));
		return age_seal_passphrase(plain, out_fd, s->pass, s->pass_len,
					   err);
	}
	return age_seal_recipients(plain, out_fd, s->recipients,
				   s->n_recipients, s->recipients_file, err);
}

enum mend_rc export_write_sealed(struct journal *j,
				 const struct export_options *o, FILE *out,
				 struct export_counts *counts,
				 struct mend_err *err)
{
	struct export_options plain = *o;
	FILE *m = memfile_new();
	enum mend_rc rc = MEND_OK;

	plain.seal = NULL;
	plain.terminal = false;
	if (!m) {
		return mend_err_set(
		    err, MEND_EIO,
		    "cannot make a memory file for the export: %s",
		    strerror(errno));
	}
	rc = export_write(j, &plain, m, counts, err);
	if (rc == MEND_OK && fflush(out) != 0)
		rc = mend_err_set(err, MEND_EIO, "cannot write the export: %s",
				  strerror(errno));
	if (rc == MEND_OK)
		rc = o->seal(o->seal_ctx, m, fileno(out), err);
	fclose(m);
	return rc;
}
