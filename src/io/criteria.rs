//! Reading criteria sets: the TOML format of `data/criteria/` (see FORMAT.md) and a tree as
//! CSV for a province that keeps its set in a spreadsheet. Problems point at line and column.

use super::csvread::{Columns, Table, parse_table_at_most};
use super::problem::{FileError, Place, Problem, line_col};
use crate::domain::criteria::{Band, BlockSpec, MAX_NODES, NodeSpec, ScoreOption, SetSpec};
use crate::domain::text::nfc;
use crate::domain::{
    CriteriaSet, GroupCode, ItemCode, ItemKind, Points, SetError, SetSource, UnitCode,
};
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    group: Spanned<String>,
    name: String,
    /// Optional: the name as councils say it, shown where the full name does not fit.
    short_name: Option<String>,
    year: Spanned<i64>,
    appraisal_max: Spanned<toml::Value>,
    survey_max: Spanned<toml::Value>,
    /// The bands listed, highest first ...
    bands: Option<Spanned<Vec<RawBand>>>,
    /// ... or the name of a preset (`quoc-gia`, `soc-trang`).
    band_preset: Option<Spanned<String>>,
    /// The decision that issued the set; none: the set is illustrative.
    source: Option<RawSource>,
    #[serde(default)]
    nodes: Vec<RawNode>,
    bonus: Option<RawBlock>,
    deduction: Option<RawBlock>,
}

/// A band: its name (`name`, or `code` as older files say) and its lower bound, inclusive
/// (`min`) or exclusive (`above`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    #[serde(alias = "code")]
    name: String,
    min: Option<Spanned<toml::Value>>,
    above: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    number: String,
    date: String,
    issuer: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    title: String,
    cap: Spanned<toml::Value>,
    #[serde(default)]
    items: Vec<RawNode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    code: Spanned<String>,
    title: String,
    max: Spanned<toml::Value>,
    min: Option<Spanned<toml::Value>>,
    guidance: Option<String>,
    #[serde(default)]
    options: Vec<RawOption>,
    #[serde(default)]
    not_applicable_for: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    label: String,
    points: Spanned<toml::Value>,
}

/// A TOML number or string as exact points.
fn value_points(v: &toml::Value) -> Result<Points, Problem> {
    let text = match v {
        toml::Value::Integer(i) => i.to_string(),
        // Display of an f64 is the shortest text that reads back to it: 0.1 stays "0.1".
        toml::Value::Float(f) if f.is_finite() => f.to_string(),
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Points::parse(&text).map_err(|why| Problem::BadPoints { text, why })
}

/// Where a node's code and its maximum are in the file.
type Spans = (Range<usize>, Range<usize>);

struct Reader<'a> {
    text: &'a str,
    /// Where each line starts (byte offsets), so that a place costs a search, not a scan
    /// of the file (50,000 problems took 114 s).
    lines: Vec<usize>,
    err: FileError,
}

