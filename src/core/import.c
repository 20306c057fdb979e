/* SPDX-License-Identifier: MIT */
/* Import: validate everything, then merge everything in one transaction.
 *
 * The file is walked with json_scan, and each record is parsed with cJSON
 * on its own and thrown away, so memory is the file plus an id table,
 * never a tree of the whole journal. cJSON 1.7.15 lets several things
 * through that we must catch ourselves: invalid UTF-8 (checked on every
 * string), \u0000 (seen by the scanner), duplicate keys (checked per
 * object), case-insensitive lookups (we only use the CaseSensitive ones),
 * trailing bytes (the scanner), and integers beyond 2^53 or int range
 * (numbers are checked as doubles against their ranges). */
#include "mend/import.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jrnl_text.h"
#include "json_scan.h"
#include "mend/export.h"
#include "mend/journal_settings.h"
#include "mend/store_crypt.h"
#include "mend/utf8.h"

/* --- a set of strings (UUIDs and check-in days) with the record index
 * that first used each --- */

struct idset {
	struct idslot {
		char key[UUID_LEN];
		long index;
	} *slots;
	size_t cap, n;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Returns the earlier index when key is already there, -1 when added,
 * -2 when out of memory. */
static long idset_add(struct idset *set, const char *key, long index)
{
	if (set->n * 2 >= set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 1024;
		struct idslot *slots = calloc(cap, sizeof *slots);
		if (!slots)
			return -2;
		for (size_t i = 0; i < set->cap; i++) {
			if (!set->slots[i].key[0])
				continue;
			size_t h = hash(set->slots[i].key) & (cap - 1);
			while (slots[h].key[0])
				h = (h + 1) & (cap - 1);
			slots[h] = set->slots[i];
		}
		free(set->slots);
		set->slots = slots;
		set->cap = cap;
	}
	size_t h = hash(key) & (set->cap - 1);
	while (set->slots[h].key[0]) {
		if (strcmp(set->slots[h].key, key) == 0)
			return set->slots[h].index;
		h = (h + 1) & (set->cap - 1);
	}
	snprintf(set->slots[h].key, sizeof set->slots[h].key, "%s", key);
	set->slots[h].index = index;
	set->n++;
	return -1;
}

/* The index stored for key, or -1 when it is not there. */
static long idset_find(const struct idset *set, const char *key)
{
	if (!set->cap)
		return -1;
	size_t h = hash(key) & (set->cap - 1);
	while (set->slots[h].key[0]) {
		if (strcmp(set->slots[h].key, key) == 0)
			return set->slots[h].index;
		h = (h + 1) & (set->cap - 1);
	}
	return -1;
}

static void idset_free(struct idset *set)
{
	free(set->slots);
	memset(set, 0, sizeof *set);
}

/* --- the importer --- */

struct importer {
	struct journal *j;
	struct import_report *rep;
	const char *data;
	size_t len;
	bool jrnl;
	bool has_settings, has_periods, has_entries;
	struct jspan settings, periods, entries;
	struct idset ids, days;
	char running[UUID_LEN]; /* the file's running period, "" if none */
	char running_updated[CLOCK_ISO_LEN];
	struct period q;        /* the journal's own running period */
	bool has_q;
	struct period file_q;   /* the file's copy of it, if any */
	bool has_file_q;
	struct span {
		time_t start, end; /* end: TIME_MAX while it runs */
		long index;
	} *spans;               /* the file's periods, to find overlaps */
	size_t n_spans, cap_spans;
	bool forget; /* text was replaced or removed: clear the index once */
	int oom;
};

/* Ids in the id table that belong to periods[] carry this bit. */
#define PERIOD_INDEX (1L << 40)

/* How far past now a time in a file may be: a device's clock a little
 * ahead is fine, a change dated next year would win every later merge. */
#define FUTURE_SLACK (24 * 3600)

static void problem(struct importer *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct importer *im, const char *fmt, ...)
{
	struct import_report *r = im->rep;
	va_list ap;

	if (r->n_problems >= IMPORT_MAX_PROBLEMS) {
		r->more_problems = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(r->problems[r->n_problems], IMPORT_PROBLEM_LEN, fmt, ap);
	va_end(ap);
	r->n_problems++;
}

static bool full(const struct importer *im)
{
	return im->rep->more_problems;
}

/* A short, printable quote of a value for messages. */
static const char *quote(const cJSON *v, char *buf, size_t n)
{
	if (cJSON_IsString(v)) {
		size_t len = strlen(v->valuestring), k = 0;
		buf[k++] = '\'';
		for (size_t i = 0; i < len && k < n - 6; i++) {
			unsigned char c = (unsigned char)v->valuestring[i];
			buf[k++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
		}
		if (len > n - 7)
			buf[k++] = '.', buf[k++] = '.', buf[k++] = '.';
		buf[k++] = '\'';
		buf[k] = '\0';
		/* never print invalid UTF-8 back */
		if (!utf8_valid(buf, k, NULL))
			snprintf(buf, n, "(a string that is not UTF-8)");
		return buf;
	}
	if (cJSON_IsNumber(v)) {
		snprintf(buf, n, "%.17g", v->valuedouble);
		return buf;
	}
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return "an array";
	return "an object";
}

/* Every key of obj must be in allowed (NULL-terminated) and appear once. */
static bool check_keys(struct importer *im, const cJSON *obj, const char *path,
		       const char *const *allowed)
{
	bool ok = true;
	for (const cJSON *a = obj->child; a; a = a->next) {
		bool known = false;
		for (const char *const *k = allowed; *k; k++)
			known |= strcmp(a->string, *k) == 0;
		if (!known) {
			problem(im, "%s.%.40s: unknown key", path,
				utf8_valid(a->string, strlen(a->string), NULL)
					? a->string
					: "?");
			ok = false;
		}
		for (const cJSON *b = a->next; b; b = b->next) {
			if (strcmp(a->string, b->string) == 0) {
				problem(im, "%s: key '%.40s' appears twice", path,
					a->string);
				ok = false;
				break;
			}
		}
	}
	return ok;
}

static const cJSON *get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

enum need { OPTIONAL, REQUIRED };

/* A field that is not there: a problem when it is required. Returns
 * whether the record can still be valid. */
static bool absent(struct importer *im, const char *path, const char *k,
		   enum need need)
{
	if (need == REQUIRED)
		problem(im, "%s.%s: missing", path, k);
	return need != REQUIRED;
}

/* A string field: present (when required), a string, valid UTF-8, at
 * most max bytes, and non-empty when nonempty. *out NULL when absent. */
static bool str_field(struct importer *im, const cJSON *o, const char *path,
		      const char *k, enum need need, size_t max, bool nonempty,
		      const char **out)
{
	const cJSON *v = get(o, k);
	char q[64];

	*out = NULL;
	if (!v)
		return absent(im, path, k, need);
	if (!cJSON_IsString(v)) {
		problem(im, "%s.%s: %s is not a string", path, k,
			quote(v, q, sizeof q));
		return false;
	}
	size_t len = strlen(v->valuestring), bad = 0;
	if (!utf8_valid(v->valuestring, len, &bad)) {
		problem(im, "%s.%s: not valid UTF-8 (byte %zu of the text)",
			path, k, bad);
		return false;
	}
	if (len > max) {
		problem(im, "%s.%s: %zu bytes is more than the %zu allowed",
			path, k, len, max);
		return false;
	}
	if (nonempty && !utf8_has_text(v->valuestring)) {
		problem(im, "%s.%s: empty", path, k);
		return false;
	}
	*out = v->valuestring;
	return true;
}

/* An integer field in lo..hi; *out ENTRY_NONE when absent. */
static bool int_field(struct importer *im, const cJSON *o, const char *path,
		      const char *k, enum need need, int lo, int hi, int *out)
{
	const cJSON *v = get(o, k);
	char q[64];

	*out = ENTRY_NONE;
	if (!v)
		return absent(im, path, k, need);
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
	    !isfinite(v->valuedouble)) {
		problem(im, "%s.%s: %s is not a whole number", path, k,
			quote(v, q, sizeof q));
		return false;
	}
	if (v->valuedouble < lo || v->valuedouble > hi) {
		problem(im, "%s.%s: %s is not in %d..%d", path, k,
			quote(v, q, sizeof q), lo, hi);
		return false;
	}
	*out = (int)v->valuedouble;
	return true;
}

static bool bool_field(struct importer *im, const cJSON *o, const char *path,
		       const char *k, enum need need, int *out)
{
	const cJSON *v = get(o, k);
	char q[64];

	*out = ENTRY_NONE;
	if (!v)
		return absent(im, path, k, need);
	if (!cJSON_IsBool(v)) {
		problem(im, "%s.%s: %s is not true or false", path, k,
			quote(v, q, sizeof q));
		return false;
	}
	*out = cJSON_IsTrue(v);
	return true;
}

static bool time_field(struct importer *im, const cJSON *o, const char *path,
		       const char *k, enum need need, char out[CLOCK_ISO_LEN])
{
	const char *s;
	time_t t;

	out[0] = '\0';
	if (!str_field(im, o, path, k, need, 64, true, &s))
		return false;
	if (!s)
		return true;
	if (!clock_parse_iso(s, &t)) {
		problem(im, "%s.%s: '%.40s' is not an ISO 8601 time such as "
			    "2026-01-11T09:00:00Z",
			path, k, s);
		return false;
	}
	clock_format_iso(t, out);
	if (t > im->j->now + FUTURE_SLACK) {
		problem(im, "%s.%s: %s is more than a day after now (%s); was "
			    "that device's clock wrong?",
			path, k, out, im->j->now_iso);
		return false;
	}
	return true;
}

static bool one_of(struct importer *im, const char *path, const char *k,
		   const char *v, const char *list)
{
	/* list is "a, b, c" */
	size_t n = strlen(v);
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && strncmp(p, v, n) == 0)
			return true;
		p += len;
		while (*p == ',' || *p == ' ')
			p++;
	}
	problem(im, "%s.%s: '%.40s' is not one of %s", path, k, v, list);
	return false;
}

