//! The ranking of a group: provisional or final, with the targets and a bar per unit.

use super::{cut, scroll_into_view, tabs::group_tabs, title_line};
use crate::domain::index::round2;
use crate::domain::{RankRow, Ranking};
use crate::i18n::mode_label;
use crate::i18n::screens as words;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let [top, tabs, head, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    title_line(app, frame, top, &title(app));
    group_tabs(app, frame, tabs);
    let Some(r) = ranking_or_why(app, frame, body) else {
        return;
    };
    frame.render_widget(Paragraph::new(progress(app, r)), head);
    // Where the selected unit's figure of last year came from, under the table, when any
    // unit of the group changed between years.
    if r.rows
        .iter()
        .any(|row| app.lineage.contains_key(row.unit.as_str()))
    {
        let [body, note] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(body);
        table(app, frame, body, r);
        let sel = app.ranking.sel.min(r.rows.len().saturating_sub(1));
        let text = r
            .rows
            .get(sel)
            .and_then(|row| app.lineage.get(row.unit.as_str()).map(|l| (row, l)))
            .map(|(row, l)| {
                let parts: Vec<&str> = [l.came_from.as_str(), l.basis.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                format!("* {}: {}", row.unit, parts.join(" · "))
            })
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(cut(&text, note.width as usize)).style(app.theme.dim()),
            note,
        );
    } else {
        table(app, frame, body, r);
    }
}

/// The title: the mode, the group, the year.
fn title(app: &App) -> String {
    let lang = app.lang;
    let group_name = app
        .groups
        .get(app.group)
        .map(|g| g.name.as_str())
        .unwrap_or("");
    format!(
        "{}{}",
        words::ranking_title(
            mode_label(app.ranking.mode, lang),
            group_name,
            app.year,
            lang
        ),
        super::published_suffix(app)
    )
}

/// The ranking read; while it is being computed, or when it failed, the body says so.
fn ranking_or_why<'a>(app: &'a App, frame: &mut Frame, body: Rect) -> Option<&'a Ranking> {
    let lang = app.lang;
    match &app.ranking.data {
        None => {
            frame.render_widget(Paragraph::new(words::computing(lang)), body);
            None
        }
        Some(Err(msg)) => {
            let mut text = vec![Line::styled(format!("✗ {msg}"), app.theme.error())];
            // The provisional ranking is the way out of a refused final one only.
            if app.ranking.mode == crate::domain::Mode::Final {
                text.push(Line::raw(""));
                text.push(Line::raw(words::provisional_hint(lang)));
            }
            frame.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: true })
                    .block(Block::default().borders(Borders::TOP)),
                body,
            );
            None
        }
        Some(Ok(r)) => Some(r),
    }
}

/// The line over the table: how much is decided, the mean against the province, the target.
fn progress(app: &App, r: &Ranking) -> Line<'static> {
    let lang = app.lang;
    let pct = (r.decided * 100).checked_div(r.items).unwrap_or(100);
    let mean = r
        .mean
        .map(|m| crate::i18n::numbers::percent(round2(m), lang))
        .unwrap_or_else(|| "—".into());
    let prov = r
        .province_previous
        .map(|p| crate::i18n::numbers::percent(p, lang))
        .unwrap_or_else(|| "—".into());
    let target = match r.mean_above_province {
        Some(true) => Span::styled(format!(" ✓ {}", words::target_met(lang)), app.theme.ok()),
        Some(false) => Span::styled(
            format!(" ✗ {}", words::target_not_met(lang)),
            app.theme.error(),
        ),
        None => Span::raw(""),
    };
    Line::from(vec![
        Span::raw(words::ranking_progress(
            r.decided, r.items, pct, &mean, &prov, lang,
        )),
        target,
    ])
}

fn right(s: String) -> Cell<'static> {
    Cell::from(Line::from(s).right_aligned())
}

/// How the table's columns are laid out in the body's width.
struct Columns {
    /// The appraised and survey columns are shown.
    wide: bool,
    name_w: usize,
    bar_w: u16,
    /// The bars' floor, in hundredths of a percent.
    floor: i64,
}

/// The table's heads and widths.
fn columns(
    app: &App,
    wide: bool,
    bar_w: u16,
    floor: i64,
    r: &Ranking,
) -> (Vec<Cell<'static>>, Vec<Constraint>) {
    let lang = app.lang;
    let mut heads = vec![
        right(words::rank(lang).into()),
        Cell::from(words::unit(lang)),
    ];
    let mut widths = vec![Constraint::Length(4), Constraint::Min(12)];
    if wide {
        heads.push(right(words::appraised(lang).into()));
        heads.push(right(words::survey(lang).into()));
        widths.push(Constraint::Length(9));
        widths.push(Constraint::Length(8));
    }
    heads.extend([
        right(words::total(lang).into()),
        right(words::index(lang).into()),
        Cell::from(words::band(lang)),
        right(words::previous(lang).into()),
        right("±".into()),
        Cell::from(words::target(lang)),
    ]);
    // As wide as the longest band name of the ranking ("Nhóm 2", "Xuất sắc"), at least 4.
    let band_w = r
        .rows
        .iter()
        .filter_map(|row| row.band.as_deref())
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
        .max(4) as u16;
    widths.extend([
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(band_w),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(2),
    ]);
    heads.push(Cell::from(format!("{}–100%", floor / 100)));
    widths.push(Constraint::Length(bar_w));
    (heads, widths)
}

