//! Text laid out the same way by both front ends: padding and cutting to a width, bars,
//! numbers as the tables show them, the ranking table and the way-up text. Above the
//! service and the sentences of the interface, below the command line and the screens.

use crate::domain::Points;
use crate::domain::index::round2;
use rust_decimal::{Decimal, RoundingStrategy};
use unicode_width::UnicodeWidthStr;

pub mod ranking;
pub mod said;
pub mod wayup;

/// Text for a terminal: every control character but line feed and tab (ESC, BEL, C1 codes,
/// a lone CR) shown as `�`, so that a name from a file cannot retitle the window, clear the
/// screen or move the cursor. The screens need none of this: ratatui drops control
/// characters as it draws.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| if bad(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// `s` padded with spaces to `width` cells, on the left when `right` (a number column).
pub fn pad(s: &str, width: usize, right: bool) -> String {
    let w = s.width();
    if w >= width {
        return s.to_string();
    }
    let fill = " ".repeat(width - w);
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// `s` cut to `width` cells, ending in `…` when it was longer.
pub fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A band's name where a cell has room for two letters: the name itself when it is that short
/// (`A`, `B`), else the first letter of each word and the numbers whole (`Nhóm 1` → `N1`,
/// `Xuất sắc` → `XS`, `Trung bình` → `TB`, `Khá` → `K`).
pub fn band_mark(name: &str) -> String {
    if name.width() <= 2 {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                w.to_string()
            } else {
                w.chars()
                    .next()
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default()
            }
        })
        .collect()
}

/// A decimal percent with two decimals, rounded half away from zero.
pub fn pct(d: Decimal) -> String {
    round2(d).fixed2()
}

/// A decimal rounded up to hundredths: a gap never shows as `0.00` when it is not zero.
pub fn up2(d: Decimal) -> String {
    let r = d.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity);
    Points::from_decimal(r).unwrap_or(Points::ZERO).fixed2()
}

/// A decimal percent with a `+` when it is above zero.
pub fn signed(d: Decimal) -> String {
    let s = pct(d);
    if d > Decimal::ZERO {
        format!("+{s}")
    } else {
        s
    }
}

/// A bar of `value` against `top` in `width` cells, with eighths of a cell.
pub fn bar(value: Points, top: Points, width: usize) -> String {
    if top.hundredths() <= 0 || value.hundredths() <= 0 {
        return String::new();
    }
    let eighths = (i128::from(value.hundredths()) * (width as i128) * 8
        / i128::from(top.hundredths())) as usize;
    let eighths = eighths.clamp(1, width * 8);
    let mut s = "█".repeat(eighths / 8);
    const PART: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PART[eighths % 8]);
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_never_reach_the_terminal() {
        use super::terminal_safe;
        assert_eq!(terminal_safe("Sở Nội vụ\n\tx"), "Sở Nội vụ\n\tx");
        assert_eq!(
            terminal_safe("S\u{1b}]0;x\u{07}\u{9b}2J\r"),
            "S\u{FFFD}]0;x\u{FFFD}\u{FFFD}2J\u{FFFD}"
        );
    }

    use super::*;

    #[test]
    fn a_band_is_marked_in_two_letters() {
        assert_eq!(band_mark("A"), "A");
        assert_eq!(band_mark("Nhóm 1"), "N1");
        assert_eq!(band_mark("Xuất sắc"), "XS");
        assert_eq!(band_mark("Trung bình"), "TB");
        assert_eq!(band_mark("Khá"), "K");
        assert_eq!(band_mark("yếu"), "Y");
    }

    #[test]
    fn gaps_are_rounded_up_and_bars_grow_with_the_loss() {
        assert_eq!(up2(Decimal::new(3, 3)), "0.01");
        assert_eq!(up2(Decimal::new(2_000, 3)), "2.00");
        assert_eq!(
            bar(Points::from_int(2), Points::from_int(2), 10),
            "██████████"
        );
        assert_eq!(bar(Points::from_int(1), Points::from_int(2), 10), "█████");
        assert_eq!(bar(Points::ZERO, Points::from_int(2), 10), "");
        // A small loss still shows.
        assert_eq!(
            bar(Points::from_hundredths(1), Points::from_int(100), 10),
            "▏"
        );
    }
}