/* The record's "id": a UUID, kept in lower case. */
static bool id_field(struct importer *im, const cJSON *o, const char *path,
		     char out[UUID_LEN])
{
	const char *s;
	if (!str_field(im, o, path, "id", REQUIRED, 64, true, &s))
		return false;
	if (!uuid_valid(s)) {
		problem(im, "%s.id: '%.40s' is not a UUID", path, s);
		return false;
	}
	for (int i = 0; i < UUID_LEN; i++)
		out[i] = (char)((s[i] >= 'A' && s[i] <= 'F') ? s[i] + 32 : s[i]);
	return true;
}

/* updated_at (b) not before created_at (a); both may be unset. */
static bool in_order(struct importer *im, const char *path, const char *a,
		     const char *b)
{
	if (!a[0] || !b[0] || strcmp(b, a) >= 0)
		return true;
	problem(im, "%s.updated_at: %s is before created_at %s", path, b, a);
	return false;
}

/* A check-in's day is the journal day it was made on: its created_at's
 * date in some time zone (UTC-12..UTC+14), perhaps before the day-start
 * hour, so at most two days before or one after the UTC date. */
static bool day_near(struct importer *im, const char *path, struct mend_date d,
		     const char *created_at)
{
	time_t t;
	if (!created_at[0] || !clock_parse_iso(created_at, &t))
		return true;
	long diff = clock_days_from_civil(d) - (long)(t / 86400);
	if (diff >= -2 && diff <= 1)
		return true;
	problem(im, "%s.day: %04d-%02d-%02d is far from created_at %s; a "
		    "check-in's day is the day it was made",
		path, d.y, d.m, d.d, created_at);
	return false;
}

/* Fields each kind may carry beyond the common ones. */
static const char *const common_keys[] = {"id", "kind", "module",
					  "created_at", "updated_at", "text",
					  "tags", "starred", NULL};

static bool allowed_for(enum kind k, const char *key)
{
	static const struct {
		enum kind kind;
		const char *keys;
	} extra[] = {
		{KIND_CHECKIN, " day mood urge contact "},
		{KIND_CONTACT, " by channel necessary restarted_period "},
		{KIND_URGE, " urge "},
		{KIND_UNSENT, " "},
		{KIND_SEALED, " open_day "},
		{KIND_REFLECTION, " prompt_id prompt_text "},
		{KIND_GROWTH, " category minutes "},
		{KIND_ACCEPTANCE, " prompt_id prompt_text "},
		{KIND_DECISION, " outcome "},
		{KIND_PAUSE, " urge urge_after seconds category step "},
		{KIND_PROFILE, " urge "},
		{KIND_SLIP, " step "},
		{KIND_EXERCISE, " step seconds score mood prompt_id "
				"prompt_text "},
		{KIND_INTENTION, " step "},
		{KIND_LOOKBACK, " mood "},
		{KIND_CLARITY, " score "},
		{KIND_WEEK, " day "},
	};
	char pat[40];
	for (const char *const *c = common_keys; *c; c++)
		if (strcmp(*c, key) == 0)
			return true;
	snprintf(pat, sizeof pat, " %.30s ", key);
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (extra[i].kind == k)
			return strstr(extra[i].keys, pat) != NULL;
	return false;
}

/* Tags: an array of non-empty strings without spaces, joined with
 * spaces into a new string (caller frees); NULL when absent. */
static bool tags_field(struct importer *im, const cJSON *o, const char *path,
		       char **out)
{
	const cJSON *v = get(o, "tags"), *t;
	size_t total = 0, i = 0;
	char q[64];

	*out = NULL;
	if (!v)
		return true;
	if (!cJSON_IsArray(v)) {
		problem(im, "%s.tags: %s is not an array of strings", path,
			quote(v, q, sizeof q));
		return false;
	}
	cJSON_ArrayForEach(t, v)
	{
		if (i >= IMPORT_MAX_TAGS) {
			problem(im, "%s.tags: more than the %d tags an entry may "
				    "have",
				path, IMPORT_MAX_TAGS);
			return false;
		}
		if (!cJSON_IsString(t) || !t->valuestring[0] ||
		    strpbrk(t->valuestring, " \t\n\r") ||
		    strlen(t->valuestring) > 200 ||
		    !utf8_valid(t->valuestring, strlen(t->valuestring), NULL)) {
			problem(im, "%s.tags[%zu]: %s is not a tag (a word of "
				    "up to 200 bytes, no spaces)",
				path, i, quote(t, q, sizeof q));
			return false;
		}
		total += strlen(t->valuestring) + 1;
		i++;
	}
	if (i == 0)
		return true;
	*out = malloc(total);
	if (!*out) {
		im->oom = 1;
		return false;
	}
	char *end = *out;
	cJSON_ArrayForEach(t, v)
	{
		size_t n = strlen(t->valuestring);
		if (end != *out)
			*end++ = ' ';
		memcpy(end, t->valuestring, n);
		end += n;
	}
	*end = '\0';
	return true;
}

