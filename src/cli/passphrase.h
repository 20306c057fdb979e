/* SPDX-License-Identifier: MIT */
/* Where a passphrase comes from on the command line: the command in
 * MEND_PASSPHRASE_COMMAND (its first line of output), else the terminal
 * (/dev/tty, echo off, restored on every way out), else nowhere. */
#ifndef MEND_CLI_PASSPHRASE_H
#define MEND_CLI_PASSPHRASE_H

#include <stdbool.h>
#include <stddef.h>

#include "mend/err.h"

#define PASSPHRASE_MAX 1024

/* What the passphrase is for: MEND_PASSPHRASE_FOR is set to its name
 * for the command ("unlock", "new", "export", "import"), so one script
 * can answer each question. */
enum passphrase_for { PASS_UNLOCK, PASS_NEW, PASS_EXPORT, PASS_IMPORT };

/* Read a passphrase into *out (sodium_malloc'ed, NUL-terminated, *len
 * bytes; caller frees with passphrase_free). prompt is what the
 * terminal shows; with confirm the terminal asks twice (confirm_prompt
 * the second time) and two different answers are MEND_EINVAL. No
 * command and no terminal is MEND_ENOTFOUND (the caller says what to
 * do); a failing command, or an empty answer, is MEND_EINVAL saying
 * so; Ctrl-C at the prompt is MEND_ECANCELLED. *from_command says where
 * it came from (may be NULL). */
enum mend_rc passphrase_read(enum passphrase_for what, const char *prompt,
			     const char *confirm_prompt, char **out,
			     size_t *len, bool *from_command,
			     struct mend_err *err);

/* True when a passphrase can be had without a person: the command is
 * set. */
bool passphrase_has_command(void);

/* Wipe and free a passphrase from passphrase_read (NULL is fine). */
void passphrase_free(char *p);

/* Write msg on the terminal (stderr when there is none): for what a
 * person should read while a passphrase is asked (a wait). */
void passphrase_say(const char *msg);

#endif
