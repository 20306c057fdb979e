/* SPDX-License-Identifier: MIT */
/* Review: the whole journal, newest first, filtered by module or found by
 * full-text search with a snippet around the match; one entry in full, to
 * read, edit or delete. The list holds only a window of entries and asks
 * the core for the next page as the selection nears an edge, so the very
 * first entry of a large journal is one keyset page away. */
#include <ctype.h>
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mend/utf8.h"
#include "screens.h"

#define PAGE 100
#define WINDOW_MAX (4 * PAGE)

struct review {
	struct entry *items[WINDOW_MAX];
	int n, sel, scroll;
	bool at_newest; /* nothing is newer than items[0] */
	bool at_oldest; /* nothing is older than items[n - 1] */
	int module;     /* -1: all */
	char search[200];
};

static const struct ui_key review_keys[] = {
	{"↑↓", "move", "move (also j and k)"},
	{"/", "search", "find entries with these words"},
	{"Esc", "back", "back home (also q)"},
	{"?", "help", "this list of keys"},
	{"Enter", "open", "read the whole entry"},
	{"d", "delete", "delete the entry (asks first, naming it)"},
	{"t", "date", "go to a day and what you wrote on it"},
	{"e", "edit", "edit the entry"},
	{"PgUp PgDn", NULL, "a screen up or down"},
	{"g G", NULL, "the newest entry, or the very first you wrote (also "
		      "Home and End)"},
	{"n N", NULL, "the next or the previous entry that matches the search"},
	{"m", NULL, "show one module, then the next, then all"},
	{"c", NULL, "clear the search"},
	{NULL, NULL, NULL},
};

/* --- words about an entry --- */

/* What an entry is, short for a list column and in a sentence. */
static const char *const kind_short[KIND_COUNT] = {
	[KIND_CHECKIN] = "check-in",	[KIND_CONTACT] = "contact",
	[KIND_URGE] = "urge",		[KIND_UNSENT] = "unsent",
	[KIND_SEALED] = "letter",	[KIND_REFLECTION] = "reflection",
	[KIND_GROWTH] = "growth",	[KIND_ACCEPTANCE] = "acceptance",
	[KIND_DECISION] = "decision",
};
static const char *const kind_phrase[KIND_COUNT] = {
	[KIND_CHECKIN] = "check-in",
	[KIND_CONTACT] = "note about contact",
	[KIND_URGE] = "note about an urge",
	[KIND_UNSENT] = "unsent message",
	[KIND_SEALED] = "sealed letter",
	[KIND_REFLECTION] = "reflection",
	[KIND_GROWTH] = "growth entry",
	[KIND_ACCEPTANCE] = "acceptance entry",
	[KIND_DECISION] = "decision",
};

static bool still_sealed(const struct entry *e)
{
	return e->kind == KIND_SEALED && !*e->text;
}

/* How a moment is shown: its day, day and time, with the weekday. */
enum when_style { WHEN_DAY, WHEN_TIME, WHEN_SHORT_WEEKDAY, WHEN_WEEKDAY };

/* The local time of an ISO moment, or its first characters. */
static void local_time(const char *iso, enum when_style style, char *buf,
		       size_t n)
{
	time_t t;
	struct tm tm;
	snprintf(buf, n, "%.16s", iso);
	if (!clock_parse_iso(iso, &t) || !localtime_r(&t, &tm))
		return;
	if (style == WHEN_DAY)
		strftime(buf, n, "%Y-%m-%d", &tm);
	else if (style == WHEN_TIME)
		strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
	else if (style == WHEN_SHORT_WEEKDAY)
		strftime(buf, n, "%a %Y-%m-%d %H:%M", &tm);
	else
		strftime(buf, n, "%A %Y-%m-%d %H:%M", &tm);
}

/* When a sealed letter opens: the streak day, and the date that day falls
 * on if the running stretch of no contact goes on; in a sentence, or
 * short for a list row (the date first, so a narrow row keeps it). */
