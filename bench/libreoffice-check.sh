#!/usr/bin/env bash
# Opens the demo workbook in LibreOffice Calc (headless) under the Vietnamese locale, as a
# council secretary would, and checks what it shows against the tool's own figures:
#
#   - every sheet is converted to CSV *as shown*: a number cell shows with the Vietnamese
#     decimal comma (92,52), a text cell as written, so a figure that arrived as text would
#     show up here;
#   - every number column adds up to the tool's totals (`thamdinh rank --format csv`,
#     `thamdinh export decisions`), each unit's fields add up to its appraisal points, each
#     scoring sheet's total, index and rank are the ranking's;
#   - codes such as 7.10 and 1.1 stay as written (not 7.1, not a date);
#   - the workbook is also printed to PDF and its first page (the results of the first group)
#     to PNG, to look at.
#
# Not run by `cargo test` (it needs LibreOffice and a minute or two):
#
#   bench/libreoffice-check.sh            # writes target/libreoffice-check/
#
# Installs what it needs when missing (Debian): libreoffice-calc, poppler-utils, locales and
# the vi_VN.UTF-8 locale.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/libreoffice-check
BIN=target/debug/thamdinh

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v locale-gen >/dev/null 2>&1 || need+=(locales)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" >&2
fi
if ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
  echo "== generating the vi_VN.UTF-8 locale" >&2
  grep -q '^vi_VN.UTF-8 UTF-8' /etc/locale.gen || echo 'vi_VN.UTF-8 UTF-8' >>/etc/locale.gen
  locale-gen >&2
fi

echo "== building and writing the demo workbook" >&2
cargo build --bin thamdinh >&2
rm -rf "$OUT"; mkdir -p "$OUT/csv" "$OUT/pdf" "$OUT/png"
DB=$OUT/demo.sqlite
export THAMDINH_CONFIG_DIR=$OUT/config
"$BIN" --db "$DB" init --year 2022 >/dev/null
for k in units:units self-scores:self_scores survey:survey history:history explanations:explanations; do
  "$BIN" --db "$DB" import "${k%%:*}" "data/demo/2022/${k##*:}.csv" >/dev/null
done
# A few decisions, with comments a spreadsheet would otherwise run or convert.
cat >"$OUT/decisions.txt" <<'EOF'
SNV 1.1.1 0 =SUM(A1)
SNV 1.2.1 agree
SNV 7.10 0 -5 điểm
STP 1.1.1 0 @x
STP 2.1.1 0 12/01/2022
SYT 3.1 na Đơn vị không có nhiệm vụ này
EOF
"$BIN" --db "$DB" --appraiser "Nguyễn Thị Lan" decide --batch "$OUT/decisions.txt" >/dev/null
"$BIN" --db "$DB" export workbook --out "$OUT/ket-qua.xlsx"
"$BIN" --db "$DB" rank --format csv >"$OUT/ranking.csv"
"$BIN" --db "$DB" export decisions --out "$OUT/decisions.csv" >/dev/null

export LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8
PROFILE="-env:UserInstallation=file://$PWD/$OUT/lo-profile"
echo "== LibreOffice $(soffice --version | cut -d' ' -f2) under $LANG: every sheet to CSV, as shown" >&2
# 44 = ',' between fields, 34 = '"' around texts, 76 = UTF-8, 1 = from line 1, ... token 9
# true = the cells as shown, token 12 -1 = every sheet to its own file.
soffice --headless --norestore "$PROFILE" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1066,false,true,true,false,false,-1' \
  --outdir "$OUT/csv" "$OUT/ket-qua.xlsx" >&2
echo "== and to PDF" >&2
soffice --headless --norestore "$PROFILE" --convert-to pdf --outdir "$OUT/pdf" "$OUT/ket-qua.xlsx" >&2
pdftoppm -png -r 110 -f 1 -l 1 "$OUT/pdf/ket-qua.pdf" "$OUT/png/results"

python3 - "$OUT" <<'PY'
import csv, glob, os, re, sys
from decimal import Decimal

out = sys.argv[1]
problems = []
checks = 0

def check(ok, what):
    global checks
    checks += 1
    if not ok:
        problems.append(what)

def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))

def shown_number(text):
    """A number as Calc shows it under vi_VN: 92,52 / -0,50 / +6,64 / 7,50 A; None otherwise."""
    m = re.fullmatch(r"([+-]?\d+),(\d\d)(?: \S+)?", text.strip())
    return Decimal(f"{m.group(1)}.{m.group(2)}") if m else None

def dot_number(text):
    m = re.fullmatch(r"-?\d+(\.\d+)?", text.strip())
    return Decimal(text) if m else None

sheets = {}
for p in glob.glob(os.path.join(out, "csv", "ket-qua-*.csv")):
    name = os.path.basename(p)[len("ket-qua-"):-len(".csv")]
    sheets[name] = rows(p)
print(f"{len(sheets)} sheets converted to CSV")
check(len(sheets) == 65, f"65 sheets, got {len(sheets)}")

