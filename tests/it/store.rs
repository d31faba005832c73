//! The store on real SQLite files in temporary directories.

use std::path::Path;
use thamdinh::domain::{ItemCode, Points, SelfScore, State, UnitCode};
use thamdinh::io::criteria::set_from_toml;
use thamdinh::store::{ImportCount, SelfScoreWrite, Store, StoreError, UnitRow, schema};

const SET: &str = r#"
group = "so-nganh"
name = "Sở, ban, ngành tỉnh"
short_name = "Sở, ban, ngành"
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
title = "Chỉ đạo, điều hành"
max = 3
[[nodes]]
code = "1.1"
title = "Kế hoạch"
max = 1.5
options = [ { label = "Đúng hạn", points = 1.5 }, { label = "Chậm", points = 0.5 } ]
[[nodes]]
code = "1.2"
title = "Báo cáo"
max = 1.5
"#;

fn p(s: &str) -> Points {
    Points::parse(s).unwrap()
}

fn unit() -> UnitCode {
    UnitCode::parse("SNV").unwrap()
}

fn item(c: &str) -> ItemCode {
    ItemCode::parse(c).unwrap()
}

fn setup(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("t.sqlite")).unwrap();
    let set = set_from_toml(Path::new("set.toml"), SET).unwrap();
    assert!(store.save_set(&set, None).unwrap());
    store
        .import_units(
            2022,
            &[UnitRow {
                code: unit(),
                name: "Sở Nội vụ".into(),
                group: "so-nganh".into(),
                ranked: true,
                closed: false,
                survey: None,
            }],
            None,
        )
        .unwrap();
    put_self_scores(
        &mut store,
        &[SelfScoreWrite {
            unit: "SNV",
            item: "1.1",
            score: SelfScore::Points(p("1.5")),
            note: "Đúng hạn",
            evidence: "KH 01/KH-SNV",
        }],
    );
    store
}

/// Self scores written as the import writes them: one transaction, rows through the sink.
fn put_self_scores(store: &mut Store, rows: &[SelfScoreWrite<'_>]) -> ImportCount {
    store
        .import_self_scores_with(2022, |sink| sink.put_all(rows).map(|()| None))
        .unwrap()
}

#[test]
fn opens_with_the_pragmas_that_keep_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.sqlite")).unwrap();
    let c = store.conn();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let fk: i64 = c
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let busy: i64 = c
        .query_row("PRAGMA busy_timeout", [], |r| r.get(0))
        .unwrap();
    let page: i64 = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    assert_eq!(
        page,
        thamdinh::store::PAGE_SIZE,
        "a new file gets the large pages"
    );
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "synchronous = FULL");
    assert_eq!(fk, 1);
    assert_eq!(version, schema::VERSION);
    assert!(busy >= 1000);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn refuses_a_file_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    match Store::open(&path) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
}

#[test]
fn a_set_round_trips_and_saving_it_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let set = set_from_toml(Path::new("set.toml"), SET).unwrap();
    assert_eq!(store.load_set(2022, "so-nganh").unwrap(), set);
    assert!(!store.save_set(&set, None).unwrap());
}

#[test]
fn named_bands_with_an_exclusive_bound_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let text = SET.replace(
        "[[bands]]\ncode = \"A\"\nmin = 90\n[[bands]]\ncode = \"D\"\nmin = 0\n",
        "band_preset = \"soc-trang\"\n",
    );
    let set = set_from_toml(Path::new("set.toml"), &text).unwrap();
    assert_eq!(set.bands, thamdinh::domain::criteria::Band::soc_trang());
    assert!(store.save_set(&set, None).unwrap());
    drop(store);
    let store = Store::open(&dir.path().join("t.sqlite")).unwrap();
    assert_eq!(store.load_set(2022, "so-nganh").unwrap(), set);
}

