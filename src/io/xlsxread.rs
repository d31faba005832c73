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

use super::csvread::{Columns, Row, RowSource, clean_cell, column_alias, match_header};
use super::problem::{FileError, Place, Problem};
use super::xlsxguard::{self, Damage, LIMITS, Limits, TooLarge};
use crate::domain::Points;
use calamine::{Data, DataRef, Reader, Xlsx};
use std::collections::HashMap;
use std::path::Path;

/// Whether a path names a workbook: by its extension, or by its first bytes (an `.xlsx`
/// renamed `.csv` is read as the workbook it is, not called a text in another encoding).
pub fn is_workbook(path: &Path) -> bool {
    matches!(
        extension(path).as_deref(),
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
    ) || zip_inside(path)
}

/// Whether the file starts as a zip does (an `.xlsx` is one).
fn zip_inside(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == *b"PK\x03\x04"
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
    } else if x.abs() >= 1e15 {
        format!("{x:e}")
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
            // Beyond a billion points: too large, whatever its decimals.
            Kind::Points if x.is_finite() && x.abs() >= 1e9 => Err(Problem::BadPoints {
                text: number_text(*x),
                why: crate::domain::PointsError::TooLarge,
            }),
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
    open_with_origin(path, sheet, columns).map(|(rows, _)| rows)
}

/// [`open`], with what the ledger records of the file. The file is read once, into memory,
/// no further than the bound on what its parts may inflate to ([`Limits::total_bytes`]): a
/// link to `/dev/zero` named `.xlsx` is refused without reading on.
pub fn open_with_origin(
    path: &Path,
    sheet: Option<&str>,
    columns: Columns<'_>,
) -> Result<(SheetRows, crate::domain::seal::Origin), FileError> {
    let fail = |p: Problem| FileError::one(path, None, p);
    match extension(path).as_deref() {
        Some("xlsx" | "xlsm") => {}
        _ if zip_inside(path) => {}
        Some(other) => return Err(fail(Problem::WorkbookFormat(other.to_string()))),
        None => return Err(fail(Problem::WorkbookFormat(String::new()))),
    }
    let bytes = super::read_within(path, LIMITS.total_bytes)?;
    let origin = crate::domain::seal::Origin::of_bytes(&super::file_name(path), &bytes);
    let rows = read(path, std::io::Cursor::new(bytes), sheet, columns)?;
    Ok((rows, origin))
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
    mut reader: R,
    sheet: Option<&str>,
    columns: Columns<'_>,
) -> Result<SheetRows, FileError> {
    read_within(path, &mut reader, sheet, columns, &LIMITS)
}

/// Reads a workbook within `limits`: looked over first ([`xlsxguard::check`]), then its
/// sheet's cells kept sparse (never a dense range over the cells' extent).
pub fn read_within<R: std::io::Read + std::io::Seek>(
    path: &Path,
    reader: &mut R,
    sheet: Option<&str>,
    columns: Columns<'_>,
    limits: &Limits,
) -> Result<SheetRows, FileError> {
    let fail = |p: Problem| FileError::one(path, None, p);
    xlsxguard::check(path, reader, limits)?;
    let mut book =
        Xlsx::new(&mut *reader).map_err(|_| fail(Problem::NotWorkbook(Damage::Damaged)))?;
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
            .ok_or_else(|| fail(Problem::NotWorkbook(Damage::NoSheet)))?,
    };
    match read_cells(path, &mut book, &name, limits)? {
        Some(cells) => SheetRows::new(path, &name, cells, columns),
        None => {
            // An error value calamine does not know: each such cell reported at its place.
            drop(book);
            let found = xlsxguard::unknown_errors(reader, limits);
            let mut err = FileError::new(path).in_sheet(&name);
            for (_, row, col, value) in &found.unknown_errors {
                err.push(
                    Some(Place::at(*row, *col)),
                    Problem::ExcelError(value.clone()),
                );
            }
            if err.is_empty() {
                err.push(None, Problem::NotWorkbook(Damage::Damaged));
            }
            Err(err)
        }
    }
}

