#!/bin/bash
# SPDX-License-Identifier: MIT
# The check-in flow and the no-contact count in the full-screen journal:
# re-doing today's check-in, who reached out, never a second contact,
# undoing a mistaken one, the start and the goal, the hard-days note and
# the help now page, the goal day and letters that open. Each test drives
# the real binary in tmux and then reads the journal through the CLI.
. "$(dirname "$0")/lib.sh"

LOW_MOOD="Your last few check-ins have been very low. That is a lot to carry, and you do not have to carry it alone. It may help to talk with someone you trust, or with a doctor, counselor or therapist. If you are in danger or thinking about harming yourself, please contact your local emergency services now."

# No line of the screen runs past the pane's width, counted in columns
# (a wide character takes two).
fits_on_screen() {
	local cols
	cols=$(tmux -L "$TMUX_SOCK" display-message -p -t mend '#{pane_width}')
	screen | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
bad = [l for l in sys.stdin.read().split("\n")
       if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
              for c in l) > cols]
sys.exit(1 if bad else 0)' "$cols" || fail "a line runs past $cols columns:
$(screen)"
}

open_checkin() {
	wait_for "Today's check-in"
	type "c"
	wait_for "How are you feeling today?"
}

finish_after_note() {
	wait_for "Today's prompt"
	type "s"
	wait_for "one thing for yourself"
	type "s"
	wait_for "Thank you for checking in"
}

t_redo_checkin_opens_with_todays_answers_and_keeps_them() {
	mend start --date 2026-01-01
	MEND_NOW=2026-01-11T08:00:00Z mend checkin --mood 3 --urge 7 \
		--no-contact --note "a long day, but I stayed"
	tui_start 80 24
	open_checkin
	wait_for "Today's answers are filled in"
	expect_attr "3   4" reverse
	expect_not_attr "5   6" reverse
	keys Enter
	wait_for "urge to contact them?"
	expect_attr "7   8" reverse
	keys Enter
	wait_for "Earlier today you answered no"
	keys Enter
	wait_for "What did today hold?"
	keys Enter
	wait_for "a long day, but I stayed"
	keys Enter
	finish_after_note
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json --module checkin
	expect_fields 'length' 1 '.[0].mood' 3 '.[0].urge' 7 '.[0].contact' false \
		'.[0].text' "a long day, but I stayed"
}

t_digits_type_ten_in_mood_and_urge() {
	mend start --date 2026-01-01
	tui_start 80 24
	open_checkin
	type "1"
	type "0"
	keys Enter
	wait_for "urge to contact them?"
	type "1"
	type "0"
	keys Enter
	wait_for "Was there contact"
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	finish_after_note
	wait_for "Mood 10/10 today"
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json --module checkin
	expect_fields '.[0].mood' 10 '.[0].urge' 10
}

t_contact_by_them_keeps_the_count_and_nothing_picks_me() {
	mend start --date 2026-01-01
	tui_start 80 24
	open_checkin
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	wait_for "Was there contact"
	type "y"
	wait_for "Who reached out?"
	expect_attr "They reached out, and I did not reply" reverse
	expect_not_attr "I reached out, or I replied" reverse
	keys Enter
	wait_for "Was it necessary"
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	finish_after_note
	wait_for "No contact: day 10"
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend periods --json
	expect_eq "$(json 'length')" 1 "periods"
	mend list --json --module nocontact
	expect_fields 'length' 1 '.[0].by' them '.[0].restarted_period' false
}

t_contact_by_me_asks_first_and_no_logs_nothing() {
	mend start --date 2026-01-01
	tui_start 80 24
	open_checkin
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
	type "n"
	wait_for "Nothing was logged."
	wait_for "Was there contact"
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	finish_after_note
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend status --json
	expect_fields .contacts 0 .periods 1 .no_contact_days 10
}

