# SPDX-License-Identifier: MIT
# `mend import`: the merge rules, --dry-run, the counts, jrnl files,
# standard input, and a catalogue of bad files that must be refused
# whole, without touching the journal.
. "$(dirname "$0")/lib.sh"

# build_journal: a journal with records of every module, in the current
# $MEND_DB, spread over several days.
build_journal() {
	MEND_NOW=2026-01-01T10:00:00Z mend start --date 2025-12-30 --goal 45 --name Alex
	expect_rc 0
	MEND_NOW=2026-01-02T10:00:00Z mend checkin --mood 4 --urge 6 --note $'first "day"\\ with\nlines\tand café 🙂'
	expect_rc 0
	MEND_NOW=2026-01-03T10:00:00Z mend checkin --mood 3 --contact --note "we talked"
	expect_rc 0
	MEND_NOW=2026-01-03T11:00:00Z mend contact --by them --channel text --note "they texted"
	expect_rc 0
	MEND_NOW=2026-01-04T11:00:00Z mend urge --level 7 --note "wanted to call"
	expect_rc 0
	MEND_NOW=2026-01-05T12:00:00Z mend unsent "the message I did not send"
	expect_rc 0
	MEND_NOW=2026-01-05T13:00:00Z mend seal --until-day 30 "a sealed letter"
	expect_rc 0
	MEND_NOW=2026-01-06T10:00:00Z mend reflect --prompt reflection.my-part.1 "my part, 心"
	expect_rc 0
	MEND_NOW=2026-01-06T11:00:00Z mend accept --prompt acceptance.letting-go.1 "letting go"
	expect_rc 0
	MEND_NOW=2026-01-07T11:00:00Z mend grow --category mind --minutes 20 "read a book"
	expect_rc 0
	MEND_NOW=2026-01-08T12:00:00Z mend decide part-ways --note "for the best"
	expect_rc 0
}

# good_export FILE: build a journal in $WORK/a.db and export it to FILE.
# Sets N (records in the file: periods + entries) and NE (entries).
good_export() {
	MEND_DB="$WORK/a.db" build_journal
	MEND_DB="$WORK/a.db" mend export
	expect_rc 0
	cp "$OUT" "$1"
	NE=$(jq '.entries | length' "$1")
	N=$(jq '(.periods | length) + (.entries | length)' "$1")
	[ "$NE" -eq 11 ] || fail "the built journal has $NE entries, expected 11"
	[ "$N" -eq 13 ] || fail "the built journal has $N records, expected 13"
}

# journal_sum: a checksum of the journal's content, from its export.
journal_sum() {
	"$MEND" export </dev/null 2>/dev/null | grep -v '^  "exported_at": ' | sha256sum | cut -d' ' -f1
}

# entry_by_kind KIND: the id of the first entry of that kind in the journal.
entry_by_kind() {
	"$MEND" list --json </dev/null | jq -r "[.[] | select(.kind == \"$1\")][0].id"
}

# counts: the "N added, N updated, N unchanged" of the last import's output.
counts() {
	grep -oE '[0-9]+ added, [0-9]+ updated, [0-9]+ unchanged' "$OUT" || fail "no counts in the output"
}

# edit_json FILE OUT JQ-ARGS...: FILE with a jq edit, into OUT.
edit_json() {
	local in=$1 out=$2
	shift 2
	jq "$@" "$in" >"$out" || fail "jq could not edit $in"
}

