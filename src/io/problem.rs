//! What can be wrong with an input file, located by line and column: data only. The words a
//! council secretary reads (Vietnamese or English) are in `crate::i18n::errors`.

use crate::domain::criteria::{ScoreError, SetError};
use crate::domain::{Points, PointsError};
use std::path::{Path, PathBuf};

/// Where in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    /// 1-based column: the field number in a CSV file, the character in a TOML file.
    pub column: usize,
    /// The CSV column's name, when there is one.
    pub name: Option<String>,
}

impl Place {
    pub fn at(line: usize, column: usize) -> Place {
        Place {
            line,
            column,
            name: None,
        }
    }

    pub fn cell(line: usize, column: usize, name: &str) -> Place {
        Place {
            line,
            column,
            name: Some(name.to_string()),
        }
    }
}

/// One thing wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file cannot be opened or read.
    Unreadable(super::OsError),
    NotUtf8,
    Utf16,
    /// A NUL byte: the file is not text.
    NulByte,
    Empty,
    HeaderOnly,
    /// A self-assessment workbook whose header names no unit.
    AssessmentHeader,
    /// A self-assessment with no self score filled in.
    AssessmentBlank,
    /// Replies to explanation requests with no explanation filled in.
    RepliesBlank,
    /// A self-assessment made for another year.
    AssessmentYear {
        found: String,
        year: i32,
    },
    /// A self-assessment for a unit that is not one of this year's.
    AssessmentUnit {
        unit: String,
        year: i32,
    },
    /// A self-assessment made for a group that is not the unit's this year.
    AssessmentGroup {
        unit: String,
        group: String,
        file_group: String,
    },
    MissingColumn(String),
    UnknownColumn(String),
    DuplicateColumn(String),
    FieldCount {
        expected: usize,
        found: usize,
    },
    Syntax(String),
    Required,
    TooLong {
        max: usize,
    },
    BadCode(String),
    BadPoints {
        text: String,
        why: PointsError,
    },
    BadYesNo(String),
    BadYear(String),
    UnknownGroup(String),
    UnknownUnit(String),
    UnknownItem {
        unit: String,
        item: String,
    },
    ParentNotItem(String),
    DuplicateRow {
        first_line: usize,
    },
    Score {
        text: String,
        why: ScoreError,
    },
    SurveyAboveMax {
        max: Points,
    },
    Negative,
    NotApplicableBySet {
        item: String,
    },
    IndexOutOfRange,
    /// Not a rank: a whole number from 1.
    BadRank(String),
    /// A rank below the count it is out of.
    RankAboveOf {
        rank: u32,
        of: u32,
    },
    BadOption(String),
    /// A band names no preset this program knows.
    UnknownBandPreset(String),
    /// A band with neither or both of `min` and `above`.
    BandBound(String),
    /// Both a band preset and a list of bands.
    BandsTwice,
    /// A set's decision without its number, date or issuer.
    SourceIncomplete,
    Toml(String),
    Set(SetError),
    UnitOfOtherGroup {
        unit: String,
        group: String,
    },
    /// A unit with self scores or decisions would move to another group.
    GroupInUse {
        unit: String,
        from: String,
    },
    WrongYear {
        expected: i32,
        found: i32,
    },
    /// A unit code that differs from another only by case (`snv` beside `SNV`).
    CodeCaseCollision {
        code: String,
        other: String,
    },
    /// A file over the size read (in MB).
    /// A criteria set with more items than [`crate::domain::criteria::MAX_NODES`]; placed at
    /// the first item beyond.
    TooManyItems {
        max: usize,
    },
    FileTooLarge {
        max_mb: u64,
    },
    /// A record (a line, or the lines of a quoted cell) over the bytes read (in KB).
    RecordTooLong {
        max_kb: usize,
    },
    /// The file is not a workbook that can be read (`.xlsx`), and why.
    NotWorkbook(super::xlsxguard::Damage),
    /// A workbook beyond the bounds of what is read (see [`super::xlsxguard::LIMITS`]).
    WorkbookTooLarge(super::xlsxguard::TooLarge),
    /// A workbook in a format other than `.xlsx` / `.xlsm`, by its extension.
    WorkbookFormat(String),
    /// `--sheet` names no sheet of the workbook.
    UnknownSheet {
        name: String,
        sheets: Vec<String>,
    },
    /// No row of the sheet has the required column names.
    NoHeaderRow {
        sheet: String,
        columns: Vec<String>,
    },
    /// A code column holds a number that is not a whole number: Excel turned a code such as
    /// `7.10` into the number 7.1, so which code was meant cannot be known.
    CodeAsNumber(String),
    /// A code column holds a date (`1.1` became the first of January).
    CodeAsDate(String),
    /// A number column holds a date.
    DateInNumber(String),
    /// A number cell that is not an exact hundredth (0.3333): refused, never rounded.
    InexactNumber(String),
    /// A cell holds an Excel error value (`#DIV/0!`, `#N/A`, …), often a formula's.
    ExcelError(String),
    /// A cell with data in a column that has no name in the header row.
    NoColumnName {
        header_row: usize,
    },
    /// A field's percent outside 0–100.
    PercentOutOfRange,
    /// A field code that is not a field's (level 1: `1`, `2`, …).
    NotAField(String),
    /// A kind of change that is not one (`rename`, `merge`, `split`, `new`, `end`).
    BadKind(String),
    /// A change that cannot be made (see `domain::lineage`).
    Change(crate::domain::lineage::Fault),
}

