#!/bin/bash
# SPDX-License-Identifier: MIT
# The full-screen journal, used through tmux as a person would, then the
# journal checked through the command line.
. "$(dirname "$0")/lib.sh"

t_first_run_welcome_start_date_and_first_checkin() {
	tui_start
	wait_for "Welcome to mend"
	keys Enter
	wait_for "When were you last in contact?"
	keys C-u
	type "2026-01-01"
	keys Enter
	wait_for "aim for?"
	keys Enter
	wait_for "Four parts"
	keys Enter
	wait_for "How are you feeling today?"
	type "6"
	keys Enter
	wait_for "urge to contact them?"
	type "2"
	keys Enter
	wait_for "Was there contact"
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	type "first day here"
	keys Enter
	wait_for "Today's prompt"
	type "s"
	wait_for "one thing for yourself"
	type "s"
	wait_for "Thank you for checking in"
	wait_for "No contact: day 10"
	keys Enter
	wait_for "Today's check-in: done, mood 6/10"
	type "q"
	wait_for "MEND_EXITED=0"
	mend status --json
	expect_eq "$(json .no_contact_days)" 10 "no_contact_days"
	expect_eq "$(json .checked_in_today)" true "checked_in_today"
	mend list --json --module checkin
	expect_eq "$(json '.[0].mood')" 6 "mood"
	expect_eq "$(json '.[0].urge')" 2 "urge"
	expect_eq "$(json '.[0].text')" "first day here" "note"
}

t_checkin_with_contact_shows_slip_and_restarts_period() {
	mend start --date 2026-01-01
	expect_rc 0
	tui_start
	wait_for "Daily check-in"
	type "c"
	wait_for "How are you feeling today?"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	wait_for "Was there contact"
	type "y"
	wait_for "Who reached out?"
	type "m"
	wait_for "Was it necessary"
	type "n"
	wait_for "This starts your count again from today. Log it?"
	type "y"
	wait_for "count will start again from now"
	wait_for "The 10 days before stay in your history"
	keys Enter
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	wait_for "three short questions"
	keys Escape
	wait_for "Today's prompt"
	keys Escape
	wait_for "Today's check-in: done"
	type "q"
	wait_for "MEND_EXITED=0"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods"
	expect_eq "$(json '.[0].ended_at')" "2026-01-11T09:00:00Z" "first period's end"
	expect_eq "$(json '.[1].ended_at')" null "the new period runs"
	mend status --json
	expect_eq "$(json .no_contact_days)" 0 "streak after the slip"
	expect_eq "$(json .longest_streak_days)" 10 "longest streak kept"
	expect_eq "$(json .contacts)" 1 "contacts"
}

# A check-in that restarted the count offers the kind look back once it
# is saved, as the no-contact screen does; every question can be
# skipped, and answering one keeps it.
t_checkin_that_restarts_the_count_offers_the_slip_review() {
	mend start --date 2026-01-01
	tui_start 80 24
	wait_for "Daily check-in"
	type "c"
	wait_for "How are you feeling today?"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	wait_for "Was there contact"
	type "y"
	wait_for "Who reached out?"
	type "m"
	wait_for "Was it necessary"
	type "n"
	wait_for "This starts your count again from today. Log it?"
	type "y"
	wait_for "count will start again from now"
	keys Enter
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	wait_for "three short questions"
	expect_whole "10 days of space in all · longest stretch 10 days"
	keys Escape
	wait_for "Today's prompt"
	keys Escape
	wait_for "Today's check-in: done"
	expect_eq "$(sqlite3 "$MEND_DB" "SELECT count(*) FROM entries WHERE
		kind = 'slip'")" 0 "slip entries after skipping"
}

t_reflection_utf8_and_backspace_over_multibyte() {
	local seed line expected
	seed="$(dirname "$0")/../../../shared/seeds/003_c6db2c81d979aede.txt"
	# cut counts bytes: iconv drops a character it cut in half
	line=$(sed -n 3p "$seed" | cut -c1-40 | iconv -f UTF-8 -t UTF-8 -c)
	[ -n "$line" ] || line="Ηow tο Ꮐet Υоur Eⲭ-Boyfriend Βack"
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "Café naïve 中文 $line 🙂"
	keys BSpace
	type "!"
	keys Enter
	type "二行目 ok"
	keys BSpace BSpace BSpace
	wait_for "二行目"
	tui_save_and_quit
	expected=$(printf 'Café naïve 中文 %s !\n二行目' "$line")
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "$expected" "stored text"
	[ "$(json '.[0].text' | od -An -tx1)" = "$(printf '%s\n' "$expected" | od -An -tx1)" ] ||
		fail "the stored bytes differ"
	[ "$(json '.[0].prompt_id')" != null ] || fail "the prompt was not kept"
}

