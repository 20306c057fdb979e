/* SPDX-License-Identifier: MIT */
/* Answers to prompts, for reflection and acceptance, and which prompt
 * suits today. An answer to a no-contact prompt is a reflection: written
 * thought, kept with its prompt, while the no-contact module's own
 * records (contacts, urges, letters) are what its count is made of. */
#include "mend/reflection.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The command that answers prompts of module m, for messages. */
static const char *answered_by(enum module m)
{
	switch (m) {
	case MODULE_ACCEPTANCE: return "accept";
	case MODULE_GROWTH: return "grow";
	default: return "reflect";
	}
}

/* Whether a text written in module m may answer a prompt of module p. */
static bool answers(enum module m, enum module p)
{
	if (m == MODULE_REFLECTION || m == MODULE_NOCONTACT)
		return p == MODULE_REFLECTION || p == MODULE_NOCONTACT;
	return m == p;
}

static int first_period(const struct period *p, void *ctx)
{
	memcpy(ctx, p->started_at, CLOCK_ISO_LEN);
	return 1;
}

static int latest_checkin(const struct entry *e, void *ctx)
{
	struct entry *out = ctx;
	memcpy(out->day, e->day, sizeof out->day);
	out->mood = e->mood;
	return 1;
}

void reflection_context(const struct journal *j, struct prompt_context *out)
{
	char started[CLOCK_ISO_LEN] = "";
	struct entry last;
	struct entry_filter f = {.module = -1, .kind = KIND_CHECKIN, .limit = 1};
	struct mend_date d;
	time_t t;
	long today = journal_today(j);

	out->stage_day = -1;
	out->mood = 0;
	if (store_periods_each(j->st, false, first_period, started, NULL) ==
		    MEND_OK &&
	    started[0] && clock_parse_iso(started, &t)) {
		int hours;
		/* counted as the no-contact days are: whole days elapsed */
		out->stage_day = 0;
		if (t < j->now)
			clock_elapsed(t, j->now, &out->stage_day, &hours);
	}
	entry_init(&last);
	if (store_entries_each(j->st, &f, latest_checkin, &last, NULL) ==
		    MEND_OK &&
	    last.mood != ENTRY_NONE && clock_parse_date(last.day, &d) &&
	    clock_days_from_civil(d) >= today - 1)
		out->mood = last.mood;
}

/* The prompts answered so far and when each was last answered. */
struct answered {
	struct {
		char *id;
		char at[CLOCK_ISO_LEN];
	} *v;
	size_t n, cap;
	bool failed;
};

static void keep_answer(const char *id, const char *at, void *ctx)
{
	struct answered *a = ctx;
	if (a->failed)
		return;
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;
		void *grown = realloc(a->v, cap * sizeof *a->v);
		if (!grown) {
			a->failed = true;
			return;
		}
		a->v = grown;
		a->cap = cap;
	}
	if (!(a->v[a->n].id = strdup(id))) {
		a->failed = true;
		return;
	}
	snprintf(a->v[a->n].at, sizeof a->v[a->n].at, "%s", at);
	a->n++;
}

static const char *last_answer(const char *id, void *ctx)
{
	const struct answered *a = ctx;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].id, id) == 0)
			return a->v[i].at;
	return NULL;
}

const struct prompt *reflection_prompt_today(const struct journal *j,
					     enum module m, unsigned offset)
{
	struct prompt_context ctx;
	struct answered a = {NULL, 0, 0, false};
	const struct prompt *p;

	reflection_context(j, &ctx);
	enum mend_rc rc = j->st ? store_prompt_answers(j->st, keep_answer, &a,
						       NULL)
				: MEND_OK;
	size_t kept = a.n;
	/* a journal that cannot be read here still gets the day's prompt */
	if (rc != MEND_OK || a.failed)
		a.n = 0;
	p = content_prompt_fresh(j->content, m, journal_today(j), offset, &ctx,
				 last_answer, &a);
	for (size_t i = 0; i < kept; i++)
		free(a.v[i].id);
	free(a.v);
	return p;
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
	if (!answers(m, p->module))
		return mend_err_set(err, MEND_EINVAL,
				    "prompt: '%s' belongs to %s, not %s; "
				    "answer it with mend %s --prompt %s",
				    prompt_id, module_name(p->module),
				    module_name(m), answered_by(p->module),
				    prompt_id);
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
	enum mend_rc rc = MEND_OK;

	if (m != MODULE_REFLECTION && m != MODULE_ACCEPTANCE &&
	    m != MODULE_NOCONTACT)
		return mend_err_set(err, MEND_EINVAL,
				    "module: %s has no written answers; use "
				    "reflection, nocontact or acceptance",
				    module_name(m));
	if (prompt_id)
		rc = reflection_prompt(j, m, prompt_id, &p, err);
	if (rc == MEND_OK)
		rc = journal_check_text("text", text, len, JOURNAL_TEXT_MAX, true,
					err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = m == MODULE_ACCEPTANCE ? KIND_ACCEPTANCE : KIND_REFLECTION;
	e.text = text;
	if (p) {
		e.prompt_id = p->id;
		e.prompt_text = p->text;
	}
	return journal_save_entry(j, &e, uuid, err);
}
