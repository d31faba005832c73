//! The years on the real binary and real files: a year decided, published, rolled over into
//! the next and appraised there; publishing refused with its reasons; unpublishing audited;
//! history imported against what was published; the history printed.

use crate::common;
use common::*;
use std::collections::HashMap;
use std::path::Path;

const WHO: &str = "Nguyễn Thị Lan";

/// Agrees with every self score of the demo year (one batch; the items the set says do not
/// apply to a unit are refused, and need no decision).
pub(crate) fn decide_everything(db: &Path, year: &str, units: Option<&[&str]>) {
    let text = std::fs::read_to_string(demo_file("self_scores.csv")).unwrap();
    let mut batch = String::new();
    for line in text.lines().skip(1) {
        let mut cells = line.split(',');
        let (unit, item) = (cells.next().unwrap(), cells.next().unwrap());
        if units.is_none_or(|us| us.contains(&unit)) {
            batch.push_str(&format!("{unit} {item} agree Đồng ý\n"));
        }
    }
    let file = write(db.parent().unwrap(), "batch.txt", batch);
    let out = run(
        db,
        &[
            "--lang",
            "en",
            "--year",
            year,
            "--appraiser",
            WHO,
            "decide",
            "--batch",
            file.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8(out.stderr).unwrap();
    for line in err
        .lines()
        .filter(|l| l.starts_with(file.to_str().unwrap()))
    {
        assert!(
            line.contains("the criteria set already says it does not apply"),
            "{line}"
        );
    }
}

/// The ranking CSV of a year as (unit → row by column name).
pub(crate) fn ranking(db: &Path, year: &str) -> HashMap<String, HashMap<String, String>> {
    let csv = ok(db, &["--year", year, "rank", "--format", "csv"]);
    let body = csv.strip_prefix('\u{feff}').unwrap();
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let heads: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let row: HashMap<String, String> = heads
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect();
            (row["unit"].clone(), row)
        })
        .collect()
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_year_is_published_rolled_over_and_the_next_takes_its_published_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    decide_everything(&db, "2022", None);
    let final_2022 = ok(&db, &["--lang", "en", "rank", "--final"]);
    assert!(final_2022.contains("Ranking final"), "{final_2022}");

    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            WHO,
            "publish",
            "--comment",
            "Quyết định 123/QĐ-UBND",
        ],
    );
    assert!(
        out.starts_with("Published the results of 2022: 47 units of 4 groups"),
        "{out}"
    );
    assert!(
        out.contains("  so-nganh (Sở, ban, ngành tỉnh): 21 units, 20 ranked, mean "),
        "{out}"
    );
    let published_2022 = ranking(&db, "2022");
    // The publication is sealed: the ledger holds.
    let v = ok(&db, &["--lang", "en", "verify"]);
    assert!(v.starts_with("The audit ledger holds"), "{v}");

    let out = ok(
        &db,
        &["--lang", "en", "--appraiser", WHO, "new-year", "2023"],
    );
    assert!(
        out.starts_with(
            "Created 2023: 4 criteria sets (copied from 2022), 47 units of 2022 (their groups and ranked kept); no scores yet."
        ),
        "{out}"
    );
    // The new year's sets and units are sealed by the write that made them.
    let v = ok(&db, &["--lang", "en", "verify"]);
    assert!(v.starts_with("The audit ledger holds"), "{v}");
    assert!(
        out.contains("The previous index of 2023 is the published result of 2022."),
        "{out}"
    );
    // Nothing of 2022 came from an imported history: the database holds it.
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM history WHERE year = 2022"),
        0
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM units WHERE year = 2023"),
        47
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM units WHERE year = 2023 AND ranked = 0 AND code = 'VPDDBQH'"
        ),
        1,
        "the not-ranked unit stays not ranked"
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM self_scores WHERE year = 2023")
            + count(&db, "SELECT COUNT(*) FROM decisions WHERE year = 2023"),
        0,
        "no scores"
    );

    // 2023 is the newest year: its previous index is 2022's published index, unit by unit.
    let y2023 = ranking(&db, "2023");
    assert_eq!(y2023.len(), 47);
    for (unit, row) in &y2023 {
        assert_eq!(
            row["previous_index"], published_2022[unit]["index"],
            "{unit}: previous index of 2023 = published index of 2022"
        );
    }

    // The council appraises a unit in 2023.
    for (kind, file) in [("self-scores", "self_scores.csv"), ("survey", "survey.csv")] {
        ok(
            &db,
            &[
                "--year",
                "2023",
                "import",
                kind,
                demo_file(file).to_str().unwrap(),
            ],
        );
    }
    decide_everything(&db, "2023", Some(&["SNV"]));
    ok(
        &db,
        &[
            "--appraiser",
            WHO,
            "decide",
            "SNV",
            "1.1.1",
            "0",
            "--comment",
            "Chưa ban hành kế hoạch",
        ],
    );
    let snv = &ranking(&db, "2023")["SNV"];
    assert_eq!(snv["decided_items"], snv["total_items"]);
    assert_eq!(snv["previous_index"], published_2022["SNV"]["index"]);
    let change: f64 = snv["change"].parse().unwrap();
    assert!(change < 0.0, "one point taken off: {change}");

    // The unit's path: imported years, the published 2022, the provisional 2023.
    let path = ok(&db, &["--lang", "en", "history", "--unit", "SNV"]);
    assert!(path.contains("2021    82.96"), "{path}");
    let line_2022 = path.lines().find(|l| l.starts_with("2022")).unwrap();
    assert!(
        line_2022.contains(&published_2022["SNV"]["index"]),
        "{path}"
    );
    assert!(line_2022.ends_with("published"), "{path}");
    assert!(
        path.lines()
            .find(|l| l.starts_with("2023"))
            .unwrap()
            .ends_with("provisional"),
        "{path}"
    );
}

