//! The national-scale benchmark's helper (see BENCHMARKS.md):
//!
//! ```text
//! cargo run --release --example national -- gen DIR [--units N] [--seed S]
//! ```
//!
//! `gen` writes a national-scale year (sets, units, self scores, survey, history) into DIR.

#[path = "../benches/support/national.rs"]
mod national;

use national::Scale;
use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: national gen DIR [--units N] [--seed S]");
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
        _ => usage(),
    }
}
