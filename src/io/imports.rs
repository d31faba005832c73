//! The imports: units, self scores, survey scores, explanations, history. Each checks every
//! row before anything is written; one bad row refuses the file. The rows come from a CSV
//! file or a sheet of a workbook (see [`super::xlsxread`]): the checks here are the same.

use super::csvread::{Columns, FileSource, Row, RowSource, Table, TableReader, parse_table};
use super::problem::{FileError, Place, Problem};
use crate::domain::{CriteriaSet, GroupCode, ItemCode, Points, SelfScore, UnitCode};
use crate::store::{ExplanationRow, FieldHistoryRow, HistoryRow, UnitRow};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

/// What an import is checked against: the year's sets and units.
pub struct Context {
    pub year: i32,
    pub sets: HashMap<String, std::sync::Arc<CriteriaSet>>,
    pub units: HashMap<String, UnitRow>,
    /// The units that already have self scores or decisions: their group cannot change,
    /// since those refer to the items of their group's set.
    pub in_use: HashSet<String>,
}

/// The columns of each import.
pub const UNITS: Columns<'static> = Columns {
    required: &["code", "name", "group"],
    optional: &["ranked"],
};
pub const SELF_SCORES: Columns<'static> = Columns {
    required: &["unit", "item", "score"],
    optional: &["note", "evidence"],
};
pub const SURVEY: Columns<'static> = Columns {
    required: &["unit", "score"],
    optional: &[],
};
pub const EXPLANATIONS: Columns<'static> = Columns {
    required: &["unit", "item", "explanation"],
    optional: &["evidence"],
};
pub const HISTORY: Columns<'static> = Columns {
    required: &["unit", "year", "index"],
    optional: &["rank", "ranked_of"],
};
pub const FIELD_HISTORY: Columns<'static> = Columns {
    required: &["unit", "year", "field", "percent"],
    optional: &["field_name"],
};

fn csv_table(path: &Path, text: &str, columns: Columns<'_>) -> Result<Table, FileError> {
    parse_table(path, text, columns.required, columns.optional)
}

/// Collects problems while rows are checked.
struct Check<'a> {
    err: FileError,
    table: &'a Table,
}

impl<'a> Check<'a> {
    fn new(path: &Path, table: &'a Table) -> Check<'a> {
        Check {
            err: table.problems(path),
            table,
        }
    }

    fn cell(&self, row: &'a Row, name: &'static str) -> (&'a str, Place) {
        self.table.cell(row, name)
    }

    fn fail(&mut self, place: Place, p: Problem) {
        self.err.push(Some(place), p);
    }

    /// A cell that must not be empty.
    fn required(&mut self, row: &'a Row, name: &'static str) -> Option<(&'a str, Place)> {
        let (v, place) = self.cell(row, name);
        if v.is_empty() {
            self.fail(place, Problem::Required);
            return None;
        }
        Some((v, place))
    }

    fn unit(&mut self, row: &'a Row, ctx: &'a Context) -> Option<&'a UnitRow> {
        let (code, place) = self.required(row, "unit")?;
        match ctx.units.get(code) {
            Some(u) => Some(u),
            None => {
                self.fail(place, Problem::UnknownUnit(code.to_string()));
                None
            }
        }
    }

    /// The unit's set and the index of an item in it.
    fn item(
        &mut self,
        row: &'a Row,
        unit: &UnitRow,
        ctx: &'a Context,
    ) -> Option<(&'a CriteriaSet, usize, ItemCode)> {
        let (text, place) = self.required(row, "item")?;
        let set = ctx.sets.get(&unit.group)?;
        let found = ItemCode::parse(text)
            .ok()
            .and_then(|c| set.index_of(&c).map(|i| (i, c)));
        match found {
            Some((i, code)) if set.node(i).is_item() => Some((set, i, code)),
            Some(_) => {
                self.fail(place, Problem::ParentNotItem(text.to_string()));
                None
            }
            None => {
                self.fail(
                    place,
                    Problem::UnknownItem {
                        unit: unit.code.to_string(),
                        item: text.to_string(),
                    },
                );
                None
            }
        }
    }

