#!/bin/bash
# SPDX-License-Identifier: MIT
# The daily nudge: `mend remind` prints one kind line while today's
# check-in is not written, at most once a day in a terminal session (the
# session id, so a second shell in it stays quiet; a real bash reading
# its rc file), never when reminders are off; `mend config remind` and
# `remind-at`; and the systemd user timer `--install` writes (checked
# with systemd-analyze verify where it is installed) and `--uninstall`
# removes.
. "$(dirname "$0")/lib.sh"

setup_runtime() {
	export XDG_RUNTIME_DIR=$WORK/run XDG_STATE_HOME=$WORK/state
	mkdir -p -m 700 "$XDG_RUNTIME_DIR"
}

# remind_in_session CMD: run CMD (a bash command line) in a new session
remind_in_session() {
	PATH="$(dirname "$MEND"):$PATH" setsid bash --norc --noprofile -c "$1" </dev/null
}

t_remind_nudges_kindly_while_today_is_open() {
	setup_runtime
	mend remind
	expect_rc 0
	expect_eq "$(wc -l <"$OUT")" 1 "lines"
	expect_out "mend checkin"
	grep -qiE "miss|forgot|fail|should|streak|behind" "$OUT" && fail "the nudge shames or pushes"
	[ ! -s "$ERR" ] || fail "stderr is not empty"
	[ ! -e "$MEND_DB" ] || fail "the nudge created a journal"
}

t_remind_is_quiet_once_today_is_checked_in() {
	setup_runtime
	"$MEND" checkin --mood 6 >/dev/null || fail "could not check in"
	mend remind
	expect_rc 0
	expect_no_out
	# yesterday's check-in does not count for today
	MEND_NOW=2026-01-12T09:00:00Z mend remind
	expect_out "mend checkin"
}

t_remind_once_a_day_per_terminal_session() {
	setup_runtime
	local got
	got=$(remind_in_session 'mend remind; mend remind; bash --norc -c "mend remind"')
	expect_eq "$(grep -c 'mend checkin' <<<"$got")" 1 "nudges in one session"
	got=$(remind_in_session 'mend remind')
	expect_eq "$(grep -c 'mend checkin' <<<"$got")" 1 "nudges in a new session"
	got=$(MEND_NOW=2026-01-12T09:00:00Z remind_in_session 'mend remind; mend remind')
	expect_eq "$(grep -c 'mend checkin' <<<"$got")" 1 "nudges in a session the next day"
}

t_remind_keeps_no_file_for_sessions_of_other_days() {
	setup_runtime
	remind_in_session 'mend remind' >/dev/null
	remind_in_session 'mend remind' >/dev/null
	expect_eq "$(ls "$XDG_RUNTIME_DIR/mend" | wc -l)" 2 "files for two sessions today"
	MEND_NOW=2026-01-12T09:00:00Z remind_in_session 'mend remind' >/dev/null
	expect_eq "$(ls "$XDG_RUNTIME_DIR/mend" | wc -l)" 1 "files the next day"
}

t_remind_from_bashrc_in_a_real_interactive_bash() {
	setup_runtime
	local rc=$WORK/bashrc got
	printf 'PATH=%q:$PATH\nmend remind\n' "$(dirname "$MEND")" >"$rc"
	# a terminal's shell, then a second shell started inside it
	got=$(setsid bash --noprofile --rcfile "$rc" -i -c \
		"bash --noprofile --rcfile '$rc' -i -c true" </dev/null 2>/dev/null)
	expect_eq "$(grep -c 'mend checkin' <<<"$got")" 1 "nudges from two rc files in one session"
}

t_remind_without_runtime_dir_uses_the_state_dir() {
	setup_runtime
	unset XDG_RUNTIME_DIR
	local got
	got=$(remind_in_session 'mend remind; mend remind')
	expect_eq "$(grep -c 'mend checkin' <<<"$got")" 1 "nudges"
	ls "$XDG_STATE_HOME"/mend/remind-* >/dev/null 2>&1 || fail "nothing kept in the state dir"
}

