/* SPDX-License-Identifier: MIT */
/* Loading and validating the program's content. The documents stay parsed
 * for the life of the content and every string points into them, so
 * loading allocates only the small index arrays. */
#include "mend/content.h"

#include <cJSON.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_embed.h"
#include "json_scan.h"
#include "mend/utf8.h"

#define PROMPT_TEXT_MAX 1000
#define USER_FILE_MAX (1 << 20)

static const char *const outcome_names[] = {
#define OUTCOME_NAME(e, name) name,
	OUTCOME_LIST(OUTCOME_NAME)
#undef OUTCOME_NAME
};

static const char *const suggest_keys[] = {
#define SUGGEST_KEY(e, key) key,
	SUGGEST_LIST(SUGGEST_KEY)
#undef SUGGEST_KEY
};

const char *outcome_name(enum outcome o)
{
	return (unsigned)o < OUTCOME_COUNT ? outcome_names[o] : "?";
}

int outcome_from_name(const char *name, enum outcome *out)
{
	for (int i = 0; name && i < OUTCOME_COUNT; i++) {
		if (strcmp(name, outcome_names[i]) == 0) {
			*out = (enum outcome)i;
			return 1;
		}
	}
	return 0;
}

/* Parse a whole document: no trailing junk, length-bounded. */
static cJSON *parse_doc(const char *json, size_t len, const char *source,
			struct mend_err *err)
{
	char *copy = malloc(len + 1);
	const char *end = NULL;
	cJSON *doc;

	if (!copy) {
		mend_err_set(err, MEND_ENOMEM, "out of memory");
		return NULL;
	}
	memcpy(copy, json, len);
	copy[len] = '\0';
	if (strlen(copy) != len) {
		mend_err_set(err, MEND_ECONTENT, "%s: contains a NUL byte",
			     source);
		free(copy);
		return NULL;
	}
	doc = cJSON_ParseWithLengthOpts(copy, len + 1, &end, 1);
	if (!doc) {
		size_t at = end && end >= copy ? (size_t)(end - copy) : 0;
		mend_err_set(err, MEND_ECONTENT,
			     "%s: not valid JSON (near byte %zu)", source, at);
	}
	free(copy);
	return doc;
}

/* A string member that must be present, non-empty and valid UTF-8. */
static const char *need_string(const cJSON *obj, const char *key,
			       const char *source, const char *path,
			       struct mend_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!cJSON_IsString(v) || !v->valuestring || !v->valuestring[0]) {
		mend_err_set(err, MEND_ECONTENT,
			     "%s: %s%s%s: missing or not a non-empty string",
			     source, path, *path ? "." : "", key);
		return NULL;
	}
	if (!utf8_valid(v->valuestring, strlen(v->valuestring), NULL)) {
		mend_err_set(err, MEND_ECONTENT,
			     "%s: %s%s%s: not valid UTF-8", source, path,
			     *path ? "." : "", key);
		return NULL;
	}
	return v->valuestring;
}

static enum mend_rc check_header(const cJSON *doc, const char *format,
				 const char *source, struct mend_err *err)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(doc, "format");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "version");

	if (!cJSON_IsObject(doc))
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: the top level must be a JSON object",
				    source);
	if (!cJSON_IsString(f) || strcmp(f->valuestring, format) != 0)
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: format: must be \"%s\"", source, format);
	if (!cJSON_IsNumber(v) || v->valuedouble != 1)
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: version: must be 1", source);
	return MEND_OK;
}

static int valid_id(const char *s)
{
	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return 0;
	size_t n = 0;
	for (; *s; s++, n++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '-'))
			return 0;
	return n <= 64;
}

/* An optional whole-number member in lo..hi: absent is 0. */
static int optional_int(const cJSON *obj, const char *key, int lo, int hi,
			int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	*out = 0;
	if (!v)
		return 1;
	if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi ||
	    v->valuedouble != (double)(int)v->valuedouble)
		return 0;
	*out = (int)v->valuedouble;
	return 1;
}

