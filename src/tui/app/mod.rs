//! The state of the screens and the one place it changes: `App::update(action)` returns the
//! effects the runtime must run. No terminal and no database here, so it is tested directly.

mod fields;
mod files;
mod open;

pub use fields::{FieldsView, WayUpView};
pub use files::{AssignState, FilesState};

use super::action::{
    Action, Cmd, Effect, ExportJob, ExportWhat, GroupTab, HistoryData, Loaded, Saved, Subject,
    UnitData, UnitLine,
};
use super::keymap::{self, Screen};
use crate::domain::sheet::NodeSum;
use crate::domain::text::matches;
use crate::domain::{ItemCode, Mode, Points, Ranking, State, UnitCode, Verdict};
use crate::i18n::Lang;
use crate::i18n::errors::{decide_error, decision_not_recorded};
use crate::i18n::screens as words;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::TextArea;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};

/// Which items the tree shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemFilter {
    All,
    Undecided,
    Adjusted,
}

impl ItemFilter {
    fn next(self) -> ItemFilter {
        match self {
            ItemFilter::All => ItemFilter::Undecided,
            ItemFilter::Undecided => ItemFilter::Adjusted,
            ItemFilter::Adjusted => ItemFilter::All,
        }
    }
}

/// Whose history the history screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryView {
    Unit,
    Group,
    Province,
}

impl HistoryView {
    fn next(self) -> HistoryView {
        match self {
            HistoryView::Unit => HistoryView::Group,
            HistoryView::Group => HistoryView::Province,
            HistoryView::Province => HistoryView::Unit,
        }
    }
}

/// What an open text box is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Appraiser,
    UnitFilter,
    ItemSearch,
    Score,
    NotApplicable,
    Comment,
    /// Where to write the shown group's workbook.
    WorkbookPath,
    /// Whether to replace the workbook file already there (Enter: yes, Esc: no).
    Overwrite,
    /// The comment on closing the selected unit (Enter closes it).
    CloseUnit,
    /// The comment on reopening the selected unit (Enter reopens it).
    ReopenUnit,
    /// The comment on publishing the year (Enter publishes it).
    Publish,
    /// The path of the file to import (Tab completes it).
    ImportPath,
    /// Where to write an export (Tab completes it).
    ExportPath,
    /// A new member's name (then their fields).
    MemberName,
    /// The fields of a member, separated by spaces or commas (empty: takes them back).
    AssignFields,
    /// Whether to start the new year (Enter: yes, Esc: no); says what will happen.
    NewYear,
    /// The path of another database file to open (Tab completes it).
    OpenDatabase,
}

impl InputKind {
    /// Whether the box holds a paragraph: a comment or a reason keeps its line breaks.
    pub fn multiline(self) -> bool {
        matches!(
            self,
            InputKind::Comment
                | InputKind::NotApplicable
                | InputKind::CloseUnit
                | InputKind::ReopenUnit
                | InputKind::Publish
        )
    }
}

pub struct Input {
    pub kind: InputKind,
    pub area: TextArea<'static>,
    /// Why the last submit was refused, shown in place.
    pub error: Option<String>,
}

impl Input {
    fn new(kind: InputKind, text: &str) -> Input {
        let mut area = if kind.multiline() {
            let mut area = TextArea::new(text.split('\n').map(String::from).collect());
            // Long lines wrap in the box instead of scrolling sideways.
            area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
            area
        } else {
            TextArea::new(vec![text.to_string()])
        };
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Input {
            kind,
            area,
            error: None,
        }
    }

    /// The text typed: a paragraph box keeps its line breaks, a one-line box has none.
    pub fn text(&self) -> String {
        self.area
            .lines()
            .join(if self.kind.multiline() { "\n" } else { " " })
    }
}

/// A unit open on the appraisal screen.
pub struct Open {
    pub data: UnitData,
    pub sums: Vec<NodeSum>,
    pub collapsed: HashSet<usize>,
    /// The selected node (index into the set's nodes).
    pub sel: usize,
    pub filter: ItemFilter,
    pub search: String,
    pub offset: Cell<usize>,
}

impl Open {
    fn new(data: UnitData) -> Open {
        let sums = data.sheet.node_sums(&data.set);
        let mut open = Open {
            data,
            sums,
            collapsed: HashSet::new(),
            sel: 0,
            filter: ItemFilter::All,
            search: String::new(),
            offset: Cell::new(0),
        };
        open.sel = open.next_undecided(None).unwrap_or(0);
        open
    }

    /// Whether a node lies in the fields assigned to the appraiser (all, when none are).
    pub fn in_assigned(&self, idx: usize) -> bool {
        let set = &self.data.set;
        self.data.assigned.is_empty()
            || set
                .field_of(idx)
                .is_some_and(|f| self.data.assigned.contains(&set.node(f).code))
    }

    /// The next undecided item after `from`, in the appraiser's fields.
    pub fn next_undecided(&self, from: Option<usize>) -> Option<usize> {
        self.data
            .sheet
            .next_undecided_where(&self.data.set, from, |i| self.in_assigned(i))
    }

    fn replace(&mut self, data: UnitData) {
        self.sums = data.sheet.node_sums(&data.set);
        self.data = data;
        // A filter may now hide the selected item (decided elsewhere): select the next one shown.
        let rows = self.visible();
        if !rows.is_empty() && !rows.contains(&self.sel) {
            let set = &self.data.set;
            self.sel = rows
                .iter()
                .copied()
                .find(|&r| r > self.sel && set.node(r).is_item())
                .or_else(|| rows.iter().copied().rev().find(|&r| set.node(r).is_item()))
                .unwrap_or(rows[0]);
        }
    }

