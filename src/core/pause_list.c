/* SPDX-License-Identifier: MIT */
/* The two lists the user keeps for the hardest moments: reasons for
 * keeping space and people to reach instead. Each is one setting whose
 * value is a JSON array of strings, so it stays with the user's other
 * settings (and is sealed with them). */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "mend/pause.h"
#include "mend/utf8.h"

static const struct {
	const char *key, *one;
} lists[] = {
#define PAUSE_X(e, key, one) {key, one},
    PAUSE_LISTS(PAUSE_X)
#undef PAUSE_X
};

/* An item's characters and JSON escapes fit easily: 4 bytes a
 * character, doubled for escapes, plus quotes and a comma. */
#define VALUE_MAX (PAUSE_LIST_ITEMS * (PAUSE_LIST_CHARS * 8 + 4) + 4)

const char *pause_list_key(enum pause_list_kind k)
{
	return (unsigned)k < PAUSE_LIST_COUNT ? lists[k].key : "";
}

int pause_list_from_key(const char *key)
{
	for (int i = 0; key && i < PAUSE_LIST_COUNT; i++)
		if (strcmp(lists[i].key, key) == 0)
			return i;
	return -1;
}

void pause_list_done(struct pause_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->items[i]);
	l->n = 0;
}

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

enum mend_rc pause_list_check_item(enum pause_list_kind k, const char *text,
				   struct mend_err *err)
{
	const char *field = lists[k].one;
	size_t len = text ? strlen(text) : 0, bad;
	uint32_t cp;
	if (text && !utf8_valid(text, len, &bad))
		return mend_err_set(err, MEND_EINVAL,
				    "%s: not valid UTF-8 at byte %zu", field,
				    bad);
	if (!text || !utf8_has_text(text))
		return mend_err_set(err, MEND_EINVAL,
				    "%s: empty; write a few words", field);
	const char *nl = strpbrk(text, "\n\t\r");
	if (nl)
		cp = (unsigned char)*nl;
	if (nl || utf8_find_control(text, len, &cp) < len)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: has a control character (U+%04X); "
				    "one line of plain text is allowed",
				    field, (unsigned)cp);
	if (chars(text) > PAUSE_LIST_CHARS)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: %zu characters is more than %d", field,
				    chars(text), PAUSE_LIST_CHARS);
	return MEND_OK;
}

enum mend_rc pause_list_get(struct journal *j, enum pause_list_kind k,
			    struct pause_list *out, struct mend_err *err)
{
	cJSON *doc = NULL;
	char *buf = malloc(VALUE_MAX);
	enum mend_rc rc =
	    buf ? MEND_OK : mend_err_set(err, MEND_ENOMEM, "out of memory");
	out->n = 0;
	if (rc == MEND_OK) {
		rc =
		    store_setting_get(j->st, lists[k].key, buf, VALUE_MAX, err);
		if (rc == MEND_ENOTFOUND) {
			mend_err_clear(err);
			free(buf);
			return MEND_OK;
		}
	}
	if (rc == MEND_OK && (!(doc = cJSON_Parse(buf)) || !cJSON_IsArray(doc)))
		rc = mend_err_set(err, MEND_ESTORE,
				  "settings: %s is not a list of words",
				  lists[k].key);
	const cJSON *it, *arr = rc == MEND_OK ? doc : NULL;
	cJSON_ArrayForEach(it, arr)
	{
		if (out->n >= PAUSE_LIST_ITEMS || !cJSON_IsString(it))
			continue; /* what cannot be shown is skipped */
		if (!(out->items[out->n] = strdup(it->valuestring))) {
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
			break;
		}
		out->n++;
	}
	cJSON_Delete(doc);
	free(buf);
	return rc;
}

static enum mend_rc put(struct journal *j, enum pause_list_kind k,
			const struct pause_list *l, struct mend_err *err)
{
	cJSON *arr = cJSON_CreateArray();
	char *text = NULL;
	enum mend_rc rc = MEND_OK;
	for (int i = 0; arr && i < l->n; i++)
		if (!cJSON_AddItemToArray(arr, cJSON_CreateString(l->items[i])))
			rc = MEND_ENOMEM;
	if (!arr || rc != MEND_OK || !(text = cJSON_PrintUnformatted(arr)))
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK)
		rc = store_setting_set(j->st, lists[k].key, l->n ? text : NULL,
				       j->now_iso, err);
	cJSON_free(text);
	cJSON_Delete(arr);
	return rc;
}

static enum mend_rc check_index(enum pause_list_kind k,
				const struct pause_list *l, int index,
				struct mend_err *err)
{
	if (l->n == 0)
		return mend_err_set(err, MEND_EINVAL,
				    "number: %d, but the %s list is empty",
				    index + 1, lists[k].key);
	if (index < 0 || index >= l->n)
		return mend_err_set(err, MEND_EINVAL,
				    "number: %d is not in 1..%d", index + 1,
				    l->n);
	return MEND_OK;
}

enum mend_rc pause_list_add(struct journal *j, enum pause_list_kind k,
			    const char *text, struct mend_err *err)
{
	struct pause_list l = {0};
	enum mend_rc rc = pause_list_check_item(k, text, err);
	if (rc == MEND_OK)
		rc = pause_list_get(j, k, &l, err);
	if (rc == MEND_OK && l.n >= PAUSE_LIST_ITEMS)
		rc = mend_err_set(err, MEND_EINVAL,
				  "%s: the list holds %d already, the most it "
				  "keeps; remove one first",
				  lists[k].one, PAUSE_LIST_ITEMS);
	if (rc == MEND_OK && !(l.items[l.n] = strdup(text)))
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK) {
		l.n++;
		rc = put(j, k, &l, err);
	}
	pause_list_done(&l);
	return rc;
}

enum mend_rc pause_list_replace(struct journal *j, enum pause_list_kind k,
				int index, const char *text,
				struct mend_err *err)
{
	struct pause_list l = {0};
	char *copy = NULL;
	enum mend_rc rc = pause_list_check_item(k, text, err);
	if (rc == MEND_OK)
		rc = pause_list_get(j, k, &l, err);
	if (rc == MEND_OK)
		rc = check_index(k, &l, index, err);
	if (rc == MEND_OK && !(copy = strdup(text)))
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK) {
		free(l.items[index]);
		l.items[index] = copy;
		rc = put(j, k, &l, err);
	}
	pause_list_done(&l);
	return rc;
}

enum mend_rc pause_list_remove(struct journal *j, enum pause_list_kind k,
			       int index, struct mend_err *err)
{
	struct pause_list l = {0};
	enum mend_rc rc = pause_list_get(j, k, &l, err);
	if (rc == MEND_OK)
		rc = check_index(k, &l, index, err);
	if (rc == MEND_OK) {
		free(l.items[index]);
		memmove(&l.items[index], &l.items[index + 1],
			(size_t)(l.n - index - 1) * sizeof l.items[0]);
		l.n--;
		rc = put(j, k, &l, err);
	}
	pause_list_done(&l);
	return rc;
}
