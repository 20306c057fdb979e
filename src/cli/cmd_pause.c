/* SPDX-License-Identifier: MIT */
/* The hardest moment on the command line: `mend pause` (interactive on a
 * terminal, or all in flags for a script), `mend profile`, `mend slip`,
 * and the two lists the user keeps, `mend reasons` and `mend people`.
 * Everything is asked of the core (mend/pause.h, mend/nocontact.h). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "mend/nocontact.h"
#include "mend/pause.h"

/* Seconds on a clock that only moves forward (a pinned or changed
 * wall clock does not stop or jump the countdown). */
static time_t mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}
static volatile sig_atomic_t interrupted;

static void on_int(int sig)
{
	(void)sig;
	interrupted = 1;
}

static struct pause_content *words(struct cli *c)
{
	struct pause_content *w = NULL;
	if (pause_content_load(&w, &c->err) != MEND_OK) {
		cli_fail(c, MEND_ECONTENT);
		return NULL;
	}
	return w;
}

static bool on_terminal(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/* One line from the terminal into buf without its newline; false at the
 * end of input or on Ctrl-C. */
static bool ask_line(const char *question, char *buf, size_t n)
{
	size_t len;
	printf("%s ", question);
	fflush(stdout);
	if (interrupted || !fgets(buf, (int)n, stdin) || interrupted)
		return false;
	len = strlen(buf);
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return true;
}

/* A level 0..10 asked until it is one, or Enter to skip when optional;
 * false when they left. */
static bool ask_level(const char *question, int *out)
{
	char line[64];
	for (;;) {
		if (!ask_line(question, line, sizeof line))
			return false;
		char *end;
		long v = strtol(line, &end, 10);
		if (end != line && !*end && v >= 0 && v <= 10) {
			*out = (int)v;
			return true;
		}
		printf("A number from 0 to 10, please.\n");
	}
}

/* Log the contact a pause ended in, the existing way, and say so. */
static enum mend_rc log_contact(struct cli *c, struct journal *j,
				bool necessary, const char *channel)
{
	struct contact_input in = {"me", channel, necessary, NULL};
	struct contact_result r;
	enum mend_rc rc = nocontact_log_contact(j, &in, &r, &c->err);
	if (rc != MEND_OK)
		return rc;
	if (r.restarted) {
		struct slip_space s;
		printf("Contact logged. %s\n",
		       j->content->slip[(size_t)journal_today(j) %
					j->content->n_slip]);
		if (slip_space(j, &s, &c->err) == MEND_OK && s.total_days > 0)
			printf("Days of space so far: %ld in all; the longest "
			       "stretch was %ld.\n",
			       s.total_days, s.longest_days);
		printf("When you are ready, mend slip asks three short "
		       "questions that help next time.\n");
	} else {
		printf("Logged as necessary. Your no-contact count goes on.\n");
	}
	return MEND_OK;
}

/* --- mend pause --- */

static const struct opt_spec pause_opts[] = {
    {"urge", 'u', true},
    {"need", 0, true},
    {"word", 0, true},
    {"after", 'a', true},
    {"minutes", 'm', true},
    {"seconds", 0, true},
    {"outcome", 'o', true},
    {"message", 0, true},
    {"channel", 'c', VAL_CHANNEL},
    {NULL, 0, false},
};

static int finish_pause(struct cli *c, struct journal *j,
			const struct pause_input *in, const char *channel,
			const struct pause_content *w)
{
	char uuid[UUID_LEN];
	enum mend_rc rc = pause_save(j, in, uuid, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("Pause kept (id %s).\n", uuid);
	if (in->urge_after != ENTRY_NONE && in->urge_after < in->urge)
		printf("%s\n", w->passed);
	else if (in->urge_after != ENTRY_NONE)
		printf("%s\n", w->stayed);
	else
		printf("%s\n", w->left);
	if (strcmp(in->outcome, "necessary") == 0 ||
	    strcmp(in->outcome, "contact") == 0)
		rc = log_contact(c, j, strcmp(in->outcome, "necessary") == 0,
				 channel);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

static int pause_flags(struct cli *c, const struct args *a,
		       struct pause_content *w)
{
	const struct command *cmd = &cmd_pause;
	struct pause_input in = {ENTRY_NONE, ENTRY_NONE, ENTRY_NONE,
				 NULL,	     NULL,	 NULL};
	int minutes = ENTRY_NONE;
	const char *message = args_get(cmd->opts, a, "message");
	const char *channel = args_get(cmd->opts, a, "channel");
	struct journal *j;
	enum mend_rc rc = cli_int_opt(cmd, a, "urge", &in.urge, &c->err);

	in.need = args_get(cmd->opts, a, "need");
	in.own = args_get(cmd->opts, a, "word");
	in.outcome = args_get(cmd->opts, a, "outcome");
	if (rc == MEND_OK)
		rc = cli_int_opt(cmd, a, "after", &in.urge_after, &c->err);
	if (rc == MEND_OK)
		rc = cli_int_opt(cmd, a, "minutes", &minutes, &c->err);
	if (rc == MEND_OK)
		rc = cli_int_opt(cmd, a, "seconds", &in.seconds, &c->err);
	if (rc == MEND_OK && minutes != ENTRY_NONE &&
	    args_get(cmd->opts, a, "seconds"))
		return cli_usage_error(c, "minutes: give --minutes or "
					  "--seconds, not both");
	if (rc == MEND_OK && minutes != ENTRY_NONE &&
	    (minutes < 0 || minutes > PAUSE_SECONDS_MAX / 60))
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "minutes: %d is not in 0..%d", minutes,
				  PAUSE_SECONDS_MAX / 60);
	if (rc == MEND_OK && minutes != ENTRY_NONE)
		in.seconds = minutes * 60;
	if (rc == MEND_OK && !in.outcome)
		in.outcome = "unsent";
	if (rc == MEND_OK)
		rc = pause_check(&in, &c->err);
	if (rc == MEND_OK && message)
		rc = journal_check_text("message", message, strlen(message),
					JOURNAL_TEXT_MAX, true, &c->err);
	if (rc == MEND_OK && channel && !nocontact_channel_valid(channel))
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "channel: \"%s\" is not one of text, call, "
				  "social, in-person or other",
				  channel);
	if (rc == MEND_OK && channel && strcmp(in.outcome, "necessary") != 0 &&
	    strcmp(in.outcome, "contact") != 0)
		return cli_usage_error(c, "channel: goes with --outcome "
					  "necessary or contact");
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(j = cli_journal(c)))
		return 1;
	if (message) {
		char uuid[UUID_LEN];
		rc = nocontact_write_unsent(j, message, strlen(message), uuid,
					    &c->err);
		if (rc != MEND_OK)
			return cli_fail(c, rc);
		printf("Your message is kept here, unsent (id %s).\n", uuid);
	}
	return finish_pause(c, j, &in, channel, w);
}

