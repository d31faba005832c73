//! The work both the command line and the screens do, on a [`Workspace`] (opened in one place,
//! `Workspace::open`): imports checked against the year's sets and units, decisions checked
//! against the rules, rankings computed from the store, the workbook. It returns data, and
//! its refusals as data ([`AppError`]): whoever shows them words them (`crate::i18n`).

use crate::domain::breakdown::{Outline, PartsMap};
use crate::domain::ledger::{Break, Head};
use crate::domain::seal::Origin;
use crate::domain::{
    CriteriaSet, DecideError, Decision, GroupBreakdown, ItemCode, Mode, PartsAcc, Points,
    RankError, Ranking, SelfScore, Sheet, State, TotalsAcc, UnitCode, UnitResult, UnitTotals,
    Verdict, ranking,
};
use crate::io::csvread::{FileSource, Table};
use crate::io::export::DecisionLine;
use crate::io::imports::{self, Context};
use crate::io::notices::NoticeData;
use crate::io::xlsxread::{self, SheetRows};
use crate::io::{FileError, Problem, criteria};
use crate::progress::{CountedRead, Progress, Silent, Stage};
use crate::store::{ImportCount, Mark, SelfScoreWrite, Store, StoreError, UnitRow, Verification};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, mpsc};

mod analysis;
mod council;
mod documents;
mod files;
mod live;
mod setup;
mod sheets;
pub use sheets::{FolderFile, FolderKind, FolderOutcome, FolderReport};
pub mod workbook;
pub use analysis::Subject;
pub use live::{LiveFields, LiveGroup, Update};
pub use setup::*;
mod years;
pub use documents::*;
pub use files::*;
pub use years::*;

/// A comment and an appraiser's name within their limits (refused before anything is
/// stored: the log keeps what it is given forever).
fn within_limits(comment: &str, appraiser: &str) -> Result<(), AppError> {
    use crate::domain::text::{Typed, over_limit};
    for (what, text) in [(Typed::Comment, comment), (Typed::Appraiser, appraiser)] {
        if let Some(length) = over_limit(what, text) {
            return Err(AppError::TooLong { what, length });
        }
    }
    Ok(())
}

/// Anything that stops a command or a screen's action: data, worded for the user by
/// `crate::i18n::errors` (`AppError::render`).
#[derive(Debug)]
pub enum AppError {
    File(FileError),
    Store(StoreError),
    Decide {
        unit: String,
        item: String,
        why: DecideError,
    },
    Rank {
        group: String,
        /// The group's name, as the refusal says it.
        name: String,
        why: RankError,
    },
    UnknownItem {
        unit: String,
        item: String,
    },
    UnknownGroup(String),
    NoSets(i32),
    /// A group whose units have no self score yet (a new year before the units' files):
    /// nothing is ranked.
    NoSelfScores {
        group: String,
        name: String,
    },
    /// A group that starts in a new year (named by its changes) with no criteria set.
    GroupNeedsSet {
        group: String,
        year: i32,
    },
    /// `--sheet` given for a file that is not a workbook.
    SheetNeedsWorkbook(std::path::PathBuf),
    /// `--unit` names a unit outside `--group`.
    UnitNotInGroup {
        unit: String,
        group: String,
    },
    /// A year that cannot be published: why each group has no final ranking.
    Unpublishable {
        year: i32,
        reasons: Vec<AppError>,
    },
    /// A command that only reads (or the screens) on a path with no database: nothing was
    /// created. The year the sentence suggests to make, if one was asked for.
    NoDatabase {
        db: std::path::PathBuf,
        year: Option<i32>,
    },
    /// `init` for a year the program has no criteria sets of.
    NoBuiltinSets {
        year: i32,
        db: std::path::PathBuf,
    },
    /// A criteria tree (CSV or a workbook) whose header values are given neither in its
    /// header block nor otherwise: every one missing.
    CriteriaNeeds(Vec<HeaderField>),
    /// `export criteria` without `--group` in a year of several groups: the groups.
    GroupNeeded(Vec<String>),
    /// A set that a tree's table cannot hold (bonus or deduction items, a minimum).
    NotATree {
        group: String,
        why: crate::io::sheets::NotATree,
    },
    /// `--bands` that is not a list like `A:90,B:80,C:70,D:0`.
    BadBands(String),
    /// A council's setting refused (`council set`).
    Council(Box<crate::domain::council::CouncilError>),
    /// The final decisions export while items are undecided: (group, items, units) of each
    /// group with some left; `group` when one group was asked for.
    FinalDecisionsUndecided {
        group: Option<String>,
        left: Vec<(String, usize, usize)>,
    },
    /// Fields given to a member that the group's set does not have.
    NoSuchField {
        group: String,
        field: String,
        known: Vec<String>,
    },
    /// The command cannot do what was asked; the sentence, already in the user's language.
    Refused(String),
    /// An export's path that is not a regular file (a link, a folder, a device, a pipe):
    /// refused, left as it was.
    NotAFile {
        path: std::path::PathBuf,
        what: crate::io::NotAFile,
    },
    /// A comment or a name longer than its limit (its length in characters).
    TooLong {
        what: crate::domain::text::Typed,
        length: usize,
    },
    /// Reading or writing outside the database failed: what was being done, on what.
    Io {
        doing: IoDoing,
        target: String,
        error: crate::io::OsError,
    },
}

/// What was being done when input or output failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoDoing {
    Open,
    Read,
    Write,
    /// Standard output (the acknowledgements of a batch, a printed table).
    WriteOutput,
    StartThread,
    /// Setting up or drawing the screens.
    Terminal,
}

