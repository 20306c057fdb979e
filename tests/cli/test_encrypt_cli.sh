#!/bin/bash
# SPDX-License-Identifier: MIT
# Encryption at rest from the command line: mend encrypt/decrypt/
# passphrase/unlock/lock, the key kept in a session keyring of each
# test's own, passphrases from MEND_PASSPHRASE_COMMAND, the delay after
# wrong ones, and exports sealed with age (read back by the real age).
. "$(dirname "$0")/lib.sh"
# the schemas of the source tree, wherever the binary was built
DATA_DIR=$(cd "$(dirname "$0")/../.." && pwd)/data

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1
WORDS="juniperlantern quietharbourday"

# pass_script FILE UNLOCK [NEW] [EXPORT]: a passphrase command answering
# each question MEND_PASSPHRASE_FOR asks
pass_script() {
	local f=$1
	cat >"$f" <<EOS
#!/bin/sh
case "\$MEND_PASSPHRASE_FOR" in
unlock) printf '%s\n' '$2' ;;
new) printf '%s\n' '${3:-$2}' ;;
export|import) printf '%s\n' '${4:-$2}' ;;
*) exit 3 ;;
esac
EOS
	chmod 700 "$f"
	export MEND_PASSPHRASE_COMMAND="$f"
}

# mend_notty ARGS...: mend without a controlling terminal, so that a
# locked journal cannot ask on the terminal the tests were started from
mend_notty() {
	setsid -w "$MEND" "$@" >"$OUT" 2>"$ERR" </dev/null
	RC=$?
}

new_session() {
	keyctl new_session >/dev/null 2>&1 || keyctl session - true
}

# a journal with known words in several places
fill() {
	mend start --date 2026-01-01 --name "Quillon"
	expect_rc 0
	mend checkin --mood 4 --note "juniperlantern in the morning"
	expect_rc 0
	mend reflect "a quietharbourday of rain"
	expect_rc 0
	mend unsent "juniperlantern letter I will not send"
	expect_rc 0
}

grep_words() {
	local f
	for f in "$@"; do
		[ -e "$f" ] || continue
		for w in $WORDS Quillon; do
			if grep -aq "$w" "$f"; then
				echo "$w in $f"
				return 0
			fi
		done
	done
	return 1
}

age_pty() {
	# age_pty PASSPHRASE ARGS...: run age with the passphrase typed on a
	# pseudo-terminal, as age reads it from nowhere else
	python3 - "$@" <<'EOP'
import os, pty, sys
pw, args = sys.argv[1].encode(), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("age", ["age"] + args)
buf, asked = b"", 0
try:
    while True:
        d = os.read(fd, 256)
        if not d:
            break
        buf += d
        if buf.lower().count(b"passphrase") > asked and buf.rstrip().endswith(b":"):
            asked += 1
            os.write(fd, pw + b"\n")
except OSError:
    pass
_, st = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(st))
EOP
}

schema_ok() {
	python3 - "$1" "$DATA_DIR/mend-journal.schema.json" <<'EOP' || fail "the export does not validate"
import json, sys, jsonschema
doc = json.load(open(sys.argv[1]))
jsonschema.validate(doc, json.load(open(sys.argv[2])))
EOP
}

# --- exports sealed with age (any journal) ---

t_export_encrypt_passphrase_opens_with_age() {
	fill
	pass_script "$WORK/pw" "unused" "unused" "export words"
	mend export --encrypt -o "$WORK/out.age"
	expect_rc 0
	expect_out "sealed with age"
	head -c 22 "$WORK/out.age" | grep -q '^age-encryption.org/v1' ||
		fail "not an age file"
	grep_words "$WORK/out.age" && fail "plaintext in the sealed export"
	age_pty "export words" -d -o "$WORK/plain.json" "$WORK/out.age" ||
		fail "age could not open it"
	jq -e '.entries | length == 3' "$WORK/plain.json" >/dev/null ||
		fail "entries lost"
	grep -q juniperlantern "$WORK/plain.json" || fail "the words are not in it"
	schema_ok "$WORK/plain.json"
}

