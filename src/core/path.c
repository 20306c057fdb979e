/* SPDX-License-Identifier: MIT */
#include "mend/path.h"

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
