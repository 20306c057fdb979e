/* SPDX-License-Identifier: MIT */
/* The slip review: after a contact that restarted the count, three
 * short questions, each skippable. The answers are kept as one entry's
 * text, each under a heading line, so they read well in review and in
 * an export; what made it easy is also kept as a key for insights. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/nocontact.h"
#include "mend/pause.h"

static const char *const headings[] = {"What was happening", "What I felt",
				       "What made it easy"};

static bool given(const char *s)
{
	return s && *s;
}

enum mend_rc slip_save(struct journal *j, const struct slip_input *in,
		       char uuid[UUID_LEN], struct mend_err *err)
{
	const char *answers[3] = {in->happening, in->felt, in->easy_note};
	const char *fields[3] = {"happening", "felt", "easy-note"};
	enum mend_rc rc = MEND_OK;
	size_t need = 1;
	char *text = NULL;
	struct entry e;

	if (given(in->easy) && slip_easy_from_key(in->easy) < 0)
		return mend_err_set(err, MEND_EINVAL,
				    "easy: \"%s\" is not one of %s", in->easy,
				    slip_easy_keys());
	for (int i = 0; i < 3 && rc == MEND_OK; i++) {
		rc = journal_check_text(fields[i], answers[i],
					answers[i] ? strlen(answers[i]) : 0,
					JOURNAL_NOTE_MAX, false, err);
		need += given(answers[i])
			    ? strlen(headings[i]) + strlen(answers[i]) + 4
			    : 0;
	}
	if (rc != MEND_OK)
		return rc;
	if (!given(in->happening) && !given(in->felt) && !given(in->easy) &&
	    !given(in->easy_note))
		return mend_err_set(err, MEND_EINVAL,
				    "answers: none given; answer at least one "
				    "question (each one may be skipped)");
	if (!(text = malloc(need)))
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	size_t at = 0;
	text[0] = '\0';
	for (int i = 0; i < 3; i++)
		if (given(answers[i]))
			at += (size_t)snprintf(text + at, need - at,
					       "%s%s\n%s\n", at ? "\n" : "",
					       headings[i], answers[i]);
	if (at && text[at - 1] == '\n')
		text[at - 1] = '\0';
	entry_init(&e);
	e.kind = KIND_SLIP;
	e.text = text;
	e.step = given(in->easy) ? in->easy : NULL;
	rc = journal_save_entry(j, &e, uuid, err);
	free(text);
	return rc;
}

enum mend_rc slip_space(struct journal *j, struct slip_space *out,
			struct mend_err *err)
{
	const struct period_list *pl;
	enum mend_rc rc = journal_periods(j, &pl, err);
	memset(out, 0, sizeof *out);
	if (rc != MEND_OK)
		return rc;
	for (size_t i = 0; i < pl->n; i++) {
		long d = nocontact_period_days(j, &pl->items[i]);
		out->total_days += d;
		if (d > out->longest_days)
			out->longest_days = d;
		if (!pl->items[i].ended_at[0])
			out->current_days = d;
	}
	out->periods = (long)pl->n;
	return MEND_OK;
}
