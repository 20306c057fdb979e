/* SPDX-License-Identifier: MIT */
/* The full-screen front end's entry point. */
#ifndef MEND_UI_H
#define MEND_UI_H

/* Run the full-screen journal on the terminal, on the journal at db_path
 * (NULL: the default). With draw_once, draw the first screen and leave
 * (for timing the start). Returns the process exit code. */
int ui_main(const char *db_path, int draw_once);

#endif
