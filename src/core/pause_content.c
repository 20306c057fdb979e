/* SPDX-License-Identifier: MIT */
/* The words of the pause, the profile check and the slip review, read
 * from data/pause.json (compiled in) and checked once at load, so a
 * missing line is an error here and never a blank on screen. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "data_embed.h"
#include "mend/pause.h"
#include "mend/utf8.h"

static const char *str(const cJSON *o, const char *key, bool *ok,
		       struct mend_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (cJSON_IsString(v) && utf8_has_text(v->valuestring) &&
	    utf8_find_control(v->valuestring, strlen(v->valuestring), NULL) ==
		strlen(v->valuestring))
		return v->valuestring;
	if (*ok)
		mend_err_set(err, MEND_ECONTENT,
			     "pause.json: \"%s\" is missing or not a line of "
			     "text",
			     key);
	*ok = false;
	return "";
}

/* n labels from object key, one for each of keys */
static void labels(const cJSON *doc, const char *key, const char *(*name)(int),
		   int n, const char **out, bool *ok, struct mend_err *err)
{
	const cJSON *o = cJSON_GetObjectItemCaseSensitive(doc, key);
	for (int i = 0; i < n; i++) {
		const char *k = name(i);
		out[i] = cJSON_IsObject(o) ? str(o, k, ok, err) : "";
		if (!cJSON_IsObject(o) && *ok) {
			mend_err_set(err, MEND_ECONTENT,
				     "pause.json: \"%s\" is missing", key);
			*ok = false;
		}
	}
}

static int lines(const cJSON *doc, const char *key, const char **out, int max,
		 bool *ok, struct mend_err *err)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(doc, key), *it;
	int n = 0;
	const cJSON *arr = cJSON_IsArray(a) ? a : NULL;
	cJSON_ArrayForEach(it, arr)
	{
		if (n < max && cJSON_IsString(it) &&
		    utf8_has_text(it->valuestring))
			out[n++] = it->valuestring;
	}
	if (n == 0 && *ok) {
		mend_err_set(err, MEND_ECONTENT,
			     "pause.json: \"%s\" has no lines", key);
		*ok = false;
	}
	return n;
}

static const char *key_of_need(int i)
{
	return pause_need_key((enum pause_need)i);
}
static const char *key_of_outcome(int i)
{
	return pause_outcome_key((enum pause_outcome)i);
}
static const char *key_of_easy(int i)
{
	return slip_easy_key((enum slip_easy)i);
}

enum mend_rc pause_content_parse(const char *text, size_t len,
				 struct pause_content **out,
				 struct mend_err *err)
{
	struct pause_content *c = calloc(1, sizeof *c);
	cJSON *doc = NULL;
	bool ok = true;
	*out = NULL;
	if (!c)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (!(doc = cJSON_ParseWithLength(text, len)) || !cJSON_IsObject(doc)) {
		cJSON_Delete(doc);
		free(c);
		return mend_err_set(err, MEND_ECONTENT,
				    "pause.json: not a JSON object");
	}
	c->doc = doc;
	labels(doc, "needs", key_of_need, PAUSE_NEED_COUNT, c->need_label, &ok,
	       err);
	labels(doc, "outcomes", key_of_outcome, PAUSE_OUTCOME_COUNT,
	       c->outcome_label, &ok, err);
	labels(doc, "easy", key_of_easy, SLIP_EASY_COUNT, c->easy_label, &ok,
	       err);
	c->intro = str(doc, "intro", &ok, err);
	c->urge_q = str(doc, "urge_question", &ok, err);
	c->urge_after_q = str(doc, "urge_after_question", &ok, err);
	c->need_q = str(doc, "need_question", &ok, err);
	c->write_prompt = str(doc, "write_prompt", &ok, err);
	c->n_surf = lines(doc, "surf", c->surf, PAUSE_LINES_MAX, &ok, err);
	c->breathe_in = str(doc, "breathe_in", &ok, err);
	c->breathe_hold = str(doc, "breathe_hold", &ok, err);
	c->breathe_out = str(doc, "breathe_out", &ok, err);
	c->end_q = str(doc, "end_question", &ok, err);
	c->passed = str(doc, "passed", &ok, err);
	c->stayed = str(doc, "stayed", &ok, err);
	c->left = str(doc, "left", &ok, err);
	c->profile = str(doc, "profile", &ok, err);
	c->slip_intro = str(doc, "slip_intro", &ok, err);
	if (lines(doc, "slip_questions", c->slip_q, 3, &ok, err) != 3 && ok) {
		mend_err_set(err, MEND_ECONTENT,
			     "pause.json: \"slip_questions\" needs 3 lines");
		ok = false;
	}
	c->fresh_start = str(doc, "fresh_start", &ok, err);
	c->no_reasons = str(doc, "no_reasons", &ok, err);
	c->no_people = str(doc, "no_people", &ok, err);
	c->emergency = str(doc, "emergency", &ok, err);
	if (!ok) {
		pause_content_free(c);
		return MEND_ECONTENT;
	}
	*out = c;
	return MEND_OK;
}

enum mend_rc pause_content_load(struct pause_content **out,
				struct mend_err *err)
{
	return pause_content_parse((const char *)data_pause_json,
				   data_pause_json_len, out, err);
}

void pause_content_free(struct pause_content *c)
{
	if (!c)
		return;
	cJSON_Delete(c->doc);
	free(c);
}
