#!/bin/bash
# SPDX-License-Identifier: MIT
# An encrypted journal in the full-screen journal, driven as a person
# would: the passphrase screen (never showing what is typed), a wrong
# passphrase then the right one, the recovery key instead, the lock on
# ^P, on l and after an idle time (MEND_LOCK_SECONDS), back to the very
# screen with the writing intact, a journal encrypted from the welcome
# with its recovery key shown, and the words written through the screens
# never in the journal's files in plain text.
. "$(dirname "$0")/lib.sh"

# a session keyring of its own, so no kept key is shared
own_keyring "$0" "$@"

export MEND_KDF_FAST=1
PASS="willow river 42"
WORDS="marigoldwindow tangerinequiet lanternmoss pebbleorchard"

new_session() {
	keyctl new_session >/dev/null 2>&1 || keyctl session - true
}

# pass_script PASSPHRASE: MEND_PASSPHRASE_COMMAND answers with it
pass_script() {
	printf '#!/bin/sh\nprintf "%%s\\n" "%s"\n' "$1" >"$WORK/pw"
	chmod 700 "$WORK/pw"
	export MEND_PASSPHRASE_COMMAND="$WORK/pw"
}

# encrypted [PASSPHRASE]: a journal with a start, encrypted, its key
# forgotten (so the full-screen journal has to ask); the recovery key
# into $RECOVERY
encrypted() {
	new_session
	rm -f "$MEND_DB" "$MEND_DB-journal" "$MEND_DB.tries"
	mend start --date 2026-01-01
	expect_rc 0
	pass_script "${1:-$PASS}"
	mend encrypt
	expect_rc 0
	RECOVERY=$(grep -oE '([A-Z2-7]{4}-){13}[A-Z2-7]{4}' "$OUT" | head -1)
	[ -n "$RECOVERY" ] || fail "no recovery key from mend encrypt"
	mend lock
	expect_rc 0
	unset MEND_PASSPHRASE_COMMAND
}

start_locked() {
	TUI_ENV="MEND_KDF_FAST=1 ${TUI_ENV:-}" tui_start "$@"
	wait_for "Passphrase:"
}

# the list, read through the command line with the passphrase: the
# journal is whole after each flow
journal_ok() {
	pass_script "$PASS"
	mend list --json
	expect_rc 0
	unset MEND_PASSPHRASE_COMMAND
	[ -n "${1:-}" ] && expect_eq "$(json 'length')" "$1" "entries in the journal"
	true
}

# no_words FILE...: none of the known words is in the files
no_words() {
	local f w
	for f in "$@"; do
		[ -e "$f" ] || continue
		for w in $WORDS; do
			grep -aq "$w" "$f" && fail "'$w' is in $f in plain text"
		done
	done
	true
}

# type the passphrase and open; the screen the lock covered comes back
unlock_with() {
	type "${1:-$PASS}"
	keys Enter
	wait_gone "Passphrase:"
}

# the session keyring holds no key
keyring_empty() {
	[ -z "$(keyctl rlist @s 2>/dev/null)" ] ||
		fail "the session keyring still holds a key"
}

t_passphrase_screen_never_shows_the_passphrase() {
	local size term
	for term in tmux-256color xterm-256color; do
		for size in "80 24" "60 18"; do
			encrypted
			TUI_TERM=$term start_locked $size
			expect_key_line Enter Esc
			expect_whole "Your journal is encrypted and locked."
			expect_whole "Press F1, then h, for help now."
			type "$PASS"
			wait_for "••••"
			screen | grep -qF "willow" &&
				fail "the passphrase shows ($term $size): $(screen)"
			screen | grep -qF "river" && fail "the passphrase shows"
			[ "$(screen | grep -o '•' | wc -l)" -eq "${#PASS}" ] ||
				fail "not one dot per character: $(screen)"
			keys Enter
			wait_for "Today's check-in"
			expect_key_line "^P lock"
			type q
			wait_for "MEND_EXITED=0"
			tui_stop
			journal_ok 0
		done
	done
}

t_backspace_takes_back_a_whole_character() {
	encrypted "pässwörd"
	start_locked 80 24
	type "pässwördé"
	wait_for "•••••••••"
	keys BSpace
	wait_gone "•••••••••"
	wait_for "••••••••"
	keys Enter
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
}

t_wrong_then_right_passphrase() {
	encrypted
	start_locked 80 24
	type "not it"
	keys Enter
	wait_for "That passphrase does not open this journal."
	expect_whole "Take your time and try again."
	screen | grep -qF "•" && fail "the wrong try was not cleared"
	unlock_with "$PASS"
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
	[ ! -e "$MEND_DB.tries" ] || [ ! -s "$MEND_DB.tries" ] ||
		fail "the right passphrase did not clear the count of wrong ones"
	journal_ok 0
}