/* The countdown on one updating line; false when they left with
 * Ctrl-C. Enter ends it early. */
static bool countdown(int seconds, const struct pause_content *w, int *elapsed)
{
	time_t start = mono();
	int shown = -1;
	printf("Enter ends the wait early; Ctrl-C leaves, and what you wrote "
	       "is kept.\n");
	while (!interrupted) {
		int gone = (int)(mono() - start);
		*elapsed = gone;
		if (gone >= seconds)
			break;
		if (gone != shown) {
			int left = seconds - gone, phase = gone % 12;
			const char *breath = phase < 4	 ? w->breathe_in
					     : phase < 6 ? w->breathe_hold
							 : w->breathe_out;
			printf("\r  %02d:%02d  %-20s", left / 60, left % 60,
			       breath);
			fflush(stdout);
			shown = gone;
		}
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		int r = poll(&p, 1, 250);
		if (r > 0) {
			char line[256];
			if (!fgets(line, sizeof line, stdin))
				break;
			break;
		}
		if (r < 0 && errno != EINTR)
			break;
	}
	printf("\n");
	return !interrupted;
}

static void show_list(struct journal *j, enum pause_list_kind k,
		      const char *title)
{
	struct pause_list l = {0};
	struct mend_err err = {""};
	if (pause_list_get(j, k, &l, &err) == MEND_OK && l.n) {
		printf("%s\n", title);
		for (int i = 0; i < l.n; i++) {
			printf("  - ");
			cli_put_text(stdout, l.items[i]);
			printf("\n");
		}
	}
	pause_list_done(&l);
}

