#!/bin/bash
# SPDX-License-Identifier: MIT
# The no-contact module: start, contacts, urges, unsent messages, sealed
# letters and milestones.
. "$(dirname "$0")/lib.sh"

t_start_date_sets_the_period_start_and_days_count_from_now() {
	mend start --date 2026-01-01
	expect_rc 0
	expect_out "day 10"
	mend status --json
	expect_fields \
		'.started' true \
		'.no_contact_days' 10 \
		'.period_start' 2026-01-01T00:00:00Z \
		'.longest_streak_days' 10 \
		'.periods' 1
	MEND_NOW=2026-01-20T10:00:00Z mend status --json
	expect_eq "$(json '.no_contact_days')" 19 "no_contact_days nine days later"
	mend periods --json
	expect_fields \
		'length' 1 \
		'.[0].ended_at' null
}

t_start_date_is_local_midnight() {
	TZ=Europe/Berlin mend start --date 2026-01-01
	expect_rc 0
	mend status --json
	expect_eq "$(json '.period_start')" 2025-12-31T23:00:00Z "period_start"
}

t_status_before_start_says_not_started() {
	mend status --json
	expect_rc 0
	expect_fields \
		'.started' false \
		'.no_contact_days' 0 \
		'.period_start' null
	mend status
	expect_out "not started"
}

t_start_default_goal_is_30() {
	mend start --date 2026-01-01
	expect_out "goal 30 days"
	mend status --json
	expect_eq "$(json '.goal_days')" 30 "goal_days"
}

t_start_goal_sets_the_goal() {
	mend start --date 2026-01-01 --goal 60
	expect_rc 0
	expect_out "goal 60 days"
	mend status --json
	expect_eq "$(json '.goal_days')" 60 "goal_days"
	mend config goal
	expect_eq "$(cat "$OUT")" 60 "config goal"
	# Later the goal alone can change; the start stays.
	mend start --goal 90
	expect_rc 0
	mend status --json
	expect_fields \
		'.goal_days' 90 \
		'.period_start' 2026-01-01T00:00:00Z
}

t_start_with_future_date_is_refused_and_writes_nothing() {
	mend checkin --mood 5
	bad_input "2026-01-12" start --date 2026-01-12
	expect_err "date"
	mend status --json
	expect_eq "$(json '.started')" false "started"
	mend periods --json
	expect_eq "$(json 'length')" 0 "periods"
}

t_start_today_is_allowed() {
	mend start --date 2026-01-11
	expect_rc 0
	expect_out "day 0"
}

t_start_can_move_later_but_not_before_the_contact_that_began_the_period() {
	mend start --date 2026-01-01
	MEND_NOW=2026-01-05T12:00:00Z mend contact --by me
	expect_rc 0
	mend start --date 2026-01-08
	expect_rc 0
	mend status --json
	expect_eq "$(json '.period_start')" 2026-01-08T00:00:00Z "period_start"
	bad_input "2026-01-03" start --date 2026-01-03
	mend periods --json
	expect_eq "$(json '.[1].started_at')" 2026-01-08T00:00:00Z "second period start"
}

t_contact_by_them_keeps_the_streak() {
	mend start --date 2026-01-01
	mend contact --by them --channel text --note "they texted"
	expect_rc 0
	expect_out "Contact logged"
	mend status --json
	expect_fields \
		'.no_contact_days' 10 \
		'.contacts' 1 \
		'.periods' 1
	mend periods --json
	expect_eq "$(json 'length')" 1 "periods"
	mend list --json
	expect_fields \
		'.[0].by' them \
		'.[0].channel' text \
		'.[0].text' "they texted" \
		'.[0].restarted_period' false
}

t_necessary_contact_keeps_the_streak() {
	mend start --date 2026-01-01
	mend contact --necessary --channel call
	expect_rc 0
	mend status --json
	expect_fields \
		'.no_contact_days' 10 \
		'.contacts' 1 \
		'.periods' 1
	mend list --json
	expect_fields \
		'.[0].by' me \
		'.[0].necessary' true \
		'.[0].channel' call \
		'.[0].restarted_period' false
}

t_contact_by_me_restarts_the_period_and_keeps_history() {
	mend start --date 2026-01-01
	mend contact --by me --channel call
	expect_rc 0
	expect_out "10 days"
	mend status --json
	expect_fields \
		'.no_contact_days' 0 \
		'.longest_streak_days' 10 \
		'.periods' 2 \
		'.contacts' 1 \
		'.period_start' 2026-01-11T09:00:00Z
	mend periods --json
	expect_fields \
		'length' 2 \
		'.[0].ended_at' 2026-01-11T09:00:00Z \
		'.[0].days' 10 \
		'.[1].ended_at' null
}

t_contact_default_is_by_me_on_other_channel() {
	mend start --date 2026-01-01
	mend contact
	expect_rc 0
	mend list --json
	expect_fields \
		'.[0].by' me \
		'.[0].channel' other \
		'.[0].restarted_period' true
}

