#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the fuzz targets with clang's libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer (under build/fuzz/), then fuzzes each for
# FUZZ_SECONDS seconds (default 60).
#
# Each target starts from a working copy (build/fuzz/work/<target>/) of
# its seed corpus, tests/fuzz/corpus/<target>/, and of the inputs found
# by earlier runs, tests/fuzz/found/<target>/; the new inputs it finds
# are added to found/, and so is a crash, leak or timeout (crash-*,
# leak-*, timeout-*, written there by -artifact_prefix). Keep a crash
# there, or move it into the corpus, and tests/fuzz/replay.sh (make
# check) fails on it until the bug is fixed.
#
# Known crashes (crash-*, leak-*, timeout-*, oom-* in corpus/ or found/)
# are run first: one that still fails is reported, and is left out of
# the working copy so that fuzzing can go on and find others.
#
# Prints one line per target and exits non-zero if any crashed (or did
# not build). libFuzzer's output is in build/fuzz/<target>.log.
#
# Usage: [FUZZ_SECONDS=N] [CLANG=clang-14] sh tests/fuzz/run.sh [TARGET...]
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/fuzz/lib.sh

seconds=${FUZZ_SECONDS:-60}
clang=${CLANG:-clang}
targets=${*:-$FUZZ_TARGETS}
out=build/fuzz
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"

if ! command -v "$clang" >/dev/null 2>&1; then
	echo "fuzz: $clang not found (install clang and libclang-rt-dev)" >&2
	exit 2
fi
(fuzz_build "$out" "$clang" "$cflags" "")

fuzz_tmpdir
: "${UBSAN_OPTIONS:=print_stacktrace=1}"
export UBSAN_OPTIONS

known_crash() {
	case ${1##*/} in
	crash-* | leak-* | timeout-* | oom-* | slow-unit-*) return 0 ;;
	esac
	return 1
}

status=0
for t in $targets; do
	case " $FUZZ_TARGETS " in
	*" $t "*) ;;
	*)
		echo "fuzz $t: no such target (one of: $FUZZ_TARGETS)"
		status=1
		continue
		;;
	esac
	if [ -f "$out/$t.failed" ] || [ ! -x "$out/$t" ]; then
		echo "fuzz $t: 0 runs, BUILD FAILED (see $out/$t.failed)"
		status=1
		continue
	fi
	found=tests/fuzz/found/$t
	work=$out/work/$t
	log=$out/$t.log
	mkdir -p "$found"
	rm -rf "$work"
	mkdir -p "$work"

	# the working copy, without the known crashes that still crash
	still=""
	for f in "tests/fuzz/corpus/$t"/* "$found"/*; do
		[ -f "$f" ] || continue
		if known_crash "$f" &&
			! "$out/$t" -runs=1 "$f" >"$out/$t.known.log" 2>&1; then
			still="${still:-$f}"
			continue
		fi
		cp "$f" "$work/" || exit 2
	done

	dict=""
	[ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
	# shellcheck disable=SC2086
	"$out/$t" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
		-artifact_prefix="$found/" $dict "$work" >"$log" 2>&1
	rc=$?
	# keep what it found (libFuzzer names new inputs by their SHA-1)
	for f in "$work"/*; do
		[ -f "$f" ] || continue
		b=${f##*/}
		[ -e "tests/fuzz/corpus/$t/$b" ] || [ -e "$found/$b" ] ||
			cp "$f" "$found/$b"
	done

	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	[ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
	[ -n "$runs" ] || runs=0
	if [ "$rc" -ne 0 ]; then
		status=1
		unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		echo "fuzz $t: $runs runs, CRASH (see ${unit:-$log}; log $log)"
	elif [ -n "$still" ]; then
		status=1
		echo "fuzz $t: $runs runs, CRASH (see $still, a known crash not fixed yet)"
	else
		echo "fuzz $t: $runs runs, ok"
	fi
done
exit $status
