//! The words of the field analysis and of each unit's way up, shared by the command line
//! (`analyze fields`, `plan`, through `crate::view::wayup`) and the analysis screens, so that a
//! sentence such as "cannot reach band B even with full marks" is worded once. The workbook's
//! way-up sheet is a document: its words are in `crate::words::documents`.
//!
//! Figures come in already written (two decimals); the sentences place them.

use super::{Lang, say};
use crate::domain::criteria::Band;

/// `A ≥ 90, B 80 – < 90, C 70 – < 80, D < 70`; an exclusive bound and the inclusive top it
/// leaves below: `Nhóm 1 > 90, Nhóm 2 80 – ≤ 90, …`.
pub fn bands_text(bands: &[Band]) -> String {
    bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let low = match (b.above, b.min.hundredths() > 0) {
                (true, _) => Some(format!("> {}", b.min)),
                (false, true) => Some(b.min.to_string()),
                (false, false) => None,
            };
            let high = i.checked_sub(1).map(|k| {
                let up = &bands[k];
                format!("{} {}", if up.above { "≤" } else { "<" }, up.min)
            });
            match (low, high) {
                (Some(l), None) if !b.above => format!("{} ≥ {l}", b.code),
                (Some(l), None) => format!("{} {l}", b.code),
                (Some(l), Some(h)) => format!("{} {l} – {h}", b.code),
                (None, Some(h)) => format!("{} {h}", b.code),
                (None, None) => b.code.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------- one group, one year ----------

pub fn fields_title(group: &str, code: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "{group} ({code}) — phân tích theo lĩnh vực, năm {year}",
        "{group} ({code}) — analysis by field, {year}"
    )
}

/// Whether the figures are final: every item decided, or how many are, the others counted at
/// their self score.
pub fn decided_line(decided: usize, items: usize, lang: Lang) -> String {
    if decided >= items {
        say!(
            lang,
            "Đã thẩm định đủ {items} tiêu chí.",
            "All {items} items decided."
        )
    } else {
        say!(
            lang,
            "Tạm tính: đã thẩm định {decided}/{items} tiêu chí; tiêu chí chưa thẩm định tính theo điểm tự chấm.",
            "Provisional: {decided}/{items} items decided; undecided items count at their self score."
        )
    }
}

/// What a field's percent is and how it is banded.
pub fn percent_legend(bands: &str, lang: Lang) -> String {
    say!(
        lang,
        "Tỷ lệ = điểm của lĩnh vực ÷ điểm tối đa áp dụng cho đơn vị (tiêu chí không áp dụng không tính); xếp loại theo ngưỡng của nhóm: {bands}.",
        "Percent = the field's points ÷ its maximum that applies to the unit (items that do not apply leave it); bands by the group's thresholds: {bands}."
    )
}

pub fn rank(lang: Lang) -> &'static str {
    lang.pick("Hạng", "Rank")
}

pub fn code(lang: Lang) -> &'static str {
    lang.pick("Mã", "Code")
}

pub fn unit(lang: Lang) -> &'static str {
    lang.pick("Đơn vị", "Unit")
}

pub fn field(lang: Lang) -> &'static str {
    lang.pick("Lĩnh vực", "Field")
}

pub fn index(lang: Lang) -> &'static str {
    lang.pick("Chỉ số", "Index")
}

pub fn group_mean(lang: Lang) -> &'static str {
    lang.pick("Trung bình nhóm", "Group mean")
}

pub fn mean(lang: Lang) -> &'static str {
    lang.pick("TB", "Mean")
}

pub fn band(lang: Lang) -> &'static str {
    lang.pick("Loại", "Band")
}

/// The footer row counting the units of a band.
pub fn units_in_band(code: &str, lang: Lang) -> String {
    say!(lang, "Số đơn vị loại {code}", "Units in band {code}")
}

/// A field in a legend: `1 Công tác chỉ đạo… (tối đa 6)`.
pub fn field_legend(code: &str, title: &str, max: &str, lang: Lang) -> String {
    say!(
        lang,
        "{code} {title} (tối đa {max})",
        "{code} {title} (max {max})"
    )
}

