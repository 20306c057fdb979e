/* SPDX-License-Identifier: MIT */
/* Home: the streak in large digits, the goal, today's check-in, thirty
 * days of mood, the suggestion for today, and the way to everything. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/journey.h"
#include "mend/insights.h"
#include "mend/pause.h"
#include "mend/milestone.h"
#include "mend/nocontact.h"
#include "mend/utf8.h"
#include "mend/program.h"
#include "screens.h"

#define MOOD_DAYS 30

struct home {
	int sel;
	struct program_status s;
	int moods[MOOD_DAYS];
	bool loaded;
	char goal_text[1200]; /* the goal day's then-and-now, or "" */
	long letters_today;   /* sealed letters that open today */
	struct journey *jy;   /* the path, loaded once */
	struct journey_step step; /* today's step, borrowed from jy */
	bool has_step;
	enum journey_due due; /* the intention or look-back on offer */
	bool low_contact;     /* the count is of contact beyond the necessary */
	struct ui_journey_note note;
	long then_day;        /* a then-and-now to offer for this day, or 0 */
	char keep_line[320];  /* a hard day: one of their reasons or people */
	size_t keep_label;    /* the length of its label ("Someone to reach: ") */
	bool week_due;        /* the week just ended, to look back on */
};

static const struct {
	char key;
	const char *label;
} menu[] = {
	{'c', "Daily check-in"}, {'n', "No contact"},   {'p', "Pause first"},
	{'r', "Reflection"},     {'g', "Self-improvement"}, {'a', "Acceptance"},
	{'y', "Your path"},      {'x', "Exercises"},    {'i', "Insights"},
	{'v', "Review"},         {'e', "Export"},       {'l', "Lock"},
	{'?', "Help"},           {'q', "Quit"},
};
#define N_MENU ((int)(sizeof menu / sizeof menu[0]))

static const struct ui_key home_keys[] = {
	{"c", "check-in", "today's check-in, one question at a time"},
	{"h", NULL, "help now: who and where to turn to when things are very "
		    "hard"},
	{"p", "pause", "pause before you reach out (^T from any screen)"},
	{"n r g a", "modules", "no contact, reflection, self-improvement, "
			      "acceptance"},
	{"y", NULL, "your path: its stages, where you are and why, and "
		    "moving ahead or back"},
	{"t", NULL, "write the intention or the look-back home offers "
		    "(mornings and evenings)"},
	{"s", NULL, "skip today's intention or look-back"},
	{"x", NULL, "exercises from the research, with their sources"},
	{"v", "review", "every entry, newest first, with search"},
	{"i", "insights", "mood over time, the year, what seems to help, "
			  "looking back"},
	{"e", "export", "save the journal as one file: JSON, jrnl or "
			     "Markdown"},
	{"l", NULL, "lock an encrypted journal now: the screen clears, and "
		    "the passphrase opens it again (^P does the same)"},
	{"↑↓ Enter", NULL, "move in the menu and open"},
	{"q", "quit", "leave mend"},
	{"?", "help", "this help"},
	{NULL, NULL, NULL},
};

/* A 3x5 font of block characters for the streak. */
static const char *const digits[10][5] = {
	{"███", "█ █", "█ █", "█ █", "███"}, {" █ ", "██ ", " █ ", " █ ", "███"},
	{"███", "  █", "███", "█  ", "███"}, {"███", "  █", "███", "  █", "███"},
	{"█ █", "█ █", "███", "  █", "  █"}, {"███", "█  ", "███", "  █", "███"},
	{"███", "█  ", "███", "█ █", "███"}, {"███", "  █", "  █", "  █", "  █"},
	{"███", "█ █", "███", "█ █", "███"}, {"███", "█ █", "███", "  █", "███"},
};

static void big_number(int y, int x, long n, int attr)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%ld", n);
	for (int row = 0; row < 5; row++)
		for (size_t i = 0; buf[i]; i++)
			ui_text(y + row, x + (int)i * 4, 3, digits[buf[i] - '0'][row],
				attr);
}

