//! The council's settings of a year (`council set`/`council show`, stored with the year,
//! audited) and the register of the numbers its documents take.

use crate::common;
use chrono::NaiveDate;
use std::sync::Arc;
use thamdinh::clock::FixedClock;
use thamdinh::domain::council::{DocKind, Setting, Stage};
use thamdinh::service::Workspace;
use thamdinh::store::Store;

fn workspace(db: &std::path::Path, year: i32, wall: &str) -> Workspace {
    let store = Store::open(db)
        .unwrap()
        .with_clock(Arc::new(FixedClock::local(wall, 7)));
    Workspace::new(store, year).unwrap()
}

#[test]
fn settings_are_stored_with_the_year_audited_and_carried_into_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    common::ok(&db, &["init", "--year", "2022"]);
    let shown = common::ok(&db, &["council", "show"]);
    assert!(shown.contains("chưa đặt riêng cho năm này"), "{shown}");
    assert!(shown.contains("TTr-HĐTĐ"), "{shown}");
    let said = common::ok(
        &db,
        &[
            "--appraiser",
            "Nguyễn Thị Lan",
            "council",
            "set",
            "--parent",
            "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
            "--place",
            "Sóc Trăng",
            "--signer",
            "Lâm Văn Mẫn",
            "--next-number",
            "12",
        ],
    );
    assert!(
        said.starts_with("Đã lưu thông tin Hội đồng năm 2022"),
        "{said}"
    );
    assert!(said.contains("Sóc Trăng"), "{said}");
    // A refused value: the sentence names it, nothing is stored.
    let before = common::dump(&db);
    let err = common::fails(&db, &["council", "set", "--notice-series", "TB/HĐTĐ"]);
    assert!(
        err.contains("Ký hiệu thông báo «TB/HĐTĐ» không hợp lệ"),
        "{err}"
    );
    let err = common::fails(&db, &["--lang", "en", "council", "set"]);
    assert!(err.contains("Nothing to set"), "{err}");
    assert_eq!(common::dump(&db), before);
    // Audited: the row carries the settings.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (who, comment): (String, String) = conn
        .query_row(
            "SELECT appraiser, comment FROM audit WHERE action = 'council_set'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(who, "Nguyễn Thị Lan");
    assert!(
        comment.contains("place=Sóc Trăng\nsigner=Lâm Văn Mẫn"),
        "{comment}"
    );
    let v = common::ok(&db, &["--lang", "en", "verify"]);
    assert!(v.starts_with("The audit ledger holds"), "{v}");
    // The next year takes them, numbering from 1 again.
    common::ok(&db, &["--appraiser", "Lan", "new-year", "2023"]);
    let ws = workspace(&db, 2023, "2023-12-01 08:00:00");
    let (c, own) = ws.council().unwrap();
    assert!(!own);
    assert_eq!(
        (c.place.as_str(), c.signer.as_str(), c.next_number),
        ("Sóc Trăng", "Lâm Văn Mẫn", 1)
    );
    let (c, _) = workspace(&db, 2022, "2023-12-01 08:00:00")
        .council()
        .unwrap();
    assert_eq!(c.next_number, 12);
}

#[test]
fn a_document_keeps_its_number_and_day_and_new_ones_take_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    common::ok(&db, &["init", "--year", "2022"]);
    let mut ws = workspace(&db, 2022, "2022-12-05 08:54:00");
    ws.set_council(&[(Setting::NextNumber, "7".into())], "Lan")
        .unwrap();
    let key = |k: DocKind, s: &str, st: Stage| (k, s.to_string(), st);
    let first = ws
        .issue(
            &[
                key(DocKind::Notice, "SNV", Stage::Provisional),
                key(DocKind::Notice, "STP", Stage::Provisional),
            ],
            "Lan",
        )
        .unwrap();
    let refs: Vec<String> = first.iter().map(|i| i.reference()).collect();
    assert_eq!(refs, ["7/TB-HĐTĐ", "8/TB-HĐTĐ"]);
    assert_eq!(first[0].date, NaiveDate::from_ymd_opt(2022, 12, 5).unwrap());
    // Days later: the same notices keep theirs; the final notice and the submission are
    // other documents and take the next numbers, dated that day.
    let mut ws = workspace(&db, 2022, "2022-12-20 00:30:00");
    ws.set_council(&[(Setting::SubmissionSeries, "TTr-HĐTĐCCHC".into())], "Lan")
        .unwrap();
    let again = ws
        .issue(
            &[
                key(DocKind::Notice, "STP", Stage::Provisional),
                key(DocKind::Notice, "SNV", Stage::Final),
                key(DocKind::Submission, "", Stage::Final),
            ],
            "Lan",
        )
        .unwrap();
    let refs: Vec<String> = again.iter().map(|i| i.reference()).collect();
    assert_eq!(refs, ["8/TB-HĐTĐ", "9/TB-HĐTĐ", "10/TTr-HĐTĐCCHC"]);
    assert_eq!(again[0].date, NaiveDate::from_ymd_opt(2022, 12, 5).unwrap());
    // The local day at UTC+7, not the UTC one (17:30 on the 19th).
    assert_eq!(
        again[1].date,
        NaiveDate::from_ymd_opt(2022, 12, 20).unwrap()
    );
    let (c, _) = ws.council().unwrap();
    assert_eq!(c.next_number, 11);
    assert_eq!(ws.issued().unwrap().len(), 4);
    // Each number issued is in the ledger.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let issued: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'issue'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(issued, 4);
    // Numbers already given need no write: a read-only file writes the documents again.
    drop(ws);
    let store = Store::open_read(&db).unwrap().unwrap();
    let mut ws = Workspace::new(store, 2022).unwrap();
    let known = ws
        .issue(&[key(DocKind::Notice, "SNV", Stage::Final)], "Lan")
        .unwrap();
    assert_eq!(known[0].reference(), "9/TB-HĐTĐ");
}
