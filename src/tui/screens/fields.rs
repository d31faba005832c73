//! The analysis by field of a group: units × fields with each cell's percent and band letter,
//! the group's mean and the units per band as footer rows, and the weakest fields, the fields
//! that fell and the group target under them. Field columns scroll sideways (← →) when the
//! window is narrower than the table; only the visible rows and columns are built.

use super::{cut, tabs::group_tabs, title_line};
use crate::domain::analysis::{GroupAnalysis, Part};
use crate::domain::criteria::Band;
use crate::domain::index::round2;
use crate::domain::{CriteriaSet, Index};
use crate::i18n::analysis as w;
use crate::i18n::screens as words;
use crate::tui::action::FieldsData;
use crate::tui::app::{App, FieldsView};
use crate::view::band_mark;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;

/// A field's column: `100.00 A`.
/// A cell's width with a band of one or two letters (`100.00 A`); a set whose band marks are
/// longer gets wider cells (see `view::band_mark`).
const CELL: u16 = 8;
/// The unit column is not cut narrower than this while fields can scroll instead.
const NAME_MIN: u16 = 16;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(f) = &app.fields else { return };
    let title = title(app, f);
    let Some(d) = loaded_or_why(app, f, &title, frame, area) else {
        return;
    };
    let (set, a) = (&*d.set, &d.analysis);
    let n_bands = set.bands.len() as u16;
    // Under the footer rows, one line of conclusions, three when the window is tall.
    let summary_h: u16 = if area.height >= 34 { 3 } else { 1 };
    let [top, tabs, info, body, foot, summary] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2 + n_bands),
        Constraint::Length(summary_h),
    ])
    .areas(area);
    title_line(app, frame, top, &title);
    group_tabs(app, frame, tabs);
    let grid = grid(f, set, a, area.width);
    info_line(app, f, set, a, &grid.cols, frame, info);
    units_table(app, f, set, a, &grid, frame, body);
    footer(app, set, a, &grid, frame, foot);
    summary_lines(app, set, a, frame, summary);
}

/// The title: the group, the year, how much is decided once it is known.
fn title(app: &App, f: &FieldsView) -> String {
    let lang = app.lang;
    let group_name = app
        .groups
        .get(app.group)
        .map(|g| g.name.as_str())
        .unwrap_or("");
    let mut title = w::fields_screen_title(group_name, app.year, lang);
    if let Some(d) = f.loaded() {
        let r = &d.analysis.ranking;
        title.push_str(&format!(
            " · {}",
            w::decided_short(r.decided, r.items, lang)
        ));
    }
    title
}

/// The analysis loaded; while it is being computed, or when it failed, the screen says so.
fn loaded_or_why<'a>(
    app: &App,
    f: &'a FieldsView,
    title: &str,
    frame: &mut Frame,
    area: Rect,
) -> Option<&'a FieldsData> {
    let other = match &f.data {
        Some(Ok(d)) => return Some(d),
        other => other,
    };
    let [top, tabs, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    title_line(app, frame, top, title);
    group_tabs(app, frame, tabs);
    let text = match other {
        Some(Err(msg)) => Line::styled(format!("✗ {msg}"), app.theme.error()),
        _ => Line::raw(words::computing(app.lang)),
    };
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::TOP)),
        body,
    );
    None
}

/// The columns of the table and of its footer.
struct Grid {
    rank_w: u16,
    /// The fields shown (positions among the fields).
    cols: Vec<usize>,
    name_w: usize,
    widths: Vec<Constraint>,
}

/// Which field columns fit beside the rank, the unit and the index, the selected one among
/// them.
fn grid(f: &FieldsView, set: &CriteriaSet, a: &GroupAnalysis, width: u16) -> Grid {
    let n_fields = a.fields().len();
    // `100.00 ` and the longest band mark.
    let marks = set
        .bands
        .iter()
        .map(|b| band_mark(&b.code).width() as u16)
        .max()
        .unwrap_or(1);
    let cell = CELL.max(7 + marks);
    let rank_w = a.ranking.rows.len().to_string().len().max(4) as u16;
    let fixed = rank_w + 1 + NAME_MIN + 1 + cell;
    let fit = ((width.saturating_sub(fixed)) / (cell + 1)).max(1) as usize;
    let shown = fit.min(n_fields);
    let mut first = f.first_field.get().min(n_fields.saturating_sub(shown));
    if f.field < first {
        first = f.field;
    } else if f.field >= first + shown {
        first = f.field + 1 - shown;
    }
    f.first_field.set(first);
    let cols: Vec<usize> = (first..first + shown).collect();
    // What the unit column gets: the rest, after the spaces between the columns.
    let name_w =
        (width as usize).saturating_sub(rank_w as usize + (shown + 1) * cell as usize + shown + 2);
    let mut widths = vec![Constraint::Length(rank_w), Constraint::Min(NAME_MIN)];
    widths.extend(cols.iter().map(|_| Constraint::Length(cell)));
    widths.push(Constraint::Length(cell));
    Grid {
        rank_w,
        cols,
        name_w,
        widths,
    }
}

