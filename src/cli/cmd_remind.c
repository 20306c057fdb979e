/* SPDX-License-Identifier: MIT */
/* `mend remind`: a kind one-line nudge when today's check-in is not
 * written yet, at most once a day in a terminal session (for .bashrc or
 * .zshrc), and the systemd user timer that brings the same nudge to the
 * desktop. Whether a nudge is due is the core's (mend/remind.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "mend/remind.h"

#define NUDGE                                                                  \
	"Whenever you are ready, today's check-in takes a minute: "            \
	"mend checkin"
#define UNIT "mend-remind"

static const struct opt_spec remind_opts[] = {
    {"install", 0, false},
    {"uninstall", 0, false},
    {"notify", 0, false},
    {NULL, 0, false},
};

/* A directory from $VAR, or $HOME/fallback; into buf. */
static bool env_dir(const char *var, const char *fallback, char *buf, size_t n)
{
	const char *v = getenv(var), *home = getenv("HOME");
	int k;
	if (v && v[0] == '/')
		k = snprintf(buf, n, "%s", v);
	else if (fallback && home && home[0] == '/')
		k = snprintf(buf, n, "%s/%s", home, fallback);
	else
		return false;
	return k > 0 && (size_t)k < n;
}

static int mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int r = mkdir(path, 0700);
		*p = '/';
		if (r != 0 && errno != EEXIST)
			return -1;
	}
	return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

/* The file that remembers the day this terminal session was nudged:
 * keyed on the session id and the terminal, so a second shell in the
 * same session stays quiet, and a new terminal is a new session. */
static bool session_file(char *buf, size_t n)
{
	char dir[PATH_MAX], tty[64] = "notty";
	const char *t = ttyname(STDERR_FILENO);
	if (!t)
		t = ttyname(STDOUT_FILENO);
	if (t) {
		snprintf(tty, sizeof tty, "%s",
			 t + (strncmp(t, "/dev/", 5) ? 0 : 5));
		for (char *p = tty; *p; p++)
			if (*p == '/')
				*p = '-';
	}
	if (env_dir("XDG_RUNTIME_DIR", NULL, dir, sizeof dir)) {
		if (strlen(dir) + 6 >= sizeof dir)
			return false;
		strcat(dir, "/mend");
	} else if (!env_dir("XDG_STATE_HOME", ".local/state", dir,
			    sizeof dir)) {
		return false;
	} else {
		if (strlen(dir) + 6 >= sizeof dir)
			return false;
		strcat(dir, "/mend");
	}
	if (mkdirs(dir) != 0)
		return false;
	int k = snprintf(buf, n, "%s/remind-%ld-%s", dir, (long)getsid(0), tty);
	return k > 0 && (size_t)k < n;
}

/* Files of sessions last nudged on another day say nothing any more
 * (that session would be nudged again): remove them, so one file a
 * session does not pile up. */
static void prune(const char *file, const char *today)
{
	char dir[PATH_MAX], path[PATH_MAX + 256], seen[CLOCK_DATE_LEN];
	const char *slash = strrchr(file, '/');
	if (!slash || (size_t)(slash - file) >= sizeof dir)
		return;
	memcpy(dir, file, (size_t)(slash - file));
	dir[slash - file] = '\0';
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		if (strncmp(e->d_name, "remind-", 7) != 0 ||
		    strcmp(e->d_name, slash + 1) == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		if (!fgets(seen, sizeof seen, f))
			seen[0] = '\0';
		fclose(f);
		if (strcmp(seen, today) != 0)
			unlink(path);
	}
	closedir(d);
}

/* True when this session was already nudged on journal day today; else
 * records today (a failure to record still lets the nudge show). */
