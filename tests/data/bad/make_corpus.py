#!/usr/bin/env python3
"""Writes the corpus of bad input files and EXPECTED.tsv beside this script.

Each file must be refused by `thamdinh` with the expected sentence, at the expected line and
column, leaving the database exactly as it was (tests/bad_files.rs checks all of them against
the demo database). Run it again after changing a case: python3 tests/data/bad/make_corpus.py
"""
import io
import os
import unicodedata
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
files = {}  # name -> (bytes, args, expected)


def add(name, content, args, expected):
    b = content if isinstance(content, bytes) else content.encode("utf-8")
    files[name] = (b, args, expected)


H = "unit,item,score,note,evidence\n"
SELF = "import self-scores FILE"

# ---- units.csv
add("units-missing-column.csv", "code,name\nABC,Đơn vị thử\n", "import units FILE",
    "FILE:1:3: the required column 'group' is missing")
add("units-misspelled-column.csv", "code,name,grup\nABC,Đơn vị thử,so-nganh\n", "import units FILE",
    "FILE:1:3: unknown column 'grup'")
add("units-duplicated-column.csv", "code,name,group,name\nABC,Đơn vị,so-nganh,X\n", "import units FILE",
    "FILE:1:4: the column 'name' appears twice")
add("units-unknown-group.csv", "code,name,group\nABC,Đơn vị thử,so-nganhh\n", "import units FILE",
    "FILE:2:3: column group: there is no group 'so-nganhh'")
add("units-duplicate-row.csv", "code,name,group\nABC,Đơn vị thử,so-nganh\nXYZ,Khác,huyen\nABC,Đơn vị thử lại,so-nganh\n",
    "import units FILE", "FILE:4:1: column code: duplicates line 2")
add("units-bad-code.csv", "code,name,group\nSở NV,Sở Nội vụ,so-nganh\n", "import units FILE",
    "FILE:2:1: column code: the code 'Sở NV' is not valid")
add("units-bad-ranked.csv", "code,name,group,ranked\nABC,Đơn vị,so-nganh,maybe\n", "import units FILE",
    "FILE:2:4: column ranked: 'maybe' must be yes or no")
add("units-empty.csv", "", "import units FILE", "FILE:1:1: the file is empty")
add("units-header-only.csv", "code,name,group\n", "import units FILE",
    "FILE:2:1: the file has a header row and no data")
# A unit whose self scores refer to its group's set cannot move to another group.
add("units-group-change-in-use.csv", "code,name,group\nSTP,Sở Tư pháp,so-nganh\nSNV,Sở Nội vụ,huyen\n",
    "import units FILE",
    "FILE:3:3: column group: unit SNV already has self scores or decisions under the set of group so-nganh")
add("units-missing-name.csv", "code,name,group\nABC,,so-nganh\n", "import units FILE",
    "FILE:2:2: column name: this cell must not be empty")

# ---- self_scores.csv
add("self-unknown-unit.csv", H + "SNV,1.1.1,0.5,,\nSNX,1.1.1,0.5,,\n", SELF,
    "FILE:3:1: column unit: there is no unit with code 'SNX'")
add("self-unknown-item.csv", H + "SNV,1.1.9,0.5,,\n", SELF,
    "FILE:2:2: column item: the criteria set of unit SNV has no item '1.1.9'")
add("self-parent-item.csv", H + "SNV,1.1,1,,\n", SELF, "FILE:2:2: column item: '1.1' has sub-items")
add("self-out-of-range.csv", H + "SNV,3.9,1.5,,\n", SELF,
    "FILE:2:3: column score: the score 1.5 is above the maximum 1.25")
add("self-negative.csv", H + "SNV,3.9,-0.5,,\n", SELF,
    "FILE:2:3: column score: the score -0.5 is below the minimum 0")
add("self-three-decimals.csv", H + "SNV,3.9,0.125,,\n", SELF,
    "FILE:2:3: column score: '0.125': points may have at most 2 decimal places")