/* The first words of a note, cut on a character boundary. */
static void first_words(const char *note, char *out, size_t n)
{
	size_t len = strlen(note), cut = len < n - 4 ? len : n - 4;
	uint32_t cp;
	while (cut > 0 && cut < len && utf8_decode(note + cut, len - cut, &cp) == 0)
		cut--;
	snprintf(out, n, "%.*s%s", (int)cut, note, cut < len ? "…" : "");
}

/* The goal day, told as a then-and-now. */
static void goal_story(const struct milestone_goal *g, char *out, size_t n)
{
	char then[160] = "", now[160] = "", note[80];
	if (g->has_first) {
		first_words(g->first_note, note, sizeof note);
		snprintf(then, sizeof then, " Your first check-in, on %s: mood "
					    "%d/10%s%s%s.",
			 g->first_day, g->first_mood, *note ? ", \"" : "", note,
			 *note ? "\"" : "");
	}
	if (g->has_today) {
		first_words(g->today_note, note, sizeof note);
		snprintf(now, sizeof now, " Today: mood %d/10%s%s%s.",
			 g->today_mood, *note ? ", \"" : "", note,
			 *note ? "\"" : "");
	}
	snprintf(out, n,
		 "Day %ld: you reached your goal of %d days.%s%s In this "
		 "stretch you wrote down %ld urge%s and kept %ld message%s "
		 "here instead of sending them. Open No contact (n) to set a "
		 "new goal or to stop counting.",
		 g->days, g->goal_days, then, now, g->urges,
		 g->urges == 1 ? "" : "s", g->unsent, g->unsent == 1 ? "" : "s");
}

/* On a hard day (low mood, or strong urges lately) home shows one of the
 * user's own reasons for keeping space, or on a low day one of the
 * people they could reach, a different one each day; nothing when the
 * lists are empty (they are kept in a pause, with k). */
static void keep_line(struct app *a, struct home *h)
{
	struct mend_err err = {""};
	struct pause_list l = {0};
	bool low = h->s.low_mood, urges = h->s.reason == SUGGEST_URGES_HIGH;
	long day = journal_today(a->j);
	h->keep_line[0] = '\0';
	if (!low && !urges)
		return;
	enum pause_list_kind k = PAUSE_LIST_REASONS;
	if (pause_list_get(a->j, k, &l, &err) == MEND_OK && l.n == 0 && low) {
		pause_list_done(&l);
		k = PAUSE_LIST_PEOPLE;
		if (pause_list_get(a->j, k, &l, &err) != MEND_OK)
			l.n = 0;
	}
	if (l.n > 0) {
		const char *label = k == PAUSE_LIST_REASONS
					    ? "Your reason for space: "
					    : "Someone to reach: ";
		h->keep_label = strlen(label);
		snprintf(h->keep_line, sizeof h->keep_line, "%s%s", label,
			 l.items[(day % l.n + l.n) % l.n]);
	}
	pause_list_done(&l);
}

static void load(struct app *a, struct home *h)
{
	struct mend_err err = {""};
	struct milestone_goal g = {0};
	struct milestone_letters l = {0};
	if (!ui_refresh(a))
		return;
	if (program_status(a->j, &h->s, &err) != MEND_OK ||
	    checkin_moods(a->j, MOOD_DAYS, h->moods, &err) != MEND_OK ||
	    milestone_goal(a->j, &g, &err) != MEND_OK ||
	    milestone_letters(a->j, &l, &err) != MEND_OK) {
		milestone_goal_done(&g);
		ui_error(a, &err);
		return;
	}
	h->goal_text[0] = '\0';
	if (g.reached)
		goal_story(&g, h->goal_text, sizeof h->goal_text);
	milestone_goal_done(&g);
	h->letters_today = l.today;
	/* the path is a help, not a gate: without it home still works */
	h->has_step = false;
	h->due = JOURNEY_DUE_NONE;
	if ((h->jy || journey_load(&h->jy, a->j->content, &err) == MEND_OK) &&
	    journey_today(a->j, h->jy, &h->step, NULL, &err) == MEND_OK)
		h->has_step = true;
	if (journey_due(a->j, &h->due, &err) != MEND_OK ||
	    journey_contact_low(a->j, &h->low_contact, &err) != MEND_OK)
		ui_error(a, &err);
	/* then and now is only offered on a milestone or the goal day: ask
	 * for it (it reads the whole journal) only then */
	struct insights_then_now tn = {0};
	bool marked = h->s.nc.started &&
		      (nocontact_milestone_message(a->j, h->s.nc.days) ||
		       h->s.nc.days == h->s.nc.goal_days);
	h->then_day = marked && insights_then_now(a->j, &tn, &err) == MEND_OK &&
			      tn.offer
			      ? tn.offer_day
			      : 0;
	if (insights_week_due(a->j, &h->week_due, &err) != MEND_OK)
		h->week_due = false;
	keep_line(a, h);
	h->loaded = true;
}