t_several_contacts_over_days_give_the_longest_streak() {
	mend start --date 2026-01-01
	# 4 days, then 10 days, then a running one of 5 days
	MEND_NOW=2026-01-05T09:00:00Z mend contact --by me
	MEND_NOW=2026-01-08T09:00:00Z mend contact --by them
	MEND_NOW=2026-01-15T09:00:00Z mend contact --by me
	expect_out "10 days"
	MEND_NOW=2026-01-20T10:00:00Z mend status --json
	expect_fields \
		'.no_contact_days' 5 \
		'.longest_streak_days' 10 \
		'.periods' 3 \
		'.contacts' 3
	MEND_NOW=2026-01-20T10:00:00Z mend periods --json
	expect_eq "$(json '[.[].days] | join(" ")')" "4 10 5" "period days"
	# Once the running period is the longest, it counts.
	MEND_NOW=2026-01-27T10:00:00Z mend status --json
	expect_eq "$(json '.longest_streak_days')" 12 "longest_streak_days later"
}

t_urge_levels_1_to_10_are_saved_with_optional_note() {
	mend urge --level 1
	expect_rc 0
	expect_out "Urge written down"
	MEND_NOW=2026-01-11T10:00:00Z mend urge --level 10 --note "saw a photo"
	expect_rc 0
	mend list --json
	expect_fields \
		'length' 2 \
		'[.[] | .kind + ":" + (.urge|tostring) + ":" + .text] | join(",")' \
		"urge:10:saw a photo,urge:1:"
	expect_eq "$(json '.[0].module')" nocontact "module"
}

t_urge_without_level_is_refused() {
	bad_input "level" urge --note "x"
}

t_unsent_keeps_the_text() {
	mend unsent "I miss you, but I will not send this."
	expect_rc 0
	expect_out "not sent"
	mend list --json
	expect_fields \
		'.[0].kind' unsent \
		'.[0].text' "I miss you, but I will not send this."
}

t_unsent_reads_standard_input() {
	mend_in $'first line\nsecond line\n' unsent -
	expect_rc 0
	mend list --json
	jq -j '.[0].text' <"$OUT" >"$WORK/got"
	printf 'first line\nsecond line\n' >"$WORK/want"
	cmp -s "$WORK/got" "$WORK/want" || fail "the text read from standard input changed"
}

t_unsent_without_text_and_no_terminal_is_refused() {
	bad_input "text" unsent
}

t_sealed_letter_is_hidden_until_its_day() {
	mend start --date 2026-01-01
	mend seal --until-day 20 "secret words for later"
	expect_rc 0
	expect_out "sealed until day 20"
	mend list
	expect_out "sealed"
	grep -q "secret" "$OUT" && fail "list shows the sealed text"
	mend list --json
	local id
	id=$(json '.[0].id')
	expect_fields \
		'.[0].kind' sealed \
		'.[0].text' "" \
		'.[0].open_day' 20
	mend show "$id"
	expect_rc 0
	expect_out "sealed until day 20"
	grep -q "secret" "$OUT" && fail "show reveals the sealed text"
	mend show "$id" --json
	expect_eq "$(json '.text')" "" "text in show --json"
	mend list --search secret --json
	grep -q "secret" "$OUT" && fail "search reveals the sealed text"
	# Day 19: still sealed.
	MEND_NOW=2026-01-20T09:00:00Z mend show "$id"
	grep -q "secret" "$OUT" && fail "opened on day 19"
	# Day 20: open.
	MEND_NOW=2026-01-21T09:00:00Z mend show "$id"
	expect_rc 0
	expect_out "secret words for later"
	MEND_NOW=2026-01-21T09:00:00Z mend list --json
	expect_eq "$(json '.[0].text')" "secret words for later" "text once open"
}

t_sealed_letter_cannot_be_edited_before_it_opens() {
	mend start --date 2026-01-01
	mend seal --until-day 20 "original"
	mend list --json
	local id
	id=$(json '.[0].id')
	bad_input "sealed" edit "$id" "changed"
	MEND_NOW=2026-01-21T09:00:00Z mend show "$id" --json
	expect_eq "$(json '.text')" original "text"
}

t_seal_reads_standard_input() {
	mend start --date 2026-01-01
	mend_in "from stdin" seal --until-day 11 -
	expect_rc 0
	MEND_NOW=2026-01-12T09:00:00Z mend list --json
	expect_eq "$(json '.[0].text')" "from stdin" "text"
}

t_seal_until_day_not_ahead_is_refused() {
	mend start --date 2026-01-01
	bad_input "until-day" seal --until-day 10 "too soon"
	expect_err "10"
	bad_input "until-day" seal --until-day 3 "past"
	mend list --json
	expect_eq "$(json 'length')" 0 "entries"
}

t_seal_before_start_is_refused() {
	mend checkin --mood 5
	bad_input "until-day" seal --until-day 10 "no timer yet"
}

t_checkin_on_day_7_prints_the_milestone() {
	mend start --date 2026-01-04
	mend checkin --mood 6
	expect_rc 0
	expect_out "Day 7 of no contact"
	MEND_NOW=2026-01-12T09:00:00Z mend checkin --mood 6
	expect_rc 0
	grep -q "Day 8 of no contact" "$OUT" && fail "a milestone on day 8"
	grep -q "of no contact" "$OUT" && fail "a milestone message on a plain day"
	MEND_NOW=2026-01-12T09:00:00Z mend status --json
	expect_fields \
		'.last_milestone' 7 \
		'.next_milestone' 14
}

run_tests
