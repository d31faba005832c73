//! The screens' live state of one group: its units' lines (totals and field progress) and
//! what its ranking is made from, brought up to date one unit at a time. When decisions land
//! (from this instance or another), the audit log's new rows name the units that changed and
//! only those are read again; a write that leaves no audit row (an import, a set) is counted
//! in the store's epoch and makes the state reload whole.

use super::{AppError, UnitSummary, Workspace};
use crate::domain::{Mode, Points, Ranking, UnitResult, ranking};
use std::collections::HashMap;

/// A group's units as the screens show them, and where the audit log stood when they were
/// read (anything after it is read again at the next update).
#[derive(Debug, Clone)]
pub struct LiveGroup {
    pub group: String,
    /// The year the lines are of.
    pub year: i32,
    pub lines: Vec<UnitSummary>,
    /// Last year's published indexes (and the province's), as the ranking needs them.
    previous: HashMap<String, Points>,
    at: HashMap<String, usize>,
    /// Each line's unit name folded, for the ranking's ties (names change only with an import
    /// of the units, which reloads the whole state).
    folded: Vec<String>,
    /// (last audit row, epoch) read before the lines.
    watermark: (i64, i64),
}

/// What an update did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    /// These lines (by position) were read again.
    Units(Vec<usize>),
    /// Something without an audit row changed: everything was read again.
    Whole,
}

impl Workspace {
    /// A group's live state, read whole.
    pub fn live_group(&self, group: &str) -> Result<LiveGroup, AppError> {
        // The watermark first: whatever commits after it is read again at the next update,
        // even if these lines already show it (reading a unit again changes nothing).
        let watermark = self.store.watermark()?;
        let lines = self.unit_summaries(group)?;
        let previous = self.store.previous_indexes(self.year)?;
        let at = lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.unit.code.to_string(), i))
            .collect();
        let folded = lines
            .iter()
            .map(|l| crate::domain::text::fold(&l.unit.name))
            .collect();
        Ok(LiveGroup {
            group: group.to_string(),
            year: self.year,
            folded,
            lines,
            previous,
            at,
            watermark,
        })
    }

    /// Brings `live` up to date: the units the audit log names since its watermark are read
    /// again, or the whole group when the epoch moved (or a named unit is no longer where it
    /// was).
    pub fn live_update(&self, live: &mut LiveGroup) -> Result<Update, AppError> {
        let (units, watermark) = self
            .store
            .units_changed_since(self.year, live.watermark.0)?;
        if watermark.1 != live.watermark.1 {
            *live = self.live_group(&live.group)?;
            return Ok(Update::Whole);
        }
        let mut rows = Vec::new();
        for code in &units {
            let Some(&i) = live.at.get(code) else {
                continue;
            };
            let row = self.store.unit(self.year, code)?;
            if row.group != live.group {
                *live = self.live_group(&live.group)?;
                return Ok(Update::Whole);
            }
            rows.push((i, row));
        }
        let set = self.set(&live.group)?;
        let only: Vec<_> = rows.iter().map(|(_, r)| r.clone()).collect();
        let mut fresh = Vec::with_capacity(only.len());
        self.store
            .score_sheets(self.year, set, &only, |unit, scores| {
                fresh.push(UnitSummary::of(set, unit, scores));
            })?;
        let mut changed = Vec::with_capacity(fresh.len());
        for ((i, _), line) in rows.into_iter().zip(fresh) {
            if line.unit.name != live.lines[i].unit.name {
                live.folded[i] = crate::domain::text::fold(&line.unit.name);
            }
            live.lines[i] = line;
            changed.push(i);
        }
        live.watermark = watermark;
        Ok(Update::Units(changed))
    }

    /// The group's ranking from its live state: the same as [`Workspace::ranking`] when the
    /// state is up to date.
    pub fn live_ranking(&self, live: &LiveGroup, mode: Mode) -> Result<Ranking, AppError> {
        let set = self.set(&live.group)?;
        let results: Vec<UnitResult> = live
            .lines
            .iter()
            .map(|l| super::unit_result(&l.unit, l.totals, &live.previous))
            .collect();
        ranking::rank_with_names(
            set,
            &results,
            Some(&live.folded),
            live.previous.get("province").copied(),
            mode,
        )
        .map_err(|why| AppError::Rank {
            group: live.group.clone(),
            name: set.name.clone(),
            why,
        })
    }
}

