//! One unit's criteria tree with its scores, and the selected item's details.

use super::units::{appraised, difference, legend};
use super::{cut, title_line};
use crate::domain::{Points, SelfScore, State, UnitTotals};
use crate::i18n::screens as words;
use crate::i18n::state_label;
use crate::tui::app::{App, ItemFilter, Open};
use crate::tui::theme::glyph;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(o) = &app.appraisal.open else { return };
    let [top, sub, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(4),
    ])
    .areas(area);
    let t = o.data.sheet.totals_from(&o.data.set, &o.sums);
    title_line(app, frame, top, &title(app, o, &t, top.width));
    let info = totals_line(app, o, &t, sub.width);
    frame.render_widget(
        Paragraph::new(cut(&info, sub.width as usize)).style(app.theme.dim()),
        sub,
    );

    let wide = body.width >= 120;
    let (table_area, detail_area) = if wide {
        let [a, b] = Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
            .areas(body);
        (a, b)
    } else {
        let detail_h = if body.height >= 30 {
            14
        } else {
            (body.height / 2).clamp(5, 9)
        };
        let [a, b] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(detail_h)]).areas(body);
        (a, b)
    };
    tree(app, o, frame, table_area);
    detail(app, o, frame, detail_area, wide);
}

/// The unit's name and progress, what the tree shows; a long name is cut, never the code,
/// the progress and what the tree shows after it.
fn title(app: &App, o: &Open, t: &UnitTotals, width: u16) -> String {
    let lang = app.lang;
    let unit = &o.data.unit;
    let mut progress = format!(
        " {}",
        words::unit_progress(unit.code.as_str(), t.decided(), t.items(), lang)
    );
    if o.filter != ItemFilter::All {
        let filter = words::item_filter(o.filter, lang);
        progress.push_str(&format!(" · {}", words::showing(filter, lang)));
    }
    if !o.search.is_empty() {
        let search = cut(&o.search, 20);
        progress.push_str(&format!(" · {}", words::searching(&search, lang)));
    }
    progress.push_str(&super::published_suffix(app));
    let room = (width as usize).saturating_sub(2 + progress.width());
    let mut name = unit.name.clone();
    if let Some(l) = app
        .lineage
        .get(unit.code.as_str())
        .filter(|l| !l.came_from.is_empty())
    {
        name = format!("{name} ({})", l.came_from);
    }
    format!("{}{progress}", cut(&name, room))
}

/// The unit's totals, with the labels of the tree's columns when the words do not fit, and
/// the appraiser's fields.
fn totals_line(app: &App, o: &Open, t: &UnitTotals, width: u16) -> String {
    let lang = app.lang;
    let unit = &o.data.unit;
    let index = t
        .index(unit.survey.unwrap_or(Points::ZERO), o.data.set.survey_max)
        .map(|i| crate::i18n::numbers::percent(i.rounded(), lang))
        .unwrap_or_else(|| "—".into());
    let totals = |short: bool| {
        let [own, appr, diff, prov] = if short {
            [
                words::self_short(lang),
                words::appraised_short(lang),
                words::difference(lang),
                words::provisional_short(lang),
            ]
        } else {
            [
                words::self_score(lang),
                words::appraised(lang),
                words::difference(lang),
                words::provisional(lang),
            ]
        };
        format!(
            "{own} {} · {appr} {} · {diff} {} · {prov} {}/{} · {} {index}{}",
            super::fig(t.tree.self_total, lang),
            appraised(&t.tree, app.lang),
            difference(&t.tree, app.lang),
            super::fig(t.appraisal_points(), lang),
            t.tree.max,
            words::index(lang),
            if unit.closed {
                format!(" · {}", words::closed(lang))
            } else {
                String::new()
            },
        )
    };
    let mut info = totals(false);
    if info.width() > width as usize {
        info = totals(true);
    }
    if !o.data.assigned.is_empty() {
        let fields: Vec<&str> = o.data.assigned.iter().map(|c| c.as_str()).collect();
        info.push_str(&format!(
            " · {}",
            words::your_fields(&fields.join(", "), lang)
        ));
    }
    info
}

