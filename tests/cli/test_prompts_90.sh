#!/bin/bash
# SPDX-License-Identifier: MIT
# Today's prompt over a season: a scripted journal answering the
# reflection prompt of the day, every day for 90 days from the first day
# of no contact (the clock moved with MEND_NOW), never meets the same
# prompt twice; the prompt answered today gives way to another; and the
# prompts still rotate for someone who only reads them.
. "$(dirname "$0")/lib.sh"

day_at() {
	date -u -d "2026-01-01 08:30 UTC + $1 days" +%Y-%m-%dT%H:%M:%SZ
}

t_answering_daily_no_prompt_comes_back_within_90_days() {
	local day id seen=" "
	export MEND_NOW
	MEND_NOW=$(day_at 0)
	mend start --date 2026-01-01
	expect_rc 0
	for day in $(seq 0 89); do
		MEND_NOW=$(day_at "$day")
		mend prompt --module reflection --json
		expect_rc 0
		id=$(json .id)
		[[ "$seen" != *" $id "* ]] ||
			fail "day $day brought $id again within 90 days"
		seen="$seen$id "
		mend reflect --prompt "$id" "Day $day, written down."
		expect_rc 0
	done
	mend list --kind reflection --json --limit 1000
	expect_eq "$(jq '[.[].prompt_id] | unique | length' "$OUT")" 90 \
		"different prompts answered"
}

t_at_a_low_mood_too_no_prompt_comes_back_within_90_days() {
	local day id seen=" "
	export MEND_NOW
	MEND_NOW=$(day_at 0)
	mend start --date 2026-01-01
	for day in $(seq 0 89); do
		MEND_NOW=$(day_at "$day")
		mend checkin --mood 2
		expect_rc 0
		mend prompt --module reflection --json
		id=$(json .id)
		[[ "$seen" != *" $id "* ]] ||
			fail "day $day at mood 2 brought $id again within 90 days"
		seen="$seen$id "
		mend reflect --prompt "$id" "Day $day."
		expect_rc 0
	done
}

t_the_prompt_answered_today_gives_way_to_another() {
	local first second
	mend start --date 2026-01-01
	mend prompt --module reflection --json
	first=$(json .id)
	mend prompt --module reflection --json
	expect_eq "$(json .id)" "$first" "the day's prompt, asked again"
	mend reflect --prompt "$first" "An answer."
	expect_rc 0
	mend prompt --module reflection --json
	second=$(json .id)
	[ "$second" != "$first" ] || fail "the answered prompt was offered again"
}

t_reading_without_answering_still_rotates_daily() {
	local day ids=""
	mend start --date 2025-06-01
	export MEND_NOW
	for day in 0 1 2 3 4 5 6; do
		MEND_NOW=$(day_at "$day")
		mend prompt --module reflection --json
		ids="$ids $(json .id)"
	done
	expect_eq "$(tr ' ' '\n' <<<"$ids" | sed '/^$/d' | sort -u | wc -l)" 7 \
		"different prompts over a week"
}

run_tests
