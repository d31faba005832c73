//! The years on a database: a new year made from another, a year published (its final
//! ranking kept as its result) and unpublished, history imported against what was published,
//! and the paths over the years of a unit, a group and the province.

use super::{AppError, Workspace};
use crate::builtin;
use crate::domain::history::{
    self, GroupYear, Plan, ProvinceYear, SOURCE_PLAN, Source, UnitYear, YearIndex,
};
use crate::domain::lineage;
use crate::domain::{CriteriaSet, Index, Mode, Points, Ranking};
use crate::io::criteria::set_from_toml;
use crate::io::imports;
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
    /// The lines of lineage stored (0 without a changes file).
    pub changes: usize,
    /// Units of `from` that the changes end.
    pub ended: Vec<String>,
    /// Groups of `from` that have no unit in the new year (they end).
    pub ended_groups: Vec<String>,
}

/// A changes file for a new year, and the criteria sets of the groups that start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearChanges {
    pub file: PathBuf,
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// TOML criteria sets (their year is set to the new year's).
    pub sets: Vec<PathBuf>,
}

/// Where a new year's changes come from: files, or text the program holds.
enum ChangesSource<'a> {
    Files(&'a YearChanges),
    Text {
        file: &'a Path,
        text: &'a str,
        sets: &'a [(&'a Path, &'a str)],
    },
}

impl ChangesSource<'_> {
    fn file(&self) -> &Path {
        match self {
            ChangesSource::Files(ch) => &ch.file,
            ChangesSource::Text { file, .. } => file,
        }
    }
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
    /// Where the unit came from, the latest change that made it: the kind, the names of the
    /// units it came from, the year (none for a unit that carried over).
    pub came_from: Option<CameFrom>,
    /// The lines of the units it came from (and theirs), each up to the year before the change.
    pub predecessors: Vec<Predecessor>,
}

/// How a unit came to be: the kind of change, the names of the units it came from, the year.
pub type CameFrom = (lineage::Kind, Vec<String>, i32);

/// A unit that another came from, with its own path up to the change.
#[derive(Debug, Clone)]
pub struct Predecessor {
    pub code: String,
    pub name: String,
    pub kind: lineage::Kind,
    /// The first year of the unit it became.
    pub year: i32,
    /// The unit it became.
    pub successor: String,
    pub years: Vec<UnitYear>,
}

