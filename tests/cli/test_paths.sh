#!/bin/bash
# SPDX-License-Identifier: MIT
# The journal's path: files and directories someone else could change or
# swap are refused with the fix in the message (as ssh refuses a loose
# ~/.ssh); a symbolic link above the journal is followed, a linked
# journal file is refused by name; a broken prompts.json is a warning,
# not a wall.
. "$(dirname "$0")/lib.sh"

# The tests run as root: "another user" is nobody (uid 65534).
OTHER=nobody

# refused TEXT...: exit 1, one line on stderr with every TEXT, nothing
# on stdout
refused() {
	expect_rc 1
	expect_one_line_err
	expect_no_out
	local t
	for t in "$@"; do expect_err "$t"; done
}

t_journal_owned_by_another_user_is_refused() {
	mend checkin --mood 5
	chown "$OTHER" "$MEND_DB"
	local before
	before=$(db_sum)
	mend status
	refused "$MEND_DB" "belongs to $OTHER" "chown"
	expect_db "$before"
}

t_journal_writable_by_others_is_refused() {
	mend checkin --mood 5
	chmod 666 "$MEND_DB"
	mend status
	refused "$MEND_DB" "other users" "chmod 600 $MEND_DB"
	expect_eq "$(stat -c %a "$MEND_DB")" 666 "the mode is left as it was"
}

t_journal_writable_by_group_is_refused() {
	mend checkin --mood 5
	chmod 620 "$MEND_DB"
	mend export
	refused "$MEND_DB" "chmod 600"
}

t_directory_owned_by_another_user_is_refused_and_nothing_created() {
	mkdir "$WORK/theirs"
	chown "$OTHER" "$WORK/theirs"
	mend --db "$WORK/theirs/j.db" checkin --mood 5
	refused "$WORK/theirs" "belongs to $OTHER"
	[ -z "$(ls -A "$WORK/theirs")" ] || fail "a file was created there"
}

t_directory_writable_by_group_is_refused() {
	mkdir -m 770 "$WORK/team"
	mend --db "$WORK/team/j.db" checkin --mood 5
	refused "$WORK/team" "chmod go-w $WORK/team"
	[ -z "$(ls -A "$WORK/team")" ] || fail "a file was created there"
}

t_directory_above_writable_by_others_is_refused() {
	mkdir -m 777 "$WORK/open"
	mkdir -m 700 "$WORK/open/mine"
	mend --db "$WORK/open/mine/j.db" checkin --mood 5
	refused "$WORK/open" "chmod go-w $WORK/open"
}

t_directory_above_owned_by_another_user_is_refused() {
	mkdir -m 755 "$WORK/theirs"
	mkdir -m 700 "$WORK/theirs/mine"
	chown "$OTHER" "$WORK/theirs"
	mend --db "$WORK/theirs/mine/j.db" checkin --mood 5
	refused "$WORK/theirs" "belongs to $OTHER"
}

t_sticky_shared_directory_as_the_journals_own_is_refused() {
	mkdir -m 1777 "$WORK/tmp"
	mend --db "$WORK/tmp/j.db" checkin --mood 5
	refused "$WORK/tmp" "shared"
	[ -z "$(ls -A "$WORK/tmp")" ] || fail "a file was created there"
}

t_own_directory_inside_a_sticky_shared_one_is_fine() {
	mkdir -m 1777 "$WORK/tmp"
	mkdir -m 700 "$WORK/tmp/me"
	mend --db "$WORK/tmp/me/j.db" checkin --mood 5
	expect_rc 0
	[ -f "$WORK/tmp/me/j.db" ] || fail "no journal was made"
}

t_rollback_journal_owned_by_another_user_is_refused() {
	mend checkin --mood 5
	: >"$MEND_DB-journal"
	chown "$OTHER" "$MEND_DB-journal"
	mend status
	refused "$MEND_DB-journal" "belongs to $OTHER"
}

t_rollback_journal_writable_by_others_is_refused() {
	mend checkin --mood 5
	: >"$MEND_DB-journal"
	chmod 666 "$MEND_DB-journal"
	mend status
	refused "$MEND_DB-journal" "chmod 600"
}

