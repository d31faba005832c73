//! A criteria set: the tree of fields, criteria and sub-criteria for one group and one year,
//! with the optional bonus and deduction blocks, and the rules a score must follow.

use super::codes::{GroupCode, ItemCode, UnitCode};
use super::points::Points;
use std::collections::HashMap;

/// Which part of a set an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// Part of the tree: counts toward the appraisal maximum.
    Regular,
    /// Bonus points, added outside the maximum, capped.
    Bonus,
    /// Deduction points, subtracted outside the maximum, capped.
    Deduction,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Regular => "regular",
            ItemKind::Bonus => "bonus",
            ItemKind::Deduction => "deduction",
        }
    }
}

/// One allowed score of an item, with the rule that earns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreOption {
    pub label: String,
    pub points: Points,
}

/// A band of the ranking as the province writes it: a name (`A`, `Nhóm 1`, `Xuất sắc`) and a
/// lower bound in percent, inclusive ("from 80 %", `min`) or exclusive ("above 90 %", `above`).
/// A unit gets the first band, from the top, whose bound its index passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// The band's name (the field keeps its old name: it was a one-letter code).
    pub code: String,
    /// Percent, e.g. 90 for "A from 90 %".
    pub min: Points,
    /// Whether the bound is exclusive: the index must be strictly above `min`.
    pub above: bool,
}

