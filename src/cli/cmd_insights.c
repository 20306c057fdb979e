/* SPDX-License-Identifier: MIT */
/* `mend insights VIEW` and `mend week`: the insights as text charts that
 * fit $COLUMNS (block characters, ASCII under a locale that is not UTF-8
 * or with MEND_ASCII=1), or as JSON (insights_json.c). The figures are
 * the core's (mend/insights.h); this only lays them out. */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "insights_out.h"

static const struct opt_spec insights_opts[] = {
    {"since", 0, VAL_DATE}, {"until", 0, VAL_DATE}, {"by", 0, VAL_INSIGHTS_BY},
    {"year", 0, VAL_TEXT},  {"date", 0, VAL_DATE},  {"json", 0, VAL_FLAG},
    {NULL, 0, VAL_FLAG},
};

#define VIEW_LIST(X)                                                           \
	X(VIEW_MOOD, "mood")                                                   \
	X(VIEW_CALENDAR, "calendar")                                           \
	X(VIEW_PERIODS, "periods")                                             \
	X(VIEW_HELPS, "helps")                                                 \
	X(VIEW_URGES, "urges")                                                 \
	X(VIEW_WEEK, "week")                                                   \
	X(VIEW_ONTHISDAY, "onthisday")                                         \
	X(VIEW_THENNOW, "thennow")

enum view {
#define X(e, name) e,
	VIEW_LIST(X)
#undef X
};

static const char *const view_names[] = {
#define X(e, name) name,
    VIEW_LIST(X)
#undef X
};

#define N_VIEWS (sizeof view_names / sizeof view_names[0])

const char *const cli_insights_views[] = {
#define X(e, name) name,
    VIEW_LIST(X)
#undef X
	NULL};

const char *const cli_insights_steps[] = {"day", "week", "month", NULL};

struct out {
	struct cli *c;
	struct journal *j;
	bool json, utf8;
	int cols;
	const char *since, *until; /* "YYYY-MM-DD" or NULL */
};

bool insights_utf8(void)
{
	const char *ascii = getenv("MEND_ASCII");
	if (ascii && *ascii && strcmp(ascii, "0") != 0)
		return false;
	const char *set = nl_langinfo(CODESET);
	return set && strcmp(set, "UTF-8") == 0;
}

static int columns(void)
{
	const char *s = getenv("COLUMNS");
	int n = s ? atoi(s) : 0;
	return n >= 40 && n <= 1000 ? n : 80;
}

/* A bar of value out of max over width cells: eighth blocks in UTF-8,
 * '#' (whole cells only) in ASCII. */
static void bar(const struct out *o, double value, double max, int width)
{
	static const char *const eighths[] = {"",  "▏", "▎", "▍",
					      "▌", "▋", "▊", "▉"};
	if (max <= 0 || value <= 0 || width <= 0)
		return;
	long units = (long)(value / max * width * 8 + 0.5);
	if (units > (long)width * 8)
		units = (long)width * 8;
	for (long i = 0; i < units / 8; i++)
		fputs(o->utf8 ? "█" : "#", stdout);
	if (o->utf8)
		fputs(eighths[units % 8], stdout);
	int used = (int)(units / 8) + (o->utf8 && units % 8 ? 1 : 0);
	printf("%*s", width - used, "");
}

static void avg_text(struct insights_avg a, char buf[32])
{
	if (a.n > 0)
		snprintf(buf, 32, "%.1f (n = %ld)", a.mean, a.n);
	else
		snprintf(buf, 32, "no check-in");
}

static const char *dot(const struct out *o)
{
	return o->utf8 ? "·" : "-";
}

/* Print text wrapped at width columns, each line after the first
 * indented by indent spaces. Columns are counted as characters (the
 * words are mend's, a tag's shown form at most). */
