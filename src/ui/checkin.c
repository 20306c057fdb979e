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
#include "mend/milestone.h"
#include "mend/nocontact.h"
#include "mend/reflection.h"
#include "mend/tags.h"
#include "screens.h"

enum step {
	STEP_MOOD,
	STEP_URGE,
	STEP_CONTACT,
	STEP_SLIP,
	STEP_TAGS,
	STEP_NOTE,
	STEP_PROMPT,
	STEP_GROWTH,
	STEP_SUMMARY
};

struct checkin {
	enum step step;
	int mood, urge, contact;
	int digit; /* the digit typed just before, or -1 */
	const char *contact_by;
	bool necessary;
	bool already;	 /* a contact is logged since the last check-in */
	bool redo;	 /* today's check-in existed when this opened */
	int old_contact; /* its contact answer */
	char *old_note;	 /* its note, kept unless changed */
	unsigned prompt_offset;
	long streak_before;
	struct milestone_letters letters_before;
	struct checkin_result result;
	bool saved;
	int moods[8];
	struct milestone_goal goal;
	struct milestone_letters letters;
	/* the quick tags shown as toggles, today's own first kept on */
	struct tag_list quick;
	bool on[2 * TAGS_QUICK_MAX];
	size_t tag_cur;
	bool tags_changed; /* a toggle was flipped: save the set */
};

static const struct ui_key checkin_keys[] = {
    {"←→", "change", "change the number (or type it: 1 then 0 is 10)"},
    {"Enter", "next", "go on to the next question"},
    {"y/n", NULL, "answer a yes or no question"},
    {"Space", NULL, "quick tags: turn the one under the cursor on or off"},
    {"a", NULL, "answer today's prompt"},
    {"o", NULL, "show another prompt"},
    {"s", "skip", "skip an optional step"},
    {"h", NULL, "after hard days: the help now page"},
    {"g", NULL, "on your goal day: set a new goal"},
    {"x", NULL, "on your goal day: stop counting"},
    {"Esc", "back", "leave the check-in (what is saved stays saved)"},
    {NULL, NULL, NULL},
};

/* The bottom line shows the keys of the step on screen only; the help
 * lists them all (checkin_keys). */
static const struct ui_key scale_keys[] = {
    {"←→", "change", NULL},
    {"Enter", "next", NULL},
    {"Esc", "back", NULL},
    {NULL, NULL, NULL},
};
static const struct ui_key yes_no_keys[] = {
    {"y", "yes", NULL},
    {"n", "no", NULL},
    {"Esc", "back", NULL},
    {NULL, NULL, NULL},
};
static const struct ui_key enter_keys[] = {
    {"Enter", "go on", NULL},
    {"Esc", "back", NULL},
    {NULL, NULL, NULL},
};
static const struct ui_key prompt_keys[] = {
    {"a", "answer", NULL},
    {"o", "another", NULL},
    {"s", "skip", NULL},
    {"Esc", "back", NULL},
    {NULL, NULL, NULL},
};
static const struct ui_key growth_step_keys[] = {
    {"y", "log it", NULL},
    {"s", "skip", NULL},
    {"Esc", "back", NULL},
    {NULL, NULL, NULL},
};
static const struct ui_key summary_keys[] = {
    {"Enter", "home", NULL},
    {"Esc", "back", NULL},
    {NULL, NULL, NULL},
};
static const struct ui_key summary_low_keys[] = {
    {"h", "help now", NULL},
    {"Enter", "home", NULL},
    {"Esc", "back", NULL},
    {NULL, NULL, NULL},
};

static const struct ui_key *step_keys(const struct checkin *c)
{
	switch (c->step) {
	case STEP_MOOD:
	case STEP_URGE: return scale_keys;
	case STEP_CONTACT: return c->already ? enter_keys : yes_no_keys;
	case STEP_PROMPT: return prompt_keys;
	case STEP_GROWTH: return growth_step_keys;
	case STEP_SUMMARY:
		return c->result.low_mood ? summary_low_keys : summary_keys;
	default: return enter_keys;
	}
}

