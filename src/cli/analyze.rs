//! `thamdinh analyze fields` and `thamdinh plan UNIT`: the field analysis and each unit's way
//! up, printed as text tables or written as CSV. The figures come from the domain
//! ([`crate::domain::analysis`], [`crate::domain::field_years`], [`crate::domain::wayup`])
//! through the workspace; here they are only laid out.

use super::{Cx, print, print_bytes};
use crate::domain::analysis::{GroupAnalysis, Part};
use crate::domain::criteria::Band;
use crate::domain::field_years::FieldYears;
use crate::domain::{CriteriaSet, Goal, Target, UnitCode, WayUp};
use crate::i18n::Lang;
use crate::i18n::analysis as w;
use crate::io::export::write_csv;
use crate::service::{AppError, IoDoing, Opening, Subject, Workspace};
use crate::view::wayup::plan_text;
use crate::view::{cut, pad, pct, up2};
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// `analyze fields [--group G] [--unit U] [--years A-B] [--format csv]`.
pub(super) fn run_fields(cx: &Cx, args: FieldsArgs) -> Result<(), AppError> {
    let ws = cx.open(Opening::Read)?;
    print_output(fields(&ws, args, cx.lang)?);
    Ok(())
}

/// `plan UNIT [--format csv]`.
pub(super) fn run_plan(cx: &Cx, unit: &str, as_csv: bool) -> Result<(), AppError> {
    let ws = cx.open(Opening::Read)?;
    print_output(plan(&ws, unit, as_csv, cx.lang)?);
    Ok(())
}

/// Prints a command's text, or writes its CSV bytes as they are.
fn print_output(out: Output) {
    match out {
        Output::Text(t) => print(t),
        Output::Csv(bytes) => print_bytes(&bytes),
    }
}

/// What `analyze fields` was asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldsArgs<'a> {
    pub group: Option<&'a str>,
    pub unit: Option<&'a str>,
    /// `2016-2021`: the fields across those years instead of the working year's table.
    pub years: Option<&'a str>,
    pub csv: bool,
}

/// The output of a command: text to print, or the bytes of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Text(String),
    Csv(Vec<u8>),
}

