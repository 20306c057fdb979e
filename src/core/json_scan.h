/* SPDX-License-Identifier: MIT */
/* A JSON structure scanner for import: it walks a document without
 * building it, handing back the byte spans of object members and array
 * elements, so that a large file can be validated and imported record by
 * record. It also notices what cJSON would silently accept: a \u0000
 * escape, trailing bytes, nesting too deep. Internal to the core. */
#ifndef MEND_JSON_SCAN_H
#define MEND_JSON_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#define JSCAN_MAX_DEPTH 64

struct jspan {
	const char *p;
	size_t n;
};

struct jscan {
	const char *s;
	size_t len;
	size_t pos;
	const char *error;  /* why scanning stopped, NULL while fine */
	size_t error_at;    /* byte offset of the problem */
	long nul_escape_at; /* offset of a \u0000 seen in the last value, or -1 */
};

void jscan_init(struct jscan *js, const char *s, size_t len);

/* Expect '{' / '[' next. */
bool jscan_object_begin(struct jscan *js);
bool jscan_array_begin(struct jscan *js);

/* Next member of the object being walked: 1 with key (raw bytes inside
 * the quotes) and value spans, 0 at its closing brace, -1 on error. */
int jscan_object_next(struct jscan *js, struct jspan *key, struct jspan *value);

/* Next element of the array being walked: 1, 0 at its end, -1 on error. */
int jscan_array_next(struct jscan *js, struct jspan *value);

/* True when only white space is left. */
bool jscan_at_end(struct jscan *js);

/* 1-based line of a byte offset, for messages. */
long jscan_line(const struct jscan *js, size_t at);

/* True when span holds exactly the raw key text k. */
bool jspan_is(struct jspan span, const char *k);

#endif
