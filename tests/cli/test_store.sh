#!/bin/bash
# SPDX-License-Identifier: MIT
# The journal file: where it lives, its permissions, what mend refuses to
# open (and leaves untouched), its SQLite settings, and several writers.
. "$(dirname "$0")/lib.sh"

# A listing of a directory with sizes and checksums, to show nothing
# changed in it.
dir_state() {
	(cd "$1" && find . -type f -exec sha256sum {} + | sort && find . | sort)
}

# expect_refused PATH: mend status on PATH fails with exit 1, a message
# naming PATH, nothing on stdout, and PATH and its directory unchanged.
expect_refused() {
	local path=$1 before
	before=$(dir_state "$(dirname "$path")")
	mend --db "$path" status
	expect_rc 1
	expect_err "$path"
	expect_err "untouched"
	expect_one_line_err
	expect_no_out
	expect_eq "$(dir_state "$(dirname "$path")")" "$before" "the directory after the refusal"
}

t_default_journal_dir_is_0700_and_file_0600_under_umask_000() {
	unset MEND_DB
	umask 000
	mend checkin --mood 5
	expect_rc 0
	local dir="$XDG_DATA_HOME/mend"
	[ -f "$dir/journal.db" ] || fail "no journal at $dir/journal.db"
	expect_eq "$(stat -c %a "$dir")" 700 "mode of $dir"
	expect_eq "$(stat -c %a "$dir/journal.db")" 600 "mode of journal.db"
	mend list --json
	expect_eq "$(json 'length')" 1 "entries in the default journal"
	# No other file is left beside it.
	expect_eq "$(ls -A "$dir")" journal.db "files in $dir"
}

t_default_journal_without_xdg_is_under_home_local_share() {
	unset MEND_DB XDG_DATA_HOME
	umask 000
	mend checkin --mood 5
	expect_rc 0
	[ -f "$HOME/.local/share/mend/journal.db" ] || fail "no journal under ~/.local/share/mend"
	expect_eq "$(stat -c %a "$HOME/.local/share/mend")" 700 "mode of the directory"
	expect_eq "$(stat -c %a "$HOME/.local/share/mend/journal.db")" 600 "mode of journal.db"
}

t_existing_default_directory_is_made_private() {
	unset MEND_DB
	mkdir -p "$XDG_DATA_HOME/mend"
	chmod 755 "$XDG_DATA_HOME/mend"
	mend status
	expect_rc 0
	expect_eq "$(stat -c %a "$XDG_DATA_HOME/mend")" 700 "mode of the directory"
}

t_db_path_file_is_0600_under_umask_000() {
	umask 000
	mend --db "$WORK/mine.db" checkin --mood 5
	expect_rc 0
	expect_eq "$(stat -c %a "$WORK/mine.db")" 600 "mode of mine.db"
	[ -e "$MEND_DB" ] && fail "MEND_DB was created too"
	true
}

t_loose_journal_permissions_are_tightened() {
	mend checkin --mood 5
	chmod 644 "$MEND_DB"
	mend status
	expect_rc 0
	expect_eq "$(stat -c %a "$MEND_DB")" 600 "mode after opening"
}

t_db_option_overrides_mend_db() {
	export MEND_DB="$WORK/env.db"
	mend --db "$WORK/opt.db" checkin --mood 5
	expect_rc 0
	[ -e "$WORK/env.db" ] && fail "MEND_DB was used despite --db"
	mend --db "$WORK/opt.db" list --json
	expect_eq "$(json 'length')" 1 "entries in opt.db"
	# after the command name, and as --db=PATH
	mend urge --level 3 --db "$WORK/opt.db"
	expect_rc 0
	mend list --db="$WORK/opt.db" --json
	expect_eq "$(json 'length')" 2 "entries in opt.db"
	[ -e "$WORK/env.db" ] && fail "MEND_DB was used despite --db"
	# and MEND_DB is used without it (a write: reads create no journal)
	mend urge --level 2
	expect_rc 0
	[ -e "$WORK/env.db" ] || fail "MEND_DB was not used"
	mend list --json
	expect_eq "$(json 'length')" 1 "entries in env.db"
}

t_file_that_is_not_sqlite_is_refused_unchanged() {
	mkdir "$WORK/d"
	printf 'my shopping list\neggs\n' >"$WORK/d/notes.txt"
	expect_refused "$WORK/d/notes.txt"
	expect_err "not a mend journal"
	# and a write is refused the same way
	mend --db "$WORK/d/notes.txt" checkin --mood 5
	expect_rc 1
	expect_eq "$(cat "$WORK/d/notes.txt")" $'my shopping list\neggs' "contents"
}

t_journal_from_a_newer_mend_is_refused_unchanged() {
	mkdir "$WORK/d"
	sqlite3 "$WORK/d/new.db" 'PRAGMA application_id=1296387652; PRAGMA user_version=99; CREATE TABLE x(y);'
	expect_refused "$WORK/d/new.db"
	expect_err "newer mend"
	mend --db "$WORK/d/new.db" checkin --mood 5
	expect_rc 1
	expect_eq "$(sqlite3 "$WORK/d/new.db" 'PRAGMA user_version')" 99 "user_version"
}

