/* SPDX-License-Identifier: MIT */
/* The exercises from the research: the list (home's x), and one screen
 * per exercise that shows its steps and source, asks the rumination
 * question before expressive writing, opens the editor on the exercise's
 * headings with a countdown where it has a timer, then asks the rating
 * the exercise ends with (mood after planning, weekly clarity after who
 * am I now). The words and the saving are the core's (mend/exercise.h);
 * a draft kept by the editor brings the writing back after a break. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mend/exercise.h"
#include "screens.h"

/* --- one exercise --- */

enum phase {
	PHASE_INTRO,   /* the steps; Enter begins */
	PHASE_WRITING, /* the editor is open above */
	PHASE_RATE,    /* the editor closed: ask the rating next */
	PHASE_RATING,  /* the rating dialog is open */
	PHASE_DONE,    /* saved */
};

struct exflow {
	struct exercises *xs;
	enum exercise_id id;
	enum phase phase;
	bool gentler;	/* offered after the rumination question */
	int scroll;	/* lines of the steps scrolled away */
	time_t started; /* when writing began, 0 when restored */
	int seconds;	/* time spent writing, ENTRY_NONE when not known */
	char *text;	/* written, kept until the rating saves it; owned */
	int rating;	/* the mood or clarity given, ENTRY_NONE if none */
	bool saved;
	char saved_uuid[UUID_LEN];
	int days_done; /* days of the last four with this exercise */
};

static const struct ui_key intro_keys[] = {
    {"Enter", "begin", "begin the exercise"},
    {"↑↓", "scroll", "scroll the steps"},
    {"Esc", "back", "back to the exercises (also q)"},
    {NULL, NULL, NULL},
};

static const struct ui_key done_keys[] = {
    {"Enter", "back", "back to the exercises (also Esc or q)"},
    {NULL, NULL, NULL},
};

static const struct exercise_info *info(const struct exflow *x)
{
	return exercises_get(x->xs, x->id);
}

static void exflow_draw_intro(struct app *a, struct exflow *x)
{
	const struct exercise_info *xi = info(x);
	int top, left, width, height, y;
	char line[160];
	ui_frame(a, xi->title, intro_keys);
	ui_area(&top, &left, &width, &height);
	int end = top + height;
	y = top;
	ui_text(y++, left, width, exercise_source_line(xi, line, sizeof line),
		ui_attr(ROLE_MUTED));
	if (x->gentler) {
		int n = ui_wrap(++y, left, width, 4, 0, x->xs->gentler_why,
				ui_attr(ROLE_ACCENT));
		y += n > 4 ? 4 : n;
	} else if (x->days_done > 0) {
		/* meant for a few days in a row: where they are in it */
		snprintf(line, sizeof line,
			 "You have written on %d of the last 4 days.",
			 x->days_done);
		ui_text(++y, left, width, line, ui_attr(ROLE_GOOD));
		y++;
	}
	y++;
	/* the steps, numbered, one paragraph each */
	size_t need = 1;
	for (size_t i = 0; i < xi->n_steps; i++)
		need += strlen(xi->steps[i]) + 8;
	char *steps = malloc(need), *p = steps;
	if (!steps)
		return;
	for (size_t i = 0; i < xi->n_steps; i++)
		p +=
		    sprintf(p, "%s%zu. %s", i ? "\n" : "", i + 1, xi->steps[i]);
	int room = end - y - 2;
	int total = ui_wrap(0, 0, width, 0, 0, steps, 0);
	if (x->scroll > total - room)
		x->scroll = total - room > 0 ? total - room : 0;
	if (room > 0)
		ui_wrap(y, left, width, room, x->scroll, steps,
			ui_attr(ROLE_NORMAL));
	free(steps);
	if (xi->timer)
		snprintf(line, sizeof line,
			 "Press Enter to begin; a %d-minute timer starts.",
			 xi->timer / 60);
	else
		snprintf(line, sizeof line, "Press Enter to begin.");
	if (total > room && room > 0)
		ui_text(end - 2, left, width, "↓ more", ui_attr(ROLE_MUTED));
	ui_text(end - 1, left, width, line, ui_attr(ROLE_ACCENT));
}

