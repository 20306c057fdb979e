#!/bin/bash
# SPDX-License-Identifier: MIT
# The command line at its edges: help as a flag and as a value, a save
# whose confirmation cannot be printed, reads that must not create a
# journal, the global options, the delete question, the editor failing,
# the list's columns, and terminal escapes from stored text.
. "$(dirname "$0")/lib.sh"

# in_tty CMD: run the shell command CMD with a terminal as its standard
# input (and stderr), feeding it $TTY_INPUT; its stdout is $OUT.
in_tty() {
	printf '%s' "${TTY_INPUT:-}" | script -qec "$1 >'$OUT'" /dev/null >"$ERR" 2>&1
	RC=$?
}

# --- help

t_help_as_a_value_is_the_value() {
	mend checkin --mood 5 --note -h
	expect_rc 0
	expect_out "Check-in saved"
	mend list --json
	expect_eq "$(json '.[0].text')" "-h" "the note"
	mend checkin --mood 6 --note --help
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0].text')" "--help" "the note"
}

t_help_as_a_flag_saves_nothing() {
	mend checkin --mood 5 --help
	expect_rc 0
	expect_out "usage: mend checkin"
	[ ! -e "$MEND_DB" ] || fail "help created a journal"
	mend checkin -h --mood 5
	expect_rc 0
	expect_out "usage: mend checkin"
	[ ! -e "$MEND_DB" ] || fail "help created a journal"
}

t_help_after_double_dash_is_text() {
	mend reflect -- --help
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0].text')" "--help" "the reflection"
}

# --- standard output closed or full after a save

t_saved_but_stdout_closed_exits_0_and_says_so() {
	"$MEND" checkin --mood 5 >&- 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_err "saved, but could not print"
	expect_one_line_err
	mend list --json
	expect_eq "$(json 'length')" 1 "entries"
}

t_saved_but_stdout_full_exits_0_and_says_so() {
	"$MEND" urge --level 4 >/dev/full 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_err "saved, but could not print"
	mend list --json
	expect_eq "$(json '.[0].kind')" "urge" "the entry"
}

t_read_to_full_stdout_fails() {
	mend reflect "something to list"
	"$MEND" list >/dev/full 2>"$ERR"
	RC=$?
	expect_rc 1
	expect_err "cannot write the output"
}

# --- reads create nothing

t_reads_on_a_new_home_create_nothing() {
	unset MEND_DB
	local cmd
	for cmd in "status" "status --json" "list" "list --json" "periods" \
		"prompt" "prompts" "config" "config goal" "grow --week" \
		"export" "show abcd" "delete abcd --yes" "edit abcd text"; do
		# shellcheck disable=SC2086
		mend $cmd
		[ -z "$(find "$HOME" -mindepth 1 -print -quit)" ] ||
			fail "'mend $cmd' created $(find "$HOME" -mindepth 1 | head -3)"
	done
}

t_import_dry_run_creates_nothing() {
	mend reflect "to be exported"
	mend export -o "$WORK/e.json"
	expect_rc 0
	export MEND_DB="$WORK/new.db"
	mend import --dry-run "$WORK/e.json"
	expect_rc 0
	expect_out "Dry run"
	[ ! -e "$MEND_DB" ] || fail "import --dry-run created a journal"
}

t_status_without_a_journal_says_none_yet() {
	mend status
	expect_rc 0
	expect_out "no journal yet"
	mend status --json
	expect_rc 0
	expect_fields '.journal_exists' false '.has_entries' false '.started' false
	mend checkin --mood 5
	mend status --json
	expect_fields '.journal_exists' true
	mend status
	expect_out "Today's check-in: done"
}

# --- global options

t_double_dash_before_the_command() {
	mend -- status
	expect_rc 0
	expect_out "no journal yet"
}

t_global_db_without_a_value() {
	bad_input "option '--db' needs a path" --db
	bad_input "option '--db' needs a path" status --db
}

t_int_min_mood_gets_the_range() {
	bad_input "mood: -2147483648 is not in 1..10" checkin --mood -2147483648
}

# --- delete asks on the terminal

t_delete_asks_on_the_terminal_not_stdout() {
	local id
	mend reflect "a reflection to delete"
	id=$(grep -o '[0-9a-f-]\{36\}' "$OUT")
	TTY_INPUT=$'n\n' in_tty "$MEND delete $id"
	expect_rc 0
	grep -q "Delete this entry" "$ERR" || fail "the question was not asked on the terminal"
	grep -q "Delete this entry" "$OUT" && fail "the question went to stdout"
	expect_out "Kept."
	grep -q "a reflection to delete" "$OUT" && fail "the summary went to stdout"
	TTY_INPUT=$'y\n' in_tty "$MEND delete $id"
	expect_rc 0
	expect_out "Deleted."
	grep -q "Delete this entry" "$OUT" && fail "the question went to stdout"
	mend list --json
	expect_eq "$(json 'length')" 0 "entries left"
}

