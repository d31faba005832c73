//! What can be wrong with an input file, located by line and column, in words a council
//! secretary understands (Vietnamese or English).

use crate::domain::criteria::{ScoreError, SetError};
use crate::domain::{Points, PointsError};
use crate::i18n::{Lang, errors};
use std::fmt::Write as _;
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
    Unreadable(String),
    NotUtf8,
    Utf16,
    /// A NUL byte: the file is not text.
    NulByte,
    Empty,
    HeaderOnly,
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
}

/// A file refused, with every problem found (up to a limit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: PathBuf,
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
            problems: Vec::new(),
            more: 0,
        }
    }

    pub fn one(file: &Path, place: Option<Place>, problem: Problem) -> FileError {
        let mut e = FileError::new(file);
        e.push(place, problem);
        e
    }

    pub fn push(&mut self, place: Option<Place>, problem: Problem) {
        if self.problems.len() < MAX_LISTED {
            self.problems.push((place, problem));
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// Every problem on its own line: `file:line:column: sentence`, then a closing sentence.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let file = self.file.display();
        for (place, problem) in &self.problems {
            match place {
                Some(p) => {
                    let _ = write!(out, "{file}:{}:{}: ", p.line, p.column);
                    if let Some(name) = &p.name {
                        let _ = write!(out, "{}: ", errors::column(name, lang));
                    }
                }
                None => {
                    let _ = write!(out, "{file}: ");
                }
            }
            out.push_str(&problem.describe(lang));
            out.push('\n');
        }
        if self.more > 0 {
            let _ = writeln!(out, "{}", errors::more_problems(self.more, lang));
        }
        out.push_str(errors::file_refused(lang));
        out
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for FileError {}

impl Problem {
    /// The problem in a sentence (without its place).
    pub fn describe(&self, lang: Lang) -> String {
        crate::i18n::errors::problem(self, lang)
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
