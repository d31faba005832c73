//! Each unit's totals, stored beside the decisions (`unit_totals`, schema step 7), so that a
//! ranking reads one row per unit instead of every self score and decision of the year.
//!
//! They are a copy of what [`Scores::totals`] computes, and must never disagree with it:
//!
//! - a row is written only inside a write transaction, from the unit's self scores and
//!   decisions as that transaction sees them, under the unit's set as stored: the decision
//!   and undo transactions refresh their unit, an import of self scores the units it touched;
//! - every change to `decisions` deletes the unit's row (triggers of step 7), so that a path
//!   that does not refresh it leaves no stale row behind;
//! - a row names the group and the revision of the set it was computed under; saving a set
//!   bumps its revision (and deletes the group's rows), and a row is used only when both still
//!   match the unit's group and its set's revision;
//! - a unit without a usable row is computed from its scores: by the ranking, which then
//!   stores it (`fill`), in a write transaction of its own.

use super::StoreError;
use crate::domain::breakdown::{NodeScore, Outline, UnitBreakdown};
use crate::domain::{CriteriaSet, NodeSum, Points, Scores, State, UnitCode, UnitTotals};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The schema of step 7.
pub(super) const SCHEMA: &str = r#"
    ALTER TABLE sets ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE unit_totals (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        group_code TEXT NOT NULL,
        revision INTEGER NOT NULL,
        max INTEGER NOT NULL,
        self_total INTEGER NOT NULL,
        appraised INTEGER NOT NULL,
        provisional INTEGER NOT NULL,
        items INTEGER NOT NULL,
        decided INTEGER NOT NULL,
        adjusted INTEGER NOT NULL,
        flagged INTEGER NOT NULL,
        difference INTEGER NOT NULL,
        bonus INTEGER NOT NULL,
        deduction INTEGER NOT NULL,
        extra_items INTEGER NOT NULL,
        extra_decided INTEGER NOT NULL,
        PRIMARY KEY (year, unit)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL) STRICT;
    INSERT INTO epoch (id, n) VALUES (1, 0);
    CREATE TRIGGER unit_totals_decision_insert AFTER INSERT ON decisions
        BEGIN DELETE FROM unit_totals WHERE year = NEW.year AND unit = NEW.unit; END;
    CREATE TRIGGER unit_totals_decision_update
        AFTER UPDATE OF year, unit, item, state, score ON decisions
        BEGIN
            DELETE FROM unit_totals WHERE year = OLD.year AND unit = OLD.unit;
            DELETE FROM unit_totals WHERE year = NEW.year AND unit = NEW.unit;
        END;
    CREATE TRIGGER unit_totals_decision_delete AFTER DELETE ON decisions
        BEGIN DELETE FROM unit_totals WHERE year = OLD.year AND unit = OLD.unit; END;
"#;

/// The schema of step 8: a unit's points and applicable maximum for each field, then each
/// criterion, of its set's outline ([`Outline`]), as pairs of little-endian `i32`
/// hundredths; empty while not computed.
pub(super) const PARTS: &str = r#"
    ALTER TABLE unit_totals ADD COLUMN parts BLOB NOT NULL DEFAULT x'';
"#;

/// The schema of step 14: each field's progress (items decided, items that apply to the
/// unit), as pairs of little-endian `u32`, in the set's order of fields; empty while not
/// computed. The units screen reads it instead of every score of the group.
pub(super) const PROGRESS: &str = r#"
    ALTER TABLE unit_totals ADD COLUMN progress BLOB NOT NULL DEFAULT x'';
"#;

/// Each field's progress from a unit's node sums, as stored.
pub(super) fn encode_progress(set: &CriteriaSet, sums: &[NodeSum]) -> Vec<u8> {
    let pairs: Vec<(usize, usize)> = set
        .fields()
        .map(|f| (sums[f].decided, sums[f].items))
        .collect();
    encode_pairs(&pairs)
}

/// (decided, items) pairs as stored.
pub(super) fn encode_pairs(pairs: &[(usize, usize)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pairs.len() * 8);
    for &(decided, items) in pairs {
        // Items of one set: at most `MAX_NODES`, far inside u32.
        out.extend_from_slice(&(decided as u32).to_le_bytes());
        out.extend_from_slice(&(items as u32).to_le_bytes());
    }
    out
}

/// Each field's (decided, items) read back: none when the blob is empty (not computed) or not
/// of `fields` pairs.
fn decode_progress(blob: &[u8], fields: usize) -> Option<Vec<(usize, usize)>> {
    if blob.len() != fields * 8 || fields == 0 {
        return None;
    }
    let n = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
    Some(
        blob.chunks_exact(8)
            .map(|c| (n(&c[..4]), n(&c[4..])))
            .collect(),
    )
}

