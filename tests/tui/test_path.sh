#!/bin/bash
# SPDX-License-Identifier: MIT
# The guided path in the full-screen journal: the path screen from home
# (y) and a stage change read on the screen and in the journal, following
# the suggestion again, the low-contact choice, the morning intention and
# the evening look-back offered on home (written, or skipped with one
# key), the path after a decision, and the screens whole at 80x24 and
# 60x18 with the hard-days note always shown in full.
. "$(dirname "$0")/lib.sh"

LOW_MOOD="Your last few check-ins have been very low. That is a lot to carry, and you do not have to carry it alone. It may help to talk with someone you trust, or with a doctor, counselor or therapist. If you are in danger or thinking about harming yourself, please contact your local emergency services now."

setting() {
	sqlite3 "$MEND_DB" "SELECT value FROM settings WHERE key = '$1'"
}

# No line of the screen runs past the pane's width.
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

# wait_for_step: home shows the start of today's step (its label is
# shorter where the line is narrow)
wait_for_step() {
	mend today --json
	wait_for "$(json .text | cut -c1-16)"
}

open_path() {
	wait_for "Your path"
	type "y"
	wait_for "Follow the suggestion"
}

t_stage_change_in_the_path_screen_is_saved() {
	mend start --date 2026-01-05
	tui_start 80 24
	open_path
	wait_for "Space  ← you are here"
	expect_whole "Time to move on? Two weeks or so have passed"
	# home has today's step on one line; here it is whole
	mend today --json
	expect_whole "Today's step: $(json .text)"
	keys Down Down
	wait_for "Rebuilding is small and steady"
	keys Enter
	wait_for "Your path is now at Rebuilding."
	wait_for "Rebuilding  ← you are here"
	wait_for "Space  · suggested"
	expect_eq "$(setting stage)" rebuilding "stage setting"
	mend today --json
	expect_fields .stage rebuilding .stage_chosen true
	type "1"
	wait_for "Your path is now at Space."
	expect_eq "$(setting stage)" space "stage setting"
	type "a"
	wait_for "Following the suggestion: Space."
	expect_eq "$(setting stage)" "" "stage setting after following again"
	keys Escape
	wait_for "Today's check-in"
}

t_low_contact_is_a_choice_on_the_path_screen() {
	mend start --date 2026-01-01
	tui_start 80 24
	open_path
	wait_for "No contact is the aim (m to change)."
	type "m"
	wait_for "children, work"
	type "y"
	wait_for "Low contact: necessary contact never restarts the count."
	wait_for "the count tracks contact beyond what is necessary (m)"
	expect_eq "$(setting contact-mode)" low "contact-mode setting"
	keys Escape
	wait_for "days without contact beyond what is necessary"
	tui_stop
	tui_start 60 18
	wait_for "days of low contact"
	fits_on_screen
}

t_intention_is_offered_in_the_morning_and_saved() {
	mend start --date 2026-01-05
	MEND_NOW=2026-01-11T08:00:00Z
	tui_start 80 24
	wait_for "An intention for today? t to set one, s to skip"
	type "t"
	wait_for "This morning"
	keys C-u
	type "Today I'll go for a walk."
	keys Enter
	wait_for "Saved your intention for today."
	wait_gone "An intention for today?"
	wait_for_step
	mend list --json
	expect_fields '.[0].kind' intention '.[0].text' "Today I'll go for a walk." \
		'.[0].step' space
}

t_intention_is_skipped_with_one_key_for_the_day() {
	mend start --date 2026-01-05
	MEND_NOW=2026-01-11T07:30:00Z
	tui_start 80 24
	wait_for "An intention for today?"
	type "s"
	wait_for "No intention today; that is fine too."
	wait_gone "An intention for today?"
	expect_eq "$(setting intention-skipped)" 2026-01-11 "skipped day"
	tui_stop
	tui_start 80 24
	wait_for_step
	expect_eq "$(screen | grep -c 'An intention for today')" 0 "offered again"
	mend list --json
	expect_eq "$(json length)" 0 "entries after a skip"
}

t_lookback_is_offered_in_the_evening_with_a_mood() {
	mend start --date 2026-01-05
	MEND_NOW=2026-01-11T19:30:00Z
	tui_start 60 18
	wait_for "How did today go? t · s skips"
	fits_on_screen
	type "t"
	wait_for "A few words"
	type "Quieter than yesterday."
	keys Enter
	wait_for "How did it feel, 1 to 10?"
	type "7"
	keys Enter
	wait_for "Thank you for looking back on today."
	wait_gone "How did today go?"
	mend list --json
	expect_fields '.[0].kind' lookback '.[0].text' "Quieter than yesterday." \
		'.[0].mood' 7
}

t_after_reconnect_the_path_follows_the_decision() {
	mend start --date 2026-01-01
	mend decide reconnect --note "we talked it through"
	tui_start 80 24
	wait_for "since the last contact"
	expect_eq "$(screen | grep -c 'goal 30')" 0 "the no-contact goal on home"
	open_path
	wait_for "Suggested: Deciding and accepting (you decided)."
	wait_for "Deciding and accepting  ← you are here"
	expect_whole "The count of days apart is no longer the goal"
	expect_whole "Getting back together is not always the healthy outcome"
	expect_eq "$(screen | grep -c 'No contact is the aim')" 0 "no contact as the aim"
	keys Up
	wait_for "Rebuilding is small and steady"
	wait_for "After your decision, the no-contact count is no longer the goal."
}

t_home_and_path_whole_at_80x24_and_60x18() {
	local size
	mend start --date 2026-01-01
	for d in 08 09 10; do
		MEND_NOW=2026-01-${d}T20:00:00Z mend checkin --mood 2 --urge 5 --no-contact
	done
	for size in "80 24" "60 18"; do
		# shellcheck disable=SC2086
		tui_start $size
		wait_for "Press h for help now."
		# the note's column, left of the menu
		expect_whole "$LOW_MOOD" 0 $((${size% *} - 23))
		fits_on_screen
		open_path
		for k in 1 2 3 4; do
			keys Down
			sleep 0.1
		done
		keys Up Up Up Up
		wait_for "Space  ← you are here"
		expect_whole "Time to move on? Two weeks or so have passed, you have written a few times, and the urges come less often or ease sooner."
		expect_whole "Sleep, eat, let people near you."
		fits_on_screen
		keys Down
		wait_for "Understanding is not blame"
		expect_whole "Understanding is not blame, of them or of yourself."
		expect_whole "Time to move on? Five weeks or more"
		keys Down
		wait_for "on your own again."
		expect_whole "You are finding out who you are on your own again."
		keys Down
		wait_for "whatever you decide."
		expect_whole "Acceptance is making peace with what is, whatever you decide."
		expect_whole "Time to move on? This is the last stage"
		fits_on_screen
		tui_stop
	done
}

run_tests
