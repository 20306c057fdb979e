/* SPDX-License-Identifier: MIT */
/* Insights: one page per view of what the journal shows over time (mood
 * and urges, the year, no contact, what seems to help, when urges come,
 * looking back, then and now, the week). This file is the screen: the
 * page tabs, the keys, loading each page's figures from the core when it
 * is first shown, and the note on the week. The pages draw themselves
 * (insights_charts.c, insights_pages.c). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insights_ui.h"
#include "screens.h"

static const char *const page_title[PAGE_COUNT] = {
    "Mood and urges",	  "A year in pixels", "No contact over time",
    "What seems to help", "When urges come",  "Look back",
    "Then and now",	  "Your week",
};
static const char *const page_short[PAGE_COUNT] = {
    "Mood", "Year", "Space", "Helps", "Urges", "Back", "Then", "Week",
};

/* One table for the help and the key line; pages[] says on which pages
 * a key is shown in the key line (all of them are in the help). */
#define ALL_PAGES ((1u << PAGE_COUNT) - 1)
#define ON(p)	  (1u << (p))
static const struct ui_key ins_keys[] = {
    {"←→", "page", "the next or the previous page (also Tab, or 1 to 8)"},
    {"d w m", "day/week/month", "the chart by day, by week or by month"},
    {"[ ]", "year", "the year before or after"},
    {"[ ]", "week", "the week before or after"},
    {"n", "note", "add a note on the week, kept in your journal"},
    {"↑↓", "scroll", "scroll a page that is longer than the window"},
    {"Esc", "back", "back to home (also q)"},
    {"?", "help", "this help"},
    {NULL, NULL, NULL},
};
static const unsigned key_pages[] = {
    ALL_PAGES,
    ON(PAGE_MOOD),
    ON(PAGE_YEAR),
    ON(PAGE_WEEK),
    ON(PAGE_WEEK),
    ON(PAGE_HELPS) | ON(PAGE_BACK) | ON(PAGE_THEN) | ON(PAGE_WEEK),
    ALL_PAGES,
    ALL_PAGES,
};

void ins_area(int *top, int *left, int *width, int *height)
{
	ui_area(top, left, width, height);
}

void ins_local_day(struct app *a, const char *iso, char out[CLOCK_DATE_LEN])
{
	time_t t;
	if (!clock_parse_iso(iso, &t)) {
		snprintf(out, CLOCK_DATE_LEN, "%.10s", iso);
		return;
	}
	clock_format_date(clock_journal_day(t, a->j->day_start_hour), out);
}

void ins_avg(const struct insights_avg *v, char *out, size_t n)
{
	if (v->n <= 0)
		snprintf(out, n, "%s", ui_utf8 ? "–" : "-");
	else
		snprintf(out, n, "%.1f", v->mean);
}

/* --- words of entries, fetched by uuid --- */

struct first_words {
	bool whole; /* all of the text, not its first line */
	char *out;
};

static void take_words(const struct entry *e, void *ctx)
{
	struct first_words *f = ctx;
	const char *t = e->text ? e->text : "";
	size_t n = f->whole ? strlen(t) : strcspn(t, "\n");
	/* a line is drawn clipped to the window: keep a line's worth */
	if (!f->whole && n > 400)
		n = 400;
	while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
		n--;
	f->out = malloc(n + 1);
	if (f->out) {
		memcpy(f->out, t, n);
		f->out[n] = '\0';
	}
}

/* The first line of an entry's words, or all of them with whole (caller
 * frees), or NULL. */
static char *entry_words(struct app *a, const char *uuid, bool whole)
{
	struct first_words f = {whole, NULL};
	struct mend_err err = {""};
	if (!uuid[0])
		return NULL;
	if (journal_find(a->j, uuid, take_words, &f, &err) != MEND_OK)
		return NULL;
	return f.out;
}

