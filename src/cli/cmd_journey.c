/* SPDX-License-Identifier: MIT */
/* The guided path on the command line: path (the stages, where you are
 * and why, and choosing one), today (the daily step), intend (the
 * morning intention) and lookback (the evening look-back). */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mend/journey.h"

static struct journey *load(struct cli *c)
{
	struct journey *jy = NULL;
	enum mend_rc rc = journey_load(&jy, c->j->content, &c->err);
	if (rc != MEND_OK)
		cli_fail(c, rc);
	return jy;
}

/* Why the suggestion is where it is, as one sentence. */
static void print_why(const struct journey_place *p,
		      const struct journey_facts *f)
{
	if (p->decided) {
		printf("Why: you made a decision (%s), so the path is at its "
		       "last stage.\n",
		       outcome_name(f->outcome));
		return;
	}
	printf("Why: day %ld since the start, %ld thing%s written%s.\n",
	       f->days, f->entries, f->entries == 1 ? "" : "s",
	       p->urges_easing ? ", and the urges are easing" : "");
}

/* Text from the path's own content, wrapped at 72 columns under an
 * indent of five (its words are plain ASCII spaces between words). */
static void put_wrapped(const char *s)
{
	int col = 0;
	while (*s) {
		size_t n = strcspn(s, " ");
		if (col && col + 1 + (int)n > 72) {
			printf("\n");
			col = 0;
		}
		printf("%s%.*s", col ? " " : "     ", (int)n, s);
		col += (col ? 1 : 5) + (int)n;
		s += n;
		while (*s == ' ')
			s++;
	}
	printf("\n");
}

static int run_path(struct cli *c, const struct args *a)
{
	struct journey_place p;
	struct journey_facts f;
	struct journey *jy;
	struct journal *j;
	enum mend_rc rc;

	if (a->npos >= 1 && strcmp(a->pos[0], "set") != 0)
		return cli_usage_error(c,
				       "'%.40s' is not something path does; "
				       "it takes 'set STAGE'",
				       a->pos[0]);
	if (a->npos == 1)
		return cli_usage_error(c, "stage: missing; 'set' takes one of "
					  "space, understanding, rebuilding, "
					  "deciding, auto");
	if (a->npos == 2) {
		/* the stage is checked before the journal is opened, so a bad
		 * one writes nothing */
		if ((rc = journey_load(&jy, NULL, &c->err)) != MEND_OK)
			return cli_fail(c, rc);
		if (strcmp(a->pos[1], "auto") != 0 &&
		    journey_stage_index(jy, a->pos[1]) < 0) {
			rc = journey_set_stage(NULL, jy, a->pos[1], &c->err);
			journey_free(jy);
			return cli_fail(c, rc);
		}
		if (!(j = cli_journal(c))) {
			journey_free(jy);
			return 1;
		}
		rc = journey_set_stage(j, jy, a->pos[1], &c->err);
		if (rc == MEND_OK && strcmp(a->pos[1], "auto") == 0)
			printf("Following the suggestion again.\n");
		else if (rc == MEND_OK)
			printf("Your path is now at: %s. You can move again "
			       "whenever you like.\n",
			       jy->stages[journey_stage_index(jy, a->pos[1])]
				   .name);
		journey_free(jy);
		return rc == MEND_OK ? 0 : cli_fail(c, rc);
	}
	if (!(j = cli_journal_read(c)) || !(jy = load(c)))
		return 1;
	rc = journey_where(j, jy, &p, &f, &c->err);
	if (rc != MEND_OK) {
		journey_free(jy);
		return cli_fail(c, rc);
	}
	for (size_t i = 0; i < jy->n_stages; i++) {
		const struct journey_stage *s = &jy->stages[i];
		bool here = (int)i == p.current, sugg = (int)i == p.suggested;
		printf("%s %zu. %s (%s)%s\n", here ? ">" : " ", i + 1, s->name,
		       s->id,
		       here && sugg ? "  you are here, as suggested"
		       : here	    ? "  you are here, by your choice"
		       : sugg	    ? "  suggested"
				    : "");
		put_wrapped(s->text);
		char signs[600];
		snprintf(signs, sizeof signs, "Time to move on? %s", s->signs);
		put_wrapped(signs);
	}
	printf("\nSuggested: %s. ", jy->stages[p.suggested].name);
	print_why(&p, &f);
	if (f.outcome >= 0 && jy->decided[f.outcome].text) {
		printf("\n");
		put_wrapped(jy->decided[f.outcome].text);
	}
	printf("\nStages are suggestions, never locks: 'mend path set STAGE' "
	       "moves you, 'mend path set auto' follows the suggestion.\n");
	journey_free(jy);
	return 0;
}

