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
fn a_criteria_file_with_fifty_thousand_bad_codes_lists_fifty_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let mut toml = String::from(
        "group = \"thu\"\nname = \"Thử\"\nyear = 2022\nappraisal_max = 1\nsurvey_max = 0\n\
         bands = [{ code = \"A\", min = 0 }]\n",
    );
    for i in 0..50_000 {
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
    assert!(err.contains("49950"), "the rest counted: {err}");
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
