//! The screens' live state (`service::live`) updated one unit at a time equals a full
//! recomputation: after random decisions, undos, closings and imports made here or by a second
//! instance, the units' lines and the ranking (provisional and final) brought up to date from
//! the audit log are those read whole from the database; and the screens (App and runtime, no
//! terminal) show the same after another instance's decision; the field analysis too.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use thamdinh::domain::{Mode, Points, Verdict};
use thamdinh::i18n::Lang;
use thamdinh::service::{ImportKind, LiveGroup, Update, Workspace};
use thamdinh::store::Store;
use thamdinh::tui::action::{Action, Effect};
use thamdinh::tui::app::App;
use thamdinh::tui::keymap::Screen;
use thamdinh::tui::runtime::Runtime;
use thamdinh::tui::{dispatch, start};

const YEAR: i32 = 2022;
const WHO: &str = "Thư ký";

fn open(db: &Path) -> Workspace {
    Workspace::new(Store::open(db).unwrap(), YEAR).unwrap()
}

fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("t.sqlite");
    let mut ws = open(&db);
    thamdinh::service::build_demo(&mut ws).unwrap();
    db
}

fn same_as_whole(ws: &Workspace, live: &LiveGroup, context: &str) {
    assert_eq!(
        live.lines,
        ws.unit_summaries(&live.group).unwrap(),
        "{context}: the lines"
    );
    for mode in [Mode::Provisional, Mode::Final] {
        assert_eq!(
            format!(
                "{:?}",
                ws.live_ranking(live, mode).map_err(|e| e.render(Lang::En))
            ),
            format!(
                "{:?}",
                ws.ranking(&live.group, mode)
                    .map_err(|e| e.render(Lang::En))
            ),
            "{context}: the ranking ({mode:?})"
        );
    }
}

#[derive(Debug, Clone)]
enum Op {
    /// (unit, item, verdict kind, made by the second instance)
    Decide(usize, usize, u8, bool),
    Undo(usize, bool),
    CloseReopen(usize),
    /// A self score imported by the second instance (no audit row: the state reloads whole).
    Import(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0usize..64, 0usize..256, 0u8..5, any::<bool>()).prop_map(|(u, i, v, o)| Op::Decide(u, i, v, o)),
        3 => (0usize..64, any::<bool>()).prop_map(|(u, o)| Op::Undo(u, o)),
        1 => (0usize..64).prop_map(Op::CloseReopen),
        1 => (0usize..64, 0usize..256).prop_map(|(u, i)| Op::Import(u, i)),
    ]
}

fn run(ops: &[Op], db: &Path) {
    let mut here = open(db);
    let mut other = open(db);
    let group = here.groups().unwrap()[0].0.clone();
    let units = here.units(Some(&group)).unwrap();
    let set = here.set(&group).unwrap().clone();
    let items: Vec<usize> = set.item_indexes().collect();
    let mut live = here.live_group(&group).unwrap();
    let mut fields = here.live_fields(&group).unwrap();
    for (k, op) in ops.iter().enumerate() {
        let context = format!("after op {k} {op:?}");
        let mut whole_expected = false;
        match op {
            Op::Decide(u, i, v, by_other) => {
                let unit = &units[u % units.len()];
                let node = set.node(items[i % items.len()]);
                let verdict = match v {
                    0 | 1 => Verdict::Agree,
                    2 => Verdict::Score(node.options.last().map_or(Points::ZERO, |o| o.points)),
                    3 => Verdict::NotApplicable,
                    _ => Verdict::RequestExplanation,
                };
                let w = if *by_other { &mut other } else { &mut here };
                let _ = w.decide(&unit.code, &node.code, verdict, "Lý do", WHO);
            }
            Op::Undo(u, by_other) => {
                let w = if *by_other { &mut other } else { &mut here };
                let _ = w.undo_last(&units[u % units.len()].code, WHO);
            }
            Op::CloseReopen(u) => {
                let code = units[u % units.len()].code.as_str();
                other.set_closed(code, true, WHO, "Đóng").unwrap();
                other.set_closed(code, false, WHO, "Mở lại").unwrap();
            }
            Op::Import(u, i) => {
                let unit = &units[u % units.len()];
                let node = set.node(items[i % items.len()]);
                let score = node.options.last().map_or(Points::ZERO, |o| o.points);
                let csv = format!(
                    "unit,item,score,note,evidence\n{},{},{score},,\n",
                    unit.code, node.code
                );
                whole_expected = other
                    .import_text(ImportKind::SelfScores, Path::new("a.csv"), &csv)
                    .is_ok();
            }
        }
        let update = here.live_update(&mut live).unwrap();
        match (&update, whole_expected) {
            (Update::Whole, true) => {}
            (Update::Units(changed), false) => {
                assert!(changed.len() <= 1, "{context}: {changed:?} read again")
            }
            _ => panic!("{context}: {update:?}"),
        }
        same_as_whole(&here, &live, &context);
        // The field analysis, brought up to date the same way, equals the one read whole.
        let update = here.live_fields_update(&mut fields).unwrap();
        assert!(
            matches!(
                (&update, whole_expected),
                (Update::Whole, true) | (Update::Units(_), false)
            ),
            "{context}: fields {update:?}"
        );
        assert_eq!(
            format!("{:?}", fields.analysis),
            format!("{:?}", here.field_analysis(&group).unwrap()),
            "{context}: the field analysis"
        );
    }
}

