//! The council's settings as a person reads and types them: each setting's label, the
//! refusals, what `council show` prints, and the settings box of the screens — one line
//! `label: value` per setting, read back by label (in either language, with or without
//! diacritics).

use super::{Lang, say};
use crate::domain::council::{
    Council, CouncilError, Issued, MAX_NUMBER, MAX_SERIES, MAX_TEXT, Setting, setting_key,
};
use crate::domain::text::fold;

/// A setting's label (`Tên hội đồng`).
pub fn label(s: Setting, lang: Lang) -> &'static str {
    match s {
        Setting::Parent => lang.pick("Cơ quan cấp trên", "Body above"),
        Setting::Name => lang.pick("Tên hội đồng", "Council's name"),
        Setting::Place => lang.pick("Địa danh", "Place"),
        Setting::Signer => lang.pick("Người ký", "Signer"),
        Setting::Title => lang.pick("Chức vụ người ký", "Signer's title"),
        Setting::NextNumber => lang.pick("Số văn bản tiếp theo", "Next number"),
        Setting::NoticeSeries => lang.pick("Ký hiệu thông báo", "Notice symbol"),
        Setting::MinutesSeries => lang.pick("Ký hiệu biên bản", "Minutes symbol"),
        Setting::SubmissionSeries => lang.pick("Ký hiệu tờ trình", "Submission symbol"),
    }
}

/// What an empty setting stands for in the documents.
fn default_of(s: Setting, lang: Lang) -> &'static str {
    match s {
        Setting::Parent => lang.pick("(không in)", "(not printed)"),
        Setting::Name => lang.pick(
            "(mặc định: Hội đồng thẩm định Chỉ số cải cách hành chính)",
            "(default: PAR Index appraisal council)",
        ),
        Setting::Place => lang.pick("(để trống, điền tay)", "(left blank, to fill in)"),
        Setting::Signer => lang.pick("(để trống, ký tay)", "(left blank, signed by hand)"),
        Setting::Title => lang.pick("(mặc định: CHỦ TỊCH)", "(default: CHAIR)"),
        _ => "",
    }
}

/// Why a setting was refused.
pub fn refused(e: &CouncilError, lang: Lang) -> String {
    match e {
        CouncilError::TooLong { setting, length } => {
            let l = label(*setting, lang);
            say!(
                lang,
                "{l}: dài {length} ký tự, tối đa {MAX_TEXT}.",
                "{l}: {length} characters long, at most {MAX_TEXT}."
            )
        }
        CouncilError::NotOneLine(s) => {
            let l = label(*s, lang);
            say!(
                lang,
                "{l}: chỉ một dòng, không có ký tự điều khiển.",
                "{l}: one line, with no control characters."
            )
        }
        CouncilError::BadNumber(text) => say!(
            lang,
            "Số văn bản tiếp theo «{text}» không hợp lệ: phải là số nguyên từ 1 đến {MAX_NUMBER}.",
            "Next number '{text}' is not valid: a whole number from 1 to {MAX_NUMBER}."
        ),
        CouncilError::BadSeries { setting, text } => {
            let l = label(*setting, lang);
            say!(
                lang,
                "{l} «{text}» không hợp lệ: không để trống, không có dấu cách hay «/», tối đa {MAX_SERIES} ký tự (ví dụ TB-HĐTĐ).",
                "{l} '{text}' is not valid: not empty, no space or '/', at most {MAX_SERIES} characters (e.g. TB-HĐTĐ)."
            )
        }
    }
}

/// `council show`: every setting, its key for `council set`, and the documents issued.
pub fn show(year: i32, c: &Council, own: bool, issued: &[Issued], lang: Lang) -> String {
    let mut out = if own {
        say!(
            lang,
            "Thông tin Hội đồng năm {year}:",
            "The council's settings of {year}:"
        )
    } else {
        say!(
            lang,
            "Thông tin Hội đồng năm {year} (chưa đặt riêng cho năm này; đặt bằng «thamdinh council set»):",
            "The council's settings of {year} (not set for this year yet; set them with 'thamdinh council set'):"
        )
    };
    let names: Vec<String> = Setting::ALL
        .iter()
        .map(|s| format!("{} (--{})", label(*s, lang), setting_key(*s)))
        .collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for (s, name) in Setting::ALL.into_iter().zip(&names) {
        let pad = " ".repeat(width - name.chars().count());
        let value = c.get(s);
        let shown = if value.is_empty() {
            default_of(s, lang).to_string()
        } else {
            value
        };
        out.push_str(&format!("\n  {name}{pad}  {shown}"));
    }
    let count = issued.len();
    out.push('\n');
    out.push_str(&match issued.last() {
        None => say!(
            lang,
            "Chưa cấp số văn bản nào trong năm.",
            "No document has been numbered this year."
        ),
        Some(last) => {
            let last = last.reference();
            say!(
                lang,
                "Đã cấp số cho {count} văn bản; số gần nhất: {last}.",
                "{count} documents numbered; the latest: {last}."
            )
        }
    });
    out
}

