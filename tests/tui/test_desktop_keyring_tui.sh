#!/bin/bash
# SPDX-License-Identifier: MIT
# The full-screen journal with its key in the desktop's Secret Service
# (mend config secret-service on), against GNOME Keyring on a bus of this
# file's own: a new terminal session opens straight to home without the
# passphrase, and a lock (^P) forgets the desktop's copy as well, so the
# next command asks.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../cli/desktop_session.sh"
desktop_session "$0" "$@"

export MEND_KDF_FAST=1
PASS="willow river 42"

pass_script() {
	printf '#!/bin/sh\nprintf "%%s\\n" "%s"\n' "$PASS" >"$TMPDIR/pw"
	chmod 700 "$TMPDIR/pw"
	export MEND_PASSPHRASE_COMMAND="$TMPDIR/pw"
}

desktop_secret() {
	secret-tool lookup xdg:schema mend.JournalKey journal \
		"$(sqlite3 "$MEND_DB" "SELECT journal_id FROM crypt")" 2>/dev/null
}

t_opens_without_asking_and_a_lock_forgets_the_desktop_copy() {
	mend start --date 2026-01-01
	expect_rc 0
	pass_script
	mend encrypt --no-recovery-key
	expect_rc 0
	mend config secret-service on
	expect_rc 0
	# a new terminal session: nothing in the kernel's keyring
	keyctl new_session >/dev/null 2>&1 || fail "no kernel session keyring"
	unset MEND_PASSPHRASE_COMMAND
	TUI_ENV="MEND_KDF_FAST=1" tui_start 80 24
	wait_for "Today's check-in"
	screen | grep -qF "Passphrase:" && fail "asked although the desktop keeps the key"
	keys C-p
	wait_for "Passphrase:"
	[ -z "$(desktop_secret)" ] || fail "the lock left the key in the desktop's keyring"
	type "$PASS"
	keys Enter
	wait_for "Today's check-in"
	# opened by passphrase: kept in the desktop's keyring again
	[ -n "$(desktop_secret)" ] || fail "the unlock did not keep the key again"
	type q
	wait_for "MEND_EXITED=0"
}

run_tests