t_import_same_file_twice_changes_nothing() {
	good_export "$WORK/good.json"
	local sum dsum
	mend import "$WORK/good.json"
	expect_rc 0
	expect_out "mend export: $N added, 0 updated, 0 unchanged."
	mend list --json
	expect_eq "$(json length)" "$NE" "entries after the import"
	mend periods --json
	expect_eq "$(json length)" 2 "periods after the import"
	sum=$(journal_sum)
	dsum=$(db_sum)
	mend import "$WORK/good.json"
	expect_rc 0
	expect_out "mend export: 0 added, 0 updated, $N unchanged."
	expect_eq "$(journal_sum)" "$sum" "journal after the second import"
	expect_db "$dsum"
	# the journal is now the one exported
	expect_eq "$sum" "$(MEND_DB="$WORK/a.db" journal_sum)" "imported journal against the original"
	# and importing it into the journal it came from changes nothing
	export MEND_DB="$WORK/a.db"
	sum=$(journal_sum)
	dsum=$(db_sum)
	mend import "$WORK/good.json"
	expect_rc 0
	expect_out "mend export: 0 added, 0 updated, $N unchanged."
	expect_eq "$(journal_sum)" "$sum" "original journal after importing its own export"
	expect_db "$dsum"
}

t_import_later_updated_at_wins() {
	good_export "$WORK/good.json"
	mend import "$WORK/good.json"
	expect_rc 0
	local id
	id=$(jq -r '.entries[] | select(.kind == "unsent") | .id' "$WORK/good.json")
	edit_json "$WORK/good.json" "$WORK/newer.json" --arg id "$id" '
	  (.entries[] | select(.id == $id)) |= (.text = "changed elsewhere, later" | .updated_at = "2026-01-11T08:00:00Z")
	  | .settings.goal_days = 60 | .settings.updated_at = "2026-01-11T08:00:00Z"'
	mend import "$WORK/newer.json"
	expect_rc 0
	expect_out "mend export: 0 added, 1 updated, $((N - 1)) unchanged."
	mend show "$id" --json
	expect_rc 0
	expect_eq "$(json .text)" "changed elsewhere, later" "text after the import"
	expect_eq "$(json .updated_at)" "2026-01-11T08:00:00Z" "updated_at after the import"
	mend status --json
	expect_eq "$(json .goal_days)" 60 "goal after importing newer settings"
	# everything else is as it was: the journal now exports as the file
	mend export
	expect_eq "$(jq -S 'del(.exported_at)' "$OUT")" "$(jq -S 'del(.exported_at)' "$WORK/newer.json")" "journal against the newer file"
	# the same file again: unchanged
	mend import "$WORK/newer.json"
	expect_rc 0
	expect_out "mend export: 0 added, 0 updated, $N unchanged."
}

t_import_earlier_updated_at_loses() {
	good_export "$WORK/good.json"
	mend import "$WORK/good.json"
	expect_rc 0
	local id sum dsum
	id=$(jq -r '.entries[] | select(.kind == "reflection") | .id' "$WORK/good.json")
	MEND_NOW=2026-01-20T10:00:00Z mend edit "$id" "edited here on the 20th"
	expect_rc 0
	sum=$(journal_sum)
	dsum=$(db_sum)
	# the original file: an older version of that entry
	mend import "$WORK/good.json"
	expect_rc 0
	expect_out "mend export: 0 added, 0 updated, $N unchanged."
	# a different version changed before the local edit
	edit_json "$WORK/good.json" "$WORK/older.json" --arg id "$id" '
	  (.entries[] | select(.id == $id)) |= (.text = "changed elsewhere, earlier" | .updated_at = "2026-01-15T08:00:00Z")
	  | .settings.goal_days = 10 | .settings.updated_at = "2025-12-31T08:00:00Z"'
	MEND_NOW=2026-01-20T10:00:00Z mend import "$WORK/older.json"
	expect_rc 0
	expect_out "mend export: 0 added, 0 updated, $N unchanged."
	mend show "$id" --json
	expect_eq "$(json .text)" "edited here on the 20th" "text after importing older versions"
	expect_eq "$(json .updated_at)" "2026-01-20T10:00:00Z" "updated_at after importing older versions"
	mend status --json
	expect_eq "$(json .goal_days)" 45 "goal after importing older settings"
	expect_eq "$(journal_sum)" "$sum" "journal after importing older versions"
	expect_db "$dsum"
}

