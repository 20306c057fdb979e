/* SPDX-License-Identifier: MIT */
/* Pause before you reach out: rate the urge, name what it asks for,
 * write the message here instead, wait a few minutes with a breathing
 * pace and the user's own reasons and people, then rate again and
 * choose. Opened from any screen (the loop's pause hook, ^T) and from
 * home (p). Leaving at any step keeps what was written, and the pause
 * is stored with the outcome "left". The countdown runs on the loop's
 * tick; nothing here sleeps. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mend/nocontact.h"
#include "mend/pause.h"
#include "screens.h"

/* Seconds on a clock that only moves forward (a pinned or changed
 * wall clock does not stop or jump the countdown). */
static time_t mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

#define BREATH_CYCLE   12 /* seconds: 4 in, 2 hold, 6 out */
#define ROTATE_SECONDS 20

enum step { STEP_RATE, STEP_SURF, STEP_AFTER };
enum wait {
	WAIT_NONE,
	WAIT_NEED,
	WAIT_OWN,
	WAIT_WRITE,
	WAIT_SURF_MENU,
	WAIT_MINUTES,
	WAIT_OUTCOME,
	WAIT_CHANNEL
};

struct pause_ui {
	struct pause_content *w;
	struct pause_list reasons, people;
	enum step step;
	enum wait wait;
	int sel;	  /* the level under the cursor */
	bool one_typed;	  /* '1' was the last key: '0' makes it 10 */
	int urge;	  /* before, or -1 while not rated */
	int urge_after;	  /* after, or -1 */
	const char *need; /* a need key, or NULL */
	char own[PAUSE_WORD_MAX + 1];
	time_t started;
	time_t surf_start;
	int surf_seconds; /* the countdown's length */
	int shown;	  /* the second last drawn */
	const char *outcome;
	bool saved;
	char need_text[PAUSE_NEED_COUNT][160]; /* "1  Comfort: ..." */
	const char *need_items[PAUSE_NEED_COUNT];
};

static const struct ui_key rate_keys[] = {
    {"0-9", "rate", "the urge, 0 to 10 (1 then 0 is 10; also ←→)"},
    {"Enter", "go on", "go on with this level"},
    {"k", "your lists", "your reasons and your people, to add or change"},
    {"Esc", "leave", "leave the pause; what you wrote is kept"},
    {NULL, NULL, NULL},
};

static const struct ui_key surf_keys[] = {
    {"- +", "minutes", "a minute less or more"},
    {"t", "2/5/10", "wait 2, 5 or 10 minutes"},
    {"any key", "leave or stay",
     "choose to keep going, finish now or "
     "leave"},
    {NULL, NULL, NULL},
};

static int left_seconds(const struct pause_ui *p)
{
	int gone = (int)(mono() - p->surf_start);
	return gone >= p->surf_seconds ? 0 : p->surf_seconds - gone;
}

