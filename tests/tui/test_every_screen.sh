#!/bin/bash
# SPDX-License-Identifier: MIT
# Every screen as a person sees it: each one opened at 80x24 and at 60x18
# (home and a writing screen also at 200x60) on a journal with real
# content, and read whole for text that is cut without an ellipsis, a
# number cut short, words that run together, a key line without its way
# back and help, and wording that speaks in code instead of sentences.
. "$(dirname "$0")/lib.sh"

NOTE="Your last few check-ins have been very low."
LONG="a long heavy day where I kept thinking about calling them and reading \
old messages again and again 心が痛い"

# A journal as it looks after three weeks: a running period, hard days
# with long notes in two scripts, an urge, an unsent message, a sealed
# letter, a reflection, an activity, a decision.
journal() {
	local d
	MEND_NOW=2025-12-20T09:00:00Z mend start --date 2025-12-20 --name "Alex"
	expect_rc 0
	for d in 06 07 08 09 10; do
		MEND_NOW=2026-01-${d}T09:00:00Z mend checkin --mood 2 --urge 8 \
			--note "$LONG"
		expect_rc 0
	done
	mend urge --level 7 --note "I wanted to text them after our song came on in the supermarket, 悲しい"
	mend unsent "Dear Alex, there is so much I want to say and I know I should not send this, so I keep it here. 本当に"
	mend seal --until-day 30 "dear future me, I hope you are sleeping better"
	mend reflect "Today I walked by the river for an hour and it helped a little; the water keeps moving. 川"
	mend grow -c body -m 45 "A long walk along the canal with a friend who listened the whole way 散歩"
	mend accept "I cannot control whether they think of me; I can keep my own days kind."
	mend decide part-ways --note "I want a life where I am not waiting for a message that never comes"
	expect_rc 0
}

# The one check made on every screen. NAME names it in failures; each
# SENTENCE must be on screen whole (wrapped lines joined). It fails on a
# number cut short (8/1 for 8/10), a key line without Esc or q and
# without ? or F1, a raw id, and field names or ranges in code.
seen() {
	local name=$1 s last all
	shift
	all=$(screen)
	for s in "$@"; do
		expect_whole "$s"
	done
	grep -qE '[0-9]+/1($|[^0-9])' <<<"$all" &&
		fail "$name: a number is cut:
$all"
	last=$(tail -1 <<<"$all")
	[[ "$last" == *"Esc "* || "$last" == *"q "* ]] ||
		fail "$name: the key line has no way back: $last"
	[[ "$last" == *"? help"* || "$last" == *"F1 help"* ]] ||
		fail "$name: the key line has no help: $last"
	grep -qE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-' <<<"$all" &&
		fail "$name: a raw id shows:
$all"
	grep -qE '[a-z-]+: [^ ]* ?(is not in|is not one of)|[0-9]+\.\.[0-9]+|text: empty|will be let go|(^|[^0-9.])1 (periods|days|entries|urges|messages|letters|times)' <<<"$all" &&
		fail "$name: the screen speaks in code or miscounts:
$all"
	true
}

# The paragraph that starts with TEXT (read in columns 0..TO-1, default
# all) ends with a full stop or an ellipsis: a sentence is never cut
# short without a sign.
ends_whole() {
	screen | python3 -c '
import sys
text, to = sys.argv[1], int(sys.argv[2])
lines = [l[:to].rstrip() for l in sys.stdin.read().split("\n")]
i = next((k for k, l in enumerate(lines) if text in l), None)
if i is None:
    sys.exit("%r is not on the screen" % text)
block = []
for l in lines[i:]:
    if not l.strip():
        break
    block.append(l)
if not block[-1].endswith((".", "…", "?", ")")):
    sys.exit("the paragraph is cut: %r" % block)
' "$1" "${2:-1000}" || fail "'$1' is cut without an ellipsis:
$(screen)"
}

