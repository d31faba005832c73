//! Each unit's notice of its appraisal (`export notices`): a Word document (`.docx`, written
//! with `docx-rs`) laid out as a Vietnamese administrative document after Nghị định
//! 30/2020/NĐ-CP: A4, Times New Roman, 14 pt text (12 pt in the tables), margins top and
//! bottom 20 mm, left 30 mm, right 15 mm, the issuing council and the national heading at
//! the top, page numbers from the second page.
//!
//! It holds the unit's result (appraisal points, survey, total, index, band, rank, said
//! plainly to be provisional or final), the items the council changed, and the full scoring
//! sheet; the footer of every page gives the ledger's head the figures were read at
//! (`thamdinh verify --head` checks it). Nothing here reads the database: the figures come in
//! a [`NoticeData`].

use crate::domain::criteria::ItemKind;
use crate::domain::ledger::Head;
use crate::domain::{CriteriaSet, Mode, Points, RankRow, SelfScore, Sheet, State};
use crate::store::UnitRow;
use crate::words::{Lang, notices as t, state_label};
use docx_rs::{
    AlignmentType, Docx, Footer, Header, HeightRule, LineSpacing, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    WidthType,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What one notice says: the unit, its sheet, and its line of the group's ranking.
#[derive(Debug, Clone)]
pub struct NoticeData {
    pub year: i32,
    pub group_name: String,
    pub unit: UnitRow,
    pub set: Arc<CriteriaSet>,
    pub sheet: Sheet,
    /// The unit's line of the ranking.
    pub row: RankRow,
    /// Final when the group's final ranking could be made, else provisional.
    pub mode: Mode,
    /// How many units of the group have a rank.
    pub ranked: usize,
    /// Items decided and items in the whole group.
    pub group_decided: usize,
    pub group_items: usize,
    /// The ledger's head the figures were read at, printed in the footer of every page.
    pub ledger: Head,
    /// How the figure of last year was found when it is not the unit's own index ("bình
    /// quân 3 đơn vị tiền thân", the council's figure and its reason); empty otherwise.
    pub previous_note: String,
}

/// How the notices are written.
#[derive(Debug, Clone)]
pub struct NoticeOptions {
    /// The issuing council, at the top left (upper case); the default when empty.
    pub council: String,
    pub lang: Lang,
}

/// A4 in twentieths of a point, and the margins (1 mm = 56.7 twips).
const PAGE_W: u32 = 11_906;
const PAGE_H: u32 = 16_838;
const TOP: i32 = 1_134; // 20 mm
const BOTTOM: i32 = 1_134; // 20 mm
const LEFT: i32 = 1_701; // 30 mm
const RIGHT: i32 = 850; // 15 mm
/// The width between the margins: 165 mm.
const TEXT_W: usize = (PAGE_W as usize) - (LEFT as usize) - (RIGHT as usize);
/// Font sizes in half points.
const BODY: usize = 28; // 14 pt
const TABLE: usize = 24; // 12 pt
const HEADING: usize = 26; // 13 pt
const SMALL_HEADING: usize = 24; // 12 pt: the national heading and the council's name
const FOOTER: usize = 18; // 9 pt: the ledger's head
const FONT: &str = "Times New Roman";

/// Points as the notice writes them: `0,5` in Vietnamese, `0.5` in English.
fn num(p: Points, lang: Lang) -> String {
    decimal_mark(p.to_string(), lang)
}

/// Always two decimals: `55,25`.
fn num2(p: Points, lang: Lang) -> String {
    decimal_mark(p.fixed2(), lang)
}

fn decimal_mark(s: String, lang: Lang) -> String {
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A signed difference: `+0,25`, `-0,5`, `0`.
fn signed(p: Points, lang: Lang) -> String {
    if p > Points::ZERO {
        format!("+{}", num(p, lang))
    } else {
        num(p, lang)
    }
}

fn run(text: &str, size: usize) -> Run {
    Run::new()
        .add_text(super::xmltext::xml_safe(text).as_ref())
        .size(size)
}

/// Single line spacing (tables, headings), `after` twips after the paragraph.
fn spacing(after: u32) -> LineSpacing {
    LineSpacing::new().before(0).after(after).line(240)
}

/// The text's line spacing: 1.2 lines (Nghị định 30 asks for single to 1.5), 6 pt after.
fn body_spacing() -> LineSpacing {
    LineSpacing::new().before(0).after(120).line(288)
}

/// A body paragraph: justified, first line indented 10 mm, 6 pt after.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY))
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(567)),
            None,
            None,
        )
        .line_spacing(body_spacing())
}

