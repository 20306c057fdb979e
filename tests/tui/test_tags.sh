#!/bin/bash
# SPDX-License-Identifier: MIT
# Tags in the full-screen journal: review filtered by a tag picked from
# the journal's tags (#), and the check-in's quick tags as toggles, read
# from the screen and then checked through the command line.
. "$(dirname "$0")/lib.sh"

open_review() {
	tui_start 80 24
	wait_for "Review"
	type "v"
	wait_for "mend  · Review"
}

t_review_hash_filters_by_a_picked_tag() {
	MEND_NOW=2026-01-05T10:00:00Z mend reflect "Walked by the sea #Walk"
	MEND_NOW=2026-01-06T10:00:00Z mend reflect "Rain all day, stayed in"
	MEND_NOW=2026-01-07T10:00:00Z mend reflect "A slow @walk and #tea after"
	open_review
	wait_for "Rain all day"
	type "#"
	wait_for "Show entries with the tag"
	wait_for "@walk  (2)"
	expect_whole "#tea  (1)"
	expect_whole "Every entry (no tag)"
	# the most used first, after "every entry": one step down
	keys Down
	keys Enter
	wait_for "Review · @walk"
	wait_gone "Rain all day"
	expect_whole "Walked by the sea #Walk"
	screen | grep -qF "A slow @walk" || fail "the newer walk is missing:
$(screen)"
	# and back to every entry
	type "#"
	wait_for "Every entry (no tag)"
	# the picker opens on the tag in use
	expect_attr "@walk  (2)" reverse
	keys Up
	keys Enter
	wait_for "Rain all day"
	wait_gone "Review · @walk"
}

t_review_help_names_the_tag_filter() {
	mend reflect "Something written"
	open_review
	type "?"
	wait_for "show only entries with a tag"
	screen | grep -qE '(^|[[:space:]])#[[:space:]]+show only entries with a tag' ||
		fail "the help does not give the # key:
$(screen)"
}

t_review_hash_without_tags_says_how_to_make_one() {
	mend reflect "Nothing tagged"
	open_review
	type "#"
	wait_for "No tags yet: write @word or #word"
}

t_checkin_quick_tags_are_toggles_saved_as_tags() {
	mend start --date 2026-01-01
	mend config quick-tags "sleep,work,saw-their-post"
	tui_start 80 24
	wait_for "Today's check-in"
	type "c"
	wait_for "How are you feeling today?"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	wait_for "Was there contact"
	type "n"
	wait_for "What did today hold?"
	expect_whole "[ ] sleep"
	expect_whole "[ ] saw-their-post"
	expect_attr "[ ] sleep" reverse
	keys Down
	expect_attr "[ ] work" reverse
	type " "
	wait_for "[x] work"
	keys Down
	type " "
	wait_for "[x] saw-their-post"
	keys Up
	type " "
	wait_for "[ ] work"
	type " "
	wait_for "[x] work"
	keys Enter
	wait_for "A few words about today"
	type "an ordinary day"
	keys Enter
	wait_for "Today's prompt"
	type "s"
	wait_for "one thing for yourself"
	type "s"
	wait_for "Thank you for checking in"
	keys Enter
	type "q"
	tui_stop
	mend list --tag work --tag saw-their-post --json
	expect_fields 'length' 1 '.[0].kind' checkin '.[0].text' 'an ordinary day' \
		'.[0].tags | join(" ")' 'work saw-their-post'
	mend list --tag sleep --json
	expect_eq "$(json 'length')" 0 "sleep was never turned on"
}

t_checkin_again_shows_todays_tags_on_and_keeps_them() {
	mend start --date 2026-01-01
	mend checkin --mood 6 --no-contact --tag friends --note "saw friends"
	tui_start 80 24
	wait_for "Today's check-in"
	type "c"
	wait_for "How are you feeling today?"
	keys Enter
	wait_for "urge to contact them?"
	keys Enter
	wait_for "Earlier today you answered no"
	keys Enter
	wait_for "What did today hold?"
	expect_whole "[x] friends"
	expect_whole "[ ] sleep"
	keys Enter
	wait_for "saw friends"
	keys Enter
	wait_for "Today's prompt"
	keys Escape
	wait_gone "Today's prompt"
	type "q"
	tui_stop
	mend list --tag friends --json
	expect_fields 'length' 1 '.[0].tags | join(" ")' 'friends'
}

run_tests
