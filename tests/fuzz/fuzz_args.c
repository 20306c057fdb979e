/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the command-line option parser.
 *
 * The input is split at its NUL bytes into an argv of at most 32
 * arguments, parsed against tables like the commands' (flags, values,
 * short names; one with more entries than ARGS_MAX_OPTS) with several
 * positional limits. On success every value must be "" for a flag or
 * point into argv for an option with a value, and args_get must agree
 * with the table; args_int is run on every value and positional argument
 * and checked against a simple parser of its own; help is set only when
 * -h or --help is among the arguments. Broken rules abort(). */
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 32

/* Copies of the commands' tables (src/cli/cmd_*.c). */
static const struct opt_spec checkin_opts[] = {
	{"mood", 'm', true},      {"urge", 'u', true}, {"contact", 0, false},
	{"no-contact", 0, false}, {"note", 'n', true}, {"date", 'd', true},
	{NULL, 0, false},
};
static const struct opt_spec list_opts[] = {
	{"module", 'm', true}, {"since", 0, true},  {"until", 0, true},
	{"search", 's', true}, {"limit", 'n', true}, {"json", 0, false},
	{NULL, 0, false},
};
static const struct opt_spec export_opts[] = {
	{"output", 'o', true}, {"format", 'f', true}, {"since", 0, true},
	{"until", 0, true},    {"module", 'm', true}, {"pseudonym", 0, true},
	{NULL, 0, false},
};
static const struct opt_spec contact_opts[] = {
	{"by", 0, true},     {"channel", 'c', true}, {"necessary", 0, false},
	{"note", 'n', true}, {NULL, 0, false},
};
static const struct opt_spec delete_opts[] = {
	{"yes", 'y', false},
	{NULL, 0, false},
};
static const struct opt_spec empty_opts[] = {
	{NULL, 0, false},
};
/* More entries than a struct args can hold: the parser must refuse the
 * ones past ARGS_MAX_OPTS, not write past its arrays. */
static const struct opt_spec big_opts[] = {
	{"a0", 'a', false}, {"a1", 'b', true},  {"a2", 0, false},
	{"a3", 0, true},    {"a4", 0, false},   {"a5", 0, true},
	{"a6", 0, false},   {"a7", 0, true},    {"a8", 0, false},
	{"a9", 0, true},    {"a10", 0, false},  {"a11", 0, true},
	{"a12", 0, false},  {"a13", 0, true},   {"a14", 0, false},
	{"a15", 'p', true}, {"a16", 'q', true}, {"a17", 'r', false},
	{"x", 'x', true},   {NULL, 0, false},
};

static const struct {
	const struct opt_spec *spec;
	int max_pos;
} tables[] = {
	{checkin_opts, 0}, {list_opts, 0},   {export_opts, 1},
	{contact_opts, 0}, {delete_opts, 1}, {empty_opts, 1},
	{empty_opts, 2},   {big_opts, 3},    {list_opts, 8},
	{export_opts, 20}, {checkin_opts, -1},
};

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz_args: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Optional sign, then digits only, within int range. */
static bool my_int(const char *s, int *out)
{
	long long v = 0;
	bool neg = false;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
		if (v > (long long)INT_MAX + 1)
			return false;
	}
	if (neg)
		v = -v;
	if (v < INT_MIN || v > INT_MAX)
		return false;
	*out = (int)v;
	return true;
}

static void check_int(const char *s)
{
	struct mend_err err = {{0}};
	int got = 12345, want = 0;
	enum mend_rc rc = args_int("field", s, &got, &err);
	bool ok = my_int(s, &want);

	if ((rc == MEND_OK) != ok)
		fail("args_int('%s'): %s, expected %s", s, mend_rc_str(rc),
		     ok ? "a number" : "an error");
	if (ok && got != want)
		fail("args_int('%s'): %d, expected %d", s, got, want);
	if (!ok && (rc != MEND_EINVAL || !err.msg[0]))
		fail("args_int('%s'): failed without a message", s);
}

static bool in_buf(const char *p, const char *buf, size_t len)
{
	return p >= buf && p <= buf + len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	char *argv[MAX_ARGS + 1];
	int argc = 0;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	/* the pieces between NULs are the arguments; a trailing NUL does
	 * not make an empty last one */
	for (size_t at = 0; at < size && argc < MAX_ARGS;) {
		argv[argc++] = buf + at;
		at += strlen(buf + at) + 1;
	}
	argv[argc] = NULL;

	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		const struct opt_spec *spec = tables[t].spec;
		int max_pos = tables[t].max_pos;
		struct args a;
		struct mend_err err = {{0}};
		enum mend_rc rc;
		int n = 0;

		while (spec[n].name)
			n++;
		memset(&a, 0x5a, sizeof a);
		rc = args_parse(spec, max_pos, argc, argv, &a, &err);
		if (rc != MEND_OK) {
			if (rc != MEND_EINVAL || !err.msg[0] ||
			    !memchr(err.msg, '\0', sizeof err.msg))
				fail("args_parse: %s without a message",
				     mend_rc_str(rc));
			continue;
		}
		if (a.help) {
			bool seen = false;
			for (int k = 0; k < argc; k++)
				seen |= strcmp(argv[k], "-h") == 0 ||
					strcmp(argv[k], "--help") == 0;
			if (!seen)
				fail("help without -h or --help");
		}
		int limit = max_pos < 0 ? 0 : max_pos;
		if (limit > ARGS_MAX_POS)
			limit = ARGS_MAX_POS;
		if (a.npos < 0 || a.npos > limit)
			fail("args_parse: %d positional arguments, at most %d",
			     a.npos, limit);
		for (int k = 0; k < a.npos; k++) {
			if (!in_buf(a.pos[k], buf, size))
				fail("positional %d points outside argv", k);
			check_int(a.pos[k]);
		}
		for (int k = 0; k < n && k < ARGS_MAX_OPTS; k++) {
			const char *v = a.value[k];
			if (args_get(spec, &a, spec[k].name) != v)
				fail("args_get(%s) disagrees", spec[k].name);
			if (!v)
				continue;
			if (!spec[k].takes_value && strcmp(v, "") != 0)
				fail("flag --%s has the value '%s'",
				     spec[k].name, v);
			if (spec[k].takes_value && !in_buf(v, buf, size))
				fail("--%s: value outside argv", spec[k].name);
			check_int(v);
		}
		for (int k = ARGS_MAX_OPTS; k < n; k++)
			if (args_get(spec, &a, spec[k].name))
				fail("args_get(%s): a value past ARGS_MAX_OPTS",
				     spec[k].name);
		if (args_get(spec, &a, "no-such-option"))
			fail("args_get of an unknown name");
	}
	check_int("");
	free(buf);
	return 0;
}
