//! One unit's sheet: its self scores and the council's decisions, item by item, and the
//! totals computed from them. The totals are computed here only: the copy the store keeps
//! beside the decisions (`store::totals`) is written from what this module computes and
//! must never disagree with it.

use super::breakdown::{NodeScore, PartsMap};
use super::codes::UnitCode;
use super::criteria::{CriteriaSet, ItemKind, ScoreError};
use super::index::Index;
use super::points::Points;

/// What the unit claimed for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelfScore {
    Points(Points),
    /// The unit says it has no such task.
    NotApplicable,
}

impl SelfScore {
    pub fn points(self) -> Option<Points> {
        match self {
            SelfScore::Points(p) => Some(p),
            SelfScore::NotApplicable => None,
        }
    }
}

/// The unit's self score with its note and evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfEntry {
    pub score: SelfScore,
    pub note: String,
    pub evidence: String,
}

/// Where an item stands for a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    Undecided,
    /// The council kept the self score.
    Agreed,
    /// The council set another score.
    Adjusted,
    /// The item does not apply to this unit (by the set, or decided by the council).
    NotApplicable,
    /// The council asked the unit to explain; the item is decided again in round 2.
    ExplanationRequested,
}

impl State {
    pub const ALL: [State; 5] = [
        State::Undecided,
        State::Agreed,
        State::Adjusted,
        State::NotApplicable,
        State::ExplanationRequested,
    ];

    /// The stable name used in the database and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Undecided => "undecided",
            State::Agreed => "agreed",
            State::Adjusted => "adjusted",
            State::NotApplicable => "not_applicable",
            State::ExplanationRequested => "explanation_requested",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Whether the item counts as settled for the final ranking.
    pub fn is_decided(self) -> bool {
        matches!(self, State::Agreed | State::Adjusted | State::NotApplicable)
    }
}

/// The council's current decision on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub state: State,
    /// The appraised score; none when not applicable or explanation requested.
    pub score: Option<Points>,
    pub comment: String,
    pub appraiser: String,
    pub decided_at: String,
    pub round: u8,
}

/// What the council says about an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Keep the unit's self score.
    Agree,
    /// Set this score.
    Score(Points),
    NotApplicable,
    RequestExplanation,
}

/// Why a verdict cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecideError {
    /// Agreeing needs a self score to agree with.
    NoSelfScore,
    Score(ScoreError),
    /// Only leaves are scored.
    NotAnItem,
    /// The set already says the item does not apply to this unit.
    NotApplicableBySet,
    /// Not applicable needs a comment saying why (unless the unit itself claimed it).
    CommentRequired,
}

/// The unit's answer to a question of the council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub text: String,
    pub evidence: String,
}

/// Everything known about one item for one unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemRecord {
    pub self_entry: Option<SelfEntry>,
    pub decision: Option<Decision>,
    pub explanation: Option<Explanation>,
    /// A council comment on the item while it has no decision (the next decision takes it).
    pub kept: Option<KeptComment>,
}

/// A comment written on an undecided item, or left there by an undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptComment {
    pub text: String,
    pub appraiser: String,
    /// When it was written (UTC, as the decisions' times).
    pub at: String,
}

/// A unit's records, one per node of the set (parents stay empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub unit: UnitCode,
    pub records: Vec<ItemRecord>,
}

/// Sums for one node of the tree (an item is a node of one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeSum {
    /// Maximum of the items that apply to the unit.
    pub max: Points,
    pub self_total: Points,
    /// Appraised points of decided items only.
    pub appraised: Points,
    /// Decided items at their appraised score, the others at their self score.
    pub provisional: Points,
    /// Items that concern the unit (the set's not-applicable items left out).
    pub items: usize,
    pub decided: usize,
    pub adjusted: usize,
    pub flagged: usize,
    /// Decided items only: appraised minus self.
    pub difference: Points,
}

