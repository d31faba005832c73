//! The words of the documents the council hands out: the workbook's sheet names, titles,
//! column headers and the sentences under its tables, in both languages.

use super::{Lang, say};
use crate::domain::criteria::Band;
use crate::domain::{Mode, Points};

/// A figure with two decimals inside a sentence: `85,12` in Vietnamese, `85.12` in English
/// (`super::numbers`).
pub fn figure(p: Points, lang: Lang) -> String {
    super::numbers::fixed(p, lang)
}

/// A maximum inside a header: its shortest exact form (`8`, `12,5`).
pub fn short_figure(p: Points, lang: Lang) -> String {
    super::numbers::score(p, lang)
}

/// The usual abbreviations of PAR documents, longest first.
const ABBREVIATIONS: [(&str, &str); 8] = [
    ("cán bộ, công chức, viên chức", "CBCCVC"),
    ("văn bản quy phạm pháp luật", "VBQPPL"),
    ("Cải cách hành chính", "CCHC"),
    ("cải cách hành chính", "CCHC"),
    ("hành chính nhà nước", "HCNN"),
    ("thủ tục hành chính", "TTHC"),
    ("kinh tế - xã hội", "KT-XH"),
    ("người dân, tổ chức", "người dân, TC"),
];

/// A field's title short enough for a column header: the usual abbreviations of PAR
/// documents (`CCHC`, `TTHC`, `VBQPPL`, `CBCCVC` …), then cut at a word with `…` past `max`
/// characters.
pub fn short_title(title: &str, max: usize) -> String {
    let mut t = title.to_string();
    for (long, short) in ABBREVIATIONS {
        t = t.replace(long, short);
    }
    if t.chars().count() <= max {
        return t;
    }
    let mut cut: String = t.chars().take(max.saturating_sub(1)).collect();
    if let Some(space) = cut.rfind(' ')
        && space > cut.len() / 2
    {
        cut.truncate(space);
    }
    let cut = cut.trim_end_matches([' ', ',', ';', '-', '–']);
    format!("{cut}…")
}

// ---------- sheet names ----------

pub fn results_sheet(lang: Lang) -> &'static str {
    lang.pick("Kết quả", "Results")
}

pub fn fields_sheet(lang: Lang) -> &'static str {
    lang.pick("Lĩnh vực", "Fields")
}

pub fn history_sheet(lang: Lang) -> &'static str {
    lang.pick("Qua các năm", "Over the years")
}

pub fn history_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH QUA CÁC NĂM (đến năm {year})",
        "THE PAR INDEX OVER THE YEARS (to {year})"
    )
}

pub fn units_by_year(lang: Lang) -> &'static str {
    lang.pick(
        "Chỉ số của từng đơn vị theo năm (%)",
        "Each unit's index by year (%)",
    )
}

pub fn group(lang: Lang) -> &'static str {
    lang.pick("Nhóm", "Group")
}

pub fn criteria_sheet(lang: Lang) -> &'static str {
    lang.pick("Tiêu chí", "Criteria")
}

pub fn decisions_sheet(lang: Lang) -> &'static str {
    lang.pick("Thẩm định từng tiêu chí", "Decisions")
}

// ---------- titles ----------

pub fn results_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
        "PAR INDEX APPRAISAL RESULTS, {year}"
    )
}

pub fn fields_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "TỶ LỆ ĐIỂM ĐẠT THEO LĨNH VỰC NĂM {year} (% ĐIỂM TỐI ĐA ÁP DỤNG)",
        "POINTS PER FIELD, {year} (% OF THE APPLICABLE MAXIMUM)"
    )
}

pub fn criteria_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "ĐIỂM THẨM ĐỊNH THEO TIÊU CHÍ NĂM {year}",
        "APPRAISED POINTS PER CRITERION, {year}"
    )
}

