//! The ledger: the audit log as a SHA-256 hash chain, and its replay against the decisions.
//!
//! Row `i` of the log carries `SHA-256(hash of row i−1 ‖ encode(row i))`, the first row
//! chaining on 32 zero bytes. `encode` writes the row's 17 columns (`COLUMNS`, in that order),
//! each as a tag byte and its value: `00` NULL; `01` and 8 bytes big-endian for an integer;
//! `02`, a 4-byte big-endian length and the UTF-8 bytes for a text (`03` and 8 bytes for a
//! real, `04`, a length and the bytes for a blob, which the schema never holds).
//! `docs/reference.md` ("The ledger") says the same, and `bench/verify-ledger.py` checks a
//! file with it.
//!
//! The replay walks the log in order and keeps, for every item, the decision the log leaves
//! it at; each row must start from that decision, and the decisions table must hold what the
//! replay ends with. Nothing here reads the database: the store feeds the rows.

use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// The columns of an audit row that its hash covers, in the order they are encoded.
pub const COLUMNS: [&str; 17] = [
    "id",
    "at",
    "appraiser",
    "action",
    "year",
    "unit",
    "item",
    "old_state",
    "old_score",
    "old_comment",
    "old_appraiser",
    "old_decided_at",
    "old_round",
    "new_state",
    "new_score",
    "comment",
    "undoes",
];

/// Positions in `COLUMNS`.
pub mod col {
    pub const ID: usize = 0;
    pub const AT: usize = 1;
    pub const APPRAISER: usize = 2;
    pub const ACTION: usize = 3;
    pub const YEAR: usize = 4;
    pub const UNIT: usize = 5;
    pub const ITEM: usize = 6;
    pub const OLD_STATE: usize = 7;
    pub const OLD_SCORE: usize = 8;
    pub const OLD_COMMENT: usize = 9;
    pub const OLD_APPRAISER: usize = 10;
    pub const OLD_DECIDED_AT: usize = 11;
    pub const OLD_ROUND: usize = 12;
    pub const NEW_STATE: usize = 13;
    pub const NEW_SCORE: usize = 14;
    pub const COMMENT: usize = 15;
    pub const UNDOES: usize = 16;
}

/// The action of the row a migration writes after chaining the rows that were there before
/// (which were written before the log had a chain).
pub const CHAINED: &str = "chained";

/// A value of a column, as SQLite holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    pub fn opt_text(s: Option<&str>) -> Value {
        s.map_or(Value::Null, Value::text)
    }

    pub fn opt_int(v: Option<i64>) -> Value {
        v.map_or(Value::Null, Value::Int)
    }
}

pub type Hash = [u8; 32];

/// What the first row chains on.
pub const GENESIS: Hash = [0; 32];

/// Appends the encoding of a row's values to `out`.
pub fn encode(values: &[Value], out: &mut Vec<u8>) {
    for v in values {
        match v {
            Value::Null => out.push(0),
            Value::Int(i) => {
                out.push(1);
                out.extend_from_slice(&i.to_be_bytes());
            }
            Value::Text(s) => {
                out.push(2);
                out.extend_from_slice(&(s.len() as u32).to_be_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            Value::Real(f) => {
                out.push(3);
                out.extend_from_slice(&f.to_bits().to_be_bytes());
            }
            Value::Blob(b) => {
                out.push(4);
                out.extend_from_slice(&(b.len() as u32).to_be_bytes());
                out.extend_from_slice(b);
            }
        }
    }
}

/// The hash of a row whose predecessor's hash is `prev`.
pub fn chain(prev: &Hash, values: &[Value]) -> Hash {
    let mut buf = Vec::with_capacity(256);
    buf.extend_from_slice(prev);
    encode(values, &mut buf);
    Sha256::digest(&buf).into()
}

pub fn to_hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// A hash written as 64 hex digits (either case).
pub fn from_hex(s: &str) -> Option<Hash> {
    let s = s.trim();
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut h = [0u8; 32];
    for (i, b) in h.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(h)
}

/// The head of the ledger: how many entries it has and the hash of the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub entries: u64,
    pub last: Hash,
}

/// How many hex digits of the last hash are printed with a result.
pub const PRINTED_DIGITS: usize = 16;

impl Head {
    /// As it is printed on what leaves the tool: `N:` and the first 16 hex digits.
    pub fn printed(&self) -> String {
        format!("{}:{}", self.entries, &to_hex(&self.last)[..PRINTED_DIGITS])
    }
}

impl std::fmt::Display for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.printed())
    }
}

