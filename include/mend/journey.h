/* SPDX-License-Identifier: MIT */
/* The guided path across the weeks: its stages (data/journey.json,
 * embedded and validated at load), where the journal suggests the person
 * is and why, the stage they chose instead (suggested, never locked),
 * the one small step for today, the morning intention and the evening
 * look-back, and whether the count tracks all contact or only contact
 * beyond what is necessary. Nothing here touches the terminal. */
#ifndef MEND_JOURNEY_H
#define MEND_JOURNEY_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/content.h"
#include "mend/journal.h"

#define JOURNEY_STAGES_MAX 6

struct journey_stage {
	const char *id, *name, *text, *signs;
	int move_days;	  /* days since the start that may mean "move on" */
	int move_entries; /* things written that may mean "move on" */
	const char **exercises; /* exercise ids */
	size_t n_exercises;
	const char **themes; /* prompt themes */
	size_t n_themes;
	const char **actions; /* small things to do, in words */
	size_t n_actions;
};

/* One step of an after-decision list: exactly one field is set. */
struct journey_item {
	const char *theme, *action, *exercise;
};

struct journey_decided {
	const char *text; /* NULL for "undecided" */
	struct journey_item *steps;
	size_t n_steps;
};

/* All strings are borrowed from the parsed document and live until
 * journey_free. */
struct journey {
	struct journey_stage stages[JOURNEY_STAGES_MAX];
	size_t n_stages;
	const char **care; /* low-day steps */
	size_t n_care;
	const char **intentions; /* suggestions for the morning */
	size_t n_intentions;
	const char *exercise_text[8]; /* by journey_exercise_ids index */
	struct journey_decided decided[OUTCOME_COUNT];
	void *tree;
};

/* The exercise ids the path may name, NULL-terminated (static). */
extern const char *const journey_exercise_ids[];

/* Parse and validate a path document (len bytes): 2..6 stages with
 * unique ids, every text present, known exercise ids, prompt themes
 * that c has prompts for (c NULL: not checked), at least one care step
 * and one intention, and a text and steps for every decision but
 * "undecided". MEND_ECONTENT naming the place when not. Caller frees
 * *out with journey_free. */
enum mend_rc journey_parse(struct journey **out, const char *json, size_t len,
			   const struct content *c, struct mend_err *err);

/* journey_parse on the built-in data/journey.json. */
enum mend_rc journey_load(struct journey **out, const struct content *c,
			  struct mend_err *err);

/* Free jy and what it holds (NULL is fine). */
void journey_free(struct journey *jy);

/* The index of stage id, or -1. */
int journey_stage_index(const struct journey *jy, const char *id);

/* What the suggestion reads from the journal. */
struct journey_facts {
	long days;	/* since the first no-contact period began, or 0 */
	long entries;	/* things written (not check-ins or contacts) */
	int urge_week;	/* mean urge, last 7 days, in tenths; -1: none */
	int urge_prior; /* mean urge, the 7 days before, tenths; -1: none */
	int outcome;	/* enum outcome of the current decision, -1: none */
};

/* Where the person is on the path. */
struct journey_place {
	int suggested; /* stage index the journal suggests */
	int current;   /* the chosen stage, or the suggestion */
	bool chosen;   /* current was chosen, not followed */
	/* the signs of the suggested stage's previous stage, as met */
	bool days_met, entries_met, urges_easing;
	bool decided; /* a decision other than undecided moved it on */
};

/* True when the urges are easing: a known week at 4.0 or less, not
 * above the week before when that is known. */
bool journey_urges_easing(const struct journey_facts *f);

/* The suggestion, from facts alone (pure): the first stage whose signs
 * of moving on are not yet met, where a stage is done when its days
 * have passed and either its entries were written or the urges are
 * easing. A decision (anything but undecided) suggests the last stage.
 * Fills suggested and the signs; current = suggested, chosen false. */
void journey_suggest(const struct journey *jy, const struct journey_facts *f,
		     struct journey_place *out);

/* Read the facts from the journal. */
enum mend_rc journey_facts(struct journal *j, struct journey_facts *out,
			   struct mend_err *err);

