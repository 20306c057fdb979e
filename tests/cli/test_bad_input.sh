#!/bin/bash
# SPDX-License-Identifier: MIT
# Bad input is refused with exit 2, one line on stderr naming the field
# and the value, nothing on stdout, and the journal left as it was. Also
# the help and usage paths.
. "$(dirname "$0")/lib.sh"

# A journal with something in it, so that a change would show: a
# no-contact start and today's check-in. Written once into a template
# (each write is synced to disk, which takes a while) and copied.
TEMPLATE_DIR=$(mktemp -d)
trap 'rm -rf "$TEMPLATE_DIR"' EXIT
(
	export MEND_DB="$TEMPLATE_DIR/journal.db" TZ=UTC LANG=C.UTF-8 HOME="$TEMPLATE_DIR"
	export XDG_DATA_HOME="$TEMPLATE_DIR/data" XDG_CONFIG_HOME="$TEMPLATE_DIR/config"
	MEND_NOW=2026-01-10T10:00:00Z "$MEND" start --date 2026-01-01 &&
		MEND_NOW=2026-01-11T09:00:00Z "$MEND" checkin --mood 5 --urge 2 --note "before" &&
		touch "$TEMPLATE_DIR/ok"
) >/dev/null 2>&1 </dev/null

with_journal() {
	[ -e "$TEMPLATE_DIR/ok" ] || fail "the template journal could not be written"
	cp "$TEMPLATE_DIR/journal.db" "$MEND_DB" || fail "cannot copy the template journal"
}

# bad_stdin TEXT FORMAT ARGS...: like bad_input, with printf FORMAT (which
# may hold \xNN and \0) on standard input.
bad_stdin() {
	local want=$1 format=$2 before
	shift 2
	before=$(db_sum)
	# shellcheck disable=SC2059
	printf "$format" | "$MEND" "$@" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 2
	expect_err "$want"
	expect_one_line_err
	expect_no_out
	expect_db "$before"
}

t_checkin_mood_out_of_range_is_refused() {
	with_journal
	bad_input "mood" checkin --mood 0
	expect_err "0"
	bad_input "mood" checkin --mood 11
	expect_err "11"
	bad_input "-3" checkin --mood -3
	expect_err "mood"
}

t_checkin_mood_not_a_number_is_refused() {
	with_journal
	bad_input "abc" checkin --mood abc
	expect_err "mood"
	bad_input "5x" checkin --mood 5x
	bad_input "mood" checkin --mood ""
	bad_input "99999999999" checkin --mood 99999999999
	bad_input "5.5" checkin --mood 5.5
}

t_checkin_urge_out_of_range_is_refused() {
	with_journal
	bad_input "12" checkin --mood 5 --urge 12
	expect_err "urge"
}

t_checkin_urge_minus_one_is_refused() {
	with_journal
	bad_input "-1" checkin --mood 5 --urge -1
	expect_err "urge"
}

t_urge_level_out_of_range_is_refused() {
	with_journal
	bad_input "12" urge --level 12
	expect_err "level"
	bad_input "level" urge --level 0
	expect_err "0"
	bad_input "level" urge --level -1
}

t_start_impossible_date_is_refused() {
	with_journal
	bad_input "2026-02-30" start --date 2026-02-30
	expect_err "date"
	bad_input "tomorrow" start --date tomorrow
	expect_err "date"
	bad_input "2026-1-5" start --date 2026-1-5
	bad_input "2026-01-05T00:00" start --date 2026-01-05T00:00
}

t_start_goal_out_of_range_is_refused() {
	with_journal
	bad_input "goal" start --goal 0
	expect_err "0"
	bad_input "3651" start --goal 3651
	expect_err "goal"
	mend status --json
	expect_eq "$(json '.goal_days')" 30 "goal_days"
}

t_start_goal_minus_one_is_refused() {
	with_journal
	bad_input "-1" start --date 2026-01-02 --goal -1
	expect_err "goal"
}

t_start_future_date_is_refused() {
	with_journal
	bad_input "2026-01-12" start --date 2026-01-12
	expect_err "date"
}

t_list_unknown_module_is_refused() {
	with_journal
	bad_input "nope" list --module nope
	expect_err "module"
}

t_list_bad_date_is_refused() {
	with_journal
	bad_input "2026-13-01" list --since 2026-13-01
	expect_err "since"
	bad_input "2026-02-29" list --until 2026-02-29
	expect_err "until"
}

t_reflect_unknown_prompt_is_refused() {
	with_journal
	bad_input "no.such.prompt" reflect --prompt no.such.prompt "x"
	expect_err "prompt"
}

t_reflect_empty_text_is_refused() {
	with_journal
	bad_input "text" reflect ""
	expect_err "empty"
	bad_input "text" reflect "   "
	expect_err "empty"
	bad_stdin "text" ' \n\t\n' reflect -
	bad_stdin "text" '' accept -
}

t_reflect_invalid_utf8_from_stdin_is_refused() {
	with_journal
	bad_stdin "text" '\xff\xfe' reflect -
	expect_err "UTF-8"
	expect_err "0xff"
	# an overlong encoding and a lone surrogate
	bad_stdin "UTF-8" 'ok \xc0\xaf' reflect -
	bad_stdin "UTF-8" 'ok \xed\xa0\x80' unsent -
}

t_nul_byte_in_stdin_text_is_refused() {
	with_journal
	bad_stdin "NUL" 'a\0b' reflect -
	expect_err "text"
	bad_stdin "NUL" 'a\0b' unsent -
	bad_stdin "NUL" 'a\0b' grow --category body -
}

