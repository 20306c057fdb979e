#!/bin/bash
# SPDX-License-Identifier: MIT
# Tags: @word and #word in any text, list --tag, mend tags, the
# check-in's quick tags, and tags carried exactly through export and
# import (mend JSON and jrnl JSON).
. "$(dirname "$0")/lib.sh"

t_tags_are_found_in_text_however_written() {
	MEND_NOW=2026-01-05T10:00:00Z mend reflect "A long day at #Work; then @Ärger. Mail me@example.org"
	MEND_NOW=2026-01-07T10:00:00Z mend reflect "Still #work, and #ärger_again"
	mend tags --json
	expect_rc 0
	expect_eq "$(json 'map(.tag) | join(" ")')" "work ärger ärger_again" "tags, most used first"
	expect_fields '.[0].count' 2 '.[0].shown' '#work' '.[0].last_used' 2026-01-07T10:00:00Z \
		'.[1].shown' '@Ärger' '.[1].count' 1
	mend tags
	expect_rc 0
	expect_out "    2  2026-01-07 10:00  #work"
	expect_out "    1  2026-01-05 10:00  @Ärger"
	grep -q "example" "$OUT" && fail "an address became a tag"
	return 0
}

t_list_by_tag_needs_every_tag() {
	mend reflect "Walked by the sea #walk #calm"
	mend reflect "A #walk in the rain"
	mend reflect "No tags here, just walk"
	mend list --tag WALK --json
	expect_rc 0
	expect_eq "$(json 'length')" 2 "entries tagged walk"
	mend list --tag '#walk' --tag '@Calm' --json
	expect_eq "$(json '.[0].text')" "Walked by the sea #walk #calm" "walk and calm"
	expect_eq "$(json 'length')" 1 "entries with both"
	mend list --tag nothing
	expect_rc 0
	expect_out "No entries match."
}

t_edit_rederives_the_tags() {
	mend reflect "About #work"
	local id
	id=$(sed -n 's/.*(id \([0-9a-f-]*\)).*/\1/p' "$OUT")
	[ -n "$id" ] || fail "no id"
	mend_in "Now about #rest" edit "$id" -
	expect_rc 0
	mend list --tag work --json
	expect_eq "$(json 'length')" 0 "the old tag is gone"
	mend list --tag rest --json
	expect_eq "$(json 'length')" 1 "the new tag is there"
	mend delete "$id" --yes
	mend tags --json
	expect_eq "$(json 'length')" 0 "no tags after the delete"
}

t_sealed_letters_keep_their_tags_to_themselves() {
	mend start --date 2026-01-01
	mend seal --day 30 "Dear me, #secret"
	mend tags --json
	expect_eq "$(json 'length')" 0 "a sealed letter's tags are not listed"
	mend list --tag secret --json
	expect_eq "$(json 'length')" 0 "nor found"
}

t_checkin_takes_quick_tags_kept_beside_the_note() {
	mend checkin --mood 6 --tag sleep --tag Saw-Their-Post --tag SLEEP --note "slept #late"
	expect_rc 0
	mend list --tag saw-their-post --json
	expect_fields 'length' 1 '.[0].text' 'slept #late' '.[0].tags | join(" ")' 'sleep Saw-Their-Post'
	mend tags --json
	expect_eq "$(json 'map(.shown) | sort | join(" ")')" "#late Saw-Their-Post sleep" "the day's tags"
	# a second check-in without --tag keeps them; --tag '' takes them away
	mend checkin --mood 7
	mend list --tag sleep --json
	expect_eq "$(json 'length')" 1 "kept"
	mend checkin --mood 7 --tag ''
	mend list --tag sleep --json
	expect_eq "$(json 'length')" 0 "taken away"
}

t_quick_tags_are_editable_and_checked() {
	mend config quick-tags
	expect_rc 0
	expect_eq "$(cat "$OUT")" "sleep,work,friends,family,exercise,saw-their-post,cried,went-out" "the default set"
	mend config quick-tags " sleep, Work,friends ,saw-their-post"
	expect_rc 0
	expect_out "Saved: quick-tags = sleep,Work,friends,saw-their-post"
	mend config quick-tags
	expect_eq "$(cat "$OUT")" "sleep,Work,friends,saw-their-post" "the set saved"
	bad_input 'quick-tags: "two words" is not a tag' config quick-tags "sleep,two words"
	mend config quick-tags ""
	expect_rc 0
	mend config quick-tags
	expect_out "exercise"
}

