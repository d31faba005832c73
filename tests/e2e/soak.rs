//! The soak: the proofs of tests/e2e/durability.rs and tests/e2e/bad_files.rs with the full
//! counts, printed as a table. Run it with `cargo soak` (an alias for
//! `cargo test --release --test e2e -- --ignored --nocapture --exact soak::soak`). Counts can
//! be changed with THAMDINH_SOAK_KILLS (200), THAMDINH_SOAK_SCREEN_KILLS (50), THAMDINH_SOAK_DECISIONS (per
//! instance and run, 1000), THAMDINH_SOAK_PROCESSES (per instance, 100) and
//! THAMDINH_SOAK_SCREEN_DECISIONS (per run, 50) and THAMDINH_SOAK_CUTS (200 power cuts, every
//! other one torn) and THAMDINH_SOAK_ROOM_SECS (the room of twenty appraisers, 300 s);
//! THAMDINH_SEED sets the seed.

use crate::common;
use crate::proofs;

use common::*;
use proofs::concurrent::{self, Kind};
use proofs::{corpus, kill, room, screen};
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
    let screen_kills = count("THAMDINH_SOAK_SCREEN_KILLS", 50);
    let screen_decisions = count("THAMDINH_SOAK_SCREEN_DECISIONS", 50);
    let cuts = count("THAMDINH_SOAK_CUTS", 200);
    let room_secs = count("THAMDINH_SOAK_ROOM_SECS", 300);
    let seed = proofs::seed();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\nthamdinh soak — seed {seed}, {cores} cores");

    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let k = kill::run(&db, kills, Duration::ZERO..Duration::from_millis(400), seed);
    let dir_s = tempfile::tempdir().unwrap();
    let db_s = demo_db(dir_s.path());
    let sk = screen::kill_run(
        &db_s,
        screen_kills,
        Duration::ZERO..Duration::from_millis(1500),
        seed + 10,
    );
    println!(
        "\n1. Kill test: killed with SIGKILL at a random moment, the file reopened; on the screen, \
         acknowledged = saves the status line showed before the kill"
    );
    println!(
        "  {:<46} {:>6} {:>13} {:>17} {:>14} {:>5} {:>18} {:>6}",
        "run",
        "kills",
        "acknowledged",
        "committed, unack.",
        "before 1st ack",
        "lost",
        "integrity_check ok",
        "time"
    );
    let kill_row =
        |label: &str, kills: usize, t: &proofs::Tally, before: usize, sound: usize, secs: f64| {
            println!(
                "  {:<46} {:>6} {:>13} {:>17} {:>14} {:>5} {:>18} {:>5.0}s",
                label,
                kills,
                t.acknowledged,
                t.unacknowledged,
                before,
                t.lost,
                format!("{sound}/{kills}"),
                secs
            );
        };
    kill_row(
        "`decide --batch -`, 0–400 ms after start",
        k.kills,
        &k.tally,
        k.before_first,
        k.sound,
        k.elapsed.as_secs_f64(),
    );
    kill_row(
        "appraisal screen (keys), 0–1.5 s after open",
        sk.kills,
        &sk.tally,
        sk.before_first,
        sk.sound,
        sk.elapsed.as_secs_f64(),
    );
    println!("  (the appraisal screen was sent {} keys)", sk.keys);

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

    let dir4 = tempfile::tempdir().unwrap();
    let db4 = demo_db(dir4.path());
    let delays = [
        (
            "a `decide` process → an open screen",
            screen::decide_to_screen(&db4, screen_decisions, seed + 20),
        ),
        (
            "one screen deciding → a second screen",
            screen::screen_to_screen(&db4, screen_decisions, seed + 21),
        ),
    ];
    println!(
        "\n3. A decision made elsewhere reaching an open screen (from the acknowledgement to the first \
         whole frame showing it; the screens look every 200 ms)"
    );
    println!(
        "  {:<40} {:>9} {:>6} {:>8} {:>8} {:>6}",
        "run", "decisions", "shown", "median", "max", "time"
    );
    for (label, r) in &delays {
        println!(
            "  {:<40} {:>9} {:>6} {:>6.0}ms {:>6.0}ms {:>5.0}s",
            label,
            r.decisions,
            r.shown,
            r.median().as_secs_f64() * 1000.0,
            r.max().as_secs_f64() * 1000.0,
            r.elapsed.as_secs_f64()
        );
    }

    let dir3 = tempfile::tempdir().unwrap();
    let db3 = demo_db(dir3.path());
    let c = corpus::run_corpus(&db3);
    println!(
        "\n4. Bad files (tests/data/bad/): refused with file:line:column, database compared by dump and bytes"
    );
    println!(
        "  {:>9} {:>15} {:>16}",
        "bad files", "refused cleanly", "database changed"
    );
    println!(
        "  {:>9} {:>15} {:>16}",
        c.files, c.refused_cleanly, c.changed_db
    );

    let dir5 = tempfile::tempdir().unwrap();
    let db5 = demo_db(dir5.path());
    println!(
        "\n5. Power cuts (LazyFs: unsynced writes dropped at the cut, every other cut torn at a random \
         4 KiB page; the durable state remounted, then `verify` and integrity_check)"
    );
    let pc = match proofs::lazyfs::unavailable() {
        Some(why) => {
            skipped("soak", &why);
            println!("  SKIPPED: {why}");
            None
        }
        None => Some(proofs::powercut::run(
            &db5,
            cuts,
            Duration::ZERO..Duration::from_millis(400),
            2,
            seed + 30,
        )),
    };
    if let Some(pc) = &pc {
        println!(
            "  {:>5} {:>5} {:>13} {:>17} {:>14} {:>5} {:>24} {:>7} {:>6}",
            "cuts",
            "torn",
            "acknowledged",
            "committed, unack.",
            "before 1st ack",
            "lost",
            "verify + integrity ok",
            "syncs",
            "time"
        );
        println!(
            "  {:>5} {:>5} {:>13} {:>17} {:>14} {:>5} {:>24} {:>7} {:>5.0}s",
            pc.cuts,
            pc.torn,
            pc.tally.acknowledged,
            pc.tally.unacknowledged,
            pc.before_first,
            pc.tally.lost,
            format!("{}/{}", pc.sound, pc.cuts),
            pc.syncs,
            pc.elapsed.as_secs_f64()
        );
    }
    println!();

    let dir6 = tempfile::tempdir().unwrap();
    let db6 = demo_db(dir6.path());
    let rm = room::run(&db6, 20, Duration::from_secs(room_secs as u64), seed + 40);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "\n6. A room of {} appraisers on one file (each in its own terminal, a decision every 1–3 s \
         and bursts of `a`; acknowledged = the status line says Saved; elsewhere = each other screen \
         open on the unit showing a first decision's new count)",
        rm.appraisers
    );
    println!(
        "  {:>9} {:>9} {:>11} {:>11} {:>11} {:>11} {:>5} {:>6} {:>10} {:>10} {:>10} {:>6}",
        "decisions",
        "in bursts",
        "ack p50",
        "ack p99",
        "ack max",
        "lock errors",
        "lost",
        "unack.",
        "elsewhere",
        "median",
        "max",
        "time"
    );
    println!(
        "  {:>9} {:>9} {:>9.0}ms {:>9.0}ms {:>9.0}ms {:>11} {:>5} {:>6} {:>10} {:>8.0}ms {:>8.0}ms {:>5.0}s",
        rm.decisions,
        rm.in_bursts,
        ms(rm.p(0.5)),
        ms(rm.p(0.99)),
        ms(rm.p(1.0)),
        rm.lock_errors,
        rm.lost,
        rm.unacknowledged,
        rm.shown_elsewhere.len(),
        ms(rm.elsewhere(0.5)),
        ms(rm.elsewhere(1.0)),
        rm.elapsed.as_secs_f64()
    );
    println!();

    let mut problems = k.tally.problems.clone();
    if let Some(pc) = &pc {
        problems.extend(pc.tally.problems.iter().map(|p| format!("power cut: {p}")));
    }
    for r in &reports {
        problems.extend(
            r.tally
                .problems
                .iter()
                .map(|p| format!("{}: {p}", r.kind.label())),
        );
    }
    problems.extend(
        sk.tally
            .problems
            .iter()
            .map(|p| format!("screen kill: {p}")),
    );
    for (label, r) in &delays {
        problems.extend(r.problems.iter().map(|p| format!("{label}: {p}")));
    }
    problems.extend(c.problems.iter().cloned());
    problems.extend(rm.problems.iter().map(|p| format!("room: {p}")));
    if !problems.is_empty() {
        println!("Problems (seed {seed}):");
        for p in problems.iter().take(40) {
            println!("  {p}");
        }
    }
    assert!(problems.is_empty(), "{} problems", problems.len());
    assert_eq!(k.tally.lost, 0);
    assert_eq!(k.sound, k.kills);
    assert_eq!(sk.tally.lost, 0);
    assert_eq!(sk.sound, sk.kills);
    for (_, r) in &delays {
        assert_eq!(r.shown, r.decisions);
    }
    for r in &reports {
        assert_eq!((r.tally.lost, r.lock_errors, r.tally.refused), (0, 0, 0));
    }
    assert_eq!((c.refused_cleanly, c.changed_db), (c.files, 0));
    assert_eq!(
        (rm.lost, rm.lock_errors, rm.unacknowledged, rm.not_shown),
        (0, 0, 0, 0)
    );
    if let Some(pc) = &pc {
        assert_eq!(pc.tally.lost, 0);
        assert_eq!(pc.sound, pc.cuts);
    }
}
