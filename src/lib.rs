//! thamdinh: appraisal of the Public Administration Reform Index (PAR Index) of a province's
//! units, from the criteria tree to the published ranking.
//!
//! # Layers
//!
//! Each layer imports only the layers to its left:
//!
//! `domain` ← `store` ← `io` ← `service` ← `i18n` ← `view` ← (`cli` | `tui`)
//!
//! - `words` (the words printed in documents, and `Lang`) sits beside `io`: `io` and
//!   everything above may import it; it imports only `domain`.
//! - `i18n` holds the sentences of the interface (errors, commands, screens, help, usage,
//!   analysis words): above the service, it may import `service` and below, never `view`,
//!   `cli` or `tui`. The service returns data; whoever shows it words it.
//! - `view` is the text both front ends lay out the same way (`pad`, `cut`, bars, the
//!   ranking table, the way-up text, what a use case did): below `cli` and `tui`.
//! - `cli` and `tui` never import each other.
//! - `builtin`, `clock`, `progress` and `ui` are small leaves any layer may use; they import
//!   nothing of the crate. `ui` names the screens' parts (which screen, box, filter, view,
//!   export): data that `i18n` words and `tui` acts on.
//! - `config` (the user's settings file) imports only `store` (a ledger mark); the front ends
//!   use it.
//! - `main.rs` (the binary) parses the arguments and starts the screens or the command line.
//!
//! The test in `src/layers.rs` reads every file of `src/` and fails on an import this rule
//! forbids, naming its file and line.

pub mod builtin;
pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod io;
#[cfg(test)]
mod layers;
pub mod progress;
pub mod service;
pub mod store;
pub mod tui;
pub mod ui;
pub mod view;
pub mod words;