static void home_enter(struct app *a, void *st)
{
	load(a, st);
}

/* Ten moods, ten heights: two rows of eighth blocks give sixteen steps,
 * so every mood has a bar of its own (1 is the lowest, 10 a full two
 * rows). Under ASCII the mood's number stands in for the bar. */
static void draw_moods(int y, int x, int width, const int *moods)
{
	static const char *const eighth[9] = {" ", "▁", "▂", "▃", "▄",
					      "▅", "▆", "▇", "█"};
	static const char *const plain[10] = {"1", "2", "3", "4", "5",
					      "6", "7", "8", "9", "X"};
	ui_text(y, x, width, "Mood, last 30 days", ui_attr(ROLE_MUTED));
	for (int i = 0; i < MOOD_DAYS && i < width; i++) {
		int m = moods[i];
		if (m < 1 || m > 10) {
			ui_text(y + 2, x + i, 1, "·", ui_attr(ROLE_MUTED));
			continue;
		}
		int attr = ui_attr(m <= 3 ? ROLE_WARNING : ROLE_GOOD);
		if (!ui_utf8) {
			ui_text(y + 2, x + i, 1, plain[m - 1], attr);
			continue;
		}
		int h = (m * 16 + 5) / 10; /* 2, 3, 5, 6, 8, 10, 11, 13, 14, 16 */
		if (h > 8)
			ui_text(y + 1, x + i, 1, eighth[h - 8], attr);
		ui_text(y + 2, x + i, 1, eighth[h > 8 ? 8 : h], attr);
	}
}

/* The lines a text needs at this width. */
static int lines_for(const char *s, int width)
{
	return ui_wrap(LINES, 0, width, 0, 0, s, 0);
}

/* What home shows, by priority: the check-in line and the hard-days note
 * (or today's suggestion) always, whole; then, as room allows, the count,
 * the mood line, and the count in large digits. */
struct home_layout {
	int streak; /* 0: none, 1: one line, 4: count, goal and milestone */
	bool big, moods;
	bool step; /* the line of today's step (or the intention) */
	/* after deciding to reconnect or to be friends, no contact is no
	 * longer the goal: the count is one quiet line */
	bool no_goal;
};

static struct home_layout plan(const struct program_status *s,
			       const char *text, int letters, bool step,
			       int width, int height)
{
	struct home_layout l = {0};
	l.no_goal = s->nc.started && (strcmp(s->decision, "reconnect") == 0 ||
				      strcmp(s->decision, "friends") == 0);
	if (l.no_goal) {
		int rows = 2 + 1 + lines_for(text, width) + letters;
		l.step = step && rows + 1 <= height;
		rows += l.step;
		l.streak = rows + 2 <= height ? 1 : 0;
		l.moods = rows + 2 + 4 <= height;
		return l;
	}
	/* the check-in line, a blank, the text and its heading or key */
	int rows = 2 + 1 + lines_for(text, width) + letters;
	int full = s->nc.started ? 4 : 3;
	if (rows + full <= height)
		l.streak = full;
	else if (s->nc.started && rows + 1 <= height)
		l.streak = 1;
	rows += l.streak;
	l.step = step && rows + 1 <= height;
	rows += l.step;
	l.moods = rows + 4 <= height;
	rows += l.moods ? 4 : 0;
	l.big = s->nc.started && l.streak == 4 && rows + 6 <= height;
	return l;
}

/* In low contact the count is of contact beyond what is necessary:
 * said in full where it fits, else shortly. */
