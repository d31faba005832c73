//! What the screens say: titles, column headings, the status line's words, the text boxes'
//! help, the confirmations and the hints. Why something was refused is in `errors`; a state's
//! and a ranking mode's names are in `crate::words` (re-exported by `super`), shared with the
//! commands and the documents.
//!
//! The drawing code keeps the layout (spaces, `·` between parts, glyphs such as `✓`); the
//! words come from here. The key tables (`tui::keymap`) keep each key's description beside
//! the key, since help is drawn from them.

use super::{Lang, say};
use crate::domain::Points;
use crate::domain::sheet::NodeSum;
use crate::ui::{ExportWhat, HistoryView, InputKind, ItemFilter, Screen};

// The whole window.

/// The window is below the size the screens need.
pub fn window_too_small(
    width: u16,
    height: u16,
    min_width: u16,
    min_height: u16,
    lang: Lang,
) -> String {
    say!(
        lang,
        "Cửa sổ quá nhỏ ({width}×{height}). Hãy mở rộng lên ít nhất {min_width}×{min_height}.",
        "The window is too small ({width}×{height}). Make it at least {min_width}×{min_height}."
    )
}

/// The screens cannot start without a terminal; the commands can.
pub fn no_terminal(why: &str, lang: Lang) -> String {
    say!(
        lang,
        "Không mở được màn hình thẩm định: cần chạy trong một cửa sổ terminal ({why}). Các lệnh rank, export, decide vẫn dùng được.",
        "The appraisal screens need a terminal window ({why}). The rank, export and decide commands work without one."
    )
}

// The status line.

/// Beside `?` at the right end: what the key shows.
pub fn keys_hint(lang: Lang) -> &'static str {
    lang.pick("phím", "keys")
}

/// When the last write was committed.
pub fn saved_at(time: &str, lang: Lang) -> String {
    say!(lang, "Lưu lúc {time}", "Saved at {time}")
}

/// A write is on its way to the database.
pub fn saving(lang: Lang) -> &'static str {
    lang.pick("đang lưu…", "saving…")
}

/// A decision committed: the item, the score it now has (`—` for none) and its state.
pub fn decision_saved(item: &str, score: &str, state: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã lưu {item} → {score} ({state})",
        "Saved {item} → {score} ({state})"
    )
}

/// A comment committed on a decided item.
pub fn comment_saved(item: &str, lang: Lang) -> String {
    say!(lang, "Đã lưu nhận xét {item}", "Comment saved {item}")
}

/// The last decision undone.
pub fn undone(item: &str, lang: Lang) -> String {
    say!(lang, "Đã hoàn tác {item}", "Undone {item}")
}

/// What an undo left: the verdict put back (score, state) or none, and whether the item's
/// comment was kept.
pub fn undone_to(item: &str, back: Option<(String, &str)>, kept: bool, lang: Lang) -> String {
    let verdict = match back {
        Some((score, state)) => say!(
            lang,
            "trở lại {score} ({state})",
            "back to {score} ({state})"
        ),
        None => lang.pick("chưa quyết định", "undecided").to_string(),
    };
    let comment = match (kept, lang) {
        (false, _) => "",
        (true, Lang::Vi) => "; nhận xét vẫn giữ",
        (true, Lang::En) => "; the comment is kept",
    };
    say!(
        lang,
        "Đã hoàn tác {item}: {verdict}{comment}",
        "Undone {item}: {verdict}{comment}"
    )
}

/// A comment stored on an undecided item, for its decision.
pub fn comment_kept(item: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã lưu nhận xét {item}; nhận xét sẽ đi cùng quyết định của tiêu chí này",
        "Comment saved {item}; it goes with this item's decision"
    )
}

/// Another instance wrote; what is on screen was read again.
pub fn updated_from_elsewhere(lang: Lang) -> &'static str {
    lang.pick(
        "Đã cập nhật thay đổi từ một phiên làm việc khác.",
        "Updated with changes from another session.",
    )
}

// What a key could not do, and hints.

/// The appraiser's box was confirmed empty.
pub fn name_needed(lang: Lang) -> &'static str {
    lang.pick("Hãy nhập họ tên.", "Please type a name.")
}

/// The unit filter leaves nothing to move to.
pub fn no_unit_matches(lang: Lang) -> &'static str {
    lang.pick(
        "Không có đơn vị nào khớp bộ lọc (Esc: bỏ lọc).",
        "No unit matches the filter (Esc: clear it).",
    )
}

/// No unit of the group has an undecided item left.
pub fn group_done(lang: Lang) -> &'static str {
    lang.pick(
        "Mọi đơn vị trong nhóm đã thẩm định xong.",
        "Every unit of the group is decided.",
    )
}

/// The open unit is done; the next one with undecided items opens.
pub fn unit_done_next(next: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đơn vị này đã thẩm định xong. Sang {next}",
        "This unit is done. On to {next}"
    )
}

/// The appraiser's own fields of the open unit are decided, and the unit still has items
/// left to others: how many, and in whose fields (`left` from `field_left`).
pub fn own_fields_done(unit: &str, left: usize, items: usize, fields: &str, lang: Lang) -> String {
    say!(
        lang,
        "Bạn đã xong lĩnh vực được giao ở {unit}; đơn vị còn {left}/{items} tiêu chí chưa thẩm định: {fields}.",
        "Your fields of {unit} are done; the unit has {left}/{items} items undecided: {fields}."
    )
}

/// One field with undecided items, and who it is given to (`who`: names, or `unassigned`).
pub fn field_left(field: Option<&str>, n: usize, who: &str, lang: Lang) -> String {
    match field {
        Some(f) => say!(
            lang,
            "lĩnh vực {f} ({n} tiêu chí, {who})",
            "field {f} ({n} items, {who})"
        ),
        None => say!(
            lang,
            "ngoài các lĩnh vực ({n} tiêu chí, {who})",
            "outside the fields ({n} items, {who})"
        ),
    }
}

/// What `★` before a field of the tree means (the help's legend).
pub fn star_means(lang: Lang) -> &'static str {
    lang.pick("★ lĩnh vực được giao cho bạn", "★ a field assigned to you")
}

/// A field given to no member.
pub fn unassigned(lang: Lang) -> &'static str {
    lang.pick("chưa giao cho ai", "given to nobody")
}

/// The next unit opened after the appraiser's part of this one.
pub fn on_to(next: &str, lang: Lang) -> String {
    say!(lang, "Sang {next}.", "On to {next}.")
}

/// No unit of the group has an undecided item in the appraiser's fields.
pub fn own_fields_done_in_group(lang: Lang) -> &'static str {
    lang.pick(
        "Lĩnh vực được giao của bạn đã xong ở mọi đơn vị trong nhóm.",
        "Your fields are done in every unit of the group.",
    )
}

/// An option key on an item scored freely.
pub fn no_options(lang: Lang) -> &'static str {
    lang.pick(
        "Tiêu chí này không có mức điểm để chọn: nhấn e để nhập điểm.",
        "This item has no options: press e to enter a score.",
    )
}

/// An option key beyond the item's options.
pub fn no_such_option(number: usize, lang: Lang) -> String {
    say!(
        lang,
        "Tiêu chí không có mức số {number}.",
        "The item has no option {number}."
    )
}

/// A decision or comment key on a field or a criterion with sub-items.
pub fn select_an_item(lang: Lang) -> &'static str {
    lang.pick(
        "Hãy chọn một tiêu chí cuối cùng (không có tiêu chí con) để chấm điểm.",
        "Select an item (a line without sub-items) to score it.",
    )
}

/// Which items the tree shows.
pub fn item_filter(filter: ItemFilter, lang: Lang) -> &'static str {
    match filter {
        ItemFilter::All => lang.pick("tất cả", "all"),
        ItemFilter::Undecided => lang.pick("chưa thẩm định", "undecided"),
        ItemFilter::Adjusted => lang.pick("đã điều chỉnh", "adjusted"),
    }
}

// Column headings and labels, shared by the screens that show the same figure.

pub fn code(lang: Lang) -> &'static str {
    lang.pick("Mã", "Code")
}

pub fn unit(lang: Lang) -> &'static str {
    lang.pick("Đơn vị", "Unit")
}

/// Items decided of a unit's items.
pub fn decided_count(lang: Lang) -> &'static str {
    lang.pick("Đã TĐ", "Done")
}

/// The unit's own score, in full.
pub fn self_score(lang: Lang) -> &'static str {
    lang.pick("Tự chấm", "Self")
}

/// The unit's own score, where room is short.
pub fn self_short(lang: Lang) -> &'static str {
    lang.pick("Tự", "Self")
}

/// The council's score, in full.
pub fn appraised(lang: Lang) -> &'static str {
    lang.pick("Thẩm định", "Appraised")
}

/// The council's score, where room is short.
pub fn appraised_short(lang: Lang) -> &'static str {
    lang.pick("TĐ", "Appr.")
}

/// Appraised minus self.
pub fn difference(lang: Lang) -> &'static str {
    lang.pick("Chênh", "Diff.")
}