pub fn decisions_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "KẾT QUẢ THẨM ĐỊNH TỪNG TIÊU CHÍ CỦA CÁC ĐƠN VỊ NĂM {year}",
        "THE COUNCIL'S DECISION ON EVERY ITEM OF EVERY UNIT, {year}"
    )
}

pub fn scoring_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
        "PAR INDEX SCORING SHEET, {year}"
    )
}

pub fn group_line(name: &str, units: usize, lang: Lang) -> String {
    say!(
        lang,
        "Nhóm: {name} ({units} đơn vị)",
        "Group: {name} ({units} units)"
    )
}

pub fn all_groups_line(lang: Lang) -> &'static str {
    lang.pick("Tất cả các nhóm", "All groups")
}

pub fn unit_line(name: &str, code: &str, group: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đơn vị: {name} ({code}) – nhóm {group}",
        "Unit: {name} ({code}) – group {group}"
    )
}

/// Whether the figures are final, or provisional and how much is decided.
pub fn mode_line(mode: Mode, decided: usize, items: usize, lang: Lang) -> String {
    match mode {
        Mode::Final => say!(
            lang,
            "Kết quả chính thức: đã thẩm định tất cả {items} tiêu chí.",
            "Final results: all {items} items decided."
        ),
        Mode::Provisional => {
            let pct = (decided * 10_000)
                .checked_div(items)
                .map_or(Points::from_int(100), |h| Points::from_hundredths(h as i64));
            let pct = figure(pct, lang);
            say!(
                lang,
                "Bảng TẠM TÍNH, chưa phải kết quả chính thức: tiêu chí chưa thẩm định được tính theo điểm tự chấm của đơn vị. Đã thẩm định {decided}/{items} tiêu chí ({pct} %).",
                "PROVISIONAL, not the final result: items not yet decided count at the unit's self score. Decided: {decided} of {items} items ({pct} %)."
            )
        }
    }
}

pub fn local_time_note(lang: Lang) -> &'static str {
    lang.pick(
        "Thời điểm thẩm định theo giờ địa phương.",
        "Times of decision in local time.",
    )
}

// ---------- column headers ----------

pub fn rank(lang: Lang) -> &'static str {
    lang.pick("Hạng", "Rank")
}
pub fn code(lang: Lang) -> &'static str {
    lang.pick("Mã", "Code")
}
pub fn unit(lang: Lang) -> &'static str {
    lang.pick("Đơn vị", "Unit")
}
pub fn appraisal_points(lang: Lang) -> &'static str {
    lang.pick("Điểm thẩm định", "Appraisal points")
}
pub fn bonus(lang: Lang) -> &'static str {
    lang.pick("Điểm thưởng", "Bonus")
}
pub fn deduction(lang: Lang) -> &'static str {
    lang.pick("Điểm trừ", "Deduction")
}
pub fn survey(lang: Lang) -> &'static str {
    lang.pick("Điểm điều tra XHH", "Survey points")
}
pub fn total(lang: Lang) -> &'static str {
    lang.pick("Tổng điểm", "Total")
}
pub fn applicable_max(lang: Lang) -> &'static str {
    lang.pick("Điểm tối đa áp dụng", "Applicable maximum")
}
pub fn index(lang: Lang) -> &'static str {
    lang.pick("Chỉ số (%)", "Index (%)")
}
pub fn band(lang: Lang) -> &'static str {
    lang.pick("Xếp loại", "Band")
}
pub fn previous_index(lang: Lang) -> &'static str {
    lang.pick("Chỉ số năm trước (%)", "Previous index (%)")
}
pub fn change(lang: Lang) -> &'static str {
    lang.pick("Tăng/giảm", "Change")
}
pub fn criterion(lang: Lang) -> &'static str {
    lang.pick("Lĩnh vực / tiêu chí", "Field / criterion")
}
pub fn max(lang: Lang) -> &'static str {
    lang.pick("Điểm tối đa", "Max")
}
pub fn mean_percent(lang: Lang) -> &'static str {
    lang.pick("Trung bình (%)", "Mean (%)")
}
pub fn units_lost(lang: Lang) -> &'static str {
    lang.pick("Số đơn vị bị mất điểm", "Units that lost points")
}
pub fn self_score(lang: Lang) -> &'static str {
    lang.pick("Điểm tự chấm", "Self score")
}
pub fn appraised_score(lang: Lang) -> &'static str {
    lang.pick("Điểm thẩm định", "Appraised score")
}
pub fn difference(lang: Lang) -> &'static str {
    lang.pick("Chênh lệch", "Difference")
}
pub fn unit_note(lang: Lang) -> &'static str {
    lang.pick("Ghi chú của đơn vị", "The unit's note")
}
pub fn council_comment(lang: Lang) -> &'static str {
    lang.pick("Nhận xét của Hội đồng", "The council's comment")
}
pub fn state(lang: Lang) -> &'static str {
    lang.pick("Trạng thái", "State")
}
pub fn unit_code(lang: Lang) -> &'static str {
    lang.pick("Mã đơn vị", "Unit code")
}
pub fn unit_name(lang: Lang) -> &'static str {
    lang.pick("Tên đơn vị", "Unit")
}
pub fn item_code(lang: Lang) -> &'static str {
    lang.pick("Mã tiêu chí", "Item")
}
pub fn item_title(lang: Lang) -> &'static str {
    lang.pick("Tiêu chí", "Item title")
}
pub fn appraiser(lang: Lang) -> &'static str {
    lang.pick("Người thẩm định", "Appraiser")
}
pub fn decided_at(lang: Lang) -> &'static str {
    lang.pick("Thời điểm", "Decided at")
}