impl NodeSum {
    fn add(&mut self, o: &NodeSum) {
        self.max = self.max + o.max;
        self.self_total = self.self_total + o.self_total;
        self.appraised = self.appraised + o.appraised;
        self.provisional = self.provisional + o.provisional;
        self.items += o.items;
        self.decided += o.decided;
        self.adjusted += o.adjusted;
        self.flagged += o.flagged;
        self.difference = self.difference + o.difference;
    }

    /// Takes back what [`NodeSum::add`] added for the same sum.
    fn remove(&mut self, o: &NodeSum) {
        self.max = self.max - o.max;
        self.self_total = self.self_total - o.self_total;
        self.appraised = self.appraised - o.appraised;
        self.provisional = self.provisional - o.provisional;
        self.items -= o.items;
        self.decided -= o.decided;
        self.adjusted -= o.adjusted;
        self.flagged -= o.flagged;
        self.difference = self.difference - o.difference;
    }
}

/// A unit's totals, from which its index is computed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitTotals {
    /// The tree (bonus and deduction items left out).
    pub tree: NodeSum,
    /// Bonus points after the cap (provisional: undecided at self score).
    pub bonus: Points,
    /// Deduction points after the cap.
    pub deduction: Points,
    /// Bonus and deduction before caps, for the same counts of items.
    pub extra_items: usize,
    pub extra_decided: usize,
}

impl UnitTotals {
    /// Totals from the sums of every node (`Sheet::node_sums` or `Scores::node_sums`).
    pub fn from_sums(set: &CriteriaSet, sums: &[NodeSum]) -> UnitTotals {
        totals_over(set, |idx| sums[idx])
    }

    pub fn items(&self) -> usize {
        self.tree.items + self.extra_items
    }

    pub fn decided(&self) -> usize {
        self.tree.decided + self.extra_decided
    }

    /// Appraisal points counted in the index (provisional view).
    pub fn appraisal_points(&self) -> Points {
        self.tree.provisional + self.bonus - self.deduction
    }

    /// The unit's index with its survey score.
    pub fn index(&self, survey: Points, survey_max: Points) -> Option<Index> {
        Index::new(self.appraisal_points() + survey, self.tree.max + survey_max)
    }
}

impl Sheet {
    pub fn new(set: &CriteriaSet, unit: UnitCode) -> Sheet {
        Sheet {
            unit,
            records: vec![ItemRecord::default(); set.nodes().len()],
        }
    }

    /// The state of an item for this unit.
    pub fn state(&self, set: &CriteriaSet, idx: usize) -> State {
        if !set.node(idx).applies_to(&self.unit) {
            return State::NotApplicable;
        }
        self.records[idx]
            .decision
            .as_ref()
            .map_or(State::Undecided, |d| d.state)
    }

    /// Whether the set itself rules the item out for this unit.
    pub fn na_by_set(&self, set: &CriteriaSet, idx: usize) -> bool {
        !set.node(idx).applies_to(&self.unit)
    }

    /// Turns a verdict into the state and score to record, or says why it cannot be.
    pub fn resolve(
        &self,
        set: &CriteriaSet,
        idx: usize,
        verdict: Verdict,
        comment: &str,
    ) -> Result<(State, Option<Points>), DecideError> {
        let node = set.node(idx);
        if !node.is_item() {
            return Err(DecideError::NotAnItem);
        }
        if self.na_by_set(set, idx) {
            return Err(DecideError::NotApplicableBySet);
        }
        let self_score = self.records[idx].self_entry.as_ref().map(|e| e.score);
        match verdict {
            Verdict::Agree => match self_score {
                None => Err(DecideError::NoSelfScore),
                Some(SelfScore::NotApplicable) => Ok((State::NotApplicable, None)),
                Some(SelfScore::Points(p)) => {
                    set.check_score(idx, p).map_err(DecideError::Score)?;
                    Ok((State::Agreed, Some(p)))
                }
            },
            Verdict::Score(p) => {
                set.check_score(idx, p).map_err(DecideError::Score)?;
                let state = if self_score == Some(SelfScore::Points(p)) {
                    State::Agreed
                } else {
                    State::Adjusted
                };
                Ok((state, Some(p)))
            }
            Verdict::NotApplicable => {
                let claimed = self_score == Some(SelfScore::NotApplicable);
                if comment.trim().is_empty() && !claimed {
                    return Err(DecideError::CommentRequired);
                }
                Ok((State::NotApplicable, None))
            }
            Verdict::RequestExplanation => Ok((State::ExplanationRequested, None)),
        }
    }

