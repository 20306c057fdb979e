/* SPDX-License-Identifier: MIT */
/* Unnamed files for words on their way somewhere else: an export being
 * sealed, or a listing held while the journal's read lock is let go. For
 * an encrypted journal they live in memory (a memfd), never on disk. */
#ifndef MEND_MEMFILE_H
#define MEND_MEMFILE_H

#include <stdbool.h>
#include <stdio.h>

/* A new memory file (memfd: in RAM, never a file on disk), open for
 * writing and reading back; NULL when none can be made. Caller closes
 * with fclose. */
FILE *memfile_new(void);

/* A private, unnamed spool: a memory file when in_memory (an encrypted
 * journal's words), else tmpfile(). NULL when none can be made (the
 * caller then streams). */
FILE *memfile_spool(bool in_memory);

#endif
