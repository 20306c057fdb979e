/* SPDX-License-Identifier: MIT */
/* The journal store: the one place that speaks SQL. It opens and migrates
 * the SQLite file, wraps every user action in one write transaction, and
 * offers the small reads and writes the modules need. It knows records,
 * not the recovery program: streaks, rules and wording live in the modules. */
#ifndef MEND_STORE_H
#define MEND_STORE_H

#include <stdbool.h>

#include "mend/entry.h"
#include "mend/err.h"

struct store;

/* The schema version this build writes and understands. */
#define STORE_SCHEMA_VERSION 7

/* Open (creating if needed) the journal at path and migrate it to
 * STORE_SCHEMA_VERSION. Sets umask(077) first so that every file SQLite
 * makes beside the database is private. Symbolic links above the file
 * are followed (realpath); store_path gives the resolved path. Refuses,
 * leaving the file as it was: a directory, a device, a missing parent
 * directory (MEND_EINVAL); what someone else could change or swap
 * (MEND_EIO, the message naming the path and the fix): the file or its
 * "-journal" owned by another user, writable by group or others, or a
 * symbolic link; its directory owned by another user (root aside) or
 * writable by group or others, sticky or not; a directory above owned by
 * another user or writable by group or others without the sticky bit; a
 * file that is not a SQLite database or is another program's database
 * (MEND_ENOTDB), a journal from a newer mend (MEND_ENEWER). *out is set
 * on success; caller closes with store_close. */
enum mend_rc store_open(struct store **out, const char *path,
			struct mend_err *err);

/* Close the store (NULL is fine). Rolls back an open transaction. */
void store_close(struct store *st);

/* The default journal path: $MEND_DB, else $XDG_DATA_HOME/mend/journal.db,
 * else ~/.local/share/mend/journal.db. When the path is not from MEND_DB
 * its directory is created 0700 if missing. Caller frees *out with free. */
enum mend_rc store_default_path(char **out, struct mend_err *err);

/* The same path for a read, which must create nothing: a missing
 * directory is not made (an existing one is still made private). */
enum mend_rc store_default_path_peek(char **out, struct mend_err *err);

/* The path this store was opened on; borrowed, valid until store_close. */
const char *store_path(const struct store *st);

/* True when opening this store created its file. */
bool store_created(const struct store *st);

/* True when a write was committed on this store since it was opened
 * (a new journal's first migration does not count). */
bool store_wrote(const struct store *st);

/* True when the journal holds nothing at all (no entry, period, setting
 * or draft). */
enum mend_rc store_is_empty(struct store *st, bool *out, struct mend_err *err);

/* Transactions. store_begin takes the write lock at once (BEGIN
 * IMMEDIATE, waiting out other writers as store_set_busy_hook says), so a
 * user action never fails half-way for a lock. store_commit returns
 * MEND_OK only once the data is durable; on failure the transaction is
 * rolled back. store_rollback is safe to call when nothing is open. */
enum mend_rc store_begin(struct store *st, struct mend_err *err);
/* A read transaction: every read until store_end_read sees one snapshot
 * (an export). It holds a shared lock that keeps writers from committing,
 * so end it quickly. Inside a transaction already open, both do nothing. */
enum mend_rc store_begin_read(struct store *st, struct mend_err *err);
void store_end_read(struct store *st);
enum mend_rc store_commit(struct store *st, struct mend_err *err);
void store_rollback(struct store *st);

/* Waiting for another process. While another mend holds the journal's
 * lock, the store waits in short steps (at most 50 ms). With no hook it
 * waits quietly up to a minute, then fails with MEND_EBUSY. With a hook,
 * hook(ctx, attempt, waited_ms) is called before every step of every wait
 * (attempt counts from 0 within one wait; waited_ms is the wall time since
 * that wait began) and decides alone: non-zero to keep waiting, 0 to give
 * up. A give-up fails the call with MEND_ECANCELLED (the transaction is
 * rolled back, so nothing is written), and every later wait gives up at
 * once, without calling the hook, until store_busy_rearm: the person who
 * stopped waiting is not made to wait again by the rest of the same
 * action. The hook runs inside SQLite and must not call the store.
 * hook NULL: back to waiting quietly. */
