#!/bin/bash
# SPDX-License-Identifier: MIT
# Nothing is lost on an encrypted journal either: writers killed at any
# moment lose no confirmed entry and leave a whole file whose every value
# still opens, and two writers at once both get every entry in. Driven by
# the test-only crypt-tool (the commands that unlock come separately).
. "$(dirname "$0")/../cli/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CRYPT_TOOL=${CRYPT_TOOL:-$ROOT/build/crypt-tool}
CRASH_ROUNDS=${CRASH_ROUNDS:-30}
export MEND_TEST_PASSPHRASE="salt on the wind"
export MEND_KDF_FAST=1

encrypted_journal() {
	mend start --date 2026-01-01
	expect_rc 0
	"$CRYPT_TOOL" encrypt "$MEND_DB" >/dev/null || fail "cannot encrypt"
}

t_killed_writers_on_an_encrypted_journal_lose_nothing() {
	encrypted_journal
	local r lost=0 bad=0 confirmed=0 c n
	for ((r = 1; r <= CRASH_ROUNDS; r++)); do
		"$CRYPT_TOOL" write "$MEND_DB" 100000 "round$r" >"$WORK/w.out" 2>/dev/null &
		local pid=$!
		sleep "0.$((RANDOM % 25 + 5))"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		c=$(grep -c '^ok ' "$WORK/w.out")
		confirmed=$((confirmed + c))
		if ! "$CRYPT_TOOL" list "$MEND_DB" >"$WORK/all" 2>"$WORK/list.err"; then
			bad=$((bad + 1))
			cat "$WORK/list.err"
			continue
		fi
		n=$(grep -c " round$r [0-9]*$" "$WORK/all")
		[ "$n" -lt "$c" ] && lost=$((lost + c - n))
		[ "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" = ok ] ||
			bad=$((bad + 1))
	done
	echo "crash (encrypted): rounds $CRASH_ROUNDS, confirmed writes $confirmed, lost writes $lost, integrity failures $bad"
	[ "$lost" -eq 0 ] && [ "$bad" -eq 0 ] || fail "losses on the encrypted journal"
	[ "$confirmed" -ge "$CRASH_ROUNDS" ] ||
		fail "too few confirmed writes ($confirmed) to mean anything"
	# and the words never reached the file
	grep -aq "round1 " "$MEND_DB" && fail "a word is readable in the file"
	return 0
}

t_two_writers_at_once_on_an_encrypted_journal() {
	local n=${CONCURRENT_WRITES:-300}
	encrypted_journal
	"$CRYPT_TOOL" write "$MEND_DB" "$n" alpha >"$WORK/a.out" 2>"$WORK/a.err" &
	local a=$!
	"$CRYPT_TOOL" write "$MEND_DB" "$n" beta >"$WORK/b.out" 2>"$WORK/b.err" &
	local b=$!
	wait "$a" || fail "writer alpha failed: $(cat "$WORK/a.err")"
	wait "$b" || fail "writer beta failed: $(cat "$WORK/b.err")"
	"$CRYPT_TOOL" list "$MEND_DB" >"$WORK/all" || fail "cannot read it back"
	expect_eq "$(grep -c ' alpha [0-9]*$' "$WORK/all")" "$n" "alpha's entries"
	expect_eq "$(grep -c ' beta [0-9]*$' "$WORK/all")" "$n" "beta's entries"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" ok "integrity"
	"$CRYPT_TOOL" list "$MEND_DB" alpha >"$WORK/found"
	expect_eq "$(wc -l <"$WORK/found")" "$n" "the search for alpha"
}

run_tests
