//! Why something was refused: problems in a file, the store's refusals, a decision or a
//! final ranking that cannot be made. Each reason is worded once, in both languages.

use super::{Lang, say};
use crate::domain::criteria::{ItemKind, ScoreError, SetError};
use crate::domain::{DecideError, Points, PointsError, RankError};
use crate::io::Problem;
use crate::service::IoDoing;
use crate::store::StoreError;

/// Scores as a list: `0.5; 0.25; 0`.
fn list(points: &[Points]) -> String {
    points
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a text is not points.
pub fn points_error(why: &PointsError, lang: Lang) -> &'static str {
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

/// Why a score does not fit an item, worded to follow "the score X is": the same words in a
/// file's problem, a refused decision and the score box.
pub fn score_error(why: &ScoreError, lang: Lang) -> String {
    match why {
        ScoreError::BelowMin { min } => {
            say!(
                lang,
                "thấp hơn mức tối thiểu {min}",
                "below the minimum {min}"
            )
        }
        ScoreError::AboveMax { max } => {
            say!(lang, "vượt điểm tối đa {max}", "above the maximum {max}")
        }
        ScoreError::NotAnOption { allowed } => {
            let allowed = list(allowed);
            say!(
                lang,
                "không thuộc các mức điểm của tiêu chí ({allowed})",
                "not one of the item's allowed scores ({allowed})"
            )
        }
    }
}

/// Why a decision cannot be recorded.
pub fn decide_error(e: &DecideError, lang: Lang) -> String {
    match e {
        DecideError::NoSelfScore => lang
            .pick(
                "đơn vị chưa có điểm tự chấm để đồng ý",
                "the unit has no self score to agree with",
            )
            .into(),
        DecideError::Score(why) => score_error(why, lang),
        DecideError::NotAnItem => lang
            .pick(
                "tiêu chí có tiêu chí con; hãy chấm ở tiêu chí con",
                "it has sub-items; score those",
            )
            .into(),
        DecideError::NotApplicableBySet => lang
            .pick(
                "bộ chỉ số đã ghi tiêu chí này không áp dụng cho đơn vị",
                "the criteria set already says it does not apply to this unit",
            )
            .into(),
        DecideError::CommentRequired => lang
            .pick(
                "cần ghi nhận xét nêu lý do không áp dụng",
                "a comment saying why it does not apply is needed",
            )
            .into(),
    }
}

/// A decision refused, with its reason.
pub fn decision_not_recorded(unit: &str, item: &str, why: &str, lang: Lang) -> String {
    say!(
        lang,
        "Không ghi được quyết định cho {unit} / {item}: {why}.",
        "The decision on {unit} / {item} was not recorded: {why}."
    )
}

/// What is left before anything final: the final ranking and the final decisions export.
pub fn undecided_phrase(items: usize, units: usize, lang: Lang) -> String {
    say!(
        lang,
        "còn {items} tiêu chí của {units} đơn vị chưa thẩm định xong",
        "{items} items of {units} units are not decided"
    )
}

/// Why there is no final ranking yet.
pub fn rank_error(group: &str, e: &RankError, lang: Lang) -> String {
    match e {
        RankError::Undecided { items, units } => {
            let left = undecided_phrase(*items, *units, lang);
            say!(
                lang,
                "Chưa có xếp hạng chính thức nhóm {group}: {left}.",
                "No final ranking for group {group} yet: {left}."
            )
        }
        RankError::MissingSurvey { units } => {
            let list = units
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            say!(
                lang,
                "Chưa có xếp hạng chính thức nhóm {group}: thiếu điểm điều tra xã hội học của {list}.",
                "No final ranking for group {group} yet: the survey score of {list} is missing."
            )
        }
    }
}

pub fn unknown_item(unit: &str, item: &str, lang: Lang) -> String {
    say!(
        lang,
        "Bộ chỉ số của đơn vị {unit} không có tiêu chí «{item}».",
        "The criteria set of unit {unit} has no item '{item}'."
    )
}

pub fn unknown_group(group: &str, lang: Lang) -> String {
    say!(
        lang,
        "Không có nhóm «{group}» trong năm này.",
        "There is no group '{group}' this year."
    )
}

pub fn no_sets(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Cơ sở dữ liệu chưa có bộ chỉ số năm {year}: hãy chạy «thamdinh init --year {year}» trước.",
        "The database has no criteria sets for {year}: run 'thamdinh init --year {year}' first."
    )
}

