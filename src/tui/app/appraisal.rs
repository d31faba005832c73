//! The appraisal screen's state: the unit open, its tree of items as shown, the comments
//! waiting for a decision; and how its keys turn into decisions sent to the store.

use super::{App, step};
use crate::domain::sheet::NodeSum;
use crate::domain::text::matches;
use crate::domain::{ItemCode, Points, State, UnitCode, Verdict};
use crate::i18n::errors::{decide_error, decision_not_recorded};
use crate::i18n::screens as words;
use crate::tui::action::{Cmd, Effect, Saved, UnitData};
use crate::tui::app::InputKind;
use crate::tui::keymap::Screen;
pub use crate::ui::ItemFilter;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};

impl ItemFilter {
    fn next(self) -> ItemFilter {
        match self {
            ItemFilter::All => ItemFilter::Undecided,
            ItemFilter::Undecided => ItemFilter::Adjusted,
            ItemFilter::Adjusted => ItemFilter::All,
        }
    }
}

/// The appraisal screen: the unit open, and what outlives it.
#[derive(Default)]
pub struct AppraisalState {
    pub open: Option<Open>,
    /// Comments written on undecided items, saved with their decision.
    pub drafts: HashMap<(UnitCode, ItemCode), String>,
    /// After `n` ran out of items: select the first undecided item of the next unit opened.
    jump_to_undecided: bool,
}

/// A unit open on the appraisal screen.
pub struct Open {
    pub data: UnitData,
    pub sums: Vec<NodeSum>,
    pub collapsed: HashSet<usize>,
    /// The selected node (index into the set's nodes).
    pub sel: usize,
    pub filter: ItemFilter,
    pub search: String,
    pub offset: Cell<usize>,
}

impl Open {
    fn new(data: UnitData) -> Open {
        let sums = data.sheet.node_sums(&data.set);
        let mut open = Open {
            data,
            sums,
            collapsed: HashSet::new(),
            sel: 0,
            filter: ItemFilter::All,
            search: String::new(),
            offset: Cell::new(0),
        };
        open.sel = open.next_undecided(None).unwrap_or(0);
        open
    }

    /// Whether a node lies in the fields assigned to the appraiser (all, when none are).
    pub fn in_assigned(&self, idx: usize) -> bool {
        let set = &self.data.set;
        self.data.assigned.is_empty()
            || set
                .field_of(idx)
                .is_some_and(|f| self.data.assigned.contains(&set.node(f).code))
    }

    /// With fields assigned and none of the appraiser's items left: what the unit still
    /// waits for, field by field, and whose fields they are. None while the appraiser has
    /// items left, when no field is assigned, or when the unit is done.
    pub fn left_to_others(&self, lang: crate::i18n::Lang) -> Option<String> {
        let set = &self.data.set;
        if self.data.assigned.is_empty() || self.next_undecided(None).is_some() {
            return None;
        }
        let items: Vec<usize> = set.item_indexes().collect();
        let mut left: Vec<(Option<usize>, usize)> = Vec::new();
        for &i in &items {
            if self.state(i).is_decided() {
                continue;
            }
            let f = set.field_of(i);
            match left.iter_mut().find(|(g, _)| *g == f) {
                Some((_, n)) => *n += 1,
                None => left.push((f, 1)),
            }
        }
        if left.is_empty() {
            return None;
        }
        let total: usize = left.iter().map(|(_, n)| n).sum();
        let fields: Vec<String> = left
            .iter()
            .map(|&(f, n)| {
                let code = f.map(|f| set.node(f).code.to_string());
                let who: Vec<&str> = self
                    .data
                    .team
                    .iter()
                    .filter(|(_, fs)| code.as_ref().is_some_and(|c| fs.contains(c)))
                    .map(|(w, _)| w.as_str())
                    .collect();
                let who = if who.is_empty() {
                    words::unassigned(lang).to_string()
                } else {
                    who.join(", ")
                };
                words::field_left(code.as_deref(), n, &who, lang)
            })
            .collect();
        Some(words::own_fields_done(
            &self.data.unit.name,
            total,
            items.len(),
            &fields.join("; "),
            lang,
        ))
    }

    /// The next undecided item after `from`, in the appraiser's fields.
    pub fn next_undecided(&self, from: Option<usize>) -> Option<usize> {
        self.data
            .sheet
            .next_undecided_where(&self.data.set, from, |i| self.in_assigned(i))
    }

