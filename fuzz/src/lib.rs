//! The fuzz targets' bodies live in `harness.rs`, which `tests/it/fuzz_regressions.rs` also
//! includes, to replay in `cargo test` every input that once crashed a target.

pub mod harness;
