/* SPDX-License-Identifier: MIT */
/* Home: the streak in large digits, the goal, today's check-in, thirty
 * days of mood, the suggestion for today, and the way to everything. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/checkin.h"
#include "mend/program.h"
#include "screens.h"

#define MOOD_DAYS 30

struct home {
	int sel;
	struct program_status s;
	int moods[MOOD_DAYS];
	bool loaded;
};

static const struct {
	char key;
	const char *label;
} menu[] = {
	{'c', "Daily check-in"}, {'n', "No contact"},   {'r', "Reflection"},
	{'g', "Self-improvement"}, {'a', "Acceptance"}, {'v', "Review"},
	{'e', "Export"},         {'?', "Help"},         {'q', "Quit"},
};
#define N_MENU ((int)(sizeof menu / sizeof menu[0]))

static const struct ui_key home_keys[] = {
	{"c", "check-in", "today's check-in, one question at a time"},
	{"n r g a", "modules", "no contact, reflection, self-improvement, "
			      "acceptance"},
	{"v", "review", "every entry, newest first, with search"},
	{"e", "export", "save the journal as a JSON file"},
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

static void load(struct app *a, struct home *h)
{
	struct mend_err err = {""};
	if (!ui_refresh(a))
		return;
	if (program_status(a->j, &h->s, &err) != MEND_OK ||
	    checkin_moods(a->j, MOOD_DAYS, h->moods, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	h->loaded = true;
}

static void home_enter(struct app *a, void *st)
{
	load(a, st);
}

static void draw_moods(int y, int x, const int *moods)
{
	static const wchar_t bars[] = L"▁▂▃▄▅▆▇█";
	ui_text(y, x, 40, "Mood, last 30 days", ui_attr(ROLE_MUTED));
	move(y + 1, x);
	for (int i = 0; i < MOOD_DAYS; i++) {
		if (moods[i] == 0) {
			ui_text(y + 1, x + i, 1, "·", ui_attr(ROLE_MUTED));
			continue;
		}
		char cell[8];
		wchar_t wc = bars[(moods[i] - 1) * 8 / 10];
		wctomb(NULL, 0);
		int n = wctomb(cell, wc);
		cell[n > 0 ? n : 0] = '\0';
		ui_text(y + 1, x + i, 1, cell,
			ui_attr(moods[i] <= 3 ? ROLE_WARNING : ROLE_GOOD));
	}
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
	int menu_x = COLS - 24, text_w = menu_x - left - 2;
	for (int i = 0; i < N_MENU && i < height; i++) {
		int attr = ui_attr(i == h->sel ? ROLE_SELECTED : ROLE_NORMAL);
		snprintf(line, sizeof line, " %c  %s", menu[i].key, menu[i].label);
		if (i == h->sel)
			ui_fill(top + i, menu_x, 22, attr);
		ui_text(top + i, menu_x, 22, line, attr);
	}
	if (!h->loaded)
		return;
	int y = top;
	if (s->nc.started) {
		big_number(y, left, s->nc.days, ui_attr(ROLE_TITLE));
		y += 6;
		if (s->nc.days < 3)
			snprintf(line, sizeof line, "day%s and %d hour%s without "
						    "contact",
				 s->nc.days == 1 ? "" : "s", s->nc.hours,
				 s->nc.hours == 1 ? "" : "s");
		else
			snprintf(line, sizeof line, "days without contact");
		ui_text(y++, left, text_w, line, ui_attr(ROLE_NORMAL));
		ui_bar(y, left, text_w > 30 ? 30 : text_w - 8, s->nc.days,
		       s->nc.goal_days, ui_attr(ROLE_GOOD));
		snprintf(line, sizeof line, " goal %d", s->nc.goal_days);
		ui_text(y++, left + (text_w > 30 ? 30 : text_w - 8), 10, line,
			ui_attr(ROLE_MUTED));
		if (s->nc.next_milestone)
			snprintf(line, sizeof line, "Next milestone: day %d",
				 s->nc.next_milestone);
		else
			snprintf(line, sizeof line, "Every milestone reached");
		ui_text(y++, left, text_w, line, ui_attr(ROLE_MUTED));
	} else {
		ui_wrap(y, left, text_w, 3, 0,
			"The no-contact timer has not started. Open No contact "
			"(n) to set the day of the last contact.",
			ui_attr(ROLE_NORMAL));
		y += 3;
	}
	y++;
	if (s->checked_in_today)
		snprintf(line, sizeof line, "Today's check-in: done, mood %d/10",
			 s->today_mood);
	else
		snprintf(line, sizeof line, "Today's check-in: not yet (c)");
	ui_text(y++, left, text_w, line,
		ui_attr(s->checked_in_today ? ROLE_GOOD : ROLE_ACCENT));
	y++;
	if (y + 2 < top + height) {
		draw_moods(y, left, h->moods);
		y += 3;
	}
	snprintf(line, sizeof line, "Suggested today: %s",
		 c->module_title[s->suggested]);
	ui_text(y++, left, text_w, line, ui_attr(ROLE_ACCENT));
	y += ui_wrap(y, left, text_w, top + height - y, 0, c->suggestion[s->reason],
		     ui_attr(ROLE_NORMAL));
	if (s->low_mood && y + 1 < top + height)
		ui_wrap(y + 1, left, text_w, top + height - y - 1, 0, c->low_mood,
			ui_attr(ROLE_WARNING));
}

static int open_item(struct app *a, char key)
{
	switch (key) {
	case 'c': ui_open_checkin(a); break;
	case 'n': ui_open_nocontact(a); break;
	case 'r': ui_open_write(a, MODULE_REFLECTION); break;
	case 'g': ui_open_growth(a); break;
	case 'a': ui_open_write(a, MODULE_ACCEPTANCE); break;
	case 'v': ui_open_review(a); break;
	case 'e': ui_open_export(a); break;
	case '?': ui_push(a, &help_screen, help_new(a->stack[a->depth - 1].screen)); break;
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
			return open_item(a, menu[h->sel].key);
		else if (ch == UI_TICK)
			return 0;
		return UI_HANDLED;
	}
	if (ch == 'k' && h->sel > 0)
		h->sel--;
	else if (ch == 'j' && h->sel < N_MENU - 1)
		h->sel++;
	else if (ch == '\r' || ch == '\n')
		return open_item(a, menu[h->sel].key);
	else if (ch == 27)
		return UI_QUIT;
	else if (ch < 128)
		return open_item(a, (char)ch);
	return UI_HANDLED;
}

static void home_resume(struct app *a, void *st)
{
	load(a, st);
}

static void home_leave(struct app *a, void *st)
{
	(void)a;
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
