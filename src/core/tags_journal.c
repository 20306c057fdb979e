/* SPDX-License-Identifier: MIT */
/* The journal's tags for the front ends: the list with counts, and the
 * check-in's editable set of quick tags (a setting, with a default set
 * compiled in). The text work is in tags.c, the SQL in store_tags.c. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "data_embed.h"
#include "mend/journal.h"
#include "mend/store.h"
#include "mend/tags.h"

#define QUICK_KEY   "quick_tags"
#define QUICK_BYTES (TAGS_QUICK_MAX * (TAG_MAX_BYTES + 1) + 1)

enum mend_rc tags_each(struct journal *j,
		       int (*fn)(const struct store_tag *, void *), void *ctx,
		       struct mend_err *err)
{
	return store_tags_each(j->st, fn, ctx, err);
}

/* The default set: data/quick-tags.json's "tags", checked like a set a
 * person gives, so a bad data file is a plain error, not a bad tag. */
static enum mend_rc quick_default(struct tag_list *out, struct mend_err *err)
{
	cJSON *doc = cJSON_ParseWithLength((const char *)data_quick_tags_json,
					   data_quick_tags_json_len);
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "tags"), *t;
	enum mend_rc rc = cJSON_IsArray(arr)
			      ? MEND_OK
			      : mend_err_set(err, MEND_ECONTENT,
					     "quick-tags.json: no \"tags\" "
					     "array");
	cJSON_ArrayForEach(t, arr)
	{
		if (rc != MEND_OK || out->n >= TAGS_QUICK_MAX)
			break;
		rc = cJSON_IsString(t)
			 ? tags_check("quick-tags.json", t->valuestring, err)
			 : mend_err_set(err, MEND_ECONTENT,
					"quick-tags.json: a tag is not a "
					"string");
		if (rc == MEND_OK)
			rc = tag_list_add(out, t->valuestring,
					  strlen(t->valuestring), err);
	}
	cJSON_Delete(doc);
	return rc;
}

enum mend_rc tags_quick(struct journal *j, struct tag_list *out,
			struct mend_err *err)
{
	char buf[QUICK_BYTES];
	enum mend_rc rc =
	    store_setting_get(j->st, QUICK_KEY, buf, sizeof buf, err);
	if (rc == MEND_ENOTFOUND)
		return quick_default(out, err);
	if (rc == MEND_OK)
		rc = tags_parse_list("quick-tags", buf, TAGS_QUICK_MAX, out,
				     err);
	return rc;
}

enum mend_rc tags_quick_set(struct journal *j, const char *list,
			    struct mend_err *err)
{
	struct tag_list l;
	char buf[QUICK_BYTES] = "";
	enum mend_rc rc = MEND_OK;

	tag_list_init(&l);
	if (list && *list)
		rc = tags_parse_list("quick-tags", list, TAGS_QUICK_MAX, &l,
				     err);
	/* kept as written, one comma between, so it reads back the same */
	for (size_t i = 0; rc == MEND_OK && i < l.n; i++) {
		strcat(buf, i ? "," : "");
		strcat(buf, l.v[i].shown);
	}
	if (rc == MEND_OK)
		rc = store_begin(j->st, err);
	if (rc == MEND_OK) {
		rc = store_setting_set(j->st, QUICK_KEY, l.n ? buf : NULL,
				       j->now_iso, err);
		if (rc == MEND_OK)
			rc = store_commit(j->st, err);
		else
			store_rollback(j->st);
	}
	tag_list_done(&l);
	return rc;
}
