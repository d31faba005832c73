//! The ledger: every tampering a person with the `sqlite3` tool could do to a real file — done
//! here with plain SQL through rusqlite — is caught by `thamdinh verify` (the real binary),
//! which names the first row that breaks and exits non-zero; cutting off the end of the log with
//! the decisions it made is caught only against a head printed earlier (`--head`). The chain
//! is re-checked by `bench/verify-ledger.py`, which must agree.

use crate::common;
use common::*;

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use thamdinh::clock::FixedClock;
use thamdinh::domain::ledger::{self, COLUMNS, GENESIS, Value};
use thamdinh::domain::{ItemCode, Points, UnitCode, Verdict};
use thamdinh::service::Workspace;
use thamdinh::store::{Store, schema};

const WHO: &str = "Nguyễn Thị Lan";

/// The rows the demo's imports write to the ledger: an `import` row per file or set and a
/// seal per unit, group or history it wrote.
const SEALS: i64 = 201;

fn workspace(db: &Path) -> Workspace {
    let clock = FixedClock::local("2022-11-30 09:41:07", 7);
    Workspace::new(Store::open(db).unwrap().with_clock(Arc::new(clock)), 2022).unwrap()
}

fn decide(ws: &mut Workspace, unit: &str, item: &str, v: Verdict, comment: &str) {
    let (u, i) = (
        UnitCode::parse(unit).unwrap(),
        ItemCode::parse(item).unwrap(),
    );
    ws.decide(&u, &i, v, comment, WHO).unwrap();
}

/// The demo year with a log of every kind of row, after the `SEALS` rows of the demo's
/// imports (each an `import` row and its seals):
///  202 SNV 1.1.1 agreed · 203 SNV 1.1.2 agreed · 204 SNV 1.1.3 adjusted to 0 · 205 a comment
///  on it · 206 STP 1.1.1 explanation requested · 207 SNV 1.2.1 agreed · 208 undo of 207 ·
///  209 STP closed · 210 STP reopened · 211 SYT 1.1.1 agreed.
fn ledgered(dir: &Path) -> PathBuf {
    let db = demo_db(dir);
    let sealed: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action IN ('import', 'seal')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sealed, SEALS, "the demo's imports and seals come first");
    let mut ws = workspace(&db);
    decide(&mut ws, "SNV", "1.1.1", Verdict::Agree, "");
    decide(&mut ws, "SNV", "1.1.2", Verdict::Agree, "");
    decide(
        &mut ws,
        "SNV",
        "1.1.3",
        Verdict::Score(Points::from_hundredths(0)),
        "Chưa hoàn thành",
    );
    let (snv, i113) = Workspace::codes("SNV", "1.1.3").unwrap();
    ws.set_comment(&snv, &i113, "Chưa hoàn thành 2 nhiệm vụ", WHO)
        .unwrap();
    decide(&mut ws, "STP", "1.1.1", Verdict::RequestExplanation, "");
    decide(&mut ws, "SNV", "1.2.1", Verdict::Agree, "");
    ws.undo_last(&snv, WHO).unwrap();
    ws.set_closed("STP", true, WHO, "Xong").unwrap();
    ws.set_closed("STP", false, WHO, "Mở lại").unwrap();
    decide(&mut ws, "SYT", "1.1.1", Verdict::Agree, "");
    db
}

