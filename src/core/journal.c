/* SPDX-License-Identifier: MIT */
/* The open journal and the operations shared by every module: text
 * checks, listing, finding, editing and deleting entries. */
#include "mend/journal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mend/path.h"
#include "mend/store_crypt.h"
#include "mend/external_edit.h"
#include "mend/utf8.h"

#define DEFAULT_DAY_START_HOUR 4
#define DEFAULT_GOAL_DAYS 30

static int setting_int(struct journal *j, const char *key, int def, int lo,
		       int hi)
{
	char buf[32];
	if (store_setting_get(j->st, key, buf, sizeof buf, NULL) != MEND_OK)
		return def;
	char *end;
	long v = strtol(buf, &end, 10);
	return (*end || v < lo || v > hi) ? def : (int)v;
}

enum mend_rc journal_refresh(struct journal *j, struct mend_err *err)
{
	store_busy_rearm(j->st);
	enum mend_rc rc = clock_now(&j->now, err);
	if (rc != MEND_OK)
		return rc;
	clock_format_iso(j->now, j->now_iso);
	j->day_start_hour = setting_int(j, "day_start_hour",
					DEFAULT_DAY_START_HOUR, 0, 23);
	j->goal_days = setting_int(j, "goal_days", DEFAULT_GOAL_DAYS, 1,
				   JOURNAL_GOAL_MAX);
	journal_invalidate(j);
	return MEND_OK;
}

/* No journal at path yet. A path given by name whose directory is
 * missing is more likely a slip of the keyboard: store_open says so. */
static bool no_journal(const char *path, bool is_default)
{
	struct stat sb;
	if (stat(path, &sb) == 0 || (errno != ENOENT && errno != ENOTDIR))
		return false;
	if (is_default)
		return true;
	char *dir = path_parent(path);
	bool there = dir && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode);
	free(dir);
	return there;
}

/* A read where no journal is yet opens an empty one in memory, so that
 * every read answers as for a new journal and nothing is created. */
static enum mend_rc open_journal(struct journal **out, const char *path,
				 bool create, bool lazy, struct mend_err *err)
{
	struct journal *j = calloc(1, sizeof *j);
	char *def = NULL;
	enum mend_rc rc;

	*out = NULL;
	if (!j)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	/* Read the clock and content first: a bad MEND_NOW or prompts file
	 * must not leave a new empty journal behind. */
	rc = clock_now(&j->now, err);
	if (rc == MEND_OK && !lazy)
		rc = content_load(&j->content, err);
	if (rc == MEND_OK && !path) {
		rc = create ? store_default_path(&def, err)
			    : store_default_path_peek(&def, err);
		path = def;
	}
	/* MEND_DB names its file as --db does */
	const char *env = getenv("MEND_DB");
	bool by_name = !def || (env && *env);
	if (rc == MEND_OK && !create && *path && no_journal(path, !by_name)) {
		j->missing = true;
		path = ":memory:";
	}
	/* a lazy reader asks nothing of a journal that is not there */
	if (rc == MEND_OK && lazy && j->missing) {
		free(def);
		*out = j;
		return MEND_OK;
	}
	if (rc == MEND_OK)
		rc = store_open(&j->st, path, err);
	/* an encrypted journal's words stay off the disk on their way
	 * through the person's editor too */
	if (rc == MEND_OK)
		external_edit_set_private(store_encrypted(j->st));
	if (rc == MEND_OK)
		rc = journal_refresh(j, err);
	free(def);
	if (rc != MEND_OK) {
		journal_close(j);
		return rc;
	}
	*out = j;
	return MEND_OK;
}

enum mend_rc journal_open(struct journal **out, const char *path,
			  struct mend_err *err)
{
	return open_journal(out, path, true, false, err);
}

enum mend_rc journal_open_read(struct journal **out, const char *path,
			       struct mend_err *err)
{
	return open_journal(out, path, false, false, err);
}

enum mend_rc journal_open_lazy(struct journal **out, const char *path,
			       struct mend_err *err)
{
	return open_journal(out, path, false, true, err);
}

enum mend_rc journal_content(struct journal *j, const struct content **out,
			     struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;

	if (!j->content)
		rc = content_load(&j->content, err);
	*out = j->content;
	return rc;
}

void journal_set_busy_hook(struct journal *j,
			   int (*hook)(void *ctx, int attempt, long waited_ms),
			   void *ctx)
{
	store_set_busy_hook(j->st, hook, ctx);
}

