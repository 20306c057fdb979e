/* SPDX-License-Identifier: MIT */
/* File-name arithmetic; see mend/path.h. */
#include "mend/path.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *path_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

const char *path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int path_resolve_parent(const char *path, char **out)
{
	char *dir = path_parent(path), *real = NULL;
	int rc = 0;

	*out = NULL;
	if (!dir)
		return ENOMEM;
	real = realpath(dir, NULL);
	if (!real) {
		rc = errno ? errno : ENOENT;
	} else {
		const char *base = path_base(path);
		size_t n = strlen(real) + strlen(base) + 2;
		*out = malloc(n);
		if (!*out)
			rc = ENOMEM;
		else
			snprintf(*out, n, "%s%s%s", real,
				 strcmp(real, "/") == 0 ? "" : "/", base);
	}
	free(real);
	free(dir);
	return rc;
}
