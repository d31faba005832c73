//! The years: a new year made from another, a year's publication and its published result,
//! and the history of indexes. Every write in one `BEGIN IMMEDIATE` transaction with its audit
//! row.

use super::decisions::insert_audit;
use super::seals::seal;
use super::sets::insert_set;
use super::{HistoryRow, Store, StoreError, UnitRow};
use crate::domain::lineage::{self, Kind, Link, Override, Previous};
use crate::domain::seal::{self as sealing, Counts};
use crate::domain::{CriteriaSet, Points};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

/// Refuses a write that would change the results of a published year.
pub(super) fn check_not_published(conn: &Connection, year: i32) -> Result<(), StoreError> {
    let published = conn
        .prepare_cached("SELECT 1 FROM publications WHERE year = ?1")?
        .exists([year])?;
    if published {
        return Err(StoreError::YearPublished(year));
    }
    Ok(())
}

/// One unit's line of a published result: its final ranking as it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedRow {
    pub year: i32,
    pub unit: String,
    pub name: String,
    pub group: String,
    pub ranked: bool,
    pub rank: Option<u32>,
    /// The ranked units of the group.
    pub ranked_of: u32,
    /// The index as published: rounded to 2 decimals.
    pub index: Option<Points>,
    pub band: Option<String>,
    pub appraised: Points,
    pub survey: Points,
    pub max: Points,
}

/// A year's publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub year: i32,
    /// When, as the store stamps it.
    pub at: String,
    pub appraiser: String,
    pub comment: String,
    /// The units of the published result.
    pub units: usize,
}

fn hundredths(p: Option<i64>) -> Option<Points> {
    p.map(Points::from_hundredths)
}