const char *ins_look_words(struct app *a, struct ins *s, size_t k)
{
	static const char none[] = "";
	if (k >= s->look_words.n)
		return none;
	if (!s->look_words.s[k]) {
		char *w = entry_words(a, s->look.items[k].uuid, false);
		s->look_words.s[k] = w ? w : strdup("");
	}
	return s->look_words.s[k] ? s->look_words.s[k] : none;
}

static void lines_free(struct ins_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->s[i]);
	free(l->s);
	l->s = NULL;
	l->n = 0;
}

/* --- loading --- */

static void unload(struct ins *s, enum ins_page p)
{
	switch (p) {
	case PAGE_MOOD:
		insights_mood_done(&s->mood);
		break;
	case PAGE_SPACE:
		insights_periods_done(&s->per);
		break;
	case PAGE_HELPS:
		insights_helps_done(&s->helps);
		break;
	case PAGE_BACK:
		insights_lookback_done(&s->look);
		lines_free(&s->look_words);
		break;
	case PAGE_THEN:
		for (int i = 0; i < 3; i++)
			for (int k = 0; k < 2; k++) {
				free(s->tn_words[i][k]);
				s->tn_words[i][k] = NULL;
			}
		break;
	case PAGE_WEEK:
		insights_week_done(&s->wk);
		free(s->week_note);
		s->week_note = NULL;
		break;
	default:
		break;
	}
	s->loaded[p] = false;
}

static enum mend_rc load_back(struct app *a, struct ins *s,
			      struct mend_err *err)
{
	/* the words are fetched as the page reaches them (ins_look_words):
	 * years of on-this-day can name thousands of entries */
	enum mend_rc rc = insights_lookback(a->j, NULL, &s->look, err);
	if (rc == MEND_OK && s->look.n_items) {
		s->look_words.s = calloc(s->look.n_items, sizeof(char *));
		if (!s->look_words.s)
			rc = MEND_ENOMEM;
		else
			s->look_words.n = s->look.n_items;
	}
	return rc;
}

static enum mend_rc load_then(struct app *a, struct ins *s,
			      struct mend_err *err)
{
	enum mend_rc rc = insights_then_now(a->j, &s->tn, err);
	for (int i = 0; rc == MEND_OK && i < 3; i++) {
		s->tn_words[i][0] =
		    entry_words(a, s->tn.pairs[i].first.uuid, false);
		s->tn_words[i][1] =
		    entry_words(a, s->tn.pairs[i].latest.uuid, false);
	}
	/* seen: home offers it no more for this day */
	if (rc == MEND_OK && s->tn.offer)
		rc = insights_then_now_seen(a->j, s->tn.offer_day, err);
	return rc;
}

static enum mend_rc load_week(struct app *a, struct ins *s,
			      struct mend_err *err)
{
	enum mend_rc rc = insights_week(
	    a->j, s->week_start[0] ? s->week_start : NULL, &s->wk, err);
	if (rc == MEND_OK) {
		memcpy(s->week_start, s->wk.start, sizeof s->week_start);
		/* all of it: the editor starts from it */
		s->week_note = entry_words(a, s->wk.note_uuid, true);
		rc = insights_week_seen(a->j, &s->wk, err);
	}
	return rc;
}

/* The first day of the chart: the first check-in, or as many buckets
 * back as the widest window shows, whichever is later ("" for the first
 * check-in, or none). */
static void chart_since(struct app *a, const struct ins *s,
			char out[CLOCK_DATE_LEN])
{
	const int cols = UI_MAX_TEXT_COLS;
	struct mend_date today =
	    clock_journal_day(a->j->now, a->j->day_start_hour);
	long d = clock_days_from_civil(today);
	out[0] = '\0';
	if (s->by == INSIGHTS_BY_DAY) {
		d -= cols - 1;
	} else if (s->by == INSIGHTS_BY_WEEK) {
		d = clock_days_from_civil(insights_week_start(a->j, today)) -
		    7L * (cols - 1);
	} else {
		long m = today.y * 12L + (today.m - 1) - (cols - 1);
		d = clock_days_from_civil(
		    (struct mend_date){(int)(m / 12), (int)(m % 12) + 1, 1});
	}
	struct mend_date first;
	if (d < 0 || (clock_parse_date(s->first_day, &first) &&
		      clock_days_from_civil(first) >= d))
		return;
	clock_format_date(clock_civil_from_days(d), out);
}

