//! The rules of the appraisal: points, criteria trees, decisions, totals, points per field
//! and criterion, index, bands, ranking, the field analysis and each unit's way up, and text
//! folding. No terminal, no database, no files, no clock.

pub mod analysis;
pub mod breakdown;
pub mod codes;
pub mod council;
pub mod criteria;
pub mod field_years;
pub mod history;
pub mod index;
pub mod ledger;
pub mod lineage;
pub mod points;
pub mod ranking;
pub mod seal;
pub mod sheet;
pub mod text;
pub mod wayup;

pub use analysis::{GroupAnalysis, GroupPull, Part, Pull};
pub use breakdown::{GroupBreakdown, NodeScore, NodeStats, Outline, UnitBreakdown};
pub use codes::{GroupCode, ItemCode, UnitCode};
pub use criteria::{
    CriteriaSet, ItemKind, Node, ScoreError, ScoreOption, SetError, SetSource, SetSpec,
};
pub use field_years::{FieldSeries, FieldYears, YearValue};
pub use index::Index;
pub use points::{Points, PointsError};
pub use ranking::{Mode, RankError, RankRow, Ranking, UnitResult};
pub use sheet::{
    DecideError, Decision, Explanation, ItemRecord, KeptComment, NodeSum, PartsAcc, Scores,
    SelfEntry, SelfScore, Sheet, State, TotalsAcc, UnitTotals, Verdict,
};
pub use wayup::{Gap, Goal, Loss, Step, Target, WayUp};