pub fn weakest(list: &str, lang: Lang) -> String {
    say!(
        lang,
        "Lĩnh vực yếu nhất (trung bình nhóm thấp nhất): {list}.",
        "Weakest fields (lowest group mean): {list}."
    )
}

/// The fields whose group mean fell against the year before.
pub fn fell_since(year: i32, list: &str, lang: Lang) -> String {
    say!(
        lang,
        "Lĩnh vực giảm so với năm {year}: {list}.",
        "Fields lower than in {year}: {list}."
    )
}

/// One unit's fields lower than its own of the year before.
pub fn unit_fell_since(unit: &str, year: i32, list: &str, lang: Lang) -> String {
    say!(
        lang,
        "{unit}: lĩnh vực của đơn vị giảm so với năm {year}: {list}.",
        "{unit}: the unit's fields lower than in {year}: {list}."
    )
}

pub fn unit_none_fell(unit: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "{unit}: không lĩnh vực nào của đơn vị giảm so với năm {year}.",
        "{unit}: none of the unit's fields is lower than in {year}."
    )
}

pub fn none_fell(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Không lĩnh vực nào giảm so với năm {year}.",
        "No field is lower than in {year}."
    )
}

pub fn no_fields_of_year(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Chưa có số liệu từng lĩnh vực của nhóm năm {year} để so sánh (thamdinh import field-history TỆP).",
        "No field figures of the group for {year} to compare with (thamdinh import field-history FILE)."
    )
}

/// The source document's group target: the group's mean index above the province's index of
/// the year before.
pub fn group_target(mean: &str, year: i32, target: &str, met: bool, lang: Lang) -> String {
    match met {
        true => say!(
            lang,
            "Mục tiêu nhóm: trung bình chỉ số {mean} % cao hơn chỉ số của tỉnh năm {year} ({target} %) — đạt.",
            "Group target: the mean index {mean} % is above the province's {year} index ({target} %) — met."
        ),
        false => say!(
            lang,
            "Mục tiêu nhóm: trung bình chỉ số {mean} % chưa cao hơn chỉ số của tỉnh năm {year} ({target} %) — chưa đạt.",
            "Group target: the mean index {mean} % is not above the province's {year} index ({target} %) — not met."
        ),
    }
}

pub fn no_province_index(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Chưa có chỉ số của tỉnh năm {year} (thamdinh import history TỆP, đơn vị province).",
        "No index of the province for {year} (thamdinh import history FILE, unit province)."
    )
}

/// The parts that pull the mean down against the target, each as `pull_part`: below it when
/// the target is missed, towards it when it is met.
pub fn pulling(list: &str, met: bool, lang: Lang) -> String {
    match met {
        false => say!(
            lang,
            "Kéo trung bình xuống dưới mức đó: {list}.",
            "Pulling the mean below it: {list}."
        ),
        true => say!(
            lang,
            "Thấp hơn mức đó, kéo trung bình xuống: {list}.",
            "Below it, pulling the mean down: {list}."
        ),
    }
}

pub fn nothing_pulls(lang: Lang) -> &'static str {
    lang.pick(
        "Không lĩnh vực nào kéo trung bình xuống dưới mức đó.",
        "No field pulls the mean below it.",
    )
}

/// One part pulling the mean down: its share of the gap and the rise that would cancel it.
pub fn pull_part(name: &str, share: &str, rise: Option<(&str, &str)>, lang: Lang) -> String {
    match rise {
        Some((rise, points)) => say!(
            lang,
            "{name} {share} điểm % (cần tăng {rise} điểm % ở mọi đơn vị, tức {points} điểm cả nhóm)",
            "{name} {share} points of percent (needs {rise} points of percent more in every unit, {points} points over the group)"
        ),
        None => say!(
            lang,
            "{name} {share} điểm %",
            "{name} {share} points of percent"
        ),
    }
}

/// A field named in a sentence: `lĩnh vực 7`.
pub fn field_named(code: &str, lang: Lang) -> String {
    say!(lang, "lĩnh vực {code}", "field {code}")
}

pub fn survey_part(lang: Lang) -> &'static str {
    lang.pick("điểm điều tra xã hội học", "the survey")
}