t_rollback_journal_that_is_a_link_is_refused() {
	mend checkin --mood 5
	: >"$WORK/elsewhere"
	ln -s "$WORK/elsewhere" "$MEND_DB-journal"
	mend status
	refused "$MEND_DB-journal" "symbolic link"
}

t_default_directory_of_another_user_is_refused_and_left_alone() {
	unset MEND_DB
	mkdir -p "$XDG_DATA_HOME/mend"
	chmod 755 "$XDG_DATA_HOME/mend"
	chown "$OTHER" "$XDG_DATA_HOME/mend"
	mend checkin --mood 5
	refused "$XDG_DATA_HOME/mend" "belongs to $OTHER"
	expect_eq "$(stat -c %a "$XDG_DATA_HOME/mend")" 755 "mode of their directory"
	[ ! -e "$XDG_DATA_HOME/mend/journal.db" ] || fail "a journal was made there"
}

# Fedora Silverblue's /home -> var/home: the home itself is a link
t_symlinked_home_is_followed() {
	unset MEND_DB
	mkdir -p "$WORK/var/home/me"
	ln -s var/home "$WORK/home2"
	export HOME="$WORK/home2/me"
	unset XDG_DATA_HOME
	mend checkin --mood 5
	expect_rc 0
	[ -f "$WORK/var/home/me/.local/share/mend/journal.db" ] ||
		fail "the journal is not in the real home"
	mend status
	expect_rc 0
	expect_out "5"
}

t_symlinked_directory_of_db_path_is_followed() {
	mkdir -m 700 "$WORK/disk"
	ln -s disk "$WORK/link"
	mend --db "$WORK/link/j.db" checkin --mood 6
	expect_rc 0
	[ -f "$WORK/disk/j.db" ] || fail "no journal in the linked directory"
	mend --db "$WORK/link/j.db" export
	expect_rc 0
	expect_fields '.entries[0].mood' 6
}

t_symlinked_journal_file_is_refused_by_name() {
	mkdir -m 700 "$WORK/sync"
	mend --db "$WORK/sync/journal.db" checkin --mood 5
	ln -s "$WORK/sync/journal.db" "$WORK/linked.db"
	mend --db "$WORK/linked.db" status
	refused "$WORK/linked.db" "symbolic link" "--db $WORK/sync/journal.db"
}

t_device_as_journal_is_refused() {
	mend --db /dev/null status
	expect_rc 2
	expect_one_line_err
	expect_err "/dev/null"
	expect_err "not a regular file"
}

# --- a broken prompts.json ---

broken_prompts() {
	mkdir -p "$XDG_CONFIG_HOME/mend"
	printf '{"format": "mend-prompts", "version": 1, "prompts": [\n  {"id": "mine.1",}\n]}\n' \
		>"$XDG_CONFIG_HOME/mend/prompts.json"
}

t_broken_prompts_file_warns_once_and_export_works() {
	mend reflect "kept safe"
	broken_prompts
	mend export
	expect_rc 0
	expect_fields '.entries[0].text' "kept safe"
	expect_one_line_err
	expect_err "mend: warning: $XDG_CONFIG_HOME/mend/prompts.json: not valid JSON"
	expect_err "built-in prompts"
}

t_broken_prompts_file_still_lets_you_write() {
	broken_prompts
	mend checkin --mood 4
	expect_rc 0
	expect_err "mend: warning:"
	mend prompt --module reflection
	expect_rc 0
	mend list --json
	expect_fields 'length' 1
}

t_broken_prompts_file_adds_no_line_to_bad_input() {
	mend checkin --mood 5
	broken_prompts
	bad_input "mood: 11 is not in 1..10" checkin --mood 11
}

t_broken_prompts_file_fails_where_its_prompt_is_asked_for() {
	broken_prompts
	bad_input "mine.1" reflect --prompt mine.1 "an answer"
}

t_wrong_prompts_file_shape_is_a_warning_too() {
	mkdir -p "$XDG_CONFIG_HOME/mend"
	printf '{"format": "mend-prompts", "version": 1, "prompts": [{"id": "Bad Id", "module": "reflection", "theme": "t", "text": "x"}]}' \
		>"$XDG_CONFIG_HOME/mend/prompts.json"
	mend status
	expect_rc 0
	expect_one_line_err
	expect_err "prompts.json: prompts[0].id"
}

run_tests
