#!/bin/bash
# SPDX-License-Identifier: MIT
# Nothing is lost: killed writers, a harness that is itself checked, the
# commit's sync, and writers racing while the full-screen journal is open.
. "$(dirname "$0")/../tui/lib.sh"
HARNESS="$(cd "$(dirname "$0")" && pwd)/harness.sh"
CRASH_ROUNDS=${CRASH_ROUNDS:-50}

t_killed_writers_lose_nothing() {
	bash "$HARNESS" "$MEND" "$CRASH_ROUNDS" >"$WORK/harness.log" 2>&1
	local rc=$?
	cat "$WORK/harness.log"
	grep -q "^crash: rounds $CRASH_ROUNDS, lost writes 0, integrity failures 0, partial imports 0" \
		"$WORK/harness.log" || fail "the harness found losses"
	[ "$rc" -eq 0 ] || fail "harness exit code $rc"
	# a harness that confirms nothing would prove nothing
	local confirmed
	confirmed=$(sed -n 's/.*confirmed writes \([0-9]*\).*/\1/p' "$WORK/harness.log")
	[ "${confirmed:-0}" -ge $((CRASH_ROUNDS / 2)) ] ||
		fail "too few confirmed writes ($confirmed) to mean anything"
}

t_harness_catches_a_writer_that_confirms_before_commit() {
	bash "$HARNESS" "$MEND" 6 broken >"$WORK/harness.log" 2>&1 ||
		fail "the harness did not notice the broken writer: $(cat "$WORK/harness.log")"
	grep -q "lost writes [1-9]" "$WORK/harness.log" ||
		fail "no lost writes reported: $(cat "$WORK/harness.log")"
}

t_checkin_commit_is_synced_to_disk() {
	command -v strace >/dev/null || fail "strace is not installed"
	mend start --date 2026-01-01
	# (LeakSanitizer cannot run under ptrace; a sanitized build skips it)
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -e trace=fsync,fdatasync,unlink -o "$WORK/trace" \
		"$MEND" checkin --mood 5 >/dev/null 2>&1 || fail "checkin failed under strace"
	cat "$WORK/trace"
	# the rollback journal is synced before the database is written, the
	# database before the journal is deleted, and (synchronous=EXTRA) the
	# directory after the deletion, so the commit survives a power cut
	awk '/-journal"/ && /unlink/ { gone = 1; next }
	     /fsync|fdatasync/ { if (gone) after++; else before++ }
	     END { exit !(before >= 2 && after >= 1) }' "$WORK/trace" ||
		fail "the commit is not synced before and after the journal is removed"
}

t_two_writers_and_the_tui_on_one_journal() {
	local n=${CONCURRENT_WRITES:-500}
	mend start --date 2026-01-01
	tui_start
	wait_for "Today's check-in"
	writer() {
		local i
		for ((i = 1; i <= n; i++)); do
			"$MEND" urge --level $((i % 10 + 1)) --note "$1 $i" \
				>>"$WORK/$1.out" 2>>"$WORK/$1.err" || echo "failed $i" >>"$WORK/$1.err"
		done
	}
	writer alpha &
	local a=$!
	writer beta &
	local b=$!
	# meanwhile, a check-in through the screens
	type "c"
	wait_for "How are you feeling today?"
	type "7"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	type "while others write"
	keys Enter
	wait_for "Today's prompt" 120
	keys Escape
	wait "$a" "$b"
	type "q"
	wait_for "MEND_EXITED=0"
	if [ -s "$WORK/alpha.err" ] || [ -s "$WORK/beta.err" ]; then
		head -5 "$WORK/alpha.err" "$WORK/beta.err"
		fail "a writer saw an error"
	fi
	mend list --json --module nocontact
	expect_eq "$(json '[.[] | select(.text | startswith("alpha "))] | length')" "$n" "alpha's writes"
	expect_eq "$(json '[.[] | select(.text | startswith("beta "))] | length')" "$n" "beta's writes"
	mend list --json --module checkin
	expect_eq "$(json '.[0].text')" "while others write" "the TUI's check-in"
	[ "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
}

run_tests