static enum mend_rc add_prompts(struct content *c, const cJSON *doc,
				const char *source, struct mend_err *err)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "prompts");
	const cJSON *item;
	char path[48];
	size_t i = 0, n;
	struct prompt *grown;
	enum mend_rc rc = check_header(doc, "mend-prompts", source, err);

	if (rc != MEND_OK)
		return rc;
	if (!cJSON_IsArray(arr))
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: prompts: missing or not an array",
				    source);
	n = (size_t)cJSON_GetArraySize(arr);
	grown = realloc(c->prompts, (c->n_prompts + n + 1) * sizeof *grown);
	if (!grown)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	c->prompts = grown;
	cJSON_ArrayForEach(item, arr)
	{
		struct prompt p;
		const char *module;

		snprintf(path, sizeof path, "prompts[%zu]", i);
		if (!cJSON_IsObject(item))
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: %s: must be an object", source,
					    path);
		if (!(p.id = need_string(item, "id", source, path, err)) ||
		    !(module = need_string(item, "module", source, path, err)) ||
		    !(p.theme = need_string(item, "theme", source, path, err)) ||
		    !(p.text = need_string(item, "text", source, path, err)))
			return MEND_ECONTENT;
		if (!valid_id(p.id))
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: %s.id: '%.64s' must be 1-64 "
					    "characters of a-z, 0-9, '.' and '-'",
					    source, path, p.id);
		if (!module_from_name(module, &p.module) ||
		    p.module == MODULE_CHECKIN)
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: %s.module: '%.32s' is not one of "
					    "nocontact, reflection, growth, "
					    "acceptance",
					    source, path, module);
		if (!optional_int(item, "from_day", 0, 3650, &p.from_day) ||
		    !optional_int(item, "min_mood", 1, 10, &p.min_mood))
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: %s: from_day must be a whole "
					    "number 0..3650 and min_mood 1..10",
					    source, path);
		if (strlen(p.text) > PROMPT_TEXT_MAX)
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: %s.text: longer than %d bytes",
					    source, path, PROMPT_TEXT_MAX);
		for (size_t j = 0; j < c->n_prompts + i; j++)
			if (strcmp(c->prompts[j].id, p.id) == 0)
				return mend_err_set(err, MEND_ECONTENT,
						    "%s: %s.id: '%s' is used "
						    "by another prompt",
						    source, path, p.id);
		c->prompts[c->n_prompts + i] = p;
		i++;
	}
	c->n_prompts += i;
	return MEND_OK;
}

static const char **string_array(const cJSON *doc, const char *key,
				 size_t *n_out, const char *source,
				 struct mend_err *err)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, key);
	const cJSON *item;
	const char **out;
	size_t n = 0;

	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1) {
		mend_err_set(err, MEND_ECONTENT,
			     "%s: %s: must be a non-empty array of strings",
			     source, key);
		return NULL;
	}
	out = calloc((size_t)cJSON_GetArraySize(arr), sizeof *out);
	if (!out) {
		mend_err_set(err, MEND_ENOMEM, "out of memory");
		return NULL;
	}
	cJSON_ArrayForEach(item, arr)
	{
		if (!cJSON_IsString(item) || !item->valuestring[0]) {
			mend_err_set(err, MEND_ECONTENT,
				     "%s: %s[%zu]: must be a non-empty string",
				     source, key, n);
			free(out);
			return NULL;
		}
		out[n++] = item->valuestring;
	}
	*n_out = n;
	return out;
}

/* "themes": an object of theme id to words; optional, since a theme
 * without words is shown from its id. */