t_another_programs_sqlite_database_is_refused_unchanged() {
	mkdir "$WORK/d"
	sqlite3 "$WORK/d/other.db" 'CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ("x");'
	expect_eq "$(sqlite3 "$WORK/d/other.db" 'PRAGMA application_id')" 0 "application_id"
	expect_refused "$WORK/d/other.db"
	expect_err "another program"
	mend --db "$WORK/d/other.db" checkin --mood 5
	expect_rc 1
	expect_eq "$(sqlite3 "$WORK/d/other.db" "SELECT name FROM sqlite_schema")" contacts "tables"
}

t_directory_as_journal_path_is_refused() {
	mkdir "$WORK/adir"
	local before
	before=$(dir_state "$WORK/adir")
	mend --db "$WORK/adir" status
	expect_rc 2
	expect_err "$WORK/adir"
	expect_err "directory"
	expect_one_line_err
	expect_no_out
	expect_eq "$(dir_state "$WORK/adir")" "$before" "the directory"
}

t_journal_in_a_missing_directory_is_refused() {
	mend --db "$WORK/missing/journal.db" checkin --mood 5
	expect_rc 2
	expect_err "does not exist"
	expect_err "$WORK/missing"
	expect_one_line_err
	expect_no_out
	[ -e "$WORK/missing" ] && fail "the directory was created"
	true
}

t_journal_uses_rollback_journal_and_the_current_schema() {
	mend checkin --mood 5
	expect_rc 0
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA journal_mode')" delete "journal_mode"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA application_id')" 1296387652 "application_id"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" ok "integrity_check"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA foreign_key_check')" "" "foreign_key_check"
	[ -e "$MEND_DB-wal" ] && fail "a WAL file exists"
	[ -e "$MEND_DB-journal" ] && fail "a rollback journal was left behind"
	# The schema version is the newest this mend knows: the one it names
	# when it refuses a journal from a newer mend.
	sqlite3 "$WORK/new.db" 'PRAGMA application_id=1296387652; PRAGMA user_version=99; CREATE TABLE x(y);'
	mend --db "$WORK/new.db" status
	local known
	known=$(sed -n 's/.*knows up to \([0-9][0-9]*\).*/\1/p' "$ERR")
	[ -n "$known" ] || fail "no version in: $(cat "$ERR")"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA user_version')" "$known" "user_version"
	[ "$known" -ge 1 ] || fail "user_version $known"
	sqlite3 "$MEND_DB" 'SELECT name FROM sqlite_schema' >"$WORK/tables"
	grep -qx entries "$WORK/tables" || fail "no entries table"
	grep -qx periods "$WORK/tables" || fail "no periods table"
	grep -qx entries_fts "$WORK/tables" || fail "no search index"
}

t_reopening_keeps_the_schema_and_data() {
	mend checkin --mood 5 --note "kept"
	local v
	v=$(sqlite3 "$MEND_DB" 'PRAGMA user_version')
	mend status
	mend status
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA user_version')" "$v" "user_version"
	mend list --json
	expect_eq "$(json '.[0].text')" kept "text"
}

t_two_writers_at_once_both_succeed() {
	mend status
	expect_rc 0
	local i
	(
		for i in $(seq 1 30); do
			"$MEND" urge --level 3 --note "urge $i" >/dev/null 2>>"$WORK/err1" ||
				echo "urge $i exited $?" >>"$WORK/err1"
		done
	) &
	(
		for i in $(seq 1 30); do
			MEND_NOW=$(printf '2026-01-%02dT10:00:00Z' "$i") \
				"$MEND" checkin --mood 4 --note "day $i" >/dev/null 2>>"$WORK/err2" ||
				echo "checkin $i exited $?" >>"$WORK/err2"
		done
	) &
	wait
	[ -s "$WORK/err1" ] && fail "first writer: $(head -3 "$WORK/err1")"
	[ -s "$WORK/err2" ] && fail "second writer: $(head -3 "$WORK/err2")"
	MEND_NOW=2026-01-31T10:00:00Z mend list --json
	expect_eq "$(json '[.[] | select(.kind == "urge")] | length')" 30 "urges"
	expect_eq "$(json '[.[] | select(.kind == "checkin")] | length')" 30 "check-ins"
	expect_eq "$(json '[.[] | select(.kind == "urge") | .text] | unique | length')" 30 "distinct urges"
	expect_eq "$(json '[.[] | select(.kind == "checkin") | .day] | unique | length')" 30 "distinct days"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check')" ok "integrity_check"
}

# Two commands run at the same moment on a journal that does not exist
# yet (say the TUI and a cron job on a new machine) must both work: one
# creates the journal, the other waits for it.
t_first_uses_of_a_new_journal_at_once_all_succeed() {
	local round p failed
	# The window is narrow, so try it a number of times.
	for round in $(seq 1 20); do
		rm -f "$MEND_DB" "$MEND_DB-journal"
		for p in 1 2 3; do
			"$MEND" urge --level 2 >/dev/null 2>"$WORK/race$p" &
		done
		wait
		for p in 1 2 3; do
			[ -s "$WORK/race$p" ] && failed="round $round: $(cat "$WORK/race$p")"
		done
		[ -n "${failed:-}" ] && fail "$failed"
		expect_eq "$(sqlite3 "$MEND_DB" "SELECT count(*) FROM entries")" 3 "urges in round $round"
	done
}

run_tests
