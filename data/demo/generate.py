#!/usr/bin/env python3
"""Generate the demo self scores (and the units' explanations) for the demo year 2022.

Reads data/criteria/2022/<group>.toml, data/demo/2022/units.csv and data/demo/2022/history.csv;
writes data/demo/2022/self_scores.csv and data/demo/2022/explanations.csv.

Python 3.11, standard library only, deterministic (random.Random(2022)): running it twice
gives the same files byte for byte. Run from the repository root:

    python3 data/demo/generate.py

The units are the real units of Sóc Trăng province; the scores, notes, evidence and
explanations are invented for the demo. Rerun this whenever a criteria set changes its items.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
import tomllib
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

YEAR = 2022
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CENT = Decimal("0.01")


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def dec(v) -> Decimal:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    return Decimal(str(v))


def fmt(d: Decimal) -> str:
    """Plain decimal, `.` as the point, no trailing zeros: 1, 0.5, 0.75."""
    d = dec(d)
    if d != d.quantize(CENT):
        raise ValueError(f"{d} has more than 2 decimals")
    s = format(d.normalize(), "f")
    return "0" if s in ("-0", "") else s


def pct_vi(p: float) -> str:
    """A percentage the Vietnamese way: 94,2 (no ",0")."""
    s = f"{p:.1f}".replace(".", ",")
    return s[:-2] if s.endswith(",0") else s


class Option:
    def __init__(self, o: dict):
        self.label = nfc(str(o.get("label", "")))
        self.points = dec(o["points"])


class Item:
    def __init__(self, node: dict, block: str = "main"):
        self.code = str(node["code"])
        self.title = nfc(str(node["title"]))
        self.max = dec(node["max"])
        self.min = dec(node.get("min", 0))
        self.block = block  # main | bonus | deduction
        opts = [Option(o) for o in node.get("options", []) or []]
        self.options = sorted(opts, key=lambda o: o.points, reverse=True)
        self.na_for = set(node.get("not_applicable_for", []) or [])

    @property
    def top(self) -> Decimal:
        return self.options[0].points if self.options else self.max

    def option(self, points: Decimal) -> Option | None:
        return next((o for o in self.options if o.points == points), None)


def load_set(path: Path) -> tuple[dict, list[Item]]:
    """The items (leaves) of a criteria set in tree order, then its bonus and deduction items."""
    with open(path, "rb") as f:
        data = tomllib.load(f, parse_float=Decimal)
    nodes = data.get("nodes", [])
    codes = [str(n["code"]) for n in nodes]
    parents = {c.rsplit(".", 1)[0] for c in codes if "." in c}
    items = [Item(n) for n in nodes if str(n["code"]) not in parents]
    for block in ("bonus", "deduction"):
        for n in (data.get(block) or {}).get("items", []) or []:
            items.append(Item(n, block))
    return data, items


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [{k: nfc(v or "") for k, v in r.items()} for r in csv.DictReader(f)]


# ---------------------------------------------------------------------------------------------
# Evidence: document references
# ---------------------------------------------------------------------------------------------

# The letters a unit puts in its document numbers (diacritics as in practice; district
# People's Committees sign as "UBND").
DOC_LETTERS = {
    "SKHDT": "SKHĐT", "SLDTBXH": "SLĐTBXH", "SGDDT": "SGDĐT", "SNGV": "SNgV", "TTT": "TTr",
    "VPDDBQH": "VPĐĐBQH", "DPTTH": "ĐPTTH", "TCDCD": "CĐCĐ", "TCDN": "CĐN", "CTHUE": "CTSTR",
    "KBNN": "KBST", "NHCSXH": "NHCS",
}

# Documents a unit issues per year, by type, so that numbers grow with dates.
DOC_RATE = {"KH": 110, "BC": 380, "QĐ": 420, "CV": 2600, "TB": 160}
DOC_NAME = {"KH": "Kế hoạch", "BC": "Báo cáo", "QĐ": "Quyết định", "CV": "Công văn", "TB": "Thông báo"}


def letters(unit: dict) -> str:
    if unit["group"] == "huyen":
        return "UBND"
    return DOC_LETTERS.get(unit["code"], unit["code"])


def workday(rng: random.Random, lo: int, hi: int) -> dt.date:
    """A working day between day-of-year lo and hi of YEAR."""
    d = dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randint(lo, hi) - 1)
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d if d.year == YEAR else dt.date(YEAR, 12, 30)


def doc(rng: random.Random, unit: dict, kind: str, lo: int = 5, hi: int = 350, about: str = "") -> str:
    d = workday(rng, lo, hi)
    n = max(1, int(DOC_RATE[kind] * d.timetuple().tm_yday / 365 * rng.uniform(0.85, 1.1)))
    u = letters(unit)
    num = f"{n}/{u}-VP" if kind == "CV" else f"{n}/{kind}-{u}"
    s = f"{DOC_NAME[kind]} số {num} ngày {d:%d/%m/%Y}"
    return f"{s} {about}" if about else s


def province_decision(rng: random.Random, lo: int, hi: int, about: str) -> str:
    d = workday(rng, lo, hi)
    n = max(1, int(3400 * d.timetuple().tm_yday / 365 * rng.uniform(0.9, 1.1)))
    return f"Quyết định số {n}/QĐ-UBND ngày {d:%d/%m/%Y} của UBND tỉnh {about}"


# Main document by the item's subject: (title keywords, type, first day, last day, about texts).
# First match wins; the about text may be empty.
EVIDENCE = [
    (("ban hành kế hoạch cải cách", "kế hoạch xác định"), "KH", 3, 14, ["về cải cách hành chính năm 2022", ""]),
    (("hoàn thành kế hoạch cải cách", "khắc phục tồn tại"), "BC", 335, 355,
     ["về kết quả công tác cải cách hành chính năm 2022", ""]),
    (("kế hoạch kiểm tra",), "KH", 15, 60, ["kiểm tra công tác cải cách hành chính năm 2022"]),
    (("kiểm soát thủ tục",), "KH", 5, 40, ["kiểm soát thủ tục hành chính năm 2022"]),
    (("kế hoạch rà soát",), "KH", 15, 75, ["rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2022"]),
    (("kế hoạch ứng dụng công nghệ",), "KH", 10, 60, ["ứng dụng công nghệ thông tin, chuyển đổi số năm 2022"]),
    (("pci",), "KH", 20, 90, ["cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2022"]),
    (("báo cáo quyết toán",), "BC", 150, 300, ["quyết toán ngân sách năm 2021"]),
    (("việc làm và đào tạo nghề",), "BC", 300, 350, ["về kết quả giải quyết việc làm, đào tạo nghề năm 2022"]),
    (("tuyển sinh",), "TB", 60, 200, ["tuyển sinh năm 2022"]),
    (("chỉ tiêu", "hộ nghèo", "nông thôn mới", "bảo hiểm y tế", "doanh nghiệp thành lập", "thu ngân sách", "dự án đầu tư"), "BC", 300, 350,
     ["về tình hình kinh tế - xã hội năm 2022", ""]),
    (("báo cáo", "chế độ báo cáo"), "BC", 60, 345, ["về kết quả cải cách hành chính quý II, 6 tháng đầu năm 2022",
                                                   "về kết quả công tác cải cách hành chính năm 2022", ""]),
    (("kiểm tra công vụ", "văn hóa công sở"), "TB", 120, 340, ["kết luận kiểm tra công vụ", ""]),
    (("tự kiểm tra văn bản", "kiểm tra văn bản"), "BC", 150, 345, ["về công tác kiểm tra văn bản quy phạm pháp luật", ""]),
    (("kiểm tra", "kiểm toán"), "TB", 120, 340, ["kết luận kiểm tra", ""]),
    (("phổ biến", "giáo dục pháp luật", "hỗ trợ pháp luật"), "KH", 10, 60, ["phổ biến, giáo dục pháp luật năm 2022", ""]),
    (("tuyên truyền",), "KH", 10, 60, ["tuyên truyền cải cách hành chính năm 2022", ""]),
    (("sáng kiến",), "QĐ", 200, 350, ["công nhận sáng kiến cấp cơ sở năm 2022", ""]),
    (("văn bản quy phạm", "văn bản quy định"), "BC", 150, 345, ["về công tác xây dựng, ban hành văn bản quy phạm pháp luật", ""]),
    (("rà soát",), "BC", 150, 345, ["về kết quả rà soát năm 2022", ""]),
    (("thi hành pháp luật",), "KH", 15, 70, ["theo dõi tình hình thi hành pháp luật năm 2022"]),
    (("phản ánh", "đối thoại", "khiếu nại"), "BC", 90, 345, ["", ""]),
    (("ký số", "văn bản đi", "văn bản điện tử", "thư điện tử", "môi trường mạng", "trục liên thông"), "BC", 150, 345,
     ["về ứng dụng công nghệ thông tin, chuyển đổi số năm 2022", ""]),
    (("họp trực tuyến", "hội nghị trực tuyến"), "BC", 150, 345, ["", ""]),
    (("trực tuyến", "dịch vụ công"), "BC", 90, 345, ["về tình hình cung cấp, sử dụng dịch vụ công trực tuyến", ""]),
    (("tuyển dụng", "bổ nhiệm"), "QĐ", 60, 330, ["", ""]),
    (("một cửa", "tiếp nhận, trả kết quả", "bưu chính", "trung tâm phục vụ"), "QĐ", 10, 200, ["kiện toàn Bộ phận Một cửa", ""]),
    (("thủ tục hành chính", "hồ sơ"), "BC", 90, 345, ["về tình hình, kết quả giải quyết thủ tục hành chính", ""]),
    (("quản lý chất lượng", "iso"), "QĐ", 30, 330, ["công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015"]),
    (("sự nghiệp",), "QĐ", 30, 330, ["", ""]),
    (("chức năng, nhiệm vụ", "tổ chức bộ máy", "cấp phó", "sắp xếp", "ấp, khóm"), "QĐ", 20, 330, ["", ""]),
    (("biên chế",), "BC", 60, 345, ["về tình hình quản lý, sử dụng biên chế năm 2022", ""]),
    (("vị trí việc làm",), "QĐ", 20, 330, ["phê duyệt danh mục vị trí việc làm", ""]),
    (("đào tạo", "bồi dưỡng"), "KH", 10, 60, ["đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2022", ""]),
    (("kỷ luật", "văn hóa công vụ", "quy tắc ứng xử"), "KH", 15, 90, ["thực hiện văn hóa công vụ năm 2022", ""]),
    (("đánh giá, xếp loại", "hoàn thành xuất sắc"), "QĐ", 335, 362, ["về việc đánh giá, xếp loại năm 2022", ""]),
    (("tài sản, thu nhập",), "BC", 60, 120, ["về kết quả kê khai tài sản, thu nhập", ""]),
    (("chi tiêu nội bộ", "tự chủ"), "QĐ", 10, 120, ["ban hành Quy chế chi tiêu nội bộ", ""]),
    (("tiết kiệm",), "BC", 150, 345, ["về thực hành tiết kiệm, chống lãng phí năm 2022", ""]),
    (("tài chính", "ngân sách", "tài sản công", "giải ngân", "đầu tư"), "BC", 150, 345, ["", ""]),
    (("trang thông tin", "chuyên mục", "nghị định 42"), "QĐ", 10, 120, ["ban hành Quy chế hoạt động của Trang thông tin điện tử", ""]),
    (("công nghệ", "cơ sở dữ liệu", "an toàn thông tin", "số hóa", "họp trực tuyến", "hội nghị trực tuyến"), "BC", 150, 345, ["", ""]),
    (("hài lòng", "khảo sát"), "KH", 60, 200, ["khảo sát mức độ hài lòng của người dân, tổ chức", ""]),
    (("quy chế",), "QĐ", 10, 150, ["ban hành Quy chế làm việc", ""]),
]
EVIDENCE_DEFAULT = ("BC", 150, 345, ["", ""])
EXTRA_EVIDENCE = ["Ảnh chụp màn hình phần mềm, trang 3, 5", "Sổ theo dõi, phụ lục 1, 2 kèm theo",
                  "Danh sách kèm theo (mục 2, 3)", "Biên bản hội nghị, danh sách đại biểu tham dự"]


def evidence(rng: random.Random, unit: dict, title: str) -> str:
    t = title.lower()
    kind, lo, hi, abouts = next(((k, lo, hi, a) for keys, k, lo, hi, a in EVIDENCE if any(x in t for x in keys)),
                                EVIDENCE_DEFAULT)
    parts = [doc(rng, unit, kind, lo, hi, rng.choice(abouts))]
    r = rng.random()
    if r < 0.55:
        k2 = rng.choice([k for k in ("BC", "CV", "TB", "QĐ", "KH") if k != kind])
        parts.append(doc(rng, unit, k2, max(lo, 30), 350))
    if r < 0.15:
        parts.append(doc(rng, unit, "CV", 60, 350))
    if rng.random() < 0.06:
        parts.append(rng.choice(EXTRA_EVIDENCE))
    return "; ".join(parts)


# ---------------------------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------------------------

# Notes for an item scored at its top, by title keywords (first match wins). Placeholders:
# {n} a count, {m} a small count, {c} 3 or 4.
FULL_NOTES = [
    (("ban hành kế hoạch cải cách hành chính",), ["Đã ban hành kế hoạch đúng thời hạn",
                                                   "Kế hoạch cải cách hành chính năm 2022 ban hành đúng thời hạn, đủ nội dung"]),
    (("kế hoạch xác định đầy đủ",), ["Kế hoạch có {n} nhiệm vụ, mỗi nhiệm vụ có sản phẩm, thời hạn và phân công thực hiện",
                                      "Kế hoạch xác định đủ nhiệm vụ trên các lĩnh vực, có sản phẩm và thời hạn"]),
    (("hoàn thành kế hoạch cải cách hành chính",), ["Hoàn thành {n}/{n} nhiệm vụ của kế hoạch năm 2022",
                                                     "Hoàn thành 100% kế hoạch, không có nhiệm vụ trễ hạn"]),
    (("kế hoạch kiểm tra",), ["Ban hành kế hoạch kiểm tra cải cách hành chính năm 2022 đúng thời hạn"]),
    (("kế hoạch rà soát",), ["Ban hành kế hoạch rà soát, hệ thống hóa văn bản năm 2022"]),
    (("kế hoạch kiểm soát thủ tục",), ["Ban hành kế hoạch kiểm soát thủ tục hành chính năm 2022 đúng thời hạn"]),
    (("kế hoạch đào tạo, bồi dưỡng năm",), ["Ban hành kế hoạch đào tạo, bồi dưỡng năm 2022 và hoàn thành 100%"]),
    (("kế hoạch cải thiện chỉ số thành phần pci",), ["Ban hành kế hoạch cải thiện chỉ số thành phần PCI được giao, triển khai đầy đủ"]),
    (("phối hợp với địa phương",), ["Phối hợp đầy đủ, có văn bản tham mưu cải thiện các chỉ số PAR Index, SIPAS của tỉnh"]),
    (("pci",), ["Điểm chỉ số thành phần PCI được giao phụ trách tăng so với năm 2021"]),
    (("kế hoạch ứng dụng công nghệ thông tin",), ["Ban hành kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số năm 2022 và thực hiện đầy đủ"]),
    (("hệ thống thông tin báo cáo",), ["Gửi 100% báo cáo định kỳ trên Hệ thống thông tin báo cáo của tỉnh"]),
    (("công khai dự toán",), ["Công khai dự toán, quyết toán đúng thời hạn, đúng hình thức"]),
    (("báo cáo quyết toán",), ["Lập, gửi báo cáo quyết toán ngân sách năm 2021 đúng thời hạn"]),
    (("cơ sở dữ liệu quốc gia về tài sản công",), ["Cập nhật đầy đủ tài sản công vào Cơ sở dữ liệu quốc gia đúng hạn"]),
    (("sử dụng biên chế đúng thời hạn", "tình hình quản lý, sử dụng biên chế"), ["Báo cáo tình hình quản lý, sử dụng biên chế đúng thời hạn"]),
    (("báo cáo",), ["Gửi đầy đủ báo cáo quý I, 6 tháng, quý III và năm đúng thời hạn",
                    "Báo cáo đúng đề cương, đủ số liệu, gửi đúng hạn"]),
    (("kiểm tra công vụ",), ["Tổ chức {m} đợt kiểm tra công vụ, không phát hiện vi phạm"]),
    (("tự kiểm tra văn bản",), ["Tự kiểm tra 100% văn bản đã ban hành, không phát hiện văn bản trái pháp luật"]),
    (("kiểm tra văn bản quy phạm pháp luật do hđnd, ubnd cấp xã",), ["Kiểm tra 100% văn bản của HĐND, UBND cấp xã gửi đến, kiến nghị xử lý đầy đủ"]),
    (("văn bản trái pháp luật",), ["Không phát hiện văn bản trái pháp luật qua kiểm tra"]),
    (("vấn đề phát hiện qua kiểm tra", "tồn tại, hạn chế phát hiện qua kiểm tra"), ["Xử lý, kiến nghị xử lý 100% vấn đề phát hiện qua kiểm tra"]),
    (("tình hình tổ chức, hoạt động",), ["Kiểm tra {c} phòng, đơn vị theo kế hoạch, có thông báo kết luận"]),
    (("kiểm tra công tác cải cách hành chính",), ["Kiểm tra {c}/{c} đơn vị theo kế hoạch, ban hành thông báo kết luận",
                                                   "Hoàn thành kế hoạch kiểm tra, xử lý đầy đủ tồn tại phát hiện"]),
    (("sai phạm về tài chính",), ["Không có sai phạm qua thanh tra, kiểm toán năm 2022"]),
    (("kiến nghị của thanh tra", "kết luận, kiến nghị của thanh tra", "kết luận thanh tra"), ["Thực hiện 100% kiến nghị của thanh tra, kiểm toán đến hạn"]),
    (("phổ biến, giáo dục pháp luật", "phổ biến pháp luật", "hỗ trợ pháp luật"), ["Tổ chức {m} hội nghị phổ biến pháp luật, lồng ghép trong sinh hoạt cơ quan",
                                                                                 "Thực hiện đầy đủ kế hoạch phổ biến, giáo dục pháp luật năm 2022"]),
    (("tuyên truyền",), ["Đăng {n} tin, bài trên trang thông tin điện tử, tổ chức hội nghị quán triệt",
                         "Thực hiện đầy đủ nội dung kế hoạch tuyên truyền năm 2022"]),
    (("sáng kiến",), ["Có sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm 2022",
                      "Giải pháp mới được cấp có thẩm quyền công nhận là sáng kiến"]),
    (("nhiệm vụ ubnd tỉnh", "nhiệm vụ cải cách hành chính do ubnd tỉnh", "chương trình công tác"), ["Hoàn thành {n}/{n} nhiệm vụ được giao đúng hạn"]),
    (("thi đua, khen thưởng",), ["Kết quả cải cách hành chính là tiêu chí bình xét thi đua và đánh giá người đứng đầu"]),
    (("khắc phục tồn tại",), ["Ban hành kế hoạch khắc phục, đã khắc phục {c}/{c} hạn chế"]),
    (("hướng dẫn, đôn đốc ubnd cấp xã",), ["Hướng dẫn, đôn đốc và tổ chức đánh giá Chỉ số cải cách hành chính cấp xã năm 2022"]),
    (("quy chế phối hợp",), ["Thực hiện đầy đủ quy chế phối hợp với các sở, ngành và UBND cấp huyện"]),
    (("lấy ý kiến",), ["Cả {c} dự thảo đều thực hiện đủ bước lấy ý kiến, đánh giá tác động và thẩm định"]),
    (("ban hành văn bản quy phạm pháp luật đúng thẩm quyền",), ["Ban hành {m} văn bản quy phạm pháp luật đúng thẩm quyền, trình tự"]),
    (("văn bản quy định chi tiết",), ["Ban hành kịp thời văn bản quy định chi tiết được giao"]),
    (("rà soát, hệ thống hóa", "rà soát, công bố"), ["Rà soát, công bố kết quả hệ thống hóa văn bản đúng thời hạn"]),
    (("văn bản sau rà soát",), ["Kiến nghị xử lý {m} văn bản sau rà soát"]),
    (("rà soát văn bản",), ["Rà soát văn bản thuộc lĩnh vực, có báo cáo kết quả và kiến nghị"]),
    (("thi hành pháp luật",), ["Ban hành kế hoạch và báo cáo theo dõi thi hành pháp luật đúng hạn"]),
    (("đơn giản hóa",), ["Rà soát {n} thủ tục hành chính, đề xuất đơn giản hóa {m} thủ tục"]),
    (("công bố danh mục thủ tục",), ["Tham mưu 100% quyết định công bố danh mục thủ tục hành chính đúng thời hạn"]),
    (("quy trình nội bộ",), ["100% thủ tục có quy trình nội bộ, quy trình điện tử được phê duyệt"]),
    (("xin lỗi",), ["Không có hồ sơ trễ hạn", "Có văn bản xin lỗi đối với 100% hồ sơ trễ hạn"]),
    (("cắt giảm thời gian",), ["Cắt giảm thời gian giải quyết {m} thủ tục, đã đưa vào áp dụng"]),
    (("khai sinh",), ["Triển khai liên thông nhóm thủ tục khai sinh, thường trú, thẻ bảo hiểm y tế ở 100% xã"]),
    (("liên thông",), ["Thực hiện liên thông thủ tục theo quy định, không có hồ sơ liên thông trễ hạn"]),
    (("cử công chức",), ["Cử đủ công chức làm việc tại Trung tâm, có giao quyền giải quyết tại chỗ"]),
    (("trung tâm phục vụ hành chính công",), ["Đưa 100% thủ tục theo danh mục ra tiếp nhận tại Trung tâm Phục vụ hành chính công"]),
    (("bưu chính",), ["Công khai và có phát sinh hồ sơ tiếp nhận, trả kết quả qua bưu chính công ích"]),
    (("công khai đầy đủ thủ tục", "công khai thủ tục"), ["Công khai đầy đủ thủ tục hành chính tại nơi tiếp nhận và trên Cổng Dịch vụ công"]),
    (("trang thiết bị",), ["100% xã bố trí đủ công chức, trang thiết bị tại Bộ phận Một cửa"]),
    (("bộ phận một cửa", "bộ phận tiếp nhận"), ["Bộ phận Một cửa được kiện toàn, hoạt động đúng quy chế"]),
    (("địa chỉ, số điện thoại",), ["Công khai địa chỉ, số điện thoại tiếp nhận phản ánh tại trụ sở và trên trang thông tin điện tử"]),
    (("thái độ phục vụ",), ["Không có phản ánh về tinh thần, thái độ phục vụ"]),
    (("phản ánh, kiến nghị",), ["Xử lý {n}/{n} phản ánh, kiến nghị đúng thời hạn"]),
    (("tháo gỡ khó khăn",), ["Tổ chức {m} hội nghị đối thoại, giải quyết 100% kiến nghị của doanh nghiệp"]),
    (("đối thoại",), ["Tổ chức {c} cuộc đối thoại với người dân, doanh nghiệp"]),
    (("khiếu nại, tố cáo",), ["Giải quyết 100% đơn khiếu nại, tố cáo đúng thời hạn, không có vụ việc tồn đọng"]),
    (("tham nhũng",), ["Có kế hoạch phòng, chống tham nhũng; không để xảy ra tham nhũng"]),
    (("hài lòng",), ["Tổ chức khảo sát, công bố kết quả và có giải pháp cải thiện"]),
    (("tuyển sinh",), ["Công khai đầy đủ thông tin tuyển sinh, chương trình đào tạo, chuẩn đầu ra"]),
    (("dịch vụ công trực tuyến",), ["Cung cấp đầy đủ dịch vụ công trực tuyến toàn trình, có phát sinh hồ sơ"]),
    (("dịch vụ sự nghiệp công",), ["Niêm yết đầy đủ quy trình, giá dịch vụ tại trụ sở và trên trang thông tin điện tử"]),
    (("định mức kinh tế",), ["Xây dựng, trình ban hành định mức kinh tế - kỹ thuật đúng quy định"]),
    (("chức năng, nhiệm vụ",), ["Quy định chức năng, nhiệm vụ của cơ quan và các phòng đúng quy định",
                                  "Ban hành quyết định quy định chức năng, nhiệm vụ của các phòng, đơn vị đúng quy định"]),
    (("cấp phó",), ["Số lượng cấp phó của các phòng đúng quy định"]),
    (("ấp, khóm",), ["Hoàn thành sắp xếp ấp, khóm; bố trí người hoạt động không chuyên trách đúng số lượng"]),
    (("sắp xếp",), ["Hoàn thành sắp xếp đúng lộ trình được giao"]),
    (("tinh giản",), ["Sử dụng biên chế trong số được giao, đạt chỉ tiêu tinh giản",
                         "Giảm {m} biên chế so với năm 2021, đạt lộ trình tinh giản"]),
    (("biên chế",), ["Sử dụng biên chế không vượt số được giao"]),
    (("phân cấp", "phân công"), ["Thực hiện đầy đủ nhiệm vụ được phân cấp, ủy quyền"]),
    (("quy chế làm việc", "quy chế dân chủ"), ["Thực hiện đúng quy chế làm việc, tổ chức hội nghị cán bộ, công chức đầu năm",
                                                      "Tổ chức hội nghị cán bộ, công chức, viên chức; thực hiện đúng quy chế dân chủ"]),
    (("quy chế nội bộ",), ["Ban hành, cập nhật đầy đủ quy chế nội bộ và thực hiện đúng"]),
    (("xây dựng, trình phê duyệt vị trí", "đề án vị trí việc làm"), ["Đề án vị trí việc làm được phê duyệt đúng thời hạn",
                                                                   "Trình phê duyệt, điều chỉnh vị trí việc làm đúng thời hạn"]),
    (("vị trí việc làm",), ["100% công chức, viên chức bố trí đúng vị trí việc làm", "Bố trí đúng vị trí việc làm được phê duyệt"]),
    (("cơ cấu viên chức",), ["Cơ cấu viên chức theo chức danh nghề nghiệp được phê duyệt và thực hiện đúng"]),
    (("đạt chuẩn",), ["100% cán bộ, công chức cấp xã đạt chuẩn theo quy định"]),
    (("tuyển dụng",), ["Tuyển dụng, tiếp nhận đúng quy trình, công khai theo quy định",
                       "Năm 2022 tuyển dụng, tiếp nhận {m} người đúng quy trình, tiêu chuẩn"]),
    (("theo tháng hoặc quý",), ["Đánh giá công chức hằng tháng trên phần mềm, gắn với kết quả công việc"]),
    (("hoàn thành xuất sắc",), ["Tỷ lệ hoàn thành xuất sắc nhiệm vụ trong tỷ lệ quy định"]),
    (("đánh giá, xếp loại",), ["Đánh giá, xếp loại năm 2022 đúng quy trình và thời hạn"]),
    (("chuyển đổi vị trí",), ["Thực hiện chuyển đổi vị trí công tác theo kế hoạch năm 2022"]),
    (("bổ nhiệm",), ["Bổ nhiệm, bổ nhiệm lại đúng tiêu chuẩn, quy trình"]),
    (("việc làm và đào tạo nghề",), ["Giải quyết việc làm, đào tạo nghề đạt chỉ tiêu được giao"]),
    (("đào tạo", "bồi dưỡng"), ["Hoàn thành 100% kế hoạch đào tạo, bồi dưỡng năm 2022"]),
    (("kỷ luật, kỷ cương",), ["Không có công chức, viên chức bị kỷ luật trong năm 2022",
                                  "Không có cán bộ, công chức, viên chức vi phạm kỷ luật, kỷ cương hành chính"]),
    (("văn hóa công vụ", "quy tắc ứng xử"), ["Thực hiện nghiêm quy tắc ứng xử, văn hóa công vụ"]),
    (("cơ sở dữ liệu cán bộ",), ["Cập nhật đầy đủ hồ sơ công chức, viên chức trên phần mềm quản lý"]),
    (("chế độ, chính sách",), ["Giải quyết chế độ, chính sách đúng thời hạn"]),
    (("tài sản, thu nhập",), ["100% người có nghĩa vụ kê khai, công khai đúng hạn",
                                 "Hoàn thành kê khai, công khai bản kê khai tài sản, thu nhập đúng hạn"]),
    (("quy chế chi tiêu nội bộ",), ["Quy chế chi tiêu nội bộ được sửa đổi kịp thời, thực hiện đúng",
                                       "Ban hành quy chế chi tiêu nội bộ năm 2022 phù hợp quy định hiện hành"]),
    (("kinh phí tự chủ",), ["Tiết kiệm kinh phí tự chủ, chi tăng thu nhập theo quy chế"]),
    (("tự chủ",), ["Thực hiện cơ chế tự chủ theo Nghị định số 60/2021/NĐ-CP"]),
    (("quản lý, sử dụng tài sản công", "tài sản công"), ["Quản lý, sử dụng tài sản công đúng quy định, có quy chế"]),
    (("tiết kiệm",), ["Có chương trình thực hành tiết kiệm, chống lãng phí và báo cáo kết quả"]),
    (("ngân sách cấp xã",), ["Hướng dẫn, kiểm tra quản lý ngân sách cấp xã đúng quy định"]),
    (("thu ngân sách",), ["Thu ngân sách tăng so với năm 2021"]),
    (("doanh nghiệp thành lập mới",), ["Số doanh nghiệp thành lập mới đạt chỉ tiêu"]),
    (("dự án đầu tư",), ["Có {m} dự án đầu tư ngoài ngân sách được chấp thuận chủ trương"]),
    (("nông thôn mới",), ["Hoàn thành chỉ tiêu xây dựng nông thôn mới năm 2022"]),
    (("hộ nghèo", "hộ cận nghèo"), ["Tỷ lệ giảm hộ nghèo, hộ cận nghèo đạt chỉ tiêu được giao"]),
    (("chỉ tiêu",), ["Các chỉ tiêu chủ yếu đạt hoặc vượt kế hoạch năm 2022"]),
    (("hoàn thành nhiệm vụ của cơ quan",), ["Hoàn thành xuất sắc nhiệm vụ năm 2022"]),
    (("phần mềm quản lý văn bản và chữ ký số",), ["100% UBND cấp xã sử dụng phần mềm quản lý văn bản và chữ ký số"]),
    (("trục liên thông",), ["Gửi, nhận văn bản điện tử qua trục liên thông thường xuyên"]),
    (("thư điện tử",), ["100% công chức được cấp và sử dụng thư điện tử công vụ"]),
    (("không dùng tiền mặt",), ["Triển khai thanh toán không dùng tiền mặt cho tất cả các khoản thu, chi"]),
    (("thanh toán trực tuyến",), ["Có phát sinh thanh toán trực tuyến phí, lệ phí"]),
    (("nghị định 42",), ["Cung cấp đầy đủ thông tin trên trang thông tin điện tử theo Nghị định 42/2022/NĐ-CP"]),
    (("chuyên mục",), ["Chuyên mục cải cách hành chính được cập nhật hằng tháng"]),
    (("trang thông tin điện tử",), ["Trang thông tin điện tử hoạt động thường xuyên, cập nhật đầy đủ"]),
    (("ubnd cấp xã xây dựng, áp dụng hệ thống",), ["100% UBND cấp xã áp dụng hệ thống quản lý chất lượng"]),
    (("quản lý chất lượng",), ["Duy trì, cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
                               "Công bố lại hệ thống quản lý chất lượng sau khi cập nhật quy trình"]),
    (("số hóa",), ["Số hóa hồ sơ, kết quả giải quyết và bảo đảm an toàn thông tin đầy đủ"]),
    (("an toàn thông tin",), ["Hệ thống thông tin được phê duyệt cấp độ, không để xảy ra sự cố mất an toàn thông tin"]),
    (("cơ sở dữ liệu chuyên ngành",), ["Cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ với hệ thống của tỉnh"]),
    (("họp trực tuyến",), ["Kết nối họp trực tuyến đến 100% xã, thị trấn và sử dụng thường xuyên"]),
    (("hội nghị trực tuyến",), ["Tổ chức họp, hội nghị trực tuyến thường xuyên"]),
    (("công nghệ số cộng đồng",), ["Thành lập tổ công nghệ số cộng đồng ở 100% ấp, khóm"]),
    (("bảo hiểm y tế",), ["Tỷ lệ dân số tham gia bảo hiểm y tế đạt chỉ tiêu"]),
]
GENERIC_FULL = ["Đã thực hiện đầy đủ, đúng thời hạn", "Thực hiện đầy đủ theo quy định",
                "Hoàn thành, có tài liệu kiểm chứng kèm theo"]

# Tails for a note taken from a lower option's label, by what the label says.
TAILS = [
    (("chậm", "trễ hạn"), [", đơn vị đã rút kinh nghiệm", " do chờ ý kiến của cơ quan phối hợp", ""]),
    (("chưa đầy đủ", "chưa đủ", "một phần", "chưa khắc phục hết", "chưa xử lý", "chưa cập nhật", "ít cập nhật"),
     [", đang tiếp tục hoàn thiện", ", còn {m} nội dung chuyển sang năm 2023", ""]),
    (("sai sót", "sai phạm", "kỷ luật", "nhắc nhở"), [", đã khắc phục", ", đơn vị đã chấn chỉnh", ""]),
    (("không ", "chưa "), [" trong năm 2022", ", sẽ thực hiện trong năm 2023", ""]),
]

# A rubric level that names two cases ("... hoặc ..."), and what a unit writes for each case.
EITHER = {
    "Ban hành chậm hoặc không ban hành": ["Ban hành chậm so với thời hạn"],
    "Chưa công bố hoặc chưa đủ phạm vi": ["Chưa công bố đủ phạm vi áp dụng"],
    "Chưa phê duyệt đủ cấp độ hoặc phương án": ["Chưa phê duyệt đủ hồ sơ cấp độ an toàn hệ thống thông tin",
                                                "Chưa có phương án ứng phó sự cố an toàn thông tin"],
    "Chậm hoặc chưa đầy đủ": ["Thực hiện chậm", "Thực hiện chưa đầy đủ"],
    "Còn thiếu nhiệm vụ hoặc chưa rõ sản phẩm": ["Kế hoạch còn {m} nhiệm vụ chưa rõ sản phẩm"],
    "Có 01 báo cáo chậm hoặc thiếu nội dung": ["Có 01 báo cáo gửi chậm", "Có 01 báo cáo thiếu số liệu"],
    "Có ban hành nhưng chưa cập nhật hoặc thực hiện chưa đầy đủ": ["Có ban hành nhưng chưa cập nhật theo quy định mới"],
    "Có chương trình nhưng báo cáo chậm hoặc chưa đầy đủ": ["Có chương trình nhưng báo cáo kết quả chậm"],
    "Có dự thảo thiếu bước hoặc thiếu hồ sơ": ["Có {m} dự thảo thiếu hồ sơ lấy ý kiến"],
    "Có khảo sát nhưng chưa công bố hoặc chưa có giải pháp": ["Có khảo sát nhưng chưa công bố kết quả"],
    "Có kế hoạch nhưng thực hiện hoặc báo cáo chưa đầy đủ": ["Có kế hoạch nhưng thực hiện chưa đầy đủ",
                                                             "Có kế hoạch nhưng báo cáo kết quả chưa đầy đủ"],
    "Có người bị kỷ luật khiển trách hoặc cảnh cáo": ["Có 01 công chức bị kỷ luật khiển trách"],
    "Có người bị kỷ luật từ hạ bậc lương trở lên hoặc bị truy cứu trách nhiệm hình sự": ["Có 01 trường hợp bị kỷ luật hạ bậc lương"],
    "Có phản ánh không được xử lý hoặc không công khai địa chỉ": ["Có phản ánh chưa được xử lý"],
    "Có quy chế nhưng chưa cập nhật hoặc thực hiện chưa đầy đủ": ["Có quy chế nhưng chưa cập nhật theo quy định mới"],
    "Có sai phạm phải xuất toán hoặc chưa thực hiện kiến nghị": ["Có khoản chi phải xuất toán, đã nộp lại ngân sách"],
    "Có sai sót phải khắc phục hoặc chưa chuyển đổi đủ": ["Chưa chuyển đổi đủ số người đến thời hạn"],
    "Có sai sót về thời hạn hoặc tỷ lệ": ["Có sai sót về thời hạn", "Có sai sót về tỷ lệ"],
    "Có thủ tục công khai chưa đầy đủ hoặc chưa cập nhật": ["Có {m} thủ tục chưa cập nhật kịp thời"],
    "Có trường hợp chậm hoặc chưa đúng": ["Có trường hợp thực hiện chậm"],
    "Có trường hợp kê khai hoặc công khai chậm": ["Có trường hợp kê khai chậm", "Có trường hợp công khai chậm"],
    "Công bố chậm hoặc chưa đủ phạm vi": ["Công bố chậm", "Công bố chưa đủ phạm vi"],
    "Công khai chưa đầy đủ hoặc chậm": ["Công khai chưa đầy đủ", "Công khai chậm"],
    "Công khai chưa đầy đủ hoặc có nơi chưa niêm yết": ["Có nơi tiếp nhận chưa niêm yết đầy đủ"],
    "Công khai chậm hoặc thiếu nội dung": ["Công khai chậm so với quy định", "Công khai còn thiếu nội dung"],
    "Không có hoặc ban hành chậm": ["Ban hành chậm"],
    "Không có hoặc không hoạt động": ["Chưa hoạt động thường xuyên"],
    "Không công khai hoặc công khai thiếu": ["Công khai còn thiếu"],
    "Không phát sinh hoặc chỉ ở một cấp": ["Chỉ phát sinh ở cấp huyện"],
    "Không đạt chỉ tiêu hoặc vượt số lượng được giao": ["Chưa đạt chỉ tiêu tinh giản"],
    "Niêm yết chưa đầy đủ hoặc chỉ ở một nơi": ["Chỉ niêm yết tại trụ sở"],
    "Thiếu mục thông tin hoặc ít cập nhật": ["Còn thiếu mục thông tin", "Cập nhật chưa thường xuyên"],
    "Thực hiện chưa đầy đủ hoặc chậm": ["Thực hiện chưa đầy đủ", "Thực hiện chậm"],
    "Thực hiện chưa đầy đủ hoặc có hồ sơ liên thông trễ hạn do cơ quan": ["Có hồ sơ liên thông trễ hạn", "Thực hiện chưa đầy đủ"],
    "Thực hiện nhưng chậm hoặc chưa đầy đủ": ["Thực hiện nhưng chậm", "Thực hiện nhưng chưa đầy đủ"],
    "Từ 02 báo cáo trở lên chậm hoặc thiếu nội dung": ["Có 02 báo cáo gửi chậm"],
    "Vượt biên chế hoặc không đạt chỉ tiêu tinh giản": ["Chưa đạt chỉ tiêu tinh giản"],
    "Đã trình nhưng chậm hoặc chưa hoàn thiện": ["Đã trình nhưng chậm", "Đã trình, đang hoàn thiện theo ý kiến thẩm định"],
}

RANGE_RE = re.compile(r"^(?:Đạt )?(?:[Tt]ừ (\d+)% đến dưới (\d+)%|[Dd]ưới (\d+)%|[Tt]ừ (\d+)%(?: .*?)? trở lên)(.*)$")
INNER_RE = re.compile(r"từ (\d+)% đến dưới (\d+)%")


def rand_pct(rng: random.Random, lo: float, hi: float) -> float:
    """A percentage in [lo, hi) with one decimal."""
    return min(hi - 0.1, round(rng.uniform(lo, hi), 1))


def label_pct(rng: random.Random, label: str) -> tuple[float, str] | None:
    """For a label that is a bare percentage range: a concrete percentage and the label's tail."""
    m = RANGE_RE.match(label)
    if not m:
        return None
    a, b, under, atleast, tail = m.groups()
    if a:
        p = rand_pct(rng, float(a), float(b))
    elif under:
        p = rand_pct(rng, max(0.0, float(under) - 15), float(under))
    else:
        lo = float(atleast)
        p = rand_pct(rng, lo, 112.0) if lo >= 100 else rand_pct(rng, lo, 100.0 if lo >= 70 else lo + 30)
    if tail.strip().startswith(("số ", "và ", "hoặc ")):
        tail = ""
    return p, tail.rstrip()


