# SPDX-License-Identifier: MIT
# `mend export`: mend's JSON (round trip, stable order, schema, UTF-8),
# jrnl's JSON, Markdown, --pseudonym, the filters, -o FILE and its safety
# when the export is killed half way.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCHEMA="$ROOT/data/mend-journal.schema.json"
# a line of one of the recovery guides beside the checkout, when it is
# there (as in CI), with its look-alike letters from other scripts
SEED=$ROOT/../shared/seeds/003_c6db2c81d979aede.txt

# The texts the journal is built from (set by build_journal).
NOTE1=$'Alex said "hi" \\ back\\slash\nsecond line\ttab \x01 ctrl \x1b[31m esc 🙂 心痛 café naïve Zoë'
UNSENT=$'Dear Alex,\nI miss you. Alexander was your brother, not you. 日本語 — ✉️'
SEALED='SEALED-SECRET: a letter about Alex for later'
ACCEPT='Letting go of Alex. Ελληνικά ñ é ü'

# build_journal: a journal with every kind of record, written over
# several days: check-ins on two days (one with --contact), a contact by
# them, a contact by me (the count restarts), an urge, an unsent message,
# a sealed letter, a reflection and an acceptance entry answering
# prompts, a growth entry and two decisions.
build_journal() {
	SEEDLINE=$(sed -n 5p "$SEED" 2>/dev/null)
	[ -n "$SEEDLINE" ] || SEEDLINE="Ηow tο Ꮐet Υоur Eⲭ-Boyfriend Βack — a guide's title, in look-alike letters"
	MEND_NOW=2026-01-01T10:00:00Z mend start --date 2025-12-30 --name Alex
	expect_rc 0
	# NOTE1's control characters cannot be typed into a new note (they
	# would reach a terminal); text carrying them comes in by import
	MEND_NOW=2026-01-02T10:00:00Z mend checkin --mood 4 --urge 6 --note "to be replaced"
	expect_rc 0
	MEND_NOW=2026-01-02T10:00:00Z mend export -o "$WORK/note1.json"
	jq --arg t "$NOTE1" '.entries[0].text = $t | .entries[0].updated_at = "2026-01-02T10:00:01Z"' \
		"$WORK/note1.json" >"$WORK/note1-ctl.json" || fail "cannot write the note with controls"
	MEND_NOW=2026-01-02T10:00:00Z mend import "$WORK/note1-ctl.json"
	expect_rc 0
	rm -f "$WORK/note1.json" "$WORK/note1-ctl.json"
	MEND_NOW=2026-01-03T10:00:00Z mend checkin --mood 3 --contact --note "alex called me. ALEX!"
	expect_rc 0
	MEND_NOW=2026-01-03T11:00:00Z mend contact --by them --channel text --note "Alex texted; I did not reply"
	expect_rc 0
	MEND_NOW=2026-01-04T11:00:00Z mend contact --by me --channel call --note "I called Alex."
	expect_rc 0
	MEND_NOW=2026-01-05T11:00:00Z mend urge --level 7 --note "wanted to text alex at 2am"
	expect_rc 0
	MEND_NOW=2026-01-05T12:00:00Z mend unsent "$UNSENT"
	expect_rc 0
	MEND_NOW=2026-01-05T13:00:00Z mend seal --until-day 30 "$SEALED"
	expect_rc 0
	MEND_NOW=2026-01-06T10:00:00Z mend reflect --prompt reflection.my-part.1 "$SEEDLINE"
	expect_rc 0
	MEND_NOW=2026-01-06T11:00:00Z mend accept --prompt acceptance.letting-go.1 "$ACCEPT"
	expect_rc 0
	MEND_NOW=2026-01-07T11:00:00Z mend grow --category body --minutes 30 "Ran 5k without thinking of alex"
	expect_rc 0
	MEND_NOW=2026-01-07T12:00:00Z mend decide undecided --note "not sure yet"
	expect_rc 0
	MEND_NOW=2026-01-08T12:00:00Z mend decide part-ways --note "Alex's not for me"
	expect_rc 0
	mend list --json
	expect_rc 0
	expect_eq "$(json 'length')" 13 "entries in the built journal"
	mend periods --json
	expect_eq "$(json 'length')" 3 "periods in the built journal"
}