static void wrap(const char *text, int width, int indent)
{
	int col = indent;
	bool first = true;
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, " ");
		int w = 0;
		for (size_t i = 0; i < n; i++)
			w += ((unsigned char)p[i] & 0xc0) != 0x80;
		if (!first && col + 1 + w > width) {
			printf("\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			putchar(' ');
			col++;
		}
		cli_put_textn(stdout, p, n);
		col += w;
		first = false;
		p += n;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

/* --- mood --- */

static int print_mood(struct out *o, enum insights_by by)
{
	struct insights_mood m;
	char since[CLOCK_DATE_LEN];
	const char *s = o->since;
	if (!s) {
		/* A page of the most recent buckets unless asked otherwise. */
		static const int back[] = {29, 7 * 25, 365};
		long today = journal_today(o->j);
		struct mend_date u;
		if (o->until && clock_parse_date(o->until, &u))
			today = clock_days_from_civil(u);
		long from = today - back[by];
		char first[CLOCK_DATE_LEN];
		struct mend_date f;
		enum mend_rc frc =
		    insights_first_checkin(o->j, first, &o->c->err);
		if (frc != MEND_OK)
			return cli_fail(o->c, frc);
		if (clock_parse_date(first, &f) &&
		    clock_days_from_civil(f) > from)
			from = clock_days_from_civil(f);
		if (from > today)
			from = today;
		clock_format_date(clock_civil_from_days(from), since);
		s = since;
	}
	enum mend_rc rc = insights_mood(o->j, by, s, o->until, &m, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json) {
		bool fine = insights_json_print(insights_json_mood(&m));
		insights_mood_done(&m);
		return fine ? 0
			    : cli_fail(o->c,
				       mend_err_set(&o->c->err, MEND_ENOMEM,
						    "out of memory"));
	}
	char a[32], b[32], c[32];
	printf("Mood by %s, %s to %s\n(1 low .. 10 good)\n\n",
	       insights_by_name(by), m.since, m.until);
	int width = o->cols - 34;
	if (width < 10)
		width = 10;
	for (size_t i = 0; i < m.n; i++) {
		const struct insights_point *p = &m.points[i];
		printf("%-10.*s  ", by == INSIGHTS_BY_MONTH ? 7 : 10, p->start);
		if (p->mood.n == 0) {
			printf("%s  no check-in\n", dot(o));
			continue;
		}
		bar(o, p->mood.mean, 10, width);
		printf(" %4.1f", p->mood.mean);
		if (p->urge.n > 0)
			printf("  urge %4.1f", p->urge.mean);
		putchar('\n');
	}
	avg_text(m.mood_7, a);
	avg_text(m.mood_30, b);
	avg_text(m.mood_prev_30, c);
	printf("\nMood on average\n  the last 7 days      %s\n"
	       "  the last 30 days     %s\n  the 30 days before   %s\n",
	       a, b, c);
	avg_text(m.urge_7, a);
	avg_text(m.urge_30, b);
	avg_text(m.urge_prev_30, c);
	printf("Urge on average\n  the last 7 days      %s\n"
	       "  the last 30 days     %s\n  the 30 days before   %s\n",
	       a, b, c);
	printf("Days without a check-in are gaps,\nnever counted as low.\n");
	insights_mood_done(&m);
	return 0;
}

/* --- calendar --- */

static const char *mood_glyph(const struct out *o, int mood)
{
	static const char *const blocks[] = {"▁", "▂", "▃", "▄", "▅",
					     "▆", "▇", "█", "█", "█"};
	static const char *const digits[] = {"1", "2", "3", "4", "5",
					     "6", "7", "8", "9", "+"};
	if (mood < 1 || mood > 10)
		return o->utf8 ? "·" : ".";
	return o->utf8 ? blocks[mood <= 8 ? mood - 1 : 7] : digits[mood - 1];
}

static int print_calendar(struct out *o, int year)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
					     "May", "Jun", "Jul", "Aug",
					     "Sep", "Oct", "Nov", "Dec"};
	struct insights_year y;
	enum mend_rc rc = insights_year(o->j, year, &y, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json)
		return insights_json_print(insights_json_year(&y))
			   ? 0
			   : cli_fail(o->c,
				      mend_err_set(&o->c->err, MEND_ENOMEM,
						   "out of memory"));
	bool wide = o->cols >= 4 + 31 * 2;
	long today = journal_today(o->j);
	struct mend_date jan1 = {y.year, 1, 1};
	long d0 = clock_days_from_civil(jan1);
	printf("%d, a year in pixels\n(%ld day%s with a check-in)\n\n", y.year,
	       y.checkins, y.checkins == 1 ? "" : "s");
	char head[80];
	int step = wide ? 2 : 1;
	memset(head, ' ', sizeof head);
	head[4 + 31 * step] = '\0';
	for (int d = 1; d <= 31; d++)
		if (d == 1 || d % (wide ? 5 : 10) == 0) {
			char num[4];
			int k = snprintf(num, sizeof num, "%d", d);
			memcpy(head + 4 + (d - 1) * step, num, (size_t)k);
		}
	for (int k = (int)strlen(head) - 1; k >= 0 && head[k] == ' '; k--)
		head[k] = '\0';
	printf("%s\n", head);
	for (int m = 0; m < 12; m++) {
		printf("%s ", months[m]);
		for (int d = 1; d <= 31; d++) {
			struct mend_date md = {y.year, m + 1, d};
			struct mend_date back;
			long n = clock_days_from_civil(md);
			back = clock_civil_from_days(n);
			if (back.m != m + 1)
				break;
			if (n > today)
				break; /* days to come are left blank */
			if (d > 1 && wide)
				putchar(' ');
			fputs(mood_glyph(o, y.mood[n - d0]), stdout);
		}
		putchar('\n');
	}
	if (o->utf8)
		printf("\n%s no check-in\n▁ 1  ▂ 2  ▃ 3  ▄ 4  ▅ 5  ▆ 6  ▇ 7  "
		       "█ 8..10\n",
		       mood_glyph(o, 0));
	else
		printf("\n. no check-in\n1..9 the mood, + for 10\n");
	if (y.first_year && (y.first_year < y.year || y.last_year > y.year))
		printf("Check-ins from %d to %d; another year:\n"
		       "mend insights calendar --year YYYY\n",
		       y.first_year, y.last_year);
	return 0;
}

