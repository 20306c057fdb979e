/* SPDX-License-Identifier: MIT */
/* Random (version 4) UUIDs: every record the user creates gets one that
 * never changes, so that export and import can merge by it. */
#ifndef MEND_UUID_H
#define MEND_UUID_H

#include <stdbool.h>

#include "mend/err.h"

/* 36 characters plus NUL */
#define UUID_LEN 37

/* Write a new lower-case version 4 UUID into out. Fails (MEND_EIO) only
 * when the system has no randomness to give. */
enum mend_rc uuid_new(char out[UUID_LEN], struct mend_err *err);

/* True when s is a UUID in 8-4-4-4-12 hex form (any version, any case). */
bool uuid_valid(const char *s);

#endif