/* Store the pause once, with what is known so far. */
static void store(struct app *a, struct pause_ui *p, const char *outcome)
{
	struct pause_input in = {p->urge,
				 p->urge_after >= 0 ? p->urge_after
						    : ENTRY_NONE,
				 (int)(mono() - p->started),
				 p->need,
				 p->own[0] ? p->own : NULL,
				 outcome};
	struct mend_err err = {""};
	if (p->saved || p->urge < 0)
		return;
	if (in.seconds > PAUSE_SECONDS_MAX)
		in.seconds = PAUSE_SECONDS_MAX;
	if (pause_save(a->j, &in, NULL, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	p->saved = true;
	p->outcome = outcome;
}

static void leave_now(struct app *a, struct pause_ui *p)
{
	store(a, p, "left");
	if (!a->status[0])
		ui_message(a, false, "%s", p->w->left);
	ui_close(a);
}

static void load_lists(struct app *a, struct pause_ui *p)
{
	struct mend_err err = {""};
	pause_list_done(&p->reasons);
	pause_list_done(&p->people);
	if (pause_list_get(a->j, PAUSE_LIST_REASONS, &p->reasons, &err) !=
		MEND_OK ||
	    pause_list_get(a->j, PAUSE_LIST_PEOPLE, &p->people, &err) !=
		MEND_OK)
		ui_error(a, &err);
}

/* --- the steps, in order --- */

static void start_surf(struct app *a, struct pause_ui *p)
{
	load_lists(a, p);
	p->step = STEP_SURF;
	p->surf_start = mono();
	p->shown = -1;
}

static bool save_write(struct app *a, void *ctx, const char *text, size_t len)
{
	char uuid[UUID_LEN];
	struct mend_err err = {""};
	(void)ctx;
	bool blank = true;
	for (size_t i = 0; i < len && blank; i++)
		blank = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
	if (blank)
		return true; /* nothing to keep: on to the waiting */
	if (nocontact_write_unsent(a->j, text, len, uuid, &err) != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Kept here, unsent. Now let's wait a little.");
	return true;
}

static void open_write(struct app *a, struct pause_ui *p)
{
	struct ui_edit_spec spec = {
	    .title = "Write it here instead",
	    .prompt = p->w->write_prompt,
	    .draft_context = "unsent:",
	    .save = save_write,
	    .ctx = p,
	};
	p->wait = WAIT_WRITE;
	ui_edit(a, &spec);
}

static void got_own(struct app *a, void *ctx, int choice, const char *text)
{
	struct pause_ui *p = ctx;
	struct mend_err err = {""};
	(void)choice;
	p->wait = WAIT_NONE;
	if (text && *text &&
	    journal_check_text("word", text, strlen(text), PAUSE_WORD_MAX,
			       false, &err) == MEND_OK)
		snprintf(p->own, sizeof p->own, "%s", text);
	open_write(a, p);
}

static void got_need(struct app *a, void *ctx, int choice, const char *text)
{
	struct pause_ui *p = ctx;
	(void)text;
	p->wait = WAIT_NONE;
	p->need = pause_need_key((enum pause_need)choice);
	if (choice == PAUSE_NEED_OWN) {
		p->wait = WAIT_OWN;
		ui_ask_text(a, "In your own word", p->w->need_q, "", got_own,
			    p);
		return;
	}
	open_write(a, p);
}

static void ask_need(struct app *a, struct pause_ui *p)
{
	for (int i = 0; i < PAUSE_NEED_COUNT; i++) {
		snprintf(p->need_text[i], sizeof p->need_text[i], "%d  %s",
			 i + 1, p->w->need_label[i]);
		p->need_items[i] = p->need_text[i];
	}
	p->wait = WAIT_NEED;
	ui_pick(a, p->w->need_q, p->need_items, PAUSE_NEED_COUNT, 0, got_need,
		p);
}

static void finished(struct app *a, struct pause_ui *p, const char *outcome)
{
	const char *said = p->urge_after >= 0 && p->urge_after < p->urge
			       ? p->w->passed
			       : p->w->stayed;
	store(a, p, outcome);
	if (p->saved && strcmp(outcome, "contact") != 0)
		ui_message(a, false, "%s", said);
	ui_close(a);
}

static void got_channel(struct app *a, void *ctx, int choice, const char *text)
{
	struct pause_ui *p = ctx;
	static const char *const channels[] = {"text", "call", "social",
					       "in-person", "other"};
	bool necessary = strcmp(p->outcome, "necessary") == 0;
	struct contact_input in = {"me", channels[choice], necessary, NULL};
	struct contact_result r;
	struct mend_err err = {""};
	(void)text;
	p->wait = WAIT_NONE;
	if (!ui_refresh(a))
		return;
	const char *outcome = p->outcome;
	p->outcome = NULL;
	if (nocontact_log_contact(a->j, &in, &r, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	if (!r.restarted) {
		finished(a, p, outcome);
		return;
	}
	/* the count started again: the slip screen takes the pause's place */
	store(a, p, outcome);
	ui_open_slip(a, true);
}

static void ask_channel(struct app *a, struct pause_ui *p)
{
	static const char *const channels[] = {
	    "1  a text or message", "2  a call", "3  social media",
	    "4  in person", "5  something else"};
	p->wait = WAIT_CHANNEL;
	ui_pick(a, "How?", channels, 5, 0, got_channel, p);
}

static void got_outcome(struct app *a, void *ctx, int choice, const char *text)
{
	struct pause_ui *p = ctx;
	(void)text;
	p->wait = WAIT_NONE;
	if (choice < 0) {
		leave_now(a, p);
		return;
	}
	const char *outcome = pause_outcome_key((enum pause_outcome)choice);
	if (choice == PAUSE_OUT_UNSENT) {
		finished(a, p, outcome);
		return;
	}
	p->outcome = outcome; /* stored once the contact is logged */
	ask_channel(a, p);
}

static void ask_outcome(struct app *a, struct pause_ui *p)
{
	/* keeping it unsent is first and highlighted; logging a contact
	 * is never what Enter takes by itself */
	struct ui_choice c[3] = {
	    {p->w->outcome_label[PAUSE_OUT_UNSENT], 'u', false},
	    {p->w->outcome_label[PAUSE_OUT_NECESSARY], 'n', false},
	    {p->w->outcome_label[PAUSE_OUT_CONTACT], 'c', false},
	};
	p->wait = WAIT_OUTCOME;
	ui_choose(a, "After the pause", p->w->end_q, c, 3, 0, got_outcome, p);
}

static void to_after(struct pause_ui *p)
{
	p->step = STEP_AFTER;
	p->sel = p->urge;
	p->one_typed = false;
}

static void got_minutes(struct app *a, void *ctx, int choice, const char *text)
{
	struct pause_ui *p = ctx;
	static const int minutes[] = {2, 5, 10};
	(void)a;
	(void)text;
	p->wait = WAIT_NONE;
	p->surf_seconds = minutes[choice] * 60;
	p->surf_start = mono();
}

enum { SURF_KEEP, SURF_FINISH, SURF_LEAVE };

static void got_surf_menu(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct pause_ui *p = ctx;
	(void)text;
	p->wait = WAIT_NONE;
	if (choice == SURF_FINISH)
		to_after(p);
	else if (choice == SURF_LEAVE)
		leave_now(a, p);
}

static void surf_menu(struct app *a, struct pause_ui *p)
{
	static const struct ui_choice c[] = {
	    {"Keep going", 'k', false},
	    {"Finish now and rate the urge again", 'f', false},
	    {"Leave the pause", 'l', false},
	};
	p->wait = WAIT_SURF_MENU;
	ui_choose(a, "Still here", "The countdown goes on while you choose.", c,
		  3, SURF_KEEP, got_surf_menu, p);
}

/* --- drawing --- */

static void draw_scale(int y, int x, int width, int sel)
{
	char n[12];
	int cx = x;
	for (int i = 0; i <= 10 && cx + 3 <= x + width; i++) {
		snprintf(n, sizeof n, "%d", i);
		int attr = ui_attr(i == sel ? ROLE_SELECTED : ROLE_NORMAL);
		if (i == sel)
			ui_fill(y, cx, i == 10 ? 4 : 3, attr);
		ui_text(y, cx + 1, 2, n, attr);
		cx += i == 10 ? 4 : 3;
	}
	ui_text(y + 1, x, width, "calm              the strongest",
		ui_attr(ROLE_MUTED));
}

static void draw_rate(struct app *a, struct pause_ui *p, int top, int left,
		      int width, int height)
{
	int y = top;
	const char *q =
	    p->step == STEP_RATE ? p->w->urge_q : p->w->urge_after_q;
	(void)a;
	if (p->step == STEP_RATE)
		y += ui_wrap(y, left, width, height - 5, 0, p->w->intro,
			     ui_attr(ROLE_NORMAL)) +
		     1;
	y += ui_wrap(y, left, width, 2, 0, q, ui_attr(ROLE_TITLE)) + 1;
	draw_scale(y, left, width, p->sel);
}

/* One item of a list, turning every ROTATE_SECONDS. */
static const char *rotating(const struct pause_list *l, int tick)
{
	return l->n ? l->items[tick % l->n] : NULL;
}

static void draw_surf(struct pause_ui *p, int top, int left, int width,
		      int height)
{
	int left_s = left_seconds(p), gone = (int)(mono() - p->surf_start);
	int tick = gone / ROTATE_SECONDS, phase = gone % BREATH_CYCLE;
	int bottom = top + height, y = top;
	char line[96];

	snprintf(line, sizeof line, "%02d:%02d left of %d minute%s",
		 left_s / 60, left_s % 60, p->surf_seconds / 60,
		 p->surf_seconds == 60 ? "" : "s");
	ui_text(y, left, width, line, ui_attr(ROLE_TITLE));
	y += 2;
	/* the pacer: a bar that fills while breathing in, stays, and
	 * empties while breathing out; the word says the same without it */
	long fill = phase < 4	? phase + 1
		    : phase < 6 ? 4
				: 4 - (phase - 6) * 4 / 6;
	const char *word = phase < 4   ? p->w->breathe_in
			   : phase < 6 ? p->w->breathe_hold
				       : p->w->breathe_out;
	int bar = width - 16 > 24 ? 24 : width - 16;
	ui_bar(y, left, bar, fill, 4, ui_attr(ROLE_GOOD));
	ui_text(y, left + bar + 2, width - bar - 2, word, ui_attr(ROLE_ACCENT));
	y += 2;
	const char *surf = p->w->surf[tick % p->w->n_surf];
	y += ui_wrap(y, left, width, bottom - y, 0, surf, ui_attr(ROLE_NORMAL));
	y++;
	const char *reason = rotating(&p->reasons, tick);
	const char *person = rotating(&p->people, tick);
	if (y + 1 < bottom) {
		ui_text(y++, left, width,
			reason ? "A reason you keep space:" : "Your reasons",
			ui_attr(ROLE_MUTED));
		y += ui_wrap(y, left + 2, width - 2,
			     bottom - y > 2 ? 2 : bottom - y, 0,
			     reason ? reason : p->w->no_reasons,
			     ui_attr(reason ? ROLE_GOOD : ROLE_MUTED));
	}
	if (y + 1 < bottom) {
		ui_text(y++, left, width,
			person ? "Someone you could reach instead:"
			       : "Your people",
			ui_attr(ROLE_MUTED));
		ui_wrap(y, left + 2, width - 2, bottom - y > 2 ? 2 : bottom - y,
			0, person ? person : p->w->no_people,
			ui_attr(person ? ROLE_GOOD : ROLE_MUTED));
	}
}

static void pause_draw(struct app *a, void *st)
{
	struct pause_ui *p = st;
	int top, left, width, height;
	ui_frame(a,
		 p->step == STEP_SURF ? "Pause: waiting together"
				      : "Pause before you reach out",
		 p->step == STEP_SURF ? surf_keys : rate_keys);
	ui_area(&top, &left, &width, &height);
	if (p->step == STEP_SURF)
		draw_surf(p, top, left, width, height);
	else
		draw_rate(a, p, top, left, width, height);
}

/* --- keys --- */

static int rate_key(struct app *a, struct pause_ui *p, int ch, bool code)
{
	if (code) {
		if (ch == KEY_LEFT && p->sel > 0)
			p->sel--;
		else if (ch == KEY_RIGHT && p->sel < 10)
			p->sel++;
		else if (ch != KEY_ENTER)
			return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	if (!code && ch >= '0' && ch <= '9') {
		p->sel = p->one_typed && ch == '0' ? 10 : ch - '0';
		p->one_typed = ch == '1';
		return UI_HANDLED;
	}
	p->one_typed = false;
	if (!code && (ch == 27 || ch == 'q')) {
		leave_now(a, p);
		return UI_HANDLED;
	}
	if (!code && (ch == 'k' || ch == 'K') && p->step == STEP_RATE) {
		ui_open_keep(a, PAUSE_LIST_REASONS);
		return UI_HANDLED;
	}
	if ((code && ch == KEY_ENTER) ||
	    (!code && (ch == '\r' || ch == '\n'))) {
		if (p->step == STEP_RATE) {
			p->urge = p->sel;
			ask_need(a, p);
		} else {
			p->urge_after = p->sel;
			ask_outcome(a, p);
		}
	}
	return UI_HANDLED;
}

static int surf_key(struct app *a, struct pause_ui *p, int ch, bool code)
{
	if (code && ch == UI_TICK) {
		int gone = (int)(mono() - p->surf_start);
		if (left_seconds(p) == 0) {
			to_after(p);
			return UI_REDRAW;
		}
		if (gone != p->shown) {
			p->shown = gone;
			return UI_REDRAW;
		}
		return 0;
	}
	if (!code && ch == '-' && p->surf_seconds > 60)
		p->surf_seconds -= 60;
	else if (!code && ch == '+' && p->surf_seconds < PAUSE_MINUTES_MAX * 60)
		p->surf_seconds += 60;
	else if (!code && (ch == 't' || ch == 'T')) {
		static const char *const m[] = {"2 minutes", "5 minutes",
						"10 minutes"};
		p->wait = WAIT_MINUTES;
		ui_pick(a, "How long?", m, 3, 2, got_minutes, p);
	} else
		surf_menu(a, p);
	return UI_HANDLED;
}

static int pause_key(struct app *a, void *st, int ch, bool code)
{
	struct pause_ui *p = st;
	if (p->step == STEP_SURF)
		return surf_key(a, p, ch, code);
	return rate_key(a, p, ch, code);
}

/* On top again: after the editor, the waiting begins; a list or a
 * question left with Esc leaves that step (the words are kept). */
static void pause_resume(struct app *a, void *st)
{
	struct pause_ui *p = st;
	enum wait w = p->wait;
	p->wait = WAIT_NONE;
	switch (w) {
	case WAIT_WRITE:
		start_surf(a, p);
		break;
	case WAIT_OWN:
		open_write(a, p);
		break;
	case WAIT_NEED:
	case WAIT_CHANNEL:
		leave_now(a, p);
		break;
	default:
		if (p->step == STEP_SURF)
			load_lists(a, p);
		break;
	}
}

static void pause_leave(struct app *a, void *st)
{
	struct pause_ui *p = st;
	store(a, p, "left"); /* the app closing mid-way keeps the pause */
	pause_list_done(&p->reasons);
	pause_list_done(&p->people);
	pause_content_free(p->w);
	free(p);
}

static const struct ui_screen pause_screen = {
    .title = "Pause before you reach out",
    .module = MODULE_NOCONTACT,
    .keys = rate_keys,
    .draw = pause_draw,
    .key = pause_key,
    .resume = pause_resume,
    .leave = pause_leave,
};

bool ui_pause_open_on_top(const struct app *a)
{
	return a->depth > 0 && a->stack[a->depth - 1].screen == &pause_screen;
}

void ui_open_pause(struct app *a)
{
	struct mend_err err = {""};
	struct pause_ui *p = calloc(1, sizeof *p);
	if (!p)
		return;
	if (pause_content_load(&p->w, &err) != MEND_OK) {
		ui_error(a, &err);
		free(p);
		return;
	}
	p->urge = p->urge_after = -1;
	p->sel = 5;
	p->started = mono();
	p->surf_seconds = 10 * 60;
	ui_push(a, &pause_screen, p);
}
