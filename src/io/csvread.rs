//! Reading a CSV file with a header row into cells matched by column name, with every
//! problem located by line and column. Nothing here knows what the columns mean.

use super::problem::{FileError, Place, Problem, line_col};
use crate::domain::text::nfc;
use std::collections::HashMap;
use std::path::Path;

/// The longest text a cell may hold.
pub const MAX_CELL: usize = 10_000;

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

/// Reads a whole file, refusing one that cannot be read as text.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let bytes = std::fs::read(path)
        .map_err(|e| FileError::one(path, None, Problem::Unreadable(e.to_string())))?;
    decode(path, &bytes)
}

/// One data row: its line number and its cells by column position.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    cells: Vec<String>,
}

/// A CSV file read against its expected columns.
#[derive(Debug)]
pub struct Table {
    /// Column name → position in the file.
    columns: HashMap<&'static str, usize>,
    pub rows: Vec<Row>,
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
}

/// Reads `path` as CSV with a header row. Every `required` column must be there; the
/// `optional` ones may be; any other column is refused. Text is kept in NFC.
pub fn read_table(
    path: &Path,
    required: &[&'static str],
    optional: &[&'static str],
) -> Result<Table, FileError> {
    let text = read_text(path)?;
    parse_table(path, &text, required, optional)
}

pub fn parse_table(
    path: &Path,
    text: &str,
    required: &[&'static str],
    optional: &[&'static str],
) -> Result<Table, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::one(path, Some(Place::at(1, 1)), Problem::Empty));
    }
    // CRLF, and a lone CR (old Mac line ends), become LF first: the csv crate counts lines
    // by LF only.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut err = FileError::new(path);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(FileError::one(
                path,
                Some(Place::at(1, 1)),
                Problem::Syntax(e.to_string()),
            ));
        }
        None => return Err(FileError::one(path, Some(Place::at(1, 1)), Problem::Empty)),
    };
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    for (i, raw) in header.iter().enumerate() {
        let name = raw.trim().trim_start_matches('\u{feff}').to_lowercase();
        let known = required.iter().chain(optional).find(|c| **c == name);
        match known {
            Some(&c) => {
                if columns.insert(c, i).is_some() {
                    err.push(
                        Some(Place::at(1, i + 1)),
                        Problem::DuplicateColumn(c.to_string()),
                    );
                }
            }
            None if name.is_empty() && header.len() > 1 && i + 1 == header.len() => {
                // A trailing comma on the header line: an empty last column is tolerated.
            }
            None => err.push(
                Some(Place::at(1, i + 1)),
                Problem::UnknownColumn(raw.trim().to_string()),
            ),
        }
    }
    for c in required {
        if !columns.contains_key(c) {
            err.push(
                Some(Place::at(1, header.len() + 1)),
                Problem::MissingColumn(c.to_string()),
            );
        }
    }
    if !err.is_empty() {
        return Err(err);
    }
    let width = header.len();
    let mut rows = Vec::new();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                err.push(Some(Place::at(line, 1)), Problem::Syntax(e.to_string()));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        if rec.len() == 1 && rec.get(0).is_some_and(|c| c.trim().is_empty()) {
            continue; // a blank line
        }
        if rec.len() != width {
            err.push(
                Some(Place::at(line, rec.len().min(width) + 1)),
                Problem::FieldCount {
                    expected: width,
                    found: rec.len(),
                },
            );
            continue;
        }
        let mut cells = Vec::with_capacity(width);
        for (i, c) in rec.iter().enumerate() {
            if c.chars().count() > MAX_CELL {
                err.push(
                    Some(Place::at(line, i + 1)),
                    Problem::TooLong { max: MAX_CELL },
                );
                cells.push(String::new());
            } else {
                cells.push(nfc(c));
            }
        }
        rows.push(Row { line, cells });
    }
    if !err.is_empty() {
        return Err(err);
    }
    if rows.is_empty() {
        return Err(FileError::one(
            path,
            Some(Place::at(2, 1)),
            Problem::HeaderOnly,
        ));
    }
    Ok(Table { columns, rows })
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