impl<'a> Reader<'a> {
    fn new(path: &Path, text: &'a str) -> Reader<'a> {
        let lines = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Reader {
            text,
            lines,
            err: FileError::new(path),
        }
    }

    /// The line and column (1-based, in characters) of a byte offset, as `line_col` says.
    fn place(&self, span: Range<usize>) -> Place {
        let at = self
            .text
            .floor_char_boundary(span.start.min(self.text.len()));
        let line = self.lines.partition_point(|&start| start <= at);
        let start = self.lines[line - 1];
        Place::at(line, self.text[start..at].chars().count() + 1)
    }

    fn points(&mut self, v: &Spanned<toml::Value>) -> Points {
        match value_points(v.get_ref()) {
            Ok(p) => p,
            Err(problem) => {
                let place = self.place(v.span());
                self.err.push(Some(place), problem);
                Points::ZERO
            }
        }
    }

    /// The node, with the places of its code and of its maximum.
    fn node(&mut self, raw: &RawNode, kind: ItemKind) -> Option<(NodeSpec, Spans)> {
        let code = match ItemCode::parse(raw.code.get_ref()) {
            Ok(c) => c,
            Err(_) => {
                let place = self.place(raw.code.span());
                self.err
                    .push(Some(place), Problem::BadCode(raw.code.get_ref().clone()));
                return None;
            }
        };
        let max = self.points(&raw.max);
        let min = raw.min.as_ref().map(|m| self.points(m));
        let options = raw
            .options
            .iter()
            .map(|o| ScoreOption {
                label: nfc(o.label.trim()),
                points: self.points(&o.points),
            })
            .collect();
        let mut na = Vec::new();
        for u in &raw.not_applicable_for {
            match UnitCode::parse(u.get_ref()) {
                Ok(c) => na.push(c),
                Err(_) => {
                    let place = self.place(u.span());
                    self.err
                        .push(Some(place), Problem::BadCode(u.get_ref().clone()));
                }
            }
        }
        Some((
            NodeSpec {
                code,
                title: nfc(raw.title.trim()),
                max,
                min,
                guidance: raw.guidance.as_ref().map(|g| nfc(g.trim())),
                options,
                not_applicable_for: na,
                kind,
            },
            (raw.code.span(), raw.max.span()),
        ))
    }
}

/// Reads a criteria set in TOML and checks it.
pub fn set_from_toml(path: &Path, text: &str) -> Result<CriteriaSet, FileError> {
    refuse_too_many_tables(path, text)?;
    let raw: RawSet = toml::from_str(text).map_err(|e| {
        let place = e.span().map(|s| {
            let (line, col) = line_col(text, s.start);
            Place::at(line, col)
        });
        FileError::one(path, place, Problem::Toml(e.message().trim().to_string()))
    })?;
    let mut r = Reader::new(path, text);
    let group = match GroupCode::parse(raw.group.get_ref()) {
        Ok(g) => Some(g),
        Err(_) => {
            let place = r.place(raw.group.span());
            r.err
                .push(Some(place), Problem::BadCode(raw.group.get_ref().clone()));
            None
        }
    };
    let year = *raw.year.get_ref();
    if !(1990..=2200).contains(&year) {
        let place = r.place(raw.year.span());
        r.err.push(Some(place), Problem::BadYear(year.to_string()));
    }
    let appraisal_max = r.points(&raw.appraisal_max);
    let survey_max = r.points(&raw.survey_max);
    let bands: Vec<Band> = match &raw.band_preset {
        Some(name) if raw.bands.is_some() => {
            let place = r.place(name.span());
            r.err.push(Some(place), Problem::BandsTwice);
            Vec::new()
        }
        Some(name) => Band::preset(name.get_ref()).unwrap_or_else(|| {
            let place = r.place(name.span());
            r.err.push(
                Some(place),
                Problem::UnknownBandPreset(name.get_ref().clone()),
            );
            Vec::new()
        }),
        None => raw
            .bands
            .as_ref()
            .map_or(&[][..], |b| b.get_ref())
            .iter()
            .map(|b| {
                let name = nfc(b.name.trim());
                match (&b.min, &b.above) {
                    (Some(min), None) => Band::from_min(&name, r.points(min)),
                    (None, Some(above)) => Band::from_above(&name, r.points(above)),
                    _ => {
                        let span = raw.bands.as_ref().map_or(0..0, |b| b.span());
                        let place = r.place(span);
                        r.err.push(Some(place), Problem::BandBound(name.clone()));
                        Band::from_min(&name, Points::ZERO)
                    }
                }
            })
            .collect(),
    };
    let mut nodes = Vec::new();
    let mut spans = Vec::new();
    let blocks = [
        (None, &raw.nodes, ItemKind::Regular),
        (raw.bonus.as_ref(), &Vec::new(), ItemKind::Bonus),
        (raw.deduction.as_ref(), &Vec::new(), ItemKind::Deduction),
    ];
    for (block, list, kind) in blocks {
        let list = block.map_or(list, |b| &b.items);
        for raw_node in list {
            if let Some((n, span)) = r.node(raw_node, kind) {
                nodes.push(n);
                spans.push(span);
            }
        }
    }
    let block = |b: &Option<RawBlock>, r: &mut Reader| {
        b.as_ref().map(|b| BlockSpec {
            title: nfc(b.title.trim()),
            cap: r.points(&b.cap),
        })
    };
    let bonus = block(&raw.bonus, &mut r);
    let deduction = block(&raw.deduction, &mut r);
    if !r.err.is_empty() {
        return Err(r.err);
    }
    let Some(group) = group else {
        return Err(r.err);
    };
    let spec = SetSpec {
        group,
        name: nfc(raw.name.trim()),
        short_name: short_name(raw.short_name.as_deref()),
        year: year as i32,
        appraisal_max,
        survey_max,
        bands,
        source: raw
            .source
            .as_ref()
            .map_or(SetSource::Illustrative, |s| SetSource::Decision {
                number: nfc(s.number.trim()),
                date: nfc(s.date.trim()),
                issuer: nfc(s.issuer.trim()),
            }),
        nodes,
        bonus,
        deduction,
    };
    CriteriaSet::build(spec).map_err(|errors| {
        let mut err = FileError::new(path);
        for e in errors {
            use crate::domain::SetError as E;
            let place = match e.index() {
                Some(i) => {
                    let (code_span, max_span) = spans[i].clone();
                    match e {
                        E::DuplicateCode { .. }
                        | E::MissingParent { .. }
                        | E::TooDeep { .. }
                        | E::EmptyTitle { .. }
                        | E::RulesOnParent { .. } => r.place(code_span),
                        _ => r.place(max_span),
                    }
                }
                None => match e {
                    crate::domain::SetError::BandsNotDescending
                    | crate::domain::SetError::BadBandName { .. }
                    | crate::domain::SetError::NoBands => match &raw.band_preset {
                        Some(name) => r.place(name.span()),
                        None => match &raw.bands {
                            Some(b) => r.place(b.span()),
                            None => r.place(raw.year.span()),
                        },
                    },
                    _ => r.place(raw.appraisal_max.span()),
                },
            };
            err.push(Some(place), Problem::Set(e));
        }
        err
    })
}

/// A short name as stored: NFC, trimmed, none when blank.
fn short_name(text: Option<&str>) -> Option<String> {
    text.map(|s| nfc(s.trim())).filter(|s| !s.is_empty())
}

/// The header of a set whose tree comes as CSV (given on the command line).
pub struct CsvSetHeader {
    pub group: GroupCode,
    pub name: String,
    /// The name as councils say it, for narrow places; none: the name is cut to fit.
    pub short_name: Option<String>,
    pub year: i32,
    pub survey_max: Points,
    pub bands: Vec<Band>,
    pub source: SetSource,
}

/// The header block above a tree in a CSV file: `key,value` lines before the table's head
/// line (`Nhóm,so-nganh`, `Tên nhóm,"Sở, ban, ngành tỉnh"`, `Điểm điều tra xã hội học,37`,
/// `Xếp loại,soc-trang`, `Quyết định,1941/QĐ-UBND`, `Ngày,07/8/2023`, `Cơ quan ban hành,…`;
/// the English keys `group`, `name`, `short_name`, `survey_max`, `bands`, `decision`, `date`,
/// `issuer` too), so that a tree needs no command-line flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvHeaderBlock {
    pub group: Option<String>,
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub survey_max: Option<String>,
    pub bands: Option<String>,
    /// The decision that issued the set: number, date, issuer (all three, or none).
    pub source: SetSource,
}

