# SPDX-License-Identifier: MIT
# Shared by the CLI tests (bash). Each test is a function named t_*; the
# file ends with `run_tests`. Every test runs in a subshell with a fresh
# home, journal and pinned clock, and fails at the first expect_* that
# does not hold.
#
#   mend ARGS...            run the binary; sets $RC, and files $OUT, $ERR
#   expect_rc N             the exit code was N
#   expect_out TEXT         stdout contains TEXT (fixed string)
#   expect_err TEXT         stderr contains TEXT
#   expect_one_line_err     stderr is exactly one line
#   expect_no_out           stdout is empty
#   db_sum                  print a checksum of the journal file ("none")
#   expect_db SUM           the journal file still has checksum SUM
#   json FILTER             run jq FILTER on $OUT and print the result
#   expect_eq A B [what]    A equals B
#   expect_fields F V ...   each jq filter F on $OUT gives V (one jq run)
#   fail MESSAGE            fail the test
set -u
: "${MEND:?MEND must point at the mend binary}"

# own_keyring "$0" "$@": run this test file again inside a kernel session
# keyring of its own (when keyctl is there), so that no key one file's
# tests keep is seen by another's
own_keyring() {
	[ -n "${MEND_TEST_KEYRING:-}" ] && return 0
	command -v keyctl >/dev/null 2>&1 || return 0
	export MEND_TEST_KEYRING=1
	exec keyctl session - bash "$@" 2> >(grep -v '^Joined session keyring' >&2)
}

fail() {
	echo "FAIL: $*"
	[ -s "${OUT:-/dev/null}" ] && { echo "--- stdout:"; head -20 "$OUT"; }
	[ -s "${ERR:-/dev/null}" ] && { echo "--- stderr:"; head -20 "$ERR"; }
	exit 1
}

mend() {
	"$MEND" "$@" >"$OUT" 2>"$ERR" </dev/null
	RC=$?
}

# mend_in INPUT ARGS...: the same with INPUT on standard input
mend_in() {
	local input=$1
	shift
	printf '%s' "$input" | "$MEND" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

expect_rc() {
	[ "$RC" -eq "$1" ] || fail "exit code $RC, expected $1"
}

expect_out() {
	grep -qF -- "$1" "$OUT" || fail "stdout lacks: $1"
}

expect_err() {
	grep -qF -- "$1" "$ERR" || fail "stderr lacks: $1"
}

expect_one_line_err() {
	[ "$(wc -l <"$ERR")" -eq 1 ] || fail "stderr is not exactly one line"
}

expect_no_out() {
	[ ! -s "$OUT" ] || fail "stdout is not empty"
}

db_sum() {
	if [ -e "$MEND_DB" ]; then sha256sum <"$MEND_DB" | cut -d' ' -f1; else echo none; fi
}

expect_db() {
	[ "$(db_sum)" = "$1" ] || fail "the journal file changed"
}

json() {
	jq -r "$1" <"$OUT" || fail "jq could not read the output with $1"
}

expect_eq() {
	[ "$1" = "$2" ] || fail "${3:-value}: got '$1', expected '$2'"
}

# expect_fields FILTER VALUE [FILTER VALUE]...: each jq FILTER on $OUT
# gives VALUE (strings as they are, anything else as JSON), read with a
# single jq run.
expect_fields() {
	local prog="" exp=() got
	while [ $# -ge 2 ]; do
		prog="$prog${prog:+, }([$1][0] | if type == \"string\" then . else tojson end)"
		exp+=("$1" "$2")
		shift 2
	done
	[ $# -eq 0 ] || fail "expect_fields: a filter without a value: $1"
	got=$(jq -r "[$prog] as \$g | \$ARGS.positional as \$e | range(\$g | length) |
		select(\$g[.] != \$e[2 * . + 1]) |
		\"\(\$e[2 * .]): got '\(\$g[.])', expected '\(\$e[2 * . + 1])'\"" \
		--args "${exp[@]}" <"$OUT") || fail "jq could not read the output"
	[ -z "$got" ] || fail "$got"
}

# bad_input TEXT ARGS...: the command must fail with exit 2, one line on
# stderr containing TEXT, nothing on stdout and no change to the journal.
bad_input() {
	local want=$1 before
	shift
	before=$(db_sum)
	mend "$@"
	expect_rc 2
	expect_err "$want"
	expect_one_line_err
	expect_no_out
	expect_db "$before"
}

run_tests() {
	local t dir name rc
	name=$(basename "$0" .sh)
	# ONLY=PATTERN runs just the tests whose names match (grep -E).
	for t in $(declare -F | awk '{print $3}' | grep '^t_' | grep -E -- "${ONLY:-.}"); do
		dir=$(mktemp -d)
		(
			export HOME="$dir/home" XDG_DATA_HOME="$dir/home/.local/share"
			export XDG_CONFIG_HOME="$dir/home/.config" TMPDIR="$dir"
			export MEND_DB="$dir/journal.db" TZ=UTC LANG=C.UTF-8
			export MEND_NOW=2026-01-11T09:00:00Z
			unset VISUAL EDITOR NO_COLOR
			mkdir -p "$HOME"
			OUT="$dir/out" ERR="$dir/err" WORK="$dir"
			cd "$dir" || exit 1
			"$t"
		) >"$dir/log" 2>&1
		rc=$?
		if [ "$rc" -eq 0 ]; then
			echo "ok $name: $t"
		else
			echo "not ok $name: $t"
			sed 's/^/    /' "$dir/log" | tail -30
		fi
		remove_dir "$dir"
	done
}

# remove_dir DIR: remove a test's directory, trying again while a process
# the test started is still finishing a write inside it.
remove_dir() {
	local i
	for ((i = 0; i < 50; i++)); do
		rm -rf "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	rm -rf "$1"
}