static int pause_interactive(struct cli *c, struct pause_content *w)
{
	struct pause_input in = {ENTRY_NONE, ENTRY_NONE, ENTRY_NONE,
				 NULL,	     NULL,	 "left"};
	char line[1024], own[PAUSE_WORD_MAX + 1] = "";
	struct journal *j;
	struct sigaction sa, old;
	time_t start = mono();
	int rc = 0, elapsed = 0;

	if (!(j = cli_journal(c)))
		return 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_int; /* no SA_RESTART: Ctrl-C ends a read */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	printf("%s\n\n", w->intro);
	if (!ask_level(w->urge_q, &in.urge))
		goto left;
	printf("\n%s\n", w->need_q);
	for (int i = 0; i < PAUSE_NEED_COUNT; i++)
		printf("  %d  %s\n", i + 1, w->need_label[i]);
	for (;;) {
		if (!ask_line("Number (Enter to skip):", line, sizeof line))
			goto left;
		int n = atoi(line);
		if (!line[0])
			break;
		if (n >= 1 && n <= PAUSE_NEED_COUNT) {
			in.need = pause_need_key((enum pause_need)(n - 1));
			break;
		}
	}
	if (in.need && strcmp(in.need, "own") == 0) {
		if (!ask_line("In your own word:", own, sizeof own))
			goto left;
		in.own = own;
	}
	printf("\n%s\n(One line; Enter alone to skip.)\n", w->write_prompt);
	if (!ask_line(">", line, sizeof line))
		goto left;
	if (line[0]) {
		char uuid[UUID_LEN];
		if (nocontact_write_unsent(j, line, strlen(line), uuid,
					   &c->err) == MEND_OK)
			printf("Kept here, unsent.\n");
		else
			cli_print_error(c, c->err.msg);
	}
	printf("\n");
	for (int i = 0; i < w->n_surf && i < 2; i++)
		printf("%s\n", w->surf[(size_t)(journal_today(j) + i) %
				       (size_t)w->n_surf]);
	show_list(j, PAUSE_LIST_REASONS, "\nYour reasons for keeping space:");
	show_list(j, PAUSE_LIST_PEOPLE, "\nPeople you could reach instead:");
	printf("\nHow long shall we wait? Minutes, 1 to %d (Enter: 10):",
	       PAUSE_MINUTES_MAX);
	int minutes = 10;
	if (!ask_line("", line, sizeof line))
		goto left;
	if (line[0] && atoi(line) >= 1 && atoi(line) <= PAUSE_MINUTES_MAX)
		minutes = atoi(line);
	if (!countdown(minutes * 60, w, &elapsed))
		goto left;
	if (!ask_level(w->urge_after_q, &in.urge_after))
		goto left;
	printf("\n%s\n", w->end_q);
	for (int i = 0; i < PAUSE_OUT_LEFT; i++)
		printf("  %d  %s\n", i + 1, w->outcome_label[i]);
	for (;;) {
		if (!ask_line("Number (Enter: 1):", line, sizeof line))
			goto left;
		int n = line[0] ? atoi(line) : 1;
		if (n >= 1 && n <= PAUSE_OUT_LEFT) {
			in.outcome =
			    pause_outcome_key((enum pause_outcome)(n - 1));
			break;
		}
	}
	in.seconds = (int)(mono() - start);
	sigaction(SIGINT, &old, NULL);
	return finish_pause(c, j, &in, NULL, w);
left:
	printf("\n");
	sigaction(SIGINT, &old, NULL);
	if (in.urge == ENTRY_NONE) {
		printf("%s\n", w->left);
		return 0; /* nothing was rated: nothing to keep */
	}
	in.outcome = "left";
	in.urge_after = ENTRY_NONE;
	in.seconds = (int)(mono() - start);
	if (in.seconds > PAUSE_SECONDS_MAX)
		in.seconds = PAUSE_SECONDS_MAX;
	(void)elapsed;
	rc = finish_pause(c, j, &in, NULL, w);
	return rc;
}

static int run_pause(struct cli *c, const struct args *a)
{
	struct pause_content *w = words(c);
	int rc;
	if (!w)
		return 1;
	bool flags = false;
	for (int i = 0; pause_opts[i].name; i++)
		flags |= a->value[i] != NULL;
	if (flags || !on_terminal())
		rc = !flags ? cli_usage_error(c, "urge: missing; not on a "
						 "terminal, give --urge 0..10 "
						 "(see mend pause --help)")
			    : pause_flags(c, a, w);
	else
		rc = pause_interactive(c, w);
	pause_content_free(w);
	return rc;
}

