/* SPDX-License-Identifier: MIT */
/* The desktop's Secret Service through libsecret, loaded with dlopen the
 * first time a journal that opted in needs it (desktop_keyring.h says
 * why). The key travels as 64 hex digits, the form libsecret's password
 * calls take; what libsecret hands back lives in its non-pageable memory
 * and is wiped by secret_password_free (the copies D-Bus itself makes on
 * the way are GLib's, and not wiped). */
#include "mend/desktop_keyring.h"

#include <dlfcn.h>
#include <libsecret/secret.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define LIBSECRET "libsecret-1.so.0"
#define HEX_LEN	  (DESKTOP_KEYRING_KEY_LEN * 2 + 1)

/* The journal's item: its crypt id, under mend's own schema name, so no
 * other program's item is ever read or removed. */
static const SecretSchema schema = {
    .name = "mend.JournalKey",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {{"journal", SECRET_SCHEMA_ATTRIBUTE_STRING}},
};

static struct {
	bool tried;
	__typeof__(secret_password_store_sync) *store;
	__typeof__(secret_password_lookup_nonpageable_sync) *lookup;
	__typeof__(secret_password_clear_sync) *clear;
	__typeof__(secret_password_free) *free_password;
	__typeof__(g_error_free) *free_error;
	char why[160];
} lib;

/* Load libsecret once; false (lib.why says why) when it cannot be. It is
 * never unloaded: GLib does not support being unloaded. */
static bool load(void)
{
	void *h;

	if (lib.tried)
		return lib.store != NULL;
	lib.tried = true;
	h = dlopen(LIBSECRET, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		snprintf(lib.why, sizeof lib.why,
			 "libsecret is not installed (Debian's libsecret-1-0)");
		return false;
	}
	/* g_error_free is GLib's, found through libsecret's own
	 * dependencies */
	*(void **)&lib.store = dlsym(h, "secret_password_store_sync");
	*(void **)&lib.lookup =
	    dlsym(h, "secret_password_lookup_nonpageable_sync");
	*(void **)&lib.clear = dlsym(h, "secret_password_clear_sync");
	*(void **)&lib.free_password = dlsym(h, "secret_password_free");
	*(void **)&lib.free_error = dlsym(h, "g_error_free");
	if (!lib.store || !lib.lookup || !lib.clear || !lib.free_password ||
	    !lib.free_error) {
		snprintf(lib.why, sizeof lib.why,
			 "the installed libsecret lacks what mend needs");
		lib.store = NULL;
		return false;
	}
	return true;
}

static enum mend_rc unreachable(struct mend_err *err, const char *doing,
				GError *e)
{
	enum mend_rc rc =
	    e ? mend_err_set(err, MEND_EIO,
			     "the desktop's Secret Service could not %s (is "
			     "a desktop session running, its keyring "
			     "unlocked?): %.200s",
			     doing, e->message ? e->message : "no reason given")
	      : mend_err_set(err, MEND_EIO,
			     "the desktop's Secret Service could not %s: %s",
			     doing, lib.why);
	if (e)
		lib.free_error(e);
	return rc;
}

enum mend_rc
desktop_keyring_put(const char *id, const char *path,
		    const unsigned char key[DESKTOP_KEYRING_KEY_LEN],
		    struct mend_err *err)
{
	char label[300];
	char *hex;
	GError *e = NULL;
	gboolean ok;

	if (!id || !*id)
		return mend_err_set(err, MEND_EINVAL,
				    "secret service: no journal id");
	if (!load())
		return unreachable(err, "keep the key", NULL);
	hex = sodium_malloc(HEX_LEN);
	if (!hex)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	sodium_bin2hex(hex, HEX_LEN, key, DESKTOP_KEYRING_KEY_LEN);
	snprintf(label, sizeof label, "mend journal key (%.250s)",
		 path ? path : id);
	ok = lib.store(&schema, SECRET_COLLECTION_DEFAULT, label, hex, NULL, &e,
		       "journal", id, (char *)NULL);
	sodium_free(hex);
	if (!ok)
		return unreachable(err, "keep the key", e);
	return MEND_OK;
}

enum mend_rc desktop_keyring_get(const char *id,
				 unsigned char key[DESKTOP_KEYRING_KEY_LEN],
				 struct mend_err *err)
{
	GError *e = NULL;
	size_t n = 0;
	char *hex;
	int bad;

	if (!id || !*id)
		return mend_err_set(err, MEND_ENOTFOUND,
				    "secret service: no journal id");
	if (!load())
		return unreachable(err, "look for the key", NULL);
	hex = lib.lookup(&schema, NULL, &e, "journal", id, (char *)NULL);
	if (e)
		return unreachable(err, "look for the key", e);
	if (!hex)
		return mend_err_set(err, MEND_ENOTFOUND,
				    "no key kept for this journal in the "
				    "desktop's Secret Service");
	bad = strlen(hex) != HEX_LEN - 1 ||
	      sodium_hex2bin(key, DESKTOP_KEYRING_KEY_LEN, hex, HEX_LEN - 1,
			     NULL, &n, NULL) != 0 ||
	      n != DESKTOP_KEYRING_KEY_LEN;
	lib.free_password(hex);
	if (bad) {
		sodium_memzero(key, DESKTOP_KEYRING_KEY_LEN);
		return mend_err_set(err, MEND_ENOTFOUND,
				    "what the desktop's Secret Service keeps "
				    "for this journal is not a key");
	}
	return MEND_OK;
}

enum mend_rc desktop_keyring_forget(const char *id, struct mend_err *err)
{
	GError *e = NULL;
	char *hex;

	if (!id || !*id)
		return mend_err_set(err, MEND_ENOTFOUND,
				    "secret service: no journal id");
	if (!load())
		return unreachable(err, "forget the key", NULL);
	/* one call removes every matching item it can reach */
	if (lib.clear(&schema, NULL, &e, "journal", id, (char *)NULL))
		return MEND_OK;
	if (e)
		return unreachable(err, "forget the key", e);
	/* an item in a locked collection is not removed, and not reported
	 * either: look, which may unlock it, and try once more */
	hex = lib.lookup(&schema, NULL, &e, "journal", id, (char *)NULL);
	if (e)
		return unreachable(err, "forget the key", e);
	if (!hex)
		return mend_err_set(err, MEND_ENOTFOUND,
				    "no key kept for this journal in the "
				    "desktop's Secret Service");
	lib.free_password(hex);
	if (lib.clear(&schema, NULL, &e, "journal", id, (char *)NULL))
		return MEND_OK;
	if (e)
		return unreachable(err, "forget the key", e);
	return mend_err_set(err, MEND_EIO,
			    "the desktop's keyring still holds this journal's "
			    "key (its collection may be locked): unlock it, "
			    "then run 'mend lock' again");
}