    /// The sum for one item.
    fn item_sum(&self, set: &CriteriaSet, idx: usize) -> NodeSum {
        if self.na_by_set(set, idx) {
            return NodeSum::default();
        }
        let rec = &self.records[idx];
        item_sum(
            set.node(idx).max,
            rec.self_entry.as_ref().map(|e| e.score),
            rec.decision.as_ref().map(|d| (d.state, d.score)),
        )
    }

    /// Sums for every node of the set, aligned with `set.nodes()`.
    pub fn node_sums(&self, set: &CriteriaSet) -> Vec<NodeSum> {
        sums_over(set, |idx| self.item_sum(set, idx))
    }

    /// The unit's totals, in one pass over the items (the same figures as
    /// `totals_from(set, &node_sums(set))`, without building the sums of every node).
    pub fn totals(&self, set: &CriteriaSet) -> UnitTotals {
        totals_over(set, |idx| self.item_sum(set, idx))
    }

    /// The scores and decision states alone, for totals.
    pub fn scores(&self, set: &CriteriaSet) -> Scores {
        let mut s = Scores::new(set, self.unit.clone());
        for (i, r) in self.records.iter().enumerate() {
            s.self_scores[i] = r.self_entry.as_ref().map(|e| e.score);
            s.decisions[i] = r.decision.as_ref().map(|d| (d.state, d.score));
        }
        s
    }

    /// The unit's totals from sums already computed with [`Sheet::node_sums`].
    pub fn totals_from(&self, set: &CriteriaSet, sums: &[NodeSum]) -> UnitTotals {
        UnitTotals::from_sums(set, sums)
    }

    /// Whether the council changed what the unit claimed for an item: another score, not
    /// applicable (when the unit had claimed a score), or an explanation requested.
    pub fn council_changed(&self, set: &CriteriaSet, idx: usize) -> bool {
        if self.na_by_set(set, idx) {
            return false;
        }
        let claimed_na = self.records[idx]
            .self_entry
            .as_ref()
            .is_some_and(|e| e.score == SelfScore::NotApplicable);
        match self.state(set, idx) {
            State::Adjusted | State::ExplanationRequested => true,
            State::NotApplicable => !claimed_na,
            State::Undecided | State::Agreed => false,
        }
    }

    /// The next item after `from` (in reading order, wrapping) that is not yet decided.
    pub fn next_undecided(&self, set: &CriteriaSet, from: Option<usize>) -> Option<usize> {
        self.next_undecided_where(set, from, |_| true)
    }

    /// The same, among the items `keep` accepts (an appraiser's fields, for instance).
    pub fn next_undecided_where(
        &self,
        set: &CriteriaSet,
        from: Option<usize>,
        keep: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let n = set.nodes().len();
        let start = from.map_or(0, |f| f + 1);
        (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| set.node(i).is_item() && !self.state(set, i).is_decided() && keep(i))
    }
}

/// What one item that concerns the unit adds to its sums, from its self score and the
/// council's decision (state and score): the one place this rule is written.
fn item_sum(
    max: Points,
    self_score: Option<SelfScore>,
    decision: Option<(State, Option<Points>)>,
) -> NodeSum {
    let self_points = self_score
        .and_then(SelfScore::points)
        .unwrap_or(Points::ZERO);
    let state = decision.map_or(State::Undecided, |d| d.0);
    let mut s = NodeSum {
        items: 1,
        self_total: self_points,
        ..NodeSum::default()
    };
    let applicable = match state {
        State::NotApplicable => false,
        State::Undecided | State::ExplanationRequested => {
            self_score != Some(SelfScore::NotApplicable)
        }
        State::Agreed | State::Adjusted => true,
    };
    if applicable {
        s.max = max;
    }
    match state {
        State::Agreed | State::Adjusted => {
            let a = decision.and_then(|d| d.1).unwrap_or(Points::ZERO);
            s.appraised = a;
            s.provisional = a;
            s.decided = 1;
            s.difference = a - self_points;
            s.adjusted = usize::from(state == State::Adjusted);
        }
        State::NotApplicable => {
            s.decided = 1;
            s.difference = -self_points;
            s.adjusted = usize::from(self_score != Some(SelfScore::NotApplicable));
        }
        State::Undecided => s.provisional = self_points,
        State::ExplanationRequested => {
            s.provisional = self_points;
            s.flagged = 1;
        }
    }
    s
}