const struct command cmd_pause = {
    .name = "pause",
    .run = run_pause,
    .opts = pause_opts,
    .max_pos = 0,
    .usage = "mend pause\n"
	     "mend pause --urge N [--need KEY [--word TEXT]] [--after N] "
	     "[--minutes N] [--outcome KEY] [--message TEXT]",
    .summary = "pause before you reach out: rate, write, wait, decide",
    .help =
	"Take a few minutes before reaching out. On a terminal, with\n"
	"no options, mend asks how strong the urge is, what it is asking\n"
	"for, lets you write the message here instead (kept unsent),\n"
	"waits with you (a countdown with a breathing pace, your reasons\n"
	"and your people), then asks again and lets you choose. Ctrl-C\n"
	"leaves at any step; what you wrote is kept.\n"
	"\n"
	"For scripts, give the pause in options:\n"
	"  -u, --urge N           the urge before, 0..10\n"
	"      --need KEY         what it asked for: comfort, reassurance,\n"
	"                         answer, closeness, anger, habit or own\n"
	"      --word TEXT        your own word, with --need own\n"
	"  -a, --after N          the urge after, 0..10 (leave it out when\n"
	"                         you left early)\n"
	"  -m, --minutes N        how long it lasted (or --seconds N)\n"
	"  -o, --outcome KEY      unsent (default), necessary, contact or\n"
	"                         left; necessary and contact also log the\n"
	"                         contact as mend contact does\n"
	"  -c, --channel NAME     for a logged contact: text, call, social,\n"
	"                         in-person or other\n"
	"      --message TEXT     the message you wrote instead, kept as an\n"
	"                         unsent entry\n",
};

/* --- mend profile --- */

static const struct opt_spec profile_opts[] = {
    {"urge", 'u', true},
    {"note", 'n', true},
    {"contact", 0, false},
    {NULL, 0, false},
};

