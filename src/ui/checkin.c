/* SPDX-License-Identifier: MIT */
/* The daily check-in, one question a screen: mood, urge, contact (with a
 * kind word after a slip), a note, today's prompt, one thing done for
 * oneself, and a summary. The check-in itself is saved, in one
 * transaction, once the note is given; the prompt and the activity are
 * their own saves. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/nocontact.h"
#include "mend/reflection.h"
#include "screens.h"

enum step {
	STEP_MOOD,
	STEP_URGE,
	STEP_CONTACT,
	STEP_SLIP,
	STEP_NOTE,
	STEP_PROMPT,
	STEP_GROWTH,
	STEP_SUMMARY
};

struct checkin {
	enum step step;
	int mood, urge, contact;
	unsigned prompt_offset;
	long streak_before;
	struct checkin_result result;
	bool saved;
	int moods[8];
};

static const struct ui_key checkin_keys[] = {
	{"←→", "change", "change the number (or type a digit; 0 is 10)"},
	{"Enter", "next", "go on to the next question"},
	{"y/n", NULL, "answer a yes or no question"},
	{"a", NULL, "answer today's prompt"},
	{"o", NULL, "show another prompt"},
	{"s", "skip", "skip an optional step"},
	{"Esc", "back", "leave the check-in (what is saved stays saved)"},
	{NULL, NULL, NULL},
};

static void draw_scale(int y, int x, int lo, int hi, int value)
{
	char num[4];
	for (int v = lo; v <= hi; v++) {
		snprintf(num, sizeof num, "%d", v);
		ui_text(y, x + (v - lo) * 4, 3, num,
			ui_attr(v == value ? ROLE_SELECTED : ROLE_MUTED));
	}
}

static void checkin_draw(struct app *a, void *st)
{
	struct checkin *c = st;
	const struct content *ct = a->j->content;
	int top, left, width, height, y;
	char line[200];

	ui_frame(a, "Daily check-in", checkin_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	switch (c->step) {
	case STEP_MOOD:
		ui_text(y, left, width, "How are you feeling today?",
			ui_attr(ROLE_TITLE));
		ui_text(y + 1, left, width, "1 is the lowest, 10 the best.",
			ui_attr(ROLE_MUTED));
		draw_scale(y + 3, left, 1, 10, c->mood);
		break;
	case STEP_URGE:
		ui_text(y, left, width, "How strong is the urge to contact them?",
			ui_attr(ROLE_TITLE));
		ui_text(y + 1, left, width, "0 is none at all, 10 the strongest.",
			ui_attr(ROLE_MUTED));
		draw_scale(y + 3, left, 0, 10, c->urge);
		break;
	case STEP_CONTACT:
		ui_text(y, left, width,
			"Was there contact since your last check-in?",
			ui_attr(ROLE_TITLE));
		ui_text(y + 2, left, width, "y  yes      n  no", ui_attr(ROLE_ACCENT));
		break;
	case STEP_SLIP:
		y += ui_wrap(y, left, width, height, 0,
			     ct->slip[(size_t)journal_today(a->j) % ct->n_slip],
			     ui_attr(ROLE_NORMAL));
		snprintf(line, sizeof line,
			 "Your no-contact count will start again from now. The "
			 "%ld day%s before stay in your history.",
			 c->streak_before, c->streak_before == 1 ? "" : "s");
		y += 1 + ui_wrap(y + 1, left, width, height - y, 0, line,
				 ui_attr(ROLE_MUTED));
		ui_text(y + 1, left, width, "Press Enter to go on.",
			ui_attr(ROLE_ACCENT));
		break;
	case STEP_NOTE:
		break;
	case STEP_PROMPT: {
		const struct prompt *p =
			reflection_prompt_today(a->j, MODULE_REFLECTION,
						c->prompt_offset);
		ui_text(y++, left, width, "Today's prompt", ui_attr(ROLE_TITLE));
		y++;
		if (p)
			y += ui_wrap(y, left, width, height - 4, 0, p->text,
				     ui_attr(ROLE_NORMAL));
		ui_text(y + 1, left, width,
			"a  answer it      o  another one      s  skip",
			ui_attr(ROLE_ACCENT));
		break;
	}
	case STEP_GROWTH:
		ui_text(y, left, width,
			"Did you do one thing for yourself today?",
			ui_attr(ROLE_TITLE));
		ui_wrap(y + 1, left, width, 2, 0,
			"A walk, a call to a friend, an early night: it counts.",
			ui_attr(ROLE_MUTED));
		ui_text(y + 4, left, width, "y  log it      s  skip",
			ui_attr(ROLE_ACCENT));
		break;
	case STEP_SUMMARY: {
		const struct checkin_result *r = &c->result;
		ui_text(y++, left, width, "Thank you for checking in.",
			ui_attr(ROLE_TITLE));
		y++;
		snprintf(line, sizeof line, "Mood %d/10 today. No contact: day %ld.",
			 c->mood, r->streak_days);
		ui_text(y++, left, width, line, ui_attr(ROLE_NORMAL));
		int sum = 0, n = 0;
		for (int i = 0; i < 7; i++)
			if (c->moods[i]) {
				sum += c->moods[i];
				n++;
			}
		if (n > 0) {
			double avg = (double)sum / n;
			snprintf(line, sizeof line,
				 "Your mood over the week before: %.1f on "
				 "average; today is %s.",
				 avg,
				 c->mood > avg + 0.5   ? "a little lighter"
				 : c->mood < avg - 0.5 ? "a little heavier"
						       : "about the same");
			ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
		}
		if (r->milestone_today) {
			const char *m = nocontact_milestone_message(
				a->j, r->milestone_today);
			y++;
			snprintf(line, sizeof line, "Day %d.", r->milestone_today);
			ui_text(y++, left, width, line, ui_attr(ROLE_GOOD));
			if (m)
				y += ui_wrap(y, left, width, 3, 0, m,
					     ui_attr(ROLE_GOOD));
		}
		if (r->low_mood) {
			y++;
			y += ui_wrap(y, left, width, top + height - y - 2, 0,
				     ct->low_mood, ui_attr(ROLE_WARNING));
		}
		ui_text(y + 1, left, width, "Press Enter to go home.",
			ui_attr(ROLE_ACCENT));
		break;
	}
	}
}

static void ask_note(struct app *a, struct checkin *c);

static void got_note(struct app *a, void *ctx, int choice, const char *text)
{
	struct checkin *c = ctx;
	struct checkin_input in = {c->mood, c->urge, c->contact, text};
	struct mend_err err = {""};
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (checkin_save(a->j, &in, &c->result, &err) != MEND_OK) {
		ui_error(a, &err);
		ask_note(a, c);
		return;
	}
	c->saved = true;
	ui_message(a, false, "%s", c->result.updated
					   ? "Saved: today's check-in was updated."
					   : "Saved.");
	c->step = STEP_PROMPT;
}

static void ask_note(struct app *a, struct checkin *c)
{
	c->step = STEP_NOTE;
	ui_ask_text(a, "Daily check-in",
		    "A few words about today, if you like (Enter to leave it "
		    "empty).",
		    "", got_note, c);
}

static bool save_answer(struct app *a, void *ctx, const char *text, size_t len)
{
	struct checkin *c = ctx;
	const struct prompt *p =
		reflection_prompt_today(a->j, MODULE_REFLECTION, c->prompt_offset);
	if (!ui_save_reflection(a, MODULE_REFLECTION, p ? p->id : NULL, text,
				len))
		return false;
	c->step = STEP_GROWTH;
	return true;
}

static void to_summary(struct app *a, struct checkin *c)
{
	int moods[8];
	struct mend_err err = {""};
	c->step = STEP_SUMMARY;
	if (checkin_moods(a->j, 8, moods, &err) == MEND_OK)
		memcpy(c->moods, moods, 7 * sizeof *moods); /* the 7 days before */
}