/// The header block's lines read one at a time, from a CSV file or the rows above a sheet's
/// table: a key in the first cell, its value in the cells after it.
pub struct BlockReader {
    block: CsvHeaderBlock,
    source: [Option<String>; 3],
    err: FileError,
}

impl BlockReader {
    pub fn new(err: FileError) -> BlockReader {
        BlockReader {
            block: CsvHeaderBlock::default(),
            source: [None, None, None],
            err,
        }
    }

    /// Takes a line whose first cell is at `line`, `column` (1-based): false when its first
    /// cell is not a key of the block (the table's head, a title), which is then left alone.
    /// A blank line is taken.
    pub fn take(&mut self, line: usize, column: usize, cells: &[String]) -> bool {
        let key = cells
            .first()
            .map(|c| nfc(c.trim().trim_start_matches('\u{feff}')).to_lowercase())
            .unwrap_or_default();
        let value = cells
            .get(1..)
            .map(|v| {
                let v: Vec<String> = v.iter().map(|c| nfc(c.trim())).collect();
                v.join(",").trim().trim_end_matches(',').trim().to_string()
            })
            .filter(|v| !v.is_empty());
        let block = &mut self.block;
        let slot = match key.as_str() {
            "" => return true,
            "nhóm" | "mã nhóm" | "group" => &mut block.group,
            "tên nhóm" | "name" => &mut block.name,
            "tên ngắn" | "short_name" => &mut block.short_name,
            "điểm điều tra xã hội học" | "survey_max" => &mut block.survey_max,
            "xếp loại" | "bands" => &mut block.bands,
            "quyết định" | "decision" => &mut self.source[0],
            "ngày" | "date" => &mut self.source[1],
            "cơ quan ban hành" | "issuer" => &mut self.source[2],
            _ => return false,
        };
        match value {
            Some(v) => *slot = Some(v),
            None => self
                .err
                .push(Some(Place::at(line, column + 1)), Problem::Required),
        }
        true
    }

