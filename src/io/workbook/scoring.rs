//! One unit's scoring sheet (*bảng chấm điểm*): every node of the tree with its maximum, the
//! self score, the appraised score, the difference, the unit's note, the council's comment
//! and the state; parents carry their sums; the bonus and deduction blocks; then the totals,
//! index, band and rank.

use super::{Book, count, height_for, maybe, number, page_setup, text};
use crate::domain::criteria::ItemKind;
use crate::domain::sheet::NodeSum;
use crate::domain::{CriteriaSet, Mode, RankRow, SelfScore, Sheet, State, UnitTotals};
use crate::words::{Lang, documents as t, state_label};
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet, XlsxError};

/// What a unit's scoring sheet is written from.
pub struct UnitPage<'a> {
    pub set: &'a CriteriaSet,
    pub group_name: &'a str,
    pub sheet: &'a Sheet,
    /// The unit's line of its group's ranking.
    pub row: &'a RankRow,
    /// How many units of the group are ranked.
    pub ranked_units: usize,
    pub mode: Mode,
}

const WIDTHS: [f64; 9] = [8.0, 55.0, 8.0, 8.5, 9.5, 9.5, 30.0, 30.0, 14.0];
const HEAD_ROW: RowNum = 4;

impl Book {
    /// Writes a unit's scoring sheet, named after its code and name.
    pub fn scoring(&mut self, page: &UnitPage) -> Result<(), XlsxError> {
        let (lang, year) = (self.lang, self.year);
        let r = page.row;
        let name = format!("{} – {}", r.unit, r.name);
        let (ws, st) = self.add_sheet(&name, false)?;
        let set = page.set;
        let sums = page.sheet.node_sums(set);
        let totals = UnitTotals::from_sums(set, &sums);

        text(ws, 0, 0, &t::scoring_title(year, lang), &st.title)?;
        let unit = t::unit_line(&r.name, r.unit.as_str(), page.group_name, lang);
        text(ws, 1, 0, &unit, &st.subtitle)?;
        let mode = t::mode_line(page.mode, totals.decided(), totals.items(), lang);
        text(ws, 2, 0, &mode, &st.note)?;
        let heads = [
            t::code(lang),
            t::criterion(lang),
            t::max(lang),
            t::self_score(lang),
            t::appraised_score(lang),
            t::difference(lang),
            t::unit_note(lang),
            t::council_comment(lang),
            t::state(lang),
        ];
        ws.set_row_height(HEAD_ROW, 30.0)?;
        for (col, h) in heads.iter().enumerate() {
            ws.set_column_width(col as ColNum, WIDTHS[col])?;
            text(ws, HEAD_ROW, col as ColNum, h, &st.head)?;
        }

        let mut row = HEAD_ROW;
        let mut writer = NodeRows {
            set,
            sheet: page.sheet,
            sums: &sums,
            st,
            lang,
        };
        for (idx, node) in set.nodes().iter().enumerate() {
            if node.kind == ItemKind::Regular {
                row += 1;
                writer.node(ws, row, idx)?;
            }
        }
        for (kind, block) in [
            (ItemKind::Bonus, set.bonus.as_ref()),
            (ItemKind::Deduction, set.deduction.as_ref()),
        ] {
            let Some(block) = block else { continue };
            let items: Vec<usize> = set
                .nodes()
                .iter()
                .enumerate()
                .filter(|(_, n)| n.kind == kind)
                .map(|(i, _)| i)
                .collect();
            let mut sum = NodeSum::default();
            for &i in &items {
                let s = sums[i];
                sum.max = sum.max + set.node(i).max;
                sum.self_total = sum.self_total + s.self_total;
                sum.appraised = sum.appraised + s.appraised;
                sum.difference = sum.difference + s.difference;
            }
            row += 1;
            let label = match kind {
                ItemKind::Bonus => t::bonus_after_cap(block.cap, lang),
                _ => t::deduction_after_cap(block.cap, lang),
            };
            text(ws, row, 0, "", &st.text_bold)?;
            text(ws, row, 1, &label, &st.indent_bold[0])?;
            number(ws, row, 2, sum.max, &st.num_bold)?;
            number(ws, row, 3, sum.self_total, &st.num_bold)?;
            number(ws, row, 4, sum.appraised, &st.num_bold)?;
            number(ws, row, 5, sum.difference, &st.num_bold)?;
            for col in 6..=8 {
                text(ws, row, col, "", &st.text)?;
            }
            for i in items {
                row += 1;
                writer.node(ws, row, i)?;
            }
        }
        ws.autofilter(HEAD_ROW, 0, row, 8)?;
        page_setup(ws, (HEAD_ROW, HEAD_ROW), 2)?;

        // The bottom: totals, index, band, rank.
        row += 1;
        let mut line = |row: &mut RowNum, label: &str| -> Result<RowNum, XlsxError> {
            *row += 1;
            text(ws, *row, 1, label, &st.text_bold)?;
            Ok(*row)
        };
        let mut lines: Vec<(RowNum, Bottom)> = Vec::new();
        if page.mode == Mode::Provisional {
            let at = line(&mut row, t::decided_points(lang))?;
            lines.push((at, Bottom::Points(totals.tree.appraised)));
        }
        let at = line(&mut row, t::counted_points(page.mode, lang))?;
        lines.push((at, Bottom::Points(totals.tree.provisional)));
        if let Some(b) = &set.bonus {
            let at = line(&mut row, &t::bonus_after_cap(b.cap, lang))?;
            lines.push((at, Bottom::Points(totals.bonus)));
        }
        if let Some(d) = &set.deduction {
            let at = line(&mut row, &t::deduction_after_cap(d.cap, lang))?;
            lines.push((at, Bottom::Points(totals.deduction)));
        }
        let at = line(&mut row, t::survey(lang))?;
        lines.push((
            at,
            if r.survey_missing {
                Bottom::Text(t::survey_missing(lang).into())
            } else {
                Bottom::Points(r.survey)
            },
        ));
        let at = line(&mut row, t::total(lang))?;
        lines.push((at, Bottom::Points(r.total)));
        let at = line(&mut row, t::applicable_max(lang))?;
        lines.push((at, Bottom::Points(r.max)));
        let at = line(&mut row, t::index(lang))?;
        lines.push((
            at,
            match r.index {
                Some(i) => Bottom::Points(i.rounded()),
                None => Bottom::Text(t::DOES_NOT_APPLY.into()),
            },
        ));
        let at = line(&mut row, t::band(lang))?;
        lines.push((
            at,
            Bottom::Text(r.band.clone().unwrap_or_else(|| t::DOES_NOT_APPLY.into())),
        ));
        let at = line(&mut row, &t::rank_in_group(page.ranked_units, lang))?;
        lines.push((
            at,
            match r.rank {
                Some(n) => Bottom::Rank(n),
                None => Bottom::Text(t::not_ranked(lang).into()),
            },
        ));
        for (at, value) in lines {
            match value {
                Bottom::Points(p) => number(ws, at, 4, p, &st.num_bold)?,
                Bottom::Rank(n) => count(ws, at, 4, n, &st.int_bold)?,
                Bottom::Text(s) => text(ws, at, 4, &s, &st.center)?,
            }
        }
        Ok(())
    }
}