    fn replace(&mut self, data: UnitData) {
        self.sums = data.sheet.node_sums(&data.set);
        self.data = data;
        // A filter may now hide the selected item (decided elsewhere): select the next one shown.
        let rows = self.visible();
        if !rows.is_empty() && !rows.contains(&self.sel) {
            let set = &self.data.set;
            self.sel = rows
                .iter()
                .copied()
                .find(|&r| r > self.sel && set.node(r).is_item())
                .or_else(|| rows.iter().copied().rev().find(|&r| set.node(r).is_item()))
                .unwrap_or(rows[0]);
        }
    }

    pub fn state(&self, idx: usize) -> State {
        self.data.sheet.state(&self.data.set, idx)
    }

    fn item_shown(&self, idx: usize) -> bool {
        let node = self.data.set.node(idx);
        let by_filter = match self.filter {
            ItemFilter::All => true,
            ItemFilter::Undecided => !self.state(idx).is_decided(),
            ItemFilter::Adjusted => self.state(idx) == State::Adjusted,
        };
        by_filter
            && (self.search.trim().is_empty()
                || node.code.as_str().starts_with(self.search.trim())
                || matches(&node.title, &self.search))
    }

    /// The rows the tree shows, in order.
    pub fn visible(&self) -> Vec<usize> {
        let set = &self.data.set;
        let nodes = set.nodes();
        let filtering = self.filter != ItemFilter::All || !self.search.trim().is_empty();
        if filtering {
            let mut keep = vec![false; nodes.len()];
            for idx in set.item_indexes() {
                if self.item_shown(idx) {
                    let mut i = Some(idx);
                    while let Some(k) = i {
                        keep[k] = true;
                        i = nodes[k].parent;
                    }
                }
            }
            return (0..nodes.len()).filter(|&i| keep[i]).collect();
        }
        (0..nodes.len())
            .filter(|&i| {
                let mut p = nodes[i].parent;
                while let Some(k) = p {
                    if self.collapsed.contains(&k) {
                        return false;
                    }
                    p = nodes[k].parent;
                }
                true
            })
            .collect()
    }

    fn is_item(&self) -> bool {
        self.data.set.node(self.sel).is_item()
    }

    /// The search typed so far: the first item it shows is selected.
    fn search_for(&mut self, text: String) {
        self.search = text;
        if let Some(&first) = self
            .visible()
            .iter()
            .find(|&&i| self.data.set.node(i).is_item())
        {
            self.sel = first;
        }
    }
}

/// Whether a key of the appraisal screen decides on the selected item, comments on it or
/// undoes: refused on a published year (and, with the other keys that write, on a read-only
/// database).
pub(super) fn edits(c: Cmd) -> bool {
    matches!(
        c,
        Cmd::Agree
            | Cmd::Option(_)
            | Cmd::EnterScore
            | Cmd::NotApplicable
            | Cmd::Comment
            | Cmd::Flag
            | Cmd::Undo
    )
}

