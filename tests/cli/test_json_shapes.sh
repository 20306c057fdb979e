# SPDX-License-Identifier: MIT
# The --json outputs for scripts: an entry has one shape everywhere (the
# export's keys, in the export's order, tags an array, nothing null),
# a letter still sealed says so, and every --json output matches its
# schema in data/.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA="$ROOT/data"

# every_kind: a journal with an entry of every kind, a reflection with
# no prompt and one with, a letter still sealed and one already open,
# and an imported entry with tags.
every_kind() {
	MEND_NOW=2026-01-01T10:00:00Z mend start --date 2025-12-30 --name Alex
	expect_rc 0
	MEND_NOW=2026-01-01T11:00:00Z mend seal --until-day 5 "an open letter"
	expect_rc 0
	MEND_NOW=2026-01-02T10:00:00Z mend checkin --mood 4 --urge 6 --note "a hard morning"
	expect_rc 0
	MEND_NOW=2026-01-03T10:00:00Z mend checkin --mood 6
	expect_rc 0
	MEND_NOW=2026-01-03T11:00:00Z mend contact --by them --channel text --necessary --note "about the keys"
	expect_rc 0
	MEND_NOW=2026-01-04T11:00:00Z mend urge --level 7
	expect_rc 0
	MEND_NOW=2026-01-05T12:00:00Z mend unsent "Dear Alex, \"quoted\" and a back\\slash"
	expect_rc 0
	MEND_NOW=2026-01-05T13:00:00Z mend seal --until-day 60 "SEALED-SECRET"
	expect_rc 0
	MEND_NOW=2026-01-06T10:00:00Z mend reflect --prompt reflection.my-part.1 "my part"
	expect_rc 0
	MEND_NOW=2026-01-06T10:30:00Z mend reflect "no prompt at all"
	expect_rc 0
	MEND_NOW=2026-01-06T11:00:00Z mend accept --prompt acceptance.letting-go.1 "letting go"
	expect_rc 0
	MEND_NOW=2026-01-07T11:00:00Z mend grow --category body --minutes 30 "ran"
	expect_rc 0
	MEND_NOW=2026-01-08T12:00:00Z mend decide part-ways --note "for me"
	expect_rc 0
	# tags come in by import
	mend export -o "$WORK/base.json"
	expect_rc 0
	jq '.entries += [{"id": "77777777-0000-4000-8000-000000000001",
		"kind": "reflection", "module": "reflection",
		"created_at": "2026-01-09T08:00:00Z",
		"updated_at": "2026-01-09T08:00:00Z",
		"tags": ["@calm", "walk"], "text": "tagged"}]' \
		"$WORK/base.json" >"$WORK/tagged.json" || fail "cannot add a tagged entry"
	mend import "$WORK/tagged.json"
	expect_rc 0
	rm -f "$WORK/base.json" "$WORK/tagged.json"
}

# validate SCHEMA FILE...: each file (JSON) is valid against data/SCHEMA.
validate() {
	local schema=$1
	shift
	python3 - "$DATA/$schema" "$@" <<'EOF' || fail "an output does not match $schema"
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(path))):
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        bad = 1
sys.exit(bad)
EOF
}

# rejects SCHEMA JQ: the validator refuses $OUT changed by JQ.
rejects() {
	jq "$2" "$OUT" >"$WORK/changed.json" || fail "jq: $2"
	python3 - "$DATA/$1" "$WORK/changed.json" <<'EOF' && fail "$1 accepts $2"
import json, sys
from jsonschema import Draft202012Validator
v = Draft202012Validator(json.load(open(sys.argv[1])))
sys.exit(0 if v.is_valid(json.load(open(sys.argv[2]))) else 1)
EOF
	true
}

