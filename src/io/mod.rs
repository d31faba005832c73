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

/// The name (without its folder) and SHA-256 of a file, read in pieces: what the ledger
/// records of an imported file.
pub fn origin(path: &std::path::Path) -> Result<crate::domain::seal::Origin, FileError> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let unreadable =
        |e: std::io::Error| FileError::one(path, None, Problem::Unreadable(e.to_string()));
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mut sha = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(unreadable)?;
        if n == 0 {
            break;
        }
        sha.update(&buf[..n]);
    }
    Ok(crate::domain::seal::Origin {
        name: file_name(path),
        sha256: crate::domain::ledger::to_hex(&sha.finalize().into()),
    })
}

/// A path's last part, as the ledger names a file.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

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
