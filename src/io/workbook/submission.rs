//! The submission sheet: the figures of the council's submission to the People's Committee
//! (`export submission`) — every group's band counts and mean, then each group's ranking —
//! numbers as number cells, as the rest of the workbook.

use super::{Book, count, maybe, page_setup, text, width_for};
use crate::domain::index::round2;
use crate::io::submission::SubmissionData;
use crate::words::submission as t;
use rust_xlsxwriter::{ColNum, RowNum, XlsxError};

impl Book {
    /// The submission sheet, its two blocks one under the other.
    pub fn submission(&mut self, s: &SubmissionData) -> Result<(), XlsxError> {
        let lang = self.lang;
        let ledger = self.ledger.clone();
        let (ws, st) = self.add_sheet(t::sheet_name(lang), false)?;
        let provisional = s.mode == crate::domain::Mode::Provisional;
        text(
            ws,
            0,
            0,
            &t::sheet_title(s.year, provisional, lang),
            &st.title,
        )?;
        let longest = s
            .groups
            .iter()
            .flat_map(|g| {
                g.ranking
                    .rows
                    .iter()
                    .map(|r| r.name.chars().count())
                    .chain(std::iter::once(g.name.chars().count()))
            })
            .max()
            .unwrap_or(20);
        ws.set_column_width(0, 9.0)?;
        ws.set_column_width(1, width_for(longest, 28.0, 48.0))?;
        for col in 2..10 {
            ws.set_column_width(col as ColNum, 12.0)?;
        }
        let head = |ws: &mut rust_xlsxwriter::Worksheet, row: RowNum, cells: &[&str]| {
            cells
                .iter()
                .enumerate()
                .try_for_each(|(c, h)| text(ws, row, c as ColNum, h, &st.head))
        };

        // The band counts of each group, and its mean.
        let bands = s.band_names();
        let mut row: RowNum = 2;
        text(ws, row, 0, t::section_bands(lang), &st.subtitle)?;
        row += 1;
        let mut cells: Vec<&str> = vec!["", t::col_group(lang), t::col_units(lang)];
        cells.extend(bands.iter().map(String::as_str));
        cells.push(t::col_not_ranked(lang));
        cells.push(t::col_mean(lang));
        head(ws, row, &cells)?;
        page_setup(ws, (row, row), 0)?;
        let mut sums = vec![0usize; bands.len() + 2];
        for (k, g) in s.groups.iter().enumerate() {
            row += 1;
            let (counts, none) = g.band_counts(&bands);
            count(ws, row, 0, k + 1, &st.int)?;
            text(ws, row, 1, &g.name, &st.text)?;
            count(ws, row, 2, g.ranking.rows.len(), &st.int)?;
            sums[0] += g.ranking.rows.len();
            for (i, c) in counts.iter().chain(std::iter::once(&none)).enumerate() {
                count(ws, row, (3 + i) as ColNum, *c, &st.int)?;
                sums[i + 1] += c;
            }
            maybe(
                ws,
                row,
                (4 + bands.len()) as ColNum,
                g.ranking.mean.map(round2),
                &st.num,
            )?;
        }
        row += 1;
        text(ws, row, 1, t::total_row(lang), &st.text_bold)?;
        for (i, c) in sums.iter().enumerate() {
            count(ws, row, (2 + i) as ColNum, *c, &st.int_bold)?;
        }

        // Each group's ranking.
        row += 2;
        text(ws, row, 0, t::section_ranking(lang), &st.subtitle)?;
        for (k, g) in s.groups.iter().enumerate() {
            row += 2;
            text(
                ws,
                row,
                0,
                &t::group_heading(k + 1, &g.name, g.ranking.rows.len(), lang),
                &st.label_bold,
            )?;
            row += 1;
            head(
                ws,
                row,
                &[
                    t::col_rank(lang),
                    t::col_unit(lang),
                    t::col_appraised(lang),
                    t::col_survey(lang),
                    t::col_total(lang),
                    t::col_index(lang),
                    t::col_band(lang),
                ],
            )?;
            for r in &g.ranking.rows {
                row += 1;
                match r.rank {
                    Some(k) => count(ws, row, 0, k, &st.int)?,
                    None if !r.ranked => text(ws, row, 0, t::not_ranked(lang), &st.center)?,
                    None => text(ws, row, 0, "—", &st.center)?,
                }
                text(ws, row, 1, &r.name, &st.text)?;
                maybe(ws, row, 2, Some(r.appraised), &st.num)?;
                maybe(ws, row, 3, Some(r.survey), &st.num)?;
                maybe(ws, row, 4, Some(r.total), &st.num)?;
                maybe(
                    ws,
                    row,
                    5,
                    r.index.as_ref().map(|i| i.rounded()),
                    &st.num_bold,
                )?;
                text(ws, row, 6, r.band.as_deref().unwrap_or("—"), &st.center)?;
            }
        }
        if let Some(line) = ledger {
            row += 2;
            text(ws, row, 0, &line, &st.note)?;
        }
        Ok(())
    }
}
