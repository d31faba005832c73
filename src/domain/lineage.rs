//! Units that change between years: the changes file's rows checked against last year's
//! units (renames, mergers, splits, new units, units ended), the new year's units and their
//! lineage, and the figure a unit's index is compared with across a change.

use super::Points;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a row of the changes file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// One unit to one: its code, its name or both change.
    Rename,
    /// Several units into one (which may keep one of their codes).
    Merge,
    /// One unit into several.
    Split,
    /// A unit that had no predecessor.
    New,
    /// A unit that does not go on.
    End,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Rename, Kind::Merge, Kind::Split, Kind::New, Kind::End];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Rename => "rename",
            Kind::Merge => "merge",
            Kind::Split => "split",
            Kind::New => "new",
            Kind::End => "end",
        }
    }

    /// The kind written in a file (English or Vietnamese, any case, diacritics optional:
    /// the caller folds).
    pub fn parse(folded: &str) -> Option<Kind> {
        Some(match folded {
            "rename" | "doi ten" => Kind::Rename,
            "merge" | "hop nhat" | "sap nhap" => Kind::Merge,
            "split" | "chia tach" | "tach" => Kind::Split,
            "new" | "moi" | "thanh lap" => Kind::New,
            "end" | "ket thuc" | "giai the" => Kind::End,
            _ => return None,
        })
    }
}

/// A unit of last year, as the changes are checked against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub group: String,
    pub ranked: bool,
}

/// One row of the changes file, its cells trimmed (empty is `None` / "").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The row's position in the file (whatever the caller counts: a line).
    pub line: usize,
    pub from: Option<String>,
    pub to: Option<String>,
    pub kind: Kind,
    pub name: String,
    pub group: String,
    pub note: String,
}

/// The column a fault is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    From,
    To,
    Kind,
    Name,
    Group,
}

/// Why the changes cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// `from` names no unit of last year.
    UnknownFrom(String),
    /// The kind needs a `from` (all but `new`) or a `to` (all but `end`), or must not have
    /// one (`new` has no `from`, `end` no `to`).
    NeedsFrom(Kind),
    NeedsTo(Kind),
    NoFrom,
    NoTo,
    /// A unit both ended and merged (or renamed, or split).
    EndedAndChanged {
        unit: String,
        other: Kind,
    },
    /// A unit named by rows of different kinds, or twice where once is all it can be.
    FromTwice {
        unit: String,
        first_line: usize,
    },
    /// A `to` made by two rows that are not one merger.
    ToTwice {
        unit: String,
        first_line: usize,
    },
    /// A merger of one unit (a rename), or a split into one.
    MergeOfOne(String),
    SplitIntoOne(String),
    /// A `to` that is a unit carrying over unchanged (or a merger's `to` that is a unit of
    /// last year outside the merger).
    ToTaken(String),
    /// Units that would each become the other.
    Cycle(Vec<String>),
    /// A new code without its name, or its group.
    NewWithoutName(String),
    NewWithoutGroup(String),
}

/// A fault with its row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub line: usize,
    pub column: Column,
    pub fault: Fault,
}

/// A unit of the new year and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    pub code: String,
    pub name: String,
    pub group: String,
    pub ranked: bool,
}

/// One line of the lineage: `unit` of the new year came from `from` of last year by `kind`
/// (`from` empty for a new unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub unit: String,
    pub from: String,
    pub kind: Kind,
    pub note: String,
}

/// The new year's units, the lineage, and the units that end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// In last year's order, then the new codes in the file's order.
    pub units: Vec<NewUnit>,
    pub links: Vec<Link>,
    pub ended: Vec<String>,
}

impl Outcome {
    /// The groups of the new year's units, sorted.
    pub fn groups(&self) -> BTreeSet<&str> {
        self.units.iter().map(|u| u.group.as_str()).collect()
    }
}