static enum mend_rc load_themes(struct content *c, const cJSON *doc,
				const char *src, struct mend_err *err)
{
	const cJSON *th = cJSON_GetObjectItemCaseSensitive(doc, "themes");
	const cJSON *item;
	size_t i = 0;

	if (!th)
		return MEND_OK;
	if (!cJSON_IsObject(th))
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: themes: must be an object", src);
	c->themes = calloc((size_t)cJSON_GetArraySize(th) + 1,
			   sizeof *c->themes);
	if (!c->themes)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	cJSON_ArrayForEach(item, th)
	{
		if (!cJSON_IsString(item) || !item->valuestring[0] ||
		    !utf8_valid(item->valuestring, strlen(item->valuestring),
				NULL))
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: themes.%.32s: must be a "
					    "non-empty string",
					    src, item->string ? item->string : "");
		c->themes[i].id = item->string;
		c->themes[i].label = item->valuestring;
		i++;
	}
	c->n_themes = i;
	/* "theme_notes": theme id to a note shown with its prompts */
	th = cJSON_GetObjectItemCaseSensitive(doc, "theme_notes");
	if (!th)
		return MEND_OK;
	if (!cJSON_IsObject(th))
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: theme_notes: must be an object", src);
	cJSON_ArrayForEach(item, th)
	{
		size_t k = 0;
		while (k < c->n_themes && strcmp(c->themes[k].id, item->string))
			k++;
		if (k == c->n_themes)
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: theme_notes.%.32s: not a theme "
					    "of themes",
					    src, item->string);
		if (!cJSON_IsString(item) || !item->valuestring[0] ||
		    !utf8_valid(item->valuestring, strlen(item->valuestring),
				NULL))
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: theme_notes.%.32s: must be a "
					    "non-empty string",
					    src, item->string);
		c->themes[k].note = item->valuestring;
	}
	return MEND_OK;
}

static enum mend_rc load_messages(struct content *c, const cJSON *doc,
				  struct mend_err *err)
{
	static const char src[] = "messages.json";
	const cJSON *mods, *ms, *sug, *dec, *cats, *item;
	char path[64];
	size_t i;
	enum mend_rc rc = check_header(doc, "mend-messages", src, err);

	if (rc != MEND_OK)
		return rc;
	if (!(c->welcome = need_string(doc, "welcome", src, "", err)) ||
	    !(c->low_mood = need_string(doc, "low_mood", src, "", err)))
		return MEND_ECONTENT;
	mods = cJSON_GetObjectItemCaseSensitive(doc, "modules");
	for (i = 0; i < MODULE_COUNT; i++) {
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(
			mods, module_name((enum module)i));
		snprintf(path, sizeof path, "modules.%s",
			 module_name((enum module)i));
		if (!(c->module_title[i] = need_string(m, "title", src, path, err)) ||
		    !(c->module_purpose[i] =
			      need_string(m, "purpose", src, path, err)))
			return MEND_ECONTENT;
	}
	sug = cJSON_GetObjectItemCaseSensitive(doc, "suggestions");
	for (i = 0; i < SUGGEST_COUNT; i++)
		if (!(c->suggestion[i] =
			      need_string(sug, suggest_keys[i], src, "suggestions",
					  err)))
			return MEND_ECONTENT;
	dec = cJSON_GetObjectItemCaseSensitive(doc, "decisions");
	for (i = 0; i < OUTCOME_COUNT; i++)
		if (!(c->decision[i] = need_string(dec, outcome_names[i], src,
						   "decisions", err)))
			return MEND_ECONTENT;
	dec = cJSON_GetObjectItemCaseSensitive(doc, "decision_labels");
	for (i = 0; i < OUTCOME_COUNT; i++)
		if (!(c->decision_label[i] = need_string(
			      dec, outcome_names[i], src, "decision_labels", err)))
			return MEND_ECONTENT;
	rc = load_themes(c, doc, src, err);
	if (rc != MEND_OK)
		return rc;
	if (!(c->slip = string_array(doc, "slip", &c->n_slip, src, err)) ||
	    !(c->urge_logged = string_array(doc, "urge_logged",
					    &c->n_urge_logged, src, err)))
		return MEND_ECONTENT;

