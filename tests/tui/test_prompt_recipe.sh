#!/bin/bash
# SPDX-License-Identifier: MIT
# The README's prompt recipes, run for real: each shell starts under tmux
# with the recipe exactly as README.md gives it (read from the README, so
# a broken recipe fails here), and the status line must show in its
# prompt; the tmux recipe must show it in the status bar.
. "$(dirname "$0")/lib.sh"

README="$(cd "$(dirname "$0")/../.." && pwd)/README.md"

# recipe NAME: the first fenced block after the README heading "### NAME"
# in its prompt section.
recipe() {
	awk -v h="### $1" '
		$0 == "## In your shell prompt" { sec = 1; next }
		sec && /^## / { exit }
		sec && $0 == h { found = 1; next }
		found && !inblock && /^```/ { inblock = 1; next }
		inblock && /^```/ { exit }
		inblock { print }' "$README"
}

# A day-12 journal (the clock is 2026-01-11 09:00), and `mend` on PATH as
# the recipes call it.
setup() {
	mkdir -p "$WORK/bin"
	ln -sf "$MEND" "$WORK/bin/mend"
	[ -n "$(recipe "$1")" ] || fail "README.md has no $1 recipe"
	recipe "$1" >"$WORK/recipe"
}

started() {
	"$MEND" start --date 2025-12-30 >/dev/null 2>&1 || fail "start failed"
}

# shell_start COMMAND...: a shell in a tmux server of its own, with the
# test's journal, clock and home.
shell_start() {
	TMUX_SOCK="mend-test-$$-$RANDOM"
	command -v tmux >/dev/null || fail "tmux is not installed"
	tmux -u -L "$TMUX_SOCK" -f /dev/null new-session -d -s mend -x 100 -y 20 \
		"env -i PATH='$WORK/bin:/usr/bin:/bin' LANG='${SHELL_LANG:-C.UTF-8}' TERM=tmux-256color \
		 MEND_DB='$MEND_DB' MEND_NOW='$MEND_NOW' TZ='$TZ' HOME='$HOME' \
		 XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' TMPDIR='$TMPDIR' \
		 $*" || fail "tmux could not start"
	trap tui_stop EXIT
}

bash_start() {
	setup bash
	{
		echo "PS1='READY> '"
		cat "$WORK/recipe"
	} >"$WORK/bashrc"
	shell_start bash --noprofile --rcfile "$WORK/bashrc" -i
}

t_bash_prompt_shows_the_line() {
	started
	bash_start
	wait_for "♥ day 12/30 · check in READY>"
}

t_bash_prompt_follows_a_check_in() {
	started
	bash_start
	wait_for "♥ day 12/30 · check in READY>"
	type "mend checkin --mood 6 >/dev/null"
	keys Enter
	wait_for "♥ day 12/30 · ✓ READY>"
}

t_bash_prompt_is_plain_ascii_outside_utf8() {
	started
	SHELL_LANG=C bash_start
	wait_for "<3 day 12/30 | check in READY>"
}

t_bash_prompt_is_unchanged_without_a_journal() {
	bash_start
	wait_for "READY>"
	type "echo shown"
	keys Enter
	wait_for "shown"
	screen | grep -q '^READY> echo shown' || fail "the prompt changed:
$(screen)"
	screen | grep -qF "♥" && fail "a heart without a journal:
$(screen)"
	[ ! -e "$MEND_DB" ] || fail "the prompt created a journal"
}

t_zsh_prompt_shows_the_line() {
	command -v zsh >/dev/null || fail "zsh is not installed (tools/deps.sh installs it)"
	started
	setup zsh
	{
		echo "PROMPT='READY%# '"
		cat "$WORK/recipe"
	} >"$HOME/.zshrc"
	shell_start zsh -i
	wait_for "♥ day 12/30 · check in READY"
}

t_zsh_prompt_keeps_a_percent_in_a_format_of_ones_own() {
	command -v zsh >/dev/null || fail "zsh is not installed (tools/deps.sh installs it)"
	started
	setup zsh
	{
		echo "PROMPT='READY%# '"
		sed 's/mend status --line/mend status --format "%d%% %c"/' "$WORK/recipe"
	} >"$HOME/.zshrc"
	grep -q 'format "%d%% %c"' "$HOME/.zshrc" || fail "the recipe's command was not found"
	shell_start zsh -i
	wait_for "12% check in READY"
}

t_fish_prompt_shows_the_line() {
	command -v fish >/dev/null || fail "fish is not installed (tools/deps.sh installs it)"
	started
	setup fish
	mkdir -p "$XDG_CONFIG_HOME/fish"
	{
		echo "function fish_prompt; echo -n 'READY> '; end"
		cat "$WORK/recipe"
	} >"$XDG_CONFIG_HOME/fish/config.fish"
	shell_start fish -i
	wait_for "♥ day 12/30 · check in READY>" 20
}

# tmux draws the status bar to a terminal of its own: the recipe's tmux
# runs inside the test's tmux, whose screen shows that bar.
t_tmux_status_right_shows_the_line() {
	started
	setup tmux
	{
		echo "set -g status on"
		cat "$WORK/recipe"
	} >"$WORK/tmux.conf"
	INNER="mend-test-inner-$$-$RANDOM"
	shell_start tmux -u -L "$INNER" -f "'$WORK/tmux.conf'" new-session "'sleep 600'"
	trap 'tmux -L "$INNER" kill-server 2>/dev/null; tui_stop' EXIT
	wait_for "♥ day 12/30 · check in" 20
	screen | tail -1 | grep -qF "♥ day 12/30 · check in" ||
		fail "the line is not in the status bar:
$(screen)"
}

run_tests
