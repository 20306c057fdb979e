/* SPDX-License-Identifier: MIT */
/* Prompts and settings: `mend prompt`, `mend prompts`, `mend config`. */
#include <cJSON.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "crypt_cli.h"
#include "mend/checkin.h"
#include "mend/journey.h"
#include "mend/keyring.h"
#include "mend/program.h"
#include "mend/reflection.h"
#include "mend/store_crypt.h"
#include "mend/remind.h"
#include "mend/session_lock.h"
#include "mend/tags.h"

static const struct opt_spec prompt_opts[] = {
	{"module", 'm', VAL_PROMPT_MODULE},
	{"json", 0, false},
	{NULL, 0, false},
};

static enum mend_rc prompt_module(struct cli *c, const char *name,
				  enum module *m)
{
	if (!module_from_name(name, m) || *m == MODULE_CHECKIN)
		return mend_err_set(&c->err, MEND_EINVAL,
				    "module: '%.32s' is not one of nocontact, "
				    "reflection, growth, acceptance",
				    name);
	return MEND_OK;
}

static cJSON *prompt_json(const struct prompt *p)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", p->id);
	cJSON_AddStringToObject(o, "module", module_name(p->module));
	cJSON_AddStringToObject(o, "theme", p->theme);
	cJSON_AddStringToObject(o, "text", p->text);
	return o;
}

static void print_json(cJSON *o)
{
	char *s = o ? cJSON_Print(o) : NULL;
	if (s)
		printf("%s\n", s);
	cJSON_free(s);
	cJSON_Delete(o);
}

