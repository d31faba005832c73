//! The soak: the proofs of tests/durability.rs and tests/bad_files.rs with the full counts,
//! printed as a table. Run it with `cargo soak` (an alias for
//! `cargo test --release --test soak -- --ignored --nocapture`). Counts can be changed with
//! THAMDINH_SOAK_KILLS (200), THAMDINH_SOAK_DECISIONS (per instance and run, 1000) and
//! THAMDINH_SOAK_PROCESSES (per instance, 100); THAMDINH_SEED sets the seed.

mod common;
mod proofs;

use common::*;
use proofs::concurrent::{self, Kind};
use proofs::{corpus, kill};
use std::time::Duration;

fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
#[ignore = "the soak takes minutes: run it with `cargo soak`"]
fn soak() {
    let kills = count("THAMDINH_SOAK_KILLS", 200);
    let decisions = count("THAMDINH_SOAK_DECISIONS", 1000);
    let processes = count("THAMDINH_SOAK_PROCESSES", 100);
    let seed = proofs::seed();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\nthamdinh soak — seed {seed}, {cores} cores");

    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let k = kill::run(&db, kills, Duration::ZERO..Duration::from_millis(400), seed);
    println!(
        "\n1. Kill test: `decide --batch -` killed with SIGKILL after 0–400 ms, the file reopened ({:.0} s)",
        k.elapsed.as_secs_f64()
    );
    println!(
        "  {:>6} {:>13} {:>17} {:>14} {:>5} {:>18}",
        "kills",
        "acknowledged",
        "committed, unack.",
        "before 1st ack",
        "lost",
        "integrity_check ok"
    );
    println!(
        "  {:>6} {:>13} {:>17} {:>14} {:>5} {:>18}",
        k.kills,
        k.tally.acknowledged,
        k.tally.unacknowledged,
        k.before_first,
        k.tally.lost,
        format!("{}/{}", k.sound, k.kills)
    );

    let dir2 = tempfile::tempdir().unwrap();
    let db2 = demo_db(dir2.path());
    let runs = [
        (Kind::BatchDifferent, decisions),
        (Kind::BatchSame, decisions),
        (Kind::OneProcessEach, processes),
    ];
    let reports: Vec<_> = runs
        .iter()
        .enumerate()
        .map(|(i, (kind, n))| concurrent::run(&db2, *kind, *n, i, seed + 1 + i as u64))
        .collect();
    println!(
        "\n2. Two instances deciding on one file at once (interleaved: how often the audit log switches writer)"
    );
    println!(
        "  {:<38} {:>9} {:>13} {:>5} {:>17} {:>8} {:>12} {:>13} {:>6}",
        "run",
        "decisions",
        "acknowledged",
        "lost",
        "lock errors shown",
        "refused",
        "interleaved",
        "longest wait",
        "time"
    );
    for r in &reports {
        println!(
            "  {:<38} {:>9} {:>13} {:>5} {:>17} {:>8} {:>12} {:>11.0}ms {:>5.0}s",
            r.kind.label(),
            r.sent,
            r.tally.acknowledged,
            r.tally.lost,
            r.lock_errors,
            r.tally.refused,
            r.alternations,
            r.longest.as_secs_f64() * 1000.0,
            r.elapsed.as_secs_f64()
        );
    }

    let dir3 = tempfile::tempdir().unwrap();
    let db3 = demo_db(dir3.path());
    let c = corpus::run_corpus(&db3);
    println!(
        "\n3. Bad files (tests/data/bad/): refused with file:line:column, database compared by dump and bytes"
    );
    println!(
        "  {:>9} {:>15} {:>16}",
        "bad files", "refused cleanly", "database changed"
    );
    println!(
        "  {:>9} {:>15} {:>16}",
        c.files, c.refused_cleanly, c.changed_db
    );
    println!();

    let mut problems = k.tally.problems.clone();
    for r in &reports {
        problems.extend(
            r.tally
                .problems
                .iter()
                .map(|p| format!("{}: {p}", r.kind.label())),
        );
    }
    problems.extend(c.problems.iter().cloned());
    if !problems.is_empty() {
        println!("Problems (seed {seed}):");
        for p in problems.iter().take(40) {
            println!("  {p}");
        }
    }
    assert!(problems.is_empty(), "{} problems", problems.len());
    assert_eq!(k.tally.lost, 0);
    assert_eq!(k.sound, k.kills);
    for r in &reports {
        assert_eq!((r.tally.lost, r.lock_errors, r.tally.refused), (0, 0, 0));
    }
    assert_eq!((c.refused_cleanly, c.changed_db), (c.files, 0));
}