/* --- periods --- */

static int oom(struct out *o)
{
	return cli_fail(o->c,
			mend_err_set(&o->c->err, MEND_ENOMEM, "out of memory"));
}

static int print_periods(struct out *o)
{
	struct insights_periods p;
	char since[CLOCK_DATE_LEN];
	const char *s = o->since;
	if (!s) {
		/* the last twelve weeks of urges unless asked otherwise */
		long today = journal_today(o->j);
		struct mend_date u;
		if (o->until && clock_parse_date(o->until, &u))
			today = clock_days_from_civil(u);
		clock_format_date(clock_civil_from_days(today - 7 * 11), since);
		s = since;
	}
	enum mend_rc rc = insights_periods(o->j, s, o->until, &p, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json) {
		bool fine = insights_json_print(insights_json_periods(&p));
		insights_periods_done(&p);
		return fine ? 0 : oom(o);
	}
	if (p.n == 0)
		printf("No no-contact period yet. When you are ready:\n"
		       "mend start --date YYYY-MM-DD\n");
	else
		printf("No contact, every stretch (none is ever erased)\n\n");
	int width = o->cols - 40;
	if (width < 1)
		width = 1;
	for (size_t i = 0; i < p.n; i++) {
		const struct insights_period *q = &p.items[i];
		printf("  %s to %-10s %5ld day%s  ", q->start,
		       q->running ? "now" : q->end, q->days,
		       q->days == 1 ? " " : "s");
		bar(o, (double)q->days, (double)p.longest_days, width);
		putchar('\n');
	}
	if (p.n)
		printf("\nDays of space in all: %ld. The longest stretch: %ld "
		       "day%s.\n",
		       p.total_days, p.longest_days,
		       p.longest_days == 1 ? "" : "s");
	printf("\nUrges and pauses by week\n(written down instead of "
	       "sent)\n\n");
	for (size_t i = 0; i < p.n_weeks; i++) {
		const struct insights_urge_week *w = &p.weeks[i];
		printf("  %s  ", w->start);
		if (!w->urges && !w->pauses) {
			printf("%s\n", dot(o));
			continue;
		}
		printf("urges %ld", w->urges);
		if (w->strength.n)
			printf(" (strength %.1f)", w->strength.mean);
		if (w->pauses) {
			printf("\n%14spauses %ld", "", w->pauses);
			if (w->before.n && w->after.n)
				printf(" (urge %.1f, then %.1f)",
				       w->before.mean, w->after.mean);
		}
		putchar('\n');
	}
	char line[256];
	snprintf(line, sizeof line,
		 "%ld urge%s written down and %ld pause%s taken in these "
		 "weeks.",
		 p.urges, p.urges == 1 ? "" : "s", p.pauses,
		 p.pauses == 1 ? "" : "s");
	putchar('\n');
	wrap(line, o->cols, 0);
	if (p.before.n && p.after.n) {
		snprintf(line, sizeof line,
			 "Before a pause the urge was on average %.1f; after "
			 "it, %.1f.",
			 p.before.mean, p.after.mean);
		wrap(line, o->cols, 0);
	}
	insights_periods_done(&p);
	return 0;
}

