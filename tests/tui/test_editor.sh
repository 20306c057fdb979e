#!/bin/bash
# SPDX-License-Identifier: MIT
# The editor of the full-screen journal, through tmux: word edits, undo,
# the word count and the quiet "draft saved" mark, a long paste, leaving
# with unsaved text (a choice no typed letter can make destructive), the
# drafts of two sessions on one journal, and $EDITOR output that cannot be
# taken (kept in a file the screen names).
. "$(dirname "$0")/lib.sh"

# The editor's private directory lives in the test's own directory.
private_run() {
	export XDG_RUNTIME_DIR="$WORK/run"
	mkdir -p "$XDG_RUNTIME_DIR"
	chmod 700 "$XDG_RUNTIME_DIR"
}

drafts() {
	sqlite3 "$MEND_DB" "SELECT count(*) FROM drafts WHERE $1"
}

wait_draft_count() {
	local where=$1 want=$2 tries=0
	until [ "$(drafts "$where")" = "$want" ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 300 ] || fail "drafts where $where: $(drafts "$where"), not $want"
		sleep 0.05
	done
}

t_ctrl_w_and_ctrl_u_delete_a_word_and_the_line_start() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "one two three"
	wait_for "one two three"
	keys C-w
	wait_gone "three"
	keys C-w
	wait_gone "two"
	keys Enter
	type "a line to let go"
	wait_for "a line to let go"
	keys C-u
	wait_gone "a line to let go"
	type "kept"
	wait_for "kept"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "$(printf 'one \nkept')" "text after ^W and ^U"
}

t_word_motions_move_by_words() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "alpha beta gamma"
	wait_for "alpha beta gamma"
	keys M-b
	type "X"
	wait_for "alpha beta Xgamma"
	keys M-b
	keys M-b
	type "Y"
	wait_for "alpha Ybeta Xgamma"
	keys M-f
	type "Z"
	wait_for "alpha YbetaZ Xgamma"
	keys C-Left
	type "<"
	wait_for "alpha <YbetaZ Xgamma"
	keys C-Right C-Right
	type ">"
	wait_for "alpha <YbetaZ Xgamma>"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "alpha <YbetaZ Xgamma>" "text"
}

t_undo_takes_back_the_last_change_and_again_redoes_it() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "keep these words"
	wait_for "keep these words"
	keys C-w
	wait_gone "keep these words"
	keys M-u
	wait_for "keep these words"
	keys M-u
	wait_gone "keep these words"
	keys C-_
	wait_for "keep these words"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "keep these words" "text after undo"
}

t_word_count_and_a_quiet_draft_saved_mark() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	wait_for "0 words"
	type "three small words"
	wait_for "3 words"
	# the draft is kept every few seconds, and then the mark shows
	wait_for "draft saved" 15
	expect_not_attr "draft saved" reverse
	expect_eq "$(sqlite3 "$MEND_DB" 'SELECT text FROM drafts')" \
		"three small words" "kept draft"
	type " and one"
	wait_for "5 words"
	screen | grep -qF "draft saved" && fail "the mark stayed on changed text"
	wait_for "draft saved" 15
	tui_save_and_quit
}

t_a_long_paste_settles_at_once_and_is_kept_whole() {
	local text start end ms
	mend start --date 2026-01-01
	text=$(for i in $(seq 1 390); do
		printf 'line %03d of the long paste, written elsewhere.\n' "$i"
	done)
	text="${text}THE END"
	[ "${#text}" -ge 18000 ] || fail "the paste is only ${#text} bytes"
	printf '%s' "$text" >"$WORK/paste"
	tui_start 100 30
	tui_open_editor
	tmux -L "$TMUX_SOCK" load-buffer "$WORK/paste"
	start=$(date +%s%N)
	tmux -L "$TMUX_SOCK" paste-buffer -t mend
	wait_for "THE END" 20
	end=$(date +%s%N)
	ms=$(((end - start) / 1000000))
	echo "a paste of $(wc -c <"$WORK/paste") bytes settled in $ms ms"
	[ "$ms" -lt 2000 ] || fail "the paste took $ms ms to settle"
	wait_for "3121 words"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "$text" "pasted text"
}