fn score_text(s: Option<SelfScore>, lang: crate::i18n::Lang) -> String {
    match s {
        None => "—".into(),
        Some(SelfScore::NotApplicable) => "N/A".into(),
        Some(SelfScore::Points(p)) => crate::i18n::numbers::score(p, lang),
    }
}

fn tree(app: &App, o: &Open, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let set = &o.data.set;
    let rows_idx = o.visible();
    let wide_state = area.width >= 90;
    let state_w: u16 = if wide_state { 16 } else { 2 };
    let fixed = 8 + 6 + 6 + 6 + 7 + state_w + 6;
    let title_w = area.width.saturating_sub(fixed) as usize;
    let header = Row::new(vec![
        Cell::from(words::code(lang)),
        Cell::from(words::criterion(lang)),
        right(words::max_short(lang).into()),
        right(words::self_short(lang).into()),
        right(words::appraised_short(lang).into()),
        right(words::difference(lang).into()),
        Cell::from(if wide_state { words::state(lang) } else { "" }),
    ])
    .style(app.theme.header());
    let rows: Vec<Row> = rows_idx
        .iter()
        .map(|&i| {
            if set.node(i).is_item() {
                item_row(app, o, i, title_w, wide_state)
            } else {
                group_row(app, o, i, title_w, wide_state)
            }
        })
        .collect();
    let selected = rows_idx.iter().position(|&i| i == o.sel);
    let table = Table::new(
        rows,
        [
            Constraint::Length(8),
            Constraint::Min(8),
            Constraint::Length(6),
            Constraint::Length(6),
            Constraint::Length(6),
            Constraint::Length(7),
            Constraint::Length(state_w),
        ],
    )
    .header(header)
    .row_highlight_style(app.theme.selected())
    .block(
        Block::default()
            .borders(Borders::TOP)
            .title_top(legend(words::decided_only_legend(true, lang), area.width)),
    );
    let mut state = TableState::default()
        .with_offset(o.offset.get())
        .with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
    o.offset.set(state.offset());
    if rows_idx.is_empty() {
        let msg = words::no_item_matches(lang);
        let inner = Rect {
            y: area.y + 2,
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(msg).style(app.theme.dim()), inner);
    }
}

fn right(s: String) -> Cell<'static> {
    Cell::from(Line::from(s).right_aligned())
}

/// An item's line of the tree: its scores, the council's, and its state.
fn item_row(app: &App, o: &Open, i: usize, title_w: usize, wide_state: bool) -> Row<'static> {
    let lang = app.lang;
    let set = &o.data.set;
    let node = set.node(i);
    let sum = &o.sums[i];
    let indent = " ".repeat(node.depth.saturating_sub(1));
    let state = o.state(i);
    let rec = &o.data.sheet.records[i];
    let self_score = rec.self_entry.as_ref().map(|e| e.score);
    let appraised = match state {
        State::Agreed | State::Adjusted => rec
            .decision
            .as_ref()
            .and_then(|d| d.score)
            .map(|p| crate::i18n::numbers::score(p, lang))
            .unwrap_or_default(),
        State::NotApplicable => "∅".into(),
        State::ExplanationRequested => "?".into(),
        State::Undecided => String::new(),
    };
    let diff =
        if matches!(state, State::Agreed | State::Adjusted) && sum.difference.hundredths() != 0 {
            super::signed(sum.difference, lang)
        } else {
            String::new()
        };
    let max = if o.data.sheet.na_by_set(set, i) {
        "—".to_string()
    } else {
        crate::i18n::numbers::score(node.max, lang)
    };
    let label = if wide_state {
        format!("{} {}", glyph(state), state_label(state, lang))
    } else {
        glyph(state).to_string()
    };
    Row::new(vec![
        Cell::from(node.code.to_string()),
        Cell::from(format!(
            "{indent}{}",
            cut(&node.title, title_w.saturating_sub(indent.len()))
        )),
        right(max),
        right(score_text(self_score, lang)),
        right(appraised),
        right(diff),
        Cell::from(Span::styled(label, app.theme.state(state))),
    ])
}

