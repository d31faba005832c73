//! Opening a database: reading never writes (no write lock, no migration when there is
//! nothing to migrate, a read-only folder can be read), a file that is not thamdinh's is
//! refused untouched, a migration is one transaction, an unknown schema version is a sentence.

use crate::common::{demo_db, fails, ok, run};
use rusqlite::Connection;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use thamdinh::store::{Store, StoreError, open::NotOurs, schema};

fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() }
}

/// The binary as a user who may not write `dir` (as root: `nobody`, since root may write
/// anything; otherwise the current user once the folder is made read-only).
fn as_reader(db: &Path, args: &[&str]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_thamdinh"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env("THAMDINH_CONFIG_DIR", "/nonexistent/thamdinh-config")
        .env_remove("THAMDINH_DB");
    if euid() == 0 {
        c.uid(65534).gid(65534);
    }
    c.output().unwrap()
}

#[test]
fn reading_commands_do_not_wait_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Another member holds the write lock (a long import, say).
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    // Opening takes no lock when there is nothing to migrate: each of these would wait 10 s
    // and fail with "database is locked" otherwise.
    assert!(Store::open_read(&db).unwrap().is_some());
    assert!(Store::open_existing(&db).unwrap().is_some());
    let rank = ok(&db, &["--lang", "en", "rank", "--group", "so-nganh"]);
    assert!(rank.contains("SNV"), "{rank}");
    let verify = ok(&db, &["--lang", "en", "verify"]);
    assert!(!verify.is_empty());
    ok(&db, &["--lang", "en", "history", "--province"]);
    ok(
        &db,
        &["--lang", "en", "analyze", "fields", "--group", "so-nganh"],
    );
    let out = dir.path().join("ranking.csv");
    ok(
        &db,
        &[
            "export",
            "ranking",
            "--group",
            "so-nganh",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_database_in_a_read_only_folder_can_be_read_and_verified() {
    let top = tempfile::tempdir().unwrap();
    std::fs::set_permissions(top.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = top.path().join("archive");
    std::fs::create_dir(&dir).unwrap();
    let db = demo_db(&dir);
    // A clean close leaves no -wal or -shm; then nobody may write the folder or the file.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["--lang", "en", "verify"][..],
        &["--lang", "en", "rank", "--group", "so-nganh"],
        &["--lang", "en", "history", "--province"],
    ] {
        let out = as_reader(&db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("contacts.sqlite");
    {
        let c = Connection::open(&db).unwrap();
        c.execute_batch(
            "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Lan'), ('Minh');",
        )
        .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["--lang", "en", "verify"][..],
        &["--lang", "en", "rank"],
        &[
            "--lang",
            "en",
            "import",
            "units",
            crate::common::demo_file("units.csv").to_str().unwrap(),
        ],
        &["--lang", "en", "init", "--year", "2022"],
    ] {
        let err = fails(&db, args);
        assert!(
            err.contains("contacts.sqlite is not a thamdinh database: it is another program's SQLite file (1 tables, e.g. 'people')"),
            "{args:?}: {err}"
        );
    }
    let vi = fails(&db, &["verify"]);
    assert!(vi.contains("không phải cơ sở dữ liệu thamdinh"), "{vi}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(matches!(
        Store::open(&db),
        Err(StoreError::NotOurs {
            why: NotOurs::Foreign { tables: 1, .. },
            ..
        })
    ));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn an_empty_file_is_refused_by_the_reading_commands_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.sqlite");
    std::fs::write(&db, b"").unwrap();
    for args in [&["--lang", "en", "verify"][..], &["--lang", "en", "rank"]] {
        let err = fails(&db, args);
        assert!(
            err.contains("empty.sqlite is not a thamdinh database: the file is empty (0 bytes)"),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::metadata(&db).unwrap().len(), 0);
    }
    // `init` may start from an empty file made on purpose.
    ok(&db, &["init", "--year", "2022"]);
    ok(&db, &["verify"]);
}

#[test]
fn a_failed_migration_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite");
    {
        let mut c = Connection::open(&db).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        schema::migrate_to(&mut c, 4).unwrap();
        // A table in the way of a later step: the step creating it fails.
        c.execute_batch("CREATE TABLE field_history (x INTEGER)")
            .unwrap();
    }
    let before = crate::common::dump(&db);
    assert!(Store::open(&db).is_err());
    let after = crate::common::dump(&db);
    assert_eq!(before, after, "nothing of the earlier steps stays");
    let c = Connection::open(&db).unwrap();
    assert_eq!(schema::version(&c).unwrap(), 4);
}

#[test]
fn an_unknown_schema_version_is_a_sentence_not_a_panic() {
    for version in [-1i64, 99] {
        let dir = tempfile::tempdir().unwrap();
        let db = demo_db(dir.path());
        Connection::open(&db)
            .unwrap()
            .pragma_update(None, "user_version", version)
            .unwrap();
        let before = crate::common::dump(&db);
        for args in [
            &["--lang", "en", "rank"][..],
            &["--lang", "en", "verify"],
            &[
                "--lang",
                "en",
                "decide",
                "SNV",
                "1.1.1",
                "agree",
                "--appraiser",
                "A",
            ],
        ] {
            let out = run(&db, args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            let said = if version < 0 {
                "The database's schema version is -1, which thamdinh never writes"
            } else {
                "written by a newer thamdinh (schema 99"
            };
            assert!(err.contains(said), "{args:?}: {err}");
        }
        assert_eq!(crate::common::dump(&db), before);
    }
}

#[test]
fn an_older_schema_that_cannot_be_migrated_by_the_reader_says_why() {
    let top = tempfile::tempdir().unwrap();
    std::fs::set_permissions(top.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = top.path().join("old");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("old.sqlite");
    {
        let mut c = Connection::open(&db).unwrap();
        schema::migrate_to(&mut c, 4).unwrap();
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = as_reader(&db, &["--lang", "en", "verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("You may not write"), "{err}");
    assert!(!err.contains("newer thamdinh"), "{err}");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let c = Connection::open(&db).unwrap();
    assert_eq!(schema::version(&c).unwrap(), 4);
}