# End the window and wait for mend to finish what it does on hang-up
# (keeping a draft), so the next size starts on a quiet journal.
stop_and_wait() {
	local pid tries=0
	pid=$(tui_pid 2>/dev/null)
	tui_stop
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $tries -lt 100 ]; do
		sleep 0.05
		tries=$((tries + 1))
	done
}

# Run FUNC once at each size (default 80x24 and 60x18), in a fresh window
# on a fresh journal made by $SETUP (default: journal).
at_sizes() {
	local func=$1 size
	shift
	# shellcheck disable=SC2048,SC2086
	for size in ${*:-80x24 60x18}; do
		SIZE=$size
		rm -f "$MEND_DB" "$MEND_DB-wal" "$MEND_DB-shm" "$HOME/journal.json"
		${SETUP:-journal} >/dev/null
		tui_start "${size%x*}" "${size#*x}"
		"$func"
		stop_and_wait
	done
}

home() {
	wait_for "Daily check-in"
}

# --- the welcome, on an empty journal ---

welcome_steps() {
	wait_for "Press Enter to begin."
	seen "welcome at $SIZE" "Press Enter to begin."
	keys Enter
	wait_for "When were you last in contact?"
	seen "the welcome's day at $SIZE" "When were you last in contact?"
	# a day the core cannot read comes back as a sentence
	keys C-u
	type "someday"
	keys Enter
	wait_for "Give the day as"
	seen "a refused day at $SIZE" "Give the day as 2026-01-31, today, yesterday or -3d."
	keys C-u
	type "2025-12-20"
	keys Enter
	wait_for "How many days of no contact"
	seen "the welcome's goal at $SIZE" "How many days of no contact would you like to aim for?"
	keys C-u
	type "0"
	keys Enter
	wait_for "A goal is a number of days"
	seen "a refused goal at $SIZE" "A goal is a number of days, from 1 to"
	keys C-u
	type "30"
	keys Enter
	wait_for "Four parts"
	seen "the welcome's modules at $SIZE" "Four parts, in any order you like:" \
		"Press Enter for your first check-in."
	expect_word "Acceptance"
	expect_word "Self-improvement"
}

t_welcome_and_each_of_its_steps_read_whole() {
	SETUP=true at_sizes welcome_steps
}

# --- home ---

home_whole() {
	home
	seen "home at $SIZE" "Press h for help now."
	# the note, read in the text column left of the menu
	expect_whole "$NOTE That is a lot to carry" 0 $((${SIZE%x*} - 24))
	expect_word "goal 30"
	expect_word "Quit"
	expect_key_line "q quit" "? help"
}

t_home_reads_whole() {
	at_sizes home_whole
}

home_wide() {
	home
	seen "home at 200x60" "$NOTE"
	[ "$(widest)" -le 104 ] || fail "home runs to column $(widest) at 200 columns:
$(screen)"
}

# a journal without hard days: home suggests something for today
light_journal() {
	MEND_NOW=2026-01-01T09:00:00Z mend start --date 2026-01-01
	MEND_NOW=2026-01-10T09:00:00Z mend checkin --mood 6 --urge 3 --note "$LONG"
}

home_suggestion() {
	home
	seen "home with a suggestion at $SIZE"
	ends_whole "Suggested today" $((${SIZE%x*} - 24))
}

t_home_suggestion_reads_whole() {
	SETUP=light_journal at_sizes home_suggestion
}

t_home_keeps_a_readable_width_at_200x60() {
	at_sizes home_wide 200x60
}

# --- the check-in ---

