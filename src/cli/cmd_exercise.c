/* SPDX-License-Identifier: MIT */
/* The exercises on the command line: list them with their sources, show
 * one, save one done (`mend exercise ID TEXT`), and the weekly who-am-I
 * clarity rating (`mend clarity N`). The words come from the core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mend/exercise.h"

static const struct opt_spec exercise_opts[] = {
    {"minutes", 'm', true},
    {"mood", 0, true},
    {"show", 's', false},
    {NULL, 0, false},
};

static void print_source(const struct exercise_info *xi, const char *indent)
{
	printf("%sFrom: %s %d, %s %s\n", indent, xi->source.authors,
	       xi->source.year, xi->source.journal, xi->source.volume);
	if (xi->also)
		printf("%salso: %s\n", indent, xi->also);
}

static void print_one(const struct exercise_info *xi)
{
	printf("%s (%s)\n", xi->title, exercise_id_name(xi->id));
	printf("Stage: %s", exercise_stage_name(exercise_stage_of(xi->id)));
	if (xi->timer)
		printf(" · a %d-minute timer", xi->timer / 60);
	printf("\n\n");
	for (size_t i = 0; i < xi->n_steps; i++)
		printf("%zu. %s\n", i + 1, xi->steps[i]);
	printf("\nWrite under these headings:");
	for (size_t i = 0; i < xi->n_parts; i++)
		printf("%s \"%s\"", i ? "," : "", xi->parts[i]);
	printf("\n\n");
	print_source(xi, "");
	printf("%s\n", xi->source.finding);
}

static void print_list(const struct exercises *xs)
{
	printf("Exercises from the research. They help many people; they are\n"
	       "not treatment. Save one with: mend exercise ID TEXT\n\n");
	for (int x = 0; x < EXERCISE_COUNT; x++) {
		const struct exercise_info *xi =
		    exercises_get(xs, (enum exercise_id)x);
		if (!exercise_listed(xi->id))
			continue;
		printf("%-11s %s (%s)\n", exercise_id_name(xi->id), xi->title,
		       exercise_stage_name(exercise_stage_of(xi->id)));
		printf("            %s\n", xi->line);
		print_source(xi, "            ");
	}
	const struct exercise_info *g = exercises_get(xs, EXERCISE_GENTLER);
	printf("\n%s\nIf so, '%s' (%s) may suit you better: %s.\n",
	       xs->rumination, exercise_id_name(g->id), g->title, g->line);
}

/* --minutes N into seconds; absent stays ENTRY_NONE. */
static enum mend_rc minutes_opt(struct cli *c, const struct args *a,
				int *seconds)
{
	int minutes = ENTRY_NONE;
	enum mend_rc rc =
	    cli_int_opt(&cmd_exercise, a, "minutes", &minutes, &c->err);
	if (rc != MEND_OK || minutes == ENTRY_NONE)
		return rc;
	if (minutes < 0 || minutes > EXERCISE_SECONDS_MAX / 60)
		return mend_err_set(&c->err, MEND_EINVAL,
				    "minutes: %d is not in 0..%d", minutes,
				    EXERCISE_SECONDS_MAX / 60);
	*seconds = minutes * 60;
	return MEND_OK;
}