/// The appraisal points so far, in full.
pub fn provisional(lang: Lang) -> &'static str {
    lang.pick("Tạm tính", "Provisional")
}

/// The appraisal points so far, where room is short.
pub fn provisional_short(lang: Lang) -> &'static str {
    lang.pick("Tạm tính", "Prov.")
}

/// The PAR index.
pub fn index(lang: Lang) -> &'static str {
    lang.pick("Chỉ số", "Index")
}

/// After the name of a unit scored but not ranked.
pub fn not_ranked(lang: Lang) -> &'static str {
    lang.pick("không xếp hạng", "not ranked")
}

/// Above the appraised and difference columns: what they count (`short` where the columns
/// use the short headings).
pub fn decided_only_legend(short: bool, lang: Lang) -> &'static str {
    if short {
        lang.pick(
            "TĐ, Chênh (TĐ − tự chấm): chỉ tính tiêu chí đã thẩm định",
            "Appr., Diff. (Appr. − Self): decided items only",
        )
    } else {
        lang.pick(
            "Thẩm định, Chênh (thẩm định − tự chấm): chỉ tính tiêu chí đã thẩm định",
            "Appraised, Diff. (appraised − self): decided items only",
        )
    }
}

// The units screen.

pub fn units_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Thẩm định Chỉ số CCHC {year} — Đơn vị",
        "PAR Index appraisal {year} — Units"
    )
}

/// On the units screen's title while a set of the year is illustrative.
pub fn illustrative_mark(lang: Lang) -> &'static str {
    lang.pick(
        "BỘ CHỈ SỐ MINH HỌA, chưa chính thức",
        "ILLUSTRATIVE criteria, not official",
    )
}

/// Before the selected unit's progress field by field.
pub fn by_field(lang: Lang) -> &'static str {
    lang.pick("Theo lĩnh vực:", "By field:")
}

/// The filter typed, with how many units it shows of all.
pub fn unit_filter_footer(filter: &str, shown: usize, all: usize, lang: Lang) -> String {
    say!(
        lang,
        "Lọc: {filter} ({shown} / {all})",
        "Filter: {filter} ({shown} / {all})"
    )
}

/// The group has no units.
pub fn no_units(lang: Lang) -> &'static str {
    lang.pick(
        "Chưa có đơn vị nào: hãy nhập danh sách đơn vị (thamdinh import units).",
        "No units yet: import them (thamdinh import units).",
    )
}

/// The units screen of a year without any unit (a database just made by `init`): the three
/// ways to begin, each with its commands. `db` is the database's file name.
pub fn welcome(year: i32, db: &str, before: Option<i32>, lang: Lang) -> Vec<String> {
    let mut lines = vec![
        say!(
            lang,
            "Chào mừng! Năm {year} trong cơ sở dữ liệu này chưa có đơn vị nào.",
            "Welcome! The year {year} in this database has no units yet."
        ),
        lang.pick("Có ba cách bắt đầu:", "There are three ways to begin:")
            .into(),
        String::new(),
        lang.pick(
            "f  Nhập hồ sơ năm nay (CSV hoặc Excel .xlsx) ở màn hình tệp, theo thứ tự:",
            "f  Import this year's files (CSV or Excel .xlsx) on the files screen, in order:",
        )
        .into(),
        lang.pick(
            "   bộ chỉ số, đơn vị, điểm tự chấm, điều tra, giải trình, các năm trước.",
            "   criteria sets, units, self scores, survey, explanations, past years.",
        )
        .into(),
    ];
    match before {
        Some(from) => lines.push(say!(
            lang,
            "N  Bắt đầu năm {year} từ năm {from} (chép bộ chỉ số và danh sách đơn vị).",
            "N  Start {year} from {from} (its criteria sets and units copied)."
        )),
        None => {
            lines.push(
                lang.pick(
                    "o  Bắt đầu năm mới từ năm trước: mở tệp của năm trước, rồi nhấn N.",
                    "o  Start a new year from the last: open last year's file, then press N.",
                )
                .into(),
            );
        }
    }
    let demo = crate::builtin::DEMO_YEAR;
    lines.push(say!(
        lang,
        "D  Xem thử bản mẫu năm {demo} (tệp riêng, không đụng đến dữ liệu này).",
        "D  Try the demo year {demo} (a file of its own; this data is left alone)."
    ));
    lines.push(String::new());
    lines.push(say!(lang, "Tệp đang mở: {db}", "The file open: {db}"));
    lines.push(
        lang.pick(
            "Hướng dẫn từng bước: docs/huong-dan.md",
            "The guide, step by step (in Vietnamese): docs/huong-dan.md",
        )
        .into(),
    );
    lines
}

/// The year published from the ranking screen.
pub fn year_published(year: i32, units: usize, groups: usize, lang: Lang) -> String {
    say!(
        lang,
        "Đã công bố kết quả năm {year}: {units} đơn vị của {groups} nhóm.",
        "Published the results of {year}: {units} units of {groups} groups."
    )
}

/// The footer under the welcome.
pub fn welcome_footer(lang: Lang) -> &'static str {
    lang.pick(
        "f: tệp · N: năm mới · o: mở tệp · D: bản mẫu · q: thoát · ?: các phím",
        "f: files · N: new year · o: open a file · D: demo · q: quit · ?: the keys",
    )
}

/// The units screen's footer while the group has no self score yet.
pub fn no_self_scores_yet(lang: Lang) -> &'static str {
    lang.pick(
        "Chưa nhập điểm tự chấm — f để nhập (chưa xếp hạng được).",
        "No self scores yet — f to import them (nothing is ranked until then).",
    )
}

/// The main keys and what the marks at the end of a line mean.
pub fn units_footer(lang: Lang) -> &'static str {
    lang.pick(
        "Enter: thẩm định · Tab: nhóm khác · /: lọc · r: xếp hạng · ✓ xong · … đang làm · · chưa bắt đầu · ■ đã khóa",
        "Enter: appraise · Tab: other group · /: filter · r: ranking · ✓ done · … in progress · · not started · ■ closed",
    )
}

// The appraisal screen.

/// After the unit's name in the title.
pub fn unit_progress(code: &str, decided: usize, items: usize, lang: Lang) -> String {
    say!(
        lang,
        "({code}) — đã thẩm định {decided}/{items}",
        "({code}) — decided {decided}/{items}"
    )
}

/// Which items the tree shows, when not all.
pub fn showing(filter: &str, lang: Lang) -> String {
    say!(lang, "xem: {filter}", "show: {filter}")
}

/// What the items are searched for.
pub fn searching(text: &str, lang: Lang) -> String {
    say!(lang, "tìm: {text}", "search: {text}")
}

/// A unit closed to changes.
pub fn closed(lang: Lang) -> &'static str {
    lang.pick("đã khóa", "closed")
}

/// The fields given to the appraiser.
pub fn your_fields(fields: &str, lang: Lang) -> String {
    say!(
        lang,
        "★ lĩnh vực được giao: {fields}",
        "★ your fields: {fields}"
    )
}

pub fn criterion(lang: Lang) -> &'static str {
    lang.pick("Tiêu chí", "Criterion")
}

/// The maximum, as a column heading.
pub fn max_short(lang: Lang) -> &'static str {
    lang.pick("Tối đa", "Max")
}

/// The maximum, as the label of the selected item's.
pub fn maximum(lang: Lang) -> &'static str {
    lang.pick("Tối đa", "Maximum")
}

pub fn state(lang: Lang) -> &'static str {
    lang.pick("Trạng thái", "State")
}

/// The item search or the filter leaves no item.
pub fn no_item_matches(lang: Lang) -> &'static str {
    lang.pick(
        "Không có tiêu chí nào khớp bộ lọc (v: đổi cách xem).",
        "No item matches the filter (v: change what is shown).",
    )
}

/// After a not-applicable state the criteria set gave.
pub fn by_the_set(lang: Lang) -> &'static str {
    lang.pick("theo bộ chỉ số", "by the criteria set")
}

/// The round of a decision after an explanation.
pub fn round(number: u8, lang: Lang) -> String {
    say!(lang, "vòng {number}", "round {number}")
}

/// The label of the unit's own score in the details.
pub fn unit_self_score(lang: Lang) -> &'static str {
    lang.pick("Đơn vị tự chấm", "Self score")
}

/// No self score.
pub fn none_yet(lang: Lang) -> &'static str {
    lang.pick("chưa có", "none")
}

/// Beside the option the unit chose.
pub fn self_mark(lang: Lang) -> &'static str {
    lang.pick("tự chấm", "self")
}

/// Beside the option the council chose.
pub fn appraised_mark(lang: Lang) -> &'static str {
    lang.pick("thẩm định", "appraised")
}

/// The label of the council's decision.
pub fn council(lang: Lang) -> &'static str {
    lang.pick("Hội đồng", "Council")
}

pub fn no_comment(lang: Lang) -> &'static str {
    lang.pick("(không có nhận xét)", "(no comment)")
}

/// A comment typed on an undecided item, kept for its decision.
pub fn unsaved_comment(lang: Lang) -> &'static str {
    lang.pick("Nhận xét (chưa lưu)", "Comment (not saved yet)")
}

