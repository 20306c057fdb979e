/* SPDX-License-Identifier: MIT */
/* Shared by cmd_insights.c and insights_json.c only: each insights view
 * as text for people and as one JSON object for scripts. The views come
 * from the core (mend/insights.h); these only print them. */
#ifndef MEND_CLI_INSIGHTS_OUT_H
#define MEND_CLI_INSIGHTS_OUT_H

#include <cJSON.h>

#include "cli.h"
#include "mend/insights.h"

/* Each view as the JSON object data/mend-insights.schema.json describes;
 * NULL when out of memory. Caller deletes with cJSON_Delete. */
cJSON *insights_json_mood(const struct insights_mood *m);
cJSON *insights_json_year(const struct insights_year *y);
cJSON *insights_json_periods(const struct insights_periods *p);
cJSON *insights_json_helps(struct journal *j, const struct insights_helps *h,
			   const char *since, const char *until);
cJSON *insights_json_urges(const struct insights_urge_times *u,
			   const char *since, const char *until);
cJSON *insights_json_week(const struct insights_week *w);
cJSON *insights_json_lookback(const struct insights_lookback *l);
cJSON *insights_json_then_now(const struct insights_then_now *t);

/* The week's review as text on stdout (mend week, mend insights week). */
void insights_print_week(struct journal *j, const struct insights_week *w,
			 bool utf8);

/* True when text charts may use Unicode blocks: not under MEND_ASCII,
 * and the locale's character set is UTF-8. */
bool insights_utf8(void);

/* Print o pretty with a newline and delete it; false when out of
 * memory (o NULL or the print failed). */
bool insights_json_print(cJSON *o);

#endif