t_wrong_passphrases_wait_longer_each_time() {
	encrypted
	start_locked 80 24
	local i
	for i in 1 2 3; do
		type "wrong $i"
		keys Enter
		wait_for "does not open this journal"
		wait_gone "Opening your journal"
	done
	# the third wrong one in a row: a second's wait, said so
	wait_for "The next try in 1 second."
	wait_gone "The next try in" 5
	type "wrong 4"
	keys Enter
	wait_for "The next try in 2 seconds."
	# while it waits, Enter tries nothing, and what is typed is kept
	type "$PASS"
	keys Enter
	wait_for "The next try in"
	screen | grep -qF "Today's check-in" && fail "it opened during the wait"
	wait_gone "The next try in" 5
	keys Enter
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
}

t_recovery_key_opens_instead() {
	encrypted
	start_locked 60 18
	keys C-r
	wait_for "Recovery key:"
	type "$(echo "$RECOVERY" | tr 'A-Z' 'a-z' | tr -d -)"
	screen | grep -qiF "${RECOVERY:0:9}" && fail "the recovery key shows"
	keys Enter
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
	journal_ok 0
}

t_esc_leaves_with_the_terminal_clean() {
	encrypted
	start_locked 80 24
	type "half typed"
	keys Escape
	wait_for "MEND_EXITED=0"
	screen | grep -qF "Passphrase" && fail "the screen was left behind: $(screen)"
	true
}

t_a_recent_unlock_by_the_cli_is_used_and_the_tui_keeps_its_own() {
	encrypted
	pass_script "$PASS"
	mend unlock
	expect_rc 0
	unset MEND_PASSPHRASE_COMMAND
	TUI_ENV="MEND_KDF_FAST=1" tui_start 80 24
	wait_for "Today's check-in"
	screen | grep -qF "Passphrase:" && fail "asked although the keyring had the key"
	type q
	wait_for "MEND_EXITED=0"
	tui_stop
	# and the other way: unlocked in the TUI, the shell does not ask
	mend lock
	expect_rc 0
	start_locked 80 24
	unlock_with
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
	mend checkin --mood 6
	expect_rc 0
}

# from home, open Reflection's editor and type words into it
write_in_editor() {
	tui_open_editor
	type "$1"
	wait_for "$1"
}

t_idle_lock_comes_back_to_the_editor_with_its_text() {
	local size
	for size in "80 24" "60 18"; do
		encrypted
		TUI_ENV="MEND_LOCK_SECONDS=3" start_locked $size
		unlock_with
		write_in_editor "marigoldwindow at dusk"
		# no key for a while: the lock comes by itself
		wait_for "Passphrase:" 8
		screen | grep -qF "marigoldwindow" && fail "the words stay on screen"
		keyring_empty
		no_words "$MEND_DB" "$MEND_DB-journal" "$MEND_DB-wal"
		# the draft was kept before the lock, sealed
		[ "$(sqlite3 "$MEND_DB" 'SELECT count(*) FROM drafts')" -ge 1 ] ||
			fail "no draft was kept before the lock"
		unlock_with
		wait_for "marigoldwindow at dusk"
		type " and after"
		wait_for "marigoldwindow at dusk and after"
		keys C-d
		wait_for "Saved."
		keys Escape
		wait_for "Today's check-in"
		type q
		wait_for "MEND_EXITED=0"
		tui_stop
		no_words "$MEND_DB" "$MEND_DB-journal" "$MEND_DB-wal"
		journal_ok 1
		pass_script "$PASS"
		mend list --json
		unset MEND_PASSPHRASE_COMMAND
		expect_eq "$(json '.[0].text')" "marigoldwindow at dusk and after" "the saved text"
	done
}

t_lock_minutes_zero_never_locks_by_itself() {
	encrypted
	pass_script "$PASS"
	mend config lock-minutes 0
	expect_rc 0
	expect_out "Saved: lock-minutes = 0"
	mend config lock-minutes
	expect_out "0"
	unset MEND_PASSPHRASE_COMMAND
	mend lock
	start_locked 80 24
	unlock_with
	wait_for "Today's check-in"
	sleep 3
	screen | grep -qF "Passphrase:" && fail "it locked although lock-minutes is 0"
	type q
	wait_for "MEND_EXITED=0"
}

