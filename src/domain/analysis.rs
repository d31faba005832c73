//! The field analysis of one group in one year, as the source document makes it for the
//! province: each unit's percent per field with its band, the group's mean per field, how many
//! units fall in each band, the weakest fields, the fields that fell against the previous year,
//! and which fields pull the group's mean index below the province's index of the previous
//! year (the source document's group target).
//!
//! Built on [`super::breakdown`] (points and applicable maximum per field, from the node sums)
//! and [`super::ranking`] (exact indexes, ranks), read from one pass over the group's scores.
//! Percents of a unit are exact fractions ([`Index`](super::index::Index)); means over units
//! are decimals of 28 significant digits, as the ranking's group mean is.

use super::breakdown::{GroupBreakdown, NodeScore, NodeStats, UnitBreakdown};
use super::criteria::{Band, CriteriaSet};
use super::index::FractionSum;
use super::points::Points;
use super::ranking::{RankRow, Ranking};
use super::wayup::{self, WayUp};
use super::{ItemCode, UnitCode};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The mean of some decimals; none when there are none.
pub fn mean(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    let (sum, n) = values
        .into_iter()
        .fold((Decimal::ZERO, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / Decimal::from(n))
}

/// A group's figures in one year: its units (in the order of the ranking) with their points
/// per field and criterion, and the group's figures per field.
#[derive(Debug, Clone)]
pub struct GroupAnalysis {
    pub breakdown: GroupBreakdown,
    pub ranking: Ranking,
    /// For each row of the ranking, its unit's place in `breakdown.units`.
    pub rows: Vec<usize>,
    /// The group's figures for each field (mean, units per band, units that lost points).
    pub stats: Vec<NodeStats>,
    /// The group's mean of each field in the previous year, when it is known.
    pub previous: Vec<Option<Decimal>>,
    /// The group target against the province's index of the previous year, part by part
    /// (worked out once: the screens draw it on every frame).
    group_pull: Option<GroupPull>,
}

impl GroupAnalysis {
    /// From a group's breakdown and its ranking (of the same units), and the group's mean per
    /// field of the previous year by field code.
    pub fn new(
        set: &CriteriaSet,
        breakdown: GroupBreakdown,
        ranking: Ranking,
        previous: &HashMap<String, Decimal>,
    ) -> GroupAnalysis {
        let at: HashMap<&UnitCode, usize> = breakdown
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (&u.unit, i))
            .collect();
        let rows = ranking
            .rows
            .iter()
            .map(|r| at.get(&r.unit).copied().unwrap_or(usize::MAX))
            .collect();
        let stats = breakdown.field_stats(set);
        let previous = breakdown
            .outline
            .fields
            .iter()
            .map(|&f| previous.get(set.node(f).code.as_str()).copied())
            .collect();
        let mut a = GroupAnalysis {
            breakdown,
            ranking,
            rows,
            stats,
            previous,
            group_pull: None,
        };
        a.group_pull = a
            .ranking
            .province_previous
            .and_then(|target| group_pull(set, &a, target));
        a
    }

    /// The same analysis after some units changed: each `(place in breakdown.units, its new
    /// breakdown)` put in, and the group's new ranking (of the same units); the figures that
    /// depend on every unit (stats, the group target) worked out again, as `new` does.
    pub fn update(
        &mut self,
        set: &CriteriaSet,
        changed: Vec<(usize, UnitBreakdown)>,
        ranking: Ranking,
    ) {
        for (i, b) in changed {
            if let Some(slot) = self.breakdown.units.get_mut(i) {
                *slot = b;
            }
        }
        let at: HashMap<&UnitCode, usize> = self
            .breakdown
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (&u.unit, i))
            .collect();
        self.rows = ranking
            .rows
            .iter()
            .map(|r| at.get(&r.unit).copied().unwrap_or(usize::MAX))
            .collect();
        self.ranking = ranking;
        self.stats = self.breakdown.field_stats(set);
        self.group_pull = self
            .ranking
            .province_previous
            .and_then(|target| group_pull(set, self, target));
    }

    /// The fields, as indexes into the set's nodes.
    pub fn fields(&self) -> &[usize] {
        &self.breakdown.outline.fields
    }

    /// The line of the ranking at `row` and its unit's breakdown.
    pub fn row(&self, row: usize) -> Option<(&RankRow, &UnitBreakdown)> {
        let r = self.ranking.rows.get(row)?;
        let b = self.breakdown.units.get(*self.rows.get(row)?)?;
        Some((r, b))
    }

    /// The row of a unit.
    pub fn row_of(&self, unit: &UnitCode) -> Option<usize> {
        self.ranking.rows.iter().position(|r| &r.unit == unit)
    }

    /// The band of one unit's field.
    pub fn cell_band(set: &CriteriaSet, score: &NodeScore) -> Option<usize> {
        score.percent().and_then(|i| Band::of_index(&set.bands, &i))
    }

    /// The band of the group's mean of a field.
    pub fn mean_band(&self, set: &CriteriaSet, field: usize) -> Option<usize> {
        self.stats[field]
            .mean
            .and_then(|m| Band::of_percent(&set.bands, m))
    }

    /// The fields from the weakest (lowest group mean) up, as positions among the fields;
    /// fields that apply to no unit left out. Equal means keep the fields' order.
    pub fn weakest(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.stats.len())
            .filter(|&f| self.stats[f].mean.is_some())
            .collect();
        order.sort_by(|&a, &b| self.stats[a].mean.cmp(&self.stats[b].mean));
        order
    }

    /// The fields whose group mean is below the previous year's, as positions among the
    /// fields, with (previous, now).
    pub fn fell(&self) -> Vec<(usize, Decimal, Decimal)> {
        (0..self.stats.len())
            .filter_map(|f| match (self.previous[f], self.stats[f].mean) {
                (Some(before), Some(now)) if now < before => Some((f, before, now)),
                _ => None,
            })
            .collect()
    }

    /// Whether any item of the group is still undecided (counted at its self score).
    pub fn provisional(&self) -> bool {
        self.ranking.decided < self.ranking.items
    }

    /// What pulls the group's mean index below the province's index of the previous year
    /// (none without that index).
    pub fn pull(&self) -> Option<&GroupPull> {
        self.group_pull.as_ref()
    }

    /// The way up of one unit, from the figures already here.
    pub fn way_up(&self, set: &CriteriaSet, unit: &UnitCode) -> Option<WayUp> {
        let row = self.row_of(unit)?;
        let (r, b) = self.row(row)?;
        wayup::way_up(set, &self.breakdown.outline, b, r, &self.ranking)
    }
}