static int run_profile(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_profile;
	int urge = ENTRY_NONE;
	const char *note = args_get(cmd->opts, a, "note");
	char uuid[UUID_LEN];
	struct pause_content *w;
	struct journal *j;
	enum mend_rc rc = cli_int_opt(cmd, a, "urge", &urge, &c->err);

	if (rc == MEND_OK && urge != ENTRY_NONE && (urge < 0 || urge > 10))
		rc = mend_err_set(&c->err, MEND_EINVAL,
				  "urge: %d is not in 0..10", urge);
	if (rc == MEND_OK)
		rc = journal_check_text("note", note, note ? strlen(note) : 0,
					JOURNAL_NOTE_MAX, false, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (!(w = words(c)))
		return 1;
	if (!(j = cli_journal(c))) {
		pause_content_free(w);
		return 1;
	}
	rc = pause_log_profile(j, urge, note, uuid, &c->err);
	if (rc == MEND_OK) {
		printf("Noted (id %s).\n%s\n", uuid, w->profile);
		if (args_get(cmd->opts, a, "contact"))
			rc = log_contact(c, j, false, "social");
	}
	pause_content_free(w);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

const struct command cmd_profile = {
    .name = "profile",
    .run = run_profile,
    .opts = profile_opts,
    .max_pos = 0,
    .usage = "mend profile [--urge N] [--note TEXT] [--contact]",
    .summary = "note that you looked at their profile; the count goes on",
    .help = "Note a look at their profile or photos. It is an urge too,\n"
	    "and it does not restart your no-contact count.\n"
	    "\n"
	    "  -u, --urge N           how strong the pull was, 0..10\n"
	    "  -n, --note TEXT        a few words on it\n"
	    "      --contact          you reached out as well: the contact is\n"
	    "                         logged too, as mend contact logs it\n",
};

/* --- mend slip --- */

static const struct opt_spec slip_opts[] = {
    {"happening", 0, true}, {"felt", 0, true}, {"easy", 'e', true},
    {"easy-note", 0, true}, {NULL, 0, false},
};

static int slip_ask(struct cli *c, struct journal *j, struct pause_content *w)
{
	char happening[1024] = "", felt[1024] = "", note[1024] = "", line[64];
	struct slip_input in = {happening, felt, NULL, note};
	struct sigaction sa, old;
	char uuid[UUID_LEN];
	struct slip_space s;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_int;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	printf("%s\n", w->slip_intro);
	if (slip_space(j, &s, &c->err) == MEND_OK && s.total_days > 0)
		printf("Days of space so far: %ld in all; the longest stretch "
		       "was %ld.\n",
		       s.total_days, s.longest_days);
	printf("\n");
	bool done = ask_line(w->slip_q[0], happening, sizeof happening) &&
		    ask_line(w->slip_q[1], felt, sizeof felt);
	if (done) {
		printf("%s\n", w->slip_q[2]);
		for (int i = 0; i < SLIP_EASY_COUNT; i++)
			printf("  %d  %s\n", i + 1, w->easy_label[i]);
		done = ask_line("Number (Enter to skip):", line, sizeof line);
		int n = done ? atoi(line) : 0;
		if (n >= 1 && n <= SLIP_EASY_COUNT)
			in.easy = slip_easy_key((enum slip_easy)(n - 1));
		if (done)
			ask_line("A few words on it (optional):", note,
				 sizeof note);
	}
	sigaction(SIGINT, &old, NULL);
	if (!happening[0] && !felt[0] && !in.easy && !note[0]) {
		printf("\nNothing to keep, and that is fine.\n");
		return 0;
	}
	enum mend_rc rc = slip_save(j, &in, uuid, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	printf("\nKept (id %s). %s\n", uuid, w->fresh_start);
	return 0;
}

static int run_slip(struct cli *c, const struct args *a)
{
	const struct command *cmd = &cmd_slip;
	struct slip_input in = {
	    args_get(cmd->opts, a, "happening"),
	    args_get(cmd->opts, a, "felt"),
	    args_get(cmd->opts, a, "easy"),
	    args_get(cmd->opts, a, "easy-note"),
	};
	bool flags = in.happening || in.felt || in.easy || in.easy_note;
	char uuid[UUID_LEN];
	struct pause_content *w;
	struct journal *j;
	int rc = 0;

	if (in.easy && slip_easy_from_key(in.easy) < 0) {
		mend_err_set(&c->err, MEND_EINVAL,
			     "easy: \"%s\" is not one of %s", in.easy,
			     slip_easy_keys());
		return cli_fail(c, MEND_EINVAL);
	}
	if (!flags && !on_terminal())
		return cli_usage_error(c, "answers: none given; not on a "
					  "terminal, give --happening, --felt "
					  "or --easy (see mend slip --help)");
	if (!(w = words(c)))
		return 1;
	if (!(j = cli_journal(c))) {
		pause_content_free(w);
		return 1;
	}
	if (!flags) {
		rc = slip_ask(c, j, w);
	} else if (slip_save(j, &in, uuid, &c->err) != MEND_OK) {
		rc = cli_fail(c, MEND_EINVAL);
	} else {
		printf("Kept (id %s). %s\n", uuid, w->fresh_start);
	}
	pause_content_free(w);
	return rc;
}

const struct command cmd_slip = {
    .name = "slip",
    .run = run_slip,
    .opts = slip_opts,
    .max_pos = 0,
    .usage = "mend slip [--happening TEXT] [--felt TEXT] [--easy KEY] "
	     "[--easy-note TEXT]",
    .summary = "look back at a contact kindly: three short questions",
    .help = "After a contact that started your count again, three short\n"
	    "questions help next time. Every one may be skipped. On a\n"
	    "terminal, with no options, mend asks them.\n"
	    "\n"
	    "      --happening TEXT   what was happening just before\n"
	    "      --felt TEXT        what you felt\n"
	    "  -e, --easy KEY         what made it easy: number (their number\n"
	    "                         in your phone), place, hour, social or\n"
	    "                         other\n"
	    "      --easy-note TEXT   a few words on what made it easy\n",
};

/* --- mend reasons, mend people --- */

static int list_index(struct cli *c, const char *s, int *out)
{
	int n;
	if (args_int("number", s, &n, &c->err) != MEND_OK)
		return cli_fail(c, MEND_EINVAL);
	*out = n - 1;
	return 0;
}

static int run_list(struct cli *c, const struct args *a, enum pause_list_kind k,
		    const char *name)
{
	const char *sub = a->npos ? a->pos[0] : "list";
	struct pause_list l = {0};
	struct journal *j;
	enum mend_rc rc = MEND_OK;
	int index = 0, want = 1;

	if (strcmp(sub, "add") == 0)
		want = 2;
	else if (strcmp(sub, "remove") == 0)
		want = 2;
	else if (strcmp(sub, "edit") == 0)
		want = 3;
	else if (strcmp(sub, "list") != 0)
		return cli_usage_error(c,
				       "action: \"%.60s\" is not one of list, "
				       "add, edit or remove; see 'mend %s "
				       "--help'",
				       sub, name);
	if (a->npos != want && !(want == 1 && a->npos == 0))
		return cli_usage_error(c, "%s: %s; see 'mend %s --help'", sub,
				       a->npos < want
					   ? "missing what it acts on"
					   : "too many arguments",
				       name);
	if (strcmp(sub, "add") == 0)
		rc = pause_list_check_item(k, a->pos[1], &c->err);
	else if (strcmp(sub, "edit") == 0 && !list_index(c, a->pos[1], &index))
		rc = pause_list_check_item(k, a->pos[2], &c->err);
	else if (strcmp(sub, "remove") == 0 && list_index(c, a->pos[1], &index))
		return 2;
	if (c->exit_code)
		return c->exit_code;
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (want == 1) {
		if (!(j = cli_journal_read(c)))
			return 1;
		if (!j->missing &&
		    (rc = pause_list_get(j, k, &l, &c->err)) != MEND_OK)
			return cli_fail(c, rc);
		for (int i = 0; i < l.n; i++) {
			printf("%d  ", i + 1);
			cli_put_text(stdout, l.items[i]);
			printf("\n");
		}
		if (l.n == 0)
			fprintf(stderr,
				"Nothing here yet; add one with mend %s "
				"add TEXT.\n",
				name);
		pause_list_done(&l);
		return 0;
	}
	if (!(j = cli_journal(c)))
		return 1;
	if (strcmp(sub, "add") == 0)
		rc = pause_list_add(j, k, a->pos[1], &c->err);
	else if (strcmp(sub, "edit") == 0)
		rc = pause_list_replace(j, k, index, a->pos[2], &c->err);
	else
		rc = pause_list_remove(j, k, index, &c->err);
	if (rc != MEND_OK)
		return cli_fail(c, rc);
	if (pause_list_get(j, k, &l, &c->err) == MEND_OK)
		printf("%s. Your list has %d now.\n",
		       strcmp(sub, "add") == 0	  ? "Added"
		       : strcmp(sub, "edit") == 0 ? "Changed"
						  : "Removed",
		       l.n);
	pause_list_done(&l);
	return 0;
}

static int run_reasons(struct cli *c, const struct args *a)
{
	return run_list(c, a, PAUSE_LIST_REASONS, "reasons");
}

static int run_people(struct cli *c, const struct args *a)
{
	return run_list(c, a, PAUSE_LIST_PEOPLE, "people");
}

static const struct opt_spec list_opts[] = {{NULL, 0, false}};

const struct command cmd_reasons = {
    .name = "reasons",
    .run = run_reasons,
    .opts = list_opts,
    .max_pos = 3,
    .usage = "mend reasons [list]\n"
	     "mend reasons add TEXT\n"
	     "mend reasons edit N TEXT\n"
	     "mend reasons remove N",
    .summary = "your reasons for keeping space, shown when it is hard",
    .help = "Keep a short list of your own reasons for keeping space. They\n"
	    "are shown during a pause (mend pause, or Ctrl-T in the\n"
	    "full-screen journal) and on hard days. Up to 30, each one line\n"
	    "of up to 200 characters.\n"
	    "\n"
	    "  list                   the list, numbered (the default)\n"
	    "  add TEXT               add one at the end\n"
	    "  edit N TEXT            change number N\n"
	    "  remove N               remove number N\n",
};

const struct command cmd_people = {
    .name = "people",
    .run = run_people,
    .opts = list_opts,
    .max_pos = 3,
    .usage = "mend people [list]\n"
	     "mend people add TEXT\n"
	     "mend people edit N TEXT\n"
	     "mend people remove N",
    .summary = "people to reach instead, shown when it is hard",
    .help = "Keep a short list of people you could reach instead (a name,\n"
	    "and a number if you like). They are shown during a pause, on\n"
	    "the help-now page and on hard days. Up to 30, each one line of\n"
	    "up to 200 characters.\n"
	    "\n"
	    "  list                   the list, numbered (the default)\n"
	    "  add TEXT               add one at the end\n"
	    "  edit N TEXT            change number N\n"
	    "  remove N               remove number N\n",
};
