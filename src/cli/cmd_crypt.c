/* SPDX-License-Identifier: MIT */
/* Encryption at rest on the command line: `mend encrypt`, `decrypt`,
 * `passphrase`, `unlock` and `lock`, and the one unlock path every
 * other command goes through (keyring, MEND_PASSPHRASE_COMMAND, the
 * terminal). The sealing is the core's; this file asks and tells. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "crypt_cli.h"
#include "mend/desktop_keyring.h"
#include "mend/journal_crypt.h"
#include "mend/keyring.h"
#include "mend/session_lock.h"
#include "mend/store_crypt.h"
#include "mend/unlock_tries.h"
#include "passphrase.h"

#define LOCKED_HOWTO                                                           \
	"the journal is locked (it is encrypted): run 'mend unlock' (or set "  \
	"MEND_PASSPHRASE_COMMAND)"
#define TTY_TRIES 3

bool cli_journal_is_encrypted(const struct journal *j)
{
	return j && j->st && store_encrypted(j->st);
}

int cli_unlock_minutes(struct journal *j)
{
	return keyring_minutes(j->st);
}

/* Keep the unlocked journal's key for its unlock-minutes (and in the
 * desktop's keyring when the journal opted in). The kernel keyring is
 * best effort; a desktop keyring that cannot be reached is mentioned,
 * never a failure: the journal is unlocked either way. */
static void keep_key(struct journal *j)
{
	struct mend_err err = {""};

	if (session_lock_keep_key(j, &err) != MEND_OK)
		fprintf(stderr, "mend: note: %s; the next command may ask for "
				"the passphrase\n",
			err.msg);
}

static bool from_keyring(struct journal *j)
{
	return session_lock_unlock_kept(j, true);
}

/* Wait out the growing delay after wrong passphrases, saying so. */
static void wait_turn(const char *path)
{
	int s = unlock_tries_wait(path);
	if (s > 0) {
		char msg[160];
		snprintf(msg, sizeof msg,
			 "mend: after several wrong passphrases, waiting %d "
			 "second%s before the next try.",
			 s, s == 1 ? "" : "s");
		passphrase_say(msg);
		sleep((unsigned)s);
	}
}

/* Ask for the passphrase (or the recovery key) and unlock st with it:
 * up to TTY_TRIES times on a terminal, once from a command. Every try,
 * right or wrong, is counted beside the journal. */
static enum mend_rc ask_unlock(struct store *st, bool recovery,
			       struct mend_err *err)
{
	const char *path = store_path(st);
	enum mend_rc rc = MEND_EAUTH;

	for (int i = 0; i < TTY_TRIES && rc == MEND_EAUTH; i++) {
		char *p = NULL;
		size_t len = 0;
		bool cmd = false;
		wait_turn(path);
		rc = passphrase_read(PASS_UNLOCK,
				     recovery ? "Recovery key: "
					      : "Passphrase for your journal: ",
				     NULL, &p, &len, &cmd, err);
		if (rc == MEND_ENOTFOUND)
			return mend_err_set(err, MEND_ELOCKED, LOCKED_HOWTO);
		if (rc != MEND_OK)
			return rc;
		rc = recovery ? store_unlock_recovery(st, p, err)
			      : store_unlock_passphrase(st, p, len, err);
		passphrase_free(p);
		if (rc == MEND_EAUTH || rc == MEND_OK)
			unlock_tries_note(path, rc == MEND_OK);
		if (rc == MEND_EAUTH) {
			mend_err_set(err, MEND_EAUTH,
				     "that %s does not open this journal; "
				     "nothing was changed",
				     recovery ? "recovery key" : "passphrase");
			if (cmd)
				break;
			if (i + 1 < TTY_TRIES)
				passphrase_say(
				    "That does not open the journal. "
				    "Take your time and try again.");
		}
	}
	return rc;
}

