//! The years on a database: a new year made from another, a year published (its final
//! ranking kept as its result) and unpublished, history imported against what was published,
//! and the paths over the years of a unit, a group and the province.

use super::{AppError, Workspace};
use crate::builtin;
use crate::domain::history::{
    self, GroupYear, Plan, ProvinceYear, SOURCE_PLAN, Source, UnitYear, YearIndex,
};
use crate::domain::{CriteriaSet, Index, Mode, Points, Ranking};
use crate::io::criteria::set_from_toml;
use crate::store::{HistoryRow, ImportCount, Publication, PublishedRow, StoreError, UnitRow};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What `new_year` made.
#[derive(Debug, Clone)]
pub struct NewYear {
    pub year: i32,
    pub from: i32,
    /// The sets are the program's own for the new year (else copied from `from`).
    pub builtin: bool,
    pub sets: Vec<CriteriaSet>,
    pub units: usize,
    /// Units of `from` left out: their group has no set in the new year.
    pub left_out: Vec<String>,
    /// Whether `from` is published (the new year's previous index is then its result).
    pub from_published: bool,
}

/// A year published: its publication and the final ranking of every group.
#[derive(Debug, Clone)]
pub struct Published {
    pub publication: Publication,
    /// (group code, group name, final ranking).
    pub groups: Vec<(String, String, Ranking)>,
}

/// An imported history row that differs from the result published in this database for the
/// same unit and year (the published result is the one used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shadowed {
    pub unit: String,
    pub year: i32,
    pub imported: Points,
    pub published: Points,
}

/// A unit's path over the years.
#[derive(Debug, Clone)]
pub struct UnitHistory {
    pub unit: UnitRow,
    pub group_name: String,
    pub years: Vec<UnitYear>,
}

/// A group's path over the years.
#[derive(Debug, Clone)]
pub struct GroupHistory {
    pub group: String,
    pub name: String,
    pub years: Vec<GroupYear>,
}

/// The province's path over the years, against the plan's targets.
#[derive(Debug, Clone)]
pub struct ProvinceHistory {
    pub plan: Plan,
    pub years: Vec<ProvinceYear>,
}

/// The unit code of the province's own rows in the history.
pub const PROVINCE: &str = "province";

/// How many times a publication is computed again when another session wrote meanwhile.
const PUBLISH_TRIES: usize = 3;

/// A row of a ranking as published.
fn published_rows(year: i32, group: &str, r: &Ranking) -> Vec<PublishedRow> {
    let ranked_of = r.rows.iter().filter(|row| row.rank.is_some()).count() as u32;
    r.rows
        .iter()
        .map(|row| PublishedRow {
            year,
            unit: row.unit.to_string(),
            name: row.name.clone(),
            group: group.to_string(),
            ranked: row.ranked,
            rank: row.rank.map(|n| n as u32),
            ranked_of,
            index: row.index.map(|i| i.rounded()),
            band: row.band.clone(),
            appraised: row.appraised,
            survey: row.survey,
            max: row.max,
        })
        .collect()
}

impl Workspace {
    /// Creates `year` from `from`: the program's own sets of `year` when it has them, else
    /// `from`'s sets copied; `from`'s units carried over with their group and whether they are
    /// ranked; no scores. One transaction, audited. The workspace then works on `year`.
    pub fn new_year(&mut self, year: i32, from: i32, appraiser: &str) -> Result<NewYear, AppError> {
        if self.store.year_exists(year)? {
            return Err(StoreError::YearExists(year).into());
        }
        let mut sets = Vec::new();
        for (name, text) in builtin::sets_of(year) {
            let path = PathBuf::from(format!("data/criteria/{year}/{name}"));
            sets.push(set_from_toml(&path, text)?);
        }
        let builtin = !sets.is_empty();
        if !builtin {
            for (group, _) in self.store.groups(from)? {
                let mut set = self.store.load_set(from, &group)?;
                set.year = year;
                sets.push(set);
            }
        }
        if sets.is_empty() {
            return Err(AppError::NoSets(from));
        }
        let groups: HashSet<&str> = sets.iter().map(|s| s.group.as_str()).collect();
        let (units, left_out): (Vec<UnitRow>, Vec<UnitRow>) = self
            .store
            .units(from, None)?
            .into_iter()
            .partition(|u| groups.contains(u.group.as_str()));
        let comment = format!("new-year {year} --from {from}");
        self.store
            .create_year(year, &sets, &units, appraiser, &comment)?;
        self.year = year;
        self.reload_sets()?;
        Ok(NewYear {
            year,
            from,
            builtin,
            sets,
            units: units.len(),
            left_out: left_out.into_iter().map(|u| u.code.to_string()).collect(),
            from_published: self.store.publication(from)?.is_some(),
        })
    }

