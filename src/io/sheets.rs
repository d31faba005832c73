//! The workbooks the council sends out to be filled and reads back:
//! - a criteria set as the template of a tree (`export criteria`): its header block and its
//!   table, read again by [`super::criteria::tree_from_workbook`] into the same set;
//! - each unit's self-assessment (`export self-assessment`): the unit's tree, a self-score
//!   column with data validation (a drop-down of the allowed scores, or a decimal from 0 to
//!   the maximum), note and evidence columns, the unit, its group and the year in a header
//!   that the import checks; only the input cells unlocked (the sheet protected without a
//!   password). Read back by [`AssessmentRows`] as the rows of a self-scores file.

use super::csvread::{Columns, Row, RowSource};
use super::problem::{FileError, Place, Problem};
use super::workbook::cell_number;
use super::xlsxread::SheetRows;
use super::xmltext::xml_safe;
use crate::domain::criteria::Band;
use crate::domain::{CriteriaSet, ItemKind, Points, SetSource};
use crate::words::{Lang, sheets as w};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::collections::HashMap;

/// Why a set cannot be written as a tree template: what a table of rows cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotATree {
    /// Bonus or deduction items.
    Blocks,
    /// An item with a minimum other than 0.
    Minimum,
}

/// Whether a set can be written as a tree (and read back the same).
pub fn tree_fits(set: &CriteriaSet) -> Result<(), NotATree> {
    if set.bonus.is_some()
        || set.deduction.is_some()
        || set.nodes().iter().any(|n| n.kind != ItemKind::Regular)
    {
        return Err(NotATree::Blocks);
    }
    if set.nodes().iter().any(|n| n.min != Points::ZERO) {
        return Err(NotATree::Minimum);
    }
    Ok(())
}

/// A text as a cell may hold it (no character XML forbids).
fn text(s: &str) -> String {
    xml_safe(s).into_owned()
}

/// The options of an item as the tree's column writes them: `label=points; …`.
pub fn options_text(options: &[crate::domain::criteria::ScoreOption]) -> String {
    options
        .iter()
        .map(|o| format!("{}={}", o.label, o.points))
        .collect::<Vec<_>>()
        .join("; ")
}

struct Styles {
    title: Format,
    key: Format,
    head: Format,
    code: Format,
    wrap: Format,
    number: Format,
    parent: Format,
    parent_number: Format,
    input: Format,
    input_wrap: Format,
}

impl Styles {
    fn new() -> Styles {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        let wrap = border(Format::new().set_text_wrap().set_align(FormatAlign::Top));
        let number = border(
            Format::new()
                .set_num_format("0.00")
                .set_align(FormatAlign::Top),
        );
        Styles {
            title: Format::new().set_bold().set_font_size(13),
            key: Format::new().set_bold(),
            head: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_align(FormatAlign::Center)
                    .set_background_color(0xD9E1F2),
            ),
            code: border(
                Format::new()
                    .set_num_format("@")
                    .set_align(FormatAlign::Top),
            ),
            parent: wrap.clone().set_bold(),
            parent_number: number.clone().set_bold(),
            input: border(
                Format::new()
                    .set_unlocked()
                    .set_align(FormatAlign::Top)
                    .set_background_color(0xFFF2CC),
            ),
            input_wrap: border(
                Format::new()
                    .set_unlocked()
                    .set_text_wrap()
                    .set_align(FormatAlign::Top)
                    .set_background_color(0xFFF2CC),
            ),
            wrap,
            number,
        }
    }
}

/// A row's height for its wrapped cells (text, column width in characters): a spreadsheet
/// does not grow a row written without a height (LibreOffice shows the lines over the next
/// row), so it is given one, 15 points a line.
fn fit_row(ws: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    fit_row_at_least(ws, row, cells, 1)
}

/// [`fit_row`], at least `min` lines high (room for what the unit writes: a row of a fixed
/// height does not grow as it is typed in).
fn fit_row_at_least(
    ws: &mut Worksheet,
    row: u32,
    cells: &[(&str, f64)],
    min: usize,
) -> Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            let per_line = (width * 1.1).max(1.0) as usize;
            text.split('\n')
                .map(|l| l.chars().count().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .clamp(min, 30);
    if lines > 1 {
        ws.set_row_height(row, 15.0 * lines as f64)?;
    }
    Ok(())
}