t_a_stray_byte_from_the_terminal_swallows_nothing() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	# a Latin-1 "é", a lead byte cut off by a space, and a lead byte cut
	# off by the end of the paste: each becomes one U+FFFD
	type "$(printf 'caf\351 \316 after it all \342')"
	wait_for "after it all"
	type " still here"
	wait_for "still here"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "caf� � after it all � still here" \
		"stored text"
}

t_review_filter_search_open_and_delete() {
	mend reflect "apples in the orchard"
	mend reflect "bananas on the table"
	mend grow --category body "a long walk"
	mend checkin --mood 4 --note "tired"
	tui_start
	wait_for "Review"
	type "v"
	wait_for "a long walk"
	type "mmm"
	wait_for "Review · reflection"
	wait_gone "a long walk"
	wait_for "apples in the orchard"
	type "/"
	wait_for "Find entries with these words"
	type "bananas"
	keys Enter
	wait_for 'Review · reflection · "bananas"'
	wait_gone "apples in the orchard"
	keys Enter
	wait_for "bananas on the table"
	wait_for "Entry"
	type "d"
	wait_for "Delete this entry?"
	type "y"
	wait_for "Deleted."
	wait_for "Nothing matches."
	type "q"
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json
	expect_eq "$(json 'map(select(.text | test("bananas"))) | length')" 0 "deleted entry"
	expect_eq "$(json 'map(select(.text | test("apples"))) | length')" 1 "other entry"
	expect_eq "$(json 'length')" 3 "entries left"
	mend list --search bananas --json
	expect_eq "$(json 'length')" 0 "search after delete"
}

t_resize_small_and_back_mid_checkin() {
	mend start --date 2026-01-01
	tui_start
	wait_for "Daily check-in"
	type "c"
	wait_for "How are you feeling today?"
	type "8"
	tui_resize 40 12
	wait_for "make the window larger"
	tui_resize 100 30
	wait_for "How are you feeling today?"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	wait_for "Today's prompt"
	type "s"
	type "s"
	wait_for "Thank you for checking in"
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json --module checkin
	expect_eq "$(json '.[0].mood')" 8 "mood after resizing"
}

t_sigterm_while_typing_offers_the_draft_back() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "words I did not save yet"
	wait_for "words I did not save yet"
	kill -TERM "$(tui_pid)" || fail "no mend process to signal"
	wait_for "MEND_EXITED=143"
	tui_stop
	tui_start
	wait_for "You have unsaved writing"
	type "r"
	wait_for "words I did not save yet"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "words I did not save yet" "restored draft"
	tui_start
	wait_for "Today's check-in"
	screen | grep -qF "unsaved writing" && fail "the draft was offered again"
	type "q"
	wait_for "MEND_EXITED=0"
}

t_sigkill_keeps_what_was_autosaved() {
	mend start --date 2026-01-01
	tui_start
	tui_open_editor
	type "typed before the autosave"
	wait_for "typed before the autosave"
	# the editor keeps a draft every few seconds; wait until it is there
	local tries=0
	until [ "$(sqlite3 "$MEND_DB" 'SELECT text FROM drafts' 2>/dev/null)" = \
		"typed before the autosave" ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 400 ] || fail "no draft was autosaved"
		sleep 0.05
	done
	kill -KILL "$(tui_pid)" || fail "no mend process to kill"
	wait_for "MEND_EXITED=137"
	tui_stop
	[ "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
	tui_start
	wait_for "You have unsaved writing"
	type "r"
	wait_for "typed before the autosave"
	tui_save_and_quit
	mend list --json --module reflection
	expect_eq "$(json '.[0].text')" "typed before the autosave" "restored text"
}

t_hide_key_blanks_the_screen_and_comes_back() {
	mend reflect "a private thought"
	tui_start
	wait_for "Review"
	type "v"
	wait_for "a private thought"
	keys C-p
	wait_gone "a private thought"
	wait_gone "mend"
	type "q"
	keys C-p
	wait_for "a private thought"
	type "q"
	wait_for "Today's check-in"
}

t_help_lists_the_keys_of_each_screen() {
	tui_start
	wait_for "Welcome to mend"
	keys Escape
	wait_for "Today's check-in"
	type "?"
	wait_for "Keys on this screen"
	wait_for "hide everything"
	keys Escape
	wait_gone "Keys on this screen"
	type "v"
	wait_for "Review"
	type "?"
	wait_for "find entries with these words"
	keys Escape
	wait_gone "Keys on this screen"
}

t_not_a_terminal_or_dumb_terminal_is_refused() {
	mend
	expect_rc 2
	expect_err "not a terminal"
	tmux_out=$(TERM=dumb script -qec "$MEND" /dev/null </dev/null 2>&1)
	echo "$tmux_out" | grep -qF "cannot place the cursor" ||
		fail "TERM=dumb was not refused: $tmux_out"
}

run_tests