static void draw_scale(int y, int x, int lo, int hi, int value)
{
	char num[4];
	for (int v = lo; v <= hi; v++) {
		snprintf(num, sizeof num, "%d", v);
		ui_text(y, x + (v - lo) * 4, 3, num,
			ui_attr(v == value ? ROLE_SELECTED : ROLE_MUTED));
	}
}

/* Lines laid out from the top of the area down to a bottom that is
 * never crossed: a block is drawn whole or not at all. */
struct flow {
	int y, x, width, bottom;
};

static int flow_need(const struct flow *f, const char *s)
{
	return ui_wrap(0, f->x, f->width, 0, 0, s, 0);
}

static bool flow_wrap(struct flow *f, const char *s, int attr)
{
	int n = flow_need(f, s);
	if (f->y + n > f->bottom)
		return false;
	ui_wrap(f->y, f->x, f->width, n, 0, s, attr);
	f->y += n;
	return true;
}

static void flow_gap(struct flow *f)
{
	if (f->y < f->bottom)
		f->y++;
}

static void plural(char *buf, size_t n, long count, const char *one,
		   const char *many)
{
	snprintf(buf, n, "%ld %s", count, count == 1 ? one : many);
}

static void draw_goal(struct app *a, struct checkin *c, struct flow *f)
{
	const struct milestone_goal *g = &c->goal;
	char line[400], urges[40], unsent[40];
	(void)a;
	snprintf(line, sizeof line,
		 "Day %ld: you reached your goal of %d days. That took "
		 "courage, one day at a time.",
		 g->days, g->goal_days);
	if (!flow_wrap(f, line, ui_attr(ROLE_GOOD)))
		return;
	if (g->has_first && f->y < f->bottom) {
		snprintf(line, sizeof line, "Then (%s): mood %d/10%s%.200s%s",
			 g->first_day, g->first_mood,
			 *g->first_note ? ", \"" : "", g->first_note,
			 *g->first_note ? "\"" : "");
		ui_text(f->y++, f->x, f->width, line, ui_attr(ROLE_MUTED));
	}
	if (g->has_today && f->y < f->bottom) {
		snprintf(line, sizeof line, "Now: mood %d/10%s%.200s%s",
			 g->today_mood, *g->today_note ? ", \"" : "",
			 g->today_note, *g->today_note ? "\"" : "");
		ui_text(f->y++, f->x, f->width, line, ui_attr(ROLE_NORMAL));
	}
	plural(urges, sizeof urges, g->urges, "urge", "urges");
	plural(unsent, sizeof unsent, g->unsent, "message", "messages");
	snprintf(line, sizeof line,
		 "%ld days kept. Written here instead of sent: %s written "
		 "down, %s kept.",
		 g->days, urges, unsent);
	flow_wrap(f, line, ui_attr(ROLE_NORMAL));
	flow_wrap(f, "g  set a new goal      x  stop counting",
		  ui_attr(ROLE_ACCENT));
}

