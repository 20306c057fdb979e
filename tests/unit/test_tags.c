/* SPDX-License-Identifier: MIT */
/* Tags: finding @word and #word in text the Unicode way, keys, checks,
 * and the tags table kept in step with every save, edit and delete. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/reflection.h"
#include "mend/store.h"
#include "mend/tags.h"
#include "test.h"

#define NOW "2026-03-02T10:00:00Z"

/* The list's shown forms joined with single spaces, into buf. */
static const char *shown(const struct tag_list *l, char *buf, size_t n)
{
	buf[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", i ? " " : "", l->v[i].shown);
	}
	return buf;
}

TEST(test_tags_found_in_text_with_unicode_words)
{
	struct tag_list l;
	char buf[256];
	tag_list_init(&l);
	CHECK_OK(tags_derive("Tired. #Ärger and @café_au-lait, then #日記!",
			     NULL, &l, NULL));
	CHECK(strcmp(shown(&l, buf, sizeof buf),
		     "#Ärger @café_au-lait #日記") == 0);
	CHECK(strcmp(l.v[0].key, "ärger") == 0);
	CHECK(strcmp(l.v[1].key, "café_au-lait") == 0);
	tag_list_done(&l);
}

TEST(test_tags_ignore_addresses_lone_signs_and_double_signs)
{
	struct tag_list l;
	tag_list_init(&l);
	CHECK_OK(tags_derive("mail me@example.org, # alone, ##twice, @ end, "
			     "a@b",
			     NULL, &l, NULL));
	CHECK(l.n == 0);
	tag_list_done(&l);
}

TEST(test_tags_match_however_written_and_stored_come_first)
{
	struct tag_list l;
	char buf[256];
	tag_list_init(&l);
	/* "e" + combining acute is the same tag as precomposed "é" */
	CHECK_OK(tags_derive("#WORK, then #work and #Cafe\xcc\x81 and #café",
			     "sleep @work", &l, NULL));
	CHECK(strcmp(shown(&l, buf, sizeof buf), "sleep @work #Cafe\xcc\x81") ==
	      0);
	CHECK(strcmp(l.v[2].key, "café") == 0);
	CHECK(tag_list_has(&l, "work") && !tag_list_has(&l, "WORK"));
	tag_list_done(&l);
}

TEST(test_tags_key_lowercases_unicode_and_drops_the_sign)
{
	char *key = NULL;
	CHECK_OK(tags_key("#ÇA-Ñ_Ö", strlen("#ÇA-Ñ_Ö"), &key, NULL));
	CHECK(strcmp(key, "ça-ñ_ö") == 0);
	free(key);
	CHECK_OK(tags_key("@Σ", strlen("@Σ"), &key, NULL));
	CHECK(strcmp(key, "σ") == 0);
	free(key);
}

TEST(test_tags_check_refuses_what_is_not_a_tag)
{
	struct mend_err err = {""};
	CHECK_OK(tags_check("tag", "saw-their-post", NULL));
	CHECK_OK(tags_check("tag", "#Ärger", NULL));
	CHECK(tags_check("tag", "two words", &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "tag: \"two words\" is not a tag") != NULL);
	CHECK(tags_check("tag", "", NULL) == MEND_EINVAL);
	CHECK(tags_check("tag", "#", NULL) == MEND_EINVAL);
	CHECK(tags_check("tag", "a.b", NULL) == MEND_EINVAL);
	CHECK(tags_check("tag", "caf\xe9", NULL) == MEND_EINVAL);
	char longtag[TAG_MAX_BYTES + 2];
	memset(longtag, 'a', sizeof longtag - 1);
	longtag[sizeof longtag - 1] = '\0';
	CHECK(tags_check("tag", longtag, NULL) == MEND_EINVAL);
}

TEST(test_tags_parse_list_checks_every_item)
{
	struct tag_list l;
	char buf[256];
	struct mend_err err = {""};
	tag_list_init(&l);
	CHECK_OK(tags_parse_list("quick-tags", " sleep, Work ,friends", 12, &l,
				 NULL));
	CHECK(strcmp(shown(&l, buf, sizeof buf), "sleep Work friends") == 0);
	tag_list_done(&l);
	CHECK(tags_parse_list("quick-tags", "a,,b", 12, &l, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "quick-tags:") == err.msg);
	tag_list_done(&l);
	CHECK(tags_parse_list("quick-tags", "work,WORK", 12, &l, NULL) ==
	      MEND_EINVAL);
	tag_list_done(&l);
	CHECK(tags_parse_list("quick-tags", "a,b,c", 2, &l, NULL) ==
	      MEND_EINVAL);
	tag_list_done(&l);
}

