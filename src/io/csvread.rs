//! Reading a CSV file with a header row into cells matched by column name, with every
//! problem located by line and column. Nothing here knows what the columns mean.

use super::problem::{FileError, Place, Problem, line_col};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The longest text a cell may hold.
pub const MAX_CELL: usize = 10_000;
/// The most bytes one record (a line, or the lines of a quoted cell) may take: ten times a
/// row of a dozen cells at their longest. Checked as the bytes stream by, before the CSV
/// reader buffers the record.
pub const MAX_RECORD: usize = 1 << 20;
/// The largest file read whole (units, survey, history, explanations, criteria).
pub const MAX_TEXT_FILE: u64 = 64 << 20;
/// The largest self-scores file, read as a stream (the national scale is 66 MB).
pub const MAX_STREAM_FILE: u64 = 1 << 30;

/// Where the first record longer than [`MAX_RECORD`] starts in `bytes` (line, column 1).
fn long_record(bytes: &[u8]) -> Option<Place> {
    Records::default().follow(bytes)
}

/// The records of CSV bytes followed as they come (LF line ends), quotes followed so that a
/// quoted cell's line breaks stay inside its record: the one bound on a record, for a text
/// read whole and for a file read as a stream.
#[derive(Debug, Clone, Copy)]
struct Records {
    quoted: bool,
    /// The line the next byte is on, and the first line of the record being followed.
    line: usize,
    record_line: usize,
    /// The record's bytes so far.
    record_len: usize,
}

impl Default for Records {
    fn default() -> Records {
        Records {
            quoted: false,
            line: 1,
            record_line: 1,
            record_len: 0,
        }
    }
}

impl Records {
    /// Follows `bytes`: where the record that goes over [`MAX_RECORD`] in them starts.
    fn follow(&mut self, bytes: &[u8]) -> Option<Place> {
        for &b in bytes {
            self.record_len += 1;
            if self.record_len > MAX_RECORD {
                return Some(Place::at(self.record_line, 1));
            }
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' => {
                    self.line += 1;
                    if !self.quoted {
                        self.record_len = 0;
                        self.record_line = self.line;
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// Whether the bytes look like UTF-16 without a byte order mark: text in a Latin script
/// saved as UTF-16 has a NUL in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    (even == pairs && odd < pairs / 4) || (odd == pairs && even < pairs / 4)
}

/// Decodes a file's bytes as UTF-8 (a leading BOM is dropped), or says why it cannot:
/// UTF-16 (with or without its byte order mark), a NUL byte, or bytes that are not UTF-8.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, FileError> {
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || looks_like_utf16(bytes)
    {
        return Err(FileError::one(path, Some(Place::at(1, 1)), Problem::Utf16));
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let (valid, problem) = match std::str::from_utf8(body) {
        Ok(s) => match s.find('\0') {
            None => return Ok(s.to_string()),
            Some(at) => (at, Problem::NulByte),
        },
        Err(e) => (e.valid_up_to(), Problem::NotUtf8),
    };
    let good = std::str::from_utf8(&body[..valid]).unwrap_or("");
    let (line, col) = line_col(good, good.len());
    Err(FileError::one(path, Some(Place::at(line, col)), problem))
}

/// Reads a whole file, refusing one that cannot be read as text, one over
/// [`MAX_TEXT_FILE`] (read no further: `/dev/zero` ends) and one with a record over
/// [`MAX_RECORD`].
pub fn read_text(path: &Path) -> Result<String, FileError> {
    text_of(path, &read_bytes(path)?)
}

/// [`read_text`], with what the ledger records of the file (its name and the SHA-256 of the
/// bytes read): the file read once, its bytes hashed within their bound.
pub fn read_text_with_origin(
    path: &Path,
) -> Result<(String, crate::domain::seal::Origin), FileError> {
    let bytes = read_bytes(path)?;
    let origin = crate::domain::seal::Origin::of_bytes(&super::file_name(path), &bytes);
    Ok((text_of(path, &bytes)?, origin))
}

/// A file's bytes, read no further than [`MAX_TEXT_FILE`]: a larger file (or `/dev/zero`)
/// is refused.
fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    super::read_within(path, MAX_TEXT_FILE)
}

/// The text of a file's bytes, refusing one that is not text and one with a record over
/// [`MAX_RECORD`].
fn text_of(path: &Path, bytes: &[u8]) -> Result<String, FileError> {
    let text = decode(path, bytes)?;
    if let Some(place) = long_record(text.as_bytes()) {
        return Err(FileError::one(
            path,
            Some(place),
            Problem::RecordTooLong {
                max_kb: MAX_RECORD >> 10,
            },
        ));
    }
    Ok(text)
}

/// One data row: its line number and its cells by column position.
///
/// In a CSV file the line is the file's line and the position the field's; in a sheet of a
/// workbook they are the sheet's row number and column (A is position 0), so that a place
/// reads the same either way.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub line: usize,
    cells: Vec<String>,
}

/// The columns an import expects: every `required` one must be there, the `optional` ones
/// may be, any other is refused.
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a> {
    pub required: &'a [&'static str],
    pub optional: &'a [&'static str],
}

