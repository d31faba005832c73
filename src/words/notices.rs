//! The words of a unit's notice (`export notices`): a Vietnamese administrative document,
//! or its English rendering with `--lang en`.

use super::{Lang, say};

pub fn national_heading(lang: Lang) -> &'static str {
    lang.pick(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIET NAM",
    )
}

pub fn motto(lang: Lang) -> &'static str {
    lang.pick(
        "Độc lập - Tự do - Hạnh phúc",
        "Independence - Freedom - Happiness",
    )
}

/// The council's name when none is given.
pub fn default_council(lang: Lang) -> &'static str {
    lang.pick(
        "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "PAR INDEX APPRAISAL COUNCIL",
    )
}

/// The document's number, left for the council's clerk to fill in.
pub fn number_line(lang: Lang) -> &'static str {
    lang.pick("Số:         /TB-HĐTĐ", "No.:         /TB-HĐTĐ")
}

/// Place and date, left blank to be filled in when the notice is signed.
pub fn date_line(lang: Lang) -> &'static str {
    lang.pick("……………, ngày …… tháng …… năm ……", "……………, on …… / …… / ……")
}

pub fn title(lang: Lang) -> &'static str {
    lang.pick("THÔNG BÁO", "NOTICE")
}

pub fn subtitle(year: i32, unit: &str, lang: Lang) -> String {
    say!(
        lang,
        "Kết quả thẩm định Chỉ số cải cách hành chính năm {year} của {unit}",
        "Appraisal of the {year} Public Administration Reform Index of {unit}"
    )
}

pub fn to(unit: &str, lang: Lang) -> String {
    say!(lang, "Kính gửi: {unit}.", "To: {unit}.")
}

pub fn intro(year: i32, group: &str, lang: Lang) -> String {
    say!(
        lang,
        "Căn cứ Bộ chỉ số cải cách hành chính năm {year} áp dụng cho nhóm {group}, Hội đồng thẩm định thông báo kết quả thẩm định Chỉ số cải cách hành chính năm {year} của đơn vị như sau:",
        "Under the {year} criteria set of the group {group}, the appraisal council gives the unit the result of the appraisal of its {year} Public Administration Reform Index:"
    )
}

pub fn section_result(lang: Lang) -> &'static str {
    lang.pick("I. KẾT QUẢ THẨM ĐỊNH", "I. RESULT")
}

pub fn final_result(lang: Lang) -> &'static str {
    lang.pick(
        "Đây là kết quả chính thức: mọi tiêu chí của các đơn vị trong nhóm đã được thẩm định.",
        "This is the final result: every item of every unit of the group has been decided.",
    )
}

/// A provisional result, said plainly: how much of the unit and of its group is open.
pub fn provisional_result(
    open: usize,
    items: usize,
    group_open: usize,
    group_items: usize,
    lang: Lang,
) -> String {
    say!(
        lang,
        "Đây là kết quả TẠM TÍNH, chưa phải kết quả chính thức: đơn vị còn {open}/{items} tiêu chí chưa thẩm định xong (tạm tính theo điểm tự chấm), cả nhóm còn {group_open}/{group_items} tiêu chí; điểm, chỉ số, xếp loại và xếp hạng có thể thay đổi.",
        "This is a PROVISIONAL result, not the final one: {open} of the unit's {items} items are not decided yet (counted at their self score) and {group_open} of the group's {group_items}; points, index, band and rank may change."
    )
}

pub fn survey_missing(lang: Lang) -> &'static str {
    lang.pick(
        "Chưa có điểm điều tra xã hội học của đơn vị; điểm này đang tính là 0.",
        "The unit's survey score is missing; it is counted as 0.",
    )
}

pub fn label_appraised(lang: Lang) -> &'static str {
    lang.pick("Điểm thẩm định", "Appraisal points")
}

pub fn label_survey(lang: Lang) -> &'static str {
    lang.pick("Điểm điều tra xã hội học", "Survey points")
}

pub fn label_total(lang: Lang) -> &'static str {
    lang.pick("Tổng điểm", "Total points")
}

pub fn label_index(lang: Lang) -> &'static str {
    lang.pick("Chỉ số cải cách hành chính", "PAR Index")
}

pub fn label_band(lang: Lang) -> &'static str {
    lang.pick("Xếp loại", "Band")
}

pub fn label_rank(lang: Lang) -> &'static str {
    lang.pick("Xếp hạng", "Rank")
}

pub fn label_previous(year: i32, lang: Lang) -> String {
    say!(lang, "Chỉ số năm {year}", "Index of {year}")
}

