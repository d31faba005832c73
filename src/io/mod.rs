//! Files in and out: criteria sets, CSV and Excel imports (all or nothing, located errors),
//! CSV exports (BOM, formula-inert cells), the council's workbook and the units' notices.
//! Their words come from `crate::words`; the sentences of the interface are above, in `i18n`.

pub mod criteria;
pub mod csvread;
pub mod docx;
pub mod export;
pub mod glance;
pub mod imports;
pub mod minutes;
pub mod notices;
pub mod problem;
pub mod sheets;
pub mod submission;
pub mod workbook;
pub mod xlsxguard;
pub mod xlsxread;
pub mod xmltext;

pub use problem::{FileError, Place, Problem};

/// What the operating system said when a file could not be used: kept as its number and
/// kind (the interface says it in the user's language), with the system's own text for the
/// rare failure no sentence covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsError {
    /// The system's error number (`errno`), when there is one.
    pub code: Option<i32>,
    pub kind: std::io::ErrorKind,
    /// The text Rust gives it (English, with "(os error N)").
    pub text: String,
}

impl From<&std::io::Error> for OsError {
    fn from(e: &std::io::Error) -> OsError {
        OsError {
            code: e.raw_os_error(),
            kind: e.kind(),
            text: e.to_string(),
        }
    }
}

impl From<std::io::Error> for OsError {
    fn from(e: std::io::Error) -> OsError {
        OsError::from(&e)
    }
}

/// The workbook writer's failure: its I/O error as the system's, anything else as its text.
impl From<rust_xlsxwriter::XlsxError> for OsError {
    fn from(e: rust_xlsxwriter::XlsxError) -> OsError {
        match e {
            rust_xlsxwriter::XlsxError::IoError(io) => OsError::from(io),
            other => OsError {
                code: None,
                kind: std::io::ErrorKind::Other,
                text: other.to_string(),
            },
        }
    }
}

impl std::fmt::Display for OsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// What is at an export's path when it is not a regular file: refused, never replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    /// A symbolic link (it would be replaced, or someone else's file written through it).
    Link,
    Folder,
    /// A device (`/dev/full`, a disk).
    Device,
    /// A named pipe, a socket.
    Fifo,
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotAFile::Link => "it is a symbolic link",
            NotAFile::Folder => "it is a folder",
            NotAFile::Device => "it is a device",
            NotAFile::Fifo => "it is a pipe or a socket",
        })
    }
}

impl std::error::Error for NotAFile {}

impl NotAFile {
    /// What a failed write was refused for, when it was for the kind of its target.
    pub fn of(e: &std::io::Error) -> Option<NotAFile> {
        e.get_ref()?.downcast_ref::<NotAFile>().copied()
    }
}

/// Refuses a target that is there and is not a regular file (the link itself is looked at,
/// never followed).
fn check_target(path: &std::path::Path) -> std::io::Result<()> {
    let Ok(m) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    let t = m.file_type();
    let kind = if t.is_file() {
        return Ok(());
    } else if t.is_symlink() {
        NotAFile::Link
    } else if t.is_dir() {
        NotAFile::Folder
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() || t.is_socket() {
                NotAFile::Fifo
            } else {
                NotAFile::Device
            }
        }
        #[cfg(not(unix))]
        NotAFile::Device
    };
    Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, kind))
}

/// A file's bytes, read no further than `max` (a larger file, a device such as
/// `/dev/zero`, is refused without reading on).
pub fn read_within(path: &std::path::Path, max: u64) -> Result<Vec<u8>, FileError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| FileError::one(path, None, Problem::Unreadable(e.into()));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > max {
        return Err(FileError::one(
            path,
            None,
            Problem::FileTooLarge { max_mb: max >> 20 },
        ));
    }
    Ok(bytes)
}

/// A reader that hashes what passes through it, for a file read once as a stream: the
/// ledger's SHA-256 of the file comes from the same read as its rows.
pub struct Hashing<R> {
    inner: R,
    sha: std::sync::Arc<std::sync::Mutex<sha2::Sha256>>,
}

/// The hash a [`Hashing`] reader fills, taken once the stream has been read.
pub struct HashOf(std::sync::Arc<std::sync::Mutex<sha2::Sha256>>);

impl<R> Hashing<R> {
    pub fn new(inner: R) -> (Hashing<R>, HashOf) {
        let sha = std::sync::Arc::default();
        let of = HashOf(std::sync::Arc::clone(&sha));
        (Hashing { inner, sha }, of)
    }
}

impl<R: std::io::Read> std::io::Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use sha2::Digest;
        let n = self.inner.read(buf)?;
        self.sha
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .update(&buf[..n]);
        Ok(n)
    }
}

impl HashOf {
    /// The origin of what was read, as the file `path`.
    pub fn origin(&self, path: &std::path::Path) -> crate::domain::seal::Origin {
        use sha2::Digest;
        let sha = self.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
        crate::domain::seal::Origin {
            name: file_name(path),
            sha256: crate::domain::ledger::to_hex(&sha.finalize().into()),
        }
    }
}

/// A path's last part, as the ledger names a file.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Writes `path` whole or not at all: `write` fills a new temporary file beside it (an
/// unpredictable name, created exclusively, written through its handle), which is synced and
/// then renamed over `path`, so a reader never sees half a file and no one can make the
/// write go elsewhere through a link planted at a predictable name. A target that is not a
/// regular file (a link, a folder, a device, a pipe) is refused ([`NotAFile`]) and left as it
/// is. In a folder its group may write, the file is the group's and group-writable. On
/// failure the temporary file is removed and `path` is left as it was.
pub fn replace_file(
    path: &std::path::Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    check_target(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = crate::store::open::folder_of(path);
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp-thamdinh");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // What a new file gets (the umask applies), not the 0600 of a temporary file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    if let Ok(m) = std::fs::symlink_metadata(path)
        && m.is_file()
    {
        // The file replaced keeps its mode.
        let _ = tmp.as_file().set_permissions(m.permissions());
    }
    crate::store::open::share_new_file(tmp.as_file(), &dir)?;
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    // Looked at again just before the rename, which replaces a link put there meanwhile
    // rather than follow it.
    check_target(path)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
