/* SPDX-License-Identifier: MIT */
/* Wrong passphrases in a row, counted per journal in a small private
 * file beside it ("<journal>.tries", mode 0600), so that a script cannot
 * try passphrases as fast as it can: after UNLOCK_TRIES_FREE wrong ones,
 * each try waits 1 s, then 2 s, 4 s ... up to UNLOCK_TRIES_WAIT_MAX. No
 * terminal: the front end waits and says so. */
#ifndef MEND_UNLOCK_TRIES_H
#define MEND_UNLOCK_TRIES_H

#include <stdbool.h>

#define UNLOCK_TRIES_FREE     3
#define UNLOCK_TRIES_WAIT_MAX 30

/* The seconds to wait before the next try on the journal at path: 0
 * while fewer than UNLOCK_TRIES_FREE wrong ones came in a row (or the
 * count cannot be read). */
int unlock_tries_wait(const char *path);

/* Count a try on the journal at path: a wrong one adds one; a right one
 * removes the count. Best effort: a file that cannot be written is not
 * an error (the passphrase's own cost still slows a guesser). */
void unlock_tries_note(const char *path, bool right);

#endif
