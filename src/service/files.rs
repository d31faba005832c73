//! The files of a year, shared by the command line and the screens: every kind of import
//! (criteria sets included), its preview (the same import run to the end and rolled back),
//! the exports (decisions, ranking, notices) and the fields given to members.

use super::{AppError, ImportKind, IoDoing, Shadowed, Workspace};
use crate::domain::criteria::Band;
use crate::domain::{CriteriaSet, GroupCode, Mode, Points, RankError, Ranking};
use crate::io::criteria::{CsvSetHeader, set_from_table};
use crate::io::export::{write_decisions, write_rankings};
use crate::io::{FileError, Problem};
use crate::store::ImportCount;
use crate::words::Lang;
use std::path::Path;

/// What a file holds, for the files screen and the commands alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A criteria set (TOML, or a CSV tree with its header given).
    Criteria,
    Units,
    SelfScores,
    Survey,
    Explanations,
    History,
    /// Each unit's percent of the field maximum in past years (for the way up).
    FieldHistory,
}

impl FileKind {
    /// In the order a year's files are imported.
    pub const ALL: [FileKind; 7] = [
        FileKind::Criteria,
        FileKind::Units,
        FileKind::SelfScores,
        FileKind::Survey,
        FileKind::Explanations,
        FileKind::History,
        FileKind::FieldHistory,
    ];

    /// The kind of data file a header row names: the one whose required columns are all
    /// there, the most of them when several are (a units file read as self scores says it is
    /// a units file). None for a header no kind fits.
    pub fn of_header(header: &str) -> Option<FileKind> {
        use crate::io::imports as i;
        let header = header.trim_start_matches('\u{feff}');
        let sep = [',', ';', '\t']
            .into_iter()
            .max_by_key(|s| header.matches(*s).count())
            .unwrap_or(',');
        let names: Vec<String> = header
            .split(sep)
            .map(|c| c.trim().trim_matches('"').trim().to_lowercase())
            .collect();
        [
            (FileKind::Units, i::UNITS),
            (FileKind::SelfScores, i::SELF_SCORES),
            (FileKind::Survey, i::SURVEY),
            (FileKind::Explanations, i::EXPLANATIONS),
            (FileKind::History, i::HISTORY),
            (FileKind::FieldHistory, i::FIELD_HISTORY),
        ]
        .into_iter()
        .filter(|(_, c)| c.required.iter().all(|r| names.iter().any(|n| n == r)))
        .max_by_key(|(_, c)| c.required.len())
        .map(|(k, _)| k)
    }

    /// The import kind of a data file (none for a criteria set).
    pub fn import_kind(self) -> Option<ImportKind> {
        FileKind::DATA
            .iter()
            .find(|(_, f)| *f == self)
            .map(|(i, _)| *i)
    }

    /// The data files, each the file kind of its import kind.
    const DATA: [(ImportKind, FileKind); 6] = [
        (ImportKind::Units, FileKind::Units),
        (ImportKind::SelfScores, FileKind::SelfScores),
        (ImportKind::Survey, FileKind::Survey),
        (ImportKind::Explanations, FileKind::Explanations),
        (ImportKind::History, FileKind::History),
        (ImportKind::FieldHistory, FileKind::FieldHistory),
    ];

    /// The name the command line gives it (`thamdinh import units`).
    pub fn command(self) -> &'static str {
        match self {
            FileKind::Criteria => "criteria",
            FileKind::Units => "units",
            FileKind::SelfScores => "self-scores",
            FileKind::Survey => "survey",
            FileKind::Explanations => "explanations",
            FileKind::History => "history",
            FileKind::FieldHistory => "field-history",
        }
    }
}

impl From<ImportKind> for FileKind {
    fn from(kind: ImportKind) -> FileKind {
        FileKind::DATA
            .iter()
            .find(|(i, _)| *i == kind)
            .map_or(FileKind::Criteria, |(_, f)| *f)
    }
}

/// The options of `import criteria` for a CSV tree (a TOML file carries its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriteriaCsvArgs {
    pub group: Option<String>,
    pub name: Option<String>,
    /// The name as councils say it, for the group tabs of a narrow window.
    pub short_name: Option<String>,
    pub survey_max: Option<String>,
    pub bands: Option<String>,
    /// Bands found neither here nor in the file are asked for (the files screen), not taken
    /// as the national ones (the command line).
    pub ask_bands: bool,
}

