//! A FUSE filesystem for power-cut tests, in the spirit of LazyFS: what is written is kept in
//! memory and read back at once, but becomes durable only when it is synced; a power cut keeps
//! the durable state alone, which a new mount ("the reboot") then serves.
//!
//! - `fsync`/`fdatasync` on a file make its data and size durable (both calls are treated
//!   alike: the size is part of what `fdatasync` must persist for the data to be read back).
//! - A directory entry (a file created, removed or renamed) is durable only once its
//!   directory is synced (`fsync` on the directory). A file created and synced but whose
//!   directory never was is gone after the cut, as on a filesystem that gives no more than
//!   POSIX promises; SQLite syncs the directory after creating a journal or WAL file.
//! - At a cut, in the plain mode everything not synced is dropped; in the torn mode each file's
//!   unsynced writes are written back in order up to a random page boundary (4 KiB) and the rest
//!   is dropped, as a write-back cut off mid-way.
//! - After the cut the filesystem answers every request with EIO, so that nothing the process
//!   does between the cut and its SIGKILL can succeed.
//!
//! One flat directory (the mount's root) holds regular files; that is all SQLite needs.

use fuser::{
    Errno, FileAttr, FileHandle, FileType, Filesystem, FopenFlags, Generation, INodeNo, LockOwner,
    OpenFlags, RenameFlags, ReplyAttr, ReplyCreate, ReplyData, ReplyDirectory, ReplyEmpty,
    ReplyEntry, ReplyOpen, ReplyStatfs, ReplyWrite, Request, TimeOrNow, WriteFlags,
};
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// The durable content of the disk: the root's files, by name.
pub type Image = BTreeMap<OsString, Vec<u8>>;

pub const PAGE: usize = 4096;
const ROOT: u64 = 1;
const TTL: Duration = Duration::ZERO;

struct File {
    /// What reads see.
    data: Vec<u8>,
    /// What survives a cut.
    durable: Vec<u8>,
    /// Byte ranges written since the last sync.
    dirty: Vec<(usize, usize)>,
}

impl File {
    fn new(bytes: Vec<u8>) -> File {
        File {
            durable: bytes.clone(),
            data: bytes,
            dirty: Vec::new(),
        }
    }

    fn write(&mut self, offset: usize, bytes: &[u8]) {
        let end = offset + bytes.len();
        let start = offset.min(self.data.len());
        if self.data.len() < end {
            self.data.resize(end, 0);
        }
        self.data[offset..end].copy_from_slice(bytes);
        self.dirty.push((start, end));
    }

    fn truncate(&mut self, len: usize) {
        let old = self.data.len();
        self.data.resize(len, 0);
        if len > old {
            self.dirty.push((old, len));
        }
    }

    /// Writes back the dirty bytes below `limit` (all for a sync), and the size.
    fn write_back(&mut self, limit: usize) {
        let all = limit >= self.data.len();
        let len = if all {
            self.data.len()
        } else {
            self.durable.len().max(limit)
        };
        self.durable.resize(len, 0);
        for &(a, b) in &self.dirty {
            let b = b.min(limit).min(self.data.len()).min(len);
            if a < b {
                self.durable[a..b].copy_from_slice(&self.data[a..b]);
            }
        }
        if all {
            self.dirty.clear();
        }
    }
}

struct State {
    files: BTreeMap<u64, File>,
    /// The root's entries as reads see them, and as they survive a cut.
    names: BTreeMap<OsString, u64>,
    durable_names: BTreeMap<OsString, u64>,
    next: u64,
    /// Cut: every request fails.
    dead: bool,
    /// Syncs of files and of the directory (for the report).
    syncs: u64,
    /// The disk's size in bytes of file data: a write beyond it answers ENOSPC (none: no
    /// limit). Growing a file by truncation allocates nothing, as on a real disk (sparse).
    capacity: Option<usize>,
}

impl State {
    /// Bytes of file data the disk holds.
    fn used(&self) -> usize {
        self.files.values().map(|f| f.data.len()).sum()
    }

    /// Refuses growing file `ino` to `len` bytes beyond the capacity.
    fn room_for(&self, ino: u64, len: usize) -> Result<(), Errno> {
        let Some(capacity) = self.capacity else {
            return Ok(());
        };
        let now = self.files.get(&ino).map_or(0, |f| f.data.len());
        if len > now && self.used() + (len - now) > capacity {
            return Err(Errno::ENOSPC);
        }
        Ok(())
    }
}

