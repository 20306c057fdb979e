/* SPDX-License-Identifier: MIT */
/* The wrong-passphrase count beside a journal: one decimal number in a
 * 0600 file, read and rewritten under flock so two mends counting at
 * once do not lose a try. */
#include "mend/unlock_tries.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static char *tries_path(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	char *p = n ? malloc(n + sizeof ".tries") : NULL;
	if (p) {
		memcpy(p, path, n);
		memcpy(p + n, ".tries", sizeof ".tries");
	}
	return p;
}

static long read_count(int fd)
{
	char buf[24];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	long v = strtol(buf, NULL, 10);
	return v < 0 ? 0 : v;
}

int unlock_tries_wait(const char *path)
{
	char *p = tries_path(path);
	int fd = p ? open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : -1;
	long n = 0;

	if (fd >= 0) {
		flock(fd, LOCK_SH);
		n = read_count(fd);
		close(fd);
	}
	free(p);
	if (n < UNLOCK_TRIES_FREE)
		return 0;
	n -= UNLOCK_TRIES_FREE;
	return n >= 5				  ? UNLOCK_TRIES_WAIT_MAX
	       : (1 << n) < UNLOCK_TRIES_WAIT_MAX ? 1 << n
						  : UNLOCK_TRIES_WAIT_MAX;
}

void unlock_tries_note(const char *path, bool right)
{
	char *p = tries_path(path);
	int fd;

	if (!p)
		return;
	if (right) {
		unlink(p);
		free(p);
		return;
	}
	fd = open(p, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0) {
		char buf[24];
		flock(fd, LOCK_EX);
		int len =
		    snprintf(buf, sizeof buf, "%ld\n", read_count(fd) + 1);
		if (ftruncate(fd, 0) == 0 &&
		    pwrite(fd, buf, (size_t)len, 0) == len)
			fsync(fd);
		close(fd);
	}
	free(p);
}
