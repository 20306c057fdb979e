# SPDX-License-Identifier: MIT
# Sourced by the tests of the desktop's Secret Service, before anything
# else: runs the test file again on a D-Bus session bus of its own, with
# GNOME Keyring's login keyring unlocked as a desktop login unlocks it
# (the daemon's own home apart from the tests' homes), inside a kernel
# session keyring of its own. Removes the daemon's home afterwards.
#   desktop_session "$0" "$@"
desktop_session() {
	[ -n "${MEND_TEST_DESKTOP:-}" ] && return 0
	export MEND_TEST_DESKTOP=1
	local desk rc
	desk=$(mktemp -d)
	HOME=$desk XDG_DATA_HOME=$desk/share XDG_RUNTIME_DIR=$desk \
		keyctl session - dbus-run-session -- bash -c '
		printf "%s" "a login password" |
			gnome-keyring-daemon --unlock --components=secrets >/dev/null
		bash "$0" "$@"' "$@" \
		2> >(grep -v -e '^Joined session keyring' -e 'fd limit' \
			-e 'transient service directory' -e 'Activating service' \
			-e 'Successfully activated' -e 'gnome-keyring-daemon' >&2)
	rc=$?
	rm -rf "$desk"
	exit $rc
}