# export_to FILE ARGS...: mend export ARGS > FILE, which must succeed.
export_to() {
	local file=$1
	shift
	mend export "$@"
	expect_rc 0
	[ ! -s "$ERR" ] || fail "export $* wrote to stderr"
	cp "$OUT" "$file"
}

# validate FILE...: every file validates against the mend journal schema.
validate() {
	python3 - "$SCHEMA" "$@" <<'EOF' || fail "schema validation failed for $*"
import json, sys
from jsonschema import Draft202012Validator
with open(sys.argv[1]) as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for e in v.iter_errors(doc):
        bad += 1
        print("%s: %s: %s" % (path, "/".join(map(str, e.absolute_path)), e.message))
sys.exit(1 if bad else 0)
EOF
}

# sorted_by_created_then_id FILE: entries and periods are in that order.
sorted_by_created_then_id() {
	jq -e '
	  def ordered: map([.created_at, .id]) as $k | $k == ($k | sort);
	  (.entries | ordered) and (.periods | ordered)' "$1" >/dev/null ||
		fail "records in $1 are not sorted by created_at, then id"
}

t_export_round_trip_into_empty_journal() {
	build_journal
	export_to "$WORK/a.json"
	MEND_DB="$WORK/other.db" mend import "$WORK/a.json"
	expect_rc 0
	expect_out "mend export: 16 added, 0 updated, 0 unchanged."
	MEND_DB="$WORK/other.db" MEND_NOW=2026-02-02T08:00:00Z mend export
	expect_rc 0
	cp "$OUT" "$WORK/b.json"
	expect_eq "$(jq -r .exported_at "$WORK/b.json")" 2026-02-02T08:00:00Z "exported_at"
	[ "$(jq -S 'del(.exported_at)' "$WORK/a.json")" = "$(jq -S 'del(.exported_at)' "$WORK/b.json")" ] ||
		fail "the re-export differs from the first export"
	diff <(grep -v '"exported_at":' "$WORK/a.json") <(grep -v '"exported_at":' "$WORK/b.json") ||
		fail "the re-export is not byte-identical apart from exported_at"
	# and the imported journal behaves the same
	MEND_DB="$WORK/other.db" mend status --json
	local other_status
	other_status=$(jq -c 'del(.suggestion, .suggested_module)' "$OUT")
	mend status --json
	expect_eq "$other_status" "$(jq -c 'del(.suggestion, .suggested_module)' "$OUT")" "status after the round trip"
}

t_export_stable_and_sorted() {
	build_journal
	# records added out of order, two with the same created_at
	local extra='{"format": "mend-journal", "version": 1, "settings": {}, "periods": [], "entries": [
	 {"id": "ffffffff-0000-4000-8000-000000000002", "kind": "reflection", "module": "reflection", "created_at": "2026-01-04T12:00:00Z", "updated_at": "2026-01-04T12:00:00Z", "text": "late id"},
	 {"id": "00000000-0000-4000-8000-000000000001", "kind": "reflection", "module": "reflection", "created_at": "2026-01-04T12:00:00Z", "updated_at": "2026-01-04T12:00:00Z", "text": "early id"},
	 {"id": "77777777-0000-4000-8000-000000000003", "kind": "growth", "module": "growth", "created_at": "2025-12-31T08:00:00Z", "updated_at": "2025-12-31T08:00:00Z", "category": "rest", "text": "oldest"}]}'
	printf '%s\n' "$extra" >"$WORK/extra.json"
	mend import "$WORK/extra.json"
	expect_rc 0
	expect_out "3 added"
	MEND_NOW=2026-01-11T09:00:00Z export_to "$WORK/one.json"
	MEND_NOW=2026-03-01T17:30:00Z export_to "$WORK/two.json"
	expect_eq "$(jq -r .exported_at "$WORK/one.json")" 2026-01-11T09:00:00Z "first exported_at"
	expect_eq "$(jq -r .exported_at "$WORK/two.json")" 2026-03-01T17:30:00Z "second exported_at"
	diff <(grep -v '^  "exported_at": ' "$WORK/one.json") <(grep -v '^  "exported_at": ' "$WORK/two.json") ||
		fail "two exports differ apart from exported_at"
	[ "$(grep -c '"exported_at"' "$WORK/one.json")" -eq 1 ] || fail "exported_at is not on a line of its own"
	sorted_by_created_then_id "$WORK/one.json"
	expect_eq "$(jq -r '.entries[0].text' "$WORK/one.json")" oldest "first entry"
	expect_eq "$(jq -r '[.entries[] | select(.created_at == "2026-01-04T12:00:00Z") | .text] | join(",")' "$WORK/one.json")" \
		"early id,late id" "entries with the same created_at"
	expect_eq "$(jq '.entries | length' "$WORK/one.json")" 16 "entries"
}