/// A comment stored on an undecided item, waiting for its decision.
pub fn kept_comment(lang: Lang) -> &'static str {
    lang.pick("Nhận xét (chờ quyết định)", "Comment (awaiting a decision)")
}

/// The unit's explanation after the council asked for one.
pub fn explanation(lang: Lang) -> &'static str {
    lang.pick("Giải trình", "Explanation")
}

/// Evidence the unit added with its explanation.
pub fn extra_evidence(lang: Lang) -> &'static str {
    lang.pick("Bổ sung", "Extra evidence")
}

/// The evidence the unit gave with its self score.
pub fn evidence(lang: Lang) -> &'static str {
    lang.pick("Tài liệu kiểm chứng", "Evidence")
}

/// The criteria set's guidance for the item.
pub fn guidance(lang: Lang) -> &'static str {
    lang.pick("Hướng dẫn", "Guidance")
}

/// A field's or a criterion's figures, with the appraised points and the difference as shown
/// (`—` before any decision).
pub fn group_summary(s: &NodeSum, appraised: &str, difference: &str, lang: Lang) -> String {
    let (max, own, decided, items) = (s.max, s.self_total, s.decided, s.items);
    let (adjusted, flagged) = (s.adjusted, s.flagged);
    say!(
        lang,
        "Tối đa áp dụng {max} · tự chấm {own} · thẩm định {appraised} · chênh {difference} · đã thẩm định {decided}/{items} · điều chỉnh {adjusted} · yêu cầu giải trình {flagged}",
        "Applicable maximum {max} · self {own} · appraised {appraised} · diff. {difference} · decided {decided}/{items} · adjusted {adjusted} · explanation requested {flagged}"
    )
}

/// The keys that matter on a field or a criterion.
pub fn group_keys(lang: Lang) -> &'static str {
    lang.pick(
        "Enter: thu gọn / mở rộng · n: tiêu chí chưa thẩm định tiếp theo",
        "Enter: collapse / expand · n: next undecided item",
    )
}

// The ranking screen.

/// The title: which ranking, of which group, which year.
pub fn ranking_title(mode: &str, group: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Xếp hạng {mode} — {group} · {year}",
        "Ranking {mode} — {group} · {year}"
    )
}

/// The ranking is being read.
pub fn computing(lang: Lang) -> &'static str {
    lang.pick("Đang tính…", "Computing…")
}

/// Under the reason there is no final ranking yet.
pub fn provisional_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Nhấn p để xem xếp hạng tạm tính.",
        "Press p for the provisional ranking.",
    )
}

/// The group's progress, its mean index and the province's index last year (`—` when
/// unknown).
pub fn ranking_progress(
    decided: usize,
    items: usize,
    percent: usize,
    mean: &str,
    province: &str,
    lang: Lang,
) -> String {
    say!(
        lang,
        "Đã thẩm định {decided}/{items} ({percent} %) · TB nhóm {mean} · tỉnh năm trước {province}",
        "Decided {decided}/{items} ({percent} %) · Group mean {mean} · province last year {province}"
    )
}

/// The group's mean is above the province's index last year.
pub fn target_met(lang: Lang) -> &'static str {
    lang.pick("đạt", "met")
}

/// The group's mean is not above the province's index last year.
pub fn target_not_met(lang: Lang) -> &'static str {
    lang.pick("chưa đạt", "not met")
}

pub fn rank(lang: Lang) -> &'static str {
    lang.pick("Hạng", "Rank")
}

/// The social survey's points.
pub fn survey(lang: Lang) -> &'static str {
    lang.pick("Điều tra", "Survey")
}

pub fn total(lang: Lang) -> &'static str {
    lang.pick("Tổng", "Total")
}

pub fn band(lang: Lang) -> &'static str {
    lang.pick("Loại", "Band")
}

/// Last year's index.
pub fn previous(lang: Lang) -> &'static str {
    lang.pick("Trước", "Prev.")
}

/// Whether the unit's index rose (the target).
pub fn target(lang: Lang) -> &'static str {
    lang.pick("MT", "T")
}

// The history screen.

/// The title: whose index over the years.
pub fn history_title(subject: &str, lang: Lang) -> String {
    say!(
        lang,
        "Chỉ số CCHC qua các năm — {subject}",
        "PAR Index over the years — {subject}"
    )
}

/// The province, as the subject of its history.
pub fn the_province(lang: Lang) -> &'static str {
    lang.pick("Tỉnh (xếp hạng cả nước)", "The province (national rank)")
}

/// Before the names of the three views.
pub fn history_views(lang: Lang) -> &'static str {
    lang.pick("Xem (v):", "Show (v):")
}

/// The name of a view of the history.
pub fn history_view(view: HistoryView, lang: Lang) -> &'static str {
    match view {
        HistoryView::Unit => lang.pick("Đơn vị", "Unit"),
        HistoryView::Group => lang.pick("Nhóm", "Group"),
        HistoryView::Province => lang.pick("Tỉnh", "Province"),
    }
}

/// Under a unit's history: what the bars and the marks say.
pub fn history_unit_legend(floor: &str, lang: Lang) -> String {
    say!(
        lang,
        "Cột: chỉ số từng năm, thang từ {floor}% đến 100% · *: năm đang thẩm định, tạm tính · Tăng ✓: cao hơn năm trước (mục tiêu)",
        "Bars: the index each year, from {floor}% to 100% · *: the year being appraised, provisional · Rose ✓: above the year before (the target)"
    )
}

/// Under a group's history: the two lines of the chart and the target.
pub fn history_group_legend(lang: Lang) -> &'static str {
    lang.pick(
        "⠒ trung bình nhóm · • chỉ số của tỉnh năm trước · Cao hơn ✓: trung bình nhóm cao hơn chỉ số của tỉnh năm trước (mục tiêu) · *: tạm tính",
        "⠒ group mean · • the province's index of the year before · Above ✓: the mean above it (the target) · *: provisional",
    )
}

/// Under the province's history: the plan and the two lines of the chart.
pub fn history_province_legend(top: u32, by: i32, until: i32, lang: Lang) -> String {
    say!(
        lang,
        "Mục tiêu của Đề án: vào nhóm {top} tỉnh dẫn đầu năm {by}, rồi mỗi năm tăng ít nhất 1 bậc đến {until}. Biểu đồ: ⠒ hạng thực tế · • hạng mục tiêu (trên cùng là hạng 1).",
        "The source document's targets: in the top {top} by {by}, then at least one place up a year to {until}. Chart: ⠒ the rank · • the target rank (rank 1 at the top)."
    )
}

/// A key that would change a decision of a published year (short: the status line holds it
/// at 80 columns; the command line's refusal says how to unpublish).
pub fn published_no_edits(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Năm {year} đã công bố: không sửa được.",
        "{year} is published: it cannot change."
    )
}

/// `P` on a published year: when and by whom, and how to take it back.
pub fn already_published(year: i32, at: &str, by: &str, lang: Lang) -> String {
    say!(
        lang,
        "Năm {year} đã công bố lúc {at} ({by}). Muốn sửa rồi công bố lại: U để hủy công bố (kèm lý do).",
        "{year} was published at {at} (by {by}). To change it and publish again: U to unpublish (with the reason)."
    )
}

/// `U` on a year that is not published.
pub fn not_published(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Năm {year} chưa công bố: không có gì để hủy.",
        "{year} is not published: there is nothing to take back."
    )
}

/// The reopen box without a reason.
pub fn reopen_reason_needed(lang: Lang) -> &'static str {
    lang.pick(
        "Cần ghi lý do mở lại (được ghi vào nhật ký).",
        "The reason for reopening is required (it goes into the audit log).",
    )
}

/// The unpublish box without a reason.
pub fn unpublish_reason_needed(lang: Lang) -> &'static str {
    lang.pick(
        "Cần ghi lý do hủy công bố (được ghi vào nhật ký).",
        "The reason for unpublishing is required (it goes into the audit log).",
    )
}

/// The year's publication taken back from the screens.
pub fn year_unpublished(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Đã hủy công bố năm {year} (ghi vào nhật ký): quyết định sửa được trở lại; P để công bố lại.",
        "Unpublished {year} (in the audit log): the decisions can change again; P to publish again."
    )
}

/// The year box's list: every year of the file with its state, the working one marked.
pub fn years_list(years: &[(i32, bool)], working: i32, lang: Lang) -> String {
    let items: Vec<String> = years
        .iter()
        .map(|&(y, published)| {
            let state = if published {
                lang.pick("đã công bố", "published")
            } else {
                lang.pick("đang thẩm định", "in progress")
            };
            let mark = if y == working { "▸ " } else { "" };
            format!("{mark}{y}: {state}")
        })
        .collect();
    let items = items.join(" · ");
    say!(
        lang,
        "Các năm trong tệp: {items}.",
        "The years in the file: {items}."
    )
}

/// The year box: not a year.
pub fn year_not_a_number(text: &str, lang: Lang) -> String {
    say!(
        lang,
        "«{text}» không phải là một năm (ví dụ 2023).",
        "'{text}' is not a year (2023, say)."
    )
}