# Keys and values in order: list --json's entries are the export's, the
# letter still sealed alone differing, by "sealed": true and its text.
t_list_json_entries_are_the_exports_entries() {
	every_kind
	mend export -o "$WORK/export.json"
	expect_rc 0
	mend list --json
	expect_rc 0
	python3 - "$WORK/export.json" "$OUT" <<'EOF' || fail "list --json and the export differ"
import json, sys
pairs = lambda p: json.load(open(p), object_pairs_hook=lambda kv: kv)
export = {dict(e)["id"]: e for e in dict(pairs(sys.argv[1]))["entries"]}
listed = pairs(sys.argv[2])
kinds = set()
assert len(listed) == len(export) == 13, (len(listed), len(export))
for e in listed:
    d = dict(e)
    kinds.add(d["kind"])
    want = export[d["id"]]
    if d.get("sealed"):
        assert dict(want)["text"] == "SEALED-SECRET", want
        want = [(k, v) for k, v in want if k != "text"] + [("sealed", True), ("text", "")]
    assert e == want, f"\n list:   {e}\n export: {want}"
assert kinds == {"checkin", "contact", "urge", "unsent", "sealed", "reflection",
                 "acceptance", "growth", "decision"}, kinds
EOF
}

t_show_json_is_the_list_entry() {
	every_kind
	mend list --json
	jq -c '.[]' "$OUT" >"$WORK/listed"
	while read -r line; do
		id=$(jq -r .id <<<"$line")
		mend show "$id" --json
		expect_rc 0
		expect_eq "$(wc -l <"$OUT")" 1 "lines of show --json"
		expect_eq "$(jq -c . "$OUT")" "$line" "show --json of $id"
	done <"$WORK/listed"
}

t_tags_are_an_array_everywhere() {
	every_kind
	mend list --json
	expect_fields '[.[] | select(.tags) | .tags]' '[["@calm","walk"]]'
	id=$(json '.[] | select(.tags) | .id')
	mend show "$id" --json
	expect_fields '.tags' '["@calm","walk"]' '.text' tagged
	mend export
	expect_fields '[.entries[] | select(.tags) | .tags]' '[["@calm","walk"]]'
}

t_nothing_is_null_in_an_entry() {
	every_kind
	mend list --json
	expect_eq "$(json '[.. | select(. == null)] | length')" 0 "nulls in list --json"
	# a reflection with no prompt has no prompt keys at all
	expect_fields '[.[] | select(.text == "no prompt at all") | keys_unsorted]' \
		'[["id","kind","module","created_at","updated_at","starred","text"]]'
}

t_sealed_letter_says_it_is_sealed() {
	every_kind
	mend list --json
	expect_fields '[.[] | select(.kind == "sealed") | [.open_day, .sealed, .text]]' \
		'[[60,true,""],[5,null,"an open letter"]]'
	grep -qF SEALED-SECRET "$OUT" && fail "the sealed text is in list --json"
	id=$(json '.[] | select(.sealed) | .id')
	mend show "$id" --json
	expect_fields '.sealed' true '.text' '' '.open_day' 60
	# the opened one carries no "sealed" key
	id=$(MEND_NOW=2026-01-11T09:00:00Z "$MEND" list --json | jq -r '.[] | select(.open_day == 5) | .id')
	mend show "$id" --json
	expect_fields 'has("sealed")' false '.text' 'an open letter'
}

t_json_outputs_match_their_schemas() {
	# an empty journal first: status, list and periods of nothing
	mend status --json
	expect_rc 0
	cp "$OUT" "$WORK/status-empty.json"
	mend periods --json
	cp "$OUT" "$WORK/periods-empty.json"
	mend list --json
	expect_eq "$(json 'length')" 0 "entries of an empty journal"
	every_kind
	mend status --json
	cp "$OUT" "$WORK/status.json"
	expect_fields '.started' true '.decision' part-ways
	mend periods --json
	cp "$OUT" "$WORK/periods.json"
	expect_eq "$(json 'length')" 1 "periods"
	mend list --json
	jq -c '.[]' "$OUT" | split -l 1 - "$WORK/entry-"
	id=$(json '.[] | select(.sealed) | .id')
	mend export -o "$WORK/export.json"
	jq -c '.entries[]' "$WORK/export.json" | split -l 1 - "$WORK/exported-"
	mend show "$id" --json
	cp "$OUT" "$WORK/show-sealed.json"
	mend prompt --module reflection --json
	cp "$OUT" "$WORK/prompt.json"
	mend prompts --json
	cp "$OUT" "$WORK/prompts.json"
	expect_eq "$(json 'length > 10')" true "prompts listed"
	validate mend-status.schema.json "$WORK/status-empty.json" "$WORK/status.json"
	validate mend-periods.schema.json "$WORK/periods-empty.json" "$WORK/periods.json"
	validate mend-entry.schema.json "$WORK"/entry-* "$WORK"/exported-* "$WORK/show-sealed.json"
	validate mend-prompt.schema.json "$WORK/prompt.json" "$WORK/prompts.json"
	validate mend-journal.schema.json "$WORK/export.json"
}

