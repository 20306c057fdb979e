/* SPDX-License-Identifier: MIT */
/* The hardest moment: a pause before reaching out (the urge before and
 * after, what it asks for, how long it lasted, how it ended), a look at
 * their profile kept apart from the count, a slip looked back on kindly,
 * and the two lists the user keeps for these moments (reasons for
 * keeping space, people to reach instead). The words shown in these
 * flows come from data/pause.json. Nothing here draws or prints. */
#ifndef MEND_PAUSE_H
#define MEND_PAUSE_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/journal.h"

/* X(enum, key) — what the urge asks for. */
#define PAUSE_NEED_LIST(X)                                                     \
	X(PAUSE_NEED_COMFORT, "comfort")                                       \
	X(PAUSE_NEED_REASSURANCE, "reassurance")                               \
	X(PAUSE_NEED_ANSWER, "answer")                                         \
	X(PAUSE_NEED_CLOSENESS, "closeness")                                   \
	X(PAUSE_NEED_ANGER, "anger")                                           \
	X(PAUSE_NEED_HABIT, "habit")                                           \
	X(PAUSE_NEED_OWN, "own")

enum pause_need {
#define PAUSE_X(e, key) e,
	PAUSE_NEED_LIST(PAUSE_X)
#undef PAUSE_X
	    PAUSE_NEED_COUNT
};

/* X(enum, key) — how a pause ended. */
#define PAUSE_OUTCOME_LIST(X)                                                  \
	X(PAUSE_OUT_UNSENT, "unsent")                                          \
	X(PAUSE_OUT_NECESSARY, "necessary")                                    \
	X(PAUSE_OUT_CONTACT, "contact")                                        \
	X(PAUSE_OUT_LEFT, "left")

enum pause_outcome {
#define PAUSE_X(e, key) e,
	PAUSE_OUTCOME_LIST(PAUSE_X)
#undef PAUSE_X
	    PAUSE_OUTCOME_COUNT
};

/* X(enum, key) — what made a slip easy. */
#define SLIP_EASY_LIST(X)                                                      \
	X(SLIP_EASY_NUMBER, "number")                                          \
	X(SLIP_EASY_PLACE, "place")                                            \
	X(SLIP_EASY_HOUR, "hour")                                              \
	X(SLIP_EASY_SOCIAL, "social")                                          \
	X(SLIP_EASY_OTHER, "other")

enum slip_easy {
#define PAUSE_X(e, key) e,
	SLIP_EASY_LIST(PAUSE_X)
#undef PAUSE_X
	    SLIP_EASY_COUNT
};

/* Key names (static storage) and look-ups (-1 when not a key). */
const char *pause_need_key(enum pause_need n);
int pause_need_from_key(const char *key);
const char *pause_outcome_key(enum pause_outcome o);
int pause_outcome_from_key(const char *key);
const char *slip_easy_key(enum slip_easy e);
int slip_easy_from_key(const char *key);

/* The comma-separated keys of each list, for error messages and help
 * (static storage): "comfort, reassurance, ...". */
const char *pause_need_keys(void);
const char *pause_outcome_keys(void);
const char *slip_easy_keys(void);

#define PAUSE_SECONDS_MAX 86400
#define PAUSE_MINUTES_MAX 60  /* the longest countdown offered */
#define PAUSE_WORD_MAX	  200 /* the user's own word for a need, in bytes */

struct pause_input {
	int urge;	     /* before, 0..10 (required) */
	int urge_after;	     /* after, 0..10, or ENTRY_NONE (left early) */
	int seconds;	     /* 0..PAUSE_SECONDS_MAX, or ENTRY_NONE */
	const char *need;    /* a PAUSE_NEED_LIST key, or NULL */
	const char *own;     /* the user's word when need is "own", or NULL */
	const char *outcome; /* a PAUSE_OUTCOME_LIST key (required) */
};

/* Check in: ranges, keys, and that an own word goes only with "own".
 * MEND_EINVAL naming the field ("urge: 11 is not in 0..10"). */
enum mend_rc pause_check(const struct pause_input *in, struct mend_err *err);

/* Store one pause (kind "pause") written now; its uuid into uuid (may be
 * NULL). A contact it led to is logged apart, with nocontact_log_contact. */
enum mend_rc pause_save(struct journal *j, const struct pause_input *in,
			char uuid[UUID_LEN], struct mend_err *err);

/* Log a look at their profile (kind "profile"): urge 0..10 or
 * ENTRY_NONE, an optional note. It never touches the no-contact count;
 * a contact made as well is logged apart. */
enum mend_rc pause_log_profile(struct journal *j, int urge, const char *note,
			       char uuid[UUID_LEN], struct mend_err *err);

/* The answers of a slip review; every one may be NULL or "". */
struct slip_input {
	const char *happening; /* what was happening */
	const char *felt;      /* what I felt */
	const char *easy;      /* a SLIP_EASY_LIST key */
	const char *easy_note; /* a few words on what made it easy */
};

