/* SPDX-License-Identifier: MIT */
/* Unnamed files in memory or on disk (memfile.h). */
#define _GNU_SOURCE
#include "mend/memfile.h"

#include <sys/mman.h>
#include <unistd.h>

FILE *memfile_new(void)
{
	int fd = memfd_create("mend", MFD_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "w+") : NULL;
	if (!f && fd >= 0)
		close(fd);
	return f;
}

FILE *memfile_spool(bool in_memory)
{
	return in_memory ? memfile_new() : tmpfile();
}
