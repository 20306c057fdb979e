/* SPDX-License-Identifier: MIT */
/* The guided path: loading and checking data/journey.json, the stage
 * suggestion (a pure function of a few facts read from the journal), the
 * daily step, the intention and the look-back, and the contact mode. The
 * user's words only go into entries and settings through the journal
 * and store functions; nothing here adds SQL. */
#include "mend/journey.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_embed.h"
#include "mend/acceptance.h"
#include "mend/checkin.h"

#define DAY 86400

const char *const journey_exercise_ids[] = {
    "expressive", "whoami", "asthey", "compassion", "gained", "plan", NULL,
};

static const char *const step_kinds[] = {"care", "action", "prompt",
					 "exercise"};

const char *journey_step_kind_name(enum journey_step_kind k)
{
	return step_kinds[k];
}

static int exercise_index(const char *id)
{
	for (int i = 0; id && journey_exercise_ids[i]; i++)
		if (strcmp(journey_exercise_ids[i], id) == 0)
			return i;
	return -1;
}

static bool theme_known(const struct content *c, const char *theme)
{
	if (!c)
		return true;
	for (size_t i = 0; i < c->n_prompts; i++)
		if (c->prompts[i].theme &&
		    strcmp(c->prompts[i].theme, theme) == 0)
			return true;
	return false;
}

/* --- loading --- */

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

static enum mend_rc bad(struct mend_err *err, const char *where,
			const char *what)
{
	return mend_err_set(err, MEND_ECONTENT, "journey.json: %s: %s", where,
			    what);
}

/* A non-empty array of non-empty strings, as pointers into the tree. */
static enum mend_rc strings(const cJSON *o, const char *key, const char ***out,
			    size_t *n, const char *where, struct mend_err *err)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, key), *v;
	size_t i = 0;

	if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) == 0)
		return bad(err, where, "needs a list of texts");
	*out = calloc((size_t)cJSON_GetArraySize(a), sizeof **out);
	if (!*out)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	cJSON_ArrayForEach(v, a)
	{
		if (!cJSON_IsString(v) || !v->valuestring[0])
			return bad(err, where, "every item is a text");
		(*out)[i++] = v->valuestring;
	}
	*n = i;
	return MEND_OK;
}

static enum mend_rc read_stage(struct journey *jy, const cJSON *o,
			       const struct content *c, struct mend_err *err)
{
	struct journey_stage *s = &jy->stages[jy->n_stages];
	char where[64];
	const cJSON *mo = cJSON_GetObjectItemCaseSensitive(o, "move_on");
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(mo, "days");
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(mo, "entries");
	enum mend_rc rc;

	snprintf(where, sizeof where, "stages[%zu]", jy->n_stages);
	s->id = str_of(o, "id");
	s->name = str_of(o, "name");
	s->text = str_of(o, "text");
	s->signs = str_of(o, "signs");
	if (!s->id || !s->name || !s->text || !s->signs)
		return bad(err, where, "needs an id, a name, a text and signs");
	if (journey_stage_index(jy, s->id) >= 0)
		return bad(err, where, "its id is used twice");
	if (!cJSON_IsNumber(d) || !cJSON_IsNumber(e) || d->valueint < 0 ||
	    e->valueint < 0 || d->valueint > 3650 || e->valueint > 100000)
		return bad(err, where, "move_on needs days and entries");
	s->move_days = d->valueint;
	s->move_entries = e->valueint;
	rc =
	    strings(o, "exercises", &s->exercises, &s->n_exercises, where, err);
	if (rc == MEND_OK)
		rc = strings(o, "themes", &s->themes, &s->n_themes, where, err);
	if (rc == MEND_OK)
		rc = strings(o, "actions", &s->actions, &s->n_actions, where,
			     err);
	for (size_t i = 0; rc == MEND_OK && i < s->n_exercises; i++)
		if (exercise_index(s->exercises[i]) < 0)
			rc = bad(err, where,
				 "names an exercise mend does not have");
	for (size_t i = 0; rc == MEND_OK && i < s->n_themes; i++)
		if (!theme_known(c, s->themes[i]))
			rc = bad(err, where, "names a theme no prompt has");
	if (rc == MEND_OK)
		jy->n_stages++;
	return rc;
}

