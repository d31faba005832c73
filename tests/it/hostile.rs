//! Hostile input (issue 21): text XML forbids in the documents, limits on what people type
//! and files carry, control characters on the terminal, and the smaller misleading refusals.
//! The hostile workbooks themselves are in the corpus (tests/data/bad/, `self-*.xlsx`).

use crate::common;
use common::*;

use std::path::Path;
use thamdinh::io::xmltext::check_package;

/// A demo database whose unit SNV is named with a vertical tab, an escape sequence, BEL and
/// U+FFFF, and whose decision on 1.1.1 has such a comment.
fn hostile_names(dir: &Path) -> std::path::PathBuf {
    let db = demo_db(dir);
    let units = dir.join("units.csv");
    std::fs::write(
        &units,
        "code,name,group\nSNV,S\u{FFFF}NV\u{1b}]0;x\u{07} v\u{0b}w,so-nganh\n",
    )
    .unwrap();
    ok(&db, &["import", "units", units.to_str().unwrap()]);
    ok(
        &db,
        &[
            "--appraiser",
            "Lan\u{1b}[2J",
            "decide",
            "SNV",
            "1.1.1",
            "agree",
            "--comment",
            "x\u{0b}y\u{1b}z\u{FFFF}",
        ],
    );
    db
}

#[test]
fn text_xml_forbids_never_reaches_a_notice_or_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_names(dir.path());
    let notices = dir.path().join("notices");
    ok(
        &db,
        &[
            "export",
            "notices",
            "--out",
            notices.to_str().unwrap(),
            "--unit",
            "SNV",
        ],
    );
    let mut written = 0;
    for f in std::fs::read_dir(&notices).unwrap() {
        let f = f.unwrap().path();
        check_package(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        written += 1;
    }
    assert_eq!(written, 1);
    let book = dir.path().join("ket-qua.xlsx");
    ok(
        &db,
        &["export", "workbook", "--out", book.to_str().unwrap()],
    );
    check_package(&book).unwrap_or_else(|e| panic!("{}: {e}", book.display()));
}
