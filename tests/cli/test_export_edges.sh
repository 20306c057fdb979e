# SPDX-License-Identifier: MIT
# `mend export` at its edges: where -o may write (never over the journal,
# straight into a FIFO or a device), what a killed export leaves behind,
# times that every export can restore, jrnl's tags and Markdown text.
. "$(dirname "$0")/lib.sh"

# a small journal: a start, a check-in and a reflection
small_journal() {
	MEND_NOW=2026-01-05T10:00:00Z mend start --date 2026-01-04 --name Sam
	expect_rc 0
	MEND_NOW=2026-01-06T10:00:00Z mend checkin --mood 5 --note "a quiet day"
	expect_rc 0
	MEND_NOW=2026-01-07T10:00:00Z mend reflect "I walked by the river."
	expect_rc 0
}

t_export_refuses_the_journal_itself() {
	small_journal
	local before
	before=$(db_sum)
	mend export -o "$MEND_DB"
	expect_rc 2
	expect_err "output: $MEND_DB is the journal itself"
	expect_one_line_err
	expect_no_out
	expect_db "$before"
	# through another name (a hard link) too
	ln "$MEND_DB" "$WORK/other-name.db"
	mend export -o "$WORK/other-name.db"
	expect_rc 2
	expect_err "is the journal itself"
	expect_db "$before"
	mend list --json
	expect_rc 0
	expect_eq "$(json 'length')" 2 "entries after the refused exports"
	# its rollback journal, when one is there
	: >"$MEND_DB-journal"
	mend export -o "$MEND_DB-journal"
	expect_rc 2
	expect_err "is the journal's own"
	expect_db "$before"
	[ -s "$MEND_DB-journal" ] && fail "the -journal file was written"
	rm -f "$MEND_DB-journal"
	# and before it exists: SQLite would read an export there as its own
	mend export -o "$MEND_DB-journal"
	expect_rc 2
	expect_err "is the journal's own journal file"
	[ -e "$MEND_DB-journal" ] && fail "a -journal file was made"
	mend export -o "$MEND_DB-wal"
	expect_rc 2
	[ -e "$MEND_DB-wal" ] && fail "a -wal file was made"
	ls -A "$WORK" | grep -q 'tmp-' && fail "a temporary file was left"
	true
}

t_export_into_a_fifo_writes_through_it() {
	small_journal
	mkfifo "$WORK/pipe"
	timeout 10 cat "$WORK/pipe" >"$WORK/read.json" &
	local reader=$!
	mend export -o "$WORK/pipe"
	expect_rc 0
	[ -p "$WORK/pipe" ] || { kill "$reader"; fail "the FIFO was replaced by a regular file"; }
	wait "$reader"
	[ -p "$WORK/pipe" ] || fail "the FIFO was replaced by a regular file"
	expect_eq "$(jq '.entries | length' "$WORK/read.json")" 2 "entries read through the FIFO"
	ls -A "$WORK" | grep -q 'tmp-' && fail "a temporary file was left"
	true
}

t_export_into_a_device_keeps_the_device() {
	[ "$(id -u)" -eq 0 ] || { echo "(not root: no device node to test)"; return 0; }
	small_journal
	# a private null device, so the system's own is never at risk
	mknod "$WORK/null" c 1 3 || fail "mknod failed"
	mend export -o "$WORK/null" --format markdown
	expect_rc 0
	[ -c "$WORK/null" ] || fail "the device node was replaced by a regular file"
	true
}

# gen_big N: a mend export with N long reflections.
gen_big() {
	awk -v n="$1" 'BEGIN {
		pad = ""
		for (k = 0; k < 200; k++) pad = pad "lorem ipsum "
		printf "{\"format\": \"mend-journal\", \"version\": 1, \"settings\": {}, \"periods\": [], \"entries\": ["
		for (i = 0; i < n; i++)
			printf "%s{\"id\": \"00000000-0000-4000-8000-%012d\", \"kind\": \"reflection\", \"module\": \"reflection\", \"created_at\": \"2025-06-01T10:00:00Z\", \"updated_at\": \"2025-06-01T10:00:00Z\", \"text\": \"entry %d PRIVATE %s\"}", (i ? ",\n" : "\n"), i, i, pad
		print "]}"
	}'
}