t_l_on_home_locks_and_forgets_the_key() {
	encrypted
	start_locked 60 18
	unlock_with
	wait_for "Today's check-in"
	type n
	wait_for "No contact"
	keys Escape
	wait_for "Today's check-in"
	type l
	wait_for "Passphrase:"
	keyring_empty
	unset MEND_PASSPHRASE_COMMAND
	mend list --json
	expect_rc 1
	expect_err "locked"
	unlock_with
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
}

t_ctrl_p_locks_and_comes_back_to_the_same_screen() {
	encrypted
	start_locked 80 24
	unlock_with
	wait_for "Today's check-in"
	type n
	wait_for "unsent"
	type w
	wait_for "It stays here and is never sent."
	type "tangerinequiet words to you"
	wait_for "tangerinequiet words to you"
	keys C-p
	wait_for "Passphrase:"
	screen | grep -qF "tangerinequiet" && fail "the words stay on screen"
	no_words "$MEND_DB" "$MEND_DB-journal" "$MEND_DB-wal"
	unlock_with "$PASS"
	wait_for "tangerinequiet words to you"
	wait_for "It stays here and is never sent."
	keys C-d
	wait_for "Kept here."
	keys Escape
	wait_gone "Kept here."
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
	tui_stop
	no_words "$MEND_DB" "$MEND_DB-journal" "$MEND_DB-wal"
	journal_ok 1
}

t_help_names_the_lock_and_help_now_is_reachable_when_locked() {
	encrypted
	start_locked 80 24
	keys F1
	wait_for "Keys on this screen"
	expect_whole "use the recovery key instead"
	keys Down Down Down Down Down Down Down Down
	wait_for "lock the journal at once"
	type h
	wait_for "You do not have to get through this alone."
	screen | grep -qiF "locked" && fail "help now speaks of the lock: $(screen)"
	keys Escape
	wait_for "Help: Locked"
	keys Escape
	wait_for "Passphrase:"
	unlock_with
	wait_for "Today's check-in"
	type "?"
	wait_for "Keys on this screen"
	keys Down Down Down Down Down Down Down Down Down Down Down Down
	wait_for "lock the journal at once"
	keys Escape
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
}

t_a_plain_journal_keeps_hide_on_ctrl_p() {
	mend start --date 2026-01-01
	tui_start 80 24
	wait_for "Today's check-in"
	expect_key_line "^P hide"
	keys C-p
	wait_gone "Today's check-in"
	screen | grep -qF "Passphrase" && fail "a plain journal asked for a passphrase"
	keys C-p
	wait_for "Today's check-in"
	type l
	wait_for "nothing to lock"
	type q
	wait_for "MEND_EXITED=0"
}

# the recovery key as shown on its page (two lines of seven groups, or one)
shown_recovery() {
	screen | grep -oE '([A-Z2-7]{4}-?)+' | tr -d '\n' | grep -oE '[A-Z2-7]{56}|([A-Z2-7]{4}-){13}[A-Z2-7]{4}' | head -1
}

t_welcome_creates_an_encrypted_journal_and_shows_the_recovery_key() {
	local size
	for size in "80 24" "60 18"; do
		new_session
		rm -f "$MEND_DB" "$MEND_DB-journal" "$MEND_DB.tries"
		TUI_ENV="MEND_KDF_FAST=1" tui_start $size
		wait_for "Welcome"
		expect_whole "Or k: keep this journal encrypted (a passphrase)."
		type k
		wait_for "Choose a passphrase"
		type "$PASS"
		keys Enter
		wait_for "Once more:"
		type "something else"
		keys Enter
		wait_for "The two were not the same"
		type "$PASS"
		keys Enter
		wait_for "Once more:"
		type "$PASS"
		keys Enter
		wait_for "Your recovery key" 20
		expect_whole "Without the passphrase and without this key, the journal cannot be opened by anyone"
		expect_whole "Write it down or print it"
		local key
		key=$(screen | grep -oE '[A-Z2-7]{4}(-[A-Z2-7]{4})+' | tr '\n' '-' | sed 's/-$//')
		[ "$(echo "$key" | tr -d - | wc -c)" -eq 57 ] ||
			fail "the recovery key is not shown whole ($size): $(screen)"
		keys Escape
		wait_for "shown only this once"
		keys Enter
		wait_for "Press Enter to begin."
		screen | grep -qF "Or k:" && fail "the offer stays after encrypting"
		keys Escape
		wait_for "Today's check-in"
		type q
		wait_for "MEND_EXITED=0"
		tui_stop
		journal_ok 0
		[ "$(sqlite3 "$MEND_DB" 'SELECT count(*) FROM crypt')" = 1 ] ||
			fail "the journal is not encrypted"
		# the key the TUI kept lets a command in; the recovery key opens too
		mend lock
		expect_rc 0
		start_locked 80 24
		keys C-r
		wait_for "Recovery key:"
		type "$key"
		keys Enter
		# nothing written yet: the welcome again, without the offer
		wait_for "Press Enter to begin."
		screen | grep -qF "Or k:" && fail "the offer on an encrypted journal"
		expect_key_line Enter Esc
		screen | tail -1 | grep -qF "encrypt" && fail "k on the key line"
		keys Escape
		wait_for "Today's check-in"
		type q
		wait_for "MEND_EXITED=0"
		tui_stop
	done
}

