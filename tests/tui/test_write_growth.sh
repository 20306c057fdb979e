#!/bin/bash
# SPDX-License-Identifier: MIT
# The writing screens and Self-improvement through tmux: a no-contact
# prompt answered and saved, growth asking what before how long and
# listing the week, and prompt pickers that never cut an item silently.
. "$(dirname "$0")/lib.sh"

# select_row TEXT: move down a list until the row showing TEXT is the
# highlighted one.
select_row() {
	local i
	for i in $(seq 1 40); do
		[[ " $(attrs_of "$1" 2>/dev/null) " == *" reverse "* ]] && return 0
		keys Down
		sleep 0.05
	done
	fail "the row '$1' was never highlighted:
$(screen)"
}

# No row of the screen is wider than the window, counted in columns
# (characters, wide ones as two), not bytes.
expect_rows_fit() {
	screen | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
for row in sys.stdin.read().split("\n"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in row)
    if w > cols:
        sys.exit("%d columns: %s" % (w, row))
' "$1" || fail "a row runs past $1 columns:
$(screen)"
}

go_home() {
	mend start --date 2026-01-01
	tui_start "${1:-100}" "${2:-30}"
	wait_for "Today's check-in"
}

t_no_contact_prompt_answered_from_the_write_screen_and_saved() {
	go_home
	type "r"
	wait_for "Your entries"
	type "p"
	wait_for "Pick a theme"
	wait_for "Urges (no contact)"
	select_row "Urges (no contact)"
	keys Enter
	wait_for "Pick a prompt"
	keys Enter
	wait_for "Write here."
	type "It mostly wants to feel close again."
	keys C-d
	wait_for "Saved."
	wait_for "It mostly wants to feel close again."
	keys Escape
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json
	expect_eq "$(json '.[0].kind')" reflection "kind"
	[[ "$(json '.[0].prompt_id')" == nocontact.urges.* ]] ||
		fail "the answer does not keep its no-contact prompt: $(json '.[0].prompt_id')"
	expect_eq "$(json '.[0].text')" "It mostly wants to feel close again." "text"
}

# The no-contact screen's questions (ui_open_write for no contact) are
# reached here through a draft left in them: it comes back on that
# screen, which lists the answers to no-contact prompts and nothing else.
t_no_contact_questions_screen_lists_its_answers_and_saves_a_draft() {
	mend start --date 2026-01-01
	mend reflect --prompt nocontact.space.1 "The mornings are calmer."
	mend reflect "A plain reflection, not about no contact."
	sqlite3 "$MEND_DB" "INSERT INTO drafts (id, context, text, updated_at)
		VALUES (1, 'nocontact:nocontact.urges.2', 'I felt worse after.',
		'2026-01-11T08:00:00Z')" || fail "sqlite3 could not add the draft"
	tui_start 100 30
	wait_for "Restore it now"
	type "r"
	wait_for "I felt worse after."
	keys C-d
	wait_for "Saved."
	wait_for "No contact: questions"
	wait_for "Your answers (2)"
	wait_for "The mornings are calmer."
	screen | grep -q "A plain reflection" &&
		fail "a reflection without a no-contact prompt is listed:
$(screen)"
	keys Escape
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json --module reflection
	expect_fields '.[0].prompt_id' nocontact.urges.2 \
		'.[0].text' "I felt worse after."
}

t_growth_asks_what_before_how_long_and_lists_the_week() {
	go_home
	type "g"
	wait_for "Logged this week"
	wait_for "Nothing yet this week"
	type "l"
	wait_for "For which part of your life?"
	select_row "Connection"
	keys Enter
	wait_for "What did you do?"
	screen | grep -q "minutes" && fail "minutes asked before what was done:
$(screen)"
	type "Called my brother"
	keys Enter
	wait_for "How long was it, in minutes?"
	type "half an hour"
	keys Enter
	wait_for "Minutes are a whole number from 0 to 1440."
	wait_for "How long was it, in minutes?"
	screen | grep -q "minutes: " && fail "a field path is shown:
$(screen)"
	type "30"
	keys Enter
	wait_for "Saved. Looking after yourself counts."
	wait_for "Called my brother"
	wait_for "30 min"
	type "q"
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json --module growth
	expect_fields 'length' 1 '.[0].category' connection '.[0].minutes' 30 \
		'.[0].text' "Called my brother"
}

t_growth_question_of_the_day_is_answered_in_its_category() {
	local theme text
	mend start --date 2026-01-01
	mend prompt --module growth --json
	theme=$(json .theme)
	text=$(json .text)
	tui_start 100 30
	wait_for "Today's check-in"
	type "g"
	wait_for "A question for today"
	expect_whole "$text"
	type "w"
	wait_for "Self-improvement"
	expect_whole "$text"
	type "Made soup"
	keys Enter
	wait_for "How long was it, in minutes?"
	keys Enter
	wait_for "Saved. Looking after yourself counts."
	wait_for "Made soup"
	type "q"
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend list --json --module growth
	expect_fields '.[0].category' "$theme" '.[0].text' "Made soup" \
		'.[0].minutes' null
}

# Every prompt of a theme shows on the screen whole, or cut with an
# ellipsis at the end of its row.
expect_items_whole_or_ellipsized() {
	local texts=$1
	screen | python3 -c '
import sys, json
rows = [r.strip() for r in sys.stdin.read().split("\n")]
bad = []
for t in json.loads(sys.argv[1]):
    ok = any(r == t or (r.endswith("\u2026") and len(r) > 10 and
             t.startswith(r[:-1].rstrip())) for r in rows)
    if not ok:
        bad.append(t)
sys.exit("\n".join(bad) if bad else 0)
' "$texts" || fail "a prompt is cut without an ellipsis:
$(screen)"
}

t_prompt_picker_at_60x18_shows_no_item_cut_without_an_ellipsis() {
	local texts
	mend prompts --module reflection --json
	texts=$(jq -c '[.[] | select(.theme == "what-went-wrong") | .text]' "$OUT")
	go_home 60 18
	type "r"
	wait_for "Your entries"
	type "p"
	wait_for "Pick a theme"
	wait_for "What went wrong"
	screen | grep -q "what-went-wrong" && fail "a theme shows as a slug:
$(screen)"
	expect_rows_fit 60
	select_row "What went wrong"
	keys Enter
	wait_for "Pick a prompt"
	expect_rows_fit 60
	expect_items_whole_or_ellipsized "$texts"
	# and the picked prompt is the one the editor shows, whole
	keys Down Enter
	wait_for "Write here."
	expect_whole "$(echo "$texts" | jq -r '.[1]')"
}

t_acceptance_decision_speaks_in_words() {
	go_home
	type "a"
	wait_for "No decision yet"
	type "d"
	wait_for "What do you want now?"
	select_row "Not decided yet"
	keys Enter
	wait_for "Your reasons"
	keys Enter
	wait_for "Saved. It can change whenever you need it to."
	wait_for "Your decision: Not decided yet."
	screen | grep -q "is undecided" && fail "the decision is a raw name:
$(screen)"
	type "q"
	wait_for "Today's check-in"
	type "q"
	wait_for "MEND_EXITED=0"
	mend decide
	expect_out "Current decision: undecided"
}

run_tests
