//! Imports of self-score files larger than one batch and one read buffer: still all or
//! nothing, still located problems, still idempotent; and the schema migration that made
//! them fast keeps what an older file holds.

use std::fmt::Write as _;
use std::path::Path;
use thamdinh::io::criteria::set_from_toml;
use thamdinh::service::{AppError, ImportKind, Workspace};
use thamdinh::store::{Store, schema};

const SET: &str = r#"
group = "so-nganh"
name = "Sở, ban, ngành tỉnh"
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
max = 1
[[nodes]]
code = "1.3"
title = "Kiểm tra"
max = 0.5
"#;

const UNITS: usize = 1_500;

fn workspace(dir: &Path) -> Workspace {
    let store = Store::open(&dir.join("t.sqlite")).unwrap();
    let mut ws = Workspace::new(store, 2022).unwrap();
    ws.save_set(&set_from_toml(Path::new("set.toml"), SET).unwrap(), None)
        .unwrap();
    let mut units = String::from("code,name,group\n");
    for u in 0..UNITS {
        let _ = writeln!(units, "U{u:04},Đơn vị số {u},so-nganh");
    }
    ws.import_text(ImportKind::Units, Path::new("units.csv"), &units)
        .unwrap();
    ws
}

/// 4,500 rows with a BOM, CRLF line ends, notes in Vietnamese (one with a quoted CRLF).
fn self_scores(last_score: &str) -> String {
    let mut text = String::from("\u{feff}unit,item,score,note,evidence\r\n");
    for u in 0..UNITS {
        let _ = write!(
            text,
            "U{u:04},1.1,1.5,Đúng hạn,KH số {u}/KH\r\nU{u:04},1.2,0.75,\"Báo cáo\r\nđủ số liệu\",\r\n"
        );
        let score = if u + 1 == UNITS {
            last_score
        } else {
            "\"0,5\""
        };
        let _ = write!(text, "U{u:04},1.3,{score},,\r\n");
    }
    text
}

/// The self scores in the file, read on a connection of the test's own.
fn rows(ws: &Workspace) -> i64 {
    rusqlite::Connection::open(ws.db_path())
        .unwrap()
        .query_row("SELECT COUNT(*) FROM self_scores", [], |r| r.get(0))
        .unwrap()
}

/// Whether the workspace's connection enforces foreign keys.
fn foreign_keys(ws: &Workspace) -> i64 {
    i64::from(ws.health().unwrap().foreign_keys)
}

#[test]
fn a_large_file_with_one_bad_last_row_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace(dir.path());
    let path = dir.path().join("self_scores.csv");
    std::fs::write(&path, self_scores("0.75")).unwrap();
    let err = ws.import_file(ImportKind::SelfScores, &path).unwrap_err();
    let AppError::File(e) = err else {
        panic!("expected a file error, got {err:?}")
    };
    let (place, _) = e.problems[0].clone();
    // Header, then 4 lines per unit (the quoted CRLF takes two); the last row is the last line.
    let place = place.unwrap();
    assert_eq!((place.line, place.column), (1 + 4 * UNITS, 3), "{e:?}");
    assert_eq!(e.problems.len(), 1);
    assert_eq!(rows(&ws), 0, "nothing written");
    assert_eq!(
        foreign_keys(&ws),
        1,
        "foreign keys back on after a refused import"
    );
}

#[test]
fn a_large_file_imports_once_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace(dir.path());
    let path = dir.path().join("self_scores.csv");
    std::fs::write(&path, self_scores("0")).unwrap();
    let c = ws.import_file(ImportKind::SelfScores, &path).unwrap();
    assert_eq!((c.added, c.changed, c.unchanged), (3 * UNITS, 0, 0));
    assert_eq!(foreign_keys(&ws), 1);
    let c = ws.import_file(ImportKind::SelfScores, &path).unwrap();
    assert_eq!((c.added, c.changed, c.unchanged), (0, 0, 3 * UNITS));
    // One changed score, one new unit's row.
    let text = self_scores("0.25");
    let c = ws
        .import_text(ImportKind::SelfScores, &path, &text)
        .unwrap();
    assert_eq!((c.added, c.changed, c.unchanged), (0, 1, 3 * UNITS - 1));
    let (score, note): (i64, String) = rusqlite::Connection::open(ws.db_path())
        .unwrap()
        .query_row(
            "SELECT score, note FROM self_scores WHERE unit = 'U0007' AND item = '1.2'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((score, note.as_str()), (75, "Báo cáo\nđủ số liệu"));
    let unit = ws.unit("U1499").unwrap();
    let (set, sheet) = ws.sheet(&unit).unwrap();
    assert_eq!(sheet.totals(set).tree.self_total.to_string(), "2.5");
}