impl AppError {
    /// An input or output failure on `target` (a path, a stream's name).
    pub fn io(
        doing: IoDoing,
        target: impl std::fmt::Display,
        error: impl Into<crate::io::OsError>,
    ) -> AppError {
        AppError::Io {
            doing,
            target: target.to_string(),
            error: error.into(),
        }
    }
}

impl AppError {
    /// Writing a file at `path` failed: refused for what is there, or failed as `e` says.
    pub fn write_failed(path: &Path, e: std::io::Error) -> AppError {
        match crate::io::NotAFile::of(&e) {
            Some(what) => AppError::NotAFile {
                path: path.to_path_buf(),
                what,
            },
            None => AppError::io(IoDoing::Write, path.display(), e),
        }
    }
}

impl From<FileError> for AppError {
    fn from(e: FileError) -> Self {
        AppError::File(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Store(e)
    }
}

/// Where self scores come from: a CSV file read as a stream, or a sheet of a workbook.
enum SelfSource<R> {
    Csv(R),
    Sheet(Box<SheetRows>),
    /// A unit's self-assessment workbook (`export self-assessment`), filled.
    Assessment(Box<crate::io::sheets::AssessmentRows>),
}

/// What the ledger records of a self-scores file: known before the import (the file was read
/// whole), or filled as its stream is read.
enum Provenance {
    Known(Origin),
    Hashed(crate::io::HashOf),
}

/// The kinds of import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Units,
    SelfScores,
    Survey,
    Explanations,
    History,
    /// Past years' percents per field: `unit,year,field,field_name,percent`.
    FieldHistory,
}

/// Checked self scores on their way from the reading thread to the writing one: the codes
/// borrowed from the import's context, notes and evidence packed in one text.
#[derive(Default)]
struct Batch<'c> {
    rows: Vec<BatchRow<'c>>,
    text: String,
}

type BatchRow<'c> = (
    &'c crate::domain::UnitCode,
    &'c ItemCode,
    SelfScore,
    std::ops::Range<usize>,
    std::ops::Range<usize>,
);

impl<'c> Batch<'c> {
    const ROWS: usize = 2048;

    fn push(&mut self, r: imports::SelfScoreRef<'c, '_>) {
        let mut put = |s: &str| {
            let start = self.text.len();
            self.text.push_str(s);
            start..self.text.len()
        };
        let note = put(r.note);
        let evidence = put(r.evidence);
        self.rows.push((r.unit, r.item, r.score, note, evidence));
    }

    fn clear(&mut self) {
        self.rows.clear();
        self.text.clear();
    }
}

/// What the self scores of an import add up to, unit by unit, as the rows pass: each
/// unit's totals had it no self score and no decision before (see `SelfScoreSink::fresh`).
#[derive(Default)]
struct ImportSums<'c> {
    units: Vec<(&'c UnitCode, &'c str, TotalsAcc, PartsAcc)>,
    at: HashMap<&'c str, usize>,
    last: Option<usize>,
    /// Each group's places of an item's points among its fields and criteria.
    maps: HashMap<&'c str, PartsMap>,
}

impl<'c> ImportSums<'c> {
    fn add(&mut self, sets: &HashMap<String, Arc<CriteriaSet>>, r: &imports::SelfScoreRef<'c, '_>) {
        let Some(set) = sets.get(r.group) else {
            return;
        };
        let map = self
            .maps
            .entry(r.group)
            .or_insert_with(|| PartsMap::of(set, &Outline::of(set)));
        let k = match self.last {
            Some(k) if std::ptr::eq(self.units[k].0, r.unit) => k,
            _ => {
                let k = *self.at.entry(r.unit.as_str()).or_insert_with(|| {
                    self.units.push((
                        r.unit,
                        r.group,
                        TotalsAcc::empty_unit(set, r.unit),
                        PartsAcc::empty_unit(set, map, r.unit),
                    ));
                    self.units.len() - 1
                });
                self.last = Some(k);
                k
            }
        };
        self.units[k].2.put_self(set, r.unit, r.index, r.score);
        self.units[k].3.put_self(set, map, r.unit, r.index, r.score);
    }
}

/// Makes a closure take a self score borrowed from a row of any lifetime (the closure's own
/// parameter type would be inferred for one).
fn for_each_row<'c, F: FnMut(imports::SelfScoreRef<'c, '_>)>(f: F) -> F {
    f
}

/// Ranks one group from the store: each unit's totals as stored (see `store::totals`), those
/// missing computed from its scores and stored. `units` are the group's units, `revision` the
/// revision of `set` and `previous` last year's published indexes.
fn rank_group(
    store: &Store,
    year: i32,
    (set, revision): (&CriteriaSet, Option<i64>),
    (group, units): (&str, &[UnitRow]),
    previous: &HashMap<String, Points>,
    mode: Mode,
) -> Result<Ranking, AppError> {
    let province = previous.get("province").copied();
    // What is final (published, printed as final) is computed from the scores, never read
    // from the stored copy, which anyone with the file could have changed.
    let totals = if mode == Mode::Final {
        let mut out = Vec::with_capacity(units.len());
        store.score_sheets(year, set, units, |_, scores| out.push(scores.totals(set)))?;
        out
    } else {
        group_totals(store, year, (set, revision), (group, units))?
    };
    let results: Vec<UnitResult> = units
        .iter()
        .zip(totals)
        .map(|(u, totals)| unit_result(u, totals, previous))
        .collect();
    ranking::rank(set, &results, province, mode).map_err(|why| AppError::Rank {
        group: group.to_string(),
        name: set.name.clone(),
        why,
    })
}

/// A unit as a ranking takes it: its row, its totals, and its index of last year from
/// `previous` (published indexes by unit code).
pub(crate) fn unit_result(
    u: &UnitRow,
    totals: UnitTotals,
    previous: &HashMap<String, Points>,
) -> UnitResult {
    UnitResult {
        totals,
        previous: previous.get(u.code.as_str()).copied(),
        unit: u.code.clone(),
        name: u.name.clone(),
        ranked: u.ranked,
        survey: u.survey,
    }
}

