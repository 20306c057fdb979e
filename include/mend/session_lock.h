/* SPDX-License-Identifier: MIT */
/* Locking and unlocking an encrypted journal, for the command line and
 * the full-screen journal alike: the key kept after an unlock (in the
 * session's kernel keyring, and in the desktop's Secret Service for a
 * journal that opted in), the idle time after which the full-screen
 * journal locks itself ("lock-minutes"), and the lock itself (the keys
 * wiped and every kept copy forgotten). No terminal here. */
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

/* The setting that opts in to the desktop's Secret Service: present
 * ("on") when the key is also kept there, absent otherwise. Its presence
 * is readable while locked (the value is sealed like every setting's). */
#define DESKTOP_SETTING "secret-service"

/* True when j is encrypted and opted in to the desktop's Secret Service. */
bool session_lock_uses_desktop(struct journal *j);

/* Opt in (on) or out. On: the key is put in the desktop's Secret Service
 * now, and the setting saved only once it is there (MEND_EIO with a
 * sentence when the service cannot be reached: nothing saved). Off: the
 * setting removed and the desktop's copy forgotten. Needs j encrypted
 * (MEND_EINVAL naming the field) and unlocked (MEND_ELOCKED). */
enum mend_rc session_lock_set_desktop(struct journal *j, bool on,
				      struct mend_err *err);

/* Unlock j's store with a kept key: the kernel keyring's first; then,
 * when desktop is true and j opted in, the desktop's Secret Service's
 * (put back in the kernel keyring, so the next command skips the
 * desktop's round trip). The settings are not read again. True when j is
 * readable afterwards (a plain or unlocked journal: at once). A key that
 * does not open it is forgotten. The status line passes desktop false: a
 * prompt must not wait on D-Bus. */
bool session_lock_unlock_kept(struct journal *j, bool desktop);

/* session_lock_unlock_kept(j, true), then the settings read again (for a
 * front end that opened the journal locked). */
bool session_lock_from_keyring(struct journal *j);

/* After an unlock by passphrase or recovery key: keep j's key in the
 * kernel keyring for its unlock-minutes, so that the next command does
 * not ask again, and in the desktop's Secret Service when j opted in.
 * The kernel keyring is best effort (without one the next command asks);
 * the desktop's failure is returned (MEND_EIO with a sentence) for the
 * caller to mention. */
enum mend_rc session_lock_keep_key(struct journal *j, struct mend_err *err);

/* Lock j now: the keys wiped (store_lock) and every kept copy forgotten
 * (the kernel keyring's, and the desktop's when j opted in), so neither
 * this process nor a command can read the words until the next unlock.
 * *was (may be NULL): whether a copy was kept. MEND_EIO when the
 * desktop's copy could not be forgotten (the service unreachable); the
 * journal is locked in this process either way. Nothing on a plain or
 * locked journal. */
enum mend_rc session_lock_now(struct journal *j, bool *was,
			      struct mend_err *err);

#endif