#[test]
fn publish_is_refused_with_every_groups_reason_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    decide_everything(&db, "2022", Some(&["SNV", "STP"]));
    let before = dump(&db);
    let err = fails(&db, &["--lang", "en", "--appraiser", WHO, "publish"]);
    assert!(
        err.starts_with(
            "The results of 2022 were not published: every group needs its final ranking; nothing was written."
        ),
        "{err}"
    );
    for g in [
        "Sở, ban, ngành tỉnh (so-nganh)",
        "UBND cấp huyện (huyen)",
        "Đơn vị sự nghiệp công lập tỉnh (dvsn)",
        "Cơ quan Trung ương đóng trên địa bàn tỉnh (trung-uong)",
    ] {
        assert!(
            err.contains(&format!("\n  - No final ranking for {g} yet: ")),
            "{err}"
        );
    }
    assert!(err.contains("items of 19 units are not decided"), "{err}");
    let err = fails(&db, &["--appraiser", WHO, "publish"]);
    assert!(
        err.starts_with("Chưa công bố được kết quả năm 2022"),
        "{err}"
    );
    assert_eq!(dump(&db), before);
}

#[test]
fn a_published_year_changes_only_after_an_audited_unpublishing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    decide_everything(&db, "2022", None);
    ok(&db, &["--appraiser", WHO, "publish"]);
    let before = dump(&db);
    let en = ["--lang", "en", "--appraiser", WHO];
    let published = "The results of 2022 are published and cannot change.";
    for args in [
        &["decide", "SNV", "1.1.1", "0"][..],
        &["decide", "SNV", "1.1.1", "agree", "--comment", "x"][..],
        &["close", "SNV"][..],
        &["reopen", "SNV"][..],
        &[
            "import",
            "survey",
            demo_file("survey.csv").to_str().unwrap(),
        ][..],
    ] {
        let err = fails(&db, &[&en[..], args].concat());
        assert!(err.starts_with(published), "{args:?}: {err}");
    }
    let err = fails(&db, &[&en[..], &["publish"]].concat());
    assert!(
        err.starts_with("The results of 2022 were already published at "),
        "{err}"
    );
    // Unpublishing needs a reason.
    let err = fails(&db, &[&en[..], &["unpublish", "--comment", " "]].concat());
    assert!(err.contains("Unpublishing needs a reason"), "{err}");
    assert_eq!(dump(&db), before);

    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "Trần Văn Bình",
            "unpublish",
            "--comment",
            "Sở Nội vụ giải trình lại tiêu chí 1.1.1",
        ],
    );
    assert!(
        out.starts_with("Unpublished the results of 2022 (published at "),
        "{out}"
    );
    assert!(out.contains(&format!("by {WHO})")), "{out}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let audit: Vec<(String, String, i64, String, String)> = conn
        .prepare(
            "SELECT action, appraiser, year, unit, comment FROM audit
             WHERE action IN ('publish', 'unpublish') ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        audit,
        vec![
            (
                "publish".into(),
                WHO.into(),
                2022,
                String::new(),
                String::new()
            ),
            (
                "unpublish".into(),
                "Trần Văn Bình".into(),
                2022,
                String::new(),
                "Sở Nội vụ giải trình lại tiêu chí 1.1.1".into()
            ),
        ]
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM published"), 0);
    // The decisions change again.
    let out = ok(&db, &[&en[..], &["decide", "SNV", "1.1.1", "0"]].concat());
    assert!(out.starts_with("Recorded: SNV 1.1.1 → 0"), "{out}");
    let err = fails(
        &db,
        &[&en[..], &["unpublish", "--comment", "again"]].concat(),
    );
    assert_eq!(err.trim_end(), "The results of 2022 are not published.");
}

#[test]
fn new_year_refuses_a_year_that_exists_and_a_year_with_nothing_to_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let en = ["--lang", "en", "--appraiser", WHO];
    let before = dump(&db);
    let err = fails(
        &db,
        &[&en[..], &["new-year", "2022", "--from", "2021"]].concat(),
    );
    assert_eq!(
        err.trim_end(),
        "The year 2022 already exists in the database (it has criteria sets or units); nothing was written."
    );
    let err = fails(&db, &[&en[..], &["new-year", "2031"]].concat());
    assert!(
        err.starts_with("The database has no criteria sets for 2030"),
        "{err}"
    );
    assert_eq!(dump(&db), before);
    // Without a database nothing is created.
    let none = dir.path().join("none.sqlite");
    let err = fails(&none, &[&en[..], &["new-year", "2023"]].concat());
    assert!(err.starts_with("There is no database at"), "{err}");
    assert!(!none.exists());
}

