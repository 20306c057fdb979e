/* SPDX-License-Identifier: MIT */
/* The chosen and written settings an export carries (journal_settings.h):
 * one table of what each is called in the export and in the journal, its
 * kind, and the check `mend config` gives it. */
#include "mend/journal_settings.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/journey.h"
#include "mend/keyring.h"
#include "mend/pause.h"
#include "mend/remind.h"
#include "mend/session_lock.h"
#include "mend/tags.h"

/* The largest value kept: a full list of reasons, escaped. */
#define VALUE_MAX (PAUSE_LIST_ITEMS * (PAUSE_LIST_CHARS * 8 + 4) + 64)

enum value_kind {
	K_TEXT,	   /* a string, kept as it is */
	K_LIST,	   /* a list of strings, kept as a JSON array */
	K_TAGS,	   /* a list of tags, kept with a comma between */
	K_MINUTES, /* a whole number, kept in decimal */
};

struct spec {
	const char *name; /* in the export */
	const char *key;  /* in the journal */
	enum value_kind kind;
	/* K_TEXT and K_MINUTES: the value's check; K_LIST: each item's */
	enum mend_rc (*check)(struct journal *j, int list, const char *value,
			      struct mend_err *err);
	int list; /* K_LIST: the pause list */
};

static enum mend_rc crisis_ok(struct journal *j, int list, const char *v,
			      struct mend_err *err)
{
	(void)j;
	(void)list;
	return checkin_check_crisis_line(v, err);
}

static enum mend_rc item_ok(struct journal *j, int list, const char *v,
			    struct mend_err *err)
{
	(void)j;
	return pause_list_check_item((enum pause_list_kind)list, v, err);
}

static enum mend_rc stage_ok(struct journal *j, int list, const char *v,
			     struct mend_err *err)
{
	const struct content *c;
	struct journey *jy = NULL;
	enum mend_rc rc = journal_content(j, &c, err);

	(void)list;
	if (rc == MEND_OK)
		rc = journey_load(&jy, c, err);
	if (rc == MEND_OK)
		rc = journey_check_stage(jy, v, err);
	journey_free(jy);
	return rc;
}

static enum mend_rc contact_ok(struct journal *j, int list, const char *v,
			       struct mend_err *err)
{
	(void)j;
	(void)list;
	/* the journal keeps "low" alone: "none" is the default, unset */
	if (strcmp(v, "low") != 0)
		return mend_err_set(err, MEND_EINVAL,
				    "contact_mode: '%.20s' is not low (none "
				    "is left out)",
				    v);
	return journey_check_contact_mode(v, err);
}

static enum mend_rc remind_ok(struct journal *j, int list, const char *v,
			      struct mend_err *err)
{
	(void)j;
	(void)list;
	return remind_check_on(v, NULL, err);
}

static enum mend_rc remind_at_ok(struct journal *j, int list, const char *v,
				 struct mend_err *err)
{
	(void)j;
	(void)list;
	return remind_check_at(v, err);
}

static enum mend_rc unlock_ok(struct journal *j, int list, const char *v,
			      struct mend_err *err)
{
	int n;
	(void)j;
	(void)list;
	return keyring_check_minutes(v, &n, err);
}

static enum mend_rc lock_ok(struct journal *j, int list, const char *v,
			    struct mend_err *err)
{
	(void)j;
	(void)list;
	return session_lock_check_minutes(v, NULL, err);
}

/* X(name in the export, key in the journal, kind, check, pause list) */
#define SETTINGS(X)                                                            \
	X("crisis_line", "crisis_line", K_TEXT, crisis_ok, 0)                  \
	X("reasons", "reasons", K_LIST, item_ok, PAUSE_LIST_REASONS)           \
	X("people", "people", K_LIST, item_ok, PAUSE_LIST_PEOPLE)              \
	X("quick_tags", "quick_tags", K_TAGS, NULL, 0)                         \
	X("stage", "stage", K_TEXT, stage_ok, 0)                               \
	X("contact_mode", "contact-mode", K_TEXT, contact_ok, 0)               \
	X("remind", "remind", K_TEXT, remind_ok, 0)                            \
	X("remind_at", "remind_at", K_TEXT, remind_at_ok, 0)                   \
	X("unlock_minutes", KEYRING_SETTING, K_MINUTES, unlock_ok, 0)          \
	X("lock_minutes", LOCK_SETTING, K_MINUTES, lock_ok, 0)

