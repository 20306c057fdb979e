/* SPDX-License-Identifier: MIT */
/* Review: the whole journal, newest first, filtered by module or found by
 * full-text search with a snippet around the match; Enter opens one entry
 * in full (entry_view.c). The list holds only a window of entries and
 * asks the core for the next page as the selection nears an edge, so the
 * very first entry of a large journal is one keyset page away. */
#include <ctype.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "entry_text.h"
#include "entry_view.h"
#include "mend/store.h"
#include "mend/tags.h"
#include "screens.h"

#define PAGE	   100
#define WINDOW_MAX (4 * PAGE)

struct review {
	struct entry *items[WINDOW_MAX];
	int n, sel, scroll;
	bool at_newest; /* nothing is newer than items[0] */
	bool at_oldest; /* nothing is older than items[n - 1] */
	int module;	/* -1: all */
	char search[200];
	char tag[4 * TAG_MAX_BYTES + 1];   /* its key, "" for every entry */
	char tag_shown[TAG_MAX_BYTES + 2]; /* as the title shows it */
	/* the tag picker's keys and labels while it is open ('#') */
	struct tag_pick {
		char **keys, **labels;
		int n;
	} pick;
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
    {"g G Home End", NULL, "the newest, or the very first entry"},
    {"n N", NULL, "the next or previous match of a search"},
    {"m", NULL, "show one module, then the next, then all"},
    {"#", NULL, "show only entries with a tag (the journal's tags, counted)"},
    {"c", NULL, "clear the search"},
    {NULL, NULL, NULL},
};

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
	const char *tag = r->tag;
	struct journal_query q = {.module = r->module,
				  .search = r->search[0] ? r->search : NULL,
				  .tags = &tag,
				  .n_tags = r->tag[0] ? 1 : 0};
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
	char title[420], module[80] = "", line[600];

	if (r->module >= 0) {
		/* the module as the person knows it, lower case in a title */
		snprintf(module, sizeof module, " · %s",
			 a->j->content->module_title[r->module]);
		for (char *p = module; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	snprintf(title, sizeof title, "Review%s%s%s%s%s%s", module,
		 r->tag[0] ? " · " : "", r->tag[0] ? r->tag_shown : "",
		 r->search[0] ? " · \"" : "", r->search,
		 r->search[0] ? "\"" : "");
	ui_frame(a, title, review_keys);
	ui_area(&top, &left, &width, &height);
	if (r->n == 0) {
		ui_text(top, left, width,
			r->search[0] || r->module >= 0 || r->tag[0]
				? "Nothing matches."
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
		int mark = selected
			       ? attr | (int)((unsigned)ui_attr(ROLE_MARK) &
					      ~(unsigned)A_COLOR)
			       : ui_attr(ROLE_MARK);
		char when[40];
		entry_text_when(e->created_at, ENTRY_WHEN_TIME, when,
				sizeof when);
		if (selected)
			ui_fill(top + i, left, width, attr);
		ui_text(top + i, left, 16, when, attr);
		ui_text(top + i, kind_x, 10, entry_text_kind(e->kind),
			selected ? attr : ui_attr(ROLE_MUTED));
		entry_text_summary(a, e, line, sizeof line);
		entry_text_flatten(line);
		/* a starred entry's text begins with the star */
		int star_w = e->starred == 1 ? 2 : 0;
		if (star_w)
			ui_text(top + i, text_x, 1, ui_utf8 ? "★" : "*",
				selected ? attr : ui_attr(ROLE_ACCENT));
		entry_text_snippet(top + i, text_x + star_w,
				   left + width - text_x - star_w, line,
				   entry_text_sealed(e) ? NULL : r->search,
				   attr, mark);
	}
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
	entry_text_when(r->items[r->sel]->created_at, ENTRY_WHEN_DAY, got,
			sizeof got);
	if (strcmp(got, day) != 0)
		ui_message(a, false,
			   "Nothing was written on %s; this is the nearest "
			   "entry.",
			   day);
	move_by(a, r, 0);
}

/* --- the tag filter ('#') --- */

static void pick_free(struct tag_pick *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->keys[i]);
		free(p->labels[i]);
	}
	free(p->keys);
	free(p->labels);
	memset(p, 0, sizeof *p);
}

