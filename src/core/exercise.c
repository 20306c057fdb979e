/* SPDX-License-Identifier: MIT */
/* The exercises: their fixed ids and stages, the words and sources read
 * from the embedded data/exercises.json (validated as they load), and
 * saving what was done as an exercise or clarity entry. No terminal, no
 * SQL: entries go through journal_save_entry. */
#include "mend/exercise.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_embed.h"
#include "mend/utf8.h"

static const char *const stage_names[] = {
#define EXERCISE_STAGE_NAME(e, name) name,
    EXERCISE_STAGE_LIST(EXERCISE_STAGE_NAME)
#undef EXERCISE_STAGE_NAME
};

static const struct {
	const char *id;
	enum exercise_stage stage;
} table[] = {
#define EXERCISE_ROW(e, id, stage) {id, stage},
    EXERCISE_LIST(EXERCISE_ROW)
#undef EXERCISE_ROW
};

const char *exercise_id_name(enum exercise_id x)
{
	return (unsigned)x < EXERCISE_COUNT ? table[x].id : "";
}

enum exercise_stage exercise_stage_of(enum exercise_id x)
{
	return (unsigned)x < EXERCISE_COUNT ? table[x].stage : STAGE_SPACE;
}

const char *exercise_stage_name(enum exercise_stage s)
{
	return (unsigned)s < EXERCISE_STAGE_COUNT ? stage_names[s] : "";
}

bool exercise_from_name(const char *name, enum exercise_id *out)
{
	for (int i = 0; name && i < EXERCISE_COUNT; i++)
		if (strcmp(table[i].id, name) == 0) {
			*out = (enum exercise_id)i;
			return true;
		}
	return false;
}

bool exercise_stage_from_name(const char *name, enum exercise_stage *out)
{
	for (int i = 0; name && i < EXERCISE_STAGE_COUNT; i++)
		if (strcmp(stage_names[i], name) == 0) {
			*out = (enum exercise_stage)i;
			return true;
		}
	return false;
}

bool exercise_listed(enum exercise_id x)
{
	return x != EXERCISE_GENTLER && (unsigned)x < EXERCISE_COUNT;
}

enum exercise_id exercise_for_rumination(int stuck)
{
	return stuck ? EXERCISE_GENTLER : EXERCISE_EXPRESSIVE;
}

static const char *str(const cJSON *obj, const char *key, const char *where,
		       struct mend_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!cJSON_IsString(v) || !v->valuestring[0] ||
	    !utf8_valid(v->valuestring, strlen(v->valuestring), NULL)) {
		mend_err_set(err, MEND_ECONTENT,
			     "exercises.json: %s%s%s: missing or not a "
			     "non-empty string",
			     where, *where ? "." : "", key);
		return NULL;
	}
	return v->valuestring;
}

/* A non-empty array of non-empty strings, into a new array (caller
 * frees the array, not the strings). */
static const char **strings(const cJSON *obj, const char *key,
			    const char *where, size_t *n, struct mend_err *err)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, key), *item;
	const char **out = NULL;
	size_t i = 0;

	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1 ||
	    !(out = calloc((size_t)cJSON_GetArraySize(arr), sizeof *out))) {
		mend_err_set(err, MEND_ECONTENT,
			     "exercises.json: %s.%s: must be a non-empty "
			     "array of strings",
			     where, key);
		return NULL;
	}
	cJSON_ArrayForEach(item, arr)
	{
		if (!cJSON_IsString(item) || !item->valuestring[0] ||
		    strchr(item->valuestring, '\n')) {
			mend_err_set(err, MEND_ECONTENT,
				     "exercises.json: %s.%s[%zu]: must be a "
				     "non-empty line",
				     where, key, i);
			free(out);
			return NULL;
		}
		out[i++] = item->valuestring;
	}
	*n = i;
	return out;
}

static enum mend_rc read_source(const cJSON *item, const char *where,
				struct exercise_source *s, struct mend_err *err)
{
	const cJSON *src = cJSON_GetObjectItemCaseSensitive(item, "source");
	char path[64];
	snprintf(path, sizeof path, "%s.source", where);
	if (!cJSON_IsObject(src))
		return mend_err_set(err, MEND_ECONTENT,
				    "exercises.json: %s: every exercise names "
				    "its source",
				    path);
	const cJSON *year = cJSON_GetObjectItemCaseSensitive(src, "year");
	if (!(s->authors = str(src, "authors", path, err)) ||
	    !(s->journal = str(src, "journal", path, err)) ||
	    !(s->volume = str(src, "volume", path, err)) ||
	    !(s->finding = str(src, "finding", path, err)))
		return MEND_ECONTENT;
	if (!cJSON_IsNumber(year) || year->valuedouble < 1900 ||
	    year->valuedouble > 2100 ||
	    year->valuedouble != (double)(int)year->valuedouble)
		return mend_err_set(err, MEND_ECONTENT,
				    "exercises.json: %s.year: must be a year",
				    path);
	s->year = (int)year->valuedouble;
	return MEND_OK;
}

