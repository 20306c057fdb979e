/* SPDX-License-Identifier: MIT */
/* Filling a status-line format. It reads no journal and no content:
 * everything comes in a program_status, so a prompt that asks for the
 * line pays for a few indexed queries and nothing more. */
#include "mend/status_line.h"

#include <stdio.h>
#include <string.h>

#include "mend/journal.h"

static const char fields[] = "dgpcmMsh%";

enum mend_rc status_line_check(const char *format, struct mend_err *err)
{
	size_t len = strlen(format);
	enum mend_rc rc = journal_check_text(
	    "format", format, len, STATUS_LINE_FORMAT_MAX, false, err);
	if (rc != MEND_OK)
		return rc;
	if (strpbrk(format, "\t\n\r"))
		return mend_err_set(err, MEND_EINVAL,
				    "format: contains a tab or a line break; "
				    "the status is one line");
	for (const char *p = format; (p = strchr(p, '%')); p += 2) {
		if (!p[1])
			return mend_err_set(err, MEND_EINVAL,
					    "format: ends with a lone '%%'; "
					    "write %%%% for a percent sign");
		if (!strchr(fields, p[1]) || (unsigned char)p[1] >= 0x80)
			return mend_err_set(err, MEND_EINVAL,
					    "format: '%%%c' is not a field; "
					    "use %s",
					    (unsigned char)p[1] < 0x80 ? p[1]
								       : '?',
					    STATUS_LINE_FIELDS);
	}
	return MEND_OK;
}

bool status_line_needs_content(const char *format)
{
	for (const char *p = format; (p = strchr(p, '%')) && p[1]; p += 2)
		if (p[1] == 's')
			return true;
	return false;
}

/* A decision to reconnect or stay friends: no contact is no longer the
 * goal, so the line counts days without measuring them against one. */
static bool goal_set_aside(const struct program_status *s)
{
	return s->has_decision && (strcmp(s->decision, "reconnect") == 0 ||
				   strcmp(s->decision, "friends") == 0);
}

const char *status_line_default(const struct program_status *s, bool ascii)
{
	if (!s->nc.started)
		return "%h %c";
	return ascii ? "%h day %p | %c" : "%h day %p \u00b7 %c";
}

/* Append text to buf (n bytes, used so far at *at), cutting at a
 * character boundary when it does not fit. */
static void put(char *buf, size_t n, size_t *at, const char *text)
{
	size_t len = strlen(text), room = n - 1 - *at;
	if (len > room) {
		len = room;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf + *at, text, len);
	*at += len;
	buf[*at] = '\0';
}

char *status_line_format(char *buf, size_t n, const char *format,
			 const struct program_status *s, const char *title,
			 bool ascii)
{
	char num[48];
	size_t at = 0;

	if (!n)
		return buf;
	buf[0] = '\0';
	for (const char *p = format; *p && at + 1 < n; p++) {
		if (*p != '%' || !p[1]) {
			char one[2] = {*p, '\0'};
			put(buf, n, &at, one);
			continue;
		}
		num[0] = '\0';
		switch (*++p) {
		case 'd':
			if (s->nc.started)
				snprintf(num, sizeof num, "%ld", s->nc.days);
			break;
		case 'g':
			snprintf(num, sizeof num, "%d", s->nc.goal_days);
			break;
		case 'p':
			if (s->nc.started && goal_set_aside(s))
				snprintf(num, sizeof num, "%ld", s->nc.days);
			else if (s->nc.started)
				snprintf(num, sizeof num, "%ld/%d", s->nc.days,
					 s->nc.goal_days);
			break;
		case 'c':
			put(buf, n, &at,
			    s->checked_in_today ? (ascii ? "ok" : "\u2713")
						: "check in");
			break;
		case 'm':
			if (s->nc.started && s->nc.next_milestone)
				snprintf(num, sizeof num, "%d",
					 s->nc.next_milestone);
			break;
		case 'M':
			if (s->checked_in_today)
				snprintf(num, sizeof num, "%d", s->today_mood);
			break;
		case 's':
			put(buf, n, &at,
			    title ? title : module_name(s->suggested));
			break;
		case 'h':
			put(buf, n, &at, ascii ? "<3" : "\u2665");
			break;
		default: /* '%' and, unchecked, anything else as it is */
			num[0] = *p;
			num[1] = '\0';
			break;
		}
		put(buf, n, &at, num);
	}
	return buf;
}
