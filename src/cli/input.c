/* SPDX-License-Identifier: MIT */
/* Getting text from the user: an argument, standard input, or an editor
 * on a temporary file (as `git commit` does), plus small parsing helpers
 * shared by the commands. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mend/dates.h"
#include "mend/journal.h"
#include "mend/external_edit.h"
#include "mend/utf8.h"

#define STDIN_MAX (64u * 1024 * 1024)
#define SCISSORS "# ------------------------ >8 ------------------------"
#define TOKEN_LEN 12 /* hex digits that make this run's scissors line */

static enum mend_rc read_all(FILE *f, char **out, size_t *len,
			     struct mend_err *err)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);

	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || n >= STDIN_MAX)
			break;
		char *grown = realloc(buf, cap * 2);
		if (!grown) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = grown;
		cap *= 2;
	}
	if (!buf)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (ferror(f)) {
		free(buf);
		return mend_err_set(err, MEND_EIO, "text: cannot read it: %s",
				    strerror(errno));
	}
	if (n >= STDIN_MAX) {
		free(buf);
		return mend_err_set(err, MEND_EINVAL,
				    "text: more than %u bytes", STDIN_MAX);
	}
	/* room for the NUL the C string needs */
	char *fit = realloc(buf, n + 1);
	if (!fit) {
		free(buf);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	fit[n] = '\0';
	*out = fit;
	*len = n;
	return MEND_OK;
}

/* A scissors line no text could hold by chance: the usual one with a
 * token of this run after it, so a line like it in the entry's own text
 * is kept whole. */
static void scissors_line(char *buf, size_t cap)
{
	unsigned char raw[TOKEN_LEN / 2];
	char token[TOKEN_LEN + 1];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, raw, sizeof raw) : -1;

	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof raw) {
		/* no urandom: the time and the pid still differ per run */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		unsigned long long v = (unsigned long long)ts.tv_nsec ^
				       ((unsigned long long)ts.tv_sec << 20) ^
				       ((unsigned long long)getpid() << 40);
		for (size_t i = 0; i < sizeof raw; i++)
			raw[i] = (unsigned char)(v >> (8 * i));
	}
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(token + 2 * i, 3, "%02x", raw[i]);
	snprintf(buf, cap, "%s %s", SCISSORS, token);
}

/* Cut text at the first line that is exactly line (with or without its
 * newline); text from an earlier line like it stays. */
static void cut_at(char *text, const char *line)
{
	size_t n = strlen(line);
	for (char *p = text; p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (strncmp(p, line, n) == 0 &&
		    (p[n] == '\n' || p[n] == '\0' ||
		     (p[n] == '\r' && (p[n + 1] == '\n' || !p[n + 1])))) {
			*p = '\0';
			return;
		}
	}
}

static const struct cli *editing_for;

void cli_read_text_for(const struct cli *c)
{
	editing_for = c;
}

/* Before the editor runs, learn whether the journal is encrypted, so that
 * its file and any kept text stay off the disk even for a command that
 * opens the journal only once the text is written. The journal is opened
 * for reading only, and asks nothing. */
static void learn_privacy(void)
{
	struct journal *j = NULL;
	struct mend_err e = {""};

	if (editing_for && !editing_for->j &&
	    journal_open_read(&j, editing_for->db, &e) == MEND_OK)
		journal_close(j);
}

/* The editor on a file holding the initial text and, below a scissors
 * line, a short reminder (as `git commit` does). What the editor wrote
 * and cannot be used is kept in a file the error names; after a SIGTERM
 * or SIGHUP mend says so and ends as the signal asks. */
