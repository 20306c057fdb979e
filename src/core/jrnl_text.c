/* SPDX-License-Identifier: MIT */
/* Reading jrnl's plain-text journal: entries split at their "[date] "
 * lines, the star, the tags and the text found by the rules jrnl itself
 * applies (jrnl/journals/Journal.py _parse and Entry._parse_text), and
 * handed on as jrnl's JSON shape. Nothing here writes to the journal;
 * import.c checks and merges what this returns. */
#include "jrnl_text.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mend/clock.h"

static bool digits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

static int num2(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* The length of an entry line's "[YYYY-MM-DD HH:MM[:SS][ AM|PM]] " at p,
 * or 0 when p does not start one; the date and the 24-hour time into
 * date and hm. */
static size_t header_at(const char *p, const char *end, char date[11],
			char hm[6])
{
	size_t n = (size_t)(end - p), i = 17;
	if (n < 19 || p[0] != '[' || !digits(p + 1, 4) || p[5] != '-' ||
	    !digits(p + 6, 2) || p[8] != '-' || !digits(p + 9, 2) ||
	    p[11] != ' ' || !digits(p + 12, 2) || p[14] != ':' ||
	    !digits(p + 15, 2))
		return 0;
	int hh = num2(p + 12), mm = num2(p + 15);
	if (i + 3 <= n && p[i] == ':' && digits(p + i + 1, 2))
		i += 3;
	if (i + 3 <= n && p[i] == ' ' && (p[i + 1] == 'A' || p[i + 1] == 'P') &&
	    p[i + 2] == 'M') {
		if (hh < 1 || hh > 12)
			return 0;
		hh = hh % 12 + (p[i + 1] == 'P' ? 12 : 0);
		i += 3;
	}
	if (i + 2 > n || p[i] != ']' || p[i + 1] != ' ' || hh > 23 || mm > 59)
		return 0;
	struct mend_date d;
	snprintf(date, 11, "%.10s", p + 1);
	if (!clock_parse_date(date, &d))
		return 0; /* not a date: jrnl reads the line as text */
	snprintf(hm, 6, "%02u:%02u", (unsigned)hh % 24u, (unsigned)mm % 60u);
	return i + 2;
}

bool jrnl_text_detect(const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	char date[11], hm[6];
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return header_at(p, end, date, hm) > 0;
}

/* The next entry line at or after p (at the start of a line), or end. */
static const char *next_header(const char *p, const char *end, bool at_line)
{
	char date[11], hm[6];
	for (; p < end; p++) {
		if ((at_line || p[-1] == '\n') && header_at(p, end, date, hm))
			return p;
		at_line = false;
	}
	return end;
}

static bool space_at(const char *p, const char *end, size_t *len)
{
	*len = 1;
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' ||
	    *p == '\v')
		return true;
	/* U+3000, the ideographic space, is white space to jrnl too */
	if (end - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0) {
		*len = 3;
		return true;
	}
	return false;
}

/* One character of a tag after its @ or # (jrnl: [-+*#/\w]); *len is its
 * length in bytes. Letters beyond ASCII count as word characters, except
 * the punctuation blocks (general, CJK, full-width) and Latin-1 signs. */