/// A cell kept: its row and column (0-based) and value.
type Kept = (u32, u32, Data);

/// The cells with a value of sheet `name`, sorted by row then column, within `limits`; none
/// when a cell holds an error value calamine does not know.
fn read_cells<R: std::io::Read + std::io::Seek>(
    path: &Path,
    book: &mut Xlsx<R>,
    name: &str,
    limits: &Limits,
) -> Result<Option<Vec<Kept>>, FileError> {
    let in_sheet = |e: FileError| e.in_sheet(name);
    let too_large = |place: Option<Place>, t: TooLarge| {
        in_sheet(FileError::one(path, place, Problem::WorkbookTooLarge(t)))
    };
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(r) => r,
        Err(_) => {
            return Err(FileError::one(
                path,
                None,
                Problem::NotWorkbook(Damage::Damaged),
            ));
        }
    };
    let mut cells: Vec<Kept> = Vec::new();
    let mut text = 0usize;
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(calamine::XlsxError::CellError(_)) => return Ok(None),
            Err(_) => {
                return Err(FileError::one(
                    path,
                    None,
                    Problem::NotWorkbook(Damage::Damaged),
                ));
            }
        };
        let (row, col) = cell.get_position();
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let place = || Some(Place::at(row as usize + 1, col as usize + 1));
        if col >= limits.columns {
            return Err(too_large(
                place(),
                TooLarge::Column {
                    last: super::problem::column_letters(limits.columns as usize),
                },
            ));
        }
        if cells.len() >= limits.cells {
            return Err(too_large(place(), TooLarge::Cells { max: limits.cells }));
        }
        text += match value {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 0,
        };
        if text > limits.text_bytes {
            return Err(too_large(
                place(),
                TooLarge::Text {
                    max_mb: limits.text_bytes >> 20,
                },
            ));
        }
        cells.push((row, col, value.clone().into()));
    }
    cells.sort_by_key(|&(r, c, _)| (r, c));
    Ok(Some(cells))
}

/// The data rows of a sheet under its header row, read one at a time (see [`RowSource`]).
pub struct SheetRows {
    sheet: String,
    /// The sheet's cells with a value, by row then column.
    cells: Vec<Kept>,
    /// The first column holding a value (0-based).
    col0: usize,
    /// Column name → position (A is 0).
    columns: HashMap<&'static str, usize>,
    /// Each column's name, by position; none for a column without a name.
    names: Vec<Option<&'static str>>,
    /// The sheet's row (1-based) of the header, and the next cell to read (its index in
    /// `cells`).
    header_line: usize,
    /// Where the header row starts in `cells`.
    header_at: usize,
    next: usize,
    rows: usize,
    err: FileError,
}

/// The cells of the row starting at `cells[at]`, and where the next row starts.
fn row_at(cells: &[Kept], at: usize) -> (&[Kept], usize) {
    let row = cells[at].0;
    let len = cells[at..].iter().take_while(|c| c.0 == row).count();
    (&cells[at..at + len], at + len)
}

/// A row's cells by absolute position, `f` applied to each (positions without a cell get
/// the default).
fn by_position<T: Default + Clone>(row: &[Kept], f: impl Fn(&Data) -> T) -> Vec<T> {
    let width = row.last().map_or(0, |c| c.1 as usize + 1);
    let mut out = vec![T::default(); width];
    for (_, c, d) in row {
        out[*c as usize] = f(d);
    }
    out
}

