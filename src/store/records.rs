//! Units, self scores, survey scores, explanations and history: what imports write and the
//! screens read. Each import is one transaction; a row equal to the stored one is left alone.

use super::{Store, StoreError};
use crate::domain::breakdown::NodeScore;
use crate::domain::criteria::CriteriaSet;
use crate::domain::seal::{Counts, Kind, Origin};
use crate::domain::{
    Decision, Explanation, ItemCode, KeptComment, Points, Scores, SelfEntry, SelfScore, Sheet,
    State, UnitCode,
};
use rusqlite::{OptionalExtension, Transaction, params};

/// A unit of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub code: UnitCode,
    pub name: String,
    pub group: String,
    pub ranked: bool,
    pub closed: bool,
    pub survey: Option<Points>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplanationRow {
    pub unit: UnitCode,
    pub item: ItemCode,
    pub explanation: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    /// A unit code, or `province`.
    pub unit: String,
    pub year: i32,
    pub index: Points,
    /// The rank (for the province: in the country) and of how many, when known.
    pub rank: Option<u32>,
    pub ranked_of: Option<u32>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCount {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl ImportCount {
    fn counts(&self) -> Counts {
        Counts {
            added: self.added,
            changed: self.changed,
            unchanged: self.unchanged,
        }
    }

    fn count(&mut self, before: Option<bool>) {
        match before {
            None => self.added += 1,
            Some(true) => self.unchanged += 1,
            Some(false) => self.changed += 1,
        }
    }
}

fn score_db(s: SelfScore) -> Option<i64> {
    s.points().map(Points::hundredths)
}

fn score_from_db(v: Option<i64>) -> SelfScore {
    v.map_or(SelfScore::NotApplicable, |h| {
        SelfScore::Points(Points::from_hundredths(h))
    })
}

/// Where an import writes its self scores, inside the import's transaction.
pub struct SelfScoreSink<'t> {
    conn: &'t rusqlite::Connection,
    one: rusqlite::Statement<'t>,
    many: rusqlite::Statement<'t>,
    year: i32,
    rows: usize,
    touched: usize,
    /// The year had no self scores and no decisions before.
    fresh: bool,
    sets: super::totals::SetCache,
    /// The revisions of the sets as this transaction sees them, by group.
    revisions: std::collections::HashMap<String, Option<i64>>,
    /// The units the rows name (each once, whether or not a row of it changed): the
    /// scopes the import seals.
    units: std::collections::BTreeSet<String>,
    /// The unit of the last row put (rows come unit after unit).
    last_unit: String,
}

/// One self score to write.
#[derive(Debug, Clone, Copy)]
pub struct SelfScoreWrite<'a> {
    pub unit: &'a str,
    pub item: &'a str,
    pub score: SelfScore,
    pub note: &'a str,
    pub evidence: &'a str,
}

/// Rows written by one statement: fewer, larger statements cut SQLite's per-statement work.
const ROWS_PER_INSERT: usize = 32;

/// The upsert of `n` rows; a row equal to the stored one is not rewritten (and not counted
/// by `changes()`).
fn upsert_sql(n: usize) -> String {
    let values: Vec<String> = (0..n)
        .map(|i| {
            let p = 2 + i * 5;
            format!(
                "(?1, ?{}, ?{}, ?{}, ?{}, ?{})",
                p,
                p + 1,
                p + 2,
                p + 3,
                p + 4
            )
        })
        .collect();
    format!(
        "INSERT INTO self_scores (year, unit, item, score, note, evidence) VALUES {}
         ON CONFLICT (year, unit, item) DO UPDATE
             SET score = excluded.score, note = excluded.note, evidence = excluded.evidence
             WHERE score IS NOT excluded.score OR note IS NOT excluded.note
                 OR evidence IS NOT excluded.evidence",
        values.join(", ")
    )
}