static void draw_summary(struct app *a, struct checkin *c, int top, int left,
			 int width, int height)
{
	const struct content *ct = a->j->content;
	const struct checkin_result *r = &c->result;
	struct flow f = {top, left, width, top + height - 2};
	char line[300];
	int reserve = 0;

	ui_text(top + height - 1, left, width, "Press Enter to go home.",
		ui_attr(ROLE_ACCENT));
	/* The hard-days note is shown whole before anything else that might
	 * not fit: keep its lines (and the help now key) free. */
	if (r->low_mood)
		reserve = 1 + flow_need(&f, ct->low_mood) + 1;
	f.bottom -= reserve;
	flow_wrap(&f, "Thank you for checking in.", ui_attr(ROLE_TITLE));
	flow_gap(&f);
	snprintf(line, sizeof line, "Mood %d/10 today. No contact: day %ld.",
		 c->mood, r->streak_days);
	flow_wrap(&f, line, ui_attr(ROLE_NORMAL));
	int sum = 0, n = 0;
	for (int i = 0; i < 7; i++)
		if (c->moods[i]) {
			sum += c->moods[i];
			n++;
		}
	if (n > 0) {
		double avg = (double)sum / n;
		snprintf(line, sizeof line,
			 "Your mood over the week before: %.1f on average; "
			 "today is %s.",
			 avg,
			 c->mood > avg + 0.5   ? "a little lighter"
			 : c->mood < avg - 0.5 ? "a little heavier"
					       : "about the same");
		flow_wrap(&f, line, ui_attr(ROLE_MUTED));
	}
	if (r->contact_already)
		flow_wrap(&f,
			  "The contact since your last check-in was already "
			  "logged; nothing more was added.",
			  ui_attr(ROLE_MUTED));
	f.bottom += reserve;
	if (r->low_mood) {
		flow_gap(&f);
		flow_wrap(&f, ct->low_mood, ui_attr(ROLE_WARNING));
		flow_wrap(&f, "h  help now", ui_attr(ROLE_ACCENT));
	}
	if (c->goal.reached) {
		flow_gap(&f);
		draw_goal(a, c, &f);
	}
	if (r->milestone_today && !c->goal.reached) {
		const char *m =
		    nocontact_milestone_message(a->j, r->milestone_today);
		flow_gap(&f);
		snprintf(line, sizeof line, "Day %d. %s", r->milestone_today,
			 m ? m : "");
		flow_wrap(&f, line, ui_attr(ROLE_GOOD));
	}
	if (c->letters.today > 0) {
		flow_gap(&f);
		flow_wrap(&f,
			  c->letters.today == 1
			      ? "A letter from your past self is ready. "
				"You will find it under No contact."
			      : "Letters from your past self are ready. "
				"You will find them under No contact.",
			  ui_attr(ROLE_GOOD));
	}
}

static void draw_slip(struct app *a, struct checkin *c, int top, int left,
		      int width, int height)
{
	const struct content *ct = a->j->content;
	struct flow f = {top, left, width, top + height - 1};
	char line[300], when[CLOCK_DATE_LEN];

	flow_wrap(&f, ct->slip[(size_t)journal_today(a->j) % ct->n_slip],
		  ui_attr(ROLE_NORMAL));
	flow_gap(&f);
	if (c->streak_before > 0)
		snprintf(line, sizeof line,
			 "Your no-contact count will start again from now. The "
			 "%ld day%s before stay in your history.",
			 c->streak_before, c->streak_before == 1 ? "" : "s");
	else
		snprintf(line, sizeof line,
			 "Your no-contact count will start again from now. "
			 "What came before stays in your history.");
	flow_wrap(&f, line, ui_attr(ROLE_MUTED));
	if (c->letters_before.waiting > 0) {
		clock_format_date(
		    clock_civil_from_days(journal_today(a->j) +
					  c->letters_before.next_day),
		    when);
		if (c->letters_before.waiting == 1)
			snprintf(
			    line, sizeof line,
			    "Your sealed letter now opens on day %d of the "
			    "new count, on %s.",
			    c->letters_before.next_day, when);
		else
			snprintf(
			    line, sizeof line,
			    "Your sealed letters now open on their days of "
			    "the new count; the first on day %d, %s.",
			    c->letters_before.next_day, when);
		flow_gap(&f);
		flow_wrap(&f, line, ui_attr(ROLE_MUTED));
	}
	ui_text(top + height - 1, left, width, "Press Enter to go on.",
		ui_attr(ROLE_ACCENT));
}

/* The quick tags as toggles, in columns when they do not fit one. */
static void draw_tags(struct checkin *c, int top, int left, int width,
		      int height)
{
	char item[TAG_MAX_BYTES + 8];
	int rows = height - 5 < 1 ? 1 : height - 5;

	ui_text(top, left, width, "What did today hold?", ui_attr(ROLE_TITLE));
	ui_text(top + 1, left, width,
		"Space turns a tag on or off; Enter goes on.",
		ui_attr(ROLE_MUTED));
	if (c->quick.n == 0)
		ui_text(top + 3, left, width,
			"No quick tags are set (mend config quick-tags).",
			ui_attr(ROLE_MUTED));
	int cols = (int)((c->quick.n + (size_t)rows - 1) / (size_t)rows);
	int colw = cols > 1 ? width / cols : width;
	for (size_t i = 0; i < c->quick.n; i++) {
		int y = top + 3 + (int)i % rows,
		    x = left + (int)i / rows * colw;
		snprintf(item, sizeof item, "[%s] %s", c->on[i] ? "x" : " ",
			 c->quick.v[i].shown);
		ui_text(y, x, colw - 1, item,
			ui_attr(i == c->tag_cur ? ROLE_SELECTED
				: c->on[i]	? ROLE_ACCENT
						: ROLE_NORMAL));
	}
}

