//! The fields screen's state: the analysis of the shown group by field, a units × fields
//! table; and how its keys move in it and open a unit's way up (`wayup.rs`).

use super::{App, WayUpView, step};
use crate::tui::action::{Cmd, Effect, FieldsData};

use crate::domain::UnitCode;
use crate::tui::keymap::Screen;
use std::cell::Cell;

/// The units × fields table of one group.
pub struct FieldsView {
    pub group: String,
    /// None while it is being computed; the sentence of a failure.
    pub data: Option<Result<FieldsData, String>>,
    /// The selected row (of the ranking's order).
    pub sel: usize,
    /// The selected field (a position among the fields).
    pub field: usize,
    /// The first row shown (kept by the drawing).
    pub offset: Cell<usize>,
    /// The first field column shown (kept by the drawing, so that `field` stays in view).
    pub first_field: Cell<usize>,
    /// The unit to select once the table is loaded.
    pub wanted: Option<UnitCode>,
    /// Where `Esc` goes back to.
    pub from: Screen,
    /// The way up of the selected unit, while it is open.
    pub way: Option<WayUpView>,
}

impl FieldsView {
    /// The loaded analysis, if any.
    pub fn loaded(&self) -> Option<&FieldsData> {
        self.data.as_ref().and_then(|r| r.as_ref().ok())
    }

    fn rows(&self) -> usize {
        self.loaded().map_or(0, |d| d.analysis.ranking.rows.len())
    }

    fn field_count(&self) -> usize {
        self.loaded().map_or(0, |d| d.analysis.fields().len())
    }

    /// The unit on the selected row.
    pub fn selected_unit(&self) -> Option<(&UnitCode, &str)> {
        let d = self.loaded()?;
        let r = d.analysis.ranking.rows.get(self.sel)?;
        Some((&r.unit, r.name.as_str()))
    }
}

impl App {
    /// Opens the analysis of the current group, with `unit` selected once it is there.
    pub(super) fn show_fields(&mut self, unit: Option<UnitCode>) -> Vec<Effect> {
        let Some(group) = self.group_code().map(str::to_string) else {
            return Vec::new();
        };
        // Switching groups on the table keeps where it was opened from.
        let from = match (&self.fields, self.screen) {
            (Some(f), Screen::Fields | Screen::WayUp) => f.from,
            _ => self.screen,
        };
        let field = self.fields.as_ref().map_or(0, |f| f.field);
        self.fields = Some(FieldsView {
            group: group.clone(),
            data: None,
            sel: 0,
            field,
            offset: Cell::new(0),
            first_field: Cell::new(0),
            wanted: unit,
            from,
            way: None,
        });
        self.screen = Screen::Fields;
        vec![Effect::LoadFields { group }]
    }

    /// A group's analysis arrived: shown if it is the group on screen. The selection stays
    /// on its unit, and an open way up is worked out again from the new figures.
    pub(super) fn fields_loaded(&mut self, group: &str, result: Result<FieldsData, String>) {
        let Some(f) = self.fields.as_mut().filter(|f| f.group == group) else {
            return;
        };
        let keep = f
            .wanted
            .take()
            .or_else(|| f.selected_unit().map(|(u, _)| u.clone()));
        f.data = Some(result);
        let placed = f.loaded().map(|d| {
            let rows = &d.analysis.ranking.rows;
            let at = keep.and_then(|u| rows.iter().position(|r| r.unit == u));
            (at, rows.len(), d.analysis.fields().len())
        });
        if let Some((at, rows, fields)) = placed {
            f.sel = at.unwrap_or(f.sel).min(rows.saturating_sub(1));
            f.field = f.field.min(fields.saturating_sub(1));
        }
        if let Some(w) = f.way.take() {
            let mut again = f.way_up(&w.unit, &w.name);
            again.scroll = w.scroll;
            f.way = Some(again);
        }
    }

    pub(super) fn fields_command(&mut self, c: Cmd) -> Vec<Effect> {
        let Some(f) = self.fields.as_mut() else {
            self.screen = Screen::Units;
            return Vec::new();
        };
        match c {
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top | Cmd::Bottom => {
                f.sel = step(f.sel, f.rows(), c);
            }
            Cmd::PrevField => f.field = f.field.saturating_sub(1),
            Cmd::NextField => {
                f.field = (f.field + 1).min(f.field_count().saturating_sub(1));
            }
            Cmd::Open => {
                if let Some((unit, name)) = f.selected_unit() {
                    let (unit, name) = (unit.clone(), name.to_string());
                    f.way = Some(f.way_up(&unit, &name));
                    self.screen = Screen::WayUp;
                }
            }
            Cmd::NextGroup => return self.switch_group(1),
            Cmd::PrevGroup => return self.switch_group(-1),
            Cmd::BackOrQuit | Cmd::Back => {
                self.screen = f.from;
                // The list behind it follows the unit selected here.
                if let Some((unit, _)) = f.selected_unit() {
                    let unit = unit.clone();
                    if let Some(k) = self
                        .units
                        .shown()
                        .iter()
                        .position(|&i| self.units.lines[i].unit.code == unit)
                    {
                        self.units.sel = k;
                    }
                    if let Some(Ok(r)) = &self.ranking.data
                        && let Some(k) = r.rows.iter().position(|row| row.unit == unit)
                    {
                        self.ranking.sel = k;
                    }
                }
                self.fields = None;
            }
            _ => {}
        }
        Vec::new()
    }
}
