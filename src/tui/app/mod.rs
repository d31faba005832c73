//! The state of the screens and the one place it changes: `App::update(action)` returns the
//! effects the runtime must run. No terminal and no database here, so it is tested directly.
//!
//! `App` holds what every screen shares (the language, the year, the group, the text box and
//! its `Dialog`, the status line); each screen's own state and keys are in the file named
//! like its drawing in `screens/`: `units.rs`, `appraisal.rs`, `ranking.rs`, `fields.rs`,
//! `wayup.rs`, `history.rs`, `files.rs`, `assign.rs`. The text box is `input.rs`; the new
//! year and another database, which start every screen again, `year.rs` and `open.rs`.

mod appraisal;
mod assign;
mod council;
mod fields;
mod files;
mod history;
mod input;
mod open;
mod previous;
mod ranking;
mod units;
mod wayup;
mod year;

pub use appraisal::{AppraisalState, ItemFilter, Open};
pub use assign::AssignState;
pub use fields::FieldsView;
pub use files::FilesState;
pub use history::{HistoryState, HistoryView};
pub use input::{Dialog, Input, InputKind};
pub use ranking::RankingState;
pub use units::UnitsState;
pub use wayup::WayUpView;

use super::action::{Action, Cmd, Effect, GroupTab, Loaded};
use super::keymap::{self, Screen};
use super::theme::Theme;
use crate::i18n::Lang;
use crate::i18n::screens as words;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The whole state of the screens: what they share, then each screen's own.
/// The screens on a database the user may not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOnly {
    /// The banner: who may not write which file, and the commands that fix it.
    pub banner: String,
}

/// Whether a command writes to the database (refused on a read-only one). The exports
/// write files, not the database: they stay.
pub fn writes(screen: Screen, c: Cmd) -> bool {
    match c {
        Cmd::CloseUnit
        | Cmd::Publish
        | Cmd::Unpublish
        | Cmd::Files
        | Cmd::AddMember
        | Cmd::SetPrevious
        | Cmd::NewYear
        | Cmd::Council => true,
        Cmd::Option(_) => screen == Screen::Appraisal,
        c => appraisal::edits(c),
    }
}

pub struct App {
    pub lang: Lang,
    /// Where local times come from: the workspace's clock once the screens start (UTC
    /// before), so what is shown never depends on the machine running the tests.
    pub clock: crate::clock::SharedClock,
    pub theme: Theme,
    pub appraiser: Option<String>,
    pub db_label: String,
    pub year: i32,
    pub screen: Screen,
    pub help: bool,
    pub groups: Vec<GroupTab>,
    pub group: usize,
    /// The text box open over the screen.
    pub input: Option<Input>,
    /// What the open box is about, when Enter needs more than its text.
    pub dialog: Option<Dialog>,
    /// What completes the path typed, when Tab found several names.
    pub completions: Vec<String>,
    /// The folder of the last file imported or written (ends with `/`), from the
    /// configuration: the path boxes start there.
    pub last_folder: String,
    /// The user's home folder: `~` in a path box stands for it (none: `~` stays as typed).
    pub home: Option<String>,
    /// The folder the working year's exports go to, once one was written (remembered).
    pub export_folder: Option<String>,
    /// What the file the replace box asks about holds (its size, when it was written).
    pub overwrite_about: String,
    /// The newest year before the working one in this database (the welcome's new year).
    pub year_before: Option<i32>,
    /// Every year in the file, newest first, and whether it is published (the year box).
    pub years: Vec<(i32, bool)>,
    /// Where each changed unit came from and how its figure of last year was found.
    pub lineage: std::collections::HashMap<String, crate::tui::action::UnitLineage>,
    /// A message for the status line, and whether it is an error.
    pub status: Option<(String, bool)>,
    /// The message came with the last key's answer (or since): one too long for the status
    /// line is shown whole in a message area above it until the next key.
    pub status_fresh: bool,
    /// Whether the status line answers the user's last key (a save, a refusal): another
    /// session's change then reloads the screen without putting its notice over that answer,
    /// which the user would otherwise never see in a busy room. The next key lets it go.
    pub status_answers_key: bool,
    pub last_save: Option<String>,
    /// A write is on its way to the database.
    pub saving: bool,
    /// The working year is published: its decisions cannot change.
    pub published: bool,
    /// Some set of the working year is illustrative (names no decision).
    pub illustrative: bool,
    /// The working year has no unit at all: the units screen welcomes instead of a table.
    pub no_units: bool,
    /// What breaks the ledger, when its check on opening found it broken: shown in a banner
    /// on every screen until the screens close.
    pub ledger_alarm: Option<String>,
    /// The database is open read-only (the user may not write it): the banner says why and
    /// what fixes it, and every key that writes is refused with a sentence.
    pub read_only: Option<ReadOnly>,
    pub quit: bool,
    /// The units of the shown group.
    pub units: UnitsState,
    /// The unit open, and the comments waiting for a decision.
    pub appraisal: AppraisalState,
    pub ranking: RankingState,
    /// The analysis by field (and a unit's way up) while it is shown.
    pub fields: Option<FieldsView>,
    pub history: HistoryState,
    pub files: FilesState,
    /// Who appraises which fields of the shown group.
    pub assign: AssignState,
    /// The group and the units list the screen behind had, while `Tab` on the assign or
    /// history screen shows another group: given back when that screen is left.
    pub units_kept: Option<(usize, UnitsState)>,
}