t_export_encrypt_wrong_passphrase_does_not_open() {
	fill
	pass_script "$WORK/pw" "x" "x" "the right one"
	mend export --encrypt -o "$WORK/out.age"
	expect_rc 0
	age_pty "another one" -d -o "$WORK/plain.json" "$WORK/out.age" &&
		fail "age opened it with the wrong passphrase"
	[ ! -s "$WORK/plain.json" ] || fail "something was written"
}

t_export_encrypt_to_recipient_opens_with_identity() {
	fill
	age-keygen -o "$WORK/id.txt" 2>/dev/null
	local r
	r=$(age-keygen -y "$WORK/id.txt")
	"$MEND" export --encrypt-to "$r" >"$WORK/out.age" 2>"$ERR" ||
		fail "export failed"
	grep_words "$WORK/out.age" && fail "plaintext in the sealed export"
	age -d -i "$WORK/id.txt" -o "$WORK/plain.json" "$WORK/out.age" ||
		fail "age could not open it"
	jq -e '.entries | length == 3' "$WORK/plain.json" >/dev/null ||
		fail "entries lost"
	schema_ok "$WORK/plain.json"
}

t_export_encrypt_to_file_of_recipients() {
	fill
	age-keygen -o "$WORK/a.txt" 2>/dev/null
	age-keygen -o "$WORK/b.txt" 2>/dev/null
	{ age-keygen -y "$WORK/a.txt"; age-keygen -y "$WORK/b.txt"; } >"$WORK/recipients"
	mend export --encrypt-to-file "$WORK/recipients" -o "$WORK/out.age"
	expect_rc 0
	for k in a b; do
		age -d -i "$WORK/$k.txt" "$WORK/out.age" | jq -e '.entries | length == 3' >/dev/null ||
			fail "identity $k could not open it"
	done
}

t_export_encrypt_keeps_plaintext_out_of_the_temp_directory() {
	fill
	for i in $(seq 1 300); do echo "{\"id\":\"00000000-0000-4000-8000-$(printf %012d $i)\",\"kind\":\"reflection\",\"module\":\"reflection\",\"created_at\":\"2026-01-02T00:00:00Z\",\"updated_at\":\"2026-01-02T00:00:00Z\",\"text\":\"juniperlantern $i $(head -c 3000 /dev/zero | tr '\0' x)\"}"; done |
		jq -s '{format:"mend-journal",version:1,exported_at:"2026-01-02T00:00:00Z",app_version:"t",settings:{},periods:[],entries:.}' >"$WORK/big.json"
	mend import "$WORK/big.json"
	expect_rc 0
	rm -f "$WORK/big.json"
	mkdir -p "$WORK/tmp"
	pass_script "$WORK/pw" "x" "x" "sealed"
	# a slow reader keeps the export running while the directory is read
	TMPDIR="$WORK/tmp" "$MEND" export --encrypt 2>/dev/null |
		(sleep 1; cat >"$WORK/out.age") &
	local pid=$! found=
	for _ in $(seq 1 20); do
		found=$(grep -rla juniperlantern "$WORK/tmp" "$WORK" --exclude-dir=home 2>/dev/null |
			grep -v "journal.db" | head -1)
		[ -n "$found" ] && break
		sleep 0.05
	done
	wait "$pid"
	[ -z "$found" ] || fail "plaintext found in $found during the export"
	grep_words "$WORK/out.age" && fail "plaintext in the sealed export"
	age_pty "sealed" -d "$WORK/out.age" | jq -e '.entries | length == 303' >/dev/null ||
		fail "the sealed export does not open whole"
}