/// The page: A4 landscape, one page wide, the head rows repeated.
fn page(
    ws: &mut Worksheet,
    head_row: u32,
    lang: Lang,
    illustrative: bool,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(head_row, head_row)?;
    ws.set_freeze_panes(head_row + 1, 0)?;
    ws.set_footer(w::footer(lang, illustrative));
    Ok(())
}

/// A criteria set as the workbook of its tree: the header block (group, name, short name,
/// survey maximum, bands — a preset's name when they are one —, the decision), then the
/// table. Refused ([`NotATree`]) for a set a table cannot hold.
pub fn criteria_workbook(set: &CriteriaSet, lang: Lang) -> Result<Vec<u8>, WriteError> {
    tree_fits(set).map_err(WriteError::NotATree)?;
    let mut wb = Workbook::new();
    let s = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name(w::criteria_sheet(lang))?;
    let k = w::set_keys(lang);
    ws.write_string_with_format(
        0,
        0,
        text(&w::criteria_title(set.year, &set.name, lang)),
        &s.title,
    )?;
    let bands = Band::preset_of(&set.bands)
        .map(str::to_string)
        .unwrap_or_else(|| Band::list_text(&set.bands));
    let mut block: Vec<(&str, String)> =
        vec![(k.group, set.group.to_string()), (k.name, set.name.clone())];
    if let Some(short) = &set.short_name {
        block.push((k.short_name, short.clone()));
    }
    block.push((k.survey_max, set.survey_max.to_string()));
    block.push((k.bands, bands));
    match &set.source {
        SetSource::Decision {
            number,
            date,
            issuer,
        } => {
            block.push((k.decision, number.clone()));
            block.push((k.date, date.clone()));
            block.push((k.issuer, issuer.clone()));
        }
        SetSource::Illustrative => {
            ws.write_string(1, 0, w::criteria_illustrative(lang))?;
        }
    }
    let mut row = 2u32;
    for (key, value) in &block {
        ws.write_string_with_format(row, 0, *key, &s.key)?;
        ws.write_string_with_format(row, 1, text(value), &s.code)?;
        row += 1;
    }
    ws.write_string(row, 0, w::criteria_help(lang))?;
    row += 2;
    let head_row = row;
    for (c, h) in w::tree_heads(lang).iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &s.head)?;
    }
    ws.set_row_height(row, 30.0)?;
    for node in set.nodes() {
        row += 1;
        let (wrap, number) = if node.is_item() {
            (&s.wrap, &s.number)
        } else {
            (&s.parent, &s.parent_number)
        };
        ws.write_string_with_format(row, 0, node.code.to_string(), &s.code)?;
        ws.write_string_with_format(row, 1, text(&node.title), wrap)?;
        ws.write_number_with_format(row, 2, cell_number(node.max), number)?;
        ws.write_string_with_format(row, 3, text(&options_text(&node.options)), &s.wrap)?;
        let guidance = node.guidance.as_deref().unwrap_or("");
        ws.write_string_with_format(row, 4, text(guidance), &s.wrap)?;
        let na: Vec<&str> = node.not_applicable_for.iter().map(|u| u.as_str()).collect();
        ws.write_string_with_format(row, 5, na.join(" "), &s.wrap)?;
        let options = options_text(&node.options);
        fit_row(
            ws,
            row,
            &[(&node.title, 60.0), (&options, 40.0), (guidance, 50.0)],
        )?;
    }
    // The first column holds the header block's keys too.
    for (c, width) in [
        (0u16, 24.0),
        (1, 60.0),
        (2, 10.0),
        (3, 40.0),
        (4, 50.0),
        (5, 18.0),
    ] {
        ws.set_column_width(c, width)?;
    }
    page(ws, head_row, lang, set.source.is_illustrative())?;
    Ok(wb.save_to_buffer()?)
}

/// Why a workbook was not made.
#[derive(Debug)]
pub enum WriteError {
    NotATree(NotATree),
    Xlsx(XlsxError),
}

