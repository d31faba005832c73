//! What the commands print: acknowledgements, tables' words, and their refusals.

use super::{Lang, say};
use crate::domain::Mode;
use crate::store::ImportCount;
pub use crate::words::documents::{HistoryWords, group_history_title, history_words, ledger_line};

/// A read-only command (or the screens) on a path with no database.
pub fn no_database(shown: &str, path: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Không có cơ sở dữ liệu ở {shown}; chưa tạo gì. Hãy tạo bằng «thamdinh --db {path} init --year {year}» (nạp bộ chỉ số năm {year}), hoặc dựng dữ liệu mẫu bằng «thamdinh --db {path} demo».",
        "There is no database at {shown}; nothing was created. Make one with 'thamdinh --db {path} init --year {year}' (loads the criteria sets of {year}), or build the demo with 'thamdinh --db {path} demo'."
    )
}

/// `init` for a year the program has no sets of: what to run instead — first `new-year` from
/// the year before (`new_year`, the whole command), then the imports of its sets.
#[allow(clippy::too_many_arguments)]
pub fn no_builtin_sets(
    year: i32,
    years: &str,
    new_year: &str,
    run: &str,
    from: i32,
    files: &str,
    lang: Lang,
) -> String {
    let before = year - 1;
    say!(
        lang,
        "Không có bộ chỉ số mẫu cho năm {year} (thamdinh chỉ có sẵn bộ chỉ số năm {years}); chưa ghi gì. \
         Nếu cơ sở dữ liệu đã có năm {before}, hãy tạo năm {year} từ năm đó (chép bộ chỉ số và danh sách đơn vị, chưa có điểm nào):\n  \
         {new_year}\n\
         Hoặc nạp bộ chỉ số năm {year} của từng nhóm, từ một tệp TOML:\n  \
         {run} TỆP.toml\n\
         hoặc từ một cây tiêu chí CSV (cột code,title,max,options,guidance,not_applicable_for):\n  \
         {run} TỆP.csv --group NHÓM --name \"Tên nhóm\" --survey-max ĐIỂM [--bands \"A:90,B:80,C:70,D:0\"]\n\
         Có thể chép các bộ năm {from} trong data/criteria/{from}/ của mã nguồn thamdinh ({files}) làm bản khởi đầu, nhớ sửa «year = {from}» thành «year = {year}».",
        "There are no built-in criteria sets for {year} (thamdinh comes with the sets of {years} only); nothing was written. \
         If the database holds {before}, create {year} from it (its criteria sets and units copied, no scores yet):\n  \
         {new_year}\n\
         Or import the {year} set of each group, from a TOML file:\n  \
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

// The years: new-year, publish, unpublish, history.

/// The first line of `new-year`: what was made, from where.
pub fn year_created(
    year: i32,
    from: i32,
    sets: usize,
    builtin: bool,
    units: usize,
    lang: Lang,
) -> String {
    let whence = if builtin {
        say!(
            lang,
            "bộ có sẵn của năm {year}",
            "the built-in sets of {year}"
        )
    } else {
        say!(lang, "chép từ năm {from}", "copied from {from}")
    };
    say!(
        lang,
        "Đã tạo năm {year}: {sets} bộ chỉ số ({whence}), {units} đơn vị của năm {from} (giữ nhóm và việc xếp hạng); chưa có điểm nào.",
        "Created {year}: {sets} criteria sets ({whence}), {units} units of {from} (their groups and ranked kept); no scores yet."
    )
}

/// One set of the new year.
pub fn year_set_line(
    group: &str,
    name: &str,
    (fields, criteria, subs): (usize, usize, usize),
    lang: Lang,
) -> String {
    say!(
        lang,
        "  {group} ({name}): {fields} lĩnh vực / {criteria} tiêu chí / {subs} tiêu chí thành phần",
        "  {group} ({name}): {fields} fields / {criteria} criteria / {subs} sub-criteria"
    )
}

/// Units of the year before whose group has no set in the new year.
pub fn units_left_out(units: &str, lang: Lang) -> String {
    say!(
        lang,
        "Không chuyển sang năm mới (nhóm của đơn vị không có bộ chỉ số năm mới): {units}.",
        "Not carried over (their group has no set in the new year): {units}."
    )
}

/// Where the new year's previous index comes from.
pub fn previous_index_from(year: i32, from: i32, published: bool, lang: Lang) -> String {
    if published {
        say!(
            lang,
            "Chỉ số năm trước của năm {year} là kết quả đã công bố năm {from}.",
            "The previous index of {year} is the published result of {from}."
        )
    } else {
        say!(
            lang,
            "Năm {from} chưa công bố: chỉ số năm trước của năm {year} lấy từ lịch sử đã nhập, cho đến khi công bố năm {from} («thamdinh --year {from} publish»).",
            "{from} is not published: the previous index of {year} comes from the imported history until {from} is published ('thamdinh --year {from} publish')."
        )
    }
}

/// After `new-year --changes`: the lines of lineage, the units and groups that end.
pub fn year_changes(links: usize, ended: &str, ended_groups: &str, lang: Lang) -> String {
    let ended = if ended.is_empty() { "—" } else { ended };
    let groups = if ended_groups.is_empty() {
        "—"
    } else {
        ended_groups
    };
    say!(
        lang,
        "Thay đổi đơn vị: {links} dòng nguồn gốc được lưu; đơn vị kết thúc: {ended}; nhóm kết thúc: {groups}. Chỉ số năm trước theo nguồn gốc: đổi tên, tách ra lấy chỉ số của đơn vị cũ; hợp nhất lấy bình quân các đơn vị tiền thân; đơn vị mới không có («thamdinh previous MÃ» để xem, Hội đồng đặt con số khác kèm --reason).",
        "Units' changes: {links} lines of lineage kept; units ended: {ended}; groups ended: {groups}. Last year's index follows the lineage: a rename or a split takes the old unit's, a merger the mean of its predecessors', a new unit has none ('thamdinh previous CODE' to see it; the council sets another with --reason)."
    )
}

/// The heading of a predecessor's lines in a unit's history.
pub fn predecessor_title(
    code: &str,
    name: &str,
    kind: crate::domain::lineage::Kind,
    year: i32,
    successor: &str,
    lang: Lang,
) -> String {
    use crate::domain::lineage::Kind;
    let how = match kind {
        Kind::Merge => lang.pick("hợp nhất vào", "merged into"),
        Kind::Split => lang.pick("tách thành", "split into"),
        _ => lang.pick("đổi thành", "renamed to"),
    };
    say!(
        lang,
        "Đơn vị tiền thân {code} {name} ({how} {successor} năm {year})",
        "Predecessor {code} {name} ({how} {successor} in {year})"
    )
}

/// `previous UNIT`: the figure and how it was found.
pub fn previous_figure(unit: &str, name: &str, value: &str, basis: &str, lang: Lang) -> String {
    let basis = if basis.is_empty() {
        lang.pick("chỉ số của chính đơn vị", "the unit's own index")
            .to_string()
    } else {
        basis.to_string()
    };
    say!(
        lang,
        "{unit} {name}: chỉ số năm trước để so sánh {value} ({basis}).",
        "{unit} {name}: last year's figure to compare with {value} ({basis})."
    )
}

/// `previous UNIT VALUE` without a reason.
pub fn previous_needs_reason(lang: Lang) -> &'static str {
    lang.pick(
        "Hội đồng đặt con số so sánh phải ghi lý do: thêm --reason \"…\". Chưa ghi gì.",
        "The council's figure needs its reason: add --reason \"…\". Nothing was written.",
    )
}

/// `previous UNIT VALUE` with a value that is not a figure.
pub fn previous_bad_value(value: &str, lang: Lang) -> String {
    say!(
        lang,
        "«{value}» không phải chỉ số (0 đến 100, ví dụ 82.50), none hoặc rule. Chưa ghi gì.",
        "'{value}' is not an index (0 to 100, e.g. 82.50), none or rule. Nothing was written."
    )
}

/// After `new-year` with copied sets: they can still be replaced.
pub fn copied_sets_replaceable(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Bộ chỉ số chép sang có thể thay bằng bộ chính thức năm {year} («thamdinh --year {year} import criteria TỆP») khi chưa có quyết định nào dùng nó.",
        "A copied set can be replaced with the official {year} set ('thamdinh --year {year} import criteria FILE') while no decision uses it."
    )
}

