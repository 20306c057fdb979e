/* SPDX-License-Identifier: MIT */
/* Export: three writers over one cursor. Records are written as they are
 * read, with a small reusable buffer for the pseudonym, so memory stays
 * flat whatever the journal's size. The JSON is written by hand rather
 * than through cJSON trees: the key order is fixed and documented, text
 * stays UTF-8 as written, and no record is ever held whole. Each entry is
 * written by entry_json_write, the same writer as the command line's
 * --json. */
/* O_TMPFILE and linkat's AT_SYMLINK_FOLLOW (Linux); without them the
 * export falls back to a named temporary file. */
#define _GNU_SOURCE
#include "mend/pause.h"
#include "mend/export.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mend/entry_json.h"
#include "mend/exercise.h"
#include "mend/export_age.h"
#include "mend/journal_settings.h"
#include "mend/memfile.h"
#include "mend/nocontact.h"
#include "mend/path.h"
#include "mend/store_crypt.h"
#include "mend/tags.h"
#include "pseudo.h"

struct exporter {
	struct journal *j;
	const struct export_options *o;
	FILE *f;
	struct pseudo *ps;               /* --pseudonym, or NULL */
	long n;                          /* records written in this array */
	struct tag_count {
		char *tag; /* as first written; every later use writes it so */
		char *key; /* tags_key: one tag however it is written */
		long n;
		long last; /* the entry that last counted it */
	} *tags;      /* jrnl: every tag, with how many entries have it */
	size_t n_tags;
	long last_day;                   /* markdown: day of the last heading */
	struct export_counts counts;
	int oom;
};

int export_format_from_name(const char *name, enum export_format *out)
{
	static const char *const names[] = {"json", "jrnl", "markdown",
					    "jrnl-text"};
	for (int i = 0; name && i < (int)(sizeof names / sizeof names[0]); i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (enum export_format)i;
			return 1;
		}
	}
	return 0;
}

static void put_str(FILE *f, const char *s)
{
	entry_json_put_string(f, s);
}

/* The text with the name replaced by the pseudonym, when one is given.
 * Borrowed: valid until the next call. */
static const char *pseudo(struct exporter *x, const char *text)
{
	if (!x->ps || !text)
		return text;
	const char *r = pseudo_apply(x->ps, text);
	if (!r)
		x->oom = 1;
	return r ? r : text;
}

/* --- mend JSON --- */

static void key(struct exporter *x, const char *k, int *first)
{
	fputs(*first ? "\"" : ", \"", x->f);
	fputs(k, x->f);
	fputs("\": ", x->f);
	*first = 0;
}

static void kv_str(struct exporter *x, const char *k, const char *v, int *first)
{
	if (!v)
		return;
	key(x, k, first);
	put_str(x->f, v);
}

/* The pseudonym as entry_json_write's filter: NULL when out of memory. */
static const char *pseudo_filter(const char *s, void *ctx)
{
	struct exporter *x = ctx;
	return x->ps ? pseudo_apply(x->ps, s) : s;
}

static int json_entry(const struct entry *e, void *ctx)
{
	struct exporter *x = ctx;
	/* the backup keeps every letter's text, sealed or not */
	struct entry_json_options jo = {.filter = pseudo_filter, .ctx = x};

	fputs(x->n++ ? ",\n    " : "\n    ", x->f);
	if (entry_json_write(x->f, e, &jo, NULL) == MEND_ENOMEM)
		x->oom = 1;
	x->counts.entries++;
	return ferror(x->f) || x->oom;
}

static int json_period(const struct period *p, void *ctx)
{
	struct exporter *x = ctx;
	int first = 1;

	if (x->o->since || x->o->until) {
		/* periods follow the date filter by when they began */
		struct mend_date d = clock_local_date(0);
		time_t t;
		char day[CLOCK_DATE_LEN];
		if (clock_parse_iso(p->started_at, &t))
			d = clock_local_date(t);
		clock_format_date(d, day);
		if ((x->o->since && strcmp(day, x->o->since) < 0) ||
		    (x->o->until && strcmp(day, x->o->until) > 0))
			return 0;
	}
	fputs(x->n++ ? ",\n    {" : "\n    {", x->f);
	kv_str(x, "id", p->uuid, &first);
	kv_str(x, "created_at", p->created_at, &first);
	kv_str(x, "updated_at", p->updated_at, &first);
	kv_str(x, "started_at", p->started_at, &first);
	kv_str(x, "ended_at", p->ended_at[0] ? p->ended_at : NULL, &first);
	putc('}', x->f);
	x->counts.periods++;
	return ferror(x->f) != 0;
}

