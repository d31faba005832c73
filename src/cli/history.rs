//! `thamdinh history` (the index across the years, as tables or CSV) and `thamdinh verify`
//! (the full check of the ledger, and of a printed head).

use super::{Cx, print, print_bytes, write_csv_out};
use crate::cli::args::Format;
use crate::domain::Points;
use crate::domain::history::{GroupYear, ProvinceYear, UnitYear};
use crate::domain::index::round2;
use crate::i18n::commands as msg;
use crate::i18n::{Lang, source_label, target_label, verdict_label};
use crate::service::{AppError, GroupHistory, Opening, ProvinceHistory, UnitHistory, Workspace};
use crate::view::pad;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// `history [--group G | --unit U | --province] [--format csv]`.
pub(super) fn run(
    cx: &Cx,
    group: &Option<String>,
    unit: &Option<String>,
    province: bool,
    format: Format,
) -> Result<(), AppError> {
    let ws = cx.open(Opening::Read)?;
    let of = match (group, unit, province) {
        (Some(g), _, _) => HistoryOf::Group(g.clone()),
        (_, Some(u), _) => HistoryOf::Unit(u.clone()),
        (_, _, true) => HistoryOf::Province,
        _ => HistoryOf::All,
    };
    match format {
        Format::Table => print(history_text(&ws, &of, cx.lang)?),
        Format::Csv => print_bytes(&history_csv(&ws, &of)?),
    }
    Ok(())
}

/// `verify [--head N:HEX]`: the report on standard output; the mark remembered when all holds.
pub(super) fn run_verify(cx: &Cx, head: Option<&str>) -> Result<(), AppError> {
    let ws = cx.reporting(Opening::Read)?;
    let (text, mark) = verify(&ws, cx.args.year, head, cx.lang)?;
    cx.progress_done();
    if let Some(mark) = mark {
        cx.config.remember_ledger_mark(ws.db_path(), &mark);
    }
    print(text);
    Ok(())
}

/// `verify [--head N:HEX]`: the full check of the ledger (of `year`'s decisions, or all);
/// with a printed head, whether the result it was printed with matches the file. The report,
/// and the mark to remember when all holds; a refusal naming what breaks otherwise.
pub fn verify(
    ws: &Workspace,
    year: Option<i32>,
    printed: Option<&str>,
    lang: Lang,
) -> Result<(String, Option<crate::store::Mark>), AppError> {
    use crate::domain::ledger::PrintedHead;
    use crate::i18n::errors;
    let printed = printed
        .map(|p| PrintedHead::parse(p).ok_or_else(|| AppError::Refused(errors::bad_head(p, lang))))
        .transpose()?;
    let v = ws.verify_ledger(year)?;
    let head = v.head.printed();
    let mut lines: Vec<String> = v
        .breaks
        .iter()
        .map(|b| errors::ledger_break(b, lang))
        .collect();
    let holds = lines.is_empty();
    if holds {
        lines.push(msg::ledger_holds(
            v.head.entries,
            v.replayed,
            v.decisions,
            year,
            lang,
        ));
        if let Some((row, at)) = &v.chained_at_migration {
            lines.push(msg::chained_at_migration(*row, at, lang));
        }
    }
    let mut printed_ok = true;
    if let Some(p) = &printed {
        let shown = p.to_string();
        if p.entries > v.head.entries {
            printed_ok = false;
            lines.push(msg::printed_head_cut(
                &shown,
                p.entries,
                v.head.entries,
                lang,
            ));
        } else {
            let found = ws.ledger_entry_hash(p.entries)?.unwrap_or_default();
            if found.to_ascii_lowercase().starts_with(&p.prefix) {
                lines.push(msg::printed_head_matches(
                    &shown,
                    v.head.entries - p.entries,
                    lang,
                ));
            } else {
                printed_ok = false;
                lines.push(msg::printed_head_differs(&shown, p.entries, &found, lang));
            }
        }
    }
    lines.push(msg::ledger_head_is(&head, lang));
    let text = lines.join("\n");
    if holds && printed_ok {
        Ok((text, v.mark))
    } else {
        Err(AppError::Refused(text))
    }
}

/// What `history` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryOf {
    /// The province, then every group (as CSV: every unit's rows).
    All,
    Group(String),
    Unit(String),
    Province,
}

/// A change with a `+` when it is above zero, `−` below (see [`crate::i18n::numbers`]).
fn signed(p: Points, lang: Lang) -> String {
    crate::i18n::numbers::signed(p, lang)
}

