//! Seals on the database (see `domain::seal`): the rows each kind seals, the `import` and
//! `seal` rows a write appends in its own transaction, the migration step that seals what an
//! older file holds, and the check `verify` makes of every scope against its last seal.
//!
//! Every write to a sealed table (units, self_scores, explanations, history, field_history,
//! sets, nodes, node_options, published) must call [`seal`] for the scopes it wrote, in the
//! same transaction: `verify` reports any other change.

use super::StoreError;
use super::ledger::{NewRow, append, value};
use crate::domain::ledger::Hash;
use crate::domain::seal::{self, Counts, Digester, Kind, Origin, Scope, Seals, Tamper};
use rusqlite::{Connection, Transaction, params};
use std::collections::BTreeSet;

/// The rows of one scope, in key order (`?1` the year, `?2` the unit, group or nothing).
fn rows_sql(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Units => {
            &["SELECT name, group_code, ranked FROM units WHERE year = ?1 AND code = ?2"]
        }
        Kind::Survey => &["SELECT survey FROM units
             WHERE year = ?1 AND code = ?2 AND survey IS NOT NULL"],
        Kind::SelfScores => &["SELECT item, score, note, evidence FROM self_scores
             WHERE year = ?1 AND unit = ?2 ORDER BY item"],
        Kind::Explanations => &["SELECT item, explanation, evidence FROM explanations
             WHERE year = ?1 AND unit = ?2 ORDER BY item"],
        Kind::History => &["SELECT year, idx, rank, ranked_of FROM history
             WHERE ?1 = 0 AND unit = ?2 ORDER BY year"],
        Kind::FieldHistory => &["SELECT year, field, field_name, pct FROM field_history
             WHERE ?1 = 0 AND unit = ?2 ORDER BY year, field"],
        Kind::Set => &[
            "SELECT name, appraisal_max, survey_max, bands, bonus_title, bonus_cap,
                    deduction_title, deduction_cap, short_name,
                    source_number, source_date, source_issuer
             FROM sets WHERE year = ?1 AND group_code = ?2",
            "SELECT code, position, parent, kind, title, max, min, is_item, guidance,
                    not_applicable_for
             FROM nodes WHERE year = ?1 AND group_code = ?2 ORDER BY code",
            "SELECT code, position, label, points FROM node_options
             WHERE year = ?1 AND group_code = ?2 ORDER BY code, position",
        ],
        Kind::Published => &[
            "SELECT unit, name, group_code, ranked, rank, ranked_of, idx, band,
                    appraised, survey, max
             FROM published WHERE year = ?1 AND ?2 = '' ORDER BY unit",
        ],
        Kind::Lineage => &["SELECT from_unit, kind, note FROM lineage
             WHERE year = ?1 AND unit = ?2 ORDER BY from_unit"],
    }
}

/// The scopes of a kind that hold rows (of `year`, or of every year).
fn scopes_sql(kind: Kind) -> &'static str {
    match kind {
        Kind::Units => "SELECT year, code FROM units WHERE ?1 IS NULL OR year = ?1",
        Kind::Survey => {
            "SELECT year, code FROM units WHERE survey IS NOT NULL AND (?1 IS NULL OR year = ?1)"
        }
        Kind::SelfScores => {
            "SELECT DISTINCT year, unit FROM self_scores WHERE ?1 IS NULL OR year = ?1"
        }
        Kind::Explanations => {
            "SELECT DISTINCT year, unit FROM explanations WHERE ?1 IS NULL OR year = ?1"
        }
        Kind::History => "SELECT DISTINCT 0, unit FROM history",
        Kind::FieldHistory => "SELECT DISTINCT 0, unit FROM field_history",
        Kind::Set => "SELECT year, group_code FROM sets WHERE ?1 IS NULL OR year = ?1",
        Kind::Published => "SELECT DISTINCT year, '' FROM published WHERE ?1 IS NULL OR year = ?1",
        Kind::Lineage => "SELECT DISTINCT year, unit FROM lineage WHERE ?1 IS NULL OR year = ?1",
    }
}

/// The digest of a scope's rows now; None when it has none.
pub(super) fn digest(conn: &Connection, scope: &Scope) -> Result<Option<Hash>, StoreError> {
    let mut d = Digester::default();
    let mut any = false;
    let mut row = Vec::new();
    for sql in rows_sql(scope.kind) {
        let mut st = conn.prepare_cached(sql)?;
        let n = st.column_count();
        let mut rows = st.query(params![scope.year, scope.key])?;
        while let Some(r) = rows.next()? {
            row.clear();
            for i in 0..n {
                row.push(value(r.get_ref(i)?));
            }
            d.push(&row);
            any = true;
        }
    }
    Ok(any.then(|| d.finish()))
}

/// Appends, in the caller's write transaction, the `import` row of a write of `kind` (from
/// `origin`, when a file) and one `seal` row per scope it wrote (`(year, key)`; year 0 for a
/// kind that spans years), each with the digest of the scope as the transaction now holds
/// it.
#[allow(clippy::too_many_arguments)]
pub(super) fn seal(
    tx: &Transaction<'_>,
    at: &str,
    appraiser: &str,
    year: i32,
    kind: Kind,
    origin: Option<&Origin>,
    counts: Counts,
    scopes: impl IntoIterator<Item = (i64, String)>,
) -> Result<(), StoreError> {
    let scopes: BTreeSet<(i64, String)> = scopes.into_iter().collect();
    let text = seal::import_text(kind, origin, counts);
    append(
        tx,
        NewRow {
            at,
            appraiser,
            action: seal::IMPORT,
            year: i64::from(year),
            unit: "",
            item: None,
            old: None,
            new_state: None,
            new_score: None,
            comment: &text,
            undoes: None,
        },
    )?;
    for (year, key) in scopes {
        let scope = Scope { kind, year, key };
        let digest = digest(tx, &scope)?.unwrap_or_else(seal::empty);
        append(
            tx,
            NewRow {
                at,
                appraiser,
                action: seal::SEAL,
                year,
                unit: &scope.key,
                item: None,
                old: None,
                new_state: None,
                new_score: None,
                comment: &seal::seal_text(kind, &digest),
                undoes: None,
            },
        )?;
    }
    Ok(())
}

/// The scopes of `kind` holding rows now (of `year`, or all; every one for kinds that span
/// years).
fn scopes(conn: &Connection, kind: Kind, year: Option<i32>) -> Result<Vec<Scope>, StoreError> {
    let mut st = conn.prepare_cached(scopes_sql(kind))?;
    // The kinds that span years take no year.
    let params: &[&dyn rusqlite::ToSql] = &[&year];
    let params = &params[..st.parameter_count()];
    let rows = st
        .query_map(params, |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<(i64, String)>, _>>()?;
    Ok(rows
        .into_iter()
        .map(|(year, key)| Scope { kind, year, key })
        .collect())
}

/// The migration step that seals what an older file holds: per kind, an `import` row
/// (no file) and a seal for every scope with rows.
pub(super) fn migrate(tx: &Transaction<'_>, at: &str) -> Result<(), StoreError> {
    // The kinds sealed since by their own step.
    let later = [Kind::Lineage];
    for kind in Kind::ALL.into_iter().filter(|k| !later.contains(k)) {
        seal_existing(tx, at, kind)?;
    }
    Ok(())
}

/// The migration step that seals the units' lineage an older file holds (written by
/// `new-year --changes` before it was sealed).
pub(super) fn migrate_lineage(tx: &Transaction<'_>, at: &str) -> Result<(), StoreError> {
    seal_existing(tx, at, Kind::Lineage)
}

/// An `import` row (no file) and a seal for every scope of `kind` with rows.
fn seal_existing(tx: &Transaction<'_>, at: &str, kind: Kind) -> Result<(), StoreError> {
    let found = scopes(tx, kind, None)?;
    if found.is_empty() {
        return Ok(());
    }
    let counts = Counts {
        unchanged: found.len(),
        ..Counts::default()
    };
    seal(
        tx,
        at,
        "thamdinh",
        0,
        kind,
        None,
        counts,
        found.into_iter().map(|s| (s.year, s.key)),
    )
}

/// Every scope (of `year` and of the kinds that span years, or all) whose rows are not what
/// its last seal says, in order.
pub(super) fn check(
    conn: &Connection,
    seals: &Seals,
    year: Option<i32>,
) -> Result<Vec<(Scope, Tamper)>, StoreError> {
    let mut all: BTreeSet<Scope> = BTreeSet::new();
    for kind in Kind::ALL {
        all.extend(scopes(conn, kind, year)?);
    }
    all.extend(
        seals
            .last
            .keys()
            .filter(|s| s.kind.spans_years() || year.is_none_or(|y| s.year == i64::from(y)))
            .cloned(),
    );
    let mut out = Vec::new();
    for scope in all {
        let now = digest(conn, &scope)?;
        if let Some(t) = seal::check(seals.last.get(&scope), now) {
            out.push((scope, t));
        }
    }
    Ok(out)
}