/// A centred line, 1.1 lines high (capitals with diacritics need the room).
fn centered(r: Run) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0).line(264))
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY).bold())
        .line_spacing(LineSpacing::new().before(120).after(120).line(240))
        .keep_next(true)
}

/// A table cell of `width` twips holding `text` (lines split on `\n`).
fn cell(text: &str, width: usize, align: AlignmentType, bold: bool) -> TableCell {
    indented_cell(text, width, align, bold, 0)
}

/// The same, the text indented by `indent` twips (a criterion under its parent).
fn indented_cell(
    text: &str,
    width: usize,
    align: AlignmentType,
    bold: bool,
    indent: i32,
) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    for line in text.split('\n') {
        let mut r = run(line, TABLE);
        if bold {
            r = r.bold();
        }
        let mut p = Paragraph::new()
            .add_run(r)
            .align(align)
            .line_spacing(LineSpacing::new().before(40).after(40).line(240));
        if indent > 0 {
            p = p.indent(Some(indent), None, None, None);
        }
        c = c.add_paragraph(p);
    }
    c
}

/// A bordered table with fixed column widths; its first row repeats on every page.
fn table(widths: &[usize], header: &[&str], rows: Vec<TableRow>) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| cell(h, *w, AlignmentType::Center, true))
            .collect(),
    )
    .cant_split()
    .row_height(1.0)
    .height_rule(HeightRule::AtLeast);
    let mut all = vec![head];
    all.extend(rows.into_iter().map(TableRow::cant_split));
    Table::new(all)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
        .margins(cell_margins())
}

/// 1 mm on either side of a cell's text, none above and below (the paragraphs have some).
fn cell_margins() -> TableCellMargins {
    TableCellMargins::new().margin(0, 57, 0, 57)
}

/// The heading block: the council and the document's number on the left, the national
/// heading and the place and date on the right.
fn heading_block(council: &str, lang: Lang) -> Table {
    let left_w = 3_300; // 58 mm
    let right_w = TEXT_W - left_w;
    let line = |text: &str, size: usize, bold: bool, italic: bool| {
        let mut r = run(text, size);
        if bold {
            r = r.bold();
        }
        if italic {
            r = r.italic();
        }
        centered(r)
    };
    let mut left = TableCell::new().width(left_w, WidthType::Dxa);
    // The issuing body in bold; the bodies above it (a first line such as the province's
    // People's Committee) in plain capitals.
    let lines: Vec<&str> = council.lines().filter(|l| !l.trim().is_empty()).collect();
    for (i, l) in lines.iter().enumerate() {
        let bold = i + 1 == lines.len();
        left = left.add_paragraph(line(&l.trim().to_uppercase(), SMALL_HEADING, bold, false));
    }
    left = left
        .add_paragraph(line("―――――", HEADING, false, false))
        .add_paragraph(line(t::number_line(lang), HEADING, false, false));
    let right = TableCell::new()
        .width(right_w, WidthType::Dxa)
        .add_paragraph(line(t::national_heading(lang), SMALL_HEADING, true, false))
        .add_paragraph(line(t::motto(lang), HEADING, true, false))
        .add_paragraph(line("―――――――――――", HEADING, false, false))
        .add_paragraph(line(t::date_line(lang), BODY, false, true));
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![left_w, right_w])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
}

