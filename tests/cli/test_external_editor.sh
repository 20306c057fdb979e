#!/bin/bash
# SPDX-License-Identifier: MIT
# The person's own editor, from the command line: run through the shell
# as git runs it, on a file in a private directory that is never left
# behind, with Ctrl-C left to the editor, and what it wrote kept (and
# named) when mend cannot take it.
. "$(dirname "$0")/lib.sh"

# Run a command on a terminal of its own (the editor opens only there).
on_tty() {
	script -qec "$*" /dev/null >"$OUT" 2>&1 </dev/null
	RC=$?
}

# An editor script: its body is the rest of the arguments.
make_editor() {
	local path=$1
	shift
	mkdir -p "$(dirname "$path")"
	{
		echo '#!/bin/sh'
		printf '%s\n' "$@"
	} >"$path"
	chmod +x "$path"
}

private_run() {
	export XDG_RUNTIME_DIR="$WORK/run"
	mkdir -p "$XDG_RUNTIME_DIR"
	chmod 700 "$XDG_RUNTIME_DIR"
}

no_temp_file_left() {
	local left
	left=$(find "$WORK" -name 'mend-*.txt' -not -path '*/kept/*' 2>/dev/null)
	[ -z "$left" ] || fail "the editor's file was left: $left"
}

# The pid of the mend that `script` runs (the pid given is script's).
mend_under() {
	local p=$1 tries=0 kid
	while :; do
		kid=$(pgrep -P "$p" -x mend)
		[ -n "$kid" ] && { echo "$kid"; return; }
		tries=$((tries + 1))
		[ "$tries" -lt 200 ] || fail "mend never started under script"
		sleep 0.05
	done
}

# Start a command in the background with SIGINT and SIGQUIT at their
# defaults (bash would have a background job ignore them, as a terminal's
# Ctrl-C does not reach it).
background() {
	python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGQUIT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@" >"$OUT" 2>&1 </dev/null &
}

wait_file() {
	local tries=0
	until [ -e "$1" ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 200 ] || fail "$1 never appeared"
		sleep 0.05
	done
}

t_editor_with_quoted_arguments_and_a_path_with_spaces() {
	private_run
	make_editor "$WORK/my editors/ed" \
		'for a; do printf "%s\n" "$a"; done > "$WORK/args"' \
		'for last; do :; done' \
		'echo "words from a quoted editor" > "$last"'
	touch "$WORK/glob-bait"
	export WORK
	EDITOR="'$WORK/my editors/ed' -c 'set ft=markdown' '*'" \
		on_tty "$MEND reflect"
	expect_rc 0
	expect_eq "$(sed -n 1,3p "$WORK/args")" "$(printf -- '-c\nset ft=markdown\n*')" \
		"the editor's arguments"
	case $(sed -n 4p "$WORK/args") in
	"$XDG_RUNTIME_DIR"/mend/mend-*.txt) ;;
	*) fail "the file is not in the private directory: $(sed -n 4p "$WORK/args")" ;;
	esac
	mend list --json
	expect_eq "$(json '.[0].text')" "words from a quoted editor" "saved text"
	no_temp_file_left
}

t_visual_comes_before_editor() {
	make_editor "$WORK/vis" 'echo "from visual" > "$1"'
	make_editor "$WORK/ed" 'echo "from editor" > "$1"'
	VISUAL="$WORK/vis" EDITOR="$WORK/ed" on_tty "$MEND reflect"
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0].text')" "from visual" "saved text"
}

t_temp_file_is_in_a_private_0700_directory() {
	make_editor "$WORK/ed" \
		'd=$(dirname "$1"); echo "$d $(stat -c %a "$d") $(stat -c %a "$1")" > "$WORK/seen"' \
		'echo "private words" > "$1"'
	export WORK
	private_run
	chmod 755 "$XDG_RUNTIME_DIR"
	EDITOR="$WORK/ed" on_tty "$MEND reflect"
	expect_rc 0
	expect_eq "$(cat "$WORK/seen")" "$XDG_RUNTIME_DIR/mend 700 600" "runtime dir"
	no_temp_file_left
	# without a runtime directory: mend's own data directory
	unset XDG_RUNTIME_DIR
	EDITOR="$WORK/ed" on_tty "$MEND reflect"
	expect_rc 0
	expect_eq "$(cat "$WORK/seen")" "$XDG_DATA_HOME/mend 700 600" "data dir"
	no_temp_file_left
	mend list --json
	expect_eq "$(json 'length')" 2 "entries"
}