/* prompt_id and prompt_text, both or neither. */
static bool prompt_fields(struct importer *im, const cJSON *o,
			  const char *path, struct entry *e)
{
	bool ok = str_field(im, o, path, "prompt_id", OPTIONAL, 64, true,
			    &e->prompt_id);
	ok &= str_field(im, o, path, "prompt_text", OPTIONAL, 4000, true,
			&e->prompt_text);
	if (!e->prompt_id != !e->prompt_text) {
		problem(im, "%s: prompt_id and prompt_text go together", path);
		ok = false;
	}
	return ok;
}

/* A key from mend's own lists (an exercise's id, an outcome): lower-case
 * letters, digits and '-', up to 32. */
static bool key_field(struct importer *im, const cJSON *o, const char *path,
		      const char *key, enum need need, const char **out)
{
	if (!str_field(im, o, path, key, need, 32, true, out))
		return false;
	if (!*out)
		return true;
	for (const char *p = *out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-')) {
			problem(im, "%s.%s: '%.32s' is not a key (lower-case "
				    "letters, digits and '-')",
				path, key, *out);
			return false;
		}
	return true;
}

/* Read one mend entry record into e (strings borrowed from o; *tags
 * allocated). False, with problems reported, when it is not valid. */
static bool read_entry(struct importer *im, const cJSON *o, const char *path,
		       struct entry *e, char **tags)
{
	const char *s, *mod;
	bool ok = true;
	char q[64];

	entry_init(e);
	*tags = NULL;
	if (!cJSON_IsObject(o)) {
		problem(im, "%s: %s is not an object", path, quote(o, q, sizeof q));
		return false;
	}
	if (!str_field(im, o, path, "kind", REQUIRED, 32, true, &s) || !s)
		return false;
	if (!kind_from_name(s, &e->kind)) {
		one_of(im, path, "kind", s,
		       "checkin, contact, urge, unsent, sealed, reflection, "
		       "growth, acceptance, decision, pause, profile, slip, "
		       "exercise, intention, lookback, clarity, week");
		return false;
	}
	for (const cJSON *a = o->child; a; a = a->next) {
		if (!allowed_for(e->kind, a->string)) {
			bool dup = false;
			for (const cJSON *b = o->child; b != a; b = b->next)
				dup |= strcmp(a->string, b->string) == 0;
			if (!dup)
				problem(im, "%s.%.40s: not a field of a %s entry",
					path,
					utf8_valid(a->string, strlen(a->string),
						   NULL)
						? a->string
						: "?",
					kind_name(e->kind));
			ok = false;
		}
		for (const cJSON *b = a->next; b; b = b->next)
			if (strcmp(a->string, b->string) == 0) {
				problem(im, "%s: key '%.40s' appears twice",
					path, a->string);
				ok = false;
			}
	}
	ok &= id_field(im, o, path, e->uuid);
	ok &= str_field(im, o, path, "module", OPTIONAL, 32, true, &mod);
	if (mod && strcmp(mod, module_name(kind_module(e->kind))) != 0) {
		problem(im, "%s.module: '%.32s' does not go with kind %s (it "
			    "is %s)",
			path, mod, kind_name(e->kind),
			module_name(kind_module(e->kind)));
		ok = false;
	}
	ok &= time_field(im, o, path, "created_at", REQUIRED, e->created_at);
	ok &= time_field(im, o, path, "updated_at", REQUIRED, e->updated_at);
	ok &= in_order(im, path, e->created_at, e->updated_at);
	bool required = e->kind == KIND_REFLECTION ||
			e->kind == KIND_ACCEPTANCE || e->kind == KIND_UNSENT ||
			e->kind == KIND_SEALED || e->kind == KIND_GROWTH;
	ok &= str_field(im, o, path, "text", REQUIRED,
			required ? JOURNAL_TEXT_MAX : JOURNAL_NOTE_MAX, required,
			&e->text);
	if (!e->text)
		e->text = "";
	ok &= tags_field(im, o, path, tags);
	e->tags = *tags;
	ok &= bool_field(im, o, path, "starred", OPTIONAL, &e->starred);
	e->starred = e->starred == 1;

	switch (e->kind) {
	case KIND_CHECKIN: {
		struct mend_date d;
		ok &= str_field(im, o, path, "day", REQUIRED, 16, true, &s);
		if (s && !clock_parse_date(s, &d)) {
			problem(im, "%s.day: '%.20s' is not a date (YYYY-MM-DD)",
				path, s);
			ok = false;
		} else if (s) {
			snprintf(e->day, sizeof e->day, "%s", s);
			ok &= day_near(im, path, d, e->created_at);
		}
		ok &= int_field(im, o, path, "mood", REQUIRED, 1, 10, &e->mood);
		ok &= int_field(im, o, path, "urge", OPTIONAL, 0, 10, &e->urge);
		ok &= bool_field(im, o, path, "contact", OPTIONAL, &e->contact);
		if (e->contact == ENTRY_NONE)
			e->contact = 0;
		break;
	}
	case KIND_CONTACT:
		ok &= str_field(im, o, path, "by", REQUIRED, 8, true, &e->initiator);
		if (e->initiator)
			ok &= one_of(im, path, "by", e->initiator, "me, them");
		ok &= str_field(im, o, path, "channel", REQUIRED, 16, true,
				&e->channel);
		if (e->channel)
			ok &= one_of(im, path, "channel", e->channel,
				     "text, call, social, in-person, other");
		ok &= bool_field(im, o, path, "necessary", OPTIONAL, &e->necessary);
		ok &= bool_field(im, o, path, "restarted_period", OPTIONAL,
				 &e->breaks_period);
		if (e->necessary == ENTRY_NONE)
			e->necessary = 0;
		if (e->breaks_period == ENTRY_NONE)
			e->breaks_period = 0;
		break;
	case KIND_URGE:
		ok &= int_field(im, o, path, "urge", REQUIRED, 1, 10, &e->urge);
		break;
	case KIND_SEALED:
		ok &= int_field(im, o, path, "open_day", REQUIRED, 1,
				JOURNAL_GOAL_MAX, &e->open_day);
		break;
	case KIND_GROWTH:
		ok &= str_field(im, o, path, "category", REQUIRED, 32, true,
				&e->category);
		if (e->category && !content_category(im->j->content, e->category)) {
			char list[200] = "";
			for (size_t i = 0; i < im->j->content->n_categories; i++) {
				if (i)
					strcat(list, ", ");
				strncat(list, im->j->content->categories[i].id, 30);
			}
			problem(im, "%s.category: '%.32s' is not one of %s", path,
				e->category, list);
			ok = false;
		}
		ok &= int_field(im, o, path, "minutes", OPTIONAL, 0, 1440,
				&e->minutes);
		break;
	case KIND_DECISION:
		ok &= str_field(im, o, path, "outcome", REQUIRED, 16, true,
				&e->outcome);
		if (e->outcome)
			ok &= one_of(im, path, "outcome", e->outcome,
				     "reconnect, friends, part-ways, undecided");
		break;
	case KIND_PAUSE:
		ok &= int_field(im, o, path, "urge", REQUIRED, 0, 10, &e->urge);
		ok &= int_field(im, o, path, "urge_after", OPTIONAL, 0, 10,
				&e->urge_after);
		ok &= int_field(im, o, path, "seconds", OPTIONAL, 0, 86400,
				&e->seconds);
		ok &= key_field(im, o, path, "category", OPTIONAL, &e->category);
		ok &= key_field(im, o, path, "step", OPTIONAL, &e->step);
		break;
	case KIND_PROFILE:
		ok &= int_field(im, o, path, "urge", OPTIONAL, 0, 10, &e->urge);
		break;
	case KIND_SLIP:
	case KIND_INTENTION:
		ok &= key_field(im, o, path, "step", OPTIONAL, &e->step);
		break;
	case KIND_EXERCISE:
		ok &= key_field(im, o, path, "step", REQUIRED, &e->step);
		ok &= int_field(im, o, path, "seconds", OPTIONAL, 0, 86400,
				&e->seconds);
		ok &= int_field(im, o, path, "score", OPTIONAL, 1, 10, &e->score);
		ok &= int_field(im, o, path, "mood", OPTIONAL, 1, 10, &e->mood);
		ok &= prompt_fields(im, o, path, e);
		break;
	case KIND_LOOKBACK:
		ok &= int_field(im, o, path, "mood", OPTIONAL, 1, 10, &e->mood);
		break;
	case KIND_CLARITY:
		ok &= int_field(im, o, path, "score", REQUIRED, 1, 7, &e->score);
		break;
	case KIND_WEEK:
		ok &= str_field(im, o, path, "day", REQUIRED, 16, true, &s);
		if (s) {
			struct mend_date d;
			if (clock_parse_date(s, &d))
				snprintf(e->day, sizeof e->day, "%s", s);
			else {
				problem(im, "%s.day: '%.20s' is not a date "
					    "(YYYY-MM-DD)",
					path, s);
				ok = false;
			}
		}
		break;
	case KIND_REFLECTION:
	case KIND_ACCEPTANCE:
		ok &= prompt_fields(im, o, path, e);
		break;
	default:
		break;
	}
	if (!ok) {
		free(*tags);
		*tags = NULL;
	}
	return ok;
}

