//! The council's settings of a year and the register of the documents it issued: each
//! document (kind, unit, stage) takes the next number of the year's series the first time it
//! is written and keeps it, with its day of issue, whenever it is written again. Both writes
//! are audited (`council_set`, `issue`).

use super::decisions::insert_audit;
use super::{Store, StoreError};
use crate::domain::council::{Council, DocKind, Issued, Stage};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// The schema step of the settings and the register.
pub const SCHEMA: &str = r#"
    CREATE TABLE council (
        year INTEGER PRIMARY KEY,
        parent TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        signer TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        next_number INTEGER NOT NULL DEFAULT 1 CHECK (next_number >= 1),
        notice_series TEXT NOT NULL,
        minutes_series TEXT NOT NULL,
        submission_series TEXT NOT NULL
    ) STRICT;

    CREATE TABLE issued (
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('notice', 'minutes', 'submission')),
        subject TEXT NOT NULL,     -- a unit's code; '' for the submission
        stage TEXT NOT NULL CHECK (stage IN ('provisional', 'final')),
        number INTEGER NOT NULL,
        series TEXT NOT NULL,
        issued_on TEXT NOT NULL,   -- the local day of issue, YYYY-MM-DD
        appraiser TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (year, kind, subject, stage)
    ) STRICT;
"#;

fn council_row(conn: &Connection, year: i32) -> Result<Option<Council>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT parent, name, place, signer, title, next_number, notice_series,
                    minutes_series, submission_series
             FROM council WHERE year = ?1",
            [year],
            |r| {
                Ok(Council {
                    parent: r.get(0)?,
                    name: r.get(1)?,
                    place: r.get(2)?,
                    signer: r.get(3)?,
                    title: r.get(4)?,
                    next_number: r.get(5)?,
                    notice_series: r.get(6)?,
                    minutes_series: r.get(7)?,
                    submission_series: r.get(8)?,
                })
            },
        )
        .optional()?)
}

/// The settings of `year`: its own, else the last year's before it (numbers start again at
/// 1), else the defaults. Whether they are the year's own.
fn council_of(conn: &Connection, year: i32) -> Result<(Council, bool), StoreError> {
    if let Some(c) = council_row(conn, year)? {
        return Ok((c, true));
    }
    let before: Option<i32> = conn
        .query_row(
            "SELECT max(year) FROM council WHERE year < ?1",
            [year],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let inherited = match before {
        Some(y) => council_row(conn, y)?.map(|c| Council {
            next_number: 1,
            ..c
        }),
        None => None,
    };
    Ok((inherited.unwrap_or_default(), false))
}

fn write_council(conn: &Connection, year: i32, c: &Council) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO council (year, parent, name, place, signer, title, next_number,
             notice_series, minutes_series, submission_series)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (year) DO UPDATE SET parent = excluded.parent, name = excluded.name,
             place = excluded.place, signer = excluded.signer, title = excluded.title,
             next_number = excluded.next_number, notice_series = excluded.notice_series,
             minutes_series = excluded.minutes_series,
             submission_series = excluded.submission_series",
        params![
            year,
            c.parent,
            c.name,
            c.place,
            c.signer,
            c.title,
            c.next_number,
            c.notice_series,
            c.minutes_series,
            c.submission_series
        ],
    )?;
    Ok(())
}

/// What a document to number is: its kind, its unit (empty for the submission), its stage.
pub type DocKey = (DocKind, String, Stage);

impl Store {
    /// The council's settings of `year` (see `council_of`), and whether they are the year's
    /// own rather than carried from an earlier year or the defaults.
    pub fn council(&self, year: i32) -> Result<(Council, bool), StoreError> {
        council_of(&self.conn, year)
    }

