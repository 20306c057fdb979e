# SPDX-License-Identifier: MIT
# Journals mend must refuse, or cannot write: a file that is not a
# database, a truncated journal, a journal from a newer mend, another
# program's database, a read-only file or directory, a directory, a
# missing directory. Each is refused with a message naming the problem,
# a non-zero exit, and the file (or directory) left exactly as it was.
# Last, the default path: its directories are made, private.
. "$(dirname "$0")/lib.sh"

# --- helpers ---

# These run many refused commands; this machine's fork and exec are not
# free, so the checks below use shell built-ins where they can.

# listing DIR: names, types, sizes, modes and owners of everything in DIR
listing() {
	find "$1" -printf '%P %y %s %m %u\n' | sort
}

# sum FILE: its SHA-256 (via a file, one fork fewer than $(...))
sum() {
	sha256sum <"$1" >"$WORK/.sum"
	read -r SUM _ <"$WORK/.sum"
	echo "$SUM"
}

# refused TEXT...: the last command failed (not a crash) with one line on
# stderr holding every TEXT, and nothing on stdout
refused() {
	local t text='' lines=()
	IFS= read -r -d '' text <"$ERR"
	mapfile -t lines <"$ERR"
	echo "  exit $RC: ${text%$'\n'}"
	[ "$RC" -ne 0 ] || fail "exit code 0, expected a refusal"
	[ "$RC" -lt 128 ] || fail "mend crashed (exit $RC)"
	for t in "$@"; do
		[[ $text == *"$t"* ]] || fail "stderr lacks: $t"
	done
	if [ ${#lines[@]} -ne 1 ] || [[ $text != *$'\n' ]]; then
		fail "stderr is not exactly one line"
	fi
	[ ! -s "$OUT" ] || fail "stdout is not empty"
}

# refuse_all FILE TEXT... -- ARGS... [-- ARGS...]: each command (mend
# --db FILE ARGS) is refused with every TEXT, and neither FILE nor its
# directory changes.
refuse_all() {
	local file=$1 texts=() cmd=() sum dir before raw
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		texts+=("$1")
		shift
	done
	dir=${file%/*}
	before=$(listing "$dir")
	raw=$(find "$dir" -printf '%P %y %s %m %u\n')
	sum=$(sum "$file")
	while [ $# -gt 0 ]; do
		shift # the --
		cmd=()
		while [ $# -gt 0 ] && [ "$1" != -- ]; do
			cmd+=("$1")
			shift
		done
		echo "mend --db ${file#"$WORK"/} ${cmd[*]}"
		mend --db "$file" "${cmd[@]}"
		refused "${texts[@]}"
		sum "$file" >/dev/null
		[ "$SUM" = "$sum" ] || fail "$file changed"
		# unchanged, a directory lists in the same order: sort only if not
		[ "$(find "$dir" -printf '%P %y %s %m %u\n')" = "$raw" ] ||
			expect_eq "$(listing "$dir")" "$before" "listing of $dir"
	done
}

# make_journal DB N: a real journal with a start date, a check-in and N
# reflections (imported in one go: N separate commits would be slow).
make_journal() {
	local db=$1 n=$2
	MEND_DB=$db mend start --date 2025-12-01
	expect_rc 0
	MEND_DB=$db mend checkin --mood 4 --note "a check-in"
	expect_rc 0
	jq -n --argjson n "$n" '{format: "mend-journal", version: 1, entries: [range($n) as $i | {
		id: ("00000000\($i)"[-8:] + "-0000-4000-8000-000000000000"),
		kind: "reflection", created_at: "2026-01-05T10:00:00Z",
		updated_at: "2026-01-05T10:00:00Z",
		text: "reflection \($i): enough words that a few hundred of these take up many pages of the journal file"}]}' >"$WORK/many.json"
	MEND_DB=$db mend import "$WORK/many.json"
	expect_rc 0
	expect_out "$n added"
}

# --- running without root's privileges ---
#
# The tests run as root, and root writes a file whatever its mode says
# (CAP_DAC_OVERRIDE): `chmod 400 journal.db; mend checkin --mood 5` simply
# succeeds as root. The alternatives are worse: `chattr +i` works only on
# some file systems (not tmpfs) and, if a test dies half-way, leaves an
# immutable file nothing can delete; a read-only bind mount needs mount
# rights and an unmount. So, as root, mend is run as the unprivileged user
# 65534 (nobody) with setpriv, on files that user owns, in a directory it
# may reach: the ordinary situation of a person and a file they may not
# write. Not as root, the plain chmod already does it.

# unprivileged_setup: let uid 65534 reach $WORK and run $MEND
unprivileged_setup() {
	[ "$(id -u)" -eq 0 ] || return 0
	command -v setpriv >/dev/null || fail "setpriv (util-linux) is needed to drop root's privileges"
	chmod 711 "$WORK"
	as_nobody test -x "$WORK" ||
		fail "uid 65534 cannot reach $WORK (a directory above it is closed to others)"
	if ! as_nobody test -x "$MEND"; then
		# a directory above the binary is closed to others: use a copy
		mkdir -p "$WORK/bin"
		cp "$MEND" "$WORK/bin/mend"
		chmod 755 "$WORK/bin" "$WORK/bin/mend"
		MEND_RUN="$WORK/bin/mend"
	fi
}

MEND_RUN=$MEND

as_nobody() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	else
		"$@"
	fi
}

# give_away PATH...: hand the paths to uid 65534 (as root)
give_away() {
	[ "$(id -u)" -ne 0 ] || chown 65534:65534 "$@"
}

# mend_unprivileged ARGS...: mend as uid 65534 (as root), or as ourselves
mend_unprivileged() {
	as_nobody "$MEND_RUN" "$@" >"$OUT" 2>"$ERR" </dev/null
	RC=$?
}

# refuse_writes FILE CMD...: each write (mend --db FILE CMD, as uid 65534)
# is refused as read-only, and neither FILE nor its directory changes
refuse_writes() {
	local f=$1 dir=${1%/*} sum before cmd
	shift
	sum=$(sum "$f")
	before=$(listing "$dir")
	for cmd in "$@"; do
		echo "mend --db ${f#"$WORK"/} $cmd (as uid 65534)"
		# shellcheck disable=SC2086
		mend_unprivileged --db "$f" $cmd
		refused "$f" "read-only" "permissions"
		expect_rc 1
		expect_eq "$(sum "$f")" "$sum" "checksum after mend $cmd"
		expect_eq "$(listing "$dir")" "$before" "listing after mend $cmd"
	done
}

# --- the tests ---

t_not_a_sqlite_file() {
	local f="$WORK/notes/journal.db"
	mkdir -p "$WORK/notes"
	for i in $(seq 200); do
		echo "Dear diary, day $i: this is a text file, not a database."
	done >"$f"
	refuse_all "$f" "$f" "not a mend journal" "not a SQLite database" "left untouched" \
		-- list -- checkin --mood 5 -- reflect "new text" -- status -- export -- start --date 2026-01-01
	# binary bytes, no text at all
	head -c 16384 /dev/urandom >"$f"
	refuse_all "$f" "not a mend journal" "left untouched" \
		-- list -- checkin --mood 5
}

t_truncated_journal() {
	local f="$WORK/cut/journal.db" size
	mkdir -p "$WORK/cut"
	make_journal "$f" 400
	size=$(stat -c %s "$f")
	[ "$size" -ge 131072 ] || fail "the journal is only $size bytes"
	truncate -s $((size / 2)) "$f"
	refuse_all "$f" "$f" "damaged" "left untouched" "restore it" \
		-- list -- list --search reflection -- show 00000001 -- export -- status \
		-- checkin --mood 5 -- reflect "new text" -- delete 00000002 --yes \
		-- config goal 40
	# an import into it, too
	printf '%s\n' '{"entries": [{"title": "t", "body": "b", "date": "2025-11-01", "time": "09:00"}]}' >"$WORK/one.json"
	refuse_all "$f" "damaged" -- import "$WORK/one.json"
}

t_journal_from_a_newer_mend() {
	local f="$WORK/newer/journal.db"
	mkdir -p "$WORK/newer"
	sqlite3 "$f" 'PRAGMA application_id = 1296387652; PRAGMA user_version = 99;
		CREATE TABLE entries (id INTEGER PRIMARY KEY, uuid TEXT, body BLOB);
		INSERT INTO entries (uuid, body) VALUES ("x", "from the future");' ||
		fail "sqlite3 could not make the journal"
	refuse_all "$f" "$f" "newer mend" "journal version 99" "update mend" "left untouched" \
		-- list -- status -- export -- checkin --mood 5 -- reflect "new text" -- config goal 40
}

t_database_of_another_program() {
	local f="$WORK/other/app.db"
	mkdir -p "$WORK/other"
	sqlite3 "$f" 'CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ("Alex");' ||
		fail "sqlite3 could not make the database"
	refuse_all "$f" "$f" "another program" "not a mend journal" "left untouched" \
		-- list -- checkin --mood 5
}

t_read_only_file() {
	local dir="$WORK/ro-file" f="$WORK/ro-file/journal.db" sum
	mkdir -p "$dir"
	make_journal "$f" 3
	unprivileged_setup
	give_away "$dir" "$f"
	chmod 700 "$dir"
	chmod 400 "$f"
	refuse_writes "$f" "checkin --mood 5" "reflect new-text" \
		"delete 00000001 --yes" "config goal 40"
	sum=$(sum "$f")
	# reading it still works
	mend_unprivileged --db "$f" list --json
	expect_rc 0
	expect_eq "$(json length)" 4 "entries read from the read-only journal"
	expect_eq "$(sum "$f")" "$sum" "checksum after reading"
}

t_read_only_directory() {
	local dir="$WORK/ro-dir" f="$WORK/ro-dir/journal.db" before
	mkdir -p "$dir"
	make_journal "$f" 3
	unprivileged_setup
	give_away "$dir" "$f"
	chmod 600 "$f"
	chmod 500 "$dir"
	# so that the test's directory can be removed ($dir is expanded now: a
	# local is gone when the trap runs)
	# shellcheck disable=SC2064
	trap "chmod 700 '$dir'" EXIT
	before=$(listing "$dir")
	refuse_writes "$f" "checkin --mood 5" "reflect new-text" \
		"delete 00000001 --yes"
	mend_unprivileged --db "$f" list --json
	expect_rc 0
	expect_eq "$(json length)" 4 "entries read from the journal"
	# a new journal cannot be made there: refused, nothing created
	mend_unprivileged --db "$dir/new.db" checkin --mood 5
	refused "$dir/new.db" "not writable"
	expect_eq "$(listing "$dir")" "$before" "listing after trying a new journal"
}

t_path_is_a_directory() {
	local d="$WORK/adir" before
	mkdir -p "$d"
	echo "keep me" >"$d/keep.txt"
	before=$(listing "$d")
	for db in "$d" "$d/"; do
		echo "mend --db ${db#"$WORK"/} checkin --mood 5"
		mend --db "$db" checkin --mood 5
		refused "$d" "is a directory"
		expect_eq "$(listing "$d")" "$before" "listing after --db $db"
	done
	MEND_DB=$d mend list
	refused "$d" "is a directory"
	expect_eq "$(listing "$d")" "$before" "listing after MEND_DB=$d"
}

# the test directory, but for the files mend's output goes to
work_listing() {
	listing "$WORK" | grep -v -e '^out ' -e '^err ' -e '^log '
}

t_missing_parent_directory() {
	local before
	before=$(work_listing)
	echo "mend --db no/such/journal.db checkin --mood 5"
	mend --db "$WORK/no/such/journal.db" checkin --mood 5
	refused "$WORK/no/such" "does not exist"
	expect_rc 2
	[ ! -e "$WORK/no" ] || fail "mend created $WORK/no"
	expect_eq "$(work_listing)" "$before" "listing of the test directory"
	echo "MEND_DB=no/journal.db mend list"
	MEND_DB="$WORK/no/journal.db" mend list
	refused "$WORK/no" "does not exist"
	expect_rc 2
	[ ! -e "$WORK/no" ] || fail "mend created $WORK/no"
}

t_default_path_is_made_private() {
	local base="$WORK/data" d
	unset MEND_DB
	export XDG_DATA_HOME="$base/deeply/nested"
	umask 022 # mend must not rely on the caller's umask
	mend checkin --mood 6 --note "first"
	expect_rc 0
	for d in "$base" "$base/deeply" "$base/deeply/nested" "$base/deeply/nested/mend"; do
		[ -d "$d" ] || fail "$d was not made"
		expect_eq "$(stat -c %a "$d")" 700 "mode of $d"
	done
	[ -f "$XDG_DATA_HOME/mend/journal.db" ] || fail "no journal at $XDG_DATA_HOME/mend/journal.db"
	expect_eq "$(stat -c %a "$XDG_DATA_HOME/mend/journal.db")" 600 "mode of the journal"
	expect_eq "$(listing "$XDG_DATA_HOME/mend" | cut -d' ' -f1)" "$(printf '\njournal.db')" "files in the mend directory"
	mend reflect "second"
	expect_rc 0
	mend list --json
	expect_rc 0
	expect_eq "$(json 'map(.kind) | sort | join(",")')" "checkin,reflection" "entries in the default journal"
	# without XDG_DATA_HOME: ~/.local/share/mend, made the same way
	unset XDG_DATA_HOME
	export HOME="$WORK/home2"
	mkdir -m 755 "$HOME"
	mend checkin --mood 7
	expect_rc 0
	for d in "$HOME/.local" "$HOME/.local/share" "$HOME/.local/share/mend"; do
		expect_eq "$(stat -c %a "$d")" 700 "mode of $d"
	done
	expect_eq "$(stat -c %a "$HOME")" 755 "mode of HOME (not mend's to change)"
	[ -f "$HOME/.local/share/mend/journal.db" ] || fail "no journal under HOME"
}

run_tests
