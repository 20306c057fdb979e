#!/bin/bash
# SPDX-License-Identifier: MIT
# The guided path on the command line: `mend path` (the stages, where you
# are and why, `set STAGE|auto`), `mend today` (the daily step), `mend
# intend` and `mend lookback`, and `mend config contact-mode`. The long
# test scripts ninety days of a journal with MEND_NOW moving day by day,
# and checks that the step follows the stage, the mood and the decision.
. "$(dirname "$0")/lib.sh"

# day N: the ISO moment of 09:00 on the Nth day after 2026-01-01
day() {
	printf '%sT%s:00Z' "$(date -u -d "2026-01-01 +$1 days" +%F)" "${2:-09:00}"
}

# today_on N [HH:MM]: `mend today --json` on day N
today_on() {
	MEND_NOW=$(day "$1" "${2:-}") mend today --json
	expect_rc 0
}

# expect_said TEXT: stdout says TEXT, its wrapped lines read as one
expect_said() {
	tr -s ' \n' '  ' <"$OUT" | grep -qF -- "$1" || fail "stdout lacks: $1"
}

# setting KEY: a setting's value in the journal, "" when unset
setting() {
	sqlite3 "$MEND_DB" "SELECT value FROM settings WHERE key = '$1'"
}

t_path_lists_the_stages_and_marks_where_you_are() {
	mend start --date 2026-01-08
	mend path
	expect_rc 0
	expect_out "> 1. Space (space)  you are here, as suggested"
	expect_out "  2. Understanding (understanding)"
	expect_out "  4. Deciding and accepting (deciding)"
	expect_out "Time to move on?"
	expect_out "Suggested: Space. Why: day 3 since the start, 0 things written."
	expect_out "never locks"
}

t_path_set_moves_ahead_and_back_and_auto_follows_again() {
	mend start --date 2026-01-08
	mend path set rebuilding
	expect_rc 0
	expect_out "Your path is now at: Rebuilding."
	expect_eq "$(setting stage)" rebuilding "stage setting"
	mend path
	expect_out "> 3. Rebuilding (rebuilding)  you are here, by your choice"
	expect_out "  1. Space (space)  suggested"
	mend today --json
	expect_fields .stage rebuilding .suggested_stage space .stage_chosen true
	mend path set space
	expect_eq "$(setting stage)" space "stage setting"
	mend path set auto
	expect_out "Following the suggestion again."
	expect_eq "$(setting stage)" "" "stage setting after auto"
	mend today --json
	expect_fields .stage space .stage_chosen false
}

t_path_set_bad_stage_writes_nothing() {
	bad_input "stage: 'later' is not one of space, understanding, rebuilding, deciding, auto" path set later
	[ ! -e "$MEND_DB" ] || fail "a journal was created for a refused stage"
}

t_today_is_the_same_all_day_and_changes_with_the_days() {
	mend start --date 2025-12-20
	today_on 10 08:00
	local morning evening
	morning=$(json .text)
	today_on 10 22:30
	evening=$(json .text)
	expect_eq "$evening" "$morning" "the step at night"
	local seen=""
	for d in 10 11 12 13 14 15 16; do
		today_on "$d"
		seen="$seen$(json .text)"$'\n'
	done
	[ "$(printf '%s' "$seen" | sort -u | wc -l)" -ge 4 ] ||
		fail "a week of steps has fewer than four different days: $seen"
}