/// `12,50 / 63` — points out of a maximum.
pub fn out_of(points: &str, max: &str, lang: Lang) -> String {
    say!(lang, "{points} / {max} điểm", "{points} of {max} points")
}

/// The appraisal points with bonus and deduction spelled out.
pub fn with_bonus(tree: &str, bonus: &str, deduction: &str, lang: Lang) -> String {
    say!(
        lang,
        "(gồm {tree} điểm các lĩnh vực, cộng {bonus} điểm thưởng, trừ {deduction} điểm trừ)",
        "({tree} points of the fields, plus {bonus} bonus, minus {deduction} deduction)"
    )
}

pub fn rank_of(rank: usize, ranked: usize, group: &str, provisional: bool, lang: Lang) -> String {
    if provisional {
        say!(
            lang,
            "{rank}/{ranked} đơn vị nhóm {group} (tạm tính)",
            "{rank} of {ranked} units of the group {group} (provisional)"
        )
    } else {
        say!(
            lang,
            "{rank}/{ranked} đơn vị nhóm {group}",
            "{rank} of {ranked} units of the group {group}"
        )
    }
}

pub fn not_ranked(lang: Lang) -> &'static str {
    lang.pick(
        "không xếp hạng (đơn vị không tham gia xếp hạng)",
        "not ranked (the unit takes no part in the ranking)",
    )
}

pub fn no_index(lang: Lang) -> &'static str {
    lang.pick("chưa tính được", "cannot be computed")
}

/// Which way the index moved since last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    /// The same index, to the hundredth shown.
    Flat,
}

/// Last year's index and the change: `82,96 % (năm nay tăng 4,17 điểm phần trăm)`; `amount`
/// is the change without its sign. `note` (how the figure was found when it is not the
/// unit's own index) comes first: `78,34 % (bình quân 3 đơn vị tiền thân; năm nay tăng …)`.
pub fn previous(index: &str, change: Option<(Trend, &str)>, note: &str, lang: Lang) -> String {
    let change = match change {
        Some((Trend::Up, c)) => say!(
            lang,
            "năm nay tăng {c} điểm phần trăm",
            "up {c} percentage points this year"
        ),
        Some((Trend::Down, c)) => say!(
            lang,
            "năm nay giảm {c} điểm phần trăm",
            "down {c} percentage points this year"
        ),
        Some((Trend::Flat, _)) => lang
            .pick("năm nay không tăng", "no rise this year")
            .to_string(),
        None => String::new(),
    };
    let said: Vec<&str> = [note, change.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if said.is_empty() {
        format!("{index} %")
    } else {
        format!("{index} % ({})", said.join("; "))
    }
}

pub fn section_changes(lang: Lang) -> &'static str {
    lang.pick(
        "II. CÁC TIÊU CHÍ HỘI ĐỒNG ĐIỀU CHỈNH",
        "II. ITEMS THE COUNCIL CHANGED",
    )
}

pub fn changes_intro(lang: Lang) -> &'static str {
    lang.pick(
        "Các tiêu chí Hội đồng chấm khác điểm tự chấm, xác định không áp dụng hoặc yêu cầu giải trình:",
        "The items the council scored differently from the self score, found not applicable, or asked the unit to explain:",
    )
}

pub fn no_changes(lang: Lang) -> &'static str {
    lang.pick(
        "Hội đồng không điều chỉnh tiêu chí nào của đơn vị.",
        "The council changed none of the unit's items.",
    )
}

pub fn section_sheet(lang: Lang) -> &'static str {
    lang.pick("III. BẢNG CHẤM ĐIỂM CHI TIẾT", "III. FULL SCORING SHEET")
}

/// Under the sheet's heading in a provisional notice.
pub fn sheet_legend(lang: Lang) -> &'static str {
    lang.pick(
        "Trong bảng, điểm của lĩnh vực, tiêu chí và tổng cộng tính các tiêu chí chưa thẩm định theo điểm tự chấm, như kết quả tạm tính ở mục I.",
        "In this sheet the sums of fields, criteria and the total count undecided items at their self score, as the provisional result in part I does.",
    )
}

pub fn col_code(lang: Lang) -> &'static str {
    lang.pick("Mã", "Code")
}

pub fn col_criterion(lang: Lang) -> &'static str {
    lang.pick("Tiêu chí", "Criterion")
}

pub fn col_max(lang: Lang) -> &'static str {
    lang.pick("Điểm tối đa", "Max")
}

pub fn col_self(lang: Lang) -> &'static str {
    lang.pick("Điểm tự chấm", "Self score")
}