/* --- what helps --- */

static int print_helps(struct out *o)
{
	struct insights_helps h;
	char buf[1024];
	enum mend_rc rc =
	    insights_helps(o->j, o->since, o->until, &h, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json) {
		bool fine = insights_json_print(
		    insights_json_helps(o->j, &h, o->since, o->until));
		insights_helps_done(&h);
		return fine ? 0 : oom(o);
	}
	printf("Mood beside what the days held\n(%ld day%s with a "
	       "check-in)\n\n",
	       h.checkin_days, h.checkin_days == 1 ? "" : "s");
	for (size_t i = 0; i < h.n; i++) {
		insights_help_sentence(o->j, &h.items[i], buf, sizeof buf);
		printf("  ");
		wrap(buf, o->cols, 2);
	}
	if (h.n == 0)
		printf("  Not enough days to compare yet. Something\n"
		       "  appears here once there are at least %d\n"
		       "  check-in days with it and %d without.\n",
		       INSIGHTS_HELP_MIN, INSIGHTS_HELP_MIN);
	else
		printf("\nThese are days that went together, side by\n"
		       "side; they do not say why.\n");
	insights_helps_done(&h);
	return 0;
}

/* --- when urges come --- */

static int print_urges(struct out *o)
{
	static const char *const days[] = {"Mon", "Tue", "Wed", "Thu",
					   "Fri", "Sat", "Sun"};
	struct insights_urge_times u;
	enum mend_rc rc =
	    insights_urge_times(o->j, o->since, o->until, &u, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json)
		return insights_json_print(
			   insights_json_urges(&u, o->since, o->until))
			   ? 0
			   : oom(o);
	if (u.total == 0) {
		printf("No urge or pause written down yet. When one\n"
		       "comes, mend urge --level N keeps it without\n"
		       "acting on it.\n");
		return 0;
	}
	long max = 1;
	for (int i = 0; i < 24; i++)
		if (u.by_hour[i] > max)
			max = u.by_hour[i];
	int width = o->cols - 14;
	printf("When urges came\n(%ld written down or paused on", u.total);
	if (u.strength.n)
		printf(", strength\n%.1f on average", u.strength.mean);
	printf(")\n\nBy hour of the day\n");
	for (int i = 0; i < 24; i++) {
		printf("  %02d  ", i);
		bar(o, (double)u.by_hour[i], (double)max, width);
		printf(" %ld\n", u.by_hour[i]);
	}
	max = 1;
	for (int i = 0; i < 7; i++)
		if (u.by_weekday[i] > max)
			max = u.by_weekday[i];
	printf("\nBy weekday\n");
	for (int i = 0; i < 7; i++) {
		printf("  %s ", days[i]);
		bar(o, (double)u.by_weekday[i], (double)max, width);
		printf(" %ld\n", u.by_weekday[i]);
	}
	return 0;
}