/// Rows read and checked against a header, one at a time, from a CSV file or a sheet of a
/// workbook: what the importers check, so that their rules are written once for both.
pub trait RowSource {
    /// The position of a column, when the file has it.
    fn column(&self, name: &str) -> Option<usize>;
    /// Reads the next good row into `row`; a row that cannot be read is reported and
    /// skipped. False at the end.
    fn next_row(&mut self, row: &mut Row) -> bool;
    /// Adds a problem found in a row (by the caller that checks what the cells mean).
    fn push(&mut self, place: Place, problem: Problem);
    fn has_problems(&self) -> bool;
    /// The end: every problem found, or none. A table with no data row is refused.
    fn finish(self) -> Result<(), FileError>;
    /// The columns found, by name.
    fn columns(&self) -> HashMap<&'static str, usize>;
    /// The sheet the rows come from (none for a CSV file).
    fn sheet(&self) -> Option<String> {
        None
    }
}

/// A table read whole against its expected columns, from a CSV file or a sheet.
#[derive(Debug)]
pub struct Table {
    /// Column name → position in the file.
    columns: HashMap<&'static str, usize>,
    pub rows: Vec<Row>,
    /// The sheet it was read from, for a workbook.
    pub sheet: Option<String>,
}

impl Table {
    /// The trimmed text of a column in a row (empty when the column is absent), and where
    /// it is.
    pub fn cell<'a>(&self, row: &'a Row, name: &'static str) -> (&'a str, Place) {
        match self.columns.get(name) {
            Some(&i) => (
                row.cells.get(i).map_or("", |s| s.trim()),
                Place::cell(row.line, i + 1, name),
            ),
            None => ("", Place::cell(row.line, 0, name)),
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.columns.contains_key(name)
    }

    /// Reads every row of a source; a row that cannot be read refuses the table before
    /// what the cells mean is checked.
    pub fn read(source: impl RowSource) -> Result<Table, FileError> {
        Table::read_at_most(source, usize::MAX, || Problem::Empty)
    }

    /// [`Table::read`], refusing the table at its row number `max + 1` with `beyond`: the rows
    /// after it are not read (a set of a million items is refused before it costs memory).
    pub fn read_at_most(
        mut source: impl RowSource,
        max: usize,
        beyond: impl Fn() -> Problem,
    ) -> Result<Table, FileError> {
        let mut rows = Vec::new();
        let mut row = Row::default();
        while source.next_row(&mut row) {
            if rows.len() == max {
                // A pushed problem makes `finish` refuse the table.
                source.push(Place::at(row.line, 1), beyond());
                break;
            }
            rows.push(row.clone());
        }
        let columns = source.columns();
        let sheet = source.sheet();
        source.finish()?;
        Ok(Table {
            columns,
            rows,
            sheet,
        })
    }

    /// An empty report of problems for this table's file (naming its sheet, if any).
    pub fn problems(&self, path: &Path) -> FileError {
        let mut e = FileError::new(path);
        e.sheet.clone_from(&self.sheet);
        e
    }
}