t_esc_asks_and_no_letter_typed_there_discards() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "please keep this"
	wait_for "please keep this"
	keys Escape
	wait_for "Keep writing"
	expect_attr "Keep writing" reverse
	# a person still typing: letters pick safe answers or nothing
	type "y"
	type "d"
	type "x"
	type "q"
	wait_for "Keep writing"
	type "w"
	wait_gone "Keep writing"
	wait_for "please keep this"
	type " too"
	wait_for "please keep this too"
	keys Escape
	wait_for "Discard this text"
	keys Escape
	wait_gone "Discard this text"
	wait_for "please keep this too"
	keys Escape
	wait_for "Save now"
	type "s"
	wait_for "Saved."
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "please keep this too" "saved from the dialog"
	expect_eq "$(drafts 1)" 0 "drafts left"
	keys Escape
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
}

t_discard_needs_enter_twice_and_the_text_comes_back_with_ctrl_y() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "let this go for now"
	wait_for "let this go for now"
	keys Escape
	wait_for "Discard this text"
	keys Down Down
	expect_attr "Discard this text" reverse
	keys Enter
	wait_for "Are you sure"
	# Enter alone goes back: "No, go back" is highlighted
	expect_attr "No, go back" reverse
	keys Enter
	wait_gone "Are you sure"
	wait_for "Keep writing"
	expect_eq "$(drafts 'discarded_at IS NOT NULL')" 0 "discarded too soon"
	keys Down Down Enter
	wait_for "Are you sure"
	keys Down Enter
	wait_for "Discarded."
	wait_gone "let this go for now"
	expect_eq "$(sqlite3 "$MEND_DB" \
		'SELECT text FROM drafts WHERE discarded_at IS NOT NULL')" \
		"let this go for now" "discarded text kept"
	mend list --json --module reflection
	expect_eq "$(json 'length')" 0 "entries"
	# the same writing again: the text is offered back
	type "w"
	wait_for "^Y brings it back"
	keys C-y
	wait_for "let this go for now"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "let this go for now" "brought back"
	expect_eq "$(drafts 1)" 0 "drafts left"
}

t_discarded_text_is_forgotten_after_seven_days() {
	mend start --date 2026-01-01
	sqlite3 "$MEND_DB" "INSERT INTO drafts (owner, context, text, updated_at,
		discarded_at) VALUES
		('', 'reflection:', 'old', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z'),
		('', 'reflection:', 'recent', '2026-01-08T09:00:00Z', '2026-01-08T09:00:00Z')"
	tui_start
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	expect_eq "$(sqlite3 "$MEND_DB" 'SELECT group_concat(text) FROM drafts')" \
		"recent" "discarded text left after a start"
}

t_two_sessions_never_offer_each_others_live_draft() {
	local first
	mend start --date 2026-01-01
	tui_start
	first=$TMUX_SOCK
	tui_open_editor
	type "the first window's words"
	wait_for "the first window's words"
	wait_draft_count "text = 'the first window''s words'" 1
	# a second journal window on the same file
	tui_start
	trap 'tmux -L "$first" kill-server 2>/dev/null; tui_stop' EXIT
	wait_for "Today's check-in"
	screen | grep -qF "unsaved writing" && fail "the live draft was offered"
	tui_open_editor
	type "the second window's words"
	wait_draft_count "discarded_at IS NULL" 2
	keys Escape
	wait_for "Discard this text"
	keys Down Down Enter
	wait_for "Are you sure"
	keys Down Enter
	wait_for "Discarded."
	expect_eq "$(drafts "text = 'the first window''s words' AND discarded_at IS NULL")" \
		1 "the first window's draft after the second discarded its own"
	keys Escape
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	tui_stop
	# the first window ends without saving: now its draft is offered
	TMUX_SOCK=$first
	kill -KILL "$(tui_pid)" || fail "no first mend to kill"
	wait_for "MEND_EXITED=137"
	tui_stop
	tui_start
	wait_for "You have unsaved writing"
	wait_for "the first window's words"
	# n is Later: the draft stays, and survives other writing meanwhile
	type "n"
	wait_for "kept"
	tui_open_editor
	type "something else entirely"
	tui_save_and_quit
	expect_eq "$(drafts "text = 'the first window''s words' AND discarded_at IS NULL")" \
		1 "the kept draft after other writing"
	tui_start
	wait_for "You have unsaved writing"
	type "r"
	wait_for "the first window's words"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '[.[].text] | sort | join("|")')" \
		"something else entirely|the first window's words" "entries"
	expect_eq "$(drafts 1)" 1 "drafts left (the second window's, discarded)"
}