/// The filesystem; clone the handle to cut the power from the test while it is mounted.
#[derive(Clone)]
pub struct LazyFs(Arc<Mutex<State>>);

impl LazyFs {
    /// A disk holding `image`, all of it durable.
    pub fn new(image: &Image) -> LazyFs {
        let mut s = State {
            files: BTreeMap::new(),
            names: BTreeMap::new(),
            durable_names: BTreeMap::new(),
            next: ROOT + 1,
            dead: false,
            syncs: 0,
            capacity: None,
        };
        for (name, bytes) in image {
            let ino = s.next;
            s.next += 1;
            s.files.insert(ino, File::new(bytes.clone()));
            s.names.insert(name.clone(), ino);
        }
        s.durable_names = s.names.clone();
        LazyFs(Arc::new(Mutex::new(s)))
    }

    /// The power goes: what is left on the disk (torn: each file's unsynced writes written
    /// back up to the page boundary `torn(file size)` gives). The filesystem fails every
    /// request from now on.
    pub fn cut(&self, mut torn: Option<&mut dyn FnMut(usize) -> usize>) -> Image {
        let mut s = self.0.lock().unwrap();
        s.dead = true;
        let names = s.durable_names.clone();
        let mut image = Image::new();
        for (name, ino) in names {
            let f = s.files.get_mut(&ino).expect("a named file exists");
            if let Some(pick) = torn.as_mut() {
                let pages = f.data.len().max(f.durable.len()).div_ceil(PAGE);
                f.write_back(pick(pages) * PAGE);
            }
            image.insert(name, f.durable.clone());
        }
        image
    }

    pub fn syncs(&self) -> u64 {
        self.0.lock().unwrap().syncs
    }
}

fn attr(ino: u64, f: Option<&File>) -> FileAttr {
    let (kind, perm, size) = match f {
        Some(f) => (FileType::RegularFile, 0o644, f.data.len() as u64),
        None => (FileType::Directory, 0o755, 0),
    };
    let now = SystemTime::UNIX_EPOCH;
    FileAttr {
        ino: INodeNo(ino),
        size,
        blocks: size.div_ceil(512),
        atime: now,
        mtime: now,
        ctime: now,
        crtime: now,
        kind,
        perm,
        nlink: 1,
        uid: unsafe { libc::getuid() },
        gid: unsafe { libc::getgid() },
        rdev: 0,
        blksize: PAGE as u32,
        flags: 0,
    }
}

const EIO: Errno = Errno::EIO;

impl LazyFs {
    /// Bytes of file data on the disk now.
    pub fn used(&self) -> usize {
        self.0.lock().unwrap().used()
    }

    /// Sets the disk's size (none: no limit): a write beyond it then answers ENOSPC, as a
    /// full disk does.
    pub fn set_capacity(&self, capacity: Option<usize>) {
        self.0.lock().unwrap().capacity = capacity;
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> Result<T, Errno>) -> Result<T, Errno> {
        let mut s = self.0.lock().unwrap();
        if s.dead {
            return Err(EIO);
        }
        f(&mut s)
    }

    fn attr_of(s: &State, ino: u64) -> Result<FileAttr, Errno> {
        if ino == ROOT {
            return Ok(attr(ROOT, None));
        }
        s.files
            .get(&ino)
            .map(|f| attr(ino, Some(f)))
            .ok_or(Errno::ENOENT)
    }

    fn new_file(&self, parent: INodeNo, name: &OsStr) -> Result<FileAttr, Errno> {
        self.with(|s| {
            if parent.0 != ROOT {
                return Err(Errno::ENOENT);
            }
            if let Some(&ino) = s.names.get(name) {
                return Self::attr_of(s, ino);
            }
            let ino = s.next;
            s.next += 1;
            s.files.insert(ino, File::new(Vec::new()));
            s.names.insert(name.to_os_string(), ino);
            Self::attr_of(s, ino)
        })
    }
}

impl Filesystem for LazyFs {
    fn lookup(&self, _r: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEntry) {
        match self.with(|s| {
            let ino = (parent.0 == ROOT)
                .then(|| s.names.get(name).copied())
                .flatten()
                .ok_or(Errno::ENOENT)?;
            Self::attr_of(s, ino)
        }) {
            Ok(a) => reply.entry(&TTL, &a, Generation(0)),
            Err(e) => reply.error(e),
        }
    }

    fn getattr(&self, _r: &Request, ino: INodeNo, _fh: Option<FileHandle>, reply: ReplyAttr) {
        match self.with(|s| Self::attr_of(s, ino.0)) {
            Ok(a) => reply.attr(&TTL, &a),
            Err(e) => reply.error(e),
        }
    }