    pub fn state(&self, idx: usize) -> State {
        self.data.sheet.state(&self.data.set, idx)
    }

    fn item_shown(&self, idx: usize) -> bool {
        let node = self.data.set.node(idx);
        let by_filter = match self.filter {
            ItemFilter::All => true,
            ItemFilter::Undecided => !self.state(idx).is_decided(),
            ItemFilter::Adjusted => self.state(idx) == State::Adjusted,
        };
        by_filter
            && (self.search.trim().is_empty()
                || node.code.as_str().starts_with(self.search.trim())
                || matches(&node.title, &self.search))
    }

    /// The rows the tree shows, in order.
    pub fn visible(&self) -> Vec<usize> {
        let set = &self.data.set;
        let nodes = set.nodes();
        let filtering = self.filter != ItemFilter::All || !self.search.trim().is_empty();
        if filtering {
            let mut keep = vec![false; nodes.len()];
            for idx in set.item_indexes() {
                if self.item_shown(idx) {
                    let mut i = Some(idx);
                    while let Some(k) = i {
                        keep[k] = true;
                        i = nodes[k].parent;
                    }
                }
            }
            return (0..nodes.len()).filter(|&i| keep[i]).collect();
        }
        (0..nodes.len())
            .filter(|&i| {
                let mut p = nodes[i].parent;
                while let Some(k) = p {
                    if self.collapsed.contains(&k) {
                        return false;
                    }
                    p = nodes[k].parent;
                }
                true
            })
            .collect()
    }

    fn is_item(&self) -> bool {
        self.data.set.node(self.sel).is_item()
    }
}

/// The whole state of the screens.
pub struct App {
    pub lang: Lang,
    pub theme: super::theme::Theme,
    pub appraiser: Option<String>,
    pub db_label: String,
    pub year: i32,
    pub screen: Screen,
    /// Where `q` on the ranking goes back to.
    pub ranking_from: Screen,
    pub help: bool,
    pub groups: Vec<GroupTab>,
    pub group: usize,
    pub units: Vec<UnitLine>,
    pub unit_sel: usize,
    pub unit_filter: String,
    pub unit_offset: Cell<usize>,
    pub open: Option<Open>,
    pub ranking: Option<Result<Ranking, String>>,
    pub rank_mode: Mode,
    pub rank_sel: usize,
    pub rank_offset: Cell<usize>,
    /// The analysis by field (and a unit's way up) while it is shown.
    pub fields: Option<FieldsView>,
    pub input: Option<Input>,
    /// The workbook waiting for an answer to "replace the file?": group, mode and path.
    pub pending_workbook: Option<(String, Mode, std::path::PathBuf)>,
    /// The unit the close / reopen box is about: its code and name.
    pub pending_close: Option<(UnitCode, String)>,
    /// The export whose path box is open, or that waits for "replace the file?".
    pub pending_export: Option<ExportJob>,
    /// The new year the confirmation box is about: (year, from).
    pub pending_new_year: Option<(i32, i32)>,
    /// The files screen.
    pub files: FilesState,
    /// Who appraises which fields of the shown group.
    pub assign: AssignState,
    /// The folder of the last file imported or written (ends with `/`), from the
    /// configuration: the path boxes start there.
    pub last_folder: String,
    /// What completes the path typed, when Tab found several names.
    pub completions: Vec<String>,
    /// The newest year before the working one in this database (the welcome's new year).
    pub year_before: Option<i32>,
    /// Comments written on undecided items, saved with their decision.
    pub drafts: HashMap<(UnitCode, ItemCode), String>,
    /// A message for the status line, and whether it is an error.
    pub status: Option<(String, bool)>,
    /// Whether the status line answers the user's last key (a save, a refusal): another
    /// session's change then reloads the screen without putting its notice over that answer,
    /// which the user would otherwise never see in a busy room. The next key lets it go.
    pub status_answers_key: bool,
    pub last_save: Option<String>,
    /// A write is on its way to the database.
    pub saving: bool,
    /// The working year is published: its decisions cannot change.
    pub published: bool,
    /// The working year has no unit at all: the units screen welcomes instead of a table.
    pub no_units: bool,
    /// The history screen: whose history, of which unit, as read, and where `q` goes back to.
    pub history_view: HistoryView,
    pub history_unit: Option<UnitCode>,
    pub history: Option<Result<HistoryData, String>>,
    pub history_from: Screen,
    /// What breaks the ledger, when its check on opening found it broken: shown in a banner
    /// on every screen until the screens close.
    pub ledger_alarm: Option<String>,
    /// After `n` ran out of items: select the first undecided item of the next unit opened.
    jump_to_undecided: bool,
    pub quit: bool,
}

fn is_press(k: &KeyEvent) -> bool {
    k.kind == KeyEventKind::Press
}