/// A unit's parts as stored.
pub(super) fn encode_parts(fields: &[NodeScore], criteria: &[NodeScore]) -> Vec<u8> {
    let mut out = Vec::with_capacity((fields.len() + criteria.len()) * 8);
    for s in fields.iter().chain(criteria) {
        // Hundredths of points of one node: far inside i32.
        out.extend_from_slice(&(s.points.hundredths() as i32).to_le_bytes());
        out.extend_from_slice(&(s.max.hundredths() as i32).to_le_bytes());
    }
    out
}

/// A unit's parts read back under `outline`: none when the blob is empty (not computed) or
/// not of the outline's length.
fn decode_parts(blob: &[u8], outline: &Outline) -> Option<(Vec<NodeScore>, Vec<NodeScore>)> {
    let n = outline.fields.len() + outline.criteria.len();
    if blob.is_empty() || blob.len() != n * 8 {
        return None;
    }
    let mut all = blob.chunks_exact(8).map(|c| {
        let v = |b: &[u8]| i64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        NodeScore {
            points: Points::from_hundredths(v(&c[..4])),
            max: Points::from_hundredths(v(&c[4..])),
        }
    });
    let fields = all.by_ref().take(outline.fields.len()).collect();
    let criteria = all.collect();
    Some((fields, criteria))
}

/// Sets as stored, by (year, group), with the revision they were read at: what the write
/// transactions compute totals under (a workspace's sets may be older than the file's).
#[derive(Clone, Default)]
pub(super) struct SetCache(Arc<Mutex<SetsByGroup>>);

/// (year, group) -> (revision, set).
type SetsByGroup = HashMap<(i32, String), (i64, Arc<CriteriaSet>)>;

impl SetCache {
    /// The set of `group` at `revision`, read through `conn` when not already held.
    fn get(
        &self,
        conn: &Connection,
        year: i32,
        group: &str,
        revision: i64,
    ) -> Result<Arc<CriteriaSet>, StoreError> {
        let key = (year, group.to_string());
        if let Some((rev, set)) = self.0.lock().expect("set cache").get(&key)
            && *rev == revision
        {
            return Ok(Arc::clone(set));
        }
        let set = Arc::new(super::sets::load_set_on(conn, year, group)?);
        self.0
            .lock()
            .expect("set cache")
            .insert(key, (revision, Arc::clone(&set)));
        Ok(set)
    }
}

/// The revision of a group's set, as `conn` sees it.
pub(super) fn revision(
    conn: &Connection,
    year: i32,
    group: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT revision FROM sets WHERE year = ?1 AND group_code = ?2")?
        .query_row(params![year, group], |r| r.get(0))
        .optional()?)
}

fn score_from_db(v: Option<i64>) -> crate::domain::SelfScore {
    v.map_or(crate::domain::SelfScore::NotApplicable, |h| {
        crate::domain::SelfScore::Points(Points::from_hundredths(h))
    })
}

/// One unit's scores and decision states, read into `scores` (emptied first).
pub(super) fn read_scores(
    conn: &Connection,
    year: i32,
    set: &CriteriaSet,
    unit: &UnitCode,
    scores: &mut Scores,
) -> Result<(), StoreError> {
    scores.reset(unit);
    let mut st =
        conn.prepare_cached("SELECT item, score FROM self_scores WHERE year = ?1 AND unit = ?2")?;
    let mut rows = st.query(params![year, unit.as_str()])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = set.index_of_str(r.get_ref(0)?.as_str().unwrap_or("")) {
            scores.self_scores[i] = Some(score_from_db(r.get(1)?));
        }
    }
    let mut st = conn
        .prepare_cached("SELECT item, state, score FROM decisions WHERE year = ?1 AND unit = ?2")?;
    let mut rows = st.query(params![year, unit.as_str()])?;
    while let Some(r) = rows.next()? {
        let Some(i) = set.index_of_str(r.get_ref(0)?.as_str().unwrap_or("")) else {
            continue;
        };
        let Some(state) = State::parse(r.get_ref(1)?.as_str().unwrap_or("")) else {
            continue;
        };
        scores.decisions[i] = Some((
            state,
            r.get::<_, Option<i64>>(2)?.map(Points::from_hundredths),
        ));
    }
    Ok(())
}

