/* SPDX-License-Identifier: MIT */
/* The open journal: the store, the content and the clock bundled for the
 * modules, plus what every module shares: checking user text, and
 * listing, finding, editing and deleting entries of any kind. Front ends
 * hold one journal and pass it to the module functions. */
#ifndef MEND_JOURNAL_H
#define MEND_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "mend/content.h"
#include "mend/entry.h"
#include "mend/store.h"

/* Limits on what a user writes. */
#define JOURNAL_TEXT_MAX (1024 * 1024)
#define JOURNAL_NOTE_MAX (64 * 1024)
#define JOURNAL_NAME_MAX 100
#define JOURNAL_GOAL_MAX 3650

struct period_list {
	struct period *items;
	size_t n;
};

struct journal {
	struct store *st;
	struct content *content; /* NULL until loaded: see journal_content */
	time_t now;
	char now_iso[CLOCK_ISO_LEN];
	int day_start_hour; /* 0..23, default 4 */
	int goal_days;      /* default 30 */
	struct period_list periods; /* cache, oldest first; see journal_periods */
	bool periods_loaded;
	bool missing; /* opened to read where there is no journal yet */
};

/* Open the journal at path (NULL: store_default_path), load the content
 * and read the clock. Caller closes with journal_close. */
enum mend_rc journal_open(struct journal **out, const char *path,
			  struct mend_err *err);

/* The same for reading only: where there is no journal yet (no file,
 * or no directory), nothing is created; an empty journal in memory
 * stands in, and j->missing is true. */
enum mend_rc journal_open_read(struct journal **out, const char *path,
			       struct mend_err *err);

/* journal_open_read without the content: opening costs a few pages of
 * the file and nothing else, for a command run at every shell prompt.
 * j->content stays NULL until journal_content loads it; the modules that
 * read j->content directly need it loaded first (nocontact_status does
 * not). Where there is no journal, j->missing is true and j->st is NULL:
 * there is nothing to read, and the caller asks nothing more of it. */
enum mend_rc journal_open_lazy(struct journal **out, const char *path,
			       struct mend_err *err);

/* The journal's content, loaded on first use (a journal opened with
 * journal_open or journal_open_read has it already). *out is borrowed,
 * valid until journal_close; NULL when loading failed (a bad prompts
 * file is MEND_ECONTENT naming it), and the next call tries again. */
enum mend_rc journal_content(struct journal *j, const struct content **out,
			     struct mend_err *err);

/* Close everything the journal holds (NULL is fine). */
void journal_close(struct journal *j);

/* Read the clock again (a long-running front end calls this before each
 * action) and reload the settings. A new action: waits for another mend
 * call the busy hook again (see journal_set_busy_hook). */
enum mend_rc journal_refresh(struct journal *j, struct mend_err *err);

/* Be told while a read or a save waits for another mend's lock: see
 * store_set_busy_hook (hook returns non-zero to keep waiting, 0 to give
 * up with MEND_ECANCELLED). After a give-up the journal does not wait
 * again until journal_refresh, which begins the next action. hook NULL:
 * wait quietly, up to a minute, as the command line does. */
void journal_set_busy_hook(struct journal *j,
			   int (*hook)(void *ctx, int attempt, long waited_ms),
			   void *ctx);

/* Save one setting (value NULL removes it) as one write of its own, the
 * caller having checked the value. */
enum mend_rc journal_set_setting(struct journal *j, const char *key,
				 const char *value, struct mend_err *err);

/* Set the hour (0..23) at which a journal day begins. */
enum mend_rc journal_set_day_start(struct journal *j, int hour,
				   struct mend_err *err);

/* Today's journal day, as days since 1970-01-01 and as "YYYY-MM-DD". */
long journal_today(const struct journal *j);
void journal_today_str(const struct journal *j, char buf[CLOCK_DATE_LEN]);

/* Check user text for field: valid UTF-8, no NUL, at most max bytes, and
 * (when required) not empty or only white space. len is the text's byte
 * length (the text may contain a NUL the C string would hide). */
enum mend_rc journal_check_text(const char *field, const char *text,
				size_t len, size_t max, bool required,
				struct mend_err *err);

/* Save e as a new entry written now: a new uuid, created_at and
 * updated_at set to now, in its own transaction. On success the uuid is
 * copied to uuid (may be NULL). */
enum mend_rc journal_save_entry(struct journal *j, struct entry *e,
				char uuid[UUID_LEN], struct mend_err *err);

/* All no-contact periods, oldest first; borrowed, valid until the next
 * write through the journal. */
enum mend_rc journal_periods(struct journal *j, const struct period_list **out,
			     struct mend_err *err);

/* Forget cached periods after a write. */
void journal_invalidate(struct journal *j);

/* True when a sealed letter may be read: some no-contact period reached
 * the letter's day at or after the moment it was written. */
bool journal_letter_open(struct journal *j, const struct entry *e);

/* The created_at bounds of a day filter, into f: since ("YYYY-MM-DD",
 * may be NULL) from its local midnight, until (may be NULL) to the end of
 * its day, kept as UTC ISO in since_iso and until_iso. A bad date, or
 * until before since, is MEND_EINVAL naming the field. Calendar days:
 * journal_days is the same on journal days. */
enum mend_rc journal_day_range(const char *since, const char *until,
			       struct entry_filter *f,
			       char since_iso[CLOCK_ISO_LEN],
			       char until_iso[CLOCK_ISO_LEN],
			       struct mend_err *err);

/* journal_day_range on journal days, as check-ins count them: a day
 * runs from j's day-start hour to the next day's, so an entry written at
 * 01:30 belongs to the day before (day-start hour 4). */