def pick(rng: random.Random, rules, title: str):
    t = title.lower()
    for keys, phrases in rules:
        if any(k in t for k in keys):
            return rng.choice(phrases)
    return None


def fill(rng: random.Random, text: str) -> str:
    return text.format(n=rng.randint(8, 30), m=rng.randint(1, 3), c=rng.randint(3, 4))


def option_note(rng: random.Random, it: Item, opt: Option, is_top: bool) -> str:
    title = it.title
    lp = label_pct(rng, opt.label)
    if lp is not None:
        p, tail = lp
        if title.startswith("Tỷ lệ "):
            return f"{title}: {pct_vi(p)}%" if " đạt " in title else f"{title} đạt {pct_vi(p)}%"
        if title.startswith("Mức độ "):
            rest = title[len("Mức độ "):]
            words = rest.split(" ")
            n = 2 if " ".join(words[:2]) in ("hoàn thành", "thực hiện") else 1
            verb, obj = " ".join(words[:n]), " ".join(words[n:])
            return f"{verb[:1].upper()}{verb[1:]} {pct_vi(p)}% {obj}"
        if "giải ngân" in title.lower():
            return f"Giải ngân đạt {pct_vi(p)}% kế hoạch vốn được giao"
        if "thu ngân sách" in title.lower():
            return f"Thu ngân sách đạt {pct_vi(p)}% dự toán được giao"
        return f"{title}: đạt {pct_vi(p)}%{tail}"
    if "%" in opt.label and INNER_RE.search(opt.label):
        m = INNER_RE.search(opt.label)
        p = rand_pct(rng, float(m.group(1)), float(m.group(2)))
        text = INNER_RE.sub(f"{pct_vi(p)}%", opt.label, count=1)
        if text.endswith("%") and "kế hoạch" in title.lower():
            text += " kế hoạch"
        return text
    if is_top and title.startswith("Tỷ lệ ") and "100%" in opt.label:
        return f"{title}: 100%" if " đạt " in title else f"{title} đạt 100%"
    if is_top:
        if rng.random() < 0.25 and len(opt.label.split()) >= 4 and " hoặc " not in opt.label:
            return opt.label
        curated = pick(rng, FULL_NOTES, title)
        if curated:
            return fill(rng, curated)
        if len(opt.label.split()) >= 4 and " hoặc " not in opt.label:
            return opt.label
        return rng.choice(GENERIC_FULL)
    label = opt.label
    if " hoặc " in label:  # a unit says which of the rubric's cases it is in
        return fill(rng, rng.choice(EITHER.get(label, [label])))
    low = label.lower()
    tails = [t for keys, t in TAILS if any(k in low for k in keys)]
    if tails and " do " not in low and (tails[0] is not TAILS[-1][1] or low.startswith(("không ", "chưa "))):
        label += rng.choice(tails[0])
    return fill(rng, label)


