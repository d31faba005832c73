//! The ranking screen's state: the shown group's ranking as read, provisional or final, the
//! selection; and what its keys write: the workbook, the exports, publishing the year.

use super::{App, step};
use crate::domain::{Mode, Ranking};
use crate::i18n::screens as words;
use crate::tui::action::{Cmd, Effect, ExportJob, ExportWhat};
use crate::tui::app::{Dialog, InputKind};
use crate::tui::keymap::Screen;
use std::cell::Cell;
use std::path::PathBuf;

/// The ranking of the shown group.
pub struct RankingState {
    /// None while it is being read; the sentence of a failure.
    pub data: Option<Result<Ranking, String>>,
    pub mode: Mode,
    pub sel: usize,
    /// The first row shown (kept by the drawing).
    pub offset: Cell<usize>,
    /// Where `q` goes back to.
    pub from: Screen,
}

impl Default for RankingState {
    fn default() -> RankingState {
        RankingState {
            data: None,
            mode: Mode::Provisional,
            sel: 0,
            offset: Cell::new(0),
            from: Screen::Units,
        }
    }
}

impl RankingState {
    /// The unit on the selected row.
    fn selected_unit(&self) -> Option<crate::domain::UnitCode> {
        match &self.data {
            Some(Ok(r)) => r.rows.get(self.sel).map(|row| row.unit.clone()),
            _ => None,
        }
    }
}

impl App {
    pub(super) fn show_ranking(&mut self) -> Vec<Effect> {
        self.ranking.from = self.screen;
        self.screen = Screen::Ranking;
        self.ranking.data = None;
        self.load_ranking()
    }

    /// Reads the shown group's ranking in the mode shown.
    pub(super) fn load_ranking(&self) -> Vec<Effect> {
        self.group_code()
            .map(|g| Effect::LoadRanking {
                group: g.to_string(),
                mode: self.ranking.mode,
            })
            .into_iter()
            .collect()
    }

    pub(super) fn ranking_command(&mut self, c: Cmd) -> Vec<Effect> {
        let n = match &self.ranking.data {
            Some(Ok(r)) => r.rows.len(),
            _ => 0,
        };
        match c {
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top | Cmd::Bottom => {
                self.ranking.sel = step(self.ranking.sel, n, c);
            }
            Cmd::Open => {
                if let Some(unit) = self.ranking.selected_unit() {
                    return vec![Effect::OpenUnit { unit }];
                }
            }
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::ToggleFinal => {
                self.ranking.mode = match self.ranking.mode {
                    Mode::Provisional => Mode::Final,
                    Mode::Final => Mode::Provisional,
                };
                self.ranking.data = None;
                return self.load_ranking();
            }
            Cmd::Fields => return self.show_fields(self.ranking.selected_unit()),
            Cmd::Publish => {
                if self.published {
                    return vec![Effect::ShowPublication];
                }
                self.open_input(InputKind::Publish, "");
            }
            Cmd::Unpublish => self.ask_unpublish(),
            Cmd::SetPrevious => return self.ask_previous(self.ranking.selected_unit()),
            Cmd::Years => self.ask_year(),
            Cmd::WriteWorkbook => self.ask_workbook(self.group_code().map(str::to_string)),
            Cmd::WriteAllWorkbook => self.ask_workbook(None),
            Cmd::ExportDecisions => self.ask_export(ExportWhat::Decisions),
            Cmd::ExportRanking => self.ask_export(ExportWhat::Ranking),
            Cmd::ExportNotices => self.ask_export(ExportWhat::Notices),
            Cmd::ExportMinutes => self.ask_export(ExportWhat::Minutes),
            Cmd::ExportSubmission => self.ask_export(ExportWhat::Submission),
            Cmd::NewYear => self.ask_new_year(),
            Cmd::Council => return self.ask_council(),
            Cmd::History => return self.show_history(self.ranking.selected_unit()),
            Cmd::BackOrQuit | Cmd::Back => {
                self.screen =
                    if self.ranking.from == Screen::Appraisal && self.appraisal.open.is_some() {
                        Screen::Appraisal
                    } else {
                        Screen::Units
                    };
            }
            _ => {}
        }
        Vec::new()
    }

    /// A group's ranking arrived: shown if it is the group and the mode on screen.
    pub(super) fn ranking_loaded(
        &mut self,
        group: &str,
        mode: Mode,
        result: Result<Ranking, String>,
    ) {
        if self.group_code() == Some(group) && mode == self.ranking.mode {
            self.ranking.data = Some(result);
        }
    }