enum mend_rc journal_days(struct journal *j, const char *since,
			  const char *until, struct entry_filter *f,
			  char since_iso[CLOCK_ISO_LEN],
			  char until_iso[CLOCK_ISO_LEN], struct mend_err *err);

struct journal_query {
	int module;            /* enum module, or -1 for all */
	const char *since;     /* "YYYY-MM-DD", inclusive, or NULL */
	const char *until;     /* "YYYY-MM-DD", inclusive, or NULL */
	const char *search;    /* words to find (all of them), or NULL */
	const char *prompt_id; /* only answers to this prompt, or NULL */
	bool starred;          /* only starred entries (journal_list) */
	const char *kind;      /* only this kind (kind_name), or NULL
				* (journal_list; an unknown one is
				* MEND_EINVAL naming "kind") */
	const char *const *tags; /* tag keys (tags_key), all of which must
				  * be there; n_tags of them, at most
				  * STORE_FILTER_TAGS (journal_page reads
				  * the first alone) */
	size_t n_tags;
	bool oldest_first;
	long limit; /* 0: no limit */
};

/* Stream the entries matching q to fn, newest first unless asked
 * otherwise; fn returns non-zero to stop. A sealed letter that is not
 * open yet comes with empty text. Entries are borrowed for the call.
 * Bad dates, an unknown prompt or an empty search are MEND_EINVAL. */
enum mend_rc journal_list(struct journal *j, const struct journal_query *q,
			  int (*fn)(const struct entry *, void *), void *ctx,
			  struct mend_err *err);

/* Which way a page walks from its cursor. */
enum journal_dir { JOURNAL_OLDER, JOURNAL_NEWER };

/* One page of the entries matching q's module and search (its other
 * fields are not read), for a front end that walks the whole journal
 * without holding it: at most limit (1 or more) entries strictly beyond
 * from in direction dir, the nearest to from first. from NULL starts at
 * an end: walking older, from the newest entry; walking newer, from the
 * very first one ever written. The order is created_at, then uuid; pass
 * the last entry's place (journal_cursor_of) to get the next page. A
 * search pages by time like the rest, and never finds a sealed letter;
 * a sealed letter that is not open comes with empty text. Entries are
 * borrowed for the call; fn returns non-zero to stop. An empty search
 * or a bad limit is MEND_EINVAL. */
enum mend_rc journal_page(struct journal *j, const struct journal_query *q,
			  const struct entry_cursor *from, enum journal_dir dir,
			  long limit, int (*fn)(const struct entry *, void *),
			  void *ctx, struct mend_err *err);

/* The place of an entry in the paging order, into out. */
void journal_cursor_of(const struct entry *e, struct entry_cursor *out);

/* The place just after the last moment of the local day date
 * ("YYYY-MM-DD"): a page walking older from it starts with the newest
 * entry written that day or before, one walking newer with the first
 * entry written after it. A bad date is MEND_EINVAL naming "date". */
enum mend_rc journal_cursor_after_day(const char *date,
				      struct entry_cursor *out,
				      struct mend_err *err);

/* Find one entry by id or unique id prefix and pass it to fn (sealed
 * letters masked as in journal_list). */
enum mend_rc journal_find(struct journal *j, const char *id,
			  void (*fn)(const struct entry *, void *), void *ctx,
			  struct mend_err *err);

/* Replace the text of an entry (one transaction). A sealed letter that
 * has not opened cannot be edited. */
enum mend_rc journal_edit(struct journal *j, const char *id, const char *text,
			  size_t len, struct mend_err *err);

/* journal_edit for an edit that began from the entry as it was at since
 * (its updated_at then; NULL: replace whatever is there). When the entry
 * changed meanwhile (another mend saved it, or an import), nothing is
 * written: *changed is true and the rc is MEND_EINVAL saying so. */
enum mend_rc journal_edit_from(struct journal *j, const char *id,
			       const char *text, size_t len, const char *since,
			       bool *changed, struct mend_err *err);

/* Save text as a new entry of from's kind and module, with from's
 * prompt and fields (written now; a copy of a contact restarts nothing):
 * how an edit that lost to another is kept. A check-in cannot have a
 * second entry for its day: MEND_EINVAL. The uuid goes to uuid. */
enum mend_rc journal_save_copy(struct journal *j, const struct entry *from,
			       const char *text, size_t len,
			       char uuid[UUID_LEN], struct mend_err *err);

/* True when a and b are the same text apart from trailing white space
 * (at the ends of lines, and blank lines at the end). */
bool journal_text_same(const char *a, const char *b);

/* Delete an entry (one transaction). A contact that restarted a
 * no-contact period stays: the history is kept honest. */
enum mend_rc journal_delete(struct journal *j, const char *id,
			    struct mend_err *err);

/* Star (on true) or unstar an entry by id or unique id prefix, in one
 * transaction; its text and times stay as they are. The entry's full
 * uuid is copied to uuid (may be NULL). */
enum mend_rc journal_star(struct journal *j, const char *id, bool on,
			  char uuid[UUID_LEN], struct mend_err *err);

/* Turn a user's search words into a safe FTS5 expression: each word
 * quoted, matched as a prefix, all required. On MEND_OK *expr is the
 * expression, which the caller frees with free; otherwise it is NULL and
 * the rc says why (MEND_EINVAL: no word, or not UTF-8). journal_list and
 * journal_page search words with CJK letters (which have no spaces
 * between them) anywhere inside the text instead. */
enum mend_rc journal_search_expr(const char *words, char **expr,
				 struct mend_err *err);

#endif
