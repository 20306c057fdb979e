/* SPDX-License-Identifier: MIT */
/* File-name arithmetic shared by the store and export, and the one place
 * that resolves a journal's directory. Nothing here opens a file. */
#ifndef MEND_PATH_H
#define MEND_PATH_H

/* The directory a file named path is in: "dir" for "dir/name", "/" for
 * "/name", "." for a bare name. Caller frees; NULL when out of memory. */
char *path_parent(const char *path);

/* The last component of path: "name" for "dir/name" (borrowed, points
 * into path; "" when path ends in '/'). */
const char *path_base(const char *path);

/* path with its directory part resolved by realpath(): every symbolic
 * link above the file is followed (/home -> var/home), the file's own
 * name is kept as it is, so a link there is still seen as one. *out is
 * the absolute result, caller frees with free. Returns 0, or the errno
 * of the failure (ENOENT when the directory does not exist, ENOMEM). */
int path_resolve_parent(const char *path, char **out);

#endif
