//! The little that is remembered between runs: who the appraiser is, and for each database
//! the row of its ledger last verified on this computer (the screens check the chain from
//! there on opening). Where it is kept is an input: `main` takes it from the environment
//! (`THAMDINH_CONFIG_DIR`, else the platform config directory), tests give a folder of their
//! own.

use crate::store::Mark;
use std::path::{Path, PathBuf};

/// The configuration file, wherever it was put.
#[derive(Debug, Clone)]
pub struct Config {
    file: Option<PathBuf>,
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Saved {
    appraiser: Option<String>,
    /// The folder of the last file imported or written from the screens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    folder: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ledger: Vec<SavedMark>,
    /// The folder the exports of a year of a database go to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    exports: Vec<SavedExports>,
}

/// Where one year of one database file is exported.
#[derive(serde::Serialize, serde::Deserialize, Clone)]
struct SavedExports {
    db: String,
    year: i32,
    folder: String,
}

/// The ledger's row last verified here, for one database file.
#[derive(serde::Serialize, serde::Deserialize, Clone)]
struct SavedMark {
    db: String,
    id: i64,
    entries: u64,
    hash: String,
}

/// A database file as the configuration names it: its full path.
fn db_key(db: &Path) -> String {
    std::fs::canonicalize(db)
        .or_else(|_| std::path::absolute(db))
        .unwrap_or_else(|_| db.to_path_buf())
        .display()
        .to_string()
}

impl Config {
    /// `THAMDINH_CONFIG_DIR`, else the platform config directory (none when there is no home).
    pub fn from_env() -> Config {
        if let Some(dir) = std::env::var_os("THAMDINH_CONFIG_DIR").filter(|d| !d.is_empty()) {
            return Config::in_dir(Path::new(&dir));
        }
        Config {
            file: directories::ProjectDirs::from("vn", "thamdinh", "thamdinh")
                .map(|d| d.config_dir().join("config.toml")),
        }
    }

    /// The configuration kept in `dir`.
    pub fn in_dir(dir: &Path) -> Config {
        Config {
            file: Some(dir.join("config.toml")),
        }
    }

    /// Nothing remembered and nothing written.
    pub fn none() -> Config {
        Config { file: None }
    }

    fn load(&self) -> Saved {
        self.file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The remembered appraiser, if any.
    pub fn appraiser(&self) -> Option<String> {
        self.load().appraiser.filter(|a| !a.trim().is_empty())
    }

    /// Remembers the appraiser for next time (best effort: a read-only config is no error).
    pub fn remember_appraiser(&self, name: &str) {
        let mut c = self.load();
        if c.appraiser.as_deref() == Some(name) {
            return;
        }
        c.appraiser = Some(name.to_string());
        self.save(&c);
    }

    /// The folder of the last file imported or written from the screens, ending with `/`.
    pub fn last_folder(&self) -> Option<String> {
        self.load().folder.filter(|f| !f.is_empty())
    }

    /// Remembers the folder of a file imported or written (its full path, so that it holds
    /// whatever folder thamdinh is started from next time; best effort).
    pub fn remember_folder(&self, file: &Path) {
        let Some(dir) = file.parent() else { return };
        // A bare name (`tu-cham-2022`) is in the working folder, not at the root.
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut shown = dir.display().to_string();
        if !shown.ends_with('/') {
            shown.push('/');
        }
        let mut c = self.load();
        if c.folder.as_deref() == Some(shown.as_str()) {
            return;
        }
        c.folder = Some(shown);
        self.save(&c);
    }

    /// The folder the exports of `year` of `db` went to last, ending with `/`.
    pub fn export_folder(&self, db: &Path, year: i32) -> Option<String> {
        let key = db_key(db);
        self.load()
            .exports
            .into_iter()
            .find(|e| e.db == key && e.year == year)
            .map(|e| e.folder)
    }

    /// Remembers the folder of `file`, written as an export of `year` of `db` (its full path;
    /// best effort). The folder of the last import stays as it was.
    pub fn remember_export_folder(&self, db: &Path, year: i32, file: &Path) {
        let Some(dir) = file.parent() else { return };
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut folder = dir.display().to_string();
        if !folder.ends_with('/') {
            folder.push('/');
        }
        let key = db_key(db);
        let mut c = self.load();
        c.exports.retain(|e| !(e.db == key && e.year == year));
        c.exports.push(SavedExports {
            db: key,
            year,
            folder,
        });
        self.save(&c);
    }

    fn save(&self, c: &Saved) {
        let Some(path) = &self.file else { return };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = toml::to_string(c) {
            let _ = std::fs::write(path, text);
        }
    }

    /// The row of `db`'s ledger last verified on this computer, if any.
    pub fn ledger_mark(&self, db: &Path) -> Option<Mark> {
        let key = db_key(db);
        self.load()
            .ledger
            .into_iter()
            .find(|m| m.db == key)
            .map(|m| Mark {
                id: m.id,
                entries: m.entries,
                hash: m.hash,
            })
    }

    /// Remembers the row of `db`'s ledger verified last (best effort, as the appraiser).
    pub fn remember_ledger_mark(&self, db: &Path, mark: &Mark) {
        let key = db_key(db);
        let mut c = self.load();
        c.ledger.retain(|m| m.db != key);
        c.ledger.push(SavedMark {
            db: key,
            id: mark.id,
            entries: mark.entries,
            hash: mark.hash.clone(),
        });
        self.save(&c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_in_its_own_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        let c = Config::in_dir(&dir.path().join("cfg"));
        assert_eq!(c.appraiser(), None);
        c.remember_appraiser("Nguyễn Thị Lan");
        assert_eq!(c.appraiser().as_deref(), Some("Nguyễn Thị Lan"));
        assert_eq!(
            Config::in_dir(&dir.path().join("cfg"))
                .appraiser()
                .as_deref(),
            Some("Nguyễn Thị Lan")
        );
        let none = Config::none();
        none.remember_appraiser("X");
        assert_eq!(none.appraiser(), None);
    }

    #[test]
    fn one_export_folder_per_year_of_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let c = Config::in_dir(&dir.path().join("cfg"));
        let db = dir.path().join("hoidong.sqlite");
        let out = dir.path().join("xuat");
        assert_eq!(c.export_folder(&db, 2022), None);
        c.remember_export_folder(&db, 2022, &out.join("a.csv"));
        c.remember_folder(&dir.path().join("ho-so/units.csv"));
        let shown = format!("{}/", out.display());
        assert_eq!(c.export_folder(&db, 2022).as_deref(), Some(shown.as_str()));
        assert_eq!(c.export_folder(&db, 2023), None);
        assert_eq!(
            c.export_folder(&dir.path().join("other.sqlite"), 2022),
            None
        );
        let imports = format!("{}/", dir.path().join("ho-so").display());
        assert_eq!(c.last_folder().as_deref(), Some(imports.as_str()));
    }

    #[test]
    fn a_bare_file_name_is_remembered_as_the_working_folder_not_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let c = Config::in_dir(&dir.path().join("cfg"));
        c.remember_folder(Path::new("phieu-tu-cham-2022"));
        let folder = c.last_folder().unwrap();
        assert_ne!(folder, "/");
        let here = std::path::absolute(".").unwrap();
        assert_eq!(
            Path::new(folder.trim_end_matches('/'))
                .components()
                .collect::<Vec<_>>(),
            here.components().collect::<Vec<_>>()
        );
    }
}
