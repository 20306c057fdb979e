/* SPDX-License-Identifier: MIT */
/* Export: the journal (the same function as `mend export -o`) in one of
 * its three formats, or as JSON sealed with a passphrase in age's format
 * (`mend export --encrypt`), to a path the user can edit (by default in
 * the home directory with the date in its name; ~ is expanded), asking
 * before a file that is already there is replaced; then the path and the
 * counts. On an encrypted journal the screen says that a plain export
 * can be read by whoever gets the file. */
#include <curses.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mend/export.h"
#include "mend/export_age.h"
#include "mend/store_crypt.h"
#include "screens.h"

struct exp {
	enum export_format format;
	bool sealed; /* JSON sealed with a passphrase */
	char path[4096];
	struct export_counts counts;
	bool done;
};

static const struct {
	enum export_format format;
	bool sealed;
	const char *label;
	char key;
	const char *extension;
} formats[] = {
	{EXPORT_JSON, false, "JSON: everything, to read back with mend import",
	 'j', "json"},
	{EXPORT_JSON, true,
	 "JSON, sealed with a passphrase (age's format)", 's',
	 "json.age"},
	{EXPORT_JRNL, false, "jrnl: for the jrnl journal, as its JSON", 'r',
	 "jrnl.json"},
	{EXPORT_MARKDOWN, false, "Markdown: to read or to print", 'm', "md"},
};
#define N_FORMATS ((int)(sizeof formats / sizeof formats[0]))

static const struct ui_key export_keys[] = {
	{"Enter", "export", "choose the format and where, then write the file"},
	{"Esc", "back", "back home (also q)"},
	{NULL, NULL, NULL},
};

static void export_draw(struct app *a, void *st)
{
	struct exp *x = st;
	int top, left, width, height, y;
	char line[4200];

	ui_frame(a, "Export", export_keys);
	ui_area(&top, &left, &width, &height);
	y = top;
	y += ui_wrap(y, left, width, 4, 0,
		     "Save your whole journal as one file: a backup, a way to "
		     "another machine, and a copy that is yours. The JSON "
		     "format can be read back with 'mend import'.",
		     ui_attr(ROLE_NORMAL));
	if (store_encrypted(a->j->st))
		y += ui_wrap(y + 1, left, width, 3, 0,
			     "Your journal is encrypted, but an export is "
			     "plain text that whoever gets the file can read, "
			     "unless you choose the sealed one.",
			     ui_attr(ROLE_WARNING)) +
		     1;
	y++;
	if (x->done) {
		snprintf(line, sizeof line, "Saved %ld %s and %ld %s to:",
			 x->counts.entries,
			 x->counts.entries == 1 ? "entry" : "entries",
			 x->counts.periods,
			 x->counts.periods == 1 ? "period" : "periods");
		ui_text(y++, left, width, line, ui_attr(ROLE_GOOD));
		y += ui_wrap(y, left + 2, width - 2, 3, 0, x->path,
			     ui_attr(ROLE_ACCENT));
		if (x->sealed)
			ui_wrap(y, left, width, 2, 0,
				"Sealed with the passphrase you chose: keep it "
				"with the file.",
				ui_attr(ROLE_MUTED));
	} else {
		ui_text(y, left, width, "Press Enter to choose a format and "
					"where to save it.",
			ui_attr(ROLE_ACCENT));
	}
}

/* ~ and ~user at the start of a path, as a shell would expand them. */
static void expand_tilde(const char *in, char *out, size_t n)
{
	const char *home = NULL, *rest = in;
	if (in[0] == '~') {
		size_t ul = strcspn(in + 1, "/");
		if (ul == 0) {
			home = getenv("HOME");
		} else {
			char user[256];
			snprintf(user, sizeof user, "%.*s", (int)ul, in + 1);
			struct passwd *pw = getpwnam(user);
			home = pw ? pw->pw_dir : NULL;
		}
		if (home && *home)
			rest = in + 1 + ul;
	}
	if (rest != in)
		snprintf(out, n, "%s%s", home, rest);
	else
		snprintf(out, n, "%s", in);
}

