/* SPDX-License-Identifier: MIT */
/* Sealed exports and imports on the command line: the options, the
 * passphrase, and the word of warning for a plaintext export of an
 * encrypted journal. The sealing itself is the core's (export_age.c). */
#include "export_seal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypt_cli.h"
#include "passphrase.h"

static bool is_recipient(const char *r)
{
	return strncmp(r, "age1", 4) == 0 ||
	       strncmp(r, "ssh-ed25519 ", 12) == 0 ||
	       strncmp(r, "ssh-rsa ", 8) == 0;
}

int cli_export_seal_options(struct cli *c, const struct args *a,
			    const char *path, struct export_seal *s)
{
	const struct opt_spec *opts = cmd_export.opts;
	const char *to = args_get(opts, a, "encrypt-to");

	memset(s, 0, sizeof *s);
	s->passphrase = args_get(opts, a, "encrypt") != NULL;
	s->file = args_get(opts, a, "encrypt-to-file");
	s->on = s->passphrase || to || s->file;
	if (!s->on)
		return 0;
	if (s->passphrase && (to || s->file))
		return cli_usage_error(c, "encrypt: seal to a passphrase "
					  "(--encrypt) or to age recipients "
					  "(--encrypt-to, --encrypt-to-file), "
					  "not both");
	if (to) {
		if (!*to)
			return cli_usage_error(c, "encrypt-to: empty; give an "
						  "age recipient (age1...)");
		if (!(s->list = strdup(to)))
			return cli_fail(c, mend_err_set(&c->err, MEND_ENOMEM,
							"out of memory"));
		for (char *p = s->list, *next; p; p = next) {
			next = strchr(p, ',');
			if (next)
				*next++ = '\0';
			int rc = 0;
			if (s->n == EXPORT_SEAL_MAX_RECIPIENTS)
				rc = cli_usage_error(
				    c,
				    "encrypt-to: more than %d recipients; put "
				    "them in a file for --encrypt-to-file",
				    EXPORT_SEAL_MAX_RECIPIENTS);
			else if (!is_recipient(p))
				rc = cli_usage_error(
				    c,
				    "encrypt-to: '%.70s' is not an age "
				    "recipient (age1..., or an SSH public "
				    "key); separate several with commas",
				    p);
			if (rc) {
				cli_export_seal_end(s);
				return rc;
			}
			s->recipients[s->n++] = p;
		}
	}
	if (s->file && (!*s->file || access(s->file, R_OK) != 0)) {
		int rc = cli_usage_error(
		    c,
		    "encrypt-to-file: cannot read '%.200s': "
		    "%s; give a file of age recipients, "
		    "one a line",
		    s->file, *s->file ? strerror(errno) : "empty name");
		cli_export_seal_end(s);
		return rc;
	}
	if (!path && isatty(STDOUT_FILENO)) {
		cli_export_seal_end(s);
		return cli_usage_error(c,
				       "output: a sealed export is binary and "
				       "not for the terminal; give -o FILE "
				       "or redirect it");
	}
	return 0;
}

int cli_export_seal_begin(struct cli *c, struct journal *j,
			  struct export_seal *s, struct export_options *o)
{
	enum mend_rc rc;

	if (!s->on) {
		if (cli_journal_is_encrypted(j))
			fputs(
			    "mend export: warning: the journal is encrypted, "
			    "but this export is plaintext: anyone who can read "
			    "the file can read every word (--encrypt seals it "
			    "with a passphrase)\n",
			    stderr);
		return 0;
	}
	if (s->passphrase) {
		size_t len = 0;
		rc = passphrase_read(PASS_EXPORT,
				     "A passphrase for this export: ",
				     "The same passphrase again: ", &s->pass,
				     &len, NULL, &c->err);
		if (rc == MEND_ENOTFOUND)
			rc = mend_err_set(&c->err, MEND_EINVAL,
					  "encrypt: no terminal to ask the "
					  "export's passphrase on; set "
					  "MEND_PASSPHRASE_COMMAND (it is run "
					  "with MEND_PASSPHRASE_FOR=export)");
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		s->age.pass = s->pass;
		s->age.pass_len = len;
	} else {
		s->age.recipients = s->recipients;
		s->age.n_recipients = s->n;
		s->age.recipients_file = s->file;
	}
	o->seal = age_seal;
	o->seal_ctx = &s->age;
	return 0;
}

void cli_export_seal_end(struct export_seal *s)
{
	passphrase_free(s->pass);
	free(s->list);
	memset(s, 0, sizeof *s);
}

int cli_import_open_age(struct cli *c, const char *identity, char **data,
			size_t *len)
{
	char *plain = NULL, *pass = NULL;
	size_t plain_len = 0, pass_len = 0;
	enum mend_rc rc;

	if (!age_is_age(*data, *len)) {
		if (identity)
			return cli_usage_error(c, "identity: the file is not "
						  "sealed with age, so no "
						  "identity is needed");
		return 0;
	}
	if (identity) {
		rc = age_open_identity(*data, *len, identity, &plain,
				       &plain_len, &c->err);
	} else if (age_is_scrypt(*data, *len)) {
		rc = passphrase_read(PASS_IMPORT,
				     "The passphrase this export was sealed "
				     "with: ",
				     NULL, &pass, &pass_len, NULL, &c->err);
		if (rc == MEND_ENOTFOUND)
			rc = mend_err_set(
			    &c->err, MEND_EINVAL,
			    "file: sealed with a passphrase, and "
			    "there is no terminal to ask it on; "
			    "set MEND_PASSPHRASE_COMMAND (it is "
			    "run with MEND_PASSPHRASE_FOR=import)");
		if (rc == MEND_OK)
			rc = age_open_passphrase(*data, *len, pass, pass_len,
						 &plain, &plain_len, &c->err);
		passphrase_free(pass);
	} else {
		rc =
		    mend_err_set(&c->err, MEND_EINVAL,
				 "identity: the file is sealed to an age key; "
				 "give its identity file with --identity FILE");
	}
	if (rc != MEND_OK) {
		cli_fail(c, rc);
		cli_print_error(c, "nothing was imported.");
		return c->exit_code;
	}
	age_free(*data, *len);
	*data = plain;
	*len = plain_len;
	return 0;
}