t_today_prompt_step_names_a_prompt_to_answer() {
	mend start --date 2026-01-08
	local found=""
	for d in $(seq 10 40); do
		today_on "$d"
		if [ "$(json .kind)" = prompt ]; then
			found=$(json .prompt)
			MEND_NOW=$(day "$d") mend today
			expect_out "(mend reflect --prompt $found)"
			mend prompts --json
			[ "$(json "map(select(.id == \"$found\")) | length")" = 1 ] ||
				fail "the step's prompt $found is not one of mend's"
			break
		fi
	done
	[ -n "$found" ] || fail "a month of steps without one prompt"
}

# Ninety days: check-ins every morning (urges easing over the weeks,
# three hard days in the third week), a reflection every other day, and
# a decision to try again on day 60.
t_ninety_days_the_step_follows_stage_mood_and_decision() {
	MEND_NOW=$(day 0) mend start --date 2026-01-01
	expect_rc 0
	local d mood urge stage kind source
	for d in $(seq 1 89); do
		mood=6
		urge=$((d < 30 ? 8 - d / 5 : 2))
		case $d in 20 | 21 | 22) mood=2 ;; esac
		MEND_NOW=$(day "$d" 08:00) mend checkin --mood "$mood" --urge "$urge" --no-contact
		expect_rc 0
		if [ $((d % 2)) -eq 0 ]; then
			MEND_NOW=$(day "$d" 12:00) mend reflect "day $d, a few words"
			expect_rc 0
		fi
		[ "$d" -eq 60 ] && {
			MEND_NOW=$(day 60 13:00) mend decide reconnect --note "we talked"
			expect_rc 0
		}
		today_on "$d" 18:00
		stage=$(json .stage) kind=$(json .kind) source=$(json .source)
		case $d in
		20 | 21 | 22)
			expect_eq "$kind" care "day $d (mood 2): the step"
			;;
		*)
			[ "$kind" != care ] || fail "day $d (mood $mood): care on a steady day"
			;;
		esac
		if [ "$d" -lt 14 ]; then
			expect_eq "$stage" space "day $d: the stage"
		elif [ "$d" -ge 16 ] && [ "$d" -lt 35 ]; then
			expect_eq "$stage" understanding "day $d: the stage"
		elif [ "$d" -ge 36 ] && [ "$d" -lt 60 ]; then
			expect_eq "$stage" rebuilding "day $d: the stage"
		elif [ "$d" -ge 60 ]; then
			expect_eq "$stage" deciding "day $d: the stage"
			expect_eq "$source" decided "day $d (after reconnect): the step's source"
			[ "$(json .theme)" = null ] || [ "$(json .theme)" = communication ] ||
				[ "$(json .theme)" = boundaries ] ||
				fail "day $d: after reconnect a prompt on $(json .theme)"
		fi
		if [ "$d" -ge 36 ] && [ "$d" -lt 60 ] && [ "$source" != stage ]; then
			fail "day $d: the step is not from the stage"
		fi
	done
	MEND_NOW=$(day 70) mend path
	expect_out "Why: you made a decision (reconnect)"
	expect_said "The count of days apart is no longer the goal"
	expect_said "Getting back together is not always the healthy outcome"
}

# Two journals on the same day, in different places, get different days.
t_two_places_on_the_same_day_get_different_steps() {
	mend start --date 2026-01-05
	local space=() rebuilding=() differ=0 d
	for d in $(seq 10 19); do
		today_on "$d"
		space+=("$(json .text)")
	done
	mend path set rebuilding
	for d in $(seq 10 19); do
		today_on "$d"
		rebuilding+=("$(json .text)")
		expect_fields .stage rebuilding
	done
	for d in $(seq 0 9); do
		[ "${space[$d]}" = "${rebuilding[$d]}" ] || differ=$((differ + 1))
	done
	[ "$differ" -ge 9 ] || fail "only $differ of ten days differ between two stages"
}

t_intend_saves_the_intention_with_the_stage() {
	mend start --date 2026-01-01
	mend path set understanding
	mend intend "Today I'll give myself space."
	expect_rc 0
	expect_out "Saved your intention for today"
	mend list --json
	expect_fields '.[0].kind' intention '.[0].text' "Today I'll give myself space." \
		'.[0].step' understanding
}

t_intend_reads_standard_input() {
	mend_in "Today I'll be kind to myself." intend -
	expect_rc 0
	mend list --json
	expect_fields '.[0].kind' intention '.[0].text' "Today I'll be kind to myself."
}

t_lookback_saves_text_and_an_optional_mood() {
	mend lookback --mood 6 "Quieter than yesterday."
	expect_rc 0
	expect_out "Saved your look-back on today"
	mend lookback "Just tired."
	expect_rc 0
	mend list --json
	expect_fields '.[1].kind' lookback '.[1].mood' 6 '.[1].text' "Quieter than yesterday." \
		'.[0].mood' null
}

t_contact_mode_low_counts_contact_beyond_what_is_necessary() {
	mend config contact-mode
	expect_out "none"
	mend start --date 2026-01-01
	mend config contact-mode low
	expect_rc 0
	expect_out "Saved: contact-mode = low"
	expect_eq "$(setting contact-mode)" low "contact-mode setting"
	mend config
	expect_out "contact-mode = low"
	mend status
	expect_out "No contact: day 10"
	expect_out "Low contact: the days counted are days without contact beyond what is necessary."
	# the school run: necessary, the count goes on
	mend contact --by me --channel text --necessary --note "pick-up times"
	expect_rc 0
	mend status --json
	expect_fields .no_contact_days 10 .periods 1
	# a message that was not necessary restarts it, in both modes
	MEND_NOW=2026-01-12T09:00:00Z mend contact --by me --channel text
	MEND_NOW=2026-01-12T10:00:00Z mend status --json
	expect_fields .no_contact_days 0 .periods 2
	mend config contact-mode none
	expect_out "Saved: contact-mode = none"
	mend status
	[ "$(grep -c 'Low contact' "$OUT")" = 0 ] || fail "low contact said after none"
	expect_eq "$(setting contact-mode)" "" "contact-mode setting"
}

t_path_commands_have_help_and_completions() {
	local c
	for c in path today intend lookback; do
		mend "$c" --help
		expect_rc 0
		expect_out "usage: mend $c"
		mend --help
		expect_out "  $c "
	done
	mend completions --values stages
	expect_rc 0
	expect_out "rebuilding"
	expect_out "auto"
	mend completions bash
	expect_out "lookback"
}

run_tests