/// The totals of each of `units` (all of `group`), in their order. Read as stored when every
/// unit has valid stored totals at the set's `revision`; else those missing are computed
/// and stored in one write transaction; and when that cannot be (the set changed meanwhile,
/// a read-only file), every unit is computed from its scores.
pub(crate) fn group_totals(
    store: &Store,
    year: i32,
    (set, revision): (&CriteriaSet, Option<i64>),
    (group, units): (&str, &[UnitRow]),
) -> Result<Vec<UnitTotals>, AppError> {
    let in_order = |all: &HashMap<String, UnitTotals>| -> Option<Vec<UnitTotals>> {
        units
            .iter()
            .map(|u| all.get(u.code.as_str()).copied())
            .collect()
    };
    if let Some(rev) = revision {
        if let Some(t) = in_order(&store.stored_totals(year, group, rev)?) {
            return Ok(t);
        }
        if let Ok(Some(all)) = store.fill_totals(year, group, rev)
            && let Some(t) = in_order(&all)
        {
            return Ok(t);
        }
    }
    let mut out = Vec::with_capacity(units.len());
    store.score_sheets(year, set, units, |_, scores| out.push(scores.totals(set)))?;
    Ok(out)
}

/// One unit of a group as the units list shows it: its totals and each field's progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSummary {
    pub unit: UnitRow,
    pub totals: UnitTotals,
    /// Each field's progress: (code, decided, items).
    pub fields: Vec<(String, usize, usize)>,
}

impl UnitSummary {
    /// A unit's line from its scores.
    pub fn of(set: &CriteriaSet, unit: &UnitRow, scores: &crate::domain::Scores) -> UnitSummary {
        let sums = scores.node_sums(set);
        UnitSummary {
            totals: UnitTotals::from_sums(set, &sums),
            unit: unit.clone(),
            fields: set
                .fields()
                .map(|f| (set.node(f).code.to_string(), sums[f].decided, sums[f].items))
                .collect(),
        }
    }
}

/// Who appraises which fields of a group: each member with their field codes.
pub type Team = Vec<(String, Vec<String>)>;

/// A unit opened for appraisal: its row, its set, every item's record, and the fields of its
/// group assigned to the appraiser (empty: all fields), and every member's fields of the group
/// (who the items left to others are waiting for).
#[derive(Debug, Clone)]
pub struct UnitSheet {
    pub unit: UnitRow,
    pub set: Arc<CriteriaSet>,
    pub sheet: Sheet,
    pub assigned: Vec<ItemCode>,
    pub team: Vec<(String, Vec<String>)>,
}

/// A decision as recorded, with the unit's sheet as it now stands.
pub struct Decided {
    pub unit: UnitRow,
    pub item: ItemCode,
    pub decision: Decision,
    pub set: Arc<CriteriaSet>,
    pub sheet: Sheet,
}

/// A database and the year being worked on. The screens and the commands reach the database
/// only through here.
pub struct Workspace {
    store: Store,
    pub year: i32,
    sets: HashMap<String, Arc<CriteriaSet>>,
    /// The revision of each set as loaded (see `store::totals`).
    revisions: HashMap<String, i64>,
    /// Where long work (imports, the workbook, the notices, `verify`) reports how far it got.
    progress: Arc<dyn Progress>,
}

impl Workspace {
    pub fn new(store: Store, year: i32) -> Result<Workspace, AppError> {
        let mut w = Workspace {
            store,
            year,
            sets: HashMap::new(),
            revisions: HashMap::new(),
            progress: Arc::new(Silent),
        };
        w.reload_sets()?;
        Ok(w)
    }

    pub fn reload_sets(&mut self) -> Result<(), AppError> {
        self.sets.clear();
        self.revisions.clear();
        for (code, _) in self.store.groups(self.year)? {
            // The revision before the set: if the set changes in between, the revision
            // kept is older than the set and no stored totals are taken for it.
            if let Some(rev) = self.store.set_revision(self.year, &code)? {
                self.revisions.insert(code.clone(), rev);
            }
            let set = self.store.load_set(self.year, &code)?;
            self.sets.insert(code, Arc::new(set));
        }
        Ok(())
    }

    /// Long work reports to `progress` from now on (nothing is shown by default).
    pub fn set_progress(&mut self, progress: Arc<dyn Progress>) {
        self.progress = progress;
    }

    /// Where long work reports how far it got.
    pub fn progress(&self) -> &dyn Progress {
        self.progress.as_ref()
    }

    /// The clock that stamps this workspace's writes.
    pub fn clock(&self) -> &crate::clock::SharedClock {
        self.store.clock()
    }

    /// The groups of the year, in the order their sets were loaded: (code, name).
    pub fn groups(&self) -> Result<Vec<(String, String)>, AppError> {
        Ok(self.store.groups(self.year)?)
    }

    /// Whether some set of the year names no decision (the built-in sets, until the
    /// province's own replace them).
    pub fn has_illustrative_set(&self) -> bool {
        self.sets.values().any(|s| s.source.is_illustrative())
    }

    pub fn set(&self, group: &str) -> Result<&Arc<CriteriaSet>, AppError> {
        self.sets
            .get(group)
            .ok_or_else(|| AppError::UnknownGroup(group.to_string()))
    }

    fn context(&self) -> Result<Context, AppError> {
        let units = self
            .store
            .units(self.year, None)?
            .into_iter()
            .map(|u| (u.code.to_string(), u))
            .collect();
        Ok(Context {
            year: self.year,
            sets: self.sets.clone(),
            units,
            in_use: self.store.units_in_use(self.year)?,
        })
    }