/* Store a slip review (kind "slip"): the answers in text, each under a
 * heading line, step = the
 * easy key. The headings are fixed short lines ("What was happening",
 * "What I felt", "What made it easy"). MEND_EINVAL when nothing at all
 * was answered. */
enum mend_rc slip_save(struct journal *j, const struct slip_input *in,
		       char uuid[UUID_LEN], struct mend_err *err);

/* The space given so far, so a new count is never shown alone: the
 * days of every period added up, the longest, and the running one. */
struct slip_space {
	long total_days;
	long longest_days;
	long current_days;
	long periods;
};
enum mend_rc slip_space(struct journal *j, struct slip_space *out,
			struct mend_err *err);

/* A one-line description of a pause, profile or slip entry's numbers
 * and keys, for review and export ("urge 8 → 3 · 10 min · comfort ·
 * kept unsent"); "" for other kinds. Never the user's words. */
void pause_describe(const struct entry *e, char *buf, size_t n);

/* --- the two lists the user keeps --- */

#define PAUSE_LIST_ITEMS 30
#define PAUSE_LIST_CHARS 200

/* X(enum, setting key, what one item is called) */
#define PAUSE_LISTS(X)                                                         \
	X(PAUSE_LIST_REASONS, "reasons", "reason")                             \
	X(PAUSE_LIST_PEOPLE, "people", "person")

enum pause_list_kind {
#define PAUSE_X(e, key, one) e,
	PAUSE_LISTS(PAUSE_X)
#undef PAUSE_X
	    PAUSE_LIST_COUNT
};

const char *pause_list_key(enum pause_list_kind k);
int pause_list_from_key(const char *key);

struct pause_list {
	char *items[PAUSE_LIST_ITEMS]; /* owned; free with pause_list_done */
	int n;
};

/* Read a list (empty when never set). Caller frees with pause_list_done,
 * also on error. */
enum mend_rc pause_list_get(struct journal *j, enum pause_list_kind k,
			    struct pause_list *out, struct mend_err *err);
void pause_list_done(struct pause_list *l);

/* Check one item: field names it ("reason: ..."): not empty, valid
 * UTF-8, no control characters, at most PAUSE_LIST_CHARS characters. */
enum mend_rc pause_list_check_item(enum pause_list_kind k, const char *text,
				   struct mend_err *err);

/* Add text at the end (at most PAUSE_LIST_ITEMS), replace item index
 * (0-based), or remove it. Each is one write of the whole list. */
enum mend_rc pause_list_add(struct journal *j, enum pause_list_kind k,
			    const char *text, struct mend_err *err);
enum mend_rc pause_list_replace(struct journal *j, enum pause_list_kind k,
				int index, const char *text,
				struct mend_err *err);
enum mend_rc pause_list_remove(struct journal *j, enum pause_list_kind k,
			       int index, struct mend_err *err);

/* --- the words of these flows (data/pause.json) --- */

#define PAUSE_LINES_MAX 16

struct pause_content {
	const char *need_label[PAUSE_NEED_COUNT]; /* "Comfort" ... */
	const char *outcome_label[PAUSE_OUTCOME_COUNT];
	const char *easy_label[SLIP_EASY_COUNT];
	const char *intro;  /* the first words of a pause */
	const char *urge_q; /* "How strong is the urge, 0 to 10?" */
	const char *urge_after_q;
	const char *need_q;
	const char *write_prompt;	   /* above the editor */
	const char *surf[PAUSE_LINES_MAX]; /* the surfing screen's lines */
	int n_surf;
	const char *breathe_in, *breathe_hold, *breathe_out;
	const char *end_q;   /* above the end choices */
	const char *passed;  /* said when the urge came down */
	const char *stayed;  /* said when it did not */
	const char *left;    /* said when they left early */
	const char *profile; /* after a look at their profile was logged */
	const char *slip_intro;
	const char *slip_q[3];	 /* happening, felt, what made it easy */
	const char *fresh_start; /* beside the new count after a slip */
	const char *no_reasons;	 /* when the reasons list is empty */
	const char *no_people;
	const char *emergency; /* the help-now line on emergency services */
	void *doc;	       /* the parsed file (owned) */
};

/* Parse and check the embedded data/pause.json: every key above present,
 * a non-empty string, and every need, outcome and easy key labelled.
 * MEND_ECONTENT naming what is missing. Caller frees with
 * pause_content_free (NULL is fine). */
enum mend_rc pause_content_load(struct pause_content **out,
				struct mend_err *err);

/* The same on text of len bytes (for tests and the fuzzer). */
enum mend_rc pause_content_parse(const char *text, size_t len,
				 struct pause_content **out,
				 struct mend_err *err);

void pause_content_free(struct pause_content *c);

#endif
