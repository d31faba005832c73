//! The way up screen's state: one unit's way up, opened from the fields screen. It is
//! computed in `update` from the analysis already loaded (pure domain work, a few
//! milliseconds even for ten thousand units), so opening it needs no trip to the database.

use super::{App, FieldsView, step};
use crate::domain::{UnitCode, WayUp};
use crate::tui::action::{Cmd, Effect};
use crate::tui::keymap::Screen;
use std::cell::Cell;

/// One unit's way up.
pub struct WayUpView {
    pub unit: UnitCode,
    pub name: String,
    /// None when the unit has no index (nothing of it applies).
    pub way: Option<WayUp>,
    /// The first line shown.
    pub scroll: usize,
    /// How far it can scroll in the window last drawn: set by the drawing.
    pub max_scroll: Cell<usize>,
}

impl FieldsView {
    /// The way up of `unit`, from the analysis loaded.
    pub(super) fn way_up(&self, unit: &UnitCode, name: &str) -> WayUpView {
        let way = self.loaded().and_then(|d| d.analysis.way_up(&d.set, unit));
        WayUpView {
            unit: unit.clone(),
            name: name.to_string(),
            way,
            scroll: 0,
            max_scroll: Cell::new(0),
        }
    }
}

impl App {
    pub(super) fn way_up_command(&mut self, c: Cmd) -> Vec<Effect> {
        let Some(w) = self.fields.as_mut().and_then(|f| f.way.as_mut()) else {
            self.screen = Screen::Fields;
            return Vec::new();
        };
        match c {
            // From where the text shows (the drawing keeps the scroll within the window's
            // reach, which it alone knows); the end is wherever the drawing finds it.
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top => {
                let at = w.scroll.min(w.max_scroll.get());
                w.scroll = step(at, at + 11, c);
            }
            Cmd::Bottom => w.scroll = usize::MAX,
            Cmd::BackOrQuit | Cmd::Back => {
                if let Some(f) = self.fields.as_mut() {
                    f.way = None;
                }
                self.screen = Screen::Fields;
            }
            _ => {}
        }
        Vec::new()
    }
}
