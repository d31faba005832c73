#!/usr/bin/env python3
"""Generate the demo's 2025 year: the year after the reorganisation of 2025.

Writes, in data/demo/2025/:
  changes.csv      the changes from 2024 to 2025 (the real February-2025 mergers of Sóc Trăng's
                   departments, the district level ended, a commune/ward group of 100 units)
  history.csv      the units' indexes of 2022, 2023 and 2024 (invented)
  self_scores.csv  every 2025 unit's self scores (invented)
  survey.csv       every 2025 unit's survey points (invented)

Reads data/demo/2022/units.csv (the units as 2024 had them), data/demo/2022/history.csv (each
unit's 2021 index, where its invented path starts), the 2022 criteria sets (the departments',
public service units' and central agencies' sets the demo carries into 2025) and
data/demo/2025/xa-phuong.toml (the illustrative commune/ward set). xa-phuong.toml is written by
hand, not by this script.

Python 3.11, standard library only, deterministic (random.Random(2025)). Run from the
repository root:

    python3 data/demo/generate_2025.py

The scoring helpers are generate.py's (the 2022 year's): the same kind of notes and evidence.
"""

from __future__ import annotations

import csv
import random
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as g  # noqa: E402

YEAR = 2025
g.YEAR = YEAR  # the evidence's dates
ROOT = HERE.parent.parent
OUT = HERE / "2025"

# The real February-2025 mergers of Sóc Trăng's departments (see the README): (from, to, kind,
# name of the unit made, note).
MERGERS = [
    ("SKHDT", "STC", "merge", "", "Sở Kế hoạch và Đầu tư hợp nhất vào Sở Tài chính (02/2025)"),
    ("STC", "STC", "merge", "", ""),
    ("SGTVT", "SXD", "merge", "", "Sở Giao thông vận tải hợp nhất vào Sở Xây dựng (02/2025)"),
    ("SXD", "SXD", "merge", "", ""),
    ("STNMT", "SNNMT", "merge", "Sở Nông nghiệp và Môi trường",
     "Sở Tài nguyên và Môi trường và Sở Nông nghiệp và Phát triển nông thôn hợp nhất (02/2025)"),
    ("SNNPTNT", "SNNMT", "merge", "", ""),
    ("STTTT", "SKHCN", "merge", "", "Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ (02/2025)"),
    ("SKHCN", "SKHCN", "merge", "", ""),
    ("SLDTBXH", "SNV", "merge", "",
     "Sở Lao động - Thương binh và Xã hội hợp nhất vào Sở Nội vụ (02/2025)"),
    ("SNV", "SNV", "merge", "", ""),
    ("BDT", "SDTTG", "rename", "Sở Dân tộc và Tôn giáo",
     "Sở Dân tộc và Tôn giáo thành lập trên cơ sở Ban Dân tộc tỉnh (02/2025)"),
]

# Commune and ward names: illustrative, built from common place-name words, not the
# province's list.
FIRST = ["An", "Phú", "Long", "Tân", "Mỹ", "Hòa", "Thạnh", "Vĩnh", "Thuận"]
SECOND = ["Hiệp", "Bình", "Thành", "Lợi", "Hưng", "Phước", "Điền", "Tâm", "Khánh", "Thới"]


def communes() -> list[tuple[str, str]]:
    out = [(f"XP{i:03d}", f"Phường {i}") for i in range(1, 11)]
    k = 11
    for a in FIRST:
        for b in SECOND:
            out.append((f"XP{k:03d}", f"Xã {a} {b}"))
            k += 1
    return out


