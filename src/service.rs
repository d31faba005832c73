//! The work both the command line and the screens do: imports checked against the year's
//! sets and units, decisions checked against the rules, rankings computed from the store.

use crate::domain::{
    CriteriaSet, DecideError, Decision, ItemCode, Mode, Points, RankError, Ranking, SelfScore,
    Sheet, State, UnitResult, Verdict, ranking,
};
use crate::i18n::Lang;
use crate::io::csvread::FileSource;
use crate::io::export::DecisionLine;
use crate::io::imports::{self, Context};
use crate::io::{FileError, Problem, criteria};
use crate::store::{ImportCount, SelfScoreWrite, Store, StoreError, UnitRow};
use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;

/// Anything that stops a command, with a sentence for the user.
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
        why: RankError,
    },
    UnknownItem {
        unit: String,
        item: String,
    },
    UnknownGroup(String),
    NoSets(i32),
    Usage(String),
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

impl AppError {
    pub fn render(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            AppError::File(e) => e.render(lang),
            AppError::Store(e) => store_message(e, lang),
            AppError::Decide { unit, item, why } => {
                let what = decide_message(why, lang);
                if vi {
                    format!("Không ghi được quyết định cho {unit} / {item}: {what}.")
                } else {
                    format!("The decision on {unit} / {item} was not recorded: {what}.")
                }
            }
            AppError::Rank { group, why } => rank_message(group, why, lang),
            AppError::UnknownItem { unit, item } => {
                if vi {
                    format!("Bộ chỉ số của đơn vị {unit} không có tiêu chí «{item}».")
                } else {
                    format!("The criteria set of unit {unit} has no item '{item}'.")
                }
            }
            AppError::UnknownGroup(g) => {
                if vi {
                    format!("Không có nhóm «{g}» trong năm này.")
                } else {
                    format!("There is no group '{g}' this year.")
                }
            }
            AppError::NoSets(y) => {
                if vi {
                    format!(
                        "Cơ sở dữ liệu chưa có bộ chỉ số năm {y}: hãy chạy «thamdinh init --year {y}» trước."
                    )
                } else {
                    format!(
                        "The database has no criteria sets for {y}: run 'thamdinh init --year {y}' first."
                    )
                }
            }
            AppError::Usage(m) => m.clone(),
        }
    }
}

pub fn store_message(e: &StoreError, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match e {
        StoreError::Sqlite(err) => {
            if vi {
                format!("Lỗi cơ sở dữ liệu: {err}.")
            } else {
                format!("Database error: {err}.")
            }
        }
        StoreError::TooNew { found, supported } => {
            if vi {
                format!(
                    "Cơ sở dữ liệu do phiên bản thamdinh mới hơn tạo (lược đồ {found}, bản này hiểu đến {supported}); hãy cập nhật thamdinh."
                )
            } else {
                format!(
                    "The database was written by a newer thamdinh (schema {found}, this one knows up to {supported}); update thamdinh."
                )
            }
        }
        StoreError::UnitClosed(u) => {
            if vi {
                format!("Đơn vị {u} đã khóa kết quả; cần mở lại trước khi sửa.")
            } else {
                format!("Unit {u} is closed; reopen it before changing a decision.")
            }
        }
        StoreError::UnknownUnit(u) => {
            if vi {
                format!("Không có đơn vị mã «{u}».")
            } else {
                format!("There is no unit with code '{u}'.")
            }
        }
        StoreError::NoSet { year, group } => {
            if vi {
                format!("Chưa có bộ chỉ số nhóm {group} năm {year}.")
            } else {
                format!("There is no criteria set for group {group} in {year}.")
            }
        }
        StoreError::BadSet(m) => {
            if vi {
                format!("Bộ chỉ số lưu trong cơ sở dữ liệu bị hỏng: {m}.")
            } else {
                format!("The stored criteria set is damaged: {m}.")
            }
        }
        StoreError::SetInUse { count, example } => {
            if vi {
                format!(
                    "Không thay được bộ chỉ số: {count} điểm tự chấm hoặc quyết định đang dùng tiêu chí mà bộ mới không có (ví dụ {example})."
                )
            } else {
                format!(
                    "The set was not replaced: {count} self scores or decisions use items the new set does not have (e.g. {example})."
                )
            }
        }
        StoreError::NothingToUndo => lang
            .pick(
                "Không có quyết định nào để hoàn tác.",
                "There is no decision to undo.",
            )
            .into(),
        StoreError::UndoStale { item, by } => {
            if vi {
                format!("Không hoàn tác được: tiêu chí {item} vừa được {by} sửa sau đó.")
            } else {
                format!("Not undone: item {item} was changed since by {by}.")
            }
        }
    }
}

