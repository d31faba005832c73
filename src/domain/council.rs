//! The council that issues the year's documents: its name (and the body above it), the place
//! its documents are dated at, who signs them and as what, and its number series — the next
//! number and the symbol of each kind of document (`12/TB-HĐTĐ`). Stored with the year; every
//! document reads it. Pure: parsing and checking only.

use super::text::nfc;

/// A kind of document the council issues, each with its own symbol in the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    /// A unit's notice of its appraisal (Thông báo, `TB-HĐTĐ`).
    Notice,
    /// The minutes of the appraisal of a unit (Biên bản, `BB-HĐTĐ`).
    Minutes,
    /// The submission of the ranking to the People's Committee (Tờ trình, `TTr-HĐTĐ`).
    Submission,
}

impl DocKind {
    pub const ALL: [DocKind; 3] = [DocKind::Notice, DocKind::Minutes, DocKind::Submission];

    /// How the store names the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Notice => "notice",
            DocKind::Minutes => "minutes",
            DocKind::Submission => "submission",
        }
    }

    pub fn parse(s: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The symbol a council usually gives the kind.
    pub fn default_series(self) -> &'static str {
        match self {
            DocKind::Notice => "TB-HĐTĐ",
            DocKind::Minutes => "BB-HĐTĐ",
            DocKind::Submission => "TTr-HĐTĐ",
        }
    }
}

/// The council's settings of a year. An empty text is the documents' default wording (the
/// council's usual name, the signer's title "Chủ tịch", a dotted place to fill in by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Council {
    /// The body above the council, printed above its name (`ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG`).
    pub parent: String,
    /// The council's name (`HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH`).
    pub name: String,
    /// The place the documents are dated at (`Sóc Trăng`).
    pub place: String,
    /// Who signs (`Nguyễn Văn An`) and as what (`CHỦ TỊCH`, `KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`).
    pub signer: String,
    pub title: String,
    /// The number the next document issued takes (one series for every kind, per year).
    pub next_number: u32,
    /// The symbol of each kind: notices, minutes, submission.
    pub notice_series: String,
    pub minutes_series: String,
    pub submission_series: String,
}

impl Default for Council {
    fn default() -> Council {
        Council {
            parent: String::new(),
            name: String::new(),
            place: String::new(),
            signer: String::new(),
            title: String::new(),
            next_number: 1,
            notice_series: DocKind::Notice.default_series().into(),
            minutes_series: DocKind::Minutes.default_series().into(),
            submission_series: DocKind::Submission.default_series().into(),
        }
    }
}

/// One setting, as the command line and the settings box name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Parent,
    Name,
    Place,
    Signer,
    Title,
    NextNumber,
    NoticeSeries,
    MinutesSeries,
    SubmissionSeries,
}

impl Setting {
    pub const ALL: [Setting; 9] = [
        Setting::Parent,
        Setting::Name,
        Setting::Place,
        Setting::Signer,
        Setting::Title,
        Setting::NextNumber,
        Setting::NoticeSeries,
        Setting::MinutesSeries,
        Setting::SubmissionSeries,
    ];
}

/// What is wrong with a setting's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CouncilError {
    /// Longer than [`MAX_TEXT`] characters (its length).
    TooLong { setting: Setting, length: usize },
    /// A line break or a control character in a one-line setting.
    NotOneLine(Setting),
    /// The next number is not a whole number from 1 to [`MAX_NUMBER`].
    BadNumber(String),
    /// A symbol that is empty, or holds a space or `/` (`12/TB-HĐTĐ` would not read back).
    BadSeries { setting: Setting, text: String },
}

/// The longest text of a setting, in characters (a council's name is about 60).
pub const MAX_TEXT: usize = 200;
/// The highest document number.
pub const MAX_NUMBER: u32 = 99_999;
/// The longest symbol, in characters.
pub const MAX_SERIES: usize = 30;

impl Council {
    /// The value of a setting as text.
    pub fn get(&self, s: Setting) -> String {
        match s {
            Setting::Parent => self.parent.clone(),
            Setting::Name => self.name.clone(),
            Setting::Place => self.place.clone(),
            Setting::Signer => self.signer.clone(),
            Setting::Title => self.title.clone(),
            Setting::NextNumber => self.next_number.to_string(),
            Setting::NoticeSeries => self.notice_series.clone(),
            Setting::MinutesSeries => self.minutes_series.clone(),
            Setting::SubmissionSeries => self.submission_series.clone(),
        }
    }

