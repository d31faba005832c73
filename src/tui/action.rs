//! What flows through the screens: actions in (keys turned into commands, results of the
//! store), effects out (work for the runtime to do on the database).

use crate::domain::{ItemCode, Mode, Points, Ranking, UnitCode, Verdict};
pub use crate::ui::ExportWhat;
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
    /// Write the shown group's workbook (.xlsx).
    WriteWorkbook,
    /// The workbook of every group of the year.
    WriteAllWorkbook,
    /// Close the selected unit, or reopen it when it is closed (asks for a comment).
    CloseUnit,
    /// Publish the year (asks for confirmation and a comment).
    Publish,
    Help,
    /// Back to the screen before; on the first screen (the units), quit.
    BackOrQuit,
    /// Esc in a unit: clears the search if one is on, else back to the units.
    Escape,
    /// The history over the years (of the selected unit).
    History,
    /// The history of the unit, of its group, of the province, in turn.
    CycleView,
    /// Pick option n (1-based) of the selected item.
    Option(usize),
    /// The files screen: import the year's files.
    Files,
    /// Who appraises which fields of the group.
    Assign,
    /// A new member (asks for the name, then the fields).
    AddMember,
    /// Start a new year (from the last), asking first.
    NewYear,
    /// Work on another year of the file (a box lists them with their state).
    Years,
    /// Take back the publication of the year (asks for the reason).
    Unpublish,
    /// Set the council's figure of last year for the selected unit (asks for it and the
    /// reason).
    SetPrevious,
    /// Open another database file (asks for its path).
    OpenDatabase,
    /// Open the demo year, in a file of its own (built on first use).
    OpenDemo,
    /// Write the decisions CSV of the shown group.
    ExportDecisions,
    /// Write the ranking CSV of the shown group.
    ExportRanking,
    /// Write the notices of the shown group's units into a folder.
    ExportNotices,
    /// Write the shown group's criteria set as the workbook of its tree.
    ExportCriteria,
    /// Write each unit's self-assessment workbook of the shown group into a folder.
    ExportSelfAssessment,
    /// Write the explanation requests of the shown group's units into a folder.
    ExportExplanationRequests,
    /// Write the minutes of the shown group's units into a folder.
    ExportMinutes,
    /// Write the submission of the ranking of every group.
    ExportSubmission,
    /// The analysis by field of the group (and from there each unit's way up).
    Fields,
    /// The field column before or after the selected one.
    PrevField,
    NextField,
    /// The council's settings of the year (a box of one line per setting).
    Council,
}

/// An export asked for from the ranking screen: what, of which group, in which mode, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportJob {
    pub what: ExportWhat,
    pub group: String,
    pub mode: Mode,
    pub path: std::path::PathBuf,
}

/// The preview of an import: what the import would do, or every problem of a refused file.
pub type Preview = Result<crate::service::Imported, Refusal>;

/// A refused file as the files screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Every problem on its own line, as the command line prints them (a last line counts
    /// those beyond the listed ones); the closing sentence is the screen's heading.
    pub lines: Vec<String>,
    /// How many problems the file has.
    pub problems: usize,
    /// Whether the folder of the path is a folder (it is then remembered as the last one).
    pub folder_exists: bool,
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

/// Whose history the history screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Unit(UnitCode),
    Group(String),
    Province,
}

/// A history as the service computed it.
#[derive(Debug, Clone)]
pub enum HistoryData {
    Unit(crate::service::UnitHistory),
    Group(crate::service::GroupHistory),
    Province(crate::service::ProvinceHistory),
}

/// Where a unit of the working year came from and how its figure of last year was found,
/// as the screens say them (empty when it carried over unchanged).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitLineage {
    /// "hợp nhất từ A, B (2025)".
    pub came_from: String,
    /// "bình quân 2 đơn vị tiền thân", "đơn vị mới", the council's reason.
    pub basis: String,
}

