//! The sheets of one group: results (the ranking with points per field), fields (percent of
//! each field, coloured by band) and criteria (points per criterion and unit).

use super::{Book, count, height_for, maybe, number, page_setup, text, width_for};
use crate::domain::criteria::Band;
use crate::domain::index::round2;
use crate::domain::{CriteriaSet, GroupBreakdown, Ranking, UnitBreakdown, UnitCode};
use crate::words::{Lang, documents as t};
use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};
use std::collections::HashMap;

/// What the group's sheets are written from.
pub struct GroupData<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub set: &'a CriteriaSet,
    pub ranking: &'a Ranking,
    pub breakdown: &'a GroupBreakdown,
    /// How a unit's figure of last year was found, when not its own index (by unit code):
    /// the figure is marked `*` and the note written under the table.
    pub notes: &'a HashMap<String, String>,
}

impl GroupData<'_> {
    fn by_unit(&self) -> HashMap<&UnitCode, &UnitBreakdown> {
        self.breakdown.units.iter().map(|u| (&u.unit, u)).collect()
    }

    pub(super) fn longest_name(&self) -> usize {
        self.ranking
            .rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(10)
    }

    pub(super) fn longest_code(&self) -> usize {
        self.ranking
            .rows
            .iter()
            .map(|r| r.unit.as_str().len())
            .max()
            .unwrap_or(4)
    }

    /// `Kết quả – Sở, ban, ngành`: the group's short name when its set has one.
    pub(super) fn sheet_name(&self, prefix: &str) -> String {
        let name = self.set.short_name.as_deref().unwrap_or(self.name);
        format!("{prefix} – {name}")
    }
}

/// Title rows common to the group's sheets; returns the first free row.
pub(super) fn titles(
    ws: &mut Worksheet,
    st: &super::Styles,
    title: &str,
    g: &GroupData,
    lang: Lang,
) -> Result<RowNum, XlsxError> {
    text(ws, 0, 0, title, &st.title)?;
    let group = t::group_line(g.name, g.ranking.rows.len(), lang);
    text(ws, 1, 0, &group, &st.subtitle)?;
    let mode = t::mode_line(g.ranking.mode, g.ranking.decided, g.ranking.items, lang);
    text(ws, 2, 0, &mode, &st.note)?;
    Ok(4)
}

/// Writes a header row at `row`: its cells and a height that shows them whole.
pub(super) fn header(
    ws: &mut Worksheet,
    st: &super::Styles,
    row: RowNum,
    cells: &[(String, f64)],
) -> Result<(), XlsxError> {
    let sized: Vec<(&str, f64)> = cells.iter().map(|(s, w)| (s.as_str(), *w)).collect();
    ws.set_row_height(row, height_for(&sized, 14.0))?;
    for (col, (s, w)) in cells.iter().enumerate() {
        let col = col as ColNum;
        ws.set_column_width(col, *w)?;
        text(ws, row, col, s, &st.head)?;
    }
    Ok(())
}

const FIELD_WIDTH: f64 = 14.0;
const NUMBER_WIDTH: f64 = 10.5;