#[test]
fn a_copied_set_can_be_replaced_while_no_decision_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = ok(&db, &["--appraiser", WHO, "new-year", "2023"]);
    assert!(
        out.contains("Năm 2022 chưa công bố: chỉ số năm trước của năm 2023 lấy từ lịch sử đã nhập"),
        "{out}"
    );
    let toml = std::fs::read_to_string(root().join("data/criteria/2022/dvsn.toml")).unwrap();
    let toml = toml.replace("\nyear = 2022\n", "\nyear = 2023\n").replacen(
        "title = \"",
        "title = \"(2023) ",
        1,
    );
    let file = write(dir.path(), "dvsn-2023.toml", toml);
    let out = ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "criteria",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.starts_with("Đã nạp bộ chỉ số dvsn năm 2023"), "{out}");
    // 2022 is neither published nor in the imported history: 2023 has no previous index.
    let y2023 = ranking(&db, "2023");
    assert!(y2023.values().all(|r| r["previous_index"].is_empty()));
}

#[test]
fn import_history_says_when_a_published_result_differs_and_the_published_wins() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    decide_everything(&db, "2022", None);
    ok(&db, &["--appraiser", WHO, "publish"]);
    let published = ranking(&db, "2022");
    let snv = &published["SNV"]["index"];
    let stp = &published["STP"]["index"];
    let file = write(
        dir.path(),
        "history-2022.csv",
        format!("unit,year,index\nSNV,2022,50.00\nSTP,2022,{stp}\nSTC,2022,60.5\n"),
    );
    let out = ok(
        &db,
        &["--lang", "en", "import", "history", file.to_str().unwrap()],
    );
    assert_eq!(
        out.trim_end(),
        format!(
            "Imported history: 3 added, 0 changed, 0 unchanged.\n2 rows differ from the result published in this database for the same unit and year (e.g. SNV 2022: 50.00 imported, {snv} published); the published result is the one used."
        )
    );
    ok(&db, &["--appraiser", WHO, "new-year", "2023"]);
    let y2023 = ranking(&db, "2023");
    assert_eq!(&y2023["SNV"]["previous_index"], snv);
    assert_eq!(&y2023["STC"]["previous_index"], &published["STC"]["index"]);
}