/// A field's column header: number, short name and maximum.
pub fn field_header(code: &str, short: &str, max: Points, lang: Lang) -> String {
    let max = short_figure(max, lang);
    say!(
        lang,
        "{code}. {short}\n(tối đa {max})",
        "{code}. {short}\n(max {max})"
    )
}

/// A unit's column header on the criteria sheet.
pub fn unit_header(code: &str, name: &str) -> String {
    format!("{code}\n{name}")
}

// ---------- under the tables ----------

pub fn group_mean(lang: Lang) -> &'static str {
    lang.pick("Trung bình nhóm", "Group mean")
}

/// Target 1 of the source document: every unit's index above its previous one.
pub fn target_rise(rose: usize, compared: usize, not_yet: &[String], lang: Lang) -> String {
    if compared == 0 {
        return lang
            .pick(
                "Mục tiêu 1 – chỉ số của mỗi đơn vị cao hơn năm trước: chưa có chỉ số năm trước để so sánh.",
                "Target 1 – every unit's index above its previous one: no previous index to compare with.",
            )
            .into();
    }
    let mut s = say!(
        lang,
        "Mục tiêu 1 – chỉ số của mỗi đơn vị cao hơn năm trước: {rose}/{compared} đơn vị đạt.",
        "Target 1 – every unit's index above its previous one: met by {rose} of {compared} units."
    );
    if !not_yet.is_empty() {
        let list = not_yet.join(", ");
        s.push(' ');
        s.push_str(&say!(lang, "Chưa đạt: {list}.", "Not met: {list}."));
    }
    s
}

/// Target 2 of the source document: the group's mean above the province's previous index.
pub fn target_mean(mean: Option<Points>, province: Option<Points>, lang: Lang) -> String {
    match (mean, province) {
        (Some(m), Some(p)) => {
            let met = m > p;
            let (m, p) = (figure(m, lang), figure(p, lang));
            let verdict = match met {
                true => lang.pick("đạt", "met"),
                false => lang.pick("chưa đạt", "not met"),
            };
            say!(
                lang,
                "Mục tiêu 2 – chỉ số trung bình của nhóm ({m} %) cao hơn chỉ số của tỉnh năm trước ({p} %): {verdict}.",
                "Target 2 – the group's mean index ({m} %) above the province's previous index ({p} %): {verdict}."
            )
        }
        _ => lang
            .pick(
                "Mục tiêu 2 – chỉ số trung bình của nhóm cao hơn chỉ số của tỉnh năm trước: chưa có chỉ số của tỉnh năm trước.",
                "Target 2 – the group's mean index above the province's previous index: no previous index of the province.",
            )
            .into(),
    }
}