def main() -> int:
    rng = random.Random(2025)
    OUT.mkdir(exist_ok=True)
    units = g.read_csv(HERE / "2022" / "units.csv")
    by_code = {u["code"]: u for u in units}
    history = g.read_csv(HERE / "2022" / "history.csv")
    last = {r["unit"]: Decimal(r["index"]) for r in history if r["unit"] != "province" and r["year"] == "2021"}

    # The changes.
    rows = [list(m) for m in MERGERS]
    districts = [u["code"] for u in units if u["group"] == "huyen"]
    for d in districts:
        rows.append([d, "", "end", "", "Không còn cấp huyện từ 01/7/2025"])
    for code, name in communes():
        rows.append(["", code, "new", name, "xa-phuong"])
    with open(OUT / "changes.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["from", "to", "kind", "name", "group", "note"])
        for frm, to, kind, name, note_or_group in rows:
            group, note = (note_or_group, "") if kind == "new" else ("", note_or_group)
            w.writerow([frm, to, kind, name, group, note])

    # The 2022–2024 indexes: each unit's path from its 2021 index, a small trend and noise.
    hist_rows = []
    idx2024: dict[str, Decimal] = {}
    for u in units:
        code = u["code"]
        v = float(last.get(code, Decimal(80)))
        trend = rng.uniform(-0.4, 1.6)
        for year in (2022, 2023, 2024):
            v = min(98.5, max(60.0, v + trend + rng.uniform(-1.8, 1.8)))
            d = Decimal(f"{v:.2f}")
            hist_rows.append([code, year, f"{d}"])
            idx2024[code] = d
    with open(OUT / "history.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "year", "index"])
        w.writerows(hist_rows)

    # The 2025 units, as the changes make them (in 2024's order, then the new ones).
    merged_into = {frm: to for frm, to, kind, *_ in MERGERS}
    new_units: list[dict] = []
    seen = set()
    for u in units:
        code = u["code"]
        if code in districts:
            continue
        to = merged_into.get(code, code)
        if to in seen:
            continue
        seen.add(to)
        name = next((m[3] for m in MERGERS if m[1] == to and m[3]), None) or by_code.get(to, u)["name"]
        new_units.append({"code": to, "name": name, "group": u["group"]})
    for code, name in communes():
        new_units.append({"code": code, "name": name, "group": "xa-phuong"})

    # How high a unit scores itself: from its 2024 index (a merger's predecessors' mean); a
    # commune at random.
    def level(code: str) -> float:
        froms = [m[0] for m in MERGERS if m[1] == code] or [code]
        vals = [float(idx2024[f]) for f in froms if f in idx2024]
        if not vals:
            return rng.uniform(0.80, 0.95)
        return min(0.97, max(0.82, sum(vals) / len(vals) / 100 + rng.uniform(0.0, 0.05)))

    sets = {}
    for group in ("so-nganh", "dvsn", "trung-uong"):
        _, sets[group] = g.load_set(ROOT / "data" / "criteria" / "2022" / f"{group}.toml")
    _, sets["xa-phuong"] = g.load_set(OUT / "xa-phuong.toml")

    def year_text(s: str) -> str:
        return s.replace("năm 2022", "năm 2025").replace("năm 2021", "năm 2024")

    score_rows = []
    survey_rows = []
    survey_max = {"so-nganh": Decimal(37), "dvsn": Decimal(0), "trung-uong": Decimal(0), "xa-phuong": Decimal(30)}
    for group in ("so-nganh", "dvsn", "trung-uong"):
        import tomllib
        with open(ROOT / "data" / "criteria" / "2022" / f"{group}.toml", "rb") as f:
            survey_max[group] = Decimal(str(tomllib.load(f)["survey_max"]))
    for u in new_units:
        code = u["code"]
        items = sets[u["group"]]
        applicable = [it for it in items if it.block == "main" and code not in it.na_for]
        amax = sum(it.max for it in applicable)
        lv = level(code)
        target = (amax * Decimal(str(round(lv, 4)))).quantize(g.CENT)
        scores, counts = g.score_unit(rng, applicable, target, set())
        for it in items:
            if code in it.na_for:
                s, note, ev = "N/A", "Đơn vị không có nhiệm vụ này", ""
            elif it.block == "bonus":
                s, note, ev = "0", "Không có", ""
            elif it.block == "deduction":
                s, note, ev = "0", "Không có vi phạm trong năm 2025", ""
            else:
                val = scores[it.code]
                s = g.fmt(val)
                if it.options:
                    note = g.option_note(rng, it, it.option(val), val == it.top)
                else:
                    k, n = counts[it.code]
                    note = g.ratio_note(it.title, k, n)
                ev = g.evidence(rng, u, it.title)
            score_rows.append([code, it.code, s, g.nfc(year_text(note)), g.nfc(year_text(ev))])
        m = survey_max[u["group"]]
        survey_rows.append([code, g.fmt((m * Decimal(str(round(rng.uniform(0.70, 0.92), 3)))).quantize(g.CENT))])

    with open(OUT / "self_scores.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "item", "score", "note", "evidence"])
        w.writerows(score_rows)
    with open(OUT / "survey.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "score"])
        w.writerows(survey_rows)
    print(f"wrote changes.csv ({len(rows)} rows), history.csv ({len(hist_rows)}), "
          f"self_scores.csv ({len(score_rows)}), survey.csv ({len(survey_rows)}); {len(new_units)} units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
