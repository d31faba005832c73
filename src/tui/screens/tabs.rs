//! The group tabs: each group by its name as councils say it, fitted to the window.

use super::cut;
use crate::tui::action::GroupTab;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Tabs;
use unicode_width::UnicodeWidthStr;

const DIVIDER: &str = "│";
/// Hidden groups on one side of the shown tabs.
const MORE: &str = "…";
/// A name is not cut shorter than this: below it, fewer tabs are shown instead.
const MIN_LABEL: usize = 8;

/// The tabs that fit: the first group shown and what each shown tab says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabRow {
    pub first: usize,
    pub labels: Vec<String>,
    /// Groups hidden before the first tab shown and after the last one.
    pub before: bool,
    pub after: bool,
}

/// Columns that tabs with these labels take: a space either side of each, a divider between.
fn used<S: AsRef<str>>(labels: &[S]) -> usize {
    let text: usize = labels.iter().map(|l| l.as_ref().width() + 2).sum();
    text + labels.len().saturating_sub(1) * DIVIDER.width()
}

/// The widest label every label can be cut to so that all fit in `width` columns, if one of
/// at least `MIN_LABEL` columns does.
fn even_cut(labels: &[&str], width: usize) -> Option<usize> {
    let room = width.checked_sub(used(&vec![""; labels.len()]))?;
    let longest = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    (MIN_LABEL..=longest)
        .rev()
        .find(|&cap| labels.iter().map(|l| l.width().min(cap)).sum::<usize>() <= room)
}

/// What the tabs say in `width` columns: every group's name when they all fit; else every
/// group's short name (a set without one: its name); else those cut evenly; else, when even
/// cut names do not fit, as many cut names around the selected group as fit, with `…` on the
/// side of the hidden ones. A group code is never shown.
pub fn fit(groups: &[GroupTab], selected: usize, width: usize) -> TabRow {
    let whole = |labels: Vec<String>| TabRow {
        first: 0,
        labels,
        before: false,
        after: false,
    };
    let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    if used(&names) <= width {
        return whole(names);
    }
    let short: Vec<&str> = groups
        .iter()
        .map(|g| g.short_name.as_deref().unwrap_or(&g.name))
        .collect();
    if used(&short) <= width {
        return whole(short.iter().map(|s| s.to_string()).collect());
    }
    if let Some(cap) = even_cut(&short, width) {
        return whole(short.iter().map(|s| cut(s, cap)).collect());
    }
    // A window of groups around the selected one, widened while it fits.
    let cut_all: Vec<String> = short.iter().map(|s| cut(s, MIN_LABEL)).collect();
    let n = cut_all.len();
    let sel = selected.min(n.saturating_sub(1));
    let cost = |lo: usize, hi: usize| {
        let mut shown: Vec<&str> = cut_all[lo..=hi].iter().map(String::as_str).collect();
        if lo > 0 {
            shown.insert(0, MORE);
        }
        if hi + 1 < n {
            shown.push(MORE);
        }
        used(&shown)
    };
    let (mut lo, mut hi) = (sel, sel);
    loop {
        let right = hi + 1 < n && cost(lo, hi + 1) <= width;
        if right {
            hi += 1;
        }
        let left = lo > 0 && cost(lo - 1, hi) <= width;
        if left {
            lo -= 1;
        }
        if !right && !left {
            break;
        }
    }
    TabRow {
        first: lo,
        labels: cut_all[lo..=hi].to_vec(),
        before: lo > 0,
        after: hi + 1 < n,
    }
}

/// A tab per group, the selected one reversed.
pub fn group_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let row = fit(&app.groups, app.group, area.width as usize);
    let mut titles = Vec::new();
    if row.before {
        titles.push(MORE.to_string());
    }
    let offset = titles.len();
    titles.extend(row.labels);
    if row.after {
        titles.push(MORE.to_string());
    }
    frame.render_widget(
        Tabs::new(titles)
            .select(app.group.checked_sub(row.first).map(|i| i + offset))
            .highlight_style(app.theme.selected())
            .divider(DIVIDER),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(code: &str, name: &str, short: Option<&str>) -> GroupTab {
        GroupTab {
            code: code.into(),
            name: name.into(),
            short_name: short.map(String::from),
        }
    }

    fn soc_trang() -> Vec<GroupTab> {
        vec![
            group("so-nganh", "Sở, ban, ngành tỉnh", Some("Sở, ban, ngành")),
            group("huyen", "UBND cấp huyện", Some("UBND cấp huyện")),
            group(
                "dvsn",
                "Đơn vị sự nghiệp công lập tỉnh",
                Some("Đơn vị sự nghiệp"),
            ),
            group(
                "trung-uong",
                "Cơ quan Trung ương đóng trên địa bàn tỉnh",
                Some("Cơ quan Trung ương"),
            ),
        ]
    }

    #[test]
    fn names_when_wide_short_names_at_80_columns() {
        let g = soc_trang();
        let wide = fit(&g, 0, 120);
        assert_eq!(wide.labels[3], "Cơ quan Trung ương đóng trên địa bàn tỉnh");
        let narrow = fit(&g, 3, 80);
        assert_eq!(
            narrow.labels,
            [
                "Sở, ban, ngành",
                "UBND cấp huyện",
                "Đơn vị sự nghiệp",
                "Cơ quan Trung ương"
            ]
        );
        assert!(used(&narrow.labels) <= 80);
        assert!(!narrow.before && !narrow.after);
    }

    #[test]
    fn short_names_are_cut_evenly_in_the_narrowest_window() {
        let row = fit(&soc_trang(), 0, 60);
        assert!(used(&row.labels) <= 60, "{row:?}");
        assert_eq!(
            row.labels,
            [
                "Sở, ban, ng…",
                "UBND cấp hu…",
                "Đơn vị sự n…",
                "Cơ quan Tru…"
            ]
        );
        // A name shorter than the cut stays whole.
        let mut g = soc_trang();
        g[1].short_name = Some("Cấp huyện".into());
        assert_eq!(fit(&g, 0, 60).labels[1], "Cấp huyện");
    }

    #[test]
    fn a_set_without_a_short_name_shows_its_name_cut_never_its_code() {
        let mut g = soc_trang();
        g[3].short_name = None;
        let row = fit(&g, 3, 80);
        assert!(used(&row.labels) <= 80, "{row:?}");
        assert!(row.labels[3].starts_with("Cơ quan Trung ương"), "{row:?}");
        assert!(row.labels.iter().all(|l| !l.contains('-')), "{row:?}");
    }

    #[test]
    fn with_many_groups_the_selected_one_stays_in_view() {
        let mut g = soc_trang();
        for k in 1..=8 {
            g.push(group(
                &format!("xa-{k}"),
                &format!("Ủy ban nhân dân cấp xã, đợt {k}"),
                None,
            ));
        }
        for sel in [0, 5, 11] {
            let row = fit(&g, sel, 80);
            let shown = row.first..row.first + row.labels.len();
            assert!(shown.contains(&sel), "{sel}: {row:?}");
            let mut all = row.labels.clone();
            if row.before {
                all.push(MORE.into());
            }
            if row.after {
                all.push(MORE.into());
            }
            assert!(used(&all) <= 80, "{sel}: {row:?}");
            assert!(row.labels.len() >= 3, "{sel}: {row:?}");
        }
        assert!(!fit(&g, 0, 80).before);
        assert!(!fit(&g, 11, 80).after);
    }
}
