#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# mend insights and mend week, on a generated year: check-ins with known
# moods and gaps, periods restarted by contacts, urges at known hours,
# pauses with the urge before and after, growth and quick tags on known
# days. Every figure is computed again here, independently, from
# `mend export` with python3, and every --json output is checked against
# data/mend-insights.schema.json.
. "$(dirname "$0")/lib.sh"

DATA=$(cd "$(dirname "$0")/../../data" && pwd)
NOW=2026-03-02T12:00:00Z

# The year: 2025-03-02 .. 2026-03-02 (MEND_NOW), written as an export and
# imported. Deterministic: the numbers come from the day's index.
make_year() {
	python3 - "$WORK/year.json" <<'EOF'
import json, sys, uuid, datetime as dt
first = dt.date(2025, 3, 2)
last = dt.date(2026, 3, 2)
n = (last - first).days + 1
ids = iter(uuid.UUID(int=i + 1, version=4) for i in range(100000))
def e(kind, module, at, **kw):
    d = {"id": str(next(ids)), "kind": kind, "module": module,
         "created_at": at, "updated_at": at, "starred": False,
         "text": kw.pop("text", "")}
    d.update(kw)
    return d
entries = []
for i in range(n):
    day = first + dt.timedelta(days=i)
    ds = day.isoformat()
    gap = i % 9 == 4 or 200 <= i < 206  # single gap days and one gap week
    if not gap:
        tags = []
        if i % 3 == 0: tags.append("sleep")
        if i % 7 == 2: tags.append("cried")
        c = dict(day=ds, mood=1 + (i * 7 + i // 5) % 10, contact=False)
        if i % 4 != 1: c["urge"] = (i * 3) % 11
        if tags: c["tags"] = tags
        entries.append(e("checkin", "checkin", ds + "T20:00:00Z", **c))
    if i % 4 == 0:
        entries.append(e("growth", "growth", ds + "T08:30:00Z",
                         category="body", minutes=20 + i % 40,
                         text="a walk by the river"))
    if i % 6 == 1:
        entries.append(e("growth", "growth", ds + "T11:00:00Z",
                         category="mind", minutes=15, text="read"))
    if i % 10 == 3:
        entries.append(e("reflection", "reflection", ds + "T21:30:00Z",
                         text="reflection of day %d" % i))
    if i % 3 == 0:
        # an urge at a known hour; 01:xx and 02:xx belong to the day
        # before (a journal day starts at 04:00)
        h = (i * 5) % 24
        entries.append(e("urge", "nocontact",
                         "%sT%02d:15:00Z" % (ds, h), urge=1 + i % 10))
    if i % 11 == 5:
        entries.append(e("pause", "nocontact", ds + "T22:40:00Z",
                         urge=6 + i % 5, urge_after=i % 6, seconds=300,
                         step="waited"))
    if i % 45 == 7:
        entries.append(e("unsent", "nocontact", ds + "T23:00:00Z",
                         text="unsent number %d" % i))
# Contacts that restarted the count: periods end there.
cuts = [first + dt.timedelta(days=k) for k in (0, 40, 130, 250)]
periods = []
for k, start in enumerate(cuts):
    p = {"id": str(next(ids)), "created_at": start.isoformat() + "T09:00:00Z",
         "updated_at": start.isoformat() + "T09:00:00Z",
         "started_at": start.isoformat() + "T09:00:00Z"}
    if k + 1 < len(cuts):
        p["ended_at"] = cuts[k + 1].isoformat() + "T09:00:00Z"
        entries.append(e("contact", "nocontact", p["ended_at"], by="me",
                         channel="text", necessary=False,
                         restarted_period=True))
    periods.append(p)
doc = {"format": "mend-journal", "version": 1,
       "exported_at": "2026-03-02T12:00:00Z", "app_version": "0.1.0",
       "settings": {"start_date": first.isoformat(),
                    "updated_at": "2025-03-02T09:00:00Z"},
       "periods": periods, "entries": entries}
json.dump(doc, open(sys.argv[1], "w"))
EOF
	MEND_NOW=$NOW "$MEND" import "$WORK/year.json" >/dev/null 2>&1 ||
		fail "the generated year does not import"
	MEND_NOW=$NOW "$MEND" export >"$WORK/export.json" ||
		fail "the year does not export"
}

# valid: every --json output named is valid against the schema.
valid() {
	python3 - "$DATA/mend-insights.schema.json" "$@" <<'EOF' || fail "an output does not match mend-insights.schema.json"
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
bad = 0
for f in sys.argv[2:]:
    for err in v.iter_errors(json.load(open(f))):
        print(f, err.message[:300]); bad += 1
sys.exit(1 if bad else 0)
EOF
}

# check PY: run python code with `ex` (the export), `got` (the JSON in
# $OUT) and the helpers below; it prints what differs and fails.
check() {
	cp "$OUT" "$WORK/got.json"
	python3 - "$WORK/export.json" "$WORK/got.json" "$1" <<'EOF' || fail "the figures differ from the export"
import json, sys, datetime as dt
ex = json.load(open(sys.argv[1]))
got = json.load(open(sys.argv[2]))
E = ex["entries"]
def t(s): return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
def jday(s): return (t(s) - dt.timedelta(hours=4)).date()  # TZ=UTC, 04:00
def D(s): return dt.date.fromisoformat(s)
checkins = {D(x["day"]): x for x in E if x["kind"] == "checkin"}
def mean(v): return sum(v) / len(v) if v else None
def avg(v): return {"n": len(v), "mean": mean(v)}
bad = []
def same(a, b, what):
    if isinstance(a, dict) and isinstance(b, dict):
        if a.get("n") != b.get("n") or (a.get("mean") is None) != (b.get("mean") is None) \
           or (a.get("mean") is not None and abs(a["mean"] - b["mean"]) > 1e-9):
            bad.append("%s: got %s, expected %s" % (what, a, b))
    elif a != b:
        bad.append("%s: got %r, expected %r" % (what, a, b))
exec(open(sys.argv[3]).read() if sys.argv[3].endswith(".py") else sys.argv[3])
for b in bad[:15]: print(b)
sys.exit(1 if bad else 0)
EOF
}

t_mood_by_day_matches_the_export_and_keeps_gaps() {
	make_year
	export MEND_NOW=$NOW
	mend insights mood --by day --since 2025-09-01 --until 2025-10-31 --json
	expect_rc 0
	valid "$OUT"
	check '
pts = got["points"]
same(len(pts), 61, "points")
gaps = 0
for k, p in enumerate(pts):
    d = dt.date(2025, 9, 1) + dt.timedelta(days=k)
    same(p["start"], d.isoformat(), "start")
    c = checkins.get(d)
    same(p["mood"], avg([c["mood"]] if c else []), "mood " + p["start"])
    same(p["urge"], avg([c["urge"]] if c and "urge" in c else []), "urge " + p["start"])
    gaps += c is None
    if c is None and p["mood"]["mean"] is not None:
        bad.append("a gap has a mean: " + p["start"])
if gaps < 5: bad.append("the span should hold gap days, it has %d" % gaps)
'
}

t_mood_by_week_and_month_match_the_export() {
	make_year
	export MEND_NOW=$NOW
	mend insights mood --by week --since 2025-06-01 --until 2026-01-15 --json
	expect_rc 0
	valid "$OUT"
	check '
for p in got["points"]:
    s = D(p["start"])
    if s.weekday() != 0: bad.append("a week starts on a Monday: " + p["start"])
    days = [s + dt.timedelta(days=k) for k in range(7)]
    days = [d for d in days if dt.date(2025, 6, 1) <= d <= dt.date(2026, 1, 15)]
    same(p["mood"], avg([checkins[d]["mood"] for d in days if d in checkins]), "week " + p["start"])
same(got["points"][0]["start"], "2025-05-26", "first week")
# the gap week (days 200..205 of the year) shows as an empty bucket or less
'
	mend insights mood --by month --since 2025-03-02 --json
	expect_rc 0
	valid "$OUT"
	check '
same(len(got["points"]), 13, "months")
for p in got["points"]:
    s = D(p["start"])
    v = [c["mood"] for d, c in checkins.items() if (d.year, d.month) == (s.year, s.month)]
    same(p["mood"], avg(v), "month " + p["start"])
    same(p["urge"], avg([c["urge"] for d, c in checkins.items() if (d.year, d.month) == (s.year, s.month) and "urge" in c]), "urge " + p["start"])
'
}

t_mood_averages_are_the_last_7_and_30_days_and_the_30_before() {
	make_year
	export MEND_NOW=$NOW
	mend insights mood --json
	expect_rc 0
	check '
today = dt.date(2026, 3, 2)
def span(a, b): return [checkins[today - dt.timedelta(days=k)] for k in range(a, b + 1) if today - dt.timedelta(days=k) in checkins]
a = got["averages"]
same(a["mood"]["last_7"], avg([c["mood"] for c in span(0, 6)]), "mood last 7")
same(a["mood"]["last_30"], avg([c["mood"] for c in span(0, 29)]), "mood last 30")
same(a["mood"]["previous_30"], avg([c["mood"] for c in span(30, 59)]), "mood previous 30")
same(a["urge"]["last_30"], avg([c["urge"] for c in span(0, 29) if "urge" in c]), "urge last 30")
same(got["until"], "2026-03-02", "until")
same(len(got["points"]), 30, "a default page of 30 days")
'
}

t_mood_text_chart_fits_columns_and_shows_gaps() {
	make_year
	export MEND_NOW=$NOW
	COLUMNS=60 mend insights mood --since 2025-09-01 --until 2025-09-30
	expect_rc 0
	expect_out "Mood by day, 2025-09-01 to 2025-09-30"
	expect_out "no check-in"
	expect_out "█"
	local wide
	wide=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$OUT")
	[ "$wide" -le 60 ] || fail "a line is $wide columns wide, more than 60"
	# the gap days of the export are the lines that say so
	python3 - "$WORK/export.json" "$OUT" <<'EOF' || fail "the gap lines are not the days without a check-in"
import json, sys, datetime as dt
days = {x["day"] for x in json.load(open(sys.argv[1]))["entries"] if x["kind"] == "checkin"}
for line in open(sys.argv[2], encoding="utf-8"):
    if line[:4] == "2025":
        if (line[:10] in days) == ("no check-in" in line):
            print("wrong:", line); sys.exit(1)
EOF
	MEND_ASCII=1 mend insights mood --since 2025-09-01 --until 2025-09-30
	expect_out "#"
	if grep -q '[^[:print:][:space:]]' "$OUT" || LC_ALL=C grep -q $'[\x80-\xff]' "$OUT"; then
		fail "MEND_ASCII=1 output is not ASCII"
	fi
	LANG=C LC_ALL=C mend insights mood --since 2025-09-01 --until 2025-09-30
	LC_ALL=C grep -q $'[\x80-\xff]' "$OUT" && fail "output under LANG=C is not ASCII"
	return 0
}

# Every view's text fits the window: $COLUMNS 60 and 80.
t_every_view_fits_the_columns() {
	make_year
	export MEND_NOW=$NOW
	local v c wide
	for c in 60 80; do
		for v in mood calendar periods helps urges week onthisday thennow; do
			COLUMNS=$c mend insights "$v"
			expect_rc 0
			wide=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$OUT")
			[ "$wide" -le "$c" ] || fail "$v: a line is $wide columns wide at COLUMNS=$c"
		done
	done
}

t_calendar_matches_the_export() {
	make_year
	export MEND_NOW=$NOW
	mend insights calendar --year 2025 --json
	expect_rc 0
	valid "$OUT"
	check '
same(len(got["days"]), 365, "days")
for k, d in enumerate(got["days"]):
    day = dt.date(2025, 1, 1) + dt.timedelta(days=k)
    same(d["day"], day.isoformat(), "day")
    c = checkins.get(day)
    same(d["mood"], c["mood"] if c else None, "mood " + d["day"])
same(got["checkins"], sum(1 for d in checkins if d.year == 2025), "checkins")
same(got["first_year"], 2025, "first year")
same(got["last_year"], 2026, "last year")
'
	mend insights calendar --year 2025
	expect_out "2025, a year in pixels"
	expect_out "Jan"
	expect_out "Dec"
	expect_out "no check-in"
	expect_out "--year YYYY"
}

t_periods_match_the_export() {
	make_year
	export MEND_NOW=$NOW
	mend insights periods --since 2025-03-02 --json
	expect_rc 0
	valid "$OUT"
	check '
now = t("2026-03-02T12:00:00Z")
ps = sorted(ex["periods"], key=lambda p: p["started_at"])
days = [((t(p["ended_at"]) if "ended_at" in p else now) - t(p["started_at"])).days for p in ps]
same([p["days"] for p in got["periods"]], days, "days")
same(got["total_days"], sum(days), "total")
same(got["longest_days"], max(days), "longest")
same([p["running"] for p in got["periods"]], [False, False, False, True], "running")
# urges and pauses by journal-day week (Monday first)
def week(s):
    d = jday(s); return (d - dt.timedelta(days=d.weekday())).isoformat()
w = {}
for x in E:
    if x["kind"] in ("urge", "pause") and jday(x["created_at"]) >= dt.date(2025, 3, 2):
        w.setdefault(week(x["created_at"]), []).append(x)
for g in got["weeks"]:
    xs = w.get(g["start"], [])
    same(g["urges"], sum(1 for x in xs if x["kind"] == "urge"), "urges " + g["start"])
    same(g["pauses"], sum(1 for x in xs if x["kind"] == "pause"), "pauses " + g["start"])
    same(g["strength"], avg([x["urge"] for x in xs if x["kind"] == "urge"]), "strength " + g["start"])
    same(g["before"], avg([x["urge"] for x in xs if x["kind"] == "pause"]), "before " + g["start"])
    same(g["after"], avg([x["urge_after"] for x in xs if x["kind"] == "pause"]), "after " + g["start"])
allp = [x for v in w.values() for x in v if x["kind"] == "pause"]
same(got["pauses"], len(allp), "pauses")
same(got["urges"], sum(len(v) for v in w.values()) - len(allp), "urges")
same(got["before"], avg([x["urge"] for x in allp]), "before")
same(got["after"], avg([x["urge_after"] for x in allp]), "after")
if not allp: bad.append("the year should hold pauses")
'
	mend insights periods
	expect_rc 0
	expect_out "Days of space in all:"
	expect_out "The longest stretch:"
	expect_out "Before a pause the urge was on average"
}

t_helps_matches_the_export_and_never_says_cause() {
	make_year
	export MEND_NOW=$NOW
	mend insights helps --json
	expect_rc 0
	valid "$OUT"
	check '
moods = {d: c["mood"] for d, c in checkins.items()}
def rows(keyed):
    out = {}
    for key, ds in keyed.items():
        w = [moods[d] for d in ds if d in moods]
        o = [m for d, m in moods.items() if d not in ds]
        if len(w) >= 5 and len(o) >= 5: out[key] = (avg(w), avg(o))
    return out
cat, mod, tag = {}, {}, {}
for x in E:
    if x["kind"] == "growth": cat.setdefault(x["category"], set()).add(jday(x["created_at"]))
    if x["module"] != "checkin": mod.setdefault(x["module"], set()).add(jday(x["created_at"]))
    if x["kind"] == "checkin":
        for g in x.get("tags", []): tag.setdefault(g, set()).add(D(x["day"]))
want = {("category", k): v for k, v in rows(cat).items()}
want.update({("module", k): v for k, v in rows(mod).items()})
want.update({("tag", k): v for k, v in rows(tag).items()})
have = {(r["what"], r["key"]): (r["with"], r["without"]) for r in got["rows"]}
same(sorted(have), sorted(want), "rows")
for k in want:
    if k in have:
        same(have[k][0], want[k][0], "with %s" % (k,))
        same(have[k][1], want[k][1], "without %s" % (k,))
same(got["checkin_days"], len(moods), "check-in days")
for r in got["rows"]:
    s = r["sentence"]
    if not s.startswith("On days ") or "(n = %d)" % r["with"]["n"] not in s or "(n = %d)" % r["without"]["n"] not in s:
        bad.append("sentence: " + s)
    for w in ("because", "caus", "made you", "so that"):
        if w in s.lower(): bad.append("a sentence speaks of cause: " + s)
'
	mend insights helps
	expect_rc 0
	expect_out "On days you did something for your body your mood was on average"
	expect_out "On days you marked “sleep” your mood was on average"
	grep -qiE 'because|caus' "$OUT" && fail "the text speaks of cause"
	return 0
}

t_helps_leaves_out_what_has_fewer_than_five_days() {
	export MEND_NOW=2026-01-20T12:00:00Z
	local d
	for d in 1 2 3 4 5 6 7 8 9 10 11 12; do
		MEND_NOW=2026-01-$(printf %02d "$d")T20:00:00Z "$MEND" checkin --mood 5 \
			$([ "$d" -le 4 ] && echo --tag work) >/dev/null || fail "checkin"
	done
	mend insights helps --json
	expect_rc 0
	valid "$OUT"
	expect_fields '.rows | length' 0 '.checkin_days' 12
	mend insights helps
	expect_out "Not enough days to compare yet"
	# a fifth day with the tag makes the row
	MEND_NOW=2026-01-13T20:00:00Z "$MEND" checkin --mood 9 --tag work >/dev/null
	mend insights helps --json
	expect_fields '.rows | length' 1 '.rows[0].key' work '.rows[0].with.n' 5 \
		'.rows[0].without.n' 8 '.rows[0].with.mean' 5.8 '.rows[0].without.mean' 5
}

t_urges_by_hour_and_weekday_match_the_export() {
	make_year
	export MEND_NOW=$NOW
	mend insights urges --json
	expect_rc 0
	valid "$OUT"
	check '
xs = [x for x in E if x["kind"] in ("urge", "pause")]
h = [0] * 24; w = [0] * 7
for x in xs:
    h[t(x["created_at"]).hour] += 1; w[t(x["created_at"]).weekday()] += 1
same(got["by_hour"], h, "by hour")
same(got["by_weekday"], w, "by weekday")
same(got["total"], len(xs), "total")
same(got["strength"], avg([x["urge"] for x in xs if x["kind"] == "urge"]), "strength")
'
	mend insights urges --since 2025-12-01 --until 2025-12-31 --json
	check '
xs = [x for x in E if x["kind"] in ("urge", "pause") and dt.date(2025, 12, 1) <= jday(x["created_at"]) <= dt.date(2025, 12, 31)]
same(got["total"], len(xs), "total in December")
'
	mend insights urges
	expect_out "By hour of the day"
	expect_out "By weekday"
}

t_week_review_matches_the_export() {
	make_year
	export MEND_NOW=$NOW
	# 2026-03-02 is a Monday: the week just ended is 02-23 .. 03-01
	mend insights week --json
	expect_rc 0
	valid "$OUT"
	expect_fields '.start' 2026-02-23 '.end' 2026-03-01 '.note' null
	check '
a, b = dt.date(2026, 2, 23), dt.date(2026, 3, 1)
inw = lambda x: a <= jday(x["created_at"]) <= b
same(got["checkins"], sum(1 for d in checkins if a <= d <= b), "check-ins")
same(got["mood"], avg([c["mood"] for d, c in checkins.items() if a <= d <= b]), "mood")
pa, pb = a - dt.timedelta(days=7), a - dt.timedelta(days=1)
same(got["mood_before"], avg([c["mood"] for d, c in checkins.items() if pa <= d <= pb]), "mood before")
same(got["urges"], sum(1 for x in E if x["kind"] == "urge" and inw(x)), "urges")
same(got["pauses"], sum(1 for x in E if x["kind"] == "pause" and inw(x)), "pauses")
same(got["reflections"], sum(1 for x in E if x["kind"] == "reflection" and inw(x)), "reflections")
g = {r["category"]: r["minutes"] for r in got["growth"]}
same(g.get("body"), sum(x.get("minutes", 0) for x in E if x["kind"] == "growth" and x["category"] == "body" and inw(x)), "body minutes")
same(g.get("mind"), sum(x.get("minutes", 0) for x in E if x["kind"] == "growth" and x["category"] == "mind" and inw(x)), "mind minutes")
'
	mend week
	expect_rc 0
	expect_out "Your week, 2026-02-23 to 2026-03-01"
	expect_out "Check-ins:"
	expect_out "mend week --note TEXT"
}

t_week_note_is_kept_as_a_week_entry_and_replaced_on_a_second_note() {
	make_year
	export MEND_NOW=$NOW
	mend week --note "A steadier week than I expected."
	expect_rc 0
	expect_out "Kept your note on the week of 2026-02-23"
	mend export
	expect_fields '[.entries[] | select(.kind == "week")] | length' 1 \
		'[.entries[] | select(.kind == "week")][0].day' 2026-02-23 \
		'[.entries[] | select(.kind == "week")][0].text' "A steadier week than I expected."
	mend week --note "Steadier, and I slept."
	mend export
	expect_fields '[.entries[] | select(.kind == "week")] | length' 1 \
		'[.entries[] | select(.kind == "week")][0].text' "Steadier, and I slept."
	mend insights week --json
	local id
	id=$(json .note)
	[ "$id" != null ] || fail "the week's note is not named"
	mend show "$id"
	expect_out "Steadier, and I slept."
}

t_week_note_refuses_empty_text_and_writes_nothing() {
	make_year
	export MEND_NOW=$NOW
	bad_input "note" week --note "   "
}

t_onthisday_matches_the_export() {
	make_year
	export MEND_NOW=$NOW
	mend insights onthisday --json
	expect_rc 0
	valid "$OUT"
	check '
today = dt.date(2026, 3, 2)
def entries_of(d):
    return sorted([x for x in E if (x["kind"] != "checkin" and jday(x["created_at"]) == d) or (x["kind"] == "checkin" and D(x["day"]) == d)], key=lambda x: (x["created_at"], x["id"]))
want = []
for k in range(1, 13):
    m = today.month - 1 - k
    y, mo = today.year + m // 12, m % 12 + 1
    try: d = dt.date(y, mo, today.day)
    except ValueError: continue
    xs = entries_of(d)
    if xs or d in checkins: want.append(("on_this_day", d, k))
for n in (30, 90, 365): want.append(("days_ago", today - dt.timedelta(days=n), 0))
same(len(got["days"]), len(want), "days")
for g, (when, d, k) in zip(got["days"], want):
    same(g["when"], when, "when " + g["day"])
    same(g["day"], d.isoformat(), "day")
    same(g["ago"], (today - d).days, "ago " + g["day"])
    same(g["months"], k, "months " + g["day"])
    c = checkins.get(d)
    same(g["mood"], c["mood"] if c else None, "mood then " + g["day"])
    xs = entries_of(d)
    same(g["total"], len(xs), "total " + g["day"])
    same([i["uuid"] for i in g["entries"]], [x["id"] for x in xs][:20], "entries " + g["day"])
same(got["mood_now"], checkins[today]["mood"], "mood now")
'
	mend insights onthisday
	expect_rc 0
	expect_out "On this day, 2026-03-02"
	expect_out "1 month ago, 2026-02-02"
	expect_out "1 year ago, 2025-03-02"
	expect_out "30 days ago, 2026-01-31"
	expect_out "365 days ago, 2025-03-02"
}

t_thennow_pairs_the_first_and_the_latest() {
	make_year
	export MEND_NOW=$NOW
	mend insights thennow --json
	expect_rc 0
	valid "$OUT"
	check '
for p in got["pairs"]:
    xs = sorted([x for x in E if x["kind"] == p["kind"]], key=lambda x: (x.get("day", ""), x["created_at"], x["id"]))
    same(p["first"]["uuid"], xs[0]["id"], "first " + p["kind"])
    same(p["latest"]["uuid"], xs[-1]["id"], "latest " + p["kind"])
'
	mend insights thennow
	expect_out "unsent number 7"
	expect_out "reflection of day 3"
}

t_an_empty_journal_has_gaps_and_no_rows() {
	local v
	for v in mood calendar periods helps urges week onthisday thennow; do
		mend insights "$v" --json
		expect_rc 0
		cp "$OUT" "$WORK/$v.json"
		mend insights "$v"
		expect_rc 0
	done
	valid "$WORK"/*.json
	[ ! -e "$MEND_DB" ] || fail "reading insights created a journal"
}

t_bad_views_and_options_are_refused() {
	make_year
	export MEND_NOW=$NOW
	bad_input "view: 'feelings' is not one of" insights feelings
	bad_input "--by: 'year' is not one of day, week, month" insights mood --by year
	bad_input "--year: '1969' is not a year in 1970..9999" insights calendar --year 1969
	bad_input "--year: '20x6'" insights calendar --year 20x6
	bad_input "--since: the calendar view does not take it" insights calendar --since 2025-01-01
	bad_input "--by: the helps view does not take it" insights helps --by week
	bad_input "since: '2026-02-01' is after" insights mood --since 2026-02-01 --until 2026-01-01
	bad_input "since" insights mood --since 2026-13-01
	bad_input "date" week --date 2026-02
}

run_tests
