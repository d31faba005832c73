//! Exports in a folder other members share: an unpredictable temporary file made
//! exclusively, never a write through a link, a target that is not a regular file refused
//! and left as it is, two exports to one path at once both whole; and files made in a folder
//! whose group may write are the group's and group-writable, whatever the umask.

use crate::common::{demo_db, fails, ok};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use thamdinh::io::{NotAFile, replace_file};

fn export_ranking(out: &Path) -> Vec<String> {
    vec![
        "--lang".into(),
        "en".into(),
        "export".into(),
        "ranking".into(),
        "--group".into(),
        "so-nganh".into(),
        "--out".into(),
        out.display().to_string(),
    ]
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_link_planted_at_the_old_temporary_name_or_the_target_writes_nothing_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"mine, not yours").unwrap();
    // The temporary name every export used to write through, planted by another member.
    let out = dir.path().join("ranking.csv");
    std::os::unix::fs::symlink(&victim, dir.path().join(".ranking.csv.tmp-thamdinh")).unwrap();
    ok(&db, &args(&export_ranking(&out)));
    assert_eq!(std::fs::read(&victim).unwrap(), b"mine, not yours");
    assert!(std::fs::read_to_string(&out).unwrap().contains("SNV"));
    // A link at the target itself is refused, and the file it points to is untouched.
    let linked = dir.path().join("linked.csv");
    std::os::unix::fs::symlink(&victim, &linked).unwrap();
    let err = fails(&db, &args(&export_ranking(&linked)));
    assert!(
        err.contains("linked.csv: it is a symbolic link, not a regular file; it was left as it is"),
        "{err}"
    );
    assert_eq!(std::fs::read(&victim).unwrap(), b"mine, not yours");
    assert!(
        std::fs::symlink_metadata(&linked)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let vi = fails(
        &db,
        &["export", "ranking", "--out", linked.to_str().unwrap()],
    );
    assert!(vi.contains("không phải một tệp thường"), "{vi}");
}

#[test]
fn a_device_a_fifo_and_a_folder_are_refused_and_survive() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // As root (as CI runs), the old rename replaced /dev/full with a regular file.
    let full = Path::new("/dev/full");
    if full.exists() {
        let err = fails(&db, &args(&export_ranking(full)));
        assert!(
            err.contains("/dev/full: it is a device, not a regular file"),
            "{err}"
        );
        assert!(
            std::fs::metadata(full)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    let fifo = dir.path().join("pipe.csv");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o644)).unwrap();
    let err = fails(&db, &args(&export_ranking(&fifo)));
    assert!(
        err.contains("pipe.csv: it is a pipe (FIFO) or a socket"),
        "{err}"
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let folder = dir.path().join("a-folder.xlsx");
    std::fs::create_dir(&folder).unwrap();
    let out = folder.display().to_string();
    let err = fails(&db, &["--lang", "en", "export", "workbook", "--out", &out]);
    assert!(err.contains("a-folder.xlsx: it is a folder"), "{err}");
    assert!(folder.is_dir());
    let no_temp = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .all(|e| !e.file_name().to_string_lossy().ends_with(".tmp-thamdinh"));
    assert!(no_temp);
}

#[test]
fn replace_file_refuses_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("d");
    std::fs::create_dir(&target).unwrap();
    let e = replace_file(&target, |_| Ok(())).unwrap_err();
    assert_eq!(NotAFile::of(&e), Some(NotAFile::Folder));
}

#[test]
fn two_exports_to_one_path_at_once_both_end_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.csv");
    let writers: Vec<_> = (0..2u8)
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                for _ in 0..200 {
                    replace_file(&path, |f| std::io::Write::write_all(f, &[b'a' + who; 4096]))
                        .expect("an export at the same time as another");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes.len(), 4096);
    assert!(bytes.iter().all(|&b| b == bytes[0]));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn files_made_in_a_group_folder_are_the_groups_and_group_writable_whatever_the_umask() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("hoidong");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let gid = std::fs::metadata(&dir).unwrap().gid();
    let db = dir.join("hd.sqlite");
    // A member whose umask keeps everything private.
    let strict = |a: &[&str]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"));
        c.arg("--db")
            .arg(&db)
            .args(a)
            .env("THAMDINH_CONFIG_DIR", top.path().join("config"))
            .env_remove("THAMDINH_DB");
        // SAFETY: umask is async-signal-safe.
        unsafe {
            c.pre_exec(|| {
                libc::umask(0o077);
                Ok(())
            });
        }
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    strict(&["init", "--year", "2022"]);
    let units = crate::common::demo_file("units.csv");
    strict(&["import", "units", units.to_str().unwrap()]);
    let out = dir.join("ranking.csv");
    strict(&["export", "ranking", "--out", out.to_str().unwrap()]);
    let xlsx = dir.join("ket-qua.xlsx");
    strict(&["export", "workbook", "--out", xlsx.to_str().unwrap()]);
    for f in [&db, &out, &xlsx] {
        let m = std::fs::metadata(f).unwrap();
        assert_eq!(m.mode() & 0o777, 0o660, "{}", f.display());
        assert_eq!(m.gid(), gid, "{}", f.display());
    }
    // The -wal and -shm of an open connection get the database's mode.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.query_row("SELECT count(*) FROM units", [], |r| r.get::<_, i64>(0))
        .unwrap();
    for end in ["-wal", "-shm"] {
        let p = dir.join(format!("hd.sqlite{end}"));
        let m = std::fs::metadata(&p).unwrap();
        assert_eq!(m.mode() & 0o777, 0o660, "{}", p.display());
    }
}

#[test]
fn a_members_own_file_left_without_group_write_is_repaired_on_opening() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("hoidong");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let db = dir.join("hd.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let units = crate::common::demo_file("units.csv");
    ok(&db, &["import", "units", units.to_str().unwrap()]);
    assert_eq!(std::fs::metadata(&db).unwrap().mode() & 0o777, 0o664);
}
