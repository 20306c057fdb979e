# SPDX-License-Identifier: MIT
# shellcheck shell=sh
# shellcheck disable=SC3013 # test -nt: dash, bash and busybox have it
# Building the fuzz targets; sourced by run.sh and replay.sh from the
# top of the source tree. The sources are compiled straight from src/
# (nothing of the Makefile's build/ is reused), with the Makefile's
# defines and include paths, into objects under a directory of their
# own, rebuilt when a source, any header or the flags change.

FUZZ_TARGETS="fuzz_import fuzz_content fuzz_textbuf fuzz_args"
# (the quotes are meant literally: MEND_VERSION is a C string)
# shellcheck disable=SC2089
FUZZ_DEFS="-D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DMEND_VERSION=\"fuzz\""
FUZZ_INCS="-Iinclude -Isrc/core"

# A directory for the targets' temporary journals, removed at the end
# (a crashing target cannot clean up after itself): in /dev/shm when
# there is one, as SQLite syncs every commit.
fuzz_tmpdir() {
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then
		base=/dev/shm
	else
		base=${TMPDIR:-/tmp}
	fi
	FUZZ_TMP=$(mktemp -d "$base/mend-fuzz.XXXXXX") || exit 2
	MEND_FUZZ_TMPDIR=$FUZZ_TMP
	export MEND_FUZZ_TMPDIR
	trap 'rm -rf "$FUZZ_TMP"' EXIT
	trap 'rm -rf "$FUZZ_TMP"; exit 130' HUP INT PIPE TERM
}

# pkg-config's flags, without the feature macros that would clash with
# ours (as the Makefile does).
fuzz_pkg_flags() {
	FUZZ_PKG_CFLAGS=
	FUZZ_PKG_LIBS=
	if command -v pkg-config >/dev/null 2>&1 &&
		raw=$(pkg-config --cflags sqlite3 libcjson ncursesw libsodium libkeyutils libsecret-1 2>/dev/null); then
		for f in $raw; do
			case $f in
			-D_XOPEN_SOURCE=* | -D_DEFAULT_SOURCE) ;;
			*) FUZZ_PKG_CFLAGS="$FUZZ_PKG_CFLAGS $f" ;;
			esac
		done
		FUZZ_PKG_LIBS="$(pkg-config --libs sqlite3 libcjson ncursesw libsodium libkeyutils) -lm"
	else
		FUZZ_PKG_CFLAGS="-I/usr/include/cjson"
		FUZZ_PKG_LIBS="-lsqlite3 -lcjson -lncursesw -lsodium -lkeyutils -lm"
	fi
	FUZZ_PKG_LIBS="$FUZZ_PKG_LIBS -lunistring"
}

