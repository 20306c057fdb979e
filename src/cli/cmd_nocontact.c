/* SPDX-License-Identifier: MIT */
/* The no-contact commands: start, contact, urge, unsent, seal, periods. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "mend/nocontact.h"
#include "mend/pause.h"

static const struct opt_spec start_opts[] = {
	{"date", 'd', VAL_DATE},
	{"goal", 'g', true},
	{"name", 0, true},
	{NULL, 0, false},
};

static int run_start(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_start;
	const char *date = args_get(cmd->opts, a, "date");
	const char *name = args_get(cmd->opts, a, "name");
	int goal = ENTRY_NONE;
	struct nocontact_status s;
	struct journal *j;
	enum mend_rc rc = cli_int_opt(cmd, a, "goal", &goal, &c->err);

	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!date && goal == ENTRY_NONE && !name)
		return cli_usage_error(c, "date: missing; give --date YYYY-MM-DD "
					  "(the day of the last contact)");
	if (!(j = cli_journal(c)))
		return 1;
	char day[CLOCK_DATE_LEN];
	rc = cli_day_opt(j, "date", date, day, &date, &c->err);
	if (rc == MEND_OK)
		rc = nocontact_start(j, date, goal, name, &c->err);
	if (rc == MEND_OK)
		rc = nocontact_status(j, &s, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	char since[32];
	cli_local_time(s.period_start, since);
	printf("Saved. No contact since %.10s: day %ld, goal %d days.\n", since,
	       s.days, s.goal_days);
	if (name)
		printf(*name ? "The name stays in this journal only; exports "
			       "can replace it with --pseudonym.\n"
			     : "The name was removed.\n");
	return 0;
}

const struct command cmd_start = {
	.name = "start",
	.run = run_start,
	.opts = start_opts,
	.max_pos = 0,
	.usage = "mend start --date YYYY-MM-DD [--goal DAYS] [--name NAME]",
	.summary = "set the day of the last contact, the goal, and a name",
	.help = "Start the no-contact timer from the day of the last contact\n"
		"(or the breakup). Run it again to change the goal or the name,\n"
		"or to move the start date later.\n"
		"\n"
		"  -d, --date DATE        the day of the last contact (not in the\n"
		"                         future): YYYY-MM-DD, today, yesterday\n"
		"                         or N days ago (-Nd)\n"
		"  -g, --goal DAYS        days of no contact to aim for, 1..3650\n"
		"                         (default 30)\n"
		"      --name NAME        their name; kept only in this journal,\n"
		"                         and exports can replace it (\"\" removes)\n",
};

static const struct opt_spec contact_opts[] = {
	{"by", 0, VAL_INITIATOR},        {"channel", 'c', VAL_CHANNEL}, {"necessary", 0, false},
	{"note", 'n', true},    {"undo", 0, false},     {NULL, 0, false},
};

static int run_undo(struct cli *c, const struct args *a)
{
	struct contact_undo u;
	struct journal *j;
	enum mend_rc rc;
	char when[32];

	if (args_get(cmd_contact.opts, a, "by") ||
	    args_get(cmd_contact.opts, a, "channel") ||
	    args_get(cmd_contact.opts, a, "necessary") ||
	    args_get(cmd_contact.opts, a, "note"))
		return cli_usage_error(c, "undo: takes no other option; it "
					  "undoes the latest contact that "
					  "restarted your count");
	if (!(j = cli_journal(c)))
		return 1;
	rc = nocontact_undo_contact(j, &u, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	cli_local_time(u.created_at, when);
	printf("The contact logged %s is undone, as if it never happened.\n",
	       when);
	if (u.started)
		printf("Your count goes on from before it: day %ld.\n", u.days);
	else
		printf("No count is running now; set the day of the last "
		       "contact with mend start --date YYYY-MM-DD.\n");
	return 0;
}

static int run_contact(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_contact;
	struct contact_input in = {
		.initiator = args_get(cmd->opts, a, "by"),
		.channel = args_get(cmd->opts, a, "channel"),
		.necessary = args_get(cmd->opts, a, "necessary") != NULL,
		.note = args_get(cmd->opts, a, "note"),
	};
	struct contact_result r;
	struct journal *j;
	enum mend_rc rc;

	if (args_get(cmd->opts, a, "undo"))
		return run_undo(c, a);
	if (!(j = cli_journal(c)))
		return 1;
	rc = nocontact_log_contact(j, &in, &r, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Contact logged (id %s).\n", r.uuid);
	if (r.restarted) {
		size_t n = j->content->n_slip;
		printf("\n%s\n", j->content->slip[(size_t)journal_today(j) % n]);
		if (r.previous_days > 0)
			printf("The count starts again from now; the stretch "
			       "before (%ld day%s) stays in your history.\n",
			       r.previous_days, r.previous_days == 1 ? "" : "s");
		else
			printf("The count starts again from now; what came "
			       "before stays in your history.\n");
		printf("Logged by mistake? mend contact --undo takes it "
		       "back.\n");
		struct slip_space sp;
		if (slip_space(j, &sp, &c->err) == MEND_OK && sp.total_days > 0)
			printf("Days of space so far: %ld in all; the longest "
			       "stretch was %ld.\n",
			       sp.total_days, sp.longest_days);
		if (isatty(STDOUT_FILENO))
			printf("When you are ready, mend slip asks three short "
			       "questions that help next time.\n");
	} else {
		printf("It is kept in your history; your no-contact count goes "
		       "on.\n");
	}
	return 0;
}

const struct command cmd_contact = {
	.name = "contact",
	.run = run_contact,
	.opts = contact_opts,
	.max_pos = 0,
	.usage = "mend contact [--by me|them] [--channel text|call|social|"
		 "in-person|other] [--necessary] [--note TEXT] | mend contact "
		 "--undo",
	.summary = "log a contact honestly; the history is kept",
	.help = "Log a contact with them. If you reached out, the current\n"
		"no-contact period ends now and a new one begins; nothing is\n"
		"erased. If they reached out and you did not reply, or the\n"
		"contact was necessary (children, shared bills, work), it is\n"
		"kept in the history and your count goes on.\n"
		"\n"
		"      --by me|them       who reached out (default me)\n"
		"  -c, --channel NAME     text, call, social, in-person or other\n"
		"                         (default other)\n"
		"      --necessary        it had to happen\n"
		"  -n, --note TEXT        what happened, in a few words\n"
		"      --undo             undo a mistaken contact: the latest one\n"
		"                         that restarted the count (at any time) is\n"
		"                         deleted and the two periods become one\n"
		"                         again, as if it never happened\n",
};

static const struct opt_spec urge_opts[] = {
	{"level", 'l', true},
	{"note", 'n', true},
	{NULL, 0, false},
};

static int run_urge(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_urge;
	char uuid[UUID_LEN];
	int level = 0;
	struct journal *j;
	enum mend_rc rc;

	if (!args_get(cmd->opts, a, "level"))
		return cli_usage_error(c, "level: missing; give --level 1..10");
	rc = cli_int_opt(cmd, a, "level", &level, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = cli_journal(c)))
		return 1;
	rc = nocontact_log_urge(j, level, args_get(cmd->opts, a, "note"), uuid,
				&c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Urge written down (id %s).\n%s\n", uuid,
	       j->content->urge_logged[(size_t)journal_today(j) %
				       j->content->n_urge_logged]);
	return 0;
}

const struct command cmd_urge = {
	.name = "urge",
	.run = run_urge,
	.opts = urge_opts,
	.max_pos = 0,
	.usage = "mend urge --level N [--note TEXT]",
	.summary = "write down an urge to reach out, instead of acting on it",
	.help = "Write down an urge to contact them that you did not act on.\n"
		"\n"
		"  -l, --level N     how strong it is, 1..10\n"
		"  -n, --note TEXT   what set it off, what you wanted to say\n",
};

static const struct opt_spec text_only_opts[] = {
	{NULL, 0, false},
};

static int run_unsent(struct cli *c, const struct args *a)
{
	char uuid[UUID_LEN], *text = NULL;
	size_t len = 0;
	struct journal *j;
	enum mend_rc rc = cli_read_text(
		a->npos ? a->pos[0] : NULL, NULL,
		"This message stays in your journal. It is never sent.", &text,
		&len, &c->err);

	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = cli_journal(c))) {
		free(text);
		return 1;
	}
	rc = nocontact_write_unsent(j, text, len, uuid, &c->err);
	free(text);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Kept in your journal, not sent (id %s).\n", uuid);
	return 0;
}

const struct command cmd_unsent = {
	.name = "unsent",
	.run = run_unsent,
	.opts = text_only_opts,
	.max_pos = 1,
	.usage = "mend unsent [TEXT|-]",
	.summary = "write the message you want to send them, and keep it here",
	.help = "Write the message you feel like sending them. It is kept in\n"
		"your journal and never sent anywhere. With no TEXT on a\n"
		"terminal, $VISUAL or $EDITOR opens; '-' reads standard input.\n",
};

static const struct opt_spec seal_opts[] = {
	{"until-day", 0, true},
	{NULL, 0, false},
};

static int run_seal(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_seal;
	char uuid[UUID_LEN], *text = NULL;
	size_t len = 0;
	int day = 0;
	struct journal *j;
	enum mend_rc rc;

	if (!args_get(cmd->opts, a, "until-day"))
		return cli_usage_error(c, "until-day: missing; give --until-day "
					  "N, the day of no contact when the "
					  "letter opens");
	rc = cli_int_opt(cmd, a, "until-day", &day, &c->err);
	if (rc == MEND_OK)
		rc = cli_read_text(a->npos ? a->pos[0] : NULL, NULL,
				   "A letter to your future self. It stays "
				   "sealed until the day you chose.",
				   &text, &len, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = cli_journal(c))) {
		free(text);
		return 1;
	}
	rc = nocontact_seal(j, day, text, len, uuid, &c->err);
	free(text);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Letter sealed until day %d of no contact (id %s).\n", day, uuid);
	return 0;
}

const struct command cmd_seal = {
	.name = "seal",
	.run = run_seal,
	.opts = seal_opts,
	.max_pos = 1,
	.usage = "mend seal --until-day N [TEXT|-]",
	.summary = "write a letter to your future self, sealed until day N",
	.help = "Write a letter to yourself that stays sealed (listed, never\n"
		"shown) until your no-contact streak reaches day N. With no\n"
		"TEXT on a terminal, $VISUAL or $EDITOR opens; '-' reads\n"
		"standard input.\n"
		"\n"
		"      --until-day N   the streak day it opens on (after today's)\n",
};

static const struct opt_spec periods_opts[] = {
	{"json", 0, false},
	{NULL, 0, false},
};

struct periods_ctx {
	struct journal *j;
	cJSON *arr;
	int n;
};

static void print_period(const struct period *p, struct periods_ctx *pc)
{
	long days = nocontact_period_days(pc->j, p);
	char from[32], to[32];

	if (pc->arr) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", p->uuid);
		cJSON_AddStringToObject(o, "started_at", p->started_at);
		if (p->ended_at[0])
			cJSON_AddStringToObject(o, "ended_at", p->ended_at);
		else
			cJSON_AddNullToObject(o, "ended_at");
		cJSON_AddNumberToObject(o, "days", (double)days);
		cJSON_AddItemToArray(pc->arr, o);
		return;
	}
	cli_local_time(p->started_at, from);
	if (p->ended_at[0])
		cli_local_time(p->ended_at, to);
	printf("%-16s  %-16s  %4ld day%s\n", from, p->ended_at[0] ? to : "now",
	       days, days == 1 ? "" : "s");
	pc->n++;
}

static int run_periods(struct cli *c, const struct args *a)
{
	struct journal *j = cli_journal_read(c);
	struct periods_ctx pc = {j, NULL, 0};
	bool json = args_get(cmd_periods.opts, a, "json") != NULL;
	enum mend_rc rc;

	if (!j)
		return 1;
	if (json && !(pc.arr = cJSON_CreateArray()))
		return cli_fail(c, mend_err_set(&c->err, MEND_ENOMEM,
						"out of memory"));
	const struct period_list *pl;
	rc = journal_periods(j, &pl, &c->err);
	if (rc != MEND_OK) {
		cJSON_Delete(pc.arr);
		return cli_fail(c, rc);
	}
	for (size_t i = 0; i < pl->n; i++)
		print_period(&pl->items[i], &pc);
	if (json) {
		char *s = cJSON_Print(pc.arr);
		printf("%s\n", s ? s : "[]");
		cJSON_free(s);
		cJSON_Delete(pc.arr);
	} else if (pc.n == 0) {
		printf("No no-contact period yet: mend start --date YYYY-MM-DD\n");
	}
	return 0;
}

const struct command cmd_periods = {
	.name = "periods",
	.run = run_periods,
	.opts = periods_opts,
	.max_pos = 0,
	.usage = "mend periods [--json]",
	.summary = "every no-contact period, oldest first",
	.help = "List every no-contact period with its start, its end (or\n"
		"\"now\") and its length in days.\n"
		"\n"
		"      --json   as a JSON array\n",
};
