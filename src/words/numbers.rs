//! Numbers as a person reads them, one way everywhere a person reads them — the screens, the
//! command line's tables, the documents: the decimal comma in Vietnamese (`58,06`), the point
//! in English (`58.06`); a percent with a space before its sign (`87,17 %`); a minus sign that
//! is one (`−4,21`, U+2212), a plus on a rise. CSV files keep the machine format (`58.06`,
//! `-4.21`) that spreadsheets and scripts read back, and do not come through here.

use super::Lang;
use crate::domain::Points;
use crate::domain::index::round2;
use rust_decimal::Decimal;

/// The minus sign.
pub const MINUS: char = '\u{2212}';

/// A number's text (`-4.5`) in the language's way: its decimal mark, and the minus sign.
fn localized(text: &str, lang: Lang) -> String {
    text.chars()
        .map(|c| match c {
            '.' if lang == Lang::Vi => ',',
            '-' => MINUS,
            c => c,
        })
        .collect()
}

/// Points with two decimals, as sums, totals and indexes are written: `58,06`, `1,00`.
pub fn fixed(p: Points, lang: Lang) -> String {
    localized(&p.fixed2(), lang)
}

/// An item's score as short as it is exact, as the criteria set writes it: `0,5`, `1`,
/// `0,25`.
pub fn score(p: Points, lang: Lang) -> String {
    localized(&p.to_string(), lang)
}

/// A percent: `87,17 %`.
pub fn percent(p: Points, lang: Lang) -> String {
    format!("{} %", fixed(p, lang))
}

/// An exact figure (a mean) rounded half away from zero to two decimals: `87,07`.
pub fn decimal(d: Decimal, lang: Lang) -> String {
    fixed(round2(d), lang)
}

/// A change with its sign: `+4,21`, `−0,25`, `0,00`.
pub fn signed(p: Points, lang: Lang) -> String {
    let s = fixed(p, lang);
    if p > Points::ZERO { format!("+{s}") } else { s }
}

/// An item's change with its sign, as short as it is exact: `+0,25`, `−0,5`, `0`.
pub fn signed_score(p: Points, lang: Lang) -> String {
    let s = score(p, lang);
    if p > Points::ZERO { format!("+{s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Points {
        Points::parse(s).unwrap()
    }

    #[test]
    fn one_way_to_write_a_number_in_each_language() {
        assert_eq!(fixed(p("58.06"), Lang::Vi), "58,06");
        assert_eq!(fixed(p("58.06"), Lang::En), "58.06");
        assert_eq!(fixed(p("1"), Lang::Vi), "1,00");
        assert_eq!(score(p("0.5"), Lang::Vi), "0,5");
        assert_eq!(score(p("1"), Lang::En), "1");
        assert_eq!(percent(p("87.17"), Lang::Vi), "87,17 %");
        assert_eq!(percent(p("87.17"), Lang::En), "87.17 %");
        assert_eq!(signed(p("4.21"), Lang::Vi), "+4,21");
        assert_eq!(signed(p("-4.21"), Lang::Vi), "\u{2212}4,21");
        assert_eq!(signed(p("0"), Lang::En), "0.00");
        assert_eq!(signed_score(p("-0.5"), Lang::Vi), "\u{2212}0,5");
        assert_eq!(signed_score(p("0.25"), Lang::En), "+0.25");
        assert_eq!(decimal(Decimal::new(870_650, 4), Lang::Vi), "87,07");
    }
}
