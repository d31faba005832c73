//! Points per field and per criterion: each unit's share of a field's (or criterion's)
//! applicable maximum, and a group's figures per field and criterion — the mean percent, how
//! many units fall in each band, how many lost points. Built on the node sums of
//! [`super::sheet`]; the workbook, the command line and the screens read fields from here, and
//! the field analysis builds on it.
//!
//! A node's points are its items' points as the provisional ranking counts them: decided items
//! at their appraised score, the others at their self score. Once every item is decided they
//! are the appraised points. A node's percent is its points over the maximum of its items that
//! apply to the unit (items not applicable, by the set or by decision, leave that maximum).

use super::codes::UnitCode;
use super::criteria::{CriteriaSet, ItemKind};
use super::index::Index;
use super::points::Points;
use super::sheet::{NodeSum, UnitTotals};
use rust_decimal::Decimal;

/// A node's points against the maximum of its items that apply to the unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeScore {
    pub points: Points,
    /// The maximum of the node's items that apply to the unit.
    pub max: Points,
}

impl NodeScore {
    /// The figures of a node's sum (`Sheet::node_sums`, `Scores::node_sums`).
    pub fn of(sum: &NodeSum) -> NodeScore {
        NodeScore {
            points: sum.provisional,
            max: sum.max,
        }
    }

    /// Whether anything of the node applies to the unit.
    pub fn applies(&self) -> bool {
        self.max.hundredths() > 0
    }

    /// Points ÷ applicable maximum, kept exact; none when nothing of the node applies.
    pub fn percent(&self) -> Option<Index> {
        Index::new(self.points, self.max)
    }

    /// Points the unit did not get: applicable maximum minus points.
    pub fn lost(&self) -> Points {
        self.max - self.points
    }
}

/// The nodes a breakdown reports on: the fields (level 1) and the criteria (level 2) of a set,
/// in reading order, as indexes into `set.nodes()`. Bonus and deduction items are neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub fields: Vec<usize>,
    pub criteria: Vec<usize>,
}

impl Outline {
    pub fn of(set: &CriteriaSet) -> Outline {
        let regular = |depth: usize| {
            set.nodes()
                .iter()
                .enumerate()
                .filter(move |(_, n)| n.kind == ItemKind::Regular && n.depth == depth)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        Outline {
            fields: regular(1),
            criteria: regular(2),
        }
    }
}

/// Where an item's points go in a breakdown: the places, among the outline's fields then its
/// criteria, of the item itself and of its ancestors that the outline reports on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartsMap {
    /// How many fields the outline has (the criteria's places follow).
    pub fields: usize,
    /// Fields and criteria together.
    pub parts: usize,
    places: Vec<Vec<usize>>,
}

impl PartsMap {
    pub fn of(set: &CriteriaSet, outline: &Outline) -> PartsMap {
        let mut place = vec![None; set.nodes().len()];
        for (k, &i) in outline.fields.iter().enumerate() {
            place[i] = Some(k);
        }
        for (k, &i) in outline.criteria.iter().enumerate() {
            place[i] = Some(outline.fields.len() + k);
        }
        let places = (0..set.nodes().len())
            .map(|idx| {
                let mut out = Vec::new();
                let mut at = Some(idx);
                while let Some(i) = at {
                    out.extend(place[i]);
                    at = set.node(i).parent;
                }
                out
            })
            .collect();
        PartsMap {
            fields: outline.fields.len(),
            parts: outline.fields.len() + outline.criteria.len(),
            places,
        }
    }

    /// The places item `idx` adds to.
    pub fn places(&self, idx: usize) -> &[usize] {
        &self.places[idx]
    }
}

/// One unit's points per field and per criterion, with its totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitBreakdown {
    pub unit: UnitCode,
    /// One per field of the outline, in its order.
    pub fields: Vec<NodeScore>,
    /// One per criterion of the outline, in its order.
    pub criteria: Vec<NodeScore>,
    pub totals: UnitTotals,
}

