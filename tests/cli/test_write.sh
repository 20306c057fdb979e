#!/bin/bash
# SPDX-License-Identifier: MIT
# The writing commands (reflect, accept, grow, decide) and the prompts.
. "$(dirname "$0")/lib.sh"

# PROMPT_ID: the "id" of the `mend prompt --json` output in $OUT (read
# without starting jq: these loops run the command many times).
read_prompt_id() {
	local line re='^[[:space:]]*"id":[[:space:]]*"([^"]*)"'
	PROMPT_ID=
	while IFS= read -r line; do
		if [[ $line =~ $re ]]; then
			PROMPT_ID=${BASH_REMATCH[1]}
			return 0
		fi
	done <"$OUT"
	fail "no prompt id in the output"
}

# DAY_ISO: 09:00 UTC on day N (days since 1970-01-01).
day_at_nine() {
	TZ=UTC printf -v DAY_ISO '%(%Y-%m-%dT09:00:00Z)T' $(($1 * 86400))
}

# Days since 1970-01-01 of 2026-01-11, the pinned day.
BASE_DAY=20464

t_reflect_with_prompt_stores_prompt_id_and_text() {
	mend prompts --module reflection --json
	local pid ptext
	pid=$(json '.[0].id')
	ptext=$(json '.[0].text')
	mend reflect --prompt "$pid" "It changed slowly."
	expect_rc 0
	expect_out "Saved your reflection entry"
	mend list --json
	expect_fields \
		'.[0].kind' reflection \
		'.[0].module' reflection \
		'.[0].prompt_id' "$pid" \
		'.[0].prompt_text' "$ptext" \
		'.[0].text' "It changed slowly."
	mend show "$(json '.[0].id')"
	expect_out "$ptext"
}

t_reflect_without_prompt_is_free_writing() {
	mend reflect "Just writing."
	expect_rc 0
	mend list --json
	expect_fields \
		'.[0].prompt_id' null \
		'.[0] | has("prompt_text")' false
}

t_reflect_from_stdin_keeps_utf8_bytes_exactly() {
	local text
	text=$'Café crème, naïve façade, Ærøskøbing, Ñandú\n心が痛い。还好吗？ 괜찮아\n😢🌱🫶🏽 👩‍👩‍👧\nΗow tο Ꮐet Υоur Eⲭ Вack\n\ttabbed line  \n'
	mend_in "$text" reflect -
	expect_rc 0
	mend list --json
	jq -j '.[0].text' <"$OUT" >"$WORK/got"
	printf '%s' "$text" >"$WORK/want"
	cmp -s "$WORK/got" "$WORK/want" || fail "the text changed on the way through list --json"
	mend show "$(json '.[0].id')" --json
	jq -j '.text' <"$OUT" >"$WORK/got"
	cmp -s "$WORK/got" "$WORK/want" || fail "the text changed on the way through show --json"
	# The stored bytes are the written bytes.
	expect_eq "$(sqlite3 "$MEND_DB" "SELECT hex(text) FROM entries")" \
		"$(od -An -tx1 -v <"$WORK/want" | tr -d ' \n' | tr a-f A-F)" "stored bytes"
}

t_lookalike_letters_are_not_folded_into_latin() {
	mend_in "Ηow tο Ꮐet Υоur Eⲭ" reflect -
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0].text')" "Ηow tο Ꮐet Υоur Eⲭ" "text"
	[ "$(json '.[0].text')" = "How to Get Your Ex" ] && fail "look-alikes were folded"
	mend list --search "How to Get Your Ex" --json
	expect_rc 0
	expect_eq "$(json 'length')" 0 "matches for the Latin spelling"
}

t_accept_with_acceptance_prompt() {
	mend prompts --module acceptance --json
	local pid
	pid=$(json '.[0].id')
	mend accept --prompt "$pid" "Some things were never mine to control."
	expect_rc 0
	expect_out "Saved your acceptance entry"
	mend list --json
	expect_fields \
		'.[0].kind' acceptance \
		'.[0].module' acceptance \
		'.[0].prompt_id' "$pid"
}

