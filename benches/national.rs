//! National scale, in process (see BENCHMARKS.md): 10,000 units, ~155 items each, 1.55 million
//! self scores generated from a seed into `target/bench-data` on first run.
//!
//! ```text
//! cargo bench --bench national                 # everything
//! cargo bench --bench national -- decision     # one group of figures
//! ```
//!
//! Groups:
//! - `import`: the 1.55M self scores, checked and written in one transaction, into a copy of
//!   a database that has the sets and units.
//! - `ranking`: the provisional ranking of all four groups from the database.
//! - `decision`: one decision end to end (check, commit with its audit row, recompute the
//!   unit): `wall` includes the fsync of `synchronous = FULL`; `cpu` is the thread's CPU time,
//!   which leaves the wait for the disk out.
//!
//! - `live`: with the ranking of one group of 10,000 units open (the `one` shape), a decision
//!   committed by another instance, then what the screens do: notice the change
//!   (`data_version`), bring the units' lines and the ranking up to date from the audit log
//!   (one unit read again), and redraw the ranking on a 120×40 `TestBackend`. `cpu` is the
//!   thread's CPU time from the commit to the redrawn frame (the commit itself not counted);
//!   `whole_reload_cpu` is the same with the group read whole, as before.
//!
//! - `screens`: the first open of a group of 10,000 units (the `one` shape): on screens just
//!   started (the ledger looked at, the groups and the year read), what the key that opens a
//!   group's tab asks (`Effect::LoadUnits`), taken by the screen and drawn on a 120×40
//!   `TestBackend`. `first_open` reads each unit's stored totals and field progress (kept by
//!   every write); `first_open_from_scores` is the same on a copy of the file without the
//!   field progress, opened read-only, so that every unit is computed from its 150 scores, as
//!   the screen did before (the reference, in the same run).
//!
//! `bench/compare.sh` gives the whole-process figures next to the `sqlite3` tool.

#[path = "support/national.rs"]
mod national;
#[path = "support/work.rs"]
mod work;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thamdinh::config::Config;
use thamdinh::domain::Mode;
use thamdinh::i18n::Lang;
use thamdinh::service::ImportKind;
use thamdinh::tui::action::{Action, Effect};
use thamdinh::tui::app::App;
use thamdinh::tui::keymap::Screen;
use thamdinh::tui::runtime::Runtime;
use thamdinh::tui::{dispatch, start};

fn dirs() -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let data = root.join("bench-data");
    national::ensure(&data, national::Scale::NATIONAL).expect("generate the national year");
    (data, root.join("bench-run"))
}