static const struct opt_spec path_opts[] = {
    {NULL, 0, false},
};

const struct command cmd_path = {
    .name = "path",
    .run = run_path,
    .opts = path_opts,
    .max_pos = 2,
    .pos_values = {VAL_TEXT, VAL_STAGE},
    .usage = "mend path\n       mend path set STAGE|auto",
    .summary = "the guided path: its stages and where you are",
    .help = "Show the stages of the path (space, understanding, rebuilding,\n"
	    "deciding), which one you are at, which one your journal\n"
	    "suggests and why: the days since the start, what you have\n"
	    "written, whether the urges are easing, and a decision.\n"
	    "Stages are suggested, never locked.\n"
	    "\n"
	    "  set STAGE   move to a stage yourself (ahead or back)\n"
	    "  set auto    follow the suggestion again\n",
};

static int step_json(const struct journey *jy, const struct journey_step *s,
		     const struct journey_place *p)
{
	cJSON *o = cJSON_CreateObject();
	char *text;

	if (!o)
		return 1;
	cJSON_AddStringToObject(o, "kind", journey_step_kind_name(s->kind));
	cJSON_AddStringToObject(o, "source", s->source);
	cJSON_AddStringToObject(o, "stage", jy->stages[s->stage].id);
	cJSON_AddStringToObject(o, "suggested_stage",
				jy->stages[p->suggested].id);
	cJSON_AddBoolToObject(o, "stage_chosen", p->chosen);
	cJSON_AddStringToObject(o, "text", s->text);
	if (s->kind == JOURNEY_STEP_PROMPT && s->ref)
		cJSON_AddStringToObject(o, "prompt", s->ref);
	else
		cJSON_AddNullToObject(o, "prompt");
	if (s->kind == JOURNEY_STEP_EXERCISE)
		cJSON_AddStringToObject(o, "exercise", s->ref);
	else
		cJSON_AddNullToObject(o, "exercise");
	if (s->theme)
		cJSON_AddStringToObject(o, "theme", s->theme);
	else
		cJSON_AddNullToObject(o, "theme");
	text = cJSON_Print(o);
	if (text)
		printf("%s\n", text);
	cJSON_free(text);
	cJSON_Delete(o);
	return text ? 0 : 1;
}

static const struct opt_spec today_opts[] = {
    {"json", 0, false},
    {NULL, 0, false},
};

static int run_today(struct cli *c, const struct args *a)
{
	struct journey_step s;
	struct journey_place p;
	struct journey *jy;
	struct journal *j;
	enum mend_rc rc;
	int out;

	if (!(j = cli_journal_read(c)) || !(jy = load(c)))
		return 1;
	rc = journey_today(j, jy, &s, &p, &c->err);
	if (rc != MEND_OK) {
		journey_free(jy);
		return cli_fail(c, rc);
	}
	if (args_get(today_opts, a, "json")) {
		out = step_json(jy, &s, &p);
		journey_free(jy);
		return out;
	}
	printf("%s\n",
	       s.kind == JOURNEY_STEP_CARE     ? "Today, care comes first:"
	       : s.kind == JOURNEY_STEP_PROMPT ? "Today, something to write on:"
	       : s.kind == JOURNEY_STEP_EXERCISE ? "Today, an exercise:"
						 : "Today, one small thing:");
	printf("  ");
	cli_put_text(stdout, s.text);
	printf("\n");
	if (s.kind == JOURNEY_STEP_PROMPT && s.ref)
		printf("  (mend reflect --prompt %s)\n", s.ref);
	printf("Stage: %s.\n", jy->stages[s.stage].name);
	journey_free(jy);
	return 0;
}