#[test]
fn a_duplicate_far_apart_names_the_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace(dir.path());
    let mut text = self_scores("0");
    text.push_str("U0003,1.2,0,,\r\n");
    let e = match ws.import_text(ImportKind::SelfScores, Path::new("s.csv"), &text) {
        Err(AppError::File(e)) => e,
        other => panic!("expected a file error, got {other:?}"),
    };
    let rendered = e.render(thamdinh::i18n::Lang::En);
    assert!(
        rendered.contains(&format!(
            "s.csv:{}:2: column item: duplicates line 15",
            2 + 4 * UNITS
        )),
        "{rendered}"
    );
    assert_eq!(rows(&ws), 0);
}

#[test]
fn the_migration_to_version_2_keeps_self_scores_and_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let mut c = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut c, 1).unwrap();
        c.execute_batch(
            "INSERT INTO sets (year, group_code, name, appraisal_max, survey_max, bands)
                 VALUES (2022, 'so-nganh', 'Sở', 300, 200, 'A:90,D:0');
             INSERT INTO units (year, code, name, group_code) VALUES (2022, 'SNV', 'Sở Nội vụ', 'so-nganh');
             INSERT INTO self_scores VALUES (2022, 'SNV', '1.1', 150, 'Đúng hạn', 'KH 01');
             INSERT INTO self_scores VALUES (2022, 'SNV', '1.2', NULL, '', '');
             INSERT INTO decisions VALUES (2022, 'SNV', '1.1', 'adjusted', 50, 'Chậm', 'Lan',
                 '2022-12-01T08:00:00Z', 1);",
        )
        .unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }
    let store = Store::open(&path).unwrap();
    let c = store.conn();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, schema::VERSION);
    let scores: Vec<(String, Option<i64>, String)> = c
        .prepare("SELECT item, score, note FROM self_scores ORDER BY item")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        scores,
        [
            ("1.1".to_string(), Some(150), "Đúng hạn".to_string()),
            ("1.2".to_string(), None, String::new())
        ]
    );
    let d: (String, i64, String) = c
        .query_row("SELECT state, score, comment FROM decisions", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(d, ("adjusted".to_string(), 50, "Chậm".to_string()));
    for table in ["self_scores", "decisions"] {
        let sql: String = c
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(sql.contains("WITHOUT ROWID"), "{sql}");
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let fk: i64 = c
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}

#[test]
fn rankings_on_two_connections_equal_the_rankings_one_by_one() {
    use thamdinh::domain::{Mode, Verdict};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    let mut ws = Workspace::new(store, 2022).unwrap();
    thamdinh::service::build_demo(&mut ws).unwrap();
    for (unit, item, verdict) in [
        ("SNV", "1.1.1", Verdict::Agree),
        ("STP", "1.1.2", Verdict::RequestExplanation),
    ] {
        let (unit, item) = Workspace::codes(unit, item).unwrap();
        ws.decide(&unit, &item, verdict, "", "Lan").unwrap();
    }
    let groups: Vec<String> = ws.groups().unwrap().into_iter().map(|g| g.0).collect();
    assert_eq!(groups.len(), 4);
    let codes: Vec<&str> = groups.iter().map(String::as_str).collect();
    let together = ws.rankings(&codes, Mode::Provisional);
    for (code, r) in codes.iter().zip(together) {
        let one = ws.ranking(code, Mode::Provisional).unwrap();
        assert_eq!(format!("{:?}", r.unwrap()), format!("{one:?}"), "{code}");
    }
    // The lean scores read for rankings give the totals of the full sheets.
    let store = Store::open(ws.db_path()).unwrap();
    for code in &codes {
        let set = ws.set(code).unwrap();
        let units = store.units(2022, Some(code)).unwrap();
        let mut lean = Vec::new();
        store
            .score_sheets(2022, set, &units, |u, s| {
                lean.push((u.code.clone(), s.totals(set)))
            })
            .unwrap();
        assert_eq!(lean.len(), units.len());
        for (unit, totals) in lean {
            let full = store.sheet(2022, set, &unit).unwrap();
            assert_eq!(totals, full.totals(set), "{unit}");
        }
    }
    // A final ranking is refused the same way on both paths.
    let finals = ws.rankings(&codes, Mode::Final);
    assert!(finals.iter().all(Result::is_err));
}