pub fn decide_message(e: &DecideError, lang: Lang) -> String {
    use crate::domain::ScoreError;
    let vi = lang == Lang::Vi;
    let list = |v: &[Points]| {
        v.iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match e {
        DecideError::NoSelfScore => lang
            .pick(
                "đơn vị chưa có điểm tự chấm để đồng ý",
                "the unit has no self score to agree with",
            )
            .into(),
        DecideError::Score(ScoreError::AboveMax { max }) => {
            if vi {
                format!("vượt điểm tối đa {max}")
            } else {
                format!("above the maximum {max}")
            }
        }
        DecideError::Score(ScoreError::BelowMin { min }) => {
            if vi {
                format!("thấp hơn mức tối thiểu {min}")
            } else {
                format!("below the minimum {min}")
            }
        }
        DecideError::Score(ScoreError::NotAnOption { allowed }) => {
            if vi {
                format!("chỉ được chọn một trong các mức {}", list(allowed))
            } else {
                format!("only these scores are allowed: {}", list(allowed))
            }
        }
        DecideError::NotAnItem => lang
            .pick(
                "tiêu chí có tiêu chí con; hãy chấm ở tiêu chí con",
                "it has sub-items; score those",
            )
            .into(),
        DecideError::NotApplicableBySet => lang
            .pick(
                "bộ chỉ số đã ghi tiêu chí này không áp dụng cho đơn vị",
                "the criteria set already says it does not apply to this unit",
            )
            .into(),
        DecideError::CommentRequired => lang
            .pick(
                "cần ghi nhận xét nêu lý do không áp dụng",
                "a comment saying why it does not apply is needed",
            )
            .into(),
    }
}

/// What is left before anything final: the final ranking and the final decisions export.
pub fn undecided_phrase(items: usize, units: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("còn {items} tiêu chí của {units} đơn vị chưa thẩm định xong"),
        Lang::En => format!("{items} items of {units} units are not decided"),
    }
}

pub fn rank_message(group: &str, e: &RankError, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match e {
        RankError::Undecided { items, units } => {
            let left = undecided_phrase(*items, *units, lang);
            if vi {
                format!("Chưa có xếp hạng chính thức nhóm {group}: {left}.")
            } else {
                format!("No final ranking for group {group} yet: {left}.")
            }
        }
        RankError::MissingSurvey { units } => {
            let list = units
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            if vi {
                format!(
                    "Chưa có xếp hạng chính thức nhóm {group}: thiếu điểm điều tra xã hội học của {list}."
                )
            } else {
                format!(
                    "No final ranking for group {group} yet: the survey score of {list} is missing."
                )
            }
        }
    }
}

/// The kinds of CSV import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Units,
    SelfScores,
    Survey,
    Explanations,
    History,
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

/// Ranks one group from the store: every unit's scores read once, in one read transaction.
/// `units` are the group's units and `previous` last year's published indexes.
fn rank_group(
    store: &Store,
    year: i32,
    set: &CriteriaSet,
    (group, units): (&str, &[UnitRow]),
    previous: &HashMap<String, Points>,
    mode: Mode,
) -> Result<Ranking, AppError> {
    let province = previous.get("province").copied();
    let mut results = Vec::with_capacity(units.len());
    store.score_sheets(year, set, units, |u, scores| {
        results.push(UnitResult {
            totals: scores.totals(set),
            previous: previous.get(u.code.as_str()).copied(),
            unit: u.code.clone(),
            name: u.name.clone(),
            ranked: u.ranked,
            survey: u.survey,
        });
    })?;
    ranking::rank(set, &results, province, mode).map_err(|why| AppError::Rank {
        group: group.to_string(),
        why,
    })
}

/// A database and the year being worked on.
pub struct Workspace {
    pub store: Store,
    pub year: i32,
    sets: HashMap<String, CriteriaSet>,
}

impl Workspace {
    pub fn new(store: Store, year: i32) -> Result<Workspace, AppError> {
        let mut w = Workspace {
            store,
            year,
            sets: HashMap::new(),
        };
        w.reload_sets()?;
        Ok(w)
    }

    pub fn reload_sets(&mut self) -> Result<(), AppError> {
        self.sets.clear();
        for (code, _) in self.store.groups(self.year)? {
            let set = self.store.load_set(self.year, &code)?;
            self.sets.insert(code, set);
        }
        Ok(())
    }

