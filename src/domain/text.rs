//! Text helpers: Vietnamese folding for search and ordering.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, without diacritics, `đ` as `d`: `Sở Nội vụ` → `so noi vu`.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether every word of `query` appears in `text`, ignoring case and diacritics.
pub fn matches(text: &str, query: &str) -> bool {
    let hay = fold(text);
    fold(query).split_whitespace().all(|w| hay.contains(w))
}

/// The longest comment on a decision, in characters: far beyond any council's (a page of
/// text is about 3,000), below the 32,767 an Excel cell holds.
pub const MAX_COMMENT: usize = 10_000;
/// The longest appraiser's name, in characters.
pub const MAX_NAME: usize = 200;

/// What a person types that has a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    Comment,
    Appraiser,
}

impl Typed {
    pub fn max(self) -> usize {
        match self {
            Typed::Comment => MAX_COMMENT,
            Typed::Appraiser => MAX_NAME,
        }
    }
}

/// The length in characters of `text` when it is over the limit of `what`.
pub fn over_limit(what: Typed, text: &str) -> Option<usize> {
    let max = what.max();
    // Bytes first: most texts are far below, and counting a huge one is not needed to refuse.
    if text.len() <= max {
        return None;
    }
    let n = text.chars().count();
    (n > max).then_some(n)
}

/// Text in the composed form (NFC) the database keeps.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_text_is_over_its_limit_by_characters_not_bytes() {
        use super::{MAX_COMMENT, Typed, over_limit};
        assert_eq!(over_limit(Typed::Comment, &"ệ".repeat(MAX_COMMENT)), None);
        assert_eq!(
            over_limit(Typed::Comment, &"a".repeat(MAX_COMMENT + 1)),
            Some(MAX_COMMENT + 1)
        );
        assert_eq!(over_limit(Typed::Appraiser, "Nguyễn Thị Lan"), None);
    }

    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Sở Nội vụ"), "so noi vu");
        assert_eq!(fold("ĐỒNG THÁP"), "dong thap");
        assert!(matches("Sở Nội vụ", "so noi vu"));
        assert!(matches("Tỉnh Đồng Tháp", "dong thap"));
        assert!(matches("Ủy ban nhân dân huyện Kế Sách", "ke sach"));
        assert!(!matches("Sở Tư pháp", "noi vu"));
    }

    #[test]
    fn decomposed_input_matches_composed_text() {
        let decomposed: String = "Sở".nfd().collect();
        assert!(matches("Sở Nội vụ", &decomposed));
        assert_eq!(nfc(&decomposed), "Sở");
    }
}
