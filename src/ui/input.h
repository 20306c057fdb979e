/* SPDX-License-Identifier: MIT */
/* Reading one key from the terminal. */
#ifndef MEND_UI_INPUT_H
#define MEND_UI_INPUT_H

#include <curses.h>

/* Like get_wch, waiting up to wait_ms (0: only what is there): OK with a
 * character in *ch, KEY_CODE_YES with a key code, ERR when no key came. A
 * byte sequence that is not UTF-8 gives U+FFFD, and the bytes after it
 * are read as they are. Escape sequences for Home, End, PgUp, PgDn,
 * Insert, Delete and the arrows are known whatever TERM says; any other
 * gives UI_KEY_UNKNOWN, never a lone Esc. */
int ui_get_key(wint_t *ch, int wait_ms);

#endif
