/* SPDX-License-Identifier: MIT */
/* The exercises from the research: their ids and the stage of recovery
 * each fits (fixed here, so the guided path can place them without
 * loading anything), their words and sources (data/exercises.json,
 * embedded and validated at load), the rumination question that picks
 * expressive writing or a gentler exercise, and saving what was done as
 * an `exercise` entry (step = the id) or a weekly `clarity` rating.
 * Nothing here touches the terminal. */
#ifndef MEND_EXERCISE_H
#define MEND_EXERCISE_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/err.h"
#include "mend/journal.h"

/* X(enum, name) — the stages of recovery an exercise can fit. */
#define EXERCISE_STAGE_LIST(X)                                                 \
	X(STAGE_SPACE, "space")                                                \
	X(STAGE_UNDERSTANDING, "understanding")                                \
	X(STAGE_REBUILDING, "rebuilding")                                      \
	X(STAGE_DECIDING, "deciding")

enum exercise_stage {
#define EXERCISE_STAGE_ENUM(e, name) e,
	EXERCISE_STAGE_LIST(EXERCISE_STAGE_ENUM)
#undef EXERCISE_STAGE_ENUM
	    EXERCISE_STAGE_COUNT
};

/* X(enum, id, stage) — every exercise, in the order they are listed.
 * The id is what an exercise entry keeps in `step`. */
#define EXERCISE_LIST(X)                                                       \
	X(EXERCISE_EXPRESSIVE, "expressive", STAGE_SPACE)                      \
	X(EXERCISE_COMPASSION, "compassion", STAGE_SPACE)                      \
	X(EXERCISE_ASTHEY, "asthey", STAGE_UNDERSTANDING)                      \
	X(EXERCISE_WHOAMI, "whoami", STAGE_REBUILDING)                         \
	X(EXERCISE_PLAN, "plan", STAGE_REBUILDING)                             \
	X(EXERCISE_GAINED, "gained", STAGE_DECIDING)                           \
	X(EXERCISE_STEADY, "steady", STAGE_SPACE)

enum exercise_id {
#define EXERCISE_ENUM(e, id, stage) e,
	EXERCISE_LIST(EXERCISE_ENUM)
#undef EXERCISE_ENUM
	    EXERCISE_COUNT
};

/* `steady` ("Just the day") is the gentler writing offered instead of
 * expressive writing to someone stuck searching for meaning; it is not
 * listed on its own (exercise_listed is false for it). */
#define EXERCISE_GENTLER EXERCISE_STEADY

/* The weekly clarity rating of who-am-I-now: 1..7. */
#define CLARITY_MIN 1
#define CLARITY_MAX 7
/* The mood after an exercise, as a check-in's: 1..10. */
#define EXERCISE_MOOD_MIN 1
#define EXERCISE_MOOD_MAX 10
/* The longest time an exercise entry may record: a day. */
#define EXERCISE_SECONDS_MAX 86400

/* Names and stages, static storage. */
const char *exercise_id_name(enum exercise_id x);
enum exercise_stage exercise_stage_of(enum exercise_id x);
const char *exercise_stage_name(enum exercise_stage s);

/* Look an id up; false when it is not one. */
bool exercise_from_name(const char *name, enum exercise_id *out);
bool exercise_stage_from_name(const char *name, enum exercise_stage *out);

/* True for the exercises shown in the list (all but the gentler one,
 * reached through the rumination question). */
bool exercise_listed(enum exercise_id x);

/* What the content says of one exercise. All strings borrowed from the
 * loaded content, valid until exercises_free. */
struct exercise_source {
	const char *authors; /* "Lepore & Greenberg" */
	int year;
	const char *journal; /* "Psychology & Health" */
	const char *volume;  /* "17(5)" */
	const char *finding; /* one modest line on what was found */
};

struct exercise_info {
	enum exercise_id id;
	const char *title;  /* "Expressive writing" */
	const char *line;   /* one line for the list */
	int timer;	    /* seconds of the countdown, 0: no timer */
	const char **steps; /* the steps, in order, n_steps of them */
	size_t n_steps;
	const char **parts; /* headings of the writing parts, n_parts >= 1 */
	size_t n_parts;
	const char *after; /* shown once it is saved */
	struct exercise_source source;
	const char *also; /* a second source in one line, or NULL */
};

