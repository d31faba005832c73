//! What flows through the screens: actions in (keys turned into commands, results of the
//! store), effects out (work for the runtime to do on the database).

use crate::domain::{ItemCode, Mode, Points, Ranking, UnitCode, Verdict};
use ratatui::crossterm::event::KeyEvent;

/// A command a key stands for. The keymap turns keys into these; help is drawn from the same
/// table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    NextGroup,
    PrevGroup,
    Agree,
    EnterScore,
    NotApplicable,
    Comment,
    Flag,
    NextUndecided,
    Undo,
    Filter,
    CycleItemFilter,
    Ranking,
    ToggleFinal,
    Help,
    /// Back to the screen before; on the first screen (the units), quit.
    BackOrQuit,
    /// Pick option n (1-based) of the selected item.
    Option(usize),
    /// The analysis by field of the group (and from there each unit's way up).
    Fields,
    /// The field column before or after the selected one.
    PrevField,
    NextField,
}

/// A group as its tab shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTab {
    pub code: String,
    pub name: String,
    /// The name as councils say it, from the criteria set, for a narrow window.
    pub short_name: Option<String>,
}

/// One unit's line on the units screen.
pub type UnitLine = crate::service::UnitSummary;

/// A unit opened for appraisal.
pub type UnitData = crate::service::UnitSheet;

/// Data the runtime read from the store.
#[derive(Debug, Clone)]
pub enum Loaded {
    Groups(Vec<GroupTab>),
    Units {
        group: String,
        lines: Vec<UnitLine>,
    },
    Unit(UnitData),
    /// The open unit read again after another instance wrote: it replaces the data on screen
    /// and changes nothing else (screen, selection, boxes).
    Reloaded(UnitData),
    Ranking {
        group: String,
        mode: Mode,
        result: Result<Ranking, String>,
    },
    /// A group's analysis by field.
    Fields {
        group: String,
        result: Result<FieldsData, String>,
    },
}

/// A group's analysis by field with its criteria set (for the titles).
#[derive(Debug, Clone)]
pub struct FieldsData {
    pub set: std::sync::Arc<crate::domain::CriteriaSet>,
    pub analysis: crate::domain::GroupAnalysis,
}

/// What a save was, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// A decision recorded; the selection moves on to the next undecided item.
    Decision {
        item: ItemCode,
        score: Option<Points>,
    },
    Comment {
        item: ItemCode,
    },
    Undone {
        item: ItemCode,
    },
}

#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Cmd(Cmd),
    Loaded(Loaded),
    /// A write was committed; `data` is the unit as the database now holds it.
    Saved {
        saved: Saved,
        data: UnitData,
        at: String,
    },
    /// A write was refused or failed; nothing changed.
    SaveFailed(String),
    /// A read failed; what is on screen stays as it was (a write on its way is still on its
    /// way).
    LoadFailed(String),
    /// Another instance changed the database.
    ExternalChange,
}

/// Work for the runtime. Each effect's result comes back as an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadGroups,
    LoadUnits {
        group: String,
    },
    OpenUnit {
        unit: UnitCode,
    },
    /// Read the open unit again (another instance wrote).
    ReloadUnit {
        unit: UnitCode,
    },
    Decide {
        unit: UnitCode,
        item: ItemCode,
        verdict: Verdict,
        comment: String,
    },
    SetComment {
        unit: UnitCode,
        item: ItemCode,
        comment: String,
    },
    Undo {
        unit: UnitCode,
    },
    LoadRanking {
        group: String,
        mode: Mode,
    },
    /// Read a group's analysis by field.
    LoadFields {
        group: String,
    },
    RememberAppraiser(String),
}

impl Effect {
    /// Whether the effect writes to the database: its failure comes back as `SaveFailed`,
    /// a read's as `LoadFailed`.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Effect::Decide { .. } | Effect::SetComment { .. } | Effect::Undo { .. }
        )
    }
}