/// The year box: a year the file does not have.
pub fn year_not_in_file(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Tệp này không có năm {year}; N để bắt đầu năm mới.",
        "This file has no year {year}; N starts a new year."
    )
}

/// Another year of the file opened from the year box.
pub fn year_switched(year: i32, published: bool, lang: Lang) -> String {
    if published {
        say!(
            lang,
            "Đang xem năm {year} (đã công bố — chỉ xem; U: hủy công bố).",
            "Now on {year} (published — read only; U: unpublish)."
        )
    } else {
        say!(
            lang,
            "Đang làm việc trên năm {year}.",
            "Now working on {year}."
        )
    }
}

/// After the title of a published year: its decisions cannot change.
pub fn published_mark(lang: Lang) -> &'static str {
    lang.pick("đã công bố — chỉ xem", "published — read only")
}

// The help popup.

/// The help's title: the keys of which screen.
pub fn help_title(screen: Screen, lang: Lang) -> &'static str {
    match screen {
        Screen::Units => lang.pick("Phím — danh sách đơn vị", "Keys — units"),
        Screen::Appraisal => lang.pick("Phím — thẩm định đơn vị", "Keys — appraisal"),
        Screen::Ranking => lang.pick("Phím — xếp hạng", "Keys — ranking"),
        Screen::Fields => lang.pick("Phím — phân tích theo lĩnh vực", "Keys — analysis by field"),
        Screen::WayUp => lang.pick("Phím — hướng cải thiện", "Keys — the way up"),
        Screen::History => lang.pick("Phím — chỉ số qua các năm", "Keys — history"),
        Screen::Files => lang.pick("Phím — tệp của năm", "Keys — files"),
        Screen::Assign => lang.pick("Phím — phân công lĩnh vực", "Keys — fields assigned"),
    }
}

/// What Ctrl-C does, on every screen.
pub fn ctrl_c_quits(lang: Lang) -> &'static str {
    lang.pick(
        "thoát ngay (mọi quyết định đã lưu)",
        "quit now (every decision is already saved)",
    )
}

/// At the foot of the help.
pub fn any_key_closes(lang: Lang) -> &'static str {
    lang.pick("phím bất kỳ: đóng", "any key: close")
}

// The text boxes.

/// A text box's title: what it asks for.
pub fn box_title(kind: InputKind, lang: Lang) -> &'static str {
    match kind {
        InputKind::Appraiser => lang.pick("Người thẩm định", "Appraiser"),
        InputKind::UnitFilter => lang.pick("Lọc đơn vị", "Filter units"),
        InputKind::ItemSearch => lang.pick("Tìm tiêu chí", "Search items"),
        InputKind::Score => lang.pick("Nhập điểm", "Enter a score"),
        InputKind::NotApplicable => lang.pick("Không áp dụng — lý do", "Not applicable — why"),
        InputKind::Comment => lang.pick("Nhận xét của hội đồng", "Council's comment"),
        InputKind::WorkbookPath => lang.pick("Ghi bảng tính Excel", "Write the Excel workbook"),
        InputKind::Overwrite => lang.pick("Tệp đã có", "The file exists"),
        InputKind::CloseUnit => lang.pick("Khóa kết quả", "Close the unit"),
        InputKind::ReopenUnit => lang.pick("Mở lại kết quả", "Reopen the unit"),
        InputKind::Publish => lang.pick("Công bố kết quả năm", "Publish the results of"),
        InputKind::ImportPath => lang.pick("Nhập tệp", "Import a file"),
        InputKind::ExportPath => lang.pick("Ghi ra", "Write"),
        InputKind::MemberName => lang.pick("Thêm thành viên", "Add a member"),
        InputKind::AssignFields => lang.pick("Lĩnh vực của", "Fields of"),
        InputKind::NewYear => lang.pick("Bắt đầu năm mới", "Start a new year"),
        InputKind::OpenDatabase => lang.pick("Mở tệp cơ sở dữ liệu", "Open a database file"),
        InputKind::Year => lang.pick("Chuyển năm", "Another year"),
        InputKind::Unpublish => lang.pick("Hủy công bố năm", "Unpublish"),
        InputKind::CriteriaValue => lang.pick("Bộ chỉ số", "Criteria set"),
        InputKind::PreviousFigure => lang.pick(
            "Chỉ số năm trước để so sánh",
            "Last year's figure to compare with",
        ),
        InputKind::PreviousReason => lang.pick("Lý do của Hội đồng", "The council's reason"),
        InputKind::Council => lang.pick("Thông tin Hội đồng năm", "The council's settings of"),
    }
}

/// What to type in a text box and which keys end it (for the score box, its keys only: see
/// `score_box_help`).
pub fn box_help(kind: InputKind, lang: Lang) -> &'static str {
    match kind {
        InputKind::Appraiser => lang.pick(
            "Nhập họ tên người thẩm định; tên được ghi cùng mọi quyết định và nhớ cho lần sau. Enter: xác nhận.",
            "Type the appraiser's name; it is recorded with every decision and remembered. Enter: confirm.",
        ),
        InputKind::UnitFilter => lang.pick(
            "Gõ tên, không cần dấu. Enter: giữ bộ lọc · Esc: bỏ lọc.",
            "Type a name, accents optional. Enter: keep · Esc: clear.",
        ),
        InputKind::ItemSearch => lang.pick(
            "Gõ mã hoặc tên tiêu chí. Enter: giữ · Esc: bỏ.",
            "Type a code or title. Enter: keep · Esc: clear.",
        ),
        InputKind::Score => lang.pick("Enter: ghi · Esc: hủy.", "Enter: record · Esc: cancel."),
        InputKind::NotApplicable => lang.pick(
            "Ghi lý do tiêu chí không áp dụng cho đơn vị. Enter: ghi · Alt-Enter hoặc Ctrl-J: xuống dòng · Esc: hủy.",
            "Say why the item does not apply to the unit. Enter: record · Alt-Enter or Ctrl-J: new line · Esc: cancel.",
        ),
        InputKind::Comment => lang.pick(
            "Enter: lưu · Alt-Enter hoặc Ctrl-J: xuống dòng · Esc: hủy.",
            "Enter: save · Alt-Enter or Ctrl-J: new line · Esc: cancel.",
        ),
        InputKind::WorkbookPath => lang.pick(
            "Tên tệp .xlsx (tính từ thư mục đang làm việc) hoặc đường dẫn đầy đủ; bảng tính gồm kết quả, lĩnh vực, tiêu chí, quyết định và bảng chấm điểm từng đơn vị của nhóm đang xem, tạm tính hay chính thức như màn hình. Enter: ghi · Esc: hủy.",
            "A .xlsx file name (from the working folder) or a full path; the workbook holds the results, fields, criteria, decisions and each unit's scoring sheet of the shown group, provisional or final as on screen. Enter: write · Esc: cancel.",
        ),
        InputKind::Overwrite => lang.pick(
            "Tệp này đã có. Enter: ghi đè lên tệp cũ · Esc: không ghi.",
            "This file is already there. Enter: replace it · Esc: do not write.",
        ),
        InputKind::CloseUnit => lang.pick(
            "Sau khi khóa, không ai sửa được quyết định của đơn vị cho đến khi mở lại; việc khóa được ghi vào nhật ký. Nhận xét (không bắt buộc). Enter: khóa · Alt-Enter hoặc Ctrl-J: xuống dòng · Esc: hủy.",
            "Once closed, nobody can change the unit's decisions until it is reopened; the closing is in the audit log. A comment (optional). Enter: close · Alt-Enter or Ctrl-J: new line · Esc: cancel.",
        ),
        InputKind::Publish => lang.pick(
            "Xếp hạng chính thức của mọi nhóm trở thành kết quả công bố của năm (lưu lại, ghi nhật ký); từ đó quyết định của năm không sửa được nữa, trừ khi hủy công bố. Không công bố được khi nhóm nào chưa có xếp hạng chính thức. Ghi số, ngày văn bản (không bắt buộc). Enter: công bố · Esc: hủy.",
            "The final ranking of every group becomes the year's published result (kept, audited); from then on the year's decisions cannot change unless it is unpublished. Refused while any group has no final ranking. The decision's number and date (optional). Enter: publish · Esc: cancel.",
        ),
        InputKind::ReopenUnit => lang.pick(
            "Mở lại để sửa quyết định của đơn vị; việc mở lại được ghi vào nhật ký cùng người mở và lý do. Lý do (bắt buộc). Enter: mở lại · Alt-Enter hoặc Ctrl-J: xuống dòng · Esc: hủy.",
            "Reopen to change the unit's decisions; the reopening is in the audit log with who and why. Why (required). Enter: reopen · Alt-Enter or Ctrl-J: new line · Esc: cancel.",
        ),
        InputKind::OpenDatabase => lang.pick(
            "Đường dẫn tệp .sqlite của hội đồng (ví dụ tệp năm trước); không tạo tệp mới. Tab: điền tiếp tên tệp, thư mục · Enter: mở · Esc: hủy.",
            "The council's .sqlite file (last year's, say); no new file is made. Tab: complete the file or folder name · Enter: open · Esc: cancel.",
        ),
        InputKind::ImportPath => lang.pick(
            "Đường dẫn tệp CSV hoặc Excel .xlsx (bộ chỉ số: cả .toml; điểm tự chấm, giải trình: cả thư mục phiếu), tính từ thư mục đang làm việc. Tab: điền tiếp tên tệp, thư mục · Enter: xem trước (chưa ghi gì) · Esc: hủy.",
            "The CSV or Excel .xlsx file's path (criteria: .toml too; self scores, explanations: a folder of workbooks too), from the working folder. Tab: complete the file or folder name · Enter: preview (nothing written yet) · Esc: cancel.",
        ),
        InputKind::ExportPath => lang.pick(
            "Tab: điền tiếp tên · Enter: ghi (tệp đã có thì hỏi trước) · Esc: hủy.",
            "Tab: complete the name · Enter: write (asks first if it exists) · Esc: cancel.",
        ),
        InputKind::MemberName => lang.pick(
            "Họ tên thành viên, đúng như họ nhập khi mở thamdinh. Enter: tiếp (chọn lĩnh vực) · Esc: hủy.",
            "The member's name, as they type it when opening thamdinh. Enter: next (their fields) · Esc: cancel.",
        ),
        InputKind::AssignFields => lang.pick(
            "Mã các lĩnh vực, cách nhau bằng dấu cách; để trống: bỏ phân công (thành viên thấy mọi lĩnh vực). Enter: ghi · Esc: hủy.",
            "The fields' codes, separated by spaces; empty: no assignment (the member sees every field). Enter: save · Esc: cancel.",
        ),
        InputKind::NewYear => lang.pick("Enter: bắt đầu · Esc: hủy.", "Enter: start · Esc: cancel."),
        InputKind::Year => lang.pick(
            "Gõ năm rồi Enter: mọi màn hình chuyển sang năm đó · Esc: hủy.",
            "Type the year, then Enter: every screen moves to it · Esc: cancel.",
        ),
        InputKind::PreviousFigure => lang.pick(
            "Gõ chỉ số (0 đến 100, ví dụ 81.07), «không» nếu không so sánh, hoặc «quy tắc» để trở lại cách tính theo quy tắc. Enter: tiếp (ghi lý do) · Esc: hủy.",
            "Type the index (0 to 100, e.g. 81.07), 'none' for no comparison, or 'rule' to go back to the rule. Enter: next (the reason) · Esc: cancel.",
        ),
        InputKind::PreviousReason => lang.pick(
            "Con số được ghi vào nhật ký cùng người đặt và lý do; verify kiểm tra lại. Lý do (bắt buộc). Enter: ghi · Alt-Enter hoặc Ctrl-J: xuống dòng · Esc: hủy.",
            "The figure goes into the audit log with who set it and why; verify checks it. Why (required). Enter: save · Alt-Enter or Ctrl-J: new line · Esc: cancel.",
        ),
        InputKind::Unpublish => lang.pick(
            "Kết quả công bố được rút lại; quyết định của năm sửa được trở lại và phải công bố lại sau khi sửa. Việc hủy được ghi vào nhật ký cùng người hủy và lý do. Lý do (bắt buộc). Enter: hủy công bố · Alt-Enter hoặc Ctrl-J: xuống dòng · Esc: thôi.",
            "The published result is taken back; the year's decisions can change again and must be published again afterwards. The unpublishing is in the audit log with who and why. Why (required). Enter: unpublish · Alt-Enter or Ctrl-J: new line · Esc: keep it published.",
        ),
        InputKind::CriteriaValue => lang.pick(
            "Enter: dùng giá trị này rồi xem trước (chưa ghi gì) · Esc: hủy.",
            "Enter: use this value, then the preview (nothing written) · Esc: cancel.",
        ),
        InputKind::Council => lang.pick(
            "In trên thông báo, biên bản, tờ trình. Sửa phần sau dấu «:»; để trống: lời mặc định. Enter: lưu (ghi nhật ký) · Esc: hủy.",
            "Printed on the notices, minutes and submission. Edit after the ':'; empty: the default wording. Enter: save (audited) · Esc: cancel.",
        ),
    }
}