void journal_close(struct journal *j)
{
	if (!j)
		return;
	journal_invalidate(j);
	store_close(j->st);
	content_free(j->content);
	free(j);
}

long journal_today(const struct journal *j)
{
	return clock_days_from_civil(clock_journal_day(j->now, j->day_start_hour));
}

void journal_today_str(const struct journal *j, char buf[CLOCK_DATE_LEN])
{
	clock_format_date(clock_journal_day(j->now, j->day_start_hour), buf);
}

enum mend_rc journal_check_text(const char *field, const char *text,
				size_t len, size_t max, bool required,
				struct mend_err *err)
{
	size_t bad = 0;

	if (!text)
		text = "";
	if (len > max)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: %zu bytes is more than the %zu allowed",
				    field, len, max);
	if (memchr(text, '\0', len))
		return mend_err_set(err, MEND_EINVAL,
				    "%s: contains a NUL byte at offset %zu; "
				    "only text is allowed",
				    field, (size_t)((const char *)memchr(text, '\0', len) - text));
	if (!utf8_valid(text, len, &bad))
		return mend_err_set(err, MEND_EINVAL,
				    "%s: not valid UTF-8 (bad byte 0x%02x at "
				    "offset %zu); save the text as UTF-8",
				    field, (unsigned char)text[bad], bad);
	if (required && !utf8_has_text(text))
		return mend_err_set(err, MEND_EINVAL,
				    "%s: empty; write at least a word", field);
	uint32_t cp = 0;
	size_t at = utf8_find_control(text, len, &cp);
	if (at < len)
		return mend_err_set(err, MEND_EINVAL,
				    "%s: a control character (U+%04X) at offset "
				    "%zu; only printable text, tabs and line "
				    "breaks are kept",
				    field, (unsigned)cp, at);
	return MEND_OK;
}

static int collect_period(const struct period *p, void *ctx)
{
	struct period_list *l = ctx;
	struct period *grown = realloc(l->items, (l->n + 1) * sizeof *grown);
	if (!grown)
		return 1;
	l->items = grown;
	l->items[l->n++] = *p;
	return 0;
}

enum mend_rc journal_periods(struct journal *j, const struct period_list **out,
			     struct mend_err *err)
{
	if (!j->periods_loaded) {
		journal_invalidate(j);
		enum mend_rc rc = store_periods_each(j->st, false, collect_period,
						     &j->periods, err);
		if (rc != MEND_OK) {
			journal_invalidate(j);
			return rc;
		}
		j->periods_loaded = true;
	}
	*out = &j->periods;
	return MEND_OK;
}

void journal_invalidate(struct journal *j)
{
	free(j->periods.items);
	j->periods.items = NULL;
	j->periods.n = 0;
	j->periods_loaded = false;
}

bool journal_letter_open(struct journal *j, const struct entry *e)
{
	const struct period_list *pl;
	time_t written, start, end;

	if (e->kind != KIND_SEALED)
		return true;
	if (journal_periods(j, &pl, NULL) != MEND_OK ||
	    !clock_parse_iso(e->created_at, &written))
		return false;
	for (size_t i = 0; i < pl->n; i++) {
		const struct period *p = &pl->items[i];
		if (!clock_parse_iso(p->started_at, &start))
			continue;
		if (!p->ended_at[0] || !clock_parse_iso(p->ended_at, &end))
			end = j->now;
		if (end < written)
			continue;
		long days;
		int hours;
		clock_elapsed(start, end, &days, &hours);
		if (days >= e->open_day)
			return true;
	}
	return false;
}

/* Kana, CJK ideographs and Hangul syllables: the ranges of
 * STORE_CJK_GLOB, which decides what the CJK index holds. */
static bool cjk_char(unsigned long c)
{
	return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	       (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ||
	       (c >= 0xf900 && c <= 0xfaff);
}

static bool cjk_word(const char *w, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)w[i];
		unsigned long c = b;
		size_t len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
		if (len > 1 && i + len <= n) {
			c = b & (0x7f >> len);
			for (size_t k = 1; k < len; k++)
				c = c << 6 | ((unsigned char)w[i + k] & 0x3f);
		}
		if (cjk_char(c))
			return true;
		i += len;
	}
	return false;
}

#define SEARCH_CJK_MAX 8

