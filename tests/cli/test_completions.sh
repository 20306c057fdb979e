#!/bin/bash
# SPDX-License-Identifier: MIT
# Shell completions: `mend completions bash|zsh|fish` loaded into a real
# bash (complete -p, then _mend with COMP_WORDS as bash sets them), fish
# (complete -C) and zsh (Tab in a tmux pane) when they are installed,
# and the candidates each offers: commands, options, the core's value
# lists, and the journal's entry ids, prompt ids and categories asked of
# the hidden `mend completions --values KIND`, which never creates a
# journal.
. "$(dirname "$0")/lib.sh"
SRC_DATA=$(cd "$(dirname "$0")/../../data" && pwd)

# bash_comp WORD...: the candidates bash's completion of mend gives with
# the cursor at the end of the last WORD (COMP_WORDS as bash splits
# them: "--module=re" is "--module" "=" "re"), one line, sorted.
bash_comp() {
	"$MEND" completions bash >"$WORK/mend.bash" || fail "no bash script"
	PATH="$(dirname "$MEND"):$PATH" bash --norc --noprofile -c '
		source "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_mend mend "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"' bash "$WORK/mend.bash" "$@" |
		sed '/^$/d' | sort | tr '\n' ' ' | sed 's/ $//'
}

t_bash_registers_the_function() {
	"$MEND" completions bash >"$WORK/mend.bash"
	got=$(bash --norc --noprofile -c 'source "$1" && complete -p mend' bash "$WORK/mend.bash")
	expect_eq "$got" "complete -F _mend mend" "complete -p mend"
}

t_bash_completes_every_command_from_the_table() {
	local want
	want=$("$MEND" --help | awk '/^  [a-z]/ && !/^  --/ {print $1}' | sort)
	want=$(printf '%s\nhelp\n' "$want" | sort | tr '\n' ' ' | sed 's/ $//')
	expect_eq "$(bash_comp mend '')" "$want" "commands"
	expect_eq "$(bash_comp mend pro)" "profile prompt prompts" "commands from pro"
	expect_eq "$(bash_comp mend --db j.db rem)" "remind" "after --db PATH"
}

t_bash_completes_options_of_a_command() {
	expect_eq "$(bash_comp mend checkin --)" \
		"--contact --date --db --help --mood --no-contact --note --tag --urge" "checkin options"
	expect_eq "$(bash_comp mend list --m)" "--module" "list --m"
	expect_eq "$(bash_comp mend completions --)" "--db --help" "the hidden --values is not offered"
	expect_eq "$(bash_comp mend --)" "--db --draw-once --help --version" "mend's own options"
}

t_bash_completes_enumerated_values() {
	expect_eq "$(bash_comp mend list --module '')" \
		"acceptance checkin growth nocontact path reflection" "modules"
	expect_eq "$(bash_comp mend list -m re)" "reflection" "-m re"
	expect_eq "$(bash_comp mend prompt --module '')" \
		"acceptance growth nocontact reflection" "prompt modules"
	expect_eq "$(bash_comp mend list --module = gr)" "growth" "--module=gr"
	expect_eq "$(bash_comp mend list --module =)" \
		"acceptance checkin growth nocontact path reflection" "--module="
	expect_eq "$(bash_comp mend decide '')" "friends part-ways reconnect undecided" "outcomes"
	expect_eq "$(bash_comp mend contact --channel '')" "call in-person other social text" "channels"
	expect_eq "$(bash_comp mend contact --by '')" "me them" "who reached out"
	expect_eq "$(bash_comp mend export --format '')" "jrnl json markdown" "formats"
	expect_eq "$(bash_comp mend config '')" \
		"contact-mode crisis-line day-start-hour goal lock-minutes quick-tags remind remind-at secret-service unlock-minutes" "config keys"
	expect_eq "$(bash_comp mend config remind '')" "off on" "remind values"
	expect_eq "$(bash_comp mend config secret-service '')" "off on" "secret-service values"
	expect_eq "$(bash_comp mend config goal '')" "" "goal takes a number"
	expect_eq "$(bash_comp mend completions '')" "bash fish zsh" "shells"
	expect_eq "$(bash_comp mend help con)" "config contact" "help COMMAND"
	# a value being typed is not an option
	expect_eq "$(bash_comp mend checkin --note '')" "" "free text"
}

t_bash_completes_from_the_journal() {
	local ids want
	"$MEND" reflect "first" >/dev/null && "$MEND" grow --category body "a walk" >/dev/null ||
		fail "could not write entries"
	ids=$("$MEND" list --json | jq -r '.[].id[0:8]' | sort | tr '\n' ' ' | sed 's/ $//')
	expect_eq "$(bash_comp mend show '')" "$ids" "entry ids for show"
	expect_eq "$(bash_comp mend delete --yes '')" "$ids" "entry ids after a flag"
	expect_eq "$(bash_comp mend edit "${ids%% *}" '')" "" "edit's second word is text"
	expect_eq "$(bash_comp mend grow --category '')" \
		"$(jq -r '.categories[].id' "$SRC_DATA/messages.json" | sort | tr '\n' ' ' | sed 's/ $//')" \
		"categories"
	want=$("$MEND" prompts --module acceptance | awk '{print $1}' | grep '^acceptance\.let' | sort | tr '\n' ' ' | sed 's/ $//')
	[ -n "$want" ] || fail "no acceptance prompts to compare"
	expect_eq "$(bash_comp mend accept --prompt acceptance.let)" "$want" "prompt ids"
}

