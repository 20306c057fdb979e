/* SPDX-License-Identifier: MIT */
/* Sealing and opening values inside SQL, and the search index of an
 * encrypted journal. The store's statements wrap every column that holds
 * the person's words in mend_seal / mend_open, so the rest of the store
 * reads and writes plain text and never handles a ciphertext: on a plain
 * journal both give their value back as it is. The two FTS5 tokenizers
 * registered here (mend_words, mend_trigram) wrap unicode61 and trigram
 * and hand FTS5 keyed hashes of the tokens, so the index of an
 * encrypted journal holds no words. */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A word's prefixes go into the index up to this many characters; a
 * longer prefix searched for is matched on its first this many. */
#define PREFIX_MAX 24

static void fail(sqlite3_context *c, struct store *st, enum mend_rc rc,
		 const char *msg)
{
	st->crypt.fail_rc = rc;
	snprintf(st->crypt.fail_msg, sizeof st->crypt.fail_msg, "%s", msg);
	sqlite3_result_error(c, msg, -1);
}

static void fail_locked(sqlite3_context *c, struct store *st)
{
	fail(c, st, MEND_ELOCKED, "the journal is locked");
}

/* Say which value failed to open, from its associated data. */
static void fail_open(sqlite3_context *c, struct store *st, const char *ad)
{
	static const char why[] = "the journal was changed outside mend";
	char msg[MEND_ERR_MAX];
	const char *bar = strchr(ad, '|');
	const char *last = strrchr(ad, '|');

	if (strncmp(ad, "entries|", 8) == 0 && bar && last > bar) {
		const char *col = last + 1;
		const char *what = strcmp(col, "text") == 0	    ? "its text"
				   : strcmp(col, "prompt_text") == 0 ? "its prompt"
								     : "its tags";
		snprintf(msg, sizeof msg, "entry %.8s: %s does not open: %s",
			 bar + 1, what, why);
	} else if (strncmp(ad, "entry_tags|", 11) == 0) {
		snprintf(msg, sizeof msg,
			 "entry %.8s: one of its tags does not open: %s",
			 bar + 1, why);
	} else if (strncmp(ad, "settings|", 9) == 0) {
		snprintf(msg, sizeof msg, "the setting %.60s does not open: %s",
			 bar + 1, why);
	} else {
		snprintf(msg, sizeof msg, "a draft does not open: %s", why);
	}
	fail(c, st, MEND_ESTORE, msg);
}

static void seal_value(sqlite3_context *c, sqlite3_value **argv, bool det)
{
	struct store *st = sqlite3_user_data(c);
	unsigned char *out = NULL;
	size_t n = 0;

	if (sqlite3_value_type(argv[1]) == SQLITE_NULL || !st->crypt.on) {
		sqlite3_result_value(c, argv[1]);
		return;
	}
	if (!st->crypt.keys) {
		fail_locked(c, st);
		return;
	}
	const char *ad = (const char *)sqlite3_value_text(argv[0]);
	const void *v = sqlite3_value_text(argv[1]);
	int len = sqlite3_value_bytes(argv[1]);
	enum mend_rc rc =
		(det ? crypt_seal_det : crypt_seal)(st->crypt.keys, ad ? ad : "",
						    v, (size_t)len, &out, &n,
						    NULL);
	if (rc != MEND_OK) {
		sqlite3_result_error_nomem(c);
		return;
	}
	sqlite3_result_blob(c, out, (int)n, free);
}

/* mend_seal(ad, value): value sealed under ad (an encrypted journal). */
static void sql_seal(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	(void)argc;
	seal_value(c, argv, false);
}

/* mend_seal_det(ad, value): the same, always the same for one value. */
static void sql_seal_det(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	(void)argc;
	seal_value(c, argv, true);
}

