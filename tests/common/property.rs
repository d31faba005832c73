//! Property tests (proptest) that can be replayed and run longer, through two environment
//! variables:
//!
//! - `THAMDINH_SEED=<u64>`: the seed every property test of the run starts from (the same
//!   variable the proofs read). Without it each property test takes a new seed and prints it;
//!   the test harness shows a test's output only when it fails, so a failure shows the line
//!   `property test <name>: seed <n> (replay: THAMDINH_SEED=<n>)`, and
//!   `THAMDINH_SEED=<n> cargo test --test it <name>` runs the same cases again, in the same
//!   order (the cases that share a database between them included).
//! - `THAMDINH_CASES=<n>`: the number of cases each property test generates, instead of its
//!   own count (12 to 512), e.g. `THAMDINH_CASES=5000` for a long run.
//!
//! proptest's own `PROPTEST_CASES` and `PROPTEST_RNG_SEED` still apply to the tests written
//! with `proptest!`, over these. Failures are not persisted in files next to the sources: the
//! seed is how a failure is replayed.

use proptest::test_runner::{Config, RngSeed};

/// This test's seed: `THAMDINH_SEED`, or a new one. Printed, with the test's name.
pub fn seed() -> u64 {
    let seed = std::env::var("THAMDINH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(fresh);
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("?");
    eprintln!("property test {name}: seed {seed} (replay: THAMDINH_SEED={seed})");
    seed
}

/// The configuration of a property test of `cases` cases (or `THAMDINH_CASES`), from a new
/// seed (see [`seed`]).
pub fn config(cases: u32) -> Config {
    config_seeded(cases, seed())
}

/// The configuration of a property test of `cases` cases (or `THAMDINH_CASES`) from `seed`.
pub fn config_seeded(cases: u32, seed: u64) -> Config {
    let cases = std::env::var("THAMDINH_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..Config::default()
    }
}

/// A seed that differs from one run to the next: the clock mixed with the process's random
/// hash keys.
fn fresh() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}