t_import_counts_match() {
	good_export "$WORK/good.json"
	# first a part: five entries, no periods
	edit_json "$WORK/good.json" "$WORK/part.json" '.periods = [] | .entries = .entries[0:5]'
	mend import "$WORK/part.json"
	expect_rc 0
	expect_out "mend export: 5 added, 0 updated, 0 unchanged."
	mend list --json
	expect_eq "$(json length)" 5 "entries after the partial import"
	mend periods --json
	expect_eq "$(json length)" 0 "periods after the partial import"
	# then the whole, with one of the five changed later and one of
	# them changed earlier
	edit_json "$WORK/good.json" "$WORK/all.json" '
	  .entries[1] |= (.text = "newer text" | .updated_at = "2026-01-11T00:00:00Z")
	  | .entries[2] |= (.text = "older text" | .updated_at = .created_at)'
	local id1 id2
	id1=$(jq -r '.entries[1].id' "$WORK/all.json")
	id2=$(jq -r '.entries[2].id' "$WORK/all.json")
	mend import "$WORK/all.json"
	expect_rc 0
	expect_out "mend export: $((N - 5)) added, 1 updated, 4 unchanged."
	expect_eq "$(wc -l <"$OUT")" 1 "lines printed"
	mend list --json
	expect_eq "$(json length)" "$NE" "entries after the whole import"
	mend periods --json
	expect_eq "$(json length)" 2 "periods after the whole import"
	mend show "$id1" --json
	expect_eq "$(json .text)" "newer text" "the entry changed later"
	mend show "$id2" --json
	[ "$(json .text)" != "older text" ] || fail "an older version replaced the local entry"
}

t_import_dry_run() {
	good_export "$WORK/good.json"
	local sum dsum dry
	# a journal with nothing in it (a read would not create one)
	mend config day-start-hour 4
	expect_rc 0
	sum=$(journal_sum)
	dsum=$(db_sum)
	[ "$dsum" != none ] || fail "the journal was not created"
	mend import --dry-run "$WORK/good.json"
	expect_rc 0
	expect_out "Dry run"
	expect_out "mend export: $N added, 0 updated, 0 unchanged."
	expect_db "$dsum"
	expect_eq "$(journal_sum)" "$sum" "journal after a dry run"
	mend list --json
	expect_eq "$(json length)" 0 "entries after a dry run"
	# a mixed case: some present, one newer, one older
	edit_json "$WORK/good.json" "$WORK/part.json" '.periods = [] | .entries = .entries[0:4]'
	mend import "$WORK/part.json"
	expect_rc 0
	edit_json "$WORK/good.json" "$WORK/all.json" '
	  .entries[0] |= (.text = "newer" | .updated_at = "2026-01-11T00:00:00Z")
	  | .entries[3] |= (.text = "older" | .updated_at = .created_at)'
	sum=$(journal_sum)
	dsum=$(db_sum)
	mend import -n "$WORK/all.json"
	expect_rc 0
	expect_out "Dry run"
	dry=$(counts)
	expect_eq "$dry" "$((N - 4)) added, 1 updated, 3 unchanged" "dry-run counts"
	expect_db "$dsum"
	expect_eq "$(journal_sum)" "$sum" "journal after the second dry run"
	mend import "$WORK/all.json"
	expect_rc 0
	grep -q "Dry run" "$OUT" && fail "the real import says it is a dry run"
	expect_eq "$(counts)" "$dry" "real import counts against the dry run"
	# a dry run of a bad file reports the problems and writes nothing
	edit_json "$WORK/good.json" "$WORK/bad.json" '.entries[0].mood = 0'
	sum=$(journal_sum)
	dsum=$(db_sum)
	mend import --dry-run "$WORK/bad.json"
	expect_rc 1
	expect_err "entries[0].mood: 0 is not in 1..10"
	expect_db "$dsum"
}