pub fn not_ranked_note(lang: Lang) -> &'static str {
    lang.pick(
        "—: đơn vị được chấm điểm nhưng không xếp hạng.",
        "—: unit scored but not ranked.",
    )
}

/// The row counting a band's units on the fields sheet: `Loại B (80 – < 90 %)`.
pub fn band_count(bands: &[Band], i: usize, lang: Lang) -> String {
    let b = &bands[i];
    let code = &b.code;
    let min = short_figure(b.min, lang);
    let low = match (b.above, b.min.hundredths() > 0) {
        (true, _) => Some(format!("> {min}")),
        (false, true) => Some(min),
        (false, false) => None,
    };
    let high = (i > 0).then(|| {
        let up = &bands[i - 1];
        let sign = if up.above { "≤" } else { "<" };
        format!("{sign} {}", short_figure(up.min, lang))
    });
    let range = match (low, high) {
        (Some(l), Some(h)) => Some(format!("{l} – {h}")),
        (Some(l), None) if b.above => Some(l),
        (Some(l), None) => Some(format!("≥ {l}")),
        (None, Some(h)) => Some(h),
        (None, None) => None,
    };
    match range {
        Some(r) => say!(
            lang,
            "Số đơn vị loại {code} ({r} %)",
            "Units in band {code} ({r} %)"
        ),
        None => say!(lang, "Số đơn vị loại {code}", "Units in band {code}"),
    }
}

pub fn fields_legend(lang: Lang) -> &'static str {
    lang.pick(
        "Mỗi ô: điểm đạt của lĩnh vực chia điểm tối đa áp dụng cho đơn vị (%), kèm chữ xếp loại theo ngưỡng của nhóm; màu nền theo xếp loại. —: lĩnh vực không áp dụng cho đơn vị.",
        "Each cell: the field's points over its maximum applicable to the unit (%), followed by the band letter by the group's thresholds; the fill colour follows the band. —: the field does not apply to the unit.",
    )
}

pub fn criteria_legend(lang: Lang) -> &'static str {
    lang.pick(
        "Trung bình (%): điểm đạt chia điểm tối đa áp dụng, trung bình các đơn vị. —: tiêu chí không áp dụng cho đơn vị.",
        "Mean (%): points over the applicable maximum, averaged over the units. —: the criterion does not apply to the unit.",
    )
}

pub fn fields_total(lang: Lang) -> &'static str {
    lang.pick("Tổng điểm các lĩnh vực", "Fields total")
}

/// The text of a self score of `N/A` (the unit says the item does not apply).
pub fn not_applicable_self(_lang: Lang) -> &'static str {
    "N/A"
}

/// A cell for a node that does not apply to the unit.
pub const DOES_NOT_APPLY: &str = "—";

// ---------- the bottom of a scoring sheet ----------

pub fn decided_points(lang: Lang) -> &'static str {
    lang.pick(
        "Điểm thẩm định (các tiêu chí đã thẩm định)",
        "Appraised points (items decided)",
    )
}

pub fn counted_points(mode: Mode, lang: Lang) -> &'static str {
    match mode {
        Mode::Final => lang.pick("Điểm thẩm định", "Appraisal points"),
        Mode::Provisional => lang.pick(
            "Điểm thẩm định tạm tính (tiêu chí chưa thẩm định tính theo điểm tự chấm)",
            "Provisional appraisal points (undecided items at the self score)",
        ),
    }
}