/// The presets a set can name instead of listing its bands: the name, the other names it is
/// known by (lower case), and its bands.
type Preset = (&'static str, &'static [&'static str], fn() -> Vec<Band>);
const BAND_PRESETS: [Preset; 2] = [
    ("quoc-gia", &["national", "quốc gia"], Band::national),
    ("soc-trang", &["sóc trăng"], Band::soc_trang),
];

impl Band {
    /// A band from `min` percent (inclusive).
    pub fn from_min(name: &str, min: Points) -> Band {
        Band {
            code: name.to_string(),
            min,
            above: false,
        }
    }

    /// A band above `min` percent (exclusive).
    pub fn from_above(name: &str, min: Points) -> Band {
        Band {
            code: name.to_string(),
            min,
            above: true,
        }
    }

    /// The national bands (Quyết định 876/QĐ-BNV): A from 90 %, B from 80 % to under 90 %,
    /// C from 70 % to under 80 %, and D under 70 % as the source document counts it.
    pub fn national() -> Vec<Band> {
        [("A", 90), ("B", 80), ("C", 70), ("D", 0)]
            .into_iter()
            .map(|(name, min)| Band::from_min(name, Points::from_int(min)))
            .collect()
    }

    /// Sóc Trăng's five groups: Nhóm 1 above 90 %, Nhóm 2 from 80 % to 90 % (90 included),
    /// Nhóm 3 from 65 % to under 80 %, Nhóm 4 from 50 % to under 65 %, Nhóm 5 under 50 %.
    pub fn soc_trang() -> Vec<Band> {
        vec![
            Band::from_above("Nhóm 1", Points::from_int(90)),
            Band::from_min("Nhóm 2", Points::from_int(80)),
            Band::from_min("Nhóm 3", Points::from_int(65)),
            Band::from_min("Nhóm 4", Points::from_int(50)),
            Band::from_min("Nhóm 5", Points::ZERO),
        ]
    }

    /// The bands of a preset named in a set (`quoc-gia`, `soc-trang`; `national` too).
    pub fn preset(name: &str) -> Option<Vec<Band>> {
        let name = name.trim().to_lowercase();
        BAND_PRESETS
            .iter()
            .find(|(preset, also, _)| *preset == name || also.contains(&name.as_str()))
            .map(|(_, _, bands)| bands())
    }

    /// The preset these bands are exactly, if any.
    pub fn preset_of(bands: &[Band]) -> Option<&'static str> {
        BAND_PRESETS
            .iter()
            .find(|(_, _, preset)| preset() == bands)
            .map(|(name, _, _)| *name)
    }

    /// Whether an exact index is in this band or above it.
    pub fn holds(&self, index: &super::index::Index) -> bool {
        if self.above {
            index.above_percent(self.min)
        } else {
            index.reaches_percent(self.min)
        }
    }

    /// Whether a percent (a mean, say) is in this band or above it.
    pub fn holds_percent(&self, percent: rust_decimal::Decimal) -> bool {
        if self.above {
            percent > self.min.decimal()
        } else {
            percent >= self.min.decimal()
        }
    }

    /// The band an exact index falls in: its place in `bands` (highest first).
    pub fn of_index(bands: &[Band], index: &super::index::Index) -> Option<usize> {
        bands.iter().position(|b| b.holds(index))
    }

    /// The band a percent falls in.
    pub fn of_percent(bands: &[Band], percent: rust_decimal::Decimal) -> Option<usize> {
        bands.iter().position(|b| b.holds_percent(percent))
    }

    /// Whether the band `lower` sits strictly below `upper` (bands go down from the top).
    pub fn below(upper: &Band, lower: &Band) -> bool {
        lower.min < upper.min || (lower.min == upper.min && upper.above && !lower.above)
    }

    /// Bands written as `A:90,B:80,C:70,D:0`, an exclusive bound as `Nhóm 1:>90` (the command
    /// line's and the database's form), or the name of a preset.
    pub fn parse_list(text: &str) -> Option<Vec<Band>> {
        if let Some(bands) = Band::preset(text) {
            return Some(bands);
        }
        text.split(',')
            .map(|part| {
                let (code, min) = part.rsplit_once(':')?;
                let code = code.trim();
                (!code.is_empty()).then_some(())?;
                let min = min.trim();
                let (above, min) = match min.strip_prefix('>') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, min),
                };
                Some(Band {
                    code: code.to_string(),
                    min: Points::parse(min).ok()?,
                    above,
                })
            })
            .collect()
    }

    /// The bands in the form `parse_list` reads.
    pub fn list_text(bands: &[Band]) -> String {
        bands
            .iter()
            .map(|b| {
                let sign = if b.above { ">" } else { "" };
                format!("{}:{sign}{}", b.code, b.min)
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Where a set comes from: the decision that issued it, or nothing official. A set that names
/// no decision is illustrative ("minh họa"): the built-in sets are, and every screen and
/// document made with one says so.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SetSource {
    #[default]
    Illustrative,
    Decision {
        /// `1941/QĐ-UBND`.
        number: String,
        /// As the decision writes it: `07/8/2023`.
        date: String,
        /// `Ủy ban nhân dân tỉnh Sóc Trăng`.
        issuer: String,
    },
}

impl SetSource {
    pub fn is_illustrative(&self) -> bool {
        matches!(self, SetSource::Illustrative)
    }
}

/// A node as read from a file, before the tree is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSpec {
    pub code: ItemCode,
    pub title: String,
    pub max: Points,
    pub min: Option<Points>,
    pub guidance: Option<String>,
    pub options: Vec<ScoreOption>,
    pub not_applicable_for: Vec<UnitCode>,
    pub kind: ItemKind,
}

/// A bonus or deduction block as read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockSpec {
    pub title: String,
    pub cap: Points,
}

/// A whole set as read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetSpec {
    pub group: GroupCode,
    pub name: String,
    /// The group's name as councils say it, for narrow places (the group tabs).
    pub short_name: Option<String>,
    pub year: i32,
    pub appraisal_max: Points,
    pub survey_max: Points,
    pub bands: Vec<Band>,
    /// The decision that issued the set, or illustrative.
    pub source: SetSource,
    pub nodes: Vec<NodeSpec>,
    pub bonus: Option<BlockSpec>,
    pub deduction: Option<BlockSpec>,
}

