# SPDX-License-Identifier: MIT
# A full disk: the journal on a small tmpfs, filled up with a big file.
# The write that does not fit fails with exit 1 and says the disk is full;
# the journal stays a sound database holding every entry confirmed before;
# reading still works; and once space is freed, writing works again.
. "$(dirname "$0")/lib.sh"

# with_tmpfs FUNCTION: run FUNCTION with a 600 KiB tmpfs mounted on
# $DISK. As root (the tests run as root here) the tmpfs is mounted
# directly and unmounted by a trap. Without root, a user and mount
# namespace of our own may mount one (unshare -rm), where the kernel
# allows unprivileged user namespaces; the mount ends with the namespace.
# If neither works the test fails, saying why: there is no honest way to
# fill a disk without a file system of our own (RLIMIT_FSIZE gives EFBIG,
# not ENOSPC, and filling a real disk is out of the question).
with_tmpfs() {
	DISK="$WORK/disk"
	mkdir -p "$DISK"
	if mount -t tmpfs -o size=600k,mode=0700 tmpfs "$DISK" 2>"$WORK/mount.err"; then
		trap 'cd / && { umount "$DISK" 2>/dev/null || umount -l "$DISK"; }' EXIT
		"$1"
		return
	fi
	if unshare -rm true 2>/dev/null; then
		echo "cannot mount as $(id -un) ($(cat "$WORK/mount.err")); using unshare -rm"
		OUT=$OUT ERR=$ERR WORK=$WORK DISK=$DISK unshare -rm bash -c "
			$(declare -f)
			set -u
			mount -t tmpfs -o size=600k,mode=0700 tmpfs \"\$DISK\" || exit 1
			$1"
		local rc=$?
		[ "$rc" -eq 0 ] || exit "$rc"
		return
	fi
	fail "cannot mount a tmpfs: $(cat "$WORK/mount.err"); run the tests as root, or allow unprivileged user namespaces"
}

# free_kib: the space left on $DISK, in KiB
free_kib() {
	df -k --output=avail "$DISK" | tail -1 | tr -d ' '
}

# fill LEAVE: a file $DISK/filler taking all but LEAVE KiB
fill() {
	local leave=$1 avail
	avail=$(free_kib)
	[ "$avail" -gt "$leave" ] || fail "only $avail KiB free before filling"
	head -c $(((avail - leave) * 1024)) /dev/zero >"$DISK/filler" 2>/dev/null
	echo "filled the disk: $(free_kib) KiB left"
}

# saved_id: the id a write printed ("... (id UUID) ...")
saved_id() {
	local text
	text=$(<"$OUT")
	[[ $text =~ id\ ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) ]] ||
		fail "no id in the output of a write that succeeded"
	echo "${BASH_REMATCH[1]}"
}

# sound: the journal passes SQLite's integrity check, and no rollback
# journal was left behind (nothing half-done waits to be undone)
sound() {
	local files
	command -v sqlite3 >/dev/null || fail "sqlite3 is needed for the integrity check"
	files=$(cd "$DISK" && echo *)
	[[ " $files " != *" journal.db-journal "* ]] || fail "a rollback journal was left beside the journal ($files)"
	expect_eq "$(sqlite3 "$MEND_DB" 'PRAGMA integrity_check' 2>&1)" ok "integrity_check ($1)"
}

# expect_ids IDS...: `mend list --json` holds every one of IDS
expect_ids() {
	local missing
	mend list --json
	expect_rc 0
	missing=$(jq -r --args '[.[].id] as $have | $ARGS.positional - $have | join(" ")' "$@" <"$OUT") ||
		fail "jq could not read mend list --json"
	[ -z "$missing" ] || fail "confirmed entries missing from the journal: $missing"
}

# --- writing until the disk is full ---

