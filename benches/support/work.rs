//! The work the benchmark measures, on thamdinh's library: building the national database,
//! and one decision as the appraisal screen makes it. Shared by `benches/national.rs` and
//! `examples/national.rs`.

#![allow(dead_code)]

use super::national::{self, Rng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thamdinh::config::Config;
use thamdinh::domain::{ItemCode, Points, UnitCode, Verdict};
use thamdinh::i18n::Lang;
use thamdinh::service::{ImportKind, Workspace};
use thamdinh::store::Store;
use thamdinh::tui::action::{Action, Loaded, UnitData};
use thamdinh::tui::app::App;
use thamdinh::tui::runtime::Runtime;
use thamdinh::tui::{screens, start};

/// CPU time of the calling thread (user + system): what SQLite and thamdinh spend on it,
/// without the time spent waiting for the disk to confirm an fsync.
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant of the platform.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Opens the workspace of the generated year.
pub fn open(db: &Path) -> Workspace {
    let store = Store::open(db).expect("open the database");
    Workspace::new(store, national::YEAR).expect("open the year")
}

/// A database with the generated sets, units, survey and history, and no self scores yet.
pub fn base_db(data: &Path, db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut ws = open(db);
    // The sets of whichever shape was generated into `data`, in the shape's order.
    for shape in national::Shape::ALL {
        for g in shape.plans() {
            let path = data.join("sets").join(format!("{}.toml", g.code));
            if path.exists() {
                ws.import_set_toml(&path).expect("load a generated set");
            }
        }
    }
    for (kind, file) in [
        (ImportKind::Units, "units.csv"),
        (ImportKind::Survey, "survey.csv"),
        (ImportKind::History, "history.csv"),
    ] {
        ws.import_file(kind, &data.join(file))
            .unwrap_or_else(|e| panic!("import {file}: {e:?}"));
    }
}

/// The national database with every self score, built once under `dir` and reused.
pub fn full_db(data: &Path, dir: &Path) -> PathBuf {
    let db = dir.join("national.sqlite");
    let stamp = dir.join("national.stamp");
    let want = std::fs::read_to_string(data.join("STAMP")).unwrap_or_default();
    if db.exists() && std::fs::read_to_string(&stamp).ok() == Some(want.clone()) {
        return db;
    }
    std::fs::create_dir_all(dir).expect("bench directory");
    let _ = std::fs::remove_file(&stamp);
    base_db(data, &db);
    let mut ws = open(&db);
    ws.import_file(ImportKind::SelfScores, &data.join("self_scores.csv"))
        .expect("import the self scores");
    drop(ws);
    std::fs::write(&stamp, want).expect("stamp");
    db
}

/// Copies a database file (after its WAL has been folded in) to `to`.
pub fn copy_db(from: &Path, to: &Path) {
    {
        let store = Store::open(from).expect("open");
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .expect("checkpoint");
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).expect("copy the database");
}

/// One decision to make: unit, item, verdict.
#[derive(Debug, Clone)]
pub struct Planned {
    pub unit: UnitCode,
    pub item: ItemCode,
    pub verdict: Verdict,
}

/// `n` decisions spread over the country: mostly agreeing with the self score, some
/// adjusted to the item's maximum, some flagged for explanation.
pub fn plan(ws: &Workspace, n: usize, seed: u64) -> Vec<Planned> {
    let units = ws.units(None).expect("units");
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let u = rng.pick(&units);
        let set = ws.set(&u.group).expect("set");
        let items: Vec<usize> = set.item_indexes().collect();
        let idx = *rng.pick(&items);
        let node = set.node(idx);
        if !node.applies_to(&u.code) {
            continue;
        }
        let verdict = match rng.below(10) {
            0 | 1 => Verdict::Score(node.max),
            2 => Verdict::RequestExplanation,
            _ => Verdict::Agree,
        };
        out.push(Planned {
            unit: u.code.clone(),
            item: node.code.clone(),
            verdict,
        });
    }
    out
}

/// One decision end to end, as the appraisal screen makes it: checked against the unit's
/// sheet, committed with its audit row (one transaction, fsync'd), then the unit's totals
/// recomputed from the sheet with the decision in it, which is what the screen redraws from. Returns the unit's
/// appraisal points so that nothing is optimised away.
pub fn decide(ws: &mut Workspace, p: &Planned) -> Points {
    let comment = if matches!(p.verdict, Verdict::Score(_)) {
        "Thiếu tài liệu kiểm chứng"
    } else {
        ""
    };
    let d = ws
        .decide(&p.unit, &p.item, p.verdict, comment, "Hội đồng")
        .unwrap_or_else(|e| panic!("decide {} {}: {e:?}", p.unit, p.item));
    let points = d.sheet.totals(&d.set).appraisal_points();
    // What the screen does next: the unit's new data into the App, and a redraw.
    let data = UnitData {
        unit: d.unit,
        set: d.set,
        sheet: d.sheet,
        assigned: Vec::new(),
        team: Vec::new(),
    };
    let mut app = App::new(
        Lang::Vi,
        Some("Hội đồng".into()),
        "national.sqlite".into(),
        ws.year,
    );
    app.update(Action::Loaded(Loaded::Unit(data)));
    draw(&app, 120, 40);
    points
}