# Items scored as a ratio × max (the sets' guidance says so): what is counted.
# (title keywords, note template, denominator range). {k}/{N} and {p} are filled in.
RATIO_NOTES = [
    (("phương án đơn giản hóa",), "Có {k}/{N} phương án đơn giản hóa được UBND tỉnh thông qua", (2, 6)),
    (("số hóa",), "Số hóa {k}/{N} hồ sơ, kết quả giải quyết thủ tục hành chính ({p}%)", (300, 3000)),
    (("chất lượng phục vụ",), "Điểm theo Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) đạt {p}%", (1000, 1000)),
    (("cán bộ, công chức cấp xã",), "{k}/{N} cán bộ, công chức cấp xã được bồi dưỡng trong năm ({p}%)", (120, 260)),
    (("đào tạo, bồi dưỡng",), "{k}/{N} lượt được đào tạo, bồi dưỡng theo kế hoạch ({p}%)", (20, 150)),
    (("bồi dưỡng",), "{k}/{N} công chức, viên chức được bồi dưỡng về cải cách hành chính, chuyển đổi số ({p}%)", (25, 180)),
    (("trực tuyến",), "{k}/{N} hồ sơ được tiếp nhận, giải quyết trực tuyến ({p}%)", (200, 4000)),
    (("cập nhật, xử lý hồ sơ",), "{k}/{N} hồ sơ được cập nhật đầy đủ trạng thái trên hệ thống ({p}%)", (300, 5000)),
    (("hài lòng",), "Tỷ lệ đánh giá hài lòng trên hệ thống đạt {p}%", (1000, 1000)),
    (("hoàn thành kế hoạch",), "Hoàn thành {k}/{N} nhiệm vụ của kế hoạch ({p}%)", (15, 40)),
    (("môi trường mạng",), "{k}/{N} hồ sơ công việc được xử lý trên môi trường mạng ({p}%)", (200, 1500)),
]


