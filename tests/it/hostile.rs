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

#[test]
fn a_comment_or_a_name_over_its_limit_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = dump(&db);
    let long = "ệ".repeat(10_001);
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "Lan",
            "decide",
            "SNV",
            "1.1.1",
            "agree",
            "--comment",
            &long,
        ],
    );
    assert!(
        err.contains("The comment is 10001 characters long, over the limit of 10000"),
        "{err}"
    );
    assert!(
        err.len() < 400,
        "the comment is not echoed: {} bytes",
        err.len()
    );
    let name = "N".repeat(201);
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            &name,
            "decide",
            "SNV",
            "1.1.1",
            "agree",
        ],
    );
    assert!(
        err.contains("The appraiser's name is 201 characters long"),
        "{err}"
    );
    assert_eq!(dump(&db), before);
    // At the limit, accepted.
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
            &"ệ".repeat(10_000),
        ],
    );
}

#[test]
fn an_endless_or_huge_line_input_is_refused_early_with_a_short_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = dump(&db);
    for kind in ["units", "self-scores", "survey", "explanations"] {
        let err = fails(&db, &["--lang", "en", "import", kind, "/dev/zero"]);
        assert!(
            err.contains("/dev/zero: the file is over 64 MB")
                || err.contains("/dev/zero:1:1: the line starting here is over 1024 KB long"),
            "{kind}: {err}"
        );
    }
    // Read into memory to be hashed for the ledger, a history file and a workbook that is
    // a link to /dev/zero are refused at their bound, not read on for ever.
    let err = fails(&db, &["--lang", "en", "import", "history", "/dev/zero"]);
    assert!(err.contains("/dev/zero: the file is over 64 MB"), "{err}");
    let link = dir.path().join("zero.xlsx");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for kind in ["units", "self-scores", "history"] {
        let err = fails(
            &db,
            &["--lang", "en", "import", kind, link.to_str().unwrap()],
        );
        assert!(
            err.contains("zero.xlsx: the file is over 128 MB"),
            "{kind}: {err}"
        );
    }
    // A header line of 3 MB: refused at its line, never echoed.
    let wide = dir.path().join("wide.csv");
    let header = format!("unit,item,score,{}\nSNV,1.1.1,1,\n", "x".repeat(3 << 20));
    std::fs::write(&wide, &header).unwrap();
    for kind in ["units", "self-scores"] {
        let err = fails(
            &db,
            &["--lang", "en", "import", kind, wide.to_str().unwrap()],
        );
        assert!(
            err.contains("wide.csv:1:1: the line starting here is over"),
            "{err}"
        );
        assert!(err.len() < 600, "{} bytes", err.len());
    }
    // An unknown column of 500 KB: named by an excerpt only.
    let header = format!("unit,item,score,{}\nSNV,1.1.1,1,\n", "y".repeat(500_000));
    std::fs::write(&wide, &header).unwrap();
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "self-scores",
            wide.to_str().unwrap(),
        ],
    );
    assert!(err.contains("wide.csv:1:4: unknown column 'yyyy"), "{err}");
    assert!(err.contains("…"), "{err}");
    assert!(err.len() < 600, "{} bytes", err.len());
    assert_eq!(dump(&db), before);
}

#[test]
fn a_criteria_file_with_thousands_of_bad_codes_lists_fifty_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let mut toml = String::from(
        "group = \"thu\"\nname = \"Thử\"\nyear = 2022\nappraisal_max = 1\nsurvey_max = 0\n\
         bands = [{ code = \"A\", min = 0 }]\n",
    );
    // Under the limit on a set's items (10,000): every code is read and checked.
    for i in 0..9_000 {
        toml.push_str(&format!(
            "\n[[nodes]]\ncode = \"!{i}\"\ntitle = \"T\"\nmax = 1\n"
        ));
    }
    let file = dir.path().join("bad.toml");
    std::fs::write(&file, toml).unwrap();
    let err = fails(
        &db,
        &["--lang", "en", "import", "criteria", file.to_str().unwrap()],
    );
    assert!(
        err.contains("bad.toml:9:8: the code '!0' is not valid"),
        "{err}"
    );
    assert!(err.contains("8950"), "the rest counted: {err}");
}

/// A set of a million items (2.35 GB when it was accepted) is refused before it is parsed, at
/// the line of the first item beyond the limit, as TOML and as CSV; nothing is stored.
#[test]
fn a_criteria_set_beyond_ten_thousand_items_is_refused_at_the_first_item_too_many() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let before = dump(&db);
    let mut toml = String::from(
        "group = \"thu\"\nname = \"Thử\"\nyear = 2022\nappraisal_max = 1000000\n\
         survey_max = 0\nband_preset = \"quoc-gia\"\n",
    );
    let mut csv = String::from(
        "Nhóm,thu\nTên nhóm,Thử\nĐiểm điều tra xã hội học,0\nXếp loại,quoc-gia\n\
         Mã,Nội dung,Điểm tối đa\n",
    );
    for i in 0..1_000_000 {
        toml.push_str(&format!(
            "[[nodes]]\ncode = \"{i}\"\ntitle = \"T\"\nmax = 1\n"
        ));
        csv.push_str(&format!("{i},T,1\n"));
    }
    for (name, text, line) in [
        ("huge.toml", toml, 6 + 4 * 10_000 + 1),
        ("huge.csv", csv, 5 + 10_000 + 1),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let err = fails(
            &db,
            &["--lang", "en", "import", "criteria", file.to_str().unwrap()],
        );
        assert!(
            err.contains(&format!("{name}:{line}:1: ")) && err.contains("10000 items"),
            "{err}"
        );
        assert!(err.len() < 600, "{} bytes: {err}", err.len());
        assert_eq!(dump(&db), before);
    }
}

