//! A workbook looked over before `calamine` reads it: what a file declares is never trusted
//! with memory. calamine reserves the shared strings from the count they declare and builds a
//! sheet from the cells it finds, so a 1 KB file can ask for gigabytes (a `uniqueCount` of
//! four billion, a zip part that inflates to gigabytes). Here the zip is read with `zip`
//! and its XML parts streamed through `quick-xml`, counting the bytes they really inflate
//! to, before anything is kept: a workbook beyond [`LIMITS`] is refused with a sentence
//! naming the file and what is too large.
//!
//! When calamine refuses a sheet for an error value it does not know (Excel 365's `#SPILL!`,
//! `#CALC!`, `#FIELD!`, …), [`unknown_errors`] finds those cells, so that each is reported at
//! its cell instead.

use super::problem::{FileError, Problem};
use quick_xml::events::Event;
use std::io::{Read, Seek};
use std::path::Path;

/// The bounds a workbook must stay within. A council's largest sheet (the self scores of a
/// province: about a hundred units × two hundred items) is a few tens of thousands of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files inside the zip.
    pub entries: usize,
    /// Bytes one XML part may inflate to.
    pub part_bytes: u64,
    /// Bytes all XML parts together may inflate to.
    pub total_bytes: u64,
    /// Entries of the shared strings table (declared or found).
    pub strings: u64,
    /// Cells with a value in the sheet read.
    pub cells: usize,
    /// Columns: a cell beyond this column is refused.
    pub columns: u32,
    /// Bytes of text the cells of the sheet read may hold together (a long shared string
    /// used by every cell counts each time).
    pub text_bytes: usize,
}

pub const LIMITS: Limits = Limits {
    entries: 10_000,
    part_bytes: 64 << 20,
    total_bytes: 128 << 20,
    strings: 1_000_000,
    cells: 1_000_000,
    columns: 1_000,
    text_bytes: 64 << 20,
};

/// What is too large in a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TooLarge {
    Entries {
        max: usize,
    },
    /// A part of the zip inflates beyond the limit (or declares it would).
    Part {
        name: String,
        max_mb: u64,
    },
    Total {
        max_mb: u64,
    },
    Strings {
        max: u64,
    },
    Cells {
        max: usize,
    },
    /// A cell beyond the last column allowed (its letters).
    Column {
        last: String,
    },
    Text {
        max_mb: usize,
    },
}

/// What the look-over found worth reporting per cell: error values calamine cannot read,
/// by sheet part (`xl/worksheets/sheet1.xml`), 1-based row and column, and the value.
#[derive(Debug, Default)]
pub struct Findings {
    pub unknown_errors: Vec<(String, usize, usize, String)>,
}

/// The error values calamine reads (the classic seven).
const KNOWN_ERRORS: [&str; 7] = [
    "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
];

/// The first bytes of an OLE2 compound file: an old `.xls`, or an `.xlsx` saved with a
/// password (Excel encrypts it into one).
const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A reader that fails once more than `left` bytes came through it.
struct Bounded<R> {
    inner: R,
    left: u64,
    read: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.left {
            return Err(std::io::Error::other("over the limit"));
        }
        Ok(n)
    }
}

/// Looks `reader` over (then rewinds it): a problem when the workbook is beyond `limits`
/// or is not a zip at all.
pub fn check<R: Read + Seek>(
    path: &Path,
    reader: &mut R,
    limits: &Limits,
) -> Result<(), FileError> {
    let fail = |p: Problem| FileError::one(path, None, p);
    let too_large = |t: TooLarge| fail(Problem::WorkbookTooLarge(t));
    let mut head = [0u8; 8];
    let n = read_up_to(reader, &mut head).map_err(|e| fail(Problem::Unreadable(e.into())))?;
    if n == 8 && head == OLE2 {
        return Err(fail(Problem::NotWorkbook(Damage::Protected)));
    }
    reader
        .rewind()
        .map_err(|e| fail(Problem::Unreadable(e.into())))?;
    let mut zip = zip::ZipArchive::new(&mut *reader)
        .map_err(|_| fail(Problem::NotWorkbook(Damage::NotZip)))?;
    if zip.len() > limits.entries {
        return Err(too_large(TooLarge::Entries {
            max: limits.entries,
        }));
    }
    let max_mb = limits.part_bytes >> 20;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|_| fail(Problem::NotWorkbook(Damage::Damaged)))?;
        let name = part.name().to_string();
        let lower = name.to_ascii_lowercase();
        if !(lower.ends_with(".xml") || lower.ends_with(".rels")) {
            continue;
        }
        if part.size() > limits.part_bytes {
            return Err(too_large(TooLarge::Part { name, max_mb }));
        }
        let left = limits.part_bytes.min(limits.total_bytes - total);
        let mut bounded = Bounded {
            inner: &mut part,
            left,
            read: 0,
        };
        // Only the shared strings are parsed here (their count matters); any other part is
        // only inflated and counted, which is fast.
        let scanned = if lower.ends_with("sharedstrings.xml") {
            scan(
                &mut bounded,
                PartKind::Strings,
                &name,
                limits,
                &mut Findings::default(),
            )
        } else {
            std::io::copy(&mut bounded, &mut std::io::sink())
                .map(|_| ())
                .map_err(|_| Scan::Xml)
        };
        let over = bounded.read > bounded.left;
        total += bounded.read;
        if over {
            return Err(if left < limits.part_bytes {
                too_large(TooLarge::Total {
                    max_mb: limits.total_bytes >> 20,
                })
            } else {
                too_large(TooLarge::Part { name, max_mb })
            });
        }
        match scanned {
            Ok(()) => {}
            Err(Scan::TooLarge(t)) => return Err(too_large(t)),
            // Bad XML is calamine's to report (it knows which parts it reads).
            Err(Scan::Xml) => {}
        }
    }
    drop(zip);
    reader
        .rewind()
        .map_err(|e| fail(Problem::Unreadable(e.into())))?;
    Ok(())
}