static enum mend_rc read_exercise(struct exercises *xs, const cJSON *item,
				  size_t i, struct mend_err *err)
{
	char where[32];
	enum exercise_id x;
	enum exercise_stage stage;
	snprintf(where, sizeof where, "exercises[%zu]", i);
	const char *id = str(item, "id", where, err);
	const char *st = str(item, "stage", where, err);
	if (!id || !st)
		return MEND_ECONTENT;
	if (!exercise_from_name(id, &x))
		return mend_err_set(err, MEND_ECONTENT,
				    "exercises.json: %s.id: '%.32s' is not an "
				    "exercise mend knows",
				    where, id);
	struct exercise_info *xi = &xs->info[x];
	if (xi->title)
		return mend_err_set(err, MEND_ECONTENT,
				    "exercises.json: %s.id: '%s' comes twice",
				    where, id);
	if (!exercise_stage_from_name(st, &stage) ||
	    stage != exercise_stage_of(x))
		return mend_err_set(
		    err, MEND_ECONTENT,
		    "exercises.json: %s.stage: '%.32s' is not "
		    "'%s', the stage of %s",
		    where, st, exercise_stage_name(exercise_stage_of(x)), id);
	const cJSON *timer = cJSON_GetObjectItemCaseSensitive(item, "timer");
	if (!cJSON_IsNumber(timer) || timer->valuedouble < 0 ||
	    timer->valuedouble > 3600 ||
	    timer->valuedouble != (double)(int)timer->valuedouble)
		return mend_err_set(err, MEND_ECONTENT,
				    "exercises.json: %s.timer: must be 0..3600 "
				    "seconds",
				    where);
	xi->id = x;
	xi->timer = (int)timer->valuedouble;
	if (!(xi->title = str(item, "title", where, err)) ||
	    !(xi->line = str(item, "line", where, err)) ||
	    !(xi->after = str(item, "after", where, err)) ||
	    !(xi->steps = strings(item, "steps", where, &xi->n_steps, err)) ||
	    !(xi->parts = strings(item, "parts", where, &xi->n_parts, err)))
		return MEND_ECONTENT;
	const cJSON *also = cJSON_GetObjectItemCaseSensitive(item, "also");
	if (also && !(xi->also = str(item, "also", where, err)))
		return MEND_ECONTENT;
	return read_source(item, where, &xi->source, err);
}

static enum mend_rc read_doc(struct exercises *xs, const cJSON *doc,
			     struct mend_err *err)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(doc, "format");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "version");
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "exercises");
	const cJSON *cl = cJSON_GetObjectItemCaseSensitive(doc, "clarity");
	const cJSON *item;
	size_t i = 0;
	enum mend_rc rc = MEND_OK;

	if (!cJSON_IsString(f) || strcmp(f->valuestring, "mend-exercises") ||
	    !cJSON_IsNumber(v) || v->valuedouble != 1)
		return mend_err_set(err, MEND_ECONTENT,
				    "exercises.json: format must be "
				    "\"mend-exercises\", version 1");
	if (!(xs->rumination = str(doc, "rumination", "", err)) ||
	    !(xs->gentler_why = str(doc, "gentler_why", "", err)) ||
	    !(xs->clarity_question = str(cl, "question", "clarity", err)) ||
	    !(xs->clarity_low = str(cl, "low", "clarity", err)) ||
	    !(xs->clarity_high = str(cl, "high", "clarity", err)))
		return MEND_ECONTENT;
	if (!cJSON_IsArray(arr))
		return mend_err_set(err, MEND_ECONTENT,
				    "exercises.json: exercises: missing or not "
				    "an array");
	cJSON_ArrayForEach(item, arr)
	{
		rc = read_exercise(xs, item, i++, err);
		if (rc != MEND_OK)
			return rc;
	}
	for (int x = 0; x < EXERCISE_COUNT; x++)
		if (!xs->info[x].title)
			return mend_err_set(
			    err, MEND_ECONTENT,
			    "exercises.json: exercises: '%s' "
			    "is missing",
			    exercise_id_name((enum exercise_id)x));
	return MEND_OK;
}