/// Writes a unit's totals, computed under `group`'s set at `revision`.
pub(super) fn put(
    conn: &Connection,
    year: i32,
    unit: &str,
    group: &str,
    revision: i64,
    t: &UnitTotals,
    (parts, progress): (&[u8], &[u8]),
) -> Result<(), StoreError> {
    let n = |v: usize| v as i64;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO unit_totals (year, unit, group_code, revision, max, self_total,
             appraised, provisional, items, decided, adjusted, flagged, difference, bonus,
             deduction, extra_items, extra_decided, parts, progress)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19)",
    )?
    .execute(params![
        year,
        unit,
        group,
        revision,
        t.tree.max.hundredths(),
        t.tree.self_total.hundredths(),
        t.tree.appraised.hundredths(),
        t.tree.provisional.hundredths(),
        n(t.tree.items),
        n(t.tree.decided),
        n(t.tree.adjusted),
        n(t.tree.flagged),
        t.tree.difference.hundredths(),
        t.bonus.hundredths(),
        t.deduction.hundredths(),
        n(t.extra_items),
        n(t.extra_decided),
        parts,
        progress,
    ])?;
    Ok(())
}

/// Recomputes one unit's totals inside the caller's write transaction, from what the
/// transaction sees, under its set as stored; returns them (none for a unit of no set).
pub(super) fn refresh(
    conn: &Connection,
    sets: &SetCache,
    year: i32,
    unit: &UnitCode,
) -> Result<Option<UnitTotals>, StoreError> {
    let found: Option<(String, i64)> = conn
        .prepare_cached(
            "SELECT u.group_code, s.revision FROM units u
               JOIN sets s ON s.year = u.year AND s.group_code = u.group_code
             WHERE u.year = ?1 AND u.code = ?2",
        )?
        .query_row(params![year, unit.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((group, rev)) = found else {
        conn.prepare_cached("DELETE FROM unit_totals WHERE year = ?1 AND unit = ?2")?
            .execute(params![year, unit.as_str()])?;
        return Ok(None);
    };
    let set = sets.get(conn, year, &group, rev)?;
    let mut scores = Scores::new(&set, unit.clone());
    read_scores(conn, year, &set, unit, &mut scores)?;
    let sums = scores.node_sums(&set);
    let b = UnitBreakdown::new(&set, &Outline::of(&set), unit.clone(), &sums);
    let parts = encode_parts(&b.fields, &b.criteria);
    let progress = encode_progress(&set, &sums);
    put(
        conn,
        year,
        unit.as_str(),
        &group,
        rev,
        &b.totals,
        (&parts, &progress),
    )?;
    Ok(Some(b.totals))
}

/// Which stored blob [`stored_each`] reads beside the totals.
#[derive(Clone, Copy)]
enum Blob {
    None,
    Parts,
    Progress,
}

/// Each valid stored row of the units of `group` at the set's `revision` (its group is the
/// unit's and its revision the set's, as `conn` sees them): the unit's code, its totals and,
/// with `parts`, its parts as stored (empty without).
fn stored_each(
    conn: &Connection,
    (year, group, revision): (i32, &str, i64),
    blob: Blob,
    mut each: impl FnMut(&str, UnitTotals, &[u8]),
) -> Result<(), StoreError> {
    let sql = format!(
        "SELECT t.unit, t.max, t.self_total, t.appraised, t.provisional, t.items, t.decided,
                t.adjusted, t.flagged, t.difference, t.bonus, t.deduction, t.extra_items,
                t.extra_decided, {}
         FROM unit_totals t
           JOIN units u ON u.year = t.year AND u.code = t.unit AND u.group_code = t.group_code
           JOIN sets s ON s.year = t.year AND s.group_code = t.group_code
                      AND s.revision = t.revision
         WHERE t.year = ?1 AND t.group_code = ?2 AND t.revision = ?3",
        match blob {
            Blob::None => "x''",
            Blob::Parts => "t.parts",
            Blob::Progress => "t.progress",
        }
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows = st.query(params![year, group, revision])?;
    while let Some(r) = rows.next()? {
        let p = |i: usize| -> Result<Points, rusqlite::Error> {
            Ok(Points::from_hundredths(r.get(i)?))
        };
        let n = |i: usize| -> Result<usize, rusqlite::Error> { Ok(r.get::<_, i64>(i)? as usize) };
        let totals = UnitTotals {
            tree: NodeSum {
                max: p(1)?,
                self_total: p(2)?,
                appraised: p(3)?,
                provisional: p(4)?,
                items: n(5)?,
                decided: n(6)?,
                adjusted: n(7)?,
                flagged: n(8)?,
                difference: p(9)?,
            },
            bonus: p(10)?,
            deduction: p(11)?,
            extra_items: n(12)?,
            extra_decided: n(13)?,
        };
        let blob = r.get_ref(14)?.as_blob().unwrap_or_default();
        each(r.get_ref(0)?.as_str().unwrap_or(""), totals, blob);
    }
    Ok(())
}

/// The stored totals of the units of `group` that are valid at the set's `revision`, by
/// unit code.
pub(super) fn stored(
    conn: &Connection,
    year: i32,
    group: &str,
    revision: i64,
) -> Result<HashMap<String, UnitTotals>, StoreError> {
    let mut out = HashMap::new();
    stored_each(conn, (year, group, revision), Blob::None, |unit, t, _| {
        out.insert(unit.to_string(), t);
    })?;
    Ok(out)
}

impl super::Store {
    /// The revision of a group's set (bumped each time the set is saved); none when the
    /// group has no set in `year`.
    pub fn set_revision(&self, year: i32, group: &str) -> Result<Option<i64>, StoreError> {
        revision(&self.conn, year, group)
    }

    /// The stored totals of the units of `group` valid at its set's `revision`, by unit code.
    pub fn stored_totals(
        &self,
        year: i32,
        group: &str,
        revision: i64,
    ) -> Result<HashMap<String, UnitTotals>, StoreError> {
        stored(&self.conn, year, group, revision)
    }

    /// Computes and stores the totals of the units of `group` that have none valid, in one
    /// write transaction (so that no decision can come in between), and returns the totals
    /// of all its units. None when the set's revision is no longer `revision`.
    pub fn fill_totals(
        &self,
        year: i32,
        group: &str,
        revision: i64,
    ) -> Result<Option<HashMap<String, UnitTotals>>, StoreError> {
        self.fill(year, group, revision, |c| stored(c, year, group, revision))
    }

    /// In one write transaction (so that no decision can come in between): the units of
    /// `group` that `read` leaves out are computed and stored, then `read` again gives every
    /// unit. None when the set's revision is no longer `revision`.
    fn fill<T>(
        &self,
        year: i32,
        group: &str,
        revision: i64,
        read: impl Fn(&Connection) -> Result<HashMap<String, T>, StoreError>,
    ) -> Result<Option<HashMap<String, T>>, StoreError> {
        // Read-only: the caller computes what is missing from the scores, storing nothing.
        if self.read_only {
            return Ok(None);
        }
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        if self::revision(&tx, year, group)? != Some(revision) {
            return Ok(None);
        }
        let have = read(&tx)?;
        let missing: Vec<UnitCode> = super::records::units_of(&tx, year, Some(group))?
            .into_iter()
            .filter(|u| !have.contains_key(u.code.as_str()))
            .map(|u| u.code)
            .collect();
        let all = if missing.is_empty() {
            have
        } else {
            for code in &missing {
                refresh(&tx, &self.sets, year, code)?;
            }
            read(&tx)?
        };
        tx.commit()?;
        Ok(Some(all))
    }
}

/// The stored breakdowns of the units of `group` that are valid at the set's `revision` and
/// have their parts (see [`stored_each`]), by unit code.
fn stored_parts(
    conn: &Connection,
    year: i32,
    group: &str,
    revision: i64,
    outline: &Outline,
) -> Result<HashMap<String, UnitBreakdown>, StoreError> {
    let mut out = HashMap::new();
    stored_each(
        conn,
        (year, group, revision),
        Blob::Parts,
        |code, totals, blob| {
            if let (Some((fields, criteria)), Ok(unit)) =
                (decode_parts(blob, outline), UnitCode::parse(code))
            {
                out.insert(
                    code.to_string(),
                    UnitBreakdown {
                        unit,
                        fields,
                        criteria,
                        totals,
                    },
                );
            }
        },
    )?;
    Ok(out)
}

impl super::Store {
    /// The stored breakdowns (points per field and criterion, totals) of the units of
    /// `group` valid at its set's `revision`, by unit code; those whose parts are not stored
    /// are left out.
    pub fn stored_breakdowns(
        &self,
        year: i32,
        group: &str,
        revision: i64,
        outline: &Outline,
    ) -> Result<HashMap<String, UnitBreakdown>, StoreError> {
        stored_parts(&self.conn, year, group, revision, outline)
    }

    /// Computes and stores the breakdowns of the units of `group` that have none valid, in
    /// one write transaction, and returns those of all its units. None when the set's
    /// revision is no longer `revision`.
    pub fn fill_breakdowns(
        &self,
        year: i32,
        group: &str,
        revision: i64,
        outline: &Outline,
    ) -> Result<Option<HashMap<String, UnitBreakdown>>, StoreError> {
        self.fill(year, group, revision, |c| {
            stored_parts(c, year, group, revision, outline)
        })
    }
}

/// A unit's stored totals and each field's (items decided, items that apply), by unit code.
pub type StoredProgress = HashMap<String, (UnitTotals, Vec<(usize, usize)>)>;

/// The stored totals and field progress of the units of `group` valid at the set's
/// `revision` whose progress is stored for `fields` fields, by unit code.
fn stored_progress(
    conn: &Connection,
    (year, group, revision): (i32, &str, i64),
    fields: usize,
) -> Result<StoredProgress, StoreError> {
    let mut out = HashMap::new();
    stored_each(
        conn,
        (year, group, revision),
        Blob::Progress,
        |code, totals, blob| {
            if let Some(progress) = decode_progress(blob, fields) {
                out.insert(code.to_string(), (totals, progress));
            }
        },
    )?;
    Ok(out)
}

impl super::Store {
    /// Each unit's stored totals and field progress (items decided, items that apply, per
    /// field of the set) of `group`, valid at its set's `revision`; units without them are
    /// left out.
    pub fn stored_progress(
        &self,
        year: i32,
        group: &str,
        revision: i64,
        fields: usize,
    ) -> Result<StoredProgress, StoreError> {
        stored_progress(&self.conn, (year, group, revision), fields)
    }

    /// Computes and stores the totals and progress of the units of `group` that have none
    /// valid, in one write transaction, and returns those of all its units. None when the
    /// set's revision is no longer `revision` (or the file is read-only).
    pub fn fill_progress(
        &self,
        year: i32,
        group: &str,
        revision: i64,
        fields: usize,
    ) -> Result<Option<StoredProgress>, StoreError> {
        self.fill(year, group, revision, |c| {
            stored_progress(c, (year, group, revision), fields)
        })
    }
}

/// A unit whose stored totals (or parts) are not what its scores give now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleCopy {
    pub year: i32,
    pub unit: String,
    /// The appraisal points (provisional view) as stored and as the scores give them.
    pub stored: Points,
    pub computed: Points,
    /// Only the parts (per field and criterion) disagree.
    pub parts_only: bool,
}

/// Every valid stored row (of `year`, or all) computed again from the unit's scores under
/// its set, and compared: the rows that disagree, in year and unit order.
pub(super) fn stale_copies(
    conn: &Connection,
    sets: &SetCache,
    year: Option<i32>,
) -> Result<Vec<StaleCopy>, StoreError> {
    let groups: Vec<(i32, String, i64)> = conn
        .prepare("SELECT year, group_code, revision FROM sets WHERE ?1 IS NULL OR year = ?1 ORDER BY year, group_code")?
        .query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (year, group, revision) in groups {
        let mut rows: Vec<(String, UnitTotals, Vec<u8>)> = Vec::new();
        stored_each(
            conn,
            (year, &group, revision),
            Blob::Parts,
            |unit, t, blob| {
                rows.push((unit.to_string(), t, blob.to_vec()));
            },
        )?;
        let mut progress: HashMap<String, Vec<u8>> = HashMap::new();
        stored_each(
            conn,
            (year, &group, revision),
            Blob::Progress,
            |unit, _, blob| {
                progress.insert(unit.to_string(), blob.to_vec());
            },
        )?;
        if rows.is_empty() {
            continue;
        }
        let set = sets.get(conn, year, &group, revision)?;
        let outline = Outline::of(&set);
        for (unit, stored, blob) in rows {
            let Ok(code) = UnitCode::parse(&unit) else {
                continue;
            };
            let mut scores = Scores::new(&set, code.clone());
            read_scores(conn, year, &set, &code, &mut scores)?;
            let sums = scores.node_sums(&set);
            let b = UnitBreakdown::new(&set, &outline, code, &sums);
            let shown = progress.get(&unit).map_or(&[][..], Vec::as_slice);
            let parts_differ = (!blob.is_empty() && blob != encode_parts(&b.fields, &b.criteria))
                || (!shown.is_empty() && shown != encode_progress(&set, &sums));
            if b.totals != stored || parts_differ {
                out.push(StaleCopy {
                    year,
                    unit,
                    stored: stored.appraisal_points(),
                    computed: b.totals.appraisal_points(),
                    parts_only: b.totals == stored,
                });
            }
        }
    }
    out.sort_by(|a, b| (a.year, &a.unit).cmp(&(b.year, &b.unit)));
    Ok(out)
}
