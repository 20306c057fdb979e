/* SPDX-License-Identifier: MIT */
/* Ctrl-E in the editor: the screen is put away, the person's own editor
 * runs on the text (through the core's runner, shared with the command
 * line), and the screen comes back. What the editor wrote and cannot be
 * taken is kept in a file, and the message line says where. */
#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "mend/external_edit.h"

char *ui_external_editor(struct app *a, const char *text)
{
	struct external_edit ed = {
	    .text = text,
	    .text_len = strlen(text),
	    .max = JOURNAL_TEXT_MAX,
	    .lossy = true, /* as typed bytes are: U+FFFD */
	};
	struct mend_err err = {""};

	def_prog_mode();
	endwin();
	enum mend_rc rc = external_edit_run(&ed, &err);
	reset_prog_mode();
	refresh();
	if (ed.signal) {
		/* the loop saves the draft and ends, as for any stop */
		external_edit_done(&ed);
		raise(ed.signal);
		return NULL;
	}
	if (rc != MEND_OK) {
		if (ed.kept)
			ui_message(a, true,
				   "What the editor wrote is kept in %s%s; the "
				   "text here is unchanged (%s)",
				   ed.kept, external_edit_kept_note(), err.msg);
		else
			ui_message(a, true, "%s; the text here is unchanged",
				   err.msg);
		external_edit_done(&ed);
		return NULL;
	}
	char *out = ed.result;
	ed.result = NULL;
	/* editors end the file with a newline */
	while (ed.len && out[ed.len - 1] == '\n')
		out[--ed.len] = '\0';
	external_edit_done(&ed);
	return out;
}