t_export_validates_against_schema() {
	[ -r "$SCHEMA" ] || fail "no schema at $SCHEMA"
	# an empty journal
	export_to "$WORK/empty.json"
	expect_eq "$(jq -c '[.periods, .entries]' "$WORK/empty.json")" '[[],[]]' "empty journal"
	build_journal
	export_to "$WORK/full.json"
	export_to "$WORK/since.json" --since 2026-01-05
	export_to "$WORK/module.json" --module nocontact
	export_to "$WORK/reflection.json" --module reflection --until 2026-01-06
	export_to "$WORK/pseudo.json" --pseudonym Sam
	validate "$WORK/empty.json" "$WORK/full.json" "$WORK/since.json" \
		"$WORK/module.json" "$WORK/reflection.json" "$WORK/pseudo.json"
	# the validator does catch a broken export
	jq '.entries[0].mood = 11' "$WORK/full.json" >"$WORK/broken.json"
	python3 - "$SCHEMA" "$WORK/broken.json" <<'EOF' && fail "the schema check accepts mood 11"
import json, sys
from jsonschema import Draft202012Validator
v = Draft202012Validator(json.load(open(sys.argv[1])))
sys.exit(0 if v.is_valid(json.load(open(sys.argv[2]))) else 1)
EOF
	true
}

t_export_text_is_raw_utf8() {
	build_journal
	export_to "$WORK/e.json"
	local f="$WORK/e.json" esc
	for s in 🙂 心痛 café naïve Zoë 日本語 ✉️ Ελληνικά ñ 'é ü'; do
		grep -qF -- "$s" "$f" || fail "'$s' does not appear raw in the export"
	done
	grep -qF -- "${SEEDLINE:0:60}" "$f" || fail "the seed line does not appear raw"
	grep -qF -- "${SEEDLINE: -20}" "$f" || fail "look-alike letters are not written raw"
	# the only \u escapes are control characters
	esc=$(grep -oE '\\u[0-9a-fA-F]{4}' "$f" | sort -u | tr '\n' ' ')
	expect_eq "$esc" '\u0001 \u001b ' "\\u escapes in the export"
	grep -qP '[\x00-\x09\x0b-\x1f]' "$f" && fail "a raw control character in the export"
	# and the texts decode to exactly what was written
	[ "$(jq -r '[.entries[] | select(.kind == "checkin")][0].text' "$f")" = "$NOTE1" ] ||
		fail "the check-in note does not decode to what was written"
	[ "$(jq -r '.entries[] | select(.kind == "unsent") | .text' "$f")" = "$UNSENT" ] ||
		fail "the unsent text does not decode to what was written"
	[ "$(jq -r '.entries[] | select(.kind == "reflection") | .text' "$f")" = "$SEEDLINE" ] ||
		fail "the reflection (seed line) does not decode to what was written"
	[ "$(jq -r '.entries[] | select(.kind == "acceptance") | .text' "$f")" = "$ACCEPT" ] ||
		fail "the acceptance text does not decode to what was written"
}

