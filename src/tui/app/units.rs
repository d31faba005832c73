//! The units screen's state: the shown group's units as read, the filter typed, the
//! selection; and how its keys open a unit, filter the list or close a unit.

use super::{App, step};
use crate::domain::text::matches;
use crate::i18n::screens as words;
use crate::tui::action::{Cmd, Effect, UnitLine};
use crate::tui::app::{Dialog, InputKind};
use std::cell::Cell;

/// The units of the shown group, as the units screen lists them.
#[derive(Default)]
pub struct UnitsState {
    pub lines: Vec<UnitLine>,
    /// The selected row among the units shown.
    pub sel: usize,
    pub filter: String,
    /// The first row shown (kept by the drawing).
    pub offset: Cell<usize>,
}

impl UnitsState {
    /// The units the list shows (the filter applied), as indexes into `lines`.
    pub fn shown(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| {
                let u = &self.lines[i].unit;
                self.filter.trim().is_empty()
                    || matches(&u.name, &self.filter)
                    || matches(u.code.as_str(), &self.filter)
            })
            .collect()
    }

    /// Empties the list (another group, another year).
    pub(super) fn clear(&mut self) {
        self.lines.clear();
        self.sel = 0;
    }
}

impl App {
    pub(super) fn units_command(&mut self, c: Cmd) -> Vec<Effect> {
        let shown = self.units.shown();
        let n = shown.len();
        let lines = &self.units.lines;
        let selected = shown
            .get(self.units.sel)
            .map(|&i| lines[i].unit.code.clone());
        match c {
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top | Cmd::Bottom => {
                self.units.sel = step(self.units.sel, n, c);
            }
            Cmd::Open => {
                if let Some(unit) = selected {
                    return vec![Effect::OpenUnit { unit }];
                }
            }
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::Filter => {
                // A new search each time: what is typed replaces the filter.
                self.units.filter.clear();
                self.units.sel = 0;
                self.open_input(InputKind::UnitFilter, "");
            }
            Cmd::Back => self.units.filter.clear(),
            Cmd::SetPrevious => return self.ask_previous(selected),
            Cmd::NextUndecided => {
                let open = |k: usize| {
                    let t = &lines[shown[k]].totals;
                    t.decided() < t.items()
                };
                if n == 0 {
                    self.fail(words::no_unit_matches(self.lang));
                } else if let Some(k) = (1..=n).map(|d| (self.units.sel + d) % n).find(|&k| open(k))
                {
                    self.units.sel = k;
                } else {
                    self.say(words::group_done(self.lang));
                }
            }
            Cmd::Ranking => return self.show_ranking(),
            Cmd::Fields => return self.show_fields(selected),
            Cmd::CloseUnit => self.ask_close(shown.get(self.units.sel).copied()),
            Cmd::History => return self.show_history(selected),
            Cmd::Files => return self.show_files(),
            Cmd::Assign => return self.show_assign(),
            Cmd::NewYear => self.ask_new_year(),
            Cmd::Years => self.ask_year(),
            Cmd::OpenDatabase => {
                let folder = self.last_folder.clone();
                self.open_input(InputKind::OpenDatabase, &folder);
            }
            Cmd::OpenDemo => return self.open_demo(),
            Cmd::BackOrQuit => self.quit = true,
            _ => {}
        }
        Vec::new()
    }

    /// Opens the box that closes (or reopens) the unit on line `line`.
    fn ask_close(&mut self, line: Option<usize>) {
        let Some(i) = line else {
            self.fail(words::no_unit_matches(self.lang));
            return;
        };
        if self.published {
            self.fail(words::published_no_edits(self.year, self.lang));
            return;
        }
        let u = &self.units.lines[i].unit;
        let kind = if u.closed {
            InputKind::ReopenUnit
        } else {
            InputKind::CloseUnit
        };
        self.dialog = Some(Dialog::Close {
            unit: u.code.clone(),
            name: u.name.clone(),
        });
        self.open_input(kind, "");
    }

    /// Enter in the close / reopen box: the unit goes to the store with the comment.
    pub(super) fn submit_close(&mut self, closed: bool, comment: String) -> Vec<Effect> {
        // Reopening changes what was agreed: the audit log keeps why.
        if !closed && comment.trim().is_empty() {
            self.set_input_error(words::reopen_reason_needed(self.lang));
            return Vec::new();
        }
        self.input = None;
        let Some(Dialog::Close { unit, .. }) = self.dialog.take() else {
            return Vec::new();
        };
        self.saving = true;
        vec![Effect::SetClosed {
            unit,
            closed,
            comment,
        }]
    }

    /// The group's units read again: the selection follows its unit when the list changed
    /// under it.
    pub(super) fn units_loaded(&mut self, group: &str, lines: Vec<UnitLine>) -> Vec<Effect> {
        if self.group_code() != Some(group) {
            return Vec::new();
        }
        let units = &mut self.units;
        let selected = units
            .shown()
            .get(units.sel)
            .map(|&i| units.lines[i].unit.code.clone());
        units.lines = lines;
        let shown = units.shown();
        units.sel = selected
            .and_then(|c| shown.iter().position(|&i| units.lines[i].unit.code == c))
            .unwrap_or(units.sel)
            .min(shown.len().saturating_sub(1));
        self.history_waits_for_units()
    }

    /// Some units read again, one line each; the whole list when one is new to it.
    pub(super) fn units_changed(&mut self, group: String, lines: Vec<UnitLine>) -> Vec<Effect> {
        if self.group_code() != Some(group.as_str()) {
            return Vec::new();
        }
        let units = &mut self.units.lines;
        for line in lines {
            match units.iter().position(|u| u.unit.code == line.unit.code) {
                Some(i) => units[i] = line,
                // A line this list does not have: it was read before the unit came.
                None => return vec![Effect::LoadUnits { group }],
            }
        }
        Vec::new()
    }
}
