//! The year's work from the screens: the files screen (import with a preview), the exports
//! of the ranking screen, the fields given to members, and the new year.

use super::{App, Input, InputKind};
use crate::domain::Mode;
use crate::i18n::screens as words;
use crate::service::FileKind;
use crate::tui::action::{Cmd, Effect, ExportJob, ExportWhat, Preview};
use crate::tui::keymap::Screen;
use std::path::PathBuf;

/// The files screen: the kind of file chosen, the preview on screen, what was imported.
#[derive(Debug, Default)]
pub struct FilesState {
    /// The kind of file selected (index into `FileKind::ALL`).
    pub sel: usize,
    /// The file previewed: its kind, its path, and what the import would do.
    pub preview: Option<(FileKind, PathBuf, Preview)>,
    /// The first problem shown of a refused file.
    pub scroll: usize,
    /// What was imported since the screen opened, newest last.
    pub done: Vec<String>,
    /// Where `q` goes back to.
    pub from: Option<Screen>,
}

impl FilesState {
    pub fn kind(&self) -> FileKind {
        FileKind::ALL[self.sel.min(FileKind::ALL.len() - 1)]
    }
}

/// Who appraises which fields of the shown group.
#[derive(Debug, Default)]
pub struct AssignState {
    /// The group's fields: (code, title).
    pub fields: Vec<(String, String)>,
    /// Each member with fields in the group, and the fields.
    pub members: Vec<(String, Vec<String>)>,
    pub sel: usize,
    /// The member whose fields the box is asking for.
    pub member: Option<String>,
}

/// The folder of a path as typed, ending with `/` (empty: the current folder), with `..`
/// taken back where it can be (`data/criteria/2022/../../demo/` is `data/demo/`).
pub fn folder_of(text: &str) -> String {
    let dir = if text.ends_with('/') {
        text.trim_end_matches('/')
    } else {
        match text.rfind('/') {
            Some(i) => &text[..i],
            None => return String::new(),
        }
    };
    let absolute = text.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in dir.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            p => parts.push(p),
        }
    }
    match (absolute, parts.is_empty()) {
        (true, _) => format!(
            "/{}{}",
            parts.join("/"),
            if parts.is_empty() { "" } else { "/" }
        ),
        (false, true) => String::new(),
        (false, false) => format!("{}/", parts.join("/")),
    }
}

