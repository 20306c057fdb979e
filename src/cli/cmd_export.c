/* SPDX-License-Identifier: MIT */
/* `mend export` and `mend import`: the journal in and out as JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "mend/export.h"
#include "mend/import.h"
#include "export_seal.h"

static const struct opt_spec export_opts[] = {
	{"output", 'o', VAL_FILE}, {"format", 'f', VAL_FORMAT}, {"since", 0, VAL_DATE},
	{"until", 0, VAL_DATE},    {"module", 'm', VAL_MODULE}, {"pseudonym", 0, true},
	{"encrypt", 0, false},     {"encrypt-to", 0, VAL_TEXT},
	{"encrypt-to-file", 0, VAL_FILE},
	{NULL, 0, false},
};

static int run_export(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_export;
	const char *fmt = args_get(cmd->opts, a, "format");
	const char *mod = args_get(cmd->opts, a, "module");
	const char *path = args_get(cmd->opts, a, "output");
	struct export_options o = {.format = EXPORT_JSON,
				   .since = args_get(cmd->opts, a, "since"),
				   .until = args_get(cmd->opts, a, "until"),
				   .module = -1,
				   .pseudonym = args_get(cmd->opts, a, "pseudonym")};
	struct export_counts counts;
	struct export_seal seal;
	struct journal *j;
	enum mend_rc rc;
	int ret;

	if (fmt && !export_format_from_name(fmt, &o.format))
		return cli_fail(c, mend_err_set(&c->err, MEND_EINVAL,
						"format: '%.32s' is not one of "
						"json, jrnl, jrnl-text, "
						"markdown",
						fmt));
	if (mod && !cli_module(c, mod, &o.module))
		return c->exit_code;
	if (path && !*path)
		return cli_usage_error(c, "output: empty; give a file name");
	if ((ret = cli_export_seal_options(c, a, path, &seal)) != 0)
		return ret;
	if (!(j = cli_journal_read(c)))
		return 1;
	char since[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN];
	rc = cli_day_span_opt(j, "since", o.since, false, since, &o.since,
			      &c->err);
	if (rc == MEND_OK)
		rc = cli_day_span_opt(j, "until", o.until, true, until,
				      &o.until, &c->err);
	if (rc == MEND_OK)
		rc = export_check(&o, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	/* the passphrase is asked once the options are known to be good */
	if ((ret = cli_export_seal_begin(c, j, &seal, &o)) != 0)
		return ret;
	if (path) {
		rc = export_to_file(j, &o, path, &counts, &c->err);
		cli_export_seal_end(&seal);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		printf("Exported %ld entr%s and %ld no-contact period%s to %s%s.\n",
		       counts.entries, counts.entries == 1 ? "y" : "ies",
		       counts.periods, counts.periods == 1 ? "" : "s", path,
		       o.seal ? ", sealed with age" : "");
		return 0;
	}
	o.terminal = isatty(STDOUT_FILENO);
	rc = export_write(j, &o, stdout, &counts, &c->err);
	cli_export_seal_end(&seal);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

const struct command cmd_export = {
	.name = "export",
	.run = run_export,
	.opts = export_opts,
	.max_pos = 0,
	.usage = "mend export [-o FILE] [--format json|jrnl|jrnl-text|markdown] "
		 "[--since DATE] [--until DATE] [--module M] [--pseudonym NAME] "
		 "[--encrypt | --encrypt-to R | --encrypt-to-file FILE]",
	.summary = "write the journal out as JSON, jrnl JSON or Markdown",
	.help = "Write the journal to standard output, or to FILE. The file is\n"
		"written beside its final name, synced, then renamed into place\n"
		"(mode 0600), so an interrupted export never leaves half a file.\n"
		"A FIFO or a device is written directly; the journal itself is\n"
		"refused.\n"
		"\n"
		"  -o, --output FILE     write to FILE instead of standard output\n"
		"  -f, --format F        json (everything, for backups and 'mend\n"
		"                        import'; the default), jrnl (jrnl's JSON\n"
		"                        shape), jrnl-text (a journal file jrnl\n"
		"                        reads itself; 'mend import --format\n"
		"                        jrnl-text' reads it back) or markdown\n"
		"                        (for reading)\n"
		"      --since DATE      entries from this day on: YYYY-MM-DD, a\n"
		"                        month (YYYY-MM), a year, today,\n"
		"                        yesterday or N days ago (-Nd)\n"
		"      --until DATE      entries up to and including this day\n"
		"                        (or the last day of a month or year)\n"
		"  -m, --module M        only this module's entries\n"
		"      --pseudonym NAME  write NAME wherever their name (set with\n"
		"                        'mend start --name') appears\n"
		"      --encrypt         seal the export with a passphrase, in\n"
		"                        age's format ('age -d' opens it, and so\n"
		"                        does 'mend import')\n"
		"      --encrypt-to R    seal it to age recipients (age1... or SSH\n"
		"                        public keys, separated by commas)\n"
		"      --encrypt-to-file FILE\n"
		"                        the same, for the recipients in FILE\n"
		"\n"
		"An encrypted journal exported without one of these is plaintext,\n"
		"and mend says so on standard error.\n",
};

