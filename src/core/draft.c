/* SPDX-License-Identifier: MIT */
/* Drafts: kept per owner and context, offered once their owner is gone,
 * and kept a week after they are discarded. An owner is a process id with
 * the process's start time, so a pid used again by another program later
 * does not keep an old draft hidden. */
#include "mend/draft.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "mend/utf8.h"

/* The start time of process pid in clock ticks since boot, from
 * /proc/PID/stat (field 22); 0 when it cannot be read. */
static unsigned long long start_time(long pid)
{
	char path[64], buf[1024];
	unsigned long long start = 0;
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* the command name may hold spaces and parentheses: fields count
	 * from the last ')' */
	char *p = strrchr(buf, ')');
	if (!p)
		return 0;
	p++;
	for (int field = 3; field <= 22 && p; field++) {
		while (*p == ' ')
			p++;
		if (field == 22)
			start = strtoull(p, NULL, 10);
		p = strchr(p, ' ');
	}
	return start;
}

void draft_owner_self(char out[DRAFT_OWNER_LEN])
{
	long pid = (long)getpid();
	snprintf(out, DRAFT_OWNER_LEN, "%ld:%llu", pid, start_time(pid));
}

bool draft_owner_gone(const char *owner)
{
	char *end = NULL;
	long pid;
	unsigned long long start;

	if (!owner || !*owner)
		return true;
	errno = 0;
	pid = strtol(owner, &end, 10);
	if (errno || pid <= 0 || *end != ':')
		return true;
	start = strtoull(end + 1, &end, 10);
	if (*end)
		return true;
	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return true;
	/* the pid lives; it is our owner only if it started when it did */
	unsigned long long now = start_time(pid);
	return start && now && now != start;
}

static enum mend_rc begin(struct journal *j, struct mend_err *err)
{
	enum mend_rc rc = clock_now(&j->now, err);
	if (rc != MEND_OK)
		return rc;
	clock_format_iso(j->now, j->now_iso);
	return store_begin(j->st, err);
}

static enum mend_rc end(struct journal *j, enum mend_rc rc,
			struct mend_err *err)
{
	if (rc == MEND_OK)
		return store_commit(j->st, err);
	store_rollback(j->st);
	return rc;
}

static enum mend_rc purge(struct journal *j, struct mend_err *err)
{
	char cutoff[CLOCK_ISO_LEN];
	clock_format_iso(j->now - (time_t)DRAFT_KEEP_DAYS * 24 * 60 * 60, cutoff);
	return store_drafts_purge(j->st, cutoff, err);
}

