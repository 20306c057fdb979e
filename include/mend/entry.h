/* SPDX-License-Identifier: MIT */
/* One journal entry, of any module: the record every module writes and the
 * review, list and export read. Text fields are borrowed pointers: an entry
 * handed to a callback by the store lives only during that call; keep one
 * longer with entry_dup. */
#ifndef MEND_ENTRY_H
#define MEND_ENTRY_H

#include <limits.h>
#include <stdbool.h>

#include "mend/clock.h"
#include "mend/uuid.h"

/* X(enum, name) — the modules as the user sees them. */
#define MODULE_LIST(X)                                                         \
	X(MODULE_CHECKIN, "checkin")                                           \
	X(MODULE_NOCONTACT, "nocontact")                                       \
	X(MODULE_REFLECTION, "reflection")                                     \
	X(MODULE_GROWTH, "growth")                                             \
	X(MODULE_ACCEPTANCE, "acceptance")                                     \
	X(MODULE_PATH, "path")

enum module {
#define MODULE_ENUM(e, name) e,
	MODULE_LIST(MODULE_ENUM)
#undef MODULE_ENUM
	MODULE_COUNT
};

/* X(enum, name, module) — what kind of record an entry is. */
#define KIND_LIST(X)                                                           \
	X(KIND_CHECKIN, "checkin", MODULE_CHECKIN)                             \
	X(KIND_CONTACT, "contact", MODULE_NOCONTACT)                           \
	X(KIND_URGE, "urge", MODULE_NOCONTACT)                                 \
	X(KIND_UNSENT, "unsent", MODULE_NOCONTACT)                             \
	X(KIND_SEALED, "sealed", MODULE_NOCONTACT)                             \
	X(KIND_REFLECTION, "reflection", MODULE_REFLECTION)                    \
	X(KIND_GROWTH, "growth", MODULE_GROWTH)                                \
	X(KIND_ACCEPTANCE, "acceptance", MODULE_ACCEPTANCE)                    \
	X(KIND_DECISION, "decision", MODULE_ACCEPTANCE)                        \
	X(KIND_PAUSE, "pause", MODULE_NOCONTACT)                               \
	X(KIND_PROFILE, "profile", MODULE_NOCONTACT)                           \
	X(KIND_SLIP, "slip", MODULE_NOCONTACT)                                 \
	X(KIND_EXERCISE, "exercise", MODULE_PATH)                              \
	X(KIND_INTENTION, "intention", MODULE_PATH)                            \
	X(KIND_LOOKBACK, "lookback", MODULE_PATH)                              \
	X(KIND_CLARITY, "clarity", MODULE_PATH)                                \
	X(KIND_WEEK, "week", MODULE_PATH)

enum kind {
#define KIND_ENUM(e, name, mod) e,
	KIND_LIST(KIND_ENUM)
#undef KIND_ENUM
	KIND_COUNT
};

/* Marks an integer field that has no value: a number no one can type
 * (the command line refuses INT_MIN), so -1 from a user stays -1 and is
 * refused by the range checks. */
#define ENTRY_NONE INT_MIN

struct entry {
	long long id; /* local row id; 0 before insertion */
	char uuid[UUID_LEN];
	enum kind kind;
	char created_at[CLOCK_ISO_LEN];
	char updated_at[CLOCK_ISO_LEN];
	char day[CLOCK_DATE_LEN]; /* journal day of a check-in, else "" */
	const char *text;         /* never NULL: "" when empty */
	const char *prompt_id;    /* NULL when none */
	const char *prompt_text;  /* the prompt as shown, NULL when none */
	const char *initiator;    /* contact: "me" or "them" */
	const char *channel;      /* contact: text, call, social, ... */
	const char *category;     /* growth */
	const char *outcome;      /* decision */
	const char *tags;         /* space-separated, from a jrnl import */
	int mood;                 /* check-in 1..10 */
	int urge;                 /* check-in 0..10, urge 1..10 */
	int contact;              /* check-in: 1 if there was contact */
	int necessary;            /* contact: 1 if it had to happen */
	int breaks_period;        /* contact: 1 if it restarted the period */
	int minutes;              /* growth */
	int open_day;             /* sealed: opens at this streak day */
	int starred;              /* 1 when the user starred it, else 0 */
	/* Since schema 6, for the pause, the guided path and its exercises: */
	int urge_after;   /* pause: the urge when it ended, 0..10 */
	int seconds;      /* pause, exercise: how long it lasted */
	int score;        /* clarity: 1..7; exercise: a rating 1..10 */
	const char *step; /* a key from mend's own lists, never the user's
			   * words: the exercise's id, a pause's outcome, a
			   * slip's "what made it easy", an intention's
			   * stage; NULL when none */
};

/* Set every field to empty: text "", integers ENTRY_NONE (starred 0),
 * pointers NULL. */
void entry_init(struct entry *e);

/* Module of a kind. */
enum module kind_module(enum kind k);

/* Names, static storage. */
const char *module_name(enum module m);
const char *kind_name(enum kind k);

/* Look a name up; false when it is not one. */
bool module_from_name(const char *name, enum module *out);
bool kind_from_name(const char *name, enum kind *out);

/* Copy e and all its strings into one allocation.
 * Returns NULL when out of memory; caller frees with entry_free. */
struct entry *entry_dup(const struct entry *e);

/* Free a copy made by entry_dup (NULL is fine). */
void entry_free(struct entry *e);

#endif