/// The field analysis of a group (`Screen::Fields`) kept up to date the same way: the units
/// the audit log names are read again, their breakdown put in, the group ranked again from
/// the kept totals and the group's figures worked out again.
#[derive(Debug, Clone)]
pub struct LiveFields {
    pub group: String,
    pub year: i32,
    pub analysis: crate::domain::GroupAnalysis,
    /// What the analysis's ranking is made from, in the order of `analysis.breakdown.units`.
    results: Vec<UnitResult>,
    folded: Vec<String>,
    province: Option<Points>,
    at: HashMap<String, usize>,
    watermark: (i64, i64),
}

impl Workspace {
    /// A group's field analysis, read whole, to be kept up to date.
    pub fn live_fields(&self, group: &str) -> Result<LiveFields, AppError> {
        let watermark = self.store.watermark()?;
        let analysis = self.field_analysis(group)?;
        let units = self.store.units(self.year, Some(group))?;
        // The previous indexes as the analysis's ranking reads them.
        let previous = self.store.previous_indexes(self.year)?;
        let by_code: HashMap<&str, &crate::store::UnitRow> =
            units.iter().map(|u| (u.code.as_str(), u)).collect();
        let mut results = Vec::with_capacity(analysis.breakdown.units.len());
        for b in &analysis.breakdown.units {
            let Some(u) = by_code.get(b.unit.as_str()) else {
                // The units changed between the two reads: read again next time, whole.
                return Ok(LiveFields {
                    group: group.to_string(),
                    year: self.year,
                    analysis,
                    results: Vec::new(),
                    folded: Vec::new(),
                    province: None,
                    at: HashMap::new(),
                    watermark: (watermark.0, -1),
                });
            };
            results.push(super::unit_result(u, b.totals, &previous));
        }
        let folded = results
            .iter()
            .map(|r| crate::domain::text::fold(&r.name))
            .collect();
        let at = results
            .iter()
            .enumerate()
            .map(|(i, r)| (r.unit.to_string(), i))
            .collect();
        Ok(LiveFields {
            group: group.to_string(),
            year: self.year,
            analysis,
            results,
            folded,
            province: previous.get("province").copied(),
            at,
            watermark,
        })
    }

    /// Brings a live field analysis up to date (whole when the epoch moved or the year is
    /// another).
    pub fn live_fields_update(&self, live: &mut LiveFields) -> Result<Update, AppError> {
        let (units, watermark) = self
            .store
            .units_changed_since(self.year, live.watermark.0)?;
        if watermark.1 != live.watermark.1 || live.year != self.year {
            *live = self.live_fields(&live.group)?;
            return Ok(Update::Whole);
        }
        let mut rows = Vec::new();
        for code in &units {
            let Some(&i) = live.at.get(code) else {
                continue;
            };
            let row = self.store.unit(self.year, code)?;
            if row.group != live.group || row.name != live.results[i].name {
                *live = self.live_fields(&live.group)?;
                return Ok(Update::Whole);
            }
            rows.push((i, row));
        }
        if rows.is_empty() {
            live.watermark = watermark;
            return Ok(Update::Units(Vec::new()));
        }
        let set = self.set(&live.group)?;
        let only: Vec<_> = rows.iter().map(|(_, r)| r.clone()).collect();
        let mut fresh = Vec::with_capacity(only.len());
        self.store
            .score_sheets(self.year, set, &only, |unit, scores| {
                let sums = scores.node_sums(set);
                fresh.push(crate::domain::UnitBreakdown::new(
                    set,
                    &live.analysis.breakdown.outline,
                    unit.code.clone(),
                    &sums,
                ));
            })?;
        let mut changed = Vec::with_capacity(fresh.len());
        for ((i, row), b) in rows.into_iter().zip(fresh) {
            let r = &mut live.results[i];
            r.totals = b.totals;
            r.ranked = row.ranked;
            r.survey = row.survey;
            changed.push((i, b));
        }
        let ranking = ranking::rank_with_names(
            set,
            &live.results,
            Some(&live.folded),
            live.province,
            Mode::Provisional,
        )
        .map_err(|why| AppError::Rank {
            group: live.group.clone(),
            name: set.name.clone(),
            why,
        })?;
        let indexes = changed.iter().map(|(i, _)| *i).collect();
        live.analysis.update(set, changed, ranking);
        live.watermark = watermark;
        Ok(Update::Units(indexes))
    }
}