static bool read_period(struct importer *im, const cJSON *o, const char *path,
			struct period *p)
{
	static const char *const keys[] = {"id", "created_at", "updated_at",
					   "started_at", "ended_at", NULL};
	char q[64];
	bool ok;

	memset(p, 0, sizeof *p);
	if (!cJSON_IsObject(o)) {
		problem(im, "%s: %s is not an object", path, quote(o, q, sizeof q));
		return false;
	}
	ok = check_keys(im, o, path, keys);
	ok &= id_field(im, o, path, p->uuid);
	ok &= time_field(im, o, path, "created_at", REQUIRED, p->created_at);
	ok &= time_field(im, o, path, "updated_at", REQUIRED, p->updated_at);
	ok &= time_field(im, o, path, "started_at", REQUIRED, p->started_at);
	ok &= time_field(im, o, path, "ended_at", OPTIONAL, p->ended_at);
	if (ok)
		ok = in_order(im, path, p->created_at, p->updated_at);
	if (ok && p->ended_at[0] && strcmp(p->ended_at, p->started_at) < 0) {
		problem(im, "%s.ended_at: %s is before started_at %s", path,
			p->ended_at, p->started_at);
		ok = false;
	}
	return ok;
}

/* jrnl's "HH:MM", strictly: two digits, a colon, two digits. */
static bool jrnl_time(const char *s, int *hh, int *mm)
{
	for (int i = 0; i < 5; i++)
		if (i == 2 ? s[i] != ':' : !(s[i] >= '0' && s[i] <= '9'))
			return false;
	if (s[5])
		return false;
	*hh = (s[0] - '0') * 10 + (s[1] - '0');
	*mm = (s[3] - '0') * 10 + (s[4] - '0');
	return *hh <= 23 && *mm <= 59;
}

/* A name-based id: two FNV-1a hashes of the first n parts. */
static void name_id(const char *const *parts, size_t n, char out[UUID_LEN])
{
	uint64_t h1 = 1469598103934665603ull, h2 = 0x84222325cbf29ce4ull;
	for (size_t i = 0; i < n; i++) {
		for (const char *p = parts[i]; *p; p++) {
			h1 = (h1 ^ (unsigned char)*p) * 1099511628211ull;
			h2 = (h2 ^ (unsigned char)*p) * 0x100000001b3ull + 7;
		}
		h1 = (h1 ^ 0xff) * 1099511628211ull;
		h2 = (h2 ^ 0xfe) * 0x100000001b3ull;
	}
	snprintf(out, UUID_LEN, "%08x-%04x-8%03x-%04x-%012llx",
		 (unsigned)(h1 >> 32), (unsigned)(h1 >> 16) & 0xffff,
		 (unsigned)h1 & 0xfff,
		 (unsigned)(0x8000 | ((h2 >> 48) & 0x3fff)),
		 (unsigned long long)(h2 & 0xffffffffffffull));
}

/* A jrnl entry: title, body, date, time, tags, starred (other keys are
 * left alone: jrnl may add some). The text is title, then the body on
 * the following lines; the id is made from the content, so importing
 * the same file twice finds the same records. */
static bool read_jrnl(struct importer *im, const cJSON *o, const char *path,
		      struct entry *e, char **text, char **tags,
		      char variant[UUID_LEN])
{
	const char *title, *body, *date, *hm;
	struct mend_date d;
	int hh = 0, mm = 0;
	int starred;
	char q[64];
	bool ok = true;

	entry_init(e);
	*text = *tags = NULL;
	if (!cJSON_IsObject(o)) {
		problem(im, "%s: %s is not an object", path, quote(o, q, sizeof q));
		return false;
	}
	for (const cJSON *a = o->child; a; a = a->next)
		for (const cJSON *b = a->next; b; b = b->next)
			if (strcmp(a->string, b->string) == 0) {
				problem(im, "%s: key '%.40s' appears twice",
					path, a->string);
				ok = false;
			}
	ok &= str_field(im, o, path, "title", REQUIRED, JOURNAL_TEXT_MAX, false,
			&title);
	ok &= str_field(im, o, path, "body", OPTIONAL, JOURNAL_TEXT_MAX, false,
			&body);
	ok &= str_field(im, o, path, "date", REQUIRED, 16, true, &date);
	ok &= str_field(im, o, path, "time", REQUIRED, 16, true, &hm);
	ok &= bool_field(im, o, path, "starred", OPTIONAL, &starred);
	if (date && !clock_parse_date(date, &d)) {
		problem(im, "%s.date: '%.20s' is not a date (YYYY-MM-DD)", path,
			date);
		ok = false;
	}
	if (hm && !jrnl_time(hm, &hh, &mm)) {
		problem(im, "%s.time: '%.20s' is not a time (HH:MM)", path, hm);
		ok = false;
	}
	if (ok)
		ok = tags_field(im, o, path, tags);
	if (!ok)
		return false;
	size_t tl = strlen(title), bl = body ? strlen(body) : 0;
	*text = malloc(tl + bl + 2);
	if (!*text) {
		free(*tags);
		*tags = NULL;
		im->oom = 1;
		return false;
	}
	memcpy(*text, title, tl);
	(*text)[tl] = '\0';
	if (bl) {
		(*text)[tl] = '\n';
		memcpy(*text + tl + 1, body, bl + 1);
	}
	if (!utf8_has_text(*text) || tl + bl + 1 > JOURNAL_TEXT_MAX) {
		problem(im, "%s: %s", path,
			utf8_has_text(*text) ? "the entry is too long"
					     : "the entry is empty");
		free(*text);
		free(*tags);
		*text = *tags = NULL;
		return false;
	}
	e->kind = KIND_REFLECTION;
	e->text = *text;
	e->tags = *tags;
	e->starred = starred == 1;
	/* the wall-clock time of that day, whatever DST did to it */
	struct tm tm = {.tm_year = d.y - 1900,
			.tm_mon = d.m - 1,
			.tm_mday = d.d,
			.tm_hour = hh,
			.tm_min = mm,
			.tm_isdst = -1};
	time_t t = mktime(&tm);
	if (t == (time_t)-1 || t < 0)
		t = clock_local_midnight(d) + hh * 3600 + mm * 60;
	clock_format_iso(t, e->created_at);
	/* the same rule as for mend's own files: a time far ahead would
	 * win every later merge, and mend's export of it would not import */
	if (t > im->j->now + FUTURE_SLACK) {
		problem(im, "%s.date: %s %s is more than a day after now (%s); "
			    "was that device's clock wrong?",
			path, date, hm, im->j->now_iso);
		return false;
	}
	memcpy(e->updated_at, e->created_at, sizeof e->updated_at);
	const char *parts[] = {date, hm, title, body ? body : "",
			       *tags ? *tags : "", starred == 1 ? "*" : ""};
	name_id(parts, 4, e->uuid);
	name_id(parts, 6, variant);
	return true;
}

