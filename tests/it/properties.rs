//! Generated inputs (proptest): the score parser, the CSV importers and the ranking.
//!
//! - `Points::parse` reads back any formatted decimal of at most two places, refuses any with
//!   a third non-zero decimal, and never panics.
//! - The importers never panic on any text or cell, and a refused file writes nothing.
//! - Ranks are a function of the exact indexes that does not depend on the order of the units;
//!   equal indexes share a rank; adding a point to a unit never lowers its rank.

use crate::common;

use common::property;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::collections::HashMap;
use std::path::Path;
use thamdinh::domain::sheet::NodeSum;
use thamdinh::domain::{CriteriaSet, Mode, Points, PointsError, UnitCode, UnitResult, UnitTotals};
use thamdinh::i18n::Lang;
use thamdinh::service::{ImportKind, Workspace};
use thamdinh::store::Store;

/// The largest magnitude `Points::parse` accepts, in hundredths.
const LIMIT: i64 = 100_000_000;

// ---------------------------------------------------------------- the score parser

/// How a number may be written: separator, trailing zeros, leading zeros, a `+`, spaces,
/// no integer part before the separator.
#[derive(Debug, Clone)]
struct Style {
    comma: bool,
    extra_zeros: usize,
    leading_zeros: usize,
    plus: bool,
    spaces: (usize, usize),
    bare_fraction: bool,
    full_fraction: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<bool>(),
        0usize..4,
        0usize..3,
        any::<bool>(),
        (0usize..3, 0usize..3),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(comma, extra_zeros, leading_zeros, plus, spaces, bare_fraction, full_fraction)| {
                Style {
                    comma,
                    extra_zeros,
                    leading_zeros,
                    plus,
                    spaces,
                    bare_fraction,
                    full_fraction,
                }
            },
        )
}

fn format(h: i64, s: &Style) -> String {
    let a = h.unsigned_abs();
    let (int, frac) = (a / 100, a % 100);
    let mut frac_text = format!("{frac:02}");
    if !s.full_fraction {
        frac_text = frac_text.trim_end_matches('0').to_string();
    }
    frac_text.push_str(&"0".repeat(s.extra_zeros));
    let mut int_text = format!("{}{int}", "0".repeat(s.leading_zeros));
    if int == 0 && s.bare_fraction && !frac_text.is_empty() {
        int_text.clear();
    }
    let sign = if h < 0 {
        "-"
    } else if s.plus {
        "+"
    } else {
        ""
    };
    let sep = if s.comma { "," } else { "." };
    let body = if frac_text.is_empty() {
        int_text
    } else {
        format!("{int_text}{sep}{frac_text}")
    };
    format!(
        "{}{sign}{body}{}",
        " ".repeat(s.spaces.0),
        " ".repeat(s.spaces.1)
    )
}

proptest! {
    #![proptest_config(property::config(512))]

    #[test]
    fn any_formatted_decimal_of_two_places_reads_back(h in -LIMIT..=LIMIT, s in style()) {
        let text = format(h, &s);
        prop_assert_eq!(Points::parse(&text), Ok(Points::from_hundredths(h)), "{:?}", text);
    }

    #[test]
    fn what_points_print_reads_back(h in -LIMIT..=LIMIT) {
        let p = Points::from_hundredths(h);
        prop_assert_eq!(Points::parse(&p.to_string()), Ok(p));
        prop_assert_eq!(Points::parse(&p.fixed2()), Ok(p));
    }

    #[test]
    fn a_third_decimal_is_refused(
        int in "[0-9]{0,12}",
        two in "[0-9]{0,2}",
        more in "[0-9]{0,6}",
        last in 1u8..10,
        comma in any::<bool>(),
        minus in any::<bool>(),
    ) {
        // The decimals past the second end in a non-zero digit: at least three places.
        let frac = format!("{two:0<2}{more}{last}");
        let text = format!("{}{int}{}{frac}", if minus { "-" } else { "" }, if comma { ',' } else { '.' });
        prop_assert_eq!(Points::parse(&text), Err(PointsError::TooManyDecimals), "{:?}", text);
    }

    #[test]
    fn the_parser_never_panics_and_keeps_its_range(text in any::<String>()) {
        if let Ok(p) = Points::parse(&text) {
            prop_assert!(p.hundredths().abs() <= LIMIT);
            prop_assert_eq!(Points::parse(&p.to_string()), Ok(p));
        }
    }

    #[test]
    fn the_parser_never_panics_on_number_like_text(text in "[-+ 0-9.,eEnaNIf٣０\u{a0}]{0,24}") {
        if let Ok(p) = Points::parse(&text) {
            prop_assert!(p.hundredths().abs() <= LIMIT);
        }
    }
}

