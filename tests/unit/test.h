/* SPDX-License-Identifier: MIT */
/* A very small unit test harness: TEST(name) registers a function, CHECK
 * fails it with the file, line and expression, and the runner prints one
 * "ok NAME" or "not ok NAME" line per test. */
#ifndef MEND_TEST_H
#define MEND_TEST_H

#include <stdbool.h>

#include "mend/err.h"
#include "mend/journal.h"

void test_register(const char *name, void (*fn)(void));
void test_fail(const char *file, int line, const char *what);
bool test_failed(void);

#define TEST(name)                                                             \
	static void name(void);                                                \
	__attribute__((constructor)) static void register_##name(void)         \
	{                                                                      \
		test_register(#name, name);                                    \
	}                                                                      \
	static void name(void)

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			test_fail(__FILE__, __LINE__, #cond);                  \
			return;                                                \
		}                                                              \
	} while (0)

#define CHECK_OK(expr) CHECK((expr) == MEND_OK)

/* A fresh journal in a new temporary file, with the clock pinned to now
 * (ISO 8601) and TZ set to tz. Closed and removed by test_journal_done. */
struct journal *test_journal(const char *now, const char *tz);
void test_journal_done(struct journal *j);

/* Move a test journal's clock. */
void test_set_now(struct journal *j, const char *now);

#endif
