#!/bin/bash
# SPDX-License-Identifier: MIT
# Reviewing the journal: list (filters, search), show, edit, delete.
. "$(dirname "$0")/lib.sh"

# A small journal over a week: one entry of each module on its own day.
# Written once into a template (writes are slow: each one is synced to
# disk) and copied into each test's journal by seed.
SEED_DIR=$(mktemp -d)
trap 'rm -rf "$SEED_DIR"' EXIT
(
	export MEND_DB="$SEED_DIR/journal.db" TZ=UTC LANG=C.UTF-8 HOME="$SEED_DIR"
	export XDG_DATA_HOME="$SEED_DIR/data" XDG_CONFIG_HOME="$SEED_DIR/config"
	w() { MEND_NOW=$1 "$MEND" "${@:2}" >/dev/null </dev/null || echo "seeding failed: ${*:2}" >&2; }
	w 2026-01-05T10:00:00Z reflect "Met at the café on Sunday"
	w 2026-01-06T10:00:00Z urge --level 6 --note "wanted to text"
	w 2026-01-07T10:00:00Z reflect "Walking helped a LOT"
	w 2026-01-08T10:00:00Z grow --category body --minutes 40 "Long walk by the river"
	w 2026-01-09T10:00:00Z accept "I don't control how they feel"
	w 2026-01-10T10:00:00Z checkin --mood 6 --note "steady"
)

seed() {
	cp "$SEED_DIR/journal.db" "$MEND_DB" || fail "cannot copy the seeded journal"
}

t_list_is_newest_first() {
	seed
	mend list --json
	expect_rc 0
	expect_fields \
		'length' 6 \
		'[.[].created_at[0:10]] | join(" ")' \
		"2026-01-10 2026-01-09 2026-01-08 2026-01-07 2026-01-06 2026-01-05"
	mend list
	expect_rc 0
	expect_eq "$(head -1 "$OUT" | grep -c 'checkin')" 1 "first line is the check-in"
	expect_eq "$(tail -1 "$OUT" | grep -c 'reflection')" 1 "last line is the oldest reflection"
	expect_eq "$(wc -l <"$OUT")" 6 "lines"
}

t_list_same_second_entries_keep_the_order_they_were_written() {
	mend unsent "first"
	mend unsent "second"
	mend unsent "third"
	mend list --json
	expect_eq "$(json '[.[].text] | join(" ")')" "third second first" "order"
}

t_list_empty_journal_says_so() {
	mend list
	expect_rc 0
	expect_out "No entries yet"
	mend list --json
	expect_rc 0
	expect_eq "$(json 'length')" 0 "entries"
}

t_list_module_filter() {
	seed
	mend list --module reflection --json
	expect_rc 0
	expect_fields \
		'[.[].module] | unique | join(" ")' reflection \
		'length' 2
	mend list --module nocontact --json
	expect_eq "$(json '[.[].kind] | join(" ")')" urge "nocontact kinds"
	mend list -m growth --json
	expect_eq "$(json '[.[].kind] | join(" ")')" growth "growth kinds"
	mend list --module acceptance --json
	expect_eq "$(json 'length')" 1 "acceptance"
	mend list --module checkin --json
	expect_eq "$(json '.[0].text')" steady "checkin"
}

t_list_since_and_until_are_inclusive_days() {
	seed
	mend list --since 2026-01-07 --json
	expect_eq "$(json '[.[].created_at[0:10]] | join(" ")')" \
		"2026-01-10 2026-01-09 2026-01-08 2026-01-07" "since"
	mend list --until 2026-01-07 --json
	expect_eq "$(json '[.[].created_at[0:10]] | join(" ")')" \
		"2026-01-07 2026-01-06 2026-01-05" "until includes its day"
	mend list --since 2026-01-06 --until 2026-01-08 --json
	expect_eq "$(json '[.[].created_at[0:10]] | join(" ")')" \
		"2026-01-08 2026-01-07 2026-01-06" "since and until"
	mend list --since 2026-01-08 --until 2026-01-08 --json
	expect_eq "$(json 'length')" 1 "one day"
	mend list --since 2026-01-20 --json
	expect_rc 0
	expect_eq "$(json 'length')" 0 "after the last entry"
}

t_list_until_before_since_is_refused() {
	seed
	bad_input "until" list --since 2026-01-08 --until 2026-01-06
}

