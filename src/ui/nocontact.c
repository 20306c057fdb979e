/* SPDX-License-Identifier: MIT */
/* No contact: the streak, milestones, the history of periods, and the
 * ways to get through an urge: write it down, write the message here
 * instead of sending it, seal a letter to yourself. Contacts are logged
 * honestly; the history is never rewritten. */
#include <curses.h>
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
	/* a contact being logged */
	const char *initiator, *channel;
	bool necessary;
	int urge_level;
	int seal_day;
};

static const struct ui_key nc_keys[] = {
	{"u", "urge", "write down an urge instead of acting on it"},
	{"w", "unsent", "write the message here instead; it is never sent"},
	{"l", "letter", "seal a letter to yourself until a streak day"},
	{"c", "contact", "log a contact honestly; the history is kept"},
	{"s", "start", "set or move the day of the last contact"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

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
				ui_attr(open ? ROLE_GOOD : ROLE_MUTED));
		}
	}
}

/* --- start date --- */

static void got_start(struct app *a, void *ctx, int choice, const char *text)
{
	struct nc *n = ctx;
	struct mend_err err = {""};
	(void)choice;
	if (!ui_refresh(a))
		return;
	if (nocontact_start(a->j, text, ENTRY_NONE, NULL, &err) != MEND_OK)
		ui_error(a, &err);
	else
		ui_message(a, false, "Saved: counting from %s.", text);
	load(a, n);
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
	} else {
		ui_message(a, false, "Logged. It is in your history, and your "
				     "count goes on.");
	}
	load(a, n);
}

static void got_necessary(struct app *a, void *ctx, int choice,
			  const char *text)
{
	struct nc *n = ctx;
	(void)text;
	n->necessary = choice == 1;
	ui_ask_text(a, "Contact", "What happened, in a few words (optional).",
		    "", got_contact_note, n);
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
	n->initiator = choice == 0 ? "me" : "them";
	ui_pick(a, "How?", channels, 5, 0, got_channel, n);
}

static void ask_contact(struct app *a, struct nc *n)
{
	static const char *const who[] = {
		"I reached out",
		"They reached out, and I did not reply"};
	ui_pick(a, "Who reached out?", who, 2, 0, got_initiator, n);
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
		ui_message(a, true, "until-day: '%.20s' is not a day in %ld..%d",
			   text, n->s.days + 1, JOURNAL_GOAL_MAX);
		return;
	}
	n->seal_day = (int)d;
	open_letter(a, n, NULL);
}

static int nc_key(struct app *a, void *st, int ch, bool code)
{
	struct nc *n = st;
	char today[CLOCK_DATE_LEN], label[80];
	if (code)
		return ch == UI_TICK ? 0 : UI_HANDLED;
	switch (ch) {
	case 's':
		clock_format_date(clock_local_date(a->j->now), today);
		ui_ask_text(a, "No contact",
			    "The day of the last contact (YYYY-MM-DD):", today,
			    got_start, n);
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
