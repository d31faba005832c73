//! The published percents of units' (and the province's) fields in past years, as
//! `import field-history` writes them and the field analysis reads them.

use super::records::{Sealing, import_rows};
use super::{ImportCount, Store, StoreError};
use crate::domain::Points;
use crate::domain::seal::{Kind, Origin};
use rusqlite::{OptionalExtension, params};

/// One field of one unit (or `province`) in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldHistoryRow {
    /// A unit code, or `province`.
    pub unit: String,
    pub year: i32,
    /// The field's code that year (`1`, `2`, …).
    pub field: String,
    pub field_name: String,
    /// Percent of the field's maximum.
    pub percent: Points,
}

impl Store {
    /// Writes the rows in one transaction; a row equal to the stored one is left alone.
    pub fn import_field_history(
        &mut self,
        rows: &[FieldHistoryRow],
        origin: Option<&Origin>,
    ) -> Result<ImportCount, StoreError> {
        let sealing = Sealing {
            at: self.stamp(),
            year: 0,
            kind: Kind::FieldHistory,
            origin,
            scope: |_, h: &FieldHistoryRow| (0, h.unit.clone()),
        };
        let dry = self.dry;
        let tx = self.write()?;
        import_rows(
            tx,
            dry,
            rows,
            |tx, h| {
                let old: Option<(String, i64)> = tx
                    .query_row(
                        "SELECT field_name, pct FROM field_history
                     WHERE unit = ?1 AND year = ?2 AND field = ?3",
                        params![h.unit, h.year, h.field],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let same = old
                    .as_ref()
                    .map(|(name, pct)| *name == h.field_name && *pct == h.percent.hundredths());
                if same != Some(true) {
                    tx.execute(
                        "INSERT INTO field_history (unit, year, field, field_name, pct)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (unit, year, field) DO UPDATE SET field_name = ?4, pct = ?5",
                        params![
                            h.unit,
                            h.year,
                            h.field,
                            h.field_name,
                            h.percent.hundredths()
                        ],
                    )?;
                }
                Ok(same)
            },
            sealing,
        )
    }

    /// The rows of one unit (or `province`), or of every unit; of the years `from..=to`.
    pub fn field_history(
        &self,
        unit: Option<&str>,
        from: i32,
        to: i32,
    ) -> Result<Vec<FieldHistoryRow>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT unit, year, field, field_name, pct FROM field_history
             WHERE (?1 IS NULL OR unit = ?1) AND year BETWEEN ?2 AND ?3
             ORDER BY unit, year, field",
        )?;
        let rows = st.query_map(params![unit, from, to], |r| {
            Ok(FieldHistoryRow {
                unit: r.get(0)?,
                year: r.get(1)?,
                field: r.get(2)?,
                field_name: r.get(3)?,
                percent: Points::from_hundredths(r.get(4)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
