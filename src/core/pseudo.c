/* SPDX-License-Identifier: MIT */
/* The name matcher behind --pseudonym. Text is cut into code points, each
 * folded on its own (NFKD case folding from libunistring, so "ZOË",
 * "zoe\u0308" and "Zoë" fold alike); the name's parts are folded the same
 * way and matched unit by unit, so a match always covers whole code
 * points of the original and is replaced there. Case folding and NFKD
 * decomposition are context-free per code point, which is what makes the
 * one-by-one folding exact. */
#include "pseudo.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

struct unit {
	size_t off, len;   /* bytes of the original text */
	size_t fold, flen; /* its folding, in the folds buffer */
	int kind;	   /* WORD, SPACE or OTHER */
};

enum { OTHER, WORD, SPACE };

struct pseudo {
	char *parts; /* the folded parts, NUL-separated */
	size_t n_parts;
	const char *with;
	size_t with_len;
	struct unit *units;
	size_t cap_units;
	char *folds;
	size_t cap_folds;
	char *out;
	size_t cap_out;
};

static bool grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap : 64;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* Fold one code point into buf (at most 64 bytes); its length. The dot
 * that folding puts on a Turkish capital İ, and the dotless ı, fold to a
 * plain i, so "İlker" and "ilker" are one name. */
static size_t fold_one(ucs4_t c, const uint8_t *s, size_t n, char buf[64])
{
	if (c < 0x80) {
		buf[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		return 1;
	}
	if (c == 0x131 || c == 0x130) {
		buf[0] = 'i';
		return 1;
	}
	uint8_t tmp[64];
	size_t len = sizeof tmp;
	uint8_t *r = u8_casefold(s, n, NULL, UNINORM_NFKD, tmp, &len);
	if (!r || len > 64) {
		if (r && r != tmp)
			free(r);
		memcpy(buf, s, n);
		return n;
	}
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		/* U+0307 COMBINING DOT ABOVE (cc 87 in UTF-8) */
		if (i + 1 < len && r[i] == 0xcc && r[i + 1] == 0x87) {
			i++;
			continue;
		}
		buf[k++] = (char)r[i];
	}
	if (r != tmp)
		free(r);
	return k;
}

static int kind_of(ucs4_t c)
{
	if (uc_is_alnum(c) || c == '_' ||
	    uc_is_general_category(c, UC_CATEGORY_M))
		return WORD;
	if (uc_is_property_white_space(c))
		return SPACE;
	return OTHER;
}

/* Cut text into units; false when out of memory. */
static bool cut(struct pseudo *p, const char *text, size_t *n_units)
{
	const uint8_t *s = (const uint8_t *)text;
	size_t len = strlen(text), n = 0, nf = 0;

	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int l = u8_mbtouc(&c, s + i, len - i);
		char f[64];
		size_t fl;
		if (l <= 0)
			l = 1;
		fl = fold_one(c, s + i, (size_t)l, f);
		if (!grow(&p->units, &p->cap_units, n + 1, sizeof *p->units) ||
		    !grow(&p->folds, &p->cap_folds, nf + fl, 1))
			return false;
		memcpy(p->folds + nf, f, fl);
		p->units[n++] =
		    (struct unit){(size_t)i, (size_t)l, nf, fl, kind_of(c)};
		nf += fl;
		i += (size_t)l;
	}
	*n_units = n;
	return true;
}

/* Does folded part (length pl) start exactly at unit u and end on a unit
 * boundary? The unit after the match in *end. */
static bool part_at(const struct pseudo *p, size_t n, size_t u,
		    const char *part, size_t pl, size_t *end)
{
	size_t got = 0;
	while (got < pl && u < n) {
		const struct unit *x = &p->units[u];
		if (x->kind == SPACE || got + x->flen > pl ||
		    memcmp(p->folds + x->fold, part + got, x->flen) != 0)
			return false;
		got += x->flen;
		u++;
	}
	*end = u;
	return got == pl;
}

/* The whole name at unit u: its parts, white space between them. */
static bool name_at(const struct pseudo *p, size_t n, size_t u, size_t *end)
{
	const char *part = p->parts;
	for (size_t k = 0; k < p->n_parts; k++) {
		size_t pl = strlen(part);
		if (k > 0) {
			if (u >= n || p->units[u].kind != SPACE)
				return false;
			while (u < n && p->units[u].kind == SPACE)
				u++;
		}
		if (!part_at(p, n, u, part, pl, &u))
			return false;
		part += pl + 1;
	}
	*end = u;
	return u >= n || p->units[u].kind != WORD;
}

enum mend_rc pseudo_new(struct pseudo **out, const char *name,
			const char *replacement, struct mend_err *err)
{
	struct pseudo *p = calloc(1, sizeof *p);
	size_t n = 0, k = 0;

	*out = NULL;
	if (!p || !cut(p, name, &n)) {
		pseudo_free(p);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	/* the parts: runs of non-space units, folded, NUL after each */
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += p->units[i].flen + 1;
	p->parts = malloc(total + 1);
	if (!p->parts) {
		pseudo_free(p);
		return mend_err_set(err, MEND_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n;) {
		while (i < n && p->units[i].kind == SPACE)
			i++;
		if (i >= n)
			break;
		size_t start = k;
		while (i < n && p->units[i].kind != SPACE) {
			memcpy(p->parts + k, p->folds + p->units[i].fold,
			       p->units[i].flen);
			k += p->units[i].flen;
			i++;
		}
		if (k == start)
			continue; /* folds to nothing: not a part */
		p->parts[k++] = '\0';
		p->n_parts++;
	}
	if (!p->n_parts) {
		pseudo_free(p);
		return mend_err_set(err, MEND_EINVAL,
				    "pseudonym: no name is set to replace; "
				    "set one with 'mend start --name NAME'");
	}
	p->with = replacement;
	p->with_len = strlen(replacement);
	*out = p;
	return MEND_OK;
}

const char *pseudo_apply(struct pseudo *p, const char *text)
{
	size_t n, o = 0, last = 0, end;
	bool any = false;

	if (!text || !*text)
		return text;
	if (!cut(p, text, &n))
		return NULL;
	for (size_t u = 0; u < n; u++) {
		if (p->units[u].kind == SPACE ||
		    (u > 0 && p->units[u - 1].kind == WORD) ||
		    !name_at(p, n, u, &end))
			continue;
		size_t from = p->units[u].off;
		size_t to = end < n ? p->units[end].off : strlen(text);
		if (!grow(&p->out, &p->cap_out,
			  o + (from - last) + p->with_len + 1, 1))
			return NULL;
		memcpy(p->out + o, text + last, from - last);
		o += from - last;
		memcpy(p->out + o, p->with, p->with_len);
		o += p->with_len;
		last = to;
		any = true;
		u = end - 1;
	}
	if (!any)
		return text;
	size_t rest = strlen(text + last);
	if (!grow(&p->out, &p->cap_out, o + rest + 1, 1))
		return NULL;
	memcpy(p->out + o, text + last, rest + 1);
	return p->out;
}

void pseudo_free(struct pseudo *p)
{
	if (!p)
		return;
	free(p->parts);
	free(p->units);
	free(p->folds);
	free(p->out);
	free(p);
}
