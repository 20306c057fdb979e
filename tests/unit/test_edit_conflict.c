/* SPDX-License-Identifier: MIT */
/* Two edits of one entry, texts that differ only in trailing white space,
 * the ex's name as stored, and local changes to a period that always
 * come after what they replace. */
#include <stdio.h>
#include <string.h>

#include "mend/nocontact.h"
#include "test.h"

static void copy_out(const struct entry *e, void *ctx)
{
	*(struct entry **)ctx = entry_dup(e);
}

static struct entry *find(struct journal *j, const char *id)
{
	struct entry *e = NULL;
	if (journal_find(j, id, copy_out, &e, NULL) != MEND_OK)
		return NULL;
	return e;
}

static bool reflection(struct journal *j, const char *text, char uuid[UUID_LEN])
{
	struct entry e;
	entry_init(&e);
	e.kind = KIND_REFLECTION;
	e.text = text;
	e.prompt_id = "letting-go-1";
	e.prompt_text = "What are you ready to let go of?";
	return journal_save_entry(j, &e, uuid, NULL) == MEND_OK;
}

TEST(test_edit_from_an_old_updated_at_is_refused_and_writes_nothing)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct mend_err err = {""};
	char uuid[UUID_LEN], since[CLOCK_ISO_LEN];
	struct entry *e = NULL;
	bool changed = false;
	CHECK(j);
	CHECK(reflection(j, "first", uuid));
	CHECK((e = find(j, uuid)));
	memcpy(since, e->updated_at, sizeof since);
	entry_free(e);
	/* another mend saves it meanwhile, in the same second */
	CHECK_OK(journal_edit(j, uuid, "theirs", 6, NULL));
	CHECK(journal_edit_from(j, uuid, "mine", 4, since, &changed, &err) ==
	      MEND_EINVAL);
	CHECK(changed);
	CHECK(strstr(err.msg, "changed elsewhere"));
	CHECK((e = find(j, uuid)));
	CHECK(strcmp(e->text, "theirs") == 0);
	entry_free(e);
	test_journal_done(j);
}

TEST(test_edit_from_the_current_updated_at_saves_and_moves_it_on)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN], since[CLOCK_ISO_LEN];
	struct entry *e = NULL;
	bool changed = true;
	CHECK(j);
	CHECK(reflection(j, "first", uuid));
	CHECK((e = find(j, uuid)));
	memcpy(since, e->updated_at, sizeof since);
	entry_free(e);
	CHECK_OK(journal_edit_from(j, uuid, "mine", 4, since, &changed, NULL));
	CHECK(!changed);
	CHECK((e = find(j, uuid)));
	CHECK(strcmp(e->text, "mine") == 0);
	CHECK(strcmp(e->updated_at, since) > 0);
	entry_free(e);
	test_journal_done(j);
}

TEST(test_edit_from_an_entry_that_is_gone_is_not_found)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN];
	bool changed = true;
	CHECK(j);
	CHECK(reflection(j, "first", uuid));
	CHECK_OK(journal_delete(j, uuid, NULL));
	CHECK(journal_edit_from(j, uuid, "mine", 4, "2026-01-11T09:00:00Z",
				&changed, NULL) == MEND_ENOTFOUND);
	CHECK(!changed);
	test_journal_done(j);
}

TEST(test_save_copy_keeps_kind_module_and_prompt)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char uuid[UUID_LEN], copy[UUID_LEN];
	struct entry *e = NULL, *c = NULL;
	CHECK(j);
	CHECK(reflection(j, "first", uuid));
	CHECK((e = find(j, uuid)));
	CHECK_OK(journal_save_copy(j, e, "mine", 4, copy, NULL));
	CHECK(strcmp(copy, uuid) != 0);
	CHECK((c = find(j, copy)));
	CHECK(c->kind == KIND_REFLECTION);
	CHECK(strcmp(c->text, "mine") == 0);
	CHECK(c->prompt_id && strcmp(c->prompt_id, "letting-go-1") == 0);
	entry_free(c);
	entry_free(e);
	CHECK((e = find(j, uuid)));
	CHECK(strcmp(e->text, "first") == 0);
	entry_free(e);
	test_journal_done(j);
}

TEST(test_save_copy_of_a_checkin_is_refused)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct mend_err err = {""};
	struct entry e;
	char uuid[UUID_LEN];
	CHECK(j);
	entry_init(&e);
	e.kind = KIND_CHECKIN;
	snprintf(e.day, sizeof e.day, "2026-01-11");
	CHECK(journal_save_copy(j, &e, "note", 4, uuid, &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "one check-in"));
	test_journal_done(j);
}

TEST(test_text_same_apart_from_trailing_white_space)
{
	CHECK(journal_text_same("a line", "a line"));
	CHECK(journal_text_same("a line", "a line  \n\n \n"));
	CHECK(journal_text_same("a line   \nnext", "a line\nnext\n"));
	CHECK(journal_text_same("a\r\nb", "a\nb"));
	CHECK(journal_text_same("", " \n\t\n"));
	CHECK(!journal_text_same("a line", "a line."));
	CHECK(!journal_text_same("a\n\nb", "a\nb"));
	CHECK(!journal_text_same("  lead", "lead"));
	CHECK(!journal_text_same("a", ""));
}

TEST(test_the_ex_name_is_stored_trimmed)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	char name[JOURNAL_NAME_MAX * 4 + 1];
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, "  Sam ", NULL));
	CHECK_OK(nocontact_name(j, name, sizeof name, NULL));
	CHECK(strcmp(name, "Sam") == 0);
	test_journal_done(j);
}

TEST(test_a_local_period_change_comes_after_a_fast_clock_import)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct period p;
	CHECK(j);
	CHECK_OK(nocontact_start(j, "2026-01-01", ENTRY_NONE, NULL, NULL));
	CHECK_OK(store_period_current(j->st, &p, NULL));
	/* as an import from a device whose clock ran years ahead leaves it */
	snprintf(p.updated_at, sizeof p.updated_at, "2030-01-01T00:00:00Z");
	CHECK_OK(store_period_put(j->st, &p, NULL));
	journal_invalidate(j);
	CHECK_OK(nocontact_start(j, "2026-01-05", ENTRY_NONE, NULL, NULL));
	CHECK_OK(store_period_current(j->st, &p, NULL));
	CHECK(strncmp(p.started_at, "2026-01-05", 10) == 0);
	CHECK(strcmp(p.updated_at, "2030-01-01T00:00:01Z") == 0);
	test_journal_done(j);
}
