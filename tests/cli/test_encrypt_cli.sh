#!/bin/bash
# SPDX-License-Identifier: MIT
# Encryption at rest from the command line: mend encrypt/decrypt/
# passphrase/unlock/lock, the key kept in a session keyring of each
# test's own, passphrases from MEND_PASSPHRASE_COMMAND, the delay after
# wrong ones, and exports sealed with age (read back by the real age).
. "$(dirname "$0")/lib.sh"

# Each test gets a session keyring of its own, so no key is shared.
if [ -z "${MEND_TEST_KEYRING:-}" ] && command -v keyctl >/dev/null 2>&1; then
	export MEND_TEST_KEYRING=1
	exec keyctl session - bash "$0" "$@" 2> >(grep -v '^Joined session keyring' >&2)
fi

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
	python3 - "$1" "$(dirname "$MEND")/data/mend-journal.schema.json" <<'EOP' || fail "the export does not validate"
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

run_tests