add("self-nan.csv", H + "SNV,3.9,NaN,,\n", SELF, "FILE:2:3: column score: 'NaN': it is not a number")
add("self-exponent.csv", H + "SNV,3.9,1e3,,\n", SELF, "FILE:2:3: column score: '1e3': it is not a number")
add("self-forty-digits.csv", H + "SNV,3.9,1234567890123456789012345678901234567890,,\n", SELF,
    "FILE:2:3: column score: '1234567890123456789012345678901234567890': the number is far too large")
add("self-off-options.csv", H + "SNV,1.1.1,0.3,,\n", SELF,
    "FILE:2:3: column score: the score 0.3 is not one of the item's allowed scores (0.5; 0.25; 0)")
add("self-duplicate-row.csv", H + "SNV,1.1.1,0.5,,\nSNV,1.1.2,0.5,,\nSNV,1.1.1,0.25,,\n", SELF,
    "FILE:4:2: column item: duplicates line 2")
add("self-extra-column.csv", "unit,item,score,note,evidence,remark\nSNV,1.1.1,0.5,,,x\n", SELF,
    "FILE:1:6: unknown column 'remark'")
add("self-missing-score-column.csv", "unit,item,note\nSNV,1.1.1,x\n", SELF,
    "FILE:1:4: the required column 'score' is missing")
add("self-utf16.csv", (H + "SNV,1.1.1,0.5,Đúng hạn,\n").encode("utf-16"), SELF,
    "FILE:1:1: the file is saved as UTF-16")
# Windows-1258 keeps tones as combining marks: encode the decomposed text.
add("self-windows-1258.csv",
    H.encode() + unicodedata.normalize("NFD", "SNV,1.1.1,0.5,Đã ban hành,\n").encode("cp1258"), SELF,
    "FILE:2:15: the file is not UTF-8")
# TCVN3 (ABC): 'Đ' is 0xA7, 'ã' is 0xB8, 'à' is 0xB5.
add("self-tcvn3.csv", H.encode() + b"SNV,1.1.1,0.5,\xa7\xb8 ban h\xb5nh,\n", SELF,
    "FILE:2:15: the file is not UTF-8")
add("self-crlf-error-line-3.csv", (H + "SNV,1.1.1,0.5,,\nSNV,1.1.2,abc,,\n").replace("\n", "\r\n"), SELF,
    "FILE:3:3: column score: 'abc': it is not a number")
add("self-quoted-newline-then-error.csv", H + "SNV,1.1.1,0.5,\"dòng một\ndòng hai\",\nSNV,1.1.2,xyz,,\n", SELF,
    "FILE:4:3: column score: 'xyz': it is not a number")
add("self-huge-line.csv", H + "SNV,1.1.1,0.5," + "a" * 20_000 + ",\n", SELF,
    "FILE:2:4: the text is longer than 10000 characters")
add("self-na-by-set-scored.csv", H + "VPDDBQH,2.1.1,0.5,,\n", SELF,
    "FILE:2:3: column score: the criteria set says item 2.1.1 does not apply to this unit")
add("self-empty-score.csv", H + "SNV,1.1.1,,,\n", SELF, "FILE:2:3: column score: this cell must not be empty")
add("self-wrong-cell-count.csv", H + "SNV,1.1.1,0.5\n", SELF,
    "FILE:2:4: the row has 3 cells but the header has 5 columns")
add("self-one-good-row-two-bad.csv", H + "SNV,1.1.1,0.5,ok,\nSNV,3.9,9,,\nSTP,1.1.1,x,,\n", SELF,
    "FILE:4:3: column score: 'x': it is not a number")
# UTF-16 as some tools save it, without the byte order mark.
add("self-utf16-le-no-bom.csv", (H + "SNV,1.1.1,0.5,Đúng hạn,\n").encode("utf-16-le"), SELF,
    "FILE:1:1: the file is saved as UTF-16")
add("self-utf16-be-no-bom.csv", (H + "SNV,1.1.1,0.5,Đúng hạn,\n").encode("utf-16-be"), SELF,
    "FILE:1:1: the file is saved as UTF-16")
