//! The workbooks sent out to be filled and read back: a group's criteria set as the
//! template of its tree, each unit's self-assessment, and a folder of filled
//! self-assessments imported file by file (each all or nothing on its own), with a report.

use super::{AppError, IoDoing, Provenance, SelfSource, Workspace};
use crate::domain::CriteriaSet;
use crate::io::sheets::{
    ASSESSMENT, ASSESSMENT_INPUTS, AssessmentRows, AssessmentUnit, REPLIES, REPLY_INPUTS, Request,
    WriteError, assessment_header, assessment_workbook, criteria_workbook, requests_workbook,
};
use crate::io::xlsxread::{self, SheetRows};
use crate::io::{FileError, Problem};
use crate::store::{ImportCount, UnitRow};
use crate::words::Lang;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// What a folder of filled workbooks holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderKind {
    /// Self-assessments (`export self-assessment`), read as self scores.
    SelfScores,
    /// Replies to the explanation requests (`export explanation-requests`), read as
    /// explanations.
    Explanations,
}

/// What became of one workbook of a folder of self-assessments.
#[derive(Debug)]
pub enum FolderOutcome {
    /// Imported (or, in a preview, would be): its rows, and the unit's items left blank.
    Accepted { count: ImportCount, blank: usize },
    /// Refused: every problem, at its cell (the header's too: a unit not of this year, of
    /// another group, a workbook of another year).
    Refused(AppError),
    /// Another workbook of the folder is for the same unit: neither is imported.
    Twice { other: String },
}

/// One workbook of the folder: its file name, the unit its header names, what became of it.
#[derive(Debug)]
pub struct FolderFile {
    pub name: String,
    pub unit: Option<String>,
    pub outcome: FolderOutcome,
}

/// What importing a folder of self-assessments did (or, in a preview, would do).
#[derive(Debug, Default)]
pub struct FolderReport {
    pub files: Vec<FolderFile>,
    /// The units of the groups the folder has workbooks for (every group of the year when it
    /// has none) with no workbook: (code, name).
    pub missing: Vec<(String, String)>,
}

impl FolderReport {
    pub fn accepted(&self) -> impl Iterator<Item = (&FolderFile, &ImportCount, usize)> {
        self.files.iter().filter_map(|f| match &f.outcome {
            FolderOutcome::Accepted { count, blank } => Some((f, count, *blank)),
            _ => None,
        })
    }

    /// The workbooks not imported.
    pub fn refused(&self) -> usize {
        self.files
            .iter()
            .filter(|f| !matches!(f.outcome, FolderOutcome::Accepted { .. }))
            .count()
    }

    /// The rows of the workbooks accepted.
    pub fn rows(&self) -> usize {
        self.accepted()
            .map(|(_, c, _)| c.added + c.changed + c.unchanged)
            .sum()
    }
}