static void checkin_draw(struct app *a, void *st)
{
	struct checkin *c = st;
	int top, left, width, height, y;

	ui_frame(a, "Daily check-in", step_keys(c));
	ui_area(&top, &left, &width, &height);
	y = top;
	switch (c->step) {
	case STEP_MOOD:
		ui_text(y, left, width, "How are you feeling today?",
			ui_attr(ROLE_TITLE));
		ui_text(y + 1, left, width, "1 is the lowest, 10 the best.",
			ui_attr(ROLE_MUTED));
		draw_scale(y + 3, left, 1, 10, c->mood);
		if (c->redo)
			ui_text(y + 5, left, width,
				"Today's answers are filled in; Enter keeps "
				"them.",
				ui_attr(ROLE_MUTED));
		break;
	case STEP_URGE:
		ui_text(y, left, width,
			"How strong is the urge to contact them?",
			ui_attr(ROLE_TITLE));
		ui_text(y + 1, left, width,
			"0 is none at all, 10 the strongest.",
			ui_attr(ROLE_MUTED));
		draw_scale(y + 3, left, 0, 10, c->urge);
		break;
	case STEP_CONTACT:
		ui_text(y, left, width,
			"Was there contact since your last check-in?",
			ui_attr(ROLE_TITLE));
		if (c->already) {
			y += 2 + ui_wrap(y + 2, left, width, height - 4, 0,
					 "Yes: a contact since your last "
					 "check-in is already logged. It is in "
					 "your history; nothing more is added.",
					 ui_attr(ROLE_NORMAL));
			ui_text(y + 1, left, width, "Press Enter to go on.",
				ui_attr(ROLE_ACCENT));
			break;
		}
		ui_text(y + 2, left, width, "y  yes      n  no",
			ui_attr(ROLE_ACCENT));
		if (c->redo && c->old_contact == 0)
			ui_text(
			    y + 4, left, width,
			    "Earlier today you answered no; Enter keeps it.",
			    ui_attr(ROLE_MUTED));
		break;
	case STEP_SLIP:
		draw_slip(a, c, top, left, width, height);
		break;
	case STEP_TAGS:
		draw_tags(c, top, left, width, height);
		break;
	case STEP_NOTE:
		break;
	case STEP_PROMPT: {
		const struct prompt *p = reflection_prompt_today(
		    a->j, MODULE_REFLECTION, c->prompt_offset);
		ui_text(y++, left, width, "Today's prompt",
			ui_attr(ROLE_TITLE));
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
		ui_wrap(
		    y + 1, left, width, 2, 0,
		    "A walk, a call to a friend, an early night: it counts.",
		    ui_attr(ROLE_MUTED));
		ui_text(y + 4, left, width, "y  log it      s  skip",
			ui_attr(ROLE_ACCENT));
		break;
	case STEP_SUMMARY:
		draw_summary(a, c, top, left, width, height);
		break;
	}
}

static void ask_note(struct app *a, struct checkin *c);

static void load_summary(struct app *a, struct checkin *c)
{
	struct mend_err err = {""};
	milestone_goal_done(&c->goal);
	if (milestone_goal(a->j, &c->goal, &err) != MEND_OK)
		milestone_goal_done(&c->goal);
	if (milestone_letters(a->j, &c->letters, &err) != MEND_OK)
		memset(&c->letters, 0, sizeof c->letters);
}

static void got_note(struct app *a, void *ctx, int choice, const char *text)
{
	struct checkin *c = ctx;
	int contact = c->contact;
	if (contact == 1)
		contact = CHECKIN_CONTACT |
			  (strcmp(c->contact_by ? c->contact_by : "me", "me")
			       ? CHECKIN_BY_THEM
			       : 0) |
			  (c->necessary ? CHECKIN_NECESSARY : 0);
	char tags[2 * TAGS_QUICK_MAX * (TAG_MAX_BYTES + 1) + 1] = "";
	for (size_t i = 0; i < c->quick.n; i++)
		if (c->on[i]) {
			size_t len = strlen(tags);
			snprintf(tags + len, sizeof tags - len, "%s%s",
				 len ? " " : "", c->quick.v[i].shown);
		}
	/* untouched toggles keep today's tags as they were saved */
	struct checkin_input in = {c->mood, c->urge, contact, text};
	struct mend_err err = {""};
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (checkin_save_tagged(a->j, &in, c->tags_changed ? tags : NULL,
				&c->result, &err) != MEND_OK) {
		ui_error(a, &err);
		ask_note(a, c);
		return;
	}
	c->saved = true;
	ui_message(a, false, "%s",
		   c->result.updated ? "Saved: today's check-in was updated."
				     : "Saved.");
	c->step = STEP_PROMPT;
	/* the count started again: the kind look back first, each of its
	 * questions skippable, then the rest of the check-in */
	if (c->result.restarted)
		ui_open_slip(a, false);
}

/* Quick tags come between the contact and the note. */
static void to_tags(struct checkin *c)
{
	c->step = STEP_TAGS;
}

static int quick_tags_key(struct app *a, struct checkin *c, int ch, bool code,
			  bool enter)
{
	size_t n = c->quick.n;
	if (enter) {
		ask_note(a, c);
	} else if (!code && ch == ' ' && n) {
		c->on[c->tag_cur] = !c->on[c->tag_cur];
		c->tags_changed = true;
	} else if (n && ((code && (ch == KEY_DOWN || ch == KEY_RIGHT)) ||
			 (!code && (ch == 'j' || ch == 'l')))) {
		c->tag_cur = (c->tag_cur + 1) % n;
	} else if (n && ((code && (ch == KEY_UP || ch == KEY_LEFT)) ||
			 (!code && (ch == 'k' || ch == 'h')))) {
		c->tag_cur = (c->tag_cur + n - 1) % n;
	}
	return UI_HANDLED;
}

static void ask_note(struct app *a, struct checkin *c)
{
	c->step = STEP_NOTE;
	ui_ask_text(a, "Daily check-in",
		    c->old_note && *c->old_note
			? "Today's note, as you wrote it earlier (Enter "
			  "keeps it; change it if you like)."
			: "A few words about today, if you like (Enter to "
			  "leave it empty).",
		    c->old_note ? c->old_note : "", got_note, c);
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
		memcpy(c->moods, moods,
		       7 * sizeof *moods); /* the 7 days before */
	load_summary(a, c);
}

static void growth_done(struct app *a, void *ctx)
{
	to_summary(a, ctx);
}

/* Arrows step; digits type the number, so 1 then 0 makes 10 when 10 is
 * allowed, and a lone 0 on a scale from 1 means 10. */
static int number_key(int *value, int *digit, int lo, int hi, int ch, bool code)
{
	int prev = *digit;
	*digit = -1;
	if (*value == ENTRY_NONE &&
	    ((code && (ch == KEY_LEFT || ch == KEY_RIGHT)) ||
	     (!code && (ch == 'h' || ch == 'l')))) {
		*value = lo;
		return 1;
	}
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
		if (prev > 0 && prev * 10 + v <= hi)
			v = prev * 10 + v;
		else if (v == 0 && lo == 1)
			v = 10;
		*value = v < lo ? lo : v > hi ? hi : v;
		*digit = *value < 10 ? *value : -1;
	} else if (code && (ch == KEY_LEFT || ch == KEY_RIGHT)) {
		; /* at an end of the scale */
	} else
		return 0;
	return 1;
}