/// The result in a two-column table: label, value.
fn result_table(n: &NoticeData, lang: Lang) -> Table {
    let r = &n.row;
    let set = &n.set;
    let totals = n.sheet.totals(set);
    let provisional = n.mode == Mode::Provisional;
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut appraised = t::out_of(&num2(r.appraised, lang), &num(totals.tree.max, lang), lang);
    if set.bonus.is_some() || set.deduction.is_some() {
        appraised.push('\n');
        appraised.push_str(&t::with_bonus(
            &num2(totals.tree.provisional, lang),
            &num2(totals.bonus, lang),
            &num2(totals.deduction, lang),
            lang,
        ));
    }
    lines.push((t::label_appraised(lang).into(), appraised));
    lines.push((
        t::label_survey(lang).into(),
        t::out_of(&num2(r.survey, lang), &num(set.survey_max, lang), lang),
    ));
    lines.push((
        t::label_total(lang).into(),
        t::out_of(&num2(r.total, lang), &num(r.max, lang), lang),
    ));
    let index = r.index.as_ref().map_or_else(
        || t::no_index(lang).to_string(),
        |i| format!("{} %", num2(i.rounded(), lang)),
    );
    lines.push((t::label_index(lang).into(), index));
    lines.push((
        t::label_band(lang).into(),
        r.band.clone().unwrap_or_else(|| "—".into()),
    ));
    let rank = match r.rank {
        Some(k) => t::rank_of(k, n.ranked, &n.group_name, provisional, lang),
        None if !r.ranked => t::not_ranked(lang).into(),
        None => "—".into(),
    };
    lines.push((t::label_rank(lang).into(), rank));
    if let Some(prev) = r.previous {
        // The exact comparison says whether it rose; the rounded change, by how much.
        let change = r.change.map(|c| {
            let trend = match r.rises {
                Some(true) => t::Trend::Up,
                _ if c.is_negative() => t::Trend::Down,
                _ => t::Trend::Flat,
            };
            let amount = if c.is_negative() { -c } else { c };
            (trend, num2(amount, lang))
        });
        lines.push((
            t::label_previous(n.year - 1, lang),
            t::previous(
                &num2(prev, lang),
                change.as_ref().map(|(t, a)| (*t, a.as_str())),
                &n.previous_note,
                lang,
            ),
        ));
    } else if !n.previous_note.is_empty() {
        // No figure to compare with (a new unit, or the council said so): say why.
        lines.push((
            t::label_previous(n.year - 1, lang),
            format!("— ({})", n.previous_note),
        ));
    }
    let widths = [3_600, TEXT_W - 3_600];
    let rows = lines
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                cell(label, widths[0], AlignmentType::Left, false),
                cell(value, widths[1], AlignmentType::Left, true),
            ])
            .cant_split()
        })
        .collect();
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
        .margins(cell_margins())
}

/// The self score as written in a table: points, or not applicable, or a dash.
fn self_text(s: Option<SelfScore>, lang: Lang) -> String {
    match s {
        Some(SelfScore::Points(p)) => num(p, lang),
        Some(SelfScore::NotApplicable) => t::claimed_na(lang).into(),
        None => "—".into(),
    }
}

/// The appraised score of an item as written in a table: points, or the state's name.
fn appraised_text(state: State, score: Option<Points>, lang: Lang) -> String {
    match (state, score) {
        (State::Agreed | State::Adjusted, Some(p)) => num(p, lang),
        (s, _) => state_label(s, lang).to_string(),
    }
}