/// Sums for every node of the set from the sums of its items, aligned with `set.nodes()`.
fn sums_over(set: &CriteriaSet, sum_of: impl FnMut(usize) -> NodeSum) -> Vec<NodeSum> {
    let mut sums = Vec::new();
    sums_into(set, sum_of, &mut sums);
    sums
}

/// The same sums written into `sums` (emptied first), which keeps its memory from one unit
/// to the next.
fn sums_into(set: &CriteriaSet, mut sum_of: impl FnMut(usize) -> NodeSum, sums: &mut Vec<NodeSum>) {
    let nodes = set.nodes();
    sums.clear();
    sums.resize(nodes.len(), NodeSum::default());
    // Children come after their parents: walking backwards, every child is complete
    // before it is added to its parent.
    for idx in (0..nodes.len()).rev() {
        if nodes[idx].is_item() {
            sums[idx] = sum_of(idx);
        }
        if let Some(p) = nodes[idx].parent {
            let child = sums[idx];
            sums[p].add(&child);
        }
    }
}

/// A unit's totals from the sums of its items (`sum_of(idx)` for each item of the set).
fn totals_over(set: &CriteriaSet, mut sum_of: impl FnMut(usize) -> NodeSum) -> UnitTotals {
    let mut acc = TotalsAcc::default();
    for (idx, node) in set.nodes().iter().enumerate() {
        if node.is_item() {
            acc.add(node.kind, &sum_of(idx));
        }
    }
    acc.finish(set)
}

/// A unit's totals being built item by item, before the bonus and deduction caps: what an
/// import adds up as its rows pass, one self score at a time, without holding the unit's
/// scores. [`UnitTotals`] come out of [`TotalsAcc::finish`]; the same sums as
/// [`Scores::totals`] of the same scores (one code path: `Scores::totals` goes through here).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TotalsAcc {
    tree: NodeSum,
    bonus: Points,
    deduction: Points,
    extra_items: usize,
    extra_decided: usize,
}

impl TotalsAcc {
    fn add(&mut self, kind: ItemKind, s: &NodeSum) {
        match kind {
            // Every regular item lies under exactly one field.
            ItemKind::Regular => self.tree.add(s),
            ItemKind::Bonus => self.bonus = self.bonus + s.provisional,
            ItemKind::Deduction => self.deduction = self.deduction + s.provisional,
        }
        if kind != ItemKind::Regular {
            self.extra_items += s.items;
            self.extra_decided += s.decided;
        }
    }

    /// Takes back what [`TotalsAcc::add`] added for the same sum.
    fn remove(&mut self, kind: ItemKind, s: &NodeSum) {
        match kind {
            ItemKind::Regular => self.tree.remove(s),
            ItemKind::Bonus => self.bonus = self.bonus - s.provisional,
            ItemKind::Deduction => self.deduction = self.deduction - s.provisional,
        }
        if kind != ItemKind::Regular {
            self.extra_items -= s.items;
            self.extra_decided -= s.decided;
        }
    }

    /// A unit with no self score and no decision on any item.
    pub fn empty_unit(set: &CriteriaSet, unit: &UnitCode) -> TotalsAcc {
        let mut acc = TotalsAcc::default();
        for node in set.nodes() {
            if node.is_item() && node.applies_to(unit) {
                acc.add(node.kind, &item_sum(node.max, None, None));
            }
        }
        acc
    }