t_invalid_utf8_in_an_argument_is_refused() {
	with_journal
	bad_input "UTF-8" reflect $'bad \xff byte'
	bad_input "note" checkin --mood 5 --note $'bad \xfe'
	bad_input "note" urge --level 3 --note $'\xc3'
}

t_grow_unknown_category_is_refused() {
	with_journal
	bad_input "dance" grow --category dance "x"
	expect_err "category"
}

t_grow_minutes_out_of_range_is_refused() {
	with_journal
	bad_input "2000" grow --category body --minutes 2000 "x"
	expect_err "minutes"
}

t_grow_minutes_minus_one_is_refused() {
	with_journal
	bad_input "-1" grow --category body --minutes -1 "x"
	expect_err "minutes"
}

t_decide_unknown_outcome_is_refused() {
	with_journal
	bad_input "maybe" decide maybe
	expect_err "outcome"
}

t_contact_unknown_initiator_and_channel_are_refused() {
	with_journal
	bad_input "someone" contact --by someone
	expect_err "by"
	bad_input "pigeon" contact --channel pigeon
	expect_err "channel"
	mend status --json
	expect_fields '.contacts' 0 '.periods' 1
}

t_config_bad_key_and_value_are_refused() {
	with_journal
	bad_input "colour" config colour blue
	bad_input "24" config day-start-hour 24
	expect_err "day-start-hour"
	bad_input "goal" config goal 0
}

t_unknown_flag_is_refused_naming_it() {
	with_journal
	bad_input "--bogus" checkin --mood 5 --bogus
	bad_input "--frobnicate" list --frobnicate
	bad_input "--loud" status --loud
	bad_input "--force" delete --force 1234
	bad_input "--fast" reflect --fast "x"
	bad_input "--colour" grow --colour red --category body "x"
	bad_input "-z" urge -z
	bad_input "--nope" --nope status
}

t_unexpected_argument_is_refused() {
	with_journal
	bad_input "extra" status extra
	bad_input "two" reflect "one" "two"
}

t_option_twice_is_refused() {
	with_journal
	bad_input "mood" checkin --mood 5 --mood 6
	expect_err "twice"
}

t_option_without_value_is_refused() {
	with_journal
	bad_input "mood" checkin --mood
	expect_err "needs a value"
}

t_unknown_command_is_refused() {
	with_journal
	bad_input "frobnicate" frobnicate
	expect_err "not a mend command"
	bad_input "chekin" chekin --mood 5
}

# Refusing bad input on a fresh home should not leave a new, empty
# journal behind.
t_bad_input_on_a_fresh_home_leaves_no_journal() {
	local args left=""
	while IFS= read -r args; do
		# shellcheck disable=SC2086
		mend $args
		expect_rc 2
		expect_no_out
		if [ -e "$MEND_DB" ]; then
			left="$left '$args'"
			rm -f "$MEND_DB"
		fi
	done <<'EOF'
checkin --mood 0
urge --level 12
start --date 2026-01-12
start --date 2026-02-30
grow --category dance x
decide maybe
contact --by someone
reflect --prompt no.such.prompt x
list --since 2026-13-01
EOF
	[ -z "$left" ] || fail "a new empty journal was left behind by:$left"
}

t_malformed_mend_now_is_refused() {
	with_journal
	MEND_NOW=yesterday bad_input "MEND_NOW" status
	expect_err "yesterday"
	MEND_NOW=2026-01-11 bad_input "MEND_NOW" checkin --mood 5
}

t_no_arguments_and_no_terminal_prints_usage_and_exits_2() {
	mend
	expect_rc 2
	expect_err "usage:"
	expect_err "not a terminal"
	expect_no_out
	[ -e "$MEND_DB" ] && fail "a journal was created"
	true
}

t_help_and_version_exit_0() {
	mend --help
	expect_rc 0
	expect_out "usage:"
	[ -s "$ERR" ] && fail "stderr not empty"
	mend -h
	expect_rc 0
	expect_out "usage:"
	mend help
	expect_rc 0
	expect_out "usage:"
	mend --version
	expect_rc 0
	grep -qE '^mend [0-9]+\.[0-9]+\.[0-9]+' "$OUT" || fail "no version number"
	[ -e "$MEND_DB" ] && fail "a journal was created"
	true
}

t_every_command_has_help_that_exits_0() {
	local cmds c n=0
	mend --help
	cmds=$(sed -n '/^use one of these commands:/,/^Options/p' "$OUT" |
		awk '/^  [a-z]/ {print $1}')
	for c in checkin status start contact urge unsent seal reflect accept \
		grow decide prompt prompts list show edit delete periods export \
		import config; do
		grep -qx "$c" <<<"$cmds" || fail "'$c' is missing from mend --help"
	done
	for c in $cmds; do
		mend "$c" --help
		expect_rc 0
		grep -q "^usage: mend $c" "$OUT" || fail "'mend $c --help' has no usage line"
		[ -s "$ERR" ] && fail "'mend $c --help' wrote to stderr"
		n=$((n + 1))
	done
	[ "$n" -ge 21 ] || fail "only $n commands"
	mend checkin -h
	expect_rc 0
	expect_out "usage: mend checkin"
	mend help grow
	expect_rc 0
	expect_out "usage: mend grow"
	[ -e "$MEND_DB" ] && fail "help created a journal"
	true
}

t_help_wins_over_bad_arguments() {
	mend checkin --mood 99 --help
	expect_rc 0
	expect_out "usage: mend checkin"
}

run_tests