enum mend_rc journal_search_expr(const char *words, char **expr,
				 struct mend_err *err)
{
	size_t n = words ? strlen(words) : 0;
	const char *p = words;

	*expr = NULL;
	if (!utf8_valid(words ? words : "", n, NULL))
		return mend_err_set(err, MEND_EINVAL,
				    "search: not valid UTF-8; type the words "
				    "as text");
	/* worst case every byte a one-letter word: "x"* plus a space, and
	 * every quote doubled */
	char *out = malloc(n * 5 + 1), *o = out;
	if (!out)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	while (p && *p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		if (o != out)
			*o++ = ' ';
		*o++ = '"';
		for (; *p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r';
		     p++) {
			if (*p == '"')
				*o++ = '"';
			*o++ = *p;
		}
		*o++ = '"';
		*o++ = '*';
	}
	*o = '\0';
	if (o == out) {
		free(out);
		return mend_err_set(err, MEND_EINVAL,
				    "search: empty; give at least one word to "
				    "find");
	}
	int n_cjk = 0;
	static const char *const space = " \t\n\r";
	for (p = words; *p;) {
		p += strspn(p, space);
		size_t len = strcspn(p, space);
		n_cjk += len && cjk_word(p, len);
		p += len;
	}
	if (n_cjk > SEARCH_CJK_MAX) {
		free(out);
		return mend_err_set(err, MEND_EINVAL,
				    "search: more than %d words in Chinese, "
				    "Japanese or Korean; give %d or fewer",
				    SEARCH_CJK_MAX, SEARCH_CJK_MAX);
	}
	*expr = out;
	return MEND_OK;
}

/* Split the search words: those with CJK letters, one a line, into
 * *cjk (a word found anywhere in the text); the others into the FTS5
 * expression *match (NULL when there are none). Both are freed by the
 * caller with free, and are NULL on an error. */
static enum mend_rc search_split(const char *words, char **match, char **cjk,
				 struct mend_err *err)
{
	size_t n = strlen(words);
	char *rest = malloc(n + 1), *c = malloc(n + 1);
	char *r = rest, *o = c;
	enum mend_rc rc = MEND_OK;
	static const char *const space = " \t\n\r";

	*match = *cjk = NULL;
	if (!rest || !c) {
		free(rest);
		free(c);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	/* validates the words, and their number */
	rc = journal_search_expr(words, match, err);
	free(*match);
	*match = NULL;
	for (const char *p = words; rc == MEND_OK && *p;) {
		p += strspn(p, space);
		size_t len = strcspn(p, space);
		if (!len)
			break;
		bool is_cjk = cjk_word(p, len);
		char *to = is_cjk ? o : r;
		if (to != (is_cjk ? c : rest))
			*to++ = is_cjk ? '\n' : ' ';
		memcpy(to, p, len);
		to += len;
		*(is_cjk ? &o : &r) = to;
		p += len;
	}
	*r = *o = '\0';
	if (rc == MEND_OK && r != rest)
		rc = journal_search_expr(rest, match, err);
	free(rest);
	if (rc == MEND_OK && o != c)
		*cjk = c;
	else
		free(c);
	if (rc != MEND_OK) {
		free(*match);
		free(*cjk);
		*match = *cjk = NULL;
	}
	return rc;
}

/* The created_at bound of a day: the start of journal day date plus add
 * days, the day starting at hour (0 for midnight). */
static enum mend_rc day_bound(const char *field, const char *date, int add,
			      int hour, char out[CLOCK_ISO_LEN],
			      struct mend_err *err)
{
	struct mend_date d;
	if (!clock_parse_date(date, &d))
		return mend_err_set(err, MEND_EINVAL,
				    "%s: '%.40s' is not a date; use YYYY-MM-DD",
				    field, date);
	d = clock_civil_from_days(clock_days_from_civil(d) + add);
	clock_format_iso(clock_journal_day_start(d, hour), out);
	return MEND_OK;
}

static enum mend_rc day_range(const char *since, const char *until, int hour,
			      struct entry_filter *f,
			      char since_iso[CLOCK_ISO_LEN],
			      char until_iso[CLOCK_ISO_LEN],
			      struct mend_err *err)
{
	enum mend_rc rc = MEND_OK;

