#!/bin/bash
# SPDX-License-Identifier: MIT
# The full-screen journal opens with a broken prompts.json, and says once,
# on its message line, which file is wrong and why.
. "$(dirname "$0")/lib.sh"

t_broken_prompts_file_is_shown_once_and_the_journal_opens() {
	mend start --date 2026-01-01
	mkdir -p "$XDG_CONFIG_HOME/mend"
	printf '{"format": "mend-prompts", "version": 1, "prompts": [,]}\n' \
		>"$XDG_CONFIG_HOME/mend/prompts.json"
	tui_start 140 30
	wait_for "Daily check-in"
	wait_for "prompts.json: not valid JSON"
	tui_stop
}

run_tests