impl From<XlsxError> for WriteError {
    fn from(e: XlsxError) -> WriteError {
        WriteError::Xlsx(e)
    }
}

/// The unit a self-assessment is for.
#[derive(Debug, Clone)]
pub struct AssessmentUnit<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub group: &'a str,
    pub group_name: &'a str,
    pub year: i32,
}

/// The columns of a self-assessment sheet (after its head: code, title, max, options,
/// guidance, then the self score, the note, the evidence).
pub const ASSESSMENT: Columns<'static> = Columns {
    required: &["code", "score"],
    optional: &["title", "max", "options", "guidance", "note", "evidence"],
};

/// A workbook to fill for one unit: its properties, its one sheet named `sheet` with `title`
/// on the first row, then the header the import checks (unit, group, year) in rows 2–4.
fn unit_sheet<'a>(
    wb: &'a mut Workbook,
    s: &Styles,
    (title, sheet): (String, &str),
    unit: &AssessmentUnit<'_>,
    lang: Lang,
) -> Result<&'a mut Worksheet, XlsxError> {
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(&title)
        .set_author("thamdinh");
    wb.set_properties(&props);
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    ws.write_string_with_format(0, 0, title, &s.title)?;
    let [unit_key, group_key, year_key] = w::assessment_keys(lang);
    ws.write_string_with_format(1, 0, unit_key, &s.key)?;
    ws.write_string_with_format(1, 1, text(unit.code), &s.code)?;
    ws.write_string(1, 2, text(unit.name))?;
    ws.write_string_with_format(2, 0, group_key, &s.key)?;
    ws.write_string_with_format(2, 1, text(unit.group), &s.code)?;
    ws.write_string(2, 2, text(unit.group_name))?;
    ws.write_string_with_format(3, 0, year_key, &s.key)?;
    ws.write_string_with_format(3, 1, unit.year.to_string(), &s.code)?;
    Ok(ws)
}

/// One unit's self-assessment workbook: the header (unit, group, year: what the import
/// checks), the unit's tree with a self-score column under data validation, note and
/// evidence; the sheet protected without a password, only the input cells unlocked.
pub fn assessment_workbook(
    set: &CriteriaSet,
    unit: &AssessmentUnit<'_>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let s = Styles::new();
    let title = w::assessment_title(unit.year, lang);
    let ws = unit_sheet(&mut wb, &s, (title, w::assessment_sheet(lang)), unit, lang)?;
    ws.write_string(4, 0, text(&source_line(&set.source, lang)))?;
    ws.write_string(5, 0, w::assessment_help(lang))?;
    let head_row = 7u32;
    let tree = w::tree_heads(lang);
    let more = w::assessment_heads(lang);
    let heads = tree[..5].iter().chain(more.iter());
    for (c, h) in heads.enumerate() {
        ws.write_string_with_format(head_row, c as u16, *h, &s.head)?;
    }
    ws.set_row_height(head_row, 30.0)?;
    let code = crate::domain::UnitCode::parse(unit.code).ok();
    let mut row = head_row;
    for node in set.nodes() {
        row += 1;
        let item = node.is_item();
        let (wrap, number) = if item {
            (&s.wrap, &s.number)
        } else {
            (&s.parent, &s.parent_number)
        };
        ws.write_string_with_format(row, 0, node.code.to_string(), &s.code)?;
        ws.write_string_with_format(row, 1, text(&node.title), wrap)?;
        ws.write_number_with_format(row, 2, cell_number(node.max), number)?;
        let applies = code.as_ref().is_none_or(|c| node.applies_to(c));
        let options = if applies {
            node.options
                .iter()
                .map(|o| format!("{} = {}", o.points, o.label))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            w::not_for_unit(lang).to_string()
        };
        ws.write_string_with_format(row, 3, text(&options), &s.wrap)?;
        let guidance = node.guidance.as_deref().unwrap_or("");
        ws.write_string_with_format(row, 4, text(guidance), &s.wrap)?;
        // An item's row leaves room for a note.
        let min = if item && applies { 2 } else { 1 };
        fit_row_at_least(
            ws,
            row,
            &[(&node.title, 50.0), (&options, 36.0), (guidance, 40.0)],
            min,
        )?;
        if !item || !applies {
            for c in 5..8 {
                ws.write_blank(row, c, &s.wrap)?;
            }
            continue;
        }
        ws.write_blank(row, 5, &s.input)?;
        ws.write_blank(row, 6, &s.input_wrap)?;
        ws.write_blank(row, 7, &s.input_wrap)?;
        let rule = w::score_rule(&node.max.to_string(), lang);
        let validation = if node.options.is_empty() {
            // A typed number; N/A passes the warning (the import checks it).
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, cell_number(node.max)))
                .set_error_style(DataValidationErrorStyle::Warning)
        } else {
            let mut list: Vec<String> = node.options.iter().map(|o| o.points.to_string()).collect();
            list.dedup();
            list.push("N/A".into());
            DataValidation::new().allow_list_strings(&list)?
        };
        let validation = validation
            .set_error_title(w::score_rule_title(lang))?
            .set_error_message(&rule)?;
        ws.add_data_validation(row, 5, row, 5, &validation)?;
    }
    for (c, width) in [
        (0u16, 9.0),
        (1, 50.0),
        (2, 8.0),
        (3, 36.0),
        (4, 40.0),
        (5, 10.0),
        (6, 36.0),
        (7, 36.0),
    ] {
        ws.set_column_width(c, width)?;
    }
    page(ws, head_row, lang, set.source.is_illustrative())?;
    ws.protect();
    wb.save_to_buffer()
}

