#!/bin/bash
# SPDX-License-Identifier: MIT
# The hardest moment on the command line: mend pause in flags (the
# stored levels, need, duration and outcome, the message kept unsent,
# the contact it may log), mend profile (never touching the count unless
# a contact is made), mend slip (answers under headings, the key of what
# made it easy), mend contact pointing to it, and the two lists kept in
# settings as JSON arrays, with their limits.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$MEND_DB" "$1"; }

t_pause_in_flags_stores_levels_need_duration_and_outcome() {
	mend start --date 2026-01-01
	mend pause --urge 8 --need comfort --after 4 --minutes 10 --outcome unsent
	expect_rc 0
	expect_out "Pause kept"
	expect_out "Urges pass"
	expect_eq "$(q "select urge, urge_after, seconds, category, step, text from entries where kind='pause'")" \
		"8|4|600|comfort|unsent|" "pause row"
	expect_eq "$(q "select count(*) from entries where kind='contact'")" "0" "no contact logged"
}

t_pause_outcome_defaults_to_unsent_and_says_when_the_urge_stayed() {
	mend pause --urge 6 --after 6
	expect_rc 0
	expect_out "still strong, and that is all right"
	expect_eq "$(q "select step, seconds is null from entries where kind='pause'")" "unsent|1" "defaults"
}

t_pause_message_is_kept_as_unsent() {
	mend pause --urge 7 --message "I still think of you"
	expect_rc 0
	expect_eq "$(q "select text from entries where kind='unsent'")" "I still think of you" "unsent text"
	expect_eq "$(q "select count(*) from entries where kind='pause'")" "1" "pause"
}

t_pause_own_need_keeps_the_word() {
	mend pause --urge 5 --need own --word "loneliness" --outcome left
	expect_rc 0
	expect_eq "$(q "select category, text, step, urge_after is null from entries where kind='pause'")" \
		"own|loneliness|left|1" "own word"
}

t_pause_contact_outcome_restarts_the_count_with_space_beside_it() {
	mend start --date 2026-01-01
	mend pause --urge 9 --after 8 --outcome contact --channel text
	expect_rc 0
	expect_out "Days of space so far: 10 in all; the longest stretch was 10."
	expect_out "mend slip"
	expect_eq "$(q "select initiator, channel, breaks_period from entries where kind='contact'")" \
		"me|text|1" "contact"
	expect_eq "$(q "select count(*) from periods")" "2" "a new period"
}

t_pause_necessary_outcome_keeps_the_count() {
	mend start --date 2026-01-01
	mend pause --urge 4 --outcome necessary
	expect_rc 0
	expect_out "count goes on"
	expect_eq "$(q "select necessary, breaks_period from entries where kind='contact'")" "1|0" "necessary"
	expect_eq "$(q "select count(*) from periods")" "1" "same period"
}

t_pause_off_a_terminal_without_flags_is_refused() {
	mend pause
	expect_rc 2
	expect_one_line_err
	expect_err "urge: missing"
}

t_profile_never_touches_the_count() {
	mend start --date 2026-01-01
	mend profile --urge 6 --note "saw the new photos"
	expect_rc 0
	expect_out "Your no-contact count goes on"
	expect_eq "$(q "select urge, text from entries where kind='profile'")" "6|saw the new photos" "profile"
	expect_eq "$(q "select count(*) from periods")" "1" "one period"
	expect_eq "$(q "select count(*) from entries where kind='contact'")" "0" "no contact"
	mend status
	expect_out "day 10"
}

t_profile_with_contact_logs_the_contact_too() {
	mend start --date 2026-01-01
	mend profile --contact
	expect_rc 0
	expect_eq "$(q "select urge is null from entries where kind='profile'")" "1" "no urge"
	expect_eq "$(q "select channel, breaks_period from entries where kind='contact'")" "social|1" "contact"
}