#[test]
fn control_characters_from_files_never_reach_the_terminal_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_names(dir.path());
    for args in [
        &["rank"][..],
        &["rank", "--group", "so-nganh"],
        &["history"],
        &["analyze", "fields"],
        &["plan", "SNV"],
    ] {
        let out = run(&db, args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{args:?}: {text:?}"
        );
    }
    // A refusal quoting a file's cell neither.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "code,name,group\nA\u{1b}[2J,X,so-nganh\n").unwrap();
    let out = run(&db, &["import", "units", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn a_failed_write_to_standard_output_is_an_error_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(["--lang", "en", "--db", db.to_str().unwrap(), "rank"])
        .env("THAMDINH_CONFIG_DIR", dir.path().join("config"))
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("Could not write the output"), "{err}");
}

#[test]
fn a_criteria_file_of_another_year_than_the_year_asked_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let set = std::fs::read_to_string(root().join("data/criteria/2022/so-nganh.toml")).unwrap();
    let file = dir.path().join("so-nganh-2031.toml");
    std::fs::write(&file, set.replace("\nyear = 2022\n", "\nyear = 2031\n")).unwrap();
    let before = dump(&db);
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "--year",
            "2022",
            "import",
            "criteria",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("so-nganh-2031.toml: this criteria set is for 2031, not 2022 (--year)"),
        "{err}"
    );
    assert_eq!(dump(&db), before);
}

/// A stored set damaged by another program (an item's maximum changed with SQL) is named as a
/// sentence: which set, what is wrong, in the user's language — never Rust's `Debug` text.
#[test]
fn a_damaged_stored_set_is_described_in_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE nodes SET max = max + 100 WHERE group_code = 'so-nganh' AND code = '1.1.1'",
        [],
    )
    .unwrap();
    drop(conn);
    for (lang, expect) in [
        (
            "en",
            "The stored criteria set of group so-nganh (2022) is damaged",
        ),
        (
            "vi",
            "Bộ chỉ số nhóm so-nganh năm 2022 lưu trong cơ sở dữ liệu bị hỏng",
        ),
    ] {
        let err = fails(&db, &["--lang", lang, "rank", "--group", "so-nganh"]);
        assert!(err.contains(expect), "{err}");
        assert!(err.contains("1.1"), "the item is named: {err}");
        for debug in ["ChildrenSum", "index:", "{", "[", "Points("] {
            assert!(!err.contains(debug), "Debug text {debug:?} in: {err}");
        }
    }
}

/// SQLite's own English never reaches the user as it is: a table dropped by another program
/// and a damaged page are sentences in the user's language that say what to do.
#[test]
fn a_damaged_database_is_described_in_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let good = demo_db(dir.path());
    let dropped = dir.path().join("dropped.sqlite");
    std::fs::copy(&good, &dropped).unwrap();
    rusqlite::Connection::open(&dropped)
        .unwrap()
        .execute_batch("DROP TABLE audit")
        .unwrap();
    let malformed = dir.path().join("malformed.sqlite");
    let mut bytes = std::fs::read(&good).unwrap();
    // Every seventh page from the third on, its first 300 bytes overwritten.
    let mut at = 8192;
    while at + 300 < bytes.len() {
        bytes[at..at + 300].fill(0xff);
        at += 7 * 4096;
    }
    std::fs::write(&malformed, bytes).unwrap();
    let cases = [
        (&dropped, "en", "lacks its table audit"),
        (&dropped, "vi", "thiếu bảng audit"),
        (&malformed, "en", "is damaged"),
        (&malformed, "vi", "bị hỏng"),
    ];
    for (db, lang, expect) in cases {
        let decide = ["--appraiser", "Lan", "decide", "SNV", "1.1.1", "agree"];
        for command in [&["rank"][..], &["verify"], &decide] {
            let args = [&["--lang", lang][..], command].concat();
            let err = fails(db, &args);
            assert!(err.contains(expect), "{args:?}: {err}");
            for raw in [
                "no such table",
                "malformed",
                "Database error",
                "Lỗi cơ sở dữ liệu:",
            ] {
                assert!(
                    !err.contains(raw),
                    "{args:?}: SQLite's text {raw:?} in: {err}"
                );
            }
        }
    }
}
