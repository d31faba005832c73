//! The council's submission of the year's ranking to the People's Committee
//! (`export submission`, Tờ trình số …/TTr-HĐTĐ): the band counts and mean of every group,
//! then each group's ranking. Numbered when the rankings are final; a draft (no number)
//! before. Laid out as the council's other documents (`super::docx`); the same figures go
//! to a sheet of the workbook (`workbook::submission`).

use super::docx::{self, BODY, Foot, Letterhead, TEXT_W, body, cell, heading, num2, run, table};
use crate::domain::council::{Council, DocKind, Issued};
use crate::domain::index::round2;
use crate::domain::ledger::Head;
use crate::domain::{Mode, Ranking};
use crate::words::{Lang, submission as t};
use docx_rs::{AlignmentType, Paragraph, Table, TableRow};
use std::path::Path;

/// One group of the submission: its code, name, band names (in the set's order) and ranking.
#[derive(Debug, Clone)]
pub struct SubmissionGroup {
    pub code: String,
    pub name: String,
    pub bands: Vec<String>,
    pub ranking: Ranking,
}

impl SubmissionGroup {
    /// How many units fall in each band (in `bands`' order), and how many have none.
    pub fn band_counts(&self, bands: &[String]) -> (Vec<usize>, usize) {
        let mut counts = vec![0; bands.len()];
        let mut none = 0;
        for row in &self.ranking.rows {
            match row
                .band
                .as_ref()
                .and_then(|b| bands.iter().position(|x| x == b))
            {
                Some(k) => counts[k] += 1,
                None => none += 1,
            }
        }
        (counts, none)
    }
}

/// What the submission says.
#[derive(Debug, Clone)]
pub struct SubmissionData {
    pub year: i32,
    pub groups: Vec<SubmissionGroup>,
    /// Final when every group's final ranking could be made.
    pub mode: Mode,
    pub ledger: Head,
    pub illustrative: bool,
    /// The number and day of issue; none for a draft.
    pub issued: Option<Issued>,
}

impl SubmissionData {
    /// Every band name of the groups, in the order they first appear.
    pub fn band_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for g in &self.groups {
            for b in &g.bands {
                if !out.contains(b) {
                    out.push(b.clone());
                }
            }
        }
        out
    }

    pub fn units(&self) -> usize {
        self.groups.iter().map(|g| g.ranking.rows.len()).sum()
    }
}

/// A group's mean index, to the hundredth: `87,17`.
pub fn mean_text(g: &SubmissionGroup, lang: Lang) -> String {
    g.ranking
        .mean
        .map_or_else(|| "—".into(), |m| num2(round2(m), lang))
}

/// The band counts of every group, then their sum.
fn bands_table(s: &SubmissionData, lang: Lang) -> Table {
    let bands = s.band_names();
    let fixed = 2_900 + 1_100 + 1_300;
    let per = (TEXT_W - fixed) / (bands.len() + 1);
    let mut widths = vec![2_900, 1_100];
    widths.extend(std::iter::repeat_n(per, bands.len() + 1));
    widths.push(TEXT_W - fixed - per * (bands.len() + 1) + 1_300);
    let mut header: Vec<&str> = vec![t::col_group(lang), t::col_units(lang)];
    header.extend(bands.iter().map(String::as_str));
    header.push(t::col_not_ranked(lang));
    header.push(t::col_mean(lang));
    let mut rows = Vec::new();
    let mut sum = vec![0usize; bands.len() + 2];
    for g in &s.groups {
        let (counts, none) = g.band_counts(&bands);
        let mut cells = vec![
            cell(&g.name, widths[0], AlignmentType::Left, false),
            cell(
                &g.ranking.rows.len().to_string(),
                widths[1],
                AlignmentType::Center,
                false,
            ),
        ];
        sum[0] += g.ranking.rows.len();
        for (k, c) in counts.iter().chain(std::iter::once(&none)).enumerate() {
            sum[k + 1] += c;
            cells.push(cell(
                &c.to_string(),
                widths[k + 2],
                AlignmentType::Center,
                false,
            ));
        }
        cells.push(cell(
            &mean_text(g, lang),
            widths[widths.len() - 1],
            AlignmentType::Center,
            false,
        ));
        rows.push(TableRow::new(cells));
    }
    let mut cells = vec![cell(
        t::total_row(lang),
        widths[0],
        AlignmentType::Left,
        true,
    )];
    for (k, c) in sum.iter().enumerate() {
        cells.push(cell(
            &c.to_string(),
            widths[k + 1],
            AlignmentType::Center,
            true,
        ));
    }
    cells.push(cell(
        "",
        widths[widths.len() - 1],
        AlignmentType::Center,
        true,
    ));
    rows.push(TableRow::new(cells));
    table(&widths, &header, rows)
}