    /// The block read, or every problem of it.
    pub fn finish(mut self) -> Result<CsvHeaderBlock, FileError> {
        self.block.source = match self.source {
            [Some(number), Some(date), Some(issuer)] => SetSource::Decision {
                number,
                date,
                issuer,
            },
            [None, None, None] => SetSource::Illustrative,
            _ => {
                self.err.push(None, Problem::SourceIncomplete);
                SetSource::Illustrative
            }
        };
        if self.err.is_empty() {
            Ok(self.block)
        } else {
            Err(self.err)
        }
    }
}

/// Splits a tree's text into its header block and the table. The block's lines are left
/// blank in the table's text, so that a problem in the table keeps its line number.
pub fn split_header_block(path: &Path, text: &str) -> Result<(CsvHeaderBlock, String), FileError> {
    let mut reader = BlockReader::new(FileError::new(path));
    let mut table = String::with_capacity(text.len());
    let mut lines = text.split_inclusive('\n').enumerate();
    for (i, line) in lines.by_ref() {
        let cells: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .and_then(Result::ok)
            .map(|r| r.iter().map(str::to_string).collect())
            .unwrap_or_default();
        if !reader.take(i + 1, 1, &cells) {
            // The table's head line ends the block.
            table.push_str(line);
            break;
        }
        table.push_str(if line.ends_with('\n') { "\n" } else { "" });
    }
    for (_, line) in lines {
        table.push_str(line);
    }
    Ok((reader.finish()?, table))
}

/// Counts the array-of-tables heads (`[[nodes]]`, `[[bonus.items]]`, …) before the text is
/// parsed, and refuses the file at the head of item number `MAX_NODES + 1`: a set of a
/// million items is refused in a moment instead of being parsed into gigabytes. Heads are
/// counted by line start; a `[[` inside a multi-line string could only count one too many.
fn refuse_too_many_tables(path: &Path, text: &str) -> Result<(), FileError> {
    let mut heads = 0usize;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("[[") {
            heads += 1;
            if heads > MAX_NODES {
                return Err(FileError::one(
                    path,
                    Some(Place::at(i + 1, 1)),
                    Problem::TooManyItems { max: MAX_NODES },
                ));
            }
        }
    }
    Ok(())
}

/// Reads a criteria tree as CSV: `code,title,max,options,guidance,not_applicable_for`.
/// The appraisal maximum is the sum of the fields.
pub fn set_from_csv(
    path: &Path,
    text: &str,
    header: CsvSetHeader,
) -> Result<CriteriaSet, FileError> {
    let table = tree_table(path, text)?;
    set_from_table(path, &table, header)
}

/// A tree's CSV text (its header block taken off) as a table: at most [`MAX_NODES`] rows.
pub fn tree_table(path: &Path, text: &str) -> Result<Table, FileError> {
    parse_table_at_most(
        path,
        text,
        CRITERIA.required,
        CRITERIA.optional,
        MAX_NODES,
        || Problem::TooManyItems { max: MAX_NODES },
    )
}

/// The columns of a criteria tree, in a CSV file or a sheet.
pub const CRITERIA: Columns<'static> = Columns {
    required: &["code", "title", "max"],
    optional: &["options", "guidance", "not_applicable_for"],
};

