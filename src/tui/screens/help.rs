//! The help popup: every key of the current screen, from the table that binds them.

use crate::domain::State;
use crate::i18n::screens as words;
use crate::tui::action::Cmd;
use crate::tui::app::App;
use crate::tui::keymap::{Screen, table};
use crate::tui::theme::glyph;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let bindings = table(app.screen);
    // On a short window, moves that go in pairs share a line.
    let compact = bindings.len() + 6 > area.height as usize;
    let width = area.width.saturating_sub(4).min(84);
    let inner = (width.saturating_sub(2) as usize).max(1);
    // A description longer than its column goes on under itself, not under the keys.
    let column = inner.saturating_sub(14).max(10);
    let mut lines: Vec<Line> = Vec::new();
    let mut k = 0;
    while k < bindings.len() {
        let b = &bindings[k];
        let pair = bindings.get(k + 1).filter(|n| {
            compact
                && matches!(
                    (b.cmd, n.cmd),
                    (Cmd::Up, Cmd::Down) | (Cmd::PageUp, Cmd::PageDown) | (Cmd::Top, Cmd::Bottom)
                )
        });
        let (label, text) = match pair {
            Some(n) => (
                format!("{} {}", b.label, n.label),
                format!("{} / {}", b.describe(lang), n.describe(lang)),
            ),
            None => (b.label.to_string(), b.describe(lang).to_string()),
        };
        for (i, part) in super::wrap_text(&text, column).into_iter().enumerate() {
            let keys = if i == 0 { label.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:>12}  "), app.theme.key()),
                Span::raw(part),
            ]));
        }
        k += if pair.is_some() { 2 } else { 1 };
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:>12}  ", "Ctrl-C"), app.theme.key()),
        Span::raw(words::ctrl_c_quits(lang)),
    ]));
    if app.screen == Screen::Appraisal {
        let mut legend: Vec<String> = State::ALL
            .iter()
            .map(|s| format!("{} {}", glyph(*s), crate::i18n::state_label(*s, lang)))
            .collect();
        legend.push(words::star_means(lang).to_string());
        if !compact {
            lines.push(Line::raw(""));
        }
        lines.push(Line::raw(legend.join(" · ")));
    }
    let title = format!(" {} ", words::help_title(app.screen, lang));
    let close = format!(" {} ", words::any_key_closes(lang));
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .title_bottom(Line::from(close).right_aligned());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        rect,
    );
}