static bool nudged_today(const char *file, const char *today)
{
	char seen[CLOCK_DATE_LEN] = "";
	FILE *f = fopen(file, "r");
	if (f) {
		if (!fgets(seen, sizeof seen, f))
			seen[0] = '\0';
		fclose(f);
	}
	if (strcmp(seen, today) == 0)
		return true;
	char tmp[PATH_MAX + 8];
	snprintf(tmp, sizeof tmp, "%s.new", file);
	f = fopen(tmp, "w");
	if (f) {
		bool ok = fputs(today, f) >= 0;
		ok = fclose(f) == 0 && ok;
		if (!ok || rename(tmp, file) != 0)
			unlink(tmp);
	}
	prune(file, today);
	return false;
}

static int run_notify(void)
{
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		execlp("notify-send", "notify-send", "--app-name=mend", "mend",
		       NUDGE, (char *)NULL);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}

static bool unit_dir(char *buf, size_t n)
{
	char dir[PATH_MAX];
	if (!env_dir("XDG_CONFIG_HOME", ".config", dir, sizeof dir))
		return false;
	int k = snprintf(buf, n, "%s/systemd/user", dir);
	return k > 0 && (size_t)k < n;
}

/* A path as one word of a unit's ExecStart: quoted, with '%' doubled;
 * false for what a unit file cannot carry. */
static bool unit_word(FILE *f, const char *s)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '"' || *p == '\\' ||
		    *p == 0x7f)
			return false;
	fputc('"', f);
	for (const char *p = s; *p; p++) {
		if (*p == '%')
			fputc('%', f);
		fputc(*p, f);
	}
	fputc('"', f);
	return true;
}

static int write_units(struct cli *c, const char *dir, const char *exe,
		       const char *db, const char *at)
{
	char path[PATH_MAX + 32];
	FILE *f;
	bool ok;

	snprintf(path, sizeof path, "%s/" UNIT ".service", dir);
	if (!(f = fopen(path, "w")))
		goto fail;
	fputs("# Written by `mend remind --install`; `mend remind "
	      "--uninstall` removes it.\n"
	      "[Unit]\n"
	      "Description=A gentle reminder to check in with mend\n"
	      "\n"
	      "[Service]\n"
	      "Type=oneshot\n"
	      "ExecStart=",
	      f);
	ok = unit_word(f, exe);
	if (ok && db) {
		fputs(" --db ", f);
		ok = unit_word(f, db);
	}
	fputs(" remind --notify\n", f);
	ok = fclose(f) == 0 && ok;
	if (!ok)
		goto fail;
	snprintf(path, sizeof path, "%s/" UNIT ".timer", dir);
	if (!(f = fopen(path, "w")))
		goto fail;
	fprintf(f,
		"# Written by `mend remind --install`; `mend remind "
		"--uninstall` removes it.\n"
		"[Unit]\n"
		"Description=A gentle reminder to check in with mend, daily at "
		"%s\n"
		"\n"
		"[Timer]\n"
		"OnCalendar=*-*-* %s:00\n"
		"Unit=" UNIT ".service\n"
		"\n"
		"[Install]\n"
		"WantedBy=timers.target\n",
		at, at);
	if (fclose(f) != 0)
		goto fail;
	return 0;
fail:
	cli_print_error(c, "cannot write the timer in the systemd user "
			   "directory (a path with a quote or a control "
			   "character, or no room)");
	return 1;
}

static int install(struct cli *c, bool on, const char *at)
{
	char dir[PATH_MAX], exe[PATH_MAX], db[PATH_MAX];
	const char *dbp = NULL;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return cli_fail(c, mend_err_set(&c->err, MEND_EIO,
						"cannot tell where mend is "
						"installed"));
	exe[n] = '\0';
	if (c->db) {
		if (!realpath(c->db, db))
			return cli_fail(c, mend_err_set(&c->err, MEND_EIO,
							"db: cannot find "
							"'%.200s'",
							c->db));
		dbp = db;
	}
	if (!unit_dir(dir, sizeof dir) || mkdirs(dir) != 0)
		return cli_fail(c, mend_err_set(&c->err, MEND_EIO,
						"cannot make the systemd user "
						"directory"));
	int rc = write_units(c, dir, exe, dbp, at);
	if (rc)
		return rc;
	printf("Wrote %s/" UNIT ".timer and " UNIT ".service (daily at %s).\n",
	       dir, at);
	if (!on)
		printf("Reminders are off, so it will stay quiet until "
		       "'mend config remind on'.\n");
	if (access("/run/systemd/system", F_OK) == 0) {
		printf("To start it: systemctl --user daemon-reload && "
		       "systemctl --user enable --now " UNIT ".timer\n");
	} else {
		printf("This system does not run systemd; for cron instead, "
		       "add this line with 'crontab -e':\n");
		printf("%.2s %.2s * * * %s%s%s remind --notify\n", at + 3, at,
		       exe, dbp ? " --db " : "", dbp ? dbp : "");
	}
	return 0;
}

