#!/bin/bash
# SPDX-License-Identifier: MIT
# Insights in the full-screen journal, read off the screen: a journal of
# known check-ins (with days left out), tags, time for oneself and urges
# is built with the command line, then each page is opened with `i` from
# home and read at 80x24 and 60x18, under both TERMs the tests use. Days
# without a check-in are gaps in the chart, never zero bars; the year
# shows its months and its legend; the figures on "what seems to help"
# are the ones the export gives; nothing is cut; ASCII stands in where
# it is asked for; a note on the week is kept as a `week` entry; home
# offers the week on its first day, and then-and-now on the goal day.
. "$(dirname "$0")/lib.sh"

# The clock is pinned at Sunday 2026-01-11 09:00 UTC. Check-ins on the
# 20 days before and today, but none 3, 7 and 12 days ago. Moods are
# (k % 9) + 1 for k days ago, today 6. Even days carry the quick tag
# "sleep"; 1, 2, 4, 5 and 6 days ago something was done for the body.
GAPS=" 3 7 12 "
FIRST_DAY=2025-12-22 # 20 days ago: the chart's first column
known_journal() {
	mend start --date 2025-12-01
	expect_rc 0
	local k tag
	for k in $(seq 1 20); do
		[[ "$GAPS" == *" $k "* ]] && continue
		tag=()
		[ $((k % 2)) -eq 0 ] && tag=(--tag sleep)
		mend checkin --mood $(((k % 9) + 1)) --urge $((k % 5)) \
			--date "-${k}d" "${tag[@]}" --note "note of day $k"
		expect_rc 0
	done
	mend checkin --mood 6 --urge 2 --note "a lighter morning"
	expect_rc 0
	for k in 1 2 4 5 6; do
		MEND_NOW=$(date -u -d "2026-01-11 12:00 $k days ago" +%Y-%m-%dT%H:%M:%SZ) \
			mend grow --category body --minutes 20 "a walk"
		expect_rc 0
	done
	MEND_NOW=2026-01-10T21:00:00Z mend urge --level 7 --note "wanted to write"
	expect_rc 0
	MEND_NOW=2026-01-09T22:30:00Z mend urge --level 5
	expect_rc 0
}

# The characters of the chart's bottom row (the line above the one that
# names the first day), from the chart's first column on.
chart_row() {
	screen | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
for i, l in enumerate(lines):
    if sys.argv[1] in l and i > 0:
        print(lines[i - 1][5:])
        break
' "$FIRST_DAY"
}

# Check the bottom row: k days ago is column 20 - k; a gap (GAP, a dim
# dot or a blank under ASCII) exactly where no check-in was made.
expect_gaps() {
	local gap=$1 row k c
	row=$(chart_row)
	[ -n "$row" ] || fail "no chart with its first day $FIRST_DAY:
$(screen)"
	for k in $(seq 0 20); do
		c=${row:$((20 - k)):1}
		if [[ "$GAPS" == *" $k "* ]]; then
			[ "$c" = "$gap" ] || fail "$k days ago has no check-in but shows '$c', not a gap:
$(screen)"
		else
			[ -n "$c" ] && [ "$c" != "$gap" ] && [ "$c" != " " ] ||
				fail "$k days ago has a check-in but shows '$c':
$(screen)"
		fi
	done
}

open_insights() {
	wait_for "Insights"
	type "i"
	wait_for "Mood and urges"
}

# Nothing drawn past the content area, nothing ended in an ellipsis.
expect_fits() {
	local cols=$1 w
	w=$(widest)
	[ "$w" -le $((cols - 2)) ] || fail "text reaches column $w of $cols:
$(screen)"
	screen | sed '$d' | grep -qF "…" && fail "something is cut:
$(screen)"
	return 0
}

t_the_mood_chart_leaves_gaps_where_no_check_in_was_made() {
	known_journal
	local size term
	for term in tmux-256color xterm-256color; do
		for size in "80 24" "60 18"; do
			TUI_TERM=$term tui_start $size
			open_insights
			wait_for "Mood by day"
			expect_gaps "·"
			# the last column is today, the first the first check-in
			chart_row | grep -qE '^[▁▂▃▄▅▆▇█]' || fail "the first day is not a bar:
$(screen)"
			expect_whole "2026-01-11"
			expect_whole "no check-in"
			expect_key_line page back
			expect_fits "${size% *}"
			tui_stop
		done
	done
}

