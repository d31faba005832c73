//! The years: a unit's index year after year, a group's mean against the province's index of
//! the year before, and the province's national rank against the source document's targets
//! (top 15 by 2025, then at least one place up every year to 2030). The years come in as
//! data, already merged from what the council published and what was imported; nothing here
//! reads a database or a clock.

use super::points::Points;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// Where a year's index comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The year's result published with `thamdinh publish` in this database.
    Published,
    /// Imported history (`history.csv`).
    Imported,
    /// The working year, not published: its provisional ranking as it stands.
    Current,
}

/// One unit's (or the province's) index in one year, as published (2 decimals).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearIndex {
    pub year: i32,
    pub index: Points,
    pub source: Source,
    /// The rank in the unit's group (for the province: in the country) and of how many.
    pub rank: Option<u32>,
    pub ranked_of: Option<u32>,
    pub band: Option<String>,
}

/// One year of a unit's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitYear {
    pub year: i32,
    pub index: Points,
    pub source: Source,
    /// Index minus the index of the year before (none when that year is unknown).
    pub change: Option<Points>,
    /// The source document's target: the index above the year before's.
    pub rose: Option<bool>,
    pub band: Option<String>,
    pub rank: Option<u32>,
    pub ranked_of: Option<u32>,
}

/// A unit's years, oldest first, each with its change from the year before.
pub fn unit_path(years: &[YearIndex]) -> Vec<UnitYear> {
    let mut sorted: Vec<&YearIndex> = years.iter().collect();
    sorted.sort_by_key(|y| y.year);
    let by_year: HashMap<i32, Points> = sorted.iter().map(|y| (y.year, y.index)).collect();
    sorted
        .into_iter()
        .map(|y| {
            let before = by_year.get(&(y.year - 1)).copied();
            UnitYear {
                year: y.year,
                index: y.index,
                source: y.source,
                change: before.map(|b| y.index - b),
                rose: before.map(|b| y.index > b),
                band: y.band.clone(),
                rank: y.rank,
                ranked_of: y.ranked_of,
            }
        })
        .collect()
}

/// One year of a group: its mean against the province's index of the year before, and how
/// many of its units rose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupYear {
    pub year: i32,
    /// The units with an index this year.
    pub units: usize,
    /// The plain mean of their indexes (as published, 2 decimals), exact.
    pub mean: Decimal,
    /// The province's index of the year before.
    pub province_previous: Option<Points>,
    /// The source document's target: the mean above the province's index of the year before.
    pub above_province: Option<bool>,
    /// Units whose index rose from the year before, of `compared` units that have both years.
    pub rose: usize,
    pub compared: usize,
    /// Whether any of the year's indexes is the working year's provisional one.
    pub current: bool,
}

/// A group's years, oldest first. `members` gives, for each year, the units that belonged to
/// the group that year with their index; `all` every unit's index by year (a unit that rose
/// is compared with its own index the year before, whatever group it was in); `province` the
/// province's index by year.
pub fn group_path(
    members: &BTreeMap<i32, Vec<(String, Points, Source)>>,
    all: &HashMap<String, BTreeMap<i32, Points>>,
    province: &BTreeMap<i32, Points>,
) -> Vec<GroupYear> {
    members
        .iter()
        .filter(|(_, units)| !units.is_empty())
        .map(|(&year, units)| {
            let sum: Decimal = units.iter().map(|(_, p, _)| p.decimal()).sum();
            let mean = sum / Decimal::from(units.len());
            let province_previous = province.get(&(year - 1)).copied();
            let before: Vec<(Points, Points)> = units
                .iter()
                .filter_map(|(u, p, _)| {
                    all.get(u)
                        .and_then(|ys| ys.get(&(year - 1)))
                        .map(|b| (*p, *b))
                })
                .collect();
            GroupYear {
                year,
                units: units.len(),
                mean,
                province_previous,
                above_province: province_previous.map(|p| mean > p.decimal()),
                rose: before.iter().filter(|(now, b)| now > b).count(),
                compared: before.len(),
                current: units.iter().any(|(_, _, s)| *s == Source::Current),
            }
        })
        .collect()
}

