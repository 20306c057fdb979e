/* SPDX-License-Identifier: MIT */
/* The one runner of the person's editor, for the command line and the
 * full-screen journal alike. It forks and waits; it never touches the
 * terminal, so the front end puts its screen away first. */
#include "mend/external_edit.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mend/journal.h"
#include "mend/utf8.h"

#define GRACE_MS 5000 /* how long a stopped editor may take to end */

static volatile sig_atomic_t stop_signal;

/* An encrypted journal is open: the editor's file and kept text stay in
 * memory (external_edit_set_private). */
static bool memory_only;

void external_edit_set_private(bool on)
{
	memory_only = on;
}

const char *external_edit_kept_note(void)
{
	return memory_only ? " (in memory, off the disk, until you log out or "
			     "the computer restarts)"
			   : "";
}

static void on_stop(int sig)
{
	stop_signal = sig;
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s/%s", a, b);
	return s;
}

/* Create dir (and its parents) as private directories; refuse one that
 * is not a directory of ours. */
static enum mend_rc private_dir(char *dir, struct mend_err *err)
{
	struct stat sb;
	char *slash = strrchr(dir, '/');

	if (lstat(dir, &sb) != 0) {
		if (slash && slash != dir) {
			*slash = '\0';
			enum mend_rc rc = MEND_OK;
			if (lstat(dir, &sb) != 0)
				rc = private_dir(dir, err);
			*slash = '/';
			if (rc != MEND_OK)
				return rc;
		}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return mend_err_set(err, MEND_EIO,
					    "cannot create %s: %s", dir,
					    strerror(errno));
		if (lstat(dir, &sb) != 0)
			return mend_err_set(err, MEND_EIO, "cannot use %s: %s",
					    dir, strerror(errno));
	}
	if (!S_ISDIR(sb.st_mode) || sb.st_uid != geteuid())
		return mend_err_set(err, MEND_EIO,
				    "%s is not a private directory of yours",
				    dir);
	if ((sb.st_mode & 0777) != 0700 && chmod(dir, 0700) != 0)
		return mend_err_set(err, MEND_EIO, "cannot make %s private: %s",
				    dir, strerror(errno));
	return MEND_OK;
}

/* True when dir is on a file system kept in memory (tmpfs, ramfs). */
static bool in_memory(const char *dir)
{
	struct statfs f;
	return statfs(dir, &f) == 0 &&
	       (f.f_type == TMPFS_MAGIC || f.f_type == RAMFS_MAGIC);
}

/* base/sub (sub NULL: base) made a private directory into *out (caller
 * frees); base is taken (freed here). in_mem: it must be in memory too,
 * whoever made it. */
static enum mend_rc private_under(char *base, const char *sub, bool in_mem,
				  char **out, struct mend_err *err)
{
	/* base first, whoever made it: a directory of ours, 0700, so that
	 * nothing below it can be swapped by anyone else */
	if (!base)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	enum mend_rc rc = private_dir(base, err);
	bool below = sub != NULL;
	char *dir = below ? join(base, sub) : base;
	if (below)
		free(base);
	if (!dir)
		return rc != MEND_OK ? rc
				     : mend_err_set(err, MEND_ENOMEM,
						    "out of memory");
	if (rc == MEND_OK && below)
		rc = private_dir(dir, err);
	if (rc == MEND_OK && in_mem && !in_memory(dir))
		rc = mend_err_set(err, MEND_EIO, "%s is not in memory", dir);
	if (rc != MEND_OK) {
		free(dir);
		return rc;
	}
	*out = dir;
	return MEND_OK;
}

/* mend's data directory, created private; caller frees *out. */
static enum mend_rc data_dir(const char *sub, char **out, struct mend_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *base = NULL;

	*out = NULL;
	if (xdg && xdg[0] == '/')
		base = join(xdg, "mend");
	else if (home && home[0] == '/')
		base = join(home, ".local/share/mend");
	else
		return mend_err_set(err, MEND_EINVAL,
				    "HOME is not set: mend has no private "
				    "directory for the editor's file");
	return private_under(base, sub, false, out, err);
}

