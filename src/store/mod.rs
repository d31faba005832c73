//! SQLite storage: opening with the pragmas that keep decisions safe, migrations, queries and
//! the append-only audit log. Every write runs in `BEGIN IMMEDIATE`.

mod decisions;
mod field_history;
mod ledger;
pub mod open;
mod records;
pub mod schema;
mod seals;
mod sets;
mod totals;
mod years;

pub use decisions::{AuditRow, Undone};
pub use field_history::FieldHistoryRow;
pub use ledger::{Mark, TRIGGERS, Verification};
pub use records::{
    ExplanationRow, HistoryRow, ImportCount, SelfScoreSink, SelfScoreWrite, UnitRow,
};
pub use totals::StoredProgress;
pub use years::{Publication, PublishedRow};

use crate::clock::{self, SharedClock};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The page size of a new database file.
pub const PAGE_SIZE: i64 = 16_384;

/// How long a writer waits for another instance to finish its transaction.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "the database was written by a newer thamdinh (schema {found}, this one knows {supported})"
    )]
    TooNew { found: i64, supported: i64 },
    /// A schema version no thamdinh ever wrote (negative).
    #[error("the database's schema version {0} is not one thamdinh writes")]
    BadVersion(i64),
    /// A file that is not a thamdinh database: refused untouched.
    #[error("{path} is not a thamdinh database ({why:?})")]
    NotOurs { path: PathBuf, why: open::NotOurs },
    /// The current user may not write the database (or its `-wal`, `-shm`, or the folder).
    #[error("{} cannot be written", .0.path.display())]
    NotWritable(Box<open::Access>),
    /// A write asked of a database opened read-only.
    #[error("the database is open read-only")]
    ReadOnly,
    #[error("unit {0} is closed")]
    UnitClosed(String),
    #[error("unknown unit {0}")]
    UnknownUnit(String),
    #[error("no criteria set for group {group} in {year}")]
    NoSet { year: i32, group: String },
    #[error("the stored criteria set of group {group} ({year}) is damaged")]
    BadSet {
        year: i32,
        group: String,
        damage: SetDamage,
    },
    #[error(
        "{count} self scores or decisions refer to items the new set does not have (e.g. {example})"
    )]
    SetInUse { count: usize, example: String },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("the decision on {item} was changed since by {by}; it is not undone")]
    UndoStale { item: String, by: String },
    #[error("the results of {0} are published")]
    YearPublished(i32),
    #[error("the results of {0} are not published")]
    NotPublished(i32),
    #[error("the year {0} already exists")]
    YearExists(i32),
    #[error("the database changed while the results of {0} were being published")]
    ChangedMeanwhile(i32),
}

/// What is wrong with a stored set that no longer builds (edited by another program).
#[derive(Debug)]
pub enum SetDamage {
    /// A code that is not one (an item's or the group's).
    Code(String),
    /// The rules a set must keep, broken.
    Rules(Vec<crate::domain::SetError>),
}

impl StoreError {
    /// The refusal of a file, naming it (the checks of the schema do not know its path).
    fn at(self, path: &Path) -> StoreError {
        match self {
            StoreError::NotOurs { why, .. } => StoreError::NotOurs {
                path: path.to_path_buf(),
                why,
            },
            e => e,
        }
    }
}

/// A connection's account of itself, for the checks after a refused write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// `PRAGMA integrity_check`: `ok` when the file is sound.
    pub integrity: String,
    /// Whether foreign keys are enforced on the connection.
    pub foreign_keys: bool,
    /// Rows inserted, changed or deleted by the connection since it opened (rolled-back
    /// ones included).
    pub changes: u64,
}

/// An open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// What stamps the decisions and the audit log.
    clock: SharedClock,
    /// The sets as stored, for the totals the write transactions keep (see `totals`).
    sets: totals::SetCache,
    /// Imports run to the end and are then rolled back (a preview): see `dry_run`.
    dry: bool,
    /// Opened read-only: every write is refused with [`StoreError::ReadOnly`].
    read_only: bool,
}

