#!/bin/bash
# SPDX-License-Identifier: MIT
# A mend that waits for the journal while `mend encrypt` or `mend
# decrypt` rebuilds it: the converter holds the old file's write lock,
# builds the new file beside it and renames it into place. The waiting
# writer then gets the lock of the old, unlinked file; its write must
# land in the converted journal or fail saying so, never be confirmed
# and lost. MEND_TEST_CONVERT_PAUSE_MS holds the converter with the lock
# taken, so the second mend is surely queued behind it. (SQLite itself
# refuses to write a moved file in rollback-journal mode, but said only
# that the journal was read-only and to check its permissions.)
. "$(dirname "$0")/lib.sh"

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1
PASS="a calm passphrase"
NOTE="tangerinewhisper at the window"
SENTENCE="was encrypted or decrypted by another mend while this one waited"

new_session() {
	keyctl new_session >/dev/null 2>&1 || keyctl session - true
}

pass_script() {
	printf '#!/bin/sh\nprintf "%%s\\n" "%s"\n' "$1" >"$WORK/pw"
	chmod 700 "$WORK/pw"
	export MEND_PASSPHRASE_COMMAND="$WORK/pw"
}

# wait_locked: until some mend holds the journal's write lock (10 s)
wait_locked() {
	local i
	for i in $(seq 200); do
		sqlite3 -cmd ".timeout 0" "$MEND_DB" \
			"BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 || return 0
		sleep 0.05
	done
	return 1
}

# race CONVERSION: run `mend CONVERSION` held with the lock taken, a
# check-in queued behind it; $CONV_RC and $CHECKIN_RC, their stderr in
# $WORK/conv.err and $WORK/checkin.err
race() {
	MEND_TEST_CONVERT_PAUSE_MS=2500 "$MEND" "$1" >"$WORK/conv.out" \
		2>"$WORK/conv.err" </dev/null &
	local conv=$!
	wait_locked || fail "the conversion never took the journal's lock"
	"$MEND" checkin --mood 3 --note "$NOTE" >"$WORK/checkin.out" \
		2>"$WORK/checkin.err" </dev/null &
	local checkin=$!
	wait "$conv"
	CONV_RC=$?
	wait "$checkin"
	CHECKIN_RC=$?
	[ "$CONV_RC" -eq 0 ] || fail "mend $1 failed: $(cat "$WORK/conv.err")"
}

# found: how many entries hold the check-in's words in the journal now
found() {
	mend list --search tangerinewhisper --json
	expect_rc 0
	json 'length'
}

# the queued check-in landed, or failed with the sentence and nothing
# of it anywhere; run again, it lands once
landed_or_refused() {
	if [ "$CHECKIN_RC" -eq 0 ]; then
		expect_eq "$(found)" 1 "the confirmed check-in in the converted journal"
		return
	fi
	grep -qF "$SENTENCE" "$WORK/checkin.err" ||
		fail "the check-in failed otherwise: $(cat "$WORK/checkin.err")"
	[ "$(wc -l <"$WORK/checkin.err")" -eq 1 ] || fail "more than one line: $(cat "$WORK/checkin.err")"
	[ ! -s "$WORK/checkin.out" ] || fail "the refused check-in printed: $(cat "$WORK/checkin.out")"
	expect_eq "$(found)" 0 "check-ins after the refusal"
	mend checkin --mood 3 --note "$NOTE"
	expect_rc 0
	expect_eq "$(found)" 1 "the check-in run again"
}

t_checkin_queued_behind_encrypt_is_not_lost() {
	new_session
	mend start --date 2026-01-01
	expect_rc 0
	pass_script "$PASS"
	race encrypt
	landed_or_refused
	[ "$(sqlite3 "$MEND_DB" 'SELECT count(*) FROM crypt')" = 1 ] ||
		fail "the journal is not encrypted"
	[ "$(sqlite3 "$MEND_DB" 'pragma integrity_check')" = ok ] ||
		fail "the journal is damaged"
}

t_checkin_queued_behind_decrypt_is_not_lost() {
	new_session
	mend start --date 2026-01-01
	expect_rc 0
	pass_script "$PASS"
	mend encrypt
	expect_rc 0
	race decrypt
	landed_or_refused
	[ "$(sqlite3 "$MEND_DB" 'SELECT count(*) FROM crypt')" = 0 ] ||
		fail "the journal is still encrypted"
	[ "$(sqlite3 "$MEND_DB" 'pragma integrity_check')" = ok ] ||
		fail "the journal is damaged"
}

t_a_journal_left_alone_saves_as_before() {
	mend start --date 2026-01-01
	expect_rc 0
	mend checkin --mood 3 --note "$NOTE"
	expect_rc 0
	expect_eq "$(found)" 1 "check-ins"
}

run_tests