def ratio_spec(title: str):
    t = title.lower()
    return next(((tpl, rng_) for keys, tpl, rng_ in RATIO_NOTES if any(k in t for k in keys)),
                ("Đạt {p}% ({k}/{N})", (20, 200)))


def ratio_score(it: Item, k: int, n: int) -> Decimal:
    return (it.max * k / n).quantize(CENT, rounding=ROUND_HALF_UP)


def ratio_note(title: str, k: int, n: int) -> str:
    tpl, _ = ratio_spec(title)
    return tpl.format(k=thousands(k), N=thousands(n), p=pct_vi(100 * k / n))


def thousands(n: int) -> str:
    """1.638 the Vietnamese way."""
    return f"{n:,}".replace(",", ".")


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------

def pick_ratio(rng: random.Random, it: Item, lo: float, hi: float) -> tuple[int, int]:
    _, (a, b) = ratio_spec(it.title)
    n = rng.randint(a, b)
    k = min(n, max(0, round(n * rng.uniform(lo, hi))))
    return k, n


def score_unit(rng: random.Random, items: list[Item], target: Decimal, pinned: set[str]):
    """Start every item at (or near) its top score, then lower some until the total is about
    `target`. Returns the scores and, for ratio items, the counts (k, N) behind each score."""
    scores: dict[str, Decimal] = {}
    counts: dict[str, tuple[int, int]] = {}
    for it in items:
        if it.options:
            scores[it.code] = it.top
        else:
            k, n = pick_ratio(rng, it, 1, 1) if rng.random() < 0.6 or it.code in pinned else pick_ratio(rng, it, 0.93, 0.995)
            counts[it.code] = (k, n)
            scores[it.code] = ratio_score(it, k, n)
    total = sum(scores.values())
    order = [it for it in items if it.code not in pinned]
    rng.shuffle(order)
    for _ in range(4):  # passes
        for it in order:
            remaining = total - target
            if remaining <= 0:
                return scores, counts
            if rng.random() < 0.35:
                continue
            cur = scores[it.code]
            if it.options:
                lower = [o.points for o in it.options if o.points < cur]
                if not lower:
                    continue
                if lower[0] == 0 and rng.random() < 0.6:  # all-or-nothing items are rarely given up
                    continue
                new = lower[0] if rng.random() < 0.85 else rng.choice(lower)
                if cur - new > remaining + Decimal("0.25"):
                    continue
            else:
                k, n = pick_ratio(rng, it, 0.78, 0.95)
                new = ratio_score(it, k, n)
                if new >= cur:
                    continue
                counts[it.code] = (k, n)
            total -= cur - new
            scores[it.code] = new
    return scores, counts


