#!/usr/bin/env bash
# Whole-process figures at national scale, side by side with the sqlite3 command-line tool
# doing the bare version of the same work in the same run. Prints one table (see
# BENCHMARKS.md for what each line means).
#
#   bench/compare.sh              # RUNS=5 alternating runs of each figure; medians
#   RUNS=9 DECISIONS=5000 bench/compare.sh
#   SHAPES=one bench/compare.sh   # the rankings of one shape only (default: four one deep)
#
# The whole table is measured on the four-group shape; the rankings (table and CSV,
# provisional and final) on each shape of SHAPES: `four` groups, `one` group of 10,000 units
# × 150 items, a `deep` four-level tree with options on every item (see
# benches/support/national.rs). Generated data goes to target/bench-data[-SHAPE]
# (deterministic, git-ignored), databases to target/bench-run/compare.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
DECISIONS=${DECISIONS:-2000}
SHAPES=${SHAPES:-four one deep}
DATA=target/bench-data
RUN=target/bench-run/compare
BIN=target/release/thamdinh
GEN=target/release/examples/national
YEAR=2025

# --- tools -------------------------------------------------------------------------------
if ! command -v sqlite3 >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
  echo "== installing sqlite3 and time (Debian packages)" >&2
  apt-get update >&2
  apt-get install -y sqlite3 time >&2
fi