typedef int (*store_busy_fn)(void *ctx, int attempt, long waited_ms);
void store_set_busy_hook(struct store *st, store_busy_fn hook, void *ctx);

/* Let waits call the hook again after it gave up (a new action begins). */
void store_busy_rearm(struct store *st);

/* Let the page cache grow to kib KiB for a large write (an import), so
 * that pages are not spilled and synced in the middle of the
 * transaction. Reads keep SQLite's small default. */
enum mend_rc store_bulk_cache(struct store *st, int kib, struct mend_err *err);

/* --- settings (small key/value pairs) --- */

/* Copy setting key into buf (size n). MEND_ENOTFOUND when unset. */
enum mend_rc store_setting_get(struct store *st, const char *key, char *buf,
			       size_t n, struct mend_err *err);
/* When setting key was last changed, into updated (CLOCK_ISO_LEN);
 * MEND_ENOTFOUND when unset. */
enum mend_rc store_setting_updated(struct store *st, const char *key,
				   char *updated, struct mend_err *err);

/* Set (value non-NULL) or remove (value NULL) a setting. */
enum mend_rc store_setting_set(struct store *st, const char *key,
			       const char *value, const char *now_iso,
			       struct mend_err *err);

/* --- no-contact periods --- */

struct period {
	long long id;
	char uuid[UUID_LEN];
	char started_at[CLOCK_ISO_LEN];
	char ended_at[CLOCK_ISO_LEN]; /* "" while the period runs */
	char created_at[CLOCK_ISO_LEN];
	char updated_at[CLOCK_ISO_LEN];
};

/* The running period (ended_at empty), MEND_ENOTFOUND when none. */
enum mend_rc store_period_current(struct store *st, struct period *out,
				  struct mend_err *err);
/* Insert p; sets p->id. */
enum mend_rc store_period_insert(struct store *st, struct period *p,
				 struct mend_err *err);
/* Write p's started_at and ended_at by id, a local change: updated_at
 * becomes the later of p's and a second after the one stored. */
enum mend_rc store_period_update(struct store *st, const struct period *p,
				 struct mend_err *err);
/* Delete the period with this id (undoing a mistaken contact). */
enum mend_rc store_period_delete(struct store *st, long long id,
				 struct mend_err *err);
/* Call fn for each period, by start (or, with by_created, by created_at
 * then uuid, the export order); stop early when fn returns non-zero. The
 * period is borrowed for the call. */
enum mend_rc store_periods_each(struct store *st, bool by_created,
				int (*fn)(const struct period *, void *),
				void *ctx, struct mend_err *err);

/* The period with this uuid into *out; MEND_ENOTFOUND when none. */
enum mend_rc store_period_by_uuid(struct store *st, const char *uuid,
				  struct period *out, struct mend_err *err);

/* Write every field of p to the period with p's uuid, inserting it when
 * there is none. */
enum mend_rc store_period_put(struct store *st, const struct period *p,
			      struct mend_err *err);

/* --- entries --- */

/* Insert e (uuid, kind, times and fields set by the caller); sets e->id. */
enum mend_rc store_entry_insert(struct store *st, struct entry *e,
				struct mend_err *err);
/* Rewrite every user field of the entry with e's uuid. */
enum mend_rc store_entry_update(struct store *st, const struct entry *e,
				struct mend_err *err);
/* store_entry_update, only while the entry's updated_at is still since
 * (the one an edit started from). When it changed meanwhile nothing is
 * written, *changed is true and the rc is MEND_EINVAL saying so; an
 * entry that is gone is MEND_ENOTFOUND. */
