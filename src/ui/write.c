/* SPDX-License-Identifier: MIT */
/* Reflection and Acceptance: the prompt of the day, a picker by theme,
 * the editor, and the module's past entries. Acceptance also shows and
 * changes the current decision. Drafts find their way back here. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/acceptance.h"
#include "mend/nocontact.h"
#include "mend/reflection.h"
#include "screens.h"

#define MAX_PAST 200

struct write {
	enum module m;
	const struct prompt *prompt; /* chosen, or today's */
	unsigned offset;
	struct entry *past[MAX_PAST];
	int n_past, sel, scroll;
	char decision[16];
	const char *themes[32];
	int n_themes;
	int theme; /* picked theme while choosing a prompt */
};

static const struct ui_key write_keys[] = {
	{"w", "write", "answer the prompt shown"},
	{"f", "free", "free writing, without a prompt"},
	{"o", "other", "show another prompt of the day"},
	{"p", "pick", "pick a prompt by theme"},
	{"↑↓ Enter", NULL, "move in your past entries and open one"},
	{"d", NULL, "(acceptance) change your decision"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

bool ui_save_reflection(struct app *a, enum module m, const char *prompt_id,
			const char *text, size_t len)
{
	char uuid[UUID_LEN];
	struct mend_err err = {""};
	if (reflection_save(a->j, m, prompt_id, text, len, uuid, &err) !=
	    MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Saved.");
	return true;
}

static int keep_past(const struct entry *e, void *ctx)
{
	struct write *w = ctx;
	if (w->n_past >= MAX_PAST)
		return 1;
	w->past[w->n_past] = entry_dup(e);
	if (w->past[w->n_past])
		w->n_past++;
	return 0;
}

static void keep_decision(const struct entry *e, void *ctx)
{
	snprintf(ctx, 16, "%s", e->outcome ? e->outcome : "");
}

static void load(struct app *a, struct write *w)
{
	struct journal_query q = {.module = (int)w->m, .limit = MAX_PAST};
	struct mend_err err = {""};
	for (int i = 0; i < w->n_past; i++)
		entry_free(w->past[i]);
	w->n_past = 0;
	if (!ui_refresh(a))
		return;
	if (journal_list(a->j, &q, keep_past, w, &err) != MEND_OK)
		ui_error(a, &err);
	w->decision[0] = '\0';
	if (w->m == MODULE_ACCEPTANCE)
		acceptance_current(a->j, keep_decision, w->decision, NULL);
	if (!w->prompt)
		w->prompt = reflection_prompt_today(a->j, w->m, w->offset);
}

static void write_enter(struct app *a, void *st)
{
	load(a, st);
}

static void write_draw(struct app *a, void *st)
{
	struct write *w = st;
	const struct content *c = a->j->content;
	int top, left, width, height, y;
	char line[200];

	ui_frame(a, c->module_title[w->m], write_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	if (w->m == MODULE_ACCEPTANCE) {
		enum outcome o;
		if (w->decision[0] && outcome_from_name(w->decision, &o))
			snprintf(line, sizeof line, "Your decision: %s. %s",
				 w->decision, c->decision[o]);
		else
			snprintf(line, sizeof line,
				 "No decision yet, and that is fine (d to "
				 "choose one).");
		y += ui_wrap(y, left, width, 2, 0, line, ui_attr(ROLE_GOOD)) + 1;
	}
	if (w->prompt) {
		snprintf(line, sizeof line, "Prompt · %s", w->prompt->theme);
		ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
		y += ui_wrap(y, left, width, 4, 0, w->prompt->text,
			     ui_attr(ROLE_ACCENT));
	}
	y++;
	snprintf(line, sizeof line, "Your entries (%d%s)", w->n_past,
		 w->n_past == MAX_PAST ? "+" : "");
	ui_text(y++, left, width, line, ui_attr(ROLE_TITLE));
	int rows = top + height - y;
	if (w->sel < w->scroll)
		w->scroll = w->sel;
	if (rows > 0 && w->sel >= w->scroll + rows)
		w->scroll = w->sel - rows + 1;
	for (int i = 0; i < rows && w->scroll + i < w->n_past; i++) {
		const struct entry *e = w->past[w->scroll + i];
		int idx = w->scroll + i;
		int attr = ui_attr(idx == w->sel ? ROLE_SELECTED : ROLE_NORMAL);
		char when[17];
		time_t t;
		struct tm tm;
		snprintf(when, sizeof when, "%.10s", e->created_at);
		if (clock_parse_iso(e->created_at, &t) && localtime_r(&t, &tm))
			strftime(when, sizeof when, "%Y-%m-%d", &tm);
		if (idx == w->sel)
			ui_fill(y + i, left, width, attr);
		ui_text(y + i, left, 11, when, attr);
		ui_text(y + i, left + 12, width - 12,
			e->kind == KIND_DECISION ? e->outcome : e->text, attr);
	}
	if (w->n_past == 0 && rows > 0)
		ui_text(y, left, width, "Nothing written here yet.",
			ui_attr(ROLE_MUTED));
}


static bool save_prompted(struct app *a, void *ctx, const char *text,
			  size_t len)
{
	struct write *w = ctx;
	return ui_save_reflection(a, w->m, w->prompt ? w->prompt->id : NULL,
				  text, len);
}

static bool save_free(struct app *a, void *ctx, const char *text, size_t len)
{
	struct write *w = ctx;
	return ui_save_reflection(a, w->m, NULL, text, len);
}

static void open_editor(struct app *a, struct write *w, bool with_prompt,
			const char *initial, bool is_draft)
{
	char context[96];
	const struct prompt *p = with_prompt ? w->prompt : NULL;
	snprintf(context, sizeof context, "%s:%s", module_name(w->m),
		 p ? p->id : "");
	struct ui_edit_spec spec = {
		.title = a->j->content->module_title[w->m],
		.prompt = p ? p->text : NULL,
		.prompt_id = p ? p->id : NULL,
		.initial = initial,
		.initial_is_draft = is_draft,
		.draft_context = context,
		.save = p ? save_prompted : save_free,
		.ctx = w,
	};
	ui_edit(a, &spec);
}

static void picked_prompt(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct write *w = ctx;
	const struct content *c = a->j->content;
	int k = 0;
	(void)text;
	for (size_t i = 0; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];
		if (p->module != w->m || strcmp(p->theme, w->themes[w->theme]) != 0)
			continue;
		if (k++ == choice) {
			w->prompt = p;
			open_editor(a, w, true, NULL, false);
			return;
		}
	}
}

static void picked_theme(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct write *w = ctx;
	const struct content *c = a->j->content;
	const char *items[64];
	int n = 0;
	(void)text;
	w->theme = choice;
	for (size_t i = 0; i < c->n_prompts && n < 64; i++)
		if (c->prompts[i].module == w->m &&
		    strcmp(c->prompts[i].theme, w->themes[choice]) == 0)
			items[n++] = c->prompts[i].text;
	ui_pick(a, "Pick a prompt", items, n, 0, picked_prompt, w);
}

static void pick_theme(struct app *a, struct write *w)
{
	const struct content *c = a->j->content;
	w->n_themes = 0;
	for (size_t i = 0; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];
		bool seen = false;
		if (p->module != w->m)
			continue;
		for (int t = 0; t < w->n_themes; t++)
			seen |= strcmp(w->themes[t], p->theme) == 0;
		if (!seen && w->n_themes < 32)
			w->themes[w->n_themes++] = p->theme;
	}
	ui_pick(a, "Pick a theme", w->themes, w->n_themes, 0, picked_theme, w);
}

static void got_decision_note(struct app *a, void *ctx, int choice,
			      const char *text)
{
	struct write *w = ctx;
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (acceptance_decide(a->j, w->decision, text, uuid, &err) != MEND_OK)
		ui_error(a, &err);
	else
		ui_message(a, false, "Saved: your decision is %s. It can change "
				     "whenever you need it to.",
			   w->decision);
	load(a, w);
}

static void picked_outcome(struct app *a, void *ctx, int choice,
			   const char *text)
{
	struct write *w = ctx;
	(void)text;
	snprintf(w->decision, sizeof w->decision, "%s",
		 outcome_name((enum outcome)choice));
	ui_ask_text(a, "Decision", "Your reasons, in a few words (optional).",
		    "", got_decision_note, w);
}

static void pick_outcome(struct app *a, struct write *w)
{
	const struct content *c = a->j->content;
	const char *items[OUTCOME_COUNT];
	char lines[OUTCOME_COUNT][400];
	for (int i = 0; i < OUTCOME_COUNT; i++) {
		snprintf(lines[i], sizeof lines[i], "%-10s %s",
			 outcome_name((enum outcome)i), c->decision[i]);
		items[i] = lines[i];
	}
	ui_pick(a, "What do you want now?", items, OUTCOME_COUNT, 0,
		picked_outcome, w);
}

static int write_key(struct app *a, void *st, int ch, bool code)
{
	struct write *w = st;
	if (code) {
		if (ch == UI_TICK)
			return 0;
		if (ch == KEY_UP && w->sel > 0)
			w->sel--;
		else if (ch == KEY_DOWN && w->sel < w->n_past - 1)
			w->sel++;
		else if (ch == KEY_ENTER && w->n_past)
			ui_open_entry(a, w->past[w->sel]->uuid);
		return UI_HANDLED;
	}
	switch (ch) {
	case 'w':
		open_editor(a, w, true, NULL, false);
		break;
	case 'f':
		open_editor(a, w, false, NULL, false);
		break;
	case 'o':
		w->offset++;
		w->prompt = reflection_prompt_today(a->j, w->m, w->offset);
		break;
	case 'p':
		pick_theme(a, w);
		break;
	case 'd':
		if (w->m == MODULE_ACCEPTANCE)
			pick_outcome(a, w);
		break;
	case 'k':
		if (w->sel > 0)
			w->sel--;
		break;
	case 'j':
		if (w->sel < w->n_past - 1)
			w->sel++;
		break;
	case '\r':
	case '\n':
		if (w->n_past)
			ui_open_entry(a, w->past[w->sel]->uuid);
		break;
	case 27:
	case 'q':
		return UI_POP;
	}
	return UI_HANDLED;
}

static void write_resume(struct app *a, void *st)
{
	load(a, st);
}

static void write_leave(struct app *a, void *st)
{
	struct write *w = st;
	(void)a;
	for (int i = 0; i < w->n_past; i++)
		entry_free(w->past[i]);
	free(w);
}

static const struct ui_screen reflection_screen = {
	.title = "Reflection",
	.module = MODULE_REFLECTION,
	.keys = write_keys,
	.enter = write_enter,
	.draw = write_draw,
	.key = write_key,
	.leave = write_leave,
	.resume = write_resume,
};

static const struct ui_screen acceptance_screen = {
	.title = "Acceptance",
	.module = MODULE_ACCEPTANCE,
	.keys = write_keys,
	.enter = write_enter,
	.draw = write_draw,
	.key = write_key,
	.leave = write_leave,
	.resume = write_resume,
};

static struct write *open_screen(struct app *a, enum module m)
{
	struct write *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->m = m;
	ui_push(a, m == MODULE_REFLECTION ? &reflection_screen
					  : &acceptance_screen,
		w);
	return w;
}

void ui_open_write(struct app *a, enum module m)
{
	open_screen(a, m);
}

bool ui_restore_draft(struct app *a, const char *context, const char *text)
{
	char mod[32];
	const char *colon = strchr(context, ':');
	enum module m;
	snprintf(mod, sizeof mod, "%.*s",
		 (int)(colon ? colon - context : (long)strlen(context)), context);
	if (module_from_name(mod, &m) &&
	    (m == MODULE_REFLECTION || m == MODULE_ACCEPTANCE)) {
		struct write *w = open_screen(a, m);
		if (!w)
			return false;
		const struct prompt *p =
			colon && colon[1] ? content_prompt(a->j->content, colon + 1)
					  : NULL;
		if (p)
			w->prompt = p;
		open_editor(a, w, p != NULL, text, true);
		return true;
	}
	return ui_restore_nocontact(a, context, text) ||
	       ui_restore_edit(a, context, text);
}
