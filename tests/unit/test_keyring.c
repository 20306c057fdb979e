/* SPDX-License-Identifier: MIT */
/* The session keyring and the wrong-passphrase count: a key kept is
 * found, a forgotten one is not, minutes 0 keeps nothing; the count
 * waits only after three wrong tries and a right one clears it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mend/keyring.h"
#include "mend/unlock_tries.h"
#include "test.h"

static void test_id(char *buf, size_t n)
{
	snprintf(buf, n, "unit-test-%ld", (long)getpid());
}

TEST(test_keyring_keeps_finds_and_forgets_a_key)
{
	unsigned char key[KEYRING_KEY_LEN], got[KEYRING_KEY_LEN];
	char id[64];
	test_id(id, sizeof id);
	for (int i = 0; i < KEYRING_KEY_LEN; i++)
		key[i] = (unsigned char)(i * 7 + 1);
	if (keyring_put(id, key, 1, NULL) != MEND_OK)
		return; /* no keyring here (a container): nothing to test */
	CHECK_OK(keyring_get(id, got, 1, NULL));
	CHECK(memcmp(key, got, sizeof key) == 0);
	CHECK(keyring_forget(id));
	CHECK(keyring_get(id, got, 1, NULL) == MEND_ENOTFOUND);
	CHECK(!keyring_forget(id));
}

TEST(test_keyring_zero_minutes_keeps_nothing)
{
	unsigned char key[KEYRING_KEY_LEN] = {1, 2, 3}, got[KEYRING_KEY_LEN];
	char id[64];
	test_id(id, sizeof id);
	if (keyring_put(id, key, 1, NULL) != MEND_OK)
		return;
	CHECK_OK(keyring_put(id, key, 0, NULL));
	CHECK(keyring_get(id, got, 0, NULL) == MEND_ENOTFOUND);
}

TEST(test_keyring_minutes_are_checked)
{
	int v = -1;
	CHECK_OK(keyring_check_minutes("0", &v, NULL));
	CHECK(v == 0);
	CHECK_OK(keyring_check_minutes("1440", &v, NULL));
	CHECK(v == 1440);
	CHECK(keyring_check_minutes("1441", &v, NULL) == MEND_EINVAL);
	CHECK(keyring_check_minutes("-1", &v, NULL) == MEND_EINVAL);
	CHECK(keyring_check_minutes("5m", &v, NULL) == MEND_EINVAL);
	CHECK(keyring_check_minutes("", &v, NULL) == MEND_EINVAL);
}

TEST(test_unlock_tries_wait_grows_after_three_and_clears)
{
	char path[] = "/tmp/mend-tries-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	CHECK(unlock_tries_wait(path) == 0);
	for (int i = 0; i < UNLOCK_TRIES_FREE; i++)
		unlock_tries_note(path, false);
	CHECK(unlock_tries_wait(path) == 1);
	unlock_tries_note(path, false);
	CHECK(unlock_tries_wait(path) == 2);
	unlock_tries_note(path, false);
	CHECK(unlock_tries_wait(path) == 4);
	for (int i = 0; i < 10; i++)
		unlock_tries_note(path, false);
	CHECK(unlock_tries_wait(path) == UNLOCK_TRIES_WAIT_MAX);
	unlock_tries_note(path, true);
	CHECK(unlock_tries_wait(path) == 0);
	char tries[64];
	snprintf(tries, sizeof tries, "%s.tries", path);
	CHECK(access(tries, F_OK) != 0);
	unlink(path);
}
