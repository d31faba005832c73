//! The real binary end to end, in one test binary: in pseudo-terminals (the screens, the
//! progress bars), killed at random moments, on a filesystem that loses power (tests/proofs/
//! holds the machinery), and the soak (`cargo soak`). Apart from tests/it/ so that these runs,
//! which wait on other processes, share the machine only with each other; the room of twenty
//! appraisers (tests/room.rs) has its own binary and runs alone.
//!
//! A proof that cannot run here (no /dev/fuse) fails when `CI=true` unless it is named in
//! `THAMDINH_ALLOW_SKIP` (tests/common/mod.rs, `skipped`).

#[path = "../common/mod.rs"]
mod common;
#[path = "../proofs/mod.rs"]
mod proofs;

mod bad_files;
mod durability;
mod progress;
mod soak;
mod tui_e2e;
