//! CSV exports: RFC 4180, UTF-8 with a BOM so that Excel reads Vietnamese right, `.` as the
//! decimal point, and text cells made inert so a spreadsheet never runs them as formulas.

use crate::domain::{Points, Ranking};
use std::borrow::Cow;
use std::io::Write;

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`,
/// unless it is a plain number such as `-2.5`, which stays a number.
pub fn inert(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn writer<W: Write>(mut out: W) -> std::io::Result<csv::Writer<W>> {
    out.write_all(BOM)?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

fn write_row<W: Write>(w: &mut csv::Writer<W>, cells: &[String]) -> std::io::Result<()> {
    w.write_record(cells.iter().map(|c| inert(c).into_owned()))
        .map_err(std::io::Error::other)
}

/// Any table, as every export writes it: a BOM, the header, then the rows, each cell inert.
pub fn write_csv<W: Write>(out: W, columns: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut w = writer(out)?;
    write_row(
        &mut w,
        &columns.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    )?;
    for r in rows {
        write_row(&mut w, r)?;
    }
    w.flush()
}

fn opt(p: Option<Points>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}

/// One line of the decisions export.
#[derive(Debug, Clone)]
pub struct DecisionLine {
    pub unit: String,
    pub unit_name: String,
    pub item: String,
    pub item_title: String,
    pub max: Points,
    /// None: no self score; Some(None): the unit claimed N/A.
    pub self_score: Option<Option<Points>>,
    pub appraised: Option<Points>,
    pub difference: Option<Points>,
    pub state: &'static str,
    pub comment: String,
    pub appraiser: String,
    pub decided_at: String,
}

pub const DECISION_COLUMNS: [&str; 12] = [
    "unit",
    "unit_name",
    "item",
    "item_title",
    "max",
    "self_score",
    "appraised_score",
    "difference",
    "state",
    "comment",
    "appraiser",
    "decided_at",
];

pub fn write_decisions<W: Write>(out: W, lines: &[DecisionLine]) -> std::io::Result<()> {
    let mut w = writer(out)?;
    write_row(&mut w, &DECISION_COLUMNS.map(String::from))?;
    for l in lines {
        let self_score = match l.self_score {
            None => String::new(),
            Some(None) => "N/A".to_string(),
            Some(Some(p)) => p.to_string(),
        };
        write_row(
            &mut w,
            &[
                l.unit.clone(),
                l.unit_name.clone(),
                l.item.clone(),
                l.item_title.clone(),
                l.max.to_string(),
                self_score,
                opt(l.appraised),
                opt(l.difference),
                l.state.to_string(),
                l.comment.clone(),
                l.appraiser.clone(),
                l.decided_at.clone(),
            ],
        )?;
    }
    w.flush()
}

pub const RANKING_COLUMNS: [&str; 15] = [
    "group",
    "rank",
    "unit",
    "unit_name",
    "appraised",
    "survey",
    "total",
    "max",
    "index",
    "band",
    "previous_index",
    "change",
    "decided_items",
    "total_items",
    "previous_basis",
];

/// Rows of one or more groups' rankings; `notes` (by unit) says how a figure of last year that
/// is not the unit's own index was found (the `previous_basis` column, empty otherwise).
pub fn write_rankings<W: Write>(
    out: W,
    groups: &[(String, Ranking)],
    notes: &std::collections::HashMap<String, String>,
) -> std::io::Result<()> {
    let mut w = writer(out)?;
    write_row(&mut w, &RANKING_COLUMNS.map(String::from))?;
    for (group, ranking) in groups {
        for r in &ranking.rows {
            write_row(
                &mut w,
                &[
                    group.clone(),
                    r.rank.map(|n| n.to_string()).unwrap_or_default(),
                    r.unit.to_string(),
                    r.name.clone(),
                    r.appraised.fixed2(),
                    if r.survey_missing {
                        String::new()
                    } else {
                        r.survey.fixed2()
                    },
                    r.total.fixed2(),
                    r.max.fixed2(),
                    r.index.map(|i| i.to_string()).unwrap_or_default(),
                    r.band.clone().unwrap_or_default(),
                    r.previous.map(|p| p.fixed2()).unwrap_or_default(),
                    r.change.map(|c| c.fixed2()).unwrap_or_default(),
                    r.decided.to_string(),
                    r.items.to_string(),
                    notes.get(r.unit.as_str()).cloned().unwrap_or_default(),
                ],
            )?;
        }
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_inert_and_numbers_stay_numbers() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("+1"), "'+1");
        assert_eq!(inert("-2+3"), "'-2+3");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("\tx"), "'\tx");
        assert_eq!(inert("\rx"), "'\rx");
        assert_eq!(inert("-2.5"), "-2.5");
        assert_eq!(inert("-3"), "-3");
        assert_eq!(inert("Sở Nội vụ"), "Sở Nội vụ");
        assert_eq!(inert("-"), "'-");
        assert_eq!(inert("-1."), "'-1.");
    }
}
