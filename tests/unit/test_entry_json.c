/* SPDX-License-Identifier: MIT */
/* The one entry writer: the export's key order, nothing written as null,
 * tags as an array, "sealed" only where the text is withheld, and the
 * filter over user text alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/entry_json.h"
#include "test.h"

/* e written with o, in a string the caller frees. */
static char *written(const struct entry *e, const struct entry_json_options *o,
		     enum mend_rc *rc)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return NULL;
	*rc = entry_json_write(f, e, o, NULL);
	fclose(f);
	return buf;
}

static void sample(struct entry *e)
{
	entry_init(e);
	memcpy(e->uuid, "11111111-2222-4333-8444-555555555555", UUID_LEN);
	e->kind = KIND_CONTACT;
	memcpy(e->created_at, "2026-01-03T11:00:00Z", CLOCK_ISO_LEN);
	memcpy(e->updated_at, "2026-01-03T11:00:00Z", CLOCK_ISO_LEN);
	e->initiator = "them";
	e->channel = "text";
	e->necessary = 0;
	e->breaks_period = 1;
	e->tags = "a  b";
	e->text = "said \"hi\"\n";
}

TEST(test_entry_json_writes_the_export_order_and_leaves_out_the_unset)
{
	struct entry e;
	enum mend_rc rc = MEND_EIO;
	sample(&e);
	char *s = written(&e, NULL, &rc);
	CHECK(s);
	CHECK_OK(rc);
	CHECK(strcmp(s, "{\"id\": \"11111111-2222-4333-8444-555555555555\", "
			"\"kind\": \"contact\", \"module\": \"nocontact\", "
			"\"created_at\": \"2026-01-03T11:00:00Z\", "
			"\"updated_at\": \"2026-01-03T11:00:00Z\", "
			"\"by\": \"them\", \"channel\": \"text\", "
			"\"necessary\": false, \"restarted_period\": true, "
			"\"tags\": [\"a\", \"b\"], \"starred\": false, "
			"\"text\": \"said \\\"hi\\\"\\n\"}") == 0);
	CHECK(!strstr(s, "null"));
	free(s);
}

TEST(test_entry_json_marks_a_withheld_letter_sealed)
{
	struct entry e;
	struct entry_json_options o = {.sealed = true};
	enum mend_rc rc = MEND_EIO;
	entry_init(&e);
	e.kind = KIND_SEALED;
	e.open_day = 30;
	char *s = written(&e, &o, &rc);
	CHECK(s);
	CHECK(strstr(s, "\"open_day\": 30, \"starred\": false, \"sealed\": true, "
			 "\"text\": \"\"}"));
	free(s);
	o.sealed = false;
	s = written(&e, &o, &rc);
	CHECK(s);
	CHECK(!strstr(s, "sealed\":"));
	free(s);
}

static const char *bracketed(const char *s, void *ctx)
{
	static char buf[64];
	(void)ctx;
	snprintf(buf, sizeof buf, "<%s>", s);
	return buf;
}

static const char *no_memory(const char *s, void *ctx)
{
	(void)s;
	(void)ctx;
	return NULL;
}

TEST(test_entry_json_filters_user_text_only)
{
	struct entry e;
	struct entry_json_options o = {.filter = bracketed};
	enum mend_rc rc = MEND_EIO;
	sample(&e);
	e.text = "x";
	char *s = written(&e, &o, &rc);
	CHECK(s);
	CHECK(strstr(s, "\"by\": \"them\""));
	CHECK(strstr(s, "\"tags\": [\"<a>\", \"<b>\"], \"starred\": false, \"text\": \"<x>\"}"));
	free(s);
	o.filter = no_memory;
	s = written(&e, &o, &rc);
	CHECK(s);
	CHECK(rc == MEND_ENOMEM);
	free(s);
}
