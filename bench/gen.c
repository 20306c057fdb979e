/* SPDX-License-Identifier: MIT */
/* Writes a mend JSON export of a realistic journal, the same every time
 * (fixed seed, no network): N entries across every module over a span of
 * days, one check-in a day, reflections of about 300 characters with
 * accents and emoji (some in several paragraphs, about 1% with the rare
 * word "lighthouse"), contacts that restart the count now and then,
 * urges, unsent messages, letters, growth logs and decisions.
 * Usage: gen N > journal.json */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t state = 0x6d656e64u; /* "mend" */

static uint64_t next(void)
{
	uint64_t z = (state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static unsigned pick(unsigned n)
{
	return (unsigned)(next() % n);
}

static void uuid(char out[37])
{
	uint64_t a = next(), b = next();
	snprintf(out, 37, "%08x-%04x-4%03x-%04x-%012llx", (unsigned)(a >> 32),
		 (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
		 (unsigned)(0x8000 | ((b >> 48) & 0x3fff)),
		 (unsigned long long)(b & 0xffffffffffffull));
}

static void iso(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *const words[] = {
	"today", "felt", "quiet", "heavy", "lighter", "morning", "evening",
	"walk", "river", "friends", "call", "sister", "café", "naïve",
	"déjà", "vu", "señal", "über", "garçon", "remembered", "laughed",
	"cried", "slept", "kitchen", "music", "song", "rain", "sunlight",
	"patience", "anger", "grief", "relief", "hope", "tired", "proud",
	"🙂", "🌧️", "🌱", "💛", "中文", "日記", "and", "the", "a", "of",
	"to", "with", "without", "again", "still", "maybe", "because",
	"I", "we", "you", "they", "wanted", "needed", "noticed", "wrote",
	"boundaries", "habit", "loneliness", "pride", "fear", "trust",
};

static void sentence_text(char *buf, size_t cap, size_t target)
{
	size_t n = 0;
	int first = 1;
	while (n + 40 < cap && n < target) {
		const char *w = words[pick(sizeof words / sizeof *words)];
		n += (size_t)snprintf(buf + n, cap - n, "%s%s", first ? "" : " ", w);
		first = 0;
		if (pick(9) == 0) {
			n += (size_t)snprintf(buf + n, cap - n, ".");
			if (pick(12) == 0)
				n += (size_t)snprintf(buf + n, cap - n, "\\n\\n");
		}
	}
	snprintf(buf + n, cap - n, ".");
}

static void rare_word(char *buf, size_t cap)
{
	/* about one entry in a hundred mentions the lighthouse */
	if (pick(100) == 0) {
		size_t n = strlen(buf);
		snprintf(buf + n, cap - n, " The lighthouse again.");
	}
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	long span = n / 5 < 3650 ? (n / 5 > 30 ? n / 5 : 30) : 3650;
	time_t start = 1577836800; /* 2020-01-01 */
	char id[37], created[21], text[4096], day[11];
	long written = 0, checkins = 0;
	int first = 1;

	printf("{\n  \"format\": \"mend-journal\",\n  \"version\": 1,\n"
	       "  \"exported_at\": \"2030-01-01T00:00:00Z\",\n"
	       "  \"app_version\": \"bench\",\n"
	       "  \"settings\": {\"start_date\": \"2020-01-01\", \"goal_days\": 30, "
	       "\"updated_at\": \"2020-01-01T08:00:00Z\"},\n");

	/* periods: restarted by a contact every ~200 days */
	long per = 200, np = span / per + 1;
	printf("  \"periods\": [");
	for (long p = 0; p < np; p++) {
		char s[21], e[21];
		uuid(id);
		iso(start + p * per * 86400 + (p ? 12 * 3600 : 0), s);
		iso(start + (p + 1) * per * 86400 + 12 * 3600, e);
		printf("%s\n    {\"id\": \"%s\", \"created_at\": \"%s\", "
		       "\"updated_at\": \"%s\", \"started_at\": \"%s\"",
		       p ? "," : "", id, s, s, s);
		if (p + 1 < np)
			printf(", \"ended_at\": \"%s\"", e);
		printf("}");
	}
	printf("\n  ],\n  \"entries\": [");

	for (long d = 0; d < span && written < n; d++) {
		long left_days = span - d;
		long per_day = (n - written + left_days - 1) / left_days;
		for (long k = 0; k < per_day && written < n; k++) {
			time_t t = start + d * 86400 + 8 * 3600 + k * 97 + (time_t)pick(60);
			iso(t, created);
			strftime(day, sizeof day, "%Y-%m-%d", gmtime(&t));
			uuid(id);
			printf("%s\n    {\"id\": \"%s\", ", first ? "" : ",", id);
			first = 0;
			if (k == 0) {
				printf("\"kind\": \"checkin\", \"module\": \"checkin\", "
				       "\"created_at\": \"%s\", \"updated_at\": \"%s\", "
				       "\"day\": \"%s\", \"mood\": %u, \"urge\": %u, "
				       "\"contact\": false, \"text\": \"%s\"}",
				       created, created, day, pick(10) + 1, pick(11),
				       pick(3) ? "" : "a calmer evening");
				checkins++;
			} else if (k == 1 && d > 0 && d % per == 0) {
				printf("\"kind\": \"contact\", \"module\": \"nocontact\", "
				       "\"created_at\": \"%s\", \"updated_at\": \"%s\", "
				       "\"by\": \"me\", \"channel\": \"text\", "
				       "\"necessary\": false, \"restarted_period\": true, "
				       "\"text\": \"I wrote to them.\"}",
				       created, created);
			} else {
				unsigned r = pick(100);
				if (r < 45) {
					sentence_text(text, sizeof text, 240 + pick(120));
					rare_word(text, sizeof text);
					printf("\"kind\": \"reflection\", \"module\": "
					       "\"reflection\", \"created_at\": \"%s\", "
					       "\"updated_at\": \"%s\", \"prompt_id\": "
					       "\"reflection.patterns.%u\", \"prompt_text\": "
					       "\"What seems to repeat?\", \"text\": \"%s\"}",
					       created, created, pick(3) + 1, text);
				} else if (r < 55) {
					sentence_text(text, sizeof text, 200 + pick(100));
					rare_word(text, sizeof text);
					printf("\"kind\": \"acceptance\", \"module\": "
					       "\"acceptance\", \"created_at\": \"%s\", "
					       "\"updated_at\": \"%s\", \"text\": \"%s\"}",
					       created, created, text);
				} else if (r < 75) {
					static const char *const cats[] = {
						"body", "mind", "connection",
						"skills", "work", "rest"};
					sentence_text(text, sizeof text, 30 + pick(40));
					printf("\"kind\": \"growth\", \"module\": \"growth\", "
					       "\"created_at\": \"%s\", \"updated_at\": \"%s\", "
					       "\"category\": \"%s\", \"minutes\": %u, "
					       "\"text\": \"%s\"}",
					       created, created, cats[pick(6)],
					       pick(120), text);
				} else if (r < 90) {
					sentence_text(text, sizeof text, 20 + pick(60));
					printf("\"kind\": \"urge\", \"module\": \"nocontact\", "
					       "\"created_at\": \"%s\", \"updated_at\": \"%s\", "
					       "\"urge\": %u, \"text\": \"%s\"}",
					       created, created, pick(10) + 1, text);
				} else if (r < 97) {
					sentence_text(text, sizeof text, 150 + pick(200));
					printf("\"kind\": \"unsent\", \"module\": \"nocontact\", "
					       "\"created_at\": \"%s\", \"updated_at\": \"%s\", "
					       "\"text\": \"%s\"}",
					       created, created, text);
				} else if (r < 99) {
					static const char *const outs[] = {
						"reconnect", "friends", "part-ways",
						"undecided"};
					printf("\"kind\": \"decision\", \"module\": "
					       "\"acceptance\", \"created_at\": \"%s\", "
					       "\"updated_at\": \"%s\", \"outcome\": \"%s\", "
					       "\"text\": \"\"}",
					       created, created, outs[pick(4)]);
				} else {
					sentence_text(text, sizeof text, 100);
					printf("\"kind\": \"sealed\", \"module\": \"nocontact\", "
					       "\"created_at\": \"%s\", \"updated_at\": \"%s\", "
					       "\"open_day\": %u, \"text\": \"%s\"}",
					       created, created, pick(300) + 1, text);
				}
			}
			written++;
		}
	}
	printf("\n  ]\n}\n");
	fprintf(stderr, "gen: %ld entries (%ld check-ins) over %ld days\n", written,
		checkins, span);
	return 0;
}
