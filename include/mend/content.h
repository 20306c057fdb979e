/* SPDX-License-Identifier: MIT */
/* The program's words: prompts, milestone messages, what is shown after a
 * slip or a low week, module descriptions and suggestion reasons. They
 * live in data/ as JSON, are embedded in the binary at build time, and are
 * validated when loaded; a user may add prompts of their own. */
#ifndef MEND_CONTENT_H
#define MEND_CONTENT_H

#include <stddef.h>

#include "mend/entry.h"
#include "mend/err.h"

/* X(enum, key in messages.json) — reasons for suggesting a module. */
#define SUGGEST_LIST(X)                                                        \
	X(SUGGEST_NO_START, "no_start")                                        \
	X(SUGGEST_EARLY_DAYS, "early_days")                                    \
	X(SUGGEST_AFTER_SLIP, "after_slip")                                    \
	X(SUGGEST_URGES_HIGH, "urges_high")                                    \
	X(SUGGEST_REFLECT_START, "reflect_start")                              \
	X(SUGGEST_GROWTH_QUIET, "growth_quiet")                                \
	X(SUGGEST_ACCEPTANCE_READY, "acceptance_ready")                        \
	X(SUGGEST_REFLECT_MORE, "reflect_more")                                \
	X(SUGGEST_BALANCE, "balance")                                          \
	X(SUGGEST_LOW_CARE, "low_care")                                        \
	X(SUGGEST_LOW_COMPANY, "low_company")                                  \
	X(SUGGEST_CALM_GROWTH, "calm_growth")                                  \
	X(SUGGEST_CALM_REFLECT, "calm_reflect")                                \
	X(SUGGEST_CALM_ACCEPT, "calm_accept")                                  \
	X(SUGGEST_DECIDED_RECONNECT, "decided_reconnect")                      \
	X(SUGGEST_DECIDED_FRIENDS, "decided_friends")

enum suggest_reason {
#define SUGGEST_ENUM(e, key) e,
	SUGGEST_LIST(SUGGEST_ENUM)
#undef SUGGEST_ENUM
	SUGGEST_COUNT
};

/* X(enum, name) — the outcomes a decision can name. */
#define OUTCOME_LIST(X)                                                        \
	X(OUTCOME_RECONNECT, "reconnect")                                      \
	X(OUTCOME_FRIENDS, "friends")                                          \
	X(OUTCOME_PART_WAYS, "part-ways")                                      \
	X(OUTCOME_UNDECIDED, "undecided")

enum outcome {
#define OUTCOME_ENUM(e, name) e,
	OUTCOME_LIST(OUTCOME_ENUM)
#undef OUTCOME_ENUM
	OUTCOME_COUNT
};

/* All strings below are borrowed from the content and live until
 * content_free. */
struct prompt {
	const char *id;
	enum module module;
	const char *theme;
	const char *text;
	int from_day; /* offered from this day of recovery on (0: always) */
	int min_mood; /* held back when the recent mood is below (0: never) */
};

/* What prompt choice knows about the person today. */
struct prompt_context {
	long stage_day; /* days since the first no-contact period began,
			 * -1 when not known (no start date set) */
	int mood;       /* the latest check-in's mood if recent, else 0 */
};

/* A theme's words for people, "What went wrong" for "what-went-wrong". */
struct theme {
	const char *id;
	const char *label;
	const char *note; /* shown with the theme's prompts, or NULL */
};

/* What the built-in prompts must hold (content_parse's minimum): this
 * many in all, enough reflection prompts that someone answering one a
 * day sees none again within PROMPT_FRESH_DAYS days, and at least
 * PROMPT_THEME_MIN of each theme of PROMPT_THEMES_NEEDED. */
#define PROMPT_TOTAL_MIN 150
#define PROMPT_FRESH_DAYS 90
#define PROMPT_THEME_MIN 4
#define PROMPT_THEMES_NEEDED                                                   \
	{"anger", "rejection-worth", "i-ended-it", "nights", "shared-life",  \
	 "holidays", "safety", "dating-again"}

struct milestone {
	int day;
	const char *message;
};

struct category {
	const char *id;
	const char *label;
	const char *hint;
};

struct content {
	struct prompt *prompts;
	size_t n_prompts;
	struct milestone *milestones; /* ascending days */
	size_t n_milestones;
	struct category *categories;
	size_t n_categories;
	const char **slip;
	size_t n_slip;
	const char **urge_logged;
	size_t n_urge_logged;
	const char *welcome;
	const char *low_mood;
	const char *module_title[MODULE_COUNT];
	const char *module_purpose[MODULE_COUNT];
	const char *suggestion[SUGGEST_COUNT];
	const char *decision[OUTCOME_COUNT];
	const char *decision_label[OUTCOME_COUNT]; /* "Try again together" */
	struct theme *themes;
	size_t n_themes;
	void *trees[3]; /* the parsed documents the strings point into */
	char *warning;  /* see content_warning; owned, freed by content_free */
};