static int run_exercise(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_exercise;
	struct exercises *xs = NULL;
	struct exercise_input in = {EXERCISE_EXPRESSIVE, ENTRY_NONE, ENTRY_NONE,
				    ENTRY_NONE};
	char uuid[UUID_LEN], *text = NULL, *initial = NULL;
	size_t len = 0;
	struct journal *j;
	int code = 0;
	enum mend_rc rc;

	if (a->npos && !exercise_from_name(a->pos[0], &in.id))
		return cli_usage_error(c,
				       "exercise: '%.32s' is not one of "
				       "expressive, steady, compassion, "
				       "asthey, whoami, plan, gained",
				       a->pos[0]);
	rc = minutes_opt(c, a, &in.seconds);
	if (rc == MEND_OK)
		rc = cli_int_opt(cmd, a, "mood", &in.mood, &c->err);
	if (rc == MEND_OK && in.mood != ENTRY_NONE &&
	    (in.mood < EXERCISE_MOOD_MIN || in.mood > EXERCISE_MOOD_MAX))
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "mood: %d is not in %d..%d", in.mood,
				  EXERCISE_MOOD_MIN, EXERCISE_MOOD_MAX);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!a->npos && (in.seconds != ENTRY_NONE || in.mood != ENTRY_NONE ||
			 args_get(cmd->opts, a, "show")))
		return cli_usage_error(c, "exercise: missing; give one of "
					  "expressive, steady, compassion, "
					  "asthey, whoami, plan, gained");
	rc = exercises_load(&xs, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	const struct exercise_info *xi = exercises_get(xs, in.id);
	if (!a->npos) {
		print_list(xs);
		goto done;
	}
	if (args_get(cmd->opts, a, "show")) {
		if (a->npos > 1 || in.seconds != ENTRY_NONE ||
		    in.mood != ENTRY_NONE) {
			code = cli_usage_error(c, "--show shows the exercise; "
						  "give it with the id alone");
			goto done;
		}
		print_one(xi);
		goto done;
	}
	initial = exercise_template(xi);
	rc = initial ? cli_read_text(a->npos > 1 ? a->pos[1] : NULL, initial,
				     xi->title, &text, &len, &c->err)
		     : mend_err_set(&c->err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK && a->npos < 2 && exercise_text_empty(xi, text, len))
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "text: nothing written under the headings; "
				  "nothing was saved");
	if (rc != MEND_OK) {
		code = cli_fail(c, rc);
		goto done;
	}
	if (a->npos < 2) {
		/* from the editor: the headings left empty go */
		char *tidy = exercise_tidy(xi, text, len);
		if (!tidy) {
			code = cli_fail(c, mend_err_set(&c->err, MEND_ENOMEM,
							"out of memory"));
			goto done;
		}
		free(text);
		text = tidy;
		len = strlen(tidy);
	}
	if (!(j = cli_journal(c))) {
		code = 1;
		goto done;
	}
	rc = exercise_save(j, &in, text, len, uuid, &c->err);
	if (rc != MEND_OK) {
		code = cli_fail(c, rc);
		goto done;
	}
	printf("Saved: %s (id %s). %s\n", xi->title, uuid, xi->after);
	int days = 0;
	if (in.id == EXERCISE_EXPRESSIVE &&
	    exercise_days_done(j, in.id, 4, &days, &c->err) == MEND_OK)
		printf("You have written on %d of the last 4 days; three or "
		       "four in a row is the way it is meant.\n",
		       days);
done:
	free(text);
	free(initial);
	exercises_free(xs);
	return code;
}

const struct command cmd_exercise = {
    .name = "exercise",
    .run = run_exercise,
    .opts = exercise_opts,
    .max_pos = 2,
    .pos_values = {VAL_EXERCISE, VAL_TEXT},
    .usage = "mend exercise\n"
	     "       mend exercise ID --show\n"
	     "       mend exercise ID [--minutes N] [--mood N] [TEXT|-]",
    .summary = "exercises from the research, with their sources",
    .help = "With no ID, list the exercises: what each is, the stage of\n"
	    "recovery it fits and where it comes from. With an ID, save\n"
	    "what you wrote for it; with no TEXT on a terminal, $VISUAL or\n"
	    "$EDITOR opens with the exercise's headings, and '-' reads\n"
	    "standard input. IDs: expressive, steady (a gentler writing for\n"
	    "when you keep going over why), compassion, asthey, whoami,\n"
	    "plan, gained.\n"
	    "\n"
	    "  -s, --show        show the exercise's steps and source\n"
	    "  -m, --minutes N   how long it took, 0..1440\n"
	    "      --mood N      your mood after it, 1..10\n",
};

static const struct opt_spec clarity_opts[] = {
    {NULL, 0, false},
};

static int run_clarity(struct cli *c, const struct args *a)
{
	char uuid[UUID_LEN], *text = NULL;
	size_t len = 0;
	int score;
	struct journal *j;
	enum mend_rc rc;

	if (!a->npos)
		return cli_usage_error(c,
				       "clarity: missing; give a number "
				       "from %d (not clear at all) to %d "
				       "(very clear)",
				       CLARITY_MIN, CLARITY_MAX);
	rc = args_int("clarity", a->pos[0], &score, &c->err);
	if (rc == MEND_OK && (score < CLARITY_MIN || score > CLARITY_MAX))
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "clarity: %d is not in %d..%d", score,
				  CLARITY_MIN, CLARITY_MAX);
	if (rc == MEND_OK && a->npos > 1)
		rc = cli_read_text(a->pos[1], NULL, NULL, &text, &len, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = cli_journal(c))) {
		free(text);
		return 1;
	}
	rc = exercise_clarity_save(j, score, text, len, uuid, &c->err);
	free(text);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved: clarity %d of %d this week (id %s). It tends to come "
	       "back slowly.\n",
	       score, CLARITY_MAX, uuid);
	return 0;
}

const struct command cmd_clarity = {
    .name = "clarity",
    .run = run_clarity,
    .opts = clarity_opts,
    .max_pos = 2,
    .pos_values = {VAL_FLAG, VAL_TEXT},
    .usage = "mend clarity N [TEXT|-]",
    .summary = "rate how clear who you are feels this week, 1..7",
    .help = "Save this week's who-am-I-now rating: how clear it feels who\n"
	    "you are, apart from the relationship, from 1 (not clear at\n"
	    "all) to 7 (very clear), with an optional note. '-' reads the\n"
	    "note from standard input.\n",
};
