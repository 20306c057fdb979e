#!/bin/bash
# SPDX-License-Identifier: MIT
# `mend status --line` and `--format`: the one line a shell prompt or a
# tmux status bar shows at every prompt.
. "$(dirname "$0")/lib.sh"

# A journal on day 12 of no contact (the clock is 2026-01-11 09:00).
started() {
	"$MEND" start --date 2025-12-30 >/dev/null 2>&1 || fail "start failed"
}

t_line_says_check_in_before_todays_check_in() {
	started
	mend status --line
	expect_rc 0
	expect_eq "$(cat "$OUT")" "♥ day 12/30 · check in"
	[ ! -s "$ERR" ] || fail "stderr is not empty"
}

t_line_shows_a_check_mark_once_checked_in() {
	started
	"$MEND" checkin --mood 6 >/dev/null
	mend status --line
	expect_rc 0
	expect_eq "$(cat "$OUT")" "♥ day 12/30 · ✓"
}

t_line_follows_the_goal_setting() {
	started
	"$MEND" config goal 60 >/dev/null || fail "config goal failed"
	mend status --line
	expect_eq "$(cat "$OUT")" "♥ day 12/60 · check in"
	mend status --format '%g'
	expect_eq "$(cat "$OUT")" "60"
}

t_line_before_no_contact_starts_has_no_count() {
	"$MEND" checkin --mood 5 >/dev/null
	mend status --line
	expect_rc 0
	expect_eq "$(cat "$OUT")" "♥ ✓"
}

t_line_is_ascii_when_the_locale_is_not_utf8() {
	started
	LANG=C LC_ALL=C mend status --line
	expect_rc 0
	expect_eq "$(cat "$OUT")" "<3 day 12/30 | check in"
	"$MEND" checkin --mood 6 >/dev/null
	LANG=C LC_ALL=C mend status --line
	expect_eq "$(cat "$OUT")" "<3 day 12/30 | ok"
	LC_ALL=C mend status --format '%h %c'
	expect_eq "$(cat "$OUT")" "<3 ok"
	LC_ALL=C grep -q '[^ -~]' "$OUT" && fail "a byte outside ASCII"
	return 0
}

t_format_fills_every_field() {
	started
	"$MEND" checkin --mood 6 >/dev/null
	mend status --format '%d|%g|%p|%c|%m|%M|%s|%h|%%'
	expect_rc 0
	mend status --json
	local want
	want="12|30|12/30|✓|$(json .next_milestone)|6|"
	mend status --format '%d|%g|%p|%c|%m|%M|%s|%h|%%'
	case $(cat "$OUT") in
	"$want"?*"|♥|%") ;;
	*) fail "got '$(cat "$OUT")', expected '${want}TITLE|♥|%'" ;;
	esac
}

t_format_s_names_the_module_suggested_today() {
	started
	mend status --json
	local module
	module=$(json .suggested_module)
	mend status
	local title
	title=$(sed -n 's/^Suggested today: \([^.]*\)\..*/\1/p' "$OUT")
	[ -n "$title" ] || fail "no suggestion in mend status"
	mend status --format '%s'
	expect_eq "$(cat "$OUT")" "$title" "%s for $module"
}

t_format_leaves_empty_what_has_nothing_to_say() {
	"$MEND" checkin --mood 5 >/dev/null
	mend status --format '[%d][%p][%m][%M]'
	expect_rc 0
	expect_eq "$(cat "$OUT")" "[][][][5]"
	# the next day: no check-in yet, so no mood either
	MEND_NOW=2026-01-12T09:00:00Z mend status --format '[%d][%p][%m][%M]'
	expect_eq "$(cat "$OUT")" "[][][][]"
}

t_format_keeps_text_and_utf8_as_written() {
	started
	mend status --format 'Tag %d — weiter so 🌱'
	expect_eq "$(cat "$OUT")" "Tag 12 — weiter so 🌱"
}

t_line_after_deciding_to_reconnect_has_no_goal() {
	started
	"$MEND" decide reconnect >/dev/null
	mend status --line
	expect_eq "$(cat "$OUT")" "♥ day 12 · check in"
	mend status --format '%p'
	expect_eq "$(cat "$OUT")" "12"
	"$MEND" decide friends >/dev/null
	mend status --line
	expect_eq "$(cat "$OUT")" "♥ day 12 · check in"
	"$MEND" decide part-ways >/dev/null
	mend status --line
	expect_eq "$(cat "$OUT")" "♥ day 12/30 · check in"
}