/* Write the export; seal (may be NULL: plain) seals it. */
static void write_with(struct app *a, struct exp *x, struct age_seal *seal)
{
	struct export_options o = {.format = x->format, .module = -1};
	struct mend_err err = {""};
	if (!ui_refresh(a))
		return;
	if (seal) {
		o.seal = age_seal;
		o.seal_ctx = seal;
	}
	if (export_to_file(a->j, &o, x->path, &x->counts, &err) != MEND_OK) {
		ui_error(a, &err);
		x->done = false;
		return;
	}
	x->done = true;
	ui_message(a, false, seal ? "Exported, sealed." : "Exported.");
}

static int seal_with(struct app *a, void *ctx, const char *pass, size_t len)
{
	struct age_seal seal = {.pass = pass, .pass_len = len};
	write_with(a, ctx, &seal);
	return UI_POP;
}

static void write_export(struct app *a, struct exp *x)
{
	const struct ui_new_pass np = {
	    .title = "A passphrase for the export",
	    .intro = "Choose a passphrase to seal the export with. Anyone "
		     "who has the file and this passphrase can read it, so "
		     "keep them apart; mend keeps neither.",
	    .working = "Sealing the export",
	    .chosen = seal_with,
	    .ctx = x,
	};
	if (!x->sealed) {
		write_with(a, x, NULL);
		return;
	}
	ui_open_new_passphrase(a, &np);
}

static void ask_path(struct app *a, struct exp *x);

static void got_replace(struct app *a, void *ctx, int choice, const char *text)
{
	struct exp *x = ctx;
	(void)text;
	if (choice == 1)
		write_export(a, x);
	else if (choice == 0)
		ask_path(a, x);
}

static void got_path(struct app *a, void *ctx, int choice, const char *text)
{
	static const struct ui_choice replace[] = {
		{"Keep it, and choose another name", 'k', false},
		{"Replace it", 0, true},
	};
	struct exp *x = ctx;
	struct stat sb;
	char q[4300];
	(void)choice;
	if (!*text)
		return;
	expand_tilde(text, x->path, sizeof x->path);
	if (stat(x->path, &sb) == 0 && S_ISREG(sb.st_mode)) {
		snprintf(q, sizeof q, "There is already a file at %s.", x->path);
		ui_choose(a, "Export", q, replace, 2, 0, got_replace, x);
		return;
	}
	write_export(a, x);
}

static void ask_path(struct app *a, struct exp *x)
{
	ui_ask_text(a, "Export", "Save the export as (~ is your home):",
		    x->path, got_path, x);
}

/* The default name for a format: the same place, its own extension. */
static void default_path(struct app *a, struct exp *x)
{
	const char *home = getenv("HOME");
	char day[CLOCK_DATE_LEN];
	clock_format_date(clock_local_date(a->j->now), day);
	for (int i = 0; i < N_FORMATS; i++)
		if (formats[i].format == x->format &&
		    formats[i].sealed == x->sealed)
			snprintf(x->path, sizeof x->path, "%s/mend-export-%s.%s",
				 home && *home ? home : ".", day,
				 formats[i].extension);
}

static void got_format(struct app *a, void *ctx, int choice, const char *text)
{
	struct exp *x = ctx;
	(void)text;
	if (choice < 0 || choice >= N_FORMATS)
		return;
	x->format = formats[choice].format;
	x->sealed = formats[choice].sealed;
	default_path(a, x);
	ask_path(a, x);
}

static int export_key(struct app *a, void *st, int ch, bool code)
{
	struct exp *x = st;
	if ((code && ch == KEY_ENTER) || (!code && (ch == '\r' || ch == '\n'))) {
		struct ui_choice c[N_FORMATS];
		for (int i = 0; i < N_FORMATS; i++)
			c[i] = (struct ui_choice){formats[i].label, formats[i].key,
						  false};
		ui_choose(a, "Export", "Which format?", c, N_FORMATS, 0,
			  got_format, x);
	} else if (!code && (ch == 27 || ch == 'q')) {
		return UI_POP;
	}
	return code && ch == UI_TICK ? 0 : UI_HANDLED;
}

static void export_leave(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static const struct ui_screen export_screen = {
	.title = "Export",
	.module = -1,
	.keys = export_keys,
	.draw = export_draw,
	.key = export_key,
	.leave = export_leave,
};

void ui_open_export(struct app *a)
{
	struct exp *x = calloc(1, sizeof *x);
	if (!x)
		return;
	x->format = EXPORT_JSON;
	default_path(a, x);
	ui_push(a, &export_screen, x);
}