static void add_span(struct importer *im, const struct period *p, long index)
{
	time_t start = 0, end = 0;
	if (im->n_spans == im->cap_spans) {
		size_t cap = im->cap_spans ? im->cap_spans * 2 : 64;
		struct span *grown = realloc(im->spans, cap * sizeof *grown);
		if (!grown) {
			im->oom = 1;
			return;
		}
		im->spans = grown;
		im->cap_spans = cap;
	}
	clock_parse_iso(p->started_at, &start);
	if (!p->ended_at[0] || !clock_parse_iso(p->ended_at, &end))
		end = (time_t)INT64_MAX;
	im->spans[im->n_spans++] = (struct span){start, end, index};
}

static int by_start(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

static void span_text(time_t start, time_t end, char *buf, size_t n)
{
	char a[CLOCK_ISO_LEN], b[CLOCK_ISO_LEN];
	clock_format_iso(start, a);
	if (end == (time_t)INT64_MAX)
		snprintf(buf, n, "%s..(still running)", a);
	else {
		clock_format_iso(end, b);
		snprintf(buf, n, "%s..%s", a, b);
	}
}

/* No two no-contact periods may overlap: not two of the file's, nor one
 * of the file's and one of this journal's (other than its own copy). */
static enum mend_rc check_overlaps(struct importer *im, struct mend_err *err)
{
	const struct period_list *jp;
	char t[64];
	enum mend_rc rc = journal_periods(im->j, &jp, err);

	if (rc != MEND_OK)
		return rc;
	qsort(im->spans, im->n_spans, sizeof *im->spans, by_start);
	for (size_t i = 1; i < im->n_spans && !full(im); i++) {
		const struct span *a = &im->spans[i - 1], *b = &im->spans[i];
		if (b->start < a->end) {
			const struct span *later = a->index > b->index ? a : b;
			span_text(later->start, later->end, t, sizeof t);
			problem(im, "periods[%ld]: %s overlaps periods[%ld]",
				later->index, t,
				later == a ? b->index : a->index);
		}
	}
	for (size_t k = 0; k < jp->n && !full(im); k++) {
		const struct period *q = &jp->items[k];
		time_t qs = 0, qe = (time_t)INT64_MAX;
		if (idset_find(&im->ids, q->uuid) >= 0)
			continue;
		clock_parse_iso(q->started_at, &qs);
		if (q->ended_at[0])
			clock_parse_iso(q->ended_at, &qe);
		for (size_t i = 0; i < im->n_spans && !full(im); i++) {
			const struct span *a = &im->spans[i];
			if (a->start < qe && qs < a->end) {
				char u[64];
				span_text(a->start, a->end, t, sizeof t);
				span_text(qs, qe, u, sizeof u);
				problem(im, "periods[%ld]: %s overlaps a "
					    "no-contact period of this journal "
					    "(%s)",
					a->index, t, u);
			}
		}
	}
	return MEND_OK;
}

/* Parse one record span on its own. */
static cJSON *parse_span(struct importer *im, struct jspan v, const char *path)
{
	const char *end = NULL;
	cJSON *o = cJSON_ParseWithLengthOpts(v.p, v.n, &end, 0);
	if (!o) {
		problem(im, "%s: not valid JSON (for example a bad \\u escape)",
			path);
		return NULL;
	}
	return o;
}

struct walk {
	const char *name; /* "entries" or "periods" */
	bool apply;
};

static enum mend_rc apply_period(struct importer *im, const struct period *p,
				 struct mend_err *err);
static enum mend_rc apply_entry(struct importer *im, const struct entry *e,
				struct mend_err *err);

/* Walk one top-level array, validating (and, when apply, merging) each
 * record in turn. */
static enum mend_rc walk_array(struct importer *im, struct jspan arr,
			       const struct walk *w, struct mend_err *err)
{
	struct jscan js;
	struct jspan v;
	char path[48];
	long i = 0;
	int r;
	bool entries = strcmp(w->name, "entries") == 0;

	jscan_init(&js, arr.p, arr.n);
	if (!jscan_array_begin(&js)) {
		problem(im, "%s: must be an array", w->name);
		return MEND_OK;
	}
	while (!full(im) && (r = jscan_array_next(&js, &v)) == 1) {
		snprintf(path, sizeof path, "%s[%ld]", w->name, i);
		if (js.nul_escape_at >= 0) {
			problem(im, "%s: contains \\u0000, a NUL character, "
				    "which text cannot hold",
				path);
			i++;
			continue;
		}
		cJSON *o = parse_span(im, v, path);
		if (!o) {
			i++;
			continue;
		}
		enum mend_rc rc = MEND_OK;
		if (!entries) {
			struct period p;
			if (read_period(im, o, path, &p)) {
				if (!w->apply) {
					long prev = idset_add(&im->ids, p.uuid,
							      i | PERIOD_INDEX);
					if (prev >= 0)
						problem(im, "%s.id: %s appears "
							    "twice (first at "
							    "periods[%ld])",
							path, p.uuid,
							prev & ~PERIOD_INDEX);
					add_span(im, &p, i);
					if (!p.ended_at[0]) {
						if (im->running[0])
							problem(im, "%s.ended_at: "
								    "missing, but "
								    "another period "
								    "is still "
								    "running",
								path);
						memcpy(im->running, p.uuid,
						       UUID_LEN);
						memcpy(im->running_updated,
						       p.updated_at,
						       CLOCK_ISO_LEN);
					}
					if (im->has_q &&
					    strcmp(p.uuid, im->q.uuid) == 0) {
						im->file_q = p;
						im->has_file_q = true;
					}
				} else {
					rc = apply_period(im, &p, err);
				}
			}
		} else {
			struct entry e;
			char *tags = NULL, *text = NULL, variant[UUID_LEN];
			bool ok = im->jrnl ? read_jrnl(im, o, path, &e, &text, &tags,
						       variant)
					   : read_entry(im, o, path, &e, &tags);
			if (ok && !w->apply && !im->jrnl) {
				long prev = idset_add(&im->ids, e.uuid, i);
				if (prev >= 0)
					problem(im, "%s.id: %s appears twice "
						    "(first at %s[%ld])",
						path, e.uuid,
						prev & PERIOD_INDEX ? "periods"
								    : "entries",
						prev & ~PERIOD_INDEX);
				if (e.kind == KIND_CHECKIN) {
					prev = idset_add(&im->days, e.day, i);
					if (prev >= 0)
						problem(im, "%s.day: %s already "
							    "has a check-in "
							    "(entries[%ld])",
							path, e.day, prev);
				}
			} else if (ok && w->apply && im->jrnl) {
				/* Identical jrnl entries collapse into one; one
				 * that differs only in its tags or star is
				 * another entry, with an id of its own. */
				if (idset_add(&im->days, variant, i) != -1) {
					im->rep->unchanged++;
				} else {
					if (idset_add(&im->ids, e.uuid, i) != -1)
						memcpy(e.uuid, variant, UUID_LEN);
					rc = apply_entry(im, &e, err);
				}
			} else if (ok && w->apply) {
				rc = apply_entry(im, &e, err);
			}
			free(tags);
			free(text);
		}
		cJSON_Delete(o);
		if (im->oom)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		if (rc != MEND_OK)
			return rc;
		i++;
	}
	if (js.error) {
		struct jscan whole;
		jscan_init(&whole, im->data, im->len);
		problem(im, "%s[%ld]: %s near line %ld", w->name, i, js.error,
			jscan_line(&whole, (size_t)(arr.p - im->data) +
						   js.error_at));
	}
	return MEND_OK;
}

static bool entries_equal(const struct entry *a, const struct entry *b)
{
#define SAME(f) ((!a->f && !b->f) || (a->f && b->f && strcmp(a->f, b->f) == 0))
	return a->kind == b->kind && strcmp(a->created_at, b->created_at) == 0 &&
	       strcmp(a->updated_at, b->updated_at) == 0 &&
	       strcmp(a->day, b->day) == 0 && SAME(text) && SAME(prompt_id) &&
	       SAME(prompt_text) && SAME(initiator) && SAME(channel) &&
	       SAME(category) && SAME(outcome) && SAME(tags) &&
	       a->mood == b->mood && a->urge == b->urge &&
	       a->contact == b->contact && a->necessary == b->necessary &&
	       a->breaks_period == b->breaks_period &&
	       a->minutes == b->minutes && a->open_day == b->open_day &&
	       a->starred == b->starred && SAME(step) &&
	       a->urge_after == b->urge_after && a->seconds == b->seconds &&
	       a->score == b->score;
#undef SAME
}

struct found {
	struct entry *e;
};

static void keep_copy(const struct entry *e, void *ctx)
{
	((struct found *)ctx)->e = entry_dup(e);
}

/* A check-in moved to a day that another check-in of this journal
 * holds: one check-in per day, so the one changed later keeps the day.
 * *keep is set when that is the journal's. */
static enum mend_rc clear_day(struct importer *im, const struct entry *in,
			      bool *keep, struct mend_err *err)
{
	struct found other = {NULL};
	enum mend_rc rc = store_checkin_by_day(im->j->st, in->day, keep_copy,
					       &other, err);

	*keep = false;
	if (rc == MEND_ENOTFOUND)
		return MEND_OK;
	if (rc == MEND_OK && !other.e)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK && strcmp(other.e->uuid, in->uuid) != 0) {
		if (strcmp(in->updated_at, other.e->updated_at) > 0) {
			rc = store_entry_remove(im->j->st, other.e->uuid, err);
			im->forget = true;
		} else {
			*keep = true;
		}
	}
	entry_free(other.e);
	return rc;
}