# ---------------------------------------------------------------------------------------------
# Not-applicable claims and explanations
# ---------------------------------------------------------------------------------------------

# A few units claim that an item does not apply to them (the council accepts or refuses):
# (unit, title keywords, note, evidence builder).
NA_CLAIMS = [
    ("SNGV", ("văn bản quy phạm pháp luật được ubnd tỉnh giao",),
     "Năm 2022 Sở Ngoại vụ không được UBND tỉnh giao chủ trì soạn thảo văn bản quy phạm pháp luật",
     lambda rng, u: province_decision(rng, 10, 40, "ban hành Chương trình xây dựng văn bản quy phạm pháp luật năm 2022")),
    ("BQLKCN", ("đơn vị sự nghiệp",),
     "Ban không có đơn vị sự nghiệp công lập trực thuộc nên không phát sinh nhiệm vụ này",
     lambda rng, u: province_decision(rng, 5, 200, "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ban Quản lý các Khu công nghiệp tỉnh")),
    ("TCT", ("rà soát, đề xuất đơn giản hóa thủ tục",),
     "Trường không có thủ tục hành chính giải quyết cho tổ chức, cá nhân; dịch vụ đào tạo, bồi dưỡng thực hiện theo kế hoạch được giao",
     lambda rng, u: province_decision(rng, 5, 200, "công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của các cơ quan, đơn vị tỉnh") + "; "
     + doc(rng, u, "CV", 300, 340, "về việc không có thủ tục hành chính thuộc thẩm quyền")),
]