/// What the store refused, or why it failed.
pub fn store_error(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::Sqlite(err) => {
            say!(lang, "Lỗi cơ sở dữ liệu: {err}.", "Database error: {err}.")
        }
        StoreError::TooNew { found, supported } => say!(
            lang,
            "Cơ sở dữ liệu do phiên bản thamdinh mới hơn tạo (lược đồ {found}, bản này hiểu đến {supported}); hãy cập nhật thamdinh.",
            "The database was written by a newer thamdinh (schema {found}, this one knows up to {supported}); update thamdinh."
        ),
        StoreError::UnitClosed(u) => say!(
            lang,
            "Đơn vị {u} đã khóa kết quả; cần mở lại trước khi sửa.",
            "Unit {u} is closed; reopen it before changing a decision."
        ),
        StoreError::UnknownUnit(u) => say!(
            lang,
            "Không có đơn vị mã «{u}».",
            "There is no unit with code '{u}'."
        ),
        StoreError::NoSet { year, group } => say!(
            lang,
            "Chưa có bộ chỉ số nhóm {group} năm {year}.",
            "There is no criteria set for group {group} in {year}."
        ),
        StoreError::BadSet(m) => say!(
            lang,
            "Bộ chỉ số lưu trong cơ sở dữ liệu bị hỏng: {m}.",
            "The stored criteria set is damaged: {m}."
        ),
        StoreError::SetInUse { count, example } => say!(
            lang,
            "Không thay được bộ chỉ số: {count} điểm tự chấm hoặc quyết định đang dùng tiêu chí mà bộ mới không có (ví dụ {example}).",
            "The set was not replaced: {count} self scores or decisions use items the new set does not have (e.g. {example})."
        ),
        StoreError::NothingToUndo => lang
            .pick(
                "Không có quyết định nào để hoàn tác.",
                "There is no decision to undo.",
            )
            .into(),
        StoreError::UndoStale { item, by } => say!(
            lang,
            "Không hoàn tác được: tiêu chí {item} vừa được {by} sửa sau đó.",
            "Not undone: item {item} was changed since by {by}."
        ),
    }
}

/// Input or output that failed, with the system's reason.
pub fn io_failed(doing: IoDoing, target: &str, error: &str, lang: Lang) -> String {
    match doing {
        IoDoing::Open => say!(
            lang,
            "Không mở được tệp {target}: {error}.",
            "Could not open {target}: {error}."
        ),
        IoDoing::Read => say!(
            lang,
            "Không đọc được {target}: {error}.",
            "Could not read {target}: {error}."
        ),
        IoDoing::Write => say!(
            lang,
            "Không ghi được tệp {target}: {error}.",
            "Could not write {target}: {error}."
        ),
        IoDoing::WriteOutput => say!(
            lang,
            "Không ghi được kết quả ra: {error}.",
            "Could not write the output: {error}."
        ),
        IoDoing::StartThread => say!(
            lang,
            "Không khởi động được luồng xử lý {target}: {error}.",
            "Could not start the thread {target}: {error}."
        ),
        IoDoing::Terminal => say!(
            lang,
            "Lỗi màn hình terminal: {error}.",
            "The terminal failed: {error}."
        ),
    }
}

/// The column of a located problem: `cột score` / `column score`.
pub fn column(name: &str, lang: Lang) -> String {
    say!(lang, "cột {name}", "column {name}")
}

/// After the listed problems of a file, how many more there were.
pub fn more_problems(more: usize, lang: Lang) -> String {
    say!(lang, "… và {more} lỗi khác.", "… and {more} more problems.")
}

/// The last line of a refused file's report.
pub fn file_refused(lang: Lang) -> &'static str {
    lang.pick(
        "Tệp bị từ chối: không có dữ liệu nào được ghi vào cơ sở dữ liệu.",
        "The file was refused: nothing was written to the database.",
    )
}