/// The longest start the names share (by characters).
fn common_start(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut end = first.len();
    for n in &names[1..] {
        let shared = first
            .char_indices()
            .zip(n.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        end = end.min(shared);
    }
    first[..end].to_string()
}

impl App {
    pub(super) fn show_files(&mut self) -> Vec<Effect> {
        if self.screen != Screen::Files {
            self.files.from = Some(self.screen);
        }
        self.screen = Screen::Files;
        self.files.preview = None;
        self.files.scroll = 0;
        Vec::new()
    }

    fn open_path_box(&mut self) {
        let text = self.last_folder.clone();
        self.completions.clear();
        self.status = None;
        self.open_input(InputKind::ImportPath, &text);
    }

    pub(super) fn files_command(&mut self, c: Cmd) -> Vec<Effect> {
        let n = FileKind::ALL.len();
        if let Some((kind, path, preview)) = &self.files.preview {
            let problems = preview.as_ref().err().map_or(0, Vec::len);
            match c {
                Cmd::Up => self.files.scroll = self.files.scroll.saturating_sub(1),
                Cmd::PageUp => self.files.scroll = self.files.scroll.saturating_sub(10),
                Cmd::Down | Cmd::PageDown => {
                    let by = if c == Cmd::Down { 1 } else { 10 };
                    self.files.scroll = (self.files.scroll + by).min(problems.saturating_sub(1));
                }
                Cmd::Open if preview.is_ok() => {
                    let (kind, path) = (*kind, path.clone());
                    self.saving = true;
                    return vec![Effect::Import { kind, path }];
                }
                // A refused file: the path box again, to correct the name or try another.
                Cmd::Open => {
                    let text = path.display().to_string();
                    self.files.preview = None;
                    self.open_input(InputKind::ImportPath, &text);
                }
                Cmd::Option(k) if (1..=n).contains(&k) => {
                    self.files.preview = None;
                    self.files.sel = k - 1;
                    self.open_path_box();
                }
                Cmd::BackOrQuit | Cmd::Back => {
                    self.files.preview = None;
                    self.say(words::import_cancelled(self.lang));
                }
                _ => {}
            }
            return Vec::new();
        }
        match c {
            Cmd::Up => self.files.sel = self.files.sel.saturating_sub(1),
            Cmd::Down => self.files.sel = (self.files.sel + 1).min(n - 1),
            Cmd::Option(k) if (1..=n).contains(&k) => {
                self.files.sel = k - 1;
                self.open_path_box();
            }
            Cmd::Open => self.open_path_box(),
            Cmd::BackOrQuit | Cmd::Back => {
                self.screen = match self.files.from {
                    Some(Screen::Ranking) => Screen::Ranking,
                    _ => Screen::Units,
                };
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn submit_import_path(&mut self, text: String) -> Vec<Effect> {
        if text.is_empty() {
            return Vec::new();
        }
        self.input = None;
        self.completions.clear();
        self.last_folder = folder_of(&text);
        vec![Effect::PreviewImport {
            kind: self.files.kind(),
            path: PathBuf::from(text),
        }]
    }

    pub(super) fn previewed(
        &mut self,
        kind: FileKind,
        path: PathBuf,
        preview: Preview,
    ) -> Vec<Effect> {
        if self.screen == Screen::Files {
            self.status = None;
            self.files.preview = Some((kind, path, preview));
            self.files.scroll = 0;
        }
        Vec::new()
    }

    pub(super) fn imported(&mut self, message: String) -> Vec<Effect> {
        self.saving = false;
        let first = message.lines().next().unwrap_or_default().to_string();
        self.say(first);
        self.files.done.push(message);
        if let Some((kind, _, _)) = self.files.preview.take()
            && kind != FileKind::Criteria
        {
            // The next kind of file, in the order a year's files are imported (a council
            // often has several criteria sets, one per group: the selection stays on them).
            self.files.sel = (self.files.sel + 1).min(FileKind::ALL.len() - 1);
        }
        vec![Effect::LoadGroups, Effect::LoadYear]
    }

    /// Tab in a path box: the one name that completes it, else what the names share.
    pub(super) fn completed(&mut self, text: &str, names: Vec<String>) {
        let Some(input) = &self.input else { return };
        if input.text() != text {
            return;
        }
        let kind = input.kind;
        let fill = match names.len() {
            0 => {
                self.completions.clear();
                self.set_input_error(&words::nothing_completes(text, self.lang));
                return;
            }
            1 => names[0].clone(),
            _ => common_start(&names),
        };
        self.completions = if names.len() > 1 {
            names
                .iter()
                .map(|n| {
                    let base = n.trim_end_matches('/');
                    let base = base.rsplit('/').next().unwrap_or(base);
                    if n.ends_with('/') {
                        format!("{base}/")
                    } else {
                        base.to_string()
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        if fill.len() > text.len() {
            self.input = Some(Input::new(kind, &fill));
        }
    }

    /// Opens the path box of an export of the shown group, with a name of its own in the
    /// last folder.
    pub(super) fn ask_export(&mut self, what: ExportWhat) {
        let Some(group) = self.group_code().map(str::to_string) else {
            return;
        };
        let name = words::export_default_name(what, self.year, &group);
        let text = format!("{}{name}", self.last_folder);
        self.pending_export = Some(ExportJob {
            what,
            group,
            mode: self.rank_mode,
            path: PathBuf::from(&text),
        });
        self.completions.clear();
        self.open_input(InputKind::ExportPath, &text);
    }

    pub(super) fn submit_export_path(&mut self, text: String) -> Vec<Effect> {
        if text.is_empty() {
            return Vec::new();
        }
        self.input = None;
        self.completions.clear();
        let Some(mut job) = self.pending_export.take() else {
            return Vec::new();
        };
        self.last_folder = folder_of(text.trim_end_matches('/'));
        job.path = PathBuf::from(text);
        self.saving = true;
        vec![Effect::Export {
            job,
            overwrite: false,
        }]
    }

    pub(super) fn show_assign(&mut self) -> Vec<Effect> {
        self.screen = Screen::Assign;
        self.assign.sel = 0;
        self.assign.fields.clear();
        self.assign.members.clear();
        self.load_assignments()
    }

    pub(super) fn load_assignments(&self) -> Vec<Effect> {
        self.group_code()
            .map(|g| Effect::LoadAssignments {
                group: g.to_string(),
            })
            .into_iter()
            .collect()
    }

    pub(super) fn assign_command(&mut self, c: Cmd) -> Vec<Effect> {
        let n = self.assign.members.len();
        match c {
            Cmd::Up => self.assign.sel = self.assign.sel.saturating_sub(1),
            Cmd::Down => self.assign.sel = (self.assign.sel + 1).min(n.saturating_sub(1)),
            Cmd::Open => match self.assign.members.get(self.assign.sel) {
                Some((who, fields)) => {
                    let (who, text) = (who.clone(), fields.join(" "));
                    self.assign.member = Some(who);
                    self.open_input(InputKind::AssignFields, &text);
                }
                None => self.open_input(InputKind::MemberName, ""),
            },
            Cmd::AddMember => self.open_input(InputKind::MemberName, ""),
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::BackOrQuit | Cmd::Back => self.screen = Screen::Units,
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn submit_member_name(&mut self, text: String) -> Vec<Effect> {
        if text.is_empty() {
            self.set_input_error(words::name_needed(self.lang));
            return Vec::new();
        }
        let has = self
            .assign
            .members
            .iter()
            .find(|(w, _)| *w == text)
            .map(|(_, f)| f.join(" "))
            .unwrap_or_default();
        self.assign.member = Some(text);
        self.open_input(InputKind::AssignFields, &has);
        Vec::new()
    }

    pub(super) fn submit_fields(&mut self, text: &str) -> Vec<Effect> {
        self.input = None;
        let (Some(member), Some(group)) = (
            self.assign.member.take(),
            self.group_code().map(str::to_string),
        ) else {
            return Vec::new();
        };
        let fields = text
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect();
        self.saving = true;
        vec![Effect::Assign {
            member,
            group,
            fields,
        }]
    }

    /// The new year: the next one after the working year; on the welcome of an empty year,
    /// the working year itself, made from the newest year before it in this database.
    pub(super) fn ask_new_year(&mut self) {
        let welcome = self.no_units && self.units.is_empty();
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
        self.pending_new_year = Some((year, from));
        self.open_input(InputKind::NewYear, &format!("{from} → {year}"));
    }

    pub(super) fn year_started(&mut self, year: i32, message: String) -> Vec<Effect> {
        self.saving = false;
        self.year = year;
        self.groups.clear();
        self.group = 0;
        self.units.clear();
        self.unit_sel = 0;
        self.open = None;
        self.ranking = None;
        self.rank_mode = Mode::Provisional;
        self.history = None;
        self.published = false;
        self.no_units = false;
        self.screen = Screen::Units;
        self.say(message);
        vec![Effect::LoadGroups, Effect::LoadYear]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_of_a_path_ends_with_a_slash() {
        assert_eq!(folder_of("data/demo/2022/units.csv"), "data/demo/2022/");
        assert_eq!(folder_of("data/demo/"), "data/demo/");
        assert_eq!(folder_of("units.csv"), "");
        assert_eq!(folder_of("/tmp/a.csv"), "/tmp/");
        assert_eq!(folder_of("/a.csv"), "/");
        assert_eq!(
            folder_of("data/criteria/2022/../../demo/2022/units.csv"),
            "data/demo/2022/"
        );
        assert_eq!(folder_of("../x/../y.csv"), "../");
        assert_eq!(folder_of("a/../b.csv"), "");
    }

    #[test]
    fn names_share_their_longest_start() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            common_start(&names(&["data/su.csv", "data/self.csv"])),
            "data/s"
        );
        assert_eq!(common_start(&names(&["hội.csv", "hội-đồng.csv"])), "hội");
        assert_eq!(common_start(&names(&["a"])), "a");
        assert_eq!(common_start(&[]), "");
    }
}