#[test]
fn a_sets_decision_round_trips_and_an_old_file_reads_its_sets_as_illustrative() {
    use thamdinh::domain::SetSource;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let mut c = rusqlite::Connection::open(&path).unwrap();
        // The last version before sets named their decision.
        schema::migrate_to(&mut c, 9).unwrap();
        c.execute_batch(
            "INSERT INTO sets (year, group_code, name, appraisal_max, survey_max, bands)
                 VALUES (2022, 'so-nganh', 'Sở, ban, ngành tỉnh', 300, 200, 'A:90,D:0');
             INSERT INTO nodes (year, group_code, code, position, parent, kind, title, max,
                     min, is_item)
                 VALUES (2022, 'so-nganh', '1', 0, NULL, 'regular', 'Chỉ đạo', 300, 0, 1);",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let old = store.load_set(2022, "so-nganh").unwrap();
    assert_eq!(old.source, SetSource::Illustrative);
    let text = SET.replacen(
        "survey_max = 2\n",
        "survey_max = 2\n[source]\nnumber = \"1941/QĐ-UBND\"\ndate = \"07/8/2023\"\n\
         issuer = \"Ủy ban nhân dân tỉnh Sóc Trăng\"\n",
        1,
    );
    let set = set_from_toml(Path::new("set.toml"), &text).unwrap();
    assert_eq!(
        set.source,
        SetSource::Decision {
            number: "1941/QĐ-UBND".into(),
            date: "07/8/2023".into(),
            issuer: "Ủy ban nhân dân tỉnh Sóc Trăng".into(),
        }
    );
    assert!(store.save_set(&set, None).unwrap());
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.load_set(2022, "so-nganh").unwrap(), set);
}

#[test]
fn a_file_of_version_2_gains_the_short_name_and_keeps_its_sets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let mut c = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut c, 2).unwrap();
        c.execute_batch(
            "INSERT INTO sets (year, group_code, name, appraisal_max, survey_max, bands)
                 VALUES (2022, 'so-nganh', 'Sở, ban, ngành tỉnh', 300, 200, 'A:90,D:0');
             INSERT INTO nodes (year, group_code, code, position, parent, kind, title, max,
                     min, is_item)
                 VALUES (2022, 'so-nganh', '1', 0, NULL, 'regular', 'Chỉ đạo', 300, 0, 1);",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let version: i64 = store
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::VERSION);
    // The set of the old file is still there, without a short name.
    let old = store.load_set(2022, "so-nganh").unwrap();
    assert_eq!(old.name, "Sở, ban, ngành tỉnh");
    assert_eq!(old.short_name, None);
    assert_eq!(old.appraisal_max, p("3"));
    // Loading the set again from its file brings the short name in.
    let set = set_from_toml(Path::new("set.toml"), SET).unwrap();
    assert!(store.save_set(&set, None).unwrap());
    let new = store.load_set(2022, "so-nganh").unwrap();
    assert_eq!(new.short_name.as_deref(), Some("Sở, ban, ngành"));
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_set_that_drops_a_used_item_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let smaller = SET
        .replace("max = 1.5\noptions", "max = 3\noptions")
        .replace(
            "options = [ { label = \"Đúng hạn\", points = 1.5 }, { label = \"Chậm\", points = 0.5 } ]",
            "",
        );
    let smaller = smaller[..smaller.find("[[nodes]]\ncode = \"1.2\"").unwrap()].to_string();
    let set = set_from_toml(
        Path::new("set.toml"),
        &smaller.replace("code = \"1.1\"", "code = \"1.9\""),
    )
    .unwrap();
    assert!(matches!(
        store.save_set(&set, None),
        Err(StoreError::SetInUse { .. })
    ));
    // Still the old set.
    assert!(
        store
            .load_set(2022, "so-nganh")
            .unwrap()
            .find(&item("1.1"))
            .is_some()
    );
}

