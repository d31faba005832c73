//! Why something was refused: problems in a file, the store's refusals, a decision or a
//! final ranking that cannot be made. Each reason is worded once, in both languages.

use super::{Lang, say};
use crate::domain::criteria::{ItemKind, ScoreError, SetError};
use crate::domain::{DecideError, Points, PointsError, RankError};
use crate::io::OsError;
use crate::io::problem::cell_ref;
use crate::io::xlsxguard::{Damage, TooLarge};
use crate::io::{FileError, Problem};
use crate::service::{AppError, IoDoing};
use crate::store::StoreError;
use std::fmt::Write as _;

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
/// Why a group has no final ranking, naming the group as councils say it.
pub fn rank_error(group: &str, name: &str, e: &RankError, lang: Lang) -> String {
    match e {
        RankError::Undecided { items, units } => {
            let left = undecided_phrase(*items, *units, lang);
            say!(
                lang,
                "Chưa có xếp hạng chính thức của {name} ({group}): {left}.",
                "No final ranking for {name} ({group}) yet: {left}."
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
                "Chưa có xếp hạng chính thức của {name} ({group}): thiếu điểm điều tra xã hội học của {list}.",
                "No final ranking for {name} ({group}) yet: the survey score of {list} is missing."
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

/// `publish` on a year already published.
pub fn already_published(year: i32, at: &str, by: &str, lang: Lang) -> String {
    say!(
        lang,
        "Kết quả năm {year} đã công bố lúc {at} (người công bố {by}); không công bố lại. Muốn sửa rồi công bố lại, hãy hủy công bố trước: «thamdinh --year {year} unpublish --comment \"lý do\"».",
        "The results of {year} were already published at {at} (by {by}); they are not published again. To change them and publish again, unpublish first: 'thamdinh --year {year} unpublish --comment \"why\"'."
    )
}

/// A year that cannot be published yet, with each group's reason.
pub fn publish_refused(year: i32, reasons: &[String], lang: Lang) -> String {
    let list: String = reasons.iter().map(|r| format!("\n  - {r}")).collect();
    say!(
        lang,
        "Chưa công bố được kết quả năm {year}: cần có xếp hạng chính thức của mọi nhóm; chưa ghi gì.{list}",
        "The results of {year} were not published: every group needs its final ranking; nothing was written.{list}"
    )
}

pub fn no_sets(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Cơ sở dữ liệu chưa có bộ chỉ số năm {year}: hãy chạy «thamdinh init --year {year}» trước.",
        "The database has no criteria sets for {year}: run 'thamdinh init --year {year}' first."
    )
}

/// A group with no self score yet: nothing ranked until the units' files are imported.
pub fn no_self_scores(group: &str, name: &str, lang: Lang) -> String {
    say!(
        lang,
        "Nhóm {group} ({name}) chưa nhập điểm tự chấm — f để nhập (tệp điểm tự chấm của các đơn vị); chưa xếp hạng được.",
        "Group {group} ({name}) has no self scores yet — f to import them (the units' self-assessment files); nothing is ranked until then."
    )
}

/// A group that starts in a new year without its criteria set.
pub fn group_needs_set(group: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Nhóm {group} bắt đầu từ năm {year} nhưng chưa có bộ chỉ số: thêm «--set tệp.toml» (bộ chỉ số của nhóm {group}) vào lệnh new-year. Chưa ghi gì vào cơ sở dữ liệu.",
        "Group {group} starts in {year} but has no criteria set: add '--set file.toml' (group {group}'s set) to the new-year command. Nothing was written to the database."
    )
}

/// What the operating system said, in the user's language: the failures a council member
/// meets (not found, no permission, a folder, a full disk, a read-only disk, a file in use …)
/// as words, never as "(os error N)". The system's own text is kept only for a failure none of
/// these covers.
pub fn os_error(e: &OsError, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let by_code = e.code.and_then(|c| os_words(c, lang));
    if let Some(words) = by_code {
        return words.to_string();
    }
    let by_kind = match e.kind {
        K::NotFound => Some(("không có tệp hay thư mục này", "no such file or folder")),
        K::PermissionDenied => Some((
            "không có quyền (hãy hỏi người quản trị máy)",
            "permission denied (ask the machine's administrator)",
        )),
        K::AlreadyExists => Some(("đã có tệp cùng tên", "a file of that name exists")),
        K::IsADirectory => Some((
            "đây là một thư mục, không phải tệp",
            "it is a folder, not a file",
        )),
        K::NotADirectory => Some((
            "một phần của đường dẫn là tệp, không phải thư mục",
            "part of the path is a file, not a folder",
        )),
        K::StorageFull | K::QuotaExceeded => Some((
            "ổ đĩa đã đầy (hoặc hết hạn mức)",
            "the disk is full (or the quota is used up)",
        )),
        K::ReadOnlyFilesystem => Some(("ổ đĩa chỉ cho đọc", "the disk is read-only")),
        K::ResourceBusy | K::ExecutableFileBusy => Some((
            "tệp đang được chương trình khác dùng",
            "the file is in use by another program",
        )),
        K::BrokenPipe => Some((
            "chương trình nhận kết quả đã đóng",
            "the program receiving the output has closed",
        )),
        K::InvalidFilename => Some((
            "tên tệp không hợp lệ hoặc quá dài",
            "the file name is not valid or too long",
        )),
        K::FileTooLarge => Some((
            "tệp lớn quá mức hệ thống cho phép",
            "the file is larger than the system allows",
        )),
        K::Interrupted | K::TimedOut => Some((
            "thao tác bị ngắt giữa chừng",
            "the operation was interrupted",
        )),
        K::OutOfMemory => Some(("máy hết bộ nhớ", "the machine is out of memory")),
        _ => None,
    };
    match by_kind {
        Some((vi, en)) => lang.pick(vi, en).to_string(),
        None => {
            // The system's text without its "(os error N)", the number kept as a code.
            let text = e.text.split(" (os error").next().unwrap_or(&e.text);
            match e.code {
                Some(n) => say!(
                    lang,
                    "lỗi hệ thống số {n}: {text}",
                    "system error {n}: {text}"
                ),
                None => text.to_string(),
            }
        }
    }
}

/// The Unix error numbers whose kind Rust does not name precisely enough.
fn os_words(code: i32, lang: Lang) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use nix::libc;
        let (vi, en) = match code {
            libc::ENOSPC => ("ổ đĩa đã đầy", "the disk is full"),
            libc::EDQUOT => (
                "đã hết hạn mức dung lượng của tài khoản",
                "the account's disk quota is used up",
            ),
            libc::EROFS => ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
            libc::EACCES | libc::EPERM => (
                "không có quyền (hãy hỏi người quản trị máy)",
                "permission denied (ask the machine's administrator)",
            ),
            libc::ELOOP => (
                "đường dẫn đi qua quá nhiều liên kết (hoặc là một liên kết không được theo)",
                "the path goes through too many links (or is a link that is not followed)",
            ),
            libc::EIO => (
                "ổ đĩa báo lỗi đọc/ghi (hãy kiểm tra ổ đĩa hoặc mạng)",
                "the disk reported an input/output error (check the disk or the network)",
            ),
            libc::ENAMETOOLONG => (
                "tên tệp hoặc đường dẫn quá dài",
                "the file name or path is too long",
            ),
            libc::EMFILE | libc::ENFILE => (
                "đang mở quá nhiều tệp cùng lúc",
                "too many files are open at once",
            ),
            libc::EXDEV => (
                "không chuyển được tệp sang ổ đĩa khác",
                "the file cannot be moved to another disk",
            ),
            _ => return None,
        };
        Some(lang.pick(vi, en))
    }
    #[cfg(not(unix))]
    {
        let _ = (code, lang);
        None
    }
}

