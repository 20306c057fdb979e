/* SPDX-License-Identifier: MIT */
/* The full-screen front end. Until it is built, this says so and points
 * to the commands, which already do everything the screens will. */
#include "ui.h"

#include <stdio.h>

int ui_main(const char *db_path)
{
	(void)db_path;
	fputs("mend: the full-screen journal is not here yet.\n"
	      "Every part of mend works from the command line meanwhile:\n"
	      "try 'mend checkin --mood 5', 'mend status' or 'mend --help'.\n",
	      stderr);
	return 2;
}
