/* SPDX-License-Identifier: MIT */
/* Reading one key from the terminal. */
#ifndef MEND_UI_INPUT_H
#define MEND_UI_INPUT_H

#include <curses.h>

/* Like get_wch: OK with a character in *ch, KEY_CODE_YES with a key code,
 * ERR when the timeout passed with no key. A byte sequence that is not
 * UTF-8 gives U+FFFD, and the bytes after it are read as they are. */
int ui_get_key(wint_t *ch);

#endif