/// Data the runtime read from the store.
#[derive(Debug, Clone)]
pub enum Loaded {
    /// A unit's figure of last year, as the council's box shows it: the unit, its name, and
    /// the figure with how it was found.
    Previous {
        unit: crate::domain::UnitCode,
        name: String,
        now: String,
    },
    /// The lineage of the working year's units that changed, by unit code.
    Lineage(std::collections::HashMap<String, UnitLineage>),
    Groups(Vec<GroupTab>),
    Units {
        group: String,
        lines: Vec<UnitLine>,
    },
    /// Some lines of a group read again (the units the audit log named since the last read).
    UnitsChanged {
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
    /// Whether the working year is published (its decisions then cannot change).
    Year {
        published: bool,
        /// The year has no unit at all yet (a database just made by `init`).
        no_units: bool,
        /// The newest year before the working one in this database (where a new year
        /// starts from, on the welcome).
        before: Option<i32>,
        /// Some set of the year names no decision: the title says the sets are illustrative.
        illustrative: bool,
    },
    /// Every year in the file, newest first, and whether it is published.
    Years(Vec<(i32, bool)>),
    /// The council's settings of the working year (the settings box opens on them).
    Council(Box<crate::domain::council::Council>),
    /// The folder the working year's exports went to (remembered on this computer).
    ExportFolder(Option<String>),
    /// Who appraises which fields of a group: the group's fields (code, title) and each
    /// member's fields.
    Assignments {
        group: String,
        fields: Vec<(String, String)>,
        members: Vec<(String, Vec<String>)>,
    },
    History {
        subject: Subject,
        result: Result<HistoryData, String>,
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
    /// A workbook was written: where, and how many sheets.
    Written {
        path: String,
        sheets: usize,
        /// The published year whose final result was written instead of a provisional one.
        published: Option<i32>,
    },
    /// The workbook's file is already there: the App asks before replacing it, saying what
    /// the file holds (`about`: its size and when it was written).
    FileExists {
        path: std::path::PathBuf,
        /// The workbook's group (none: every group).
        group: Option<String>,
        about: String,
    },
    /// A unit was closed or reopened: what the status line says.
    ClosedSet(String),
    /// The new year was refused (a changes file's problems, each with its line and column):
    /// the box opens again with what was typed.
    NewYearRefused {
        year: i32,
        from: i32,
        carry: bool,
        message: String,
        text: String,
    },
    /// The year was published: what the status line says.
    Published(String),
    /// The council's figure of last year was set or taken back: what the status line says.
    PreviousSet(String),
    /// The publication was refused (every group's reason); the box asks again with the
    /// comment typed.
    PublishRefused {
        message: String,
        comment: String,
    },
    /// A member's fields were refused (a code the group does not have): the box asks again
    /// with the member and the fields typed.
    AssignRefused {
        member: String,
        fields: Vec<String>,
        message: String,
    },
    /// A file's preview came back.
    Previewed {
        kind: crate::service::FileKind,
        path: std::path::PathBuf,
        preview: Preview,
    },
    /// The path given to preview is a folder: the path box again, with a sentence.
    PathIsFolder {
        path: String,
    },
    /// A folder of self-assessments previewed: the report's lines, and how many workbooks
    /// would be imported.
    FolderPreviewed {
        path: std::path::PathBuf,
        lines: Vec<String>,
        accepted: usize,
    },
    /// A criteria tree whose header lacks values: the App asks for them, one box each,
    /// then previews again with `args`.
    CriteriaNeeds {
        path: std::path::PathBuf,
        args: crate::service::CriteriaCsvArgs,
        fields: Vec<crate::service::HeaderField>,
    },
    /// A file was imported: what the status line says.
    Imported(String),
    /// The council's settings were stored: what the status line says.
    CouncilSaved(String),
    /// The names that complete what the path box holds (files and folders, folders ending
    /// with `/`).
    Completed {
        text: String,
        names: Vec<String>,
    },
    /// An export was written: what the status line says.
    Exported(String),
    /// The export's file (or folder with files) is there already: the App asks first, saying
    /// what is there (its size and when it was written).
    ExportExists(ExportJob, String),
    /// Fields were given to a member: what the status line says.
    Assigned(String),
    /// A new year was made; the screens now work on it.
    YearStarted {
        year: i32,
        message: String,
    },
    /// Another database file is open; the screens now work on it.
    DatabaseOpened {
        /// Its name, for the status line.
        label: String,
        year: i32,
        message: String,
        /// Opened read-only: the user may not write it.
        read_only: Option<super::app::ReadOnly>,
    },
    /// Another instance changed the database.
    ExternalChange,
    /// The ledger's check on opening found it broken: the sentence naming what breaks.
    LedgerBroken(String),
}

/// Work for the runtime. Each effect's result comes back as an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadGroups,
    LoadUnits {
        group: String,
    },
    /// Brings the group's lines up to date: only the units changed since the last read when
    /// they are the group's last read (else the whole group).
    RefreshUnits {
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
    /// Write a group's workbook to `path`; a file already there is replaced only with
    /// `overwrite`.
    WriteWorkbook {
        /// One group, or every group of the year.
        group: Option<String>,
        mode: Mode,
        path: std::path::PathBuf,
        overwrite: bool,
    },
    LoadRanking {
        group: String,
        mode: Mode,
    },
    /// Read a group's analysis by field.
    LoadFields {
        group: String,
    },
    /// Close a unit (`closed`) or reopen it, with the comment: audited, as `thamdinh close`.
    SetClosed {
        unit: UnitCode,
        closed: bool,
        comment: String,
    },
    /// Publish the working year, as `thamdinh publish` (audited).
    Publish {
        comment: String,
    },
    RememberAppraiser(String),
    /// Read whether the working year is published.
    LoadYear,
    LoadHistory(Subject),
    /// Check the ledger's chain from the row last verified on this computer.
    CheckLedger,
    /// What importing the file would do (the import run and rolled back).
    PreviewImport {
        kind: crate::service::FileKind,
        path: std::path::PathBuf,
        /// For a criteria tree: the header values given in the boxes.
        criteria: crate::service::CriteriaCsvArgs,
    },
    /// Import the file (a folder of self-assessments for self scores), as `thamdinh
    /// import`.
    Import {
        kind: crate::service::FileKind,
        path: std::path::PathBuf,
        criteria: crate::service::CriteriaCsvArgs,
    },
    /// List what completes the path typed.
    Complete {
        text: String,
    },
    /// Write an export; a file (or a folder with files) already there is replaced only with
    /// `overwrite`.
    Export {
        job: ExportJob,
        overwrite: bool,
    },
    LoadAssignments {
        group: String,
    },
    /// Give a member fields of a group (none: take them back), as `thamdinh assign`.
    Assign {
        member: String,
        group: String,
        fields: Vec<String>,
    },
    /// Make `year` from `from`, as `thamdinh new-year` (audited).
    NewYear {
        year: i32,
        from: i32,
        /// Whether `from`'s field assignments are carried over.
        carry: bool,
        /// The changes file and the sets of the groups that start, as `--changes` and `--set`
        /// give them (none: the units carried over as they were).
        changes: Option<crate::service::YearChanges>,
    },
    /// Work on another year of the same file from now on (it must exist).
    SwitchYear {
        year: i32,
    },
    /// Say when and by whom the working year was published (`P` on a published year).
    ShowPublication,
    /// Take back the publication of the working year, as `thamdinh unpublish` (audited).
    Unpublish {
        comment: String,
    },
    /// Read a unit's figure of last year and how it was found (to open the council's box).
    LoadPrevious {
        unit: crate::domain::UnitCode,
    },
    /// Set (or take back) the council's figure of last year for a unit, with its reason, as
    /// `thamdinh previous` (audited).
    SetPrevious {
        unit: crate::domain::UnitCode,
        figure: crate::domain::lineage::Figure,
        reason: String,
    },
    /// Work on another database file from now on (it must exist: nothing is created).
    OpenDatabase {
        path: std::path::PathBuf,
    },
    /// Work on the demo year's file from now on, as `thamdinh demo` (built if it is not).
    OpenDemo,
    /// Read the council's settings of the working year.
    LoadCouncil,
    /// Store the council's settings of the working year, as `thamdinh council set`.
    SaveCouncil(Box<crate::domain::council::Council>),
}

impl Effect {
    /// Whether the effect writes to the database: its failure comes back as `SaveFailed`,
    /// a read's as `LoadFailed`.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Effect::Decide { .. }
                | Effect::SetComment { .. }
                | Effect::Undo { .. }
                | Effect::WriteWorkbook { .. }
                | Effect::SetClosed { .. }
                | Effect::Publish { .. }
                | Effect::Import { .. }
                | Effect::Export { .. }
                | Effect::Assign { .. }
                | Effect::NewYear { .. }
                | Effect::Unpublish { .. }
                | Effect::SetPrevious { .. }
                | Effect::OpenDemo
                | Effect::OpenDatabase { .. }
                | Effect::SaveCouncil(_)
        )
    }
}