/// The items the council changed: code, criterion, max, self, appraised, difference, comment.
fn changes_table(n: &NoticeData, lang: Lang) -> Option<Table> {
    let set = &n.set;
    let sheet = &n.sheet;
    let widths = [800, 2_700, 850, 850, 1_000, 900, TEXT_W - 7_100];
    let mut rows = Vec::new();
    for idx in set.item_indexes() {
        if !sheet.council_changed(set, idx) {
            continue;
        }
        let node = set.node(idx);
        let rec = &sheet.records[idx];
        let state = sheet.state(set, idx);
        let self_score = rec.self_entry.as_ref().map(|e| e.score);
        let decision = rec.decision.as_ref();
        let score = decision.and_then(|d| d.score);
        let difference = match (state, score) {
            (State::Adjusted, Some(a)) => {
                let s = self_score
                    .and_then(SelfScore::points)
                    .unwrap_or(Points::ZERO);
                signed(a - s, lang)
            }
            _ => "—".into(),
        };
        let comment = decision.map_or("", |d| d.comment.as_str());
        rows.push(TableRow::new(vec![
            cell(node.code.as_str(), widths[0], AlignmentType::Center, false),
            cell(&node.title, widths[1], AlignmentType::Left, false),
            cell(
                &num(node.max, lang),
                widths[2],
                AlignmentType::Center,
                false,
            ),
            cell(
                &self_text(self_score, lang),
                widths[3],
                AlignmentType::Center,
                false,
            ),
            cell(
                &appraised_text(state, score, lang),
                widths[4],
                AlignmentType::Center,
                true,
            ),
            cell(&difference, widths[5], AlignmentType::Center, false),
            cell(comment, widths[6], AlignmentType::Left, false),
        ]));
    }
    if rows.is_empty() {
        return None;
    }
    Some(table(
        &widths,
        &[
            t::col_code(lang),
            t::col_criterion(lang),
            t::col_max(lang),
            t::col_self(lang),
            t::col_appraised(lang),
            t::col_difference(lang),
            t::col_comment(lang),
        ],
        rows,
    ))
}

/// The full scoring sheet: every node of the tree (parents bold, with the sums of their
/// items: self and appraised points, an undecided item
/// counted at its self score as in the provisional result; the maximum is the set's, as
/// published), the fields' total, then the bonus and deduction items.
fn sheet_table(n: &NoticeData, lang: Lang) -> Table {
    let set = &n.set;
    let sheet = &n.sheet;
    let sums = sheet.node_sums(set);
    let widths = [800, 2_650, 850, 850, 1_000, 1_600, TEXT_W - 7_750];
    let mut rows = Vec::new();
    let mut regular_done = false;
    let totals = sheet.totals(set);
    let total_row = |rows: &mut Vec<TableRow>| {
        rows.push(
            TableRow::new(vec![
                cell("", widths[0], AlignmentType::Center, true),
                cell(t::fields_total(lang), widths[1], AlignmentType::Left, true),
                cell(
                    &num(set.appraisal_max, lang),
                    widths[2],
                    AlignmentType::Center,
                    true,
                ),
                cell(
                    &num(totals.tree.self_total, lang),
                    widths[3],
                    AlignmentType::Center,
                    true,
                ),
                cell(
                    &num(totals.tree.provisional, lang),
                    widths[4],
                    AlignmentType::Center,
                    true,
                ),
                cell("", widths[5], AlignmentType::Left, false),
                cell("", widths[6], AlignmentType::Left, false),
            ])
            .cant_split(),
        );
    };
    for (idx, node) in set.nodes().iter().enumerate() {
        if node.kind != ItemKind::Regular && !regular_done {
            total_row(&mut rows);
            regular_done = true;
        }
        // 3 mm more for each level below the fields.
        let indent = 170 * node.depth.saturating_sub(1) as i32;
        let title = &node.title;
        let cells = if node.is_item() {
            let rec = &sheet.records[idx];
            let state = sheet.state(set, idx);
            let self_score = rec.self_entry.as_ref().map(|e| e.score);
            let decision = rec.decision.as_ref();
            let note = rec.self_entry.as_ref().map_or("", |e| e.note.as_str());
            let comment = if sheet.na_by_set(set, idx) {
                t::na_by_set(lang)
            } else {
                decision.map_or("", |d| d.comment.as_str())
            };
            vec![
                cell(node.code.as_str(), widths[0], AlignmentType::Center, false),
                indented_cell(title, widths[1], AlignmentType::Left, false, indent),
                cell(
                    &num(node.max, lang),
                    widths[2],
                    AlignmentType::Center,
                    false,
                ),
                cell(
                    &self_text(self_score, lang),
                    widths[3],
                    AlignmentType::Center,
                    false,
                ),
                cell(
                    &appraised_text(state, decision.and_then(|d| d.score), lang),
                    widths[4],
                    AlignmentType::Center,
                    state == State::Adjusted,
                ),
                cell(note, widths[5], AlignmentType::Left, false),
                cell(comment, widths[6], AlignmentType::Left, false),
            ]
        } else {
            let s = &sums[idx];
            vec![
                cell(node.code.as_str(), widths[0], AlignmentType::Center, true),
                indented_cell(title, widths[1], AlignmentType::Left, true, indent),
                cell(&num(node.max, lang), widths[2], AlignmentType::Center, true),
                cell(
                    &num(s.self_total, lang),
                    widths[3],
                    AlignmentType::Center,
                    true,
                ),
                cell(
                    &num(s.provisional, lang),
                    widths[4],
                    AlignmentType::Center,
                    true,
                ),
                cell("", widths[5], AlignmentType::Left, false),
                cell("", widths[6], AlignmentType::Left, false),
            ]
        };
        rows.push(TableRow::new(cells));
    }
    if !regular_done {
        total_row(&mut rows);
    }
    table(
        &widths,
        &[
            t::col_code(lang),
            t::col_criterion(lang),
            t::col_max(lang),
            t::col_self(lang),
            t::col_appraised(lang),
            t::col_note(lang),
            t::col_comment(lang),
        ],
        rows,
    )
}