#[test]
fn the_history_prints_the_province_against_the_targets_and_the_groups_means() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = ok(&db, &["--lang", "en", "history", "--province"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("The province — index and national rank by year"));
    assert_eq!(lines[1], "Year  Index %  Change   Rank  Target      Result");
    assert_eq!(lines[2], "2016    74.02       —  49/63  —           —");
    assert_eq!(lines[7], "2021    84.51   +0.88  18/63  —           —");
    assert_eq!(
        lines[8],
        "2022        —       —      —  ≤15 (2025)  ○ to come"
    );
    assert_eq!(
        lines[12],
        "2026        —       —      —  ≤14         ○ to come"
    );
    assert_eq!(lines.len(), 17, "2016 to 2030");

    // The group means of the imported years are the source document's.
    let out = ok(&db, &["--lang", "en", "history", "--group", "dvsn"]);
    for mean in ["47.30", "59.19", "66.14", "71.48", "70.37", "73.96"] {
        assert!(out.contains(mean), "{mean}: {out}");
    }
    let csv = ok(&db, &["history", "--group", "huyen", "--format", "csv"]);
    let body = csv.strip_prefix('\u{feff}').expect("a BOM");
    assert!(body.starts_with(
        "group,group_name,year,units,mean,province_previous,above_province,rose,compared,note\r\n"
    ));
    assert!(
        body.contains("huyen,UBND cấp huyện,2016,11,52.95,,,0,0,\r\n"),
        "{body}"
    );
    // Every unit's years (2022 provisional from the self scores).
    let csv = ok(&db, &["history", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1 + 272 - 6 + 47);
    let err = fails(&db, &["history", "--group", "huyen", "--unit", "SNV"]);
    assert!(err.contains("--unit"), "{err}");
}

#[test]
fn a_rank_beyond_the_ranked_count_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = dump(&db);
    let file = write(
        dir.path(),
        "h.csv",
        "unit,year,index,rank,ranked_of\nprovince,2015,70,64,63\nprovince,2014,69,0,63\n",
    );
    let err = fails(
        &db,
        &["--lang", "en", "import", "history", file.to_str().unwrap()],
    );
    assert!(
        err.contains("h.csv:2:4: column rank: rank 64 is beyond the number ranked (63)"),
        "{err}"
    );
    assert!(
        err.contains("h.csv:3:4: column rank: '0' is not a rank (a whole number from 1)"),
        "{err}"
    );
    assert_eq!(dump(&db), before);
}

/// A publication is computed from what the database held; when another session commits in
/// between, the store refuses it rather than publish a result the database no longer holds.
#[test]
fn a_publication_computed_before_another_sessions_write_is_refused() {
    use thamdinh::domain::UnitCode;
    use thamdinh::store::{Store, StoreError};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut mine = Store::open(&db).unwrap();
    let seen = mine.data_version().unwrap();
    let mut other = Store::open(&db).unwrap();
    other
        .set_closed(2022, &UnitCode::parse("SNV").unwrap(), true, "Bình", "")
        .unwrap();
    assert!(matches!(
        mine.publish(2022, &[], WHO, "", seen),
        Err(StoreError::ChangedMeanwhile(2022))
    ));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM publications"), 0);
    let seen = mine.data_version().unwrap();
    mine.publish(2022, &[], WHO, "", seen).unwrap();
    assert!(matches!(
        mine.publish(2022, &[], WHO, "", seen),
        Err(StoreError::YearPublished(2022))
    ));
    // Closing and reopening a unit of a published year are refused too.
    assert!(matches!(
        other.set_closed(2022, &UnitCode::parse("SNV").unwrap(), false, "Bình", ""),
        Err(StoreError::YearPublished(2022))
    ));
}

/// A file of schema 3 (before the years) keeps its history when it moves to schema 4.
#[test]
fn a_schema_3_file_keeps_its_history() {
    use thamdinh::store::{Store, schema};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        schema::migrate_to(&mut conn, 3).unwrap();
        conn.execute(
            "INSERT INTO history (unit, year, idx) VALUES ('province', 2021, 8451)",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&db).unwrap();
    let rows = store.history_rows().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].year, rows[0].rank, rows[0].ranked_of),
        (2021, None, None)
    );
    assert_eq!(rows[0].index.fixed2(), "84.51");
    assert_eq!(count(&db, "PRAGMA user_version"), schema::VERSION);
}