    /// Checks a whole CSV text, then writes it in one transaction (the ledger names `path`
    /// and the SHA-256 of the text).
    pub fn import_text(
        &mut self,
        kind: ImportKind,
        path: &Path,
        text: &str,
    ) -> Result<ImportCount, AppError> {
        let origin = Origin::of_bytes(&crate::io::file_name(path), text.as_bytes());
        self.import_text_from(kind, path, text, &origin)
    }

    fn import_text_from(
        &mut self,
        kind: ImportKind,
        path: &Path,
        text: &str,
        origin: &Origin,
    ) -> Result<ImportCount, AppError> {
        let year = self.year;
        let o = Some(origin);
        Ok(match kind {
            ImportKind::SelfScores => {
                let known = Provenance::Known(origin.clone());
                return self.import_self_scores(path, SelfSource::Csv(text.as_bytes()), known);
            }
            ImportKind::Units => {
                let rows = imports::units(path, text, &self.context()?)?;
                self.store.import_units(year, &rows, o)?
            }
            ImportKind::Survey => {
                let rows = imports::survey(path, text, &self.context()?)?;
                self.store.import_survey(year, &rows, o)?
            }
            ImportKind::Explanations => {
                let rows = imports::explanations(path, text, &self.context()?)?;
                self.store.import_explanations(year, &rows, o)?
            }
            ImportKind::History => self
                .store
                .import_history(&imports::history(path, text)?, o)?,
            ImportKind::FieldHistory => self
                .store
                .import_field_history(&imports::field_history(path, text)?, o)?,
        })
    }

    /// Imports a CSV file, or the first sheet of a workbook (`.xlsx`, by its extension).
    pub fn import_file(&mut self, kind: ImportKind, path: &Path) -> Result<ImportCount, AppError> {
        self.import_path(kind, path, None)
    }

    /// Imports a CSV file or a sheet of a workbook (`sheet`, else its first): the same
    /// columns and the same checks either way.
    pub fn import_path(
        &mut self,
        kind: ImportKind,
        path: &Path,
        sheet: Option<&str>,
    ) -> Result<ImportCount, AppError> {
        if xlsxread::is_workbook(path) {
            return self.import_workbook(kind, path, sheet);
        }
        if sheet.is_some() {
            return Err(AppError::SheetNeedsWorkbook(path.to_path_buf()));
        }
        let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
        if kind == ImportKind::SelfScores && regular {
            // The one file that reaches millions of rows: read as a stream, never whole, and
            // hashed for the ledger as it passes. (A pipe or a device is read whole below,
            // within its bound.)
            let file = std::fs::File::open(path)
                .map_err(|e| FileError::one(path, None, Problem::Unreadable(e.into())))?;
            let size = file.metadata().map(|m| m.len()).ok();
            self.progress.stage(Stage::CheckFile, size);
            let (file, hash) = crate::io::Hashing::new(file);
            let file = CountedRead::new(file, Arc::clone(&self.progress));
            let hashed = Provenance::Hashed(hash);
            return self.import_self_scores(path, SelfSource::Csv(file), hashed);
        }
        let (text, origin) = crate::io::csvread::read_text_with_origin(path)?;
        self.import_text_from(kind, path, &text, &origin)
    }

    /// The rows of a history file, CSV or a sheet of a workbook, checked, and what the
    /// ledger records of the file (a CSV file read once, within its bound).
    pub(crate) fn read_history(
        &self,
        path: &Path,
        sheet: Option<&str>,
    ) -> Result<(Vec<crate::store::HistoryRow>, Origin), AppError> {
        if xlsxread::is_workbook(path) {
            let (rows, origin) = xlsxread::open_with_origin(path, sheet, imports::HISTORY)?;
            let table = Table::read(rows)?;
            return Ok((imports::history_in(path, &table)?, origin));
        }
        if sheet.is_some() {
            return Err(AppError::SheetNeedsWorkbook(path.to_path_buf()));
        }
        let (text, origin) = crate::io::csvread::read_text_with_origin(path)?;
        Ok((imports::history(path, &text)?, origin))
    }

    /// A sheet of a workbook, read whole, then checked and written as a CSV file is.
    fn import_workbook(
        &mut self,
        kind: ImportKind,
        path: &Path,
        sheet: Option<&str>,
    ) -> Result<ImportCount, AppError> {
        let columns = match kind {
            ImportKind::Units => imports::UNITS,
            ImportKind::SelfScores => imports::SELF_SCORES,
            ImportKind::Survey => imports::SURVEY,
            ImportKind::Explanations => imports::EXPLANATIONS,
            ImportKind::History => imports::HISTORY,
            ImportKind::FieldHistory => imports::FIELD_HISTORY,
        };
        let (rows, origin) = xlsxread::open_with_origin(path, sheet, columns)?;
        if kind == ImportKind::SelfScores {
            let source = SelfSource::Sheet(Box::new(rows));
            return self.import_self_scores::<&[u8]>(path, source, Provenance::Known(origin));
        }
        let table = Table::read(rows)?;
        let year = self.year;
        let o = Some(&origin);
        Ok(match kind {
            ImportKind::Units => {
                let rows = imports::units_in(path, &table, &self.context()?)?;
                self.store.import_units(year, &rows, o)?
            }
            ImportKind::Survey => {
                let rows = imports::survey_in(path, &table, &self.context()?)?;
                self.store.import_survey(year, &rows, o)?
            }
            ImportKind::Explanations => {
                let rows = imports::explanations_in(path, &table, &self.context()?)?;
                self.store.import_explanations(year, &rows, o)?
            }
            ImportKind::History => self
                .store
                .import_history(&imports::history_in(path, &table)?, o)?,
            ImportKind::FieldHistory => self
                .store
                .import_field_history(&imports::field_history_in(path, &table)?, o)?,
            ImportKind::SelfScores => unreachable!("read as rows above"),
        })
    }

