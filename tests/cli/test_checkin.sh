#!/bin/bash
# SPDX-License-Identifier: MIT
# The daily check-in and the status summary.
. "$(dirname "$0")/lib.sh"

UUID_RE='[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

# The check-in's answer says whether it was saved new or updated, and
# for which journal day (the wording may change; these words stay).
expect_new_checkin() {
	grep -qi "saved" "$OUT" || fail "stdout does not say saved"
	grep -qi "updated" "$OUT" && fail "stdout says updated for a new check-in"
	expect_out "$1"
}

expect_updated_checkin() {
	grep -qi "updated" "$OUT" || fail "stdout does not say updated"
	expect_out "$1"
}

# The id printed in "(id UUID)" on stdout.
printed_id() {
	grep -oE "id $UUID_RE" "$OUT" | head -1 | cut -d' ' -f2
}

t_checkin_saves_mood_urge_note_and_prints_its_id() {
	mend checkin --mood 5 --urge 3 --note "quiet day"
	expect_rc 0
	expect_new_checkin 2026-01-11
	local id
	id=$(printed_id)
	[ -n "$id" ] || fail "no UUID in the output"
	mend list --json
	expect_rc 0
	expect_fields \
		'length' 1 \
		'.[0].id' "$id" \
		'.[0].kind' checkin \
		'.[0].module' checkin \
		'.[0].mood' 5 \
		'.[0].urge' 3 \
		'.[0].text' "quiet day" \
		'.[0].day' 2026-01-11 \
		'.[0].created_at' 2026-01-11T09:00:00Z
}

t_checkin_short_options_work_like_long_ones() {
	mend checkin -m 7 -u 2 -n "short"
	expect_rc 0
	mend list --json
	expect_eq "$(json '[.[0].mood, .[0].urge, .[0].text] | join(" ")')" "7 2 short"
}

t_checkin_same_day_updates_instead_of_adding() {
	mend checkin --mood 5 --urge 3 --note "morning"
	local id
	id=$(printed_id)
	export MEND_NOW=2026-01-11T20:00:00Z
	mend checkin --mood 8 --urge 1 --note "evening"
	expect_rc 0
	expect_updated_checkin 2026-01-11
	expect_eq "$(printed_id)" "$id" "id of the updated check-in"
	mend list --json
	expect_fields \
		'length' 1 \
		'.[0].id' "$id" \
		'.[0].mood' 8 \
		'.[0].urge' 1 \
		'.[0].text' "evening" \
		'.[0].created_at' 2026-01-11T09:00:00Z \
		'.[0].updated_at' 2026-01-11T20:00:00Z
}

t_checkin_update_without_urge_or_note_keeps_them() {
	mend checkin --mood 5 --urge 3 --note "keep me"
	mend checkin --mood 6
	expect_rc 0
	expect_updated_checkin 2026-01-11
	mend list --json
	expect_fields \
		'.[0].mood' 6 \
		'.[0].urge' 3 \
		'.[0].text' "keep me"
}

t_checkin_next_day_adds_a_new_one() {
	mend checkin --mood 5
	MEND_NOW=2026-01-12T09:00:00Z mend checkin --mood 6
	expect_rc 0
	expect_new_checkin 2026-01-12
	mend list --json
	expect_fields \
		'length' 2 \
		'[.[].day] | join(" ")' "2026-01-12 2026-01-11"
}

t_checkin_at_0130_belongs_to_previous_day() {
	MEND_NOW=2026-01-11T01:30:00Z mend checkin --mood 4
	expect_rc 0
	expect_out "2026-01-10"
	mend list --json
	expect_eq "$(json '.[0].day')" 2026-01-10 "day"
}

t_checkin_at_0430_belongs_to_same_day() {
	MEND_NOW=2026-01-11T04:30:00Z mend checkin --mood 4
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0].day')" 2026-01-11 "day"
}

t_checkin_day_starts_exactly_at_0400() {
	MEND_NOW=2026-01-11T03:59:59Z mend checkin --mood 4
	MEND_NOW=2026-01-11T04:00:00Z mend checkin --mood 6
	expect_new_checkin 2026-01-11
	mend list --json
	expect_eq "$(json '[.[].day] | join(" ")')" "2026-01-11 2026-01-10" "days"
}

