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

/// Text in the composed form (NFC) the database keeps.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
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
