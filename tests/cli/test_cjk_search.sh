# SPDX-License-Identifier: MIT
# Search finds Chinese, Japanese and Korean words inside a sentence: these
# scripts put no spaces between words, so the word tokenizer keeps a whole
# run as one token. Words of three characters or more go through the
# trigram index, shorter ones are looked for in the text. The search
# syntax for everything else stays: prefixes, accents folded, all words
# required; edits and deletes keep the CJK index honest.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

cjk_journal() {
	MEND_NOW=2026-01-05T10:00:00Z mend reflect "今日は東京に行った。心が軽い。"
	expect_rc 0
	MEND_NOW=2026-01-06T10:00:00Z mend reflect "我们分手以后，我每天都去公园散步。"
	expect_rc 0
	MEND_NOW=2026-01-07T10:00:00Z mend reflect "오늘은 서울에서 친구를 만났다"
	expect_rc 0
	MEND_NOW=2026-01-08T10:00:00Z mend reflect "A café by the sea, and I felt calm"
	expect_rc 0
}

# search WORDS: the texts found, one a line, newest first.
search() {
	mend list --search "$1" --json
	expect_rc 0
	json '.[].text'
}

t_a_cjk_word_inside_a_sentence_is_found() {
	cjk_journal
	expect_eq "$(search 東京)" "今日は東京に行った。心が軽い。" "東京 (two characters, mid-sentence)"
	expect_eq "$(search 行った)" "今日は東京に行った。心が軽い。" "行った (three characters)"
	expect_eq "$(search 公园散步)" "我们分手以后，我每天都去公园散步。" "公园散步"
	expect_eq "$(search 分手)" "我们分手以后，我每天都去公园散步。" "分手"
	expect_eq "$(search 서울)" "오늘은 서울에서 친구를 만났다" "서울 inside 서울에서"
}

t_a_single_cjk_character_is_found() {
	cjk_journal
	expect_eq "$(search 心)" "今日は東京に行った。心が軽い。" "心"
	expect_eq "$(search 园)" "我们分手以后，我每天都去公园散步。" "园"
}

t_every_word_is_required_cjk_and_latin_alike() {
	cjk_journal
	MEND_NOW=2026-01-09T10:00:00Z mend reflect "calm 東京の夜"
	expect_rc 0
	expect_eq "$(search "東京 calm")" "calm 東京の夜" "東京 and calm"
	expect_eq "$(search "東京 行った")" "今日は東京に行った。心が軽い。" "two CJK words"
	expect_eq "$(search "東京 大阪")" "" "東京 and a word not there"
	expect_eq "$(search "東京の夜 ca")" "calm 東京の夜" "a trigram word and a prefix"
}

t_a_cjk_word_not_there_finds_nothing() {
	cjk_journal
	expect_eq "$(search 大阪)" "" "大阪"
	expect_eq "$(search 京都に)" "" "京都に"
	# every trigram of the word is there, but not the word itself
	MEND_NOW=2026-01-09T10:00:00Z mend reflect "海を見て、月を見た"
	expect_rc 0
	expect_eq "$(search 海を見た)" "" "海を見た, its trigrams apart"
	expect_eq "$(search 海を見て)" "海を見て、月を見た" "海を見て"
	mend list --search 大阪
	expect_rc 0
	expect_out "No entries match."
}

t_latin_search_still_folds_accents_and_matches_prefixes() {
	cjk_journal
	expect_eq "$(search cafe)" "A café by the sea, and I felt calm" "cafe finds café"
	expect_eq "$(search "fel se")" "A café by the sea, and I felt calm" "prefixes"
	expect_eq "$(search "CALM")" "A café by the sea, and I felt calm" "case folded"
	# a word in the middle of a latin word is not a match, as before
	expect_eq "$(search "alm")" "" "alm is not a prefix of any word"
}

t_an_edit_and_a_delete_keep_the_cjk_index_honest() {
	cjk_journal
	mend list --search 東京 --json
	id=$(json '.[0].id')
	mend edit "$id" "大阪で友達に会った"
	expect_rc 0
	expect_eq "$(search 東京)" "" "東京 after the edit"
	expect_eq "$(search 友達に)" "大阪で友達に会った" "the new text"
	expect_eq "$(search 大阪)" "大阪で友達に会った" "a two-character word of the new text"
	mend edit "$id" "no cjk any more"
	expect_rc 0
	expect_eq "$(search 友達に)" "" "after an edit to latin text"
	mend list --search 公园散步 --json
	id=$(json '.[0].id')
	mend delete --yes "$id"
	expect_rc 0
	expect_eq "$(search 公园散步)" "" "after the delete"
	# and no trace of it is left in the index file's text
	sqlite3 "$MEND_DB" "PRAGMA integrity_check; INSERT INTO entries_cjk(entries_cjk) VALUES('integrity-check');" >"$OUT" 2>&1 ||
		fail "the CJK index does not match the entries: $(cat "$OUT")"
}

t_sealed_letters_are_not_found_by_cjk_words() {
	MEND_NOW=2026-01-02T10:00:00Z mend start --date 2026-01-01
	expect_rc 0
	MEND_NOW=2026-01-03T10:00:00Z mend seal --until-day 30 "東京で待っている手紙"
	expect_rc 0
	expect_eq "$(search 東京で)" "" "a sealed letter by a trigram word"
	expect_eq "$(search 手紙)" "" "a sealed letter by a short word"
}

t_imported_cjk_entries_are_searchable() {
	cjk_journal
	mend export
	cp "$OUT" "$WORK/a.json"
	MEND_DB="$WORK/b.db" mend import "$WORK/a.json"
	expect_rc 0
	MEND_DB="$WORK/b.db" mend list --search 散步 --json
	expect_eq "$(json '.[].text')" "我们分手以后，我每天都去公园散步。" "after an import"
}

t_a_journal_of_the_old_schema_indexes_its_cjk_text_on_upgrade() {
	# an entry written before the CJK index existed: version 3, no
	# entries_cjk, no starred column
	MEND_NOW=2026-01-05T10:00:00Z mend reflect "今日は東京に行った"
	expect_rc 0
	sqlite3 "$MEND_DB" "DROP TRIGGER entries_cjk_insert; DROP TRIGGER entries_cjk_delete;
		DROP TRIGGER entries_cjk_update; DROP TABLE entries_cjk; DROP INDEX entries_starred;
		ALTER TABLE entries DROP COLUMN starred; PRAGMA user_version = 3;" ||
		fail "could not make a version 3 journal"
	expect_eq "$(search 東京)" "今日は東京に行った" "found after the upgrade"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA user_version')" "$(sed -n 's/^#define STORE_SCHEMA_VERSION //p' "$ROOT/include/mend/store.h")" "schema version"
}

t_too_many_cjk_words_are_refused() {
	cjk_journal
	bad_input "search: more than 8 words in Chinese, Japanese or Korean" list --search "一 二 三 四 五 六 七 八 九"
	bad_input "search: more than 8 words in Chinese, Japanese or Korean" list --json --search "一 二 三 四 五 六 七 八 九"
	mend list --search "一 二 三 四 五 六 七 八"
	expect_rc 0
}

run_tests