enum mend_rc store_entry_update_from(struct store *st, const struct entry *e,
				     const char *since, bool *changed,
				     struct mend_err *err);
/* Delete the entry with this uuid (and its search index rows). */
enum mend_rc store_entry_delete(struct store *st, const char *uuid,
				struct mend_err *err);
/* The same without store_forget_old_text, for a batch that runs it once
 * at its end (an import). */
enum mend_rc store_entry_remove(struct store *st, const char *uuid,
				struct mend_err *err);

/* Rewrite the search index so that no removed or replaced text is left
 * in it (after a delete or an edit). */
enum mend_rc store_forget_old_text(struct store *st, struct mend_err *err);

/* Find one entry by full uuid or unique prefix (4+ hex digits) and pass it
 * to fn. MEND_ENOTFOUND when none matches, MEND_EINVAL when the prefix is
 * ambiguous. */
enum mend_rc store_entry_find(struct store *st, const char *id,
			      void (*fn)(const struct entry *, void *),
			      void *ctx, struct mend_err *err);

/* The check-in of a journal day ("YYYY-MM-DD"), passed to fn; returns
 * MEND_ENOTFOUND when there is none. */
enum mend_rc store_checkin_by_day(struct store *st, const char *day,
				  void (*fn)(const struct entry *, void *),
				  void *ctx, struct mend_err *err);

/* Star (on true) or unstar the entry with this full uuid. MEND_ENOTFOUND
 * when there is none. The updated_at stays: a star is not an edit. */
enum mend_rc store_entry_set_starred(struct store *st, const char *uuid,
				     bool on, struct mend_err *err);
#define STORE_FILTER_TAGS 8

struct entry_filter {
	int module;           /* enum module, or -1 for all */
	int kind;             /* enum kind, or -1 for all */
	const char *since;    /* ISO time, inclusive, or NULL */
	const char *until;    /* ISO time, exclusive, or NULL */
	const char *match;    /* FTS5 expression (already made safe), or NULL */
	const char *prompt_id;/* only answers to this prompt, or NULL */
	const char *cjk;      /* words found anywhere inside the text, one a
			       * line (CJK, which has no spaces), or NULL */
	bool starred;         /* only starred entries */
	const char *const *tags; /* tag keys (tags_key) that must all be
				  * there, n_tags of them (at most
				  * STORE_FILTER_TAGS); sealed letters never
				  * match a tag */
	size_t n_tags;
	bool oldest_first;    /* by created_at then uuid; default newest first */
	long limit;           /* 0 for no limit */
};

/* Stream matching entries to fn, newest first (or oldest first); stop
 * early when fn returns non-zero. Entries are borrowed for the call. */
enum mend_rc store_entries_each(struct store *st, const struct entry_filter *f,
				int (*fn)(const struct entry *, void *),
				void *ctx, struct mend_err *err);

/* A place in the order review walks: by created_at, then uuid. An empty
 * uuid stands before every entry of that moment. */
struct entry_cursor {
	char created_at[CLOCK_ISO_LEN];
	char uuid[UUID_LEN];
};

struct entry_page {
	int module;	   /* enum module, or -1 for all */
	const char *match; /* FTS5 expression (already made safe), or NULL;
			    * sealed letters are never among the matches */
	const char *cjk;   /* as in entry_filter, or NULL */
	const struct entry_cursor *from; /* strictly beyond this place, or
					  * NULL: from the newest entry (or,
					  * walking newer, the very first) */
	bool newer; /* walk toward newer entries; default older */
	const char *tag; /* only entries with this tag key, or NULL; sealed
			  * letters never match a tag */
	long limit; /* at most this many, 1 or more */
};

/* Stream one page of entries to fn, the one nearest p->from first, by
 * keyset (an index range from the cursor, so a page costs the same at
 * the start and the end of a large journal); stop early when fn returns
 * non-zero. Entries are borrowed for the call. */
