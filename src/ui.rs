//! The names of the screens' parts: which screen, which text box, which filter of the
//! appraisal tree, whose history, which export. Data only, so that the sentences of the
//! interface (`i18n`) can word them and the screens (`tui`) act on them without `i18n`
//! importing the screens. Imports nothing of the crate; the screens give these types their
//! behaviour (`tui::app`, `tui::keymap`).

/// The screens that have keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Units,
    Appraisal,
    Ranking,
    /// The group's units × fields table.
    Fields,
    /// One unit's way up.
    WayUp,
    History,
    /// The year's files: import with a preview.
    Files,
    /// Who appraises which fields of the group.
    Assign,
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
    /// The year to work on (the box lists every year of the file with its state).
    Year,
    /// The reason for taking back the year's publication (required).
    Unpublish,
    /// A value of a criteria tree's header that its file lacks (the group, its name, the
    /// survey maximum, the bands), asked before the preview.
    CriteriaValue,
    /// The council's comparison figure for a unit: a value, none, or back to the rule.
    PreviousFigure,
    /// The reason for the council's figure (required).
    PreviousReason,
}

/// Which items the tree shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemFilter {
    All,
    Undecided,
    Adjusted,
}

/// Whose history the history screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryView {
    Unit,
    Group,
    Province,
}

/// What an export from the screens writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    Decisions,
    Ranking,
    /// One `.docx` per unit, in a folder.
    Notices,
    /// The group's criteria set as the workbook of its tree.
    Criteria,
    /// One self-assessment `.xlsx` per unit of the group, in a folder.
    SelfAssessment,
    /// One `.xlsx` of explanation requests per unit of the group asked to explain, in a
    /// folder.
    ExplanationRequests,
}
