#!/usr/bin/env bash
# The council's workbook: time and peak memory, next to the sqlite3 tool exporting the same
# decisions to CSV in the same run (see BENCHMARKS.md).
#
#   bench/workbook.sh            # RUNS=3 alternating runs of each figure; medians
#   RUNS=5 bench/workbook.sh
#
# - demo: `thamdinh export workbook` of the demo year (every sheet: 4 groups × results,
#   fields, criteria; the decisions; 47 scoring sheets);
# - national: the results, fields and decisions sheets of the generated national year
#   (10,000 units, 1.55 million decision lines; `national workbook`, the library call the
#   command makes, with those three kinds of sheet).
#
# The reference: sqlite3 writing the decisions sheet's lines (every item of every unit, with
# its self score and decision) as CSV from the same database.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DATA=target/bench-data
RUN=target/bench-run/workbook
BIN=target/release/thamdinh
GEN=target/release/examples/national
YEAR=2025

if ! command -v sqlite3 >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
  echo "== installing sqlite3 and time (Debian packages)" >&2
  apt-get update >&2
  apt-get install -y sqlite3 time >&2
fi

echo "== building (release)" >&2
cargo build --release --bin thamdinh --example national >&2
"$GEN" gen "$DATA" >&2
mkdir -p "$RUN"
export THAMDINH_CONFIG_DIR=$RUN/config

