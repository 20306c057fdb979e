# SPDX-License-Identifier: MIT
# Driving the real binary in tmux, as a person would: send keys, read the
# screen, poll for text with a timeout (never a fixed sleep). Sourced
# after tests/cli/lib.sh, whose run_tests gives each test a fresh home,
# journal and pinned clock.
#
#   tui_start [COLS ROWS]   start mend in a new tmux server of its own,
#                           under TERM=$TUI_TERM (default tmux-256color,
#                           the colour TERM that matches tmux; tests also
#                           run with xterm-256color, common advice);
#                           TUI_LANG sets LANG, TUI_ENV adds NAME=VALUE
#   keys KEY...             send keys (tmux names: Enter, BSpace, C-d, Up)
#   type TEXT               send literal text (UTF-8)
#   wait_for TEXT [SECS]    poll the screen until TEXT shows (default 10 s)
#   wait_gone TEXT [SECS]   poll until TEXT is no longer shown
#   screen                  print the screen
#   screen_e                print the screen with its SGR attributes
#   attrs_of TEXT           the attributes of TEXT's first cell (see
#                           screen.py: "reverse bold fg=6", "normal")
#   expect_attr TEXT ATTR.. TEXT shows with each ATTR (reverse, underline,
#                           bold, fg=N...; "color" means any fg colour)
#   expect_not_attr TEXT A  TEXT shows without attribute A
#   expect_whole TEXT [FROM TO]
#                           TEXT is on screen whole (wrapped lines joined),
#                           reading only columns FROM..TO-1 if given
#   expect_word TEXT        TEXT is on screen and nothing runs into it
#   expect_key_line WORD..  the bottom line shows each WORD
#   widest                  the rightmost column with text (title and
#                           key line left out)
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
		"env ${TUI_ENV:-} LANG='${TUI_LANG:-C.UTF-8}' TERM='${TUI_TERM:-tmux-256color}' MEND_DB='$MEND_DB' \
		 MEND_NOW='$MEND_NOW' TZ='$TZ' HOME='$HOME' \
		 XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
		 TMPDIR='$TMPDIR' '$MEND'; s=\$?; stty sane 2>/dev/null; printf '\\r\\n'; echo MEND_EXITED=\$s; sleep 600" ||
		fail "tmux could not start"
	trap tui_stop EXIT
}

# Ending the server hangs up on mend, which then saves what it holds; wait
# (up to 10 s) until it has gone, so that nothing is still writing into the
# test's directory when it is removed.
tui_stop() {
	local pid i
	[ -n "${TMUX_SOCK:-}" ] || return 0
	pid=$(pgrep -P "$(tmux -L "$TMUX_SOCK" display-message -p -t mend \
		'#{pane_pid}' 2>/dev/null)" -x mend 2>/dev/null)
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	TMUX_SOCK=
	for pid in $pid; do
		for ((i = 0; i < 100; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
	done
	return 0
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

screen_e() {
	tmux -L "$TMUX_SOCK" capture-pane -p -e -t mend
}

SCREEN_PY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/screen.py"

attrs_of() {
	screen_e | python3 "$SCREEN_PY" attrs "$1"
}

# has_attrs GOT WANT...: GOT (from attrs_of) holds every WANT
has_attrs() {
	local got=$1 want
	shift
	for want in "$@"; do
		case $want in
		color) [[ " $got " == *" fg="* ]] || return 1 ;;
		*) [[ " $got " == *" $want "* ]] || return 1 ;;
		esac
	done
}

# Both poll for up to 10 s, as wait_for does: a key's effect reaches
# the pane a moment after the key, and text that was already there
# (the row that becomes selected) is no sign the screen has changed.
expect_attr() {
	local text=$1 got tries=0
	shift
	while :; do
		got=$(attrs_of "$text") && has_attrs "$got" "$@" && return 0
		tries=$((tries + 1))
		[ "$tries" -ge 200 ] && break
		sleep 0.05
	done
	[ -n "$got" ] || fail "'$text' is not on the screen:
$(screen)"
	fail "'$text' shows without $* ($got)"
}

expect_not_attr() {
	local got tries=0
	while :; do
		got=$(attrs_of "$1") && [[ " $got " != *" $2 "* ]] && return 0
		tries=$((tries + 1))
		[ "$tries" -ge 200 ] && break
		sleep 0.05
	done
	[ -n "$got" ] || fail "'$1' is not on the screen:
$(screen)"
	fail "'$1' shows with $2 ($got)"
}

expect_whole() {
	screen | python3 "$SCREEN_PY" whole "$@" ||
		fail "the screen does not show whole: '$1'
$(screen)"
}

expect_word() {
	screen | python3 "$SCREEN_PY" word "$1" ||
		fail "'$1' is cut or runs into other text:
$(screen)"
}

expect_key_line() {
	local last w
	last=$(screen | tail -1)
	for w in "$@"; do
		[[ "$last" == *"$w"* ]] ||
			fail "the key line lacks '$w': $last"
	done
}

widest() {
	screen | python3 "$SCREEN_PY" widest -
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
