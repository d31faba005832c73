//! The words of documents: what the workbooks and the notices print, in Vietnamese and
//! English, and the two languages themselves. Beside `io` (which writes them) and below
//! everything else: this module imports only `domain`. The sentences of the interface are in
//! `i18n`, which uses these.
//!
//! A text is written `lang.pick("…", "…")` when it takes nothing, `say!(lang, "… {x} …",
//! "… {x} …")` when it does.

pub mod documents;
pub mod letter;
pub mod minutes;
pub mod notices;
pub mod numbers;
pub mod sheets;
pub mod submission;

use crate::domain::history::{RankTarget, Source, Verdict};
use crate::domain::{Mode, State};

/// The Vietnamese or the English sentence, formatted with the names in scope:
/// `say!(lang, "Đã ghi {n} dòng.", "Wrote {n} lines.")`.
macro_rules! say {
    ($lang:expr, $vi:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::words::Lang::Vi => format!($vi),
            $crate::words::Lang::En => format!($en),
        }
    };
}
pub(crate) use say;

/// Vietnamese by default; English with `--lang en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Some(Lang::Vi),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// The name of an item's state, as the screens and the commands print it.
pub fn state_label(s: State, lang: Lang) -> &'static str {
    match s {
        State::Undecided => lang.pick("chưa thẩm định", "not decided"),
        State::Agreed => lang.pick("đồng ý", "agreed"),
        State::Adjusted => lang.pick("điều chỉnh", "adjusted"),
        State::NotApplicable => lang.pick("không áp dụng", "not applicable"),
        State::ExplanationRequested => lang.pick("yêu cầu giải trình", "explanation requested"),
    }
}

/// The name of a ranking's mode, as the screens and the commands print it.
pub fn mode_label(m: Mode, lang: Lang) -> &'static str {
    match m {
        Mode::Provisional => lang.pick("tạm tính", "provisional"),
        Mode::Final => lang.pick("chính thức", "final"),
    }
}

/// How a year of the plan went, with its glyph (readable without colour).
pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Met => lang.pick("✓ đạt", "✓ met"),
        Verdict::MetEarly => lang.pick("✓ đạt sớm", "✓ met early"),
        Verdict::Missed => lang.pick("✗ chưa đạt", "✗ missed"),
        Verdict::NotDue => lang.pick("· chưa đến hạn", "· not due yet"),
        Verdict::ToCome => lang.pick("○ sắp tới", "○ to come"),
        Verdict::NoData => lang.pick("? thiếu số liệu", "? no data"),
    }
}

/// A rank target as a table shows it: `≤15 (2025)`, `≤14`.
pub fn target_label(t: RankTarget) -> String {
    match t {
        RankTarget::TopBy { top, by } => format!("≤{top} ({by})"),
        RankTarget::AtMost(r) => format!("≤{r}"),
    }
}

/// Where a year's index comes from.
pub fn source_label(s: Source, lang: Lang) -> &'static str {
    match s {
        Source::Published => lang.pick("công bố", "published"),
        Source::Imported => lang.pick("nhập", "imported"),
        Source::Current => lang.pick("tạm tính", "provisional"),
    }
}