/* A private directory in memory, with sub below it (NULL: none):
 * $XDG_RUNTIME_DIR/mend when the runtime directory is in memory, else
 * /dev/shm/mend-UID. MEND_EINVAL saying why when there is neither. */
static enum mend_rc memory_dir(const char *sub, char **out,
			       struct mend_err *err)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	char shm[80];
	char *base = NULL;

	*out = NULL;
	if (run && run[0] == '/' && in_memory(run)) {
		base = join(run, "mend");
	} else if (in_memory("/dev/shm")) {
		struct stat sb;
		snprintf(shm, sizeof shm, "/dev/shm/mend-%ld", (long)geteuid());
		/* the name is known to everyone: when someone else made it
		 * first, a directory of this process's own, made at random */
		static char own[sizeof shm + 8];
		bool theirs = lstat(shm, &sb) == 0 &&
			      (!S_ISDIR(sb.st_mode) || sb.st_uid != geteuid());
		if (theirs && !own[0]) {
			snprintf(own, sizeof own, "%s-XXXXXX", shm);
			if (!mkdtemp(own))
				own[0] = '\0';
		}
		base = strdup(theirs && own[0] ? own : shm);
	} else {
		return mend_err_set(
		    err, MEND_EINVAL,
		    "the journal is encrypted, and there is no directory in "
		    "memory ($XDG_RUNTIME_DIR or /dev/shm) to hold the "
		    "editor's file off the disk; give the text as an "
		    "argument, or '-' to read it from standard input");
	}
	return private_under(base, sub, true, out, err);
}

/* Where the editor's file goes: in memory for an encrypted journal
 * (memory_dir); else $XDG_RUNTIME_DIR/mend (private, gone at logout),
 * else mend's data directory. */
static enum mend_rc temp_dir(char **out, struct mend_err *err)
{
	if (memory_only)
		return memory_dir(NULL, out, err);
	const char *run = getenv("XDG_RUNTIME_DIR");
	if (run && run[0] == '/') {
		char *dir = join(run, "mend");
		if (!dir)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		if (private_dir(dir, NULL) == MEND_OK) {
			*out = dir;
			return MEND_OK;
		}
		free(dir);
	}
	return data_dir(NULL, out, err);
}

static enum mend_rc write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return MEND_EIO;
		s += w;
		n -= (size_t)w;
	}
	return MEND_OK;
}

/* A new private file in dir named after the time, open for writing. */
static int new_file(const char *dir, char **path)
{
	char name[64];
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(name, sizeof name, "mend-%Y%m%d-%H%M%S-XXXXXX.txt",
			 &tm);
	else
		snprintf(name, sizeof name, "mend-XXXXXX.txt");
	*path = join(dir, name);
	if (!*path)
		return -1;
	int fd = mkstemps(*path, 4);
	if (fd < 0) {
		free(*path);
		*path = NULL;
	}
	return fd;
}

static enum mend_rc keep_text(bool in_memory, const char *text, size_t len,
			      char **path, struct mend_err *err)
{
	char *dir = NULL;
	enum mend_rc rc = in_memory ? memory_dir("kept", &dir, err)
				    : data_dir("kept", &dir, err);

	*path = NULL;
	if (rc != MEND_OK)
		return rc;
	int fd = new_file(dir, path);
	if (fd < 0)
		rc = mend_err_set(err, MEND_EIO,
				  "cannot keep the text in %s: %s", dir,
				  strerror(errno));
	else if (write_all(fd, text, len) != MEND_OK || fsync(fd) != 0) {
		rc = mend_err_set(err, MEND_EIO,
				  "cannot keep the text in %s: %s", *path,
				  strerror(errno));
		unlink(*path);
		free(*path);
		*path = NULL;
	}
	if (fd >= 0)
		close(fd);
	free(dir);
	return rc;
}

