//! The cell formats of the workbook: Times New Roman as Vietnamese documents use it, thin
//! borders on the tables, `0.00` for figures, and a fill per band.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

const FONT: &str = "Times New Roman";
const SIZE: f64 = 11.0;

/// Fills for bands, best first: green, blue, yellow, red (more bands take the next colours,
/// the last band always red).
const BAND_FILLS: [u32; 6] = [0xC6EFCE, 0xDDEBF7, 0xFFEB9C, 0xFCE4D6, 0xEDEDED, 0xFFC7CE];

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(SIZE)
}

fn cell() -> Format {
    base()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

pub struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub note: Format,
    pub head: Format,
    pub text: Format,
    pub text_bold: Format,
    pub wrap: Format,
    /// Text indented by level (0: a field, bold).
    pub indent: Vec<Format>,
    /// The same, bold (a node with children).
    pub indent_bold: Vec<Format>,
    pub num: Format,
    pub num_bold: Format,
    /// A figure with a note under the table: `78.34*`.
    pub num_marked: Format,
    /// A change: `+1.25`, `-0.50`.
    pub change: Format,
    pub int: Format,
    pub int_bold: Format,
    pub center: Format,
    pub date: Format,
    pub label_bold: Format,
}

impl Styles {
    pub fn new() -> Styles {
        Styles {
            title: base().set_bold().set_font_size(14.0),
            subtitle: base().set_bold(),
            note: base().set_italic(),
            head: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xD9E1F2)),
            text: cell(),
            text_bold: cell().set_bold(),
            wrap: cell().set_text_wrap(),
            indent: (0..5u8)
                .map(|level| {
                    let f = cell().set_text_wrap().set_indent(level);
                    if level == 0 { f.set_bold() } else { f }
                })
                .collect(),
            indent_bold: (0..5u8)
                .map(|level| cell().set_text_wrap().set_indent(level).set_bold())
                .collect(),
            num: cell().set_num_format("0.00"),
            num_bold: cell().set_num_format("0.00").set_bold(),
            num_marked: cell().set_num_format("0.00\"*\""),
            change: cell().set_num_format("+0.00;-0.00;0.00"),
            int: cell().set_num_format("0").set_align(FormatAlign::Center),
            int_bold: cell()
                .set_num_format("0")
                .set_align(FormatAlign::Center)
                .set_bold(),
            center: cell().set_align(FormatAlign::Center),
            date: cell().set_num_format("dd/mm/yyyy hh:mm:ss"),
            label_bold: base().set_bold(),
        }
    }

    /// A percent of the band `i` of `n`: the number with the band's letter after it (the
    /// meaning is in the text, not only in the colour) on the band's fill.
    pub fn band(&self, code: &str, i: usize, n: usize) -> Format {
        let fill = if i + 1 == n && n > 1 {
            BAND_FILLS[BAND_FILLS.len() - 1]
        } else {
            BAND_FILLS[i.min(BAND_FILLS.len() - 2)]
        };
        let code: String = code.chars().filter(|c| !matches!(c, '"' | '\\')).collect();
        cell()
            .set_num_format(format!("0.00\" {code}\""))
            .set_background_color(Color::RGB(fill))
    }
}
