# SPDX-License-Identifier: MIT
# `mend export --format jrnl-text`: jrnl's own plain-text journal file,
# which jrnl reads directly (it cannot import JSON). The file is read
# back here by jrnl's documented rules, implemented in the test: an entry
# begins at a line "[YYYY-MM-DD HH:MM] ", a first line ending in '*' is a
# star, the title is the text up to the first sentence end (or the first
# line), and tags are the words starting with @ or #, lower-cased. `mend
# import` reads the same file back into what mend wrote.
. "$(dirname "$0")/lib.sh"

# A journal of entries an hour apart, with a star, sentences, tags, CJK
# text, a first line that ends in '*' without a star, a check-in and a
# sealed letter.
jrnl_journal() {
	MEND_NOW=2026-01-02T09:00:00Z mend start --date 2026-01-01
	expect_rc 0
	MEND_NOW=2026-01-03T09:00:00Z mend reflect $'I went out. It was nice.\nSecond line with @Home and #Walk'
	expect_rc 0
	MEND_NOW=2026-01-03T10:00:00Z mend reflect "done*"
	expect_rc 0
	MEND_NOW=2026-01-03T11:00:00Z mend checkin --mood 6 --note "steadier today"
	expect_rc 0
	MEND_NOW=2026-01-03T12:00:00Z mend reflect "今日は東京に行った。心が軽い"
	expect_rc 0
	MEND_NOW=2026-01-03T13:00:00Z mend reflect $'Was it worth it? Maybe.\n\nA second paragraph, after a blank line.'
	expect_rc 0
	MEND_NOW=2026-01-03T14:00:00Z mend seal --until-day 30 "a letter for later"
	expect_rc 0
	mend list --json
	STAR_ID=$(json '.[] | select(.text | startswith("I went out")) | .id')
	mend star "$STAR_ID"
	expect_rc 0
}

# jrnl_parse FILE [RULES]: the entries of a jrnl text journal as jrnl
# reads them, a JSON array of {date, time, title, body, tags, starred}.
# RULES picks how the title is split: 4 (jrnl 4: at the first line break,
# or in a single line at the first sentence end; the default) or 2 (jrnl
# 2: at whichever of the two comes first). With "rewrite" as a third
# argument the file is first written back as jrnl writes an entry
# ("[date] title", " *" when starred, the body on the lines after) and
# read again, as jrnl does when it saves a journal.
jrnl_parse() {
	python3 - "$1" "${2:-4}" "${3:-}" <<'PY'
import datetime, json, re, sys

text = open(sys.argv[1], encoding="utf-8").read()
rules = sys.argv[2]
SENTENCE = r"[.!?\u2026\u3002\uff01\uff1f\uff0e\uff61][\'\"\u2019\u201d]?[\])]*\s+|[\u3002\uff01\uff1f\uff0e\uff61]"

def split_title(raw):
    if rules == "2":
        cut = re.search(SENTENCE + r"|\n", raw)
    else:
        cut = re.search("\n", raw.lstrip()) or re.search(SENTENCE, raw)
    if not cut:
        return raw, ""
    return raw[:cut.end()].strip(), raw[cut.end():].strip()

def parse(text):
    # an entry starts at "[date] " at the start of the file or of a line
    header = re.compile(r"(?:^|\n)\[([^\]]+)\] ")
    found = []
    for m in header.finditer(text):
        try:
            when = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M")
        except ValueError:
            continue  # not a date: part of the entry before
        found.append((when, m.start(), m.end()))
    entries = []
    for i, (when, start, end) in enumerate(found):
        raw = text[end:found[i + 1][1]] if i + 1 < len(found) else text[end:]
        lines = raw.splitlines()
        starred = bool(lines) and lines[0].strip().endswith("*")
        if starred:
            raw = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
        title, body = split_title(raw)
        tags = sorted({t.lower() for t in re.findall(r"(?<!\S)([@#][-+*#/\w]+)", raw)})
        entries.append({"date": when.strftime("%Y-%m-%d"), "time": when.strftime("%H:%M"),
                        "title": title, "body": body, "tags": tags, "starred": starred})
    return entries

entries = parse(text)
if sys.argv[3] == "rewrite":
    def entry_text(e):
        head = "[%s %s] %s%s" % (e["date"], e["time"], e["title"], " *" if e["starred"] else "")
        return head + ("\n" + e["body"] if e["body"] else "") + "\n"
    entries = parse("\n".join(entry_text(e) for e in entries))
json.dump(entries, sys.stdout, ensure_ascii=False)
PY
}

