//! The assign screen's state: who appraises which fields of the shown group; and how its
//! keys give a member their fields.

use super::{App, Dialog, InputKind};
use crate::i18n::screens as words;
use crate::tui::action::{Cmd, Effect};
use crate::tui::keymap::Screen;

/// Who appraises which fields of the shown group.
#[derive(Debug, Default)]
pub struct AssignState {
    /// The group's fields: (code, title).
    pub fields: Vec<(String, String)>,
    /// Each member with fields in the group, and the fields.
    pub members: Vec<(String, Vec<String>)>,
    pub sel: usize,
}

impl AssignState {
    /// Empties what was read of another group.
    pub(super) fn clear(&mut self) {
        self.sel = 0;
        self.fields.clear();
        self.members.clear();
    }
}

impl App {
    pub(super) fn show_assign(&mut self) -> Vec<Effect> {
        self.screen = Screen::Assign;
        self.assign.clear();
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
                    self.dialog = Some(Dialog::Member(who));
                    self.open_input(InputKind::AssignFields, &text);
                }
                None => self.open_input(InputKind::MemberName, ""),
            },
            Cmd::AddMember => self.open_input(InputKind::MemberName, ""),
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::BackOrQuit | Cmd::Back => {
                self.screen = Screen::Units;
                return self.give_group_back();
            }
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
        self.dialog = Some(Dialog::Member(text));
        self.open_input(InputKind::AssignFields, &has);
        Vec::new()
    }

    pub(super) fn submit_fields(&mut self, text: &str) -> Vec<Effect> {
        self.input = None;
        let (Some(Dialog::Member(member)), Some(group)) =
            (self.dialog.take(), self.group_code().map(str::to_string))
        else {
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

    /// The fields were refused: the box comes back on the member with what was typed and
    /// why, so a wrong code is corrected in place (a new member's name is not typed again).
    pub(super) fn assign_refused(&mut self, member: String, fields: &[String], message: &str) {
        self.saving = false;
        if self.screen != Screen::Assign {
            self.fail(message);
            return;
        }
        self.dialog = Some(Dialog::Member(member));
        self.open_input(InputKind::AssignFields, &fields.join(" "));
        self.set_input_error(message);
    }

    /// Who appraises which fields: shown if it is the group on screen.
    pub(super) fn assignments_loaded(
        &mut self,
        group: &str,
        fields: Vec<(String, String)>,
        members: Vec<(String, Vec<String>)>,
    ) {
        if self.group_code() == Some(group) {
            self.assign.fields = fields;
            self.assign.members = members;
            self.assign.sel = self
                .assign
                .sel
                .min(self.assign.members.len().saturating_sub(1));
        }
    }
}