    /// The groups of the year, in the order their sets were loaded: (code, name).
    pub fn groups(&self) -> Result<Vec<(String, String)>, AppError> {
        Ok(self.store.groups(self.year)?)
    }

    pub fn set(&self, group: &str) -> Result<&CriteriaSet, AppError> {
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

    /// Checks a whole CSV text, then writes it in one transaction.
    pub fn import_text(
        &mut self,
        kind: ImportKind,
        path: &Path,
        text: &str,
    ) -> Result<ImportCount, AppError> {
        if kind == ImportKind::SelfScores {
            return self.import_self_scores(path, text.as_bytes());
        }
        let ctx = self.context()?;
        let year = self.year;
        Ok(match kind {
            ImportKind::Units => self
                .store
                .import_units(year, &imports::units(path, text, &ctx)?)?,
            ImportKind::SelfScores => unreachable!("self scores are streamed above"),
            ImportKind::Survey => self
                .store
                .import_survey(year, &imports::survey(path, text, &ctx)?)?,
            ImportKind::Explanations => self
                .store
                .import_explanations(year, &imports::explanations(path, text, &ctx)?)?,
            ImportKind::History => self.store.import_history(&imports::history(path, text)?)?,
        })
    }

    pub fn import_file(&mut self, kind: ImportKind, path: &Path) -> Result<ImportCount, AppError> {
        if kind == ImportKind::SelfScores {
            // The one file that reaches millions of rows: read as a stream, never whole.
            let file = std::fs::File::open(path)
                .map_err(|e| FileError::one(path, None, Problem::Unreadable(e.to_string())))?;
            return self.import_self_scores(path, file);
        }
        let text = crate::io::csvread::read_text(path)?;
        self.import_text(kind, path, &text)
    }

    /// Self scores, checked row by row as they are read and written in the same single
    /// transaction, which commits only when the whole file has been checked: one bad row and
    /// the transaction is rolled back, so nothing is written.
    ///
    /// Reading and checking run on a second thread, a batch ahead of the writing, so that the
    /// two cores work at once; memory stays a few batches whatever the size of the file.
    fn import_self_scores(
        &mut self,
        path: &Path,
        source: impl std::io::Read + Send,
    ) -> Result<ImportCount, AppError> {
        let year = self.year;
        let sets = &self.sets;
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
                    let checked =
                        imports::self_scores_each(path, FileSource::new(source), ctx, |r| {
                            batch.push(r);
                            if batch.rows.len() == Batch::ROWS && !writer_gone {
                                let mut next = spare.try_recv().unwrap_or_default();
                                next.clear();
                                let full = std::mem::replace(&mut batch, next);
                                writer_gone = to_writer.send(full).is_err();
                            }
                        });
                    if checked.is_ok() && !batch.rows.is_empty() && !writer_gone {
                        let _ = to_writer.send(batch);
                    }
                    checked
                };
                let reader = std::thread::Builder::new()
                    .name("thamdinh-check".into())
                    .spawn_scoped(scope, read)
                    .map_err(|e| AppError::Usage(format!("could not start a thread: {e}")))?;
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
                let checked = reader
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                checked?;
                written.map_err(AppError::Store)
            })
        })
    }

    /// Stores a checked set for its own year; returns whether anything changed.
    pub fn save_set(&mut self, set: &CriteriaSet) -> Result<bool, AppError> {
        let changed = self.store.save_set(set)?;
        if set.year == self.year {
            self.reload_sets()?;
        }
        Ok(changed)
    }

    /// Reads a TOML set file and stores it.
    pub fn import_set_toml(&mut self, path: &Path) -> Result<(CriteriaSet, bool), AppError> {
        let text = crate::io::csvread::read_text(path)?;
        let set = criteria::set_from_toml(path, &text)?;
        let changed = self.save_set(&set)?;
        Ok((set, changed))
    }

    pub fn unit(&self, code: &str) -> Result<UnitRow, AppError> {
        Ok(self.store.unit(self.year, code)?)
    }

    /// A unit's sheet with its set.
    pub fn sheet(&self, unit: &UnitRow) -> Result<(&CriteriaSet, Sheet), AppError> {
        let set = self.set(&unit.group)?;
        let sheet = self.store.sheet(self.year, set, &unit.code)?;
        Ok((set, sheet))
    }

    /// Checks a verdict against the rules and records it (one transaction, audited).
    pub fn decide(
        &mut self,
        unit_code: &str,
        item_code: &str,
        verdict: Verdict,
        comment: &str,
        appraiser: &str,
    ) -> Result<(UnitRow, ItemCode, Decision), AppError> {
        let unit = self.unit(unit_code)?;
        let (set, sheet) = self.sheet(&unit)?;
        let unknown = || AppError::UnknownItem {
            unit: unit_code.to_string(),
            item: item_code.to_string(),
        };
        let item = ItemCode::parse(item_code).map_err(|_| unknown())?;
        let idx = set.index_of(&item).ok_or_else(unknown)?;
        let (state, score) =
            sheet
                .resolve(set, idx, verdict, comment)
                .map_err(|why| AppError::Decide {
                    unit: unit_code.to_string(),
                    item: item_code.to_string(),
                    why,
                })?;
        let comment = crate::domain::text::nfc(comment.trim());
        let d = self.store.decide(
            self.year, &unit.code, &item, state, score, &comment, appraiser,
        )?;
        Ok((unit, item, d))
    }

    /// The ranking of one group (from one snapshot of the database).
    pub fn ranking(&self, group: &str, mode: Mode) -> Result<Ranking, AppError> {
        let set = self.set(group)?;
        let units = self.store.units(self.year, Some(group))?;
        let previous = self.store.history_of_year(self.year - 1)?;
        rank_group(
            &self.store,
            self.year,
            set,
            (group, &units),
            &previous,
            mode,
        )
    }

    /// The rankings of several groups, in the order asked. With two or more groups the work
    /// is shared between this connection and a second, read-only one on another thread,
    /// each group ranked from one snapshot.
    pub fn rankings(&self, groups: &[&str], mode: Mode) -> Vec<Result<Ranking, AppError>> {
        let sequential = || groups.iter().map(|g| self.ranking(g, mode)).collect();
        if groups.len() < 2 {
            return sequential();
        }
        let Ok(reader) = Store::open_reader(self.store.path()) else {
            return sequential();
        };
        // The units and last year's indexes read once for every group.
        let (Ok(all), Ok(previous)) = (
            self.store.units(self.year, None),
            self.store.history_of_year(self.year - 1),
        ) else {
            return sequential();
        };
        let mut by_group: HashMap<&str, Vec<UnitRow>> = HashMap::new();
        for u in &all {
            by_group
                .entry(u.group.as_str())
                .or_default()
                .push(u.clone());
        }
        // Two lanes of about the same number of units, the largest groups placed first.
        let sizes: HashMap<&str, usize> = by_group.iter().map(|(g, us)| (*g, us.len())).collect();
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(sizes.get(groups[i]).copied().unwrap_or(0)));
        let (mut here, mut there) = (Vec::new(), Vec::new());
        let (mut load_here, mut load_there) = (0, 0);
        for i in order {
            let n = sizes.get(groups[i]).copied().unwrap_or(0);
            if load_here <= load_there {
                here.push(i);
                load_here += n;
            } else {
                there.push(i);
                load_there += n;
            }
        }
        let (year, sets, by_group, previous) = (self.year, &self.sets, &by_group, &previous);
        let rank_on = |store: &Store, i: usize| {
            let group = groups[i];
            let set = sets
                .get(group)
                .ok_or_else(|| AppError::UnknownGroup(group.to_string()))?;
            let units = by_group.get(group).map_or(&[][..], Vec::as_slice);
            rank_group(store, year, set, (group, units), previous, mode)
        };
        let mut out: Vec<Option<Result<Ranking, AppError>>> =
            (0..groups.len()).map(|_| None).collect();
        std::thread::scope(|scope| {
            let other = scope.spawn(move || {
                there
                    .iter()
                    .map(|&i| (i, rank_on(&reader, i)))
                    .collect::<Vec<_>>()
            });
            for &i in &here {
                out[i] = Some(rank_on(&self.store, i));
            }
            match other.join() {
                Ok(done) => {
                    for (i, r) in done {
                        out[i] = Some(r);
                    }
                }
                Err(p) => std::panic::resume_unwind(p),
            }
        });
        out.into_iter()
            .map(|r| r.expect("every group ranked"))
            .collect()
    }

    /// Every item of every unit (of one group, or all), for the decisions export.
    pub fn decision_lines(&self, group: Option<&str>) -> Result<Vec<DecisionLine>, AppError> {
        let mut out = Vec::new();
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
                out.push(DecisionLine {
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
        Ok(out)
    }
}