static const struct opt_spec import_opts[] = {
	{"dry-run", 'n', false},
	{"identity", 'i', VAL_FILE},
	{NULL, 0, false},
};

static int run_import(struct cli *c, const struct args *a)
{
	struct import_report rep;
	bool dry = args_get(cmd_import.opts, a, "dry-run") != NULL;
	struct journal *j;
	enum mend_rc rc;

	if (a->npos != 1)
		return cli_usage_error(c, "file: missing; give the export to "
					  "import, or '-' for standard input");
	FILE *f = strcmp(a->pos[0], "-") == 0 ? stdin : fopen(a->pos[0], "rb");
	if (!f)
		return cli_fail(c, mend_err_set(&c->err, MEND_EINVAL,
						"file: cannot open %s: %s",
						a->pos[0], strerror(errno)));
	char *data = NULL;
	size_t len = 0;
	int ret;
	memset(&rep, 0, sizeof rep);
	rc = import_read(f, a->pos[0], &data, &len, &c->err);
	if (f != stdin)
		fclose(f);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	/* an age file is opened in memory first; the plaintext never
	 * reaches the disk */
	if ((ret = cli_import_open_age(c, args_get(cmd_import.opts, a,
						   "identity"),
				       &data, &len)) != 0) {
		free(data);
		return ret;
	}
	if (!(j = dry ? cli_journal_read(c) : cli_journal(c))) {
		age_free(data, len);
		return 1;
	}
	rc = import_buffer(j, data, len, dry, &rep, &c->err);
	age_free(data, len);
	if (rc == MEND_EBADFILE && rep.n_problems > 0) {
		for (int i = 0; i < rep.n_problems; i++)
			cli_print_error(c, rep.problems[i]);
		if (rep.more_problems)
			cli_print_error(c, "(and more; the first ones are shown)");
		cli_print_error(c, "nothing was imported.");
		c->exit_code = 1;
		return 1;
	}
	if (rc != MEND_OK) {
		cli_fail(c, rc);
		if (rc == MEND_ENEWER || rc == MEND_EBADFILE)
			cli_print_error(c, "nothing was imported.");
		return c->exit_code;
	}
	printf("%s %s: %ld added, %ld updated, %ld unchanged.\n",
	       dry ? "Dry run, nothing was written. Would import" : "Imported",
	       rep.source == IMPORT_JRNL	? "a jrnl export"
	       : rep.source == IMPORT_JRNL_TEXT ? "a jrnl journal"
						: "a mend export",
	       rep.added, rep.updated, rep.unchanged);
	return 0;
}

const struct command cmd_import = {
	.name = "import",
	.run = run_import,
	.opts = import_opts,
	.max_pos = 1,
	.pos_values = {VAL_FILE},
	.usage = "mend import FILE|- [--dry-run] [--identity FILE]",
	.summary = "merge a mend or jrnl export into the journal",
	.help = "Import a mend JSON export (version 1), a jrnl JSON export, or\n"
		"a jrnl journal file (plain text, as jrnl keeps it or 'mend\n"
		"export --format jrnl-text' writes it).\n"
		"The whole file is checked first: any problem is listed (up to\n"
		"20, with where it is, as in 'entries[41].mood: 11 is not in\n"
		"1..10') and nothing is written. Then every record is merged by\n"
		"its id in one transaction: identical ones are skipped, and of\n"
		"two different versions the one changed last wins. jrnl entries\n"
		"become reflections, their tags and stars kept.\n"
		"\n"
		"An export sealed with age ('mend export --encrypt' or\n"
		"'--encrypt-to') is opened in memory: with the passphrase it was\n"
		"sealed with (asked, or from MEND_PASSPHRASE_COMMAND run with\n"
		"MEND_PASSPHRASE_FOR=import), or with --identity.\n"
		"\n"
		"  -n, --dry-run        count what would change, write nothing\n"
		"  -i, --identity FILE  the age identity file (age-keygen's key)\n"
		"                       that opens an export sealed to its\n"
		"                       recipient\n",
};
