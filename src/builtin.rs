//! The criteria sets and the demo year, built into the binary so that an installed
//! `thamdinh` works from any folder. `data/` stays their editable source.

/// (year, group file name, TOML text) of every built-in criteria set.
pub const SETS: &[(i32, &str, &str)] = &[
    (
        2022,
        "so-nganh.toml",
        include_str!("../data/criteria/2022/so-nganh.toml"),
    ),
    (
        2022,
        "huyen.toml",
        include_str!("../data/criteria/2022/huyen.toml"),
    ),
    (
        2022,
        "dvsn.toml",
        include_str!("../data/criteria/2022/dvsn.toml"),
    ),
    (
        2022,
        "trung-uong.toml",
        include_str!("../data/criteria/2022/trung-uong.toml"),
    ),
];

/// The demo year.
pub const DEMO_YEAR: i32 = 2022;

pub mod demo {
    pub const UNITS: &str = include_str!("../data/demo/2022/units.csv");
    pub const SELF_SCORES: &str = include_str!("../data/demo/2022/self_scores.csv");
    pub const SURVEY: &str = include_str!("../data/demo/2022/survey.csv");
    pub const HISTORY: &str = include_str!("../data/demo/2022/history.csv");
    pub const EXPLANATIONS: &str = include_str!("../data/demo/2022/explanations.csv");
    /// The province's component indexes 2016–2021, from the source document's table.
    pub const FIELD_HISTORY: &str = include_str!("../data/demo/2022/field_history.csv");
}

/// The demo's year after the reorganisation of 2025, in a file of its own (`demo --year
/// 2025`): 2024's units as the demo's 2022 lists them, 2025 made from them with the real
/// February-2025 department mergers, the district group ended and a commune/ward group.
pub const DEMO_2025: i32 = 2025;

pub mod demo2025 {
    /// The changes from 2024 to 2025 (`new-year --changes`).
    pub const CHANGES: &str = include_str!("../data/demo/2025/changes.csv");
    /// The commune/ward group's illustrative criteria set (`--set`).
    pub const COMMUNE_SET: &str = include_str!("../data/demo/2025/xa-phuong.toml");
    /// The units' indexes of 2022, 2023 and 2024 (invented).
    pub const HISTORY: &str = include_str!("../data/demo/2025/history.csv");
    pub const SELF_SCORES: &str = include_str!("../data/demo/2025/self_scores.csv");
    pub const SURVEY: &str = include_str!("../data/demo/2025/survey.csv");
}

/// The built-in sets of a year.
pub fn sets_of(year: i32) -> impl Iterator<Item = (&'static str, &'static str)> {
    SETS.iter()
        .filter(move |(y, _, _)| *y == year)
        .map(|(_, name, text)| (*name, *text))
}
