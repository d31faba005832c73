//! The working year from the screens: `N` starts the new year (after a box that says what
//! will happen), and every screen starts again on it.

use super::{App, Dialog, InputKind};
use crate::domain::Mode;
use crate::i18n::screens as words;
use crate::tui::action::Effect;
use crate::tui::keymap::Screen;

impl App {
    /// The new year: the next one after the working year; on the welcome of an empty year,
    /// the working year itself, made from the newest year before it in this database.
    pub(super) fn ask_new_year(&mut self) {
        let welcome = self.no_units && self.units.lines.is_empty();
        let (year, from) = if welcome {
            match self.year_before {
                Some(from) => (self.year, from),
                None => {
                    self.fail(words::no_year_before(self.year, self.lang));
                    return;
                }
            }
        } else {
            (self.year + 1, self.year)
        };
        self.dialog = Some(Dialog::NewYear { year, from });
        self.open_input(InputKind::NewYear, &format!("{from} → {year}"));
    }

    /// Enter in the new year's box: the year is made.
    pub(super) fn submit_new_year(&mut self) -> Vec<Effect> {
        self.input = None;
        let Some(Dialog::NewYear { year, from }) = self.dialog.take() else {
            return Vec::new();
        };
        self.saving = true;
        vec![Effect::NewYear { year, from }]
    }

    pub(super) fn year_started(&mut self, year: i32, message: String) -> Vec<Effect> {
        self.saving = false;
        self.year = year;
        self.groups.clear();
        self.group = 0;
        self.units.clear();
        self.appraisal.open = None;
        self.ranking.data = None;
        self.ranking.mode = Mode::Provisional;
        self.history.data = None;
        self.published = false;
        self.no_units = false;
        self.screen = Screen::Units;
        self.say(message);
        vec![Effect::LoadGroups, Effect::LoadYear]
    }
}