pub fn extra_part(lang: Lang) -> &'static str {
    lang.pick("điểm thưởng trừ điểm trừ", "bonus less deduction")
}

// ---------- across years ----------

/// The subject of a table across years.
pub fn province(lang: Lang) -> &'static str {
    lang.pick(
        "Tỉnh — các chỉ số thành phần",
        "The province — its component indexes",
    )
}

pub fn years_title(subject: &str, from: i32, to: i32, lang: Lang) -> String {
    say!(
        lang,
        "{subject}: tỷ lệ điểm từng lĩnh vực {from}–{to}",
        "{subject}: percent per field {from}–{to}"
    )
}

pub fn years_legend(bands: &str, lang: Lang) -> String {
    say!(
        lang,
        "TB = trung bình các năm có đánh giá (lĩnh vực chỉ đánh giá một số năm thì tính trên các năm đó); loại: {bands}.",
        "Mean = over the years measured (a field measured in some years only is averaged over those); bands: {bands}."
    )
}

pub fn band_counts(list: &str, lang: Lang) -> String {
    say!(
        lang,
        "Số lĩnh vực theo loại của giá trị trung bình: {list}.",
        "Fields per band of their mean: {list}."
    )
}

pub fn fell_between(from: i32, to: i32, list: &str, lang: Lang) -> String {
    say!(
        lang,
        "Giảm từ {from} đến {to}: {list}.",
        "Lower in {to} than in {from}: {list}."
    )
}

pub fn none_between(from: i32, to: i32, lang: Lang) -> String {
    say!(
        lang,
        "Không lĩnh vực nào giảm từ {from} đến {to}.",
        "No field is lower in {to} than in {from}."
    )
}

pub fn no_history(subject: &str, from: i32, to: i32, lang: Lang) -> String {
    say!(
        lang,
        "{subject}: chưa có số liệu từng lĩnh vực trong các năm {from}–{to}. Hãy nhập bằng: thamdinh import field-history TỆP (cột unit,year,field,field_name,percent).",
        "{subject}: no figures per field in {from}–{to}. Import them with: thamdinh import field-history FILE (columns unit,year,field,field_name,percent)."
    )
}

/// `--years` as typed is not `2016-2021`.
pub fn bad_years(text: &str, lang: Lang) -> String {
    say!(
        lang,
        "--years «{text}» phải viết dạng «2016-2021» (năm đầu không sau năm cuối).",
        "--years '{text}' must look like '2016-2021' (the first year not after the last)."
    )
}

// ---------- the way up ----------

pub fn plan_title(unit: &str, code: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "{unit} ({code}) — hướng cải thiện Chỉ số năm {year}",
        "{unit} ({code}) — the way up, {year}"
    )
}

/// Where the unit of a way up stands: index, rank, band, last year's index.
pub fn standing(way: &crate::domain::WayUp, lang: Lang) -> String {
    let index = super::numbers::fixed(way.index.rounded(), lang);
    let rank = way.rank.map(|r| (r, way.ranked));
    let band = way.band.as_deref().unwrap_or("—");
    let previous = way.previous.map(|p| super::numbers::fixed(p, lang));
    let previous = previous.as_deref();
    let rank = match rank {
        Some((r, n)) => say!(lang, "hạng {r}/{n}", "rank {r} of {n}"),
        None => lang.pick("không xếp hạng", "not ranked").to_string(),
    };
    let prev = match previous {
        Some(p) => say!(lang, "năm trước {p} %", "last year {p} %"),
        None => lang
            .pick("không có chỉ số năm trước", "no index last year")
            .to_string(),
    };
    say!(
        lang,
        "Chỉ số {index} % · {rank} · loại {band} · {prev}",
        "Index {index} % · {rank} · band {band} · {prev}"
    )
}

pub fn lost_by_field(lang: Lang) -> &'static str {
    lang.pick(
        "Điểm bị mất theo lĩnh vực (nhiều nhất trước)",
        "Points lost per field (the most first)",
    )
}

pub fn lost_by_criterion(lang: Lang) -> &'static str {
    lang.pick(
        "Tiêu chí bị mất điểm nhiều nhất (khắc phục trước)",
        "Criteria that lost the most (to recover first)",
    )
}

