#!/bin/bash
# SPDX-License-Identifier: MIT
# The exercises on the command line: the list with every source, one
# exercise's steps, saving each exercise as an entry of its own kind
# (its id in step, minutes as seconds, the mood after), the weekly
# clarity rating, and the entries found again by list --kind, search,
# show, the JSON and Markdown exports and an import of that export.
. "$(dirname "$0")/lib.sh"

q() {
	sqlite3 "$MEND_DB" "$1"
}

t_the_list_names_every_exercise_with_its_source() {
	mend exercise
	expect_rc 0
	for id in expressive compassion asthey whoami plan gained; do
		expect_out "$id"
	done
	expect_out "From: Lepore & Greenberg 2002, Psychology & Health 17(5)"
	expect_out "From: Sbarra, Smith & Mehl 2012, Psychological Science 23(3)"
	expect_out "From: Langeslag & Sanchez 2018, Journal of Experimental Psychology: General 147(5)"
	expect_out "From: Slotter, Gardner & Finkel 2010"
	expect_out "Larson & Sbarra 2015"
	expect_out "From: Lewandowski 2009, Journal of Positive Psychology"
	expect_out "From: Cuijpers, van Straten & Warmerdam 2007, Clinical Psychology Review 27(3)"
	expect_out "they are"
	expect_out "not treatment"
	# the rumination question, and the gentler writing it leads to
	expect_out "keep going over why it happened"
	expect_out "'steady' (Just the day)"
	[ ! -e "$MEND_DB" ] || fail "listing the exercises wrote a journal"
}

t_show_gives_the_steps_the_headings_and_the_finding() {
	mend exercise asthey --show
	expect_rc 0
	expect_out "Seeing them as they were (asthey)"
	expect_out "Stage: understanding"
	expect_out "1. Write down some of their less lovable sides"
	expect_out '"Their less lovable sides", "Where it did not work"'
	expect_out "The effects were modest."
	mend exercise expressive --show
	expect_out "a 15-minute timer"
}

t_each_exercise_is_saved_as_an_exercise_entry_with_its_id() {
	local id
	for id in expressive steady compassion asthey whoami plan gained; do
		mend exercise "$id" "Written for $id."
		expect_rc 0
		expect_out "Saved:"
	done
	expect_eq "$(q "select group_concat(step, ' ') from (select step from entries where kind = 'exercise' order by id)")" \
		"expressive steady compassion asthey whoami plan gained" "steps"
	expect_eq "$(q "select count(*) from entries where kind = 'exercise' and module = 'path'")" 7 "module"
	expect_eq "$(q "select text from entries where step = 'gained'")" "Written for gained." "text"
}

t_minutes_and_mood_are_kept_as_seconds_and_mood() {
	mend exercise plan --minutes 20 --mood 7 "A walk by the river, then the dishes."
	expect_rc 0
	expect_out "Plan something good"
	expect_eq "$(q "select step, seconds, mood, score is null from entries")" "plan|1200|7|1" "fields"
	mend list --kind exercise
	expect_out "Plan something good · 20 min · mood after 7/10"
}

t_expressive_writing_counts_the_days_of_the_last_four() {
	export MEND_NOW=2026-01-08T21:00:00Z
	mend exercise expressive "The first evening."
	expect_out "You have written on 1 of the last 4 days"
	MEND_NOW=2026-01-09T21:00:00Z
	mend exercise expressive "The second."
	mend exercise expressive "Once more the same day."
	expect_out "You have written on 2 of the last 4 days"
	MEND_NOW=2026-01-13T21:00:00Z
	mend exercise expressive "After a break."
	expect_out "You have written on 1 of the last 4 days"
	mend exercise plan "A walk."
	grep -qF "last 4 days" "$OUT" && fail "a plan counted the writing days"
	true
}