int cli_unlock(struct cli *c, struct journal *j, bool may_ask)
{
	enum mend_rc rc;

	if (!j || !j->st || !store_encrypted(j->st) || store_unlocked(j->st))
		return 0;
	if (!from_keyring(j)) {
		if (!may_ask)
			return cli_fail(c, mend_err_set(&c->err, MEND_ELOCKED,
							LOCKED_HOWTO));
		rc = ask_unlock(j->st, false, &c->err);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		keep_key(j);
	}
	rc = journal_refresh(j, &c->err);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

bool cli_unlock_quiet(struct journal *j)
{
	if (!j || !j->st || !store_encrypted(j->st) || store_unlocked(j->st))
		return true;
	return session_lock_unlock_kept(j, false) &&
	       journal_refresh(j, NULL) == MEND_OK;
}

/* The journal opened as it is, locked or not (the crypt commands decide
 * how to unlock). */
static struct journal *open_as_is(struct cli *c, bool create)
{
	enum mend_rc rc = create ? journal_open(&c->j, c->db, &c->err)
				 : journal_open_read(&c->j, c->db, &c->err);
	if (rc != MEND_OK) {
		c->j = NULL;
		cli_fail(c, rc);
	}
	return c->j;
}

static int not_encrypted(struct cli *c, const char *what)
{
	return cli_usage_error(c,
			       "the journal is not encrypted, so there is "
			       "nothing to %s; 'mend encrypt' encrypts it",
			       what);
}

/* The journal's path, closed so it can be converted. *out is malloc'ed. */
static int take_path(struct cli *c, char **out)
{
	*out = strdup(store_path(c->j->st));
	journal_close(c->j);
	c->j = NULL;
	if (!*out)
		return cli_fail(
		    c, mend_err_set(&c->err, MEND_ENOMEM, "out of memory"));
	return 0;
}

/* --- mend encrypt --- */

/* for the commands that take no option */
static const struct opt_spec no_opts[] = {
    {NULL, 0, false},
};

static const struct opt_spec encrypt_opts[] = {
    {"no-recovery-key", 0, false},
    {NULL, 0, false},
};

static void show_recovery(const char *key)
{
	printf(
	    "\nYour recovery key (shown this once, never kept by mend):\n"
	    "\n    %s\n\n"
	    "Write it down or print it, and keep it somewhere safe, away\n"
	    "from this computer. If the passphrase is ever forgotten, this\n"
	    "key opens the journal ('mend passphrase --recovery-key' sets a\n"
	    "new passphrase with it). Without the passphrase or this key\n"
	    "no one can open the journal: not you, not mend, not anyone.\n",
	    key);
}

static int run_encrypt(struct cli *c, const struct args *a)
{
	bool no_key = args_get(cmd_encrypt.opts, a, "no-recovery-key") != NULL;
	char recovery[CRYPT_RECOVERY_LEN];
	char *path = NULL, *pass = NULL;
	size_t len = 0;
	enum mend_rc rc;
	int ret;

	if (!open_as_is(c, true))
		return 1;
	if (store_encrypted(c->j->st))
		return cli_usage_error(c, "the journal is already encrypted; "
					  "'mend passphrase' changes its "
					  "passphrase");
	if ((ret = take_path(c, &path)) != 0)
		return ret;
	rc = passphrase_read(PASS_NEW, "A passphrase for your journal: ",
			     "The same passphrase again: ", &pass, &len, NULL,
			     &c->err);
	if (rc == MEND_ENOTFOUND)
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "passphrase: no terminal to ask it on; set "
				  "MEND_PASSPHRASE_COMMAND (it is run with "
				  "MEND_PASSPHRASE_FOR=new)");
	if (rc == MEND_OK)
		rc = journal_encrypt(path, pass, len, no_key ? NULL : recovery,
				     &c->err);
	if (rc != MEND_OK) {
		passphrase_free(pass);
		free(path);
		return cli_fail(c, rc);
	}
	/* the commands that follow find the key in the keyring */
	c->db = NULL;
	if (journal_open(&c->j, path, &c->err) == MEND_OK &&
	    store_unlock_passphrase(c->j->st, pass, len, NULL) == MEND_OK)
		keep_key(c->j);
	passphrase_free(pass);
	free(path);
	printf("Your journal is encrypted. Everything you wrote is sealed "
	       "with your\npassphrase; mend asks for it again after %d "
	       "minutes, or after 'mend lock'.\n",
	       c->j ? cli_unlock_minutes(c->j) : KEYRING_DEFAULT_MINUTES);
	if (no_key)
		printf("\nNo recovery key was made, as you asked: a forgotten "
		       "passphrase\ncannot be recovered, by anyone. If you "
		       "change your mind,\n'mend passphrase --new-recovery-key' "
		       "makes one.\n");
	else
		show_recovery(recovery);
	memset(recovery, 0, sizeof recovery);
	return 0;
}

