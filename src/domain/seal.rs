//! Seals: what makes every input that changes a result tamper-evident.
//!
//! Every write of an input (an import, a criteria set saved, a new year, a publication)
//! appends to the ledger, in its own transaction, one `import` row saying what was written
//! from where (the kind, the file's name and SHA-256, the counts), then one `seal` row per
//! scope it wrote (a unit of a year, a group's set of a year, a year's published result, a
//! unit's history): the SHA-256 of that scope's data as the transaction leaves it. `verify`
//! recomputes each scope's digest and compares it with the last seal of that scope, so a
//! later import of one unit re-seals that unit alone and leaves the others' seals standing.
//!
//! Both rows are ordinary rows of the chain (`domain::ledger`), with no item (the replay of
//! decisions passes them by): `action` is `import` or `seal`, `year` the year of the scope
//! (0 for what spans years: the history of indexes and of fields), `unit` the scope (a unit
//! code, a group code, or empty for a whole year), and `comment` the text below.
//!
//! - `import`: lines `kind: K`, `file: NAME` and `sha256: HEX` (when there is a file),
//!   `added: N`, `changed: N`, `unchanged: N`.
//! - `seal`: `K HEX`, the kind and the digest of the scope's rows.
//!
//! A digest is the SHA-256 of the scope's rows in key order, each row encoded as the ledger
//! encodes a row (`ledger::encode`). A scope with no rows has the digest of nothing.
//!
//! Nothing here reads the database: the store feeds the rows.

use super::ledger::{Entry, Hash, Value, col, encode, from_hex, to_hex};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The action of the row that says what an import wrote from where.
pub const IMPORT: &str = "import";
/// The action of the row that seals one scope.
pub const SEAL: &str = "seal";

/// What is sealed: each kind names its rows (the store reads them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A unit's name, group and whether it is ranked (per unit of a year).
    Units,
    /// A unit's survey score (per unit of a year).
    Survey,
    /// A unit's self scores, notes and evidence (per unit of a year).
    SelfScores,
    /// A unit's explanations (per unit of a year).
    Explanations,
    /// A unit's (or the province's) published indexes of past years (per unit, all years).
    History,
    /// A unit's (or the province's) field percents of past years (per unit, all years).
    FieldHistory,
    /// A group's criteria set: its header, nodes and options (per group of a year).
    Set,
    /// A year's published result (per year).
    Published,
    /// Where a unit of a year came from: renamed, merged, split or new (per unit of a year).
    Lineage,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Units,
        Kind::Survey,
        Kind::SelfScores,
        Kind::Explanations,
        Kind::History,
        Kind::FieldHistory,
        Kind::Set,
        Kind::Published,
        Kind::Lineage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Units => "units",
            Kind::Survey => "survey",
            Kind::SelfScores => "self_scores",
            Kind::Explanations => "explanations",
            Kind::History => "history",
            Kind::FieldHistory => "field_history",
            Kind::Set => "set",
            Kind::Published => "published",
            Kind::Lineage => "lineage",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the kind's scopes span years (sealed under year 0).
    pub fn spans_years(self) -> bool {
        matches!(self, Kind::History | Kind::FieldHistory)
    }
}

/// A scope: the kind, the year (0 for a kind that spans years) and the unit, group or
/// nothing it is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope {
    pub kind: Kind,
    pub year: i64,
    pub key: String,
}

/// A file an import read: its name (as given, without the folder) and the SHA-256 of its
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub name: String,
    pub sha256: String,
}

impl Origin {
    /// The origin of `bytes` read from a file named `name`.
    pub fn of_bytes(name: &str, bytes: &[u8]) -> Origin {
        Origin {
            name: name.to_string(),
            sha256: to_hex(&Sha256::digest(bytes).into()),
        }
    }
}

/// Hashes the rows of one scope, in key order.
#[derive(Default)]
pub struct Digester {
    sha: Sha256,
    buf: Vec<u8>,
}

impl Digester {
    pub fn push(&mut self, row: &[Value]) {
        self.buf.clear();
        encode(row, &mut self.buf);
        self.sha.update(&self.buf);
    }