/// Matches a header row's names against the expected columns: each known name's position,
/// every problem pushed to `err` at `line`. `skip` says which cells without a known name are
/// tolerated (a trailing empty one in CSV, any empty one in a sheet).
/// The column a Vietnamese header names, as a province's own table heads it (a criteria
/// annex: Mã, Nội dung or Tiêu chí, Điểm tối đa, Các mức điểm, Hướng dẫn chấm, Không áp dụng
/// cho). `name` is lower case; it is compared in NFC.
pub(crate) fn column_alias(name: &str) -> Option<&'static str> {
    let name = crate::domain::text::nfc(name);
    Some(match name.as_str() {
        "mã" => "code",
        "nội dung" | "tiêu chí" => "title",
        "điểm tối đa" => "max",
        "các mức điểm" | "mức điểm" => "options",
        "hướng dẫn chấm" | "hướng dẫn" => "guidance",
        "không áp dụng cho" => "not_applicable_for",
        // A unit's self-assessment workbook (`export self-assessment`).
        "điểm tự chấm" => "score",
        "ghi chú" => "note",
        "tài liệu kiểm chứng" | "kiểm chứng" => "evidence",
        // A unit's replies to the explanation requests (`export explanation-requests`).
        "giải trình" => "explanation",
        "nhận xét của hội đồng" => "comment",
        _ => return None,
    })
}

pub(crate) fn match_header(
    err: &mut FileError,
    header: &[String],
    line: usize,
    columns: Columns<'_>,
    skip: impl Fn(usize, &str) -> bool,
) -> HashMap<&'static str, usize> {
    let mut found: HashMap<&'static str, usize> = HashMap::new();
    for (i, raw) in header.iter().enumerate() {
        let name = raw.trim().trim_start_matches('\u{feff}').to_lowercase();
        let name = column_alias(&name).unwrap_or(&name);
        let known = columns
            .required
            .iter()
            .chain(columns.optional)
            .find(|c| **c == name);
        match known {
            Some(&c) => {
                if found.insert(c, i).is_some() {
                    err.push(
                        Some(Place::at(line, i + 1)),
                        Problem::DuplicateColumn(c.to_string()),
                    );
                }
            }
            None if skip(i, name) => {}
            None => err.push(
                Some(Place::at(line, i + 1)),
                Problem::UnknownColumn(raw.trim().to_string()),
            ),
        }
    }
    for c in columns.required {
        if !found.contains_key(c) {
            err.push(
                Some(Place::at(line, header.len() + 1)),
                Problem::MissingColumn(c.to_string()),
            );
        }
    }
    found
}

/// A cell's text as the importers keep it: in NFC, and not longer than [`MAX_CELL`].
pub(crate) fn clean_cell(text: &str, out: &mut String) -> Result<(), Problem> {
    out.clear();
    if text.len() > MAX_CELL && text.chars().count() > MAX_CELL {
        return Err(Problem::TooLong { max: MAX_CELL });
    }
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        out.push_str(text);
    } else {
        out.extend(text.nfc());
    }
    Ok(())
}

/// Reads `path` as CSV with a header row. Every `required` column must be there; the
/// `optional` ones may be; any other column is refused. Text is kept in NFC.
pub fn parse_table(
    path: &Path,
    text: &str,
    required: &[&'static str],
    optional: &[&'static str],
) -> Result<Table, FileError> {
    parse_table_at_most(path, text, required, optional, usize::MAX, || {
        Problem::Empty
    })
}

/// [`parse_table`] with at most `max` rows: the next one is refused with `beyond`.
pub fn parse_table_at_most(
    path: &Path,
    text: &str,
    required: &[&'static str],
    optional: &[&'static str],
    max: usize,
    beyond: impl Fn() -> Problem,
) -> Result<Table, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::one(path, Some(Place::at(1, 1)), Problem::Empty));
    }
    // CRLF, and a lone CR (old Mac line ends), become LF first: the csv crate counts lines
    // by LF only.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Table::read_at_most(
        TableReader::new(path, text.as_bytes(), required, optional)?,
        max,
        beyond,
    )
}

