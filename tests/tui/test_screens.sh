#!/bin/bash
# SPDX-License-Identifier: MIT
# What a person sees: every selection visible under colour TERMs, roles
# that reach the screen, whole screens read at 80x24 and 60x18 for text
# that is cut or runs together, and keys whatever TERM says.
. "$(dirname "$0")/lib.sh"

NOTE="Your last few check-ins have been very low."

# three hard days in a row, ending today (2026-01-11)
hard_days() {
	local d
	for d in 09 10 11; do
		MEND_NOW=2026-01-${d}T09:00:00Z mend checkin --mood 2 --urge 7 \
			--note "a heavy day"
		expect_rc 0
	done
}

# The home screen's text column at COLS columns: left of the menu.
home_text_cols() {
	local cols=$1 width
	width=$((cols - 4 > 100 ? 100 : cols - 4))
	echo "0 $((2 + width - 22))"
}

t_selected_row_is_reverse_under_colour_terms() {
	local term
	mend start --date 2026-01-01
	mend reflect "an older thought"
	MEND_NOW=2026-01-11T10:00:00Z mend reflect "a newer thought"
	for term in tmux-256color xterm-256color; do
		TUI_TERM=$term tui_start 80 24
		wait_for "Daily check-in"
		expect_attr "Daily check-in" reverse
		expect_not_attr "No contact" reverse
		type "j"
		wait_for "No contact"
		expect_attr "No contact" reverse
		expect_not_attr "Daily check-in" reverse
		type "v"
		wait_for "a newer thought"
		expect_attr "a newer thought" reverse
		expect_not_attr "an older thought" reverse
		keys Down
		sleep 0.2
		expect_attr "an older thought" reverse
		expect_not_attr "a newer thought" reverse
		tui_stop
	done
}

t_search_match_is_bold_and_underlined() {
	mend start --date 2026-01-01
	mend reflect "walking by the river helped"
	MEND_NOW=2026-01-11T10:00:00Z mend reflect "the river again"
	mend reflect "a quiet evening at home"
	tui_start 80 24
	wait_for "Daily check-in"
	type "v"
	wait_for "walking by the river"
	type "/"
	wait_for "Find entries"
	type "river"
	keys Enter
	wait_gone "quiet evening"
	# the newest match is selected (reverse); the other shows the mark
	expect_attr "the river again" reverse
	expect_attr "river helped" underline bold
	expect_not_attr "walking by" underline
}

t_roles_reach_the_screen_in_colour() {
	mend start --date 2026-01-01
	hard_days
	tui_start 80 24
	wait_for "$NOTE"
	expect_attr "mend" color bold
	expect_attr "$NOTE" color
	expect_attr "Today's check-in: done" color
	# warning, good and title are three different colours
	local warn good title
	warn=$(attrs_of "$NOTE")
	good=$(attrs_of "Today's check-in: done")
	title=$(attrs_of "mend")
	[ "$warn" != "$good" ] && [ "$good" != "$title" ] ||
		fail "roles look alike: warning '$warn', good '$good', title '$title'"
}

t_hard_days_note_is_whole_before_the_suggestion_at_every_size() {
	local size cols rows
	mend start --date 2026-01-01
	hard_days
	for size in 60x18 80x24 100x30 200x60; do
		cols=${size%x*} rows=${size#*x}
		tui_start "$cols" "$rows"
		wait_for "Daily check-in"
		# shellcheck disable=SC2046
		expect_whole "$(jq -r .low_mood "$OLDPWD/data/messages.json" 2>/dev/null ||
			echo "$NOTE")" $(home_text_cols "$cols")
		expect_whole "Press h for help now."
		screen | grep -qF "Suggested today" &&
			fail "the suggestion shows beside the hard-days note at $size"
		expect_key_line "q quit" "? help"
		tui_stop
	done
}