    fn points(&mut self, row: &'a Row, name: &'static str) -> Option<(Points, &'a str, Place)> {
        let (text, place) = self.required(row, name)?;
        match Points::parse(text) {
            Ok(p) => Some((p, text, place)),
            Err(why) => {
                self.fail(
                    place,
                    Problem::BadPoints {
                        text: text.to_string(),
                        why,
                    },
                );
                None
            }
        }
    }

    /// Remembers a key; a second row with it is a duplicate.
    fn once<K: std::hash::Hash + Eq>(
        &mut self,
        seen: &mut HashMap<K, usize>,
        key: K,
        row: &Row,
        place: Place,
    ) -> bool {
        if let Some(&first_line) = seen.get(&key) {
            self.fail(place, Problem::DuplicateRow { first_line });
            return false;
        }
        seen.insert(key, row.line);
        true
    }

    /// A unit code of any year, or `province`, as history rows name them.
    fn history_unit(&mut self, row: &'a Row) -> Option<String> {
        let (v, place) = self.required(row, "unit")?;
        if v == "province" || UnitCode::parse(v).is_ok() {
            Some(v.to_string())
        } else {
            self.fail(place, Problem::BadCode(v.to_string()));
            None
        }
    }

    fn year(&mut self, row: &'a Row) -> Option<i32> {
        let (v, place) = self.required(row, "year")?;
        match v.parse::<i32>() {
            Ok(y) if (1990..=2200).contains(&y) => Some(y),
            _ => {
                self.fail(place, Problem::BadYear(v.to_string()));
                None
            }
        }
    }

    fn finish<T>(self, out: T) -> Result<T, FileError> {
        if self.err.is_empty() {
            Ok(out)
        } else {
            Err(self.err)
        }
    }
}