t_words_written_in_the_tui_never_reach_the_disk_in_plain_text() {
	encrypted
	start_locked 80 24
	unlock_with
	# a check-in with a note
	wait_for "Today's check-in"
	type c
	wait_for "How are you feeling today?"
	type 6
	keys Enter
	wait_for "urge to contact them?"
	type 2
	keys Enter
	wait_for "Was there contact"
	type n
	wait_for "What did today hold?"
	keys Enter
	wait_for "A few words about today"
	type "lanternmoss in the garden"
	keys Enter
	wait_for "Today's prompt"
	type s
	wait_for "one thing for yourself"
	type s
	wait_for "Thank you for checking in"
	keys Enter
	wait_for "Today's check-in: done"
	# a reflection
	write_in_editor "pebbleorchard of my own"
	keys C-d
	wait_for "Saved."
	keys Escape
	wait_gone "Your entries"
	wait_for "Today's check-in"
	# an unsent message
	type n
	wait_for "unsent"
	type w
	wait_for "It stays here and is never sent."
	type "tangerinequiet unsent words"
	keys C-d
	wait_for "Kept here."
	keys Escape
	wait_gone "Kept here."
	wait_for "Today's check-in"
	# and a draft left open when mend is stopped
	write_in_editor "marigoldwindow left open"
	local pid
	pid=$(tui_pid)
	kill -TERM "$pid"
	wait_for "MEND_EXITED="
	tui_stop
	no_words "$MEND_DB" "$MEND_DB-journal" "$MEND_DB-wal"
	[ "$(sqlite3 "$MEND_DB" 'SELECT count(*) FROM drafts')" -ge 1 ] ||
		fail "the open writing was not kept as a draft"
	journal_ok 3
	pass_script "$PASS"
	mend list --json
	unset MEND_PASSPHRASE_COMMAND
	json '.[].text' | grep -qF "lanternmoss in the garden" || fail "the note is lost"
	json '.[].text' | grep -qF "tangerinequiet unsent words" || fail "the unsent message is lost"
	# the draft is offered back, whole (the key the TUI kept in the
	# keyring opens the journal without asking)
	TUI_ENV="MEND_KDF_FAST=1" tui_start 80 24
	wait_for "You have unsaved writing"
	wait_for "marigoldwindow left open"
	type r
	wait_for "Reflection"
	wait_for "marigoldwindow left open"
	keys C-d
	wait_for "Saved."
	keys Escape
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
	tui_stop
	no_words "$MEND_DB" "$MEND_DB-journal" "$MEND_DB-wal"
	journal_ok 4
}

# The journal held by another process (a writer's lock): ^P still locks
# at once, the editor's words are kept in memory, and once the other one
# lets go the right passphrase brings them back.
t_lock_while_another_mend_holds_the_journal_does_not_freeze() {
	encrypted
	start_locked 80 24
	unlock_with
	write_in_editor "pebbleorchard while busy"
	mkfifo "$WORK/sql"
	sqlite3 "$MEND_DB" <"$WORK/sql" >/dev/null 2>&1 &
	local holder=$!
	exec 9>"$WORK/sql"
	echo "BEGIN EXCLUSIVE;" >&9
	local tries=0
	until ! sqlite3 "$MEND_DB" "BEGIN EXCLUSIVE; ROLLBACK;" >/dev/null 2>&1; do
		tries=$((tries + 1))
		[ "$tries" -ge 200 ] && fail "the journal never got locked"
		sleep 0.05
	done
	keys C-p
	# the words leave the screen at once, whatever the other one does
	wait_gone "pebbleorchard" 3
	echo "ROLLBACK;" >&9
	exec 9>&-
	wait "$holder" 2>/dev/null
	wait_for "Passphrase:"
	unlock_with
	wait_for "pebbleorchard while busy"
	keys C-d
	wait_for "Saved."
	keys Escape
	wait_for "Today's check-in"
	type q
	wait_for "MEND_EXITED=0"
	tui_stop
	no_words "$MEND_DB" "$MEND_DB-journal" "$MEND_DB-wal"
	journal_ok 1
}

run_tests