static void to_contact(struct app *a, struct checkin *c)
{
	struct mend_err err = {""};
	c->step = STEP_CONTACT;
	c->already = false;
	if (checkin_contact_since(a->j, &c->already, &err) != MEND_OK)
		ui_error(a, &err);
}

static void confirmed_restart(struct app *a, void *ctx, int choice,
			      const char *text)
{
	struct checkin *c = ctx;
	(void)text;
	if (choice != 1) {
		ui_message(a, false, "Nothing was logged.");
		return;
	}
	c->contact = 1;
	c->step = STEP_SLIP;
}

static void got_necessary(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct checkin *c = ctx;
	struct nocontact_status s;
	struct mend_err err = {""};
	(void)text;
	c->necessary = choice == 1;
	if (strcmp(c->contact_by, "me") != 0 || c->necessary) {
		c->contact = 1;
		ui_message(a, false,
			   "It will be kept in your history, and your "
			   "count goes on.");
		to_tags(c);
		return;
	}
	c->streak_before = 0;
	if (nocontact_status(a->j, &s, &err) == MEND_OK)
		c->streak_before = s.days;
	if (milestone_letters(a->j, &c->letters_before, &err) != MEND_OK)
		memset(&c->letters_before, 0, sizeof c->letters_before);
	ui_ask(a, "This starts your count again from today. Log it?",
	       confirmed_restart, c);
}

