/* SPDX-License-Identifier: MIT */
/* Words about an entry for the screens: what kind it is, when it was
 * written, what a list row says of it, the name a question gives it, when
 * a sealed letter opens, and a row's text drawn as a snippet around the
 * search words. Drawing only; it reads the core and never writes. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mend/pause.h"
#include "entry_text.h"
#include "mend/exercise.h"
#include "mend/utf8.h"

/* What an entry is, short for a list column and in a sentence. */
static const char *const kind_short[KIND_COUNT] = {
    [KIND_CHECKIN] = "check-in",  [KIND_CONTACT] = "contact",
    [KIND_URGE] = "urge",	  [KIND_UNSENT] = "unsent",
    [KIND_SEALED] = "letter",	  [KIND_REFLECTION] = "reflection",
    [KIND_GROWTH] = "growth",	  [KIND_ACCEPTANCE] = "acceptance",
    [KIND_DECISION] = "decision", [KIND_PAUSE] = "pause",
    [KIND_PROFILE] = "profile",	  [KIND_SLIP] = "slip",
    [KIND_EXERCISE] = "exercise", [KIND_INTENTION] = "intention",
    [KIND_LOOKBACK] = "look-back", [KIND_CLARITY] = "clarity",
    [KIND_WEEK] = "week",
};
static const char *const kind_phrase[KIND_COUNT] = {
    [KIND_CHECKIN] = "check-in",
    [KIND_CONTACT] = "logged contact",
    [KIND_URGE] = "logged urge",
    [KIND_UNSENT] = "unsent message",
    [KIND_SEALED] = "sealed letter",
    [KIND_REFLECTION] = "reflection",
    [KIND_GROWTH] = "self-improvement entry",
    [KIND_ACCEPTANCE] = "acceptance entry",
    [KIND_DECISION] = "decision",
    [KIND_PAUSE] = "pause before reaching out",
    [KIND_PROFILE] = "look at their profile",
    [KIND_SLIP] = "look back at a slip",
    [KIND_EXERCISE] = "exercise",
    [KIND_INTENTION] = "intention for the day",
    [KIND_LOOKBACK] = "evening look-back",
    [KIND_CLARITY] = "who-am-I rating",
    [KIND_WEEK] = "weekly review",
};

bool entry_text_sealed(const struct entry *e)
{
	return e->kind == KIND_SEALED && !*e->text;
}

/* The local time of an ISO moment, or its first characters. */
void entry_text_when(const char *iso, enum entry_when style, char *buf,
		     size_t n)
{
	time_t t;
	struct tm tm;
	snprintf(buf, n, "%.16s", iso);
	if (!clock_parse_iso(iso, &t) || !localtime_r(&t, &tm))
		return;
	if (style == ENTRY_WHEN_DAY)
		strftime(buf, n, "%Y-%m-%d", &tm);
	else if (style == ENTRY_WHEN_TIME)
		strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
	else if (style == ENTRY_WHEN_SHORT_WEEKDAY)
		strftime(buf, n, "%a %Y-%m-%d %H:%M", &tm);
	else
		strftime(buf, n, "%A %Y-%m-%d %H:%M", &tm);
}

/* When a sealed letter opens: the streak day, and the date that day falls
 * on if the running stretch of no contact goes on; in a sentence, or
 * short for a list row (the date first, so a narrow row keeps it). */
void entry_text_opens(struct app *a, const struct entry *e, bool brief,
		      char *buf, size_t n)
{
	const struct period_list *pl;
	char date[CLOCK_DATE_LEN] = "";
	time_t start;

	if (journal_periods(a->j, &pl, NULL) == MEND_OK)
		for (size_t i = 0; i < pl->n; i++)
			if (!pl->items[i].ended_at[0] &&
			    clock_parse_iso(pl->items[i].started_at, &start))
				clock_format_date(
				    clock_local_date(
					start + (time_t)e->open_day * 86400),
				    date);
	if (*date && brief)
		snprintf(buf, n, "Sealed: opens %s, day %d of no contact", date,
			 e->open_day);
	else if (*date)
		snprintf(buf, n,
			 "Sealed until day %d of no contact: it opens "
			 "on %s.",
			 e->open_day, date);
	else
		snprintf(buf, n, "Sealed until day %d of no contact.",
			 e->open_day);
}

