/* SPDX-License-Identifier: MIT */
/* `mend checkin` and `mend status`: the everyday commands. */
#include <cJSON.h>
#include <langinfo.h>
#include <string.h>

#include "cli.h"
#include "crypt_cli.h"
#include "mend/checkin.h"
#include "mend/journey.h"
#include "mend/program.h"
#include "mend/status_line.h"
#include "mend/tags.h"

static const struct opt_spec checkin_opts[] = {
	{"mood", 'm', true},     {"urge", 'u', true}, {"contact", 0, false},
	{"no-contact", 0, false}, {"note", 'n', true}, {"date", 'd', VAL_DATE},
	{"tag", 't', VAL_TAG}, {NULL, 0, false},
};

/* --tag T, repeatable: checked, each once, joined with spaces into buf
 * (as the check-in keeps them). */
static enum mend_rc checkin_tags(const struct args *a, char *buf, size_t n,
				 struct mend_err *err)
{
	struct tag_list l;
	enum mend_rc rc = MEND_OK;

	tag_list_init(&l);
	buf[0] = '\0';
	for (int i = 0; rc == MEND_OK && i < a->nrep; i++) {
		if (!*a->rep[i])
			continue; /* --tag '': no tags */
		rc = tags_check("tag", a->rep[i], err);
		if (rc == MEND_OK)
			rc = tag_list_add(&l, a->rep[i], strlen(a->rep[i]), err);
	}
	for (size_t i = 0; rc == MEND_OK && i < l.n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", i ? " " : "", l.v[i].shown);
	}
	tag_list_done(&l);
	return rc;
}

static void print_after_save(struct journal *j, const struct checkin_result *r)
{
	if (r->restarted) {
		size_t n = j->content->n_slip;
		printf("\n%s\n", j->content->slip[(size_t)journal_today(j) % n]);
		if (r->previous_days > 0)
			printf("Your previous stretch lasted %ld day%s; it "
			       "stays in your history.\n",
			       r->previous_days,
			       r->previous_days == 1 ? "" : "s");
	}
	if (r->contact_already)
		printf("\nA contact since your last check-in is already "
		       "logged; no second one was added.\n");
	if (r->milestone_today) {
		const char *m = nocontact_milestone_message(j, r->milestone_today);
		printf("\nDay %d of no contact. %s\n", r->milestone_today,
		       m ? m : "");
	}
	if (r->low_mood)
		printf("\n%s\n", j->content->low_mood);
}

/* checkin --date DAY for a day that was missed: the check-in is saved as
 * if written at noon that journal day, so it belongs to it in every day
 * filter. *past is false for today (or no --date), which is saved as
 * usual; a day to come is refused. A contact cannot be reported for a
 * past day: it would rewrite the no-contact history. */
static enum mend_rc checkin_backfill(struct cli *c, struct journal *j,
				     const char *date,
				     const struct checkin_input *in,
				     const char *tags,
				     struct checkin_result *r, bool *past)
{
	char buf[CLOCK_DATE_LEN], today[CLOCK_DATE_LEN];
	const char *day;
	struct mend_date d;
	enum mend_rc rc = cli_day_opt(j, "date", date, buf, &day, &c->err);

	*past = rc != MEND_OK;
	journal_today_str(j, today);
	if (rc != MEND_OK || !day || strcmp(day, today) == 0)
		return rc;
	*past = true;
	if (strcmp(day, today) > 0)
		return mend_err_set(&c->err, MEND_EINVAL,
				    "date: %s is still to come; a check-in is "
				    "for today or a day gone by",
				    day);
	if (in->contact == 1)
		return mend_err_set(&c->err, MEND_EINVAL,
				    "contact: --contact is for today; log a "
				    "past contact with 'mend contact'");
	time_t now = j->now;
	clock_parse_date(day, &d);
	j->now = clock_journal_day_start(d, j->day_start_hour) + 12 * 3600;
	clock_format_iso(j->now, j->now_iso);
	rc = checkin_save_tagged(j, in, tags, r, &c->err);
	j->now = now;
	clock_format_iso(now, j->now_iso);
	journal_invalidate(j);
	if (rc == MEND_OK)
		printf("Check-in %s for %s: mood %d/10 (id %s).\n",
		       r->updated ? "updated" : "saved", r->day, in->mood,
		       r->uuid);
	return rc;
}