pub fn col_appraised(lang: Lang) -> &'static str {
    lang.pick("Điểm thẩm định", "Appraised")
}

pub fn col_difference(lang: Lang) -> &'static str {
    lang.pick("Chênh lệch", "Difference")
}

pub fn col_note(lang: Lang) -> &'static str {
    lang.pick("Ghi chú của đơn vị", "Unit's note")
}

pub fn col_comment(lang: Lang) -> &'static str {
    lang.pick("Ý kiến của Hội đồng", "Council's comment")
}

/// The row under the fields: the sums of the tree.
pub fn fields_total(lang: Lang) -> &'static str {
    lang.pick("Cộng điểm các lĩnh vực", "Total of the fields")
}

/// A self score given as not applicable.
pub fn claimed_na(lang: Lang) -> &'static str {
    lang.pick("không áp dụng", "not applicable")
}

/// The set itself says the item does not apply to the unit.
pub fn na_by_set(lang: Lang) -> &'static str {
    lang.pick(
        "Bộ chỉ số không áp dụng tiêu chí này cho đơn vị.",
        "The criteria set does not apply this item to the unit.",
    )
}

/// Closing paragraph; `flagged` when the council asked for explanations.
pub fn closing(flagged: bool, lang: Lang) -> &'static str {
    if flagged {
        lang.pick(
            "Đề nghị đơn vị gửi giải trình đối với các tiêu chí Hội đồng yêu cầu giải trình, đồng thời nghiên cứu kết quả thẩm định để khắc phục các tồn tại, hạn chế./.",
            "The unit is asked to send its explanations for the items the council asked about, and to study the appraisal to remedy its weak points./.",
        )
    } else {
        lang.pick(
            "Đề nghị đơn vị nghiên cứu kết quả thẩm định để khắc phục các tồn tại, hạn chế./.",
            "The unit is asked to study the appraisal to remedy its weak points./.",
        )
    }
}

pub fn recipients(lang: Lang) -> &'static str {
    lang.pick("Nơi nhận:", "Recipients:")
}

pub fn recipient_unit(unit: &str, lang: Lang) -> String {
    say!(lang, "- {unit};", "- {unit};")
}

pub fn archive(lang: Lang) -> &'static str {
    lang.pick("- Lưu: VT, HĐTĐ.", "- Archive: VT, HĐTĐ.")
}

pub fn signer_for(lang: Lang) -> &'static str {
    lang.pick("TM. HỘI ĐỒNG THẨM ĐỊNH", "FOR THE APPRAISAL COUNCIL")
}

pub fn signer(lang: Lang) -> &'static str {
    lang.pick("CHỦ TỊCH", "CHAIR")
}

pub fn sign_here(lang: Lang) -> &'static str {
    lang.pick(
        "(Ký, ghi rõ họ tên, đóng dấu)",
        "(Signature, full name, seal)",
    )
}

/// What `export notices` prints when done.
pub fn written(count: usize, dir: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đã ghi {count} thông báo kết quả (.docx) vào thư mục {dir}.",
        "Wrote {count} notices (.docx) to {dir}."
    )
}

/// `--unit` or `--council` given to another export.
pub fn notices_only(lang: Lang) -> &'static str {
    lang.pick(
        "«--unit» chỉ dùng với «export notices», «export self-assessment» và «export explanation-requests»; «--council» chỉ dùng với «export notices».",
        "'--unit' is for 'export notices', 'export self-assessment' and 'export explanation-requests' only; '--council' for 'export notices' only.",
    )
}

/// `--unit` names a unit outside `--group`.
pub fn unit_not_in_group(unit: &str, group: &str, lang: Lang) -> String {
    say!(
        lang,
        "Đơn vị {unit} không thuộc nhóm {group}.",
        "Unit {unit} is not in group {group}."
    )
}

/// Under the ledger's head, when the notice is made with an illustrative criteria set.
pub fn illustrative_footer(lang: Lang) -> &'static str {
    lang.pick(
        "Lập theo bộ chỉ số minh họa, không phải bộ chỉ số chính thức.",
        "Made with an illustrative criteria set, not the official one.",
    )
}

/// The footer of every page: the ledger's head when the notice was written.
pub fn ledger_footer(entries: u64, head: &str, lang: Lang) -> String {
    say!(
        lang,
        "Sổ nhật ký thẩm định: {entries} dòng, đầu sổ {head} (đối chiếu bằng: thamdinh verify --head {head})",
        "Appraisal ledger: {entries} entries, head {head} (to check: thamdinh verify --head {head})"
    )
}
