//! The units of a group, one tab per group, with progress and totals.

use super::{cut, scroll_into_view, tabs::group_tabs, title_line};
use crate::domain::sheet::NodeSum;
use crate::i18n::screens as words;
use crate::tui::action::UnitLine;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let [top, tabs, body, fields, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let illustrative = if app.illustrative {
        format!(" · {}", words::illustrative_mark(lang))
    } else {
        String::new()
    };
    let title = format!(
        "{}{}{illustrative}",
        words::units_title(app.year, lang),
        super::published_suffix(app)
    );
    title_line(app, frame, top, &title);
    group_tabs(app, frame, tabs);

    if app.no_units && app.units.lines.is_empty() {
        welcome(app, frame, body, foot);
        return;
    }

    let shown = app.units.shown();
    let scored = !unscored(app);
    let empty = table(app, frame, body, &shown, scored);

    // The selected unit's progress field by field (the council splits its work by field).
    if let Some(&i) = shown.get(app.units.sel) {
        let parts: Vec<String> = app.units.lines[i]
            .fields
            .iter()
            .map(|(code, decided, items)| {
                let mark = if decided == items { "✓" } else { "" };
                format!("{code}:{decided}/{items}{mark}")
            })
            .collect();
        let text = format!("{} {}", words::by_field(lang), parts.join("  "));
        frame.render_widget(Paragraph::new(cut(&text, fields.width as usize)), fields);
    }
    let foot_text = if !scored {
        words::no_self_scores_yet(lang).to_string()
    } else if !app.units.filter.is_empty() {
        words::unit_filter_footer(&app.units.filter, shown.len(), app.units.lines.len(), lang)
    } else if empty {
        words::no_units(lang).to_string()
    } else {
        words::units_footer(lang).to_string()
    };
    frame.render_widget(
        Paragraph::new(cut(&foot_text, foot.width as usize)).style(app.theme.dim()),
        foot,
    );
}

/// Whether the group's units have no self score yet (a new year before the units' files are
/// imported): every total is zero and nothing is decided, so the self column shows `—` and
/// the footer says what to do, instead of zeros that look like scores.
fn unscored(app: &App) -> bool {
    let lines = &app.units.lines;
    !lines.is_empty()
        && lines.iter().all(|l| {
            let t = &l.totals;
            t.tree.self_total.hundredths() == 0
                && t.tree.decided == 0
                && t.bonus.hundredths() == 0
                && t.deduction.hundredths() == 0
        })
}

/// A year with no unit at all: what to do first, instead of a table.
fn welcome(app: &App, frame: &mut Frame, body: Rect, foot: Rect) {
    let lang = app.lang;
    let lines: Vec<Line> = words::welcome(app.year, &app.db_label, app.year_before, lang)
        .into_iter()
        .map(|l| Line::from(cut(&l, body.width as usize)))
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::TOP)),
        body,
    );
    frame.render_widget(
        Paragraph::new(words::welcome_footer(lang)).style(app.theme.dim()),
        foot,
    );
}

/// The table of the units shown (indexes into the lines), their self totals shown when
/// `scored`; whether it is empty.
fn table(app: &App, frame: &mut Frame, body: Rect, shown: &[usize], scored: bool) -> bool {
    let lang = app.lang;
    let name_w = body.width.saturating_sub(7 + 7 + 7 + 9 + 7 + 1 + 6) as usize;
    let header = Row::new(vec![
        Cell::from(words::code(lang)),
        Cell::from(words::unit(lang)),
        Cell::from(Line::from(words::decided_count(lang)).right_aligned()),
        Cell::from(Line::from(words::self_score(lang)).right_aligned()),
        Cell::from(Line::from(words::appraised(lang)).right_aligned()),
        Cell::from(Line::from(words::difference(lang)).right_aligned()),
        Cell::from(""),
    ])
    .style(app.theme.header());
    let height = body.height.saturating_sub(2).max(1) as usize;
    let (sel, offset) = scroll_into_view(app.units.sel, &app.units.offset, shown.len(), height);
    let window = &shown[offset.min(shown.len())..(offset + height).min(shown.len())];
    let rows: Vec<Row> = window
        .iter()
        .map(|&i| unit_row(app, &app.units.lines[i], name_w, scored))
        .collect();
    let empty = rows.is_empty();
    let table = Table::new(
        rows,
        [
            Constraint::Length(7),
            Constraint::Min(10),
            Constraint::Length(7),
            Constraint::Length(7),
            Constraint::Length(9),
            Constraint::Length(7),
            Constraint::Length(1),
        ],
    )
    .header(header)
    .row_highlight_style(app.theme.selected())
    .block(
        Block::default()
            .borders(Borders::TOP)
            .title_top(legend(words::decided_only_legend(false, lang), body.width)),
    );
    let mut state = TableState::default()
        .with_offset(0)
        .with_selected((!empty).then_some(sel - offset));
    frame.render_stateful_widget(table, body, &mut state);
    empty
}

/// One unit's line: its code, name, progress, totals and a mark of where it stands.
fn unit_row(app: &App, u: &UnitLine, name_w: usize, scored: bool) -> Row<'static> {
    let lang = app.lang;
    let t = &u.totals;
    let (items, decided) = (t.items(), t.decided());
    let mark = if u.unit.closed {
        "■"
    } else if decided == items {
        "✓"
    } else if decided > 0 || t.tree.flagged > 0 {
        "…"
    } else {
        "·"
    };
    let mut name = u.unit.name.clone();
    if !u.unit.ranked {
        name.push_str(&format!(" ({})", words::not_ranked(app.lang)));
    }
    Row::new(vec![
        Cell::from(u.unit.code.to_string()),
        Cell::from(cut(&name, name_w)),
        Cell::from(Line::from(format!("{decided}/{items}")).right_aligned()),
        Cell::from(
            Line::from(if scored {
                super::fig(t.tree.self_total, lang)
            } else {
                "—".to_string()
            })
            .right_aligned(),
        ),
        Cell::from(Line::from(appraised(&t.tree, app.lang)).right_aligned()),
        Cell::from(Line::from(difference(&t.tree, app.lang)).right_aligned()),
        Cell::from(mark),
    ])
}

/// What the appraised and difference figures cover, on the line above their columns.
pub fn legend(text: &str, width: u16) -> Line<'static> {
    Line::from(format!(" {} ", cut(text, width.saturating_sub(4) as usize))).right_aligned()
}

/// The appraised points of the decided items; `—` while none is decided (not a zero).
pub fn appraised(s: &NodeSum, lang: crate::i18n::Lang) -> String {
    if s.decided == 0 {
        "—".into()
    } else {
        super::fig(s.appraised, lang)
    }
}

/// Appraised minus self over the decided items; `—` while none is decided.
pub fn difference(s: &NodeSum, lang: crate::i18n::Lang) -> String {
    if s.decided == 0 {
        "—".into()
    } else {
        super::signed(s.difference, lang)
    }
}