t_checkin_late_night_then_morning_are_two_days() {
	MEND_NOW=2026-01-11T01:30:00Z mend checkin --mood 3 --note night
	MEND_NOW=2026-01-11T09:00:00Z mend checkin --mood 7 --note morning
	expect_rc 0
	expect_new_checkin 2026-01-11
	mend list --json
	expect_fields \
		'length' 2 \
		'[.[] | .day + "=" + .text] | join(" ")' \
		"2026-01-11=morning 2026-01-10=night"
}

t_config_day_start_hour_0_moves_the_day_boundary_to_midnight() {
	mend config day-start-hour 0
	expect_rc 0
	expect_out "day-start-hour = 0"
	mend config day-start-hour
	expect_eq "$(cat "$OUT")" 0 "config day-start-hour"
	MEND_NOW=2026-01-11T01:30:00Z mend checkin --mood 4
	expect_rc 0
	expect_out "2026-01-11"
	MEND_NOW=2026-01-10T23:30:00Z mend checkin --mood 5
	expect_new_checkin 2026-01-10
	mend list --json
	expect_eq "$(json '[.[].day] | join(" ")')" "2026-01-11 2026-01-10" "days"
}

t_config_day_start_hour_later_keeps_more_of_the_night() {
	mend config day-start-hour 6
	expect_rc 0
	MEND_NOW=2026-01-11T05:30:00Z mend checkin --mood 4
	expect_out "2026-01-10"
}

t_checkin_day_honours_tz() {
	# 03:00 UTC is 22:00 on Jan 10 in New York.
	TZ=America/New_York MEND_NOW=2026-01-11T03:00:00Z mend checkin --mood 5
	expect_rc 0
	expect_out "2026-01-10"
	mend list --json
	expect_eq "$(json '.[0].day')" 2026-01-10 "day"
}

t_checkin_day_start_hour_is_local_time() {
	# 08:30 UTC is 03:30 in New York: before 04:00 there, so Jan 10.
	TZ=America/New_York MEND_NOW=2026-01-11T08:30:00Z mend checkin --mood 5
	expect_out "2026-01-10"
	# 09:30 UTC is 04:30 in New York: Jan 11.
	TZ=America/New_York MEND_NOW=2026-01-11T09:30:00Z mend checkin --mood 6
	expect_new_checkin 2026-01-11
	# Far east: 2026-01-10T20:00Z is 05:00 on Jan 11 in Tokyo.
	TZ=Asia/Tokyo MEND_NOW=2026-01-10T20:00:00Z mend checkin --mood 7
	expect_updated_checkin 2026-01-11
	mend list --json
	expect_eq "$(json 'length')" 2 "entries"
}

t_checkin_contact_logs_a_contact_and_restarts_the_period() {
	mend start --date 2026-01-01
	expect_rc 0
	mend checkin --mood 5 --contact
	expect_rc 0
	expect_out "10 days"
	mend list --json
	expect_fields \
		'[.[] | select(.kind == "contact")] | length' 1 \
		'.[] | select(.kind == "contact") | .by' me \
		'.[] | select(.kind == "contact") | .restarted_period' true \
		'.[] | select(.kind == "checkin") | .contact' true
	mend periods --json
	expect_fields \
		'length' 2 \
		'.[0].started_at' 2026-01-01T00:00:00Z \
		'.[0].ended_at' 2026-01-11T09:00:00Z \
		'.[0].days' 10 \
		'.[1].started_at' 2026-01-11T09:00:00Z \
		'.[1].ended_at' null
	mend status --json
	expect_fields \
		'.no_contact_days' 0 \
		'.longest_streak_days' 10 \
		'.contacts' 1
}

t_checkin_second_contact_same_day_logs_no_second_contact() {
	mend start --date 2026-01-01
	mend checkin --mood 5 --contact
	MEND_NOW=2026-01-11T18:00:00Z mend checkin --mood 4 --contact
	expect_rc 0
	expect_updated_checkin 2026-01-11
	mend list --json
	expect_eq "$(json '[.[] | select(.kind == "contact")] | length')" 1 "contacts"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods"
	MEND_NOW=2026-01-11T18:00:00Z mend status --json
	expect_eq "$(json '.contacts')" 1 "contacts"
}

