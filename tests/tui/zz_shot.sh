. "$(dirname "$0")/lib.sh"
t_shot() {
	"$MEND" start --date 2026-01-01 >/dev/null
	tui_start ${COLS:-60} ${ROWS:-18}
	wait_for "Pause first"
	screen >>/tmp/pzw/screens.txt
	type p
	wait_for "How strong"
	screen >>/tmp/pzw/screens.txt
	type 8; keys Enter; wait_for "asking for"; screen >>/tmp/pzw/screens.txt; keys Enter; wait_for "Write the message"; screen >>/tmp/pzw/screens.txt
	keys C-d; wait_for "left of"; sleep 2; screen >>/tmp/pzw/screens.txt
	keys Space; wait_for "Still here"; screen >>/tmp/pzw/screens.txt
	type f; wait_for "And now"; keys Enter; wait_for "What would you"; screen >>/tmp/pzw/screens.txt
	exit 1
}
run_tests