t_import_age_passphrase_export_round_trip() {
	fill
	pass_script "$WORK/pw" "x" "x" "round trip"
	mend export --encrypt -o "$WORK/out.age"
	expect_rc 0
	MEND_DB="$WORK/other.db" "$MEND" import "$WORK/out.age" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_out "4 added"
	MEND_DB="$WORK/other.db" "$MEND" list --search juniperlantern --json >"$OUT"
	expect_eq "$(json 'length')" 2 "entries found in the import"
}

t_import_age_wrong_passphrase_imports_nothing() {
	fill
	pass_script "$WORK/pw" "x" "x" "right"
	mend export --encrypt -o "$WORK/out.age"
	pass_script "$WORK/pw" "x" "x" "wrong"
	MEND_DB="$WORK/other.db" "$MEND" import "$WORK/out.age" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 2
	expect_err "not the passphrase this export was sealed with"
	[ ! -e "$WORK/other.db" ] || fail "a journal was created"
}

t_import_age_with_identity() {
	fill
	age-keygen -o "$WORK/id.txt" 2>/dev/null
	mend export --encrypt-to "$(age-keygen -y "$WORK/id.txt")" -o "$WORK/out.age"
	expect_rc 0
	MEND_DB="$WORK/other.db" "$MEND" import --identity "$WORK/id.txt" "$WORK/out.age" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_out "4 added"
}

t_import_age_from_age_itself_with_passphrase() {
	fill
	mend export -o "$WORK/plain.json"
	age_pty "typed in age" -p -o "$WORK/by-age.age" "$WORK/plain.json" ||
		fail "age could not seal it"
	pass_script "$WORK/pw" "x" "x" "typed in age"
	MEND_DB="$WORK/other.db" "$MEND" import "$WORK/by-age.age" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_out "4 added"
}

t_import_age_key_without_identity_is_refused() {
	fill
	age-keygen -o "$WORK/id.txt" 2>/dev/null
	mend export --encrypt-to "$(age-keygen -y "$WORK/id.txt")" -o "$WORK/out.age"
	local before
	before=$(db_sum)
	mend import "$WORK/out.age"
	expect_rc 2
	expect_err "give its identity file with --identity FILE"
	expect_db "$before"
}

t_export_encrypt_refuses_a_terminal() {
	fill
	pass_script "$WORK/pw" "x" "x" "x"
	script -qec "$MEND export --encrypt" /dev/null >"$OUT" 2>&1
	grep -q "a sealed export is binary" "$OUT" || fail "no refusal on a terminal"
}

# --- the encrypted journal from the command line ---

# encrypt PASSPHRASE: encrypt the journal; the recovery key into $RECOVERY
encrypt() {
	pass_script "$WORK/pw" "$1"
	mend encrypt
	expect_rc 0
	RECOVERY=$(grep -oE '([A-Z2-7]{4}-){13}[A-Z2-7]{4}' "$OUT" | head -1)
}

t_encrypt_then_commands_use_the_keyring_without_asking() {
	new_session
	fill
	encrypt "first passphrase"
	expect_out "recovery key"
	expect_out "no one can open the journal"
	[ -n "$RECOVERY" ] || fail "no recovery key shown"
	grep_words "$MEND_DB" && fail "plaintext in the encrypted journal"
	unset MEND_PASSPHRASE_COMMAND
	mend_notty list --json
	expect_rc 0
	expect_eq "$(json 'length')" 3 "entries listed through the keyring"
	mend list --search juniperlantern --json
	expect_rc 0
	expect_eq "$(json 'length')" 2 "entries found"
	mend reflect "another juniperlantern evening"
	expect_rc 0
	grep_words "$MEND_DB" "$MEND_DB-journal" && fail "plaintext after a write"
	true
}