    fn setattr(
        &self,
        _r: &Request,
        ino: INodeNo,
        _mode: Option<u32>,
        _uid: Option<u32>,
        _gid: Option<u32>,
        size: Option<u64>,
        _atime: Option<TimeOrNow>,
        _mtime: Option<TimeOrNow>,
        _ctime: Option<SystemTime>,
        _fh: Option<FileHandle>,
        _crtime: Option<SystemTime>,
        _chgtime: Option<SystemTime>,
        _bkuptime: Option<SystemTime>,
        _flags: Option<fuser::BsdFileFlags>,
        reply: ReplyAttr,
    ) {
        match self.with(|s| {
            if let (Some(len), Some(f)) = (size, s.files.get_mut(&ino.0)) {
                f.truncate(len as usize);
            }
            Self::attr_of(s, ino.0)
        }) {
            Ok(a) => reply.attr(&TTL, &a),
            Err(e) => reply.error(e),
        }
    }

    fn mknod(
        &self,
        _r: &Request,
        parent: INodeNo,
        name: &OsStr,
        _mode: u32,
        _umask: u32,
        _rdev: u32,
        reply: ReplyEntry,
    ) {
        match self.new_file(parent, name) {
            Ok(a) => reply.entry(&TTL, &a, Generation(0)),
            Err(e) => reply.error(e),
        }
    }

    fn create(
        &self,
        _r: &Request,
        parent: INodeNo,
        name: &OsStr,
        _mode: u32,
        _umask: u32,
        _flags: i32,
        reply: ReplyCreate,
    ) {
        match self.new_file(parent, name) {
            Ok(a) => reply.created(&TTL, &a, Generation(0), FileHandle(0), FopenFlags::empty()),
            Err(e) => reply.error(e),
        }
    }