/* The name replaced in a setting's text, or in each text of a list. */
static enum mend_rc pseudonymize(struct pseudo *ps, cJSON *it,
				 struct mend_err *err)
{
	cJSON *e;
	if (cJSON_IsArray(it)) {
		cJSON_ArrayForEach(e, it)
		{
			enum mend_rc rc = pseudonymize(ps, e, err);
			if (rc != MEND_OK)
				return rc;
		}
		return MEND_OK;
	}
	if (!cJSON_IsString(it))
		return MEND_OK;
	const char *t = pseudo_apply(ps, it->valuestring);
	if (!t || (t != it->valuestring && !cJSON_SetValuestring(it, t)))
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	return MEND_OK;
}

static enum mend_rc json_settings(struct exporter *x, struct mend_err *err)
{
	static const char *const keys[] = {"start_date", "goal_days",
					   "day_start_hour"};
	char value[64], updated[CLOCK_ISO_LEN], latest[CLOCK_ISO_LEN] = "";
	int first = 1;

	fputs("  \"settings\": {", x->f);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		enum mend_rc rc = store_setting_get(x->j->st, keys[i], value,
						    sizeof value, err);
		if (rc == MEND_ENOTFOUND)
			continue;
		if (rc == MEND_OK)
			rc = store_setting_updated(x->j->st, keys[i], updated,
						   err);
		if (rc != MEND_OK)
			return rc;
		if (strcmp(updated, latest) > 0)
			memcpy(latest, updated, sizeof latest);
		key(x, keys[i], &first);
		if (i == 0)
			put_str(x->f, value);
		else
			fputs(value, x->f);
	}
	/* what the person chose and wrote beyond those three, the name
	 * replaced under a pseudonym */
	cJSON *more = cJSON_CreateObject(), *it;
	enum mend_rc rc = more ? journal_settings_export(x->j, more, latest,
							err)
			       : mend_err_set(err, MEND_ENOMEM, "out of memory");
	cJSON *from = rc == MEND_OK ? more : NULL;
	cJSON_ArrayForEach(it, from)
	{
		if (x->ps && rc == MEND_OK)
			rc = pseudonymize(x->ps, it, err);
		char *v = rc == MEND_OK ? cJSON_PrintUnformatted(it) : NULL;
		if (!v) {
			rc = rc != MEND_OK ? rc
					   : mend_err_set(err, MEND_ENOMEM,
							  "out of memory");
			break;
		}
		key(x, it->string, &first);
		fputs(v, x->f);
		cJSON_free(v);
	}
	cJSON_Delete(more);
	if (rc != MEND_OK)
		return rc;
	if (latest[0])
		kv_str(x, "updated_at", latest, &first);
	fputs("},\n", x->f);
	return MEND_OK;
}

static enum mend_rc write_json(struct exporter *x, struct entry_filter *f,
			       struct mend_err *err)
{
	enum mend_rc rc;

	fprintf(x->f,
		"{\n  \"format\": \"mend-journal\",\n  \"version\": %d,\n"
		"  \"exported_at\": \"%s\",\n  \"app_version\": \"%s\",\n",
		EXPORT_FORMAT_VERSION, x->j->now_iso, MEND_VERSION);
	rc = json_settings(x, err);
	if (rc != MEND_OK)
		return rc;
	fputs("  \"periods\": [", x->f);
	if (x->o->module < 0 || x->o->module == MODULE_NOCONTACT) {
		rc = store_periods_each(x->j->st, true, json_period, x, err);
		if (rc != MEND_OK)
			return rc;
	}
	fputs(x->n ? "\n  ],\n  \"entries\": [" : "],\n  \"entries\": [", x->f);
	x->n = 0;
	rc = store_entries_each(x->j->st, f, json_entry, x, err);
	if (rc != MEND_OK)
		return rc;
	fputs(x->n ? "\n  ]\n}\n" : "]\n}\n", x->f);
	return MEND_OK;
}

/* --- jrnl's JSON shape --- */