const struct command cmd_encrypt = {
    .name = "encrypt",
    .run = run_encrypt,
    .opts = encrypt_opts,
    .max_pos = 0,
    .usage = "mend encrypt [--no-recovery-key]",
    .summary = "seal the journal with a passphrase",
    .help =
	"Encrypt the journal: every word you wrote is sealed with a key\n"
	"that only your passphrase (asked twice, or read from\n"
	"MEND_PASSPHRASE_COMMAND run with MEND_PASSPHRASE_FOR=new)\n"
	"opens. The journal is rebuilt beside the old one and put in its\n"
	"place at the end; interrupted, the plain journal stays whole.\n"
	"A recovery key is shown once: it opens the journal if the\n"
	"passphrase is forgotten. Without the passphrase or the recovery\n"
	"key, no one can open the journal.\n"
	"\n"
	"      --no-recovery-key   make no recovery key (a forgotten\n"
	"                          passphrase is then lost for good;\n"
	"                          'mend passphrase --new-recovery-key'\n"
	"                          makes one later)\n",
};

/* --- mend decrypt --- */

static int run_decrypt(struct cli *c, const struct args *a)
{
	char *path = NULL;
	unsigned char *key = crypt_secret_new(CRYPT_KEY_LEN);
	enum mend_rc rc = key ? MEND_OK : MEND_ENOMEM;
	char id[80] = "";
	int ret = 0;

	(void)a;
	if (rc != MEND_OK)
		return cli_fail(c, mend_err_set(&c->err, rc, "out of memory"));
	if (!open_as_is(c, false) || c->j->missing ||
	    !store_encrypted(c->j->st)) {
		crypt_secret_free(key);
		return c->j ? not_encrypted(c, "decrypt") : 1;
	}
	snprintf(id, sizeof id, "%s", store_crypt_id(c->j->st));
	bool desktop = session_lock_uses_desktop(c->j);
	/* asked even when the keyring holds the key: this undoes the
	 * protection, so the person says it is them */
	if (!store_unlocked(c->j->st))
		rc = ask_unlock(c->j->st, false, &c->err);
	if (rc == MEND_OK)
		rc = store_export_key(c->j->st, key);
	if (rc == MEND_OK && (ret = take_path(c, &path)) == 0)
		rc = journal_decrypt_key(path, key, &c->err);
	crypt_secret_free(key);
	free(path);
	if (ret)
		return ret;
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	keyring_forget(id);
	struct mend_err ferr = {""};
	if (desktop && desktop_keyring_forget(id, &ferr) == MEND_EIO)
		fprintf(stderr, "mend: note: %s\n", ferr.msg);
	printf("Your journal is plain again: no passphrase is asked, and\n"
	       "anyone who can read the file can read what you wrote.\n");
	return 0;
}