static enum mend_rc read_decided(struct journey *jy, const cJSON *root,
				 const struct content *c, struct mend_err *err)
{
	const cJSON *all = cJSON_GetObjectItemCaseSensitive(root, "decided");
	enum mend_rc rc = MEND_OK;

	for (int o = 0; rc == MEND_OK && o < OUTCOME_COUNT; o++) {
		if (o == OUTCOME_UNDECIDED)
			continue;
		const cJSON *d =
		    cJSON_GetObjectItemCaseSensitive(all, outcome_name(o));
		const cJSON *steps =
		    cJSON_GetObjectItemCaseSensitive(d, "steps");
		const cJSON *v;
		struct journey_decided *out = &jy->decided[o];
		char where[64];

		snprintf(where, sizeof where, "decided.%s", outcome_name(o));
		out->text = str_of(d, "text");
		if (!out->text || !cJSON_IsArray(steps) ||
		    cJSON_GetArraySize(steps) == 0)
			return bad(err, where, "needs a text and steps");
		out->steps = calloc((size_t)cJSON_GetArraySize(steps),
				    sizeof *out->steps);
		if (!out->steps)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		cJSON_ArrayForEach(v, steps)
		{
			struct journey_item *it = &out->steps[out->n_steps++];
			it->theme = str_of(v, "theme");
			it->action = str_of(v, "action");
			it->exercise = str_of(v, "exercise");
			int set = !!it->theme + !!it->action + !!it->exercise;
			if (set != 1)
				rc = bad(err, where,
					 "each step is a theme, an "
					 "action or an exercise");
			else if (it->exercise &&
				 exercise_index(it->exercise) < 0)
				rc = bad(err, where,
					 "names an exercise mend "
					 "does not have");
			else if (it->theme && !theme_known(c, it->theme))
				rc = bad(err, where,
					 "names a theme no prompt has");
			if (rc != MEND_OK)
				break;
		}
	}
	return rc;
}

static enum mend_rc read_doc(struct journey *jy, const cJSON *root,
			     const struct content *c, struct mend_err *err)
{
	const cJSON *stages = cJSON_GetObjectItemCaseSensitive(root, "stages");
	const cJSON *ex = cJSON_GetObjectItemCaseSensitive(root, "exercises");
	const cJSON *s;
	enum mend_rc rc = MEND_OK;
	const char *fmt = str_of(root, "format");

	if (!fmt || strcmp(fmt, "mend-journey") != 0)
		return bad(err, "format", "is not \"mend-journey\"");
	if (!cJSON_IsArray(stages) || cJSON_GetArraySize(stages) < 2 ||
	    cJSON_GetArraySize(stages) > JOURNEY_STAGES_MAX)
		return bad(err, "stages", "needs 2 to 6 stages");
	cJSON_ArrayForEach(s, stages)
	{
		if ((rc = read_stage(jy, s, c, err)) != MEND_OK)
			return rc;
	}
	for (int i = 0; journey_exercise_ids[i]; i++) {
		jy->exercise_text[i] = str_of(ex, journey_exercise_ids[i]);
		if (!jy->exercise_text[i])
			return bad(err, "exercises",
				   "needs a text for every "
				   "exercise");
	}
	rc = strings(root, "care", &jy->care, &jy->n_care, "care", err);
	if (rc == MEND_OK)
		rc = strings(root, "intentions", &jy->intentions,
			     &jy->n_intentions, "intentions", err);
	if (rc == MEND_OK)
		rc = read_decided(jy, root, c, err);
	return rc;
}

enum mend_rc journey_parse(struct journey **out, const char *json, size_t len,
			   const struct content *c, struct mend_err *err)
{
	struct journey *jy = calloc(1, sizeof *jy);
	enum mend_rc rc = MEND_OK;

	*out = NULL;
	if (!jy)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	jy->tree = cJSON_ParseWithLength(json, len);
	if (!jy->tree)
		rc = bad(err, "document", "is not JSON");
	if (rc == MEND_OK)
		rc = read_doc(jy, jy->tree, c, err);
	if (rc != MEND_OK)
		journey_free(jy);
	else
		*out = jy;
	return rc;
}

enum mend_rc journey_load(struct journey **out, const struct content *c,
			  struct mend_err *err)
{
	return journey_parse(out, (const char *)data_journey_json,
			     data_journey_json_len, c, err);
}

