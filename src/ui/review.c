/* SPDX-License-Identifier: MIT */
/* Review: every entry, newest first, filtered by module or found by
 * full-text search with the matches marked; one entry in full, to read,
 * edit or delete. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"

#define REVIEW_MAX 1000

struct review {
	struct entry *items[REVIEW_MAX];
	int n, sel, scroll;
	int module; /* -1: all */
	char search[200];
	bool more;
};

static const struct ui_key review_keys[] = {
	{"↑↓", "move", "move (also j and k, PgUp and PgDn)"},
	{"Enter", "open", "read the whole entry"},
	{"/", "search", "find entries with these words"},
	{"m", "module", "show one module, then the next, then all"},
	{"c", NULL, "clear the search"},
	{"e", "edit", "edit the entry"},
	{"d", "delete", "delete the entry (asks first)"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

static int keep(const struct entry *e, void *ctx)
{
	struct review *r = ctx;
	if (r->n >= REVIEW_MAX) {
		r->more = true;
		return 1;
	}
	if ((r->items[r->n] = entry_dup(e)))
		r->n++;
	return 0;
}

static void review_clear(struct review *r)
{
	for (int i = 0; i < r->n; i++)
		entry_free(r->items[i]);
	r->n = 0;
	r->more = false;
}

static void load(struct app *a, struct review *r)
{
	struct journal_query q = {.module = r->module,
				  .search = r->search[0] ? r->search : NULL,
				  .limit = REVIEW_MAX + 1};
	struct mend_err err = {""};
	review_clear(r);
	if (!ui_refresh(a))
		return;
	if (journal_list(a->j, &q, keep, r, &err) != MEND_OK)
		ui_error(a, &err);
	if (r->sel >= r->n)
		r->sel = r->n ? r->n - 1 : 0;
}

static void review_enter(struct app *a, void *st)
{
	load(a, st);
}

/* What a list line says about an entry. */
static void summary(const struct entry *e, char *buf, size_t n)
{
	if (e->kind == KIND_SEALED && !*e->text)
		snprintf(buf, n, "(sealed until day %d)", e->open_day);
	else if (e->kind == KIND_CHECKIN)
		snprintf(buf, n, "mood %d/10%s%s", e->mood, *e->text ? " · " : "",
			 e->text);
	else if (e->kind == KIND_DECISION)
		snprintf(buf, n, "decision: %s%s%s", e->outcome,
			 *e->text ? " · " : "", e->text);
	else if (e->kind == KIND_URGE)
		snprintf(buf, n, "urge %d/10%s%s", e->urge, *e->text ? " · " : "",
			 e->text);
	else if (e->kind == KIND_CONTACT)
		snprintf(buf, n, "contact (%s, by %s)%s%s", e->channel,
			 e->initiator, *e->text ? " · " : "", e->text);
	else if (e->kind == KIND_GROWTH && e->minutes != ENTRY_NONE)
		snprintf(buf, n, "%s, %d min · %s", e->category, e->minutes,
			 e->text);
	else if (e->kind == KIND_GROWTH)
		snprintf(buf, n, "%s · %s", e->category, e->text);
	else
		snprintf(buf, n, "%s", e->text);
}

static void review_draw(struct app *a, void *st)
{
	struct review *r = st;
	int top, left, width, height;
	char title[300], line[400];

	snprintf(title, sizeof title, "Review%s%s%s%s%s",
		 r->module >= 0 ? " · " : "",
		 r->module >= 0 ? module_name((enum module)r->module) : "",
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
	for (int i = 0; i < height && r->scroll + i < r->n; i++) {
		const struct entry *e = r->items[r->scroll + i];
		bool selected = r->scroll + i == r->sel;
		int attr = ui_attr(selected ? ROLE_SELECTED : ROLE_NORMAL);
		char when[20];
		time_t t;
		struct tm tm;
		snprintf(when, sizeof when, "%.10s", e->created_at);
		if (clock_parse_iso(e->created_at, &t) && localtime_r(&t, &tm))
			strftime(when, sizeof when, "%Y-%m-%d", &tm);
		if (selected)
			ui_fill(top + i, left, width, attr);
		ui_text(top + i, left, 10, when, attr);
		ui_text(top + i, left + 11, 11,
			module_name(kind_module(e->kind)),
			selected ? attr : ui_attr(ROLE_MUTED));
		summary(e, line, sizeof line);
		if (r->search[0] && !selected)
			ui_text_marked(top + i, left + 23, width - 23, line,
				       r->search, attr);
		else
			ui_text(top + i, left + 23, width - 23, line, attr);
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
	{"e", "edit", "edit the text"},
	{"d", "delete", "delete this entry (asks first)"},
	{"Esc", "back", "back (also q)"},
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
	if (journal_find(a->j, v->uuid, keep_one, v, &err) != MEND_OK) {
		ui_error(a, &err);
		v->gone = true;
	}
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
	char line[400], when[40];
	time_t t;
	struct tm tm;

	ui_frame(a, "Entry", view_keys);
	if (!e)
		return;
	ui_area(&top, &left, &width, &height);
	y = top;
	snprintf(when, sizeof when, "%s", e->created_at);
	if (clock_parse_iso(e->created_at, &t) && localtime_r(&t, &tm))
		strftime(when, sizeof when, "%A %Y-%m-%d %H:%M", &tm);
	snprintf(line, sizeof line, "%s · %s", when,
		 a->j->content->module_title[kind_module(e->kind)]);
	ui_text(y++, left, width, line, ui_attr(ROLE_TITLE));
	if (e->prompt_text)
		y += ui_wrap(y, left, width, 3, 0, e->prompt_text,
			     ui_attr(ROLE_ACCENT));
	if (e->kind != KIND_REFLECTION && e->kind != KIND_ACCEPTANCE &&
	    e->kind != KIND_UNSENT) {
		summary(e, line, sizeof line);
		line[strcspn(line, "\n")] = '\0';
		if (e->kind == KIND_SEALED && *e->text)
			snprintf(line, sizeof line, "A letter you sealed until "
						    "day %d:",
				 e->open_day);
		ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
	}
	y++;
	if (e->kind == KIND_SEALED && !*e->text)
		return;
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

static void deleted(struct app *a, void *ctx, int choice, const char *text)
{
	struct view *v = ctx;
	struct mend_err err = {""};
	(void)text;
	if (choice != 1)
		return;
	if (!ui_refresh(a))
		return;
	if (journal_delete(a->j, v->uuid, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	ui_message(a, false, "Deleted.");
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
		if (v->e && v->e->kind == KIND_SEALED && !*v->e->text)
			ui_message(a, true, "This letter is still sealed.");
		else if (v->e)
			open_edit(a, v->uuid, v->e->text, false);
		break;
	case 'd':
		ui_ask(a, "Delete this entry? It cannot be undone.", deleted, v);
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
	r->sel = r->scroll = 0;
	load(a, r);
}

static void deleted_from_list(struct app *a, void *ctx, int choice,
			      const char *text)
{
	struct review *r = ctx;
	struct mend_err err = {""};
	(void)text;
	if (choice != 1 || r->n == 0 || !ui_refresh(a))
		return;
	if (journal_delete(a->j, r->items[r->sel]->uuid, &err) != MEND_OK)
		ui_error(a, &err);
	else
		ui_message(a, false, "Deleted.");
	load(a, r);
}

static int review_key(struct app *a, void *st, int ch, bool code)
{
	struct review *r = st;
	if (code) {
		if (ch == KEY_UP && r->sel > 0)
			r->sel--;
		else if (ch == KEY_DOWN && r->sel < r->n - 1)
			r->sel++;
		else if (ch == KEY_NPAGE)
			r->sel = r->sel + LINES - 5 < r->n ? r->sel + LINES - 5
							   : (r->n ? r->n - 1 : 0);
		else if (ch == KEY_PPAGE)
			r->sel = r->sel > LINES - 5 ? r->sel - (LINES - 5) : 0;
		else if (ch == KEY_ENTER && r->n)
			ui_open_entry(a, r->items[r->sel]->uuid);
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	switch (ch) {
	case 'k':
		if (r->sel > 0)
			r->sel--;
		break;
	case 'j':
		if (r->sel < r->n - 1)
			r->sel++;
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
	case 'c':
		r->search[0] = '\0';
		load(a, r);
		break;
	case 'm':
		r->module = r->module + 1 >= MODULE_COUNT ? -1 : r->module + 1;
		r->sel = r->scroll = 0;
		load(a, r);
		break;
	case 'e':
		if (r->n && !(r->items[r->sel]->kind == KIND_SEALED &&
			      !*r->items[r->sel]->text)) {
			ui_open_entry(a, r->items[r->sel]->uuid);
			struct view *v = a->stack[a->depth - 1].state;
			open_edit(a, v->uuid, r->items[r->sel]->text, false);
		}
		break;
	case 'd':
		if (r->n)
			ui_ask(a, "Delete this entry? It cannot be undone.",
			       deleted_from_list, r);
		break;
	case 27:
	case 'q':
		return UI_POP;
	}
	return UI_HANDLED;
}

static void review_resume(struct app *a, void *st)
{
	load(a, st);
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
