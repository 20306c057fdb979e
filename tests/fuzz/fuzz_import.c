/* SPDX-License-Identifier: MIT */
/* libFuzzer target: import_buffer on any bytes.
 *
 * One journal is opened on a temporary database at the first call and
 * filled with a small base journal (the export below, which is also in
 * the seed corpus, so mutated seeds share its ids and reach the merge:
 * unchanged, updated, the check-in of a day held by another record, a
 * period that ends or starts again).
 *
 * Every input is imported as a dry run (and when its size is 2 or 3 more
 * than a multiple of 4, through a stream too). When its size is even it
 * is also imported for real, and then:
 *   - the real import must agree with the dry run (same result, same
 *     counts), since a dry run is the same merge, rolled back;
 *   - importing the same bytes again must change nothing (added and
 *     updated 0);
 *   - the journal's own JSON export must import back cleanly, changing
 *     nothing ("a complete backup that imports back exactly");
 * and the database is put back to the base state, so that every input
 * sees the same journal and a crash replays on its own.
 *
 * Results are checked too: a file with problems is MEND_EBADFILE with the
 * problems listed; success lists none; a file that passed validation must
 * not fail while writing (the import validates everything first). Any
 * broken rule calls abort(), which libFuzzer reports as a crash.
 *
 * MEND_FUZZ_VERBOSE=1 shows the export when it does not import back.
 * The database lives in /dev/shm when it can (SQLite syncs every commit),
 * else in $TMPDIR or /tmp; MEND_FUZZ_TMPDIR overrides. TZ defaults to UTC
 * so that runs are the same everywhere (set TZ to explore others). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mend/export.h"
#include "mend/import.h"
#include "mend/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* tests/fuzz/corpus/fuzz_import/mend-export.json */
static const char base_export[] =
	"{\n"
	"  \"format\": \"mend-journal\",\n"
	"  \"version\": 1,\n"
	"  \"exported_at\": \"2026-01-09T12:00:00Z\",\n"
	"  \"app_version\": \"0.1.0\",\n"
	"  \"settings\": {\"start_date\": \"2026-01-01\", \"goal_days\": 30, \"updated_at\": \"2026-01-02T10:00:00Z\"},\n"
	"  \"periods\": [\n"
	"    {\"id\": \"0aaaddfa-c36a-4935-8807-0df487657716\", \"created_at\": \"2026-01-02T10:00:00Z\", \"updated_at\": \"2026-01-08T12:00:00Z\", \"started_at\": \"2026-01-01T00:00:00Z\", \"ended_at\": \"2026-01-08T12:00:00Z\"},\n"
	"    {\"id\": \"abdb617f-b60b-4b98-8bdf-870c9c15b12e\", \"created_at\": \"2026-01-08T12:00:00Z\", \"updated_at\": \"2026-01-08T12:00:00Z\", \"started_at\": \"2026-01-08T12:00:00Z\"}\n"
	"  ],\n"
	"  \"entries\": [\n"
	"    {\"id\": \"6d74191a-d667-45b0-b519-d2047c201ec4\", \"kind\": \"checkin\", \"module\": \"checkin\", \"created_at\": \"2026-01-02T10:00:00Z\", \"updated_at\": \"2026-01-02T10:00:00Z\", \"day\": \"2026-01-02\", \"mood\": 4, \"urge\": 7, \"contact\": false, \"text\": \"rough morning\"},\n"
	"    {\"id\": \"62a6653f-97d7-4ab3-924e-324a6b5950ba\", \"kind\": \"urge\", \"module\": \"nocontact\", \"created_at\": \"2026-01-03T11:00:00Z\", \"updated_at\": \"2026-01-03T11:00:00Z\", \"urge\": 6, \"text\": \"saw their photo\"},\n"
	"    {\"id\": \"9cc16aec-8b9a-4f4e-ad62-8367a8193718\", \"kind\": \"contact\", \"module\": \"nocontact\", \"created_at\": \"2026-01-03T12:00:00Z\", \"updated_at\": \"2026-01-03T12:00:00Z\", \"by\": \"them\", \"channel\": \"text\", \"necessary\": false, \"restarted_period\": false, \"text\": \"they texted, I did not reply\"},\n"
	"    {\"id\": \"94139b82-bb3b-4ab2-bbae-bece0055d9fb\", \"kind\": \"checkin\", \"module\": \"checkin\", \"created_at\": \"2026-01-04T09:00:00Z\", \"updated_at\": \"2026-01-04T09:00:00Z\", \"day\": \"2026-01-04\", \"mood\": 6, \"urge\": 3, \"contact\": false, \"text\": \"\"},\n"
	"    {\"id\": \"c8884c30-6e0b-4fe2-bae0-c2a7d394cb7a\", \"kind\": \"unsent\", \"module\": \"nocontact\", \"created_at\": \"2026-01-04T10:00:00Z\", \"updated_at\": \"2026-01-04T10:00:00Z\", \"text\": \"I miss you — but I'm okay. ✨\"},\n"
	"    {\"id\": \"1178278d-fa27-47d1-8973-b264c6a61cb3\", \"kind\": \"sealed\", \"module\": \"nocontact\", \"created_at\": \"2026-01-05T10:00:00Z\", \"updated_at\": \"2026-01-05T10:00:00Z\", \"open_day\": 14, \"text\": \"Dear me, you made it.\"},\n"
	"    {\"id\": \"31c3629b-5a5e-4c8f-b811-501b2cf31817\", \"kind\": \"reflection\", \"module\": \"reflection\", \"created_at\": \"2026-01-05T11:00:00Z\", \"updated_at\": \"2026-01-05T11:00:00Z\", \"text\": \"We stopped talking about the hard things.\"},\n"
	"    {\"id\": \"633fbac2-318a-40a1-ac8e-60cc74e653b1\", \"kind\": \"acceptance\", \"module\": \"acceptance\", \"created_at\": \"2026-01-06T11:00:00Z\", \"updated_at\": \"2026-01-06T11:00:00Z\", \"text\": \"I can't control what they feel.\"},\n"
	"    {\"id\": \"8de8b70e-b1e5-49cb-a487-888aa4bc8f1e\", \"kind\": \"growth\", \"module\": \"growth\", \"created_at\": \"2026-01-06T12:00:00Z\", \"updated_at\": \"2026-01-06T12:00:00Z\", \"category\": \"body\", \"minutes\": 30, \"text\": \"Went for a run\"},\n"
	"    {\"id\": \"a95a5a55-eb82-4ba8-93c6-7f88a71fe62f\", \"kind\": \"decision\", \"module\": \"acceptance\", \"created_at\": \"2026-01-07T12:00:00Z\", \"updated_at\": \"2026-01-07T12:00:00Z\", \"outcome\": \"part-ways\", \"text\": \"It is healthier.\"},\n"
	"    {\"id\": \"f45055bf-f565-4140-b6b3-a1c129292b13\", \"kind\": \"contact\", \"module\": \"nocontact\", \"created_at\": \"2026-01-08T12:00:00Z\", \"updated_at\": \"2026-01-08T12:00:00Z\", \"by\": \"me\", \"channel\": \"call\", \"necessary\": false, \"restarted_period\": true, \"text\": \"called, regretted it\"}\n"
	"  ]\n"
	"}\n";