# The object of a source: OUT/obj/<its directory's name>_<name>.o, in
# $obj (no command substitution: a process per file is slow on some
# hosts).
fuzz_obj() {
	_base=${2##*/}
	_dir=${2%/*}
	_dir=${_dir##*/}
	obj="$1/obj/${_dir}_${_base%.c}.o"
}

# The messages of the compiles that made no object.
fuzz_compile_errors() {
	for log in "$1"/obj/*.o.log; do
		[ -f "$log" ] && [ ! -f "${log%.log}" ] && cat "$log"
	done
	return 0
}

# fuzz_build OUT "CC" "CFLAGS" MAIN
# Builds OUT/<target> for every target: the target file, the core (and
# textbuf.c and args.c) as an archive, and MAIN (a source file, or ""
# when the compiler brings its own main, as libFuzzer does). Compiler
# messages of a failed step are left in OUT/<name>.log; returns non-zero
# when anything failed, with OUT/<target>.failed naming what.
fuzz_build() {
	out=$1 cc=$2 cflags=$3 main=$4
	fuzz_pkg_flags
	all="$cc $cflags $FUZZ_DEFS $FUZZ_INCS $FUZZ_PKG_CFLAGS | $FUZZ_PKG_LIBS"
	mkdir -p "$out/obj" || return 1
	if [ "$(cat "$out/flags" 2>/dev/null)" != "$all" ]; then
		rm -rf "$out/obj" "$out/libmend-fuzz.a"
		mkdir -p "$out/obj"
		printf '%s\n' "$all" >"$out/flags"
	fi
	# shellcheck disable=SC2012
	newest_header=$(ls -t include/mend/*.h src/*/*.h | head -n 1)

	# the data files, embedded as the Makefile does (its DATA)
	data="data/prompts.json data/messages.json data/quick-tags.json \
data/journey.json data/exercises.json data/pause.json data/insights.json"
	stale=
	[ -f "$out/data_embed.c" ] || stale=1
	for f in $data tests/fuzz/lib.sh tools/embed.sh; do
		[ "$f" -nt "$out/data_embed.c" ] && stale=1
	done
	if [ -n "$stale" ]; then
		# shellcheck disable=SC2086
		sh tools/embed.sh "$out/data_embed.c" $data >"$out/embed.log" 2>&1 || {
			for t in $FUZZ_TARGETS; do
				echo "tools/embed.sh failed (see $out/embed.log)" >"$out/$t.failed"
			done
			return 1
		}
	fi

	lib_srcs="$(ls src/core/*.c) $out/data_embed.c src/ui/textbuf.c src/cli/args.c"
	fuzz_srcs=""
	for t in $FUZZ_TARGETS; do
		fuzz_srcs="$fuzz_srcs tests/fuzz/$t.c"
	done
	pids=""
	for src in $lib_srcs $fuzz_srcs $main; do
		fuzz_obj "$out" "$src"
		if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
			extra=""
			case $src in
			tests/fuzz/*) extra="-Wall -Wextra -Isrc/ui -Isrc/cli" ;;
			esac
			rm -f "$obj"
			# shellcheck disable=SC2086,SC2090
			$cc $cflags $extra $FUZZ_DEFS $FUZZ_INCS $FUZZ_PKG_CFLAGS \
				-c -o "$obj" "$src" >"$obj.log" 2>&1 &
			pids="$pids $!"
		fi
	done
	failed=0
	for p in $pids; do
		wait "$p" || failed=1
	done

	# the library: the linker takes only what a target needs
	objs=""
	lib=$out/libmend-fuzz.a
	stale=0
	[ -f "$lib" ] || stale=1
	for src in $lib_srcs; do
		fuzz_obj "$out" "$src"
		if [ -f "$obj" ]; then
			objs="$objs $obj"
			[ "$obj" -nt "$lib" ] && stale=1
		else
			failed=1
		fi
	done
	if [ $stale = 1 ] || [ $failed = 1 ]; then
		rm -f "$lib"
		# shellcheck disable=SC2086
		ar rcs "$lib" $objs >"$out/ar.log" 2>&1 || failed=1
	fi

	main_obj=""
	if [ -n "$main" ]; then
		fuzz_obj "$out" "$main"
		main_obj=$obj
	fi
	for t in $FUZZ_TARGETS; do
		rm -f "$out/$t.failed"
		fuzz_obj "$out" "tests/fuzz/$t.c"
		tobj=$obj
		if [ -x "$out/$t" ] && [ "$out/$t" -nt "$lib" ] &&
			[ "$out/$t" -nt "$tobj" ] &&
			{ [ -z "$main_obj" ] || [ "$out/$t" -nt "$main_obj" ]; }; then
			continue # up to date
		fi
		if [ ! -f "$tobj" ] || { [ -n "$main_obj" ] && [ ! -f "$main_obj" ]; }; then
			fuzz_compile_errors "$out" >"$out/$t.failed"
			failed=1
			continue
		fi
		# shellcheck disable=SC2086
		if ! $cc $cflags -o "$out/$t" "$tobj" $main_obj "$lib" \
			$FUZZ_PKG_LIBS -lm >"$out/$t.link.log" 2>&1; then
			{
				fuzz_compile_errors "$out"
				cat "$out/$t.link.log"
			} >"$out/$t.failed"
			failed=1
		fi
	done
	return $failed
}
