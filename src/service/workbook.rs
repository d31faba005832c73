//! The workbook export (`thamdinh export workbook`, the screens' `w`): the year's figures
//! gathered from the workspace and written with [`crate::io::workbook`], through a temporary
//! file and a rename so that a reader never sees half a workbook. A final workbook is refused, before anything is written, exactly
//! when the final ranking is.

use super::{AppError, IoDoing, Workspace};
use crate::clock::parse_stamp;
use crate::domain::{GroupAnalysis, GroupBreakdown, Mode, Ranking};
use crate::io::workbook::{Book, GroupData, HistoryData, Sheets, UnitPage};
use crate::progress::Stage;
use crate::words::{Lang, documents as t};
use std::collections::HashMap;
use std::path::Path;

/// What to put in the workbook.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// One group, or every group of the year.
    pub group: Option<&'a str>,
    pub mode: Mode,
    pub sheets: Sheets,
}

impl Request<'_> {
    /// Every sheet of every group (or of one), provisional or final.
    pub fn full(group: Option<&str>, mode: Mode) -> Request<'_> {
        Request {
            group,
            mode,
            sheets: Sheets::ALL,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub sheets: usize,
    pub decision_lines: usize,
    /// The year is published and a provisional workbook was asked for: the published (final)
    /// result was written instead.
    pub published_instead: bool,
}

/// Writes the workbook to `out`. A published year's workbook is its published result, final
/// whatever was asked: what leaves the tool for that year is never titled provisional.
pub fn write(ws: &Workspace, req: &Request, out: &Path, lang: Lang) -> Result<Written, AppError> {
    let published_instead = req.mode == Mode::Provisional && ws.publication()?.is_some();
    let req = &Request {
        mode: if published_instead {
            Mode::Final
        } else {
            req.mode
        },
        ..*req
    };
    let groups = ws.chosen_groups(req.group)?;
    let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
    let (rankings, breakdowns) = rankings_and_breakdowns(ws, &codes, req)?;

    let mut book = Book::new(lang, ws.year);
    let head = ws.ledger_head()?;
    book.set_ledger_line(t::ledger_line(head.entries, &head.printed(), lang));
    let mut illustrative = false;
    for (code, _) in &groups {
        illustrative |= ws.set(code)?.source.is_illustrative();
    }
    book.set_illustrative(illustrative);
    let notes = ws.previous_notes(lang)?;
    let data: Vec<GroupData> = breakdowns
        .iter()
        .enumerate()
        .map(|(i, breakdown)| {
            Ok(GroupData {
                code: codes[i],
                name: &groups[i].1,
                set: ws.set(codes[i])?,
                ranking: &rankings[i],
                breakdown,
                notes: &notes,
            })
        })
        .collect::<Result<_, AppError>>()?;
    group_sheets(&mut book, &data, req.sheets, out)?;
    if req.sheets.submission {
        let groups = data
            .iter()
            .map(|g| crate::io::submission::SubmissionGroup {
                code: g.code.to_string(),
                name: g.name.to_string(),
                bands: g.set.bands.iter().map(|b| b.code.clone()).collect(),
                ranking: g.ranking.clone(),
            })
            .collect();
        let s = crate::io::submission::SubmissionData {
            year: ws.year,
            groups,
            mode: req.mode,
            ledger: head,
            illustrative,
            issued: None,
        };
        book.submission(&s).map_err(xlsx_failed(out))?;
    }
    let mut decision_lines = 0;
    if req.sheets.decisions {
        decision_lines = decision_sheet(ws, &mut book, req, &groups, &rankings, out, lang)?;
    }
    if req.sheets.scoring {
        unit_sheets(ws, &mut book, req, &groups, &rankings, out)?;
    }
    if req.sheets.history {
        history_sheet(ws, &mut book, &codes, out, lang)?;
    }
    let sheets = book.sheet_count();
    ws.progress().stage(Stage::SaveFile, None);
    crate::io::replace_file(out, |tmp| {
        book.save_to_writer(tmp).map_err(std::io::Error::other)
    })
    .map_err(|e| AppError::write_failed(out, e))?;
    Ok(Written {
        sheets,
        decision_lines,
        published_instead,
    })
}

/// A failure to write the workbook at `out`, as the error the command reports.
pub(super) fn xlsx_failed(out: &Path) -> impl Fn(rust_xlsxwriter::XlsxError) -> AppError + '_ {
    move |e| AppError::io(IoDoing::Write, out.display(), e)
}