/* Load the page's figures when it is first shown. The charts ask for
 * everything from the journal's first day and draw the newest buckets
 * that fit: days before the journal began are no gaps of anyone's. */
static void ensure(struct app *a, struct ins *s)
{
	struct mend_err err = {""};
	enum mend_rc rc = MEND_OK;
	char since[CLOCK_DATE_LEN] = "";
	enum ins_page p = s->page;

	if ((unsigned)p >= PAGE_COUNT || s->loaded[p])
		return;
	switch (p) {
	case PAGE_MOOD:
		rc = insights_first_checkin(a->j, s->first_day, &err);
		if (rc == MEND_OK)
			chart_since(a, s, since);
		if (rc == MEND_OK)
			rc = insights_mood(a->j, s->by, since[0] ? since : NULL,
					   NULL, &s->mood, &err);
		break;
	case PAGE_YEAR:
		rc = insights_first_checkin(a->j, s->first_day, &err);
		if (rc == MEND_OK)
			rc = insights_year(a->j, s->year, &s->yr, &err);
		if (rc == MEND_OK)
			s->year = s->yr.year;
		break;
	case PAGE_SPACE:
		rc = insights_periods(a->j, NULL, NULL, &s->per, &err);
		break;
	case PAGE_HELPS:
		rc = insights_helps(a->j, NULL, NULL, &s->helps, &err);
		break;
	case PAGE_URGES:
		rc = insights_urge_times(a->j, NULL, NULL, &s->times, &err);
		break;
	case PAGE_BACK:
		rc = load_back(a, s, &err);
		break;
	case PAGE_THEN:
		rc = load_then(a, s, &err);
		break;
	case PAGE_WEEK:
		rc = load_week(a, s, &err);
		break;
	default:
		break;
	}
	s->loaded[p] = true; /* an error is shown once, not at every draw */
	if (rc != MEND_OK)
		ui_error(a, &err);
}

/* --- drawing --- */

/* The page tabs: the widest form that fits, the page shown reversed. */
static void draw_tabs(struct ins *s, int y, int x, int width)
{
	char buf[PAGE_COUNT][40];
	for (int form = 0; form < 4; form++) {
		int sep = form == 3 ? 1 : 2, total = 0;
		for (int p = 0; p < PAGE_COUNT; p++) {
			if (form == 0)
				snprintf(buf[p], sizeof buf[p], "%d %s", p + 1,
					 page_title[p]);
			else if (form == 1)
				snprintf(buf[p], sizeof buf[p], "%d %s", p + 1,
					 page_short[p]);
			else
				snprintf(buf[p], sizeof buf[p], "%s",
					 page_short[p]);
			total += ui_width(buf[p], strlen(buf[p])) + sep;
		}
		if (total - sep > width && form < 3)
			continue;
		for (int p = 0; p < PAGE_COUNT && x < width + 2; p++) {
			int attr = ui_attr(p == (int)s->page ? ROLE_SELECTED
							     : ROLE_MUTED);
			x += ui_text(y, x, width, buf[p], attr) + sep;
		}
		return;
	}
}