enum mend_rc store_entries_page(struct store *st, const struct entry_page *p,
				int (*fn)(const struct entry *, void *),
				void *ctx, struct mend_err *err);

/* Number of entries of a kind (-1: all) created at or after since (NULL:
 * ever). */
enum mend_rc store_entry_count(struct store *st, int kind, const char *since,
			       long *out, struct mend_err *err);

/* True when the journal has at least one entry (one index probe, unlike
 * a count). */
enum mend_rc store_has_entries(struct store *st, bool *out,
			       struct mend_err *err);

/* created_at of the newest entry of a module (-1: any), "" when none. */
enum mend_rc store_module_latest(struct store *st, int module,
				 char out[CLOCK_ISO_LEN], struct mend_err *err);

/* Total growth minutes and activity count per category for entries
 * created in [since, until). fn is called once per category present. */
enum mend_rc store_growth_totals(struct store *st, const char *since,
				 const char *until,
				 void (*fn)(const char *category, long minutes,
					    long count, void *ctx),
				 void *ctx, struct mend_err *err);

/* --- tags (store_tags.c) --- */

/* One tag of the journal: its key, how it was last written, on how many
 * entries it is and when it was last used (created_at of the newest). */
struct store_tag {
	const char *key, *shown, *last; /* borrowed for the call */
	long count;
};

/* Call fn for each tag of the journal (sealed letters left out), the
 * most used first, then by key; stop early when fn returns non-zero. */
enum mend_rc store_tags_each(struct store *st,
			     int (*fn)(const struct store_tag *, void *),
			     void *ctx, struct mend_err *err);

/* --- the editor's drafts (store_drafts.c) --- */

/* One draft row. owner names the session that writes it ("" when it has
 * none: from an older mend, or discarded); discarded_at is "" while the
 * draft is live. */
struct store_draft {
	long long id;
	const char *owner, *context, *text; /* borrowed for the call */
	const char *updated_at, *discarded_at;
};

/* Keep text as owner's live draft for context, replacing the one it kept
 * before (one per owner and context). */
enum mend_rc store_draft_put(struct store *st, const char *owner,
			     const char *context, const char *text,
			     const char *now_iso, struct mend_err *err);

/* Insert a discarded draft (owner "", discarded_at now_iso). */
enum mend_rc store_draft_put_discarded(struct store *st, const char *context,
				       const char *text, const char *now_iso,
				       struct mend_err *err);

/* Call fn for each live draft (discarded false) or each discarded one for
 * context (discarded true; context NULL: all), newest first; stop early
 * when fn returns non-zero. The row is borrowed for the call. */
enum mend_rc store_drafts_each(struct store *st, bool discarded,
			       const char *context,
			       int (*fn)(const struct store_draft *, void *),
			       void *ctx, struct mend_err *err);

/* Forget owner's live draft for context (none is fine). */
enum mend_rc store_draft_delete(struct store *st, const char *owner,
				const char *context, struct mend_err *err);

/* Forget the draft with this id (none is fine). */
enum mend_rc store_draft_delete_id(struct store *st, long long id,
				   struct mend_err *err);

/* Give the live draft id, still owned by from, to owner to. Any live
 * draft to already keeps for that context is replaced. MEND_ENOTFOUND
 * when the draft is gone or has another owner by now. */
enum mend_rc store_draft_take(struct store *st, long long id, const char *from,
			      const char *to, const char *now_iso,
			      struct mend_err *err);

/* Mark the draft id discarded at now_iso (it loses its owner). */
enum mend_rc store_draft_discard_id(struct store *st, long long id,
				    const char *now_iso, struct mend_err *err);

/* Forget discarded drafts discarded before cutoff_iso. */
enum mend_rc store_drafts_purge(struct store *st, const char *cutoff_iso,
				struct mend_err *err);

#endif