// ---------------------------------------------------------------- the importers

/// A cell: mostly plausible, sometimes anything at all.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "SNV", "STP", "HCLD", "province", "1.1.1", "3.9", "1.2", "12.1", "0.5", "0,25",
            "1.25", "1.255", "-1", "N/A", "n/a", "37", "2021", "80.5", "yes", "no", "so-nganh",
            "huyen", "Sở Nội vụ", "", " ", "=HYPERLINK(\"x\")", "1e3", "NaN",
        ])
        .prop_map(String::from),
        1 => any::<String>(),
        1 => "[\"\r\n,;\t\u{feff}a-z0-9 ]{0,12}",
    ]
}

/// The columns of each import, and a few wrong ones.
fn columns(kind: ImportKind) -> Vec<&'static str> {
    let mut c = match kind {
        ImportKind::Units => vec!["code", "name", "group", "ranked"],
        ImportKind::SelfScores => vec!["unit", "item", "score", "note", "evidence"],
        ImportKind::Survey => vec!["unit", "score"],
        ImportKind::Explanations => vec!["unit", "item", "explanation", "evidence"],
        ImportKind::History => vec!["unit", "year", "index"],
        ImportKind::FieldHistory => vec!["unit", "year", "field", "field_name", "percent"],
    };
    c.extend(["Unit", "scores", ""]);
    c
}