impl Book {
    /// The results sheet of a group: the ranking with the points of every field, the group
    /// mean and the source document's two targets under it.
    pub fn results(&mut self, g: &GroupData) -> Result<(), XlsxError> {
        let (lang, year) = (self.lang, self.year);
        let ledger = self.ledger.clone();
        let name = g.sheet_name(t::results_sheet(lang));
        let (ws, st) = self.add_sheet(&name, true)?;
        let set = g.set;
        let outline = &g.breakdown.outline;
        let by_unit = g.by_unit();
        let head_row = titles(ws, st, &t::results_title(year, lang), g, lang)?;

        let name_width = width_for(g.longest_name(), 24.0, 42.0);
        let mut cells: Vec<(String, f64)> = vec![
            (t::rank(lang).into(), 6.0),
            (t::code(lang).into(), width_for(g.longest_code(), 7.0, 14.0)),
            (t::unit(lang).into(), name_width),
        ];
        for &f in &outline.fields {
            let node = set.node(f);
            let short = t::short_title(&node.title, 50);
            cells.push((
                t::field_header(node.code.as_str(), &short, node.max, lang),
                FIELD_WIDTH,
            ));
        }
        cells.push((t::appraisal_points(lang).into(), NUMBER_WIDTH));
        if set.bonus.is_some() {
            cells.push((t::bonus(lang).into(), NUMBER_WIDTH));
        }
        if set.deduction.is_some() {
            cells.push((t::deduction(lang).into(), NUMBER_WIDTH));
        }
        for h in [
            t::survey(lang),
            t::total(lang),
            t::applicable_max(lang),
            t::index(lang),
            t::band(lang),
            t::previous_index(lang),
            t::change(lang),
        ] {
            cells.push((h.into(), NUMBER_WIDTH));
        }
        let last_col = (cells.len() - 1) as ColNum;
        let index_col = last_col - 3;
        header(ws, st, head_row, &cells)?;

        let mut row = head_row;
        for r in &g.ranking.rows {
            row += 1;
            let b = by_unit.get(&r.unit);
            match r.rank {
                Some(n) => count(ws, row, 0, n, &st.int)?,
                None => text(ws, row, 0, t::DOES_NOT_APPLY, &st.center)?,
            }
            text(ws, row, 1, r.unit.as_str(), &st.text)?;
            text(ws, row, 2, &r.name, &st.wrap)?;
            let mut col: ColNum = 3;
            for f in 0..outline.fields.len() {
                match b.map(|b| b.fields[f]) {
                    Some(s) if s.applies() => number(ws, row, col, s.points, &st.num)?,
                    _ => text(ws, row, col, t::DOES_NOT_APPLY, &st.center)?,
                }
                col += 1;
            }
            let totals = b.map(|b| b.totals).unwrap_or_default();
            number(ws, row, col, totals.tree.provisional, &st.num)?;
            col += 1;
            if set.bonus.is_some() {
                number(ws, row, col, totals.bonus, &st.num)?;
                col += 1;
            }
            if set.deduction.is_some() {
                number(ws, row, col, totals.deduction, &st.num)?;
                col += 1;
            }
            maybe(
                ws,
                row,
                col,
                (!r.survey_missing).then_some(r.survey),
                &st.num,
            )?;
            number(ws, row, col + 1, r.total, &st.num)?;
            number(ws, row, col + 2, r.max, &st.num)?;
            maybe(ws, row, col + 3, r.index.map(|i| i.rounded()), &st.num_bold)?;
            text(
                ws,
                row,
                col + 4,
                r.band.as_deref().unwrap_or(""),
                &st.center,
            )?;
            match (r.previous, g.notes.contains_key(r.unit.as_str())) {
                (p, false) => maybe(ws, row, col + 5, p, &st.num)?,
                (Some(p), true) => number(ws, row, col + 5, p, &st.num_marked)?,
                (None, true) => text(ws, row, col + 5, "—*", &st.center)?,
            }
            maybe(ws, row, col + 6, r.change, &st.change)?;
        }
        let last_row = row;
        ws.autofilter(head_row, 0, last_row.max(head_row), last_col)?;
        page_setup(ws, (head_row, head_row), 3)?;

        // Under the table: the group mean, the two targets, the not-ranked mark.
        row += 2;
        text(ws, row, 2, t::group_mean(lang), &st.text_bold)?;
        maybe(ws, row, index_col, g.ranking.mean.map(round2), &st.num_bold)?;
        row += 1;
        let compared: Vec<_> = g
            .ranking
            .rows
            .iter()
            .filter(|r| r.rises.is_some())
            .collect();
        let rose = compared.iter().filter(|r| r.rises == Some(true)).count();
        let not_yet: Vec<String> = compared
            .iter()
            .filter(|r| r.rises == Some(false))
            .map(|r| r.unit.to_string())
            .collect();
        text(
            ws,
            row,
            0,
            &t::target_rise(rose, compared.len(), &not_yet, lang),
            &st.label_bold,
        )?;
        row += 1;
        let mean = g.ranking.mean.map(round2);
        text(
            ws,
            row,
            0,
            &t::target_mean(mean, g.ranking.province_previous, lang),
            &st.label_bold,
        )?;
        if g.ranking.rows.iter().any(|r| r.rank.is_none()) {
            row += 1;
            text(ws, row, 0, t::not_ranked_note(lang), &st.note)?;
        }
        let units = g.ranking.rows.iter().map(|r| r.unit.as_str());
        for line in t::previous_note_lines(units, g.notes) {
            row += 1;
            text(ws, row, 0, &line, &st.note)?;
        }
        if let Some(line) = &ledger {
            row += 1;
            text(ws, row, 0, line, &st.note)?;
        }
        Ok(())
    }