/// Competition ranks of indexes (1, 2, 2, 4): equal indexes share a place.
pub fn competition_ranks<K: Clone + Eq + std::hash::Hash>(
    values: &[(K, Points)],
) -> HashMap<K, u32> {
    let mut sorted: Vec<&(K, Points)> = values.iter().collect();
    sorted.sort_by_key(|b| std::cmp::Reverse(b.1));
    let mut out = HashMap::new();
    let mut rank = 0;
    let mut last: Option<Points> = None;
    for (place, (k, p)) in sorted.into_iter().enumerate() {
        if last != Some(*p) {
            rank = place as u32 + 1;
            last = Some(*p);
        }
        out.insert(k.clone(), rank);
    }
    out
}

/// The province's rank targets of a plan: in the top `top` by `by`, then at least one place up
/// every year until `until`; the plan starts in `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub from: i32,
    pub top: u32,
    pub by: i32,
    pub until: i32,
}

/// The source document's plan (Đề án cải thiện Chỉ số CCHC tỉnh Sóc Trăng, 2022): "đến năm
/// 2025 … trong nhóm 15 tỉnh, thành phố đứng đầu cả nước; từ năm 2026 đến năm 2030, mỗi năm
/// … tăng tối thiểu 01 bậc".
pub const SOURCE_PLAN: Plan = Plan {
    from: 2022,
    top: 15,
    by: 2025,
    until: 2030,
};

/// What a year of the plan asks of the province's rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankTarget {
    /// In the top `top` by `by` (the years up to the deadline).
    TopBy { top: u32, by: i32 },
    /// Rank `rank` or better: one place above the year before's rank (staying first counts),
    /// or, where the year before is not known yet, one place above the year before's target.
    AtMost(u32),
}

impl RankTarget {
    /// The rank asked for, at worst.
    pub fn rank(self) -> u32 {
        match self {
            RankTarget::TopBy { top, .. } => top,
            RankTarget::AtMost(r) => r,
        }
    }
}

/// How a year of the plan went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Met,
    /// In the top group before the deadline.
    MetEarly,
    Missed,
    /// Before the deadline and not yet in the top group: not missed.
    NotDue,
    /// A year after the last one with a rank.
    ToCome,
    /// A past year (before the last one with a rank) whose rank is not known.
    NoData,
}

/// One year of the province's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceYear {
    pub year: i32,
    pub index: Option<Points>,
    pub change: Option<Points>,
    pub rank: Option<u32>,
    pub ranked_of: Option<u32>,
    /// None outside the plan's years.
    pub target: Option<RankTarget>,
    pub verdict: Option<Verdict>,
}

