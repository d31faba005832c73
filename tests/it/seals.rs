//! Every input that changes a result is sealed in the ledger by the write that made it: an
//! edit with plain SQL (as someone with the `sqlite3` tool would) of a self score, a survey
//! score, a unit's group, a criterion's maximum or a history row after its import is caught
//! by `thamdinh verify` (the real binary, on a real file), which names what was changed and
//! the import it was changed after; honest imports, a re-import of one unit, a new year and
//! a publication keep it whole.

use crate::common;
use common::*;

use rusqlite::Connection;
use std::path::Path;

fn tamper(db: &Path, sql: &str) {
    Connection::open(db).unwrap().execute_batch(sql).unwrap();
}

/// `verify --lang en`: exit code, stdout, stderr.
fn verify(db: &Path) -> (i32, String, String) {
    let out = run(db, &["--lang", "en", "verify"]);
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

fn holds(db: &Path) {
    let (code, out, err) = verify(db);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("The audit ledger holds"), "{out}");
}

/// `verify` refuses the file; what it says.
fn refused(db: &Path) -> String {
    let (code, out, err) = verify(db);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    err
}

#[test]
fn the_demo_imports_are_sealed_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    holds(&db);
    // Each import is one row naming its file, its SHA-256 and its counts.
    let conn = Connection::open(&db).unwrap();
    let text: String = conn
        .query_row(
            "SELECT comment FROM audit WHERE action = 'import' AND comment LIKE 'kind: survey%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let bytes = std::fs::read(demo_file("survey.csv")).unwrap();
    let sha = thamdinh::domain::seal::Origin::of_bytes("survey.csv", &bytes).sha256;
    assert!(
        text.starts_with(&format!(
            "kind: survey\nfile: survey.csv\nsha256: {sha}\nadded: "
        )),
        "{text}"
    );
    // The self scores are read as a stream and hashed as they pass: the same SHA-256 as the
    // file's bytes.
    let text: String = conn
        .query_row(
            "SELECT comment FROM audit WHERE action = 'import' \
             AND comment LIKE 'kind: self_scores%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let bytes = std::fs::read(demo_file("self_scores.csv")).unwrap();
    let sha = thamdinh::domain::seal::Origin::of_bytes("self_scores.csv", &bytes).sha256;
    assert!(
        text.contains(&format!("file: self_scores.csv\nsha256: {sha}\n")),
        "{text}"
    );
    // And one seal per unit it wrote.
    let seals: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = 'seal' AND comment LIKE 'survey %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let units: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM units WHERE survey IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(seals, units);
}

#[test]
fn an_sql_edit_of_a_self_score_after_import_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    tamper(
        &db,
        "UPDATE self_scores SET score = score + 25 WHERE year = 2022 AND unit = 'SNV'
             AND item = (SELECT min(item) FROM self_scores WHERE unit = 'SNV' AND score IS NOT NULL)",
    );
    let err = refused(&db);
    assert!(
        err.starts_with(
            "Someone changed the self scores of unit SNV (2022) outside thamdinh after the import of 'self_scores.csv' at "
        ),
        "{err}"
    );
    // Only that unit: the others' seals stand.
    assert_eq!(err.matches("Someone changed").count(), 1, "{err}");
}

#[test]
fn an_sql_edit_of_a_survey_score_after_import_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    tamper(
        &db,
        "UPDATE units SET survey = survey + 500 WHERE code = 'SNV'",
    );
    let err = refused(&db);
    assert!(
        err.starts_with(
            "Someone changed the survey score of unit SNV (2022) outside thamdinh after the import of 'survey.csv' at "
        ),
        "{err}"
    );
}

#[test]
fn an_sql_edit_of_a_units_group_after_import_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    tamper(
        &db,
        "UPDATE units SET group_code = 'dvsn' WHERE code = 'SNV'",
    );
    let err = refused(&db);
    assert!(
        err.contains(
            "Someone changed the name, group or ranking of unit SNV (2022) outside thamdinh after the import of 'units.csv' at "
        ),
        "{err}"
    );
}