const struct command cmd_decrypt = {
    .name = "decrypt",
    .run = run_decrypt,
    .opts = no_opts,
    .max_pos = 0,
    .usage = "mend decrypt",
    .summary = "make an encrypted journal plain again",
    .help = "Ask for the passphrase and turn the journal back into a plain\n"
	    "one, every entry kept. As with 'mend encrypt', it is rebuilt\n"
	    "beside the old one, which stays whole if anything goes wrong.\n",
};

/* --- mend passphrase --- */

static const struct opt_spec passphrase_opts[] = {
    {"recovery-key", 0, false},
    {"new-recovery-key", 0, false},
    {NULL, 0, false},
};

/* mend passphrase --new-recovery-key: the journal unlocked by
 * run_passphrase, a new recovery key in place of the old one (or of
 * none), shown once. */
static int new_recovery_key(struct cli *c)
{
	char *recovery = (char *)crypt_secret_new(CRYPT_RECOVERY_LEN);
	enum mend_rc rc = recovery ? MEND_OK
				   : mend_err_set(&c->err, MEND_ENOMEM,
						  "out of memory");
	bool had = store_check_recovery(c->j->st, NULL) == MEND_OK;

	if (rc == MEND_OK)
		rc = store_new_recovery_key(c->j->st, recovery, &c->err);
	if (rc == MEND_OK) {
		keep_key(c->j);
		printf("%s\n", had ? "A new recovery key is made, and the old "
				     "one no longer opens the journal.\nThe "
				     "passphrase still does."
				   : "Your journal has a recovery key now. The "
				     "passphrase still opens it too.");
		show_recovery(recovery);
	}
	crypt_secret_free(recovery);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

static int run_passphrase(struct cli *c, const struct args *a)
{
	bool recovery =
	    args_get(cmd_passphrase.opts, a, "recovery-key") != NULL;
	bool new_key =
	    args_get(cmd_passphrase.opts, a, "new-recovery-key") != NULL;
	char *pass = NULL;
	size_t len = 0;
	enum mend_rc rc;

	if (recovery && new_key)
		return cli_usage_error(
		    c, "--recovery-key and --new-recovery-key go one at a "
		       "time: set a new passphrase with the recovery key "
		       "first, then make a new recovery key with it");
	if (!open_as_is(c, false) || c->j->missing ||
	    !store_encrypted(c->j->st))
		return c->j ? not_encrypted(c, "change") : 1;
	/* nothing to ask for: say so before asking */
	if (recovery && (rc = store_check_recovery(c->j->st, &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	/* the old secret always, even with a key in the keyring: whoever
	 * sits at an unlocked session must not lock the owner out (nor
	 * walk away with a recovery key of their own) */
	store_lock(c->j->st);
	rc = ask_unlock(c->j->st, recovery, &c->err);
	if (rc == MEND_OK && new_key)
		return new_recovery_key(c);
	if (rc == MEND_OK)
		rc = passphrase_read(PASS_NEW, "The new passphrase: ",
				     "The new passphrase again: ", &pass, &len,
				     NULL, &c->err);
	if (rc == MEND_ENOTFOUND)
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "passphrase: no terminal to ask the new one "
				  "on; set MEND_PASSPHRASE_COMMAND (it is run "
				  "with MEND_PASSPHRASE_FOR=new)");
	if (rc == MEND_OK)
		rc = store_change_passphrase(c->j->st, pass, len, &c->err);
	passphrase_free(pass);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	keep_key(c->j);
	if (store_check_recovery(c->j->st, NULL) == MEND_OK)
		printf("The passphrase is changed. The old one no longer opens "
		       "the journal;\nyour recovery key still does.\n");
	else
		printf("The passphrase is changed. The old one no longer opens "
		       "the journal.\n");
	return 0;
}

const struct command cmd_passphrase = {
    .name = "passphrase",
    .run = run_passphrase,
    .opts = passphrase_opts,
    .max_pos = 0,
    .usage = "mend passphrase [--recovery-key | --new-recovery-key]",
    .summary = "change the encrypted journal's passphrase",
    .help = "Change the passphrase: the current one first, then the new one\n"
	    "twice. From MEND_PASSPHRASE_COMMAND, the current one is asked\n"
	    "with MEND_PASSPHRASE_FOR=unlock and the new one with\n"
	    "MEND_PASSPHRASE_FOR=new. Only the passphrase changes: the\n"
	    "entries and the recovery key stay as they are.\n"
	    "\n"
	    "      --recovery-key       give the recovery key instead of the\n"
	    "                           current passphrase (a forgotten one)\n"
	    "      --new-recovery-key   keep the passphrase, and make a new\n"
	    "                           recovery key (shown once) in place of\n"
	    "                           the old one, which stops working; for\n"
	    "                           a lost key, or a journal encrypted\n"
	    "                           without one\n",
};

/* --- mend unlock, mend lock --- */

static int run_unlock(struct cli *c, const struct args *a)
{
	enum mend_rc rc = MEND_OK;
	bool kept;

	(void)a;
	if (!open_as_is(c, false) || c->j->missing ||
	    !store_encrypted(c->j->st))
		return c->j ? not_encrypted(c, "unlock") : 1;
	kept = from_keyring(c->j);
	if (!kept)
		rc = ask_unlock(c->j->st, false, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	int minutes = cli_unlock_minutes(c->j);
	if (!kept)
		keep_key(c->j);
	bool desktop = session_lock_uses_desktop(c->j);
	if (minutes == 0 && !desktop)
		printf(
		    "Unlocked for this command only: unlock-minutes is 0, so "
		    "the key\nis not kept and every command asks.\n");
	else if (minutes == 0)
		printf("Unlocked. unlock-minutes is 0, but secret-service is "
		       "on: the desktop's\nkeyring keeps the key until 'mend "
		       "lock', so commands open without asking\n('mend config "
		       "secret-service off' to be asked every time).\n");
	else
		printf("%s for %d minute%s in this session; 'mend lock' "
		       "locks it now.\n",
		       kept ? "Already unlocked; kept" : "Unlocked", minutes,
		       minutes == 1 ? "" : "s");
	if (minutes > 0 && !kept && desktop)
		printf("The desktop's keyring keeps the key too, until 'mend "
		       "lock'.\n");
	return 0;
}

const struct command cmd_unlock = {
    .name = "unlock",
    .run = run_unlock,
    .opts = no_opts,
    .max_pos = 0,
    .usage = "mend unlock",
    .summary = "open the encrypted journal for a while",
    .help = "Ask for the passphrase once and keep the journal's key in this\n"
	    "session's kernel keyring (never on disk) for unlock-minutes (15\n"
	    "unless 'mend config unlock-minutes N' says otherwise; each\n"
	    "command that uses it starts the time again). Until then, mend's\n"
	    "commands and the full-screen journal do not ask again.\n",
};

static int run_lock(struct cli *c, const struct args *a)
{
	(void)a;
	if (!open_as_is(c, false) || c->j->missing ||
	    !store_encrypted(c->j->st))
		return c->j ? not_encrypted(c, "lock") : 1;
	bool was = false;
	enum mend_rc rc = session_lock_now(c->j, &was, &c->err);
	if (rc != MEND_OK) /* the kernel's copy is gone; the desktop's not */
		return cli_fail(c, rc);
	printf("%s The next command asks for the passphrase.\n",
	       was ? "Locked." : "The journal was already locked.");
	return 0;
}

const struct command cmd_lock = {
    .name = "lock",
    .run = run_lock,
    .opts = no_opts,
    .max_pos = 0,
    .usage = "mend lock",
    .summary = "forget the encrypted journal's key now",
    .help = "Forget the key 'mend unlock' kept in the session keyring, at\n"
	    "once, and the desktop's copy when 'mend config secret-service'\n"
	    "is on: the next command asks for the passphrase again.\n",
};