/// One problem of an input file, without its place.
pub fn problem(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        Unreadable(e) => say!(
            lang,
            "không mở được tệp ({e})",
            "the file cannot be read ({e})"
        ),
        NotUtf8 => lang
            .pick(
                "tệp không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); hãy lưu lại dưới dạng CSV UTF-8",
                "the file is not UTF-8 (perhaps Windows-1258 or TCVN3); save it again as CSV UTF-8",
            )
            .into(),
        Utf16 => lang
            .pick(
                "tệp được lưu dạng UTF-16; hãy lưu lại dưới dạng CSV UTF-8",
                "the file is saved as UTF-16; save it again as CSV UTF-8",
            )
            .into(),
        NulByte => lang
            .pick(
                "tệp chứa ký tự NUL nên không phải tệp văn bản; hãy lưu lại dưới dạng CSV UTF-8",
                "the file holds a NUL byte, so it is not a text file; save it again as CSV UTF-8",
            )
            .into(),
        Empty => lang
            .pick(
                "tệp rỗng, không có dòng tiêu đề",
                "the file is empty: no header row",
            )
            .into(),
        HeaderOnly => lang
            .pick(
                "tệp chỉ có dòng tiêu đề, không có dữ liệu",
                "the file has a header row and no data",
            )
            .into(),
        MissingColumn(c) => say!(
            lang,
            "thiếu cột bắt buộc «{c}»",
            "the required column '{c}' is missing"
        ),
        UnknownColumn(c) => say!(
            lang,
            "cột «{c}» không có trong mẫu (kiểm tra chính tả tên cột)",
            "unknown column '{c}' (check the spelling of the column names)"
        ),
        DuplicateColumn(c) => say!(
            lang,
            "cột «{c}» xuất hiện hai lần",
            "the column '{c}' appears twice"
        ),
        FieldCount { expected, found } => say!(
            lang,
            "dòng có {found} ô nhưng tiêu đề có {expected} cột",
            "the row has {found} cells but the header has {expected} columns"
        ),
        Syntax(m) => say!(lang, "lỗi cú pháp CSV: {m}", "CSV syntax error: {m}"),
        Required => lang
            .pick("ô này không được để trống", "this cell must not be empty")
            .into(),
        TooLong { max } => say!(
            lang,
            "nội dung dài quá {max} ký tự",
            "the text is longer than {max} characters"
        ),
        BadCode(c) => say!(
            lang,
            "mã «{c}» không hợp lệ (chỉ dùng chữ không dấu, số, «-», «_», «.»)",
            "the code '{c}' is not valid (use unaccented letters, digits, '-', '_', '.')"
        ),
        BadPoints { text, why } => {
            let why = points_error(why, lang);
            say!(lang, "«{text}»: {why}", "'{text}': {why}")
        }
        BadYesNo(v) => say!(
            lang,
            "«{v}» phải là yes hoặc no",
            "'{v}' must be yes or no"
        ),
        BadYear(v) => say!(
            lang,
            "«{v}» không phải là năm hợp lệ",
            "'{v}' is not a valid year"
        ),
        UnknownGroup(g) => say!(
            lang,
            "không có nhóm «{g}» trong năm này (chưa nạp bộ chỉ số của nhóm)",
            "there is no group '{g}' this year (its criteria set is not loaded)"
        ),
        UnknownUnit(u) => say!(
            lang,
            "không có đơn vị mã «{u}» (hãy nhập danh sách đơn vị trước)",
            "there is no unit with code '{u}' (import the units first)"
        ),
        UnknownItem { unit, item } => say!(
            lang,
            "bộ chỉ số của đơn vị {unit} không có tiêu chí «{item}»",
            "the criteria set of unit {unit} has no item '{item}'"
        ),
        ParentNotItem(c) => say!(
            lang,
            "«{c}» có tiêu chí con; chỉ chấm điểm ở tiêu chí cuối cùng",
            "'{c}' has sub-items; only the last level is scored"
        ),
        DuplicateRow { first_line } => say!(
            lang,
            "trùng với dòng {first_line}",
            "duplicates line {first_line}"
        ),
        Score { text, why } => {
            let why = score_error(why, lang);
            say!(lang, "điểm {text} {why}", "the score {text} is {why}")
        }
        SurveyAboveMax { max } => say!(
            lang,
            "điểm điều tra xã hội học vượt mức tối đa {max}",
            "the survey score is above the maximum {max}"
        ),
        Negative => lang
            .pick("không được là số âm", "must not be negative")
            .into(),
        NotApplicableBySet { item } => say!(
            lang,
            "bộ chỉ số ghi tiêu chí {item} không áp dụng cho đơn vị này; chỉ ghi được N/A",
            "the criteria set says item {item} does not apply to this unit; only N/A can be given"
        ),
        IndexOutOfRange => lang
            .pick(
                "chỉ số phải nằm trong khoảng 0 đến 100",
                "the index must be between 0 and 100",
            )
            .into(),
        PercentOutOfRange => lang
            .pick(
                "tỷ lệ điểm phải nằm trong khoảng 0 đến 100",
                "the percent must be between 0 and 100",
            )
            .into(),
        NotAField(c) => say!(
            lang,
            "«{c}» không phải mã lĩnh vực (lĩnh vực là cấp đầu của bộ chỉ số: 1, 2, 3, …)",
            "'{c}' is not a field's code (fields are the first level of a criteria set: 1, 2, 3, …)"
        ),
        BadOption(o) => say!(
            lang,
            "mức điểm «{o}» phải viết dạng «nhãn=điểm»",
            "the option '{o}' must be written as 'label=points'"
        ),
        Toml(m) => say!(
            lang,
            "tệp TOML không đúng: {m}",
            "the TOML file is not right: {m}"
        ),
        Set(e) => set_error(e, lang),
        GroupInUse { unit, from } => say!(
            lang,
            "đơn vị {unit} đã có điểm tự chấm hoặc quyết định theo bộ chỉ số nhóm {from} nên không chuyển sang nhóm khác được",
            "unit {unit} already has self scores or decisions under the set of group {from}, so it cannot move to another group"
        ),
        UnitOfOtherGroup { unit, group } => say!(
            lang,
            "đơn vị {unit} thuộc nhóm {group}, không thuộc nhóm của bộ chỉ số này",
            "unit {unit} belongs to group {group}, not to this set's group"
        ),
        WrongYear { expected, found } => say!(
            lang,
            "năm {found} khác với năm đang làm việc {expected}",
            "the year {found} is not the working year {expected}"
        ),
        NotWorkbook(m) => say!(
            lang,
            "không đọc được tệp Excel ({m}); hãy mở tệp bằng Excel và lưu lại dạng .xlsx",
            "the file cannot be read as an Excel workbook ({m}); open it in Excel and save it again as .xlsx"
        ),
        WorkbookFormat(ext) => say!(
            lang,
            "không đọc được tệp dạng .{ext}; hãy lưu lại dạng Excel .xlsx hoặc CSV UTF-8",
            "a .{ext} file cannot be read; save it again as an Excel .xlsx file or as CSV UTF-8"
        ),
        UnknownSheet { name, sheets } => {
            let list = quoted(sheets, lang);
            say!(
                lang,
                "tệp không có trang tính «{name}»; các trang tính trong tệp: {list}",
                "the workbook has no sheet '{name}'; its sheets are: {list}"
            )
        }
        NoHeaderRow { sheet, columns } => {
            let list = quoted(columns, lang);
            say!(
                lang,
                "không tìm thấy dòng tiêu đề trong trang tính «{sheet}»: không dòng nào có các cột {list}",
                "no header row in sheet '{sheet}': no row has the columns {list}"
            )
        }
        CodeAsNumber(v) => say!(
            lang,
            "Excel đã lưu mã này dạng số ({v}) nên không biết chắc là mã nào (mã 7.10 thành số 7.1); hãy định dạng cột là Văn bản (Text) rồi nhập lại mã",
            "Excel stored this code as the number {v}, so which code was meant cannot be known (the code 7.10 becomes the number 7.1); format the column as Text and type the codes again"
        ),
        CodeAsDate(v) => say!(
            lang,
            "Excel đã đổi mã này thành ngày {v}; hãy định dạng cột là Văn bản (Text) rồi nhập lại mã",
            "Excel turned this code into the date {v}; format the column as Text and type the codes again"
        ),
        DateInNumber(v) => say!(
            lang,
            "ô chứa ngày tháng ({v}), không phải một con số; hãy định dạng ô là Số (Number) rồi nhập lại",
            "the cell holds a date ({v}), not a number; format the cell as Number and type the value again"
        ),
        InexactNumber(v) => say!(
            lang,
            "ô chứa số {v}, không tròn đến 2 chữ số thập phân (Excel có thể chỉ hiển thị số đã làm tròn); điểm không được tự làm tròn: hãy nhập đúng điểm, tối đa 2 chữ số thập phân",
            "the cell holds the number {v}, which is not exact to 2 decimals (Excel may show it rounded); points are never rounded here: type the exact points, at most 2 decimals"
        ),
        ExcelError(e) => say!(
            lang,
            "ô chứa lỗi Excel {e} (thường do công thức); hãy sửa công thức hoặc nhập giá trị",
            "the cell holds the Excel error {e} (usually from a formula); fix the formula or type the value"
        ),
        NoColumnName { header_row } => say!(
            lang,
            "ô có dữ liệu nhưng cột của ô không có tên ở dòng tiêu đề (dòng {header_row})",
            "the cell has data but its column has no name in the header row (row {header_row})"
        ),
    }
}

