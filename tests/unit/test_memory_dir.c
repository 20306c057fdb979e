/* SPDX-License-Identifier: MIT */
/* The private directory in memory for an encrypted journal's passing
 * words: /dev/shm/mend-UID is a name anyone can take first. When someone
 * else has (another user's directory there), mend must not put the
 * words below it, and must still keep them, in a directory of its own. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mend/external_edit.h"
#include "test.h"

#define OTHER_UID 65534

/* In a child as uid: keep a text in memory and answer 0 when it went to
 * a directory of uid's own, not below taken (the other's directory). */
static int keep_as(uid_t uid, const char *taken)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *path = NULL;
		struct stat sb;
		char dir[256];
		if (uid != geteuid() &&
		    (setgid(uid) != 0 || setuid(uid) != 0))
			_exit(2);
		unsetenv("XDG_RUNTIME_DIR");
		external_edit_set_private(true);
		if (external_edit_keep("a hostile place", 15, &path, NULL) !=
		    MEND_OK)
			_exit(3);
		char kept[256];
		snprintf(kept, sizeof kept, "%s", path);
		*strrchr(kept, '/') = '\0'; /* .../kept */
		snprintf(dir, sizeof dir, "%s", kept);
		*strrchr(dir, '/') = '\0'; /* its base */
		int bad = strncmp(path, taken, strlen(taken)) == 0 &&
			  path[strlen(taken)] == '/';
		bad |= lstat(dir, &sb) != 0 || sb.st_uid != uid ||
		       (sb.st_mode & 0777) != 0700;
		unlink(path);
		rmdir(kept);
		rmdir(dir);
		_exit(bad ? 4 : 0);
	}
	int status = 0;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(test_a_memory_directory_someone_else_made_is_not_used)
{
	char taken[64];
	struct stat sb;

	CHECK(stat("/dev/shm", &sb) == 0);
	if (geteuid() == 0) {
		/* root plays the other user: its directory, open to all,
		 * under the name uid 65534 would use */
		snprintf(taken, sizeof taken, "/dev/shm/mend-%d", OTHER_UID);
		bool made = mkdir(taken, 0777) == 0;
		CHECK(made || errno == EEXIST);
		CHECK(lstat(taken, &sb) == 0);
		if (sb.st_uid == OTHER_UID) {
			/* a real one of that user's: leave it be */
			return;
		}
		chmod(taken, 0777);
		int r = keep_as(OTHER_UID, taken);
		if (made)
			rmdir(taken);
		CHECK(r == 0);
	} else {
		/* as an ordinary user: a file where the directory would be
		 * (only when the name is free, so that nothing is disturbed) */
		snprintf(taken, sizeof taken, "/dev/shm/mend-%ld",
			 (long)geteuid());
		if (lstat(taken, &sb) == 0)
			return;
		FILE *f = fopen(taken, "w");
		CHECK(f != NULL);
		fclose(f);
		int r = keep_as(geteuid(), taken);
		unlink(taken);
		CHECK(r == 0);
	}
}