/// A year published.
/// After "wrote the workbook": a provisional workbook was asked for a published year, and the
/// published result was written.
pub fn workbook_is_published_result(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Năm {year} đã công bố: bảng tính ghi kết quả chính thức đã công bố, không phải bảng tạm tính.",
        "{year} is published: the workbook holds the published final result, not a provisional one."
    )
}

pub fn year_published(year: i32, units: usize, groups: usize, lang: Lang) -> String {
    let next = year + 1;
    say!(
        lang,
        "Đã công bố kết quả năm {year}: {units} đơn vị của {groups} nhóm, theo xếp hạng chính thức. Đây là chỉ số năm trước của năm {next}; các quyết định năm {year} không sửa được nữa, trừ khi hủy công bố («thamdinh --year {year} unpublish --comment \"lý do\"»).",
        "Published the results of {year}: {units} units of {groups} groups, as ranked in the final ranking. They are the previous index of {next}; the decisions of {year} cannot change any more unless it is unpublished ('thamdinh --year {year} unpublish --comment \"why\"')."
    )
}

/// One group of a published year: its units, mean, and first unit.
#[allow(clippy::too_many_arguments)]
pub fn published_group_line(
    group: &str,
    name: &str,
    units: usize,
    ranked: usize,
    mean: &str,
    first: &str,
    lang: Lang,
) -> String {
    say!(
        lang,
        "  {group} ({name}): {units} đơn vị, {ranked} được xếp hạng, trung bình {mean}, hạng nhất {first}",
        "  {group} ({name}): {units} units, {ranked} ranked, mean {mean}, first {first}"
    )
}