static void count_words(char *line, size_t n, const char *num, bool low,
			int width)
{
	snprintf(line, n, "%s%s", num,
		 low ? "days without contact beyond what is necessary"
		     : "days without contact");
	if (low && ui_width(line, strlen(line)) > width)
		snprintf(line, n, "%sdays of low contact", num);
}

static int draw_streak(int y, int x, int width, const struct program_status *s,
		       const struct home_layout *l, bool low)
{
	char line[160];
	if (!s->nc.started) {
		return y + ui_wrap(y, x, width, 2, 0,
				   "The no-contact count has not started. "
				   "Open No contact (n) to set the day of "
				   "the last contact.",
				   ui_attr(ROLE_NORMAL)) + 1;
	}
	if (l->streak == 1 && l->no_goal) {
		snprintf(line, sizeof line, "%ld day%s since the last contact",
			 s->nc.days, s->nc.days == 1 ? "" : "s");
		ui_text(y, x, width, line, ui_attr(ROLE_MUTED));
		return y + 2;
	}
	if (l->streak == 1) {
		snprintf(line, sizeof line, "Day %ld %s · goal %d", s->nc.days,
			 low ? "of low contact" : "without contact",
			 s->nc.goal_days);
		ui_text(y, x, width, line, ui_attr(ROLE_TITLE));
		return y + 1;
	}
	if (l->big) {
		big_number(y, x, s->nc.days, ui_attr(ROLE_TITLE));
		y += 6;
		if (s->nc.days < 3)
			snprintf(line, sizeof line,
				 "day%s and %d hour%s without contact",
				 s->nc.days == 1 ? "" : "s", s->nc.hours,
				 s->nc.hours == 1 ? "" : "s");
		else
			count_words(line, sizeof line, "", low, width);
	} else if (low) {
		char num[32];
		snprintf(num, sizeof num, "%ld ", s->nc.days);
		count_words(line, sizeof line, num, low, width);
	} else {
		snprintf(line, sizeof line, "%ld day%s without contact",
			 s->nc.days, s->nc.days == 1 ? "" : "s");
	}
	ui_text(y++, x, width, line, ui_attr(l->big ? ROLE_NORMAL : ROLE_TITLE));
	char goal[32];
	snprintf(goal, sizeof goal, " goal %d", s->nc.goal_days);
	int goal_w = (int)strlen(goal);
	int bar = width - goal_w > 30 ? 30 : width - goal_w;
	if (bar > 0) {
		ui_bar(y, x, bar, s->nc.days, s->nc.goal_days, ui_attr(ROLE_GOOD));
		ui_text(y, x + bar, goal_w, goal, ui_attr(ROLE_MUTED));
	}
	y++;
	if (s->nc.next_milestone)
		snprintf(line, sizeof line, "Next milestone: day %d",
			 s->nc.next_milestone);
	else
		snprintf(line, sizeof line, "Every milestone reached");
	ui_text(y++, x, width, line, ui_attr(ROLE_MUTED));
	return y + 1;
}

/* One line: the intention or look-back on offer, else today's step. */
static void draw_step(int y, int x, int width, const struct home *h)
{
	char line[600];
	const char *lng = NULL, *shrt = NULL;
	if (h->due == JOURNEY_DUE_INTENTION) {
		lng = "An intention for today? t to set one, s to skip";
		shrt = "Intention for today? t · s skips";
	} else if (h->due == JOURNEY_DUE_LOOKBACK) {
		lng = "How did today go? t to look back, s to skip";
		shrt = "How did today go? t · s skips";
	}
	if (lng) {
		ui_text(y, x, width, ui_width(lng, strlen(lng)) <= width ? lng : shrt,
			ui_attr(ROLE_ACCENT));
		return;
	}
	bool care = h->step.kind == JOURNEY_STEP_CARE;
	snprintf(line, sizeof line, "%s %s",
		 care ? "For today, care:" : "A step for today:", h->step.text);
	/* the step's own words matter more than the label's */
	if (ui_width(line, strlen(line)) > width)
		snprintf(line, sizeof line, "%s %s", care ? "Care:" : "Today:",
			 h->step.text);
	ui_text(y, x, width, line, ui_attr(ROLE_NORMAL));
}