impl SelfScoreSink<'_> {
    /// Rows written so far (a row equal to the stored one is not).
    pub fn touched(&self) -> usize {
        self.touched
    }

    /// Whether the year had no self scores and no decisions before this import: each unit's
    /// totals are then what its imported rows add up to.
    pub fn fresh(&self) -> bool {
        self.fresh
    }

    /// Stores a unit's totals, parts and each field's progress (decided, items), computed by
    /// the caller under `group`'s set at `revision`.
    /// When that is not the set as stored, they are computed again from what the
    /// transaction sees, under the stored set.
    pub fn put_totals(
        &mut self,
        unit: &UnitCode,
        group: &str,
        revision: i64,
        totals: &crate::domain::UnitTotals,
        (fields, criteria): (&[NodeScore], &[NodeScore]),
        progress: &[(usize, usize)],
    ) -> Result<(), StoreError> {
        let current = match self.revisions.get(group) {
            Some(r) => *r,
            None => {
                let r = super::totals::revision(self.conn, self.year, group)?;
                self.revisions.insert(group.to_string(), r);
                r
            }
        };
        if current == Some(revision) {
            let parts = super::totals::encode_parts(fields, criteria);
            let progress = super::totals::encode_pairs(progress);
            super::totals::put(
                self.conn,
                self.year,
                unit.as_str(),
                group,
                revision,
                totals,
                (&parts, &progress),
            )
        } else {
            self.refresh_totals(unit)
        }
    }

    /// Computes a unit's totals again from what the transaction sees, and stores them.
    pub fn refresh_totals(&mut self, unit: &UnitCode) -> Result<(), StoreError> {
        super::totals::refresh(self.conn, &self.sets, self.year, unit).map(|_| ())
    }

    /// The units of the import's year, as the import's transaction sees them.
    pub fn units(&self) -> Result<Vec<UnitRow>, StoreError> {
        units_of(self.conn, self.year, None)
    }

    /// Writes self scores (those equal to the stored ones are left alone).
    pub fn put_all(&mut self, rows: &[SelfScoreWrite<'_>]) -> Result<(), StoreError> {
        for r in rows {
            if r.unit != self.last_unit {
                self.last_unit.clear();
                self.last_unit.push_str(r.unit);
                self.units.insert(r.unit.to_string());
            }
        }
        let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
        for chunk in &mut chunks {
            self.touched += bind_rows(&mut self.many, self.year, chunk)?;
        }
        for row in chunks.remainder() {
            self.touched += bind_rows(&mut self.one, self.year, std::slice::from_ref(row))?;
        }
        self.rows += rows.len();
        Ok(())
    }
}

