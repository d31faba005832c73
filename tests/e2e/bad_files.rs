//! Every file of tests/data/bad/ is refused with its sentence at its line and column, exits
//! non-zero, and leaves the demo database exactly as it was: the same rows (a full dump) and
//! the same bytes on disk (the file and its WAL after a checkpoint).

use crate::common;
use crate::proofs;
use common::*;

#[test]
fn every_bad_file_is_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let report = proofs::corpus::run_corpus(&db);
    assert!(report.problems.is_empty(), "{}", report.problems.join("\n"));
    assert_eq!(report.refused_cleanly, report.files);
    assert_eq!(report.changed_db, 0);
    assert!(report.files >= 40, "only {} bad files", report.files);
}

#[test]
fn a_missing_file_or_a_folder_is_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = file_bytes(&db);
    let missing = dir.path().join("khong-co.csv");
    let err = fails(
        &db,
        &["--lang", "en", "import", "units", missing.to_str().unwrap()],
    );
    assert!(
        err.contains("khong-co.csv: the file cannot be read ("),
        "{err}"
    );
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "units",
            dir.path().to_str().unwrap(),
        ],
    );
    assert!(err.contains(": the file cannot be read ("), "{err}");
    assert!(file_bytes(&db) == before);
}

#[test]
fn messages_are_vietnamese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = root().join("tests/data/bad/self-off-options.csv");
    let err = fails(&db, &["import", "self-scores", file.to_str().unwrap()]);
    assert!(
        err.contains(
            ":2:3: cột score: điểm 0.3 không thuộc các mức điểm của tiêu chí (0.5; 0.25; 0)"
        ),
        "{err}"
    );
    assert!(
        err.contains("Tệp bị từ chối: không có dữ liệu nào được ghi vào cơ sở dữ liệu."),
        "{err}"
    );
}

#[test]
fn reimporting_the_demo_files_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // No data changes; the ledger records that each import ran.
    let before = dump_data(&db);
    for (kind, file) in [
        ("units", "units.csv"),
        ("self-scores", "self_scores.csv"),
        ("survey", "survey.csv"),
        ("history", "history.csv"),
    ] {
        let out = ok(
            &db,
            &[
                "--lang",
                "en",
                "import",
                kind,
                demo_file(file).to_str().unwrap(),
            ],
        );
        assert!(out.contains(": 0 added, 0 changed,"), "{out}");
    }
    assert_eq!(dump_data(&db), before);
}

#[test]
fn a_good_file_with_bom_and_crlf_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = file_bytes(&db);
    let f = write(
        dir.path(),
        "survey.csv",
        b"\xEF\xBB\xBFunit,score\r\nSNV,\"30,5\"\r\nSTP,31.25\r\n",
    );
    let out = ok(
        &db,
        &["--lang", "en", "import", "survey", f.to_str().unwrap()],
    );
    assert!(
        out.contains("Imported survey scores: 0 added, 2 changed"),
        "{out}"
    );
    // The byte comparison of the corpus test does see a write.
    assert!(file_bytes(&db) != before);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let s: i64 = conn
        .query_row("SELECT survey FROM units WHERE code = 'SNV'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(s, 3050);
}

#[test]
fn a_unit_without_scores_may_still_change_group() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let f = write(
        dir.path(),
        "new.csv",
        "code,name,group\nSMOI,Sở Mới,so-nganh\n",
    );
    ok(&db, &["import", "units", f.to_str().unwrap()]);
    let f = write(
        dir.path(),
        "moved.csv",
        "code,name,group\nSMOI,Sở Mới,huyen\n",
    );
    let out = ok(
        &db,
        &["--lang", "en", "import", "units", f.to_str().unwrap()],
    );
    assert!(out.contains("0 added, 1 changed"), "{out}");
}
