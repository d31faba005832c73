//! The files screen's state: the kind of file chosen, the file previewed, what was
//! imported; and how its keys take a file from its path to a preview to the import.

use super::{App, InputKind};
use crate::i18n::screens as words;
use crate::service::FileKind;
use crate::tui::action::{Cmd, Effect, Preview};
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