    /// Self scores, checked row by row as they are read and written in the same single
    /// transaction, which commits only when the whole file has been checked: one bad row and
    /// the transaction is rolled back, so nothing is written.
    ///
    /// Reading and checking run on a second thread, a batch ahead of the writing, so that the
    /// two cores work at once; memory stays a few batches whatever the size of the file.
    fn import_self_scores<R: std::io::Read + Send>(
        &mut self,
        path: &Path,
        source: SelfSource<R>,
        provenance: Provenance,
    ) -> Result<ImportCount, AppError> {
        let year = self.year;
        let sets = &self.sets;
        let revisions = &self.revisions;
        self.store.import_self_scores_with(year, |sink| {
            // The units as this transaction sees them: every row checked against them.
            let units = sink
                .units()?
                .into_iter()
                .map(|u| (u.code.to_string(), u))
                .collect();
            let ctx = Context {
                year,
                sets: sets.clone(),
                units,
                // Only the units import needs to know which units are in use.
                in_use: Default::default(),
            };
            let ctx = &ctx;
            std::thread::scope(|scope| {
                let (to_writer, batches) = mpsc::sync_channel::<Batch<'_>>(4);
                let (recycle, spare) = mpsc::channel::<Batch<'_>>();
                let read = move || {
                    let mut batch = Batch::default();
                    let mut writer_gone = false;
                    let mut sums = ImportSums::default();
                    let mut each = for_each_row(|r| {
                        sums.add(sets, &r);
                        batch.push(r);
                        if batch.rows.len() == Batch::ROWS && !writer_gone {
                            let mut next = spare.try_recv().unwrap_or_default();
                            next.clear();
                            let full = std::mem::replace(&mut batch, next);
                            writer_gone = to_writer.send(full).is_err();
                        }
                    });
                    let checked = match source {
                        SelfSource::Csv(r) => {
                            imports::self_scores_each(path, FileSource::new(r), ctx, &mut each)
                        }
                        SelfSource::Sheet(rows) => imports::self_scores_rows(*rows, ctx, &mut each),
                        SelfSource::Assessment(rows) => {
                            imports::self_scores_rows(*rows, ctx, &mut each)
                        }
                    };
                    if checked.is_ok() && !batch.rows.is_empty() && !writer_gone {
                        let _ = to_writer.send(batch);
                    }
                    (checked, sums)
                };
                let reader = std::thread::Builder::new()
                    .name("thamdinh-check".into())
                    .spawn_scoped(scope, read)
                    .map_err(|e| AppError::io(IoDoing::StartThread, "thamdinh-check", e))?;
                let mut written: Result<(), StoreError> = Ok(());
                for batch in batches.iter() {
                    let refs: Vec<SelfScoreWrite<'_>> = batch
                        .rows
                        .iter()
                        .map(|(unit, item, score, note, evidence)| SelfScoreWrite {
                            unit: unit.as_str(),
                            item: item.as_str(),
                            score: *score,
                            note: &batch.text[note.clone()],
                            evidence: &batch.text[evidence.clone()],
                        })
                        .collect();
                    written = sink.put_all(&refs);
                    drop(refs);
                    if written.is_err() {
                        break;
                    }
                    let _ = recycle.send(batch);
                }
                // The reader stops sending once the writer is gone; wait for its verdict.
                drop(batches);
                let (checked, sums) = reader
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                checked?;
                written.map_err(AppError::Store)?;
                // The totals of the units the file touched, in the same transaction (none
                // when no row changed).
                let units = if sink.touched() == 0 {
                    &[][..]
                } else {
                    &sums.units[..]
                };
                for (unit, group, acc, parts) in units {
                    if sink.fresh()
                        && let (Some(set), Some(rev), Some(map)) = (
                            sets.get(*group),
                            revisions.get(*group),
                            sums.maps.get(group),
                        )
                    {
                        // The year's first scores: nothing decided yet, so each field's
                        // progress is its items that apply to the unit.
                        let empty = crate::domain::Scores::new(set, (*unit).clone());
                        let sums = empty.node_sums(set);
                        let progress: Vec<(usize, usize)> =
                            set.fields().map(|f| (0, sums[f].items)).collect();
                        sink.put_totals(
                            unit,
                            group,
                            *rev,
                            &acc.finish(set),
                            parts.finish(map),
                            &progress,
                        )?;
                    } else {
                        sink.refresh_totals(unit)?;
                    }
                }
                // The stream has been read to its end: its hash is the file's.
                Ok(Some(match provenance {
                    Provenance::Known(origin) => origin,
                    Provenance::Hashed(hash) => hash.origin(path),
                }))
            })
        })
    }

    /// Stores a checked set for its own year; returns whether anything changed. `origin`:
    /// the file it was read from (the ledger names it).
    pub fn save_set(
        &mut self,
        set: &CriteriaSet,
        origin: Option<&Origin>,
    ) -> Result<bool, AppError> {
        let changed = self.store.save_set(set, origin)?;
        if set.year == self.year {
            self.reload_sets()?;
        }
        Ok(changed)
    }

    /// Reads a TOML set file and stores it.
    pub fn import_set_toml(&mut self, path: &Path) -> Result<(CriteriaSet, bool), AppError> {
        let (text, origin) = crate::io::csvread::read_text_with_origin(path)?;
        let set = criteria::set_from_toml(path, &text)?;
        let changed = self.save_set(&set, Some(&origin))?;
        Ok((set, changed))
    }

    pub fn unit(&self, code: &str) -> Result<UnitRow, AppError> {
        Ok(self.store.unit(self.year, code)?)
    }