# writing_export PID: true once the export has its output file open
# (a name beside the target, or an unnamed one in the same directory).
writing_export() {
	local fd
	for fd in /proc/"$1"/fd/*; do
		case $(readlink "$fd" 2>/dev/null) in
		"$WORK"/*tmp-* | "$WORK"/*"(deleted)") return 0 ;;
		esac
	done
	return 1
}

t_export_killed_leaves_no_private_leftover() {
	gen_big 6000 >"$WORK/big.json"
	mend import "$WORK/big.json"
	expect_rc 0
	local file="$WORK/backup.json" pid rc try landed=0 deadline
	echo '{"old": true}' >"$file"
	for try in 1 2 3 4 5; do
		"$MEND" export -o "$file" >/dev/null 2>&1 &
		pid=$!
		deadline=$((${EPOCHREALTIME/./} + 5000000))
		until writing_export "$pid" || ! kill -0 "$pid" 2>/dev/null ||
			[ "${EPOCHREALTIME/./}" -ge "$deadline" ]; do :; done
		kill -9 "$pid" 2>/dev/null
		wait "$pid"
		rc=$?
		[ "$rc" -eq 137 ] && { landed=1; break; }
		echo '{"old": true}' >"$file"
	done
	[ "$landed" -eq 1 ] || fail "could not kill the export before it finished"
	expect_eq "$(cat "$file")" '{"old": true}' "the file after the killed export"
	# nothing with the journal's text is left beside it, now or on the next run
	ls -A "$WORK" | grep 'tmp-' && fail "the killed export left a temporary file"
	grep -rl PRIVATE "$WORK" --exclude=big.json --exclude=journal.db* && fail "private text left in a file"
	mend export -o "$file" --module growth
	expect_rc 0
	ls -A "$WORK" | grep 'tmp-' && fail "a temporary file is left after the next export"
	true
}

t_export_sweeps_stale_temporary_files() {
	small_journal
	local file="$WORK/backup.json"
	echo 'PRIVATE half an export' >"$file.tmp-Ab12Cd"
	touch -d '2 hours ago' "$file.tmp-Ab12Cd"
	echo 'someone else' >"$WORK/other.json.tmp-Ab12Cd"
	touch -d '2 hours ago' "$WORK/other.json.tmp-Ab12Cd"
	mend export -o "$file"
	expect_rc 0
	[ -e "$file.tmp-Ab12Cd" ] && fail "the stale temporary file is still there"
	[ -e "$WORK/other.json.tmp-Ab12Cd" ] || fail "another file's temporary file was removed"
	true
}

# at_edge TZ NOW: a check-in at NOW in TZ is refused, or exports a file
# that imports back into a new journal.
at_edge() {
	TZ=$1 MEND_NOW=$2 mend checkin --mood 5
	if [ "$RC" -ne 0 ]; then
		expect_rc 2
		expect_err "is outside the dates mend keeps"
		expect_one_line_err
		return 0
	fi
	TZ=$1 MEND_NOW=$2 mend export -o "$WORK/edge.json"
	expect_rc 0
	TZ=$1 MEND_NOW=$2 MEND_DB="$WORK/restored.db" mend import "$WORK/edge.json"
	expect_rc 0
	expect_out "1 added"
	rm -f "$MEND_DB" "$WORK/restored.db"
}

t_export_every_time_mend_writes_restores() {
	at_edge America/New_York 1970-01-01T03:00:00Z
	at_edge America/New_York 1970-01-02T12:00:00Z
	at_edge Pacific/Kiritimati 9999-12-31T20:00:00Z
	at_edge Pacific/Kiritimati 9999-12-30T08:00:00Z
	at_edge UTC 1970-01-01T05:00:00Z
	# the refused ones wrote nothing
	TZ=America/New_York MEND_NOW=1970-01-01T03:00:00Z mend checkin --mood 5
	expect_rc 2
	expect_err "clock: 1970-01-01T03:00:00Z is outside the dates mend keeps"
	[ -e "$MEND_DB" ] && [ "$("$MEND" list --json </dev/null | jq length)" -ne 0 ] && fail "a refused check-in was saved"
	true
}

t_export_jrnl_tags_are_unique_and_counted_per_entry() {
	printf '%s' '{"tags": {}, "entries": [
	  {"title": "One", "body": "", "date": "2025-05-01", "time": "09:00", "tags": ["@reflection", "@calm", "@calm"], "starred": false},
	  {"title": "Two", "body": "", "date": "2025-05-02", "time": "09:00", "tags": ["@calm"], "starred": false}]}' >j.json
	mend import j.json
	expect_rc 0
	local round
	for round in 1 2 3; do
		mend export --format jrnl
		expect_rc 0
		expect_eq "$(json '[.entries[].tags | tostring] | join(" ")')" '["@reflection","@calm"] ["@reflection","@calm"]' "entry tags, round $round"
		# no key twice in the top-level tags object
		expect_eq "$(grep -o '"@reflection": [0-9]*' "$OUT" | wc -l)" 1 "@reflection keys, round $round"
		expect_eq "$(json '.tags | tostring')" '{"@reflection":2,"@calm":2}' "tag counts, round $round"
		cp "$OUT" "$WORK/round.json"
		rm -f "$MEND_DB"
		mend import "$WORK/round.json"
		expect_rc 0
	done
}

t_export_markdown_keeps_text_as_text() {
	mend reflect $'# not a heading\n1986. A fine year.\n* not a list\n- nor this\n+ nor this\n> not a quote\n  ## indented\n===\nplain line\nsecond plain line\n\nafter a blank line'
	expect_rc 0
	mend export --format markdown
	expect_rc 0
	local body
	body=$(sed -n '/^### /,$p' "$OUT" | tail -n +3)
	expect_eq "$body" "$(printf '%s\n' '\# not a heading  ' '1986\. A fine year.  ' '\* not a list  ' '\- nor this  ' '\+ nor this  ' '\> not a quote  ' '  \## indented  ' '\===  ' 'plain line  ' 'second plain line' '' 'after a blank line')" "the entry's text in Markdown"
	# one heading for the day, one for the entry: the text made none
	expect_eq "$(grep -c '^#' "$OUT")" 3 "headings"
}

t_export_markdown_to_a_terminal_shows_no_control_characters() {
	# new text refuses control characters; an import from elsewhere
	# can still bring them, so they come in that way
	mend reflect "placeholder"
	expect_rc 0
	mend export
	jq '.entries[0].text = "colour \u001b[31mred\u001b[0m, a title \u001b]0;pwned\u0007 and a bell \u0007, tab\tkept" |
		.entries[0].updated_at = "2026-01-11T09:00:01Z"' "$OUT" >"$WORK/ctl.json" ||
		fail "cannot write the text with controls"
	mend import "$WORK/ctl.json"
	expect_rc 0
	# to a file (a pipe here) the text is exact
	mend export --format markdown
	expect_rc 0
	grep -q $'\e\[31mred' "$OUT" || fail "the file lost the text as written"
	# to a terminal, no escape, OSC or bell reaches it
	script -qec "$MEND export --format markdown" /dev/null </dev/null >"$WORK/tty.out" 2>&1
	grep -q 'colour' "$WORK/tty.out" || fail "the export did not reach the terminal"
	grep -q $'\e' "$WORK/tty.out" && fail "an escape character reached the terminal"
	grep -q $'\a' "$WORK/tty.out" && fail "a bell reached the terminal"
	grep -q 'red' "$WORK/tty.out" || fail "the text around the escape was lost"
	true
}

# blocked_on_pipe PID: true once PID sleeps writing into a full pipe.
blocked_on_pipe() {
	grep -q pipe_write /proc/"$1"/wchan 2>/dev/null
}

t_export_to_a_stalled_reader_does_not_block_writers() {
	gen_big 400 >"$WORK/big.json"
	mend import "$WORK/big.json"
	expect_rc 0
	mkfifo "$WORK/pipe"
	# a reader that opens the pipe and never reads from it
	sleep 60 <"$WORK/pipe" &
	local reader=$! exporter deadline
	"$MEND" export >"$WORK/pipe" 2>/dev/null &
	exporter=$!
	deadline=$((${EPOCHREALTIME/./} + 10000000))
	until blocked_on_pipe "$exporter" || [ "${EPOCHREALTIME/./}" -ge "$deadline" ]; do sleep 0.05; done
	blocked_on_pipe "$exporter" || { kill "$exporter" "$reader"; fail "the export never filled the pipe"; }
	# the export now waits on its reader; a check-in must not wait on it
	# (mend would give up after 60 s: 20 s is a generous bound)
	timeout 20 "$MEND" checkin --mood 6 --note "saved while an export waits" >"$OUT" 2>"$ERR"
	RC=$?
	kill "$exporter" "$reader" 2>/dev/null
	wait "$exporter" "$reader" 2>/dev/null
	expect_rc 0
	expect_out "Check-in saved"
}

t_export_read_slowly_lets_writes_through_and_stays_whole() {
	# a JSON export begins with periods and ends with entries: a change
	# made while it is read must show in both or in neither
	gen_big 400 >"$WORK/big.json"
	mend import "$WORK/big.json"
	expect_rc 0
	mend start --date 2026-01-05
	expect_rc 0
	mkfifo "$WORK/pipe"
	"$MEND" export >"$WORK/pipe" 2>/dev/null &
	local exporter=$! deadline
	exec 3<"$WORK/pipe"
	# read a little: the export has begun (its periods are written)
	dd bs=1000 count=1 status=none <&3 >"$WORK/snap.json"
	# a contact by me ends the period and starts another; it must wait
	# for the snapshot or not be in it at all
	timeout 20 "$MEND" contact --by me --channel call --note "mid-export" >"$OUT" 2>"$ERR"
	RC=$?
	cat <&3 >>"$WORK/snap.json"
	exec 3<&-
	wait "$exporter"
	expect_rc 0
	local periods contacts
	periods=$(jq '.periods | length' "$WORK/snap.json") || fail "the export is not JSON"
	contacts=$(jq '[.entries[] | select(.kind == "contact")] | length' "$WORK/snap.json")
	# one period and no contact, or two periods and the contact
	[ "$((periods - contacts))" -eq 1 ] || fail "periods ($periods) and contacts ($contacts) from two moments"
	true
}

run_tests
