//! Export safety: unit names, item titles, comments and appraiser names that a spreadsheet
//! would run as a formula (`=HYPERLINK(…)`, `+1`, `-2+3`, `@SUM(…)`, a leading tab or CR) come
//! out inert in every CSV export, real negative numbers stay numbers, and Python's `csv` module
//! reads every export back to the same values as the Rust reader.

use crate::common;
use common::*;
use std::path::Path;
use std::process::Command;

const LINK: &str = "=HYPERLINK(\"http://x.example/?a=1,b=2\",\"Bấm vào đây\")";
const PLUS: &str = "+1";
const SUM: &str = "-2+3";
const AT: &str = "@SUM(A1:A9)";
const TAB: &str = "\t=1+1 tab";
const CR: &str = "\r=1+1 CR";
const LINES: &str = "=\"dòng một\"\r\ndòng hai, \"ba\"";

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The rows of a CSV export as the Rust `csv` crate reads them (after the BOM).
fn rust_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("the export starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The rows as Python's `csv` module reads them (tests/data/read_csv.py).
fn python_rows(path: &Path) -> Vec<Vec<String>> {
    let out = Command::new("python3")
        .arg(root().join("tests/data/read_csv.py"))
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python3 could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let hex = |h: &str| -> String {
        let bytes: Vec<u8> = (0..h.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
            .collect();
        String::from_utf8(bytes).unwrap()
    };
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split(',').map(hex).collect())
        .collect()
}

fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// The cell of a row by column name.
fn cell<'a>(rows: &'a [Vec<String>], row: &[String], name: &str) -> &'a str {
    let i = rows[0].iter().position(|c| c == name).unwrap();
    let r = rows.iter().find(|r| *r == row).unwrap();
    &r[i]
}

/// A database whose names, titles, comments and appraisers are hostile.
fn hostile_db(dir: &Path) -> std::path::PathBuf {
    let db = demo_db(dir);
    // Unit names through the units import (which trims: tab and CR come later, in SQL).
    let units = format!(
        "code,name,group\nSNV,{},so-nganh\nSTP,{PLUS},so-nganh\nSYT,{SUM},so-nganh\nSXD,{AT},so-nganh\n",
        quoted(LINK)
    );
    let f = write(dir, "units.csv", units);
    ok(&db, &["import", "units", f.to_str().unwrap()]);
    // A criteria tree whose titles are formulas, and a unit in its group.
    let tree = write(
        dir,
        "tree.csv",
        format!(
            "code,title,max\n1,{},2\n1.1,{PLUS} điểm,1\n1.2,{AT},1\n",
            quoted(LINK)
        ),
    );
    ok(
        &db,
        &[
            "import",
            "criteria",
            tree.to_str().unwrap(),
            "--group",
            "thu",
            "--name",
            "Nhóm thử",
            "--survey-max",
            "1",
        ],
    );
    let f = write(
        dir,
        "units2.csv",
        format!("code,name,group\nTHU,{SUM} Đơn vị,thu\n"),
    );
    ok(&db, &["import", "units", f.to_str().unwrap()]);
    // Comments and appraisers through `decide`; scores below the self scores, so that the
    // differences are negative numbers.
    for (unit, item, appraiser, comment) in [
        ("SNV", "3.9", LINK, LINK),
        ("STP", "3.9", PLUS, PLUS),
        ("SYT", "3.9", SUM, SUM),
        ("SXD", "3.9", AT, AT),
        ("SNV", "1.1.1", "Lan", LINES),
        ("STP", "1.1.1", "Lan", "tab later"),
        ("SYT", "1.1.1", "Lan", "CR later"),
        ("THU", "1.1", "Lan", "=1"),
    ] {
        ok(
            &db,
            &[
                "--appraiser",
                appraiser,
                "decide",
                unit,
                item,
                "0",
                "--comment",
                comment,
            ],
        );
    }
    // A previous index no unit reaches: its change is a negative number.
    let f = write(dir, "history.csv", "unit,year,index\nSTP,2021,99.99\n");
    ok(&db, &["import", "history", f.to_str().unwrap()]);
    // What the importers and `decide` trim away, written as a screen might keep it.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE units SET name = ?1 WHERE code = 'SGDDT'", [TAB])
        .unwrap();
    conn.execute("UPDATE units SET name = ?1 WHERE code = 'SCT'", [CR])
        .unwrap();
    conn.execute(
        "UPDATE decisions SET comment = ?1, appraiser = ?1 WHERE unit = 'STP' AND item = '1.1.1'",
        [TAB],
    )
    .unwrap();
    conn.execute(
        "UPDATE decisions SET comment = ?1, appraiser = ?1 WHERE unit = 'SYT' AND item = '1.1.1'",
        [CR],
    )
    .unwrap();
    db
}

/// Every cell that starts like a formula is a plain negative number.
fn assert_inert(rows: &[Vec<String>], what: &str) {
    for row in rows {
        for c in row {
            if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert!(is_plain_number(c), "{what}: the cell {c:?} is not inert");
            }
        }
    }
}