t_bash_asks_the_journal_named_by_db() {
	local other=$WORK/other.db ids
	MEND_DB=$other "$MEND" reflect "elsewhere" >/dev/null || fail "could not write"
	ids=$(MEND_DB=$other "$MEND" list --json | jq -r '.[].id[0:8]')
	expect_eq "$(bash_comp mend --db "$other" show '')" "$ids" "--db before the command"
	expect_eq "$(bash_comp mend show --db "$other" '')" "$ids" "--db after the command"
	expect_eq "$(bash_comp mend show '')" "" "the default journal has none"
	[ ! -e "$MEND_DB" ] || fail "completing created a journal"
}

t_values_read_and_never_create() {
	mend completions --values entries
	expect_rc 0
	expect_no_out
	[ ! -e "$MEND_DB" ] || fail "a journal was created"
	mend completions --values outcomes
	expect_rc 0
	expect_eq "$(tr '\n' ' ' <"$OUT")" "reconnect friends part-ways undecided " "outcomes"
	mend completions --values prompts
	grep -qx 'reflection.what-went-wrong.1' "$OUT" || fail "no prompt ids"
}

t_values_take_tags_from_imported_entries() {
	cat >"$WORK/j.json" <<'JSON'
{
  "tags": {"@walk": 2, "@sea": 1},
  "entries": [
    {"title": "By the water", "body": "Cold and clear.", "date": "2025-12-01", "time": "18:30", "tags": ["@walk", "@sea"], "starred": false},
    {"title": "Again", "body": "Shorter.", "date": "2025-12-02", "time": "07:05", "tags": ["@walk"], "starred": false}
  ]
}
JSON
	"$MEND" import "$WORK/j.json" >/dev/null || fail "the jrnl file was not imported"
	mend completions --values tags
	expect_rc 0
	expect_eq "$(sort "$OUT" | tr '\n' ' ')" "@sea @walk " "tags, each once"
}

t_completions_bad_shell_refused() {
	bad_input "shell: 'tcsh' is not one of bash, zsh, fish" completions tcsh
	bad_input "values: 'nope' is not one of" completions --values nope
	[ ! -e "$MEND_DB" ] || fail "a journal was created"
}

t_fish_completes_when_installed() {
	command -v fish >/dev/null 2>&1 || { echo "skip: fish is not installed"; return 0; }
	"$MEND" completions fish >"$WORK/mend.fish"
	fish_comp() {
		PATH="$(dirname "$MEND"):$PATH" fish --no-config -c \
			"source $WORK/mend.fish; complete -C '$1'" | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//'
	}
	expect_eq "$(fish_comp 'mend list --module ')" \
		"acceptance checkin growth nocontact path reflection" "fish modules"
	expect_eq "$(fish_comp 'mend config remind ')" "off on" "fish remind values"
	expect_eq "$(fish_comp 'mend decide ')" "friends part-ways reconnect undecided" "fish outcomes"
	expect_eq "$(fish_comp 'mend pro')" "profile prompt prompts" "fish commands"
	expect_eq "$(fish_comp 'mend status --')" "--db --format --help --json --line" "fish options"
	"$MEND" reflect "one" >/dev/null
	expect_eq "$(fish_comp 'mend show ')" "$("$MEND" list --json | jq -r '.[0].id[0:8]')" "fish entry ids"
}

t_zsh_completes_when_installed() {
	command -v zsh >/dev/null 2>&1 || { echo "skip: zsh is not installed"; return 0; }
	command -v tmux >/dev/null 2>&1 || { echo "skip: tmux is not installed"; return 0; }
	mkdir -p "$WORK/zfunc"
	"$MEND" completions zsh >"$WORK/zfunc/_mend"
	zsh -n "$WORK/zfunc/_mend" || fail "zsh cannot read the script"
	local sock=$WORK/tmux s=z
	tmux -S "$sock" new-session -d -s $s -x 120 -y 20 \
		"env PATH=$(dirname "$MEND"):$PATH HOME=$HOME MEND_DB=$MEND_DB zsh -f"
	trap 'tmux -S "$sock" kill-server 2>/dev/null' EXIT
	# zsh_tab LINE WORD...: type LINE and Tab; every WORD must be offered
	zsh_tab() {
		local line=$1 i w ok
		shift
		tmux -S "$sock" send-keys -t $s C-u C-l
		tmux -S "$sock" send-keys -t $s "$line" Tab
		for i in $(seq 100); do
			sleep 0.1
			tmux -S "$sock" capture-pane -p -t $s >"$WORK/screen"
			ok=1
			for w in "$@"; do
				grep -qw -- "$w" "$WORK/screen" || ok=0
			done
			[ $ok = 1 ] && break
		done
		for w in "$@"; do
			grep -qw -- "$w" "$WORK/screen" || { cat "$WORK/screen"; fail "zsh does not offer $w for '$line'"; }
		done
		tmux -S "$sock" send-keys -t $s C-u
	}
	tmux -S "$sock" send-keys -t $s "fpath=($WORK/zfunc \$fpath); autoload -Uz compinit; compinit -u -D; PS1='%% '" Enter
	zsh_tab "mend list --module " acceptance checkin growth nocontact path reflection
	zsh_tab "mend decide " friends part-ways reconnect undecided
	zsh_tab "mend completions " bash fish zsh
	zsh_tab "mend export --format " jrnl json markdown
}

run_tests
