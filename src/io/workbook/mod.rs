//! The council's workbook (`.xlsx`, written with `rust_xlsxwriter`): results per group,
//! fields, criteria, every decision, and one scoring sheet per unit.
//!
//! Every figure is a number cell (the tool's exact value, turned into a float only at the
//! cell) with a `0.00` format; every code, name and comment is a string cell written as a
//! string, so a text starting with `=`, `+`, `-` or `@` stays that text and never becomes a
//! formula. The workbook holds no formula at all: totals are the tool's exact figures. Each
//! sheet has its header rows frozen and repeated on every printed page, an autofilter, column
//! widths that fit Vietnamese names, and A4 landscape printing one page wide.
//!
//! The large sheets (results, fields, criteria, decisions) are written row by row in
//! `rust_xlsxwriter`'s constant-memory mode, so ten thousand units and 1.5 million decision
//! lines stay within a few megabytes of memory.

mod decisions;
mod group;
mod history;
mod scoring;
mod styles;
mod submission;
mod wayup;

pub use decisions::DecisionSheet;
pub use group::GroupData;
pub use history::HistoryData;
pub use scoring::UnitPage;

use crate::domain::Points;
use crate::words::{Lang, documents as t};
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;
use std::collections::HashSet;
use styles::Styles;

/// The most characters Excel allows in a sheet name (UTF-16 code units).
pub const SHEET_NAME_MAX: usize = 31;

/// Sheet names as Excel wants them: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with `'`, unique without regard to case. A name too long is cut at a word.
#[derive(Debug, Default)]
pub struct SheetNames {
    used: HashSet<String>,
}

impl SheetNames {
    /// The name to use for a sheet that would be called `wanted`, claimed for it.
    pub fn claim(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
                c if c.is_control() || !crate::io::xmltext::xml_allowed(c) => ' ',
                c => c,
            })
            .collect();
        let clean = clean.trim().trim_matches('\'').trim();
        let base = if clean.is_empty() { "Sheet" } else { clean };
        for n in 1.. {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let name = format!("{}{suffix}", fit(base, SHEET_NAME_MAX - suffix.len()));
            if self.used.insert(name.to_lowercase()) {
                return name;
            }
        }
        unreachable!("some suffix is free")
    }
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// `s` in at most `max` UTF-16 units, cut at a word when one ends in the second half.
fn fit(s: &str, max: usize) -> String {
    if utf16_len(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if utf16_len(&out) + c.len_utf16() > max {
            break;
        }
        out.push(c);
    }
    let next_is_space = s[out.len()..].starts_with(' ');
    if !next_is_space
        && let Some(space) = out.rfind(' ')
        && space > out.len() / 2
    {
        out.truncate(space);
    }
    out.trim_end_matches([' ', ',', ';', '-', '–', '\''])
        .to_string()
}

/// A `Points` value as a number cell holds it. Exact hundredths divided by 100 give the
/// double nearest the decimal, the same one a spreadsheet reads from the text `58.06`.
pub fn cell_number(p: Points) -> f64 {
    p.hundredths() as f64 / 100.0
}

/// Which sheets to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheets {
    pub results: bool,
    pub fields: bool,
    pub criteria: bool,
    pub decisions: bool,
    pub scoring: bool,
    /// Each unit's way up, one sheet per group.
    pub way_up: bool,
    pub history: bool,
    /// The figures of the submission to the People's Committee: band counts and rankings.
    pub submission: bool,
}

impl Sheets {
    pub const ALL: Sheets = Sheets {
        results: true,
        fields: true,
        criteria: true,
        decisions: true,
        scoring: true,
        way_up: true,
        history: true,
        submission: true,
    };
}

/// A workbook being written.
pub struct Book {
    wb: Workbook,
    lang: Lang,
    year: i32,
    names: SheetNames,
    styles: Styles,
    sheets: usize,
    /// The ledger's head, printed under every results table (see `thamdinh verify --head`).
    ledger: Option<String>,
    /// Made with an illustrative criteria set: every page's footer says so.
    illustrative: bool,
}

impl Book {
    pub fn new(lang: Lang, year: i32) -> Book {
        let mut wb = Workbook::new();
        let props = rust_xlsxwriter::DocProperties::new()
            .set_title(t::results_title(year, lang))
            .set_author("thamdinh");
        wb.set_properties(&props);
        Book {
            wb,
            lang,
            year,
            names: SheetNames::default(),
            styles: Styles::new(),
            sheets: 0,
            ledger: None,
            illustrative: false,
        }
    }

    /// The line naming the ledger's head, printed under every results table.
    pub fn set_ledger_line(&mut self, line: String) {
        self.ledger = Some(line);
    }

    /// The workbook is made with an illustrative criteria set: the footer of every page
    /// of the sheets added from now on says so.
    pub fn set_illustrative(&mut self, illustrative: bool) {
        self.illustrative = illustrative;
    }

    /// How many sheets have been added.
    pub fn sheet_count(&self) -> usize {
        self.sheets
    }

