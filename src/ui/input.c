/* SPDX-License-Identifier: MIT */
/* Keys are read a byte at a time and decoded here rather than with
 * get_wch: on a byte that cannot start a UTF-8 character, ncurses keeps
 * reading until its buffer (over a hundred bytes) is full or the input
 * pauses, and then drops it all with an error, so a stray byte in a paste
 * would silently swallow what the person typed after it. Here a broken
 * sequence becomes one U+FFFD, and the byte that broke it is read again as
 * the start of the next key.
 *
 * An Esc that arrives together with more bytes is a key's escape sequence:
 * ncurses decodes the ones TERM describes, and the rest (TERM=xterm inside
 * tmux is common advice) are read here, so an unknown key is ignored
 * instead of acting as Esc followed by letters. */
#include <stdbool.h>
#include <stdint.h>

#include <mend/utf8.h>

#include "app.h"
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

/* The byte after an Esc, if one is already waiting: a sequence comes in
 * one write, so its bytes are there at once, while a person pressing Esc
 * sends it alone. */
static int next_byte_now(int wait_ms)
{
	timeout(0);
	int c = getch();
	timeout(wait_ms);
	return c;
}

/* The keys of the common sequences of xterm, tmux, screen and the Linux
 * console, whatever TERM says; 0 for one we do not know. */
static int csi_key(int param, int final)
{
	switch (final) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case 'Z': return KEY_BTAB;
	case '~':
		switch (param) {
		case 1:
		case 7: return KEY_HOME;
		case 4:
		case 8: return KEY_END;
		case 2: return KEY_IC;
		case 3: return KEY_DC;
		case 5: return KEY_PPAGE;
		case 6: return KEY_NPAGE;
		}
	}
	return 0;
}

/* After an Esc that came with more bytes: read the whole sequence and
 * return its key, or 0 for a sequence we do not know (it is dropped: an
 * unknown key must never act as Esc followed by letters). */
static int escape_sequence(int first, int wait_ms, wint_t *ch)
{
	if (first == '[' || first == 'O') {
		int param = 0, final = 0, n = 0, c;
		bool first_param = true;
		while ((c = next_byte_now(wait_ms)) != ERR && n++ < 32) {
			if (c >= '0' && c <= '9' && first_param)
				param = param * 10 + (c - '0');
			else if (c == ';' || c == ':')
				first_param = false;
			else if (c >= 0x40 && c <= 0x7e) {
				final = c;
				break;
			} else if (c < 0x20 || c > 0x3f) {
				break; /* not a sequence after all */
			}
		}
		if (first == 'O' && final == 'M') {
			*ch = '\r'; /* Enter on the keypad */
			return OK;
		}
		int key = final ? csi_key(param, final) : 0;
		*ch = (wint_t)(key ? key : UI_KEY_UNKNOWN);
		return KEY_CODE_YES;
	}
	if (first >= 0x20 && first < 0x7f) {
		*ch = (wint_t)UI_META(first); /* Alt and a key */
		return KEY_CODE_YES;
	}
	*ch = (wint_t)UI_KEY_UNKNOWN;
	return KEY_CODE_YES;
}

int ui_get_key(wint_t *ch, int wait_ms)
{
	timeout(wait_ms);
	int c = getch();
	if (c == ERR)
		return ERR;
	*ch = (wint_t)c;
	if (c >= KEY_MIN)
		return KEY_CODE_YES;
	if (c == 27) {
		int next = next_byte_now(wait_ms);
		if (next == ERR)
			return OK; /* Esc alone */
		if (next == 27 || next >= KEY_MIN) {
			ungetch(next);
			return OK;
		}
		return escape_sequence(next, wait_ms, ch);
	}
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
