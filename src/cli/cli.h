/* SPDX-License-Identifier: MIT */
/* The command line: the shared context of one invocation, the command
 * table's shape, and helpers every command uses (opening the journal,
 * reading text, reporting errors). Each command group lives in its own
 * cmd_*.c file and only calls the core. */
#ifndef MEND_CLI_H
#define MEND_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "args.h"
#include "mend/entry.h"
#include "mend/journal.h"

struct cli {
	const char *db;    /* --db PATH, or NULL for MEND_DB / the default */
	struct journal *j; /* opened by cli_journal, closed by cli_main */
	const char *cmd;   /* the command's name, for messages */
	struct mend_err err;
	int exit_code;     /* set by cli_fail; wins over what a command returns */
};

struct command {
	const char *name;
	int (*run)(struct cli *c, const struct args *a);
	const struct opt_spec *opts; /* ends with a NULL name */
	int max_pos;
	/* what each positional argument is, for completion (VAL_FLAG, the
	 * zero, where nothing is offered) */
	enum opt_values pos_values[ARGS_MAX_POS];
	const char *usage;   /* synopsis lines, each starting "mend " */
	const char *summary; /* one line for `mend --help` */
	const char *help;    /* what it does, then its options */
};

/* The command table, in the order `mend --help` lists it; *n is its
 * length. Static storage. */
const struct command *const *cli_commands(size_t *n);

/* The keys `mend config` takes, NULL-terminated (static storage). */
extern const char *const cli_config_keys[];

/* The views `mend insights` shows and the steps --by takes,
 * NULL-terminated (static storage). */
extern const char *const cli_insights_views[];
extern const char *const cli_insights_steps[];

/* Run the command line; returns the process exit code. */
int cli_main(int argc, char **argv);

/* The journal, opened on first use (and created when there is none).
 * NULL after printing the error. */
struct journal *cli_journal(struct cli *c);

/* The same for a command that only reads: where there is no journal yet
 * nothing is created, and an empty one stands in (j->missing). */
struct journal *cli_journal_read(struct cli *c);

/* Print "mend CMD: <message>" for rc on stderr; returns the exit code. */
int cli_fail(struct cli *c, enum mend_rc rc);

/* Print "mend CMD: msg" on one line of stderr, control characters and
 * invalid UTF-8 from user input shown as '?'. */
void cli_print_error(const struct cli *c, const char *msg);

/* Print a usage error and return 2. */
int cli_usage_error(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Text for a command from its positional argument: the argument itself,
 * standard input for "-", or $VISUAL/$EDITOR on a terminal when absent
 * (initial text and a comment shown under a scissors line). *out is
 * caller-freed with free; *len is its length in bytes. */
enum mend_rc cli_read_text(const char *arg, const char *initial,
			   const char *comment, char **out, size_t *len,
			   struct mend_err *err);

/* The command line whose journal cli_read_text's editor writes for. */
void cli_read_text_for(const struct cli *c);

/* Parse an optional integer option; *out stays as it was when absent.
 * When *out holds ENTRY_NONE ("not given"), a value of ENTRY_NONE
 * itself is refused rather than read as absent. */
enum mend_rc cli_int_opt(const struct command *cmd, const struct args *a,
			 const char *name, int *out, struct mend_err *err);

/* A day option as the user wrote it (a date, a month, a year, today,
 * yesterday, N days ago; see mend/dates.h), NULL when absent, as the
 * "YYYY-MM-DD" the core takes: the first day of what it names, or the
 * last when last is true (so --until 2026-01 is 2026-01-31). "today" is
 * j's journal day. *out is buf, or NULL when s is NULL. */
enum mend_rc cli_day_span_opt(const struct journal *j, const char *field,
			      const char *s, bool last,
			      char buf[CLOCK_DATE_LEN], const char **out,
			      struct mend_err *err);

/* The same where one day is meant (start --date, checkin --date): a
 * month or a year is refused. */
enum mend_rc cli_day_opt(const struct journal *j, const char *field,
			 const char *s, char buf[CLOCK_DATE_LEN],
			 const char **out, struct mend_err *err);

/* Parse a module name given for option --module; on a bad one, print the
 * error and return false. */
bool cli_module(struct cli *c, const char *name, int *out);

/* Human-readable local time of an ISO timestamp: "2026-01-11 09:00". */
void cli_local_time(const char *iso, char buf[32]);

/* First line of text, cut at a character boundary to at most cols
 * terminal columns (as cli_put_text shows it), "..." included when cut
 * or when more lines follow; at most size bytes with its NUL. */
void cli_clip(const char *text, int cols, char *buf, size_t size);

/* Write text (n bytes, or up to its NUL) that came from the journal or a
 * prompts file. On a terminal, control characters other than newline
 * and tab are shown as cat -v does (^[ for ESC), so stored text cannot
 * move the cursor, set the title or write the clipboard; elsewhere the
 * bytes go out as they are. */
void cli_put_textn(FILE *f, const char *s, size_t n);
void cli_put_text(FILE *f, const char *s);

/* Print an entry in full, for people or as one JSON object. */
void cli_print_entry(FILE *f, struct journal *j, const struct entry *e,
		     bool json);

/* Write e to f as one JSON object on one line (no newline), the export's
 * entry shape, with "sealed": true when j still keeps the letter sealed.
 * Returns entry_json_write's result; err may be NULL. */
enum mend_rc cli_entry_json(FILE *f, struct journal *j, const struct entry *e,
			    struct mend_err *err);

/* The commands, one per file group. */
extern const struct command cmd_start, cmd_checkin, cmd_status, cmd_contact,
	cmd_urge, cmd_unsent, cmd_seal, cmd_reflect, cmd_accept, cmd_grow,
	cmd_decide, cmd_prompt, cmd_prompts, cmd_list, cmd_show, cmd_edit,
	cmd_delete, cmd_periods, cmd_config, cmd_export, cmd_import,
	cmd_completions, cmd_remind, cmd_star, cmd_tags, cmd_path, cmd_today,
	cmd_intend, cmd_lookback, cmd_exercise, cmd_clarity, cmd_pause,
	cmd_profile, cmd_slip, cmd_reasons, cmd_people,
	cmd_insights, cmd_week;
/* Encryption at rest (cmd_crypt.c). */
extern const struct command cmd_encrypt, cmd_decrypt, cmd_passphrase,
	cmd_unlock, cmd_lock;

#endif