/// At most `max` characters of `text`, with `…` when cut.
fn cut_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// SQLite's failures as sentences: what happened to the file and what to do. The engine's own
/// English is kept only for a failure no sentence here covers, quoted as the engine's.
pub fn sqlite_error(err: &rusqlite::Error, lang: Lang) -> String {
    use rusqlite::ErrorCode as C;
    let (code, message) = match err {
        rusqlite::Error::SqliteFailure(e, m) => (Some(e.code), m.as_deref().unwrap_or("")),
        _ => (None, ""),
    };
    let missing = |prefix: &str| message.strip_prefix(prefix).map(str::trim);
    if let Some(table) = missing("no such table:") {
        return say!(
            lang,
            "Cơ sở dữ liệu thiếu bảng {table}: tệp đã bị chương trình khác sửa hoặc bị hỏng. Hãy dùng bản sao lưu gần nhất; chưa ghi gì thêm vào tệp.",
            "The database lacks its table {table}: the file was changed by another program or damaged. Use the latest backup; nothing more was written to it."
        );
    }
    if let Some(column) = missing("no such column:") {
        return say!(
            lang,
            "Cơ sở dữ liệu thiếu cột {column}: tệp đã bị chương trình khác sửa hoặc bị hỏng. Hãy dùng bản sao lưu gần nhất; chưa ghi gì thêm vào tệp.",
            "The database lacks its column {column}: the file was changed by another program or damaged. Use the latest backup; nothing more was written to it."
        );
    }
    // SQLITE_IOERR_SHMSIZE: the shared-memory file beside the database could not grow, which
    // on a disk that is otherwise sound means it is full.
    const SHMSIZE: i32 = 4874;
    let code = match err {
        rusqlite::Error::SqliteFailure(e, _) if e.extended_code == SHMSIZE => Some(C::DiskFull),
        _ => code,
    };
    match code {
        Some(C::DatabaseCorrupt) => lang
            .pick(
                "Tệp cơ sở dữ liệu bị hỏng (một phần nội dung không còn đọc được). Hãy dùng bản sao lưu gần nhất; chưa ghi gì thêm vào tệp.",
                "The database file is damaged (part of it can no longer be read). Use the latest backup; nothing more was written to it.",
            )
            .into(),
        Some(C::NotADatabase) => lang
            .pick(
                "Tệp không phải (hoặc không còn là) một cơ sở dữ liệu SQLite: phần đầu tệp đã bị ghi đè. Hãy kiểm tra đường dẫn --db, hoặc dùng bản sao lưu gần nhất.",
                "The file is not (or no longer) an SQLite database: its beginning was overwritten. Check the --db path, or use the latest backup.",
            )
            .into(),
        Some(C::DiskFull) => lang
            .pick(
                "Ổ đĩa đã đầy: việc vừa làm không được ghi (những gì đã ghi trước đó vẫn còn nguyên). Hãy giải phóng chỗ trống rồi làm lại.",
                "The disk is full: what was just done was not written (everything written before is intact). Free some space and do it again.",
            )
            .into(),
        Some(C::DatabaseBusy | C::DatabaseLocked) => lang
            .pick(
                "Một phiên làm việc khác đang ghi vào cơ sở dữ liệu quá lâu; chưa ghi gì. Hãy thử lại sau giây lát.",
                "Another session has been writing to the database for too long; nothing was written. Try again in a moment.",
            )
            .into(),
        Some(C::ReadOnly) => lang
            .pick(
                "Cơ sở dữ liệu chỉ đọc được, không ghi được (ổ đĩa hoặc thư mục chỉ cho đọc); chưa ghi gì.",
                "The database can be read but not written (a read-only disk or folder); nothing was written.",
            )
            .into(),
        Some(C::PermissionDenied) => lang
            .pick(
                "Không có quyền truy cập tệp cơ sở dữ liệu; chưa ghi gì. Hãy hỏi người quản trị máy.",
                "No permission to use the database file; nothing was written. Ask the machine's administrator.",
            )
            .into(),
        Some(C::CannotOpen) => lang
            .pick(
                "Không mở được tệp cơ sở dữ liệu (thư mục không tồn tại hoặc không vào được).",
                "The database file cannot be opened (its folder is missing or cannot be entered).",
            )
            .into(),
        Some(C::SystemIoFailure) => {
            let n = match err {
                rusqlite::Error::SqliteFailure(e, _) => e.extended_code,
                _ => 0,
            };
            say!(
                lang,
                "Ổ đĩa báo lỗi khi đọc hoặc ghi cơ sở dữ liệu (mã SQLite {n}); việc vừa làm không được ghi. Hãy kiểm tra ổ đĩa (hoặc mạng, nếu tệp ở thư mục dùng chung).",
                "The disk failed while reading or writing the database (SQLite code {n}); what was just done was not written. Check the disk (or the network, for a shared folder)."
            )
        }
        _ => say!(
            lang,
            "Lỗi cơ sở dữ liệu (SQLite báo: «{err}»).",
            "Database error (SQLite says: '{err}')."
        ),
    }
}