// The files screen, the exports, the members' fields, the new year.

/// The title of the files screen.
pub fn files_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Tệp của năm {year} — nhập hồ sơ",
        "Files of {year} — import"
    )
}

/// A kind of file as the files screen lists it: what it is, and its columns.
pub fn file_kind(kind: crate::service::FileKind, lang: Lang) -> (&'static str, &'static str) {
    use crate::service::FileKind::*;
    match kind {
        Criteria => (
            lang.pick("Bộ chỉ số của một nhóm", "A group's criteria set"),
            lang.pick(
                ".xlsx, .csv hoặc .toml (khối đầu bảng)",
                ".xlsx, .csv or .toml (header block)",
            ),
        ),
        Units => (
            lang.pick("Danh sách đơn vị", "Units"),
            "code,name,group,ranked",
        ),
        SelfScores => (
            lang.pick(
                "Điểm tự chấm: tệp hoặc thư mục",
                "Self scores: a file or a folder",
            ),
            "unit,item,score,note,evidence",
        ),
        Survey => (
            lang.pick("Điểm điều tra xã hội học", "Survey scores"),
            "unit,score",
        ),
        Explanations => (
            lang.pick(
                "Giải trình: tệp hoặc thư mục",
                "Explanations: file or folder",
            ),
            "unit,item,explanation,evidence",
        ),
        History => (
            lang.pick("Chỉ số các năm trước", "Past years' indexes"),
            "unit,year,index,rank,ranked_of",
        ),
        FieldHistory => (
            lang.pick(
                "Tỷ lệ điểm lĩnh vực các năm trước",
                "Past years' field percents",
            ),
            "unit,year,field,field_name,percent",
        ),
    }
}

/// Above the kinds of file.
pub fn files_intro(lang: Lang) -> &'static str {
    lang.pick(
        "Chọn loại tệp (1–7 hoặc ↑↓ rồi Enter), gõ đường dẫn; xem trước rồi mới nhập.",
        "Pick the kind (1–7, or ↑↓ then Enter), type the path; preview, then import.",
    )
}

/// Where the path box starts.
pub fn last_folder(folder: &str, lang: Lang) -> String {
    let shown = if folder.is_empty() { "." } else { folder };
    say!(lang, "Thư mục lần trước: {shown}", "Last folder: {shown}")
}

/// The heading of a preview.
pub fn preview_of(path: &str, what: &str, lang: Lang) -> String {
    say!(
        lang,
        "Xem trước {path} ({what}) — chưa ghi gì",
        "Preview of {path} ({what}) — nothing written yet"
    )
}

/// What an import would do.
pub fn preview_counts(
    rows: usize,
    added: usize,
    changed: usize,
    unchanged: usize,
    lang: Lang,
) -> String {
    say!(
        lang,
        "{rows} dòng: {added} mới, {changed} thay đổi, {unchanged} không đổi. Không có lỗi.",
        "{rows} rows: {added} new, {changed} changed, {unchanged} unchanged. No problems."
    )
}

/// What a criteria set's preview says about the set.
pub fn preview_set(group: &str, name: &str, year: i32, items: usize, lang: Lang) -> String {
    say!(
        lang,
        "Nhóm {group} — {name} ({year}), {items} tiêu chí.",
        "Group {group} — {name} ({year}), {items} items."
    )
}

/// Where a set comes from: the decision that issued it, or that it is illustrative.
pub fn set_source(source: &crate::domain::SetSource, lang: Lang) -> String {
    match source {
        crate::domain::SetSource::Decision {
            number,
            date,
            issuer,
        } => say!(
            lang,
            "Ban hành theo Quyết định số {number} ngày {date} của {issuer}.",
            "Issued by decision {number} of {date}, {issuer}."
        ),
        crate::domain::SetSource::Illustrative => lang
            .pick(
                "Bộ chỉ số minh họa: không nêu quyết định ban hành, chưa dùng để thẩm định thật.",
                "Illustrative set: it names no decision; not for a real appraisal.",
            )
            .into(),
    }
}

/// What a criteria value's box asks for: the header value the tree's file lacks.
pub fn criteria_value_asked(field: crate::service::HeaderField, lang: Lang) -> &'static str {
    use crate::service::HeaderField::*;
    match field {
        Group => lang.pick(
            "Tệp chưa ghi mã nhóm (dòng «Nhóm»): gõ mã nhóm, ví dụ so-nganh, huyen.",
            "The file names no group (the line 'group'): type the group's code, e.g. so-nganh, huyen.",
        ),
        Name => lang.pick(
            "Tệp chưa ghi tên nhóm (dòng «Tên nhóm»): gõ tên, ví dụ Sở, ban, ngành tỉnh.",
            "The file names no group name (the line 'name'): type it, e.g. Sở, ban, ngành tỉnh.",
        ),
        SurveyMax => lang.pick(
            "Tệp chưa ghi điểm điều tra xã hội học tối đa (dòng «Điểm điều tra xã hội học»): gõ số điểm, ví dụ 37.",
            "The file gives no survey maximum (the line 'survey_max'): type the points, e.g. 37.",
        ),
        Bands => lang.pick(
            "Tệp chưa ghi cách xếp loại (dòng «Xếp loại»): quoc-gia (A từ 90 %, B, C, D), soc-trang (Nhóm 1 trên 90 %…) hoặc danh sách như «Tốt:80,Khá:65,Yếu:0».",
            "The file gives no bands (the line 'bands'): quoc-gia (A from 90 %, B, C, D), soc-trang (Nhóm 1 above 90 %…) or a list like 'Good:80,Fair:65,Weak:0'.",
        ),
    }
}