/// After the first names of a list cut short: how many more.
pub fn and_others(n: usize, lang: Lang) -> String {
    say!(lang, " và {n} đơn vị khác", " and {n} others")
}

/// `unpublish` without a comment.
pub fn unpublish_needs_comment(lang: Lang) -> &'static str {
    lang.pick(
        "Hủy công bố cần ghi lý do: thêm --comment \"lý do\" (được lưu vào nhật ký).",
        "Unpublishing needs a reason: add --comment \"why\" (kept in the audit log).",
    )
}

/// A publication taken back.
pub fn year_unpublished(year: i32, at: &str, by: &str, lang: Lang) -> String {
    let next = year + 1;
    say!(
        lang,
        "Đã hủy công bố kết quả năm {year} (công bố lúc {at}, người công bố {by}); việc hủy được ghi vào nhật ký. Các quyết định năm {year} sửa được trở lại; chỉ số năm trước của năm {next} lấy lại từ lịch sử đã nhập cho đến khi công bố lại.",
        "Unpublished the results of {year} (published at {at} by {by}); the unpublishing is in the audit log. The decisions of {year} can change again; the previous index of {next} comes from the imported history until {year} is published again."
    )
}

/// `import history` rows that differ from a result published in this database.
pub fn history_shadowed(count: usize, example: &str, lang: Lang) -> String {
    say!(
        lang,
        "{count} dòng có chỉ số khác kết quả đã công bố trong cơ sở dữ liệu cho cùng đơn vị, cùng năm (ví dụ {example}); kết quả đã công bố được dùng.",
        "{count} rows differ from the result published in this database for the same unit and year (e.g. {example}); the published result is the one used."
    )
}

/// One such row: `SNV 2022: 82.00 imported, 81.50 published`.
pub fn shadowed_example(
    unit: &str,
    year: i32,
    imported: &str,
    published: &str,
    lang: Lang,
) -> String {
    say!(
        lang,
        "{unit} năm {year}: nhập {imported}, đã công bố {published}",
        "{unit} {year}: {imported} imported, {published} published"
    )
}

/// The head of a unit's history table.
pub fn unit_history_title(unit: &str, name: &str, group: &str, lang: Lang) -> String {
    say!(
        lang,
        "{name} ({unit}) — {group} — chỉ số, xếp loại và thứ hạng trong nhóm theo năm",
        "{name} ({unit}) — {group} — index, band and rank in the group by year"
    )
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

/// What a criteria tree's header lacks: the command line's option and the header block's key.
pub fn header_field(field: crate::service::HeaderField, lang: Lang) -> String {
    use crate::service::HeaderField::*;
    let (option, vi, en) = match field {
        Group => ("--group", "Nhóm", "group"),
        Name => ("--name", "Tên nhóm", "name"),
        SurveyMax => ("--survey-max", "Điểm điều tra xã hội học", "survey_max"),
        Bands => ("--bands", "Xếp loại", "bands"),
    };
    say!(lang, "{option} (dòng «{vi}»)", "{option} (the line '{en}')")
}

pub fn criteria_needs(fields: &[crate::service::HeaderField], lang: Lang) -> String {
    let list = fields
        .iter()
        .map(|f| header_field(*f, lang))
        .collect::<Vec<_>>()
        .join(", ");
    say!(
        lang,
        "Cây tiêu chí (CSV hoặc Excel) chưa có {list}: ghi vào khối đầu bảng hoặc đưa vào lệnh.",
        "The criteria tree (CSV or Excel) lacks {list}: write it in the block above the table or give it to the command."
    )
}

pub fn criteria_exported(group: &str, path: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã ghi bộ chỉ số nhóm {group} vào {path} (mẫu bảng tính; sửa xong nhập lại bằng «thamdinh import criteria»).",
        "Wrote the criteria set of {group} to {path} (a workbook template; once edited, import it with 'thamdinh import criteria')."
    )
}