/// Every group's ranking, then the breakdowns the group sheets need (none if no such sheet).
fn rankings_and_breakdowns(
    ws: &Workspace,
    codes: &[&str],
    req: &Request,
) -> Result<(Vec<Ranking>, Vec<GroupBreakdown>), AppError> {
    let progress = ws.progress();
    // Every ranking first: a refused final ranking stops the command before any file exists.
    progress.stage(Stage::Rank, None);
    let rankings: Vec<Ranking> = ws
        .rankings(codes, req.mode)
        .into_iter()
        .collect::<Result<_, _>>()?;
    let s = req.sheets;
    progress.stage(Stage::Breakdown, None);
    let breakdowns: Vec<GroupBreakdown> = if s.results || s.fields || s.criteria || s.way_up {
        codes
            .iter()
            .map(|g| ws.breakdown(g))
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    Ok((rankings, breakdowns))
}

/// The sheets of each group asked for: results, fields, criteria, way up, in that order.
fn group_sheets(
    book: &mut Book,
    data: &[GroupData],
    s: Sheets,
    out: &Path,
) -> Result<(), AppError> {
    let fail = xlsx_failed(out);
    if s.results {
        for g in data {
            book.results(g).map_err(&fail)?;
        }
    }
    if s.fields {
        for g in data {
            book.fields(g).map_err(&fail)?;
        }
    }
    if s.criteria {
        for g in data {
            book.criteria(g).map_err(&fail)?;
        }
    }
    if s.way_up {
        for g in data {
            // From the figures of the sheets before it: the same ranking and breakdown.
            let a = GroupAnalysis::new(
                g.set,
                g.breakdown.clone(),
                g.ranking.clone(),
                &HashMap::new(),
            );
            book.way_up(g, &a).map_err(&fail)?;
        }
    }
    Ok(())
}

/// The decisions sheet, line by line from the store; returns how many lines it holds.
fn decision_sheet(
    ws: &Workspace,
    book: &mut Book,
    req: &Request,
    groups: &[(String, String)],
    rankings: &[Ranking],
    out: &Path,
    lang: Lang,
) -> Result<usize, AppError> {
    let fail = xlsx_failed(out);
    let progress = ws.progress();
    let subtitle = match req.group {
        Some(_) => t::group_line(&groups[0].1, rankings[0].rows.len(), lang),
        None => t::all_groups_line(lang).to_string(),
    };
    let clock = ws.clock().clone();
    let local = move |stamp: &str| parse_stamp(stamp).map(|at| clock.local(at).naive_local());
    let mut sheet = book.decisions(&subtitle, local).map_err(&fail)?;
    let mut failed = None;
    progress.stage(Stage::DecisionLines, None);
    ws.each_decision_line(req.group, |line| {
        progress.advance(1);
        if failed.is_none()
            && let Err(e) = sheet.push(&line)
        {
            failed = Some(e);
        }
    })?;
    if let Some(e) = failed {
        return Err(fail(e));
    }
    sheet.finish().map_err(fail)
}

/// One scoring sheet per unit, in ranking order, group after group.
fn unit_sheets(
    ws: &Workspace,
    book: &mut Book,
    req: &Request,
    groups: &[(String, String)],
    rankings: &[Ranking],
    out: &Path,
) -> Result<(), AppError> {
    let fail = xlsx_failed(out);
    let progress = ws.progress();
    let pages = rankings.iter().map(|r| r.rows.len() as u64).sum();
    progress.stage(Stage::UnitSheets, Some(pages));
    for (i, (code, name)) in groups.iter().enumerate() {
        let set = ws.set(code)?;
        let units: HashMap<String, _> = ws
            .units(Some(code))?
            .into_iter()
            .map(|u| (u.code.to_string(), u))
            .collect();
        let ranking = &rankings[i];
        let ranked_units = ranking.rows.iter().filter(|r| r.rank.is_some()).count();
        for row in &ranking.rows {
            progress.advance(1);
            let Some(unit) = units.get(row.unit.as_str()) else {
                continue;
            };
            let (_, sheet) = ws.sheet(unit)?;
            let page = UnitPage {
                set,
                group_name: name,
                sheet: &sheet,
                row,
                ranked_units,
                mode: req.mode,
            };
            book.scoring(&page).map_err(&fail)?;
        }
    }
    Ok(())
}

/// The history sheet: the province, the chosen groups and their units, year by year.
fn history_sheet(
    ws: &Workspace,
    book: &mut Book,
    codes: &[&str],
    out: &Path,
    lang: Lang,
) -> Result<(), AppError> {
    let province = ws.province_history()?;
    let group_histories = codes
        .iter()
        .map(|g| ws.group_history(g))
        .collect::<Result<Vec<_>, _>>()?;
    let units = ws.unit_histories()?;
    let mut lines = Vec::new();
    for u in units
        .iter()
        .filter(|u| codes.contains(&u.unit.group.as_str()))
    {
        let mut name = u.unit.name.clone();
        if let Some((kind, from, year)) = &u.came_from {
            name = format!("{name} — {}", t::lineage_line(*kind, from, *year, lang));
        }
        lines.push((
            u.unit.code.to_string(),
            name,
            u.group_name.clone(),
            u.years.as_slice(),
        ));
        for p in &u.predecessors {
            lines.push((
                format!("↳ {}", p.code),
                p.name.clone(),
                t::predecessor_of(&p.successor, p.kind, p.year, lang),
                p.years.as_slice(),
            ));
        }
    }
    let units = lines;
    let data = HistoryData {
        plan: &province.plan,
        province: &province.years,
        groups: group_histories
            .iter()
            .map(|g| {
                (
                    t::group_history_title(&g.group, &g.name, lang),
                    g.years.as_slice(),
                )
            })
            .collect(),
        units,
    };
    book.history(&data).map_err(xlsx_failed(out))
}
