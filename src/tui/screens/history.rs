//! The history over the years: a unit's index by year (bars), its band and rank; a group's
//! mean against the province's index of the year before and how many units rose; the
//! province's national rank against the source document's targets. Every mark is a glyph
//! (`✓`, `✗`, `○`, `•`), so nothing rests on colour.

use super::{tabs::group_tabs, title_line};
use crate::domain::Points;
use crate::domain::history::{GroupYear, ProvinceYear, Source, UnitYear};
use crate::domain::index::round2;
use crate::i18n::commands::history_words;
use crate::i18n::screens as words;
use crate::i18n::{source_label, target_label, verdict_label};
use crate::service::{GroupHistory, ProvinceHistory, UnitHistory};
use crate::tui::action::HistoryData;
use crate::tui::app::{App, HistoryView};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Cell, Chart, Dataset, GraphType, Paragraph, Row, Table, Tabs, Wrap,
};
use unicode_width::UnicodeWidthStr;

/// From this width the chart stands beside the table instead of above it.
const SIDE_BY_SIDE: u16 = 110;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let [top, tabs, views, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let subject = match (&app.history.data, app.history.view) {
        (Some(Ok(HistoryData::Unit(h))), _) => format!("{} ({})", h.unit.name, h.unit.code),
        (Some(Ok(HistoryData::Group(h))), _) => h.name.clone(),
        (_, HistoryView::Province) => words::the_province(lang).to_string(),
        _ => String::new(),
    };
    title_line(app, frame, top, &words::history_title(&subject, lang));
    group_tabs(app, frame, tabs);
    view_tabs(app, frame, views);
    match &app.history.data {
        None => frame.render_widget(Paragraph::new(words::computing(lang)), body),
        Some(Err(msg)) => frame.render_widget(
            Paragraph::new(Line::styled(format!("✗ {msg}"), app.theme.error()))
                .wrap(Wrap { trim: true }),
            body,
        ),
        Some(Ok(HistoryData::Unit(h))) => unit(app, frame, body, h),
        Some(Ok(HistoryData::Group(h))) => group(app, frame, body, h),
        Some(Ok(HistoryData::Province(h))) => province(app, frame, body, h),
    }
}

fn view_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let all = [HistoryView::Unit, HistoryView::Group, HistoryView::Province];
    let [label, tabs] = Layout::horizontal([
        Constraint::Length(words::history_views(lang).width() as u16 + 1),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(format!(" {}", words::history_views(lang))).style(app.theme.dim()),
        label,
    );
    // The view shown is in brackets as well as reversed: it reads without colour.
    let titles: Vec<String> = all
        .iter()
        .map(|v| {
            let name = words::history_view(*v, lang);
            if *v == app.history.view {
                format!("[{name}]")
            } else {
                name.to_string()
            }
        })
        .collect();
    let selected = all.iter().position(|v| *v == app.history.view);
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .highlight_style(app.theme.selected()),
        tabs,
    );
}

fn dash<T>(v: Option<T>, f: impl FnOnce(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| "—".into())
}

fn rank_of(rank: Option<u32>, of: Option<u32>) -> String {
    match (rank, of) {
        (Some(r), Some(of)) => format!("{r}/{of}"),
        (Some(r), None) => r.to_string(),
        _ => "—".into(),
    }
}

fn mark(app: &App, v: Option<bool>) -> Span<'static> {
    match v {
        Some(true) => Span::styled("✓", app.theme.ok()),
        Some(false) => Span::styled("✗", app.theme.error()),
        None => Span::raw("—"),
    }
}

/// A table whose columns are as wide as their widest cell; `right` columns aligned right.
/// With more rows than fit, the last ones (the latest years) are shown.
fn table<'a>(
    app: &App,
    heads: &[&str],
    right: &[bool],
    rows: Vec<Vec<Span<'a>>>,
    height: u16,
) -> (Table<'a>, u16) {
    let widths: Vec<u16> = (0..heads.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].content.width())
                .chain([heads[i].width()])
                .max()
                .unwrap_or(0) as u16
        })
        .collect();
    let cell = |i: usize, s: Span<'a>| {
        let line = Line::from(s);
        Cell::from(if right[i] { line.right_aligned() } else { line })
    };
    let room = height.saturating_sub(1) as usize;
    let skip = rows.len().saturating_sub(room);
    let rows: Vec<Row> = rows
        .into_iter()
        .skip(skip)
        .map(|r| Row::new(r.into_iter().enumerate().map(|(i, s)| cell(i, s))))
        .collect();
    let head = Row::new(
        heads
            .iter()
            .enumerate()
            .map(|(i, h)| cell(i, Span::raw(h.to_string()))),
    )
    .style(app.theme.header());
    let total: u16 = widths.iter().sum::<u16>() + 2 * widths.len().saturating_sub(1) as u16;
    let t = Table::new(rows, widths.into_iter().map(Constraint::Length))
        .header(head)
        .column_spacing(2);
    (t, total)
}