enum mend_rc exercises_parse(struct exercises **out, const char *json,
			     size_t len, struct mend_err *err)
{
	struct exercises *xs = calloc(1, sizeof *xs);
	enum mend_rc rc = MEND_OK;
	cJSON *doc = NULL;

	*out = NULL;
	if (!xs)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	doc = cJSON_ParseWithLength(json, len);
	if (!doc) {
		rc = mend_err_set(err, MEND_ECONTENT,
				  "exercises.json: not valid JSON");
		goto done;
	}
	xs->tree = doc;
	rc = read_doc(xs, doc, err);
done:
	if (rc != MEND_OK) {
		exercises_free(xs);
		return rc;
	}
	*out = xs;
	return MEND_OK;
}

enum mend_rc exercises_load(struct exercises **out, struct mend_err *err)
{
	return exercises_parse(out, (const char *)data_exercises_json,
			       data_exercises_json_len, err);
}

void exercises_free(struct exercises *xs)
{
	if (!xs)
		return;
	for (int x = 0; x < EXERCISE_COUNT; x++) {
		free(xs->info[x].steps);
		free(xs->info[x].parts);
	}
	cJSON_Delete(xs->tree);
	free(xs);
}

const struct exercise_info *exercises_get(const struct exercises *xs,
					  enum exercise_id x)
{
	return (unsigned)x < EXERCISE_COUNT ? &xs->info[x] : NULL;
}

char *exercise_source_line(const struct exercise_info *xi, char *buf, size_t n)
{
	snprintf(buf, n, "From: %s %d", xi->source.authors, xi->source.year);
	return buf;
}

char *exercise_template(const struct exercise_info *xi)
{
	size_t need = 2;
	for (size_t i = 0; i < xi->n_parts; i++)
		need += strlen(xi->parts[i]) + 4;
	char *t = malloc(need), *p = t;
	if (!t)
		return NULL;
	/* a line to write on under each heading, a blank line between */
	for (size_t i = 0; i < xi->n_parts; i++)
		p += sprintf(p, "%s%s\n", i ? "\n\n" : "", xi->parts[i]);
	strcpy(p, "\n");
	return t;
}

char *exercise_entry_words(const struct entry *e, char *buf, size_t n)
{
	struct exercises *xs = NULL;
	enum exercise_id x;
	size_t at = 0;

	buf[0] = '\0';
	if (e->kind == KIND_CLARITY) {
		if (e->score != ENTRY_NONE)
			snprintf(buf, n, "clarity %d of %d", e->score,
				 CLARITY_MAX);
		return buf;
	}
	/* a small document, read again rather than kept in a global */
	if (e->step && exercise_from_name(e->step, &x) &&
	    exercises_load(&xs, NULL) == MEND_OK)
		at = (size_t)snprintf(buf, n, "%s", xs->info[x].title);
	else
		at = (size_t)snprintf(buf, n, "%s", e->step ? e->step : "");
	exercises_free(xs);
	if (at < n && e->seconds != ENTRY_NONE)
		at += (size_t)snprintf(buf + at, n - at, " · %d min",
				       (e->seconds + 30) / 60);
	if (at < n && e->mood != ENTRY_NONE)
		at += (size_t)snprintf(buf + at, n - at, " · mood after %d/10",
				       e->mood);
	if (at < n && e->score != ENTRY_NONE)
		snprintf(buf + at, n - at, " · rated %d/10", e->score);
	return buf;
}

static bool is_heading(const struct exercise_info *xi, const char *line,
		       size_t len)
{
	for (size_t i = 0; i < xi->n_parts; i++)
		if (strlen(xi->parts[i]) == len &&
		    memcmp(xi->parts[i], line, len) == 0)
			return true;
	return false;
}

bool exercise_text_empty(const struct exercise_info *xi, const char *text,
			 size_t len)
{
	size_t at = 0;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (!is_heading(xi, text + at, end - at))
			for (size_t k = at; k < end; k++)
				if (text[k] != ' ' && text[k] != '\t' &&
				    text[k] != '\r')
					return false;
		at = end + 1;
	}
	return true;
}

static bool blank_line(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
			return false;
	return true;
}