/// Checks `changes` against `last` (last year's units) and makes the new year's units: all or
/// nothing, every fault with its row and column.
pub fn apply(last: &[Unit], changes: &[Change]) -> Result<Outcome, Vec<Placed>> {
    let mut faults = Vec::new();
    let mut fail = |line, column, fault| {
        faults.push(Placed {
            line,
            column,
            fault,
        })
    };
    let by_code: HashMap<&str, &Unit> = last.iter().map(|u| (u.code.as_str(), u)).collect();
    // The shape of each row.
    let mut ok_rows: Vec<&Change> = Vec::new();
    for c in changes {
        let mut ok = true;
        match (c.kind, &c.from, &c.to) {
            (Kind::New, Some(_), _) => {
                fail(c.line, Column::From, Fault::NoFrom);
                ok = false;
            }
            (Kind::End, _, Some(_)) => {
                fail(c.line, Column::To, Fault::NoTo);
                ok = false;
            }
            (k, None, _) if k != Kind::New => {
                fail(c.line, Column::From, Fault::NeedsFrom(k));
                ok = false;
            }
            (k, _, None) if k != Kind::End => {
                fail(c.line, Column::To, Fault::NeedsTo(k));
                ok = false;
            }
            _ => {}
        }
        if let Some(f) = &c.from
            && !by_code.contains_key(f.as_str())
        {
            fail(c.line, Column::From, Fault::UnknownFrom(f.clone()));
            ok = false;
        }
        if ok {
            ok_rows.push(c);
        }
    }
    // Each unit of last year: named by one row, or by several rows that all split it.
    let mut by_from: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for c in &ok_rows {
        if let Some(f) = &c.from {
            by_from.entry(f.as_str()).or_default().push(c);
        }
    }
    for (from, rows) in &by_from {
        let first = rows[0];
        for c in &rows[1..] {
            let ended = rows.iter().any(|r| r.kind == Kind::End);
            if ended && c.kind != Kind::End {
                fail(
                    c.line,
                    Column::Kind,
                    Fault::EndedAndChanged {
                        unit: from.to_string(),
                        other: c.kind,
                    },
                );
            } else if c.kind == Kind::End {
                fail(
                    c.line,
                    Column::Kind,
                    Fault::EndedAndChanged {
                        unit: from.to_string(),
                        other: first.kind,
                    },
                );
            } else if !(c.kind == Kind::Split && first.kind == Kind::Split) {
                fail(
                    c.line,
                    Column::From,
                    Fault::FromTwice {
                        unit: from.to_string(),
                        first_line: first.line,
                    },
                );
            }
        }
        if rows.len() == 1 && first.kind == Kind::Split {
            fail(
                first.line,
                Column::Kind,
                Fault::SplitIntoOne(from.to_string()),
            );
        }
    }
    // Each `to`: made by one row, or by the rows of one merger.
    let mut by_to: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for c in &ok_rows {
        if let Some(t) = &c.to {
            by_to.entry(t.as_str()).or_default().push(c);
        }
    }
    let named: BTreeSet<&str> = by_from.keys().copied().collect();
    for (to, rows) in &by_to {
        let first = rows[0];
        let merger = rows.iter().all(|r| r.kind == Kind::Merge);
        if !merger {
            for c in &rows[1..] {
                fail(
                    c.line,
                    Column::To,
                    Fault::ToTwice {
                        unit: to.to_string(),
                        first_line: first.line,
                    },
                );
            }
        } else if rows.len() == 1 {
            fail(first.line, Column::Kind, Fault::MergeOfOne(to.to_string()));
        }
        // A code of last year can be taken only when that unit is itself named by the file
        // (it changes too), or is one of this merger's units.
        if by_code.contains_key(to) && !named.contains(to) {
            fail(first.line, Column::To, Fault::ToTaken(to.to_string()));
        }
        // A new code needs its name (a rename keeps the old one) and, for a new unit, its
        // group (the others keep their predecessor's), on some row of the `to`.
        if !by_code.contains_key(to) {
            if first.kind != Kind::Rename && rows.iter().all(|r| r.name.is_empty()) {
                fail(
                    first.line,
                    Column::Name,
                    Fault::NewWithoutName(to.to_string()),
                );
            }
            if first.kind == Kind::New && rows.iter().all(|r| r.group.is_empty()) {
                fail(
                    first.line,
                    Column::Group,
                    Fault::NewWithoutGroup(to.to_string()),
                );
            }
        }
    }
    // Cycles: a unit whose change leads, through other changes, back to itself (a merger
    // that keeps a code is not one).
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in &ok_rows {
        if let (Some(f), Some(t)) = (&c.from, &c.to)
            && f != t
        {
            next.entry(f.as_str()).or_default().insert(t.as_str());
        }
    }
    let mut reported: BTreeSet<Vec<String>> = BTreeSet::new();
    for start in next.keys() {
        if let Some(cycle) = cycle_from(start, &next) {
            let mut key = cycle.clone();
            key.sort();
            if reported.insert(key) {
                let line = ok_rows
                    .iter()
                    .find(|c| c.from.as_deref() == Some(*start))
                    .map_or(0, |c| c.line);
                fail(line, Column::To, Fault::Cycle(cycle));
            }
        }
    }
    if !faults.is_empty() {
        faults.sort_by_key(|p| p.line);
        return Err(faults);
    }
    Ok(outcome(last, &ok_rows, &by_code, &by_from, &by_to))
}

