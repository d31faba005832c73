//! What each fuzz target does with its bytes: the calls the importers make on a file, against
//! the built-in 2022 sets and the demo units. A refusal is the expected outcome of most
//! inputs; a panic (or a hang, or running out of memory) is a bug.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use thamdinh::domain::criteria::Band;
use thamdinh::domain::{GroupCode, Points};
use thamdinh::io::criteria::{CsvSetHeader, set_from_csv, set_from_toml};
use thamdinh::io::csvread::{FileSource, decode};
use thamdinh::io::imports::{self, Context};
use thamdinh::io::xlsxread;

/// Every target, by name (the names of `fuzz_targets/*.rs` and of `fuzz/regressions/*/`).
pub const TARGETS: &[&str] = &[
    "csv_units",
    "csv_self_scores",
    "csv_survey",
    "csv_explanations",
    "csv_history",
    "xlsx_self_scores",
    "criteria_toml",
    "criteria_csv",
    "score",
];

/// The 2022 sets and the demo units, read once.
fn context() -> &'static Context {
    static CTX: OnceLock<Context> = OnceLock::new();
    CTX.get_or_init(|| {
        let sets: HashMap<String, Arc<_>> = thamdinh::builtin::sets_of(2022)
            .map(|(name, text)| {
                let set = set_from_toml(Path::new(name), text).expect("a built-in set loads");
                (set.group.to_string(), Arc::new(set))
            })
            .collect();
        let mut ctx = Context {
            year: 2022,
            sets,
            units: HashMap::new(),
            in_use: HashSet::new(),
        };
        let units = imports::units(Path::new("units.csv"), thamdinh::builtin::demo::UNITS, &ctx)
            .expect("the demo units load");
        ctx.units = units.into_iter().map(|u| (u.code.to_string(), u)).collect();
        // Some units already have scores: their group may not change.
        ctx.in_use = ["SNV", "STP"].map(String::from).into();
        ctx
    })
}

/// The bytes as the importers get a CSV file's text (BOM, UTF-8 check).
fn text(name: &str, data: &[u8]) -> Option<String> {
    decode(Path::new(name), data).ok()
}

pub fn csv_units(data: &[u8]) {
    if let Some(t) = text("units.csv", data) {
        let _ = imports::units(Path::new("units.csv"), &t, context());
    }
}

pub fn csv_self_scores(data: &[u8]) {
    let mut n = 0usize;
    let _ = imports::self_scores_each(
        Path::new("self_scores.csv"),
        FileSource::new(data),
        context(),
        |_| n += 1,
    );
}

pub fn csv_survey(data: &[u8]) {
    if let Some(t) = text("survey.csv", data) {
        let _ = imports::survey(Path::new("survey.csv"), &t, context());
    }
}

pub fn csv_explanations(data: &[u8]) {
    if let Some(t) = text("explanations.csv", data) {
        let _ = imports::explanations(Path::new("explanations.csv"), &t, context());
    }
}

pub fn csv_history(data: &[u8]) {
    if let Some(t) = text("history.csv", data) {
        let _ = imports::history(Path::new("history.csv"), &t);
    }
}

pub fn xlsx_self_scores(data: &[u8]) {
    let path = Path::new("tu-cham.xlsx");
    if let Ok(rows) = xlsxread::from_bytes(path, data, None, imports::SELF_SCORES) {
        let _ = imports::self_scores_rows(rows, context(), |_| {});
    }
}

pub fn criteria_toml(data: &[u8]) {
    if let Some(t) = text("set.toml", data) {
        let _ = set_from_toml(Path::new("set.toml"), &t);
    }
}

pub fn criteria_csv(data: &[u8]) {
    if let Some(t) = text("tree.csv", data) {
        let header = CsvSetHeader {
            group: GroupCode::parse("so-nganh").expect("a group code"),
            name: "Sở, ban, ngành".into(),
            short_name: None,
            year: 2022,
            survey_max: Points::from_hundredths(3700),
            bands: Band::parse_list("A:90,B:80,C:70,D:0").expect("bands"),
            source: thamdinh::domain::SetSource::Illustrative,
        };
        let _ = set_from_csv(Path::new("tree.csv"), &t, header);
    }
}

/// `Points::parse` never panics, and what it reads is written back to itself.
pub fn score(data: &[u8]) {
    let Ok(t) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = Points::parse(t) {
        assert_eq!(Points::parse(&p.to_string()), Ok(p), "{t:?} read as {p}");
    }
}

/// Runs the target `name` on `data`.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "csv_units" => csv_units(data),
        "csv_self_scores" => csv_self_scores(data),
        "csv_survey" => csv_survey(data),
        "csv_explanations" => csv_explanations(data),
        "csv_history" => csv_history(data),
        "xlsx_self_scores" => xlsx_self_scores(data),
        "criteria_toml" => criteria_toml(data),
        "criteria_csv" => criteria_csv(data),
        "score" => score(data),
        other => panic!("no fuzz target {other}"),
    }
}