t_lock_forgets_the_key_and_the_next_command_asks() {
	new_session
	fill
	encrypt "a passphrase"
	mend lock
	expect_rc 0
	expect_out "Locked."
	[ -z "$(keyctl rlist @s 2>/dev/null)" ] || fail "the session keyring still holds a key"
	unset MEND_PASSPHRASE_COMMAND
	local before
	before=$(db_sum)
	mend_notty checkin --mood 6
	expect_rc 1
	expect_err "the journal is locked (it is encrypted): run 'mend unlock' (or set MEND_PASSPHRASE_COMMAND)"
	expect_one_line_err
	expect_db "$before"
	pass_script "$WORK/pw" "a passphrase"
	mend checkin --mood 6
	expect_rc 0
	# and it is kept again for the next one
	unset MEND_PASSPHRASE_COMMAND
	mend list --json
	expect_rc 0
}

t_wrong_passphrase_is_refused_writes_nothing_and_slows_repeats() {
	new_session
	fill
	encrypt "the right one"
	mend lock
	pass_script "$WORK/pw" "not it"
	local before t0 t1
	before=$(db_sum)
	for i in 1 2 3; do
		mend checkin --mood 6
		expect_rc 1
		expect_err "that passphrase does not open this journal; nothing was changed"
		expect_db "$before"
	done
	expect_eq "$(stat -c %a "$MEND_DB.tries")" 600 "the count's mode"
	t0=$(date +%s%N)
	mend checkin --mood 6
	t1=$(date +%s%N)
	expect_rc 1
	expect_err "waiting 1 second"
	[ $(((t1 - t0) / 1000000)) -ge 1000 ] || fail "the fourth try did not wait"
	t0=$(date +%s%N)
	mend checkin --mood 6
	t1=$(date +%s%N)
	[ $(((t1 - t0) / 1000000)) -ge 2000 ] || fail "the fifth try did not wait 2 s"
	expect_db "$before"
	pass_script "$WORK/pw" "the right one"
	mend checkin --mood 6
	expect_rc 0
	[ ! -e "$MEND_DB.tries" ] || fail "the right passphrase did not clear the count"
}

t_passphrase_command_that_fails_is_a_clear_error() {
	new_session
	fill
	encrypt "pp"
	mend lock
	export MEND_PASSPHRASE_COMMAND="exit 4"
	mend list
	expect_rc 2
	expect_err "MEND_PASSPHRASE_COMMAND failed (exit status 4)"
	expect_one_line_err
}

t_decrypt_round_trip_keeps_every_entry() {
	new_session
	fill
	mend tags
	mend export -o "$WORK/before.json"
	expect_rc 0
	encrypt "round trip"
	mend lock
	mend decrypt
	expect_rc 0
	expect_out "plain again"
	unset MEND_PASSPHRASE_COMMAND
	mend export -o "$WORK/after.json"
	expect_rc 0
	expect_no_err_warning
	local a b
	a=$(jq -S '{entries, periods, settings}' "$WORK/before.json")
	b=$(jq -S '{entries, periods, settings}' "$WORK/after.json")
	[ "$a" = "$b" ] || fail "the journal changed in the round trip"
	grep -aq juniperlantern "$MEND_DB" || fail "the plain journal lacks its words"
}

expect_no_err_warning() {
	! grep -q "warning" "$ERR" || fail "an unexpected warning: $(cat "$ERR")"
}

t_passphrase_change_keeps_data_and_old_one_stops_working() {
	new_session
	fill
	encrypt "old words"
	pass_script "$WORK/pw" "old words" "new words"
	mend passphrase
	expect_rc 0
	expect_out "The passphrase is changed"
	mend lock
	pass_script "$WORK/pw" "old words"
	mend list
	expect_rc 1
	expect_err "does not open"
	pass_script "$WORK/pw" "new words"
	mend list --json
	expect_rc 0
	expect_eq "$(json 'length')" 3 "entries after the change"
}

t_recovery_key_sets_a_new_passphrase() {
	new_session
	fill
	encrypt "forgotten soon"
	[ -n "$RECOVERY" ] || fail "no recovery key"
	mend lock
	pass_script "$WORK/pw" "$RECOVERY" "remembered now"
	mend passphrase --recovery-key
	expect_rc 0
	mend lock
	pass_script "$WORK/pw" "remembered now"
	mend list --json
	expect_rc 0
	expect_eq "$(json 'length')" 3 "entries opened with the new passphrase"
}