t_list_limit() {
	seed
	mend list --limit 2 --json
	expect_rc 0
	expect_eq "$(json '[.[].created_at[0:10]] | join(" ")')" "2026-01-10 2026-01-09" "limit 2"
	mend list --module reflection --limit 1 --json
	expect_eq "$(json '.[0].text')" "Walking helped a LOT" "newest reflection"
	mend list -n 1
	expect_eq "$(wc -l <"$OUT")" 1 "lines"
}

t_list_limit_zero_is_refused() {
	seed
	bad_input "limit" list --limit 0
}

t_search_finds_a_word() {
	seed
	mend list --search river --json
	expect_rc 0
	expect_fields \
		'length' 1 \
		'.[0].kind' growth
}

t_search_finds_a_word_prefix() {
	seed
	mend list --search walk --json
	expect_rc 0
	expect_eq "$(json '[.[].text] | join("|")')" "Long walk by the river|Walking helped a LOT" "prefix matches"
}

t_search_is_case_insensitive() {
	seed
	mend list --search lot --json
	expect_eq "$(json 'length')" 1 "lot"
	mend list --search RIVER --json
	expect_eq "$(json 'length')" 1 "RIVER"
}

t_search_needs_every_word() {
	seed
	mend list --search "walk river" --json
	expect_eq "$(json '[.[].kind] | join(" ")')" growth "walk river"
	mend list --search "walk sunday" --json
	expect_eq "$(json 'length')" 0 "walk sunday"
}

t_search_ignores_accents() {
	seed
	mend list --search cafe --json
	expect_rc 0
	expect_fields \
		'length' 1 \
		'.[0].text' "Met at the café on Sunday"
	mend list --search café --json
	expect_eq "$(json 'length')" 1 "café"
	mend list --search CAFÉ --json
	expect_eq "$(json 'length')" 1 "CAFÉ"
}

t_search_with_quotes_and_fts_syntax_does_not_fail() {
	seed
	local q
	for q in "don't \"x\" AND (" 'NEAR(a b)' '*' 'a OR b' '^river' 'text:river' \
		'"' "'" '-walk' 'river)' '((' 'walk*' 'AND' 'NOT river' '{text}: x'; do
		mend list --search "$q" --json
		[ "$RC" -eq 0 ] || fail "search '$q' exited $RC"
		[ "$(head -c1 "$OUT")$(tail -c2 "$OUT")" = "$(printf '[]\n')" ] ||
			fail "search '$q' gave no JSON array"
		[ -s "$ERR" ] && fail "search '$q' wrote to stderr"
	done
	mend list --search "don't \"x\" AND ("
	expect_rc 0
	expect_out "No entries match"
	mend list --search "don't" --json
	expect_eq "$(json '[.[].kind] | join(" ")')" acceptance "don't"
	# Operators are words, not operators: "walk OR sunday" needs all three.
	mend list --search "walk OR sunday" --json
	expect_eq "$(json 'length')" 0 "walk OR sunday"
}

t_search_empty_is_refused() {
	seed
	bad_input "search" list --search "   "
}

t_search_combines_with_module_and_dates() {
	seed
	mend list --search walk --module reflection --json
	expect_eq "$(json '[.[].text] | join("|")')" "Walking helped a LOT" "module"
	mend list --search walk --until 2026-01-07 --json
	expect_eq "$(json '[.[].text] | join("|")')" "Walking helped a LOT" "until"
	mend list --search walk --since 2026-01-08 --json
	expect_eq "$(json '[.[].text] | join("|")')" "Long walk by the river" "since"
}

t_show_by_full_id_and_by_prefix() {
	seed
	mend list --module growth --json
	local id
	id=$(json '.[0].id')
	mend show "$id"
	expect_rc 0
	expect_out "Long walk by the river"
	expect_out "$id"
	expect_out "40 min"
	mend show "${id:0:8}" --json
	expect_rc 0
	expect_fields \
		'.id' "$id" \
		'.text' "Long walk by the river" \
		'.category' body
	mend show "$(echo "${id:0:8}" | tr a-f A-F)" --json
	expect_rc 0
	expect_eq "$(json '.id')" "$id" "id by upper-case prefix"
}

