//! The units' stored totals (`unit_totals`, see `store::totals`) never disagree with the
//! totals computed from the self scores and decisions: after random sequences of decisions
//! (from this instance and from a second one), undos, comments, closings and reopenings of
//! units, imports of self scores over the stored ones, changes of a criteria set, rankings
//! and reopenings of the database, every stored row equals the recomputation under the set as
//! stored, and the ranking equals the one computed from the scores alone.

use crate::common;

use common::property;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thamdinh::domain::breakdown::{Outline, UnitBreakdown};
use thamdinh::domain::{
    CriteriaSet, ItemCode, Mode, Points, SelfScore, UnitCode, UnitResult, UnitTotals, Verdict,
    ranking,
};
use thamdinh::service::{ImportKind, Workspace};
use thamdinh::store::Store;

const YEAR: i32 = 2022;
const WHO: &str = "Thư ký";
const OTHER: &str = "Ủy viên";

fn open(db: &Path) -> Workspace {
    Workspace::new(Store::open(db).unwrap(), YEAR).unwrap()
}

/// The demo year (sets, units, self scores, survey, history) in a new file.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("t.sqlite");
    let mut ws = open(&db);
    thamdinh::service::build_demo(&mut ws).unwrap();
    db
}

/// Every unit's totals computed from its scores under the set as stored, by group.
fn recomputed(store: &Store) -> HashMap<String, (CriteriaSet, Vec<(String, UnitTotals)>)> {
    let mut out = HashMap::new();
    for (group, _) in store.groups(YEAR).unwrap() {
        let set = store.load_set(YEAR, &group).unwrap();
        let units = store.units(YEAR, Some(&group)).unwrap();
        let mut totals = Vec::new();
        store
            .score_sheets(YEAR, &set, &units, |u, s| {
                totals.push((u.code.to_string(), s.totals(&set)))
            })
            .unwrap();
        out.insert(group, (set, totals));
    }
    out
}

/// Every unit's points per field and criterion computed from its scores under the set as
/// stored, by group.
fn recomputed_breakdowns(store: &Store) -> HashMap<String, (Outline, Vec<UnitBreakdown>)> {
    let mut out = HashMap::new();
    for (group, _) in store.groups(YEAR).unwrap() {
        let set = store.load_set(YEAR, &group).unwrap();
        let outline = Outline::of(&set);
        let units = store.units(YEAR, Some(&group)).unwrap();
        let mut all = Vec::new();
        store
            .score_sheets(YEAR, &set, &units, |u, s| {
                let sums = s.node_sums(&set);
                all.push(UnitBreakdown::new(&set, &outline, u.code.clone(), &sums));
            })
            .unwrap();
        out.insert(group, (outline, all));
    }
    out
}

/// Checks every stored unit's parts (points per field and criterion) against the
/// recomputation; returns how many units had them.
fn check_stored_parts(db: &Path, context: &str) -> usize {
    let store = Store::open(db).unwrap();
    let mut n = 0;
    for (group, (outline, all)) in recomputed_breakdowns(&store) {
        let rev = store.set_revision(YEAR, &group).unwrap().unwrap();
        let stored = store
            .stored_breakdowns(YEAR, &group, rev, &outline)
            .unwrap();
        for b in &all {
            if let Some(s) = stored.get(b.unit.as_str()) {
                assert_eq!(s, b, "{context}: stored parts of {} ({group})", b.unit);
                n += 1;
            }
        }
    }
    n
}

/// Checks every stored unit's field progress (items decided, items that apply) against the
/// recomputation; returns how many units had it.
fn check_stored_progress(db: &Path, context: &str) -> usize {
    let store = Store::open(db).unwrap();
    let mut n = 0;
    for (group, _) in store.groups(YEAR).unwrap() {
        let set = store.load_set(YEAR, &group).unwrap();
        let fields: Vec<usize> = set.fields().collect();
        let rev = store.set_revision(YEAR, &group).unwrap().unwrap();
        let stored = store
            .stored_progress(YEAR, &group, rev, fields.len())
            .unwrap();
        let units = store.units(YEAR, Some(&group)).unwrap();
        store
            .score_sheets(YEAR, &set, &units, |u, s| {
                let sums = s.node_sums(&set);
                let want: Vec<(usize, usize)> = fields
                    .iter()
                    .map(|&f| (sums[f].decided, sums[f].items))
                    .collect();
                if let Some((totals, got)) = stored.get(u.code.as_str()) {
                    assert_eq!(got, &want, "{context}: stored progress of {}", u.code);
                    assert_eq!(totals, &s.totals(&set), "{context}: totals of {}", u.code);
                    n += 1;
                }
            })
            .unwrap();
    }
    n
}