t_reflect_with_acceptance_prompt_is_refused() {
	mend checkin --mood 5
	mend prompts --module acceptance --json
	local pid
	pid=$(json '.[0].id')
	bad_input "$pid" reflect --prompt "$pid" "wrong module"
	expect_err "acceptance"
}

t_accept_with_reflection_prompt_is_refused() {
	mend checkin --mood 5
	mend prompts --module reflection --json
	local pid
	pid=$(json '.[0].id')
	bad_input "$pid" accept --prompt "$pid" "wrong module"
}

t_grow_logs_category_minutes_and_text() {
	mend grow --category body --minutes 30 "A run by the river"
	expect_rc 0
	expect_out "Logged for body"
	mend list --json
	expect_fields \
		'.[0].kind' growth \
		'.[0].category' body \
		'.[0].minutes' 30 \
		'.[0].text' "A run by the river"
	mend grow --category mind "Read a chapter"
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0] | has("minutes")')" false "minutes when not given"
}

t_grow_week_totals_this_week_per_category() {
	# 2026-01-11 is a Sunday: the week began on Monday 2026-01-05.
	MEND_NOW=2026-01-04T12:00:00Z mend grow --category body --minutes 45 "last week"
	MEND_NOW=2026-01-05T12:00:00Z mend grow --category body --minutes 30 "run"
	MEND_NOW=2026-01-07T12:00:00Z mend grow --category body --minutes 20 "swim"
	MEND_NOW=2026-01-08T12:00:00Z mend grow --category mind "read"
	# 03:00 on Monday still belongs to Sunday's journal day.
	MEND_NOW=2026-01-12T03:00:00Z mend grow --category rest --minutes 60 "nap"
	mend grow --week
	expect_rc 0
	expect_out "This week"
	grep -qE '^ *Body +2 times +50 min$' "$OUT" || fail "body totals"
	grep -qE '^ *Mind +1 time +0 min$' "$OUT" || fail "mind totals"
	grep -qE '^ *Rest +1 time +60 min$' "$OUT" || fail "rest totals"
	grep -qE '^ *Skills +0 times +0 min$' "$OUT" || fail "skills totals"
	# A new week starts from nothing.
	MEND_NOW=2026-01-12T09:00:00Z mend grow --week
	grep -qE '^ *Body +0 times +0 min$' "$OUT" || fail "body totals next week"
}

t_grow_week_takes_no_category() {
	bad_input "week" grow --week --category body
}

t_decide_keeps_every_decision_and_shows_the_latest() {
	mend decide
	expect_rc 0
	expect_out "No decision yet"
	MEND_NOW=2026-01-10T09:00:00Z mend decide friends --note "we were friends first"
	expect_rc 0
	expect_out "Decision saved: friends"
	mend decide part-ways
	expect_rc 0
	mend list --module acceptance --json
	expect_eq "$(json '[.[] | select(.kind == "decision") | .outcome] | join(" ")')" \
		"part-ways friends" "decisions, newest first"
	expect_eq "$(json '.[1].text')" "we were friends first" "note"
	mend decide
	expect_rc 0
	expect_out "Current decision: part-ways"
	mend status --json
	expect_eq "$(json '.decision')" part-ways "status decision"
}

t_decide_twice_in_the_same_second_shows_the_later() {
	mend decide reconnect
	mend decide undecided
	mend decide friends
	mend decide
	expect_out "Current decision: friends"
	mend status --json
	expect_eq "$(json '.decision')" friends "status decision"
}

t_prompt_module_shows_a_prompt_of_that_module() {
	local m
	for m in reflection acceptance nocontact growth; do
		mend prompt --module "$m" --json
		expect_rc 0
		expect_eq "$(json '.module')" "$m" "module of prompt --module $m"
		local id
		id=$(json '.id')
		mend prompts --module "$m" --json
		expect_eq "$(jq -r --arg id "$id" '[.[] | select(.id == $id)] | length' <"$OUT")" \
			1 "$id among the $m prompts"
	done
	mend prompt --module reflection
	expect_rc 0
	expect_out "mend reflect --prompt"
}

