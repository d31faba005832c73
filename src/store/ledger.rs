//! The ledger on the database: every audit row is appended with its hash
//! (`domain::ledger::chain`), the migration that chains the rows of an older file, the full
//! check (`verify`: the chain, then the replay against the decisions and units tables), the
//! fast check the screens run from the row last verified, and the head printed with results.

use super::{Store, StoreError};
use crate::domain::ledger::{
    self, Break, CHAINED, Dec, Entry, GENESIS, Hash, Head, Key, Mismatch, NEW_FIELDS, Replay,
    Source, Suspect, Value, col,
};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

/// The triggers that keep the log append-only and every row chained, as created (the
/// checks compare the text SQLite keeps, spaces aside).
pub const TRIGGERS: [(&str, &str); 3] = [
    (
        "audit_no_update",
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit \
         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
    (
        "audit_no_delete",
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit \
         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
    (
        "audit_chained",
        "CREATE TRIGGER audit_chained BEFORE INSERT ON audit \
         WHEN NEW.hash IS NULL OR length(NEW.hash) <> 64 \
         BEGIN SELECT RAISE(ABORT, 'an audit row needs its hash'); END",
    ),
];

const SELECT: &str = "SELECT id, at, appraiser, action, year, unit, item, old_state, old_score,
        old_comment, old_appraiser, old_decided_at, old_round, new_state, new_score, comment,
        undoes, hash FROM audit";

/// A column as the ledger encodes it (the seals' digests too).
pub(super) fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

fn entry(r: &Row<'_>) -> rusqlite::Result<Entry> {
    let mut values = Vec::with_capacity(ledger::COLUMNS.len());
    for i in 0..ledger::COLUMNS.len() {
        values.push(value(r.get_ref(i)?));
    }
    let hash = match r.get_ref(ledger::COLUMNS.len())? {
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        _ => None,
    };
    Ok(Entry { values, hash })
}

fn row_by_id(conn: &Connection, id: i64) -> Result<Option<Entry>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], entry)
        .optional()?)
}

/// The row after `id` on the same item.
fn next_on_item(conn: &Connection, key: &Key, id: i64) -> Result<Option<Entry>, StoreError> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE year = ?1 AND unit = ?2 AND item = ?3 AND id > ?4 ORDER BY id LIMIT 1"
        ))?
        .query_row(params![key.year, key.unit, key.item, id], entry)
        .optional()?)
}

fn table_decision(conn: &Connection, key: &Key) -> Result<Option<Dec>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT state, score, comment, appraiser, decided_at, round FROM decisions
             WHERE year = ?1 AND unit = ?2 AND item = ?3",
        )?
        .query_row(params![key.year, key.unit, key.item], dec)
        .optional()?)
}

fn dec(r: &Row<'_>) -> rusqlite::Result<Dec> {
    Ok(Dec {
        state: r.get(0)?,
        score: r.get(1)?,
        comment: r.get(2)?,
        appraiser: r.get(3)?,
        decided_at: r.get(4)?,
        round: r.get(5)?,
    })
}

