#!/bin/bash
# SPDX-License-Identifier: MIT
# The exercises in the full-screen journal, each driven end to end as a
# person would (home's x, the list, the steps with their source, the
# writing under the exercise's headings with a countdown where it has a
# timer, the rating it ends with), the entries then read back from the
# journal; the rumination question leading to the gentler writing; a
# draft that survives leaving; and every screen read whole at 60x18.
. "$(dirname "$0")/lib.sh"

q() {
	sqlite3 "$MEND_DB" "$1"
}

# open_exercise N SOURCE [COLS ROWS]: from a fresh home, the N-th
# exercise, its first screen showing SOURCE
open_exercise() {
	mend start --date 2026-01-01
	tui_start "${3:-80}" "${4:-24}"
	wait_for "Today's check-in"
	type "x"
	wait_for "From the research."
	type "$1"
	wait_for "$2"
}

t_expressive_writing_counts_down_and_is_saved() {
	open_exercise 1 "From: Lepore & Greenberg 2002"
	expect_whole "Try it on three or four days in a row."
	expect_whole "Press Enter to begin; a 15-minute timer starts."
	keys Enter
	wait_for "[y/n]"
	expect_whole "do you keep going over why it happened"
	type "n"
	wait_for "What happened, and how it feels"
	wait_for " left · "
	local first
	first=$(screen | grep -o '1[45]:[0-9][0-9] left' | head -1)
	[ -n "$first" ] || fail "no 15-minute countdown: $(screen)"
	wait_gone "$first" 5
	screen | grep -q '14:[0-9][0-9] left' || fail "the countdown did not go on: $(screen)"
	type "It ended on a Sunday, in the kitchen."
	keys C-d
	wait_for "Saved."
	expect_whole "Thank you for writing."
	expect_eq "$(q "select kind, module, step, seconds >= 1 from entries")" \
		"exercise|path|expressive|1" "the entry"
	expect_eq "$(q "select text from entries")" "What happened, and how it feels
It ended on a Sunday, in the kitchen." "its text"
	keys Enter
	wait_for "From the research."
	# meant for a few days in a row: the first screen says where they are
	type "1"
	wait_for "You have written on 1 of the last 4 days."
	keys Escape
	wait_for "From the research."
	keys Escape
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
}

t_going_over_why_leads_to_the_gentler_writing() {
	open_exercise 1 "From: Lepore & Greenberg 2002"
	keys Enter
	wait_for "[y/n]"
	type "y"
	wait_for "Just the day"
	expect_whole "a gentler way may suit you better for now"
	wait_for "From: Sbarra, Boals, Mason, Larson & Mehl 2013"
	expect_whole "Press Enter to begin; a 10-minute timer starts."
	keys Enter
	wait_for "10:00 left"
	type "Work, the shop, a call with my sister."
	keys C-d
	wait_for "Saved."
	expect_whole "A plain day written down"
	expect_eq "$(q "select step from entries")" steady "the gentler exercise"
	expect_eq "$(q "select count(*) from entries where step = 'expressive'")" 0 \
		"expressive writing saved anyway"
}

t_self_compassion_break_and_letter_are_saved() {
	open_exercise 2 "From: Sbarra, Smith & Mehl 2012"
	expect_whole '"This is a moment of hurt."'
	expect_whole '"May I be gentle with myself right now."'
	keys Enter
	wait_for "A letter from a kind friend"
	screen | grep -q " left · " && fail "a countdown where there is no timer"
	type "Dear me, you are doing better than you think."
	keys C-d
	wait_for "Saved."
	expect_whole "Keep this letter."
	expect_eq "$(q "select step, text from entries")" "compassion|A letter from a kind friend
Dear me, you are doing better than you think." "the letter"
}

t_seeing_them_as_they_were_keeps_both_headings_and_offers_something_pleasant() {
	open_exercise 3 "From: Langeslag & Sanchez 2018"
	expect_whole "it can also lower your mood for a while"
	keys Enter
	wait_for "Where it did not work"
	type "Late, always, and proud of it."
	keys Down Down Down
	type "We wanted different lives."
	keys C-d
	wait_for "Saved."
	expect_whole "Now do something pleasant for ten minutes"
	expect_eq "$(q "select step from entries")" asthey "step"
	expect_eq "$(q "select text from entries")" "Their less lovable sides
Late, always, and proud of it.

Where it did not work
We wanted different lives." "both parts under their headings"
}

t_who_am_i_now_ends_with_the_weekly_clarity_rating() {
	open_exercise 4 "From: Slotter, Gardner & Finkel 2010"
	keys Enter
	wait_for "What matters to me"
	type "Climbing on Thursdays."
	keys C-d
	wait_for "how clear is who you are"
	wait_for "7  very clear"
	type "5"
	keys Enter
	wait_for "Clarity this week: 5 of 7."
	expect_eq "$(q "select kind, step, score from entries order by id")" "exercise|whoami|
clarity||5" "the exercise and the rating"
	# the headings nothing was written under are left out
	expect_eq "$(q "select text from entries where kind = 'exercise'")" "What I like doing
Climbing on Thursdays." "the text"
}

