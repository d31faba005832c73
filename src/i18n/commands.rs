//! What the commands print: acknowledgements, tables' words, and their refusals.

use super::{Lang, say};
use crate::domain::Mode;
use crate::store::ImportCount;

/// A read-only command (or the screens) on a path with no database.
pub fn no_database(shown: &str, path: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Không có cơ sở dữ liệu ở {shown}; chưa tạo gì. Hãy tạo bằng «thamdinh --db {path} init --year {year}» (nạp bộ chỉ số năm {year}), hoặc dựng dữ liệu mẫu bằng «thamdinh --db {path} demo».",
        "There is no database at {shown}; nothing was created. Make one with 'thamdinh --db {path} init --year {year}' (loads the criteria sets of {year}), or build the demo with 'thamdinh --db {path} demo'."
    )
}

/// `init` for a year the program has no sets of: what to run instead.
pub fn no_builtin_sets(
    year: i32,
    years: &str,
    run: &str,
    from: i32,
    files: &str,
    lang: Lang,
) -> String {
    say!(
        lang,
        "Không có bộ chỉ số mẫu cho năm {year} (thamdinh chỉ có sẵn bộ chỉ số năm {years}); chưa ghi gì. \
         Hãy nạp bộ chỉ số năm {year} của từng nhóm, từ một tệp TOML:\n  \
         {run} TỆP.toml\n\
         hoặc từ một cây tiêu chí CSV (cột code,title,max,options,guidance,not_applicable_for):\n  \
         {run} TỆP.csv --group NHÓM --name \"Tên nhóm\" --survey-max ĐIỂM [--bands \"A:90,B:80,C:70,D:0\"]\n\
         Có thể chép các bộ năm {from} trong data/criteria/{from}/ của mã nguồn thamdinh ({files}) làm bản khởi đầu, nhớ sửa «year = {from}» thành «year = {year}».",
        "There are no built-in criteria sets for {year} (thamdinh comes with the sets of {years} only); nothing was written. \
         Import the {year} set of each group, from a TOML file:\n  \
         {run} FILE.toml\n\
         or from a criteria tree in CSV (columns code,title,max,options,guidance,not_applicable_for):\n  \
         {run} FILE.csv --group GROUP --name \"Group name\" --survey-max POINTS [--bands \"A:90,B:80,C:70,D:0\"]\n\
         The {from} sets in thamdinh's source, data/criteria/{from}/ ({files}), can be copied as a starting point, with 'year = {from}' changed to 'year = {year}'."
    )
}

/// One line of `init`: a set loaded (or already there).
#[allow(clippy::too_many_arguments)]
pub fn set_loaded_line(
    group: &str,
    name: &str,
    (fields, criteria, subs): (usize, usize, usize),
    appraisal_max: &str,
    survey_max: &str,
    changed: bool,
    lang: Lang,
) -> String {
    let state = if changed {
        lang.pick("đã nạp", "loaded")
    } else {
        lang.pick("không đổi", "unchanged")
    };
    say!(
        lang,
        "{group} ({name}): {fields} lĩnh vực / {criteria} tiêu chí / {subs} tiêu chí thành phần, {appraisal_max} điểm thẩm định + {survey_max} điểm điều tra — {state}",
        "{group} ({name}): {fields} fields / {criteria} criteria / {subs} sub-criteria, {appraisal_max} appraisal points + {survey_max} survey points — {state}"
    )
}

/// The last line of `init`.
pub fn database_is(path: &str, lang: Lang) -> String {
    say!(lang, "Cơ sở dữ liệu: {path}", "Database: {path}")
}