/// A legend under the body, in as many lines as it takes; returns the area left above it.
fn legend(app: &App, frame: &mut Frame, area: Rect, text: &str) -> Rect {
    let lines = (text.width().div_ceil(area.width.max(1) as usize) + 1).min(3) as u16;
    let [rest, foot] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(lines)]).areas(area);
    frame.render_widget(
        Paragraph::new(text.to_string())
            .style(app.theme.dim())
            .wrap(Wrap { trim: true }),
        foot,
    );
    rest
}

/// The chart's area and the table's: beside each other on a wide window, the chart above
/// the table on a narrow one.
fn split(area: Rect, table_width: u16, table_rows: u16) -> (Rect, Rect) {
    if area.width >= SIDE_BY_SIDE {
        let [t, _, c] = Layout::horizontal([
            Constraint::Length(table_width),
            Constraint::Length(2),
            Constraint::Min(10),
        ])
        .areas(area);
        (c, t)
    } else {
        let rows = (table_rows + 1).min(area.height.saturating_sub(4));
        let [c, t] = Layout::vertical([Constraint::Min(4), Constraint::Length(rows)]).areas(area);
        (c, t)
    }
}

/// The floor of a chart of indexes: a round ten under the lowest, at most 90.
fn floor_of(values: impl Iterator<Item = Points>) -> i64 {
    let lowest = values.map(Points::hundredths).min().unwrap_or(0);
    ((lowest / 1000) * 1000 - 1000).clamp(0, 9000)
}

fn year_label(year: i32, current: bool) -> String {
    if current {
        format!("{year}*")
    } else {
        year.to_string()
    }
}

/// A unit that came from others: where it came from, then one table of its years and its
/// predecessors' (each unit's latest years, as many as fit).
fn unit_with_predecessors(app: &App, frame: &mut Frame, area: Rect, h: &UnitHistory) {
    let lang = app.lang;
    let w = history_words(&crate::domain::history::SOURCE_PLAN, lang);
    let mut note = String::new();
    if let Some((kind, from, year)) = &h.came_from {
        note = crate::words::documents::lineage_line(*kind, from, *year, lang);
    }
    let area = legend(app, frame, area, &note);
    let room = area.height.saturating_sub(1) as usize;
    let own = h.years.len().min(room / 2).max(h.years.len().min(1));
    let each = room
        .saturating_sub(own)
        .checked_div(h.predecessors.len())
        .unwrap_or(0);
    let code_cell = |c: &str| Span::raw(c.to_string());
    let mut rows: Vec<Vec<Span>> = Vec::new();
    for y in &h.years[h.years.len() - own..] {
        let mut r = vec![code_cell(h.unit.code.as_str())];
        r.extend(unit_cells(app, y));
        rows.push(r);
    }
    for p in &h.predecessors {
        let from = p.years.len().saturating_sub(each);
        for y in &p.years[from..] {
            let mut r = vec![Span::styled(format!("↳ {}", p.code), app.theme.dim())];
            r.extend(unit_cells(app, y));
            rows.push(r);
        }
    }
    let mut heads = vec![words::unit_code_head(lang)];
    heads.extend(w.unit_heads());
    let right = [false, false, true, true, false, false, true, false];
    let (t, _) = table(app, &heads, &right, rows, area.height);
    frame.render_widget(t, area);
}