fn yes_no(v: &str) -> Option<bool> {
    match crate::domain::text::fold(v).as_str() {
        "" | "yes" | "y" | "co" | "true" | "1" | "x" => Some(true),
        "no" | "n" | "khong" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// `units.csv`: `code,name,group[,ranked]`.
pub fn units(path: &Path, text: &str, ctx: &Context) -> Result<Vec<UnitRow>, FileError> {
    units_in(path, &csv_table(path, text, UNITS)?, ctx)
}

/// The units of a table read with [`UNITS`].
pub fn units_in(path: &Path, table: &Table, ctx: &Context) -> Result<Vec<UnitRow>, FileError> {
    let mut c = Check::new(path, table);
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let code = c
            .required(row, "code")
            .and_then(|(v, place)| match UnitCode::parse(v) {
                Ok(code) => Some((code, place)),
                Err(_) => {
                    c.fail(place, Problem::BadCode(v.to_string()));
                    None
                }
            });
        let name = c.required(row, "name").map(|(v, _)| v.to_string());
        let group = c.required(row, "group").and_then(|(v, place)| {
            if GroupCode::parse(v).is_ok() && ctx.sets.contains_key(v) {
                Some(v.to_string())
            } else {
                c.fail(place, Problem::UnknownGroup(v.to_string()));
                None
            }
        });
        let (ranked_text, ranked_place) = c.cell(row, "ranked");
        let ranked = yes_no(ranked_text);
        if ranked.is_none() {
            c.fail(ranked_place, Problem::BadYesNo(ranked_text.to_string()));
        }
        let (_, group_place) = c.cell(row, "group");
        let moved = |code: &UnitCode, group: &str| {
            ctx.units
                .get(code.as_str())
                .filter(|old| old.group != group && ctx.in_use.contains(code.as_str()))
                .map(|old| old.group.clone())
        };
        if let (Some((code, _)), Some(group)) = (&code, &group)
            && let Some(from) = moved(code, group)
        {
            c.fail(
                group_place,
                Problem::GroupInUse {
                    unit: code.to_string(),
                    from,
                },
            );
            continue;
        }
        if let (Some((code, place)), Some(name), Some(group), Some(ranked)) =
            (code, name, group, ranked)
            && c.once(&mut seen, code.clone(), row, place)
        {
            out.push(UnitRow {
                code,
                name,
                group,
                ranked,
                closed: false,
                survey: None,
            });
        }
    }
    c.finish(out)
}

/// One checked self score, borrowed from the context (`'c`) and from the row being read.
#[derive(Debug, Clone, Copy)]
pub struct SelfScoreRef<'c, 'r> {
    pub unit: &'c UnitCode,
    /// The unit's group.
    pub group: &'c str,
    pub item: &'c ItemCode,
    /// The item's place in the group's set.
    pub index: usize,
    pub score: SelfScore,
    pub note: &'r str,
    pub evidence: &'r str,
}

/// Remembers the line of every (unit, item) seen: one slot per node of the unit's set.
struct Seen<'c> {
    slot_of: HashMap<&'c str, usize>,
    lines: Vec<Vec<u32>>,
    last: Option<(&'c str, usize)>,
}

impl<'c> Seen<'c> {
    /// The line that had this item of this unit before, after noting `line` for it.
    fn first(&mut self, unit: &'c str, nodes: usize, idx: usize, line: usize) -> Option<usize> {
        let slot = match self.last {
            Some((u, s)) if u == unit => s,
            _ => {
                let next = self.lines.len();
                let s = *self.slot_of.entry(unit).or_insert(next);
                if s == next {
                    self.lines.push(vec![0; nodes]);
                }
                self.last = Some((unit, s));
                s
            }
        };
        let cell = &mut self.lines[slot][idx];
        if *cell != 0 {
            return Some(*cell as usize);
        }
        *cell = u32::try_from(line).unwrap_or(u32::MAX);
        None
    }
}

/// Reads and checks `self_scores.csv` row by row from `source` (see [`FileSource`]), in a
/// fixed amount of memory whatever the size of the file (see [`self_scores_rows`]).
pub fn self_scores_each<'c, R: Read>(
    path: &Path,
    source: FileSource<R>,
    ctx: &'c Context,
    each: impl FnMut(SelfScoreRef<'c, '_>),
) -> Result<(), FileError> {
    let mut source = source;
    let opened = TableReader::new(
        path,
        &mut source,
        SELF_SCORES.required,
        SELF_SCORES.optional,
    );
    let result = match opened {
        Ok(t) => self_scores_rows(t, ctx, each),
        Err(e) => Err(e),
    };
    match (stopped(path, &source), result) {
        (Some(e), _) => Err(e),
        (None, result) => result,
    }
}