/* Text shown in the reading formats: sealed letters stay sealed there. */
static const char *readable_text(struct exporter *x, const struct entry *e,
				 char *tmp, size_t n)
{
	if (e->kind == KIND_SEALED && !journal_letter_open(x->j, e)) {
		snprintf(tmp, n, "(A letter to yourself, sealed until day %d "
				 "of no contact.)",
			 e->open_day);
		return tmp;
	}
	if (e->kind == KIND_CHECKIN && !*e->text) {
		snprintf(tmp, n, "Check-in: mood %d/10", e->mood);
		return tmp;
	}
	if (e->kind == KIND_URGE && !*e->text) {
		snprintf(tmp, n, "An urge of %d/10, not acted on.", e->urge);
		return tmp;
	}
	if (e->kind == KIND_DECISION && !*e->text) {
		snprintf(tmp, n, "Decision: %s", e->outcome);
		return tmp;
	}
	if (e->kind == KIND_CONTACT && !*e->text) {
		snprintf(tmp, n, "Contact (%s, by %s)", e->channel, e->initiator);
		return tmp;
	}
	return pseudo(x, e->text);
}

/* The journal day (which begins at day_start_hour, as check-ins count
 * days: 01:30 is still the evening before) and the local time of iso. */
static void local_parts(const char *iso, int day_start_hour,
			char date[CLOCK_DATE_LEN], char hm[6], long *day)
{
	time_t t = 0;
	struct tm tm;
	clock_parse_iso(iso, &t);
	if (!localtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	struct mend_date d = clock_journal_day(t, day_start_hour);
	clock_format_date(d, date);
	snprintf(hm, 6, "%02u:%02u", (unsigned)tm.tm_hour % 24u,
		 (unsigned)tm.tm_min % 60u);
	if (day)
		*day = clock_days_from_civil(d);
}

/* Count tag for entry number n, once however often the entry names it
 * and however it is written (#Work and @work are one tag, as in the tags
 * table). Returns the tag as the export writes it, the way it was first
 * written, on its first appearance in the entry, else NULL. The table is
 * searched linearly: a journal has tens of tags, not thousands (import
 * allows at most IMPORT_MAX_TAGS a record). */
static const char *count_tag(struct exporter *x, const char *tag, long n)
{
	char *key = NULL;
	if (tags_key(tag, strlen(tag), &key, NULL) != MEND_OK) {
		x->oom = 1;
		return NULL;
	}
	for (size_t i = 0; i < x->n_tags; i++) {
		if (strcmp(x->tags[i].key, key) == 0) {
			free(key);
			if (x->tags[i].last == n)
				return NULL;
			x->tags[i].last = n;
			x->tags[i].n++;
			return x->tags[i].tag;
		}
	}
	struct tag_count *grown =
		realloc(x->tags, (x->n_tags + 1) * sizeof *grown);
	char *copy = strdup(tag);
	if (!grown || !copy) {
		if (grown)
			x->tags = grown;
		free(copy);
		free(key);
		x->oom = 1;
		return NULL;
	}
	x->tags = grown;
	x->tags[x->n_tags++] = (struct tag_count){copy, key, 1, n};
	return copy;
}

static int jrnl_entry(const struct entry *e, void *ctx)
{
	struct exporter *x = ctx;
	char tmp[160], date[CLOCK_DATE_LEN], hm[6], tag[260];
	const char *text = readable_text(x, e, tmp, sizeof tmp);
	size_t title_len = strcspn(text, "\n");
	enum module m = kind_module(e->kind);
	long n = x->n;

	local_parts(e->created_at, 0, date, hm, NULL);
	fputs(x->n++ ? ",\n    {\"title\": " : "\n    {\"title\": ", x->f);
	char *title = strndup(text, title_len);
	if (!title)
		return x->oom = 1;
	put_str(x->f, title);
	free(title);
	fputs(", \"body\": ", x->f);
	put_str(x->f, text[title_len] ? text + title_len + 1 : "");
	snprintf(tag, sizeof tag, "@%s", module_name(m));
	fprintf(x->f, ", \"date\": \"%s\", \"time\": \"%s\", \"tags\": [", date,
		hm);
	const char *module_tag = count_tag(x, tag, n);
	put_str(x->f, module_tag ? module_tag : tag);
	/* each tag once, the module's first: a user tag equal to it (as a
	 * jrnl round trip makes) is not written again. The entry's tags are
	 * those it keeps and those of its text (as jrnl counts them), the
	 * same set as the tags table; a sealed letter's text gives none. */
	struct tag_list tl;
	tag_list_init(&tl);
	bool sealed = e->kind == KIND_SEALED && !journal_letter_open(x->j, e);
	if (tags_derive(sealed ? NULL : e->text, e->tags, &tl, NULL) != MEND_OK)
		x->oom = 1;
	for (size_t i = 0; i < tl.n; i++) {
		snprintf(tag, sizeof tag, "%.250s", tl.v[i].shown);
		const char *shown = count_tag(x, pseudo(x, tag), n);
		if (shown) {
			fputs(", ", x->f);
			put_str(x->f, shown);
		}
	}
	tag_list_done(&tl);
	fputs(e->starred == 1 ? "], \"starred\": true}" : "], \"starred\": false}",
	      x->f);
	x->counts.entries++;
	return ferror(x->f) || x->oom;
}

static enum mend_rc write_jrnl(struct exporter *x, struct entry_filter *f,
			       struct mend_err *err)
{
	/* jrnl puts "tags" first; JSON objects are unordered, and writing it
	 * last lets the counts come from the same single pass. */
	fputs("{\n  \"entries\": [", x->f);
	enum mend_rc rc = store_entries_each(x->j->st, f, jrnl_entry, x, err);
	if (rc != MEND_OK)
		return rc;
	fputs(x->n ? "\n  ],\n  \"tags\": {" : "],\n  \"tags\": {", x->f);
	for (size_t i = 0; i < x->n_tags; i++) {
		fputs(i ? ", " : "", x->f);
		put_str(x->f, x->tags[i].tag);
		fprintf(x->f, ": %ld", x->tags[i].n);
	}
	fputs("}\n}\n", x->f);
	return MEND_OK;
}

/* --- Markdown --- */

/* Write n bytes of user text. Bound for a terminal, control characters
 * (escape sequences, OSC titles, the bell; C1 controls too) are shown as
 * U+FFFD instead of being obeyed; a file gets the text exactly. */
static void md_put(struct exporter *x, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	const unsigned char *end = p + n;

	if (!x->o->terminal) {
		fwrite(s, 1, n, x->f);
		return;
	}
	for (; p < end; p++) {
		size_t bad = 0;
		if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f)
			bad = 1;
		else if (*p == 0xc2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9f)
			bad = 2;
		if (!bad)
			continue;
		fwrite(run, 1, (size_t)(p - run), x->f);
		fputs("\xef\xbf\xbd", x->f);
		p += bad - 1;
		run = p + 1;
	}
	fwrite(run, 1, (size_t)(p - run), x->f);
}

