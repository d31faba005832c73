//! The history sheet: the province's index and national rank by year against the source
//! document's targets, each group's mean against the province's index of the year before, and
//! every unit's index by year — the same figures `thamdinh history` prints.

use super::{Book, count, maybe, page_setup, text, width_for};
use crate::domain::history::{GroupYear, Plan, ProvinceYear, UnitYear};
use crate::domain::index::round2;
use crate::words::documents::history_words;
use crate::words::{documents as t, target_label, verdict_label};
use rust_xlsxwriter::{ColNum, RowNum, XlsxError};
use std::collections::BTreeSet;

/// What the history sheet shows.
pub struct HistoryData<'a> {
    pub plan: &'a Plan,
    pub province: &'a [ProvinceYear],
    /// Each group: its title line and its years.
    pub groups: Vec<(String, &'a [GroupYear])>,
    /// Each unit: code, name, group name (for a predecessor: whose it is), its years; a
    /// unit's predecessors follow it.
    pub units: Vec<(String, String, String, &'a [UnitYear])>,
}

fn mark(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "—",
    }
}

impl Book {
    /// The history sheet, in three blocks one under the other.
    pub fn history(&mut self, h: &HistoryData) -> Result<(), XlsxError> {
        let (lang, year) = (self.lang, self.year);
        let w = history_words(h.plan, lang);
        let (ws, st) = self.add_sheet(t::history_sheet(lang), false)?;
        text(ws, 0, 0, &t::history_title(year, lang), &st.title)?;
        let widths = [9.0, 11.0, 11.0, 11.0, 13.0, 16.0];
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as ColNum, *w)?;
        }
        let head = |ws: &mut rust_xlsxwriter::Worksheet, row: RowNum, cells: &[&str]| {
            cells
                .iter()
                .enumerate()
                .try_for_each(|(c, s)| text(ws, row, c as ColNum, s, &st.head))
        };

        // The province against the plan.
        let mut row: RowNum = 2;
        text(ws, row, 0, &w.province_title, &st.subtitle)?;
        row += 1;
        head(ws, row, &w.province_heads())?;
        for y in h.province {
            row += 1;
            count(ws, row, 0, y.year as usize, &st.int)?;
            maybe(ws, row, 1, y.index, &st.num)?;
            maybe(ws, row, 2, y.change, &st.change)?;
            let rank = match (y.rank, y.ranked_of) {
                (Some(r), Some(of)) => format!("{r}/{of}"),
                (Some(r), None) => r.to_string(),
                _ => String::new(),
            };
            text(ws, row, 3, &rank, &st.center)?;
            text(
                ws,
                row,
                4,
                &y.target.map(target_label).unwrap_or_default(),
                &st.center,
            )?;
            let verdict = y
                .verdict
                .map(|v| verdict_label(v, lang))
                .unwrap_or_default();
            text(ws, row, 5, verdict, &st.text)?;
        }

        // Each group's mean against the province's index of the year before.
        for (title, years) in &h.groups {
            row += 2;
            text(ws, row, 0, title, &st.subtitle)?;
            row += 1;
            head(ws, row, &w.group_heads())?;
            for y in *years {
                row += 1;
                let year_cell = if y.current {
                    format!("{}*", y.year)
                } else {
                    y.year.to_string()
                };
                text(ws, row, 0, &year_cell, &st.center)?;
                count(ws, row, 1, y.units, &st.int)?;
                maybe(ws, row, 2, Some(round2(y.mean)), &st.num)?;
                maybe(ws, row, 3, y.province_previous, &st.num)?;
                text(ws, row, 4, mark(y.above_province), &st.center)?;
                let rose = if y.compared == 0 {
                    "—".to_string()
                } else {
                    format!("{}/{}", y.rose, y.compared)
                };
                text(ws, row, 5, &rose, &st.center)?;
            }
            if years.iter().any(|y| y.current) {
                row += 1;
                text(ws, row, 0, w.current_note, &st.note)?;
            }
        }

        // Every unit's index by year.
        let all_years: BTreeSet<i32> = h
            .units
            .iter()
            .flat_map(|u| u.3.iter().map(|y| y.year))
            .collect();
        if !all_years.is_empty() {
            row += 2;
            text(ws, row, 0, t::units_by_year(lang), &st.subtitle)?;
            row += 1;
            let name_width = h.units.iter().map(|u| u.1.chars().count()).max();
            ws.set_column_width(1, width_for(name_width.unwrap_or(10), 24.0, 42.0))?;
            let mut cells = vec![t::code(lang), t::unit(lang), t::group(lang)];
            let years: Vec<String> = all_years.iter().map(i32::to_string).collect();
            cells.extend(years.iter().map(String::as_str));
            head(ws, row, &cells)?;
            for (code, name, group, years) in &h.units {
                row += 1;
                text(ws, row, 0, code, &st.text)?;
                text(ws, row, 1, name, &st.wrap)?;
                text(ws, row, 2, group, &st.wrap)?;
                for (i, y) in all_years.iter().enumerate() {
                    let index = years.iter().find(|u| u.year == *y).map(|u| u.index);
                    maybe(ws, row, 3 + i as ColNum, index, &st.num)?;
                }
            }
        }
        page_setup(ws, (0, 0), 0, lang)?;
        Ok(())
    }
}