/// `2016-2021` (or `2016–2021`, or one year).
pub fn parse_years(text: &str) -> Option<(i32, i32)> {
    let t = text.trim();
    let (a, b) = match t.split_once(['-', '–']) {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (t, t),
    };
    let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    let ok = |y: i32| (1990..=2200).contains(&y);
    (ok(a) && ok(b) && a <= b).then_some((a, b))
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, AppError> {
    let mut out = Vec::new();
    write_csv(&mut out, header, &rows).map_err(|e| AppError::io(IoDoing::WriteOutput, "-", e))?;
    Ok(out)
}

/// `analyze fields`.
pub fn fields(ws: &Workspace, args: FieldsArgs, lang: Lang) -> Result<Output, AppError> {
    let unit = args.unit.map(|u| ws.unit(u)).transpose()?;
    if let (Some(u), Some(g)) = (&unit, args.group)
        && u.group != g
    {
        ws.set(g)?;
        return Err(AppError::UnitNotInGroup {
            unit: u.code.to_string(),
            group: g.to_string(),
        });
    }
    if let Some(text) = args.years {
        let (from, to) =
            parse_years(text).ok_or_else(|| AppError::Refused(w::bad_years(text, lang)))?;
        return across_years(
            ws,
            args,
            unit.as_ref().map(|u| u.code.as_str()),
            from,
            to,
            lang,
        );
    }
    let groups: Vec<(String, String)> = match &unit {
        Some(u) => ws
            .chosen_groups(Some(&u.group))?
            .into_iter()
            .collect::<Vec<_>>(),
        None => ws.chosen_groups(args.group)?,
    };
    let only = unit.as_ref().map(|u| &u.code);
    let mut text = String::new();
    let mut rows = Vec::new();
    for (code, name) in &groups {
        let set = ws.set(code)?;
        let a = ws.field_analysis(code)?;
        if args.csv {
            rows.extend(csv_rows(code, set, &a, only));
        } else {
            text.push_str(&group_table(ws, set, code, name, &a, only, lang)?);
            text.push('\n');
        }
    }
    if args.csv {
        return Ok(Output::Csv(csv(&FIELD_COLUMNS, rows)?));
    }
    Ok(Output::Text(text.trim_end().to_string()))
}

/// The columns of `analyze fields --format csv`: one row per unit and field.
pub const FIELD_COLUMNS: [&str; 10] = [
    "group",
    "rank",
    "unit",
    "unit_name",
    "field",
    "field_name",
    "points",
    "max",
    "percent",
    "band",
];

fn csv_rows(
    group: &str,
    set: &CriteriaSet,
    a: &GroupAnalysis,
    only: Option<&UnitCode>,
) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for row in 0..a.ranking.rows.len() {
        let Some((r, b)) = a.row(row) else { continue };
        if only.is_some_and(|u| *u != r.unit) {
            continue;
        }
        for (k, &f) in a.fields().iter().enumerate() {
            let s = b.fields[k];
            let node = set.node(f);
            let p = s.percent();
            out.push(vec![
                group.to_string(),
                r.rank.map(|n| n.to_string()).unwrap_or_default(),
                r.unit.to_string(),
                r.name.clone(),
                node.code.to_string(),
                node.title.clone(),
                s.points.fixed2(),
                s.max.fixed2(),
                p.map(|i| i.to_string()).unwrap_or_default(),
                GroupAnalysis::cell_band(set, &s)
                    .map(|i| set.bands[i].code.clone())
                    .unwrap_or_default(),
            ]);
        }
    }
    out
}

/// `95,24 A`, or `—` when nothing of the field applies.
fn cell(set: &CriteriaSet, s: &crate::domain::NodeScore, lang: Lang) -> String {
    match s.percent() {
        Some(i) => {
            let band = GroupAnalysis::cell_band(set, s)
                .map(|b| set.bands[b].code.as_str())
                .unwrap_or("");
            format!("{} {band}", crate::i18n::numbers::fixed(i.rounded(), lang))
        }
        None => "—".into(),
    }
}

const CELL: usize = 8;

