/* SPDX-License-Identifier: MIT */
/* The entry record: names of modules and kinds, and deep copies. */
#include "mend/entry.h"

#include <stdlib.h>
#include <string.h>

static const char *const module_names[] = {
#define MODULE_NAME(e, name) name,
	MODULE_LIST(MODULE_NAME)
#undef MODULE_NAME
};

static const struct {
	const char *name;
	enum module module;
} kinds[] = {
#define KIND_INFO(e, name, mod) {name, mod},
	KIND_LIST(KIND_INFO)
#undef KIND_INFO
};

void entry_init(struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->text = "";
	e->mood = e->urge = e->contact = e->necessary = ENTRY_NONE;
	e->breaks_period = e->minutes = e->open_day = ENTRY_NONE;
	e->urge_after = e->seconds = e->score = ENTRY_NONE;
	e->starred = 0;
}

enum module kind_module(enum kind k)
{
	return (unsigned)k < KIND_COUNT ? kinds[k].module : MODULE_CHECKIN;
}

const char *module_name(enum module m)
{
	return (unsigned)m < MODULE_COUNT ? module_names[m] : "?";
}

const char *kind_name(enum kind k)
{
	return (unsigned)k < KIND_COUNT ? kinds[k].name : "?";
}

bool module_from_name(const char *name, enum module *out)
{
	for (int i = 0; name && i < MODULE_COUNT; i++) {
		if (strcmp(name, module_names[i]) == 0) {
			*out = (enum module)i;
			return true;
		}
	}
	return false;
}

bool kind_from_name(const char *name, enum kind *out)
{
	for (int i = 0; name && i < KIND_COUNT; i++) {
		if (strcmp(name, kinds[i].name) == 0) {
			*out = (enum kind)i;
			return true;
		}
	}
	return false;
}

/* Appends s to the block at *cursor and returns the copy (NULL stays NULL). */
static const char *stash(char **cursor, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *dst = *cursor;
	memcpy(dst, s, n);
	*cursor += n;
	return dst;
}

static size_t len0(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

struct entry *entry_dup(const struct entry *e)
{
	const char *text = e->text ? e->text : "";
	size_t extra = len0(text) + len0(e->prompt_id) +
		       len0(e->prompt_text) + len0(e->initiator) +
		       len0(e->channel) + len0(e->category) +
		       len0(e->outcome) + len0(e->tags) + len0(e->step);
	struct entry *copy = malloc(sizeof *copy + extra);
	if (!copy)
		return NULL;
	*copy = *e;
	char *cursor = (char *)(copy + 1);
	copy->text = stash(&cursor, text);
	copy->prompt_id = stash(&cursor, e->prompt_id);
	copy->prompt_text = stash(&cursor, e->prompt_text);
	copy->initiator = stash(&cursor, e->initiator);
	copy->channel = stash(&cursor, e->channel);
	copy->category = stash(&cursor, e->category);
	copy->outcome = stash(&cursor, e->outcome);
	copy->tags = stash(&cursor, e->tags);
	copy->step = stash(&cursor, e->step);
	return copy;
}

void entry_free(struct entry *e)
{
	free(e);
}