/* Entry text as Markdown that reads as the text: a line that Markdown
 * would take for a heading, list, quote, rule, fence, table or HTML gets
 * a backslash before its marker, and lines end in a hard break so that
 * single line breaks stay. */
static void md_text(struct exporter *x, const char *text)
{
	const char *line = text;

	while (*line) {
		size_t len = strcspn(line, "\n"), k = 0, j;
		while (k < len && k < 3 && line[k] == ' ')
			k++;
		j = k;
		while (j < len && j - k < 10 && line[j] >= '0' && line[j] <= '9')
			j++;
		if (j > k && j < len && (line[j] == '.' || line[j] == ')')) {
			md_put(x, line, j);
			putc('\\', x->f);
			md_put(x, line + j, len - j);
		} else if (k < len && strchr("#>*-+=`~|<_", line[k])) {
			md_put(x, line, k);
			putc('\\', x->f);
			md_put(x, line + k, len - k);
		} else {
			md_put(x, line, len);
		}
		line += len;
		if (*line == '\n') {
			line++;
			/* a hard break, unless a blank line follows or this
			 * one is blank (a paragraph break already) */
			if (len && *line && *line != '\n')
				fputs("  ", x->f);
		}
		putc('\n', x->f);
	}
}

static void md_details(struct exporter *x, const struct entry *e)
{
	switch (e->kind) {
	case KIND_CHECKIN:
		fprintf(x->f, "Mood %d/10", e->mood);
		if (e->urge != ENTRY_NONE)
			fprintf(x->f, ", urge to contact %d/10", e->urge);
		fprintf(x->f, ", contact: %s.\n\n", e->contact == 1 ? "yes" : "no");
		break;
	case KIND_CONTACT:
		fprintf(x->f, "Contact by %s, %s%s%s.\n\n", e->initiator,
			e->channel, e->necessary == 1 ? ", necessary" : "",
			e->breaks_period == 1 ? "; the count started again" : "");
		break;
	case KIND_URGE:
		fprintf(x->f, "Urge %d/10, not acted on.\n\n", e->urge);
		break;
	case KIND_GROWTH:
		fprintf(x->f, "%s", e->category);
		if (e->minutes != ENTRY_NONE)
			fprintf(x->f, ", %d minutes", e->minutes);
		fputs(".\n\n", x->f);
		break;
	case KIND_DECISION:
		fprintf(x->f, "Decision: **%s**.\n\n", e->outcome);
		break;
	case KIND_EXERCISE:
	case KIND_CLARITY: {
		char words[160];
		fprintf(x->f, "%s.\n\n",
			exercise_entry_words(e, words, sizeof words));
		break;
	}
	case KIND_PAUSE:
	case KIND_PROFILE:
	case KIND_SLIP: {
		char what[160];
		pause_describe(e, what, sizeof what);
		fprintf(x->f, "%c%s.\n\n", what[0] - 32, what + 1);
		break;
	}
	default:
		break;
	}
}