fill_until_failure() {
	export MEND_DB="$DISK/journal.db"
	local ids=() i pad after_fill=0 what
	mend start --date 2026-01-01
	expect_rc 0
	mend checkin --mood 5 --note "before the disk filled up"
	expect_rc 0
	ids+=("$(saved_id)")
	mend reflect "a first reflection, written with room to spare"
	expect_rc 0
	ids+=("$(saved_id)")
	# leave room for a few entries of about 3 KB each
	fill 96
	printf -v pad '%*s' 3000 ''
	pad=${pad// /w}
	for i in $(seq 1 300); do
		case $((i % 3)) in
		0) what="reflection $i" && mend reflect "$what $pad" ;;
		1) what="unsent $i" && mend unsent "$what $pad" ;;
		2) what="growth $i" && mend grow --category mind --minutes 10 "$what $pad" ;;
		esac
		[ "$RC" -eq 0 ] || break
		ids+=("$(saved_id)")
		after_fill=$((after_fill + 1))
	done
	echo "$after_fill writes fitted after filling; write $i ($what) failed: exit $RC: $(<"$ERR")"
	[ "$RC" -ne 0 ] || fail "300 writes of 3 KB fitted on a 600 KiB disk: it never filled"
	[ "$after_fill" -ge 1 ] || fail "no write fitted after filling: leave more room"
	# the failing write: exit 1, one clear line, nothing claimed saved
	expect_rc 1
	expect_err "disk is full"
	expect_err "nothing was saved"
	expect_one_line_err
	expect_no_out
	# the journal is sound and holds every confirmed entry, not the failed one
	sound "after the failed write"
	expect_ids "${ids[@]}"
	expect_eq "$(jq --arg w "$what " '[.[] | select(.text | startswith($w))] | length' "$OUT")" 0 \
		"entries with the failed write's text"
	expect_eq "$(json length)" "${#ids[@]}" "entries in the journal"
	# reading still works with the disk full
	mend show "${ids[-1]}" --json
	expect_rc 0
	mend status
	expect_rc 0
	# the failed write again: still refused the same way
	mend reflect "$what $pad"
	expect_rc 1
	expect_err "disk is full"
	# room again: the next write succeeds, and everything is there
	rm -f "$DISK/filler"
	mend reflect "after the disk was freed"
	expect_rc 0
	ids+=("$(saved_id)")
	sound "after freeing the disk"
	expect_ids "${ids[@]}"
	expect_eq "$(json length)" "${#ids[@]}" "entries after freeing the disk"
}

t_write_until_the_disk_is_full() {
	with_tmpfs fill_until_failure
}

# --- every kind of write on a disk with no room at all ---

every_write_refused() {
	export MEND_DB="$DISK/journal.db"
	local id sum cmd
	mend start --date 2026-01-01 --name Alex
	expect_rc 0
	mend checkin --mood 5
	expect_rc 0
	mend reflect "a reflection to edit and delete"
	expect_rc 0
	id=$(saved_id)
	fill 0
	head -c 65536 /dev/zero >>"$DISK/filler" 2>/dev/null # the last blocks
	echo "free: $(free_kib) KiB"
	printf '%s\n' '{"entries": [{"title": "from jrnl", "body": "b", "date": "2025-11-01", "time": "09:00"}]}' >"$WORK/one.json"
	sum=$(sha256sum <"$MEND_DB")
	for cmd in "checkin --mood 7" "contact --by me --channel text" "urge --level 4" \
		"unsent words" "seal --until-day 20 letter" "reflect words" "accept words" \
		"grow --category body --minutes 5 ran" "decide part-ways" \
		"start --date 2026-01-02" "config goal 45" "edit $id changed" \
		"delete $id --yes" "import $WORK/one.json"; do
		# shellcheck disable=SC2086
		mend $cmd
		echo "mend $cmd: exit $RC: $(<"$ERR")"
		expect_rc 1
		expect_err "disk is full"
		expect_no_out
		[ "$(sha256sum <"$MEND_DB")" = "$sum" ] || fail "the journal changed after mend $cmd"
	done
	sound "after the refused writes"
	mend list --json
	expect_rc 0
	expect_eq "$(json length)" 2 "entries on the full disk"
	# an export to the full disk: refused, and no half-written file left
	mend export -o "$DISK/backup.json"
	echo "mend export -o: exit $RC: $(<"$ERR")"
	expect_rc 1
	expect_one_line_err
	grep -qiE 'no space|disk is full' "$ERR" || fail "the export's message does not say the disk is full"
	expect_eq "$(cd "$DISK" && echo *)" "filler journal.db" "files on the disk after the export"
	rm -f "$DISK/filler"
	mend edit "$id" "changed after all"
	expect_rc 0
	sound "after freeing the disk"
}

t_every_write_on_a_full_disk() {
	with_tmpfs every_write_refused
}

run_tests