static void ins_draw(struct app *a, void *st)
{
	struct ins *s = st;
	struct ui_key line[sizeof ins_keys / sizeof ins_keys[0]];
	int top, left, width, height, k = 0;
	char title[80];

	for (int i = 0; ins_keys[i].keys; i++)
		if (key_pages[i] & ON(s->page))
			line[k++] = ins_keys[i];
	line[k] = (struct ui_key){NULL, NULL, NULL};
	snprintf(title, sizeof title, "Insights · %s", page_title[s->page]);
	ui_frame(a, title, line);
	ins_area(&top, &left, &width, &height);
	draw_tabs(s, top, left, width);
	ensure(a, s);
	/* an error on loading is on the message line; draw what there is */
	int y = top + 2, h = height - 2;
	switch (s->page) {
	case PAGE_MOOD:
		ins_draw_mood(a, s, y, left, width, h);
		break;
	case PAGE_YEAR:
		ins_draw_year(a, s, y, left, width, h);
		break;
	case PAGE_SPACE:
		ins_draw_space(a, s, y, left, width, h);
		break;
	case PAGE_HELPS:
		ins_draw_helps(a, s, y, left, width, h);
		break;
	case PAGE_URGES:
		ins_draw_urges(a, s, y, left, width, h);
		break;
	case PAGE_BACK:
		ins_draw_back(a, s, y, left, width, h);
		break;
	case PAGE_THEN:
		ins_draw_then(a, s, y, left, width, h);
		break;
	case PAGE_WEEK:
		ins_draw_week(a, s, y, left, width, h);
		break;
	default:
		break;
	}
}

/* --- the note on the week --- */