add("self-nul-byte.csv", H + "SNV,1.1.1,0.5,Đã\0ban hành,\n", SELF,
    "FILE:2:17: the file holds a NUL byte")
# UTF-8 with a BOM: the BOM takes no column, and lines are still counted right.
add("self-bom-error-line-3.csv", "\ufeff" + H + "SNV,1.1.1,0.5,,\nSNV,3.9,1.255,,\n", SELF,
    "FILE:3:3: column score: '1.255': points may have at most 2 decimal places")
add("units-bom-misspelled-first-column.csv", "\ufeffcdoe,name,group\nABC,Đơn vị thử,so-nganh\n",
    "import units FILE", "FILE:1:1: unknown column 'cdoe'")
# Old Mac line ends (a lone CR): the error is still on line 3.
add("self-cr-line-ends.csv", (H + "SNV,1.1.1,0.5,,\nSNV,1.1.2,abc,,\n").replace("\n", "\r"), SELF,
    "FILE:3:3: column score: 'abc': it is not a number")
add("self-three-decimals-comma.csv", H + 'SNV,3.9,"0,125",,\n', SELF,
    "FILE:2:3: column score: '0,125': points may have at most 2 decimal places")
add("self-formula-as-unit.csv", H + '"=HYPERLINK(""http://x"")",1.1.1,0.5,,\n', SELF,
    "FILE:2:1: column unit: there is no unit with code '=HYPERLINK(\"http://x\")'")
add("self-score-with-unit.csv", H + "SNV,3.9,0.5 điểm,,\n", SELF,
    "FILE:2:3: column score: '0.5 điểm': it is not a number")
add("self-unterminated-quote.csv", H + "SNV,1.1.1,0.5,\"không đóng ngoặc,\nSNV,1.1.2,0.5,,\n", SELF,
    "FILE:2:")

# ---- survey.csv
add("survey-above-max.csv", "unit,score\nSNV,37.01\n", "import survey FILE",
    "FILE:2:2: column score: the survey score is above the maximum 37")
add("survey-negative.csv", "unit,score\nSNV,-1\n", "import survey FILE", "FILE:2:2: column score: must not be negative")
add("survey-not-a-number.csv", "unit,score\nSNV,ba mươi\n", "import survey FILE",
    "FILE:2:2: column score: 'ba mươi': it is not a number")
add("survey-infinity.csv", "unit,score\nSNV,inf\n", "import survey FILE",
    "FILE:2:2: column score: 'inf': it is not a number")
add("survey-unknown-unit.csv", "unit,score\nSYTE,30\n", "import survey FILE",
    "FILE:2:1: column unit: there is no unit with code 'SYTE'")
add("survey-duplicate.csv", "unit,score\nSNV,30\nSNV,31\n", "import survey FILE",
    "FILE:3:1: column unit: duplicates line 2")

# ---- explanations.csv
add("explanations-empty-text.csv", "unit,item,explanation,evidence\nSNV,1.1.1,,\n", "import explanations FILE",
    "FILE:2:3: column explanation: this cell must not be empty")
add("explanations-unknown-unit.csv", "unit,item,explanation,evidence\nSNX,1.1.1,Đã bổ sung,\n",
    "import explanations FILE", "FILE:2:1: column unit: there is no unit with code 'SNX'")
add("explanations-unknown-item.csv", "unit,item,explanation,evidence\nSNV,12.1,Đã bổ sung,\n",
    "import explanations FILE", "FILE:2:2: column item: the criteria set of unit SNV has no item '12.1'")

# ---- history.csv
add("history-bad-year.csv", "unit,year,index\nSNV,20x1,80.5\n", "import history FILE",
    "FILE:2:2: column year: '20x1' is not a valid year")
add("history-index-over-100.csv", "unit,year,index\nSNV,2021,100.5\n", "import history FILE",
    "FILE:2:3: column index: the index must be between 0 and 100")
