#!/bin/bash
# SPDX-License-Identifier: MIT
# Days as people write them (today, yesterday, -3d, 3 days ago, a month,
# a year) wherever a day is taken, day filters on the journal day (04:00
# boundary), and checkin --date for a missed day. The clock is pinned to
# 2026-01-11 09:00 UTC (TZ=UTC).
. "$(dirname "$0")/lib.sh"

# one entry a day, 2025-12-30 .. 2026-01-11, at 10:00 (09:00 today)
seed_days() {
	local d
	for d in 2025-12-30 2025-12-31 2026-01-01 2026-01-05 2026-01-08 2026-01-09 2026-01-10; do
		MEND_NOW=${d}T10:00:00Z mend reflect "written on $d"
		expect_rc 0
	done
	mend reflect "written today"
}

# days: the created_at days that `mend list ARGS --json` gives, oldest first
days() {
	mend list --json "$@"
	expect_rc 0
	json '[.[].created_at[0:10]] | reverse | join(" ")'
}

t_since_and_until_take_words() {
	seed_days
	expect_eq "$(days --since today)" "2026-01-11" "since today"
	expect_eq "$(days --since yesterday)" "2026-01-10 2026-01-11" "since yesterday"
	expect_eq "$(days --since -3d)" "2026-01-08 2026-01-09 2026-01-10 2026-01-11" "since -3d"
	expect_eq "$(days --since '3 days ago' --until yesterday)" "2026-01-08 2026-01-09 2026-01-10" "3 days ago .. yesterday"
	expect_eq "$(days --until '1 day ago' --since 2d\ ago)" "2026-01-09 2026-01-10" "2d ago .. 1 day ago"
}

t_months_and_years_are_whole() {
	seed_days
	expect_eq "$(days --since 2026-01 --until 2026-01)" \
		"2026-01-01 2026-01-05 2026-01-08 2026-01-09 2026-01-10 2026-01-11" "January"
	expect_eq "$(days --until 2025-12)" "2025-12-30 2025-12-31" "until December"
	expect_eq "$(days --since 2025 --until 2025)" "2025-12-30 2025-12-31" "the year 2025"
	expect_eq "$(days --since 2026)" \
		"2026-01-01 2026-01-05 2026-01-08 2026-01-09 2026-01-10 2026-01-11" "since 2026"
}

t_export_filters_take_the_same_days() {
	seed_days
	mend export --since 2025-12 --until 2025
	expect_rc 0
	expect_eq "$(json '[.entries[].created_at[0:10]] | join(" ")')" "2025-12-30 2025-12-31" "exported days"
	mend export --since yesterday --format markdown
	expect_rc 0
	expect_out "written on 2026-01-10"
	grep -q "written on 2026-01-09" "$OUT" && fail "the markdown export has a day before yesterday"
	true
}

t_until_counts_the_journal_day() {
	# 01:30 on the 10th is still the evening of the 9th (day starts 04:00)
	MEND_NOW=2026-01-10T01:30:00Z mend checkin --mood 3 --note "a late night"
	expect_out "Check-in saved for 2026-01-09"
	MEND_NOW=2026-01-10T03:59:00Z mend reflect "still the 9th"
	MEND_NOW=2026-01-10T04:00:00Z mend reflect "the 10th begins"
	mend list --json --until 2026-01-09
	expect_eq "$(json '[.[].text] | reverse | join("|")')" "a late night|still the 9th" "until the 9th"
	mend list --json --since 2026-01-10
	expect_eq "$(json '[.[].text] | join("|")')" "the 10th begins" "since the 10th"
	mend list --json --since 2026-01-09 --until 2026-01-09
	expect_eq "$(json '[.[] | .day // empty] | join(" ")')" "2026-01-09" "the check-in's day"
	# with days starting at midnight, 01:30 is the 10th
	mend config day-start-hour 0
	mend list --json --until 2026-01-09
	expect_eq "$(json 'length')" 0 "entries until the 9th, days from midnight"
}

t_start_takes_a_relative_day() {
	mend start --date '3 days ago'
	expect_rc 0
	expect_out "No contact since 2026-01-08"
	mend start --date yesterday
	expect_out "No contact since 2026-01-10"
	mend start --date today
	expect_rc 0
	expect_out "No contact since 2026-01-11"
	bad_input "date: '2026-01' is a whole month; give one day" start --date 2026-01
}

t_checkin_date_fills_a_missed_day() {
	mend checkin --mood 4 --note "a hard day" --date yesterday
	expect_rc 0
	expect_out "Check-in saved for 2026-01-10: mood 4/10"
	mend status --json
	expect_fields '.checked_in_today' false
	mend checkin --mood 6
	expect_out "Check-in saved for 2026-01-11"
	mend list --json
	expect_fields 'length' 2 \
		'[.[].day] | join(" ")' "2026-01-11 2026-01-10" \
		'.[1].created_at[0:10]' "2026-01-10" \
		'.[1].text' "a hard day"
	# the same day again updates it
	mend checkin --mood 5 --date 2026-01-10
	expect_out "Check-in updated for 2026-01-10: mood 5/10"
	mend list --json --since 2026-01-10 --until 2026-01-10
	expect_fields 'length' 1 '.[0].mood' 5 '.[0].text' "a hard day"
	# a week back, and today by name
	mend checkin --mood 7 --date -7d
	expect_out "for 2026-01-04"
	mend checkin --mood 8 --date today
	expect_out "Today's check-in (2026-01-11) updated: mood 8/10"
}

t_checkin_date_refuses_days_to_come_and_past_contact() {
	bad_input "date: 2026-01-12 is still to come" checkin --mood 5 --date 2026-01-12
	bad_input "date: '2026-01' is a whole month" checkin --mood 5 --date 2026-01
	bad_input "date: 'someday' is not a date" checkin --mood 5 --date someday
	bad_input "contact: --contact is for today" checkin --mood 5 --contact --date yesterday
	mend checkin --mood 5 --no-contact --date yesterday
	expect_rc 0
	[ -z "$(find "$WORK" -name 'journal.db-*')" ] || fail "a file beside the journal"
}

t_export_counts_journal_days_like_check_ins() {
	# 01:30 on the 11th is still the evening of the 10th (day starts 04:00)
	MEND_NOW=2026-01-11T01:30:00Z mend reflect "late thoughts after midnight"
	expect_rc 0
	MEND_NOW=2026-01-11T10:00:00Z mend reflect "the next morning"
	expect_rc 0
	mend export --format markdown --until 2026-01-10
	expect_rc 0
	expect_out "late thoughts after midnight"
	grep -qF "the next morning" "$OUT" && fail "the morning of the 11th is in --until 2026-01-10"
	grep -q "2026-01-10" "$OUT" || fail "the heading is not the journal day 2026-01-10"
	grep -q "^#.*2026-01-11" "$OUT" && fail "a heading for the 11th in an export until the 10th"
	mend export --since 2026-01-11
	expect_rc 0
	expect_eq "$(json '[.entries[].text] | join("|")')" "the next morning" "since the 11th"
}

run_tests