/// One part of a unit's index: a field, the survey, or bonus and deduction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A position among the fields.
    Field(usize),
    Survey,
    /// Bonus points less deduction points.
    Extra,
}

/// How one part of the index moves the group's mean against a target percent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pull {
    pub part: Part,
    /// The plain mean of the units' percents of this part.
    pub mean: Option<Decimal>,
    /// This part's share of (group mean − target), in points of percent. The shares of all
    /// parts add up to that difference; a negative share pulls the mean below the target.
    pub share: Decimal,
    /// How many points of percent this part would have to rise in every unit for its share
    /// to be zero (none for bonus and deduction, which have no maximum).
    pub rise: Option<Decimal>,
    /// The same rise in points, summed over the group's units.
    pub points: Option<Decimal>,
}

/// The group target of the source document, part by part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupPull {
    /// The province's index of the previous year, in percent.
    pub target: Points,
    /// The group's mean index (the ranking's mean).
    pub mean: Decimal,
    /// Whether the mean is above the target.
    pub met: bool,
    /// Every part, the one pulling down most first.
    pub parts: Vec<Pull>,
}

impl GroupPull {
    /// The parts that pull the mean down (a negative share).
    pub fn pulling(&self) -> impl Iterator<Item = &Pull> {
        self.parts.iter().filter(|p| p.share < Decimal::ZERO)
    }
}