#[test]
fn every_decision_leaves_an_audit_row_and_undo_puts_back_the_previous_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let d1 = store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Agreed,
            Some(p("1.5")),
            "",
            "Lan",
        )
        .unwrap();
    assert_eq!(d1.state, State::Agreed);
    assert_eq!(d1.appraiser, "Lan");
    let d2 = store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Adjusted,
            Some(p("0.5")),
            "Chậm 3 ngày",
            "Lan",
        )
        .unwrap();
    assert_eq!(d2.score, Some(p("0.5")));
    let audit = store.audit(2022, Some("SNV")).unwrap();
    assert_eq!(audit.len(), 2);
    assert_eq!(audit[1].old_state.as_deref(), Some("agreed"));
    assert_eq!(audit[1].old_score, Some(p("1.5")));
    assert_eq!(audit[1].new_state.as_deref(), Some("adjusted"));
    assert_eq!(audit[1].new_score, Some(p("0.5")));
    assert_eq!(audit[1].comment, "Chậm 3 ngày");
    assert!(audit[0].id < audit[1].id);

    let undone = store.undo_last(2022, &unit(), "Lan").unwrap();
    assert_eq!(
        undone.restored.as_ref().map(|d| d.state),
        Some(State::Agreed)
    );
    let undone = store.undo_last(2022, &unit(), "Lan").unwrap();
    assert_eq!(undone.restored, None);
    assert!(matches!(
        store.undo_last(2022, &unit(), "Lan"),
        Err(StoreError::NothingToUndo)
    ));
    let set = store.load_set(2022, "so-nganh").unwrap();
    let sheet = store.sheet(2022, &set, &unit()).unwrap();
    assert!(sheet.records.iter().all(|r| r.decision.is_none()));
    let actions: Vec<String> = store
        .audit(2022, None)
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, ["decide", "decide", "undo", "undo"]);
}

#[test]
fn undo_does_not_overwrite_what_another_appraiser_decided_since() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Agreed,
            Some(p("1.5")),
            "",
            "Lan",
        )
        .unwrap();
    store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Adjusted,
            Some(p("0.5")),
            "",
            "Minh",
        )
        .unwrap();
    assert!(matches!(
        store.undo_last(2022, &unit(), "Lan"),
        Err(StoreError::UndoStale { .. })
    ));
}

#[test]
fn the_audit_log_is_append_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Agreed,
            Some(p("1.5")),
            "",
            "Lan",
        )
        .unwrap();
    assert!(
        store
            .conn()
            .execute("UPDATE audit SET appraiser = 'x'", [])
            .is_err()
    );
    assert!(store.conn().execute("DELETE FROM audit", []).is_err());
}

#[test]
fn a_closed_unit_refuses_decisions_until_reopened_and_both_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    store
        .set_closed(2022, &unit(), true, "Lan", "Xong vòng 2")
        .unwrap();
    assert!(matches!(
        store.decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Agreed,
            Some(p("1.5")),
            "",
            "Lan"
        ),
        Err(StoreError::UnitClosed(_))
    ));
    store
        .set_closed(2022, &unit(), false, "Lan", "Sửa sai sót")
        .unwrap();
    store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Agreed,
            Some(p("1.5")),
            "",
            "Lan",
        )
        .unwrap();
    let actions: Vec<(String, String)> = store
        .audit(2022, None)
        .unwrap()
        .into_iter()
        .map(|a| (a.action, a.comment))
        .collect();
    assert_eq!(
        actions,
        [
            ("close".to_string(), "Xong vòng 2".to_string()),
            ("reopen".to_string(), "Sửa sai sót".to_string()),
            ("decide".to_string(), String::new())
        ]
    );
}

#[test]
fn a_decision_after_an_explanation_request_is_round_two() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let d = store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::ExplanationRequested,
            None,
            "Bổ sung minh chứng",
            "Lan",
        )
        .unwrap();
    assert_eq!(d.round, 1);
    let d = store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Agreed,
            Some(p("1.5")),
            "",
            "Lan",
        )
        .unwrap();
    assert_eq!(d.round, 2);
}

#[test]
fn a_second_connection_sees_a_decision_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let other = Store::open(&dir.path().join("t.sqlite")).unwrap();
    let before = other.data_version().unwrap();
    store
        .decide(
            2022,
            &unit(),
            &item("1.1"),
            State::Agreed,
            Some(p("1.5")),
            "",
            "Lan",
        )
        .unwrap();
    assert_ne!(other.data_version().unwrap(), before);
    let set = other.load_set(2022, "so-nganh").unwrap();
    let sheet = other.sheet(2022, &set, &unit()).unwrap();
    let i = set.index_of(&item("1.1")).unwrap();
    assert_eq!(
        sheet.records[i].decision.as_ref().unwrap().state,
        State::Agreed
    );
}