t_export_jrnl_format() {
	build_journal
	export_to "$WORK/full.json"
	export_to "$WORK/jrnl.json" --format jrnl
	local f="$WORK/jrnl.json"
	jq -e . "$f" >/dev/null || fail "jq cannot read the jrnl export"
	expect_eq "$(jq '.entries | length' "$f")" 13 "jrnl entries"
	jq -e '.entries | all(
	    (.date | type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) and
	    (.time | type == "string" and test("^[0-9]{2}:[0-9]{2}$")) and
	    (.title | type == "string") and (.body | type == "string") and
	    (.tags | type == "array" and length >= 1) and (.starred | type == "boolean"))' "$f" >/dev/null ||
		fail "a jrnl entry lacks date/time/title/body/tags/starred"
	# dates, times and module tags follow the entries, in order
	expect_eq "$(jq -c '[.entries[] | [.date, .time, .tags[0]]]' "$f")" \
		"$(jq -c '[.entries[] | [.created_at[0:10], .created_at[11:16], "@" + .module]]' "$WORK/full.json")" \
		"jrnl dates, times and module tags"
	jq -e '.entries | any(.tags | index("@reflection"))' "$f" >/dev/null || fail "no @reflection tag"
	expect_eq "$(jq '.tags["@reflection"]' "$f")" 1 "@reflection count"
	expect_eq "$(jq -cS '.tags' "$f")" \
		"$(jq -cS '[.entries[].tags[0]] | group_by(.) | map({(.[0]): length}) | add' "$f")" "tag counts"
	expect_eq "$(jq -cS '.tags' "$f")" \
		"$(jq -cS '[.entries[].module] | group_by(.) | map({("@" + .[0]): length}) | add' "$WORK/full.json")" \
		"tag counts against the modules"
	# title and body together are the text
	expect_eq "$(jq -r '.entries[] | select(.tags[0] == "@acceptance" and .date == "2026-01-06") | .title' "$f")" "$ACCEPT" "acceptance title"
	[ "$(jq -r '.entries[0] | .title + "\n" + .body' "$f")" = "$NOTE1" ] || fail "title + body is not the check-in note"
	grep -qF SEALED-SECRET "$f" && fail "the sealed letter's text is in the jrnl export"

	# it imports back into a fresh journal, and a second time changes nothing
	export MEND_DB="$WORK/fresh.db"
	mend import "$f"
	expect_rc 0
	expect_out "jrnl export: 13 added, 0 updated, 0 unchanged."
	mend list --json
	expect_eq "$(json 'length')" 13 "entries after importing the jrnl export"
	expect_eq "$(json '[.[].kind] | unique | join(",")')" reflection "kinds of imported jrnl entries"
	json '[.[].tags]' | grep -qF '@reflection' || fail "the @reflection tag was not kept"
	mend list --json --search Letting
	expect_eq "$(json '.[0].text')" "$ACCEPT" "imported text"
	mend export
	local sum before
	sum=$(grep -v '"exported_at"' "$OUT" | sha256sum)
	before=$(db_sum)
	mend import "$f"
	expect_rc 0
	expect_out "jrnl export: 0 added, 0 updated, 13 unchanged."
	mend export
	expect_eq "$(grep -v '"exported_at"' "$OUT" | sha256sum)" "$sum" "journal after the second jrnl import"
	expect_db "$before"
}

t_export_markdown() {
	build_journal
	export_to "$WORK/full.json"
	export_to "$WORK/md" --format markdown
	local f="$WORK/md"
	head -1 "$f" | grep -q '^# ' || fail "the markdown does not start with a title"
	# one heading per day, ascending, newest last
	expect_eq "$(grep '^## ' "$f" | tr '\n' ' ')" \
		"$(jq -r '[.entries[].created_at[0:10]] | unique | map("## " + .) | join("\n")' "$WORK/full.json" | tr '\n' ' ')" \
		"day headings"
	grep -E '^## ' "$f" | grep -vqE '^## [0-9]{4}-[0-9]{2}-[0-9]{2}$' && fail "a day heading is not ## YYYY-MM-DD"
	expect_eq "$(grep '^## ' "$f" | tail -1)" "## 2026-01-08" "last day heading"
	expect_eq "$(grep -c '^## ' "$f")" "$(grep '^## ' "$f" | sort -u | wc -l)" "each day has one heading"
	# one heading per entry, with its module, under the right day
	expect_eq "$(grep -c '^### ' "$f")" 13 "entry headings"
	awk '/^## /{day=$2} /^### /{print day, $2}' "$f" >"$WORK/md-times"
	expect_eq "$(cat "$WORK/md-times")" \
		"$(jq -r '.entries[] | .created_at[0:10] + " " + .created_at[11:16]' "$WORK/full.json")" \
		"days and times of the markdown entries"
	grep '^### ' "$f" | grep -vqE '^### [0-9]{2}:[0-9]{2} · (Daily check-in|No contact|Reflection|Self-improvement|Acceptance)( \(|$)' &&
		fail "an entry heading does not name its module"
	expect_eq "$(grep -c '^### .* · Daily check-in' "$f")" 2 "check-in headings"
	expect_eq "$(grep -c '^### .* · No contact' "$f")" 6 "no-contact headings"
	expect_eq "$(grep -c '^### .* · Reflection' "$f")" 1 "reflection headings"
	expect_eq "$(grep -c '^### .* · Self-improvement' "$f")" 1 "growth headings"
	expect_eq "$(grep -c '^### .* · Acceptance' "$f")" 3 "acceptance headings"
	# prompts are shown, with the answers
	local p
	for k in reflection acceptance; do
		p=$(jq -r ".entries[] | select(.kind == \"$k\") | .prompt_text" "$WORK/full.json")
		[ -n "$p" ] && [ "$p" != null ] || fail "no prompt text for the $k entry"
		grep -qxF -- "> $p" "$f" || fail "the $k prompt is not shown: $p"
	done
	grep -qF -- "$SEEDLINE" "$f" || fail "the reflection text is not shown"
	grep -qF -- "$ACCEPT" "$f" || fail "the acceptance text is not shown"
	grep -qF 'Decision: **part-ways**' "$f" || fail "the decision is not shown"
	# a sealed letter stays sealed
	grep -qF SEALED-SECRET "$f" && fail "the sealed letter's text is in the markdown"
	grep -qF 'sealed until day 30' "$f" || fail "the sealed letter is not mentioned"
	true
}

