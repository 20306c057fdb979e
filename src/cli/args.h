/* SPDX-License-Identifier: MIT */
/* A small command-line option parser driven by a table: long options with
 * "--name value" or "--name=value", short aliases, flags, "--" and "-" as
 * an argument, and -h/--help as a flag every table has. It allocates nothing
 * and never prints, so it can be fuzzed and tested on its own. */
#ifndef MEND_CLI_ARGS_H
#define MEND_CLI_ARGS_H

#include <stdbool.h>

#include "mend/err.h"

#define ARGS_MAX_OPTS 16
#define ARGS_MAX_POS 8
#define ARGS_MAX_REPEAT 8

/* What kind of value an option or a positional argument takes, so the
 * shell completions are generated from the same table the parser reads.
 * VAL_INTERNAL takes a value and is left out of the completions (an
 * option only mend's own scripts use). VAL_FLAG is 0 and VAL_TEXT 1, so false and true still read as "a flag"
 * and "takes a value". The names are what `mend completions --values
 * KIND` takes. */
#define OPT_VALUES_LIST(X)                                                     \
	X(VAL_FLAG, "flag")                                                    \
	X(VAL_TEXT, "text")                                                    \
	X(VAL_MODULE, "modules")                                               \
	X(VAL_PROMPT_MODULE, "prompt-modules")                                 \
	X(VAL_OUTCOME, "outcomes")                                             \
	X(VAL_CHANNEL, "channels")                                             \
	X(VAL_INITIATOR, "initiators")                                         \
	X(VAL_CATEGORY, "categories")                                          \
	X(VAL_FORMAT, "formats")                                               \
	X(VAL_PROMPT, "prompts")                                               \
	X(VAL_ENTRY, "entries")                                                \
	X(VAL_TAG, "tags")                                                     \
	X(VAL_COMMAND, "commands")                                             \
	X(VAL_CONFIG_KEY, "config-keys")                                       \
	X(VAL_SHELL, "shells")                                                 \
	X(VAL_FILE, "files")                                                   \
	X(VAL_DATE, "dates")                                                   \
	X(VAL_INSIGHTS_VIEW, "insights-views")                                 \
	X(VAL_INSIGHTS_BY, "insights-steps")                                   \
	X(VAL_INTERNAL, "internal")

enum opt_values {
#define X(e, name) e,
	OPT_VALUES_LIST(X)
#undef X
};

struct opt_spec {
	const char *name; /* long name without "--"; NULL ends the table */
	char short_name;  /* 0 when none */
	/* VAL_FLAG (false) for a flag, VAL_TEXT (true) for any value, or
	 * the kind of value it takes: every kind but VAL_FLAG takes one */
	enum opt_values takes_value;
};

/* A tag option (VAL_TAG) may be given up to ARGS_MAX_REPEAT times, one
 * such option a table; every value is in args.rep. */
#define OPT_REPEATS(spec) ((spec)->takes_value == VAL_TAG)

struct args {
	const char *value[ARGS_MAX_OPTS]; /* by spec index; flags get "" */
	const char *pos[ARGS_MAX_POS];
	int npos;
	const char *rep[ARGS_MAX_REPEAT]; /* the repeatable option's values,
					   * in order (value[] has the first) */
	int nrep;
	bool help; /* -h or --help was given as an option (not as a value) */
};

/* Parse argv[0..argc) against spec (at most ARGS_MAX_OPTS entries).
 * Values point into argv. An unknown option, a missing value, a value
 * given to a flag, a repeated option or more than max_pos positional
 * arguments is MEND_EINVAL with a message naming it. -h or --help where
 * an option may stand sets help and ends the parse with MEND_OK (what
 * follows is not read); as the value of an option it is that value. */
enum mend_rc args_parse(const struct opt_spec *spec, int max_pos, int argc,
			char **argv, struct args *out, struct mend_err *err);

/* The value of option `name` (NULL when absent; "" for a present flag). */
const char *args_get(const struct opt_spec *spec, const struct args *a,
		     const char *name);

/* Parse a whole number for field: digits with an optional sign, nothing
 * else, within int range (INT_MIN..INT_MAX, both included). */
enum mend_rc args_int(const char *field, const char *s, int *out,
		      struct mend_err *err);

#endif