    /// A unit's sheet with its set.
    pub fn sheet(&self, unit: &UnitRow) -> Result<(&Arc<CriteriaSet>, Sheet), AppError> {
        let set = self.set(&unit.group)?;
        let sheet = self.store.sheet(self.year, set, &unit.code)?;
        Ok((set, sheet))
    }

    /// Checks a verdict against the unit's sheet and records it (one transaction, audited).
    /// The sheet is read once; the decision as stored goes into it.
    pub fn decide(
        &mut self,
        unit: &UnitCode,
        item: &ItemCode,
        verdict: Verdict,
        comment: &str,
        appraiser: &str,
    ) -> Result<Decided, AppError> {
        let row = self.unit(unit.as_str())?;
        let set = Arc::clone(self.set(&row.group)?);
        let mut sheet = self.store.sheet(self.year, &set, &row.code)?;
        let idx = set.index_of(item).ok_or_else(|| AppError::UnknownItem {
            unit: unit.to_string(),
            item: item.to_string(),
        })?;
        within_limits(comment, appraiser)?;
        let (state, score) =
            sheet
                .resolve(&set, idx, verdict, comment)
                .map_err(|why| AppError::Decide {
                    unit: unit.to_string(),
                    item: item.to_string(),
                    why,
                })?;
        let comment = crate::domain::text::nfc(comment.trim());
        let decision = self.store.decide(
            self.year, &row.code, item, state, score, &comment, appraiser,
        )?;
        sheet.records[idx].decision = Some(decision.clone());
        Ok(Decided {
            unit: row,
            item: item.clone(),
            decision,
            set,
            sheet,
        })
    }

    /// A unit opened for `appraiser`: its sheet and the fields assigned to them.
    pub fn unit_sheet(&self, unit: &UnitCode, appraiser: &str) -> Result<UnitSheet, AppError> {
        let row = self.unit(unit.as_str())?;
        let (set, sheet) = self.sheet(&row)?;
        let set = Arc::clone(set);
        let (assigned, team) = self.team_of(appraiser, &row.group)?;
        Ok(UnitSheet {
            unit: row,
            set,
            sheet,
            assigned,
            team,
        })
    }

    /// Who appraises which fields of `group`, and the fields of `appraiser` among them
    /// (empty: all fields): one read of the assignments for both (every decision on the
    /// screens asks for them).
    pub fn team_of(&self, appraiser: &str, group: &str) -> Result<(Vec<ItemCode>, Team), AppError> {
        let team = self.group_assignments(group)?;
        let assigned = team
            .iter()
            .find(|(who, _)| who == appraiser)
            .map(|(_, fields)| {
                fields
                    .iter()
                    .filter_map(|f| ItemCode::parse(f).ok())
                    .collect()
            })
            .unwrap_or_default();
        Ok((assigned, team))
    }

    /// The fields of `group` assigned to `appraiser` (empty: all fields).
    pub fn assigned_fields(&self, appraiser: &str, group: &str) -> Result<Vec<ItemCode>, AppError> {
        Ok(self
            .store
            .assigned_fields(self.year, appraiser, group)?
            .iter()
            .filter_map(|f| ItemCode::parse(f).ok())
            .collect())
    }

    /// Gives `appraiser` fields of a group (none: takes them back).
    pub fn assign_fields(
        &mut self,
        appraiser: &str,
        group: &str,
        fields: &[String],
    ) -> Result<(), AppError> {
        Ok(self
            .store
            .assign_fields(self.year, appraiser, group, fields)?)
    }

    /// Changes the comment of an item's decision (audited).
    pub fn set_comment(
        &mut self,
        unit: &UnitCode,
        item: &ItemCode,
        comment: &str,
        appraiser: &str,
    ) -> Result<(), AppError> {
        within_limits(comment, appraiser)?;
        let comment = crate::domain::text::nfc(comment.trim());
        self.store
            .set_comment(self.year, unit, item, &comment, appraiser)?;
        Ok(())
    }

    /// Undoes `appraiser`'s last decision on `unit`; the item it was on.
    pub fn undo_last(&mut self, unit: &UnitCode, appraiser: &str) -> Result<ItemCode, AppError> {
        Ok(self.store.undo_last(self.year, unit, appraiser)?.item)
    }

    /// Closes a unit or reopens it (audited).
    pub fn set_closed(
        &mut self,
        unit: &str,
        closed: bool,
        appraiser: &str,
        comment: &str,
    ) -> Result<UnitRow, AppError> {
        let row = self.unit(unit)?;
        self.store
            .set_closed(self.year, &row.code, closed, appraiser, comment)?;
        Ok(row)
    }

    /// The units of the year (of one group, or all).
    pub fn units(&self, group: Option<&str>) -> Result<Vec<UnitRow>, AppError> {
        Ok(self.store.units(self.year, group)?)
    }

    /// Every unit of a group with its totals and field progress, read in one pass (thousands
    /// of units at national scale).
    pub fn unit_summaries(&self, group: &str) -> Result<Vec<UnitSummary>, AppError> {
        let set = self.set(group)?;
        let units = self.store.units(self.year, Some(group))?;
        let fields: Vec<String> = set.fields().map(|f| set.node(f).code.to_string()).collect();
        // The stored copies (totals and field progress, kept by every write and checked by
        // `verify`): one row per unit instead of every score of the group. Those missing are
        // computed and stored in one write transaction; when that cannot be (the set changed
        // meanwhile, a read-only file), every unit is computed from its scores.
        if let Some(&rev) = self.revisions.get(group) {
            let in_order = |all: &crate::store::StoredProgress| {
                units
                    .iter()
                    .map(|u| {
                        let (totals, progress) = all.get(u.code.as_str())?;
                        Some(UnitSummary {
                            unit: u.clone(),
                            totals: *totals,
                            fields: fields
                                .iter()
                                .zip(progress)
                                .map(|(code, &(decided, items))| (code.clone(), decided, items))
                                .collect(),
                        })
                    })
                    .collect::<Option<Vec<_>>>()
            };
            let n = fields.len();
            if let Some(lines) = in_order(&self.store.stored_progress(self.year, group, rev, n)?) {
                return Ok(lines);
            }
            if let Ok(Some(all)) = self.store.fill_progress(self.year, group, rev, n)
                && let Some(lines) = in_order(&all)
            {
                return Ok(lines);
            }
        }
        self.unit_summaries_from_scores(set, &units)
    }

