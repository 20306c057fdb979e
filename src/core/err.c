/* SPDX-License-Identifier: MIT */
/* Error codes, their descriptions and exit codes, generated from the one
 * list in err.h, and the helper that fills a caller's error record. */
#include "mend/err.h"

#include <stdarg.h>
#include <stdio.h>

static const struct {
	const char *desc;
	int exit_code;
} rc_info[] = {
#define MEND_RC_INFO(name, code, desc) {desc, code},
	MEND_RC_LIST(MEND_RC_INFO)
#undef MEND_RC_INFO
};

const char *mend_rc_str(enum mend_rc rc)
{
	if ((size_t)rc >= sizeof rc_info / sizeof rc_info[0])
		return "unknown error";
	return rc_info[rc].desc;
}

int mend_rc_exit(enum mend_rc rc)
{
	if ((size_t)rc >= sizeof rc_info / sizeof rc_info[0])
		return 1;
	return rc_info[rc].exit_code;
}

enum mend_rc mend_err_set(struct mend_err *err, enum mend_rc rc,
			  const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return rc;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return rc;
}

void mend_err_clear(struct mend_err *err)
{
	if (err)
		err->msg[0] = '\0';
}
