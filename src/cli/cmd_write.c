/* SPDX-License-Identifier: MIT */
/* The writing commands: reflect, accept, grow and decide. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mend/acceptance.h"
#include "mend/growth.h"
#include "mend/reflection.h"

static const struct opt_spec prompted_opts[] = {
	{"prompt", 'p', VAL_PROMPT},
	{NULL, 0, false},
};

static int write_prompted(struct cli *c, const struct args *a, enum module m)
{
	const char *prompt_id = args_get(prompted_opts, a, "prompt");
	const struct prompt *p = NULL;
	char uuid[UUID_LEN], *text = NULL, comment[1200];
	size_t len = 0;
	struct journal *j = cli_journal(c);
	enum mend_rc rc;

	if (!j)
		return 1;
	/* Check the prompt before opening an editor on it. */
	if (prompt_id) {
		rc = reflection_prompt(j, m, prompt_id, &p, &c->err);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
	}
	snprintf(comment, sizeof comment, "%s%s",
		 p ? "Prompt: " : "Free writing: no prompt. ",
		 p ? p->text : "Use --prompt ID to answer one.");
	rc = cli_read_text(a->npos ? a->pos[0] : NULL, NULL, comment, &text,
			   &len, &c->err);
	if (rc == MEND_OK)
		rc = reflection_save(j, m, prompt_id, text, len, uuid, &c->err);
	free(text);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved your %s entry (id %s).\n", module_name(m), uuid);
	return 0;
}

static int run_reflect(struct cli *c, const struct args *a)
{
	return write_prompted(c, a, MODULE_REFLECTION);
}

static int run_accept(struct cli *c, const struct args *a)
{
	return write_prompted(c, a, MODULE_ACCEPTANCE);
}

const struct command cmd_reflect = {
	.name = "reflect",
	.run = run_reflect,
	.opts = prompted_opts,
	.max_pos = 1,
	.usage = "mend reflect [--prompt ID] [TEXT|-]",
	.summary = "write a reflection, answering a prompt or freely",
	.help = "Write about the relationship and about yourself: what went\n"
		"wrong, your part and theirs, patterns, what you need, what you\n"
		"feel, and what pulls you back, whether or not going back is what\n"
		"you want. Answers to no-contact prompts are saved here too. With\n"
		"no TEXT on a terminal, $VISUAL or $EDITOR opens; '-' reads\n"
		"standard input.\n"
		"\n"
		"  -p, --prompt ID   answer this reflection or no-contact prompt\n"
		"                    ('mend prompt --module reflection' shows\n"
		"                    today's; 'mend prompts' lists all)\n",
};

const struct command cmd_accept = {
	.name = "accept",
	.run = run_accept,
	.opts = prompted_opts,
	.max_pos = 1,
	.usage = "mend accept [--prompt ID] [TEXT|-]",
	.summary = "write about letting go and what you really want",
	.help = "Write in the acceptance module: letting go of what you cannot\n"
		"control, whether getting back together is really the healthy\n"
		"goal, and making peace with whatever comes. With no TEXT on a\n"
		"terminal, $VISUAL or $EDITOR opens; '-' reads standard input.\n"
		"\n"
		"  -p, --prompt ID   answer this prompt ('mend prompt --module\n"
		"                    acceptance' shows today's)\n",
};

static const struct opt_spec grow_opts[] = {
	{"category", 'c', VAL_CATEGORY},
	{"prompt", 'p', VAL_PROMPT},
	{"minutes", 'm', true},
	{"week", 0, false},
	{NULL, 0, false},
};