/// What the store refused, or why it failed.
pub fn store_error(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::Sqlite(err) => sqlite_error(err, lang),
        StoreError::TooNew { found, supported } => say!(
            lang,
            "Cơ sở dữ liệu do phiên bản thamdinh mới hơn tạo (lược đồ {found}, bản này hiểu đến {supported}); hãy cập nhật thamdinh.",
            "The database was written by a newer thamdinh (schema {found}, this one knows up to {supported}); update thamdinh."
        ),
        StoreError::BadVersion(found) => super::access::bad_version(*found, lang),
        StoreError::NotOurs { path, why } => super::access::not_ours(path, why, lang),
        StoreError::NotWritable(a) => super::access::not_writable(a, lang),
        StoreError::ReadOnly => super::access::read_only(lang).to_string(),
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
        StoreError::BadSet {
            year,
            group,
            damage,
        } => {
            let what = match damage {
                crate::store::SetDamage::Code(c) => {
                    say!(lang, "mã «{c}» không hợp lệ", "the code '{c}' is not valid")
                }
                crate::store::SetDamage::Rules(errors) => errors
                    .iter()
                    .take(5)
                    .map(|e| set_error(e, lang))
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            say!(
                lang,
                "Bộ chỉ số nhóm {group} năm {year} lưu trong cơ sở dữ liệu bị hỏng (có thể do bị sửa bằng chương trình khác): {what}. Hãy chạy «thamdinh verify» và nạp lại bộ chỉ số từ tệp gốc.",
                "The stored criteria set of group {group} ({year}) is damaged (perhaps edited with another program): {what}. Run 'thamdinh verify' and import the set again from its file."
            )
        }
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
        StoreError::YearPublished(year) => say!(
            lang,
            "Kết quả năm {year} đã công bố nên không sửa được. Muốn sửa, hãy hủy công bố trước: «thamdinh --year {year} unpublish --comment \"lý do\"» (việc hủy được ghi vào nhật ký).",
            "The results of {year} are published and cannot change. To change them, unpublish first: 'thamdinh --year {year} unpublish --comment \"why\"' (recorded in the audit log)."
        ),
        StoreError::NotPublished(year) => say!(
            lang,
            "Kết quả năm {year} chưa công bố.",
            "The results of {year} are not published."
        ),
        StoreError::YearExists(year) => say!(
            lang,
            "Năm {year} đã có trong cơ sở dữ liệu (đã có bộ chỉ số hoặc đơn vị); chưa ghi gì.",
            "The year {year} already exists in the database (it has criteria sets or units); nothing was written."
        ),
        StoreError::ChangedMeanwhile(year) => say!(
            lang,
            "Một phiên làm việc khác vừa ghi vào cơ sở dữ liệu trong lúc công bố kết quả năm {year}; chưa công bố gì. Hãy chạy lại lệnh.",
            "Another session wrote to the database while the results of {year} were being published; nothing was published. Run the command again."
        ),
    }
}

