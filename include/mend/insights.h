/* SPDX-License-Identifier: MIT */
/* Insights and look-back: the figures that show that things are moving
 * and what seems to help, one function per view, each filling a struct
 * that the command line and the TUI both draw. The counting is done by
 * SQLite (store_insights.c); nothing here draws, prints or holds the
 * user's words: items name entries by uuid, and a front end that shows
 * what was written fetches the entry with journal_find / store_entry_find.
 * Every day here is a journal day (it begins at j->day_start_hour). A day
 * without a check-in is a gap, never a zero: a bucket with no check-in
 * has n == 0 and its mean is not a number to show. */
#ifndef MEND_INSIGHTS_H
#define MEND_INSIGHTS_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/clock.h"
#include "mend/entry.h"
#include "mend/journal.h"
#include "mend/tags.h"

/* An average over n values; mean means nothing when n == 0 (a gap). */
struct insights_avg {
	long n;
	double mean;
};

/* --- mood and urges over time --- */

enum insights_by { INSIGHTS_BY_DAY, INSIGHTS_BY_WEEK, INSIGHTS_BY_MONTH };

/* Parse "day", "week" or "month"; false on anything else. */
bool insights_by_from_name(const char *name, enum insights_by *out);
const char *insights_by_name(enum insights_by by);

/* One bucket of the chart: a day, a week (from the week's first day, see
 * insights_week_start) or a calendar month. */
struct insights_point {
	char start[CLOCK_DATE_LEN]; /* the bucket's first day */
	struct insights_avg mood;   /* over its check-ins; n 0: a gap */
	struct insights_avg urge;   /* over its check-ins that gave an urge */
};

struct insights_mood {
	enum insights_by by;
	char since[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN]; /* both included */
	struct insights_point *points; /* every bucket from since to until,
					* oldest first, gaps included */
	size_t n;
	/* Over the 7 and the 30 days ending on until, and the 30 days
	 * before those 30 (days 31..60 back): */
	struct insights_avg mood_7, mood_30, mood_prev_30;
	struct insights_avg urge_7, urge_30, urge_prev_30;
};

/* Mood and urge by day, week or month over the journal days since..until
 * ("YYYY-MM-DD", both included; since NULL: the first check-in's day, or
 * until when there is none; until NULL: today). since after until, or a
 * span of more than 36600 buckets, is MEND_EINVAL naming the field.
 * out is filled on MEND_OK; free it with insights_mood_done (also safe
 * on a zeroed struct). MEND_ENOMEM. */
enum mend_rc insights_mood(struct journal *j, enum insights_by by,
			   const char *since, const char *until,
			   struct insights_mood *out, struct mend_err *err);
void insights_mood_done(struct insights_mood *m);

/* The first check-in's day into day, "" when there is none. */
enum mend_rc insights_first_checkin(struct journal *j, char day[CLOCK_DATE_LEN],
				    struct mend_err *err);

/* --- a year in pixels --- */

struct insights_year {
	int year;
	int days;	  /* 365 or 366 */
	int jan1_weekday; /* weekday of 1 January, 0 = Monday .. 6 = Sunday */
	int mood[366];	  /* by day of the year (0 = 1 January): the
			   * check-in's mood 1..10, or 0 for a gap */
	long checkins;	  /* days of the year with a check-in */
	int first_year;	  /* the years that have check-ins, to move by
			   * year; both 0 when there is none */
	int last_year;
};

/* The year (1970..9999; 0: this year's) into out. A year outside that is
 * MEND_EINVAL naming "year". No allocation. */
enum mend_rc insights_year(struct journal *j, int year,
			   struct insights_year *out, struct mend_err *err);

/* --- no contact over time --- */

struct insights_period {
	char uuid[UUID_LEN];
	char start[CLOCK_DATE_LEN]; /* local date it began */
	char end[CLOCK_DATE_LEN];   /* local date it ended, "" while it runs */
	long days;		    /* whole days, to its end or to now */
	bool running;
};

/* One week of urges written down and pauses taken instead of sending. */
struct insights_urge_week {
	char start[CLOCK_DATE_LEN];   /* the week's first day */
	long urges;		      /* urge entries */
	long pauses;		      /* pause entries */
	struct insights_avg strength; /* the urges' levels (1..10) */
	struct insights_avg before;   /* pauses: the urge before */
	struct insights_avg after;    /* pauses: the urge after */
};

