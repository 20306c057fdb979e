/* SPDX-License-Identifier: MIT */
/* Exports sealed in age's file format (age-encryption.org/v1), so that
 * an export of an encrypted journal need not be plaintext anywhere: to a
 * passphrase (age's scrypt recipient, written here with libsodium) or to
 * age X25519 recipients (through Debian's age binary), and read back the
 * same two ways. Plaintext stays in memory and in pipes, never in a
 * file. No terminal: passphrases come from the caller. */
#ifndef MEND_EXPORT_AGE_H
#define MEND_EXPORT_AGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mend/err.h"
#include "mend/export.h"

/* scrypt's work factor (log2 N) written: age's own default. */
#define AGE_SCRYPT_LOG_N 18
/* The largest work factor read back (as age itself allows). */
#define AGE_SCRYPT_LOG_N_MAX 22
/* The age binary run for recipients and identities: $MEND_AGE, else
 * "age" on PATH. */
#define AGE_PROGRAM "age"

/* True when data begins like an age file (binary or armored). */
bool age_is_age(const char *data, size_t len);

/* True when data is a binary age file sealed to a passphrase (its one
 * stanza is "scrypt"). */
bool age_is_scrypt(const char *data, size_t len);

/* Seal everything in (read from its current position to its end) to a
 * passphrase, writing the age file to out_fd. A read or write error is
 * MEND_EIO; out of memory MEND_ENOMEM. */
enum mend_rc age_seal_passphrase(FILE *in, int out_fd, const char *pass,
				 size_t pass_len, struct mend_err *err);

/* Seal everything in to age recipients with the age binary, writing to
 * out_fd: each of the n recipients ("age1..." or an SSH public key),
 * and the recipients in the file recipients_file (NULL: none). At least
 * one of the two. in must have a file descriptor (a memory file, a
 * regular file); it is read from its start. The age binary missing, or
 * refusing a recipient, is MEND_EINVAL with age's own words. */
enum mend_rc age_seal_recipients(FILE *in, int out_fd,
				 const char *const *recipients, size_t n,
				 const char *recipients_file,
				 struct mend_err *err);

/* Open a binary age file sealed to a passphrase: *out is the plaintext
 * (malloc'ed, caller wipes and frees with age_free), *out_len its length.
 * A wrong passphrase is MEND_EINVAL saying so; a damaged file
 * MEND_EBADFILE. */
enum mend_rc age_open_passphrase(const char *data, size_t len, const char *pass,
				 size_t pass_len, char **out, size_t *out_len,
				 struct mend_err *err);

/* Open an age file with the identity file identity (age -d -i), data
 * given in memory. *out as for age_open_passphrase. */
enum mend_rc age_open_identity(const char *data, size_t len,
			       const char *identity, char **out,
			       size_t *out_len, struct mend_err *err);

/* What age_seal seals to: a passphrase (pass non-NULL), or recipients
 * and/or a file of them. Borrowed by the call. */
struct age_seal {
	const char *pass;
	size_t pass_len;
	const char *const *recipients;
	size_t n_recipients;
	const char *recipients_file;
};

/* An export_options seal (ctx is a struct age_seal): the passphrase or
 * the recipients, as given. */
enum mend_rc age_seal(void *ctx, FILE *plain, int out_fd, struct mend_err *err);

/* export_write for o->seal set: the export is written into a memory
 * file (never a file on disk), then o->seal writes it sealed to out. */
enum mend_rc export_write_sealed(struct journal *j,
				 const struct export_options *o, FILE *out,
				 struct export_counts *counts,
				 struct mend_err *err);

/* Wipe and free a plaintext from age_open_* (NULL is fine). */
void age_free(char *p, size_t len);

#endif