    /// Gives item `idx`, which had no self score and no decision, the self score `score`.
    pub fn put_self(&mut self, set: &CriteriaSet, unit: &UnitCode, idx: usize, score: SelfScore) {
        let node = set.node(idx);
        if !node.is_item() || !node.applies_to(unit) {
            return;
        }
        self.remove(node.kind, &item_sum(node.max, None, None));
        self.add(node.kind, &item_sum(node.max, Some(score), None));
    }

    /// The totals, bonus and deduction capped.
    pub fn finish(&self, set: &CriteriaSet) -> UnitTotals {
        UnitTotals {
            tree: self.tree,
            bonus: set
                .bonus
                .as_ref()
                .map_or(self.bonus, |b| self.bonus.min(b.cap)),
            deduction: set
                .deduction
                .as_ref()
                .map_or(self.deduction, |b| self.deduction.min(b.cap)),
            extra_items: self.extra_items,
            extra_decided: self.extra_decided,
        }
    }
}

/// A unit's points per field and criterion being built item by item, as an import adds up
/// its rows (the companion of [`TotalsAcc`]): the same figures as
/// [`UnitBreakdown::new`](super::breakdown::UnitBreakdown::new) of the same scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartsAcc {
    /// The outline's fields, then its criteria.
    parts: Vec<NodeScore>,
}

impl PartsAcc {
    /// A unit with no self score and no decision on any item.
    pub fn empty_unit(set: &CriteriaSet, map: &PartsMap, unit: &UnitCode) -> PartsAcc {
        let mut acc = PartsAcc {
            parts: vec![NodeScore::default(); map.parts],
        };
        for (idx, node) in set.nodes().iter().enumerate() {
            if node.is_item() && node.applies_to(unit) {
                acc.add(map, idx, &item_sum(node.max, None, None), true);
            }
        }
        acc
    }

    fn add(&mut self, map: &PartsMap, idx: usize, s: &NodeSum, plus: bool) {
        for &p in map.places(idx) {
            let part = &mut self.parts[p];
            if plus {
                part.points = part.points + s.provisional;
                part.max = part.max + s.max;
            } else {
                part.points = part.points - s.provisional;
                part.max = part.max - s.max;
            }
        }
    }

    /// Gives item `idx`, which had no self score and no decision, the self score `score`.
    pub fn put_self(
        &mut self,
        set: &CriteriaSet,
        map: &PartsMap,
        unit: &UnitCode,
        idx: usize,
        score: SelfScore,
    ) {
        let node = set.node(idx);
        if !node.is_item() || !node.applies_to(unit) {
            return;
        }
        self.add(map, idx, &item_sum(node.max, None, None), false);
        self.add(map, idx, &item_sum(node.max, Some(score), None), true);
    }

    /// The fields' figures, then the criteria's.
    pub fn finish(&self, map: &PartsMap) -> (&[NodeScore], &[NodeScore]) {
        self.parts.split_at(map.fields)
    }
}

/// A unit's self scores and decision states, one slot per node of the set, and nothing
/// else: what totals and rankings need, at a fifth of the size of a [`Sheet`] (no notes,
/// evidence, comments or explanations), so that a ranking can go through ten thousand units
/// in one reused value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub unit: UnitCode,
    pub self_scores: Vec<Option<SelfScore>>,
    pub decisions: Vec<Option<(State, Option<Points>)>>,
}

impl Scores {
    pub fn new(set: &CriteriaSet, unit: UnitCode) -> Scores {
        let n = set.nodes().len();
        Scores {
            unit,
            self_scores: vec![None; n],
            decisions: vec![None; n],
        }
    }

    /// Empties every slot, for another unit.
    pub fn reset(&mut self, unit: &UnitCode) {
        self.unit.clone_from(unit);
        self.self_scores.fill(None);
        self.decisions.fill(None);
    }

    fn item_sum(&self, set: &CriteriaSet, idx: usize) -> NodeSum {
        if !set.node(idx).applies_to(&self.unit) {
            return NodeSum::default();
        }
        item_sum(
            set.node(idx).max,
            self.self_scores[idx],
            self.decisions[idx],
        )
    }

