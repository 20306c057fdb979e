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

struct opt_spec {
	const char *name; /* long name without "--"; NULL ends the table */
	char short_name;  /* 0 when none */
	int takes_value;  /* false, true, or ARGS_REPEAT: a value that may be
			   * given up to ARGS_MAX_REPEAT times (one such
			   * option a table), every value in args.rep */
};

#define ARGS_REPEAT 2

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