fn right(s: String, style: Style) -> Cell<'static> {
    Cell::from(Line::styled(s, style).right_aligned())
}

fn band_style(app: &App, set: &CriteriaSet, b: Option<usize>) -> Style {
    b.map_or(Style::new(), |b| app.theme.band(b, set.bands.len()))
}

/// A percent and its band's mark (its letter, or `N1` for "Nhóm 1"), in the band's colour.
fn cell(app: &App, set: &CriteriaSet, index: Option<Index>, band: Option<usize>) -> Cell<'static> {
    match index {
        Some(i) => {
            let code = band
                .map(|b| band_mark(&set.bands[b].code))
                .unwrap_or_default();
            right(format!("{i} {code}"), band_style(app, set, band))
        }
        None => right("—  ".into(), Style::new()),
    }
}

/// The units × fields table; only the rows in view are built.
fn units_table(
    app: &App,
    f: &FieldsView,
    set: &CriteriaSet,
    a: &GroupAnalysis,
    grid: &Grid,
    frame: &mut Frame,
    body: Rect,
) {
    let lang = app.lang;
    let mut heads = vec![
        right(
            w::rank(lang).chars().take(grid.rank_w as usize).collect(),
            Style::new(),
        ),
        Cell::from(w::unit(lang)),
    ];
    for &k in &grid.cols {
        let code = set.node(a.fields()[k]).code.to_string();
        let style = if k == f.field {
            app.theme.selected()
        } else {
            Style::new()
        };
        heads.push(right(format!("{code}  "), style));
    }
    heads.push(right(format!("{}  ", w::index(lang)), Style::new()));

    // Only the rows in view are built.
    let height = body.height.saturating_sub(2) as usize;
    let total = a.ranking.rows.len();
    let mut offset = f.offset.get();
    if f.sel < offset {
        offset = f.sel;
    } else if height > 0 && f.sel >= offset + height {
        offset = f.sel + 1 - height;
    }
    offset = offset.min(total.saturating_sub(height.max(1)));
    f.offset.set(offset);
    let rows: Vec<Row> = (offset..(offset + height).min(total))
        .filter_map(|row| {
            let (r, b) = a.row(row)?;
            let mut cells = vec![
                right(
                    r.rank.map(|n| n.to_string()).unwrap_or_else(|| "—".into()),
                    Style::new(),
                ),
                Cell::from(cut(&r.name, grid.name_w)),
            ];
            for &k in &grid.cols {
                let s = &b.fields[k];
                cells.push(cell(
                    app,
                    set,
                    s.percent(),
                    GroupAnalysis::cell_band(set, s),
                ));
            }
            let band = r.index.and_then(|i| Band::of_index(&set.bands, &i));
            cells.push(cell(app, set, r.index, band));
            Some(Row::new(cells))
        })
        .collect();
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(w::no_units(lang)).block(Block::default().borders(Borders::TOP)),
            body,
        );
    } else {
        let table = Table::new(rows, grid.widths.clone())
            .header(Row::new(heads).style(app.theme.header()))
            .row_highlight_style(app.theme.selected())
            .block(Block::default().borders(Borders::TOP));
        let mut state = TableState::default().with_selected(Some(f.sel - offset));
        frame.render_stateful_widget(table, body, &mut state);
    }
}

