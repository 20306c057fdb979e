/* SPDX-License-Identifier: MIT */
/* Answers to prompts, for reflection and acceptance. */
#include "mend/reflection.h"

#include <string.h>

const struct prompt *reflection_prompt_today(const struct journal *j,
					     enum module m, unsigned offset)
{
	return content_prompt_of_day(j->content, m, journal_today(j), offset);
}

enum mend_rc reflection_prompt(const struct journal *j, enum module m,
			       const char *prompt_id,
			       const struct prompt **out,
			       struct mend_err *err)
{
	const struct prompt *p = content_prompt(j->content, prompt_id);

	*out = NULL;
	if (!p)
		return mend_err_set(err, MEND_EINVAL,
				    "prompt: no prompt has the id '%.64s'; "
				    "'mend prompts --module %s' lists them",
				    prompt_id ? prompt_id : "", module_name(m));
	if (p->module != m)
		return mend_err_set(err, MEND_EINVAL,
				    "prompt: '%s' belongs to %s, not %s",
				    prompt_id, module_name(p->module),
				    module_name(m));
	*out = p;
	return MEND_OK;
}

enum mend_rc reflection_save(struct journal *j, enum module m,
			     const char *prompt_id, const char *text,
			     size_t len, char uuid[UUID_LEN],
			     struct mend_err *err)
{
	const struct prompt *p = NULL;
	struct entry e;

	if (m != MODULE_REFLECTION && m != MODULE_ACCEPTANCE)
		return mend_err_set(err, MEND_EINVAL,
				    "module: %s has no written answers; use "
				    "reflection or acceptance",
				    module_name(m));
	if (prompt_id) {
		enum mend_rc prc = reflection_prompt(j, m, prompt_id, &p, err);
		if (prc != MEND_OK)
			return prc;
	}
	enum mend_rc rc =
		journal_check_text("text", text, len, JOURNAL_TEXT_MAX, true, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = m == MODULE_REFLECTION ? KIND_REFLECTION : KIND_ACCEPTANCE;
	e.text = text;
	if (p) {
		e.prompt_id = p->id;
		e.prompt_text = p->text;
	}
	return journal_save_entry(j, &e, uuid, err);
}