t_export_pseudonym() {
	build_journal
	local before id n
	before=$(db_sum)
	export_to "$WORK/plain.json"
	n=$(grep -oiw alex "$WORK/plain.json" | wc -l)
	[ "$n" -ge 8 ] || fail "the journal should name Alex often (found $n)"
	export_to "$WORK/pseudo.json" --pseudonym Sam
	grep -iw alex "$WORK/pseudo.json" && fail "Alex is still in the pseudonymous export"
	expect_eq "$(grep -ow Sam "$WORK/pseudo.json" | wc -l)" "$n" "occurrences of Sam"
	grep -qF "Alexander was your brother" "$WORK/pseudo.json" || fail "Alexander (not the name) was changed"
	grep -qF "Sam's not for me" "$WORK/pseudo.json" || fail "Alex's was not replaced"
	grep -qF 'ALEX!' "$WORK/pseudo.json" && fail "ALEX (upper case) was not replaced"
	# nothing else changed
	diff <(sed -E 's/\b[Aa][Ll][Ee][Xx]\b/Sam/g' "$WORK/plain.json") "$WORK/pseudo.json" ||
		fail "the pseudonymous export differs in more than the name"
	# the journal itself keeps the name
	expect_db "$before"
	mend list --json --module nocontact
	id=$(json '.[] | select(.kind == "unsent") | .id')
	mend show "$id"
	expect_rc 0
	expect_out "Dear Alex,"
	mend export
	grep -qw Alex "$OUT" || fail "the journal lost the name"
}

# import_named_entry: a journal naming Alex, with an imported entry that
# carries the name in its tags, its prompt text and its text.
import_named_entry() {
	MEND_NOW=2026-01-01T10:00:00Z mend start --date 2026-01-01 --name Alex
	expect_rc 0
	printf '%s\n' '{"format": "mend-journal", "version": 1, "settings": {}, "periods": [], "entries": [
	 {"id": "11111111-2222-4333-8444-555555555555", "kind": "reflection", "module": "reflection", "created_at": "2026-01-05T10:00:00Z", "updated_at": "2026-01-05T10:00:00Z", "prompt_id": "custom.miss-1", "prompt_text": "What do you miss about Alex?", "tags": ["Alex", "about-alex"], "text": "Thinking of Alex"}]}' >"$WORK/in.json"
	mend import "$WORK/in.json"
	expect_rc 0
}

# --pseudonym replaces the name wherever it appears: in tags too, in
# every format that writes tags.
t_export_pseudonym_in_tags() {
	import_named_entry
	mend export --pseudonym Sam
	expect_rc 0
	expect_eq "$(json '.entries[0].tags | join(" ")')" "Sam about-Sam" "tags in the JSON export"
	mend export --format jrnl --pseudonym Sam
	expect_rc 0
	expect_eq "$(json '.entries[0].title')" "Thinking of Sam" "jrnl title"
	expect_eq "$(json '.entries[0].tags | join(" ")')" "@reflection Sam about-Sam" "tags in the jrnl export"
}

