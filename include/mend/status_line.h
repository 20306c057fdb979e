/* SPDX-License-Identifier: MIT */
/* The one-line status for a shell prompt or a tmux status bar: a format
 * of fields (%d days, %g goal, %c today's check-in...) filled from a
 * program_status. Formatting only: the front end opens the journal,
 * reads the status and prints the line. */
#ifndef MEND_STATUS_LINE_H
#define MEND_STATUS_LINE_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/err.h"
#include "mend/program.h"

/* The longest format accepted, in bytes. */
#define STATUS_LINE_FORMAT_MAX 256

/* The fields, for help texts: "%d %g %p %c %m %M %s %h %%". */
#define STATUS_LINE_FIELDS "%d %g %p %c %m %M %s %h %%"

/* Check a format: printable UTF-8, at most STATUS_LINE_FORMAT_MAX bytes,
 * every % followed by a known field letter. A bad one is MEND_EINVAL
 * naming "format", the bad piece and the fields allowed. */
enum mend_rc status_line_check(const char *format, struct mend_err *err);

/* True when the format uses a field that needs the content (%s, the
 * suggested module's title), so the caller loads it. */
bool status_line_needs_content(const char *format);

/* The line shown when no format is given, for s: "%h day %p · %c", or
 * "%h %c" before no contact is started; "|" for "·" when ascii. Static
 * storage. */
const char *status_line_default(const struct program_status *s, bool ascii);

/* Fill format (already checked) from s into buf (n bytes, NUL-ended,
 * cut short at a character boundary when it does not fit). title is the
 * suggested module's title for %s (NULL: its short name). ascii: plain
 * ASCII for the heart and the check mark. No decision to reconnect or
 * stay friends: %p is "days/goal"; after one, the days alone. Returns
 * buf. */
char *status_line_format(char *buf, size_t n, const char *format,
			 const struct program_status *s, const char *title,
			 bool ascii);

#endif
