/* SPDX-License-Identifier: MIT */
/* Passphrases for the command line: the command a script sets, or the
 * terminal with echo off. The terminal's mode is put back on every way
 * out, a signal included (tcsetattr is safe in a handler). */
#include "passphrase.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static const char *const for_names[] = {"unlock", "new", "export", "import"};

static volatile sig_atomic_t tty_fd = -1;
static struct termios tty_saved;
static volatile sig_atomic_t got_signal;

bool passphrase_has_command(void)
{
	const char *c = getenv("MEND_PASSPHRASE_COMMAND");
	return c && *c;
}

void passphrase_free(char *p)
{
	if (p)
		sodium_free(p);
}

void passphrase_say(const char *msg)
{
	int fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	fprintf(f ? f : stderr, "%s\n", msg);
	if (f)
		fclose(f);
	else if (fd >= 0)
		close(fd);
}

static enum mend_rc alloc_pass(char **out, struct mend_err *err)
{
	if (sodium_init() < 0 || !(*out = sodium_malloc(PASSPHRASE_MAX + 2)))
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	return MEND_OK;
}

/* The first line of the command's output, up to PASSPHRASE_MAX bytes;
 * the rest is read and dropped so the command is not stopped by a full
 * pipe. */
static enum mend_rc from_command(enum passphrase_for what, char *buf,
				 size_t *len, struct mend_err *err)
{
	const char *cmd = getenv("MEND_PASSPHRASE_COMMAND");
	int p[2], status = 0;
	size_t n = 0;
	bool eol = false, long_line = false;
	pid_t pid;

	if (pipe(p) != 0)
		return mend_err_set(err, MEND_EIO,
				    "cannot run "
				    "MEND_PASSPHRASE_COMMAND: %s",
				    strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return mend_err_set(err, MEND_EIO,
				    "cannot run "
				    "MEND_PASSPHRASE_COMMAND: %s",
				    strerror(errno));
	}
	if (pid == 0) {
		dup2(p[1], STDOUT_FILENO);
		close(p[0]);
		close(p[1]);
		setenv("MEND_PASSPHRASE_FOR", for_names[what], 1);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	for (;;) {
		char c;
		ssize_t r = read(p[0], &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (eol)
			continue;
		if (c == '\n') {
			eol = true;
		} else if (n < PASSPHRASE_MAX) {
			buf[n++] = c;
		} else {
			long_line = true;
		}
	}
	close(p[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (n && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return mend_err_set(
		    err, MEND_EINVAL,
		    "MEND_PASSPHRASE_COMMAND failed (%s %d); "
		    "nothing was done",
		    WIFEXITED(status) ? "exit status" : "signal",
		    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	if (long_line)
		return mend_err_set(err, MEND_EINVAL,
				    "MEND_PASSPHRASE_COMMAND gave a passphrase "
				    "longer than %d bytes",
				    PASSPHRASE_MAX);
	if (n == 0)
		return mend_err_set(err, MEND_EINVAL,
				    "MEND_PASSPHRASE_COMMAND gave an empty "
				    "passphrase");
	*len = n;
	return MEND_OK;
}

static void on_signal(int sig)
{
	if (tty_fd >= 0)
		tcsetattr(tty_fd, TCSAFLUSH, &tty_saved);
	got_signal = sig;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* One answer from the terminal, echo off. */
static enum mend_rc ask_tty(int fd, const char *prompt, char *buf, size_t *len,
			    struct mend_err *err)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};
	struct sigaction sa, ign, old[5];
	struct termios t;
	enum mend_rc rc = MEND_OK;
	size_t n = 0;
	bool cut = false;

	if (tcgetattr(fd, &tty_saved) != 0)
		return mend_err_set(err, MEND_ENOTFOUND, "no terminal");
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	ign = sa;
	/* stopped at the prompt, mend would come back with echo on: Ctrl-Z
	 * waits until the passphrase is in */
	ign.sa_handler = SIG_IGN;
	for (int i = 0; i < 5; i++)
		sigaction(sigs[i], sigs[i] == SIGTSTP ? &ign : &sa, &old[i]);
	tty_fd = fd;
	t = tty_saved;
	t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	t.c_lflag |= ICANON | ISIG;
	if (write(fd, prompt, strlen(prompt)) < 0 ||
	    tcsetattr(fd, TCSAFLUSH, &t) != 0) {
		rc = mend_err_set(err, MEND_EIO, "cannot ask on the terminal");
		goto out;
	}
	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || c == '\n' || c == '\r')
			break;
		if (n < PASSPHRASE_MAX)
			buf[n++] = c;
		else
			cut = true;
	}
	buf[n] = '\0';
	sodium_memzero(&t, sizeof t);
out:
	tcsetattr(fd, TCSAFLUSH, &tty_saved);
	tty_fd = -1;
	for (int i = 0; i < 5; i++)
		sigaction(sigs[i], &old[i], NULL);
	if (write(fd, "\n", 1) < 0) {
		/* nothing to tell: the answer is read */
	}
	if (rc == MEND_OK && cut)
		rc = mend_err_set(err, MEND_EINVAL,
				  "the passphrase is longer than %d bytes",
				  PASSPHRASE_MAX);
	if (rc == MEND_OK && n == 0)
		rc = mend_err_set(err, MEND_EINVAL,
				  "no passphrase was given; nothing was done");
	*len = n;
	return rc;
}

enum mend_rc passphrase_read(enum passphrase_for what, const char *prompt,
			     const char *confirm_prompt, char **out,
			     size_t *len, bool *from_cmd, struct mend_err *err)
{
	char *buf = NULL, *again = NULL;
	size_t n2 = 0;
	int fd = -1;
	enum mend_rc rc = alloc_pass(&buf, err);

	if (from_cmd)
		*from_cmd = passphrase_has_command();
	if (rc == MEND_OK && passphrase_has_command()) {
		rc = from_command(what, buf, len, err);
		goto out;
	}
	if (rc == MEND_OK &&
	    (fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		rc = mend_err_set(err, MEND_ENOTFOUND,
				  "no terminal to ask the passphrase on");
	if (rc == MEND_OK)
		rc = ask_tty(fd, prompt, buf, len, err);
	if (rc == MEND_OK && confirm_prompt) {
		rc = alloc_pass(&again, err);
		if (rc == MEND_OK)
			rc = ask_tty(fd, confirm_prompt, again, &n2, err);
		if (rc == MEND_OK &&
		    (n2 != *len || memcmp(buf, again, n2) != 0))
			rc = mend_err_set(err, MEND_EINVAL,
					  "the two passphrases differ; "
					  "nothing was changed");
	}
out:
	if (fd >= 0)
		close(fd);
	passphrase_free(again);
	if (rc != MEND_OK) {
		passphrase_free(buf);
		buf = NULL;
	}
	*out = buf;
	return rc;
}
