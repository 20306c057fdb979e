/* SPDX-License-Identifier: MIT */
/* Importing a journal: mend's JSON export (version 1), jrnl's JSON
 * export, or jrnl's own plain-text journal file (found by its first line,
 * "[YYYY-MM-DD HH:MM] "). The whole file is validated before anything is written; then
 * every record is merged by UUID in one transaction (identical: skipped;
 * different: the later updated_at wins). */
#ifndef MEND_IMPORT_H
#define MEND_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mend/journal.h"

#define IMPORT_MAX_BYTES (512L * 1024 * 1024)
#define IMPORT_MAX_PROBLEMS 20
#define IMPORT_PROBLEM_LEN 240
#define IMPORT_MAX_TAGS 200 /* tags on one entry, each up to 200 bytes */

enum import_source { IMPORT_MEND, IMPORT_JRNL, IMPORT_JRNL_TEXT };

struct import_report {
	enum import_source source;
	long added, updated, unchanged;
	int n_problems; /* problems found, at most IMPORT_MAX_PROBLEMS kept */
	bool more_problems;
	char problems[IMPORT_MAX_PROBLEMS][IMPORT_PROBLEM_LEN];
};

/* Validate and import data[0..len) (no NUL terminator needed). With
 * dry_run the counts are computed and nothing is written. A file with
 * problems is MEND_EBADFILE: the report lists them ("entries[41].mood:
 * 11 is not in 1..10") and err holds the first; nothing was written. A
 * file from a newer mend is MEND_ENEWER. */
enum mend_rc import_buffer(struct journal *j, const char *data, size_t len,
			   bool dry_run, struct import_report *rep,
			   struct mend_err *err);

/* The same for an open stream (read whole, up to IMPORT_MAX_BYTES; the
 * caller closes it); name is how messages call it. */
enum mend_rc import_stream(struct journal *j, FILE *f, const char *name,
			   bool dry_run, struct import_report *rep,
			   struct mend_err *err);

/* Read an open stream whole (up to IMPORT_MAX_BYTES) into *out (caller
 * frees with free; not NUL-terminated), *len bytes: what import_stream
 * imports, for a caller that looks at it first (an age file to open).
 * Too large is MEND_EBADFILE naming path. */
enum mend_rc import_read(FILE *f, const char *path, char **out, size_t *len,
			 struct mend_err *err);

#endif