pub fn assessments_written(n: usize, dir: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã ghi {n} phiếu tự chấm vào thư mục {dir} (MÃ_ĐƠN_VỊ.xlsx); nhận lại cả thư mục bằng «thamdinh import self-scores {dir}».",
        "Self-assessment workbooks written into {dir}: {n} (UNITCODE.xlsx); import the folder back with 'thamdinh import self-scores {dir}'."
    )
}

pub fn requests_written(n: usize, dir: &str, lang: Lang) -> String {
    if n == 0 {
        return lang
            .pick(
                "Không đơn vị nào có tiêu chí đang chờ giải trình: không ghi tệp nào.",
                "No unit has an item awaiting an explanation: no file written.",
            )
            .into();
    }
    say!(
        lang,
        "Đã ghi phiếu giải trình của {n} đơn vị vào thư mục {dir} (MÃ_ĐƠN_VỊ.xlsx); nhận lại cả thư mục bằng «thamdinh import explanations {dir}».",
        "Units' explanation requests written into {dir}: {n} (UNITCODE.xlsx); import the folder back with 'thamdinh import explanations {dir}'."
    )
}

pub fn group_needed(groups: &str, lang: Lang) -> String {
    say!(
        lang,
        "Năm nay có nhiều nhóm: hãy chọn một nhóm bằng --group ({groups}).",
        "This year has several groups: choose one with --group ({groups})."
    )
}