/* The facts, the suggestion and the chosen stage (setting "stage"; an
 * id the path no longer has is followed as the suggestion). facts may
 * be NULL. */
enum mend_rc journey_where(struct journal *j, const struct journey *jy,
			   struct journey_place *out,
			   struct journey_facts *facts, struct mend_err *err);

/* Choose a stage by id, or "auto" to follow the suggestion again. An
 * unknown id is MEND_EINVAL naming "stage" and listing the ids. */
enum mend_rc journey_set_stage(struct journal *j, const struct journey *jy,
			       const char *id, struct mend_err *err);

/* Check a stage id (or "auto") as journey_set_stage does, writing
 * nothing. */
enum mend_rc journey_check_stage(const struct journey *jy, const char *id,
				 struct mend_err *err);

/* How today looks, for the step. */
struct journey_day {
	int mood; /* today's or yesterday's check-in, 0 when none */
	bool low; /* that mood at 3 or less, or three low check-ins */
};

enum journey_step_kind {
	JOURNEY_STEP_CARE,
	JOURNEY_STEP_ACTION,
	JOURNEY_STEP_PROMPT,
	JOURNEY_STEP_EXERCISE,
};

/* One small thing for today. Strings are borrowed from jy or c. */
struct journey_step {
	enum journey_step_kind kind;
	const char *source; /* "care", "stage" or "decided" (static) */
	int stage;	    /* the stage index it was chosen for */
	const char *text;   /* what to show */
	const char *ref;    /* prompt id or exercise id; NULL for others */
	const char *theme;  /* the prompt's theme; NULL for others */
};

/* Kind names, static: "care", "action", "prompt", "exercise". */
const char *journey_step_kind_name(enum journey_step_kind k);

/* Pick the step (pure, deterministic for its arguments). A low day
 * gives a care step. After reconnect or friends the steps come from that
 * decision alone (no-contact is no longer the goal); after part-ways
 * from that decision and the stage. Otherwise from the stage: its
 * actions and prompts, and its exercises on a day that is not middling
 * (mood unknown, or 7 and up). day (journal day) rotates the choice. */
void journey_pick(const struct journey *jy, const struct content *c, int stage,
		  int outcome, const struct journey_day *d, long day,
		  struct journey_step *out);

/* Today's step for this journal, with where it stands (place may be
 * NULL). */
enum mend_rc journey_today(struct journal *j, const struct journey *jy,
			   struct journey_step *out,
			   struct journey_place *place, struct mend_err *err);

/* Save a morning intention (text required, at most JOURNAL_NOTE_MAX
 * bytes) with the current stage's id in step; uuid may be NULL. */
enum mend_rc journey_intend(struct journal *j, const struct journey *jy,
			    const char *text, size_t len, char uuid[UUID_LEN],
			    struct mend_err *err);

/* Save an evening look-back (text required); mood 1..10 or ENTRY_NONE. */
enum mend_rc journey_lookback(struct journal *j, const char *text, size_t len,
			      int mood, char uuid[UUID_LEN],
			      struct mend_err *err);

enum journey_due {
	JOURNEY_DUE_NONE,
	JOURNEY_DUE_INTENTION,
	JOURNEY_DUE_LOOKBACK
};

/* What home offers now: the intention before noon, the look-back from
 * 18:00 until the journal day ends, each once a journal day, and not
 * once written or skipped today. */
enum mend_rc journey_due(struct journal *j, enum journey_due *out,
			 struct mend_err *err);

/* Skip today's intention or look-back (one setting, the day). */
enum mend_rc journey_skip(struct journal *j, enum journey_due which,
			  struct mend_err *err);

/* Contact mode: "none" (the default: no contact is the aim) or "low"
 * (someone they must stay in touch with; the count tracks contact beyond
 * what is necessary). A bad mode is MEND_EINVAL naming "contact-mode". */
enum mend_rc journey_check_contact_mode(const char *mode, struct mend_err *err);
enum mend_rc journey_set_contact_mode(struct journal *j, const char *mode,
				      struct mend_err *err);
enum mend_rc journey_contact_low(struct journal *j, bool *low,
				 struct mend_err *err);

#endif
