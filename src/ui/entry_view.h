/* SPDX-License-Identifier: MIT */
/* What the review list asks of the entry view (entry_view.c): to open an
 * entry with its editor, and to delete an entry after naming it. */
#ifndef MEND_UI_ENTRY_VIEW_H
#define MEND_UI_ENTRY_VIEW_H

#include <stdbool.h>

#include "app.h"

/* Open the entry uuid with the editor on top, starting from text. */
void entry_view_open_edit(struct app *a, const char *uuid, const char *text);

/* Ask whether to delete e, naming it (kind, time, first words); done
 * gets the answer. The contact that restarted the count is kept: that is
 * said instead, and nothing is asked. */
void entry_view_ask_delete(struct app *a, const struct entry *e,
			   ui_done_fn done, void *ctx);

/* Delete the entry uuid, named by e (borrowed, read before the delete),
 * and say which one went; false (with the message shown) when it stays. */
bool entry_view_delete(struct app *a, const char *uuid, const struct entry *e);

#endif
