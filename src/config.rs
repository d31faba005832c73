//! The little that is remembered between runs: who the appraiser is. Kept in the platform
//! config directory (or `THAMDINH_CONFIG_DIR`).

use std::path::PathBuf;

fn file() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("THAMDINH_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("config.toml"));
    }
    directories::ProjectDirs::from("vn", "thamdinh", "thamdinh")
        .map(|d| d.config_dir().join("config.toml"))
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Config {
    appraiser: Option<String>,
}

fn load() -> Config {
    file()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|t| toml::from_str(&t).ok())
        .unwrap_or_default()
}

/// The remembered appraiser, if any.
pub fn appraiser() -> Option<String> {
    load().appraiser.filter(|a| !a.trim().is_empty())
}

/// Remembers the appraiser for next time (best effort: a read-only config is no error).
pub fn remember_appraiser(name: &str) {
    let Some(path) = file() else { return };
    let mut c = load();
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