/// The units screen's lines (from the stored copies) equal those computed from the scores
/// (a workspace opened now: the sets as stored).
fn check_unit_lines(db: &Path, context: &str) {
    let ws = open(db);
    let store = Store::open(db).unwrap();
    for (group, _) in ws.groups().unwrap() {
        let set = store.load_set(YEAR, &group).unwrap();
        let units = store.units(YEAR, Some(&group)).unwrap();
        let mut want = Vec::new();
        store
            .score_sheets(YEAR, &set, &units, |u, s| {
                want.push(thamdinh::service::UnitSummary::of(&set, u, s))
            })
            .unwrap();
        assert_eq!(
            ws.unit_summaries(&group).unwrap(),
            want,
            "{context}: {group}"
        );
    }
}

/// Checks every stored row against the recomputation; returns how many rows were stored.
fn check_stored(db: &Path, context: &str) -> usize {
    check_stored_parts(db, context);
    check_stored_progress(db, context);
    let store = Store::open(db).unwrap();
    let mut n = 0;
    for (group, (_, totals)) in recomputed(&store) {
        let rev = store.set_revision(YEAR, &group).unwrap().unwrap();
        let stored = store.stored_totals(YEAR, &group, rev).unwrap();
        for (unit, t) in &totals {
            if let Some(s) = stored.get(unit) {
                assert_eq!(s, t, "{context}: stored totals of {unit} ({group})");
                n += 1;
            }
        }
        assert!(
            stored.keys().all(|u| totals.iter().any(|(c, _)| c == u)),
            "{context}: a stored row for a unit outside {group}"
        );
    }
    n
}

/// The ranking of every group by the workspace equals the one made from the recomputed totals.
fn check_rankings(ws: &Workspace, context: &str) {
    let store = Store::open(ws.db_path()).unwrap();
    let previous = store.indexes_of_year(YEAR - 1).unwrap();
    for (group, (set, totals)) in recomputed(&store) {
        let units = store.units(YEAR, Some(&group)).unwrap();
        let results: Vec<UnitResult> = units
            .iter()
            .zip(&totals)
            .map(|(u, (_, t))| UnitResult {
                unit: u.code.clone(),
                name: u.name.clone(),
                ranked: u.ranked,
                totals: *t,
                survey: u.survey,
                previous: previous.get(u.code.as_str()).copied(),
            })
            .collect();
        for mode in [Mode::Provisional, Mode::Final] {
            let fresh = ranking::rank(&set, &results, previous.get("province").copied(), mode);
            let got = ws.ranking(&group, mode);
            assert_eq!(
                format!("{:?}", got.map_err(|e| format!("{e:?}"))),
                format!(
                    "{:?}",
                    fresh.map_err(|why| format!(
                        "{:?}",
                        thamdinh::service::AppError::Rank {
                            group: group.clone(),
                            name: set.name.clone(),
                            why
                        }
                    ))
                ),
                "{context}: ranking of {group} ({mode:?})"
            );
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    /// (unit, item, verdict kind, from the second instance)
    Decide(usize, usize, u8, bool),
    Undo(usize, bool),
    Comment(usize, usize),
    /// Close the unit, try a decision (refused), reopen it.
    CloseReopen(usize, usize),
    /// Import one self score over the stored one: (unit, item, score kind).
    ImportSelf(usize, usize, u8),
    /// Save the first group's set with one more unit ruled out of an item, or back.
    ChangeSet,
    Rank,
    /// The field analysis of every group (which stores the units' parts).
    Analyze,
    ReopenDatabase,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0usize..64, 0usize..256, 0u8..6, any::<bool>()).prop_map(|(u, i, v, o)| Op::Decide(u, i, v, o)),
        3 => (0usize..64, any::<bool>()).prop_map(|(u, o)| Op::Undo(u, o)),
        1 => (0usize..64, 0usize..256).prop_map(|(u, i)| Op::Comment(u, i)),
        1 => (0usize..64, 0usize..256).prop_map(|(u, i)| Op::CloseReopen(u, i)),
        3 => (0usize..64, 0usize..256, 0u8..4).prop_map(|(u, i, s)| Op::ImportSelf(u, i, s)),
        1 => Just(Op::ChangeSet),
        2 => Just(Op::Rank),
        2 => Just(Op::Analyze),
        1 => Just(Op::ReopenDatabase),
    ]
}