	if (since &&
	    (rc = day_bound("since", since, 0, hour, since_iso, err)) == MEND_OK)
		f->since = since_iso;
	if (rc == MEND_OK && until &&
	    (rc = day_bound("until", until, 1, hour, until_iso, err)) == MEND_OK)
		f->until = until_iso;
	if (rc == MEND_OK && since && until &&
	    strcmp(since_iso, until_iso) >= 0)
		rc = mend_err_set(err, MEND_EINVAL,
				  "until: %s is before since %s", until, since);
	return rc;
}

enum mend_rc journal_day_range(const char *since, const char *until,
			       struct entry_filter *f,
			       char since_iso[CLOCK_ISO_LEN],
			       char until_iso[CLOCK_ISO_LEN],
			       struct mend_err *err)
{
	return day_range(since, until, 0, f, since_iso, until_iso, err);
}

enum mend_rc journal_days(struct journal *j, const char *since,
			  const char *until, struct entry_filter *f,
			  char since_iso[CLOCK_ISO_LEN],
			  char until_iso[CLOCK_ISO_LEN], struct mend_err *err)
{
	return day_range(since, until, j->day_start_hour, f, since_iso,
			 until_iso, err);
}

struct mask_ctx {
	struct journal *j;
	int (*list_fn)(const struct entry *, void *);
	void (*find_fn)(const struct entry *, void *);
	void *ctx;
};

static const struct entry *masked(struct journal *j, const struct entry *e,
				  struct entry *tmp)
{
	if (e->kind != KIND_SEALED || journal_letter_open(j, e))
		return e;
	*tmp = *e;
	tmp->text = "";
	return tmp;
}

static int list_masked(const struct entry *e, void *ctx)
{
	struct mask_ctx *m = ctx;
	struct entry tmp;
	return m->list_fn(masked(m->j, e, &tmp), m->ctx);
}

static void find_masked(const struct entry *e, void *ctx)
{
	struct mask_ctx *m = ctx;
	struct entry tmp;
	m->find_fn(masked(m->j, e, &tmp), m->ctx);
}

enum mend_rc journal_list(struct journal *j, const struct journal_query *q,
			  int (*fn)(const struct entry *, void *), void *ctx,
			  struct mend_err *err)
{
	struct entry_filter f = {.module = q->module,
				 .kind = -1,
				 .prompt_id = q->prompt_id,
				 .tags = q->tags,
				 .n_tags = q->n_tags,
				 .oldest_first = q->oldest_first,
				 .limit = q->limit};
	char since[CLOCK_ISO_LEN], until[CLOCK_ISO_LEN];
	char *match = NULL, *cjk = NULL;
	struct mask_ctx m = {.j = j, .list_fn = fn, .ctx = ctx};
	enum mend_rc rc = MEND_OK;