/// Names as a list: `«Sheet1», «Tự chấm»` / `'Sheet1', 'Tự chấm'`.
fn quoted(names: &[String], lang: Lang) -> String {
    names
        .iter()
        .map(|n| say!(lang, "«{n}»", "'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `--sheet` given for a file that is not a workbook.
pub fn sheet_needs_workbook(file: &str, lang: Lang) -> String {
    say!(
        lang,
        "{file}: «--sheet» chỉ dùng cho tệp Excel (.xlsx); tệp CSV không có trang tính.",
        "{file}: '--sheet' is for Excel files (.xlsx) only; a CSV file has no sheets."
    )
}

/// A bonus or deduction block's name.
fn block(k: ItemKind, lang: Lang) -> &'static str {
    match k {
        ItemKind::Regular => lang.pick("thường", "regular"),
        ItemKind::Bonus => lang.pick("điểm thưởng", "bonus"),
        ItemKind::Deduction => lang.pick("điểm trừ", "deduction"),
    }
}

/// What is wrong with a criteria set.
pub fn set_error(e: &SetError, lang: Lang) -> String {
    use SetError::*;
    match e {
        DuplicateCode { code, .. } => {
            say!(lang, "mã {code} bị trùng", "the code {code} appears twice")
        }
        MissingParent { code, parent, .. } => say!(
            lang,
            "tiêu chí {code} không có tiêu chí cha {parent}",
            "node {code} has no parent node {parent}"
        ),
        TooDeep { code, .. } => say!(
            lang,
            "tiêu chí {code} có quá nhiều cấp",
            "node {code} is nested too deeply"
        ),
        EmptyTitle { code, .. } => say!(
            lang,
            "tiêu chí {code} chưa có tên",
            "node {code} has no title"
        ),
        NegativeMax { code, .. } => say!(
            lang,
            "điểm tối đa của {code} là số âm",
            "the maximum of {code} is negative"
        ),
        MinAboveMax { code, .. } => say!(
            lang,
            "điểm tối thiểu của {code} lớn hơn điểm tối đa",
            "the minimum of {code} is above its maximum"
        ),
        ChildrenSum { code, max, sum, .. } => say!(
            lang,
            "các tiêu chí con của {code} cộng lại được {sum} điểm, nhưng điểm tối đa của {code} là {max}",
            "the children of {code} add up to {sum} points but {code} has a maximum of {max}"
        ),
        FieldsSum { appraisal_max, sum } => say!(
            lang,
            "các lĩnh vực cộng lại được {sum} điểm, nhưng điểm thẩm định tối đa là {appraisal_max}",
            "the fields add up to {sum} points but the appraisal maximum is {appraisal_max}"
        ),
        OptionOutOfRange { code, points, .. } => say!(
            lang,
            "mức điểm {points} của {code} nằm ngoài khoảng điểm của tiêu chí",
            "the option {points} of {code} is outside the item's range"
        ),
        DuplicateOption { code, points, .. } => say!(
            lang,
            "mức điểm {points} của {code} bị lặp",
            "the option {points} of {code} appears twice"
        ),
        OptionsBelowMax {
            code, best, max, ..
        } => say!(
            lang,
            "mức điểm cao nhất của {code} là {best}, khác điểm tối đa {max}",
            "the best option of {code} is {best}, not its maximum {max}"
        ),
        RulesOnParent { code, .. } => say!(
            lang,
            "{code} có tiêu chí con nên không được có mức điểm hay danh sách không áp dụng",
            "{code} has children, so it cannot have options or a not-applicable list"
        ),
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
            let b = block(*kind, lang);
            say!(
                lang,
                "khối {b} không có tiêu chí nào",
                "the {b} block has no items"
            )
        }
        ItemsWithoutBlock { kind, .. } => {
            let b = block(*kind, lang);
            say!(
                lang,
                "có tiêu chí {b} nhưng chưa khai báo khối và mức trần",
                "{b} items without a declared block and cap"
            )
        }
        NonPositiveMaximum => lang
            .pick(
                "tổng điểm tối đa phải lớn hơn 0",
                "the total maximum must be above 0",
            )
            .into(),
    }
}
