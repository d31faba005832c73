//! Who appraises which fields of the shown group: the group's fields, then each member with
//! the fields given to them.

use super::{cut, tabs::group_tabs, title_line};
use crate::i18n::screens as words;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let width = area.width as usize;
    let fields = app.assign.fields.len() as u16;
    let [top, tabs, head, list, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(fields.min(area.height / 2)),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    title_line(app, frame, top, &words::assign_title(app.year, lang));
    group_tabs(app, frame, tabs);
    frame.render_widget(Paragraph::new(words::fields_of_group(lang)), head);
    let lines: Vec<Line> = app
        .assign
        .fields
        .iter()
        .map(|(code, title)| Line::from(cut(&format!("  {code:>4}  {title}"), width)))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);

    let block = Block::default()
        .borders(Borders::TOP)
        .title(format!(" {} ", words::members_heading(lang)));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let lines: Vec<Line> = if app.assign.members.is_empty() {
        vec![Line::from(cut(words::no_members(lang), width))]
    } else {
        let rows = inner.height as usize;
        let start = app.assign.sel.saturating_sub(rows.saturating_sub(1));
        app.assign
            .members
            .iter()
            .enumerate()
            .skip(start)
            .take(rows)
            .map(|(i, (who, fields))| {
                let text = format!("  {who}: {}", fields.join(" "));
                let line = Line::from(cut(&text, width));
                if i == app.assign.sel {
                    line.style(app.theme.selected())
                } else {
                    line
                }
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);
    frame.render_widget(
        Paragraph::new(cut(words::assign_footer(lang), width)).style(app.theme.dim()),
        foot,
    );
}