fn group_table(
    ws: &Workspace,
    set: &CriteriaSet,
    code: &str,
    name: &str,
    a: &GroupAnalysis,
    only: Option<&UnitCode>,
    lang: Lang,
) -> Result<String, AppError> {
    let year = ws.year;
    let mut out = String::new();
    let _ = writeln!(out, "{}", w::fields_title(name, code, year, lang));
    let _ = writeln!(
        out,
        "{}",
        w::decided_line(a.ranking.decided, a.ranking.items, lang)
    );
    let _ = writeln!(
        out,
        "{}",
        w::percent_legend(&w::bands_text(&set.bands), lang)
    );
    out.push('\n');
    let line = |lead: [String; 3], cells: Vec<String>| -> String {
        let mut s = format!(
            "{} {} {}",
            pad(&lead[0], 4, true),
            pad(&cut(&lead[1], 8), 8, false),
            pad(&cut(&lead[2], 28), 28, false)
        );
        for c in cells {
            s.push(' ');
            s.push_str(&pad(&c, CELL, true));
        }
        s.trim_end().to_string()
    };
    let mut heads: Vec<String> = a
        .fields()
        .iter()
        .map(|&f| format!("{}  ", set.node(f).code))
        .collect();
    heads.push(format!("{}  ", w::index(lang)));
    let _ = writeln!(
        out,
        "{}",
        line(
            [
                w::rank(lang).into(),
                w::code(lang).into(),
                w::unit(lang).into()
            ],
            heads
        )
    );
    let mut index_bands = vec![0usize; set.bands.len()];
    for row in 0..a.ranking.rows.len() {
        let Some((r, b)) = a.row(row) else { continue };
        if let Some(i) = r.index
            && let Some(k) = Band::of_index(&set.bands, &i)
        {
            index_bands[k] += 1;
        }
        if only.is_some_and(|u| *u != r.unit) {
            continue;
        }
        let mut cells: Vec<String> = b.fields.iter().map(|s| cell(set, s, lang)).collect();
        cells.push(match r.index {
            Some(i) => format!(
                "{} {}",
                crate::i18n::numbers::fixed(i.rounded(), lang),
                r.band.as_deref().unwrap_or("")
            ),
            None => "—".into(),
        });
        let rank = r.rank.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
        let _ = writeln!(
            out,
            "{}",
            line([rank, r.unit.to_string(), r.name.clone()], cells)
        );
    }
    // The footer rows: the group's mean per field, then the units per band.
    let mut means: Vec<String> = (0..a.fields().len())
        .map(|k| match a.stats[k].mean {
            Some(m) => {
                let band = a
                    .mean_band(set, k)
                    .map(|b| set.bands[b].code.as_str())
                    .unwrap_or("");
                format!("{} {band}", pct(m, lang))
            }
            None => "—".into(),
        })
        .collect();
    means.push(match a.ranking.mean {
        Some(m) => {
            let band = Band::of_percent(&set.bands, m)
                .map(|b| set.bands[b].code.as_str())
                .unwrap_or("");
            format!("{} {band}", pct(m, lang))
        }
        None => "—".into(),
    });
    let _ = writeln!(
        out,
        "{}",
        line(
            [String::new(), String::new(), w::group_mean(lang).into()],
            means
        )
    );
    for (k, band) in set.bands.iter().enumerate() {
        let mut cells: Vec<String> = a
            .stats
            .iter()
            .map(|s| format!("{}  ", s.bands[k]))
            .collect();
        cells.push(format!("{}  ", index_bands[k]));
        let _ = writeln!(
            out,
            "{}",
            line(
                [
                    String::new(),
                    String::new(),
                    w::units_in_band(&band.code, lang)
                ],
                cells
            )
        );
    }
    out.push('\n');
    for &f in a.fields() {
        let node = set.node(f);
        let title = crate::i18n::documents::short_title(&node.title, 70);
        let _ = writeln!(
            out,
            "  {}",
            w::field_legend(node.code.as_str(), &title, &node.max.to_string(), lang)
        );
    }
    out.push('\n');
    for s in summary(set, a, year, lang) {
        let _ = writeln!(out, "{s}");
    }
    if let Some(u) = only {
        let t = ws.field_years(Subject::Unit(u.as_str()), year - 1, year)?;
        if t.years == [year - 1, year] {
            let _ = writeln!(out, "{}", unit_falls(u.as_str(), &t, year - 1, lang));
        }
    }
    Ok(out)
}

