# SPDX-License-Identifier: MIT
# Driving the real binary in tmux, as a person would: send keys, read the
# screen, poll for text with a timeout (never a fixed sleep). Sourced
# after tests/cli/lib.sh, whose run_tests gives each test a fresh home,
# journal and pinned clock.
#
#   tui_start [COLS ROWS]   start mend in a new tmux server of its own
#   keys KEY...             send keys (tmux names: Enter, BSpace, C-d, Up)
#   type TEXT               send literal text (UTF-8)
#   wait_for TEXT [SECS]    poll the screen until TEXT shows (default 10 s)
#   wait_gone TEXT [SECS]   poll until TEXT is no longer shown
#   screen                  print the screen
#   tui_resize COLS ROWS    resize the window
#   tui_pid                 the pid of mend inside the pane
#   tui_open_editor         from home, open Reflection's editor
#   tui_save_and_quit       save the editor's text, go home and quit
#   tui_stop                end the tmux server
. "$(dirname "$0")/../cli/lib.sh"

tui_start() {
	local cols=${1:-100} rows=${2:-30}
	TMUX_SOCK="mend-test-$$-$RANDOM"
	command -v tmux >/dev/null || fail "tmux is not installed"
	tmux -u -L "$TMUX_SOCK" -f /dev/null new-session -d -s mend \
		-x "$cols" -y "$rows" \
		"env LANG=C.UTF-8 TERM=xterm-256color MEND_DB='$MEND_DB' \
		 MEND_NOW='$MEND_NOW' TZ='$TZ' HOME='$HOME' \
		 XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
		 TMPDIR='$TMPDIR' '$MEND'; s=\$?; stty sane 2>/dev/null; printf '\\r\\n'; echo MEND_EXITED=\$s; sleep 600" ||
		fail "tmux could not start"
	trap tui_stop EXIT
}

tui_stop() {
	[ -n "${TMUX_SOCK:-}" ] && tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	TMUX_SOCK=
}

keys() {
	tmux -L "$TMUX_SOCK" send-keys -t mend "$@"
}

type() {
	tmux -L "$TMUX_SOCK" send-keys -t mend -l "$1"
}

screen() {
	tmux -L "$TMUX_SOCK" capture-pane -p -t mend
}

wait_for() {
	local text=$1 limit=${2:-10} tries=0
	while ! screen | grep -qF -- "$text"; do
		tries=$((tries + 1))
		[ "$tries" -ge $((limit * 20)) ] &&
			fail "the screen never showed '$text'; it shows:
$(screen)"
		sleep 0.05
	done
}

wait_gone() {
	local text=$1 limit=${2:-10} tries=0
	while screen | grep -qF -- "$text"; do
		tries=$((tries + 1))
		[ "$tries" -ge $((limit * 20)) ] &&
			fail "the screen still shows '$text':
$(screen)"
		sleep 0.05
	done
}

tui_resize() {
	tmux -L "$TMUX_SOCK" resize-window -t mend -x "$1" -y "$2"
}

tui_pid() {
	local shell
	shell=$(tmux -L "$TMUX_SOCK" display-message -p -t mend '#{pane_pid}')
	pgrep -P "$shell" -x mend || pgrep -P "$shell"
}

tui_open_editor() {
	wait_for "Reflection"
	type "r"
	wait_for "Your entries"
	type "w"
	wait_for "Write here."
}

tui_save_and_quit() {
	keys C-d
	wait_for "Saved."
	keys Escape
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
}
