/* SPDX-License-Identifier: MIT */
/* Dispatch: global options, the command table, help, and the error path
 * every command shares. */
#include "cli.h"

#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../ui/ui.h"
#include "crypt_cli.h"
#include "mend/utf8.h"

static const struct command *const commands[] = {
	&cmd_checkin, &cmd_status,  &cmd_start,  &cmd_contact, &cmd_urge,
	&cmd_pause,   &cmd_profile, &cmd_slip,   &cmd_reasons, &cmd_people,
	&cmd_unsent,  &cmd_seal,    &cmd_reflect, &cmd_accept, &cmd_grow,
	&cmd_decide,  &cmd_prompt,  &cmd_prompts, &cmd_list,   &cmd_tags,   &cmd_show,
	&cmd_edit,    &cmd_delete,  &cmd_periods, &cmd_export, &cmd_import,
	&cmd_path,    &cmd_today,   &cmd_intend, &cmd_lookback,
	&cmd_config,  &cmd_remind,  &cmd_completions, &cmd_star,
	&cmd_exercise, &cmd_clarity,
	&cmd_insights, &cmd_week,
	&cmd_encrypt, &cmd_decrypt, &cmd_passphrase, &cmd_unlock, &cmd_lock,
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

const struct command *const *cli_commands(size_t *n)
{
	*n = sizeof commands / sizeof commands[0];
	return commands;
}

static void print_main_help(FILE *f)
{
	fputs("usage: mend [--db PATH] [COMMAND [ARGS]]\n"
	      "\n"
	      "mend is a private journal for the days after a breakup. Run it\n"
	      "with no command on a terminal for the full-screen journal, or\n"
	      "use one of these commands:\n"
	      "\n",
	      f);
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-11s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\n"
	      "Options for every command:\n"
	      "  --db PATH     use the journal at PATH (also: MEND_DB)\n"
	      "  -h, --help    show help (mend COMMAND --help for one command)\n"
	      "  --version     show mend's version\n"
	      "  --draw-once   draw the first full-screen page and leave (for\n"
	      "                timing the start on a large journal);\n"
	      "                --draw-once=insights:PAGE draws an Insights\n"
	      "                page (mood, year, space, helps, urges, back,\n"
	      "                then, week)\n"
	      "\n"
	      "The journal lives in $XDG_DATA_HOME/mend/journal.db\n"
	      "(~/.local/share/mend/journal.db) and never leaves this machine.\n"
	      "See mend(1) for more.\n",
	      f);
}

static void print_command_help(FILE *f, const struct command *cmd)
{
	fprintf(f, "usage: %s\n\n%s", cmd->usage, cmd->help);
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

/* Write a message on one line of stderr. What the user typed may be in
 * it, so control characters (a terminal escape, a newline) and bytes that
 * are not UTF-8 are shown as '?' instead of reaching the terminal. */
static void put_clean(const char *msg)
{
	size_t n = strlen(msg);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(msg + i, n - i, &cp);
		if (k == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
			fputc('?', stderr);
			i += k ? k : 1;
		} else {
			fwrite(msg + i, 1, k, stderr);
			i += k;
		}
	}
	fputc('\n', stderr);
}

void cli_print_error(const struct cli *c, const char *msg)
{
	if (c->cmd)
		fprintf(stderr, "mend %s: ", c->cmd);
	else
		fputs("mend: ", stderr);
	put_clean(msg);
}

int cli_fail(struct cli *c, enum mend_rc rc)
{
	cli_print_error(c, c->err.msg[0] ? c->err.msg : mend_rc_str(rc));
	c->exit_code = mend_rc_exit(rc);
	return c->exit_code;
}

int cli_usage_error(struct cli *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_print_error(c, msg);
	c->exit_code = 2;
	return 2;
}

static struct journal *open_journal(struct cli *c, bool create)
{
	if (!c->j) {
		enum mend_rc rc =
		    create ? journal_open(&c->j, c->db, &c->err)
			   : journal_open_read(&c->j, c->db, &c->err);
		if (rc != MEND_OK) {
			cli_fail(c, rc);
			c->j = NULL;
		} else if (cli_unlock(c, c->j, true) != 0) {
			/* an encrypted journal that stayed locked */
			journal_close(c->j);
			c->j = NULL;
		}
	}
	return c->j;
}

struct journal *cli_journal(struct cli *c)
{
	return open_journal(c, true);
}

struct journal *cli_journal_read(struct cli *c)
{
	return open_journal(c, false);
}

/* Pull "--db PATH" / "--db=PATH" out of a command's arguments, so that
 * it works after the command name as well as before. */
static int take_db(struct cli *c, int *argc, char **argv)
{
	int out = 0;
	for (int i = 0; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= *argc)
				return cli_usage_error(
					c, "option '--db' needs a path");
			c->db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c->db = argv[i] + 5;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	return 0;
}