t_no_recovery_key_says_a_lost_passphrase_is_lost() {
	new_session
	fill
	pass_script "$WORK/pw" "alone"
	mend encrypt --no-recovery-key
	expect_rc 0
	expect_out "cannot be recovered"
	grep -qE '([A-Z2-7]{4}-){13}' "$OUT" && fail "a recovery key was shown"
	true
}

t_encrypt_twice_is_refused() {
	new_session
	fill
	encrypt "once"
	local before
	before=$(db_sum)
	mend encrypt
	expect_rc 2
	expect_err "already encrypted"
	expect_db "$before"
}

t_status_line_on_a_locked_journal_never_asks() {
	new_session
	fill
	encrypt "prompt"
	mend lock
	cat >"$WORK/asked" <<'EOS'
#!/bin/sh
touch "$(dirname "$0")/was-asked"
echo prompt
EOS
	chmod 700 "$WORK/asked"
	export MEND_PASSPHRASE_COMMAND="$WORK/asked"
	mend status --line
	expect_rc 0
	expect_out "locked"
	[ ! -e "$WORK/was-asked" ] || fail "the status line asked for the passphrase"
	# nor on a terminal, where a prompt could wait for an answer
	unset MEND_PASSPHRASE_COMMAND
	script -qec "$MEND status --line" /dev/null >"$OUT" 2>&1 </dev/null
	expect_out "mend: locked"
	grep -qi "passphrase" "$OUT" && fail "the status line asked on the terminal: $(cat "$OUT")"
	export MEND_PASSPHRASE_COMMAND="$WORK/asked"
	# unlocked, it shows the day as before
	mend unlock
	expect_rc 0
	mend status --line
	expect_rc 0
	expect_out "day"
}

t_export_of_an_encrypted_journal_warns_unless_sealed() {
	new_session
	fill
	encrypt "exports"
	mend export -o "$WORK/plain.json"
	expect_rc 0
	expect_err "warning: the journal is encrypted, but this export is plaintext"
	pass_script "$WORK/pw" "exports" "exports" "for the export"
	mend export --encrypt -o "$WORK/sealed.age"
	expect_rc 0
	expect_no_err_warning
	grep_words "$WORK/sealed.age" && fail "plaintext in the sealed export"
	age_pty "for the export" -d "$WORK/sealed.age" | jq -e '.entries | length == 3' >/dev/null ||
		fail "age could not open the sealed export"
}

t_unlock_minutes_zero_keeps_no_key() {
	new_session
	fill
	encrypt "every time"
	mend config unlock-minutes 0
	expect_rc 0
	[ -z "$(keyctl rlist @s 2>/dev/null)" ] || fail "a key is still kept"
	mend unlock
	expect_rc 0
	expect_out "not kept"
	unset MEND_PASSPHRASE_COMMAND
	mend_notty list
	expect_rc 1
	expect_err "the journal is locked (it is encrypted)"
}

t_unlock_keeps_the_key_with_a_timeout() {
	new_session
	fill
	encrypt "timed"
	mend config unlock-minutes 7
	expect_rc 0
	mend lock
	mend unlock
	expect_rc 0
	expect_out "Unlocked for 7 minutes"
	local k
	k=$(keyctl rlist @s)
	[ -n "$k" ] || fail "no key kept"
	keyctl rdescribe "$k" | grep -q '^user;.*;mend:[0-9a-f]*$' ||
		fail "the key is not mend's: $(keyctl rdescribe "$k")"
	# possessor-only: nothing for the user or others outside the session
	local perm
	perm=$(keyctl rdescribe "$k" | cut -d';' -f4)
	[ "${perm: -6}" = "000000" ] || fail "the key can be read outside the session (perm $perm)"
}

