#!/bin/bash
# SPDX-License-Identifier: MIT
# Review in the full-screen journal, as a person sees it: the whole
# journal paged on demand (End reaches the first entry ever written), a
# jump to a day, search snippets with the match marked, n and N, deletes
# that name their entry, sealed letters kept sealed, and the screens
# fitting small windows. The journal is checked afterwards through the
# command line.
. "$(dirname "$0")/lib.sh"

TERMS="tmux-256color xterm-256color"

# A journal of n reflections two hours apart from 2025-01-01 03:00 UTC:
# entry 0 is "the very first words I wrote here", every hundredth from 50
# on ends with a lighthouse far along a long line, the rest are plain.
make_journal() {
	jq -n --argjson n "$1" '
	def pad12: ("000000000000" + tostring)[-12:];
	{format: "mend-journal", version: 1, exported_at: "2026-01-10T12:00:00Z",
	 app_version: "test", settings: {}, periods: [],
	 entries: [range(0; $n) as $i
	   | ((1735700400 + $i * 7200) | todate) as $t
	   | {id: ("00000000-0000-4000-8000-" + ($i | pad12)),
	      kind: "reflection", module: "reflection",
	      created_at: $t, updated_at: $t,
	      text: (if $i == 0 then "the very first words I wrote here"
	             elif $i % 100 == 50 then "A long quiet day of small things: the morning, the kettle, the walk along the water, and at the end of it the lighthouse-\($i) came into view"
	             else "entry \($i) of an ordinary day" end)}]}' \
		>"$WORK/journal.json" || fail "jq could not build the journal"
	mend import "$WORK/journal.json"
	expect_rc 0
}

