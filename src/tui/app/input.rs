//! The text box over the screens: what it is for (`InputKind`), what it is about when that is
//! more than its text (`Dialog`), how keys edit it, and where Enter sends what was typed.

use super::App;
use crate::domain::{Mode, UnitCode};
use crate::i18n::screens as words;
use crate::tui::action::{Effect, ExportJob};
pub use crate::ui::InputKind;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use std::path::PathBuf;

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
                | InputKind::Unpublish
                | InputKind::PreviousReason
                | InputKind::Council
        )
    }

    /// Whether the box holds a path: Tab completes it, Ctrl-U empties it.
    fn path(self) -> bool {
        matches!(
            self,
            InputKind::ImportPath
                | InputKind::ExportPath
                | InputKind::WorkbookPath
                | InputKind::OpenDatabase
                | InputKind::NewYear
        )
    }

    /// Whether the box holds several paths separated by spaces: Tab completes the last.
    fn paths(self) -> bool {
        self == InputKind::NewYear
    }
}

impl Input {
    /// What Tab completes: the whole text, or the last path of a box of several.
    fn completing(&self) -> String {
        let text = self.text();
        if !self.kind.paths() || text.ends_with(' ') {
            return if self.kind.paths() {
                String::new()
            } else {
                text
            };
        }
        text.rsplit(' ').next().unwrap_or_default().to_string()
    }
}

/// What the open box is about, when Enter needs more than the text typed: kept from the key
/// that opened the box until Enter or Esc closes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// The workbook waiting for an answer to "replace the file?".
    Workbook {
        /// One group, or every group.
        group: Option<String>,
        mode: Mode,
        path: PathBuf,
    },
    /// The workbook's path box: of one group, or of every group.
    WorkbookOf { group: Option<String> },
    /// The unit the close / reopen box is about.
    Close { unit: UnitCode, name: String },
    /// The export whose path box is open, or that waits for "replace the file?".
    Export(ExportJob),
    /// The member whose fields the box is asking for.
    Member(String),
    /// A criteria tree's header value the box asks for (`asking`), those given so far
    /// (`args`) and those to ask after it.
    Criteria {
        path: PathBuf,
        args: crate::service::CriteriaCsvArgs,
        asking: crate::service::HeaderField,
        rest: Vec<crate::service::HeaderField>,
    },
    /// The new year the confirmation box is about, and the year it is made from; whether
    /// `from`'s field assignments are carried over (Ctrl-P in the box), and whether the box
    /// already warned that `from` is not published (Enter then starts the year anyway).
    NewYear {
        year: i32,
        from: i32,
        carry: bool,
        warned: bool,
    },
    /// The unit whose figure of last year the council sets: its name, its figure now with
    /// how it was found, and the figure typed in the first box (then the reason is asked).
    Previous {
        unit: UnitCode,
        name: String,
        now: String,
        figure: Option<crate::domain::lineage::Figure>,
    },
    /// The council's settings as read: what the box's lines are read back onto.
    Council(Box<crate::domain::council::Council>),
}

pub struct Input {
    pub kind: InputKind,
    pub area: TextArea<'static>,
    /// Why the last submit was refused, shown in place.
    pub error: Option<String>,
}

impl Input {
    pub(super) fn new(kind: InputKind, text: &str) -> Input {
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
    pub(super) fn input_key(&mut self, k: KeyEvent) -> Vec<Effect> {
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
                self.cancel(kind);
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
                if k.modifiers.contains(KeyModifiers::CONTROL) && input.kind.path() =>
            {
                let kind = input.kind;
                self.completions.clear();
                self.input = Some(Input::new(kind, ""));
                Vec::new()
            }
            KeyCode::Char('p')
                if k.modifiers.contains(KeyModifiers::CONTROL)
                    && input.kind == InputKind::NewYear =>
            {
                if let Some(Dialog::NewYear { carry, .. }) = self.dialog.as_mut() {
                    *carry = !*carry;
                }
                Vec::new()
            }
            // A path box loses its last part with Ctrl-W (`a/b/c.csv` → `a/b/`).
            KeyCode::Char('w')
                if k.modifiers.contains(KeyModifiers::CONTROL) && input.kind.path() =>
            {
                let (kind, text) = (input.kind, input.text());
                let trimmed = text.trim_end_matches('/');
                let kept = trimmed.rfind('/').map_or("", |i| &trimmed[..=i]);
                self.completions.clear();
                self.input = Some(Input::new(kind, kept));
                Vec::new()
            }
            KeyCode::Tab if input.kind.path() => {
                let (kind, typed) = (input.kind, input.text());
                // `~` is the home folder (a box of one path).
                if !kind.paths() {
                    let text = self.expand_home(&typed);
                    if text != typed {
                        self.input = Some(Input::new(kind, &text));
                    }
                }
                let text = self
                    .input
                    .as_ref()
                    .map(Input::completing)
                    .unwrap_or_default();
                vec![Effect::Complete { text }]
            }
            _ => {
                self.completions.clear();
                input.area.input(k);
                input.error = None;
                let (kind, text) = (input.kind, input.text());
                match kind {
                    InputKind::UnitFilter => {
                        self.units.filter = text;
                        self.units.sel = 0;
                    }
                    InputKind::ItemSearch => self.search_items(text),
                    _ => {}
                }
                Vec::new()
            }
        }
    }