impl UnitBreakdown {
    /// From the sums of every node of the unit's sheet, aligned with `set.nodes()`.
    pub fn new(
        set: &CriteriaSet,
        outline: &Outline,
        unit: UnitCode,
        sums: &[NodeSum],
    ) -> UnitBreakdown {
        let pick = |nodes: &[usize]| nodes.iter().map(|&i| NodeScore::of(&sums[i])).collect();
        UnitBreakdown {
            unit,
            fields: pick(&outline.fields),
            criteria: pick(&outline.criteria),
            totals: UnitTotals::from_sums(set, sums),
        }
    }

    /// The points of the fields added up: the appraisal points before bonus and deduction.
    pub fn fields_total(&self) -> Points {
        self.fields.iter().map(|f| f.points).sum()
    }
}

/// A group's figures for one field or criterion, over the units it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeStats {
    /// Units the node applies to (a positive applicable maximum).
    pub units: usize,
    /// The mean of those units' exact percents (summed exactly, read to 28 digits).
    pub mean: Option<Decimal>,
    /// How many of them fall in each band of the set, in the set's order.
    pub bands: Vec<usize>,
    /// How many of them got less than the applicable maximum.
    pub lost: usize,
}

impl NodeStats {
    /// The figures of one node from its score in each unit.
    pub fn over(set: &CriteriaSet, scores: impl IntoIterator<Item = NodeScore>) -> NodeStats {
        let mut stats = NodeStats {
            units: 0,
            mean: None,
            bands: vec![0; set.bands.len()],
            lost: 0,
        };
        let mut sum = super::index::FractionSum::default();
        for score in scores {
            let Some(percent) = score.percent() else {
                continue;
            };
            stats.units += 1;
            sum.add_percent(score.points.hundredths(), score.max.hundredths());
            if let Some(b) = super::criteria::Band::of_index(&set.bands, &percent) {
                stats.bands[b] += 1;
            }
            if score.lost().hundredths() > 0 {
                stats.lost += 1;
            }
        }
        if stats.units > 0 {
            stats.mean = Some(sum.value() / Decimal::from(stats.units));
        }
        stats
    }
}

/// The breakdowns of a group's units under one set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupBreakdown {
    pub outline: Outline,
    pub units: Vec<UnitBreakdown>,
}

impl GroupBreakdown {
    pub fn new(set: &CriteriaSet) -> GroupBreakdown {
        GroupBreakdown {
            outline: Outline::of(set),
            units: Vec::new(),
        }
    }

    /// Adds a unit from the sums of every node of its sheet.
    pub fn push(&mut self, set: &CriteriaSet, unit: UnitCode, sums: &[NodeSum]) {
        let b = UnitBreakdown::new(set, &self.outline, unit, sums);
        self.units.push(b);
    }

    pub fn unit(&self, code: &UnitCode) -> Option<&UnitBreakdown> {
        self.units.iter().find(|u| &u.unit == code)
    }

    /// The group's figures for each field, in the outline's order.
    pub fn field_stats(&self, set: &CriteriaSet) -> Vec<NodeStats> {
        (0..self.outline.fields.len())
            .map(|f| NodeStats::over(set, self.units.iter().map(|u| u.fields[f])))
            .collect()
    }

