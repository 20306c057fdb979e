/* SPDX-License-Identifier: MIT */
/* Keeping the screen in the person's hands while the journal waits for
 * another mend (a stalled export, a command in the middle of its save). */
#ifndef MEND_UI_BUSY_H
#define MEND_UI_BUSY_H

#include "app.h"

/* Install the busy hook on a's journal (call once, after journal_open;
 * the screen may start later). While a read or a save waits for another
 * mend's lock, the hook reads the keys the loop cannot: Ctrl-P hides and
 * shows the screen at once (a->hidden, shared with the loop), Esc stops
 * waiting (the call fails with MEND_ECANCELLED and the editor keeps its
 * text), a resize is followed, and every other key is kept, in order, for
 * the loop to read once the wait is over. After a moment it says
 * "Waiting for another mend to finish…" on the message line. a must
 * outlive the journal's use. */
void ui_busy_install(struct app *a);

#endif
