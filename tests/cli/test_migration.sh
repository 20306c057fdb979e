# SPDX-License-Identifier: MIT
# A journal kept by an earlier mend opens in this one: fixtures/ holds a
# journal as schema version 5 left it (made with that version's own
# commands), and opening it must keep every entry, id, star, tag and
# both search indexes, and then take the kinds that came after it.
. "$(dirname "$0")/lib.sh"

FIXTURES="$(cd "$(dirname "$0")" && pwd)/fixtures"

v5_journal() {
	rm -f "$MEND_DB"
	sqlite3 "$MEND_DB" <"$FIXTURES/journal-v5.sql" ||
		fail "the fixture did not load"
	chmod 600 "$MEND_DB"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA user_version')" 5 \
		"the fixture's schema version"
}

t_a_version_5_journal_keeps_everything_when_it_opens() {
	v5_journal
	local before
	before=$(sqlite3 "$MEND_DB" "SELECT group_concat(id || uuid || kind ||
		created_at || text || starred, '|') FROM (SELECT * FROM entries
		ORDER BY id)")
	mend list
	expect_rc 0
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA user_version')" 7 \
		"the schema version after opening"
	expect_eq "$(sqlite3 "$MEND_DB" "SELECT group_concat(id || uuid ||
		kind || created_at || text || starred, '|') FROM (SELECT * FROM
		entries ORDER BY id)")" "$before" "the entries after the migration"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" ok \
		"integrity"
	expect_eq "$(sqlite3 "$MEND_DB" \
		"INSERT INTO entries_fts(entries_fts, rank) VALUES \
		('integrity-check', 1); SELECT 'ok'")" ok "the word index"
	# both search indexes still find their entries
	mend list --search lighthouse
	expect_rc 0
	expect_out "the #lighthouse walk helped"
	mend list --search 静か
	expect_rc 0
	expect_out "日記を書くのは静かな時間です"
	# tags and the star came across
	mend tags
	expect_rc 0
	expect_out "#lighthouse"
	expect_out "sleep"
	mend list --starred
	expect_rc 0
	expect_out "the #lighthouse walk helped"
	expect_eq "$(wc -l <"$OUT")" 1 "starred entries"
}

t_a_migrated_journal_takes_the_new_kinds() {
	MEND_NOW=2026-04-26T09:00:00Z
	v5_journal
	mend list
	expect_rc 0
	local f=$HOME/new.json
	cat >"$f" <<'EOF'
{"format": "mend-journal", "version": 1, "exported_at": "2026-04-26T09:00:00Z",
 "settings": {}, "periods": [],
 "entries": [
  {"id": "0b7c1f5e-0000-4000-8000-000000000001", "kind": "pause",
   "module": "nocontact", "created_at": "2026-04-25T23:10:00Z",
   "updated_at": "2026-04-25T23:20:00Z", "text": "",
   "urge": 8, "urge_after": 4, "seconds": 600, "category": "comfort",
   "step": "unsent"},
  {"id": "0b7c1f5e-0000-4000-8000-000000000002", "kind": "clarity",
   "module": "path", "created_at": "2026-04-25T20:00:00Z",
   "updated_at": "2026-04-25T20:00:00Z", "text": "", "score": 5}
 ]}
EOF
	mend import "$f"
	expect_rc 0
	expect_eq "$(sqlite3 "$MEND_DB" "SELECT urge || '>' || urge_after || ' '
		|| seconds || ' ' || category || ' ' || step FROM entries WHERE
		kind = 'pause'")" "8>4 600 comfort unsent" "the pause as stored"
	mend export -o "$HOME/out.json"
	expect_rc 0
	expect_eq "$(jq -c '.entries[] | select(.kind == "pause") |
		[.urge, .urge_after, .seconds, .category, .step]' "$HOME/out.json")" \
		'[8,4,600,"comfort","unsent"]' "the pause as exported"
	expect_eq "$(jq -c '.entries[] | select(.kind == "clarity") |
		[.module, .score]' "$HOME/out.json")" '["path",5]' \
		"the clarity rating as exported"
}

t_a_new_kind_with_a_value_out_of_range_is_refused() {
	MEND_NOW=2026-04-26T09:00:00Z
	local f=$HOME/bad.json
	cat >"$f" <<'EOF'
{"format": "mend-journal", "version": 1, "exported_at": "2026-04-26T09:00:00Z",
 "settings": {}, "periods": [],
 "entries": [
  {"id": "0b7c1f5e-0000-4000-8000-000000000003", "kind": "clarity",
   "module": "path", "created_at": "2026-04-25T20:00:00Z",
   "updated_at": "2026-04-25T20:00:00Z", "text": "", "score": 9}
 ]}
EOF
	mend import "$f"
	expect_rc 1
	expect_err "entries[0].score: 9 is not in 1..7"
	mend list --json
	expect_eq "$(jq length "$OUT")" 0 "entries written"
}

run_tests