/// The last row's id and hash (none for an empty log), and the id the next row gets: after
/// the last row and after anything SQLite's counter says was ever written (so that rows cut
/// off the end leave a gap the check sees).
fn last(conn: &Connection) -> Result<(i64, Hash, i64), StoreError> {
    let (id, hash): (i64, Option<String>) = conn
        .prepare_cached("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, None));
    let seq: i64 = conn
        .prepare_cached("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    let prev = hash
        .as_deref()
        .and_then(ledger::from_hex)
        .unwrap_or(GENESIS);
    Ok((id, prev, id.max(seq) + 1))
}

/// The values of a new audit row: everything but its id, in `COLUMNS` order from `at`.
pub(super) struct NewRow<'a> {
    pub at: &'a str,
    pub appraiser: &'a str,
    pub action: &'a str,
    pub year: i64,
    pub unit: &'a str,
    pub item: Option<&'a str>,
    pub old: Option<&'a Dec>,
    pub new_state: Option<&'a str>,
    pub new_score: Option<i64>,
    pub comment: &'a str,
    pub undoes: Option<i64>,
}

/// Appends a row to the log, chained on the last one. Inside the caller's write transaction.
pub(super) fn append(tx: &Transaction<'_>, row: NewRow<'_>) -> Result<(), StoreError> {
    let (_, prev, id) = last(tx)?;
    let old = row.old;
    let values = vec![
        Value::Int(id),
        Value::text(row.at),
        Value::text(row.appraiser),
        Value::text(row.action),
        Value::Int(row.year),
        Value::text(row.unit),
        Value::opt_text(row.item),
        Value::opt_text(old.map(|o| o.state.as_str())),
        Value::opt_int(old.and_then(|o| o.score)),
        Value::opt_text(old.map(|o| o.comment.as_str())),
        Value::opt_text(old.map(|o| o.appraiser.as_str())),
        Value::opt_text(old.map(|o| o.decided_at.as_str())),
        Value::opt_int(old.map(|o| o.round)),
        Value::opt_text(row.new_state),
        Value::opt_int(row.new_score),
        Value::text(row.comment),
        Value::opt_int(row.undoes),
    ];
    let hash = ledger::to_hex(&ledger::chain(&prev, &values));
    tx.prepare_cached(
        "INSERT INTO audit (id, at, appraiser, action, year, unit, item, old_state, old_score,
                 old_comment, old_appraiser, old_decided_at, old_round, new_state, new_score,
                 comment, undoes, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18)",
    )?
    .execute(params![
        id,
        row.at,
        row.appraiser,
        row.action,
        row.year,
        row.unit,
        row.item,
        old.map(|o| o.state.as_str()),
        old.and_then(|o| o.score),
        old.map(|o| o.comment.as_str()),
        old.map(|o| o.appraiser.as_str()),
        old.map(|o| o.decided_at.as_str()),
        old.map(|o| o.round),
        row.new_state,
        row.new_score,
        row.comment,
        row.undoes,
        hash,
    ])?;
    Ok(())
}

/// The migration step that gives an older file its chain: a `hash` column, every row
/// already there chained in order, then (when there were rows) a row saying so, at `at`, and
/// the triggers that keep it so.
pub(super) fn migrate(tx: &Transaction<'_>, at: &str) -> Result<(), StoreError> {
    tx.execute_batch(
        "ALTER TABLE audit ADD COLUMN hash TEXT;
         DROP TRIGGER IF EXISTS audit_no_update;
         DROP TRIGGER IF EXISTS audit_no_delete;",
    )?;
    let rows: Vec<Entry> = tx
        .prepare(&format!("{SELECT} ORDER BY id"))?
        .query_map([], entry)?
        .collect::<Result<_, _>>()?;
    let mut prev = GENESIS;
    {
        let mut set = tx.prepare("UPDATE audit SET hash = ?2 WHERE id = ?1")?;
        for e in &rows {
            prev = ledger::chain(&prev, &e.values);
            set.execute(params![e.id(), ledger::to_hex(&prev)])?;
        }
    }
    if !rows.is_empty() {
        append(
            tx,
            NewRow {
                at,
                appraiser: "thamdinh",
                action: CHAINED,
                year: 0,
                unit: "",
                item: None,
                old: None,
                new_state: None,
                new_score: None,
                comment: "",
                undoes: None,
            },
        )?;
    }
    for (_, sql) in TRIGGERS {
        tx.execute_batch(sql)?;
    }
    Ok(())
}