# Units' answers to council questions. The item is pinned at its top self score, so the answer
# defends it. (unit, title keywords in order of preference, explanation, extra evidence as
# (type, first day, last day, about) of 2022, and optionally the self-score note to match.)
EXPLAIN = [
    ("STP", ("ban hành kế hoạch cải cách hành chính",),
     "Kế hoạch được ký ban hành ngày 12/01/2022, đúng thời hạn; bản đính kèm lần đầu là dự thảo nên chưa có số, ngày. "
     "Đơn vị gửi bổ sung bản chính đã ký số.", [("KH", 12, 12, "về cải cách hành chính năm 2022")]),
    ("SGTVT", ("xin lỗi",),
     "Trong năm có 02 hồ sơ trễ hạn do chờ kết quả xác minh của cơ quan phối hợp; đơn vị đã gửi phiếu xin lỗi và "
     "hẹn lại ngày trả kết quả cho cả 02 trường hợp, trạng thái đã cập nhật trên Hệ thống thông tin giải quyết thủ tục hành chính.",
     [("CV", 290, 300, "về việc xin lỗi và hẹn lại thời gian trả kết quả"), ("BC", 340, 350, "")]),
    ("TXVC", ("cấp xã được kiểm tra",),
     "Năm 2022 thị xã kiểm tra 04/10 xã, phường (40%); thông báo kết luận ban hành ngày 28/11/2022 và đã có văn bản "
     "chỉ đạo khắc phục. Đề nghị Hội đồng xem xét giữ điểm tự chấm.", [("TB", 332, 332, "kết luận kiểm tra cải cách hành chính")],
     "Kiểm tra 04/10 xã, phường (40%), có văn bản chỉ đạo khắc phục sau kiểm tra"),
    ("HKS", ("tuyên truyền",),
     "Ngoài các tin, bài trên Trang thông tin điện tử, huyện đã tổ chức 02 hội nghị tuyên truyền tại xã Phong Nẫm "
     "và xã Ba Trinh; gửi bổ sung biên bản hội nghị và danh sách đại biểu.", [("BC", 300, 345, "")]),
    ("TCDN", ("kế hoạch đào tạo, bồi dưỡng", "đào tạo, bồi dưỡng"),
     "Số lượt viên chức được đào tạo, bồi dưỡng tổng hợp từ báo cáo của các khoa; đơn vị gửi bổ sung danh sách "
     "viên chức và giấy chứng nhận hoàn thành khóa học.", [("BC", 320, 345, "")]),
    ("CTHADS", ("chữ ký số",),
     "Số liệu phần mềm tính cả văn bản mật phát hành bản giấy; loại trừ văn bản mật thì 100% văn bản điện tử gửi đi "
     "có chữ ký số (trích xuất ngày 09/12/2022). Bổ sung báo cáo thống kê của phần mềm quản lý văn bản.",
     [("BC", 347, 355, "")]),
]


