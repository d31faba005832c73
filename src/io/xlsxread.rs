//! Reading a sheet of an Excel workbook (`.xlsx`, with `calamine`) as the rows the CSV
//! importers check: the same columns matched by name, the same rules, every problem placed
//! at its cell (`Sheet1!C12`).
//!
//! What a cell becomes depends on its column:
//! - a code (`unit`, `item`, `code`, `group`): text as written; a whole number as its digits;
//!   any other number is refused (Excel turns the code `7.10` into the number 7.1, which could
//!   be `7.1` or `7.10`), and so is a date (`1.1` turned into the first of January);
//! - points (`score`, `index`): text as written (`0,5` as in CSV); a number only when it is an
//!   exact hundredth, within the float's own error (see [`exact_hundredths`]): 0.5 is 0.50,
//!   0.3333 is refused, never rounded; a date is refused;
//! - `year`: a whole number; a date is refused;
//! - `ranked`: TRUE/FALSE as yes/no;
//! - any other text (names, notes, evidence, explanations): text as written, a number in its
//!   shortest form, a date as `dd/mm/yyyy`.
//!
//! A formula counts by the value Excel saved with it; an error value (`#DIV/0!`) is refused.
//! The header row is the first row with every required column name (title rows above it are
//! skipped); blank rows are skipped.

use super::csvread::{Columns, Row, RowSource, clean_cell, match_header};
use super::problem::{FileError, Place, Problem};
use crate::domain::Points;
use calamine::{Data, Range, Reader, Xlsx};
use std::collections::HashMap;
use std::io::BufReader;
use std::path::Path;

/// Whether a path names a workbook (by its extension).
pub fn is_workbook(path: &Path) -> bool {
    matches!(
        extension(path).as_deref(),
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
    )
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

/// What kind of value a column holds, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Code,
    Points,
    Year,
    YesNo,
    Text,
}

fn kind_of(name: &str) -> Kind {
    match name {
        "unit" | "item" | "code" | "group" | "field" => Kind::Code,
        "score" | "index" | "max" | "percent" => Kind::Points,
        "year" => Kind::Year,
        "ranked" => Kind::YesNo,
        _ => Kind::Text,
    }
}

/// The hundredths a float stands for, when it is one exactly up to the float's own error:
/// `|x·100 − round(x·100)| ≤ 10⁻⁹ · max(1, |x·100|)`. A score typed as 0.5 or computed as
/// 0.1 + 0.2 passes; 0.3333 or 1/3 does not. Beyond a billion points: none.
pub fn exact_hundredths(x: f64) -> Option<i64> {
    let y = x * 100.0;
    if !y.is_finite() || y.abs() > 1e11 {
        return None;
    }
    let r = y.round();
    ((y - r).abs() <= 1e-9 * y.abs().max(1.0)).then_some(r as i64)
}

/// A float as people write it: its digits when it is whole, else its shortest exact form.
fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A date cell as text: `dd/mm/yyyy`, with `hh:mm` when it has a time of day.
fn date_text(d: &calamine::ExcelDateTime) -> String {
    match d.as_datetime() {
        Some(dt) if dt.time() == chrono::NaiveTime::MIN => dt.format("%d/%m/%Y").to_string(),
        Some(dt) => dt.format("%d/%m/%Y %H:%M").to_string(),
        None => number_text(d.as_f64()),
    }
}

/// The text a cell gives to a column of `kind`, or why it gives none.
fn cell_text(data: &Data, kind: Kind) -> Result<String, Problem> {
    let date = |shown: String| match kind {
        Kind::Code => Err(Problem::CodeAsDate(shown)),
        Kind::Text => Ok(shown),
        Kind::Points | Kind::Year | Kind::YesNo => Err(Problem::DateInNumber(shown)),
    };
    match data {
        Data::Empty => Ok(String::new()),
        Data::String(s) => Ok(s.clone()),
        Data::Int(i) => Ok(i.to_string()),
        Data::Float(x) => match kind {
            Kind::Code if x.fract() != 0.0 || x.abs() >= 1e15 => {
                Err(Problem::CodeAsNumber(number_text(*x)))
            }
            Kind::Points => match exact_hundredths(*x) {
                Some(h) => Ok(Points::from_hundredths(h).to_string()),
                None => Err(Problem::InexactNumber(number_text(*x))),
            },
            _ => Ok(number_text(*x)),
        },
        Data::Bool(b) => Ok(match (kind, b) {
            (Kind::YesNo, true) => "yes".into(),
            (Kind::YesNo, false) => "no".into(),
            (_, true) => "TRUE".into(),
            (_, false) => "FALSE".into(),
        }),
        Data::DateTime(d) => date(date_text(d)),
        Data::DateTimeIso(s) | Data::DurationIso(s) => date(s.clone()),
        Data::Error(e) => Err(Problem::ExcelError(e.to_string())),
    }
}