/// What an import brought, by kind: `units`, `self-scores`, `survey`, `explanations`,
/// `history`.
pub fn imported(kind: &str, c: ImportCount, lang: Lang) -> String {
    let what = match kind {
        "units" => lang.pick("danh sách đơn vị", "units"),
        "self-scores" => lang.pick("điểm tự chấm", "self scores"),
        "survey" => lang.pick("điểm điều tra xã hội học", "survey scores"),
        "explanations" => lang.pick("giải trình", "explanations"),
        "field-history" => lang.pick(
            "tỷ lệ điểm các lĩnh vực các năm trước",
            "past years' field percents",
        ),
        _ => lang.pick("chỉ số các năm trước", "history"),
    };
    let (added, changed, unchanged) = (c.added, c.changed, c.unchanged);
    say!(
        lang,
        "Đã nhập {what}: {added} dòng mới, {changed} dòng thay đổi, {unchanged} dòng không đổi.",
        "Imported {what}: {added} added, {changed} changed, {unchanged} unchanged."
    )
}

/// `import criteria FILE.csv` without one of its options.
pub fn criteria_csv_needs(option: &str, lang: Lang) -> String {
    say!(
        lang,
        "Nhập cây tiêu chí từ CSV cần thêm {option}.",
        "Importing a criteria tree from CSV needs {option}."
    )
}

pub fn bad_bands(text: &str, lang: Lang) -> String {
    say!(
        lang,
        "--bands «{text}» phải viết dạng «A:90,B:80,C:70,D:0».",
        "--bands '{text}' must look like 'A:90,B:80,C:70,D:0'."
    )
}

/// A criteria set imported.
#[allow(clippy::too_many_arguments)]
pub fn set_imported(
    group: &str,
    year: i32,
    name: &str,
    (fields, criteria, subs): (usize, usize, usize),
    appraisal_max: &str,
    survey_max: &str,
    lang: Lang,
) -> String {
    say!(
        lang,
        "Đã nạp bộ chỉ số {group} năm {year} ({name}): {fields} lĩnh vực, {criteria} tiêu chí, {subs} tiêu chí thành phần; {appraisal_max} điểm thẩm định + {survey_max} điểm điều tra.",
        "Loaded the {group} set for {year} ({name}): {fields} fields, {criteria} criteria, {subs} sub-criteria; {appraisal_max} appraisal + {survey_max} survey points."
    )
}

/// A decision recorded: `Đã ghi: SNV 1.1.1 → 0.5 (đồng ý)`.
pub fn recorded(unit: &str, item: &str, score: &str, state: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã ghi: {unit} {item} → {score} ({state})",
        "Recorded: {unit} {item} → {score} ({state})"
    )
}

pub fn line_not_utf8(lang: Lang) -> &'static str {
    lang.pick("dòng không phải mã UTF-8", "the line is not UTF-8")
}

pub fn batch_line_shape(lang: Lang) -> &'static str {
    lang.pick(
        "mỗi dòng cần «ĐƠN-VỊ TIÊU-CHÍ ĐIỂM|agree|na|flag [NHẬN XÉT]»",
        "a line needs 'UNIT ITEM SCORE|agree|na|flag [COMMENT]'",
    )
}

/// The end of a batch with refused lines.
pub fn batch_refused(refused: usize, total: usize, lang: Lang) -> String {
    say!(
        lang,
        "{refused} trong {total} quyết định bị từ chối (các quyết định khác đã được ghi).",
        "{refused} of {total} decisions were refused (the others are recorded)."
    )
}

/// Who decides is needed and not known.
pub fn appraiser_needed(lang: Lang) -> &'static str {
    lang.pick(
        "Hãy cho biết tên người thẩm định: thêm --appraiser \"Họ tên\" (được ghi nhớ cho lần sau).",
        "Say who decides: add --appraiser \"Name\" (remembered for next time).",
    )
}