t_slip_keeps_answers_under_headings_and_the_easy_key() {
	mend slip --happening "a sad song in the car" --felt "lonely" --easy place --easy-note "the café"
	expect_rc 0
	expect_out "fresh start"
	expect_eq "$(q "select step from entries where kind='slip'")" "place" "step"
	expect_eq "$(q "select text from entries where kind='slip'")" "What was happening
a sad song in the car

What I felt
lonely

What made it easy
the café" "text"
}

t_slip_every_question_may_be_skipped() {
	mend slip --easy hour
	expect_rc 0
	expect_eq "$(q "select step, text from entries where kind='slip'")" "hour|" "only the key"
}

t_contact_that_restarts_shows_space_and_never_only_zero() {
	mend start --date 2026-01-01
	mend contact --by me
	expect_rc 0
	expect_out "Days of space so far: 10 in all; the longest stretch was 10."
}

t_lists_add_edit_remove_and_list() {
	mend reasons add "I deserve to feel safe"
	expect_rc 0
	expect_out "Added. Your list has 1 now."
	mend reasons add 'They said "no" twice'
	mend reasons edit 1 "I deserve calm"
	expect_out "Changed"
	mend reasons
	expect_eq "$(cat "$OUT")" '1  I deserve calm
2  They said "no" twice' "list"
	expect_eq "$(q "select value from settings where key='reasons'")" \
		'["I deserve calm","They said \"no\" twice"]' "a JSON array in settings"
	mend reasons remove 1
	mend reasons list
	expect_eq "$(cat "$OUT")" '1  They said "no" twice' "after removing"
	mend people add "Sam · 0170 555 0101"
	mend people
	expect_eq "$(cat "$OUT")" "1  Sam · 0170 555 0101" "people"
}

t_lists_hold_at_most_30() {
	for i in $(seq 1 30); do
		mend people add "friend $i"
		expect_rc 0
	done
	local sum
	sum=$(db_sum)
	mend people add "one more"
	expect_rc 2
	expect_one_line_err
	expect_err "person: the list holds 30 already"
	expect_db "$sum"
}

t_list_item_of_200_characters_is_kept_201_refused() {
	mend reasons add "$(printf 'é%.0s' $(seq 1 200))"
	expect_rc 0
	mend reasons add "$(printf 'é%.0s' $(seq 1 201))"
	expect_rc 2
	expect_err "reason: 201 characters is more than 200"
}

t_list_on_an_empty_journal_creates_nothing() {
	mend reasons
	expect_rc 0
	expect_no_out
	[ -e "$MEND_DB" ] && fail "a journal was created"
	return 0
}

t_new_kinds_read_in_show_list_and_markdown() {
	mend pause --urge 8 --need habit --after 2 --minutes 5
	mend profile --urge 3
	mend slip --felt "tired" --easy number
	mend list
	expect_out "urge 8 → 2 · 5 min · needed habit · kept unsent"
	expect_out "looked at their profile · urge 3 · the count goes on"
	mend export --format markdown
	expect_out "Urge 8 → 2 · 5 min · needed habit · kept unsent."
	expect_out "A slip, looked back on · made easy by: number."
	mend export
	expect_eq "$(json '[.entries[] | select(.kind=="pause") | .urge, .urge_after, .seconds, .category, .step] | map(tostring) | join(",")')" \
		"8,2,300,habit,unsent" "JSON keys"
}

t_export_and_import_keep_the_new_kinds() {
	mend pause --urge 8 --need anger --after 3 --seconds 125 --outcome unsent
	mend profile --urge 2 --note "a glance"
	mend slip --happening "late" --easy hour
	mend export --format json
	cp "$OUT" "$TMPDIR/j.json"
	export MEND_DB="$TMPDIR/other.db"
	mend import "$TMPDIR/j.json"
	expect_rc 0
	expect_eq "$(q "select kind, urge, urge_after, seconds, category, step from entries order by kind")" \
"pause|8|3|125|anger|unsent
profile|2||||
slip|||||hour" "round trip"
}

run_tests
