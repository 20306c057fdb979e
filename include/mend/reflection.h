/* SPDX-License-Identifier: MIT */
/* Writing answers to prompts: the reflection module and the acceptance
 * module's prompts. An answer keeps the prompt's id and its text as it
 * was shown, so later changes to the content never change history. */
#ifndef MEND_REFLECTION_H
#define MEND_REFLECTION_H

#include "mend/journal.h"

/* Save text (len bytes) written in module m, answering prompt_id (NULL:
 * free writing). MODULE_ACCEPTANCE saves an acceptance entry answering
 * an acceptance prompt; MODULE_REFLECTION and MODULE_NOCONTACT save a
 * reflection answering a reflection or a no-contact prompt (a no-contact
 * answer is written thought, kept in Reflection with its prompt). An
 * unknown prompt, or one answered elsewhere, is MEND_EINVAL naming the
 * command that answers it. */
enum mend_rc reflection_save(struct journal *j, enum module m,
			     const char *prompt_id, const char *text,
			     size_t len, char uuid[UUID_LEN],
			     struct mend_err *err);

/* Look up prompt_id for text written in module m (the pairs above):
 * *out is the prompt (borrowed from the content). Unknown, or answered
 * elsewhere: MEND_EINVAL, naming the command that answers it. */
enum mend_rc reflection_prompt(const struct journal *j, enum module m,
			       const char *prompt_id,
			       const struct prompt **out,
			       struct mend_err *err);

/* What prompt choice knows today: the days since the first no-contact
 * period began (-1 when no start date is set: not known) and the mood of the latest check-in when it
 * is today's or yesterday's (else 0). Store errors leave the defaults. */
void reflection_context(const struct journal *j, struct prompt_context *out);

/* Today's prompt for module m among those that suit the context above
 * (offset > 0 picks another). NULL when the module has none. Borrowed
 * from the content. */
const struct prompt *reflection_prompt_today(const struct journal *j,
					     enum module m, unsigned offset);

#endif