/// The cells of the worksheets holding an error value calamine does not know, for a workbook
/// [`check`] let through (so within its bounds); none when the zip cannot be read again.
pub fn unknown_errors<R: Read + Seek>(reader: &mut R, limits: &Limits) -> Findings {
    let mut findings = Findings::default();
    if reader.rewind().is_err() {
        return findings;
    }
    let Ok(mut zip) = zip::ZipArchive::new(reader) else {
        return findings;
    };
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        let name = part.name().to_string();
        if !name.to_ascii_lowercase().contains("worksheets/") {
            continue;
        }
        let bounded = Bounded {
            inner: &mut part,
            left: limits.part_bytes,
            read: 0,
        };
        let _ = scan(bounded, PartKind::Sheet, &name, limits, &mut findings);
    }
    findings
}

fn read_up_to<R: Read>(r: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Why a workbook cannot be read, in words (never the reader's own English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Not a zip: not an `.xlsx` at all (a CSV, a text, an old `.xls` renamed).
    NotZip,
    /// An OLE2 file: an old `.xls` or a workbook saved with a password.
    Protected,
    /// A zip whose workbook parts are missing or broken.
    Damaged,
    /// No sheet in the workbook.
    NoSheet,
}

#[derive(Clone, Copy)]
enum PartKind {
    Strings,
    Sheet,
}

enum Scan {
    TooLarge(TooLarge),
    Xml,
}

fn scan<R: Read>(
    r: R,
    kind: PartKind,
    name: &str,
    limits: &Limits,
    findings: &mut Findings,
) -> Result<(), Scan> {
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(r));
    let mut buf = Vec::new();
    let mut strings = 0u64;
    // In a sheet: the cell being read when it is an error cell (its reference), and
    // whether its value is being read.
    let mut error_cell: Option<String> = None;
    let mut in_value = false;
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|_| Scan::Xml)?;
        match (&event, kind) {
            (Event::Eof, _) => return Ok(()),
            (Event::Start(e) | Event::Empty(e), PartKind::Strings) => match e.local_name().as_ref()
            {
                "sst" => {
                    for key in ["uniqueCount", "count"] {
                        let declared = e
                            .try_get_attribute(key)
                            .ok()
                            .flatten()
                            .and_then(|a| a.value.trim().parse().ok());
                        // `count` counts uses, not entries: only a number beyond any
                        // sheet's cells is refused.
                        let max = if key == "count" {
                            limits.strings.max(limits.cells as u64) * 16
                        } else {
                            limits.strings
                        };
                        if declared.is_some_and(|n: u64| n > max) {
                            return Err(Scan::TooLarge(TooLarge::Strings {
                                max: limits.strings,
                            }));
                        }
                    }
                }
                "si" => {
                    strings += 1;
                    if strings > limits.strings {
                        return Err(Scan::TooLarge(TooLarge::Strings {
                            max: limits.strings,
                        }));
                    }
                }
                _ => {}
            },
            (Event::Start(e), PartKind::Sheet) if e.local_name().as_ref() == "c" => {
                let attr = |k: &str| {
                    e.try_get_attribute(k)
                        .ok()
                        .flatten()
                        .map(|a| a.value.into_owned())
                };
                error_cell =
                    (attr("t").as_deref() == Some("e")).then(|| attr("r").unwrap_or_default());
            }
            (Event::Start(e), PartKind::Sheet) if e.local_name().as_ref() == "v" => {
                in_value = error_cell.is_some();
            }
            (Event::Text(t), PartKind::Sheet) if in_value => {
                let value = AsRef::<str>::as_ref(t).trim().to_string();
                if !KNOWN_ERRORS.contains(&value.as_str())
                    && let Some((row, col)) = error_cell.as_deref().and_then(parse_ref)
                    && findings.unknown_errors.len() < 1_000
                {
                    let value: String = value.chars().take(20).collect();
                    findings
                        .unknown_errors
                        .push((name.to_string(), row, col, value));
                }
            }
            (Event::End(e), PartKind::Sheet) => match e.local_name().as_ref() {
                "v" => in_value = false,
                "c" => error_cell = None,
                _ => {}
            },
            _ => {}
        }
    }
}

/// `B7` → (7, 2), 1-based.
fn parse_ref(r: &str) -> Option<(usize, usize)> {
    let letters = r.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].bytes().fold(0usize, |n, b| {
        n * 26 + (b.to_ascii_uppercase() - b'A' + 1) as usize
    });
    let row = r[letters..].parse().ok()?;
    Some((row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_reference_is_its_row_and_column() {
        assert_eq!(parse_ref("B7"), Some((7, 2)));
        assert_eq!(parse_ref("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(parse_ref("7"), None);
    }

    #[test]
    fn a_reader_over_its_bound_fails() {
        let mut b = Bounded {
            inner: &[0u8; 100][..],
            left: 10,
            read: 0,
        };
        let mut sink = Vec::new();
        assert!(b.read_to_end(&mut sink).is_err());
    }
}
