//! The files screen: the kinds of file of a year, then the preview of the file chosen (what
//! the import would do), or every problem of a refused file in a list that scrolls.

use super::{cut, title_line};
use crate::i18n::screens as words;
use crate::service::{FileGlance, FileKind, Imported};
use crate::tui::action::Refusal;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::path::Path;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let width = area.width as usize;
    let kinds = FileKind::ALL.len() as u16;
    let [top, intro, list, folder, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(kinds),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    title_line(app, frame, top, &words::files_title(app.year, lang));
    frame.render_widget(
        Paragraph::new(cut(words::files_intro(lang), width)).style(app.theme.dim()),
        intro,
    );
    kind_list(app, frame, list, width);
    frame.render_widget(
        Paragraph::new(cut(&words::last_folder(&app.last_folder, lang), width))
            .style(app.theme.dim()),
        folder,
    );
    let block = Block::default().borders(Borders::TOP);
    let inner = block.inner(rest);
    frame.render_widget(block, rest);
    if let Some((_, report, accepted)) = &app.files.folder {
        folder_report(app, frame, inner, report, *accepted, width);
        return;
    }
    let lines = match &app.files.preview {
        Some((kind, path, Ok(done))) => preview_lines(app, *kind, path, done, width),
        Some((_, path, Err(refusal))) => {
            refused(app, frame, inner, path, refusal, width);
            return;
        }
        None => imported_lines(app, inner.height as usize, width),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The kinds of file, numbered, the one chosen marked.
fn kind_list(app: &App, frame: &mut Frame, area: Rect, width: usize) {
    let lang = app.lang;
    let name_w = FileKind::ALL
        .iter()
        .map(|&k| unicode_width::UnicodeWidthStr::width(words::file_kind(k, lang).0))
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = FileKind::ALL
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let (name, columns) = words::file_kind(k, lang);
            let pad = name_w - unicode_width::UnicodeWidthStr::width(name);
            let mark = if i == app.files.sel { "›" } else { " " };
            let text = format!("{mark} {}. {name}{}  {columns}", i + 1, " ".repeat(pad));
            let line = Line::from(cut(&text, width));
            if i == app.files.sel {
                line.style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// What the import of the file previewed would do.
fn preview_lines(
    app: &App,
    kind: FileKind,
    path: &Path,
    done: &Imported,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    let what = words::file_kind(kind, lang).0;
    let path = path.display().to_string();
    lines.push(Line::from(cut(
        &words::preview_of(&path, what, lang),
        width,
    )));
    let c = done.count;
    let counts = match &done.set {
        Some(set) => {
            let items = set.item_indexes().count();
            let line = words::preview_set(set.group.as_str(), &set.name, set.year, items, lang);
            lines.push(Line::from(cut(&line, width)));
            let source = words::set_source(&set.source, lang);
            let style = if set.source.is_illustrative() {
                app.theme.warn()
            } else {
                Style::new()
            };
            lines.push(Line::styled(cut(&source, width), style));
            words::preview_set_state(c.added > 0, c.changed > 0, lang).to_string()
        }
        None => words::preview_counts(done.rows(), c.added, c.changed, c.unchanged, lang),
    };
    lines.push(Line::styled(cut(&counts, width), app.theme.ok()));
    if let Some(g) = &done.glance {
        glance_lines(app, g, width, &mut lines);
    }
    lines.push(Line::styled(
        cut(words::preview_keys(lang), width),
        app.theme.key(),
    ));
    lines
}

/// A CSV file's first rows under its header, and the year's units it has no row for.
fn glance_lines(app: &App, g: &FileGlance, width: usize, lines: &mut Vec<Line<'static>>) {
    let lang = app.lang;
    if !g.samples.is_empty() {
        lines.push(Line::from(cut(words::first_rows(lang), width)));
        lines.push(Line::styled(
            cut(&format!("  {}", g.header.join(" │ ")), width),
            app.theme.dim(),
        ));
        for row in &g.samples {
            lines.push(Line::from(cut(&format!("  {}", row.join(" │ ")), width)));
        }
    }
    if let Some(absent) = &g.absent {
        let text = if absent.is_empty() {
            words::no_unit_absent(g.units, lang)
        } else {
            // The codes: as many as fit show which units are still to come.
            let codes: Vec<&str> = absent.iter().map(|(c, _)| c.as_str()).collect();
            words::units_absent(absent.len(), g.units, &codes.join(", "), lang)
        };
        let style = if absent.is_empty() {
            app.theme.ok()
        } else {
            app.theme.warn()
        };
        lines.push(Line::styled(cut(&text, width), style));
    }
}

/// A refused file: every problem whole (wrapped, never cut), from the one scrolled to.
fn refused(
    app: &App,
    frame: &mut Frame,
    inner: Rect,
    path: &Path,
    refusal: &Refusal,
    width: usize,
) {
    let lang = app.lang;
    let path = path.display().to_string();
    let problems = &refusal.lines;
    let head = words::file_refused_heading(&path, refusal.problems, lang);
    let [head_area, list, keys_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(cut(&head, width)).style(app.theme.error()),
        head_area,
    );
    // The last start that still fills the list: from the end, as many lines as fit.
    let rows = |l: &String| {
        unicode_width::UnicodeWidthStr::width(l.as_str())
            .div_ceil(width.max(1))
            .max(1)
    };
    let mut room = list.height as usize;
    let mut max_start = problems.len();
    while max_start > 0 && rows(&problems[max_start - 1]) <= room {
        room -= rows(&problems[max_start - 1]);
        max_start -= 1;
    }
    let max_start = max_start.min(problems.len().saturating_sub(1));
    app.files.scroll_max.set(Some(max_start));
    let start = app.files.scroll.min(max_start);
    let shown: Vec<Line> = problems
        .iter()
        .skip(start)
        .map(|p| Line::from(p.as_str()))
        .collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), list);
    let keys = format!(
        "{} ({}/{})",
        words::refused_keys(lang),
        start + 1,
        problems.len()
    );
    frame.render_widget(
        Paragraph::new(cut(&keys, width)).style(app.theme.key()),
        keys_area,
    );
}

/// A folder of self-assessments: its report (accepted, refused with their cells, the units
/// with no workbook), wrapped, from the line scrolled to.
fn folder_report(
    app: &App,
    frame: &mut Frame,
    inner: Rect,
    report: &[String],
    accepted: usize,
    width: usize,
) {
    let [list, keys_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let start = app.files.scroll.min(report.len().saturating_sub(1));
    let shown: Vec<Line> = report
        .iter()
        .enumerate()
        .skip(start)
        .map(|(i, l)| {
            if i == 0 {
                Line::styled(l.as_str(), app.theme.ok())
            } else {
                Line::from(l.as_str())
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), list);
    let keys = format!(
        "{} ({}/{})",
        words::folder_keys(accepted, app.lang),
        start + 1,
        report.len()
    );
    frame.render_widget(
        Paragraph::new(cut(&keys, width)).style(app.theme.key()),
        keys_area,
    );
}

/// What was imported since the screen opened, the newest lines that fit in `rows`.
fn imported_lines(app: &App, rows: usize, width: usize) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    if app.files.done.is_empty() {
        return lines;
    }
    lines.push(Line::from(words::imported_heading(app.lang)));
    let done: Vec<&str> = app.files.done.iter().flat_map(|m| m.lines()).collect();
    let room = rows.saturating_sub(1);
    for m in done.iter().skip(done.len().saturating_sub(room)) {
        lines.push(Line::from(cut(m, width)));
    }
    lines
}