impl App {
    pub fn new(lang: Lang, appraiser: Option<String>, db_label: String, year: i32) -> App {
        let mut app = App {
            lang,
            theme: super::theme::Theme::default(),
            appraiser: None,
            db_label,
            year,
            screen: Screen::Units,
            ranking_from: Screen::Units,
            help: false,
            groups: Vec::new(),
            group: 0,
            units: Vec::new(),
            unit_sel: 0,
            unit_filter: String::new(),
            unit_offset: Cell::new(0),
            open: None,
            ranking: None,
            rank_mode: Mode::Provisional,
            rank_sel: 0,
            rank_offset: Cell::new(0),
            fields: None,
            input: None,
            pending_workbook: None,
            pending_close: None,
            pending_export: None,
            pending_new_year: None,
            files: FilesState::default(),
            assign: AssignState::default(),
            last_folder: String::new(),
            completions: Vec::new(),
            year_before: None,
            drafts: HashMap::new(),
            status: None,
            status_answers_key: false,
            last_save: None,
            saving: false,
            published: false,
            no_units: false,
            history_view: HistoryView::Unit,
            history_unit: None,
            history: None,
            history_from: Screen::Units,
            ledger_alarm: None,
            jump_to_undecided: false,
            quit: false,
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

    /// The units the list shows (the filter applied), as indexes into `units`.
    pub fn shown_units(&self) -> Vec<usize> {
        (0..self.units.len())
            .filter(|&i| {
                let u = &self.units[i].unit;
                self.unit_filter.trim().is_empty()
                    || matches(&u.name, &self.unit_filter)
                    || matches(u.code.as_str(), &self.unit_filter)
            })
            .collect()
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), false));
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), true));
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
            Action::Written { path, sheets } => {
                self.saving = false;
                self.say(words::workbook_written(&path, sheets, self.lang));
                Vec::new()
            }
            Action::FileExists { path } => {
                self.saving = false;
                if let (Some(g), Screen::Ranking) = (self.group_code(), self.screen) {
                    let shown = path.display().to_string();
                    self.pending_workbook = Some((g.to_string(), self.rank_mode, path));
                    // The box shows the file in question; what is typed in it changes nothing.
                    self.open_input(InputKind::Overwrite, &shown);
                }
                Vec::new()
            }
            Action::ClosedSet(message) => {
                self.saving = false;
                self.say(message);
                self.refresh()
            }
            Action::Published(message) => {
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
            Action::Previewed {
                kind,
                path,
                preview,
            } => self.previewed(kind, path, preview),
            Action::Imported(message) => self.imported(message),
            Action::Completed { text, names } => {
                self.completed(&text, names);
                Vec::new()
            }
            Action::Exported(message) => {
                self.saving = false;
                self.say(message);
                Vec::new()
            }
            Action::ExportExists(job) => {
                self.saving = false;
                let shown = job.path.display().to_string();
                self.pending_export = Some(job);
                self.open_input(InputKind::Overwrite, &shown);
                Vec::new()
            }
            Action::Assigned(message) => {
                self.saving = false;
                self.say(message);
                self.load_assignments()
            }
            Action::YearStarted { year, message } => self.year_started(year, message),
            Action::DatabaseOpened {
                label,
                year,
                message,
            } => self.database_opened(label, year, message),
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
        if self.screen == Screen::History
            && let Some(subject) = self.history_subject()
        {
            fx.push(Effect::LoadHistory(subject));
        }
        if let Some(g) = self.group_code() {
            // One unit at a time: the units the audit log names since the last read.
            fx.push(Effect::RefreshUnits {
                group: g.to_string(),
            });
            if self.screen == Screen::Ranking {
                fx.push(Effect::LoadRanking {
                    group: g.to_string(),
                    mode: self.rank_mode,
                });
            }
            if let Some(f) = &self.fields {
                fx.push(Effect::LoadFields {
                    group: f.group.clone(),
                });
            }
        }
        if let Some(o) = &self.open {
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

    fn input_key(&mut self, k: KeyEvent) -> Vec<Effect> {
        let Some(input) = self.input.as_mut() else {
            return Vec::new();
        };
        match k.code {
            KeyCode::Esc => {
                let kind = input.kind;
                if kind == InputKind::Appraiser {
                    return Vec::new();
                }
                self.input = None;
                self.completions.clear();
                match kind {
                    InputKind::Overwrite => {
                        if let Some((_, _, path)) = self.pending_workbook.take() {
                            let path = path.display().to_string();
                            self.say(words::workbook_not_replaced(&path, self.lang));
                        }
                        if let Some(job) = self.pending_export.take() {
                            let path = job.path.display().to_string();
                            self.say(words::workbook_not_replaced(&path, self.lang));
                        }
                    }
                    InputKind::ExportPath => self.pending_export = None,
                    InputKind::NewYear => {
                        self.pending_new_year = None;
                        self.say(words::new_year_cancelled(self.lang));
                    }
                    InputKind::MemberName | InputKind::AssignFields => {
                        self.assign.member = None;
                    }
                    InputKind::UnitFilter => self.unit_filter.clear(),
                    InputKind::CloseUnit | InputKind::ReopenUnit => self.pending_close = None,
                    InputKind::ItemSearch => {
                        if let Some(o) = self.open.as_mut() {
                            o.search.clear();
                        }
                    }
                    _ => {}
                }
                Vec::new()
            }
            // A new line in a paragraph box: Alt-Enter, or Ctrl-J (the line feed many
            // terminals send for it). Enter alone saves.
            KeyCode::Enter if k.modifiers.contains(KeyModifiers::ALT) && input.kind.multiline() => {
                input.area.insert_newline();
                input.error = None;
                Vec::new()
            }
            KeyCode::Char('j') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                // In a one-line box Ctrl-J would delete up to the cursor: it does nothing there.
                if input.kind.multiline() {
                    input.area.insert_newline();
                    input.error = None;
                }
                Vec::new()
            }
            KeyCode::Enter => self.submit(),
            // A path box empties with Ctrl-U, as a shell's line does.
            KeyCode::Char('u')
                if k.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(
                        input.kind,
                        InputKind::ImportPath
                            | InputKind::ExportPath
                            | InputKind::WorkbookPath
                            | InputKind::OpenDatabase
                    ) =>
            {
                let kind = input.kind;
                self.completions.clear();
                self.input = Some(Input::new(kind, ""));
                Vec::new()
            }
            KeyCode::Tab
                if matches!(
                    input.kind,
                    InputKind::ImportPath
                        | InputKind::ExportPath
                        | InputKind::WorkbookPath
                        | InputKind::OpenDatabase
                ) =>
            {
                vec![Effect::Complete { text: input.text() }]
            }
            _ => {
                self.completions.clear();
                input.area.input(k);
                input.error = None;
                let text = input.text();
                match input.kind {
                    InputKind::UnitFilter => {
                        self.unit_filter = text;
                        self.unit_sel = 0;
                    }
                    InputKind::ItemSearch => {
                        if let Some(o) = self.open.as_mut() {
                            o.search = text;
                            if let Some(&first) =
                                o.visible().iter().find(|&&i| o.data.set.node(i).is_item())
                            {
                                o.sel = first;
                            }
                        }
                    }
                    _ => {}
                }
                Vec::new()
            }
        }
    }

    fn submit(&mut self) -> Vec<Effect> {
        let Some(input) = self.input.as_ref() else {
            return Vec::new();
        };
        let text = input.text().trim().to_string();
        let lang = self.lang;
        match input.kind {
            InputKind::Appraiser => {
                if text.is_empty() {
                    self.set_input_error(words::name_needed(lang));
                    return Vec::new();
                }
                self.input = None;
                self.appraiser = Some(text.clone());
                vec![Effect::RememberAppraiser(text)]
            }
            InputKind::UnitFilter | InputKind::ItemSearch => {
                self.input = None;
                Vec::new()
            }
            InputKind::WorkbookPath => {
                if text.is_empty() {
                    return Vec::new();
                }
                self.input = None;
                let Some(group) = self.group_code().map(str::to_string) else {
                    return Vec::new();
                };
                self.saving = true;
                vec![Effect::WriteWorkbook {
                    group,
                    mode: self.rank_mode,
                    path: text.into(),
                    overwrite: false,
                }]
            }
            InputKind::CloseUnit | InputKind::ReopenUnit => {
                let closed = input.kind == InputKind::CloseUnit;
                // A paragraph: its line breaks are kept, as the command line keeps them.
                let comment = input.text().trim().to_string();
                self.input = None;
                let Some((unit, _)) = self.pending_close.take() else {
                    return Vec::new();
                };
                self.saving = true;
                vec![Effect::SetClosed {
                    unit,
                    closed,
                    comment,
                }]
            }
            InputKind::Publish => {
                let comment = input.text().trim().to_string();
                self.input = None;
                self.saving = true;
                vec![Effect::Publish { comment }]
            }
            InputKind::ImportPath => self.submit_import_path(text),
            InputKind::OpenDatabase => self.submit_database_path(text),
            InputKind::ExportPath => self.submit_export_path(text),
            InputKind::MemberName => self.submit_member_name(text),
            InputKind::AssignFields => self.submit_fields(&text),
            InputKind::NewYear => {
                self.input = None;
                let Some((year, from)) = self.pending_new_year.take() else {
                    return Vec::new();
                };
                self.saving = true;
                vec![Effect::NewYear { year, from }]
            }
            InputKind::Overwrite => {
                self.input = None;
                if let Some(job) = self.pending_export.take() {
                    self.saving = true;
                    return vec![Effect::Export {
                        job,
                        overwrite: true,
                    }];
                }
                let Some((group, mode, path)) = self.pending_workbook.take() else {
                    return Vec::new();
                };
                self.saving = true;
                vec![Effect::WriteWorkbook {
                    group,
                    mode,
                    path,
                    overwrite: true,
                }]
            }
            InputKind::Score => {
                let Some(o) = self.open.as_ref() else {
                    return Vec::new();
                };
                let node = o.data.set.node(o.sel);
                let parsed = Points::parse(&text);
                let points = match parsed {
                    Ok(p)
                        if o.data.set.check_score(o.sel, p).is_ok() || node.options.is_empty() =>
                    {
                        Ok(p)
                    }
                    other => match text.parse::<usize>() {
                        Ok(k) if k >= 1 && k <= node.options.len() => {
                            Ok(node.options[k - 1].points)
                        }
                        _ => other.map_err(|why| {
                            crate::io::Problem::BadPoints {
                                text: text.clone(),
                                why,
                            }
                            .describe(lang)
                        }),
                    },
                };
                match points {
                    Err(msg) => {
                        self.set_input_error(&msg);
                        Vec::new()
                    }
                    Ok(p) => self.verdict(Verdict::Score(p), true),
                }
            }
            InputKind::NotApplicable => self.verdict_with(Verdict::NotApplicable, Some(text), true),
            InputKind::Comment => {
                let Some(o) = self.open.as_ref() else {
                    return Vec::new();
                };
                let unit = o.data.unit.code.clone();
                let item = o.data.set.node(o.sel).code.clone();
                let decided = o.data.sheet.records[o.sel].decision.is_some();
                self.input = None;
                if decided {
                    self.saving = true;
                    vec![Effect::SetComment {
                        unit,
                        item,
                        comment: text,
                    }]
                } else {
                    self.drafts.insert((unit, item), text);
                    self.say(words::comment_waits_for_decision(lang));
                    Vec::new()
                }
            }
        }
    }

    fn set_input_error(&mut self, msg: &str) {
        if let Some(i) = self.input.as_mut() {
            i.error = Some(msg.to_string());
        }
    }

    fn open_input(&mut self, kind: InputKind, text: &str) {
        self.input = Some(Input::new(kind, text));
    }

    /// The comment to send with a decision: the draft, else the one already recorded.
    fn comment_for(&self, o: &Open) -> String {
        let key = (
            o.data.unit.code.clone(),
            o.data.set.node(o.sel).code.clone(),
        );
        self.drafts.get(&key).cloned().unwrap_or_else(|| {
            o.data.sheet.records[o.sel]
                .decision
                .as_ref()
                .map(|d| d.comment.clone())
                .unwrap_or_default()
        })
    }

    fn verdict(&mut self, v: Verdict, from_input: bool) -> Vec<Effect> {
        self.verdict_with(v, None, from_input)
    }

    /// Checks a verdict on the selected item against the rules; refused in place with the
    /// reason, or sent to the store.
    fn verdict_with(
        &mut self,
        v: Verdict,
        comment: Option<String>,
        from_input: bool,
    ) -> Vec<Effect> {
        let lang = self.lang;
        let Some(o) = self.open.as_ref() else {
            return Vec::new();
        };
        if self.saving {
            return Vec::new();
        }
        let comment = comment.unwrap_or_else(|| self.comment_for(o));
        let node = o.data.set.node(o.sel);
        if let Err(why) = o.data.sheet.resolve(&o.data.set, o.sel, v, &comment) {
            // The same sentence as when the store refuses it (service's AppError::Decide).
            let msg = decision_not_recorded(
                o.data.unit.code.as_str(),
                node.code.as_str(),
                &decide_error(&why, lang),
                lang,
            );
            if from_input {
                self.set_input_error(&msg);
            } else {
                self.fail(msg);
            }
            return Vec::new();
        }
        let unit = o.data.unit.code.clone();
        let item = node.code.clone();
        self.input = None;
        self.saving = true;
        vec![Effect::Decide {
            unit,
            item,
            verdict: v,
            comment,
        }]
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
            Loaded::UnitsChanged { group, lines } => {
                if self.group_code() != Some(group.as_str()) {
                    return Vec::new();
                }
                for line in lines {
                    match self
                        .units
                        .iter()
                        .position(|u| u.unit.code == line.unit.code)
                    {
                        Some(i) => self.units[i] = line,
                        // A line this list does not have: it was read before the unit came.
                        None => return vec![Effect::LoadUnits { group }],
                    }
                }
                Vec::new()
            }
            Loaded::Units { group, lines } => {
                if self.group_code() == Some(group.as_str()) {
                    // The selection follows its unit when the list changed under it.
                    let selected = self
                        .shown_units()
                        .get(self.unit_sel)
                        .map(|&i| self.units[i].unit.code.clone());
                    self.units = lines;
                    let shown = self.shown_units();
                    self.unit_sel = selected
                        .and_then(|c| shown.iter().position(|&i| self.units[i].unit.code == c))
                        .unwrap_or(self.unit_sel)
                        .min(shown.len().saturating_sub(1));
                    if self.screen == Screen::History
                        && self.history_view == HistoryView::Unit
                        && self.history_unit.is_none()
                        && let Some(first) = self.units.first()
                    {
                        self.history_unit = Some(first.unit.code.clone());
                        return self
                            .history_subject()
                            .map(Effect::LoadHistory)
                            .into_iter()
                            .collect();
                    }
                }
                Vec::new()
            }
            Loaded::Unit(data) => {
                let same = self
                    .open
                    .as_ref()
                    .is_some_and(|o| o.data.unit.code == data.unit.code);
                if same {
                    if let Some(o) = self.open.as_mut() {
                        o.replace(data);
                    }
                } else {
                    self.open = Some(Open::new(data));
                }
                if std::mem::take(&mut self.jump_to_undecided)
                    && let Some(o) = self.open.as_mut()
                    && let Some(i) = o.next_undecided(None)
                {
                    o.sel = i;
                }
                self.screen = Screen::Appraisal;
                Vec::new()
            }
            Loaded::Reloaded(data) => {
                if let Some(o) = self.open.as_mut()
                    && o.data.unit.code == data.unit.code
                {
                    o.replace(data);
                }
                Vec::new()
            }
            Loaded::Ranking {
                group,
                mode,
                result,
            } => {
                if self.group_code() == Some(group.as_str()) && mode == self.rank_mode {
                    self.ranking = Some(result);
                }
                Vec::new()
            }
            Loaded::Fields { group, result } => {
                self.fields_loaded(&group, result);
                Vec::new()
            }
            Loaded::Year {
                published,
                no_units,
                before,
            } => {
                self.published = published;
                self.no_units = no_units;
                self.year_before = before;
                Vec::new()
            }
            Loaded::Assignments {
                group,
                fields,
                members,
            } => {
                if self.group_code() == Some(group.as_str()) {
                    self.assign.fields = fields;
                    self.assign.members = members;
                    self.assign.sel = self
                        .assign
                        .sel
                        .min(self.assign.members.len().saturating_sub(1));
                }
                Vec::new()
            }
            Loaded::History { subject, result } => {
                if self.history_subject() == Some(subject) {
                    self.history = Some(result);
                }
                Vec::new()
            }
        }
    }

    fn saved(&mut self, saved: Saved, data: UnitData, at: String) -> Vec<Effect> {
        self.saving = false;
        self.status_answers_key = true;
        self.last_save = Some(at);
        let lang = self.lang;
        let unit = data.unit.code.clone();
        if let Some(o) = self.open.as_mut()
            && o.data.unit.code == unit
        {
            o.replace(data);
            match &saved {
                Saved::Decision { item, score } => {
                    self.drafts.remove(&(unit.clone(), item.clone()));
                    let shown = score.map_or_else(|| "—".to_string(), |p| p.to_string());
                    let idx = o.data.set.index_of(item);
                    let state = idx.map(|i| o.state(i)).unwrap_or(State::Undecided);
                    let state = crate::i18n::state_label(state, lang);
                    let said = words::decision_saved(item.as_str(), &shown, state, lang);
                    self.status = Some((said, false));
                    if o.filter != ItemFilter::Adjusted
                        && let Some(i) = idx
                        && let Some(next) = o.next_undecided(Some(i))
                    {
                        if !o.visible().contains(&next) {
                            o.collapsed.clear();
                        }
                        o.sel = next;
                    }
                }
                Saved::Comment { item } => {
                    self.status = Some((words::comment_saved(item.as_str(), lang), false));
                }
                Saved::Undone { item } => {
                    if let Some(i) = o.data.set.index_of(item) {
                        o.sel = i;
                    }
                    self.status = Some((words::undone(item.as_str(), lang), false));
                }
            }
        }
        // The unit list is reloaded when the user goes back to it, not on every key press:
        // at national scale a group has thousands of units.
        Vec::new()
    }

    fn command(&mut self, c: Cmd) -> Vec<Effect> {
        if c == Cmd::Help {
            self.help = !self.help;
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

    pub(super) fn switch_group(&mut self, step: isize) -> Vec<Effect> {
        let n = self.groups.len();
        if n == 0 {
            return Vec::new();
        }
        self.group = (self.group as isize + step).rem_euclid(n as isize) as usize;
        self.units.clear();
        self.unit_sel = 0;
        self.rank_sel = 0;
        self.ranking = None;
        let g = self.groups[self.group].code.clone();
        let mut fx = vec![Effect::LoadUnits { group: g.clone() }];
        if self.screen == Screen::Assign {
            self.assign.sel = 0;
            self.assign.fields.clear();
            self.assign.members.clear();
            fx.extend(self.load_assignments());
        }
        if self.screen == Screen::Ranking {
            fx.push(Effect::LoadRanking {
                group: g.clone(),
                mode: self.rank_mode,
            });
        } else if self.screen == Screen::History {
            // A unit's history waits for the group's units (its first one is shown).
            self.history_unit = None;
            if self.history_view != HistoryView::Province {
                self.history = None;
            }
            if let Some(subject) = self.history_subject() {
                fx.push(Effect::LoadHistory(subject));
            }
        }
        if self.screen == Screen::Fields {
            fx.extend(self.show_fields(None));
        }
        fx
    }

    /// Whose history the screen shows now; none while a unit is still to be chosen.
    pub fn history_subject(&self) -> Option<Subject> {
        match self.history_view {
            HistoryView::Unit => self.history_unit.clone().map(Subject::Unit),
            HistoryView::Group => self.group_code().map(|g| Subject::Group(g.to_string())),
            HistoryView::Province => Some(Subject::Province),
        }
    }

    /// Opens the history screen on a unit (none: on its group).
    fn show_history(&mut self, unit: Option<UnitCode>) -> Vec<Effect> {
        self.history_from = self.screen;
        self.screen = Screen::History;
        self.history = None;
        self.history_view = if unit.is_some() {
            HistoryView::Unit
        } else {
            HistoryView::Group
        };
        self.history_unit = unit;
        self.history_subject()
            .map(Effect::LoadHistory)
            .into_iter()
            .collect()
    }

    fn history_command(&mut self, c: Cmd) -> Vec<Effect> {
        match c {
            Cmd::Up | Cmd::Down if self.history_view == HistoryView::Unit => {
                let n = self.units.len();
                let at = self
                    .units
                    .iter()
                    .position(|u| Some(&u.unit.code) == self.history_unit.as_ref());
                let next = match (c, at) {
                    (_, None) if n > 0 => Some(0),
                    (Cmd::Up, Some(k)) if k > 0 => Some(k - 1),
                    (Cmd::Down, Some(k)) if k + 1 < n => Some(k + 1),
                    _ => None,
                };
                if let Some(k) = next {
                    self.history_unit = Some(self.units[k].unit.code.clone());
                    self.history = None;
                    return self
                        .history_subject()
                        .map(Effect::LoadHistory)
                        .into_iter()
                        .collect();
                }
            }
            Cmd::CycleView => {
                self.history_view = self.history_view.next();
                if self.history_view == HistoryView::Unit && self.history_unit.is_none() {
                    self.history_unit = self.units.first().map(|u| u.unit.code.clone());
                }
                self.history = None;
                return self
                    .history_subject()
                    .map(Effect::LoadHistory)
                    .into_iter()
                    .collect();
            }
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::BackOrQuit | Cmd::Back => {
                self.screen = match self.history_from {
                    Screen::Appraisal if self.open.is_some() => Screen::Appraisal,
                    Screen::Ranking => Screen::Ranking,
                    _ => Screen::Units,
                };
            }
            _ => {}
        }
        Vec::new()
    }

    fn show_ranking(&mut self) -> Vec<Effect> {
        self.ranking_from = self.screen;
        self.screen = Screen::Ranking;
        self.ranking = None;
        match self.group_code() {
            Some(g) => vec![Effect::LoadRanking {
                group: g.to_string(),
                mode: self.rank_mode,
            }],
            None => Vec::new(),
        }
    }

    fn units_command(&mut self, c: Cmd) -> Vec<Effect> {
        let shown = self.shown_units();
        let n = shown.len();
        match c {
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top | Cmd::Bottom => {
                self.unit_sel = step(self.unit_sel, n, c);
            }
            Cmd::Open => {
                if let Some(&i) = shown.get(self.unit_sel) {
                    return vec![Effect::OpenUnit {
                        unit: self.units[i].unit.code.clone(),
                    }];
                }
            }
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::Filter => {
                // A new search each time: what is typed replaces the filter.
                self.unit_filter.clear();
                self.unit_sel = 0;
                self.open_input(InputKind::UnitFilter, "");
            }
            Cmd::Back => self.unit_filter.clear(),
            Cmd::NextUndecided => {
                let open = |k: usize| {
                    let t = &self.units[shown[k]].totals;
                    t.decided() < t.items()
                };
                if n == 0 {
                    self.fail(words::no_unit_matches(self.lang));
                } else if let Some(k) = (1..=n).map(|d| (self.unit_sel + d) % n).find(|&k| open(k))
                {
                    self.unit_sel = k;
                } else {
                    self.say(words::group_done(self.lang));
                }
            }
            Cmd::Ranking => return self.show_ranking(),
            Cmd::Fields => {
                let unit = shown
                    .get(self.unit_sel)
                    .map(|&i| self.units[i].unit.code.clone());
                return self.show_fields(unit);
            }
            Cmd::CloseUnit => {
                let Some(&i) = shown.get(self.unit_sel) else {
                    self.fail(words::no_unit_matches(self.lang));
                    return Vec::new();
                };
                if self.published {
                    self.fail(words::published_no_edits(self.year, self.lang));
                    return Vec::new();
                }
                let u = &self.units[i].unit;
                let kind = if u.closed {
                    InputKind::ReopenUnit
                } else {
                    InputKind::CloseUnit
                };
                self.pending_close = Some((u.code.clone(), u.name.clone()));
                self.open_input(kind, "");
            }
            Cmd::History => {
                let unit = shown
                    .get(self.unit_sel)
                    .map(|&i| self.units[i].unit.code.clone());
                return self.show_history(unit);
            }
            Cmd::Files => return self.show_files(),
            Cmd::Assign => return self.show_assign(),
            Cmd::NewYear => self.ask_new_year(),
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

    fn appraisal_command(&mut self, c: Cmd) -> Vec<Effect> {
        let lang = self.lang;
        let edits = matches!(
            c,
            Cmd::Agree
                | Cmd::Option(_)
                | Cmd::EnterScore
                | Cmd::NotApplicable
                | Cmd::Comment
                | Cmd::Flag
                | Cmd::Undo
        );
        if edits && self.published {
            self.fail(words::published_no_edits(self.year, lang));
            return Vec::new();
        }
        let Some(o) = self.open.as_mut() else {
            self.screen = Screen::Units;
            return Vec::new();
        };
        let rows = o.visible();
        let pos = rows.iter().position(|&r| r == o.sel).unwrap_or(0);
        match c {
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top | Cmd::Bottom => {
                if let Some(&r) = rows.get(step(pos, rows.len(), c)) {
                    o.sel = r;
                }
            }
            Cmd::Open => {
                if o.is_item() {
                    return self.appraisal_command(Cmd::EnterScore);
                }
                if !o.collapsed.remove(&o.sel) {
                    o.collapsed.insert(o.sel);
                }
            }
            Cmd::Back => {
                let node = o.data.set.node(o.sel);
                if !node.is_item() && !o.collapsed.contains(&o.sel) {
                    o.collapsed.insert(o.sel);
                } else if let Some(p) = node.parent {
                    o.sel = p;
                }
            }
            Cmd::Agree => return self.on_item(|app| app.verdict(Verdict::Agree, false)),
            Cmd::Option(k) => {
                let node = o.data.set.node(o.sel);
                if !node.is_item() {
                    return self.on_item(|_| Vec::new());
                }
                match node.options.get(k.wrapping_sub(1)) {
                    Some(opt) => {
                        let p = opt.points;
                        return self.verdict(Verdict::Score(p), false);
                    }
                    None => {
                        let msg = if node.options.is_empty() {
                            words::no_options(lang).to_string()
                        } else {
                            words::no_such_option(k, lang)
                        };
                        self.fail(msg);
                    }
                }
            }
            Cmd::EnterScore => {
                return self.on_item(|app| {
                    app.open_input(InputKind::Score, "");
                    Vec::new()
                });
            }
            Cmd::NotApplicable => {
                return self.on_item(|app| app.comment_box(InputKind::NotApplicable));
            }
            Cmd::Comment => return self.on_item(|app| app.comment_box(InputKind::Comment)),
            Cmd::Flag => {
                return self.on_item(|app| app.verdict(Verdict::RequestExplanation, false));
            }
            Cmd::NextUndecided => match o.next_undecided(Some(o.sel)) {
                Some(i) => {
                    if !o.visible().contains(&i) {
                        o.collapsed.clear();
                        o.filter = ItemFilter::All;
                        o.search.clear();
                    }
                    o.sel = i;
                }
                None => return self.next_unit(),
            },
            Cmd::Undo => {
                let unit = o.data.unit.code.clone();
                self.saving = true;
                return vec![Effect::Undo { unit }];
            }
            Cmd::CycleItemFilter => {
                o.filter = o.filter.next();
                let rows = o.visible();
                if !rows.contains(&o.sel)
                    && let Some(&first) = rows.iter().find(|&&i| o.data.set.node(i).is_item())
                {
                    o.sel = first;
                }
            }
            Cmd::Filter => {
                o.search.clear();
                self.open_input(InputKind::ItemSearch, "");
            }
            Cmd::Ranking => return self.show_ranking(),
            Cmd::BackOrQuit => {
                self.screen = Screen::Units;
                let code = o.data.unit.code.clone();
                if let Some(k) = self
                    .shown_units()
                    .iter()
                    .position(|&i| self.units[i].unit.code == code)
                {
                    self.unit_sel = k;
                }
                self.open = None;
                // Only the units decided on since the list was read are read again.
                if let Some(g) = self.group_code() {
                    return vec![Effect::RefreshUnits {
                        group: g.to_string(),
                    }];
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// Opens a text box holding the item's comment so far.
    fn comment_box(&mut self, kind: InputKind) -> Vec<Effect> {
        let text = self
            .open
            .as_ref()
            .map(|o| self.comment_for(o))
            .unwrap_or_default();
        self.open_input(kind, &text);
        Vec::new()
    }

    /// Runs `f` when the selection is an item; says why not otherwise.
    fn on_item(&mut self, f: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
        let is_item = self.open.as_ref().is_some_and(|o| o.is_item());
        if is_item {
            f(self)
        } else {
            self.fail(words::select_an_item(self.lang));
            Vec::new()
        }
    }

    /// Opens the next unit of the group that still has undecided items.
    fn next_unit(&mut self) -> Vec<Effect> {
        let current = self.open.as_ref().map(|o| o.data.unit.code.clone());
        let n = self.units.len();
        let at = self
            .units
            .iter()
            .position(|u| Some(&u.unit.code) == current.as_ref())
            .unwrap_or(0);
        let next = (1..n)
            .map(|d| (at + d) % n)
            .find(|&k| self.units[k].totals.decided() < self.units[k].totals.items());
        match next {
            Some(k) => {
                self.jump_to_undecided = true;
                let unit = self.units[k].unit.code.clone();
                self.say(words::unit_done_next(&self.units[k].unit.name, self.lang));
                vec![Effect::OpenUnit { unit }]
            }
            None => {
                self.say(words::group_done(self.lang));
                Vec::new()
            }
        }
    }

    fn ranking_command(&mut self, c: Cmd) -> Vec<Effect> {
        let n = match &self.ranking {
            Some(Ok(r)) => r.rows.len(),
            _ => 0,
        };
        match c {
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top | Cmd::Bottom => {
                self.rank_sel = step(self.rank_sel, n, c);
            }
            Cmd::Open => {
                if let Some(Ok(r)) = &self.ranking
                    && let Some(row) = r.rows.get(self.rank_sel)
                {
                    return vec![Effect::OpenUnit {
                        unit: row.unit.clone(),
                    }];
                }
            }
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::ToggleFinal => {
                self.rank_mode = match self.rank_mode {
                    Mode::Provisional => Mode::Final,
                    Mode::Final => Mode::Provisional,
                };
                self.ranking = None;
                if let Some(g) = self.group_code() {
                    return vec![Effect::LoadRanking {
                        group: g.to_string(),
                        mode: self.rank_mode,
                    }];
                }
            }
            Cmd::Fields => {
                let unit = match &self.ranking {
                    Some(Ok(r)) => r.rows.get(self.rank_sel).map(|row| row.unit.clone()),
                    _ => None,
                };
                return self.show_fields(unit);
            }
            Cmd::Publish => {
                if self.published {
                    self.fail(words::published_no_edits(self.year, self.lang));
                } else {
                    self.open_input(InputKind::Publish, "");
                }
            }
            Cmd::WriteWorkbook => {
                let name = words::workbook_default_name(self.year);
                self.open_input(InputKind::WorkbookPath, &name);
            }
            Cmd::ExportDecisions => self.ask_export(ExportWhat::Decisions),
            Cmd::ExportRanking => self.ask_export(ExportWhat::Ranking),
            Cmd::ExportNotices => self.ask_export(ExportWhat::Notices),
            Cmd::NewYear => self.ask_new_year(),
            Cmd::History => {
                let unit = match &self.ranking {
                    Some(Ok(r)) => r.rows.get(self.rank_sel).map(|row| row.unit.clone()),
                    _ => None,
                };
                return self.show_history(unit);
            }
            Cmd::BackOrQuit | Cmd::Back => {
                self.screen = if self.ranking_from == Screen::Appraisal && self.open.is_some() {
                    Screen::Appraisal
                } else {
                    Screen::Units
                };
            }
            _ => {}
        }
        Vec::new()
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
