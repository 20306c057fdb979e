#!/bin/bash
# SPDX-License-Identifier: MIT
# Today's suggestion over a scripted month: it varies, it takes a calm
# day as good news, it meets a low day with care or company rather than
# module work, and it follows the decision the person has made.
. "$(dirname "$0")/lib.sh"

# The evening of day N of the month (day 0 is 2026-01-01).
evening() {
	date -u -d "2026-01-01 20:00 UTC + $1 days" +%Y-%m-%dT%H:%M:%SZ
}

# Moods of the 37 evenings ("-" for an evening without a check-in).
MOODS=(4 3 5 7 6 2 5 8 5 6 3 7 5 - 6 8 2 5 7 6 5 3 8 5 6 7 5 2 6 8 5 6 3 7 5 6 8)

# The urge that goes with a mood: calm days are quiet, one day is hard.
urge_for() {
	local day=$1 mood=$2
	if [ "$day" -eq 8 ]; then echo 8
	elif [ "$mood" -ge 7 ]; then echo 1
	elif [ "$mood" -le 3 ]; then echo 5
	else echo 3
	fi
}

# live_month [DECISION DAY]: run the month, with an optional decision on
# DAY; each evening's suggested module and sentence go to $WORK/month as
# "day<TAB>mood<TAB>module<TAB>sentence". With QUIET=1 the person only
# checks in after the first week, as happens in a hard month.
live_month() {
	local decision=${1:-} on=${2:-99} day mood
	: >"$WORK/month"
	export MEND_NOW
	MEND_NOW=$(evening 0)
	mend start --date 2025-12-31
	expect_rc 0
	for day in $(seq 0 36); do
		MEND_NOW=$(evening "$day")
		mood=${MOODS[$day]}
		if [ "$mood" != - ]; then
			mend checkin --mood "$mood" --urge "$(urge_for "$day" "$mood")"
			expect_rc 0
		fi
		[ "$day" -eq "$on" ] && { mend decide "$decision"; expect_rc 0; }
		mend status --json
		expect_rc 0
		printf '%s\t%s\t%s\t%s\n' "$day" "$mood" \
			"$(json .suggested_module)" "$(json .suggestion)" >>"$WORK/month"
		# what the person does after reading it, on some evenings
		[ "${QUIET:-0}" = 1 ] && [ "$day" -gt 7 ] && continue
		if [ $((day % 3)) -eq 1 ]; then
			mend reflect "Day $day, a few honest lines."
			expect_rc 0
		fi
		if [ $((day % 4)) -eq 2 ]; then
			mend grow --category body "A walk on day $day"
			expect_rc 0
		fi
		if [ "$day" -eq 20 ]; then
			mend accept "Some of this is not mine to control."
			expect_rc 0
		fi
	done
}

expect_varied_month() {
	local most
	most=$(cut -f4 "$WORK/month" | sort | uniq -c | sort -rn | head -1)
	[ "${most%% [A-Z]*}" -le 12 ] ||
		fail "one sentence on more than a third of 37 evenings: $most"
	[ "$(cut -f4 "$WORK/month" | sort -u | wc -l)" -ge 6 ] ||
		fail "fewer than six different suggestions in a month:
$(cut -f4 "$WORK/month" | sort | uniq -c)"
}

t_suggestions_vary_over_a_busy_month() {
	live_month
	expect_varied_month
}

t_suggestions_vary_over_a_quiet_month() {
	QUIET=1 live_month
	expect_varied_month
}

t_calm_days_are_good_news() {
	live_month
	local day mood module text
	while IFS=$'\t' read -r day mood module text; do
		[ "$mood" != - ] && [ "$mood" -ge 7 ] || continue
		[[ "$text" == *"good news"* ]] ||
			fail "calm evening $day (mood $mood) got: $text"
	done <"$WORK/month"
}

t_low_days_get_care_or_company_not_module_work() {
	live_month
	local day mood module text
	while IFS=$'\t' read -r day mood module text; do
		[ "$mood" != - ] && [ "$mood" -le 3 ] || continue
		[[ "$text" == *gentle* || "$text" == *"someone you trust"* ]] ||
			fail "low evening $day (mood $mood) got: $text"
		case $module in
		reflection | acceptance | nocontact)
			fail "low evening $day was sent to $module: $text" ;;
		esac
	done <"$WORK/month"
}

# After choosing to reconnect or stay friends, no-contact is not pushed.
expect_no_contact_left_alone_after() {
	local from=$1 day mood module text
	while IFS=$'\t' read -r day mood module text; do
		[ "$day" -ge "$from" ] || continue
		[ "$module" != nocontact ] ||
			fail "evening $day still suggests no contact: $text"
		[[ "$text" != *contact* ]] ||
			fail "evening $day still speaks of contact: $text"
	done <"$WORK/month"
}

t_after_deciding_to_reconnect_no_contact_is_not_pushed() {
	live_month reconnect 6
	expect_no_contact_left_alone_after 6
	grep -q "	nocontact	" <(head -6 "$WORK/month") ||
		fail "the first days never suggested no contact, so this proves nothing"
}

t_after_deciding_on_friends_no_contact_is_not_pushed() {
	live_month friends 6
	expect_no_contact_left_alone_after 6
}

t_an_urge_logged_today_is_not_called_yesterdays() {
	export MEND_NOW=2026-01-11T20:00:00Z
	mend start --date 2026-01-01
	mend checkin --mood 5 --urge 9
	expect_rc 0
	mend status --json
	expect_fields .suggested_module nocontact
	[[ "$(json .suggestion)" != *esterday* ]] ||
		fail "today's urge is called yesterday's: $(json .suggestion)"
}

run_tests