    /// Stores the council's settings of `year`, audited (`council_set`, the settings in the
    /// row's comment). Allowed in a published year: the settings change no result.
    pub fn set_council(
        &mut self,
        year: i32,
        council: &Council,
        appraiser: &str,
    ) -> Result<(), StoreError> {
        let at = self.stamp();
        let tx = self.write()?;
        write_council(&tx, year, council)?;
        insert_audit(
            &tx,
            &at,
            year,
            "",
            None,
            appraiser,
            "council_set",
            None,
            None,
            Some(i64::from(council.next_number)),
            &council.canonical(),
            None,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The documents of `year` already in the register, by kind, subject and stage.
    pub fn issued(&self, year: i32) -> Result<Vec<Issued>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT kind, subject, stage, number, series, issued_on FROM issued
             WHERE year = ?1 ORDER BY number",
        )?;
        let rows = st.query_map([year], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, subject, stage, number, series, day) = row?;
            let (Some(kind), Some(stage), Ok(date)) = (
                DocKind::parse(&kind),
                Stage::parse(&stage),
                NaiveDate::parse_from_str(&day, "%Y-%m-%d"),
            ) else {
                continue;
            };
            out.push(Issued {
                kind,
                subject,
                stage,
                number,
                series,
                date,
            });
        }
        Ok(out)
    }

    /// The numbers of `docs`: a document in the register keeps its number and day; the
    /// others take the next numbers of the series, in the order given, issued on `today`
    /// (each audited as `issue`). One transaction: all numbered, or none. In the order given.
    pub fn issue(
        &mut self,
        year: i32,
        docs: &[DocKey],
        today: NaiveDate,
        appraiser: &str,
    ) -> Result<Vec<Issued>, StoreError> {
        // Nothing to write when every document has its number (a read-only file can then
        // still write its documents again).
        let known = self.issued(year)?;
        let find = |k: &DocKey| {
            known
                .iter()
                .find(|i| i.kind == k.0 && i.subject == k.1 && i.stage == k.2)
                .cloned()
        };
        if docs.iter().all(|k| find(k).is_some()) {
            return Ok(docs.iter().filter_map(find).collect());
        }
        let at = self.stamp();
        let tx = self.write()?;
        let (mut council, _) = council_of(&tx, year)?;
        let mut out = Vec::with_capacity(docs.len());
        for key in docs {
            let existing = tx
                .query_row(
                    "SELECT number, series, issued_on FROM issued
                     WHERE year = ?1 AND kind = ?2 AND subject = ?3 AND stage = ?4",
                    params![year, key.0.as_str(), key.1, key.2.as_str()],
                    |r| {
                        Ok((
                            r.get::<_, u32>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                        ))
                    },
                )
                .optional()?;
            let issued = match existing {
                Some((number, series, day)) => Issued {
                    kind: key.0,
                    subject: key.1.clone(),
                    stage: key.2,
                    number,
                    series,
                    date: NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or(today),
                },
                None => {
                    let issued = Issued {
                        kind: key.0,
                        subject: key.1.clone(),
                        stage: key.2,
                        number: council.next_number,
                        series: council.series(key.0).to_string(),
                        date: today,
                    };
                    tx.execute(
                        "INSERT INTO issued (year, kind, subject, stage, number, series,
                             issued_on, appraiser, at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        params![
                            year,
                            key.0.as_str(),
                            key.1,
                            key.2.as_str(),
                            issued.number,
                            issued.series,
                            today.format("%Y-%m-%d").to_string(),
                            appraiser,
                            at
                        ],
                    )?;
                    insert_audit(
                        &tx,
                        &at,
                        year,
                        &key.1,
                        None,
                        appraiser,
                        "issue",
                        None,
                        None,
                        Some(i64::from(issued.number)),
                        &format!(
                            "{} {} {}",
                            issued.reference(),
                            key.0.as_str(),
                            key.2.as_str()
                        ),
                        None,
                    )?;
                    council.next_number += 1;
                    issued
                }
            };
            out.push(issued);
        }
        write_council(&tx, year, &council)?;
        tx.commit()?;
        Ok(out)
    }
}