/* The core's warning (a prompts file it could not load), once per run,
 * after the command's own output. Bad input (exit 2) keeps its one line
 * on stderr: that line is what needs fixing first, and the warning comes
 * again on the next run. */
static void warn_once(const struct cli *c, int rc)
{
	const char *w = c->j ? content_warning(c->j->content) : NULL;
	if (!w || rc == 2)
		return;
	fputs("mend: warning: ", stderr);
	put_clean(w);
}

/* Bad input writes nothing, not even a new, empty journal: when this
 * run created the file and then failed (refused its input, or an import
 * that imported nothing), the file goes again. */
static void forget_if_unused(struct cli *c, int rc)
{
	bool empty = false;
	if (rc == 0 || !c->j || !store_created(c->j->st) ||
	    store_is_empty(c->j->st, &empty, NULL) != MEND_OK || !empty)
		return;
	char *path = strdup(store_path(c->j->st));
	journal_close(c->j);
	c->j = NULL;
	if (path)
		unlink(path);
	free(path);
}

/* Standard output may be closed or full. When that loses a read, it is
 * a failure; when the write was already saved, saying it failed would
 * send a script to save it again: it is saved, exit 0, and stderr says
 * the confirmation is missing. */
static int finish_output(struct cli *c, int rc, bool saved)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (rc != 0)
		return rc;
	if (saved) {
		cli_print_error(c, "saved, but could not print the "
				   "confirmation (standard output is closed "
				   "or full)");
		return 0;
	}
	cli_print_error(c, "cannot write the output");
	return 1;
}

int cli_main(int argc, char **argv)
{
	struct cli c;
	struct args a;
	const struct command *cmd;
	int i = 1, rc, draw_once = 0;
	const char *draw_at = NULL;

	memset(&c, 0, sizeof c);
	cli_read_text_for(&c);
	umask(077);
	/* for the columns of what is listed; numbers stay in the C locale */
	setlocale(LC_CTYPE, "");
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_main_help(stdout);
			return finish_output(&c, 0, false);
		} else if (strcmp(argv[i], "--version") == 0 ||
			   strcmp(argv[i], "-V") == 0) {
			printf("mend %s\n", MEND_VERSION);
			return finish_output(&c, 0, false);
		} else if (strcmp(argv[i], "--draw-once") == 0) {
			draw_once = 1;
		} else if (strncmp(argv[i], "--draw-once=", 12) == 0) {
			draw_once = 1;
			draw_at = argv[i] + 12;
			if (!ui_screen_known(draw_at))
				return cli_usage_error(
				    &c,
				    "--draw-once: '%.40s' is not a screen to "
				    "draw; use insights:PAGE, PAGE one of mood, "
				    "year, space, helps, urges, back, then, week",
				    draw_at);
		} else if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(
				    &c, "option '--db' needs a path");
			c.db = argv[++i];
		} else if (strcmp(argv[i], "--") == 0) {
			/* the end of mend's own options: a command follows */
			i++;
			break;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c.db = argv[i] + 5;
		} else {
			return cli_usage_error(&c,
					       "unknown option '%.60s'; see 'mend "
					       "--help'",
					       argv[i]);
		}
	}
	if (i == argc) {
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
			return ui_main_at(c.db, draw_once, draw_at);
		fputs("mend: not a terminal, so there is no full-screen journal "
		      "to open; give a command.\n\n",
		      stderr);
		print_main_help(stderr);
		return 2;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 < argc && (cmd = find_command(argv[i + 1]))) {
			print_command_help(stdout, cmd);
			return 0;
		}
		if (i + 1 < argc)
			return cli_usage_error(&c,
					       "'%.60s' is not a mend command; "
					       "see 'mend --help'",
					       argv[i + 1]);
		print_main_help(stdout);
		return 0;
	}
	cmd = find_command(argv[i]);
	if (!cmd)
		return cli_usage_error(&c,
				       "'%.60s' is not a mend command; see 'mend "
				       "--help'",
				       argv[i]);
	c.cmd = cmd->name;
	argc -= i + 1;
	argv += i + 1;
	rc = take_db(&c, &argc, argv);
	if (rc)
		return rc;
	if (args_parse(cmd->opts, cmd->max_pos, argc, argv, &a, &c.err) !=
	    MEND_OK)
		return cli_usage_error(&c, "%s; see 'mend %s --help'",
				       c.err.msg, cmd->name);
	if (a.help) {
		print_command_help(stdout, cmd);
		return finish_output(&c, 0, false);
	}
	rc = cmd->run(&c, &a);
	if (rc != 0 && c.exit_code != 0)
		rc = c.exit_code;
	warn_once(&c, rc);
	forget_if_unused(&c, rc);
	bool saved = c.j && store_wrote(c.j->st);
	journal_close(c.j);
	return finish_output(&c, rc, saved);
}
