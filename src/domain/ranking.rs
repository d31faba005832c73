//! Ranking a group: index, band, rank with shared places, change against the previous year
//! and the source document's two targets.

use super::codes::UnitCode;
use super::criteria::CriteriaSet;
use super::index::{Index, round2};
use super::points::Points;
use super::sheet::UnitTotals;
use super::text::fold;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Provisional (during the review) or final (every item decided).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Provisional,
    Final,
}

/// One unit's figures, ready to rank.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub unit: UnitCode,
    pub name: String,
    pub ranked: bool,
    pub totals: UnitTotals,
    pub survey: Option<Points>,
    /// The published index of the previous year, in percent.
    pub previous: Option<Points>,
}

/// One line of a ranking.
#[derive(Debug, Clone)]
pub struct RankRow {
    pub unit: UnitCode,
    pub name: String,
    /// None for a unit that is not ranked (or has no index).
    pub rank: Option<usize>,
    pub ranked: bool,
    /// Appraisal points, bonus added and deduction taken off.
    pub appraised: Points,
    pub survey: Points,
    pub survey_missing: bool,
    pub total: Points,
    pub max: Points,
    pub index: Option<Index>,
    pub band: Option<String>,
    pub previous: Option<Points>,
    /// Index minus the previous index, rounded to hundredths.
    pub change: Option<Points>,
    /// Target 1: the index rose above the previous year's.
    pub rises: Option<bool>,
    pub decided: usize,
    pub items: usize,
}

/// A group's ranking.
#[derive(Debug, Clone)]
pub struct Ranking {
    pub mode: Mode,
    pub rows: Vec<RankRow>,
    /// Mean of the units' exact indexes, in percent.
    pub mean: Option<Decimal>,
    pub province_previous: Option<Points>,
    /// Target 2: the group's mean above the province's index of the previous year.
    pub mean_above_province: Option<bool>,
    pub decided: usize,
    pub items: usize,
}

/// Why a ranking cannot be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RankError {
    /// A final ranking needs every item decided.
    Undecided { items: usize, units: usize },
    /// A final ranking needs every unit's survey score.
    MissingSurvey { units: Vec<UnitCode> },
}

/// Ranks the units of one group under its criteria set.
pub fn rank(
    set: &CriteriaSet,
    units: &[UnitResult],
    province_previous: Option<Points>,
    mode: Mode,
) -> Result<Ranking, RankError> {
    rank_with_names(set, units, None, province_previous, mode)
}

