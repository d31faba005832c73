//! Decisions: each one its own transaction with its audit row; undo, closing and reopening
//! are audited the same way.

use super::{Store, StoreError};
use crate::domain::ledger::{Dec, round_after};
use crate::domain::{Decision, ItemCode, Points, State, UnitCode};
use rusqlite::{OptionalExtension, Transaction, params};

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub appraiser: String,
    pub action: String,
    pub unit: String,
    pub item: Option<String>,
    pub old_state: Option<String>,
    pub old_score: Option<Points>,
    pub new_state: Option<String>,
    pub new_score: Option<Points>,
    pub comment: String,
}

/// What an undo put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub item: ItemCode,
    /// The decision restored; none when the item is undecided again.
    pub restored: Option<Decision>,
}

type DecisionRow = (String, Option<i64>, String, String, String, i64);

fn current(
    tx: &Transaction<'_>,
    year: i32,
    unit: &str,
    item: &str,
) -> Result<Option<DecisionRow>, StoreError> {
    Ok(tx
        .prepare_cached(
            "SELECT state, score, comment, appraiser, decided_at, round FROM decisions
             WHERE year = ?1 AND unit = ?2 AND item = ?3",
        )?
        .query_row(params![year, unit, item], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .optional()?)
}

fn to_decision(row: DecisionRow) -> Decision {
    let (state, score, comment, appraiser, decided_at, round) = row;
    Decision {
        state: State::parse(&state).unwrap_or(State::Undecided),
        score: score.map(Points::from_hundredths),
        comment,
        appraiser,
        decided_at,
        round: round as u8,
    }
}

fn check_open(tx: &Transaction<'_>, year: i32, unit: &str) -> Result<(), StoreError> {
    super::years::check_not_published(tx, year)?;
    let closed: Option<bool> = tx
        .prepare_cached("SELECT closed FROM units WHERE year = ?1 AND code = ?2")?
        .query_row(params![year, unit], |r| r.get(0))
        .optional()?;
    match closed {
        None => Err(StoreError::UnknownUnit(unit.to_string())),
        Some(true) => Err(StoreError::UnitClosed(unit.to_string())),
        Some(false) => Ok(()),
    }
}

impl Store {
    /// Records one decision and its audit row in one transaction, and returns the decision as
    /// stored. The caller has checked the score against the criteria set.
    #[allow(clippy::too_many_arguments)]
    pub fn decide(
        &mut self,
        year: i32,
        unit: &UnitCode,
        item: &ItemCode,
        state: State,
        score: Option<Points>,
        comment: &str,
        appraiser: &str,
    ) -> Result<Decision, StoreError> {
        let at = self.stamp();
        let sets = self.sets.clone();
        let tx = self.write()?;
        let (u, i) = (unit.as_str(), item.as_str());
        check_open(&tx, year, u)?;
        let old = current(&tx, year, u, i)?;
        let round = round_after(old.as_ref().map(|(s, _, _, _, _, r)| (s.as_str(), *r)));
        let new_score = score.map(Points::hundredths);
        tx.prepare_cached(
            "INSERT INTO decisions (year, unit, item, state, score, comment, appraiser, decided_at, round)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?8)
                 ON CONFLICT (year, unit, item) DO UPDATE SET state = ?4, score = ?5, comment = ?6,
                     appraiser = ?7, decided_at = ?9, round = ?8",
        )?
        .execute(params![year, u, i, state.as_str(), new_score, comment, appraiser, round, at])?;
        // A comment kept on the undecided item went with this decision (the caller sends it).
        forget_kept(&tx, year, u, i)?;
        insert_audit(
            &tx,
            &at,
            year,
            u,
            Some(i),
            appraiser,
            "decide",
            old.as_ref(),
            Some(state),
            new_score,
            comment,
            None,
        )?;
        let stored = current(&tx, year, u, i)?.map(to_decision);
        super::totals::refresh(&tx, &sets, year, unit)?;
        tx.commit()?;
        stored.ok_or_else(|| StoreError::UnknownUnit(u.to_string()))
    }

    /// Puts back what `appraiser`'s last not-yet-undone decision on `unit` replaced.
    /// Refused when someone changed that item since.
    pub fn undo_last(
        &mut self,
        year: i32,
        unit: &UnitCode,
        appraiser: &str,
    ) -> Result<Undone, StoreError> {
        let at = self.stamp();
        let sets = self.sets.clone();
        let tx = self.write()?;
        let u = unit.as_str();
        check_open(&tx, year, u)?;
        // The comment the undone decision replaced is not read: the comment as it stands
        // now is kept.
        type Last = (
            i64,
            String,
            Option<String>,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<i64>,
            Option<String>,
            Option<i64>,
        );
        let last: Option<Last> = tx
            .query_row(
                "SELECT id, item, old_state, old_score, old_appraiser, old_decided_at, old_round,
                        new_state, new_score
                 FROM audit a
                 WHERE year = ?1 AND unit = ?2 AND appraiser = ?3 AND action = 'decide'
                   AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.undoes = a.id)
                 ORDER BY id DESC LIMIT 1",
                params![year, u, appraiser],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, item, old_state, old_score, old_by, old_at, old_round, new_state, new_score)) =
            last
        else {
            return Err(StoreError::NothingToUndo);
        };
        let now = current(&tx, year, u, &item)?;
        let unchanged = now
            .as_ref()
            .is_some_and(|(s, sc, _, _, _, _)| Some(s) == new_state.as_ref() && *sc == new_score);
        if !unchanged {
            return Err(StoreError::UndoStale {
                item,
                by: now.map(|n| n.3).unwrap_or_default(),
            });
        }
        // The verdict goes back; the comment as it stands now stays (a member's text is never
        // deleted as a side effect): on the verdict put back, or kept on the undecided item.
        let kept = now.as_ref().map(|n| n.2.clone()).unwrap_or_default();
        match &old_state {
            None => {
                tx.execute(
                    "DELETE FROM decisions WHERE year = ?1 AND unit = ?2 AND item = ?3",
                    params![year, u, item],
                )?;
                if !kept.is_empty() {
                    let by = now.as_ref().map(|n| n.3.clone()).unwrap_or_default();
                    keep_comment(&tx, year, u, &item, &kept, &by, &at)?;
                }
            }
            Some(state) => {
                tx.execute(
                    "UPDATE decisions SET state = ?4, score = ?5, comment = ?6, appraiser = ?7,
                         decided_at = ?8, round = ?9
                     WHERE year = ?1 AND unit = ?2 AND item = ?3",
                    params![
                        year,
                        u,
                        item,
                        state,
                        old_score,
                        kept,
                        old_by.clone().unwrap_or_default(),
                        old_at.clone().unwrap_or_default(),
                        old_round.unwrap_or(1)
                    ],
                )?;
            }
        }
        let restored_state = old_state.as_deref().and_then(State::parse);
        insert_audit(
            &tx,
            &at,
            year,
            u,
            Some(&item),
            appraiser,
            "undo",
            now.as_ref(),
            restored_state,
            old_score,
            &kept,
            Some(id),
        )?;
        let restored = current(&tx, year, u, &item)?.map(to_decision);
        super::totals::refresh(&tx, &sets, year, unit)?;
        tx.commit()?;
        Ok(Undone {
            item: ItemCode::parse(&item).map_err(|_| StoreError::NothingToUndo)?,
            restored,
        })
    }

    /// Changes the comment of an existing decision (audited). Returns the decision.
    pub fn set_comment(
        &mut self,
        year: i32,
        unit: &UnitCode,
        item: &ItemCode,
        comment: &str,
        appraiser: &str,
    ) -> Result<Option<Decision>, StoreError> {
        let at = self.stamp();
        let tx = self.write()?;
        let (u, i) = (unit.as_str(), item.as_str());
        check_open(&tx, year, u)?;
        let old = current(&tx, year, u, i)?;
        match &old {
            Some(_) => {
                tx.execute(
                    "UPDATE decisions SET comment = ?4 WHERE year = ?1 AND unit = ?2 AND item = ?3",
                    params![year, u, i, comment],
                )?;
            }
            // No decision yet: the comment is kept on the item for its decision (logged like
            // any comment, so that nothing a member wrote lives outside the ledger).
            None if comment.is_empty() => forget_kept(&tx, year, u, i)?,
            None => keep_comment(&tx, year, u, i, comment, appraiser, &at)?,
        }
        let state = old.as_ref().and_then(|o| State::parse(&o.0));
        let score = old.as_ref().and_then(|o| o.1);
        insert_audit(
            &tx,
            &at,
            year,
            u,
            Some(i),
            appraiser,
            "comment",
            old.as_ref(),
            state,
            score,
            comment,
            None,
        )?;
        let stored = current(&tx, year, u, i)?.map(to_decision);
        tx.commit()?;
        Ok(stored)
    }

    /// Where the screens' live state stands: the last row of the audit log, and the count of
    /// the writes that leave no audit row (imports, sets: see `bump_epoch`), read together.
    pub fn watermark(&self) -> Result<(i64, i64), StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM audit), (SELECT n FROM epoch WHERE id = 1)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The units of `year` named by audit rows after `after` (each once), with the new
    /// watermark, read in one snapshot.
    pub fn units_changed_since(
        &self,
        year: i32,
        after: i64,
    ) -> Result<(Vec<String>, (i64, i64)), StoreError> {
        let _snapshot = self.conn.unchecked_transaction()?;
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT unit FROM audit WHERE id > ?1 AND year = ?2
                 AND action NOT IN ('import', 'seal') ORDER BY unit",
        )?;
        let units = st
            .query_map(params![after, year], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok((units, self.watermark()?))
    }

    /// Closes a unit (its decisions then need a reopening to change) or reopens it; audited.
    pub fn set_closed(
        &mut self,
        year: i32,
        unit: &UnitCode,
        closed: bool,
        appraiser: &str,
        comment: &str,
    ) -> Result<(), StoreError> {
        let at = self.stamp();
        let tx = self.write()?;
        let u = unit.as_str();
        super::years::check_not_published(&tx, year)?;
        let n = tx.execute(
            "UPDATE units SET closed = ?3 WHERE year = ?1 AND code = ?2",
            params![year, u, closed],
        )?;
        if n == 0 {
            return Err(StoreError::UnknownUnit(u.to_string()));
        }
        let action = if closed { "close" } else { "reopen" };
        insert_audit(
            &tx, &at, year, u, None, appraiser, action, None, None, None, comment, None,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The audit log of a year (optionally one unit), oldest first.
    pub fn audit(&self, year: i32, unit: Option<&str>) -> Result<Vec<AuditRow>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT id, at, appraiser, action, unit, item, old_state, old_score, new_state,
                    new_score, comment
             FROM audit WHERE year = ?1 AND (?2 IS NULL OR unit = ?2)
                 AND action NOT IN ('import', 'seal') ORDER BY id",
        )?;
        let rows = st.query_map(params![year, unit], |r| {
            Ok(AuditRow {
                id: r.get(0)?,
                at: r.get(1)?,
                appraiser: r.get(2)?,
                action: r.get(3)?,
                unit: r.get(4)?,
                item: r.get(5)?,
                old_state: r.get(6)?,
                old_score: r.get::<_, Option<i64>>(7)?.map(Points::from_hundredths),
                new_state: r.get(8)?,
                new_score: r.get::<_, Option<i64>>(9)?.map(Points::from_hundredths),
                comment: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The audit row of a write, chained on the last one (`ledger::append`).
/// Counts a write that leaves no audit row but changes what the screens show (an import, a
/// set): the screens' live state then reloads whole (see `Store::watermark`).
pub(super) fn bump_epoch(tx: &rusqlite::Connection) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE epoch SET n = n + 1 WHERE id = 1")?
        .execute([])?;
    Ok(())
}

/// Keeps a comment on an item that has no decision (replacing one kept before).
fn keep_comment(
    tx: &Transaction<'_>,
    year: i32,
    unit: &str,
    item: &str,
    comment: &str,
    appraiser: &str,
    at: &str,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO kept_comments (year, unit, item, comment, appraiser, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (year, unit, item) DO UPDATE SET comment = ?4, appraiser = ?5, at = ?6",
    )?
    .execute(params![year, unit, item, comment, appraiser, at])?;
    Ok(())
}

/// The kept comment of an item, gone (its decision took it, or it was emptied).
fn forget_kept(tx: &Transaction<'_>, year: i32, unit: &str, item: &str) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM kept_comments WHERE year = ?1 AND unit = ?2 AND item = ?3")?
        .execute(params![year, unit, item])?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn insert_audit(
    tx: &Transaction<'_>,
    at: &str,
    year: i32,
    unit: &str,
    item: Option<&str>,
    appraiser: &str,
    action: &str,
    old: Option<&DecisionRow>,
    new_state: Option<State>,
    new_score: Option<i64>,
    comment: &str,
    undoes: Option<i64>,
) -> Result<(), StoreError> {
    let old = old.map(|o| Dec {
        state: o.0.clone(),
        score: o.1,
        comment: o.2.clone(),
        appraiser: o.3.clone(),
        decided_at: o.4.clone(),
        round: o.5,
    });
    super::ledger::append(
        tx,
        super::ledger::NewRow {
            at,
            appraiser,
            action,
            year: i64::from(year),
            unit,
            item,
            old: old.as_ref(),
            new_state: new_state.map(State::as_str),
            new_score,
            comment,
            undoes,
        },
    )
}
