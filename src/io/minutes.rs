//! The minutes of the appraisal of each unit (`export minutes`, biên bản thẩm định): the
//! members present (from the fields assigned for the year and the decisions recorded), the
//! items the council changed with its comments and the unit's explanations, and the agreed
//! result. Numbered (`5/BB-HĐTĐ`) once every item of the unit is decided; a draft without a
//! number before. Laid out as the council's other documents (`super::docx`).

use super::docx::{
    self, BODY, Foot, Letterhead, TEXT_W, body, cell, heading, num, num2, run, table,
};
use super::notices::{NoticeData, appraised_text, self_text};
use crate::domain::State;
use crate::domain::council::{Council, DocKind, Issued};
use crate::words::{Lang, minutes as t, notices as n};
use docx_rs::{AlignmentType, Paragraph, Table, TableRow};
use std::path::{Path, PathBuf};

/// A member of the council as the minutes list them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    /// The fields assigned in the unit's group (`2. Văn bản QPPL`); empty: none of their own.
    pub fields: Vec<String>,
    /// The unit's items this member decided.
    pub decided: usize,
}

/// What one unit's minutes say: the unit's figures (as its notice has them), who took part,
/// and the number when the unit is fully decided.
#[derive(Debug, Clone)]
pub struct MinutesData {
    pub unit: NoticeData,
    pub members: Vec<Member>,
    pub issued: Option<Issued>,
}

impl MinutesData {
    /// Every item of the unit decided, none awaiting an explanation: the minutes can be
    /// issued (numbered); before that they are a draft.
    pub fn is_complete(&self) -> bool {
        let (decided, items) = self.decided();
        decided == items
    }

    /// The unit's items decided (an explanation request counts as open).
    fn decided(&self) -> (usize, usize) {
        let n = &self.unit;
        let mut items = 0;
        let mut decided = 0;
        for i in n.set.item_indexes() {
            if n.sheet.na_by_set(&n.set, i) {
                continue;
            }
            items += 1;
            if !matches!(
                n.sheet.state(&n.set, i),
                State::Undecided | State::ExplanationRequested
            ) {
                decided += 1;
            }
        }
        (decided, items)
    }
}

/// The members: name, fields, items decided.
fn members_table(m: &MinutesData, lang: Lang) -> Table {
    let widths = [700, 3_300, TEXT_W - 5_900, 1_900];
    let rows = m
        .members
        .iter()
        .enumerate()
        .map(|(i, member)| {
            let fields = if member.fields.is_empty() {
                t::all_fields(lang).to_string()
            } else {
                member.fields.join("\n")
            };
            TableRow::new(vec![
                cell(
                    &(i + 1).to_string(),
                    widths[0],
                    AlignmentType::Center,
                    false,
                ),
                cell(&member.name, widths[1], AlignmentType::Left, false),
                cell(&fields, widths[2], AlignmentType::Left, false),
                cell(
                    &member.decided.to_string(),
                    widths[3],
                    AlignmentType::Center,
                    false,
                ),
            ])
        })
        .collect();
    table(
        &widths,
        &[
            t::col_no(lang),
            t::col_member(lang),
            t::col_fields(lang),
            t::col_decided(lang),
        ],
        rows,
    )
}

/// The items the council changed, with its comment and the unit's explanation.
fn changes_table(m: &MinutesData, lang: Lang) -> Option<Table> {
    let u = &m.unit;
    let (set, sheet) = (&u.set, &u.sheet);
    let widths = [750, 2_150, 800, 950, 2_350, TEXT_W - 7_000];
    let mut rows = Vec::new();
    for idx in set.item_indexes() {
        if !sheet.council_changed(set, idx) {
            continue;
        }
        let node = set.node(idx);
        let rec = &sheet.records[idx];
        let decision = rec.decision.as_ref();
        let explanation = rec.explanation.as_ref().map_or("", |e| e.text.as_str());
        rows.push(TableRow::new(vec![
            cell(node.code.as_str(), widths[0], AlignmentType::Center, false),
            cell(&node.title, widths[1], AlignmentType::Left, false),
            cell(
                &self_text(rec.self_entry.as_ref().map(|e| e.score), lang),
                widths[2],
                AlignmentType::Center,
                false,
            ),
            cell(
                &appraised_text(sheet.state(set, idx), decision.and_then(|d| d.score), lang),
                widths[3],
                AlignmentType::Center,
                true,
            ),
            cell(
                decision.map_or("", |d| d.comment.as_str()),
                widths[4],
                AlignmentType::Left,
                false,
            ),
            cell(explanation, widths[5], AlignmentType::Left, false),
        ]));
    }
    if rows.is_empty() {
        return None;
    }
    Some(table(
        &widths,
        &[
            n::col_code(lang),
            n::col_criterion(lang),
            n::col_self(lang),
            n::col_appraised(lang),
            n::col_comment(lang),
            t::col_explanation(lang),
        ],
        rows,
    ))
}