    /// The unit's totals: the same figures as [`Sheet::totals`] on the full sheet.
    pub fn totals(&self, set: &CriteriaSet) -> UnitTotals {
        totals_over(set, |idx| self.item_sum(set, idx))
    }

    /// Sums for every node: the same figures as [`Sheet::node_sums`].
    pub fn node_sums(&self, set: &CriteriaSet) -> Vec<NodeSum> {
        sums_over(set, |idx| self.item_sum(set, idx))
    }

    /// The same sums written into `sums`, reused from unit to unit (a group of ten thousand
    /// units allocates once).
    pub fn node_sums_into(&self, set: &CriteriaSet, sums: &mut Vec<NodeSum>) {
        sums_into(set, |idx| self.item_sum(set, idx), sums)
    }
}

#[cfg(test)]
mod tests {
    use super::super::codes::ItemCode;
    use super::super::criteria::tests::{node, p, small_set, spec};
    use super::super::criteria::{BlockSpec, ItemKind};
    use super::*;

    fn idx(set: &CriteriaSet, code: &str) -> usize {
        set.index_of(&ItemCode::parse(code).unwrap()).unwrap()
    }

    fn with_self(set: &CriteriaSet, unit: &str, scores: &[(&str, Option<&str>)]) -> Sheet {
        let mut sheet = Sheet::new(set, UnitCode::parse(unit).unwrap());
        for (code, score) in scores {
            sheet.records[idx(set, code)].self_entry = Some(SelfEntry {
                score: match score {
                    Some(s) => SelfScore::Points(p(s)),
                    None => SelfScore::NotApplicable,
                },
                note: String::new(),
                evidence: String::new(),
            });
        }
        sheet
    }

    fn decide(sheet: &mut Sheet, set: &CriteriaSet, code: &str, v: Verdict, comment: &str) {
        let i = idx(set, code);
        let (state, score) = sheet.resolve(set, i, v, comment).unwrap();
        sheet.records[i].decision = Some(Decision {
            state,
            score,
            comment: comment.into(),
            appraiser: "Thư ký".into(),
            decided_at: String::new(),
            round: 1,
        });
    }

    fn full_self(set: &CriteriaSet, unit: &str) -> Sheet {
        with_self(
            set,
            unit,
            &[
                ("1.1.1", Some("1")),
                ("1.1.2", Some("0.75")),
                ("1.2", Some("1")),
                ("2.1", Some("2")),
            ],
        )
    }

    #[test]
    fn parents_sum_their_children() {
        let set = small_set();
        let mut sheet = full_self(&set, "SNV");
        decide(
            &mut sheet,
            &set,
            "1.1.1",
            Verdict::Score(p("0.5")),
            "Thiếu minh chứng",
        );
        let sums = sheet.node_sums(&set);
        let f1 = sums[idx(&set, "1")];
        assert_eq!(f1.self_total, p("2.75"));
        assert_eq!(f1.appraised, p("0.5"));
        assert_eq!(f1.provisional, p("2.25"));
        assert_eq!(f1.max, p("3"));
        assert_eq!(f1.items, 3);
        assert_eq!(f1.decided, 1);
        assert_eq!(f1.adjusted, 1);
        assert_eq!(f1.difference, p("-0.5"));
        assert_eq!(sums[idx(&set, "1.1")].provisional, p("1.25"));
    }

