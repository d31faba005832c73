//! The council's settings box (`H` on the ranking and files screens): the year's settings as
//! one `label: value` line each, edited in place and saved by Enter (refused in place with
//! the line and why).

use super::{App, Dialog, InputKind};
use crate::domain::council::Council;
use crate::i18n::council as words;
use crate::tui::action::Effect;

impl App {
    /// `H`: the settings are read, then the box opens on them.
    pub(super) fn ask_council(&mut self) -> Vec<Effect> {
        vec![Effect::LoadCouncil]
    }

    /// The settings arrived: the box opens with one line per setting.
    pub(super) fn council_loaded(&mut self, council: Council) {
        let text = words::form(&council, self.lang);
        self.dialog = Some(Dialog::Council(Box::new(council)));
        self.open_input(InputKind::Council, &text);
        // The cursor at the end of the first line, where the settings start.
        if let Some(input) = self.input.as_mut() {
            input.area.move_cursor(ratatui_textarea::CursorMove::Top);
            input.area.move_cursor(ratatui_textarea::CursorMove::End);
        }
    }

    /// Enter in the settings box: the lines read back, checked, then stored.
    pub(super) fn submit_council(&mut self, text: &str) -> Vec<Effect> {
        let Some(Dialog::Council(base)) = &self.dialog else {
            self.input = None;
            return Vec::new();
        };
        match words::read_form(text, base, self.lang) {
            Err(why) => {
                self.set_input_error(&why);
                Vec::new()
            }
            Ok(council) => {
                self.input = None;
                self.dialog = None;
                self.saving = true;
                vec![Effect::SaveCouncil(Box::new(council))]
            }
        }
    }
}
