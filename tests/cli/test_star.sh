# SPDX-License-Identifier: MIT
# A star on an entry: `mend star ID` and `mend star --off ID`, `mend list
# --starred`, and the star carried by both exports and both imports
# (mend's JSON `starred`, jrnl's JSON `starred`), a round trip losing
# nothing. A star is not an edit: text and times stay.
. "$(dirname "$0")/lib.sh"

# Three entries; sets A (a reflection), B (a check-in), C (a growth).
three_entries() {
	MEND_NOW=2026-01-08T10:00:00Z mend reflect "the sea was calm today"
	expect_rc 0
	MEND_NOW=2026-01-09T10:00:00Z mend checkin --mood 6 --note "a steadier day"
	expect_rc 0
	MEND_NOW=2026-01-10T10:00:00Z mend grow --category body --minutes 30 "a long run"
	expect_rc 0
	mend list --json
	A=$(json '.[] | select(.kind == "reflection") | .id')
	B=$(json '.[] | select(.kind == "checkin") | .id')
	C=$(json '.[] | select(.kind == "growth") | .id')
}

t_star_marks_an_entry_and_list_starred_shows_only_those() {
	three_entries
	mend list --starred
	expect_rc 0
	expect_out "No entries match."
	mend star "${A:0:8}"
	expect_rc 0
	expect_out "Starred ${A:0:8}."
	mend star "$C"
	expect_rc 0
	mend list --starred
	expect_rc 0
	expect_out "the sea was calm today"
	expect_out "a long run"
	grep -qF "a steadier day" "$OUT" && fail "an unstarred check-in is listed"
	expect_eq "$(wc -l <"$OUT")" 2 "starred entries listed"
	# the filters combine
	mend list --starred --module growth
	expect_rc 0
	expect_eq "$(wc -l <"$OUT")" 1 "starred growth entries"
	expect_out "a long run"
}

t_star_off_takes_the_star_away() {
	three_entries
	mend star "$A"
	expect_rc 0
	mend star --off "$A"
	expect_rc 0
	expect_out "Took the star off ${A:0:8}."
	mend list --starred
	expect_out "No entries match."
	# twice off is still off, and fine
	mend star --off "$A"
	expect_rc 0
}

t_a_star_keeps_the_text_and_the_times() {
	three_entries
	mend export
	before=$(jq -c --arg id "$A" '.entries[] | select(.id == $id) | del(.starred)' "$OUT")
	MEND_NOW=2026-01-11T12:00:00Z mend star "$A"
	expect_rc 0
	mend export
	after=$(jq -c --arg id "$A" '.entries[] | select(.id == $id) | del(.starred)' "$OUT")
	expect_eq "$after" "$before" "the starred entry apart from its star"
}

t_star_refuses_an_unknown_id_and_writes_nothing() {
	three_entries
	bad_input "id: no entry has the id abcd" star abcd
	bad_input "id: missing" star
}

t_mend_json_carries_starred_both_ways() {
	three_entries
	mend star "$B"
	expect_rc 0
	mend export
	expect_rc 0
	cp "$OUT" "$WORK/a.json"
	jq -e --arg b "$B" '[.entries[] | select(.starred == true) | .id] == [$b]' \
		"$WORK/a.json" >/dev/null || fail "the export does not say which entry is starred"
	jq -e '[.entries[] | .starred | type] | all(. == "boolean")' "$WORK/a.json" >/dev/null ||
		fail "an entry's starred is not true or false"
	MEND_DB="$WORK/b.db" mend import "$WORK/a.json"
	expect_rc 0
	MEND_DB="$WORK/b.db" mend list --starred
	expect_rc 0
	expect_out "a steadier day"
	expect_eq "$(wc -l <"$OUT")" 1 "starred after the import"
	# the round trip is exact: the second journal exports the same entries
	MEND_DB="$WORK/b.db" mend export
	expect_eq "$(jq -c .entries "$OUT")" "$(jq -c .entries "$WORK/a.json")" "entries after a round trip"
}

t_jrnl_json_carries_starred_both_ways() {
	three_entries
	mend star "$A"
	mend export --format jrnl
	expect_rc 0
	cp "$OUT" "$WORK/j.json"
	expect_eq "$(jq -c '[.entries[] | .starred]' "$WORK/j.json")" "[true,false,false]" "jrnl starred"
	MEND_DB="$WORK/b.db" mend import "$WORK/j.json"
	expect_rc 0
	MEND_DB="$WORK/b.db" mend list --starred
	expect_rc 0
	expect_out "the sea was calm today"
	expect_eq "$(wc -l <"$OUT")" 1 "starred after a jrnl import"
}

t_a_jrnl_file_with_a_star_imports_it() {
	printf '%s\n' '{"tags": {}, "entries": [
	  {"title": "Starred one", "body": "", "date": "2025-05-01", "time": "09:00", "tags": [], "starred": true},
	  {"title": "Plain one", "body": "", "date": "2025-05-02", "time": "09:00", "tags": [], "starred": false}]}' >"$WORK/in.json"
	mend import "$WORK/in.json"
	expect_rc 0
	mend list --starred
	expect_out "Starred one"
	expect_eq "$(wc -l <"$OUT")" 1 "starred entries"
}

t_a_mend_file_with_a_bad_starred_is_refused() {
	three_entries
	mend export
	jq '.entries[0].starred = "yes"' "$OUT" >"$WORK/bad.json"
	before=$(db_sum)
	mend import "$WORK/bad.json"
	expect_rc 1
	expect_err "starred"
	expect_db "$before"
}

run_tests
