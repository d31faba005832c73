//! The way up of one unit, exact: where it lost its points (per field and per criterion,
//! largest first), and what it would take to pass the unit ranked just above, to reach the
//! next band and to rise above its own index of the previous year (the source document's unit
//! target) — each as the points needed and the shortest list of criteria whose lost points
//! close the gap.
//!
//! Everything is in hundredths of a point and exact fractions: the points needed are the
//! fewest hundredths that make the index strictly pass the unit above (an equal index would
//! only share its rank), reach the band's threshold, or strictly exceed last year's index.
//! Recovered points come from items that apply to the unit, so the unit's maximum does not
//! change. The lists take the criteria by their lost points, largest first: no shorter list
//! can bring as much, since the k largest losses are the most any k criteria can give back.

use super::UnitCode;
use super::breakdown::{NodeScore, Outline, UnitBreakdown};
use super::criteria::{Band, CriteriaSet};
use super::index::Index;
use super::points::Points;
use super::ranking::{RankRow, Ranking};
use rust_decimal::Decimal;

/// A field's or a criterion's points against its applicable maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loss {
    /// The node, as an index into the set's nodes.
    pub node: usize,
    pub points: Points,
    /// The maximum of its items that apply to the unit.
    pub max: Points,
}

impl Loss {
    fn of(node: usize, s: &NodeScore) -> Loss {
        Loss {
            node,
            points: s.points,
            max: s.max,
        }
    }

    /// Points not obtained: applicable maximum minus points.
    pub fn lost(&self) -> Points {
        self.max - self.points
    }
}

/// What a gap is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    /// The ranked unit just above: the nearest higher exact index.
    Above {
        unit: UnitCode,
        name: String,
        rank: Option<usize>,
        index: Index,
    },
    /// The next band up: its code and threshold (percent).
    Band {
        code: String,
        min: Points,
        /// Whether the band needs an index strictly above `min`.
        above: bool,
    },
    /// The unit's own index of the previous year (percent), to be exceeded.
    Previous { percent: Points },
}

impl Goal {
    /// The goal as a percent.
    pub fn percent(&self) -> Decimal {
        match self {
            Goal::Above { index, .. } => index.percent(),
            Goal::Band { min, .. } => min.decimal(),
            Goal::Previous { percent } => percent.decimal(),
        }
    }
}

/// One criterion of a list that closes a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub loss: Loss,
    /// The points of all the list's criteria up to this one.
    pub cumulative: Points,
    /// The unit's index with those points recovered.
    pub index: Index,
}

/// A gap to close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub goal: Goal,
    /// The goal's percent minus the unit's index, in points of percent.
    pub gap: Decimal,
    /// The fewest points (hundredths) that close it.
    pub needed: Points,
    /// The shortest list of criteria whose lost points close it; empty when even every lost
    /// point would not.
    pub steps: Vec<Step>,
    /// Whether recovering every lost point closes it.
    pub reachable: bool,
    /// The unit's index with every lost point recovered.
    pub best: Index,
}

/// The unit against one of its three goals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Gap(Gap),
    /// Already beyond the goal, by `margin` points of percent.
    Met {
        goal: Goal,
        margin: Decimal,
    },
    /// No ranked unit has a higher index.
    AlreadyFirst,
    /// The unit is not ranked: no unit is above it.
    NotRanked,
    /// The unit is in the highest band.
    TopBand,
    /// The unit has no index of the previous year.
    NoPrevious,
}

/// A unit's way up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WayUp {
    pub unit: UnitCode,
    pub name: String,
    pub rank: Option<usize>,
    /// Ranked units of the group.
    pub ranked: usize,
    pub index: Index,
    /// The band's code.
    pub band: Option<String>,
    pub previous: Option<Points>,
    /// Every field that applies to the unit, the most points lost first.
    pub fields: Vec<Loss>,
    /// The criteria on which points were lost, the most first.
    pub criteria: Vec<Loss>,
    /// Every lost point of the criteria together.
    pub recoverable: Points,
    pub above: Target,
    pub band_up: Target,
    pub previous_target: Target,
    /// Items decided, of all the unit's items: the others count at their self score.
    pub decided: usize,
    pub items: usize,
}

/// Sorts losses by lost points, largest first; equal losses in the tree's order.
fn by_loss(v: &mut [Loss]) {
    v.sort_by(|a, b| b.lost().cmp(&a.lost()).then(a.node.cmp(&b.node)));
}