/// What is wrong with a set. `index` is the node's place in `SetSpec::nodes`, so a reader can
/// point at the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetError {
    DuplicateCode {
        index: usize,
        code: ItemCode,
    },
    MissingParent {
        index: usize,
        code: ItemCode,
        parent: ItemCode,
    },
    TooDeep {
        index: usize,
        code: ItemCode,
    },
    EmptyTitle {
        index: usize,
        code: ItemCode,
    },
    NegativeMax {
        index: usize,
        code: ItemCode,
    },
    MinAboveMax {
        index: usize,
        code: ItemCode,
    },
    /// The children of a node do not add up to its maximum.
    ChildrenSum {
        index: usize,
        code: ItemCode,
        max: Points,
        sum: Points,
    },
    /// The fields do not add up to the appraisal maximum.
    FieldsSum {
        appraisal_max: Points,
        sum: Points,
    },
    OptionOutOfRange {
        index: usize,
        code: ItemCode,
        points: Points,
    },
    DuplicateOption {
        index: usize,
        code: ItemCode,
        points: Points,
    },
    /// The best option is not the item's maximum.
    OptionsBelowMax {
        index: usize,
        code: ItemCode,
        best: Points,
        max: Points,
    },
    /// An option or not-applicable list on a node that has children.
    RulesOnParent {
        index: usize,
        code: ItemCode,
    },
    NoFields,
    NoBands,
    BandsNotDescending,
    /// A band without a name, or with a comma or a line break in it.
    BadBandName {
        name: String,
    },
    BlockWithoutItems {
        kind: ItemKind,
    },
    ItemsWithoutBlock {
        index: usize,
        kind: ItemKind,
    },
    NonPositiveMaximum,
    /// More items than [`MAX_NODES`]: nothing else is checked.
    TooManyNodes {
        count: usize,
    },
}

impl SetError {
    /// The node the problem is about, if any.
    pub fn index(&self) -> Option<usize> {
        use SetError::*;
        match self {
            DuplicateCode { index, .. }
            | MissingParent { index, .. }
            | TooDeep { index, .. }
            | EmptyTitle { index, .. }
            | NegativeMax { index, .. }
            | MinAboveMax { index, .. }
            | ChildrenSum { index, .. }
            | OptionOutOfRange { index, .. }
            | DuplicateOption { index, .. }
            | OptionsBelowMax { index, .. }
            | RulesOnParent { index, .. }
            | ItemsWithoutBlock { index, .. } => Some(*index),
            _ => None,
        }
    }
}

/// A node of a checked set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub code: ItemCode,
    pub title: String,
    pub max: Points,
    pub min: Points,
    pub guidance: Option<String>,
    pub options: Vec<ScoreOption>,
    pub not_applicable_for: Vec<UnitCode>,
    pub kind: ItemKind,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub depth: usize,
}

impl Node {
    pub fn is_item(&self) -> bool {
        self.children.is_empty()
    }

    pub fn applies_to(&self, unit: &UnitCode) -> bool {
        !self.not_applicable_for.contains(unit)
    }
}

/// A block outside the maximum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub title: String,
    pub cap: Points,
}

/// Why a score cannot be given to an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    BelowMin { min: Points },
    AboveMax { max: Points },
    NotAnOption { allowed: Vec<Points> },
}

/// A checked criteria set. Nodes are in reading order: every parent before its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaSet {
    pub group: GroupCode,
    pub name: String,
    /// The group's name as councils say it, for narrow places (the group tabs).
    pub short_name: Option<String>,
    pub year: i32,
    pub appraisal_max: Points,
    pub survey_max: Points,
    pub bands: Vec<Band>,
    /// The decision that issued the set, or illustrative.
    pub source: SetSource,
    pub bonus: Option<Block>,
    pub deduction: Option<Block>,
    nodes: Vec<Node>,
    by_code: HashMap<ItemCode, usize>,
}

const MAX_DEPTH: usize = 5;
/// Items in one set, far beyond any council's (a set has one to two hundred): a file holding
/// more is refused before it is read whole.
pub const MAX_NODES: usize = 10_000;

