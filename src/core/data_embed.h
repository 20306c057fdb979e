/* SPDX-License-Identifier: MIT */
/* The files of data/ compiled into the binary (generated at build time by
 * tools/embed.sh), so that mend works wherever it is copied. Each array
 * holds the file's bytes followed by one NUL not counted in its length. */
#ifndef MEND_DATA_EMBED_H
#define MEND_DATA_EMBED_H

#include <stddef.h>

extern const unsigned char data_prompts_json[];
extern const size_t data_prompts_json_len;
extern const unsigned char data_messages_json[];
extern const size_t data_messages_json_len;
extern const unsigned char data_quick_tags_json[];
extern const size_t data_quick_tags_json_len;
extern const unsigned char data_insights_json[];
extern const size_t data_insights_json_len;

#endif