/// The province's years from its first known one (or the plan's first) to the plan's last (or
/// its last known one), each with its target and verdict.
pub fn province_path(years: &[YearIndex], plan: &Plan) -> Vec<ProvinceYear> {
    let by_year: BTreeMap<i32, &YearIndex> = years.iter().map(|y| (y.year, y)).collect();
    let first = by_year
        .keys()
        .next()
        .copied()
        .unwrap_or(plan.from)
        .min(plan.from);
    let last = by_year
        .keys()
        .next_back()
        .copied()
        .unwrap_or(plan.until)
        .max(plan.until);
    let last_ranked = years
        .iter()
        .filter(|y| y.rank.is_some())
        .map(|y| y.year)
        .max();
    let mut out: Vec<ProvinceYear> = Vec::new();
    for year in first..=last {
        let here = by_year.get(&year);
        let index = here.map(|y| y.index);
        let rank = here.and_then(|y| y.rank);
        let before = by_year.get(&(year - 1));
        let target = if year < plan.from || year > plan.until {
            None
        } else if year <= plan.by {
            Some(RankTarget::TopBy {
                top: plan.top,
                by: plan.by,
            })
        } else {
            let previous_rank = before.and_then(|y| y.rank);
            let previous_target = out.last().and_then(|p| p.target).map(RankTarget::rank);
            let base = previous_rank.or(previous_target).unwrap_or(plan.top);
            Some(RankTarget::AtMost(base.saturating_sub(1).max(1)))
        };
        let verdict = target.map(|t| match rank {
            Some(r) => match t {
                RankTarget::TopBy { top, by } if year < by => {
                    if r <= top {
                        Verdict::MetEarly
                    } else {
                        Verdict::NotDue
                    }
                }
                t if r <= t.rank() => Verdict::Met,
                _ => Verdict::Missed,
            },
            None if last_ranked.is_none_or(|l| year > l) => Verdict::ToCome,
            None => Verdict::NoData,
        });
        out.push(ProvinceYear {
            year,
            index,
            change: match (index, before) {
                (Some(i), Some(b)) => Some(i - b.index),
                _ => None,
            },
            rank,
            ranked_of: here.and_then(|y| y.ranked_of),
            target,
            verdict,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Points {
        Points::parse(s).unwrap()
    }

    /// The province's ranks (of 63) by year.
    fn ranks(series: &[(i32, u32)]) -> Vec<YearIndex> {
        series
            .iter()
            .map(|&(year, rank)| YearIndex {
                year,
                index: p("80"),
                source: Source::Imported,
                rank: Some(rank),
                ranked_of: Some(63),
                band: None,
            })
            .collect()
    }

    fn verdicts(path: &[ProvinceYear]) -> Vec<(i32, Option<u32>, Option<Verdict>)> {
        path.iter()
            .map(|y| (y.year, y.target.map(RankTarget::rank), y.verdict))
            .collect()
    }

    use Verdict::*;

    #[test]
    fn the_top_15_reached_early_then_one_place_up_each_year() {
        let path = province_path(
            &ranks(&[
                (2021, 18),
                (2022, 16),
                (2023, 14),
                (2024, 12),
                (2025, 12),
                (2026, 11),
                (2027, 9),
            ]),
            &SOURCE_PLAN,
        );
        assert_eq!(
            verdicts(&path),
            vec![
                (2021, None, None),
                (2022, Some(15), Some(NotDue)),
                (2023, Some(15), Some(MetEarly)),
                (2024, Some(15), Some(MetEarly)),
                (2025, Some(15), Some(Met)),
                (2026, Some(11), Some(Met)),
                (2027, Some(10), Some(Met)),
                // After the last known year the target follows the year before's target.
                (2028, Some(8), Some(ToCome)),
                (2029, Some(7), Some(ToCome)),
                (2030, Some(6), Some(ToCome)),
            ]
        );
        assert_eq!(path[0].target, None);
        assert_eq!(
            path[1].target,
            Some(RankTarget::TopBy { top: 15, by: 2025 })
        );
    }

    #[test]
    fn a_missed_year_then_recovered() {
        let path = province_path(
            &ranks(&[
                (2024, 16),
                (2025, 17),
                (2026, 16),
                (2027, 18),
                (2028, 15),
                (2029, 15),
            ]),
            &SOURCE_PLAN,
        );
        assert_eq!(
            verdicts(&path)[2..],
            [
                (2024, Some(15), Some(NotDue)),
                // Not in the top 15 by 2025: missed.
                (2025, Some(15), Some(Missed)),
                // One place up from the rank actually reached, 17.
                (2026, Some(16), Some(Met)),
                (2027, Some(15), Some(Missed)),
                // Recovered: one place up from 18 and more.
                (2028, Some(17), Some(Met)),
                // Staying put is not rising.
                (2029, Some(14), Some(Missed)),
                (2030, Some(14), Some(ToCome)),
            ]
        );
    }

    #[test]
    fn sixty_third_of_63_and_first_of_63() {
        let path = province_path(
            &ranks(&[(2025, 63), (2026, 63), (2027, 62), (2028, 1), (2029, 1)]),
            &SOURCE_PLAN,
        );
        assert_eq!(
            verdicts(&path)[3..],
            [
                (2025, Some(15), Some(Missed)),
                (2026, Some(62), Some(Missed)),
                (2027, Some(62), Some(Met)),
                (2028, Some(61), Some(Met)),
                // First place cannot rise: staying first meets the target.
                (2029, Some(1), Some(Met)),
                (2030, Some(1), Some(ToCome)),
            ]
        );
        // The years before, with no rank, are past years of the plan: no data.
        assert_eq!(path[0].verdict, Some(NoData));
        assert_eq!(path[0].year, 2022);
    }

    #[test]
    fn with_nothing_known_every_year_of_the_plan_is_to_come_on_the_planned_path() {
        let path = province_path(&[], &SOURCE_PLAN);
        assert_eq!(
            verdicts(&path),
            vec![
                (2022, Some(15), Some(ToCome)),
                (2023, Some(15), Some(ToCome)),
                (2024, Some(15), Some(ToCome)),
                (2025, Some(15), Some(ToCome)),
                (2026, Some(14), Some(ToCome)),
                (2027, Some(13), Some(ToCome)),
                (2028, Some(12), Some(ToCome)),
                (2029, Some(11), Some(ToCome)),
                (2030, Some(10), Some(ToCome)),
            ]
        );
    }

    #[test]
    fn the_source_documents_years_come_before_the_plan() {
        // 49/63 in 2016 and 18/63 in 2021, as the source document says.
        let mut years = ranks(&[(2016, 49), (2021, 18)]);
        years[0].index = p("74.02");
        years[1].index = p("84.51");
        let path = province_path(&years, &SOURCE_PLAN);
        assert_eq!(path.first().unwrap().year, 2016);
        assert_eq!(path.last().unwrap().year, 2030);
        assert!(path[..6].iter().all(|y| y.target.is_none()));
        // 2017–2020 are not known: no change is computed across the gap.
        assert_eq!(path[5].change, None);
        assert_eq!(path[1].index, None);
    }

    #[test]
    fn a_units_path_says_its_change_and_whether_it_rose() {
        let y = |year, index: &str, source| YearIndex {
            year,
            index: p(index),
            source,
            rank: None,
            ranked_of: None,
            band: None,
        };
        let path = unit_path(&[
            y(2021, "82.96", Source::Imported),
            y(2019, "73.86", Source::Imported),
            y(2022, "81.50", Source::Published),
            y(2018, "70", Source::Imported),
        ]);
        let got: Vec<_> = path.iter().map(|u| (u.year, u.change, u.rose)).collect();
        assert_eq!(
            got,
            vec![
                (2018, None, None),
                (2019, Some(p("3.86")), Some(true)),
                // 2020 is missing: 2021 has nothing to compare with.
                (2021, None, None),
                (2022, Some(p("-1.46")), Some(false)),
            ]
        );
    }

    #[test]
    fn a_groups_mean_against_the_provinces_index_of_the_year_before() {
        let mut members = BTreeMap::new();
        members.insert(
            2021,
            vec![
                ("A".to_string(), p("80"), Source::Imported),
                ("B".to_string(), p("83.43"), Source::Imported),
            ],
        );
        members.insert(
            2022,
            vec![
                ("A".to_string(), p("84"), Source::Published),
                ("B".to_string(), p("83"), Source::Published),
                ("C".to_string(), p("90"), Source::Published),
            ],
        );
        let mut all: HashMap<String, BTreeMap<i32, Points>> = HashMap::new();
        for (year, units) in &members {
            for (u, i, _) in units {
                all.entry(u.clone()).or_default().insert(*year, *i);
            }
        }
        let province: BTreeMap<i32, Points> = [(2020, p("81.71")), (2021, p("85.67"))].into();
        let path = group_path(&members, &all, &province);
        assert_eq!(path[0].mean, Decimal::new(81715, 3));
        assert_eq!(path[0].above_province, Some(true));
        assert_eq!((path[0].rose, path[0].compared), (0, 0));
        // (84 + 83 + 90) / 3 = 85.666…: above 85.67 is false, exactly.
        assert_eq!(path[1].above_province, Some(false));
        assert_eq!((path[1].rose, path[1].compared), (1, 2));
    }

    #[test]
    fn equal_indexes_share_a_rank() {
        let r = competition_ranks(&[
            ("a", p("80")),
            ("b", p("90")),
            ("c", p("80")),
            ("d", p("70")),
        ]);
        assert_eq!((r["b"], r["a"], r["c"], r["d"]), (1, 2, 2, 4));
    }
}
