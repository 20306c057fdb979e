/* SPDX-License-Identifier: MIT */
/* Unlocking an encrypted journal on the command line, in one place:
 * the key kept in the session keyring, else MEND_PASSPHRASE_COMMAND,
 * else the terminal. cli_journal and cli_journal_read call it on every
 * journal they open; the crypt commands (cmd_crypt.c) use its parts. */
#ifndef MEND_CLI_CRYPT_H
#define MEND_CLI_CRYPT_H

#include <stdbool.h>

#include "cli.h"

/* True when j's journal is encrypted (locked or not). */
bool cli_journal_is_encrypted(const struct journal *j);

/* Make j readable: nothing on a plain or unlocked journal; else the
 * keyring's key, then the passphrase (when may_ask). After an unlock by
 * passphrase the key is kept in the keyring for the journal's
 * unlock-minutes, and a key found there starts its timeout again; the
 * settings are read again (they are sealed). Returns 0, or the exit code
 * after printing the error (a wrong passphrase: 1; nothing to ask with:
 * 1, saying how to unlock). */
int cli_unlock(struct cli *c, struct journal *j, bool may_ask);

/* The kernel keyring alone, never asking and never the desktop's Secret
 * Service (a prompt must not wait on D-Bus): true when j is readable
 * after it. */
bool cli_unlock_quiet(struct journal *j);

/* The unlock-minutes setting of the unlocked journal j (default
 * KEYRING_DEFAULT_MINUTES). */
int cli_unlock_minutes(struct journal *j);

#endif