fn bind_rows(
    st: &mut rusqlite::Statement<'_>,
    year: i32,
    rows: &[SelfScoreWrite<'_>],
) -> Result<usize, StoreError> {
    st.raw_bind_parameter(1, year)?;
    for (i, r) in rows.iter().enumerate() {
        let p = 2 + i * 5;
        st.raw_bind_parameter(p, r.unit)?;
        st.raw_bind_parameter(p + 1, r.item)?;
        st.raw_bind_parameter(p + 2, score_db(r.score))?;
        st.raw_bind_parameter(p + 3, r.note)?;
        st.raw_bind_parameter(p + 4, r.evidence)?;
    }
    Ok(st.raw_execute()?)
}

/// The units of a year (of one group, or all), in the order their sets and they were added.
pub(super) fn units_of(
    conn: &rusqlite::Connection,
    year: i32,
    group: Option<&str>,
) -> Result<Vec<UnitRow>, StoreError> {
    let mut st = conn.prepare_cached(
        "SELECT u.code, u.name, u.group_code, u.ranked, u.closed, u.survey
             FROM units u JOIN sets s ON s.year = u.year AND s.group_code = u.group_code
             WHERE u.year = ?1 AND (?2 IS NULL OR u.group_code = ?2)
             ORDER BY s.rowid, u.rowid",
    )?;
    let rows = st.query_map(params![year, group], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, bool>(3)?,
            r.get::<_, bool>(4)?,
            r.get::<_, Option<i64>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (code, name, group, ranked, closed, survey) = row?;
        out.push(UnitRow {
            code: UnitCode::parse(&code).map_err(|_| StoreError::UnknownUnit(code.clone()))?,
            name,
            group,
            ranked,
            closed,
            survey: survey.map(Points::from_hundredths),
        });
    }
    Ok(out)
}

/// Finds items by code for rows that come in the same order unit after unit: the codes of
/// the previous unit are tried first, in order, before the set's map.
#[derive(Default)]
struct ItemCursor {
    seen: Vec<(Vec<u8>, usize)>,
    at: usize,
}

impl ItemCursor {
    fn restart(&mut self) {
        self.at = 0;
    }

    fn find(&mut self, set: &CriteriaSet, code: &[u8]) -> Option<usize> {
        if let Some((c, i)) = self.seen.get(self.at)
            && c == code
        {
            self.at += 1;
            return Some(*i);
        }
        let i = set.index_of_str(std::str::from_utf8(code).ok()?)?;
        self.seen.truncate(self.at);
        self.seen.push((code.to_vec(), i));
        self.at += 1;
        Some(i)
    }
}

/// A text column's bytes read in place; empty when it is not text.
fn bytes_at<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r [u8], StoreError> {
    Ok(row.get_ref(i)?.as_bytes().unwrap_or(b""))
}

/// A text column read in place (no copy); empty when it is not text.
fn text_at<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str, StoreError> {
    Ok(row.get_ref(i)?.as_str().unwrap_or(""))
}

/// What an import seals in the ledger (see `store::seals`): when, of which year and kind,
/// from which file; the scope of a row (`(year, key)`).
pub(super) struct Sealing<'a, T> {
    pub at: String,
    pub year: i32,
    pub kind: Kind,
    pub origin: Option<&'a Origin>,
    pub scope: fn(i32, &T) -> (i64, String),
}