pub fn bonus_after_cap(cap: Points, lang: Lang) -> String {
    let cap = short_figure(cap, lang);
    say!(lang, "Điểm thưởng (tối đa {cap})", "Bonus (at most {cap})")
}

pub fn deduction_after_cap(cap: Points, lang: Lang) -> String {
    let cap = short_figure(cap, lang);
    say!(lang, "Điểm trừ (tối đa {cap})", "Deduction (at most {cap})")
}

pub fn survey_missing(lang: Lang) -> &'static str {
    lang.pick("chưa có", "missing")
}

pub fn rank_in_group(ranked: usize, lang: Lang) -> String {
    say!(
        lang,
        "Xếp hạng trong nhóm (trên {ranked} đơn vị được xếp hạng)",
        "Rank in the group (of {ranked} ranked units)"
    )
}

pub fn not_ranked(lang: Lang) -> &'static str {
    lang.pick("không xếp hạng", "not ranked")
}

/// Page footer: `Trang 2/5` (Excel's codes &P and &N), and on the left, when the workbook
/// is made with an illustrative criteria set, a word that says so.
pub fn footer(lang: Lang, illustrative: bool) -> String {
    let page = lang.pick("&CTrang &P/&N", "&CPage &P of &N");
    if illustrative {
        let mark = lang.pick(
            "&LLập theo bộ chỉ số minh họa, không phải bộ chính thức",
            "&LMade with an illustrative criteria set, not the official one",
        );
        format!("{mark}{page}")
    } else {
        page.to_string()
    }
}

// ---------- the command's answer ----------

pub fn workbook_written(path: &str, sheets: usize, lang: Lang) -> String {
    say!(
        lang,
        "Đã xuất bảng tính {path} ({sheets} trang tính).",
        "Wrote the workbook {path} ({sheets} sheets)."
    )
}

/// The words of the history tables.
pub struct HistoryWords {
    pub province_title: String,
    pub year: &'static str,
    pub index: &'static str,
    pub change: &'static str,
    pub rose: &'static str,
    pub band: &'static str,
    pub rank: &'static str,
    pub source: &'static str,
    pub target: &'static str,
    pub verdict: &'static str,
    pub units: &'static str,
    pub mean: &'static str,
    pub province_previous: &'static str,
    pub above: &'static str,
    pub rose_of: &'static str,
    pub current_note: &'static str,
    pub nothing: &'static str,
}

impl HistoryWords {
    /// The columns of the province's years against the targets.
    pub fn province_heads(&self) -> [&'static str; 6] {
        [
            self.year,
            self.index,
            self.change,
            self.rank,
            self.target,
            self.verdict,
        ]
    }

    /// The columns of a group's years against the province's index of the year before.
    pub fn group_heads(&self) -> [&'static str; 6] {
        [
            self.year,
            self.units,
            self.mean,
            self.province_previous,
            self.above,
            self.rose_of,
        ]
    }

    /// The columns of one unit's years.
    pub fn unit_heads(&self) -> [&'static str; 7] {
        [
            self.year,
            self.index,
            self.change,
            self.rose,
            self.band,
            self.rank,
            self.source,
        ]
    }
}