fn import(c: &mut Criterion) {
    let (data, run) = dirs();
    std::fs::create_dir_all(&run).expect("bench directory");
    let template = run.join("criterion-base.sqlite");
    work::base_db(&data, &template);
    let db = run.join("criterion-import.sqlite");
    let file = data.join("self_scores.csv");
    let mut g = c.benchmark_group("import");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    g.bench_function("self_scores_1.55M", |b| {
        b.iter_batched(
            || {
                work::copy_db(&template, &db);
                work::open(&db)
            },
            |mut ws| {
                let count = ws
                    .import_file(ImportKind::SelfScores, &file)
                    .expect("import");
                assert_eq!(count.added, 1_546_000);
                ws
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn ranking(c: &mut Criterion) {
    let (data, run) = dirs();
    let db = work::full_db(&data, &run);
    let ws = work::open(&db);
    let groups: Vec<String> = ws
        .groups()
        .expect("groups")
        .into_iter()
        .map(|g| g.0)
        .collect();
    let codes: Vec<&str> = groups.iter().map(String::as_str).collect();
    let mut g = c.benchmark_group("ranking");
    g.sample_size(20);
    g.bench_function("provisional_all_groups", |b| {
        b.iter(|| {
            for r in ws.rankings(&codes, Mode::Provisional) {
                black_box(r.expect("ranking"));
            }
        })
    });
    g.bench_function("provisional_largest_group", |b| {
        b.iter(|| black_box(ws.ranking("dvsn", Mode::Provisional).expect("ranking")))
    });
    g.finish();
}

fn decision(c: &mut Criterion) {
    let (data, run) = dirs();
    let full = work::full_db(&data, &run);
    let db = run.join("criterion-decisions.sqlite");
    work::copy_db(&full, &db);
    let mut ws = work::open(&db);
    let planned = work::plan(&ws, 100_000, 11);
    let mut next = 0;
    let mut g = c.benchmark_group("decision");
    g.sample_size(50);
    g.bench_function("wall", |b| {
        b.iter_custom(|iters| {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(work::decide(&mut ws, &planned[next % planned.len()]));
                next += 1;
            }
            t.elapsed()
        })
    });
    g.bench_function("cpu", |b| {
        b.iter_custom(|iters| {
            let t = work::thread_cpu();
            for _ in 0..iters {
                black_box(work::decide(&mut ws, &planned[next % planned.len()]));
                next += 1;
            }
            work::thread_cpu() - t
        })
    });
    g.finish();
}

/// The screens on the ranking of the one-group shape's group, and another instance.
fn live_setup() -> (
    App,
    Runtime,
    thamdinh::service::Workspace,
    Vec<work::Planned>,
) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let shape = national::Shape::One;
    let data = root.join(shape.data_dir());
    national::ensure(&data, national::Scale::national(shape)).expect("generate the one group");
    let db = work::full_db(&data, &root.join("bench-run").join("one"));
    let mut rt = Runtime::new(work::open(&db), Config::none());
    let mut app = App::new(
        Lang::Vi,
        Some("Hội đồng".into()),
        "one.sqlite".into(),
        national::YEAR,
    );
    start(&mut app, &mut rt);
    dispatch(
        &mut app,
        &mut rt,
        Action::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char('r'),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )),
    );
    assert_eq!(app.screen, Screen::Ranking);
    let other = work::open(&db);
    let planned = work::plan(&other, 100_000, 13);
    (app, rt, other, planned)
}

fn live(c: &mut Criterion) {
    let (mut app, mut rt, mut other, planned) = live_setup();
    let mut version = rt.ws.data_version().expect("data_version");
    let mut next = 0;
    let mut g = c.benchmark_group("live");
    g.sample_size(30);
    g.bench_function("cpu", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                black_box(work::decide_only(
                    &mut other,
                    &planned[next % planned.len()],
                ));
                next += 1;
                let t = work::thread_cpu();
                let now = rt.ws.data_version().expect("data_version");
                assert_ne!(now, version, "the other instance's commit is seen");
                version = now;
                dispatch(&mut app, &mut rt, Action::ExternalChange);
                work::draw(&app, 120, 40);
                spent += work::thread_cpu() - t;
            }
            spent
        })
    });
    g.sample_size(10);
    g.bench_function("whole_reload_cpu", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                black_box(work::decide_only(
                    &mut other,
                    &planned[next % planned.len()],
                ));
                next += 1;
                let t = work::thread_cpu();
                version = rt.ws.data_version().expect("data_version");
                let group = app.group_code().expect("a group").to_string();
                for effect in [
                    Effect::LoadUnits {
                        group: group.clone(),
                    },
                    Effect::LoadRanking {
                        group,
                        mode: Mode::Provisional,
                    },
                ] {
                    for a in rt.run_effect("Hội đồng", Lang::Vi, effect) {
                        dispatch(&mut app, &mut rt, a);
                    }
                }
                work::draw(&app, 120, 40);
                spent += work::thread_cpu() - t;
            }
            spent
        })
    });
    g.finish();
}

/// The first open of the 10,000-unit group's tab, from the key's effect to the drawn frame.
fn screens(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let shape = national::Shape::One;
    let data = root.join(shape.data_dir());
    national::ensure(&data, national::Scale::national(shape)).expect("generate the one group");
    let db = work::full_db(&data, &root.join("bench-run").join("one"));
    // Every unit's copy in place (what the import and every decision keep).
    let group = {
        let ws = work::open(&db);
        let group = ws.groups().expect("groups")[0].0.clone();
        ws.unit_summaries(&group).expect("the lines");
        group
    };
    // The reference: the same file without the copies' field progress, opened read-only,
    // so that every unit is computed from its scores (as the screen did before).
    let bare = root.join("bench-run").join("one-bare.sqlite");
    work::copy_db(&db, &bare);
    rusqlite::Connection::open(&bare)
        .expect("open the copy")
        .execute_batch("UPDATE unit_totals SET progress = x''")
        .expect("drop the progress");
    // The screens started (the ledger looked at, the groups and the year read) on a workspace
    // just opened; the timed part is what the key that opens the group's tab asks.
    let opened = |path: &Path, how| {
        let ws = thamdinh::service::Workspace::open(path, how, Some(national::YEAR))
            .expect("open the year");
        let mut app = App::new(
            Lang::Vi,
            Some("Hội đồng".into()),
            "one.sqlite".into(),
            national::YEAR,
        );
        let mut rt = Runtime::new(ws, Config::none());
        start(&mut app, &mut rt);
        (app, rt)
    };
    let mut g = c.benchmark_group("screens");
    g.sample_size(20);
    for (name, path, how) in [
        ("first_open", &db, thamdinh::service::Opening::Write),
        (
            "first_open_from_scores",
            &bare,
            thamdinh::service::Opening::Read,
        ),
    ] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || opened(path, how),
                |(mut app, mut rt)| {
                    let effect = Effect::LoadUnits {
                        group: group.clone(),
                    };
                    for a in rt.run_effect("Hội đồng", Lang::Vi, effect) {
                        dispatch(&mut app, &mut rt, a);
                    }
                    work::draw(&app, 120, 40);
                    assert_eq!(app.units.lines.len(), 10_000);
                    (app, rt)
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, screens, live, decision, ranking, import);
criterion_main!(benches);
