//! One unit's way up: where it stands, the points it lost per field as bars, what it takes to
//! pass the unit above, to reach the next band and to rise above last year (with the criteria
//! to recover, cumulatively), and the criteria that lost the most. Side by side when the
//! window is wide, one under the other (scrolling) when it is not.

use super::{cut, title_line};
use crate::domain::{CriteriaSet, Points, WayUp};
use crate::i18n::analysis as w;
use crate::tui::app::App;
use crate::view::wayup::target_lines;
use crate::view::{bar, pad};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

/// From this width the losses and the goals stand side by side.
const WIDE: u16 = 110;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(f) = &app.fields else { return };
    let Some(v) = &f.way else { return };
    let lang = app.lang;
    // A figure of last year that is not the unit's own index says how it was found, on a
    // line of its own under the standing.
    let note = v.way.as_ref().and_then(|way| previous_note(app, way));
    let [top, head, said, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(note.is_some())),
        Constraint::Min(1),
    ])
    .areas(area);
    title_line(
        app,
        frame,
        top,
        &w::way_title(&v.name, v.unit.as_str(), app.year, lang),
    );
    let (Some(way), Some(d)) = (&v.way, f.loaded()) else {
        frame.render_widget(
            Paragraph::new(w::no_index(v.unit.as_str(), lang))
                .block(Block::default().borders(Borders::TOP)),
            body,
        );
        return;
    };
    let set = &*d.set;
    let standing = format!(
        "{} · {}",
        w::standing(way, lang),
        w::decided_short(way.decided, way.items, lang)
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            cut(&standing, head.width as usize),
            app.theme.parent(),
        )),
        head,
    );
    if let Some(note) = &note {
        let line = format!("* {}", w::previous_basis_said(note, lang));
        frame.render_widget(
            Paragraph::new(Line::styled(
                cut(&line, said.width as usize),
                app.theme.dim(),
            )),
            said,
        );
    }
    let block = Block::default().borders(Borders::TOP);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let body = inner;
    let height = body.height as usize;
    let scroll = v.scroll;
    if body.width >= WIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .spacing(2)
                .areas(body);
        let mut l = losses(app, set, way, left.width as usize);
        l.push(Line::raw(""));
        l.extend(criteria(app, set, way, left.width as usize));
        let r = goals(app, set, way, right.width as usize);
        v.max_scroll
            .set(l.len().max(r.len()).saturating_sub(height));
        let s = scroll.min(v.max_scroll.get()) as u16;
        frame.render_widget(Paragraph::new(l).scroll((s, 0)), left);
        frame.render_widget(Paragraph::new(r).scroll((s, 0)), right);
    } else {
        let width = body.width as usize;
        let mut lines = losses(app, set, way, width);
        lines.push(Line::raw(""));
        lines.extend(goals(app, set, way, width));
        lines.push(Line::raw(""));
        lines.extend(criteria(app, set, way, width));
        v.max_scroll.set(lines.len().saturating_sub(height));
        let s = scroll.min(v.max_scroll.get()) as u16;
        frame.render_widget(Paragraph::new(lines).scroll((s, 0)), body);
    }
}

/// Points lost per field, as bars against the largest loss.
fn losses<'a>(app: &App, set: &CriteriaSet, way: &WayUp, width: usize) -> Vec<Line<'a>> {
    let lang = app.lang;
    let mut out = vec![Line::styled(w::lost_by_field(lang), app.theme.header())];
    let top = way
        .fields
        .iter()
        .map(|l| l.lost())
        .max()
        .unwrap_or(Points::ZERO);
    // code (4), title, bar, "1.25 / 7.00" (13).
    let bar_w = (width / 4).clamp(8, 24);
    let title_w = width.saturating_sub(4 + 1 + bar_w + 1 + 13);
    for l in &way.fields {
        let node = set.node(l.node);
        let title = crate::i18n::documents::short_title(&node.title, 80);
        let figures = format!(
            "{} / {}",
            super::fig(l.lost(), lang),
            super::fig(l.max, lang)
        );
        let b = bar(l.lost(), top, bar_w);
        out.push(Line::from(vec![
            Span::raw(format!(
                "{:<4}{} ",
                node.code.as_str(),
                pad(&cut(&title, title_w), title_w, false)
            )),
            Span::styled(pad(&b, bar_w, false), app.theme.bar()),
            Span::raw(format!(" {figures:>13}")),
        ]));
    }
    out
}

