/* SPDX-License-Identifier: MIT */
/* Strict UTF-8: validation of what users write and import, and decoding
 * one character at a time. No locale involved; the terminal front end does
 * its own column measuring on top of this. */
#ifndef MEND_UTF8_H
#define MEND_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one character from s (len bytes available). Returns its length
 * in bytes (1..4) and stores the code point in *cp; returns 0 for an
 * invalid or truncated sequence (overlong forms, surrogates, > U+10FFFF). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes); returns the length, 0 if cp is
 * not a Unicode scalar value. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* True when s[0..len) is valid UTF-8 with no NUL byte. On false, *bad
 * (if not NULL) is the byte offset of the first problem. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/* The byte offset of the first control character in s[0..len) that new
 * text may not carry, or len when there is none: C0 controls other than
 * tab and newline (a carriage return only as part of CRLF), DEL and the
 * C1 controls U+0080..U+009F, which a terminal would obey (ESC starts
 * an escape sequence, OSC 52 writes the clipboard). *cp, when not NULL,
 * is set to the character found. s must be valid UTF-8. */
size_t utf8_find_control(const char *s, size_t len, uint32_t *cp);

/* True when s has at least one character that is neither white space
 * (Unicode's as well as ASCII's) nor an invisible format character. */
bool utf8_has_text(const char *s);

#endif
