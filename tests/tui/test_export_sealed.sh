#!/bin/bash
# SPDX-License-Identifier: MIT
# Export from the full-screen journal of an encrypted journal, as a person
# sees it: the screen says a plain export can be read by whoever gets the
# file, and offers JSON sealed with a passphrase (age's format), asked
# twice on a screen that never shows it; the file holds none of the words
# and mend import reads it back with that passphrase.
. "$(dirname "$0")/lib.sh"

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1
JPASS="willow river 42"
XPASS="harbour of small lights"

# pass_script JOURNAL [IMPORT]: answers for the journal and an import
pass_script() {
	cat >"$TMPDIR/pw" <<EOS
#!/bin/sh
case "\$MEND_PASSPHRASE_FOR" in
import) printf '%s\n' '${2:-}' ;;
*) printf '%s\n' '$1' ;;
esac
EOS
	chmod 700 "$TMPDIR/pw"
	export MEND_PASSPHRASE_COMMAND="$TMPDIR/pw"
}

encrypted_unlocked() {
	mend start --date 2026-01-01 --name "Quillon"
	expect_rc 0
	mend checkin --mood 5 --note "rosemarylantern at noon"
	expect_rc 0
	mend reflect "a marbledharbour kind of day"
	expect_rc 0
	pass_script "$JPASS"
	mend encrypt --no-recovery-key
	expect_rc 0
	mend unlock
	expect_rc 0
	unset MEND_PASSPHRASE_COMMAND
}

t_an_encrypted_journal_is_told_and_offered_a_sealed_export() {
	local size
	for size in "80 24" "60 18"; do
		rm -rf "$MEND_DB" "$MEND_DB"-* "$HOME/backup.json.age"
		encrypted_unlocked
		TUI_ENV="MEND_KDF_FAST=1" tui_start $size
		wait_for "Daily check-in"
		type "e"
		wait_for "choose a format"
		expect_whole "Your journal is encrypted, but an export is plain text that whoever gets the file can read, unless you choose the sealed one."
		expect_attr "Your journal is encrypted" color
		keys Enter
		wait_for "Which format?"
		expect_whole "JSON, sealed with a passphrase (age's format)"
		type "s"
		wait_for "Save the export as"
		screen | grep -qF "json.age" || fail "the sealed export's name does not end in .json.age: $(screen)"
		keys C-u
		type "~/backup.json.age"
		keys Enter
		wait_for "A passphrase for the export"
		expect_whole "Choose a passphrase to seal the export with."
		type "$XPASS"
		screen | grep -qF "harbour" && fail "the passphrase shows on the screen"
		keys Enter
		wait_for "once more"
		type "$XPASS"
		keys Enter
		wait_for "Saved"
		expect_whole "Sealed with the passphrase you chose"
		type q
		wait_for "Daily check-in"
		type q
		wait_for "MEND_EXITED=0"
		tui_stop
		[ "$(head -c 21 "$HOME/backup.json.age")" = "age-encryption.org/v1" ] ||
			fail "the export is not an age file"
		for w in rosemarylantern marbledharbour Quillon; do
			grep -aq "$w" "$HOME/backup.json.age" && fail "'$w' is in the sealed export"
		done
		# read back into a new plain journal with the export's passphrase
		pass_script "$JPASS" "$XPASS"
		MEND_DB="$TMPDIR/other.db" mend import "$HOME/backup.json.age"
		expect_rc 0
		MEND_DB="$TMPDIR/other.db" mend list --search rosemarylantern
		expect_rc 0
		expect_out "rosemarylantern"
		rm -f "$TMPDIR/other.db"
		unset MEND_PASSPHRASE_COMMAND
	done
}

t_a_plain_journal_is_not_warned() {
	mend start --date 2026-01-01
	expect_rc 0
	tui_start 80 24
	wait_for "Daily check-in"
	type "e"
	wait_for "choose a format"
	screen | grep -qF "Your journal is encrypted" &&
		fail "a plain journal was told it is encrypted"
	type q
	wait_for "Daily check-in"
}

run_tests