t_show_unknown_id_exits_2() {
	seed
	mend list --json
	local ids
	ids=$(json '[.[].id] | join(" ")')
	local unknown=00000000-0000-4000-8000-000000000000
	case "$ids" in *"$unknown"*) fail "the made-up id exists" ;; esac
	bad_input "$unknown" show "$unknown"
	bad_input "nonsense" show nonsense
}

t_show_without_id_exits_2() {
	seed
	bad_input "id" show
}

t_edit_changes_text_and_updated_at() {
	seed
	mend list --module reflection --json
	local id
	id=$(json '.[1].id')
	MEND_NOW=2026-01-12T10:00:00Z mend edit "$id" "Met at the bakery on Sunday"
	expect_rc 0
	expect_out "Saved"
	mend show "$id" --json
	expect_fields \
		'.text' "Met at the bakery on Sunday" \
		'.created_at' 2026-01-05T10:00:00Z \
		'.updated_at' 2026-01-12T10:00:00Z
	mend show "$id"
	expect_out "edited 2026-01-12 10:00"
	# The search index follows the edit.
	mend list --search bakery --json
	expect_eq "$(json '[.[].id] | join(" ")')" "$id" "search for the new word"
	mend list --search cafe --json
	expect_eq "$(json 'length')" 0 "search for the old word"
	mend list --json
	expect_eq "$(json 'length')" 6 "entries"
}

t_edit_from_stdin() {
	seed
	mend list --module acceptance --json
	local id
	id=$(json '.[0].id')
	mend_in "new words" edit "${id:0:8}" -
	expect_rc 0
	mend show "$id" --json
	expect_eq "$(json '.text')" "new words" "text"
}

t_edit_to_empty_text_is_refused_for_a_reflection() {
	seed
	mend list --module reflection --json
	local id
	id=$(json '.[0].id')
	bad_input "text" edit "$id" "  "
	mend show "$id" --json
	expect_eq "$(json '.text')" "Walking helped a LOT" "text"
}

t_delete_yes_removes_it_and_search_no_longer_finds_it() {
	seed
	mend list --search river --json
	local id
	id=$(json '.[0].id')
	mend delete "$id" --yes
	expect_rc 0
	expect_out "Deleted"
	mend list --json
	expect_eq "$(json 'length')" 5 "entries"
	jq -e --arg id "$id" 'all(.id != $id)' <"$OUT" >/dev/null || fail "still listed"
	mend list --search river --json
	expect_rc 0
	expect_eq "$(json 'length')" 0 "search after delete"
	bad_input "$id" show "$id"
	expect_eq "$(sqlite3 "$MEND_DB" "SELECT count(*) FROM entries WHERE uuid = '$id'")" 0 "rows"
}

t_delete_by_prefix_with_short_option() {
	seed
	mend list --module nocontact --json
	local id
	id=$(json '.[0].id')
	mend delete "${id:0:8}" -y
	expect_rc 0
	mend list --module nocontact --json
	expect_eq "$(json 'length')" 0 "nocontact entries"
}

t_delete_without_yes_and_no_terminal_exits_2_and_deletes_nothing() {
	seed
	mend list --json
	local id
	id=$(json '.[0].id')
	bad_input "--yes" delete "$id"
	mend list --json
	expect_eq "$(json 'length')" 6 "entries"
}

t_delete_unknown_id_exits_2() {
	seed
	bad_input "00000000" delete 00000000 --yes
}

t_delete_of_the_contact_that_restarted_a_period_is_refused() {
	mend start --date 2026-01-01
	MEND_NOW=2026-01-05T10:00:00Z mend contact --by me
	mend list --json
	local id
	id=$(json '.[0].id')
	bad_input "$id" delete "$id" --yes
	mend list --json
	expect_eq "$(json 'length')" 1 "entries"
	mend periods --json
	expect_eq "$(json 'length')" 2 "periods"
	mend status --json
	expect_eq "$(json '.contacts')" 1 "contacts"
}

t_delete_of_a_contact_by_them_is_allowed() {
	mend start --date 2026-01-01
	mend contact --by them
	mend list --json
	local id
	id=$(json '.[0].id')
	mend delete "$id" --yes
	expect_rc 0
	mend status --json
	expect_fields \
		'.contacts' 0 \
		'.no_contact_days' 10
}

run_tests
