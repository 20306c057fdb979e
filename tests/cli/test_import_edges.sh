# SPDX-License-Identifier: MIT
# `mend import` at its edges: times from a wrong clock, histories the
# command line would refuse, jrnl entries that differ only a little, the
# messages of a conflict, a byte order mark, and the cost of many tags
# and many replaced check-ins.
. "$(dirname "$0")/lib.sh"

# mend_file ENTRIES [PERIODS]: a mend export with these JSON arrays' items.
mend_file() {
	printf '{"format": "mend-journal", "version": 1, "settings": {}, "periods": [%s], "entries": [%s]}\n' "${2:-}" "$1"
}

# refl ID CREATED UPDATED TEXT: one reflection record.
refl() {
	printf '{"id": "%s", "kind": "reflection", "created_at": "%s", "updated_at": "%s", "text": "%s"}' "$@"
}

# ci ID DAY CREATED UPDATED MOOD NOTE: one check-in record.
ci() {
	printf '{"id": "%s", "kind": "checkin", "day": "%s", "created_at": "%s", "updated_at": "%s", "mood": %s, "text": "%s"}' "$@"
}

# per ID STARTED [ENDED]: one no-contact period.
per() {
	if [ -n "${3:-}" ]; then
		printf '{"id": "%s", "created_at": "%s", "updated_at": "%s", "started_at": "%s", "ended_at": "%s"}' "$1" "$2" "$3" "$2" "$3"
	else
		printf '{"id": "%s", "created_at": "%s", "updated_at": "%s", "started_at": "%s"}' "$1" "$2" "$2" "$2"
	fi
}

U1=11111111-1111-4111-8111-111111111111
U2=22222222-2222-4222-8222-222222222222
U3=33333333-3333-4333-8333-333333333333

# refused FILE TEXT...: the import fails, names every TEXT, writes nothing.
refused() {
	local file=$1 before t
	shift
	[ -e "$MEND_DB" ] || "$MEND" list >/dev/null 2>&1 </dev/null
	before=$(db_sum)
	mend import "$file"
	expect_rc 1
	for t in "$@"; do
		expect_err "$t"
	done
	expect_err "nothing was imported"
	expect_no_out
	expect_db "$before"
}

t_import_refuses_times_far_in_the_future() {
	mend start --date 2026-01-10
	expect_rc 0
	mend_file "$(refl $U1 2026-01-05T10:00:00Z 2036-01-01T00:00:00Z "from a wrong clock")" >f1.json
	refused f1.json "entries[0].updated_at: 2036-01-01T00:00:00Z is more than a day after now"
	mend_file "$(refl $U1 2026-03-05T10:00:00Z 2026-03-05T10:00:00Z "from a wrong clock")" >f2.json
	refused f2.json "entries[0].created_at: 2026-03-05T10:00:00Z is more than a day after now"
	# a clock a few hours ahead is fine
	mend_file "$(refl $U1 2026-01-11T15:00:00Z 2026-01-11T15:00:00Z "a little ahead")" >ok.json
	mend import ok.json
	expect_rc 0
	expect_out "1 added"
}

t_import_refuses_updated_before_created() {
	mend_file "$(refl $U1 2026-01-05T10:00:00Z 2026-01-04T10:00:00Z "backwards")" >f.json
	refused f.json "entries[0].updated_at: 2026-01-04T10:00:00Z is before created_at 2026-01-05T10:00:00Z"
	mend_file "" "$(per $U2 2026-01-05T10:00:00Z 2026-01-06T10:00:00Z | sed 's/"updated_at": "2026-01-06T10:00:00Z"/"updated_at": "2026-01-01T00:00:00Z"/')" >p.json
	refused p.json "periods[0].updated_at: 2026-01-01T00:00:00Z is before created_at"
}