/// Checks self scores row by row, from a CSV file or a sheet read with [`SELF_SCORES`].
/// Each good row goes to `each` for as long as no problem has been found; after the first
/// problem the file is refused anyway and the rest is only checked, so that every problem
/// is reported. `each` must therefore treat what it received as provisional until this
/// returns `Ok`.
pub fn self_scores_rows<'c, S: RowSource>(
    mut t: S,
    ctx: &'c Context,
    mut each: impl FnMut(SelfScoreRef<'c, '_>),
) -> Result<(), FileError> {
    let col = |t: &S, name: &'static str| (t.column(name), name);
    let unit_col = col(&t, "unit");
    let item_col = col(&t, "item");
    let score_col = col(&t, "score");
    let (note_col, evidence_col) = (t.column("note"), t.column("evidence"));
    let place = |row: &Row, (i, name): (Option<usize>, &'static str)| {
        Place::cell(row.line, i.map_or(0, |i| i + 1), name)
    };
    let mut seen = Seen {
        slot_of: HashMap::new(),
        lines: Vec::new(),
        last: None,
    };
    let mut row = Row::default();
    while t.next_row(&mut row) {
        let code = row.get(unit_col.0);
        if code.is_empty() {
            t.push(place(&row, unit_col), Problem::Required);
            continue;
        }
        let Some(unit) = ctx.units.get(code) else {
            t.push(
                place(&row, unit_col),
                Problem::UnknownUnit(code.to_string()),
            );
            continue;
        };
        let text = row.get(item_col.0);
        if text.is_empty() {
            t.push(place(&row, item_col), Problem::Required);
            continue;
        }
        let Some(set) = ctx.sets.get(&unit.group) else {
            continue;
        };
        let idx = match set.index_of_str(text) {
            Some(i) if set.node(i).is_item() => i,
            Some(_) => {
                t.push(
                    place(&row, item_col),
                    Problem::ParentNotItem(text.to_string()),
                );
                continue;
            }
            None => {
                t.push(
                    place(&row, item_col),
                    Problem::UnknownItem {
                        unit: unit.code.to_string(),
                        item: text.to_string(),
                    },
                );
                continue;
            }
        };
        let node = set.node(idx);
        let score_text = row.get(score_col.0);
        if score_text.is_empty() {
            t.push(place(&row, score_col), Problem::Required);
            continue;
        }
        let na = ["n/a", "na", "n.a."]
            .iter()
            .any(|n| score_text.eq_ignore_ascii_case(n));
        let score = if na {
            SelfScore::NotApplicable
        } else {
            match Points::parse(score_text) {
                Err(why) => {
                    t.push(
                        place(&row, score_col),
                        Problem::BadPoints {
                            text: score_text.into(),
                            why,
                        },
                    );
                    continue;
                }
                Ok(p) => {
                    if !node.applies_to(&unit.code) {
                        t.push(
                            place(&row, score_col),
                            Problem::NotApplicableBySet {
                                item: node.code.to_string(),
                            },
                        );
                        continue;
                    }
                    if let Err(why) = set.check_score(idx, p) {
                        t.push(
                            place(&row, score_col),
                            Problem::Score {
                                text: score_text.into(),
                                why,
                            },
                        );
                        continue;
                    }
                    SelfScore::Points(p)
                }
            }
        };
        if let Some(first_line) = seen.first(code_of(unit), set.nodes().len(), idx, row.line) {
            t.push(place(&row, item_col), Problem::DuplicateRow { first_line });
            continue;
        }
        if !t.has_problems() {
            each(SelfScoreRef {
                unit: &unit.code,
                group: &unit.group,
                item: &node.code,
                index: idx,
                score,
                note: row.get(note_col),
                evidence: row.get(evidence_col),
            });
        }
    }
    t.finish()
}

fn code_of(unit: &UnitRow) -> &str {
    unit.code.as_str()
}

/// What is wrong with the bytes of the file (UTF-16, not UTF-8, a NUL byte, unreadable):
/// it alone is reported, as `decode` does for the other imports, since the rows read before
/// it may be cut short.
fn stopped<R: Read>(path: &Path, source: &FileSource<R>) -> Option<FileError> {
    source
        .problem()
        .map(|(place, p)| FileError::one(path, Some(place), p))
}

/// `survey.csv`: `unit,score`.
pub fn survey(
    path: &Path,
    text: &str,
    ctx: &Context,
) -> Result<Vec<(UnitCode, Points)>, FileError> {
    survey_in(path, &csv_table(path, text, SURVEY)?, ctx)
}

/// The survey scores of a table read with [`SURVEY`].
pub fn survey_in(
    path: &Path,
    table: &Table,
    ctx: &Context,
) -> Result<Vec<(UnitCode, Points)>, FileError> {
    let mut c = Check::new(path, table);
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let unit = c.unit(row, ctx);
        let score = c.points(row, "score");
        let (Some(unit), Some((score, _, place))) = (unit, score) else {
            continue;
        };
        let max = ctx
            .sets
            .get(&unit.group)
            .map_or(Points::ZERO, |s| s.survey_max);
        if score.is_negative() {
            c.fail(place, Problem::Negative);
        } else if score > max {
            c.fail(place, Problem::SurveyAboveMax { max });
        } else if c.once(&mut seen, unit.code.clone(), row, c.cell(row, "unit").1) {
            out.push((unit.code.clone(), score));
        }
    }
    c.finish(out)
}

