//! Criteria sets in the database: stored relationally, rebuilt and re-checked on load.

use super::{Store, StoreError};
use crate::domain::criteria::{Band, BlockSpec, NodeSpec, ScoreOption, SetSpec};
use crate::domain::seal::{Counts, Kind, Origin};
use crate::domain::{CriteriaSet, GroupCode, ItemCode, ItemKind, Points, SetSource, UnitCode};
use rusqlite::{OptionalExtension, Transaction, params};

fn kind_from(s: &str) -> ItemKind {
    match s {
        "bonus" => ItemKind::Bonus,
        "deduction" => ItemKind::Deduction,
        _ => ItemKind::Regular,
    }
}

impl Store {
    /// Stores a set, replacing the one of the same group and year. Refused when self scores
    /// or decisions refer to items the new set does not have. Returns whether anything changed.
    /// `origin`: the file it was read from, which its seal in the ledger names.
    pub fn save_set(
        &mut self,
        set: &CriteriaSet,
        origin: Option<&Origin>,
    ) -> Result<bool, StoreError> {
        if let Ok(existing) = self.load_set(set.year, set.group.as_str())
            && &existing == set
        {
            return Ok(false);
        }
        let at = self.stamp();
        let dry = self.dry;
        let tx = self.write()?;
        let year = set.year;
        let group = set.group.as_str();
        super::years::check_not_published(&tx, year)?;
        insert_set(&tx, set)?;
        let (count, example): (i64, Option<String>) = tx.query_row(
            "SELECT COUNT(*), MIN(item) FROM (
                 SELECT s.item FROM self_scores s JOIN units u ON u.year = s.year AND u.code = s.unit
                   WHERE u.year = ?1 AND u.group_code = ?2
                 UNION ALL
                 SELECT d.item FROM decisions d JOIN units u ON u.year = d.year AND u.code = d.unit
                   WHERE u.year = ?1 AND u.group_code = ?2) used
             WHERE NOT EXISTS (SELECT 1 FROM nodes n WHERE n.year = ?1 AND n.group_code = ?2
                               AND n.code = used.item AND n.is_item = 1)",
            params![year, group],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if count > 0 {
            return Err(StoreError::SetInUse {
                count: count as usize,
                example: example.unwrap_or_default(),
            });
        }
        // A dry run is rolled back: its seal would be digested for nothing.
        if !dry {
            super::seals::seal(
                &tx,
                &at,
                "",
                year,
                Kind::Set,
                origin,
                Counts {
                    changed: 1,
                    ..Counts::default()
                },
                [(i64::from(year), group.to_string())],
            )?;
        }
        Store::end(tx, dry)?;
        Ok(true)
    }

    /// The groups that have a set in `year`: (code, name), in the order they were added.
    pub fn groups(&self, year: i32) -> Result<Vec<(String, String)>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT group_code, name FROM sets WHERE year = ?1 ORDER BY rowid")?;
        let rows = st.query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Rebuilds a stored set (and checks it again).
    pub fn load_set(&self, year: i32, group: &str) -> Result<CriteriaSet, StoreError> {
        load_set_on(&self.conn, year, group)
    }
}

/// Rebuilds a stored set as `conn` (or the transaction it is in) sees it.
pub(super) fn load_set_on(
    conn: &rusqlite::Connection,
    year: i32,
    group: &str,
) -> Result<CriteriaSet, StoreError> {
    type Header = (
        String,
        Option<String>,
        i64,
        i64,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<i64>,
        (Option<String>, Option<String>, Option<String>),
    );
    let header: Option<Header> = conn
        .query_row(
            "SELECT name, short_name, appraisal_max, survey_max, bands, bonus_title,
                    bonus_cap, deduction_title, deduction_cap,
                    source_number, source_date, source_issuer
             FROM sets WHERE year = ?1 AND group_code = ?2",
            params![year, group],
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
                    (r.get(9)?, r.get(10)?, r.get(11)?),
                ))
            },
        )
        .optional()?;
    let Some((name, short_name, amax, smax, bands, btitle, bcap, dtitle, dcap, source)) = header
    else {
        return Err(StoreError::NoSet {
            year,
            group: group.to_string(),
        });
    };
    let mut options: std::collections::HashMap<String, Vec<ScoreOption>> =
        std::collections::HashMap::new();
    {
        let mut st = conn.prepare(
            "SELECT code, label, points FROM node_options
             WHERE year = ?1 AND group_code = ?2 ORDER BY code, position",
        )?;
        let rows = st.query_map(params![year, group], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (code, label, points) = row?;
            options.entry(code).or_default().push(ScoreOption {
                label,
                points: Points::from_hundredths(points),
            });
        }
    }
    let mut st = conn.prepare(
        "SELECT code, kind, title, max, min, guidance, not_applicable_for FROM nodes
         WHERE year = ?1 AND group_code = ?2 ORDER BY position",
    )?;
    let rows = st.query_map(params![year, group], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let damaged = |damage| StoreError::BadSet {
        year,
        group: group.to_string(),
        damage,
    };
    let bad = |what: &str| damaged(super::SetDamage::Code(what.to_string()));
    let mut nodes = Vec::new();
    for row in rows {
        let (code, kind, title, max, min, guidance, na) = row?;
        nodes.push(NodeSpec {
            code: ItemCode::parse(&code).map_err(|_| bad(&code))?,
            title,
            max: Points::from_hundredths(max),
            min: Some(Points::from_hundredths(min)),
            guidance,
            options: options.remove(&code).unwrap_or_default(),
            not_applicable_for: na
                .split_whitespace()
                .filter_map(|u| UnitCode::parse(u).ok())
                .collect(),
            kind: kind_from(&kind),
        });
    }
    let spec = SetSpec {
        group: GroupCode::parse(group).map_err(|_| bad(group))?,
        name,
        short_name,
        year,
        appraisal_max: Points::from_hundredths(amax),
        survey_max: Points::from_hundredths(smax),
        bands: Band::parse_list(&bands).unwrap_or_default(),
        source: match source {
            (Some(number), Some(date), Some(issuer)) => SetSource::Decision {
                number,
                date,
                issuer,
            },
            _ => SetSource::Illustrative,
        },
        nodes,
        bonus: btitle.map(|title| BlockSpec {
            title,
            cap: Points::from_hundredths(bcap.unwrap_or(0)),
        }),
        deduction: dtitle.map(|title| BlockSpec {
            title,
            cap: Points::from_hundredths(dcap.unwrap_or(0)),
        }),
    };
    CriteriaSet::build(spec).map_err(|e| damaged(super::SetDamage::Rules(e)))
}

