#!/bin/bash
# SPDX-License-Identifier: MIT
# Pause before you reach out, in the full-screen journal: ^T from any
# screen (the editor's text kept beneath it), the rating, the need, the
# message written instead, the countdown with its breathing pace and the
# user's own reasons and people, the end and its choices, leaving at any
# step; the profile check never touching the count; the slip screen
# after a contact that restarted it; the lists edited and shown on
# help now. Each test drives the real binary and reads the journal with
# sqlite3.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$MEND_DB" "$1"; }

# No line of the screen runs past the pane's width.
fits() {
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

start_home() {
	mend start --date 2026-01-01 >/dev/null
	tui_start "${1:-80}" "${2:-24}"
	wait_for "Pause first"
}

# From home to the countdown: urge 8, comfort, a message written.
to_surf() {
	type "p"
	wait_for "How strong is the urge right now"
	type "8"
	keys Enter
	wait_for "What is the urge asking for?"
	type "1"
	keys Enter
	wait_for "Write the message here instead"
	type "I miss you so much"
	keys C-d
	wait_for "left of 10 minutes"
}

t_full_pause_at_80x24_is_stored_with_levels_need_and_outcome() {
	start_home 80 24
	to_surf
	expect_whole "Kept here, unsent. Now let's wait a little."
	fits
	wait_for "breathe"
	keys Space
	wait_for "Finish now and rate the urge again"
	type "f"
	wait_for "And now? How strong is the urge"
	type "3"
	keys Enter
	wait_for "What would you like to do now?"
	fits
	type "u"
	wait_for "Urges pass"
	expect_eq "$(q "select urge, urge_after, category, step, text from entries where kind='pause'")" \
		"8|3|comfort|unsent|" "the pause row"
	expect_eq "$(q "select text from entries where kind='unsent'")" \
		"I miss you so much" "the message kept unsent"
	expect_eq "$(q "select seconds >= 0 from entries where kind='pause'")" "1" "seconds stored"
	expect_eq "$(q "select count(*) from entries where kind='contact'")" "0" "no contact"
}

t_countdown_moves_and_minutes_change() {
	start_home 80 24
	to_surf
	wait_for "09:5"
	type "-"
	wait_for "left of 9 minutes"
	type "+"
	type "+"
	wait_for "left of 11 minutes"
	type "t"
	wait_for "How long?"
	type "2"
	keys Enter
	wait_for "left of 2 minutes"
	wait_for "01:5"
}

t_surfing_screen_reads_whole_at_60x18() {
	mend reasons add "I want to feel calm again" >/dev/null
	mend people add "Sam, my sister" >/dev/null
	start_home 60 18
	to_surf
	wait_for "A reason you keep space:"
	expect_whole "I want to feel calm again"
	expect_whole "Sam, my sister"
	wait_for "breathe"
	fits
	expect_key_line "minutes"
}

t_surf_without_colour_and_in_ascii_still_paces() {
	TUI_ENV="NO_COLOR=1 MEND_ASCII=1" start_home 80 24
	to_surf
	wait_for "breathe in" 15
	screen | grep -q "breathe in.*" || fail "no word"
	screen | grep -q '#' || fail "no ASCII bar while breathing in:
$(screen)"
}

t_leaving_mid_way_keeps_the_message_and_stores_left() {
	start_home 80 24
	to_surf
	keys Space
	wait_for "Leave the pause"
	type "l"
	wait_for "What you wrote is kept"
	expect_eq "$(q "select urge, urge_after is null, step from entries where kind='pause'")" \
		"8|1|left" "left early"
	expect_eq "$(q "select text from entries where kind='unsent'")" \
		"I miss you so much" "message kept"
}

t_leaving_at_the_need_stores_the_rating() {
	start_home 80 24
	type "p"
	wait_for "How strong is the urge right now"
	type "1"
	type "0"
	keys Enter
	wait_for "What is the urge asking for?"
	keys Escape
	wait_for "What you wrote is kept"
	expect_eq "$(q "select urge, step from entries where kind='pause'")" "10|left" "urge 10, left"
}

t_own_word_for_the_need_is_kept() {
	start_home 80 24
	type "p"
	wait_for "How strong is the urge right now"
	type "6"
	keys Enter
	wait_for "What is the urge asking for?"
	type "7"
	keys Enter
	wait_for "In your own word"
	type "loneliness"
	keys Enter
	wait_for "Write the message here instead"
	keys Escape
	wait_for "left of 10 minutes"
	expect_eq "$(q "select category, text from entries where kind='unsent' or kind='pause'")" "" "nothing yet"
	keys Space
	wait_for "Leave the pause"
	type "l"
	wait_for "What you wrote is kept"
	expect_eq "$(q "select category, text, step from entries where kind='pause'")" \
		"own|loneliness|left" "own word"
}

t_ctrl_t_from_the_editor_keeps_its_text() {
	start_home 80 24
	tui_open_editor
	type "half a thought"
	keys C-t
	wait_for "How strong is the urge right now"
	keys Escape
	wait_for "half a thought"
	type " and the rest"
	wait_for "half a thought and the rest"
	tui_save_and_quit
	expect_eq "$(q "select text from entries where kind='reflection'")" \
		"half a thought and the rest" "editor text"
}

t_ctrl_t_shows_in_every_help_with_help_now() {
	start_home 80 24
	type "?"
	wait_for "Keys on this screen"
	keys Down Down Down Down Down Down Down Down Down Down Down Down
	wait_for "^T"
	keys Escape
	wait_for "Today's check-in"
	type "n"
	wait_for "No contact"
	keys F1
	wait_for "Press h for help now"
	keys C-t
	wait_for "How strong is the urge right now"
	type "?"
	wait_for "Press h for help now"
	type "h"
	wait_for "You do not have to get through this alone."
	expect_whole "Call your local emergency number now (112, 911 or 999)."
}

t_contact_outcome_restarts_and_opens_the_slip_screen() {
	start_home 80 24
	to_surf
	keys Space
	wait_for "Finish now"
	type "f"
	wait_for "And now?"
	type "7"
	keys Enter
	wait_for "What would you like to do now?"
	type "c"
	wait_for "How?"
	type "1"
	keys Enter
	wait_for "A fresh start"
	expect_whole "10 days of space in all · longest stretch 10 days"
	fits
	keys Enter
	wait_for "What was happening just before?"
	type "alone after work"
	keys Enter
	wait_for "What did you feel?"
	keys Escape
	wait_for "What made it easy to reach out?"
	type "1"
	keys Enter
	wait_for "Kept, for next time"
	expect_eq "$(q "select step from entries where kind='pause'")" "contact" "outcome"
	expect_eq "$(q "select initiator, breaks_period from entries where kind='contact'")" "me|1" "contact restarted"
	expect_eq "$(q "select step from entries where kind='slip'")" "number" "what made it easy"
	expect_eq "$(q "select text from entries where kind='slip'")" "What was happening
alone after work" "answers with headings"
}

t_necessary_outcome_keeps_the_count() {
	start_home 80 24
	to_surf
	keys Space
	type "f"
	wait_for "And now?"
	keys Enter
	wait_for "What would you like to do now?"
	type "n"
	wait_for "How?"
	type "2"
	keys Enter
	wait_gone "How?"
	expect_eq "$(q "select necessary, breaks_period from entries where kind='contact'")" "1|0" "necessary"
	expect_eq "$(q "select step from entries where kind='pause'")" "necessary" "outcome"
	expect_eq "$(q "select count(*) from periods")" "1" "one period"
}

t_contact_from_no_contact_screen_offers_the_slip_review() {
	start_home 80 24
	type "n"
	wait_for "No contact"
	type "c"
	wait_for "Who reached out?"
	type "m"
	wait_for "How?"
	keys Enter
	wait_for "necessary"
	type "n"
	wait_for "starts your count again"
	type "y"
	wait_for "What happened"
	keys Enter
	wait_for "A fresh start"
	keys Escape
	wait_gone "A fresh start"
	expect_eq "$(q "select count(*) from entries where kind='slip'")" "0" "skipped"
}

t_lists_are_edited_and_shown_on_help_now() {
	start_home 80 24
	type "p"
	wait_for "How strong is the urge"
	type "k"
	wait_for "Your reasons for keeping space"
	type "a"
	wait_for "In a line of your own"
	type "I deserve peace"
	keys Enter
	wait_for "I deserve peace"
	keys Tab
	wait_for "People you could reach instead"
	type "a"
	type "Jo, 0170 555 0101"
	keys Enter
	wait_for "Jo, 0170 555 0101"
	type "a"
	type "Mum"
	keys Enter
	wait_for " 2 Mum"
	type "e"
	wait_for "Change it"
	keys C-u
	type "Mum, any time"
	keys Enter
	wait_for "Mum, any time"
	type "d"
	wait_for 'Delete "Mum, any time"?'
	type "y"
	wait_gone "Mum, any time"
	expect_eq "$("$MEND" people)" "1  Jo, 0170 555 0101" "people"
	expect_eq "$("$MEND" reasons)" "1  I deserve peace" "reasons"
	keys Escape
	wait_for "How strong is the urge"
	keys Escape
	wait_for "Pause first"
	type "h"
	wait_for "People you could reach now:"
	expect_whole "Jo, 0170 555 0101"
	expect_whole "Call your local emergency number now"
	fits
}

t_help_now_shows_people_on_a_low_mood_day_at_60x18() {
	mend people add "Alex, from work" >/dev/null
	for d in 2026-01-09 2026-01-10 2026-01-11; do
		MEND_NOW=${d}T08:00:00Z mend checkin --mood 2 --no-contact >/dev/null
	done
	mend config crisis-line "0800 111 0111" >/dev/null 2>&1 || true
	start_home 60 18
	wait_for "Press h for help now."
	type "h"
	wait_for "People you could reach now:"
	expect_whole "Alex, from work"
	expect_whole "emergency number"
	fits
}

t_profile_and_pause_read_in_review() {
	mend profile --urge 4 --note "saw a photo" >/dev/null
	mend pause --urge 9 --need anger --after 2 --minutes 5 >/dev/null
	start_home 80 24
	type "v"
	wait_for "urge 9 → 2 · 5 min · needed anger"
	wait_for "looked at their profile · urge 4"
	expect_eq "$(q "select count(*) from periods")" "1" "profile kept the period"
}


# mend pause on a terminal (a pane of its own): the steps in plain lines,
# the countdown on one updating line, Enter to end it early; Ctrl-C
# leaves and keeps what was written.
cli_pause_start() {
	printf '#!/bin/sh\nexec "%s" pause\n' "$MEND" >"$TMPDIR/pause.sh"
	chmod +x "$TMPDIR/pause.sh"
	MEND="$TMPDIR/pause.sh" tui_start 80 24
	wait_for "How strong is the urge right now"
}

t_cli_pause_on_a_terminal_walks_the_steps() {
	mend reasons add "I want peace more than an answer" >/dev/null
	cli_pause_start
	type "7"; keys Enter
	wait_for "Number (Enter to skip):"
	type "4"; keys Enter
	wait_for "Enter alone to skip"
	type "I wanted to say I am sorry"; keys Enter
	wait_for "I want peace more than an answer"
	wait_for "Minutes, 1 to 60"
	type "1"; keys Enter
	wait_for "breathe"
	wait_for "00:5"
	keys Enter
	wait_for "And now?"
	type "3"; keys Enter
	wait_for "Number (Enter: 1):"
	keys Enter
	wait_for "MEND_EXITED=0"
	expect_eq "$(q "select urge, urge_after, category, step, seconds >= 0 from entries where kind='pause'")" \
		"7|3|closeness|unsent|1" "pause"
	expect_eq "$(q "select text from entries where kind='unsent'")" "I wanted to say I am sorry" "unsent"
}

t_cli_pause_ctrl_c_leaves_and_keeps_what_was_written() {
	cli_pause_start
	type "9"; keys Enter
	wait_for "Number (Enter to skip):"
	keys Enter
	wait_for "Enter alone to skip"
	type "please answer me"; keys Enter
	wait_for "Minutes, 1 to 60"
	keys Enter
	wait_for "10:00"
	keys C-c
	wait_for "MEND_EXITED=0"
	expect_eq "$(q "select urge, urge_after is null, step from entries where kind='pause'")" "9|1|left" "left"
	expect_eq "$(q "select text from entries where kind='unsent'")" "please answer me" "kept"
}

t_sigterm_in_a_pause_over_the_editor_keeps_both_texts() {
	start_home 80 24
	tui_open_editor
	type "the reflection I was writing"
	keys C-t
	wait_for "How strong is the urge right now"
	type "6"
	keys Enter
	wait_for "What is the urge asking for?"
	keys Enter
	wait_for "Write the message here instead"
	type "the message I will not send"
	wait_for "the message I will not send"
	kill -TERM "$(tui_pid)" || fail "no mend process to signal"
	wait_for "MEND_EXITED=143"
	expect_eq "$(q "select text from drafts where discarded_at is null order by text")" \
		"the message I will not send
the reflection I was writing" "both drafts kept"
	expect_eq "$(q "select urge, step from entries where kind='pause'")" "6|left" "the pause kept as left"
}

t_contact_on_a_terminal_points_to_mend_slip() {
	mend start --date 2026-01-01 >/dev/null
	printf '#!/bin/sh\n"%s" contact --by me\n' "$MEND" >"$TMPDIR/contact.sh"
	chmod +x "$TMPDIR/contact.sh"
	MEND="$TMPDIR/contact.sh" tui_start 80 24
	wait_for "MEND_EXITED=0"
	expect_whole "Days of space so far: 10 in all; the longest stretch was 10."
	expect_whole "mend slip asks three short questions"
}

run_tests