#define SPEC(name, key, kind, check, list) {name, key, kind, check, list},
static const struct spec specs[] = {SETTINGS(SPEC)};
#undef SPEC
#define N_SPECS (sizeof specs / sizeof specs[0])

#define NAME(name, key, kind, check, list) name,
const char *const journal_settings_names[] = {SETTINGS(NAME) "changed_at",
					      NULL};
#undef NAME

/* How far ahead of the clock a time may be (another machine's clock). */
#define FUTURE_SLACK (24 * 3600)

/* The JSON form of a kept value, or NULL when it is not one (a kept
 * value mend did not write is left out rather than failing the export). */
static cJSON *to_json(const struct spec *sp, const char *v)
{
	switch (sp->kind) {
	case K_TEXT:
		return cJSON_CreateString(v);
	case K_MINUTES: {
		char *end;
		long n = strtol(v, &end, 10);
		return *v && !*end ? cJSON_CreateNumber((double)n) : NULL;
	}
	case K_LIST: {
		cJSON *a = cJSON_Parse(v);
		if (!cJSON_IsArray(a)) {
			cJSON_Delete(a);
			return NULL;
		}
		return a;
	}
	case K_TAGS: {
		cJSON *a = cJSON_CreateArray();
		const char *p = v;
		while (a && *p) {
			size_t n = strcspn(p, ",");
			char *t = strndup(p, n);
			if (!t ||
			    !cJSON_AddItemToArray(a, cJSON_CreateString(t))) {
				free(t);
				cJSON_Delete(a);
				return NULL;
			}
			free(t);
			p += n + (p[n] == ',');
		}
		return a;
	}
	}
	return NULL;
}