/// Runs plain SQL on the file, as someone with the `sqlite3` tool would.
fn tamper(db: &Path, sql: &str) {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// `verify --lang en` (and more arguments): exit code, stdout, stderr.
fn verify(db: &Path, more: &[&str]) -> (i32, String, String) {
    let mut args = vec!["--lang", "en", "verify"];
    args.extend_from_slice(more);
    let out = run(db, &args);
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// `verify` refuses the file; its first sentence.
fn refused(db: &Path) -> String {
    let (code, out, err) = verify(db, &[]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    println!("{err}");
    err
}

/// The head printed on the last line of `rank`.
fn printed_head(db: &Path) -> String {
    let text = ok(db, &["--lang", "en", "rank"]);
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("Audit ledger: "), "{last}");
    last.split("head ").nth(1).unwrap()[..]
        .split(' ')
        .next()
        .unwrap()
        .to_string()
}

/// `bench/verify-ledger.py` on the file: exit code and stdout.
fn python(db: &Path, more: &[&str]) -> (i32, String) {
    let out = Command::new("python3")
        .arg(root().join("bench/verify-ledger.py"))
        .arg(db)
        .args(more)
        .output()
        .expect("python3 runs (it is on the machine, as in CI)");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn a_file_written_by_thamdinh_verifies_and_python_agrees_on_its_head() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let (code, out, err) = verify(&db, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("The audit ledger holds: 211 entries"),
        "{out}"
    );
    assert!(
        out.contains("10 rows replayed against 5 decisions"),
        "{out}"
    );
    let head = printed_head(&db);
    assert!(out.ends_with(&format!("Head: {head}\n")), "{out}");
    assert_eq!(python(&db, &[]), (0, format!("head {head}\n")));
    // The head says the same in both languages, and verifies itself.
    let (code, out, _) = verify(&db, &["--head", &head]);
    assert_eq!(code, 0);
    assert!(
        out.contains("matches this file, and nothing was written since"),
        "{out}"
    );
    let vi = ok(&db, &["verify", "--head", &head]);
    assert!(vi.contains("Sổ nhật ký toàn vẹn: 211 dòng"), "{vi}");
    assert!(vi.contains(&format!("Đầu sổ: {head}")), "{vi}");
    // The rows the screens and the commands write are chained as they go: more decisions
    // keep the file whole, and the old head still matches as an earlier one.
    ok(
        &db,
        &["--appraiser", WHO, "decide", "SYT", "1.1.2", "agree"],
    );
    let (code, out, _) = verify(&db, &["--head", &head]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 entry was written since"), "{out}");
}

#[test]
fn an_edited_decision_is_named_with_its_field_and_both_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    tamper(
        &db,
        "UPDATE decisions SET score = 25 WHERE unit = 'SNV' AND item = '1.1.3'",
    );
    let err = refused(&db);
    assert!(
        err.starts_with(
            "The decision of SNV on item 1.1.3 (2022) does not match the audit log: its field \
             score is 0.25 in the decisions table, while the audit log (up to row 205) leaves 0."
        ),
        "{err}"
    );
}

#[test]
fn an_edited_audit_row_is_named_with_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    // The trigger is dropped for the edit and put back, so that only the chain can tell.
    let update_trigger = thamdinh::store::TRIGGERS[0].1;
    tamper(
        &db,
        &format!(
            "DROP TRIGGER audit_no_update;
             UPDATE audit SET new_score = 50 WHERE id = 204;
             {update_trigger};"
        ),
    );
    let err = refused(&db);
    assert!(
        err.starts_with("Row 204 of the audit log (SNV 1.1.3, 2022: decision at 2022-11-30T02:41:07Z) was changed after it was written"),
        "{err}"
    );
    assert!(
        err.contains(
            "Field new_score: row 205 (the next on this item) starts from 0, this row says 0.5."
        ),
        "{err}"
    );
    // The same row for the Python check.
    let (code, out) = python(&db, &[]);
    assert_eq!(code, 1);
    assert!(out.starts_with("row 204: hash expected "), "{out}");
}

#[test]
fn an_edited_comment_on_the_last_row_of_an_item_is_told_by_the_decisions_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    tamper(
        &db,
        "DROP TRIGGER audit_no_update;
         UPDATE audit SET comment = 'Đạt' WHERE id = 205;",
    );
    let err = refused(&db);
    assert!(
        err.contains(
            "The trigger audit_no_update, which keeps the audit log append-only, was dropped"
        ),
        "{err}"
    );
    assert!(
        err.contains("Row 205 of the audit log (SNV 1.1.3, 2022: comment at"),
        "{err}"
    );
    assert!(
        err.contains("Field comment: the database now holds \"Chưa hoàn thành 2 nhiệm vụ\", this row says \"Đạt\"."),
        "{err}"
    );
}

#[test]
fn a_deleted_audit_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    tamper(
        &db,
        "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 206;",
    );
    let err = refused(&db);
    assert!(
        err.contains("Rows were deleted from the audit log: row 206 is gone, and row 207 of the audit log (SNV 1.2.1, 2022: decision at 2022-11-30T02:41:07Z) comes right after row 205"),
        "{err}"
    );
    assert_eq!(python(&db, &[]).0, 1);
}