#[test]
fn importing_the_same_rows_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let row = SelfScoreWrite {
        unit: "SNV",
        item: "1.1",
        score: SelfScore::Points(p("1.5")),
        note: "Đúng hạn",
        evidence: "KH 01/KH-SNV",
    };
    let c = put_self_scores(&mut store, std::slice::from_ref(&row));
    assert_eq!((c.added, c.changed, c.unchanged), (0, 0, 1));
    let changed = SelfScoreWrite {
        score: SelfScore::NotApplicable,
        ..row
    };
    let c = put_self_scores(&mut store, &[changed]);
    assert_eq!((c.added, c.changed, c.unchanged), (0, 1, 0));
}

/// Undo takes back a verdict, never what a member wrote (issue 19): the comment stays on the
/// verdict put back, and when there is none to put back it is kept on the item until the next
/// decision takes it. A comment on an undecided item is kept the same way. The log says so
/// and `verify` agrees.
#[test]
fn undo_takes_back_the_verdict_and_keeps_the_comment() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = setup(dir.path());
    let (y, u, i) = (2022, unit(), item("1.1"));
    let comment = "Thiếu minh chứng:\n- kế hoạch\n- báo cáo quý";
    store
        .decide(y, &u, &i, State::Agreed, Some(p("1.5")), "", "Lan")
        .unwrap();
    store
        .decide(y, &u, &i, State::Adjusted, Some(p("0.5")), comment, "Lan")
        .unwrap();
    let set = store.load_set(y, "so-nganh").unwrap();
    let record = |store: &Store| {
        store.sheet(y, &set, &u).unwrap().records[set.index_of(&i).unwrap()].clone()
    };

    // The verdict before comes back; the comment written since stays.
    let undone = store.undo_last(y, &u, "Lan").unwrap();
    let d = undone.restored.unwrap();
    assert_eq!((d.state, d.score), (State::Agreed, Some(p("1.5"))));
    assert_eq!(d.comment, comment);
    assert_eq!(record(&store).decision.unwrap().comment, comment);

    // Nothing before: the item is undecided again, its comment kept on it.
    let undone = store.undo_last(y, &u, "Lan").unwrap();
    assert_eq!(undone.restored, None);
    let r = record(&store);
    assert_eq!(r.decision, None);
    let kept = r.kept.expect("the comment is kept on the undecided item");
    assert_eq!(
        (kept.text.as_str(), kept.appraiser.as_str()),
        (comment, "Lan")
    );
    let audit = store.audit(y, Some("SNV")).unwrap();
    assert_eq!(
        audit.last().unwrap().comment,
        comment,
        "the log keeps it too"
    );

    // The next decision takes it (the caller sends it); nothing is kept twice.
    store
        .decide(y, &u, &i, State::Agreed, Some(p("1.5")), comment, "Minh")
        .unwrap();
    assert_eq!(record(&store).kept, None);

    // A comment on an undecided item is kept until its decision, and logged.
    let other = item("1.2");
    store
        .set_comment(y, &u, &other, "Hỏi lại sở", "Minh")
        .unwrap();
    let r = store.sheet(y, &set, &u).unwrap().records[set.index_of(&other).unwrap()].clone();
    assert_eq!(r.kept.map(|k| k.text), Some("Hỏi lại sở".to_string()));
    let v = store.verify_ledger(None).unwrap();
    assert!(v.breaks.is_empty(), "{:?}", v.breaks);

    // A kept comment changed with SQL is caught.
    store
        .conn()
        .execute("UPDATE kept_comments SET comment = 'khác'", [])
        .unwrap();
    let v = store.verify_ledger(None).unwrap();
    assert!(!v.breaks.is_empty());
}