enum mend_rc journal_settings_export(struct journal *j, cJSON *obj,
				     char *latest, struct mend_err *err)
{
	char *v = malloc(VALUE_MAX);
	char at[CLOCK_ISO_LEN];
	enum mend_rc rc =
	    v ? MEND_OK : mend_err_set(err, MEND_ENOMEM, "out of memory");

	cJSON *times = cJSON_CreateObject();
	if (rc == MEND_OK && !times)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	for (size_t i = 0; rc == MEND_OK && i < N_SPECS; i++) {
		const struct spec *sp = &specs[i];
		rc = store_setting_get(j->st, sp->key, v, VALUE_MAX, err);
		if (rc == MEND_ENOTFOUND) {
			mend_err_clear(err);
			rc = MEND_OK;
			continue;
		}
		if (rc == MEND_OK)
			rc = store_setting_updated(j->st, sp->key, at, err);
		cJSON *item = rc == MEND_OK ? to_json(sp, v) : NULL;
		if (!item)
			continue;
		if (!cJSON_AddItemToObject(obj, sp->name, item)) {
			cJSON_Delete(item);
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
			break;
		}
		/* each one's own time: an import compares them one by one */
		if (!cJSON_AddStringToObject(times, sp->name, at))
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		if (strcmp(at, latest) > 0)
			memcpy(latest, at, CLOCK_ISO_LEN);
	}
	if (rc == MEND_OK && times->child) {
		if (cJSON_AddItemToObject(obj, "changed_at", times))
			times = NULL;
		else
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	cJSON_Delete(times);
	free(v);
	return rc;
}

bool journal_settings_any(const cJSON *obj)
{
	for (size_t i = 0; i < N_SPECS; i++)
		if (cJSON_GetObjectItemCaseSensitive(obj, specs[i].name))
			return true;
	return false;
}

/* "settings.NAME: " before what a check said after its own field name. */
static enum mend_rc named(struct mend_err *err, const char *name,
			  enum mend_rc rc)
{
	char why[MEND_ERR_MAX];
	const char *colon = err ? strstr(err->msg, ": ") : NULL;
	if (!err)
		return rc;
	snprintf(why, sizeof why, "%s", colon ? colon + 2 : err->msg);
	return mend_err_set(err, rc, "settings.%s: %s", name, why);
}

/* The value as the journal keeps it, checked: malloc'ed into *out, or
 * NULL for a list with nothing in it (the setting unset). */
static enum mend_rc kept_form(struct journal *j, const struct spec *sp,
			      const cJSON *it, char **out, struct mend_err *err)
{
	*out = NULL;
	if (sp->kind == K_TEXT) {
		if (!cJSON_IsString(it))
			return mend_err_set(err, MEND_EINVAL,
					    "settings.%s: must be text",
					    sp->name);
		if (!*it->valuestring)
			return mend_err_set(err, MEND_EINVAL,
					    "settings.%s: empty; leave it out "
					    "when there is none",
					    sp->name);
		enum mend_rc rc = sp->check(j, 0, it->valuestring, err);
		if (rc != MEND_OK)
			return named(err, sp->name, rc);
		/* "auto" is the stage mend suggests: nothing kept */
		if (strcmp(sp->name, "stage") == 0 &&
		    strcmp(it->valuestring, "auto") == 0)
			return MEND_OK;
		*out = strdup(it->valuestring);
	} else if (sp->kind == K_MINUTES) {
		char num[32];
		/* a whole number, and small enough to be one (the check then says
		 * whether it is in range) */
		if (!cJSON_IsNumber(it) || !(fabs(it->valuedouble) < 1e9) ||
		    it->valuedouble != (double)(long)it->valuedouble)
			return mend_err_set(err, MEND_EINVAL,
					    "settings.%s: must be a whole "
					    "number of minutes",
					    sp->name);
		snprintf(num, sizeof num, "%ld", (long)it->valuedouble);
		enum mend_rc rc = sp->check(j, 0, num, err);
		if (rc != MEND_OK)
			return named(err, sp->name, rc);
		*out = strdup(num);
	} else {
		const cJSON *e;
		int n = 0;
		size_t total = 1;
		if (!cJSON_IsArray(it))
			return mend_err_set(err, MEND_EINVAL,
					    "settings.%s: must be a list of "
					    "texts",
					    sp->name);
		cJSON_ArrayForEach(e, it)
		{
			if (!cJSON_IsString(e))
				return mend_err_set(err, MEND_EINVAL,
						    "settings.%s[%d]: must be "
						    "text",
						    sp->name, n);
			if (sp->kind == K_LIST) {
				enum mend_rc rc =
				    sp->check(j, sp->list, e->valuestring, err);
				if (rc != MEND_OK) {
					char field[64];
					snprintf(field, sizeof field, "%s[%d]",
						 sp->name, n);
					return named(err, field, rc);
				}
			}
			total += strlen(e->valuestring) + 1;
			n++;
		}
		if (sp->kind == K_LIST && n > PAUSE_LIST_ITEMS)
			return mend_err_set(err, MEND_EINVAL,
					    "settings.%s: %d items is more "
					    "than %d",
					    sp->name, n, PAUSE_LIST_ITEMS);
		if (n == 0)
			return MEND_OK;
		if (sp->kind == K_LIST) {
			*out = cJSON_PrintUnformatted(it);
		} else {
			/* tags: one tag each, checked, and kept as
			 * tags_quick_set keeps them (as parsed, one comma
			 * between) */
			char *joined = malloc(total);
			struct tag_list l;
			enum mend_rc rc = MEND_OK;
			size_t cap = 1;
			if (!joined)
				return mend_err_set(err, MEND_ENOMEM,
						    "out of memory");
			joined[0] = '\0';
			cJSON_ArrayForEach(e, it)
			{
				if (strchr(e->valuestring, ',')) {
					free(joined);
					return mend_err_set(
					    err, MEND_EINVAL,
					    "settings.quick_tags: '%.40s' is "
					    "more than one tag",
					    e->valuestring);
				}
				strcat(joined, joined[0] ? "," : "");
				strcat(joined, e->valuestring);
			}
			tag_list_init(&l);
			rc = tags_parse_list("quick_tags", joined,
					     TAGS_QUICK_MAX, &l, err);
			free(joined);
			if (rc != MEND_OK) {
				tag_list_done(&l);
				return named(err, sp->name, rc);
			}
			for (size_t k = 0; k < l.n; k++)
				cap += strlen(l.v[k].shown) + 1;
			char *kept = malloc(cap);
			if (kept) {
				kept[0] = '\0';
				for (size_t k = 0; k < l.n; k++) {
					strcat(kept, k ? "," : "");
					strcat(kept, l.v[k].shown);
				}
			}
			tag_list_done(&l);
			*out = kept;
			return kept ? MEND_OK
				    : mend_err_set(err, MEND_ENOMEM,
						   "out of memory");
		}
	}
	return *out ? MEND_OK : mend_err_set(err, MEND_ENOMEM, "out of memory");
}

/* The time a setting was changed, from changed_at: NULL when not given
 * there (the export's updated_at stands for it). */
static const char *changed_at(const cJSON *obj, const char *name)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(obj, "changed_at"), name);
	return cJSON_IsString(t) ? t->valuestring : NULL;
}