t_import_refuses_periods_in_the_future() {
	mend_file "" "$(per $U1 2026-02-01T10:00:00Z)" >f1.json
	refused f1.json "periods[0].started_at: 2026-02-01T10:00:00Z is more than a day after now"
	mend_file "" "$(per $U1 2026-01-01T10:00:00Z 2026-03-01T10:00:00Z | sed 's/"updated_at": "2026-03-01T10:00:00Z"/"updated_at": "2026-01-02T00:00:00Z"/')" >f2.json
	refused f2.json "periods[0].ended_at: 2026-03-01T10:00:00Z is more than a day after now"
}

t_import_refuses_overlapping_periods() {
	mend_file "" "$(per $U1 2026-01-01T10:00:00Z 2026-01-05T10:00:00Z), $(per $U2 2026-01-03T10:00:00Z 2026-01-07T10:00:00Z)" >f.json
	refused f.json "periods[1]: 2026-01-03T10:00:00Z..2026-01-07T10:00:00Z overlaps periods[0]"
	# against the journal's own periods too
	mend start --date 2026-01-02
	expect_rc 0
	mend_file "" "$(per $U3 2025-12-20T10:00:00Z 2026-01-04T10:00:00Z)" >g.json
	refused g.json "periods[0]: 2025-12-20T10:00:00Z..2026-01-04T10:00:00Z overlaps a no-contact period of this journal"
	# periods that touch are fine
	mend_file "" "$(per $U1 2025-12-01T10:00:00Z 2025-12-05T10:00:00Z), $(per $U2 2025-12-05T10:00:00Z 2025-12-07T10:00:00Z)" >ok.json
	mend import ok.json
	expect_rc 0
	expect_out "2 added"
}

t_import_refuses_checkin_day_far_from_created_at() {
	mend_file "$(ci $U1 2025-06-01 2026-01-05T10:00:00Z 2026-01-05T10:00:00Z 5 "")" >f.json
	refused f.json "entries[0].day: 2025-06-01 is far from created_at 2026-01-05T10:00:00Z"
	# the evening before, west of UTC, is fine
	mend_file "$(ci $U1 2026-01-04 2026-01-05T03:00:00Z 2026-01-05T03:00:00Z 5 "")" >ok.json
	mend import ok.json
	expect_rc 0
}

t_import_local_edit_beats_a_clock_slightly_ahead() {
	# a check-in changed elsewhere by a clock 10 hours ahead
	mend checkin --mood 3 --note "here"
	expect_rc 0
	local id
	mend list --json
	id=$(json '.[0].id')
	mend_file "$(ci "$id" 2026-01-11 2026-01-11T09:00:00Z 2026-01-11T19:00:00Z 8 "there")" >ahead.json
	mend import ahead.json
	expect_rc 0
	expect_out "1 updated"
	# then edited here, an hour later by this clock: this edit is the last
	MEND_NOW=2026-01-11T10:00:00Z mend checkin --mood 2 --note "here again"
	expect_rc 0
	mend show "$id" --json
	expect_eq "$(json .updated_at)" 2026-01-11T19:00:01Z "updated_at after the local edit"
	mend import ahead.json
	expect_rc 0
	expect_out "0 updated"
	mend show "$id" --json
	expect_eq "$(json .mood)" 2 "mood after importing the older change again"
}

t_import_names_periods_for_a_shared_id() {
	mend_file "$(refl $U1 2026-01-05T10:00:00Z 2026-01-05T10:00:00Z "same id")" "$(per $U1 2026-01-01T10:00:00Z 2026-01-02T10:00:00Z)" >f.json
	refused f.json "entries[0].id: $U1 appears twice (first at periods[0])"
}