# ... and in an entry's prompt text (an imported entry, or one answering
# a prompt of the user's own, can name them).
t_export_pseudonym_in_prompt_text() {
	import_named_entry
	for fmt in json markdown; do
		mend export --format "$fmt" --pseudonym Sam
		expect_rc 0
		grep -qF 'Thinking of Sam' "$OUT" || fail "$fmt: the text was not pseudonymised"
		grep -iw alex "$OUT" && fail "$fmt: Alex is still in the export with --pseudonym Sam"
	done
	true
}

t_export_filters() {
	build_journal
	export_to "$WORK/full.json"
	# --since/--until, both inclusive
	export_to "$WORK/range.json" --since 2026-01-03 --until 2026-01-05
	expect_eq "$(jq -c '[.entries[].id]' "$WORK/range.json")" \
		"$(jq -c '[.entries[] | select(.created_at[0:10] >= "2026-01-03" and .created_at[0:10] <= "2026-01-05") | .id]' "$WORK/full.json")" \
		"entries from 2026-01-03 to 2026-01-05"
	expect_eq "$(jq '.entries | length' "$WORK/range.json")" 7 "entries in the range"
	jq -e '[.entries[].created_at[0:10]] | (index("2026-01-03") != null) and (index("2026-01-05") != null)' "$WORK/range.json" >/dev/null ||
		fail "the bounds are not inclusive"
	export_to "$WORK/one-day.json" --since 2026-01-06 --until 2026-01-06
	expect_eq "$(jq -c '[.entries[].kind]' "$WORK/one-day.json")" '["reflection","acceptance"]' "one day"
	export_to "$WORK/since.json" --since 2026-01-07
	expect_eq "$(jq -c '[.entries[].kind]' "$WORK/since.json")" '["growth","decision","decision"]' "--since only"
	export_to "$WORK/until.json" --until 2026-01-02
	expect_eq "$(jq -c '[.entries[].kind]' "$WORK/until.json")" '["checkin"]' "--until only"
	# --module
	export_to "$WORK/nc.json" --module nocontact
	expect_eq "$(jq -c '[.entries[].module] | unique' "$WORK/nc.json")" '["nocontact"]' "nocontact module"
	expect_eq "$(jq '.entries | length' "$WORK/nc.json")" 6 "nocontact entries"
	expect_eq "$(jq '.periods | length' "$WORK/nc.json")" 3 "periods with --module nocontact"
	export_to "$WORK/acc.json" --module acceptance
	expect_eq "$(jq -c '[.entries[].kind]' "$WORK/acc.json")" '["acceptance","decision","decision"]' "acceptance module"
	expect_eq "$(jq '.periods | length' "$WORK/acc.json")" 0 "periods with --module acceptance"
	export_to "$WORK/both.json" --module checkin --since 2026-01-03
	expect_eq "$(jq -c '[.entries[] | [.kind, .day]]' "$WORK/both.json")" '[["checkin","2026-01-03"]]' "module and since"
	export_to "$WORK/jr.json" --format jrnl --module growth
	expect_eq "$(jq -c '[.entries[].tags[0]]' "$WORK/jr.json")" '["@growth"]' "jrnl with --module"
	export_to "$WORK/md" --format markdown --since 2026-01-08
	expect_eq "$(grep -c '^### ' "$WORK/md")" 1 "markdown with --since"
	# bad values: exit 2, one line naming the field and value, no output
	bad_input "2026-13-01" export --since 2026-13-01
	expect_err "since"
	bad_input "2026-02-30" export --until 2026-02-30
	expect_err "until"
	bad_input "nope" export --module nope
	expect_err "module"
	bad_input "xml" export --format xml
	expect_err "format"
	bad_input "since" export --since 2026-01-05 --until 2026-01-04
	bad_input "2026-13-01" export --since 2026-13-01 -o "$WORK/never.json"
	bad_input "xml" export --format xml -o "$WORK/never.json"
	[ -e "$WORK/never.json" ] && fail "a bad export created its -o file"
	ls "$WORK" | grep -q 'never.json.tmp' && fail "a bad export left a temporary file"
	true
}