    #[test]
    fn the_difference_is_appraised_minus_self_over_decided_items_only() {
        let set = small_set();
        let mut sheet = full_self(&set, "SNV");
        let t = sheet.totals(&set);
        assert_eq!((t.tree.decided, t.tree.appraised), (0, Points::ZERO));
        assert_eq!(
            t.tree.difference,
            Points::ZERO,
            "nothing decided, nothing compared"
        );
        // A flagged item is not decided: it adds nothing to the difference.
        decide(
            &mut sheet,
            &set,
            "1.2",
            Verdict::RequestExplanation,
            "Bổ sung",
        );
        decide(&mut sheet, &set, "1.1.1", Verdict::Agree, "");
        decide(
            &mut sheet,
            &set,
            "1.1.2",
            Verdict::Score(p("0.25")),
            "Thiếu",
        );
        let t = sheet.totals(&set);
        assert_eq!(t.tree.decided, 2);
        // Over 1.1.1 and 1.1.2: appraised 1 + 0.25, self 1 + 0.75.
        assert_eq!(t.tree.appraised, p("1.25"));
        assert_eq!(t.tree.difference, p("-0.5"));
        assert_eq!(
            t.tree.self_total,
            p("4.75"),
            "the self total is every item's"
        );
        // Not applicable by the council: nothing appraised against the self score.
        decide(
            &mut sheet,
            &set,
            "2.1",
            Verdict::NotApplicable,
            "Không có nhiệm vụ",
        );
        let t = sheet.totals(&set);
        assert_eq!(t.tree.difference, p("-2.5"));
        assert_eq!(t, sheet.totals_from(&set, &sheet.node_sums(&set)));
        assert_eq!(t, sheet.scores(&set).totals(&set));
    }

    #[test]
    fn agree_keeps_the_self_score_and_needs_one() {
        let set = small_set();
        let mut sheet = with_self(&set, "SNV", &[("1.2", Some("0.5"))]);
        assert_eq!(
            sheet.resolve(&set, idx(&set, "1.1.1"), Verdict::Agree, ""),
            Err(DecideError::NoSelfScore)
        );
        decide(&mut sheet, &set, "1.2", Verdict::Agree, "");
        assert_eq!(sheet.state(&set, idx(&set, "1.2")), State::Agreed);
        // Typing the same score as the unit is agreeing too.
        assert_eq!(
            sheet.resolve(&set, idx(&set, "1.2"), Verdict::Score(p("0.5")), ""),
            Ok((State::Agreed, Some(p("0.5"))))
        );
    }

    #[test]
    fn a_score_off_the_options_is_refused() {
        let set = small_set();
        let sheet = full_self(&set, "SNV");
        assert!(matches!(
            sheet.resolve(&set, idx(&set, "1.2"), Verdict::Score(p("0.75")), ""),
            Err(DecideError::Score(ScoreError::NotAnOption { .. }))
        ));
        assert!(matches!(
            sheet.resolve(&set, idx(&set, "1.1.1"), Verdict::Score(p("2")), ""),
            Err(DecideError::Score(ScoreError::AboveMax { .. }))
        ));
    }

    #[test]
    fn not_applicable_by_the_council_leaves_the_maximum_and_needs_a_comment() {
        let set = small_set();
        let mut sheet = full_self(&set, "SNV");
        assert_eq!(
            sheet.resolve(&set, idx(&set, "2.1"), Verdict::NotApplicable, " "),
            Err(DecideError::CommentRequired)
        );
        decide(
            &mut sheet,
            &set,
            "2.1",
            Verdict::NotApplicable,
            "Đơn vị không có nhiệm vụ này",
        );
        let t = sheet.totals(&set);
        assert_eq!(t, sheet.totals_from(&set, &sheet.node_sums(&set)));
        assert_eq!(t, sheet.scores(&set).totals(&set));
        assert_eq!(t.tree.max, p("3"));
        assert_eq!(t.tree.provisional, p("2.75"));
        assert_eq!(t.tree.decided, 1);
    }

    #[test]
    fn not_applicable_by_the_set_is_out_of_the_unit_entirely() {
        let set = small_set();
        let sheet = full_self(&set, "SNGV");
        let i = idx(&set, "2.1");
        assert_eq!(sheet.state(&set, i), State::NotApplicable);
        assert_eq!(
            sheet.resolve(&set, i, Verdict::Agree, ""),
            Err(DecideError::NotApplicableBySet)
        );
        let t = sheet.totals(&set);
        assert_eq!(t, sheet.totals_from(&set, &sheet.node_sums(&set)));
        assert_eq!(t, sheet.scores(&set).totals(&set));
        assert_eq!(t.tree.max, p("3"));
        assert_eq!(t.tree.items, 3);
    }

