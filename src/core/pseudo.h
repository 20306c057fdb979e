/* SPDX-License-Identifier: MIT */
/* Replacing a person's name in text, for `export --pseudonym`: whole
 * words only, in any letter case (Unicode case folding), in composed or
 * decomposed form (compatibility normalisation), with any white space
 * between the parts of a name. Core-internal; not part of the API. */
#ifndef MEND_PSEUDO_H
#define MEND_PSEUDO_H

#include "mend/err.h"

struct pseudo;

/* A replacer of name (trimmed; its parts are the words between white
 * space) by replacement. MEND_EINVAL when name has no word in it;
 * MEND_ENOMEM. Caller frees *out with pseudo_free. */
enum mend_rc pseudo_new(struct pseudo **out, const char *name,
			const char *replacement, struct mend_err *err);

/* text with every whole-word occurrence of the name replaced. Borrowed:
 * text itself when nothing matched, else a buffer valid until the next
 * call on p. NULL when out of memory. */
const char *pseudo_apply(struct pseudo *p, const char *text);

/* Free p (NULL is fine). */
void pseudo_free(struct pseudo *p);

#endif
