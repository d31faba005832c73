//! Each unit's notice of its appraisal (`export notices`): a Word document laid out as the
//! council's documents are (`super::docx`: A4, Nghị định 30/2020/NĐ-CP), under its number
//! (`12/TB-HĐTĐ`) and date of issue.
//!
//! It holds the unit's result (appraisal points, survey, total, index, band, rank, said
//! plainly to be provisional or final), the items the council changed, and the full scoring
//! sheet; the footer of every page gives the ledger's head the figures were read at
//! (`thamdinh verify --head` checks it). Nothing here reads the database: the figures come in
//! a [`NoticeData`].

use super::docx::{
    self, BODY, Foot, Letterhead, TEXT_W, body, body_spacing, cell, heading, indented_cell, num,
    num2, run, signed, spacing, table,
};
use crate::domain::council::{Council, DocKind, Issued};
use crate::domain::criteria::ItemKind;
use crate::domain::ledger::Head;
use crate::domain::{CriteriaSet, Mode, Points, RankRow, SelfScore, Sheet, State};
use crate::store::UnitRow;
use crate::words::{Lang, notices as t, state_label};
use docx_rs::{AlignmentType, Paragraph, Table, TableRow};
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
    /// The notice's number and day of issue (none: left blank to fill in by hand).
    pub issued: Option<Issued>,
}

/// How the notices are written.
#[derive(Debug, Clone)]
pub struct NoticeOptions {
    /// The council's settings of the year: its name, place, signer.
    pub council: Council,
    /// `--council`: the issuing body for this export instead of the settings' name.
    pub name_override: Option<String>,
    pub lang: Lang,
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
    docx::label_table(&lines)
}

/// The self score as written in a table: points, or not applicable, or a dash.
pub(super) fn self_text(s: Option<SelfScore>, lang: Lang) -> String {
    match s {
        Some(SelfScore::Points(p)) => num(p, lang),
        Some(SelfScore::NotApplicable) => t::claimed_na(lang).into(),
        None => "—".into(),
    }
}

/// The appraised score of an item as written in a table: points, or the state's name.
pub(super) fn appraised_text(state: State, score: Option<Points>, lang: Lang) -> String {
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

/// The notice as a Word document.
pub fn notice_docx(n: &NoticeData, opts: &NoticeOptions) -> std::io::Result<Vec<u8>> {
    let lang = opts.lang;
    let foot = Foot {
        ledger: n.ledger,
        illustrative: n.set.source.is_illustrative(),
    };
    let head = Letterhead {
        council: &opts.council,
        name_override: opts.name_override.as_deref(),
        issued: n.issued.as_ref(),
        series: opts.council.series(DocKind::Notice),
    };
    let unit_name = n.unit.name.as_str();
    let mut doc = docx::document(&foot, lang).add_table(docx::heading_block(&head, lang));
    doc = docx::title(
        doc,
        false,
        t::title(lang),
        &t::subtitle(n.year, unit_name, lang),
        lang,
    )
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
    let recipients = [t::recipient_unit(unit_name, lang)];
    doc = doc
        .add_table(sheet_table(n, lang))
        .add_paragraph(docx::gap(120))
        .add_paragraph(body(t::closing(flagged, lang)).keep_next(true))
        .add_paragraph(docx::gap(120).keep_next(true))
        .add_table(docx::signature_block(&recipients, &opts.council, lang));
    docx::finish(doc)
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

/// The same, reporting each notice written to `progress`; each is read back and checked
/// (every XML part well formed, nothing XML 1.0 forbids).
pub fn write_notices_with(
    dir: &Path,
    notices: &[NoticeData],
    opts: &NoticeOptions,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    progress.stage(crate::progress::Stage::Notices, Some(notices.len() as u64));
    docx::write_all(
        dir,
        notices
            .iter()
            .map(|n| (file_name(&n.unit), notice_docx(n, opts))),
        progress,
    )
}
