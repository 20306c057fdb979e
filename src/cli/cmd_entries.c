/* SPDX-License-Identifier: MIT */
/* Reviewing the journal: list, show, edit and delete. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mend/pause.h"
#include "cli.h"
#include "mend/exercise.h"
#include "mend/external_edit.h"
#include "mend/memfile.h"
#include "mend/store_crypt.h"
#include "mend/tags.h"

static const struct opt_spec list_opts[] = {
	{"module", 'm', VAL_MODULE}, {"since", 0, VAL_DATE},  {"until", 0, VAL_DATE},
	{"search", 's', true}, {"limit", 'n', true}, {"json", 0, false},
	{"starred", 0, false}, {"tag", 't', VAL_TAG},
	{"kind", 'k', true},
	{NULL, 0, false},
};

/* --tag T, repeatable: each checked and turned into its key (keys[i],
 * freed by the caller) before anything is read. */
static enum mend_rc list_tag_keys(const struct args *a, char **keys,
				  struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;
	for (int i = 0; rc == MEND_OK && i < a->nrep; i++) {
		rc = tags_check("tag", a->rep[i], err);
		if (rc == MEND_OK)
			rc = tags_key(a->rep[i], strlen(a->rep[i]), &keys[i], err);
	}
	return rc;
}

struct list_ctx {
	struct journal *j;
	bool json;
	long count;
	FILE *out; /* stdout, or stderr for the summary before a delete */
};

/* Columns for the first line of an entry in the listing. */
#define LIST_COLS 55

static int list_one(const struct entry *e, void *ctx)
{
	struct list_ctx *l = ctx;
	char when[32], line[256], note[200], id[9];

	if (l->json) {
		fputs(l->count ? ",\n" : "\n", l->out);
		l->count++;
		return cli_entry_json(l->out, l->j, e, NULL) != MEND_OK;
	}
	cli_local_time(e->created_at, when);
	snprintf(id, sizeof id, "%.8s", e->uuid);
	if (e->kind == KIND_SEALED && !*e->text)
		snprintf(line, sizeof line, "(sealed until day %d)",
			 e->open_day);
	else if (e->kind == KIND_CHECKIN) {
		cli_clip(e->text, LIST_COLS - 13, note, sizeof note);
		snprintf(line, sizeof line, "mood %d/10%s%s", e->mood,
			 *e->text ? " · " : "", note);
	} else if (e->kind == KIND_DECISION)
		snprintf(line, sizeof line, "decision: %s", e->outcome);
	else if (e->kind == KIND_URGE && !*e->text)
		snprintf(line, sizeof line, "urge %d/10", e->urge);
	else if (e->kind == KIND_EXERCISE || e->kind == KIND_CLARITY) {
		char words[160];
		exercise_entry_words(e, words, sizeof words);
		snprintf(line, sizeof line, "%s", words);
	} else if (e->kind == KIND_CONTACT && !*e->text)
		snprintf(line, sizeof line, "contact by %s (%s)", e->initiator,
			 e->channel);
	else if (e->kind == KIND_PAUSE || (e->kind == KIND_PROFILE && !*e->text))
		pause_describe(e, line, sizeof line);
	else
		cli_clip(e->text, LIST_COLS, line, sizeof line);
	fprintf(l->out, "%s  %s  %-10s  ", id, when, kind_name(e->kind));
	cli_put_text(l->out, line);
	fputc('\n', l->out);
	l->count++;
	return 0;
}

/* Copy the spooled listing to out. */
static enum mend_rc copy_spool(FILE *from, FILE *out, struct mend_err *err)
{
	char buf[1 << 16];
	size_t n;

	if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0)
		return mend_err_set(err, MEND_EIO,
				    "cannot read the list back: %s",
				    strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	if (ferror(from))
		return mend_err_set(err, MEND_EIO,
				    "cannot read the list back: %s",
				    strerror(errno));
	/* a reader that went away (head) is not an error of the list */
	fflush(out);
	return MEND_OK;
}

static int list_run(struct cli *c, struct journal_query *q_,
		    struct list_ctx *l_, const char *mod);