    /// The fields sheet of a group: each unit's percent of each field's applicable maximum,
    /// with its band letter and fill, the group mean per field and the units per band.
    pub fn fields(&mut self, g: &GroupData) -> Result<(), XlsxError> {
        let (lang, year) = (self.lang, self.year);
        let name = g.sheet_name(t::fields_sheet(lang));
        let (ws, st) = self.add_sheet(&name, true)?;
        let set = g.set;
        let outline = &g.breakdown.outline;
        let by_unit = g.by_unit();
        let n_bands = set.bands.len();
        let band_styles: Vec<_> = set
            .bands
            .iter()
            .enumerate()
            .map(|(i, b)| st.band(&b.code, i, n_bands))
            .collect();
        let head_row = titles(ws, st, &t::fields_title(year, lang), g, lang)?;
        let mut cells: Vec<(String, f64)> = vec![
            (t::rank(lang).into(), 6.0),
            (t::code(lang).into(), width_for(g.longest_code(), 7.0, 14.0)),
            (
                t::unit(lang).into(),
                width_for(g.longest_name(), 24.0, 42.0),
            ),
        ];
        for &f in &outline.fields {
            let node = set.node(f);
            let short = t::short_title(&node.title, 50);
            cells.push((
                t::field_header(node.code.as_str(), &short, node.max, lang),
                FIELD_WIDTH,
            ));
        }
        cells.push((t::index(lang).into(), FIELD_WIDTH));
        let last_col = (cells.len() - 1) as ColNum;
        header(ws, st, head_row, &cells)?;

        // A percent with its band's style; "—" when nothing applies.
        let percent = |ws: &mut Worksheet,
                       row: RowNum,
                       col: ColNum,
                       index: Option<crate::domain::Index>|
         -> Result<(), XlsxError> {
            match index {
                Some(i) => {
                    let band = Band::of_index(&set.bands, &i);
                    let style = band.map_or(&st.num, |b| &band_styles[b]);
                    number(ws, row, col, i.rounded(), style)
                }
                None => text(ws, row, col, t::DOES_NOT_APPLY, &st.center),
            }
        };
        let mut row = head_row;
        let mut index_bands = vec![0usize; n_bands];
        for r in &g.ranking.rows {
            row += 1;
            match r.rank {
                Some(n) => count(ws, row, 0, n, &st.int)?,
                None => text(ws, row, 0, t::DOES_NOT_APPLY, &st.center)?,
            }
            text(ws, row, 1, r.unit.as_str(), &st.text)?;
            text(ws, row, 2, &r.name, &st.wrap)?;
            let b = by_unit.get(&r.unit);
            for f in 0..outline.fields.len() {
                let p = b.and_then(|b| b.fields[f].percent());
                percent(ws, row, 3 + f as ColNum, p)?;
            }
            percent(ws, row, last_col, r.index)?;
            if let Some(i) = r.index
                && let Some(b) = Band::of_index(&set.bands, &i)
            {
                index_bands[b] += 1;
            }
        }
        ws.autofilter(head_row, 0, row.max(head_row), last_col)?;
        page_setup(ws, (head_row, head_row), 3)?;

        let stats = g.breakdown.field_stats(set);
        row += 2;
        text(ws, row, 2, t::group_mean(lang), &st.text_bold)?;
        for (f, s) in stats.iter().enumerate() {
            maybe(ws, row, 3 + f as ColNum, s.mean.map(round2), &st.num_bold)?;
        }
        maybe(ws, row, last_col, g.ranking.mean.map(round2), &st.num_bold)?;
        for (b, in_band) in index_bands.iter().enumerate() {
            row += 1;
            text(ws, row, 2, &t::band_count(&set.bands, b, lang), &st.text)?;
            for (f, s) in stats.iter().enumerate() {
                count(ws, row, 3 + f as ColNum, s.bands[b], &st.int)?;
            }
            count(ws, row, last_col, *in_band, &st.int)?;
        }
        row += 2;
        text(ws, row, 0, t::fields_legend(lang), &st.note)?;
        Ok(())
    }

    /// The criteria sheet of a group: the appraised points of every criterion (under its
    /// field) for every unit, each criterion's mean percent and how many units lost points
    /// on it. A group wider than a sheet goes on over more sheets.
    pub fn criteria(&mut self, g: &GroupData) -> Result<(), XlsxError> {
        // Excel's 16,384 columns, less the code, title, max, mean and count columns.
        const UNITS_PER_SHEET: usize = 16_384 - 5;
        let rows: Vec<&crate::domain::RankRow> = g.ranking.rows.iter().collect();
        for chunk in rows.chunks(UNITS_PER_SHEET) {
            self.criteria_sheet(g, chunk)?;
        }
        if rows.is_empty() {
            self.criteria_sheet(g, &[])?;
        }
        Ok(())
    }

