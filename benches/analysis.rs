//! The field analysis at national scale, in process (see BENCHMARKS.md, "The field
//! analysis"): 10,000 units in one group under one set of ~155 items (1.55 million self
//! scores), generated from the seed into `target/bench-data-one-group` on first run.
//!
//! ```text
//! cargo bench --bench analysis
//! ```
//!
//! - `fields/open`: what `L` does: the group's analysis read from the database in one pass
//!   (every unit's points per field and criterion, exact indexes, ranks, means, bands), handed
//!   to the screens and the table drawn on an 80×24 `TestBackend`. Target ≤ 300 ms.
//!   The first `L` of a session: the runtime keeps nothing of the analysis yet; the units'
//!   points per field and criterion are read as stored beside their totals.
//! - `fields/open_cpu`: the same, as the thread's CPU time: what the machine's load leaves
//!   out (the work is on one thread).
//! - `fields/reopen`: `L` again later: the analysis the runtime kept, brought up to date.
//! - `fields/analysis`: the same without the screens (`Workspace::field_analysis`).
//! - `way_up/open`: what `Enter` does on the table: one unit's way up worked out from the
//!   analysis already loaded and drawn on an 80×24 `TestBackend`. Target ≤ 20 ms.
//! - `way_up/compute`: the way up alone (`GroupAnalysis::way_up`).
//! - `way_up/plan_command`: `thamdinh plan UNIT` without the process: the group read again
//!   from the database, then the way up (what the command line pays).

#[path = "support/national.rs"]
mod national;
#[path = "support/work.rs"]
mod work;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use thamdinh::config::Config;
use thamdinh::domain::UnitCode;
use thamdinh::i18n::Lang;
use thamdinh::tui::action::{Action, Cmd, Effect};
use thamdinh::tui::app::App;
use thamdinh::tui::runtime::Runtime;

const GROUP: &str = "so-nganh";

/// The one-group year and its database, built once.
fn database() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let data = root.join("bench-data-one-group");
    let g = national::ensure(&data, national::Scale::ONE_GROUP).expect("generate the year");
    assert_eq!(g.units, 10_000);
    work::full_db(&data, &root.join("bench-run").join("one-group"))
}

/// A unit in the middle of the ranking.
fn middle_unit(rt: &Runtime) -> UnitCode {
    let a = rt.ws.field_analysis(GROUP).expect("analysis");
    let rows = &a.ranking.rows;
    rows[rows.len() / 2].unit.clone()
}

/// The screens on the units of the group, as `thamdinh` opens them.
fn screens(db: &Path) -> (App, Runtime) {
    let ws = work::open(db);
    let mut rt = Runtime::new(ws, Config::none());
    let mut app = App::new(
        Lang::Vi,
        Some("Hội đồng".into()),
        "n.sqlite".into(),
        national::YEAR,
    );
    thamdinh::tui::start(&mut app, &mut rt);
    (app, rt)
}

/// `L`: the effect run by the runtime, its result given to the App, the table drawn.
fn open_fields(app: &mut App, rt: &mut Runtime) {
    for effect in app.update(Action::Cmd(Cmd::Fields)) {
        assert_eq!(
            effect,
            Effect::LoadFields {
                group: GROUP.into()
            }
        );
        for a in rt.run_effect("Hội đồng", Lang::Vi, effect) {
            app.update(a);
        }
    }
    work::draw(app, 80, 24);
}

fn fields(c: &mut Criterion) {
    let db = database();
    let (mut app, mut rt) = screens(&db);
    let mut g = c.benchmark_group("fields");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15));
    // The first `L` of a session: nothing of the analysis kept by the runtime yet.
    g.bench_function("open", |b| {
        b.iter(|| {
            rt.fields_live = None;
            open_fields(&mut app, &mut rt);
            black_box(app.fields.as_ref().map(|f| f.sel));
            app.update(Action::Cmd(Cmd::BackOrQuit));
        })
    });
    g.bench_function("open_cpu", |b| {
        b.iter_custom(|iters| {
            let t = work::thread_cpu();
            for _ in 0..iters {
                rt.fields_live = None;
                open_fields(&mut app, &mut rt);
                black_box(app.fields.as_ref().map(|f| f.sel));
                app.update(Action::Cmd(Cmd::BackOrQuit));
            }
            work::thread_cpu() - t
        })
    });
    // `L` again later in the session: the analysis kept by the runtime, brought up to date.
    g.bench_function("reopen", |b| {
        b.iter(|| {
            open_fields(&mut app, &mut rt);
            black_box(app.fields.as_ref().map(|f| f.sel));
            app.update(Action::Cmd(Cmd::BackOrQuit));
        })
    });
    g.bench_function("analysis", |b| {
        b.iter(|| black_box(rt.ws.field_analysis(GROUP).expect("analysis")))
    });
    g.finish();
}

fn way_up(c: &mut Criterion) {
    let db = database();
    let (mut app, mut rt) = screens(&db);
    let unit = middle_unit(&rt);
    open_fields(&mut app, &mut rt);
    // Select the unit in the middle, as the arrows would.
    if let Some(f) = app.fields.as_mut()
        && let Some(d) = f.loaded()
    {
        f.sel = d
            .analysis
            .ranking
            .rows
            .iter()
            .position(|r| r.unit == unit)
            .expect("the unit");
    }
    let mut g = c.benchmark_group("way_up");
    g.sample_size(50);
    g.bench_function("open", |b| {
        b.iter(|| {
            app.update(Action::Cmd(Cmd::Open));
            work::draw(&app, 80, 24);
            black_box(app.fields.as_ref().and_then(|f| f.way.as_ref()).is_some());
            app.update(Action::Cmd(Cmd::BackOrQuit));
        })
    });
    let (a, set) = {
        let f = app.fields.as_ref().expect("the table");
        let d = f.loaded().expect("loaded");
        (d.analysis.clone(), d.set.clone())
    };
    g.bench_function("compute", |b| {
        b.iter(|| black_box(a.way_up(&set, &unit).expect("a way up")))
    });
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.bench_function("plan_command", |b| {
        b.iter(|| black_box(rt.ws.way_up(unit.as_str()).expect("plan")))
    });
    g.finish();
}

criterion_group!(benches, way_up, fields);
criterion_main!(benches);
