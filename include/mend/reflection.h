/* SPDX-License-Identifier: MIT */
/* Writing answers to prompts: the reflection module and the acceptance
 * module's prompts. An answer keeps the prompt's id and its text as it
 * was shown, so later changes to the content never change history. */
#ifndef MEND_REFLECTION_H
#define MEND_REFLECTION_H

#include "mend/journal.h"

/* Save text (len bytes) as an entry of module m (MODULE_REFLECTION or
 * MODULE_ACCEPTANCE), answering prompt_id (NULL: free writing). An
 * unknown prompt, or one of another module, is MEND_EINVAL. */
enum mend_rc reflection_save(struct journal *j, enum module m,
			     const char *prompt_id, const char *text,
			     size_t len, char uuid[UUID_LEN],
			     struct mend_err *err);

/* Look up prompt_id for module m: *out is the prompt (borrowed from the
 * content). Unknown, or of another module: MEND_EINVAL. */
enum mend_rc reflection_prompt(const struct journal *j, enum module m,
			       const char *prompt_id,
			       const struct prompt **out,
			       struct mend_err *err);

/* Today's prompt for module m (offset > 0 picks another). NULL when the
 * module has none. Borrowed from the content. */
const struct prompt *reflection_prompt_today(const struct journal *j,
					     enum module m, unsigned offset);

#endif
