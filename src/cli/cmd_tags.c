/* SPDX-License-Identifier: MIT */
/* `mend tags`: every tag of the journal with how often and when it was
 * last used. Finding tags is the core's (tags.c); this only prints. */
#include <cJSON.h>
#include <stdlib.h>

#include "cli.h"
#include "mend/store.h"
#include "mend/tags.h"

static const struct opt_spec tags_opts[] = {
    {"json", 0, false},
    {NULL, 0, false},
};

struct tags_ctx {
	bool json;
	long count;
	int oom;
};

static int tags_one(const struct store_tag *t, void *ctx)
{
	struct tags_ctx *x = ctx;
	char when[32];

	if (x->json) {
		cJSON *o = cJSON_CreateObject();
		char *s = NULL;
		if (o && cJSON_AddStringToObject(o, "tag", t->key) &&
		    cJSON_AddStringToObject(o, "shown", t->shown) &&
		    cJSON_AddNumberToObject(o, "count", (double)t->count) &&
		    cJSON_AddStringToObject(o, "last_used", t->last))
			s = cJSON_PrintUnformatted(o);
		if (s)
			printf("%s%s", x->count ? ",\n" : "\n", s);
		else
			x->oom = 1;
		cJSON_free(s);
		cJSON_Delete(o);
	} else {
		cli_local_time(t->last, when);
		printf("%5ld  %s  ", t->count, when);
		cli_put_text(stdout, t->shown);
		putchar('\n');
	}
	x->count++;
	return x->oom;
}

static int run_tags(struct cli *c, const struct args *a)
{
	struct tags_ctx x = {args_get(cmd_tags.opts, a, "json") != NULL, 0, 0};
	struct journal *j = cli_journal_read(c);
	enum mend_rc rc;

	if (!j)
		return 1;
	if (x.json)
		printf("[");
	rc = tags_each(j, tags_one, &x, &c->err);
	if (rc == MEND_OK && x.oom)
		rc = mend_err_set(&c->err, MEND_ENOMEM, "out of memory");
	if (x.json)
		printf("%s]\n", x.count ? "\n" : "");
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!x.json && x.count == 0)
		printf("No tags yet. Write @word or #word in an entry to tag "
		       "it.\n");
	return 0;
}

const struct command cmd_tags = {
    .name = "tags",
    .run = run_tags,
    .opts = tags_opts,
    .max_pos = 0,
    .usage = "mend tags [--json]",
    .summary = "every tag, with how often and when it was last used",
    .help = "List the journal's tags, the most used first: on how many\n"
	    "entries, when last, and the tag as it was last written. A tag\n"
	    "is @word or #word in any text (letters, digits, - and _), or a\n"
	    "tag kept with an entry (a check-in's quick tags, a jrnl\n"
	    "import's); case does not matter. Sealed letters are left out.\n"
	    "\n"
	    "      --json   as a JSON array: tag (lower-cased, without @ or\n"
	    "               #), shown, count, last_used\n",
};