	ms = cJSON_GetObjectItemCaseSensitive(doc, "milestones");
	if (!cJSON_IsArray(ms) || cJSON_GetArraySize(ms) < 1)
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: milestones: must be a non-empty array",
				    src);
	c->milestones = calloc((size_t)cJSON_GetArraySize(ms),
			       sizeof *c->milestones);
	if (!c->milestones)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	i = 0;
	cJSON_ArrayForEach(item, ms)
	{
		const cJSON *day = cJSON_GetObjectItemCaseSensitive(item, "day");
		snprintf(path, sizeof path, "milestones[%zu]", i);
		if (!cJSON_IsNumber(day) || day->valuedouble < 1 ||
		    day->valuedouble > 36500 ||
		    day->valuedouble != (double)(int)day->valuedouble ||
		    (i > 0 && (int)day->valuedouble <= c->milestones[i - 1].day))
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: %s.day: must be a whole number "
					    "of days, ascending",
					    src, path);
		c->milestones[i].day = (int)day->valuedouble;
		if (!(c->milestones[i].message =
			      need_string(item, "message", src, path, err)))
			return MEND_ECONTENT;
		i++;
	}
	c->n_milestones = i;

	cats = cJSON_GetObjectItemCaseSensitive(doc, "categories");
	if (!cJSON_IsArray(cats) || cJSON_GetArraySize(cats) < 1)
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: categories: must be a non-empty array",
				    src);
	c->categories = calloc((size_t)cJSON_GetArraySize(cats),
			       sizeof *c->categories);
	if (!c->categories)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	i = 0;
	cJSON_ArrayForEach(item, cats)
	{
		struct category *cat = &c->categories[i];
		snprintf(path, sizeof path, "categories[%zu]", i);
		if (!(cat->id = need_string(item, "id", src, path, err)) ||
		    !(cat->label = need_string(item, "label", src, path, err)) ||
		    !(cat->hint = need_string(item, "hint", src, path, err)))
			return MEND_ECONTENT;
		if (!valid_id(cat->id))
			return mend_err_set(err, MEND_ECONTENT,
					    "%s: %s.id: '%.32s' must be a-z, "
					    "0-9, '.' and '-'",
					    src, path, cat->id);
		i++;
	}
	c->n_categories = i;
	return MEND_OK;
}

static enum mend_rc check_minimum(const struct content *c,
				  struct mend_err *err)
{
	static const struct {
		enum module m;
		size_t min;
	} need[] = {{MODULE_REFLECTION, 15},
		    {MODULE_ACCEPTANCE, 15},
		    {MODULE_NOCONTACT, 8},
		    {MODULE_GROWTH, 8}};

	static const char *const themes[] = PROMPT_THEMES_NEEDED;

	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
		size_t have = content_prompt_count(c, need[i].m);
		if (have < need[i].min)
			return mend_err_set(err, MEND_ECONTENT,
					    "prompts.json: %s has %zu prompts, "
					    "at least %zu are needed",
					    module_name(need[i].m), have,
					    need[i].min);
	}
	if (c->n_prompts < PROMPT_TOTAL_MIN)
		return mend_err_set(err, MEND_ECONTENT,
				    "prompts.json: %zu prompts, at least %d "
				    "are needed",
				    c->n_prompts, PROMPT_TOTAL_MIN);
	/* one reflection a day, and none again within the fresh days */
	if (content_prompt_count(c, MODULE_REFLECTION) <= PROMPT_FRESH_DAYS)
		return mend_err_set(err, MEND_ECONTENT,
				    "prompts.json: reflection has %zu prompts, "
				    "more than %d are needed",
				    content_prompt_count(c, MODULE_REFLECTION),
				    PROMPT_FRESH_DAYS);
	for (size_t t = 0; t < sizeof themes / sizeof themes[0]; t++) {
		size_t have = 0;
		for (size_t i = 0; i < c->n_prompts; i++)
			have += strcmp(c->prompts[i].theme, themes[t]) == 0;
		if (have < PROMPT_THEME_MIN)
			return mend_err_set(err, MEND_ECONTENT,
					    "prompts.json: the theme %s has %zu "
					    "prompts, at least %d are needed",
					    themes[t], have, PROMPT_THEME_MIN);
	}
	for (size_t i = 0; i < c->n_prompts; i++) {
		size_t k = 0;
		while (k < c->n_themes &&
		       strcmp(c->themes[k].id, c->prompts[i].theme))
			k++;
		if (k == c->n_themes)
			return mend_err_set(err, MEND_ECONTENT,
					    "messages.json: themes: the theme "
					    "%.32s of %.64s has no words",
					    c->prompts[i].theme, c->prompts[i].id);
	}
	if (!content_theme_note(c, "safety"))
		return mend_err_set(err, MEND_ECONTENT,
				    "messages.json: theme_notes: the safety "
				    "theme needs a note pointing to help");
	return MEND_OK;
}

