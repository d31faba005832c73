//! What can be wrong with an input file, located by line and column, in words a council
//! secretary understands (Vietnamese or English).

use crate::domain::criteria::{ItemKind, ScoreError, SetError};
use crate::domain::{Points, PointsError};
use crate::i18n::Lang;
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
                        let _ = write!(out, "{} {name}: ", lang.pick("cột", "column"));
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
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    &format!("… và {} lỗi khác.", self.more),
                    &format!("… and {} more problems.", self.more),
                )
            );
        }
        out.push_str(lang.pick(
            "Tệp bị từ chối: không có dữ liệu nào được ghi vào cơ sở dữ liệu.",
            "The file was refused: nothing was written to the database.",
        ));
        out
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for FileError {}

fn points_why(why: &PointsError, lang: Lang) -> &'static str {
    match why {
        PointsError::Empty => lang.pick("ô trống", "the cell is empty"),
        PointsError::NotANumber => lang.pick(
            "không phải là số (viết như 1, 0.5 hoặc 0,5)",
            "it is not a number (write it like 1, 0.5 or 0,5)",
        ),
        PointsError::TooManyDecimals => lang.pick(
            "điểm chỉ được có tối đa 2 chữ số thập phân",
            "points may have at most 2 decimal places",
        ),
        PointsError::TooLarge => lang.pick("số quá lớn", "the number is far too large"),
    }
}

