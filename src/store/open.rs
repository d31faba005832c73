//! What is checked before SQLite is given a file, so that a file is never changed by a
//! command that cannot or must not change it:
//!
//! - a file that is not thamdinh's (empty, not SQLite, or another program's SQLite file) is
//!   refused untouched ([`NotOurs`]);
//! - a file shared by the members of a council, in a folder their group may write, is made
//!   group-writable when it is created (whatever the umask), and a wrong mode another member
//!   left is repaired when the current user owns the file;
//! - a file the current user cannot write is named, with its owner, group and mode, the
//!   user's groups, and what fixes it ([`Access`]), before any write is tried.

use super::StoreError;
use std::path::{Path, PathBuf};

/// Why a file is not a thamdinh database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotOurs {
    /// Zero bytes.
    Empty,
    /// Not an SQLite file at all.
    NotSqlite,
    /// Another program's SQLite file (the first of its tables, and how many there are), or
    /// an SQLite file with no table (count 0).
    Foreign {
        first: Option<String>,
        tables: usize,
    },
}

/// Who may write a file that the current user cannot: what the refusal says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// The file (or folder) that cannot be written.
    pub path: PathBuf,
    /// Whether `path` is the folder (a new `-wal` or `-shm` cannot be made in it).
    pub folder: bool,
    pub owner: String,
    pub group: String,
    /// The permission bits (`0o644`).
    pub mode: u32,
    /// The current user and the groups they are in.
    pub user: String,
    pub groups: Vec<String>,
    /// The group of the database's folder: the council's, which the fix gives the file.
    pub council: String,
}

/// The files SQLite keeps beside the database in WAL mode.
pub fn companions(db: &Path) -> [PathBuf; 2] {
    let with = |suffix: &str| {
        let mut s = db.as_os_str().to_os_string();
        s.push(suffix);
        PathBuf::from(s)
    };
    [with("-wal"), with("-shm")]
}

/// The folder of `path` (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Checks the first bytes of an existing file: an SQLite file starts with its magic string.
/// An empty file is refused unless `empty_ok` (a command that creates the database may
/// start from a file made with `touch`).
pub fn check_header(path: &Path, empty_ok: bool) -> Result<(), StoreError> {
    use std::io::Read;
    let refuse = |why| StoreError::NotOurs {
        path: path.to_path_buf(),
        why,
    };
    let Ok(mut f) = std::fs::File::open(path) else {
        // Opening it again below says why (missing, not allowed).
        return Ok(());
    };
    if f.metadata().is_ok_and(|m| !m.is_file()) {
        return Err(refuse(NotOurs::NotSqlite));
    }
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(_) => return Ok(()),
        }
    }
    if n == 0 {
        return if empty_ok {
            Ok(())
        } else {
            Err(refuse(NotOurs::Empty))
        };
    }
    if n < head.len() || head != *b"SQLite format 3\0" {
        return Err(refuse(NotOurs::NotSqlite));
    }
    Ok(())
}

/// A path as an SQLite URI (`file:` with `?`, `#` and `%` escaped), for the read-only
/// opening of a database in a folder no one may write.
pub fn uri(path: &Path, query: &str) -> String {
    let mut out = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '?' | '#' | '%' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('?');
    out.push_str(query);
    out
}

#[cfg(unix)]
mod unix {
    use super::Access;
    use nix::unistd::{AccessFlags, Gid, Group, Uid, User, access, getgroups};
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::path::Path;

    fn user_name(uid: u32) -> String {
        User::from_uid(Uid::from_raw(uid))
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_else(|| uid.to_string())
    }

    fn group_name(gid: u32) -> String {
        Group::from_gid(Gid::from_raw(gid))
            .ok()
            .flatten()
            .map(|g| g.name)
            .unwrap_or_else(|| gid.to_string())
    }

    /// The groups of the current process (its effective group first).
    fn my_gids() -> Vec<u32> {
        let mut gids = vec![Gid::effective().as_raw()];
        for g in getgroups().unwrap_or_default() {
            if !gids.contains(&g.as_raw()) {
                gids.push(g.as_raw());
            }
        }
        gids
    }

    /// Whether the folder's group may write in it: files made there are then the group's.
    pub fn shared(folder: &Path) -> Option<u32> {
        let m = std::fs::metadata(folder).ok()?;
        (m.mode() & 0o020 != 0).then_some(m.gid())
    }