t_the_chart_goes_by_week_and_by_month() {
	known_journal
	tui_start 80 24
	open_insights
	type "w"
	wait_for "Mood by week"
	# the weeks from the one of 2025-12-22 (a Monday) to this one
	expect_whole "2025-12-22"
	expect_whole "2026-01-05"
	type "m"
	wait_for "Mood by month"
	expect_whole "2025-12-01"
	expect_whole "2026-01-01"
	type "d"
	wait_for "Mood by day"
	expect_gaps "·"
}

t_the_averages_over_7_and_30_days_are_the_journals() {
	known_journal
	mend export
	expect_rc 0
	# the 7 days ending today: today and 1..6 days ago, less the gap at 3
	local want
	want=$(jq -r '[.entries[] | select(.kind == "checkin" and .day >= "2026-01-05") | .mood] |
		add / length' "$OUT" | awk '{ printf "%.1f", $1 }')
	tui_start 80 24
	open_insights
	expect_whole "7 days $want"
}

t_the_year_shows_its_months_and_its_legend() {
	known_journal
	local size term m
	for term in tmux-256color xterm-256color; do
		for size in "80 24" "60 18"; do
			TUI_TERM=$term tui_start $size
			open_insights
			type "2"
			wait_for "A year in pixels"
			wait_for "2026 · 9 days with a check-in"
			for m in Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec; do
				expect_word "$m"
			done
			expect_whole "1-2"
			expect_whole "9-10"
			expect_whole "no check-in"
			expect_fits "${size% *}"
			# the year before holds December's check-ins
			type "["
			wait_for "2025 · 9 days with a check-in"
			type "["
			wait_for "no check-ins before this year"
			type "]"
			wait_for "2026 · 9 days"
			tui_stop
		done
	done
}

t_the_year_gives_each_mood_band_its_own_glyph() {
	known_journal
	tui_start 80 24
	open_insights
	type "2"
	wait_for "2026 · 9 days"
	# 2026-01-01 is a Thursday: the first column, the Thursday row;
	# 10 days ago, mood (10 % 9) + 1 = 2, the lowest band
	local row
	row=$(screen | grep -E '^  Th ')
	[ "${row:5:1}" = "▁" ] || fail "1 January (mood 2) is not the lowest band:
$(screen)"
	# 2026-01-04 (7 days ago, no check-in) is a Sunday: a dot
	row=$(screen | grep -E '^  Su ')
	[ "${row:5:1}" = "·" ] || fail "4 January (no check-in) is not a dot:
$(screen)"
}

# The figures of "what seems to help", computed here from the export.
help_figures() {
	mend export
	expect_rc 0
	jq -r --arg tag "$1" '
		[.entries[] | select(.kind == "checkin")] as $c |
		($c | map(select((.tags // []) | index($tag))) | map(.mood)) as $w |
		($c | map(select((.tags // []) | index($tag) | not)) | map(.mood)) as $o |
		"\($w | add / length) \($w | length) \($o | add / length) \($o | length)"' "$OUT" |
		awk '{ printf "%.1f (n = %d); on other days %.1f (n = %d)", $1, $2, $3, $4 }'
}

body_figures() {
	mend export
	expect_rc 0
	jq -r '
		[.entries[] | select(.kind == "growth" and .category == "body") | .created_at[0:10]] as $g |
		[.entries[] | select(.kind == "checkin")] as $c |
		($c | map(select(.day as $d | $g | index($d))) | map(.mood)) as $w |
		($c | map(select(.day as $d | $g | index($d) | not)) | map(.mood)) as $o |
		"\($w | add / length) \($w | length) \($o | add / length) \($o | length)"' "$OUT" |
		awk '{ printf "%.1f (n = %d); on other days %.1f (n = %d)", $1, $2, $3, $4 }'
}

t_what_helps_shows_the_figures_the_export_gives() {
	known_journal
	local sleep body size
	sleep=$(help_figures sleep)
	body=$(body_figures)
	[ -n "$sleep" ] && [ -n "$body" ] || fail "the export gave no figures"
	for size in "80 24" "60 18"; do
		tui_start $size
		open_insights
		type "4"
		wait_for "What seems to help"
		expect_whole "does not say one made the other"
		expect_whole "your mood was on average $sleep"
		# the growth row may be below the window at 60x18: scroll
		local tries=0
		until screen | python3 "$SCREEN_PY" whole "your mood was on average $body"; do
			tries=$((tries + 1))
			[ $tries -gt 10 ] && fail "no row for time for your body with $body:
$(screen)"
			keys Down
			sleep 0.1
		done
		expect_fits "${size% *}"
		tui_stop
	done
}

t_no_contact_over_time_shows_the_stretch_and_the_urges() {
	known_journal
	local size
	for size in "80 24" "60 18"; do
		tui_start $size
		open_insights
		type "3"
		wait_for "No contact over time"
		# 2025-12-01 to 2026-01-11
		expect_whole "41 days of space in all"
		expect_whole "the longest stretch: 41 days"
		expect_whole "2025-12-01 to now"
		expect_whole "2 urges written down"
		expect_fits "${size% *}"
		tui_stop
	done
}

t_urges_by_hour_and_weekday() {
	known_journal
	local size
	for size in "80 24" "60 18"; do
		tui_start $size
		open_insights
		type "5"
		wait_for "When urges come"
		expect_whole "2 urges and pauses"
		expect_whole "By hour of the day (most: 1)"
		# Saturday the 10th and Friday the 9th: one each
		screen | grep -qE '^  Fri █+ 1 *$' || fail "Friday has not one urge:
$(screen)"
		screen | grep -qE '^  Sat █+ 1 *$' || fail "Saturday has not one urge:
$(screen)"
		screen | grep -qE '^  Mon +0 *$' || fail "Monday is not empty:
$(screen)"
		expect_fits "${size% *}"
		tui_stop
	done
}

t_look_back_shows_what_was_written_then_and_the_mood_then_and_now() {
	known_journal
	MEND_NOW=2025-12-12T10:00:00Z mend reflect "the first quiet evening"
	expect_rc 0
	mend checkin --mood 4 --date 2025-12-11 --note "a month back"
	expect_rc 0
	tui_start 80 24
	open_insights
	type "6"
	wait_for "Look back"
	expect_whole "your mood now is 6/10"
	# on this day a month ago comes first, then 30, 90 and 365 days ago
	expect_whole "On this day 1 month ago, 2025-12-11"
	expect_whole "Mood then 4/10, now 6/10."
	expect_whole "Check-in: a month back"
	expect_whole "30 days ago, 2025-12-12"
	expect_whole "Reflection: the first quiet evening"
	local tries=0
	until screen | python3 "$SCREEN_PY" whole "365 days ago, 2025-01-11"; do
		tries=$((tries + 1))
		[ $tries -gt 20 ] && fail "the page does not scroll to a year ago:
$(screen)"
		keys Down
		sleep 0.1
	done
	expect_whole "90 days ago, 2025-10-13"
	expect_whole "No check-in that day."
}

t_then_and_now_sets_the_first_beside_the_latest() {
	known_journal
	tui_start 60 18
	open_insights
	type "7"
	wait_for "Then and now"
	expect_whole "Then, on 2025-12-22: mood 3/10. \"note of day 20\""
	expect_whole "Now, on 2026-01-11: mood 6/10. \"a lighter morning\""
	expect_fits 60
}

t_pages_move_with_tab_arrows_and_digits() {
	known_journal
	tui_start 80 24
	open_insights
	keys Tab
	wait_for "A year in pixels"
	keys Right
	wait_for "No contact over time"
	keys Left
	wait_for "A year in pixels"
	keys Left Left
	wait_for "Your week"
	type "1"
	wait_for "Mood and urges"
	# the page tabs name every page, the one shown reversed
	expect_attr "1 Mood" reverse
	type "?"
	wait_for "Help: Insights"
	expect_whole "the chart by day, by week or by month"
	keys Escape
	wait_for "Mood and urges"
	keys Escape
	wait_for "Daily check-in"
}

t_ascii_stands_in_for_the_blocks_and_a_gap_is_blank() {
	known_journal
	TUI_ENV="MEND_ASCII=1" tui_start 80 24
	open_insights
	wait_for "Mood by day"
	expect_gaps " "
	chart_row | grep -qE '^[-_.=+*%#]' || fail "no ASCII bars:
$(screen)"
	screen | grep -q '[^ -~]' && fail "characters outside ASCII:
$(screen)"
	type "2"
	wait_for "9 days with a check-in"
	expect_whole "_ 1-2"
	expect_whole "# 9-10"
	tui_stop
	# LANG=C still draws Unicode where the C.UTF-8 locale exists
	TUI_LANG=C tui_start 60 18
	open_insights
	expect_gaps "·"
}

t_monochrome_keeps_the_bands_apart_by_glyph() {
	known_journal
	TUI_ENV="NO_COLOR=1" tui_start 80 24
	open_insights
	type "2"
	wait_for "2026 · 9 days"
	local g
	for g in "▁ 1-2" "▃ 3-4" "▅ 5-6" "▇ 7-8" "█ 9-10" "· no check-in"; do
		expect_whole "$g"
	done
	screen_e | grep -qE $'\e\\[(3[0-7]|38;5)' && fail "colours under NO_COLOR"
	return 0
}

t_a_note_on_the_week_is_kept_as_a_week_entry() {
	known_journal
	# Monday: the first day of a week, the week just ended is offered
	MEND_NOW=2026-01-12T09:00:00Z tui_start 60 18
	wait_for "Your week, to look back on (i)"
	type "i"
	wait_for "Insights · Your week"
	expect_whole "The week of 2026-01-05 to 2026-01-11"
	type "n"
	wait_for "A note on your week"
	type "A week of small walks."
	keys Enter
	type "And one long call with my sister."
	keys C-d
	wait_for "Your note on this week is kept"
	expect_whole "A week of small walks."
	expect_whole "And one long call with my sister."
	# changing it starts from all of it, and keeps all of it
	type "n"
	wait_for "A note on your week"
	wait_for "And one long call with my sister."
	keys Down End
	type " It helped."
	keys C-d
	wait_for "Your note on this week is kept"
	expect_whole "And one long call with my sister. It helped."
	keys Escape
	wait_for "Daily check-in"
	# seen: offered no more
	wait_gone "Your week, to look back on"
	tui_stop
	mend export
	expect_rc 0
	expect_eq "$(jq -r '[.entries[] | select(.kind == "week")] | length' "$OUT")" 1 "week entries"
	expect_eq "$(jq -r '.entries[] | select(.kind == "week") | .day' "$OUT")" 2026-01-05 "the week's day"
	expect_eq "$(jq -r '.entries[] | select(.kind == "week") | .text' "$OUT")" "A week of small walks.
And one long call with my sister. It helped." "the note"
}

t_the_week_offer_leaves_the_hard_days_note_whole() {
	mend start --date 2025-12-01
	local k
	for k in 1 2 3 4 5 6; do
		MEND_NOW=2026-01-12T09:00:00Z mend checkin --mood 2 --date "-${k}d"
		expect_rc 0
	done
	MEND_NOW=2026-01-12T09:00:00Z mend checkin --mood 2
	expect_rc 0
	MEND_NOW=2026-01-12T09:00:00Z tui_start 60 18
	wait_for "Press h for help now."
	expect_whole "Your week, to look back on (i)"
	expect_whole "Press h for help now."
	expect_word "Insights"
	expect_word "Quit"
}

t_then_and_now_is_offered_on_the_goal_day() {
	# day 30 of 30 on 2026-01-11
	mend start --date 2025-12-12
	expect_rc 0
	mend checkin --mood 3 --date -20d --note "a heavy start"
	expect_rc 0
	mend checkin --mood 7 --note "steadier now"
	expect_rc 0
	tui_start 60 18
	wait_for "Day 30: then and now (i)"
	type "i"
	wait_for "Insights · Then and now"
	expect_whole "Day 30. A good day to look at where you began"
	expect_whole "Then, on 2025-12-22: mood 3/10. \"a heavy start\""
	expect_whole "Now, on 2026-01-11: mood 7/10. \"steadier now\""
	keys Escape
	wait_for "Daily check-in"
	wait_gone "then and now (i)"
}

t_a_journal_with_nothing_yet_says_so_gently() {
	mend start --date 2026-01-01
	local p
	tui_start 60 18
	wait_for "Insights"
	type "i"
	wait_for "Mood and urges"
	for p in 2 3 4 5 6 7 8; do
		type "$p"
		sleep 0.2
		expect_fits 60
	done
	type "4"
	wait_for "Nothing to show yet"
	type "5"
	wait_for "No urges or pauses written down yet"
}

run_tests
