/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the content loader.
 *
 * The input is split at its first 0xff byte into a prompts document and
 * a messages document (no 0xff: all prompts, empty messages), which go
 * to content_parse without and then with the minimum counts. Content
 * that loads is checked: every string is there, ids are found again,
 * milestones ascend, and the prompt of the day visits each prompt of a
 * module once per cycle.
 *
 * The prompts half is also given to content_add_prompts on the built-in
 * content (loaded once, with XDG_CONFIG_HOME on an empty directory so no
 * user file is read): on failure the content must be unchanged, on
 * success the new prompts are found, a second add is refused, and the
 * addition is then undone by hand. Broken rules abort(). */
#include <cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mend/content.h"
#include "mend/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct content *builtin;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz_content: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void free_builtin(void)
{
	content_free(builtin);
	builtin = NULL;
}

static void setup(void)
{
	char dir[512];
	const char *t = getenv("MEND_FUZZ_TMPDIR");
	struct mend_err err = {{0}};

	if (!t || !*t)
		t = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/mend-fuzz-content-XXXXXX",
		 t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		fail("mkdtemp %s: %s", dir, strerror(errno));
	setenv("XDG_CONFIG_HOME", dir, 1); /* empty: no user prompts */
	if (content_load(&builtin, &err) != MEND_OK)
		fail("the built-in content does not load: %s", err.msg);
	rmdir(dir);
	atexit(free_builtin);
}

static void check_string(const char *s, const char *what)
{
	if (!s || !s[0])
		fail("%s: missing or empty", what);
	if (!utf8_valid(s, strlen(s), NULL))
		fail("%s: not valid UTF-8", what);
}

static void check_err(enum mend_rc rc, const struct mend_err *err,
		      const char *what)
{
	if (rc != MEND_ECONTENT && rc != MEND_ENOMEM)
		fail("%s: unexpected result %s", what, mend_rc_str(rc));
	if (!memchr(err->msg, '\0', sizeof err->msg) || !err->msg[0])
		fail("%s: failed without a message", what);
}

/* Everything a front end relies on in loaded content. */
static void check_content(const struct content *c, uint64_t seed)
{
	size_t total = 0;

	for (size_t i = 0; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];
		check_string(p->id, "prompt id");
		check_string(p->theme, "prompt theme");
		check_string(p->text, "prompt text");
		if (p->module == MODULE_CHECKIN || (unsigned)p->module >= MODULE_COUNT)
			fail("prompt %s: module %d", p->id, (int)p->module);
		if (content_prompt(c, p->id) != p)
			fail("prompt %s: content_prompt finds another", p->id);
	}
	if (content_prompt(c, "") || content_prompt(c, NULL))
		fail("content_prompt found an empty id");

	for (int m = 0; m < MODULE_COUNT; m++) {
		size_t n = content_prompt_count(c, (enum module)m);
		total += n;
		long day = (long)(seed % 100000);
		if (n == 0) {
			if (content_prompt_of_day(c, (enum module)m, day, 0))
				fail("a prompt of the day for an empty module");
			continue;
		}
		if (n > 300)
			continue; /* the cycle check is quadratic */
		/* one cycle visits each prompt of the module once */
		long start = day - day % (long)n;
		const struct prompt **seen = calloc(n, sizeof *seen);
		if (!seen)
			return;
		for (size_t k = 0; k < n; k++) {
			const struct prompt *p = content_prompt_of_day(
				c, (enum module)m, start + (long)k, 0);
			if (!p || p->module != (enum module)m)
				fail("prompt of day %ld of module %d: wrong "
				     "module or none",
				     start + (long)k, m);
			for (size_t q = 0; q < k; q++)
				if (seen[q] == p)
					fail("prompt %s shown twice in one cycle "
					     "of %zu days",
					     p->id, n);
			seen[k] = p;
		}
		/* an offset moves on within the same cycle */
		unsigned off = (unsigned)(seed >> 20) % 1000;
		const struct prompt *a = content_prompt_of_day(c, (enum module)m,
							      day, off);
		const struct prompt *b = seen[((size_t)(day - start) + off) % n];
		if (a != b)
			fail("offset %u of day %ld is not the prompt %u places "
			     "on in the cycle",
			     off, day, off);
		free(seen);
	}
	if (total != c->n_prompts)
		fail("prompt counts add up to %zu of %zu", total, c->n_prompts);

	for (size_t i = 0; i < c->n_milestones; i++) {
		check_string(c->milestones[i].message, "milestone message");
		if (c->milestones[i].day < 1 || c->milestones[i].day > 36500 ||
		    (i && c->milestones[i].day <= c->milestones[i - 1].day))
			fail("milestone %zu: day %d", i, c->milestones[i].day);
	}
	if (!c->n_milestones || !c->n_categories || !c->n_slip ||
	    !c->n_urge_logged)
		fail("an empty list loaded");
	for (size_t i = 0; i < c->n_categories; i++) {
		const struct category *cat = &c->categories[i];
		check_string(cat->id, "category id");
		check_string(cat->label, "category label");
		check_string(cat->hint, "category hint");
		const struct category *found = content_category(c, cat->id);
		if (!found || strcmp(found->id, cat->id) != 0)
			fail("category %s not found again", cat->id);
	}
	for (size_t i = 0; i < c->n_slip; i++)
		if (!c->slip[i] || !c->slip[i][0])
			fail("slip message %zu empty", i);
	for (size_t i = 0; i < c->n_urge_logged; i++)
		if (!c->urge_logged[i] || !c->urge_logged[i][0])
			fail("urge message %zu empty", i);
	check_string(c->welcome, "welcome");
	check_string(c->low_mood, "low_mood");
	for (int m = 0; m < MODULE_COUNT; m++) {
		check_string(c->module_title[m], "module title");
		check_string(c->module_purpose[m], "module purpose");
	}
	for (int i = 0; i < SUGGEST_COUNT; i++)
		check_string(c->suggestion[i], "suggestion");
	for (int i = 0; i < OUTCOME_COUNT; i++)
		check_string(c->decision[i], "decision");
}

