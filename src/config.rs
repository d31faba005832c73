//! The little that is remembered between runs: who the appraiser is. Where it is kept is an
//! input: `main` takes it from the environment (`THAMDINH_CONFIG_DIR`, else the platform
//! config directory), tests give a folder of their own.

use std::path::{Path, PathBuf};

/// The configuration file, wherever it was put.
#[derive(Debug, Clone)]
pub struct Config {
    file: Option<PathBuf>,
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Saved {
    appraiser: Option<String>,
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
        let Some(path) = &self.file else { return };
        let mut c = self.load();
        if c.appraiser.as_deref() == Some(name) {
            return;
        }
        c.appraiser = Some(name.to_string());
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = toml::to_string(&c) {
            let _ = std::fs::write(path, text);
        }
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
}