# On hard days home shows one of the user's own reasons for keeping space,
# beside the hard-days note and never pushing it off; on an ordinary day
# it does not, and without reasons a low day names one of their people.
t_hard_days_show_a_reason_of_their_own_beside_the_note() {
	local size cols rows
	mend start --date 2026-01-01
	mend reasons add "I want to sleep through the night again"
	expect_rc 0
	mend checkin --mood 8 --urge 1
	tui_start 80 24
	wait_for "Daily check-in"
	screen | grep -qF "Your reason for space" &&
		fail "a reason shows on an ordinary day"
	tui_stop
	hard_days
	for size in 60x18 80x24; do
		cols=${size%x*} rows=${size#*x}
		tui_start "$cols" "$rows"
		wait_for "Daily check-in"
		# where the label and the reason do not fit, the reason alone
		wait_for "I want to sleep"
		[ "$cols" = 80 ] && expect_whole "I want to sleep through the night again"
		# shellcheck disable=SC2046
		expect_whole "$NOTE" $(home_text_cols "$cols")
		expect_whole "Press h for help now."
		tui_stop
	done
	mend reasons remove 1
	expect_rc 0
	mend people add "Sam, my sister"
	expect_rc 0
	tui_start 80 24
	wait_for "Someone to reach: Sam, my sister"
	expect_whole "Press h for help now."
}

t_home_shows_no_cut_number_at_80x24_and_60x18() {
	local size
	mend start --date 2026-01-01
	mend checkin --mood 8 --urge 1
	for size in 60x18 80x24; do
		tui_start "${size%x*}" "${size#*x}"
		wait_for "Daily check-in"
		# the menu can reach the pane before the left column does
		wait_for "mood 8"
		screen | grep -qE "mood 8/10( |$)" ||
			fail "the mood is cut at $size:
$(screen)"
		expect_word "goal 30"
		expect_word "Quit"
		expect_key_line "q quit" "? help"
		screen | grep -q "…" && fail "a line is cut at $size:
$(screen)"
		tui_stop
	done
}

t_wide_window_keeps_text_to_a_readable_width() {
	mend start --date 2026-01-01
	tui_start 200 60
	wait_for "Suggested today"
	local w
	w=$(widest)
	[ "$w" -le 104 ] || fail "text runs to column $w at 200 columns:
$(screen)"
}

t_esc_on_home_does_not_quit() {
	mend start --date 2026-01-01
	tui_start 80 24
	wait_for "Daily check-in"
	keys Escape
	wait_for "Press q to leave mend"
	screen | grep -qF "MEND_EXITED" && fail "Esc left mend"
	type "q"
	wait_for "MEND_EXITED=0"
}

t_an_unknown_key_sequence_never_discards_writing() {
	local term
	mend start --date 2026-01-01
	for term in xterm-256color tmux-256color; do
		TUI_TERM=$term tui_start 80 24
		tui_open_editor
		type "words worth keeping"
		wait_for "words worth keeping"
		# Home as tmux sends it (unknown to TERM=xterm-256color), then
		# a sequence no terminfo entry names, each followed by a 'y'
		keys Home
		type "y"
		tmux -L "$TMUX_SOCK" send-keys -t mend -H 1b 5b 39 39 7e
		type "y"
		keys C-d
		wait_for "Saved."
		tui_stop
	done
	mend list --json --module reflection
	expect_eq "$(json 'map(select(.text | test("words worth keeping"))) | length')" 2 \
		"entries kept"
}

t_home_and_end_work_whatever_term_says() {
	local term
	mend start --date 2026-01-01
	for term in xterm-256color tmux-256color screen-256color; do
		TUI_TERM=$term tui_start 80 24
		tui_open_editor
		type "middle"
		wait_for "middle"
		keys Home
		type "start "
		keys End
		type " end"
		wait_for "start middle end"
		keys C-d
		wait_for "Saved."
		tui_stop
	done
	mend list --json --module reflection
	expect_eq "$(json 'map(select(.text == "start middle end")) | length')" 3 \
		"Home and End under three TERMs"
}

t_ctrl_s_reaches_mend_instead_of_freezing_the_terminal() {
	mend start --date 2026-01-01
	tui_start 80 24
	tui_open_editor
	type "before"
	wait_for "before"
	keys C-s
	type " after"
	wait_for "before after"
	keys C-q
	keys C-d
	wait_for "Saved."
}

t_keys_typed_while_the_window_is_too_small_are_kept() {
	mend start --date 2026-01-01
	tui_start 80 24
	wait_for "Daily check-in"
	type "c"
	wait_for "How are you feeling today?"
	tui_resize 40 12
	wait_for "make the window larger"
	keys Right Right
	tui_resize 80 24
	wait_for "How are you feeling today?"
	screen_e | python3 "$SCREEN_PY" attrs "7   8" | grep -qw reverse ||
		fail "the keys typed while small were lost:
$(screen)"
}

t_a_c_locale_still_draws_the_count_and_the_bars() {
	mend start --date 2026-01-01
	TUI_LANG=C tui_start 80 24
	wait_for "Daily check-in"
	screen | grep -qF "██" || fail "no block characters under LANG=C:
$(screen)"
	expect_word "goal 30"
	tui_stop
	# ASCII asked for (a font without the glyphs): stand-ins, never blanks
	TUI_ENV="MEND_ASCII=1" tui_start 80 24
	wait_for "Daily check-in"
	screen | grep -qF "###" || fail "no ASCII bars without a UTF-8 locale:
$(screen)"
	screen | grep -qE "^ +#+ +#+" || fail "no streak digits without UTF-8:
$(screen)"
}

t_text_too_long_for_its_line_ends_in_an_ellipsis() {
	mend start --date 2026-01-01
	mend reflect "$(printf 'word%.0s ' $(seq 1 40))the end"
	tui_start 60 18
	wait_for "Daily check-in"
	type "v"
	wait_for "word word"
	screen | grep -qE "word ?w?o?r?…$" || fail "a cut line has no ellipsis:
$(screen)"
}

t_ten_moods_have_ten_different_bars() {
	local d
	mend start --date 2026-01-01
	for d in 1 2 3 4 5 6 7 8 9 10; do
		MEND_NOW=$(printf '2026-01-%02dT09:00:00Z' "$d") \
			mend checkin --mood "$d" --urge 0
		expect_rc 0
	done
	tui_start 80 30
	wait_for "Mood, last 30 days"
	screen | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
row = next(i for i, l in enumerate(lines) if "Mood, last 30 days" in l)
col = lines[row].index("Mood")
top, bottom = (lines[row + k].ljust(col + 30)[col:col + 30] for k in (1, 2))
# day 11 (today) has no check-in; days 1..10 are the ten before it
bars = [(top[i], bottom[i]) for i in range(19, 29)]
if len(set(bars)) != 10 or any(b == (" ", " ") for b in bars):
    sys.exit("the ten moods do not have ten different bars: %r" % bars)
' || fail "$(screen)"
}

t_a_number_picks_its_item_in_a_numeric_picker() {
	mend start --date 2026-01-01
	tui_start 80 24
	wait_for "Daily check-in"
	type "n"
	wait_for "No contact"
	type "u"
	wait_for "How strong is the urge?"
	type "1"
	type "0"
	expect_attr "10 overwhelming" reverse
	type "7"
	expect_attr "7" reverse
}

# Typed a little slowly, as a person does: the screen's clock ticks
# between the two digits, and "1" then "0" is still 10.
t_two_digits_typed_slowly_still_pick_ten() {
	mend start --date 2026-01-01
	tui_start 80 24
	wait_for "Daily check-in"
	type "n"
	wait_for "No contact"
	type "u"
	wait_for "How strong is the urge?"
	type "1"
	expect_attr "1 " reverse
	sleep 0.7 # the person's pause between keys, not a wait for output
	type "0"
	expect_attr "10 overwhelming" reverse
}

t_export_offers_three_formats_expands_tilde_and_asks_before_replacing() {
	mend start --date 2026-01-01
	mend reflect "kept safe in the export"
	tui_start 80 24
	wait_for "Daily check-in"
	type "e"
	wait_for "choose a format"
	keys Enter
	wait_for "Which format?"
	wait_for "jrnl"
	wait_for "Markdown"
	type "m"
	wait_for "Save the export as"
	keys C-u
	type "~/journal.md"
	keys Enter
	wait_for "Saved"
	grep -qF "kept safe in the export" "$HOME/journal.md" ||
		fail "the Markdown export is not at ~/journal.md"
	echo "older file" >"$HOME/journal.md"
	keys Enter
	wait_for "Which format?"
	type "m"
	wait_for "Save the export as"
	keys C-u
	type "~/journal.md"
	keys Enter
	wait_for "There is already a file"
	type "y"
	type "r"
	grep -qx "older file" "$HOME/journal.md" || fail "a letter replaced the file"
	keys Down Enter
	wait_for "once more to go ahead"
	keys Down Enter
	wait_for "Saved"
	grep -qF "kept safe in the export" "$HOME/journal.md" ||
		fail "the file was not replaced after the second yes"
	# k keeps the file and asks for another name
	echo "older file" >"$HOME/journal.md"
	keys Enter
	wait_for "Which format?"
	type "m"
	wait_for "Save the export as"
	keys C-u
	type "~/journal.md"
	keys Enter
	wait_for "There is already a file"
	type "k"
	wait_for "Save the export as"
	grep -qx "older file" "$HOME/journal.md" || fail "k replaced the file"
}

t_leaving_clears_the_screen_without_an_alternate_screen() {
	mend start --date 2026-01-01 --name "Sam"
	mend checkin --mood 3 --urge 8 --note "a private note"
	TUI_TERM=vt100 tui_start 80 24
	wait_for "Today's check-in: done, mood 3/10"
	type "q"
	wait_for "MEND_EXITED=0"
	screen | grep -qF "mood 3/10" &&
		fail "the journal stayed on the terminal after leaving:
$(screen)"
	true
}

t_goal_day_is_celebrated_on_home_with_a_then_and_now() {
	local size
	MEND_NOW=2025-12-12T09:00:00Z mend start --date 2025-12-12
	MEND_NOW=2025-12-12T20:00:00Z mend checkin --mood 2 --urge 9 --note "the first evening"
	mend urge --level 6 --note "wanted to write"
	mend checkin --mood 7 --urge 2 --note "a steadier day"
	for size in 60x18 80x24; do
		tui_start "${size%x*}" "${size#*x}"
		wait_for "Daily check-in"
		# shellcheck disable=SC2046
		expect_whole "Day 30: you reached your goal of 30 days." $(home_text_cols "${size%x*}")
		# shellcheck disable=SC2046
		expect_whole "Your first check-in, on 2025-12-12: mood 2/10, \"the first evening\"." $(home_text_cols "${size%x*}")
		# shellcheck disable=SC2046
		expect_whole "Today: mood 7/10, \"a steadier day\"." $(home_text_cols "${size%x*}")
		# shellcheck disable=SC2046
		expect_whole "you wrote down 1 urge" $(home_text_cols "${size%x*}")
		tui_stop
	done
}

t_a_letter_that_opens_today_is_announced_on_home() {
	MEND_NOW=2026-01-05T09:00:00Z mend start --date 2026-01-01
	MEND_NOW=2026-01-05T09:00:00Z mend seal --until-day 10 "dear future me"
	tui_start 80 24
	wait_for "Daily check-in"
	expect_whole "A letter from your past self is ready (n)."
}

t_help_now_is_reachable_from_home_and_from_every_help() {
	mend start --date 2026-01-01
	mend config crisis-line "Samaritans: 116 123"
	expect_rc 0
	tui_start 80 24
	wait_for "Daily check-in"
	type "h"
	wait_for "Help now"
	wait_for "Samaritans: 116 123"
	keys Escape
	wait_for "Daily check-in"
	type "v"
	wait_for "Review"
	type "?"
	wait_for "Press h for help now."
	type "h"
	wait_for "Samaritans: 116 123"
}

t_after_deciding_to_reconnect_home_no_longer_counts_toward_a_goal() {
	mend start --date 2026-01-01
	mend decide reconnect
	expect_rc 0
	tui_start 80 24
	wait_for "10 days since the last contact"
	screen | grep -qF "goal 30" && fail "home still shows the no-contact goal:
$(screen)"
	true
}

run_tests