/// A head as it was printed, read back: `N:HEX` (at least 8 hex digits of the hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedHead {
    pub entries: u64,
    /// Lower-case hex digits.
    pub prefix: String,
}

impl PrintedHead {
    pub fn parse(s: &str) -> Option<PrintedHead> {
        let (n, hex) = s.trim().split_once(':')?;
        let entries = n.trim().parse().ok()?;
        let hex = hex.trim().to_ascii_lowercase();
        let ok = (8..=64).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit());
        ok.then_some(PrintedHead {
            entries,
            prefix: hex,
        })
    }

    pub fn matches(&self, h: &Hash) -> bool {
        to_hex(h).starts_with(&self.prefix)
    }
}

impl std::fmt::Display for PrintedHead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.entries, self.prefix)
    }
}

/// One row of the audit log as stored: its columns (`COLUMNS`) and its hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub values: Vec<Value>,
    /// The hash column as stored (None: NULL or not a text).
    pub hash: Option<String>,
}

impl Entry {
    pub fn id(&self) -> i64 {
        self.int(col::ID).unwrap_or(0)
    }

    pub fn int(&self, c: usize) -> Option<i64> {
        match self.values.get(c) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }

    pub fn text(&self, c: usize) -> Option<&str> {
        match self.values.get(c) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }

    pub fn action(&self) -> &str {
        self.text(col::ACTION).unwrap_or("")
    }

    /// The item this row is about, as a key.
    pub fn key(&self) -> Option<Key> {
        Some(Key {
            year: self.int(col::YEAR)?,
            unit: self.text(col::UNIT)?.to_string(),
            item: self.text(col::ITEM)?.to_string(),
        })
    }

    /// What the row is about, for a sentence.
    pub fn place(&self) -> Place {
        Place {
            id: self.id(),
            year: self.int(col::YEAR),
            unit: self.text(col::UNIT).unwrap_or("").to_string(),
            item: self.text(col::ITEM).map(str::to_string),
            action: self.action().to_string(),
            at: self.text(col::AT).unwrap_or("").to_string(),
        }
    }

    /// The decision the row says the item had before it (None: undecided).
    pub fn before(&self) -> Option<Dec> {
        let state = self.text(col::OLD_STATE)?;
        Some(Dec {
            state: state.to_string(),
            score: self.int(col::OLD_SCORE),
            comment: self.text(col::OLD_COMMENT).unwrap_or("").to_string(),
            appraiser: self.text(col::OLD_APPRAISER).unwrap_or("").to_string(),
            decided_at: self.text(col::OLD_DECIDED_AT).unwrap_or("").to_string(),
            round: self.int(col::OLD_ROUND).unwrap_or(1),
        })
    }
}

/// An item of a unit in a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub year: i64,
    pub unit: String,
    pub item: String,
}

/// A decision as the decisions table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dec {
    pub state: String,
    pub score: Option<i64>,
    pub comment: String,
    pub appraiser: String,
    pub decided_at: String,
    pub round: i64,
}

/// The round of a new decision on an item whose decision was `old` (state, round): round 2
/// once an explanation was requested, and from then on.
pub fn round_after(old: Option<(&str, i64)>) -> i64 {
    match old {
        Some((state, round)) if state == "explanation_requested" || round >= 2 => 2,
        _ => 1,
    }
}

/// What a row of the log is about, for a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub id: i64,
    pub year: Option<i64>,
    pub unit: String,
    pub item: Option<String>,
    pub action: String,
    pub at: String,
}

/// A value in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// A decision's state; None: not decided.
    State(Option<String>),
    /// Points in hundredths; None: no score.
    Score(Option<i64>),
    Text(String),
    Number(i64),
    /// Open or closed.
    Closed(bool),
    /// Nothing there (NULL, or no such row).
    Nothing,
}

/// Where the value a row or the table should have was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// What the rows before it leave the item at.
    LogBefore,
    /// The next row on the same item, which says what it started from.
    NextRow(i64),
    /// The decisions table (or the units table, for a closing).
    Table,
    /// The row an undo undoes.
    Undone(i64),
    /// The rules of the log (an undo of a row that is no decision, say).
    Rules,
}

