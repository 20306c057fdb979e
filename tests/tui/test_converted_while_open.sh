#!/bin/bash
# SPDX-License-Identifier: MIT
# The full-screen journal open while `mend encrypt` on the command line
# puts a new file in the journal's place: the next save says plainly
# that nothing was saved and why, and the words stay in the editor; a
# terminal closed then keeps them in a file, as the draft cannot be.
. "$(dirname "$0")/lib.sh"

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1

t_save_after_encrypt_elsewhere_keeps_the_words() {
	keyctl new_session >/dev/null 2>&1 || keyctl session - true
	mend start --date 2026-01-01
	expect_rc 0
	tui_start 100 24
	tui_open_editor
	type "marigoldwindow at dusk"
	printf '#!/bin/sh\nprintf "%%s\\n" "elsewhere"\n' >"$WORK/pw"
	chmod 700 "$WORK/pw"
	MEND_PASSPHRASE_COMMAND="$WORK/pw" mend encrypt
	expect_rc 0
	keys C-d
	wait_for "encrypted or decrypted by another mend"
	screen | grep -qF "Saved." && fail "it said Saved."
	screen | grep -qF "marigoldwindow at dusk" || fail "the words left the editor"
	tui_stop
	MEND_PASSPHRASE_COMMAND="$WORK/pw" mend list --json
	expect_rc 0
	expect_eq "$(json 'length')" 0 "entries in the encrypted journal"
}

t_a_terminal_closed_after_encrypt_elsewhere_keeps_the_words_in_a_file() {
	keyctl new_session >/dev/null 2>&1 || keyctl session - true
	mend start --date 2026-01-01
	expect_rc 0
	tui_start 100 24
	tui_open_editor
	type "tangerinequiet by the river"
	wait_for "tangerinequiet by the river"
	printf '#!/bin/sh\nprintf "%%s\\n" "elsewhere"\n' >"$WORK/pw"
	chmod 700 "$WORK/pw"
	MEND_PASSPHRASE_COMMAND="$WORK/pw" mend encrypt
	expect_rc 0
	local pid
	pid=$(tui_pid)
	kill -HUP "$pid"
	wait_for "MEND_EXITED="
	# in memory: the journal is encrypted now
	local kept
	kept=$(grep -rl "tangerinequiet by the river" "/dev/shm/mend-$(id -u)/kept" \
		"${XDG_RUNTIME_DIR:-/nonexistent}/mend/kept" 2>/dev/null)
	[ -n "$kept" ] || fail "the words were lost when the terminal closed"
	rm -f $kept
	grep -rlq "tangerinequiet" "$XDG_DATA_HOME" "$HOME" "$WORK" 2>/dev/null &&
		fail "the words reached the disk: $(grep -rl tangerinequiet "$XDG_DATA_HOME" "$HOME" "$WORK")"
	true
}

run_tests