    fn unlink(&self, _r: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        match self.with(|s| {
            if parent.0 != ROOT {
                return Err(Errno::ENOENT);
            }
            s.names.remove(name).map(|_| ()).ok_or(Errno::ENOENT)
        }) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn rename(
        &self,
        _r: &Request,
        parent: INodeNo,
        name: &OsStr,
        newparent: INodeNo,
        newname: &OsStr,
        _flags: RenameFlags,
        reply: ReplyEmpty,
    ) {
        match self.with(|s| {
            if parent.0 != ROOT || newparent.0 != ROOT {
                return Err(Errno::ENOENT);
            }
            let ino = s.names.remove(name).ok_or(Errno::ENOENT)?;
            s.names.insert(newname.to_os_string(), ino);
            Ok(())
        }) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn open(&self, _r: &Request, ino: INodeNo, _flags: OpenFlags, reply: ReplyOpen) {
        match self.with(|s| Self::attr_of(s, ino.0)) {
            Ok(_) => reply.opened(FileHandle(0), FopenFlags::empty()),
            Err(e) => reply.error(e),
        }
    }

    fn read(
        &self,
        _r: &Request,
        ino: INodeNo,
        _fh: FileHandle,
        offset: u64,
        size: u32,
        _flags: OpenFlags,
        _lock: Option<LockOwner>,
        reply: ReplyData,
    ) {
        match self.with(|s| {
            let f = s.files.get(&ino.0).ok_or(Errno::ENOENT)?;
            let start = (offset as usize).min(f.data.len());
            let end = (start + size as usize).min(f.data.len());
            Ok(f.data[start..end].to_vec())
        }) {
            Ok(d) => reply.data(&d),
            Err(e) => reply.error(e),
        }
    }

    fn write(
        &self,
        _r: &Request,
        ino: INodeNo,
        _fh: FileHandle,
        offset: u64,
        data: &[u8],
        _wf: WriteFlags,
        _flags: OpenFlags,
        _lock: Option<LockOwner>,
        reply: ReplyWrite,
    ) {
        match self.with(|s| {
            s.room_for(ino.0, offset as usize + data.len())?;
            let f = s.files.get_mut(&ino.0).ok_or(Errno::ENOENT)?;
            f.write(offset as usize, data);
            Ok(data.len() as u32)
        }) {
            Ok(n) => reply.written(n),
            Err(e) => reply.error(e),
        }
    }

    fn flush(
        &self,
        _r: &Request,
        _ino: INodeNo,
        _fh: FileHandle,
        _lock: LockOwner,
        reply: ReplyEmpty,
    ) {
        match self.with(|_| Ok(())) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn fsync(
        &self,
        _r: &Request,
        ino: INodeNo,
        _fh: FileHandle,
        _datasync: bool,
        reply: ReplyEmpty,
    ) {
        match self.with(|s| {
            s.syncs += 1;
            if ino.0 == ROOT {
                s.durable_names = s.names.clone();
            } else if let Some(f) = s.files.get_mut(&ino.0) {
                f.write_back(usize::MAX);
            }
            Ok(())
        }) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn fsyncdir(
        &self,
        _r: &Request,
        ino: INodeNo,
        _fh: FileHandle,
        _datasync: bool,
        reply: ReplyEmpty,
    ) {
        match self.with(|s| {
            s.syncs += 1;
            if ino.0 == ROOT {
                s.durable_names = s.names.clone();
            }
            Ok(())
        }) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn readdir(
        &self,
        _r: &Request,
        ino: INodeNo,
        _fh: FileHandle,
        offset: u64,
        mut reply: ReplyDirectory,
    ) {
        let entries = self.with(|s| {
            if ino.0 != ROOT {
                return Err(Errno::ENOTDIR);
            }
            let mut v = vec![
                (ROOT, FileType::Directory, OsString::from(".")),
                (ROOT, FileType::Directory, OsString::from("..")),
            ];
            v.extend(
                s.names
                    .iter()
                    .map(|(n, i)| (*i, FileType::RegularFile, n.clone())),
            );
            Ok(v)
        });
        match entries {
            Ok(v) => {
                for (i, (ino, kind, name)) in v.into_iter().enumerate().skip(offset as usize) {
                    if reply.add(INodeNo(ino), i as u64 + 1, kind, name) {
                        break;
                    }
                }
                reply.ok();
            }
            Err(e) => reply.error(e),
        }
    }

    fn statfs(&self, _r: &Request, _ino: INodeNo, reply: ReplyStatfs) {
        reply.statfs(
            1 << 20,
            1 << 19,
            1 << 19,
            1 << 16,
            1 << 15,
            PAGE as u32,
            255,
            PAGE as u32,
        );
    }

    fn access(&self, _r: &Request, _ino: INodeNo, _mask: fuser::AccessFlags, reply: ReplyEmpty) {
        reply.ok();
    }
}

/// A mounted LazyFs.
pub struct Mounted {
    pub fs: LazyFs,
    dir: std::path::PathBuf,
    session: Option<fuser::BackgroundSession>,
}

impl Mounted {
    /// Mounts a disk holding `image` at `dir`.
    pub fn mount(image: &Image, dir: &std::path::Path) -> std::io::Result<Mounted> {
        let fs = LazyFs::new(image);
        let mut config = fuser::Config::default();
        config.mount_options = vec![
            fuser::MountOption::FSName("thamdinh-lazyfs".into()),
            fuser::MountOption::RW,
        ];
        let session = fuser::spawn_mount(fs.clone(), dir, &config)?;
        Ok(Mounted {
            fs,
            dir: dir.canonicalize()?,
            session: Some(session),
        })
    }

    pub fn unmount(mut self) {
        self.release();
    }

    /// Unmounts, then lets the session's thread end. A plain unmount answers EBUSY while any
    /// process holds a file of the mount, and a child that another test thread forks at that
    /// moment holds this process's descriptors until it executes (CI failed once this way: the
    /// next mount on the same directory then met the old filesystem, which after a cut answers
    /// EIO). So the unmount is retried for a while, then detached lazily: the directory is free
    /// for the next mount either way.
    fn release(&mut self) {
        let Some(session) = self.session.take() else {
            return;
        };
        let path = std::ffi::CString::new(self.dir.as_os_str().as_encoded_bytes()).unwrap();
        let mut unmounted = false;
        for _ in 0..250 {
            // SAFETY: `path` is a NUL-terminated string that outlives the call.
            if unsafe { libc::umount2(path.as_ptr(), 0) } == 0 {
                unmounted = true;
                break;
            }
            if std::io::Error::last_os_error().raw_os_error() != Some(libc::EBUSY) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if !unmounted {
            // SAFETY: as above.
            unsafe { libc::umount2(path.as_ptr(), libc::MNT_DETACH) };
        }
        // The filesystem is gone from the directory: fuser sees it and only joins its thread.
        let _ = session.umount_and_join();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.release();
    }
}

/// Why a FUSE test cannot run here, if it cannot: no /dev/fuse.
pub fn unavailable() -> Option<String> {
    (!std::path::Path::new("/dev/fuse").exists())
        .then(|| "/dev/fuse is absent on this machine (no FUSE in this kernel or container)".into())
}