# --- the editor failing is a failure, not bad input

t_editor_failure_exits_1() {
	printf '#!/bin/sh\nexit 3\n' >"$WORK/ed"
	chmod +x "$WORK/ed"
	EDITOR="$WORK/ed" script -qec "$MEND reflect; echo rc=\$?" /dev/null >"$OUT" 2>&1
	grep -q 'rc=1' "$OUT" || fail "the editor's failure did not exit 1: $(tr -d '\r' <"$OUT")"
	grep -q 'the editor .* ended with status 3' "$OUT" || fail "no message about the editor"
	[ ! -e "$MEND_DB" ] || { mend list --json; expect_eq "$(json 'length')" 0 "entries"; }
}

# --- the listing cuts by columns, at character boundaries

# count_of CHAR: how many times CHAR is in $OUT
count_of() {
	grep -o -- "$1" "$OUT" | wc -l
}

t_list_cuts_notes_by_columns_not_bytes() {
	local e60
	e60=$(printf 'é%.0s' $(seq 60))
	mend checkin --mood 6 --note "a$e60"
	mend list
	expect_rc 0
	iconv -f UTF-8 -t UTF-8 "$OUT" >/dev/null 2>&1 || fail "the listing is not valid UTF-8: a character was cut"
	expect_eq "$(count_of é)" 38 "é in the check-in line (a, 38 é and ... make 42 columns)"
	expect_out "é..."
	mend reflect "$e60"
	mend list --limit 1
	expect_eq "$(count_of é)" 52 "é in the reflection line (52 é and ... make 55 columns)"
	mend reflect "short"$'\n'"and a second line"
	mend list --limit 1
	expect_out "short..."
}

# --- text already stored: shown, never obeyed, on a terminal

# on_tty ARGS...: run mend with a terminal as stdout; $OUT is what the
# terminal got
on_tty() {
	script -qec "$(printf '%q ' "$MEND" "$@")" /dev/null >"$OUT" 2>&1 </dev/null
	RC=$?
}

# import_text TEXT: an entry with TEXT, as an import brings it in
import_text() {
	mend reflect "to be replaced"
	mend export -o "$WORK/x.json"
	jq --arg t "$1" '.entries[0].text = $t | .entries[0].updated_at = "2026-01-11T09:00:01Z"' \
		"$WORK/x.json" >"$WORK/x2.json"
	mend import "$WORK/x2.json"
	expect_rc 0
}

ESCAPES=$'red \e[31m title \e]0;pwned\a clip \e]52;c;aGk=\a cut \e]8;;'

t_stored_escapes_are_visible_on_a_terminal() {
	local id
	import_text "$ESCAPES"$'\nsecond line'
	on_tty list
	expect_rc 0
	grep -q $'\e' "$OUT" && fail "an escape reached the terminal in list"
	expect_out 'red ^[[31m title ^[]0;pwned^G'
	mend list --json
	id=$(json '.[0].id')
	on_tty show "$id"
	grep -q $'\e' "$OUT" && fail "an escape reached the terminal in show"
	grep -q $'\a' "$OUT" && fail "a bell reached the terminal in show"
	expect_out 'clip ^[]52;c;aGk=^G cut ^[]8;;'
	expect_out 'second line'
	# the question before a delete shows the summary the same way
	printf 'n\n' | script -qec "$(printf '%q ' "$MEND" delete "$id")" /dev/null >"$OUT" 2>&1
	grep -q $'\e' "$OUT" && fail "an escape reached the terminal in the delete summary"
	expect_out 'red ^[[31m'
}

t_stored_escapes_stay_exact_off_a_terminal() {
	import_text "$ESCAPES"
	mend list --json
	expect_eq "$(json '.[0].text')" "$ESCAPES" "the text in --json"
	mend show "$(json '.[0].id')"
	grep -qF -- "$ESCAPES" "$OUT" || fail "show into a pipe changed the text"
}

t_prompts_file_escapes_are_visible_on_a_terminal() {
	mkdir -p "$XDG_CONFIG_HOME/mend"
	cat >"$XDG_CONFIG_HOME/mend/prompts.json" <<'EOF2'
{"format": "mend-prompts", "version": 1, "prompts": [
 {"id": "mine.esc.1", "module": "reflection", "theme": "esc",
  "text": "What now?\u001b]52;c;aGk=\u0007\u001b[2J"}]}
EOF2
	on_tty prompts --module reflection
	expect_rc 0
	grep -q $'\e' "$OUT" && fail "an escape from prompts.json reached the terminal"
	expect_out 'What now?^[]52;c;aGk=^G^[[2J'
}

run_tests