    /// The group's figures for each criterion, in the outline's order.
    pub fn criterion_stats(&self, set: &CriteriaSet) -> Vec<NodeStats> {
        (0..self.outline.criteria.len())
            .map(|c| NodeStats::over(set, self.units.iter().map(|u| u.criteria[c])))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::codes::ItemCode;
    use super::super::criteria::tests::{p, small_set};
    use super::super::sheet::{Decision, SelfEntry, SelfScore, Sheet, Verdict};
    use super::*;

    fn idx(set: &CriteriaSet, code: &str) -> usize {
        set.index_of(&ItemCode::parse(code).unwrap()).unwrap()
    }

    /// A unit of the small set with self scores, and some decisions.
    fn sheet(
        set: &CriteriaSet,
        unit: &str,
        selfs: &[(&str, Option<&str>)],
        verdicts: &[(&str, Verdict)],
    ) -> Sheet {
        let mut sheet = Sheet::new(set, UnitCode::parse(unit).unwrap());
        for (code, score) in selfs {
            sheet.records[idx(set, code)].self_entry = Some(SelfEntry {
                score: score.map_or(SelfScore::NotApplicable, |s| SelfScore::Points(p(s))),
                note: String::new(),
                evidence: String::new(),
            });
        }
        for (code, verdict) in verdicts {
            let i = idx(set, code);
            let (state, score) = sheet.resolve(set, i, *verdict, "vì").unwrap();
            sheet.records[i].decision = Some(Decision {
                state,
                score,
                comment: "vì".into(),
                appraiser: String::new(),
                decided_at: String::new(),
                round: 1,
            });
        }
        sheet
    }

    fn breakdown(set: &CriteriaSet, s: &Sheet) -> UnitBreakdown {
        UnitBreakdown::new(set, &Outline::of(set), s.unit.clone(), &s.node_sums(set))
    }

    /// An import adds a unit up row by row: the same parts as the unit's sheet gives, with
    /// items left without a self score, a not-applicable self score, and an item the set
    /// rules out for the unit.
    #[test]
    fn parts_added_up_row_by_row_equal_the_breakdown_of_the_sheet() {
        use super::super::sheet::PartsAcc;
        let set = small_set();
        let outline = Outline::of(&set);
        let map = PartsMap::of(&set, &outline);
        assert_eq!(map.parts, outline.fields.len() + outline.criteria.len());
        for selfs in [
            &[][..],
            &[("1.1.1", Some("1")), ("2.1", Some("2"))][..],
            &[
                ("1.1.1", Some("0.5")),
                ("1.1.2", None),
                ("1.2", Some("1")),
                ("2.1", Some("0")),
            ][..],
        ] {
            for unit in ["SNV", "SNGV"] {
                let code = UnitCode::parse(unit).unwrap();
                let mut acc = PartsAcc::empty_unit(&set, &map, &code);
                for (item, score) in selfs {
                    let score = score.map_or(SelfScore::NotApplicable, |s| SelfScore::Points(p(s)));
                    acc.put_self(&set, &map, &code, idx(&set, item), score);
                }
                let want = breakdown(&set, &sheet(&set, unit, selfs, &[]));
                let (fields, criteria) = acc.finish(&map);
                assert_eq!(fields, &want.fields[..], "{unit} {selfs:?}");
                assert_eq!(criteria, &want.criteria[..], "{unit} {selfs:?}");
            }
        }
    }

    #[test]
    fn the_outline_is_the_fields_and_criteria_in_reading_order() {
        let set = small_set();
        let o = Outline::of(&set);
        let codes = |v: &[usize]| -> Vec<String> {
            v.iter().map(|&i| set.node(i).code.to_string()).collect()
        };
        assert_eq!(codes(&o.fields), ["1", "2"]);
        assert_eq!(codes(&o.criteria), ["1.1", "1.2", "2.1"]);
    }

    #[test]
    fn fields_add_up_to_the_appraisal_points_and_count_undecided_items_at_self_score() {
        let set = small_set();
        let s = sheet(
            &set,
            "SNV",
            &[
                ("1.1.1", Some("1")),
                ("1.1.2", Some("0.75")),
                ("1.2", Some("1")),
                ("2.1", Some("2")),
            ],
            &[("1.1.1", Verdict::Score(p("0.5"))), ("1.2", Verdict::Agree)],
        );
        let b = breakdown(&set, &s);
        assert_eq!(
            b.fields,
            [
                NodeScore {
                    points: p("2.25"),
                    max: p("3")
                },
                NodeScore {
                    points: p("2"),
                    max: p("2")
                }
            ]
        );
        assert_eq!(b.criteria[0].points, p("1.25"));
        assert_eq!(b.fields_total(), b.totals.tree.provisional);
        assert_eq!(b.totals, s.totals(&set));
        // 2.25 of 3 is 75 %.
        assert_eq!(b.fields[0].percent().unwrap().to_string(), "75.00");
        assert_eq!(b.fields[0].lost(), p("0.75"));
    }

    #[test]
    fn an_item_that_does_not_apply_leaves_the_field_maximum() {
        let set = small_set();
        // The council rules 2.1 out for SNV; the set rules it out for SNGV.
        let s = sheet(
            &set,
            "SNV",
            &[("2.1", Some("1"))],
            &[("2.1", Verdict::NotApplicable)],
        );
        let b = breakdown(&set, &s);
        assert_eq!(b.fields[1], NodeScore::default());
        assert!(!b.fields[1].applies());
        assert_eq!(b.fields[1].percent(), None);
        let s = sheet(&set, "SNGV", &[("1.2", Some("0.5"))], &[]);
        let b = breakdown(&set, &s);
        assert_eq!(b.fields[1].max, Points::ZERO);
        // Field 1 keeps its maximum: 0.5 of 3.
        assert_eq!(b.fields[0].percent().unwrap().to_string(), "16.67");
    }

    #[test]
    fn group_figures_per_field_leave_out_units_the_field_does_not_apply_to() {
        let set = small_set(); // bands A 90, B 80, C 70, D 0
        let full = [
            ("1.1.1", Some("1.25")),
            ("1.1.2", Some("0.75")),
            ("1.2", Some("1")),
            ("2.1", Some("2")),
        ];
        let mut g = GroupBreakdown::new(&set);
        // A: everything (100 %, 100 %). B: field 1 at 2.5 of 3 (83.33 %), field 2 at 1 of 2.
        // SNGV: field 1 at 0 of 3; field 2 does not apply.
        let a = sheet(&set, "A", &full, &[]);
        let b = sheet(
            &set,
            "B",
            &full,
            &[
                ("1.2", Verdict::Score(p("0.5"))),
                ("2.1", Verdict::Score(p("1"))),
            ],
        );
        let c = sheet(&set, "SNGV", &[], &[]);
        for s in [&a, &b, &c] {
            g.push(&set, s.unit.clone(), &s.node_sums(&set));
        }
        let f = g.field_stats(&set);
        assert_eq!(f[0].units, 3);
        assert_eq!(f[0].bands, [1, 1, 0, 1]);
        assert_eq!(f[0].lost, 2);
        // (100 + 83.333… + 0) / 3
        let mean = crate::domain::index::round2(f[0].mean.unwrap());
        assert_eq!(mean, p("61.11"));
        assert_eq!(f[1].units, 2);
        assert_eq!(f[1].bands, [1, 0, 0, 1]);
        assert_eq!(f[1].mean, Some(Decimal::from(75)));
        let c = g.criterion_stats(&set);
        assert_eq!(c.len(), 3);
        // 1.2: A 1 of 1, B 0.5 of 1, SNGV 0 of 1.
        assert_eq!((c[1].units, c[1].lost), (3, 2));
        assert_eq!(c[1].mean, Some(Decimal::from(50)));
        assert_eq!(
            g.unit(&UnitCode::parse("B").unwrap())
                .unwrap()
                .fields_total(),
            p("3.5")
        );
    }

    #[test]
    fn no_units_no_mean() {
        let set = small_set();
        let s = NodeStats::over(&set, []);
        assert_eq!((s.units, s.mean, s.lost), (0, None, 0));
        assert_eq!(s.bands, [0, 0, 0, 0]);
    }
}
