//! The history screen's state: whose history (a unit, its group, the province), of which
//! unit, as read; and how its keys move from one unit or view to the next.

use super::App;
use crate::domain::UnitCode;
use crate::tui::action::{Cmd, Effect, HistoryData, Subject};
use crate::tui::keymap::Screen;
pub use crate::ui::HistoryView;

impl HistoryView {
    fn next(self) -> HistoryView {
        match self {
            HistoryView::Unit => HistoryView::Group,
            HistoryView::Group => HistoryView::Province,
            HistoryView::Province => HistoryView::Unit,
        }
    }
}

/// The history screen: whose history, of which unit, as read, and where `q` goes back to.
pub struct HistoryState {
    pub view: HistoryView,
    pub unit: Option<UnitCode>,
    pub data: Option<Result<HistoryData, String>>,
    pub from: Screen,
}

impl Default for HistoryState {
    fn default() -> HistoryState {
        HistoryState {
            view: HistoryView::Unit,
            unit: None,
            data: None,
            from: Screen::Units,
        }
    }
}

impl App {
    /// Whose history the screen shows now; none while a unit is still to be chosen.
    pub fn history_subject(&self) -> Option<Subject> {
        match self.history.view {
            HistoryView::Unit => self.history.unit.clone().map(Subject::Unit),
            HistoryView::Group => self.group_code().map(|g| Subject::Group(g.to_string())),
            HistoryView::Province => Some(Subject::Province),
        }
    }

    /// Reads the history the screen shows, if it knows whose.
    pub(super) fn load_history(&self) -> Vec<Effect> {
        self.history_subject()
            .map(Effect::LoadHistory)
            .into_iter()
            .collect()
    }

    /// Opens the history screen on a unit (none: on its group).
    pub(super) fn show_history(&mut self, unit: Option<UnitCode>) -> Vec<Effect> {
        self.history.from = self.screen;
        self.screen = Screen::History;
        self.history.data = None;
        self.history.view = if unit.is_some() {
            HistoryView::Unit
        } else {
            HistoryView::Group
        };
        self.history.unit = unit;
        self.load_history()
    }

    /// The group's units arrived: a unit's history still waiting for one shows the first.
    pub(super) fn history_waits_for_units(&mut self) -> Vec<Effect> {
        if self.screen == Screen::History
            && self.history.view == HistoryView::Unit
            && self.history.unit.is_none()
            && let Some(first) = self.units.lines.first()
        {
            self.history.unit = Some(first.unit.code.clone());
            return self.load_history();
        }
        Vec::new()
    }

    pub(super) fn history_loaded(&mut self, subject: Subject, result: Result<HistoryData, String>) {
        if self.history_subject() == Some(subject) {
            self.history.data = Some(result);
        }
    }

    pub(super) fn history_command(&mut self, c: Cmd) -> Vec<Effect> {
        match c {
            Cmd::Up | Cmd::Down if self.history.view == HistoryView::Unit => {
                let lines = &self.units.lines;
                let n = lines.len();
                let at = lines
                    .iter()
                    .position(|u| Some(&u.unit.code) == self.history.unit.as_ref());
                let next = match (c, at) {
                    (_, None) if n > 0 => Some(0),
                    (Cmd::Up, Some(k)) if k > 0 => Some(k - 1),
                    (Cmd::Down, Some(k)) if k + 1 < n => Some(k + 1),
                    _ => None,
                };
                if let Some(k) = next {
                    self.history.unit = Some(lines[k].unit.code.clone());
                    self.history.data = None;
                    return self.load_history();
                }
            }
            Cmd::CycleView => {
                self.history.view = self.history.view.next();
                if self.history.view == HistoryView::Unit && self.history.unit.is_none() {
                    self.history.unit = self.units.lines.first().map(|u| u.unit.code.clone());
                }
                self.history.data = None;
                return self.load_history();
            }
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::BackOrQuit | Cmd::Back => {
                self.screen = match self.history.from {
                    Screen::Appraisal if self.appraisal.open.is_some() => Screen::Appraisal,
                    Screen::Ranking => Screen::Ranking,
                    _ => Screen::Units,
                };
                return self.give_group_back();
            }
            _ => {}
        }
        Vec::new()
    }
}
