/* SPDX-License-Identifier: MIT */
/* Editing an entry that another mend may edit at the same time: the save
 * names the updated_at the edit started from and is refused when it
 * changed meanwhile, and the refused text can be kept as an entry of its
 * own. Not the plain edit (journal_edit), which replaces what is there. */
#include <stdlib.h>
#include <string.h>

#include "mend/journal.h"

static void copy_out(const struct entry *e, void *ctx)
{
	*(struct entry **)ctx = entry_dup(e);
}

static bool text_required(enum kind kind)
{
	return kind == KIND_REFLECTION || kind == KIND_ACCEPTANCE ||
	       kind == KIND_UNSENT || kind == KIND_SEALED ||
	       kind == KIND_GROWTH;
}

/* The end of the line at s with its trailing blanks left off, and
 * where the next line begins (NULL after the last). */
static size_t line_len(const char *s, const char **next)
{
	size_t n = strcspn(s, "\n");
	*next = s[n] ? s + n + 1 : NULL;
	while (n && strchr(" \t\r", s[n - 1]))
		n--;
	return n;
}

/* True when only blank lines are left from s on. */
static bool blank_rest(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

bool journal_text_same(const char *a, const char *b)
{
	while (a && b) {
		if (blank_rest(a) && blank_rest(b))
			return true;
		const char *na, *nb;
		size_t la = line_len(a, &na), lb = line_len(b, &nb);
		if (la != lb || memcmp(a, b, la) != 0)
			return false;
		a = na;
		b = nb;
	}
	return (!a || blank_rest(a)) && (!b || blank_rest(b));
}

enum mend_rc journal_edit_from(struct journal *j, const char *id,
			       const char *text, size_t len, const char *since,
			       bool *changed, struct mend_err *err)
{
	struct entry *e = NULL;
	enum mend_rc rc = store_begin(j->st, err);

	*changed = false;
	if (rc == MEND_OK)
		rc = store_entry_find(j->st, id, copy_out, &e, err);
	if (rc == MEND_OK && !e)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK)
		rc = journal_check_text("text", text, len,
					text_required(e->kind)
					    ? JOURNAL_TEXT_MAX
					    : JOURNAL_NOTE_MAX,
					text_required(e->kind), err);
	if (rc == MEND_OK && e->kind == KIND_SEALED &&
	    !journal_letter_open(j, e))
		rc =
		    mend_err_set(err, MEND_EINVAL,
				 "id: %s is a letter sealed until day %d of no "
				 "contact; it opens then",
				 e->uuid, e->open_day);
	if (rc == MEND_OK) {
		e->text = text;
		memcpy(e->updated_at, j->now_iso, sizeof e->updated_at);
		rc = since ? store_entry_update_from(j->st, e, since, changed,
						     err)
			   : store_entry_update(j->st, e, err);
	}
	if (rc == MEND_OK)
		rc = store_forget_old_text(j->st, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	entry_free(e);
	return rc;
}

enum mend_rc journal_save_copy(struct journal *j, const struct entry *from,
			       const char *text, size_t len,
			       char uuid[UUID_LEN], struct mend_err *err)
{
	struct entry e;
	enum mend_rc rc;

	if (from->kind == KIND_CHECKIN)
		return mend_err_set(err, MEND_EINVAL,
				    "kind: a day has one check-in, so a second "
				    "text for %.10s cannot be an entry of its "
				    "own",
				    from->day);
	rc = journal_check_text("text", text, len,
				text_required(from->kind) ? JOURNAL_TEXT_MAX
							  : JOURNAL_NOTE_MAX,
				text_required(from->kind), err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = from->kind;
	e.text = text;
	e.prompt_id = from->prompt_id;
	e.prompt_text = from->prompt_text;
	e.initiator = from->initiator;
	e.channel = from->channel;
	e.category = from->category;
	e.outcome = from->outcome;
	e.tags = from->tags;
	e.urge = from->urge;
	e.necessary = from->necessary;
	e.minutes = from->minutes;
	e.open_day = from->open_day;
	/* a second copy of a contact restarts nothing: the first one did */
	if (from->kind == KIND_CONTACT)
		e.breaks_period = 0;
	return journal_save_entry(j, &e, uuid, err);
}
