# SPDX-License-Identifier: MIT
# The bad-input catalogue: every row of tests/bad_input.tsv is run against
# a journal with something in it, and must be refused with the right exit
# code and a message naming the problem, print nothing on stdout, and
# leave the journal file byte for byte as it was. One test walks all the
# rows, logs a line for each, and fails once at the end listing every row
# that did not hold.
. "$(dirname "$0")/lib.sh"

CATALOGUE="$(cd "$(dirname "$0")/.." && pwd)/bad_input.tsv"

# --- generators for standard input: each writes to stdout ---

stdin_text() { printf 'new text for the entry\n'; }
stdin_whitespace() { printf ' \n\t\r\n   \n'; }
stdin_bad_utf8() { printf 'before\xff after\n'; }
stdin_cut_utf8() { printf 'cut \xe2\x82'; }                # € cut short at the end
stdin_overlong_utf8() { printf 'over \xc0\xaf long\n'; }   # '/' in two bytes
stdin_surrogate_utf8() { printf 'surr \xed\xa0\x80 x\n'; } # U+D800
stdin_nul() { printf 'hello\0world\n'; }
stdin_10mib() { yes 'I keep writing the same line to you, again.' | head -c 10485760; }

# --- generators for files to import: each writes the file named $1, most
# of them by changing $GOOD, a good export of the row's journal ---

# jq_good FILE FILTER...: $GOOD through a jq filter into FILE
jq_good() {
	local out=$1
	shift
	jq "$@" "$GOOD" >"$out"
}

# repeat N TEXT: TEXT N times
repeat() {
	local s
	s=$(printf '%*s' "$1" '')
	printf '%s' "${s// /$2}"
}