/// Reads a criteria tree from a table (a CSV file's or a sheet's, see [`CRITERIA`]); every
/// problem at its line and column, or its cell.
pub fn set_from_table(
    path: &Path,
    table: &Table,
    header: CsvSetHeader,
) -> Result<CriteriaSet, FileError> {
    let mut err = table.problems(path);
    let mut nodes = Vec::new();
    let mut places = Vec::new();
    for row in &table.rows {
        let (code_text, code_place) = table.cell(row, "code");
        let code = match ItemCode::parse(code_text) {
            Ok(c) => Some(c),
            Err(_) => {
                let p = if code_text.is_empty() {
                    Problem::Required
                } else {
                    Problem::BadCode(code_text.into())
                };
                err.push(Some(code_place.clone()), p);
                None
            }
        };
        let (title, title_place) = table.cell(row, "title");
        if title.is_empty() {
            err.push(Some(title_place), Problem::Required);
        }
        let (max_text, max_place) = table.cell(row, "max");
        let max = match Points::parse(max_text) {
            Ok(p) => Some(p),
            Err(why) => {
                err.push(
                    Some(max_place.clone()),
                    Problem::BadPoints {
                        text: max_text.into(),
                        why,
                    },
                );
                None
            }
        };
        let (opt_text, opt_place) = table.cell(row, "options");
        let mut options = Vec::new();
        for part in opt_text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            match part
                .rsplit_once('=')
                .map(|(l, p)| (l.trim(), Points::parse(p)))
            {
                Some((label, Ok(points))) if !label.is_empty() => options.push(ScoreOption {
                    label: label.to_string(),
                    points,
                }),
                _ => err.push(
                    Some(opt_place.clone()),
                    Problem::BadOption(part.to_string()),
                ),
            }
        }
        let (na_text, na_place) = table.cell(row, "not_applicable_for");
        let mut na = Vec::new();
        for u in na_text.split_whitespace() {
            match UnitCode::parse(u) {
                Ok(c) => na.push(c),
                Err(_) => err.push(Some(na_place.clone()), Problem::BadCode(u.to_string())),
            }
        }
        let guidance = table.cell(row, "guidance").0;
        if let (Some(code), Some(max)) = (code, max) {
            nodes.push(NodeSpec {
                code,
                title: title.to_string(),
                max,
                min: None,
                guidance: (!guidance.is_empty()).then(|| guidance.to_string()),
                options,
                not_applicable_for: na,
                kind: ItemKind::Regular,
            });
            places.push((code_place, max_place));
        }
    }
    if !err.is_empty() {
        return Err(err);
    }
    let appraisal_max: Points = nodes
        .iter()
        .filter(|n| n.code.depth() == 1)
        .map(|n| n.max)
        .sum();
    let spec = SetSpec {
        group: header.group,
        name: header.name,
        short_name: short_name(header.short_name.as_deref()),
        year: header.year,
        appraisal_max,
        survey_max: header.survey_max,
        bands: header.bands,
        source: header.source,
        nodes,
        bonus: None,
        deduction: None,
    };
    CriteriaSet::build(spec).map_err(|errors| {
        for e in errors {
            // A code that is doubled or has no parent is pointed at in the code column; a
            // sum, an option or a range in the max column.
            let by_code = matches!(
                e,
                SetError::DuplicateCode { .. }
                    | SetError::MissingParent { .. }
                    | SetError::TooDeep { .. }
            );
            let place = e.index().map(|i| {
                let (code_place, max_place) = &places[i];
                if by_code { code_place } else { max_place }.clone()
            });
            err.push(place, Problem::Set(e));
        }
        err
    })
}