t_mend_json_round_trip_carries_tags_exactly() {
	mend checkin --mood 4 --tag work --tag friends --note "a #long day"
	mend reflect "Thinking about #Ärger and @home"
	mend export -o "$WORK/one.json"
	expect_rc 0
	jq -e '[.entries[] | select(.kind == "checkin") | .tags] == [["work", "friends"]]' \
		"$WORK/one.json" >/dev/null || fail "the check-in's tags are not the array"
	mend tags --json
	cp "$OUT" "$WORK/tags-before.json"
	MEND_DB="$WORK/two.db" mend import "$WORK/one.json"
	expect_rc 0
	MEND_DB="$WORK/two.db" mend tags --json
	expect_eq "$(cat "$OUT")" "$(cat "$WORK/tags-before.json")" "mend tags after the round trip"
	MEND_DB="$WORK/two.db" mend export -o "$WORK/two.json"
	expect_eq "$(jq -cS 'del(.exported_at)' "$WORK/two.json")" \
		"$(jq -cS 'del(.exported_at)' "$WORK/one.json")" "the export after the round trip"
}

t_jrnl_export_counts_text_and_kept_tags_per_entry() {
	MEND_NOW=2026-01-11T08:00:00Z mend reflect "One #Calm walk, #calm again"
	MEND_NOW=2026-01-11T08:30:00Z mend reflect "Two @calm and #tea"
	mend checkin --mood 5 --tag tea
	mend export --format jrnl -o "$WORK/j.json"
	expect_rc 0
	expect_eq "$(jq -c '[.entries[].tags]' "$WORK/j.json")" \
		'[["@reflection","#Calm"],["@reflection","#Calm","#tea"],["@checkin","#tea"]]' "entry tags"
	expect_eq "$(jq -cS '.tags' "$WORK/j.json")" \
		'{"#Calm":2,"#tea":2,"@checkin":1,"@reflection":2}' "jrnl's counts"
	# the counts are those of the entries, each tag once an entry
	expect_eq "$(jq -cS '.tags' "$WORK/j.json")" \
		"$(jq -cS '[.entries[].tags[]] | group_by(.) | map({(.[0]): length}) | add' "$WORK/j.json")" "counts match"
}

t_jrnl_import_and_export_keep_jrnl_counts() {
	printf '%s' '{"tags": {"@work": 2, "@calm": 1}, "entries": [
	  {"title": "Long day at @work", "body": "Then a walk, @calm.", "date": "2025-12-01", "time": "18:30", "tags": ["@work", "@calm"], "starred": false},
	  {"title": "More @work", "body": "", "date": "2025-12-02", "time": "09:00", "tags": ["@work"], "starred": false}]}' >"$WORK/in.json"
	mend import "$WORK/in.json"
	expect_rc 0
	mend tags --json
	expect_eq "$(json 'map("\(.tag)=\(.count)") | join(" ")')" "work=2 calm=1" "tags after the import"
	mend export --format jrnl -o "$WORK/out.json"
	expect_eq "$(jq -cS '.tags | del(."@reflection")' "$WORK/out.json")" '{"@calm":1,"@work":2}' "jrnl counts kept"
	expect_eq "$(jq -c '[.entries[].tags | map(select(. != "@reflection"))]' "$WORK/out.json")" \
		'[["@work","@calm"],["@work"]]' "entry tags kept"
	# and once more: nothing drifts
	MEND_DB="$WORK/again.db" mend import "$WORK/out.json"
	MEND_DB="$WORK/again.db" mend export --format jrnl -o "$WORK/again.json"
	expect_eq "$(jq -cS '.tags' "$WORK/again.json")" "$(jq -cS '.tags' "$WORK/out.json")" "counts after a second round"
}

t_tags_bad_input_is_refused() {
	mend reflect "#one"
	bad_input 'tag: "a b" is not a tag' list --tag "a b"
	bad_input "option '--tag' is given more than 8 times" list -t a -t b -t c -t d -t e -t f -t g -t h -t i
	bad_input 'tag: "x,y" is not a tag' checkin --mood 5 --tag "x,y"
}

run_tests
