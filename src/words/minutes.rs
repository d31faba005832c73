//! The words of the minutes of a unit's appraisal (`export minutes`, biên bản thẩm định).

use super::{Lang, say};

pub fn title(lang: Lang) -> &'static str {
    lang.pick("BIÊN BẢN", "MINUTES")
}

pub fn subtitle(year: i32, unit: &str, lang: Lang) -> String {
    say!(
        lang,
        "Thẩm định Chỉ số cải cách hành chính năm {year} của {unit}",
        "of the appraisal of the {year} Public Administration Reform Index of {unit}"
    )
}

pub fn intro(year: i32, unit: &str, group: &str, lang: Lang) -> String {
    say!(
        lang,
        "Hội đồng thẩm định Chỉ số cải cách hành chính năm {year} đã thẩm định kết quả tự đánh giá, chấm điểm của {unit} (nhóm {group}) theo Bộ chỉ số năm {year}. Thành phần, nội dung và kết quả thẩm định như sau:",
        "The appraisal council has appraised the {year} self-assessment of {unit} (group {group}) against the {year} criteria set. Those present, what was appraised and the result:"
    )
}

pub fn section_present(lang: Lang) -> &'static str {
    lang.pick("I. THÀNH PHẦN", "I. PRESENT")
}

pub fn members_heading(lang: Lang) -> &'static str {
    lang.pick(
        "1. Thành viên Hội đồng thẩm định (theo phân công lĩnh vực và các quyết định đã ghi):",
        "1. Members of the appraisal council (by their assigned fields and the decisions recorded):",
    )
}

pub fn no_members(lang: Lang) -> &'static str {
    lang.pick(
        "Chưa ghi nhận thành viên nào: chưa phân công lĩnh vực và chưa có quyết định về đơn vị.",
        "No member is recorded: no field is assigned and nothing about the unit is decided.",
    )
}

pub fn unit_heading(lang: Lang) -> &'static str {
    lang.pick("2. Đại diện đơn vị:", "2. For the unit:")
}

pub fn unit_line(lang: Lang) -> &'static str {
    lang.pick(
        "Ông (bà): ……………………………… Chức vụ: ……………………",
        "Mr/Ms: ……………………………… Position: ……………………",
    )
}

pub fn col_no(lang: Lang) -> &'static str {
    lang.pick("STT", "No.")
}

pub fn col_member(lang: Lang) -> &'static str {
    lang.pick("Thành viên", "Member")
}

pub fn col_fields(lang: Lang) -> &'static str {
    lang.pick("Lĩnh vực được phân công", "Fields assigned")
}

pub fn col_decided(lang: Lang) -> &'static str {
    lang.pick("Số tiêu chí đã thẩm định", "Items decided")
}

/// A member with no field assigned (who decided items of the unit).
pub fn all_fields(lang: Lang) -> &'static str {
    lang.pick("(không phân công riêng)", "(no field of their own)")
}

pub fn section_content(lang: Lang) -> &'static str {
    lang.pick("II. NỘI DUNG THẨM ĐỊNH", "II. WHAT WAS APPRAISED")
}

/// How far the unit's appraisal went.
pub fn progress(decided: usize, items: usize, lang: Lang) -> String {
    if decided == items {
        say!(
            lang,
            "Hội đồng đã thẩm định đủ {items}/{items} tiêu chí của đơn vị.",
            "The council decided all {items} items of the unit."
        )
    } else {
        let open = items - decided;
        say!(
            lang,
            "Hội đồng đã thẩm định {decided}/{items} tiêu chí; còn {open} tiêu chí chưa xong (chưa thẩm định hoặc đang chờ giải trình). Biên bản này là dự thảo, chưa cấp số.",
            "The council decided {decided} of the {items} items; {open} are still open (not decided, or awaiting an explanation). These minutes are a draft and have no number."
        )
    }
}

pub fn changes_intro(lang: Lang) -> &'static str {
    lang.pick(
        "Các tiêu chí Hội đồng điều chỉnh so với điểm tự chấm, với ý kiến của Hội đồng và giải trình của đơn vị:",
        "The items the council changed from the self score, with the council's comment and the unit's explanation:",
    )
}

pub fn no_changes(lang: Lang) -> &'static str {
    lang.pick(
        "Hội đồng thống nhất với điểm tự chấm của đơn vị ở mọi tiêu chí đã thẩm định.",
        "The council agreed with the unit's self score on every item decided.",
    )
}

pub fn col_explanation(lang: Lang) -> &'static str {
    lang.pick("Giải trình của đơn vị", "Unit's explanation")
}

pub fn section_result(lang: Lang) -> &'static str {
    lang.pick("III. KẾT QUẢ THỐNG NHẤT", "III. AGREED RESULT")
}

pub fn label_self(lang: Lang) -> &'static str {
    lang.pick("Điểm tự chấm", "Self-assessed points")
}

pub fn agreed(complete: bool, lang: Lang) -> &'static str {
    if complete {
        lang.pick(
            "Hội đồng thẩm định và đại diện đơn vị thống nhất kết quả thẩm định nêu trên.",
            "The appraisal council and the unit's representative agree on the result above.",
        )
    } else {
        lang.pick(
            "Kết quả trên là tạm tính: các tiêu chí chưa thẩm định xong được tính theo điểm tự chấm.",
            "The result above is provisional: the open items are counted at their self score.",
        )
    }
}

pub fn closing(lang: Lang) -> &'static str {
    lang.pick(
        "Biên bản được lập thành 02 bản có giá trị như nhau, Hội đồng giữ 01 bản, đơn vị giữ 01 bản./.",
        "These minutes are made in two copies of equal value, one kept by the council and one by the unit./.",
    )
}

pub fn for_unit(lang: Lang) -> &'static str {
    lang.pick("ĐẠI DIỆN ĐƠN VỊ", "FOR THE UNIT")
}

/// What `export minutes` prints when done.
pub fn written(count: usize, drafts: usize, numbers: &str, dir: &str, lang: Lang) -> String {
    let numbered = if numbers.is_empty() {
        String::new()
    } else {
        say!(lang, ", số {numbers}", ", no. {numbers}")
    };
    if drafts == 0 {
        say!(
            lang,
            "Đã ghi {count} biên bản thẩm định (.docx{numbered}) vào thư mục {dir}.",
            "Wrote {count} appraisal minutes (.docx{numbered}) to {dir}."
        )
    } else {
        say!(
            lang,
            "Đã ghi {count} biên bản thẩm định (.docx{numbered}) vào thư mục {dir}; {drafts} biên bản là dự thảo (đơn vị chưa thẩm định xong), chưa cấp số.",
            "Wrote {count} appraisal minutes (.docx{numbered}) to {dir}; {drafts} are drafts (the unit is not fully decided) and have no number."
        )
    }
}