enum Bottom {
    Points(crate::domain::Points),
    Rank(usize),
    Text(String),
}

/// Writes the rows of the tree.
struct NodeRows<'a> {
    set: &'a CriteriaSet,
    sheet: &'a Sheet,
    sums: &'a [NodeSum],
    st: &'a super::Styles,
    lang: Lang,
}

impl NodeRows<'_> {
    fn node(&mut self, ws: &mut Worksheet, row: RowNum, idx: usize) -> Result<(), XlsxError> {
        let (set, st, lang) = (self.set, self.st, self.lang);
        let node = set.node(idx);
        let sum = self.sums[idx];
        let level = node.depth.saturating_sub(1).min(4);
        let rec = &self.sheet.records[idx];
        let comment = rec.decision.as_ref().map_or("", |d| d.comment.as_str());
        let note = rec.self_entry.as_ref().map_or("", |e| e.note.as_str());
        ws.set_row_height(
            row,
            height_for(
                &[
                    (&node.title, WIDTHS[1] - 2.0 - 2.0 * level as f64),
                    (note, WIDTHS[6]),
                    (comment, WIDTHS[7]),
                ],
                14.5,
            ),
        )?;
        if !node.is_item() {
            text(ws, row, 0, node.code.as_str(), &st.text_bold)?;
            text(ws, row, 1, &node.title, &st.indent_bold[level])?;
            number(ws, row, 2, node.max, &st.num_bold)?;
            number(ws, row, 3, sum.self_total, &st.num_bold)?;
            number(ws, row, 4, sum.appraised, &st.num_bold)?;
            number(ws, row, 5, sum.difference, &st.num_bold)?;
            for col in 6..=8 {
                text(ws, row, col, "", &st.text)?;
            }
            return Ok(());
        }
        let state = self.sheet.state(set, idx);
        let title_style: &Format = &st.indent[level.max(1)];
        text(ws, row, 0, node.code.as_str(), &st.text)?;
        text(ws, row, 1, &node.title, title_style)?;
        number(ws, row, 2, node.max, &st.num)?;
        match rec.self_entry.as_ref().map(|e| e.score) {
            Some(SelfScore::Points(p)) => number(ws, row, 3, p, &st.num)?,
            Some(SelfScore::NotApplicable) => {
                text(ws, row, 3, t::not_applicable_self(lang), &st.center)?
            }
            None => text(ws, row, 3, "", &st.num)?,
        }
        let appraised = match state {
            State::Agreed | State::Adjusted => rec.decision.as_ref().and_then(|d| d.score),
            _ => None,
        };
        maybe(ws, row, 4, appraised, &st.num)?;
        maybe(
            ws,
            row,
            5,
            (sum.decided == 1).then_some(sum.difference),
            &st.change,
        )?;
        text(ws, row, 6, note, &st.wrap)?;
        text(ws, row, 7, comment, &st.wrap)?;
        text(ws, row, 8, state_label(state, lang), &st.text)?;
        Ok(())
    }
}