/// The final ranking of a year as CSV, read as (unit → (rank, index, band)).
fn final_of(db: &Path) -> HashMap<String, (String, String, String)> {
    let csv = ok(db, &["rank", "--final", "--format", "csv"]);
    let body = csv.strip_prefix('\u{feff}').unwrap();
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let heads: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| heads.iter().position(|h| h == name).unwrap();
    let (u, rank, idx, band) = (col("unit"), col("rank"), col("index"), col("band"));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                rec[u].to_string(),
                (
                    rec[rank].to_string(),
                    rec[idx].to_string(),
                    rec[band].to_string(),
                ),
            )
        })
        .collect()
}

/// Issue 21 §1: one UPDATE of the stored copy of SNV's totals moved it from 10th to 2nd in
/// `rank --final`, was published so, and `verify` said the ledger held.
#[test]
fn a_tampered_copy_of_the_totals_is_never_final_nor_published_and_verify_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    decide_everything(&db, "2022", None);
    // The copy is written by the rankings that read it.
    ok(&db, &["rank"]);
    let honest = final_of(&db);
    let tamper = "UPDATE unit_totals SET appraised=6300, provisional=6300 WHERE unit='SNV'";
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(tamper)
        .unwrap();
    assert_eq!(
        count(&db, "SELECT appraised FROM unit_totals WHERE unit = 'SNV'"),
        6300
    );
    // The final ranking is computed from the scores.
    assert_eq!(final_of(&db), honest);
    // verify names the copy and both values.
    let err = fails(&db, &["--lang", "en", "verify"]);
    assert!(
        err.contains("The stored total of unit SNV (2022) is 63.00, but its scores give "),
        "{err}"
    );
    // What is published is what the scores give.
    ok(&db, &["--appraiser", WHO, "publish"]);
    let (rank, idx, band) = &honest["SNV"];
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (p_rank, p_idx, p_band): (Option<i64>, Option<i64>, Option<String>) = conn
        .query_row(
            "SELECT rank, idx, band FROM published WHERE year = 2022 AND unit = 'SNV'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        p_rank.map(|r| r.to_string()).as_deref(),
        Some(rank.as_str())
    );
    assert_eq!(
        p_idx
            .map(|i| thamdinh::domain::Points::from_hundredths(i).fixed2())
            .as_deref(),
        Some(idx.as_str())
    );
    assert_eq!(p_band.as_deref(), Some(band.as_str()));
    // After publication, the copy tampered with again: the final ranking of the published
    // year is still what was published.
    conn.execute_batch(tamper).unwrap();
    drop(conn);
    assert_eq!(final_of(&db), honest);
}