fn squeeze(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The triggers that are missing or not as created.
fn trigger_breaks(conn: &Connection) -> Result<Vec<Break>, StoreError> {
    let mut out = Vec::new();
    for (name, sql) in TRIGGERS {
        let found: Option<Option<String>> = conn
            .prepare_cached("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        match found {
            None => out.push(Break::Trigger {
                name: name.into(),
                missing: true,
            }),
            Some(text) if text.as_deref().map(squeeze) != Some(squeeze(sql)) => {
                out.push(Break::Trigger {
                    name: name.into(),
                    missing: false,
                })
            }
            Some(_) => {}
        }
    }
    Ok(out)
}

/// The field of a row whose hash broke that the other records disagree with: the rows
/// before it on its item, the next row on it, or the decisions table. Expected is what they
/// say, found what the row says.
fn suspect(
    conn: &Connection,
    replay: &Replay,
    e: &Entry,
    undone: Option<&Entry>,
) -> Result<Option<Mismatch>, StoreError> {
    if !replay.covers(e) || e.key().is_none() {
        return Ok(None);
    }
    if let Some(m) = replay.check_before(e) {
        return Ok(Some(m));
    }
    let after = match replay.after(e, undone) {
        Ok(a) => a,
        Err(m) => return Ok(Some(m)),
    };
    let key = e.key().expect("checked above");
    Ok(match next_on_item(conn, &key, e.id())? {
        Some(next) => ledger::diff(
            next.before().as_ref(),
            after.as_ref(),
            NEW_FIELDS,
            Source::NextRow(next.id()),
        ),
        None => ledger::diff(
            table_decision(conn, &key)?.as_ref(),
            after.as_ref(),
            NEW_FIELDS,
            Source::Table,
        ),
    })
}

/// What `verify` found.
#[derive(Debug, Clone)]
pub struct Verification {
    pub head: Head,
    /// Missing or changed triggers, then the first row or decision that breaks; empty when
    /// the ledger holds.
    pub breaks: Vec<Break>,
    /// The rows chained when the file was migrated (ids below this row's), and when.
    pub chained_at_migration: Option<(i64, String)>,
    /// Rows of the log replayed (of the year asked, or all).
    pub replayed: u64,
    /// Rows of the decisions table checked against the replay.
    pub decisions: u64,
    /// Where the check ended, when nothing broke: the screens start from there next time.
    pub mark: Option<Mark>,
}

/// Where the screens' last check ended: the row, how many rows up to it, and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub id: i64,
    pub entries: u64,
    pub hash: String,
}

impl Store {
    /// The head of the ledger: the number of rows and the last row's hash.
    pub fn ledger_head(&self) -> Result<Head, StoreError> {
        let (entries, hash): (i64, Option<String>) = self.conn.query_row(
            "SELECT count(*), (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) FROM audit",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Head {
            entries: entries as u64,
            last: hash
                .as_deref()
                .and_then(ledger::from_hex)
                .unwrap_or(GENESIS),
        })
    }

    /// The stored hash of the `n`-th row of the log (1 is the first), if there is one.
    pub fn ledger_entry_hash(&self, n: u64) -> Result<Option<String>, StoreError> {
        if n == 0 {
            return Ok(Some(ledger::to_hex(&GENESIS)));
        }
        Ok(self
            .conn
            .query_row(
                "SELECT hash FROM audit ORDER BY id LIMIT 1 OFFSET ?1",
                [n as i64 - 1],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }

    /// The full check: the triggers, the whole chain, the replay of the log (of `year`, or
    /// all) against the decisions and the units' closings, in one read snapshot.
    pub fn verify_ledger(&self, year: Option<i32>) -> Result<Verification, StoreError> {
        self.verify_ledger_with(year, &mut || {})
    }

    /// The same, calling `row_done` after each row of the log is checked.
    pub fn verify_ledger_with(
        &self,
        year: Option<i32>,
        row_done: &mut dyn FnMut(),
    ) -> Result<Verification, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let head = self.ledger_head()?;
        let mut breaks = trigger_breaks(&tx)?;
        let mut replay = Replay::new(year.map(i64::from));
        let mut seals = crate::domain::seal::Seals::default();
        let mut first = None;
        let mut chained = None;
        let (mut prev, mut prev_id) = (GENESIS, 0);
        {
            let mut st = tx.prepare(&format!("{SELECT} ORDER BY id"))?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let e = entry(r)?;
                let id = e.id();
                if id != prev_id + 1 {
                    first = Some(Break::Gap {
                        missing_from: prev_id + 1,
                        row: e.place(),
                    });
                    break;
                }
                let undone = match (e.action(), e.int(col::UNDOES)) {
                    ("undo", Some(u)) => row_by_id(&tx, u)?,
                    _ => None,
                };
                let computed = ledger::chain(&prev, &e.values);
                let computed_hex = ledger::to_hex(&computed);
                match &e.hash {
                    None => {
                        first = Some(Break::NoHash {
                            row: e.place(),
                            computed: computed_hex,
                            field: Suspect::of(suspect(&tx, &replay, &e, undone.as_ref())?),
                        });
                        break;
                    }
                    Some(stored) if !stored.eq_ignore_ascii_case(&computed_hex) => {
                        first = Some(Break::Hash {
                            row: e.place(),
                            computed: computed_hex,
                            stored: stored.clone(),
                            field: Suspect::of(suspect(&tx, &replay, &e, undone.as_ref())?),
                        });
                        break;
                    }
                    Some(_) => {}
                }
                if let Err(field) = replay.apply(&e, undone.as_ref()) {
                    first = Some(Break::Replay {
                        row: e.place(),
                        field,
                    });
                    break;
                }
                if seals.apply(&e).is_err() {
                    first = Some(Break::BadSeal { row: e.place() });
                    break;
                }
                if e.action() == CHAINED && chained.is_none() {
                    chained = Some((id, e.text(col::AT).unwrap_or("").to_string()));
                }
                prev = computed;
                prev_id = id;
                row_done();
            }
        }
        let mut decisions = 0;
        // The seals are checked once the whole chain holds (a seal after a broken row
        // proves nothing).
        let walked = first.is_none();
        if first.is_none() {
            first = self.check_tables(&tx, &mut replay, year, prev_id, &mut decisions)?;
        }
        breaks.extend(first);
        if walked {
            breaks.extend(
                super::seals::check(&tx, &seals, year)?
                    .into_iter()
                    .map(|(scope, tamper)| Break::Sealed { scope, tamper }),
            );
            // The stored totals are a copy of what the scores give: one that disagrees
            // was changed outside thamdinh (and would move a ranking).
            breaks.extend(
                super::totals::stale_copies(&tx, &self.sets, year)?
                    .into_iter()
                    .map(|c| Break::StoredTotals {
                        year: i64::from(c.year),
                        unit: c.unit,
                        stored: c.stored.hundredths(),
                        computed: c.computed.hundredths(),
                        parts_only: c.parts_only,
                    }),
            );
        }
        tx.finish()?;
        let mark = breaks.is_empty().then(|| Mark {
            id: prev_id,
            entries: head.entries,
            hash: ledger::to_hex(&prev),
        });
        Ok(Verification {
            head,
            breaks,
            chained_at_migration: chained,
            replayed: replay.rows,
            decisions,
            mark,
        })
    }