def find_by_keys(items: list[Item], keys, skip=lambda it: False) -> Item | None:
    for k in keys:
        for it in items:
            if it.block == "main" and not skip(it) and k in it.title.lower():
                return it
    return None


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description="Generate the demo self scores and explanations.")
    ap.add_argument("--criteria", type=Path, default=ROOT / "data" / "criteria" / str(YEAR))
    ap.add_argument("--demo", type=Path, default=HERE / str(YEAR))
    args = ap.parse_args()

    rng = random.Random(2022)
    units = read_csv(args.demo / "units.csv")
    by_code = {u["code"]: u for u in units}
    groups = list(dict.fromkeys(u["group"] for u in units))
    sets: dict[str, list[Item]] = {}
    for g in groups:
        path = args.criteria / f"{g}.toml"
        if not path.exists():
            print(f"missing criteria set: {path}", file=sys.stderr)
            return 1
        _, items = load_set(path)
        sets[g] = items
        for it in items:
            for c in sorted(it.na_for - set(by_code)):
                print(f"warning: {path.name} item {it.code}: unknown unit {c} in not_applicable_for", file=sys.stderr)

    # How high a unit scores itself follows its history: its rank by the 2021 index in its group.
    last = {}
    hist_path = args.demo / "history.csv"
    if hist_path.exists():
        for r in read_csv(hist_path):
            if r["unit"] != "province" and r["year"] == str(YEAR - 1):
                last[r["unit"]] = Decimal(r["index"])
    level = {}
    for g in groups:
        ranked = sorted((u["code"] for u in units if u["group"] == g), key=lambda c: last.get(c, Decimal(0)))
        for i, c in enumerate(ranked):
            level[c] = 0.865 + 0.095 * i / max(1, len(ranked) - 1) + rng.uniform(-0.008, 0.008)

    # Claims that an item does not apply, and the items the explanations are about.
    na_claims: dict[tuple[str, str], tuple[str, object]] = {}
    for code, keys, text, ev in NA_CLAIMS:
        u = by_code.get(code)
        it = u and find_by_keys(sets[u["group"]], keys, lambda it: code in it.na_for)
        if it:
            na_claims[(code, it.code)] = (text, ev)
    explain: list[tuple[dict, Item, str, list]] = []
    notes_for: dict[tuple[str, str], str] = {}
    for code, keys, text, docs, *note in EXPLAIN:
        u = by_code.get(code)
        it = u and find_by_keys(sets[u["group"]], keys, lambda it: code in it.na_for or (code, it.code) in na_claims)
        if it:
            explain.append((u, it, text, docs))
            if note:
                notes_for[(code, it.code)] = note[0]
    pinned = {(u["code"], it.code) for u, it, _, _ in explain}

    rows = []
    for u in units:
        code = u["code"]
        items = sets[u["group"]]
        applicable = [it for it in items
                      if it.block == "main" and code not in it.na_for and (code, it.code) not in na_claims]
        amax = sum(it.max for it in applicable)
        target = (amax * Decimal(str(round(level[code], 4)))).quantize(CENT)
        scores, counts = score_unit(rng, applicable, target, {c for (x, c) in pinned if x == code})
        strong = level[code] > 0.93
        for it in items:
            if code in it.na_for:
                s, note, ev = "N/A", rng.choice(["Đơn vị không có nhiệm vụ này", "Không thuộc chức năng, nhiệm vụ của đơn vị",
                                                 "Đơn vị không được giao nhiệm vụ này"]), ""
            elif (code, it.code) in na_claims:
                text, evf = na_claims[(code, it.code)]
                s, note, ev = "N/A", text, evf(rng, u)
            elif it.block == "bonus":
                claim = strong and rng.random() < 0.5
                s = fmt(it.max if claim else Decimal(0))
                note = "Có sáng kiến được cấp có thẩm quyền công nhận" if claim else "Không có"
                ev = doc(rng, u, "QĐ", 200, 350, "công nhận sáng kiến") if claim else ""
            elif it.block == "deduction":
                s, note, ev = "0", "Không có vi phạm trong năm 2022", ""
            else:
                val = scores[it.code]
                s = fmt(val)
                if it.options:
                    opt = it.option(val)
                    note = option_note(rng, it, opt, val == it.top)
                else:
                    k, n = counts[it.code]
                    note = ratio_note(it.title, k, n)
                note = notes_for.get((code, it.code), note)
                ev = evidence(rng, u, it.title)
            rows.append([code, it.code, s, nfc(note), nfc(ev)])

    out = args.demo / "self_scores.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "item", "score", "note", "evidence"])
        w.writerows(rows)

    expl_rows = []
    for u, it, text, docs in explain:
        ev = "; ".join(doc(rng, u, k, lo, hi, about) for k, lo, hi, about in docs)
        expl_rows.append([u["code"], it.code, nfc(text), nfc(ev)])
    with open(args.demo / "explanations.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "item", "explanation", "evidence"])
        w.writerows(expl_rows)

    print(f"wrote {out.name} ({len(rows)} rows) and explanations.csv ({len(expl_rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