enum mend_rc content_parse(struct content **out, const char *prompts,
			   size_t prompts_len, const char *messages,
			   size_t messages_len, int require_minimum,
			   struct mend_err *err)
{
	struct content *c = calloc(1, sizeof *c);
	enum mend_rc rc = MEND_OK;

	*out = NULL;
	if (!c)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	c->trees[0] = parse_doc(prompts, prompts_len, "prompts.json", err);
	if (!c->trees[0]) {
		rc = MEND_ECONTENT;
		goto done;
	}
	c->trees[1] = parse_doc(messages, messages_len, "messages.json", err);
	if (!c->trees[1]) {
		rc = MEND_ECONTENT;
		goto done;
	}
	rc = add_prompts(c, c->trees[0], "prompts.json", err);
	if (rc == MEND_OK)
		rc = load_messages(c, c->trees[1], err);
	if (rc == MEND_OK && require_minimum)
		rc = check_minimum(c, err);
done:
	if (rc != MEND_OK && err && !err->msg[0])
		mend_err_set(err, rc, "content: %s", mend_rc_str(rc));
	if (rc != MEND_OK) {
		content_free(c);
		return rc == MEND_ENOMEM ? rc : MEND_ECONTENT;
	}
	*out = c;
	return MEND_OK;
}

enum mend_rc content_add_prompts(struct content *c, const char *json,
				 size_t len, const char *source,
				 struct mend_err *err)
{
	size_t before = c->n_prompts;
	cJSON *doc;
	enum mend_rc rc;

	if (c->trees[2])
		return mend_err_set(err, MEND_ECONTENT,
				    "%s: user prompts were already added",
				    source);
	doc = parse_doc(json, len, source, err);
	if (!doc)
		return MEND_ECONTENT;
	rc = add_prompts(c, doc, source, err);
	if (rc != MEND_OK) {
		c->n_prompts = before;
		cJSON_Delete(doc);
		return rc == MEND_ENOMEM ? rc : MEND_ECONTENT;
	}
	c->trees[2] = doc;
	return MEND_OK;
}