/// One field that disagrees: its name, what it should be, what is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub field: &'static str,
    pub expected: Shown,
    pub found: Shown,
    pub source: Source,
}

/// Which field of a row whose hash broke was changed, as far as the other records tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suspect {
    /// This field disagrees with them.
    Named(Mismatch),
    /// They all agree with the row (the row may have been inserted, moved or edited where
    /// nothing else repeats it).
    NoneTells,
    /// Not looked for (the screens' fast check).
    NotLooked,
}

impl Suspect {
    pub fn of(m: Option<Mismatch>) -> Suspect {
        m.map_or(Suspect::NoneTells, Suspect::Named)
    }
}

/// The first thing that breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// A trigger that guards the log is gone (or changed).
    Trigger { name: String, missing: bool },
    /// Rows are missing before this one: its id is not the one after the previous row's.
    Gap { missing_from: i64, row: Place },
    /// The row has no hash (it was not written by thamdinh).
    NoHash {
        row: Place,
        computed: String,
        field: Suspect,
    },
    /// The row's content no longer gives the hash it was chained with; `field` names the
    /// field the other records disagree with, when one does.
    Hash {
        row: Place,
        computed: String,
        stored: String,
        field: Suspect,
    },
    /// The row's hash is right but it does not follow from the rows before it (the whole
    /// chain was computed again after a change).
    Replay { row: Place, field: Mismatch },
    /// SQLite's own counter says more rows were written than there are.
    Sequence { last: i64, written: i64 },
    /// A decision is not what the log leaves it at.
    Decision {
        key: Key,
        field: Mismatch,
        /// The last row of the log on that item.
        last_row: Option<i64>,
    },
    /// A unit is closed (or open) where the log leaves it open (or closed).
    Closed {
        year: i64,
        unit: String,
        log: bool,
        table: bool,
    },
    /// A unit's comparison figure in the table differs from what the log leaves it (a value
    /// in hundredths or none, for "no comparison"; the outer none: no figure of the council).
    Previous {
        year: i64,
        unit: String,
        log: Option<Option<i64>>,
        table: Option<Option<i64>>,
    },
    /// A comment kept on an undecided item differs from what the log leaves there (none: no
    /// kept comment).
    Kept {
        key: Key,
        log: Option<String>,
        table: Option<String>,
    },
    /// A scope's rows (a unit's self scores, a group's set …) are not what the last write of
    /// thamdinh sealed: they were changed outside thamdinh after it (see `domain::seal`).
    Sealed {
        scope: super::seal::Scope,
        tamper: super::seal::Tamper,
    },
    /// A seal row does not read as `KIND HEX`.
    BadSeal { row: Place },
    /// A unit's stored totals (the copy rankings read) are not what its scores give: the
    /// copy was changed outside thamdinh. `stored` and `computed` are its appraisal points
    /// in hundredths; `parts_only`: only its points per field and criterion disagree.
    StoredTotals {
        year: i64,
        unit: String,
        stored: i64,
        computed: i64,
        parts_only: bool,
    },
    /// The row last verified on this computer changed or is gone (the screens' check).
    Anchor {
        id: i64,
        expected: String,
        found: Option<String>,
    },
}