static void growth_done(struct app *a, void *ctx)
{
	to_summary(a, ctx);
}

static int number_key(int *value, int lo, int hi, int ch, bool code)
{
	if (code && ch == KEY_LEFT && *value > lo)
		(*value)--;
	else if (code && ch == KEY_RIGHT && *value < hi)
		(*value)++;
	else if (!code && ch == 'h' && *value > lo)
		(*value)--;
	else if (!code && ch == 'l' && *value < hi)
		(*value)++;
	else if (!code && ch >= '0' && ch <= '9') {
		int v = ch - '0';
		if (v == 0 && lo == 1)
			v = 10;
		*value = v < lo ? lo : v > hi ? hi : v;
	} else
		return 0;
	return 1;
}

static int checkin_key(struct app *a, void *st, int ch, bool code)
{
	struct checkin *c = st;
	bool enter = (code && ch == KEY_ENTER) ||
		     (!code && (ch == '\r' || ch == '\n'));

	if (code && ch == UI_TICK)
		return 0;
	if (!code && ch == 27)
		return UI_POP;
	switch (c->step) {
	case STEP_MOOD:
		if (number_key(&c->mood, 1, 10, ch, code))
			return UI_HANDLED;
		if (enter)
			c->step = STEP_URGE;
		break;
	case STEP_URGE:
		if (number_key(&c->urge, 0, 10, ch, code))
			return UI_HANDLED;
		if (enter)
			c->step = STEP_CONTACT;
		break;
	case STEP_CONTACT:
		if (!code && (ch == 'y' || ch == 'Y')) {
			struct nocontact_status s;
			struct mend_err err = {""};
			c->contact = 1;
			c->streak_before = 0;
			if (nocontact_status(a->j, &s, &err) == MEND_OK)
				c->streak_before = s.days;
			c->step = STEP_SLIP;
		} else if (!code && (ch == 'n' || ch == 'N')) {
			c->contact = 0;
			ask_note(a, c);
		}
		break;
	case STEP_SLIP:
		if (enter)
			ask_note(a, c);
		break;
	case STEP_NOTE:
		if (enter)
			ask_note(a, c);
		break;
	case STEP_PROMPT:
		if (!code && ch == 'a') {
			const struct prompt *p = reflection_prompt_today(
				a->j, MODULE_REFLECTION, c->prompt_offset);
			char context[96];
			snprintf(context, sizeof context, "reflection:%s",
				 p ? p->id : "");
			struct ui_edit_spec spec = {
				.title = "Reflection",
				.prompt = p ? p->text : NULL,
				.prompt_id = p ? p->id : NULL,
				.draft_context = context,
				.save = save_answer,
				.ctx = c,
			};
			ui_edit(a, &spec);
		} else if (!code && ch == 'o') {
			c->prompt_offset++;
		} else if (!code && (ch == 's' || ch == 'S') ) {
			c->step = STEP_GROWTH;
		}
		break;
	case STEP_GROWTH:
		if (!code && (ch == 'y' || ch == 'Y'))
			ui_log_growth(a, growth_done, c);
		else if (!code && (ch == 's' || ch == 'S' || ch == 'n'))
			to_summary(a, c);
		break;
	case STEP_SUMMARY:
		if (enter || (!code && ch == 'q'))
			return UI_POP;
		break;
	}
	return UI_HANDLED;
}

static void checkin_resume(struct app *a, void *st)
{
	struct checkin *c = st;
	/* the note field closed without an answer: ask the question again */
	(void)a;
	if (c->step == STEP_NOTE && !c->saved)
		c->step = c->contact == 1 ? STEP_SLIP : STEP_CONTACT;
}

static void checkin_leave(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static const struct ui_screen checkin_screen = {
	.title = "Daily check-in",
	.module = MODULE_CHECKIN,
	.keys = checkin_keys,
	.draw = checkin_draw,
	.key = checkin_key,
	.leave = checkin_leave,
	.resume = checkin_resume,
};

void ui_open_checkin(struct app *a)
{
	struct checkin *c = calloc(1, sizeof *c);
	if (!c)
		return;
	c->mood = 5;
	c->urge = 0;
	c->contact = ENTRY_NONE;
	ui_push(a, &checkin_screen, c);
}