static bool tag_char(const char *p, const char *end, size_t *len)
{
	unsigned char b = (unsigned char)*p;
	if (b < 0x80) {
		*len = 1;
		return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
		       (b >= 'A' && b <= 'Z') || strchr("_-+*#/", b);
	}
	size_t n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
	if ((size_t)(end - p) < n)
		return false;
	unsigned long c = n == 1 ? b : b & (0x7f >> n);
	for (size_t k = 1; k < n; k++)
		c = c << 6 | ((unsigned char)p[k] & 0x3f);
	*len = n;
	return !((c >= 0xa0 && c <= 0xbf) || c == 0xd7 || c == 0xf7 ||
		 (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) ||
		 (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
		 (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65));
}

/* The length of the tag starting at p (its @ or # and one character or
 * more), or 0. */
static size_t tag_at(const char *p, const char *end)
{
	size_t n = 1, len;
	if (*p != '@' && *p != '#')
		return 0;
	while (p + n < end && tag_char(p + n, end, &len))
		n += len;
	return n > 1 ? n : 0;
}

/* Add every tag in text[0..n) to the array, lower-cased, each once. */
static bool add_tags(cJSON *tags, const char *text, size_t n)
{
	const char *p = text, *end = text + n;
	bool after_space = true;
	while (p < end) {
		size_t len = 0, sl;
		if (after_space && (len = tag_at(p, end))) {
			char *t = strndup(p, len);
			if (!t)
				return false;
			for (char *c = t; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c - 'A' + 'a');
			bool seen = false;
			const cJSON *it;
			cJSON_ArrayForEach(it, tags) seen |=
			    strcmp(it->valuestring, t) == 0;
			cJSON *s = seen ? NULL : cJSON_CreateString(t);
			free(t);
			if (!seen && (!s || !cJSON_AddItemToArray(tags, s)))
				return false;
			p += len;
			after_space = false;
			continue;
		}
		after_space = space_at(p, end, &sl);
		p += sl;
	}
	return true;
}

/* True when line[0..n) is nothing but tags between white space. */
static bool tags_only(const char *line, size_t n)
{
	const char *p = line, *end = line + n;
	bool any = false;
	while (p < end) {
		size_t sl, len;
		if (space_at(p, end, &sl)) {
			p += sl;
			continue;
		}
		len = tag_at(p, end);
		if (!len || (p + len < end && !space_at(p + len, end, &sl)))
			return false;
		any = true;
		p += len;
	}
	return any;
}

static size_t rtrim(const char *s, size_t n)
{
	while (n && strchr(" \t\n\r\f\v", s[n - 1]))
		n--;
	return n;
}

/* One entry: the text between its "[date] " and the next, by jrnl's
 * rules, into a jrnl JSON object. */
static cJSON *read_entry(const char *date, const char *hm, const char *raw,
			 size_t n)
{
	cJSON *o = cJSON_CreateObject(), *tags = cJSON_CreateArray();
	char *text = malloc(n + 2);
	size_t first = 0, len = 0;
	bool starred = false, ok = o && tags && text;

	if (ok) {
		/* the first line ending in '*' (white space aside) stars the
		 * entry; jrnl then strips spaces and stars off both its ends */
		first = strcspn(raw, "\n");
		if (first > n)
			first = n;
		size_t t = rtrim(raw, first);
		starred = t && raw[t - 1] == '*';
		if (starred) {
			const char *a = raw, *b = raw + first;
			while (a < b && (*a == ' ' || *a == '*'))
				a++;
			while (b > a && (b[-1] == ' ' || b[-1] == '*'))
				b--;
			len = (size_t)(b - a);
			memcpy(text, a, len);
			memcpy(text + len, raw + first, n - first);
			len += n - first;
		} else if (n && raw[0] == '\n') {
			/* mend starts a first line that ends in '*' but has
			 * no star on the line after the date */
			len = n - 1;
			memcpy(text, raw + 1, len);
		} else {
			len = n;
			memcpy(text, raw, len);
		}
		len = rtrim(text, len);
		text[len] = '\0';
		ok = add_tags(tags, text, len);
		/* a last line of tags alone is where they are kept */
		const char *nl = NULL;
		for (size_t i = len; i > 0 && !nl; i--)
			if (text[i - 1] == '\n')
				nl = text + i - 1;
		if (ok && nl &&
		    tags_only(nl + 1, len - (size_t)(nl + 1 - text))) {
			len = rtrim(text, (size_t)(nl - text));
			text[len] = '\0';
		}
	}
	if (ok) {
		size_t tl = strcspn(text, "\n");
		char *title = strndup(text, tl);
		ok = title && cJSON_AddStringToObject(o, "title", title) &&
		     cJSON_AddStringToObject(o, "body",
					     text[tl] ? text + tl + 1 : "") &&
		     cJSON_AddStringToObject(o, "date", date) &&
		     cJSON_AddStringToObject(o, "time", hm);
		free(title);
	}
	if (ok && cJSON_AddItemToObject(o, "tags", tags))
		tags = NULL;
	else
		ok = false;
	ok = ok && cJSON_AddBoolToObject(o, "starred", starred);
	free(text);
	cJSON_Delete(tags);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static long line_of(const char *data, const char *p)
{
	long line = 1;
	for (const char *q = data; q < p; q++)
		line += *q == '\n';
	return line;
}

enum mend_rc jrnl_text_to_json(const char *data, size_t len, char **out,
			       size_t *out_len, struct mend_err *err)
{
	const char *end = data + len, *p = data;
	cJSON *root = cJSON_CreateObject(), *entries = cJSON_CreateArray();
	enum mend_rc rc = MEND_OK;
	char date[11], hm[6];

	*out = NULL;
	if (!root || !entries ||
	    !cJSON_AddItemToObject(root, "tags", cJSON_CreateObject()) ||
	    !cJSON_AddItemToObject(root, "entries", entries)) {
		if (root && entries && !cJSON_GetObjectItem(root, "entries"))
			cJSON_Delete(entries);
		cJSON_Delete(root);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	const char *h = next_header(p, end, true);
	for (const char *q = p; q < h; q++)
		if (!strchr(" \t\n\r", *q)) {
			rc = mend_err_set(
			    err, MEND_EBADFILE,
			    "line %ld: text before the first entry; "
			    "a jrnl journal begins with a line "
			    "\"[YYYY-MM-DD HH:MM] \"",
			    line_of(data, q));
			break;
		}
	if (rc == MEND_OK && h == end)
		rc = mend_err_set(err, MEND_EBADFILE,
				  "the file is not a jrnl journal: no line "
				  "begins with \"[YYYY-MM-DD HH:MM] \"");
	while (rc == MEND_OK && h < end) {
		size_t hl = header_at(h, end, date, hm);
		const char *body = h + hl;
		const char *next = next_header(body, end, false);
		/* the entry's text ends at the newline before the next one */
		size_t n = (size_t)(next - body);
		if (next < end)
			n--;
		cJSON *o = read_entry(date, hm, body, n);
		if (!o || !cJSON_AddItemToArray(entries, o)) {
			cJSON_Delete(o);
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		}
		h = next;
	}
	if (rc == MEND_OK) {
		char *s = cJSON_PrintUnformatted(root);
		*out = s ? strdup(s) : NULL;
		cJSON_free(s);
		if (!*out)
			rc = mend_err_set(err, MEND_ENOMEM, "out of memory");
		else
			*out_len = strlen(*out);
	}
	cJSON_Delete(root);
	return rc;
}
