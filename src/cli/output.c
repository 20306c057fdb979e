/* SPDX-License-Identifier: MIT */
/* Showing entries: as a page for people, or as JSON for scripts. */
#include "mend/pause.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "mend/entry_json.h"
#include "mend/exercise.h"
#include "mend/utf8.h"

/* A control character as cat -v shows it: ^[ for ESC, ^? for DEL, M-^[
 * for the C1 CSI. Returns false for one that is printed as it is. */
static bool visible_control(uint32_t cp, char out[5])
{
	if (cp == '\n' || cp == '\t')
		return false;
	if (cp < 0x20 || cp == 0x7f) {
		out[0] = '^';
		out[1] = cp == 0x7f ? '?' : (char)(cp + 0x40);
		out[2] = '\0';
		return true;
	}
	if (cp >= 0x80 && cp < 0xa0) {
		memcpy(out, "M-^", 3);
		out[3] = (char)(cp - 0x80 + 0x40);
		out[4] = '\0';
		return true;
	}
	return false;
}

void cli_put_textn(FILE *f, const char *s, size_t n)
{
	if (!s)
		return;
	if (!isatty(fileno(f))) {
		fwrite(s, 1, n, f);
		return;
	}
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		char vis[5];
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			fputs("\xef\xbf\xbd", f); /* U+FFFD */
			i++;
		} else if (visible_control(cp, vis)) {
			fputs(vis, f);
			i += k;
		} else {
			fwrite(s + i, 1, k, f);
			i += k;
		}
	}
}

void cli_put_text(FILE *f, const char *s)
{
	if (s)
		cli_put_textn(f, s, strlen(s));
}

/* Columns of one character as cli_put_text shows it on a terminal. */
static int columns(uint32_t cp)
{
	char vis[5];
	if (visible_control(cp, vis))
		return (int)strlen(vis);
	int w = wcwidth((wchar_t)cp);
	/* a locale that does not know the character: count one column */
	return w < 0 ? 1 : w;
}

void cli_clip(const char *text, int cols, char *buf, size_t size)
{
	size_t len = strcspn(text, "\n"), n = 0, fit = 0;
	bool more_lines = text[len] == '\n' && text[len + 1];
	int used = 0;

	if (size < 4 || cols < 3) {
		if (size)
			buf[0] = '\0';
		return;
	}
	/* fit: the longest start that leaves room for "..." */
	while (n < len) {
		uint32_t cp = 0xfffd;
		size_t k = utf8_decode(text + n, len - n, &cp);
		int w = columns(k ? cp : 0xfffd);
		if (k == 0)
			k = 1;
		if (used + w <= cols - 3 && n + k + 4 <= size)
			fit = n + k;
		if (used + w > cols || n + k + 1 > size)
			break;
		used += w;
		n += k;
	}
	if (n == len && !more_lines) {
		memcpy(buf, text, n);
		buf[n] = '\0';
		return;
	}
	memcpy(buf, text, fit);
	memcpy(buf + fit, "...", 4);
}

enum mend_rc cli_entry_json(FILE *f, struct journal *j, const struct entry *e,
			    struct mend_err *err)
{
	/* the journal masks a letter still sealed to an empty text; say so,
	 * so that a script does not take it for an empty letter */
	struct entry_json_options o = {
		.sealed = e->kind == KIND_SEALED && !journal_letter_open(j, e)};
	return entry_json_write(f, e, &o, err);
}

void cli_print_entry(FILE *f, struct journal *j, const struct entry *e,
		     bool json)
{
	char when[32];

	if (json) {
		cli_entry_json(f, j, e, NULL);
		fputc('\n', f);
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
		fprintf(f, "%s · ",
			e->initiator && strcmp(e->initiator, "them") == 0
				? "they reached out"
				: "I reached out");
		cli_put_text(f, e->channel ? e->channel : "other");
		fprintf(f, "%s%s\n", e->necessary == 1 ? " · necessary" : "",
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
		cli_put_text(f, e->category ? e->category : "");
		if (e->minutes != ENTRY_NONE)
			fprintf(f, " · %d min", e->minutes);
		fputc('\n', f);
		break;
	case KIND_EXERCISE:
	case KIND_CLARITY: {
		char words[160];
		cli_put_text(f, exercise_entry_words(e, words, sizeof words));
		fputc('\n', f);
		break;
	}
	case KIND_DECISION:
		fputs("decision: ", f);
		cli_put_text(f, e->outcome ? e->outcome : "");
		fputc('\n', f);
		break;
	case KIND_PAUSE:
	case KIND_PROFILE:
	case KIND_SLIP: {
		char what[160];
		pause_describe(e, what, sizeof what);
		cli_put_text(f, what);
		fputc('\n', f);
		break;
	}
	default:
		break;
	}
	/* text from the journal or an import: shown, never obeyed */
	if (e->prompt_text) {
		fputs("prompt (", f);
		cli_put_text(f, e->prompt_id);
		fputs("): ", f);
		cli_put_text(f, e->prompt_text);
		fputc('\n', f);
	}
	if (e->tags && *e->tags) {
		fputs("tags: ", f);
		cli_put_text(f, e->tags);
		fputc('\n', f);
	}
	if (*e->text) {
		fputc('\n', f);
		cli_put_text(f, e->text);
		fputc('\n', f);
	}
}
