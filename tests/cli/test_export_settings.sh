#!/bin/bash
# SPDX-License-Identifier: MIT
# The settings a person chose or wrote travel with a mend export and come
# back with mend import: the crisis line, the reasons and
# people lists, the quick tags, the chosen stage, the contact mode, the
# reminder and its time, and the unlock and lock minutes. The ex's name
# never travels, and a pseudonym replaces it in the lists; a bad value is
# refused naming the field, with nothing written; a setting changed in
# the journal after the export was made is kept.
. "$(dirname "$0")/lib.sh"
SCHEMA=$(cd "$(dirname "$0")/../.." && pwd)/data/mend-journal.schema.json

set_everything() {
	mend start --date 2026-01-01 --name "Sam Ørsted"
	expect_rc 0
	mend config crisis-line "Samaritans 116 123"
	expect_rc 0
	mend reasons add "Sam Ørsted never listened when I spoke"
	expect_rc 0
	mend reasons add "I sleep better now"
	expect_rc 0
	mend people add "Ana, my sister"
	expect_rc 0
	mend config quick-tags "sleep,work,#friends"
	expect_rc 0
	mend path set rebuilding
	expect_rc 0
	mend config contact-mode low
	expect_rc 0
	mend config remind off
	expect_rc 0
	mend config remind-at 21:15
	expect_rc 0
	mend config unlock-minutes 30
	expect_rc 0
	mend config lock-minutes 5
	expect_rc 0
}

settings_of() {
	jq -S '.settings | del(.updated_at)' "$1"
}

valid() {
	python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' "$1" "$SCHEMA" ||
		fail "$1 does not follow the journal schema"
}

t_every_setting_survives_export_and_import() {
	set_everything
	mend export -o "$WORK/a.json"
	expect_rc 0
	valid "$WORK/a.json"
	expect_eq "$(jq -c '.settings.reasons' "$WORK/a.json")" \
		'["Sam Ørsted never listened when I spoke","I sleep better now"]' "reasons"
	expect_eq "$(jq -r '.settings.ex_name // "absent"' "$WORK/a.json")" absent "the ex's name"
	expect_eq "$(jq -c '[.settings.crisis_line, .settings.stage, .settings.contact_mode, .settings.remind, .settings.remind_at, .settings.unlock_minutes, .settings.lock_minutes]' "$WORK/a.json")" \
		'["Samaritans 116 123","rebuilding","low","off","21:15",30,5]' "the settings"
	expect_eq "$(jq -c '.settings.quick_tags' "$WORK/a.json")" '["sleep","work","#friends"]' "quick tags"
	export MEND_DB="$WORK/other.db"
	mend import "$WORK/a.json"
	expect_rc 0
	mend export -o "$WORK/b.json"
	expect_rc 0
	expect_eq "$(settings_of "$WORK/b.json")" "$(settings_of "$WORK/a.json")" "settings after a round trip"
	mend people
	expect_out "Ana, my sister"
	# a tag padded by hand is kept as the check-in reads it
	jq '.settings.quick_tags=["  walk  ","#Rest"] | .settings.changed_at.quick_tags="2026-02-01T08:00:00Z"' "$WORK/a.json" >"$WORK/c.json"
	MEND_NOW=2026-02-01T09:00:00Z mend import "$WORK/c.json"
	expect_rc 0
	mend config quick-tags
	expect_out "walk,#Rest"
	mend config
	expect_out "crisis-line = Samaritans 116 123"
	expect_out "remind = off"
	expect_out "contact-mode = low"
}

t_a_pseudonym_replaces_the_name_in_the_lists() {
	set_everything
	mend export --pseudonym Alex -o "$WORK/p.json"
	expect_rc 0
	valid "$WORK/p.json"
	expect_eq "$(jq -r '.settings.reasons[0]' "$WORK/p.json")" "Alex never listened when I spoke" "the reason"
	grep -q "Ørsted" "$WORK/p.json" && fail "the name is in the export under a pseudonym"
	true
}

t_bad_settings_are_refused_naming_the_field() {
	set_everything
	mend export -o "$WORK/a.json"
	expect_rc 0
	export MEND_DB="$WORK/other.db"
	local patch field
	while IFS='|' read -r field patch; do
		jq "$patch" "$WORK/a.json" >"$WORK/bad.json"
		mend import "$WORK/bad.json"
		[ "$RC" -ne 0 ] || fail "$patch was imported"
		expect_err "settings.$field"
		[ -e "$MEND_DB" ] && fail "$patch left a journal behind"
	done <<'EOS'
reasons[1]|.settings.reasons[1]="a bell\u0007"
reasons|.settings.reasons=[range(31)|"r\(.)"]
people|.settings.people="not a list"
quick_tags|.settings.quick_tags=["fine","no spaces"]
quick_tags|.settings.quick_tags=["two,tags"]
stage|.settings.stage="nowhere"
contact_mode|.settings.contact_mode="sometimes"
remind|.settings.remind="maybe"
remind_at|.settings.remind_at="25:00"
unlock_minutes|.settings.unlock_minutes=1.5
lock_minutes|.settings.lock_minutes=5000
unlock_minutes|.settings.unlock_minutes=1e30
crisis_line|.settings.crisis_line="two\nlines"
ex_name|.settings.ex_name="Sam"
crisis_line|.settings.crisis_line=""
colour|.settings.colour="blue"
changed_at|.settings.changed_at.reasons="yesterday"
changed_at|.settings.changed_at.colour="2026-01-01T00:00:00Z"
changed_at|.settings.changed_at.people="2030-01-01T00:00:00Z"
EOS
	true
}

t_a_setting_changed_after_the_export_is_kept() {
	set_everything
	mend export -o "$WORK/a.json"
	expect_rc 0
	MEND_NOW=2026-01-12T09:00:00Z mend config crisis-line "a newer line"
	expect_rc 0
	mend import "$WORK/a.json"
	expect_rc 0
	mend config crisis-line
	expect_out "a newer line"
}

t_each_setting_is_compared_by_its_own_time() {
	# the reasons were changed on the 11th, the crisis line on the 20th
	mend start --date 2026-01-01
	expect_rc 0
	mend reasons add "an old reason"
	expect_rc 0
	MEND_NOW=2026-01-20T09:00:00Z mend config crisis-line "a line from the 20th"
	expect_rc 0
	MEND_NOW=2026-01-20T09:00:00Z mend export -o "$WORK/a.json"
	expect_rc 0
	valid "$WORK/a.json"
	expect_eq "$(jq -r '.settings.changed_at.reasons' "$WORK/a.json")" "2026-01-11T09:00:00Z" "the reasons' time"
	# another journal whose reasons were changed on the 15th: newer than
	# the export's reasons, older than its crisis line
	export MEND_DB="$WORK/other.db"
	MEND_NOW=2026-01-15T09:00:00Z mend reasons add "a newer reason"
	expect_rc 0
	MEND_NOW=2026-01-21T09:00:00Z mend import "$WORK/a.json"
	expect_rc 0
	mend reasons
	expect_out "a newer reason"
	grep -qF "an old reason" "$OUT" && fail "an older list replaced a newer one"
	mend config crisis-line
	expect_out "a line from the 20th"
}

run_tests
