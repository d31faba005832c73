//! Files in and out: criteria sets, CSV and Excel imports (all or nothing, located errors)
//! and CSV exports (BOM, formula-inert cells).

pub mod criteria;
pub mod csvread;
pub mod export;
pub mod imports;
pub mod notices;
pub mod problem;
pub mod workbook;
pub mod xlsxread;

pub use problem::{FileError, Place, Problem};