fn unit(app: &App, frame: &mut Frame, area: Rect, h: &UnitHistory) {
    let lang = app.lang;
    let w = history_words(&crate::domain::history::SOURCE_PLAN, lang);
    if !h.predecessors.is_empty() {
        return unit_with_predecessors(app, frame, area, h);
    }
    if h.years.is_empty() {
        frame.render_widget(Paragraph::new(w.nothing).wrap(Wrap { trim: true }), area);
        return;
    }
    let floor = floor_of(h.years.iter().map(|y| y.index));
    let area = legend(
        app,
        frame,
        area,
        &words::history_unit_legend(&(floor / 100).to_string(), lang),
    );
    let rows: Vec<Vec<Span>> = h.years.iter().map(|y| unit_cells(app, y)).collect();
    let heads = w.unit_heads();
    let right = [false, true, true, false, false, true, false];
    let n = rows.len() as u16;
    let (t, width) = table(app, &heads, &right, rows, area.height);
    let (chart, tab) = split(area, width, n + 1);
    frame.render_widget(t, tab);
    bars(app, frame, chart, &h.years, floor);
}

fn unit_cells(app: &App, y: &UnitYear) -> Vec<Span<'static>> {
    let lang = app.lang;
    vec![
        Span::raw(year_label(y.year, y.source == Source::Current)),
        Span::raw(super::fig(y.index, lang)),
        Span::raw(dash(y.change, |c| super::signed(c, lang))),
        mark(app, y.rose),
        Span::raw(y.band.clone().unwrap_or_else(|| "—".into())),
        Span::raw(rank_of(y.rank, y.ranked_of)),
        Span::raw(source_label(y.source, app.lang)),
    ]
}

/// The unit's index by year as bars from `floor`, each with its value and year.
fn bars(app: &App, frame: &mut Frame, area: Rect, years: &[UnitYear], floor: i64) {
    let lang = app.lang;
    if area.height < 3 || area.width < 8 {
        return;
    }
    let fit = (area.width as usize + 1) / 6;
    let shown = &years[years.len().saturating_sub(fit.max(1))..];
    let bars: Vec<Bar> = shown
        .iter()
        .map(|y| {
            let value = (y.index.hundredths() - floor).max(1) as u64;
            Bar::default()
                .value(value)
                .text_value(super::fig(y.index, lang))
                .label(Line::from(year_label(y.year, y.source == Source::Current)))
        })
        .collect();
    let chart = BarChart::new(bars)
        .bar_width(5)
        .bar_gap(1)
        .max((10_000 - floor) as u64)
        .bar_style(app.theme.bar())
        .value_style(app.theme.selected());
    frame.render_widget(chart, area);
}

fn group(app: &App, frame: &mut Frame, area: Rect, h: &GroupHistory) {
    let lang = app.lang;
    let w = history_words(&crate::domain::history::SOURCE_PLAN, lang);
    if h.years.is_empty() {
        frame.render_widget(Paragraph::new(w.nothing).wrap(Wrap { trim: true }), area);
        return;
    }
    let area = legend(app, frame, area, words::history_group_legend(lang));
    let rows: Vec<Vec<Span>> = h.years.iter().map(|y| group_cells(app, y)).collect();
    let heads = w.group_heads();
    let right = [false, true, true, true, false, true];
    let n = rows.len() as u16;
    let (t, width) = table(app, &heads, &right, rows, area.height);
    let (chart, tab) = split(area, width, n + 1);
    frame.render_widget(t, tab);
    means(app, frame, chart, &h.years);
}

fn group_cells(app: &App, y: &GroupYear) -> Vec<Span<'static>> {
    let lang = app.lang;
    vec![
        Span::raw(year_label(y.year, y.current)),
        Span::raw(y.units.to_string()),
        Span::raw(super::fig(round2(y.mean), lang)),
        Span::raw(dash(y.province_previous, |p| super::fig(p, lang))),
        mark(app, y.above_province),
        Span::raw(if y.compared == 0 {
            "—".to_string()
        } else {
            format!("{}/{}", y.rose, y.compared)
        }),
    ]
}

/// x bounds and labels for a run of years, drawn `width` columns wide (the middle year only
/// where there is room for three).
fn year_axis<'a>(app: &App, first: i32, last: i32, width: u16) -> Axis<'a> {
    let mid = (first + last) / 2;
    let mut labels = vec![first.to_string()];
    if mid != first && mid != last && width >= 30 {
        labels.push(mid.to_string());
    }
    if last != first {
        labels.push(last.to_string());
    }
    Axis::default()
        .bounds([f64::from(first) - 0.5, f64::from(last) + 0.5])
        .labels(labels)
        .style(app.theme.dim())
}