add("history-duplicate.csv", "unit,year,index\nSNV,2021,80\nSNV,2021,81\n", "import history FILE",
    "FILE:3:2: column year: duplicates line 2")

# ---- field_history.csv
FH = "unit,year,field,field_name,percent\n"
add("field-history-not-a-field.csv", FH + "SNV,2021,3.1,Cải cách TTHC,80\n", "import field-history FILE",
    "FILE:2:3: column field: '3.1' is not a field's code")
add("field-history-percent-over-100.csv", FH + "province,2021,1,Chỉ đạo,100.01\n", "import field-history FILE",
    "FILE:2:5: column percent: the percent must be between 0 and 100")
add("field-history-duplicate.csv", FH + "province,2021,1,,80\nprovince,2021,1,,81\n",
    "import field-history FILE", "FILE:3:3: column field: duplicates line 2")
add("field-history-missing-percent.csv", "unit,year,field,field_name\nprovince,2021,1,Chỉ đạo\n",
    "import field-history FILE", "FILE:1:5: the required column 'percent' is missing")

# ---- criteria sets
SET = '''group = "thu-nghiem"
name = "Nhóm thử"
year = 2022
appraisal_max = 3
survey_max = 2

[[bands]]
code = "A"
min = 90
[[bands]]
code = "D"
min = 0

[[nodes]]
code = "1"
title = "Lĩnh vực một"
max = 3

[[nodes]]
code = "1.1"
title = "Tiêu chí một"
max = 1.5

[[nodes]]
code = "1.2"
title = "Tiêu chí hai"
max = 1.5
'''
CRIT = "import criteria FILE"
add("criteria-children-sum.toml",
    SET.replace('max = 1.5\n\n[[nodes]]\ncode = "1.2"', 'max = 1\n\n[[nodes]]\ncode = "1.2"'), CRIT,
    "FILE:17:7: the children of 1 add up to 2.5 points but 1 has a maximum of 3")
add("criteria-duplicate-code.toml", SET.replace('code = "1.2"', 'code = "1.1"'), CRIT,
    "FILE:25:8: the code 1.1 appears twice")
add("criteria-orphan-node.toml", SET + '\n[[nodes]]\ncode = "2.1"\ntitle = "Mồ côi"\nmax = 0\n', CRIT,
    "FILE:30:8: node 2.1 has no parent node 2")
# A node that comes back as its own grandparent: the second "1.2" closes the loop 1.2 -> 1.2.1 -> 1.2.
add("criteria-cycle-of-codes.toml",
    SET + '\n[[nodes]]\ncode = "1.2.1"\ntitle = "Con"\nmax = 1.5\n\n[[nodes]]\ncode = "1.2"\ntitle = "Lại là cha"\nmax = 1.5\n',
    CRIT, "FILE:35:8: the code 1.2 appears twice")
add("criteria-fields-sum.toml", SET.replace("appraisal_max = 3", "appraisal_max = 63"), CRIT,
    "FILE:4:17: the fields add up to 3 points but the appraisal maximum is 63")
add("criteria-syntax.toml", SET.replace('title = "Tiêu chí một"', 'title = "Tiêu chí một'), CRIT,
    "FILE:21:22: the TOML file is not right")
add("criteria-three-decimals.toml",
    SET.replace('max = 1.5\n\n[[nodes]]\ncode = "1.2"', 'max = 1.505\n\n[[nodes]]\ncode = "1.2"'), CRIT,
    "FILE:22:7: '1.505': points may have at most 2 decimal places")
add("criteria-unknown-key.toml", SET.replace('title = "Tiêu chí hai"', 'titel = "Tiêu chí hai"'), CRIT,
    "FILE:2")
add("criteria-tree-bad-option.csv",
    "code,title,max,options,guidance,not_applicable_for\n1,Lĩnh vực,1,,,\n1.1,Tiêu chí,1,Đạt: 1,,\n",
    "import criteria FILE --group thu --name Thử --survey-max 1",
    "FILE:3:4: column options: the option 'Đạt: 1' must be written as 'label=points'")