    /// Works on another year of the file from now on (refused when the file has no such year).
    pub fn switch_year(&mut self, year: i32) -> Result<(), AppError> {
        if !self.store.year_exists(year)? {
            return Err(AppError::NoSets(year));
        }
        self.year = year;
        self.reload_sets()
    }

    /// Refused with `NoSelfScores` when the group has units and none has a self score yet (a
    /// new year before the units' files): the ranking screen then ranks nothing.
    pub fn self_scores_in(&self, group: &str) -> Result<(), AppError> {
        if self.store.any_self_score(self.year, group)?
            || !self.store.has_units_in(self.year, group)?
        {
            return Ok(());
        }
        Err(AppError::NoSelfScores {
            group: group.to_string(),
            name: self.set(group)?.name.clone(),
        })
    }

    /// Every year in the file, newest first, and whether it is published.
    pub fn year_states(&self) -> Result<Vec<(i32, bool)>, AppError> {
        Ok(self.store.year_states()?)
    }

    /// Copies `from`'s field assignments into the working year (the groups and fields it
    /// has); returns how many.
    pub fn carry_assignments(&mut self, from: i32) -> Result<usize, AppError> {
        Ok(self.store.copy_assignments(from, self.year)?)
    }

    /// The local date and time of a stored stamp, by this workspace's clock.
    pub fn local_date_time(&self, stamp: &str) -> String {
        crate::clock::local_date_time(self.clock().as_ref(), stamp)
    }

    /// The publication of the working year, if it is published.
    pub fn publication(&self) -> Result<Option<Publication>, AppError> {
        Ok(self.store.publication(self.year)?)
    }

    /// Publishes the working year: the final ranking of every group becomes its result.
    /// Refused, with every group's reason, while any final ranking is refused.
    pub fn publish(&mut self, appraiser: &str, comment: &str) -> Result<Published, AppError> {
        if self.store.publication(self.year)?.is_some() {
            return Err(StoreError::YearPublished(self.year).into());
        }
        let groups = self.store.groups(self.year)?;
        if groups.is_empty() {
            return Err(AppError::NoSets(self.year));
        }
        let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
        let mut tries = 0;
        loop {
            tries += 1;
            let seen = self.store.data_version()?;
            let mut ranked = Vec::new();
            let mut reasons = Vec::new();
            for ((code, name), r) in groups.iter().zip(self.rankings(&codes, Mode::Final)) {
                match r {
                    Ok(r) => ranked.push((code.clone(), name.clone(), r)),
                    Err(e) => reasons.push(e),
                }
            }
            if !reasons.is_empty() {
                return Err(AppError::Unpublishable {
                    year: self.year,
                    reasons,
                });
            }
            let rows: Vec<PublishedRow> = ranked
                .iter()
                .flat_map(|(code, _, r)| published_rows(self.year, code, r))
                .collect();
            match self
                .store
                .publish(self.year, &rows, appraiser, comment, seen)
            {
                Err(StoreError::ChangedMeanwhile(_)) if tries < PUBLISH_TRIES => continue,
                Err(e) => return Err(e.into()),
                Ok(()) => {}
            }
            let publication = self
                .store
                .publication(self.year)?
                .ok_or(StoreError::NotPublished(self.year))?;
            return Ok(Published {
                publication,
                groups: ranked,
            });
        }
    }

    /// Takes back the publication of the working year (audited with `comment`).
    pub fn unpublish(&mut self, appraiser: &str, comment: &str) -> Result<Publication, AppError> {
        Ok(self.store.unpublish(self.year, appraiser, comment)?)
    }