struct insights_periods {
	struct insights_period *items; /* every period, oldest first */
	size_t n;
	long total_days;   /* days of space, all periods together */
	long longest_days; /* the longest stretch */
	long longest;	   /* its index in items, -1 when there is none */
	struct insights_urge_week *weeks; /* weeks since..until, oldest
					   * first, empty weeks included */
	size_t n_weeks;
	long urges, pauses;		   /* in those weeks */
	struct insights_avg before, after; /* every pause of those weeks */
};

/* The periods (all of them: their history is never erased) and the urges
 * and pauses per week over since..until (as insights_mood; since NULL:
 * the first urge or pause, or until). Free with insights_periods_done
 * (safe on a zeroed struct). MEND_EINVAL for a bad span, MEND_ENOMEM. */
enum mend_rc insights_periods(struct journal *j, const char *since,
			      const char *until, struct insights_periods *out,
			      struct mend_err *err);
void insights_periods_done(struct insights_periods *p);

/* --- what helps --- */

enum insights_help_what {
	INSIGHTS_HELP_CATEGORY, /* a self-improvement category was logged */
	INSIGHTS_HELP_TAG,	/* the check-in carried this quick tag */
	INSIGHTS_HELP_MODULE	/* something was written in this module */
};

/* The minimum of days with and days without for a row to be shown. */
#define INSIGHTS_HELP_MIN 5

/* Room for a key: a tag key is at most TAG_MAX_BYTES as typed, and
 * lower-casing can lengthen it. */
#define INSIGHTS_KEY_MAX (4 * TAG_MAX_BYTES + 1)

struct insights_help {
	enum insights_help_what what;
	char key[INSIGHTS_KEY_MAX];  /* the category id, the tag key or the
				      * module name (never the user's words
				      * beyond a tag's key) */
	struct insights_avg with;    /* mood on check-in days with it */
	struct insights_avg without; /* mood on check-in days without */
};

struct insights_helps {
	struct insights_help *items; /* categories (content order), then
				      * quick tags (their order), then
				      * modules; only rows with n >= 5
				      * on both sides */
	size_t n;
	long checkin_days; /* check-in days in since..until */
};

/* What helps over since..until (as insights_mood). Free with
 * insights_helps_done (safe on a zeroed struct). */
enum mend_rc insights_helps(struct journal *j, const char *since,
			    const char *until, struct insights_helps *out,
			    struct mend_err *err);
void insights_helps_done(struct insights_helps *h);

/* The row in mend's words, never as a cause, into buf (size n):
 * "On days you went for a walk your mood was on average 6.2 (n = 12);
 * on other days 4.9 (n = 30)." The phrase for a category or module comes
 * from the content (data/insights.json), a tag is shown as the tags API
 * shows it. Returns the length written (truncated to fit). */
size_t insights_help_sentence(struct journal *j, const struct insights_help *h,
			      char *buf, size_t n);

/* The short name of the row's subject ("went for a walk", "#sleep",
 * "wrote a reflection"), for a chart's label; same rules. */
size_t insights_help_label(struct journal *j, const struct insights_help *h,
			   char *buf, size_t n);

/* --- when urges come --- */

struct insights_urge_times {
	long by_hour[24];   /* local hour the urge or pause was written */
	long by_weekday[7]; /* 0 = Monday .. 6 = Sunday */
	long total;
	struct insights_avg strength; /* the urges' levels */
};

/* Urge and pause entries written over since..until (as insights_mood),
 * by hour of the day and by weekday. No allocation. */
enum mend_rc insights_urge_times(struct journal *j, const char *since,
				 const char *until,
				 struct insights_urge_times *out,
				 struct mend_err *err);

/* --- look back --- */

enum insights_when {
	INSIGHTS_ON_THIS_DAY, /* the same date in an earlier month or year */
	INSIGHTS_DAYS_AGO     /* 30, 90 or 365 days ago */
};

/* One entry written on a day looked back on: name only, fetch its words
 * by uuid. */
struct insights_item {
	char uuid[UUID_LEN];
	enum kind kind;
	char created_at[CLOCK_ISO_LEN];
};