/* --- your week --- */

void insights_print_week(struct journal *j, const struct insights_week *w,
			 bool utf8)
{
	const struct content *c = NULL;
	char a[32], b[32];
	long minutes = 0;
	(void)utf8;
	journal_content(j, &c, NULL);
	printf("Your week, %s to %s\n\n", w->start, w->end);
	avg_text(w->mood, a);
	avg_text(w->mood_before, b);
	printf("  Check-ins: %ld of 7 days\n", w->checkins);
	printf("  Mood: %s\n  The week before: %s\n", a, b);
	printf("  Urges written down: %ld; pauses taken: %ld\n", w->urges,
	       w->pauses);
	printf("  Reflections written: %ld\n", w->reflections);
	for (size_t i = 0; i < w->n_growth; i++)
		minutes += w->growth[i].minutes;
	printf("  Time for yourself: %ld minute%s\n", minutes,
	       minutes == 1 ? "" : "s");
	for (size_t i = 0; i < w->n_growth; i++) {
		const struct category *cat =
		    c ? content_category(c, w->growth[i].category) : NULL;
		if (!w->growth[i].count)
			continue;
		printf("    %-12s %4ld min, %ld time%s\n",
		       cat ? cat->label : w->growth[i].category,
		       w->growth[i].minutes, w->growth[i].count,
		       w->growth[i].count == 1 ? "" : "s");
	}
	if (w->letters_opened)
		printf("  A letter you sealed opened this week: mend show "
		       "%.8s\n",
		       w->letter_uuid);
	if (w->note_uuid[0])
		printf("\n  Your note on this week is kept: mend show %.8s\n",
		       w->note_uuid);
	else
		printf("\n  A few words on this week?\n"
		       "  mend week --note TEXT\n");
}

static int print_week(struct out *o, const char *day)
{
	struct insights_week w;
	enum mend_rc rc = insights_week(o->j, day, &w, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json) {
		bool fine = insights_json_print(insights_json_week(&w));
		insights_week_done(&w);
		return fine ? 0 : oom(o);
	}
	insights_print_week(o->j, &w, o->utf8);
	insights_week_done(&w);
	return 0;
}

/* --- look back --- */

#define LOOK_LINES 5

struct show_ctx {
	int cols;
};

static void show_line(const struct entry *e, void *ctx)
{
	struct show_ctx *s = ctx;
	char when[32], clip[1024];
	cli_local_time(e->created_at, when);
	printf("      %-10s %s  ", kind_name(e->kind), when + 11);
	if (e->kind == KIND_CHECKIN && !e->text[0])
		printf("mood %d", e->mood);
	else if (e->kind == KIND_URGE && !e->text[0])
		printf("an urge of %d", e->urge);
	else if (e->kind == KIND_SEALED && !e->text[0])
		printf("sealed until day %d", e->open_day);
	else if (!e->text[0])
		printf("nothing written");
	else {
		cli_clip(e->text, s->cols, clip, sizeof clip);
		cli_put_text(stdout, clip);
	}
	putchar('\n');
}

