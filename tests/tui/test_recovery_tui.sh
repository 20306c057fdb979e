#!/bin/bash
# SPDX-License-Identifier: MIT
# The passphrase screen of a journal encrypted without a recovery key:
# ^R says at once that there is none (instead of asking for a key that
# cannot exist), the passphrase stays the way in, and it opens.
. "$(dirname "$0")/lib.sh"

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1
PASS="only the passphrase"

t_ctrl_r_without_a_recovery_key_says_there_is_none() {
	keyctl new_session >/dev/null 2>&1 || keyctl session - true
	mend start --date 2026-01-01
	expect_rc 0
	printf '#!/bin/sh\nprintf "%%s\\n" "%s"\n' "$PASS" >"$WORK/pw"
	chmod 700 "$WORK/pw"
	MEND_PASSPHRASE_COMMAND="$WORK/pw" mend encrypt --no-recovery-key
	expect_rc 0
	mend lock
	expect_rc 0
	TUI_ENV="MEND_KDF_FAST=1" tui_start 70 20
	wait_for "Passphrase:"
	# nothing offers a key there is not
	screen | tail -1 | grep -qF "^R" && fail "the key line offers ^R: $(screen | tail -1)"
	screen | grep -qF "Forgotten it?" && fail "the screen offers the recovery key: $(screen)"
	keys C-r
	wait_for "has no recovery key"
	expect_whole "This journal has no recovery key: it was encrypted without one, so only its passphrase opens it."
	screen | grep -qF "Recovery key:" && fail "it asks for a recovery key there is not"
	type "$PASS"
	keys Enter
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
}

run_tests
