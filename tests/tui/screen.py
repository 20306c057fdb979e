#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Reads what tmux's `capture-pane -p -e` printed (text with the SGR
# sequences of each cell) and answers questions about it as a person would
# see it, so the TUI tests can check attributes, not only words.
#
#   screen.py attrs TEXT        the attributes of the first cell of TEXT:
#                               words among bold dim italic underline
#                               reverse fg=N bg=N (N: 0-255), "normal" if
#                               none; exit 1 when TEXT is not on screen
#   screen.py whole TEXT [FROM TO]
#                               exit 0 when TEXT is on screen whole, even if
#                               wrapped over lines (white space counts as
#                               one space), reading only columns FROM..TO-1
#   screen.py widest -          the rightmost column holding text, the
#                               title and key lines left out
#   screen.py word TEXT         exit 0 when TEXT is on screen with a space,
#                               a line edge or punctuation on both sides
#                               (nothing runs into it)
import re
import sys
import unicodedata

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER = re.compile(r"\x1b[()][0-9A-Za-z]|\x1b\[[0-9;?]*[A-Za-ln-z]|\x1b[=>]")


def cells(raw):
    """Yield lines as lists of (char, attrs) with SGR state carried."""
    state = {}
    lines = []
    for line in raw.split("\n"):
        out = []
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                apply(state, m.group(1))
                pos = m.end()
                continue
            m = OTHER.match(line, pos)
            if m:
                pos = m.end()
                continue
            ch = line[pos]
            out.append((ch, dict(state)))
            if unicodedata.east_asian_width(ch) in "WF":
                out.append(("", dict(state)))
            pos += 1
        lines.append(out)
    return lines


def apply(state, params):
    codes = [int(c) if c else 0 for c in re.split(r"[;:]", params)] if params else [0]
    i = 0
    names = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse"}
    off = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",), 27: ("reverse",)}
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.clear()
        elif c in names:
            state[names[c]] = True
        elif c in off:
            for n in off[c]:
                state.pop(n, None)
        elif 30 <= c <= 37:
            state["fg"] = c - 30
        elif 90 <= c <= 97:
            state["fg"] = c - 90 + 8
        elif 40 <= c <= 47:
            state["bg"] = c - 40
        elif 100 <= c <= 107:
            state["bg"] = c - 100 + 8
        elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
            state["fg" if c == 38 else "bg"] = codes[i + 2]
            i += 2
        elif c == 39:
            state.pop("fg", None)
        elif c == 49:
            state.pop("bg", None)
        i += 1


def text_of(line):
    return "".join(ch for ch, _ in line)


def describe(a):
    words = [k for k in ("bold", "dim", "italic", "underline", "reverse") if a.get(k)]
    for k in ("fg", "bg"):
        if k in a:
            words.append("%s=%d" % (k, a[k]))
    return " ".join(words) or "normal"


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    raw = sys.stdin.read()
    lines = cells(raw)
    what, text = sys.argv[1], sys.argv[2]
    if what == "attrs":
        for line in lines:
            t = text_of(line)
            i = t.find(text)
            if i >= 0:
                # a wide character takes two cells, the second one empty:
                # map the i-th character to its cell
                cells_with_text = [k for k, (c, _) in enumerate(line) if c]
                print(describe(line[cells_with_text[i]][1]))
                return 0
        return 1
    if what == "whole":
        lo = int(sys.argv[3]) if len(sys.argv) > 3 else 0
        hi = int(sys.argv[4]) if len(sys.argv) > 4 else 10**6
        joined = squash(" ".join(text_of(l[lo:hi]) for l in lines))
        return 0 if squash(text) in joined else 1
    if what == "word":
        pat = re.compile(r"(^|[\s(\[·:,.;!?|/])" + re.escape(text) + r"($|[\s)\]·:,.;!?|/…])")
        return 0 if any(pat.search(text_of(l)) for l in lines) else 1
    if what == "widest":
        # the rightmost column holding text, title and key line left out
        body = lines[1:-2] if len(lines) > 3 else lines
        print(max((len(text_of(l).rstrip()) for l in body), default=0))
        return 0
    print("screen.py: unknown question " + what, file=sys.stderr)
    return 2


sys.exit(main())