static void print_lookday(struct out *o, const struct insights_lookback *l,
			  const struct insights_lookday *d)
{
	struct show_ctx s = {o->cols - 25};
	if (d->when == INSIGHTS_ON_THIS_DAY && d->months % 12 == 0)
		printf("  %d year%s ago, %s", d->months / 12,
		       d->months == 12 ? "" : "s", d->day);
	else if (d->when == INSIGHTS_ON_THIS_DAY)
		printf("  %d month%s ago, %s", d->months,
		       d->months == 1 ? "" : "s", d->day);
	else
		printf("  %d days ago, %s", d->ago, d->day);
	if (d->mood)
		printf(": mood then %d", d->mood);
	if (d->mood && l->mood_now)
		printf(", today %d", l->mood_now);
	putchar('\n');
	/* a few lines a day; the rest is a command away */
	size_t shown = d->n < LOOK_LINES ? d->n : LOOK_LINES;
	for (size_t k = 0; k < shown; k++)
		journal_find(o->j, l->items[d->first + k].uuid, show_line, &s,
			     NULL);
	if (d->total > shown)
		printf("      and %zu more: mend list --since %s\n"
		       "      --until %s\n",
		       d->total - shown, d->day, d->day);
	if (d->total == 0)
		printf("      nothing written that day\n");
}

static int print_lookback(struct out *o, const char *day)
{
	struct insights_lookback l;
	enum mend_rc rc = insights_lookback(o->j, day, &l, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json) {
		bool fine = insights_json_print(insights_json_lookback(&l));
		insights_lookback_done(&l);
		return fine ? 0 : oom(o);
	}
	size_t on = 0;
	for (size_t i = 0; i < l.n_days; i++)
		on += l.days[i].when == INSIGHTS_ON_THIS_DAY;
	printf("On this day, %s\n\n", l.today);
	if (!on)
		printf("  Nothing yet from this date in earlier months.\n");
	for (size_t i = 0; i < l.n_days; i++) {
		if (i == on)
			printf("\nLooking back from today\n\n");
		print_lookday(o, &l, &l.days[i]);
	}
	insights_lookback_done(&l);
	return 0;
}

/* --- then and now --- */

static int print_then_now(struct out *o)
{
	static const char *const names[] = {"Check-ins", "Reflections",
					    "Unsent messages"};
	struct insights_then_now t;
	struct show_ctx s = {o->cols - 25};
	enum mend_rc rc = insights_then_now(o->j, &t, &o->c->err);
	if (rc != MEND_OK)
		return cli_fail(o->c, rc);
	if (o->json)
		return insights_json_print(insights_json_then_now(&t)) ? 0
								       : oom(o);
	printf("Then and now\n");
	for (size_t i = 0; i < 3; i++) {
		const struct insights_pair *p = &t.pairs[i];
		char when[32];
		printf("\n%s\n", names[i]);
		if (!p->first.uuid[0]) {
			printf("  none yet\n");
			continue;
		}
		cli_local_time(p->first.created_at, when);
		printf("  The first, %.10s\n", when);
		journal_find(o->j, p->first.uuid, show_line, &s, NULL);
		if (!p->latest.uuid[0])
			continue;
		cli_local_time(p->latest.created_at, when);
		printf("  The latest, %.10s\n", when);
		journal_find(o->j, p->latest.uuid, show_line, &s, NULL);
	}
	return 0;
}

/* --- the command --- */

static bool find_view(const char *name, enum view *out)
{
	for (size_t i = 0; i < N_VIEWS; i++)
		if (strcmp(name, view_names[i]) == 0) {
			*out = (enum view)i;
			return true;
		}
	return false;
}

/* An option that the view does not read is refused rather than quietly
 * ignored. */
static int refuse(struct cli *c, const struct args *a, const char *opt,
		  enum view v, bool allowed)
{
	if (allowed || !args_get(cmd_insights.opts, a, opt))
		return 0;
	return cli_usage_error(c,
			       "--%s: the %s view does not take it; see 'mend "
			       "insights --help'",
			       opt, view_names[v]);
}

