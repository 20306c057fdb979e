/* SPDX-License-Identifier: MIT */
/* Strict UTF-8 validation and decoding. */
#include <stdio.h>
#include <string.h>

#include "mend/utf8.h"
#include "test.h"

TEST(test_utf8_accepts_text_of_every_width)
{
	const char *s = "café 中文 🙂 Ηow tο Ꮐet Υоur Eⲭ";
	CHECK(utf8_valid(s, strlen(s), NULL));
}

TEST(test_utf8_rejects_bad_sequences)
{
	size_t bad = 0;
	CHECK(!utf8_valid("ab\xff", 3, &bad) && bad == 2);
	CHECK(!utf8_valid("\xc0\xaf", 2, NULL));         /* overlong '/' */
	CHECK(!utf8_valid("\xed\xa0\x80", 3, NULL));     /* surrogate */
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4, NULL)); /* > U+10FFFF */
	CHECK(!utf8_valid("\xe4\xb8", 2, NULL));         /* truncated */
	CHECK(!utf8_valid("a\0b", 3, &bad) && bad == 1); /* NUL */
}

TEST(test_utf8_encode_decode_round_trip)
{
	uint32_t cps[] = {0x41, 0xE9, 0x4E2D, 0x1F642, 0x10FFFF};
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char buf[4];
		uint32_t back = 0;
		size_t n = utf8_encode(cps[i], buf);
		CHECK(n > 0);
		CHECK(utf8_decode(buf, n, &back) == n && back == cps[i]);
	}
	char buf[4];
	CHECK(utf8_encode(0xD800, buf) == 0);
}

TEST(test_has_text_ignores_white_space)
{
	CHECK(!utf8_has_text(""));
	CHECK(!utf8_has_text(" \t\r\n"));
	CHECK(utf8_has_text("  x "));
}