    /// Each unit's line computed from its scores.
    fn unit_summaries_from_scores(
        &self,
        set: &CriteriaSet,
        units: &[UnitRow],
    ) -> Result<Vec<UnitSummary>, AppError> {
        let mut out = Vec::with_capacity(units.len());
        self.store
            .score_sheets(self.year, set, units, |unit, scores| {
                out.push(UnitSummary::of(set, unit, scores));
            })?;
        Ok(out)
    }

    /// Whether the year has no units yet.
    pub fn has_units(&self) -> Result<bool, AppError> {
        Ok(self.store.has_units(self.year)?)
    }

    /// Parses a unit code and an item code as typed; the sentence names both when either is
    /// not one.
    pub fn codes(unit: &str, item: &str) -> Result<(UnitCode, ItemCode), AppError> {
        let unit_code = UnitCode::parse(unit)
            .map_err(|_| AppError::Store(StoreError::UnknownUnit(unit.to_string())))?;
        let item_code = ItemCode::parse(item).map_err(|_| AppError::UnknownItem {
            unit: unit.to_string(),
            item: item.to_string(),
        })?;
        Ok((unit_code, item_code))
    }

    /// The connection's account of itself (integrity, foreign keys, rows changed).
    pub fn health(&self) -> Result<crate::store::Health, AppError> {
        Ok(self.store.health()?)
    }

    /// The database file.
    pub fn db_path(&self) -> &Path {
        self.store.path()
    }

    /// Whether the database was opened read-only (the user may not write it).
    pub fn read_only(&self) -> bool {
        self.store.is_read_only()
    }

    /// Changes whenever another connection commits (the screens poll it).
    pub fn data_version(&self) -> Result<i64, AppError> {
        Ok(self.store.data_version()?)
    }

    /// The local time of day of a stored stamp, by this workspace's clock.
    pub fn local_time(&self, stamp: &str) -> String {
        crate::clock::local_time_of_day(self.clock().as_ref(), stamp)
    }

    /// The local time of day now.
    pub fn local_now(&self) -> String {
        self.local_time(&crate::clock::stamp(self.clock().now()))
    }

    /// The ranking of one group.
    pub fn ranking(&self, group: &str, mode: Mode) -> Result<Ranking, AppError> {
        let set = self.set(group)?;
        let units = self.store.units(self.year, Some(group))?;
        let previous = self.store.previous_indexes(self.year)?;
        rank_group(
            &self.store,
            self.year,
            (set, self.revisions.get(group).copied()),
            (group, &units),
            &previous,
            mode,
        )
    }

    /// The rankings of several groups, in the order asked (the units and last year's
    /// indexes read once for all).
    pub fn rankings(&self, groups: &[&str], mode: Mode) -> Vec<Result<Ranking, AppError>> {
        let (Ok(all), Ok(previous)) = (
            self.store.units(self.year, None),
            self.store.previous_indexes(self.year),
        ) else {
            // Each group then says what failed.
            return groups.iter().map(|g| self.ranking(g, mode)).collect();
        };
        let mut by_group: HashMap<&str, Vec<UnitRow>> = HashMap::new();
        for u in &all {
            by_group
                .entry(u.group.as_str())
                .or_default()
                .push(u.clone());
        }
        groups
            .iter()
            .map(|&group| {
                let set = self.set(group)?;
                let units = by_group.get(group).map_or(&[][..], Vec::as_slice);
                rank_group(
                    &self.store,
                    self.year,
                    (set, self.revisions.get(group).copied()),
                    (group, units),
                    &previous,
                    mode,
                )
            })
            .collect()
    }

    /// What the notice of each unit says (of one group, or all; or of one unit): its sheet and
    /// its line of the group's ranking, final when the group's final ranking can be made,
    /// else provisional. Units in the order of the groups and of the ranking.
    /// Each carries the ledger's head the whole set was read at.
    pub fn notices(
        &self,
        group: Option<&str>,
        unit: Option<&str>,
    ) -> Result<Vec<NoticeData>, AppError> {
        let (notices, head) = self.at_head(|ws| ws.notices_now(group, unit))?;
        let mut notices = notices?;
        for n in &mut notices {
            n.ledger = head;
        }
        Ok(notices)
    }