/// Reads a CSV source row by row against its expected columns, keeping every problem found.
/// The header is checked when it is opened; the rows come one at a time into a reused `Row`,
/// so a file of any size is read in a small, fixed amount of memory.
pub struct TableReader<R: Read> {
    path: PathBuf,
    reader: csv::Reader<R>,
    record: csv::ByteRecord,
    /// Column name → position in the file.
    columns: HashMap<&'static str, usize>,
    width: usize,
    rows: usize,
    err: FileError,
}

impl<R: Read> TableReader<R> {
    /// Reads and checks the header. The source must be UTF-8 with LF line ends (see
    /// [`FileSource`] for a file as it comes).
    pub fn new(
        path: &Path,
        source: R,
        required: &[&'static str],
        optional: &[&'static str],
    ) -> Result<TableReader<R>, FileError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(source);
        let mut err = FileError::new(path);
        let mut record = csv::ByteRecord::new();
        let header = match reader.read_byte_record(&mut record) {
            Ok(true) => record
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>(),
            Ok(false) => return Err(FileError::one(path, Some(Place::at(1, 1)), Problem::Empty)),
            Err(e) => {
                return Err(FileError::one(
                    path,
                    Some(Place::at(1, 1)),
                    Problem::Syntax(e.to_string()),
                ));
            }
        };
        if is_blank(&record) {
            // Only blank lines, as far as the file goes, is an empty file.
            let mut rest_blank = true;
            while let Ok(true) = reader.read_byte_record(&mut record) {
                if !is_blank(&record) {
                    rest_blank = false;
                    break;
                }
            }
            if rest_blank {
                return Err(FileError::one(path, Some(Place::at(1, 1)), Problem::Empty));
            }
        }
        let width = header.len();
        let columns = match_header(
            &mut err,
            &header,
            1,
            Columns { required, optional },
            // A trailing comma on the header line: an empty last column is tolerated.
            |i, name| name.is_empty() && width > 1 && i + 1 == width,
        );
        if !err.is_empty() {
            return Err(err);
        }
        Ok(TableReader {
            path: path.to_path_buf(),
            reader,
            record,
            columns,
            width: header.len(),
            rows: 0,
            err,
        })
    }

    /// The position of a column in the file, when the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    /// Reads the next good row into `row` (its cells trimmed of nothing, in NFC). Rows with
    /// the wrong number of cells or broken quoting are reported and skipped; blank lines are
    /// skipped. False at the end of the source.
    pub fn next_row(&mut self, row: &mut Row) -> bool {
        loop {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return false,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    self.err
                        .push(Some(Place::at(line, 1)), Problem::Syntax(e.to_string()));
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        return false;
                    }
                    continue;
                }
            }
            let rec = &self.record;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            if is_blank(rec) {
                continue; // a blank line
            }
            if rec.len() != self.width {
                self.err.push(
                    Some(Place::at(line, rec.len().min(self.width) + 1)),
                    Problem::FieldCount {
                        expected: self.width,
                        found: rec.len(),
                    },
                );
                continue;
            }
            row.line = line;
            row.cells.resize_with(self.width, String::new);
            for (i, (cell, raw)) in row.cells.iter_mut().zip(rec.iter()).enumerate() {
                cell.clear();
                let Ok(text) = std::str::from_utf8(raw) else {
                    self.err
                        .push(Some(Place::at(line, i + 1)), Problem::NotUtf8);
                    continue;
                };
                if let Err(p) = clean_cell(text, cell) {
                    self.err.push(Some(Place::at(line, i + 1)), p);
                }
            }
            self.rows += 1;
            return true;
        }
    }

    /// Adds a problem found in a row (by the caller that checks what the cells mean).
    pub fn push(&mut self, place: Place, problem: Problem) {
        self.err.push(Some(place), problem);
    }

    pub fn has_problems(&self) -> bool {
        !self.err.is_empty()
    }

    /// The end of the file: every problem found, or none. A file with no data row is refused.
    pub fn finish(self) -> Result<(), FileError> {
        if !self.err.is_empty() {
            return Err(self.err);
        }
        if self.rows == 0 {
            return Err(FileError::one(
                &self.path,
                Some(Place::at(2, 1)),
                Problem::HeaderOnly,
            ));
        }
        Ok(())
    }
}