    pub fn finish(self) -> Hash {
        self.sha.finalize().into()
    }
}

/// The digest of no rows.
pub fn empty() -> Hash {
    Digester::default().finish()
}

/// The counts of an import, as its row says them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// The comment of an `import` row.
pub fn import_text(kind: Kind, origin: Option<&Origin>, counts: Counts) -> String {
    let mut out = format!("kind: {}\n", kind.as_str());
    if let Some(o) = origin {
        out.push_str(&format!(
            "file: {}\nsha256: {}\n",
            one_line(&o.name),
            o.sha256
        ));
    }
    out.push_str(&format!(
        "added: {}\nchanged: {}\nunchanged: {}",
        counts.added, counts.changed, counts.unchanged
    ));
    out
}

/// A file name on one line (a name with a line break would read as two fields).
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// An `import` row read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    pub row: i64,
    pub at: String,
    pub kind: Option<Kind>,
    pub file: Option<String>,
    pub sha256: Option<String>,
}

impl Import {
    pub fn parse(e: &Entry) -> Import {
        let text = e.text(col::COMMENT).unwrap_or("");
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
                .map(str::to_string)
        };
        Import {
            row: e.id(),
            at: e.text(col::AT).unwrap_or("").to_string(),
            kind: field("kind").as_deref().and_then(Kind::parse),
            file: field("file"),
            sha256: field("sha256"),
        }
    }
}

/// The comment of a `seal` row.
pub fn seal_text(kind: Kind, digest: &Hash) -> String {
    format!("{} {}", kind.as_str(), to_hex(digest))
}

/// A seal as the log leaves it: the digest, its row, and the import row it follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub digest: Hash,
    pub row: i64,
    pub import: Option<Import>,
}

/// A seal row that cannot be read (its comment is not `KIND HEX`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSeal {
    pub row: i64,
}

/// The seals the log leaves: for every scope, its last seal.
#[derive(Debug, Default)]
pub struct Seals {
    pub last: BTreeMap<Scope, Sealed>,
    import: Option<Import>,
}

impl Seals {
    /// Takes in one row of the log (in order); rows other than imports and seals pass by.
    pub fn apply(&mut self, e: &Entry) -> Result<(), BadSeal> {
        match e.action() {
            IMPORT => self.import = Some(Import::parse(e)),
            SEAL => {
                let text = e.text(col::COMMENT).unwrap_or("");
                let parsed = text
                    .split_once(' ')
                    .and_then(|(k, h)| Some((Kind::parse(k)?, from_hex(h)?)));
                let Some((kind, digest)) = parsed else {
                    return Err(BadSeal { row: e.id() });
                };
                let scope = Scope {
                    kind,
                    year: e.int(col::YEAR).unwrap_or(0),
                    key: e.text(col::UNIT).unwrap_or("").to_string(),
                };
                let import = self.import.clone().filter(|i| i.kind == Some(kind));
                self.last.insert(
                    scope,
                    Sealed {
                        digest,
                        row: e.id(),
                        import,
                    },
                );
            }
            _ => {}
        }
        Ok(())
    }
}

/// How a scope's data disagrees with its seal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tamper {
    /// It was sealed, and its rows are no longer what was sealed (or are gone).
    Changed { sealed: Sealed, gone: bool },
    /// It has rows, and no import or other write of thamdinh ever sealed them.
    Unsealed,
}