fn fig(p: Points, lang: Lang) -> String {
    crate::i18n::numbers::fixed(p, lang)
}

fn dash<T>(v: Option<T>, f: impl FnOnce(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| "—".into())
}

fn mark(v: Option<bool>) -> String {
    match v {
        Some(true) => "✓".into(),
        Some(false) => "✗".into(),
        None => "—".into(),
    }
}

fn rank_of(rank: Option<u32>, of: Option<u32>) -> String {
    match (rank, of) {
        (Some(r), Some(of)) => format!("{r}/{of}"),
        (Some(r), None) => r.to_string(),
        _ => "—".into(),
    }
}

/// A text table: each column as wide as its widest cell, numbers to the right.
fn table(heads: &[&str], right: &[bool], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..heads.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].width())
                .chain([heads[i].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(c, widths[i], right[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(heads.iter().map(|h| h.to_string()).collect());
    for r in rows {
        out.push('\n');
        out.push_str(&line(r.clone()));
    }
    out
}

/// The year's cell: a `*` after the year being appraised.
fn year_cell(year: i32, current: bool) -> String {
    if current {
        format!("{year}*")
    } else {
        year.to_string()
    }
}

pub fn province_table(h: &ProvinceHistory, lang: Lang) -> String {
    let w = msg::history_words(&h.plan, lang);
    let rows: Vec<Vec<String>> = h.years.iter().map(|y| province_cells(y, lang)).collect();
    let heads = w.province_heads();
    let right = [false, true, true, true, false, false];
    format!("{}\n{}", w.province_title, table(&heads, &right, &rows))
}

fn province_cells(y: &ProvinceYear, lang: Lang) -> Vec<String> {
    vec![
        y.year.to_string(),
        dash(y.index, |p| fig(p, lang)),
        dash(y.change, |c| signed(c, lang)),
        rank_of(y.rank, y.ranked_of),
        dash(y.target, target_label),
        dash(y.verdict, |v| verdict_label(v, lang).to_string()),
    ]
}

pub fn group_table(h: &GroupHistory, lang: Lang) -> String {
    let w = msg::history_words(&crate::domain::history::SOURCE_PLAN, lang);
    let title = msg::group_history_title(&h.group, &h.name, lang);
    if h.years.is_empty() {
        return format!("{title}\n{}", w.nothing);
    }
    let rows: Vec<Vec<String>> = h.years.iter().map(|y| group_cells(y, lang)).collect();
    let heads = w.group_heads();
    let right = [false, true, true, true, false, true];
    let mut out = format!("{title}\n{}", table(&heads, &right, &rows));
    if h.years.iter().any(|y| y.current) {
        let _ = write!(out, "\n{}", w.current_note);
    }
    out
}

fn group_cells(y: &GroupYear, lang: Lang) -> Vec<String> {
    vec![
        year_cell(y.year, y.current),
        y.units.to_string(),
        fig(round2(y.mean), lang),
        dash(y.province_previous, |p| fig(p, lang)),
        mark(y.above_province),
        if y.compared == 0 {
            "—".into()
        } else {
            format!("{}/{}", y.rose, y.compared)
        },
    ]
}

pub fn unit_table(h: &UnitHistory, lang: Lang) -> String {
    let w = msg::history_words(&crate::domain::history::SOURCE_PLAN, lang);
    let mut title =
        msg::unit_history_title(h.unit.code.as_str(), &h.unit.name, &h.group_name, lang);
    if let Some((kind, from, year)) = &h.came_from {
        let _ = write!(
            title,
            " — {}",
            crate::words::documents::lineage_line(*kind, from, *year, lang)
        );
    }
    let heads = w.unit_heads();
    let right = [false, true, true, false, false, true, false];
    let mut out = if h.years.is_empty() {
        format!("{title}\n{}", w.nothing)
    } else {
        let rows: Vec<Vec<String>> = h.years.iter().map(|y| unit_cells(y, lang)).collect();
        format!("{title}\n{}", table(&heads, &right, &rows))
    };
    for p in &h.predecessors {
        let head = msg::predecessor_title(&p.code, &p.name, p.kind, p.year, &p.successor, lang);
        let body = if p.years.is_empty() {
            w.nothing.to_string()
        } else {
            let rows: Vec<Vec<String>> = p.years.iter().map(|y| unit_cells(y, lang)).collect();
            table(&heads, &right, &rows)
        };
        let _ = write!(out, "\n\n{head}\n{body}");
    }
    out
}

fn unit_cells(y: &UnitYear, lang: Lang) -> Vec<String> {
    vec![
        y.year.to_string(),
        fig(y.index, lang),
        dash(y.change, |c| signed(c, lang)),
        mark(y.rose),
        y.band.clone().unwrap_or_else(|| "—".into()),
        rank_of(y.rank, y.ranked_of),
        source_label(y.source, lang).to_string(),
    ]
}

/// `history` as text tables.
pub fn history_text(ws: &Workspace, of: &HistoryOf, lang: Lang) -> Result<String, AppError> {
    Ok(match of {
        HistoryOf::Province => province_table(&ws.province_history()?, lang),
        HistoryOf::Group(g) => group_table(&ws.group_history(g)?, lang),
        HistoryOf::Unit(u) => unit_table(&ws.unit_history(u)?, lang),
        HistoryOf::All => {
            let mut parts = vec![province_table(&ws.province_history()?, lang)];
            for (g, _) in ws.groups()? {
                parts.push(group_table(&ws.group_history(&g)?, lang));
            }
            parts.join("\n\n")
        }
    })
}

const UNIT_COLUMNS: [&str; 11] = [
    "unit",
    "unit_name",
    "group",
    "year",
    "index",
    "change",
    "rose",
    "band",
    "rank",
    "ranked_of",
    "source",
];

fn yes_no(v: Option<bool>) -> String {
    v.map(|b| if b { "yes" } else { "no" }.to_string())
        .unwrap_or_default()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn unit_rows(h: &UnitHistory) -> Vec<Vec<String>> {
    h.years
        .iter()
        .map(|y| {
            vec![
                h.unit.code.to_string(),
                h.unit.name.clone(),
                h.unit.group.clone(),
                y.year.to_string(),
                y.index.fixed2(),
                opt(y.change.map(|c| c.fixed2())),
                yes_no(y.rose),
                y.band.clone().unwrap_or_default(),
                opt(y.rank),
                opt(y.ranked_of),
                match y.source {
                    crate::domain::history::Source::Published => "published",
                    crate::domain::history::Source::Imported => "imported",
                    crate::domain::history::Source::Current => "provisional",
                }
                .into(),
            ]
        })
        .collect()
}

/// `history --format csv`: the same figures, one row per year, columns named in English.
pub fn history_csv(ws: &Workspace, of: &HistoryOf) -> Result<Vec<u8>, AppError> {
    let (columns, rows): (Vec<&str>, Vec<Vec<String>>) = match of {
        HistoryOf::Province => {
            let h = ws.province_history()?;
            let rows = h
                .years
                .iter()
                .map(|y| {
                    vec![
                        y.year.to_string(),
                        opt(y.index.map(|p| p.fixed2())),
                        opt(y.change.map(|c| c.fixed2())),
                        opt(y.rank),
                        opt(y.ranked_of),
                        opt(y.target.map(|t| t.rank())),
                        y.verdict
                            .map(|v| {
                                use crate::domain::history::Verdict::*;
                                match v {
                                    Met => "met",
                                    MetEarly => "met_early",
                                    Missed => "missed",
                                    NotDue => "not_due",
                                    ToCome => "to_come",
                                    NoData => "no_data",
                                }
                            })
                            .unwrap_or_default()
                            .to_string(),
                    ]
                })
                .collect();
            (
                vec![
                    "year",
                    "index",
                    "change",
                    "rank",
                    "ranked_of",
                    "target_rank",
                    "target",
                ],
                rows,
            )
        }
        HistoryOf::Group(g) => {
            let h = ws.group_history(g)?;
            let rows = h
                .years
                .iter()
                .map(|y| {
                    vec![
                        h.group.clone(),
                        h.name.clone(),
                        y.year.to_string(),
                        y.units.to_string(),
                        round2(y.mean).fixed2(),
                        opt(y.province_previous.map(|p| p.fixed2())),
                        yes_no(y.above_province),
                        y.rose.to_string(),
                        y.compared.to_string(),
                        if y.current { "provisional" } else { "" }.into(),
                    ]
                })
                .collect();
            (
                vec![
                    "group",
                    "group_name",
                    "year",
                    "units",
                    "mean",
                    "province_previous",
                    "above_province",
                    "rose",
                    "compared",
                    "note",
                ],
                rows,
            )
        }
        HistoryOf::Unit(u) => (UNIT_COLUMNS.to_vec(), unit_rows(&ws.unit_history(u)?)),
        HistoryOf::All => {
            let rows = ws.unit_histories()?.iter().flat_map(unit_rows).collect();
            (UNIT_COLUMNS.to_vec(), rows)
        }
    };
    write_csv_out(&columns, &rows)
}