#[test]
fn hostile_text_comes_out_inert_and_python_reads_the_same_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    let decisions = dir.path().join("decisions.csv");
    let ranking = dir.path().join("ranking.csv");
    ok(
        &db,
        &["export", "decisions", "--out", decisions.to_str().unwrap()],
    );
    ok(
        &db,
        &["export", "ranking", "--out", ranking.to_str().unwrap()],
    );
    let printed = dir.path().join("rank-stdout.csv");
    std::fs::write(&printed, ok(&db, &["rank", "--format", "csv"])).unwrap();

    for path in [&decisions, &ranking, &printed] {
        let rows = rust_rows(path);
        assert_eq!(
            python_rows(path),
            rows,
            "Python reads {} differently",
            path.display()
        );
        assert!(rows.len() > 40, "{}", path.display());
        assert!(rows.iter().all(|r| r.len() == rows[0].len()));
        assert_inert(&rows, &path.display().to_string());
    }

    // The decisions export: each hostile name, title, comment and appraiser behind a `'`.
    let rows = rust_rows(&decisions);
    let find = |unit: &str, item: &str| {
        rows.iter()
            .find(|r| r[0] == unit && r[2] == item)
            .unwrap_or_else(|| panic!("no line for {unit} {item}"))
            .clone()
    };
    let inert = |s: &str| format!("'{s}");
    for (unit, name, comment, appraiser) in [
        ("SNV", LINK, LINK, LINK),
        ("STP", PLUS, PLUS, PLUS),
        ("SYT", SUM, SUM, SUM),
        ("SXD", AT, AT, AT),
    ] {
        let row = find(unit, "3.9");
        assert_eq!(cell(&rows, &row, "unit_name"), inert(name));
        assert_eq!(cell(&rows, &row, "comment"), inert(comment));
        assert_eq!(cell(&rows, &row, "appraiser"), inert(appraiser));
        // The difference is a real negative number, not made inert.
        let diff = cell(&rows, &row, "difference");
        assert!(
            diff.starts_with('-') && diff.parse::<f64>().unwrap() < 0.0,
            "{diff}"
        );
        assert_eq!(cell(&rows, &row, "appraised_score"), "0");
    }
    let row = find("SNV", "1.1.1");
    assert_eq!(cell(&rows, &row, "comment"), inert(LINES));
    let row = find("STP", "1.1.1");
    assert_eq!(cell(&rows, &row, "comment"), inert(TAB));
    assert_eq!(cell(&rows, &row, "appraiser"), inert(TAB));
    let row = find("SYT", "1.1.1");
    assert_eq!(cell(&rows, &row, "comment"), inert(CR));
    assert_eq!(cell(&rows, &row, "appraiser"), inert(CR));
    assert_eq!(
        cell(&rows, &find("SGDDT", "1.1.1"), "unit_name"),
        inert(TAB)
    );
    assert_eq!(cell(&rows, &find("SCT", "1.1.1"), "unit_name"), inert(CR));
    let row = find("THU", "1.1");
    assert_eq!(
        cell(&rows, &row, "unit_name"),
        inert(&format!("{SUM} Đơn vị"))
    );
    assert_eq!(
        cell(&rows, &row, "item_title"),
        inert(&format!("{PLUS} điểm"))
    );
    assert_eq!(cell(&rows, &row, "comment"), inert("=1"));
    assert_eq!(cell(&rows, &find("THU", "1.2"), "item_title"), inert(AT));

    // The ranking export: the names, and negative changes that stay numbers.
    let rows = rust_rows(&ranking);
    let name_of = |unit: &str| {
        let row = rows.iter().find(|r| r[2] == unit).unwrap().clone();
        cell(&rows, &row, "unit_name").to_string()
    };
    assert_eq!(name_of("SNV"), inert(LINK));
    assert_eq!(name_of("STP"), inert(PLUS));
    assert_eq!(name_of("SYT"), inert(SUM));
    assert_eq!(name_of("SXD"), inert(AT));
    assert_eq!(name_of("SGDDT"), inert(TAB));
    assert_eq!(name_of("SCT"), inert(CR));
    assert_eq!(name_of("THU"), inert(&format!("{SUM} Đơn vị")));
    let change = rows[0].iter().position(|c| c == "change").unwrap();
    let negative: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r[change].as_str())
        .filter(|c| c.starts_with('-'))
        .collect();
    assert!(!negative.is_empty(), "STP's index fell");
    for c in negative {
        assert!(c.parse::<f64>().unwrap() < 0.0, "{c}");
    }
}

/// A comment written on the screen as a paragraph (lines joined by LF) stays one quoted cell,
/// its line breaks kept, as Rust's and Python's CSV readers both read it.
#[test]
fn a_comment_of_several_lines_is_one_quoted_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let comment =
        "Kế hoạch ban hành chậm 5 ngày.\nĐề nghị bổ sung:\n- văn bản giải trình, \"bản gốc\".";
    ok(
        &db,
        &[
            "--appraiser",
            "Lan",
            "decide",
            "SNV",
            "1.1.1",
            "agree",
            "--comment",
            comment,
        ],
    );
    let out = dir.path().join("decisions.csv");
    ok(
        &db,
        &["export", "decisions", "--out", out.to_str().unwrap()],
    );
    let bytes = std::fs::read(&out).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains(&quoted(comment)),
        "the comment is one quoted cell with its line breaks:\n{text}"
    );
    let rows = rust_rows(&out);
    assert_eq!(python_rows(&out), rows);
    let row = rows
        .iter()
        .find(|r| r[0] == "SNV" && r[2] == "1.1.1")
        .unwrap()
        .clone();
    assert_eq!(row.len(), rows[0].len());
    assert_eq!(cell(&rows, &row, "comment"), comment);
    assert_eq!(cell(&rows, &row, "state"), "agreed");
}