static int md_entry(const struct entry *e, void *ctx)
{
	struct exporter *x = ctx;
	char date[CLOCK_DATE_LEN], hm[6], tmp[160];
	long day;
	enum module m = kind_module(e->kind);

	local_parts(e->created_at, x->j->day_start_hour, date, hm, &day);
	if (day != x->last_day) {
		fprintf(x->f, "\n## %s\n", date);
		x->last_day = day;
	}
	fprintf(x->f, "\n### %s · %s", hm, x->j->content->module_title[m]);
	if (e->kind != KIND_REFLECTION && e->kind != KIND_ACCEPTANCE &&
	    e->kind != KIND_GROWTH && e->kind != KIND_CHECKIN)
		fprintf(x->f, " (%s)", kind_name(e->kind));
	fputs("\n\n", x->f);
	if (e->prompt_text) {
		const char *p = pseudo(x, e->prompt_text);
		fputs("> ", x->f);
		md_put(x, p, strlen(p));
		fputs("\n\n", x->f);
	}
	md_details(x, e);
	if (*e->text || e->kind == KIND_SEALED)
		md_text(x, readable_text(x, e, tmp, sizeof tmp));
	x->counts.entries++;
	return ferror(x->f) || x->oom;
}

static enum mend_rc write_markdown(struct exporter *x, struct entry_filter *f,
				   struct mend_err *err)
{
	char when[CLOCK_DATE_LEN], hm[6];
	local_parts(x->j->now_iso, 0, when, hm, NULL);
	fprintf(x->f, "# My mend journal\n\nExported on %s at %s.\n", when, hm);
	x->last_day = -1;
	return store_entries_each(x->j->st, f, md_entry, x, err);
}

/* --- jrnl's plain-text journal --- */

/* The length of s without the white space at its end (jrnl strips it). */
static size_t trimmed_len(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		n--;
	return n;
}

/* True when text already names tag as jrnl reads tags: after white space
 * (or at the start), in any case, and not followed by more of a tag. */
static bool names_tag(const char *text, size_t n, const char *tag)
{
	size_t tl = strlen(tag);
	for (size_t i = 0; tl && i + tl <= n; i++) {
		if (i && !strchr(" \t\n\r", text[i - 1]))
			continue;
		if (strncasecmp(text + i, tag, tl) != 0)
			continue;
		unsigned char after = i + tl < n ? (unsigned char)text[i + tl] : 0;
		if (!after || (after < 0x80 && !isalnum(after) &&
			       !strchr("_-+*#/", after)))
			return true;
	}
	return false;
}

/* One entry as jrnl writes it: "[YYYY-MM-DD HH:MM] " and the text, its
 * first line ending in " *" when starred, then a line of tags (the
 * module's first, each once), and a blank line. jrnl reads a star from
 * a first line ending in '*', so an unstarred text whose first line ends
 * so starts on the line after the date instead. */