impl Store {
    /// Opens (creating it and its folder if needed) the database at `path` and migrates it
    /// forward. For the commands that write.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        open::check_header(path, true)?;
        open::prepare_write(path, true)?;
        Store::connect(path, OpenFlags::SQLITE_OPEN_CREATE)
    }

    /// Opens an existing database to write, and migrates it forward; `None` when there is no
    /// file at `path`. Creates nothing: neither the file nor its folder (the screens must not
    /// leave an empty database behind a mistyped path).
    pub fn open_existing(path: &Path) -> Result<Option<Store>, StoreError> {
        if let Ok(false) = path.try_exists() {
            return Ok(None);
        }
        open::check_header(path, false)?;
        open::prepare_write(path, false)?;
        // Without SQLITE_OPEN_CREATE: a file removed meanwhile is an error, never a new file.
        Store::connect(path, OpenFlags::empty()).map(Some)
    }

    /// Opens an existing database to read only (the commands that only read): never takes
    /// the write lock and never changes the file, which may be in a folder no one may write.
    /// An older schema is first migrated when the user may write the file. `None` when there
    /// is no file at `path`.
    pub fn open_read(path: &Path) -> Result<Option<Store>, StoreError> {
        if let Ok(false) = path.try_exists() {
            return Ok(None);
        }
        open::check_header(path, false)?;
        let conn = Store::connect_read(path)?;
        let version = schema::version(&conn)?;
        if version < schema::VERSION && version > 0 {
            // An older schema must be migrated before this binary can read it.
            if let Some(a) = open::write_denied(path) {
                return Err(StoreError::NotWritable(Box::new(a)));
            }
            drop(conn);
            drop(Store::open_existing(path)?);
            return Store::open_read(path);
        }
        schema::check_current(&conn).map_err(|e| e.at(path))?;
        Ok(Some(Store::with_conn(conn, path, true)))
    }

    /// A read-only connection: in a folder where no `-wal` or `-shm` can be made, and none is
    /// there, no one can be writing, and the file is read as it stands.
    fn connect_read(path: &Path) -> Result<Connection, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let plain = Connection::open_with_flags(path, flags).and_then(|c| {
            c.busy_timeout(BUSY_TIMEOUT)?;
            c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?;
            Ok(c)
        });
        match plain {
            Ok(c) => Ok(c),
            Err(e) => {
                let [wal, _] = open::companions(path);
                if wal.exists() {
                    return Err(e.into());
                }
                let c = Connection::open_with_flags(
                    open::uri(path, "immutable=1"),
                    flags | OpenFlags::SQLITE_OPEN_URI,
                )?;
                c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
                    .map_err(|_| StoreError::from(e))?;
                Ok(c)
            }
        }
    }

    fn with_conn(conn: Connection, path: &Path, read_only: bool) -> Store {
        Store {
            conn,
            path: path.to_path_buf(),
            clock: clock::system(),
            sets: totals::SetCache::default(),
            dry: false,
            read_only,
        }
    }

    fn connect(path: &Path, create: OpenFlags) -> Result<Store, StoreError> {
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | create | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Nothing is written before the file is known to be thamdinh's (or new).
        let version = schema::check_ours(&conn).map_err(|e| e.at(path))?;
        // A new file gets 16 KiB pages (an existing one keeps its own): a national year is a
        // hundred megabytes of mostly sequential rows, which 16 KiB pages import and scan with a
        // quarter of the page reads, writes and B-tree splits of the 4 KiB default.
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if version < schema::VERSION {
            schema::migrate(&mut conn).map_err(|e| e.at(path))?;
        }
        // SQLite made the `-wal` and `-shm` with the database's mode; a file another member
        // left wrong was repaired before opening (see `open::prepare_write`).
        Ok(Store::with_conn(conn, path, false))
    }

    /// A second, read-only connection to the same file (for work spread over two threads).
    /// It sees what was committed when each of its read transactions began.
    pub fn open_reader(path: &Path) -> Result<Store, StoreError> {
        let conn = Store::connect_read(path)?;
        schema::check_current(&conn).map_err(|e| e.at(path))?;
        Ok(Store::with_conn(conn, path, true))
    }

    /// Whether the database was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The same store, stamping its writes with `clock` instead of the system's.
    pub fn with_clock(mut self, clock: SharedClock) -> Store {
        self.clock = clock;
        self
    }

    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    /// Now, as the store records it.
    fn stamp(&self) -> String {
        clock::stamp(self.clock.now())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Makes the imports (units, self scores, survey, explanations, history, criteria sets)
    /// dry, or not: a dry import runs its whole transaction, every check included, and then
    /// rolls it back instead of committing. What a preview shows is what the import would do.
    pub fn set_dry_run(&mut self, dry: bool) {
        self.dry = dry;
    }

    /// Ends an import's transaction: committed, or rolled back in a dry run.
    fn end(tx: Transaction<'_>, dry: bool) -> Result<(), StoreError> {
        if dry {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(())
    }

    /// Starts a write transaction that takes the write lock at once.
    fn write(&mut self) -> Result<Transaction<'_>, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Changes whenever another connection commits: a screen polls it to notice the
    /// decisions of another instance.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// What this connection says of itself and its file.
    pub fn health(&self) -> Result<Health, StoreError> {
        Ok(Health {
            integrity: self.integrity_check()?,
            foreign_keys: self
                .conn
                .query_row("PRAGMA foreign_keys", [], |r| r.get::<_, i64>(0))?
                == 1,
            changes: self.conn.total_changes(),
        })
    }

    /// `PRAGMA integrity_check`, `ok` when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// The years that have criteria sets, newest first.
    pub fn years(&self) -> Result<Vec<i32>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT DISTINCT year FROM sets ORDER BY year DESC")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every year in the file (with criteria sets or units), newest first, and whether it is
    /// published.
    pub fn year_states(&self) -> Result<Vec<(i32, bool)>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT y.year, EXISTS (SELECT 1 FROM publications p WHERE p.year = y.year)
             FROM (SELECT year FROM sets UNION SELECT year FROM units) y
             ORDER BY y.year DESC",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether `group` has any unit in `year`.
    pub fn has_units_in(&self, year: i32, group: &str) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM units WHERE year = ?1 AND group_code = ?2)",
            rusqlite::params![year, group],
            |r| r.get(0),
        )?)
    }

    /// Whether any unit of `group` in `year` has a self score (or claims an item does not
    /// apply): before the units' files are imported, a new year has none.
    pub fn any_self_score(&self, year: i32, group: &str) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM units u WHERE u.year = ?1 AND u.group_code = ?2
                 AND EXISTS (SELECT 1 FROM self_scores s WHERE s.year = u.year AND s.unit = u.code))",
            rusqlite::params![year, group],
            |r| r.get(0),
        )?)
    }
}