static int run_insights(struct cli *c, const struct args *a)
{
	const struct opt_spec *spec = cmd_insights.opts;
	enum view v = VIEW_MOOD;
	enum insights_by by = INSIGHTS_BY_DAY;
	const char *by_s = args_get(spec, a, "by");
	const char *year_s = args_get(spec, a, "year");
	int year = 0, rc;

	if (a->npos && !find_view(a->pos[0], &v))
		return cli_usage_error(c,
				       "view: '%.40s' is not one of mood, "
				       "calendar, periods, helps, urges, week, "
				       "onthisday, thennow",
				       a->pos[0]);
	if (by_s && !insights_by_from_name(by_s, &by))
		return cli_usage_error(c,
				       "--by: '%.40s' is not one of day, week, "
				       "month",
				       by_s);
	if (year_s) {
		char *end;
		long y = strtol(year_s, &end, 10);
		if (!*year_s || *end || y < 1970 || y > 9999)
			return cli_usage_error(c,
					       "--year: '%.40s' is not a year "
					       "in 1970..9999",
					       year_s);
		year = (int)y;
	}
	bool span = v == VIEW_MOOD || v == VIEW_PERIODS || v == VIEW_HELPS ||
		    v == VIEW_URGES;
	if ((rc = refuse(c, a, "by", v, v == VIEW_MOOD)) ||
	    (rc = refuse(c, a, "year", v, v == VIEW_CALENDAR)) ||
	    (rc = refuse(c, a, "since", v, span)) ||
	    (rc = refuse(c, a, "until", v, span)) ||
	    (rc = refuse(c, a, "date", v,
			 v == VIEW_WEEK || v == VIEW_ONTHISDAY)))
		return rc;
	struct journal *j = cli_journal_read(c);
	if (!j)
		return 1;
	struct out o = {c,
			j,
			args_get(spec, a, "json") != NULL,
			insights_utf8(),
			columns(),
			NULL,
			NULL};
	char since[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN], day[CLOCK_DATE_LEN];
	const char *date = NULL;
	enum mend_rc mrc =
	    cli_day_span_opt(j, "since", args_get(spec, a, "since"), false,
			     since, &o.since, &c->err);
	if (mrc == MEND_OK)
		mrc = cli_day_span_opt(j, "until", args_get(spec, a, "until"),
				       true, until, &o.until, &c->err);
	if (mrc == MEND_OK)
		mrc = cli_day_opt(j, "date", args_get(spec, a, "date"), day,
				  &date, &c->err);
	if (mrc == MEND_OK && o.since && o.until &&
	    strcmp(o.since, o.until) > 0)
		mrc = mend_err_set(&c->err, MEND_EINVAL,
				   "since: '%s' is after --until '%s'", o.since,
				   o.until);
	if (mrc != MEND_OK)
		return cli_fail(c, mrc);
	switch (v) {
	case VIEW_CALENDAR:
		return print_calendar(&o, year);
	case VIEW_PERIODS:
		return print_periods(&o);
	case VIEW_HELPS:
		return print_helps(&o);
	case VIEW_URGES:
		return print_urges(&o);
	case VIEW_WEEK:
		return print_week(&o, date);
	case VIEW_ONTHISDAY:
		return print_lookback(&o, date);
	case VIEW_THENNOW:
		return print_then_now(&o);
	default:
		return print_mood(&o, by);
	}
}