/// The sentences under a group's table: weakest fields, fields that fell, the group target.
pub fn summary(set: &CriteriaSet, a: &GroupAnalysis, year: i32, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let label = |k: usize| {
        let node = set.node(a.fields()[k]);
        format!(
            "{} {}",
            node.code,
            crate::i18n::documents::short_title(&node.title, 40)
        )
    };
    let weakest: Vec<String> = a
        .weakest()
        .into_iter()
        .take(3)
        .map(|k| {
            let m = a.stats[k].mean.map(|d| pct(d, lang)).unwrap_or_default();
            format!("{} {m} %", label(k))
        })
        .collect();
    if !weakest.is_empty() {
        out.push(w::weakest(&weakest.join(" · "), lang));
    }
    if a.previous.iter().all(Option::is_none) {
        out.push(w::no_fields_of_year(year - 1, lang));
    } else {
        let fell: Vec<String> = a
            .fell()
            .into_iter()
            .map(|(k, before, now)| {
                format!("{} ({} → {})", label(k), pct(before, lang), pct(now, lang))
            })
            .collect();
        out.push(if fell.is_empty() {
            w::none_fell(year - 1, lang)
        } else {
            w::fell_since(year - 1, &fell.join(" · "), lang)
        });
    }
    match a.pull() {
        None => out.push(w::no_province_index(year - 1, lang)),
        Some(p) => {
            out.push(w::group_target(
                &pct(p.mean, lang),
                year - 1,
                &crate::i18n::numbers::fixed(p.target, lang),
                p.met,
                lang,
            ));
            let parts: Vec<String> = p
                .pulling()
                .map(|x| {
                    let name = match x.part {
                        Part::Field(k) => {
                            w::field_named(set.node(a.fields()[k]).code.as_str(), lang)
                        }
                        Part::Survey => w::survey_part(lang).to_string(),
                        Part::Extra => w::extra_part(lang).to_string(),
                    };
                    let rise = x
                        .rise
                        .zip(x.points)
                        .map(|(r, p)| (up2(r, lang), up2(p, lang)));
                    w::pull_part(
                        &name,
                        &pct(x.share, lang),
                        rise.as_ref().map(|(r, p)| (r.as_str(), p.as_str())),
                        lang,
                    )
                })
                .collect();
            out.push(if parts.is_empty() {
                w::nothing_pulls(lang).to_string()
            } else {
                w::pulling(&parts.join("; "), p.met, lang)
            });
        }
    }
    out
}

/// A unit's fields lower than its own of the year before (`t` holds those two years).
fn unit_falls(unit: &str, t: &FieldYears, year: i32, lang: Lang) -> String {
    let fell = t.fell_last_year();
    if fell.is_empty() {
        return w::unit_none_fell(unit, year, lang);
    }
    let list: Vec<String> = fell
        .iter()
        .map(|(f, a, b)| {
            format!(
                "{} ({} → {})",
                t.fields[*f].code,
                pct(*a, lang),
                pct(*b, lang)
            )
        })
        .collect();
    w::unit_fell_since(unit, year, &list.join(" · "), lang)
}