/// A value of a tree's header, given neither in its header block nor otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    Group,
    Name,
    SurveyMax,
    Bands,
}

/// What an import did (or, in a preview, would do).
#[derive(Debug, Clone)]
pub struct Imported {
    pub kind: FileKind,
    pub count: ImportCount,
    /// The set read, for a criteria set.
    pub set: Option<CriteriaSet>,
    /// History rows that differ from a result published in this database.
    pub shadowed: Vec<Shadowed>,
    /// In a preview of a CSV file: its first rows, and the year's units it has no row for.
    pub glance: Option<FileGlance>,
}

/// What the files screen shows of a previewed CSV file besides the counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileGlance {
    pub header: Vec<String>,
    /// The first rows as written.
    pub samples: Vec<Vec<String>>,
    /// For self scores and survey scores: the year's units with no row in the file (code,
    /// name), in the year's order; None for the other kinds.
    pub absent: Option<Vec<(String, String)>>,
    /// How many units the year has.
    pub units: usize,
}

impl Imported {
    /// The rows of the file (a criteria set counts as one).
    pub fn rows(&self) -> usize {
        self.count.added + self.count.changed + self.count.unchanged
    }
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
pub(super) fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    use std::io::Write;
    crate::io::replace_file(path, |tmp| tmp.write_all(bytes))
        .map_err(|e| AppError::write_failed(path, e))
}

impl Workspace {
    /// Imports a file of any kind (a sheet of a workbook: `sheet`, else its first). The one
    /// path of `thamdinh import …` and of the files screen.
    pub fn import_any(
        &mut self,
        kind: FileKind,
        path: &Path,
        sheet: Option<&str>,
        csv: CriteriaCsvArgs,
    ) -> Result<Imported, AppError> {
        let mut out = Imported {
            kind,
            count: ImportCount::default(),
            set: None,
            shadowed: Vec::new(),
            glance: None,
        };
        match kind {
            FileKind::Criteria => {
                let mut before = Vec::new();
                for y in self.store.years()? {
                    for (g, _) in self.store.groups(y)? {
                        before.push((y, g));
                    }
                }
                let (set, changed) = self.import_criteria(path, csv)?;
                let existed = before.contains(&(set.year, set.group.to_string()));
                match (existed, changed) {
                    (false, _) => out.count.added = 1,
                    (true, true) => out.count.changed = 1,
                    (true, false) => out.count.unchanged = 1,
                }
                out.set = Some(set);
            }
            FileKind::History => {
                let (count, shadowed) = self.import_history_file(path, sheet)?;
                out.count = count;
                out.shadowed = shadowed;
            }
            other => {
                let k = other.import_kind().expect("a data file");
                out.count = self.import_path(k, path, sheet)?;
            }
        }
        Ok(out)
    }

    /// What importing the file would do, computed by the import itself: the same reading,
    /// the same checks and the same writes in one transaction, rolled back at its end. A
    /// refused file is refused here with the same problems.
    pub fn preview_import(
        &mut self,
        kind: FileKind,
        path: &Path,
        sheet: Option<&str>,
        csv: CriteriaCsvArgs,
    ) -> Result<Imported, AppError> {
        self.store.set_dry_run(true);
        let out = self.import_any(kind, path, sheet, csv);
        self.store.set_dry_run(false);
        // A set saved in the dry run was loaded again; load what the database holds.
        self.reload_sets()?;
        let mut out = out?;
        out.glance = self.glance(kind, path)?;
        Ok(out)
    }

    /// The first rows of a CSV data file, and for self scores and survey scores the year's
    /// units it has no row for.
    fn glance(&self, kind: FileKind, path: &Path) -> Result<Option<FileGlance>, AppError> {
        let column = match kind {
            FileKind::Criteria => return Ok(None),
            FileKind::Units => "code",
            _ => "unit",
        };
        let Some(g) = crate::io::glance::glance(path, 3, column) else {
            return Ok(None);
        };
        let units = self.units(None)?;
        let absent = match kind {
            FileKind::SelfScores | FileKind::Survey => Some(
                units
                    .iter()
                    .filter(|u| !g.values.contains(u.code.as_str()))
                    .map(|u| (u.code.to_string(), u.name.clone()))
                    .collect(),
            ),
            _ => None,
        };
        Ok(Some(FileGlance {
            header: g.header,
            samples: g.samples,
            absent,
            units: units.len(),
        }))
    }

