#!/bin/bash
# SPDX-License-Identifier: MIT
# An encrypted journal's words never reach the disk in plain text on the
# way through mend: the spool of a piped `mend list`, the file the
# person's own editor opens, and text the journal refused (kept for the
# person to fix) all live in memory (a memfd, or a tmpfs directory:
# $XDG_RUNTIME_DIR when it is one, else /dev/shm), never on the disk.
. "$(dirname "$0")/lib.sh"

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1

encrypted_journal() {
	printf '#!/bin/sh\necho "a long rainy passphrase"\n' >"$TMPDIR/pass"
	chmod 700 "$TMPDIR/pass"
	export MEND_PASSPHRASE_COMMAND="$TMPDIR/pass"
	mend start --date 2026-01-01
	expect_rc 0
	mend checkin --mood 4 --note "cinnamonharbour evening"
	expect_rc 0
	mend encrypt --no-recovery-key
	expect_rc 0
	# a runtime directory on the disk, as a login without systemd has
	mkdir -p "$TMPDIR/run"
	chmod 700 "$TMPDIR/run"
	export XDG_RUNTIME_DIR="$TMPDIR/run"
}

# editor_script BODY: $EDITOR runs BODY with the file as $1, after
# noting the kind of file system the file is on in $TMPDIR/fs
editor_script() {
	printf '#!/bin/sh\nstat -f -c %%T "$1" >"%s/fs"\n%s\n' "$TMPDIR" "$1" >"$TMPDIR/ed"
	chmod 700 "$TMPDIR/ed"
	export EDITOR="$TMPDIR/ed" VISUAL=
}

# mend on a terminal of its own (the editor runs only there)
on_tty() {
	script -qec "$*" /dev/null >"$OUT" 2>&1 </dev/null
	RC=$?
	cp "$OUT" "$ERR"
}

t_a_piped_list_spools_in_memory() {
	encrypted_journal
	command -v strace >/dev/null || fail "strace is not installed"
	strace -f -qq -e trace=open,openat,memfd_create -o "$TMPDIR/trace" \
		"$MEND" list --limit 5 </dev/null 2>"$ERR" | cat >"$OUT"
	expect_out "cinnamonharbour"
	grep -q "O_TMPFILE" "$TMPDIR/trace" &&
		fail "the listing was spooled to a file on disk: $(grep O_TMPFILE "$TMPDIR/trace")"
	grep -q "memfd_create" "$TMPDIR/trace" || fail "no memory spool was made"
}

t_the_editor_file_is_in_memory() {
	encrypted_journal
	editor_script 'printf "%s\n" "tamarindwindow in the editor" >"$1"'
	on_tty "$MEND reflect"
	expect_rc 0
	[ "$(cat "$TMPDIR/fs")" = tmpfs ] ||
		fail "the editor's file was on $(cat "$TMPDIR/fs"), not in memory"
	grep -rlaq tamarindwindow "$TMPDIR/run" "$HOME" 2>/dev/null &&
		fail "the words are in a file on disk: $(grep -rla tamarindwindow "$TMPDIR/run" "$HOME")"
	mend list --search tamarindwindow
	expect_out "tamarindwindow"
}

t_refused_text_is_kept_in_memory_and_named() {
	encrypted_journal
	# a NUL byte: the journal refuses the text, and keeps it for the person
	editor_script 'printf "peppermintlagoon\000 and more\n" >"$1"'
	on_tty "$MEND reflect"
	[ "$RC" -ne 0 ] || fail "a text with a NUL byte was saved"
	local kept
	kept=$(tr -d "\r" <"$ERR" | grep -o "kept in [^ ;]*" | head -1 | cut -c9-)
	[ -n "$kept" ] && [ -f "$kept" ] || fail "no kept file named: $(cat "$ERR")"
	[ "$(stat -f -c %T "$kept")" = tmpfs ] ||
		fail "the refused text was kept on $(stat -f -c %T "$kept"), not in memory"
	grep -aq peppermintlagoon "$kept" || fail "the kept file lacks the text"
	# (the editor script itself holds them, as its own text)
	grep -rlaq --exclude=ed peppermintlagoon "$TMPDIR" "$HOME" 2>/dev/null &&
		fail "the words are in a file on disk: $(grep -rla --exclude=ed peppermintlagoon "$TMPDIR" "$HOME")"
	expect_out "until you log out or the computer restarts"
	rm -f "$kept"
}

# Commands that open the journal only once the text is written still
# learn first that it is encrypted: their editor's file, and text they
# refuse, stay in memory too.
t_commands_that_write_first_keep_the_editor_in_memory() {
	encrypted_journal
	local cmd
	for cmd in "unsent" "seal --until-day 20" "intend" "lookback"; do
		editor_script 'printf "%s\n" "quincelantern for '"${cmd%% *}"'" >"$1"'
		on_tty "$MEND $cmd"
		expect_rc 0
		[ "$(cat "$TMPDIR/fs")" = tmpfs ] ||
			fail "$cmd: the editor's file was on $(cat "$TMPDIR/fs"), not in memory"
	done
	grep -rlaq quincelantern "$TMPDIR/run" "$HOME" "$MEND_DB" 2>/dev/null &&
		fail "the words are in a file on disk: $(grep -rla quincelantern "$TMPDIR/run" "$HOME" "$MEND_DB")"
	# a refused text is kept in memory, never in the data directory
	editor_script 'printf "quincerefused\001\n" >"$1"'
	on_tty "$MEND unsent"
	[ "$RC" -ne 0 ] || fail "a text with a control character was saved"
	grep -rlaq quincerefused "$HOME" "$TMPDIR/run" 2>/dev/null &&
		fail "the refused words were kept on disk: $(grep -rla quincerefused "$HOME" "$TMPDIR/run")"
	expect_err "in memory"
}

run_tests
