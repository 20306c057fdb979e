#!/bin/bash
# SPDX-License-Identifier: MIT
# The interface never freezes: while a save waits for another mend's
# lock, the screen says so, Ctrl-P still hides it at once, Esc stops
# waiting with the text kept, and a lock that comes free lets the save
# finish by itself.
. "$(dirname "$0")/lib.sh"

HOLDERS=()

# True while another process holds a lock that keeps a writer out.
journal_locked() {
	! sqlite3 "$MEND_DB" "BEGIN EXCLUSIVE; ROLLBACK;" >/dev/null 2>&1
}

wait_locked() {
	local tries=0
	until journal_locked; do
		tries=$((tries + 1))
		[ "$tries" -ge 200 ] && fail "the journal never got locked"
		sleep 0.05
	done
}

# hold_lock SQL: another process (sqlite3) runs SQL and keeps its
# transaction open until let_go.
hold_lock() {
	mkfifo "$WORK/sql"
	sqlite3 "$MEND_DB" <"$WORK/sql" >/dev/null 2>&1 &
	HOLDER=$!
	HOLDERS+=("$HOLDER")
	exec 9>"$WORK/sql"
	# mend itself may hold the lock for a moment (a draft being kept):
	# wait for it rather than fail to take the lock
	echo ".timeout 10000" >&9
	echo "$1" >&9
	wait_locked
}

let_go() {
	echo "COMMIT;" >&9
	exec 9>&-
	wait "$HOLDER"
}

cleanup() {
	tui_stop
	[ ${#HOLDERS[@]} -gt 0 ] && kill "${HOLDERS[@]}" 2>/dev/null
	return 0
}

start() {
	# a journal in use already: home, not the first-run welcome
	if [ ! -e "$MEND_DB" ]; then
		mend start --date 2026-01-01
		expect_rc 0
	fi
	tui_start "$@"
	trap cleanup EXIT
}

# How many entries hold exactly this text.
count_text() {
	mend list --json
	expect_rc 0
	json "[.[] | select(.text == \"$1\")] | length"
}

wait_saved() {
	local tries=0
	until [ "$(count_text "$1")" = 1 ]; do
		tries=$((tries + 1))
		[ "$tries" -ge 200 ] && fail "'$1' never reached the journal"
		sleep 0.05
	done
}

# The screen stays blank for a while (checked many times, not slept on).
expect_blank_for_a_moment() {
	local i
	for i in $(seq 20); do
		[ -z "$(screen | tr -d ' \n')" ] ||
			fail "the hidden screen shows something:
$(screen)"
		sleep 0.025
	done
}

t_a_reader_holding_the_journal_does_not_freeze_the_editor() {
	start 100 30
	tui_open_editor
	# another process in the middle of a long read (an export used to
	# be one, until it learnt to spool): a save must wait to commit
	hold_lock "BEGIN; SELECT count(*) FROM entries;"
	type "a private line"
	keys C-d
	wait_for "Waiting for another mend to finish"
	wait_for "(Esc to cancel, your text is kept)"
	keys C-p
	wait_gone "a private line"
	wait_gone "mend"
	expect_blank_for_a_moment
	keys C-p
	wait_for "a private line"
	wait_for "Waiting for another mend to finish"
	keys Escape
	wait_for "cancelled while waiting for another mend"
	wait_gone "Waiting for another mend to finish"
	wait_for "a private line"
	expect_eq "$(count_text "a private line")" 0 "entries while cancelled"
	let_go
	keys C-d
	wait_for "Saved."
	expect_eq "$(count_text "a private line")" 1 "entries once saved"
}

t_the_save_completes_by_itself_when_the_lock_comes_free() {
	start 100 30
	tui_open_editor
	# a writer in the middle of its work: even reading must wait
	hold_lock "BEGIN EXCLUSIVE;"
	type "written while another mend worked"
	keys C-d
	wait_for "Waiting for another mend to finish"
	let_go
	wait_for "Saved."
	wait_gone "Waiting for another mend"
	expect_eq "$(count_text "written while another mend worked")" 1 "entries"
}

t_a_save_that_ends_while_hidden_keeps_the_screen_hidden() {
	start 100 30
	tui_open_editor
	hold_lock "BEGIN; SELECT count(*) FROM entries;"
	type "kept out of sight"
	keys C-d
	wait_for "Waiting for another mend to finish"
	keys C-p
	wait_gone "kept out of sight"
	let_go
	wait_saved "kept out of sight"
	expect_blank_for_a_moment
	keys C-p
	wait_for "Saved."
}

t_keys_typed_while_waiting_reach_the_editor_after_cancel() {
	start 100 30
	tui_open_editor
	hold_lock "BEGIN; SELECT count(*) FROM entries;"
	type "first"
	keys C-d
	wait_for "Waiting for another mend to finish"
	type " and then"
	keys Escape
	# (the keys typed after the cancel's message clear it, as any key does)
	wait_for "first and then"
	wait_gone "Waiting for another mend"
	expect_eq "$(count_text "first")" 0 "entries while cancelled"
	let_go
	keys C-d
	wait_for "Saved."
	expect_eq "$(count_text "first and then")" 1 "entries"
}

t_the_waiting_line_fits_a_narrow_screen() {
	start 60 18
	tui_open_editor
	hold_lock "BEGIN; SELECT count(*) FROM entries;"
	type "narrow"
	keys C-d
	wait_for "Waiting for another mend"
	wait_for "Waiting for another mend… (Esc to cancel)"
	expect_word "(Esc to cancel)"
	keys Escape
	wait_for "cancelled while waiting"
	let_go
}

t_typing_on_while_the_draft_autosave_waits_loses_nothing() {
	start 100 30
	tui_open_editor
	hold_lock "BEGIN; SELECT count(*) FROM entries;"
	type "typed before"
	# the draft is kept every few seconds: that save waits too
	wait_for "Waiting for another mend to finish"
	type " and during"
	# hide and show: the wait has read what was typed before that
	keys C-p
	wait_gone "typed before"
	keys C-p
	wait_for "Waiting for another mend to finish"
	let_go
	wait_gone "Waiting for another mend"
	wait_for "typed before and during"
	keys C-d
	wait_for "Saved."
	expect_eq "$(count_text "typed before and during")" 1 "entries"
}

t_a_resize_while_waiting_is_followed_once_the_wait_ends() {
	start 100 30
	tui_open_editor
	hold_lock "BEGIN; SELECT count(*) FROM entries;"
	type "still here"
	keys C-d
	wait_for "Waiting for another mend to finish"
	tui_resize 80 24
	wait_for "Waiting for another mend to finish"
	keys C-p
	wait_gone "still here"
	keys C-p
	wait_for "still here"
	# too small for the journal: the loop must hear of it after the wait
	tui_resize 50 14
	wait_for "Waiting for another mend… (Esc to cancel)"
	keys Escape
	wait_for "Please make the window larger"
	tui_resize 100 30
	wait_for "still here"
	let_go
	keys C-d
	wait_for "Saved."
	expect_eq "$(count_text "still here")" 1 "entries"
}

run_tests
