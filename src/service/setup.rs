//! Where the database is, which year to work on, and the years the program brings with it:
//! the built-in criteria sets and the demo year.

use super::{AppError, ImportKind, Workspace};
use crate::builtin;
use crate::domain::CriteriaSet;
use crate::io::criteria::set_from_toml;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// Where the database lives: `--db`, else `THAMDINH_DB`, else the platform data directory.
pub fn default_db(file: &str) -> PathBuf {
    directories::ProjectDirs::from("vn", "thamdinh", "thamdinh")
        .map(|d| d.data_dir().join(file))
        .unwrap_or_else(|| PathBuf::from(file))
}

pub fn resolve_db(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    match std::env::var_os("THAMDINH_DB") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => default_db("thamdinh.sqlite"),
    }
}

/// How [`Workspace::open`] treats the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// Made when it is not there (the commands that write).
    Create,
    /// Must be there: a missing file is refused with [`AppError::NoDatabase`] and nothing is
    /// created. Opened to write, or read-only when the user may not write it (the screens).
    Existing,
    /// Must be there, and opened to write: a file the user may not write is refused with
    /// the sentence that says why (the commands that change an existing year).
    Write,
    /// Must be there, and is only read: opened read-only, it never takes the write lock nor
    /// changes the file (the commands that only read: rank, verify, history, analyze, plan,
    /// the exports).
    Read,
}

impl Workspace {
    /// Opens the database at `db` and works on `year` of it (none: the newest year it holds,
    /// see [`resolve_year`]). The one way the commands and the screens open a workspace.
    pub fn open(db: &Path, how: Opening, year: Option<i32>) -> Result<Workspace, AppError> {
        if how == Opening::Existing {
            // The screens: a database the user may not write opens read-only (the screens
            // then say why, and what fixes it).
            return match Workspace::open(db, Opening::Write, year) {
                Err(AppError::Store(crate::store::StoreError::NotWritable(_))) => {
                    Workspace::open(db, Opening::Read, year)
                }
                other => other,
            };
        }
        let store = match how {
            Opening::Create => Store::open(db)?,
            Opening::Existing | Opening::Write => {
                Store::open_existing(db)?.ok_or_else(|| AppError::NoDatabase {
                    db: db.to_path_buf(),
                    year,
                })?
            }
            Opening::Read => Store::open_read(db)?.ok_or_else(|| AppError::NoDatabase {
                db: db.to_path_buf(),
                year,
            })?,
        };
        let year = resolve_year(&store, year)?;
        Workspace::new(store, year)
    }
}

/// The working year: `--year`, else the newest year in the database, else the newest
/// built-in one.
pub fn resolve_year(store: &Store, flag: Option<i32>) -> Result<i32, AppError> {
    if let Some(y) = flag {
        return Ok(y);
    }
    Ok(store
        .years()?
        .first()
        .copied()
        .unwrap_or(builtin::DEMO_YEAR))
}

/// Refuses a year with no built-in criteria sets before anything is written (the refusal
/// says exactly how to import that year's sets instead).
pub fn check_builtin_year(year: i32, db: &Path) -> Result<(), AppError> {
    if builtin::sets_of(year).next().is_some() {
        return Ok(());
    }
    Err(AppError::NoBuiltinSets {
        year,
        db: db.to_path_buf(),
    })
}

/// Loads the built-in criteria sets of the workspace's year: each set, and whether it
/// changed what the database held.
pub fn load_builtin_sets(ws: &mut Workspace) -> Result<Vec<(CriteriaSet, bool)>, AppError> {
    let year = ws.year;
    check_builtin_year(year, ws.db_path())?;
    let mut loaded = Vec::new();
    for (name, text) in builtin::sets_of(year) {
        let set = builtin_set(year, name, text)?;
        let origin = crate::domain::seal::Origin::of_bytes(name, text.as_bytes());
        let changed = ws.save_set(&set, Some(&origin))?;
        loaded.push((set, changed));
    }
    Ok(loaded)
}

/// A built-in criteria set of `year` (its file's `name` and `text`), read.
pub(super) fn builtin_set(year: i32, name: &str, text: &str) -> Result<CriteriaSet, AppError> {
    let path = PathBuf::from(format!("data/criteria/{year}/{name}"));
    Ok(set_from_toml(&path, text)?)
}

/// Builds the demo's 2025 year in an empty database (or leaves a built one as it is): 2024
/// with the demo's units and their history (2016–2021 from the source document's means,
/// 2022–2024 invented) and the built-in sets as 2024's, then 2025 made from it with the
/// changes file and the commune/ward set, and 2025's self scores and survey. The workspace
/// then works on 2025.
pub fn build_demo_2025(ws: &mut Workspace) -> Result<bool, AppError> {
    use builtin::{DEMO_2025, demo, demo2025};
    let before = DEMO_2025 - 1;
    if ws.store.year_exists(DEMO_2025)? {
        ws.switch_year(DEMO_2025)?;
        return Ok(false);
    }
    ws.year = before;
    if !ws.has_units()? {
        for (name, text) in builtin::sets_of(builtin::DEMO_YEAR) {
            let mut set = builtin_set(builtin::DEMO_YEAR, name, text)?;
            set.year = before;
            let origin = crate::domain::seal::Origin::of_bytes(name, text.as_bytes());
            ws.save_set(&set, Some(&origin))?;
        }
        ws.reload_sets()?;
        let dir = PathBuf::from(format!("data/demo/{}", builtin::DEMO_YEAR));
        ws.import_text(ImportKind::Units, &dir.join("units.csv"), demo::UNITS)?;
        ws.import_text(ImportKind::History, &dir.join("history.csv"), demo::HISTORY)?;
        let later = PathBuf::from(format!("data/demo/{DEMO_2025}/history.csv"));
        ws.import_text(ImportKind::History, &later, demo2025::HISTORY)?;
    }
    let dir = PathBuf::from(format!("data/demo/{DEMO_2025}"));
    let set_file = dir.join("xa-phuong.toml");
    ws.new_year_with_text(
        (DEMO_2025, before),
        (&dir.join("changes.csv"), demo2025::CHANGES),
        &[(&set_file, demo2025::COMMUNE_SET)],
        "thamdinh demo",
    )?;
    ws.import_text(
        ImportKind::SelfScores,
        &dir.join("self_scores.csv"),
        demo2025::SELF_SCORES,
    )?;
    ws.import_text(
        ImportKind::Survey,
        &dir.join("survey.csv"),
        demo2025::SURVEY,
    )?;
    Ok(true)
}

/// Builds the demo year in an empty database (or leaves a built one as it is).
pub fn build_demo(ws: &mut Workspace) -> Result<bool, AppError> {
    if ws.has_units()? {
        return Ok(false);
    }
    load_builtin_sets(ws)?;
    let dir = PathBuf::from(format!("data/demo/{}", builtin::DEMO_YEAR));
    let parts = [
        (ImportKind::Units, "units.csv", builtin::demo::UNITS),
        (
            ImportKind::SelfScores,
            "self_scores.csv",
            builtin::demo::SELF_SCORES,
        ),
        (ImportKind::Survey, "survey.csv", builtin::demo::SURVEY),
        (ImportKind::History, "history.csv", builtin::demo::HISTORY),
        (
            ImportKind::Explanations,
            "explanations.csv",
            builtin::demo::EXPLANATIONS,
        ),
        (
            ImportKind::FieldHistory,
            "field_history.csv",
            builtin::demo::FIELD_HISTORY,
        ),
    ];
    for (kind, name, text) in parts {
        ws.import_text(kind, &dir.join(name), text)?;
    }
    Ok(true)
}