fn is_press(k: &KeyEvent) -> bool {
    k.kind == KeyEventKind::Press
}

impl App {
    pub fn new(lang: Lang, appraiser: Option<String>, db_label: String, year: i32) -> App {
        let mut app = App {
            lang,
            clock: std::sync::Arc::new(crate::clock::FixedClock {
                at: chrono::DateTime::UNIX_EPOCH,
                offset: chrono::FixedOffset::east_opt(0).expect("UTC"),
            }),
            theme: Theme::default(),
            appraiser: None,
            db_label,
            year,
            screen: Screen::Units,
            help: false,
            groups: Vec::new(),
            group: 0,
            input: None,
            dialog: None,
            completions: Vec::new(),
            last_folder: String::new(),
            home: None,
            export_folder: None,
            overwrite_about: String::new(),
            year_before: None,
            years: Vec::new(),
            lineage: Default::default(),
            status: None,
            status_fresh: false,
            status_answers_key: false,
            last_save: None,
            saving: false,
            published: false,
            illustrative: false,
            no_units: false,
            ledger_alarm: None,
            read_only: None,
            quit: false,
            units: UnitsState::default(),
            appraisal: AppraisalState::default(),
            ranking: RankingState::default(),
            fields: None,
            history: HistoryState::default(),
            files: FilesState::default(),
            assign: AssignState::default(),
            units_kept: None,
        };
        match appraiser.filter(|a| !a.trim().is_empty()) {
            Some(a) => app.appraiser = Some(a),
            None => app.input = Some(Input::new(InputKind::Appraiser, "")),
        }
        app
    }

    /// The effects to run when the screens open: the ledger's check, then the groups.
    pub fn start(&self) -> Vec<Effect> {
        vec![Effect::CheckLedger, Effect::LoadGroups, Effect::LoadYear]
    }