/// The path back to `start` through `next`, if there is one.
fn cycle_from(start: &str, next: &BTreeMap<&str, BTreeSet<&str>>) -> Option<Vec<String>> {
    let mut stack: Vec<(String, Vec<String>)> = vec![(start.to_string(), vec![start.into()])];
    let mut seen: BTreeSet<String> = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for n in next.get(at.as_str()).into_iter().flatten() {
            if *n == start {
                return Some(path);
            }
            if seen.insert(n.to_string()) {
                let mut p = path.clone();
                p.push(n.to_string());
                stack.push((n.to_string(), p));
            }
        }
    }
    None
}

fn outcome(
    last: &[Unit],
    rows: &[&Change],
    by_code: &HashMap<&str, &Unit>,
    by_from: &BTreeMap<&str, Vec<&Change>>,
    by_to: &BTreeMap<&str, Vec<&Change>>,
) -> Outcome {
    let mut units = Vec::new();
    let mut links = Vec::new();
    let mut made: BTreeSet<String> = BTreeSet::new();
    let mut ended = Vec::new();
    // What a `to` is: the name and group written on its rows, else those of the unit it
    // keeps the code of, else of its first predecessor.
    let make = |to: &str, rows: &[&Change]| -> NewUnit {
        let written = |f: fn(&Change) -> &str| {
            rows.iter()
                .map(|r| f(r))
                .find(|s| !s.is_empty())
                .map(str::to_string)
        };
        let base = by_code.get(to).copied().or_else(|| {
            rows.iter()
                .find_map(|r| r.from.as_deref().and_then(|f| by_code.get(f).copied()))
        });
        NewUnit {
            code: to.to_string(),
            name: written(|r| &r.name)
                .or_else(|| base.map(|b| b.name.clone()))
                .unwrap_or_default(),
            group: written(|r| &r.group)
                .or_else(|| base.map(|b| b.group.clone()))
                .unwrap_or_default(),
            ranked: base.is_none_or(|b| b.ranked),
        }
    };
    let mut emit = |to: &str, units: &mut Vec<NewUnit>, links: &mut Vec<Link>| {
        if !made.insert(to.to_string()) {
            return;
        }
        let rows = &by_to[to];
        units.push(make(to, rows));
        for r in rows {
            links.push(Link {
                unit: to.to_string(),
                from: r.from.clone().unwrap_or_default(),
                kind: r.kind,
                note: r.note.clone(),
            });
        }
    };
    for u in last {
        match by_from.get(u.code.as_str()) {
            None => units.push(NewUnit {
                code: u.code.clone(),
                name: u.name.clone(),
                group: u.group.clone(),
                ranked: u.ranked,
            }),
            Some(rs) => {
                for r in rs {
                    match &r.to {
                        Some(t) => emit(t.as_str(), &mut units, &mut links),
                        None => ended.push(u.code.clone()),
                    }
                }
            }
        }
    }
    for r in rows {
        if let Some(t) = &r.to {
            emit(t.as_str(), &mut units, &mut links);
        }
    }
    Outcome {
        units,
        links,
        ended,
    }
}

/// How a unit's figure of last year was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The unit's own index (it carried over).
    Own,
    /// The index of the unit it was renamed from.
    Renamed(String),
    /// The index of the unit it was split from.
    SplitFrom(String),
    /// The plain mean of its predecessors' indexes (those that have one).
    Mean(Vec<String>),
    /// A new unit: nothing to compare with.
    New,
    /// The council set the figure, with its reason.
    Council(String),
}

/// A unit's figure of last year and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    pub value: Option<Points>,
    pub basis: Basis,
}

/// A council's figure for one unit: a value (or none: "no comparison") and its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub value: Option<Points>,
    pub reason: String,
}

/// What the council gives for a unit's comparison figure: a value, "no comparison", or back
/// to the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Value(Points),
    NoComparison,
    Rule,
}