/// The first group's set as TOML, and the same with a unit of the group ruled out of the
/// first item that rules units out.
fn set_texts(ws: &Workspace) -> (String, String, String) {
    let (group, _) = ws.groups().unwrap().remove(0);
    let (_, _, text) = thamdinh::builtin::SETS
        .iter()
        .find(|(y, name, _)| *y == YEAR && name.trim_end_matches(".toml") == group)
        .unwrap();
    let unit = ws.units(Some(&group)).unwrap()[0].code.to_string();
    let at = text.find("not_applicable_for = [").unwrap() + "not_applicable_for = [".len();
    let changed = format!("{}\"{unit}\", {}", &text[..at], &text[at..]);
    (group, text.to_string(), changed)
}

fn pick<T: Clone>(v: &[T], i: usize) -> T {
    v[i % v.len()].clone()
}

fn run(ops: &[Op]) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    // The import of the demo's self scores was the year's first: every unit stored.
    let units_total = open(&db).units(None).unwrap().len();
    assert_eq!(check_stored(&db, "after the first import"), units_total);
    // With each unit's parts, added up as the rows passed, and its fields' progress.
    assert_eq!(
        check_stored_parts(&db, "after the first import"),
        units_total
    );
    assert_eq!(
        check_stored_progress(&db, "after the first import"),
        units_total
    );
    let mut ws = open(&db);
    let mut other = open(&db);
    let units = ws.units(None).unwrap();
    let (_, original, changed) = set_texts(&ws);
    let set_file = dir.path().join("set.toml");
    let mut set_changed = false;
    for (k, op) in ops.iter().enumerate() {
        let context = format!("after op {k} {op:?}");
        match op {
            Op::Decide(u, i, v, from_other) => {
                let unit = pick(&units, *u);
                let set = ws.set(&unit.group).unwrap().clone();
                let items: Vec<usize> = set.item_indexes().collect();
                let node = set.node(pick(&items, *i));
                let verdict = match v {
                    0 | 1 => Verdict::Agree,
                    2 => Verdict::Score(node.options.first().map_or(node.max, |o| o.points)),
                    3 => Verdict::Score(node.options.last().map_or(Points::ZERO, |o| o.points)),
                    4 => Verdict::NotApplicable,
                    _ => Verdict::RequestExplanation,
                };
                let w = if *from_other { &mut other } else { &mut ws };
                // Refusals (no self score, ruled out by the set) are part of the game.
                let _ = w.decide(&unit.code, &node.code, verdict, "Lý do", WHO);
            }
            Op::Undo(u, from_other) => {
                let w = if *from_other { &mut other } else { &mut ws };
                let _ = w.undo_last(&pick(&units, *u).code, WHO);
            }
            Op::Comment(u, i) => {
                let unit = pick(&units, *u);
                let set = ws.set(&unit.group).unwrap().clone();
                let items: Vec<usize> = set.item_indexes().collect();
                let item = set.node(pick(&items, *i)).code.clone();
                let _ = ws.set_comment(&unit.code, &item, "Ghi chú mới", OTHER);
            }
            Op::CloseReopen(u, i) => {
                let unit = pick(&units, *u);
                ws.set_closed(unit.code.as_str(), true, WHO, "Đóng")
                    .unwrap();
                let set = ws.set(&unit.group).unwrap().clone();
                let items: Vec<usize> = set.item_indexes().collect();
                let item = set.node(pick(&items, *i)).code.clone();
                assert!(
                    other
                        .decide(&unit.code, &item, Verdict::Agree, "", OTHER)
                        .is_err(),
                    "{context}: a closed unit took a decision"
                );
                ws.set_closed(unit.code.as_str(), false, WHO, "Mở lại")
                    .unwrap();
            }
            Op::ImportSelf(u, i, s) => {
                let unit = pick(&units, *u);
                let set = ws.set(&unit.group).unwrap().clone();
                let items: Vec<usize> = set.item_indexes().collect();
                let node = set.node(pick(&items, *i));
                let score = match s {
                    0 => SelfScore::NotApplicable,
                    1 => SelfScore::Points(node.options.last().map_or(Points::ZERO, |o| o.points)),
                    _ => SelfScore::Points(node.options.first().map_or(node.max, |o| o.points)),
                };
                let text = match score {
                    SelfScore::NotApplicable => "N/A".to_string(),
                    SelfScore::Points(p) => p.to_string(),
                };
                let csv = format!(
                    "unit,item,score,note,evidence\n{},{},{text},Sửa,\n",
                    unit.code, node.code
                );
                // Refused when the set rules the item out for the unit: nothing written.
                let _ = ws.import_text(ImportKind::SelfScores, Path::new("sua.csv"), &csv);
            }
            Op::ChangeSet => {
                set_changed = !set_changed;
                let text = if set_changed { &changed } else { &original };
                std::fs::write(&set_file, text).unwrap();
                ws.import_set_toml(&set_file).unwrap();
            }
            Op::Rank => {
                for (g, _) in ws.groups().unwrap() {
                    ws.ranking(&g, Mode::Provisional).unwrap();
                }
                // A ranking stores what was missing (under the set this workspace loaded,
                // which is the stored one: `other` never ranks).
                assert_eq!(check_stored(&db, &context), units_total, "{context}");
            }
            Op::Analyze => {
                let store = Store::open(&db).unwrap();
                let fresh = recomputed_breakdowns(&store);
                for (g, _) in ws.groups().unwrap() {
                    let a = ws.field_analysis(&g).unwrap();
                    let mut got = a.breakdown.units.clone();
                    let mut want = fresh[&g].1.clone();
                    got.sort_by(|x, y| x.unit.cmp(&y.unit));
                    want.sort_by(|x, y| x.unit.cmp(&y.unit));
                    assert_eq!(got, want, "{context}: the analysis of {g}");
                }
                // Every unit's parts are stored now, and agree with its scores.
                assert_eq!(check_stored_parts(&db, &context), units_total, "{context}");
            }
            Op::ReopenDatabase => {
                ws = open(&db);
                other = open(&db);
            }
        }
        check_stored(&db, &context);
    }
    check_rankings(&ws, "at the end");
    assert_eq!(check_stored(&db, "after the rankings"), units_total);
    // The units screen's lines: from the copies, filling those missing, equal to the scores'.
    check_unit_lines(&db, "the units screen");
    assert_eq!(
        check_stored_progress(&db, "after the units screen"),
        units_total
    );
}

#[test]
fn stored_totals_never_disagree_with_the_scores() {
    let mut runner = TestRunner::new(property::config(16));
    runner
        .run(&proptest::collection::vec(op(), 1..40), |ops| {
            run(&ops);
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_decision_written_around_thamdinh_takes_the_units_row_with_it() {
    // The triggers: a decision written by another tool deletes the unit's stored totals.
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = check_stored(&db, "before");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (unit, item): (String, String) = conn
        .query_row(
            "SELECT unit, item FROM self_scores WHERE score IS NOT NULL LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute(
        "INSERT INTO decisions (year, unit, item, state, score, appraiser, decided_at)
         VALUES (?1, ?2, ?3, 'adjusted', 0, 'x', '2026-01-01T00:00:00Z')",
        rusqlite::params![YEAR, unit, item],
    )
    .unwrap();
    drop(conn);
    assert_eq!(check_stored(&db, "after"), before - 1);
    let ws = open(&db);
    check_rankings(&ws, "after a decision written by another tool");
    assert_eq!(check_stored(&db, "after the rankings"), before);
    let _ = (
        UnitCode::parse(&unit).unwrap(),
        ItemCode::parse(&item).unwrap(),
    );
}