/// An item the council asked the unit to explain: its code, title, maximum, the unit's self
/// score (none: no self score; `Some(None)`: N/A) and the council's comment.
#[derive(Debug, Clone)]
pub struct Request {
    pub code: String,
    pub title: String,
    pub max: Points,
    pub self_score: Option<Option<Points>>,
    pub comment: String,
}

/// The columns of a unit's replies to the explanation requests.
pub const REPLIES: Columns<'static> = Columns {
    required: &["code", "explanation"],
    optional: &["title", "max", "score", "comment", "evidence"],
};

/// The input columns of each workbook read back: a row with all of them empty is skipped.
pub const ASSESSMENT_INPUTS: &[&str] = &["score", "note", "evidence"];
pub const REPLY_INPUTS: &[&str] = &["explanation", "evidence"];

/// One unit's explanation requests: the header (unit, group, year), each item asked about with
/// the council's comment, and two columns to fill (the explanation, the evidence); the sheet
/// protected without a password, only those cells unlocked.
pub fn requests_workbook(
    requests: &[Request],
    unit: &AssessmentUnit<'_>,
    illustrative: bool,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let s = Styles::new();
    let title = w::requests_title(unit.year, lang);
    let ws = unit_sheet(&mut wb, &s, (title, w::requests_sheet(lang)), unit, lang)?;
    ws.write_string(5, 0, w::requests_help(lang))?;
    let head_row = 7u32;
    for (c, h) in w::request_heads(lang).iter().enumerate() {
        ws.write_string_with_format(head_row, c as u16, *h, &s.head)?;
    }
    ws.set_row_height(head_row, 30.0)?;
    let mut row = head_row;
    for r in requests {
        row += 1;
        ws.write_string_with_format(row, 0, text(&r.code), &s.code)?;
        ws.write_string_with_format(row, 1, text(&r.title), &s.wrap)?;
        ws.write_number_with_format(row, 2, cell_number(r.max), &s.number)?;
        match r.self_score {
            Some(Some(p)) => ws.write_number_with_format(row, 3, cell_number(p), &s.number)?,
            Some(None) => ws.write_string_with_format(row, 3, "N/A", &s.wrap)?,
            None => ws.write_blank(row, 3, &s.wrap)?,
        };
        ws.write_string_with_format(row, 4, text(&r.comment), &s.wrap)?;
        ws.write_blank(row, 5, &s.input_wrap)?;
        ws.write_blank(row, 6, &s.input_wrap)?;
        fit_row_at_least(ws, row, &[(&r.title, 44.0), (&r.comment, 40.0)], 4)?;
    }
    for (c, width) in [
        (0u16, 9.0),
        (1, 44.0),
        (2, 8.0),
        (3, 8.0),
        (4, 40.0),
        (5, 50.0),
        (6, 36.0),
    ] {
        ws.set_column_width(c, width)?;
    }
    page(ws, head_row, lang, illustrative)?;
    ws.protect();
    wb.save_to_buffer()
}