impl CriteriaSet {
    /// Checks a set and builds its tree. Returns every problem found, not only the first.
    pub fn build(spec: SetSpec) -> Result<CriteriaSet, Vec<SetError>> {
        if spec.nodes.len() > MAX_NODES {
            return Err(vec![SetError::TooManyNodes {
                count: spec.nodes.len(),
            }]);
        }
        let mut errors = Vec::new();
        let first_index = check_nodes(&spec.nodes, &mut errors);
        check_parents(&spec.nodes, &first_index, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let (nodes, by_code, spec_index) = link_tree(&spec.nodes);
        for (idx, node) in nodes.iter().enumerate() {
            check_node_rules(&nodes, node, spec_index[idx], &mut errors);
        }
        check_fields(&nodes, spec.appraisal_max, &mut errors);
        check_set_rules(&spec, &mut errors);
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.index().unwrap_or(usize::MAX));
            return Err(errors);
        }
        let block = |b: Option<BlockSpec>| {
            b.map(|b| Block {
                title: b.title,
                cap: b.cap,
            })
        };
        Ok(CriteriaSet {
            group: spec.group,
            name: spec.name,
            short_name: spec.short_name,
            year: spec.year,
            appraisal_max: spec.appraisal_max,
            survey_max: spec.survey_max,
            bands: spec.bands,
            source: spec.source,
            bonus: block(spec.bonus),
            deduction: block(spec.deduction),
            nodes,
            by_code,
        })
    }

    /// Every node, parents before children, then the bonus and deduction items.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, idx: usize) -> &Node {
        &self.nodes[idx]
    }

    pub fn index_of(&self, code: &ItemCode) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The node with this code, looked up by its text (no `ItemCode` needs to be built).
    pub fn index_of_str(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    pub fn find(&self, code: &ItemCode) -> Option<&Node> {
        self.index_of(code).map(|i| &self.nodes[i])
    }

    /// Indexes of every scorable item (leaves of the tree, bonus and deduction items).
    pub fn item_indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.is_item())
            .map(|(i, _)| i)
    }

    /// The fields (level 1) of the tree.
    pub fn fields(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == ItemKind::Regular && n.parent.is_none())
            .map(|(i, _)| i)
    }

    /// The field a node belongs to (itself for a field); none for bonus and deduction items.
    pub fn field_of(&self, mut idx: usize) -> Option<usize> {
        if self.nodes[idx].kind != ItemKind::Regular {
            return None;
        }
        while let Some(p) = self.nodes[idx].parent {
            idx = p;
        }
        Some(idx)
    }

    /// How many regular nodes sit at each depth: (fields, criteria, sub-criteria).
    pub fn counts(&self) -> (usize, usize, usize) {
        let at = |d| {
            self.nodes
                .iter()
                .filter(|n| n.kind == ItemKind::Regular && n.depth == d)
                .count()
        };
        (at(1), at(2), at(3))
    }

    /// The band an index falls in, given as exact hundredths of a percent.
    pub fn band_for(&self, index: &super::index::Index) -> Option<&Band> {
        Band::of_index(&self.bands, index).map(|i| &self.bands[i])
    }

    /// Whether `score` is allowed for the item at `idx`.
    pub fn check_score(&self, idx: usize, score: Points) -> Result<(), ScoreError> {
        let node = &self.nodes[idx];
        if !node.options.is_empty() {
            if node.options.iter().any(|o| o.points == score) {
                return Ok(());
            }
            return Err(ScoreError::NotAnOption {
                allowed: node.options.iter().map(|o| o.points).collect(),
            });
        }
        if score < node.min {
            return Err(ScoreError::BelowMin { min: node.min });
        }
        if score > node.max {
            return Err(ScoreError::AboveMax { max: node.max });
        }
        Ok(())
    }
}

/// Checks each node alone (unique code, title, maximum, minimum); returns each code's first place.
fn check_nodes(specs: &[NodeSpec], errors: &mut Vec<SetError>) -> HashMap<ItemCode, usize> {
    let mut first_index: HashMap<ItemCode, usize> = HashMap::new();
    for (i, n) in specs.iter().enumerate() {
        if first_index.contains_key(&n.code) {
            errors.push(SetError::DuplicateCode {
                index: i,
                code: n.code.clone(),
            });
        } else {
            first_index.insert(n.code.clone(), i);
        }
        if n.title.trim().is_empty() {
            errors.push(SetError::EmptyTitle {
                index: i,
                code: n.code.clone(),
            });
        }
        if n.max.is_negative() {
            errors.push(SetError::NegativeMax {
                index: i,
                code: n.code.clone(),
            });
        }
        if n.min.unwrap_or(Points::ZERO) > n.max {
            errors.push(SetError::MinAboveMax {
                index: i,
                code: n.code.clone(),
            });
        }
    }
    first_index
}