t_checkin_contact_later_in_the_day_is_logged_once() {
	mend start --date 2026-01-01
	mend checkin --mood 5 --no-contact
	mend list --json
	expect_eq "$(json '.[0].contact')" false "contact before"
	MEND_NOW=2026-01-11T12:00:00Z mend checkin --mood 5 --contact
	expect_rc 0
	mend list --json
	expect_fields \
		'[.[] | select(.kind == "contact")] | length' 1 \
		'.[] | select(.kind == "checkin") | .contact' true
	# Saying --no-contact afterwards does not un-log it.
	MEND_NOW=2026-01-11T13:00:00Z mend checkin --mood 5 --no-contact
	mend list --json
	expect_fields \
		'[.[] | select(.kind == "contact")] | length' 1 \
		'.[] | select(.kind == "checkin") | .contact' true
}

t_checkin_contact_and_no_contact_together_are_refused() {
	bad_input "contact" checkin --mood 5 --contact --no-contact
}

t_checkin_without_mood_is_refused() {
	bad_input "mood" checkin --urge 3
}

t_status_json_has_the_documented_keys_and_types() {
	mend status --json
	expect_rc 0
	expect_eq "$(json '[.no_contact_days, .goal_days, .longest_streak_days, .contacts] | map(type) | join(" ")')" \
		"number number number number" "number keys"
	expect_fields \
		'.checked_in_today | type' boolean \
		'.checked_in_today' false \
		'.goal_days' 30
	case "$(json '.suggested_module')" in
	checkin | nocontact | reflection | growth | acceptance) ;;
	*) fail "suggested_module is $(json '.suggested_module')" ;;
	esac
	mend checkin --mood 6
	mend status --json
	expect_fields \
		'.checked_in_today' true \
		'.today_mood' 6
	case "$(json '.suggested_module')" in
	checkin | nocontact | reflection | growth | acceptance) ;;
	*) fail "suggested_module is $(json '.suggested_module')" ;;
	esac
	# The next day the check-in is not done yet.
	MEND_NOW=2026-01-12T09:00:00Z mend status --json
	expect_eq "$(json '.checked_in_today')" false "checked_in_today next day"
}

t_status_text_reports_the_streak() {
	mend start --date 2026-01-01 --goal 60
	mend status
	expect_rc 0
	expect_out "day 10"
	expect_out "goal 60 days"
	expect_out "not yet"
}

t_three_low_moods_show_the_low_mood_note() {
	MEND_NOW=2026-01-09T10:00:00Z mend checkin --mood 2
	MEND_NOW=2026-01-10T10:00:00Z mend checkin --mood 1
	expect_rc 0
	grep -q "emergency services" "$OUT" && fail "low-mood note after two days"
	MEND_NOW=2026-01-11T10:00:00Z mend checkin --mood 2
	expect_rc 0
	expect_out "emergency services"
	MEND_NOW=2026-01-11T10:00:00Z mend status --json
	expect_eq "$(json '.low_mood')" true "low_mood"
	MEND_NOW=2026-01-11T10:00:00Z mend status
	expect_out "emergency services"
}

t_low_mood_needs_all_three_latest_checkins_low() {
	MEND_NOW=2026-01-09T10:00:00Z mend checkin --mood 2
	MEND_NOW=2026-01-10T10:00:00Z mend checkin --mood 3
	MEND_NOW=2026-01-11T10:00:00Z mend checkin --mood 1
	expect_rc 0
	grep -q "emergency services" "$OUT" && fail "low-mood note with a mood 3 among the three"
	mend status --json
	expect_eq "$(json '.low_mood')" false "low_mood"
	# A better day ends it.
	MEND_NOW=2026-01-12T10:00:00Z mend checkin --mood 1
	MEND_NOW=2026-01-13T10:00:00Z mend checkin --mood 2
	expect_out "emergency services"
	MEND_NOW=2026-01-14T10:00:00Z mend checkin --mood 6
	grep -q "emergency services" "$OUT" && fail "low-mood note after a mood 6"
	MEND_NOW=2026-01-14T10:00:00Z mend status --json
	expect_eq "$(json '.low_mood')" false "low_mood after a better day"
}

run_tests
