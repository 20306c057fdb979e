/* SPDX-License-Identifier: MIT */
/* Running the person's own editor ($VISUAL, else $EDITOR, else vi) on a
 * text, the way git does: through sh -c '<editor> "$@"', so the variable
 * may carry quoted arguments, on a file in a private 0700 directory
 * ($XDG_RUNTIME_DIR/mend, else mend's data directory; in memory only for
 * an encrypted journal, see external_edit_set_private). While the editor
 * runs, SIGINT and SIGQUIT are ignored (the editor has them), and SIGTERM
 * or SIGHUP is passed on to it. The file is never left behind: it is
 * read back and removed, and when what the editor wrote cannot be used it
 * is kept in mend's data directory ("kept") for the caller to name.
 * Terminal-free: it never prints; the front end leaves and restores its
 * screen around the call. */
#ifndef MEND_EXTERNAL_EDIT_H
#define MEND_EXTERNAL_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/err.h"

struct external_edit {
	/* in */
	const char *text; /* the file starts with these bytes */
	size_t text_len;
	size_t max; /* the most bytes taken back */
	bool lossy; /* invalid UTF-8 becomes U+FFFD instead of failing */
	/* out */
	char *result; /* the text the editor left, NUL-terminated; owned
		       * by the caller (free) */
	size_t len;
	char *kept; /* where the editor's text was kept when it could
		     * not be taken back, or NULL; caller frees */
	int signal; /* SIGTERM or SIGHUP that came meanwhile, or 0 */
};

/* Run the editor on ed->text. MEND_OK with ed->result set; otherwise an
 * error saying what happened (the editor failed or was stopped, the text
 * holds a NUL byte, is not UTF-8 or is over ed->max bytes) and, when the
 * editor had written something new, ed->kept names the file it is kept
 * in (the caller tells the person). After a signal the caller should end
 * as that signal asks (ed->signal). */
enum mend_rc external_edit_run(struct external_edit *ed, struct mend_err *err);

/* Keep len bytes of text in a new private file in mend's "kept"
 * directory; *path (caller frees) names it. */
enum mend_rc external_edit_keep(const char *text, size_t len, char **path,
				struct mend_err *err);

/* While an encrypted journal is open in this process (journal.c says so
 * on every open), on is true: the editor's file and kept text go to a
 * private directory in memory ($XDG_RUNTIME_DIR/mend when that is a
 * tmpfs, else /dev/shm/mend-UID), never to the disk, and the editor is
 * refused (MEND_EINVAL saying why) where there is no such directory.
 * A kept file then lasts until the machine restarts. */
void external_edit_set_private(bool on);

/* What a caller adds after naming a kept file: "" on disk, or that it is
 * in memory and lasts until logout or a restart. Static storage. */
const char *external_edit_kept_note(void);

/* Keep text as external_edit_keep does, but in the private directory in
 * memory whatever journal is open: for a copy made because the journal
 * itself refused to hold it (it may have been encrypted meanwhile). */
enum mend_rc external_edit_keep_in_memory(const char *text, size_t len,
					  char **path, struct mend_err *err);

/* Free what a run left in ed (result and kept). */
void external_edit_done(struct external_edit *ed);

#endif