impl Figure {
    /// The figure as typed: an index from 0 to 100 (`82.50`, `82,50`), `none` / `không`, or
    /// `rule` / `quy tắc` (any case, diacritics optional); else none.
    pub fn parse(text: &str) -> Option<Figure> {
        let text = text.trim();
        match super::text::fold(text).as_str() {
            "rule" | "quy tac" | "theo quy tac" => return Some(Figure::Rule),
            "none" | "khong" | "khong so sanh" => return Some(Figure::NoComparison),
            _ => {}
        }
        let p = Points::parse(text)
            .or_else(|_| Points::parse(&text.replacen(',', ".", 1)))
            .ok()?;
        (!p.is_negative() && p <= Points::from_int(100)).then_some(Figure::Value(p))
    }

    /// As the store takes it: `None` back to the rule, `Some(None)` no comparison.
    pub fn as_override(self) -> Option<Option<Points>> {
        match self {
            Figure::Value(p) => Some(Some(p)),
            Figure::NoComparison => Some(None),
            Figure::Rule => None,
        }
    }
}

/// The plain mean of `values`, rounded half away from zero to hundredths.
pub fn mean(values: &[Points]) -> Option<Points> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as i64;
    let sum: i64 = values.iter().map(|p| p.hundredths()).sum();
    let q = (2 * sum.abs() + n) / (2 * n);
    Some(Points::from_hundredths(if sum < 0 { -q } else { q }))
}

/// The figure `unit` is compared with: the council's when it set one, else by the unit's
/// links (this year's lineage): none — its own index; a new unit — none; a rename or a split
/// — its predecessor's; a merger — the mean of its predecessors' (those with an index).
pub fn previous_of(
    unit: &str,
    links: &[&Link],
    last: &HashMap<String, Points>,
    council: Option<&Override>,
) -> Previous {
    if let Some(o) = council {
        return Previous {
            value: o.value,
            basis: Basis::Council(o.reason.clone()),
        };
    }
    let Some(first) = links.first() else {
        return Previous {
            value: last.get(unit).copied(),
            basis: Basis::Own,
        };
    };
    match first.kind {
        Kind::New | Kind::End => Previous {
            value: None,
            basis: Basis::New,
        },
        Kind::Rename => Previous {
            value: last.get(&first.from).copied(),
            basis: Basis::Renamed(first.from.clone()),
        },
        Kind::Split => Previous {
            value: last.get(&first.from).copied(),
            basis: Basis::SplitFrom(first.from.clone()),
        },
        Kind::Merge => {
            let with: Vec<(String, Points)> = links
                .iter()
                .filter_map(|l| last.get(&l.from).map(|p| (l.from.clone(), *p)))
                .collect();
            let values: Vec<Points> = with.iter().map(|w| w.1).collect();
            Previous {
                value: mean(&values),
                basis: Basis::Mean(with.into_iter().map(|w| w.0).collect()),
            }
        }
    }
}

