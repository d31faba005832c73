//! The field analysis and the way up on a database: one pass over a group's scores gives
//! both its breakdown per field and criterion and its ranking; past years come from the
//! database when it holds them, else from the imported field history.

use super::{AppError, Workspace};
use crate::domain::analysis::{self, GroupAnalysis};
use crate::domain::breakdown::Outline;
use crate::domain::field_years::{FieldYears, YearValue};
use crate::domain::{
    CriteriaSet, GroupBreakdown, Mode, Points, UnitBreakdown, UnitCode, UnitTotals, WayUp, ranking,
};
use crate::store::{FieldHistoryRow, UnitRow};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Whose fields to follow across years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    /// The province's component indexes (unit `province` of the field history).
    Province,
    /// A group's mean per field, over its units of the working year.
    Group(&'a str),
    /// One unit.
    Unit(&'a str),
}

impl Workspace {
    /// The field analysis of a group in the working year: undecided items at their self
    /// score (as the provisional ranking counts them), with the group's means per field of
    /// the year before.
    pub fn field_analysis(&self, group: &str) -> Result<GroupAnalysis, AppError> {
        let set = self.set(group)?;
        let units = self.store.units(self.year, Some(group))?;
        let last_year = self.group_field_means(group, &units, self.year - 1)?;
        self.analyse(self.year, set, group, &units, &last_year)
    }

    /// One pass over the units' scores: their breakdown and their ranking.
    fn analyse(
        &self,
        year: i32,
        set: &CriteriaSet,
        group: &str,
        units: &[UnitRow],
        last_year: &HashMap<String, Decimal>,
    ) -> Result<GroupAnalysis, AppError> {
        // The previous indexes as the ranking reads them.
        let previous = self.store.previous_indexes(year)?;
        let mut breakdown = GroupBreakdown::new(set);
        breakdown.units.reserve(units.len());
        let mut results = Vec::with_capacity(units.len());
        // The working year's units as stored beside their decisions (see `store::totals`);
        // else, or for another year, every unit from its scores.
        let revision = self
            .revisions
            .get(group)
            .copied()
            .filter(|_| year == self.year);
        let stored = match revision {
            Some(rev) => self.stored_breakdowns(year, (group, rev), &breakdown.outline, units)?,
            None => None,
        };
        if let Some(stored) = stored {
            for (u, b) in units.iter().zip(stored) {
                results.push(super::unit_result(u, b.totals, &previous));
                breakdown.units.push(b);
            }
        } else {
            let mut sums = Vec::new();
            self.store.score_sheets(year, set, units, |u, scores| {
                scores.node_sums_into(set, &mut sums);
                breakdown.push(set, u.code.clone(), &sums);
                let totals = breakdown
                    .units
                    .last()
                    .map_or_else(|| UnitTotals::from_sums(set, &sums), |b| b.totals);
                results.push(super::unit_result(u, totals, &previous));
            })?;
        }
        let province = previous.get("province").copied();
        let ranking = ranking::rank(set, &results, province, Mode::Provisional).map_err(|why| {
            AppError::Rank {
                group: group.to_string(),
                name: set.name.clone(),
                why,
            }
        })?;
        Ok(GroupAnalysis::new(set, breakdown, ranking, last_year))
    }

    /// The breakdowns of `units` (all of `group`) in their order, as stored at the set's
    /// `revision`; those missing are computed and stored in one write transaction. None when
    /// that cannot be (the set changed meanwhile, a read-only file).
    fn stored_breakdowns(
        &self,
        year: i32,
        (group, revision): (&str, i64),
        outline: &Outline,
        units: &[UnitRow],
    ) -> Result<Option<Vec<UnitBreakdown>>, AppError> {
        let in_order = |mut all: HashMap<String, UnitBreakdown>| -> Option<Vec<UnitBreakdown>> {
            units.iter().map(|u| all.remove(u.code.as_str())).collect()
        };
        let all = self
            .store
            .stored_breakdowns(year, group, revision, outline)?;
        if all.len() >= units.len()
            && let Some(list) = in_order(all)
        {
            return Ok(Some(list));
        }
        Ok(
            match self.store.fill_breakdowns(year, group, revision, outline) {
                Ok(Some(all)) => in_order(all),
                _ => None,
            },
        )
    }

    /// A group's mean per field in `year`: from the database when it holds the group's set
    /// of that year, else from the field history of the group's units.
    fn group_field_means(
        &self,
        group: &str,
        units: &[UnitRow],
        year: i32,
    ) -> Result<HashMap<String, Decimal>, AppError> {
        if let Some((set, them)) = self.group_in_year(group, year)? {
            let a = self.analyse(year, &set, group, &them, &HashMap::new())?;
            return Ok(a
                .fields()
                .iter()
                .zip(&a.stats)
                .filter_map(|(&f, s)| s.mean.map(|m| (set.node(f).code.to_string(), m)))
                .collect());
        }
        let rows: Vec<(String, String, Points)> = self
            .store
            .field_history(None, year, year)?
            .into_iter()
            .map(|r| (r.unit, r.field, r.percent))
            .collect();
        let codes: Vec<UnitCode> = units.iter().map(|u| u.code.clone()).collect();
        Ok(analysis::field_means_of(&codes, &rows))
    }

    /// The group's set and units in another year the database holds.
    fn group_in_year(
        &self,
        group: &str,
        year: i32,
    ) -> Result<Option<(CriteriaSet, Vec<UnitRow>)>, AppError> {
        if !self.store.groups(year)?.iter().any(|(g, _)| g == group) {
            return Ok(None);
        }
        let set = self.store.load_set(year, group)?;
        let units = self.store.units(year, Some(group))?;
        Ok((!units.is_empty()).then_some((set, units)))
    }

    /// The way up of one unit in the working year, and the analysis of its group it is read
    /// from.
    pub fn way_up(&self, unit: &str) -> Result<(GroupAnalysis, Option<WayUp>), AppError> {
        let row = self.unit(unit)?;
        let a = self.field_analysis(&row.group)?;
        let w = a.way_up(self.set(&row.group)?, &row.code);
        Ok((a, w))
    }

    /// Fields across the years `from..=to`: the province's, a group's (the mean of its units,
    /// those of the working year) or a unit's. A year the database holds (with the group's
    /// set) is computed from its decisions and self scores; the others come from the
    /// imported field history.
    pub fn field_years(
        &self,
        subject: Subject<'_>,
        from: i32,
        to: i32,
    ) -> Result<FieldYears, AppError> {
        let mut values: Vec<YearValue> = Vec::new();
        let from_history = |rows: Vec<FieldHistoryRow>| -> Vec<YearValue> {
            rows.into_iter()
                .map(|r| YearValue {
                    field: r.field,
                    name: r.field_name,
                    year: r.year,
                    percent: r.percent.decimal(),
                })
                .collect()
        };
        let held: Vec<i32> = self
            .store
            .years()?
            .into_iter()
            .filter(|y| (from..=to).contains(y))
            .collect();
        match subject {
            Subject::Province => {
                values = from_history(self.store.field_history(Some("province"), from, to)?);
            }
            Subject::Unit(code) => {
                let unit = self.unit(code)?;
                let mut computed = Vec::new();
                for &y in &held {
                    let Some((set, units)) = self.group_in_year(&unit.group, y)? else {
                        continue;
                    };
                    let Some(u) = units.iter().find(|u| u.code == unit.code) else {
                        continue;
                    };
                    self.store
                        .score_sheets(y, &set, std::slice::from_ref(u), |_, scores| {
                            let sums = scores.node_sums(&set);
                            for f in set.fields() {
                                if let Some(i) =
                                    crate::domain::Index::new(sums[f].provisional, sums[f].max)
                                {
                                    computed.push(YearValue {
                                        field: set.node(f).code.to_string(),
                                        name: set.node(f).title.clone(),
                                        year: y,
                                        percent: i.percent(),
                                    });
                                }
                            }
                        })?;
                }
                let years: Vec<i32> = computed.iter().map(|v| v.year).collect();
                values = from_history(self.store.field_history(Some(code), from, to)?)
                    .into_iter()
                    .filter(|v| !years.contains(&v.year))
                    .collect();
                values.extend(computed);
            }
            Subject::Group(group) => {
                self.set(group)?;
                let mut computed_years = Vec::new();
                for &y in &held {
                    let Some((set, units)) = self.group_in_year(group, y)? else {
                        continue;
                    };
                    let a = self.analyse(y, &set, group, &units, &HashMap::new())?;
                    computed_years.push(y);
                    for (&f, s) in a.fields().iter().zip(&a.stats) {
                        if let Some(m) = s.mean {
                            values.push(YearValue {
                                field: set.node(f).code.to_string(),
                                name: set.node(f).title.clone(),
                                year: y,
                                percent: m,
                            });
                        }
                    }
                }
                let members: std::collections::HashSet<String> = self
                    .store
                    .units(self.year, Some(group))?
                    .into_iter()
                    .map(|u| u.code.to_string())
                    .collect();
                // (year, field) -> (sum, count, latest name)
                let mut by: HashMap<(i32, String), (Decimal, u32, String)> = HashMap::new();
                for r in self.store.field_history(None, from, to)? {
                    if !members.contains(&r.unit) || computed_years.contains(&r.year) {
                        continue;
                    }
                    let e = by.entry((r.year, r.field)).or_default();
                    e.0 += r.percent.decimal();
                    e.1 += 1;
                    if !r.field_name.is_empty() {
                        e.2 = r.field_name;
                    }
                }
                values.extend(
                    by.into_iter()
                        .map(|((year, field), (sum, n, name))| YearValue {
                            field,
                            name,
                            year,
                            percent: sum / Decimal::from(n),
                        }),
                );
            }
        }
        Ok(FieldYears::new(&values, Some((from, to))))
    }
}
