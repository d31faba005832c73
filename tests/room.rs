//! A room full of appraisers on one file (tests/proofs/room.rs): twenty instances of the real
//! binary in pseudo-terminals deciding with keys for 20 s. The soak (`cargo soak`) runs it for
//! five minutes and prints the figures.

mod common;
mod proofs;

use proofs::room;
use std::time::Duration;

#[test]
fn twenty_appraisers_on_one_file_lose_nothing_and_see_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let seed = proofs::seed();
    let r = room::run(&db, 20, Duration::from_secs(20), seed);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "room (seed {seed}): {} appraisers, {} decisions ({} in bursts), key → acknowledgement \
         p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms; lock errors {}; lost {}; shown on {} other \
         screens, median {:.0} ms, max {:.0} ms; {} searches landed elsewhere; {:.0} s",
        r.appraisers,
        r.decisions,
        r.in_bursts,
        ms(r.p(0.5)),
        ms(r.p(0.99)),
        ms(r.p(1.0)),
        r.lock_errors,
        r.lost,
        r.shown_elsewhere.len(),
        ms(r.elsewhere(0.5)),
        ms(r.elsewhere(1.0)),
        r.missed_search,
        r.elapsed.as_secs_f64()
    );
    for p in r.problems.iter().take(20) {
        println!("  {p}");
    }
    assert!(
        r.problems.is_empty(),
        "{} problems (seed {seed})",
        r.problems.len()
    );
    assert_eq!(
        (r.lost, r.lock_errors, r.unacknowledged, r.not_shown),
        (0, 0, 0, 0)
    );
    // At one decision every 1–3 s, twenty members make well over a hundred in 20 s, some of
    // them in bursts, and the tables see each other's first decisions.
    assert!(r.decisions >= 100, "{} decisions", r.decisions);
    assert!(r.in_bursts > 0);
    assert!(!r.shown_elsewhere.is_empty());
}