static enum mend_rc apply_entry(struct importer *im, const struct entry *in,
				struct mend_err *err)
{
	struct found old = {NULL};
	struct entry copy = *in;
	enum mend_rc rc = store_entry_find(im->j->st, in->uuid, keep_copy, &old,
					   NULL);

	if (rc == MEND_OK && !old.e)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_ENOTFOUND && in->kind == KIND_CHECKIN) {
		/* another record already holds this day's check-in */
		rc = store_checkin_by_day(im->j->st, in->day, keep_copy, &old,
					  err);
		if (rc == MEND_OK && !old.e)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		if (rc == MEND_OK) {
			if (strcmp(in->updated_at, old.e->updated_at) > 0) {
				rc = store_entry_remove(im->j->st, old.e->uuid,
							err);
				im->forget = true;
				if (rc == MEND_OK)
					rc = store_entry_insert(im->j->st, &copy, err);
				im->rep->updated += rc == MEND_OK;
			} else {
				im->rep->unchanged++;
			}
			entry_free(old.e);
			return rc;
		}
	}
	if (rc == MEND_ENOTFOUND) {
		rc = store_entry_insert(im->j->st, &copy, err);
		im->rep->added += rc == MEND_OK;
		return rc;
	}
	if (rc != MEND_OK)
		return rc;
	if (entries_equal(old.e, in) ||
	    strcmp(in->updated_at, old.e->updated_at) <= 0) {
		im->rep->unchanged++;
	} else {
		bool keep = false;
		if (in->kind == KIND_CHECKIN)
			rc = clear_day(im, in, &keep, err);
		if (rc == MEND_OK && !keep) {
			rc = store_entry_update(im->j->st, in, err);
			im->forget = true;
		}
		im->rep->updated += rc == MEND_OK && !keep;
		im->rep->unchanged += rc == MEND_OK && keep;
	}
	entry_free(old.e);
	return rc;
}

static enum mend_rc apply_period(struct importer *im, const struct period *p,
				 struct mend_err *err)
{
	struct period old;
	enum mend_rc rc = store_period_by_uuid(im->j->st, p->uuid, &old, err);

	if (rc == MEND_ENOTFOUND) {
		rc = store_period_put(im->j->st, p, err);
		im->rep->added += rc == MEND_OK;
		return rc;
	}
	if (rc != MEND_OK)
		return rc;
	if (strcmp(old.started_at, p->started_at) == 0 &&
	    strcmp(old.ended_at, p->ended_at) == 0 &&
	    strcmp(old.created_at, p->created_at) == 0 &&
	    strcmp(old.updated_at, p->updated_at) == 0) {
		im->rep->unchanged++;
		return MEND_OK;
	}
	if (strcmp(p->updated_at, old.updated_at) <= 0) {
		im->rep->unchanged++;
		return MEND_OK;
	}
	rc = store_period_put(im->j->st, p, err);
	im->rep->updated += rc == MEND_OK;
	return rc;
}

static const char *const setting_keys[] = {"start_date", "goal_days",
					   "day_start_hour", NULL};