pub fn no_points_lost(lang: Lang) -> &'static str {
    lang.pick(
        "Đơn vị không bị mất điểm ở tiêu chí nào.",
        "The unit lost no points on any criterion.",
    )
}

pub fn more_criteria(n: usize, points: &str, lang: Lang) -> String {
    say!(
        lang,
        "… và {n} tiêu chí khác, tổng {points} điểm.",
        "… and {n} more criteria, {points} points in all."
    )
}

pub fn points(lang: Lang) -> &'static str {
    lang.pick("Đạt", "Points")
}

pub fn max(lang: Lang) -> &'static str {
    lang.pick("Tối đa", "Max")
}

pub fn lost(lang: Lang) -> &'static str {
    lang.pick("Mất", "Lost")
}

pub fn criterion(lang: Lang) -> &'static str {
    lang.pick("Tiêu chí", "Criterion")
}

/// The goal of passing the unit above.
pub fn goal_above(name: &str, code: &str, rank: Option<usize>, index: &str, lang: Lang) -> String {
    match rank {
        Some(r) => say!(
            lang,
            "Để vượt {name} ({code}, hạng {r}, {index} %)",
            "To pass {name} ({code}, rank {r}, {index} %)"
        ),
        None => say!(
            lang,
            "Để vượt {name} ({code}, {index} %)",
            "To pass {name} ({code}, {index} %)"
        ),
    }
}

pub fn goal_band(band: &str, min: &str, above: bool, lang: Lang) -> String {
    let sign = if above { ">" } else { "≥" };
    say!(
        lang,
        "Để đạt loại {band} ({sign} {min} %)",
        "To reach band {band} ({sign} {min} %)"
    )
}

pub fn goal_previous(previous: &str, lang: Lang) -> String {
    say!(
        lang,
        "Để cao hơn chỉ số năm trước ({previous} %)",
        "To rise above last year's index ({previous} %)"
    )
}

/// A gap that recovering lost points closes.
pub fn needs(goal: &str, gap: &str, needed: &str, count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::En, 1) => say!(
            lang,
            "",
            "{goal}: the index must rise {gap} points of percent, at least {needed} points — recover this criterion:"
        ),
        _ => say!(
            lang,
            "{goal}: chỉ số cần tăng {gap} điểm %, tức ít nhất {needed} điểm — khắc phục {count} tiêu chí sau:",
            "{goal}: the index must rise {gap} points of percent, at least {needed} points — recover these {count} criteria:"
        ),
    }
}

/// A gap that even every lost point does not close.
pub fn out_of_reach(goal: &str, needed: &str, recoverable: &str, best: &str, lang: Lang) -> String {
    say!(
        lang,
        "{goal}: cần thêm ít nhất {needed} điểm nhưng chỉ có {recoverable} điểm bị mất để khắc phục; dù đạt điểm tối đa mọi tiêu chí, chỉ số cao nhất là {best} % — không thể đạt trong năm nay.",
        "{goal}: at least {needed} more points are needed but only {recoverable} points were lost; even with full marks on every criterion the index would be {best} % at most — out of reach this year."
    )
}

/// One criterion of a list: what it brings, the running total, the index reached.
pub fn step(
    code: &str,
    title: &str,
    brings: &str,
    cumulative: &str,
    index: &str,
    lang: Lang,
) -> String {
    say!(
        lang,
        "{code} {title}: +{brings} (cộng dồn {cumulative}) → {index} %",
        "{code} {title}: +{brings} (cumulative {cumulative}) → {index} %"
    )
}

pub fn already_first(lang: Lang) -> &'static str {
    lang.pick(
        "Đơn vị đang đứng đầu nhóm: không có đơn vị nào xếp trên.",
        "The unit is first in its group: no unit is ranked above it.",
    )
}

pub fn not_ranked(lang: Lang) -> &'static str {
    lang.pick(
        "Đơn vị không xếp hạng: không so với đơn vị xếp trên.",
        "The unit is not ranked: there is no unit above it to pass.",
    )
}