static enum mend_rc load_user_prompts(struct content *c, struct mend_err *err)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char path[4096];
	FILE *f;
	char *buf = NULL;
	size_t len;
	enum mend_rc rc = MEND_OK;

	if (xdg && xdg[0] == '/')
		snprintf(path, sizeof path, "%s/mend/prompts.json", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/mend/prompts.json", home);
	else
		return MEND_OK;
	f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? MEND_OK
				       : mend_err_set(err, MEND_ECONTENT,
						      "%s: cannot read: %s", path,
						      strerror(errno));
	buf = malloc(USER_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	len = fread(buf, 1, USER_FILE_MAX + 1, f);
	if (ferror(f))
		rc = mend_err_set(err, MEND_ECONTENT, "%s: cannot read", path);
	else if (len > USER_FILE_MAX)
		rc = mend_err_set(err, MEND_ECONTENT,
				  "%s: larger than %d bytes", path,
				  USER_FILE_MAX);
	else
		rc = content_add_prompts(c, buf, len, path, err);
	fclose(f);
	free(buf);
	return rc;
}

enum mend_rc content_load(struct content **out, struct mend_err *err)
{
	struct mend_err user = {""};
	enum mend_rc rc = content_parse(
		out, (const char *)data_prompts_json, data_prompts_json_len,
		(const char *)data_messages_json, data_messages_json_len, 1, err);
	if (rc != MEND_OK)
		return rc;
	/* One typo in the person's own prompts must not lock them out of
	 * their journal: the built-in prompts carry on, and the front ends
	 * are handed the problem to show. */
	rc = load_user_prompts(*out, &user);
	if (rc == MEND_ENOMEM) {
		content_free(*out);
		*out = NULL;
		return mend_err_set(err, rc, "out of memory");
	}
	if (rc != MEND_OK) {
		size_t n = strlen(user.msg) + 64;
		(*out)->warning = malloc(n);
		if ((*out)->warning)
			snprintf((*out)->warning, n,
				 "%s; the built-in prompts are used until it is "
				 "fixed",
				 user.msg);
	}
	return MEND_OK;
}

const char *content_warning(const struct content *c)
{
	return c ? c->warning : NULL;
}

/* One member's value span of the object in obj, by key. */
static bool member(struct jspan obj, const char *key, struct jspan *out)
{
	struct jscan js;
	struct jspan k, v;

	jscan_init(&js, obj.p, obj.n);
	if (!jscan_object_begin(&js))
		return false;
	while (jscan_object_next(&js, &k, &v) == 1)
		if (jspan_is(k, key)) {
			*out = v;
			return true;
		}
	return false;
}

size_t content_milestone_days(int *days, size_t max)
{
	struct jspan doc = {(const char *)data_messages_json,
			    data_messages_json_len},
		     ms, item, day;
	struct jscan js;
	size_t n = 0;

	if (!member(doc, "milestones", &ms))
		return 0;
	jscan_init(&js, ms.p, ms.n);
	if (!jscan_array_begin(&js))
		return 0;
	while (n < max && jscan_array_next(&js, &item) == 1) {
		long d = 0;
		size_t i = 0;
		if (!member(item, "day", &day))
			continue;
		for (; i < day.n && day.p[i] >= '0' && day.p[i] <= '9'; i++)
			d = d * 10 + (day.p[i] - '0');
		if (i == day.n && i > 0 && i < 6 && (n == 0 || d > days[n - 1]))
			days[n++] = (int)d;
	}
	return n;
}

void content_free(struct content *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < sizeof c->trees / sizeof c->trees[0]; i++)
		cJSON_Delete(c->trees[i]);
	free(c->prompts);
	free(c->milestones);
	free(c->categories);
	free(c->themes);
	free((void *)c->slip);
	free((void *)c->urge_logged);
	free(c->warning);
	free(c);
}

const struct prompt *content_prompt(const struct content *c, const char *id)
{
	for (size_t i = 0; id && i < c->n_prompts; i++)
		if (strcmp(c->prompts[i].id, id) == 0)
			return &c->prompts[i];
	return NULL;
}

size_t content_prompt_count(const struct content *c, enum module m)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n_prompts; i++)
		n += c->prompts[i].module == m;
	return n;
}

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* Fill perm[0..n) with the order of cycle `cycle`: a Fisher-Yates
 * shuffle seeded by the cycle, so each cycle visits every prompt once in
 * an order of its own. */
static void shuffle(size_t *perm, size_t n, long cycle, enum module m)
{
	uint64_t state = (uint64_t)cycle * 1000003u + (uint64_t)m;

	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = (size_t)(splitmix64(&state) % (i + 1));
		size_t t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
}

/* The prompt index shown at place `pos` of cycle `cycle`. Where a cycle
 * would open with the prompt the previous one closed on, its first two
 * places swap, so no prompt is ever shown two days running. */
static size_t shuffled(size_t n, long cycle, enum module m, size_t pos)
{
	size_t small[2][256], *perm = small[0], *prev = small[1], result = pos;

	if (n > 256) {
		perm = malloc(2 * n * sizeof *perm);
		if (!perm)
			return pos;
		prev = perm + n;
	}
	shuffle(perm, n, cycle, m);
	if (cycle > 0 && n > 1) {
		shuffle(prev, n, cycle - 1, m);
		/* the previous cycle's own swap never moves its last place */
		if (perm[0] == prev[n - 1]) {
			size_t t = perm[0];
			perm[0] = perm[1];
			perm[1] = t;
		}
	}
	result = perm[pos];
	if (perm != small[0])
		free(perm);
	return result;
}

int content_prompt_suits(const struct prompt *p,
			 const struct prompt_context *ctx)
{
	if (!ctx)
		return 1;
	if (ctx->stage_day >= 0 && ctx->stage_day < p->from_day)
		return 0;
	return !(ctx->mood > 0 && p->min_mood > 0 && ctx->mood < p->min_mood);
}

