/* SPDX-License-Identifier: MIT */
/* Reflection, Acceptance and the no-contact prompts: the prompt of the
 * day, a picker by theme, the editor, and the module's past answers.
 * Acceptance also shows and changes the current decision. No-contact
 * answers are saved as reflections that keep their prompt, so they are
 * listed here and in Reflection alike. Drafts find their way back here. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/acceptance.h"
#include "mend/nocontact.h"
#include "mend/reflection.h"
#include "mend/utf8.h"
#include "screens.h"

#define MAX_PAST 200
#define MAX_THEMES 48
#define MAX_PICKS 64

struct write {
	enum module m;
	const struct prompt *prompt; /* chosen, or today's */
	unsigned offset;
	struct entry *past[MAX_PAST];
	int n_past, sel, scroll;
	char decision[16];
	struct {
		const char *id;
		enum module m;
	} themes[MAX_THEMES];
	int n_themes;
	const struct prompt *picks[MAX_PICKS]; /* the picked theme's prompts */
	int n_picks;
};

static const struct ui_key reflection_keys[] = {
	{"w", "write", "answer the prompt shown"},
	{"f", "free", "free writing, without a prompt"},
	{"o", "other", "show another prompt of the day"},
	{"p", "pick", "pick a prompt by theme, no-contact ones too"},
	{"↑↓ Enter", NULL, "move in your past entries and open one"},
	{"Esc", "back", "back (also q)"},
	{NULL, NULL, NULL},
};

static const struct ui_key acceptance_keys[] = {
	{"w", "write", "answer the prompt shown"},
	{"f", "free", "free writing, without a prompt"},
	{"o", "other", "show another prompt of the day"},
	{"p", "pick", "pick a prompt by theme"},
	{"d", "decide", "say what you want now; it can change"},
	{"↑↓ Enter", NULL, "move in your past entries and open one"},
	{"Esc", "back", "back (also q)"},
	{NULL, NULL, NULL},
};

static const struct ui_key nocontact_keys[] = {
	{"w", "write", "answer the prompt shown"},
	{"o", "other", "show another prompt of the day"},
	{"p", "pick", "pick a prompt by theme"},
	{"↑↓ Enter", NULL, "move in your answers and open one"},
	{"Esc", "back", "back (also q)"},
	{NULL, NULL, NULL},
};

/* Copy s into buf (n bytes) cut to at most cols columns; what does not
 * fit ends with an ellipsis, so a cut never looks like the whole. */
static void fit_columns(char *buf, size_t n, const char *s, int cols)
{
	const char *dots = ui_utf8 ? "\u2026" : "...";
	int dots_w = ui_utf8 ? 1 : 3, used = 0;
	size_t len = strlen(s), i = 0, keep = 0;

	if (n == 0)
		return;
	if (ui_width(s, len) <= cols) {
		snprintf(buf, n, "%s", s);
		return;
	}
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		k = k ? k : 1;
		int w = ui_width(s + i, k);
		if (used + w > cols - dots_w)
			break;
		used += w;
		i += k;
		if (cp != ' ')
			keep = i; /* no space before the ellipsis */
	}
	snprintf(buf, n, "%.*s%s", (int)keep, s, cols >= dots_w ? dots : "");
}

/* A sentence for text the core refused, in place of its field:value
 * line; what is not about the text itself is shown as it came. */
static void say_refused(struct app *a, const struct mend_err *err)
{
	if (strstr(err->msg, ": empty"))
		ui_message(a, true, "There is nothing to save yet: write a word "
				    "or two.");
	else if (strstr(err->msg, "more than"))
		ui_message(a, true, "This is longer than one entry can hold; it "
				    "could be saved in two parts.");
	else if (strstr(err->msg, "UTF-8") || strstr(err->msg, "NUL"))
		ui_message(a, true, "Some of this text cannot be read as "
				    "letters; taking out odd characters helps.");
	else
		ui_error(a, err);
}