/// Checks each regular node's depth and that its parent is a regular node of the set.
fn check_parents(
    specs: &[NodeSpec],
    first_index: &HashMap<ItemCode, usize>,
    errors: &mut Vec<SetError>,
) {
    for (i, n) in specs.iter().enumerate() {
        if n.kind != ItemKind::Regular {
            continue;
        }
        if n.code.depth() > MAX_DEPTH {
            errors.push(SetError::TooDeep {
                index: i,
                code: n.code.clone(),
            });
        }
        if let Some(parent) = n.code.parent() {
            let parent_ok = first_index
                .get(&parent)
                .is_some_and(|&p| specs[p].kind == ItemKind::Regular);
            if !parent_ok {
                errors.push(SetError::MissingParent {
                    index: i,
                    code: n.code.clone(),
                    parent,
                });
            }
        }
    }
}

/// Links the nodes into a tree in reading order: (nodes, index of each code, place in the spec).
fn link_tree(specs: &[NodeSpec]) -> (Vec<Node>, HashMap<ItemCode, usize>, Vec<usize>) {
    // Order: regular nodes by code (parents first), then bonus, then deduction items.
    let mut order: Vec<usize> = (0..specs.len()).collect();
    let kind_rank = |k: ItemKind| match k {
        ItemKind::Regular => 0,
        ItemKind::Bonus => 1,
        ItemKind::Deduction => 2,
    };
    order.sort_by(|&a, &b| {
        let (na, nb) = (&specs[a], &specs[b]);
        kind_rank(na.kind)
            .cmp(&kind_rank(nb.kind))
            .then_with(|| na.code.sort_key().cmp(&nb.code.sort_key()))
    });
    let mut nodes: Vec<Node> = Vec::with_capacity(order.len());
    let mut by_code = HashMap::new();
    let mut spec_index = Vec::with_capacity(order.len());
    for &i in &order {
        let n = &specs[i];
        let parent = if n.kind == ItemKind::Regular {
            n.code.parent().map(|p| by_code[&p])
        } else {
            None
        };
        let idx = nodes.len();
        if let Some(p) = parent {
            let parent_node: &mut Node = &mut nodes[p];
            parent_node.children.push(idx);
        }
        by_code.insert(n.code.clone(), idx);
        spec_index.push(i);
        let mut options = n.options.clone();
        options.sort_by_key(|o| std::cmp::Reverse(o.points));
        nodes.push(Node {
            code: n.code.clone(),
            title: n.title.trim().to_string(),
            max: n.max,
            min: n.min.unwrap_or(Points::ZERO),
            guidance: n.guidance.clone().filter(|g| !g.trim().is_empty()),
            options,
            not_applicable_for: n.not_applicable_for.clone(),
            kind: n.kind,
            parent,
            children: Vec::new(),
            depth: if n.kind == ItemKind::Regular {
                n.code.depth()
            } else {
                1
            },
        });
    }
    (nodes, by_code, spec_index)
}

/// Checks one linked node (`i`: its place in the spec): children's sum, parent rules, options.
fn check_node_rules(nodes: &[Node], node: &Node, i: usize, errors: &mut Vec<SetError>) {
    if !node.children.is_empty() {
        let sum: Points = node.children.iter().map(|&c| nodes[c].max).sum();
        if sum != node.max {
            errors.push(SetError::ChildrenSum {
                index: i,
                code: node.code.clone(),
                max: node.max,
                sum,
            });
        }
        if !node.options.is_empty() || !node.not_applicable_for.is_empty() {
            errors.push(SetError::RulesOnParent {
                index: i,
                code: node.code.clone(),
            });
        }
    }
    let mut seen = Vec::new();
    for o in &node.options {
        if o.points > node.max || o.points < node.min {
            errors.push(SetError::OptionOutOfRange {
                index: i,
                code: node.code.clone(),
                points: o.points,
            });
        }
        if seen.contains(&o.points) {
            errors.push(SetError::DuplicateOption {
                index: i,
                code: node.code.clone(),
                points: o.points,
            });
        }
        seen.push(o.points);
    }
    if let Some(best) = node.options.first().map(|o| o.points)
        && best < node.max
    {
        errors.push(SetError::OptionsBelowMax {
            index: i,
            code: node.code.clone(),
            best,
            max: node.max,
        });
    }
}