/// Whether a cell holds nothing (or only spaces).
fn blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Opens `path` and reads `sheet` (the first sheet when none is named), for reading against
/// `columns`.
pub fn open(
    path: &Path,
    sheet: Option<&str>,
    columns: Columns<'_>,
) -> Result<SheetRows, FileError> {
    let fail = |p: Problem| FileError::one(path, None, p);
    match extension(path).as_deref() {
        Some("xlsx" | "xlsm") => {}
        Some(other) => return Err(fail(Problem::WorkbookFormat(other.to_string()))),
        None => return Err(fail(Problem::WorkbookFormat(String::new()))),
    }
    let file = std::fs::File::open(path).map_err(|e| fail(Problem::Unreadable(e.to_string())))?;
    read(path, BufReader::new(file), sheet, columns)
}

/// A workbook's bytes, read as `open` reads the file `path` (which only names it in the
/// problems): for the fuzzer, which has bytes and no file.
pub fn from_bytes(
    path: &Path,
    bytes: &[u8],
    sheet: Option<&str>,
    columns: Columns<'_>,
) -> Result<SheetRows, FileError> {
    read(path, std::io::Cursor::new(bytes), sheet, columns)
}

fn read<R: std::io::Read + std::io::Seek>(
    path: &Path,
    reader: R,
    sheet: Option<&str>,
    columns: Columns<'_>,
) -> Result<SheetRows, FileError> {
    let fail = |p: Problem| FileError::one(path, None, p);
    let mut book = Xlsx::new(reader)
        .map_err(|e: calamine::XlsxError| fail(Problem::NotWorkbook(e.to_string())))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(s.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                fail(Problem::UnknownSheet {
                    name: s.to_string(),
                    sheets: names.clone(),
                })
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| fail(Problem::NotWorkbook("no sheet".into())))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| fail(Problem::NotWorkbook(e.to_string())))?;
    SheetRows::new(path, &name, range, columns)
}

/// The data rows of a sheet under its header row, read one at a time (see [`RowSource`]).
pub struct SheetRows {
    sheet: String,
    range: Range<Data>,
    /// Column name → position (A is 0).
    columns: HashMap<&'static str, usize>,
    /// Each column's name, by position; none for a column without a name.
    names: Vec<Option<&'static str>>,
    /// The sheet's row (1-based) of the header, and the next row to read (0-based, within
    /// the range).
    header_line: usize,
    next: usize,
    rows: usize,
    err: FileError,
}

impl SheetRows {
    fn new(
        path: &Path,
        sheet: &str,
        range: Range<Data>,
        columns: Columns<'_>,
    ) -> Result<SheetRows, FileError> {
        let mut err = FileError::new(path).in_sheet(sheet);
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let (row0, col0) = (row0 as usize, col0 as usize);
        let empty = || FileError::one(path, Some(Place::at(1, 1)), Problem::Empty).in_sheet(sheet);
        if range.is_empty() || range.rows().all(|r| r.iter().all(blank)) {
            return Err(empty());
        }
        // A row's names, by absolute position.
        let names = |r: &[Data]| -> Vec<String> {
            let mut out = vec![String::new(); col0];
            out.extend(r.iter().map(|c| match c {
                Data::String(s) => s.trim().to_lowercase(),
                _ => String::new(),
            }));
            while out.last().is_some_and(|s| s.is_empty()) {
                out.pop();
            }
            out
        };
        let count = |header: &[String]| {
            columns
                .required
                .iter()
                .filter(|c| header.iter().any(|h| h == *c))
                .count()
        };
        // The first row with every required name; failing that, the one with the most of
        // them, whose missing columns are then reported.
        let mut best: Option<(usize, usize)> = None;
        for (i, r) in range.rows().enumerate() {
            let n = count(&names(r));
            if n == columns.required.len() {
                best = Some((i, n));
                break;
            }
            if n > 0 && best.is_none_or(|(_, m)| n > m) {
                best = Some((i, n));
            }
        }
        let Some((header_at, _)) = best else {
            return Err(FileError::one(
                path,
                None,
                Problem::NoHeaderRow {
                    sheet: sheet.to_string(),
                    columns: columns.required.iter().map(|c| c.to_string()).collect(),
                },
            ));
        };
        let header_line = row0 + header_at + 1;
        let header: Vec<String> = {
            let mut out = vec![String::new(); col0];
            out.extend(
                range
                    .rows()
                    .nth(header_at)
                    .unwrap_or(&[])
                    .iter()
                    .map(|c| cell_text(c, Kind::Text).unwrap_or_default()),
            );
            while out.last().is_some_and(|s| s.trim().is_empty()) {
                out.pop();
            }
            out
        };
        let found = match_header(&mut err, &header, header_line, columns, |_, name| {
            name.is_empty()
        });
        if !err.is_empty() {
            return Err(err);
        }
        let width = col0 + range.width();
        let mut names = vec![None; width];
        for (&name, &i) in &found {
            names[i] = Some(name);
        }
        Ok(SheetRows {
            sheet: sheet.to_string(),
            range,
            columns: found,
            names,
            header_line,
            next: header_at + 1,
            rows: 0,
            err,
        })
    }
}