impl Store {
    /// Stores the published result of `year` with its audit row. Refused when the year is
    /// already published, or when another connection committed anything since `seen` (the
    /// `data_version` read before the result was computed): the result would not be what the
    /// database now holds.
    pub fn publish(
        &mut self,
        year: i32,
        rows: &[PublishedRow],
        appraiser: &str,
        comment: &str,
        seen: i64,
    ) -> Result<(), StoreError> {
        let at = self.stamp();
        let tx = self.write()?;
        check_not_published(&tx, year)?;
        let now: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if now != seen {
            return Err(StoreError::ChangedMeanwhile(year));
        }
        tx.execute(
            "INSERT INTO publications (year, published_at, appraiser, comment)
             VALUES (?1, ?2, ?3, ?4)",
            params![year, at, appraiser, comment],
        )?;
        {
            let mut st = tx.prepare(
                "INSERT INTO published (year, unit, name, group_code, ranked, rank, ranked_of,
                     idx, band, appraised, survey, max)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            for r in rows {
                st.execute(params![
                    year,
                    r.unit,
                    r.name,
                    r.group,
                    r.ranked,
                    r.rank,
                    r.ranked_of,
                    r.index.map(Points::hundredths),
                    r.band,
                    r.appraised.hundredths(),
                    r.survey.hundredths(),
                    r.max.hundredths(),
                ])?;
            }
        }
        insert_audit(
            &tx, &at, year, "", None, appraiser, "publish", None, None, None, comment, None,
        )?;
        let counts = Counts {
            added: rows.len(),
            ..Counts::default()
        };
        let scope = [(i64::from(year), String::new())];
        seal(
            &tx,
            &at,
            appraiser,
            year,
            sealing::Kind::Published,
            None,
            counts,
            scope,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Takes back the publication of `year` (its published result goes with it), audited with
    /// the comment. Returns the publication taken back.
    pub fn unpublish(
        &mut self,
        year: i32,
        appraiser: &str,
        comment: &str,
    ) -> Result<Publication, StoreError> {
        let at = self.stamp();
        let tx = self.write()?;
        let Some(publication) = publication_of(&tx, year)? else {
            return Err(StoreError::NotPublished(year));
        };
        tx.execute("DELETE FROM publications WHERE year = ?1", [year])?;
        insert_audit(
            &tx,
            &at,
            year,
            "",
            None,
            appraiser,
            "unpublish",
            None,
            None,
            None,
            comment,
            None,
        )?;
        // The published result went with the publication (ON DELETE CASCADE): its seal
        // is now of nothing.
        tx.execute("DELETE FROM published WHERE year = ?1", [year])?;
        let scope = [(i64::from(year), String::new())];
        let counts = Counts::default();
        seal(
            &tx,
            &at,
            appraiser,
            year,
            sealing::Kind::Published,
            None,
            counts,
            scope,
        )?;
        tx.commit()?;
        Ok(publication)
    }

    /// The publication of `year`, if it is published.
    pub fn publication(&self, year: i32) -> Result<Option<Publication>, StoreError> {
        publication_of(&self.conn, year)
    }

    /// The published results (of one year, or of every year), by year, group and rank.
    pub fn published(&self, year: Option<i32>) -> Result<Vec<PublishedRow>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT year, unit, name, group_code, ranked, rank, ranked_of, idx, band, appraised,
                    survey, max
             FROM published WHERE (?1 IS NULL OR year = ?1)
             ORDER BY year, group_code, rank IS NULL, rank, name",
        )?;
        let rows = st.query_map([year], |r| {
            Ok(PublishedRow {
                year: r.get(0)?,
                unit: r.get(1)?,
                name: r.get(2)?,
                group: r.get(3)?,
                ranked: r.get(4)?,
                rank: r.get(5)?,
                ranked_of: r.get(6)?,
                index: hundredths(r.get(7)?),
                band: r.get(8)?,
                appraised: Points::from_hundredths(r.get(9)?),
                survey: Points::from_hundredths(r.get(10)?),
                max: Points::from_hundredths(r.get(11)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every row of the imported history, by unit and year.
    pub fn history_rows(&self) -> Result<Vec<HistoryRow>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT unit, year, idx, rank, ranked_of FROM history ORDER BY unit, year",
        )?;
        let rows = st.query_map([], |r| {
            Ok(HistoryRow {
                unit: r.get(0)?,
                year: r.get(1)?,
                index: Points::from_hundredths(r.get(2)?),
                rank: r.get(3)?,
                ranked_of: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The index of every unit (and `province`) in `year` as the next year takes it: the
    /// published result where the year is published in this database, else the imported
    /// history. Where both hold a unit, the published result wins.
    pub fn indexes_of_year(&self, year: i32) -> Result<HashMap<String, Points>, StoreError> {
        let mut out = self.history_of_year(year)?;
        let mut st = self.conn.prepare_cached(
            "SELECT unit, idx FROM published WHERE year = ?1 AND idx IS NOT NULL",
        )?;
        let rows = st.query_map([year], |r| {
            Ok((r.get::<_, String>(0)?, Points::from_hundredths(r.get(1)?)))
        })?;
        for row in rows {
            let (unit, index) = row?;
            out.insert(unit, index);
        }
        Ok(out)
    }

    /// Whether `year` has criteria sets or units.
    pub fn year_exists(&self, year: i32) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sets WHERE year = ?1)
                 OR EXISTS (SELECT 1 FROM units WHERE year = ?1)",
            [year],
            |r| r.get(0),
        )?)
    }

    /// Creates `year` with `sets` (each already set to `year`) and `units` (their code, name,
    /// group and ranked; no scores), in one transaction with its audit row. Refused when the
    /// year already has sets or units.
    pub fn create_year(
        &mut self,
        year: i32,
        sets: &[CriteriaSet],
        units: &[UnitRow],
        links: &[Link],
        appraiser: &str,
        comment: &str,
    ) -> Result<(), StoreError> {
        let at = self.stamp();
        let tx = self.write()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sets WHERE year = ?1)
                 OR EXISTS (SELECT 1 FROM units WHERE year = ?1)",
            [year],
            |r| r.get(0),
        )?;
        if exists {
            return Err(StoreError::YearExists(year));
        }
        for set in sets {
            debug_assert_eq!(set.year, year);
            insert_set(&tx, set)?;
        }
        {
            let mut st = tx.prepare(
                "INSERT INTO units (year, code, name, group_code, ranked) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for u in units {
                st.execute(params![year, u.code.as_str(), u.name, u.group, u.ranked])?;
            }
        }
        {
            let mut st = tx.prepare(
                "INSERT INTO lineage (year, unit, from_unit, kind, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for l in links {
                st.execute(params![year, l.unit, l.from, l.kind.as_str(), l.note])?;
            }
        }
        insert_audit(
            &tx, &at, year, "", None, appraiser, "new_year", None, None, None, comment, None,
        )?;
        let y = i64::from(year);
        let sets_added = Counts {
            added: sets.len(),
            ..Counts::default()
        };
        let groups = sets.iter().map(|s| (y, s.group.as_str().to_string()));
        seal(
            &tx,
            &at,
            appraiser,
            year,
            sealing::Kind::Set,
            None,
            sets_added,
            groups,
        )?;
        let units_added = Counts {
            added: units.len(),
            ..Counts::default()
        };
        let codes = units.iter().map(|u| (y, u.code.to_string()));
        seal(
            &tx,
            &at,
            appraiser,
            year,
            sealing::Kind::Units,
            None,
            units_added,
            codes,
        )?;
        if !links.is_empty() {
            let linked: std::collections::BTreeSet<(i64, String)> =
                links.iter().map(|l| (y, l.unit.to_string())).collect();
            let lineage_added = Counts {
                added: linked.len(),
                ..Counts::default()
            };
            seal(
                &tx,
                &at,
                appraiser,
                year,
                sealing::Kind::Lineage,
                None,
                lineage_added,
                linked,
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// The lineage of `year`'s units (empty for a year made without changes), by unit.
    pub fn lineage(&self, year: i32) -> Result<Vec<Link>, StoreError> {
        Ok(self
            .lineage_of(Some(year))?
            .into_iter()
            .map(|(_, l)| l)
            .collect())
    }

    /// The lineage of every year: (year, link), by year, unit and the order written.
    pub fn lineage_all(&self) -> Result<Vec<(i32, Link)>, StoreError> {
        self.lineage_of(None)
    }

    /// The lineage of `year`, or of every year.
    fn lineage_of(&self, year: Option<i32>) -> Result<Vec<(i32, Link)>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT year, unit, from_unit, kind, note FROM lineage
             WHERE ?1 IS NULL OR year = ?1 ORDER BY year, unit, rowid",
        )?;
        let rows = st.query_map([year], |r| {
            let kind: String = r.get(3)?;
            Ok((
                r.get::<_, i32>(0)?,
                Link {
                    unit: r.get(1)?,
                    from: r.get(2)?,
                    kind: Kind::parse(&kind).unwrap_or(Kind::New),
                    note: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every unit code of any year with its name (the latest year's).
    pub fn unit_names(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT code, name FROM units ORDER BY year")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The council's comparison figures of `year`, by unit.
    pub fn previous_overrides(&self, year: i32) -> Result<HashMap<String, Override>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT unit, idx, reason FROM previous_overrides WHERE year = ?1")?;
        let rows = st.query_map([year], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Override {
                    value: hundredths(r.get(1)?),
                    reason: r.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets (or, with `None`, takes back) the council's comparison figure of `unit` in `year`,
    /// with its reason, in one transaction with its audit row (`previous_set`, its score the
    /// figure in hundredths, none for "no comparison"; `previous_cleared`). Refused on a
    /// published year and for an unknown unit.
    pub fn set_previous_override(
        &mut self,
        year: i32,
        unit: &str,
        figure: Option<Option<Points>>,
        reason: &str,
        appraiser: &str,
    ) -> Result<(), StoreError> {
        let at = self.stamp();
        let tx = self.write()?;
        check_not_published(&tx, year)?;
        let known = tx
            .prepare_cached("SELECT 1 FROM units WHERE year = ?1 AND code = ?2")?
            .exists(params![year, unit])?;
        if !known {
            return Err(StoreError::UnknownUnit(unit.to_string()));
        }
        let action = match figure {
            Some(value) => {
                tx.execute(
                    "INSERT INTO previous_overrides (year, unit, idx, reason, appraiser, at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (year, unit) DO UPDATE SET idx = excluded.idx,
                         reason = excluded.reason, appraiser = excluded.appraiser,
                         at = excluded.at",
                    params![
                        year,
                        unit,
                        value.map(Points::hundredths),
                        reason,
                        appraiser,
                        at
                    ],
                )?;
                "previous_set"
            }
            None => {
                tx.execute(
                    "DELETE FROM previous_overrides WHERE year = ?1 AND unit = ?2",
                    params![year, unit],
                )?;
                "previous_cleared"
            }
        };
        insert_audit(
            &tx,
            &at,
            year,
            unit,
            None,
            appraiser,
            action,
            None,
            None,
            figure.flatten().map(Points::hundredths),
            reason,
            None,
        )?;
        // The screens keep last year's figures with a group's lines: a whole reload, on every
        // member's screen, rather than the unit's line alone.
        super::decisions::bump_epoch(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Every unit of `year` with the figure its index is compared with and how it was found
    /// (see `domain::lineage::previous_of`).
    pub fn previous_figures(&self, year: i32) -> Result<HashMap<String, Previous>, StoreError> {
        let last = self.indexes_of_year(year - 1)?;
        let links = self.lineage(year)?;
        let council = self.previous_overrides(year)?;
        let mut st = self
            .conn
            .prepare_cached("SELECT code FROM units WHERE year = ?1")?;
        let units: Vec<String> = st
            .query_map([year], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let refs: Vec<&str> = units.iter().map(String::as_str).collect();
        Ok(lineage::previous_all(&refs, &links, &last, &council))
    }

    /// The figure each unit of `year` is compared with, by unit code, and the province's
    /// index of the year before (`province`): what the rankings take as last year's index.
    pub fn previous_indexes(&self, year: i32) -> Result<HashMap<String, Points>, StoreError> {
        let mut out: HashMap<String, Points> = self
            .previous_figures(year)?
            .into_iter()
            .filter_map(|(u, p)| p.value.map(|v| (u, v)))
            .collect();
        if let Some(p) = self.history_of_year(year - 1)?.get("province") {
            out.insert("province".to_string(), *p);
        }
        Ok(out)
    }
}

fn publication_of(conn: &Connection, year: i32) -> Result<Option<Publication>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT p.published_at, p.appraiser, p.comment,
                    (SELECT COUNT(*) FROM published u WHERE u.year = p.year)
             FROM publications p WHERE p.year = ?1",
            [year],
            |r| {
                Ok(Publication {
                    year,
                    at: r.get(0)?,
                    appraiser: r.get(1)?,
                    comment: r.get(2)?,
                    units: r.get::<_, i64>(3)? as usize,
                })
            },
        )
        .optional()?)
}
