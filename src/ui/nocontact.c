/* SPDX-License-Identifier: MIT */
/* No contact: the streak, milestones, the history of periods, and the
 * ways to get through an urge: write it down, write the message here
 * instead of sending it, seal a letter to yourself. Contacts are logged
 * honestly; the history is never rewritten. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/nocontact.h"
#include "screens.h"

#define MAX_LETTERS 50

struct nc {
	struct nocontact_status s;
	struct period *periods;
	size_t n_periods;
	struct entry *letters[MAX_LETTERS];
	int n_letters;
	int sel_letter; /* the letter Enter opens */
	/* a contact being logged */
	const char *initiator, *channel;
	bool necessary;
	int urge_level;
	int seal_day;
	char start_date[CLOCK_DATE_LEN]; /* a start being asked about */
	bool can_undo;                   /* a contact restarted the count */
	char undo_at[CLOCK_ISO_LEN];     /* when it was logged */
};

static const struct ui_key nc_keys[] = {
	{"u", "urge", "write down an urge instead of acting on it"},
	{"w", "unsent", "write the message here instead; it is never sent"},
	{"l", "letter", "seal a letter to yourself until a streak day"},
	{"↑↓ Enter", NULL, "choose a letter to yourself and open it where it "
			   "is listed (a sealed one says when it opens)"},
	{"c", "contact", "log a contact honestly; the history is kept"},
	{"s", NULL, "set or move the day of the last contact"},
	{"g", "goal", "change the goal, the days you aim for"},
	{"p", "prompts", "write to a prompt about no contact"},
	{"x", NULL, "undo the last contact that restarted the count, if it "
		    "was logged by mistake"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

/* A stored time as the user reads it: local, to the minute. */
static void local_time(const char *iso, char out[32])
{
	time_t t;
	struct tm tm;
	if (!clock_parse_iso(iso, &t) || !localtime_r(&t, &tm) ||
	    !strftime(out, 32, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, 32, "%.16s", iso);
}

static int keep_letter(const struct entry *e, void *ctx)
{
	struct nc *n = ctx;
	if (e->kind != KIND_SEALED)
		return 0;
	if (n->n_letters >= MAX_LETTERS)
		return 1;
	if ((n->letters[n->n_letters] = entry_dup(e)))
		n->n_letters++;
	return 0;
}

static void load(struct app *a, struct nc *n)
{
	struct mend_err err = {""};
	const struct period_list *pl;
	struct journal_query q = {.module = MODULE_NOCONTACT};

	if (!ui_refresh(a))
		return;
	for (int i = 0; i < n->n_letters; i++)
		entry_free(n->letters[i]);
	n->n_letters = 0;
	free(n->periods);
	n->periods = NULL;
	n->n_periods = 0;
	if (nocontact_status(a->j, &n->s, &err) != MEND_OK ||
	    journal_periods(a->j, &pl, &err) != MEND_OK ||
	    journal_list(a->j, &q, keep_letter, n, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	if (n->sel_letter >= n->n_letters)
		n->sel_letter = n->n_letters ? n->n_letters - 1 : 0;
	n->can_undo = nocontact_last_restart(a->j, n->undo_at, &err) == MEND_OK;
	n->periods = malloc((pl->n ? pl->n : 1) * sizeof *n->periods);
	if (n->periods) {
		memcpy(n->periods, pl->items, pl->n * sizeof *pl->items);
		n->n_periods = pl->n;
	}
}

static void nc_enter(struct app *a, void *st)
{
	load(a, st);
}

static void nc_draw(struct app *a, void *st)
{
	struct nc *n = st;
	int top, left, width, height, y;
	char line[200];

	ui_frame(a, "No contact", nc_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	if (!n->s.started) {
		ui_wrap(y, left, width, 3, 0,
			"The timer has not started. Press s to give the day of "
			"the last contact.",
			ui_attr(ROLE_ACCENT));
		return;
	}
	snprintf(line, sizeof line, "Day %ld of no contact", n->s.days);
	if (n->s.days < 3)
		snprintf(line + strlen(line), sizeof line - strlen(line),
			 ", %d hour%s", n->s.hours, n->s.hours == 1 ? "" : "s");
	ui_text(y++, left, width, line, ui_attr(ROLE_TITLE));
	ui_bar(y, left, 30 < width - 12 ? 30 : width - 12, n->s.days,
	       n->s.goal_days, ui_attr(ROLE_GOOD));
	snprintf(line, sizeof line, " goal %d days", n->s.goal_days);
	ui_text(y++, left + (30 < width - 12 ? 30 : width - 12), 14, line,
		ui_attr(ROLE_MUTED));
	line[0] = '\0';
	for (size_t i = 0; i < a->j->content->n_milestones; i++) {
		int d = a->j->content->milestones[i].day;
		if (d > n->s.days)
			break;
		snprintf(line + strlen(line), sizeof line - strlen(line),
			 "%s%d", line[0] ? ", " : "Milestones reached: day ", d);
	}
	if (!line[0])
		snprintf(line, sizeof line, "No milestone yet; the first is day 1.");
	ui_text(y++, left, width, line, ui_attr(ROLE_GOOD));
	if (n->s.next_milestone) {
		snprintf(line, sizeof line, "Next: day %d. Longest stretch: %ld "
					    "day%s.",
			 n->s.next_milestone, n->s.longest_days,
			 n->s.longest_days == 1 ? "" : "s");
		ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
	}
	y++;
	ui_text(y++, left, width, "Periods", ui_attr(ROLE_TITLE));
	int rows = (top + height - y) / 2;
	for (size_t i = n->n_periods; i-- > 0 && rows-- > 0;) {
		const struct period *p = &n->periods[i];
		long d = nocontact_period_days(a->j, p);
		snprintf(line, sizeof line, "%.10s  to  %.10s   %ld day%s",
			 p->started_at, p->ended_at[0] ? p->ended_at : "now       ",
			 d, d == 1 ? "" : "s");
		ui_text(y++, left, width, line, ui_attr(ROLE_NORMAL));
	}
	if (n->can_undo && y < top + height) {
		char when[32];
		local_time(n->undo_at, when);
		snprintf(line, sizeof line,
			 "x  undo the contact of %s, if it was a mistake", when);
		ui_text(y++, left, width, line, ui_attr(ROLE_MUTED));
	}
	if (n->n_letters && y + 1 < top + height) {
		y++;
		ui_text(y++, left, width, "Letters to yourself", ui_attr(ROLE_TITLE));
		for (int i = 0; i < n->n_letters && y < top + height; i++) {
			const struct entry *e = n->letters[i];
			bool open = journal_letter_open(a->j, e);
			snprintf(line, sizeof line, "written %.10s · %s day %d",
				 e->created_at, open ? "opened on" : "sealed until",
				 e->open_day);
			ui_text(y++, left, width, line,
				i == n->sel_letter
				    ? ui_attr(ROLE_SELECTED)
				    : ui_attr(open ? ROLE_GOOD : ROLE_MUTED));
		}
		if (y < top + height)
			ui_text(y, left, width,
				"Enter opens the letter chosen (↑↓).",
				ui_attr(ROLE_MUTED));
	}
}

/* --- start date and goal --- */

static void start_saved(struct app *a, struct nc *n, enum mend_rc rc,
			const struct mend_err *err)
{
	if (rc != MEND_OK)
		ui_error(a, err);
	else
		ui_message(a, false, "Saved: counting from %s.", n->start_date);
	load(a, n);
}

static void got_later_start(struct app *a, void *ctx, int choice,
			    const char *text)
{
	struct nc *n = ctx;
	struct mend_err err = {""};
	(void)text;
	if (choice < 1 || !ui_refresh(a)) {
		if (choice == 0 || choice < 0)
			ui_message(a, false, "Nothing changed; your count goes on.");
		return;
	}
	start_saved(a, n,
		    choice == 1
			    ? nocontact_restart_from(a->j, n->start_date, &err)
			    : nocontact_start(a->j, n->start_date, ENTRY_NONE,
					      NULL, &err),
		    &err);
}

static void got_start(struct app *a, void *ctx, int choice, const char *text)
{
	struct nc *n = ctx;
	struct mend_err err = {""};
	struct mend_date d, cur;
	char cur_date[CLOCK_DATE_LEN], question[400];
	time_t t;
	(void)choice;
	if (!ui_refresh(a))
		return;
	snprintf(n->start_date, sizeof n->start_date, "%.10s", text);
	if (!n->s.started || !clock_parse_date(text, &d) || strlen(text) != 10 ||
	    !clock_parse_iso(n->s.period_start, &t)) {
		start_saved(a, n,
			    nocontact_start(a->j, text, ENTRY_NONE, NULL, &err),
			    &err);
		return;
	}
	cur = clock_local_date(t);
	clock_format_date(cur, cur_date);
	long shorter = clock_days_from_civil(d) - clock_days_from_civil(cur);
	if (shorter == 0) {
		ui_message(a, false, "You are already counting from %s.", text);
		return;
	}
	if (shorter < 0 || clock_local_midnight(d) > a->j->now) {
		/* an earlier day only lengthens the count; the core refuses
		 * the future and dates before the contact that began it */
		start_saved(a, n,
			    nocontact_start(a->j, text, ENTRY_NONE, NULL, &err),
			    &err);
		return;
	}
	long after = n->s.days - shorter;
	snprintf(question, sizeof question,
		 "Counting from %s instead of %s makes your count %ld day%s "
		 "instead of %ld.",
		 text, cur_date, after < 0 ? 0 : after, after == 1 ? "" : "s",
		 n->s.days);
	static const struct ui_choice answers[] = {
		{"No, keep counting from before", 'n', false},
		{"Begin a new stretch from that day; the days before stay in "
		 "your history",
		 'b', false},
		{"The old date was a mistake: correct it", 0, true},
	};
	ui_choose(a, "No contact", question, answers, 3, 0, got_later_start, n);
}

static void ask_start(struct app *a, struct nc *n)
{
	char day[CLOCK_DATE_LEN];
	time_t t;
	if (n->s.started && clock_parse_iso(n->s.period_start, &t))
		clock_format_date(clock_local_date(t), day);
	else
		clock_format_date(clock_local_date(a->j->now), day);
	ui_ask_text(a, "No contact",
		    n->s.started ? "The day of the last contact (YYYY-MM-DD); "
				   "your count starts from it:"
				 : "The day of the last contact (YYYY-MM-DD):",
		    day, got_start, n);
}

static void got_goal(struct app *a, void *ctx, int choice, const char *text)
{
	struct nc *n = ctx;
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
		ui_message(a, false, "Your goal: %ld days.", goal);
	load(a, n);
}

static void ask_goal(struct app *a, struct nc *n)
{
	char num[16];
	snprintf(num, sizeof num, "%d", n->s.goal_days);
	ui_ask_text(a, "Your goal",
		    "How many days of no contact would you like to aim for?",
		    num, got_goal, n);
}

/* --- undo a mistaken contact --- */

static void got_undo(struct app *a, void *ctx, int choice, const char *text)
{
	struct nc *n = ctx;
	struct contact_undo u;
	struct mend_err err = {""};
	(void)text;
	if (choice != 1 || !ui_refresh(a))
		return;
	if (nocontact_undo_contact(a->j, &u, &err) != MEND_OK)
		ui_error(a, &err);
	else if (u.started)
		ui_message(a, false, "Undone, as if it never happened. Day %ld of "
				     "no contact.",
			   u.days);
	else
		ui_message(a, false, "Undone, as if it never happened.");
	load(a, n);
}

static void ask_undo(struct app *a, struct nc *n)
{
	char when[32], question[300];
	static const struct ui_choice answers[] = {
		{"No, keep it", 'n', false},
		{"Undo it", 0, true},
	};
	if (!n->can_undo) {
		ui_message(a, false, "No logged contact restarted your count; "
				     "there is nothing to undo.");
		return;
	}
	local_time(n->undo_at, when);
	snprintf(question, sizeof question,
		 "Undo the contact you logged on %s? It is deleted, and your "
		 "count joins up again as if it never happened.",
		 when);
	ui_choose(a, "No contact", question, answers, 2, 0, got_undo, n);
}

/* --- urge --- */

static void got_urge_note(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct nc *n = ctx;
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (nocontact_log_urge(a->j, n->urge_level, text, uuid, &err) != MEND_OK)
		ui_error(a, &err);
	else
		ui_message(a, false, "%s",
			   a->j->content->urge_logged[(size_t)journal_today(a->j) %
						      a->j->content->n_urge_logged]);
	load(a, n);
}

static void got_urge_level(struct app *a, void *ctx, int choice,
			   const char *text)
{
	struct nc *n = ctx;
	(void)text;
	n->urge_level = choice + 1;
	ui_ask_text(a, "Urge", "What set it off, or what did you want to say? "
			       "(optional)",
		    "", got_urge_note, n);
}

static void ask_urge(struct app *a, struct nc *n)
{
	static const char *const levels[] = {
		"1  a passing thought", "2", "3", "4", "5  hard to ignore",
		"6", "7", "8", "9", "10 overwhelming"};
	ui_pick(a, "How strong is the urge?", levels, 10, 4, got_urge_level, n);
}

/* --- contact --- */

static void got_contact_note(struct app *a, void *ctx, int choice,
			     const char *text)
{
	struct nc *n = ctx;
	struct contact_input in = {n->initiator, n->channel, n->necessary, text};
	struct contact_result r;
	struct mend_err err = {""};
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (nocontact_log_contact(a->j, &in, &r, &err) != MEND_OK) {
		ui_error(a, &err);
	} else if (r.restarted) {
		const struct content *c = a->j->content;
		ui_message(a, false, "%s",
			   c->slip[(size_t)journal_today(a->j) % c->n_slip]);
		ui_open_slip(a, false); /* three questions, all skippable */
	} else {
		ui_message(a, false, "Logged. It is in your history, and your "
				     "count goes on.");
	}
	load(a, n);
}

static void ask_contact_note(struct app *a, struct nc *n)
{
	ui_ask_text(a, "Contact", "What happened, in a few words (optional).",
		    "", got_contact_note, n);
}

static void confirmed_restart(struct app *a, void *ctx, int choice,
			      const char *text)
{
	(void)text;
	if (choice != 1) {
		ui_message(a, false, "Nothing was logged.");
		return;
	}
	ask_contact_note(a, ctx);
}

static void got_necessary(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct nc *n = ctx;
	(void)text;
	n->necessary = choice == 1;
	if (strcmp(n->initiator, "me") == 0 && !n->necessary)
		ui_ask(a, "This starts your count again from today. Log it?",
		       confirmed_restart, n);
	else
		ask_contact_note(a, n);
}

static void got_channel(struct app *a, void *ctx, int choice, const char *text)
{
	struct nc *n = ctx;
	static const char *const channels[] = {"text", "call", "social",
					       "in-person", "other"};
	(void)text;
	n->channel = channels[choice];
	ui_ask(a, "Was it necessary (children, shared bills, work)?",
	       got_necessary, n);
}

static void got_initiator(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct nc *n = ctx;
	static const char *const channels[] = {"a text or message", "a call",
					       "social media", "in person",
					       "something else"};
	(void)text;
	if (choice < 0)
		return;
	n->initiator = choice == 0 ? "them" : "me";
	ui_pick(a, "How?", channels, 5, 0, got_channel, n);
}

static void ask_contact(struct app *a, struct nc *n)
{
	/* "They reached out" comes first and is highlighted: the answer
	 * that restarts the count is never the one Enter takes by itself. */
	static const struct ui_choice who[] = {
		{"They reached out, and I did not reply", 't', false},
		{"I reached out, or I replied", 'm', false},
	};
	ui_choose(a, "Contact", "Who reached out?", who, 2, 0, got_initiator, n);
}

/* --- unsent and sealed --- */

static bool save_unsent(struct app *a, void *ctx, const char *text, size_t len)
{
	char uuid[UUID_LEN];
	struct mend_err err = {""};
	(void)ctx;
	if (nocontact_write_unsent(a->j, text, len, uuid, &err) != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Kept here. It was not sent, and never will be.");
	return true;
}

static bool save_letter(struct app *a, void *ctx, const char *text, size_t len)
{
	struct nc *n = ctx;
	char uuid[UUID_LEN];
	struct mend_err err = {""};
	if (nocontact_seal(a->j, n->seal_day, text, len, uuid, &err) != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	ui_message(a, false, "Sealed until day %d.", n->seal_day);
	return true;
}

static void open_unsent(struct app *a, struct nc *n, const char *initial)
{
	struct ui_edit_spec spec = {
		.title = "Unsent message",
		.prompt = "Write what you want to tell them. It stays here and "
			  "is never sent.",
		.initial = initial,
		.initial_is_draft = initial != NULL,
		.draft_context = "unsent:",
		.save = save_unsent,
		.ctx = n,
	};
	ui_edit(a, &spec);
}

static void open_letter(struct app *a, struct nc *n, const char *initial)
{
	char context[32], prompt[160];
	snprintf(context, sizeof context, "sealed:%d", n->seal_day);
	snprintf(prompt, sizeof prompt,
		 "A letter to yourself. It stays sealed until day %d of no "
		 "contact.",
		 n->seal_day);
	struct ui_edit_spec spec = {
		.title = "Sealed letter",
		.prompt = prompt,
		.initial = initial,
		.initial_is_draft = initial != NULL,
		.draft_context = context,
		.save = save_letter,
		.ctx = n,
	};
	ui_edit(a, &spec);
}

static void got_seal_day(struct app *a, void *ctx, int choice,
			 const char *text)
{
	struct nc *n = ctx;
	char *end;
	long d = strtol(text, &end, 10);
	(void)choice;
	if (*end || d <= n->s.days || d > JOURNAL_GOAL_MAX) {
		ui_message(a, true,
			   "Choose a day from %ld to %d for the letter.",
			   n->s.days + 1, JOURNAL_GOAL_MAX);
		return;
	}
	n->seal_day = (int)d;
	open_letter(a, n, NULL);
}

static int nc_key(struct app *a, void *st, int ch, bool code)
{
	struct nc *n = st;
	char label[80];
	if (code && ch == KEY_UP && n->sel_letter > 0)
		n->sel_letter--;
	else if (code && ch == KEY_DOWN && n->sel_letter + 1 < n->n_letters)
		n->sel_letter++;
	else if (n->n_letters && n->sel_letter < n->n_letters &&
		 ((code && ch == KEY_ENTER) ||
		  (!code && (ch == '\r' || ch == '\n'))))
		ui_open_entry(a, n->letters[n->sel_letter]->uuid);
	if (code)
		return ch == UI_TICK ? 0 : UI_HANDLED;
	switch (ch) {
	case 's':
		ask_start(a, n);
		break;
	case 'g':
		ask_goal(a, n);
		break;
	case 'x':
		ask_undo(a, n);
		break;
	case 'p':
		ui_open_write(a, MODULE_NOCONTACT);
		break;
	case 'u':
		ask_urge(a, n);
		break;
	case 'c':
		ask_contact(a, n);
		break;
	case 'w':
		open_unsent(a, n, NULL);
		break;
	case 'l':
		if (!n->s.started) {
			ui_message(a, true, "Start the timer first (s).");
			break;
		}
		snprintf(label, sizeof label, "%ld", n->s.days + 7);
		ui_ask_text(a, "Sealed letter",
			    "Open it on which day of no contact?", label,
			    got_seal_day, n);
		break;
	case 27:
	case 'q':
		return UI_POP;
	}
	return UI_HANDLED;
}

static void nc_resume(struct app *a, void *st)
{
	load(a, st);
}

static void nc_leave(struct app *a, void *st)
{
	struct nc *n = st;
	(void)a;
	for (int i = 0; i < n->n_letters; i++)
		entry_free(n->letters[i]);
	free(n->periods);
	free(n);
}

static const struct ui_screen nc_screen = {
	.title = "No contact",
	.module = MODULE_NOCONTACT,
	.keys = nc_keys,
	.enter = nc_enter,
	.draw = nc_draw,
	.key = nc_key,
	.leave = nc_leave,
	.resume = nc_resume,
};

static struct nc *push(struct app *a)
{
	struct nc *n = calloc(1, sizeof *n);
	if (n)
		ui_push(a, &nc_screen, n);
	return n;
}

void ui_open_nocontact(struct app *a)
{
	push(a);
}

bool ui_restore_nocontact(struct app *a, const char *context, const char *text)
{
	struct nc *n;
	if (strncmp(context, "unsent:", 7) == 0 && (n = push(a))) {
		open_unsent(a, n, text);
		return true;
	}
	if (strncmp(context, "sealed:", 7) == 0 && (n = push(a))) {
		n->seal_day = atoi(context + 7);
		open_letter(a, n, text);
		return true;
	}
	return false;
}