ranking = rows(os.path.join(out, "ranking.csv"))
head = ranking[0]
rank = [dict(zip(head, r)) for r in ranking[1:]]
decisions = rows(os.path.join(out, "decisions.csv"))
dhead = decisions[0]
dlines = [dict(zip(dhead, r)) for r in decisions[1:]]

def header_at(sheet, first):
    for i, r in enumerate(sheet):
        if r and r[0] == first:
            return i
    raise SystemExit(f"no header row starting {first!r}")

# No figure may show with a decimal point: under vi_VN that would be a text. (Item codes,
# in the first column and in the decisions' third, are texts and do: 7.10 stays 7.10.)
for name, sheet in sheets.items():
    code_cols = {0, 2} if name.startswith("Thẩm định từng tiêu chí") else {0}
    for r in sheet:
        for i, c in enumerate(r):
            if i not in code_cols and re.fullmatch(r"-?\d+\.\d\d", c.strip()):
                problems.append(f"{name}: {c!r} shows with a point: a text, not a number")

# Results per group.
groups = {}
for r in rank:
    groups.setdefault(r["group"], []).append(r)
results = {n: s for n, s in sheets.items() if n.startswith("Kết quả")}
check(len(results) == 4, f"four results sheets, got {sorted(results)}")
columns = {"Điểm thẩm định": "appraised", "Điểm điều tra XHH": "survey", "Tổng điểm": "total",
           "Điểm tối đa áp dụng": "max", "Chỉ số (%)": "index",
           "Chỉ số năm trước (%)": "previous_index", "Tăng/giảm": "change"}
for name, sheet in sorted(results.items()):
    h = header_at(sheet, "Hạng")
    header = sheet[h]
    body = []
    for r in sheet[h + 1:]:
        if not r or not r[1]:
            break
        body.append(r)
    codes = [r[1] for r in body]
    group = next(g for g, us in groups.items() if sorted(u["unit"] for u in us) == sorted(codes))
    tool = {u["unit"]: u for u in groups[group]}
    fields = [i for i, c in enumerate(header) if re.match(r"\d+\. ", c)]
    line = []
    for title, key in columns.items():
        col = header.index(title)
        shown = [shown_number(r[col]) for r in body if r[col]]
        check(all(v is not None for v in shown), f"{name}: {title} has a cell that is not a number")
        total = sum(v for v in shown if v is not None)
        expected = sum(Decimal(u[key]) for u in tool.values() if u[key])
        check(total == expected, f"{name}: {title} sums to {total}, the tool says {expected}")
        line.append(f"{title} {total}")
    field_sum = Decimal(0)
    for r in body:
        per_row = sum(shown_number(r[i]) for i in fields)
        field_sum += per_row
        check(per_row == Decimal(tool[r[1]]["appraised"]),
              f"{name}: {r[1]}'s fields add up to {per_row}, its appraisal points are {tool[r[1]]['appraised']}")
        check(r[2] == tool[r[1]]["unit_name"], f"{name}: {r[1]}'s name")
        check((r[0] or "—") == (tool[r[1]]["rank"] or "—"), f"{name}: {r[1]}'s rank {r[0]}")
    print(f"{name}: {len(body)} units, {len(fields)} field columns summing to {field_sum}; " + ", ".join(line))

# Fields: the index column sums to the tool's indexes.
for name, sheet in sorted(sheets.items()):
    if not name.startswith("Lĩnh vực"):
        continue
    h = header_at(sheet, "Hạng")
    col = sheet[h].index("Chỉ số (%)")
    codes = {u["unit"] for u in rank}
    units = [r for r in sheet[h + 1:] if len(r) > 1 and r[1] in codes]
    total = sum(shown_number(r[col]) for r in units)
    expected = sum(Decimal(u["index"]) for u in rank if u["unit"] in {r[1] for r in units})
    check(total == expected, f"{name}: index column {total}, the tool says {expected}")
    print(f"{name}: {len(units)} units, index column sums to {total} (tool {expected})")

# Way up: the index column sums to the tool's indexes; the points needed are numbers.
for name, sheet in sorted(sheets.items()):
    if not name.startswith("Cải thiện"):
        continue
    h = header_at(sheet, "Hạng")
    header = sheet[h]
    col = header.index("Chỉ số (%)")
    codes = {u["unit"] for u in rank}
    units = [r for r in sheet[h + 1:] if len(r) > 1 and r[1] in codes]
    total = sum(shown_number(r[col]) for r in units)
    expected = sum(Decimal(u["index"]) for u in rank if u["unit"] in {r[1] for r in units})
    check(total == expected, f"{name}: index column {total}, the tool says {expected}")
    for title in ("Điểm cần để vượt", "Điểm cần để lên loại"):
        c = header.index(title)
        check(all(shown_number(r[c]) is not None for r in units if r[c]),
              f"{name}: {title} has a cell that is not a number")
    print(f"{name}: {len(units)} units, index column sums to {total} (tool {expected})")

