/* SPDX-License-Identifier: MIT */
/* Result codes and the error record every core function can fill.
 * The core never prints: it returns a code and, when the caller passes a
 * struct mend_err, one human sentence saying which field, which value and
 * what is allowed. Front ends decide how to show it. */
#ifndef MEND_ERR_H
#define MEND_ERR_H

#include <stddef.h>

/* X(name, exit code, short description) */
#define MEND_RC_LIST(X)                                                        \
	X(MEND_OK, 0, "success")                                               \
	X(MEND_EINVAL, 2, "invalid input")                                     \
	X(MEND_ENOTFOUND, 2, "not found")                                      \
	X(MEND_EIO, 1, "input/output error")                                   \
	X(MEND_ESTORE, 1, "journal error")                                     \
	X(MEND_EBUSY, 1, "journal busy")                                       \
	X(MEND_ECANCELLED, 1, "stopped waiting for another mend")              \
	X(MEND_EFULL, 1, "disk full")                                          \
	X(MEND_ENOTDB, 1, "not a mend journal")                                \
	X(MEND_ENEWER, 1, "journal from a newer mend")                         \
	X(MEND_ECONTENT, 1, "bad content file")                                \
	X(MEND_EBADFILE, 1, "the file has problems")                           \
	X(MEND_ENOMEM, 1, "out of memory")                                     \
	X(MEND_EAUTH, 1, "the passphrase or key does not open the journal")    \
	X(MEND_ELOCKED, 1, "the journal is locked")

enum mend_rc {
#define MEND_RC_ENUM(name, code, desc) name,
	MEND_RC_LIST(MEND_RC_ENUM)
#undef MEND_RC_ENUM
};

#define MEND_ERR_MAX 512

/* Caller-owned; functions that fail fill msg with one sentence. */
struct mend_err {
	char msg[MEND_ERR_MAX];
};

/* Short description of rc; static storage, never freed. */
const char *mend_rc_str(enum mend_rc rc);

/* Process exit code for rc: 0 for MEND_OK, 2 for bad input, 1 otherwise. */
int mend_rc_exit(enum mend_rc rc);

/* Fill err (may be NULL) with a printf-style message and return rc.
 * Lets error paths read: return mend_err_set(err, MEND_EINVAL, "...", ...). */
enum mend_rc mend_err_set(struct mend_err *err, enum mend_rc rc,
			  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Empty err's message (err may be NULL). */
void mend_err_clear(struct mend_err *err);

#endif
