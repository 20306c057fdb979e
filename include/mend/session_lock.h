/* SPDX-License-Identifier: MIT */
/* Locking and unlocking an encrypted journal for a long-running front
 * end: the key kept in the session keyring after an unlock (as the
 * command line keeps it), the idle time after which the full-screen
 * journal locks itself ("lock-minutes"), and the lock itself (the keys
 * wiped and the keyring's copy forgotten). No terminal here. */
#ifndef MEND_SESSION_LOCK_H
#define MEND_SESSION_LOCK_H

#include <stdbool.h>

#include "mend/err.h"
#include "mend/journal.h"

/* The setting: minutes without a key before the full-screen journal
 * locks itself, 0..LOCK_MINUTES_MAX (0: never); unset means
 * LOCK_DEFAULT_MINUTES. */
#define LOCK_SETTING	     "lock-minutes"
#define LOCK_DEFAULT_MINUTES 10
#define LOCK_MINUTES_MAX     1440

/* Check a value of lock-minutes: a whole number 0..LOCK_MINUTES_MAX, into
 * *out (may be NULL). MEND_EINVAL naming the field, the value and the
 * range otherwise. */
enum mend_rc session_lock_check_minutes(const char *s, int *out,
					struct mend_err *err);

/* The lock-minutes of the journal (the default when unset, unreadable or
 * locked). */
int session_lock_minutes(struct journal *j);

/* Save lock-minutes (checked as above) in one write. */
enum mend_rc session_lock_set_minutes(struct journal *j, const char *s,
				      struct mend_err *err);

/* Seconds without a key before j locks itself: 0 on a plain journal and
 * when lock-minutes is 0; else lock-minutes * 60, or MEND_LOCK_SECONDS
 * from the environment when it is a whole number 1..86400 (for tests:
 * a lock in seconds, not minutes). */
int session_lock_idle_seconds(struct journal *j);

/* Unlock j with the key the keyring keeps for it (a recent unlock by
 * the command line or another full-screen journal), then read the
 * settings again. True when j is readable afterwards (a plain or already
 * unlocked journal: at once). A key that does not open it is forgotten. */
bool session_lock_from_keyring(struct journal *j);

/* After an unlock by passphrase or recovery key: keep j's key in the
 * keyring for its unlock-minutes, so that the next command does not ask
 * again. Best effort: without a keyring the next command asks. */
void session_lock_keep_key(struct journal *j);

/* Lock j now: the keys wiped (store_lock) and the keyring's copy
 * forgotten, so neither this process nor a command can read the words
 * until the next unlock. Nothing on a plain or locked journal. */
void session_lock_now(struct journal *j);

#endif