/* changed_at: an object of known names, each a time not ahead of the
 * clock by more than a day. */
static enum mend_rc check_times(struct journal *j, const cJSON *obj,
				struct mend_err *err)
{
	const cJSON *times = cJSON_GetObjectItemCaseSensitive(obj, "changed_at");
	const cJSON *t;
	time_t when;

	if (!times)
		return MEND_OK;
	if (!cJSON_IsObject(times))
		return mend_err_set(err, MEND_EINVAL,
				    "settings.changed_at: must be an object of "
				    "times");
	cJSON_ArrayForEach(t, times)
	{
		bool known = false;
		for (size_t i = 0; i < N_SPECS; i++)
			known |= strcmp(t->string, specs[i].name) == 0;
		if (!known)
			return mend_err_set(err, MEND_EINVAL,
					    "settings.changed_at.%.40s: not "
					    "a setting",
					    t->string);
		if (!cJSON_IsString(t) || !clock_parse_iso(t->valuestring, &when))
			return mend_err_set(err, MEND_EINVAL,
					    "settings.changed_at.%s: not a time "
					    "(YYYY-MM-DDTHH:MM:SSZ)",
					    t->string);
		if (when > j->now + FUTURE_SLACK)
			return mend_err_set(err, MEND_EINVAL,
					    "settings.changed_at.%s: %.20s is "
					    "in the future",
					    t->string, t->valuestring);
	}
	return MEND_OK;
}

enum mend_rc journal_settings_check(struct journal *j, const cJSON *obj,
				    struct mend_err *err)
{
	enum mend_rc rc = check_times(j, obj, err);
	for (size_t i = 0; rc == MEND_OK && i < N_SPECS; i++) {
		const cJSON *it =
		    cJSON_GetObjectItemCaseSensitive(obj, specs[i].name);
		char *v = NULL;
		if (it)
			rc = kept_form(j, &specs[i], it, &v, err);
		free(v);
	}
	return rc;
}

enum mend_rc journal_settings_apply(struct journal *j, const cJSON *obj,
				    const char *updated, struct mend_err *err)
{
	char have[CLOCK_ISO_LEN];
	enum mend_rc rc = MEND_OK;

	for (size_t i = 0; rc == MEND_OK && i < N_SPECS; i++) {
		const struct spec *sp = &specs[i];
		const cJSON *it =
		    cJSON_GetObjectItemCaseSensitive(obj, sp->name);
		char *v = NULL;
		if (!it)
			continue;
		const char *when = changed_at(obj, sp->name);
		if (!when)
			when = updated;
		rc = store_setting_updated(j->st, sp->key, have, err);
		if (rc == MEND_OK && strcmp(when, have) <= 0)
			continue; /* the journal's own is as new or newer */
		if (rc == MEND_ENOTFOUND) {
			mend_err_clear(err);
			rc = MEND_OK;
		}
		if (rc == MEND_OK)
			rc = kept_form(j, sp, it, &v, err);
		if (rc == MEND_OK)
			rc = store_setting_set(j->st, sp->key, v, when, err);
		free(v);
	}
	return rc;
}