add("criteria-tree-duplicate-code.csv",
    "code,title,max,options,guidance,not_applicable_for\n1,Lĩnh vực,1,,,\n1.1,Tiêu chí,1,,,\n1.1,Lại,0,,,\n",
    "import criteria FILE --group thu --name Thử --survey-max 1",
    "FILE:4:1: column code: the code 1.1 appears twice")
add("criteria-tree-cycle.csv",
    "code,title,max,options,guidance,not_applicable_for\n1,Lĩnh vực,1,,,\n1.1,Con,1,,,\n1.1.1,Cháu,1,,,\n1,Lại là ông,1,,,\n",
    "import criteria FILE --group thu --name Thử --survey-max 1",
    "FILE:5:1: column code: the code 1 appears twice")
add("criteria-tree-missing-max-column.csv",
    "code,title,options\n1,Lĩnh vực,\n",
    "import criteria FILE --group thu --name Thử --survey-max 1",
    "FILE:1:4: the required column 'max' is missing")
add("criteria-tree-sum.csv",
    "code,title,max,options,guidance,not_applicable_for\n1,Lĩnh vực,2,,,\n1.1,Tiêu chí,1,,,\n",
    "import criteria FILE --group thu --name Thử --survey-max 1",
    "FILE:2:3: column max: the children of 1 add up to 1 points but 1 has a maximum of 2")