static void got_who(struct app *a, void *ctx, int choice, const char *text)
{
	struct checkin *c = ctx;
	(void)text;
	if (choice < 0)
		return;
	c->contact_by = choice == 0 ? "them" : "me";
	ui_ask(a, "Was it necessary (children, shared bills, work)?",
	       got_necessary, c);
}

static void ask_who(struct app *a, struct checkin *c)
{
	/* "They reached out" comes first and is highlighted: the answer
	 * that restarts the count is never the one Enter takes by itself. */
	static const struct ui_choice who[] = {
	    {"They reached out, and I did not reply", 't', false},
	    {"I reached out, or I replied", 'm', false},
	};
	ui_choose(a, "Daily check-in", "Who reached out?", who, 2, 0, got_who,
		  c);
}

static void got_goal(struct app *a, void *ctx, int choice, const char *text)
{
	struct checkin *c = ctx;
	struct mend_err err = {""};
	char *end;
	long goal = strtol(text, &end, 10);
	(void)choice;
	if (!*text || *end || goal < 1 || goal > JOURNAL_GOAL_MAX) {
		ui_message(a, true,
			   "A goal is a number of days, from 1 to %d.",
			   JOURNAL_GOAL_MAX);
		return;
	}
	if (!ui_refresh(a))
		return;
	if (nocontact_start(a->j, NULL, (int)goal, NULL, &err) != MEND_OK)
		ui_error(a, &err);
	else
		ui_message(a, false, "Your new goal: %ld days.", goal);
	load_summary(a, c);
}

static void got_stop(struct app *a, void *ctx, int choice, const char *text)
{
	struct checkin *c = ctx;
	struct mend_err err = {""};
	(void)text;
	if (choice != 1 || !ui_refresh(a))
		return;
	if (nocontact_stop(a->j, &err) != MEND_OK)
		ui_error(a, &err);
	else
		ui_message(a, false,
			   "The count has stopped. Your %ld days stay "
			   "in your history.",
			   c->goal.days);
	load_summary(a, c);
}

static int summary_key(struct app *a, struct checkin *c, int ch, bool code,
		       bool enter)
{
	char num[16];
	if (enter || (!code && ch == 'q'))
		return UI_POP;
	if (code)
		return UI_HANDLED;
	if (ch == 'h' && c->result.low_mood)
		ui_open_helpnow(a);
	else if (ch == 'g' && c->goal.reached) {
		snprintf(num, sizeof num, "%d", c->goal.goal_days * 2);
		ui_ask_text(a, "Your goal",
			    "How many days of no contact would you like to aim "
			    "for now?",
			    num, got_goal, c);
	} else if (ch == 'x' && c->goal.reached)
		ui_ask(a,
		       "Stop counting days of no contact? The days you kept "
		       "stay in your history, and you can start again at "
		       "any time.",
		       got_stop, c);
	return UI_HANDLED;
}

