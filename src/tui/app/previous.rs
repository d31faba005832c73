//! The council's figure of last year for one unit, from the units or the ranking screen: `S`
//! reads the unit's figure and how it was found, a box asks for another (a value, none, or
//! back to the rule), a second box for the reason; then it is written and audited as
//! `thamdinh previous` writes it.

use super::{App, Dialog, InputKind};
use crate::domain::UnitCode;
use crate::domain::lineage::Figure;
use crate::i18n::screens as words;
use crate::tui::action::Effect;

impl App {
    /// `S` on a unit: refused on a published year; else its figure is read first.
    pub(super) fn ask_previous(&mut self, unit: Option<UnitCode>) -> Vec<Effect> {
        if self.published {
            self.fail(words::published_no_edits(self.year, self.lang));
            return Vec::new();
        }
        unit.map(|unit| Effect::LoadPrevious { unit })
            .into_iter()
            .collect()
    }

    /// The unit's figure arrived: the box asks for the council's.
    pub(super) fn previous_loaded(&mut self, unit: UnitCode, name: String, now: String) {
        self.dialog = Some(Dialog::Previous {
            unit,
            name,
            now,
            figure: None,
        });
        self.open_input(InputKind::PreviousFigure, "");
    }

    /// Enter in the figure box: a value, none or the rule; then the reason.
    pub(super) fn submit_previous_figure(&mut self, text: &str) -> Vec<Effect> {
        let Some(f) = Figure::parse(text) else {
            self.set_input_error(&words::previous_not_a_figure(text, self.lang));
            return Vec::new();
        };
        if let Some(Dialog::Previous { figure, .. }) = self.dialog.as_mut() {
            *figure = Some(f);
        }
        self.open_input(InputKind::PreviousReason, "");
        Vec::new()
    }

    /// Enter in the reason box: a reason is required; then the figure is written.
    pub(super) fn submit_previous_reason(&mut self, text: String) -> Vec<Effect> {
        if text.trim().is_empty() {
            self.set_input_error(words::previous_reason_needed(self.lang));
            return Vec::new();
        }
        self.input = None;
        let Some(Dialog::Previous {
            unit,
            figure: Some(figure),
            ..
        }) = self.dialog.take()
        else {
            return Vec::new();
        };
        self.saving = true;
        vec![Effect::SetPrevious {
            unit,
            figure,
            reason: text,
        }]
    }
}