t_terminal_passphrase_is_not_echoed_and_ctrl_c_restores_the_terminal() {
	new_session
	fill
	encrypt "typed secretly"
	mend lock
	unset MEND_PASSPHRASE_COMMAND
	python3 - "$MEND" <<'EOP' || fail "the terminal prompt misbehaved"
import os, pty, sys, termios, time
def run(answer):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sys.argv[1], [sys.argv[1], "list"])
    buf = b""
    while b"Passphrase" not in buf:
        buf += os.read(fd, 256)
    time.sleep(0.2)
    os.write(fd, answer)
    try:
        while True:
            d = os.read(fd, 256)
            if not d: break
            buf += d
    except OSError:
        pass
    _, st = os.waitpid(pid, 0)
    return buf, os.waitstatus_to_exitcode(st), fd
buf, rc, fd = run(b"typed secretly\n")
assert rc == 0, (rc, buf)
assert b"typed secretly" not in buf, buf
assert b"juniperlantern" in buf, buf
import subprocess
subprocess.run([sys.argv[1], "lock"], check=True, stdout=subprocess.DEVNULL)
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "list"])
buf = b""
while b"Passphrase" not in buf:
    buf += os.read(fd, 256)
time.sleep(0.2)
assert not termios.tcgetattr(fd)[3] & termios.ECHO, "echo is on while asking"
os.write(fd, b"\x03")
_, st = os.waitpid(pid, 0)
assert os.WIFSIGNALED(st) and os.WTERMSIG(st) == 2, st
assert termios.tcgetattr(fd)[3] & termios.ECHO, "echo stayed off after Ctrl-C"
EOP
}

t_killed_encrypt_leaves_the_plain_journal_whole() {
	new_session
	awk 'BEGIN {
		printf "{\"format\":\"mend-journal\",\"version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\",\"app_version\":\"t\",\"settings\":{},\"periods\":[],\"entries\":["
		for (i = 0; i < 6000; i++)
			printf "%s{\"id\":\"00000000-0000-4000-8000-%012d\",\"kind\":\"reflection\",\"module\":\"reflection\",\"created_at\":\"2026-01-02T00:00:00Z\",\"updated_at\":\"2026-01-02T00:00:00Z\",\"text\":\"juniperlantern %d with several words to index\"}", (i ? "," : ""), i, i
		printf "]}"
	}' >"$WORK/big.json"
	mend import "$WORK/big.json"
	expect_rc 0
	pass_script "$WORK/pw" "interrupted"
	local killed=0
	for delay in 0.05 0.1 0.2 0.4; do
		"$MEND" encrypt >/dev/null 2>&1 &
		local pid=$!
		sleep "$delay"
		kill -9 "$pid" 2>/dev/null && killed=1
		wait "$pid" 2>/dev/null
		unset MEND_PASSPHRASE_COMMAND
		mend_notty list --search juniperlantern --json
		if [ "$RC" -eq 0 ]; then
			expect_eq "$(json 'length')" 6000 "entries after a killed encrypt"
			[ "$(sqlite3 "$MEND_DB" 'pragma integrity_check')" = ok ] ||
				fail "the journal is damaged"
		else
			# it finished before the kill: encrypted and whole
			pass_script "$WORK/pw" "interrupted"
			mend list --search juniperlantern --json
			expect_rc 0
			expect_eq "$(json 'length')" 6000 "entries after encrypting"
			break
		fi
		pass_script "$WORK/pw" "interrupted"
	done
	[ "$killed" -eq 1 ] || fail "no encrypt was killed mid-way"
	# left alone, it finishes: encrypted, and every entry there
	pass_script "$WORK/pw" "interrupted"
	mend_notty encrypt
	[ "$RC" -eq 0 ] || grep -q "already encrypted" "$ERR" || fail "encrypt failed: $(cat "$ERR")"
	grep_words "$MEND_DB" && fail "plaintext in the encrypted journal"
	mend_notty list --search juniperlantern --json
	expect_rc 0
	expect_eq "$(json 'length')" 6000 "entries in the encrypted journal"
}

run_tests