pub fn not_a_tree(group: &str, why: crate::io::sheets::NotATree, lang: Lang) -> String {
    use crate::io::sheets::NotATree::*;
    match why {
        Blocks => say!(
            lang,
            "Bộ chỉ số nhóm {group} có mục điểm thưởng hoặc điểm trừ, bảng tiêu chí không ghi được: hãy giữ bộ này dạng TOML.",
            "The criteria set of {group} has bonus or deduction items, which a tree's table cannot hold: keep this set as TOML."
        ),
        Minimum => say!(
            lang,
            "Bộ chỉ số nhóm {group} có mục với điểm tối thiểu khác 0, bảng tiêu chí không ghi được: hãy giữ bộ này dạng TOML.",
            "The criteria set of {group} has an item with a minimum other than 0, which a tree's table cannot hold: keep this set as TOML."
        ),
    }
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

/// `verify` found the ledger whole.
pub fn ledger_holds(
    entries: u64,
    replayed: u64,
    decisions: u64,
    year: Option<i32>,
    lang: Lang,
) -> String {
    let of = match year {
        Some(y) => say!(lang, " của năm {y}", " of {y}"),
        None => String::new(),
    };
    say!(
        lang,
        "Sổ nhật ký toàn vẹn: {entries} dòng, chuỗi băm SHA-256 khớp từ dòng đầu đến dòng cuối; {replayed} dòng{of} được đối chiếu lại với {decisions} quyết định và với việc khóa các đơn vị — không có gì bị sửa, xóa hay chèn ngoài thamdinh.",
        "The audit ledger holds: {entries} entries, the SHA-256 chain matches from the first row to the last; {replayed} rows{of} replayed against {decisions} decisions and the units' closings — nothing was changed, deleted or inserted outside thamdinh."
    )
}

/// `verify`: the head as it is now.
pub fn ledger_head_is(head: &str, lang: Lang) -> String {
    say!(lang, "Đầu sổ: {head}", "Head: {head}")
}

/// `verify`: the rows that were chained when an older file was migrated.
pub fn chained_at_migration(before: i64, at: &str, lang: Lang) -> String {
    let last = before - 1;
    say!(
        lang,
        "Các dòng 1–{last} được ghi khi sổ chưa có chuỗi băm và được xâu chuỗi lúc nâng cấp tệp ({at}, dòng {before}): chuỗi chỉ bảo đảm chúng kể từ lúc đó.",
        "Rows 1–{last} were written before the log had a chain and were chained when the file was upgraded ({at}, row {before}): the chain vouches for them from then on only."
    )
}

/// `verify --head`: the printed result matches this file.
pub fn printed_head_matches(printed: &str, later: u64, lang: Lang) -> String {
    if later == 0 {
        say!(
            lang,
            "Kết quả in với đầu sổ {printed} khớp với tệp này, và từ đó chưa có gì được ghi thêm.",
            "The result printed with head {printed} matches this file, and nothing was written since."
        )
    } else {
        let were = if later == 1 {
            "entry was"
        } else {
            "entries were"
        };
        say!(
            lang,
            "Kết quả in với đầu sổ {printed} khớp với tệp này; từ đó có thêm {later} dòng được ghi.",
            "The result printed with head {printed} matches this file; {later} {were} written since."
        )
    }
}

/// `verify --head`: the file has fewer entries than the printed result counted.
pub fn printed_head_cut(printed: &str, printed_entries: u64, entries: u64, lang: Lang) -> String {
    say!(
        lang,
        "Kết quả in với đầu sổ {printed} không khớp với tệp này: khi in, sổ nhật ký có {printed_entries} dòng, nay tệp chỉ còn {entries}. Phần cuối sổ (cùng các quyết định của nó) đã bị cắt bỏ, hoặc đây là một bản sao cũ hơn của tệp.",
        "The result printed with head {printed} does not match this file: the audit log had {printed_entries} entries when it was printed, the file has {entries} now. The end of the log (with the decisions it made) was cut off, or this is an older copy of the file."
    )
}

/// `verify --head`: the entry the printed result ended at has another hash.
pub fn printed_head_differs(printed: &str, n: u64, found: &str, lang: Lang) -> String {
    let found = found.get(..16).unwrap_or(found);
    say!(
        lang,
        "Kết quả in với đầu sổ {printed} không khớp với tệp này: dòng {n} của sổ nhật ký có mã băm {found}…, không phải mã đã in. Sổ đã bị viết lại từ dòng {n} trở về trước, hoặc đây là một tệp khác.",
        "The result printed with head {printed} does not match this file: entry {n} of the audit log has hash {found}…, not the one printed. The log was rewritten up to entry {n}, or this is another file."
    )
}

/// What long work is doing, on the progress line drawn on stderr.
pub fn progress_stage(stage: crate::progress::Stage, lang: Lang) -> &'static str {
    use crate::progress::Stage::*;
    match stage {
        CheckFile => lang.pick("Đọc và kiểm tra tệp", "Reading and checking the file"),
        WriteDatabase => lang.pick("Ghi vào cơ sở dữ liệu", "Writing to the database"),
        Rank => lang.pick("Xếp hạng các đơn vị", "Ranking the units"),
        Breakdown => lang.pick(
            "Tính điểm theo lĩnh vực và tiêu chí",
            "Adding up fields and criteria",
        ),
        DecisionLines => lang.pick("Ghi các quyết định", "Writing the decisions"),
        UnitSheets => lang.pick(
            "Ghi phiếu chấm của từng đơn vị",
            "Writing each unit's scoring sheet",
        ),
        SaveFile => lang.pick("Nén và lưu tệp", "Compressing and saving the file"),
        Notices => lang.pick(
            "Viết thông báo cho từng đơn vị",
            "Writing each unit's notice",
        ),
        Verify => lang.pick("Kiểm tra nhật ký thẩm định", "Checking the audit log"),
    }
}

/// What the steps of a stage count, after the numbers on the progress line.
pub fn progress_unit(stage: crate::progress::Stage, lang: Lang) -> &'static str {
    use crate::progress::Stage::*;
    match stage {
        DecisionLines => lang.pick("dòng", "lines"),
        UnitSheets | Notices => lang.pick("đơn vị", "units"),
        Verify => lang.pick("dòng nhật ký", "log rows"),
        CheckFile | WriteDatabase | Rank | Breakdown | SaveFile => "",
    }
}

