#!/bin/bash
# SPDX-License-Identifier: MIT
# The desktop's Secret Service as a place for an encrypted journal's key
# (mend config secret-service on|off), against a real one: GNOME
# Keyring on a D-Bus session bus of this file's own, its login keyring
# unlocked as a desktop login unlocks it. Each test also gets a kernel
# session keyring of its own, so a new session means "a new terminal
# after a reboot": nothing in the kernel, only what the desktop keeps.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/desktop_session.sh"
desktop_session "$0" "$@"

export MEND_KDF_FAST=1

pass_ok() {
	printf '#!/bin/sh\necho "a long rainy passphrase"\n' >"$TMPDIR/pass"
	chmod 700 "$TMPDIR/pass"
	export MEND_PASSPHRASE_COMMAND="$TMPDIR/pass"
}

# no passphrase command and no terminal: whatever opens the journal now
# comes from a keyring
pass_none() {
	unset MEND_PASSPHRASE_COMMAND
}

mend_notty() {
	setsid -w "$MEND" "$@" >"$OUT" 2>"$ERR" </dev/null
	RC=$?
}

new_session() {
	keyctl new_session >/dev/null 2>&1 || fail "no kernel session keyring"
}

crypt_id() {
	sqlite3 "$MEND_DB" "SELECT journal_id FROM crypt"
}

# what the desktop's keyring holds for this journal ("" for nothing)
desktop_secret() {
	secret-tool lookup xdg:schema mend.JournalKey journal "$(crypt_id)" 2>/dev/null
}

encrypted_journal() {
	pass_ok
	mend start --date 2026-01-01 --name "Quillon"
	expect_rc 0
	mend checkin --mood 4 --note "saffronlighthouse at dusk"
	expect_rc 0
	mend encrypt --no-recovery-key
	expect_rc 0
}

t_on_keeps_the_key_so_a_new_session_opens_without_asking() {
	encrypted_journal
	mend config secret-service on
	expect_rc 0
	expect_out "Saved: secret-service = on"
	local s
	s=$(desktop_secret)
	[ ${#s} -eq 64 ] || fail "the desktop keeps '${s:0:8}…' (${#s} characters), not a key"
	case $s in *rainy*) fail "the desktop keeps the passphrase" ;; esac
	new_session
	pass_none
	mend_notty list
	expect_rc 0
	expect_out "saffronlighthouse"
	# and back in the kernel keyring, so the next command skips D-Bus
	keyctl search @s user "mend:$(crypt_id)" >/dev/null 2>&1 ||
		fail "the key did not come back into the kernel keyring"
	mend_notty config secret-service
	expect_rc 0
	expect_out "on"
}

t_lock_forgets_the_desktop_copy_too() {
	encrypted_journal
	mend config secret-service on
	expect_rc 0
	[ -n "$(desktop_secret)" ] || fail "nothing kept"
	mend lock
	expect_rc 0
	expect_out "Locked."
	[ -z "$(desktop_secret)" ] || fail "the desktop still keeps the key after mend lock"
	new_session
	pass_none
	mend_notty list
	[ "$RC" -ne 0 ] || fail "a locked journal opened"
	expect_err "locked"
	# the next unlock by passphrase keeps it there again: still opted in
	pass_ok
	mend_notty unlock
	expect_rc 0
	expect_out "desktop's keyring keeps the key too"
	[ -n "$(desktop_secret)" ] || fail "the unlock did not keep the key again"
}

t_off_forgets_and_stops_keeping() {
	encrypted_journal
	mend config secret-service on
	expect_rc 0
	mend config secret-service off
	expect_rc 0
	expect_out "Saved: secret-service = off"
	[ -z "$(desktop_secret)" ] || fail "off left the key in the desktop's keyring"
	new_session
	pass_ok
	mend_notty unlock
	expect_rc 0
	[ -z "$(desktop_secret)" ] || fail "an unlock kept the key though the setting is off"
	mend config secret-service
	expect_out "off"
}

t_no_service_reachable_saves_nothing() {
	encrypted_journal
	local before
	before=$(db_sum)
	DBUS_SESSION_BUS_ADDRESS=unix:path=$TMPDIR/no-bus mend config secret-service on
	[ "$RC" -ne 0 ] || fail "on succeeded with no service"
	expect_one_line_err
	expect_err "Secret Service"
	expect_db "$before"
	mend config secret-service
	expect_out "off"
}

t_a_locked_desktop_keyring_saves_nothing() {
	encrypted_journal
	local before
	before=$(db_sum)
	# a second keyring daemon whose login keyring was never unlocked (and
	# no screen to ask on): the service refuses
	local desk=$TMPDIR/desk2
	mkdir -p "$desk"
	HOME=$desk XDG_DATA_HOME=$desk/share XDG_RUNTIME_DIR=$desk \
		dbus-run-session -- "$MEND" config secret-service on \
		>"$OUT" 2>"$ERR.all" </dev/null
	RC=$?
	grep "^mend" "$ERR.all" >"$ERR"
	[ "$RC" -ne 0 ] || { cat "$ERR.all"; fail "on succeeded with a locked keyring"; }
	expect_one_line_err
	expect_err "Secret Service"
	expect_db "$before"
}

t_the_status_line_never_waits_on_the_desktop() {
	encrypted_journal
	mend config secret-service on
	expect_rc 0
	new_session
	pass_none
	mend_notty status --line
	expect_rc 0
	expect_out "mend: locked"
	keyctl search @s user "mend:$(crypt_id)" >/dev/null 2>&1 &&
		fail "the status line fetched the key from the desktop"
	[ -n "$(desktop_secret)" ] || fail "the desktop copy was lost"
}

t_a_key_that_does_not_open_the_journal_is_forgotten() {
	encrypted_journal
	mend config secret-service on
	expect_rc 0
	printf '%064d' 0 | secret-tool store --label "a stale key" \
		xdg:schema mend.JournalKey journal "$(crypt_id)" ||
		fail "cannot plant a stale key"
	new_session
	pass_none
	mend_notty list
	[ "$RC" -ne 0 ] || fail "a wrong key opened the journal"
	expect_err "locked"
	[ -z "$(desktop_secret)" ] || fail "the stale key is still kept"
}

t_a_plain_journal_has_no_key_to_keep() {
	mend start --date 2026-01-01
	expect_rc 0
	local before
	before=$(db_sum)
	mend config secret-service on
	[ "$RC" -ne 0 ] || fail "a plain journal accepted secret-service on"
	expect_one_line_err
	expect_err "secret-service: the journal is not encrypted"
	expect_db "$before"
	mend config secret-service maybe
	[ "$RC" -ne 0 ] || fail "maybe was accepted"
	expect_err "'maybe' is not one of on, off"
}

t_decrypt_forgets_the_desktop_copy() {
	encrypted_journal
	mend config secret-service on
	expect_rc 0
	local id
	id=$(crypt_id)
	mend decrypt
	expect_rc 0
	[ -z "$(secret-tool lookup xdg:schema mend.JournalKey journal "$id" 2>/dev/null)" ] ||
		fail "decrypt left the key in the desktop's keyring"
}

t_a_journal_decrypted_then_encrypted_again_is_not_opted_in() {
	encrypted_journal
	mend config secret-service on
	expect_rc 0
	mend decrypt
	expect_rc 0
	mend encrypt --no-recovery-key
	expect_rc 0
	mend config secret-service
	expect_out "off"
	[ -z "$(desktop_secret)" ] || fail "the new journal's key went to the desktop without being asked"
}

run_tests