    /// Reads a criteria set (TOML, or a tree as CSV or a sheet of a workbook, with its header
    /// block and `csv`'s values) and stores it; the set and whether anything changed.
    pub fn import_criteria(
        &mut self,
        file: &Path,
        csv: CriteriaCsvArgs,
    ) -> Result<(CriteriaSet, bool), AppError> {
        let Some((block, table, origin)) = read_tree(file)? else {
            return self.import_set_toml(file);
        };
        let header = self.tree_header(csv, block)?;
        let set = set_from_table(file, &table, header)?;
        let changed = self.save_set(&set, Some(&origin))?;
        Ok((set, changed))
    }

    /// The header of a tree: the values given (`csv`) over those of its header block; every
    /// value found in neither, at once.
    fn tree_header(
        &self,
        csv: CriteriaCsvArgs,
        block: crate::io::criteria::CsvHeaderBlock,
    ) -> Result<CsvSetHeader, AppError> {
        let given = |a: Option<String>, b: Option<String>| {
            a.map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .or(b)
        };
        let group = given(csv.group, block.group);
        let name = given(csv.name, block.name);
        let survey = given(csv.survey_max, block.survey_max);
        let bands = given(csv.bands, block.bands);
        let mut missing = Vec::new();
        for (absent, field) in [
            (group.is_none(), HeaderField::Group),
            (name.is_none(), HeaderField::Name),
            (survey.is_none(), HeaderField::SurveyMax),
            (bands.is_none() && csv.ask_bands, HeaderField::Bands),
        ] {
            if absent {
                missing.push(field);
            }
        }
        let (Some(group_text), Some(name), Some(survey_text)) = (group, name, survey) else {
            return Err(AppError::CriteriaNeeds(missing));
        };
        if !missing.is_empty() {
            return Err(AppError::CriteriaNeeds(missing));
        }
        let group = GroupCode::parse(&group_text)
            .map_err(|_| AppError::UnknownGroup(group_text.clone()))?;
        let survey_max = Points::parse(&survey_text).map_err(|why| {
            AppError::File(FileError::one(
                Path::new("--survey-max"),
                None,
                Problem::BadPoints {
                    text: survey_text.clone(),
                    why,
                },
            ))
        })?;
        let bands_text = bands.unwrap_or_else(|| "A:90,B:80,C:70,D:0".into());
        let bands =
            Band::parse_list(&bands_text).ok_or_else(|| AppError::BadBands(bands_text.clone()))?;
        Ok(CsvSetHeader {
            group,
            name,
            short_name: given(csv.short_name, block.short_name),
            year: self.year,
            survey_max,
            bands,
            source: block.source,
        })
    }

    /// The rankings of the groups asked for (one, or all of the year): (code, name, ranking).
    pub fn group_rankings(
        &self,
        group: Option<&str>,
        mode: Mode,
    ) -> Result<Vec<(String, String, Ranking)>, AppError> {
        let groups = self.chosen_groups(group)?;
        let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
        let ranked = self.rankings(&codes, mode);
        groups
            .iter()
            .zip(ranked)
            .map(|((code, name), r)| Ok((code.clone(), name.clone(), r?)))
            .collect()
    }

    /// The rankings as CSV (BOM, inert cells); `previous_basis` says in `lang` how a figure of
    /// last year that is not the unit's own index was found.
    pub fn rank_csv(
        &self,
        group: Option<&str>,
        mode: Mode,
        lang: Lang,
    ) -> Result<Vec<u8>, AppError> {
        let groups: Vec<(String, Ranking)> = self
            .group_rankings(group, mode)?
            .into_iter()
            .map(|(c, _, r)| (c, r))
            .collect();
        let notes = self.previous_notes(lang)?;
        let mut out = Vec::new();
        write_rankings(&mut out, &groups, &notes)
            .map_err(|e| AppError::io(IoDoing::WriteOutput, "-", e))?;
        Ok(out)
    }

    /// Writes the ranking CSV to `out` (whole or not at all).
    pub fn export_ranking(
        &self,
        group: Option<&str>,
        mode: Mode,
        out: &Path,
        lang: Lang,
    ) -> Result<(), AppError> {
        let buf = self.rank_csv(group, mode, lang)?;
        write_bytes(out, &buf)
    }