/// Where `unit` came from and its predecessors' paths, from every year's lineage.
fn ancestry(
    unit: &str,
    links: &[(i32, lineage::Link)],
    names: &HashMap<String, String>,
    all: &HashMap<String, Vec<YearIndex>>,
) -> (Option<CameFrom>, Vec<Predecessor>) {
    let name = |c: &str| names.get(c).cloned().unwrap_or_else(|| c.to_string());
    let came_from = links
        .iter()
        .filter(|(_, l)| l.unit == unit)
        .map(|(y, _)| *y)
        .max()
        .map(|y| {
            let mine: Vec<&lineage::Link> = links
                .iter()
                .filter(|(ly, l)| *ly == y && l.unit == unit)
                .map(|(_, l)| l)
                .collect();
            let from = mine
                .iter()
                .filter(|l| !l.from.is_empty())
                .map(|l| name(&l.from))
                .collect();
            (mine[0].kind, from, y)
        });
    let mut out = Vec::new();
    let mut frontier = vec![(unit.to_string(), i32::MAX)];
    let mut seen: HashSet<(String, i32)> = HashSet::new();
    while let Some((code, before)) = frontier.pop() {
        for (y, l) in links {
            if l.unit != code || *y > before || l.from.is_empty() || l.from == l.unit {
                continue;
            }
            if !seen.insert((l.from.clone(), *y)) {
                continue;
            }
            let years: Vec<YearIndex> = all
                .get(&l.from)
                .map(|ys| ys.iter().filter(|x| x.year < *y).cloned().collect())
                .unwrap_or_default();
            out.push(Predecessor {
                code: l.from.clone(),
                name: name(&l.from),
                kind: l.kind,
                year: *y,
                successor: code.clone(),
                years: history::unit_path(&years),
            });
            frontier.push((l.from.clone(), y - 1));
        }
    }
    (came_from, out)
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
        self.new_year_with(year, from, None, appraiser)
    }

    /// The same, with the units changed by a changes file (see `domain::lineage`): units not
    /// named carry over; a group keeps its set only while it has units; a group that starts
    /// takes its set from `changes.sets` (else the program's own of `year`), and without one
    /// the year is refused. Checked whole before anything is written; the lineage is stored
    /// with the year.
    pub fn new_year_with(
        &mut self,
        year: i32,
        from: i32,
        changes: Option<&YearChanges>,
        appraiser: &str,
    ) -> Result<NewYear, AppError> {
        self.new_year_from(year, from, changes.map(ChangesSource::Files), appraiser)
    }

    /// The same with the changes and the sets of the groups that start given as text (the
    /// demo's, built into the program): `changes` (its file name, its CSV text), `sets` (each
    /// file name and TOML text).
    pub(crate) fn new_year_with_text(
        &mut self,
        (year, from): (i32, i32),
        changes: (&Path, &str),
        sets: &[(&Path, &str)],
        appraiser: &str,
    ) -> Result<NewYear, AppError> {
        let source = ChangesSource::Text {
            file: changes.0,
            text: changes.1,
            sets,
        };
        self.new_year_from(year, from, Some(source), appraiser)
    }

    fn new_year_from(
        &mut self,
        year: i32,
        from: i32,
        changes: Option<ChangesSource>,
        appraiser: &str,
    ) -> Result<NewYear, AppError> {
        if self.store.year_exists(year)? {
            return Err(StoreError::YearExists(year).into());
        }
        let mut sets = builtin::sets_of(year)
            .map(|(name, text)| super::setup::builtin_set(year, name, text))
            .collect::<Result<Vec<_>, _>>()?;
        let builtin = !sets.is_empty();
        let from_groups = self.store.groups(from)?;
        if !builtin {
            for (group, _) in &from_groups {
                let mut set = self.store.load_set(from, group)?;
                set.year = year;
                sets.push(set);
            }
        }
        if sets.is_empty() {
            return Err(AppError::NoSets(from));
        }
        let last = self.store.units(from, None)?;
        let (carried, links, ended) = match changes {
            None => (last, Vec::new(), Vec::new()),
            Some(ref ch) => {
                let was: Vec<lineage::Unit> = last
                    .iter()
                    .map(|u| lineage::Unit {
                        code: u.code.to_string(),
                        name: u.name.clone(),
                        group: u.group.clone(),
                        ranked: u.ranked,
                    })
                    .collect();
                let (outcome, started) = match ch {
                    ChangesSource::Files(ch) => {
                        let outcome = self.read_changes(&ch.file, ch.sheet.as_deref(), &was)?;
                        let mut started = Vec::new();
                        for path in &ch.sets {
                            let text = crate::io::csvread::read_text(path)?;
                            started.push(set_from_toml(path, &text)?);
                        }
                        (outcome, started)
                    }
                    ChangesSource::Text { file, text, sets } => {
                        let outcome = imports::changes(file, text, &was)?;
                        let started = sets
                            .iter()
                            .map(|(path, text)| set_from_toml(path, text))
                            .collect::<Result<Vec<_>, _>>()?;
                        (outcome, started)
                    }
                };
                for mut set in started {
                    set.year = year;
                    sets.retain(|s| s.group != set.group);
                    sets.push(set);
                }
                let groups = outcome.groups();
                if let Some(g) = groups
                    .iter()
                    .find(|g| !sets.iter().any(|s| s.group.as_str() == **g))
                {
                    return Err(AppError::GroupNeedsSet {
                        group: g.to_string(),
                        year,
                    });
                }
                // A group ends with its units.
                sets.retain(|s| groups.contains(s.group.as_str()));
                let mut units = Vec::new();
                for u in &outcome.units {
                    units.push(UnitRow {
                        code: crate::domain::UnitCode::parse(&u.code)
                            .map_err(|_| StoreError::UnknownUnit(u.code.clone()))?,
                        name: u.name.clone(),
                        group: u.group.clone(),
                        ranked: u.ranked,
                        closed: false,
                        survey: None,
                    });
                }
                (units, outcome.links, outcome.ended)
            }
        };
        let groups: HashSet<&str> = sets.iter().map(|s| s.group.as_str()).collect();
        let (units, left_out): (Vec<UnitRow>, Vec<UnitRow>) = carried
            .into_iter()
            .partition(|u| groups.contains(u.group.as_str()));
        let ended_groups: Vec<String> = from_groups
            .into_iter()
            .map(|(g, _)| g)
            .filter(|g| !groups.contains(g.as_str()))
            .collect();
        let mut comment = format!("new-year {year} --from {from}");
        if let Some(ch) = &changes {
            comment.push_str(&format!(" --changes {}", ch.file().display()));
        }
        self.store
            .create_year(year, &sets, &units, &links, appraiser, &comment)?;
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
            changes: links.len(),
            ended,
            ended_groups,
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

    /// A changes file (CSV, or a sheet of a workbook) checked against `last`.
    fn read_changes(
        &self,
        path: &Path,
        sheet: Option<&str>,
        last: &[lineage::Unit],
    ) -> Result<lineage::Outcome, AppError> {
        if crate::io::xlsxread::is_workbook(path) {
            let table = crate::io::csvread::Table::read(crate::io::xlsxread::open(
                path,
                sheet,
                imports::CHANGES,
            )?)?;
            return Ok(imports::changes_in(path, &table, last)?);
        }
        if sheet.is_some() {
            return Err(AppError::SheetNeedsWorkbook(path.to_path_buf()));
        }
        let text = crate::io::csvread::read_text(path)?;
        Ok(imports::changes(path, &text, last)?)
    }

    /// Sets the council's comparison figure of a unit of the working year (`Some(None)`: no
    /// comparison; `None`: back to the rule), with its reason; audited.
    pub fn set_previous(
        &mut self,
        unit: &str,
        figure: Option<Option<Points>>,
        reason: &str,
        appraiser: &str,
    ) -> Result<lineage::Previous, AppError> {
        let code = self.unit(unit)?.code;
        self.store
            .set_previous_override(self.year, code.as_str(), figure, reason, appraiser)?;
        self.previous_of(code.as_str())
    }

    /// The figure a unit of the working year is compared with, and how it was found.
    pub fn previous_of(&self, unit: &str) -> Result<lineage::Previous, AppError> {
        let mut all = self.store.previous_figures(self.year)?;
        all.remove(unit)
            .ok_or_else(|| StoreError::UnknownUnit(unit.to_string()).into())
    }

    /// Every unit code of any year with its name (the latest year's).
    pub fn unit_names(&self) -> Result<HashMap<String, String>, AppError> {
        Ok(self.store.unit_names()?)
    }

    /// Every unit's comparison figure of the working year, by unit code.
    pub fn previous_figures(&self) -> Result<HashMap<String, lineage::Previous>, AppError> {
        Ok(self.store.previous_figures(self.year)?)
    }

    /// How each unit's figure of last year was found, as printed beside it wherever it is
    /// shown (the ranking's CSV and tables, the workbook, the notices, the way up), by unit
    /// code: only the units compared with something other than their own index ("bình quân
    /// 3 đơn vị tiền thân", "Hội đồng đặt: …", a renamed or split unit's predecessor, a new
    /// unit).
    pub fn previous_notes(
        &self,
        lang: crate::words::Lang,
    ) -> Result<HashMap<String, String>, AppError> {
        let names = self.store.unit_names()?;
        let name_of = |c: &str| names.get(c).cloned().unwrap_or_else(|| c.to_string());
        Ok(self
            .store
            .previous_figures(self.year)?
            .into_iter()
            .map(|(u, p)| {
                let note = crate::words::documents::previous_basis(&p.basis, &name_of, lang);
                (u, note)
            })
            .filter(|(_, n)| !n.is_empty())
            .collect())
    }

    /// The lineage of every year, by year: (year, unit, the unit it came from, kind), and the
    /// names of the units as each year had them.
    pub fn lineage_all(&self) -> Result<Vec<(i32, lineage::Link)>, AppError> {
        Ok(self.store.lineage_all()?)
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
        let (rows, origin) = self.read_history(path, sheet)?;
        let count = self.store.import_history(&rows, Some(&origin))?;
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
        let all = self.indexes(&[row.group.as_str()])?;
        let links = self.store.lineage_all()?;
        let names = self.store.unit_names()?;
        let (came_from, predecessors) = ancestry(unit, &links, &names, &all);
        let years = history::unit_path(all.get(unit).map_or(&[][..], Vec::as_slice));
        Ok(UnitHistory {
            group_name: self.group_name(&row.group)?,
            unit: row,
            years,
            came_from,
            predecessors,
        })
    }

    /// Every unit's history (of the working year's units), read in one pass.
    pub fn unit_histories(&self) -> Result<Vec<UnitHistory>, AppError> {
        let groups = self.store.groups(self.year)?;
        let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
        let all = self.indexes(&codes)?;
        let links = self.store.lineage_all()?;
        let unit_names = self.store.unit_names()?;
        let names: HashMap<&str, &str> = groups
            .iter()
            .map(|(c, n)| (c.as_str(), n.as_str()))
            .collect();
        Ok(self
            .store
            .units(self.year, None)?
            .into_iter()
            .map(|u| {
                let (came_from, predecessors) =
                    ancestry(u.code.as_str(), &links, &unit_names, &all);
                UnitHistory {
                    group_name: names.get(u.group.as_str()).unwrap_or(&"").to_string(),
                    years: history::unit_path(
                        all.get(u.code.as_str()).map_or(&[][..], Vec::as_slice),
                    ),
                    unit: u,
                    came_from,
                    predecessors,
                }
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