/// `analyze fields --years A-B`: the province's, a group's or a unit's fields by year.
fn across_years(
    ws: &Workspace,
    args: FieldsArgs,
    unit: Option<&str>,
    from: i32,
    to: i32,
    lang: Lang,
) -> Result<Output, AppError> {
    let (subject, label, bands): (Subject<'_>, String, Vec<Band>) = match (unit, args.group) {
        (Some(u), _) => {
            let row = ws.unit(u)?;
            let bands = ws.set(&row.group)?.bands.clone();
            (
                Subject::Unit(u),
                format!("{} ({})", row.name, row.code),
                bands,
            )
        }
        (None, Some(g)) => {
            let name = ws
                .chosen_groups(Some(g))?
                .into_iter()
                .next()
                .map(|(_, n)| n)
                .unwrap_or_default();
            (
                Subject::Group(g),
                format!("{name} ({g})"),
                ws.set(g)?.bands.clone(),
            )
        }
        (None, None) => (
            Subject::Province,
            w::province(lang).to_string(),
            Band::national(),
        ),
    };
    let t = ws.field_years(subject, from, to)?;
    if args.csv {
        let code = match subject {
            Subject::Province => "province",
            Subject::Group(g) => g,
            Subject::Unit(u) => u,
        };
        let years: Vec<String> = t.years.iter().map(|y| y.to_string()).collect();
        let mut header: Vec<&str> = vec!["subject", "field", "field_name"];
        header.extend(years.iter().map(String::as_str));
        header.extend(["mean", "band"]);
        let rows = (0..t.fields.len())
            .map(|f| {
                let s = &t.fields[f];
                let mut row = vec![code.to_string(), s.code.clone(), s.name.clone()];
                // CSV keeps the machine format.
                let machine = |d: Decimal| crate::domain::index::round2(d).fixed2();
                row.extend(s.values.iter().map(|v| v.map(machine).unwrap_or_default()));
                row.push(s.mean().map(machine).unwrap_or_default());
                row.push(
                    t.band(f, &bands)
                        .map(|b| bands[b].code.clone())
                        .unwrap_or_default(),
                );
                row
            })
            .collect();
        return Ok(Output::Csv(csv(&header, rows)?));
    }
    if t.fields.is_empty() {
        return Err(AppError::Refused(w::no_history(&label, from, to, lang)));
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", w::years_title(&label, from, to, lang));
    let _ = writeln!(out, "{}", w::years_legend(&w::bands_text(&bands), lang));
    out.push('\n');
    let line = |code: &str, name: &str, cells: Vec<String>| {
        let mut s = format!("{} {}", pad(code, 4, false), pad(&cut(name, 44), 44, false));
        for c in cells {
            s.push(' ');
            s.push_str(&pad(&c, 6, true));
        }
        s.trim_end().to_string()
    };
    let mut heads: Vec<String> = t.years.iter().map(|y| y.to_string()).collect();
    heads.push(w::mean(lang).into());
    heads.push(w::band(lang).into());
    let _ = writeln!(out, "{}", line("", w::field(lang), heads));
    for (f, s) in t.fields.iter().enumerate() {
        let mut cells: Vec<String> = s
            .values
            .iter()
            .map(|v| v.map(|d| pct(d, lang)).unwrap_or_else(|| "—".into()))
            .collect();
        cells.push(s.mean().map(|d| pct(d, lang)).unwrap_or_else(|| "—".into()));
        cells.push(
            t.band(f, &bands)
                .map(|b| bands[b].code.clone())
                .unwrap_or_else(|| "—".into()),
        );
        let name = crate::i18n::documents::short_title(&s.name, 60);
        let _ = writeln!(out, "{}", line(&s.code, &name, cells));
    }
    out.push('\n');
    let counts: Vec<String> = bands
        .iter()
        .zip(t.band_counts(&bands))
        .map(|(b, n)| format!("{} {n}", b.code))
        .collect();
    let _ = writeln!(out, "{}", w::band_counts(&counts.join(" · "), lang));
    if let (Some(&first), Some(&last)) = (t.years.first(), t.years.last())
        && first < last
    {
        let list = |fell: Vec<(usize, Decimal, Decimal)>| -> Vec<String> {
            fell.into_iter()
                .map(|(f, a, b)| {
                    let s = &t.fields[f];
                    let name = crate::i18n::documents::short_title(&s.name, 50);
                    format!("{} {name} ({} → {})", s.code, pct(a, lang), pct(b, lang))
                })
                .collect()
        };
        let fell = |from: i32, fields: Vec<String>| {
            if fields.is_empty() {
                w::none_between(from, last, lang)
            } else {
                w::fell_between(from, last, &fields.join(" · "), lang)
            }
        };
        let _ = writeln!(out, "{}", fell(first, list(t.fell_over_period())));
        let before = t.years[t.years.len() - 2];
        if before != first {
            let _ = writeln!(out, "{}", fell(before, list(t.fell_last_year())));
        }
    }
    Ok(Output::Text(out.trim_end().to_string()))
}

// ---------- plan ----------

/// `plan UNIT`.
pub fn plan(ws: &Workspace, unit: &str, as_csv: bool, lang: Lang) -> Result<Output, AppError> {
    let row = ws.unit(unit)?;
    let set = ws.set(&row.group)?;
    let (_, way) = ws.way_up(unit)?;
    let way = way.ok_or_else(|| AppError::Refused(w::no_index(unit, lang)))?;
    if as_csv {
        return Ok(Output::Csv(csv(&PLAN_COLUMNS, plan_rows(set, &way))?));
    }
    let note = ws
        .previous_notes(lang)?
        .remove(row.code.as_str())
        .unwrap_or_default();
    Ok(Output::Text(plan_text(set, &way, ws.year, &note, lang)))
}

/// The columns of `plan --format csv`. `part` is `field` or `criterion` (points lost), or
/// `above`, `band`, `previous` (a goal); `status` says how the goal stands (`gap`,
/// `out_of_reach`, `met`, `already_first`, `not_ranked`, `top_band`, `no_previous`); the
/// criteria that close a gap follow its line, numbered by `step`.
pub const PLAN_COLUMNS: [&str; 14] = [
    "unit",
    "part",
    "status",
    "goal",
    "goal_percent",
    "needed",
    "step",
    "code",
    "title",
    "max",
    "points",
    "lost",
    "cumulative",
    "index_after",
];

fn plan_rows(set: &CriteriaSet, way: &WayUp) -> Vec<Vec<String>> {
    let unit = way.unit.to_string();
    let mut out = Vec::new();
    let blank = || String::new();
    for (part, list) in [("field", &way.fields), ("criterion", &way.criteria)] {
        for l in list {
            let node = set.node(l.node);
            out.push(vec![
                unit.clone(),
                part.into(),
                blank(),
                blank(),
                blank(),
                blank(),
                blank(),
                node.code.to_string(),
                node.title.clone(),
                l.max.fixed2(),
                l.points.fixed2(),
                l.lost().fixed2(),
                blank(),
                blank(),
            ]);
        }
    }
    for (part, target) in [
        ("above", &way.above),
        ("band", &way.band_up),
        ("previous", &way.previous_target),
    ] {
        let (status, goal, needed) = match target {
            Target::Gap(g) => (
                if g.reachable { "gap" } else { "out_of_reach" },
                Some(&g.goal),
                g.needed.fixed2(),
            ),
            Target::Met { goal, .. } => ("met", Some(goal), blank()),
            Target::AlreadyFirst => ("already_first", None, blank()),
            Target::NotRanked => ("not_ranked", None, blank()),
            Target::TopBand => ("top_band", None, blank()),
            Target::NoPrevious => ("no_previous", None, blank()),
        };
        let (goal_name, goal_pct) = match goal {
            Some(Goal::Above { unit, index, .. }) => (unit.to_string(), index.to_string()),
            Some(Goal::Band { code, min, .. }) => (code.clone(), min.fixed2()),
            Some(Goal::Previous { percent }) => ("previous".into(), percent.fixed2()),
            None => (blank(), blank()),
        };
        let mut line = vec![
            unit.clone(),
            part.into(),
            status.into(),
            goal_name.clone(),
            goal_pct.clone(),
            needed.clone(),
        ];
        line.extend(std::iter::repeat_n(blank(), 8));
        if let Target::Gap(g) = target
            && !g.reachable
        {
            line[13] = g.best.to_string();
        }
        out.push(line);
        if let Target::Gap(g) = target {
            for (k, s) in g.steps.iter().enumerate() {
                let node = set.node(s.loss.node);
                out.push(vec![
                    unit.clone(),
                    part.into(),
                    status.into(),
                    goal_name.clone(),
                    goal_pct.clone(),
                    needed.clone(),
                    (k + 1).to_string(),
                    node.code.to_string(),
                    node.title.clone(),
                    s.loss.max.fixed2(),
                    s.loss.points.fixed2(),
                    s.loss.lost().fixed2(),
                    s.cumulative.fixed2(),
                    s.index.to_string(),
                ]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_as_a_range() {
        assert_eq!(parse_years("2016-2021"), Some((2016, 2021)));
        assert_eq!(parse_years(" 2016 – 2021 "), Some((2016, 2021)));
        assert_eq!(parse_years("2021"), Some((2021, 2021)));
        assert_eq!(parse_years("2021-2016"), None);
        assert_eq!(parse_years("20-21"), None);
        assert_eq!(parse_years("abc"), None);
    }
}