pub fn top_band(band: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đơn vị đã ở loại cao nhất ({band}).",
        "The unit is already in the top band ({band})."
    )
}

pub fn no_previous(lang: Lang) -> &'static str {
    lang.pick(
        "Không có chỉ số năm trước của đơn vị để so sánh.",
        "The unit has no index of last year to compare with.",
    )
}

/// How last year's figure was found, under the goal of rising above it.
pub fn previous_basis_said(note: &str, lang: Lang) -> String {
    say!(
        lang,
        "Chỉ số năm trước để so sánh: {note}",
        "Last year's figure compared with: {note}"
    )
}

pub fn previous_met(previous: &str, margin: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã cao hơn chỉ số năm trước ({previous} %) {margin} điểm %.",
        "Already above last year's index ({previous} %) by {margin} points of percent."
    )
}

pub fn no_index(unit: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đơn vị {unit} chưa có chỉ số (không tiêu chí nào áp dụng).",
        "Unit {unit} has no index (no item applies to it)."
    )
}

// ---------- the workbook's way-up sheet ----------

// ---------- the screens ----------

pub fn fields_screen_title(group: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Phân tích theo lĩnh vực — {group} — năm {year}",
        "Analysis by field — {group} — {year}"
    )
}

/// How much of the figures is decided, in a title.
pub fn decided_short(decided: usize, items: usize, lang: Lang) -> String {
    if decided >= items {
        lang.pick("đã thẩm định đủ", "all decided").to_string()
    } else {
        say!(
            lang,
            "tạm tính {decided}/{items}",
            "provisional {decided}/{items}"
        )
    }
}

/// Which field columns are shown, and the selected field.
pub fn field_cursor(first: usize, last: usize, n: usize, lang: Lang) -> String {
    say!(
        lang,
        "Lĩnh vực {first}–{last}/{n} ←→",
        "Fields {first}–{last} of {n} ←→"
    )
}

pub fn field_info(code: &str, title: &str, max: &str, mean: &str, lang: Lang) -> String {
    say!(
        lang,
        "{code} {title} · tối đa {max} · TB nhóm {mean}",
        "{code} {title} · max {max} · group mean {mean}"
    )
}

pub fn weakest_short(list: &str, lang: Lang) -> String {
    say!(lang, "Yếu nhất: {list}", "Weakest: {list}")
}

pub fn fell_short(list: &str, lang: Lang) -> String {
    say!(
        lang,
        "Giảm so với năm trước: {list}",
        "Lower than last year: {list}"
    )
}

/// The group target in a few words.
pub fn target_short(mean: &str, target: &str, met: bool, lang: Lang) -> String {
    match met {
        true => say!(
            lang,
            "mục tiêu nhóm ✓ {mean} % > {target} %",
            "group target ✓ {mean} % > {target} %"
        ),
        false => say!(
            lang,
            "mục tiêu nhóm ✗ {mean} % ≤ {target} %",
            "group target ✗ {mean} % ≤ {target} %"
        ),
    }
}

pub fn pulling_short(list: &str, lang: Lang) -> String {
    say!(lang, "kéo xuống: {list}", "pulling down: {list}")
}

pub fn survey_short(lang: Lang) -> &'static str {
    lang.pick("điều tra", "survey")
}

pub fn way_title(unit: &str, code: &str, year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Hướng cải thiện — {unit} ({code}) — năm {year}",
        "The way up — {unit} ({code}) — {year}"
    )
}

pub fn no_units(lang: Lang) -> &'static str {
    lang.pick("Nhóm chưa có đơn vị.", "The group has no units.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::Band;

    #[test]
    fn bands_are_written_as_the_source_document_does() {
        assert_eq!(
            bands_text(&Band::national()),
            "A ≥ 90, B 80 – < 90, C 70 – < 80, D < 70"
        );
    }

    #[test]
    fn soc_trang_bands_say_which_side_holds_ninety() {
        assert_eq!(
            bands_text(&Band::soc_trang()),
            "Nhóm 1 > 90, Nhóm 2 80 – ≤ 90, Nhóm 3 65 – < 80, Nhóm 4 50 – < 65, Nhóm 5 < 50"
        );
    }
}
