/* SPDX-License-Identifier: MIT */
/* jrnl's plain-text journal file, read into the jrnl JSON shape that
 * import already knows, so that both go through the same checks and the
 * same merge. Internal to the core (import.c). */
#ifndef MEND_JRNL_TEXT_H
#define MEND_JRNL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/err.h"

/* True when data (after any white space) begins with an entry line,
 * "[YYYY-MM-DD HH:MM] " (seconds and AM/PM allowed, as jrnl writes them
 * with its default time format). */
bool jrnl_text_detect(const char *data, size_t len);

/* Read a jrnl text journal, by jrnl's own rules: an entry begins at a
 * line "[date] "; a first line ending in '*' stars it; tags are the
 * words starting with @ or # (lower-cased); a last line of tags alone
 * (where mend and jrnl users put them) is taken off the text. The text
 * of an entry is kept line for line. On MEND_OK *out is a jrnl JSON
 * export of *out_len bytes, freed by the caller with free; a file that
 * is not a jrnl journal is MEND_EBADFILE naming the line. */
enum mend_rc jrnl_text_to_json(const char *data, size_t len, char **out,
			       size_t *out_len, struct mend_err *err);

#endif