/* mend_open(ad, value): a sealed value (a BLOB) opened; text as it is. */
static void sql_open(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(c);
	char *out = NULL;
	size_t n = 0;

	(void)argc;
	if (sqlite3_value_type(argv[1]) != SQLITE_BLOB) {
		sqlite3_result_value(c, argv[1]);
		return;
	}
	if (!st->crypt.keys) {
		fail_locked(c, st);
		return;
	}
	const char *ad = (const char *)sqlite3_value_text(argv[0]);
	const unsigned char *v = sqlite3_value_blob(argv[1]);
	int len = sqlite3_value_bytes(argv[1]);
	if (!crypt_open(st->crypt.keys, ad ? ad : "", v, (size_t)len, &out,
			&n)) {
		fail_open(c, st, ad ? ad : "");
		return;
	}
	sqlite3_result_text(c, out, (int)n, free);
}

/* mend_tag_key(key): the key as entry_tags keeps it: itself on a plain
 * journal, its keyed hash on an encrypted one. */
static void sql_tag_key(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(c);
	char hex[CRYPT_TOKEN_HEX + 1];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || !st->crypt.on) {
		sqlite3_result_value(c, argv[0]);
		return;
	}
	if (!st->crypt.keys) {
		fail_locked(c, st);
		return;
	}
	crypt_token(st->crypt.keys, 'g',
		    (const char *)sqlite3_value_text(argv[0]),
		    (size_t)sqlite3_value_bytes(argv[0]), hex);
	sqlite3_result_text(c, hex, -1, SQLITE_TRANSIENT);
}

/* --- the hashing tokenizers --- */

struct htok_kind {
	struct store *st;
	/* looked up once, at registration: each FTS5 table that connects
	 * makes a tokenizer, and a lookup is a statement prepared and run */
	fts5_api *api;
	bool trigram;
};

struct htok {
	fts5_tokenizer inner_api;
	Fts5Tokenizer *inner;
	struct htok_kind *kind;
};

struct htok_run {
	struct htok *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	int flags;
	/* a prefix query: the last token is the prefix, so each token waits
	 * until the next one comes */
	char *pending;
	int pending_n, pending_start, pending_end;
};

static fts5_api *fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(s);
	}
	sqlite3_finalize(s);
	return api;
}