const struct command cmd_insights = {
    .name = "insights",
    .run = run_insights,
    .opts = insights_opts,
    .max_pos = 1,
    .pos_values = {VAL_INSIGHTS_VIEW},
    .usage = "mend insights [VIEW] [--since DAY] [--until DAY] [--by "
	     "day|week|month]\n"
	     "mend insights calendar [--year YYYY]\n"
	     "mend insights week|onthisday [--date DAY]\n"
	     "mend insights VIEW --json",
    .summary = "see that things are moving, and what goes with better days",
    .help =
	"Figures from the journal, as text charts or as JSON. Days\n"
	"without a check-in are gaps, never counted as low. VIEW is:\n"
	"\n"
	"  mood       mood and urge by day, week or month, with the\n"
	"             average of the last 7 and 30 days and the 30 before\n"
	"             (the default view; the last 30 days, 26 weeks or 12\n"
	"             months unless --since says otherwise)\n"
	"  calendar   a year in pixels, a cell a day\n"
	"  periods    every no-contact stretch, the days of space in all\n"
	"             and the longest; urges and pauses per week (the\n"
	"             last 12 weeks unless --since says otherwise)\n"
	"  helps      mood on days with each self-care category, quick\n"
	"             tag and module against days without (only with 5\n"
	"             days or more of each); what went together, not why\n"
	"  urges      when urges come: by hour of the day and by weekday\n"
	"  week       the review of the week just ended (or of --date's)\n"
	"  onthisday  the same date in earlier months and years, and 30,\n"
	"             90 and 365 days ago (from today or --date)\n"
	"  thennow    the first check-in, reflection and unsent message\n"
	"             beside the latest\n"
	"\n"
	"      --since DAY, --until DAY   the days to count (a date, a\n"
	"                   month, a year, today, yesterday, -Nd)\n"
	"      --by day|week|month        the mood chart's step\n"
	"      --year YYYY  the calendar's year (default this year)\n"
	"      --date DAY   the week to review, the day to look back from\n"
	"      --json       one JSON object (data/mend-insights.schema.json)\n"
	"\n"
	"Charts use block characters, or ASCII under a locale that is not\n"
	"UTF-8 or with MEND_ASCII=1, and fit $COLUMNS (else 80).\n",
};

/* --- mend week --- */

static const struct opt_spec week_opts[] = {
    {"note", 0, VAL_TEXT},
    {"date", 0, VAL_DATE},
    {"json", 0, VAL_FLAG},
    {NULL, 0, VAL_FLAG},
};

static int run_week(struct cli *c, const struct args *a)
{
	const struct opt_spec *spec = cmd_week.opts;
	const char *note = args_get(spec, a, "note");
	bool json = args_get(spec, a, "json") != NULL;
	char day[CLOCK_DATE_LEN], uuid[UUID_LEN];
	const char *date = NULL;
	struct insights_week w;
	struct journal *j = note ? cli_journal(c) : cli_journal_read(c);
	if (!j)
		return 1;
	enum mend_rc rc = cli_day_opt(j, "date", args_get(spec, a, "date"), day,
				      &date, &c->err);
	if (rc == MEND_OK && note)
		rc = journal_check_text("note", note, strlen(note),
					JOURNAL_NOTE_MAX, true, &c->err);
	if (rc == MEND_OK)
		rc = insights_week(j, date, &w, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (note) {
		rc = insights_week_note(j, &w, note, strlen(note), uuid,
					&c->err);
		if (rc == MEND_OK)
			memcpy(w.note_uuid, uuid, sizeof w.note_uuid);
	}
	if (rc == MEND_OK && !date && !note)
		insights_week_seen(j, &w, NULL);
	if (rc != MEND_OK) {
		insights_week_done(&w);
		return cli_fail(c, rc);
	}
	if (json) {
		bool fine = insights_json_print(insights_json_week(&w));
		insights_week_done(&w);
		return fine ? 0
			    : cli_fail(c, mend_err_set(&c->err, MEND_ENOMEM,
						       "out of memory"));
	}
	if (note)
		printf("Kept your note on the week of %s.\n\n", w.start);
	insights_print_week(j, &w, insights_utf8());
	insights_week_done(&w);
	return 0;
}

const struct command cmd_week = {
    .name = "week",
    .run = run_week,
    .opts = week_opts,
    .max_pos = 0,
    .usage = "mend week [--note TEXT] [--date DAY] [--json]",
    .summary = "a short review of the week just ended, and a note on it",
    .help = "A short review of the week just ended: check-ins made, mood\n"
	    "against the week before, urges written down, minutes for\n"
	    "yourself per category, reflections written, a letter that\n"
	    "opened. Weeks begin on Monday.\n"
	    "\n"
	    "      --note TEXT  keep a few words on the week as an entry (a\n"
	    "                   second note on the same week replaces it)\n"
	    "      --date DAY   review the week that holds DAY instead\n"
	    "      --json       as one JSON object, as mend insights week\n",
};
