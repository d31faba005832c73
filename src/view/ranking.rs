//! A ranking as a text table, with the header line of the group's figures and targets.

use super::{cut, pad};
use crate::domain::Ranking;
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use std::fmt::Write as _;

fn yes_no_mark(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "—",
    }
}

/// A ranking as a text table, with the header line of the group's figures and targets.
/// `notes`: how a unit's figure of last year was found, when not its own index (the cell is
/// marked `*` and the note follows the table).
pub fn rank_table(
    code: &str,
    name: &str,
    r: &Ranking,
    notes: &std::collections::HashMap<String, String>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let w = msg::rank_words(lang);
    let mode = crate::i18n::mode_label(r.mode, lang);
    let _ = writeln!(out, "{name} ({code}) — {} {mode}", w.ranking);
    let pct = (r.decided * 100).checked_div(r.items).unwrap_or(100);
    let mean = r
        .mean
        .map(|m| crate::domain::index::round2(m).fixed2())
        .unwrap_or_else(|| "—".into());
    let prov = r
        .province_previous
        .map(|p| p.fixed2())
        .unwrap_or_else(|| "—".into());
    let _ = writeln!(
        out,
        "{}: {}/{} ({pct}%) · {}: {mean}% · {}: {prov}% {}",
        w.decided,
        r.decided,
        r.items,
        w.group_mean,
        w.province_previous,
        match r.mean_above_province {
            Some(true) => w.target_met,
            Some(false) => w.target_missed,
            None => "",
        }
    );
    let heads = w.heads;
    let widths = [4, 8, 36, 9, 8, 7, 7, 8, 4, 9, 9, 4, 9];
    let right = [
        true, false, false, true, true, true, true, true, false, true, true, false, true,
    ];
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(&cut(c, widths[i]), widths[i], right[i]))
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end()
            .to_string()
    };
    let _ = writeln!(out, "{}", line(&heads.map(String::from)));
    for row in &r.rows {
        let cells = [
            row.rank
                .map(|n| n.to_string())
                .unwrap_or_else(|| "—".into()),
            row.unit.to_string(),
            row.name.clone(),
            row.appraised.fixed2(),
            if row.survey_missing {
                "—".into()
            } else {
                row.survey.fixed2()
            },
            row.total.fixed2(),
            row.max.fixed2(),
            row.index
                .map(|i| i.to_string())
                .unwrap_or_else(|| "—".into()),
            row.band.clone().unwrap_or_else(|| "—".into()),
            {
                let mark = if notes.contains_key(row.unit.as_str()) {
                    "*"
                } else {
                    ""
                };
                row.previous
                    .map(|p| format!("{}{mark}", p.fixed2()))
                    .unwrap_or_else(|| format!("—{mark}"))
            },
            row.change
                .map(|c| {
                    if c.is_negative() {
                        c.fixed2()
                    } else {
                        format!("+{}", c.fixed2())
                    }
                })
                .unwrap_or_else(|| "—".into()),
            yes_no_mark(row.rises).to_string(),
            format!("{}/{}", row.decided, row.items),
        ];
        let _ = writeln!(out, "{}", line(&cells));
    }
    if r.rows.iter().any(|row| !row.ranked) {
        let _ = writeln!(out, "{}", w.not_ranked);
    }
    let units = r.rows.iter().map(|row| row.unit.as_str());
    for line in crate::words::documents::previous_note_lines(units, notes) {
        let _ = writeln!(out, "{line}");
    }
    out
}