static int run_list(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_list;
	const char *mod = args_get(cmd->opts, a, "module");
	struct journal_query q = {.module = -1,
				  .since = args_get(cmd->opts, a, "since"),
				  .until = args_get(cmd->opts, a, "until"),
				  .search = args_get(cmd->opts, a, "search"),
				  .starred = args_get(cmd->opts, a, "starred"),
				  .kind = args_get(cmd->opts, a, "kind")};
	struct list_ctx l = {NULL, args_get(cmd->opts, a, "json") != NULL, 0,
			     stdout};
	int limit = 0;
	enum mend_rc rc = cli_int_opt(cmd, a, "limit", &limit, &c->err);

	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (args_get(cmd->opts, a, "limit") && limit < 1)
		return cli_fail(c, mend_err_set(&c->err, MEND_EINVAL,
						"limit: %d is not 1 or more",
						limit));
	q.limit = limit;
	if (mod && !cli_module(c, mod, &q.module))
		return c->exit_code;
	enum kind kind;
	if (q.kind && !kind_from_name(q.kind, &kind))
		return cli_usage_error(c, "kind: '%.32s' is not a kind of "
					  "entry, such as checkin, reflection, "
					  "exercise or clarity",
				       q.kind);
	char *keys[ARGS_MAX_REPEAT] = {NULL};
	rc = list_tag_keys(a, keys, &c->err);
	q.tags = (const char *const *)keys;
	q.n_tags = (size_t)a->nrep;
	int code = rc == MEND_OK ? list_run(c, &q, &l, mod) : cli_fail(c, rc);
	for (int i = 0; i < a->nrep; i++)
		free(keys[i]);
	return code;
}

static int list_run(struct cli *c, struct journal_query *q_,
		    struct list_ctx *l_, const char *mod)
{
	struct journal_query q = *q_;
	struct list_ctx l = *l_;
	enum mend_rc rc;
	if (!(l.j = cli_journal_read(c)))
		return 1;
	/* Validate before printing anything, so bad input prints no "[". */
	char since[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN];
	rc = cli_day_span_opt(l.j, "since", q.since, false, since, &q.since,
			      &c->err);
	if (rc == MEND_OK)
		rc = cli_day_span_opt(l.j, "until", q.until, true, until,
				      &q.until, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (q.search) {
		char *expr;
		rc = journal_search_expr(q.search, &expr, &c->err);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		free(expr);
	}
	/* One snapshot, read at full speed into a private, unnamed spool
	 * file and copied out once the read lock is let go: a slow reader
	 * (a pager, a pipe nobody reads) must not keep every writer waiting.
	 * A regular file takes it at once, and a terminal gets it streamed,
	 * since what shows there is made visible as it is written (see
	 * cli_put_text); with no spool file the list streams too, holding
	 * the lock. */
	struct stat sb;
	FILE *spool = NULL;
	if (!isatty(STDOUT_FILENO) &&
	    (fstat(STDOUT_FILENO, &sb) != 0 || !S_ISREG(sb.st_mode)))
		spool = memfile_spool(store_encrypted(l.j->st));
	l.out = spool ? spool : stdout;
	if (l.json)
		fprintf(l.out, "[");
	rc = store_begin_read(l.j->st, &c->err);
	if (rc == MEND_OK) {
		rc = journal_list(l.j, &q, list_one, &l, &c->err);
		store_end_read(l.j->st);
	}
	if (rc == MEND_OK && l.json)
		fprintf(l.out, "%s]\n", l.count ? "\n" : "");
	if (rc != MEND_OK && l.json)
		fprintf(l.out, "\n");
	if (spool) {
		enum mend_rc crc = copy_spool(spool, stdout, &c->err);
		if (rc == MEND_OK)
			rc = crc;
		fclose(spool);
	}
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!l.json && l.count == 0)
		printf("No entries%s.\n", q.search || mod || q.since || q.until ||
						   q.starred || q.n_tags || q.kind
						  ? " match"
						  : " yet");
	return 0;
}

