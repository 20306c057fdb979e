/* SPDX-License-Identifier: MIT */
/* The lists the user keeps for the hardest moments: reasons for keeping
 * space and people to reach instead. Add, change, and delete (asked
 * again, naming the item). Tab turns to the other list. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mend/pause.h"
#include "screens.h"

struct keep {
	enum pause_list_kind kind;
	struct pause_list l;
	int sel;
	int editing; /* the item being changed, or -1 to add */
	char question[PAUSE_LIST_CHARS * 4 + 64];
};

static const struct ui_key keep_keys[] = {
    {"a", "add", "add one"},
    {"Enter/e", "change", "change the one under the cursor"},
    {"d", "delete", "delete the one under the cursor (asked again)"},
    {"Tab", "other list", "turn to your reasons or your people"},
    {"↑↓", NULL, "move"},
    {"Esc", "back", "go back (also q)"},
    {NULL, NULL, NULL},
};

static const char *const titles[PAUSE_LIST_COUNT] = {
    "Your reasons for keeping space", "People you could reach instead"};
static const char *const empty[PAUSE_LIST_COUNT] = {
    "Nothing here yet. Press a to add a reason of your own, in your own "
    "words: something you want to remember when the urge comes.",
    "Nothing here yet. Press a to add someone you could call or write "
    "to instead: a friend, family, a helpline."};

static void load(struct app *a, struct keep *k)
{
	struct mend_err err = {""};
	pause_list_done(&k->l);
	if (pause_list_get(a->j, k->kind, &k->l, &err) != MEND_OK)
		ui_error(a, &err);
	if (k->sel >= k->l.n)
		k->sel = k->l.n ? k->l.n - 1 : 0;
}

static void keep_draw(struct app *a, void *st)
{
	struct keep *k = st;
	int top, left, width, height;
	char num[16];

	ui_frame(a, titles[k->kind], keep_keys);
	ui_area(&top, &left, &width, &height);
	if (k->l.n == 0) {
		ui_wrap(top, left, width, height, 0, empty[k->kind],
			ui_attr(ROLE_MUTED));
		return;
	}
	int first = k->sel >= height ? k->sel - height + 1 : 0;
	for (int i = first; i < k->l.n && i - first < height; i++) {
		int y = top + i - first;
		int attr = ui_attr(i == k->sel ? ROLE_SELECTED : ROLE_NORMAL);
		if (i == k->sel)
			ui_fill(y, left, width, attr);
		snprintf(num, sizeof num, "%2d ", i + 1);
		ui_text(y, left, 3, num, attr);
		ui_text(y, left + 3, width - 3, k->l.items[i], attr);
	}
}

static void got_text(struct app *a, void *ctx, int choice, const char *text)
{
	struct keep *k = ctx;
	struct mend_err err = {""};
	enum mend_rc rc;
	(void)choice;
	if (!text || !*text)
		return;
	if (!ui_refresh(a))
		return;
	rc = k->editing < 0
		 ? pause_list_add(a->j, k->kind, text, &err)
		 : pause_list_replace(a->j, k->kind, k->editing, text, &err);
	if (rc != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	ui_message(a, false, k->editing < 0 ? "Added." : "Changed.");
	load(a, k);
	if (k->editing < 0)
		k->sel = k->l.n - 1;
}

static void got_delete(struct app *a, void *ctx, int choice, const char *text)
{
	struct keep *k = ctx;
	struct mend_err err = {""};
	(void)text;
	if (choice != 1)
		return;
	if (!ui_refresh(a))
		return;
	if (pause_list_remove(a->j, k->kind, k->sel, &err) != MEND_OK) {
		ui_error(a, &err);
		return;
	}
	ui_message(a, false, "Deleted.");
	load(a, k);
}

static int keep_key(struct app *a, void *st, int ch, bool code)
{
	struct keep *k = st;
	if (code) {
		if (ch == KEY_UP && k->sel > 0)
			k->sel--;
		else if (ch == KEY_DOWN && k->sel < k->l.n - 1)
			k->sel++;
		else if (ch == KEY_ENTER && k->l.n)
			ch = 'e', code = false;
		else
			return ch == UI_TICK ? 0 : UI_HANDLED;
		if (code)
			return UI_HANDLED;
	}
	switch (ch) {
	case 27:
	case 'q':
		return UI_POP;
	case 'k':
		if (k->sel > 0)
			k->sel--;
		break;
	case 'j':
		if (k->sel < k->l.n - 1)
			k->sel++;
		break;
	case '\t':
		k->kind =
		    (enum pause_list_kind)((k->kind + 1) % PAUSE_LIST_COUNT);
		k->sel = 0;
		load(a, k);
		break;
	case 'a':
		if (k->l.n >= PAUSE_LIST_ITEMS) {
			ui_message(a, false,
				   "The list holds %d, the most it "
				   "keeps; delete one first.",
				   PAUSE_LIST_ITEMS);
			break;
		}
		k->editing = -1;
		ui_ask_text(a, titles[k->kind], "In a line of your own:", "",
			    got_text, k);
		break;
	case '\r':
	case '\n':
	case 'e':
		if (!k->l.n)
			break;
		k->editing = k->sel;
		ui_ask_text(a, titles[k->kind],
			    "Change it:", k->l.items[k->sel], got_text, k);
		break;
	case 'd':
		if (!k->l.n)
			break;
		snprintf(k->question, sizeof k->question, "Delete \"%s\"?",
			 k->l.items[k->sel]);
		ui_ask(a, k->question, got_delete, k);
		break;
	default:
		break;
	}
	return UI_HANDLED;
}

static void keep_leave(struct app *a, void *st)
{
	struct keep *k = st;
	(void)a;
	pause_list_done(&k->l);
	free(k);
}

static const struct ui_screen keep_screen = {
    .title = "Your lists",
    .module = MODULE_NOCONTACT,
    .keys = keep_keys,
    .draw = keep_draw,
    .key = keep_key,
    .leave = keep_leave,
};

void ui_open_keep(struct app *a, enum pause_list_kind kind)
{
	struct keep *k = calloc(1, sizeof *k);
	if (!k)
		return;
	k->kind = kind;
	load(a, k);
	ui_push(a, &keep_screen, k);
}