/// The same, with each unit's name already folded (`text::fold`, aligned with `units`): what
/// a screen that ranks the same units again and again keeps, since folding ten thousand
/// names costs more than the rest of the ranking.
pub fn rank_with_names(
    set: &CriteriaSet,
    units: &[UnitResult],
    folded: Option<&[String]>,
    province_previous: Option<Points>,
    mode: Mode,
) -> Result<Ranking, RankError> {
    if mode == Mode::Final {
        let open: Vec<usize> = units
            .iter()
            .map(|u| u.totals.items() - u.totals.decided())
            .filter(|&n| n > 0)
            .collect();
        if !open.is_empty() {
            return Err(RankError::Undecided {
                items: open.iter().sum(),
                units: open.len(),
            });
        }
        let missing: Vec<UnitCode> = units
            .iter()
            .filter(|u| u.survey.is_none())
            .map(|u| u.unit.clone())
            .collect();
        if !missing.is_empty() {
            return Err(RankError::MissingSurvey { units: missing });
        }
    }
    let rows: Vec<RankRow> = units
        .iter()
        .map(|u| {
            let survey = u.survey.unwrap_or(Points::ZERO);
            let appraised = u.totals.appraisal_points();
            let total = appraised + survey;
            let max = u.totals.tree.max + set.survey_max;
            let index = Index::new(total, max);
            let band = index
                .as_ref()
                .and_then(|i| set.band_for(i))
                .map(|b| b.code.clone());
            let change = match (&index, u.previous) {
                (Some(i), Some(prev)) => Some(round2(i.percent() - prev.decimal())),
                _ => None,
            };
            let rises = match (&index, u.previous) {
                (Some(i), Some(prev)) => Some(i.above_percent(prev)),
                _ => None,
            };
            RankRow {
                unit: u.unit.clone(),
                name: u.name.clone(),
                rank: None,
                ranked: u.ranked,
                appraised,
                survey,
                survey_missing: u.survey.is_none(),
                total,
                max,
                index,
                band,
                previous: u.previous,
                change,
                rises,
                decided: u.totals.decided(),
                items: u.totals.items(),
            }
        })
        .collect();

    // By rank first; names (folded, which costs) only among units that tie, each once.
    let by_index = |a: &RankRow, b: &RankRow| {
        b.ranked
            .cmp(&a.ranked)
            .then_with(|| match (&a.index, &b.index) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            })
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&i, &j| by_index(&rows[i], &rows[j]));
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && by_index(&rows[order[start]], &rows[order[end]]).is_eq() {
            end += 1;
        }
        if end - start > 1 {
            let mut tied: Vec<(std::borrow::Cow<'_, str>, usize)> = order[start..end]
                .iter()
                .map(|&i| {
                    let name = match folded.and_then(|f| f.get(i)) {
                        Some(f) => std::borrow::Cow::Borrowed(f.as_str()),
                        None => std::borrow::Cow::Owned(fold(&rows[i].name)),
                    };
                    (name, i)
                })
                .collect();
            tied.sort_by(|(fa, i), (fb, j)| {
                let (a, b) = (&rows[*i], &rows[*j]);
                fa.cmp(fb)
                    .then_with(|| a.name.cmp(&b.name))
                    .then_with(|| a.unit.cmp(&b.unit))
            });
            for (k, (_, i)) in tied.into_iter().enumerate() {
                order[start + k] = i;
            }
        }
        start = end;
    }
    let mut slots: Vec<Option<RankRow>> = rows.into_iter().map(Some).collect();
    let mut rows: Vec<RankRow> = order.into_iter().filter_map(|i| slots[i].take()).collect();

    // Competition ranking: equal exact indexes share a rank, the next rank skips (1, 2, 2, 4).
    let mut place = 0;
    let mut previous: Option<Index> = None;
    let mut current_rank = 0;
    for row in rows.iter_mut().filter(|r| r.ranked) {
        let Some(index) = row.index else { continue };
        place += 1;
        if previous != Some(index) {
            current_rank = place;
            previous = Some(index);
        }
        row.rank = Some(current_rank);
    }

    let indexes: Vec<Decimal> = rows
        .iter()
        .filter_map(|r| r.index.map(|i| i.percent()))
        .collect();
    let mean = (!indexes.is_empty())
        .then(|| indexes.iter().sum::<Decimal>() / Decimal::from(indexes.len()));
    let mean_above_province = match (mean, province_previous) {
        (Some(m), Some(p)) => Some(m > p.decimal()),
        _ => None,
    };
    Ok(Ranking {
        mode,
        decided: rows.iter().map(|r| r.decided).sum(),
        items: rows.iter().map(|r| r.items).sum(),
        rows,
        mean,
        province_previous,
        mean_above_province,
    })
}

#[cfg(test)]
mod tests {
    use super::super::criteria::tests::{p, small_set};
    use super::super::sheet::NodeSum;
    use super::*;

    fn unit(code: &str, name: &str, provisional: &str, max: &str, decided: usize) -> UnitResult {
        UnitResult {
            unit: UnitCode::parse(code).unwrap(),
            name: name.into(),
            ranked: true,
            totals: UnitTotals {
                tree: NodeSum {
                    max: p(max),
                    provisional: p(provisional),
                    items: 4,
                    decided,
                    ..NodeSum::default()
                },
                ..UnitTotals::default()
            },
            survey: Some(p("4")),
            previous: None,
        }
    }

    fn ranks(r: &Ranking) -> Vec<(String, Option<usize>)> {
        r.rows
            .iter()
            .map(|r| (r.unit.to_string(), r.rank))
            .collect()
    }

    #[test]
    fn ties_share_a_rank_and_are_listed_by_name() {
        let set = small_set(); // survey max 5
        let units = vec![
            unit("D", "Sở Y tế", "3", "5", 4),
            unit("A", "Sở Tư pháp", "5", "5", 4),
            unit("C", "Sở Công Thương", "4", "5", 4),
            unit("B", "Sở Nội vụ", "4", "5", 4),
        ];
        let r = rank(&set, &units, None, Mode::Final).unwrap();
        assert_eq!(
            ranks(&r),
            vec![
                ("A".into(), Some(1)),
                ("C".into(), Some(2)),
                ("B".into(), Some(2)),
                ("D".into(), Some(4)),
            ]
        );
    }

    #[test]
    fn equal_displays_are_not_ties_when_exact_indexes_differ() {
        let set = small_set();
        // (81.34 + 4) / (95.01 + 5) vs (81.33 + 4) / (95 + 5): both 85.33 when rounded.
        let units = vec![
            unit("A", "An", "81.33", "95", 4),
            unit("B", "Bình", "81.34", "95.01", 4),
        ];
        let r = rank(&set, &units, None, Mode::Final).unwrap();
        let shown: Vec<String> = r
            .rows
            .iter()
            .map(|r| r.index.unwrap().to_string())
            .collect();
        assert_eq!(shown[0], shown[1]);
        assert_eq!(r.rows[0].rank, Some(1));
        assert_eq!(r.rows[1].rank, Some(2));
    }

