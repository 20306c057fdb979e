/* SPDX-License-Identifier: MIT */
/* The journal's path resolved through links, and a user prompts file that
 * does not load: a warning beside the built-in content, not a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mend/content.h"
#include "mend/path.h"
#include "test.h"

TEST(test_resolve_parent_follows_a_linked_directory_and_keeps_the_name)
{
	char real[256], link[256], file[300], *out = NULL;
	const char *base = getenv("XDG_CONFIG_HOME");

	snprintf(real, sizeof real, "%s/paths-real", base);
	snprintf(link, sizeof link, "%s/paths-link", base);
	CHECK(mkdir(real, 0700) == 0 && symlink("paths-real", link) == 0);
	snprintf(file, sizeof file, "%s/journal.db", link);
	CHECK(path_resolve_parent(file, &out) == 0 && out);
	CHECK(strstr(out, "/paths-real/journal.db") && !strstr(out, "paths-link"));
	free(out);
	/* the file's own name stays as it is, even when it is a link */
	snprintf(file, sizeof file, "%s/paths-link", base);
	CHECK(path_resolve_parent(file, &out) == 0 && out);
	CHECK(strcmp(path_base(out), "paths-link") == 0);
	free(out);
	snprintf(file, sizeof file, "%s/no-such-dir/journal.db", base);
	CHECK(path_resolve_parent(file, &out) != 0 && !out);
	unlink(link);
	rmdir(real);
}

TEST(test_broken_user_prompts_are_a_warning_not_a_failure)
{
	char dir[256], file[300];
	struct content *c = NULL;
	struct mend_err err = {""};
	FILE *f;

	snprintf(dir, sizeof dir, "%s/mend", getenv("XDG_CONFIG_HOME"));
	snprintf(file, sizeof file, "%s/prompts.json", dir);
	mkdir(dir, 0700);
	CHECK((f = fopen(file, "w")) != NULL);
	fputs("{\"format\": \"mend-prompts\", \"version\": 1, \"prompts\": [,]}",
	      f);
	fclose(f);
	enum mend_rc rc = content_load(&c, &err);
	unlink(file);
	CHECK_OK(rc);
	CHECK(c && content_prompt_count(c, MODULE_REFLECTION) > 0);
	CHECK(content_warning(c) && strstr(content_warning(c), file) &&
	      strstr(content_warning(c), "not valid JSON"));
	content_free(c);
	c = NULL;
	CHECK_OK(content_load(&c, &err));
	CHECK(c && !content_warning(c));
	content_free(c);
	rmdir(dir);
}
