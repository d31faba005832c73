//! The schema, migrated forward with `PRAGMA user_version`.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::StoreError;

/// One step of the schema: SQL, or work SQL alone cannot do (given the time it runs at).
enum Step {
    Sql(&'static str),
    Rust(fn(&Transaction<'_>, &str) -> Result<(), StoreError>),
}

/// Each entry moves the schema from version `i` to `i + 1`.
const MIGRATIONS: &[Step] = &[
    // 1: the first schema.
    Step::Sql(
        r#"
    CREATE TABLE sets (
        year INTEGER NOT NULL,
        group_code TEXT NOT NULL,
        name TEXT NOT NULL,
        appraisal_max INTEGER NOT NULL,
        survey_max INTEGER NOT NULL,
        bands TEXT NOT NULL,
        bonus_title TEXT,
        bonus_cap INTEGER,
        deduction_title TEXT,
        deduction_cap INTEGER,
        PRIMARY KEY (year, group_code)
    ) STRICT;

    CREATE TABLE nodes (
        year INTEGER NOT NULL,
        group_code TEXT NOT NULL,
        code TEXT NOT NULL,
        position INTEGER NOT NULL,
        parent TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('regular', 'bonus', 'deduction')),
        title TEXT NOT NULL,
        max INTEGER NOT NULL,
        min INTEGER NOT NULL DEFAULT 0,
        is_item INTEGER NOT NULL,
        guidance TEXT,
        not_applicable_for TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (year, group_code, code),
        FOREIGN KEY (year, group_code) REFERENCES sets (year, group_code) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE node_options (
        year INTEGER NOT NULL,
        group_code TEXT NOT NULL,
        code TEXT NOT NULL,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        points INTEGER NOT NULL,
        PRIMARY KEY (year, group_code, code, position),
        FOREIGN KEY (year, group_code, code) REFERENCES nodes (year, group_code, code)
            ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE units (
        year INTEGER NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        group_code TEXT NOT NULL,
        ranked INTEGER NOT NULL DEFAULT 1,
        closed INTEGER NOT NULL DEFAULT 0,
        survey INTEGER,
        PRIMARY KEY (year, code),
        FOREIGN KEY (year, group_code) REFERENCES sets (year, group_code)
    ) STRICT;

    CREATE TABLE self_scores (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        item TEXT NOT NULL,
        score INTEGER,            -- hundredths; NULL: the unit claims the item does not apply
        note TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (year, unit, item),
        FOREIGN KEY (year, unit) REFERENCES units (year, code)
    ) STRICT;

    CREATE TABLE explanations (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        item TEXT NOT NULL,
        explanation TEXT NOT NULL,
        evidence TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (year, unit, item),
        FOREIGN KEY (year, unit) REFERENCES units (year, code)
    ) STRICT;

    CREATE TABLE decisions (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        item TEXT NOT NULL,
        state TEXT NOT NULL
            CHECK (state IN ('agreed', 'adjusted', 'not_applicable', 'explanation_requested')),
        score INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        appraiser TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        round INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (year, unit, item),
        FOREIGN KEY (year, unit) REFERENCES units (year, code)
    ) STRICT;

    -- Append-only: every decision, undo, closing and reopening, with the value before and after.
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        appraiser TEXT NOT NULL,
        action TEXT NOT NULL,
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        item TEXT,
        old_state TEXT,
        old_score INTEGER,
        old_comment TEXT,
        old_appraiser TEXT,
        old_decided_at TEXT,
        old_round INTEGER,
        new_state TEXT,
        new_score INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        undoes INTEGER REFERENCES audit (id)
    ) STRICT;
    CREATE INDEX audit_unit ON audit (year, unit, id);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TABLE history (
        unit TEXT NOT NULL,        -- a unit code, or 'province'
        year INTEGER NOT NULL,
        idx INTEGER NOT NULL,      -- published index, hundredths of a percent
        PRIMARY KEY (unit, year)
    ) STRICT;

    CREATE TABLE assignments (
        year INTEGER NOT NULL,
        appraiser TEXT NOT NULL,
        group_code TEXT NOT NULL,
        field TEXT NOT NULL,
        PRIMARY KEY (year, appraiser, group_code, field)
    ) STRICT;
    "#,
    ),
    // 2: self scores and decisions, the two tables that grow to millions of rows, keyed by
    // their primary key alone (WITHOUT ROWID): one B-tree instead of a table and an index,
    // so an import writes half as much and a unit's rows are read in one contiguous range.
    Step::Sql(
        r#"
    CREATE TABLE self_scores_v2 (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        item TEXT NOT NULL,
        score INTEGER,            -- hundredths; NULL: the unit claims the item does not apply
        note TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (year, unit, item),
        FOREIGN KEY (year, unit) REFERENCES units (year, code)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO self_scores_v2 (year, unit, item, score, note, evidence)
        SELECT year, unit, item, score, note, evidence FROM self_scores;
    DROP TABLE self_scores;
    ALTER TABLE self_scores_v2 RENAME TO self_scores;

    CREATE TABLE decisions_v2 (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        item TEXT NOT NULL,
        state TEXT NOT NULL
            CHECK (state IN ('agreed', 'adjusted', 'not_applicable', 'explanation_requested')),
        score INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        appraiser TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        round INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (year, unit, item),
        FOREIGN KEY (year, unit) REFERENCES units (year, code)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO decisions_v2 (year, unit, item, state, score, comment, appraiser, decided_at,
            round)
        SELECT year, unit, item, state, score, comment, appraiser, decided_at, round
        FROM decisions;
    DROP TABLE decisions;
    ALTER TABLE decisions_v2 RENAME TO decisions;
    "#,
    ),
    // 3: a group's short name (as councils say it), from the criteria set; NULL when the set
    // has none (the screens then cut the full name to fit).
    Step::Sql(
        r#"
    ALTER TABLE sets ADD COLUMN short_name TEXT;
    "#,
    ),
    // 4: the years. A year's publication (who, when, why) and its published result: the final
    // ranking of every group as it stood, which the next year takes as its previous index.
    // The province's national rank (and of how many) in the imported history.
    Step::Sql(
        r#"
    CREATE TABLE publications (
        year INTEGER PRIMARY KEY,
        published_at TEXT NOT NULL,
        appraiser TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE published (
        year INTEGER NOT NULL REFERENCES publications (year) ON DELETE CASCADE,
        unit TEXT NOT NULL,
        name TEXT NOT NULL,
        group_code TEXT NOT NULL,
        ranked INTEGER NOT NULL,
        rank INTEGER,             -- NULL: not ranked
        ranked_of INTEGER NOT NULL, -- the ranked units of the group
        idx INTEGER,              -- hundredths of a percent, as published (2 decimals)
        band TEXT,
        appraised INTEGER NOT NULL,
        survey INTEGER NOT NULL,
        max INTEGER NOT NULL,
        PRIMARY KEY (year, unit)
    ) STRICT;

    ALTER TABLE history ADD COLUMN rank INTEGER;
    ALTER TABLE history ADD COLUMN ranked_of INTEGER;
    "#,
    ),
    // 5: the ledger — every audit row carries the SHA-256 of the previous row's hash and its
    // own content; the rows already there are chained now, and a row says so (see
    // `store::ledger`).
    Step::Rust(super::ledger::migrate),
    // 6: the published percent of each field (component index) of a unit, or of the province,
    // in past years (`import field-history`): the field analysis across years. Self-contained:
    // it depends on no other step after the first.
    Step::Sql(
        r#"
    CREATE TABLE field_history (
        unit TEXT NOT NULL,        -- a unit code, or 'province'
        year INTEGER NOT NULL,
        field TEXT NOT NULL,       -- the field's code that year
        field_name TEXT NOT NULL DEFAULT '',
        pct INTEGER NOT NULL,      -- hundredths of a percent
        PRIMARY KEY (unit, year, field)
    ) STRICT;
    "#,
    ),
    // 7: each unit's totals, kept beside the decisions so that a ranking reads one row per
    // unit; a set's revision, which the rows name (see `store::totals`). Empty at first: the
    // first ranking of a group computes and stores its units.
    Step::Sql(super::totals::SCHEMA),
    // 8: beside each unit's totals, its points and applicable maximum per field and criterion
    // (the field analysis reads them instead of every score). Empty for the rows already
    // there: the first analysis computes them.
    Step::Sql(super::totals::PARTS),
    // 9: units that change between years. The lineage of a year's units (a unit of `year`
    // came from a unit of the year before by a rename, a merger, a split, or is new: `from_unit`
    // empty), and the council's own comparison figure for a unit, with its reason (audited).
    Step::Sql(
        r#"
    CREATE TABLE lineage (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        from_unit TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('rename', 'merge', 'split', 'new')),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (year, unit, from_unit)
    ) STRICT;

    CREATE TABLE previous_overrides (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        idx INTEGER,              -- hundredths of a percent; NULL: no comparison
        reason TEXT NOT NULL,
        appraiser TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (year, unit),
        FOREIGN KEY (year, unit) REFERENCES units (year, code)
    ) STRICT;
    "#,
    ),
    // 10: the decision that issued a set (number, date, issuer); none: the set is
    // illustrative. Sets stored before name none, as the built-in ones they mostly are.
    Step::Sql(
        r#"
    ALTER TABLE sets ADD COLUMN source_number TEXT;
    ALTER TABLE sets ADD COLUMN source_date TEXT;
    ALTER TABLE sets ADD COLUMN source_issuer TEXT;
    "#,
    ),
    // 11: seals — every input that changes a result is sealed in the ledger by the write
    // that made it; what the file holds now is sealed here, under one `import` row per kind
    // (see `store::seals`).
    Step::Rust(super::seals::migrate),
    // 12: a comment kept on an item without a decision: written before its verdict, or left
    // by an undo that took back the item's only verdict (what a member wrote is never
    // deleted as a side effect). The next decision on the item takes it.
    Step::Sql(
        r#"
    CREATE TABLE kept_comments (
        year INTEGER NOT NULL,
        unit TEXT NOT NULL,
        item TEXT NOT NULL,
        comment TEXT NOT NULL,
        appraiser TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (year, unit, item),
        FOREIGN KEY (year, unit) REFERENCES units (year, code)
    ) STRICT, WITHOUT ROWID;
    "#,
    ),
    // 13: the units' lineage (renamed, merged, split, new) is sealed like every input that
    // changes a result (it decides last year's index a unit is compared with).
    Step::Rust(super::seals::migrate_lineage),
    // 14: beside each unit's totals, each field's progress (items decided, items that
    // apply): the units screen reads it instead of every score of the group. Empty for the
    // rows already there: the screen computes them on first need.
    Step::Sql(super::totals::PROGRESS),
];

/// The schema version this binary writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the file up to `VERSION`, all the steps in one transaction with its
/// `user_version` (a failed step leaves the file as it was); nothing is locked or written when
/// it is already there.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, VERSION)
}

/// The time a migration stamps what it records: the system's, since a store is given its
/// clock only once it is open.
fn now() -> String {
    crate::clock::stamp(crate::clock::system().now())
}

/// The file's schema version (`PRAGMA user_version`), read without a transaction.
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a version no thamdinh wrote, or a newer one than this binary knows.
fn check_known(version: i64) -> Result<(), StoreError> {
    if version < 0 {
        return Err(StoreError::BadVersion(version));
    }
    if version > VERSION {
        return Err(StoreError::TooNew {
            found: version,
            supported: VERSION,
        });
    }
    Ok(())
}

/// Refuses a file that is not thamdinh's before anything is written to it: a version no
/// thamdinh wrote, or version 0 (nothing migrated yet) with tables in it (another program's).
/// Returns the file's version.
pub fn check_ours(conn: &Connection) -> Result<i64, StoreError> {
    let version = version(conn)?;
    check_known(version)?;
    if version == 0 {
        let (tables, first): (usize, Option<String>) =
            conn.query_row("SELECT count(*), min(name) FROM sqlite_master", [], |r| {
                Ok((r.get::<_, i64>(0)? as usize, r.get(1)?))
            })?;
        if tables > 0 {
            return Err(StoreError::NotOurs {
                path: Default::default(),
                why: super::open::NotOurs::Foreign { first, tables },
            });
        }
    }
    Ok(version)
}

/// For a read-only opening: the file must be thamdinh's, at this binary's version.
pub fn check_current(conn: &Connection) -> Result<(), StoreError> {
    match check_ours(conn)? {
        0 => Err(StoreError::NotOurs {
            path: Default::default(),
            why: super::open::NotOurs::Foreign {
                first: None,
                tables: 0,
            },
        }),
        VERSION => Ok(()),
        found => Err(StoreError::TooNew {
            found,
            supported: VERSION,
        }),
    }
}

/// Brings the file up to `target` (at most `VERSION`): for tests of a migration, which
/// start from a file of an older version. One transaction for all the steps.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let target = target.min(VERSION);
    let current = version(conn)?;
    check_known(current)?;
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another instance may have migrated the file while this one waited for the lock.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    check_known(current)?;
    if current >= target {
        tx.commit()?;
        return Ok(());
    }
    for step in &MIGRATIONS[current as usize..target as usize] {
        match step {
            Step::Sql(sql) => tx.execute_batch(sql)?,
            Step::Rust(step) => step(&tx, &now())?,
        }
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}