char *exercise_tidy(const struct exercise_info *xi, const char *text,
		    size_t len)
{
	char *out = malloc(len + 1);
	size_t o = 0, at = 0;
	if (!out)
		return NULL;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		bool keep = true;
		if (is_heading(xi, text + at, end - at)) {
			/* a heading stays when something is written before
			 * the next heading */
			size_t k = end + 1;
			keep = false;
			while (k < len && !keep) {
				const char *n2 =
				    memchr(text + k, '\n', len - k);
				size_t e2 = n2 ? (size_t)(n2 - text) : len;
				if (is_heading(xi, text + k, e2 - k))
					break;
				keep = !blank_line(text + k, e2 - k);
				k = e2 + 1;
			}
		}
		if (keep && o == 0 && blank_line(text + at, end - at))
			keep = false; /* no blank lines before the first */
		if (keep) {
			memcpy(out + o, text + at, end - at);
			o += end - at;
			out[o++] = '\n';
		}
		at = end + 1;
	}
	while (o > 0 && (out[o - 1] == '\n' || out[o - 1] == ' ' ||
			 out[o - 1] == '\t' || out[o - 1] == '\r'))
		o--;
	out[o] = '\0';
	return out;
}

static enum mend_rc check_range(const char *field, int v, int lo, int hi,
				struct mend_err *err)
{
	if (v != ENTRY_NONE && (v < lo || v > hi))
		return mend_err_set(err, MEND_EINVAL, "%s: %d is not in %d..%d",
				    field, v, lo, hi);
	return MEND_OK;
}

enum mend_rc exercise_save(struct journal *j, const struct exercise_input *in,
			   const char *text, size_t len, char uuid[UUID_LEN],
			   struct mend_err *err)
{
	struct entry e;
	enum mend_rc rc = MEND_OK;

	if ((unsigned)in->id >= EXERCISE_COUNT)
		return mend_err_set(err, MEND_EINVAL,
				    "exercise: not one of mend's exercises");
	rc = check_range("seconds", in->seconds, 0, EXERCISE_SECONDS_MAX, err);
	if (rc == MEND_OK)
		rc = check_range("mood", in->mood, EXERCISE_MOOD_MIN,
				 EXERCISE_MOOD_MAX, err);
	if (rc == MEND_OK)
		rc = check_range("score", in->score, 1, 10, err);
	if (rc == MEND_OK)
		rc = journal_check_text("text", text, len, JOURNAL_TEXT_MAX,
					true, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_EXERCISE;
	e.step = exercise_id_name(in->id);
	e.seconds = in->seconds;
	e.mood = in->mood;
	e.score = in->score;
	e.text = text;
	return journal_save_entry(j, &e, uuid, err);
}

enum mend_rc exercise_clarity_save(struct journal *j, int score,
				   const char *text, size_t len,
				   char uuid[UUID_LEN], struct mend_err *err)
{
	struct entry e;
	enum mend_rc rc = MEND_OK;

	if (score < CLARITY_MIN || score > CLARITY_MAX)
		return mend_err_set(err, MEND_EINVAL,
				    "clarity: %d is not in %d..%d", score,
				    CLARITY_MIN, CLARITY_MAX);
	rc = journal_check_text("text", text ? text : "", len, JOURNAL_NOTE_MAX,
				false, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_CLARITY;
	e.score = score;
	e.text = text ? text : "";
	return journal_save_entry(j, &e, uuid, err);
}

struct days_ctx {
	const char *step;
	long first; /* the first journal day counted */
	int hour;   /* the hour a journal day begins */
	bool seen[32];
};

static int count_day(const struct entry *e, void *ctx)
{
	struct days_ctx *d = ctx;
	time_t t;
	if (!e->step || strcmp(e->step, d->step) != 0 ||
	    !clock_parse_iso(e->created_at, &t))
		return 0;
	long day = clock_days_from_civil(clock_journal_day(t, d->hour));
	if (day >= d->first && day - d->first < 32)
		d->seen[day - d->first] = true;
	return 0;
}

enum mend_rc exercise_days_done(struct journal *j, enum exercise_id x, int days,
				int *out, struct mend_err *err)
{
	char since[CLOCK_DATE_LEN];
	struct days_ctx d = {exercise_id_name(x), 0, j->day_start_hour, {0}};
	enum mend_rc rc = MEND_OK;

	*out = 0;
	if (days < 1 || days > 32)
		return mend_err_set(err, MEND_EINVAL,
				    "days: %d is not in 1..32", days);
	d.first = journal_today(j) - days + 1;
	clock_format_date(clock_civil_from_days(d.first), since);
	struct journal_query q = {
	    .module = -1, .kind = kind_name(KIND_EXERCISE), .since = since};
	rc = journal_list(j, &q, count_day, &d, err);
	for (int i = 0; rc == MEND_OK && i < days; i++)
		*out += d.seen[i];
	return rc;
}