const struct prompt *content_prompt_for(const struct content *c,
					enum module m, long day,
					unsigned offset,
					const struct prompt_context *ctx)
{
	size_t n = 0, want, seen = 0;

	for (size_t i = 0; i < c->n_prompts; i++)
		n += c->prompts[i].module == m &&
		     content_prompt_suits(&c->prompts[i], ctx);
	if (n == 0 && ctx)
		return content_prompt_for(c, m, day, offset, NULL);
	if (n == 0)
		return NULL;
	if (day < 0)
		day = 0;
	long cycle = day / (long)n;
	size_t pos = ((size_t)(day % (long)n) + offset) % n;
	want = shuffled(n, cycle, m, pos);
	for (size_t i = 0; i < c->n_prompts; i++) {
		if (c->prompts[i].module != m ||
		    !content_prompt_suits(&c->prompts[i], ctx))
			continue;
		if (seen++ == want)
			return &c->prompts[i];
	}
	return NULL;
}

/* Earlier answers first (NULL, never answered, before any time). */
static int older(const char *a, const char *b)
{
	if (!a || !b)
		return !a && b;
	return strcmp(a, b) < 0;
}

const struct prompt *content_prompt_fresh(
	const struct content *c, enum module m, long day, unsigned offset,
	const struct prompt_context *ctx,
	const char *(*last)(const char *id, void *last_ctx), void *last_ctx)
{
	size_t n = 0, k = 0;
	const struct prompt **order = NULL, *result = NULL;
	const char **when = NULL;

	for (size_t i = 0; i < c->n_prompts; i++)
		n += c->prompts[i].module == m &&
		     content_prompt_suits(&c->prompts[i], ctx);
	if (n == 0 && ctx)
		return content_prompt_fresh(c, m, day, offset, NULL, last,
					    last_ctx);
	order = malloc(n * sizeof *order);
	when = malloc(n * sizeof *when);
	if (n == 0 || !order || !when || !last) {
		result = content_prompt_for(c, m, day, offset, ctx);
		goto done;
	}
	/* the day's cycle order, from where content_prompt_for starts */
	for (k = 0; k < n; k++) {
		order[k] = content_prompt_for(c, m, day, (unsigned)k, ctx);
		when[k] = order[k] ? last(order[k]->id, last_ctx) : NULL;
	}
	/* stable insertion sort by the latest answer, oldest first */
	for (size_t i = 1; i < n; i++) {
		const struct prompt *p = order[i];
		const char *w = when[i];
		size_t j = i;
		while (j > 0 && older(w, when[j - 1])) {
			order[j] = order[j - 1];
			when[j] = when[j - 1];
			j--;
		}
		order[j] = p;
		when[j] = w;
	}
	result = order[offset % n];
done:
	free(order);
	free(when);
	return result;
}

const struct prompt *content_prompt_of_day(const struct content *c,
					   enum module m, long day,
					   unsigned offset)
{
	return content_prompt_for(c, m, day, offset, NULL);
}

const char *content_theme_note(const struct content *c, const char *theme)
{
	for (size_t i = 0; c && theme && i < c->n_themes; i++)
		if (strcmp(c->themes[i].id, theme) == 0)
			return c->themes[i].note;
	return NULL;
}

char *content_theme_words(const struct content *c, const char *theme,
			  char *buf, size_t n)
{
	if (n == 0)
		return buf;
	for (size_t i = 0; theme && i < c->n_themes; i++) {
		if (strcmp(c->themes[i].id, theme) == 0) {
			snprintf(buf, n, "%s", c->themes[i].label);
			return buf;
		}
	}
	snprintf(buf, n, "%s", theme ? theme : "");
	for (char *s = buf; *s; s++)
		if (*s == '-' || *s == '.')
			*s = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

const struct category *content_category(const struct content *c,
					const char *id)
{
	for (size_t i = 0; id && i < c->n_categories; i++)
		if (strcmp(c->categories[i].id, id) == 0)
			return &c->categories[i];
	return NULL;
}