t_import_checkin_day_conflict_is_a_sentence() {
	mend checkin --mood 3 --note "today here"
	expect_rc 0
	MEND_NOW=2026-01-10T09:00:00Z mend checkin --mood 4 --note "yesterday"
	expect_rc 0
	local id
	mend list --json
	id=$(json '[.[] | select(.kind == "checkin" and .day == "2026-01-10")][0].id')
	# elsewhere, yesterday's check-in was moved onto today, later
	mend_file "$(ci "$id" 2026-01-11 2026-01-11T08:00:00Z 2026-01-11T09:30:00Z 6 "moved")" >f.json
	mend import f.json
	grep -q 'UNIQUE constraint' "$ERR" && fail "an SQL message on stderr"
	if [ "$RC" -eq 0 ]; then
		mend list --json
		expect_eq "$(json '[.[] | select(.kind == "checkin" and .day == "2026-01-11")] | length')" 1 "check-ins on 2026-01-11"
		expect_eq "$(json '[.[] | select(.kind == "checkin" and .day == "2026-01-11")][0].text')" moved "the later check-in"
	else
		expect_rc 1
		expect_err "2026-01-11"
	fi
}

t_import_accepts_a_byte_order_mark() {
	mend_file "$(refl $U1 2026-01-05T10:00:00Z 2026-01-05T10:00:00Z "with a BOM")" >plain.json
	printf '\xef\xbb\xbf' | cat - plain.json >bom.json
	mend import bom.json
	expect_rc 0
	expect_out "1 added"
}

# jrnl_file ENTRIES: a jrnl export with these entries.
jrnl_file() {
	printf '{"tags": {}, "entries": [%s]}\n' "$1"
}

t_import_jrnl_entries_differing_in_tags_stay_two() {
	local a b
	a='{"title": "Walked", "body": "by the sea", "date": "2025-05-01", "time": "09:00", "tags": ["@walk"], "starred": false}'
	b='{"title": "Walked", "body": "by the sea", "date": "2025-05-01", "time": "09:00", "tags": ["@sea"], "starred": true}'
	jrnl_file "$a, $b, $a" >j.json
	mend import j.json
	expect_rc 0
	expect_out "2 added, 0 updated, 1 unchanged"
	mend list --json
	expect_eq "$(json '[.[].tags[]] | sort | tostring')" '["@sea","@walk"]' "tags of the two entries"
	# and again: the same two, nothing new
	mend import j.json
	expect_rc 0
	expect_out "0 added, 0 updated, 3 unchanged"
}

t_import_jrnl_times_across_dst_changes() {
	export TZ=Europe/Berlin
	local a b c
	a='{"title": "Spring", "body": "", "date": "2025-03-30", "time": "09:00", "tags": [], "starred": false}'
	b='{"title": "Autumn", "body": "", "date": "2025-10-26", "time": "09:00", "tags": [], "starred": false}'
	c='{"title": "Winter", "body": "", "date": "2025-01-15", "time": "23:30", "tags": [], "starred": false}'
	jrnl_file "$a, $b, $c" >j.json
	mend import j.json
	expect_rc 0
	expect_out "3 added"
	mend list --json
	expect_eq "$(json '[.[].created_at] | sort | join(" ")')" "2025-01-15T22:30:00Z 2025-03-30T07:00:00Z 2025-10-26T08:00:00Z" "created_at in UTC"
	mend export --format jrnl
	expect_rc 0
	expect_eq "$(json '[.entries[] | .date + " " + .time] | join(", ")')" "2025-01-15 23:30, 2025-03-30 09:00, 2025-10-26 09:00" "times written back"
	# so importing that export again adds nothing
	cp "$OUT" back.json
	mend import back.json
	expect_rc 0
	expect_out "0 added"
}

t_import_jrnl_time_is_strict() {
	local t
	for t in '+1:05' '9:05' '09:5' '09-05' '24:00' '09:60' ' 9:05' '09:05:00' '-1:05'; do
		jrnl_file '{"title": "x", "date": "2025-05-01", "time": "'"$t"'"}' >j.json
		refused j.json "entries[0].time: '$t' is not a time (HH:MM)"
	done
}

t_import_refuses_a_jrnl_entry_far_in_the_future() {
	printf '%s' '{"tags": {}, "entries": [{"title": "ahead", "body": "", "date": "2027-01-03", "time": "11:00", "tags": [], "starred": false}]}' >f.json
	refused f.json "entries[0].date: 2027-01-03 11:00 is more than a day after now"
}

run_tests