/// A criteria value typed that cannot be used.
pub fn criteria_value_refused(field: crate::service::HeaderField, lang: Lang) -> String {
    use crate::service::HeaderField::*;
    match field {
        Group => lang.pick(
            "Mã nhóm chỉ gồm chữ thường không dấu, số và dấu gạch ngang (so-nganh).",
            "A group's code is lower-case letters without accents, digits and dashes (so-nganh).",
        ),
        Name => lang.pick("Hãy gõ tên nhóm.", "Type the group's name."),
        SurveyMax => lang.pick(
            "Hãy gõ một số điểm, tối đa hai chữ số thập phân (37 hoặc 38,5).",
            "Type a number of points, at most two decimals (37 or 38.5).",
        ),
        Bands => lang.pick(
            "Hãy gõ quoc-gia, soc-trang hoặc danh sách «A:90,B:80,C:70,D:0» («Nhóm 1:>90» cho mức trên 90 %).",
            "Type quoc-gia, soc-trang or a list 'A:90,B:80,C:70,D:0' ('Nhóm 1:>90' for above 90 %).",
        ),
    }
    .into()
}

/// Whether a criteria set is new, replaces the stored one, or is the same.
pub fn preview_set_state(added: bool, changed: bool, lang: Lang) -> &'static str {
    match (added, changed) {
        (true, _) => lang.pick(
            "Bộ chỉ số mới của nhóm. Không có lỗi.",
            "A new set for the group. No problems.",
        ),
        (false, true) => lang.pick(
            "Thay cho bộ chỉ số đang lưu của nhóm. Không có lỗi.",
            "Replaces the group's stored set. No problems.",
        ),
        (false, false) => lang.pick(
            "Giống hệt bộ chỉ số đang lưu: không có gì thay đổi.",
            "The same as the stored set: nothing changes.",
        ),
    }
}

/// The keys under a preview.
pub fn preview_keys(lang: Lang) -> &'static str {
    lang.pick(
        "Enter: nhập · Esc: hủy (không ghi gì)",
        "Enter: import · Esc: cancel (nothing written)",
    )
}

/// The heading of a refused file's problems.
pub fn file_refused_heading(path: &str, problems: usize, lang: Lang) -> String {
    let noun = if problems == 1 { "problem" } else { "problems" };
    say!(
        lang,
        "{problems} lỗi, tệp bị từ chối, không ghi gì — {path}:",
        "{problems} {noun}, the file is refused, nothing written — {path}:"
    )
}

/// Above a previewed file's first rows.
pub fn first_rows(lang: Lang) -> &'static str {
    lang.pick("Các dòng đầu của tệp:", "The file's first rows:")
}

/// The year's units a self-scores or survey file has no row for.
pub fn units_absent(n: usize, units: usize, names: &str, lang: Lang) -> String {
    say!(
        lang,
        "Chưa có trong tệp {n}/{units} đơn vị: {names}",
        "Not in the file: {n} of {units} units: {names}"
    )
}

/// Every unit of the year has a row in the file.
pub fn no_unit_absent(units: usize, lang: Lang) -> String {
    say!(
        lang,
        "Tệp có đủ {units} đơn vị của năm.",
        "The file has every one of the year's {units} units."
    )
}

/// A refused file whose header row is another kind's.
pub fn looks_like(kind: &str, number: usize, lang: Lang) -> String {
    say!(
        lang,
        "Tệp này có vẻ là «{kind}» — loại {number} (nhấn {number} để chọn loại đó).",
        "This file looks like «{kind}» — kind {number} (press {number} to choose it)."
    )
}

/// A folder given where a file is wanted.
pub fn path_is_folder(path: &str, lang: Lang) -> String {
    say!(
        lang,
        "{path} là một thư mục, không phải tệp: gõ tiếp tên tệp trong đó (Tab: xem các tệp).",
        "{path} is a folder, not a file: go on with the name of a file in it (Tab: see the files)."
    )
}

/// The keys under a refused file's problems.
pub fn refused_keys(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ PgUp PgDn: cuộn · Enter: sửa đường dẫn · Esc: quay lại",
        "↑↓ PgUp PgDn: scroll · Enter: change the path · Esc: back",
    )
}

/// Under a folder's report.
pub fn folder_keys(accepted: usize, lang: Lang) -> &'static str {
    if accepted > 0 {
        lang.pick(
            "↑↓: cuộn · Enter: nhập các tệp được nhận · Esc: hủy (không ghi gì)",
            "↑↓: scroll · Enter: import those accepted · Esc: cancel, nothing written",
        )
    } else {
        lang.pick(
            "↑↓: cuộn · Enter: sửa đường dẫn · Esc: quay lại",
            "↑↓: scroll · Enter: change the path · Esc: back",
        )
    }
}

/// The heading of what was imported since the screen opened.
pub fn imported_heading(lang: Lang) -> &'static str {
    lang.pick("Đã nhập:", "Imported:")
}

/// A preview left without importing.
pub fn import_cancelled(lang: Lang) -> &'static str {
    lang.pick("Đã hủy, không ghi gì.", "Cancelled, nothing written.")
}

/// Tab found no file or folder.
pub fn nothing_completes(text: &str, lang: Lang) -> String {
    say!(
        lang,
        "Không có tệp hay thư mục nào bắt đầu bằng «{text}».",
        "No file or folder starts with '{text}'."
    )
}

/// The names Tab found, under the path box.
pub fn completions(names: &str, lang: Lang) -> String {
    say!(lang, "Có: {names}", "Found: {names}")
}

/// The name an export's box offers.
pub fn export_default_name(what: ExportWhat, year: i32, group: &str) -> String {
    use ExportWhat::*;
    match what {
        Decisions => format!("quyet-dinh-{year}-{group}.csv"),
        Ranking => format!("xep-hang-{year}-{group}.csv"),
        Notices => format!("thong-bao-{year}-{group}"),
        Criteria => format!("bo-chi-so-{year}-{group}.xlsx"),
        SelfAssessment => format!("phieu-tu-cham-{year}-{group}"),
        ExplanationRequests => format!("giai-trinh-{year}-{group}"),
        Minutes => format!("bien-ban-{year}-{group}"),
        Submission => format!("to-trinh-{year}.docx"),
    }
}

/// An export's box title: what it writes.
pub fn export_title(what: ExportWhat, group: &str, lang: Lang) -> String {
    use ExportWhat::*;
    match what {
        Decisions => say!(
            lang,
            "Ghi tệp CSV các quyết định — nhóm {group}",
            "Write the decisions CSV — group {group}"
        ),
        Ranking => say!(
            lang,
            "Ghi tệp CSV xếp hạng — nhóm {group}",
            "Write the ranking CSV — group {group}"
        ),
        Notices => say!(
            lang,
            "Ghi thông báo kết quả vào thư mục — nhóm {group}",
            "Write the notices into a folder — group {group}"
        ),
        Criteria => say!(
            lang,
            "Ghi bộ chỉ số ra bảng tính .xlsx (mẫu, nhập lại được) — nhóm {group}",
            "Write the criteria set as a workbook (a template that imports back) — group {group}"
        ),
        SelfAssessment => say!(
            lang,
            "Ghi phiếu tự chấm của từng đơn vị vào thư mục — nhóm {group}",
            "Write each unit's self-assessment workbook into a folder — group {group}"
        ),
        ExplanationRequests => say!(
            lang,
            "Ghi phiếu giải trình vào thư mục — nhóm {group}",
            "Write the explanation requests into a folder — group {group}"
        ),
        Minutes => say!(
            lang,
            "Ghi biên bản thẩm định vào thư mục — nhóm {group}",
            "Write the minutes into a folder — group {group}"
        ),
        Submission => lang
            .pick(
                "Ghi tờ trình kết quả xếp hạng — mọi nhóm",
                "Write the submission of the ranking — every group",
            )
            .to_string(),
    }
}

/// The welcome's new year when this database holds no year before the working one.
pub fn no_year_before(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Cơ sở dữ liệu này chưa có năm nào trước năm {year}. Mở tệp cơ sở dữ liệu của năm trước (o ở màn hình đơn vị) rồi nhấn N.",
        "This database holds no year before {year}. Open last year's database file (o on the units screen), then press N."
    )
}

/// What starting a new year does, in its confirmation box.
pub fn new_year_help(year: i32, from: i32, lang: Lang) -> String {
    new_year_made(year, from, lang)
}