echo "== building (release)" >&2
cargo build --release --bin thamdinh --example national >&2
"$GEN" gen "$DATA" >&2
mkdir -p "$RUN"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# /usr/bin/time line: wall seconds, user seconds, system seconds, max RSS KiB.
TIMEFMT="%e %U %S %M"
timed() { # timed OUT_FILE CMD... : runs CMD (stdout to /dev/null), appends its figures
  local out=$1; shift
  /usr/bin/time -f "$TIMEFMT" -o "$RUN/.t" "$@" >/dev/null
  cat "$RUN/.t" >>"$out"
}
rmdb() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
median() { # median of column $2 of file $1 (the sum of columns when $2 is "2+3")
  awk -v c="$2" '{ n = split(c, k, "+"); v = 0; for (i = 1; i <= n; i++) v += $k[i]; print v }' "$1" |
    sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
maxcol() { awk -v c="$2" 'BEGIN { m = 0 } $c > m { m = $c } END { print m }' "$1"; }

# --- the databases -----------------------------------------------------------------------
echo "== base database: sets, units, survey, history" >&2
BASE=$RUN/base.sqlite
rmdb "$BASE"
for s in "$DATA"/sets/*.toml; do "$BIN" --db "$BASE" --year $YEAR import criteria "$s" >/dev/null; done
for k in units survey history; do "$BIN" --db "$BASE" --year $YEAR import $k "$DATA/$k.csv" >/dev/null; done
rows=$(($(wc -l <"$DATA/self_scores.csv") - 1))
mb=$(awk -v b="$(stat -c %s "$DATA/self_scores.csv")" 'BEGIN { printf "%.1f", b / 1e6 }')

# --- import ------------------------------------------------------------------------------
echo "== import: $RUNS runs each" >&2
: >"$RUN/import.t"; : >"$RUN/import-ref.t"
DB=$RUN/national.sqlite
BARE=$RUN/bare.sqlite
for i in $(seq "$RUNS"); do
  rmdb "$DB"; cp "$BASE" "$DB"; sync
  timed "$RUN/import.t" "$BIN" --db "$DB" --year $YEAR import self-scores "$DATA/self_scores.csv"
  rmdb "$BARE"; sync
  timed "$RUN/import-ref.t" sqlite3 "$BARE" -cmd ".mode csv" ".import $DATA/self_scores.csv self_scores"
done
stored=$(sqlite3 "$DB" "SELECT COUNT(*) FROM self_scores")
[ "$stored" = "$rows" ] || { echo "import stored $stored rows, expected $rows" >&2; exit 1; }

# --- ranking -----------------------------------------------------------------------------
echo "== ranking: $RUNS runs each" >&2
: >"$RUN/rank.t"; : >"$RUN/rank-ref.t"
QUERY="SELECT unit, SUM(CAST(score AS REAL)) t FROM self_scores GROUP BY unit ORDER BY t DESC;"
for i in $(seq "$RUNS"); do
  timed "$RUN/rank.t" "$BIN" --db "$DB" --year $YEAR rank --format csv
  timed "$RUN/rank-ref.t" sqlite3 "$BARE" "$QUERY"
done

# --- one decision ------------------------------------------------------------------------
echo "== decisions: $DECISIONS in a row, each way" >&2
DEC=$RUN/decisions.sqlite
rmdb "$DEC"; cp "$DB" "$DEC"
"$GEN" decide "$DEC" --n "$DECISIONS" >"$RUN/decide.kv"
kv() { sed -n "s/^$1=//p" "$RUN/decide.kv"; }
# The bare version: the same two rows per decision (the decision, upserted, and an audit
# row) in one transaction, WAL and synchronous = FULL, on a copy of the bare national file.
REFDEC=$RUN/bare-decisions.sqlite
rmdb "$REFDEC"; cp "$BARE" "$REFDEC"
sqlite3 "$REFDEC" >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
CREATE TABLE decisions (unit, item, state, score, comment, appraiser, decided_at,
  PRIMARY KEY (unit, item));
CREATE TABLE audit (at, appraiser, unit, item, old_state, old_score, new_state, new_score,
  comment);
PRAGMA wal_checkpoint(TRUNCATE);
SQL
awk -v n="$DECISIONS" 'BEGIN {
  print "PRAGMA synchronous = FULL;"
  srand(7)
  for (i = 0; i < n; i++) {
    u = sprintf("SV%05d", 1 + int(rand() * 5000)); it = sprintf("%d.%d.%d", 1 + int(rand() * 7), 1 + int(rand() * 8), 1 + int(rand() * 3))
    printf "BEGIN IMMEDIATE; INSERT INTO decisions VALUES (\x27%s\x27, \x27%s\x27, \x27agreed\x27, 50, \x27\x27, \x27Hội đồng\x27, strftime(\x27%%Y-%%m-%%dT%%H:%%M:%%SZ\x27, \x27now\x27)) ON CONFLICT (unit, item) DO UPDATE SET state = excluded.state, score = excluded.score, decided_at = excluded.decided_at; INSERT INTO audit VALUES (strftime(\x27%%Y-%%m-%%dT%%H:%%M:%%SZ\x27, \x27now\x27), \x27Hội đồng\x27, \x27%s\x27, \x27%s\x27, NULL, NULL, \x27agreed\x27, 50, \x27\x27); COMMIT;\n", u, it, u, it
  }
  print "PRAGMA wal_checkpoint(TRUNCATE);"
}' >"$RUN/decisions.sql"
ref_before=$(stat -c %s "$REFDEC")
: >"$RUN/decide-ref.t"
timed "$RUN/decide-ref.t" sqlite3 "$REFDEC" -init "$RUN/decisions.sql" ".quit"
ref_after=$(stat -c %s "$REFDEC")

echo "== screens: start to first frame, $RUNS runs each (demo and national)" >&2
DEMO=$RUN/demo.sqlite
rmdb "$DEMO"
"$BIN" --db "$DEMO" init --year 2022 >/dev/null
for k in units:units self-scores:self_scores survey:survey history:history explanations:explanations; do
  "$BIN" --db "$DEMO" import "${k%%:*}" "data/demo/2022/${k##*:}.csv" >/dev/null
done
: >"$RUN/ff-demo.kv"; : >"$RUN/ff-nat.kv"; : >"$RUN/ff-nat.t"
for i in $(seq "$RUNS"); do
  "$GEN" first-frame "$DEMO" >>"$RUN/ff-demo.kv"
  /usr/bin/time -f "$TIMEFMT" -o "$RUN/.t" "$GEN" first-frame "$DB" >>"$RUN/ff-nat.kv"
  cat "$RUN/.t" >>"$RUN/ff-nat.t"
done
ffmed() {
  sed -n 's/^first_frame_ms=//p' "$1" | sort -g |
    awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ff_demo=$(ffmed "$RUN/ff-demo.kv"); ff_nat=$(ffmed "$RUN/ff-nat.kv"); ff_rss=$(maxcol "$RUN/ff-nat.t" 4)

# --- rankings by shape --------------------------------------------------------------------
# For each shape: its database (sets, units, survey, history, self scores), the bare table of
# its CSV, and a copy where every item is decided (written in bulk with the sqlite3 tool, as
# a council's year ends: agreed at the self score, not applicable where the unit claimed so)
# for the final ranking. Then RUNS alternating runs of: rank --format csv, rank (the table),
# both provisional and --final, and the sqlite3 reference query.
: >"$RUN/shapes.tsv"
for shape in $SHAPES; do
  if [ "$shape" = four ]; then
    SD=$DATA; SDB=$DB; SBARE=$BARE
  else
    SD=$DATA-$shape; SDB=$RUN/$shape.sqlite; SBARE=$RUN/bare-$shape.sqlite
    "$GEN" gen "$SD" --shape "$shape" >&2
    echo "== $shape: database" >&2
    rmdb "$SDB"; rmdb "$SBARE"
    for s in "$SD"/sets/*.toml; do "$BIN" --db "$SDB" --year $YEAR import criteria "$s" >/dev/null; done
    for k in units survey history self-scores; do
      f=${k/self-scores/self_scores}
      "$BIN" --db "$SDB" --year $YEAR import $k "$SD/$f.csv" >/dev/null
    done
    sqlite3 "$SBARE" -cmd ".mode csv" ".import $SD/self_scores.csv self_scores"
  fi
  SFINAL=$RUN/final-$shape.sqlite
  rmdb "$SFINAL"; cp "$SDB" "$SFINAL"
  sqlite3 "$SFINAL" >/dev/null <<'SQL'
INSERT INTO decisions (year, unit, item, state, score, comment, appraiser, decided_at, round)
  SELECT year, unit, item, CASE WHEN score IS NULL THEN 'not_applicable' ELSE 'agreed' END,
         score, '', 'Hội đồng', '2026-01-05T08:00:00Z', 1
  FROM self_scores WHERE true
  ON CONFLICT (year, unit, item) DO NOTHING;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
  # The first ranking after that bulk change (which no decision of thamdinh's made) finds no
  # stored totals and computes every unit: timed once, on its own.
  : >"$RUN/first-$shape.t"
  timed "$RUN/first-$shape.t" "$BIN" --db "$SFINAL" --year $YEAR rank --final --format csv
  srows=$(($(wc -l <"$SD/self_scores.csv") - 1)); sunits=$(($(wc -l <"$SD/units.csv") - 1))
  sgroups=$(ls "$SD"/sets/*.toml | wc -l)
  echo "== $shape: rankings, $RUNS runs each" >&2
  for v in csv table csv-final table-final ref; do : >"$RUN/rank-$shape-$v.t"; done
  for i in $(seq "$RUNS"); do
    timed "$RUN/rank-$shape-csv.t" "$BIN" --db "$SDB" --year $YEAR rank --format csv
    timed "$RUN/rank-$shape-ref.t" sqlite3 "$SBARE" "$QUERY"
    timed "$RUN/rank-$shape-table.t" "$BIN" --db "$SDB" --year $YEAR rank
    timed "$RUN/rank-$shape-csv-final.t" "$BIN" --db "$SFINAL" --year $YEAR rank --final --format csv
    timed "$RUN/rank-$shape-table-final.t" "$BIN" --db "$SFINAL" --year $YEAR rank --final
  done
  rw=$(median "$RUN/rank-$shape-ref.t" 1); rc=$(median "$RUN/rank-$shape-ref.t" 2+3)
  for v in csv table csv-final table-final; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$sgroups" "$sunits" "$srows" "$v" \
      "$(median "$RUN/rank-$shape-$v.t" 1)" "$(median "$RUN/rank-$shape-$v.t" 2+3)" "$rw" "$rc" >>"$RUN/shapes.tsv"
  done
  read -r fw fu fs _ <"$RUN/first-$shape.t"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$sgroups" "$sunits" "$srows" first-after-bulk \
    "$fw" "$(awk -v u="$fu" -v s="$fs" 'BEGIN { print u + s }')" "$rw" "$rc" >>"$RUN/shapes.tsv"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table ---------------------------------------------------------------------------
imp_wall=$(median "$RUN/import.t" 1); imp_cpu=$(median "$RUN/import.t" 2+3)
ref_imp_wall=$(median "$RUN/import-ref.t" 1); ref_imp_cpu=$(median "$RUN/import-ref.t" 2+3)
rank_wall=$(median "$RUN/rank.t" 1); rank_cpu=$(median "$RUN/rank.t" 2+3)
ref_rank_wall=$(median "$RUN/rank-ref.t" 1); ref_rank_cpu=$(median "$RUN/rank-ref.t" 2+3)
imp_rss=$(maxcol "$RUN/import.t" 4); ref_imp_rss=$(maxcol "$RUN/import-ref.t" 4)
rank_rss=$(maxcol "$RUN/rank.t" 4); ref_rank_rss=$(maxcol "$RUN/rank-ref.t" 4)
read -r ref_dec_wall ref_dec_user ref_dec_sys _ <"$RUN/decide-ref.t"

awk -v runs="$RUNS" -v n="$DECISIONS" -v rows="$rows" -v mb="$mb" \
  -v iw="$imp_wall" -v ic="$imp_cpu" -v riw="$ref_imp_wall" -v ric="$ref_imp_cpu" \
  -v kw="$rank_wall" -v kc="$rank_cpu" -v rkw="$ref_rank_wall" -v rkc="$ref_rank_cpu" \
  -v dc="$(kv cpu_mean_us)" -v dcm="$(kv cpu_median_us)" -v dw="$(kv wall_mean_us)" -v dwm="$(kv wall_median_us)" \
  -v rdw="$ref_dec_wall" -v rdc="$(awk -v u="$ref_dec_user" -v s="$ref_dec_sys" 'BEGIN { print u + s }')" \
  -v im="$imp_rss" -v rim="$ref_imp_rss" -v km="$rank_rss" -v rkm="$ref_rank_rss" \
  -v db="$(kv bytes_per_decision)" -v rdb="$(( (ref_after - ref_before) ))" \
  -v ffd="$ff_demo" -v ffn="$ff_nat" -v ffm="$ff_rss" \
  -v sq="$(sqlite3 --version | cut -d' ' -f1)" -v cores="$(nproc)" '
function r(a, b) { return (b > 0) ? sprintf("%.2f×", a / b) : "—" }
function s(x) { return sprintf("%.2f s", x) }
function ms(us) { return sprintf("%.3f ms", us / 1000) }
function mib(k) { return sprintf("%.1f MiB", k / 1024) }
BEGIN {
  printf "National scale: %d self scores (%s MB CSV), 10,000 units; %d cores; sqlite3 %s.\n", rows, mb, cores, sq
  printf "Whole processes, median of %d alternating runs; CPU = user + system. One decision: mean of %d in a row.\n\n", runs, n
  print "| figure | thamdinh | sqlite3 reference | ratio |"
  print "|---|---|---|---|"
  printf "| import %d self scores, validated, atomic (wall) | %s | %s | %s |\n", rows, s(iw), s(riw), r(iw, riw)
  printf "| import, CPU | %s | %s | %s |\n", s(ic), s(ric), r(ic, ric)
  printf "| provisional ranking, all groups (wall) | %s | %s | %s |\n", s(kw), s(rkw), r(kw, rkw)
  printf "| ranking, CPU | %s | %s | %s |\n", s(kc), s(rkc), r(kc, rkc)
  printf "| one decision end to end, CPU without the fsync wait | %s (median %s) | %s | %s |\n", ms(dc), ms(dcm), ms(rdc / n * 1e6), r(dc, rdc / n * 1e6)
  printf "| one decision with the fsync (wall) | %s (median %s) | %s | %s |\n", ms(dw), ms(dwm), ms(rdw / n * 1e6), r(dw, rdw / n * 1e6)
  printf "| (one decision includes recomputing the unit and redrawing the appraisal screen on a 120×40 TestBackend) | | | |\n"
  printf "| start to first frame, demo database | %.1f ms | — | — |\n", ffd
  printf "| start to first frame, national database | %.1f ms | — | — |\n", ffn
  printf "| peak memory, screens open on the national database | %s | — | — |\n", mib(ffm)
  printf "| peak memory, import | %s | %s | %s |\n", mib(im), mib(rim), r(im, rim)
  printf "| peak memory, ranking | %s | %s | %s |\n", mib(km), mib(rkm), r(km, rkm)
  printf "| database size per decision | %d B | %d B | %s |\n", db, rdb / n, r(db, rdb / n)
  printf "| (rankings of each shape: the table below) | | | |\n"
  printf "\nTargets: import ≤ 1.0× (%s), ranking ≤ 0.5× (%s), one decision ≤ 2 ms CPU plus the fsync (%s), peak memory ≤ 100 MiB (%s), first frame ≤ 50 ms demo (%s) and ≤ 300 ms national (%s).\n", \
    (iw <= riw ? "met" : "missed"), (kw <= 0.5 * rkw ? "met" : "missed"), (dc <= 2000 ? "met" : "missed"), \
    ((im <= 102400 && km <= 102400 && ffm <= 102400) ? "met" : "missed"), (ffd <= 50 ? "met" : "missed"), (ffn <= 300 ? "met" : "missed")
}'

echo
awk -F'\t' -v runs="$RUNS" -v lb="$load_before" -v la="$load_after" '
function r(a, b) { return (b > 0) ? sprintf("%.2f×", a / b) : "—" }
BEGIN {
  printf "Rankings by shape, median of %d alternating runs, whole processes; load average %s before, %s after.\n", runs, lb, la
  printf "Reference: sqlite3 \"SELECT unit, SUM(CAST(score AS REAL)) t FROM self_scores GROUP BY unit ORDER BY t DESC\" on the bare table of the same CSV.\n\n"
  print "| shape | rank | wall | CPU | sqlite3 wall | sqlite3 CPU | ratio wall | ratio CPU |"
  print "|---|---|---|---|---|---|---|---|"
  met = 1
}
{
  what = $5
  if (what == "csv") what = "--format csv"
  else if (what == "table") what = "(table)"
  else if (what == "csv-final") what = "--final --format csv"
  else if (what == "table-final") what = "--final (table)"
  else what = "first --final after a bulk change (once)"
  printf "| %s: %d group(s), %d units, %d scores | %s | %.2f s | %.2f s | %.2f s | %.2f s | %s | %s |\n", \
    $1, $2, $3, $4, what, $6, $7, $8, $9, r($6, $8), r($7, $9)
  if ($5 != "first-after-bulk" && ($6 > 0.5 * $8 || $7 > 0.5 * $9)) met = 0
}
END { printf "\nTarget: every rank ≤ 0.5× the reference, wall and CPU, on every shape (%s).\n", met ? "met" : "missed" }
' "$RUN/shapes.tsv"