static char dir[512], db_path[600], base_path[600], rollback_path[600];
static struct journal *J;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz_import: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void copy_file(const char *from, const char *to)
{
	char buf[1 << 16];
	ssize_t n;
	int in = open(from, O_RDONLY), out;

	if (in < 0)
		fail("cannot open %s: %s", from, strerror(errno));
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (out < 0)
		fail("cannot create %s: %s", to, strerror(errno));
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			fail("cannot write %s: %s", to, strerror(errno));
	if (n < 0)
		fail("cannot read %s: %s", from, strerror(errno));
	close(in);
	close(out);
}

static void open_journal(void)
{
	struct mend_err err = {{0}};

	if (journal_open(&J, db_path, &err) != MEND_OK)
		fail("journal_open %s: %s", db_path, err.msg);
}

static void cleanup(void)
{
	journal_close(J);
	J = NULL;
	unlink(db_path);
	unlink(rollback_path);
	unlink(base_path);
	rmdir(dir);
}

static const char *tmp_base(void)
{
	const char *t = getenv("MEND_FUZZ_TMPDIR");
	struct stat sb;

	if (t && *t)
		return t;
	if (stat("/dev/shm", &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    access("/dev/shm", W_OK | X_OK) == 0)
		return "/dev/shm";
	t = getenv("TMPDIR");
	return t && *t ? t : "/tmp";
}

/* The rules every result must keep, whatever the input. */
static void check_result(enum mend_rc rc, const struct import_report *r,
			 const struct mend_err *err, const char *what)
{
	if (rc != MEND_OK && rc != MEND_EBADFILE && rc != MEND_ENEWER)
		fail("%s: unexpected result %s: %s (a file that passed "
		     "validation failed while being merged)",
		     what, mend_rc_str(rc), err->msg);
	if (r->n_problems < 0 || r->n_problems > IMPORT_MAX_PROBLEMS)
		fail("%s: n_problems %d", what, r->n_problems);
	if (r->more_problems && r->n_problems != IMPORT_MAX_PROBLEMS)
		fail("%s: more_problems with only %d problems", what,
		     r->n_problems);
	for (int i = 0; i < r->n_problems; i++)
		if (!memchr(r->problems[i], '\0', IMPORT_PROBLEM_LEN) ||
		    !r->problems[i][0])
			fail("%s: problem %d is empty or not terminated", what, i);
	if (rc == MEND_OK && r->n_problems)
		fail("%s: success with %d problems (first: %s)", what,
		     r->n_problems, r->problems[0]);
	if (rc == MEND_EBADFILE && !r->n_problems)
		fail("%s: MEND_EBADFILE without a problem listed: %s", what,
		     err->msg);
	/* a newer file may well have keys this mend does not know */
	if (r->n_problems && rc != MEND_EBADFILE && rc != MEND_ENEWER)
		fail("%s: %d problems but %s", what, r->n_problems,
		     mend_rc_str(rc));
	if (rc != MEND_OK && (!memchr(err->msg, '\0', sizeof err->msg) ||
			      !err->msg[0]))
		fail("%s: %s without a message", what, mend_rc_str(rc));
	if (r->added < 0 || r->updated < 0 || r->unchanged < 0)
		fail("%s: negative counts", what);
}

static void setup(void)
{
	struct import_report rep;
	struct mend_err err = {{0}};
	enum mend_rc rc;

	snprintf(dir, sizeof dir, "%s/mend-fuzz-import-XXXXXX", tmp_base());
	if (!mkdtemp(dir))
		fail("mkdtemp %s: %s", dir, strerror(errno));
	snprintf(db_path, sizeof db_path, "%s/journal.db", dir);
	snprintf(rollback_path, sizeof rollback_path, "%s/journal.db-journal",
		 dir);
	snprintf(base_path, sizeof base_path, "%s/base.db", dir);
	setenv("MEND_NOW", "2026-01-11T09:00:00Z", 1);
	setenv("XDG_CONFIG_HOME", dir, 1); /* no user prompts there */
	setenv("TZ", "UTC", 0);
	atexit(cleanup);

	open_journal();
	rc = import_buffer(J, base_export, sizeof base_export - 1, false, &rep,
			   &err);
	if (rc != MEND_OK)
		fail("the base journal does not import: %s", err.msg);
	journal_close(J);
	J = NULL;
	copy_file(db_path, base_path);
	open_journal();
}

/* Put the journal back as setup left it. */
static void restore(void)
{
	journal_close(J);
	J = NULL;
	copy_file(base_path, db_path);
	unlink(rollback_path);
	open_journal();
}

/* The journal's JSON export, in memory; caller frees. */
static char *export_json(size_t *len)
{
	struct export_options o = {EXPORT_JSON, NULL, NULL, -1, NULL};
	struct mend_err err = {{0}};
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	enum mend_rc rc;

	if (!f)
		fail("open_memstream: %s", strerror(errno));
	rc = export_write(J, &o, f, NULL, &err);
	if (fclose(f) != 0 || rc != MEND_OK)
		fail("export after an import: %s", err.msg);
	return buf;
}

static void after_real_import(const char *data, size_t size)
{
	struct import_report rep;
	struct mend_err err = {{0}};
	enum mend_rc rc;
	size_t len = 0;
	char *exp;

	/* The same bytes again: everything is there already. */
	rc = import_buffer(J, data, size, true, &rep, &err);
	check_result(rc, &rep, &err, "import again");
	if (rc != MEND_OK || rep.added || rep.updated)
		fail("importing the same file twice is not a no-op: %s, "
		     "added %ld, updated %ld: %s",
		     mend_rc_str(rc), rep.added, rep.updated,
		     rc == MEND_OK ? "" : err.msg);

	/* The journal's own export imports back exactly. */
	exp = export_json(&len);
	memset(&err, 0, sizeof err);
	rc = import_buffer(J, exp, len, true, &rep, &err);
	check_result(rc, &rep, &err, "import of the export");
	if (rc != MEND_OK || rep.added || rep.updated) {
		if (getenv("MEND_FUZZ_VERBOSE"))
			fprintf(stderr, "--- export ---\n%.*s\n--- end ---\n",
				(int)(len > 20000 ? 20000 : len), exp);
		fail("the journal's export does not import back as it is: %s, "
		     "added %ld, updated %ld: %s",
		     mend_rc_str(rc), rep.added, rep.updated,
		     rc == MEND_OK ? "" : err.msg);
	}
	free(exp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_report dry, real;
	struct mend_err err = {{0}}, err2 = {{0}};
	const char *s = (const char *)data;
	enum mend_rc rc_dry, rc_real;

	if (!J)
		setup();

	rc_dry = import_buffer(J, s, size, true, &dry, &err);
	check_result(rc_dry, &dry, &err, "dry run");

	/* Now and then through a stream as well: the same answer. */
	if (size % 4 >= 2) {
		struct import_report st;
		struct mend_err err3 = {{0}};
		FILE *f = fmemopen((void *)data, size, "rb");
		if (f) {
			enum mend_rc rc = import_stream(J, f, "input", true, &st,
							&err3);
			fclose(f);
			check_result(rc, &st, &err3, "stream");
			if (rc != rc_dry || st.added != dry.added ||
			    st.updated != dry.updated ||
			    st.unchanged != dry.unchanged ||
			    st.n_problems != dry.n_problems)
				fail("import_stream and import_buffer differ: "
				     "%s / %s",
				     mend_rc_str(rc), mend_rc_str(rc_dry));
		}
	}

	if (size % 2 != 0)
		return 0;

	rc_real = import_buffer(J, s, size, false, &real, &err2);
	check_result(rc_real, &real, &err2, "import");
	if (rc_real != rc_dry || real.added != dry.added ||
	    real.updated != dry.updated || real.unchanged != dry.unchanged ||
	    real.n_problems != dry.n_problems || real.source != dry.source)
		fail("the dry run and the import differ: %s (added %ld, updated "
		     "%ld, unchanged %ld) vs %s (added %ld, updated %ld, "
		     "unchanged %ld): %s / %s",
		     mend_rc_str(rc_dry), dry.added, dry.updated, dry.unchanged,
		     mend_rc_str(rc_real), real.added, real.updated,
		     real.unchanged, err.msg, err2.msg);
	if (rc_real == MEND_OK) {
		after_real_import(s, size);
		restore();
	}
	return 0;
}