    #[test]
    fn a_not_ranked_unit_is_listed_without_a_rank_and_takes_no_place() {
        let set = small_set();
        let mut vp = unit("VP", "Văn phòng Đoàn ĐBQH", "5", "5", 4);
        vp.ranked = false;
        let units = vec![
            vp,
            unit("A", "Sở Tư pháp", "4", "5", 4),
            unit("B", "Sở Y tế", "3", "5", 4),
        ];
        let r = rank(&set, &units, None, Mode::Final).unwrap();
        assert_eq!(
            ranks(&r),
            vec![
                ("A".into(), Some(1)),
                ("B".into(), Some(2)),
                ("VP".into(), None)
            ]
        );
        assert_eq!(r.rows[2].index.unwrap().to_string(), "90.00");
    }

    #[test]
    fn final_ranking_is_refused_while_items_are_undecided() {
        let set = small_set();
        let units = vec![unit("A", "An", "4", "5", 4), unit("B", "Bình", "4", "5", 1)];
        assert_eq!(
            rank(&set, &units, None, Mode::Final).unwrap_err(),
            RankError::Undecided { items: 3, units: 1 }
        );
        let r = rank(&set, &units, None, Mode::Provisional).unwrap();
        assert_eq!((r.decided, r.items), (5, 8));
    }

    #[test]
    fn final_ranking_needs_survey_scores() {
        let set = small_set();
        let mut a = unit("A", "An", "4", "5", 4);
        a.survey = None;
        assert_eq!(
            rank(&set, &[a.clone()], None, Mode::Final).unwrap_err(),
            RankError::MissingSurvey {
                units: vec![UnitCode::parse("A").unwrap()]
            }
        );
        let r = rank(&set, &[a], None, Mode::Provisional).unwrap();
        assert!(r.rows[0].survey_missing);
    }

    #[test]
    fn bands_change_and_targets() {
        let set = small_set(); // bands A 90, B 80, C 70, D 0; survey max 5
        let mut a = unit("A", "An", "5", "5", 4); // (5+4)/10 = 90 %
        a.previous = Some(p("85.5"));
        let mut b = unit("B", "Bình", "3", "5", 4); // 70 %
        b.previous = Some(p("72.25"));
        let r = rank(&set, &[a, b], Some(p("79.99")), Mode::Final).unwrap();
        assert_eq!(r.rows[0].band.as_deref(), Some("A"));
        assert_eq!(r.rows[1].band.as_deref(), Some("C"));
        assert_eq!(r.rows[0].change, Some(p("4.5")));
        assert_eq!(r.rows[1].change, Some(p("-2.25")));
        assert_eq!(r.rows[0].rises, Some(true));
        assert_eq!(r.rows[1].rises, Some(false));
        assert_eq!(r.mean, Some(Decimal::from(80)));
        assert_eq!(r.mean_above_province, Some(true));
        let r = rank(
            &set,
            &[unit("A", "An", "5", "5", 4)],
            Some(p("90")),
            Mode::Final,
        )
        .unwrap();
        assert_eq!(r.mean_above_province, Some(false));
    }

    #[test]
    fn the_published_example_ranks_at_81_33() {
        use super::super::criteria::CriteriaSet;
        use super::super::criteria::tests::{node, spec};
        use super::super::sheet::{Decision, SelfEntry, SelfScore, Sheet, Verdict};
        // 100 appraisal points, 16 of which do not apply to the unit; no survey.
        let set =
            CriteriaSet::build(spec(vec![node("1", "84"), node("2", "16")], "100", "0")).unwrap();
        let mut sheet = Sheet::new(&set, UnitCode::parse("TH").unwrap());
        for (i, score) in [
            (0, SelfScore::Points(p("70"))),
            (1, SelfScore::NotApplicable),
        ] {
            sheet.records[i].self_entry = Some(SelfEntry {
                score,
                note: String::new(),
                evidence: String::new(),
            });
        }
        for (i, verdict) in [(0, Verdict::Score(p("68.32"))), (1, Verdict::Agree)] {
            let (state, score) = sheet.resolve(&set, i, verdict, "").unwrap();
            sheet.records[i].decision = Some(Decision {
                state,
                score,
                comment: String::new(),
                appraiser: String::new(),
                decided_at: String::new(),
                round: 1,
            });
        }
        let u = UnitResult {
            unit: sheet.unit.clone(),
            name: "Ủy ban".into(),
            ranked: true,
            totals: sheet.totals(&set),
            survey: Some(p("0")),
            previous: None,
        };
        let r = rank(&set, &[u], None, Mode::Final).unwrap();
        assert_eq!(r.rows[0].max, p("84"));
        assert_eq!(r.rows[0].index.unwrap().to_string(), "81.33");
    }
}
