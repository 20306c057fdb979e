/* SPDX-License-Identifier: MIT */
/* The reminder settings, kept with the journal's other settings, and
 * whether a nudge is due. Printing it, the once-a-session rule and the
 * timer files belong to the command line. */
#include "mend/remind.h"

#include <string.h>

#include "mend/checkin.h"
#include "mend/store.h"

static bool at_valid(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':')
		return false;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[3] - '0') * 10 + (s[4] - '0');
	return h < 24 && m < 60;
}

enum mend_rc remind_check_at(const char *s, struct mend_err *err)
{
	if (at_valid(s))
		return MEND_OK;
	return mend_err_set(err, MEND_EINVAL,
			    "remind-at: '%.32s' is not a time of day; give "
			    "HH:MM from 00:00 to 23:59, such as 20:30",
			    s);
}

enum mend_rc remind_check_on(const char *s, bool *on, struct mend_err *err)
{
	bool v;
	if (strcmp(s, "on") == 0)
		v = true;
	else if (strcmp(s, "off") == 0)
		v = false;
	else
		return mend_err_set(err, MEND_EINVAL,
				    "remind: '%.32s' is not one of on, off", s);
	if (on)
		*on = v;
	return MEND_OK;
}

enum mend_rc remind_settings(struct journal *j, bool *on,
			     char at[REMIND_AT_LEN], struct mend_err *err)
{
	char buf[64];
	enum mend_rc rc =
	    store_setting_get(j->st, "remind", buf, sizeof buf, err);
	*on = true;
	strcpy(at, REMIND_AT_DEFAULT);
	if (rc == MEND_OK)
		*on = strcmp(buf, "off") != 0;
	else if (rc != MEND_ENOTFOUND)
		return rc;
	rc = store_setting_get(j->st, "remind_at", buf, sizeof buf, err);
	if (rc == MEND_OK && at_valid(buf))
		memcpy(at, buf, REMIND_AT_LEN);
	else if (rc != MEND_OK && rc != MEND_ENOTFOUND)
		return rc;
	mend_err_clear(err);
	return MEND_OK;
}

enum mend_rc remind_set_on(struct journal *j, const char *value,
			   struct mend_err *err)
{
	enum mend_rc rc = remind_check_on(value, NULL, err);
	return rc == MEND_OK ? journal_set_setting(j, "remind", value, err)
			     : rc;
}

enum mend_rc remind_set_at(struct journal *j, const char *at,
			   struct mend_err *err)
{
	enum mend_rc rc = remind_check_at(at, err);
	return rc == MEND_OK ? journal_set_setting(j, "remind_at", at, err)
			     : rc;
}

static void seen(const struct entry *e, void *ctx)
{
	(void)e;
	*(bool *)ctx = true;
}

enum mend_rc remind_due(struct journal *j, bool *due, struct mend_err *err)
{
	char at[REMIND_AT_LEN];
	bool on, found = false;
	enum mend_rc rc = remind_settings(j, &on, at, err);

	*due = false;
	if (rc != MEND_OK || !on)
		return rc;
	rc = checkin_today(j, seen, &found, err);
	if (rc == MEND_ENOTFOUND) {
		mend_err_clear(err);
		rc = MEND_OK;
	}
	if (rc == MEND_OK)
		*due = !found;
	return rc;
}
