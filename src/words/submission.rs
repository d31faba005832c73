//! The words of the council's submission of the ranking to the People's Committee
//! (`export submission`, Tờ trình).

use super::{Lang, say};

pub fn title(lang: Lang) -> &'static str {
    lang.pick("TỜ TRÌNH", "SUBMISSION")
}

pub fn subtitle(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Về việc phê duyệt và công bố Chỉ số cải cách hành chính năm {year} của các cơ quan, đơn vị",
        "On approving and announcing the {year} Public Administration Reform Index of the units"
    )
}

/// Who the submission goes to: the body above the council as set, else the Committee.
pub fn to(parent: &str, lang: Lang) -> String {
    let parent = parent.trim();
    if parent.is_empty() {
        lang.pick(
            "Kính gửi: Ủy ban nhân dân tỉnh.",
            "To: the Provincial People's Committee.",
        )
        .to_string()
    } else {
        say!(lang, "Kính gửi: {parent}.", "To: {parent}.")
    }
}

pub fn intro(year: i32, groups: usize, units: usize, lang: Lang) -> String {
    say!(
        lang,
        "Hội đồng thẩm định Chỉ số cải cách hành chính đã thẩm định kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} của {units} cơ quan, đơn vị thuộc {groups} nhóm, theo Bộ chỉ số của từng nhóm. Hội đồng kính trình kết quả như sau:",
        "The appraisal council has appraised the {year} PAR Index self-assessments of {units} units in {groups} groups, each against its group's criteria set. It submits the result:"
    )
}

/// Said under the title of a provisional submission.
pub fn provisional(lang: Lang) -> &'static str {
    lang.pick(
        "Đây là kết quả TẠM TÍNH: còn tiêu chí chưa thẩm định xong; tờ trình là dự thảo, chưa cấp số.",
        "This is a PROVISIONAL result: some items are not decided yet; the submission is a draft and has no number.",
    )
}

pub fn section_bands(lang: Lang) -> &'static str {
    lang.pick("I. KẾT QUẢ CHUNG", "I. OVERVIEW")
}

pub fn bands_intro(lang: Lang) -> &'static str {
    lang.pick(
        "Số đơn vị theo xếp loại của từng nhóm, và chỉ số bình quân của nhóm:",
        "The units of each group by band, and the group's mean index:",
    )
}

pub fn col_group(lang: Lang) -> &'static str {
    lang.pick("Nhóm", "Group")
}

pub fn col_units(lang: Lang) -> &'static str {
    lang.pick("Số đơn vị", "Units")
}

pub fn col_mean(lang: Lang) -> &'static str {
    lang.pick("Bình quân (%)", "Mean (%)")
}

pub fn col_not_ranked(lang: Lang) -> &'static str {
    lang.pick("Không xếp loại", "No band")
}

pub fn total_row(lang: Lang) -> &'static str {
    lang.pick("Cộng", "Total")
}

pub fn section_ranking(lang: Lang) -> &'static str {
    lang.pick(
        "II. KẾT QUẢ XẾP HẠNG TỪNG NHÓM",
        "II. RANKING OF EACH GROUP",
    )
}

/// A group's heading: `1. Nhóm Sở, ban, ngành tỉnh (21 đơn vị)`.
pub fn group_heading(k: usize, name: &str, units: usize, lang: Lang) -> String {
    say!(
        lang,
        "{k}. Nhóm {name} ({units} đơn vị)",
        "{k}. Group {name} ({units} units)"
    )
}

pub fn col_rank(lang: Lang) -> &'static str {
    lang.pick("Hạng", "Rank")
}

pub fn col_unit(lang: Lang) -> &'static str {
    lang.pick("Đơn vị", "Unit")
}

pub fn col_appraised(lang: Lang) -> &'static str {
    lang.pick("Điểm thẩm định", "Appraisal")
}

pub fn col_survey(lang: Lang) -> &'static str {
    lang.pick("Điểm điều tra XHH", "Survey")
}

pub fn col_total(lang: Lang) -> &'static str {
    lang.pick("Tổng điểm", "Total")
}

pub fn col_index(lang: Lang) -> &'static str {
    lang.pick("Chỉ số (%)", "Index (%)")
}

pub fn col_band(lang: Lang) -> &'static str {
    lang.pick("Xếp loại", "Band")
}

/// A unit that takes no part in the ranking, in the rank column.
pub fn not_ranked(lang: Lang) -> &'static str {
    lang.pick("không xếp hạng", "not ranked")
}

pub fn closing(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Hội đồng thẩm định kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt và công bố Chỉ số cải cách hành chính năm {year} của các cơ quan, đơn vị theo kết quả nêu trên./.",
        "The appraisal council asks the People's Committee to consider, approve and announce the {year} PAR Index of the units as above./."
    )
}

pub fn as_above(lang: Lang) -> &'static str {
    lang.pick("- Như trên;", "- As above;")
}

/// What `export submission` prints when done.
pub fn written(path: &str, reference: Option<&str>, lang: Lang) -> String {
    match reference {
        Some(r) => say!(
            lang,
            "Đã ghi tờ trình số {r} (.docx) vào {path}.",
            "Wrote submission no. {r} (.docx) to {path}."
        ),
        None => say!(
            lang,
            "Đã ghi dự thảo tờ trình (.docx, kết quả tạm tính, chưa cấp số) vào {path}.",
            "Wrote the draft submission (.docx, provisional result, no number) to {path}."
        ),
    }
}

/// The workbook sheet of the submission.
pub fn sheet_name(lang: Lang) -> &'static str {
    lang.pick("Tờ trình", "Submission")
}

pub fn sheet_title(year: i32, provisional: bool, lang: Lang) -> String {
    if provisional {
        say!(
            lang,
            "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} TRÌNH ỦY BAN NHÂN DÂN TỈNH (DỰ THẢO, TẠM TÍNH)",
            "THE {year} PAR INDEX SUBMITTED TO THE PEOPLE'S COMMITTEE (DRAFT, PROVISIONAL)"
        )
    } else {
        say!(
            lang,
            "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} TRÌNH ỦY BAN NHÂN DÂN TỈNH",
            "THE {year} PAR INDEX SUBMITTED TO THE PEOPLE'S COMMITTEE"
        )
    }
}