    pub fn group_code(&self) -> Option<&str> {
        self.groups.get(self.group).map(|g| g.code.as_str())
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), false));
        self.status_fresh = true;
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), true));
        self.status_fresh = true;
        self.status_answers_key = true;
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(k) => self.key(k),
            Action::Cmd(c) => self.command(c),
            Action::Loaded(l) => self.loaded(l),
            Action::Saved { saved, data, at } => self.saved(saved, data, at),
            Action::SaveFailed(msg) => {
                self.saving = false;
                self.fail(msg);
                Vec::new()
            }
            // A write on its way is still on its way: only its own result ends `saving`.
            Action::LoadFailed(msg) => {
                self.fail(msg);
                Vec::new()
            }
            Action::Written {
                path,
                sheets,
                published,
            } => {
                self.saving = false;
                let mut said = words::workbook_written(&path, sheets, self.lang);
                if let Some(year) = published {
                    let note = crate::i18n::commands::workbook_is_published_result(year, self.lang);
                    said = format!("{said} {note}");
                }
                self.say(said);
                Vec::new()
            }
            Action::FileExists { path, group, about } => {
                self.overwrite_about = about;
                self.workbook_exists(path, group);
                Vec::new()
            }
            Action::ClosedSet(message)
            | Action::Published(message)
            | Action::PreviousSet(message) => {
                self.saving = false;
                self.say(message);
                self.refresh()
            }
            Action::PublishRefused { message, comment } => {
                self.saving = false;
                self.open_input(InputKind::Publish, &comment);
                self.set_input_error(&message);
                Vec::new()
            }
            Action::AssignRefused {
                member,
                fields,
                message,
            } => {
                self.assign_refused(member, &fields, &message);
                Vec::new()
            }
            Action::Previewed {
                kind,
                path,
                preview,
            } => self.previewed(kind, path, preview),
            Action::PathIsFolder { path } => {
                self.path_is_folder(path);
                Vec::new()
            }
            Action::Imported(message) => self.imported(message),
            Action::FolderPreviewed {
                path,
                lines,
                accepted,
            } => self.folder_previewed(path, lines, accepted),
            Action::CriteriaNeeds { path, args, fields } => self.criteria_needs(path, args, fields),
            Action::CouncilSaved(message) => {
                self.saving = false;
                self.say(message);
                Vec::new()
            }
            Action::Completed { text, names } => {
                self.completed(&text, names);
                Vec::new()
            }
            Action::Exported(message) => {
                self.saving = false;
                self.say(message);
                Vec::new()
            }
            Action::ExportExists(job, about) => {
                self.overwrite_about = about;
                self.export_exists(job);
                Vec::new()
            }
            Action::Assigned(message) => {
                self.saving = false;
                self.say(message);
                self.load_assignments()
            }
            Action::YearStarted { year, message } => self.year_started(year, message),
            Action::NewYearRefused {
                year,
                from,
                carry,
                message,
                text,
            } => {
                self.new_year_refused((year, from, carry), &message, &text);
                Vec::new()
            }
            Action::DatabaseOpened {
                label,
                year,
                message,
                read_only,
            } => {
                self.read_only = read_only;
                self.database_opened(label, year, message)
            }
            Action::ExternalChange => {
                if !self.status_answers_key {
                    self.say(words::updated_from_elsewhere(self.lang));
                }
                self.refresh()
            }
            // Kept: nothing the screens do makes a broken ledger whole again.
            Action::LedgerBroken(why) => {
                self.ledger_alarm.get_or_insert(why);
                Vec::new()
            }
        }
    }

    /// Reloads what is on screen (after another instance wrote).
    fn refresh(&mut self) -> Vec<Effect> {
        let mut fx = vec![Effect::LoadYear];
        if self.screen == Screen::Assign {
            fx.extend(self.load_assignments());
        }
        if self.screen == Screen::History {
            fx.extend(self.load_history());
        }
        if let Some(g) = self.group_code() {
            // One unit at a time: the units the audit log names since the last read.
            fx.push(Effect::RefreshUnits {
                group: g.to_string(),
            });
            if self.screen == Screen::Ranking {
                fx.extend(self.load_ranking());
            }
            if let Some(f) = &self.fields {
                fx.push(Effect::LoadFields {
                    group: f.group.clone(),
                });
            }
        }
        if let Some(o) = &self.appraisal.open {
            fx.push(Effect::ReloadUnit {
                unit: o.data.unit.code.clone(),
            });
        }
        fx
    }

    fn key(&mut self, k: KeyEvent) -> Vec<Effect> {
        if !is_press(&k) {
            return Vec::new();
        }
        self.status_answers_key = false;
        // A long message was read: it goes back to the status line (cut there).
        self.status_fresh = false;
        if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
            self.quit = true;
            return Vec::new();
        }
        if self.input.is_some() {
            return self.input_key(k);
        }
        if self.help {
            self.help = false;
            return Vec::new();
        }
        match keymap::command(self.screen, &k) {
            Some(c) => self.command(c),
            None => Vec::new(),
        }
    }

    fn loaded(&mut self, l: Loaded) -> Vec<Effect> {
        match l {
            Loaded::Groups(groups) => {
                self.groups = groups;
                self.group = self.group.min(self.groups.len().saturating_sub(1));
                match self.group_code() {
                    Some(g) => vec![Effect::LoadUnits {
                        group: g.to_string(),
                    }],
                    None => Vec::new(),
                }
            }
            Loaded::UnitsChanged { group, lines } => self.units_changed(group, lines),
            Loaded::Units { group, lines } => self.units_loaded(&group, lines),
            Loaded::Unit(data) => {
                self.unit_loaded(data);
                Vec::new()
            }
            Loaded::Reloaded(data) => {
                self.unit_reloaded(data);
                Vec::new()
            }
            Loaded::Ranking {
                group,
                mode,
                result,
            } => {
                self.ranking_loaded(&group, mode, result);
                Vec::new()
            }
            Loaded::Fields { group, result } => {
                self.fields_loaded(&group, result);
                Vec::new()
            }
            Loaded::Lineage(lineage) => {
                self.lineage = lineage;
                Vec::new()
            }
            Loaded::Year {
                published,
                no_units,
                before,
                illustrative,
            } => {
                self.illustrative = illustrative;
                self.published = published;
                self.no_units = no_units;
                self.year_before = before;
                Vec::new()
            }
            Loaded::Years(years) => {
                self.years = years;
                Vec::new()
            }
            Loaded::Council(council) => {
                self.council_loaded(*council);
                Vec::new()
            }
            Loaded::ExportFolder(folder) => {
                self.export_folder = folder;
                Vec::new()
            }
            Loaded::Previous { unit, name, now } => {
                self.previous_loaded(unit, name, now);
                Vec::new()
            }
            Loaded::Assignments {
                group,
                fields,
                members,
            } => {
                self.assignments_loaded(&group, fields, members);
                Vec::new()
            }
            Loaded::History { subject, result } => {
                self.history_loaded(subject, result);
                Vec::new()
            }
        }
    }

    fn command(&mut self, c: Cmd) -> Vec<Effect> {
        if c == Cmd::Help {
            self.help = !self.help;
            return Vec::new();
        }
        if self.read_only.is_some() && writes(self.screen, c) {
            self.fail(crate::i18n::access::key_needs_write(self.lang));
            return Vec::new();
        }
        match self.screen {
            Screen::Units => self.units_command(c),
            Screen::Appraisal => self.appraisal_command(c),
            Screen::Ranking => self.ranking_command(c),
            Screen::Fields => self.fields_command(c),
            Screen::WayUp => self.way_up_command(c),
            Screen::History => self.history_command(c),
            Screen::Files => self.files_command(c),
            Screen::Assign => self.assign_command(c),
        }
    }

    /// The next (`step` 1) or previous (-1) group: every screen that shows one follows (the
    /// assign and history screens only while they are shown: see `give_group_back`).
    pub(super) fn switch_group(&mut self, step: isize) -> Vec<Effect> {
        let n = self.groups.len();
        if n == 0 {
            return Vec::new();
        }
        if matches!(self.screen, Screen::Assign | Screen::History) && self.units_kept.is_none() {
            // These screens look at another group for a while; the screen behind keeps its own.
            self.units_kept = Some((self.group, std::mem::take(&mut self.units)));
        }
        self.group = (self.group as isize + step).rem_euclid(n as isize) as usize;
        self.units.clear();
        self.ranking.sel = 0;
        self.ranking.data = None;
        let g = self.groups[self.group].code.clone();
        let mut fx = vec![Effect::LoadUnits { group: g }];
        if self.screen == Screen::Assign {
            self.assign.clear();
            fx.extend(self.load_assignments());
        }
        if self.screen == Screen::Ranking {
            fx.extend(self.load_ranking());
        } else if self.screen == Screen::History {
            // A unit's history waits for the group's units (its first one is shown).
            self.history.unit = None;
            if self.history.view != HistoryView::Province {
                self.history.data = None;
            }
            fx.extend(self.load_history());
        }
        if self.screen == Screen::Fields {
            fx.extend(self.show_fields(None));
        }
        fx
    }
}