TIMEFMT="%e %U %S %M"
timed() { # timed OUT_FILE CMD... : runs CMD (stdout to /dev/null), appends its figures
  local out=$1; shift
  /usr/bin/time -f "$TIMEFMT" -o "$RUN/.t" "$@" >/dev/null
  cat "$RUN/.t" >>"$out"
}
rmdb() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
median() {
  awk -v c="$2" '{ n = split(c, k, "+"); v = 0; for (i = 1; i <= n; i++) v += $k[i]; print v }' "$1" |
    sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
maxcol() { awk -v c="$2" 'BEGIN { m = 0 } $c > m { m = $c } END { print m }' "$1"; }

# The decisions sheet's lines, bare: every item of every unit, its self score and decision.
query() {
  cat <<SQL
SELECT u.code AS unit, u.name AS unit_name, n.code AS item, n.title AS item_title,
  n.max / 100.0 AS max, s.score / 100.0 AS self_score, d.score / 100.0 AS appraised_score,
  (d.score - s.score) / 100.0 AS difference, COALESCE(d.state, 'undecided') AS state,
  d.comment, d.appraiser, d.decided_at
FROM units u
JOIN nodes n ON n.year = u.year AND n.group_code = u.group_code AND n.is_item = 1
LEFT JOIN self_scores s ON s.year = u.year AND s.unit = u.code AND s.item = n.code
LEFT JOIN decisions d ON d.year = u.year AND d.unit = u.code AND d.item = n.code
WHERE u.year = $1
ORDER BY u.group_code, u.name, u.code, n.position;
SQL
}

echo "== demo database" >&2
DEMO=$RUN/demo.sqlite
rmdb "$DEMO"
"$BIN" --db "$DEMO" init --year 2022 >/dev/null
for k in units:units self-scores:self_scores survey:survey history:history explanations:explanations; do
  "$BIN" --db "$DEMO" import "${k%%:*}" "data/demo/2022/${k##*:}.csv" >/dev/null
done

echo "== national database: sets, units, survey, history, 1.55M self scores, 2,000 decisions" >&2
NAT=$RUN/national.sqlite
if [ ! -s "$NAT" ] || [ "$(sqlite3 "$NAT" 'SELECT COUNT(*) FROM decisions' 2>/dev/null || echo 0)" = 0 ]; then
  rmdb "$NAT"
  for s in "$DATA"/sets/*.toml; do "$BIN" --db "$NAT" --year $YEAR import criteria "$s" >/dev/null; done
  for k in units survey history; do "$BIN" --db "$NAT" --year $YEAR import $k "$DATA/$k.csv" >/dev/null; done
  "$BIN" --db "$NAT" --year $YEAR import self-scores "$DATA/self_scores.csv" >/dev/null
  "$GEN" decide "$NAT" --n 2000 >/dev/null
fi

echo "== $RUNS runs each, alternating" >&2
for f in demo demo-ref nat nat-ref; do : >"$RUN/$f.t"; done
for i in $(seq "$RUNS"); do
  rm -f "$RUN/demo.xlsx"
  timed "$RUN/demo.t" "$BIN" --db "$DEMO" export workbook --out "$RUN/demo.xlsx"
  timed "$RUN/demo-ref.t" sqlite3 "$DEMO" -cmd ".headers on" -cmd ".mode csv" \
    -cmd ".output $RUN/demo-ref.csv" "$(query 2022)"
  rm -f "$RUN/national.xlsx"
  timed "$RUN/nat.t" "$GEN" workbook "$NAT" "$RUN/national.xlsx"
  timed "$RUN/nat-ref.t" sqlite3 "$NAT" -cmd ".headers on" -cmd ".mode csv" \
    -cmd ".output $RUN/national-ref.csv" "$(query $YEAR)"
done
lines=$(($(wc -l <"$RUN/national-ref.csv") - 1))
"$GEN" workbook "$NAT" "$RUN/national.xlsx" >"$RUN/nat.kv"
wb_lines=$(sed -n 's/^decision_lines=//p' "$RUN/nat.kv")
[ "$wb_lines" = "$lines" ] || { echo "workbook wrote $wb_lines decision lines, sqlite3 $lines" >&2; exit 1; }

size() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
awk -v runs="$RUNS" -v lines="$lines" -v cores="$(nproc)" -v sq="$(sqlite3 --version | cut -d' ' -f1)" \
  -v dw="$(median "$RUN/demo.t" 1)" -v dc="$(median "$RUN/demo.t" 2+3)" -v dm="$(maxcol "$RUN/demo.t" 4)" \
  -v rdw="$(median "$RUN/demo-ref.t" 1)" -v rdc="$(median "$RUN/demo-ref.t" 2+3)" -v rdm="$(maxcol "$RUN/demo-ref.t" 4)" \
  -v nw="$(median "$RUN/nat.t" 1)" -v nc="$(median "$RUN/nat.t" 2+3)" -v nm="$(maxcol "$RUN/nat.t" 4)" \
  -v rnw="$(median "$RUN/nat-ref.t" 1)" -v rnc="$(median "$RUN/nat-ref.t" 2+3)" -v rnm="$(maxcol "$RUN/nat-ref.t" 4)" \
  -v ds="$(size "$RUN/demo.xlsx")" -v rds="$(size "$RUN/demo-ref.csv")" \
  -v ns="$(size "$RUN/national.xlsx")" -v rns="$(size "$RUN/national-ref.csv")" '
function r(a, b) { return (b > 0) ? sprintf("%.2f×", a / b) : "—" }
function s(x) { return sprintf("%.2f s", x) }
function mib(k) { return sprintf("%.1f MiB", k / 1024) }
BEGIN {
  printf "Workbook: demo (47 units, every sheet) and national (10,000 units, %d decision lines; results, fields, decisions); %d cores; sqlite3 %s.\n", lines, cores, sq
  printf "Whole processes, median of %d alternating runs; CPU = user + system; peak memory = the largest of the runs.\n\n", runs
  print "| figure | thamdinh workbook | sqlite3: the decisions as CSV | ratio |"
  print "|---|---|---|---|"
  printf "| demo, wall | %s | %s | %s |\n", s(dw), s(rdw), r(dw, rdw)
  printf "| demo, CPU | %s | %s | %s |\n", s(dc), s(rdc), r(dc, rdc)
  printf "| demo, peak memory | %s | %s | %s |\n", mib(dm), mib(rdm), r(dm, rdm)
  printf "| demo, file | %s | %s | — |\n", ds, rds
  printf "| national, wall | %s | %s | %s |\n", s(nw), s(rnw), r(nw, rnw)
  printf "| national, CPU | %s | %s | %s |\n", s(nc), s(rnc), r(nc, rnc)
  printf "| national, peak memory | %s | %s | %s |\n", mib(nm), mib(rnm), r(nm, rnm)
  printf "| national, file | %s | %s | — |\n", ns, rns
}'
