#!/bin/bash
# SPDX-License-Identifier: MIT
# Taking back a mistaken contact (mend contact --undo), the check-in's
# contact that is never logged twice, and the crisis line setting.
. "$(dirname "$0")/lib.sh"

t_contact_undo_rejoins_the_periods_as_if_it_never_happened() {
	mend start --date 2026-01-01
	MEND_NOW=2026-01-11T08:00:00Z mend contact --by me --note "oops"
	expect_rc 0
	expect_out "mend contact --undo"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods after the contact"
	mend contact --undo
	expect_rc 0
	expect_out "undone, as if it never happened"
	expect_out "day 10"
	mend periods --json
	expect_fields 'length' 1 '.[0].started_at' 2026-01-01T00:00:00Z \
		'.[0].ended_at' null '.[0].days' 10
	mend status --json
	expect_fields .no_contact_days 10 .contacts 0 .longest_streak_days 10
	mend list --json --module nocontact
	expect_eq "$(json 'length')" 0 "entries left"
	mend list --search oops --json
	expect_eq "$(json 'length')" 0 "the note is gone from the search"
}

t_contact_undo_keeps_contacts_that_did_not_restart() {
	mend start --date 2026-01-01
	MEND_NOW=2026-01-05T12:00:00Z mend contact --by me
	MEND_NOW=2026-01-08T12:00:00Z mend contact --by them
	MEND_NOW=2026-01-10T12:00:00Z mend contact --by me --necessary
	mend contact --undo
	expect_rc 0
	mend periods --json
	expect_fields 'length' 1 '.[0].ended_at' null '.[0].days' 10
	mend status --json
	expect_eq "$(json .contacts)" 2 "them and the necessary one stay"
	bad_input "nothing to undo" contact --undo
}

t_checkin_contact_after_a_logged_contact_is_not_logged_twice() {
	MEND_NOW=2026-01-10T20:00:00Z mend start --date 2026-01-01
	MEND_NOW=2026-01-10T20:00:00Z mend checkin --mood 5 --no-contact
	MEND_NOW=2026-01-11T08:00:00Z mend contact --by me
	mend checkin --mood 4 --contact
	expect_rc 0
	expect_out "already logged"
	grep -qF "lasted 0 days" "$OUT" && fail "a 0-day stretch was reported"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods"
	expect_eq "$(json 'map(select(.days == 0 and .ended_at != null)) | length')" 0 \
		"no ended period of 0 days"
	mend status --json
	expect_eq "$(json .contacts)" 1 "contacts"
}

t_crisis_line_is_set_shown_and_removed() {
	mend config crisis-line
	expect_rc 0
	expect_out "(not set)"
	mend config crisis-line "Samaritans: 116 123 (free, any time)"
	expect_rc 0
	expect_out "Saved: crisis-line = Samaritans: 116 123 (free, any time)"
	mend config crisis-line
	expect_out "Samaritans: 116 123 (free, any time)"
	mend config
	expect_out "crisis-line = Samaritans: 116 123 (free, any time)"
	bad_input "crisis-line: must be one line" config crisis-line $'a\nb'
	mend config crisis-line ""
	expect_rc 0
	expect_out "removed"
	mend config
	grep -qF "crisis-line" "$OUT" && fail "the removed line is still shown"
	true
}

run_tests