/// `council set` done.
pub fn saved(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Đã lưu thông tin Hội đồng năm {year} (ghi nhật ký).",
        "Saved the council's settings of {year} (audited)."
    )
}

/// `council set` with nothing to set.
pub fn nothing_to_set(lang: Lang) -> &'static str {
    lang.pick(
        "Không có gì để đặt: cho ít nhất một tùy chọn, ví dụ «thamdinh council set --name \"Hội đồng thẩm định\"». Xem «thamdinh council set --help».",
        "Nothing to set: give at least one option, e.g. 'thamdinh council set --name \"Appraisal council\"'. See 'thamdinh council set --help'.",
    )
}

/// The text of the settings box: one `label: value` line per setting.
pub fn form(c: &Council, lang: Lang) -> String {
    Setting::ALL
        .iter()
        .map(|s| format!("{}: {}", label(*s, lang), c.get(*s)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The setting a label names, in either language, diacritics and case aside.
fn setting_of(text: &str) -> Option<Setting> {
    let t = fold(text.trim());
    Setting::ALL.into_iter().find(|s| {
        [Lang::Vi, Lang::En]
            .iter()
            .any(|l| fold(label(*s, *l)) == t)
            || setting_key(*s) == t
    })
}

/// Reads the settings box back onto `base`: each line `label: value`; empty lines are
/// skipped, a setting left out keeps its value. The line and why, on the first refusal.
pub fn read_form(text: &str, base: &Council, lang: Lang) -> Result<Council, String> {
    let mut c = base.clone();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let Some((name, value)) = line.split_once(':') else {
            return Err(say!(
                lang,
                "Dòng {n}: cần «tên: giá trị», ví dụ «Địa danh: Sóc Trăng».",
                "Line {n}: 'name: value' expected, e.g. 'Place: Soc Trang'."
            ));
        };
        let Some(s) = setting_of(name) else {
            let name = name.trim();
            return Err(say!(
                lang,
                "Dòng {n}: không có mục «{name}».",
                "Line {n}: there is no setting '{name}'."
            ));
        };
        c.set(s, value).map_err(|e| {
            let why = refused(&e, lang);
            say!(lang, "Dòng {n}: {why}", "Line {n}: {why}")
        })?;
    }
    Ok(c)
}

/// The settings saved from the box.
pub fn box_saved(year: i32, lang: Lang) -> String {
    say!(
        lang,
        "Đã lưu thông tin Hội đồng năm {year}.",
        "Saved the council's settings of {year}."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_reads_back_what_it_shows_in_either_language() {
        let mut c = Council::default();
        c.set(Setting::Place, "Sóc Trăng").unwrap();
        for lang in [Lang::Vi, Lang::En] {
            let text = form(&c, lang);
            assert_eq!(read_form(&text, &Council::default(), lang), Ok(c.clone()));
        }
        let typed = "dia danh: Cần Thơ\n\nSo van ban tiep theo: 41\nSigner: Lâm Văn Mẫn";
        let read = read_form(typed, &c, Lang::Vi).unwrap();
        assert_eq!(
            (read.place.as_str(), read.next_number, read.signer.as_str()),
            ("Cần Thơ", 41, "Lâm Văn Mẫn")
        );
        // A value may hold a colon.
        let read = read_form("Tên hội đồng: HỘI ĐỒNG: THẨM ĐỊNH", &c, Lang::Vi).unwrap();
        assert_eq!(read.name, "HỘI ĐỒNG: THẨM ĐỊNH");
    }

    #[test]
    fn a_bad_line_is_named_with_its_reason() {
        let c = Council::default();
        assert_eq!(
            read_form("Địa danh: A\nSố văn bản tiếp theo: 0", &c, Lang::Vi),
            Err(
                "Dòng 2: Số văn bản tiếp theo «0» không hợp lệ: phải là số nguyên từ 1 đến 99999."
                    .into()
            )
        );
        assert_eq!(
            read_form("Chủ tịch: A", &c, Lang::Vi),
            Err("Dòng 1: không có mục «Chủ tịch».".into())
        );
        assert_eq!(
            read_form("Place Sóc Trăng", &c, Lang::En),
            Err("Line 1: 'name: value' expected, e.g. 'Place: Soc Trang'.".into())
        );
    }
}