void journey_free(struct journey *jy)
{
	if (!jy)
		return;
	for (size_t i = 0; i < JOURNEY_STAGES_MAX; i++) {
		free(jy->stages[i].exercises);
		free(jy->stages[i].themes);
		free(jy->stages[i].actions);
	}
	for (int o = 0; o < OUTCOME_COUNT; o++)
		free(jy->decided[o].steps);
	free(jy->care);
	free(jy->intentions);
	cJSON_Delete(jy->tree);
	free(jy);
}

int journey_stage_index(const struct journey *jy, const char *id)
{
	for (size_t i = 0; id && i < jy->n_stages; i++)
		if (strcmp(jy->stages[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* --- where the person is --- */

bool journey_urges_easing(const struct journey_facts *f)
{
	if (f->urge_week < 0 || f->urge_week > 40)
		return false;
	return f->urge_prior < 0 || f->urge_week <= f->urge_prior;
}

void journey_suggest(const struct journey *jy, const struct journey_facts *f,
		     struct journey_place *out)
{
	size_t last = jy->n_stages - 1, i = 0;
	bool easing = journey_urges_easing(f);

	memset(out, 0, sizeof *out);
	out->urges_easing = easing;
	if (f->outcome >= 0 && f->outcome != OUTCOME_UNDECIDED) {
		out->suggested = out->current = (int)last;
		out->decided = true;
		return;
	}
	for (; i < last; i++) {
		const struct journey_stage *s = &jy->stages[i];
		out->days_met = f->days >= s->move_days;
		out->entries_met = f->entries >= s->move_entries;
		if (!(out->days_met && (out->entries_met || easing)))
			break;
	}
	out->suggested = out->current = (int)i;
}

struct urge_sum {
	long today;
	long sum[2], n[2]; /* [0] the last 7 days, [1] the 7 before */
	int day_start;
};

static int add_urge(const struct entry *e, void *ctx)
{
	struct urge_sum *u = ctx;
	time_t t;
	if (e->urge == ENTRY_NONE || !clock_parse_iso(e->created_at, &t))
		return 0;
	long d = clock_days_from_civil(clock_journal_day(t, u->day_start));
	if (e->day[0]) {
		struct mend_date md;
		if (clock_parse_date(e->day, &md))
			d = clock_days_from_civil(md);
	}
	long ago = u->today - d;
	if (ago < 0 || ago > 13)
		return 0;
	u->sum[ago / 7] += e->urge;
	u->n[ago / 7]++;
	return 0;
}

static void keep_outcome(const struct entry *e, void *ctx)
{
	enum outcome o;
	if (outcome_from_name(e->outcome, &o))
		*(int *)ctx = (int)o;
}

enum mend_rc journey_facts(struct journal *j, struct journey_facts *out,
			   struct mend_err *err)
{
	static const enum kind written[] = {
	    KIND_REFLECTION, KIND_GROWTH,    KIND_ACCEPTANCE, KIND_DECISION,
	    KIND_UNSENT,     KIND_SEALED,    KIND_URGE,	      KIND_EXERCISE,
	    KIND_LOOKBACK,   KIND_INTENTION,
	};
	const struct period_list *pl = NULL;
	struct urge_sum u = {.today = journal_today(j),
			     .day_start = j->day_start_hour};
	char since[CLOCK_ISO_LEN];
	struct entry_filter f = {.module = -1, .kind = KIND_CHECKIN};
	enum mend_rc rc;
	time_t t;

	memset(out, 0, sizeof *out);
	out->outcome = -1;
	rc = journal_periods(j, &pl, err);
	if (rc == MEND_OK && pl->n &&
	    clock_parse_iso(pl->items[0].started_at, &t) && t < j->now)
		out->days = (long)((j->now - t) / DAY);
	for (size_t i = 0;
	     rc == MEND_OK && i < sizeof written / sizeof *written; i++) {
		long n = 0;
		rc = store_entry_count(j->st, (int)written[i], NULL, &n, err);
		out->entries += n;
	}
	/* a day of slack: the oldest check-in day of the fortnight may have
	 * been written the morning after */
	clock_format_iso(j->now - 15 * DAY, since);
	f.since = since;
	if (rc == MEND_OK)
		rc = store_entries_each(j->st, &f, add_urge, &u, err);
	f.kind = KIND_URGE;
	if (rc == MEND_OK)
		rc = store_entries_each(j->st, &f, add_urge, &u, err);
	out->urge_week = u.n[0] ? (int)(u.sum[0] * 10 / u.n[0]) : -1;
	out->urge_prior = u.n[1] ? (int)(u.sum[1] * 10 / u.n[1]) : -1;
	if (rc == MEND_OK) {
		rc = acceptance_current(j, keep_outcome, &out->outcome, err);
		if (rc == MEND_ENOTFOUND)
			rc = MEND_OK;
	}
	return rc;
}

enum mend_rc journey_where(struct journal *j, const struct journey *jy,
			   struct journey_place *out,
			   struct journey_facts *facts, struct mend_err *err)
{
	struct journey_facts f;
	char id[64];
	enum mend_rc rc = journey_facts(j, &f, err);

	if (rc != MEND_OK)
		return rc;
	journey_suggest(jy, &f, out);
	if (facts)
		*facts = f;
	rc = store_setting_get(j->st, "stage", id, sizeof id, err);
	if (rc == MEND_ENOTFOUND) {
		mend_err_clear(err);
		return MEND_OK;
	}
	int i = rc == MEND_OK ? journey_stage_index(jy, id) : -1;
	if (i >= 0) {
		out->current = i;
		out->chosen = true;
	}
	return rc;
}

enum mend_rc journey_set_stage(struct journal *j, const struct journey *jy,
			       const char *id, struct mend_err *err)
{
	enum mend_rc rc = journey_check_stage(jy, id, err);
	if (rc != MEND_OK)
		return rc;
	return journal_set_setting(
	    j, "stage", id && strcmp(id, "auto") == 0 ? NULL : id, err);
}

enum mend_rc journey_check_stage(const struct journey *jy, const char *id,
				 struct mend_err *err)
{
	char list[160] = "";
	if ((id && strcmp(id, "auto") == 0) || journey_stage_index(jy, id) >= 0)
		return MEND_OK;
	for (size_t i = 0; i < jy->n_stages; i++) {
		strncat(list, jy->stages[i].id, sizeof list - strlen(list) - 1);
		strncat(list, ", ", sizeof list - strlen(list) - 1);
	}
	return mend_err_set(err, MEND_EINVAL,
			    "stage: '%.32s' is not one of %sauto", id ? id : "",
			    list);
}

/* --- the daily step --- */

/* A spread of the day over a pool, so neighbouring days differ and two
 * stages on the same day do not land on the same place. */
static size_t spread(long day, int salt, size_t n)
{
	unsigned long x = (unsigned long)(day < 0 ? -day : day) * 2654435761ul +
			  (unsigned long)salt * 40503ul;
	x ^= x >> 13;
	return n ? (size_t)(x % n) : 0;
}

static const struct prompt *prompt_of_theme(const struct content *c,
					    const char *theme, long day)
{
	size_t n = 0, k;
	for (size_t i = 0; c && i < c->n_prompts; i++)
		n += c->prompts[i].theme &&
		     strcmp(c->prompts[i].theme, theme) == 0;
	if (n == 0)
		return NULL;
	k = (size_t)((day < 0 ? -day : day) / 7 % (long)n);
	for (size_t i = 0; i < c->n_prompts; i++)
		if (c->prompts[i].theme &&
		    strcmp(c->prompts[i].theme, theme) == 0 && k-- == 0)
			return &c->prompts[i];
	return NULL;
}

static void as_prompt(const struct content *c, const char *theme, long day,
		      struct journey_step *out)
{
	const struct prompt *p = prompt_of_theme(c, theme, day);
	out->kind = JOURNEY_STEP_PROMPT;
	out->theme = theme;
	out->ref = p ? p->id : NULL;
	out->text = p ? p->text : theme;
}

static void as_exercise(const struct journey *jy, const char *id,
			struct journey_step *out)
{
	out->kind = JOURNEY_STEP_EXERCISE;
	out->ref = id;
	out->text = jy->exercise_text[exercise_index(id)];
}

static void as_item(const struct journey *jy, const struct content *c,
		    const struct journey_item *it, long day,
		    struct journey_step *out)
{
	if (it->theme) {
		as_prompt(c, it->theme, day, out);
	} else if (it->exercise) {
		as_exercise(jy, it->exercise, out);
	} else {
		out->kind = JOURNEY_STEP_ACTION;
		out->text = it->action;
	}
}

void journey_pick(const struct journey *jy, const struct content *c, int stage,
		  int outcome, const struct journey_day *d, long day,
		  struct journey_step *out)
{
	const struct journey_stage *s;
	bool together =
	    outcome == OUTCOME_RECONNECT || outcome == OUTCOME_FRIENDS;
	bool parted = outcome == OUTCOME_PART_WAYS;

	memset(out, 0, sizeof *out);
	if (stage < 0 || (size_t)stage >= jy->n_stages)
		stage = 0;
	s = &jy->stages[stage];
	out->stage = stage;
	if (d && d->low) {
		out->kind = JOURNEY_STEP_CARE;
		out->source = "care";
		out->text = jy->care[spread(day, 1, jy->n_care)];
		return;
	}
	const struct journey_decided *dec =
	    outcome >= 0 ? &jy->decided[outcome] : NULL;
	bool exercises = !d || d->mood == 0 || d->mood >= 7;
	size_t n_stage =
	    s->n_actions + s->n_themes + (exercises ? s->n_exercises : 0);
	size_t n_dec = (together || parted) && dec ? dec->n_steps : 0;
	size_t n = together ? n_dec : n_dec + n_stage;
	size_t k = spread(day, stage * 5 + outcome + 2, n);

	if (k < n_dec) {
		out->source = "decided";
		as_item(jy, c, &dec->steps[k], day, out);
		return;
	}
	out->source = "stage";
	k -= n_dec;
	if (k < s->n_actions) {
		out->kind = JOURNEY_STEP_ACTION;
		out->text = s->actions[k];
	} else if ((k -= s->n_actions) < s->n_themes) {
		as_prompt(c, s->themes[k], day, out);
	} else {
		as_exercise(jy, s->exercises[k - s->n_themes], out);
	}
}

static int keep_latest(const struct entry *e, void *ctx)
{
	struct entry *out = ctx;
	out->mood = e->mood;
	memcpy(out->day, e->day, sizeof out->day);
	return 1;
}

static enum mend_rc read_day(struct journal *j, struct journey_day *d,
			     struct mend_err *err)
{
	struct entry last;
	struct entry_filter f = {
	    .module = -1, .kind = KIND_CHECKIN, .limit = 1};
	struct mend_date md;
	bool low3 = false;
	enum mend_rc rc;

	memset(d, 0, sizeof *d);
	entry_init(&last);
	rc = store_entries_each(j->st, &f, keep_latest, &last, err);
	if (rc == MEND_OK && last.mood != ENTRY_NONE &&
	    clock_parse_date(last.day, &md) &&
	    clock_days_from_civil(md) >= journal_today(j) - 1)
		d->mood = last.mood;
	if (rc == MEND_OK)
		rc = checkin_low_mood(j, &low3, err);
	d->low = low3 || (d->mood > 0 && d->mood <= 3);
	return rc;
}

enum mend_rc journey_today(struct journal *j, const struct journey *jy,
			   struct journey_step *out,
			   struct journey_place *place, struct mend_err *err)
{
	struct journey_place p;
	struct journey_facts f;
	struct journey_day d;
	enum mend_rc rc = journey_where(j, jy, &p, &f, err);

	if (rc == MEND_OK)
		rc = read_day(j, &d, err);
	if (rc != MEND_OK)
		return rc;
	journey_pick(jy, j->content, p.current, f.outcome, &d, journal_today(j),
		     out);
	if (place)
		*place = p;
	return MEND_OK;
}

/* --- the intention and the look-back --- */

enum mend_rc journey_intend(struct journal *j, const struct journey *jy,
			    const char *text, size_t len, char uuid[UUID_LEN],
			    struct mend_err *err)
{
	struct journey_place p;
	struct entry e;
	enum mend_rc rc =
	    journal_check_text("text", text, len, JOURNAL_NOTE_MAX, true, err);

	if (rc == MEND_OK)
		rc = journey_where(j, jy, &p, NULL, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_INTENTION;
	e.text = text;
	e.step = jy->stages[p.current].id;
	return journal_save_entry(j, &e, uuid, err);
}

enum mend_rc journey_lookback(struct journal *j, const char *text, size_t len,
			      int mood, char uuid[UUID_LEN],
			      struct mend_err *err)
{
	struct entry e;
	enum mend_rc rc;

	if (mood != ENTRY_NONE && (mood < 1 || mood > 10))
		return mend_err_set(err, MEND_EINVAL,
				    "mood: %d is not in 1..10", mood);
	rc = journal_check_text("text", text, len, JOURNAL_NOTE_MAX, true, err);
	if (rc != MEND_OK)
		return rc;
	entry_init(&e);
	e.kind = KIND_LOOKBACK;
	e.text = text;
	e.mood = mood;
	return journal_save_entry(j, &e, uuid, err);
}

static const char *skip_key(enum journey_due which)
{
	return which == JOURNEY_DUE_INTENTION ? "intention-skipped"
					      : "lookback-skipped";
}

enum mend_rc journey_due(struct journal *j, enum journey_due *out,
			 struct mend_err *err)
{
	struct mend_date today = clock_civil_from_days(journal_today(j));
	time_t start = clock_journal_day_start(today, j->day_start_hour);
	struct tm tm;
	char since[CLOCK_ISO_LEN], day[CLOCK_DATE_LEN],
	    skipped[CLOCK_DATE_LEN + 1];
	long n = 0;
	enum mend_rc rc;

	*out = JOURNEY_DUE_NONE;
	localtime_r(&j->now, &tm);
	enum journey_due which =
	    tm.tm_hour < 12 && tm.tm_hour >= j->day_start_hour
		? JOURNEY_DUE_INTENTION
	    : tm.tm_hour >= 18 || tm.tm_hour < j->day_start_hour
		? JOURNEY_DUE_LOOKBACK
		: JOURNEY_DUE_NONE;
	if (which == JOURNEY_DUE_NONE)
		return MEND_OK;
	clock_format_iso(start, since);
	rc = store_entry_count(j->st,
			       which == JOURNEY_DUE_INTENTION ? KIND_INTENTION
							      : KIND_LOOKBACK,
			       since, &n, err);
	if (rc != MEND_OK || n > 0)
		return rc;
	journal_today_str(j, day);
	rc = store_setting_get(j->st, skip_key(which), skipped, sizeof skipped,
			       err);
	if (rc == MEND_ENOTFOUND) {
		mend_err_clear(err);
		rc = MEND_OK;
		skipped[0] = '\0';
	}
	if (rc == MEND_OK && strcmp(skipped, day) != 0)
		*out = which;
	return rc;
}

enum mend_rc journey_skip(struct journal *j, enum journey_due which,
			  struct mend_err *err)
{
	char day[CLOCK_DATE_LEN];
	if (which == JOURNEY_DUE_NONE)
		return MEND_OK;
	journal_today_str(j, day);
	return journal_set_setting(j, skip_key(which), day, err);
}

/* --- contact mode --- */

enum mend_rc journey_check_contact_mode(const char *mode, struct mend_err *err)
{
	if (mode && (strcmp(mode, "none") == 0 || strcmp(mode, "low") == 0))
		return MEND_OK;
	return mend_err_set(err, MEND_EINVAL,
			    "contact-mode: '%.32s' is not one of none, low",
			    mode ? mode : "");
}

enum mend_rc journey_set_contact_mode(struct journal *j, const char *mode,
				      struct mend_err *err)
{
	enum mend_rc rc = journey_check_contact_mode(mode, err);
	if (rc != MEND_OK)
		return rc;
	return journal_set_setting(
	    j, "contact-mode", strcmp(mode, "low") == 0 ? "low" : NULL, err);
}

enum mend_rc journey_contact_low(struct journal *j, bool *low,
				 struct mend_err *err)
{
	char v[8];
	enum mend_rc rc;

	*low = false;
	if (!j->st)
		return MEND_OK;
	rc = store_setting_get(j->st, "contact-mode", v, sizeof v, err);
	if (rc == MEND_ENOTFOUND) {
		mend_err_clear(err);
		return MEND_OK;
	}
	*low = rc == MEND_OK && strcmp(v, "low") == 0;
	return rc;
}
