//! The working year from the screens: `N` starts the new year (after a box that says what
//! will happen, and warns when the year it starts from is not published), `Y` moves to
//! another year of the file, `U` takes back the year's publication; every screen then starts
//! again on the year.

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
        self.dialog = Some(Dialog::NewYear {
            year,
            from,
            carry: true,
            warned: false,
        });
        // The box takes the optional changes file and the new groups' sets.
        self.open_input(InputKind::NewYear, "");
    }

    /// Whether `year` is in the file (by the list read with the year).
    pub fn year_in_file(&self, year: i32) -> bool {
        self.years.iter().any(|&(y, _)| y == year)
    }

    /// Whether `year` is published: the working year's own flag, else the list's.
    pub fn year_published(&self, year: i32) -> bool {
        if year == self.year {
            return self.published;
        }
        self.years.iter().any(|&(y, p)| y == year && p)
    }

    /// Enter in the new year's box: the year is made, once the user confirmed it after the
    /// warning about an unpublished year; a year already in the file is opened instead.
    pub(super) fn submit_new_year(&mut self) -> Vec<Effect> {
        let Some(Dialog::NewYear {
            year,
            from,
            carry,
            warned,
        }) = self.dialog.clone()
        else {
            self.input = None;
            return Vec::new();
        };
        if year != self.year && self.year_in_file(year) {
            self.input = None;
            self.dialog = None;
            return vec![Effect::SwitchYear { year }];
        }
        let text = self.input.as_ref().map(|i| i.text()).unwrap_or_default();
        let changes = match year_changes(&text) {
            Ok(c) => c,
            Err(why) => {
                self.set_input_error(&why(self.lang));
                return Vec::new();
            }
        };
        if !self.year_published(from) && !warned {
            self.dialog = Some(Dialog::NewYear {
                year,
                from,
                carry,
                warned: true,
            });
            self.set_input_error(&words::new_year_confirm_unpublished(year, from, self.lang));
            return Vec::new();
        }
        self.input = None;
        self.dialog = None;
        self.saving = true;
        vec![Effect::NewYear {
            year,
            from,
            carry,
            changes,
        }]
    }

    /// The new year was refused: the box again, with what was typed and why.
    pub(super) fn new_year_refused(
        &mut self,
        (year, from, carry): (i32, i32, bool),
        message: &str,
        text: &str,
    ) {
        self.saving = false;
        // Already confirmed: Enter tries again at once.
        self.dialog = Some(Dialog::NewYear {
            year,
            from,
            carry,
            warned: true,
        });
        self.open_input(InputKind::NewYear, text);
        self.set_input_error(message);
    }

    /// `Y`: the box that lists every year of the file with its state.
    pub(super) fn ask_year(&mut self) {
        self.open_input(InputKind::Year, "");
    }

    /// Enter in the year box: the year typed, if the file has it.
    pub(super) fn submit_year(&mut self, text: &str) -> Vec<Effect> {
        let Ok(year) = text.trim().parse::<i32>() else {
            self.set_input_error(&words::year_not_a_number(text.trim(), self.lang));
            return Vec::new();
        };
        if !self.year_in_file(year) {
            self.set_input_error(&words::year_not_in_file(year, self.lang));
            return Vec::new();
        }
        self.input = None;
        if year == self.year {
            return Vec::new();
        }
        vec![Effect::SwitchYear { year }]
    }

    /// `U` on the ranking: the box asks why the publication is taken back.
    pub(super) fn ask_unpublish(&mut self) {
        if self.published {
            self.open_input(InputKind::Unpublish, "");
        } else {
            self.fail(words::not_published(self.year, self.lang));
        }
    }

    /// Enter in the unpublish box: a reason is required.
    pub(super) fn submit_unpublish(&mut self, text: String) -> Vec<Effect> {
        if text.trim().is_empty() {
            self.set_input_error(words::unpublish_reason_needed(self.lang));
            return Vec::new();
        }
        self.input = None;
        self.saving = true;
        vec![Effect::Unpublish { comment: text }]
    }

    pub(super) fn year_started(&mut self, year: i32, message: String) -> Vec<Effect> {
        self.saving = false;
        self.year = year;
        self.groups.clear();
        self.group = 0;
        self.units.clear();
        self.units_kept = None;
        self.appraisal.open = None;
        self.ranking.data = None;
        self.ranking.mode = Mode::Provisional;
        self.history.data = None;
        self.fields = None;
        self.published = false;
        self.no_units = false;
        self.screen = Screen::Units;
        self.say(message);
        vec![Effect::LoadGroups, Effect::LoadYear]
    }
}

/// A sentence in the user's language.
type Said = fn(crate::i18n::Lang) -> String;

/// The new year's box as typed: paths separated by spaces, a changes file (`.csv`, `.xlsx`)
/// and the criteria sets (`.toml`) of the groups that start; empty: no changes.
pub fn year_changes(text: &str) -> Result<Option<crate::service::YearChanges>, Said> {
    let mut file = None;
    let mut sets = Vec::new();
    for word in text.split_whitespace() {
        let path = std::path::PathBuf::from(word);
        let toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        if toml {
            sets.push(path);
        } else if file.replace(path).is_some() {
            return Err(|lang| words::new_year_one_changes_file(lang).to_string());
        }
    }
    match file {
        Some(file) => Ok(Some(crate::service::YearChanges {
            file,
            sheet: None,
            sets,
        })),
        None if sets.is_empty() => Ok(None),
        None => Err(|lang| words::new_year_sets_need_changes(lang).to_string()),
    }
}
