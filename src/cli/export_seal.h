/* SPDX-License-Identifier: MIT */
/* The --encrypt options of `mend export` and the age side of `mend
 * import`: which passphrase or recipients, asked and checked before the
 * journal is read, and the warning when an encrypted journal is exported
 * as plaintext. */
#ifndef MEND_CLI_EXPORT_SEAL_H
#define MEND_CLI_EXPORT_SEAL_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "mend/export.h"
#include "mend/export_age.h"

#define EXPORT_SEAL_MAX_RECIPIENTS 16

struct export_seal {
	bool on;	 /* --encrypt, --encrypt-to or --encrypt-to-file */
	bool passphrase; /* --encrypt */
	char *pass;	 /* the export's passphrase (passphrase_free) */
	char *list;	 /* a copy of --encrypt-to, split at commas */
	const char *recipients[EXPORT_SEAL_MAX_RECIPIENTS];
	size_t n;
	const char *file; /* --encrypt-to-file */
	struct age_seal age;
};

/* Read and check the options into s (zeroed first): bad ones print the
 * error and return 2, nothing asked or read. path is --output (NULL:
 * standard output, which must not be a terminal for a sealed export). */
int cli_export_seal_options(struct cli *c, const struct args *a,
			    const char *path, struct export_seal *s);

/* Before writing: ask the export's passphrase (--encrypt) and point o at
 * the seal; without one, warn on stderr when j is encrypted that the
 * export is plaintext. Returns 0, or the exit code after the error. */
int cli_export_seal_begin(struct cli *c, struct journal *j,
			  struct export_seal *s, struct export_options *o);

/* Free what s holds (the passphrase wiped). */
void cli_export_seal_end(struct export_seal *s);

/* For `mend import`: when data[0..*len) is an age file, replace it with
 * its plaintext, opened with identity (--identity FILE) or, for a file
 * sealed to a passphrase, the passphrase asked (MEND_PASSPHRASE_FOR=
 * import). *data is freed and replaced (caller frees the new one with
 * free). Not an age file: nothing done. Returns 0, or the exit code
 * after the error. */
int cli_import_open_age(struct cli *c, const char *identity, char **data,
			size_t *len);

#endif