/* Load the built-in content, then the user's prompts from
 * $XDG_CONFIG_HOME/mend/prompts.json (or ~/.config/...) if that file
 * exists. A bad user file does not fail the load: its prompts are left
 * out, the built-in ones stay, and content_warning says what is wrong.
 * Fails only for bad built-in content or out of memory. Caller frees
 * *out with content_free. */
enum mend_rc content_load(struct content **out, struct mend_err *err);

/* Why the user's prompts file was not loaded, as one sentence naming
 * the file and the problem, or NULL when all is well (c may be NULL).
 * The core never prints it: each front end shows it once. Borrowed,
 * valid until content_free. */
const char *content_warning(const struct content *c);

/* Parse content from memory: prompts and messages documents (each
 * len bytes, no NUL needed). The built-in minimum counts are checked
 * when require_minimum is non-zero. Caller frees with content_free. */
enum mend_rc content_parse(struct content **out, const char *prompts,
			   size_t prompts_len, const char *messages,
			   size_t messages_len, int require_minimum,
			   struct mend_err *err);

/* Add the prompts of a user document (same format as data/prompts.json)
 * to c; ids must not clash with existing ones. source names the file in
 * messages. On error c is unchanged. */
enum mend_rc content_add_prompts(struct content *c, const char *json,
				 size_t len, const char *source,
				 struct mend_err *err);

/* The built-in milestone days, ascending, into days (at most max), read
 * straight from the embedded messages without loading the content (the
 * milestones are the program's own; a user file adds prompts only).
 * Returns how many. */
size_t content_milestone_days(int *days, size_t max);

/* Free c and everything it holds (NULL is fine). */
void content_free(struct content *c);

/* The prompt with this id, or NULL. */
const struct prompt *content_prompt(const struct content *c, const char *id);

/* Number of prompts of module m. */
size_t content_prompt_count(const struct content *c, enum module m);

/* The prompt of the day for module m on journal day `day` (days since
 * 1970-01-01). Over any run of n consecutive days (n = the module's
 * prompt count, starting at a multiple of n) each prompt appears once.
 * `offset` picks another: the prompt `offset` places further on in the
 * same cycle. NULL when the module has no prompts. */
const struct prompt *content_prompt_of_day(const struct content *c,
					   enum module m, long day,
					   unsigned offset);

/* The same, among the prompts of m that suit ctx (NULL: all of them):
 * a prompt suits when ctx->stage_day, when known, is at least from_day
 * and the mood, when
 * known, is at least min_mood. The cycle runs over the prompts that
 * suit. An unknown stage or mood holds nothing back. When none suits,
 * every prompt of m is considered. */
const struct prompt *content_prompt_for(const struct content *c,
					enum module m, long day,
					unsigned offset,
					const struct prompt_context *ctx);

/* content_prompt_for, preferring the prompts answered longest ago:
 * last(id, last_ctx) gives the ISO time of a prompt's latest answer, or
 * NULL when it has none. Among the prompts that suit, those never
 * answered come first, then the oldest answers; ties keep the order of
 * the day's cycle from the place content_prompt_for starts at, so with
 * no answers at all the result is content_prompt_for's. offset counts
 * along that ranking. Someone who answers the day's prompt every day
 * sees each suitable prompt once before any comes back. */
const struct prompt *content_prompt_fresh(
	const struct content *c, enum module m, long day, unsigned offset,
	const struct prompt_context *ctx,
	const char *(*last)(const char *id, void *last_ctx), void *last_ctx);

/* True when p suits ctx (NULL: always). */
int content_prompt_suits(const struct prompt *p,
			 const struct prompt_context *ctx);

/* A theme in words into buf (n bytes): its label from the content, or
 * else the id with '-' as spaces and a capital first letter. Returns
 * buf. */
char *content_theme_words(const struct content *c, const char *theme,
			  char *buf, size_t n);

/* The note that goes with a theme's prompts (the safety theme's points
 * to help), or NULL when it has none. Borrowed from the content. */
const char *content_theme_note(const struct content *c, const char *theme);

/* The growth category with this id, or NULL. */
const struct category *content_category(const struct content *c,
					const char *id);

/* Outcome names, static storage; false when name is not one. */
const char *outcome_name(enum outcome o);
int outcome_from_name(const char *name, enum outcome *out);

#endif