/// One decision committed, and nothing else (another instance's, for the screens' figures).
pub fn decide_only(ws: &mut Workspace, p: &Planned) -> Points {
    let d = ws
        .decide(
            &p.unit,
            &p.item,
            p.verdict,
            "Thiếu tài liệu kiểm chứng",
            "Ủy viên",
        )
        .unwrap_or_else(|e| panic!("decide {} {}: {e:?}", p.unit, p.item));
    d.decision.score.unwrap_or(Points::ZERO)
}

/// Draws the App's screen on a TestBackend of `w`×`h`.
pub fn draw(app: &App, w: u16, h: u16) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| screens::view(app, f)).expect("a frame");
}

/// From opening the database to the first frame of the screens (units of the first group),
/// as `thamdinh` does it, drawn on a TestBackend of 80×24.
pub fn first_frame(db: &Path) -> Duration {
    let t0 = Instant::now();
    let store = Store::open(db).expect("open the database");
    let year = store
        .years()
        .expect("years")
        .first()
        .copied()
        .unwrap_or(national::YEAR);
    let ws = Workspace::new(store, year).expect("open the year");
    let mut rt = Runtime::new(ws, Config::none());
    let mut app = App::new(Lang::Vi, Some("Hội đồng".into()), "t.sqlite".into(), year);
    start(&mut app, &mut rt);
    draw(&app, 80, 24);
    t0.elapsed()
}

/// Per-decision figures over a run.
#[derive(Debug, Clone, Copy)]
pub struct DecisionFigures {
    pub n: usize,
    pub cpu_mean: Duration,
    pub cpu_median: Duration,
    pub cpu_p95: Duration,
    pub wall_mean: Duration,
    pub wall_median: Duration,
    pub wall_p95: Duration,
    pub bytes_per_decision: f64,
}

fn file_bytes(db: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", db.display())).ok())
        .map(|m| m.len())
        .sum()
}

/// Folds the WAL into the main file, from a connection of its own.
fn checkpoint(ws: &Workspace) {
    rusqlite::Connection::open(ws.db_path())
        .expect("open")
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
}

/// Makes `n` decisions on `db` one after the other and measures each: thread CPU time and
/// wall time (which includes the fsync of `synchronous = FULL`), and the growth of the file.
pub fn run_decisions(db: &Path, n: usize, seed: u64) -> DecisionFigures {
    let mut ws = open(db);
    let planned = plan(&ws, n, seed);
    checkpoint(&ws);
    let before = file_bytes(db);
    let mut cpu = Vec::with_capacity(n);
    let mut wall = Vec::with_capacity(n);
    for p in &planned {
        let (c0, w0) = (thread_cpu(), Instant::now());
        std::hint::black_box(decide(&mut ws, p));
        wall.push(w0.elapsed());
        cpu.push(thread_cpu() - c0);
    }
    checkpoint(&ws);
    let after = file_bytes(db);
    let mean = |v: &[Duration]| v.iter().sum::<Duration>() / v.len() as u32;
    let (cpu_mean, wall_mean) = (mean(&cpu), mean(&wall));
    cpu.sort();
    wall.sort();
    let at = |v: &[Duration], q: f64| v[((v.len() - 1) as f64 * q) as usize];
    DecisionFigures {
        n,
        cpu_mean,
        wall_mean,
        cpu_median: at(&cpu, 0.5),
        cpu_p95: at(&cpu, 0.95),
        wall_median: at(&wall, 0.5),
        wall_p95: at(&wall, 0.95),
        bytes_per_decision: after.saturating_sub(before) as f64 / n as f64,
    }
}

/// The screens on the ranking (or the field analysis) of the first group of `db`, another
/// instance deciding `n`
/// times; the mean thread CPU time of each effect the screens run after each decision (and of
/// the redraw), by name.
pub fn live_phases(db: &Path, n: usize, fields: bool) -> Vec<(String, Duration)> {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    // `r`: the ranking; `L` (with Shift): the field analysis.
    let (code, mods) = if fields {
        (KeyCode::Char('L'), KeyModifiers::SHIFT)
    } else {
        (KeyCode::Char('r'), KeyModifiers::NONE)
    };
    let mut rt = Runtime::new(open(db), Config::none());
    let mut app = App::new(
        Lang::Vi,
        Some("Hội đồng".into()),
        "t.sqlite".into(),
        national::YEAR,
    );
    start(&mut app, &mut rt);
    thamdinh::tui::dispatch(&mut app, &mut rt, Action::Key(KeyEvent::new(code, mods)));
    let mut other = open(db);
    let planned = plan(&other, n, 17);
    let mut spent: Vec<(String, Duration)> = Vec::new();
    let mut add = |what: String, d: Duration| match spent.iter_mut().find(|(w, _)| *w == what) {
        Some((_, t)) => *t += d,
        None => spent.push((what, d)),
    };
    for p in &planned {
        decide_only(&mut other, p);
        let t = thread_cpu();
        let fx = app.update(Action::ExternalChange);
        add("update".into(), thread_cpu() - t);
        for effect in fx {
            let name = format!("{effect:?}");
            let name = name
                .split([' ', '(', '{'])
                .next()
                .unwrap_or("effect")
                .to_string();
            let t = thread_cpu();
            for a in rt.run_effect("Hội đồng", Lang::Vi, effect) {
                thamdinh::tui::dispatch(&mut app, &mut rt, a);
            }
            add(name, thread_cpu() - t);
        }
        let t = thread_cpu();
        draw(&app, 120, 40);
        add("draw".into(), thread_cpu() - t);
    }
    spent
        .into_iter()
        .map(|(w, d)| (w, d / n.max(1) as u32))
        .collect()
}