t_contact_already_logged_since_last_checkin_is_not_logged_again() {
	MEND_NOW=2026-01-10T20:00:00Z mend start --date 2026-01-01
	MEND_NOW=2026-01-10T20:00:00Z mend checkin --mood 5 --no-contact
	MEND_NOW=2026-01-11T07:00:00Z mend contact --by me
	tui_start 80 24
	open_checkin
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	wait_for "already logged"
	expect_whole "Yes: a contact since your last check-in is already logged."
	screen | grep -qF "y  yes" && fail "it asked again"
	keys Enter
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	finish_after_note
	screen | grep -qF "0 days" && fail "a stretch of 0 days was mentioned"
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods"
	mend status --json
	expect_fields .contacts 1
	mend list --json --module checkin
	expect_eq "$(json '.[0].contact')" true "today's check-in says contact"
}

# Two low days before, today low too, and today is day 7 (a milestone).
low_days_on_a_milestone() {
	mend start --date 2026-01-04
	MEND_NOW=2026-01-09T20:00:00Z mend checkin --mood 2
	MEND_NOW=2026-01-10T20:00:00Z mend checkin --mood 1
	mend config crisis-line "Samaritans 116 123, free at any hour"
	tui_start "$1" "$2"
	open_checkin
	type "2"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	wait_for "Was there contact"
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	finish_after_note
	expect_whole "$LOW_MOOD"
	fits_on_screen
	wait_for "h  help now"
	wait_for "Press Enter to go home."
	# the note comes before the milestone's praise, if that fits at all
	local note_row praise_row
	note_row=$(screen | grep -nF "Your last few check-ins" | cut -d: -f1)
	praise_row=$(screen | grep -nF "Day 7." | cut -d: -f1)
	[ -n "$note_row" ] || fail "the note's first line is not on screen"
	[ -z "${PRAISE_EXPECTED:-}" ] || [ -n "$praise_row" ] ||
		fail "the milestone's praise is missing:
$(screen)"
	[ -z "$praise_row" ] || [ "$praise_row" -gt "$note_row" ] ||
		fail "the praise is above the hard-days note:
$(screen)"
	screen >"$TMPDIR/summary.txt"
	type "h"
	wait_for "Help now"
	expect_whole "$LOW_MOOD"
	wait_for "Samaritans 116 123, free at any hour"
	fits_on_screen
	keys Escape
	wait_for "Thank you for checking in"
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
}

t_hard_days_note_whole_before_praise_at_80x24() {
	PRAISE_EXPECTED=1 low_days_on_a_milestone 80 24
	mend status --json
	expect_eq "$(json .low_mood)" true "low_mood"
}

t_hard_days_note_whole_at_60x18() {
	low_days_on_a_milestone 60 18
}

t_help_now_without_a_crisis_line_shows_the_note() {
	mend start --date 2026-01-04
	MEND_NOW=2026-01-09T20:00:00Z mend checkin --mood 2
	MEND_NOW=2026-01-10T20:00:00Z mend checkin --mood 1
	tui_start 60 18
	open_checkin
	type "1"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	finish_after_note
	type "h"
	wait_for "Help now"
	expect_whole "$LOW_MOOD"
	screen | grep -qF "crisis line" && fail "an unset crisis line is shown"
	keys Escape
	wait_for "Thank you for checking in"
}

t_goal_day_celebrates_with_then_and_now_and_a_new_goal() {
	mend start --date 2026-01-01 --goal 10
	MEND_NOW=2026-01-02T20:00:00Z mend checkin --mood 3 --note "everything hurts"
	MEND_NOW=2026-01-05T20:00:00Z mend urge --level 8 --note "wanted to call"
	tui_start 80 24
	open_checkin
	type "7"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	type "lighter today"
	keys Enter
	finish_after_note
	expect_whole "Day 10: you reached your goal of 10 days."
	wait_for 'Then (2026-01-02): mood 3/10, "everything hurts"'
	wait_for 'Now: mood 7/10, "lighter today"'
	expect_whole "1 urge written down, 0 messages kept."
	fits_on_screen
	type "g"
	wait_for "would you like to aim for now?"
	keys C-u
	type "45"
	keys Enter
	wait_for "Your new goal: 45 days."
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend status --json
	expect_eq "$(json .goal_days)" 45 "goal"
}

