/* SPDX-License-Identifier: MIT */
/* A main for fuzz targets built without libFuzzer: runs
 * LLVMFuzzerTestOneInput once on every file named on the command line
 * (a directory stands for the files in it, in name order), then prints
 * "N inputs" on standard output. Before each input its name goes to
 * standard error, so that when one crashes the last name says which. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long count;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f) {
		fprintf(stderr, "replay: cannot open %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	do {
		if (len == cap) {
			unsigned char *grown;
			cap = cap ? cap * 2 : 4096;
			grown = realloc(buf, cap);
			if (!grown) {
				fprintf(stderr, "replay: out of memory\n");
				free(buf);
				fclose(f);
				return 1;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		free(buf);
		fclose(f);
		return 1;
	}
	fclose(f);
	fprintf(stderr, "replay: %s\n", path);
	/* a copy of exactly len bytes, so that reading past the end is
	 * caught by a sanitizer, as under libFuzzer */
	unsigned char *exact = malloc(len ? len : 1);
	if (!exact) {
		free(buf);
		return 1;
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	count++;
	return 0;
}

static int run_path(const char *path)
{
	struct stat sb;
	struct dirent **names;
	int n, bad = 0;

	if (stat(path, &sb) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(sb.st_mode))
		return run_file(path);
	n = scandir(path, &names, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (int i = 0; i < n; i++) {
		char full[4096];
		if (names[i]->d_name[0] != '.') {
			snprintf(full, sizeof full, "%s/%s", path,
				 names[i]->d_name);
			if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode))
				bad |= run_file(full);
		}
		free(names[i]);
	}
	free(names);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0;

	for (int i = 1; i < argc; i++)
		bad |= run_path(argv[i]);
	printf("%ld inputs\n", count);
	return bad;
}