static enum mend_rc edit_text(const char *initial, const char *comment,
			      char **out, size_t *len, struct mend_err *err)
{
	static const char reminder[] =
		"# Write above this line. Everything from the line above down\n"
		"# is ignored. Save and quit to keep it; leave it empty to\n"
		"# keep nothing.\n";
	const char *init = initial ? initial : "";
	char cut[sizeof SCISSORS + TOKEN_LEN + 2];
	size_t n = strlen(init), ilen = n;
	bool nl = n && init[n - 1] != '\n';
	size_t cap = n + sizeof cut + sizeof reminder +
		     (comment ? strlen(comment) : 0) + 16;
	char *file = malloc(cap);
	struct external_edit ed = {.max = STDIN_MAX};
	enum mend_rc rc = MEND_OK;

	*out = NULL;
	*len = 0;
	if (!file)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	scissors_line(cut, sizeof cut);
	snprintf(file, cap, "%s%s%s\n%s%s%s%s", init, nl ? "\n" : "", cut,
		 reminder, comment ? "#\n# " : "", comment ? comment : "",
		 comment ? "\n" : "");
	ed.text = file;
	ed.text_len = strlen(file);
	rc = external_edit_run(&ed, err);
	free(file);
	if (rc == MEND_OK) {
		cut_at(ed.result, cut);
		/* trailing white space the editor added is not part of it */
		n = strlen(ed.result);
		while (n && strchr(" \t\r\n", ed.result[n - 1]))
			ed.result[--n] = '\0';
		/* a text the journal would refuse is kept, not lost */
		rc = journal_check_text("text", ed.result, n, JOURNAL_TEXT_MAX,
					false, err);
		if (rc != MEND_OK && (n != ilen || memcmp(ed.result, init, n)))
			external_edit_keep(ed.result, n, &ed.kept, NULL);
	}
	if (rc != MEND_OK && ed.kept) {
		char reason[MEND_ERR_MAX];
		snprintf(reason, sizeof reason, "%s", err->msg);
		mend_err_set(err, rc, "%s; what you wrote is kept in %s%s",
			     reason, ed.kept, external_edit_kept_note());
	}
	if (ed.signal) {
		fprintf(stderr, "mend: %s\n", err->msg);
		external_edit_done(&ed);
		signal(ed.signal, SIG_DFL);
		raise(ed.signal);
		return rc;
	}
	if (rc == MEND_OK) {
		*out = ed.result;
		*len = n;
		ed.result = NULL;
	}
	external_edit_done(&ed);
	return rc;
}

enum mend_rc cli_read_text(const char *arg, const char *initial,
			   const char *comment, char **out, size_t *len,
			   struct mend_err *err)
{
	*out = NULL;
	*len = 0;
	if (arg && strcmp(arg, "-") == 0)
		return read_all(stdin, out, len, err);
	if (arg) {
		*out = strdup(arg);
		*len = strlen(arg);
		return *out ? MEND_OK
			    : mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return mend_err_set(err, MEND_EINVAL,
				    "text: missing; give it as an argument, or "
				    "'-' to read standard input");
	learn_privacy();
	return edit_text(initial, comment, out, len, err);
}

enum mend_rc cli_int_opt(const struct command *cmd, const struct args *a,
			 const char *name, int *out, struct mend_err *err)
{
	const char *v = args_get(cmd->opts, a, name);
	int got;

	if (!v)
		return MEND_OK;
	enum mend_rc rc = args_int(name, v, &got, err);
	/* INT_MIN is how the core hears "not given" for urge, goal and
	 * minutes: handing it on would save the entry without the field.
	 * No option of mend's reaches that far. */
	if (rc == MEND_OK && got == ENTRY_NONE && *out == ENTRY_NONE)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: %d is far outside the numbers mend "
				    "takes here; see --help",
				    name, got);
	if (rc == MEND_OK)
		*out = got;
	return rc;
}

bool cli_module(struct cli *c, const char *name, int *out)
{
	enum module m;
	if (!module_from_name(name, &m)) {
		cli_fail(c, mend_err_set(&c->err, MEND_EINVAL,
					 "module: '%.32s' is not one of "
					 "checkin, nocontact, reflection, "
					 "growth, acceptance",
					 name));
		return false;
	}
	*out = (int)m;
	return true;
}

void cli_local_time(const char *iso, char buf[32])
{
	time_t t;
	struct tm tm;
	if (!clock_parse_iso(iso, &t) || !localtime_r(&t, &tm)) {
		snprintf(buf, 32, "%s", iso);
		return;
	}
	strftime(buf, 32, "%Y-%m-%d %H:%M", &tm);
}

static struct mend_date today(const struct journal *j)
{
	return clock_journal_day(j->now, j->day_start_hour);
}

enum mend_rc cli_day_span_opt(const struct journal *j, const char *field,
			      const char *s, bool last,
			      char buf[CLOCK_DATE_LEN], const char **out,
			      struct mend_err *err)
{
	struct mend_date first, end;
	enum mend_rc rc = MEND_OK;

	*out = NULL;
	if (s)
		rc = dates_parse_span(field, s, today(j), &first, &end, err);
	if (s && rc == MEND_OK) {
		clock_format_date(last ? end : first, buf);
		*out = buf;
	}
	return rc;
}

enum mend_rc cli_day_opt(const struct journal *j, const char *field,
			 const char *s, char buf[CLOCK_DATE_LEN],
			 const char **out, struct mend_err *err)
{
	struct mend_date d;
	enum mend_rc rc = MEND_OK;

	*out = NULL;
	if (s)
		rc = dates_parse_day(field, s, today(j), &d, err);
	if (s && rc == MEND_OK) {
		clock_format_date(d, buf);
		*out = buf;
	}
	return rc;
}