static int uninstall(struct cli *c)
{
	char dir[PATH_MAX], path[PATH_MAX + 32];
	int removed = 0;
	if (!unit_dir(dir, sizeof dir))
		return cli_fail(c, mend_err_set(&c->err, MEND_EIO,
						"cannot find the systemd user "
						"directory"));
	const char *names[] = {UNIT ".timer", UNIT ".service"};
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (unlink(path) == 0)
			removed++;
		else if (errno != ENOENT)
			return cli_fail(c, mend_err_set(&c->err, MEND_EIO,
							"cannot remove %.200s",
							path));
	}
	if (removed && access("/run/systemd/system", F_OK) == 0)
		printf("Removed the reminder timer. To stop one already "
		       "running: systemctl --user disable --now " UNIT
		       ".timer\n");
	else
		printf(removed ? "Removed the reminder timer.\n"
			       : "There was no reminder timer to remove.\n");
	return 0;
}

static int run_remind(struct cli *c, const struct args *a)
{
	bool inst = args_get(remind_opts, a, "install") != NULL;
	bool uninst = args_get(remind_opts, a, "uninstall") != NULL;
	bool notify = args_get(remind_opts, a, "notify") != NULL;
	char at[REMIND_AT_LEN], file[PATH_MAX], today[CLOCK_DATE_LEN];
	bool on, due;
	struct journal *j;
	enum mend_rc rc;

	if (inst + uninst + notify > 1)
		return cli_usage_error(c, "options: give one of --install, "
					  "--uninstall, --notify");
	if (uninst)
		return uninstall(c);
	if (!(j = cli_journal_read(c)))
		return 1;
	if (inst) {
		if ((rc = remind_settings(j, &on, at, &c->err)) != MEND_OK)
			return cli_fail(c, rc);
		return install(c, on, at);
	}
	if ((rc = remind_due(j, &due, &c->err)) != MEND_OK)
		return cli_fail(c, rc);
	if (!due)
		return 0;
	if (notify)
		return run_notify();
	journal_today_str(j, today);
	if (session_file(file, sizeof file) && nudged_today(file, today))
		return 0;
	puts(NUDGE);
	return 0;
}

const struct command cmd_remind = {
    .name = "remind",
    .run = run_remind,
    .opts = remind_opts,
    .max_pos = 0,
    .usage = "mend remind [--install|--uninstall]",
    .summary = "a gentle nudge when today's check-in is still open",
    .help = "Print one kind line when today's check-in is not written yet,\n"
	    "at most once a day in a terminal session, and nothing\n"
	    "otherwise: put 'mend remind' in ~/.bashrc or ~/.zshrc.\n"
	    "'mend config remind off' silences every reminder.\n"
	    "\n"
	    "      --install    write a systemd user timer that shows the\n"
	    "                   nudge on the desktop (notify-send) at the\n"
	    "                   time 'mend config remind-at HH:MM' sets\n"
	    "                   (default 20:30); without systemd, print a\n"
	    "                   cron line instead\n"
	    "      --uninstall  remove that timer\n"
	    "      --notify     what the timer runs: the nudge as a desktop\n"
	    "                   notification\n",
};