const struct command cmd_list = {
	.name = "list",
	.run = run_list,
	.opts = list_opts,
	.max_pos = 0,
	.usage = "mend list [--module M] [--kind K] [--since DATE] "
		 "[--until DATE] [--search WORDS] [--tag T]... [--limit N] "
		 "[--json]",
	.summary = "list entries, newest first, with filters and search",
	.help = "List journal entries, newest first: the start of the id, the\n"
		"time, the kind and the first line.\n"
		"\n"
		"  -m, --module M      checkin, nocontact, reflection, growth or\n"
		"                      acceptance\n"
		"  -k, --kind K        one kind of entry: checkin, reflection,\n"
		"                      exercise, clarity, urge, ...\n"
		"      --since DATE    from this day on: YYYY-MM-DD, a month\n"
		"                      (YYYY-MM), a year, today, yesterday or\n"
		"                      N days ago (-Nd)\n"
		"      --until DATE    up to and including this day (or the\n"
		"                      last day of a month or year)\n"
		"  -s, --search WORDS  entries with all these words (or words\n"
		"                      starting with them)\n"
		"  -t, --tag T         entries with tag T (@T or #T in the text,\n"
		"                      or kept with the entry; any case); give it\n"
		"                      again for entries with every one of them\n"
		"  -n, --limit N       at most N entries\n"
		"      --starred       only the entries you starred\n"
		"      --json          as a JSON array, one entry a line, in the\n"
		"                      export's shape (see JSON OUTPUT in mend(1))\n",
};

static const struct opt_spec show_opts[] = {
	{"json", 0, false},
	{NULL, 0, false},
};

struct show_ctx {
	struct journal *j;
	bool json;
};

static void show_one(const struct entry *e, void *ctx)
{
	struct show_ctx *s = ctx;
	cli_print_entry(stdout, s->j, e, s->json);
}