    /// After the walk: SQLite's row counter, the decisions table and the units' closings
    /// against the replay.
    fn check_tables(
        &self,
        tx: &Connection,
        replay: &mut Replay,
        year: Option<i32>,
        last_id: i64,
        checked: &mut u64,
    ) -> Result<Option<Break>, StoreError> {
        let seq: i64 = tx
            .query_row(
                "SELECT seq FROM sqlite_sequence WHERE name = 'audit'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        if seq > last_id {
            return Ok(Some(Break::Sequence {
                last: last_id,
                written: seq,
            }));
        }
        let mut st = tx.prepare(
            "SELECT year, unit, item, state, score, comment, appraiser, decided_at, round
             FROM decisions WHERE ?1 IS NULL OR year = ?1 ORDER BY year, unit, item",
        )?;
        let mut rows = st.query([year])?;
        while let Some(r) = rows.next()? {
            let key = key_at(r)?;
            let d = Dec {
                state: r.get(3)?,
                score: r.get(4)?,
                comment: r.get(5)?,
                appraiser: r.get(6)?,
                decided_at: r.get(7)?,
                round: r.get(8)?,
            };
            *checked += 1;
            if let Some(b) = replay.check_table_row(key, &d) {
                return Ok(Some(b));
            }
        }
        if let Some(b) = replay.missing_from_table() {
            return Ok(Some(b));
        }
        let mut st = tx.prepare(
            "SELECT year, code, closed FROM units WHERE ?1 IS NULL OR year = ?1
             ORDER BY year, code",
        )?;
        let mut rows = st.query([year])?;
        while let Some(r) = rows.next()? {
            let (y, unit, closed): (i64, String, bool) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let log = replay
                .closed
                .get(&(y, unit.clone()))
                .copied()
                .unwrap_or(false);
            if log != closed {
                return Ok(Some(Break::Closed {
                    year: y,
                    unit,
                    log,
                    table: closed,
                }));
            }
        }
        // The comments kept on undecided items.
        let mut table: std::collections::BTreeMap<Key, String> = std::collections::BTreeMap::new();
        let mut st = tx.prepare(
            "SELECT year, unit, item, comment FROM kept_comments WHERE ?1 IS NULL OR year = ?1",
        )?;
        let mut rows = st.query([year])?;
        while let Some(r) = rows.next()? {
            table.insert(key_at(r)?, r.get(3)?);
        }
        let mut keys: std::collections::BTreeSet<Key> = table.keys().cloned().collect();
        keys.extend(replay.kept.keys().cloned());
        for key in keys {
            let log = replay.kept.get(&key).cloned();
            let found = table.get(&key).cloned();
            if log != found {
                return Ok(Some(Break::Kept {
                    key,
                    log,
                    table: found,
                }));
            }
        }
        // The council's comparison figures (every open store is at the current schema, which
        // has their table).
        let mut table: std::collections::BTreeMap<(i64, String), (Option<i64>, String)> =
            std::collections::BTreeMap::new();
        let mut st = tx.prepare(
            "SELECT year, unit, idx, reason FROM previous_overrides
             WHERE ?1 IS NULL OR year = ?1",
        )?;
        let mut rows = st.query([year])?;
        while let Some(r) = rows.next()? {
            table.insert((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?));
        }
        let mut keys: std::collections::BTreeSet<(i64, String)> = table.keys().cloned().collect();
        keys.extend(
            replay
                .previous
                .iter()
                .filter(|(_, v)| v.is_some())
                .map(|(k, _)| k.clone()),
        );
        for key in keys {
            let log = replay.previous.get(&key).cloned().flatten();
            let found = table.get(&key).cloned();
            if log != found {
                return Ok(Some(Break::Previous {
                    year: key.0,
                    unit: key.1,
                    log: log.map(|l| l.0),
                    table: found.map(|t| t.0),
                }));
            }
        }
        Ok(None)
    }