    /// Esc on a box of `kind` (already closed): what it was about is dropped.
    fn cancel(&mut self, kind: InputKind) {
        match kind {
            InputKind::Overwrite => {
                if let Some(
                    Dialog::Workbook { path, .. } | Dialog::Export(ExportJob { path, .. }),
                ) = self.dialog.take()
                {
                    let path = path.display().to_string();
                    self.say(words::workbook_not_replaced(&path, self.lang));
                }
            }
            InputKind::ExportPath
            | InputKind::CloseUnit
            | InputKind::ReopenUnit
            | InputKind::MemberName
            | InputKind::AssignFields
            | InputKind::PreviousFigure
            | InputKind::PreviousReason
            | InputKind::Council => {
                self.dialog = None;
            }
            InputKind::NewYear => {
                self.dialog = None;
                self.say(words::new_year_cancelled(self.lang));
            }
            InputKind::UnitFilter => self.units.filter.clear(),
            InputKind::ItemSearch => {
                if let Some(o) = self.appraisal.open.as_mut() {
                    o.search.clear();
                }
            }
            _ => {}
        }
    }

    /// Enter: the text typed goes where the box's kind says.
    fn submit(&mut self) -> Vec<Effect> {
        let Some(input) = self.input.as_ref() else {
            return Vec::new();
        };
        let text = input.text().trim().to_string();
        match input.kind {
            InputKind::Appraiser => {
                if text.is_empty() {
                    self.set_input_error(words::name_needed(self.lang));
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
            InputKind::WorkbookPath => self.submit_workbook_path(text),
            // A paragraph: its line breaks are kept, as the command line keeps them.
            InputKind::CloseUnit | InputKind::ReopenUnit => {
                self.submit_close(input.kind == InputKind::CloseUnit, text)
            }
            InputKind::Publish => self.submit_publish(text),
            InputKind::ImportPath => self.submit_import_path(text),
            InputKind::OpenDatabase => self.submit_database_path(text),
            InputKind::ExportPath => self.submit_export_path(text),
            InputKind::MemberName => self.submit_member_name(text),
            InputKind::AssignFields => self.submit_fields(&text),
            InputKind::NewYear => self.submit_new_year(),
            InputKind::Year => self.submit_year(&text),
            InputKind::Unpublish => self.submit_unpublish(text),
            InputKind::CriteriaValue => self.submit_criteria_value(text),
            InputKind::PreviousFigure => self.submit_previous_figure(&text),
            InputKind::PreviousReason => self.submit_previous_reason(text),
            InputKind::Overwrite => self.submit_overwrite(),
            InputKind::Score => self.submit_score(text),
            InputKind::NotApplicable => self.submit_not_applicable(text),
            InputKind::Comment => self.submit_comment(text),
            InputKind::Council => {
                let typed = input.text();
                self.submit_council(&typed)
            }
        }
    }

    pub(super) fn set_input_error(&mut self, msg: &str) {
        if let Some(i) = self.input.as_mut() {
            i.error = Some(msg.to_string());
        }
    }

    pub(super) fn open_input(&mut self, kind: InputKind, text: &str) {
        self.input = Some(Input::new(kind, text));
    }

    /// Tab in a path box: the one name that completes it, else what the names share.
    pub(super) fn completed(&mut self, text: &str, names: Vec<String>) {
        let Some(input) = &self.input else { return };
        if input.completing() != text {
            return;
        }
        let kind = input.kind;
        // A box of several paths keeps the ones before the last.
        let whole = input.text();
        let before = whole[..whole.len() - text.len()].to_string();
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
            self.input = Some(Input::new(kind, &format!("{before}{fill}")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
