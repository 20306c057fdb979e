#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs every test: the core's unit tests, the static checks and the
# fuzzers' corpora, then each CLI and TUI test file, several at a time
# (each has its own home, journal and tmux server), then the crash tests
# on their own, since they measure what the machine does under load.
# Every test prints "ok NAME" or "not ok NAME" (with indented detail
# below); each file's lines are shown together, in a fixed order, and
# this counts them and ends with "N passed, N failed".
# Usage: tests/run.sh UNIT_TEST_BINARY MEND_BINARY
# MEND_TEST_JOBS sets how many test files run at once (default: the
# number of processors plus one, since most of a TUI test is waiting).
set -u
unit=$1
mend=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=${MEND_TEST_JOBS:-$(($(nproc 2>/dev/null || echo 1) + 1))}

# one_file FILE: run a test file, its output into $work/NAME.log
one_file() {
	log="$work/$(basename "$(dirname "$1")")-$(basename "$1").log"
	MEND="$mend" bash "$1" >"$log" 2>&1 ||
		echo "not ok $(basename "$1"): the test file exited $?" >>"$log"
}

{
	"$unit" || echo "not ok unit-tests: the unit test binary exited $?"
	for f in "$here"/static/test_*.sh; do
		sh "$f"
	done
	# the fuzzers' corpora, replayed without the fuzzer
	sh "$here/fuzz/replay.sh"

	set -- "$here"/cli/test_*.sh "$here"/tui/test_*.sh
	# the longest files first, so that the last to finish is a short one
	for f in "$@"; do
		printf '%s %s\n' "$(wc -l <"$f")" "$f"
	done | sort -rn | cut -d' ' -f2- >"$work/order"
	while read -r f; do
		while [ "$(jobs -p | wc -l)" -ge "$jobs" ]; do
			sleep 0.2
		done
		one_file "$f" &
	done <"$work/order"
	wait
	for f in "$@"; do
		cat "$work/$(basename "$(dirname "$f")")-$(basename "$f").log"
	done
	for f in "$here"/crash/test_*.sh; do
		[ -e "$f" ] || continue
		MEND="$mend" bash "$f" ||
			echo "not ok $(basename "$f"): the test file exited $?"
	done
} 2>&1 | tee "$work/all"

passed=$(grep -c '^ok ' "$work/all")
failed=$(grep -c '^not ok ' "$work/all")
if [ "$failed" -gt 0 ]; then
	echo
	echo "Failed:"
	grep '^not ok ' "$work/all" | sed 's/^not ok /  /'
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