/// The group's mean by year (a line) and the province's index of the year before (dots).
fn means(app: &App, frame: &mut Frame, area: Rect, years: &[GroupYear]) {
    if area.height < 4 || area.width < 12 {
        return;
    }
    let pct = |d: rust_decimal::Decimal| round2(d).hundredths() as f64 / 100.0;
    let mean: Vec<(f64, f64)> = years
        .iter()
        .map(|y| (f64::from(y.year), pct(y.mean)))
        .collect();
    let province: Vec<(f64, f64)> = years
        .iter()
        .filter_map(|y| {
            y.province_previous
                .map(|p| (f64::from(y.year), p.hundredths() as f64 / 100.0))
        })
        .collect();
    let floor = floor_of(
        years
            .iter()
            .map(|y| round2(y.mean))
            .chain(years.iter().filter_map(|y| y.province_previous)),
    ) as f64
        / 100.0;
    let first = years.first().map_or(0, |y| y.year);
    let last = years.last().map_or(0, |y| y.year);
    let y = Axis::default()
        .bounds([floor, 100.0])
        .labels([format!("{floor:.0}"), "100".to_string()]);
    line_against_dots(app, frame, area, (&mean, &province), (first, last), y);
}

/// A point of a chart: (year, value).
type Point = (f64, f64);

/// A line (the value by year) against dots (what it is compared with), years along.
fn line_against_dots(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    (line, dots): (&[Point], &[Point]),
    (first, last): (i32, i32),
    y: Axis,
) {
    let chart = Chart::new(vec![
        Dataset::default()
            .data(line)
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(app.theme.bar()),
        Dataset::default()
            .data(dots)
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(app.theme.key()),
    ])
    .x_axis(year_axis(app, first, last, area.width))
    .y_axis(y.style(app.theme.dim()))
    .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)));
    frame.render_widget(chart, area);
}

fn province(app: &App, frame: &mut Frame, area: Rect, h: &ProvinceHistory) {
    let lang = app.lang;
    let w = history_words(&h.plan, lang);
    let area = legend(
        app,
        frame,
        area,
        &words::history_province_legend(h.plan.top, h.plan.by, h.plan.until, lang),
    );
    let rows: Vec<Vec<Span>> = h.years.iter().map(|y| province_cells(app, y)).collect();
    let heads = w.province_heads();
    let right = [false, true, true, true, false, false];
    let (t, width) = table(app, &heads, &right, rows, area.height);
    // The table and the rank chart side by side at any width: the years of the plan need
    // the height.
    let [tab, _, chart] = Layout::horizontal([
        Constraint::Length(width.min(area.width.saturating_sub(12))),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(t, tab);
    ranks(app, frame, chart, &h.years);
}

fn province_cells(app: &App, y: &ProvinceYear) -> Vec<Span<'static>> {
    let lang = app.lang;
    use crate::domain::history::Verdict;
    let verdict = match y.verdict {
        None => Span::raw("—"),
        Some(v) => {
            let text = verdict_label(v, app.lang).to_string();
            match v {
                Verdict::Met | Verdict::MetEarly => Span::styled(text, app.theme.ok()),
                Verdict::Missed => Span::styled(text, app.theme.error()),
                _ => Span::raw(text),
            }
        }
    };
    vec![
        Span::raw(y.year.to_string()),
        Span::raw(dash(y.index, |p| super::fig(p, lang))),
        Span::raw(dash(y.change, |c| super::signed(c, lang))),
        Span::raw(rank_of(y.rank, y.ranked_of)),
        Span::raw(dash(y.target, target_label)),
        verdict,
    ]
}

/// The province's rank by year (a line, rank 1 at the top) and the target ranks (dots).
fn ranks(app: &App, frame: &mut Frame, area: Rect, years: &[ProvinceYear]) {
    if area.height < 4 || area.width < 10 {
        return;
    }
    let of = years.iter().filter_map(|y| y.ranked_of).max().unwrap_or(63);
    let actual: Vec<(f64, f64)> = years
        .iter()
        .filter_map(|y| y.rank.map(|r| (f64::from(y.year), -f64::from(r))))
        .collect();
    let target: Vec<(f64, f64)> = years
        .iter()
        .filter_map(|y| y.target.map(|t| (f64::from(y.year), -f64::from(t.rank()))))
        .collect();
    let first = years.first().map_or(0, |y| y.year);
    let last = years.last().map_or(0, |y| y.year);
    let y = Axis::default()
        .bounds([-f64::from(of), -1.0])
        .labels([of.to_string(), "1".to_string()]);
    line_against_dots(app, frame, area, (&actual, &target), (first, last), y);
}