t_ctrl_c_while_the_editor_runs_leaves_mend_waiting() {
	local sp pid pgid
	private_run
	# like a real editor, it takes Ctrl-C itself and goes on
	make_editor "$WORK/ed" "trap '' INT QUIT" \
		'touch "$WORK/started"' \
		'sleep 1' \
		'echo "written after ctrl-c" > "$1"'
	export WORK
	EDITOR="$WORK/ed" background script -qec "exec $MEND reflect" /dev/null
	sp=$!
	pid=$(mend_under "$sp")
	wait_file "$WORK/started"
	pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')
	kill -INT -- "-$pgid"
	kill -QUIT -- "-$pgid"
	wait "$sp"
	RC=$?
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0].text')" "written after ctrl-c" "text read after Ctrl-C"
	no_temp_file_left
}

t_sigterm_while_the_editor_runs_keeps_the_text_and_leaves_no_temp_file() {
	local sp pid kept
	private_run
	make_editor "$WORK/ed" 'echo "half a thought" > "$1"' \
		'touch "$WORK/started"' \
		'exec sleep 30'
	export WORK
	EDITOR="$WORK/ed" background script -qec "exec $MEND reflect" /dev/null
	sp=$!
	pid=$(mend_under "$sp")
	wait_file "$WORK/started"
	kill -TERM "$pid"
	wait "$sp"
	no_temp_file_left
	kept=$(ls "$XDG_DATA_HOME"/mend/kept/mend-*.txt 2>/dev/null)
	[ -n "$kept" ] || fail "the editor's text was not kept"
	expect_eq "$(cat "$kept")" "half a thought" "kept text"
	grep -qF "$kept" "$OUT" || fail "mend did not say where the text is: $(cat "$OUT")"
	[ "$(stat -c %a "$kept")" = 600 ] || fail "the kept file is not private"
	mend list --json
	expect_eq "$(json 'length')" 0 "entries"
}

# The editor writes $1 (printf format) and exits $2; mend must refuse it
# with one line naming the problem and the kept file.
# refused_and_kept TEXT EDITOR_STATUS [MEND_STATUS]: an editor that writes
# TEXT and exits EDITOR_STATUS; mend exits MEND_STATUS (2: the text was
# refused; 1: the editor failed) and keeps what it wrote.
refused_and_kept() {
	local kept
	private_run
	make_editor "$WORK/ed" "printf '$1' > \"\$1\"" "exit $2"
	EDITOR="$WORK/ed" on_tty "$MEND reflect"
	expect_rc "${3:-2}"
	kept=$(ls "$XDG_DATA_HOME"/mend/kept/mend-*.txt 2>/dev/null)
	[ -n "$kept" ] || fail "the editor's text was not kept: $(cat "$OUT")"
	grep -qF "kept in $kept" "$OUT" || fail "mend did not say where: $(cat "$OUT")"
	[ "$(grep -c . "$OUT")" -eq 1 ] || fail "more than one line: $(cat "$OUT")"
	no_temp_file_left
	cp "$OUT" "$WORK/said"
	mend list --json
	expect_eq "$(json 'length')" 0 "entries"
	KEPT=$kept
}

t_nul_byte_from_the_editor_is_refused_as_stdin_refuses_it() {
	refused_and_kept 'one\000two\n' 0
	grep -qF "contains a NUL byte at offset 3; only text is allowed" "$WORK/said" ||
		fail "not the message standard input gives: $(cat "$WORK/said")"
	expect_eq "$(od -An -c "$KEPT" | tr -s ' ')" \
		"$(printf 'one\000two\n' | od -An -c | tr -s ' ')" "kept bytes"
	printf 'one\000two\n' | "$MEND" reflect - >/dev/null 2>"$ERR"
	expect_err "contains a NUL byte at offset 3; only text is allowed"
}

t_invalid_utf8_from_the_editor_is_refused_and_kept() {
	refused_and_kept 'caf\351\n' 0
	grep -qF "not valid UTF-8" "$WORK/said" || fail "no reason given: $(cat "$WORK/said")"
}

t_editor_exiting_non_zero_keeps_what_it_wrote() {
	refused_and_kept 'written, then the editor failed\n' 1 1
	grep -qF "ended with status 1" "$WORK/said" || fail "no reason given: $(cat "$WORK/said")"
	expect_eq "$(cat "$KEPT")" "written, then the editor failed" "kept text"
}

t_text_over_the_limit_is_refused_and_kept() {
	private_run
	make_editor "$WORK/ed" 'head -c 1100000 /dev/zero | tr "\0" a > "$1"'
	EDITOR="$WORK/ed" on_tty "$MEND reflect"
	expect_rc 2
	grep -qF "more than the 1048576 allowed" "$OUT" || fail "no reason: $(cat "$OUT")"
	kept=$(ls "$XDG_DATA_HOME"/mend/kept/mend-*.txt 2>/dev/null)
	[ "$(wc -c <"$kept")" -eq 1100000 ] || fail "the kept text is not whole"
	no_temp_file_left
}

run_tests
