//! Drawing. `view` reads the App and draws the screen shown, each from its own file (named
//! as its state in `app/`); it does no I/O and changes nothing but what the drawing alone
//! knows: the remembered scroll offsets and how far a text can scroll.

mod appraisal;
mod assign;
mod fields;
mod files;
mod help;
mod history;
mod ranking;
mod tabs;
mod units;
mod wayup;

use super::app::{App, Dialog, Input, InputKind};
use super::keymap::Screen;
use crate::i18n::screens as words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Below this the screens cannot be used; a message says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = words::window_too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT, app.lang);
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let message = long_message(app, area.width);
    let message_height = message
        .as_ref()
        .map_or(0, |(lines, _)| lines.len() as u16 + 1);
    let [banner, main, message_area, status] = Layout::vertical([
        Constraint::Length(banner_height(app, area.width)),
        Constraint::Min(1),
        Constraint::Length(message_height),
        Constraint::Length(1),
    ])
    .areas(area);
    ledger_banner(app, frame, banner);
    match app.screen {
        Screen::Units => units::draw(app, frame, main),
        Screen::Appraisal => appraisal::draw(app, frame, main),
        Screen::Ranking => ranking::draw(app, frame, main),
        Screen::Fields => fields::draw(app, frame, main),
        Screen::WayUp => wayup::draw(app, frame, main),
        Screen::History => history::draw(app, frame, main),
        Screen::Files => files::draw(app, frame, main),
        Screen::Assign => assign::draw(app, frame, main),
    }
    if let Some((lines, error)) = message {
        message_box(app, frame, message_area, lines, error);
    }
    status_line(app, frame, status, message_height > 0);
    if app.help {
        help::draw(app, frame, area);
    }
    if app.input.is_some() {
        input_box(app, frame, area);
    }
}

/// The banner's text, when the ledger is broken.
fn banner_text(app: &App) -> Option<String> {
    let ledger = app
        .ledger_alarm
        .as_deref()
        .map(|why| words::ledger_broken(why, app.lang));
    let read_only = app.read_only.as_ref().map(|r| r.banner.clone());
    match (ledger, read_only) {
        (Some(l), Some(r)) => Some(format!("{r} · {l}")),
        (l, r) => l.or(r),
    }
}

/// The banner's height: its text wrapped to the width, at most four lines (the rest is cut;
/// `thamdinh verify` says it whole).
fn banner_height(app: &App, width: u16) -> u16 {
    banner_text(app).map_or(0, |t| {
        let inner = (width as usize).max(1);
        (t.width().div_ceil(inner) as u16 + 1).min(4)
    })
}

/// A broken ledger, on top of every screen, in reverse video and with a sign (never by colour
/// alone); it stays until the screens close.
fn ledger_banner(app: &App, frame: &mut Frame, area: Rect) {
    let Some(text) = banner_text(app) else { return };
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.alarm())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// Cuts text to `width` columns, ending with `…` when cut.
pub fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A change of points, with a `+` when it is above zero, `−` below (`crate::i18n::numbers`).
pub fn signed(p: crate::domain::Points, lang: crate::i18n::Lang) -> String {
    crate::i18n::numbers::signed(p, lang)
}

/// Points with two decimals, as the language writes them (`58,06`).
pub fn fig(p: crate::domain::Points, lang: crate::i18n::Lang) -> String {
    crate::i18n::numbers::fixed(p, lang)
}

/// The rows of a table built for a window `height` rows high over `len` rows, when only the
/// lines that fit are built (a group can have ten thousand units): the selection `sel`, and
/// the first row shown, moved from where the last drawing left it (`offset`, kept for the
/// next) just enough to keep the selection in view, as the table would scroll it.
pub fn scroll_into_view(
    sel: usize,
    offset: &std::cell::Cell<usize>,
    len: usize,
    height: usize,
) -> (usize, usize) {
    let sel = sel.min(len.saturating_sub(1));
    let mut first = offset.get().min(len.saturating_sub(1));
    if sel < first {
        first = sel;
    } else if sel >= first + height {
        first = sel + 1 - height;
    }
    offset.set(first);
    (sel, first)
}

