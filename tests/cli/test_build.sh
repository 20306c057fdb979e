#!/bin/bash
# SPDX-License-Identifier: MIT
# The build as a packager runs it: on a copy of the source tree, at -O0
# (where floor() is a call into libm), with the packager's CPPFLAGS,
# warnings that stop the build only when asked, a one-line message for a
# missing library, and `make install` shipping only what mend reads.
. "$(dirname "$0")/lib.sh"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
# under `make check` (WERROR=1, SANITIZE=1) the outer make's variables
# would reach these builds through MAKEFLAGS and the environment: each
# build here says what it wants
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES WERROR SANITIZE
TREE=$(mktemp -d)
trap 'rm -rf "$TREE"' EXIT

# a copy of what the Makefile builds from, without anyone's build/
for f in Makefile mend.1 src include data tools; do
	cp -R "$SRC/$f" "$TREE/"
done
# one unoptimized build, shared by the tests below
make -C "$TREE" -j2 CFLAGS='-O0 -g0' >"$TREE/build.log" 2>&1
BUILD_RC=$?

t_build_at_O0_links_libm() {
	[ "$BUILD_RC" -eq 0 ] || { tail -5 "$TREE/build.log"; fail "make CFLAGS=-O0 failed"; }
	"$TREE/mend" --version >"$OUT" 2>"$ERR"
	expect_out "mend "
	nm -u "$TREE/mend" | grep -q ' floor' || fail "mend does not call floor at -O0: the test proves nothing"
}

t_cppflags_reach_every_compile() {
	local lines with
	make -C "$TREE" -n -B V=1 CFLAGS='-O0 -g0' CPPFLAGS='-DMEND_PROBE_FLAG=1' >"$OUT" 2>"$ERR"
	lines=$(grep -c -- ' -c -o ' "$OUT")
	with=$(grep -- ' -c -o ' "$OUT" | grep -c -- '-DMEND_PROBE_FLAG=1')
	[ "$lines" -gt 10 ] || fail "no compile lines in make -n"
	expect_eq "$with" "$lines" "compiles that carry CPPFLAGS"
}

t_werror_only_with_werror_1() {
	make -C "$TREE" -n -B V=1 >"$OUT" 2>"$ERR"
	grep -q -- '-Werror' "$OUT" && fail "-Werror is on by default"
	make -C "$TREE" -n -B V=1 WERROR=1 >"$OUT" 2>"$ERR"
	grep -- ' -c -o ' "$OUT" | grep -q -- '-Werror' || fail "WERROR=1 does not add -Werror"
	grep -q 'WERROR=1' "$SRC/Makefile" || fail "make check does not build with WERROR=1"
}

t_missing_library_names_the_debian_package() {
	cat >"$WORK/pkg-config" <<'EOF'
#!/bin/sh
# pkg-config on a machine without libcjson-dev
for a in "$@"; do [ "$a" = libcjson ] && exit 1; done
exec pkg-config "$@"
EOF
	chmod +x "$WORK/pkg-config"
	make -C "$TREE" -s BUILD="$WORK/b" PKG_CONFIG="$WORK/pkg-config" \
		"$WORK/b/src/core/err.o" >"$OUT" 2>"$ERR" && fail "make went on without libcjson"
	grep -q 'libcjson-dev' "$ERR" || fail "the message does not name libcjson-dev"
	grep -q 'No such file' "$ERR" && fail "the compiler ran anyway"
	expect_eq "$(grep -c '^mend:' "$ERR")" 1 "lines from mend"
	grep -q 'sqlite3-dev\|ncurses-dev' "$ERR" && fail "names packages that are there"
	[ ! -e "$WORK/b/src/core/err.o" ] || fail "an object was built"
}

t_install_ships_what_is_read() {
	local root=$WORK/root got
	make -C "$TREE" -s CFLAGS='-O0 -g0' install DESTDIR="$root" PREFIX=/usr >"$OUT" 2>"$ERR" ||
		fail "make install failed"
	got=$(cd "$root" && find . -type f | sort | tr '\n' ' ')
	expect_eq "$got" "./usr/bin/mend ./usr/share/bash-completion/completions/mend ./usr/share/doc/mend/examples/prompts.json ./usr/share/fish/vendor_completions.d/mend.fish ./usr/share/man/man1/mend.1 ./usr/share/mend/mend-entry.schema.json ./usr/share/mend/mend-insights.schema.json ./usr/share/mend/mend-journal.schema.json ./usr/share/mend/mend-periods.schema.json ./usr/share/mend/mend-prompt.schema.json ./usr/share/mend/mend-status.schema.json ./usr/share/zsh/vendor-completions/_mend " "installed files"
	cmp -s "$root/usr/share/doc/mend/examples/prompts.json" "$SRC/data/prompts.json" ||
		fail "the example prompts differ from data/prompts.json"
	make -C "$TREE" -s uninstall DESTDIR="$root" PREFIX=/usr >"$OUT" 2>"$ERR"
	got=$(cd "$root" && find . -type f)
	expect_eq "$got" "" "files left after uninstall"
	[ ! -e "$root/usr/share/mend" ] || fail "share/mend is left after uninstall"
	[ ! -e "$root/usr/share/doc/mend" ] || fail "share/doc/mend is left after uninstall"
}

run_tests
