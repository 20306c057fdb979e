#!/bin/bash
# SPDX-License-Identifier: MIT
# An encrypted journal, made from one mend wrote: none of the words is in
# the file, a locked journal refuses and writes nothing, the search finds
# what it found before, the recovery key opens it, and making it plain
# again gives back the same journal. The encryption itself is driven by
# the test-only crypt-tool until the commands that turn it on exist.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CRYPT_TOOL=${CRYPT_TOOL:-$ROOT/build/crypt-tool}
export MEND_TEST_PASSPHRASE="a quiet harbour"
export MEND_KDF_FAST=1

ctool() {
	"$CRYPT_TOOL" "$@" >"$OUT" 2>"$ERR" </dev/null
	RC=$?
}

WORDS="Zanzibarina Quokkaberg Lumenrinde Tamarindwolke Kestrelmoor
Vellumtau Orrisglanz Saffranbucht Nimbusfeder Wistarialicht Jasperkranz"

# a journal written through the commands, one word per writer
written_journal() {
	mend start --name Zanzibarina --date 2026-01-01
	expect_rc 0
	mend checkin --mood 4 --tag Quokkaberg --note "slept near Lumenrinde"
	expect_rc 0
	mend urge --level 6 --note "Tamarindwolke again tonight"
	expect_rc 0
	mend contact --by them --channel text --note "they wrote Kestrelmoor"
	expect_rc 0
	mend grow --category body --minutes 30 "a swim at Vellumtau #Orrisglanz"
	expect_rc 0
	mend decide friends --note "Saffranbucht, maybe, one day"
	expect_rc 0
	mend config quick-tags "Nimbusfeder, sleep"
	expect_rc 0
	mend grow --category mind "read about the café lighthouse"
	mend grow --category mind "lights on the water, 灯塔 和 海"
	mend grow --category mind "Jasperkranz: 我今天很想念他"
	mend urge --level 3 --note "Wistarialicht"
}

words_in() {
	local w n=0
	for w in $WORDS; do
		grep -aq "$w" "$1" && n=$((n + 1))
	done
	echo "$n"
}

t_every_word_written_by_mend_is_unreadable_once_encrypted() {
	written_journal
	expect_eq "$(words_in "$MEND_DB")" 11 "the words in the plain journal"
	ctool encrypt "$MEND_DB"
	expect_rc 0
	expect_eq "$(words_in "$MEND_DB")" 0 "the words in the encrypted journal"
	[ ! -e "$MEND_DB-journal" ] || fail "a rollback journal was left"
	ls "$WORK" | grep -q 'convert-' && fail "a temporary file was left"
	# and every word reads back as written
	ctool list "$MEND_DB"
	expect_rc 0
	expect_out "Tamarindwolke again tonight"
	expect_out "a swim at Vellumtau #Orrisglanz"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" ok "integrity"
}

t_a_locked_journal_says_so_and_writes_nothing() {
	written_journal
	ctool encrypt "$MEND_DB"
	expect_rc 0
	local before
	before=$(db_sum)
	mend list
	expect_rc 1
	expect_one_line_err
	expect_err "the journal is locked"
	mend checkin --mood 5 --note "a new day"
	expect_rc 1
	expect_err "the journal is locked"
	expect_db "$before"
	MEND_TEST_PASSPHRASE="a quiet harbor" ctool list "$MEND_DB"
	expect_rc 1
	expect_err "that passphrase does not open this journal"
	expect_db "$before"
}

# the uuids a search finds, sorted
found_plain() {
	mend list --json --search "$1"
	json '.[].id' | sort | tr '\n' ' '
}

found_encrypted() {
	ctool list "$MEND_DB" "$1"
	cut -d' ' -f1 "$OUT" | sort | tr '\n' ' '
}

t_search_finds_the_same_words_in_an_encrypted_journal() {
	written_journal
	local q plain=()
	local queries=(lig light cafe CAFÉ 灯塔 想念 Tamarind swim "water lig"
		nowhere)
	for q in "${queries[@]}"; do
		plain+=("$(found_plain "$q")")
	done
	[ -n "${plain[0]}" ] && [ -n "${plain[4]}" ] && [ -n "${plain[5]}" ] ||
		fail "the plain searches found nothing to compare"
	ctool encrypt "$MEND_DB"
	expect_rc 0
	local i
	for i in "${!queries[@]}"; do
		expect_eq "$(found_encrypted "${queries[$i]}")" "${plain[$i]}" \
			"search ${queries[$i]}"
	done
}

t_the_recovery_key_opens_it_and_a_typo_is_caught() {
	written_journal
	ctool encrypt "$MEND_DB"
	expect_rc 0
	local key
	key=$(cat "$OUT")
	[[ $key =~ ^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$ ]] || fail "recovery key $key"
	ctool recover "$MEND_DB" "${key,,}"
	expect_rc 0
	expect_eq "$(cat "$OUT")" 9 "the entries counted"
	local typo=${key:0:5}$( [ "${key:5:1}" = A ] && echo B || echo A )${key:6}
	ctool recover "$MEND_DB" "$typo"
	expect_rc 2
	expect_err "mistyped"
}

t_decrypting_gives_back_the_same_journal() {
	written_journal
	mend list --json
	local before
	before=$(cat "$OUT")
	ctool encrypt "$MEND_DB"
	expect_rc 0
	ctool decrypt "$MEND_DB"
	expect_rc 0
	expect_eq "$(words_in "$MEND_DB")" 11 "the words back in the plain journal"
	mend list --json
	expect_rc 0
	expect_eq "$(cat "$OUT")" "$before" "the entries"
	mend status
	expect_rc 0
	expect_out "No contact: day 10"
}

run_tests