    fn notices_now(
        &self,
        group: Option<&str>,
        unit: Option<&str>,
    ) -> Result<Vec<NoticeData>, AppError> {
        let only = unit.map(|u| self.unit(u)).transpose()?;
        let groups: Vec<(String, String)> = match (&only, group) {
            (Some(u), Some(g)) if u.group != g => {
                self.set(g)?;
                return Err(AppError::UnitNotInGroup {
                    unit: u.code.to_string(),
                    group: g.to_string(),
                });
            }
            (Some(u), _) => self
                .groups()?
                .into_iter()
                .filter(|(code, _)| *code == u.group)
                .collect(),
            (None, Some(g)) => {
                self.set(g)?;
                self.groups()?
                    .into_iter()
                    .filter(|(code, _)| code == g)
                    .collect()
            }
            (None, None) => self.groups()?,
        };
        let mut out = Vec::new();
        for (code, name) in groups {
            let (ranking, mode) = match self.ranking(&code, Mode::Final) {
                Ok(r) => (r, Mode::Final),
                Err(AppError::Rank { .. }) => {
                    (self.ranking(&code, Mode::Provisional)?, Mode::Provisional)
                }
                Err(e) => return Err(e),
            };
            let ranked = ranking.rows.iter().filter(|r| r.rank.is_some()).count();
            for row in &ranking.rows {
                if only.as_ref().is_some_and(|u| u.code != row.unit) {
                    continue;
                }
                let unit = self.unit(row.unit.as_str())?;
                let (set, sheet) = self.sheet(&unit)?;
                out.push(NoticeData {
                    year: self.year,
                    group_name: name.clone(),
                    set: Arc::clone(set),
                    sheet,
                    unit,
                    row: row.clone(),
                    mode,
                    ranked,
                    group_decided: ranking.decided,
                    group_items: ranking.items,
                    ledger: Head {
                        entries: 0,
                        last: crate::domain::ledger::GENESIS,
                    },
                    previous_note: String::new(),
                    issued: None,
                });
            }
        }
        Ok(out)
    }

    /// The head of the ledger: its number of entries and the last entry's hash.
    pub fn ledger_head(&self) -> Result<Head, AppError> {
        Ok(self.store.ledger_head()?)
    }

    /// The full check of the ledger (`verify`): the chain, and the replay of the log of `year`
    /// (all years when None) against the decisions.
    pub fn verify_ledger(&self, year: Option<i32>) -> Result<Verification, AppError> {
        let rows = self.store.ledger_head()?.entries;
        self.progress.stage(Stage::Verify, Some(rows));
        Ok(self
            .store
            .verify_ledger_with(year, &mut || self.progress.advance(1))?)
    }

    /// The stored hash of the `n`-th entry of the ledger.
    pub fn ledger_entry_hash(&self, n: u64) -> Result<Option<String>, AppError> {
        Ok(self.store.ledger_entry_hash(n)?)
    }

    /// The screens' check on opening: the chain from `mark` (the row last verified here) on.
    pub fn check_ledger_since(&self, mark: Option<&Mark>) -> Result<Result<Mark, Break>, AppError> {
        Ok(self.store.check_chain_since(mark)?)
    }

    /// Runs `read` with the ledger's head it read from: the head is read before and after,
    /// and the reading done again (up to three times) when a write came in between, so that
    /// the head printed with a result is the one the result was read at.
    pub fn at_head<T>(&self, mut read: impl FnMut(&Self) -> T) -> Result<(T, Head), AppError> {
        let mut before = self.ledger_head()?;
        for _ in 0..3 {
            let out = read(self);
            let after = self.ledger_head()?;
            if after == before {
                return Ok((out, after));
            }
            before = after;
        }
        let out = read(self);
        Ok((out, self.ledger_head()?))
    }

    /// Every item of every unit (of one group, or all), for the decisions export.
    pub fn decision_lines(&self, group: Option<&str>) -> Result<Vec<DecisionLine>, AppError> {
        let mut out = Vec::new();
        self.each_decision_line(group, |line| out.push(line))?;
        Ok(out)
    }

    /// The same lines handed to `each` one at a time, one unit read at a time: what a
    /// workbook of ten thousand units writes without holding 1.5 million lines.
    pub fn each_decision_line(
        &self,
        group: Option<&str>,
        mut each: impl FnMut(DecisionLine),
    ) -> Result<(), AppError> {
        for u in self.store.units(self.year, group)? {
            let (set, sheet) = self.sheet(&u)?;
            for idx in set.item_indexes() {
                let node = set.node(idx);
                let rec = &sheet.records[idx];
                let state = sheet.state(set, idx);
                let self_score = rec.self_entry.as_ref().map(|e| e.score.points());
                let appraised = match state {
                    State::Agreed | State::Adjusted => rec.decision.as_ref().and_then(|d| d.score),
                    _ => None,
                };
                let self_points = self_score.flatten().unwrap_or(Points::ZERO);
                let difference = appraised.map(|a| a - self_points);
                let d = rec.decision.as_ref();
                each(DecisionLine {
                    unit: u.code.to_string(),
                    unit_name: u.name.clone(),
                    item: node.code.to_string(),
                    item_title: node.title.clone(),
                    max: node.max,
                    self_score,
                    appraised,
                    difference,
                    state: state.as_str(),
                    comment: d.map(|d| d.comment.clone()).unwrap_or_default(),
                    appraiser: d.map(|d| d.appraiser.clone()).unwrap_or_default(),
                    decided_at: d.map(|d| d.decided_at.clone()).unwrap_or_default(),
                });
            }
        }
        Ok(())
    }

    /// The groups asked for, (code, name): the one named, or every group of the year.
    pub fn chosen_groups(&self, group: Option<&str>) -> Result<Vec<(String, String)>, AppError> {
        let all = self.groups()?;
        if all.is_empty() {
            return Err(AppError::NoSets(self.year));
        }
        match group {
            None => Ok(all),
            Some(g) => all
                .into_iter()
                .find(|(c, _)| c == g)
                .map(|x| vec![x])
                .ok_or_else(|| AppError::UnknownGroup(g.to_string())),
        }
    }

    /// Every unit of a group with its points per field and per criterion, read in one pass
    /// (the provisional view: undecided items at their self score).
    pub fn breakdown(&self, group: &str) -> Result<GroupBreakdown, AppError> {
        let set = self.set(group)?;
        let units = self.store.units(self.year, Some(group))?;
        let mut out = GroupBreakdown::new(set);
        out.units.reserve(units.len());
        self.store
            .score_sheets(self.year, set, &units, |unit, scores| {
                out.push(set, unit.code.clone(), &scores.node_sums(set));
            })?;
        Ok(out)
    }
}