static int htok_create(void *ud, const char **argv, int argc,
		       Fts5Tokenizer **out)
{
	static const char *const u61[] = {"remove_diacritics", "2"};
	struct htok_kind *kind = ud;
	fts5_api *api = kind->api;
	struct htok *t = calloc(1, sizeof *t);
	void *inner_ud = NULL;

	(void)argv;
	(void)argc;
	*out = NULL;
	if (!t)
		return SQLITE_NOMEM;
	t->kind = kind;
	int rc = api ? api->xFindTokenizer(api,
					   kind->trigram ? "trigram" : "unicode61",
					   &inner_ud, &t->inner_api)
		     : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = t->inner_api.xCreate(inner_ud,
					  kind->trigram ? NULL : (const char **)u61,
					  kind->trigram ? 0 : 2, &t->inner);
	if (rc != SQLITE_OK) {
		free(t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void htok_delete(Fts5Tokenizer *p)
{
	struct htok *t = (struct htok *)p;
	if (t) {
		t->inner_api.xDelete(t->inner);
		free(t);
	}
}

static int emit(struct htok_run *r, int tflags, char domain, const char *tok,
		int n, int start, int end)
{
	char hex[CRYPT_TOKEN_HEX + 1];
	crypt_token(r->t->kind->st->crypt.keys, domain, tok, (size_t)n, hex);
	return r->token(r->ctx, tflags, hex, CRYPT_TOKEN_HEX, start, end);
}

/* The length in bytes of tok's first max characters. */
static int prefix_bytes(const char *tok, int n, int max)
{
	int chars = 0;
	for (int i = 0; i < n; i++)
		if (((unsigned char)tok[i] & 0xc0) != 0x80 && chars++ == max)
			return i;
	return n;
}

static int on_token(void *p, int tflags, const char *tok, int n, int start,
		    int end)
{
	struct htok_run *r = p;
	int rc;

	if (r->t->kind->trigram)
		return emit(r, tflags, 't', tok, n, start, end);
	if (r->flags & FTS5_TOKENIZE_PREFIX) {
		rc = r->pending ? emit(r, 0, 'w', r->pending, r->pending_n,
				       r->pending_start, r->pending_end)
				: SQLITE_OK;
		free(r->pending);
		r->pending = malloc((size_t)n + 1);
		if (!r->pending)
			return SQLITE_NOMEM;
		memcpy(r->pending, tok, (size_t)n);
		r->pending_n = n;
		r->pending_start = start;
		r->pending_end = end;
		return rc;
	}
	rc = emit(r, tflags, 'w', tok, n, start, end);
	if (!(r->flags & FTS5_TOKENIZE_DOCUMENT))
		return rc;
	/* every prefix at the same place, so "lig"* finds "light" */
	int last = 0;
	for (int c = 1; rc == SQLITE_OK && c <= PREFIX_MAX; c++) {
		int b = prefix_bytes(tok, n, c);
		if (b == last)
			break;
		last = b;
		rc = emit(r, FTS5_TOKEN_COLOCATED, 'p', tok, b, start, end);
	}
	return rc;
}

static int htok_tokenize(Fts5Tokenizer *p, void *ctx, int flags,
			 const char *text, int n,
			 int (*token)(void *, int, const char *, int, int, int))
{
	struct htok *t = (struct htok *)p;
	struct store *st = t->kind->st;
	struct htok_run r = {.t = t, .ctx = ctx, .token = token, .flags = flags};

	if (!st->crypt.keys) {
		st->crypt.fail_rc = MEND_ELOCKED;
		snprintf(st->crypt.fail_msg, sizeof st->crypt.fail_msg,
			 "the journal is locked");
		return SQLITE_ERROR;
	}
	int rc = t->inner_api.xTokenize(t->inner, &r, flags, text, n, on_token);
	if (rc == SQLITE_OK && r.pending)
		rc = emit(&r, 0, 'p', r.pending,
			  prefix_bytes(r.pending, r.pending_n, PREFIX_MAX),
			  r.pending_start, r.pending_end);
	free(r.pending);
	return rc;
}

enum mend_rc store_seal_register(struct store *st, struct mend_err *err)
{
	static const struct {
		const char *name;
		int argc;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"mend_seal", 2, sql_seal},
		{"mend_seal_det", 2, sql_seal_det},
		{"mend_open", 2, sql_open},
		{"mend_tag_key", 1, sql_tag_key},
	};
	int rc = SQLITE_OK;

	for (size_t i = 0; rc == SQLITE_OK && i < sizeof fns / sizeof fns[0];
	     i++)
		/* not SQLITE_INNOCUOUS: only the journal's own schema (the
		 * encrypted journal's index triggers) may call them */
		rc = sqlite3_create_function_v2(st->db, fns[i].name,
						fns[i].argc, SQLITE_UTF8, st,
						fns[i].fn, NULL, NULL, NULL);
	fts5_api *api = rc == SQLITE_OK ? fts5_of(st->db) : NULL;
	if (rc == SQLITE_OK && !api)
		rc = SQLITE_ERROR;
	static const fts5_tokenizer tok = {htok_create, htok_delete,
					   htok_tokenize};
	for (int k = 0; rc == SQLITE_OK && k < 2; k++) {
		struct htok_kind *kind = malloc(sizeof *kind);
		if (!kind)
			return mend_err_set(err, MEND_ENOMEM, "out of memory");
		kind->st = st;
		kind->api = api;
		kind->trigram = k == 1;
		rc = api->xCreateTokenizer(api,
					   k ? "mend_trigram" : "mend_words",
					   kind, (fts5_tokenizer *)&tok, free);
	}
	return rc == SQLITE_OK ? MEND_OK
			       : store_fail(st, rc, "opening the journal", err);
}