    /// The screens' check on opening: the triggers, the row last verified (`mark`) still
    /// as it was, and the chain of every row after it (from the first row when there is no
    /// mark). Ok: the mark to keep for next time; Err: the first thing that breaks.
    pub fn check_chain_since(
        &self,
        mark: Option<&Mark>,
    ) -> Result<Result<Mark, Break>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        if let Some(b) = trigger_breaks(&tx)?.into_iter().next() {
            return Ok(Err(b));
        }
        let (mut prev, mut prev_id, mut entries) = (GENESIS, 0, 0);
        // A mark at row 0 is an empty log: the check starts from the first row.
        if let Some(m) = mark.filter(|m| m.id > 0) {
            let found: Option<Option<String>> = tx
                .query_row("SELECT hash FROM audit WHERE id = ?1", [m.id], |r| r.get(0))
                .optional()?;
            let found = found.flatten();
            let anchor = ledger::from_hex(&m.hash);
            match (anchor, &found) {
                (Some(h), Some(f)) if f.eq_ignore_ascii_case(&m.hash) => {
                    (prev, prev_id, entries) = (h, m.id, m.entries);
                }
                _ => {
                    return Ok(Err(Break::Anchor {
                        id: m.id,
                        expected: m.hash.clone(),
                        found,
                    }));
                }
            }
        }
        let mut st = tx.prepare(&format!("{SELECT} WHERE id > ?1 ORDER BY id"))?;
        let mut rows = st.query([prev_id])?;
        while let Some(r) = rows.next()? {
            let e = entry(r)?;
            let id = e.id();
            if id != prev_id + 1 {
                return Ok(Err(Break::Gap {
                    missing_from: prev_id + 1,
                    row: e.place(),
                }));
            }
            let computed = ledger::chain(&prev, &e.values);
            let computed_hex = ledger::to_hex(&computed);
            match &e.hash {
                None => {
                    return Ok(Err(Break::NoHash {
                        row: e.place(),
                        computed: computed_hex,
                        field: Suspect::NotLooked,
                    }));
                }
                Some(stored) if !stored.eq_ignore_ascii_case(&computed_hex) => {
                    return Ok(Err(Break::Hash {
                        row: e.place(),
                        computed: computed_hex,
                        stored: stored.clone(),
                        field: Suspect::NotLooked,
                    }));
                }
                Some(_) => {}
            }
            prev = computed;
            prev_id = id;
            entries += 1;
        }
        Ok(Ok(Mark {
            id: prev_id,
            entries,
            hash: ledger::to_hex(&prev),
        }))
    }
}

/// An item's key from the first three columns of a row: year, unit, item.
fn key_at(r: &rusqlite::Row<'_>) -> rusqlite::Result<Key> {
    Ok(Key {
        year: r.get(0)?,
        unit: r.get(1)?,
        item: r.get(2)?,
    })
}