t_import_jrnl_hand_written() {
	cat >"$WORK/jrnl.json" <<'EOF'
{
  "tags": {"@work": 2},
  "entries": [
    {"title": "Long day at work", "body": "Meetings all morning.\nThen a walk, café au lait.", "date": "2025-12-01", "time": "18:30", "tags": ["@work"], "starred": false},
    {"title": "Another one", "body": "Quiet; 心 at ease.", "date": "2025-12-02", "time": "07:05", "tags": ["@work"], "starred": true}
  ]
}
EOF
	mend import "$WORK/jrnl.json"
	expect_rc 0
	expect_out "jrnl export: 2 added, 0 updated, 0 unchanged."
	mend list --json
	expect_eq "$(json length)" 2 "entries"
	expect_eq "$(json '[.[] | .kind + "/" + .module] | unique | join(",")')" "reflection/reflection" "kind of jrnl entries"
	expect_eq "$(json '[.[].prompt_id] | unique | map(tostring) | join(",")')" "null" "prompts of jrnl entries"
	local id
	id=$(json '.[] | select(.created_at == "2025-12-01T18:30:00Z") | .id')
	[ -n "$id" ] || fail "no entry at 2025-12-01 18:30"
	mend show "$id" --json
	expect_rc 0
	expect_eq "$(json .text)" $'Long day at work\nMeetings all morning.\nThen a walk, café au lait.' "text"
	json 'has("tags")' | grep -qx true || fail "mend show --json has no tags"
	expect_eq "$(json '.tags | if type == "array" then join(" ") else . end')" "@work" "tags"
	expect_eq "$(json '.prompt_id')" null "prompt"
	id=$("$MEND" list --json </dev/null | jq -r '.[] | select(.created_at == "2025-12-02T07:05:00Z") | .id')
	mend show "$id" --json
	expect_eq "$(json .text)" $'Another one\nQuiet; 心 at ease.' "second text"
	# the same file again: nothing new
	local dsum
	dsum=$(db_sum)
	mend import "$WORK/jrnl.json"
	expect_rc 0
	expect_out "jrnl export: 0 added, 0 updated, 2 unchanged."
	expect_db "$dsum"
}

t_import_from_stdin() {
	good_export "$WORK/good.json"
	mend_in "$(cat "$WORK/good.json")" import -
	expect_rc 0
	expect_out "mend export: $N added, 0 updated, 0 unchanged."
	expect_eq "$(journal_sum)" "$(MEND_DB="$WORK/a.db" journal_sum)" "journal imported from standard input"
	mend_in "$(cat "$WORK/good.json")" import - --dry-run
	expect_rc 0
	expect_out "Dry run"
	expect_out "mend export: 0 added, 0 updated, $N unchanged."
	# a bad file on standard input is refused too
	local dsum
	dsum=$(db_sum)
	mend_in '{"format": "mend-journal", "version": 1, "entries": [' import -
	expect_rc 1
	expect_err "nothing was imported"
	expect_db "$dsum"
}

# --- bad files ---

# bad_setup: a good export of another journal in $WORK/good.json, and in
# $MEND_DB a journal with a little in it already. Sets CI, the index of
# the first check-in in the file's entries.
bad_setup() {
	good_export "$WORK/good.json"
	printf '%s\n' '{"entries": [{"title": "already here", "body": "", "date": "2025-11-01", "time": "09:00", "tags": [], "starred": false}]}' >"$WORK/seed.json"
	mend import "$WORK/seed.json"
	expect_rc 0
	expect_out "1 added"
	CI=$(jq '[.entries[].kind] | index("checkin")' "$WORK/good.json")
	[ "$CI" -ge 0 ] 2>/dev/null || fail "no check-in in the good export"
}

# expect_refused FILE TEXT...: importing FILE exits 1, with every TEXT on
# stderr and "nothing was imported", nothing on stdout, and the journal
# untouched.
expect_refused() {
	local file=$1 sum dsum t
	shift
	sum=$(journal_sum)
	dsum=$(db_sum)
	mend import "$file"
	[ "$RC" -lt 128 ] || fail "mend import crashed (exit $RC)"
	expect_rc 1
	for t in "$@"; do
		expect_err "$t"
	done
	expect_err "nothing was imported"
	expect_no_out
	grep -qiE 'segmentation|core dumped|abort' "$ERR" && fail "a crash message on stderr"
	expect_db "$dsum"
	expect_eq "$(journal_sum)" "$sum" "journal after a refused import"
	expect_eq "$("$MEND" list --json </dev/null | jq length)" 1 "entries after a refused import"
}