impl<R: Read> RowSource for TableReader<R> {
    fn column(&self, name: &str) -> Option<usize> {
        TableReader::column(self, name)
    }

    fn next_row(&mut self, row: &mut Row) -> bool {
        TableReader::next_row(self, row)
    }

    fn push(&mut self, place: Place, problem: Problem) {
        TableReader::push(self, place, problem);
    }

    fn has_problems(&self) -> bool {
        TableReader::has_problems(self)
    }

    fn finish(self) -> Result<(), FileError> {
        TableReader::finish(self)
    }

    fn columns(&self) -> HashMap<&'static str, usize> {
        self.columns.clone()
    }
}

/// A line with nothing but spaces.
fn is_blank(rec: &csv::ByteRecord) -> bool {
    rec.len() == 1
        && rec
            .get(0)
            .is_some_and(|c| std::str::from_utf8(c).is_ok_and(|s| s.trim().is_empty()))
}

impl Row {
    /// Makes room for `width` cells, all empty, on `line`; the cells are then filled with
    /// [`Row::cell_mut`].
    pub(crate) fn reset(&mut self, line: usize, width: usize) {
        self.line = line;
        self.cells.resize_with(width, String::new);
        for c in &mut self.cells {
            c.clear();
        }
    }

    pub(crate) fn cell_mut(&mut self, column: usize) -> &mut String {
        &mut self.cells[column]
    }

    /// Puts `text` in the cell at `column`, widening the row when it is beyond its end.
    pub(crate) fn put(&mut self, column: usize, text: &str) {
        if self.cells.len() <= column {
            self.cells.resize_with(column + 1, String::new);
        }
        self.cells[column].clear();
        self.cells[column].push_str(text);
    }

    /// The trimmed text of the cell at `column` (empty when the file has no such column).
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }
}

/// A file as it comes, made ready for [`TableReader`]: a leading BOM dropped, CRLF turned
/// into LF, and every byte checked to be UTF-8 on the way. Reading stops at the first byte
/// that is not UTF-8; [`FileSource::problem`] then says where it is, as `decode` would.
pub struct FileSource<R: Read> {
    inner: R,
    /// What the last read of `inner` brought.
    raw: Vec<u8>,
    buf: Vec<u8>,
    /// Bytes of `buf` handed on; `start..end` is what is left to hand on.
    start: usize,
    end: usize,
    /// Bytes at the end of the last chunk that may begin a character or a CRLF.
    carry: Vec<u8>,
    first: bool,
    /// Lines seen before the current chunk and characters since the last line end.
    line: usize,
    col: usize,
    problem: Option<(Place, Problem)>,
    /// Where the first NUL byte is.
    nul: Option<Place>,
    done: bool,
    /// The records passed on, and the bytes passed on in all.
    records: Records,
    total: u64,
}

impl<R: Read> FileSource<R> {
    pub fn new(inner: R) -> FileSource<R> {
        FileSource {
            inner,
            raw: Vec::new(),
            buf: Vec::with_capacity(1 << 16),
            start: 0,
            end: 0,
            carry: Vec::new(),
            first: true,
            line: 1,
            col: 1,
            problem: None,
            nul: None,
            done: false,
            records: Records::default(),
            total: 0,
        }
    }

