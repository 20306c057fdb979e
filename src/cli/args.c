/* SPDX-License-Identifier: MIT */
/* Table-driven option parsing for the command line. */
#include "args.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int find_long(const struct opt_spec *spec, const char *name, size_t len)
{
	for (int i = 0; spec[i].name; i++)
		if (strlen(spec[i].name) == len &&
		    strncmp(spec[i].name, name, len) == 0)
			return i;
	return -1;
}

static int find_short(const struct opt_spec *spec, char c)
{
	for (int i = 0; spec[i].name; i++)
		if (spec[i].short_name && spec[i].short_name == c)
			return i;
	return -1;
}

enum mend_rc args_parse(const struct opt_spec *spec, int max_pos, int argc,
			char **argv, struct args *out, struct mend_err *err)
{
	bool only_pos = false;

	memset(out, 0, sizeof *out);
	if (max_pos > ARGS_MAX_POS)
		max_pos = ARGS_MAX_POS;
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		const char *value = NULL;
		int idx;

		if (only_pos || arg[0] != '-' || arg[1] == '\0') {
			if (out->npos >= max_pos)
				return mend_err_set(err, MEND_EINVAL,
						    "unexpected argument '%.60s'",
						    arg);
			out->pos[out->npos++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			out->help = true;
			return MEND_OK;
		}
		if (arg[1] == '-') {
			const char *name = arg + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			idx = find_long(spec, name, len);
			if (idx < 0)
				return mend_err_set(err, MEND_EINVAL,
						    "unknown option '--%.*s'",
						    (int)(len > 60 ? 60 : len),
						    name);
			if (eq) {
				if (!spec[idx].takes_value)
					return mend_err_set(
						err, MEND_EINVAL,
						"option '--%s' takes no value",
						spec[idx].name);
				value = eq + 1;
			}
		} else {
			if (arg[2] != '\0')
				return mend_err_set(err, MEND_EINVAL,
						    "unknown option '%.60s' (short "
						    "options go one at a time)",
						    arg);
			idx = find_short(spec, arg[1]);
			if (idx < 0)
				return mend_err_set(err, MEND_EINVAL,
						    "unknown option '-%c'",
						    arg[1]);
		}
		if (spec[idx].takes_value && !value) {
			if (i + 1 >= argc)
				return mend_err_set(err, MEND_EINVAL,
						    "option '--%s' needs a value",
						    spec[idx].name);
			value = argv[++i];
		}
		if (idx >= ARGS_MAX_OPTS)
			return mend_err_set(err, MEND_EINVAL,
					    "too many options in the table");
		if (out->value[idx] && !OPT_REPEATS(&spec[idx]))
			return mend_err_set(err, MEND_EINVAL,
					    "option '--%s' is given twice",
					    spec[idx].name);
		if (OPT_REPEATS(&spec[idx]) &&
		    out->nrep >= ARGS_MAX_REPEAT)
			return mend_err_set(err, MEND_EINVAL,
					    "option '--%s' is given more than "
					    "%d times",
					    spec[idx].name, ARGS_MAX_REPEAT);
		if (OPT_REPEATS(&spec[idx]))
			out->rep[out->nrep++] = value;
		if (out->value[idx])
			continue;
		out->value[idx] = value ? value : "";
	}
	return MEND_OK;
}

const char *args_get(const struct opt_spec *spec, const struct args *a,
		     const char *name)
{
	for (int i = 0; spec[i].name && i < ARGS_MAX_OPTS; i++)
		if (strcmp(spec[i].name, name) == 0)
			return a->value[i];
	return NULL;
}

enum mend_rc args_int(const char *field, const char *s, int *out,
		      struct mend_err *err)
{
	char *end;
	long v;

	errno = 0;
	if (!s || !*s || !((*s >= '0' && *s <= '9') || *s == '-' || *s == '+'))
		goto bad;
	v = strtol(s, &end, 10);
	if (*end || end == s || errno == ERANGE || v < INT_MIN || v > INT_MAX)
		goto bad;
	*out = (int)v;
	return MEND_OK;
bad:
	return mend_err_set(err, MEND_EINVAL, "%s: '%.40s' is not a whole number",
			    field, s ? s : "");
}