enum mend_rc external_edit_keep(const char *text, size_t len, char **path,
				struct mend_err *err)
{
	return keep_text(memory_only, text, len, path, err);
}

enum mend_rc external_edit_keep_in_memory(const char *text, size_t len,
					  char **path, struct mend_err *err)
{
	return keep_text(true, text, len, path, err);
}

static enum mend_rc read_back(const char *path, size_t max, char **out,
			      size_t *len)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_NOFOLLOW);
	enum mend_rc rc = MEND_OK;

	*out = NULL;
	*len = 0;
	if (fd < 0)
		return MEND_EIO;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return MEND_EIO;
	}
	/* one byte past the limit is enough to know it is over */
	size_t cap =
	    (size_t)sb.st_size < max ? (size_t)sb.st_size + 1 : max + 1;
	char *buf = malloc(cap + 1);
	size_t n = 0;
	if (!buf)
		rc = MEND_ENOMEM;
	while (rc == MEND_OK && n < cap) {
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			rc = MEND_EIO;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (rc != MEND_OK) {
		free(buf);
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return MEND_OK;
}

/* Every byte that does not begin a valid UTF-8 character becomes U+FFFD,
 * as it does when typed. A new string (caller frees), or NULL. */
static char *replace_invalid(const char *s, size_t n, size_t *out_len)
{
	char *out = malloc(n * 3 + 1);
	size_t o = 0;
	uint32_t cp;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		} else {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		}
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static const char *editor_name(void)
{
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

struct saved_signals {
	struct sigaction intr, quit, term, hup;
};

static void catch_signals(struct saved_signals *old)
{
	struct sigaction ign, stop;
	memset(&ign, 0, sizeof ign);
	memset(&stop, 0, sizeof stop);
	ign.sa_handler = SIG_IGN;
	stop.sa_handler = on_stop; /* no SA_RESTART: waitpid wakes up */
	sigemptyset(&ign.sa_mask);
	sigemptyset(&stop.sa_mask);
	stop_signal = 0;
	sigaction(SIGINT, &ign, &old->intr);
	sigaction(SIGQUIT, &ign, &old->quit);
	sigaction(SIGTERM, &stop, &old->term);
	sigaction(SIGHUP, &stop, &old->hup);
}

static void restore_signals(const struct saved_signals *old)
{
	sigaction(SIGINT, &old->intr, NULL);
	sigaction(SIGQUIT, &old->quit, NULL);
	sigaction(SIGTERM, &old->term, NULL);
	sigaction(SIGHUP, &old->hup, NULL);
}

static void child(const char *editor, const char *path)
{
	char cmd[4096];
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	/* git's form; with exec when the editor is one plain command, so
	 * that the pid waited for (and told of a SIGTERM) is the editor's
	 * own and not a shell it would outlive */
	bool plain = !strpbrk(editor, ";&|()<>`=\n");
	snprintf(cmd, sizeof cmd, "%s%s \"$@\"", plain ? "exec " : "", editor);
	execl("/bin/sh", "sh", "-c", cmd, editor, path, (char *)NULL);
	_exit(127);
}

/* Wait for the editor; a stop signal is passed on, and then it has
 * GRACE_MS to end. Returns its status, or -1 when it was not seen to
 * end. */
static int wait_editor(pid_t pid)
{
	int status = -1, waited = 0;
	bool passed_on = false;

	for (;;) {
		if (stop_signal && !passed_on) {
			kill(pid, stop_signal);
			passed_on = true;
		}
		pid_t w = waitpid(pid, &status, passed_on ? WNOHANG : 0);
		if (w == pid)
			return status;
		if (w < 0 && errno != EINTR)
			return -1;
		if (passed_on && w == 0) {
			if (waited >= GRACE_MS)
				return -1;
			struct timespec ts = {0, 20 * 1000000L};
			nanosleep(&ts, NULL);
			waited += 20;
		}
	}
}

/* What the editor left could not be used: keep it when it holds anything
 * new (ed->kept names the file; err keeps the reason). */
static void keep_rest(struct external_edit *ed, const char *buf, size_t n)
{
	if (!buf || n == 0 ||
	    (n == ed->text_len && memcmp(buf, ed->text, n) == 0))
		return;
	if (external_edit_keep(buf, n, &ed->kept, NULL) != MEND_OK)
		ed->kept = NULL;
}

enum mend_rc external_edit_run(struct external_edit *ed, struct mend_err *err)
{
	const char *editor = editor_name();
	struct saved_signals old;
	char *dir = NULL, *path = NULL, *buf = NULL;
	size_t n = 0;
	int status = -1;
	enum mend_rc rc;

	ed->result = ed->kept = NULL;
	ed->len = 0;
	ed->signal = 0;
	rc = temp_dir(&dir, err);
	if (rc != MEND_OK)
		return rc;
	int fd = new_file(dir, &path);
	if (fd < 0)
		rc = mend_err_set(err, MEND_EIO,
				  "cannot make a file for the editor in %s: %s",
				  dir, strerror(errno));
	else if (write_all(fd, ed->text ? ed->text : "", ed->text_len) !=
		 MEND_OK)
		rc = mend_err_set(err, MEND_EIO, "cannot write %s: %s", path,
				  strerror(errno));
	if (fd >= 0)
		close(fd);
	free(dir);
	if (rc != MEND_OK)
		goto out;

	/* the handlers go in before the fork, so no signal falls between */
	catch_signals(&old);
	pid_t pid = fork();
	if (pid == 0)
		child(editor, path);
	if (pid < 0)
		rc = mend_err_set(err, MEND_EIO, "cannot start the editor: %s",
				  strerror(errno));
	else
		status = wait_editor(pid);
	ed->signal = stop_signal;
	restore_signals(&old);
	if (rc != MEND_OK)
		goto out;

	enum mend_rc rrc = read_back(path, ed->max, &buf, &n);
	if (ed->signal)
		rc = mend_err_set(
		    err, MEND_EIO,
		    "stopped by signal %d while the editor (%.60s) "
		    "was open",
		    ed->signal, editor);
	else if (status == -1 || !WIFEXITED(status))
		rc = mend_err_set(err, MEND_EIO,
				  "text: the editor (%.60s) was stopped before "
				  "it finished; nothing was taken from it",
				  editor);
	else if (WEXITSTATUS(status) == 127)
		rc = mend_err_set(err, MEND_EIO,
				  "text: the editor (%.60s) could not be "
				  "started; set VISUAL or EDITOR to one that "
				  "works",
				  editor);
	else if (WEXITSTATUS(status) != 0)
		rc = mend_err_set(err, MEND_EIO,
				  "text: the editor (%.60s) ended with status "
				  "%d; nothing was taken from it",
				  editor, WEXITSTATUS(status));
	else if (rrc != MEND_OK)
		rc = mend_err_set(
		    err, rrc == MEND_ENOMEM ? MEND_ENOMEM : MEND_EIO,
		    "cannot read the editor's file %s back", path);
	else if (n > ed->max)
		rc = mend_err_set(err, MEND_EINVAL,
				  "text: more than the %zu bytes allowed",
				  ed->max);
	else if (memchr(buf, '\0', n))
		rc = journal_check_text("text", buf, n, ed->max, false, err);
	else if (ed->lossy && !utf8_valid(buf, n, NULL)) {
		ed->result = replace_invalid(buf, n, &ed->len);
		if (!ed->result)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	} else
		rc = journal_check_text("text", buf, n, ed->max, false, err);
	if (rc != MEND_OK)
		keep_rest(ed, buf, n);
	else if (!ed->result) {
		ed->result = buf;
		ed->len = n;
		buf = NULL;
	}
out:
	if (path)
		unlink(path);
	free(path);
	free(buf);
	return rc;
}

void external_edit_done(struct external_edit *ed)
{
	free(ed->result);
	free(ed->kept);
	ed->result = ed->kept = NULL;
}