static int grow_week(struct cli *c, struct journal *j)
{
	size_t n = j->content->n_categories;
	struct growth_total *t = calloc(n ? n : 1, sizeof *t);
	enum mend_rc rc;

	if (!t)
		return cli_fail(c, mend_err_set(&c->err, MEND_ENOMEM,
						"out of memory"));
	rc = growth_week(j, t, &c->err);
	if (rc == MEND_OK) {
		printf("This week:\n");
		for (size_t i = 0; i < n; i++)
			printf("  %-12s %3ld time%s  %4ld min\n",
			       j->content->categories[i].label, t[i].count,
			       t[i].count == 1 ? " " : "s", t[i].minutes);
	}
	free(t);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

static int run_grow(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_grow;
	const char *category = args_get(cmd->opts, a, "category");
	const char *prompt_id = args_get(cmd->opts, a, "prompt");
	char uuid[UUID_LEN], *text = NULL;
	size_t len = 0;
	int minutes = ENTRY_NONE;
	struct journal *j;
	enum mend_rc rc;

	if (args_get(cmd->opts, a, "week")) {
		if (category || prompt_id || a->npos)
			return cli_usage_error(c, "--week shows totals; give "
						  "it alone");
		return (j = cli_journal_read(c)) ? grow_week(c, j) : 1;
	}
	if (!category && !prompt_id)
		return cli_usage_error(c, "category: missing; give --category "
					  "body, mind, connection, skills, "
					  "work or rest");
	rc = cli_int_opt(cmd, a, "minutes", &minutes, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!a->npos)
		return cli_usage_error(c, "text: missing; say what you did, or "
					  "'-' to read standard input");
	rc = cli_read_text(a->pos[0], NULL, NULL, &text, &len, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = cli_journal(c))) {
		free(text);
		return 1;
	}
	struct growth_input in = {category, minutes, prompt_id};
	rc = growth_answer(j, &in, text, len, uuid, &c->err);
	free(text);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!category)
		category = content_prompt(j->content, prompt_id)->theme;
	printf("Logged for %s (id %s). Well done for looking after yourself.\n",
	       category, uuid);
	return 0;
}

const struct command cmd_grow = {
	.name = "grow",
	.run = run_grow,
	.opts = grow_opts,
	.max_pos = 1,
	.usage = "mend grow --category C [--minutes N] TEXT|-\n"
		 "       mend grow --prompt ID [--category C] [--minutes N] "
		 "TEXT|-\n"
		 "       mend grow --week",
	.summary = "log something you did for yourself",
	.help = "Log something you did for yourself: for your body, your mind,\n"
		"your friends and family, a skill, your work, or rest.\n"
		"\n"
		"  -c, --category C   body, mind, connection, skills, work or rest\n"
		"                     (with --prompt, the prompt's own by default)\n"
		"  -p, --prompt ID    answer this self-improvement prompt\n"
		"  -m, --minutes N    how long, 0..1440 (optional)\n"
		"      --week         show this week's totals per category\n",
};

static const struct opt_spec decide_opts[] = {
	{"note", 'n', true},
	{NULL, 0, false},
};

static void print_decision(const struct entry *e, void *ctx)
{
	struct journal *j = ctx;
	char when[32];
	enum outcome o;
	cli_local_time(e->created_at, when);
	printf("Current decision: %s (since %s)\n", e->outcome, when);
	if (outcome_from_name(e->outcome, &o))
		printf("%s\n", j->content->decision[o]);
	if (*e->text)
		printf("\n%s\n", e->text);
}

static int run_decide(struct cli *c, const struct args *a)
{
	char uuid[UUID_LEN];
	struct journal *j = cli_journal(c);
	enum mend_rc rc;

	if (!j)
		return 1;
	if (!a->npos) {
		rc = acceptance_current(j, print_decision, j, &c->err);
		if (rc == MEND_ENOTFOUND) {
			printf("No decision yet, and that is fine. When you are "
			       "ready: mend decide reconnect|friends|part-ways|"
			       "undecided\n");
			return 0;
		}
		return rc == MEND_OK ? 0 : cli_fail(c, rc);
	}
	rc = acceptance_decide(j, a->pos[0], args_get(cmd_decide.opts, a, "note"),
			       uuid, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Decision saved: %s (id %s). You can change it any time; the "
	       "earlier ones stay in your history.\n",
	       a->pos[0], uuid);
	return 0;
}

const struct command cmd_decide = {
	.name = "decide",
	.run = run_decide,
	.opts = decide_opts,
	.max_pos = 1,
	.pos_values = {VAL_OUTCOME},
	.usage = "mend decide [reconnect|friends|part-ways|undecided] "
		 "[--note TEXT]",
	.summary = "record what you want now, or show the current decision",
	.help = "Record what you really want: to try again (reconnect), to stay\n"
		"friends, to part ways, or that you have not decided. A decision\n"
		"can change; every one is kept. With no OUTCOME, show the\n"
		"current decision.\n"
		"\n"
		"  -n, --note TEXT   your reasons\n",
};