/* Rows of entry_tags for the entry with uuid, "key=shown" joined. */
static int rows(struct journal *j, const char *uuid, char *buf, size_t n)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int count = 0;
	buf[0] = '\0';
	if (sqlite3_open(store_path(j->st), &db) != SQLITE_OK)
		return -1;
	sqlite3_prepare_v2(db,
			   "SELECT t.tag, t.shown FROM entry_tags t JOIN entries "
			   "e ON e.id = t.entry_id WHERE e.uuid = ?1 "
			   "ORDER BY t.tag",
			   -1, &s, NULL);
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s=%s", count++ ? " " : "",
			 sqlite3_column_text(s, 0), sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return count;
}

TEST(test_tags_table_follows_save_edit_and_delete)
{
	struct journal *j = test_journal(NOW, "UTC");
	char uuid[UUID_LEN], buf[256];
	const char *text = "A hard day at #Work, then @friends";
	CHECK(j);
	CHECK_OK(reflection_save(j, MODULE_REFLECTION, NULL, text, strlen(text),
				 uuid, NULL));
	CHECK(rows(j, uuid, buf, sizeof buf) == 2);
	CHECK(strcmp(buf, "friends=@friends work=#Work") == 0);
	const char *edited = "Only #sleep now";
	CHECK_OK(journal_edit(j, uuid, edited, strlen(edited), NULL));
	CHECK(rows(j, uuid, buf, sizeof buf) == 1);
	CHECK(strcmp(buf, "sleep=#sleep") == 0);
	CHECK_OK(journal_delete(j, uuid, NULL));
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	CHECK(sqlite3_open(store_path(j->st), &db) == SQLITE_OK);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM entry_tags", -1, &s, NULL);
	CHECK(sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	test_journal_done(j);
}

TEST(test_tags_of_a_checkin_are_kept_beside_its_note)
{
	struct journal *j = test_journal(NOW, "UTC");
	struct checkin_input in = {.mood = 6, .urge = ENTRY_NONE,
				   .contact = 0, .note = "slept #late"};
	struct checkin_result r;
	struct mend_err err = {""};
	char buf[256];
	CHECK(j);
	CHECK_OK(checkin_save_tagged(j, &in, "sleep saw-their-post", &r, NULL));
	CHECK(rows(j, r.uuid, buf, sizeof buf) == 3);
	CHECK(strcmp(buf, "late=#late saw-their-post=saw-their-post "
			  "sleep=sleep") == 0);
	/* NULL keeps the day's tags, "" takes them away */
	CHECK_OK(checkin_save_tagged(j, &in, NULL, &r, NULL));
	CHECK(rows(j, r.uuid, buf, sizeof buf) == 3);
	CHECK_OK(checkin_save_tagged(j, &in, "", &r, NULL));
	CHECK(rows(j, r.uuid, buf, sizeof buf) == 1);
	CHECK(checkin_save_tagged(j, &in, "not.a.tag", &r, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "tag: \"not.a.tag\"") == err.msg);
	test_journal_done(j);
}

struct count_ctx {
	char seen[256];
};

static int note_tag(const struct store_tag *t, void *ctx)
{
	struct count_ctx *c = ctx;
	size_t len = strlen(c->seen);
	snprintf(c->seen + len, sizeof c->seen - len, "%s%s:%ld", len ? " " : "",
		 t->shown, t->count);
	return 0;
}

TEST(test_tags_migration_fills_the_table_for_entries_kept_before)
{
	struct journal *j = test_journal(NOW, "UTC");
	char uuid[UUID_LEN], path[4096];
	const char *a = "#Walk by the sea", *b = "another #walk, and #tea";
	struct count_ctx c = {""};
	sqlite3 *db = NULL;
	CHECK(j);
	CHECK_OK(reflection_save(j, MODULE_REFLECTION, NULL, a, strlen(a), uuid,
				 NULL));
	test_set_now(j, "2026-03-03T10:00:00Z");
	CHECK_OK(reflection_save(j, MODULE_REFLECTION, NULL, b, strlen(b), uuid,
				 NULL));
	snprintf(path, sizeof path, "%s", store_path(j->st));
	journal_close(j);
	/* the journal as version 4 left it: no tags table */
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "DROP TABLE entry_tags; PRAGMA user_version = 4;",
			   NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	j = NULL;
	CHECK_OK(journal_open(&j, path, NULL));
	CHECK_OK(tags_each(j, note_tag, &c, NULL));
	/* the newest use gives the shown form */
	CHECK(strcmp(c.seen, "#walk:2 #tea:1") == 0);
	test_journal_done(j);
}
