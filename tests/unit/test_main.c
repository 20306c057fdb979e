/* SPDX-License-Identifier: MIT */
/* The unit test runner and the helpers every test file shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

#define MAX_TESTS 512

static struct {
	const char *name;
	void (*fn)(void);
} tests[MAX_TESTS];
static int n_tests;
static bool failed;
static char tmpdir[] = "/tmp/mend-unit-XXXXXX";

void test_register(const char *name, void (*fn)(void))
{
	if (n_tests < MAX_TESTS) {
		tests[n_tests].name = name;
		tests[n_tests].fn = fn;
		n_tests++;
	}
}

void test_fail(const char *file, int line, const char *what)
{
	if (!failed)
		printf("    %s:%d: CHECK(%s) failed\n", file, line, what);
	failed = true;
}

bool test_failed(void)
{
	return failed;
}

struct journal *test_journal(const char *now, const char *tz)
{
	static int counter;
	char path[128];
	struct journal *j = NULL;
	struct mend_err err = {""};

	setenv("MEND_NOW", now, 1);
	setenv("TZ", tz, 1);
	tzset();
	snprintf(path, sizeof path, "%s/j%d.db", tmpdir, counter++);
	if (journal_open(&j, path, &err) != MEND_OK) {
		printf("    cannot open a test journal: %s\n", err.msg);
		return NULL;
	}
	return j;
}

void test_set_now(struct journal *j, const char *now)
{
	setenv("MEND_NOW", now, 1);
	journal_refresh(j, NULL);
}

void test_journal_done(struct journal *j)
{
	char path[4096];
	if (!j)
		return;
	snprintf(path, sizeof path, "%s", store_path(j->st));
	journal_close(j);
	unlink(path);
}

int main(int argc, char **argv)
{
	int bad = 0;
	char cmd[128];

	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	/* No user prompts file may leak in from the real home. */
	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	/* the smallest Argon2id costs: the tests convert many journals */
	setenv("MEND_KDF_FAST", "1", 1);
	for (int i = 0; i < n_tests; i++) {
		if (argc > 1 && !strstr(tests[i].name, argv[1]))
			continue;
		failed = false;
		tests[i].fn();
		printf("%s unit: %s\n", failed ? "not ok" : "ok", tests[i].name);
		fflush(stdout);
		bad += failed;
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	return bad ? 1 : 0;
}
