/* SPDX-License-Identifier: MIT */
/* Exporting the journal: mend's own JSON (a complete backup that imports
 * back exactly), jrnl's JSON shape and its plain-text journal, and
 * Markdown for reading. Export
 * streams record by record from a database cursor, so its memory does not
 * grow with the journal. */
#ifndef MEND_EXPORT_H
#define MEND_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "mend/journal.h"

#define EXPORT_FORMAT_VERSION 1

/* EXPORT_JRNL_TEXT is jrnl's own plain-text journal file, which jrnl
 * reads directly ("[YYYY-MM-DD HH:MM] text", a star as " *" at the end of
 * the first line, tags inline as @tag on a last line). */
enum export_format {
	EXPORT_JSON,
	EXPORT_JRNL,
	EXPORT_MARKDOWN,
	EXPORT_JRNL_TEXT
};

struct export_options {
	enum export_format format;
	const char *since;     /* "YYYY-MM-DD", inclusive, or NULL */
	const char *until;     /* "YYYY-MM-DD", inclusive, or NULL */
	int module;            /* enum module, or -1 for all */
	const char *pseudonym; /* replaces the ex's name in text, or NULL */
	bool terminal;         /* the output is a terminal: Markdown shows
				  control characters as U+FFFD */
	/* Seal the export instead of writing it plain (see
	 * mend/export_age.h): seal(seal_ctx, plain, fd) is handed the whole
	 * export in a memory file and writes the sealed form to fd. NULL:
	 * plain. */
	enum mend_rc (*seal)(void *ctx, FILE *plain, int out_fd,
			     struct mend_err *err);
	void *seal_ctx;
};

struct export_counts {
	long entries;
	long periods;
};

/* Look up a format by name ("json", "jrnl", "markdown", "jrnl-text");
 * false if none. */
int export_format_from_name(const char *name, enum export_format *out);

/* Check the options (dates, module, pseudonym) without writing: the
 * same MEND_EINVAL export_write would give. */
enum mend_rc export_check(const struct export_options *o,
			  struct mend_err *err);

/* Write the export to out (an open stream the caller owns and closes),
 * read as one snapshot of the journal. Unless out is a regular file the
 * export is spooled to a private unnamed temporary file first, so the
 * journal's lock is never held while a slow reader waits. Bad options
 * (dates, module, a pseudonym with no name set) are MEND_EINVAL before
 * anything is written; a write error is MEND_EIO. counts may be NULL. */
enum mend_rc export_write(struct journal *j, const struct export_options *o,
			  FILE *out, struct export_counts *counts,
			  struct mend_err *err);

/* Write the export to path, safely: into an unnamed temporary file in
 * the same directory (a named "PATH.tmp-XXXXXX" where the file system has
 * none), synced, then renamed over path, mode 0600. An interrupted export
 * never leaves a half file nor replaces a good one; stale temporary files
 * of ours beside path are removed. A FIFO or device at path is written
 * directly. Writing over the journal or its -journal/-wal/-shm file is
 * MEND_EINVAL. */
enum mend_rc export_to_file(struct journal *j, const struct export_options *o,
			    const char *path, struct export_counts *counts,
			    struct mend_err *err);

#endif