/// The new year's box: what it makes, whether it warns, whether field assignments follow.
pub fn new_year_box(
    (year, from): (i32, i32),
    exists: bool,
    from_published: bool,
    carry: bool,
    lang: Lang,
) -> String {
    if exists {
        return say!(
            lang,
            "Năm {year} đã có trong tệp này: không tạo lại. Enter: chuyển sang năm {year} · Esc: hủy.",
            "{year} is already in this file: it is not made again. Enter: move to {year} · Esc: cancel."
        );
    }
    let mut out = String::new();
    if !from_published {
        out.push_str(&say!(
            lang,
            "⚠ Năm {from} chưa công bố: chỉ số năm trước của mọi đơn vị năm {year} sẽ là — (hoặc lấy từ lịch sử đã nhập) cho đến khi công bố năm {from}. ",
            "⚠ {from} is not published: every unit's previous index in {year} will be — (or the imported history's) until {from} is published. "
        ));
    }
    out.push_str(&new_year_made(year, from, lang));
    let carried = if carry {
        lang.pick("có", "yes")
    } else {
        lang.pick("không", "no")
    };
    out.push_str(&say!(
        lang,
        " Chép phân công lĩnh vực của năm {from}: {carried} (Ctrl-P: đổi).",
        " Carry over {from}'s field assignments: {carried} (Ctrl-P: change)."
    ));
    out.push_str(lang.pick(
        " Đơn vị đổi tên, hợp nhất, chia tách, kết thúc: gõ đường dẫn tệp thay đổi (.csv, .xlsx; cột from,to,kind,name,group,note) và bộ chỉ số .toml của nhóm mới, cách nhau bằng dấu cách (Tab: điền tiếp); để trống: chép nguyên danh sách đơn vị.",
        " Units renamed, merged, split or ended: type the changes file's path (.csv, .xlsx; columns from,to,kind,name,group,note) and the new groups' .toml sets, separated by spaces (Tab completes); empty: the units carried over as they are.",
    ));
    out
}

/// The new year's box given two changes files.
pub fn new_year_one_changes_file(lang: Lang) -> &'static str {
    lang.pick(
        "Chỉ một tệp thay đổi đơn vị (.csv hoặc .xlsx); các tệp khác là bộ chỉ số .toml của nhóm mới.",
        "One changes file only (.csv or .xlsx); the others are the new groups' .toml criteria sets.",
    )
}

/// The new year's box given sets without a changes file.
pub fn new_year_sets_need_changes(lang: Lang) -> &'static str {
    lang.pick(
        "Bộ chỉ số .toml chỉ dùng cho nhóm mới trong tệp thay đổi đơn vị: gõ cả đường dẫn tệp thay đổi (.csv hoặc .xlsx).",
        "A .toml criteria set is for a group that starts in a changes file: give the changes file (.csv or .xlsx) too.",
    )
}

/// The field assignments carried over into the new year.
pub fn assignments_carried(n: usize, from: i32, lang: Lang) -> String {
    say!(
        lang,
        "Đã chép {n} phân công lĩnh vực của năm {from}.",
        "{n} field assignments carried over from {from}."
    )
}

/// The second Enter the box asks for when the year it starts from is not published.
pub fn new_year_confirm_unpublished(year: i32, from: i32, lang: Lang) -> String {
    say!(
        lang,
        "Năm {from} chưa công bố. Enter lần nữa: vẫn bắt đầu năm {year} · Esc: hủy (P để công bố năm {from} trước).",
        "{from} is not published. Enter again: start {year} anyway · Esc: cancel (P publishes {from} first)."
    )
}

/// What making a new year does.
fn new_year_made(year: i32, from: i32, lang: Lang) -> String {
    say!(
        lang,
        "Năm {year} được tạo từ năm {from} trong cùng tệp cơ sở dữ liệu: bộ chỉ số của chương trình cho năm {year} nếu có, nếu không thì chép bộ chỉ số của năm {from}; các đơn vị của năm {from} được chép sang, chưa có điểm. Năm {from} giữ nguyên. Việc này được ghi vào nhật ký, rồi màn hình chuyển sang năm {year}. Enter: bắt đầu · Esc: hủy.",
        "The year {year} is made from {from} in the same database file: the program's criteria sets for {year} when it has them, else {from}'s sets copied; {from}'s units carried over, with no scores. {from} stays as it is. This is recorded in the audit log, then the screens move to {year}. Enter: start · Esc: cancel."
    )
}

/// The new year not started.
pub fn new_year_cancelled(lang: Lang) -> &'static str {
    lang.pick("Không bắt đầu năm mới.", "No new year started.")
}

/// The title of the members' fields screen.
pub fn assign_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Phân công lĩnh vực — năm {year}",
        "Fields assigned to members — {year}"
    )
}

/// The heading of the group's fields.
pub fn fields_of_group(lang: Lang) -> &'static str {
    lang.pick("Các lĩnh vực của nhóm:", "The group's fields:")
}

/// The heading of the members' list.
pub fn members_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Thành viên và lĩnh vực được giao:",
        "Members and their fields:",
    )
}

/// No member has fields in the group.
pub fn no_members(lang: Lang) -> &'static str {
    lang.pick(
        "Chưa phân công: mọi thành viên thấy mọi lĩnh vực. Nhấn + để thêm thành viên.",
        "No assignment: every member sees every field. Press + to add a member.",
    )
}

/// The keys under the members' list.
pub fn assign_footer(lang: Lang) -> &'static str {
    lang.pick(
        "Enter: đổi lĩnh vực · +: thêm thành viên · Tab: nhóm khác · Esc: quay lại",
        "Enter: change fields · +: add a member · Tab: other group · Esc: back",
    )
}

/// The fields box's list of the group's fields.
pub fn fields_are(list: &str, lang: Lang) -> String {
    say!(lang, "Các lĩnh vực: {list}.", "The fields: {list}.")
}

/// What the score box accepts for an item: its maximum, then a score in range or one of its
/// options by number, then the keys.
pub fn score_box_help(
    item: &str,
    title: &str,
    max: Points,
    options: &[Points],
    lang: Lang,
) -> String {
    let what = if options.is_empty() {
        lang.pick(
            "Điểm từ 0 đến tối đa, tối đa 2 chữ số thập phân (0,5 hoặc 0.5).",
            "A score from 0 to the maximum, at most 2 decimals (0.5 or 0,5).",
        )
        .to_string()
    } else {
        let numbered = options
            .iter()
            .enumerate()
            .map(|(i, p)| format!("[{}] {p}", i + 1))
            .collect::<Vec<_>>()
            .join("  ");
        say!(
            lang,
            "Gõ số điểm hoặc số thứ tự mức: {numbered}",
            "Type the points or the option's number: {numbered}"
        )
    };
    let keys = box_help(InputKind::Score, lang);
    say!(
        lang,
        "{item} {title} — tối đa {max}. {what} · {keys}",
        "{item} {title} — maximum {max}. {what} · {keys}"
    )
}

/// The workbook's file name the box offers: `ket-qua-2022.xlsx`.
/// The workbook's file name: the year, and the group (none: every group).
pub fn workbook_default_name(year: i32, group: Option<&str>) -> String {
    match group {
        Some(g) => format!("ket-qua-{year}-{g}.xlsx"),
        None => format!("ket-qua-{year}-moi-nhom.xlsx"),
    }
}

/// The workbook box's title: of which group, or of every group.
pub fn workbook_title(group: Option<&str>, lang: Lang) -> String {
    match group {
        Some(g) => say!(
            lang,
            "Ghi bảng tính Excel — nhóm {g}",
            "Write the Excel workbook — group {g}"
        ),
        None => lang
            .pick(
                "Ghi bảng tính Excel — mọi nhóm",
                "Write the Excel workbook — every group",
            )
            .to_string(),
    }
}

/// Under the box of every group's workbook (`W`).
pub fn workbook_all_help(lang: Lang) -> &'static str {
    lang.pick(
        "Tên tệp .xlsx (tính từ thư mục đang làm việc) hoặc đường dẫn đầy đủ; bảng tính gồm kết quả, lĩnh vực, tiêu chí, quyết định và bảng chấm điểm từng đơn vị của mọi nhóm, tạm tính hay chính thức như màn hình. Enter: ghi · Esc: hủy.",
        "A .xlsx file name (from the working folder) or a full path; the workbook holds the results, fields, criteria, decisions and each unit's scoring sheet of every group, provisional or final as on screen. Enter: write · Esc: cancel.",
    )
}