/// The fewest hundredths `h ≥ 0` with (total + h) / max > num / den: strictly above.
fn to_exceed(total: i64, max: i64, num: i128, den: i128) -> i64 {
    // (T + h)·den > num·M  ⇔  h > (num·M − T·den) / den.
    let d = num * i128::from(max) - i128::from(total) * den;
    if d < 0 { 0 } else { (d / den + 1) as i64 }
}

/// The fewest hundredths `h ≥ 0` with (total + h) / max ≥ num / den.
fn to_reach(total: i64, max: i64, num: i128, den: i128) -> i64 {
    let d = num * i128::from(max) - i128::from(total) * den;
    if d <= 0 {
        0
    } else {
        ((d + den - 1) / den) as i64
    }
}

/// The gap to a goal that needs `needed` more points.
fn gap(goal: Goal, index: &Index, needed: Points, criteria: &[Loss], best: Index) -> Gap {
    let (total, max) = (index.total(), Index::max(index));
    let mut steps = Vec::new();
    let mut cumulative = Points::ZERO;
    for c in criteria {
        if cumulative >= needed {
            break;
        }
        cumulative = cumulative + c.lost();
        steps.push(Step {
            loss: *c,
            cumulative,
            index: Index::new(total + cumulative, max).unwrap_or(*index),
        });
    }
    let reachable = cumulative >= needed;
    if !reachable {
        steps.clear();
    }
    Gap {
        gap: goal.percent() - index.percent(),
        goal,
        needed,
        steps,
        reachable,
        best,
    }
}

/// The way up of the unit on `row` of `ranking`, with its breakdown. None when the unit has
/// no index (nothing of it applies).
pub fn way_up(
    set: &CriteriaSet,
    outline: &Outline,
    b: &UnitBreakdown,
    row: &RankRow,
    ranking: &Ranking,
) -> Option<WayUp> {
    let index = row.index?;
    let (total, max) = (index.total().hundredths(), Index::max(&index).hundredths());
    let mut fields: Vec<Loss> = outline
        .fields
        .iter()
        .zip(&b.fields)
        .filter(|(_, s)| s.applies())
        .map(|(&i, s)| Loss::of(i, s))
        .collect();
    by_loss(&mut fields);
    // The criteria, and the fields that are items themselves (no criteria under them).
    let mut criteria: Vec<Loss> = outline
        .criteria
        .iter()
        .zip(&b.criteria)
        .chain(
            outline
                .fields
                .iter()
                .zip(&b.fields)
                .filter(|(i, _)| set.node(**i).is_item()),
        )
        .map(|(&i, s)| Loss::of(i, s))
        .filter(|l| l.lost().hundredths() > 0)
        .collect();
    by_loss(&mut criteria);
    let recoverable: Points = criteria.iter().map(Loss::lost).sum();
    let best = Index::new(index.total() + recoverable, Index::max(&index)).unwrap_or(index);
    let close = |goal: Goal, h: i64| {
        let needed = Points::from_hundredths(h);
        Target::Gap(gap(goal, &index, needed, &criteria, best))
    };

    let above = if !row.ranked || row.rank.is_none() {
        Target::NotRanked
    } else {
        // The nearest higher index among the ranked units (the first listed of equals).
        let next = ranking
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .filter_map(|r| r.index.filter(|i| *i > index).map(|i| (r, i)))
            .fold(None::<(&RankRow, Index)>, |best, (r, i)| match best {
                Some((_, bi)) if bi <= i => best,
                _ => Some((r, i)),
            });
        match next {
            None => Target::AlreadyFirst,
            Some((r, i)) => {
                let h = to_exceed(
                    total,
                    max,
                    i128::from(i.total().hundredths()),
                    i128::from(Index::max(&i).hundredths()),
                );
                let goal = Goal::Above {
                    unit: r.unit.clone(),
                    name: r.name.clone(),
                    rank: r.rank,
                    index: i,
                };
                close(goal, h)
            }
        }
    };

    let current = Band::of_index(&set.bands, &index);
    let next_band = match current {
        Some(0) => None,
        Some(k) => Some(k - 1),
        None => set.bands.len().checked_sub(1),
    };
    let band_up = match next_band {
        None => Target::TopBand,
        Some(k) => {
            let band = &set.bands[k];
            let bound = i128::from(band.min.hundredths());
            let h = if band.above {
                to_exceed(total, max, bound, 10_000)
            } else {
                to_reach(total, max, bound, 10_000)
            };
            let goal = Goal::Band {
                code: band.code.clone(),
                min: band.min,
                above: band.above,
            };
            close(goal, h)
        }
    };

    let previous_target = match row.previous {
        None => Target::NoPrevious,
        Some(prev) => {
            let goal = Goal::Previous { percent: prev };
            if index.above_percent(prev) {
                Target::Met {
                    margin: index.percent() - prev.decimal(),
                    goal,
                }
            } else {
                let h = to_exceed(total, max, i128::from(prev.hundredths()), 10_000);
                close(goal, h)
            }
        }
    };

    Some(WayUp {
        unit: row.unit.clone(),
        name: row.name.clone(),
        rank: row.rank,
        ranked: ranking.rows.iter().filter(|r| r.rank.is_some()).count(),
        index,
        band: row.band.clone(),
        previous: row.previous,
        fields,
        criteria,
        recoverable,
        above,
        band_up,
        previous_target,
        decided: row.decided,
        items: row.items,
    })
}