# ---- workbooks (.xlsx): the smallest package Excel writes, made by hand (no openpyxl needed)
def xlsx(rows, sheet="Sheet1", raw_cells="", strings=None, sheet_xml=None, lie_about_size=False):
    """An .xlsx file with one sheet: each row a list of str (text) or float (number).

    raw_cells: more <row> XML after the rows; strings: an xl/sharedStrings.xml part as
    given; sheet_xml: the sheet part's whole text instead; lie_about_size: the sheet part's
    sizes in the zip's directories say 1 KB whatever it inflates to."""
    def col(i):
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]
    cells = []
    for r, row in enumerate(rows, start=1):
        cs = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if isinstance(v, str):
                cs.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
            else:
                cs.append(f'<c r="{ref}"><v>{v!r}</v></c>')
        cells.append(f'<row r="{r}">{"".join(cs)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns} xmlns:r="{rel}">'
            f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml if sheet_xml is not None else
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {ns}>'
            f'<sheetData>{"".join(cells)}{raw_cells}</sheetData></worksheet>',
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    b = out.getvalue()
    if lie_about_size:
        b = bytearray(b)
        name = b"xl/worksheets/sheet1.xml"
        real = len(parts["xl/worksheets/sheet1.xml"]).to_bytes(4, "little")
        # The uncompressed size: at offset 22 of the local header, 24 of the central one.
        for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            i = 0
            while (i := b.find(sig, i)) >= 0:
                if b.find(name, i, i + 80) >= 0 and b[i + off:i + off + 4] == real:
                    b[i + off:i + off + 4] = (1024).to_bytes(4, "little")
                i += 4
        b = bytes(b)
    return b


XH = ["unit", "item", "score", "note", "evidence"]
# Typed 7.10, kept by Excel as the number 7.1: which item was meant cannot be known.
add("self-item-code-as-number.xlsx",
    xlsx([["BẢNG TỰ CHẤM ĐIỂM"], XH, ["SNV", "7.1", 0.5, "", ""], ["SNV", 7.1, 1.0, "", ""]]),
    SELF, "FILE: Sheet1!B4: column item: Excel stored this code as the number 7.1")
# A score that is no exact hundredth is refused, never rounded.
add("self-inexact-number.xlsx",
    xlsx([XH, ["SNV", "3.9", 0.3333, "", ""]], sheet="Tự chấm"),
    SELF, "FILE: 'Tự chấm'!C2: column score: the cell holds the number 0.3333, which is not exact to 2 decimals")

# Hostile workbooks: what a file declares must never decide what is allocated.
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
# One cell at the last cell of a sheet: calamine's dense range would be 17 billion cells.
add("self-cell-at-xfd1048576.xlsx",
    xlsx([XH, ["SNV", "1.1.1", 0.5, "", ""]],
         raw_cells='<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
    SELF, "FILE: Sheet1!XFD1048576: the cell is beyond column ALL, the last column read")
add("self-cell-at-xfd5000.xlsx",
    xlsx([XH, ["SNV", "1.1.1", 0.5, "", ""]],
         raw_cells='<row r="5000"><c r="XFD5000"><v>1</v></c></row>'),
    SELF, "FILE: Sheet1!XFD5000: the cell is beyond column ALL, the last column read")
# A shared-strings table declaring four billion entries (calamine reserves them).
add("self-shared-strings-count.xlsx",
    xlsx([XH, ["SNV", "1.1.1", 0.5, "", ""]],
         strings=f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="1" uniqueCount="4294967295">'
                 '<si><t>a</t></si></sst>'),
    SELF, "FILE: the workbook declares or holds over 1000000 texts")
# A zip bomb: 80 MB of XML deflated to a few kilobytes; then the same with its sizes forged.
BOMB = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
        + '<row/>' * (80 * 1024 * 1024 // 6) + '</sheetData></worksheet>')
add("self-zip-bomb.xlsx", xlsx([], sheet_xml=BOMB), SELF,
    "FILE: the part 'xl/worksheets/sheet1.xml' of the workbook is over 64 MB once unpacked")
add("self-zip-bomb-forged-size.xlsx", xlsx([], sheet_xml=BOMB, lie_about_size=True), SELF,
    "FILE: the part 'xl/worksheets/sheet1.xml' of the workbook is over 64 MB once unpacked")
# Excel 365's error values, which calamine does not know: each at its cell.
add("self-spill-error.xlsx",
    xlsx([XH, ["SNV", "1.1.1", 0.5, "", ""]],
         raw_cells='<row r="3"><c r="A3" t="inlineStr"><is><t>SNV</t></is></c>'
                   '<c r="B3" t="inlineStr"><is><t>1.1.2</t></is></c>'
                   '<c r="C3" t="e"><v>#SPILL!</v></c></row>'
                   '<row r="9"><c r="D9" t="e"><f>X</f><v>#CALC!</v></c></row>'),
    SELF, "FILE: Sheet1!C3: the cell holds the Excel error #SPILL!")

# A workbook renamed .csv is read as the workbook it is (it was called "not UTF-8").
add("self-workbook-named-csv.csv",
    xlsx([XH, ["SNV", "1.1.1", 0.3333, "", ""]]),
    SELF, "FILE: Sheet1!C2: column score: the cell holds the number 0.3333")
# A score of 1e308 is too large, not "inexact".
add("self-score-1e308.xlsx",
    xlsx([XH, ["SNV", "1.1.1", 1e308, "", ""]]),
    SELF, "FILE: Sheet1!C2: column score: '1e308': the number is far too large")
# Two units whose codes differ only by case: one notice file on Windows and macOS.
add("units-codes-differ-by-case.csv",
    "code,name,group\nABC,Đơn vị,so-nganh\nabc,Khác,so-nganh\n", "import units FILE",
    "FILE:3:1: column code: the code 'abc' differs from 'ABC' only by case")
add("units-code-differs-by-case-from-a-unit.csv",
    "code,name,group\nsnv,Sở Nội vụ,so-nganh\n", "import units FILE",
    "FILE:2:1: column code: the code 'snv' differs from 'SNV' only by case")

with open(os.path.join(HERE, "EXPECTED.tsv"), "w", encoding="utf-8") as m:
    m.write("# file\targuments (FILE is the file)\twhat stderr must contain (FILE is the file's path)\n")
    for name, (b, args, exp) in sorted(files.items()):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(b)
        m.write(f"{name}\t{args}\t{exp}\n")
print(len(files), "files")