/// `explanations.csv`: `unit,item,explanation,evidence`.
pub fn explanations(
    path: &Path,
    text: &str,
    ctx: &Context,
) -> Result<Vec<ExplanationRow>, FileError> {
    explanations_in(path, &csv_table(path, text, EXPLANATIONS)?, ctx)
}

/// The explanations of a table read with [`EXPLANATIONS`].
pub fn explanations_in(
    path: &Path,
    table: &Table,
    ctx: &Context,
) -> Result<Vec<ExplanationRow>, FileError> {
    let mut c = Check::new(path, table);
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let Some(unit) = c.unit(row, ctx) else {
            continue;
        };
        let item = c.item(row, unit, ctx);
        let explanation = c.required(row, "explanation");
        let (Some((_, _, item)), Some((explanation, _))) = (item, explanation) else {
            continue;
        };
        let (_, item_place) = c.cell(row, "item");
        if c.once(
            &mut seen,
            (unit.code.clone(), item.clone()),
            row,
            item_place,
        ) {
            out.push(ExplanationRow {
                unit: unit.code.clone(),
                item,
                explanation: explanation.to_string(),
                evidence: c.cell(row, "evidence").0.to_string(),
            });
        }
    }
    c.finish(out)
}

/// A rank cell: empty (none), or a whole number from 1.
fn rank_cell(c: &mut Check<'_>, row: &Row, name: &'static str) -> Result<Option<u32>, ()> {
    let (v, place) = c.cell(row, name);
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(Some(n)),
        _ => {
            c.fail(place, Problem::BadRank(v.to_string()));
            Err(())
        }
    }
}

/// `history.csv`: `unit,year,index` (percent; unit `province` for the province), optional
/// `rank,ranked_of` (the province's national rank, e.g. 18 of 63; for a unit, its rank in its
/// group).
pub fn history(path: &Path, text: &str) -> Result<Vec<HistoryRow>, FileError> {
    history_in(path, &csv_table(path, text, HISTORY)?)
}

/// The history of a table read with [`HISTORY`].
pub fn history_in(path: &Path, table: &Table) -> Result<Vec<HistoryRow>, FileError> {
    let mut c = Check::new(path, table);
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let unit = c.history_unit(row);
        let year = c.year(row);
        let index = c.points(row, "index").and_then(|(p, _, place)| {
            if p.is_negative() || p > Points::from_int(100) {
                c.fail(place, Problem::IndexOutOfRange);
                None
            } else {
                Some(p)
            }
        });
        let rank = rank_cell(&mut c, row, "rank");
        let ranked_of = rank_cell(&mut c, row, "ranked_of");
        let (Ok(rank), Ok(ranked_of)) = (rank, ranked_of) else {
            continue;
        };
        if let (Some(r), Some(of)) = (rank, ranked_of)
            && r > of
        {
            c.fail(c.cell(row, "rank").1, Problem::RankAboveOf { rank: r, of });
            continue;
        }
        if let (Some(unit), Some(year), Some(index)) = (unit, year, index)
            && c.once(&mut seen, (unit.clone(), year), row, c.cell(row, "year").1)
        {
            out.push(HistoryRow {
                unit,
                year,
                index,
                rank,
                ranked_of,
            });
        }
    }
    c.finish(out)
}

/// `field_history.csv`: `unit,year,field,field_name,percent` (percent of the field's maximum;
/// unit `province` for the province's component indexes, whose fields are the national set's).
pub fn field_history(path: &Path, text: &str) -> Result<Vec<FieldHistoryRow>, FileError> {
    field_history_in(path, &csv_table(path, text, FIELD_HISTORY)?)
}

