/* SPDX-License-Identifier: MIT */
/* One entry as JSON: the single writer behind the export's "entries" and
 * every --json of the command line, so an entry has one shape wherever it
 * is read. The shape (keys, their order, what is omitted) is described in
 * data/mend-entry.schema.json and mend(1); a new field is one line in
 * entry_json.c's field table. */
#ifndef MEND_ENTRY_JSON_H
#define MEND_ENTRY_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "mend/entry.h"
#include "mend/err.h"

struct entry_json_options {
	/* Applied to the text, the prompt as shown and each tag before they
	 * are written (the export's --pseudonym), or NULL for none. Returns
	 * a string borrowed until its next call, or NULL when out of memory. */
	const char *(*filter)(const char *s, void *ctx);
	void *ctx;
	/* The text is withheld (a letter still sealed): "sealed": true is
	 * written before an empty "text". */
	bool sealed;
};

/* Write s as a JSON string, quoted and escaped, UTF-8 kept as it is. */
void entry_json_put_string(FILE *f, const char *s);

/* Write e as one JSON object on one line, with no newline after it.
 * o may be NULL. Returns MEND_OK, MEND_ENOMEM when the filter ran out of
 * memory, or MEND_EIO when the stream has an error; err may be NULL. */
enum mend_rc entry_json_write(FILE *f, const struct entry *e,
			      const struct entry_json_options *o,
			      struct mend_err *err);

#endif