    /// Follows the records through `chunk` (LF line ends): the
    /// place of a record over [`MAX_RECORD`], or of the file once over [`MAX_STREAM_FILE`].
    fn bound(&mut self, chunk: &[u8]) -> Option<(Place, Problem)> {
        self.total += chunk.len() as u64;
        if self.total > MAX_STREAM_FILE {
            return Some((
                Place::at(self.records.line, 1),
                Problem::FileTooLarge {
                    max_mb: MAX_STREAM_FILE >> 20,
                },
            ));
        }
        let place = self.records.follow(chunk)?;
        Some((
            place,
            Problem::RecordTooLong {
                max_kb: MAX_RECORD >> 10,
            },
        ))
    }

    /// What is wrong with the bytes of the file, as `decode` would say: UTF-16, bytes that
    /// are not UTF-8 (reading stops there), a NUL byte, or a read error.
    pub fn problem(&self) -> Option<(Place, Problem)> {
        self.problem
            .clone()
            .or_else(|| self.nul.clone().map(|place| (place, Problem::NulByte)))
    }

    /// Reads the next chunk into `buf`, checked and with CRLF made LF.
    fn fill(&mut self) -> std::io::Result<()> {
        if self.raw.is_empty() {
            self.raw = vec![0; 1 << 16];
        }
        let n = loop {
            match self.inner.read(&mut self.raw) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.problem = Some((Place::at(self.line, 1), Problem::Unreadable(e.into())));
                    self.done = true;
                    return Ok(());
                }
            }
        };
        let mut chunk = std::mem::take(&mut self.carry);
        chunk.extend_from_slice(&self.raw[..n]);
        let eof = n == 0;
        if self.first {
            // Enough of the start to recognise UTF-16 as `decode` does.
            if chunk.len() < 64 && !eof {
                self.carry = chunk;
                return Ok(());
            }
            self.first = false;
            if chunk.starts_with(&[0xFF, 0xFE])
                || chunk.starts_with(&[0xFE, 0xFF])
                || looks_like_utf16(&chunk)
            {
                self.problem = Some((Place::at(1, 1), Problem::Utf16));
                self.done = true;
                return Ok(());
            }
            if chunk.starts_with(&[0xEF, 0xBB, 0xBF]) {
                chunk.drain(..3);
            }
        }
        // Keep back an unfinished character and a CR that may be followed by LF.
        let mut keep = 0;
        let valid = match std::str::from_utf8(&chunk) {
            Ok(_) => chunk.len(),
            Err(e) if e.error_len().is_none() && !eof => {
                keep = chunk.len() - e.valid_up_to();
                e.valid_up_to()
            }
            Err(e) => {
                let good = &chunk[..e.valid_up_to()];
                let (line, col) = self.advance(good);
                self.problem = Some((Place::at(line, col), Problem::NotUtf8));
                self.done = true;
                return Ok(());
            }
        };
        if !eof && keep == 0 && valid > 0 && chunk[valid - 1] == b'\r' {
            keep += 1;
        }
        let cut = chunk.len() - keep;
        self.carry = chunk.split_off(cut);
        if self.nul.is_none()
            && let Some(at) = chunk.iter().position(|&b| b == 0)
        {
            // Reported at the end, unless bytes that are not UTF-8 come later (as `decode`).
            let (line, col) = self.advance(&chunk[..at]);
            self.nul = Some(Place::at(line, col));
        }
        let (line, col) = self.advance(&chunk);
        (self.line, self.col) = (line, col);
        // CRLF, and a lone CR (old Mac line ends), become LF, as in `parse_table`.
        self.buf.clear();
        let mut rest = &chunk[..];
        while let Some(i) = rest.iter().position(|&b| b == b'\r') {
            self.buf.extend_from_slice(&rest[..i]);
            if rest.get(i + 1) != Some(&b'\n') {
                self.buf.push(b'\n');
            }
            rest = &rest[i + 1..];
        }
        self.buf.extend_from_slice(rest);
        let buf = std::mem::take(&mut self.buf);
        let over = self.bound(&buf);
        self.buf = buf;
        if let Some(problem) = over {
            self.problem = Some(problem);
            self.done = true;
            self.buf.clear();
            self.start = 0;
            self.end = 0;
            return Ok(());
        }
        self.start = 0;
        self.end = self.buf.len();
        if eof {
            self.done = true;
        }
        Ok(())
    }

    /// The line and column just after `bytes`, which follow what was read before.
    fn advance(&self, bytes: &[u8]) -> (usize, usize) {
        let lines = bytes.iter().filter(|&&b| b == b'\n').count();
        let tail = match bytes.iter().rposition(|&b| b == b'\n') {
            Some(i) => &bytes[i + 1..],
            None => bytes,
        };
        let chars = tail.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        if lines == 0 {
            (self.line, self.col + chars)
        } else {
            (self.line + lines, 1 + chars)
        }
    }
}