static int run_prompt(struct cli *c, const struct args *a)
{
	const char *mod = args_get(prompt_opts, a, "module");
	enum module m = MODULE_REFLECTION;
	enum suggest_reason why;
	struct journal *j;
	enum mend_rc rc = MEND_OK;

	if (mod && (rc = prompt_module(c, mod, &m)) != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = cli_journal_read(c)))
		return 1;
	if (!mod && (rc = program_suggest(j, &m, &why, &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	const struct prompt *p = reflection_prompt_today(j, m, 0);
	if (!p)
		return cli_fail(c, mend_err_set(&c->err, MEND_ENOTFOUND,
						"module: %s has no prompts",
						module_name(m)));
	if (args_get(prompt_opts, a, "json")) {
		print_json(prompt_json(p));
		return 0;
	}
	/* a shared prompts file is someone else's text: shown, not obeyed */
	cli_put_text(stdout, p->text);
	printf("\n\n  %s · ", j->content->module_title[m]);
	cli_put_text(stdout, p->theme);
	fputs(" · ", stdout);
	cli_put_text(stdout, p->id);
	fputc('\n', stdout);
	const char *note = content_theme_note(j->content, p->theme);
	if (note)
		printf("\n%s\n", note);
	if (m == MODULE_REFLECTION || m == MODULE_ACCEPTANCE) {
		printf("\nAnswer it: mend %s --prompt ",
		       m == MODULE_REFLECTION ? "reflect" : "accept");
		cli_put_text(stdout, p->id);
		fputc('\n', stdout);
	} else if (m == MODULE_GROWTH)
		printf("\nLog it: mend grow --category C \"what you did\"\n");
	else
		printf("\nWrite it down: mend urge --level N --note \"...\"\n");
	return 0;
}

const struct command cmd_prompt = {
	.name = "prompt",
	.run = run_prompt,
	.opts = prompt_opts,
	.max_pos = 0,
	.usage = "mend prompt [--module M] [--json]",
	.summary = "today's prompt",
	.help = "Show today's prompt, for the module suggested today or the one\n"
		"you name. Prompts rotate daily: the one offered is the one you\n"
		"answered longest ago (or never), so someone answering every day\n"
		"meets no reflection prompt again within 90 days.\n"
		"\n"
		"  -m, --module M   nocontact, reflection, growth or acceptance\n"
		"      --json       as a JSON object\n",
};

static int run_prompts(struct cli *c, const struct args *a)
{
	const char *mod = args_get(prompt_opts, a, "module");
	enum module m = MODULE_CHECKIN;
	bool json = args_get(prompt_opts, a, "json") != NULL;
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	struct journal *j;
	enum mend_rc rc;

	if (mod && (rc = prompt_module(c, mod, &m)) != MEND_OK) {
		cJSON_Delete(arr);
		return cli_fail(c, rc);
	}
	if (!(j = cli_journal_read(c))) {
		cJSON_Delete(arr);
		return 1;
	}
	for (size_t i = 0; i < j->content->n_prompts; i++) {
		const struct prompt *p = &j->content->prompts[i];
		if (mod && p->module != m)
			continue;
		if (arr)
			cJSON_AddItemToArray(arr, prompt_json(p));
		else {
			cli_put_text(stdout, p->id);
			for (size_t k = strlen(p->id); k < 34; k++)
				fputc(' ', stdout);
			fputc(' ', stdout);
			cli_put_text(stdout, p->text);
			fputc('\n', stdout);
		}
	}
	if (arr)
		print_json(arr);
	return 0;
}

const struct command cmd_prompts = {
	.name = "prompts",
	.run = run_prompts,
	.opts = prompt_opts,
	.max_pos = 0,
	.usage = "mend prompts [--module M] [--json]",
	.summary = "every prompt, with its id",
	.help = "List every prompt with its id, including your own from\n"
		"$XDG_CONFIG_HOME/mend/prompts.json.\n"
		"\n"
		"  -m, --module M   only nocontact, reflection, growth or\n"
		"                   acceptance\n"
		"      --json       as a JSON array\n",
};

const char *const cli_config_keys[] = {
	"day-start-hour", "goal", "crisis-line", "remind", "remind-at", "quick-tags",
	"contact-mode", "unlock-minutes", "lock-minutes", "secret-service",
	NULL,
};

static const struct opt_spec config_opts[] = {
	{NULL, 0, false},
};

/* The crisis line is text, unlike the numeric keys. */
static int config_crisis_line(struct cli *c, const struct args *a)
{
	char line[CHECKIN_CRISIS_MAX + 1];
	struct journal *j;
	enum mend_rc rc;

	if (a->npos == 2 &&
	    (rc = checkin_check_crisis_line(a->pos[1], &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = a->npos == 1 ? cli_journal_read(c) : cli_journal(c)))
		return 1;
	if (a->npos == 1) {
		rc = checkin_crisis_line(j, line, sizeof line, &c->err);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		printf("%s\n", *line ? line : "(not set)");
		return 0;
	}
	rc = checkin_set_crisis_line(j, a->pos[1], &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (*a->pos[1])
		printf("Saved: crisis-line = %s\n", a->pos[1]);
	else
		printf("The crisis line was removed.\n");
	return 0;
}

/* remind (on/off) and remind-at (HH:MM): text keys too, checked before
 * the journal is opened so a bad value writes nothing. */
static int config_remind(struct cli *c, const struct args *a, bool at_key)
{
	char at[REMIND_AT_LEN];
	struct journal *j;
	enum mend_rc rc = MEND_OK;
	bool on;

	if (a->npos == 2)
		rc = at_key ? remind_check_at(a->pos[1], &c->err)
			    : remind_check_on(a->pos[1], NULL, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = a->npos == 1 ? cli_journal_read(c) : cli_journal(c)))
		return 1;
	if (a->npos == 1) {
		if ((rc = remind_settings(j, &on, at, &c->err)) != MEND_OK)
			return cli_fail(c, rc);
		printf("%s\n", at_key ? at : on ? "on" : "off");
		return 0;
	}
	rc = at_key ? remind_set_at(j, a->pos[1], &c->err)
		    : remind_set_on(j, a->pos[1], &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved: %s = %s\n", a->pos[0], a->pos[1]);
	if (at_key)
		printf("If the desktop reminder is installed, run 'mend remind "
		       "--install' again to move it.\n");
	return 0;
}

/* The check-in's quick tags: a comma-separated list, checked whole. */
static int config_quick_tags(struct cli *c, const struct args *a)
{
	struct tag_list l;
	struct journal *j;
	enum mend_rc rc = MEND_OK;

	tag_list_init(&l);
	if (a->npos == 2 && *a->pos[1])
		rc = tags_parse_list("quick-tags", a->pos[1], TAGS_QUICK_MAX, &l,
				     &c->err);
	tag_list_done(&l);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = a->npos == 1 ? cli_journal_read(c) : cli_journal(c)))
		return 1;
	if (a->npos == 2)
		rc = tags_quick_set(j, a->pos[1], &c->err);
	if (rc == MEND_OK)
		rc = tags_quick(j, &l, &c->err);
	for (size_t i = 0; rc == MEND_OK && i < l.n; i++)
		printf("%s%s", i ? "," : a->npos == 2 ? "Saved: quick-tags = " : "",
		       l.v[i].shown);
	if (rc == MEND_OK)
		printf("\n");
	tag_list_done(&l);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

/* none or low: whether the count aims at no contact at all, or at no
 * contact beyond what is necessary. */
static int config_contact_mode(struct cli *c, const struct args *a)
{
	struct journal *j;
	enum mend_rc rc = MEND_OK;
	bool low = false;

	if (a->npos == 2)
		rc = journey_check_contact_mode(a->pos[1], &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = a->npos == 1 ? cli_journal_read(c) : cli_journal(c)))
		return 1;
	if (a->npos == 2)
		rc = journey_set_contact_mode(j, a->pos[1], &c->err);
	if (rc == MEND_OK)
		rc = journey_contact_low(j, &low, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("%s%s\n", a->npos == 2 ? "Saved: contact-mode = " : "",
	       low ? "low" : "none");
	if (a->npos == 2 && low)
		printf("The count now tracks contact beyond what is necessary: "
		       "log necessary contact with --necessary and it never "
		       "restarts.\n");
	return 0;
}

/* How long an unlocked journal's key is kept in the keyring; a change
 * applies to the key kept now as well. */
static int config_unlock_minutes(struct cli *c, const struct args *a)
{
	struct journal *j;
	enum mend_rc rc = MEND_OK;
	int v = 0;

	if (a->npos == 2 &&
	    (rc = keyring_check_minutes(a->pos[1], &v, &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = a->npos == 1 ? cli_journal_read(c) : cli_journal(c)))
		return 1;
	if (a->npos == 1) {
		printf("%d\n", cli_unlock_minutes(j));
		return 0;
	}
	rc = journal_set_setting(j, KEYRING_SETTING, a->pos[1], &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (cli_journal_is_encrypted(j))
		keyring_touch(store_crypt_id(j->st), v);
	printf("Saved: unlock-minutes = %d\n", v);
	return 0;
}

/* The full-screen journal's idle lock, checked before the journal is
 * opened so a bad value writes nothing. */
static int config_lock_minutes(struct cli *c, const struct args *a)
{
	struct journal *j;
	enum mend_rc rc;
	int v = 0;

	if (a->npos == 2 &&
	    (rc = session_lock_check_minutes(a->pos[1], &v, &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = a->npos == 1 ? cli_journal_read(c) : cli_journal(c)))
		return 1;
	if (a->npos == 1) {
		printf("%d\n", session_lock_minutes(j));
		return 0;
	}
	if ((rc = session_lock_set_minutes(j, a->pos[1], &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved: lock-minutes = %d\n", v);
	return 0;
}

/* Whether the desktop's Secret Service keeps the key too: on stores it
 * there at once (asking the passphrase when the journal is locked), off
 * forgets it there. */
static int config_secret_service(struct cli *c, const struct args *a)
{
	struct journal *j;
	enum mend_rc rc = MEND_OK;
	bool on = false;

	if (a->npos == 2 && strcmp(a->pos[1], "on") != 0 &&
	    strcmp(a->pos[1], "off") != 0)
		return cli_usage_error(c,
				       "secret-service: '%.32s' is not one of "
				       "on, off",
				       a->pos[1]);
	if (a->npos == 1) {
		if (!(j = cli_journal_read(c)))
			return 1;
		printf("%s\n", session_lock_uses_desktop(j) ? "on" : "off");
		return 0;
	}
	on = strcmp(a->pos[1], "on") == 0;
	if (!(j = cli_journal(c)))
		return 1;
	if ((rc = session_lock_set_desktop(j, on, &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved: secret-service = %s\n", on ? "on" : "off");
	printf(on ? "Your desktop's keyring now keeps the journal's key: "
		    "commands and the\nfull-screen journal open it without "
		    "asking while you are logged in,\nuntil 'mend lock'.\n"
		  : "The desktop's keyring no longer keeps the journal's "
		    "key.\n");
	return 0;
}

static int run_config(struct cli *c, const struct args *a)
{
	struct journal *j;
	enum mend_rc rc;
	int v = 0;

	if (a->npos == 0) {
		char line[CHECKIN_CRISIS_MAX + 1];
		if (!(j = cli_journal_read(c)))
			return 1;
		rc = checkin_crisis_line(j, line, sizeof line, &c->err);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		printf("day-start-hour = %d\ngoal = %d\n", j->day_start_hour,
		       j->goal_days);
		if (*line)
			printf("crisis-line = %s\n", line);
		char at[REMIND_AT_LEN];
		bool on;
		if ((rc = remind_settings(j, &on, at, &c->err)) != MEND_OK)
			return cli_fail(c, rc);
		printf("remind = %s\nremind-at = %s\n", on ? "on" : "off", at);
		if ((rc = journey_contact_low(j, &on, &c->err)) != MEND_OK)
			return cli_fail(c, rc);
		printf("contact-mode = %s\n", on ? "low" : "none");
		if (cli_journal_is_encrypted(j))
			printf("unlock-minutes = %d\n", cli_unlock_minutes(j));
		if (cli_journal_is_encrypted(j))
			printf("lock-minutes = %d\nsecret-service = %s\n",
			       session_lock_minutes(j),
			       session_lock_uses_desktop(j) ? "on" : "off");
		return 0;
	}
	if (strcmp(a->pos[0], "remind") == 0 ||
	    strcmp(a->pos[0], "remind-at") == 0)
		return config_remind(c, a, a->pos[0][6] == '-');
	if (strcmp(a->pos[0], "crisis-line") == 0)
		return config_crisis_line(c, a);
	if (strcmp(a->pos[0], "quick-tags") == 0)
		return config_quick_tags(c, a);
	if (strcmp(a->pos[0], "contact-mode") == 0)
		return config_contact_mode(c, a);
	if (strcmp(a->pos[0], "lock-minutes") == 0)
		return config_lock_minutes(c, a);
	if (strcmp(a->pos[0], "unlock-minutes") == 0)
		return config_unlock_minutes(c, a);
	if (strcmp(a->pos[0], "secret-service") == 0)
		return config_secret_service(c, a);
	if (strcmp(a->pos[0], "day-start-hour") != 0 &&
	    strcmp(a->pos[0], "goal") != 0)
		return cli_usage_error(c, "key: '%.40s' is not one of "
					  "day-start-hour, goal, crisis-line, "
					  "remind, remind-at, quick-tags, "
					  "contact-mode, unlock-minutes, "
					  "lock-minutes, secret-service",
					  a->pos[0]);
	if (!(j = a->npos == 1 ? cli_journal_read(c) : cli_journal(c)))
		return 1;
	if (a->npos == 1) {
		printf("%d\n", strcmp(a->pos[0], "goal") == 0 ? j->goal_days
							       : j->day_start_hour);
		return 0;
	}
	rc = args_int(a->pos[0], a->pos[1], &v, &c->err);
	if (rc == MEND_OK)
		rc = strcmp(a->pos[0], "goal") == 0
			     ? nocontact_start(j, NULL, v, NULL, &c->err)
			     : journal_set_day_start(j, v, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Saved: %s = %d\n", a->pos[0], v);
	return 0;
}

const struct command cmd_config = {
	.name = "config",
	.run = run_config,
	.opts = config_opts,
	.max_pos = 2,
	.pos_values = {VAL_CONFIG_KEY},
	.usage = "mend config [KEY [VALUE]]",
	.summary = "show or change settings",
	.help = "Show every setting, one setting, or change one.\n"
		"\n"
		"  day-start-hour N   the hour (0..23) a new journal day begins;\n"
		"                     default 4, so 1 a.m. still counts as the\n"
		"                     evening before\n"
		"  goal N             days of no contact to aim for, 1..3650\n"
		"  crisis-line TEXT   a local crisis line (name and number), shown\n"
		"                     with the note after hard days; one line of\n"
		"                     at most 200 bytes (\"\" removes it)\n"
		"  remind on|off      the daily nudge of 'mend remind' (on)\n"
		"  remind-at HH:MM    when the desktop reminder comes (20:30)\n"
		"  quick-tags LIST    the tags the check-in offers as toggles,\n"
		"                     separated by commas (\"sleep,work,friends\");\n"
		"                     at most 12, each a word of letters, digits,\n"
		"                     - and _ (\"\" goes back to the default set)\n"
		"  contact-mode none|low  none (the default): no contact is the\n"
		"                     aim; low: someone you must stay in touch\n"
		"                     with (children, work), and the count tracks\n"
		"                     contact beyond what is necessary\n"
		"  unlock-minutes N   how long an encrypted journal stays unlocked\n"
		"                     after the passphrase (the key kept in the\n"
		"                     session keyring), 0..1440; 15 by default, 0\n"
		"                     asks every time\n"
		"  lock-minutes N     minutes without a key before the full-screen\n"
		"                     journal locks an encrypted journal, 0..1440;\n"
		"                     10 by default, 0 never by itself\n"
		"  secret-service on|off  also keep an encrypted journal's key in\n"
		"                     the desktop's keyring (GNOME Keyring,\n"
		"                     KeePassXC), unlocked by your login, until\n"
		"                     'mend lock' (off by default)\n",
};