t_jrnl_reads_the_dates_titles_stars_and_tags_mend_wrote() {
	jrnl_journal
	mend export --format jrnl-text
	expect_rc 0
	cp "$OUT" "$WORK/journal.txt"
	jrnl_parse "$WORK/journal.txt" >"$OUT" || fail "the jrnl rules could not read the file"
	# jrnl 4: the title is the first line (mend ends every entry with a
	# line of tags), stars and tags as written, tags lower-cased
	expect_fields 'length' 6 \
		'.[0].date' 2026-01-03 '.[0].time' 09:00 \
		'.[0].title' 'I went out. It was nice.' '.[0].starred' true \
		'.[0].body' $'Second line with @Home and #Walk\n@reflection' \
		'.[0].tags' '["#walk","@home","@reflection"]' \
		'.[1].title' 'done*' '.[1].starred' false \
		'.[2].title' 'steadier today' '.[2].tags' '["@checkin"]' \
		'.[3].title' '今日は東京に行った。心が軽い' '.[3].body' '@reflection' \
		'.[4].title' 'Was it worth it? Maybe.' '.[4].starred' false \
		'.[4].body' $'A second paragraph, after a blank line.\n@reflection' \
		'.[5].title' '(A letter to yourself, sealed until day 30 of no contact.)' \
		'.[5].time' 14:00
	# jrnl 2: the title ends at the first sentence end, line break or not
	# (the text that starts on the line after the date has no title)
	jrnl_parse "$WORK/journal.txt" 2 >"$OUT" || fail "the jrnl 2 rules could not read the file"
	expect_fields 'length' 6 \
		'.[0].title' 'I went out.' '.[0].starred' true \
		'.[0].body' $'It was nice.\nSecond line with @Home and #Walk\n@reflection' \
		'.[0].tags' '["#walk","@home","@reflection"]' \
		'.[1].title' '' '.[1].body' $'done*\n@reflection' '.[1].starred' false \
		'.[3].title' '今日は東京に行った。' '.[3].body' $'心が軽い\n@reflection' \
		'.[4].title' 'Was it worth it?' \
		'.[4].body' $'Maybe.\n\nA second paragraph, after a blank line.\n@reflection'
	jrnl_parse "$WORK/journal.txt" >"$OUT"
	# a letter still sealed keeps its words out of the file
	grep -qF "a letter for later" "$WORK/journal.txt" && fail "a sealed letter's words are in the file"
	# only the starred entry has a star, and jrnl sees no other
	expect_eq "$(json '[.[] | select(.starred)] | length')" 1 "starred entries"
}

t_every_entry_is_one_jrnl_entry_with_the_whole_text() {
	jrnl_journal
	mend export --format jrnl-text
	cp "$OUT" "$WORK/journal.txt"
	mend export --format jrnl
	cp "$OUT" "$WORK/jrnl.json"
	jrnl_parse "$WORK/journal.txt" >"$OUT" || fail "the jrnl rules could not read the file"
	cp "$OUT" "$WORK/parsed.json"
	# jrnl writing the journal back and reading it again finds the same
	# entries (but for the one whose first line ends in '*': jrnl itself
	# writes that back as a star)
	for rules in 4 2; do
		jrnl_parse "$WORK/journal.txt" $rules >"$WORK/a.json"
		jrnl_parse "$WORK/journal.txt" $rules rewrite >"$WORK/b.json"
		expect_eq "$(jq -c 'del(.[1])' "$WORK/b.json")" "$(jq -c 'del(.[1])' "$WORK/a.json")" \
			"entries after jrnl ($rules) saves the journal"
	done
	# the same entries, times and stars as mend's jrnl JSON, and every
	# word of each text (title and body together), in order
	python3 - "$WORK/jrnl.json" "$WORK/parsed.json" <<'PY' || fail "the text journal and the JSON differ"
import json, sys
want = json.load(open(sys.argv[1]))["entries"]
got = json.load(open(sys.argv[2]))
assert len(want) == len(got), (len(want), len(got))
for w, g in zip(want, got):
    assert (w["date"], w["time"], w["starred"]) == (g["date"], g["time"], g["starred"]), (w, g)
    text = (w["title"] + "\n" + w["body"]).split()
    seen = (g["title"] + " " + g["body"]).split()
    assert seen[:len(text)] == text, (text, seen)
    assert set(t.lower() for t in w["tags"]) <= set(g["tags"]), (w["tags"], g["tags"])
PY
}