/// Writes a set (its header, nodes and options) in the caller's transaction, replacing the one
/// of the same group and year.
pub(super) fn insert_set(tx: &Transaction<'_>, set: &CriteriaSet) -> Result<(), StoreError> {
    let year = set.year;
    let group = set.group.as_str();
    let source = match &set.source {
        SetSource::Decision {
            number,
            date,
            issuer,
        } => Some((number, date, issuer)),
        SetSource::Illustrative => None,
    };
    tx.execute(
        "DELETE FROM nodes WHERE year = ?1 AND group_code = ?2",
        params![year, group],
    )?;
    tx.execute(
        "INSERT INTO sets (year, group_code, name, appraisal_max, survey_max, bands,
             bonus_title, bonus_cap, deduction_title, deduction_cap, short_name,
             source_number, source_date, source_issuer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (year, group_code) DO UPDATE SET name = ?3, appraisal_max = ?4,
             survey_max = ?5, bands = ?6, bonus_title = ?7, bonus_cap = ?8,
             deduction_title = ?9, deduction_cap = ?10, short_name = ?11,
             source_number = ?12, source_date = ?13, source_issuer = ?14",
        params![
            year,
            group,
            set.name,
            set.appraisal_max.hundredths(),
            set.survey_max.hundredths(),
            Band::list_text(&set.bands),
            set.bonus.as_ref().map(|b| b.title.clone()),
            set.bonus.as_ref().map(|b| b.cap.hundredths()),
            set.deduction.as_ref().map(|b| b.title.clone()),
            set.deduction.as_ref().map(|b| b.cap.hundredths()),
            set.short_name,
            source.map(|s| s.0),
            source.map(|s| s.1),
            source.map(|s| s.2),
        ],
    )?;
    // The units' stored totals were computed under the set as it was: the new revision
    // makes them unusable, and they go.
    tx.execute(
        "UPDATE sets SET revision = revision + 1 WHERE year = ?1 AND group_code = ?2",
        params![year, group],
    )?;
    tx.execute(
        "DELETE FROM unit_totals WHERE year = ?1 AND group_code = ?2",
        params![year, group],
    )?;
    super::decisions::bump_epoch(tx)?;
    {
        let mut node_st = tx.prepare(
            "INSERT INTO nodes (year, group_code, code, position, parent, kind, title, max,
                 min, is_item, guidance, not_applicable_for)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut opt_st = tx.prepare(
            "INSERT INTO node_options (year, group_code, code, position, label, points)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (pos, n) in set.nodes().iter().enumerate() {
            let na: Vec<&str> = n.not_applicable_for.iter().map(|u| u.as_str()).collect();
            node_st.execute(params![
                year,
                group,
                n.code.as_str(),
                pos as i64,
                n.parent.map(|p| set.node(p).code.as_str().to_string()),
                n.kind.as_str(),
                n.title,
                n.max.hundredths(),
                n.min.hundredths(),
                n.is_item(),
                n.guidance,
                na.join(" "),
            ])?;
            for (k, o) in n.options.iter().enumerate() {
                opt_st.execute(params![
                    year,
                    group,
                    n.code.as_str(),
                    k as i64,
                    o.label,
                    o.points.hundredths()
                ])?;
            }
        }
    }
    Ok(())
}
