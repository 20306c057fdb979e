/* SPDX-License-Identifier: MIT */
/* The one entry writer: the export and every --json of the command line
 * call entry_json_write, so their entries cannot drift apart. The keys
 * are a table in the order they are written; a field that has no value
 * (NULL, "" for a day, ENTRY_NONE) is left out rather than written as
 * null. Written by hand rather than through cJSON so that an export
 * streams without building a tree for each record. */
#include "mend/entry_json.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

enum field_type {
	F_CHARS,  /* a char array, always written */
	F_DAY,	  /* a char array, left out when "" */
	F_KIND,	  /* the kind's name */
	F_MODULE, /* the kind's module's name */
	F_STR,	  /* const char *, left out when NULL */
	F_INT,	  /* int, left out when ENTRY_NONE */
	F_BOOL,	  /* int 0/1, left out when ENTRY_NONE */
	F_TAGS,	  /* space-separated string written as an array */
	F_SEALED, /* true when the text is withheld, else left out */
	F_FLAG,	  /* int, written always: true when 1, else false */
};

struct field {
	const char *key;
	enum field_type type;
	size_t off;    /* of the member in struct entry */
	bool filtered; /* user text: goes through the options' filter */
};

#define AT(m) offsetof(struct entry, m)

/* The entry shape, in order: data/mend-entry.schema.json and the JSON
 * OUTPUT section of mend(1) describe each key. */
static const struct field fields[] = {
    {"id", F_CHARS, AT(uuid), false},
    {"kind", F_KIND, 0, false},
    {"module", F_MODULE, 0, false},
    {"created_at", F_CHARS, AT(created_at), false},
    {"updated_at", F_CHARS, AT(updated_at), false},
    {"day", F_DAY, AT(day), false},
    {"mood", F_INT, AT(mood), false},
    {"urge", F_INT, AT(urge), false},
    {"contact", F_BOOL, AT(contact), false},
    {"by", F_STR, AT(initiator), false},
    {"channel", F_STR, AT(channel), false},
    {"necessary", F_BOOL, AT(necessary), false},
    {"restarted_period", F_BOOL, AT(breaks_period), false},
    {"category", F_STR, AT(category), false},
    {"minutes", F_INT, AT(minutes), false},
    {"open_day", F_INT, AT(open_day), false},
    {"outcome", F_STR, AT(outcome), false},
    {"urge_after", F_INT, AT(urge_after), false},
    {"seconds", F_INT, AT(seconds), false},
    {"score", F_INT, AT(score), false},
    {"step", F_STR, AT(step), false},
    {"prompt_id", F_STR, AT(prompt_id), false},
    {"prompt_text", F_STR, AT(prompt_text), true},
    {"tags", F_TAGS, AT(tags), true},
    {"starred", F_FLAG, AT(starred), false},
    {"sealed", F_SEALED, 0, false},
    {"text", F_STR, AT(text), true},
};

void entry_json_put_string(FILE *f, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *run = p;

	putc('"', f);
	for (; *p; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		fwrite(run, 1, (size_t)(p - run), f);
		run = p + 1;
		putc('\\', f);
		switch (*p) {
		case '"':
			putc('"', f);
			break;
		case '\\':
			putc('\\', f);
			break;
		case '\n':
			putc('n', f);
			break;
		case '\t':
			putc('t', f);
			break;
		case '\r':
			putc('r', f);
			break;
		case '\b':
			putc('b', f);
			break;
		case '\f':
			putc('f', f);
			break;
		default:
			fputs("u00", f);
			putc(hex[*p >> 4], f);
			putc(hex[*p & 15], f);
		}
	}
	fwrite(run, 1, (size_t)(p - run), f);
	putc('"', f);
}

struct writer {
	FILE *f;
	const struct entry_json_options *o;
	int first;
	int oom;
};

static const char *filtered(struct writer *w, const char *s)
{
	if (!w->o || !w->o->filter)
		return s;
	const char *r = w->o->filter(s, w->o->ctx);
	if (!r)
		w->oom = 1;
	return r ? r : s;
}

static void key(struct writer *w, const char *k)
{
	fputs(w->first ? "{\"" : ", \"", w->f);
	fputs(k, w->f);
	fputs("\": ", w->f);
	w->first = 0;
}

static void put_tags(struct writer *w, const char *tags)
{
	const char *p = tags;
	int n = 0;

	key(w, "tags");
	putc('[', w->f);
	while (*p) {
		size_t len = strcspn(p, " ");
		if (len) {
			char tag[256];
			snprintf(tag, sizeof tag, "%.*s", (int)len, p);
			fputs(n++ ? ", " : "", w->f);
			entry_json_put_string(w->f, filtered(w, tag));
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	putc(']', w->f);
}

static void put_field(struct writer *w, const struct entry *e,
		      const struct field *fd)
{
	const char *base = (const char *)e + fd->off;
	const char *s = NULL;
	int v;

	switch (fd->type) {
	case F_CHARS:
		s = base;
		break;
	case F_DAY:
		s = *base ? base : NULL;
		break;
	case F_KIND:
		s = kind_name(e->kind);
		break;
	case F_MODULE:
		s = module_name(kind_module(e->kind));
		break;
	case F_STR:
		memcpy(&s, base, sizeof s);
		break;
	case F_INT:
	case F_BOOL:
		memcpy(&v, base, sizeof v);
		if (v == ENTRY_NONE)
			return;
		key(w, fd->key);
		if (fd->type == F_INT)
			fprintf(w->f, "%d", v);
		else
			fputs(v ? "true" : "false", w->f);
		return;
	case F_TAGS:
		memcpy(&s, base, sizeof s);
		if (s && *s)
			put_tags(w, s);
		return;
	case F_FLAG:
		memcpy(&v, base, sizeof v);
		key(w, fd->key);
		fputs(v == 1 ? "true" : "false", w->f);
		return;
	case F_SEALED:
		if (w->o && w->o->sealed) {
			key(w, fd->key);
			fputs("true", w->f);
		}
		return;
	}
	if (!s)
		return;
	key(w, fd->key);
	entry_json_put_string(w->f, fd->filtered ? filtered(w, s) : s);
}

enum mend_rc entry_json_write(FILE *f, const struct entry *e,
			      const struct entry_json_options *o,
			      struct mend_err *err)
{
	struct writer w = {f, o, 1, 0};

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		put_field(&w, e, &fields[i]);
	putc('}', f);
	if (w.oom)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (ferror(f))
		return mend_err_set(err, MEND_EIO, "cannot write: %s",
				    strerror(errno));
	return MEND_OK;
}