/// The most characters of a file's text a problem quotes.
pub const MAX_EXCERPT: usize = 80;

/// `s` cut to [`MAX_EXCERPT`] characters, `…` marking the cut.
pub fn excerpt(s: &mut String) {
    if s.len() > MAX_EXCERPT
        && let Some((at, _)) = s.char_indices().nth(MAX_EXCERPT)
    {
        s.truncate(at);
        s.push('…');
    }
}

impl Problem {
    /// The same problem quoting no more than a short excerpt of the file's text (a header
    /// cell of 300 MB was echoed whole).
    pub fn shorten(&mut self) {
        use Problem::*;
        match self {
            MissingColumn(s) | UnknownColumn(s) | DuplicateColumn(s) | Syntax(s) | BadCode(s)
            | BadYesNo(s) | BadYear(s) | UnknownGroup(s) | UnknownUnit(s) | ParentNotItem(s)
            | BadRank(s) | BadOption(s) | Toml(s) | CodeAsNumber(s) | CodeAsDate(s)
            | DateInNumber(s) | InexactNumber(s) | ExcelError(s) | NotAField(s) => excerpt(s),
            BadPoints { text, .. } | Score { text, .. } => excerpt(text),
            UnknownItem { unit, item } => {
                excerpt(unit);
                excerpt(item);
            }
            NotApplicableBySet { item } => excerpt(item),
            CodeCaseCollision { code, other } => {
                excerpt(code);
                excerpt(other);
            }
            UnitOfOtherGroup { unit, group } => {
                excerpt(unit);
                excerpt(group);
            }
            GroupInUse { unit, from } => {
                excerpt(unit);
                excerpt(from);
            }
            UnknownSheet { name, sheets } => {
                excerpt(name);
                sheets.truncate(20);
                sheets.iter_mut().for_each(excerpt);
            }
            NoHeaderRow { sheet, columns } => {
                excerpt(sheet);
                columns.iter_mut().for_each(excerpt);
            }
            _ => {}
        }
    }
}

/// A file refused, with every problem found (up to a limit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: PathBuf,
    /// For a workbook, the sheet that was read: places are then its cells (`Sheet1!C12`).
    pub sheet: Option<String>,
    pub problems: Vec<(Option<Place>, Problem)>,
    /// Problems found beyond those listed.
    pub more: usize,
}

/// How many problems a report lists before it only counts.
pub const MAX_LISTED: usize = 50;

impl FileError {
    pub fn new(file: &Path) -> FileError {
        FileError {
            file: file.to_path_buf(),
            sheet: None,
            problems: Vec::new(),
            more: 0,
        }
    }

    /// The same report, its places read as cells of `sheet`.
    pub fn in_sheet(mut self, sheet: &str) -> FileError {
        self.sheet = Some(sheet.to_string());
        self
    }

    pub fn one(file: &Path, place: Option<Place>, problem: Problem) -> FileError {
        let mut e = FileError::new(file);
        e.push(place, problem);
        e
    }

    pub fn push(&mut self, place: Option<Place>, mut problem: Problem) {
        if self.problems.len() < MAX_LISTED {
            problem.shorten();
            self.problems.push((place, problem));
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }
}

impl std::error::Error for FileError {}

/// A column's letters in A1 style: 1 is `A`, 27 is `AA`.
pub fn column_letters(column: usize) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell of a sheet as Excel writes it: `Sheet1!C12`, `'Tự chấm'!C12` (a name with
/// anything but letters, digits and `_` is quoted), `Sheet1!12:12` for a whole row.
pub fn cell_ref(sheet: &str, place: &Place) -> String {
    let plain = !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let sheet = if plain {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    if place.column == 0 {
        format!("{sheet}!{}:{}", place.line, place.line)
    } else {
        format!("{sheet}!{}{}", column_letters(place.column), place.line)
    }
}

/// Line and column (1-based, in characters) of a byte offset in a text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
