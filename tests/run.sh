#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs every test: the core's unit tests, then each CLI test file. Every
# test prints "ok NAME" or "not ok NAME" (with indented detail below);
# this counts them and ends with "N passed, N failed".
# Usage: tests/run.sh UNIT_TEST_BINARY MEND_BINARY
set -u
unit=$1
mend=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

{
	"$unit" || echo "not ok unit-tests: the unit test binary exited $?"
	for f in "$here"/static/test_*.sh; do
		sh "$f"
	done
	# the fuzzers' corpora, replayed without the fuzzer
	sh "$here/fuzz/replay.sh"
	for f in "$here"/cli/test_*.sh "$here"/tui/test_*.sh "$here"/crash/test_*.sh; do
		[ -e "$f" ] || continue
		MEND="$mend" bash "$f" ||
			echo "not ok $(basename "$f"): the test file exited $?"
	done
} 2>&1 | tee "$log"

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
if [ "$failed" -gt 0 ]; then
	echo
	echo "Failed:"
	grep '^not ok ' "$log" | sed 's/^not ok /  /'
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