/* A day looked back on. */
struct insights_lookday {
	enum insights_when when;
	int ago;    /* days back (for every day, both kinds) */
	int months; /* on this day: months back (12 a year) */
	char day[CLOCK_DATE_LEN];
	int mood;	 /* the check-in's mood then, 0: none */
	size_t first, n; /* its entries: items[first .. first+n) */
	size_t total;	 /* entries that day (n is at most
			  * INSIGHTS_LOOK_ITEMS of them) */
};

#define INSIGHTS_LOOK_ITEMS 20

struct insights_lookback {
	char today[CLOCK_DATE_LEN];
	int mood_now; /* today's check-in's mood, 0: none yet */
	struct insights_lookday *days; /* on-this-day days newest first
					* (only those with a check-in or an
					* entry), then 30, 90 and 365 days
					* ago (always, even when empty) */
	size_t n_days;
	struct insights_item *items; /* oldest first within a day */
	size_t n_items;
};

/* Look back from day ("YYYY-MM-DD"; NULL: today). Free with
 * insights_lookback_done (safe on a zeroed struct). */
enum mend_rc insights_lookback(struct journal *j, const char *day,
			       struct insights_lookback *out,
			       struct mend_err *err);
void insights_lookback_done(struct insights_lookback *l);

/* --- then and now --- */

struct insights_pair {
	enum kind kind;		     /* checkin, reflection or unsent */
	struct insights_item first;  /* uuid "" when there is none */
	struct insights_item latest; /* "" when only one (or none) */
	int first_mood, latest_mood; /* check-ins: their moods, else 0 */
};

struct insights_then_now {
	struct insights_pair pairs[3]; /* checkin, reflection, unsent */
	/* Offered today: the running stretch reached a milestone or the
	 * goal today (its day in offer_day), and not yet seen (see
	 * insights_then_now_seen). */
	bool offer;
	long offer_day;
};

/* The first and the latest of each. No allocation. */
enum mend_rc insights_then_now(struct journal *j, struct insights_then_now *out,
			       struct mend_err *err);

/* Remember that the then-and-now page was offered for this streak day
 * (a setting), so it is not offered again for it. One transaction. */
enum mend_rc insights_then_now_seen(struct journal *j, long day,
				    struct mend_err *err);

/* --- your week --- */

/* The first day of the week that holds day: Monday, unless the setting
 * week-start is another weekday ("sunday", ...). */
struct mend_date insights_week_start(struct journal *j, struct mend_date day);

/* Minutes for yourself in one category over the week. */
struct insights_growth {
	const char *category; /* borrowed from the content */
	long minutes;
	long count;
};

struct insights_week {
	char start[CLOCK_DATE_LEN], end[CLOCK_DATE_LEN]; /* 7 days */
	long checkins;			 /* days with a check-in */
	struct insights_avg mood;	 /* this week */
	struct insights_avg mood_before; /* the week before */
	long urges;			 /* urges written down */
	long pauses;			 /* pauses taken */
	long reflections;		 /* reflections written */
	struct insights_growth *growth;	 /* every content category, in
					  * content order */
	size_t n_growth;
	long letters_opened;	    /* sealed letters that opened */
	char letter_uuid[UUID_LEN]; /* the first of them, "" if none */
	char note_uuid[UUID_LEN];   /* the week entry kept for this
				     * week, "" when none */
};

/* The review of the week that begins on start ("YYYY-MM-DD", any day of
 * it will do; NULL: the week just ended, the one before today's). Free
 * with insights_week_done (safe on a zeroed struct). */
enum mend_rc insights_week(struct journal *j, const char *start,
			   struct insights_week *out, struct mend_err *err);
void insights_week_done(struct insights_week *w);

/* True in *due when the review of the week just ended is to be offered
 * on home: today is the first day of a week, the journal holds something
 * from that week, and it was neither kept as a note nor seen. */
enum mend_rc insights_week_due(struct journal *j, bool *due,
			       struct mend_err *err);

/* Remember that the review of the week starting on w->start was seen
 * (a setting). One transaction. */
enum mend_rc insights_week_seen(struct journal *j,
				const struct insights_week *w,
				struct mend_err *err);

/* Keep a note on the week (text of len bytes, not empty) as a `week`
 * entry with day = w->start; a second note on the same week replaces the
 * text of the first. The new or kept entry's uuid into uuid. One
 * transaction. */
enum mend_rc insights_week_note(struct journal *j,
				const struct insights_week *w, const char *text,
				size_t len, char uuid[UUID_LEN],
				struct mend_err *err);

#endif
