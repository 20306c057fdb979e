/* SPDX-License-Identifier: MIT */
/* The store's aggregates behind the insights (store_insights.c): counts,
 * averages, days, kinds, category and tag keys and entry uuids, grouped
 * by SQLite. Never a text the user wrote: insights.c turns these into
 * the views, and a front end fetches an entry by uuid to show its words.
 * Days are "YYYY-MM-DD" journal days; times are ISO created_at bounds
 * ([since, until)). shift is the SQLite modifier that turns local time
 * into the journal day ("-4 hours" for a day that begins at 04:00); wday
 * is the week's first weekday as SQLite counts them (0 = Sunday). */
#ifndef MEND_STORE_INSIGHTS_H
#define MEND_STORE_INSIGHTS_H

#include "mend/insights.h"
#include "mend/store.h"

/* Check-ins of days since..until grouped by day (by 0), week (1, from
 * weekday wday) or month (2): fn gets each bucket with a check-in, oldest
 * first, with the bucket's first day, its mood and its urge averages. */
enum mend_rc store_insights_checkin_buckets(
    struct store *st, int by, int wday, const char *since, const char *until,
    void (*fn)(const char *start, struct insights_avg mood,
	       struct insights_avg urge, void *ctx),
    void *ctx, struct mend_err *err);

/* Mood and urge averages over the check-ins of days since..until. */
enum mend_rc store_insights_checkin_avg(struct store *st, const char *since,
					const char *until,
					struct insights_avg *mood,
					struct insights_avg *urge,
					struct mend_err *err);

/* The first and the last check-in day ("" both when there is none). */
enum mend_rc store_insights_checkin_span(struct store *st,
					 char first[CLOCK_DATE_LEN],
					 char last[CLOCK_DATE_LEN],
					 struct mend_err *err);

/* For each tag key carried by check-ins of days since..until: on how many
 * of those days (n) and the sum of their moods. Then fn(NULL, n, sum)
 * once for all the check-in days with a mood. */
enum mend_rc store_insights_tag_days(struct store *st, const char *since,
				     const char *until,
				     void (*fn)(const char *key, long n,
						double sum, void *ctx),
				     void *ctx, struct mend_err *err);

/* For each growth category written in between since_iso and until_iso:
 * on how many check-in days (journal day by shift) it was, and the sum
 * of their moods. */
enum mend_rc store_insights_key_days(struct store *st, const char *shift,
				     const char *since_iso,
				     const char *until_iso,
				     void (*fn)(const char *key, long n,
						double sum, void *ctx),
				     void *ctx, struct mend_err *err);

/* For each module of modules (a JSON array of names): on how many
 * check-in days since..until something was written in it, and the sum
 * of their moods. start is the modifier that turns a local midnight
 * into the journal day's start ("+4 hours"). */
enum mend_rc store_insights_module_days(struct store *st, const char *modules,
					const char *start, const char *since,
					const char *until,
					void (*fn)(const char *key, long n,
						   double sum, void *ctx),
					void *ctx, struct mend_err *err);

/* Urge and pause entries written in [since_iso, until_iso) by week (its
 * first day, from weekday wday): fn per week and kind ("urge", "pause")
 * with the count, the average urge, and the average urge_after. */
enum mend_rc store_insights_urge_weeks(
    struct store *st, const char *shift, int wday, const char *since_iso,
    const char *until_iso,
    void (*fn)(const char *week, const char *kind, long count,
	       struct insights_avg urge, struct insights_avg after, void *ctx),
    void *ctx, struct mend_err *err);

/* created_at of the first urge or pause, "" when none. */
enum mend_rc store_insights_urge_first(struct store *st,
				       char first[CLOCK_ISO_LEN],
				       struct mend_err *err);

/* Urge and pause entries in [since_iso, until_iso) by local hour (0..23)
 * and weekday (0 = Sunday): fn per pair with the count; *strength gets
 * the urges' average level. */
enum mend_rc store_insights_urge_times(
    struct store *st, const char *since_iso, const char *until_iso,
    void (*fn)(int hour, int wday, long n, void *ctx), void *ctx,
    struct insights_avg *strength, struct mend_err *err);

/* The entries of one journal day: those written in [since_iso,
 * until_iso) that are not check-ins, and the check-in of day; by
 * created_at then uuid. fn gets uuid, kind name and created_at. */
enum mend_rc
store_insights_day_entries(struct store *st, const char *since_iso,
			   const char *until_iso, const char *day,
			   void (*fn)(const char *uuid, const char *kind,
				      const char *created_at, void *ctx),
			   void *ctx, struct mend_err *err);

/* The mood of day's check-in into *mood, 0 when none. */
enum mend_rc store_insights_day_mood(struct store *st, const char *day,
				     int *mood, struct mend_err *err);

/* The first (latest false) or the latest entry of kind (a kind name;
 * check-ins by day): its uuid, created_at and mood (0 when none).
 * MEND_ENOTFOUND when there is none. */
enum mend_rc store_insights_kind_end(struct store *st, const char *kind,
				     bool latest, char uuid[UUID_LEN],
				     char created_at[CLOCK_ISO_LEN], int *mood,
				     struct mend_err *err);

/* How many entries of each kind were written in [since_iso, until_iso):
 * fn per kind name present. */
enum mend_rc store_insights_kind_counts(struct store *st, const char *since_iso,
					const char *until_iso,
					void (*fn)(const char *kind, long n,
						   void *ctx),
					void *ctx, struct mend_err *err);

/* Every sealed letter: its uuid, when it was written and its open day. */
enum mend_rc store_insights_sealed(struct store *st,
				   void (*fn)(const char *uuid,
					      const char *created_at,
					      int open_day, void *ctx),
				   void *ctx, struct mend_err *err);

/* The uuid of the `week` entry kept for the week beginning on day;
 * MEND_ENOTFOUND when none. */
enum mend_rc store_insights_week_note(struct store *st, const char *day,
				      char uuid[UUID_LEN],
				      struct mend_err *err);

/* True in *out when anything was written in [since_iso, until_iso) or a
 * check-in was made for a day since..until. */
enum mend_rc store_insights_any(struct store *st, const char *since_iso,
				const char *until_iso, const char *since,
				const char *until, bool *out,
				struct mend_err *err);

#endif
