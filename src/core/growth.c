/* SPDX-License-Identifier: MIT */
/* The self-improvement log and its weekly totals. */
#include "mend/growth.h"

#include <string.h>

enum mend_rc growth_log(struct journal *j, const char *category, int minutes,
			const char *text, size_t len, char uuid[UUID_LEN],
			struct mend_err *err)
{
	struct growth_input in = {category, minutes, NULL};
	return growth_answer(j, &in, text, len, uuid, err);
}

/* The prompt a growth entry answers: one of the growth module. */
static enum mend_rc growth_prompt(struct journal *j, const char *id,
				  const struct prompt **out,
				  struct mend_err *err)
{
	const struct prompt *p = content_prompt(j->content, id);
	*out = p;
	if (!p)
		return mend_err_set(err, MEND_EINVAL,
				    "prompt: no prompt has the id '%.64s'; "
				    "'mend prompts --module growth' lists them",
				    id);
	if (p->module != MODULE_GROWTH)
		return mend_err_set(err, MEND_EINVAL,
				    "prompt: '%s' belongs to %s, not growth; "
				    "answer it with mend %s --prompt %s",
				    id, module_name(p->module),
				    p->module == MODULE_ACCEPTANCE ? "accept"
								   : "reflect",
				    id);
	return MEND_OK;
}

enum mend_rc growth_answer(struct journal *j, const struct growth_input *in,
			   const char *text, size_t len, char uuid[UUID_LEN],
			   struct mend_err *err)
{
	const struct prompt *p = NULL;
	const char *category = in->category;
	int minutes = in->minutes;
	struct entry e;

	if (in->prompt_id) {
		enum mend_rc prc = growth_prompt(j, in->prompt_id, &p, err);
		if (prc != MEND_OK)
			return prc;
		if (!category)
			category = p->theme;
	}
	const struct category *cat = content_category(j->content, category);
	if (!cat) {
		char list[256] = "";
		for (size_t i = 0; i < j->content->n_categories; i++) {
			if (i)
				strncat(list, ", ", sizeof list - strlen(list) - 1);
			strncat(list, j->content->categories[i].id,
				sizeof list - strlen(list) - 1);
		}
		return mend_err_set(err, MEND_EINVAL,
				    "category: '%.32s' is not one of %s",
				    category ? category : "", list);
	}
	if (minutes != ENTRY_NONE && (minutes < 0 || minutes > GROWTH_MINUTES_MAX))
		return mend_err_set(err, MEND_EINVAL,
				    "minutes: %d is not in 0..%d", minutes,
				    GROWTH_MINUTES_MAX);
	enum mend_rc rc =
		journal_check_text("text", text, len, JOURNAL_TEXT_MAX, true, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_GROWTH;
	e.category = cat->id;
	e.minutes = minutes;
	/* The prompt only guides what is logged: a growth entry is the
	 * activity itself, and the journal's format keeps prompts with
	 * written answers (reflection, acceptance) alone. */
	e.text = text;
	return journal_save_entry(j, &e, uuid, err);
}

struct week_ctx {
	const struct content *c;
	struct growth_total *out;
};

static void add_total(const char *category, long minutes, long count,
		      void *ctx)
{
	struct week_ctx *w = ctx;
	for (size_t i = 0; i < w->c->n_categories; i++) {
		if (strcmp(w->c->categories[i].id, category) == 0) {
			w->out[i].minutes += minutes;
			w->out[i].count += count;
		}
	}
}

/* The current week's bounds: Monday's journal day start to the next. */
static void week_bounds(const struct journal *j, char since[CLOCK_ISO_LEN],
			char until[CLOCK_ISO_LEN])
{
	long today = journal_today(j);
	/* 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday 0. */
	long monday = today - ((today + 3) % 7);
	struct mend_date d = clock_civil_from_days(monday);
	time_t start = clock_local_midnight(d) + j->day_start_hour * 3600;
	d = clock_civil_from_days(monday + 7);
	time_t end = clock_local_midnight(d) + j->day_start_hour * 3600;

	clock_format_iso(start, since);
	clock_format_iso(end, until);
}

enum mend_rc growth_week(struct journal *j, struct growth_total *out,
			 struct mend_err *err)
{
	char since[CLOCK_ISO_LEN], until[CLOCK_ISO_LEN];
	struct week_ctx w = {j->content, out};

	week_bounds(j, since, until);
	for (size_t i = 0; i < j->content->n_categories; i++) {
		out[i].category = j->content->categories[i].id;
		out[i].minutes = 0;
		out[i].count = 0;
	}
	return store_growth_totals(j->st, since, until, add_total, &w, err);
}

enum mend_rc growth_week_each(struct journal *j,
			      int (*fn)(const struct entry *, void *),
			      void *ctx, struct mend_err *err)
{
	char since[CLOCK_ISO_LEN], until[CLOCK_ISO_LEN];
	week_bounds(j, since, until);
	struct entry_filter f = {.module = -1,
				 .kind = KIND_GROWTH,
				 .since = since,
				 .until = until};
	return store_entries_each(j->st, &f, fn, ctx, err);
}
