/* SPDX-License-Identifier: MIT */
/* Colours by role, with a monochrome fallback: without colours (or with
 * NO_COLOR set) every role maps to plain, bold, dim or reverse. */
#include <curses.h>
#include <stdlib.h>

#include "app.h"

static int attrs[ROLE_COUNT];

void ui_colors_init(struct app *a)
{
	const char *no_color = getenv("NO_COLOR");

	a->colors = has_colors() && !(no_color && *no_color);
	attrs[ROLE_NORMAL] = A_NORMAL;
	attrs[ROLE_TITLE] = A_BOLD;
	attrs[ROLE_ACCENT] = A_BOLD;
	attrs[ROLE_MUTED] = A_DIM;
	attrs[ROLE_WARNING] = A_BOLD;
	attrs[ROLE_GOOD] = A_BOLD;
	attrs[ROLE_SELECTED] = A_REVERSE;
	attrs[ROLE_MARK] = A_UNDERLINE | A_BOLD;
	if (!a->colors)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_CYAN, -1);
	init_pair(2, COLOR_MAGENTA, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_GREEN, -1);
	attrs[ROLE_TITLE] = COLOR_PAIR(1) | A_BOLD;
	attrs[ROLE_ACCENT] = COLOR_PAIR(2) | A_BOLD;
	attrs[ROLE_WARNING] = COLOR_PAIR(3) | A_BOLD;
	attrs[ROLE_GOOD] = COLOR_PAIR(4) | A_BOLD;
	/* Marking roles keep their attribute under the colour, so that a
	 * selection or a match is seen on any terminal and by anyone who
	 * cannot tell the colours apart: reverse cyan, bold underlined
	 * yellow. */
	attrs[ROLE_SELECTED] = COLOR_PAIR(1) | A_REVERSE | A_BOLD;
	attrs[ROLE_MARK] = COLOR_PAIR(3) | A_UNDERLINE | A_BOLD;
}

int ui_attr(enum ui_role role)
{
	return (unsigned)role < ROLE_COUNT ? attrs[role] : (int)A_NORMAL;
}