struct exercises {
	struct exercise_info info[EXERCISE_COUNT]; /* indexed by id */
	const char *rumination;	      /* the question asked before expressive */
	const char *gentler_why;      /* why the gentler one is offered */
	const char *clarity_question; /* the weekly 1..7 question */
	const char *clarity_low;      /* the words for 1 */
	const char *clarity_high;     /* the words for 7 */
	void *tree; /* the parsed document the strings point into */
};

/* Load the built-in data/exercises.json. Caller frees *out with
 * exercises_free. MEND_ECONTENT names what is wrong with the file. */
enum mend_rc exercises_load(struct exercises **out, struct mend_err *err);

/* Parse and validate a document (len bytes): every exercise of
 * EXERCISE_LIST present once, with a title, a line, steps, parts and a
 * full source; timers 0..3600. Caller frees with exercises_free. */
enum mend_rc exercises_parse(struct exercises **out, const char *json,
			     size_t len, struct mend_err *err);

/* Free xs (NULL is fine). */
void exercises_free(struct exercises *xs);

/* The content of one exercise (borrowed from xs). */
const struct exercise_info *exercises_get(const struct exercises *xs,
					  enum exercise_id x);

/* The rumination question's answer picks the exercise: expressive
 * writing, or the gentler one when the person says they keep going
 * over why (stuck != 0). */
enum exercise_id exercise_for_rumination(int stuck);

/* "From: Lepore & Greenberg 2002" into buf (n bytes). Returns buf. */
char *exercise_source_line(const struct exercise_info *xi, char *buf, size_t n);

/* The text an exercise's writing starts from: each part's heading on a
 * line of its own, an empty line under each to write on, and a blank
 * line before the next heading. Caller frees with free;
 * NULL when out of memory. */
char *exercise_template(const struct exercise_info *xi);

/* True when text holds nothing but the template's headings and white
 * space (nothing was written yet). */
bool exercise_text_empty(const struct exercise_info *xi, const char *text,
			 size_t len);

/* text (len bytes) without the headings nothing was written under and
 * without trailing blank lines, as it is kept. Caller frees with free;
 * NULL when out of memory. */
char *exercise_tidy(const struct exercise_info *xi, const char *text,
		    size_t len);

/* An exercise or clarity entry's own fields in words, for show, review
 * and export: "Expressive writing · 15 min · mood after 7/10", or
 * "clarity 5 of 7". Unknown ids are shown as they are. Returns buf. */
char *exercise_entry_words(const struct entry *e, char *buf, size_t n);

/* What one exercise produced. */
struct exercise_input {
	enum exercise_id id;
	int seconds; /* time spent, ENTRY_NONE or 0..EXERCISE_SECONDS_MAX */
	int mood;    /* mood after, ENTRY_NONE or 1..10 */
	int score;   /* a rating, ENTRY_NONE or 1..10 */
};

/* Save an exercise entry: kind `exercise`, step = the id, text (len
 * bytes, may not be empty) as written. Out-of-range numbers are
 * MEND_EINVAL naming the field. uuid receives the new entry's uuid. */
enum mend_rc exercise_save(struct journal *j, const struct exercise_input *in,
			   const char *text, size_t len, char uuid[UUID_LEN],
			   struct mend_err *err);

/* On how many of the last `days` journal days (today among them) an
 * exercise x was saved, into *out: expressive writing is meant for a
 * few days in a row. */
enum mend_rc exercise_days_done(struct journal *j, enum exercise_id x, int days,
				int *out, struct mend_err *err);

/* Save the weekly who-am-I clarity rating: kind `clarity`, score
 * CLARITY_MIN..CLARITY_MAX, with optional text (len may be 0). */
enum mend_rc exercise_clarity_save(struct journal *j, int score,
				   const char *text, size_t len,
				   char uuid[UUID_LEN], struct mend_err *err);

#endif