/// The signature block: recipients on the left, the council's signer on the right.
fn signature_block(n: &NoticeData, lang: Lang) -> Table {
    let left_w = 4_500;
    let right_w = TEXT_W - left_w;
    let small = |text: &str| {
        Paragraph::new()
            .add_run(run(text, 22))
            .line_spacing(spacing(0))
    };
    let left = TableCell::new()
        .width(left_w, WidthType::Dxa)
        .add_paragraph(
            Paragraph::new()
                .add_run(run(t::recipients(lang), 24).bold().italic())
                .line_spacing(spacing(0)),
        )
        .add_paragraph(small(&t::recipient_unit(&n.unit.name, lang)))
        .add_paragraph(small(t::archive(lang)));
    let right = TableCell::new()
        .width(right_w, WidthType::Dxa)
        .add_paragraph(centered(run(t::signer_for(lang), BODY).bold()))
        .add_paragraph(centered(run(t::signer(lang), BODY).bold()))
        .add_paragraph(centered(run(t::sign_here(lang), BODY).italic()))
        // Room for the signature and the seal.
        .add_paragraph(centered(run("", BODY)))
        .add_paragraph(centered(run("", BODY)))
        .add_paragraph(centered(run("", BODY)));
    Table::without_borders(vec![TableRow::new(vec![left, right]).cant_split()])
        .set_grid(vec![left_w, right_w])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
}