impl<R: Read> Read for FileSource<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.start == self.end {
            if self.done || self.problem.is_some() {
                return Ok(0);
            }
            self.fill()?;
        }
        let n = out.len().min(self.end - self.start);
        out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
        self.start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Table, FileError> {
        parse_table(Path::new("t.csv"), text, &["unit", "score"], &["note"])
    }

    fn first(e: FileError) -> (Option<Place>, Problem) {
        e.problems.into_iter().next().unwrap()
    }

    #[test]
    fn matches_columns_by_name_in_any_order() {
        let t = parse("score,Unit\r\n1,SNV\r\n0.5,STP\r\n").unwrap();
        let (u, place) = t.cell(&t.rows[1], "unit");
        assert_eq!(u, "STP");
        assert_eq!((place.line, place.column), (3, 2));
        assert_eq!(t.cell(&t.rows[0], "note").0, "");
    }

    #[test]
    fn refuses_missing_unknown_and_duplicated_columns() {
        assert_eq!(
            first(parse("unit\nSNV\n").unwrap_err()).1,
            Problem::MissingColumn("score".into())
        );
        assert_eq!(
            first(parse("unit,scores\nSNV,1\n").unwrap_err()).1,
            Problem::UnknownColumn("scores".into())
        );
        assert_eq!(
            first(parse("unit,score,unit\nSNV,1,SNV\n").unwrap_err()).1,
            Problem::DuplicateColumn("unit".into())
        );
    }

    #[test]
    fn refuses_empty_and_header_only_files() {
        assert_eq!(first(parse("").unwrap_err()).1, Problem::Empty);
        assert_eq!(
            first(parse("unit,score\n").unwrap_err()).1,
            Problem::HeaderOnly
        );
    }

    #[test]
    fn reports_rows_with_the_wrong_number_of_cells() {
        let (place, p) = first(parse("unit,score\nSNV,1\nSTP\n").unwrap_err());
        assert_eq!(place.unwrap().line, 3);
        assert_eq!(
            p,
            Problem::FieldCount {
                expected: 2,
                found: 1
            }
        );
    }

    #[test]
    fn decodes_bom_and_refuses_other_encodings() {
        assert_eq!(decode(Path::new("a"), b"\xEF\xBB\xBFunit").unwrap(), "unit");
        assert_eq!(
            first(decode(Path::new("a"), b"\xFF\xFEu\0").unwrap_err()).1,
            Problem::Utf16
        );
        // "Sở" in Windows-1258 on line 2.
        let (place, p) = first(decode(Path::new("a"), b"unit\nS\xd5\n").unwrap_err());
        assert_eq!(p, Problem::NotUtf8);
        assert_eq!(place.unwrap(), Place::at(2, 2));
    }

    /// A reader that hands out `step` bytes at a time, to split characters and CRLFs.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(out.len()).min(self.bytes.len());
            out[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn through_source(bytes: &[u8], step: usize) -> (Vec<u8>, Option<(Place, Problem)>) {
        let mut src = FileSource::new(Trickle { bytes, step });
        let mut out = Vec::new();
        src.read_to_end(&mut out).unwrap();
        (out, src.problem())
    }

    #[test]
    fn a_file_source_drops_the_bom_and_crlf_however_the_bytes_arrive() {
        let text = "\u{feff}unit,note\r\nSNV,\"Sở Nội vụ\r\nđủ\"\r\nSTP,a\rb\r\n\r";
        let want = text
            .trim_start_matches('\u{feff}')
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        for step in [1, 2, 3, 5, 7, 64, 1 << 20] {
            let (out, problem) = through_source(text.as_bytes(), step);
            assert_eq!(String::from_utf8(out).unwrap(), want, "step {step}");
            assert_eq!(problem, None);
        }
    }

    #[test]
    fn a_file_source_places_bad_bytes_as_decode_does() {
        // A long first part so that the bad byte comes in a later chunk.
        let long = "unit,note\r\n".repeat(7_000).into_bytes();
        let with = |tail: &[u8]| {
            let mut b = long.clone();
            b.extend_from_slice("SNV,Sở ".as_bytes());
            b.extend_from_slice(tail);
            b
        };
        let utf16: Vec<u8> = "unit,score\nSNV,1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let cases = [
            with(b"\xd5 x\n"),
            with(b"a\0b\n"),
            with(b"a\0b\nSTP,\xd5\n"),
            b"\xFF\xFEu\0".to_vec(),
            utf16,
        ];
        for bytes in cases {
            let expected = match decode(Path::new("a"), &bytes) {
                Err(e) => e.problems[0].clone(),
                Ok(_) => panic!("a bad case"),
            };
            for step in [1, 3, 1 << 16, 1 << 20] {
                let (_, problem) = through_source(&bytes, step);
                let (place, p) = problem.unwrap();
                assert_eq!((Some(place), p), expected, "step {step}");
            }
        }
    }

    #[test]
    fn a_table_reader_reuses_one_row_and_reports_like_parse_table() {
        let text = "unit,score,note\nSNV,1,x\n\nSTP\nSYT,2,\"a\nb\"\n";
        let mut r = TableReader::new(
            Path::new("t.csv"),
            text.as_bytes(),
            &["unit", "score"],
            &["note"],
        )
        .unwrap();
        let mut row = Row::default();
        let mut seen = Vec::new();
        while r.next_row(&mut row) {
            seen.push((row.line, row.get(r.column("unit")).to_string()));
        }
        assert_eq!(seen, [(2, "SNV".to_string()), (5, "SYT".to_string())]);
        let err = r.finish().unwrap_err();
        assert_eq!(err, parse(text).unwrap_err());
        assert_eq!(first(parse("  \n \n").unwrap_err()).1, Problem::Empty);
        assert!(TableReader::new(Path::new("t"), &b" \n\t\n"[..], &["unit"], &[]).is_err());
    }

    #[test]
    fn refuses_utf16_without_bom_and_nul_bytes() {
        let le: Vec<u8> = "unit,score\nSNV,1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "unit,score\nSNV,1\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for bytes in [le, be] {
            let (place, p) = first(decode(Path::new("a"), &bytes).unwrap_err());
            assert_eq!((place.unwrap(), p), (Place::at(1, 1), Problem::Utf16));
        }
        let (place, p) = first(decode(Path::new("a"), b"unit,note\nSNV,a\0b\n").unwrap_err());
        assert_eq!((place.unwrap(), p), (Place::at(2, 6), Problem::NulByte));
        // Short files and ordinary text are not taken for UTF-16.
        assert_eq!(decode(Path::new("a"), b"a\n").unwrap(), "a\n");
        assert_eq!(decode(Path::new("a"), b"unit\n").unwrap(), "unit\n");
    }

    #[test]
    fn counts_lines_right_with_lone_cr_line_ends() {
        let t = parse("unit,score\rSNV,1\rSTP,2\r").unwrap();
        assert_eq!(t.rows[1].line, 3);
        assert_eq!(t.cell(&t.rows[1], "unit").0, "STP");
        let t = parse("unit,score\r\nSNV,1\rSTP,2\n").unwrap();
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn keeps_quoted_newlines_and_counts_lines_right() {
        let t = parse("unit,score,note\nSNV,1,\"dòng một\ndòng hai\"\nSTP,2,x\n").unwrap();
        assert_eq!(t.cell(&t.rows[0], "note").0, "dòng một\ndòng hai");
        assert_eq!(t.rows[1].line, 4);
    }
}