# Every line of the screen within the window's width, counted in columns
# (a wide character takes two, whatever awk counts).
expect_fits_columns() {
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

open_review() {
	tui_start "${1:-80}" "${2:-24}"
	wait_for "Review"
	type "v"
	wait_for "mend  · Review"
}

t_end_reaches_the_first_entry_and_g_the_newest() {
	make_journal 3000
	local term
	for term in $TERMS; do
		TUI_TERM=$term open_review
		wait_for "entry 2999 of an ordinary day"
		expect_attr "entry 2999 of" reverse
		# tmux sends Home and End as ESC [1~ and ESC [4~, which the
		# xterm terminfo does not list: they must work all the same
		keys End
		wait_for "the very first words I wrote here"
		expect_attr "the very first words" reverse
		expect_word "2025-01-01 03:00"
		expect_not_attr "entry 1 of an" reverse
		# back up through the pages before it, one screen at a time
		# (19 rows at 24 lines): ten screens up is entry 190
		local i
		for i in 1 2 3 4 5 6 7 8 9 10; do
			keys PPage
		done
		wait_for "entry 190 of"
		expect_attr "entry 190 of" reverse
		keys Home
		wait_for "entry 2999 of an ordinary day"
		expect_attr "entry 2999 of" reverse
		type "G"
		wait_for "the very first words I wrote here"
		expect_attr "the very first words" reverse
		type "g"
		wait_for "entry 2999 of an ordinary day"
		expect_attr "entry 2999 of" reverse
		# and down past the first page of a hundred
		for i in 1 2 3 4 5 6 7 8 9 10; do
			keys NPage
		done
		wait_for "entry 2809 of"
		expect_attr "entry 2809 of" reverse
		type "q"
		wait_for "Today's check-in"
		type "q"
		wait_for "MEND_EXITED=0"
		tui_stop
	done
}

t_a_day_jump_selects_the_newest_entry_of_that_day() {
	make_journal 3000
	local term
	for term in $TERMS; do
		TUI_TERM=$term open_review
		wait_for "entry 2999 of"
		type "t"
		wait_for "Which day?"
		keys C-u
		type "2025-03-15"
		keys Enter
		wait_for "entry 886 of"
		expect_attr "entry 886 of" reverse
		expect_word "2025-03-15 23:00"
		screen | grep -qF "Nothing was written" &&
			fail "the day had entries"
		# a day before the journal began: the very first entry
		type "t"
		wait_for "Which day?"
		keys C-u
		type "2024-12-01"
		keys Enter
		wait_for "Nothing was written on 2024-12-01"
		expect_attr "the very first words" reverse
		# a date that is not one
		type "t"
		wait_for "Which day?"
		keys C-u
		type "2025-02-30"
		keys Enter
		wait_for "That is not a day I can read"
		expect_attr "the very first words" reverse
		type "g"
		wait_for "entry 2999 of"
		expect_attr "entry 2999 of" reverse
		tui_stop
	done
}

t_search_shows_a_snippet_with_the_match_marked_and_n_moves() {
	make_journal 3000
	local term
	for term in $TERMS; do
		TUI_TERM=$term open_review
		type "/"
		wait_for "Find entries with these words"
		type "lighthouse"
		keys Enter
		wait_for 'Review · "lighthouse"'
		# the match lies past the row's width: the row starts near it
		expect_whole "…end of it the lighthouse-2850 came into view"
		expect_attr "lighthouse-2950" reverse underline
		expect_attr "lighthouse-2850" underline
		expect_not_attr "lighthouse-2850" reverse
		expect_not_attr "came into view" underline
		type "n"
		wait_for "lighthouse-2850"
		expect_attr "lighthouse-2850" reverse underline
		expect_not_attr "lighthouse-2950" reverse
		type "n"
		expect_attr "lighthouse-2750" reverse
		type "N"
		expect_attr "lighthouse-2850" reverse
		type "N"
		expect_attr "lighthouse-2950" reverse
		type "N"
		wait_for "This is the newest match."
		expect_attr "lighthouse-2950" reverse
		type "G"
		wait_for "lighthouse-50 came"
		type "n"
		wait_for "That was the oldest match."
		screen | grep -qF "entry 1 of an" && fail "the search shows other entries"
		type "c"
		wait_for "entry 2999 of"
		tui_stop
	done
}

t_wide_characters_are_measured_in_columns() {
	local wide
	wide=$(printf '日記 %.0s' $(seq 40))
	mend reflect "${wide}and the lighthouse at last"
	mend reflect "plain words on another day"
	local size
	for size in "80 24" "60 18"; do
		open_review $size
		wait_for "plain words on another day"
		type "/"
		wait_for "Find entries with these words"
		type "lighthouse"
		keys Enter
		wait_for 'Review · "lighthouse"'
		# the row starts shortly before the match, after an ellipsis,
		# with wide characters counted as two columns
		expect_whole "the lighthouse at last"
		expect_whole "reflection  …"
		if [ "$size" = "80 24" ]; then
			expect_whole "…日記 日記 日記 and the lighthouse at last"
		fi
		expect_fits_columns
		type "d"
		wait_for "Delete this entry?"
		expect_whole "Your reflection of Sun 2026-01-11 09:00, “日記 日記"
		expect_fits_columns
		type "n"
		tui_stop
	done
}

t_delete_names_the_selected_entry_and_deletes_that_one() {
	MEND_NOW=2026-01-05T10:00:00Z mend reflect "apples in the orchard"
	MEND_NOW=2026-01-06T21:14:00Z mend reflect "bananas on the table"
	MEND_NOW=2026-01-07T08:30:00Z mend reflect "cherries by the window"
	open_review
	wait_for "cherries by the window"
	expect_attr "cherries by" reverse
	keys Down
	expect_attr "bananas on the" reverse
	expect_not_attr "cherries by" reverse
	type "d"
	wait_for "Delete this entry?"
	expect_whole "Delete this entry? Your reflection of Tue 2026-01-06 21:14, “bananas on the table”. It cannot be undone."
	type "n"
	wait_for "cherries by the window"
	expect_attr "bananas on the" reverse
	mend list --json
	expect_eq "$(json 'length')" 3 "entries after no"
	type "d"
	wait_for "Delete this entry?"
	type "y"
	wait_for "Deleted. Your reflection of Tue 2026-01-06 21:14"
	expect_whole "“bananas on the table”."
	wait_gone "21:14  reflection"
	# the selection moved on to the entry below it
	expect_attr "apples in the" reverse
	mend list --json
	expect_eq "$(json 'length')" 2 "entries left"
	expect_eq "$(json '[.[].text] | sort | join(",")')" \
		"apples in the orchard,cherries by the window" "the ones kept"
	# from the entry view too
	keys Enter
	wait_for "Monday 2026-01-05 10:00"
	type "d"
	wait_for "Delete this entry?"
	expect_whole "Your reflection of Mon 2026-01-05 10:00, “apples in the orchard”."
	type "y"
	wait_for "Deleted. Your reflection of Mon 2026-01-05 10:00"
	wait_for "cherries by the window"
	wait_gone "10:00  reflection"
	expect_attr "cherries by" reverse
	mend list --json
	expect_eq "$(json '[.[].text] | join(",")')" "cherries by the window" "left"
}

t_the_contact_that_restarted_the_count_is_kept_without_an_id() {
	mend start --date 2026-01-01
	MEND_NOW=2026-01-05T12:00:00Z mend contact --by me --channel call
	expect_rc 0
	open_review
	wait_for "contact (call, by me)"
	expect_attr "contact (call" reverse
	type "d"
	wait_for "This contact restarted your count, so it stays"
	screen | grep -qF "Delete this entry?" && fail "it asked to delete"
	screen | grep -qiE "[0-9a-f]{8}-[0-9a-f]{4}" && fail "an id is on screen"
	mend list --json
	expect_eq "$(json 'map(select(.kind == "contact")) | length')" 1 "contact kept"
}

t_a_sealed_letter_says_when_it_opens_and_stays_sealed() {
	mend start --date 2026-01-01
	expect_rc 0
	mend seal --until-day 20 "secret words for later"
	expect_rc 0
	open_review
	wait_for "Sealed: opens 2026-01-21, day 20 of no contact"
	expect_word "letter"
	screen | grep -qF "secret" && fail "the row shows the sealed text"
	keys Enter
	wait_for "Sunday 2026-01-11 09:00"
	expect_whole "Sealed until day 20 of no contact: it opens on 2026-01-21."
	wait_for "Its words wait for you until then."
	screen | grep -qF "secret" && fail "the entry view shows the sealed text"
	type "e"
	wait_for "This letter is still sealed."
	type "d"
	wait_for "Delete this entry? Your sealed letter of Sun 2026-01-11 09:00."
	screen | grep -qF "secret" && fail "the question quotes the sealed text"
	type "n"
	wait_gone "Delete this entry?"
	keys Escape
	wait_gone "Sealed until day"
	# a search never finds it
	type "/"
	wait_for "Find entries with these words"
	type "secret"
	keys Enter
	wait_for "Nothing matches."
}

t_review_and_entry_fit_small_windows() {
	MEND_NOW=2026-01-09T07:05:00Z mend checkin --mood 10 --note "a good morning after all"
	MEND_NOW=2026-01-10T18:40:00Z mend grow --category body --minutes 125 "a long walk by the river with my sister"
	mend reflect "Some days the quiet is heavy and some days it is only quiet. Today it was only quiet, and I made tea, and I let it be enough."
	local size
	for size in "80 24" "60 18"; do
		open_review $size
		wait_for "Some days the quiet"
		expect_fits_columns
		expect_key_line Esc "?"
		expect_word "2026-01-11 09:00"
		expect_word "2026-01-10 18:40"
		expect_word "2026-01-09 07:05"
		expect_word "reflection"
		expect_word "check-in"
		expect_word "10/10"
		expect_word "125 min"
		keys Enter
		wait_for "Sunday 2026-01-11 09:00"
		expect_fits_columns
		expect_key_line Esc "?"
		expect_whole "Some days the quiet is heavy and some days it is only quiet. Today it was only quiet, and I made tea, and I let it be enough."
		keys Escape
		wait_for "Some days the quiet"
		keys Down Down
		keys Enter
		wait_for "Friday 2026-01-09 07:05"
		expect_word "10/10"
		expect_fits_columns
		keys Escape
		wait_gone "Friday 2026-01-09 07:05 ·"
		type "?"
		wait_for "Keys on this screen"
		expect_whole "the newest, or the very first entry"
		tui_stop
	done
}

run_tests