t_prompts_ids_are_unique_and_modules_have_enough() {
	mend prompts --json
	expect_rc 0
	expect_fields \
		'[.[].id] | length == (unique | length)' true \
		'[.[] | select(.module == "reflection")] | length >= 15' true \
		'[.[] | select(.module == "acceptance")] | length >= 15' true \
		'[.[] | select(.module == "nocontact")] | length >= 8' true \
		'[.[] | select(.module == "growth")] | length >= 8' true \
		'[.[].module] | unique | join(" ")' "acceptance growth nocontact reflection"
	local m
	for m in reflection acceptance nocontact growth; do
		mend prompts --module "$m" --json
		expect_rc 0
		expect_fields \
			'[.[].module] | unique | join(" ")' "$m" \
			'length >= 8' true
	done
}

t_prompts_text_lists_ids() {
	mend prompts --module growth
	expect_rc 0
	[ "$(grep -c '^growth\.' "$OUT")" -ge 8 ] || fail "fewer than 8 growth lines"
}

t_prompt_of_the_day_is_the_same_all_day() {
	local m first
	for m in reflection acceptance nocontact growth; do
		MEND_NOW=2026-01-11T04:30:00Z mend prompt --module "$m" --json
		read_prompt_id
		first=$PROMPT_ID
		MEND_NOW=2026-01-11T12:00:00Z mend prompt --module "$m" --json
		read_prompt_id
		expect_eq "$PROMPT_ID" "$first" "$m at noon"
		# 03:00 the next morning is still the same journal day.
		MEND_NOW=2026-01-12T03:00:00Z mend prompt --module "$m" --json
		read_prompt_id
		expect_eq "$PROMPT_ID" "$first" "$m at 03:00 the next morning"
	done
}

# Over a cycle of n days (n = the module's prompt count, starting on a
# day that is a multiple of n) every prompt of the module is shown once.
t_prompt_of_the_day_shows_every_prompt_once_per_cycle() {
	local m n start i all
	mend status
	for m in reflection acceptance nocontact growth; do
		mend prompts --module "$m" --json
		n=$(json 'length')
		all=$(json '[.[].id] | sort | join(" ")')
		start=$(((BASE_DAY + n - 1) / n * n))
		local -A seen=()
		local shown=()
		for ((i = start; i < start + n; i++)); do
			day_at_nine $i
			MEND_NOW=$DAY_ISO mend prompt --module "$m" --json
			expect_rc 0
			read_prompt_id
			[ -z "${seen[$PROMPT_ID]:-}" ] ||
				fail "$m shows $PROMPT_ID on ${seen[$PROMPT_ID]} and again on ${DAY_ISO:0:10}"
			seen[$PROMPT_ID]=${DAY_ISO:0:10}
			shown+=("$PROMPT_ID")
		done
		expect_eq "$(printf '%s\n' "${shown[@]}" | sort | tr '\n' ' ' | sed 's/ $//')" \
			"$all" "$m prompts shown over $n days"
		unset seen
	done
}

# The day a cycle ends and the day the next begins show different
# prompts (inside a cycle they differ anyway, see above).
t_prompt_of_the_day_differs_from_the_day_before() {
	local m n start k a
	for m in reflection acceptance nocontact growth; do
		mend prompts --module "$m" --json
		n=$(json 'length')
		start=$(((BASE_DAY + n - 1) / n * n))
		for ((k = 0; k < 6; k++)); do
			day_at_nine $((start + k * n - 1))
			MEND_NOW=$DAY_ISO mend prompt --module "$m" --json
			read_prompt_id
			a=$PROMPT_ID
			day_at_nine $((start + k * n))
			MEND_NOW=$DAY_ISO mend prompt --module "$m" --json
			read_prompt_id
			[ "$a" != "$PROMPT_ID" ] ||
				fail "$m shows $a on the day before ${DAY_ISO:0:10} and again that day"
		done
	done
}

run_tests
