//! The way-up sheet of a group: for each unit, in the order of the ranking, where it lost its
//! points and what passing the unit above, reaching the next band and rising above last year
//! would take (the points, and the criteria to recover, largest first).

use super::group::{GroupData, header, titles};
use super::{Book, count, maybe, number, page_setup, text, width_for};
use crate::domain::analysis::GroupAnalysis;
use crate::domain::{CriteriaSet, Goal, Points, Target};
use crate::words::documents as w;
use crate::words::documents as t;
use rust_xlsxwriter::{ColNum, XlsxError};

/// What a goal's three cells say: who or what it is, the points needed, the criteria. Figures
/// in a text are written as the documents write them (`87,23` in Vietnamese); codes stay.
fn goal_cells(
    set: &CriteriaSet,
    target: &Target,
    lang: crate::words::Lang,
) -> (String, Option<Points>, String) {
    let fig = |p: Points| t::figure(p, lang);
    let goal_text = |g: &Goal| match g {
        Goal::Above {
            unit, name, index, ..
        } => format!("{unit} – {name} ({} %)", fig(index.rounded())),
        Goal::Band { code, min, above } => {
            let sign = if *above { ">" } else { "≥" };
            format!("{code} ({sign} {} %)", t::short_figure(*min, lang))
        }
        Goal::Previous { percent } => format!("{} %", fig(*percent)),
    };
    match target {
        Target::Gap(g) if g.reachable => {
            let steps: Vec<String> = g
                .steps
                .iter()
                .map(|s| format!("{} +{}", set.node(s.loss.node).code, fig(s.loss.lost())))
                .collect();
            let last = g
                .steps
                .last()
                .map(|s| fig(s.index.rounded()))
                .unwrap_or_default();
            (
                goal_text(&g.goal),
                Some(g.needed),
                format!("{} → {last} %", steps.join("; ")),
            )
        }
        Target::Gap(g) => (
            goal_text(&g.goal),
            Some(g.needed),
            w::out_of_reach_short(&fig(g.best.rounded()), lang),
        ),
        Target::Met { goal, margin } => (
            goal_text(goal),
            None,
            w::met_short(&fig(crate::domain::index::round2(*margin)), lang),
        ),
        Target::AlreadyFirst => (w::already_first_short(lang).into(), None, String::new()),
        Target::NotRanked => (w::not_ranked_short(lang).into(), None, String::new()),
        Target::TopBand => (w::top_band_short(lang).into(), None, String::new()),
        Target::NoPrevious => (w::no_previous_short(lang).into(), None, String::new()),
    }
}

impl Book {
    /// The way-up sheet of a group, from its analysis (the same ranking and breakdown as its
    /// other sheets).
    pub fn way_up(&mut self, g: &GroupData, a: &GroupAnalysis) -> Result<(), XlsxError> {
        let (lang, year) = (self.lang, self.year);
        let name = g.sheet_name(w::way_up_sheet(lang));
        let (ws, st) = self.add_sheet(&name, true)?;
        let set = g.set;
        let head_row = titles(ws, st, &w::way_up_sheet_title(year, lang), g, lang)?;
        let heads = w::way_up_heads(lang);
        let list = 40.0;
        let widths = [
            10.0, 6.0, 10.0, 22.0, 26.0, 10.0, list, 12.0, 10.0, list, 10.0, 10.0, list,
        ];
        let mut cells: Vec<(String, f64)> = vec![
            (t::rank(lang).into(), 6.0),
            (t::code(lang).into(), width_for(g.longest_code(), 7.0, 14.0)),
            (
                t::unit(lang).into(),
                width_for(g.longest_name(), 24.0, 42.0),
            ),
        ];
        cells.extend(heads.iter().zip(widths).map(|(h, w)| (h.to_string(), w)));
        let last_col = (cells.len() - 1) as ColNum;
        header(ws, st, head_row, &cells)?;
        let mut row = head_row;
        for k in 0..a.ranking.rows.len() {
            let Some((r, _)) = a.row(k) else { continue };
            row += 1;
            match r.rank {
                Some(n) => count(ws, row, 0, n, &st.int)?,
                None => text(ws, row, 0, t::DOES_NOT_APPLY, &st.center)?,
            }
            text(ws, row, 1, r.unit.as_str(), &st.text)?;
            text(ws, row, 2, &r.name, &st.wrap)?;
            maybe(ws, row, 3, r.index.map(|i| i.rounded()), &st.num)?;
            text(ws, row, 4, r.band.as_deref().unwrap_or(""), &st.center)?;
            let Some(way) = a.way_up(set, &r.unit) else {
                continue;
            };
            number(ws, row, 5, way.recoverable, &st.num)?;
            let most = way
                .fields
                .first()
                .filter(|l| l.lost().hundredths() > 0)
                .map(|l| {
                    let node = set.node(l.node);
                    let title = t::short_title(&node.title, 40);
                    format!("{} {title} (−{})", node.code, t::figure(l.lost(), lang))
                })
                .unwrap_or_default();
            text(ws, row, 6, &most, &st.wrap)?;
            let goals = [&way.above, &way.band_up, &way.previous_target];
            for (i, target) in goals.into_iter().enumerate() {
                let col = 7 + 3 * i as ColNum;
                let (goal, needed, criteria) = goal_cells(set, target, lang);
                match (i, way.previous) {
                    // Last year's index is a number.
                    (2, Some(p)) if g.notes.contains_key(r.unit.as_str()) => {
                        number(ws, row, col, p, &st.num_marked)?
                    }
                    (2, Some(p)) => number(ws, row, col, p, &st.num)?,
                    _ => text(ws, row, col, &goal, &st.wrap)?,
                }
                maybe(ws, row, col + 1, needed, &st.num)?;
                text(ws, row, col + 2, &criteria, &st.wrap)?;
            }
        }
        ws.autofilter(head_row, 0, row.max(head_row), last_col)?;
        page_setup(ws, (head_row, head_row), 3)?;
        row += 2;
        text(ws, row, 0, w::way_up_legend(lang), &st.note)?;
        let units = a.ranking.rows.iter().map(|r| r.unit.as_str());
        for line in t::previous_note_lines(units, g.notes) {
            row += 1;
            text(ws, row, 0, &line, &st.note)?;
        }
        Ok(())
    }
}