/// A size in bytes as a person reads it: `12,3 KB` (`12.3 KB` in English).
fn size(bytes: u64, lang: Lang) -> String {
    let (value, unit) = match bytes {
        b if b < 1024 => return format!("{b} B"),
        b if b < 1024 * 1024 => (b as f64 / 1024.0, "KB"),
        b => (b as f64 / (1024.0 * 1024.0), "MB"),
    };
    let text = format!("{value:.1} {unit}");
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// What the file the replace box asks about holds.
pub fn file_holds(bytes: u64, at: Option<&str>, lang: Lang) -> String {
    let size = size(bytes, lang);
    match at {
        Some(at) => say!(
            lang,
            "Tệp này đã có: {size}, ghi lúc {at}.",
            "This file is already there: {size}, written {at}."
        ),
        None => say!(
            lang,
            "Tệp này đã có: {size}.",
            "This file is already there: {size}."
        ),
    }
}

/// What the folder of notices the replace box asks about holds.
pub fn folder_holds(files: usize, newest: Option<&str>, lang: Lang) -> String {
    match newest {
        Some(at) => say!(
            lang,
            "Thư mục này đã có {files} tệp, mới nhất ghi lúc {at}.",
            "This folder already holds {files} files, the newest written {at}."
        ),
        None => say!(
            lang,
            "Thư mục này đã có {files} tệp.",
            "This folder already holds {files} files."
        ),
    }
}

/// The keys of the replace box, after what the file there holds.
pub fn overwrite_keys(lang: Lang) -> &'static str {
    lang.pick(
        "Enter: ghi đè lên tệp cũ · Esc: không ghi.",
        "Enter: replace it · Esc: do not write.",
    )
}

pub fn workbook_written(path: &str, sheets: usize, lang: Lang) -> String {
    say!(
        lang,
        "Đã ghi bảng tính {path} ({sheets} trang tính).",
        "Wrote the workbook {path} ({sheets} sheets)."
    )
}

pub fn workbook_not_replaced(path: &str, lang: Lang) -> String {
    say!(
        lang,
        "Không ghi: {path} giữ nguyên.",
        "Not written: {path} is left as it was."
    )
}

/// The banner over every screen when the ledger's check on opening found it broken.
pub fn ledger_broken(why: &str, lang: Lang) -> String {
    say!(
        lang,
        "⚠ SỔ NHẬT KÝ ĐÃ BỊ SỬA NGOÀI THAMDINH — chạy «thamdinh verify» để kiểm tra toàn bộ. {why}",
        "⚠ THE AUDIT LOG WAS CHANGED OUTSIDE THAMDINH — run 'thamdinh verify' for the full check. {why}"
    )
}

/// Another database file is open from the screens.
pub fn database_opened(path: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Đã mở {path}: năm {year}.",
        "Opened {path}: the year {year}."
    )
}

/// `o` on a path where there is no database: nothing is made there.
pub fn no_such_database(path: &str, lang: Lang) -> String {
    say!(
        lang,
        "Không có cơ sở dữ liệu ở {path}; không mở, không tạo gì.",
        "There is no database at {path}; nothing was opened or created."
    )
}

/// `D`: the demo year, in its own file.
pub fn demo_opened(path: &str, lang: Lang) -> String {
    let year = crate::builtin::DEMO_YEAR;
    say!(
        lang,
        "Đã mở bản mẫu năm {year} ({path}); dữ liệu của hội đồng không bị đụng đến.",
        "Opened the demo year {year} ({path}); the council's data is left alone."
    )
}

/// The title of the first-start screen.
pub fn first_title(lang: Lang) -> &'static str {
    lang.pick(
        " thamdinh — Thẩm định Chỉ số cải cách hành chính",
        " thamdinh — Appraising the Public Administration Reform Index",
    )
}

/// The first start on a database file that is not there: where, and the choices. `sets`:
/// how many built-in criteria sets the year has.
pub fn first_start(path: &str, demo: &str, year: i32, sets: usize, lang: Lang) -> Vec<String> {
    let demo_year = crate::builtin::DEMO_YEAR;
    let sets_line = if sets > 0 {
        say!(
            lang,
            "       Năm {year}: bộ chỉ số MINH HỌA của {sets} nhóm, chưa phải bộ chính thức.",
            "       {year}: ILLUSTRATIVE criteria sets of {sets} groups, not the official ones."
        )
    } else {
        say!(
            lang,
            "       Năm {year} chưa có bộ chỉ số có sẵn: nhập bộ chỉ số ở màn hình tệp (f).",
            "       No built-in criteria sets for {year}: import them on the files screen (f)."
        )
    };
    vec![
        lang.pick("Chưa có cơ sở dữ liệu ở", "There is no database at")
            .into(),
        format!("  {path}"),
        String::new(),
        say!(
            lang,
            "Enter  Tạo cơ sở dữ liệu mới ở đó cho năm {year} (← → đổi năm).",
            "Enter  Make a new database there for the year {year} (← → change the year)."
        ),
        sets_line,
        lang.pick(
            "       Sau đó nhập hồ sơ của năm ở màn hình tệp (f), như hướng dẫn mục 4.",
            "       Then import the year's files on the files screen (f) (guide, part 4).",
        )
        .into(),
        say!(
            lang,
            "D      Mở bản mẫu năm {demo_year}, ở tệp riêng (dữ liệu mẫu, không phải của hội đồng):",
            "D      Open the demo year {demo_year} (sample data) in a file of its own:"
        ),
        format!("         {demo}"),
        lang.pick(
            "q      Thoát, không tạo gì.",
            "q      Leave; nothing is made.",
        )
        .into(),
        String::new(),
        lang.pick(
            "Hướng dẫn từng bước: docs/huong-dan.md",
            "The guide, step by step (in Vietnamese): docs/huong-dan.md",
        )
        .into(),
    ]
}

/// The head of the unit code column in a unit's history with its predecessors.
pub fn unit_code_head(lang: Lang) -> &'static str {
    lang.pick("Mã", "Code")
}

// The council's figure of last year.

/// A unit's figure of last year and how it was found, as the council's box shows it.
pub fn previous_now(value: &str, basis: &str, lang: Lang) -> String {
    let basis = if basis.is_empty() {
        lang.pick("chỉ số của chính đơn vị", "the unit's own index")
    } else {
        basis
    };
    say!(lang, "{value} ({basis})", "{value} ({basis})")
}

/// Under the council's boxes: the figure now, or the figure chosen, then what to type.
pub fn previous_box(
    now: &str,
    chosen: Option<crate::domain::lineage::Figure>,
    kind: InputKind,
    lang: Lang,
) -> String {
    use crate::domain::lineage::Figure;
    let head = match chosen {
        None => say!(lang, "Hiện nay: {now}.", "Now: {now}."),
        Some(Figure::Value(p)) => {
            let p = super::numbers::fixed(p, lang);
            say!(
                lang,
                "Con số của Hội đồng: {p}.",
                "The council's figure: {p}."
            )
        }
        Some(Figure::NoComparison) => lang
            .pick(
                "Không so sánh với năm trước.",
                "No comparison with last year.",
            )
            .into(),
        Some(Figure::Rule) => lang
            .pick(
                "Trở lại cách tính theo quy tắc.",
                "Back to the figure by the rule.",
            )
            .into(),
    };
    format!("{head} {}", box_help(kind, lang))
}

/// The council's figure box given something that is not a figure.
pub fn previous_not_a_figure(text: &str, lang: Lang) -> String {
    let text = text.trim();
    say!(
        lang,
        "«{text}» không phải chỉ số (0 đến 100, ví dụ 81.07), «không» hoặc «quy tắc».",
        "'{text}' is not an index (0 to 100, e.g. 81.07), 'none' or 'rule'."
    )
}

pub fn previous_reason_needed(lang: Lang) -> &'static str {
    lang.pick(
        "Hội đồng đặt con số so sánh phải ghi lý do.",
        "The council's figure needs its reason.",
    )
}

/// The status line once the council's figure is written (short: the reason is in the log).
pub fn previous_set(unit: &str, value: Option<&str>, council: bool, lang: Lang) -> String {
    let how = match council {
        true => lang.pick("Hội đồng đặt", "council"),
        false => lang.pick("theo quy tắc", "by the rule"),
    };
    match value {
        Some(v) => say!(
            lang,
            "{unit}: so sánh với {v} ({how})",
            "{unit}: compared with {v} ({how})"
        ),
        None => say!(
            lang,
            "{unit}: không so sánh ({how})",
            "{unit}: no comparison ({how})"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::imports;
    use crate::service::{FileKind, ImportKind};
    use std::collections::BTreeSet;

    /// The columns the files screen lists for a kind are the ones its import reads (in the
    /// order of the example files; a file's columns may come in any order).
    #[test]
    fn the_files_screen_lists_the_columns_the_import_reads() {
        for kind in FileKind::ALL {
            let Some(import) = kind.import_kind() else {
                continue;
            };
            let columns = match import {
                ImportKind::Units => imports::UNITS,
                ImportKind::SelfScores => imports::SELF_SCORES,
                ImportKind::Survey => imports::SURVEY,
                ImportKind::Explanations => imports::EXPLANATIONS,
                ImportKind::History => imports::HISTORY,
                ImportKind::FieldHistory => imports::FIELD_HISTORY,
            };
            let read: BTreeSet<&str> = columns
                .required
                .iter()
                .chain(columns.optional)
                .copied()
                .collect();
            let (_, listed) = file_kind(kind, Lang::Vi);
            let listed: BTreeSet<&str> = listed.split(',').collect();
            assert_eq!(listed, read, "{kind:?}");
        }
    }
}