/// For a unit u with index I_u = 100·(Σ_f p_f + s + e) / M_u (fields, survey, bonus less
/// deduction, over the applicable maximum with the survey's), I_u − T splits into one share per
/// part: 100·(p − T·m/100) / M_u for a part with points p and maximum m (e has no maximum). The
/// group's mean minus T is the mean of those over the units, part by part. In hundredths (p, m,
/// M of points, T of a percent) a share is (10000·p − T·m) / (100·M): each part's shares are
/// summed exactly, one integer numerator per distinct M, and read once.
fn group_pull(set: &CriteriaSet, a: &GroupAnalysis, target: Points) -> Option<GroupPull> {
    let mean = a.ranking.mean?;
    let t = i128::from(target.hundredths());
    let n_fields = a.fields().len();
    let parts = n_fields + 2;
    let mut share = vec![FractionSum::default(); parts];
    let mut weight = vec![FractionSum::default(); parts];
    let mut percents = vec![FractionSum::default(); parts];
    let mut measured = vec![0u32; parts];
    let mut max_sum = vec![0i128; parts];
    let mut any_extra = false;
    let mut n = 0u32;
    for row in 0..a.ranking.rows.len() {
        let Some((r, b)) = a.row(row) else { continue };
        if r.index.is_none() {
            continue;
        }
        n += 1;
        let m_u = 100 * i128::from(r.max.hundredths());
        let mut add = |k: usize, p: Points, m: Option<Points>| {
            let (p_h, m_h) = (i128::from(p.hundredths()), m.map_or(0, |m| m.hundredths()));
            share[k].add(10_000 * p_h - t * i128::from(m_h), m_u);
            if m_h > 0 {
                weight[k].add(100 * i128::from(m_h), m_u);
                max_sum[k] += i128::from(m_h);
                percents[k].add_percent(p.hundredths(), m_h);
                measured[k] += 1;
            }
        };
        for (f, s) in b.fields.iter().enumerate() {
            add(f, s.points, Some(s.max));
        }
        add(n_fields, r.survey, Some(set.survey_max));
        let extra = b.totals.bonus - b.totals.deduction;
        any_extra |= extra.hundredths() != 0;
        add(n_fields + 1, extra, None);
    }
    if n == 0 {
        return None;
    }
    let count = Decimal::from(n);
    let mut out: Vec<Pull> = (0..parts)
        .filter(|&k| k < n_fields + 1 || any_extra)
        .map(|k| {
            let part = match k {
                k if k < n_fields => Part::Field(k),
                k if k == n_fields => Part::Survey,
                _ => Part::Extra,
            };
            let s = share[k].value() / count;
            let w = weight[k].value() / count;
            let rise = (w > Decimal::ZERO).then(|| -s / w);
            Pull {
                part,
                mean: (measured[k] > 0).then(|| percents[k].value() / Decimal::from(measured[k])),
                share: s,
                rise,
                points: rise.map(|r| {
                    r * Decimal::from_i128_with_scale(max_sum[k], 0) / Decimal::from(10_000)
                }),
            }
        })
        .collect();
    out.sort_by_key(|p| p.share);
    Some(GroupPull {
        target,
        mean,
        met: mean > target.decimal(),
        parts: out,
    })
}

/// The previous year's group mean of each field, from the units' published percents of that
/// year: (unit, field code, percent) rows of any units, of which those of `units` count.
pub fn field_means_of(
    units: &[UnitCode],
    rows: &[(String, String, Points)],
) -> HashMap<String, Decimal> {
    let members: std::collections::HashSet<&str> = units.iter().map(|u| u.as_str()).collect();
    let mut sums: HashMap<String, (Decimal, u32)> = HashMap::new();
    for (unit, field, pct) in rows {
        if members.contains(unit.as_str()) {
            let e = sums.entry(field.clone()).or_default();
            e.0 += pct.decimal();
            e.1 += 1;
        }
    }
    sums.into_iter()
        .map(|(f, (s, n))| (f, s / Decimal::from(n)))
        .collect()
}

