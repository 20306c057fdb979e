#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the command-line tests with every mend invocation under valgrind's
# memcheck. Any memory error, or any byte definitely lost, makes that
# invocation exit 99, which fails its test; the totals are printed last.
# Usage: tests/valgrind.sh MEND_BINARY
set -u
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
mend=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# some tests run mend as another user (nobody): the wrapper must be
# runnable, and the log directory writable, by them too
chmod 755 "$work"
mkdir "$work/logs"
chmod 1777 "$work/logs"
cat >"$work/mend" <<WRAP
#!/bin/sh
# valgrind keeps temporary files in TMPDIR; another user may not write there
[ -w "\${TMPDIR:-/tmp}" ] || export TMPDIR="$work/logs"
exec valgrind --quiet --error-exitcode=99 --leak-check=full \\
	--suppressions="$here/valgrind.supp" \\
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \\
	--log-file="$work/logs/vg.%p.log" "$mend" "\$@"
WRAP
chmod +x "$work/mend"
status=0
for f in "$here"/cli/${VALGRIND_TESTS:-test_*}.sh; do
	MEND="$work/mend" bash "$f" >"$work/out" 2>&1 || status=1
	grep -q '^not ok' "$work/out" && status=1
	grep '^not ok' "$work/out"
done
runs=$(ls "$work"/logs/vg.*.log 2>/dev/null | wc -l)
bad=0
for log in "$work"/logs/vg.*.log; do
	[ -s "$log" ] || continue
	bad=$((bad + 1))
	echo "--- $log"
	head -30 "$log"
done
echo "valgrind: $runs runs of mend, $bad with errors or definite leaks"
[ "$bad" -eq 0 ] && [ "$status" -eq 0 ]