fn list(points: &[Points]) -> String {
    points
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        use Problem::*;
        let vi = lang == Lang::Vi;
        match self {
            Unreadable(e) => if vi { format!("không mở được tệp ({e})") } else { format!("the file cannot be read ({e})") },
            NotUtf8 => lang.pick(
                "tệp không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); hãy lưu lại dưới dạng CSV UTF-8",
                "the file is not UTF-8 (perhaps Windows-1258 or TCVN3); save it again as CSV UTF-8",
            ).into(),
            Utf16 => lang.pick(
                "tệp được lưu dạng UTF-16; hãy lưu lại dưới dạng CSV UTF-8",
                "the file is saved as UTF-16; save it again as CSV UTF-8",
            ).into(),
            NulByte => lang.pick(
                "tệp chứa ký tự NUL nên không phải tệp văn bản; hãy lưu lại dưới dạng CSV UTF-8",
                "the file holds a NUL byte, so it is not a text file; save it again as CSV UTF-8",
            ).into(),
            Empty => lang.pick("tệp rỗng, không có dòng tiêu đề", "the file is empty: no header row").into(),
            HeaderOnly => lang.pick("tệp chỉ có dòng tiêu đề, không có dữ liệu", "the file has a header row and no data").into(),
            MissingColumn(c) => if vi { format!("thiếu cột bắt buộc «{c}»") } else { format!("the required column '{c}' is missing") },
            UnknownColumn(c) => if vi { format!("cột «{c}» không có trong mẫu (kiểm tra chính tả tên cột)") } else { format!("unknown column '{c}' (check the spelling of the column names)") },
            DuplicateColumn(c) => if vi { format!("cột «{c}» xuất hiện hai lần") } else { format!("the column '{c}' appears twice") },
            FieldCount { expected, found } => if vi { format!("dòng có {found} ô nhưng tiêu đề có {expected} cột") } else { format!("the row has {found} cells but the header has {expected} columns") },
            Syntax(m) => if vi { format!("lỗi cú pháp CSV: {m}") } else { format!("CSV syntax error: {m}") },
            Required => lang.pick("ô này không được để trống", "this cell must not be empty").into(),
            TooLong { max } => if vi { format!("nội dung dài quá {max} ký tự") } else { format!("the text is longer than {max} characters") },
            BadCode(c) => if vi { format!("mã «{c}» không hợp lệ (chỉ dùng chữ không dấu, số, «-», «_», «.»)") } else { format!("the code '{c}' is not valid (use unaccented letters, digits, '-', '_', '.')") },
            BadPoints { text, why } => if vi { format!("«{text}»: {}", points_why(why, lang)) } else { format!("'{text}': {}", points_why(why, lang)) },
            BadYesNo(v) => if vi { format!("«{v}» phải là yes hoặc no") } else { format!("'{v}' must be yes or no") },
            BadYear(v) => if vi { format!("«{v}» không phải là năm hợp lệ") } else { format!("'{v}' is not a valid year") },
            UnknownGroup(g) => if vi { format!("không có nhóm «{g}» trong năm này (chưa nạp bộ chỉ số của nhóm)") } else { format!("there is no group '{g}' this year (its criteria set is not loaded)") },
            UnknownUnit(u) => if vi { format!("không có đơn vị mã «{u}» (hãy nhập danh sách đơn vị trước)") } else { format!("there is no unit with code '{u}' (import the units first)") },
            UnknownItem { unit, item } => if vi { format!("bộ chỉ số của đơn vị {unit} không có tiêu chí «{item}»") } else { format!("the criteria set of unit {unit} has no item '{item}'") },
            ParentNotItem(c) => if vi { format!("«{c}» có tiêu chí con; chỉ chấm điểm ở tiêu chí cuối cùng") } else { format!("'{c}' has sub-items; only the last level is scored") },
            DuplicateRow { first_line } => if vi { format!("trùng với dòng {first_line}") } else { format!("duplicates line {first_line}") },
            Score { text, why } => {
                let reason = match why {
                    ScoreError::BelowMin { min } => if vi { format!("thấp hơn mức tối thiểu {min}") } else { format!("below the minimum {min}") },
                    ScoreError::AboveMax { max } => if vi { format!("vượt điểm tối đa {max}") } else { format!("above the maximum {max}") },
                    ScoreError::NotAnOption { allowed } => if vi { format!("không thuộc các mức điểm của tiêu chí ({})", list(allowed)) } else { format!("not one of the item's allowed scores ({})", list(allowed)) },
                };
                if vi { format!("điểm {text} {reason}") } else { format!("the score {text} is {reason}") }
            }
            SurveyAboveMax { max } => if vi { format!("điểm điều tra xã hội học vượt mức tối đa {max}") } else { format!("the survey score is above the maximum {max}") },
            Negative => lang.pick("không được là số âm", "must not be negative").into(),
            NotApplicableBySet { item } => if vi { format!("bộ chỉ số ghi tiêu chí {item} không áp dụng cho đơn vị này; chỉ ghi được N/A") } else { format!("the criteria set says item {item} does not apply to this unit; only N/A can be given") },
            IndexOutOfRange => lang.pick("chỉ số phải nằm trong khoảng 0 đến 100", "the index must be between 0 and 100").into(),
            BadOption(o) => if vi { format!("mức điểm «{o}» phải viết dạng «nhãn=điểm»") } else { format!("the option '{o}' must be written as 'label=points'") },
            Toml(m) => if vi { format!("tệp TOML không đúng: {m}") } else { format!("the TOML file is not right: {m}") },
            Set(e) => set_error(e, lang),
            GroupInUse { unit, from } => if vi { format!("đơn vị {unit} đã có điểm tự chấm hoặc quyết định theo bộ chỉ số nhóm {from} nên không chuyển sang nhóm khác được") } else { format!("unit {unit} already has self scores or decisions under the set of group {from}, so it cannot move to another group") },
            UnitOfOtherGroup { unit, group } => if vi { format!("đơn vị {unit} thuộc nhóm {group}, không thuộc nhóm của bộ chỉ số này") } else { format!("unit {unit} belongs to group {group}, not to this set's group") },
            WrongYear { expected, found } => if vi { format!("năm {found} khác với năm đang làm việc {expected}") } else { format!("the year {found} is not the working year {expected}") },
        }
    }
}

