#!/bin/bash
# SPDX-License-Identifier: MIT
# The crash harness: writers (check-ins, reflections, growth logs and a
# large import) run against one journal and are killed with SIGKILL at
# random moments. After each round: the database passes integrity_check,
# every write the program confirmed (exited 0 and printed its id) is
# there, and an interrupted import left all of its records or none.
#
# Usage: harness.sh MEND ROUNDS [broken]
#   broken: add a deliberately broken writer that reports its id before
#   the write is committed; the harness must then find lost writes.
# Prints "crash: rounds R, lost writes L, integrity failures F" and
# exits 1 when anything was lost or damaged (0 when, in broken mode,
# losses were found as they should be).
set -u
MEND=$1
ROUNDS=$2
MODE=${3:-}
WORK=$(mktemp -d)
trap 'kill -KILL -- $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
export MEND_DB="$WORK/journal.db" TZ=UTC HOME="$WORK" XDG_CONFIG_HOME="$WORK/cfg"
export XDG_DATA_HOME="$WORK/data" LANG=C.UTF-8
CONFIRMED="$WORK/confirmed"
IMPORTS="$WORK/imports"
: >"$CONFIRMED"
: >"$IMPORTS"
IMPORT_SIZE=1500

MEND_NOW=2026-01-01T09:00:00Z "$MEND" start --date 2025-12-01 >/dev/null ||
	{ echo "crash: cannot start a journal"; exit 1; }

# A mend export with IMPORT_SIZE reflections whose ids start with $1.
make_import() {
	awk -v p="$1" -v n="$IMPORT_SIZE" 'BEGIN {
		printf "{\"format\":\"mend-journal\",\"version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\",\"app_version\":\"t\",\"settings\":{},\"periods\":[],\"entries\":[\n"
		for (i = 0; i < n; i++)
			printf "%s{\"id\":\"%s-0000-4000-8000-%012d\",\"kind\":\"reflection\",\"module\":\"reflection\",\"created_at\":\"2026-01-02T00:00:00Z\",\"updated_at\":\"2026-01-02T00:00:00Z\",\"text\":\"imported record %d of a batch, with some words to index: morning light, long walk\"}\n", (i ? "," : ""), p, i, i
		printf "]}\n"
	}'
}

# Keep the ids a successful command printed as "(id UUID)".
confirm() {
	grep -o 'id [0-9a-f-]\{36\}' | cut -d' ' -f2 >>"$CONFIRMED"
}

writer_checkin() {
	local i=$1 out
	while :; do
		i=$((i + 1))
		out=$(MEND_NOW=$(date -u -d "2026-02-01 + $i days" +%Y-%m-%dT10:00:00Z) \
			"$MEND" checkin --mood $((i % 10 + 1)) --note "day $i") &&
			confirm <<<"$out"
	done
}

writer_reflect() {
	local i=0 out
	while :; do
		i=$((i + 1))
		out=$("$MEND" reflect "reflection $RANDOM $i: the evening was quiet") &&
			confirm <<<"$out"
	done
}

writer_grow() {
	local i=0 out
	while :; do
		i=$((i + 1))
		out=$("$MEND" grow --category rest --minutes $((i % 90)) "rested $i") &&
			confirm <<<"$out"
	done
}

# Confirms first and writes afterwards: wrong on purpose.
writer_broken() {
	local i=0 id
	while :; do
		i=$((i + 1))
		id=$(cat /proc/sys/kernel/random/uuid)
		echo "$id" >>"$CONFIRMED"
		sleep 0.05
		printf '{"format":"mend-journal","version":1,"exported_at":"2026-01-01T00:00:00Z","app_version":"t","settings":{},"periods":[],"entries":[{"id":"%s","kind":"unsent","module":"nocontact","created_at":"2026-01-03T00:00:00Z","updated_at":"2026-01-03T00:00:00Z","text":"broken %d"}]}' "$id" "$i" |
			"$MEND" import - >/dev/null
	done
}

# job control's "Killed" notices are expected here, not news
exec 3>&2 2>/dev/null
lost_total=0
integrity_failures=0
partial_imports=0
checkin_day=0
for ((round = 1; round <= ROUNDS; round++)); do
	prefix=$(printf '%08x' "$round")
	make_import "$prefix" >"$WORK/import.json"
	echo "$prefix" >>"$IMPORTS"
	pids=()
	setsid bash -c "$(declare -f writer_checkin confirm); MEND='$MEND' CONFIRMED='$CONFIRMED' writer_checkin $checkin_day" &
	pids+=($!)
	setsid bash -c "$(declare -f writer_reflect confirm); MEND='$MEND' CONFIRMED='$CONFIRMED' writer_reflect" &
	pids+=($!)
	setsid bash -c "$(declare -f writer_grow confirm); MEND='$MEND' CONFIRMED='$CONFIRMED' writer_grow" &
	pids+=($!)
	setsid "$MEND" import "$WORK/import.json" >/dev/null 2>&1 &
	pids+=($!)
	if [ "$MODE" = broken ]; then
		setsid bash -c "$(declare -f writer_broken); MEND='$MEND' CONFIRMED='$CONFIRMED' writer_broken" &
		pids+=($!)
	fi
	checkin_day=$((checkin_day + 1000))
	# a random moment between 0.05 and 0.6 seconds
	sleep "0.$(printf '%02d' $((RANDOM % 55 + 5)))"
	# The group, and the process itself: a child that has not reached
	# setsid yet has no group of its own to be killed through.
	for p in "${pids[@]}"; do
		kill -KILL -- "-$p" "$p" 2>/dev/null
	done
	for ((t = 0; t < 200; t++)); do
		alive=0
		for p in "${pids[@]}"; do
			# anything of it still running (zombies wait for `wait`)
			if ps -o stat= -p "$p" -g "$p" 2>/dev/null | grep -qv '^Z'; then
				alive=1
				kill -KILL -- "-$p" "$p" 2>/dev/null
			fi
		done
		[ "$alive" -eq 0 ] && break
		sleep 0.05
	done
	wait 2>/dev/null

	if [ "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check' 2>&3)" != ok ]; then
		integrity_failures=$((integrity_failures + 1))
		echo "round $round: integrity_check failed"
	fi
	sqlite3 "$MEND_DB" 'SELECT uuid FROM entries' | sort >"$WORK/present"
	sort -u "$CONFIRMED" >"$WORK/wanted"
	lost=$(comm -23 "$WORK/wanted" "$WORK/present" | wc -l)
	if [ "$lost" -gt 0 ]; then
		lost_total=$((lost_total + lost))
		[ "$MODE" = broken ] || echo "round $round: $lost confirmed writes missing"
	fi
	n=$(grep -c "^$prefix-" "$WORK/present")
	if [ "$n" -ne 0 ] && [ "$n" -ne "$IMPORT_SIZE" ]; then
		partial_imports=$((partial_imports + 1))
		echo "round $round: the interrupted import left $n of $IMPORT_SIZE records"
	fi
done

exec 2>&3
echo "crash: rounds $ROUNDS, lost writes $lost_total, integrity failures $integrity_failures, partial imports $partial_imports, confirmed writes $(sort -u "$CONFIRMED" | wc -l)"
if [ "$MODE" = broken ]; then
	[ "$lost_total" -gt 0 ]
else
	[ "$lost_total" -eq 0 ] && [ "$integrity_failures" -eq 0 ] && [ "$partial_imports" -eq 0 ]
fi