/// The top line of a screen: what it is, in reverse video.
pub fn title_line(app: &App, frame: &mut Frame, area: Rect, text: &str) {
    let t = format!(" {}", cut(text, area.width.saturating_sub(2) as usize));
    frame.render_widget(Paragraph::new(t).style(app.theme.title()), area);
}

/// After a title: ` · published — read only` when the working year is published.
pub fn published_suffix(app: &App) -> String {
    if app.published {
        format!(" · {}", words::published_mark(app.lang))
    } else {
        String::new()
    }
}

/// The columns the status line leaves for its message: the width less the appraiser, the
/// database, the time of the last save and the help key.
fn status_room(app: &App, width: usize) -> usize {
    let lang = app.lang;
    let hint = format!("  ? {} ", words::keys_hint(lang));
    let saved = app
        .last_save
        .as_deref()
        .map_or(0, |t| format!("  {}", words::saved_at(t, lang)).width());
    let who = app.appraiser.as_deref().unwrap_or("—");
    let mut used = format!(" {who} · {}", app.db_label).width();
    if app.saving {
        used += format!(" · {}", words::saving(lang)).width();
    }
    width.saturating_sub(hint.width() + saved + used)
}

/// The last message, when it came with the last key and does not fit the status line: its
/// lines wrapped to the width (a path or a word longer than a line is broken, never cut), and
/// whether it is an error. At most half the window; the rest is `…`.
fn long_message(app: &App, width: u16) -> Option<(Vec<String>, bool)> {
    let (msg, error) = app.status.as_ref()?;
    if !app.status_fresh {
        return None;
    }
    let room = status_room(app, width as usize);
    let shown = format!(" · {}{msg}", if *error { "✗ " } else { "" });
    if shown.width() <= room && !msg.contains('\n') {
        return None;
    }
    let mark = if *error { "✗ " } else { "" };
    let mut lines = wrap_text(&format!("{mark}{msg}"), width.saturating_sub(1) as usize);
    let most = (MIN_HEIGHT / 2) as usize;
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            *last = cut(&format!("{last} …"), width.saturating_sub(1) as usize);
        }
    }
    Some((lines, *error))
}

/// `text` in lines of at most `width` columns: broken at spaces, a word longer than a line
/// broken where the line ends (a path is shown whole, over several lines); its own line
/// breaks kept.
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ') {
            let sep = usize::from(!line.is_empty());
            if line.width() + sep + word.width() <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            // A word longer than a line: as many whole lines of it as it takes.
            let mut rest = word;
            while rest.width() > width {
                let mut w = 0;
                let at = rest
                    .char_indices()
                    .find(|(_, c)| {
                        w += UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
                        w > width
                    })
                    .map_or(rest.len(), |(i, _)| i);
                out.push(rest[..at].to_string());
                rest = &rest[at..];
            }
            line.push_str(rest);
        }
        out.push(line);
    }
    out
}

/// The message area: a rule, then the message whole.
fn message_box(app: &App, frame: &mut Frame, area: Rect, lines: Vec<String>, error: bool) {
    let style = if error {
        app.theme.error()
    } else {
        app.theme.ok()
    };
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::TOP);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect();
    frame.render_widget(Paragraph::new(text), inner);
}