    /// A new sheet named after `wanted` (made valid and unique), in constant-memory mode when
    /// `large` (rows must then be written in order), with the styles to write it.
    fn add_sheet(
        &mut self,
        wanted: &str,
        large: bool,
    ) -> Result<(&mut Worksheet, &Styles), XlsxError> {
        let name = self.names.claim(wanted);
        self.sheets += 1;
        let ws = if large {
            self.wb.add_worksheet_with_constant_memory()?
        } else {
            self.wb.add_worksheet()
        };
        ws.set_name(name)?;
        ws.set_footer(t::footer(self.lang, self.illustrative));
        Ok((ws, &self.styles))
    }

    /// Writes the workbook into an open file (the temporary file of `replace_file`, written
    /// through its handle rather than its name).
    pub fn save_to_writer<W>(mut self, out: W) -> Result<(), XlsxError>
    where
        W: std::io::Write + std::io::Seek + Send,
    {
        self.wb.save_to_writer(out)
    }
}

/// The page of a sheet: A4 landscape, one page wide, the header rows on every page (the
/// footer, with the page number, is set when the sheet is added); the rows above
/// `first_data` frozen with the columns before `frozen_cols`.
fn page_setup(
    ws: &mut Worksheet,
    header: (RowNum, RowNum),
    frozen_cols: ColNum,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(header.0, header.1)?;
    ws.set_freeze_panes(header.1 + 1, frozen_cols)?;
    Ok(())
}

/// The characters an Excel cell holds.
const CELL_MAX: usize = 32_767;

/// A string cell (blank when empty). Written as a string, never read as a formula.
fn text(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    s: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if s.is_empty() {
        ws.write_blank(row, col, f)?;
    } else {
        // No character XML forbids, and within Excel's 32,767 characters a cell holds (a
        // text stored before the limits on comments and names were set may be longer).
        let s = crate::io::xmltext::xml_safe(s);
        let s = match s.char_indices().nth(CELL_MAX) {
            Some(_) => Cow::Owned(s.chars().take(CELL_MAX - 1).chain(['…']).collect()),
            None => s,
        };
        ws.write_string_with_format(row, col, s.as_ref(), f)?;
    }
    Ok(())
}

/// A number cell of points.
fn number(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    p: Points,
    f: &Format,
) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, cell_number(p), f)?;
    Ok(())
}

/// A number cell, or a blank one.
fn maybe(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    p: Option<Points>,
    f: &Format,
) -> Result<(), XlsxError> {
    match p {
        Some(p) => number(ws, row, col, p, f),
        None => {
            ws.write_blank(row, col, f)?;
            Ok(())
        }
    }
}

/// A count or a rank: a whole number.
fn count(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    n: usize,
    f: &Format,
) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, n as f64, f)?;
    Ok(())
}

/// A column's width in Excel's units (the width of a `0`) for texts of up to `chars`
/// characters, between `min` and `max` (longer texts wrap).
fn width_for(chars: usize, min: f64, max: f64) -> f64 {
    (chars as f64 * 1.05 + 1.5).clamp(min, max)
}

/// The height in points of a row whose cells wrap at these widths.
fn height_for(cells: &[(&str, f64)], line: f64) -> f64 {
    let lines = cells
        .iter()
        .map(|(s, w)| {
            // Times New Roman is narrower than the `0` of Excel's width unit.
            let per_line = (w * 1.25).max(1.0) as usize;
            s.split('\n')
                .map(|part| part.chars().count().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1);
    lines as f64 * line + 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_unique_and_cut_at_a_word() {
        let mut n = SheetNames::default();
        assert_eq!(
            n.claim("Kết quả – Sở, ban, ngành tỉnh"),
            "Kết quả – Sở, ban, ngành tỉnh"
        );
        let long = n.claim("Kết quả – Cơ quan Trung ương đóng trên địa bàn tỉnh");
        assert_eq!(long, "Kết quả – Cơ quan Trung ương");
        assert_eq!(
            n.claim("Kết quả – Cơ quan Trung ương đóng trên đất liền"),
            "Kết quả – Cơ quan Trung (2)"
        );
        assert_eq!(n.claim("a/b\\c[d]e:f*g?h"), "a-b-c-d-e-f-g-h");
        assert_eq!(n.claim("'Sổ'"), "Sổ");
        assert_eq!(n.claim("SỔ"), "SỔ (2)");
        assert_eq!(n.claim("  "), "Sheet");
        for _ in 0..20 {
            let s = n.claim("Một tên rất dài để thử giới hạn ba mươi mốt ký tự");
            assert!(utf16_len(&s) <= SHEET_NAME_MAX, "{s}");
        }
    }

    #[test]
    fn numbers_reach_the_cell_as_the_nearest_double() {
        assert_eq!(cell_number(Points::parse("58.06").unwrap()), 58.06);
        assert_eq!(cell_number(Points::parse("-0.25").unwrap()), -0.25);
        assert_eq!(
            cell_number(Points::parse("81.33").unwrap()),
            "81.33".parse::<f64>().unwrap()
        );
    }
}