static int pick_add(const struct store_tag *t, void *ctx)
{
	struct tag_pick *p = ctx;
	char label[TAG_MAX_BYTES + 40];
	char **keys = realloc(p->keys, (size_t)(p->n + 1) * sizeof *keys);
	if (keys)
		p->keys = keys;
	char **labels =
	    keys ? realloc(p->labels, (size_t)(p->n + 1) * sizeof *labels)
		 : NULL;
	if (!labels)
		return 1;
	p->labels = labels;
	snprintf(label, sizeof label, "%.*s  (%ld)", TAG_MAX_BYTES, t->shown,
		 t->count);
	p->keys[p->n] = strdup(t->key);
	p->labels[p->n] = strdup(label);
	if (!p->keys[p->n] || !p->labels[p->n]) {
		free(p->keys[p->n]);
		free(p->labels[p->n]);
		return 1;
	}
	p->n++;
	return 0;
}

static void got_tag(struct app *a, void *ctx, int choice, const char *text)
{
	struct review *r = ctx;
	(void)text;
	if (choice == 0) {
		r->tag[0] = r->tag_shown[0] = '\0';
	} else if (choice > 0 && choice <= r->pick.n - 1) {
		snprintf(r->tag, sizeof r->tag, "%s", r->pick.keys[choice]);
		snprintf(r->tag_shown, sizeof r->tag_shown, "%.*s",
			 TAG_MAX_BYTES + 1, r->pick.labels[choice]);
		/* the label without its count */
		char *count = strstr(r->tag_shown, "  (");
		if (count)
			*count = '\0';
	}
	pick_free(&r->pick);
	if (choice >= 0)
		load_newest(a, r);
}

static void pick_tag(struct app *a, struct review *r)
{
	struct mend_err err = {""};
	struct store_tag all = {.key = "", .shown = "Every entry (no tag)"};
	int sel = 0;

	pick_free(&r->pick);
	if (pick_add(&all, &r->pick) ||
	    tags_each(a->j, pick_add, &r->pick, &err) != MEND_OK) {
		if (err.msg[0])
			ui_error(a, &err);
		pick_free(&r->pick);
		return;
	}
	/* the first item is not counted: no number after it */
	*strstr(r->pick.labels[0], "  (") = '\0';
	if (r->pick.n == 1) {
		pick_free(&r->pick);
		ui_message(a, false,
			   "No tags yet: write @word or #word in an entry to "
			   "tag it.");
		return;
	}
	for (int i = 1; i < r->pick.n; i++)
		if (strcmp(r->pick.keys[i], r->tag) == 0)
			sel = i;
	ui_pick(a, "Show entries with the tag", (const char *const *)r->pick.labels,
		r->pick.n, sel, got_tag, r);
}

static void deleted_from_list(struct app *a, void *ctx, int choice,
			      const char *text)
{
	struct review *r = ctx;
	(void)text;
	if (choice != 1 || r->n == 0)
		return;
	const struct entry *e = r->items[r->sel];
	if (entry_view_delete(a, e->uuid, e))
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
		ui_message(a, false,
			   dir > 0 ? "That was the oldest match."
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
		ui_ask_text(a, "Search",
			    "Find entries with these words:", r->search,
			    got_search, r);
		break;
	case 't': {
		char day[40] = "";
		if (r->n)
			entry_text_when(r->items[r->sel]->created_at,
					ENTRY_WHEN_DAY, day, sizeof day);
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
	case '#':
		pick_tag(a, r);
		break;
	case 'e':
		if (r->n && !entry_text_sealed(r->items[r->sel])) {
			entry_view_open_edit(a, r->items[r->sel]->uuid,
					     r->items[r->sel]->text);
		} else if (r->n) {
			ui_message(a, true, "This letter is still sealed.");
		}
		break;
	case 'd':
		if (r->n)
			entry_view_ask_delete(a, r->items[r->sel],
					      deleted_from_list, r);
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
	pick_free(&r->pick);
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