impl SheetRows {
    fn new(
        path: &Path,
        sheet: &str,
        cells: Vec<Kept>,
        columns: Columns<'_>,
    ) -> Result<SheetRows, FileError> {
        let mut err = FileError::new(path).in_sheet(sheet);
        let col0 = cells.iter().map(|c| c.1 as usize).min().unwrap_or(0);
        let empty = || FileError::one(path, Some(Place::at(1, 1)), Problem::Empty).in_sheet(sheet);
        if cells.iter().all(|c| blank(&c.2)) {
            return Err(empty());
        }
        // A row's names, by absolute position.
        let names = |r: &[Kept]| -> Vec<String> {
            let mut out = by_position(r, |c| match c {
                Data::String(s) => s.trim().to_lowercase(),
                _ => String::new(),
            });
            while out.last().is_some_and(|s| s.is_empty()) {
                out.pop();
            }
            out
        };
        let count = |header: &[String]| {
            columns
                .required
                .iter()
                .filter(|c| {
                    header
                        .iter()
                        .any(|h| h == *c || column_alias(h) == Some(**c))
                })
                .count()
        };
        // The first row with every required name; failing that, the one with the most of
        // them, whose missing columns are then reported. (row start, row end, count)
        let mut best: Option<(usize, usize, usize)> = None;
        let mut at = 0;
        while at < cells.len() {
            let (r, next) = row_at(&cells, at);
            let n = count(&names(r));
            if n == columns.required.len() {
                best = Some((at, next, n));
                break;
            }
            if n > 0 && best.is_none_or(|(_, _, m)| n > m) {
                best = Some((at, next, n));
            }
            at = next;
        }
        let Some((header_at, after_header, _)) = best else {
            return Err(FileError::one(
                path,
                None,
                Problem::NoHeaderRow {
                    sheet: sheet.to_string(),
                    columns: columns.required.iter().map(|c| c.to_string()).collect(),
                },
            ));
        };
        let header_line = cells[header_at].0 as usize + 1;
        let header: Vec<String> = {
            let mut out = by_position(&cells[header_at..after_header], |c| {
                cell_text(c, Kind::Text).unwrap_or_default()
            });
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
        let width = cells.iter().map(|c| c.1 as usize + 1).max().unwrap_or(0);
        let mut names = vec![None; width];
        for (&name, &i) in &found {
            names[i] = Some(name);
        }
        Ok(SheetRows {
            sheet: sheet.to_string(),
            cells,
            col0,
            columns: found,
            names,
            header_line,
            header_at,
            next: after_header,
            rows: 0,
            err,
        })
    }
}

impl SheetRows {
    /// The file the sheet is read from.
    pub fn path(&self) -> &Path {
        &self.err.file
    }

    /// The sheet's name.
    pub fn sheet_name(&self) -> &str {
        &self.sheet
    }

    /// How many columns the sheet spans (A is 0): a column past them is free.
    pub fn width(&self) -> usize {
        self.names.len()
    }

    /// The rows above the header row that hold something (a title, a header block of
    /// `key | value` rows): each row's number, the column of its first cell (1-based) and
    /// the text of its cells from that one on.
    pub fn above(&self) -> Vec<(usize, usize, Vec<String>)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < self.header_at {
            let (r, next) = row_at(&self.cells, at);
            at = next;
            let Some(first) = r.iter().find(|c| !blank(&c.2)) else {
                continue;
            };
            let texts = by_position(r, |d| cell_text(d, Kind::Text).unwrap_or_default());
            out.push((
                first.0 as usize + 1,
                first.1 as usize + 1,
                texts[first.1 as usize..].to_vec(),
            ));
        }
        out
    }
}

impl RowSource for SheetRows {
    fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    fn next_row(&mut self, row: &mut Row) -> bool {
        let width = self.names.len();
        while self.next < self.cells.len() {
            let (at, next) = (self.next, row_at(&self.cells, self.next).1);
            self.next = next;
            let cells = &self.cells[at..next];
            if cells.iter().all(|c| blank(&c.2)) {
                continue;
            }
            let line = cells[0].0 as usize + 1;
            row.reset(line, width);
            let mut good = true;
            for (_, c, data) in cells {
                let at = *c as usize;
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
            return Err(FileError::one(
                &self.err.file,
                Some(Place::at(self.header_line + 1, self.col0 + 1)),
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