t_import_bad_truncated() {
	bad_setup
	local size
	size=$(stat -c %s "$WORK/good.json")
	head -c $((size / 2)) "$WORK/good.json" >"$WORK/bad.json"
	expect_refused "$WORK/bad.json" "not valid JSON" "near line"
	# cut just before the final brace, too
	head -c $((size - 2)) "$WORK/good.json" >"$WORK/bad2.json"
	expect_refused "$WORK/bad2.json" "not valid JSON"
}

t_import_bad_not_json() {
	bad_setup
	printf 'Dear diary,\nthis is not JSON at all.\n' >"$WORK/bad.json"
	expect_refused "$WORK/bad.json" "JSON"
	printf '' >"$WORK/empty.json"
	expect_refused "$WORK/empty.json" "JSON"
	printf '[1, 2, 3]\n' >"$WORK/array.json"
	expect_refused "$WORK/array.json" "JSON object"
}

t_import_bad_wrong_type() {
	bad_setup
	edit_json "$WORK/good.json" "$WORK/bad.json" --argjson i "$CI" '.entries[$i].mood = "5"'
	expect_refused "$WORK/bad.json" "entries[$CI].mood:" "'5'" "not a whole number"
	edit_json "$WORK/good.json" "$WORK/bad2.json" --argjson i "$CI" '.entries[$i].contact = "yes"'
	expect_refused "$WORK/bad2.json" "entries[$CI].contact:" "not true or false"
	edit_json "$WORK/good.json" "$WORK/bad3.json" '.entries[0].text = 42'
	expect_refused "$WORK/bad3.json" "entries[0].text:" "not a string"
	edit_json "$WORK/good.json" "$WORK/bad4.json" '.entries = {}'
	expect_refused "$WORK/bad4.json" "entries"
}

t_import_bad_out_of_range() {
	bad_setup
	edit_json "$WORK/good.json" "$WORK/bad.json" --argjson i "$CI" '.entries[$i].mood = 11'
	expect_refused "$WORK/bad.json" "entries[$CI].mood: 11 is not in 1..10"
	edit_json "$WORK/good.json" "$WORK/bad2.json" --argjson i "$CI" '.entries[$i].mood = 0'
	expect_refused "$WORK/bad2.json" "entries[$CI].mood: 0 is not in 1..10"
	edit_json "$WORK/good.json" "$WORK/bad3.json" --argjson i "$CI" '.entries[$i].mood = 5.5'
	expect_refused "$WORK/bad3.json" "entries[$CI].mood:" "5.5"
}

t_import_bad_utf8() {
	bad_setup
	local i
	i=$(jq '[.entries[].kind] | index("unsent")' "$WORK/good.json")
	edit_json "$WORK/good.json" "$WORK/mid.json" --argjson i "$i" '.entries[$i].text = "before BADBYTE after"'
	LC_ALL=C sed "s/BADBYTE/\xff\xfe/" "$WORK/mid.json" >"$WORK/bad.json"
	LC_ALL=C grep -qaP '\xff\xfe' "$WORK/bad.json" || fail "the bad bytes are not in the file"
	expect_refused "$WORK/bad.json" "entries[$i].text:" "UTF-8"
	# a truncated multi-byte sequence (the first byte of é alone)
	LC_ALL=C sed "s/BADBYTE/caf\xc3/" "$WORK/mid.json" >"$WORK/bad2.json"
	expect_refused "$WORK/bad2.json" "entries[$i].text:" "UTF-8"
}