    fn criteria_sheet(
        &mut self,
        g: &GroupData,
        units: &[&crate::domain::RankRow],
    ) -> Result<(), XlsxError> {
        let (lang, year) = (self.lang, self.year);
        let name = g.sheet_name(t::criteria_sheet(lang));
        let (ws, st) = self.add_sheet(&name, true)?;
        let set = g.set;
        let outline = &g.breakdown.outline;
        let by_unit = g.by_unit();
        let breakdowns: Vec<Option<&UnitBreakdown>> = units
            .iter()
            .map(|r| by_unit.get(&r.unit).copied())
            .collect();
        let head_row = titles(ws, st, &t::criteria_title(year, lang), g, lang)?;
        let title_width = 48.0;
        let mut cells: Vec<(String, f64)> = vec![
            (t::code(lang).into(), 7.0),
            (t::criterion(lang).into(), title_width),
            (t::max(lang).into(), 9.0),
        ];
        for r in units {
            cells.push((t::unit_header(r.unit.as_str(), &r.name), 11.0));
        }
        cells.push((t::mean_percent(lang).into(), NUMBER_WIDTH));
        cells.push((t::units_lost(lang).into(), NUMBER_WIDTH));
        let last_col = (cells.len() - 1) as ColNum;
        header(ws, st, head_row, &cells)?;

        let field_stats = g.breakdown.field_stats(set);
        let criterion_stats = g.breakdown.criterion_stats(set);
        // Fields and criteria in reading order: (node, is a field, its place in the outline).
        let mut lines: Vec<(usize, bool, usize)> = outline
            .fields
            .iter()
            .enumerate()
            .map(|(p, &i)| (i, true, p))
            .chain(
                outline
                    .criteria
                    .iter()
                    .enumerate()
                    .map(|(p, &i)| (i, false, p)),
            )
            .collect();
        lines.sort_by_key(|l| l.0);

        let mut row = head_row;
        for (idx, is_field, pos) in lines {
            row += 1;
            let node = set.node(idx);
            let (style_text, style_num, style_int) = if is_field {
                (&st.text_bold, &st.num_bold, &st.int_bold)
            } else {
                (&st.text, &st.num, &st.int)
            };
            let title_style = &st.indent[usize::from(!is_field)];
            ws.set_row_height(row, height_for(&[(&node.title, title_width - 2.0)], 14.5))?;
            text(ws, row, 0, node.code.as_str(), style_text)?;
            text(ws, row, 1, &node.title, title_style)?;
            number(ws, row, 2, node.max, style_num)?;
            for (u, b) in breakdowns.iter().enumerate() {
                let col = 3 + u as ColNum;
                let score = b.map(|b| {
                    if is_field {
                        b.fields[pos]
                    } else {
                        b.criteria[pos]
                    }
                });
                match score {
                    Some(s) if s.applies() => number(ws, row, col, s.points, style_num)?,
                    _ => text(ws, row, col, t::DOES_NOT_APPLY, &st.center)?,
                }
            }
            let stats = if is_field {
                &field_stats[pos]
            } else {
                &criterion_stats[pos]
            };
            maybe(ws, row, last_col - 1, stats.mean.map(round2), style_num)?;
            count(ws, row, last_col, stats.lost, style_int)?;
        }
        ws.autofilter(head_row, 0, row.max(head_row), last_col)?;
        page_setup(ws, (head_row, head_row), 2)?;

        // The totals of every unit: the fields added up, then bonus and deduction.
        row += 1;
        text(ws, row, 1, t::fields_total(lang), &st.text_bold)?;
        for (u, b) in breakdowns.iter().enumerate() {
            let p = b.map(|b| b.totals.tree.provisional);
            maybe(ws, row, 3 + u as ColNum, p, &st.num_bold)?;
        }
        let extra = [
            (set.bonus.is_some(), t::bonus(lang), true),
            (set.deduction.is_some(), t::deduction(lang), false),
        ];
        for (present, label, is_bonus) in extra {
            if !present {
                continue;
            }
            row += 1;
            text(ws, row, 1, label, &st.text_bold)?;
            for (u, b) in breakdowns.iter().enumerate() {
                let p = b.map(|b| {
                    if is_bonus {
                        b.totals.bonus
                    } else {
                        b.totals.deduction
                    }
                });
                maybe(ws, row, 3 + u as ColNum, p, &st.num)?;
            }
        }
        row += 2;
        text(ws, row, 0, t::criteria_legend(lang), &st.note)?;
        Ok(())
    }
}