static void noted(struct app *a, void *ctx)
{
	load(a, ctx);
}

/* t: the intention or look-back on offer; s: skip it for today. */
static int note_key(struct app *a, struct home *h, char key)
{
	struct mend_err err = {""};
	if (!h->loaded || h->due == JOURNEY_DUE_NONE)
		return 0;
	if (key == 's') {
		if (!ui_refresh(a) || journey_skip(a->j, h->due, &err) != MEND_OK) {
			if (err.msg[0])
				ui_error(a, &err);
			return UI_HANDLED;
		}
		ui_message(a, false, "%s",
			   h->due == JOURNEY_DUE_INTENTION
				   ? "No intention today; that is fine too."
				   : "No look-back today; rest well.");
		load(a, h);
		return UI_HANDLED;
	}
	h->note.which = (int)h->due;
	h->note.done = noted;
	h->note.ctx = h;
	ui_journey_note(a, &h->note,
			h->jy ? h->jy->intentions[journal_today(a->j) %
						  (long)h->jy->n_intentions]
			      : "");
	return UI_HANDLED;
}

/* The one line that offers a look back: then and now on a milestone or
 * the goal day, else the week just ended on the first day of a week. */
static const char *insights_offer(const struct home *h, char *buf, size_t n)
{
	if (h->then_day) {
		snprintf(buf, n, "Day %ld: then and now (i)", h->then_day);
		return buf;
	}
	if (h->week_due)
		return "Your week, to look back on (i)";
	return NULL;
}

static void home_draw(struct app *a, void *st)
{
	struct home *h = st;
	const struct program_status *s = &h->s;
	const struct content *c = a->j->content;
	int top, left, width, height;
	char line[160];

	ui_frame(a, "Home", home_keys);
	ui_area(&top, &left, &width, &height);
	int menu_w = 22, menu_x = left + width - menu_w;
	int text_w = width - menu_w - 2;
	for (int i = 0; i < N_MENU && i < height; i++) {
		int attr = ui_attr(i == h->sel ? ROLE_SELECTED : ROLE_NORMAL);
		snprintf(line, sizeof line, " %c  %s", menu[i].key, menu[i].label);
		if (i == h->sel)
			ui_fill(top + i, menu_x, menu_w, attr);
		ui_text(top + i, menu_x, menu_w, line, attr);
	}
	if (!h->loaded)
		return;

	/* the hard-days note replaces the suggestion (care comes first),
	 * and so does the goal day */
	const char *text = s->low_mood	       ? c->low_mood
			   : h->goal_text[0] ? h->goal_text
					     : c->suggestion[s->reason];
	char offer_buf[80];
	const char *offer = insights_offer(h, offer_buf, sizeof offer_buf);
	int extra = (h->letters_today > 0) + (offer != NULL) +
		    (h->keep_line[0] != '\0');
	struct home_layout l = plan(s, text, extra, h->has_step || h->due,
				    text_w, height);
	int y = top;
	if (l.streak)
		y = draw_streak(y, left, text_w, s, &l, h->low_contact);
	if (s->checked_in_today) {
		snprintf(line, sizeof line, "Today's check-in: done, mood %d/10",
			 s->today_mood);
		if (ui_width(line, strlen(line)) > text_w)
			snprintf(line, sizeof line, "Checked in today: mood %d/10",
				 s->today_mood);
	} else {
		snprintf(line, sizeof line, "Today's check-in: not yet (c)");
	}
	ui_text(y++, left, text_w, line,
		ui_attr(s->checked_in_today ? ROLE_GOOD : ROLE_ACCENT));
	if (l.step)
		draw_step(y++, left, text_w, h);
	y++;
	if (l.moods) {
		draw_moods(y, left, text_w, h->moods);
		y += 4;
	}
	int room = top + height - y;
	if (h->letters_today && room > 3) {
		ui_text(y++, left, text_w,
			h->letters_today == 1
				? "A letter from your past self is ready (n)."
				: "Letters from your past self are ready (n).",
			ui_attr(ROLE_GOOD));
		room--;
	}
	if (offer && room > 3) {
		ui_text(y++, left, text_w, offer, ui_attr(ROLE_GOOD));
		room--;
	}
	if (h->keep_line[0] && room > 3) {
		/* their own words matter more than the label */
		const char *kl = h->keep_line;
		if (ui_width(kl, strlen(kl)) > text_w)
			kl += h->keep_label;
		ui_text(y++, left, text_w, kl, ui_attr(ROLE_NORMAL));
		room--;
	}
	if (s->low_mood || h->goal_text[0]) {
		y += ui_wrap(y, left, text_w, room - 1, 0, text,
			     ui_attr(s->low_mood ? ROLE_WARNING : ROLE_GOOD));
		if (s->low_mood)
			ui_text(y, left, text_w, "Press h for help now.",
				ui_attr(ROLE_ACCENT));
	} else {
		snprintf(line, sizeof line, "Suggested today: %s",
			 c->module_title[s->suggested]);
		if (ui_width(line, strlen(line)) > text_w)
			snprintf(line, sizeof line, "Today: %s",
				 c->module_title[s->suggested]);
		ui_text(y++, left, text_w, line, ui_attr(ROLE_ACCENT));
		ui_wrap(y, left, text_w, room - 1, 0, text, ui_attr(ROLE_NORMAL));
	}
}