/// The words of the ranking table.
pub struct RankWords {
    pub ranking: &'static str,
    pub decided: &'static str,
    pub group_mean: &'static str,
    pub province_previous: &'static str,
    pub target_met: &'static str,
    pub target_missed: &'static str,
    pub heads: [&'static str; 13],
    pub not_ranked: &'static str,
}

pub fn rank_words(lang: Lang) -> RankWords {
    let p = |vi, en| lang.pick(vi, en);
    RankWords {
        ranking: p("Xếp hạng", "Ranking"),
        decided: p("Đã thẩm định", "Decided"),
        group_mean: p("Trung bình nhóm", "Group mean"),
        province_previous: p("Chỉ số tỉnh năm trước", "Province's previous index"),
        target_met: p("→ đạt mục tiêu ✓", "→ target met ✓"),
        target_missed: p("→ chưa đạt mục tiêu ✗", "→ target not met ✗"),
        heads: [
            p("Hạng", "Rank"),
            p("Mã", "Code"),
            p("Đơn vị", "Unit"),
            p("Thẩm định", "Appraised"),
            p("Điều tra", "Survey"),
            p("Tổng", "Total"),
            p("Tối đa", "Max"),
            p("Chỉ số %", "Index %"),
            p("Loại", "Band"),
            p("Năm trước", "Previous"),
            p("Tăng/giảm", "Change"),
            p("Tăng", "Rose"),
            p("Đã TĐ", "Decided"),
        ],
        not_ranked: p(
            "—: đơn vị được chấm điểm nhưng không xếp hạng.",
            "—: unit scored but not ranked.",
        ),
    }
}

/// Decisions written to a file.
pub fn decisions_exported(n: usize, out: &str, mode: Mode, lang: Lang) -> String {
    match mode {
        Mode::Provisional => say!(
            lang,
            "Đã xuất {n} dòng quyết định ra {out}.",
            "Exported {n} decision lines to {out}."
        ),
        Mode::Final => say!(
            lang,
            "Đã xuất {n} dòng quyết định chính thức (mọi tiêu chí đã thẩm định xong) ra {out}.",
            "Exported {n} final decision lines (every item decided) to {out}."
        ),
    }
}

/// One group's share of what is left undecided.
pub fn group_left(group: &str, items: usize, units: usize, lang: Lang) -> String {
    say!(
        lang,
        "nhóm {group}: {items} tiêu chí của {units} đơn vị",
        "group {group}: {items} items of {units} units"
    )
}

/// The final decisions export refused; `group` when one group was asked for.
pub fn final_decisions_refused(group: Option<&str>, what: &str, lang: Lang) -> String {
    let head = match group {
        Some(g) => say!(
            lang,
            "Chưa xuất được bảng quyết định chính thức nhóm {g}",
            "No final decisions export for group {g} yet"
        ),
        None => lang
            .pick(
                "Chưa xuất được bảng quyết định chính thức",
                "No final decisions export yet",
            )
            .to_string(),
    };
    say!(
        lang,
        "{head}: {what}; chưa ghi tệp nào. Bỏ --final để xuất các quyết định hiện có.",
        "{head}: {what}; no file was written. Leave out --final to export the decisions as they stand."
    )
}

pub fn ranking_exported(out: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã xuất bảng xếp hạng ra {out}.",
        "Exported the ranking to {out}."
    )
}

/// A unit closed or reopened.
pub fn closed(code: &str, name: &str, closed: bool, lang: Lang) -> String {
    if closed {
        say!(
            lang,
            "Đã khóa kết quả của {code} ({name}).",
            "Closed {code} ({name})."
        )
    } else {
        say!(
            lang,
            "Đã mở lại {code} ({name}); việc mở lại được ghi vào nhật ký.",
            "Reopened {code} ({name}); the reopening is in the audit log."
        )
    }
}

pub fn no_such_field(group: &str, bad: &str, known: &str, lang: Lang) -> String {
    say!(
        lang,
        "Nhóm {group} không có lĩnh vực «{bad}» (các lĩnh vực: {known}).",
        "Group {group} has no field '{bad}' (its fields: {known})."
    )
}

/// Fields assigned to an appraiser (none: taken back).
pub fn assigned(appraiser: &str, group: &str, fields: &str, lang: Lang) -> String {
    if fields.is_empty() {
        say!(
            lang,
            "{appraiser} không còn được giao lĩnh vực riêng trong nhóm {group}.",
            "{appraiser} has no fields of their own in group {group} any more."
        )
    } else {
        say!(
            lang,
            "{appraiser} được giao lĩnh vực {fields} của nhóm {group}.",
            "{appraiser} is assigned field(s) {fields} of group {group}."
        )
    }
}