t_plan_something_good_ends_with_the_mood_after() {
	open_exercise 5 "From: Cuijpers, van Straten & Warmerdam 2007"
	keys Enter
	wait_for "Something small to get done"
	type "A film with Sam."
	keys Down Down Down
	type "Answer one email."
	keys C-d
	wait_for "Your mood after it"
	type "7"
	keys Enter
	wait_for "Mood after: 7/10."
	expect_eq "$(q "select step, mood from entries")" "plan|7" "the plan and its mood"
	expect_eq "$(q "select text from entries")" "Something pleasant
A film with Sam.

Something small to get done
Answer one email." "the plan"
}

t_a_plan_left_unrated_is_still_saved() {
	open_exercise 5 "From: Cuijpers"
	keys Enter
	wait_for "Something small to get done"
	type "A swim."
	keys C-d
	wait_for "Your mood after it"
	keys Escape
	wait_for "Saved."
	expect_eq "$(q "select step, mood is null from entries")" "plan|1" "saved without a mood"
}

t_what_i_gained_with_its_timer_is_saved() {
	open_exercise 6 "From: Lewandowski 2009"
	keys Enter
	wait_for "What the ending has given me"
	wait_for "15:00 left"
	type "My evenings, and my old friends back."
	keys C-d
	wait_for "Saved."
	expect_whole "these gains are yours to keep"
	expect_eq "$(q "select step from entries")" gained "step"
	mend list --kind exercise
	expect_out "What I gained"
}

t_nothing_written_saves_nothing() {
	open_exercise 6 "From: Lewandowski 2009"
	keys Enter
	wait_for "What the ending has given me"
	keys C-d
	wait_for "A few words under any heading are enough."
	expect_eq "$(q "select count(*) from entries")" 0 "entries"
}

t_leaving_keeps_the_writing_as_a_draft() {
	open_exercise 6 "From: Lewandowski 2009"
	keys Enter
	wait_for "What the ending has given me"
	type "Time to read again."
	wait_for "draft saved" 15
	kill -KILL "$(tui_pid)" || fail "no mend to kill"
	wait_for "MEND_EXITED=137"
	tui_stop
	tui_start 80 24
	wait_for "You have unsaved writing"
	wait_for "What the ending has given"
	type "r"
	wait_for "What I gained"
	wait_for "Time to read again."
	keys C-d
	wait_for "Saved."
	expect_eq "$(q "select step, text from entries")" "gained|What the ending has given me
Time to read again." "the restored writing, saved"
}

t_every_exercise_screen_reads_whole_at_60x18() {
	local n
	local src=("Lepore & Greenberg 2002" "Sbarra, Smith & Mehl 2012"
		"Langeslag & Sanchez 2018" "Slotter, Gardner & Finkel 2010"
		"Cuijpers, van Straten & Warmerdam 2007" "Lewandowski 2009")
	local last=("Feeling stirred up right after is common and tends to pass."
		"as a friend who knows everything and loves you would write it."
		"Afterwards, do something pleasant for ten minutes"
		"Then rate how clear who you are feels this week, from 1 to 7."
		"Then rate your mood, now or once you have done them."
		"This looks at one side only, on purpose.")
	mend start --date 2026-01-01
	tui_start 60 18
	wait_for "Today's check-in"
	expect_whole "x  Exercises"
	expect_whole "q  Quit"
	type "x"
	wait_for "From the research."
	expect_whole "From the research. They help many people; they are not treatment."
	expect_whole "Seeing them as they were"
	expect_whole "From: Lepore & Greenberg 2002"
	[ "$(widest)" -le 60 ] || fail "the list runs past 60 columns"
	for n in 0 1 2 3 4 5; do
		type "$((n + 1))"
		wait_for "From: ${src[n]}"
		expect_whole "From: ${src[n]}"
		expect_whole "Press Enter to begin"
		expect_whole "1. "
		expect_key_line Enter Esc
		[ "$(widest)" -le 60 ] || fail "exercise $((n + 1)) runs past 60 columns"
		# the last step, scrolled to where the window is short
		keys Down Down Down Down Down Down
		sleep 0.3
		expect_whole "${last[n]}"
		keys Escape
		wait_for "From the research."
	done
	# the writing screen and a rating, too
	type "4"
	wait_for "From: Slotter"
	keys Enter
	wait_for "What matters to me"
	expect_whole "your own activities, values and people, and how clear that feels"
	type "Friends from school."
	keys C-d
	wait_for "7  very clear"
	expect_whole "1  not clear at all"
	expect_whole "This week, how clear is who you are?"
}

run_tests