/// A CSV text: a header from the kind's columns (some doubled, missing or wrong), rows of
/// cells, joined either as proper CSV or raw (quotes and newlines then break the rows).
fn csv_text(kind: ImportKind) -> impl Strategy<Value = String> {
    let cols = columns(kind);
    let n = cols.len() - 3;
    (
        prop::sample::subsequence(cols.clone(), 1..=n + 1).prop_shuffle(),
        prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..6),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
    )
        .prop_map(move |(header, rows, quote, bom, eol)| {
            let join = |cells: &[String]| -> String {
                cells
                    .iter()
                    .map(|c| {
                        if quote {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
            text.push_str(&join(&header));
            for row in rows {
                text.push_str(eol);
                text.push_str(&join(&row));
            }
            text.push_str(eol);
            text
        })
}

/// A file that is right but for its free text (names, notes, evidence, explanations: any
/// text at all), with now and then one cell replaced by anything.
fn plausible_text(kind: ImportKind) -> impl Strategy<Value = String> {
    let unit = || prop::sample::select(vec!["SNV", "STP", "SYT"]).prop_map(String::from);
    let free = || prop_oneof![any::<String>(), "[a-zA-Zà-ỹ =+@\t\r\n\",-]{1,20}"];
    let row: BoxedStrategy<Vec<String>> = match kind {
        ImportKind::Units => (
            prop::sample::select(vec!["SNV", "STP", "SMOI", "X_1"]),
            free(),
            prop::sample::select(vec!["yes", "no", "Yes", ""]),
        )
            .prop_map(|(c, n, r)| vec![c.into(), n, "so-nganh".into(), r.into()])
            .boxed(),
        ImportKind::SelfScores => (
            unit(),
            prop::sample::select(vec![
                ("1.1.1", "0.5"),
                ("1.1.1", "0"),
                ("3.9", "1,25"),
                ("3.9", "0.7"),
            ]),
            free(),
            free(),
        )
            .prop_map(|(u, (i, s), n, e)| vec![u, i.into(), s.into(), n, e])
            .boxed(),
        ImportKind::Survey => (unit(), 0i64..=3700)
            .prop_map(|(u, h)| vec![u, Points::from_hundredths(h).to_string()])
            .boxed(),
        ImportKind::Explanations => (
            unit(),
            prop::sample::select(vec!["1.1.1", "3.9"]),
            free(),
            free(),
        )
            .prop_map(|(u, i, x, e)| vec![u, i.into(), x, e])
            .boxed(),
        ImportKind::History => (
            prop::sample::select(vec!["SNV", "province", "XYZ"]),
            2016i32..2022,
            0i64..=10_000,
        )
            .prop_map(|(u, y, h)| {
                vec![
                    u.into(),
                    y.to_string(),
                    Points::from_hundredths(h).to_string(),
                ]
            })
            .boxed(),
        ImportKind::FieldHistory => (
            prop::sample::select(vec!["SNV", "province", "XYZ"]),
            2016i32..2022,
            prop::sample::select(vec!["1", "2", "9", "1.1"]),
            free(),
            0i64..=10_000,
        )
            .prop_map(|(u, y, f, n, h)| {
                vec![
                    u.into(),
                    y.to_string(),
                    f.into(),
                    n,
                    Points::from_hundredths(h).to_string(),
                ]
            })
            .boxed(),
    };
    let header: Vec<&'static str> = columns(kind)[..columns(kind).len() - 3].to_vec();
    (
        prop::collection::vec(row, 1..4),
        prop::option::weighted(
            0.3,
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                cell(),
            ),
        ),
    )
        .prop_map(move |(mut rows, spoil)| {
            if let Some((r, c, text)) = spoil {
                let r = r.index(rows.len());
                let c = c.index(rows[r].len());
                rows[r][c] = text;
            }
            let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            let mut t = header.join(",");
            for row in rows {
                t.push('\n');
                t.push_str(&row.iter().map(|c| q(c)).collect::<Vec<_>>().join(","));
            }
            t.push('\n');
            t
        })
}

/// The demo database, built in process in a temporary directory.
fn demo_workspace(dir: &Path) -> Workspace {
    let store = Store::open(&dir.join("p.sqlite")).unwrap();
    let mut ws = Workspace::new(store, 2022).unwrap();
    thamdinh::service::build_demo(&mut ws).unwrap();
    ws
}

#[test]
fn the_importers_never_panic_and_a_refused_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = std::cell::RefCell::new(demo_workspace(dir.path()));
    let kinds = [
        ImportKind::Units,
        ImportKind::SelfScores,
        ImportKind::Survey,
        ImportKind::Explanations,
        ImportKind::History,
        ImportKind::FieldHistory,
    ];
    let (accepted, refused) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    let seed = property::seed();
    for (k, kind) in kinds.into_iter().enumerate() {
        let mut runner = TestRunner::new(property::config_seeded(64, seed.wrapping_add(k as u64)));
        let strategy = prop_oneof![
            3 => plausible_text(kind),
            2 => csv_text(kind),
            1 => any::<String>(),
        ];
        runner
            .run(&strategy, |text| {
                let mut ws = ws.borrow_mut();
                let before = ws.health().unwrap().changes;
                match ws.import_text(kind, Path::new("gen.csv"), &text) {
                    Ok(_) => accepted.set(accepted.get() + 1),
                    Err(e) => {
                        refused.set(refused.get() + 1);
                        let after = ws.health().unwrap().changes;
                        prop_assert_eq!(after, before, "{:?} refused but wrote: {:?}", kind, text);
                        let msg = e.render(Lang::En);
                        prop_assert!(!msg.is_empty());
                    }
                }
                Ok(())
            })
            .unwrap();
    }
    // The generator reaches both outcomes.
    let (accepted, refused) = (accepted.get(), refused.get());
    assert!(
        accepted > 0 && refused > 0,
        "{accepted} accepted, {refused} refused"
    );
    let ws = ws.borrow();
    assert_eq!(ws.health().unwrap().integrity, "ok");
}

proptest! {
    #![proptest_config(property::config(256))]

    #[test]
    fn any_bytes_decode_or_are_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = thamdinh::io::csvread::decode(Path::new("x.csv"), &bytes);
    }

    #[test]
    fn criteria_files_of_any_text_never_panic(text in any::<String>(), tree in csv_tree()) {
        use thamdinh::io::criteria::{CsvSetHeader, set_from_csv, set_from_toml};
        let _ = set_from_toml(Path::new("x.toml"), &text);
        for t in [&text, &tree] {
            let header = CsvSetHeader {
                group: thamdinh::domain::GroupCode::parse("thu").unwrap(),
                name: "Thử".into(),
                short_name: None,
                year: 2022,
                survey_max: Points::from_int(1),
                bands: Vec::new(),
                source: thamdinh::domain::SetSource::Illustrative,
            };
            let _ = set_from_csv(Path::new("x.csv"), t, header);
        }
    }
}

/// A criteria tree as CSV with plausible and arbitrary cells.
fn csv_tree() -> impl Strategy<Value = String> {
    let code = prop::sample::select(vec![
        "1", "1.1", "1.1.1", "1.2", "2", "2.1", "1.1.1.1", "x", "",
    ]);
    let max = prop::sample::select(vec!["1", "0.5", "2", "0", "-1", "1.005", "abc", ""]);
    let options = prop::sample::select(vec!["", "Đạt=1; Không=0", "a=0.5", "=1", "a=b", ";"]);
    prop::collection::vec((code, cell(), max, options, cell()), 0..8).prop_map(|rows| {
        let mut t = String::from("code,title,max,options,guidance,not_applicable_for\n");
        for (c, title, m, o, na) in rows {
            let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            t.push_str(&format!("{c},{},{m},{},,{}\n", q(&title), q(o), q(&na)));
        }
        t
    })
}