/// Sorts field codes as the tree does (`2` before `10`).
pub fn sort_field_codes(codes: &mut [String]) {
    codes.sort_by_cached_key(|c| {
        ItemCode::parse(c)
            .map(|c| c.sort_key())
            .unwrap_or_else(|_| vec![(u64::MAX, c.clone())])
    });
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::breakdown::GroupBreakdown;
    use super::super::criteria::tests::{node, p, spec};
    use super::super::ranking::{Mode, UnitResult, rank};
    use super::super::sheet::{Decision, SelfEntry, SelfScore, Sheet, Verdict};
    use super::*;

    /// Field 1 (6 points: 1.1 = 4, 1.2 = 2), field 2 (4 points: 2.1 = 3, 2.2 = 1); survey 10;
    /// appraisal 10; 2.2 does not apply to unit N.
    pub(crate) fn set() -> CriteriaSet {
        let mut na = node("2.2", "1");
        na.not_applicable_for = vec![UnitCode::parse("N").unwrap()];
        CriteriaSet::build(spec(
            vec![
                node("1", "6"),
                node("1.1", "4"),
                node("1.2", "2"),
                node("2", "4"),
                node("2.1", "3"),
                na,
            ],
            "10",
            "10",
        ))
        .unwrap()
    }

    pub(crate) fn unit_sheet(set: &CriteriaSet, unit: &str, scores: &[(&str, &str)]) -> Sheet {
        let mut sheet = Sheet::new(set, UnitCode::parse(unit).unwrap());
        for (code, s) in scores {
            let i = set.index_of_str(code).unwrap();
            sheet.records[i].self_entry = Some(SelfEntry {
                score: SelfScore::Points(p(s)),
                note: String::new(),
                evidence: String::new(),
            });
        }
        sheet
    }

    pub(crate) fn decide(set: &CriteriaSet, sheet: &mut Sheet, code: &str, v: Verdict) {
        let i = set.index_of_str(code).unwrap();
        let (state, score) = sheet.resolve(set, i, v, "vì").unwrap();
        sheet.records[i].decision = Some(Decision {
            state,
            score,
            comment: "vì".into(),
            appraiser: String::new(),
            decided_at: String::new(),
            round: 1,
        });
    }

    /// The analysis of sheets with their survey scores and previous indexes.
    pub(crate) fn analyse(
        set: &CriteriaSet,
        units: &[(Sheet, &str, Option<&str>)],
        province: Option<&str>,
        previous: &HashMap<String, Decimal>,
    ) -> GroupAnalysis {
        let mut g = GroupBreakdown::new(set);
        let mut results = Vec::new();
        for (sheet, survey, prev) in units {
            g.push(set, sheet.unit.clone(), &sheet.node_sums(set));
            results.push(UnitResult {
                unit: sheet.unit.clone(),
                name: format!("Đơn vị {}", sheet.unit),
                ranked: true,
                totals: sheet.totals(set),
                survey: Some(p(survey)),
                previous: prev.map(p),
            });
        }
        let r = rank(set, &results, province.map(p), Mode::Provisional).unwrap();
        GroupAnalysis::new(set, g, r, previous)
    }

    fn full(set: &CriteriaSet, unit: &str) -> Sheet {
        unit_sheet(
            set,
            unit,
            &[("1.1", "4"), ("1.2", "2"), ("2.1", "3"), ("2.2", "1")],
        )
    }

    #[test]
    fn percents_bands_means_and_counts_per_field() {
        let set = set();
        // A: everything, 100 % and 100 %.
        // B: 1.1 at 3, 1.2 at 1.5 -> field 1 4.5/6 = 75 % (C); 2.1 at 3, 2.2 at 0.5 -> 87.5 % (B).
        // N: 1.1 at 4, 1.2 at 1 -> 5/6 = 83.33 % (B); 2.1 at 2.7, 2.2 does not apply -> 90 % (A).
        let a = full(&set, "A");
        let b = unit_sheet(
            &set,
            "B",
            &[("1.1", "3"), ("1.2", "1.5"), ("2.1", "3"), ("2.2", "0.5")],
        );
        let nn = unit_sheet(&set, "N", &[("1.1", "4"), ("1.2", "1"), ("2.1", "2.7")]);
        let g = analyse(
            &set,
            &[(a, "10", None), (b, "10", None), (nn, "10", None)],
            None,
            &HashMap::new(),
        );
        let cell = |unit: &str, f: usize| {
            let (_, b) = g
                .row(g.row_of(&UnitCode::parse(unit).unwrap()).unwrap())
                .unwrap();
            let s = b.fields[f];
            (
                s.percent().unwrap().to_string(),
                GroupAnalysis::cell_band(&set, &s).map(|i| set.bands[i].code.clone()),
            )
        };
        assert_eq!(cell("B", 0), ("75.00".into(), Some("C".into())));
        assert_eq!(cell("B", 1), ("87.50".into(), Some("B".into())));
        assert_eq!(cell("N", 0), ("83.33".into(), Some("B".into())));
        // The item that does not apply leaves N's maximum of field 2: 2.7 of 3.
        assert_eq!(cell("N", 1), ("90.00".into(), Some("A".into())));
        // Field 1: (100 + 75 + 83.333…) / 3 = 86.11 (B); field 2: (100 + 87.5 + 90) / 3 = 92.5.
        assert_eq!(
            crate::domain::index::round2(g.stats[0].mean.unwrap()),
            p("86.11")
        );
        assert_eq!(g.stats[1].mean, Some(Decimal::new(925, 1)));
        assert_eq!(g.mean_band(&set, 0), Some(1));
        assert_eq!(g.mean_band(&set, 1), Some(0));
        assert_eq!(g.stats[0].bands, [1, 1, 1, 0]);
        assert_eq!(g.stats[1].bands, [2, 1, 0, 0]);
        assert_eq!(g.weakest(), [0, 1]);
    }

    #[test]
    fn the_weakest_fields_and_the_fields_that_fell() {
        let set = set();
        let b = unit_sheet(
            &set,
            "B",
            &[("1.1", "2"), ("1.2", "1"), ("2.1", "3"), ("2.2", "1")],
        );
        // Field 1 at 50 %, field 2 at 100 %. Last year: field 1 at 60 %, field 2 at 99.5 %.
        let prev: HashMap<String, Decimal> = [
            ("1".to_string(), Decimal::from(60)),
            ("2".to_string(), Decimal::new(995, 1)),
        ]
        .into();
        let g = analyse(&set, &[(b, "10", None)], None, &prev);
        assert_eq!(g.weakest(), [0, 1]);
        assert_eq!(
            g.fell(),
            [(0, Decimal::from(60), Decimal::from(50))],
            "field 1 fell, field 2 rose"
        );
        // Without last year's figures nothing can have fell.
        let b = unit_sheet(&set, "B", &[("1.1", "2")]);
        assert!(
            analyse(&set, &[(b, "10", None)], None, &HashMap::new())
                .fell()
                .is_empty()
        );
    }

    #[test]
    fn undecided_items_count_at_their_self_score_and_the_table_says_so() {
        let set = set();
        let mut a = full(&set, "A");
        decide(&set, &mut a, "1.1", Verdict::Score(p("2")));
        let g = analyse(&set, &[(a, "10", None)], None, &HashMap::new());
        assert!(g.provisional());
        assert_eq!((g.ranking.decided, g.ranking.items), (1, 4));
        // 2 (decided) + 2 (self score of 1.2) of 6.
        let (_, b) = g.row(0).unwrap();
        assert_eq!(b.fields[0].points, p("4"));
    }

    #[test]
    fn the_parts_that_pull_the_group_mean_below_the_province() {
        let set = set();
        // A: field 1 6/6, field 2 1/4, survey 8/10 -> index 15/20 = 75 %.
        // B: field 1 3/6, field 2 4/4, survey 9/10 -> index 16/20 = 80 %.
        // Group mean 77.5 %; the province had 80 % last year.
        let a = unit_sheet(
            &set,
            "A",
            &[("1.1", "4"), ("1.2", "2"), ("2.1", "1"), ("2.2", "0")],
        );
        let b = unit_sheet(
            &set,
            "B",
            &[("1.1", "2"), ("1.2", "1"), ("2.1", "3"), ("2.2", "1")],
        );
        let g = analyse(
            &set,
            &[(a, "8", None), (b, "9", None)],
            Some("80"),
            &HashMap::new(),
        );
        let pull = g.pull().unwrap();
        assert_eq!(pull.mean, Decimal::new(775, 1));
        assert!(!pull.met);
        let total: Decimal = pull.parts.iter().map(|p| p.share).sum();
        assert_eq!(
            total,
            Decimal::new(-25, 1),
            "the shares add up to mean − target"
        );
        let by = |part: Part| pull.parts.iter().find(|p| p.part == part).unwrap().clone();
        // Field 1: A 100·(6 − 4.8)/20 = 6, B 100·(3 − 4.8)/20 = −9: share (6 − 9)/2 = −1.5.
        let f1 = by(Part::Field(0));
        assert_eq!(f1.share, Decimal::new(-15, 1));
        assert_eq!(f1.mean, Some(Decimal::from(75)));
        // Its weight is 6/20 in each unit: a rise of 1.5 / 0.3 = 5 points of percent, which is
        // 0.3 points in each unit's 6, 0.6 over the group.
        assert_eq!(f1.rise, Some(Decimal::from(5)));
        assert_eq!(f1.points, Some(Decimal::new(6, 1)));
        // Field 2: A 100·(1 − 3.2)/20 = −11, B 100·(4 − 3.2)/20 = 4: share −3.5.
        assert_eq!(by(Part::Field(1)).share, Decimal::new(-35, 1));
        // Survey: A 100·(8 − 8)/20 = 0, B 100·(9 − 8)/20 = 5: share 2.5.
        assert_eq!(by(Part::Survey).share, Decimal::new(25, 1));
        let pulling: Vec<Part> = pull.pulling().map(|p| p.part).collect();
        assert_eq!(pulling, [Part::Field(1), Part::Field(0)]);
        // No bonus or deduction in the set: no such part.
        assert!(pull.parts.iter().all(|p| p.part != Part::Extra));
        // Without the province's index there is no target.
        let a = full(&set, "A");
        assert!(
            analyse(&set, &[(a, "8", None)], None, &HashMap::new())
                .pull()
                .is_none()
        );
    }

    #[test]
    fn last_years_field_means_come_from_the_groups_units_only() {
        let units = [UnitCode::parse("A").unwrap(), UnitCode::parse("B").unwrap()];
        let rows = vec![
            ("A".to_string(), "1".to_string(), p("80")),
            ("B".to_string(), "1".to_string(), p("85.5")),
            ("X".to_string(), "1".to_string(), p("10")),
            ("A".to_string(), "2".to_string(), p("70")),
        ];
        let m = field_means_of(&units, &rows);
        assert_eq!(m["1"], Decimal::new(8275, 2));
        assert_eq!(m["2"], Decimal::from(70));
    }

    #[test]
    fn field_codes_sort_as_numbers() {
        let mut c: Vec<String> = ["10", "2", "1", "9"].map(String::from).into();
        sort_field_codes(&mut c);
        assert_eq!(c, ["1", "2", "9", "10"]);
    }
}