/// A group's line of the tree: folded or not, its sums and how many of its items are decided.
fn group_row(app: &App, o: &Open, i: usize, title_w: usize, wide_state: bool) -> Row<'static> {
    let lang = app.lang;
    let set = &o.data.set;
    let node = set.node(i);
    let sum = &o.sums[i];
    let indent = " ".repeat(node.depth.saturating_sub(1));
    let marker = if o.collapsed.contains(&i) {
        "▸"
    } else {
        "▾"
    };
    let mine = node.parent.is_none() && !o.data.assigned.is_empty() && o.in_assigned(i);
    let star = if mine { "★ " } else { "" };
    let title = format!("{indent}{marker} {star}{}", node.title);
    Row::new(vec![
        Cell::from(node.code.to_string()),
        Cell::from(cut(&title, title_w)),
        right(crate::i18n::numbers::score(sum.max, lang)),
        right(crate::i18n::numbers::score(sum.self_total, lang)),
        // Nothing decided below: a dash, not a zero the council never gave.
        right(if sum.decided > 0 {
            crate::i18n::numbers::score(sum.appraised, lang)
        } else {
            "—".into()
        }),
        right(if sum.decided == 0 {
            "—".into()
        } else if sum.difference.hundredths() != 0 {
            super::signed(sum.difference, lang)
        } else {
            String::new()
        }),
        Cell::from(if wide_state {
            format!("{}/{}", sum.decided, sum.items)
        } else {
            String::new()
        }),
    ])
    .style(app.theme.parent())
}

fn detail(app: &App, o: &Open, frame: &mut Frame, area: Rect, wide: bool) {
    let lang = app.lang;
    let set = &o.data.set;
    let i = o.sel;
    let node = set.node(i);
    let th = app.theme;
    let mut lines: Vec<Line> = vec![Line::styled(
        format!("{} {}", node.code, node.title),
        th.parent(),
    )];
    if node.is_item() {
        lines.extend(item_head(app, o));
        lines.extend(item_notes(app, o));
    } else {
        let s = &o.sums[i];
        let (appr, diff) = (appraised(s, app.lang), difference(s, app.lang));
        lines.push(Line::raw(words::group_summary(s, &appr, &diff, lang)));
        lines.push(Line::styled(words::group_keys(lang), th.dim()));
    }
    let block = if wide {
        Block::default().borders(Borders::LEFT | Borders::TOP)
    } else {
        Block::default().borders(Borders::TOP)
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}

/// The selected item's maximum and state, the unit's self-score and the options.
fn item_head(app: &App, o: &Open) -> Vec<Line<'static>> {
    let lang = app.lang;
    let set = &o.data.set;
    let i = o.sel;
    let node = set.node(i);
    let th = app.theme;
    let label = |s: &str| Span::styled(format!("{s}: "), th.parent());
    let rec = &o.data.sheet.records[i];
    let mut lines = Vec::new();
    let state = o.state(i);
    let mut head = vec![
        label(words::maximum(lang)),
        Span::raw(format!(
            "{} · ",
            crate::i18n::numbers::score(node.max, lang)
        )),
        Span::styled(
            format!("{} {}", glyph(state), state_label(state, lang)),
            th.state(state),
        ),
    ];
    if o.data.sheet.na_by_set(set, i) {
        head.push(Span::raw(format!(" ({})", words::by_the_set(lang))));
    }
    if let Some(d) = &rec.decision
        && d.round > 1
    {
        head.push(Span::raw(format!(" · {}", words::round(d.round, lang))));
    }
    lines.push(Line::from(head));
    let self_score = rec.self_entry.as_ref().map(|e| e.score);
    match &rec.self_entry {
        Some(e) => {
            let mut l = vec![
                label(words::unit_self_score(lang)),
                Span::raw(score_text(Some(e.score), lang)),
            ];
            if e.note.is_empty() {
                lines.push(Line::from(l));
            } else {
                l.push(Span::raw(" — "));
                lines.extend(with_breaks(l, &e.note, None));
            }
        }
        None => lines.push(Line::from(vec![
            label(words::unit_self_score(lang)),
            Span::styled(words::none_yet(lang), th.dim()),
        ])),
    }
    let appraised = rec.decision.as_ref().and_then(|d| d.score);
    for (k, opt) in node.options.iter().enumerate() {
        let mut marks = Vec::new();
        if self_score == Some(SelfScore::Points(opt.points)) {
            marks.push(words::self_mark(lang));
        }
        if appraised == Some(opt.points) && matches!(state, State::Agreed | State::Adjusted) {
            marks.push(words::appraised_mark(lang));
        }
        let mark = if marks.is_empty() {
            String::new()
        } else {
            format!("  ◂ {}", marks.join(", "))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("[{}] ", k + 1), th.key()),
            Span::raw(format!(
                "{} — {}{mark}",
                crate::i18n::numbers::score(opt.points, lang),
                opt.label
            )),
        ]));
    }
    lines
}