checkin_steps() {
	home
	type "c"
	wait_for "How are you feeling today?"
	seen "the mood at $SIZE" "How are you feeling today?" "1 is the lowest, 10 the best."
	screen | tail -1 | grep -qw "skip" && fail "the mood step offers a skip: $(screen | tail -1)"
	expect_key_line "change" "Enter"
	keys Enter
	wait_for "How strong is the urge"
	seen "the urge at $SIZE" "How strong is the urge to contact them?"
	keys Enter
	wait_for "Was there contact"
	seen "the contact question at $SIZE" "Was there contact since your last check-in?"
	expect_key_line "y yes" "n no"
	screen | tail -1 | grep -q "change" && fail "the contact step shows the scale's keys: $(screen | tail -1)"
	type "n"
	wait_for "What did today hold?"
	seen "the quick tags at $SIZE" "What did today hold?" "Space turns a tag on or off; Enter goes on."
	keys Enter
	wait_for "A few words about today"
	seen "the note at $SIZE" "A few words about today, if you like (Enter to leave it empty)."
	type "a steadier day, 少し"
	keys Enter
	wait_for "Today's prompt"
	seen "the prompt step at $SIZE" "Today's prompt"
	expect_key_line "a answer" "s skip"
	type "s"
	wait_for "Did you do one thing"
	seen "the growth step at $SIZE" "Did you do one thing for yourself today?"
	expect_key_line "y log it" "s skip"
	type "s"
	wait_for "Thank you for checking in."
	seen "the summary at $SIZE" "Thank you for checking in." "Press Enter to go home."
	expect_key_line "Enter home"
}

t_checkin_steps_and_summary_read_whole_with_their_own_keys() {
	at_sizes checkin_steps
}

slip_screen() {
	home
	type "c"
	wait_for "How are you feeling today?"
	keys Enter
	wait_for "How strong is the urge"
	keys Enter
	wait_for "Was there contact"
	type "y"
	wait_for "Who reached out?"
	seen "who reached out at $SIZE" "Who reached out?"
	type "m"
	wait_for "Was it necessary"
	seen "was it necessary at $SIZE" "Was it necessary (children, shared bills, work)?"
	type "n"
	wait_for "This starts your count again"
	seen "the restart question at $SIZE" "This starts your count again from today. Log it?"
	type "y"
	wait_for "Press Enter to go on."
	seen "the slip screen at $SIZE" "Your no-contact count will start again from now." "Press Enter to go on."
}

t_the_slip_screen_reads_whole() {
	at_sizes slip_screen
}

# --- no contact and its dialogs ---

nocontact_dialogs() {
	home
	type "n"
	wait_for "Day 22 of no contact"
	seen "no contact at $SIZE" "Day 22 of no contact" "Letters to yourself"
	expect_word "goal 30 days"
	type "u"
	wait_for "How strong is the urge?"
	seen "the urge dialog at $SIZE" "How strong is the urge?"
	keys Escape
	wait_gone "How strong is the urge?"
	type "w"
	wait_for "Write here."
	seen "the unsent message at $SIZE"
	keys Escape
	wait_gone "Write here."
	wait_for "Letters to yourself"
	type "l"
	wait_for "Open it on which day"
	seen "the letter's day at $SIZE" "Open it on which day of no contact?"
	keys C-u
	type "3"
	keys Enter
	wait_for "for the letter."
	seen "a refused letter day at $SIZE" "Choose a day from 23 to 3650 for the letter."
	type "c"
	wait_for "Who reached out"
	seen "the contact dialog at $SIZE" "Who reached out?"
	keys Escape
	wait_for "Letters to yourself"
	type "s"
	wait_for "last contact"
	seen "the start dialog at $SIZE"
	keys C-u
	type "2025-13-45"
	keys Enter
	wait_for "Give the day as"
	seen "a refused start at $SIZE" "Give the day as 2026-01-31, today, yesterday or -3d."
	wait_for "Letters to yourself"
	type "g"
	wait_for "aim for"
	seen "the goal dialog at $SIZE"
	keys C-u
	type "0"
	keys Enter
	wait_for "A goal is a number of days"
	seen "a refused goal at $SIZE" "A goal is a number of days, from 1 to"
}

t_no_contact_and_its_dialogs_read_whole() {
	at_sizes nocontact_dialogs
}

letter_opens_with_enter() {
	home
	type "n"
	wait_for "Letters to yourself"
	expect_whole "Enter opens the letter chosen"
	keys Enter
	wait_for "Its words wait for you until then."
	seen "a sealed letter at $SIZE" "Its words wait for you until then."
}