t_letter_ready_on_its_day_is_announced() {
	MEND_NOW=2026-01-10T12:00:00Z mend start --date 2026-01-01
	MEND_NOW=2026-01-10T12:00:00Z mend seal --until-day 10 "you made it here"
	expect_rc 0
	tui_start 80 24
	open_checkin
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	type "n"
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	finish_after_note
	expect_whole "A letter from your past self is ready."
}

t_slip_says_when_a_sealed_letter_now_opens() {
	mend start --date 2026-01-01
	mend seal --until-day 14 "for later"
	tui_start 80 24
	open_checkin
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	type "y"
	wait_for "Who reached out?"
	type "m"
	wait_for "Was it necessary"
	type "n"
	wait_for "Log it?"
	type "y"
	wait_for "count will start again from now"
	expect_whole "The 10 days before stay in your history."
	expect_whole "Your sealed letter now opens on day 14 of the new count, on 2026-01-25."
	fits_on_screen
	keys Enter
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	keys Enter
	# the count started again: the kind look back comes first
	wait_for "three short questions"
	keys Escape
	finish_after_note
	keys Enter
	type "q"
	wait_for "MEND_EXITED=0"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods"
}

open_nocontact() {
	wait_for "Today's check-in"
	type "n"
	wait_for "Day "
}

t_set_start_is_prefilled_and_asks_before_shortening() {
	mend start --date 2026-01-01
	tui_start 80 24
	open_nocontact
	expect_key_line goal "Esc back"
	type "s"
	wait_for "> 2026-01-01"
	keys C-u
	type "2026-01-08"
	keys Enter
	expect_whole "makes your count 3 days instead of 10."
	expect_attr "No, keep counting from before" reverse
	type "n"
	wait_for "Nothing changed"
	mend status --json
	expect_eq "$(json .no_contact_days)" 10 "kept"
	type "s"
	wait_for "> 2026-01-01"
	keys C-u
	type "2026-01-08"
	keys Enter
	wait_for "Begin a new stretch"
	type "b"
	wait_for "Saved: counting from 2026-01-08."
	wait_for "Day 3 of no contact"
	type "q"
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend periods --json
	expect_fields 'length' 2 '.[0].ended_at' 2026-01-08T00:00:00Z \
		'.[0].days' 7 '.[1].ended_at' null
}

t_undo_a_mistaken_contact_on_the_no_contact_screen() {
	mend start --date 2026-01-01
	MEND_NOW=2026-01-11T08:30:00Z mend contact --by me
	tui_start 80 24
	open_nocontact
	wait_for "Day 0 of no contact"
	wait_for "x  undo the contact of 2026-01-11 08:30"
	type "x"
	wait_for "Undo the contact you logged on 2026-01-11 08:30?"
	expect_attr "No, keep it" reverse
	keys Down Enter
	wait_for "Are you sure?"
	keys Down Enter
	wait_for "Undone, as if it never happened. Day 10 of no contact."
	wait_gone "x  undo the contact"
	type "q"
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend periods --json
	expect_fields 'length' 1 '.[0].ended_at' null '.[0].days' 10
	mend status --json
	expect_fields .contacts 0
}

t_contact_on_the_no_contact_screen_confirms_a_restart() {
	mend start --date 2026-01-01
	tui_start 80 24
	open_nocontact
	type "c"
	wait_for "Who reached out?"
	expect_attr "They reached out, and I did not reply" reverse
	type "m"
	wait_for "How?"
	keys Enter
	wait_for "Was it necessary"
	type "n"
	wait_for "This starts your count again from today. Log it?"
	type "y"
	wait_for "What happened"
	keys Enter
	# the slip review is offered; Esc says not now
	wait_for "A fresh start"
	expect_whole "10 days of space in all · longest stretch 10 days"
	keys Escape
	wait_for "Day 0 of no contact"
	type "g"
	wait_for "would you like to aim for?"
	wait_for "> 30"
	keys C-u
	type "60"
	keys Enter
	wait_for "Your goal: 60 days."
	type "q"
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods"
	mend status --json
	expect_fields .goal_days 60 .contacts 1
}

run_tests
