//! The words every document of the council prints: its heading (the issuing body, the
//! number, the national heading, the place and date), its draft mark, and its signature.

use super::{Lang, say};

/// The number line: `Số: 12/TB-HĐTĐ`, or left blank for the clerk (`Số:      /BB-HĐTĐ`)
/// when the document is a draft.
pub fn number_line(reference: Option<&str>, series: &str, lang: Lang) -> String {
    match reference {
        Some(r) => say!(lang, "Số: {r}", "No.: {r}"),
        None => say!(lang, "Số:         /{series}", "No.:         /{series}"),
    }
}

/// A day as a Vietnamese document writes it (Nghị định 30/2020: a day below 10, and the
/// months 1 and 2, with a leading zero): `Sóc Trăng, ngày 05 tháng 12 năm 2026`. No day: the
/// line is left to fill in by hand.
pub fn date_line(place: &str, day: Option<chrono::NaiveDate>, lang: Lang) -> String {
    use chrono::Datelike;
    let place = if place.trim().is_empty() {
        "……………"
    } else {
        place.trim()
    };
    match day {
        None => say!(
            lang,
            "{place}, ngày …… tháng …… năm ……",
            "{place}, on …… / …… / ……"
        ),
        Some(d) => {
            let (dd, mm, yyyy) = (d.day(), d.month(), d.year());
            match lang {
                Lang::Vi => {
                    let month = if mm <= 2 {
                        format!("{mm:02}")
                    } else {
                        mm.to_string()
                    };
                    format!("{place}, ngày {dd:02} tháng {month} năm {yyyy}")
                }
                Lang::En => format!("{place}, {}", d.format("%-d %B %Y")),
            }
        }
    }
}

/// Over the title of a document not yet issued (a provisional result): it has no number.
pub fn draft(lang: Lang) -> &'static str {
    lang.pick("DỰ THẢO", "DRAFT")
}

/// The council's name when none is set.
pub fn default_council(lang: Lang) -> &'static str {
    lang.pick(
        "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "PAR INDEX APPRAISAL COUNCIL",
    )
}

/// Signing for the council.
pub fn signer_for(lang: Lang) -> &'static str {
    lang.pick("TM. HỘI ĐỒNG THẨM ĐỊNH", "FOR THE APPRAISAL COUNCIL")
}

/// The signer's title when none is set.
pub fn default_title(lang: Lang) -> &'static str {
    lang.pick("CHỦ TỊCH", "CHAIR")
}

pub fn sign_here(lang: Lang) -> &'static str {
    lang.pick(
        "(Ký, ghi rõ họ tên, đóng dấu)",
        "(Signature, full name, seal)",
    )
}

pub fn recipients(lang: Lang) -> &'static str {
    lang.pick("Nơi nhận:", "Recipients:")
}

pub fn archive(lang: Lang) -> &'static str {
    lang.pick("- Lưu: VT, HĐTĐ.", "- Archive: VT, HĐTĐ.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_day_is_written_as_a_vietnamese_document_writes_it() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            date_line("Sóc Trăng", d(2026, 12, 5), Lang::Vi),
            "Sóc Trăng, ngày 05 tháng 12 năm 2026"
        );
        assert_eq!(
            date_line("Sóc Trăng", d(2027, 2, 14), Lang::Vi),
            "Sóc Trăng, ngày 14 tháng 02 năm 2027"
        );
        assert_eq!(
            date_line("Sóc Trăng", d(2027, 3, 1), Lang::Vi),
            "Sóc Trăng, ngày 01 tháng 3 năm 2027"
        );
        assert_eq!(
            date_line("", None, Lang::Vi),
            "……………, ngày …… tháng …… năm ……"
        );
        assert_eq!(
            date_line("Soc Trang", d(2026, 12, 5), Lang::En),
            "Soc Trang, 5 December 2026"
        );
        assert_eq!(
            number_line(Some("12/TB-HĐTĐ"), "TB-HĐTĐ", Lang::Vi),
            "Số: 12/TB-HĐTĐ"
        );
        assert_eq!(
            number_line(None, "BB-HĐTĐ", Lang::Vi),
            "Số:         /BB-HĐTĐ"
        );
    }
}
