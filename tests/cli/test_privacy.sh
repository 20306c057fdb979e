#!/bin/bash
# SPDX-License-Identifier: MIT
# Private by default: modes under a permissive umask, and no trace of
# deleted or replaced text left in the journal file.
. "$(dirname "$0")/lib.sh"

mode() {
	stat -c %a "$1"
}

t_umask_000_default_directory_and_journal_are_private() {
	unset MEND_DB
	umask 000
	mend checkin --mood 5
	expect_rc 0
	expect_eq "$(mode "$XDG_DATA_HOME/mend")" 700 "journal directory"
	expect_eq "$(mode "$XDG_DATA_HOME/mend/journal.db")" 600 "journal file"
}

t_umask_000_existing_loose_directory_is_tightened() {
	unset MEND_DB
	umask 000
	mkdir -p "$XDG_DATA_HOME/mend"
	chmod 755 "$XDG_DATA_HOME/mend"
	mend status
	expect_rc 0
	expect_eq "$(mode "$XDG_DATA_HOME/mend")" 700 "journal directory"
}

t_umask_000_export_file_is_private() {
	umask 000
	mend reflect "a private line"
	mend export -o "$WORK/backup.json"
	expect_rc 0
	expect_eq "$(mode "$WORK/backup.json")" 600 "export"
	mend export --format markdown -o "$WORK/read.md"
	expect_eq "$(mode "$WORK/read.md")" 600 "markdown export"
}

t_umask_000_rollback_journal_is_private_while_it_exists() {
	umask 000
	mend status
	# a large import holds its transaction long enough to see the
	# rollback journal beside the database
	awk 'BEGIN {
		printf "{\"format\":\"mend-journal\",\"version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\",\"app_version\":\"t\",\"settings\":{},\"periods\":[],\"entries\":["
		for (i = 0; i < 30000; i++)
			printf "%s{\"id\":\"00000000-0000-4000-8000-%012d\",\"kind\":\"reflection\",\"module\":\"reflection\",\"created_at\":\"2026-01-02T00:00:00Z\",\"updated_at\":\"2026-01-02T00:00:00Z\",\"text\":\"entry %d with several words to index\"}", (i ? "," : ""), i, i
		printf "]}"
	}' >"$WORK/big.json"
	"$MEND" import "$WORK/big.json" >/dev/null 2>&1 &
	local pid=$! seen=
	for ((i = 0; i < 2000; i++)); do
		if [ -e "$MEND_DB-journal" ]; then
			seen=$(mode "$MEND_DB-journal" 2>/dev/null) && break
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.005
	done
	wait "$pid" || fail "the import failed"
	[ -n "$seen" ] || fail "the rollback journal was never seen"
	expect_eq "$seen" 600 "rollback journal"
	expect_eq "$(mode "$MEND_DB")" 600 "journal file"
}

t_umask_000_editor_temp_file_is_private() {
	umask 000
	# an "editor" that records the mode of the file it is given
	cat >"$WORK/ed" <<'ED'
#!/bin/sh
stat -c %a "$1" > "$TMPDIR/mode-seen"
echo "written in the editor" > "$1"
ED
	chmod +x "$WORK/ed"
	EDITOR="$WORK/ed" script -qec "$MEND reflect" /dev/null >/dev/null
	expect_eq "$(cat "$TMPDIR/mode-seen")" 600 "editor's temporary file"
	mend list --json
	expect_eq "$(json '.[0].text')" "written in the editor" "text from the editor"
	[ -z "$(ls "$TMPDIR" | grep '^mend-')" ] || fail "a temporary file was left"
}

t_deleted_text_leaves_no_trace_in_the_file() {
	local id
	for i in 1 2 3; do mend reflect "ordinary filler entry $i"; done
	mend reflect "zebracorn is a word only this entry has"
	id=$(grep -o '[0-9a-f-]\{36\}' "$OUT")
	mend reflect "written after it"
	grep -qa zebracorn "$MEND_DB" || fail "the test word never reached the file"
	mend delete "$id" --yes
	expect_rc 0
	if grep -qa zebracorn "$MEND_DB"; then
		fail "the deleted text is still in the journal file"
	fi
	[ ! -e "$MEND_DB-journal" ] || fail "a rollback journal was left"
}

t_edited_text_leaves_no_trace_of_the_old_words() {
	local id
	mend reflect "ocelotname was written first"
	id=$(grep -o '[0-9a-f-]\{36\}' "$OUT")
	mend edit "$id" "something else entirely"
	expect_rc 0
	grep -qa ocelotname "$MEND_DB" && fail "the replaced text is still in the file"
	mend list --search something --json
	expect_eq "$(json 'length')" 1 "the new text is found"
}

# no_trace WORD: WORD is in neither the journal file nor its -journal.
no_trace() {
	grep -qa "$1" "$MEND_DB" && fail "'$1' is still in the journal file"
	if [ -e "$MEND_DB-journal" ] && grep -qa "$1" "$MEND_DB-journal"; then
		fail "'$1' is still in the rollback journal"
	fi
	true
}

t_replaced_checkin_note_leaves_no_trace() {
	for i in 1 2 3; do MEND_NOW=2026-01-0${i}T10:00:00Z mend checkin --mood 5 --note "filler day $i"; done
	mend checkin --mood 3 --note "pangolinword said in the morning"
	expect_rc 0
	grep -qa pangolinword "$MEND_DB" || fail "the test word never reached the file"
	mend checkin --mood 4 --note "a calmer evening"
	expect_rc 0
	no_trace pangolinword
	mend list --search calmer --json
	expect_eq "$(json 'length')" 1 "the new note is found"
}

t_text_replaced_by_an_import_leaves_no_trace() {
	local id
	for i in 1 2 3; do mend reflect "ordinary filler entry $i"; done
	mend reflect "quokkaword was written first"
	id=$(grep -o '[0-9a-f-]\{36\}' "$OUT")
	mend export
	jq --arg id "$id" '(.entries[] | select(.id == $id)) |= (.text = "rewritten elsewhere" | .updated_at = "2026-01-11T10:00:00Z")' "$OUT" >"$WORK/newer.json"
	mend import "$WORK/newer.json"
	expect_rc 0
	expect_out "1 updated"
	no_trace quokkaword
	mend list --search rewritten --json
	expect_eq "$(json 'length')" 1 "the new text is found"
}

run_tests
