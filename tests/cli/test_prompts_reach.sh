#!/bin/bash
# SPDX-License-Identifier: MIT
# Every prompt can be answered and saved from the command line: reflection
# and no-contact prompts with `mend reflect` (a no-contact answer is a
# reflection that keeps its prompt), acceptance prompts with `mend
# accept`, self-improvement prompts with `mend grow` (logged in the
# prompt's category). And today's prompt
# fits the day: nothing heavy on the first days or after a low check-in.
. "$(dirname "$0")/lib.sh"

t_reflect_answers_a_no_contact_prompt() {
	mend reflect --prompt nocontact.urges.1 "It wants comfort, mostly."
	expect_rc 0
	mend list --json
	expect_fields '.[0].kind' reflection '.[0].module' reflection \
		'.[0].prompt_id' nocontact.urges.1 \
		'.[0].text' "It wants comfort, mostly."
	[[ "$(json '.[0].prompt_text')" == *"urge to reach out"* ]] ||
		fail "the prompt's words were not kept"
}

t_grow_answers_a_growth_prompt_in_its_category() {
	mend grow --prompt growth.rest.1 --minutes 20 "A quiet cup of tea."
	expect_rc 0
	mend list --json
	expect_fields '.[0].kind' growth '.[0].category' rest \
		'.[0].minutes' 20 '.[0].text' "A quiet cup of tea."
}

t_grow_with_a_prompt_may_name_another_category() {
	mend grow --prompt growth.rest.1 --category connection "Called my sister."
	expect_rc 0
	mend list --json
	expect_fields '.[0].category' connection
}

t_a_prompt_of_another_module_says_where_it_is_answered() {
	bad_input "answer it with mend reflect --prompt nocontact.urges.1" \
		accept --prompt nocontact.urges.1 "some text"
	bad_input "answer it with mend grow --prompt growth.body.1" \
		reflect --prompt growth.body.1 "some text"
	bad_input "answer it with mend accept --prompt acceptance.control.1" \
		grow --prompt acceptance.control.1 "some text"
}

t_every_built_in_prompt_can_be_answered() {
	local ids id module n=0
	mend prompts --json
	expect_rc 0
	ids=$(jq -r '.[] | "\(.id) \(.module)"' "$OUT")
	while read -r id module; do
		case $module in
		reflection | nocontact) mend reflect --prompt "$id" "An answer." ;;
		acceptance) mend accept --prompt "$id" "An answer." ;;
		growth) mend grow --prompt "$id" "An answer." ;;
		*) fail "a prompt of an unknown module: $id $module" ;;
		esac
		[ "$RC" -eq 0 ] || fail "$id ($module) could not be answered"
		n=$((n + 1))
	done <<<"$ids"
	mend list --json --limit 1000
	expect_eq "$(jq 'length' "$OUT")" "$n" "answers saved"
	expect_eq "$(jq '[.[] | select(.kind != "growth" and .prompt_id == null)] |
		length' "$OUT")" 0 "written answers without their prompt"
}

t_first_day_at_a_low_mood_offers_no_my_part_prompt() {
	local day theme
	for day in $(seq 1 40); do
		export MEND_DB="$WORK/j$day.db"
		export MEND_NOW
		MEND_NOW=$(date -u -d "2026-01-01 20:00 UTC + $day days" +%Y-%m-%dT%H:%M:%SZ)
		mend start --date "$(date -u -d "2026-01-01 + $((day - 1)) days" +%F)"
		mend checkin --mood 2
		expect_rc 0
		mend prompt --module reflection --json
		expect_rc 0
		theme=$(json .theme)
		case $theme in
		my-part | their-part | patterns | motives | communication)
			fail "day 1 at mood 2 was offered a $theme prompt: $(json .text)" ;;
		esac
	done
}

t_later_and_steadier_days_offer_every_theme() {
	local day themes=""
	mend start --date 2025-10-01
	# answering each day's prompt, as the day's prompt is the one
	# answered longest ago, every prompt comes round in a season
	for day in $(seq 1 135); do
		export MEND_NOW
		MEND_NOW=$(date -u -d "2026-01-01 20:00 UTC + $day days" +%Y-%m-%dT%H:%M:%SZ)
		mend checkin --mood 6
		mend prompt --module reflection --json
		themes="$themes $(json .theme)"
		[[ "$themes" == *my-part* && "$themes" == *patterns* ]] && break
		mend reflect --prompt "$(json .id)" "An answer."
	done
	[[ "$themes" == *my-part* && "$themes" == *patterns* ]] ||
		fail "the deeper themes never came, months in at mood 6:$themes"
}

run_tests
