# SPDX-License-Identifier: MIT
# `mend export --pseudonym`: the name is found in any letter case, in
# composed or decomposed form, as a whole word only, with any white space
# between its parts; and asking for a pseudonym with no name set is an
# error, not a silent copy.
. "$(dirname "$0")/lib.sh"

# pseudo NAME TEXT: start a journal naming NAME, write TEXT, and print
# the text of a pseudonymous export (the pseudonym is P).
pseudo() {
	rm -f "$MEND_DB"
	mend start --date 2026-01-01 --name "$1"
	expect_rc 0
	mend reflect "$2"
	expect_rc 0
	mend export --pseudonym P
	expect_rc 0
	jq -r '.entries[0].text' "$OUT"
}

# replaced NAME TEXT WANT: the export of TEXT is WANT.
replaced() {
	expect_eq "$(pseudo "$1" "$2")" "$3" "'$2' with the name '$1'"
}

t_pseudonym_folds_letter_case_beyond_ascii() {
	replaced 'Zoë' 'ZOË came by' 'P came by'
	replaced 'Şule' 'şule called' 'P called'
	replaced 'ŞULE' 'Şule called' 'P called'
	replaced 'Straße' 'STRASSE und Straße' 'P und P'
}

t_pseudonym_matches_composed_and_decomposed_forms() {
	replaced 'Zoë' $'Zoe\u0308 wrote' 'P wrote'
	replaced $'Zoe\u0308' 'Zoë wrote' 'P wrote'
	# a full-width name is the same name
	replaced 'Sam' 'Ｓａｍ again' 'P again'
}

t_pseudonym_turkish_dotted_i() {
	replaced 'İlker' 'ilker and İLKER' 'P and P'
	replaced 'ilker' 'İlker left' 'P left'
}

t_pseudonym_whole_words_only() {
	replaced 'Sam' 'Samé and Samuel, not Sam' 'Samé and Samuel, not P'
	replaced 'Sam' $'Sam\u0301 is another' $'Sam\u0301 is another'
	replaced 'Sam' "Sam's coat, about-Sam, (Sam)" "P's coat, about-P, (P)"
	replaced 'Zoë' 'Zoëlle is not Zoë' 'Zoëlle is not P'
}

t_pseudonym_any_space_between_parts() {
	replaced 'Mary Ann' 'Mary  Ann and Mary'$'\n''Ann and MARY ANN' 'P and P and P'
	replaced 'Mary Ann' $'Mary\u00a0Ann' 'P'
	replaced 'Mary Ann' 'Mary alone' 'Mary alone'
	# a name stored with spaces around it still matches
	replaced '  Sam  ' 'Sam here' 'P here'
}

t_pseudonym_without_a_name_is_refused() {
	mend start --date 2026-01-01
	expect_rc 0
	mend reflect "nothing to hide"
	expect_rc 0
	mend export --pseudonym P
	expect_rc 2
	expect_err "pseudonym: no name is set to replace"
	expect_one_line_err
	expect_no_out
	mend export -o "$WORK/out.json" --pseudonym P
	expect_rc 2
	[ -e "$WORK/out.json" ] && fail "a file was written"
	true
}

run_tests