#[test]
fn an_inserted_row_is_caught_with_or_without_a_hash() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let copy = dir.path().join("copy.sqlite");
    tamper(&db, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::fs::copy(&db, &copy).unwrap();
    // A row the insert trigger refuses: it has no hash.
    let insert = "INSERT INTO audit (at, appraiser, action, year, unit, item, new_state,
                      new_score, comment)
                  VALUES ('2022-11-30T03:00:00Z', 'X', 'decide', 2022, 'SYT', '1.1.2',
                      'adjusted', 0, '')";
    let refusal = Connection::open(&db)
        .unwrap()
        .execute_batch(insert)
        .unwrap_err();
    assert!(refusal.to_string().contains("needs its hash"), "{refusal}");
    // With the trigger dropped.
    tamper(&db, &format!("DROP TRIGGER audit_chained; {insert};"));
    let err = refused(&db);
    assert!(
        err.contains("Row 212 of the audit log (SYT 1.1.2, 2022: decision at 2022-11-30T03:00:00Z) has no hash: thamdinh did not write it"),
        "{err}"
    );
    assert!(
        err.contains(
            "Field new_state: the database now holds 'not decided', this row says 'adjusted'."
        ),
        "{err}"
    );
    // With a made-up hash, in the middle of the log (the rows after it moved up by one).
    tamper(
        &copy,
        "DROP TRIGGER audit_no_update;
         UPDATE audit SET id = id + 10000 WHERE id > 207;
         UPDATE audit SET id = id - 9999 WHERE id > 10000;
         INSERT INTO audit (id, at, appraiser, action, year, unit, item, new_state, new_score,
             comment, hash)
         VALUES (208, '2022-11-30T02:41:07Z', 'X', 'decide', 2022, 'SNV', '1.1.4', 'agreed', 50,
             '', printf('%064d', 7));",
    );
    let err = refused(&copy);
    assert!(
        err.contains("Row 208 of the audit log (SNV 1.1.4, 2022: decision at 2022-11-30T02:41:07Z) was changed after it was written: the chain recorded hash 0000000000000000…"),
        "{err}"
    );
}

#[test]
fn a_decision_with_no_audit_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    tamper(
        &db,
        "INSERT INTO decisions (year, unit, item, state, score, comment, appraiser, decided_at)
         VALUES (2022, 'SCT', '1.1.1', 'adjusted', 0, '', 'X', '2022-11-30T02:41:07Z')",
    );
    let err = refused(&db);
    assert!(
        err.starts_with("The decision of SCT on item 1.1.1 (2022) does not match the audit log: its field state is 'adjusted' in the decisions table, while the audit log has no row on this item, that is 'not decided'."),
        "{err}"
    );
    // And the other way: a decision deleted, its rows left.
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    tamper(
        &db,
        "DELETE FROM decisions WHERE unit = 'SYT' AND item = '1.1.1'",
    );
    let err = refused(&db);
    assert!(
        err.starts_with("The decision of SYT on item 1.1.1 (2022) does not match the audit log: its field state is 'not decided' in the decisions table, while the audit log (up to row 211) leaves 'agreed'."),
        "{err}"
    );
}

#[test]
fn reordered_rows_are_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    // Rows 203 and 204 change places, hashes and all.
    tamper(
        &db,
        "DROP TRIGGER audit_no_update;
         UPDATE audit SET id = 10000 WHERE id = 203;
         UPDATE audit SET id = 203 WHERE id = 204;
         UPDATE audit SET id = 204 WHERE id = 10000;",
    );
    let err = refused(&db);
    assert!(
        err.contains("Row 203 of the audit log (SNV 1.1.3, 2022: decision at 2022-11-30T02:41:07Z) was changed after it was written"),
        "{err}"
    );
    assert_eq!(python(&db, &[]).0, 1);
}

#[test]
fn dropped_or_replaced_triggers_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    tamper(
        &db,
        "DROP TRIGGER audit_no_delete;
         DROP TRIGGER audit_chained;
         CREATE TRIGGER audit_chained BEFORE INSERT ON audit BEGIN SELECT 1; END;",
    );
    let err = refused(&db);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "The trigger audit_no_delete, which keeps the audit log append-only, was dropped from the file: someone changed the database outside thamdinh."
    );
    assert_eq!(
        lines[1],
        "The trigger audit_chained, which refuses any row without its hash, was replaced by another: someone changed the database outside thamdinh."
    );
    assert!(lines[2].starts_with("Head: 211:"), "{err}");
}