static int run_show(struct cli *c, const struct args *a)
{
	struct show_ctx s = {NULL, args_get(cmd_show.opts, a, "json") != NULL};
	enum mend_rc rc;

	if (a->npos != 1)
		return cli_usage_error(c, "id: missing; give the id shown by "
					  "'mend list'");
	if (!(s.j = cli_journal_read(c)))
		return 1;
	rc = journal_find(s.j, a->pos[0], show_one, &s, &c->err);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

const struct command cmd_show = {
	.name = "show",
	.run = run_show,
	.opts = show_opts,
	.max_pos = 1,
	.pos_values = {VAL_ENTRY},
	.usage = "mend show ID [--json]",
	.summary = "show one entry in full",
	.help = "Show one entry in full. ID is the id from 'mend list', or\n"
		"its first 4 or more characters.\n"
		"\n"
		"      --json   as a JSON object\n",
};

static void copy_entry(const struct entry *e, void *ctx)
{
	*(struct entry **)ctx = entry_dup(e);
}

/* The edit lost to another made meanwhile: keep both, the new text as
 * an entry of its own, and say so with its id. */
static enum mend_rc save_beside(struct journal *j, const struct entry *old,
				const char *text, size_t len,
				struct mend_err *err)
{
	char uuid[UUID_LEN];
	enum mend_rc rc = journal_save_copy(j, old, text, len, uuid, err);
	if (rc != MEND_OK) {
		char reason[MEND_ERR_MAX];
		snprintf(reason, sizeof reason, "%s", err->msg);
		return mend_err_set(err, rc,
				    "id: %.8s was changed elsewhere while you "
				    "were editing it, and %s",
				    old->uuid, reason);
	}
	fprintf(stderr,
		"mend: %.8s was changed elsewhere while you were editing it; "
		"both are kept: your text is the new entry %.8s\n",
		old->uuid, uuid);
	printf("Saved your text as a new entry, %.8s.\n", uuid);
	return MEND_OK;
}

static int run_edit(struct cli *c, const struct args *a)
{
	struct entry *old = NULL;
	char *text = NULL;
	size_t len = 0;
	bool edited, changed = false;
	struct journal *j;
	enum mend_rc rc;

	if (a->npos < 1)
		return cli_usage_error(c, "id: missing; give the id shown by "
					  "'mend list'");
	edited = a->npos < 2; /* in the editor, not from an argument */
	if (!(j = cli_journal_read(c)))
		return 1;
	rc = journal_find(j, a->pos[0], copy_entry, &old, &c->err);
	if (rc == MEND_OK && !old)
		rc = mend_err_set(&c->err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK)
		rc = cli_read_text(a->npos > 1 ? a->pos[1] : NULL, old->text,
				   "Editing an entry. Its date stays; the time "
				   "of this edit is kept too.",
				   &text, &len, &c->err);
	if (rc == MEND_OK && edited && journal_text_same(text, old->text)) {
		printf("No change; nothing was saved.\n");
	} else if (rc == MEND_OK) {
		/* the save holds only while no one saved it since we read */
		rc = journal_edit_from(j, old->uuid, text, len, old->updated_at,
				       &changed, &c->err);
		if (rc == MEND_OK)
			printf("Saved the edited entry.\n");
		else if (changed)
			rc = save_beside(j, old, text, len, &c->err);
		/* what was written in the editor and could not be saved is
		 * kept, as the editor's own refusals are */
		char *kept = NULL;
		if (rc != MEND_OK && edited &&
		    external_edit_keep(text, len, &kept, NULL) == MEND_OK) {
			char reason[MEND_ERR_MAX];
			snprintf(reason, sizeof reason, "%s", c->err.msg);
			mend_err_set(&c->err, rc,
				     "%s; what you wrote is kept in %s%s",
				     reason, kept, external_edit_kept_note());
		}
		free(kept);
	}
	entry_free(old);
	free(text);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

const struct command cmd_edit = {
	.name = "edit",
	.run = run_edit,
	.opts = show_opts + 1,
	.max_pos = 2,
	.pos_values = {VAL_ENTRY},
	.usage = "mend edit ID [TEXT|-]",
	.summary = "change the text of an entry",
	.help = "Change the text of an entry. With no TEXT on a terminal, the\n"
		"entry opens in $VISUAL or $EDITOR; '-' reads the new text from\n"
		"standard input. A letter still sealed cannot be edited.\n",
};

static const struct opt_spec delete_opts[] = {
	{"yes", 'y', false},
	{NULL, 0, false},
};

static void print_summary(const struct entry *e, void *ctx)
{
	struct list_ctx *l = ctx;
	list_one(e, l);
}

static int run_delete(struct cli *c, const struct args *a)
{
	struct list_ctx l = {NULL, false, 0, stderr};
	struct journal *j;
	enum mend_rc rc;

	if (a->npos != 1)
		return cli_usage_error(c, "id: missing; give the id shown by "
					  "'mend list'");
	if (!(j = cli_journal_read(c)))
		return 1;
	l.j = j;
	if (!args_get(cmd_delete.opts, a, "yes")) {
		char answer[16] = "";
		if (!isatty(STDIN_FILENO))
			return cli_usage_error(c, "not a terminal to confirm "
						  "on; add --yes to delete");
		/* the question goes to the terminal, not into the output a
		 * script may be reading */
		rc = journal_find(j, a->pos[0], print_summary, &l, &c->err);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		fputs("Delete this entry? It cannot be undone. [y/N] ", stderr);
		fflush(stderr);
		if (!fgets(answer, sizeof answer, stdin) ||
		    (answer[0] != 'y' && answer[0] != 'Y')) {
			printf("Kept.\n");
			return 0;
		}
	}
	rc = journal_delete(j, a->pos[0], &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Deleted.\n");
	return 0;
}

const struct command cmd_delete = {
	.name = "delete",
	.run = run_delete,
	.opts = delete_opts,
	.max_pos = 1,
	.pos_values = {VAL_ENTRY},
	.usage = "mend delete ID [--yes]",
	.summary = "delete an entry, after asking",
	.help = "Delete an entry for good, text and search index alike. On a\n"
		"terminal mend asks first; elsewhere --yes is needed. A contact\n"
		"that restarted the no-contact count stays in the history.\n"
		"\n"
		"  -y, --yes   do not ask\n",
};

static const struct opt_spec star_opts[] = {
	{"off", 0, false},
	{NULL, 0, false},
};

static int run_star(struct cli *c, const struct args *a)
{
	bool on = !args_get(cmd_star.opts, a, "off");
	char uuid[UUID_LEN];
	struct journal *j;
	enum mend_rc rc;

	if (a->npos != 1)
		return cli_usage_error(c, "id: missing; give the id shown by "
					  "'mend list'");
	if (!(j = cli_journal_read(c)))
		return 1;
	rc = journal_star(j, a->pos[0], on, uuid, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf(on ? "Starred %.8s.\n" : "Took the star off %.8s.\n", uuid);
	return 0;
}

const struct command cmd_star = {
	.name = "star",
	.run = run_star,
	.opts = star_opts,
	.max_pos = 1,
	.usage = "mend star ID [--off]",
	.summary = "star an entry to find it again (or --off to unstar)",
	.help = "Star an entry, to find it again with 'mend list --starred'.\n"
		"The entry's text and dates stay as they are.\n"
		"\n"
		"      --off   take the star off again\n",
};
