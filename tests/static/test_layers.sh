#!/bin/sh
# SPDX-License-Identifier: MIT
# The architecture, checked: the core never touches the terminal (no
# curses, no printing, no exit), and no SQL is written outside the store.
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here" || exit 1

check() {
	name=$1
	shift
	if out=$("$@"); [ -z "$out" ]; then
		echo "ok static: $name"
	else
		echo "not ok static: $name"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
}

check core_has_no_curses grep -nE '#include *[<"](n?curses|term)' src/core/*.c include/mend/*.h
# Writing to a stream the caller hands in (an export) is fine; reaching
# for the terminal's own streams, or ending the process, is not.
check core_does_not_print grep -nE '\b(printf|puts|putchar|perror|exit|abort)\s*\(' src/core/*.c
check core_does_not_touch_stdio_streams grep -nE '\b(stdout|stderr|stdin)\b' src/core/*.c
check no_sql_outside_the_store sh -c "grep -nE '\"(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|BEGIN|COMMIT)[ ;]' src/cli/*.c src/ui/*.c src/main.c \$(ls src/core/*.c | grep -v '/store')"
check sqlite_only_in_the_store sh -c "grep -ln 'sqlite3' src/cli/*.c src/ui/*.c src/main.c \$(ls src/core/*.c | grep -v '/store')"
check every_source_has_a_licence_line sh -c "for f in src/*.c src/*/*.c src/*/*.h include/mend/*.h; do head -1 \"\$f\" | grep -q 'SPDX-License-Identifier' || echo \"\$f\"; done"