t_a_letter_opens_with_enter_where_it_is_listed() {
	at_sizes letter_opens_with_enter
}

nocontact_questions() {
	home
	type "n"
	wait_for "Letters to yourself"
	type "p"
	wait_for "Prompt ·"
	seen "the no-contact questions at $SIZE"
}

t_no_contact_questions_read_whole() {
	at_sizes nocontact_questions
}

# --- reflection, acceptance, decision, growth ---

reflection() {
	home
	type "r"
	wait_for "Your entries"
	seen "reflection at $SIZE" "Prompt ·"
	type "w"
	wait_for "Write here."
	seen "reflection's editor at $SIZE"
	if [ "$SIZE" = 200x60 ]; then
		type "$LONG $LONG $LONG"
		wait_for "心が痛い"
		[ "$(widest)" -le 104 ] || fail "the editor runs to column $(widest) at 200 columns:
$(screen)"
	fi
}

t_reflection_and_its_editor_read_whole() {
	at_sizes reflection
	at_sizes reflection 200x60
}

acceptance() {
	home
	type "a"
	wait_for "Your entries"
	seen "acceptance at $SIZE" "Your decision: Go separate ways."
	ends_whole "Your decision"
	type "d"
	wait_for "What do you want now"
	seen "the decision at $SIZE"
}

t_acceptance_and_the_decision_read_whole() {
	at_sizes acceptance
}

growth() {
	home
	type "g"
	wait_for "This week"
	seen "growth at $SIZE" "This week"
	expect_word "Body"
	type "l"
	wait_for "For which part of your life?"
	seen "growth's log at $SIZE" "For which part of your life?"
}

t_growth_reads_whole() {
	at_sizes growth
}

# --- review, entry view, export, help ---

review_and_entry() {
	home
	type "v"
	wait_for "check-in"
	seen "review at $SIZE"
	expect_word "urge 7/10"
	keys End
	keys Enter
	wait_for "Entry"
	seen "an entry at $SIZE"
}

t_review_and_the_entry_view_read_whole() {
	at_sizes review_and_entry
}

export_screen() {
	home
	type "e"
	wait_for "choose a format"
	seen "export at $SIZE" "Press Enter to choose a format and where to save it."
	keys Enter
	wait_for "Which format?"
	seen "the export's formats at $SIZE" "Which format?"
	type "j"
	wait_for "Save the export as"
	keys C-u
	type "~/journal.json"
	keys Enter
	wait_for "Saved"
	seen "a saved export at $SIZE"
}

t_export_reads_whole() {
	at_sizes export_screen
}

help_screens() {
	home
	type "?"
	wait_for "Keys on this screen"
	expect_whole "Having a very hard time? Press h for help now."
	expect_key_line "Esc back"
	type "h"
	wait_for "You do not have to get through this alone."
	seen "help now at $SIZE" "You do not have to get through this alone." "$NOTE"
}

t_help_and_help_now_read_whole() {
	at_sizes help_screens
}

# --- the draft offer and the too-small screen ---

draft_offer() {
	tui_open_editor
	type "words for later, ことば"
	wait_for "words for later"
	kill -TERM "$(tui_pid)"
	wait_for "MEND_EXITED"
	tui_stop
	tui_start "${SIZE%x*}" "${SIZE#*x}"
	wait_for "Restore it now"
	seen "the draft offer at $SIZE" "Restore it now"
	type "n"
	wait_for "Daily check-in"
}

t_the_draft_offer_reads_whole() {
	at_sizes draft_offer
}

too_small() {
	home
	tui_resize 40 12
	wait_for "make the window larger"
	expect_whole "make the window larger"
	tui_resize "${SIZE%x*}" "${SIZE#*x}"
	wait_for "Daily check-in"
}

t_the_too_small_screen_reads_whole() {
	at_sizes too_small
}

run_tests