t_remind_off_is_silent_everywhere() {
	setup_runtime
	mend config remind off
	expect_rc 0
	mend config remind
	expect_eq "$(cat "$OUT")" "off" "remind"
	mend remind
	expect_rc 0
	expect_no_out
	mkdir -p "$WORK/bin"
	printf '#!/bin/sh\necho "$@" >>"%s/notified"\n' "$WORK" >"$WORK/bin/notify-send"
	chmod +x "$WORK/bin/notify-send"
	PATH=$WORK/bin:$PATH mend remind --notify
	expect_rc 0
	[ ! -e "$WORK/notified" ] || fail "notify-send ran with reminders off"
	mend config remind on
	mend remind
	expect_out "mend checkin"
}

t_remind_notify_calls_notify_send() {
	setup_runtime
	mkdir -p "$WORK/bin"
	printf '#!/bin/sh\nprintf "%%s|" "$@" >>"%s/notified"\n' "$WORK" >"$WORK/bin/notify-send"
	chmod +x "$WORK/bin/notify-send"
	PATH=$WORK/bin:$PATH mend remind --notify
	expect_rc 0
	grep -q 'mend checkin' "$WORK/notified" || fail "notify-send was not given the nudge"
	"$MEND" checkin --mood 5 >/dev/null
	rm -f "$WORK/notified"
	PATH=$WORK/bin:$PATH mend remind --notify
	[ ! -e "$WORK/notified" ] || fail "notified after the check-in"
}

t_config_remind_at_is_kept_and_shown() {
	mend config remind-at
	expect_eq "$(cat "$OUT")" "20:30" "default remind-at"
	mend config remind-at 07:05
	expect_rc 0
	mend config remind-at
	expect_eq "$(cat "$OUT")" "07:05" "remind-at"
	mend config
	expect_out "remind = on"
	expect_out "remind-at = 07:05"
}

t_config_remind_refuses_bad_values() {
	bad_input "remind: 'maybe' is not one of on, off" config remind maybe
	bad_input "remind-at: '25:00' is not a time of day" config remind-at 25:00
	bad_input "remind-at: '7:5' is not a time of day" config remind-at 7:5
	[ ! -e "$MEND_DB" ] || fail "a journal was created"
}

t_install_writes_a_timer_that_verifies() {
	setup_runtime
	"$MEND" config remind-at 21:15 >/dev/null
	mend remind --install
	expect_rc 0
	local dir=$XDG_CONFIG_HOME/systemd/user
	[ -f "$dir/mend-remind.timer" ] && [ -f "$dir/mend-remind.service" ] ||
		fail "the units were not written"
	grep -qx 'OnCalendar=\*-\*-\* 21:15:00' "$dir/mend-remind.timer" || fail "the timer is not at 21:15"
	grep -qx "ExecStart=\"$(readlink -f "$MEND")\" remind --notify" "$dir/mend-remind.service" ||
		fail "the service does not run this mend's remind --notify"
	if [ -d /run/systemd/system ]; then
		expect_out "systemctl --user"
	else
		expect_out "15 21 * * * $(readlink -f "$MEND") remind --notify"
	fi
	if command -v systemd-analyze >/dev/null 2>&1; then
		systemd-analyze verify --user "$dir/mend-remind.timer" "$dir/mend-remind.service" \
			>"$WORK/verify" 2>&1 || { cat "$WORK/verify"; fail "systemd-analyze verify failed"; }
	else
		echo "note: systemd-analyze is not installed; checked the content only"
	fi
	mend remind --uninstall
	expect_rc 0
	[ ! -e "$dir/mend-remind.timer" ] && [ ! -e "$dir/mend-remind.service" ] ||
		fail "the units are still there"
	mend remind --uninstall
	expect_rc 0
	expect_out "no reminder timer"
}

t_install_keeps_the_journal_named_by_db() {
	setup_runtime
	local db=$WORK/my\ journal.db
	"$MEND" --db "$db" checkin --mood 5 >/dev/null
	mend --db "$db" remind --install
	expect_rc 0
	grep -qF "ExecStart=\"$(readlink -f "$MEND")\" --db \"$db\" remind --notify" \
		"$XDG_CONFIG_HOME/systemd/user/mend-remind.service" || fail "the service lost --db"
}

t_remind_options_one_at_a_time() {
	bad_input "options: give one of --install, --uninstall, --notify" remind --install --uninstall
}

run_tests
