#!/bin/bash
# SPDX-License-Identifier: MIT
# Editing an entry in the full-screen journal while another mend saves
# the same entry: the save asks what to do instead of overwriting, and
# each answer keeps what it says (both texts, mine alone after asking
# twice, or the editor still open).
. "$(dirname "$0")/lib.sh"

# Open the only entry's editor from the review, add words, and have
# another mend save the entry meanwhile; then save.
edit_while_another_saves() {
	mend reflect "the first words"
	expect_rc 0
	mend list --json
	ID=$(json '.[0].id')
	tui_start 100 30
	wait_for "Review"
	type "v"
	wait_for "the first words"
	type "e"
	wait_for "Edit entry"
	keys End
	type " and mine"
	wait_for "the first words and mine"
	mend edit "$ID" "their words"
	expect_rc 0
	keys C-d
	wait_for "Keep both (save mine as a new entry)"
	wait_for "Replace theirs with mine"
	wait_for "Keep editing"
}

t_keep_both_saves_mine_as_a_new_entry() {
	edit_while_another_saves
	expect_attr "Keep both (save mine as a new entry)" reverse
	keys Enter
	wait_for "Kept both"
	mend list --json
	expect_eq "$(json 'length')" 2 "entries"
	expect_eq "$(json '[.[] | select(.id == "'"$ID"'")][0].text')" "their words" "theirs"
	expect_eq "$(json '[.[] | select(.id != "'"$ID"'")][0].text')" "the first words and mine" "mine"
	expect_eq "$(json '[.[] | select(.id != "'"$ID"'")][0].kind')" reflection "kind of mine"
	expect_eq "$(sqlite3 "$MEND_DB" 'SELECT count(*) FROM drafts WHERE discarded_at IS NULL')" 0 "drafts left"
}

t_replace_theirs_needs_enter_twice() {
	edit_while_another_saves
	keys Down
	expect_attr "Replace theirs with mine" reverse
	keys Enter
	wait_for "Are you sure"
	keys Down Enter
	wait_for "Your version replaced the other"
	mend list --json
	expect_eq "$(json 'length')" 1 "entries"
	expect_eq "$(json '.[0].text')" "the first words and mine" "text"
}

t_keep_editing_leaves_both_as_they_are() {
	edit_while_another_saves
	type "e"
	wait_gone "Replace theirs with mine"
	wait_for "the first words and mine"
	wait_for "Edit entry"
	mend list --json
	expect_eq "$(json 'length')" 1 "entries"
	expect_eq "$(json '.[0].text')" "their words" "text"
}

run_tests