impl App {
    pub(super) fn appraisal_command(&mut self, c: Cmd) -> Vec<Effect> {
        if edits(c) {
            return self.appraisal_edit(c);
        }
        let Some(o) = self.appraisal.open.as_mut() else {
            self.screen = Screen::Units;
            return Vec::new();
        };
        let rows = o.visible();
        let pos = rows.iter().position(|&r| r == o.sel).unwrap_or(0);
        match c {
            Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown | Cmd::Top | Cmd::Bottom => {
                if let Some(&r) = rows.get(step(pos, rows.len(), c)) {
                    o.sel = r;
                }
            }
            Cmd::Open => {
                if o.is_item() {
                    // Through `command`, so a read-only file refuses it as it refuses `e`.
                    return self.command(Cmd::EnterScore);
                }
                if !o.collapsed.remove(&o.sel) {
                    o.collapsed.insert(o.sel);
                }
            }
            Cmd::Back => {
                let node = o.data.set.node(o.sel);
                if !node.is_item() && !o.collapsed.contains(&o.sel) {
                    o.collapsed.insert(o.sel);
                } else if let Some(p) = node.parent {
                    o.sel = p;
                }
            }
            Cmd::NextUndecided => match o.next_undecided(Some(o.sel)) {
                Some(i) => {
                    if !o.visible().contains(&i) {
                        o.collapsed.clear();
                        o.filter = ItemFilter::All;
                        o.search.clear();
                    }
                    o.sel = i;
                }
                None => return self.next_unit(),
            },
            Cmd::CycleItemFilter => {
                o.filter = o.filter.next();
                let rows = o.visible();
                if !rows.contains(&o.sel)
                    && let Some(&first) = rows.iter().find(|&&i| o.data.set.node(i).is_item())
                {
                    o.sel = first;
                }
            }
            Cmd::Filter => {
                o.search.clear();
                self.open_input(InputKind::ItemSearch, "");
            }
            Cmd::Ranking => return self.show_ranking(),
            // A search on: the first Esc clears it (the selected item stays); the next leaves.
            Cmd::Escape if !o.search.is_empty() => {
                o.search.clear();
            }
            Cmd::BackOrQuit | Cmd::Escape => {
                let code = o.data.unit.code.clone();
                return self.leave_unit(code);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Back to the units list, on the unit that was open.
    fn leave_unit(&mut self, code: UnitCode) -> Vec<Effect> {
        self.screen = Screen::Units;
        if let Some(k) = self
            .units
            .shown()
            .iter()
            .position(|&i| self.units.lines[i].unit.code == code)
        {
            self.units.sel = k;
        }
        self.appraisal.open = None;
        // Only the units decided on since the list was read are read again.
        self.group_code()
            .map(|g| Effect::RefreshUnits {
                group: g.to_string(),
            })
            .into_iter()
            .collect()
    }

    /// The keys that decide on the selected item, comment on it or undo: refused once the
    /// year is published.
    fn appraisal_edit(&mut self, c: Cmd) -> Vec<Effect> {
        let lang = self.lang;
        if self.published {
            self.fail(words::published_no_edits(self.year, lang));
            return Vec::new();
        }
        let Some(o) = self.appraisal.open.as_mut() else {
            self.screen = Screen::Units;
            return Vec::new();
        };
        match c {
            Cmd::Agree => return self.on_item(|app| app.verdict(Verdict::Agree, false)),
            Cmd::Option(k) => {
                let node = o.data.set.node(o.sel);
                if !node.is_item() {
                    return self.on_item(|_| Vec::new());
                }
                match node.options.get(k.wrapping_sub(1)) {
                    Some(opt) => {
                        let p = opt.points;
                        return self.verdict(Verdict::Score(p), false);
                    }
                    None => {
                        let msg = if node.options.is_empty() {
                            words::no_options(lang).to_string()
                        } else {
                            words::no_such_option(k, lang)
                        };
                        self.fail(msg);
                    }
                }
            }
            Cmd::EnterScore => {
                return self.on_item(|app| {
                    app.open_input(InputKind::Score, "");
                    Vec::new()
                });
            }
            Cmd::NotApplicable => {
                return self.on_item(|app| app.comment_box(InputKind::NotApplicable));
            }
            Cmd::Comment => return self.on_item(|app| app.comment_box(InputKind::Comment)),
            Cmd::Flag => {
                return self.on_item(|app| app.verdict(Verdict::RequestExplanation, false));
            }
            Cmd::Undo => {
                let unit = o.data.unit.code.clone();
                self.saving = true;
                return vec![Effect::Undo { unit }];
            }
            _ => {}
        }
        Vec::new()
    }

    /// What the item search box typed so far selects.
    pub(super) fn search_items(&mut self, text: String) {
        if let Some(o) = self.appraisal.open.as_mut() {
            o.search_for(text);
        }
    }

    /// Opens a text box holding the item's comment so far.
    fn comment_box(&mut self, kind: InputKind) -> Vec<Effect> {
        let text = self
            .appraisal
            .open
            .as_ref()
            .map(|o| self.comment_for(o))
            .unwrap_or_default();
        self.open_input(kind, &text);
        Vec::new()
    }

    /// Runs `f` when the selection is an item; says why not otherwise.
    fn on_item(&mut self, f: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
        let is_item = self.appraisal.open.as_ref().is_some_and(|o| o.is_item());
        if is_item {
            f(self)
        } else {
            self.fail(words::select_an_item(self.lang));
            Vec::new()
        }
    }

    /// Opens the next unit of the group that still has undecided items (in the appraiser's
    /// fields, when fields are assigned); says what is left of this one to others.
    fn next_unit(&mut self) -> Vec<Effect> {
        let lang = self.lang;
        let open = self.appraisal.open.as_ref();
        let current = open.map(|o| o.data.unit.code.clone());
        let assigned: Vec<String> = open
            .map(|o| o.data.assigned.iter().map(|f| f.to_string()).collect())
            .unwrap_or_default();
        let left_to_others = open.and_then(|o| o.left_to_others(lang));
        let lines = &self.units.lines;
        let n = lines.len();
        let at = lines
            .iter()
            .position(|u| Some(&u.unit.code) == current.as_ref())
            .unwrap_or(0);
        let waits = |k: usize| {
            let line = &lines[k];
            if assigned.is_empty() {
                line.totals.decided() < line.totals.items()
            } else {
                line.fields
                    .iter()
                    .any(|(f, decided, items)| decided < items && assigned.contains(f))
            }
        };
        let next = (1..n).map(|d| (at + d) % n).find(|&k| waits(k));
        let first = match &left_to_others {
            Some(said) => said.clone(),
            None => String::new(),
        };
        match next {
            Some(k) => {
                self.appraisal.jump_to_undecided = true;
                let unit = self.units.lines[k].unit.code.clone();
                let name = &self.units.lines[k].unit.name;
                let said = if left_to_others.is_some() {
                    format!("{first} {}", words::on_to(name, lang))
                } else {
                    words::unit_done_next(name, lang)
                };
                self.say(said);
                vec![Effect::OpenUnit { unit }]
            }
            None => {
                let said = match (&left_to_others, assigned.is_empty()) {
                    (Some(_), _) => format!("{first} {}", words::own_fields_done_in_group(lang)),
                    (None, true) => words::group_done(lang).to_string(),
                    (None, false) => words::own_fields_done_in_group(lang).to_string(),
                };
                self.say(said);
                Vec::new()
            }
        }
    }

    /// The comment to send with a decision: the draft, else the one already recorded (on the
    /// decision, or kept on the undecided item).
    fn comment_for(&self, o: &Open) -> String {
        let key = (
            o.data.unit.code.clone(),
            o.data.set.node(o.sel).code.clone(),
        );
        self.appraisal.drafts.get(&key).cloned().unwrap_or_else(|| {
            let record = &o.data.sheet.records[o.sel];
            match (&record.decision, &record.kept) {
                (Some(d), _) => d.comment.clone(),
                (None, Some(k)) => k.text.clone(),
                (None, None) => String::new(),
            }
        })
    }

    fn verdict(&mut self, v: Verdict, from_input: bool) -> Vec<Effect> {
        self.verdict_with(v, None, from_input)
    }

    /// Checks a verdict on the selected item against the rules; refused in place with the
    /// reason, or sent to the store.
    fn verdict_with(
        &mut self,
        v: Verdict,
        comment: Option<String>,
        from_input: bool,
    ) -> Vec<Effect> {
        let lang = self.lang;
        let Some(o) = self.appraisal.open.as_ref() else {
            return Vec::new();
        };
        if self.saving {
            return Vec::new();
        }
        let comment = comment.unwrap_or_else(|| self.comment_for(o));
        let node = o.data.set.node(o.sel);
        if let Err(why) = o.data.sheet.resolve(&o.data.set, o.sel, v, &comment) {
            // The same sentence as when the store refuses it (service's AppError::Decide).
            let msg = decision_not_recorded(
                o.data.unit.code.as_str(),
                node.code.as_str(),
                &decide_error(&why, lang),
                lang,
            );
            if from_input {
                self.set_input_error(&msg);
            } else {
                self.fail(msg);
            }
            return Vec::new();
        }
        let unit = o.data.unit.code.clone();
        let item = node.code.clone();
        self.input = None;
        self.saving = true;
        vec![Effect::Decide {
            unit,
            item,
            verdict: v,
            comment,
        }]
    }

    /// Enter in the score box: points, or the number of an option.
    pub(super) fn submit_score(&mut self, text: String) -> Vec<Effect> {
        let lang = self.lang;
        let Some(o) = self.appraisal.open.as_ref() else {
            return Vec::new();
        };
        let node = o.data.set.node(o.sel);
        let parsed = Points::parse(&text);
        let points = match parsed {
            Ok(p) if o.data.set.check_score(o.sel, p).is_ok() || node.options.is_empty() => Ok(p),
            other => match text.parse::<usize>() {
                Ok(k) if k >= 1 && k <= node.options.len() => Ok(node.options[k - 1].points),
                _ => other.map_err(|why| {
                    crate::io::Problem::BadPoints {
                        text: text.clone(),
                        why,
                    }
                    .describe(lang)
                }),
            },
        };
        match points {
            Err(msg) => {
                self.set_input_error(&msg);
                Vec::new()
            }
            Ok(p) => self.verdict(Verdict::Score(p), true),
        }
    }

    pub(super) fn submit_not_applicable(&mut self, reason: String) -> Vec<Effect> {
        self.verdict_with(Verdict::NotApplicable, Some(reason), true)
    }

    /// Enter in the comment box: saved on a decided item, else kept until its decision.
    pub(super) fn submit_comment(&mut self, text: String) -> Vec<Effect> {
        let Some(o) = self.appraisal.open.as_ref() else {
            return Vec::new();
        };
        let unit = o.data.unit.code.clone();
        let item = o.data.set.node(o.sel).code.clone();
        let decided = o.data.sheet.records[o.sel].decision.is_some();
        self.input = None;
        // On an undecided item the comment is stored too (kept for its decision): the draft
        // is what the screen shows and sends until the store has it. The verdict keys stay
        // open meanwhile (a member types the comment, then the verdict at once): the
        // decision, which runs after, carries the same text.
        if decided {
            self.saving = true;
        } else {
            self.appraisal
                .drafts
                .insert((unit.clone(), item.clone()), text.clone());
        }
        vec![Effect::SetComment {
            unit,
            item,
            comment: text,
        }]
    }

    /// A unit read to be opened: shown on the appraisal screen.
    pub(super) fn unit_loaded(&mut self, data: UnitData) {
        let a = &mut self.appraisal;
        match a.open.as_mut() {
            Some(o) if o.data.unit.code == data.unit.code => o.replace(data),
            _ => a.open = Some(Open::new(data)),
        }
        if std::mem::take(&mut a.jump_to_undecided)
            && let Some(o) = a.open.as_mut()
            && let Some(i) = o.next_undecided(None)
        {
            o.sel = i;
        }
        self.screen = Screen::Appraisal;
    }

    /// The open unit read again (after another instance wrote).
    pub(super) fn unit_reloaded(&mut self, data: UnitData) {
        if let Some(o) = self.appraisal.open.as_mut()
            && o.data.unit.code == data.unit.code
        {
            o.replace(data);
        }
    }

    pub(super) fn saved(&mut self, saved: Saved, data: UnitData, at: String) -> Vec<Effect> {
        self.saving = false;
        self.status_answers_key = true;
        self.last_save = Some(at);
        let lang = self.lang;
        let unit = data.unit.code.clone();
        if let Some(o) = self.appraisal.open.as_mut()
            && o.data.unit.code == unit
        {
            o.replace(data);
            match &saved {
                Saved::Decision { item, score } => {
                    self.appraisal.drafts.remove(&(unit.clone(), item.clone()));
                    let shown = score
                        .map_or_else(|| "—".to_string(), |p| crate::i18n::numbers::score(p, lang));
                    let idx = o.data.set.index_of(item);
                    let state = idx.map(|i| o.state(i)).unwrap_or(State::Undecided);
                    let state = crate::i18n::state_label(state, lang);
                    let said = words::decision_saved(item.as_str(), &shown, state, lang);
                    // The appraiser's last item: what the unit still waits for, and from whom.
                    // The save's acknowledgement stays on the status line (where a member,
                    // and the proofs that read the screen, find it), even when what remains
                    // of the unit for others follows it and is cut there.
                    let said = match o.left_to_others(lang) {
                        Some(left) => format!("{said}. {left}"),
                        None => said,
                    };
                    self.status = Some((said, false));
                    if o.filter != ItemFilter::Adjusted
                        && let Some(i) = idx
                        && let Some(next) = o.next_undecided(Some(i))
                    {
                        if !o.visible().contains(&next) {
                            o.collapsed.clear();
                        }
                        o.sel = next;
                    }
                }
                Saved::Comment { item } => {
                    self.appraisal.drafts.remove(&(unit.clone(), item.clone()));
                    let decided = o
                        .data
                        .set
                        .index_of(item)
                        .is_some_and(|i| o.data.sheet.records[i].decision.is_some());
                    let said = if decided {
                        words::comment_saved(item.as_str(), lang)
                    } else {
                        words::comment_kept(item.as_str(), lang)
                    };
                    self.status = Some((said, false));
                    // Whole in the message area when it does not fit the status line.
                    self.status_fresh = true;
                }
                Saved::Undone { item } => {
                    // What the undo left: the verdict before (or none), and the comment kept.
                    let mut said = words::undone(item.as_str(), lang);
                    if let Some(i) = o.data.set.index_of(item) {
                        o.sel = i;
                        let record = &o.data.sheet.records[i];
                        let back = record.decision.as_ref().map(|d| {
                            let score = d.score.map_or_else(
                                || "—".to_string(),
                                |p| crate::i18n::numbers::score(p, lang),
                            );
                            (score, crate::i18n::state_label(d.state, lang))
                        });
                        let kept = match (&record.decision, &record.kept) {
                            (Some(d), _) => !d.comment.is_empty(),
                            (None, k) => k.is_some(),
                        };
                        said = words::undone_to(item.as_str(), back, kept, lang);
                    }
                    self.status = Some((said, false));
                    // Whole in the message area when it does not fit the status line.
                    self.status_fresh = true;
                }
            }
        }
        // The unit list is reloaded when the user goes back to it, not on every key press:
        // at national scale a group has thousands of units.
        Vec::new()
    }
}