t_clarity_is_a_weekly_rating_from_1_to_7() {
	mend clarity 5 "Clearer than last week."
	expect_rc 0
	expect_out "clarity 5 of 7"
	expect_eq "$(q "select kind, module, score, text from entries")" \
		"clarity|path|5|Clearer than last week." "clarity"
	mend clarity 2
	expect_rc 0
	expect_eq "$(q "select count(*) from entries where kind = 'clarity'")" 2 "ratings"
	mend list --kind clarity
	expect_out "clarity 2 of 7"
}

t_list_by_kind_shows_only_that_kind() {
	mend reflect "Plain reflection."
	mend exercise gained "The evenings are mine again."
	mend clarity 4
	mend list --kind exercise --json
	expect_rc 0
	expect_eq "$(json 'length')" 1 "exercise entries"
	expect_fields '.[0].kind' exercise '.[0].step' gained '.[0].module' path
	mend list --kind reflection --json
	expect_eq "$(json '.[0].text')" "Plain reflection." "reflection"
	mend list --kind pause
	expect_out "No entries match."
}

t_an_exercise_is_found_by_search_and_shown_in_words() {
	mend exercise asthey "Their less lovable sides
Always late, and proud of it."
	mend list --search proud --json
	expect_eq "$(json '.[0].step')" asthey "found by search"
	mend show "$(json '.[0].id')"
	expect_rc 0
	expect_out "Your path · exercise"
	expect_out "Seeing them as they were"
	expect_out "Always late, and proud of it."
}

t_exports_carry_the_exercise_and_import_keeps_it() {
	mend exercise expressive --minutes 15 "It ended on a Sunday."
	mend clarity 6
	mend export --format json --output "$WORK/out.json"
	expect_rc 0
	jq -e '[.entries[] | select(.kind == "exercise")][0] |
		.step == "expressive" and .seconds == 900' "$WORK/out.json" >/dev/null ||
		fail "the JSON export lacks the exercise's fields"
	jq -e '[.entries[] | select(.kind == "clarity")][0].score == 6' \
		"$WORK/out.json" >/dev/null || fail "the JSON export lacks the clarity"
	mend export --format markdown --output "$WORK/out.md"
	grep -qF "Expressive writing · 15 min." "$WORK/out.md" ||
		fail "the Markdown export does not name the exercise"
	grep -qF "clarity 6 of 7." "$WORK/out.md" ||
		fail "the Markdown export does not give the clarity"
	export MEND_DB="$WORK/other.db"
	mend import "$WORK/out.json"
	expect_rc 0
	expect_eq "$(q "select step, seconds from entries where kind = 'exercise'")" "expressive|900" "imported"
	expect_eq "$(q "select score from entries where kind = 'clarity'")" 6 "imported clarity"
}

t_text_from_standard_input_is_saved() {
	mend_in "Something pleasant
a film with Sam" exercise plan -
	expect_rc 0
	expect_eq "$(q "select text from entries")" "Something pleasant
a film with Sam" "text"
}

t_bad_input_names_the_field_and_writes_nothing() {
	mend clarity 4
	bad_input "exercise: 'yoga' is not one of" exercise yoga "text"
	bad_input "mood: 11 is not in 1..10" exercise plan --mood 11 "text"
	bad_input "minutes: -3 is not in 0..1440" exercise plan --minutes -3 "text"
	bad_input "minutes: 'ten'" exercise plan --minutes ten "text"
	bad_input "text: missing" exercise plan
	bad_input "clarity: 8 is not in 1..7" clarity 8
	bad_input "clarity: 0 is not in 1..7" clarity 0
	bad_input "clarity: missing" clarity
	bad_input "kind: 'exercises' is not a kind of entry" list --kind exercises
	bad_input "exercise: missing" exercise --show
}

t_help_and_completions_know_the_exercises() {
	mend exercise --help
	expect_rc 0
	expect_out "usage: mend exercise"
	expect_out "--minutes N"
	mend clarity --help
	expect_rc 0
	expect_out "usage: mend clarity N"
	mend completions --values exercises
	expect_rc 0
	expect_out "expressive"
	expect_out "gained"
	mend completions bash
	expect_out "exercise"
	expect_out "clarity"
}

run_tests