t_import_bad_duplicate_ids() {
	bad_setup
	edit_json "$WORK/good.json" "$WORK/bad.json" '.entries[4].id = .entries[1].id'
	expect_refused "$WORK/bad.json" "entries[4].id:" "appears twice"
	edit_json "$WORK/good.json" "$WORK/bad2.json" '.periods[1].id = .periods[0].id'
	expect_refused "$WORK/bad2.json" "periods[1].id:" "appears twice"
}

t_import_bad_newer_version() {
	bad_setup
	edit_json "$WORK/good.json" "$WORK/bad.json" '.version = 2'
	expect_refused "$WORK/bad.json" "newer mend"
}

t_import_bad_duplicate_keys() {
	bad_setup
	local id
	id=$(jq -r ".entries[$CI].id" "$WORK/good.json")
	sed "/\"id\": \"$id\"/s/\"text\": /\"text\": \"sneaked in\", \"text\": /" "$WORK/good.json" >"$WORK/bad.json"
	expect_eq "$(grep -c '"text": "sneaked in", "text": ' "$WORK/bad.json")" 1 "lines with two texts"
	jq -e . "$WORK/bad.json" >/dev/null || fail "the file with a duplicate key is not JSON"
	expect_refused "$WORK/bad.json" "entries[$CI]" "'text' appears twice"
	# at the top level too
	sed 's/^  "version": 1,$/  "version": 1, "version": 1,/' "$WORK/good.json" >"$WORK/bad2.json"
	grep -q '"version": 1, "version": 1' "$WORK/bad2.json" || fail "could not make bad2.json"
	expect_refused "$WORK/bad2.json" "version" "twice"
}

t_import_bad_key_case() {
	bad_setup
	edit_json "$WORK/good.json" "$WORK/bad.json" --argjson i "$CI" '.entries[$i] |= (.Mood = .mood | del(.mood))'
	expect_refused "$WORK/bad.json" "entries[$CI].Mood" "entries[$CI].mood: missing"
}

t_import_bad_trailing_junk() {
	bad_setup
	{ cat "$WORK/good.json"; printf 'junk\n'; } >"$WORK/bad.json"
	expect_refused "$WORK/bad.json" "not valid JSON"
	{ cat "$WORK/good.json"; printf '{}\n'; } >"$WORK/bad2.json"
	expect_refused "$WORK/bad2.json" "not valid JSON"
}

t_import_bad_nul_escape() {
	bad_setup
	local i
	i=$(jq '[.entries[].kind] | index("unsent")' "$WORK/good.json")
	edit_json "$WORK/good.json" "$WORK/mid.json" --argjson i "$i" '.entries[$i].text = "before NULHERE after"'
	sed 's/NULHERE/\\u0000/' "$WORK/mid.json" >"$WORK/bad.json"
	grep -qF 'before \u0000 after' "$WORK/bad.json" || fail "could not make the file"
	expect_refused "$WORK/bad.json" "entries[$i]" '\u0000'
}

t_import_bad_raw_nul() {
	bad_setup
	local i
	i=$(jq '[.entries[].kind] | index("unsent")' "$WORK/good.json")
	edit_json "$WORK/good.json" "$WORK/mid.json" --argjson i "$i" '.entries[$i].text = "before NULHERE after"'
	LC_ALL=C sed 's/NULHERE/\x00/' "$WORK/mid.json" >"$WORK/bad.json"
	[ "$(tr -cd '\000' <"$WORK/bad.json" | wc -c)" -eq 1 ] || fail "no NUL byte in the file"
	expect_refused "$WORK/bad.json" "NUL"
}

t_import_bad_beyond_2_53() {
	bad_setup
	sed "/\"mood\": [0-9]*/{s//\"mood\": 9007199254740993/;:a;n;ba}" "$WORK/good.json" >"$WORK/bad.json"
	grep -q '"mood": 9007199254740993' "$WORK/bad.json" || fail "could not make the file"
	expect_refused "$WORK/bad.json" "entries[$CI].mood:" "is not in 1..10"
}