t_export_output_file() {
	build_journal
	mkdir "$WORK/exp" || fail "mkdir"
	umask 000
	mend export -o "$WORK/exp/backup.json"
	expect_rc 0
	expect_out "Exported 13 entries and 3 no-contact periods to $WORK/exp/backup.json."
	expect_eq "$(wc -l <"$OUT")" 1 "lines printed"
	expect_eq "$(stat -c %a "$WORK/exp/backup.json")" 600 "mode of the export"
	expect_eq "$(ls -A "$WORK/exp")" backup.json "files beside the export"
	validate "$WORK/exp/backup.json"
	MEND_NOW=2026-01-11T09:00:00Z mend export
	cmp -s "$OUT" "$WORK/exp/backup.json" || fail "-o FILE differs from the export on stdout"
	# an existing, readable file is replaced, and becomes 0600
	printf 'old\n' >"$WORK/exp/old.md"
	chmod 644 "$WORK/exp/old.md"
	mend export -o "$WORK/exp/old.md" --format markdown --module reflection
	expect_rc 0
	expect_out "Exported 1 entry and 0 no-contact periods to $WORK/exp/old.md."
	expect_eq "$(stat -c %a "$WORK/exp/old.md")" 600 "mode of the replaced file"
	grep -q '^old$' "$WORK/exp/old.md" && fail "the old content is still there"
	grep -q '^### .* · Reflection' "$WORK/exp/old.md" || fail "the markdown export was not written"
	expect_eq "$(ls -A "$WORK/exp" | tr '\n' ' ')" "backup.json old.md " "files beside the exports"
	# a relative path, in the working directory
	mend export -o rel.json --module growth
	expect_rc 0
	expect_out "Exported 1 entry and 0 no-contact periods to rel.json."
	expect_eq "$(stat -c %a rel.json)" 600 "mode of rel.json"
	expect_eq "$(jq -c '[.entries[].kind]' rel.json)" '["growth"]' "rel.json"
	ls -A | grep -q 'tmp-' && fail "a temporary file was left"
	true
}

# gen_big N: a mend export with N long reflections.
gen_big() {
	awk -v n="$1" 'BEGIN {
		pad = ""
		for (k = 0; k < 200; k++) pad = pad "lorem ipsum "
		printf "{\"format\": \"mend-journal\", \"version\": 1, \"settings\": {}, \"periods\": [], \"entries\": ["
		for (i = 0; i < n; i++)
			printf "%s{\"id\": \"00000000-0000-4000-8000-%012d\", \"kind\": \"reflection\", \"module\": \"reflection\", \"created_at\": \"2025-06-01T10:00:00Z\", \"updated_at\": \"2025-06-01T10:00:00Z\", \"text\": \"entry %d %s\"}", (i ? ",\n" : "\n"), i, i, pad
		print "]}"
	}'
}

# writing_export PID: true once the export has its output file open.
writing_export() {
	local fd
	for fd in /proc/"$1"/fd/*; do
		case $(readlink "$fd" 2>/dev/null) in
		"$WORK"/*tmp-* | "$WORK"/*"(deleted)") return 0 ;;
		esac
	done
	return 1
}

t_export_killed_keeps_previous_file() {
	build_journal
	local file="$WORK/backup.json" pid rc try landed=0 deadline
	mend export -o "$file"
	expect_rc 0
	cp "$file" "$WORK/good.json"
	gen_big 6000 >"$WORK/big.json"
	mend import "$WORK/big.json"
	expect_rc 0
	expect_out "6000 added"
	for try in 1 2 3 4 5; do
		"$MEND" export -o "$file" >/dev/null 2>&1 &
		pid=$!
		deadline=$((${EPOCHREALTIME/./} + 5000000))
		# wait until it writes (or ends), 5 s at most
		until writing_export "$pid" || ! kill -0 "$pid" 2>/dev/null ||
			[ "${EPOCHREALTIME/./}" -ge "$deadline" ]; do :; done
		kill -9 "$pid" 2>/dev/null
		wait "$pid"
		rc=$?
		# the kill must land before the rename to count
		[ "$rc" -eq 137 ] && { landed=1; break; }
		cp "$WORK/good.json" "$file"
	done
	[ "$landed" -eq 1 ] || fail "could not kill the export before it finished"
	cmp "$file" "$WORK/good.json" || fail "the killed export changed $file"
	jq -e . "$file" >/dev/null || fail "$file is not valid JSON after the kill"
	validate "$file"
	# and a later export still works and replaces the file
	mend export -o "$file" --module growth
	expect_rc 0
	expect_eq "$(jq '.entries | length' "$file")" 1 "entries after a new export"
}

run_tests