/// Computes every hash of the log again, as someone who knows the (public) encoding would
/// after editing rows.
fn chain_again(conn: &Connection) {
    let cols = COLUMNS.join(", ");
    let rows: Vec<Vec<Value>> = conn
        .prepare(&format!("SELECT {cols} FROM audit ORDER BY id"))
        .unwrap()
        .query_map([], |r| {
            Ok((0..COLUMNS.len())
                .map(|i| match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => Value::Null,
                    rusqlite::types::ValueRef::Integer(n) => Value::Int(n),
                    rusqlite::types::ValueRef::Text(t) => {
                        Value::Text(String::from_utf8(t.to_vec()).unwrap())
                    }
                    other => panic!("{other:?}"),
                })
                .collect())
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev = GENESIS;
    for (i, v) in rows.iter().enumerate() {
        prev = ledger::chain(&prev, v);
        conn.execute(
            "UPDATE audit SET hash = ?2 WHERE id = ?1",
            rusqlite::params![i as i64 + 1, ledger::to_hex(&prev)],
        )
        .unwrap();
    }
}

#[test]
fn a_chain_computed_again_after_an_edit_still_breaks_the_replay() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let head = printed_head(&db);
    // Someone who knows the encoding (it is public) raises SNV 1.1.3 from 0 to 0.5 in its
    // decision and in row 204, and computes every hash again.
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_no_update;
         UPDATE audit SET new_score = 50 WHERE id = 204;
         UPDATE decisions SET score = 50 WHERE unit = 'SNV' AND item = '1.1.3';",
    )
    .unwrap();
    chain_again(&conn);
    drop(conn);
    // The Python check of the chain alone passes, as the chain is whole again ...
    assert_eq!(python(&db, &[]).0, 0);
    // ... but the replay is not (row 205, the comment after it, still starts from 0), and the
    // printed head no longer matches.
    let err = refused(&db);
    assert!(
        err.contains("Row 205 of the audit log (SNV 1.1.3, 2022: comment at 2022-11-30T02:41:07Z) does not follow from the rest of the log although its hash is right: the chain was computed again after a change. Field old_score: the rows before it leave 0.5, this row says 0."),
        "{err}"
    );
    let (code, _, err) = verify(&db, &["--head", &head]);
    assert_eq!(code, 1);
    assert!(
        err.contains("does not match this file: entry 211 of the audit log has hash"),
        "{err}"
    );
}

#[test]
fn a_tail_cut_off_with_its_decisions_is_caught_only_by_a_printed_head() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let head = printed_head(&db);
    assert!(head.starts_with("211:"), "{head}");
    // Row 211 (SYT 1.1.1 agreed) and its decision cut off, the triggers put back.
    let delete_trigger = thamdinh::store::TRIGGERS[1].1;
    tamper(
        &db,
        &format!(
            "DROP TRIGGER audit_no_delete;
             DELETE FROM audit WHERE id = 211;
             DELETE FROM decisions WHERE unit = 'SYT' AND item = '1.1.1';
             {delete_trigger};"
        ),
    );
    // SQLite's own counter still remembers row 211.
    let err = refused(&db);
    assert!(
        err.starts_with("The end of the audit log was cut off: SQLite numbered its rows up to 211, but the last row left is row 210."),
        "{err}"
    );
    // Put right too: now nothing inside the file tells.
    tamper(
        &db,
        "UPDATE sqlite_sequence SET seq = 210 WHERE name = 'audit'",
    );
    let (code, out, err) = verify(&db, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("The audit ledger holds: 210 entries"),
        "{out}"
    );
    // The head printed with the ranking before says what happened.
    let (code, out, err) = verify(&db, &["--head", &head]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains(&format!("The result printed with head {head} does not match this file: the audit log had 211 entries when it was printed, the file has 210 now. The end of the log (with the decisions it made) was cut off, or this is an older copy of the file.")),
        "{err}"
    );
    assert_eq!(python(&db, &[&head]).0, 1);
}

#[test]
fn a_head_that_is_not_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let (code, _, err) = verify(&db, &["--head", "10"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("'10' is not a ledger head"), "{err}");
}

#[test]
fn a_closing_made_outside_thamdinh_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    tamper(&db, "UPDATE units SET closed = 1 WHERE code = 'SYT'");
    let err = refused(&db);
    assert!(
        err.starts_with(
            "Unit SYT (2022) is closed in the units table, but the audit log leaves it open"
        ),
        "{err}"
    );
}

/// The schema version just before the ledger's migration step.
const BEFORE_LEDGER: i64 = 4;

