/* SPDX-License-Identifier: MIT */
/* Keys are read a byte at a time and decoded here rather than with
 * get_wch: on a byte that cannot start a UTF-8 character, ncurses keeps
 * reading until its buffer (over a hundred bytes) is full or the input
 * pauses, and then drops it all with an error, so a stray byte in a paste
 * would silently swallow what the person typed after it. Here a broken
 * sequence becomes one U+FFFD, and the byte that broke it is read again as
 * the start of the next key. */
#include <stdint.h>

#include <mend/utf8.h>

#include "input.h"

#define REPLACEMENT 0xfffd

/* The length of the sequence a lead byte starts; 0 if it starts none. */
static size_t sequence_length(int lead)
{
	if (lead >= 0xc2 && lead <= 0xdf)
		return 2;
	if (lead >= 0xe0 && lead <= 0xef)
		return 3;
	if (lead >= 0xf0 && lead <= 0xf4)
		return 4;
	return 0;
}

int ui_get_key(wint_t *ch)
{
	int c = getch();
	if (c == ERR)
		return ERR;
	*ch = (wint_t)c;
	if (c >= KEY_MIN)
		return KEY_CODE_YES;
	if (c < 0x80)
		return OK;

	char seq[4] = {(char)c};
	size_t want = sequence_length(c), have = 1;
	*ch = REPLACEMENT;
	while (have < want) {
		c = getch();
		if (c == ERR)
			return OK; /* the rest of the character never came */
		if (c >= KEY_MIN || (c & 0xc0) != 0x80) {
			ungetch(c);
			return OK;
		}
		seq[have++] = (char)c;
	}
	uint32_t cp;
	if (want && utf8_decode(seq, have, &cp) == have)
		*ch = (wint_t)cp;
	return OK;
}
