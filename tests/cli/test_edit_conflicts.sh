#!/bin/bash
# SPDX-License-Identifier: MIT
# `mend edit` at its edges: the editor's file is cut only at the line
# mend added, trailing white space is no change, an edit that lost to
# another made meanwhile is kept as a new entry, a note over its limit
# is kept in a file, and a long `mend list` reads one snapshot without
# holding up a check-in while its reader is slow.
. "$(dirname "$0")/lib.sh"

# Run a command on a terminal of its own (the editor opens only there);
# stdout and stderr both go to $OUT.
on_tty() {
	script -qec "$*" /dev/null >"$OUT" 2>&1 </dev/null
	RC=$?
}

# An editor script: its body is the rest of the arguments.
make_editor() {
	local path=$1
	shift
	{
		echo '#!/bin/sh'
		printf '%s\n' "$@"
	} >"$path"
	chmod +x "$path"
}

# The id of the newest entry.
newest_id() {
	mend list --json
	json '.[0].id'
}

t_a_scissors_line_in_the_entry_text_is_kept_whole() {
	local id text
	text=$(printf 'before the line\n# ------------------------ >8 ------------------------\nafter the line, still mine')
	mend reflect "$text"
	expect_rc 0
	id=$(newest_id)
	make_editor "$WORK/ed" 'sed -i "1s/^/edited: /" "$1"'
	EDITOR="$WORK/ed" on_tty "$MEND edit $id"
	expect_rc 0
	mend show "$id" --json
	expect_eq "$(json '.text')" "edited: $text" "text after the edit"
}

t_only_trailing_white_space_added_is_no_change() {
	local id before
	mend reflect "$(printf 'a line\nand another')"
	id=$(newest_id)
	mend show "$id" --json
	before=$(json '.updated_at')
	make_editor "$WORK/ed" 'sed -i "1s/$/   /" "$1"' 'printf "\n\n  \n" >>"$1"'
	MEND_NOW=2026-01-11T10:00:00Z EDITOR="$WORK/ed" on_tty "$MEND edit $id"
	expect_rc 0
	grep -qF "No change" "$OUT" || fail "no 'No change': $(cat "$OUT")"
	mend show "$id" --json
	expect_eq "$(json '.updated_at')" "$before" "updated_at"
}

t_an_entry_with_trailing_white_space_left_alone_is_no_change() {
	local id before
	mend_in "$(printf 'ends in spaces   \n\n')" reflect -
	expect_rc 0
	id=$(newest_id)
	mend show "$id" --json
	before=$(json '.updated_at')
	make_editor "$WORK/ed" 'exit 0'
	MEND_NOW=2026-01-11T10:00:00Z EDITOR="$WORK/ed" on_tty "$MEND edit $id"
	expect_rc 0
	grep -qF "No change" "$OUT" || fail "no 'No change': $(cat "$OUT")"
	mend show "$id" --json
	expect_eq "$(json '.updated_at')" "$before" "updated_at"
}

t_two_edits_of_one_entry_keep_both() {
	local id new
	mend reflect "the first words"
	id=$(newest_id)
	# while this editor is open, another mend saves the same entry
	make_editor "$WORK/ed" \
		"\"$MEND\" edit $id 'their words' >/dev/null 2>&1 || exit 9" \
		'printf "my words\n" >"$1"'
	EDITOR="$WORK/ed" on_tty "$MEND edit $id"
	expect_rc 0
	grep -qF "changed elsewhere" "$OUT" || fail "no word of the conflict: $(cat "$OUT")"
	mend list --json
	expect_eq "$(json 'length')" 2 "entries"
	new=$(json '[.[] | select(.text == "my words")][0].id')
	[ "$new" != null ] || fail "my words were not kept"
	grep -qF "${new:0:8}" "$OUT" || fail "the new entry's id is not named: $(cat "$OUT")"
	expect_eq "$(json "[.[] | select(.id == \"$new\")][0].kind")" reflection "kind of the copy"
	expect_eq "$(json "[.[] | select(.id == \"$new\")][0].module")" reflection "module of the copy"
	mend show "$id" --json
	expect_eq "$(json '.text')" "their words" "the other edit"
}

t_an_edit_with_no_conflict_replaces_the_text() {
	local id
	mend reflect "old words"
	id=$(newest_id)
	make_editor "$WORK/ed" 'printf "new words\n" >"$1"'
	EDITOR="$WORK/ed" on_tty "$MEND edit $id"
	expect_rc 0
	grep -qF "Saved the edited entry" "$OUT" || fail "not saved: $(cat "$OUT")"
	mend list --json
	expect_eq "$(json 'length')" 1 "entries"
	expect_eq "$(json '.[0].text')" "new words" "text"
}

t_a_checkin_note_over_its_limit_from_the_editor_is_kept() {
	local id kept
	mend checkin --mood 5 --urge 2 --note "short"
	expect_rc 0
	id=$(newest_id)
	make_editor "$WORK/ed" \
		'head -c 70000 /dev/zero | tr "\0" "w" >"$1"'
	EDITOR="$WORK/ed" on_tty "$MEND edit $id"
	expect_rc 2
	kept=$(ls "$XDG_DATA_HOME"/mend/kept/mend-*.txt 2>/dev/null)
	[ -n "$kept" ] || fail "the note was not kept"
	expect_eq "$(wc -c <"$kept")" 70000 "bytes kept"
	grep -qF "$kept" "$OUT" || fail "mend did not say where: $(cat "$OUT")"
	mend show "$id" --json
	expect_eq "$(json '.text')" "short" "the note in the journal"
}

t_a_list_nobody_reads_does_not_hold_up_a_checkin() {
	local i lister rc=0
	for i in $(seq 1 300); do
		printf 'entry %d with enough words to fill the pipe up %s\n' \
			"$i" "$(head -c 400 /dev/zero | tr '\0' x)"
	done | while read -r line; do "$MEND" reflect "$line" >/dev/null || exit 1; done
	mkfifo "$WORK/pipe"
	# a reader that opens the pipe and never reads from it
	sleep 120 <"$WORK/pipe" &
	reader=$!
	"$MEND" list --json >"$WORK/pipe" 2>/dev/null &
	lister=$!
	sleep 1
	kill -0 "$lister" 2>/dev/null || fail "the list did not wait on its reader"
	timeout 30 "$MEND" checkin --mood 6 --urge 1 >"$OUT" 2>"$ERR" || rc=$?
	kill "$lister" "$reader" 2>/dev/null
	wait "$lister" "$reader" 2>/dev/null
	expect_eq "$rc" 0 "check-in while a list waits"
}

run_tests