#[cfg(test)]
mod tests {
    use super::super::analysis::tests::{analyse, decide, set, unit_sheet};
    use super::super::criteria::tests::p;
    use super::super::sheet::Verdict;
    use super::*;
    use std::collections::HashMap;

    fn code(s: &str) -> UnitCode {
        UnitCode::parse(s).unwrap()
    }

    fn gap_of(t: &Target) -> &Gap {
        match t {
            Target::Gap(g) => g,
            other => panic!("expected a gap, got {other:?}"),
        }
    }

    fn codes(set: &CriteriaSet, steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|s| set.node(s.loss.node).code.to_string())
            .collect()
    }

    #[test]
    fn needed_points_are_the_fewest_hundredths_that_pass_reach_or_exceed() {
        // 80 of 100 against 81 of 100: 1.01 passes, 1.00 only ties.
        assert_eq!(to_exceed(8000, 10000, 8100, 10000), 101);
        assert_eq!(to_reach(8000, 10000, 8100, 10000), 100);
        // 80 of 100 against 2 of 3 (66.67 %): already above.
        assert_eq!(to_exceed(8000, 10000, 2, 3), 0);
        // 60 of 100 against 2/3: (60 + h)/100 > 2/3 ⇔ h > 6.666…: 6.67.
        assert_eq!(to_exceed(6000, 10000, 2, 3), 667);
        // Reaching 90 % of 97.25: 87.525 points, so 87.53 from 84.21 is 3.32.
        assert_eq!(to_reach(8421, 9725, 9000, 10000), 332);
    }

    /// Units A > B > C: A 18/20, B 16/20, C 15/20 (all with survey 8).
    fn group() -> super::super::analysis::GroupAnalysis {
        let set = set();
        let a = unit_sheet(
            &set,
            "A",
            &[("1.1", "4"), ("1.2", "2"), ("2.1", "3"), ("2.2", "1")],
        );
        // B: lost 1.1 = 2, 2.1 = 0... field 1 at 4/6, field 2 at 4/4: 8 + 8 = 16.
        let b = unit_sheet(
            &set,
            "B",
            &[("1.1", "2"), ("1.2", "2"), ("2.1", "3"), ("2.2", "1")],
        );
        // C: 1.1 at 3 (lost 1), 1.2 at 1.5 (lost 0.5), 2.1 at 1.5 (lost 1.5), 2.2 at 1: 7 + 8 = 15.
        let c = unit_sheet(
            &set,
            "C",
            &[("1.1", "3"), ("1.2", "1.5"), ("2.1", "1.5"), ("2.2", "1")],
        );
        analyse(
            &set,
            &[
                (a, "8", Some("85")),
                (b, "8", Some("80")),
                (c, "8", Some("76")),
            ],
            None,
            &HashMap::new(),
        )
    }

    #[test]
    fn points_lost_per_field_and_criterion_largest_first() {
        let set = set();
        let g = group();
        let w = g.way_up(&set, &code("C")).unwrap();
        assert_eq!(w.index.to_string(), "75.00");
        assert_eq!((w.rank, w.ranked), (Some(3), 3));
        let lost: Vec<(String, Points)> = w
            .fields
            .iter()
            .map(|l| (set.node(l.node).code.to_string(), l.lost()))
            .collect();
        // Field 1 lost 1.5 (4.5 of 6), field 2 lost 1.5 (2.5 of 4): equal, in the tree's order.
        assert_eq!(lost, [("1".into(), p("1.5")), ("2".into(), p("1.5"))]);
        let lost: Vec<(String, Points)> = w
            .criteria
            .iter()
            .map(|l| (set.node(l.node).code.to_string(), l.lost()))
            .collect();
        assert_eq!(
            lost,
            [
                ("2.1".into(), p("1.5")),
                ("1.1".into(), p("1")),
                ("1.2".into(), p("0.5"))
            ]
        );
        assert_eq!(w.recoverable, p("3"));
    }

    #[test]
    fn to_pass_the_unit_above_the_shortest_list_largest_first() {
        let set = set();
        let g = group();
        let w = g.way_up(&set, &code("C")).unwrap();
        let above = gap_of(&w.above);
        match &above.goal {
            Goal::Above { unit, rank, .. } => {
                assert_eq!((unit.as_str(), *rank), ("B", Some(2)));
            }
            other => panic!("{other:?}"),
        }
        // 15/20 against 16/20: 1.01 points (1.00 would tie).
        assert_eq!(above.needed, p("1.01"));
        assert_eq!(above.gap, Decimal::from(5));
        // 2.1 brings 1.5: enough alone.
        assert_eq!(codes(&set, &above.steps), ["2.1"]);
        assert_eq!(above.steps[0].cumulative, p("1.5"));
        assert_eq!(above.steps[0].index.to_string(), "82.50");
        // The next band (B, 80 %) needs exactly 1 point: reaching is enough.
        let band = gap_of(&w.band_up);
        assert_eq!(
            band.goal,
            Goal::Band {
                code: "B".into(),
                min: p("80"),
                above: false,
            }
        );
        assert_eq!(band.needed, p("1"));
        assert_eq!(codes(&set, &band.steps), ["2.1"]);
        // Last year 76 %: 15.2 of 20 is 76 % exactly, so 0.21 to exceed it.
        let prev = gap_of(&w.previous_target);
        assert_eq!(prev.needed, p("0.21"));
        assert_eq!(codes(&set, &prev.steps), ["2.1"]);
    }

    #[test]
    fn a_longer_gap_takes_more_criteria_cumulatively() {
        let set = set();
        // C (15 of 20, lost 2.1 = 1.5, 1.1 = 1, 1.2 = 0.5) had 86 % last year: 17.2 of 20,
        // so 2.21 points to exceed it: 2.1 then 1.1 (2.5 together), not 1.2.
        let c = unit_sheet(
            &set,
            "C",
            &[("1.1", "3"), ("1.2", "1.5"), ("2.1", "1.5"), ("2.2", "1")],
        );
        let g = analyse(&set, &[(c, "8", Some("86"))], None, &HashMap::new());
        let w = g.way_up(&set, &code("C")).unwrap();
        let prev = gap_of(&w.previous_target);
        assert_eq!(prev.needed, p("2.21"));
        assert_eq!(prev.gap, Decimal::from(11));
        assert_eq!(codes(&set, &prev.steps), ["2.1", "1.1"]);
        let cumulative: Vec<Points> = prev.steps.iter().map(|s| s.cumulative).collect();
        assert_eq!(cumulative, [p("1.5"), p("2.5")]);
        let shown: Vec<String> = prev.steps.iter().map(|s| s.index.to_string()).collect();
        assert_eq!(shown, ["82.50", "87.50"]);
        assert!(prev.reachable);
        // B (16 of 20, lost 2 on 1.1 only) against A (18 of 20): 2.01 needed, out of reach.
        let g = group();
        let w = g.way_up(&set, &code("B")).unwrap();
        let above = gap_of(&w.above);
        assert_eq!(above.needed, p("2.01"));
        assert!(!above.reachable);
        assert!(above.steps.is_empty());
        assert_eq!(above.best.to_string(), "90.00");
    }

    #[test]
    fn a_unit_that_cannot_reach_the_next_band_even_with_full_marks() {
        let set = set();
        // 9 of 10 points and a survey of 5 of 10: 70 %, band C. With the last point back it
        // is 75 % at best; band B needs 80 %.
        let a = unit_sheet(
            &set,
            "A",
            &[("1.1", "4"), ("1.2", "2"), ("2.1", "2"), ("2.2", "1")],
        );
        let g = analyse(&set, &[(a, "5", None)], None, &HashMap::new());
        let w = g.way_up(&set, &code("A")).unwrap();
        assert_eq!(w.index.to_string(), "70.00");
        let band = gap_of(&w.band_up);
        assert_eq!(
            band.goal,
            Goal::Band {
                code: "B".into(),
                min: p("80"),
                above: false,
            }
        );
        assert_eq!(band.needed, p("2"));
        assert!(!band.reachable, "only 1 point is left to recover");
        assert_eq!(band.best.to_string(), "75.00");
        assert!(band.steps.is_empty());
    }

    #[test]
    fn a_unit_already_first_and_in_the_top_band() {
        let set = set();
        let g = group();
        let w = g.way_up(&set, &code("A")).unwrap();
        assert_eq!(w.above, Target::AlreadyFirst);
        assert_eq!(w.band_up, Target::TopBand);
        assert!(w.criteria.is_empty());
        // 90 % against 85 % last year: met by 5 points.
        assert_eq!(
            w.previous_target,
            Target::Met {
                goal: Goal::Previous { percent: p("85") },
                margin: Decimal::from(5)
            }
        );
    }

    #[test]
    fn ties_share_a_rank_and_the_unit_above_is_the_next_higher_index() {
        let set = set();
        // A 18, B 16, D 16 (tied with B), C 15: B and D share rank 2; above them is A;
        // above C is B or D (the first listed), at 80 %.
        let full = [("1.1", "4"), ("1.2", "2"), ("2.1", "3"), ("2.2", "1")];
        let a = unit_sheet(&set, "A", &full);
        let b = unit_sheet(
            &set,
            "B",
            &[("1.1", "2"), ("1.2", "2"), ("2.1", "3"), ("2.2", "1")],
        );
        let d = unit_sheet(
            &set,
            "D",
            &[("1.1", "4"), ("1.2", "0"), ("2.1", "3"), ("2.2", "1")],
        );
        let c = unit_sheet(
            &set,
            "C",
            &[("1.1", "3"), ("1.2", "1.5"), ("2.1", "1.5"), ("2.2", "1")],
        );
        let g = analyse(
            &set,
            &[
                (a, "8", None),
                (b, "8", None),
                (d, "8", None),
                (c, "8", None),
            ],
            None,
            &HashMap::new(),
        );
        for tied in ["B", "D"] {
            let w = g.way_up(&set, &code(tied)).unwrap();
            assert_eq!(w.rank, Some(2));
            match &gap_of(&w.above).goal {
                Goal::Above { unit, .. } => assert_eq!(unit.as_str(), "A"),
                other => panic!("{other:?}"),
            }
        }
        let w = g.way_up(&set, &code("C")).unwrap();
        assert_eq!(w.rank, Some(4));
        match &gap_of(&w.above).goal {
            Goal::Above { rank, index, .. } => {
                assert_eq!(*rank, Some(2));
                assert_eq!(index.to_string(), "80.00");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn not_applicable_items_leave_the_maximum_and_bring_nothing_back() {
        let set = set();
        // N: 2.2 does not apply (set); 2.1 ruled out by the council. Field 2 has nothing left.
        let mut n = unit_sheet(&set, "N", &[("1.1", "3"), ("1.2", "2"), ("2.1", "3")]);
        decide(&set, &mut n, "2.1", Verdict::NotApplicable);
        let g = analyse(&set, &[(n, "8", Some("90"))], None, &HashMap::new());
        let w = g.way_up(&set, &code("N")).unwrap();
        // (5 + 8) / (6 + 10) = 81.25 %.
        assert_eq!(w.index.to_string(), "81.25");
        assert_eq!(w.fields.len(), 1, "field 2 no longer applies");
        assert_eq!(w.recoverable, p("1"));
        // 90 % last year: 14.4 of 16, so 1.41 needed and only 1 to recover.
        let prev = gap_of(&w.previous_target);
        assert_eq!(prev.needed, p("1.41"));
        assert!(!prev.reachable);
        assert_eq!(prev.best.to_string(), "87.50");
        assert_eq!(w.above, Target::AlreadyFirst);
        assert_eq!((w.decided, w.items), (1, 3));
    }

    #[test]
    fn a_unit_not_ranked_has_no_unit_above_and_no_previous_is_said() {
        let set = set();
        let a = unit_sheet(&set, "A", &[("1.1", "4")]);
        let mut g = analyse(&set, &[(a, "8", None)], None, &HashMap::new());
        g.ranking.rows[0].ranked = false;
        g.ranking.rows[0].rank = None;
        let w = g.way_up(&set, &code("A")).unwrap();
        assert_eq!(w.above, Target::NotRanked);
        assert_eq!(w.previous_target, Target::NoPrevious);
    }
}
