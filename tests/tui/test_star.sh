#!/bin/bash
# SPDX-License-Identifier: MIT
# The star in the full-screen journal: `s` in the entry view stars and
# unstars, the entry view and the review row show it ("★", or "*" where
# the terminal cannot show it), and the journal agrees through the
# command line.
. "$(dirname "$0")/lib.sh"

# Two reflections; the newer one comes first in the review.
two_entries() {
	MEND_NOW=2026-01-10T10:00:00Z mend reflect "an older quiet morning"
	expect_rc 0
	MEND_NOW=2026-01-10T11:00:00Z mend reflect "a walk by the water"
	expect_rc 0
}

# The row of the review that shows TEXT.
row_of() {
	screen | grep -F -- "$1"
}

t_s_in_the_entry_view_stars_and_the_review_shows_it() {
	two_entries
	tui_start 80 24
	wait_for "Review"
	type "v"
	wait_for "a walk by the water"
	row_of "a walk by the water" | grep -qF "★" && fail "a star before any was given"
	keys Enter
	wait_for "Entry"
	expect_key_line star
	type "s"
	wait_for "★ starred"
	keys Escape
	wait_gone "★ starred"
	wait_for "a walk by the water"
	row_of "a walk by the water" | grep -qF "reflection  ★ a walk" || fail "the review row has no star before the text:
$(screen)"
	row_of "an older quiet morning" | grep -qF "★" && fail "the other entry shows a star"
	tui_stop
	mend list --starred
	expect_rc 0
	expect_out "a walk by the water"
	grep -qF "an older quiet morning" "$OUT" && fail "the unstarred entry is listed as starred"
	# and s again takes it off
	tui_start 80 24
	wait_for "Review"
	type "v"
	wait_for "a walk by the water"
	keys Enter
	wait_for "★ starred"
	type "s"
	wait_gone "★ starred"
	wait_for "The star is off"
	tui_stop
	mend list --starred
	expect_rc 0
	expect_out "No entries match."
}

t_the_star_is_an_asterisk_where_the_terminal_cannot_show_it() {
	two_entries
	id=$(MEND_DB=$MEND_DB "$MEND" list --json | jq -r '.[0].id')
	mend star "$id"
	expect_rc 0
	TUI_ENV="MEND_ASCII=1" tui_start 80 24
	wait_for "Review"
	type "v"
	wait_for "a walk by the water"
	row_of "a walk by the water" | grep -qF "reflection  * a walk" || fail "no '*' before the text:
$(screen)"
	keys Enter
	wait_for "* starred"
	tui_stop
}

run_tests