	if (q->limit < 0)
		return mend_err_set(err, MEND_EINVAL,
				    "limit: %ld is negative; give 1 or more",
				    q->limit);
	f.starred = q->starred;
	if (q->kind) {
		enum kind k;
		if (!kind_from_name(q->kind, &k))
			return mend_err_set(err, MEND_EINVAL,
					    "kind: '%.32s' is not a kind of "
					    "entry; 'mend list --help' names "
					    "them",
					    q->kind);
		f.kind = (int)k;
	}
	rc = journal_days(j, q->since, q->until, &f, since, until, err);
	if (rc == MEND_OK && q->search) {
		rc = search_split(q->search, &match, &cjk, err);
		f.match = match;
		f.cjk = cjk;
	}
	if (rc == MEND_OK)
		rc = store_entries_each(j->st, &f, list_masked, &m, err);
	free(match);
	free(cjk);
	return rc;
}

enum mend_rc journal_page(struct journal *j, const struct journal_query *q,
			  const struct entry_cursor *from, enum journal_dir dir,
			  long limit, int (*fn)(const struct entry *, void *),
			  void *ctx, struct mend_err *err)
{
	char *match = NULL, *cjk = NULL;
	struct mask_ctx m = {.j = j, .list_fn = fn, .ctx = ctx};
	enum mend_rc rc = MEND_OK;

	if (q->search)
		rc = search_split(q->search, &match, &cjk, err);
	if (rc == MEND_OK) {
		struct entry_page p = {.module = q->module,
				       .match = match,
				       .cjk = cjk,
				       .from = from,
				       .newer = dir == JOURNAL_NEWER,
				       .tag = q->n_tags ? q->tags[0] : NULL,
				       .limit = limit};
		rc = store_entries_page(j->st, &p, list_masked, &m, err);
	}
	free(match);
	free(cjk);
	return rc;
}

void journal_cursor_of(const struct entry *e, struct entry_cursor *out)
{
	memcpy(out->created_at, e->created_at, sizeof out->created_at);
	memcpy(out->uuid, e->uuid, sizeof out->uuid);
}

enum mend_rc journal_cursor_after_day(const char *date,
				      struct entry_cursor *out,
				      struct mend_err *err)
{
	/* Local midnight of the next day with an empty uuid: after every
	 * entry of date, before every entry of the day after. */
	out->uuid[0] = '\0';
	return day_bound("date", date, 1, 0, out->created_at, err);
}

enum mend_rc journal_find(struct journal *j, const char *id,
			  void (*fn)(const struct entry *, void *), void *ctx,
			  struct mend_err *err)
{
	struct mask_ctx m = {.j = j, .find_fn = fn, .ctx = ctx};
	return store_entry_find(j->st, id, find_masked, &m, err);
}

static void copy_out(const struct entry *e, void *ctx)
{
	*(struct entry **)ctx = entry_dup(e);
}

/* Look an entry up by id inside a write transaction; caller frees. */
static enum mend_rc fetch(struct journal *j, const char *id,
			  struct entry **out, struct mend_err *err)
{
	*out = NULL;
	enum mend_rc rc = store_entry_find(j->st, id, copy_out, out, err);
	if (rc == MEND_OK && !*out)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	return rc;
}

enum mend_rc journal_edit(struct journal *j, const char *id, const char *text,
			  size_t len, struct mend_err *err)
{
	bool changed;
	/* the same edit without the compare (entry_edit.c) */
	return journal_edit_from(j, id, text, len, NULL, &changed, err);
}

enum mend_rc journal_star(struct journal *j, const char *id, bool on,
			  char uuid[UUID_LEN], struct mend_err *err)
{
	struct entry *e = NULL;
	enum mend_rc rc = store_begin(j->st, err);

	if (rc == MEND_OK)
		rc = fetch(j, id, &e, err);
	if (rc == MEND_OK)
		rc = store_entry_set_starred(j->st, e->uuid, on, err);
	if (rc == MEND_OK && uuid)
		memcpy(uuid, e->uuid, UUID_LEN);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	entry_free(e);
	return rc;
}

enum mend_rc journal_delete(struct journal *j, const char *id,
			    struct mend_err *err)
{
	struct entry *e = NULL;
	enum mend_rc rc = store_begin(j->st, err);

	if (rc == MEND_OK)
		rc = fetch(j, id, &e, err);
	if (rc == MEND_OK && e->kind == KIND_CONTACT && e->breaks_period == 1)
		rc = mend_err_set(err, MEND_EINVAL,
				  "id: %s is the contact that restarted your "
				  "no-contact period on %.10s; it stays so the "
				  "history is kept whole",
				  e->uuid, e->created_at);
	if (rc == MEND_OK)
		rc = store_entry_delete(j->st, e->uuid, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	entry_free(e);
	return rc;
}

enum mend_rc journal_save_entry(struct journal *j, struct entry *e,
			       char uuid[UUID_LEN], struct mend_err *err)
{
	enum mend_rc rc = uuid_new(e->uuid, err);
	memcpy(e->created_at, j->now_iso, sizeof e->created_at);
	memcpy(e->updated_at, j->now_iso, sizeof e->updated_at);
	if (rc == MEND_OK)
		rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_entry_insert(j->st, e, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	if (rc == MEND_OK && uuid)
		memcpy(uuid, e->uuid, UUID_LEN);
	return rc;
}


enum mend_rc journal_set_setting(struct journal *j, const char *key,
				 const char *value, struct mend_err *err)
{
	enum mend_rc rc = store_begin(j->st, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_setting_set(j->st, key, value, j->now_iso, err);
	if (rc == MEND_OK)
		rc = store_commit(j->st, err);
	else
		store_rollback(j->st);
	return rc;
}

enum mend_rc journal_set_day_start(struct journal *j, int hour,
				   struct mend_err *err)
{
	char num[8];
	enum mend_rc rc;

	if (hour < 0 || hour > 23)
		return mend_err_set(err, MEND_EINVAL,
				    "day-start-hour: %d is not in 0..23", hour);
	snprintf(num, sizeof num, "%d", hour);
	rc = journal_set_setting(j, "day_start_hour", num, err);
	if (rc == MEND_OK)
		j->day_start_hour = hour;
	return rc;
}