# Criteria: each unit's field rows add up to its fields total row.
for name, sheet in sorted(sheets.items()):
    if not name.startswith("Tiêu chí"):
        continue
    h = header_at(sheet, "Mã")
    header = sheet[h]
    total_row = next(r for r in sheet[h + 1:] if len(r) > 1 and r[1] == "Tổng điểm các lĩnh vực")
    fields_rows = [r for r in sheet[h + 1:] if r and re.fullmatch(r"\d+", r[0])]
    grand = Decimal(0)
    for col in range(3, len(header) - 2):
        unit = header[col].split("\n")[0]
        s = sum(shown_number(r[col]) or Decimal(0) for r in fields_rows)
        check(s == shown_number(total_row[col]), f"{name}: {unit}'s fields {s} vs total {total_row[col]}")
        u = next(x for x in rank if x["unit"] == unit)
        check(s == Decimal(u["appraised"]), f"{name}: {unit}'s fields {s}, the tool says {u['appraised']}")
        grand += s
    print(f"{name}: {len(header) - 5} unit columns, fields rows sum to {grand}")

# Decisions: the same lines as the CSV export, codes as written, figures summing alike.
dname = next(n for n in sheets if n.startswith("Thẩm định từng tiêu chí"))
sheet = sheets[dname]
h = header_at(sheet, "Mã đơn vị")
body = [r for r in sheet[h + 1:] if r and r[0]]
check(len(body) == len(dlines), f"decisions: {len(body)} lines, the export has {len(dlines)}")
check([r[2] for r in body] == [l["item"] for l in dlines], "decisions: item codes as written")
for col, key in [(4, "max"), (5, "self_score"), (6, "appraised_score"), (7, "difference")]:
    shown = sum(shown_number(r[col]) or Decimal(0) for r in body)
    tool = sum(dot_number(l[key]) or Decimal(0) for l in dlines)
    check(shown == tool, f"decisions: column {sheet[h][col]} sums to {shown}, the export to {tool}")
    print(f"{dname}: {sheet[h][col]} sums to {shown} (export {tool})")
snv_max = sum(shown_number(r[4]) for r in body if r[0] == "SNV")
check(snv_max == Decimal(63), f"SNV's max column sums to {snv_max}, not 63")
print(f"{dname}: SNV's max column sums to {snv_max}")
codes = {r[2] for r in body}
for code in ["7.10", "1.1.1", "2.1.1"]:
    check(code in codes, f"code {code} not shown as written")
comments = {r[9] for r in body}
for c in ["=SUM(A1)", "-5 điểm", "@x", "12/01/2022"]:
    check(c in comments, f"comment {c!r} not shown as written")
print(f"{dname}: codes 7.10, 1.1.1, 2.1.1 and comments =SUM(A1), -5 điểm, @x, 12/01/2022 shown as written")
when = [r[11] for r in body if r[11]]
check(all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", w) for w in when), f"dates shown as dates: {when[:3]}")

# Scoring sheets: total, index and rank as the ranking says.
scored = 0
for u in rank:
    name = next((n for n in sheets if n.startswith(u["unit"] + " – ")), None)
    check(name is not None, f"no scoring sheet for {u['unit']}")
    if name is None:
        continue
    sheet = sheets[name]
    def value(label):
        r = next(r for r in sheet if len(r) > 4 and r[1].startswith(label))
        return r[4]
    check(shown_number(value("Tổng điểm")) == Decimal(u["total"]), f"{name}: total")
    check(shown_number(value("Chỉ số (%)")) == Decimal(u["index"]), f"{name}: index")
    check(value("Xếp hạng") == (u["rank"] or "không xếp hạng"), f"{name}: rank {value('Xếp hạng')}")
    h = header_at(sheet, "Mã")
    fields = [r for r in sheet[h + 1:] if r and re.fullmatch(r"\d+", r[0])]
    appraisal_max = {"so-nganh": "63", "huyen": "62", "dvsn": "61.5", "trung-uong": "54"}[u["group"]]
    field_max = sum(shown_number(r[2]) for r in fields)
    check(field_max == Decimal(appraisal_max), f"{name}: the fields' maxima add up to {field_max}")
    scored += 1
print(f"{scored} scoring sheets: total, index and rank as the ranking says")

# History: the province's 2021 index and rank as the source document gives them.
hist = sheets.get("Qua các năm")
check(hist is not None, "a history sheet")
if hist is not None:
    r2021 = next((r for r in hist if r and r[0] == "2021" and len(r) > 3 and r[3] == "18/63"), None)
    check(r2021 is not None and shown_number(r2021[1]) == Decimal("84.51"),
          f"history: the province's 2021 row {r2021}")
    print(f"history: province 2021 shows {r2021[:4] if r2021 else None}")

print(f"{checks} checks, {len(problems)} problems")
for p in problems[:30]:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
PY
echo "== $OUT/png/results-1.png (or -01/-001) shows the first results sheet as printed" >&2
ls "$OUT"/png >&2