/// The first field where two decisions differ, with the names the fields have in the place
/// they were read from (state, score, comment, appraiser, decided_at, round).
pub fn diff(
    expected: Option<&Dec>,
    found: Option<&Dec>,
    names: [&'static str; 6],
    source: Source,
) -> Option<Mismatch> {
    let m = |field, expected, found| {
        Some(Mismatch {
            field,
            expected,
            found,
            source: source.clone(),
        })
    };
    match (expected, found) {
        (None, None) => None,
        (Some(e), Some(f)) => {
            if e.state != f.state {
                m(
                    names[0],
                    Shown::State(Some(e.state.clone())),
                    Shown::State(Some(f.state.clone())),
                )
            } else if e.score != f.score {
                m(names[1], Shown::Score(e.score), Shown::Score(f.score))
            } else if e.comment != f.comment {
                m(
                    names[2],
                    Shown::Text(e.comment.clone()),
                    Shown::Text(f.comment.clone()),
                )
            } else if e.appraiser != f.appraiser {
                m(
                    names[3],
                    Shown::Text(e.appraiser.clone()),
                    Shown::Text(f.appraiser.clone()),
                )
            } else if e.decided_at != f.decided_at {
                m(
                    names[4],
                    Shown::Text(e.decided_at.clone()),
                    Shown::Text(f.decided_at.clone()),
                )
            } else if e.round != f.round {
                m(names[5], Shown::Number(e.round), Shown::Number(f.round))
            } else {
                None
            }
        }
        (e, f) => m(
            names[0],
            Shown::State(e.map(|d| d.state.clone())),
            Shown::State(f.map(|d| d.state.clone())),
        ),
    }
}

/// The names of a row's "before" fields.
pub const OLD_FIELDS: [&str; 6] = [
    "old_state",
    "old_score",
    "old_comment",
    "old_appraiser",
    "old_decided_at",
    "old_round",
];
/// The names of the fields a row sets (the round is not stored: it follows from the old one).
pub const NEW_FIELDS: [&str; 6] = [
    "new_state",
    "new_score",
    "comment",
    "appraiser",
    "at",
    "round",
];
/// The names of the decisions table's fields.
pub const TABLE_FIELDS: [&str; 6] = [
    "state",
    "score",
    "comment",
    "appraiser",
    "decided_at",
    "round",
];

/// A council's comparison figure as the log leaves it: hundredths (none: no comparison) and
/// the reason.
pub type CouncilFigure = (Option<i64>, String);

/// The log replayed: every item's decision and every unit's closing as the rows so far leave
/// them.
#[derive(Debug, Default)]
pub struct Replay {
    /// Only rows of this year are replayed (all when None).
    pub year: Option<i64>,
    pub decisions: HashMap<Key, (Dec, i64)>,
    /// Items the log left undecided again (by an undo), with that row.
    pub cleared: HashMap<Key, i64>,
    pub closed: HashMap<(i64, String), bool>,
    /// The council's comparison figure of each unit as the log leaves it: (hundredths or
    /// none, reason), or none when taken back.
    pub previous: HashMap<(i64, String), Option<CouncilFigure>>,
    /// Comments kept on undecided items.
    pub kept: HashMap<Key, String>,
    undone: HashSet<i64>,
    /// Rows replayed.
    pub rows: u64,
}

impl Replay {
    pub fn new(year: Option<i64>) -> Replay {
        Replay {
            year,
            ..Replay::default()
        }
    }

    /// Whether a row is replayed here (its year is the one asked for).
    pub fn covers(&self, e: &Entry) -> bool {
        self.year.is_none_or(|y| e.int(col::YEAR) == Some(y))
    }

    /// The decision the rows before leave an item at.
    pub fn current(&self, key: &Key) -> Option<&Dec> {
        self.decisions.get(key).map(|(d, _)| d)
    }

    /// Whether a row starts from what the rows before it leave its item at.
    pub fn check_before(&self, e: &Entry) -> Option<Mismatch> {
        let key = e.key()?;
        let current = self.current(&key);
        let before = e.before();
        if let m @ Some(_) = diff(current, before.as_ref(), OLD_FIELDS, Source::LogBefore) {
            return m;
        }
        // Undecided before: nothing else of the old decision may be there either.
        if before.is_none() {
            let olds = [
                col::OLD_SCORE,
                col::OLD_COMMENT,
                col::OLD_APPRAISER,
                col::OLD_DECIDED_AT,
                col::OLD_ROUND,
            ];
            for (i, c) in olds.into_iter().enumerate() {
                let found = match &e.values[c] {
                    Value::Null => continue,
                    Value::Int(n) if c == col::OLD_SCORE => Shown::Score(Some(*n)),
                    Value::Int(n) => Shown::Number(*n),
                    Value::Text(t) => Shown::Text(t.clone()),
                    _ => Shown::Text("?".into()),
                };
                return Some(Mismatch {
                    field: OLD_FIELDS[i + 1],
                    expected: Shown::Nothing,
                    found,
                    source: Source::LogBefore,
                });
            }
        }
        None
    }

    /// What a row leaves its item at, if it is a decision, a comment or an undo (`undone`: the
    /// row an undo undoes). Err: the row cannot be replayed.
    pub fn after(&self, e: &Entry, undone: Option<&Entry>) -> Result<Option<Dec>, Mismatch> {
        let key = e.key();
        let rules = |field, expected: Shown, found: Shown| Mismatch {
            field,
            expected,
            found,
            source: Source::Rules,
        };
        let current = key.as_ref().and_then(|k| self.current(k));
        match e.action() {
            "decide" => {
                let state = e.text(col::NEW_STATE).ok_or_else(|| {
                    rules("new_state", Shown::Text("agreed".into()), Shown::Nothing)
                })?;
                Ok(Some(Dec {
                    state: state.to_string(),
                    score: e.int(col::NEW_SCORE),
                    comment: e.text(col::COMMENT).unwrap_or("").to_string(),
                    appraiser: e.text(col::APPRAISER).unwrap_or("").to_string(),
                    decided_at: e.text(col::AT).unwrap_or("").to_string(),
                    round: round_after(current.map(|d| (d.state.as_str(), d.round))),
                }))
            }
            "comment" => {
                let Some(d) = current else {
                    // A comment on an undecided item is kept for its decision: it sets no
                    // verdict.
                    if e.text(col::NEW_STATE).is_some() || e.int(col::NEW_SCORE).is_some() {
                        return Err(Mismatch {
                            field: "new_state",
                            expected: Shown::State(None),
                            found: Shown::State(e.text(col::NEW_STATE).map(str::to_string)),
                            source: Source::LogBefore,
                        });
                    }
                    return Ok(None);
                };
                if e.text(col::NEW_STATE) != Some(d.state.as_str()) {
                    return Err(Mismatch {
                        field: "new_state",
                        expected: Shown::State(Some(d.state.clone())),
                        found: Shown::State(e.text(col::NEW_STATE).map(str::to_string)),
                        source: Source::LogBefore,
                    });
                }
                if e.int(col::NEW_SCORE) != d.score {
                    return Err(Mismatch {
                        field: "new_score",
                        expected: Shown::Score(d.score),
                        found: Shown::Score(e.int(col::NEW_SCORE)),
                        source: Source::LogBefore,
                    });
                }
                Ok(Some(Dec {
                    comment: e.text(col::COMMENT).unwrap_or("").to_string(),
                    ..d.clone()
                }))
            }
            "undo" => {
                let target = e.int(col::UNDOES);
                let Some(u) = undone else {
                    return Err(rules(
                        "undoes",
                        Shown::Text("decide".into()),
                        Shown::Number(target.unwrap_or(0)),
                    ));
                };
                let uid = u.id();
                if u.action() != "decide" || u.key() != key || uid >= e.id() {
                    return Err(rules(
                        "undoes",
                        Shown::Text("decide".into()),
                        Shown::Number(uid),
                    ));
                }
                if self.undone.contains(&uid) {
                    return Err(rules("undoes", Shown::Nothing, Shown::Number(uid)));
                }
                let restored = u.before();
                let found_state = e.text(col::NEW_STATE).map(str::to_string);
                if found_state != restored.as_ref().map(|d| d.state.clone()) {
                    return Err(Mismatch {
                        field: "new_state",
                        expected: Shown::State(restored.map(|d| d.state)),
                        found: Shown::State(found_state),
                        source: Source::Undone(uid),
                    });
                }
                if e.int(col::NEW_SCORE) != u.int(col::OLD_SCORE) {
                    return Err(Mismatch {
                        field: "new_score",
                        expected: Shown::Score(u.int(col::OLD_SCORE)),
                        found: Shown::Score(e.int(col::NEW_SCORE)),
                        source: Source::Undone(uid),
                    });
                }
                // The verdict goes back; the comment the row names stays (since version 12 the
                // comment as it stood, before it the one the undone row replaced).
                Ok(restored.map(|d| Dec {
                    comment: e.text(col::COMMENT).unwrap_or("").to_string(),
                    ..d
                }))
            }
            _ => Ok(None),
        }
    }

    /// Replays one row (`undone`: the row an undo undoes, looked up by the caller).
    pub fn apply(&mut self, e: &Entry, undone: Option<&Entry>) -> Result<(), Mismatch> {
        // Imports and seals are checked against their data (`domain::seal`), not replayed.
        if !self.covers(e) || matches!(e.action(), super::seal::IMPORT | super::seal::SEAL) {
            return Ok(());
        }
        self.rows += 1;
        let action = e.action();
        match action {
            "decide" | "comment" | "undo" => {
                if e.key().is_none() {
                    return Err(Mismatch {
                        field: "item",
                        expected: Shown::Text("1.1.1".into()),
                        found: Shown::Nothing,
                        source: Source::Rules,
                    });
                }
                if let Some(m) = self.check_before(e) {
                    return Err(m);
                }
                let after = self.after(e, undone)?;
                let key = e.key().expect("checked above");
                if action == "undo" {
                    self.undone.insert(undone.map(Entry::id).unwrap_or(0));
                }
                // What the row leaves as a kept comment: a decision takes it; a comment on an
                // undecided item or an undo to no verdict leaves the row's comment (empty: none).
                let comment = e.text(col::COMMENT).unwrap_or("");
                if after.is_some() || comment.is_empty() {
                    self.kept.remove(&key);
                } else {
                    self.kept.insert(key.clone(), comment.to_string());
                }
                match after {
                    Some(d) => {
                        self.cleared.remove(&key);
                        self.decisions.insert(key, (d, e.id()));
                    }
                    None => {
                        self.decisions.remove(&key);
                        self.cleared.insert(key, e.id());
                    }
                }
                Ok(())
            }
            "previous_set" | "previous_cleared" => {
                let unit = e.text(col::UNIT).unwrap_or("").to_string();
                let year = e.int(col::YEAR).unwrap_or(0);
                let figure = (action == "previous_set").then(|| {
                    (
                        e.int(col::NEW_SCORE),
                        e.text(col::COMMENT).unwrap_or("").to_string(),
                    )
                });
                self.previous.insert((year, unit), figure);
                Ok(())
            }
            "close" | "reopen" => {
                let unit = e.text(col::UNIT).unwrap_or("").to_string();
                let year = e.int(col::YEAR).unwrap_or(0);
                self.closed.insert((year, unit), action == "close");
                Ok(())
            }
            // The migration's row, and actions of later versions that touch no decision.
            _ if e.text(col::ITEM).is_none() => Ok(()),
            other => Err(Mismatch {
                field: "action",
                expected: Shown::Text("decide, comment, undo".into()),
                found: Shown::Text(other.to_string()),
                source: Source::Rules,
            }),
        }
    }

    /// Checks one row of the decisions table against the replay; forgets the item, so that
    /// what is left at the end are decisions the table lacks.
    pub fn check_table_row(&mut self, key: Key, table: &Dec) -> Option<Break> {
        let log = self.decisions.remove(&key);
        let last_row = log
            .as_ref()
            .map(|(_, id)| *id)
            .or_else(|| self.cleared.get(&key).copied());
        diff(
            log.as_ref().map(|(d, _)| d),
            Some(table),
            TABLE_FIELDS,
            Source::Table,
        )
        .map(|field| Break::Decision {
            key,
            field,
            last_row,
        })
    }

    /// After every table row was checked: the first decision the log has and the table lacks.
    pub fn missing_from_table(&self) -> Option<Break> {
        let (key, (d, id)) = self.decisions.iter().min_by_key(|(k, (_, id))| (*id, *k))?;
        Some(Break::Decision {
            key: key.clone(),
            field: Mismatch {
                field: "state",
                expected: Shown::State(Some(d.state.clone())),
                found: Shown::State(None),
                source: Source::Table,
            },
            last_row: Some(*id),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_is_tagged_and_length_prefixed() {
        let mut out = Vec::new();
        encode(&[Value::Null, Value::Int(-2), Value::text("Đ")], &mut out);
        assert_eq!(
            out,
            [
                0, 1, 255, 255, 255, 255, 255, 255, 255, 254, 2, 0, 0, 0, 2, 0xc4, 0x90
            ]
        );
        // "ab" + NULL and "a" + "b" never encode the same.
        let (mut a, mut b) = (Vec::new(), Vec::new());
        encode(&[Value::text("ab"), Value::Null], &mut a);
        encode(&[Value::text("a"), Value::text("b")], &mut b);
        assert_ne!(a, b);
    }

    #[test]
    fn a_chain_of_nothing_is_the_hash_of_zeros() {
        // SHA-256 of 32 zero bytes.
        assert_eq!(
            to_hex(&chain(&GENESIS, &[])),
            "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
        );
        let h = chain(&GENESIS, &[Value::Int(1)]);
        assert_eq!(from_hex(&to_hex(&h)), Some(h));
        assert_eq!(from_hex("xyz"), None);
    }

    #[test]
    fn a_printed_head_reads_back() {
        let head = Head {
            entries: 42,
            last: chain(&GENESIS, &[]),
        };
        assert_eq!(head.printed(), "42:66687aadf862bd77");
        let p = PrintedHead::parse(&head.printed()).unwrap();
        assert_eq!(p.entries, 42);
        assert!(p.matches(&head.last));
        assert_eq!(
            PrintedHead::parse(" 42:66687AADF862BD77 ").map(|p| p.prefix),
            Some("66687aadf862bd77".into())
        );
        for bad in ["42", "x:66687aadf862bd77", "42:6668", "42:zz687aadf862bd77"] {
            assert_eq!(PrintedHead::parse(bad), None, "{bad}");
        }
    }

    fn row(id: i64, action: &str, old: Option<(&str, i64)>, new: Option<(&str, i64)>) -> Entry {
        let mut values = vec![Value::Null; COLUMNS.len()];
        values[col::ID] = Value::Int(id);
        values[col::AT] = Value::text("2022-11-30T02:41:07Z");
        values[col::APPRAISER] = Value::text("Lan");
        values[col::ACTION] = Value::text(action);
        values[col::YEAR] = Value::Int(2022);
        values[col::UNIT] = Value::text("SNV");
        values[col::ITEM] = Value::text("1.1.1");
        if let Some((state, score)) = old {
            values[col::OLD_STATE] = Value::text(state);
            values[col::OLD_SCORE] = Value::Int(score);
            values[col::OLD_COMMENT] = Value::text("");
            values[col::OLD_APPRAISER] = Value::text("Lan");
            values[col::OLD_DECIDED_AT] = Value::text("2022-11-30T02:41:07Z");
            values[col::OLD_ROUND] = Value::Int(1);
        }
        if let Some((state, score)) = new {
            values[col::NEW_STATE] = Value::text(state);
            values[col::NEW_SCORE] = Value::Int(score);
        }
        values[col::COMMENT] = Value::text("");
        Entry { values, hash: None }
    }

    #[test]
    fn a_row_must_start_from_what_the_rows_before_it_leave() {
        let mut r = Replay::new(None);
        r.apply(&row(1, "decide", None, Some(("agreed", 50))), None)
            .unwrap();
        r.apply(
            &row(2, "decide", Some(("agreed", 50)), Some(("adjusted", 25))),
            None,
        )
        .unwrap();
        let m = r
            .apply(
                &row(3, "decide", Some(("agreed", 50)), Some(("adjusted", 0))),
                None,
            )
            .unwrap_err();
        assert_eq!(
            (m.field, m.expected, m.found),
            (
                "old_state",
                Shown::State(Some("adjusted".into())),
                Shown::State(Some("agreed".into()))
            )
        );
        // Undecided before, yet an old score: the row was made up.
        let mut fresh = Replay::new(None);
        let mut e = row(1, "decide", None, Some(("agreed", 50)));
        e.values[col::OLD_SCORE] = Value::Int(100);
        let m = fresh.apply(&e, None).unwrap_err();
        assert_eq!((m.field, m.found), ("old_score", Shown::Score(Some(100))));
    }

    #[test]
    fn an_undo_puts_back_what_its_row_replaced_and_only_once() {
        let mut r = Replay::new(None);
        let first = row(1, "decide", None, Some(("agreed", 50)));
        r.apply(&first, None).unwrap();
        let mut undo = row(2, "undo", Some(("agreed", 50)), None);
        undo.values[col::UNDOES] = Value::Int(1);
        r.apply(&undo, Some(&first)).unwrap();
        let key = first.key().unwrap();
        assert!(r.current(&key).is_none());
        let mut again = row(3, "undo", None, None);
        again.values[col::UNDOES] = Value::Int(1);
        let m = r.apply(&again, Some(&first)).unwrap_err();
        assert_eq!(m.field, "undoes");
    }

    #[test]
    fn the_round_follows_an_explanation_request() {
        assert_eq!(round_after(None), 1);
        assert_eq!(round_after(Some(("agreed", 1))), 1);
        assert_eq!(round_after(Some(("explanation_requested", 1))), 2);
        assert_eq!(round_after(Some(("adjusted", 2))), 2);
    }
}
