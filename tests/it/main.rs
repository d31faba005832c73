//! The tests that run in this process or call the binary without a terminal, in one test
//! binary (one link instead of one per file): one module per subject. The real binary in
//! pseudo-terminals, kills and power cuts are in tests/e2e/, the room of twenty appraisers in
//! tests/room.rs; the helpers all share are in tests/common/.
//!
//! `cargo test --test it MODULE::` runs one module, e.g. `cargo test --test it live::`.
//! Property tests: `THAMDINH_SEED` replays a run, `THAMDINH_CASES` sets the number of cases
//! (tests/common/property.rs).

#[path = "../common/mod.rs"]
mod common;

mod analysis;
mod cli;
mod cli_lang;
mod council;
mod export_safety;
mod export_targets;
mod fuzz_regressions;
mod guide;
mod hostile;
mod import_scale;
mod ledger;
mod lineage;
mod live;
mod notices;
mod opening;
mod preview;
mod properties;
mod seals;
mod sheets;
mod store;
mod totals;
mod tui_screens;
mod tui_update;
mod workbook;
mod xlsx_import;
mod years;