static bool save_week_note(struct app *a, void *ctx, const char *text,
			   size_t len)
{
	struct ins *s = ctx;
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	if (insights_week_note(a->j, &s->wk, text, len, uuid, &err) !=
	    MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Your note on this week is kept in your journal.");
	unload(s, PAGE_WEEK);
	return true;
}

static void edit_week_note(struct app *a, struct ins *s, const char *draft)
{
	char context[32];
	snprintf(context, sizeof context, "week:%s", s->wk.start);
	struct ui_edit_spec spec = {
	    .title = "A note on your week",
	    .prompt = "What would you like to remember about this week? "
		      "Anything at all, in your own words.",
	    .initial = draft ? draft : s->week_note,
	    .initial_is_draft = draft != NULL,
	    .draft_context = context,
	    .save = save_week_note,
	    .ctx = s,
	};
	ui_edit(a, &spec);
}

/* --- keys --- */

static void go(struct ins *s, int page)
{
	s->page = (enum ins_page)((page + PAGE_COUNT) % PAGE_COUNT);
	s->scroll = 0;
}

static void move_week(struct app *a, struct ins *s, int weeks)
{
	struct mend_date d;
	if (!clock_parse_date(s->wk.start, &d))
		return;
	long days = clock_days_from_civil(d) + 7L * weeks;
	struct mend_date today =
	    clock_journal_day(a->j->now, a->j->day_start_hour);
	struct mend_date this_week = insights_week_start(a->j, today);
	if (days > clock_days_from_civil(this_week) || days < 0) {
		ui_message(a, false,
			   weeks > 0 ? "This is the latest week."
				     : "This is the earliest week.");
		return;
	}
	clock_format_date(clock_civil_from_days(days), s->week_start);
	unload(s, PAGE_WEEK);
}

static void move_year(struct app *a, struct ins *s, int by)
{
	int y = s->year + by;
	struct mend_date today =
	    clock_journal_day(a->j->now, a->j->day_start_hour);
	int first = s->yr.first_year ? s->yr.first_year : today.y;
	if (y > today.y || y < first) {
		ui_message(a, false,
			   by > 0 ? "This is the latest year."
				  : "There are no check-ins before this year.");
		return;
	}
	s->year = y;
	s->loaded[PAGE_YEAR] = false;
}

static void set_by(struct ins *s, enum insights_by by)
{
	s->by = by;
	unload(s, PAGE_MOOD);
}

static int ins_key(struct app *a, void *st, int ch, bool code)
{
	struct ins *s = st;
	if (code) {
		switch (ch) {
		case KEY_RIGHT:
			go(s, (int)s->page + 1);
			break;
		case KEY_LEFT:
		case KEY_BTAB:
			go(s, (int)s->page - 1);
			break;
		case KEY_UP:
			if (s->scroll > 0)
				s->scroll--;
			break;
		case KEY_DOWN:
			s->scroll++;
			break;
		case KEY_NPAGE:
			s->scroll += LINES / 2;
			break;
		case KEY_PPAGE:
			s->scroll =
			    s->scroll > LINES / 2 ? s->scroll - LINES / 2 : 0;
			break;
		case UI_TICK:
			return 0;
		default:
			break;
		}
		return UI_HANDLED;
	}
	if (ch == 27 || ch == 'q')
		return UI_POP;
	if (ch == '\t')
		go(s, (int)s->page + 1);
	else if (ch >= '1' && ch < '1' + PAGE_COUNT)
		go(s, ch - '1');
	else if (s->page == PAGE_MOOD && ch == 'd')
		set_by(s, INSIGHTS_BY_DAY);
	else if (s->page == PAGE_MOOD && ch == 'w')
		set_by(s, INSIGHTS_BY_WEEK);
	else if (s->page == PAGE_MOOD && ch == 'm')
		set_by(s, INSIGHTS_BY_MONTH);
	else if (s->page == PAGE_YEAR && (ch == '[' || ch == ']'))
		move_year(a, s, ch == ']' ? 1 : -1);
	else if (s->page == PAGE_WEEK && (ch == '[' || ch == ']'))
		move_week(a, s, ch == ']' ? 1 : -1);
	else if (s->page == PAGE_WEEK && ch == 'n' && s->wk.start[0])
		edit_week_note(a, s, NULL);
	else if (ch == 'j')
		s->scroll++;
	else if (ch == 'k' && s->scroll > 0)
		s->scroll--;
	return UI_HANDLED;
}

static void ins_resume(struct app *a, void *st)
{
	struct ins *s = st;
	(void)a;
	/* something may have been written: read the figures again */
	for (int p = 0; p < PAGE_COUNT; p++)
		if (p != PAGE_THEN) /* its offer was marked seen already */
			unload(s, (enum ins_page)p);
}

static void ins_leave(struct app *a, void *st)
{
	struct ins *s = st;
	(void)a;
	for (int p = 0; p < PAGE_COUNT; p++)
		unload(s, (enum ins_page)p);
	free(s);
}

static const struct ui_screen ins_screen = {
    .title = "Insights",
    .module = -1,
    .keys = ins_keys,
    .draw = ins_draw,
    .key = ins_key,
    .leave = ins_leave,
    .resume = ins_resume,
};

static struct ins *open_at(struct app *a, enum ins_page page)
{
	struct ins *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->page = page;
	s->by = INSIGHTS_BY_DAY;
	if (!ui_refresh(a)) {
		free(s);
		return NULL;
	}
	ui_push(a, &ins_screen, s);
	return s;
}

void ui_open_insights(struct app *a)
{
	open_at(a, PAGE_MOOD);
}

void ui_open_insights_page(struct app *a, const char *page)
{
	static const char *const names[PAGE_COUNT] = {
	    "mood", "year", "space", "helps", "urges", "back", "then", "week",
	};
	for (int p = 0; p < PAGE_COUNT; p++)
		if (strcmp(page, names[p]) == 0) {
			open_at(a, (enum ins_page)p);
			return;
		}
	open_at(a, PAGE_MOOD);
}

bool ui_restore_week(struct app *a, const char *context, const char *text)
{
	struct mend_date d;
	const char *day = context + strlen("week:");
	if (strncmp(context, "week:", 5) != 0 || !clock_parse_date(day, &d))
		return false;
	struct ins *s = open_at(a, PAGE_WEEK);
	if (!s)
		return false;
	clock_format_date(d, s->week_start);
	struct mend_err err = {""};
	if (load_week(a, s, &err) != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	s->loaded[PAGE_WEEK] = true;
	edit_week_note(a, s, text);
	return true;
}
