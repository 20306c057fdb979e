#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays every fuzz input kept in the tree, without libFuzzer: each
# target is built with tests/fuzz/replay_main.c (by $CC, default cc;
# with AddressSanitizer and UndefinedBehaviorSanitizer when SANITIZE=1)
# under build/fuzz-replay/ and run once over tests/fuzz/corpus/<target>/
# and tests/fuzz/found/<target>/ (when there is one). A crash that the
# fuzzer found and that is kept there fails here until it is fixed.
#
# Prints "ok fuzz-replay: TARGET (N inputs)" or "not ok fuzz-replay:
# TARGET" with indented detail, one per target, as tests/run.sh counts
# them; exits non-zero when one is not ok.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/fuzz/lib.sh

cc=${CC:-cc}
if [ "${SANITIZE:-0}" = 1 ]; then
	out=build/fuzz-replay/sanitize
	cflags="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
else
	out=build/fuzz-replay
	cflags="-std=c11 -g -O0"
fi

(fuzz_build "$out" "$cc" "$cflags" tests/fuzz/replay_main.c)

indent() {
	sed 's/^/    /'
}

fuzz_tmpdir
: "${UBSAN_OPTIONS:=print_stacktrace=1}"
export UBSAN_OPTIONS
run_limit=""
command -v timeout >/dev/null 2>&1 && run_limit="timeout 300"

status=0
for t in $FUZZ_TARGETS; do
	if [ -f "$out/$t.failed" ] || [ ! -x "$out/$t" ]; then
		echo "not ok fuzz-replay: $t"
		echo "    the build failed:"
		tail -n 40 "$out/$t.failed" 2>/dev/null | indent | indent
		status=1
		continue
	fi
	dirs="tests/fuzz/corpus/$t"
	[ -d "tests/fuzz/found/$t" ] && dirs="$dirs tests/fuzz/found/$t"
	# shellcheck disable=SC2086
	$run_limit "$out/$t" $dirs >"$out/$t.out" 2>"$out/$t.err"
	rc=$?
	n=$(sed -n 's/^\([0-9][0-9]*\) inputs$/\1/p' "$out/$t.out")
	if [ "$rc" -eq 0 ] && [ -n "$n" ]; then
		echo "ok fuzz-replay: $t ($n inputs)"
	else
		status=1
		echo "not ok fuzz-replay: $t"
		last=$(sed -n 's/^replay: //p' "$out/$t.err" | tail -n 1)
		[ "$rc" -eq 124 ] && echo "    timed out"
		echo "    exit $rc on input: ${last:-?}"
		grep -v '^replay: ' "$out/$t.err" | tail -n 40 | indent
	fi
done
exit $status