/// Input or output that failed, with the system's reason.
pub fn io_failed(doing: IoDoing, target: &str, error: &OsError, lang: Lang) -> String {
    let error = os_error(error, lang);
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
        Unreadable(e) => {
            let e = os_error(e, lang);
            say!(
            lang,
            "không mở được tệp ({e})",
            "the file cannot be read ({e})"
            )
        }
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
        AssessmentHeader => lang
            .pick(
                "phiếu tự chấm không có dòng «Đơn vị» ở đầu phiếu (hãy dùng phiếu do thamdinh xuất ra)",
                "the self-assessment has no 'unit' line in its header (use the workbook thamdinh exported)",
            )
            .into(),
        AssessmentBlank => lang
            .pick(
                "phiếu tự chấm chưa có điểm nào (cột Điểm tự chấm còn trống)",
                "the self-assessment holds no self score (the score column is empty)",
            )
            .into(),
        RepliesBlank => lang
            .pick(
                "phiếu giải trình chưa có giải trình nào (cột Giải trình còn trống)",
                "the replies hold no explanation (the explanation column is empty)",
            )
            .into(),
        AssessmentYear { found, year } => say!(
            lang,
            "phiếu tự chấm của năm «{found}», không phải năm {year}",
            "the self-assessment is for the year '{found}', not {year}"
        ),
        AssessmentUnit { unit, year } => say!(
            lang,
            "đơn vị «{unit}» không có trong danh sách đơn vị năm {year}",
            "the unit '{unit}' is not one of the units of {year}"
        ),
        AssessmentGroup {
            unit,
            group,
            file_group,
        } => say!(
            lang,
            "phiếu lập cho nhóm «{file_group}» nhưng năm nay {unit} thuộc nhóm «{group}»: hãy xuất lại phiếu của đơn vị",
            "the workbook was made for the group '{file_group}' but {unit} is in the group '{group}' this year: export the unit's workbook again"
        ),
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
        BadKind(v) => say!(
            lang,
            "«{v}» không phải loại thay đổi (rename, merge, split, new, end; hoặc đổi tên, hợp nhất, chia tách, mới, kết thúc)",
            "'{v}' is not a kind of change (rename, merge, split, new, end)"
        ),
        Change(f) => change_fault(f, lang),
        BadRank(v) => say!(
            lang,
            "«{v}» không phải là thứ hạng (một số nguyên từ 1)",
            "'{v}' is not a rank (a whole number from 1)"
        ),
        RankAboveOf { rank, of } => say!(
            lang,
            "hạng {rank} lớn hơn số tỉnh, đơn vị được xếp hạng ({of})",
            "rank {rank} is beyond the number ranked ({of})"
        ),
        BadOption(o) => say!(
            lang,
            "mức điểm «{o}» phải viết dạng «nhãn=điểm»",
            "the option '{o}' must be written as 'label=points'"
        ),
        UnknownBandPreset(name) => say!(
            lang,
            "không có bộ xếp loại mẫu «{name}» (có: quoc-gia, soc-trang)",
            "there is no band preset '{name}' (there are: quoc-gia, soc-trang)"
        ),
        BandBound(name) => say!(
            lang,
            "mức xếp loại «{name}» phải có đúng một ngưỡng: «min» (từ … %) hoặc «above» (trên … %)",
            "the band '{name}' needs exactly one bound: 'min' (from … %) or 'above' (above … %)"
        ),
        SourceIncomplete => lang
            .pick(
                "quyết định ban hành bộ chỉ số phải ghi đủ số, ngày và cơ quan ban hành",
                "the decision that issued the set needs its number, date and issuer",
            )
            .into(),
        BandsTwice => lang
            .pick(
                "bộ chỉ số vừa chọn bộ xếp loại mẫu (band_preset) vừa liệt kê [[bands]]: chỉ giữ một",
                "the set names a band preset (band_preset) and lists [[bands]] too: keep one",
            )
            .into(),
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
        NotWorkbook(damage) => not_workbook(*damage, lang),
        CodeCaseCollision { code, other } => say!(
            lang,
            "mã «{code}» chỉ khác mã «{other}» ở chữ hoa, chữ thường; hai đơn vị phải có mã khác nhau (tệp thông báo của chúng sẽ trùng tên trên Windows và macOS)",
            "the code '{code}' differs from '{other}' only by case; two units need codes that differ (their notices would be one file on Windows and macOS)"
        ),
        TooManyItems { max } => say!(
            lang,
            "bộ chỉ số có quá {max} mục, quá xa mọi bộ chỉ số của một hội đồng (thường một, hai trăm mục); mục vượt giới hạn bắt đầu từ đây",
            "the criteria set holds more than {max} items, far beyond any council's (one or two hundred); the first item beyond starts here"
        ),
        FileTooLarge { max_mb } => say!(
            lang,
            "tệp lớn quá {max_mb} MB, quá xa cỡ tệp của một hội đồng; hãy kiểm tra lại đúng tệp chưa",
            "the file is over {max_mb} MB, far beyond any council's; check that it is the right file"
        ),
        RecordTooLong { max_kb } => say!(
            lang,
            "dòng bắt đầu từ đây dài quá {max_kb} KB (có thể do thiếu dấu ngoặc kép đóng, hoặc tệp không phải CSV)",
            "the line starting here is over {max_kb} KB long (perhaps a quote left open, or the file is not CSV)"
        ),
        WorkbookTooLarge(what) => workbook_too_large(what, lang),
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

/// A comment or a name over its limit.
fn too_long(what: crate::domain::text::Typed, length: usize, lang: Lang) -> String {
    use crate::domain::text::Typed;
    let max = what.max();
    match what {
        Typed::Comment => say!(
            lang,
            "Nhận xét dài {length} ký tự, quá giới hạn {max} ký tự; hãy rút gọn (chi tiết để ở tài liệu kèm theo). Chưa ghi gì.",
            "The comment is {length} characters long, over the limit of {max}; shorten it (put the details in an attached document). Nothing was recorded."
        ),
        Typed::Appraiser => say!(
            lang,
            "Tên người thẩm định dài {length} ký tự, quá giới hạn {max} ký tự. Chưa ghi gì.",
            "The appraiser's name is {length} characters long, over the limit of {max}. Nothing was recorded."
        ),
    }
}

/// Why a file cannot be read as a workbook.
fn not_workbook(damage: Damage, lang: Lang) -> String {
    match damage {
        Damage::NotZip => lang
            .pick(
                "tệp không phải là tệp Excel .xlsx (có thể là tệp khác bị đổi đuôi); hãy mở tệp bằng Excel và lưu lại dạng .xlsx",
                "the file is not an Excel .xlsx workbook (perhaps another file renamed); open it in Excel and save it again as .xlsx",
            )
            .into(),
        Damage::Protected => lang
            .pick(
                "tệp là bảng tính Excel cũ (.xls) hoặc được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx",
                "the file is an old Excel workbook (.xls) or is protected by a password; open it in Excel, remove the password and save it again as .xlsx",
            )
            .into(),
        Damage::Damaged => lang
            .pick(
                "tệp Excel bị hỏng hoặc thiếu phần dữ liệu; hãy mở tệp bằng Excel và lưu lại dạng .xlsx",
                "the workbook is damaged or has parts missing; open it in Excel and save it again as .xlsx",
            )
            .into(),
        Damage::NoSheet => lang
            .pick(
                "tệp Excel không có trang tính nào",
                "the workbook has no sheet",
            )
            .into(),
    }
}

/// What is too large in a workbook.
fn workbook_too_large(what: &TooLarge, lang: Lang) -> String {
    match what {
        TooLarge::Entries { max } => say!(
            lang,
            "tệp Excel chứa quá nhiều phần (quá {max}); đây không phải tệp của một hội đồng",
            "the workbook holds too many parts (over {max}); no council's file is this large"
        ),
        TooLarge::Part { name, max_mb } => {
            let name: String = name.chars().take(60).collect();
            say!(
                lang,
                "phần «{name}» của tệp Excel lớn quá {max_mb} MB khi giải nén; tệp bị hỏng hoặc không phải tệp của hội đồng",
                "the part '{name}' of the workbook is over {max_mb} MB once unpacked; the file is damaged or not a council's file"
            )
        }
        TooLarge::Total { max_mb } => say!(
            lang,
            "tệp Excel lớn quá {max_mb} MB khi giải nén; hãy chia nhỏ tệp",
            "the workbook is over {max_mb} MB once unpacked; split it into smaller files"
        ),
        TooLarge::Strings { max } => say!(
            lang,
            "tệp Excel khai báo hoặc chứa quá {max} chuỗi văn bản; tệp bị hỏng hoặc không phải tệp của hội đồng",
            "the workbook declares or holds over {max} texts; the file is damaged or not a council's file"
        ),
        TooLarge::Cells { max } => say!(
            lang,
            "trang tính có quá {max} ô có dữ liệu; hãy chia nhỏ tệp",
            "the sheet has over {max} cells with data; split it into smaller files"
        ),
        TooLarge::Column { last } => say!(
            lang,
            "ô nằm sau cột {last}, cột cuối cùng được đọc; hãy xóa các ô ở xa bảng dữ liệu",
            "the cell is beyond column {last}, the last column read; delete the cells far from the table"
        ),
        TooLarge::Text { max_mb } => say!(
            lang,
            "các ô của trang tính chứa quá {max_mb} MB văn bản; hãy chia nhỏ tệp",
            "the cells of the sheet hold over {max_mb} MB of text; split it into smaller files"
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
        BadBandName { name } => say!(
            lang,
            "tên mức xếp loại «{name}» trống hoặc có dấu phẩy",
            "the band name «{name}» is empty or holds a comma"
        ),
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
        TooManyNodes { count } => {
            let max = crate::domain::criteria::MAX_NODES;
            say!(
                lang,
                "bộ chỉ số có {count} mục, quá giới hạn {max} mục",
                "the set has {count} items, over the limit of {max}"
            )
        }
    }
}

/// The first 16 hex digits of a hash, for a sentence.
fn short_hash(h: &str) -> String {
    format!("{}…", h.get(..16).unwrap_or(h))
}

/// An action of the audit log, in words.
fn action_word(action: &str, lang: Lang) -> String {
    match action {
        "decide" => lang.pick("quyết định", "decision").into(),
        "undo" => lang.pick("hoàn tác", "undo").into(),
        "comment" => lang.pick("nhận xét", "comment").into(),
        "close" => lang.pick("khóa đơn vị", "closing").into(),
        "reopen" => lang.pick("mở lại đơn vị", "reopening").into(),
        crate::domain::ledger::CHAINED => lang.pick("xâu chuỗi khi nâng cấp", "chaining").into(),
        crate::domain::seal::IMPORT => lang.pick("nhập dữ liệu", "import").into(),
        crate::domain::seal::SEAL => lang.pick("niêm phong", "seal").into(),
        "publish" => lang.pick("công bố", "publication").into(),
        "unpublish" => lang.pick("hủy công bố", "unpublication").into(),
        "new_year" => lang.pick("tạo năm mới", "new year").into(),
        other => other.to_string(),
    }
}

/// A sentence that starts with a row's words starts with a capital.
fn capital(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// A row of the audit log, for a sentence: `row 17 of the audit log (SNV 1.1.3, 2022: decision
/// at 2022-11-30T02:41:07Z)`.
fn ledger_row(p: &crate::domain::ledger::Place, lang: Lang) -> String {
    let id = p.id;
    let what = action_word(&p.action, lang);
    let at = &p.at;
    let about = match (&p.item, p.year) {
        (Some(item), Some(year)) => format!("{} {item}, {year}: ", p.unit),
        (None, Some(year)) if !p.unit.is_empty() => format!("{}, {year}: ", p.unit),
        _ => String::new(),
    };
    say!(
        lang,
        "dòng {id} của sổ nhật ký ({about}{what} lúc {at})",
        "row {id} of the audit log ({about}{what} at {at})"
    )
}

/// A value named in a sentence about the ledger.
fn shown(v: &crate::domain::ledger::Shown, lang: Lang) -> String {
    use crate::domain::ledger::Shown;
    match v {
        Shown::State(None) => lang.pick("«chưa thẩm định»", "'not decided'").into(),
        Shown::State(Some(s)) => {
            let label = crate::domain::State::parse(s)
                .map(|st| super::state_label(st, lang).to_string())
                .unwrap_or_else(|| s.clone());
            say!(lang, "«{label}»", "'{label}'")
        }
        Shown::Score(None) => lang.pick("không có điểm", "no score").into(),
        Shown::Score(Some(h)) => Points::from_hundredths(*h).to_string(),
        Shown::Text(t) => say!(lang, "«{t}»", "\"{t}\""),
        Shown::Number(n) => n.to_string(),
        Shown::Closed(true) => lang.pick("đã khóa", "closed").into(),
        Shown::Closed(false) => lang.pick("đang mở", "open").into(),
        Shown::Nothing => lang.pick("không có gì", "nothing").into(),
    }
}

/// Where the expected value of a field was read, worded to go before it.
fn source_words(s: &crate::domain::ledger::Source, lang: Lang) -> String {
    use crate::domain::ledger::Source;
    match s {
        Source::LogBefore => lang
            .pick("các dòng trước nó để lại", "the rows before it leave")
            .into(),
        Source::NextRow(n) => say!(
            lang,
            "dòng {n} (dòng kế tiếp về mục này) ghi giá trị trước đó là",
            "row {n} (the next on this item) starts from"
        ),
        Source::Table => lang
            .pick("cơ sở dữ liệu hiện ghi", "the database now holds")
            .into(),
        Source::Undone(n) => say!(
            lang,
            "dòng {n} (dòng được hoàn tác) ghi",
            "row {n} (the row it undoes) had"
        ),
        Source::Rules => lang
            .pick(
                "theo quy tắc của sổ phải là",
                "by the log's rules it must be",
            )
            .into(),
    }
}

/// `Field F: the rows before it leave X, the row says Y.`
fn field_words(m: &crate::domain::ledger::Mismatch, lang: Lang) -> String {
    let (field, source) = (m.field, source_words(&m.source, lang));
    let (expected, found) = (shown(&m.expected, lang), shown(&m.found, lang));
    say!(
        lang,
        "Trường {field}: {source} {expected}, còn dòng này ghi {found}.",
        "Field {field}: {source} {expected}, this row says {found}."
    )
}

/// What the other records tell of the field changed, after a space (nothing when not looked).
fn suspect_words(s: &crate::domain::ledger::Suspect, lang: Lang) -> String {
    use crate::domain::ledger::Suspect;
    match s {
        Suspect::Named(m) => format!(" {}", field_words(m, lang)),
        Suspect::NoneTells => format!(
            " {}",
            lang.pick(
                "Không có bản ghi nào khác cho biết trường nào bị sửa; dòng có thể đã bị chèn, đổi chỗ hoặc sửa.",
                "No other record tells which field was changed; the row may have been inserted, moved or edited.",
            )
        ),
        Suspect::NotLooked => String::new(),
    }
}

/// Rows `a`–`b` (or row `a`).
fn rows_range(a: i64, b: i64, lang: Lang) -> String {
    if a >= b {
        say!(lang, "dòng {a}", "row {a}")
    } else {
        say!(lang, "các dòng {a}–{b}", "rows {a}–{b}")
    }
}

/// What breaks the ledger, in a sentence: which row (or decision), which field, what was
/// expected and what is there.
pub fn ledger_break(b: &crate::domain::ledger::Break, lang: Lang) -> String {
    use crate::domain::ledger::Break;
    match b {
        Break::Trigger { name, missing } => {
            let guard = if name == "audit_chained" {
                lang.pick(
                    "thứ từ chối mọi dòng không có mã băm",
                    "which refuses any row without its hash",
                )
            } else {
                lang.pick(
                    "thứ giữ cho sổ nhật ký chỉ được ghi thêm",
                    "which keeps the audit log append-only",
                )
            };
            if *missing {
                say!(
                    lang,
                    "Trình kích hoạt (trigger) {name}, {guard}, đã bị xóa khỏi tệp: có người đã sửa cơ sở dữ liệu ngoài thamdinh.",
                    "The trigger {name}, {guard}, was dropped from the file: someone changed the database outside thamdinh."
                )
            } else {
                say!(
                    lang,
                    "Trình kích hoạt (trigger) {name}, {guard}, đã bị thay bằng một trình khác: có người đã sửa cơ sở dữ liệu ngoài thamdinh.",
                    "The trigger {name}, {guard}, was replaced by another: someone changed the database outside thamdinh."
                )
            }
        }
        Break::Gap { missing_from, row } => {
            let gone = rows_range(*missing_from, row.id - 1, lang);
            let are = if *missing_from < row.id - 1 {
                "are"
            } else {
                "is"
            };
            let row = ledger_row(row, lang);
            let before = missing_from - 1;
            say!(
                lang,
                "Sổ nhật ký bị xóa dòng: {gone} không còn, {row} đứng ngay sau dòng {before} (mã băm của nó được xâu vào dòng đã mất).",
                "Rows were deleted from the audit log: {gone} {are} gone, and {row} comes right after row {before} (its hash was chained on the row that is gone)."
            )
        }
        Break::NoHash {
            row,
            computed,
            field,
        } => {
            let (row, computed) = (capital(ledger_row(row, lang)), short_hash(computed));
            let detail = suspect_words(field, lang);
            say!(
                lang,
                "{row} không có mã băm: dòng này không do thamdinh ghi (nội dung của nó cho mã {computed}), nó đã được chèn vào sổ ngoài thamdinh.{detail}",
                "{row} has no hash: thamdinh did not write it (its content gives {computed}); it was inserted outside thamdinh.{detail}"
            )
        }
        Break::Hash {
            row,
            computed,
            stored,
            field,
        } => {
            let row = capital(ledger_row(row, lang));
            let (computed, stored) = (short_hash(computed), short_hash(stored));
            let detail = suspect_words(field, lang);
            say!(
                lang,
                "{row} đã bị sửa sau khi ghi: chuỗi băm ghi mã {stored}, nội dung hiện tại của dòng cho mã {computed}.{detail}",
                "{row} was changed after it was written: the chain recorded hash {stored}, the row's content now gives {computed}.{detail}"
            )
        }
        Break::Replay { row, field } => {
            let row = capital(ledger_row(row, lang));
            let detail = field_words(field, lang);
            say!(
                lang,
                "{row} không khớp với phần còn lại của sổ dù mã băm đúng: chuỗi băm đã bị tính lại sau khi sửa. {detail}",
                "{row} does not follow from the rest of the log although its hash is right: the chain was computed again after a change. {detail}"
            )
        }
        Break::Sequence { last, written } => say!(
            lang,
            "Phần cuối sổ nhật ký đã bị cắt: SQLite đã đánh số dòng tới {written}, nhưng dòng cuối còn lại là dòng {last}.",
            "The end of the audit log was cut off: SQLite numbered its rows up to {written}, but the last row left is row {last}."
        ),
        Break::Decision {
            key,
            field,
            last_row,
        } => {
            let (unit, item, year) = (&key.unit, &key.item, key.year);
            let f = field.field;
            let (expected, found) = (shown(&field.expected, lang), shown(&field.found, lang));
            let log = match last_row {
                Some(n) => say!(
                    lang,
                    "sổ nhật ký (tới dòng {n}) để lại",
                    "the audit log (up to row {n}) leaves"
                ),
                None => lang
                    .pick(
                        "sổ nhật ký không có dòng nào về mục này, tức là",
                        "the audit log has no row on this item, that is",
                    )
                    .into(),
            };
            say!(
                lang,
                "Quyết định của {unit} về mục {item} (năm {year}) không khớp với sổ nhật ký: trường {f} trong bảng quyết định là {found}, còn {log} {expected}. Bảng quyết định đã bị sửa ngoài thamdinh.",
                "The decision of {unit} on item {item} ({year}) does not match the audit log: its field {f} is {found} in the decisions table, while {log} {expected}. The decisions table was changed outside thamdinh."
            )
        }
        Break::Previous {
            year,
            unit,
            log,
            table,
        } => {
            let figure = |f: &Option<Option<i64>>| -> String {
                match f {
                    None => lang.pick("không có", "none").to_string(),
                    Some(None) => lang.pick("không so sánh", "no comparison").to_string(),
                    Some(Some(h)) => Points::from_hundredths(*h).fixed2(),
                }
            };
            let (log, table) = (figure(log), figure(table));
            say!(
                lang,
                "Chỉ số năm trước Hội đồng đặt cho đơn vị {unit} (năm {year}) là {table} trong bảng, nhưng sổ nhật ký ghi {log}: con số hoặc lý do đã được sửa ngoài thamdinh.",
                "The council's figure for unit {unit} ({year}) is {table} in the table, but the audit log says {log}: the figure or its reason was changed outside thamdinh."
            )
        }
        Break::Kept { key, log, table } => {
            let none = lang.pick("(không có)", "(none)");
            let quote = |t: &Option<String>| {
                t.as_deref()
                    .map_or_else(|| none.to_string(), |t| format!("«{}»", cut_chars(t, 60)))
            };
            let (log, table) = (quote(log), quote(table));
            let (year, unit, item) = (key.year, &key.unit, &key.item);
            say!(
                lang,
                "Nhận xét giữ lại ở mục {item} của {unit} (năm {year}, chưa có quyết định) là {table} trong bảng, nhưng sổ nhật ký ghi {log}: nhận xét đã bị sửa ngoài thamdinh.",
                "The comment kept on item {item} of {unit} ({year}, not decided) is {table} in the table, but the audit log says {log}: it was changed outside thamdinh."
            )
        }
        Break::Closed {
            year,
            unit,
            log,
            table,
        } => {
            let (log, table) = (
                shown(&crate::domain::ledger::Shown::Closed(*log), lang),
                shown(&crate::domain::ledger::Shown::Closed(*table), lang),
            );
            say!(
                lang,
                "Đơn vị {unit} (năm {year}) {table} trong bảng đơn vị, nhưng sổ nhật ký để nó {log}: việc khóa hoặc mở lại đã được làm ngoài thamdinh.",
                "Unit {unit} ({year}) is {table} in the units table, but the audit log leaves it {log}: it was closed or reopened outside thamdinh."
            )
        }
        Break::Sealed { scope, tamper } => sealed_words(scope, tamper, lang),
        Break::StoredTotals {
            year,
            unit,
            stored,
            computed,
            parts_only,
        } => {
            let (stored, computed) = (
                Points::from_hundredths(*stored).fixed2(),
                Points::from_hundredths(*computed).fixed2(),
            );
            if *parts_only {
                say!(
                    lang,
                    "Điểm theo lĩnh vực và tiêu chí lưu sẵn của đơn vị {unit} (năm {year}) không khớp với điểm chấm của nó: bản lưu đã bị sửa ngoài thamdinh. Kết quả luôn được tính lại từ điểm chấm.",
                    "The stored points per field and criterion of unit {unit} ({year}) disagree with its scores: the copy was changed outside thamdinh. Results are computed from the scores."
                )
            } else {
                say!(
                    lang,
                    "Tổng điểm lưu sẵn của đơn vị {unit} (năm {year}) là {stored}, nhưng điểm chấm của nó cho {computed}: bản lưu đã bị sửa ngoài thamdinh. Kết quả chính thức và công bố luôn được tính lại từ điểm chấm.",
                    "The stored total of unit {unit} ({year}) is {stored}, but its scores give {computed}: the copy was changed outside thamdinh. Final and published results are computed from the scores."
                )
            }
        }
        Break::BadSeal { row } => {
            let row = capital(ledger_row(row, lang));
            say!(
                lang,
                "{row} là một dấu niêm phong không đọc được (phải là LOẠI MÃ): nó không do thamdinh ghi.",
                "{row} is a seal that does not read (it must be KIND HEX): thamdinh did not write it."
            )
        }
        Break::Anchor {
            id,
            expected,
            found,
        } => {
            let expected = short_hash(expected);
            match found {
                Some(f) => {
                    let f = short_hash(f);
                    say!(
                        lang,
                        "Dòng {id} của sổ nhật ký, đã được kiểm tra trên máy này, đã bị sửa: khi kiểm tra mã băm là {expected}, nay là {f}. Sổ đã bị viết lại.",
                        "Row {id} of the audit log, verified on this computer, was changed: its hash was {expected} when verified, it is {f} now. The log was rewritten."
                    )
                }
                None => say!(
                    lang,
                    "Dòng {id} của sổ nhật ký, đã được kiểm tra trên máy này (mã băm {expected}), không còn nữa: sổ đã bị cắt hoặc viết lại.",
                    "Row {id} of the audit log, verified on this computer (hash {expected}), is gone: the log was cut or rewritten."
                ),
            }
        }
    }
}

/// What a scope holds, for a sentence: `the self scores of unit SNV (2024)`.
fn scope_words(scope: &crate::domain::seal::Scope, lang: Lang) -> String {
    use crate::domain::seal::Kind;
    let (key, year) = (&scope.key, scope.year);
    match scope.kind {
        Kind::Units => say!(
            lang,
            "tên, nhóm hoặc việc xếp hạng của đơn vị {key} (năm {year})",
            "the name, group or ranking of unit {key} ({year})"
        ),
        Kind::Survey => say!(
            lang,
            "điểm khảo sát của đơn vị {key} (năm {year})",
            "the survey score of unit {key} ({year})"
        ),
        Kind::SelfScores => say!(
            lang,
            "điểm tự chấm của đơn vị {key} (năm {year})",
            "the self scores of unit {key} ({year})"
        ),
        Kind::Explanations => say!(
            lang,
            "giải trình của đơn vị {key} (năm {year})",
            "the explanations of unit {key} ({year})"
        ),
        Kind::History => say!(
            lang,
            "chỉ số các năm trước của {key}",
            "the past years' indexes of {key}"
        ),
        Kind::FieldHistory => say!(
            lang,
            "chỉ số thành phần các năm trước của {key}",
            "the past years' field indexes of {key}"
        ),
        Kind::Set => say!(
            lang,
            "bộ tiêu chí của nhóm {key} (năm {year}: tiêu chí, điểm tối đa, mức xếp loại)",
            "the criteria set of group {key} ({year}: its criteria, maximums, bands)"
        ),
        Kind::Published => say!(
            lang,
            "kết quả đã công bố của năm {year}",
            "the published result of {year}"
        ),
        Kind::Lineage => say!(
            lang,
            "nguồn gốc của đơn vị {key} (năm {year}: đổi tên, hợp nhất, chia tách hay mới)",
            "where unit {key} came from ({year}: renamed, merged, split or new)"
        ),
    }
}

/// A scope whose rows are not what thamdinh sealed, in a sentence naming the write that
/// sealed it (the file and when).
fn sealed_words(
    scope: &crate::domain::seal::Scope,
    tamper: &crate::domain::seal::Tamper,
    lang: Lang,
) -> String {
    use crate::domain::seal::Tamper;
    let (what, named) = (capital(scope_words(scope, lang)), scope_words(scope, lang));
    match tamper {
        Tamper::Unsealed => say!(
            lang,
            "{what} có dữ liệu mà không lần ghi nào của thamdinh niêm phong trong sổ nhật ký: dữ liệu đã được thêm ngoài thamdinh.",
            "There is data in {named} that no write of thamdinh sealed in the audit log: it was added outside thamdinh."
        ),
        Tamper::Changed { sealed, gone } => {
            let row = sealed.row;
            let by = match &sealed.import {
                Some(i) => {
                    let at = &i.at;
                    match &i.file {
                        Some(f) => say!(
                            lang,
                            "lần nhập tệp «{f}» lúc {at}",
                            "the import of '{f}' at {at}"
                        ),
                        None => say!(lang, "lần ghi lúc {at}", "the write at {at}"),
                    }
                }
                None => lang.pick("lần ghi cuối", "the last write").into(),
            };
            let (vi, en) = if *gone {
                ("đã bị xóa", "deleted")
            } else {
                ("đã bị sửa", "changed")
            };
            say!(
                lang,
                "{what} {vi} ngoài thamdinh sau {by}: dữ liệu không còn khớp với dấu niêm phong ở dòng {row} của sổ nhật ký. Hãy nhập lại tệp gốc hoặc khôi phục bản sao lưu.",
                "Someone {en} {named} outside thamdinh after {by}: the data no longer matches its seal at row {row} of the audit log. Import the original file again or restore a backup."
            )
        }
    }
}

/// `verify --head` given something that is not `N:HEX`.
pub fn bad_head(given: &str, lang: Lang) -> String {
    say!(
        lang,
        "«{given}» không phải là một đầu sổ: hãy chép đúng như đã in, dạng SỐ:MÃ, ví dụ 1234:9f86d081884c7d65.",
        "'{given}' is not a ledger head: copy it as it was printed, NUMBER:HEX, e.g. 1234:9f86d081884c7d65."
    )
}

/// The refusal of a command that only reads (or of the screens) when there is no database
/// at `db`: nothing is created, and the sentence says how to make one.
pub fn no_database_at(db: &std::path::Path, year: Option<i32>, lang: Lang) -> String {
    let (shown, path) = (db.display(), super::shell_word(&db.display().to_string()));
    let year = year.unwrap_or(crate::builtin::DEMO_YEAR);
    super::commands::no_database(&shown.to_string(), &path, year, lang)
}

/// `init` for a year with no built-in criteria sets, saying exactly how to import that
/// year's sets instead.
pub fn no_builtin_sets_for(year: i32, db: &std::path::Path, lang: Lang) -> String {
    use crate::builtin;
    let mut years: Vec<String> = builtin::SETS
        .iter()
        .map(|(y, _, _)| y.to_string())
        .collect();
    years.dedup();
    let years = years.join(", ");
    let from = builtin::DEMO_YEAR;
    let files = builtin::sets_of(from)
        .map(|(name, _)| name)
        .collect::<Vec<_>>()
        .join(", ");
    let db = super::shell_word(&db.display().to_string());
    let run = format!("thamdinh --db {db} --year {year} import criteria");
    let new_year = format!("thamdinh --db {db} new-year {year} --from {}", year - 1);
    super::commands::no_builtin_sets(year, &years, &new_year, &run, from, &files, lang)
}

/// The final decisions export refused: how many items of how many units are left, per group
/// when several were asked for (`group` is the one asked for, if one was).
fn final_decisions_undecided(
    group: Option<&str>,
    left: &[(String, usize, usize)],
    lang: Lang,
) -> String {
    let items = left.iter().map(|l| l.1).sum();
    let units = left.iter().map(|l| l.2).sum();
    let mut what = undecided_phrase(items, units, lang);
    if group.is_none() {
        let each: Vec<String> = left
            .iter()
            .map(|(g, i, u)| super::commands::group_left(g, *i, *u, lang))
            .collect();
        let _ = write!(what, " ({})", each.join("; "));
    }
    super::commands::final_decisions_refused(group, &what, lang)
}

/// How a refusal of the service is shown to the user.
impl AppError {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            AppError::File(e) => e.render(lang),
            AppError::Store(e) => store_error(e, lang),
            AppError::Decide { unit, item, why } => {
                decision_not_recorded(unit, item, &decide_error(why, lang), lang)
            }
            AppError::Rank { group, name, why } => rank_error(group, name, why, lang),
            AppError::UnknownItem { unit, item } => unknown_item(unit, item, lang),
            AppError::UnknownGroup(g) => unknown_group(g, lang),
            AppError::NoSets(y) => no_sets(*y, lang),
            AppError::NoSelfScores { group, name } => no_self_scores(group, name, lang),
            AppError::GroupNeedsSet { group, year } => group_needs_set(group, *year, lang),
            AppError::GroupNeeded(groups) => {
                super::commands::group_needed(&groups.join(", "), lang)
            }
            AppError::NotATree { group, why } => super::commands::not_a_tree(group, *why, lang),
            AppError::UnitNotInGroup { unit, group } => {
                crate::words::notices::unit_not_in_group(unit, group, lang)
            }
            AppError::SheetNeedsWorkbook(p) => sheet_needs_workbook(&p.display().to_string(), lang),
            AppError::Unpublishable { year, reasons } => {
                let reasons: Vec<String> = reasons.iter().map(|r| r.render(lang)).collect();
                publish_refused(*year, &reasons, lang)
            }
            AppError::NoDatabase { db, year } => no_database_at(db, *year, lang),
            AppError::NoBuiltinSets { year, db } => no_builtin_sets_for(*year, db, lang),
            AppError::CriteriaNeeds(fields) => super::commands::criteria_needs(fields, lang),
            AppError::BadBands(text) => super::commands::bad_bands(text, lang),
            AppError::FinalDecisionsUndecided { group, left } => {
                final_decisions_undecided(group.as_deref(), left, lang)
            }
            AppError::NoSuchField {
                group,
                field,
                known,
            } => super::commands::no_such_field(group, field, &known.join(", "), lang),
            AppError::Refused(m) => m.clone(),
            AppError::NotAFile { path, what } => super::access::not_a_file(path, *what, lang),
            AppError::TooLong { what, length } => too_long(*what, *length, lang),
            AppError::Io {
                doing,
                target,
                error,
            } => io_failed(*doing, target, error, lang),
        }
    }
}

/// How a refused file is shown: the sentences live here, the problems are found in `io`.
impl FileError {
    /// Every problem on its own line: `file:line:column: sentence` (for a workbook
    /// `file: Sheet1!C12: sentence`), then a closing sentence.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let file = self.file.display();
        for (place, problem) in &self.problems {
            match place {
                Some(p) => {
                    match &self.sheet {
                        Some(sheet) => {
                            let _ = write!(out, "{file}: {}: ", cell_ref(sheet, p));
                        }
                        None => {
                            let _ = write!(out, "{file}:{}:{}: ", p.line, p.column);
                        }
                    }
                    if let Some(name) = &p.name {
                        let _ = write!(out, "{}: ", column(name, lang));
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
            let _ = writeln!(out, "{}", more_problems(self.more, lang));
        }
        out.push_str(file_refused(lang));
        out
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl Problem {
    /// The problem in a sentence (without its place).
    pub fn describe(&self, lang: Lang) -> String {
        problem(self, lang)
    }
}

/// Why a row of a changes file cannot be made.
pub fn change_fault(f: &crate::domain::lineage::Fault, lang: Lang) -> String {
    use crate::domain::lineage::Fault::*;
    match f {
        UnknownFrom(u) => say!(
            lang,
            "không có đơn vị mã {u} trong năm trước",
            "there is no unit {u} in the year before"
        ),
        NeedsFrom(k) => {
            let k = k.as_str();
            say!(
                lang,
                "thay đổi «{k}» cần mã đơn vị cũ ở cột from",
                "a '{k}' change needs the old unit's code in the from column"
            )
        }
        NeedsTo(k) => {
            let k = k.as_str();
            say!(
                lang,
                "thay đổi «{k}» cần mã đơn vị mới ở cột to",
                "a '{k}' change needs the new unit's code in the to column"
            )
        }
        NoFrom => lang
            .pick(
                "đơn vị mới (new) không có đơn vị cũ: để trống cột from",
                "a new unit has no old unit: leave the from column empty",
            )
            .into(),
        NoTo => lang
            .pick(
                "đơn vị kết thúc (end) không có đơn vị mới: để trống cột to",
                "an ended unit has no new unit: leave the to column empty",
            )
            .into(),
        EndedAndChanged { unit, other } => {
            let o = other.as_str();
            say!(
                lang,
                "đơn vị {unit} vừa kết thúc (end) vừa có thay đổi «{o}»: chỉ được một",
                "unit {unit} is both ended and changed by '{o}': it can only be one"
            )
        }
        FromTwice { unit, first_line } => say!(
            lang,
            "đơn vị {unit} đã có thay đổi ở dòng {first_line}; chỉ khi chia tách (split) một đơn vị mới có nhiều dòng",
            "unit {unit} already changes on line {first_line}; only a split gives one unit several rows"
        ),
        ToTwice { unit, first_line } => say!(
            lang,
            "mã {unit} đã được tạo ở dòng {first_line}; nhiều dòng cùng một mã mới chỉ khi hợp nhất (merge)",
            "code {unit} is already made on line {first_line}; several rows make one code only in a merger"
        ),
        MergeOfOne(u) => say!(
            lang,
            "hợp nhất vào {u} chỉ có một đơn vị: dùng «rename», hoặc thêm các đơn vị được hợp nhất",
            "the merger into {u} has one unit: use 'rename', or add the units merged"
        ),
        SplitIntoOne(u) => say!(
            lang,
            "đơn vị {u} chia tách thành một đơn vị: dùng «rename», hoặc thêm các đơn vị tách ra",
            "unit {u} is split into one: use 'rename', or add the units it splits into"
        ),
        ToTaken(u) => say!(
            lang,
            "mã {u} là của một đơn vị vẫn giữ nguyên: chọn mã khác, hoặc ghi cả thay đổi của đơn vị {u}",
            "code {u} belongs to a unit that carries over: choose another code, or write unit {u}'s change too"
        ),
        Cycle(units) => {
            let c = units.join(" → ");
            let first = units.first().map(String::as_str).unwrap_or("");
            say!(
                lang,
                "các thay đổi quay vòng ({c} → {first}): mỗi đơn vị lại thành đơn vị kia",
                "the changes go round in a cycle ({c} → {first}): each unit becomes the other"
            )
        }
        NewWithoutName(u) => say!(
            lang,
            "mã mới {u} cần tên đơn vị ở cột name",
            "the new code {u} needs the unit's name in the name column"
        ),
        NewWithoutGroup(u) => say!(
            lang,
            "mã mới {u} cần nhóm ở cột group",
            "the new code {u} needs its group in the group column"
        ),
    }
}

#[cfg(all(test, unix))]
mod os_error_tests {
    use super::*;
    use nix::libc;

    /// Every failure a member meets is said in words in both languages, without the system's
    /// English or its number.
    #[test]
    fn the_failures_a_member_meets_are_words_in_both_languages() {
        let codes = [
            libc::ENOENT,
            libc::EACCES,
            libc::EPERM,
            libc::EISDIR,
            libc::ENOTDIR,
            libc::ENOSPC,
            libc::EDQUOT,
            libc::EROFS,
            libc::EBUSY,
            libc::ETXTBSY,
            libc::EEXIST,
            libc::ELOOP,
            libc::EIO,
            libc::ENAMETOOLONG,
            libc::EMFILE,
            libc::EXDEV,
            libc::EPIPE,
        ];
        for code in codes {
            let e = OsError::from(std::io::Error::from_raw_os_error(code));
            let (vi, en) = (os_error(&e, Lang::Vi), os_error(&e, Lang::En));
            for said in [&vi, &en] {
                assert!(!said.contains("os error"), "{code}: {said}");
                assert!(
                    !said.contains(&e.text),
                    "{code}: the system's text in {said}"
                );
            }
            assert_ne!(vi, en, "{code}");
        }
        let full = OsError::from(std::io::Error::from_raw_os_error(libc::ENOSPC));
        assert_eq!(os_error(&full, Lang::Vi), "ổ đĩa đã đầy");
        // A failure no sentence covers keeps the system's words, without "(os error N)".
        let odd = OsError::from(std::io::Error::from_raw_os_error(libc::ENOTSOCK));
        let said = os_error(&odd, Lang::Vi);
        assert!(said.starts_with("lỗi hệ thống số"), "{said}");
        assert!(!said.contains("os error"), "{said}");
    }
}