/// A criteria tree from a sheet of a workbook (`sheet`, else its first), as the CSV tree
/// reads: the header block in the rows above the table (a row whose first cell is a key of
/// the block, its value in the next cell; a title row there is skipped), the table under
/// its head row (Vietnamese or English column heads); what the ledger records of the file.
/// Every problem at its cell (`'Bộ chỉ số'!C12`).
pub fn tree_from_workbook(
    path: &Path,
    sheet: Option<&str>,
) -> Result<(CsvHeaderBlock, Table, crate::domain::seal::Origin), FileError> {
    let (rows, origin) = super::xlsxread::open_with_origin(path, sheet, CRITERIA)?;
    let mut block = BlockReader::new(FileError::new(path).in_sheet(rows.sheet_name()));
    for (line, column, cells) in rows.above() {
        block.take(line, column, &cells);
    }
    let block = block.finish()?;
    let table = Table::read_at_most(rows, MAX_NODES, || Problem::TooManyItems { max: MAX_NODES })?;
    Ok((block, table, origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_from_the_line_index_is_the_one_a_scan_gives() {
        let text = "a = 1\r\nmã = \"Sở\"\n\n  x\nlast";
        let r = Reader::new(Path::new("t.toml"), text);
        for at in 0..=text.len() {
            let (line, col) = line_col(text, at);
            assert_eq!(r.place(at..at), Place::at(line, col), "offset {at}");
        }
    }

    const GOOD: &str = r#"
group = "so-nganh"
name = "Sở, ban, ngành tỉnh"
year = 2022
appraisal_max = 3
survey_max = 2

[[bands]]
code = "A"
min = 90
[[bands]]
code = "D"
min = 0

[[nodes]]
code = "1"
title = "Chỉ đạo, điều hành"
max = 3

[[nodes]]
code = "1.1"
title = "Kế hoạch"
max = 1.5
options = [ { label = "Đúng hạn", points = 1.5 }, { label = "Chậm", points = 0.5 } ]

[[nodes]]
code = "1.2"
title = "Báo cáo"
max = "1,5"
not_applicable_for = ["SNGV"]
"#;

    fn load(text: &str) -> Result<CriteriaSet, FileError> {
        set_from_toml(Path::new("set.toml"), text)
    }

    #[test]
    fn reads_a_set_with_exact_points() {
        let set = load(GOOD).unwrap();
        assert_eq!(set.counts(), (1, 2, 0));
        assert_eq!(set.survey_max, Points::from_int(2));
        let n = set.find(&ItemCode::parse("1.1").unwrap()).unwrap();
        assert_eq!(n.max, Points::from_hundredths(150));
        assert_eq!(n.options.len(), 2);
    }

    #[test]
    fn a_short_name_is_optional_and_a_blank_one_is_none() {
        assert_eq!(load(GOOD).unwrap().short_name, None);
        let with = GOOD.replace(
            "year = 2022",
            "short_name = \"  Sở, ban, ngành \"\nyear = 2022",
        );
        assert_eq!(
            load(&with).unwrap().short_name.as_deref(),
            Some("Sở, ban, ngành")
        );
        let blank = GOOD.replace("year = 2022", "short_name = \" \"\nyear = 2022");
        assert_eq!(load(&blank).unwrap().short_name, None);
    }

    #[test]
    fn names_the_line_of_a_node_whose_children_do_not_add_up() {
        let bad = GOOD.replace("max = \"1,5\"", "max = 1.25");
        let e = load(&bad).unwrap_err();
        let (place, problem) = &e.problems[0];
        // The maximum of node 1 is on line 18 (the text starts with a blank line).
        assert_eq!(place.as_ref().unwrap().line, 18);
        assert!(matches!(
            problem,
            Problem::Set(crate::domain::SetError::ChildrenSum { .. })
        ));
        let text = e.render(crate::words::Lang::En);
        assert!(
            text.contains(
                "set.toml:18:7: the children of 1 add up to 2.75 points but 1 has a maximum of 3"
            ),
            "{text}"
        );
    }

    #[test]
    fn refuses_three_decimals_in_a_maximum() {
        let bad = GOOD.replace("max = 1.5\n", "max = 1.505\n");
        let e = load(&bad).unwrap_err();
        assert!(matches!(e.problems[0].1, Problem::BadPoints { .. }));
        assert_eq!(e.problems[0].0.as_ref().unwrap().line, 23);
    }

    #[test]
    fn refuses_unknown_keys_with_their_place() {
        let bad = GOOD.replace("title = \"Báo cáo\"", "titel = \"Báo cáo\"");
        let e = load(&bad).unwrap_err();
        assert!(matches!(e.problems[0].1, Problem::Toml(_)));
        assert!(e.problems[0].0.is_some());
    }

    #[test]
    fn reads_a_tree_from_csv() {
        let csv = "code,title,max,options,guidance,not_applicable_for\n\
                   1,Chỉ đạo,2,,,\n\
                   1.1,Kế hoạch,1,Đúng hạn=1; Chậm=0.5,Trước 15/01,\n\
                   1.2,Báo cáo,1,,,SNGV BDT\n";
        let header = CsvSetHeader {
            group: GroupCode::parse("so-nganh").unwrap(),
            name: "Sở".into(),
            short_name: None,
            year: 2022,
            survey_max: Points::from_int(1),
            bands: Band::parse_list("A:90,B:80,C:70,D:0").unwrap(),
            source: SetSource::Illustrative,
        };
        let set = set_from_csv(Path::new("tree.csv"), csv, header).unwrap();
        assert_eq!(set.appraisal_max, Points::from_int(2));
        let n = set.find(&ItemCode::parse("1.2").unwrap()).unwrap();
        assert_eq!(n.not_applicable_for.len(), 2);
    }

    #[test]
    fn a_set_names_a_band_preset_or_lists_named_bands() {
        let preset = GOOD.replace(
            "[[bands]]\ncode = \"A\"\nmin = 90\n[[bands]]\ncode = \"D\"\nmin = 0\n",
            "band_preset = \"soc-trang\"\n",
        );
        assert_ne!(preset, GOOD);
        let set = load(&preset).unwrap();
        assert_eq!(set.bands, Band::soc_trang());

        let listed = GOOD.replace(
            "[[bands]]\ncode = \"A\"\nmin = 90\n[[bands]]\ncode = \"D\"\nmin = 0\n",
            "[[bands]]\nname = \"Xuất sắc\"\nabove = 90\n[[bands]]\nname = \"Tốt\"\nmin = 80\n[[bands]]\nname = \"Yếu\"\nmin = 0\n",
        );
        let set = load(&listed).unwrap();
        assert_eq!(
            set.bands,
            vec![
                Band::from_above("Xuất sắc", Points::from_int(90)),
                Band::from_min("Tốt", Points::from_int(80)),
                Band::from_min("Yếu", Points::ZERO),
            ]
        );
    }

    #[test]
    fn an_unknown_preset_or_a_band_without_bound_is_refused_at_its_place() {
        let bad = GOOD.replace(
            "[[bands]]\ncode = \"A\"\nmin = 90\n[[bands]]\ncode = \"D\"\nmin = 0\n",
            "band_preset = \"ha-noi\"\n",
        );
        let err = load(&bad).unwrap_err();
        assert_eq!(err.problems.len(), 1, "{err:?}");
        assert_eq!(
            err.problems[0].1,
            Problem::UnknownBandPreset("ha-noi".into())
        );
        assert_eq!(err.problems[0].0.as_ref().map(|p| p.line), Some(8));

        let bad = GOOD.replace("code = \"D\"\nmin = 0", "code = \"D\"");
        let err = load(&bad).unwrap_err();
        assert!(
            err.problems
                .iter()
                .any(|(_, p)| *p == Problem::BandBound("D".into())),
            "{err:?}"
        );
    }

    #[test]
    fn a_tree_with_vietnamese_column_heads_reads_as_the_english_one() {
        let header = || CsvSetHeader {
            group: GroupCode::parse("so-nganh").unwrap(),
            name: "Sở".into(),
            short_name: None,
            year: 2022,
            survey_max: Points::from_int(1),
            bands: Band::soc_trang(),
            source: SetSource::Illustrative,
        };
        let en = "code,title,max,options,guidance,not_applicable_for\n\
                  1,Chỉ đạo,2,,,\n\
                  1.1,Kế hoạch,1,Đúng hạn=1; Chậm=0.5,Trước 15/01,\n\
                  1.2,Báo cáo,1,,,SNGV BDT\n";
        let vi = "Mã,Tiêu chí,Điểm tối đa,Các mức điểm,Hướng dẫn chấm,Không áp dụng cho\n\
                  1,Chỉ đạo,2,,,\n\
                  1.1,Kế hoạch,1,Đúng hạn=1; Chậm=0.5,Trước 15/01,\n\
                  1.2,Báo cáo,1,,,SNGV BDT\n";
        let a = set_from_csv(Path::new("en.csv"), en, header()).unwrap();
        let b = set_from_csv(Path::new("vi.csv"), vi, header()).unwrap();
        assert_eq!(a, b);
        let nd = vi.replace("Tiêu chí", "Nội dung");
        assert_eq!(set_from_csv(Path::new("vi.csv"), &nd, header()).unwrap(), a);
        // A bad cell under a Vietnamese head is still pointed at by line and column.
        let bad = vi.replace("1.2,Báo cáo,1,", "1.2,Báo cáo,một,");
        let err = set_from_csv(Path::new("vi.csv"), &bad, header()).unwrap_err();
        let (place, _) = &err.problems[0];
        let place = place.as_ref().unwrap();
        assert_eq!((place.line, place.column), (4, 3));
    }
}