pub fn history_words(plan: &crate::domain::history::Plan, lang: Lang) -> HistoryWords {
    let p = |vi, en| lang.pick(vi, en);
    let (top, by, until) = (plan.top, plan.by, plan.until);
    HistoryWords {
        province_title: say!(
            lang,
            "Tỉnh — chỉ số và xếp hạng cả nước theo năm, so với mục tiêu của Đề án: vào nhóm {top} tỉnh dẫn đầu năm {by}, rồi mỗi năm tăng ít nhất 1 bậc đến {until}",
            "The province — index and national rank by year, against the source document's targets: in the top {top} by {by}, then at least one place up a year to {until}"
        ),
        year: p("Năm", "Year"),
        index: p("Chỉ số %", "Index %"),
        change: p("Tăng/giảm", "Change"),
        rose: p("Tăng", "Rose"),
        band: p("Loại", "Band"),
        rank: p("Hạng", "Rank"),
        source: p("Nguồn", "Source"),
        target: p("Mục tiêu", "Target"),
        verdict: p("Kết quả", "Result"),
        units: p("Số ĐV", "Units"),
        mean: p("TB nhóm %", "Mean %"),
        province_previous: p("Tỉnh năm trước %", "Province prev. %"),
        above: p("Cao hơn", "Above"),
        rose_of: p("Số ĐV tăng", "Units rose"),
        current_note: p(
            "*: năm đang thẩm định, chưa công bố — tính theo xếp hạng tạm tính.",
            "*: the year being appraised, not published — from the provisional ranking.",
        ),
        nothing: p(
            "Chưa có số liệu nào: hãy nhập lịch sử (thamdinh import history) hoặc công bố một năm (thamdinh publish).",
            "Nothing yet: import the history (thamdinh import history) or publish a year (thamdinh publish).",
        ),
    }
}

pub fn already_first_short(lang: Lang) -> &'static str {
    lang.pick("đứng đầu nhóm", "first in the group")
}

pub fn met_short(margin: &str, lang: Lang) -> String {
    say!(
        lang,
        "đã đạt (+{margin} điểm %)",
        "met (+{margin} points of percent)"
    )
}

pub fn no_previous_short(lang: Lang) -> &'static str {
    lang.pick("không có chỉ số năm trước", "no index last year")
}

pub fn not_ranked_short(lang: Lang) -> &'static str {
    lang.pick("không xếp hạng", "not ranked")
}

/// A goal that every lost point would not reach.
pub fn out_of_reach_short(best: &str, lang: Lang) -> String {
    say!(
        lang,
        "không thể đạt: dù đạt tối đa mọi tiêu chí, chỉ số cao nhất {best} %",
        "out of reach: {best} % at most, even with full marks"
    )
}

pub fn top_band_short(lang: Lang) -> &'static str {
    lang.pick("đã ở loại cao nhất", "already in the top band")
}

/// The headers of the way-up sheet, after rank, code and unit.
pub fn way_up_heads(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Vi => [
            "Chỉ số (%)",
            "Loại",
            "Điểm bị mất",
            "Lĩnh vực mất nhiều điểm nhất",
            "Đơn vị xếp trên",
            "Điểm cần để vượt",
            "Tiêu chí khắc phục để vượt",
            "Loại kế tiếp",
            "Điểm cần để lên loại",
            "Tiêu chí khắc phục để lên loại",
            "Chỉ số năm trước (%)",
            "Điểm cần để cao hơn năm trước",
            "Tiêu chí khắc phục để cao hơn năm trước",
        ],
        Lang::En => [
            "Index (%)",
            "Band",
            "Points lost",
            "Field that lost most",
            "Unit ranked above",
            "Points to pass it",
            "Criteria to recover to pass it",
            "Next band",
            "Points to reach it",
            "Criteria to recover to reach it",
            "Last year's index (%)",
            "Points to rise above it",
            "Criteria to recover to rise above it",
        ],
    }
}

pub fn way_up_legend(lang: Lang) -> &'static str {
    lang.pick(
        "Điểm cần: số điểm ít nhất (làm tròn lên 0,01) để chỉ số vượt đơn vị xếp trên, đạt ngưỡng loại kế tiếp hoặc cao hơn chỉ số năm trước. Tiêu chí khắc phục: các tiêu chí bị mất nhiều điểm nhất, theo thứ tự, vừa đủ để đạt (mã +điểm mất → chỉ số sau khi khắc phục đến tiêu chí đó). Tiêu chí chưa thẩm định tính theo điểm tự chấm.",
        "Points to …: the fewest points (in hundredths) that make the index pass the unit above, reach the next band's threshold or rise above last year's index. Criteria to recover: the criteria that lost the most, in order, just enough (code +points lost → the index once recovered up to it). Undecided items count at their self score.",
    )
}