/// Compares a scope's digest now (None: it has no rows) with its last seal.
pub fn check(sealed: Option<&Sealed>, now: Option<Hash>) -> Option<Tamper> {
    match (sealed, now) {
        (None, None) => None,
        (None, Some(_)) => Some(Tamper::Unsealed),
        (Some(s), now) => {
            let digest = now.unwrap_or_else(empty);
            (digest != s.digest).then(|| Tamper::Changed {
                sealed: s.clone(),
                gone: now.is_none(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::COLUMNS;

    fn row(id: i64, action: &str, year: i64, unit: &str, comment: &str) -> Entry {
        let mut values = vec![Value::Null; COLUMNS.len()];
        values[col::ID] = Value::Int(id);
        values[col::AT] = Value::text("2024-05-01T08:00:00Z");
        values[col::ACTION] = Value::text(action);
        values[col::YEAR] = Value::Int(year);
        values[col::UNIT] = Value::text(unit);
        values[col::COMMENT] = Value::text(comment);
        Entry { values, hash: None }
    }

    fn digest_of(rows: &[&[Value]]) -> Hash {
        let mut d = Digester::default();
        for r in rows {
            d.push(r);
        }
        d.finish()
    }

    #[test]
    fn a_digest_follows_every_value_and_the_row_boundaries() {
        let a = digest_of(&[&[Value::text("1.1.1"), Value::Int(200)]]);
        let b = digest_of(&[&[Value::text("1.1.1"), Value::Int(201)]]);
        let c = digest_of(&[&[Value::text("1.1.1")], &[Value::Int(200)]]);
        assert_ne!(a, b);
        // Split across rows, the same values encode the same bytes: the key order is the
        // store's to keep, and each kind's rows have a fixed number of columns.
        assert_eq!(a, c);
        assert_eq!(digest_of(&[]), empty());
    }

    #[test]
    fn the_last_seal_of_a_scope_stands_and_names_its_import() {
        let mut seals = Seals::default();
        let origin = Origin::of_bytes("tudanhgia.csv", b"unit,item,score\n");
        let counts = Counts {
            added: 3,
            ..Counts::default()
        };
        let text = import_text(Kind::SelfScores, Some(&origin), counts);
        let d1 = digest_of(&[&[Value::Int(1)]]);
        let d2 = digest_of(&[&[Value::Int(2)]]);
        let rows = [
            row(1, IMPORT, 2024, "", &text),
            row(2, SEAL, 2024, "SNV", &seal_text(Kind::SelfScores, &d1)),
            row(3, SEAL, 2024, "SXD", &seal_text(Kind::SelfScores, &d1)),
            row(4, "decide", 2024, "SNV", ""),
            row(5, IMPORT, 2024, "", &text),
            row(6, SEAL, 2024, "SNV", &seal_text(Kind::SelfScores, &d2)),
        ];
        for r in &rows {
            seals.apply(r).unwrap();
        }
        let scope = |unit: &str| Scope {
            kind: Kind::SelfScores,
            year: 2024,
            key: unit.into(),
        };
        let snv = &seals.last[&scope("SNV")];
        assert_eq!((snv.row, snv.digest), (6, d2));
        let sxd = &seals.last[&scope("SXD")];
        assert_eq!((sxd.row, sxd.digest), (3, d1));
        let import = sxd.import.as_ref().unwrap();
        assert_eq!(import.row, 1);
        assert_eq!(import.file.as_deref(), Some("tudanhgia.csv"));
        assert_eq!(import.sha256.as_deref(), Some(origin.sha256.as_str()));
        assert_eq!(check(Some(sxd), Some(d1)), None);
        assert_eq!(
            check(Some(sxd), Some(d2)),
            Some(Tamper::Changed {
                sealed: sxd.clone(),
                gone: false
            })
        );
        assert_eq!(
            check(Some(sxd), None),
            Some(Tamper::Changed {
                sealed: sxd.clone(),
                gone: true
            })
        );
        assert_eq!(check(None, Some(d1)), Some(Tamper::Unsealed));
        assert_eq!(check(None, None), None);
    }

    #[test]
    fn a_seal_that_does_not_read_is_named() {
        let mut seals = Seals::default();
        assert_eq!(
            seals.apply(&row(9, SEAL, 2024, "SNV", "self_scores not-hex")),
            Err(BadSeal { row: 9 })
        );
    }

    #[test]
    fn a_file_name_stays_on_its_line() {
        let o = Origin::of_bytes("a\nkind: set", b"");
        let text = import_text(Kind::Units, Some(&o), Counts::default());
        let e = row(1, IMPORT, 2024, "", &text);
        let i = Import::parse(&e);
        assert_eq!(i.kind, Some(Kind::Units));
        assert_eq!(i.file.as_deref(), Some("a?kind: set"));
    }
}