t_each_orphaned_draft_is_offered_in_turn() {
	mend start --date 2026-01-01
	sqlite3 "$MEND_DB" "INSERT INTO drafts (owner, context, text, updated_at)
		VALUES ('', 'reflection:', 'older words', '2026-01-10T08:00:00Z'),
		('4194301:1', 'unsent:', 'newer words', '2026-01-10T09:00:00Z')"
	tui_start
	wait_for "(1 of 2)"
	wait_for "newer words"
	type "n"
	wait_for "(2 of 2)"
	wait_for "older words"
	keys Escape
	wait_for "kept"
	type "q"
	wait_for "MEND_EXITED=0"
	tui_stop
	expect_eq "$(drafts 'discarded_at IS NULL')" 2 "drafts kept by Later and Esc"
	tui_start
	wait_for "(1 of 2)"
	keys Down Down Enter
	wait_for "Are you sure"
	keys Down Enter
	wait_for "(2 of 2)"
	type "r"
	wait_for "older words"
	tui_save_and_quit
	expect_eq "$(drafts 'discarded_at IS NOT NULL')" 1 "the discarded draft, kept"
	expect_eq "$(drafts 'discarded_at IS NULL')" 0 "live drafts"
}

# An editor script that writes $1 (printf format) into the file and exits
# with $2.
fake_editor() {
	printf '#!/bin/sh\nprintf %q > "$1"\nexit %s\n' "$1" "$2" >"$WORK/ed"
	chmod +x "$WORK/ed"
	export EDITOR="$WORK/ed"
}

kept_file() {
	ls "$XDG_DATA_HOME"/mend/kept/mend-*.txt 2>/dev/null | head -1
}

ctrl_e_keeps() {
	local kept
	private_run
	mend start --date 2026-01-01
	tui_start 200 30
	tui_open_editor
	type "typed here first"
	wait_for "typed here first"
	keys C-e
	wait_for "kept in"
	kept=$(kept_file)
	[ -n "$kept" ] || fail "no kept file"
	wait_for "$kept"
	wait_for "typed here first"
	[ -z "$(ls -A "$XDG_RUNTIME_DIR/mend")" ] || fail "the temporary file was left"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "typed here first" "the editor's text"
	KEPT=$kept
}

t_ctrl_e_with_a_nul_byte_keeps_the_file_and_says_where() {
	fake_editor 'before\000after\n' 0
	ctrl_e_keeps
	expect_eq "$(od -An -c "$KEPT" | tr -s ' ')" \
		"$(printf 'before\000after\n' | od -An -c | tr -s ' ')" "kept bytes"
}

t_ctrl_e_when_the_editor_fails_keeps_what_it_wrote() {
	fake_editor 'written before the editor failed\n' 1
	ctrl_e_keeps
	expect_eq "$(cat "$KEPT")" "written before the editor failed" "kept text"
}

t_ctrl_e_invalid_utf8_becomes_replacement_characters() {
	private_run
	fake_editor 'caf\351 and \316 more\n' 0
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	keys C-e
	wait_for "more"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "caf� and � more" "text from the editor"
}

t_sigterm_while_ctrl_e_runs_keeps_both_texts_and_leaves_no_temp_file() {
	local kept
	private_run
	printf '#!/bin/sh\necho "the editor had this" > "$1"\ntouch "%s/started"\nexec sleep 30\n' \
		"$WORK" >"$WORK/ed"
	chmod +x "$WORK/ed"
	export EDITOR="$WORK/ed"
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "typed before ctrl-e"
	wait_for "typed before ctrl-e"
	keys C-e
	local tries=0
	until [ -e "$WORK/started" ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 200 ] || fail "the editor never started"
		sleep 0.05
	done
	kill -TERM "$(tui_pid)" || fail "no mend to stop"
	wait_for "MEND_EXITED=143"
	tui_stop
	[ -z "$(ls -A "$XDG_RUNTIME_DIR/mend")" ] || fail "the temporary file was left"
	kept=$(kept_file)
	[ -n "$kept" ] || fail "the editor's text was not kept"
	expect_eq "$(cat "$kept")" "the editor had this" "kept text"
	expect_eq "$(sqlite3 "$MEND_DB" 'SELECT text FROM drafts')" \
		"typed before ctrl-e" "the editor's draft"
}

run_tests