static bool read_settings(struct importer *im, const cJSON *o, char *values[3],
			  char vbuf[3][16], char updated[CLOCK_ISO_LEN])
{
	static const char *const keys[] = {"start_date", "goal_days",
					   "day_start_hour", "updated_at", NULL};
	const char *s;
	struct mend_date d;
	int n;
	bool ok = true;
	struct mend_err err = {""};

	values[0] = values[1] = values[2] = NULL;
	if (!cJSON_IsObject(o)) {
		problem(im, "settings: must be an object");
		return false;
	}
	/* these, and the chosen and written settings journal_settings.c
	 * carries */
	const char *allowed[32];
	size_t na = 0;
	for (const char *const *k = keys; *k && na < 31; k++)
		allowed[na++] = *k;
	for (const char *const *k = journal_settings_names; *k && na < 31; k++)
		allowed[na++] = *k;
	allowed[na] = NULL;
	ok = check_keys(im, o, "settings", allowed);
	if (journal_settings_check(im->j, o, &err) != MEND_OK) {
		problem(im, "%s", err.msg);
		ok = false;
	}
	ok &= str_field(im, o, "settings", "start_date", OPTIONAL, 16, true, &s);
	if (s && !clock_parse_date(s, &d)) {
		problem(im, "settings.start_date: '%.20s' is not a date "
			    "(YYYY-MM-DD)",
			s);
		ok = false;
	} else if (s) {
		snprintf(vbuf[0], 16, "%s", s);
		values[0] = vbuf[0];
	}
	ok &= int_field(im, o, "settings", "goal_days", OPTIONAL, 1,
			JOURNAL_GOAL_MAX, &n);
	if (n != ENTRY_NONE) {
		snprintf(vbuf[1], 16, "%d", n);
		values[1] = vbuf[1];
	}
	ok &= int_field(im, o, "settings", "day_start_hour", OPTIONAL, 0, 23, &n);
	if (n != ENTRY_NONE) {
		snprintf(vbuf[2], 16, "%d", n);
		values[2] = vbuf[2];
	}
	ok &= time_field(im, o, "settings", "updated_at",
			 (values[0] || values[1] || values[2] ||
			  journal_settings_any(o))
			     ? REQUIRED
			     : OPTIONAL,
			 updated);
	return ok;
}

static enum mend_rc apply_settings(struct importer *im, struct mend_err *err)
{
	char *values[3], vbuf[3][16], updated[CLOCK_ISO_LEN], have[CLOCK_ISO_LEN];
	enum mend_rc rc = MEND_OK;
	cJSON *o = parse_span(im, im->settings, "settings");

	if (!o)
		return MEND_OK;
	if (read_settings(im, o, values, vbuf, updated)) {
		for (int i = 0; rc == MEND_OK && setting_keys[i]; i++) {
			if (!values[i])
				continue;
			rc = store_setting_updated(im->j->st, setting_keys[i],
						   have, err);
			if (rc == MEND_ENOTFOUND || (rc == MEND_OK &&
						     strcmp(updated, have) > 0))
				rc = store_setting_set(im->j->st,
						       setting_keys[i], values[i],
						       updated, err);
		}
		if (rc == MEND_ENOTFOUND)
			mend_err_clear(err);
		if (rc == MEND_OK || rc == MEND_ENOTFOUND)
			rc = journal_settings_apply(im->j, o, updated, err);
	}
	cJSON_Delete(o);
	return rc;
}

/* Read the top level: which format, which version, where the arrays are. */
static enum mend_rc read_top(struct importer *im, struct mend_err *err)
{
	struct jscan js;
	struct jspan k, v;
	int r;
	const char *fmt = NULL;
	bool has_format = false, has_version = false;
	cJSON *version = NULL;

	jscan_init(&js, im->data, im->len);
	if (!jscan_object_begin(&js)) {
		problem(im, "the file is not a JSON object (a mend or jrnl "
			    "export starts with '{')");
		return MEND_OK;
	}
	while ((r = jscan_object_next(&js, &k, &v)) == 1) {
		struct jspan *slot = NULL;
		bool *seen = NULL;
		if (jspan_is(k, "format")) {
			seen = &has_format;
			cJSON *f = cJSON_ParseWithLength(v.p, v.n);
			fmt = cJSON_IsString(f) && strcmp(f->valuestring,
							  "mend-journal") == 0
				      ? "mend-journal"
				      : "other";
			cJSON_Delete(f);
		} else if (jspan_is(k, "version")) {
			seen = &has_version;
			cJSON_Delete(version);
			version = cJSON_ParseWithLength(v.p, v.n);
		} else if (jspan_is(k, "settings")) {
			slot = &im->settings;
			seen = &im->has_settings;
		} else if (jspan_is(k, "periods")) {
			slot = &im->periods;
			seen = &im->has_periods;
		} else if (jspan_is(k, "entries")) {
			slot = &im->entries;
			seen = &im->has_entries;
		} else if (!jspan_is(k, "exported_at") &&
			   !jspan_is(k, "app_version") && !jspan_is(k, "tags")) {
			problem(im, "%.*s: unknown key at the top level",
				(int)(k.n > 40 ? 40 : k.n), k.p);
		}
		if (seen && *seen)
			problem(im, "%.*s: appears twice at the top level",
				(int)k.n, k.p);
		if (seen)
			*seen = true;
		if (slot)
			*slot = v;
	}
	if (r < 0 || !jscan_at_end(&js)) {
		problem(im, "the file is not valid JSON: %s near line %ld",
			js.error ? js.error : "unexpected data",
			jscan_line(&js, js.error_at));
		cJSON_Delete(version);
		return MEND_OK;
	}
	if (!has_format) {
		/* no "format": a jrnl export if it has entries */
		if (!im->has_entries)
			problem(im, "the file is neither a mend export (no "
				    "\"format\") nor a jrnl export (no "
				    "\"entries\")");
		im->jrnl = true;
		im->rep->source = IMPORT_JRNL;
		cJSON_Delete(version);
		return MEND_OK;
	}
	im->rep->source = IMPORT_MEND;
	if (strcmp(fmt, "mend-journal") != 0)
		problem(im, "format: must be \"mend-journal\"");
	if (!has_version || !cJSON_IsNumber(version) ||
	    version->valuedouble != floor(version->valuedouble) ||
	    version->valuedouble < 1) {
		problem(im, "version: missing or not a whole number");
	} else if (version->valuedouble > EXPORT_FORMAT_VERSION) {
		enum mend_rc rc = mend_err_set(
			err, MEND_ENEWER,
			"this file was written by a newer mend (export version "
			"%.0f; this mend reads version %d): please update mend "
			"to import it",
			version->valuedouble, EXPORT_FORMAT_VERSION);
		cJSON_Delete(version);
		return rc;
	}
	cJSON_Delete(version);
	if (!im->has_entries)
		problem(im, "entries: missing");
	return MEND_OK;
}

static enum mend_rc validate(struct importer *im, struct mend_err *err)
{
	struct walk pw = {"periods", false}, ew = {"entries", false};
	enum mend_rc rc = read_top(im, err);

