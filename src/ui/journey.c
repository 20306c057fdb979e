/* SPDX-License-Identifier: MIT */
/* Your path: the stages, where you are on them and why, moving to
 * another stage or back to following the suggestion, and the contact
 * mode; and the short dialogs of the morning intention and the evening
 * look-back that home offers. Screens only: the choices are the core's
 * (mend/journey.h). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/journey.h"
#include "screens.h"

struct path {
	struct journey *jy;
	struct journey_place p;
	struct journey_facts f;
	bool low_contact;
	struct journey_step step; /* today's, borrowed from jy */
	int sel; /* a stage, or n_stages: "follow the suggestion" */
	bool loaded;
};

static const struct ui_key path_keys[] = {
    {"↑↓", "move", "move between the stages (also j and k)"},
    {"Enter", "choose", "go to this stage, ahead or back (1-4 too)"},
    {"a", "follow", "follow the suggestion again"},
    {"m", "contact",
     "no contact, or low contact with someone you must "
     "stay in touch with"},
    {"Esc", "back", "back to home (also q)"},
    {NULL, NULL, NULL},
};

static void path_load(struct app *a, struct path *s)
{
	struct mend_err err = {""};
	if (!ui_refresh(a))
		return;
	if ((!s->jy && journey_load(&s->jy, a->j->content, &err) != MEND_OK) ||
	    journey_where(a->j, s->jy, &s->p, &s->f, &err) != MEND_OK ||
	    journey_today(a->j, s->jy, &s->step, NULL, &err) != MEND_OK ||
	    journey_contact_low(a->j, &s->low_contact, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	if (!s->loaded)
		s->sel = s->p.current;
	s->loaded = true;
}

static void path_enter(struct app *a, void *st)
{
	path_load(a, st);
}

/* Why the suggestion is where it is, in a few words. */
static void why(const struct path *s, char *out, size_t n)
{
	if (s->p.decided) {
		snprintf(out, n, "Suggested: %s (you decided).",
			 s->jy->stages[s->p.suggested].name);
		return;
	}
	snprintf(out, n, "Suggested: %s. Day %ld, %ld written%s.",
		 s->jy->stages[s->p.suggested].name, s->f.days, s->f.entries,
		 s->p.urges_easing ? ", urges easing" : "");
}

/* What the selected stage says: after a decision, the current stage
 * speaks of it instead. */
static const char *body_of(const struct path *s)
{
	const char *dec =
	    s->f.outcome >= 0 ? s->jy->decided[s->f.outcome].text : NULL;
	if (dec && s->p.decided && s->sel == s->p.current)
		return dec;
	return s->jy->stages[s->sel].text;
}

static void path_draw(struct app *a, void *st)
{
	struct path *s = st;
	int top, left, width, height;
	char line[300];

	ui_frame(a, "Your path", path_keys);
	ui_area(&top, &left, &width, &height);
	if (!s->loaded)
		return;
	const struct journey *jy = s->jy;
	int y = top, n = (int)jy->n_stages, bottom = top + height;

	/* on a short screen the blank lines go before any words do */
	bool tight = false;
	if (s->sel < n) {
		const struct journey_stage *g = &jy->stages[s->sel];
		snprintf(line, sizeof line, "Time to move on? %s", g->signs);
		int text_h = ui_wrap(LINES, 0, width, 0, 0, body_of(s), 0);
		int signs_h = ui_wrap(LINES, 0, width, 0, 0, line, 0);
		/* the line on the suggestion, a blank, the stages and the
		 * row to follow it, a blank, the text, a blank, the signs */
		tight = 2 + (n + 1) + 1 + text_h + 1 + signs_h > height;
	}
	why(s, line, sizeof line);
	ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
	y += !tight;
	for (int i = 0; i <= n && y < bottom; i++, y++) {
		bool on = i == s->sel;
		int attr = ui_attr(on ? ROLE_SELECTED : ROLE_NORMAL);
		if (i == n)
			snprintf(line, sizeof line,
				 " a  Follow the suggestion%s",
				 s->p.chosen ? "" : " (you do)");
		else
			snprintf(line, sizeof line, " %d  %s%s", i + 1,
				 jy->stages[i].name,
				 i == s->p.current     ? "  ← you are here"
				 : i == s->p.suggested ? "  · suggested"
						       : "");
		if (on)
			ui_fill(y, left, width, attr);
		ui_text(y, left, width, line, attr);
	}
	y += !tight;
	if (s->sel < n && y < bottom) {
		const struct journey_stage *g = &jy->stages[s->sel];
		snprintf(line, sizeof line, "Time to move on? %s", g->signs);
		int text_h = ui_wrap(LINES, 0, width, 0, 0, body_of(s), 0);
		int signs_h = ui_wrap(LINES, 0, width, 0, 0, line, 0);
		/* the signs are the "why": on a short screen they keep their
		 * lines and the blank between goes first */
		int gap = y + text_h + 1 + signs_h <= bottom ? 1 : 0;
		int room = bottom - y - signs_h - gap;
		room = room > 1 ? room : 1;
		int used = ui_wrap(y, left, width, room, 0, body_of(s),
				   ui_attr(ROLE_NORMAL));
		y += used < room ? used : room;
		y += gap;
		if (y < bottom)
			y += ui_wrap(y, left, width, bottom - y, 0, line,
				     ui_attr(ROLE_MUTED));
	} else if (y < bottom) {
		y += ui_wrap(y, left, width, bottom - y, 0,
			     "The path moves with your journal: the days, what "
			     "you write and how the urges go. Stages are "
			     "suggestions, never locks.",
			     ui_attr(ROLE_NORMAL));
	}
	/* home has the step on one line; here it is whole, room allowing */
	snprintf(line, sizeof line, "Today's step: %s", s->step.text);
	int step_h = ui_wrap(LINES, 0, width, 0, 0, line, 0);
	if (y + 1 + step_h + 2 <= bottom)
		y += 1 + ui_wrap(y + 1, left, width, step_h, 0, line,
				 ui_attr(ROLE_ACCENT));
	bool together = s->f.outcome == OUTCOME_RECONNECT ||
			s->f.outcome == OUTCOME_FRIENDS;
	const char *mode =
	    together	     ? "After your decision, the no-contact count "
			       "is no longer the goal."
	    : s->low_contact ? "Low contact: the count tracks contact beyond "
			       "what is necessary (m)."
			     : "No contact is the aim (m to change).";
	bool said = together && s->sel == s->p.current; /* in body_of */
	if (y + 1 < bottom && !said)
		ui_text(y + 1, left, width, mode, ui_attr(ROLE_MUTED));
}

static void choose_stage(struct app *a, struct path *s, int i)
{
	struct mend_err err = {""};
	const struct journey *jy = s->jy;
	bool auto_ = i >= (int)jy->n_stages;

	if (!ui_refresh(a))
		return;
	if (journey_set_stage(a->j, jy, auto_ ? "auto" : jy->stages[i].id,
			      &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	path_load(a, s);
	if (auto_)
		ui_message(a, false, "Following the suggestion: %s.",
			   jy->stages[s->p.current].name);
	else
		ui_message(a, false, "Your path is now at %s.",
			   jy->stages[i].name);
}

static void got_mode(struct app *a, void *ctx, int choice, const char *text)
{
	struct path *s = ctx;
	struct mend_err err = {""};
	(void)text;
	if (!ui_refresh(a))
		return;
	if (journey_set_contact_mode(a->j, choice ? "low" : "none", &err) !=
	    MEND_OK) {
		ui_error(a, &err);
		return;
	}
	path_load(a, s);
	ui_message(a, false, "%s",
		   choice ? "Low contact: necessary contact never restarts "
			    "the count."
			  : "No contact is the aim again.");
}

static int path_key(struct app *a, void *st, int ch, bool code)
{
	struct path *s = st;
	int n = s->loaded ? (int)s->jy->n_stages : 0;
	if (!s->loaded)
		return code && ch == UI_TICK   ? 0
		       : ch == 27 || ch == 'q' ? UI_POP
					       : UI_HANDLED;
	if (code) {
		if (ch == KEY_UP && s->sel > 0)
			s->sel--;
		else if (ch == KEY_DOWN && s->sel < n)
			s->sel++;
		else if (ch == KEY_ENTER)
			choose_stage(a, s, s->sel);
		else if (ch == UI_TICK)
			return 0;
		return UI_HANDLED;
	}
	if (ch == 'k' && s->sel > 0)
		s->sel--;
	else if (ch == 'j' && s->sel < n)
		s->sel++;
	else if (ch == '\r' || ch == '\n')
		choose_stage(a, s, s->sel);
	else if (ch >= '1' && ch < '1' + n)
		choose_stage(a, s, s->sel = ch - '1');
	else if (ch == 'a')
		choose_stage(a, s, s->sel = n);
	else if (ch == 'm')
		ui_ask(a,
		       "Do you need to stay in touch with them (children, "
		       "work)? Then the count tracks only contact beyond "
		       "what is necessary.",
		       got_mode, s);
	else if (ch == 27 || ch == 'q')
		return UI_POP;
	return UI_HANDLED;
}

static void path_resume(struct app *a, void *st)
{
	path_load(a, st);
}

static void path_leave(struct app *a, void *st)
{
	struct path *s = st;
	(void)a;
	journey_free(s->jy);
	free(s);
}

static const struct ui_screen path_screen = {
    .title = "Your path",
    .module = MODULE_PATH,
    .keys = path_keys,
    .enter = path_enter,
    .draw = path_draw,
    .key = path_key,
    .leave = path_leave,
    .resume = path_resume,
};

void ui_open_path(struct app *a)
{
	struct path *s = calloc(1, sizeof *s);
	if (s)
		ui_push(a, &path_screen, s);
}

/* --- the intention and the look-back --- */

static void saved(struct app *a, struct ui_journey_note *n, const char *msg)
{
	ui_message(a, false, "%s", msg);
	if (n->done)
		n->done(a, n->ctx);
}

static void got_mood(struct app *a, void *ctx, int choice, const char *text)
{
	struct ui_journey_note *n = ctx;
	struct mend_err err = {""};
	char *end;
	long mood = strtol(text, &end, 10);
	(void)choice;
	while (*end == ' ')
		end++;
	if (*text && (*end || mood < 1 || mood > 10)) {
		ui_message(a, true,
			   "A mood is a number from 1 to 10, or "
			   "nothing at all.");
		ui_ask_text(a, "This evening",
			    "How did it feel, 1 to 10? "
			    "(empty: leave it out)",
			    text, got_mood, n);
		return;
	}
	if (!ui_refresh(a) || journey_lookback(a->j, n->text, strlen(n->text),
					       *text ? (int)mood : ENTRY_NONE,
					       NULL, &err) != MEND_OK) {
		if (err.msg[0])
			ui_error(a, &err);
		return;
	}
	saved(a, n, "Saved. Thank you for looking back on today.");
}

static void got_note(struct app *a, void *ctx, int choice, const char *text)
{
	struct ui_journey_note *n = ctx;
	struct mend_err err = {""};
	struct journey *jy = NULL;
	(void)choice;
	if (!text[0] || strspn(text, " ") == strlen(text))
		return;
	snprintf(n->text, sizeof n->text, "%s", text);
	if (n->which == JOURNEY_DUE_LOOKBACK) {
		ui_ask_text(a, "This evening",
			    "How did it feel, 1 to 10? "
			    "(empty: leave it out)",
			    "", got_mood, n);
		return;
	}
	if (!ui_refresh(a) ||
	    journey_load(&jy, a->j->content, &err) != MEND_OK ||
	    journey_intend(a->j, jy, n->text, strlen(n->text), NULL, &err) !=
		MEND_OK) {
		if (err.msg[0])
			ui_error(a, &err);
		journey_free(jy);
		return;
	}
	journey_free(jy);
	saved(a, n, "Saved your intention for today.");
}

void ui_journey_note(struct app *a, struct ui_journey_note *n,
		     const char *suggestion)
{
	if (n->which == JOURNEY_DUE_LOOKBACK)
		ui_ask_text(a, "This evening",
			    "How did today go? A few words "
			    "are enough.",
			    "", got_note, n);
	else
		ui_ask_text(a, "This morning",
			    "An intention for today (Enter "
			    "keeps this one, or write your "
			    "own):",
			    suggestion, got_note, n);
}