// ---------------------------------------------------------------- the ranking

/// The built-in set of the departments (parsed once: the cases only need its survey maximum
/// and bands).
fn so_nganh() -> &'static CriteriaSet {
    static SET: std::sync::OnceLock<CriteriaSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let (_, name, text) = thamdinh::builtin::SETS[0];
        assert_eq!(name, "so-nganh.toml");
        thamdinh::io::criteria::set_from_toml(Path::new(name), text).unwrap()
    })
}

/// A unit with the given points (hundredths), maximum and survey score.
fn unit_result(i: usize, points: i64, max: i64, survey: Option<i64>, ranked: bool) -> UnitResult {
    UnitResult {
        unit: UnitCode::parse(&format!("U{i:02}")).unwrap(),
        // Few names, so that ties are also ordered by code.
        name: ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"][i % 3].to_string(),
        ranked,
        totals: UnitTotals {
            tree: NodeSum {
                max: Points::from_hundredths(max),
                provisional: Points::from_hundredths(points),
                items: 10,
                decided: 5,
                ..NodeSum::default()
            },
            ..UnitTotals::default()
        },
        survey: survey.map(Points::from_hundredths),
        previous: None,
    }
}

/// Up to 12 units whose points come from a few values, so that equal indexes are common.
fn units() -> impl Strategy<Value = Vec<UnitResult>> {
    prop::collection::vec(
        (
            prop::sample::select(vec![0i64, 3150, 4000, 5000, 5025, 6300]),
            prop::sample::select(vec![6300i64, 6150, 0]),
            prop::option::weighted(0.9, prop::sample::select(vec![0i64, 1850, 3000, 3700])),
            prop::bool::weighted(0.85),
        ),
        1..12,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (p, m, s, r))| unit_result(i, p.min(m), m, s, r))
            .collect()
    })
}

type Ranks = HashMap<String, (Option<usize>, Option<String>)>;

fn ranks(set: &CriteriaSet, units: &[UnitResult]) -> (Ranks, Vec<String>) {
    let r = thamdinh::domain::ranking::rank(set, units, None, Mode::Provisional).unwrap();
    let order = r.rows.iter().map(|row| row.unit.to_string()).collect();
    let map = r
        .rows
        .iter()
        .map(|row| {
            (
                row.unit.to_string(),
                (row.rank, row.index.map(|i| i.to_string())),
            )
        })
        .collect();
    (map, order)
}

proptest! {
    #![proptest_config(property::config(256))]

    #[test]
    fn ranks_do_not_depend_on_the_order_of_the_units(
        (units, shuffled) in units().prop_flat_map(|u| (Just(u.clone()), Just(u).prop_shuffle()))
    ) {
        let set = so_nganh();
        prop_assert_eq!(ranks(set, &units), ranks(set, &shuffled));
    }

    #[test]
    fn ties_share_a_rank_and_a_rank_counts_the_units_above(units in units()) {
        let set = so_nganh();
        let r = thamdinh::domain::ranking::rank(set, &units, None, Mode::Provisional).unwrap();
        for row in &r.rows {
            match (row.ranked, row.index) {
                (true, Some(i)) => {
                    let above = r
                        .rows
                        .iter()
                        .filter(|o| o.ranked && o.index.is_some_and(|j| j > i))
                        .count();
                    prop_assert_eq!(row.rank, Some(above + 1), "{}", row.unit);
                    for o in r.rows.iter().filter(|o| o.ranked && o.index == Some(i)) {
                        prop_assert_eq!(o.rank, row.rank);
                    }
                }
                _ => prop_assert_eq!(row.rank, None),
            }
        }
    }

    #[test]
    fn a_point_more_never_lowers_a_rank(units in units(), pick in any::<prop::sample::Index>()) {
        let set = so_nganh();
        let k = pick.index(units.len());
        let (before, _) = ranks(set, &units);
        let mut more = units.clone();
        more[k].totals.tree.provisional = more[k].totals.tree.provisional + Points::from_int(1);
        let (after, _) = ranks(set, &more);
        let code = units[k].unit.to_string();
        if let (Some(b), Some(a)) = (before[&code].0, after[&code].0) {
            prop_assert!(a <= b, "{} went from rank {} to {}", code, b, a);
        }
        // A unit with a rank keeps one.
        prop_assert_eq!(before[&code].0.is_some(), after[&code].0.is_some());
    }
}