static int jrnl_text_entry(const struct entry *e, void *ctx)
{
	struct exporter *x = ctx;
	char tmp[160], date[CLOCK_DATE_LEN], hm[6], tag[260];
	const char *text = readable_text(x, e, tmp, sizeof tmp);
	size_t n = trimmed_len(text, strlen(text));
	size_t first = strcspn(text, "\n");
	long k = x->n++;

	if (first > n)
		first = n;
	size_t first_n = trimmed_len(text, first);
	local_parts(e->created_at, 0, date, hm, NULL);
	fprintf(x->f, "[%s %s] ", date, hm);
	if (e->starred == 1) {
		md_put(x, text, first_n);
		fputs(" *", x->f);
		md_put(x, text + first, n - first);
	} else {
		if (first_n && text[first_n - 1] == '*')
			putc('\n', x->f);
		md_put(x, text, n);
	}
	/* the tags on a line of their own, but not those the text names
	 * already (jrnl finds those there): the module's first */
	snprintf(tag, sizeof tag, "@%s", module_name(kind_module(e->kind)));
	fputs("\n", x->f);
	fputs(tag, x->f);
	count_tag(x, tag, k);
	for (const char *p = e->tags; p && *p;) {
		size_t len = strcspn(p, " ");
		if (len) {
			snprintf(tag, sizeof tag, "%.*s", (int)(len > 250 ? 250 : len),
				 p);
			const char *shown = pseudo(x, tag);
			if (count_tag(x, shown, k) && !names_tag(text, n, shown)) {
				putc(' ', x->f);
				md_put(x, shown, strlen(shown));
			}
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	fputs("\n\n", x->f);
	x->counts.entries++;
	return ferror(x->f) || x->oom;
}

static enum mend_rc write_jrnl_text(struct exporter *x, struct entry_filter *f,
				    struct mend_err *err)
{
	return store_entries_each(x->j->st, f, jrnl_text_entry, x, err);
}

/* --- driver --- */

/* Validate o and turn its dates into created_at bounds in f. */
static enum mend_rc prepare(const struct export_options *o,
			    struct entry_filter *f, char since[CLOCK_ISO_LEN],
			    char until[CLOCK_ISO_LEN], struct mend_err *err)
{
	if (o->module < -1 || o->module >= MODULE_COUNT)
		return mend_err_set(err, MEND_EINVAL, "module: unknown");
	enum mend_rc rc = journal_day_range(o->since, o->until, f, since, until, err);
	if (rc == MEND_OK && o->pseudonym)
		rc = journal_check_text("pseudonym", o->pseudonym,
					strlen(o->pseudonym), JOURNAL_NAME_MAX,
					true, err);
	return rc;
}

enum mend_rc export_check(const struct export_options *o,
			  struct mend_err *err)
{
	struct entry_filter f = {.module = -1, .kind = -1};
	char since[CLOCK_ISO_LEN], until[CLOCK_ISO_LEN];
	return prepare(o, &f, since, until, err);
}

static enum mend_rc write_export(struct journal *j,
				 const struct export_options *o, FILE *out,
				 struct export_counts *counts,
				 struct mend_err *err)
{
	struct exporter x;
	struct entry_filter f = {.module = o->module,
				 .kind = -1,
				 .oldest_first = true};
	char since[CLOCK_ISO_LEN], until[CLOCK_ISO_LEN];
	enum mend_rc rc = MEND_OK;

	memset(&x, 0, sizeof x);
	x.j = j;
	x.o = o;
	x.f = out;
	rc = prepare(o, &f, since, until, err);
	/* the day filter counts journal days, as check-ins do */
	if (rc == MEND_OK)
		rc = journal_days(j, o->since, o->until, &f, since, until, err);
	if (rc == MEND_OK && o->pseudonym) {
		char name[JOURNAL_NAME_MAX + 1];
		rc = nocontact_name(j, name, sizeof name, err);
		if (rc == MEND_OK)
			rc = pseudo_new(&x.ps, name, o->pseudonym, err);
	}
	if (rc != MEND_OK)
		return rc;
	switch (o->format) {
	case EXPORT_JSON:
		rc = write_json(&x, &f, err);
		break;
	case EXPORT_JRNL:
		rc = write_jrnl(&x, &f, err);
		break;
	case EXPORT_MARKDOWN:
		rc = write_markdown(&x, &f, err);
		break;
	case EXPORT_JRNL_TEXT:
		rc = write_jrnl_text(&x, &f, err);
		break;
	}
	pseudo_free(x.ps);
	for (size_t i = 0; i < x.n_tags; i++) {
		free(x.tags[i].tag);
		free(x.tags[i].key);
	}
	free(x.tags);
	if (rc == MEND_OK && x.oom)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	if (rc == MEND_OK && (fflush(out) != 0 || ferror(out)))
		rc = mend_err_set(err, MEND_EIO, "cannot write the export: %s",
				  strerror(errno));
	if (counts)
		*counts = x.counts;
	return rc;
}

/* Refuse to write over the journal or one of its companion files, by
 * device and inode, whatever name path gives them. */
static enum mend_rc check_not_journal(struct journal *j, const char *path,
				      const struct stat *target,
				      struct mend_err *err)
{
	static const char *const suffixes[] = {"", "-journal", "-wal", "-shm"};
	const char *db = store_path(j->st);
	size_t n = strlen(db) + sizeof "-journal";
	char *name = malloc(n);
	enum mend_rc rc = MEND_OK;
	struct stat sb;

	if (!name)
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	for (size_t i = 0; rc == MEND_OK && i < 4; i++) {
		snprintf(name, n, "%s%s", db, suffixes[i]);
		if (stat(name, &sb) != 0 || sb.st_dev != target->st_dev ||
		    sb.st_ino != target->st_ino)
			continue;
		if (i == 0)
			rc = mend_err_set(err, MEND_EINVAL,
					  "output: %s is the journal itself; "
					  "give another file name",
					  path);
		else
			rc = mend_err_set(err, MEND_EINVAL,
					  "output: %s is the journal's own %s "
					  "file; give another file name",
					  path, suffixes[i] + 1);
	}
	free(name);
	return rc;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* A name that SQLite would take for the journal's rollback journal (or
 * WAL files) once it exists: an export there would be read as a hot
 * journal, so it is refused even before the file is there. */
static enum mend_rc check_not_companion(struct journal *j, const char *path,
					struct mend_err *err)
{
	static const char *const suffixes[] = {"-journal", "-wal", "-shm"};
	const char *db = store_path(j->st);
	char *pd = path_parent(path), *dd = path_parent(db);
	struct stat a, b;
	enum mend_rc rc = MEND_OK;

	if (!pd || !dd)
		rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
	else if (stat(pd, &a) == 0 && stat(dd, &b) == 0 && a.st_dev == b.st_dev &&
		 a.st_ino == b.st_ino) {
		size_t bl = strlen(base_name(db));
		const char *name = base_name(path);
		for (size_t i = 0; i < 3 && rc == MEND_OK; i++)
			if (strncmp(name, base_name(db), bl) == 0 &&
			    strcmp(name + bl, suffixes[i]) == 0)
				rc = mend_err_set(err, MEND_EINVAL,
						  "output: %s is the journal's "
						  "own %s file; give another "
						  "file name",
						  path, suffixes[i] + 1);
	}
	free(pd);
	free(dd);
	return rc;
}

/* A FIFO or a device is written as it is: renaming a file over it would
 * replace the node, not feed it. */
static enum mend_rc export_to_node(struct journal *j,
				   const struct export_options *o,
				   const char *path, struct export_counts *counts,
				   struct mend_err *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	struct export_options to = *o;
	enum mend_rc rc;

	if (!f) {
		rc = mend_err_set(err, MEND_EIO, "cannot write %s: %s", path,
				  strerror(errno));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	to.terminal = o->terminal || isatty(fd);
	rc = export_write(j, &to, f, counts, err);
	if (fclose(f) != 0 && rc == MEND_OK)
		rc = mend_err_set(err, MEND_EIO, "cannot write %s: %s", path,
				  strerror(errno));
	return rc;
}

/* Old "NAME.tmp-XXXXXX" files of ours beside path that nothing has
 * written to for a minute: what a killed export of an older mend, or one
 * on a file system without unnamed files, left behind. */
static void sweep_stale(const char *dir, const char *path)
{
	const char *base = strrchr(path, '/');
	size_t bl;
	DIR *d;
	struct dirent *de;
	time_t now = time(NULL);

	base = base ? base + 1 : path;
	bl = strlen(base);
	if (!(d = opendir(dir)))
		return;
	while ((de = readdir(d))) {
		struct stat sb;
		if (strlen(de->d_name) != bl + 11 ||
		    strncmp(de->d_name, base, bl) != 0 ||
		    strncmp(de->d_name + bl, ".tmp-", 5) != 0)
			continue;
		if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(sb.st_mode) && sb.st_uid == geteuid() &&
		    sb.st_mtime < now - 60)
			unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

/* Give the unnamed file fd the name tmp (a fresh "PATH.tmp-XXXXXX"). */
static int link_unnamed(int fd, char *tmp, size_t n, const char *path)
{
	char proc[64];
	unsigned seed = (unsigned)getpid() ^ (unsigned)time(NULL);

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	for (int tries = 0; tries < 100; tries++) {
		seed = seed * 1103515245u + 12345u;
		snprintf(tmp, n, "%s.tmp-%06x", path, (seed >> 8) & 0xffffff);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* Copy the spooled export to out. */
static enum mend_rc copy_out(FILE *from, FILE *out, struct mend_err *err)
{
	char buf[1 << 16];
	size_t n;

	if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0)
		return mend_err_set(err, MEND_EIO, "cannot read the export back: %s",
				    strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	if (ferror(from))
		return mend_err_set(err, MEND_EIO, "cannot read the export back: %s",
				    strerror(errno));
	if (fflush(out) != 0 || ferror(out))
		return mend_err_set(err, MEND_EIO, "cannot write the export: %s",
				    strerror(errno));
	return MEND_OK;
}

enum mend_rc export_write(struct journal *j, const struct export_options *o,
			  FILE *out, struct export_counts *counts,
			  struct mend_err *err)
{
	struct stat sb;
	FILE *spool = NULL;
	enum mend_rc rc = export_check(o, err);

	if (rc != MEND_OK)
		return rc;
	if (o->seal)
		return export_write_sealed(j, o, out, counts, err);
	/* One snapshot, read at full speed: the journal's read lock keeps
	 * every writer waiting, so it must not be held while a slow reader
	 * (a pager, a pipe nobody reads) takes its time. Anything but a
	 * regular file gets the export through a private, unnamed spool
	 * file, copied out once the lock is let go. */
	if (fstat(fileno(out), &sb) != 0 || !S_ISREG(sb.st_mode))
		/* an encrypted journal's words stay off the disk: the spool
		 * is kept in memory; if none, stream (and hold the lock) */
		spool = memfile_spool(store_encrypted(j->st));
	rc = store_begin_read(j->st, err);
	if (rc == MEND_OK) {
		rc = write_export(j, o, spool ? spool : out, counts, err);
		store_end_read(j->st);
	}
	if (rc == MEND_OK && spool)
		rc = copy_out(spool, out, err);
	if (spool)
		fclose(spool);
	return rc;
}

enum mend_rc export_to_file(struct journal *j, const struct export_options *o,
			    const char *path, struct export_counts *counts,
			    struct mend_err *err)
{
	size_t n = strlen(path) + sizeof ".tmp-XXXXXX";
	char *tmp = NULL, *dir = NULL;
	enum mend_rc rc = MEND_OK;
	bool named = false;
	struct stat sb;
	FILE *f = NULL;
	int fd = -1;

	if (stat(path, &sb) == 0) {
		rc = check_not_journal(j, path, &sb, err);
		if (rc == MEND_OK && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))
			return export_to_node(j, o, path, counts, err);
		if (rc != MEND_OK)
			return rc;
	} else {
		rc = check_not_companion(j, path, err);
		if (rc != MEND_OK)
			return rc;
	}
	tmp = malloc(n);
	dir = path_parent(path);
	if (!tmp || !dir) {
		free(tmp);
		free(dir);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	sweep_stale(dir, path);
	/* An unnamed file first: killed half way, the export leaves nothing
	 * behind. It gets a name only once it is complete and synced. */
#ifdef O_TMPFILE
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#endif
	if (fd < 0) {
		snprintf(tmp, n, "%s.tmp-XXXXXX", path);
		fd = mkstemp(tmp); /* 0600 */
		named = fd >= 0;
	}
	if (fd < 0)
		rc = mend_err_set(err, MEND_EIO, "cannot create a file beside %s: %s",
				  path, strerror(errno));
	if (rc == MEND_OK && !(f = fdopen(fd, "w"))) {
		close(fd);
		rc = mend_err_set(err, MEND_EIO, "cannot write beside %s", path);
	}
	if (rc == MEND_OK)
		rc = export_write(j, o, f, counts, err);
	if (rc == MEND_OK && fsync(fileno(f)) != 0)
		rc = mend_err_set(err, MEND_EIO, "cannot sync the export to %s: %s",
				  path, strerror(errno));
	if (rc == MEND_OK && !named) {
		if (link_unnamed(fileno(f), tmp, n, path) != 0)
			rc = mend_err_set(err, MEND_EIO,
					  "cannot create a file beside %s: %s",
					  path, strerror(errno));
		named = rc == MEND_OK;
	}
	if (f && fclose(f) != 0 && rc == MEND_OK)
		rc = mend_err_set(err, MEND_EIO, "cannot write the export to %s: %s",
				  path, strerror(errno));
	if (rc == MEND_OK && rename(tmp, path) != 0)
		rc = mend_err_set(err, MEND_EIO, "cannot move the export to %s: %s",
				  path, strerror(errno));
	if (rc != MEND_OK && named) {
		unlink(tmp);
	} else if (rc == MEND_OK) {
		/* make the rename itself durable */
		int dfd = open(dir, O_RDONLY | O_DIRECTORY);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	free(dir);
	free(tmp);
	return rc;
}
