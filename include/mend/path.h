/* SPDX-License-Identifier: MIT */
/* File-name arithmetic shared by the store and export. */
#ifndef MEND_PATH_H
#define MEND_PATH_H

/* The directory a file named path is in: "dir" for "dir/name", "/" for
 * "/name", "." for a bare name. Caller frees; NULL when out of memory. */
char *path_parent(const char *path);

#endif