#[test]
fn the_live_state_updated_unit_by_unit_equals_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut runner = TestRunner::new(Config::with_cases(12));
    runner
        .run(&proptest::collection::vec(op(), 1..30), |ops| {
            run(&ops, &db);
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_ranking_on_screen_follows_another_instances_decision_one_unit_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut rt = Runtime::new(open(&db), thamdinh::config::Config::none());
    let mut app = App::new(Lang::Vi, Some(WHO.into()), "t.sqlite".into(), YEAR);
    start(&mut app, &mut rt);
    dispatch(
        &mut app,
        &mut rt,
        Action::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE)),
    );
    assert_eq!(app.screen, Screen::Ranking);
    let group = app.group_code().unwrap().to_string();
    let before = format!("{:?}", app.ranking.data);

    // Another instance lowers a unit's score.
    let mut other = open(&db);
    let units = other.units(Some(&group)).unwrap();
    let set = other.set(&group).unwrap().clone();
    let first = set.item_indexes().next().unwrap();
    let unit = &units[0];
    other
        .decide(
            &unit.code,
            &set.node(first).code,
            Verdict::Score(Points::ZERO),
            "Không có minh chứng",
            "Ủy viên",
        )
        .unwrap();

    // What the screens ask for: the changed units only, then the ranking.
    let fx = app.update(Action::ExternalChange);
    assert!(
        fx.contains(&Effect::RefreshUnits {
            group: group.clone()
        }) && !fx.iter().any(|e| matches!(e, Effect::LoadUnits { .. })),
        "{fx:?}"
    );
    let mut answers = Vec::new();
    for effect in fx {
        answers.extend(rt.run_effect(WHO, Lang::Vi, effect));
    }
    // One line read again (the unit decided on), never the whole group.
    assert!(
        answers.iter().any(|a| matches!(
            a,
            Action::Loaded(thamdinh::tui::action::Loaded::UnitsChanged { lines, .. })
                if lines.len() == 1 && lines[0].unit.code == unit.code
        )),
        "{answers:?}"
    );
    assert!(
        !answers.iter().any(|a| matches!(
            a,
            Action::Loaded(thamdinh::tui::action::Loaded::Units { .. })
        )),
        "{answers:?}"
    );
    for a in answers {
        dispatch(&mut app, &mut rt, a);
    }
    let fresh = open(&db);
    assert_eq!(app.units.lines, fresh.unit_summaries(&group).unwrap());
    let shown = app.ranking.data.clone().unwrap().unwrap();
    let whole = fresh.ranking(&group, Mode::Provisional).unwrap();
    assert_eq!(format!("{shown:?}"), format!("{whole:?}"));
    assert_ne!(
        format!("{:?}", app.ranking.data),
        before,
        "the ranking moved"
    );
    // The live state read one unit again, not the group.
    let live = rt.live.as_ref().unwrap();
    assert_eq!(live.group, group);
}
