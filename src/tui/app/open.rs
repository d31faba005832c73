//! Another database file from the screens: `o` opens one (last year's file, say, to start
//! the new year from it), `D` the demo year in a file of its own. Either way the screens
//! start again on it, as when `thamdinh` opens a file.

use super::App;
use super::files::folder_of;
use crate::tui::action::Effect;
use std::path::PathBuf;

impl App {
    pub(super) fn submit_database_path(&mut self, text: String) -> Vec<Effect> {
        let text = self.expand_home(text.trim());
        if text.is_empty() || text.ends_with('/') {
            return Vec::new();
        }
        self.input = None;
        self.completions.clear();
        self.last_folder = folder_of(&text);
        self.saving = true;
        vec![Effect::OpenDatabase {
            path: PathBuf::from(text),
        }]
    }

    pub(super) fn open_demo(&mut self) -> Vec<Effect> {
        self.saving = true;
        vec![Effect::OpenDemo]
    }

    /// The screens on another file: everything read from the one before is dropped.
    pub(super) fn database_opened(
        &mut self,
        label: String,
        year: i32,
        message: String,
    ) -> Vec<Effect> {
        self.db_label = label;
        self.appraisal.drafts.clear();
        self.year_before = None;
        let mut effects = self.year_started(year, message);
        effects.insert(0, Effect::CheckLedger);
        effects
    }
}