enum mend_rc draft_save(struct journal *j, const char *owner,
			const char *context, const char *text, size_t len,
			struct mend_err *err)
{
	enum mend_rc rc = journal_check_text("draft", text, len,
					     JOURNAL_TEXT_MAX, false, err);
	if (rc == MEND_OK)
		rc = begin(j, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_draft_put(j->st, owner, context, text, j->now_iso, err);
	return end(j, rc, err);
}

enum mend_rc draft_clear(struct journal *j, const char *owner,
			 const char *context, struct mend_err *err)
{
	enum mend_rc rc = begin(j, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_draft_delete(j->st, owner, context, err);
	return end(j, rc, err);
}

enum mend_rc draft_discard(struct journal *j, const char *owner,
			   const char *context, const char *text, size_t len,
			   struct mend_err *err)
{
	enum mend_rc rc = journal_check_text("draft", text, len,
					     JOURNAL_TEXT_MAX, false, err);
	if (rc == MEND_OK)
		rc = begin(j, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_draft_delete(j->st, owner, context, err);
	if (rc == MEND_OK && utf8_has_text(text))
		rc = store_draft_put_discarded(j->st, context, text, j->now_iso,
					       err);
	if (rc == MEND_OK)
		rc = purge(j, err);
	return end(j, rc, err);
}

static bool copy(struct draft *d, const struct store_draft *s)
{
	memset(d, 0, sizeof *d);
	d->id = s->id;
	d->owner = strdup(s->owner);
	d->context = strdup(s->context);
	d->text = strdup(s->text);
	snprintf(d->updated_at, sizeof d->updated_at, "%s", s->updated_at);
	snprintf(d->discarded_at, sizeof d->discarded_at, "%s",
		 s->discarded_at);
	if (d->owner && d->context && d->text)
		return true;
	draft_done(d);
	return false;
}

struct orphans {
	struct draft *list;
	size_t n, cap;
	bool oom;
};

static int add_orphan(const struct store_draft *s, void *ctx)
{
	struct orphans *o = ctx;
	if (!draft_owner_gone(s->owner))
		return 0;
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 4;
		struct draft *g = realloc(o->list, cap * sizeof *g);
		if (!g) {
			o->oom = true;
			return 1;
		}
		o->list = g;
		o->cap = cap;
	}
	if (!copy(&o->list[o->n], s)) {
		o->oom = true;
		return 1;
	}
	o->n++;
	return 0;
}

enum mend_rc draft_orphans(struct journal *j, struct draft **out, size_t *n,
			   struct mend_err *err)
{
	struct orphans o = {NULL, 0, 0, false};
	enum mend_rc rc = begin(j, err);

	*out = NULL;
	*n = 0;
	if (rc != MEND_OK)
		return rc;
	rc = end(j, purge(j, err), err);
	if (rc == MEND_OK)
		rc = store_drafts_each(j->st, false, NULL, add_orphan, &o, err);
	if (rc == MEND_OK && o.oom)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc != MEND_OK) {
		draft_list_free(o.list, o.n);
		return rc;
	}
	*out = o.list;
	*n = o.n;
	return MEND_OK;
}

enum mend_rc draft_take(struct journal *j, const struct draft *d,
			const char *owner, struct mend_err *err)
{
	enum mend_rc rc = begin(j, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_draft_take(j->st, d->id, d->owner, owner, j->now_iso, err);
	return end(j, rc, err);
}

enum mend_rc draft_drop(struct journal *j, const struct draft *d,
			struct mend_err *err)
{
	enum mend_rc rc = begin(j, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_draft_discard_id(j->st, d->id, j->now_iso, err);
	if (rc == MEND_OK)
		rc = purge(j, err);
	return end(j, rc, err);
}

static int take_first(const struct store_draft *s, void *ctx)
{
	struct draft *d = ctx;
	if (!copy(d, s))
		d->id = -1;
	return 1;
}

enum mend_rc draft_last_discarded(struct journal *j, const char *context,
				  struct draft *out, struct mend_err *err)
{
	char cutoff[CLOCK_ISO_LEN];
	enum mend_rc rc = clock_now(&j->now, err);

	memset(out, 0, sizeof *out);
	if (rc == MEND_OK)
		rc = store_drafts_each(j->st, true, context, take_first, out,
				       err);
	if (rc != MEND_OK)
		return rc;
	if (out->id < 0)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	clock_format_iso(j->now - (time_t)DRAFT_KEEP_DAYS * 24 * 60 * 60, cutoff);
	if (!out->text || strcmp(out->discarded_at, cutoff) < 0) {
		draft_done(out);
		return MEND_ENOTFOUND;
	}
	return MEND_OK;
}

enum mend_rc draft_forget(struct journal *j, const struct draft *d,
			  struct mend_err *err)
{
	enum mend_rc rc = begin(j, err);
	if (rc != MEND_OK)
		return rc;
	rc = store_draft_delete_id(j->st, d->id, err);
	return end(j, rc, err);
}

void draft_done(struct draft *d)
{
	free(d->owner);
	free(d->context);
	free(d->text);
	d->owner = d->context = d->text = NULL;
}

void draft_list_free(struct draft *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		draft_done(&list[i]);
	free(list);
}
