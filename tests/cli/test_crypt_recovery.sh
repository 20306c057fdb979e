#!/bin/bash
# SPDX-License-Identifier: MIT
# The recovery key of an encrypted journal: declined at `mend encrypt
# --no-recovery-key`, none is made and none is stored (the header holds
# no second wrap of the data key), and an unlock by recovery key says so;
# `mend passphrase --new-recovery-key` makes one later, or a fresh one in
# place of a lost one, and the old one stops opening the journal.
. "$(dirname "$0")/lib.sh"

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1
KEY_RE='([A-Z2-7]{4}-){13}[A-Z2-7]{4}'

new_session() {
	keyctl new_session >/dev/null 2>&1 || keyctl session - true
}

# pass_script UNLOCK [NEW]: a passphrase command answering each question
pass_script() {
	cat >"$WORK/pw" <<EOS
#!/bin/sh
case "\$MEND_PASSPHRASE_FOR" in
unlock) printf '%s\n' '$1' ;;
new) printf '%s\n' '${2:-$1}' ;;
*) exit 3 ;;
esac
EOS
	chmod 700 "$WORK/pw"
	export MEND_PASSPHRASE_COMMAND="$WORK/pw"
}

# a journal with three entries
fill() {
	mend start --date 2026-01-01
	expect_rc 0
	mend checkin --mood 4 --note "a slow morning"
	expect_rc 0
	mend reflect "rain on the window"
	expect_rc 0
	mend unsent "a letter I keep"
	expect_rc 0
}

# the recovery key printed in $OUT
shown_key() {
	grep -oE "$KEY_RE" "$OUT" | head -1
}

recovery_len() {
	sqlite3 "$MEND_DB" 'SELECT length(wrapped_recovery) FROM crypt'
}

# opens PASSPHRASE: the locked journal lists its three entries with it
opens() {
	mend lock
	expect_rc 0
	pass_script "$1"
	mend list --json
	expect_rc 0
	expect_eq "$(json 'length')" 3 "entries opened with '$1'"
}

t_declined_recovery_key_is_not_stored() {
	new_session
	fill
	pass_script "only this"
	mend encrypt --no-recovery-key
	expect_rc 0
	expect_out "cannot be recovered"
	grep -qE "$KEY_RE" "$OUT" && fail "a recovery key was shown"
	expect_eq "$(sqlite3 "$MEND_DB" 'SELECT count(*) FROM crypt')" 1 "crypt header rows"
	expect_eq "$(recovery_len)" 0 "bytes of the recovery wrap"
	opens "only this"
}

t_a_journal_with_a_recovery_key_stores_its_wrap() {
	new_session
	fill
	pass_script "two ways in"
	mend encrypt
	expect_rc 0
	[ -n "$(shown_key)" ] || fail "no recovery key shown"
	[ "$(recovery_len)" -gt 0 ] || fail "no recovery wrap in the header"
}

t_recovery_key_on_a_journal_without_one_says_so_and_writes_nothing() {
	new_session
	fill
	pass_script "only this"
	mend encrypt --no-recovery-key
	expect_rc 0
	mend lock
	local before
	before=$(db_sum)
	# a well-formed key of another journal, so only "none" can refuse it
	rm -f "$WORK/other.db"
	MEND_DB="$WORK/other.db" mend start --date 2026-01-01
	MEND_DB="$WORK/other.db" mend encrypt
	local other
	other=$(shown_key)
	[ -n "$other" ] || fail "no key from the other journal"
	mend lock
	pass_script "$other" "a new one"
	mend passphrase --recovery-key
	[ "$RC" -ne 0 ] || fail "exit 0 without a recovery key"
	expect_err "this journal has no recovery key"
	expect_one_line_err
	expect_no_out
	expect_db "$before"
	opens "only this"
}

t_new_recovery_key_replaces_the_old_one() {
	new_session
	fill
	pass_script "steady"
	mend encrypt
	expect_rc 0
	local old new
	old=$(shown_key)
	[ -n "$old" ] || fail "no recovery key from encrypt"
	mend passphrase --new-recovery-key
	expect_rc 0
	new=$(shown_key)
	[ -n "$new" ] || fail "no new recovery key shown"
	[ "$new" != "$old" ] || fail "the same recovery key again"
	expect_out "Your recovery key (shown this once, never kept by mend):"
	expect_out "the old one no longer opens"
	[ "$(grep -cE "$KEY_RE" "$OUT")" -eq 1 ] || fail "the key is not shown exactly once"
	# the passphrase still opens it
	opens "steady"
	# the old key is refused, and changes nothing
	mend lock
	local before
	before=$(db_sum)
	pass_script "$old" "never set"
	mend passphrase --recovery-key
	expect_rc 1
	expect_err "does not open this journal"
	expect_db "$before"
	opens "steady"
	# the new one sets a new passphrase
	mend lock
	pass_script "$new" "after recovery"
	mend passphrase --recovery-key
	expect_rc 0
	opens "after recovery"
}

t_new_recovery_key_after_declining_one() {
	new_session
	fill
	pass_script "at first alone"
	mend encrypt --no-recovery-key
	expect_rc 0
	expect_eq "$(recovery_len)" 0 "bytes of the recovery wrap"
	mend passphrase --new-recovery-key
	expect_rc 0
	local key
	key=$(shown_key)
	[ -n "$key" ] || fail "no recovery key shown"
	[ "$(recovery_len)" -gt 0 ] || fail "no recovery wrap after --new-recovery-key"
	opens "at first alone"
	mend lock
	pass_script "$key" "found again"
	mend passphrase --recovery-key
	expect_rc 0
	opens "found again"
}

t_new_recovery_key_asks_the_passphrase_even_when_unlocked() {
	new_session
	fill
	pass_script "the right one"
	mend encrypt
	expect_rc 0
	# unlocked in the keyring, but the passphrase given is wrong
	local before
	before=$(db_sum)
	pass_script "a wrong one"
	mend passphrase --new-recovery-key
	expect_rc 1
	expect_err "does not open this journal"
	grep -qE "$KEY_RE" "$OUT" && fail "a recovery key was shown"
	expect_db "$before"
	true
}

t_new_recovery_key_on_a_plain_journal_is_refused() {
	fill
	local before
	before=$(db_sum)
	mend passphrase --new-recovery-key
	expect_rc 2
	expect_err "not encrypted"
	expect_db "$before"
}

t_new_recovery_key_with_recovery_key_is_a_usage_error() {
	new_session
	fill
	pass_script "both at once"
	mend encrypt
	expect_rc 0
	local before
	before=$(db_sum)
	mend passphrase --recovery-key --new-recovery-key
	expect_rc 2
	expect_one_line_err
	expect_db "$before"
}

t_passphrase_change_without_recovery_key_does_not_promise_one() {
	new_session
	fill
	pass_script "first"
	mend encrypt --no-recovery-key
	expect_rc 0
	pass_script "first" "second"
	mend passphrase
	expect_rc 0
	grep -qi "recovery key still" "$OUT" && fail "promises a recovery key there is not"
	opens "second"
}

t_help_names_new_recovery_key() {
	mend passphrase --help
	expect_rc 0
	expect_out "--new-recovery-key"
}

run_tests