	if (rc != MEND_OK || im->rep->n_problems)
		return rc;
	if (im->has_settings && !im->jrnl) {
		char *values[3], vbuf[3][16], updated[CLOCK_ISO_LEN];
		cJSON *o = parse_span(im, im->settings, "settings");
		if (o)
			read_settings(im, o, values, vbuf, updated);
		cJSON_Delete(o);
	}
	if (im->has_periods && !im->jrnl)
		rc = walk_array(im, im->periods, &pw, err);
	if (rc == MEND_OK && !im->rep->n_problems && im->n_spans)
		rc = check_overlaps(im, err);
	if (rc == MEND_OK && im->has_entries)
		rc = walk_array(im, im->entries, &ew, err);
	if (rc == MEND_OK && !im->rep->n_problems) {
		size_t bad;
		if (!utf8_valid(im->data, im->len, &bad))
			problem(im, "the file is not valid UTF-8 at byte %zu",
				bad);
	}
	return rc;
}

static enum mend_rc import_json(struct journal *j, const char *data,
			       size_t len, bool dry_run,
			       struct import_report *rep, struct mend_err *err,
			       bool converted);

enum mend_rc import_buffer(struct journal *j, const char *data, size_t len,
			   bool dry_run, struct import_report *rep,
			   struct mend_err *err)
{
	return import_json(j, data, len, dry_run, rep, err, false);
}

/* import_buffer; converted: data is a jrnl text journal read into JSON
 * already (so never read as one again). */
static enum mend_rc import_json(struct journal *j, const char *data,
			       size_t len, bool dry_run,
			       struct import_report *rep, struct mend_err *err,
			       bool converted)
{
	struct importer im;
	enum mend_rc rc;
	const char *nul;

	memset(rep, 0, sizeof *rep);
	memset(&im, 0, sizeof im);
	/* a UTF-8 byte order mark, as some editors write one */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	im.j = j;
	im.rep = rep;
	im.data = data;
	im.len = len;
	if ((size_t)len > (size_t)IMPORT_MAX_BYTES)
		return mend_err_set(err, MEND_EBADFILE,
				    "file: larger than %ld MiB",
				    IMPORT_MAX_BYTES >> 20);
	rc = store_period_current(j->st, &im.q, err);
	if (rc != MEND_OK && rc != MEND_ENOTFOUND)
		return rc;
	im.has_q = rc == MEND_OK;
	if ((nul = memchr(data, '\0', len))) {
		problem(&im, "the file has a NUL byte at byte %zu; it is not "
			     "a text export",
			(size_t)(nul - data));
		rc = MEND_OK;
	} else if (!converted && jrnl_text_detect(data, len)) {
		/* jrnl's own journal file: read into its JSON shape, which
		 * then takes the same road */
		size_t bad, n = 0;
		char *json = NULL;
		if (!utf8_valid(data, len, &bad))
			rc = mend_err_set(err, MEND_EBADFILE,
					  "the file is not valid UTF-8 at byte "
					  "%zu",
					  bad);
		else
			rc = jrnl_text_to_json(data, len, &json, &n, err);
		if (rc == MEND_OK)
			rc = import_json(j, json, n, dry_run, rep, err, true);
		else
			memset(rep, 0, sizeof *rep);
		free(json);
		rep->source = IMPORT_JRNL_TEXT;
		goto done;
	} else {
		rc = validate(&im, err);
	}
	if (rc == MEND_OK && rep->n_problems) {
		rc = mend_err_set(err, MEND_EBADFILE, "%s", rep->problems[0]);
		goto done;
	}
	if (rc != MEND_OK)
		goto done;

	/* After the merge at most one period may run: the journal's own
	 * keeps running unless the file ends it with a later change, and the
	 * file's runs if it is new or its change is the later one. */
	if (im.running[0]) {
		struct period there;
		bool q_runs = im.has_q &&
			      !(im.has_file_q && im.file_q.ended_at[0] &&
				strcmp(im.file_q.updated_at, im.q.updated_at) > 0);
		bool p_runs = true;
		enum mend_rc prc =
			store_period_by_uuid(j->st, im.running, &there, err);
		if (prc == MEND_OK)
			p_runs = strcmp(im.running_updated, there.updated_at) > 0 ||
				 !there.ended_at[0];
		else if (prc != MEND_ENOTFOUND) {
			rc = prc;
			goto done;
		}
		if (q_runs && p_runs && strcmp(im.running, im.q.uuid) != 0) {
			problem(&im, "periods: the file's running no-contact "
				     "period and this journal's own would both "
				     "run; import it into a new journal (--db)");
			rc = mend_err_set(err, MEND_EBADFILE, "%s",
					  rep->problems[0]);
			goto done;
		}
	}

	rc = store_bulk_cache(j->st, 16 * 1024, err);
	if (rc == MEND_OK)
		rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		goto done;
	/* an encrypted journal's search index is filled once, at the end */
	rc = store_index_defer(j->st, err);
	idset_free(&im.ids);
	idset_free(&im.days);
	struct walk pw = {"periods", true}, ew = {"entries", true};
	if (rc == MEND_OK && im.has_settings && !im.jrnl)
		rc = apply_settings(&im, err);
	if (rc == MEND_OK && im.has_periods && !im.jrnl)
		rc = walk_array(&im, im.periods, &pw, err);
	if (rc == MEND_OK)
		rc = walk_array(&im, im.entries, &ew, err);
	if (rc == MEND_OK && rep->n_problems)
		rc = mend_err_set(err, MEND_EBADFILE, "%s", rep->problems[0]);
	if (rc == MEND_OK && !dry_run)
		rc = store_index_resume(j->st, err);
	/* once per import, not once per replaced record: the optimize
	 * rewrites the whole index */
	if (rc == MEND_OK && im.forget && !dry_run)
		rc = store_forget_old_text(j->st, err);
	if (rc == MEND_OK && !dry_run)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	store_index_abandon(j->st);
	journal_invalidate(j);
done:
	idset_free(&im.ids);
	idset_free(&im.days);
	free(im.spans);
	return rc;
}

enum mend_rc import_read(FILE *f, const char *path, char **out, size_t *len,
			 struct mend_err *err)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = NULL;
	enum mend_rc rc = MEND_OK;
	struct stat sb;

	/* A regular file is read into a buffer of its own size (one byte
	 * more, to see the end at once), so memory is the file, not the next
	 * power of two. */
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
	    sb.st_size <= IMPORT_MAX_BYTES)
		cap = (size_t)sb.st_size + 1;
	buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || ferror(f))
			break;
		if (cap > (size_t)IMPORT_MAX_BYTES) {
			rc = mend_err_set(err, MEND_EBADFILE,
					  "file: %s is larger than %ld MiB", path,
					  IMPORT_MAX_BYTES >> 20);
			break;
		}
		char *grown = realloc(buf, cap * 2);
		if (!grown) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = grown;
		cap *= 2;
	}
	if (!buf)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory reading %s",
				  path);
	else if (rc == MEND_OK && ferror(f))
		rc = mend_err_set(err, MEND_EIO, "cannot read %s: %s", path,
				  strerror(errno));
	if (rc != MEND_OK) {
		free(buf);
		buf = NULL;
		n = 0;
	}
	*out = buf;
	*len = n;
	return rc;
}

enum mend_rc import_stream(struct journal *j, FILE *f, const char *path,
			   bool dry_run, struct import_report *rep,
			   struct mend_err *err)
{
	char *buf = NULL;
	size_t n = 0;
	enum mend_rc rc;

	memset(rep, 0, sizeof *rep);
	rc = import_read(f, path, &buf, &n, err);
	if (rc == MEND_OK)
		rc = import_buffer(j, buf, n, dry_run, rep, err);
	free(buf);
	return rc;
}
