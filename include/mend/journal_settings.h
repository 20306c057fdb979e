/* SPDX-License-Identifier: MIT */
/* The settings a person chose or wrote, as an export carries them beyond
 * the no-contact start, goal and day start (export.c and import.c keep
 * those three): the crisis line, the reasons for keeping
 * space and the people to reach, the quick tags, the chosen stage of the
 * path, the contact mode, the reminder and its time, and an encrypted
 * journal's unlock and lock minutes. Each is checked on the way in as
 * `mend config` checks it. What belongs to one machine (the desktop's
 * keyring) or is only the screens' memory stays out, and so does the
 * ex's name: an export never carries it. No terminal. */
#ifndef MEND_JOURNAL_SETTINGS_H
#define MEND_JOURNAL_SETTINGS_H

#include <cJSON.h>
#include <stdbool.h>

#include "mend/clock.h"
#include "mend/err.h"
#include "mend/journal.h"

/* The names in an export's "settings" object, NULL-terminated. */
extern const char *const journal_settings_names[];

/* Add each of these settings that is set to obj (a cJSON object), in its
 * JSON type (text, a list of texts, a number), and raise latest
 * (CLOCK_ISO_LEN, "" for none yet) to the newest time one was changed. */
enum mend_rc journal_settings_export(struct journal *j, cJSON *obj,
				     char *latest, struct mend_err *err);

/* True when obj holds any of these settings. */
bool journal_settings_any(const cJSON *obj);

/* Check these settings in obj (an export's "settings" object; other keys
 * are the caller's): MEND_EINVAL with "settings.NAME: what is wrong" for
 * the first bad one. Nothing is written. */
enum mend_rc journal_settings_check(struct journal *j, const cJSON *obj,
				    struct mend_err *err);

/* Save each of these settings in obj (checked) whose time, updated (the
 * export's settings.updated_at), is newer than the journal's own, inside
 * the caller's transaction. */
enum mend_rc journal_settings_apply(struct journal *j, const cJSON *obj,
				    const char *updated, struct mend_err *err);

#endif