/// The field history of a table read with [`FIELD_HISTORY`].
pub fn field_history_in(path: &Path, table: &Table) -> Result<Vec<FieldHistoryRow>, FileError> {
    let mut c = Check::new(path, table);
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let unit = c.history_unit(row);
        let year = c.year(row);
        let field = c
            .required(row, "field")
            .and_then(|(v, place)| match ItemCode::parse(v) {
                Ok(code) if code.depth() == 1 => Some(code.to_string()),
                _ => {
                    c.fail(place, Problem::NotAField(v.to_string()));
                    None
                }
            });
        let percent = c.points(row, "percent").and_then(|(p, _, place)| {
            if p.is_negative() || p > Points::from_int(100) {
                c.fail(place, Problem::PercentOutOfRange);
                None
            } else {
                Some(p)
            }
        });
        if let (Some(unit), Some(year), Some(field), Some(percent)) = (unit, year, field, percent)
            && c.once(
                &mut seen,
                (unit.clone(), year, field.clone()),
                row,
                c.cell(row, "field").1,
            )
        {
            out.push(FieldHistoryRow {
                unit,
                year,
                field,
                field_name: crate::domain::text::nfc(c.cell(row, "field_name").0.trim()),
                percent,
            });
        }
    }
    c.finish(out)
}

/// The columns of a changes file (`new-year --changes`).
pub const CHANGES: Columns<'static> = Columns {
    required: &["from", "to", "kind"],
    optional: &["name", "group", "note"],
};

/// `changes.csv`: `from,to,kind,name,group,note`, one change per row (see
/// `domain::lineage`), checked against `last` (the units of the year the new one is made
/// from): the new year's units and their lineage, or every problem with its row and column.
pub fn changes(
    path: &Path,
    text: &str,
    last: &[crate::domain::lineage::Unit],
) -> Result<crate::domain::lineage::Outcome, FileError> {
    changes_in(path, &csv_table(path, text, CHANGES)?, last)
}

/// The changes of a table read with [`CHANGES`].
pub fn changes_in(
    path: &Path,
    table: &Table,
    last: &[crate::domain::lineage::Unit],
) -> Result<crate::domain::lineage::Outcome, FileError> {
    use crate::domain::lineage::{self, Change, Column, Kind};
    let mut c = Check::new(path, table);
    let mut rows = Vec::new();
    let mut by_line: HashMap<usize, &Row> = HashMap::new();
    for row in &table.rows {
        let mut ok = true;
        let mut code = |c: &mut Check<'_>, name: &'static str| -> Option<String> {
            let (v, place) = c.cell(row, name);
            if v.is_empty() {
                return None;
            }
            if UnitCode::parse(v).is_err() {
                c.fail(place, Problem::BadCode(v.to_string()));
                ok = false;
            }
            Some(v.to_string())
        };
        let from = code(&mut c, "from");
        let to = code(&mut c, "to");
        let kind = c.required(row, "kind").and_then(|(v, place)| {
            let k = Kind::parse(&crate::domain::text::fold(v));
            if k.is_none() {
                c.fail(place, Problem::BadKind(v.to_string()));
            }
            k
        });
        let (group, group_place) = c.cell(row, "group");
        if !group.is_empty() && GroupCode::parse(group).is_err() {
            c.fail(group_place, Problem::UnknownGroup(group.to_string()));
            ok = false;
        }
        let (Some(kind), true) = (kind, ok) else {
            continue;
        };
        by_line.insert(row.line, row);
        rows.push(Change {
            line: row.line,
            from,
            to,
            kind,
            name: c.cell(row, "name").0.to_string(),
            group: group.to_string(),
            note: c.cell(row, "note").0.to_string(),
        });
    }
    if c.err.is_empty() {
        match lineage::apply(last, &rows) {
            Ok(out) => return Ok(out),
            Err(faults) => {
                for f in faults {
                    let Some(row) = by_line.get(&f.line) else {
                        continue;
                    };
                    let column = match f.column {
                        Column::From => "from",
                        Column::To => "to",
                        Column::Kind => "kind",
                        Column::Name => "name",
                        Column::Group => "group",
                    };
                    let place = c.cell(row, column).1;
                    c.fail(place, Problem::Change(f.fault));
                }
            }
        }
    }
    Err(c.err)
}