pub fn way_up_sheet(lang: Lang) -> &'static str {
    lang.pick("Cải thiện", "Way up")
}

pub fn way_up_sheet_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "HƯỚNG CẢI THIỆN CHỈ SỐ CỦA TỪNG ĐƠN VỊ NĂM {year}",
        "EACH UNIT'S WAY UP, {year}"
    )
}

/// The last line of `rank` as a table: the ledger's head, to check a printed result with.
pub fn ledger_line(entries: u64, head: &str, lang: Lang) -> String {
    say!(
        lang,
        "Sổ nhật ký: {entries} dòng · đầu sổ {head} (đối chiếu: thamdinh verify --head {head})",
        "Audit ledger: {entries} entries · head {head} (to check: thamdinh verify --head {head})"
    )
}

/// The head of a group's history table.
pub fn group_history_title(group: &str, name: &str, lang: Lang) -> String {
    say!(
        lang,
        "{name} ({group}) — trung bình nhóm theo năm so với chỉ số của tỉnh năm trước, số đơn vị có chỉ số tăng",
        "{name} ({group}) — the group's mean by year against the province's index of the year before, and the units that rose"
    )
}

/// How a unit's figure of last year was found, as printed beside it ("" for the unit's own
/// index). `name` gives a unit's name by its code (the code when it has none).
pub fn previous_basis(
    basis: &crate::domain::lineage::Basis,
    name: &dyn Fn(&str) -> String,
    lang: Lang,
) -> String {
    use crate::domain::lineage::Basis;
    match basis {
        Basis::Own => String::new(),
        Basis::Renamed(from) => {
            let from = name(from);
            say!(lang, "của {from} (đổi tên)", "{from}'s (renamed)")
        }
        Basis::SplitFrom(from) => {
            let from = name(from);
            say!(lang, "của {from} (tách ra)", "{from}'s (split from it)")
        }
        Basis::Mean(from) => {
            let n = from.len();
            say!(
                lang,
                "bình quân {n} đơn vị tiền thân",
                "mean of {n} predecessor units"
            )
        }
        Basis::New => lang.pick("đơn vị mới", "new unit").into(),
        Basis::Council(reason) => say!(
            lang,
            "Hội đồng đặt: {reason}",
            "set by the council: {reason}"
        ),
    }
}

/// The notes under a table on how last year's figures were found, one line per note: the
/// units that share it (in `units`' order; more than eight as the first two, `…`, the last
/// and how many), then the note: `* XP001, XP002, … XP100 (100): đơn vị mới`.
pub fn previous_note_lines<'a>(
    units: impl IntoIterator<Item = &'a str>,
    notes: &std::collections::HashMap<String, String>,
) -> Vec<String> {
    let mut by_note: Vec<(&str, Vec<&str>)> = Vec::new();
    for unit in units {
        let Some(note) = notes.get(unit) else {
            continue;
        };
        match by_note.iter_mut().find(|(n, _)| *n == note.as_str()) {
            Some((_, us)) => us.push(unit),
            None => by_note.push((note.as_str(), vec![unit])),
        }
    }
    by_note
        .into_iter()
        .map(|(note, us)| {
            let list = if us.len() <= 8 {
                us.join(", ")
            } else {
                format!(
                    "{}, {}, … {} ({})",
                    us[0],
                    us[1],
                    us[us.len() - 1],
                    us.len()
                )
            };
            format!("* {list}: {note}")
        })
        .collect()
}