static void exflow_draw_done(struct app *a, struct exflow *x)
{
	const struct exercise_info *xi = info(x);
	int top, left, width, height, y;
	char line[160];
	ui_frame(a, xi->title, done_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	ui_text(y++, left, width, "Saved.", ui_attr(ROLE_GOOD));
	y++;
	y += ui_wrap(y, left, width, top + height - y - 3, 0, xi->after,
		     ui_attr(ROLE_NORMAL));
	line[0] = '\0';
	if (x->id == EXERCISE_WHOAMI && x->rating != ENTRY_NONE)
		snprintf(line, sizeof line, "Clarity this week: %d of %d.",
			 x->rating, CLARITY_MAX);
	else if (x->id == EXERCISE_PLAN && x->rating != ENTRY_NONE)
		snprintf(line, sizeof line, "Mood after: %d/10.", x->rating);
	if (line[0] && y + 1 < top + height)
		ui_text(++y, left, width, line, ui_attr(ROLE_ACCENT));
	ui_text(top + height - 1, left, width,
		"Press Enter to go back to the exercises.",
		ui_attr(ROLE_MUTED));
}

static void exflow_draw(struct app *a, void *st)
{
	struct exflow *x = st;
	if (x->phase == PHASE_DONE)
		exflow_draw_done(a, x);
	else
		exflow_draw_intro(a, x);
}

static bool save_entry(struct app *a, struct exflow *x, const char *text,
		       size_t len, int mood)
{
	struct mend_err err = {""};
	struct exercise_input in = {x->id, x->seconds, mood, ENTRY_NONE};
	char *tidy = NULL;
	if (!ui_refresh(a))
		return false;
	tidy = exercise_tidy(info(x), text, len);
	if (!tidy) {
		ui_message(a, true,
			   "There was not enough memory to keep this.");
		return false;
	}
	enum mend_rc rc =
	    exercise_save(a->j, &in, tidy, strlen(tidy), x->saved_uuid, &err);
	free(tidy);
	if (rc != MEND_OK) {
		ui_error(a, &err);
		return false;
	}
	x->saved = true;
	return true;
}

static bool save_written(struct app *a, void *ctx, const char *text, size_t len)
{
	struct exflow *x = ctx;
	const struct exercise_info *xi = info(x);
	if (exercise_text_empty(xi, text, len)) {
		ui_message(a, false,
			   "A few words under any heading are enough.");
		return false;
	}
	if (x->started) {
		long spent = (long)(time(NULL) - x->started);
		x->seconds = spent < 0 ? 0
			     : spent > EXERCISE_SECONDS_MAX
				 ? EXERCISE_SECONDS_MAX
				 : (int)spent;
	}
	if (x->id == EXERCISE_PLAN) {
		/* saved with the mood once it is given (or left out) */
		free(x->text);
		x->text = malloc(len + 1);
		if (!x->text) {
			ui_message(a, true,
				   "There was not enough memory to "
				   "keep this.");
			return false;
		}
		memcpy(x->text, text, len);
		x->text[len] = '\0';
		x->phase = PHASE_RATE;
		return true;
	}
	if (!save_entry(a, x, text, len, ENTRY_NONE))
		return false;
	x->phase = x->id == EXERCISE_WHOAMI ? PHASE_RATE : PHASE_DONE;
	return true;
}

static void draft_context(const struct exflow *x, char *buf, size_t n)
{
	snprintf(buf, n, "exercise:%s", exercise_id_name(x->id));
}

static void open_editor(struct app *a, struct exflow *x, const char *text)
{
	const struct exercise_info *xi = info(x);
	char context[48];
	char *tmpl = text ? NULL : exercise_template(xi);
	if (!text && !tmpl) {
		ui_message(a, true, "There was not enough memory for this.");
		return;
	}
	draft_context(x, context, sizeof context);
	struct ui_edit_spec spec = {
	    .title = xi->title,
	    .prompt = xi->line,
	    .initial = text ? text : tmpl,
	    .initial_is_draft = text != NULL,
	    .draft_context = context,
	    /* just under the first heading */
	    .start_at = text ? 0 : strlen(xi->parts[0]) + 2,
	    .timer = text ? 0 : xi->timer,
	    .save = save_written,
	    .ctx = x,
	};
	x->started = text ? 0 : time(NULL);
	x->seconds = ENTRY_NONE;
	x->phase = PHASE_WRITING;
	ui_edit(a, &spec);
	free(tmpl);
}

static void got_rumination(struct app *a, void *ctx, int choice,
			   const char *text)
{
	struct exflow *x = ctx;
	(void)text;
	if (choice == 1) {
		/* a gentler exercise first; they can begin it with Enter */
		x->id = exercise_for_rumination(1);
		x->gentler = true;
		x->scroll = 0;
		return;
	}
	open_editor(a, x, NULL);
}

static void got_rating(struct app *a, void *ctx, int choice, const char *text)
{
	struct exflow *x = ctx;
	struct mend_err err = {""};
	char uuid[UUID_LEN];
	(void)text;
	x->rating = choice >= 0 ? choice + 1 : ENTRY_NONE;
	if (x->id == EXERCISE_PLAN) {
		if (!x->text ||
		    !save_entry(a, x, x->text, strlen(x->text), x->rating)) {
			x->phase = PHASE_RATE; /* the text is still here */
			return;
		}
		free(x->text);
		x->text = NULL;
	} else if (x->rating != ENTRY_NONE &&
		   (!ui_refresh(a) ||
		    exercise_clarity_save(a->j, x->rating, NULL, 0, uuid,
					  &err) != MEND_OK)) {
		if (err.msg[0])
			ui_error(a, &err);
		x->rating = ENTRY_NONE;
	}
	x->phase = PHASE_DONE;
}

static void ask_rating(struct app *a, struct exflow *x)
{
	static const char *const mood_items[] = {
	    "1  very low", "2", "3", "4", "5  in between",
	    "6",	   "7", "8", "9", "10  very good"};
	char clarity[CLARITY_MAX][80];
	const char *items[CLARITY_MAX];
	x->phase = PHASE_RATING;
	if (x->id == EXERCISE_PLAN) {
		ui_pick(a, "Your mood after it (Esc: leave it out)", mood_items,
			10, 4, got_rating, x);
		return;
	}
	for (int i = 0; i < CLARITY_MAX; i++) {
		snprintf(clarity[i], sizeof clarity[i], "%d%s%s", i + 1,
			 i == 0			? "  "
			 : i == CLARITY_MAX - 1 ? "  "
						: "",
			 i == 0			? x->xs->clarity_low
			 : i == CLARITY_MAX - 1 ? x->xs->clarity_high
						: "");
		items[i] = clarity[i];
	}
	ui_pick(a, x->xs->clarity_question, items, CLARITY_MAX, 3, got_rating,
		x);
}

static void exflow_resume(struct app *a, void *st)
{
	struct exflow *x = st;
	if (x->phase == PHASE_WRITING) /* left the editor: keep the draft */
		x->phase = PHASE_INTRO;
	else if (x->phase == PHASE_RATE)
		ask_rating(a, x);
	else if (x->phase == PHASE_RATING) /* left the rating with Esc */
		got_rating(a, x, -1, NULL);
}

static int exflow_key(struct app *a, void *st, int ch, bool code)
{
	struct exflow *x = st;
	if (x->phase == PHASE_DONE) {
		if (code)
			return ch == KEY_ENTER ? UI_POP
			       : ch == UI_TICK ? 0
					       : UI_HANDLED;
		return ch == '\r' || ch == '\n' || ch == 27 || ch == 'q'
			   ? UI_POP
			   : UI_HANDLED;
	}
	if (code) {
		if (ch == KEY_UP && x->scroll > 0)
			x->scroll--;
		else if (ch == KEY_DOWN)
			x->scroll++;
		else if (ch == KEY_ENTER)
			goto begin;
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	if (ch == 27 || ch == 'q')
		return UI_POP;
	if (ch == '\r' || ch == '\n')
		goto begin;
	return UI_HANDLED;
begin:
	if (x->id == EXERCISE_EXPRESSIVE && !x->gentler)
		ui_ask(a, x->xs->rumination, got_rumination, x);
	else
		open_editor(a, x, NULL);
	return UI_HANDLED;
}

static void exflow_leave(struct app *a, void *st)
{
	struct exflow *x = st;
	(void)a;
	free(x->text);
	exercises_free(x->xs);
	free(x);
}

static const struct ui_screen exflow_screen = {
    .title = "Exercise",
    .module = MODULE_PATH,
    .keys = intro_keys,
    .draw = exflow_draw,
    .key = exflow_key,
    .leave = exflow_leave,
    .resume = exflow_resume,
};

static struct exflow *exflow_new(struct app *a, enum exercise_id id)
{
	struct mend_err err = {""};
	struct exflow *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	if (exercises_load(&x->xs, &err) != MEND_OK) {
		ui_error(a, &err);
		free(x);
		return NULL;
	}
	x->id = id;
	x->seconds = ENTRY_NONE;
	x->rating = ENTRY_NONE;
	return x;
}

static void open_exercise(struct app *a, enum exercise_id id)
{
	struct mend_err err = {""};
	struct exflow *x = exflow_new(a, id);
	if (!x)
		return;
	if (id == EXERCISE_EXPRESSIVE && ui_refresh(a) &&
	    exercise_days_done(a->j, id, 4, &x->days_done, &err) != MEND_OK)
		ui_error(a, &err);
	ui_push(a, &exflow_screen, x);
}

/* --- the list --- */

struct exlist {
	struct exercises *xs;
	enum exercise_id shown[EXERCISE_COUNT];
	int n, sel;
};

static const struct ui_key list_keys[] = {
    {"↑↓ Enter", "open",
     "move and open an exercise (a number opens "
     "its exercise)"},
    {"Esc", "back", "back home (also q)"},
    {NULL, NULL, NULL},
};

static void exlist_draw(struct app *a, void *st)
{
	struct exlist *l = st;
	int top, left, width, height, y;
	char line[160];
	ui_frame(a, "Exercises", list_keys);
	ui_area(&top, &left, &width, &height);
	int end = top + height;
	y = top;
	y += ui_wrap(y, left, width, 2, 0,
		     "From the research. They help many people; they are not "
		     "treatment.",
		     ui_attr(ROLE_MUTED));
	y++;
	int tw = 29;
	for (int i = 0; i < l->n && y < end; i++, y++) {
		const struct exercise_info *xi =
		    exercises_get(l->xs, l->shown[i]);
		bool sel = i == l->sel;
		int attr = ui_attr(sel ? ROLE_SELECTED : ROLE_NORMAL);
		if (sel)
			ui_fill(y, left, width, attr);
		snprintf(line, sizeof line, "%d  %s", i + 1, xi->title);
		ui_text(y, left, tw, line, attr);
		if (width > tw + 10)
			ui_text(y, left + tw, width - tw, xi->line,
				sel ? attr : ui_attr(ROLE_MUTED));
	}
	const struct exercise_info *xi = exercises_get(l->xs, l->shown[l->sel]);
	if (y + 3 >= end)
		return;
	y++;
	y += ui_wrap(y, left, width, end - y - 1, 0, xi->line,
		     ui_attr(ROLE_ACCENT));
	if (y < end)
		ui_text(y, left, width,
			exercise_source_line(xi, line, sizeof line),
			ui_attr(ROLE_MUTED));
}

static int exlist_key(struct app *a, void *st, int ch, bool code)
{
	struct exlist *l = st;
	if (code) {
		if (ch == KEY_UP && l->sel > 0)
			l->sel--;
		else if (ch == KEY_DOWN && l->sel < l->n - 1)
			l->sel++;
		else if (ch == KEY_ENTER)
			open_exercise(a, l->shown[l->sel]);
		return ch == UI_TICK ? 0 : UI_HANDLED;
	}
	if (ch >= '1' && ch < '1' + l->n) {
		l->sel = ch - '1';
		open_exercise(a, l->shown[l->sel]);
	} else if (ch == 'k' && l->sel > 0)
		l->sel--;
	else if (ch == 'j' && l->sel < l->n - 1)
		l->sel++;
	else if (ch == '\r' || ch == '\n')
		open_exercise(a, l->shown[l->sel]);
	else if (ch == 27 || ch == 'q')
		return UI_POP;
	return UI_HANDLED;
}

static void exlist_leave(struct app *a, void *st)
{
	struct exlist *l = st;
	(void)a;
	exercises_free(l->xs);
	free(l);
}

static const struct ui_screen exlist_screen = {
    .title = "Exercises",
    .module = MODULE_PATH,
    .keys = list_keys,
    .draw = exlist_draw,
    .key = exlist_key,
    .leave = exlist_leave,
};

void ui_open_exercises(struct app *a)
{
	struct mend_err err = {""};
	struct exlist *l = calloc(1, sizeof *l);
	if (!l)
		return;
	if (exercises_load(&l->xs, &err) != MEND_OK) {
		ui_error(a, &err);
		free(l);
		return;
	}
	for (int x = 0; x < EXERCISE_COUNT; x++)
		if (exercise_listed((enum exercise_id)x))
			l->shown[l->n++] = (enum exercise_id)x;
	ui_push(a, &exlist_screen, l);
}

bool ui_restore_exercise(struct app *a, const char *context, const char *text)
{
	enum exercise_id id;
	const char *colon = strchr(context, ':');
	if (!colon || !exercise_from_name(colon + 1, &id))
		return false;
	struct exflow *x = exflow_new(a, id);
	if (!x)
		return false;
	ui_open_exercises(a);
	ui_push(a, &exflow_screen, x);
	open_editor(a, x, text);
	return true;
}