t_line_counts_again_after_a_contact() {
	started
	"$MEND" contact --date 2026-01-09 >/dev/null 2>&1 || "$MEND" contact >/dev/null
	mend status --json
	local days
	days=$(json .no_contact_days)
	mend status --line
	expect_eq "$(cat "$OUT")" "♥ day $days/30 · check in"
}

t_no_journal_prints_nothing_and_creates_nothing() {
	mend status --line
	expect_rc 0
	expect_no_out
	[ ! -s "$ERR" ] || fail "stderr is not empty"
	[ ! -e "$MEND_DB" ] || fail "a journal was created"
	mend status --format '%d %c %s'
	expect_rc 0
	expect_no_out
	[ ! -e "$MEND_DB" ] || fail "a journal was created"
}

t_no_journal_at_the_default_place_creates_no_directory() {
	unset MEND_DB
	mend status --line
	expect_rc 0
	expect_no_out
	[ -z "$(find "$HOME" -mindepth 1 -print -quit)" ] ||
		fail "created: $(find "$HOME" -mindepth 1 | head -3)"
}

t_line_writes_nothing_to_the_journal() {
	started
	local before
	before=$(db_sum)
	mend status --line
	mend status --format '%s %m'
	expect_db "$before"
}

# The line never loads the content: a broken prompts file of one's own
# does not touch it, while %s, which needs the content, says what is wrong.
t_line_does_not_read_the_content_unless_s_asks() {
	started
	mkdir -p "$XDG_CONFIG_HOME/mend"
	echo '{ not json' >"$XDG_CONFIG_HOME/mend/prompts.json"
	# the content (and so the prompts file) is read only for %s: a broken
	# file draws its warning there and nowhere else
	mend status --line
	expect_rc 0
	expect_eq "$(cat "$OUT")" "♥ day 12/30 · check in"
	[ ! -s "$ERR" ] || fail "the line read the prompts file: $(cat "$ERR")"
	mend status --format '%d %m'
	expect_rc 0
	[ ! -s "$ERR" ] || fail "%d %m read the prompts file: $(cat "$ERR")"
	mend status --format '%s'
	expect_rc 0
	expect_err "prompts.json"
	expect_one_line_err
}

t_line_shows_the_next_milestone_without_the_content() {
	started
	mend status --json
	local next
	next=$(json .next_milestone)
	mkdir -p "$XDG_CONFIG_HOME/mend"
	echo '{ not json' >"$XDG_CONFIG_HOME/mend/prompts.json"
	mend status --format '%m'
	expect_rc 0
	expect_eq "$(cat "$OUT")" "$next"
}

t_bad_format_field_is_refused_in_one_line() {
	started
	bad_input "format: '%q' is not a field" status --format 'day %q'
	expect_err "%d"
}

t_bad_format_lone_percent_is_refused() {
	started
	bad_input "format: ends with a lone '%'" status --format 'day %d %'
}

t_bad_format_with_a_line_break_is_refused() {
	started
	bad_input "format:" status --format $'day %d\nnext'
}

t_bad_format_is_refused_without_a_journal_too() {
	bad_input "format: '%x'" status --format '%x'
	[ ! -e "$MEND_DB" ] || fail "a journal was created"
}

t_line_and_json_together_are_refused() {
	started
	bad_input "json:" status --line --json
}

t_status_help_documents_the_fields() {
	mend status --help
	expect_rc 0
	for f in %d %g %p %c %m %M %s %h %%; do
		expect_out "  $f  "
	done
	expect_out "--line"
	expect_out "--format"
}

t_man_page_documents_the_fields() {
	local man
	man="$(dirname "$MEND")/mend.1"
	[ -e "$man" ] || man="$(cd "$(dirname "$0")/../.." && pwd)/mend.1"
	for f in d g p c m M s h; do
		grep -q "^\.B %$f\$" "$man" || fail "mend.1 lacks the field %$f"
	done
}

run_tests