/// Checks that the set has fields and that they add up to the appraisal maximum.
fn check_fields(nodes: &[Node], appraisal_max: Points, errors: &mut Vec<SetError>) {
    let fields: Vec<&Node> = nodes
        .iter()
        .filter(|n| n.kind == ItemKind::Regular && n.parent.is_none())
        .collect();
    if fields.is_empty() {
        errors.push(SetError::NoFields);
    } else {
        let sum: Points = fields.iter().map(|n| n.max).sum();
        if sum != appraisal_max {
            errors.push(SetError::FieldsSum { appraisal_max, sum });
        }
    }
}

/// Checks the set as a whole: a positive maximum, descending bands, blocks matching their items.
fn check_set_rules(spec: &SetSpec, errors: &mut Vec<SetError>) {
    if spec.appraisal_max + spec.survey_max <= Points::ZERO {
        errors.push(SetError::NonPositiveMaximum);
    }
    if spec.bands.is_empty() {
        errors.push(SetError::NoBands);
    } else if spec.bands.windows(2).any(|w| !Band::below(&w[0], &w[1])) {
        errors.push(SetError::BandsNotDescending);
    }
    if let Some(b) = spec
        .bands
        .iter()
        .find(|b| b.code.trim().is_empty() || b.code.contains([',', '\n']))
    {
        errors.push(SetError::BadBandName {
            name: b.code.clone(),
        });
    }
    for (kind, block) in [
        (ItemKind::Bonus, &spec.bonus),
        (ItemKind::Deduction, &spec.deduction),
    ] {
        let first = spec.nodes.iter().position(|n| n.kind == kind);
        match (block, first) {
            (Some(_), None) => errors.push(SetError::BlockWithoutItems { kind }),
            (None, Some(index)) => errors.push(SetError::ItemsWithoutBlock { index, kind }),
            _ => {}
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn p(s: &str) -> Points {
        Points::parse(s).unwrap()
    }

    pub fn node(code: &str, max: &str) -> NodeSpec {
        NodeSpec {
            code: ItemCode::parse(code).unwrap(),
            title: format!("Tiêu chí {code}"),
            max: p(max),
            min: None,
            guidance: None,
            options: Vec::new(),
            not_applicable_for: Vec::new(),
            kind: ItemKind::Regular,
        }
    }

    pub fn bands() -> Vec<Band> {
        Band::national()
    }

    pub fn spec(nodes: Vec<NodeSpec>, appraisal_max: &str, survey_max: &str) -> SetSpec {
        SetSpec {
            group: GroupCode::parse("so-nganh").unwrap(),
            name: "Sở, ban, ngành tỉnh".into(),
            short_name: None,
            year: 2022,
            appraisal_max: p(appraisal_max),
            survey_max: p(survey_max),
            bands: bands(),
            source: SetSource::Illustrative,
            nodes,
            bonus: None,
            deduction: None,
        }
    }

    /// A small set: field 1 (3 points: 1.1 with two subs, 1.2), field 2 (2 points).
    pub fn small_set() -> CriteriaSet {
        let mut opt = node("1.2", "1");
        opt.options = vec![
            ScoreOption {
                label: "Đạt".into(),
                points: p("1"),
            },
            ScoreOption {
                label: "Một phần".into(),
                points: p("0.5"),
            },
            ScoreOption {
                label: "Không".into(),
                points: p("0"),
            },
        ];
        let mut na = node("2.1", "2");
        na.not_applicable_for = vec![UnitCode::parse("SNGV").unwrap()];
        CriteriaSet::build(spec(
            vec![
                node("1", "3"),
                node("1.1", "2"),
                node("1.1.1", "1.25"),
                node("1.1.2", "0.75"),
                opt,
                node("2", "2"),
                na,
            ],
            "5",
            "5",
        ))
        .unwrap()
    }

    #[test]
    fn builds_the_tree_in_reading_order() {
        let set = small_set();
        let codes: Vec<&str> = set.nodes().iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1"]);
        assert_eq!(set.counts(), (2, 3, 2));
        let items: Vec<&str> = set
            .item_indexes()
            .map(|i| set.node(i).code.as_str())
            .collect();
        assert_eq!(items, ["1.1.1", "1.1.2", "1.2", "2.1"]);
        let sub = set.index_of(&ItemCode::parse("1.1.2").unwrap()).unwrap();
        assert_eq!(set.node(set.field_of(sub).unwrap()).code.as_str(), "1");
    }

    #[test]
    fn sorts_codes_numerically_whatever_the_file_order() {
        let set = CriteriaSet::build(spec(
            vec![
                node("1.10", "1"),
                node("1", "3"),
                node("1.2", "1"),
                node("1.1", "1"),
            ],
            "3",
            "1",
        ))
        .unwrap();
        let codes: Vec<&str> = set.nodes().iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["1", "1.1", "1.2", "1.10"]);
    }

    #[test]
    fn refuses_children_that_do_not_add_up_naming_the_node() {
        let errs = CriteriaSet::build(spec(
            vec![node("1", "3"), node("1.1", "1"), node("1.2", "1.5")],
            "3",
            "1",
        ))
        .unwrap_err();
        assert_eq!(
            errs,
            vec![SetError::ChildrenSum {
                index: 0,
                code: ItemCode::parse("1").unwrap(),
                max: p("3"),
                sum: p("2.5")
            }]
        );
    }

    #[test]
    fn refuses_fields_that_do_not_add_up_to_the_appraisal_maximum() {
        let errs =
            CriteriaSet::build(spec(vec![node("1", "3"), node("2", "2")], "63", "37")).unwrap_err();
        assert_eq!(
            errs,
            vec![SetError::FieldsSum {
                appraisal_max: p("63"),
                sum: p("5")
            }]
        );
    }

    #[test]
    fn refuses_duplicates_and_orphans() {
        let errs = CriteriaSet::build(spec(
            vec![node("1", "1"), node("1", "1"), node("3.1", "1")],
            "1",
            "1",
        ))
        .unwrap_err();
        assert!(errs.contains(&SetError::DuplicateCode {
            index: 1,
            code: ItemCode::parse("1").unwrap()
        }));
        assert!(errs.contains(&SetError::MissingParent {
            index: 2,
            code: ItemCode::parse("3.1").unwrap(),
            parent: ItemCode::parse("3").unwrap()
        }));
    }

    #[test]
    fn refuses_options_that_do_not_reach_the_maximum() {
        let mut n = node("1", "1");
        n.options = vec![ScoreOption {
            label: "x".into(),
            points: p("0.5"),
        }];
        let errs = CriteriaSet::build(spec(vec![n], "1", "1")).unwrap_err();
        assert!(matches!(errs[0], SetError::OptionsBelowMax { .. }));
    }

    #[test]
    fn checks_scores_against_range_and_options() {
        let set = small_set();
        let free = set.index_of(&ItemCode::parse("1.1.1").unwrap()).unwrap();
        assert_eq!(set.check_score(free, p("1.25")), Ok(()));
        assert_eq!(set.check_score(free, p("0")), Ok(()));
        assert_eq!(
            set.check_score(free, p("1.5")),
            Err(ScoreError::AboveMax { max: p("1.25") })
        );
        assert_eq!(
            set.check_score(free, p("-0.5")),
            Err(ScoreError::BelowMin { min: p("0") })
        );
        let opt = set.index_of(&ItemCode::parse("1.2").unwrap()).unwrap();
        assert_eq!(set.check_score(opt, p("0.5")), Ok(()));
        assert_eq!(
            set.check_score(opt, p("0.75")),
            Err(ScoreError::NotAnOption {
                allowed: vec![p("1"), p("0.5"), p("0")]
            })
        );
    }

    #[test]
    fn bands_must_descend() {
        let mut s = spec(vec![node("1", "1")], "1", "1");
        s.bands.swap(0, 1);
        assert_eq!(
            CriteriaSet::build(s).unwrap_err(),
            vec![SetError::BandsNotDescending]
        );
    }

    /// The band of an exact index `total / 100`.
    fn band_at(bands: &[Band], total: &str) -> Option<String> {
        let index = crate::domain::index::Index::new(p(total), p("100")).unwrap();
        let by_index = Band::of_index(bands, &index).map(|i| bands[i].code.clone());
        // A percent (a group's mean) falls in the same band as an exact index.
        let by_percent = Band::of_percent(bands, p(total).decimal()).map(|i| bands[i].code.clone());
        assert_eq!(by_index, by_percent, "at {total} %");
        by_index
    }

    #[test]
    fn national_preset_is_exact_at_every_boundary() {
        let b = Band::national();
        for (total, band) in [
            ("100", "A"),
            ("90", "A"),
            ("89.99", "B"),
            ("80", "B"),
            ("79.99", "C"),
            ("70", "C"),
            ("69.99", "D"),
            ("0", "D"),
        ] {
            assert_eq!(band_at(&b, total).as_deref(), Some(band), "at {total} %");
        }
    }

    #[test]
    fn soc_trang_preset_is_exact_at_every_boundary() {
        let b = Band::soc_trang();
        for (total, band) in [
            ("100", "Nhóm 1"),
            ("90.01", "Nhóm 1"),
            // "Nhóm 1 trên 90 %, Nhóm 2 từ 80 đến 90 %": exactly 90 is Nhóm 2.
            ("90", "Nhóm 2"),
            ("80", "Nhóm 2"),
            ("79.99", "Nhóm 3"),
            ("65", "Nhóm 3"),
            ("64.99", "Nhóm 4"),
            ("50", "Nhóm 4"),
            ("49.99", "Nhóm 5"),
            ("0", "Nhóm 5"),
        ] {
            assert_eq!(band_at(&b, total).as_deref(), Some(band), "at {total} %");
        }
    }

    #[test]
    fn an_exact_index_between_hundredths_falls_on_the_right_side() {
        // 180.01 of 200 is 90.005 %: above 90, so Nhóm 1; 179.99 of 200 is Nhóm 2.
        let b = Band::soc_trang();
        let i = crate::domain::index::Index::new(p("180.01"), p("200")).unwrap();
        assert_eq!(Band::of_index(&b, &i), Some(0));
        let i = crate::domain::index::Index::new(p("180"), p("200")).unwrap();
        assert_eq!(Band::of_index(&b, &i), Some(1));
    }

    #[test]
    fn presets_are_named_and_both_build() {
        assert_eq!(Band::preset("soc-trang"), Some(Band::soc_trang()));
        assert_eq!(Band::preset("quoc-gia"), Some(Band::national()));
        assert_eq!(Band::preset("national"), Some(Band::national()));
        assert_eq!(Band::preset("tinh-khac"), None);
        assert_eq!(Band::preset_of(&Band::soc_trang()), Some("soc-trang"));
        assert_eq!(Band::preset_of(&Band::national()), Some("quoc-gia"));
        let mut s = spec(vec![node("1", "1")], "1", "1");
        s.bands = Band::soc_trang();
        assert!(CriteriaSet::build(s).is_ok());
    }

    #[test]
    fn stored_bands_read_back_and_old_text_still_reads() {
        for bands in [Band::national(), Band::soc_trang()] {
            assert_eq!(Band::parse_list(&Band::list_text(&bands)), Some(bands));
        }
        assert_eq!(
            Band::list_text(&Band::soc_trang()),
            "Nhóm 1:>90,Nhóm 2:80,Nhóm 3:65,Nhóm 4:50,Nhóm 5:0"
        );
        // The form written before bands had names and exclusive bounds.
        assert_eq!(
            Band::parse_list("A:90,B:80,C:70,D:0"),
            Some(Band::national())
        );
        assert_eq!(Band::parse_list("soc-trang"), Some(Band::soc_trang()));
        assert_eq!(Band::parse_list("A:>x"), None);
    }

    #[test]
    fn an_exclusive_band_may_share_its_bound_with_the_inclusive_one_below() {
        let mut s = spec(vec![node("1", "1")], "1", "1");
        s.bands = vec![Band::from_min("X", p("90")), Band::from_above("Y", p("90"))];
        assert_eq!(
            CriteriaSet::build(s).unwrap_err(),
            vec![SetError::BandsNotDescending]
        );
        let mut s = spec(vec![node("1", "1")], "1", "1");
        s.bands = vec![Band::from_min("A, B", p("90")), Band::from_min("C", p("0"))];
        assert_eq!(
            CriteriaSet::build(s).unwrap_err(),
            vec![SetError::BadBandName {
                name: "A, B".into()
            }]
        );
    }
}