t_mend_imports_its_jrnl_text_back_as_it_wrote_it() {
	jrnl_journal
	mend export --format jrnl-text
	cp "$OUT" "$WORK/journal.txt"
	MEND_DB="$WORK/b.db" mend import "$WORK/journal.txt"
	expect_rc 0
	expect_out "Imported a jrnl journal: 6 added, 0 updated, 0 unchanged."
	MEND_DB="$WORK/b.db" mend export
	cp "$OUT" "$WORK/b.json"
	mend export
	# every text as written (what mend shows for the check-in and the
	# letter), its time and its star
	expect_eq "$(jq -c '[.entries[] | select(.kind == "reflection") | {text, created_at, starred}]' "$OUT")" \
		"$(jq -c '[.entries[] | select(.text | test("^(I went|done|今日|Was it)")) | {text, created_at, starred}]' "$WORK/b.json")" \
		"reflections after the round trip"
	expect_eq "$(jq -c '[.entries[] | .tags]' "$WORK/b.json")" \
		'[["@home","#walk","@reflection"],["@reflection"],["@checkin"],["@reflection"],["@reflection"],["@nocontact"]]' "tags, lower-cased"
	# the second journal writes the same file again: nothing lost, nothing added
	MEND_DB="$WORK/b.db" mend export --format jrnl-text
	diff <(sed 's/^@nocontact$/@reflection @nocontact/; s/^@checkin$/@reflection @checkin/' "$WORK/journal.txt") "$OUT" >"$WORK/diff" ||
		fail "the second export differs: $(cat "$WORK/diff")"
	# and importing it again changes nothing
	MEND_DB="$WORK/b.db" mend import "$WORK/journal.txt"
	expect_out "0 added, 0 updated, 6 unchanged."
}

t_a_jrnl_file_as_jrnl_writes_it_imports() {
	# jrnl's default time format has seconds and AM/PM
	printf '%s\n' '[2025-05-01 09:30:00 AM] Morning pages. The kettle, the window. *' \
		'' '[2025-05-01 09:45:00 PM] Evening. @Sleep came late' '#tired' >"$WORK/j.txt"
	mend import "$WORK/j.txt"
	expect_rc 0
	mend export
	expect_fields '.entries | length' 2 \
		'.entries[0].text' 'Morning pages. The kettle, the window.' \
		'.entries[0].starred' true '.entries[0].created_at' 2025-05-01T09:30:00Z \
		'.entries[1].text' 'Evening. @Sleep came late' \
		'.entries[1].tags' '["@sleep","#tired"]' \
		'.entries[1].starred' false '.entries[1].created_at' 2025-05-01T21:45:00Z
}

t_text_before_the_first_entry_is_refused() {
	printf '%s\n' 'a note' '[2025-05-01 09:30] An entry' >"$WORK/j.txt"
	MEND_NOW=2026-01-02T09:00:00Z mend start --date 2026-01-01
	before=$(db_sum)
	# not a jrnl journal from its first line: read as JSON, and refused
	mend import "$WORK/j.txt"
	expect_rc 1
	expect_db "$before"
	printf '%s\n' '[2025-05-01 09:30] An entry' '[2025-13-01 09:30] not a date, so text' >"$WORK/k.txt"
	mend import "$WORK/k.txt"
	expect_rc 0
	mend list --json
	expect_eq "$(json '.[0].text')" $'An entry\n[2025-13-01 09:30] not a date, so text' "a line that is no date stays text"
}

t_bad_utf8_in_a_jrnl_journal_is_refused() {
	MEND_NOW=2026-01-02T09:00:00Z mend start --date 2026-01-01
	printf '[2025-05-01 09:30] caf\xe9\n' >"$WORK/j.txt"
	before=$(db_sum)
	mend import "$WORK/j.txt"
	expect_rc 1
	expect_err "not valid UTF-8"
	expect_db "$before"
}

t_real_jrnl_reads_it_when_installed() {
	# optional: jrnl is not in Debian; where it is installed, feed it the
	# file and compare with the rules above
	if ! command -v jrnl >/dev/null; then
		echo "jrnl is not installed: skipped"
		return 0
	fi
	jrnl_journal
	mend export --format jrnl-text
	cp "$OUT" "$WORK/journal.txt"
	printf 'journals:\n  default: %s\ntimeformat: "%%Y-%%m-%%d %%H:%%M"\ntagsymbols: "#@"\nencrypt: false\ncolors: {body: none, date: none, tags: none, title: none}\n' \
		"$WORK/journal.txt" >"$WORK/jrnl.yaml"
	jrnl --config-file "$WORK/jrnl.yaml" --format json >"$WORK/real.json" 2>"$WORK/real.err" ||
		fail "jrnl could not read the file: $(cat "$WORK/real.err")"
	jrnl_parse "$WORK/journal.txt" >"$WORK/rules.json"
	expect_eq "$(jq -c '[.entries[] | {title, starred}]' "$WORK/real.json")" \
		"$(jq -c '[.[] | {title, starred}]' "$WORK/rules.json")" "jrnl's reading"
}

run_tests