# The schemas do catch the old shapes and a drifting key.
t_schemas_refuse_what_they_should() {
	every_kind
	mend list --json
	jq '.[] | select(.tags)' "$OUT" >"$WORK/tagged.json"
	cp "$WORK/tagged.json" "$OUT"
	rejects mend-entry.schema.json '.tags = "@calm walk"'
	rejects mend-entry.schema.json '.prompt_id = null'
	rejects mend-entry.schema.json '. + {"extra": 1}'
	mend list --json
	jq '.[] | select(.sealed)' "$OUT" >"$WORK/sealed.json"
	cp "$WORK/sealed.json" "$OUT"
	rejects mend-entry.schema.json '.text = "SEALED-SECRET"'
	rejects mend-entry.schema.json '.sealed = false'
	mend status --json
	rejects mend-status.schema.json 'del(.decision)'
	rejects mend-status.schema.json '.today_mood = 11'
	mend periods --json
	rejects mend-periods.schema.json '.[0].days = "1"'
	mend prompts --json
	rejects mend-prompt.schema.json '.[0].module = "checkin"'
}

# The entry schema is the export schema's entry, with "sealed" beside it.
t_entry_schema_is_the_exports_entry() {
	python3 - "$DATA/mend-entry.schema.json" "$DATA/mend-journal.schema.json" <<'EOF' || fail "the schemas drifted apart"
import json, sys
entry = json.load(open(sys.argv[1]))
journal = json.load(open(sys.argv[2]))
want = journal["$defs"]["entry"]
for b in entry["oneOf"]:
    if b["properties"]["kind"]["const"] == "sealed":
        b["properties"].pop("sealed")
        b["propertyNames"]["enum"].remove("sealed")
        b.pop("if")
        b.pop("then")
        b["properties"]["text"] = b.pop("else")["properties"]["text"]
got = {k: v for k, v in entry.items() if not k.startswith("$") and k not in ("title", "description")}
assert got == want, "the entry schemas differ"
for k in entry["$defs"]:
    assert entry["$defs"][k] == journal["$defs"][k], k
EOF
}

# Every key a schema names is described in mend(1)'s JSON OUTPUT, as an
# italic word on an .I or .IR line.
t_man_page_documents_every_key() {
	python3 - "$DATA" "$ROOT/mend.1" <<'EOF' || fail "mend.1 does not document every key"
import json, re, sys
data, man = sys.argv[1], open(sys.argv[2]).read()
section = man.split("\n.SH JSON OUTPUT\n", 1)[1].split("\n.SH ", 1)[0]
words = set()
for line in re.findall(r"^\.IR? (.*)$", section, re.M):
    words |= set(re.findall(r"[a-z_]+", line))
def keys(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "properties":
                yield from v.keys()
            yield from keys(v)
    elif isinstance(node, list):
        for v in node:
            yield from keys(v)
missing = []
for name in ("entry", "status", "periods", "prompt"):
    schema = json.load(open(f"{data}/mend-{name}.schema.json"))
    missing += [f"{name}.{k}" for k in sorted(set(keys(schema))) if k not in words]
if missing:
    print("not in JSON OUTPUT:", ", ".join(missing))
    sys.exit(1)
EOF
}

run_tests