/// The agreed result: self points, appraisal points, survey, total, index, band.
fn result_table(m: &MinutesData, lang: Lang) -> Table {
    let u = &m.unit;
    let r = &u.row;
    let totals = u.sheet.totals(&u.set);
    let index = r.index.as_ref().map_or_else(
        || n::no_index(lang).to_string(),
        |i| format!("{} %", num2(i.rounded(), lang)),
    );
    let lines = [
        (
            t::label_self(lang).to_string(),
            n::out_of(
                &num2(totals.tree.self_total, lang),
                &num(totals.tree.max, lang),
                lang,
            ),
        ),
        (
            n::label_appraised(lang).to_string(),
            n::out_of(&num2(r.appraised, lang), &num(totals.tree.max, lang), lang),
        ),
        (
            n::label_survey(lang).to_string(),
            n::out_of(&num2(r.survey, lang), &num(u.set.survey_max, lang), lang),
        ),
        (
            n::label_total(lang).to_string(),
            n::out_of(&num2(r.total, lang), &num(r.max, lang), lang),
        ),
        (n::label_index(lang).to_string(), index),
        (
            n::label_band(lang).to_string(),
            r.band.clone().unwrap_or_else(|| "—".into()),
        ),
    ];
    docx::label_table(&lines)
}

/// The minutes as a Word document.
pub fn minutes_docx(
    m: &MinutesData,
    council: &Council,
    name_override: Option<&str>,
    lang: Lang,
) -> std::io::Result<Vec<u8>> {
    let u = &m.unit;
    let foot = Foot {
        ledger: u.ledger,
        illustrative: u.set.source.is_illustrative(),
    };
    let head = Letterhead {
        council,
        name_override,
        issued: m.issued.as_ref(),
        series: council.series(DocKind::Minutes),
    };
    let unit_name = u.unit.name.as_str();
    let (decided, items) = m.decided();
    let complete = decided == items;
    let mut doc = docx::document(&foot, lang).add_table(docx::heading_block(&head, lang));
    doc = docx::title(
        doc,
        m.issued.is_none(),
        t::title(lang),
        &t::subtitle(u.year, unit_name, lang),
        lang,
    )
    .add_paragraph(docx::gap(120))
    .add_paragraph(body(&t::intro(u.year, unit_name, &u.group_name, lang)))
    .add_paragraph(heading(t::section_present(lang)))
    .add_paragraph(body(t::members_heading(lang)).keep_next(true));
    doc = if m.members.is_empty() {
        doc.add_paragraph(body(t::no_members(lang)))
    } else {
        doc.add_table(members_table(m, lang))
    };
    doc = doc
        .add_paragraph(docx::gap(60))
        .add_paragraph(body(t::unit_heading(lang)).keep_next(true))
        .add_paragraph(
            Paragraph::new()
                .add_run(run(t::unit_line(lang), BODY))
                .indent(Some(567), None, None, None)
                .line_spacing(docx::body_spacing()),
        )
        .add_paragraph(heading(t::section_content(lang)))
        .add_paragraph(body(&t::progress(decided, items, lang)));
    doc = match changes_table(m, lang) {
        Some(table) => doc
            .add_paragraph(body(t::changes_intro(lang)).keep_next(true))
            .add_table(table),
        None => doc.add_paragraph(body(t::no_changes(lang))),
    };
    doc = doc
        .add_paragraph(heading(t::section_result(lang)))
        .add_table(result_table(m, lang))
        .add_paragraph(docx::gap(120))
        .add_paragraph(body(t::agreed(complete, lang)))
        .add_paragraph(body(t::closing(lang)).keep_next(true))
        .add_paragraph(docx::gap(120).keep_next(true))
        .add_table(docx::two_signatures(t::for_unit(lang), council, lang));
    docx::finish(doc)
}

/// The file of a unit's minutes: its code, `.docx`.
pub fn file_name(m: &MinutesData) -> String {
    super::notices::file_name(&m.unit.unit)
}

/// Writes each unit's minutes into `dir` (made if missing), each checked once written.
pub fn write_minutes(
    dir: &Path,
    minutes: &[MinutesData],
    council: &Council,
    name_override: Option<&str>,
    lang: Lang,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    progress.stage(crate::progress::Stage::Notices, Some(minutes.len() as u64));
    docx::write_all(
        dir,
        minutes
            .iter()
            .map(|m| (file_name(m), minutes_docx(m, council, name_override, lang))),
        progress,
    )
}
