/* SPDX-License-Identifier: MIT */
/* Showing entries: as a page for people, or as JSON for scripts. */
#include "cli.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

static void add_str(cJSON *o, const char *key, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, key, v);
}

static void add_int(cJSON *o, const char *key, int v)
{
	if (v != ENTRY_NONE)
		cJSON_AddNumberToObject(o, key, v);
}

cJSON *cli_entry_json(const struct entry *e)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	add_str(o, "id", e->uuid);
	add_str(o, "module", module_name(kind_module(e->kind)));
	add_str(o, "kind", kind_name(e->kind));
	add_str(o, "created_at", e->created_at);
	add_str(o, "updated_at", e->updated_at);
	add_str(o, "text", e->text);
	if (e->kind == KIND_REFLECTION || e->kind == KIND_ACCEPTANCE) {
		if (e->prompt_id) {
			add_str(o, "prompt_id", e->prompt_id);
			add_str(o, "prompt_text", e->prompt_text);
		} else {
			cJSON_AddNullToObject(o, "prompt_id");
		}
	}
	if (e->day[0])
		add_str(o, "day", e->day);
	add_int(o, "mood", e->mood);
	add_int(o, "urge", e->urge);
	if (e->contact != ENTRY_NONE)
		cJSON_AddBoolToObject(o, "contact", e->contact);
	add_str(o, "by", e->initiator);
	add_str(o, "channel", e->channel);
	if (e->necessary != ENTRY_NONE)
		cJSON_AddBoolToObject(o, "necessary", e->necessary);
	if (e->breaks_period != ENTRY_NONE)
		cJSON_AddBoolToObject(o, "restarted_period", e->breaks_period);
	add_str(o, "category", e->category);
	add_int(o, "minutes", e->minutes);
	add_int(o, "open_day", e->open_day);
	add_str(o, "outcome", e->outcome);
	add_str(o, "tags", e->tags);
	return o;
}

void cli_print_entry(FILE *f, struct journal *j, const struct entry *e,
		     bool json)
{
	char when[32];

	if (json) {
		cJSON *o = cli_entry_json(e);
		char *s = o ? cJSON_Print(o) : NULL;
		if (s)
			fprintf(f, "%s\n", s);
		cJSON_free(s);
		cJSON_Delete(o);
		return;
	}
	cli_local_time(e->created_at, when);
	fprintf(f, "%s  %s", when, j->content->module_title[kind_module(e->kind)]);
	if (e->kind != KIND_REFLECTION && e->kind != KIND_ACCEPTANCE &&
	    e->kind != KIND_GROWTH && e->kind != KIND_CHECKIN)
		fprintf(f, " · %s", kind_name(e->kind));
	fprintf(f, "\nid %s\n", e->uuid);
	if (strcmp(e->created_at, e->updated_at) != 0) {
		cli_local_time(e->updated_at, when);
		fprintf(f, "edited %s\n", when);
	}
	switch (e->kind) {
	case KIND_CHECKIN:
		fprintf(f, "day %s · mood %d/10", e->day, e->mood);
		if (e->urge != ENTRY_NONE)
			fprintf(f, " · urge to contact %d/10", e->urge);
		fprintf(f, " · contact: %s\n", e->contact == 1 ? "yes" : "no");
		break;
	case KIND_CONTACT:
		fprintf(f, "%s · %s%s%s\n",
			e->initiator && strcmp(e->initiator, "them") == 0
				? "they reached out"
				: "I reached out",
			e->channel ? e->channel : "other",
			e->necessary == 1 ? " · necessary" : "",
			e->breaks_period == 1 ? " · restarted the period" : "");
		break;
	case KIND_URGE:
		fprintf(f, "urge %d/10, not acted on\n", e->urge);
		break;
	case KIND_SEALED:
		if (!journal_letter_open(j, e)) {
			fprintf(f, "sealed until day %d of no contact\n",
				e->open_day);
			return;
		}
		fprintf(f, "letter opened on day %d\n", e->open_day);
		break;
	case KIND_GROWTH:
		fprintf(f, "%s", e->category ? e->category : "");
		if (e->minutes != ENTRY_NONE)
			fprintf(f, " · %d min", e->minutes);
		fputc('\n', f);
		break;
	case KIND_DECISION:
		fprintf(f, "decision: %s\n", e->outcome ? e->outcome : "");
		break;
	default:
		break;
	}
	if (e->prompt_text)
		fprintf(f, "prompt (%s): %s\n", e->prompt_id, e->prompt_text);
	if (e->tags && *e->tags)
		fprintf(f, "tags: %s\n", e->tags);
	if (*e->text)
		fprintf(f, "\n%s\n", e->text);
}