static int checkin_key(struct app *a, void *st, int ch, bool code)
{
	struct checkin *c = st;
	bool enter =
	    (code && ch == KEY_ENTER) || (!code && (ch == '\r' || ch == '\n'));

	if (code && ch == UI_TICK)
		return 0;
	if (!code && ch == 27)
		return UI_POP;
	switch (c->step) {
	case STEP_MOOD:
		if (number_key(&c->mood, &c->digit, 1, 10, ch, code))
			return UI_HANDLED;
		if (enter) {
			c->step = STEP_URGE;
			c->digit = -1;
		}
		break;
	case STEP_URGE:
		if (number_key(&c->urge, &c->digit, 0, 10, ch, code))
			return UI_HANDLED;
		if (enter)
			to_contact(a, c);
		break;
	case STEP_CONTACT:
		if (c->already) {
			if (enter) {
				c->contact = 1;
				to_tags(c);
			}
		} else if (!code && (ch == 'y' || ch == 'Y')) {
			ask_who(a, c);
		} else if ((!code && (ch == 'n' || ch == 'N')) ||
			   (enter && c->redo && c->old_contact == 0)) {
			c->contact = 0;
			to_tags(c);
		}
		break;
	case STEP_SLIP:
		if (enter)
			to_tags(c);
		break;
	case STEP_TAGS:
		return quick_tags_key(a, c, ch, code, enter);
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
		} else if (!code && (ch == 's' || ch == 'S')) {
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
		return summary_key(a, c, ch, code, enter);
	}
	return UI_HANDLED;
}

static void checkin_resume(struct app *a, void *st)
{
	struct checkin *c = st;
	/* the note field closed without an answer: ask the question again */
	(void)a;
	if (c->step == STEP_NOTE && !c->saved)
		c->step = STEP_TAGS;
}

static void checkin_leave(struct app *a, void *st)
{
	struct checkin *c = st;
	(void)a;
	milestone_goal_done(&c->goal);
	tag_list_done(&c->quick);
	free(c->old_note);
	free(c);
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

static void keep_today(const struct entry *e, void *ctx)
{
	struct checkin *c = ctx;
	c->redo = true;
	c->mood = e->mood >= 1 && e->mood <= 10 ? e->mood : 5;
	c->urge = e->urge;
	c->old_contact = e->contact;
	c->old_note = strdup(e->text);
	/* today's own tags come first, on */
	for (const char *p = e->tags; p && *p;) {
		size_t len = strcspn(p, " ");
		if (len && c->quick.n < TAGS_QUICK_MAX &&
		    tag_list_add(&c->quick, p, len, NULL) == MEND_OK)
			c->on[c->quick.n - 1] = true;
		p += len + (p[len] == ' ');
	}
}

void ui_open_checkin(struct app *a)
{
	struct checkin *c = calloc(1, sizeof *c);
	struct mend_err err = {""};
	if (!c)
		return;
	c->mood = 5;
	c->urge = 0;
	c->contact = ENTRY_NONE;
	c->digit = -1;
	c->old_contact = ENTRY_NONE;
	/* Re-doing today's check-in starts from what was saved, so that
	 * passing through a question never overwrites an answer. */
	tag_list_init(&c->quick);
	enum mend_rc rc = checkin_today(a->j, keep_today, c, &err);
	if (rc != MEND_OK && rc != MEND_ENOTFOUND)
		ui_error(a, &err);
	/* then the set to choose from, each key once */
	struct tag_list set;
	tag_list_init(&set);
	if (tags_quick(a->j, &set, &err) != MEND_OK)
		ui_error(a, &err);
	for (size_t i = 0; i < set.n; i++)
		tag_list_add(&c->quick, set.v[i].shown, strlen(set.v[i].shown),
			     NULL);
	tag_list_done(&set);
	if (c->redo && c->old_contact != 0 && c->old_contact != 1)
		c->old_contact = ENTRY_NONE;
	ui_push(a, &checkin_screen, c);
}