/// Whether a name in a folder is a workbook to read: `.xlsx`, not hidden, not Excel's lock
/// file (`~$SNV.xlsx`).
fn is_assessment_file(path: &Path) -> bool {
    let name = crate::io::file_name(path);
    !name.starts_with('.')
        && !name.starts_with("~$")
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// A workbook of the folder as first read: its rows and origin, and the unit its header
/// names (checked against the year); or why it is refused.
struct Opened {
    path: PathBuf,
    read: Result<(SheetRows, crate::domain::seal::Origin, UnitRow), AppError>,
    unit: Option<String>,
}

impl Workspace {
    /// Writes the group's criteria set (`group`, or the year's only one) as the workbook of
    /// its tree, a template to fill that imports back as the same set.
    pub fn export_criteria(
        &self,
        group: Option<&str>,
        out: &Path,
        lang: Lang,
    ) -> Result<String, AppError> {
        let set = self.one_set(group)?;
        let bytes = criteria_workbook(set, lang).map_err(|e| match e {
            WriteError::NotATree(why) => AppError::NotATree {
                group: set.group.to_string(),
                why,
            },
            WriteError::Xlsx(e) => super::workbook::xlsx_failed(out)(e),
        })?;
        super::files::write_bytes(out, &bytes)?;
        Ok(set.group.to_string())
    }

    /// The set of `group`, or of the year's only group.
    fn one_set(&self, group: Option<&str>) -> Result<&CriteriaSet, AppError> {
        match group {
            Some(g) => Ok(self.set(g)?),
            None => {
                let groups = self.groups()?;
                match groups.as_slice() {
                    [(g, _)] => Ok(self.set(g)?),
                    _ => Err(AppError::GroupNeeded(
                        groups.into_iter().map(|(g, _)| g).collect(),
                    )),
                }
            }
        }
    }

    /// Writes each unit's self-assessment workbook (`DIR/UNITCODE.xlsx`) into the folder `dir`
    /// (made if missing): the units of `group` (or of the year), or the one `unit`; the
    /// paths written.
    pub fn export_self_assessment(
        &self,
        dir: &Path,
        group: Option<&str>,
        unit: Option<&str>,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, AppError> {
        let units = self.units_asked(group, unit)?;
        let names: std::collections::HashMap<String, String> = self.groups()?.into_iter().collect();
        std::fs::create_dir_all(dir).map_err(|e| AppError::write_failed(dir, e))?;
        let mut written = Vec::with_capacity(units.len());
        for u in &units {
            let set = self.set(&u.group)?;
            let who = AssessmentUnit {
                code: u.code.as_str(),
                name: &u.name,
                group: &u.group,
                group_name: names.get(&u.group).map_or("", String::as_str),
                year: self.year,
            };
            let path = dir.join(format!("{}.xlsx", u.code));
            let bytes = assessment_workbook(set, &who, lang)
                .map_err(super::workbook::xlsx_failed(&path))?;
            super::files::write_bytes(&path, &bytes)?;
            written.push(path);
        }
        Ok(written)
    }

    /// The items of `unit` the council asked it to explain, with the council's comment.
    pub fn requests(&self, unit: &UnitRow) -> Result<Vec<Request>, AppError> {
        let (set, sheet) = self.sheet(unit)?;
        Ok(set
            .item_indexes()
            .filter(|&i| sheet.state(set, i) == crate::domain::State::ExplanationRequested)
            .map(|i| {
                let node = set.node(i);
                let rec = &sheet.records[i];
                Request {
                    code: node.code.to_string(),
                    title: node.title.clone(),
                    max: node.max,
                    self_score: rec.self_entry.as_ref().map(|e| e.score.points()),
                    comment: rec
                        .decision
                        .as_ref()
                        .map(|d| d.comment.clone())
                        .unwrap_or_default(),
                }
            })
            .collect())
    }

    /// Writes, for each unit of `group` (or of the year, or the one `unit`) with items the
    /// council asked it to explain, the workbook of those requests (`DIR/UNITCODE.xlsx`) to
    /// fill and send back; the paths written.
    pub fn export_explanation_requests(
        &self,
        dir: &Path,
        group: Option<&str>,
        unit: Option<&str>,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, AppError> {
        let units = self.units_asked(group, unit)?;
        let names: std::collections::HashMap<String, String> = self.groups()?.into_iter().collect();
        let mut asked = Vec::new();
        for u in units {
            let requests = self.requests(&u)?;
            if !requests.is_empty() {
                asked.push((u, requests));
            }
        }
        std::fs::create_dir_all(dir).map_err(|e| AppError::write_failed(dir, e))?;
        let mut written = Vec::with_capacity(asked.len());
        for (u, requests) in &asked {
            let illustrative = self.set(&u.group)?.source.is_illustrative();
            let who = AssessmentUnit {
                code: u.code.as_str(),
                name: &u.name,
                group: &u.group,
                group_name: names.get(&u.group).map_or("", String::as_str),
                year: self.year,
            };
            let path = dir.join(format!("{}.xlsx", u.code));
            let bytes = requests_workbook(requests, &who, illustrative, lang)
                .map_err(super::workbook::xlsx_failed(&path))?;
            super::files::write_bytes(&path, &bytes)?;
            written.push(path);
        }
        Ok(written)
    }

    /// The units of `group` (or of the year), or the one `unit` (which must be of `group`).
    fn units_asked(
        &self,
        group: Option<&str>,
        unit: Option<&str>,
    ) -> Result<Vec<UnitRow>, AppError> {
        match unit {
            Some(code) => {
                let u = self.unit(code)?;
                if let Some(g) = group
                    && u.group != g
                {
                    return Err(AppError::UnitNotInGroup {
                        unit: code.to_string(),
                        group: g.to_string(),
                    });
                }
                Ok(vec![u])
            }
            None => {
                if let Some(g) = group {
                    self.set(g)?;
                }
                self.units(group)
            }
        }
    }

    /// Imports every workbook of the folder `dir` (self-assessments, or replies to the
    /// explanation requests), each all or nothing on its own through the audited import of
    /// its kind (a ledger row and seals per file): the report of what was accepted and
    /// refused, and of the units with no workbook (for replies: of those asked to explain).
    pub fn import_folder(
        &mut self,
        kind: FolderKind,
        dir: &Path,
    ) -> Result<FolderReport, AppError> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| AppError::io(IoDoing::Read, dir.display(), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_assessment_file(p) && p.is_file())
            .collect();
        paths.sort();
        let opened: Vec<Opened> = paths
            .into_iter()
            .map(|p| self.open_assessment(kind, p))
            .collect();
        let mut by_unit: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
        for o in &opened {
            if let Some(u) = &o.unit {
                by_unit.entry(u).or_default().push(&o.path);
            }
        }
        let twice: BTreeMap<String, Vec<String>> = by_unit
            .iter()
            .filter(|(_, files)| files.len() > 1)
            .map(|(u, files)| {
                let names = files.iter().map(|p| crate::io::file_name(p)).collect();
                (u.to_string(), names)
            })
            .collect();
        let mut report = FolderReport::default();
        let mut groups: HashSet<String> = HashSet::new();
        let mut seen: HashSet<String> = HashSet::new();
        for o in opened {
            let name = crate::io::file_name(&o.path);
            if let Some(u) = &o.unit {
                seen.insert(u.clone());
            }
            let outcome = match (o.read, o.unit.as_ref().and_then(|u| twice.get(u))) {
                (Ok((_, _, unit)), Some(names)) => {
                    groups.insert(unit.group.clone());
                    let other = names.iter().find(|n| **n != name).cloned();
                    FolderOutcome::Twice {
                        other: other.unwrap_or_default(),
                    }
                }
                (Ok((rows, origin, unit)), None) => {
                    groups.insert(unit.group.clone());
                    match kind {
                        FolderKind::SelfScores => {
                            self.import_assessment(&o.path, rows, origin, &unit)
                        }
                        FolderKind::Explanations => {
                            self.import_replies(&o.path, rows, origin, &unit)
                        }
                    }
                }
                (Err(e), _) => FolderOutcome::Refused(e),
            };
            report.files.push(FolderFile {
                name,
                unit: o.unit,
                outcome,
            });
        }
        for u in self.units(None)? {
            let counted = match kind {
                FolderKind::SelfScores => groups.is_empty() || groups.contains(&u.group),
                FolderKind::Explanations => !self.requests(&u)?.is_empty(),
            };
            if counted && !seen.contains(u.code.as_str()) {
                report.missing.push((u.code.to_string(), u.name));
            }
        }
        Ok(report)
    }

    /// [`Workspace::import_folder`] run to its end and rolled back: the same report, nothing
    /// written.
    pub fn preview_folder(
        &mut self,
        kind: FolderKind,
        dir: &Path,
    ) -> Result<FolderReport, AppError> {
        self.store.set_dry_run(true);
        let out = self.import_folder(kind, dir);
        self.store.set_dry_run(false);
        out
    }

    /// One workbook of replies imported (in its own transaction) as an explanations file.
    fn import_replies(
        &mut self,
        path: &Path,
        rows: SheetRows,
        origin: crate::domain::seal::Origin,
        unit: &UnitRow,
    ) -> FolderOutcome {
        let asked = match self.requests(unit) {
            Ok(r) => r.len(),
            Err(e) => return FolderOutcome::Refused(e),
        };
        let source = AssessmentRows::new(
            rows,
            unit.code.to_string(),
            REPLY_INPUTS,
            Problem::RepliesBlank,
        );
        let imported = (|| {
            let table = crate::io::csvread::Table::read(source)?;
            let rows = crate::io::imports::explanations_in(path, &table, &self.context()?)?;
            Ok(self
                .store
                .import_explanations(self.year, &rows, Some(&origin))?)
        })();
        match imported {
            Ok(count) => {
                let rows = count.added + count.changed + count.unchanged;
                FolderOutcome::Accepted {
                    count,
                    blank: asked.saturating_sub(rows),
                }
            }
            Err(e) => FolderOutcome::Refused(e),
        }
    }

    /// Reads a workbook of the folder and checks its header: the unit is one of this year's,
    /// of the group the workbook was made for, and the year is this one.
    fn open_assessment(&self, kind: FolderKind, path: PathBuf) -> Opened {
        let mut unit_named = None;
        let columns = match kind {
            FolderKind::SelfScores => ASSESSMENT,
            FolderKind::Explanations => REPLIES,
        };
        let read = (|| {
            let (rows, origin) = xlsxread::open_with_origin(&path, None, columns)?;
            let h = assessment_header(&rows);
            let mut err = FileError::new(&path).in_sheet(rows.sheet_name());
            let (unit, unit_place) = match h.unit {
                Some((u, place)) if !u.is_empty() => (u, place),
                _ => {
                    err.push(None, Problem::AssessmentHeader);
                    return Err(AppError::File(err));
                }
            };
            unit_named = Some(unit.clone());
            if let Some((year, place)) = &h.year
                && year.trim() != self.year.to_string()
            {
                err.push(
                    Some(place.clone()),
                    Problem::AssessmentYear {
                        found: year.clone(),
                        year: self.year,
                    },
                );
            }
            let row = self.unit(&unit).ok();
            match (&row, &h.group) {
                (None, _) => err.push(
                    Some(unit_place),
                    Problem::AssessmentUnit {
                        unit: unit.clone(),
                        year: self.year,
                    },
                ),
                (Some(r), Some((g, place))) if *g != r.group => err.push(
                    Some(place.clone()),
                    Problem::AssessmentGroup {
                        unit: unit.clone(),
                        group: r.group.clone(),
                        file_group: g.clone(),
                    },
                ),
                _ => {}
            }
            match row {
                Some(r) if err.is_empty() => Ok((rows, origin, r)),
                _ => Err(AppError::File(err)),
            }
        })();
        Opened {
            path,
            read,
            unit: unit_named,
        }
    }

    /// One workbook imported (in its own transaction) as a self-scores file.
    fn import_assessment(
        &mut self,
        path: &Path,
        rows: SheetRows,
        origin: crate::domain::seal::Origin,
        unit: &UnitRow,
    ) -> FolderOutcome {
        let set = match self.set(&unit.group) {
            Ok(s) => std::sync::Arc::clone(s),
            Err(e) => return FolderOutcome::Refused(e),
        };
        let applicable = set
            .item_indexes()
            .filter(|&i| set.node(i).applies_to(&unit.code))
            .count();
        let source = AssessmentRows::new(
            rows,
            unit.code.to_string(),
            ASSESSMENT_INPUTS,
            Problem::AssessmentBlank,
        );
        let imported = self.import_self_scores::<&[u8]>(
            path,
            SelfSource::Assessment(Box::new(source)),
            Provenance::Known(origin),
        );
        match imported {
            Ok(count) => {
                let rows = count.added + count.changed + count.unchanged;
                FolderOutcome::Accepted {
                    count,
                    blank: applicable.saturating_sub(rows),
                }
            }
            Err(e) => FolderOutcome::Refused(e),
        }
    }
}