/// The notice as a Word document.
pub fn notice_docx(n: &NoticeData, opts: &NoticeOptions) -> std::io::Result<Vec<u8>> {
    let lang = opts.lang;
    let council = if opts.council.trim().is_empty() {
        t::default_council(lang)
    } else {
        opts.council.trim()
    };
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let page_number = Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center)
            .size(BODY),
    );
    let ledger = || {
        let footer = Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(run(
                    &t::ledger_footer(n.ledger.entries, &n.ledger.printed(), lang),
                    FOOTER,
                ))
                .align(AlignmentType::Center),
        );
        if n.set.source.is_illustrative() {
            footer.add_paragraph(
                Paragraph::new()
                    .add_run(run(t::illustrative_footer(lang), FOOTER))
                    .align(AlignmentType::Center),
            )
        } else {
            footer
        }
    };
    let unit_name = n.unit.name.as_str();
    let mut doc = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(TOP)
                .bottom(BOTTOM)
                .left(LEFT)
                .right(RIGHT)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        .header(page_number)
        .first_header(Header::new())
        .footer(ledger())
        .first_footer(ledger())
        .add_table(heading_block(council, lang))
        .add_paragraph(Paragraph::new().line_spacing(spacing(0)))
        .add_paragraph(
            centered(run(t::title(lang), BODY).bold())
                .line_spacing(LineSpacing::new().before(240).after(60).line(288)),
        )
        .add_paragraph(
            centered(run(&t::subtitle(n.year, unit_name, lang), BODY).bold())
                .line_spacing(LineSpacing::new().before(0).after(0).line(288)),
        )
        .add_paragraph(centered(run("―――――", BODY)))
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&t::to(unit_name, lang), BODY))
                .align(AlignmentType::Center)
                .line_spacing(spacing(120)),
        )
        .add_paragraph(body(&t::intro(n.year, &n.group_name, lang)))
        .add_paragraph(heading(t::section_result(lang)));
    let status = match n.mode {
        Mode::Final => t::final_result(lang).to_string(),
        Mode::Provisional => t::provisional_result(
            n.row.items - n.row.decided,
            n.row.items,
            n.group_items - n.group_decided,
            n.group_items,
            lang,
        ),
    };
    doc = doc.add_paragraph(
        Paragraph::new()
            .add_run(run(&status, BODY).bold().italic())
            .align(AlignmentType::Both)
            .line_spacing(body_spacing()),
    );
    if n.row.survey_missing {
        doc = doc.add_paragraph(body(t::survey_missing(lang)));
    }
    doc = doc
        .add_table(result_table(n, lang))
        .add_paragraph(heading(t::section_changes(lang)));
    doc = match changes_table(n, lang) {
        Some(table) => doc
            .add_paragraph(body(t::changes_intro(lang)).keep_next(true))
            .add_table(table),
        None => doc.add_paragraph(body(t::no_changes(lang))),
    };
    let flagged = n
        .set
        .item_indexes()
        .any(|i| n.sheet.state(&n.set, i) == State::ExplanationRequested);
    doc = doc.add_paragraph(heading(t::section_sheet(lang)));
    if n.mode == Mode::Provisional {
        doc = doc.add_paragraph(body(t::sheet_legend(lang)).keep_next(true));
    }
    doc = doc
        .add_table(sheet_table(n, lang))
        .add_paragraph(Paragraph::new().line_spacing(spacing(120)))
        .add_paragraph(body(t::closing(flagged, lang)))
        .add_paragraph(Paragraph::new().line_spacing(spacing(120)))
        .add_table(signature_block(n, lang));
    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(std::io::Error::other)?;
    deflate(&out.into_inner())
}

/// The same package with its parts compressed: `docx-rs` stores them as they are, which
/// makes a notice ten times larger than it needs to be.
fn deflate(stored: &[u8]) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut part = src.by_index(i)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, opts)?;
        } else {
            out.start_file(name, opts)?;
            std::io::copy(&mut part, &mut out)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// A header row is marked by a height of 1 twip "at least" (which changes nothing), since
/// `docx-rs` has no call for `<w:tblHeader/>`; the mark is then replaced by it.
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// Makes every marked row a header row, repeated at the top of each page its table runs
/// onto.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(document) {
        Ok(text) => text.replace(HEADER_MARK, "<w:tblHeader />").into_bytes(),
        Err(_) => document.to_vec(),
    }
}

/// The file of a unit's notice: its code, `.docx`.
pub fn file_name(unit: &UnitRow) -> String {
    format!("{}.docx", unit.code)
}

/// Writes each notice into `dir` (made if missing) through a temporary file and a rename,
/// so that a reader never sees half a document. The paths written, in order; on a failure,
/// the file that could not be written and why.
pub fn write_notices(
    dir: &Path,
    notices: &[NoticeData],
    opts: &NoticeOptions,
) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    write_notices_with(dir, notices, opts, &crate::progress::Silent)
}

/// The same, reporting each notice written to `progress`.
pub fn write_notices_with(
    dir: &Path,
    notices: &[NoticeData],
    opts: &NoticeOptions,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    std::fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))?;
    progress.stage(crate::progress::Stage::Notices, Some(notices.len() as u64));
    let mut written = Vec::with_capacity(notices.len());
    for n in notices {
        progress.advance(1);
        let path = dir.join(file_name(&n.unit));
        let result = notice_docx(n, opts).and_then(|bytes| {
            super::replace_file(&path, |tmp| std::io::Write::write_all(tmp, &bytes))
        });
        if let Err(e) = result {
            return Err((path, e));
        }
        written.push(path);
    }
    Ok(written)
}