gen_truncated_json() { head -c $(($(stat -c %s "$GOOD") / 2)) "$GOOD" >"$1"; }
gen_truncated_json_end() { head -c $(($(stat -c %s "$GOOD") - 2)) "$GOOD" >"$1"; }
gen_deep_arrays() {
	{
		printf '{"format": "mend-journal", "version": 1, "entries": '
		repeat 10000 '['
		repeat 10000 ']'
		printf '}\n'
	} >"$1"
}
gen_deep_objects() {
	{
		printf '{"format": "mend-journal", "version": 1, "entries": ['
		repeat 10000 '{"a": '
		printf '1'
		repeat 10000 '}'
		printf ']}\n'
	} >"$1"
}
gen_deep_top_level() {
	{
		repeat 10000 '['
		repeat 10000 ']'
		printf '\n'
	} >"$1"
}
gen_mood_is_string() { jq_good "$1" '(.entries[] | select(.kind == "checkin")).mood = "5"'; }
gen_contact_is_string() { jq_good "$1" '(.entries[] | select(.kind == "checkin")).contact = "yes"'; }
gen_text_is_number() { jq_good "$1" '(.entries[] | select(.kind == "reflection")).text = 42'; }
gen_entries_is_object() { jq_good "$1" '.entries = {}'; }
gen_mood_out_of_range() { jq_good "$1" '(.entries[] | select(.kind == "checkin")).mood = 11'; }
gen_day_impossible() { jq_good "$1" '(.entries[] | select(.kind == "checkin")).day = "2026-02-30"'; }
gen_unknown_kind() { jq_good "$1" '(.entries[] | select(.kind == "reflection")).kind = "diary"'; }
gen_duplicate_entry_ids() {
	jq_good "$1" '.entries[0].id = "22222222-2222-4222-8222-222222222222"
		| .entries[1].id = "22222222-2222-4222-8222-222222222222"'
}
gen_duplicate_period_ids() {
	jq_good "$1" '.periods[0].id = "11111111-1111-4111-8111-111111111111"
		| .periods += [.periods[0] | .ended_at = "2026-01-05T00:00:00Z"]'
}
gen_newer_version() { jq_good "$1" '.version = 2'; }
gen_not_json() { printf 'Dear diary,\nthis is not JSON at all.\n' >"$1"; }
gen_empty_file() { : >"$1"; }
gen_binary() { printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' >"$1"; }
gen_bad_utf8() {
	jq_good "$1.mid" '(.entries[] | select(.kind == "reflection")).text = "before BADBYTE after"'
	LC_ALL=C sed 's/BADBYTE/\xff\xfe/' "$1.mid" >"$1"
	rm -f "$1.mid"
}
gen_escape_in_kind() { jq_good "$1" '.entries[0].kind = "\u001b[2J\u001b[31mdiary"'; }

# --- the journal every row starts from ---

# make_template DB: the small journal each row gets a fresh copy of.
# Built once and copied, as writing it three times a row (each commit is
# synced) would make the catalogue slow; the copy is the same bytes.
make_template() {
	local db=$1
	MEND_DB=$db mend start --date 2026-01-01
	expect_rc 0
	MEND_DB=$db mend checkin --mood 5 --urge 3 --note "a hard morning"
	expect_rc 0
	MEND_DB=$db mend reflect "what I miss, and what I do not"
	expect_rc 0
	MEND_DB=$db mend list --json
	expect_rc 0
	REFLECTION_ID=$(json '.[] | select(.kind == "reflection") | .id')
	[ -n "$REFLECTION_ID" ] || fail "no reflection in the template journal"
	MEND_DB=$db mend export
	expect_rc 0
	cp "$OUT" "$GOOD"
	# the generators change these records: make sure they are there, and
	# that the unchanged file imports cleanly (so a refused file is refused
	# for the change, not for something else)
	expect_eq "$(jq -c '[(.periods | length), ([.entries[].kind] | sort)]' "$GOOD")" \
		'[1,["checkin","reflection"]]' "records in the template export"
	cp "$db" "$WORK/probe.db"
	MEND_DB="$WORK/probe.db" mend import --dry-run "$GOOD"
	expect_rc 0
	rm -f "$WORK/probe.db"
}

# printable FILE TEXT: FILE is UTF-8 without control characters (tab and line
# feed aside, C1 controls included), so what mend quotes back cannot move
# the cursor, retitle or clear the terminal.
# TEXT is FILE's content: plain printable ASCII is settled without grep.
printable() {
	local LC_ALL=C
	[[ $2 =~ ^[\ -~$'\t\n']*$ ]] && return 0
	LC_ALL=C.UTF-8
	! grep -qavxE "([^[:cntrl:]]|"$'\t'")*" "$1"
}

# The rows run one process of mend each, and this machine's fork and exec
# are not free: run_row uses shell built-ins for its checks, and keeps one
# journal ($DB), copied from the template again only when a row changed it
# (which is itself a failure). Unchanged, it is byte for byte a fresh copy.

# run_row LINE TARGET ARGS STDIN MESSAGE EXIT: run one row; sets RESULT to
# "ok" or the reasons it failed, on one line.
run_row() {
	local target=$2 args=$3 input=$4 msg=$5 want=$6 # $1, the line, is for the log
	local rc after text lines=() why=() argv=() in=/dev/null extra
	RESULT=
	if [ "$input" != - ]; then
		if ! declare -F "$input" >/dev/null; then
			RESULT="no stdin generator '$input'"
			return
		fi
		"$input" >"$ROW/stdin"
		in="$ROW/stdin"
	fi
	case $target in
	cli)
		args=${args//%REFLECTION_ID%/$REFLECTION_ID}
		if ! eval "argv=($args)" 2>/dev/null; then
			RESULT="cannot parse the arguments"
			return
		fi
		;;
	import)
		if ! declare -F "$args" >/dev/null; then
			RESULT="no file generator '$args'"
			return
		fi
		if ! "$args" "$ROW/bad.json"; then
			RESULT="the generator $args failed"
			return
		fi
		argv=(import "$ROW/bad.json")
		;;
	*)
		RESULT="unknown target '$target'"
		return
		;;
	esac
	# $DB is a copy of the template: its checksum is $BEFORE
	MEND_DB=$DB "$MEND" "${argv[@]}" <"$in" >"$ROW/out" 2>"$ROW/err"
	rc=$?
	sha256sum <"$DB" >"$ROW/sum" # a file, not $(...): one fork fewer a row
	read -r after <"$ROW/sum"

	text=
	IFS= read -r -d '' text <"$ROW/err"
	mapfile -t lines <"$ROW/err"
	[ "$rc" -lt 128 ] || why+=("crashed (exit $rc)")
	[ "$rc" -eq "$want" ] || why+=("exit $rc, expected $want")
	[[ $text == *"$msg"* ]] || why+=("stderr lacks '$msg'")
	if [ "$target" = cli ] && { [ ${#lines[@]} -ne 1 ] || [[ $text != *$'\n' ]]; }; then
		why+=("stderr has ${#lines[@]} lines, not 1")
	fi
	if [ -s "$ROW/out" ]; then
		local first=
		read -r first <"$ROW/out"
		why+=("stdout is not empty (${first:0:120})")
	fi
	printable "$ROW/err" "$text" || why+=("stderr has control characters or bytes that are not UTF-8")
	if [ "$after" != "$BEFORE" ]; then
		why+=("the journal file changed")
		cp "$TEMPLATE" "$DB"
	fi
	extra=("$ROW"/db/* "$ROW"/db/.[!.]*)
	if [ "${extra[*]}" != "$DB" ]; then
		why+=("files beside the journal: ${extra[*]#"$ROW"/db/}")
		rm -f "${extra[@]}"
		cp "$TEMPLATE" "$DB"
	fi
	# stdin, bad.json and sum are overwritten by the next row that needs them

	if [ ${#why[@]} -eq 0 ]; then
		RESULT=ok
	else
		local IFS=';'
		RESULT="${why[*]}; stderr: ${text:0:300}"
		RESULT=${RESULT//$'\n'/|}
	fi
}

t_catalogue() {
	local line lineno=0 rows=0 bad=0 target args input msg want extra
	local failed=()
	TEMPLATE="$WORK/template/journal.db" GOOD="$WORK/good.json"
	ROW="$WORK/row" DB="$WORK/row/db/journal.db"
	mkdir -p "$WORK/template" "$ROW/db"
	make_template "$TEMPLATE"
	: >"$OUT"
	[ -r "$CATALOGUE" ] || fail "cannot read $CATALOGUE"
	cp "$TEMPLATE" "$DB"
	sha256sum <"$DB" >"$ROW/sum"
	read -r BEFORE <"$ROW/sum"
	shopt -s nullglob

	while IFS= read -r line || [ -n "$line" ]; do
		lineno=$((lineno + 1))
		case $line in '' | '#'*) continue ;; esac
		extra=
		IFS=$'\t' read -r target args input msg want extra <<<"$line"
		rows=$((rows + 1))
		if [ -n "${extra:-}" ] || [ -z "${want:-}" ] || [ -z "$msg" ]; then
			RESULT="the row does not have 5 tab-separated columns"
		elif ! [[ $want =~ ^[0-9]+$ ]]; then
			RESULT="the exit column is not a number: '$want'"
		else
			run_row "$lineno" "$target" "$args" "$input" "$msg" "$want"
		fi
		if [ "$RESULT" = ok ]; then
			echo "ok   line $lineno: $target $args (stdin $input)"
		else
			bad=$((bad + 1))
			echo "FAIL line $lineno: $target $args (stdin $input): $RESULT" | cat -v
			failed+=("line $lineno: $target $args (stdin $input): $RESULT")
		fi
	done <"$CATALOGUE"

	echo "$rows rows, $((rows - bad)) held, $bad failed"
	[ "$rows" -ge 100 ] || fail "only $rows rows in $CATALOGUE"
	if [ "$bad" -gt 0 ]; then
		echo "--- the rows that failed:"
		printf '%s\n' "${failed[@]}" | cat -v
		fail "$bad of $rows rows of bad_input.tsv failed"
	fi
}

run_tests