static int open_item(struct app *a, struct home *h, char key)
{
	switch (key) {
	case 'c': ui_open_checkin(a); break;
	case 'p': ui_open_pause(a); break;
	case 'n': ui_open_nocontact(a); break;
	case 'r': ui_open_write(a, MODULE_REFLECTION); break;
	case 'g': ui_open_growth(a); break;
	case 'a': ui_open_write(a, MODULE_ACCEPTANCE); break;
	case 'x': ui_open_exercises(a); break;
	case 'v': ui_open_review(a); break;
	case 'i':
		ui_open_insights_page(a, h->then_day   ? "then"
					 : h->week_due ? "week"
						       : "mood");
		break;
	case 'e': ui_open_export(a); break;
	case 'y': ui_open_path(a); break;
	case '?': ui_push(a, &help_screen, help_new(a->stack[a->depth - 1].screen)); break;
	case 'h': ui_open_helpnow(a); break;
	case 'l':
		if (!ui_lock(a))
			ui_message(a, false, "This journal is not encrypted; "
					     "there is nothing to lock.");
		break;
	case 'q': return UI_QUIT;
	default: return 0;
	}
	return UI_HANDLED;
}

static int home_key(struct app *a, void *st, int ch, bool code)
{
	struct home *h = st;
	if (code) {
		if (ch == KEY_UP && h->sel > 0)
			h->sel--;
		else if (ch == KEY_DOWN && h->sel < N_MENU - 1)
			h->sel++;
		else if (ch == KEY_ENTER)
			return open_item(a, h, menu[h->sel].key);
		else if (ch == UI_TICK)
			return 0;
		return UI_HANDLED;
	}
	if (ch == 'k' && h->sel > 0)
		h->sel--;
	else if (ch == 'j' && h->sel < N_MENU - 1)
		h->sel++;
	else if (ch == '\r' || ch == '\n')
		return open_item(a, h, menu[h->sel].key);
	else if (ch == 27)
		ui_message(a, false, "Press q to leave mend.");
	else if ((ch == 't' || ch == 's') && note_key(a, h, (char)ch))
		return UI_HANDLED;
	else if (ch < 128)
		return open_item(a, h, (char)ch);
	return UI_HANDLED;
}

static void home_resume(struct app *a, void *st)
{
	load(a, st);
}

static void home_leave(struct app *a, void *st)
{
	struct home *h = st;
	(void)a;
	journey_free(h->jy);
	free(st);
}

static const struct ui_screen home_screen = {
	.title = "Home",
	.module = -1,
	.keys = home_keys,
	.enter = home_enter,
	.draw = home_draw,
	.key = home_key,
	.leave = home_leave,
	.resume = home_resume,
};

void ui_open_home(struct app *a)
{
	struct home *h = calloc(1, sizeof *h);
	if (h)
		ui_push(a, &home_screen, h);
}
