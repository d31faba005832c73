//! Files in and out: criteria sets, CSV and Excel imports (all or nothing, located errors),
//! CSV exports (BOM, formula-inert cells), the council's workbook and the units' notices.
//! Their words come from `crate::words`; the sentences of the interface are above, in `i18n`.

pub mod criteria;
pub mod csvread;
pub mod export;
pub mod imports;
pub mod notices;
pub mod problem;
pub mod workbook;
pub mod xlsxread;

pub use problem::{FileError, Place, Problem};

/// Writes `path` whole or not at all: `write` fills a temporary file beside it, which is
/// synced and then renamed over `path`, so a reader never sees half a file. On failure the
/// temporary file is removed and `path` is left as it was.
pub fn replace_file(
    path: &std::path::Path,
    write: impl FnOnce(&std::path::Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-thamdinh"));
    let result = write(&tmp)
        .and_then(|()| std::fs::File::open(&tmp)?.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