/* A decision's outcome in words. */
static const char *outcome_words(const char *name)
{
	static const char *const words[OUTCOME_COUNT] = {
	    [OUTCOME_RECONNECT] = "try again together",
	    [OUTCOME_FRIENDS] = "stay friends",
	    [OUTCOME_PART_WAYS] = "part ways",
	    [OUTCOME_UNDECIDED] = "not decided yet",
	};
	enum outcome o;
	return name && outcome_from_name(name, &o) ? words[o] : "";
}

/* A growth category by its label ("Body"), or its id if unknown. */
static const char *category_words(struct app *a, const char *id)
{
	const struct category *c =
	    content_category(a->j->content, id ? id : "");
	return c ? c->label : id ? id : "";
}

/* What a list line says about an entry. */
void entry_text_summary(struct app *a, const struct entry *e, char *buf,
			size_t n)
{
	const char *sep = *e->text ? " · " : "";
	if (entry_text_sealed(e))
		entry_text_opens(a, e, true, buf, n);
	else if (e->kind == KIND_CHECKIN)
		snprintf(buf, n, "mood %d/10%s%s", e->mood, sep, e->text);
	else if (e->kind == KIND_DECISION)
		snprintf(buf, n, "decision: %s%s%s", outcome_words(e->outcome),
			 sep, e->text);
	else if (e->kind == KIND_URGE)
		snprintf(buf, n, "urge %d/10%s%s", e->urge, sep, e->text);
	else if (e->kind == KIND_CONTACT)
		snprintf(buf, n, "contact (%s, by %s)%s%s", e->channel,
			 strcmp(e->initiator ? e->initiator : "", "me") == 0
			     ? "me"
			     : "them",
			 sep, e->text);
	else if (e->kind == KIND_GROWTH && e->minutes != ENTRY_NONE)
		snprintf(buf, n, "%s, %d min · %s",
			 category_words(a, e->category), e->minutes, e->text);
	else if (e->kind == KIND_GROWTH)
		snprintf(buf, n, "%s · %s", category_words(a, e->category),
			 e->text);
	else if (e->kind == KIND_EXERCISE || e->kind == KIND_CLARITY) {
		char words[160];
		exercise_entry_words(e, words, sizeof words);
		snprintf(buf, n, "%s%s%s", words,
			 *words && *e->text ? " · " : "", e->text);
	} else if (e->kind == KIND_PAUSE || e->kind == KIND_PROFILE ||
		 e->kind == KIND_SLIP) {
		char what[160];
		pause_describe(e, what, sizeof what);
		snprintf(buf, n, "%s%s%s", what, sep, e->text);
	} else
		snprintf(buf, n, "%s", e->text);
}

/* Line breaks and tabs as spaces: a list row is one line, and a match in
 * a later paragraph must still be found. */
void entry_text_flatten(char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

/* How many bytes of s (len bytes) fit in cols columns, whole characters. */
static size_t fit_bytes(const char *s, size_t len, int cols)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t run = utf8_decode(s + i, len - i, &cp);
		if (!run)
			run = 1;
		if (ui_width(s, i + run) > cols)
			break;
		i += run;
	}
	return i;
}

/* Which entry this is, in words a person knows it by: "reflection of
 * Tue 2026-01-06 21:14, “bananas on the table”", its first words cut to
 * fit cols columns. A letter still sealed is never quoted. */