/// Runs `upsert` for each row inside one transaction, counting added / changed / unchanged,
/// then seals the scopes the rows are in (unless the run is dry).
pub(super) fn import_rows<T>(
    tx: Transaction<'_>,
    dry: bool,
    rows: &[T],
    mut each: impl FnMut(&Transaction<'_>, &T) -> Result<Option<bool>, StoreError>,
    sealing: Sealing<'_, T>,
) -> Result<ImportCount, StoreError> {
    let mut count = ImportCount::default();
    for row in rows {
        count.count(each(&tx, row)?);
    }
    if count.added + count.changed > 0 {
        super::decisions::bump_epoch(&tx)?;
    }
    let Sealing {
        at,
        year,
        kind,
        origin,
        scope,
    } = sealing;
    // A dry run is rolled back: its seals would be digested for nothing.
    if !dry {
        super::seals::seal(
            &tx,
            &at,
            "",
            year,
            kind,
            origin,
            count.counts(),
            rows.iter().map(|r| scope(year, r)),
        )?;
    }
    Store::end(tx, dry)?;
    Ok(count)
}

impl Store {
    pub fn import_units(
        &mut self,
        year: i32,
        rows: &[UnitRow],
        origin: Option<&Origin>,
    ) -> Result<ImportCount, StoreError> {
        let sealing = Sealing {
            at: self.stamp(),
            year,
            kind: Kind::Units,
            origin,
            scope: |y, u: &UnitRow| (i64::from(y), u.code.to_string()),
        };
        let dry = self.dry;
        let tx = self.write()?;
        super::years::check_not_published(&tx, year)?;
        import_rows(
            tx,
            dry,
            rows,
            |tx, u| {
                let old: Option<(String, String, bool)> = tx
                    .query_row(
                        "SELECT name, group_code, ranked FROM units WHERE year = ?1 AND code = ?2",
                        params![year, u.code.as_str()],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                let same = old
                    .as_ref()
                    .map(|(n, g, r)| *n == u.name && *g == u.group && *r == u.ranked);
                if same != Some(true) {
                    tx.execute(
                    "INSERT INTO units (year, code, name, group_code, ranked) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (year, code) DO UPDATE SET name = ?3, group_code = ?4, ranked = ?5",
                    params![year, u.code.as_str(), u.name, u.group, u.ranked],
                )?;
                }
                Ok(same)
            },
            sealing,
        )
    }

    /// Imports self scores in one transaction: `fill` hands every row to the sink, and the
    /// transaction commits only when `fill` returns `Ok` (an error rolls everything back),
    /// with the file it read (the ledger names it; known only once a stream has been read).
    /// One prepared upsert per row; a row equal to the stored one is not rewritten.
    pub fn import_self_scores_with<E: From<StoreError>>(
        &mut self,
        year: i32,
        fill: impl FnOnce(&mut SelfScoreSink<'_>) -> Result<Option<Origin>, E>,
    ) -> Result<ImportCount, E> {
        // Every row is checked against the units read inside this same write transaction
        // (see `SelfScoreSink::units`), so the per-row foreign key lookup SQLite would do is
        // the same check made twice; it costs a fifth of a national import. It is switched
        // off for this one transaction (the pragma only takes effect outside a transaction)
        // and back on whatever happens.
        self.conn
            .pragma_update(None, "foreign_keys", "OFF")
            .map_err(StoreError::from)?;
        let result = self.import_self_scores_tx(year, fill);
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(StoreError::from)?;
        result
    }

    fn import_self_scores_tx<E: From<StoreError>>(
        &mut self,
        year: i32,
        fill: impl FnOnce(&mut SelfScoreSink<'_>) -> Result<Option<Origin>, E>,
    ) -> Result<ImportCount, E> {
        let at = self.stamp();
        let sets = self.sets.clone();
        let dry = self.dry;
        let tx = self.write()?;
        super::years::check_not_published(&tx, year)?;
        let count = |tx: &Transaction<'_>| -> Result<usize, StoreError> {
            Ok(tx.query_row(
                "SELECT COUNT(*) FROM self_scores WHERE year = ?1",
                [year],
                |r| r.get::<_, i64>(0),
            )? as usize)
        };
        let before = count(&tx)?;
        let decided: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM decisions WHERE year = ?1)",
                [year],
                |r| r.get(0),
            )
            .map_err(StoreError::from)?;
        let (rows, touched, units, origin) = {
            let mut sink = SelfScoreSink {
                conn: &tx,
                one: tx.prepare(&upsert_sql(1)).map_err(StoreError::from)?,
                many: tx
                    .prepare(&upsert_sql(ROWS_PER_INSERT))
                    .map_err(StoreError::from)?,
                year,
                rows: 0,
                touched: 0,
                fresh: before == 0 && !decided,
                sets,
                revisions: Default::default(),
                units: Default::default(),
                last_unit: String::new(),
            };
            let origin = fill(&mut sink)?;
            (sink.rows, sink.touched, sink.units, origin)
        };
        // Nothing stored before: every row written was added.
        let after = if before == 0 { touched } else { count(&tx)? };
        if touched > 0 {
            super::decisions::bump_epoch(&tx)?;
        }
        let added = after.saturating_sub(before);
        let count = ImportCount {
            added,
            changed: touched.saturating_sub(added),
            unchanged: rows - touched,
        };
        // A dry run is rolled back: its seals would be digested for nothing.
        if !dry {
            super::seals::seal(
                &tx,
                &at,
                "",
                year,
                Kind::SelfScores,
                origin.as_ref(),
                count.counts(),
                units.into_iter().map(|u| (i64::from(year), u)),
            )?;
        }
        Store::end(tx, dry)?;
        Ok(count)
    }

    pub fn import_survey(
        &mut self,
        year: i32,
        rows: &[(UnitCode, Points)],
        origin: Option<&Origin>,
    ) -> Result<ImportCount, StoreError> {
        let sealing = Sealing {
            at: self.stamp(),
            year,
            kind: Kind::Survey,
            origin,
            scope: |y, (u, _): &(UnitCode, Points)| (i64::from(y), u.to_string()),
        };
        let dry = self.dry;
        let tx = self.write()?;
        super::years::check_not_published(&tx, year)?;
        import_rows(
            tx,
            dry,
            rows,
            |tx, (unit, score)| {
                let old: Option<i64> = tx.query_row(
                    "SELECT survey FROM units WHERE year = ?1 AND code = ?2",
                    params![year, unit.as_str()],
                    |r| r.get(0),
                )?;
                let same = old.map(|o| o == score.hundredths());
                if same != Some(true) {
                    tx.execute(
                        "UPDATE units SET survey = ?3 WHERE year = ?1 AND code = ?2",
                        params![year, unit.as_str(), score.hundredths()],
                    )?;
                }
                Ok(same)
            },
            sealing,
        )
    }

    pub fn import_explanations(
        &mut self,
        year: i32,
        rows: &[ExplanationRow],
        origin: Option<&Origin>,
    ) -> Result<ImportCount, StoreError> {
        let sealing = Sealing {
            at: self.stamp(),
            year,
            kind: Kind::Explanations,
            origin,
            scope: |y, e: &ExplanationRow| (i64::from(y), e.unit.to_string()),
        };
        let dry = self.dry;
        let tx = self.write()?;
        super::years::check_not_published(&tx, year)?;
        import_rows(
            tx,
            dry,
            rows,
            |tx, e| {
                let old: Option<(String, String)> = tx
                    .query_row(
                        "SELECT explanation, evidence FROM explanations
                     WHERE year = ?1 AND unit = ?2 AND item = ?3",
                        params![year, e.unit.as_str(), e.item.as_str()],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let same = old.map(|o| o == (e.explanation.clone(), e.evidence.clone()));
                if same != Some(true) {
                    tx.execute(
                        "INSERT INTO explanations (year, unit, item, explanation, evidence)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (year, unit, item) DO UPDATE SET explanation = ?4, evidence = ?5",
                        params![
                            year,
                            e.unit.as_str(),
                            e.item.as_str(),
                            e.explanation,
                            e.evidence
                        ],
                    )?;
                }
                Ok(same)
            },
            sealing,
        )
    }

    pub fn import_history(
        &mut self,
        rows: &[HistoryRow],
        origin: Option<&Origin>,
    ) -> Result<ImportCount, StoreError> {
        let sealing = Sealing {
            at: self.stamp(),
            year: 0,
            kind: Kind::History,
            origin,
            scope: |_, h: &HistoryRow| (0, h.unit.clone()),
        };
        let dry = self.dry;
        let tx = self.write()?;
        import_rows(
            tx,
            dry,
            rows,
            |tx, h| {
                let old: Option<(i64, Option<u32>, Option<u32>)> = tx
                    .query_row(
                        "SELECT idx, rank, ranked_of FROM history WHERE unit = ?1 AND year = ?2",
                        params![h.unit, h.year],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                let same = old.map(|o| o == (h.index.hundredths(), h.rank, h.ranked_of));
                if same != Some(true) {
                    tx.execute(
                    "INSERT INTO history (unit, year, idx, rank, ranked_of) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (unit, year) DO UPDATE SET idx = ?3, rank = ?4, ranked_of = ?5",
                    params![h.unit, h.year, h.index.hundredths(), h.rank, h.ranked_of],
                )?;
                }
                Ok(same)
            },
            sealing,
        )
    }

    /// The codes of the units that have self scores or decisions in `year`: one key lookup
    /// per unit, not a pass over the millions of rows of a national year.
    pub fn units_in_use(&self, year: i32) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT u.code FROM units u WHERE u.year = ?1
               AND (EXISTS (SELECT 1 FROM self_scores s WHERE s.year = ?1 AND s.unit = u.code)
                 OR EXISTS (SELECT 1 FROM decisions d WHERE d.year = ?1 AND d.unit = u.code))",
        )?;
        let rows = st.query_map([year], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The units of a year (of one group, or all), by group then name.
    pub fn units(&self, year: i32, group: Option<&str>) -> Result<Vec<UnitRow>, StoreError> {
        units_of(&self.conn, year, group)
    }

    /// Whether the year has any unit (one key lookup).
    pub fn has_units(&self, year: i32) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM units WHERE year = ?1)",
            [year],
            |r| r.get(0),
        )?)
    }

    /// One unit of a year (one primary-key lookup, not a scan of every unit).
    pub fn unit(&self, year: i32, code: &str) -> Result<UnitRow, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT code, name, group_code, ranked, closed, survey FROM units
             WHERE year = ?1 AND code = ?2",
        )?;
        let row = st
            .query_row(params![year, code], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                    r.get::<_, bool>(4)?,
                    r.get::<_, Option<i64>>(5)?,
                ))
            })
            .optional()?;
        let Some((code, name, group, ranked, closed, survey)) = row else {
            return Err(StoreError::UnknownUnit(code.to_string()));
        };
        Ok(UnitRow {
            code: UnitCode::parse(&code).map_err(|_| StoreError::UnknownUnit(code.clone()))?,
            name,
            group,
            ranked,
            closed,
            survey: survey.map(Points::from_hundredths),
        })
    }

    /// Everything known about one unit, item by item.
    pub fn sheet(
        &self,
        year: i32,
        set: &CriteriaSet,
        unit: &UnitCode,
    ) -> Result<Sheet, StoreError> {
        let mut sheet = Sheet::new(set, unit.clone());
        let u = unit.as_str();
        let at = |code: &str| set.index_of_str(code);
        let mut st = self.conn.prepare_cached(
            "SELECT item, score, note, evidence FROM self_scores WHERE year = ?1 AND unit = ?2",
        )?;
        let rows = st.query_map(params![year, u], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (item, score, note, evidence) = row?;
            if let Some(i) = at(&item) {
                sheet.records[i].self_entry = Some(SelfEntry {
                    score: score_from_db(score),
                    note,
                    evidence,
                });
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT item, state, score, comment, appraiser, decided_at, round FROM decisions
             WHERE year = ?1 AND unit = ?2",
        )?;
        let rows = st.query_map(params![year, u], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        for row in rows {
            let (item, state, score, comment, appraiser, decided_at, round) = row?;
            if let (Some(i), Some(state)) = (at(&item), State::parse(&state)) {
                sheet.records[i].decision = Some(Decision {
                    state,
                    score: score.map(Points::from_hundredths),
                    comment,
                    appraiser,
                    decided_at,
                    round: round as u8,
                });
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT item, comment, appraiser, at FROM kept_comments WHERE year = ?1 AND unit = ?2",
        )?;
        let rows = st.query_map(params![year, u], |r| {
            Ok((
                r.get::<_, String>(0)?,
                KeptComment {
                    text: r.get(1)?,
                    appraiser: r.get(2)?,
                    at: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (item, kept) = row?;
            if let Some(i) = at(&item) {
                sheet.records[i].kept = Some(kept);
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT item, explanation, evidence FROM explanations WHERE year = ?1 AND unit = ?2",
        )?;
        let rows = st.query_map(params![year, u], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (item, text, evidence) = row?;
            if let Some(i) = at(&item) {
                sheet.records[i].explanation = Some(Explanation { text, evidence });
            }
        }
        Ok(sheet)
    }

    /// The scores and decision states of each unit of `units` (all of one group, under
    /// `set`), handed to `each` one unit at a time in a sheet that is reused: what totals and
    /// rankings need, without notes, evidence, comments or explanations. Two prepared
    /// queries per unit, each reading one contiguous range of its table.
    pub fn score_sheets(
        &self,
        year: i32,
        set: &CriteriaSet,
        units: &[UnitRow],
        mut each: impl FnMut(&UnitRow, &Scores),
    ) -> Result<(), StoreError> {
        let Some(first) = units.first() else {
            return Ok(());
        };
        // One read transaction: one snapshot for the whole group, and no lock taken and
        // released around each of the 20,000 queries.
        let _snapshot = self.conn.unchecked_transaction()?;
        let mut scores = Scores::new(set, first.code.clone());
        let mut items = ItemCursor::default();
        let mut self_st = self
            .conn
            .prepare_cached("SELECT item, score FROM self_scores WHERE year = ?1 AND unit = ?2")?;
        let mut decided_st = self.conn.prepare_cached(
            "SELECT item, state, score FROM decisions WHERE year = ?1 AND unit = ?2",
        )?;
        for u in units {
            scores.reset(&u.code);
            let mut rows = self_st.query(params![year, u.code.as_str()])?;
            items.restart();
            while let Some(r) = rows.next()? {
                let Some(i) = items.find(set, bytes_at(r, 0)?) else {
                    continue;
                };
                scores.self_scores[i] = Some(score_from_db(r.get(1)?));
            }
            let mut rows = decided_st.query(params![year, u.code.as_str()])?;
            while let Some(r) = rows.next()? {
                let Some(i) = set.index_of_str(text_at(r, 0)?) else {
                    continue;
                };
                let Some(state) = State::parse(text_at(r, 1)?) else {
                    continue;
                };
                scores.decisions[i] = Some((
                    state,
                    r.get::<_, Option<i64>>(2)?.map(Points::from_hundredths),
                ));
            }
            each(u, &scores);
        }
        Ok(())
    }

    /// The published indexes of `year` for every unit that has one (and `province`).
    pub fn history_of_year(
        &self,
        year: i32,
    ) -> Result<std::collections::HashMap<String, Points>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT unit, idx FROM history WHERE year = ?1")?;
        let rows = st.query_map([year], |r| {
            Ok((r.get::<_, String>(0)?, Points::from_hundredths(r.get(1)?)))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The published index of `unit` (or `province`) in `year`.
    pub fn history(&self, unit: &str, year: i32) -> Result<Option<Points>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT idx FROM history WHERE unit = ?1 AND year = ?2",
                params![unit, year],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .map(Points::from_hundredths))
    }
}

impl Store {
    /// Gives an appraiser the fields of a group to appraise (replacing what they had there).
    pub fn assign_fields(
        &mut self,
        year: i32,
        appraiser: &str,
        group: &str,
        fields: &[String],
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "DELETE FROM assignments WHERE year = ?1 AND appraiser = ?2 AND group_code = ?3",
            params![year, appraiser, group],
        )?;
        for f in fields {
            tx.execute(
                "INSERT INTO assignments (year, appraiser, group_code, field) VALUES (?1, ?2, ?3, ?4)",
                params![year, appraiser, group, f],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The fields of a group assigned to an appraiser (empty: no assignment, all fields).
    pub fn assigned_fields(
        &self,
        year: i32,
        appraiser: &str,
        group: &str,
    ) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT field FROM assignments WHERE year = ?1 AND appraiser = ?2 AND group_code = ?3
             ORDER BY field",
        )?;
        let rows = st.query_map(params![year, appraiser, group], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Copies the assignments of `from` to `to` (the new year's), for the groups and fields
    /// `to` has; those `to` has already stay. Returns how many were copied.
    pub fn copy_assignments(&mut self, from: i32, to: i32) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO assignments (year, appraiser, group_code, field)
             SELECT ?2, a.appraiser, a.group_code, a.field FROM assignments a
             WHERE a.year = ?1 AND EXISTS (SELECT 1 FROM nodes n
                 WHERE n.year = ?2 AND n.group_code = a.group_code AND n.code = a.field)",
            params![from, to],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// Every assignment of a year: (appraiser, group, field).
    pub fn assignments(&self, year: i32) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT appraiser, group_code, field FROM assignments WHERE year = ?1
             ORDER BY appraiser, group_code, field",
        )?;
        let rows = st.query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