/// `import criteria` under `--year` of a TOML set of another year.
pub fn criteria_of_other_year(file: &str, found: i32, asked: i32, lang: Lang) -> String {
    say!(
        lang,
        "{file}: bộ chỉ số này là của năm {found}, không phải năm {asked} (--year); không nạp gì. Hãy sửa dòng «year» trong tệp, hoặc bỏ --year để nạp vào năm {found}.",
        "{file}: this criteria set is for {found}, not {asked} (--year); nothing was imported. Correct its 'year' line, or leave out --year to import it into {found}."
    )
}

/// The report of a folder of self-assessments, line by line: what was (`preview`: would
/// be) accepted, what was refused with every problem at its cell, two workbooks for one
/// unit, the units with no workbook.
pub fn folder_report(
    dir: &str,
    report: &crate::service::FolderReport,
    preview: bool,
    lang: Lang,
) -> Vec<String> {
    use crate::service::FolderOutcome;
    let accepted = report.accepted().count();
    let (refused, rows) = (report.refused(), report.rows());
    let total = report.files.len();
    let mut out = vec![match preview {
        true => say!(
            lang,
            "Thư mục {dir}: sẽ nhận {accepted} tệp ({rows} dòng), từ chối {refused} tệp.",
            "Folder {dir}: {accepted} of {total} workbooks would be accepted ({rows} rows), {refused} refused."
        ),
        false => say!(
            lang,
            "Thư mục {dir}: đã nhận {accepted} tệp ({rows} dòng), từ chối {refused} tệp.",
            "Folder {dir}: {accepted} of {total} workbooks accepted ({rows} rows), {refused} refused."
        ),
    }];
    if report.files.is_empty() {
        out.push(
            lang.pick(
                "Thư mục không có tệp .xlsx nào.",
                "The folder holds no .xlsx file.",
            )
            .into(),
        );
    }
    if accepted > 0 {
        out.push(lang.pick("Nhận:", "Accepted:").into());
    }
    for (f, c, blank) in report.accepted() {
        let unit = f.unit.as_deref().unwrap_or_default();
        let (n, added, changed) = (c.added + c.changed + c.unchanged, c.added, c.changed);
        let name = &f.name;
        let mut line = say!(
            lang,
            "  {name} ({unit}): {n} dòng, {added} mới, {changed} thay đổi",
            "  {name} ({unit}): {n} rows, {added} added, {changed} changed"
        );
        if blank > 0 {
            line.push_str(&say!(
                lang,
                "; {blank} mục để trống",
                "; {blank} items left blank"
            ));
        }
        out.push(line);
    }
    if refused > 0 {
        out.push(lang.pick("Từ chối:", "Refused:").into());
    }
    for f in &report.files {
        match &f.outcome {
            FolderOutcome::Accepted { .. } => {}
            // Named by the file's name alone, without the sentence that says a refused file
            // wrote nothing (the first line says what was written).
            FolderOutcome::Refused(crate::service::AppError::File(e)) => {
                let mut e = e.clone();
                e.file = std::path::PathBuf::from(&f.name);
                let text = e.render(lang);
                let lines: Vec<&str> = text.lines().collect();
                for line in &lines[..lines.len().saturating_sub(1)] {
                    out.push(format!("  {line}"));
                }
            }
            FolderOutcome::Refused(e) => {
                for line in e.render(lang).lines() {
                    out.push(format!("  {}: {line}", f.name));
                }
            }
            FolderOutcome::Twice { other } => {
                let (name, unit) = (&f.name, f.unit.as_deref().unwrap_or_default());
                out.push(say!(
                    lang,
                    "  {name}: cùng đơn vị {unit} với {other}: không nhập tệp nào của đơn vị này",
                    "  {name}: the same unit {unit} as {other}: neither is imported"
                ));
            }
        }
    }
    if !report.missing.is_empty() {
        let n = report.missing.len();
        let list = report
            .missing
            .iter()
            .map(|(code, name)| format!("{code} {name}"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(say!(
            lang,
            "Chưa có tệp ({n} đơn vị): {list}",
            "No workbook ({n} units): {list}"
        ));
    }
    out
}

pub fn folder_refused(n: usize, dir: &str, lang: Lang) -> String {
    say!(
        lang,
        "{n} tệp trong {dir} bị từ chối (các tệp khác đã nhập): sửa các ô đã nêu rồi nhập lại thư mục.",
        "Workbooks refused in {dir}: {n} (the others were imported); correct the cells named and import the folder again."
    )
}