/// The criteria that lost the most, as many as a screen shows.
fn criteria<'a>(app: &App, set: &CriteriaSet, way: &WayUp, width: usize) -> Vec<Line<'a>> {
    const SHOWN: usize = 12;
    let lang = app.lang;
    if way.criteria.is_empty() {
        return vec![Line::raw(w::no_points_lost(lang))];
    }
    let mut out = vec![Line::styled(w::lost_by_criterion(lang), app.theme.header())];
    let title_w = width.saturating_sub(7 + 14);
    for l in way.criteria.iter().take(SHOWN) {
        let node = set.node(l.node);
        let figures = format!(
            "−{} / {}",
            super::fig(l.lost(), lang),
            super::fig(l.max, lang)
        );
        out.push(Line::raw(format!(
            "{:<7}{} {figures:>13}",
            node.code.as_str(),
            pad(&cut(&node.title, title_w), title_w, false)
        )));
    }
    if way.criteria.len() > SHOWN {
        let rest: Points = way.criteria[SHOWN..].iter().map(|l| l.lost()).sum();
        out.push(Line::styled(
            w::more_criteria(way.criteria.len() - SHOWN, &super::fig(rest, lang), lang),
            app.theme.dim(),
        ));
    }
    out
}

/// The three goals, each a sentence and its numbered criteria, wrapped to `width`.
fn goals<'a>(app: &App, set: &CriteriaSet, way: &WayUp, width: usize) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for (k, t) in [&way.above, &way.band_up, &way.previous_target]
        .into_iter()
        .enumerate()
    {
        if k > 0 {
            out.push(Line::raw(""));
        }
        for (i, text) in target_lines(set, way, t, app.lang).into_iter().enumerate() {
            if i == 0 {
                for line in wrap(&text, width, 2) {
                    out.push(Line::styled(line, app.theme.parent()));
                }
            } else {
                // A numbered criterion: `  1. 8.6 …`, its next lines under the code.
                for line in wrap(text.trim_start(), width.saturating_sub(2), 3) {
                    out.push(Line::raw(format!("  {line}")));
                }
            }
        }
    }
    out
}

/// How the unit's figure of last year was found, when it is not its own index: the mean of
/// its predecessors or the council's figure, else where it came from.
fn previous_note(app: &App, way: &WayUp) -> Option<String> {
    let l = app.lineage.get(way.unit.as_str())?;
    [&l.basis, &l.came_from]
        .into_iter()
        .find(|s| !s.is_empty())
        .cloned()
}

/// Words of `text` in lines of at most `width` columns; the lines after the first start with
/// `indent` spaces. A word longer than a line is cut.
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 8);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let room = width - if out.is_empty() { 0 } else { indent };
        let add = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if add > room && !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out.into_iter()
        .enumerate()
        .map(|(i, l)| {
            let room = width - if i == 0 { 0 } else { indent };
            let l = cut(&l, room);
            if i == 0 {
                l
            } else {
                format!("{}{l}", " ".repeat(indent))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_words_and_indents_the_following_lines() {
        assert_eq!(
            wrap("Để đạt loại A: cần thêm 2.83 điểm", 16, 2),
            ["Để đạt loại A:", "  cần thêm 2.83", "  điểm"]
        );
        assert_eq!(wrap("", 20, 2), [""]);
        // A word longer than the line is cut.
        assert_eq!(wrap("abcdefghijklmnopqrstuvwxyz", 10, 0), ["abcdefghi…"]);
    }
}