/// One group's ranking: rank, unit, appraisal, survey, total, index, band.
fn ranking_table(g: &SubmissionGroup, lang: Lang) -> Table {
    let widths = [1_000, TEXT_W - 5_900, 1_000, 1_000, 1_000, 1_000, 900];
    let rows = g
        .ranking
        .rows
        .iter()
        .map(|r| {
            let rank = match r.rank {
                Some(k) => k.to_string(),
                None if !r.ranked => t::not_ranked(lang).to_string(),
                None => "—".into(),
            };
            let index = r
                .index
                .as_ref()
                .map_or_else(|| "—".into(), |i| num2(i.rounded(), lang));
            TableRow::new(vec![
                cell(&rank, widths[0], AlignmentType::Center, false),
                cell(&r.name, widths[1], AlignmentType::Left, false),
                cell(
                    &num2(r.appraised, lang),
                    widths[2],
                    AlignmentType::Center,
                    false,
                ),
                cell(
                    &num2(r.survey, lang),
                    widths[3],
                    AlignmentType::Center,
                    false,
                ),
                cell(
                    &num2(r.total, lang),
                    widths[4],
                    AlignmentType::Center,
                    false,
                ),
                cell(&index, widths[5], AlignmentType::Center, true),
                cell(
                    r.band.as_deref().unwrap_or("—"),
                    widths[6],
                    AlignmentType::Center,
                    false,
                ),
            ])
        })
        .collect();
    table(
        &widths,
        &[
            t::col_rank(lang),
            t::col_unit(lang),
            t::col_appraised(lang),
            t::col_survey(lang),
            t::col_total(lang),
            t::col_index(lang),
            t::col_band(lang),
        ],
        rows,
    )
}

/// The submission as a Word document.
pub fn submission_docx(
    s: &SubmissionData,
    council: &Council,
    name_override: Option<&str>,
    lang: Lang,
) -> std::io::Result<Vec<u8>> {
    let foot = Foot {
        ledger: s.ledger,
        illustrative: s.illustrative,
    };
    let head = Letterhead {
        council,
        name_override,
        issued: s.issued.as_ref(),
        series: council.series(DocKind::Submission),
    };
    let mut doc = docx::document(&foot, lang).add_table(docx::heading_block(&head, lang));
    doc = docx::title(
        doc,
        s.issued.is_none(),
        t::title(lang),
        &t::subtitle(s.year, lang),
        lang,
    )
    .add_paragraph(
        Paragraph::new()
            .add_run(run(&t::to(&council.parent, lang), BODY))
            .align(AlignmentType::Center)
            .line_spacing(docx::spacing(120)),
    );
    if s.mode == Mode::Provisional {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(run(t::provisional(lang), BODY).bold().italic())
                .align(AlignmentType::Both)
                .line_spacing(docx::body_spacing()),
        );
    }
    doc = doc
        .add_paragraph(body(&t::intro(s.year, s.groups.len(), s.units(), lang)))
        .add_paragraph(heading(t::section_bands(lang)))
        .add_paragraph(body(t::bands_intro(lang)).keep_next(true))
        .add_table(bands_table(s, lang))
        .add_paragraph(heading(t::section_ranking(lang)));
    for (k, g) in s.groups.iter().enumerate() {
        doc = doc
            .add_paragraph(heading(&t::group_heading(
                k + 1,
                &g.name,
                g.ranking.rows.len(),
                lang,
            )))
            .add_table(ranking_table(g, lang));
    }
    let recipients = [t::as_above(lang).to_string()];
    doc = doc
        .add_paragraph(docx::gap(120))
        // The closing sentence stays on the page of the signature.
        .add_paragraph(body(&t::closing(s.year, lang)).keep_next(true))
        .add_paragraph(docx::gap(120).keep_next(true))
        .add_table(docx::signature_block(&recipients, council, lang));
    docx::finish(doc)
}

/// Writes the submission to `path` (through a temporary file and a rename), checked once
/// written.
pub fn write_submission(
    path: &Path,
    s: &SubmissionData,
    council: &Council,
    name_override: Option<&str>,
    lang: Lang,
) -> std::io::Result<()> {
    let bytes = submission_docx(s, council, name_override, lang)?;
    docx::write_checked(path, &bytes)
}