/// The selected item's comments and texts: the council's, the draft, the unit's explanation
/// and evidence, the guidance.
fn item_notes<'a>(app: &App, o: &'a Open) -> Vec<Line<'a>> {
    let lang = app.lang;
    let set = &o.data.set;
    let i = o.sel;
    let node = set.node(i);
    let th = app.theme;
    let label = |s: &str| Span::styled(format!("{s}: "), th.parent());
    let rec = &o.data.sheet.records[i];
    let mut lines = Vec::new();
    let key = (o.data.unit.code.clone(), node.code.clone());
    if let Some(d) = &rec.decision {
        let mut l = vec![label(words::council(lang))];
        if let Some(p) = d.score {
            l.push(Span::raw(format!(
                "{} · ",
                crate::i18n::numbers::score(p, lang)
            )));
        }
        let comment = if d.comment.is_empty() {
            words::no_comment(lang)
        } else {
            &d.comment
        };
        let by = Span::styled(
            format!(" — {}, {}", d.appraiser, when(app, &d.decided_at)),
            th.dim(),
        );
        lines.extend(with_breaks(l, comment, Some(by)));
    }
    if let Some(draft) = app.appraisal.drafts.get(&key) {
        lines.extend(with_breaks(
            vec![label(words::unsaved_comment(lang))],
            draft,
            None,
        ));
    } else if let (None, Some(k)) = (&rec.decision, &rec.kept) {
        let by = Span::styled(
            format!(" — {}, {}", k.appraiser, when(app, &k.at)),
            th.dim(),
        );
        lines.extend(with_breaks(
            vec![label(words::kept_comment(lang))],
            &k.text,
            Some(by),
        ));
    }
    if let Some(x) = &rec.explanation {
        lines.extend(with_breaks(
            vec![label(words::explanation(lang))],
            &x.text,
            None,
        ));
        if !x.evidence.is_empty() {
            lines.extend(with_breaks(
                vec![label(words::extra_evidence(lang))],
                &x.evidence,
                None,
            ));
        }
    }
    if let Some(e) = &rec.self_entry
        && !e.evidence.is_empty()
    {
        lines.extend(with_breaks(
            vec![label(words::evidence(lang))],
            &e.evidence,
            None,
        ));
    }
    if let Some(g) = &node.guidance {
        lines.extend(with_breaks(vec![label(words::guidance(lang))], g, None));
    }
    lines
}

/// `head`, then `text` with its line breaks kept (each break starts a line of the panel, which
/// wraps long ones), then `tail` at the end of the last line.
fn with_breaks<'a>(head: Vec<Span<'a>>, text: &str, tail: Option<Span<'a>>) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut spans = head;
    for (k, part) in text.split('\n').enumerate() {
        if k > 0 {
            out.push(Line::from(std::mem::take(&mut spans)));
        }
        spans.push(Span::raw(part.trim_end_matches('\r').to_string()));
    }
    spans.extend(tail);
    out.push(Line::from(spans));
    out
}

/// A stored timestamp as people read it, in the local time of the screens' clock:
/// `26/11/2026 17:30`.
fn when(app: &App, at: &str) -> String {
    crate::clock::local_date_time(app.clock.as_ref(), at)
}
