//! The words of the workbooks the council sends out to be filled: a criteria set as a
//! template (`export criteria`) and a unit's self-assessment (`export self-assessment`).
//! The keys of the header blocks and the column heads are the files' format: both
//! languages' read back (see `io::criteria::BlockReader`, `io::csvread::column_alias`).

use super::{Lang, say};

/// The keys of a criteria tree's header block, in the order written.
pub struct SetKeys {
    pub group: &'static str,
    pub name: &'static str,
    pub short_name: &'static str,
    pub survey_max: &'static str,
    pub bands: &'static str,
    pub decision: &'static str,
    pub date: &'static str,
    pub issuer: &'static str,
}

pub fn set_keys(lang: Lang) -> SetKeys {
    match lang {
        Lang::Vi => SetKeys {
            group: "Nhóm",
            name: "Tên nhóm",
            short_name: "Tên ngắn",
            survey_max: "Điểm điều tra xã hội học",
            bands: "Xếp loại",
            decision: "Quyết định",
            date: "Ngày",
            issuer: "Cơ quan ban hành",
        },
        Lang::En => SetKeys {
            group: "group",
            name: "name",
            short_name: "short_name",
            survey_max: "survey_max",
            bands: "bands",
            decision: "decision",
            date: "date",
            issuer: "issuer",
        },
    }
}

/// The heads of a criteria tree's columns: code, title, max, options, guidance, not
/// applicable for.
pub fn tree_heads(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Vi => [
            "Mã",
            "Tiêu chí",
            "Điểm tối đa",
            "Các mức điểm",
            "Hướng dẫn chấm",
            "Không áp dụng cho",
        ],
        Lang::En => [
            "code",
            "title",
            "max",
            "options",
            "guidance",
            "not_applicable_for",
        ],
    }
}

/// The heads of a self-assessment's columns after the tree's first five: the self score,
/// the note, the evidence.
pub fn assessment_heads(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Vi => ["Điểm tự chấm", "Ghi chú", "Tài liệu kiểm chứng"],
        Lang::En => ["score", "note", "evidence"],
    }
}

/// The keys of a self-assessment's header: unit, group, year.
pub fn assessment_keys(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Vi => ["Đơn vị", "Nhóm", "Năm"],
        Lang::En => ["unit", "group", "year"],
    }
}

pub fn criteria_sheet(lang: Lang) -> &'static str {
    lang.pick("Bộ chỉ số", "Criteria")
}

pub fn assessment_sheet(lang: Lang) -> &'static str {
    lang.pick("Tự chấm", "Self-assessment")
}

pub fn criteria_title(year: i32, name: &str, lang: Lang) -> String {
    say!(
        lang,
        "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} – {name}",
        "PAR INDEX CRITERIA {year} – {name}"
    )
}

/// Under the title of an illustrative set's template.
pub fn criteria_illustrative(lang: Lang) -> &'static str {
    lang.pick(
        "Bộ chỉ số minh họa. Bộ chính thức: ghi thêm các dòng Quyết định, Ngày, Cơ quan ban hành.",
        "Illustrative set. For the official one, add the lines decision, date, issuer.",
    )
}

/// How the template is filled, under its header block.
pub fn criteria_help(lang: Lang) -> &'static str {
    lang.pick(
        "Mã là chữ (1, 1.1, 1.1.1); Các mức điểm: «nhãn=điểm; nhãn=điểm»; Không áp dụng cho: mã đơn vị cách nhau dấu cách.",
        "Codes are text (1, 1.1, 1.1.1); options: 'label=points; label=points'; not_applicable_for: unit codes separated by spaces.",
    )
}

pub fn assessment_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "PHIẾU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
        "PAR INDEX SELF-ASSESSMENT {year}"
    )
}

/// How the self-assessment is filled, under its header.
pub fn assessment_help(lang: Lang) -> &'static str {
    lang.pick(
        "Chỉ nhập ở các ô màu vàng: điểm tự chấm (chọn trong danh sách, hoặc số từ 0 đến điểm tối đa; N/A nếu mục không áp dụng), ghi chú, tài liệu kiểm chứng. Không sửa phần đầu phiếu.",
        "Fill only the yellow cells: the self score (picked from the list, or a number from 0 to the maximum; N/A when the item does not apply), the note, the evidence. Leave the header as it is.",
    )
}

/// A self-score cell's error message: what it accepts.
pub fn score_rule(max: &str, lang: Lang) -> String {
    say!(
        lang,
        "Điểm từ 0 đến {max}, hoặc N/A nếu mục không áp dụng cho đơn vị.",
        "A score from 0 to {max}, or N/A when the item does not apply to the unit."
    )
}

pub fn score_rule_title(lang: Lang) -> &'static str {
    lang.pick("Điểm tự chấm", "Self score")
}

/// In the options column of an item the set does not apply to the unit.
pub fn not_for_unit(lang: Lang) -> &'static str {
    lang.pick("(không áp dụng cho đơn vị)", "(does not apply to the unit)")
}

pub fn requests_sheet(lang: Lang) -> &'static str {
    lang.pick("Giải trình", "Explanations")
}

pub fn requests_title(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "PHIẾU GIẢI TRÌNH THEO YÊU CẦU CỦA HỘI ĐỒNG THẨM ĐỊNH NĂM {year}",
        "EXPLANATIONS REQUESTED BY THE APPRAISAL COUNCIL {year}"
    )
}

/// How the replies are filled, under the header.
pub fn requests_help(lang: Lang) -> &'static str {
    lang.pick(
        "Hội đồng đề nghị đơn vị giải trình các tiêu chí dưới đây. Ghi giải trình và tài liệu kiểm chứng vào các ô màu vàng; không sửa phần đầu phiếu.",
        "The council asks the unit to explain the items below. Write the explanation and the evidence in the yellow cells; leave the header as it is.",
    )
}

/// The heads of the requests' columns: code, title, max, self score, the council's comment,
/// the explanation, the evidence.
pub fn request_heads(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Vi => [
            "Mã",
            "Tiêu chí",
            "Điểm tối đa",
            "Điểm tự chấm",
            "Nhận xét của Hội đồng",
            "Giải trình",
            "Tài liệu kiểm chứng",
        ],
        Lang::En => [
            "code",
            "title",
            "max",
            "score",
            "comment",
            "explanation",
            "evidence",
        ],
    }
}

/// Page footer of a sheet made with an illustrative set, or of any other.
pub fn footer(lang: Lang, illustrative: bool) -> String {
    super::documents::footer(lang, illustrative)
}