    #[test]
    fn a_unit_claiming_not_applicable_is_out_until_decided_otherwise() {
        let set = small_set();
        let mut sheet = with_self(&set, "SNV", &[("2.1", None)]);
        assert_eq!(sheet.totals(&set).tree.max, p("3"));
        // Agreeing with the claim needs no comment.
        decide(&mut sheet, &set, "2.1", Verdict::Agree, "");
        assert_eq!(sheet.state(&set, idx(&set, "2.1")), State::NotApplicable);
        // The council can refuse the claim by scoring the item.
        decide(
            &mut sheet,
            &set,
            "2.1",
            Verdict::Score(p("1")),
            "Đơn vị có nhiệm vụ này",
        );
        let t = sheet.totals(&set);
        assert_eq!(t, sheet.totals_from(&set, &sheet.node_sums(&set)));
        assert_eq!(t, sheet.scores(&set).totals(&set));
        assert_eq!(t.tree.max, p("5"));
        assert_eq!(sheet.state(&set, idx(&set, "2.1")), State::Adjusted);
    }

    #[test]
    fn flagged_items_count_at_self_score_and_are_not_decided() {
        let set = small_set();
        let mut sheet = full_self(&set, "SNV");
        decide(
            &mut sheet,
            &set,
            "1.2",
            Verdict::RequestExplanation,
            "Đề nghị bổ sung",
        );
        let t = sheet.totals(&set);
        assert_eq!(t, sheet.totals_from(&set, &sheet.node_sums(&set)));
        assert_eq!(t, sheet.scores(&set).totals(&set));
        assert_eq!(t.tree.flagged, 1);
        assert_eq!(t.tree.decided, 0);
        assert_eq!(t.tree.provisional, p("4.75"));
        assert_eq!(sheet.next_undecided(&set, None), Some(idx(&set, "1.1.1")));
    }

    #[test]
    fn next_undecided_wraps_and_skips_parents() {
        let set = small_set();
        let mut sheet = full_self(&set, "SNV");
        decide(&mut sheet, &set, "1.1.1", Verdict::Agree, "");
        decide(&mut sheet, &set, "1.2", Verdict::Agree, "");
        let from = idx(&set, "2.1");
        assert_eq!(
            sheet.next_undecided(&set, Some(from)),
            Some(idx(&set, "1.1.2"))
        );
        decide(&mut sheet, &set, "1.1.2", Verdict::Agree, "");
        decide(&mut sheet, &set, "2.1", Verdict::Agree, "");
        assert_eq!(sheet.next_undecided(&set, None), None);
    }

    #[test]
    fn bonus_and_deduction_are_capped_outside_the_maximum() {
        let mut nodes = vec![node("1", "10")];
        for (code, kind) in [
            ("T1", ItemKind::Bonus),
            ("T2", ItemKind::Bonus),
            ("TR1", ItemKind::Deduction),
        ] {
            let mut n = node(code, "2");
            n.kind = kind;
            nodes.push(n);
        }
        let mut s = spec(nodes, "10", "10");
        s.bonus = Some(BlockSpec {
            title: "Điểm thưởng".into(),
            cap: p("3"),
        });
        s.deduction = Some(BlockSpec {
            title: "Điểm trừ".into(),
            cap: p("1"),
        });
        let set = CriteriaSet::build(s).unwrap();
        let sheet = with_self(
            &set,
            "SNV",
            &[
                ("1", Some("8")),
                ("T1", Some("2")),
                ("T2", Some("2")),
                ("TR1", Some("1.5")),
            ],
        );
        let t = sheet.totals(&set);
        assert_eq!(t, sheet.totals_from(&set, &sheet.node_sums(&set)));
        assert_eq!(t, sheet.scores(&set).totals(&set));
        assert_eq!(t.bonus, p("3"));
        assert_eq!(t.deduction, p("1"));
        assert_eq!(t.tree.max, p("10"));
        assert_eq!(t.appraisal_points(), p("10"));
        assert_eq!(t.items(), 4);
        // (8 + 3 - 1 + 9) / (10 + 10)
        assert_eq!(t.index(p("9"), p("10")).unwrap().to_string(), "95.00");
    }
}