impl App {
    /// Leaving the assign or history screen: the group and the units list the screen
    /// behind had come back (read again, the selection following its unit).
    pub(super) fn give_group_back(&mut self) -> Vec<Effect> {
        let Some((group, units)) = self.units_kept.take() else {
            return Vec::new();
        };
        self.group = group.min(self.groups.len().saturating_sub(1));
        self.units = units;
        self.ranking.sel = 0;
        self.ranking.data = None;
        let mut fx: Vec<Effect> = self
            .group_code()
            .map(|g| Effect::LoadUnits {
                group: g.to_string(),
            })
            .into_iter()
            .collect();
        if self.screen == Screen::Ranking {
            fx.extend(self.load_ranking());
        }
        fx
    }
}

/// Moves a selection in a list of `n` rows.
pub(super) fn step(pos: usize, n: usize, c: Cmd) -> usize {
    if n == 0 {
        return 0;
    }
    let page = 10;
    match c {
        Cmd::Up => pos.saturating_sub(1),
        Cmd::Down => (pos + 1).min(n - 1),
        Cmd::PageUp => pos.saturating_sub(page),
        Cmd::PageDown => (pos + page).min(n - 1),
        Cmd::Top => 0,
        Cmd::Bottom => n - 1,
        _ => pos,
    }
}