void entry_text_name(const struct entry *e, int cols, char *buf, size_t n)
{
	char when[40], words[200];
	entry_text_when(e->created_at, ENTRY_WHEN_SHORT_WEEKDAY, when,
			sizeof when);
	int len = snprintf(buf, n, "%s of %s", kind_phrase[e->kind], when);
	if (len < 0 || (size_t)len >= n)
		return;
	if (entry_text_sealed(e) || !*e->text)
		return;
	snprintf(words, sizeof words, "%s", e->text);
	entry_text_flatten(words);
	const char *w = words;
	while (*w == ' ')
		w++;
	int room = cols - ui_width(buf, (size_t)len) - 5; /* , “ ” and … */
	if (room < 8)
		room = 8;
	size_t keep = fit_bytes(w, strlen(w), room);
	bool cut = keep < strlen(w);
	if (cut) /* end on a whole word when there is one */
		for (size_t k = keep; k > 0; k--)
			if (w[k - 1] == ' ') {
				keep = k - 1;
				break;
			}
	snprintf(buf + len, n - (size_t)len, ", “%.*s%s”", (int)keep, w,
		 cut ? "…" : "");
}

/* --- finding the search words in a line --- */

static bool word_start(const char *s, size_t i)
{
	return i == 0 || !isalnum((unsigned char)s[i - 1]);
}

/* The length of the search word that starts at s[i] (ASCII letters
 * compared without case, as a prefix at a word start, like the search
 * itself), or 0. */
static size_t match_at(const char *s, size_t i, size_t n, const char *words)
{
	if (!word_start(s, i))
		return 0;
	for (const char *w = words; *w;) {
		while (*w == ' ' || *w == '"')
			w++;
		size_t wl = strcspn(w, " \"");
		if (wl && i + wl <= n) {
			size_t k = 0;
			while (k < wl && tolower((unsigned char)s[i + k]) ==
					     tolower((unsigned char)w[k]))
				k++;
			if (k == wl)
				return wl;
		}
		w += wl;
	}
	return 0;
}

/* Draw s in width columns with the search words in mark; when the first
 * match would fall beyond the right edge, start a little before it after
 * an ellipsis, so the row shows the match with some words around it. */
void entry_text_snippet(int y, int x, int width, const char *s,
			const char *words, int attr, int mark)
{
	size_t n = strlen(s), start = 0, i;
	int used = 0;

	for (i = 0; words && *words && i < n; i++)
		if (match_at(s, i, n, words))
			break;
	if (words && *words && i < n &&
	    ui_width(s, i) + ui_width(s + i, strcspn(s + i, " ")) > width) {
		/* keep a third of the row before the match, or more when
		 * the rest of the line is short */
		int context = width / 3, tail = ui_width(s + i, n - i);
		if (width - 1 - tail > context)
			context = width - 1 - tail;
		int before = ui_width(s, i) - context;
		while (start < i && ui_width(s, start) < before) {
			uint32_t cp;
			size_t run = utf8_decode(s + start, n - start, &cp);
			start += run ? run : 1;
		}
		size_t sp = start;
		while (sp < i && s[sp] != ' ')
			sp++;
		if (sp < i)
			start = sp + 1;
		used = ui_text(y, x, width, "…", attr);
	}
	/* what does not fit ends in an ellipsis */
	bool cut = used + ui_width(s + start, n - start) > width;
	int budget = cut ? width - 1 : width;
	for (i = start; i < n && used < budget;) {
		size_t run = words && *words ? match_at(s, i, n, words) : 0;
		bool hit = run > 0;
		if (!hit) {
			uint32_t cp;
			run = utf8_decode(s + i, n - i, &cp);
			if (!run)
				run = 1;
		}
		if (ui_width(s + i, run) > budget - used)
			break;
		used += ui_textn(y, x + used, budget - used, s + i, run,
				 hit ? mark : attr);
		i += run;
	}
	if (cut)
		ui_text(y, x + used, 1, "…", attr);
}

const char *entry_text_kind(enum kind k)
{
	return kind_short[k];
}