    /// Sets one setting from text (trimmed, NFC), checked; unchanged when refused.
    pub fn set(&mut self, s: Setting, text: &str) -> Result<(), CouncilError> {
        let value = nfc(text.trim());
        let length = value.chars().count();
        match s {
            Setting::NextNumber => {
                let n: u32 = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_NUMBER).contains(n))
                    .ok_or_else(|| CouncilError::BadNumber(value.clone()))?;
                self.next_number = n;
                return Ok(());
            }
            Setting::NoticeSeries | Setting::MinutesSeries | Setting::SubmissionSeries => {
                let bad = value.is_empty()
                    || length > MAX_SERIES
                    || value
                        .chars()
                        .any(|c| c == '/' || c.is_whitespace() || c.is_control());
                if bad {
                    return Err(CouncilError::BadSeries {
                        setting: s,
                        text: value,
                    });
                }
            }
            _ => {
                if length > MAX_TEXT {
                    return Err(CouncilError::TooLong { setting: s, length });
                }
                if value.chars().any(char::is_control) {
                    return Err(CouncilError::NotOneLine(s));
                }
            }
        }
        match s {
            Setting::Parent => self.parent = value,
            Setting::Name => self.name = value,
            Setting::Place => self.place = value,
            Setting::Signer => self.signer = value,
            Setting::Title => self.title = value,
            Setting::NoticeSeries => self.notice_series = value,
            Setting::MinutesSeries => self.minutes_series = value,
            Setting::SubmissionSeries => self.submission_series = value,
            Setting::NextNumber => unreachable!("handled above"),
        }
        Ok(())
    }

    /// The symbol of a kind of document.
    pub fn series(&self, kind: DocKind) -> &str {
        match kind {
            DocKind::Notice => &self.notice_series,
            DocKind::Minutes => &self.minutes_series,
            DocKind::Submission => &self.submission_series,
        }
    }

    /// The settings as one line of text each, `setting=value`, in a fixed order: what the
    /// ledger's row of a change records.
    pub fn canonical(&self) -> String {
        Setting::ALL
            .iter()
            .map(|s| format!("{}={}", setting_key(*s), self.get(*s)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The key of a setting on the command line (`--name`) and in the ledger's text.
pub fn setting_key(s: Setting) -> &'static str {
    match s {
        Setting::Parent => "parent",
        Setting::Name => "name",
        Setting::Place => "place",
        Setting::Signer => "signer",
        Setting::Title => "title",
        Setting::NextNumber => "next-number",
        Setting::NoticeSeries => "notice-series",
        Setting::MinutesSeries => "minutes-series",
        Setting::SubmissionSeries => "submission-series",
    }
}

/// Whether a document is the provisional or the final one of its subject: the two are
/// different documents, each with its own number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Provisional,
    Final,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Provisional => "provisional",
            Stage::Final => "final",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        match s {
            "provisional" => Some(Stage::Provisional),
            "final" => Some(Stage::Final),
            _ => None,
        }
    }
}

/// A document as the register holds it: what it is about, its number and symbol, the day it
/// was issued (local, `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub kind: DocKind,
    /// The unit's code; empty for the submission (of the whole year).
    pub subject: String,
    pub stage: Stage,
    pub number: u32,
    pub series: String,
    pub date: chrono::NaiveDate,
}

impl Issued {
    /// The number as the document prints it: `12/TB-HĐTĐ`.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.number, self.series)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_and_refusals_change_nothing() {
        let mut c = Council::default();
        c.set(Setting::Name, "  Hội đồng thẩm định  ").unwrap();
        assert_eq!(c.name, "Hội đồng thẩm định");
        c.set(Setting::NextNumber, "12").unwrap();
        assert_eq!(c.next_number, 12);
        assert_eq!(
            c.set(Setting::NextNumber, "0"),
            Err(CouncilError::BadNumber("0".into()))
        );
        assert_eq!(
            c.set(Setting::NextNumber, "mười"),
            Err(CouncilError::BadNumber("mười".into()))
        );
        assert_eq!(c.next_number, 12);
        assert!(matches!(
            c.set(Setting::NoticeSeries, "TB/HĐTĐ"),
            Err(CouncilError::BadSeries { .. })
        ));
        assert!(matches!(
            c.set(Setting::MinutesSeries, ""),
            Err(CouncilError::BadSeries { .. })
        ));
        assert_eq!(c.notice_series, "TB-HĐTĐ");
        assert_eq!(
            c.set(Setting::Place, "Sóc\nTrăng"),
            Err(CouncilError::NotOneLine(Setting::Place))
        );
        assert_eq!(
            c.set(Setting::Signer, &"a".repeat(MAX_TEXT + 1)),
            Err(CouncilError::TooLong {
                setting: Setting::Signer,
                length: MAX_TEXT + 1
            })
        );
        assert_eq!(c.signer, "");
    }

    #[test]
    fn a_setting_reads_back_what_was_set() {
        let mut c = Council::default();
        for (s, v) in Setting::ALL.iter().zip([
            "UBND TỈNH SÓC TRĂNG",
            "HỘI ĐỒNG THẨM ĐỊNH",
            "Sóc Trăng",
            "Lâm Văn Mẫn",
            "CHỦ TỊCH",
            "7",
            "TB-HĐTĐ",
            "BB-HĐTĐ",
            "TTr-HĐTĐ",
        ]) {
            c.set(*s, v).unwrap();
            assert_eq!(c.get(*s), v);
        }
        assert!(
            c.canonical()
                .starts_with("parent=UBND TỈNH SÓC TRĂNG\nname=")
        );
        assert_eq!(c.series(DocKind::Submission), "TTr-HĐTĐ");
    }

    #[test]
    fn kinds_and_stages_read_back() {
        for k in DocKind::ALL {
            assert_eq!(DocKind::parse(k.as_str()), Some(k));
        }
        for s in [Stage::Provisional, Stage::Final] {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
        }
        let i = Issued {
            kind: DocKind::Notice,
            subject: "SNV".into(),
            stage: Stage::Final,
            number: 12,
            series: "TB-HĐTĐ".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        };
        assert_eq!(i.reference(), "12/TB-HĐTĐ");
    }
}