impl RowSource for SheetRows {
    fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    fn next_row(&mut self, row: &mut Row) -> bool {
        let (row0, col0) = self.range.start().unwrap_or((0, 0));
        let (row0, col0) = (row0 as usize, col0 as usize);
        let width = self.names.len();
        while self.next < self.range.height() {
            let i = self.next;
            self.next += 1;
            let line = row0 + i + 1;
            let cells: Vec<&Data> = (0..self.range.width())
                .map(|c| self.range.get((i, c)).unwrap_or(&Data::Empty))
                .collect();
            if cells.iter().all(|c| blank(c)) {
                continue;
            }
            row.reset(line, width);
            let mut good = true;
            for (c, data) in cells.into_iter().enumerate() {
                let at = col0 + c;
                let Some(name) = self.names[at] else {
                    if !blank(data) {
                        self.err.push(
                            Some(Place::at(line, at + 1)),
                            Problem::NoColumnName {
                                header_row: self.header_line,
                            },
                        );
                        good = false;
                    }
                    continue;
                };
                let place = Place::cell(line, at + 1, name);
                let text = match cell_text(data, kind_of(name)) {
                    Ok(t) => t,
                    Err(p) => {
                        self.err.push(Some(place), p);
                        good = false;
                        continue;
                    }
                };
                if let Err(p) = clean_cell(&text, row.cell_mut(at)) {
                    self.err.push(Some(place), p);
                    good = false;
                }
            }
            if good {
                self.rows += 1;
                return true;
            }
        }
        false
    }

    fn push(&mut self, place: Place, problem: Problem) {
        self.err.push(Some(place), problem);
    }

    fn has_problems(&self) -> bool {
        !self.err.is_empty()
    }

    fn finish(self) -> Result<(), FileError> {
        if !self.err.is_empty() {
            return Err(self.err);
        }
        if self.rows == 0 {
            let (_, col0) = self.range.start().unwrap_or((0, 0));
            return Err(FileError::one(
                &self.err.file,
                Some(Place::at(self.header_line + 1, col0 as usize + 1)),
                Problem::HeaderOnly,
            )
            .in_sheet(&self.sheet));
        }
        Ok(())
    }

    fn columns(&self) -> HashMap<&'static str, usize> {
        self.columns.clone()
    }

    fn sheet(&self) -> Option<String> {
        Some(self.sheet.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_float_is_points_only_when_it_is_an_exact_hundredth() {
        assert_eq!(exact_hundredths(0.5), Some(50));
        assert_eq!(exact_hundredths(0.1 + 0.2), Some(30));
        assert_eq!(exact_hundredths(63.37), Some(6337));
        assert_eq!(exact_hundredths(-0.25), Some(-25));
        assert_eq!(exact_hundredths(123456.78), Some(12345678));
        assert_eq!(exact_hundredths(0.3333), None);
        assert_eq!(exact_hundredths(1.0 / 3.0), None);
        assert_eq!(exact_hundredths(0.125), None);
        assert_eq!(exact_hundredths(f64::NAN), None);
        assert_eq!(exact_hundredths(1e300), None);
    }

    #[test]
    fn a_cell_becomes_text_by_its_column() {
        let f = |x: f64, k| cell_text(&Data::Float(x), k);
        assert_eq!(f(0.5, Kind::Points), Ok("0.5".into()));
        assert_eq!(f(2.0, Kind::Points), Ok("2".into()));
        assert_eq!(
            f(0.3333, Kind::Points),
            Err(Problem::InexactNumber("0.3333".into()))
        );
        assert_eq!(f(7.1, Kind::Code), Err(Problem::CodeAsNumber("7.1".into())));
        assert_eq!(f(3.0, Kind::Code), Ok("3".into()));
        assert_eq!(f(2021.0, Kind::Year), Ok("2021".into()));
        assert_eq!(f(0.1, Kind::Text), Ok("0.1".into()));
        assert_eq!(cell_text(&Data::Bool(false), Kind::YesNo), Ok("no".into()));
        assert_eq!(
            cell_text(&Data::String("0,5".into()), Kind::Points),
            Ok("0,5".into())
        );
    }

    #[test]
    fn columns_are_lettered_as_in_excel() {
        use crate::io::problem::column_letters;
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
    }
}
