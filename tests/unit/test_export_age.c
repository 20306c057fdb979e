/* SPDX-License-Identifier: MIT */
/* age's passphrase format as written and read by mend: round trips at
 * the chunk edges, a wrong passphrase, and a changed or cut file. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mend/export_age.h"
#include "test.h"

/* Seal n bytes of a pattern with pass; the sealed file into *out. */
static bool seal(size_t n, const char *pass, char **out, size_t *out_len)
{
	int in = memfd_create("t-in", 0), res = memfd_create("t-out", 0);
	FILE *f = in >= 0 ? fdopen(in, "w+") : NULL;
	bool ok = f && res >= 0;

	for (size_t i = 0; ok && i < n; i++)
		fputc((int)('a' + i % 23), f);
	ok = ok && fflush(f) == 0 && fseek(f, 0, SEEK_SET) == 0 &&
	     age_seal_passphrase(f, res, pass, strlen(pass), NULL) == MEND_OK;
	off_t size = ok ? lseek(res, 0, SEEK_END) : -1;
	*out = size > 0 ? malloc((size_t)size) : NULL;
	ok = ok && *out && pread(res, *out, (size_t)size, 0) == size;
	*out_len = ok ? (size_t)size : 0;
	if (f)
		fclose(f);
	if (res >= 0)
		close(res);
	return ok;
}

static bool pattern(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (char)('a' + i % 23))
			return false;
	return true;
}

TEST(test_age_passphrase_round_trips_at_chunk_edges)
{
	static const size_t sizes[] = {1, 65535, 65536, 65537, 131072, 200000};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char *sealed = NULL, *plain = NULL;
		size_t len = 0, plen = 0;
		CHECK(seal(sizes[i], "open sesame", &sealed, &len));
		CHECK(age_is_age(sealed, len));
		CHECK(age_is_scrypt(sealed, len));
		CHECK_OK(age_open_passphrase(sealed, len, "open sesame", 11,
					     &plain, &plen, NULL));
		CHECK(plen == sizes[i]);
		CHECK(pattern(plain, plen));
		age_free(plain, plen);
		free(sealed);
	}
}

TEST(test_age_wrong_passphrase_is_refused)
{
	char *sealed = NULL, *plain = NULL;
	size_t len = 0, plen = 0;
	struct mend_err err = {""};
	CHECK(seal(100, "right", &sealed, &len));
	CHECK(age_open_passphrase(sealed, len, "wrong", 5, &plain, &plen,
				  &err) == MEND_EINVAL);
	CHECK(plain == NULL);
	CHECK(strstr(err.msg, "not the passphrase") != NULL);
	free(sealed);
}

TEST(test_age_changed_or_cut_file_is_damaged)
{
	char *sealed = NULL, *plain = NULL;
	size_t len = 0, plen = 0;
	CHECK(seal(70000, "pw", &sealed, &len));
	/* a flipped byte in the last chunk */
	sealed[len - 20] ^= 1;
	CHECK(age_open_passphrase(sealed, len, "pw", 2, &plain, &plen, NULL) ==
	      MEND_EBADFILE);
	sealed[len - 20] ^= 1;
	/* the last chunk cut away: the first one is not marked final */
	CHECK(age_open_passphrase(sealed, len - (70000 - 65536) - 16, "pw", 2,
				  &plain, &plen, NULL) == MEND_EBADFILE);
	/* a changed header: the MAC does not match */
	char *at = strstr(sealed, " 18\n");
	CHECK(at != NULL);
	at[1] = '1';
	at[2] = '7';
	CHECK(age_open_passphrase(sealed, len, "pw", 2, &plain, &plen, NULL) !=
	      MEND_OK);
	CHECK(plain == NULL);
	free(sealed);
}

TEST(test_age_is_age_knows_the_headers)
{
	CHECK(age_is_age("age-encryption.org/v1\n-> X25519 abc\n", 36));
	CHECK(!age_is_scrypt("age-encryption.org/v1\n-> X25519 abc\n", 36));
	CHECK(age_is_age("-----BEGIN AGE ENCRYPTED FILE-----\n", 35));
	CHECK(!age_is_age("{\"format\":\"mend-journal\"}", 25));
	CHECK(!age_is_age("age", 3));
}