static int run_checkin(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_checkin;
	struct checkin_input in = {.mood = 0,
				   .urge = ENTRY_NONE,
				   .contact = ENTRY_NONE,
				   .note = args_get(cmd->opts, a, "note")};
	struct checkin_result r;
	struct journal *j;
	enum mend_rc rc;

	if (!args_get(cmd->opts, a, "mood"))
		return cli_usage_error(c, "mood: missing; give --mood 1..10 "
					  "(1 is the lowest)");
	if (args_get(cmd->opts, a, "contact") &&
	    args_get(cmd->opts, a, "no-contact"))
		return cli_usage_error(c, "contact: give --contact or "
					  "--no-contact, not both");
	char tags[ARGS_MAX_REPEAT * (TAG_MAX_BYTES + 1) + 1];
	rc = cli_int_opt(cmd, a, "mood", &in.mood, &c->err);
	if (rc == MEND_OK)
		rc = cli_int_opt(cmd, a, "urge", &in.urge, &c->err);
	if (rc == MEND_OK)
		rc = checkin_tags(a, tags, sizeof tags, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (args_get(cmd->opts, a, "contact"))
		in.contact = 1;
	else if (args_get(cmd->opts, a, "no-contact"))
		in.contact = 0;
	if (!(j = cli_journal(c)))
		return 1;
	bool past = false;
	rc = checkin_backfill(c, j, args_get(cmd->opts, a, "date"), &in,
			      a->nrep ? tags : NULL, &r, &past);
	if (past)
		return rc == MEND_OK ? 0 : cli_fail(c, rc);
	rc = checkin_save_tagged(j, &in, a->nrep ? tags : NULL, &r, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (r.updated)
		printf("Today's check-in (%s) updated: mood %d/10 (id %s).\n",
		       r.day, in.mood, r.uuid);
	else
		printf("Check-in saved for %s: mood %d/10 (id %s).\n", r.day,
		       in.mood, r.uuid);
	print_after_save(j, &r);
	return 0;
}

const struct command cmd_checkin = {
	.name = "checkin",
	.run = run_checkin,
	.opts = checkin_opts,
	.max_pos = 0,
	.usage = "mend checkin --mood N [--urge N] [--contact|--no-contact] "
		 "[--note TEXT] [--tag T]... [--date DAY]",
	.summary = "record today's mood, urge to reach out, and a note",
	.help = "Record how today is going. One check-in per day: a second one\n"
		"the same day updates the first and says so. A day starts at\n"
		"04:00 (see 'mend config'), so a check-in at 1 a.m. belongs to\n"
		"the evening before.\n"
		"\n"
		"  -m, --mood N       how you feel, 1 (lowest) to 10\n"
		"  -u, --urge N       urge to contact them, 0 (none) to 10\n"
		"      --contact      there was contact since the last check-in;\n"
		"                     it is logged and the no-contact count starts\n"
		"                     again (the history is kept)\n"
		"      --no-contact   there was none\n"
		"  -n, --note TEXT    a few words about the day\n"
		"  -t, --tag T        a quick tag for what the day held (sleep,\n"
		"                     work, friends ...; see 'mend config\n"
		"                     quick-tags'); give it again for more. They\n"
		"                     replace today's tags; --tag '' takes them away\n"
		"  -d, --date DAY     a day you missed: YYYY-MM-DD, yesterday or\n"
		"                     N days ago (-Nd); never one to come\n",
};

static const struct opt_spec status_opts[] = {
	{"json", 0, false},
	{"line", 0, false},
	{"format", 0, true},
	{NULL, 0, false},
};

static void print_bar(long days, int goal)
{
	int width = 20;
	long filled = goal > 0 ? days * width / goal : 0;
	if (filled > width)
		filled = width;
	putchar('[');
	for (int i = 0; i < width; i++)
		putchar(i < filled ? '#' : '.');
	printf("] %ld%%", goal > 0 ? (days >= goal ? 100 : days * 100 / goal) : 0);
}

static int status_json(struct journal *j, const struct program_status *s)
{
	cJSON *o = cJSON_CreateObject();
	char *text;

	if (!o)
		return 1;
	cJSON_AddBoolToObject(o, "started", s->nc.started);
	cJSON_AddNumberToObject(o, "no_contact_days", (double)s->nc.days);
	cJSON_AddNumberToObject(o, "no_contact_hours", s->nc.hours);
	if (s->nc.started)
		cJSON_AddStringToObject(o, "period_start", s->nc.period_start);
	else
		cJSON_AddNullToObject(o, "period_start");
	cJSON_AddNumberToObject(o, "goal_days", s->nc.goal_days);
	cJSON_AddNumberToObject(o, "longest_streak_days",
				(double)s->nc.longest_days);
	cJSON_AddNumberToObject(o, "periods", (double)s->nc.periods);
	cJSON_AddNumberToObject(o, "contacts", (double)s->nc.contacts);
	cJSON_AddNumberToObject(o, "last_milestone", s->nc.last_milestone);
	if (s->nc.next_milestone)
		cJSON_AddNumberToObject(o, "next_milestone", s->nc.next_milestone);
	else
		cJSON_AddNullToObject(o, "next_milestone");
	cJSON_AddBoolToObject(o, "checked_in_today", s->checked_in_today);
	if (s->checked_in_today)
		cJSON_AddNumberToObject(o, "today_mood", s->today_mood);
	else
		cJSON_AddNullToObject(o, "today_mood");
	cJSON_AddBoolToObject(o, "low_mood", s->low_mood);
	cJSON_AddBoolToObject(o, "has_entries", s->has_entries);
	cJSON_AddBoolToObject(o, "journal_exists", !j->missing);
	cJSON_AddStringToObject(o, "suggested_module",
				module_name(s->suggested));
	cJSON_AddStringToObject(o, "suggestion",
				j->content->suggestion[s->reason]);
	if (s->has_decision)
		cJSON_AddStringToObject(o, "decision", s->decision);
	else
		cJSON_AddNullToObject(o, "decision");
	text = cJSON_Print(o);
	if (text)
		printf("%s\n", text);
	cJSON_free(text);
	cJSON_Delete(o);
	return text ? 0 : 1;
}

/* status --line / --format: run at every shell prompt, so the journal is
 * opened without its content (loaded only for %s) and a journal that
 * does not exist prints nothing at all. */
static int status_line(struct cli *c, const char *format)
{
	struct program_status s;
	const struct content *ct = NULL;
	enum mend_rc rc;
	char line[1024];

	if (format && (rc = status_line_check(format, &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	rc = journal_open_lazy(&c->j, c->db, &c->err);
	if (rc != MEND_OK) {
		c->j = NULL;
		return cli_fail(c, rc);
	}
	if (c->j->missing) {
		/* no store behind it: nothing to read, nothing for cli_main
		 * to clean up */
		journal_close(c->j);
		c->j = NULL;
		return 0;
	}
	/* a prompt must never wait for a passphrase: the keyring or a
	 * marker */
	if (!cli_unlock_quiet(c->j)) {
		printf("mend: locked\n");
		return 0;
	}
	bool words = format && status_line_needs_content(format);
	rc = program_status_line(c->j, &s, words, &c->err);
	if (rc == MEND_OK && words)
		rc = journal_content(c->j, &ct, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	bool ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	if (!format)
		format = status_line_default(&s, ascii);
	status_line_format(line, sizeof line, format, &s,
			   ct ? ct->module_title[s.suggested] : NULL, ascii);
	printf("%s\n", line);
	return 0;
}

static int run_status(struct cli *c, const struct args *a)
{
	struct program_status s;
	const char *format = args_get(cmd_status.opts, a, "format");
	bool line = args_get(cmd_status.opts, a, "line") || format;
	struct journal *j;
	enum mend_rc rc;

	if (line && args_get(cmd_status.opts, a, "json"))
		return cli_usage_error(c, "json: --json is not for the one-line "
					  "status; give --line or --json");
	if (line)
		return status_line(c, format);
	if (!(j = cli_journal_read(c)))
		return 1;
	rc = program_status(j, &s, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (args_get(cmd_status.opts, a, "json"))
		return status_json(j, &s);
	if (j->missing)
		printf("There is no journal yet: it begins with your first "
		       "entry.\n\n");
	if (!s.nc.started) {
		printf("No contact: not started yet. When you are ready, tell mend\n"
		       "the day of the last contact: mend start --date YYYY-MM-DD\n");
	} else {
		printf("No contact: day %ld", s.nc.days);
		if (s.nc.days < 3)
			printf(" and %d hour%s", s.nc.hours,
			       s.nc.hours == 1 ? "" : "s");
		printf(" (goal %d days)  ", s.nc.goal_days);
		print_bar(s.nc.days, s.nc.goal_days);
		printf("\nLongest stretch: %ld day%s", s.nc.longest_days,
		       s.nc.longest_days == 1 ? "" : "s");
		if (s.nc.next_milestone)
			printf(" · next milestone: day %d", s.nc.next_milestone);
		printf(" · contacts logged: %ld\n", s.nc.contacts);
		bool low = false;
		if ((rc = journey_contact_low(j, &low, &c->err)) != MEND_OK)
			return cli_fail(c, rc);
		if (low)
			printf("Low contact: the days counted are days without "
			       "contact beyond what is necessary.\n");
	}
	if (s.checked_in_today)
		printf("Today's check-in: done (mood %d/10)\n", s.today_mood);
	else
		printf("Today's check-in: not yet (mend checkin --mood N)\n");
	if (s.has_decision)
		printf("Current decision: %s\n", s.decision);
	printf("Suggested today: %s. %s\n",
	       j->content->module_title[s.suggested],
	       j->content->suggestion[s.reason]);
	if (s.low_mood)
		printf("\n%s\n", j->content->low_mood);
	return 0;
}

const struct command cmd_status = {
	.name = "status",
	.run = run_status,
	.opts = status_opts,
	.max_pos = 0,
	.usage = "mend status [--json | --line [--format STRING]]",
	.summary = "where things stand: the no-contact streak, today, a suggestion",
	.help = "Show the no-contact streak and goal, the longest stretch, the\n"
		"next milestone, whether today's check-in is done, and the\n"
		"module suggested for today with its reason.\n"
		"\n"
		"      --json   the same facts as one JSON object: no_contact_days,\n"
		"               goal_days, longest_streak_days, contacts,\n"
		"               checked_in_today, suggested_module and more\n"
		"      --line   one short line for a shell prompt or a tmux status\n"
		"               bar: \"♥ day 12/30 · ✓\" once today's check-in is\n"
		"               done, \"♥ day 12/30 · check in\" before. Nothing at\n"
		"               all (and exit 0) where there is no journal yet;\n"
		"               plain ASCII (\"<3\", \"|\", \"ok\") when the locale\n"
		"               is not UTF-8\n"
		"      --format STRING\n"
		"               the line in your own words (implies --line):\n"
		"                 %d  days of the current no-contact stretch\n"
		"                 %g  the goal in days\n"
		"                 %p  days/goal, \"12/30\"; the days alone once\n"
		"                     you decide to reconnect or stay friends\n"
		"                 %c  \"✓\" (ASCII \"ok\") when today's check-in is\n"
		"                     done, else \"check in\"\n"
		"                 %m  the next milestone day\n"
		"                 %M  today's mood, 1..10\n"
		"                 %s  the module suggested for today\n"
		"                 %h  a heart, \"♥\" (ASCII \"<3\")\n"
		"                 %%  a percent sign\n"
		"               a field with nothing to say is left empty\n",
};
