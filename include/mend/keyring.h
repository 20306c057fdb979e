/* SPDX-License-Identifier: MIT */
/* Keeping an encrypted journal's data key for a while after an unlock,
 * in the kernel's session keyring (a "user" key named after the
 * journal's crypt id, readable by its possessor alone, with a timeout),
 * so that the next command or the full-screen journal does not ask for
 * the passphrase again. The key never touches the disk. No terminal;
 * callers pass the id and the minutes (keyring_minutes reads them from
 * the journal). */
#ifndef MEND_KEYRING_H
#define MEND_KEYRING_H

#include <stdbool.h>

#include "mend/err.h"
#include "mend/store.h"

#define KEYRING_KEY_LEN 32
/* How long a key is kept when the journal does not say: 15 minutes. */
#define KEYRING_DEFAULT_MINUTES 15
/* The setting that says it (`mend config unlock-minutes`, 0..1440; 0:
 * never keep). */
#define KEYRING_SETTING	    "unlock_minutes"
#define KEYRING_MINUTES_MAX 1440

/* Keep key for journal id (a printable crypt id) for minutes (1..
 * KEYRING_MINUTES_MAX), replacing any key kept for it. minutes 0 keeps
 * nothing and forgets what was kept. No keyring (a kernel without keys,
 * a container that forbids them) is MEND_EIO with a sentence saying so;
 * callers treat it as "ask every time". */
enum mend_rc keyring_put(const char *id,
			 const unsigned char key[KEYRING_KEY_LEN], int minutes,
			 struct mend_err *err);

/* The key kept for id, into key; MEND_ENOTFOUND when none is kept (or
 * it timed out, or was revoked). On success the timeout starts again
 * from now for minutes (0: leave it), as sudo's timestamp does. */
enum mend_rc keyring_get(const char *id, unsigned char key[KEYRING_KEY_LEN],
			 int minutes, struct mend_err *err);

/* Restart the timeout of the key kept for id (minutes 0 forgets it).
 * Nothing kept: nothing done. */
void keyring_touch(const char *id, int minutes);

/* Forget the key kept for id at once (revoked, then unlinked): the next
 * keyring_get finds nothing. True when a key was there. */
bool keyring_forget(const char *id);

/* The unlock-minutes setting of st (unlocked, or plain), or
 * KEYRING_DEFAULT_MINUTES when unset or unreadable. */
int keyring_minutes(struct store *st);

/* Check a value of the unlock-minutes setting: an integer 0..1440.
 * MEND_EINVAL naming the field otherwise. */
enum mend_rc keyring_check_minutes(const char *s, int *out,
				   struct mend_err *err);

#endif