    /// The workbook's path box, of one group or of every group: its name (year and group) in
    /// the year's export folder, else the working folder.
    fn ask_workbook(&mut self, group: Option<String>) {
        if self.groups.is_empty() {
            return;
        }
        let name = words::workbook_default_name(self.year, group.as_deref());
        let text = format!("{}{name}", self.export_folder.clone().unwrap_or_default());
        self.dialog = Some(Dialog::WorkbookOf { group });
        self.completions.clear();
        self.open_input(InputKind::WorkbookPath, &text);
    }

    /// Enter in the workbook's path box: written unless a file is there.
    pub(super) fn submit_workbook_path(&mut self, text: String) -> Vec<Effect> {
        if text.is_empty() {
            return Vec::new();
        }
        self.input = None;
        self.completions.clear();
        let Some(Dialog::WorkbookOf { group }) = self.dialog.take() else {
            return Vec::new();
        };
        let text = self.expand_home(&text);
        self.export_folder = Some(super::files::folder_of(&text));
        self.saving = true;
        vec![Effect::WriteWorkbook {
            group,
            mode: self.ranking.mode,
            path: text.into(),
            overwrite: false,
        }]
    }

    /// The workbook's file is already there: the box asks whether to replace it.
    pub(super) fn workbook_exists(&mut self, path: PathBuf, group: Option<String>) {
        self.saving = false;
        if self.screen == Screen::Ranking {
            let shown = path.display().to_string();
            self.dialog = Some(Dialog::Workbook {
                group,
                mode: self.ranking.mode,
                path,
            });
            // The box shows the file in question; what is typed in it changes nothing.
            self.open_input(InputKind::Overwrite, &shown);
        }
    }

    /// An export's file is already there: the box asks whether to replace it.
    pub(super) fn export_exists(&mut self, job: ExportJob) {
        self.saving = false;
        let shown = job.path.display().to_string();
        self.dialog = Some(Dialog::Export(job));
        self.open_input(InputKind::Overwrite, &shown);
    }

    /// Enter on "replace the file?": the export or the workbook written over it.
    pub(super) fn submit_overwrite(&mut self) -> Vec<Effect> {
        self.input = None;
        match self.dialog.take() {
            Some(Dialog::Export(job)) => {
                self.saving = true;
                vec![Effect::Export {
                    job,
                    overwrite: true,
                }]
            }
            Some(Dialog::Workbook { group, mode, path }) => {
                self.saving = true;
                vec![Effect::WriteWorkbook {
                    group,
                    mode,
                    path,
                    overwrite: true,
                }]
            }
            _ => Vec::new(),
        }
    }

    /// Opens the path box of an export of the shown group, with a name of its own in the
    /// last folder.
    pub(super) fn ask_export(&mut self, what: ExportWhat) {
        let Some(group) = self.group_code().map(str::to_string) else {
            return;
        };
        let name = words::export_default_name(what, self.year, &group);
        // The year's export folder; before the first export, the folder of the last import
        // (where the units' files are).
        let folder = self
            .export_folder
            .clone()
            .unwrap_or_else(|| self.last_folder.clone());
        let text = format!("{folder}{name}");
        self.dialog = Some(Dialog::Export(ExportJob {
            what,
            group,
            mode: self.ranking.mode,
            path: PathBuf::from(&text),
        }));
        self.completions.clear();
        self.open_input(InputKind::ExportPath, &text);
    }

    pub(super) fn submit_export_path(&mut self, text: String) -> Vec<Effect> {
        if text.is_empty() {
            return Vec::new();
        }
        self.input = None;
        self.completions.clear();
        let Some(Dialog::Export(mut job)) = self.dialog.take() else {
            return Vec::new();
        };
        let text = self.expand_home(&text);
        self.export_folder = Some(super::files::folder_of(text.trim_end_matches('/')));
        job.path = PathBuf::from(text);
        self.saving = true;
        vec![Effect::Export {
            job,
            overwrite: false,
        }]
    }

    /// Enter in the publish box: the year is published with the comment.
    pub(super) fn submit_publish(&mut self, comment: String) -> Vec<Effect> {
        self.input = None;
        self.saving = true;
        vec![Effect::Publish { comment }]
    }
}