fn set_error(e: &SetError, lang: Lang) -> String {
    use SetError::*;
    let vi = lang == Lang::Vi;
    match e {
        DuplicateCode { code, .. } => {
            if vi {
                format!("mã {code} bị trùng")
            } else {
                format!("the code {code} appears twice")
            }
        }
        MissingParent { code, parent, .. } => {
            if vi {
                format!("tiêu chí {code} không có tiêu chí cha {parent}")
            } else {
                format!("node {code} has no parent node {parent}")
            }
        }
        TooDeep { code, .. } => {
            if vi {
                format!("tiêu chí {code} có quá nhiều cấp")
            } else {
                format!("node {code} is nested too deeply")
            }
        }
        EmptyTitle { code, .. } => {
            if vi {
                format!("tiêu chí {code} chưa có tên")
            } else {
                format!("node {code} has no title")
            }
        }
        NegativeMax { code, .. } => {
            if vi {
                format!("điểm tối đa của {code} là số âm")
            } else {
                format!("the maximum of {code} is negative")
            }
        }
        MinAboveMax { code, .. } => {
            if vi {
                format!("điểm tối thiểu của {code} lớn hơn điểm tối đa")
            } else {
                format!("the minimum of {code} is above its maximum")
            }
        }
        ChildrenSum { code, max, sum, .. } => {
            if vi {
                format!(
                    "các tiêu chí con của {code} cộng lại được {sum} điểm, nhưng điểm tối đa của {code} là {max}"
                )
            } else {
                format!(
                    "the children of {code} add up to {sum} points but {code} has a maximum of {max}"
                )
            }
        }
        FieldsSum { appraisal_max, sum } => {
            if vi {
                format!(
                    "các lĩnh vực cộng lại được {sum} điểm, nhưng điểm thẩm định tối đa là {appraisal_max}"
                )
            } else {
                format!(
                    "the fields add up to {sum} points but the appraisal maximum is {appraisal_max}"
                )
            }
        }
        OptionOutOfRange { code, points, .. } => {
            if vi {
                format!("mức điểm {points} của {code} nằm ngoài khoảng điểm của tiêu chí")
            } else {
                format!("the option {points} of {code} is outside the item's range")
            }
        }
        DuplicateOption { code, points, .. } => {
            if vi {
                format!("mức điểm {points} của {code} bị lặp")
            } else {
                format!("the option {points} of {code} appears twice")
            }
        }
        OptionsBelowMax {
            code, best, max, ..
        } => {
            if vi {
                format!("mức điểm cao nhất của {code} là {best}, khác điểm tối đa {max}")
            } else {
                format!("the best option of {code} is {best}, not its maximum {max}")
            }
        }
        RulesOnParent { code, .. } => {
            if vi {
                format!(
                    "{code} có tiêu chí con nên không được có mức điểm hay danh sách không áp dụng"
                )
            } else {
                format!("{code} has children, so it cannot have options or a not-applicable list")
            }
        }
        NoFields => lang
            .pick("bộ chỉ số không có lĩnh vực nào", "the set has no fields")
            .into(),
        NoBands => lang
            .pick(
                "bộ chỉ số chưa khai báo xếp loại",
                "the set declares no bands",
            )
            .into(),
        BandsNotDescending => lang
            .pick(
                "các mức xếp loại phải giảm dần (A cao nhất)",
                "the bands must go down from the highest",
            )
            .into(),
        BlockWithoutItems { kind } => {
            if vi {
                format!("khối {} không có tiêu chí nào", kind_vi(*kind))
            } else {
                format!("the {} block has no items", kind.as_str())
            }
        }
        ItemsWithoutBlock { kind, .. } => {
            if vi {
                format!(
                    "có tiêu chí {} nhưng chưa khai báo khối và mức trần",
                    kind_vi(*kind)
                )
            } else {
                format!("{} items without a declared block and cap", kind.as_str())
            }
        }
        NonPositiveMaximum => lang
            .pick(
                "tổng điểm tối đa phải lớn hơn 0",
                "the total maximum must be above 0",
            )
            .into(),
    }
}

fn kind_vi(k: ItemKind) -> &'static str {
    match k {
        ItemKind::Regular => "thường",
        ItemKind::Bonus => "điểm thưởng",
        ItemKind::Deduction => "điểm trừ",
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
