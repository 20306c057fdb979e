/* SPDX-License-Identifier: MIT */
/* One entry in full, opened from the review: to read, edit or delete,
 * with a question that names the entry before it goes. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "entry_text.h"
#include "mend/draft.h"
#include "entry_view.h"
#include "screens.h"

struct view {
	struct entry *e;
	char uuid[UUID_LEN];
	char since[CLOCK_ISO_LEN]; /* updated_at the edit started from */
	char *mine; /* the edited text, while asked what to do with it */
	int scroll;
	bool gone;
};

static const struct ui_key view_keys[] = {
    {"↑↓", "scroll", "scroll (also j and k, PgUp and PgDn)"},
    {"Esc", "back", "back (also q)"},
    {"?", "help", "this list of keys"},
    {"e", "edit", "edit the text"},
    {"d", "delete", "delete this entry (asks first, naming it)"},
    {"s", "star", "star this entry, or take its star off"},
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
	entry_text_when(e->created_at, ENTRY_WHEN_WEEKDAY, when, sizeof when);
	snprintf(line, sizeof line, "%s · %s%s", when,
		 a->j->content->module_title[kind_module(e->kind)],
		 e->starred != 1 ? "" : ui_utf8 ? "  ★ starred" : "  * starred");
	ui_text(y++, left, width, line, ui_attr(ROLE_TITLE));
	if (e->prompt_text)
		y += ui_wrap(y, left, width, 3, 0, e->prompt_text,
			     ui_attr(ROLE_ACCENT));
	if (entry_text_sealed(e)) {
		entry_text_opens(a, e, false, line, sizeof line);
		y += ui_wrap(y, left, width, 2, 0, line, ui_attr(ROLE_MUTED));
		ui_wrap(y + 1, left, width, 2, 0,
			"Its words wait for you until then.",
			ui_attr(ROLE_MUTED));
		return;
	}
	if (e->kind != KIND_REFLECTION && e->kind != KIND_ACCEPTANCE &&
	    e->kind != KIND_UNSENT) {
		entry_text_summary(a, e, line, sizeof line);
		line[strcspn(line, "\n")] = '\0';
		if (e->kind == KIND_SEALED)
			snprintf(line, sizeof line,
				 "A letter you sealed until day %d, open now:",
				 e->open_day);
		ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
	}
	y++;
	int total = ui_wrap(y, left, width, top + height - y, v->scroll,
			    e->text, ui_attr(ROLE_NORMAL));
	if (v->scroll > total - 1)
		v->scroll = total > 0 ? total - 1 : 0;
}

enum { CONFLICT_KEEP_BOTH, CONFLICT_REPLACE, CONFLICT_KEEP_EDITING };

/* The editor's text went into the journal another way: its draft goes
 * and the editor closes, as after a save. */
static void edit_done(struct app *a, struct view *v)
{
	char owner[DRAFT_OWNER_LEN], context[64];
	struct mend_err err = {""};
	draft_owner_self(owner);
	snprintf(context, sizeof context, "edit:%s", v->uuid);
	draft_clear(a->j, owner, context, &err);
	free(v->mine);
	v->mine = NULL;
	curs_set(0);
	ui_close(a);
}

static void conflict_answer(struct app *a, void *ctx, int choice,
			    const char *text)
{
	struct view *v = ctx;
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	bool changed = false;
	(void)text;
	if (!v->mine || !ui_refresh(a))
		return;
	size_t len = strlen(v->mine);
	if (choice == CONFLICT_KEEP_BOTH && v->e) {
		if (journal_save_copy(a->j, v->e, v->mine, len, uuid, &err) !=
		    MEND_OK) {
			ui_error(a, &err);
			return;
		}
		edit_done(a, v);
		ui_message(a, false,
			   "Kept both: yours is saved as a new entry, and the "
			   "other version stays as it was.");
	} else if (choice == CONFLICT_REPLACE) {
		if (journal_edit_from(a->j, v->uuid, v->mine, len, NULL,
				      &changed, &err) != MEND_OK) {
			ui_error(a, &err);
			return;
		}
		edit_done(a, v);
		ui_message(a, false, "Saved. Your version replaced the other.");
	}
	/* Keep editing, or Esc: back to the text as it was */
}