/// Every unit's figure (`units` of the new year), with the province's own index carried as
/// it is (`province` in `last`).
pub fn previous_all(
    units: &[&str],
    links: &[Link],
    last: &HashMap<String, Points>,
    council: &HashMap<String, Override>,
) -> HashMap<String, Previous> {
    let mut by_unit: HashMap<&str, Vec<&Link>> = HashMap::new();
    for l in links {
        by_unit.entry(l.unit.as_str()).or_default().push(l);
    }
    units
        .iter()
        .map(|u| {
            let ls = by_unit.get(u).map_or(&[][..], Vec::as_slice);
            (u.to_string(), previous_of(u, ls, last, council.get(*u)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str, group: &str) -> Unit {
        Unit {
            code: code.into(),
            name: format!("Sở {code}"),
            group: group.into(),
            ranked: true,
        }
    }

    fn row(line: usize, from: &str, to: &str, kind: Kind) -> Change {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Change {
            line,
            from: opt(from),
            to: opt(to),
            kind,
            name: String::new(),
            group: String::new(),
            note: String::new(),
        }
    }

    fn named(mut c: Change, name: &str, group: &str) -> Change {
        c.name = name.into();
        c.group = group.into();
        c
    }

    fn last() -> Vec<Unit> {
        vec![
            unit("STC", "so"),
            unit("SKHDT", "so"),
            unit("STNMT", "so"),
            unit("SNN", "so"),
            unit("SGTVT", "so"),
            unit("SXD", "so"),
            unit("HCT", "huyen"),
            unit("HMX", "huyen"),
            unit("SYT", "so"),
        ]
    }

    fn p(s: &str) -> Points {
        Points::parse(s).unwrap()
    }

    #[test]
    fn a_reorganisation_makes_the_new_units_and_their_lineage() {
        let changes = vec![
            row(2, "SKHDT", "STC", Kind::Merge),
            row(3, "STC", "STC", Kind::Merge),
            named(
                row(4, "STNMT", "SNNMT", Kind::Merge),
                "Sở Nông nghiệp và Môi trường",
                "so",
            ),
            row(5, "SNN", "SNNMT", Kind::Merge),
            row(6, "SGTVT", "SXD", Kind::Merge),
            row(7, "SXD", "SXD", Kind::Merge),
            row(8, "HCT", "", Kind::End),
            row(9, "HMX", "", Kind::End),
            named(row(10, "", "XA1", Kind::New), "Xã An Hiệp", "xa"),
            named(row(11, "SYT", "SYT2", Kind::Rename), "Sở Y tế", ""),
        ];
        let out = apply(&last(), &changes).unwrap();
        let codes: Vec<&str> = out.units.iter().map(|u| u.code.as_str()).collect();
        assert_eq!(codes, ["STC", "SNNMT", "SXD", "SYT2", "XA1"]);
        assert_eq!(out.ended, ["HCT", "HMX"]);
        assert_eq!(out.groups().into_iter().collect::<Vec<_>>(), ["so", "xa"]);
        let snnmt = &out.units[1];
        assert_eq!(snnmt.name, "Sở Nông nghiệp và Môi trường");
        assert_eq!(snnmt.group, "so");
        // A rename without a group keeps the old one.
        assert_eq!(out.units[3].group, "so");
        let froms: Vec<&str> = out
            .links
            .iter()
            .filter(|l| l.unit == "SNNMT")
            .map(|l| l.from.as_str())
            .collect();
        assert_eq!(froms, ["STNMT", "SNN"]);
        assert!(
            out.links
                .iter()
                .any(|l| l.unit == "XA1" && l.from.is_empty())
        );
    }

    #[test]
    fn a_split_makes_two_units_from_one() {
        let changes = vec![
            named(row(2, "SYT", "SYT", Kind::Split), "Sở Y tế", ""),
            named(
                row(3, "SYT", "SATTP", Kind::Split),
                "Ban An toàn thực phẩm",
                "so",
            ),
        ];
        let out = apply(&last(), &changes).unwrap();
        assert!(out.units.iter().any(|u| u.code == "SATTP"));
        assert!(out.units.iter().any(|u| u.code == "SYT"));
        assert_eq!(out.links.len(), 2);
    }

    fn faults(changes: &[Change]) -> Vec<(usize, Column, Fault)> {
        apply(&last(), changes)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.line, p.column, p.fault))
            .collect()
    }

    #[test]
    fn an_unknown_code_is_refused_with_its_row_and_column() {
        assert_eq!(
            faults(&[row(4, "SXX", "STC", Kind::Rename)]),
            [(4, Column::From, Fault::UnknownFrom("SXX".into()))]
        );
    }

    #[test]
    fn a_unit_both_ended_and_merged_is_refused() {
        let f = faults(&[
            row(2, "SKHDT", "STC", Kind::Merge),
            row(3, "STC", "STC", Kind::Merge),
            row(4, "SKHDT", "", Kind::End),
        ]);
        assert_eq!(
            f,
            [(
                4,
                Column::Kind,
                Fault::EndedAndChanged {
                    unit: "SKHDT".into(),
                    other: Kind::Merge
                }
            )]
        );
    }

    #[test]
    fn a_cycle_is_refused() {
        let f = faults(&[
            row(2, "STC", "SKHDT", Kind::Rename),
            row(3, "SKHDT", "STC", Kind::Rename),
        ]);
        assert_eq!(f.len(), 1);
        assert!(matches!(&f[0].2, Fault::Cycle(c) if c.len() == 2), "{f:?}");
    }

    #[test]
    fn a_new_code_needs_its_name_and_group() {
        let f = faults(&[row(5, "", "XA9", Kind::New)]);
        assert_eq!(
            f,
            [
                (5, Column::Name, Fault::NewWithoutName("XA9".into())),
                (5, Column::Group, Fault::NewWithoutGroup("XA9".into()))
            ]
        );
    }

    #[test]
    fn a_code_carrying_over_cannot_be_taken() {
        let f = faults(&[row(2, "SKHDT", "STC", Kind::Rename)]);
        assert_eq!(f, [(2, Column::To, Fault::ToTaken("STC".into()))]);
    }

    #[test]
    fn a_merger_of_one_and_a_split_into_one_are_refused() {
        let f = faults(&[
            row(2, "SKHDT", "SKH2", Kind::Merge),
            named(row(3, "SYT", "SYT3", Kind::Split), "x", "so"),
        ]);
        assert!(f.iter().any(|x| x.2 == Fault::MergeOfOne("SKH2".into())));
        assert!(f.iter().any(|x| x.2 == Fault::SplitIntoOne("SYT".into())));
    }

    #[test]
    fn the_figure_follows_each_kind_of_change() {
        let last: HashMap<String, Points> = [
            ("STC", "80.00"),
            ("SKHDT", "85.00"),
            ("SNN", "70.01"),
            ("SYT", "90.50"),
            ("SGD", "75.25"),
        ]
        .into_iter()
        .map(|(u, v)| (u.to_string(), p(v)))
        .collect();
        let link = |unit: &str, from: &str, kind| Link {
            unit: unit.into(),
            from: from.into(),
            kind,
            note: String::new(),
        };
        let links = vec![
            link("STC", "STC", Kind::Merge),
            link("STC", "SKHDT", Kind::Merge),
            link("STC", "SNN", Kind::Merge),
            link("SYTA", "SYT", Kind::Split),
            link("SYTB", "SYT", Kind::Split),
            link("SGDDT", "SGD", Kind::Rename),
            link("XA1", "", Kind::New),
        ];
        let mut council = HashMap::new();
        let units = ["STC", "SYTA", "SYTB", "SGDDT", "XA1", "SXD"];
        let all = previous_all(&units, &links, &last, &council);
        // (80 + 85 + 70.01) / 3 = 78.336… → 78.34
        assert_eq!(all["STC"].value, Some(p("78.34")));
        assert_eq!(
            all["STC"].basis,
            Basis::Mean(vec!["STC".into(), "SKHDT".into(), "SNN".into()])
        );
        assert_eq!(all["SYTA"].value, Some(p("90.50")));
        assert_eq!(all["SYTB"].basis, Basis::SplitFrom("SYT".into()));
        assert_eq!(all["SGDDT"].value, Some(p("75.25")));
        assert_eq!(
            all["XA1"],
            Previous {
                value: None,
                basis: Basis::New
            }
        );
        assert_eq!(
            all["SXD"],
            Previous {
                value: None,
                basis: Basis::Own
            }
        );
        council.insert(
            "STC".to_string(),
            Override {
                value: Some(p("85.00")),
                reason: "Tỉnh lấy chỉ số của Sở Tài chính".into(),
            },
        );
        let all = previous_all(&units, &links, &last, &council);
        assert_eq!(all["STC"].value, Some(p("85.00")));
        assert!(matches!(all["STC"].basis, Basis::Council(_)));
    }

    #[test]
    fn the_mean_rounds_half_away_from_zero() {
        assert_eq!(mean(&[p("0.01"), p("0.02")]), Some(p("0.02")));
        assert_eq!(mean(&[p("1"), p("2"), p("2")]), Some(p("1.67")));
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn a_councils_figure_is_read_as_typed() {
        assert_eq!(Figure::parse(" 81.07 "), Some(Figure::Value(p("81.07"))));
        assert_eq!(Figure::parse("81,07"), Some(Figure::Value(p("81.07"))));
        assert_eq!(Figure::parse("100"), Some(Figure::Value(p("100"))));
        assert_eq!(Figure::parse("0"), Some(Figure::Value(p("0"))));
        assert_eq!(Figure::parse("không"), Some(Figure::NoComparison));
        assert_eq!(Figure::parse("NONE"), Some(Figure::NoComparison));
        assert_eq!(Figure::parse("Quy tắc"), Some(Figure::Rule));
        assert_eq!(Figure::parse("rule"), Some(Figure::Rule));
        for bad in ["", "100.01", "-1", "8x", "81.075", "1,2,3"] {
            assert_eq!(Figure::parse(bad), None, "{bad}");
        }
        assert_eq!(Figure::Rule.as_override(), None);
        assert_eq!(Figure::NoComparison.as_override(), Some(None));
        assert_eq!(
            Figure::Value(p("81.07")).as_override(),
            Some(Some(p("81.07")))
        );
    }

    #[test]
    fn kinds_are_read_in_either_language() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("hop nhat"), Some(Kind::Merge));
        assert_eq!(Kind::parse("merged"), None);
    }
}
