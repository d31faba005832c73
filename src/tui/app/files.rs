//! The files screen's state: the kind of file chosen, the file previewed, what was
//! imported; and how its keys take a file from its path to a preview to the import.

use super::input::Dialog;
use super::{App, InputKind};
use crate::i18n::screens as words;
use crate::service::{CriteriaCsvArgs, FileKind, HeaderField};
use crate::tui::action::{Cmd, Effect, ExportWhat, Preview};
use crate::tui::keymap::Screen;
use std::path::PathBuf;

/// The files screen: the kind of file chosen, the preview on screen, what was imported.
#[derive(Debug, Default)]
pub struct FilesState {
    /// The kind of file selected (index into `FileKind::ALL`).
    pub sel: usize,
    /// The file previewed: its kind, its path, and what the import would do.
    pub preview: Option<(FileKind, PathBuf, Preview)>,
    /// A folder of self-assessments previewed: its path, the report's lines and how many
    /// workbooks would be imported.
    pub folder: Option<(PathBuf, Vec<String>, usize)>,
    /// The header values given in the boxes for the criteria tree previewed.
    pub criteria: CriteriaCsvArgs,
    /// The first problem shown of a refused file.
    pub scroll: usize,
    /// The last first problem that still fills the list (kept by the drawing; none before
    /// the first drawing): `PgDn` never scrolls the list empty.
    pub scroll_max: std::cell::Cell<Option<usize>>,
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

impl App {
    pub(super) fn show_files(&mut self) -> Vec<Effect> {
        if self.screen != Screen::Files {
            self.files.from = Some(self.screen);
        }
        self.screen = Screen::Files;
        self.files.preview = None;
        self.files.folder = None;
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
        if let Some((path, lines, accepted)) = &self.files.folder {
            match c {
                Cmd::Up => self.files.scroll = self.files.scroll.saturating_sub(1),
                Cmd::PageUp => self.files.scroll = self.files.scroll.saturating_sub(10),
                Cmd::Down | Cmd::PageDown => {
                    let by = if c == Cmd::Down { 1 } else { 10 };
                    let last = lines.len().saturating_sub(1);
                    self.files.scroll = (self.files.scroll + by).min(last);
                }
                Cmd::Open if *accepted > 0 => {
                    let path = path.clone();
                    self.saving = true;
                    return vec![Effect::Import {
                        kind: FileKind::SelfScores,
                        path,
                        criteria: CriteriaCsvArgs::default(),
                    }];
                }
                Cmd::Open => {
                    let text = path.display().to_string();
                    self.files.folder = None;
                    self.open_input(InputKind::ImportPath, &text);
                }
                Cmd::BackOrQuit | Cmd::Back => {
                    self.files.folder = None;
                    self.say(words::import_cancelled(self.lang));
                }
                _ => {}
            }
            return Vec::new();
        }
        if let Some((kind, path, preview)) = &self.files.preview {
            let lines = preview.as_ref().err().map_or(0, |r| r.lines.len());
            let last = self
                .files
                .scroll_max
                .get()
                .unwrap_or(usize::MAX)
                .min(lines.saturating_sub(1));
            match c {
                Cmd::Up => self.files.scroll = self.files.scroll.min(last).saturating_sub(1),
                Cmd::PageUp => self.files.scroll = self.files.scroll.min(last).saturating_sub(10),
                Cmd::Down | Cmd::PageDown => {
                    let by = if c == Cmd::Down { 1 } else { 10 };
                    self.files.scroll = (self.files.scroll + by).min(last);
                }
                Cmd::Open if preview.is_ok() => {
                    let (kind, path) = (*kind, path.clone());
                    self.saving = true;
                    let criteria = self.files.criteria.clone();
                    return vec![Effect::Import {
                        kind,
                        path,
                        criteria,
                    }];
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
            Cmd::ExportCriteria => self.ask_export(ExportWhat::Criteria),
            Cmd::ExportSelfAssessment => self.ask_export(ExportWhat::SelfAssessment),
            Cmd::ExportExplanationRequests => self.ask_export(ExportWhat::ExplanationRequests),
            Cmd::Council => return self.ask_council(),
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
        self.files.criteria = CriteriaCsvArgs::default();
        vec![Effect::PreviewImport {
            kind: self.files.kind(),
            path: PathBuf::from(self.expand_home(&text)),
            criteria: CriteriaCsvArgs::default(),
        }]
    }

    /// `~` (alone or before `/`) at the start of a path stands for the home folder.
    pub(super) fn expand_home(&self, text: &str) -> String {
        match (&self.home, text.strip_prefix('~')) {
            (Some(home), Some(rest)) if rest.is_empty() || rest.starts_with('/') => {
                format!("{}{rest}", home.trim_end_matches('/'))
            }
            _ => text.to_string(),
        }
    }

    /// The path given is a folder: the box again on it, saying to go on with a file's name.
    pub(super) fn path_is_folder(&mut self, path: String) {
        if self.screen != Screen::Files {
            return;
        }
        let text = format!("{}/", path.trim_end_matches('/'));
        self.last_folder = folder_of(&text);
        self.open_input(InputKind::ImportPath, &text);
        self.set_input_error(&words::path_is_folder(&text, self.lang));
    }

    /// A criteria tree lacks header values: a box asks for the first (the bands offer the
    /// national preset), the others after it.
    pub(super) fn criteria_needs(
        &mut self,
        path: PathBuf,
        args: CriteriaCsvArgs,
        mut fields: Vec<HeaderField>,
    ) -> Vec<Effect> {
        if self.screen != Screen::Files || fields.is_empty() {
            return Vec::new();
        }
        // The tree was read: its folder is one.
        self.last_folder = folder_of(&path.display().to_string());
        self.status = None;
        let asking = fields.remove(0);
        let text = if asking == HeaderField::Bands {
            "quoc-gia"
        } else {
            ""
        };
        self.dialog = Some(Dialog::Criteria {
            path,
            args,
            asking,
            rest: fields,
        });
        self.open_input(InputKind::CriteriaValue, text);
        Vec::new()
    }

    /// Enter in a criteria value's box: the value checked and kept, then the next value
    /// asked, or the tree previewed again with them all.
    pub(super) fn submit_criteria_value(&mut self, text: String) -> Vec<Effect> {
        let Some(Dialog::Criteria {
            path,
            mut args,
            asking,
            rest,
        }) = self.dialog.clone()
        else {
            self.input = None;
            return Vec::new();
        };
        let text = crate::domain::text::nfc(text.trim());
        let valid = match asking {
            _ if text.is_empty() => false,
            HeaderField::Group => crate::domain::GroupCode::parse(&text).is_ok(),
            HeaderField::Name => true,
            HeaderField::SurveyMax => crate::domain::Points::parse(&text).is_ok(),
            HeaderField::Bands => crate::domain::criteria::Band::parse_list(&text).is_some(),
        };
        if !valid {
            self.set_input_error(&words::criteria_value_refused(asking, self.lang));
            return Vec::new();
        }
        let slot = match asking {
            HeaderField::Group => &mut args.group,
            HeaderField::Name => &mut args.name,
            HeaderField::SurveyMax => &mut args.survey_max,
            HeaderField::Bands => &mut args.bands,
        };
        *slot = Some(text);
        self.input = None;
        self.dialog = None;
        if !rest.is_empty() {
            return self.criteria_needs(path, args, rest);
        }
        self.files.criteria = args.clone();
        vec![Effect::PreviewImport {
            kind: FileKind::Criteria,
            path,
            criteria: args,
        }]
    }

    pub(super) fn folder_previewed(
        &mut self,
        path: PathBuf,
        lines: Vec<String>,
        accepted: usize,
    ) -> Vec<Effect> {
        if self.screen == Screen::Files {
            self.last_folder = folder_of(&path.display().to_string());
            self.status = None;
            self.files.preview = None;
            self.files.folder = Some((path, lines, accepted));
            self.files.scroll = 0;
        }
        Vec::new()
    }

    pub(super) fn previewed(
        &mut self,
        kind: FileKind,
        path: PathBuf,
        preview: Preview,
    ) -> Vec<Effect> {
        if self.screen == Screen::Files {
            // Only a folder that is one becomes the folder the next path box starts in.
            let folder_exists = preview.as_ref().map_or_else(|r| r.folder_exists, |_| true);
            if folder_exists {
                self.last_folder = folder_of(&path.display().to_string());
            }
            self.status = None;
            self.files.preview = Some((kind, path, preview));
            self.files.scroll = 0;
            self.files.scroll_max.set(None);
        }
        Vec::new()
    }

    pub(super) fn imported(&mut self, message: String) -> Vec<Effect> {
        self.saving = false;
        let first = message.lines().next().unwrap_or_default().to_string();
        self.say(first);
        self.files.done.push(message);
        self.files.folder = None;
        if let Some((kind, _, _)) = self.files.preview.take()
            && kind != FileKind::Criteria
        {
            // The next kind of file, in the order a year's files are imported (a council
            // often has several criteria sets, one per group: the selection stays on them).
            self.files.sel = (self.files.sel + 1).min(FileKind::ALL.len() - 1);
        }
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
}