t_import_bad_beyond_2_31() {
	bad_setup
	sed "/\"mood\": [0-9]*/{s//\"mood\": 2147483648/;:a;n;ba}" "$WORK/good.json" >"$WORK/bad.json"
	grep -q '"mood": 2147483648' "$WORK/bad.json" || fail "could not make the file"
	expect_refused "$WORK/bad.json" "entries[$CI].mood: 2147483648 is not in 1..10"
	sed "/\"mood\": [0-9]*/{s//\"mood\": 4294967300/;:a;n;ba}" "$WORK/good.json" >"$WORK/bad2.json"
	expect_refused "$WORK/bad2.json" "entries[$CI].mood: 4294967300 is not in 1..10"
	sed "/\"mood\": [0-9]*/{s//\"mood\": -2147483649/;:a;n;ba}" "$WORK/good.json" >"$WORK/bad3.json"
	expect_refused "$WORK/bad3.json" "entries[$CI].mood: -2147483649 is not in 1..10"
	sed "/\"mood\": [0-9]*/{s//\"mood\": 1e400/;:a;n;ba}" "$WORK/good.json" >"$WORK/bad4.json"
	expect_refused "$WORK/bad4.json" "entries[$CI].mood:"
}

t_import_bad_deep_nesting() {
	bad_setup
	# 10,000 levels: the whole file, inside an entry, inside settings
	python3 -c 'print("[" * 10000 + "]" * 10000)' >"$WORK/deep1.json"
	expect_refused "$WORK/deep1.json" "JSON"
	python3 -c 'print("{\"a\": " * 10000 + "1" + "}" * 10000)' >"$WORK/deep2.json"
	expect_refused "$WORK/deep2.json" "nested"
	python3 - "$WORK/good.json" "$WORK/deep3.json" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
deep = "[" * 10000 + "]" * 10000
s = s.replace('"text": "we talked"', '"text": ' + deep, 1)
assert deep in s
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
	expect_refused "$WORK/deep3.json" "nested"
	python3 - "$WORK/good.json" "$WORK/deep4.json" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
deep = '{"x": ' * 10000 + "null" + "}" * 10000
s = s.replace('"settings": {', '"settings": {"deep": ' + deep + ', ', 1)
assert deep in s
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
	expect_refused "$WORK/deep4.json" "nested"
	# and a jrnl file nested deep
	python3 -c 'print("{\"entries\": " + "[" * 10000 + "]" * 10000 + "}")' >"$WORK/deep5.json"
	expect_refused "$WORK/deep5.json" "nested"
}

t_import_bad_many_problems() {
	bad_setup
	# 30 bad urges: 20 lines, then a note that there are more
	edit_json "$WORK/good.json" "$WORK/bad.json" '
	  .entries = [range(30) as $i | {id: ("00000000-0000-4000-8000-" + ("000000000000" + ($i | tostring))[-12:]),
	    kind: "urge", module: "nocontact", created_at: "2026-01-05T11:00:00Z",
	    updated_at: "2026-01-05T11:00:00Z", urge: 11, text: ""}]'
	expect_refused "$WORK/bad.json" "entries[0].urge: 11 is not in 1..10" "entries[19].urge: 11 is not in 1..10"
	expect_eq "$(grep -c 'entries\[[0-9]*\]' "$ERR")" 20 "problem lines"
	grep -qF 'entries[20]' "$ERR" && fail "more than 20 problems listed"
	grep -qiE 'more' "$ERR" || fail "no note that there are more problems"
	expect_eq "$(wc -l <"$ERR")" 22 "stderr lines (20 problems, the note, nothing was imported)"
	# exactly 20: no note
	edit_json "$WORK/bad.json" "$WORK/bad20.json" '.entries = .entries[0:20]'
	expect_refused "$WORK/bad20.json" "entries[19].urge"
	expect_eq "$(wc -l <"$ERR")" 21 "stderr lines for 20 problems"
	grep -qiE 'and more' "$ERR" && fail "a note of more problems when there are exactly 20"
	true
}

run_tests
