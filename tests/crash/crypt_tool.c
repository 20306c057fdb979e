/* SPDX-License-Identifier: MIT */
/* A test-only driver of the encrypted store, for the shell tests and the
 * crash harness: it is not installed and is no user command. The
 * passphrase comes from MEND_TEST_PASSPHRASE.
 *   crypt-tool encrypt DB         print the recovery key
 *   crypt-tool decrypt DB
 *   crypt-tool write DB N WORD    N entries "WORD i", one commit each,
 *                                 "ok i" printed after each commit
 *   crypt-tool list DB [SEARCH]   every entry (or the matches) opened:
 *                                 "uuid text" a line
 *   crypt-tool recover DB KEY     unlock with the recovery key, count */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/journal.h"
#include "mend/journal_crypt.h"
#include "mend/store_crypt.h"

static const char *pass(void)
{
	const char *p = getenv("MEND_TEST_PASSPHRASE");
	return p ? p : "";
}

static int line(const struct entry *e, void *ctx)
{
	(void)ctx;
	printf("%s %s\n", e->uuid, e->text);
	return 0;
}

static enum mend_rc open_unlocked(struct journal **j, const char *path,
				  struct mend_err *err)
{
	enum mend_rc rc = journal_open(j, path, err);
	if (rc == MEND_OK && store_encrypted((*j)->st))
		rc = store_unlock_passphrase((*j)->st, pass(), strlen(pass()),
					     err);
	if (rc == MEND_OK)
		rc = journal_refresh(*j, err);
	return rc;
}

int main(int argc, char **argv)
{
	struct mend_err err = {""};
	struct journal *j = NULL;
	enum mend_rc rc = MEND_EINVAL;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && strcmp(argv[1], "encrypt") == 0) {
		char rec[CRYPT_RECOVERY_LEN];
		rc = journal_encrypt(argv[2], pass(), strlen(pass()), rec, &err);
		if (rc == MEND_OK)
			printf("%s\n", rec);
	} else if (argc >= 3 && strcmp(argv[1], "decrypt") == 0) {
		rc = journal_decrypt(argv[2], pass(), strlen(pass()), &err);
	} else if (argc >= 5 && strcmp(argv[1], "write") == 0) {
		long n = atol(argv[3]);
		char text[256];
		rc = open_unlocked(&j, argv[2], &err);
		for (long i = 1; rc == MEND_OK && i <= n; i++) {
			struct entry e;
			entry_init(&e);
			e.kind = KIND_REFLECTION;
			snprintf(text, sizeof text, "%s %ld", argv[4], i);
			e.text = text;
			rc = journal_refresh(j, &err);
			if (rc == MEND_OK)
				rc = journal_save_entry(j, &e, NULL, &err);
			if (rc == MEND_OK)
				printf("ok %ld\n", i);
		}
	} else if (argc >= 3 && strcmp(argv[1], "list") == 0) {
		struct journal_query q = {.module = -1, .oldest_first = true};
		q.search = argc > 3 ? argv[3] : NULL;
		rc = open_unlocked(&j, argv[2], &err);
		if (rc == MEND_OK)
			rc = journal_list(j, &q, line, NULL, &err);
	} else if (argc >= 4 && strcmp(argv[1], "recover") == 0) {
		rc = journal_open(&j, argv[2], &err);
		if (rc == MEND_OK)
			rc = store_unlock_recovery(j->st, argv[3], &err);
		long n = 0;
		if (rc == MEND_OK)
			rc = store_entry_count(j->st, -1, NULL, &n, &err);
		if (rc == MEND_OK)
			printf("%ld\n", n);
	} else {
		snprintf(err.msg, sizeof err.msg,
			 "usage: crypt-tool encrypt|decrypt|write|list|recover "
			 "DB ...");
	}
	journal_close(j);
	if (rc != MEND_OK)
		fprintf(stderr, "crypt-tool: %s\n", err.msg);
	return mend_rc_exit(rc);
}