static void sealed_until(struct app *a, const struct entry *e, bool brief,
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
					clock_local_date(start +
							 (time_t)e->open_day *
								 86400),
					date);
	if (*date && brief)
		snprintf(buf, n, "Sealed: opens %s, day %d of no contact", date,
			 e->open_day);
	else if (*date)
		snprintf(buf, n, "Sealed until day %d of no contact: it opens "
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
	const struct category *c = content_category(a->j->content, id ? id : "");
	return c ? c->label : id ? id : "";
}

/* What a list line says about an entry. */
static void summary(struct app *a, const struct entry *e, char *buf,
		    size_t n)
{
	const char *sep = *e->text ? " · " : "";
	if (still_sealed(e))
		sealed_until(a, e, true, buf, n);
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
	else
		snprintf(buf, n, "%s", e->text);
}

/* Line breaks and tabs as spaces: a list row is one line, and a match in
 * a later paragraph must still be found. */
static void flatten(char *s)
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
static void entry_name(const struct entry *e, int cols,
		       char *buf, size_t n)
{
	char when[40], words[200];
	local_time(e->created_at, WHEN_SHORT_WEEKDAY, when, sizeof when);
	int len = snprintf(buf, n, "%s of %s", kind_phrase[e->kind], when);
	if (len < 0 || (size_t)len >= n)
		return;
	if (still_sealed(e) || !*e->text)
		return;
	snprintf(words, sizeof words, "%s", e->text);
	flatten(words);
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
static void draw_snippet(int y, int x, int width, const char *s,
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
	for (i = start; i < n && used < width;) {
		size_t run = words && *words ? match_at(s, i, n, words) : 0;
		bool hit = run > 0;
		if (!hit) {
			uint32_t cp;
			run = utf8_decode(s + i, n - i, &cp);
			if (!run)
				run = 1;
		}
		used += ui_textn(y, x + used, width - used, s + i, run,
				 hit ? mark : attr);
		i += run;
	}
}

/* --- the window of entries --- */

struct page {
	struct entry *items[PAGE];
	int n;
};

static int keep_in_page(const struct entry *e, void *ctx)
{
	struct page *p = ctx;
	if (p->n < PAGE && (p->items[p->n] = entry_dup(e)))
		p->n++;
	return p->n >= PAGE;
}

static void page_free(struct page *p)
{
	for (int i = 0; i < p->n; i++)
		entry_free(p->items[i]);
	p->n = 0;
}

/* One page beyond from (NULL: from an end) in dir; false after showing
 * the error. */
static bool fetch(struct app *a, struct review *r,
		  const struct entry_cursor *from, enum journal_dir dir,
		  struct page *p)
{
	struct journal_query q = {.module = r->module,
				  .search = r->search[0] ? r->search : NULL};
	struct mend_err err = {""};
	p->n = 0;
	if (journal_page(a->j, &q, from, dir, PAGE, keep_in_page, p, &err) ==
	    MEND_OK)
		return true;
	page_free(p);
	ui_error(a, &err);
	return false;
}

static void review_clear(struct review *r)
{
	for (int i = 0; i < r->n; i++)
		entry_free(r->items[i]);
	r->n = r->sel = r->scroll = 0;
	r->at_newest = r->at_oldest = true;
}

/* Drop k entries from the newest end (front) or the oldest end. */
static void drop(struct review *r, int k, bool front)
{
	for (int i = 0; i < k; i++)
		entry_free(r->items[front ? i : r->n - 1 - i]);
	if (front) {
		memmove(r->items, r->items + k,
			(size_t)(r->n - k) * sizeof r->items[0]);
		r->sel -= k;
		r->scroll -= k;
		r->at_newest = false;
	} else {
		r->at_oldest = false;
	}
	r->n -= k;
}

/* Older entries after the last one, dropping the newest beyond the
 * window. */
static void grow_older(struct app *a, struct review *r)
{
	struct entry_cursor at;
	struct page p;
	if (r->at_oldest || r->n == 0)
		return;
	journal_cursor_of(r->items[r->n - 1], &at);
	if (!fetch(a, r, &at, JOURNAL_OLDER, &p))
		return;
	if (r->n + p.n > WINDOW_MAX)
		drop(r, r->n + p.n - WINDOW_MAX, true);
	memcpy(r->items + r->n, p.items, (size_t)p.n * sizeof p.items[0]);
	r->n += p.n;
	r->at_oldest = p.n < PAGE;
}

/* Newer entries before the first one (a newer page comes nearest first,
 * so it goes in reversed), dropping the oldest beyond the window. */
static void grow_newer(struct app *a, struct review *r)
{
	struct entry_cursor at;
	struct page p;
	if (r->at_newest || r->n == 0)
		return;
	journal_cursor_of(r->items[0], &at);
	if (!fetch(a, r, &at, JOURNAL_NEWER, &p))
		return;
	if (r->n + p.n > WINDOW_MAX)
		drop(r, r->n + p.n - WINDOW_MAX, false);
	memmove(r->items + p.n, r->items, (size_t)r->n * sizeof r->items[0]);
	for (int i = 0; i < p.n; i++)
		r->items[i] = p.items[p.n - 1 - i];
	r->n += p.n;
	r->sel += p.n;
	r->scroll += p.n;
	r->at_newest = p.n < PAGE;
}

/* The newest page (g, Home, a new search or module). */
static void load_newest(struct app *a, struct review *r)
{
	struct page p;
	review_clear(r);
	if (!ui_refresh(a) || !fetch(a, r, NULL, JOURNAL_OLDER, &p))
		return;
	memcpy(r->items, p.items, (size_t)p.n * sizeof p.items[0]);
	r->n = p.n;
	r->at_oldest = p.n < PAGE;
}

/* The page of the very first entries, the first one selected (G, End). */
static void load_oldest(struct app *a, struct review *r)
{
	struct page p;
	review_clear(r);
	if (!ui_refresh(a) || !fetch(a, r, NULL, JOURNAL_NEWER, &p))
		return;
	for (int i = 0; i < p.n; i++)
		r->items[i] = p.items[p.n - 1 - i];
	r->n = p.n;
	r->at_newest = p.n < PAGE;
	r->sel = r->n ? r->n - 1 : 0;
}

/* The entries around the end of a day, its newest entry selected (or, for
 * a day before everything, the very first entry). */
static void load_day(struct app *a, struct review *r,
		     const struct entry_cursor *at)
{
	struct page older, newer;
	review_clear(r);
	if (!ui_refresh(a) || !fetch(a, r, at, JOURNAL_OLDER, &older))
		return;
	if (!fetch(a, r, at, JOURNAL_NEWER, &newer)) {
		page_free(&older);
		return;
	}
	for (int i = 0; i < newer.n; i++)
		r->items[i] = newer.items[newer.n - 1 - i];
	memcpy(r->items + newer.n, older.items,
	       (size_t)older.n * sizeof older.items[0]);
	r->n = newer.n + older.n;
	r->at_newest = newer.n < PAGE;
	r->at_oldest = older.n < PAGE;
	r->sel = older.n ? newer.n : r->n - 1;
	if (r->sel < 0)
		r->sel = 0;
}

/* Move the selection by delta rows, fetching pages as it goes. */
static void move_by(struct app *a, struct review *r, int delta)
{
	int target = r->sel + delta;
	/* a page that cannot be read (its error is shown) ends the walk */
	while (target > r->n - 1 && !r->at_oldest) {
		int n = r->n, sel = r->sel;
		grow_older(a, r);
		target += r->sel - sel;
		if (r->n == n && r->sel == sel)
			break;
	}
	while (target < 0 && !r->at_newest) {
		int n = r->n, sel = r->sel;
		grow_newer(a, r);
		target += r->sel - sel;
		if (r->n == n && r->sel == sel)
			break;
	}
	if (target > r->n - 1)
		target = r->n - 1;
	r->sel = target < 0 ? 0 : target;
	/* keep a screen of entries ready on either side */
	if (r->sel > r->n - 1 - LINES)
		grow_older(a, r);
	if (r->sel < LINES)
		grow_newer(a, r);
}

static void found_selected(const struct entry *e, void *ctx)
{
	struct entry **out = ctx;
	*out = entry_dup(e);
}

/* After the entry view or an edit: read the selected entry again, or take
 * it out of the window when it was deleted. */
static void refresh_selected(struct app *a, struct review *r)
{
	struct entry *e = NULL;
	if (r->n == 0 || !ui_refresh(a))
		return;
	enum mend_rc rc = journal_find(a->j, r->items[r->sel]->uuid,
				       found_selected, &e, NULL);
	if (rc == MEND_OK && e) {
		entry_free(r->items[r->sel]);
		r->items[r->sel] = e;
		return;
	}
	entry_free(e);
	if (rc != MEND_ENOTFOUND)
		return;
	entry_free(r->items[r->sel]);
	memmove(r->items + r->sel, r->items + r->sel + 1,
		(size_t)(r->n - r->sel - 1) * sizeof r->items[0]);
	r->n--;
	if (r->n == 0 && !(r->at_newest && r->at_oldest))
		load_newest(a, r);
	move_by(a, r, 0);
}

static void review_enter(struct app *a, void *st)
{
	load_newest(a, st);
}

static void review_resume(struct app *a, void *st)
{
	refresh_selected(a, st);
}

/* --- drawing the list --- */

static void review_draw(struct app *a, void *st)
{
	struct review *r = st;
	int top, left, width, height;
	char title[300], module[80] = "", line[600];

	if (r->module >= 0) {
		/* the module as the person knows it, lower case in a title */
		snprintf(module, sizeof module, " · %s",
			 a->j->content->module_title[r->module]);
		for (char *p = module; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	snprintf(title, sizeof title, "Review%s%s%s%s", module,
		 r->search[0] ? " · \"" : "", r->search,
		 r->search[0] ? "\"" : "");
	ui_frame(a, title, review_keys);
	ui_area(&top, &left, &width, &height);
	if (r->n == 0) {
		ui_text(top, left, width,
			r->search[0] || r->module >= 0 ? "Nothing matches."
						       : "Nothing written yet.",
			ui_attr(ROLE_MUTED));
		return;
	}
	if (r->sel < r->scroll)
		r->scroll = r->sel;
	if (r->sel >= r->scroll + height)
		r->scroll = r->sel - height + 1;
	if (r->scroll < 0)
		r->scroll = 0;
	/* "2026-01-06 21:14  reflection  text": the time is never cut */
	int kind_x = left + 18, text_x = kind_x + 12;
	for (int i = 0; i < height && r->scroll + i < r->n; i++) {
		const struct entry *e = r->items[r->scroll + i];
		bool selected = r->scroll + i == r->sel;
		int attr = ui_attr(selected ? ROLE_SELECTED : ROLE_NORMAL);
		/* a match on the selected row keeps the row's reverse and
		 * adds the mark's own attributes */
		int mark = selected ? attr | (int)((unsigned)ui_attr(ROLE_MARK) &
						   ~(unsigned)A_COLOR)
				    : ui_attr(ROLE_MARK);
		char when[40];
		local_time(e->created_at, WHEN_TIME, when, sizeof when);
		if (selected)
			ui_fill(top + i, left, width, attr);
		ui_text(top + i, left, 16, when, attr);
		ui_text(top + i, kind_x, 10, kind_short[e->kind],
			selected ? attr : ui_attr(ROLE_MUTED));
		summary(a, e, line, sizeof line);
		flatten(line);
		draw_snippet(top + i, text_x, left + width - text_x, line,
			     still_sealed(e) ? NULL : r->search, attr, mark);
	}
}

/* --- one entry --- */

struct view {
	struct entry *e;
	char uuid[UUID_LEN];
	int scroll;
	bool gone;
};

static const struct ui_key view_keys[] = {
	{"↑↓", "scroll", "scroll (also j and k, PgUp and PgDn)"},
	{"Esc", "back", "back (also q)"},
	{"?", "help", "this list of keys"},
	{"e", "edit", "edit the text"},
	{"d", "delete", "delete this entry (asks first, naming it)"},
	{NULL, NULL, NULL},
};

static void keep_one(const struct entry *e, void *ctx)
{
	struct view *v = ctx;
	entry_free(v->e);
	v->e = entry_dup(e);
}

static void view_load(struct app *a, struct view *v)
{
	struct mend_err err = {""};
	if (!ui_refresh(a))
		return;
	enum mend_rc rc = journal_find(a->j, v->uuid, keep_one, v, &err);
	if (rc == MEND_ENOTFOUND)
		ui_message(a, true, "This entry is no longer in the journal.");
	else if (rc != MEND_OK)
		ui_error(a, &err);
	v->gone = rc != MEND_OK;
}

static void view_enter(struct app *a, void *st)
{
	view_load(a, st);
}

static void view_draw(struct app *a, void *st)
{
	struct view *v = st;
	const struct entry *e = v->e;
	int top, left, width, height, y;
	char line[600], when[40];

	ui_frame(a, "Entry", view_keys);
	if (!e)
		return;
	ui_area(&top, &left, &width, &height);
	y = top;
	local_time(e->created_at, WHEN_WEEKDAY, when, sizeof when);
	snprintf(line, sizeof line, "%s · %s", when,
		 a->j->content->module_title[kind_module(e->kind)]);
	ui_text(y++, left, width, line, ui_attr(ROLE_TITLE));
	if (e->prompt_text)
		y += ui_wrap(y, left, width, 3, 0, e->prompt_text,
			     ui_attr(ROLE_ACCENT));
	if (still_sealed(e)) {
		sealed_until(a, e, false, line, sizeof line);
		y += ui_wrap(y, left, width, 2, 0, line, ui_attr(ROLE_MUTED));
		ui_wrap(y + 1, left, width, 2, 0,
			"Its words wait for you until then.",
			ui_attr(ROLE_MUTED));
		return;
	}
	if (e->kind != KIND_REFLECTION && e->kind != KIND_ACCEPTANCE &&
	    e->kind != KIND_UNSENT) {
		summary(a, e, line, sizeof line);
		line[strcspn(line, "\n")] = '\0';
		if (e->kind == KIND_SEALED)
			snprintf(line, sizeof line,
				 "A letter you sealed until day %d, open now:",
				 e->open_day);
		ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
	}
	y++;
	int total = ui_wrap(y, left, width, top + height - y, v->scroll, e->text,
			    ui_attr(ROLE_NORMAL));
	if (v->scroll > total - 1)
		v->scroll = total > 0 ? total - 1 : 0;
}

static bool save_edit(struct app *a, void *ctx, const char *text, size_t len)
{
	const char *uuid = ctx;
	struct mend_err err = {""};
	if (journal_edit(a->j, uuid, text, len, &err) != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Saved.");
	return true;
}

static void open_edit(struct app *a, char *uuid, const char *text,
		      bool is_draft)
{
	char context[64];
	snprintf(context, sizeof context, "edit:%s", uuid);
	struct ui_edit_spec spec = {
		.title = "Edit entry",
		.initial = text,
		.initial_is_draft = is_draft,
		.draft_context = context,
		.save = save_edit,
		.ctx = uuid,
	};
	ui_edit(a, &spec);
}

/* Ask before deleting e, naming it; done deletes the entry with uuid. */
static void ask_delete(struct app *a, const struct entry *e, ui_done_fn done,
		       void *ctx)
{
	char name[400], question[500];
	if (e->kind == KIND_CONTACT && e->breaks_period == 1) {
		/* the core keeps it too; say so before asking */
		ui_message(a, false,
			   "This contact restarted your count, so it stays: "
			   "the history is kept whole.");
		return;
	}
	/* the question wraps: room for its name on about two lines */
	entry_name(e, 2 * (COLS - 4) - 40, name, sizeof name);
	snprintf(question, sizeof question,
		 "Delete this entry? Your %s. It cannot be undone.", name);
	ui_ask(a, question, done, ctx);
}

/* Delete the entry uuid (named by e) and say which one went. */
static bool delete_named(struct app *a, const char *uuid,
			 const struct entry *e)
{
	struct mend_err err = {""};
	char name[400];
	entry_name(e, COLS - 4 - 15, name, sizeof name);
	if (!ui_refresh(a))
		return false;
	if (journal_delete(a->j, uuid, &err) != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Deleted. Your %s.", name);
	return true;
}

static void deleted(struct app *a, void *ctx, int choice, const char *text)
{
	struct view *v = ctx;
	(void)text;
	if (choice != 1 || !v->e || !delete_named(a, v->uuid, v->e))
		return;
	v->gone = true;
	ui_close(a);
}

static int view_key(struct app *a, void *st, int ch, bool code)
{
	struct view *v = st;
	if (code) {
		if (ch == KEY_DOWN)
			v->scroll++;
		else if (ch == KEY_UP && v->scroll > 0)
			v->scroll--;
		else if (ch == KEY_NPAGE)
			v->scroll += LINES - 8;
		else if (ch == KEY_PPAGE)
			v->scroll = v->scroll > LINES - 8 ? v->scroll - (LINES - 8) : 0;
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	switch (ch) {
	case 'j':
		v->scroll++;
		break;
	case 'k':
		if (v->scroll > 0)
			v->scroll--;
		break;
	case 'e':
		if (v->e && still_sealed(v->e))
			ui_message(a, true, "This letter is still sealed.");
		else if (v->e)
			open_edit(a, v->uuid, v->e->text, false);
		break;
	case 'd':
		if (v->e)
			ask_delete(a, v->e, deleted, v);
		break;
	case 27:
	case 'q':
		return UI_POP;
	}
	return UI_HANDLED;
}

static void view_resume(struct app *a, void *st)
{
	struct view *v = st;
	if (!v->gone)
		view_load(a, v);
}

static void view_leave(struct app *a, void *st)
{
	struct view *v = st;
	(void)a;
	entry_free(v->e);
	free(v);
}

static const struct ui_screen view_screen = {
	.title = "Entry",
	.module = -1,
	.keys = view_keys,
	.enter = view_enter,
	.draw = view_draw,
	.key = view_key,
	.leave = view_leave,
	.resume = view_resume,
};

void ui_open_entry(struct app *a, const char *uuid)
{
	struct view *v = calloc(1, sizeof *v);
	if (!v)
		return;
	snprintf(v->uuid, sizeof v->uuid, "%s", uuid);
	ui_push(a, &view_screen, v);
}

bool ui_restore_edit(struct app *a, const char *context, const char *text)
{
	if (strncmp(context, "edit:", 5) != 0 || strlen(context + 5) != 36)
		return false;
	ui_open_entry(a, context + 5);
	struct view *v = a->stack[a->depth - 1].state;
	open_edit(a, v->uuid, text, true);
	return true;
}

/* --- the list's keys --- */

static void got_search(struct app *a, void *ctx, int choice, const char *text)
{
	struct review *r = ctx;
	(void)choice;
	snprintf(r->search, sizeof r->search, "%s", text);
	load_newest(a, r);
}

static void got_day(struct app *a, void *ctx, int choice, const char *text)
{
	struct review *r = ctx;
	struct entry_cursor at;
	char day[CLOCK_DATE_LEN];
	(void)choice;
	while (*text == ' ')
		text++;
	if (journal_cursor_after_day(text, &at, NULL) != MEND_OK) {
		ui_message(a, true,
			   "That is not a day I can read; write it like "
			   "2026-01-05.");
		return;
	}
	snprintf(day, sizeof day, "%.10s", text);
	load_day(a, r, &at);
	if (r->n == 0)
		return;
	char got[CLOCK_DATE_LEN];
	local_time(r->items[r->sel]->created_at, WHEN_DAY, got, sizeof got);
	if (strcmp(got, day) != 0)
		ui_message(a, false,
			   "Nothing was written on %s; this is the nearest "
			   "entry.",
			   day);
	move_by(a, r, 0);
}

static void deleted_from_list(struct app *a, void *ctx, int choice,
			      const char *text)
{
	struct review *r = ctx;
	(void)text;
	if (choice != 1 || r->n == 0)
		return;
	const struct entry *e = r->items[r->sel];
	if (delete_named(a, e->uuid, e))
		refresh_selected(a, r);
}

/* n and N: the next (older) or previous (newer) entry the search found. */
static void next_match(struct app *a, struct review *r, int dir)
{
	if (!r->search[0]) {
		ui_message(a, false,
			   "Search with / first; then n and N go from one "
			   "match to the next.");
		return;
	}
	int before = r->sel;
	bool was_edge = dir > 0 ? r->sel == r->n - 1 : r->sel == 0;
	move_by(a, r, dir);
	if (was_edge && r->sel == before)
		ui_message(a, false, dir > 0 ? "That was the oldest match."
					     : "This is the newest match.");
}

static int review_key(struct app *a, void *st, int ch, bool code)
{
	struct review *r = st;
	int page = LINES - 5 > 1 ? LINES - 5 : 1;
	if (code) {
		if (ch == KEY_UP)
			move_by(a, r, -1);
		else if (ch == KEY_DOWN)
			move_by(a, r, 1);
		else if (ch == KEY_NPAGE)
			move_by(a, r, page);
		else if (ch == KEY_PPAGE)
			move_by(a, r, -page);
		else if (ch == KEY_HOME)
			load_newest(a, r);
		else if (ch == KEY_END)
			load_oldest(a, r);
		else if (ch == KEY_ENTER && r->n)
			ui_open_entry(a, r->items[r->sel]->uuid);
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	switch (ch) {
	case 'k':
		move_by(a, r, -1);
		break;
	case 'j':
		move_by(a, r, 1);
		break;
	case 'g':
		load_newest(a, r);
		break;
	case 'G':
		load_oldest(a, r);
		break;
	case 'n':
		next_match(a, r, 1);
		break;
	case 'N':
		next_match(a, r, -1);
		break;
	case '\r':
	case '\n':
		if (r->n)
			ui_open_entry(a, r->items[r->sel]->uuid);
		break;
	case '/':
		ui_ask_text(a, "Search", "Find entries with these words:",
			    r->search, got_search, r);
		break;
	case 't': {
		char day[40] = "";
		if (r->n)
			local_time(r->items[r->sel]->created_at, WHEN_DAY, day,
				   sizeof day);
		ui_ask_text(a, "Go to a day",
			    "Which day? (for example 2026-01-05)", day, got_day,
			    r);
		break;
	}
	case 'c':
		r->search[0] = '\0';
		load_newest(a, r);
		break;
	case 'm':
		r->module = r->module + 1 >= MODULE_COUNT ? -1 : r->module + 1;
		load_newest(a, r);
		break;
	case 'e':
		if (r->n && !still_sealed(r->items[r->sel])) {
			ui_open_entry(a, r->items[r->sel]->uuid);
			struct view *v = a->stack[a->depth - 1].state;
			open_edit(a, v->uuid, r->items[r->sel]->text, false);
		} else if (r->n) {
			ui_message(a, true, "This letter is still sealed.");
		}
		break;
	case 'd':
		if (r->n)
			ask_delete(a, r->items[r->sel], deleted_from_list, r);
		break;
	case 27:
	case 'q':
		return UI_POP;
	}
	return UI_HANDLED;
}

static void review_leave(struct app *a, void *st)
{
	struct review *r = st;
	(void)a;
	review_clear(r);
	free(r);
}

static const struct ui_screen review_screen = {
	.title = "Review",
	.module = -1,
	.keys = review_keys,
	.enter = review_enter,
	.draw = review_draw,
	.key = review_key,
	.leave = review_leave,
	.resume = review_resume,
};

void ui_open_review(struct app *a)
{
	struct review *r = calloc(1, sizeof *r);
	if (!r)
		return;
	r->module = -1;
	ui_push(a, &review_screen, r);
}