#[test]
fn an_sql_edit_of_a_criterions_maximum_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // A quarter point more on a criterion scored without options, carried up its parents and
    // the set's maximum so that the set still adds up (and loads).
    tamper(
        &db,
        "WITH RECURSIVE up(code) AS (
             SELECT (SELECT min(code) FROM nodes n
                     WHERE year = 2022 AND group_code = 'so-nganh' AND is_item = 1
                       AND kind = 'regular'
                       AND NOT EXISTS (SELECT 1 FROM node_options o WHERE o.year = n.year
                             AND o.group_code = n.group_code AND o.code = n.code))
             UNION
             SELECT n.parent FROM nodes n JOIN up ON n.code = up.code
             WHERE n.year = 2022 AND n.group_code = 'so-nganh' AND n.parent IS NOT NULL)
         UPDATE nodes SET max = max + 25
         WHERE year = 2022 AND group_code = 'so-nganh' AND code IN up;
         UPDATE sets SET appraisal_max = appraisal_max + 25
         WHERE year = 2022 AND group_code = 'so-nganh';",
    );
    let err = refused(&db);
    assert!(
        err.contains(
            "Someone changed the criteria set of group so-nganh (2022: its criteria, maximums, bands) outside thamdinh after the import of 'so-nganh.toml' at "
        ),
        "{err}"
    );
}

/// An illustrative set made to look official (a decision's number, date and issuer written
/// in with SQL) is a change to the set like any other.
#[test]
fn an_sql_edit_of_a_sets_source_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    tamper(
        &db,
        "UPDATE sets SET source_number = '123/QĐ-UBND', source_date = '2022-03-01',
                source_issuer = 'UBND tỉnh Sóc Trăng'
         WHERE year = 2022 AND group_code = 'so-nganh';",
    );
    let err = refused(&db);
    assert!(
        err.contains("Someone changed the criteria set of group so-nganh (2022: its criteria, maximums, bands) outside thamdinh after the import of 'so-nganh.toml' at "),
        "{err}"
    );
}

#[test]
fn an_sql_edit_of_a_history_row_is_caught_and_a_row_added_or_deleted_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    tamper(
        &db,
        "UPDATE history SET idx = idx + 300 WHERE unit = 'SNV'
             AND year = (SELECT max(year) FROM history WHERE unit = 'SNV')",
    );
    let err = refused(&db);
    assert!(
        err.starts_with(
            "Someone changed the past years' indexes of SNV outside thamdinh after the import of 'history.csv' at "
        ),
        "{err}"
    );
    // A unit's history deleted, and one added that no import wrote.
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    tamper(
        &db,
        "DELETE FROM history WHERE unit = 'SXD';
         INSERT INTO history (unit, year, idx) VALUES ('ZZZ', 2021, 9000);",
    );
    let err = refused(&db);
    assert!(
        err.contains("Someone deleted the past years' indexes of SXD outside thamdinh"),
        "{err}"
    );
    assert!(
        err.contains(
            "There is data in the past years' indexes of ZZZ that no write of thamdinh sealed"
        ),
        "{err}"
    );
}

#[test]
fn a_reimport_of_one_unit_reseals_it_alone_and_names_it_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Another unit tampered with first: the re-import of SNV must not hide it.
    tamper(
        &db,
        "UPDATE units SET survey = survey + 500 WHERE code = 'SXD'",
    );
    let file = write(dir.path(), "snv.csv", "unit,score\nSNV,25\n");
    ok(&db, &["import", "survey", file.to_str().unwrap()]);
    let err = refused(&db);
    assert!(err.contains("SXD"), "{err}");
    assert!(!err.contains("SNV"), "{err}");
    // Put right by importing the original file again: whole.
    ok(
        &db,
        &[
            "import",
            "survey",
            demo_file("survey.csv").to_str().unwrap(),
        ],
    );
    holds(&db);
    // In Vietnamese, the same sentence names the file.
    tamper(
        &db,
        "UPDATE units SET survey = survey + 500 WHERE code = 'SXD'",
    );
    let out = run(&db, &["verify"]);
    let vi = String::from_utf8(out.stderr).unwrap();
    assert!(
        vi.starts_with("Điểm khảo sát của đơn vị SXD (năm 2022) đã bị sửa ngoài thamdinh sau lần nhập tệp «survey.csv» lúc "),
        "{vi}"
    );
}