    /// Writes the decisions CSV to `out`; how many lines. With `Mode::Final` it is the
    /// council's complete record, refused (nothing written) while any item of the chosen
    /// groups is undecided or awaits an explanation, counted as the final ranking counts them.
    pub fn export_decisions(
        &self,
        group: Option<&str>,
        mode: Mode,
        out: &Path,
    ) -> Result<usize, AppError> {
        let groups = self.chosen_groups(group)?;
        if mode == Mode::Final {
            self.check_all_decided(&groups, group.is_some())?;
        }
        let lines = self.decision_lines(group)?;
        let mut buf = Vec::new();
        write_decisions(&mut buf, &lines)
            .map_err(|e| AppError::io(IoDoing::WriteOutput, "-", e))?;
        write_bytes(out, &buf)?;
        Ok(lines.len())
    }

    /// Refuses while any item of the groups is not decided, naming how many items of how many
    /// units are left (per group when several were asked for).
    fn check_all_decided(&self, groups: &[(String, String)], one: bool) -> Result<(), AppError> {
        let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
        let mut left = Vec::new();
        for (code, ranked) in codes.iter().zip(self.rankings(&codes, Mode::Final)) {
            match ranked {
                Err(AppError::Rank {
                    why: RankError::Undecided { items, units },
                    ..
                }) => left.push((code.to_string(), items, units)),
                // A missing survey score does not touch the decisions.
                Ok(_) | Err(AppError::Rank { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        if left.is_empty() {
            return Ok(());
        }
        let group = one.then(|| left[0].0.clone());
        Err(AppError::FinalDecisionsUndecided { group, left })
    }

    /// Gives `appraiser` fields of a group, checked against the group's set (none: takes
    /// them all back).
    pub fn assign_checked(
        &mut self,
        appraiser: &str,
        group: &str,
        fields: &[String],
    ) -> Result<(), AppError> {
        let set = self.set(group)?;
        let known: Vec<String> = set.fields().map(|f| set.node(f).code.to_string()).collect();
        if let Some(bad) = fields.iter().find(|f| !known.contains(f)) {
            return Err(AppError::NoSuchField {
                group: group.to_string(),
                field: bad.clone(),
                known,
            });
        }
        self.assign_fields(appraiser, group, fields)
    }

    /// Who has which fields of a group: (member, fields), members in order of name.
    pub fn group_assignments(&self, group: &str) -> Result<super::Team, AppError> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for (who, g, field) in self.store.assignments(self.year)? {
            if g != group {
                continue;
            }
            match out.last_mut() {
                Some((w, fields)) if *w == who => fields.push(field),
                _ => out.push((who, vec![field])),
            }
        }
        Ok(out)
    }

    /// The year before the working one that this database holds, newest first: where a new
    /// year starts from.
    pub fn last_year_before(&self) -> Result<Option<i32>, AppError> {
        Ok(self.store.years()?.into_iter().find(|&y| y < self.year))
    }

    /// Whether the working year has sets or units already (a new year cannot be made on it).
    pub fn year_exists(&self, year: i32) -> Result<bool, AppError> {
        Ok(self.store.year_exists(year)?)
    }
}

/// A tree's header block, its table and what the ledger records of its file: a CSV file, or
/// a sheet of a workbook (its first); none for a TOML set.
fn read_tree(
    file: &Path,
) -> Result<
    Option<(
        crate::io::criteria::CsvHeaderBlock,
        crate::io::csvread::Table,
        crate::domain::seal::Origin,
    )>,
    AppError,
> {
    use crate::io::criteria::{split_header_block, tree_from_workbook};
    if crate::io::xlsxread::is_workbook(file) {
        return Ok(Some(tree_from_workbook(file, None)?));
    }
    let is_csv = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !is_csv {
        return Ok(None);
    }
    let (text, origin) = crate::io::csvread::read_text_with_origin(file)?;
    // The header block of the sheet gives what the flags do not.
    let (block, text) = split_header_block(file, &text)?;
    let table = crate::io::criteria::tree_table(file, &text)?;
    Ok(Some((block, table, origin)))
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    #[test]
    fn every_data_file_kind_is_its_import_kind_and_back() {
        for kind in FileKind::ALL {
            match kind.import_kind() {
                Some(i) => assert_eq!(FileKind::from(i), kind),
                None => assert_eq!(kind, FileKind::Criteria),
            }
        }
    }
}