    /// Imports a history file; returns what the import did and the rows that differ from a
    /// result published in this database (which stays the one used).
    pub fn import_history_file(
        &mut self,
        path: &Path,
        sheet: Option<&str>,
    ) -> Result<(ImportCount, Vec<Shadowed>), AppError> {
        let rows = self.read_history(path, sheet)?;
        let count = self.store.import_history(&rows)?;
        let published: HashMap<(String, i32), Points> = self
            .store
            .published(None)?
            .into_iter()
            .filter_map(|p| p.index.map(|i| ((p.unit, p.year), i)))
            .collect();
        let shadowed = rows
            .iter()
            .filter_map(|r| {
                let p = published.get(&(r.unit.clone(), r.year))?;
                (*p != r.index).then(|| Shadowed {
                    unit: r.unit.clone(),
                    year: r.year,
                    imported: r.index,
                    published: *p,
                })
            })
            .collect();
        Ok((count, shadowed))
    }

    /// Every unit's index by year, published results first, then the imported history, then
    /// the working year's provisional ranking of `groups` when the working year is not
    /// published. Keyed by unit code.
    fn indexes(&self, groups: &[&str]) -> Result<HashMap<String, Vec<YearIndex>>, AppError> {
        let mut out: HashMap<String, Vec<YearIndex>> = HashMap::new();
        let mut held: HashSet<(String, i32)> = HashSet::new();
        for p in self.store.published(None)? {
            let Some(index) = p.index else { continue };
            held.insert((p.unit.clone(), p.year));
            out.entry(p.unit).or_default().push(YearIndex {
                year: p.year,
                index,
                source: Source::Published,
                rank: p.rank,
                ranked_of: Some(p.ranked_of),
                band: p.band,
            });
        }
        // The imported years: bands by the working year's sets, ranks (where the file gives
        // none) among the group's ranked units as they are grouped this year.
        let units: HashMap<String, UnitRow> = self
            .store
            .units(self.year, None)?
            .into_iter()
            .map(|u| (u.code.to_string(), u))
            .collect();
        let rows: Vec<HistoryRow> = self
            .store
            .history_rows()?
            .into_iter()
            .filter(|r| r.unit != PROVINCE && !held.contains(&(r.unit.clone(), r.year)))
            .collect();
        let mut by_group_year: HashMap<(&str, i32), Vec<(String, Points)>> = HashMap::new();
        for r in &rows {
            if let Some(u) = units.get(&r.unit).filter(|u| u.ranked) {
                by_group_year
                    .entry((u.group.as_str(), r.year))
                    .or_default()
                    .push((r.unit.clone(), r.index));
            }
        }
        let ranks: HashMap<(String, i32), (u32, u32)> = by_group_year
            .iter()
            .flat_map(|((_, year), values)| {
                let of = values.len() as u32;
                history::competition_ranks(values)
                    .into_iter()
                    .map(move |(u, r)| ((u, *year), (r, of)))
            })
            .collect();
        for r in rows {
            let band = units
                .get(&r.unit)
                .and_then(|u| self.sets.get(&u.group))
                .and_then(|set| {
                    let i = Index::new(r.index, Points::from_int(100))?;
                    set.band_for(&i).map(|b| b.code.clone())
                });
            let computed = ranks.get(&(r.unit.clone(), r.year)).copied();
            out.entry(r.unit.clone()).or_default().push(YearIndex {
                year: r.year,
                index: r.index,
                source: Source::Imported,
                rank: r.rank.or(computed.map(|c| c.0)),
                ranked_of: if r.rank.is_some() {
                    r.ranked_of
                } else {
                    computed.map(|c| c.1)
                },
                band,
            });
        }
        if self.store.publication(self.year)?.is_none() {
            for g in groups {
                let r = self.ranking(g, Mode::Provisional)?;
                // A group with nothing in yet (no self score, survey or decision) has no
                // index worth showing.
                if r.rows
                    .iter()
                    .all(|row| row.total.hundredths() == 0 && row.decided == 0)
                {
                    continue;
                }
                let ranked_of = r.rows.iter().filter(|row| row.rank.is_some()).count() as u32;
                for row in &r.rows {
                    let Some(index) = row.index else { continue };
                    let years = out.entry(row.unit.to_string()).or_default();
                    years.retain(|y| y.year != self.year);
                    years.push(YearIndex {
                        year: self.year,
                        index: index.rounded(),
                        source: Source::Current,
                        rank: row.rank.map(|n| n as u32),
                        ranked_of: Some(ranked_of),
                        band: row.band.clone(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// The province's index by year (imported history).
    fn province_indexes(&self) -> Result<Vec<YearIndex>, AppError> {
        Ok(self
            .store
            .history_rows()?
            .into_iter()
            .filter(|r| r.unit == PROVINCE)
            .map(|r| YearIndex {
                year: r.year,
                index: r.index,
                source: Source::Imported,
                rank: r.rank,
                ranked_of: r.ranked_of,
                band: None,
            })
            .collect())
    }

    fn group_name(&self, group: &str) -> Result<String, AppError> {
        self.store
            .groups(self.year)?
            .into_iter()
            .find(|(c, _)| c == group)
            .map(|(_, n)| n)
            .ok_or_else(|| AppError::UnknownGroup(group.to_string()))
    }

    /// A unit's index, band and rank by year.
    pub fn unit_history(&self, unit: &str) -> Result<UnitHistory, AppError> {
        let row = self.unit(unit)?;
        let mut all = self.indexes(&[row.group.as_str()])?;
        let years = history::unit_path(&all.remove(unit).unwrap_or_default());
        Ok(UnitHistory {
            group_name: self.group_name(&row.group)?,
            unit: row,
            years,
        })
    }

    /// Every unit's history (of the working year's units), read in one pass.
    pub fn unit_histories(&self) -> Result<Vec<UnitHistory>, AppError> {
        let groups = self.store.groups(self.year)?;
        let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
        let mut all = self.indexes(&codes)?;
        let names: HashMap<&str, &str> = groups
            .iter()
            .map(|(c, n)| (c.as_str(), n.as_str()))
            .collect();
        Ok(self
            .store
            .units(self.year, None)?
            .into_iter()
            .map(|u| UnitHistory {
                group_name: names.get(u.group.as_str()).unwrap_or(&"").to_string(),
                years: history::unit_path(&all.remove(u.code.as_str()).unwrap_or_default()),
                unit: u,
            })
            .collect())
    }

    /// A group's mean by year against the province's index of the year before, and how many
    /// of its units rose each year.
    pub fn group_history(&self, group: &str) -> Result<GroupHistory, AppError> {
        let name = self.group_name(group)?;
        let all = self.indexes(&[group])?;
        // Who was in the group each year: the published result's groups for a published year,
        // this year's groups for the others.
        let published: HashMap<(String, i32), String> = self
            .store
            .published(None)?
            .into_iter()
            .map(|p| ((p.unit, p.year), p.group))
            .collect();
        let now: HashMap<String, String> = self
            .store
            .units(self.year, None)?
            .into_iter()
            .map(|u| (u.code.to_string(), u.group))
            .collect();
        let mut members: BTreeMap<i32, Vec<(String, Points, Source)>> = BTreeMap::new();
        let mut series: HashMap<String, BTreeMap<i32, Points>> = HashMap::new();
        for (unit, years) in &all {
            for y in years {
                series
                    .entry(unit.clone())
                    .or_default()
                    .insert(y.year, y.index);
                let in_group = match y.source {
                    Source::Published => published.get(&(unit.clone(), y.year)),
                    Source::Imported | Source::Current => now.get(unit),
                };
                if in_group.is_some_and(|g| g == group) {
                    members
                        .entry(y.year)
                        .or_default()
                        .push((unit.clone(), y.index, y.source));
                }
            }
        }
        for units in members.values_mut() {
            units.sort_by(|a, b| a.0.cmp(&b.0));
        }
        let province: BTreeMap<i32, Points> = self
            .province_indexes()?
            .into_iter()
            .map(|y| (y.year, y.index))
            .collect();
        Ok(GroupHistory {
            group: group.to_string(),
            name,
            years: history::group_path(&members, &series, &province),
        })
    }

    /// The province's index and national rank by year against the source document's targets.
    pub fn province_history(&self) -> Result<ProvinceHistory, AppError> {
        let plan = SOURCE_PLAN;
        Ok(ProvinceHistory {
            plan,
            years: history::province_path(&self.province_indexes()?, &plan),
        })
    }
}