/// The bottom line: the appraiser, the database and the last message on the left, cut when
/// narrow; the time of the last save and the help key on the right, never cut (at the
/// narrowest usable width, `MIN_WIDTH`, they take 27 of its 60 columns). When the message is
/// shown whole above (`shown_above`), the line says only that there is one.
fn status_line(app: &App, frame: &mut Frame, area: Rect, shown_above: bool) {
    let lang = app.lang;
    let width = area.width as usize;
    let hint = format!("  ? {} ", words::keys_hint(lang));
    let saved = app
        .last_save
        .as_deref()
        .map(|t| format!("  {}", words::saved_at(t, lang)));
    let who = app.appraiser.clone().unwrap_or_else(|| "—".into());
    let mut left = vec![
        Span::styled(format!(" {who}"), app.theme.parent()),
        Span::raw(format!(" · {}", app.db_label)),
    ];
    if app.saving {
        left.push(Span::raw(format!(" · {}", words::saving(lang))));
    }
    match &app.status {
        _ if shown_above => {}
        Some((msg, true)) => left.push(Span::styled(format!(" · ✗ {msg}"), app.theme.error())),
        Some((msg, false)) => left.push(Span::styled(format!(" · {msg}"), app.theme.ok())),
        None => {}
    }
    let right_width = hint.width() + saved.as_ref().map_or(0, |s| s.width());
    let room = width.saturating_sub(right_width);
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let mut line = Line::from(left);
    if used > room {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let style = line.spans.last().map(|s| s.style).unwrap_or_default();
        line = Line::from(Span::styled(cut(&text, room), style));
    } else {
        line.spans.push(Span::raw(" ".repeat(room - used)));
    }
    if let Some(s) = saved {
        line.spans.push(Span::styled(s, app.theme.dim()));
    }
    line.spans.push(Span::styled(hint, app.theme.key()));
    frame.render_widget(Paragraph::new(line), area);
}

fn input_box(app: &App, frame: &mut Frame, area: Rect) {
    let Some(input) = &app.input else { return };
    let lang = app.lang;
    let title = box_title(app, input);
    let help = box_help(app, input);
    let found = (!app.completions.is_empty())
        .then(|| words::completions(&app.completions.join("  "), lang));
    let width = area.width.saturating_sub(4).min(100);
    let inner_w = (width.saturating_sub(2) as usize).max(1);
    // Word wrapping can take a little more than the plain division: one line of slack.
    let help_lines = (help.width().div_ceil(inner_w) + 1) as u16
        + found
            .as_ref()
            .map_or(0, |f| f.width().div_ceil(inner_w) as u16);
    // An error takes two lines at least; a long one (a refused publication, a reason per
    // group) takes what it needs.
    let error_lines = input.error.as_ref().map_or(0, |e| {
        let rows: usize = e
            .lines()
            .map(|l| (l.width() + 2).div_ceil(inner_w).max(1))
            .sum();
        rows.max(2) as u16
    });
    // A paragraph box shows three lines at first and grows with the text up to eight (or what
    // the window leaves), then scrolls; the others are one line.
    let field_lines = if input.kind.multiline() {
        let rows: usize = input
            .area
            .lines()
            .iter()
            .map(|l| l.width().div_ceil(inner_w).max(1))
            .sum();
        let room = area.height.saturating_sub(3 + help_lines + error_lines + 1);
        // The council's settings show all their lines at once.
        let most = if input.kind == InputKind::Council {
            10
        } else {
            8
        };
        (rows.clamp(3, most) as u16).min(room.max(1))
    } else {
        1
    };
    let height = (2 + field_lines + help_lines + error_lines).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height + 1),
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [field, rest] =
        Layout::vertical([Constraint::Length(field_lines), Constraint::Min(0)]).areas(inner);
    frame.render_widget(&input.area, field);
    let mut lines = Vec::new();
    if let Some(e) = &input.error {
        for (k, l) in e.lines().enumerate() {
            let mark = if k == 0 { "✗ " } else { "  " };
            lines.push(Line::styled(format!("{mark}{l}"), app.theme.error()));
        }
    }
    if let Some(f) = found {
        lines.push(Line::styled(f, app.theme.key()));
    }
    lines.push(Line::styled(help, app.theme.dim()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rest);
}