#[test]
fn an_older_file_gets_its_chain_on_migration_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let head = printed_head(&db);
    // The same file as the version before the ledger (step 5) wrote it: no hash, no chain
    // trigger, and none of the later steps.
    tamper(
        &db,
        &format!(
            "DROP TRIGGER audit_chained;
             DROP TRIGGER audit_no_update;
             ALTER TABLE audit DROP COLUMN hash;
             CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                 BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
             DROP TABLE field_history;
             DROP TABLE kept_comments;
             DROP TABLE council;
             DROP TABLE issued;
             DROP TABLE previous_overrides;
             DROP TABLE lineage;
             DROP TRIGGER unit_totals_decision_insert;
             DROP TRIGGER unit_totals_decision_update;
             DROP TRIGGER unit_totals_decision_delete;
             DROP TABLE unit_totals;
             DROP TABLE epoch;
             ALTER TABLE sets DROP COLUMN revision;
             ALTER TABLE sets DROP COLUMN source_number;
             ALTER TABLE sets DROP COLUMN source_date;
             ALTER TABLE sets DROP COLUMN source_issuer;
             PRAGMA user_version = {};",
            BEFORE_LEDGER
        ),
    );
    let (code, out, err) = verify(&db, &[]);
    assert_eq!(code, 0, "{err}");
    let conn = Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::VERSION);
    let (action, year, unit): (String, i64, String) = conn
        .query_row(
            "SELECT action, year, unit FROM audit WHERE id = 212",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((action.as_str(), year, unit.as_str()), ("chained", 0, ""));
    // After it, the seals of what the file held (the step after the chain's).
    let (entries, sealed_now): (i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE id > 212 AND action IN ('import', 'seal'))
             FROM audit",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(entries, 212 + sealed_now);
    assert!(sealed_now > 0);
    assert!(
        out.starts_with(&format!("The audit ledger holds: {entries} entries")),
        "{out}"
    );
    assert!(
        out.contains("Rows 1–211 were written before the log had a chain and were chained when the file was upgraded ("),
        "{out}"
    );
    // The rows chained now hash as they did when thamdinh wrote them: the old head matches.
    let (code, out, _) = verify(&db, &["--head", &head]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(python(&db, &[&head]).0, 0);
}

#[test]
fn verify_for_one_year_replays_that_year_and_chains_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let (code, out, err) = verify(&db, &["--year", "2022"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("10 rows of 2022 replayed against 5 decisions"),
        "{out}"
    );
    let (code, out, err) = verify(&db, &["--year", "2021"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("0 rows of 2021 replayed against 0 decisions"),
        "{out}"
    );
    tamper(
        &db,
        "UPDATE decisions SET comment = 'x' WHERE unit = 'SNV' AND item = '1.1.1'",
    );
    assert_eq!(verify(&db, &["--year", "2021"]).0, 0);
    assert_eq!(verify(&db, &["--year", "2022"]).0, 1);
}

#[test]
fn the_notices_carry_the_head_in_their_footer() {
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let head = printed_head(&db);
    let out = dir.path().join("tb");
    ok(
        &db,
        &[
            "export",
            "notices",
            "--out",
            out.to_str().unwrap(),
            "--unit",
            "SNV",
        ],
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out.join("SNV.docx")).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    let footers: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/footer"))
        .collect();
    assert!(!footers.is_empty(), "{names:?}");
    for f in footers {
        let mut xml = String::new();
        zip.by_name(f).unwrap().read_to_string(&mut xml).unwrap();
        assert!(
            xml.contains(&format!("Sổ nhật ký thẩm định: 211 dòng, đầu sổ {head}")),
            "{f}: {xml}"
        );
    }
}

#[test]
fn the_screens_check_goes_on_from_the_row_last_verified_and_sees_a_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledgered(dir.path());
    let mut ws = workspace(&db);
    let mark = ws.check_ledger_since(None).unwrap().unwrap();
    assert_eq!((mark.id, mark.entries), (211, 211));
    decide(&mut ws, "SYT", "1.1.2", Verdict::Agree, "");
    let mark = ws.check_ledger_since(Some(&mark)).unwrap().unwrap();
    assert_eq!((mark.id, mark.entries), (212, 212));
    // Row 204 edited and the whole chain computed again: whole from the first row, but not
    // the chain this computer verified.
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; UPDATE audit SET comment = 'x' WHERE id = 204;",
    )
    .unwrap();
    chain_again(&conn);
    conn.execute_batch(thamdinh::store::TRIGGERS[0].1).unwrap();
    drop(conn);
    let broken = ws.check_ledger_since(Some(&mark)).unwrap().unwrap_err();
    let said = thamdinh::i18n::errors::ledger_break(&broken, thamdinh::i18n::Lang::En);
    assert!(
        said.starts_with(
            "Row 212 of the audit log, verified on this computer, was changed: its hash was "
        ),
        "{said}"
    );
    assert!(ws.check_ledger_since(None).unwrap().is_ok());
}