const struct command cmd_today = {
    .name = "today",
    .run = run_today,
    .opts = today_opts,
    .max_pos = 0,
    .usage = "mend today [--json]",
    .summary = "one small step for today, from your stage",
    .help = "Show one small thing for today: a prompt, an exercise or an\n"
	    "action, chosen from the stage you are at, your recent mood and\n"
	    "your decision, the same all day. A hard day brings care first.\n"
	    "\n"
	    "      --json   as a JSON object (kind, source, stage, text,\n"
	    "               prompt, exercise, theme)\n",
};

static int run_intend(struct cli *c, const struct args *a)
{
	char uuid[UUID_LEN], *text = NULL;
	size_t len = 0;
	struct journey *jy;
	struct journal *j;
	enum mend_rc rc;

	rc = cli_read_text(a->npos ? a->pos[0] : NULL, NULL,
			   "An intention for today, in a few words: \"Today "
			   "I'll give myself space.\"",
			   &text, &len, &c->err);
	if (rc == MEND_OK)
		rc = journal_check_text("text", text, len, JOURNAL_NOTE_MAX,
					true, &c->err);
	if (rc != MEND_OK) {
		free(text);
		return cli_fail(c, rc);
	}
	if (!(j = cli_journal(c)) || !(jy = load(c))) {
		free(text);
		return 1;
	}
	rc = journey_intend(j, jy, text, len, uuid, &c->err);
	free(text);
	journey_free(jy);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved your intention for today (id %s).\n", uuid);
	return 0;
}

static const struct opt_spec intend_opts[] = {
    {NULL, 0, false},
};

const struct command cmd_intend = {
    .name = "intend",
    .run = run_intend,
    .opts = intend_opts,
    .max_pos = 1,
    .usage = "mend intend [TEXT|-]",
    .summary = "a morning intention, in a few words",
    .help = "Set an intention for today, such as \"Today I'll give myself\n"
	    "space\". Optional, and under a minute. With no TEXT on a\n"
	    "terminal, $VISUAL or $EDITOR opens; '-' reads standard input.\n",
};

static const struct opt_spec lookback_opts[] = {
    {"mood", 0, VAL_TEXT},
    {NULL, 0, false},
};

static int run_lookback(struct cli *c, const struct args *a)
{
	char uuid[UUID_LEN], *text = NULL;
	size_t len = 0;
	int mood = ENTRY_NONE;
	struct journal *j;
	enum mend_rc rc = cli_int_opt(&cmd_lookback, a, "mood", &mood, &c->err);

	if (rc == MEND_OK && mood != ENTRY_NONE && (mood < 1 || mood > 10))
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "mood: %d is not in 1..10", mood);
	if (rc == MEND_OK)
		rc = cli_read_text(a->npos ? a->pos[0] : NULL, NULL,
				   "How did today go?", &text, &len, &c->err);
	if (rc == MEND_OK)
		rc = journal_check_text("text", text, len, JOURNAL_NOTE_MAX,
					true, &c->err);
	if (rc != MEND_OK) {
		free(text);
		return cli_fail(c, rc);
	}
	if (!(j = cli_journal(c))) {
		free(text);
		return 1;
	}
	rc = journey_lookback(j, text, len, mood, uuid, &c->err);
	free(text);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved your look-back on today (id %s).\n", uuid);
	return 0;
}

const struct command cmd_lookback = {
    .name = "lookback",
    .run = run_lookback,
    .opts = lookback_opts,
    .max_pos = 1,
    .usage = "mend lookback [--mood N] [TEXT|-]",
    .summary = "an evening look-back: how did today go?",
    .help = "Look back on the day in a few words. Optional, and under a\n"
	    "minute. With no TEXT on a terminal, $VISUAL or $EDITOR opens;\n"
	    "'-' reads standard input.\n"
	    "\n"
	    "      --mood N   how the day felt, 1..10\n",
};
