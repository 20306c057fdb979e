#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian packages that building and testing mend need, when
# they are missing, and says which. Uses sudo when not root.
# Usage: deps.sh [fuzz] [valgrind] [hardening] (extra packages for those
# targets; hardening is CI's packager build: dpkg-buildflags,
# hardening-check and clang)
set -eu
need="gcc make pkg-config libncurses-dev libsqlite3-dev libcjson-dev \
libunistring-dev libsodium-dev libkeyutils-dev keyutils libsecret-1-dev age \
sqlite3 tmux jq python3 python3-jsonschema strace procps bsdutils \
util-linux time zsh fish systemd dbus gnome-keyring libsecret-tools"
for extra in "$@"; do
	case $extra in
	fuzz) need="$need clang libclang-rt-14-dev" ;;
	valgrind) need="$need valgrind" ;;
	hardening) need="$need dpkg-dev devscripts clang" ;;
	esac
done
missing=
for p in $need; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "mend: installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "mend: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