static bool save_edit(struct app *a, void *ctx, const char *text, size_t len)
{
	static const struct ui_choice choices[] = {
	    {"Keep both (save mine as a new entry)", 'k', false},
	    {"Replace theirs with mine", 0, true},
	    {"Keep editing", 'e', false},
	};
	struct view *v = ctx;
	struct mend_err err = {""};
	bool changed = false;
	if (journal_edit_from(a->j, v->uuid, text, len,
			      v->since[0] ? v->since : NULL, &changed,
			      &err) == MEND_OK) {
		ui_message(a, false, "Saved.");
		return true;
	}
	if (!changed) {
		ui_error(a, &err);
		return false;
	}
	free(v->mine);
	v->mine = strndup(text, len);
	if (!v->mine) {
		ui_message(a, true, "Out of memory: your text is still here.");
		return false;
	}
	ui_choose(a, "Changed meanwhile",
		  "This entry was changed somewhere else while you were "
		  "editing it. What would you like to do with your version?",
		  choices, 3, CONFLICT_KEEP_BOTH, conflict_answer, v);
	return false;
}

static void open_edit(struct app *a, struct view *v, const char *text,
		      bool is_draft)
{
	char context[64];
	snprintf(context, sizeof context, "edit:%s", v->uuid);
	/* what the edit starts from: a save made elsewhere after this is
	 * not overwritten without asking */
	snprintf(v->since, sizeof v->since, "%s", v->e ? v->e->updated_at : "");
	struct ui_edit_spec spec = {
	    .title = "Edit entry",
	    .initial = text,
	    .initial_is_draft = is_draft,
	    .draft_context = context,
	    .save = save_edit,
	    .ctx = v,
	};
	ui_edit(a, &spec);
}

void entry_view_ask_delete(struct app *a, const struct entry *e,
			   ui_done_fn done, void *ctx)
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
	entry_text_name(e, 2 * (COLS - 4) - 40, name, sizeof name);
	snprintf(question, sizeof question,
		 "Delete this entry? Your %s. It cannot be undone.", name);
	ui_ask(a, question, done, ctx);
}

bool entry_view_delete(struct app *a, const char *uuid, const struct entry *e)
{
	struct mend_err err = {""};
	char name[400];
	entry_text_name(e, COLS - 4 - 15, name, sizeof name);
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
	if (choice != 1 || !v->e || !entry_view_delete(a, v->uuid, v->e))
		return;
	v->gone = true;
	ui_close(a);
}

static void toggle_star(struct app *a, struct view *v)
{
	struct mend_err err = {""};
	bool on = v->e->starred != 1;
	if (!ui_refresh(a))
		return;
	if (journal_star(a->j, v->uuid, on, NULL, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	v->e->starred = on;
	ui_message(a, false,
		   on ? "Starred, to find again with a star in the review."
		      : "The star is off.");
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
			v->scroll =
			    v->scroll > LINES - 8 ? v->scroll - (LINES - 8) : 0;
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
		if (v->e && entry_text_sealed(v->e))
			ui_message(a, true, "This letter is still sealed.");
		else if (v->e)
			open_edit(a, v, v->e->text, false);
		break;
	case 'd':
		if (v->e)
			entry_view_ask_delete(a, v->e, deleted, v);
		break;
	case 's':
		if (v->e)
			toggle_star(a, v);
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
	free(v->mine);
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
	open_edit(a, v, text, true);
	return true;
}

void entry_view_open_edit(struct app *a, const char *uuid, const char *text)
{
	ui_open_entry(a, uuid);
	struct view *v = a->stack[a->depth - 1].state;
	open_edit(a, v, text, false);
}