/// The footer rows: the group's mean per field, then how many units in each band.
fn footer(
    app: &App,
    set: &CriteriaSet,
    a: &GroupAnalysis,
    grid: &Grid,
    frame: &mut Frame,
    foot: Rect,
) {
    let lang = app.lang;
    let mut mean_row = vec![Cell::from(""), Cell::from(w::group_mean(lang))];
    for &k in &grid.cols {
        let m = a.stats[k].mean;
        mean_row.push(match m {
            Some(m) => {
                let b = a.mean_band(set, k);
                let code = b.map(|b| band_mark(&set.bands[b].code)).unwrap_or_default();
                right(
                    format!("{} {code}", round2(m).fixed2()),
                    band_style(app, set, b),
                )
            }
            None => right("—  ".into(), Style::new()),
        });
    }
    mean_row.push(match a.ranking.mean {
        Some(m) => {
            let b = Band::of_percent(&set.bands, m);
            let code = b.map(|b| band_mark(&set.bands[b].code)).unwrap_or_default();
            right(
                format!("{} {code}", round2(m).fixed2()),
                band_style(app, set, b),
            )
        }
        None => right("—  ".into(), Style::new()),
    });
    let mut foot_rows = vec![Row::new(mean_row).style(app.theme.parent())];
    for (b, band) in set.bands.iter().enumerate() {
        let mut cells = vec![
            Cell::from(""),
            Cell::from(w::units_in_band(&band.code, lang)),
        ];
        for &k in &grid.cols {
            cells.push(right(format!("{}  ", a.stats[k].bands[b]), Style::new()));
        }
        let in_band = a
            .ranking
            .rows
            .iter()
            .filter(|r| r.index.and_then(|i| Band::of_index(&set.bands, &i)) == Some(b))
            .count();
        cells.push(right(format!("{in_band}  "), Style::new()));
        foot_rows.push(Row::new(cells));
    }
    frame.render_widget(
        Table::new(foot_rows, grid.widths.clone()).block(Block::default().borders(Borders::TOP)),
        foot,
    );
}

/// Which fields are shown, and the selected field's title, maximum and group mean.
fn info_line(
    app: &App,
    f: &FieldsView,
    set: &CriteriaSet,
    a: &GroupAnalysis,
    cols: &[usize],
    frame: &mut Frame,
    area: Rect,
) {
    let lang = app.lang;
    let n = a.fields().len();
    let (Some(&first), Some(&last)) = (cols.first(), cols.last()) else {
        return;
    };
    let cursor = w::field_cursor(first + 1, last + 1, n, lang);
    let node = set.node(a.fields()[f.field]);
    let mean = a.stats[f.field]
        .mean
        .map(|m| {
            let band = a
                .mean_band(set, f.field)
                .map(|b| set.bands[b].code.as_str())
                .unwrap_or("");
            format!("{} % {band}", round2(m).fixed2())
        })
        .unwrap_or_else(|| "—".into());
    let title = crate::i18n::documents::short_title(&node.title, 200);
    let max = node.max.to_string();
    // The title gives way first: the code, the maximum and the mean always show.
    let fixed = w::field_info(node.code.as_str(), "", &max, &mean, lang);
    let used = unicode_width::UnicodeWidthStr::width(format!("{cursor} · {fixed}").as_str());
    let title = cut(&title, (area.width as usize).saturating_sub(used + 1));
    let info = w::field_info(node.code.as_str(), &title, &max, &mean, lang);
    let line = Line::from(vec![
        Span::styled(cursor, app.theme.key()),
        Span::raw(" · "),
        Span::styled(info, app.theme.parent()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The weakest fields, the fields lower than last year, and the group target.
fn summary_lines(app: &App, set: &CriteriaSet, a: &GroupAnalysis, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let code = |k: usize| set.node(a.fields()[k]).code.to_string();
    let weakest: Vec<String> = a
        .weakest()
        .into_iter()
        .take(3)
        .map(|k| {
            let m = a.stats[k]
                .mean
                .map(|m| round2(m).fixed2())
                .unwrap_or_default();
            format!("{} ({m})", code(k))
        })
        .collect();
    let mut parts = vec![w::weakest_short(&weakest.join(" · "), lang)];
    let fell: Vec<String> = a.fell().into_iter().map(|(k, _, _)| code(k)).collect();
    if !fell.is_empty() {
        parts.push(w::fell_short(&fell.join(", "), lang));
    }
    if let Some(p) = a.pull() {
        let mut target = w::target_short(&round2(p.mean).fixed2(), &p.target.fixed2(), p.met, lang);
        let pulling: Vec<String> = p
            .pulling()
            .map(|x| match x.part {
                Part::Field(k) => code(k),
                Part::Survey => w::survey_short(lang).to_string(),
                Part::Extra => w::extra_part(lang).to_string(),
            })
            .collect();
        if !pulling.is_empty() {
            target.push_str(&format!(
                ", {}",
                w::pulling_short(&pulling.join(", "), lang)
            ));
        }
        parts.push(target);
    }
    let width = area.width as usize;
    let lines: Vec<Line> = if area.height >= 3 {
        parts
            .iter()
            .map(|p| Line::styled(cut(p, width), app.theme.dim()))
            .collect()
    } else {
        vec![Line::styled(
            cut(&parts.join(" · "), width),
            app.theme.dim(),
        )]
    };
    frame.render_widget(Paragraph::new(lines), area);
}
