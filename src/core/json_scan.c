/* SPDX-License-Identifier: MIT */
/* The JSON structure scanner (RFC 8259 grammar, no decoding). */
#include "json_scan.h"

#include <string.h>

void jscan_init(struct jscan *js, const char *s, size_t len)
{
	js->s = s;
	js->len = len;
	js->pos = 0;
	js->error = NULL;
	js->error_at = 0;
	js->nul_escape_at = -1;
}

static bool fail(struct jscan *js, const char *why)
{
	if (!js->error) {
		js->error = why;
		js->error_at = js->pos;
	}
	return false;
}

static void skip_ws(struct jscan *js)
{
	while (js->pos < js->len) {
		char c = js->s[js->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		js->pos++;
	}
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* At an opening quote; leaves pos after the closing one. */
static bool scan_string(struct jscan *js, struct jspan *inner)
{
	size_t start = ++js->pos;
	while (js->pos < js->len) {
		unsigned char c = (unsigned char)js->s[js->pos];
		if (c == '"') {
			if (inner) {
				inner->p = js->s + start;
				inner->n = js->pos - start;
			}
			js->pos++;
			return true;
		}
		if (c < 0x20)
			return fail(js, "a control character inside a string "
					"(write it as an escape such as \\n)");
		if (c == '\\') {
			if (js->pos + 1 >= js->len)
				break;
			char e = js->s[js->pos + 1];
			if (e == 'u') {
				if (js->pos + 6 > js->len ||
				    !is_hex(js->s[js->pos + 2]) ||
				    !is_hex(js->s[js->pos + 3]) ||
				    !is_hex(js->s[js->pos + 4]) ||
				    !is_hex(js->s[js->pos + 5]))
					return fail(js, "a bad \\u escape");
				if (memcmp(js->s + js->pos + 2, "0000", 4) == 0 &&
				    js->nul_escape_at < 0)
					js->nul_escape_at = (long)js->pos;
				js->pos += 6;
				continue;
			}
			if (!strchr("\"\\/bfnrt", e) || e == '\0')
				return fail(js, "a bad escape in a string");
			js->pos += 2;
			continue;
		}
		js->pos++;
	}
	return fail(js, "a string that never ends (the file may be cut short)");
}

static bool scan_literal(struct jscan *js, const char *word)
{
	size_t n = strlen(word);
	if (js->pos + n > js->len || memcmp(js->s + js->pos, word, n) != 0)
		return fail(js, "something that is not JSON");
	js->pos += n;
	return true;
}

static bool scan_number(struct jscan *js)
{
	size_t start = js->pos;
	if (js->pos < js->len && js->s[js->pos] == '-')
		js->pos++;
	if (js->pos >= js->len)
		return fail(js, "a number cut short");
	if (js->s[js->pos] == '0') {
		js->pos++;
	} else if (js->s[js->pos] >= '1' && js->s[js->pos] <= '9') {
		while (js->pos < js->len && js->s[js->pos] >= '0' &&
		       js->s[js->pos] <= '9')
			js->pos++;
	} else {
		return fail(js, "something that is not JSON");
	}
	if (js->pos < js->len && js->s[js->pos] == '.') {
		js->pos++;
		if (js->pos >= js->len || js->s[js->pos] < '0' || js->s[js->pos] > '9')
			return fail(js, "a bad number");
		while (js->pos < js->len && js->s[js->pos] >= '0' &&
		       js->s[js->pos] <= '9')
			js->pos++;
	}
	if (js->pos < js->len && (js->s[js->pos] == 'e' || js->s[js->pos] == 'E')) {
		js->pos++;
		if (js->pos < js->len && (js->s[js->pos] == '+' || js->s[js->pos] == '-'))
			js->pos++;
		if (js->pos >= js->len || js->s[js->pos] < '0' || js->s[js->pos] > '9')
			return fail(js, "a bad number");
		while (js->pos < js->len && js->s[js->pos] >= '0' &&
		       js->s[js->pos] <= '9')
			js->pos++;
	}
	return js->pos > start;
}

static bool scan_value(struct jscan *js, int depth);

static bool scan_container(struct jscan *js, int depth, char close)
{
	bool first = true;
	if (depth > JSCAN_MAX_DEPTH)
		return fail(js, "values nested too deeply");
	js->pos++;
	for (;;) {
		skip_ws(js);
		if (js->pos >= js->len)
			return fail(js, "the file ends too early (it may be cut "
					"short)");
		if (js->s[js->pos] == close) {
			js->pos++;
			return true;
		}
		if (!first) {
			if (js->s[js->pos] != ',')
				return fail(js, "a missing comma");
			js->pos++;
			skip_ws(js);
		}
		first = false;
		if (close == '}') {
			if (js->pos >= js->len || js->s[js->pos] != '"')
				return fail(js, "a key that is not a string");
			if (!scan_string(js, NULL))
				return false;
			skip_ws(js);
			if (js->pos >= js->len || js->s[js->pos] != ':')
				return fail(js, "a missing colon");
			js->pos++;
		}
		if (!scan_value(js, depth + 1))
			return false;
	}
}

static bool scan_value(struct jscan *js, int depth)
{
	skip_ws(js);
	if (js->pos >= js->len)
		return fail(js, "the file ends too early (it may be cut short)");
	switch (js->s[js->pos]) {
	case '{':
		return scan_container(js, depth, '}');
	case '[':
		return scan_container(js, depth, ']');
	case '"':
		return scan_string(js, NULL);
	case 't':
		return scan_literal(js, "true");
	case 'f':
		return scan_literal(js, "false");
	case 'n':
		return scan_literal(js, "null");
	default:
		return scan_number(js);
	}
}

static bool begin(struct jscan *js, char open)
{
	skip_ws(js);
	if (js->pos >= js->len || js->s[js->pos] != open)
		return fail(js, open == '{' ? "expected an object"
					    : "expected an array");
	js->pos++;
	return true;
}

bool jscan_object_begin(struct jscan *js)
{
	return begin(js, '{');
}

bool jscan_array_begin(struct jscan *js)
{
	return begin(js, '[');
}

/* Before a member or element: the closing char (0 returned), or a comma
 * unless this is the first one. The position of the opening char is not
 * kept, so "first" is decided by the previous non-space byte. */
static int next_item(struct jscan *js, char close)
{
	skip_ws(js);
	if (js->pos >= js->len) {
		fail(js, "the file ends too early (it may be cut short)");
		return -1;
	}
	if (js->s[js->pos] == close) {
		js->pos++;
		return 0;
	}
	size_t back = js->pos;
	while (back > 0 && strchr(" \t\r\n", js->s[back - 1]))
		back--;
	char prev = back ? js->s[back - 1] : 0;
	if (prev != '{' && prev != '[') {
		if (js->s[js->pos] != ',') {
			fail(js, "a missing comma");
			return -1;
		}
		js->pos++;
		skip_ws(js);
	}
	return 1;
}

int jscan_object_next(struct jscan *js, struct jspan *key, struct jspan *value)
{
	int r = next_item(js, '}');
	if (r <= 0)
		return r;
	if (js->pos >= js->len || js->s[js->pos] != '"')
		return fail(js, "a key that is not a string"), -1;
	if (!scan_string(js, key))
		return -1;
	skip_ws(js);
	if (js->pos >= js->len || js->s[js->pos] != ':')
		return fail(js, "a missing colon"), -1;
	js->pos++;
	skip_ws(js);
	js->nul_escape_at = -1;
	size_t start = js->pos;
	if (!scan_value(js, 1))
		return -1;
	value->p = js->s + start;
	value->n = js->pos - start;
	return 1;
}

int jscan_array_next(struct jscan *js, struct jspan *value)
{
	int r = next_item(js, ']');
	if (r <= 0)
		return r;
	js->nul_escape_at = -1;
	size_t start = js->pos;
	if (!scan_value(js, 1))
		return -1;
	value->p = js->s + start;
	value->n = js->pos - start;
	return 1;
}

bool jscan_at_end(struct jscan *js)
{
	skip_ws(js);
	if (js->pos != js->len)
		return fail(js, "more data after the end of the document");
	return true;
}

long jscan_line(const struct jscan *js, size_t at)
{
	long line = 1;
	for (size_t i = 0; i < at && i < js->len; i++)
		line += js->s[i] == '\n';
	return line;
}

bool jspan_is(struct jspan span, const char *k)
{
	return strlen(k) == span.n && memcmp(span.p, k, span.n) == 0;
}