    /// Makes a file the current user owns group-readable and -writable with the folder's
    /// group, when the folder's group may write there. Anything else is left alone (and
    /// [`writable`] names it when it stops the user).
    pub fn share(file: &Path, folder: &Path) {
        let Some(gid) = shared(folder) else { return };
        let Ok(m) = std::fs::symlink_metadata(file) else {
            return;
        };
        if !m.is_file() || m.uid() != Uid::effective().as_raw() {
            return;
        }
        if m.gid() != gid && my_gids().contains(&gid) {
            let _ = std::os::unix::fs::lchown(file, None, Some(gid));
        }
        let mode = m.mode() & 0o7777;
        if mode & 0o060 != 0o060 {
            let _ = std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode | 0o060));
        }
    }

    /// The same for an open file (a new export's temporary file).
    pub fn share_open(file: &std::fs::File, folder: &Path) -> std::io::Result<()> {
        let Some(gid) = shared(folder) else {
            return Ok(());
        };
        let m = file.metadata()?;
        if m.gid() != gid && my_gids().contains(&gid) {
            std::os::unix::fs::fchown(file, None, Some(gid))?;
        }
        let mode = m.mode() & 0o7777;
        if mode & 0o060 != 0o060 {
            file.set_permissions(std::fs::Permissions::from_mode(mode | 0o060))?;
        }
        Ok(())
    }

    /// Who may write `path`, when the current user may not; `None` when they may (or the
    /// path is not there).
    pub fn denied(path: &Path, folder: bool) -> Option<Access> {
        let flags = if folder {
            AccessFlags::W_OK | AccessFlags::X_OK
        } else {
            AccessFlags::W_OK
        };
        let m = std::fs::metadata(path).ok()?;
        if access(path, flags).is_ok() {
            return None;
        }
        Some(Access {
            path: path.to_path_buf(),
            folder,
            owner: user_name(m.uid()),
            group: group_name(m.gid()),
            mode: m.mode() & 0o7777,
            user: user_name(Uid::effective().as_raw()),
            groups: my_gids().into_iter().map(group_name).collect(),
            council: std::fs::metadata(if folder {
                path.to_path_buf()
            } else {
                super::folder_of(path)
            })
            .map(|m| group_name(m.gid()))
            .unwrap_or_default(),
        })
    }

    /// Makes a new, empty database file the way SQLite would (the umask applies), then
    /// group-writable with the folder's group when that group may write there.
    pub fn create_shared(path: &Path, folder: &Path) -> std::io::Result<()> {
        use std::os::unix::fs::OpenOptionsExt;
        if shared(folder).is_none() {
            return Ok(());
        }
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o644)
            .custom_flags(nix::libc::O_NOFOLLOW)
            .open(path)?;
        share_open(&file, folder)
    }
}

/// Before a database is opened to write: a new file is made group-writable in a shared
/// folder, the current user's own files of the database are repaired, and a file (or the
/// folder) the user cannot write is refused with [`StoreError::NotWritable`].
pub fn prepare_write(path: &Path, create: bool) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        let folder = folder_of(path);
        let exists = std::fs::symlink_metadata(path).is_ok();
        if !exists {
            if !create {
                return Ok(());
            }
            if let Some(a) = unix::denied(&folder, true) {
                return Err(StoreError::NotWritable(Box::new(a)));
            }
            // A failure (made meanwhile by another member, say) is checked below.
            let _ = unix::create_shared(path, &folder);
        }
        let [wal, shm] = companions(path);
        for file in [path, &wal, &shm] {
            unix::share(file, &folder);
        }
    }
    #[cfg(not(unix))]
    let _ = create;
    match write_denied(path) {
        Some(a) => Err(StoreError::NotWritable(Box::new(a))),
        None => Ok(()),
    }
}

/// Who may not write the database at `path` (the file, its `-wal` or `-shm`, or the folder
/// when these must be made), without changing anything; none when the user may.
pub fn write_denied(path: &Path) -> Option<Access> {
    #[cfg(unix)]
    {
        let [wal, shm] = companions(path);
        for file in [path, &wal, &shm] {
            if let Some(a) = unix::denied(file, false) {
                return Some(a);
            }
        }
        // SQLite makes the `-wal` and `-shm` when the first connection opens: the folder
        // must let the user make them when they are not there.
        if !wal.exists() || !shm.exists() {
            return unix::denied(&folder_of(path), true);
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

/// Makes a file just written beside others (an export, its temporary file) group-readable
/// and -writable with the folder's group, when the folder's group may write there.
pub fn share_new_file(file: &std::fs::File, folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    return unix::share_open(file, folder);
    #[cfg(not(unix))]
    {
        let _ = (file, folder);
        Ok(())
    }
}
