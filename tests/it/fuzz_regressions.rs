//! The fuzz targets' inputs replayed in `cargo test`: every seed (`fuzz/seeds/TARGET/`, from
//! tests/data/bad/ and the demo files) and every input that once crashed a target
//! (`fuzz/regressions/TARGET/`), through the same code the target runs (`fuzz/src/harness.rs`).
//! None may panic. The fuzzing itself is `cargo +nightly fuzz run TARGET` (see README).

#[path = "../../fuzz/src/harness.rs"]
mod harness;

use std::path::PathBuf;

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_seed_and_every_crash_found_runs_through_its_target() {
    let mut seeds = 0;
    for target in harness::TARGETS {
        let found = inputs("seeds", target);
        assert!(!found.is_empty(), "no seeds for {target}");
        for path in found.iter().chain(&inputs("regressions", target)) {
            let data = std::fs::read(path).unwrap();
            let outcome = std::panic::catch_unwind(|| harness::run(target, &data));
            assert!(outcome.is_ok(), "{target} panics on {}", path.display());
            seeds += 1;
        }
    }
    assert!(seeds > 50, "{seeds} inputs");
}
