//! The national-scale benchmark's helper (see BENCHMARKS.md):
//!
//! ```text
//! cargo run --release --example national -- gen DIR [--units N] [--seed S] [--shape four|one|deep]
//!
//! cargo run --release --example national -- decide DB [--n N]
//!
//! cargo run --release --example national -- workbook DB OUT.xlsx
//!
//! cargo run --release --example national -- live DB [--n N] [--fields]
//! ```
//!
//! `gen` writes a national-scale year (sets, units, self scores, survey, history) into DIR,
//! in one of three shapes (`benches/support/national.rs`): `four` groups (the default),
//! `one` group of 10,000 units × 150 items straight under eight fields, or `deep`, one group
//! under a four-level tree with options on every item.
//! `decide` makes N decisions (default 2,000) on a national database, as the appraisal screen
//! makes them, and prints per-decision figures as `key=value` lines for `bench/compare.sh`.
//! `workbook` writes the results, fields and decisions sheets of every group (the sheets that
//! grow with ten thousand units; `bench/workbook.sh` times it). `live` opens the screens on
//! the first group's ranking (`--fields`: its field analysis), has another instance make N
//! decisions and prints the mean CPU time of each effect the screens then run, and of the
//! redraw.

#[path = "../benches/support/national.rs"]
mod national;
#[path = "../benches/support/work.rs"]
mod work;

use national::Scale;
use std::path::PathBuf;
use std::process::ExitCode;
use thamdinh::domain::Mode;
use thamdinh::i18n::Lang;
use thamdinh::io::workbook::Sheets;
use thamdinh::service::workbook::{self, Request};

fn usage() -> ExitCode {
    eprintln!(
        "usage: national gen DIR [--units N] [--seed S] [--shape four|one|deep] | decide DB [--n N] | first-frame DB | workbook DB OUT | live DB [--n N] [--fields]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        return usage();
    };
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    match cmd.as_str() {
        "gen" => {
            let Some(dir) = args.get(1).map(PathBuf::from) else {
                return usage();
            };
            let mut scale = Scale::NATIONAL;
            if let Some(n) = flag("--units").and_then(|v| v.parse().ok()) {
                scale.units = n;
            }
            if let Some(s) = flag("--seed").and_then(|v| v.parse().ok()) {
                scale.seed = s;
            }
            if let Some(name) = flag("--shape") {
                let Some(shape) = national::Shape::parse(&name) else {
                    eprintln!("unknown shape {name}: four, one or deep");
                    return ExitCode::from(2);
                };
                scale.shape = shape;
            }
            match national::ensure(&dir, scale) {
                Ok(g) => {
                    println!(
                        "{}: {} units, {} self scores ({:.1} MB)",
                        g.dir.display(),
                        g.units,
                        g.self_scores,
                        g.self_scores_bytes as f64 / 1e6
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("could not write {}: {e}", dir.display());
                    ExitCode::FAILURE
                }
            }
        }
        "decide" => {
            let Some(db) = args.get(1).map(PathBuf::from) else {
                return usage();
            };
            let n = flag("--n").and_then(|v| v.parse().ok()).unwrap_or(2_000);
            let f = work::run_decisions(&db, n, 7);
            let us = |d: std::time::Duration| d.as_secs_f64() * 1e6;
            println!("decisions={}", f.n);
            println!("cpu_mean_us={:.0}", us(f.cpu_mean));
            println!("cpu_median_us={:.0}", us(f.cpu_median));
            println!("cpu_p95_us={:.0}", us(f.cpu_p95));
            println!("wall_mean_us={:.0}", us(f.wall_mean));
            println!("wall_median_us={:.0}", us(f.wall_median));
            println!("wall_p95_us={:.0}", us(f.wall_p95));
            println!("bytes_per_decision={:.0}", f.bytes_per_decision);
            ExitCode::SUCCESS
        }
        "live" => {
            // Where the CPU time of one update of the ranking screen goes, effect by effect.
            let Some(db) = args.get(1).map(PathBuf::from) else {
                return usage();
            };
            let n: usize = flag("--n").and_then(|v| v.parse().ok()).unwrap_or(20);
            let fields = args.iter().any(|a| a == "--fields");
            for (what, d) in work::live_phases(&db, n, fields) {
                println!("{what}_us={:.0}", d.as_secs_f64() * 1e6);
            }
            ExitCode::SUCCESS
        }
        "first-frame" => {
            let Some(db) = args.get(1).map(PathBuf::from) else {
                return usage();
            };
            let d = work::first_frame(&db);
            println!("first_frame_ms={:.1}", d.as_secs_f64() * 1e3);
            ExitCode::SUCCESS
        }
        "workbook" => {
            let (Some(db), Some(out)) = (args.get(1), args.get(2)) else {
                return usage();
            };
            let ws = work::open(std::path::Path::new(db));
            let sheets = Sheets {
                results: true,
                fields: true,
                criteria: false,
                decisions: true,
                scoring: false,
                way_up: false,
                history: false,
                submission: false,
            };
            let req = Request {
                group: None,
                mode: Mode::Provisional,
                sheets,
            };
            match workbook::write(&ws, &req, std::path::Path::new(out), Lang::Vi) {
                Ok(w) => {
                    println!("sheets={}", w.sheets);
                    println!("decision_lines={}", w.decision_lines);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}", e.render(Lang::Vi));
                    ExitCode::FAILURE
                }
            }
        }
        _ => usage(),
    }
}