/// The line naming where the set comes from.
fn source_line(source: &SetSource, lang: Lang) -> String {
    match source {
        SetSource::Illustrative => crate::words::notices::illustrative_footer(lang).to_string(),
        SetSource::Decision {
            number,
            date,
            issuer,
        } => format!("{number} – {date} – {issuer}"),
    }
}

/// The header of a self-assessment as read: each value and its cell.
#[derive(Debug, Clone, Default)]
pub struct AssessmentHeader {
    pub unit: Option<(String, Place)>,
    pub group: Option<(String, Place)>,
    pub year: Option<(String, Place)>,
}

/// Reads the header of a self-assessment from the rows above its table.
pub fn assessment_header(rows: &SheetRows) -> AssessmentHeader {
    let mut h = AssessmentHeader::default();
    for (line, column, cells) in rows.above() {
        let key = crate::domain::text::nfc(cells[0].trim()).to_lowercase();
        let slot = match key.as_str() {
            "đơn vị" | "unit" => &mut h.unit,
            "nhóm" | "group" => &mut h.group,
            "năm" | "year" => &mut h.year,
            _ => continue,
        };
        let value = cells
            .get(1)
            .map(|v| v.trim().to_string())
            .unwrap_or_default();
        *slot = Some((value, Place::at(line, column + 1)));
    }
    h
}

/// A filled workbook's rows as the rows of the file it stands for (self scores,
/// explanations): the unit (from the header) in a column of its own, the code as the item;
/// rows whose input cells (`inputs`) are all empty — fields and criteria, items left blank —
/// skipped. What they hold is checked by the import of that file, at the sheet's cells.
pub struct AssessmentRows {
    inner: SheetRows,
    unit: String,
    unit_col: usize,
    inputs: &'static [&'static str],
    /// What a workbook with nothing filled in is refused with.
    blank: Problem,
    /// The rows handed on.
    rows: usize,
}

impl AssessmentRows {
    pub fn new(
        inner: SheetRows,
        unit: String,
        inputs: &'static [&'static str],
        blank: Problem,
    ) -> AssessmentRows {
        let unit_col = inner.width();
        AssessmentRows {
            inner,
            unit,
            unit_col,
            inputs,
            blank,
            rows: 0,
        }
    }
}

impl RowSource for AssessmentRows {
    fn column(&self, name: &str) -> Option<usize> {
        match name {
            "unit" => Some(self.unit_col),
            "item" => self.inner.column("code"),
            other => self.inner.column(other),
        }
    }

    fn next_row(&mut self, row: &mut Row) -> bool {
        let filled: Vec<Option<usize>> = self.inputs.iter().map(|c| self.inner.column(c)).collect();
        while self.inner.next_row(row) {
            let empty = filled.iter().all(|c| row.get(*c).is_empty());
            if empty {
                continue;
            }
            row.put(self.unit_col, &self.unit);
            self.rows += 1;
            return true;
        }
        false
    }

    fn push(&mut self, place: Place, problem: Problem) {
        self.inner.push(place, problem);
    }

    fn has_problems(&self) -> bool {
        self.inner.has_problems()
    }

    /// A workbook with no self score at all (the template sent back as it went out) is
    /// refused.
    fn finish(self) -> Result<(), FileError> {
        let sheet = self.inner.sheet();
        let path = self.inner.path().to_path_buf();
        self.inner.finish()?;
        if self.rows == 0 {
            let e = FileError::one(&path, None, self.blank);
            return Err(match sheet {
                Some(s) => e.in_sheet(&s),
                None => e,
            });
        }
        Ok(())
    }

    fn columns(&self) -> HashMap<&'static str, usize> {
        let mut columns = self.inner.columns();
        columns.insert("unit", self.unit_col);
        if let Some(code) = self.inner.column("code") {
            columns.insert("item", code);
        }
        columns
    }

    fn sheet(&self) -> Option<String> {
        self.inner.sheet()
    }
}