/// The table of units, only the lines that fit built.
fn table(app: &App, frame: &mut Frame, body: Rect, r: &Ranking) {
    let wide = body.width >= 110;
    let bar_w: u16 = if wide { 24 } else { 10 };
    let floor = bar_floor(&r.rows);
    let (heads, widths) = columns(app, wide, bar_w, floor, r);
    let fixed: u16 = widths
        .iter()
        .map(|c| match c {
            Constraint::Length(n) => *n + 1,
            _ => 1,
        })
        .sum();
    let name_w = body.width.saturating_sub(fixed) as usize;
    let cols = Columns {
        wide,
        name_w,
        bar_w,
        floor,
    };
    let height = body.height.saturating_sub(2).max(1) as usize;
    let (sel, offset) =
        scroll_into_view(app.ranking.sel, &app.ranking.offset, r.rows.len(), height);
    let shown = &r.rows[offset.min(r.rows.len())..(offset + height).min(r.rows.len())];
    let rows: Vec<Row> = shown.iter().map(|row| table_row(app, row, &cols)).collect();
    let table = Table::new(rows, widths)
        .header(Row::new(heads).style(app.theme.header()))
        .row_highlight_style(app.theme.selected())
        .block(Block::default().borders(Borders::TOP));
    let mut state = TableState::default()
        .with_offset(0)
        .with_selected((!r.rows.is_empty()).then_some(sel - offset));
    frame.render_stateful_widget(table, body, &mut state);
}

/// One unit's line of the table.
fn table_row(app: &App, row: &RankRow, cols: &Columns) -> Row<'static> {
    let lang = app.lang;
    let bar = bar(
        row.index.map(|i| i.rounded().hundredths()),
        cols.floor,
        cols.bar_w as usize,
    );
    let mut name = row.name.clone();
    if !row.ranked {
        name.push_str(&format!(" ({})", words::not_ranked(app.lang)));
    }
    let mut cells = vec![
        right(
            row.rank
                .map(|n| n.to_string())
                .unwrap_or_else(|| "—".into()),
        ),
        Cell::from(cut(&name, cols.name_w)),
    ];
    if cols.wide {
        cells.push(right(super::fig(row.appraised, lang)));
        cells.push(right(if row.survey_missing {
            "—".into()
        } else {
            super::fig(row.survey, lang)
        }));
    }
    cells.extend([
        right(super::fig(row.total, lang)),
        right(
            row.index
                .map(|i| super::fig(i.rounded(), lang))
                .unwrap_or_else(|| "—".into()),
        ),
        Cell::from(row.band.clone().unwrap_or_else(|| "—".into())),
        right({
            let mark = if app
                .lineage
                .get(row.unit.as_str())
                .is_some_and(|l| !l.basis.is_empty())
            {
                "*"
            } else {
                ""
            };
            row.previous
                .map(|p| format!("{}{mark}", super::fig(p, lang)))
                .unwrap_or_else(|| format!("—{mark}"))
        }),
        right(
            row.change
                .map(|c| super::signed(c, lang))
                .unwrap_or_else(|| "—".into()),
        ),
        Cell::from(match row.rises {
            Some(true) => Span::styled("✓", app.theme.ok()),
            Some(false) => Span::styled("✗", app.theme.error()),
            None => Span::raw("—"),
        }),
        Cell::from(Span::styled(bar, app.theme.bar())),
    ]);
    Row::new(cells)
}

/// The floor of the bar scale, in hundredths of a percent: the bars start at a round floor
/// under the lowest index, so that differences show.
fn bar_floor(rows: &[RankRow]) -> i64 {
    let lowest = rows
        .iter()
        .filter_map(|row| row.index.map(|i| i.rounded().hundredths()))
        .min()
        .unwrap_or(0);
    ((lowest / 1000) * 1000 - 1000).clamp(0, 9000)
}

/// A bar from `floor` to 100 % in `width` cells, with eighths of a cell.
fn bar(index: Option<i64>, floor: i64, width: usize) -> String {
    let Some(v) = index else { return String::new() };
    let span = (10_000 - floor).max(1);
    let eighths = ((v.clamp(floor, 10_000) - floor) * (width as i64) * 8 / span) as usize;
    let mut s = "█".repeat(eighths / 8);
    const PART: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PART[eighths % 8]);
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn bars_grow_with_the_index_from_the_floor() {
        assert_eq!(super::bar(Some(10_000), 6_000, 10), "██████████");
        assert_eq!(super::bar(Some(8_000), 6_000, 10), "█████");
        assert_eq!(super::bar(Some(6_000), 6_000, 10), "");
        assert_eq!(super::bar(Some(8_100), 6_000, 10), "█████▎");
        assert_eq!(super::bar(None, 6_000, 10), "");
    }
}
