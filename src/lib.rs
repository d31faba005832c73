//! thamdinh: appraisal of the Public Administration Reform Index (PAR Index) of a province's
//! units, from the criteria tree to the published ranking.

pub mod analyze;
pub mod builtin;
pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod io;
pub mod progress;
pub mod service;
pub mod store;
pub mod tui;
pub mod view;
