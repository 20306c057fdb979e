/* SPDX-License-Identifier: MIT */
/* Keeping an encrypted journal's data key in the desktop's Secret Service
 * (GNOME Keyring, KeePassXC, KWallet's bridge), for someone who opts in
 * with `mend config secret-service on`: the desktop's own keyring, opened
 * by the desktop login, keeps the key across logins and reboots until
 * `mend lock`. One item per journal, found by its crypt id.
 *
 * libsecret is loaded when first needed, never at start: the D-Bus and
 * GLib stack it brings costs every other command (the status line runs at
 * each prompt) nothing, and a machine without libsecret's library still
 * runs mend, with this one way of keeping the key reported as missing.
 * No terminal here; callers say what failed. */
#ifndef MEND_DESKTOP_KEYRING_H
#define MEND_DESKTOP_KEYRING_H

#include <stdbool.h>

#include "mend/err.h"

#define DESKTOP_KEYRING_KEY_LEN 32

/* Keep key for the journal id (a printable crypt id) in the default
 * collection, labelled with the journal's path, replacing what was kept
 * for it. MEND_EIO with a sentence when libsecret or the service cannot
 * be reached or refuses (a locked collection whose prompt was dismissed,
 * no session bus). */
enum mend_rc
desktop_keyring_put(const char *id, const char *path,
		    const unsigned char key[DESKTOP_KEYRING_KEY_LEN],
		    struct mend_err *err);

/* The key kept for id, into key. MEND_ENOTFOUND when none is kept (or
 * what is kept is not a key); MEND_EIO when the service cannot be
 * reached. */
enum mend_rc desktop_keyring_get(const char *id,
				 unsigned char key[DESKTOP_KEYRING_KEY_LEN],
				 struct mend_err *err);

/* Forget what is kept for id: MEND_OK when something was removed,
 * MEND_ENOTFOUND when nothing was kept, MEND_EIO when the service cannot
 * be reached. */
enum mend_rc desktop_keyring_forget(const char *id, struct mend_err *err);

#endif