/// The box's title: what it is for, and what it is about.
fn box_title(app: &App, input: &Input) -> String {
    let lang = app.lang;
    let mut title = words::box_title(input.kind, lang).to_string();
    if let Some(
        Dialog::Close { unit: code, name }
        | Dialog::Previous {
            unit: code, name, ..
        },
    ) = &app.dialog
    {
        title = format!("{title} — {code} {name}");
    }
    match input.kind {
        InputKind::Publish | InputKind::Unpublish | InputKind::Council => {
            title = format!("{title} {}", app.year)
        }
        InputKind::NewYear => {
            if let Some(Dialog::NewYear { year, from, .. }) = &app.dialog {
                title = format!("{title} {from} → {year}");
            }
        }
        InputKind::ImportPath => {
            let (what, _) = words::file_kind(app.files.kind(), lang);
            title = format!("{title} — {what}");
        }
        InputKind::CriteriaValue => {
            if let Some(Dialog::Criteria { path, .. }) = &app.dialog {
                title = format!("{title} — {}", path.display());
            }
        }
        InputKind::ExportPath => {
            if let Some(Dialog::Export(job)) = &app.dialog {
                title = words::export_title(job.what, &job.group, lang);
            }
        }
        InputKind::WorkbookPath => {
            if let Some(Dialog::WorkbookOf { group }) = &app.dialog {
                title = words::workbook_title(group.as_deref(), lang);
            }
        }
        InputKind::AssignFields => {
            if let Some(Dialog::Member(who)) = &app.dialog {
                title = format!("{title} {who}");
            }
        }
        _ => {}
    }
    title
}

/// The line under the box: what it accepts.
fn box_help(app: &App, input: &Input) -> String {
    let lang = app.lang;
    match input.kind {
        InputKind::Score => score_help(app),
        InputKind::NewYear => match app.dialog {
            Some(Dialog::NewYear {
                year, from, carry, ..
            }) => words::new_year_box(
                (year, from),
                year != app.year && app.year_in_file(year),
                app.year_published(from),
                carry,
                lang,
            ),
            _ => String::new(),
        },
        InputKind::CriteriaValue => match &app.dialog {
            Some(Dialog::Criteria { asking, .. }) => format!(
                "{} {}",
                words::criteria_value_asked(*asking, lang),
                words::box_help(InputKind::CriteriaValue, lang)
            ),
            _ => String::new(),
        },
        InputKind::PreviousFigure | InputKind::PreviousReason => match &app.dialog {
            Some(Dialog::Previous { now, figure, .. }) => {
                words::previous_box(now, *figure, input.kind, lang)
            }
            _ => String::new(),
        },
        InputKind::Year => format!(
            "{} {}",
            words::years_list(&app.years, app.year, lang),
            words::box_help(InputKind::Year, lang)
        ),
        InputKind::AssignFields => {
            let list: Vec<&str> = app.assign.fields.iter().map(|(c, _)| c.as_str()).collect();
            format!(
                "{} {}",
                words::fields_are(&list.join(" "), lang),
                words::box_help(InputKind::AssignFields, lang)
            )
        }
        InputKind::WorkbookPath
            if matches!(app.dialog, Some(Dialog::WorkbookOf { group: None })) =>
        {
            words::workbook_all_help(lang).to_string()
        }
        InputKind::Overwrite if !app.overwrite_about.is_empty() => {
            format!("{} {}", app.overwrite_about, words::overwrite_keys(lang))
        }
        kind => words::box_help(kind, lang).to_string(),
    }
}

/// What the score box accepts for the selected item.
fn score_help(app: &App) -> String {
    let Some(o) = &app.appraisal.open else {
        return String::new();
    };
    let node = o.data.set.node(o.sel);
    let options: Vec<_> = node.options.iter().map(|o| o.points).collect();
    words::score_box_help(
        node.code.as_str(),
        &cut(&node.title, 40),
        node.max,
        &options,
        app.lang,
    )
}