bool ui_save_reflection(struct app *a, enum module m, const char *prompt_id,
			const char *text, size_t len)
{
	char uuid[UUID_LEN];
	struct mend_err err = {""};
	enum mend_rc rc = reflection_save(a->j, m, prompt_id, text, len, uuid,
					  &err);
	if (rc == MEND_EINVAL) {
		say_refused(a, &err);
		return false;
	}
	if (rc != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Saved.");
	return true;
}

struct past_ctx {
	struct write *w;
	const struct content *c;
};

static int keep_past(const struct entry *e, void *ctx)
{
	struct past_ctx *pc = ctx;
	struct write *w = pc->w;
	if (w->n_past >= MAX_PAST)
		return 1;
	if (w->m == MODULE_NOCONTACT) {
		/* the no-contact screen lists the answers to its prompts */
		const struct prompt *p = content_prompt(pc->c, e->prompt_id);
		if (!p || p->module != MODULE_NOCONTACT)
			return 0;
	}
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
	/* no-contact answers are reflections that keep their prompt */
	struct journal_query q = {
		.module = w->m == MODULE_NOCONTACT ? MODULE_REFLECTION : (int)w->m,
		.limit = w->m == MODULE_NOCONTACT ? 0 : MAX_PAST};
	struct past_ctx pc = {w, a->j->content};
	struct mend_err err = {""};
	for (int i = 0; i < w->n_past; i++)
		entry_free(w->past[i]);
	w->n_past = 0;
	if (!ui_refresh(a))
		return;
	if (journal_list(a->j, &q, keep_past, &pc, &err) != MEND_OK)
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

static const char *screen_title(const struct content *c, enum module m)
{
	return m == MODULE_NOCONTACT ? "No contact: questions"
				     : c->module_title[m];
}

static const struct ui_key *screen_keys(enum module m)
{
	return m == MODULE_ACCEPTANCE  ? acceptance_keys
	       : m == MODULE_NOCONTACT ? nocontact_keys
				       : reflection_keys;
}

static void write_draw(struct app *a, void *st)
{
	struct write *w = st;
	const struct content *c = a->j->content;
	int top, left, width, height, y;
	char line[400], words[80];

	ui_frame(a, screen_title(c, w->m), screen_keys(w->m));
	ui_area(&top, &left, &width, &height);
	y = top;
	if (w->m == MODULE_ACCEPTANCE) {
		enum outcome o;
		if (w->decision[0] && outcome_from_name(w->decision, &o))
			snprintf(line, sizeof line, "Your decision: %s. %s",
				 c->decision_label[o], c->decision[o]);
		else
			snprintf(line, sizeof line,
				 "No decision yet, and that is fine. Press d "
				 "whenever you want to choose one.");
		int n = ui_wrap(y, left, width, 2, 0, line, ui_attr(ROLE_GOOD));
		y += (n > 2 ? 2 : n) + 1;
	}
	if (w->prompt) {
		snprintf(line, sizeof line, "Prompt · %s",
			 content_theme_words(c, w->prompt->theme, words,
					     sizeof words));
		ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
		y += ui_wrap(y, left, width, 4, 0, w->prompt->text,
			     ui_attr(ROLE_ACCENT));
		/* the safety theme's note: where help is */
		const char *note = content_theme_note(c, w->prompt->theme);
		if (note) {
			int n = ui_wrap(y, left, width, 3, 0, note,
					ui_attr(ROLE_MUTED));
			y += n > 3 ? 3 : n;
		}
	}
	y++;
	snprintf(line, sizeof line, "Your %s (%d%s)",
		 w->m == MODULE_NOCONTACT ? "answers" : "entries", w->n_past,
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
		enum outcome o;
		const char *what = e->text;
		snprintf(when, sizeof when, "%.10s", e->created_at);
		if (clock_parse_iso(e->created_at, &t) && localtime_r(&t, &tm))
			strftime(when, sizeof when, "%Y-%m-%d", &tm);
		if (e->kind == KIND_DECISION &&
		    outcome_from_name(e->outcome, &o)) {
			snprintf(line, sizeof line, "Decided: %s%s%s",
				 c->decision_label[o], *e->text ? ". " : "",
				 e->text);
			what = line;
		}
		if (idx == w->sel)
			ui_fill(y + i, left, width, attr);
		ui_text(y + i, left, 11, when, attr);
		ui_text(y + i, left + 12, width - 12, what, attr);
	}
	if (w->n_past == 0 && rows > 0)
		ui_text(y, left, width,
			w->m == MODULE_NOCONTACT
				? "No answers here yet. Press w to answer the "
				  "question above."
				: "Nothing written here yet.",
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
		.title = screen_title(a->j->content, w->m),
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

/* The columns a picker has for an item's text (dialogs.c draws items
 * one column in from the content area, one short of its edge). */
static int pick_columns(void)
{
	int top, left, width, height;
	ui_area(&top, &left, &width, &height);
	return width - 2;
}

static void picked_prompt(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct write *w = ctx;
	(void)text;
	if (choice < 0 || choice >= w->n_picks)
		return;
	w->prompt = w->picks[choice];
	open_editor(a, w, true, NULL, false);
}

static void picked_theme(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct write *w = ctx;
	const struct content *c = a->j->content;
	char lines[MAX_PICKS][400];
	const char *items[MAX_PICKS];
	int cols = pick_columns();
	(void)text;
	if (choice < 0 || choice >= w->n_themes)
		return;
	w->n_picks = 0;
	for (size_t i = 0; i < c->n_prompts && w->n_picks < MAX_PICKS; i++) {
		const struct prompt *p = &c->prompts[i];
		if (p->module != w->themes[choice].m ||
		    strcmp(p->theme, w->themes[choice].id) != 0)
			continue;
		fit_columns(lines[w->n_picks], sizeof lines[0], p->text, cols);
		items[w->n_picks] = lines[w->n_picks];
		w->picks[w->n_picks++] = p;
	}
	ui_pick(a, "Pick a prompt", items, w->n_picks, 0, picked_prompt, w);
}

static void add_themes(struct write *w, const struct content *c,
		       enum module m)
{
	for (size_t i = 0; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];
		bool seen = false;
		if (p->module != m)
			continue;
		for (int t = 0; t < w->n_themes; t++)
			seen |= w->themes[t].m == m &&
				strcmp(w->themes[t].id, p->theme) == 0;
		if (!seen && w->n_themes < MAX_THEMES) {
			w->themes[w->n_themes].id = p->theme;
			w->themes[w->n_themes].m = m;
			w->n_themes++;
		}
	}
}

static void pick_theme(struct app *a, struct write *w)
{
	const struct content *c = a->j->content;
	char lines[MAX_THEMES][120];
	const char *items[MAX_THEMES];
	char words[80], line[120];
	int cols = pick_columns();
	w->n_themes = 0;
	add_themes(w, c, w->m);
	/* no-contact prompts are answered as reflections too */
	if (w->m == MODULE_REFLECTION)
		add_themes(w, c, MODULE_NOCONTACT);
	for (int t = 0; t < w->n_themes; t++) {
		content_theme_words(c, w->themes[t].id, words, sizeof words);
		if (w->themes[t].m != w->m)
			snprintf(line, sizeof line, "%s (no contact)", words);
		else
			snprintf(line, sizeof line, "%s", words);
		fit_columns(lines[t], sizeof lines[t], line, cols);
		items[t] = lines[t];
	}
	ui_pick(a, "Pick a theme", items, w->n_themes, 0, picked_theme, w);
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
	enum mend_rc rc = acceptance_decide(a->j, w->decision, text, uuid, &err);
	if (rc == MEND_EINVAL)
		say_refused(a, &err);
	else if (rc != MEND_OK)
		ui_error(a, &err);
	else
		ui_message(a, false, "Saved. It can change whenever you need "
				     "it to.");
	load(a, w);
}

static void picked_outcome(struct app *a, void *ctx, int choice,
			   const char *text)
{
	struct write *w = ctx;
	(void)text;
	if (choice < 0 || choice >= OUTCOME_COUNT)
		return;
	snprintf(w->decision, sizeof w->decision, "%s",
		 outcome_name((enum outcome)choice));
	ui_ask_text(a, "Decision",
		    "Your reasons, in a few words, if you want to keep them "
		    "(Enter to leave this empty).",
		    "", got_decision_note, w);
}

static void pick_outcome(struct app *a, struct write *w)
{
	const struct content *c = a->j->content;
	const char *items[OUTCOME_COUNT];
	char lines[OUTCOME_COUNT][120];
	int cols = pick_columns();
	for (int i = 0; i < OUTCOME_COUNT; i++) {
		fit_columns(lines[i], sizeof lines[i], c->decision_label[i], cols);
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
		if (w->m != MODULE_NOCONTACT)
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
	.keys = reflection_keys,
	.enter = write_enter,
	.draw = write_draw,
	.key = write_key,
	.leave = write_leave,
	.resume = write_resume,
};

static const struct ui_screen acceptance_screen = {
	.title = "Acceptance",
	.module = MODULE_ACCEPTANCE,
	.keys = acceptance_keys,
	.enter = write_enter,
	.draw = write_draw,
	.key = write_key,
	.leave = write_leave,
	.resume = write_resume,
};

static const struct ui_screen nocontact_screen = {
	.title = "No contact: questions",
	.module = MODULE_NOCONTACT,
	.keys = nocontact_keys,
	.enter = write_enter,
	.draw = write_draw,
	.key = write_key,
	.leave = write_leave,
	.resume = write_resume,
};

static struct write *open_screen(struct app *a, enum module m)
{
	struct write *w;
	if (m != MODULE_REFLECTION && m != MODULE_ACCEPTANCE &&
	    m != MODULE_NOCONTACT)
		return NULL;
	w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->m = m;
	ui_push(a,
		m == MODULE_REFLECTION	 ? &reflection_screen
		: m == MODULE_ACCEPTANCE ? &acceptance_screen
					 : &nocontact_screen,
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
	    (m == MODULE_REFLECTION || m == MODULE_ACCEPTANCE ||
	     m == MODULE_NOCONTACT)) {
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
	return false;
}