/// A predecessor's line in the history: whose it is.
pub fn predecessor_of(
    successor: &str,
    kind: crate::domain::lineage::Kind,
    year: i32,
    lang: Lang,
) -> String {
    use crate::domain::lineage::Kind;
    match kind {
        Kind::Merge => say!(
            lang,
            "tiền thân của {successor} (hợp nhất {year})",
            "predecessor of {successor} (merged {year})"
        ),
        Kind::Split => say!(
            lang,
            "tiền thân của {successor} (tách {year})",
            "predecessor of {successor} (split {year})"
        ),
        _ => say!(
            lang,
            "tên cũ của {successor} ({year})",
            "former code of {successor} ({year})"
        ),
    }
}

/// Where a unit came from, for its title line: "hợp nhất từ A, B (2025)".
pub fn lineage_line(
    kind: crate::domain::lineage::Kind,
    from: &[String],
    year: i32,
    lang: Lang,
) -> String {
    use crate::domain::lineage::Kind;
    let list = from.join(", ");
    match kind {
        Kind::Merge => say!(
            lang,
            "hợp nhất từ {list} ({year})",
            "merged from {list} ({year})"
        ),
        Kind::Split => say!(
            lang,
            "tách từ {list} ({year})",
            "split from {list} ({year})"
        ),
        Kind::Rename => say!(
            lang,
            "đổi tên từ {list} ({year})",
            "renamed from {list} ({year})"
        ),
        Kind::New | Kind::End => say!(lang, "đơn vị mới ({year})", "new unit ({year})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_titles_shorten_with_the_usual_abbreviations() {
        assert_eq!(
            short_title("Công tác chỉ đạo, điều hành cải cách hành chính", 40),
            "Công tác chỉ đạo, điều hành CCHC"
        );
        assert_eq!(
            short_title(
                "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
                60
            ),
            "Xây dựng và nâng cao chất lượng đội ngũ CBCCVC"
        );
        let cut = short_title(
            "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội của địa phương",
            40,
        );
        assert!(cut.chars().count() <= 40, "{cut}");
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn figures_in_sentences_follow_the_language() {
        let p = Points::parse("85.1").unwrap();
        assert_eq!(figure(p, Lang::Vi), "85,10");
        assert_eq!(figure(p, Lang::En), "85.10");
        assert_eq!(
            short_figure(Points::parse("12.5").unwrap(), Lang::Vi),
            "12,5"
        );
    }

    #[test]
    fn band_rows_say_their_range() {
        let bands = Band::parse_list("A:90,B:80,C:70,D:0").unwrap();
        assert_eq!(band_count(&bands, 0, Lang::Vi), "Số đơn vị loại A (≥ 90 %)");
        assert_eq!(
            band_count(&bands, 1, Lang::Vi),
            "Số đơn vị loại B (80 – < 90 %)"
        );
        assert_eq!(band_count(&bands, 3, Lang::En), "Units in band D (< 70 %)");
    }

    #[test]
    fn provisional_says_how_much_is_decided() {
        assert_eq!(
            mode_line(Mode::Provisional, 1, 3, Lang::Vi),
            "Bảng TẠM TÍNH, chưa phải kết quả chính thức: tiêu chí chưa thẩm định được tính theo điểm tự chấm của đơn vị. Đã thẩm định 1/3 tiêu chí (33,33 %)."
        );
    }

    #[test]
    fn units_that_share_a_note_share_its_line() {
        let mut notes = std::collections::HashMap::new();
        let codes: Vec<String> = (1..=100).map(|k| format!("XP{k:03}")).collect();
        for c in &codes {
            notes.insert(c.clone(), "đơn vị mới".to_string());
        }
        notes.insert("STC".into(), "bình quân 2 đơn vị tiền thân".into());
        notes.insert("SNV".into(), "bình quân 2 đơn vị tiền thân".into());
        let units = ["SNV", "SYT", "STC"]
            .into_iter()
            .chain(codes.iter().map(String::as_str));
        assert_eq!(
            previous_note_lines(units, &notes),
            [
                "* SNV, STC: bình quân 2 đơn vị tiền thân",
                "* XP001, XP002, … XP100 (100): đơn vị mới"
            ]
        );
    }
}