static int meets_minimum(const struct content *c)
{
	return content_prompt_count(c, MODULE_REFLECTION) >= 15 &&
	       content_prompt_count(c, MODULE_ACCEPTANCE) >= 15 &&
	       content_prompt_count(c, MODULE_NOCONTACT) >= 8 &&
	       content_prompt_count(c, MODULE_GROWTH) >= 8;
}

static void add_to_builtin(const char *json, size_t len)
{
	struct content *c = builtin;
	size_t before = c->n_prompts;
	struct mend_err err = {{0}};
	struct prompt *saved = malloc((before ? before : 1) * sizeof *saved);
	enum mend_rc rc;

	if (!saved)
		return;
	memcpy(saved, c->prompts, before * sizeof *saved);
	rc = content_add_prompts(c, json, len, "user prompts", &err);
	if (c->n_prompts < before ||
	    memcmp(saved, c->prompts, before * sizeof *saved) != 0)
		fail("content_add_prompts changed the prompts already there");
	if (rc != MEND_OK) {
		check_err(rc, &err, "content_add_prompts");
		if (c->n_prompts != before || c->trees[2])
			fail("a failed content_add_prompts changed the content");
		free(saved);
		return;
	}
	for (size_t i = before; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];
		check_string(p->id, "added prompt id");
		check_string(p->text, "added prompt text");
		if (p->module == MODULE_CHECKIN || (unsigned)p->module >= MODULE_COUNT)
			fail("added prompt %s: module %d", p->id, (int)p->module);
		if (content_prompt(c, p->id) != p)
			fail("added prompt %s clashes with another", p->id);
	}
	size_t after = c->n_prompts;
	memset(&err, 0, sizeof err);
	if (content_add_prompts(c, json, len, "again", &err) != MEND_ECONTENT ||
	    c->n_prompts != after || !err.msg[0])
		fail("a second content_add_prompts was not refused");
	/* undo, so that the next input starts from the built-in content */
	c->n_prompts = before;
	cJSON_Delete(c->trees[2]);
	c->trees[2] = NULL;
	free(saved);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const uint8_t *cut = memchr(data, 0xff, size);
	size_t plen = cut ? (size_t)(cut - data) : size;
	const char *msgs = cut ? s + plen + 1 : "";
	size_t mlen = cut ? size - plen - 1 : 0;
	struct content *c0 = NULL, *c1 = NULL;
	struct mend_err err0 = {{0}}, err1 = {{0}};
	enum mend_rc rc0, rc1;
	uint64_t seed = 1469598103934665603ull;

	if (!builtin)
		setup();
	for (size_t i = 0; i < size && i < 64; i++)
		seed = (seed ^ data[i]) * 1099511628211ull;

	rc0 = content_parse(&c0, s, plen, msgs, mlen, 0, &err0);
	rc1 = content_parse(&c1, s, plen, msgs, mlen, 1, &err1);
	if ((rc0 == MEND_OK) != (c0 != NULL) || (rc1 == MEND_OK) != (c1 != NULL))
		fail("content_parse: result and content disagree");
	if (rc0 != MEND_OK)
		check_err(rc0, &err0, "content_parse");
	if (rc1 != MEND_OK)
		check_err(rc1, &err1, "content_parse (minimum)");
	if (rc0 == MEND_OK) {
		check_content(c0, seed);
		if ((rc1 == MEND_OK) != meets_minimum(c0))
			fail("the minimum check says %s, the counts say %s: %s",
			     rc1 == MEND_OK ? "ok" : "too few",
			     meets_minimum(c0) ? "enough" : "too few", err1.msg);
	} else if (rc1 == MEND_OK) {
		fail("content loads with the minimum check but not without");
	}
	content_free(c0);
	content_free(c1);

	add_to_builtin(s, plen);
	return 0;
}
