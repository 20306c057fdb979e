/* SPDX-License-Identifier: MIT */
/* The pause before reaching out and the look at their profile: their
 * keys, checks and records, and the one-line description review and
 * export show. The slip review is in slip.c, the lists the user keeps in
 * pause_list.c, the words of the flows in pause_content.c. */
#include <stdio.h>
#include <string.h>

#include "mend/pause.h"

static const char *const need_keys[] = {
#define PAUSE_X(e, key) key,
    PAUSE_NEED_LIST(PAUSE_X)
#undef PAUSE_X
};
static const char *const outcome_keys[] = {
#define PAUSE_X(e, key) key,
    PAUSE_OUTCOME_LIST(PAUSE_X)
#undef PAUSE_X
};
static const char *const easy_keys[] = {
#define PAUSE_X(e, key) key,
    SLIP_EASY_LIST(PAUSE_X)
#undef PAUSE_X
};

static int find(const char *const *keys, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	return -1;
}

const char *pause_need_key(enum pause_need n)
{
	return (unsigned)n < PAUSE_NEED_COUNT ? need_keys[n] : "";
}

int pause_need_from_key(const char *key)
{
	return find(need_keys, PAUSE_NEED_COUNT, key);
}

const char *pause_outcome_key(enum pause_outcome o)
{
	return (unsigned)o < PAUSE_OUTCOME_COUNT ? outcome_keys[o] : "";
}

int pause_outcome_from_key(const char *key)
{
	return find(outcome_keys, PAUSE_OUTCOME_COUNT, key);
}

const char *slip_easy_key(enum slip_easy e)
{
	return (unsigned)e < SLIP_EASY_COUNT ? easy_keys[e] : "";
}

int slip_easy_from_key(const char *key)
{
	return find(easy_keys, SLIP_EASY_COUNT, key);
}

/* "a, b, c, " made once into "a, b or c" */
static const char *joined(const char *const *keys, int n, char *buf,
			  size_t size)
{
	if (buf[0])
		return buf;
	size_t at = 0;
	for (int i = 0; i < n && at < size; i++)
		at += (size_t)snprintf(buf + at, size - at, "%s%s",
				       i == 0	    ? ""
				       : i == n - 1 ? " or "
						    : ", ",
				       keys[i]);
	return buf;
}

const char *pause_need_keys(void)
{
	static char buf[128];
	return joined(need_keys, PAUSE_NEED_COUNT, buf, sizeof buf);
}

const char *pause_outcome_keys(void)
{
	static char buf[96];
	return joined(outcome_keys, PAUSE_OUTCOME_COUNT, buf, sizeof buf);
}

const char *slip_easy_keys(void)
{
	static char buf[96];
	return joined(easy_keys, SLIP_EASY_COUNT, buf, sizeof buf);
}

static enum mend_rc check_level(const char *field, int v, bool required,
				struct mend_err *err)
{
	if (v == ENTRY_NONE && !required)
		return MEND_OK;
	if (v == ENTRY_NONE)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: missing; give a number in 0..10",
				    field);
	if (v < 0 || v > 10)
		return mend_err_set(err, MEND_EINVAL, "%s: %d is not in 0..10",
				    field, v);
	return MEND_OK;
}

enum mend_rc pause_check(const struct pause_input *in, struct mend_err *err)
{
	enum mend_rc rc = check_level("urge", in->urge, true, err);
	if (rc == MEND_OK)
		rc = check_level("after", in->urge_after, false, err);
	if (rc == MEND_OK && in->seconds != ENTRY_NONE &&
	    (in->seconds < 0 || in->seconds > PAUSE_SECONDS_MAX))
		rc = mend_err_set(err, MEND_EINVAL,
				  "seconds: %d is not in 0..%d", in->seconds,
				  PAUSE_SECONDS_MAX);
	if (rc == MEND_OK && in->need && pause_need_from_key(in->need) < 0)
		rc = mend_err_set(err, MEND_EINVAL,
				  "need: \"%s\" is not one of %s", in->need,
				  pause_need_keys());
	if (rc == MEND_OK && !in->outcome)
		rc = mend_err_set(err, MEND_EINVAL,
				  "outcome: missing; give one of %s",
				  pause_outcome_keys());
	if (rc == MEND_OK && pause_outcome_from_key(in->outcome) < 0)
		rc = mend_err_set(err, MEND_EINVAL,
				  "outcome: \"%s\" is not one of %s",
				  in->outcome, pause_outcome_keys());
	bool own = in->need && strcmp(in->need, "own") == 0;
	bool has_word = in->own && *in->own;
	if (rc == MEND_OK && has_word && !own)
		rc = mend_err_set(err, MEND_EINVAL,
				  "word: a word of your own goes with need "
				  "\"own\"; need is \"%s\"",
				  in->need ? in->need : "not given");
	if (rc == MEND_OK && has_word)
		rc = journal_check_text("word", in->own, strlen(in->own),
					PAUSE_WORD_MAX, false, err);
	return rc;
}

enum mend_rc pause_save(struct journal *j, const struct pause_input *in,
			char uuid[UUID_LEN], struct mend_err *err)
{
	struct entry e;
	enum mend_rc rc = pause_check(in, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_PAUSE;
	e.urge = in->urge;
	e.urge_after = in->urge_after;
	e.seconds = in->seconds;
	e.category = in->need;
	e.text =
	    in->own && in->need && strcmp(in->need, "own") == 0 ? in->own : "";
	e.step = in->outcome;
	return journal_save_entry(j, &e, uuid, err);
}

enum mend_rc pause_log_profile(struct journal *j, int urge, const char *note,
			       char uuid[UUID_LEN], struct mend_err *err)
{
	struct entry e;
	enum mend_rc rc = check_level("urge", urge, false, err);
	if (rc == MEND_OK)
		rc = journal_check_text("note", note, note ? strlen(note) : 0,
					JOURNAL_NOTE_MAX, false, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_PROFILE;
	e.urge = urge;
	e.text = note ? note : "";
	return journal_save_entry(j, &e, uuid, err);
}

static const char *outcome_words(const char *key)
{
	static const char *const words[] = {
	    "kept unsent", "a necessary contact", "reached out", "left early"};
	int i = pause_outcome_from_key(key);
	return i < 0 ? key : words[i];
}

void pause_describe(const struct entry *e, char *buf, size_t n)
{
	size_t at = 0;
#define ADD(...)                                                               \
	do {                                                                   \
		if (at < n)                                                    \
			at += (size_t)snprintf(buf + at, n - at, __VA_ARGS__); \
	} while (0)
	if (!n)
		return;
	buf[0] = '\0';
	switch (e->kind) {
	case KIND_PAUSE:
		ADD("urge %d", e->urge);
		if (e->urge_after != ENTRY_NONE)
			ADD(" → %d", e->urge_after);
		if (e->seconds != ENTRY_NONE && e->seconds >= 60)
			ADD(" · %d min", e->seconds / 60);
		else if (e->seconds != ENTRY_NONE)
			ADD(" · %d s", e->seconds);
		if (e->category && strcmp(e->category, "own") != 0)
			ADD(" · needed %s", e->category);
		if (e->step)
			ADD(" · %s", outcome_words(e->step));
		break;
	case KIND_PROFILE:
		ADD("looked at their profile");
		if (e->urge != ENTRY_NONE)
			ADD(" · urge %d", e->urge);
		ADD(" · the count goes on");
		break;
	case KIND_SLIP:
		ADD("a slip, looked back on");
		if (e->step)
			ADD(" · made easy by: %s", e->step);
		break;
	default:
		break;
	}
#undef ADD
}
