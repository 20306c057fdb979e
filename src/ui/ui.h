/* SPDX-License-Identifier: MIT */
/* The full-screen front end's entry point. */
#ifndef MEND_UI_H
#define MEND_UI_H

#include <stdbool.h>

/* Run the full-screen journal on the terminal, on the journal at db_path
 * (NULL: the default). With draw_once, draw the first screen and leave
 * (for timing the start). Returns the process exit code. */
int ui_main(const char *db_path, int draw_once);

/* The same, opening the screen named by at first, over home: one of
 * "insights:mood", "insights:year", "insights:space", "insights:helps",
 * "insights:urges", "insights:back", "insights:then", "insights:week"
 * (for timing a page's first draw). */
int ui_main_at(const char *db_path, int draw_once, const char *at);

/* True when at names a screen ui_main_at can open first. */
bool ui_screen_known(const char *at);

#endif