/// The year's end from the screens, on a real file: `P` on the published 2022 says when it
/// was published, `U` takes it back with its reason (audited as `unpublish`), `N` warns and
/// needs a second Enter, carries the field assignments over, and the new year ranks nothing
/// before its self scores; `Y` goes back to 2022.
#[test]
fn the_years_end_runs_from_the_screens() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use thamdinh::i18n::Lang;
    use thamdinh::service::Workspace;
    use thamdinh::store::Store;
    use thamdinh::tui::action::{Action, Effect};
    use thamdinh::tui::app::App;
    use thamdinh::tui::keymap::Screen;
    use thamdinh::tui::runtime::Runtime;
    use thamdinh::tui::{dispatch, start};

    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    decide_everything(&db, "2022", None);
    ok(&db, &["--appraiser", WHO, "publish"]);
    ok(
        &db,
        &[
            "--appraiser",
            "Cúc",
            "assign",
            "--group",
            "so-nganh",
            "--fields",
            "1",
            "2",
        ],
    );

    let ws = Workspace::new(Store::open(&db).unwrap(), 2022).unwrap();
    assert_eq!(ws.year_states().unwrap(), vec![(2022, true)]);
    let mut rt = Runtime::new(ws, thamdinh::config::Config::none());
    let mut app = App::new(Lang::Vi, Some(WHO.into()), "t.sqlite".into(), 2022);
    start(&mut app, &mut rt);
    let press = |app: &mut App, rt: &mut Runtime, code: KeyCode| {
        dispatch(
            app,
            rt,
            Action::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        );
    };
    let typed = |app: &mut App, rt: &mut Runtime, text: &str| {
        for c in text.chars() {
            dispatch(
                app,
                rt,
                Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
    };
    assert!(app.published);
    press(&mut app, &mut rt, KeyCode::Char('r'));
    press(&mut app, &mut rt, KeyCode::Char('P'));
    let (said, _) = app.status.clone().unwrap();
    assert!(said.starts_with("Năm 2022 đã công bố lúc "), "{said}");
    assert!(said.contains("U để hủy công bố"), "{said}");

    // Unpublished with its reason.
    press(&mut app, &mut rt, KeyCode::Char('U'));
    press(&mut app, &mut rt, KeyCode::Enter);
    assert!(
        app.input.as_ref().unwrap().error.is_some(),
        "a reason is required"
    );
    typed(&mut app, &mut rt, "Sửa điểm SNV");
    press(&mut app, &mut rt, KeyCode::Enter);
    assert!(!app.published, "{:?}", app.status);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit WHERE action = 'unpublish' AND comment = 'Sửa điểm SNV'"
        ),
        1
    );
    assert_eq!(app.years, vec![(2022, false)]);

    // The new year from an unpublished year: warned, a second Enter starts it.
    press(&mut app, &mut rt, KeyCode::Char('N'));
    press(&mut app, &mut rt, KeyCode::Enter);
    assert_eq!(app.year, 2022, "the first Enter only warns");
    press(&mut app, &mut rt, KeyCode::Enter);
    assert_eq!(app.year, 2023, "{:?}", app.status);
    assert_eq!(app.screen, Screen::Units);
    assert_eq!(app.years, vec![(2023, false), (2022, false)]);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM assignments WHERE year = 2023 AND appraiser = 'Cúc'"
        ),
        2
    );
    // No self scores yet: nothing ranked, and the sentence says what to do.
    press(&mut app, &mut rt, KeyCode::Char('r'));
    let why = app.ranking.data.clone().unwrap().unwrap_err();
    assert!(why.contains("chưa nhập điểm tự chấm — f để nhập"), "{why}");

    // `N` again: 2024 is not there, but `Y` goes back to 2022, where `N` says 2023 exists.
    press(&mut app, &mut rt, KeyCode::Char('Y'));
    typed(&mut app, &mut rt, "2022");
    press(&mut app, &mut rt, KeyCode::Enter);
    assert_eq!(app.year, 2022);
    assert!(!app.published);
    press(&mut app, &mut rt, KeyCode::Char('N'));
    let fx = app.update(Action::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    assert_eq!(fx, vec![Effect::SwitchYear { year: 2023 }]);
}

/// The store's view of the years and of a group's self scores, and assignments copied only
/// for the fields the new year's set has.
#[test]
fn the_years_of_a_file_and_a_groups_self_scores_are_known() {
    use thamdinh::service::Workspace;
    use thamdinh::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut ws = Workspace::new(Store::open(&db).unwrap(), 2022).unwrap();
    ws.assign_fields("Cúc", "so-nganh", &["1".into(), "9.9".into()])
        .unwrap();
    ws.new_year(2023, 2022, WHO).unwrap();
    assert_eq!(ws.carry_assignments(2022).unwrap(), 1, "9.9 is not a field");
    assert_eq!(ws.carry_assignments(2022).unwrap(), 0, "copied once");
    assert_eq!(
        ws.year_states().unwrap(),
        vec![(2023, false), (2022, false)]
    );
    match ws.self_scores_in("so-nganh") {
        Err(thamdinh::service::AppError::NoSelfScores { group, .. }) => {
            assert_eq!(group, "so-nganh")
        }
        other => panic!("{other:?}"),
    }
    ws.switch_year(2022).unwrap();
    assert!(ws.self_scores_in("so-nganh").is_ok());
    assert!(ws.switch_year(2030).is_err());
    assert_eq!(ws.year, 2022);
}
