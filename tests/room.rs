//! A room full of appraisers on one file (tests/proofs/room.rs): twenty instances of the real
//! binary in pseudo-terminals deciding with keys for 20 s. The soak (`cargo soak`) runs it for
//! five minutes and prints the figures.

mod common;
mod proofs;

use proofs::room;
use std::time::Duration;

#[test]
fn twenty_appraisers_on_one_file_lose_nothing_and_see_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let seed = proofs::seed();
    let r = room::run(&db, 20, Duration::from_secs(20), seed);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "room (seed {seed}): {} appraisers, {} decisions ({} in bursts), key → acknowledgement \
         p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms; lock errors {}; lost {}; shown on {} other \
         screens, median {:.0} ms, max {:.0} ms; {} searches landed elsewhere; {:.0} s",
        r.appraisers,
        r.decisions,
        r.in_bursts,
        ms(r.p(0.5)),
        ms(r.p(0.99)),
        ms(r.p(1.0)),
        r.lock_errors,
        r.lost,
        r.shown_elsewhere.len(),
        ms(r.elsewhere(0.5)),
        ms(r.elsewhere(1.0)),
        r.missed_search,
        r.elapsed.as_secs_f64()
    );
    for p in r.problems.iter().take(20) {
        println!("  {p}");
    }
    assert!(
        r.problems.is_empty(),
        "{} problems (seed {seed})",
        r.problems.len()
    );
    assert_eq!(
        (r.lost, r.lock_errors, r.unacknowledged, r.not_shown),
        (0, 0, 0, 0)
    );
    // At one decision every 1–3 s, twenty members make well over a hundred in 20 s, some of
    // them in bursts, and the tables see each other's first decisions.
    assert!(r.decisions >= 100, "{} decisions", r.decisions);
    assert!(r.in_bursts > 0);
    assert!(!r.shown_elsewhere.is_empty());
}

/// Operating-system accounts made for the proof, removed when it ends (even on a failure).
struct Accounts {
    users: Vec<String>,
    group: String,
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for u in &self.users {
            let _ = std::process::Command::new("userdel").arg(u).output();
        }
        let _ = std::process::Command::new("groupdel")
            .arg(&self.group)
            .output();
    }
}

fn sh(program: &str, args: &[&str]) -> Result<(), String> {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The binary as the account `user`, with its own settings folder.
fn as_account(user: &str, db: &std::path::Path, args: &[&str]) -> std::process::Output {
    let config = db.parent().unwrap().join(format!("config-{user}"));
    std::fs::create_dir_all(&config).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::process::Command::new("runuser")
        .args(["-u", user, "--", env!("CARGO_BIN_EXE_thamdinh"), "--db"])
        .arg(db)
        .args(args)
        .env("THAMDINH_CONFIG_DIR", &config)
        .env_remove("THAMDINH_DB")
        .output()
        .unwrap()
}

/// A user's or group's name.
fn user_name(uid: u32) -> String {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map_or(uid.to_string(), |u| u.name)
}

fn group_name(gid: u32) -> String {
    nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid))
        .ok()
        .flatten()
        .map_or(gid.to_string(), |g| g.name)
}

/// Every file of the folder with its mode, owner and group, as `ls -l` shows them.
fn modes(dir: &std::path::Path) -> Vec<(String, String, u32, u32)> {
    use std::os::unix::fs::MetadataExt;
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let m = e.metadata().ok()?;
            Some((
                e.file_name().to_string_lossy().into_owned(),
                thamdinh::i18n::access::mode_text(m.mode() & 0o7777, m.is_dir()),
                m.uid(),
                m.gid(),
            ))
        })
        .collect();
    out.sort();
    out
}

/// The room of appraisers with each member logged in as their own operating-system account:
/// three accounts in one group sharing a setgid folder, and one account outside the group,
/// which is refused read-write with the sentence that names the file and the fix, can still
/// read (the screens open read-only), and costs nothing.
#[test]
fn three_accounts_in_one_group_share_the_file_and_an_outsider_is_refused_losing_nothing() {
    const NAME: &str =
        "three_accounts_in_one_group_share_the_file_and_an_outsider_is_refused_losing_nothing";
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        common::skipped(
            NAME,
            "making operating-system accounts (useradd, groupadd) and running the binary as \
             them (runuser) needs root; CI runs as root",
        );
        return;
    }
    let tag = std::process::id() % 100_000;
    let group = format!("thdroom{tag}");
    let users: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|s| format!("thd{tag}{s}"))
        .collect();
    let outsider = format!("thd{tag}x");
    let mut accounts = Accounts {
        users: Vec::new(),
        group: group.clone(),
    };
    let made = sh("groupadd", &[&group]).and_then(|()| {
        for u in &users {
            sh(
                "useradd",
                &["-M", "-s", "/usr/sbin/nologin", "-G", &group, u],
            )?;
            accounts.users.push(u.clone());
        }
        sh("useradd", &["-M", "-s", "/usr/sbin/nologin", &outsider])?;
        accounts.users.push(outsider.clone());
        Ok(())
    });
    if let Err(why) = made {
        common::skipped(NAME, &format!("the accounts could not be made: {why}"));
        return;
    }
    let top = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(top.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = top.path().join("hoidong");
    std::fs::create_dir(&dir).unwrap();
    sh("chgrp", &[&group, dir.to_str().unwrap()]).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let db = common::demo_db(&dir);
    let probe = as_account(&users[0], &db, &["--version"]);
    if !probe.status.success() {
        common::skipped(
            NAME,
            &format!(
                "the test accounts cannot run {}: {}",
                env!("CARGO_BIN_EXE_thamdinh"),
                String::from_utf8_lossy(&probe.stderr).trim()
            ),
        );
        return;
    }

    // The outsider: refused read-write at once, with the file, owner, group, mode, their
    // groups and the fix; they can read; nothing changes and nothing of theirs is left.
    let before = common::dump(&db);
    let refused = as_account(
        &outsider,
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "X",
            "decide",
            "SNV",
            "1.1.1",
            "agree",
        ],
    );
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    for part in [
        "You may not write",
        &format!("you are {outsider}"),
        &format!("sudo usermod -aG {group} {outsider}"),
        "logs out and in again",
    ] {
        assert!(said.contains(part), "{part:?} not in: {said}");
    }
    let vi = as_account(
        &outsider,
        &db,
        &["--appraiser", "X", "decide", "SNV", "1.1.1", "agree"],
    );
    assert!(
        String::from_utf8_lossy(&vi.stderr).contains("Bạn không có quyền ghi"),
        "{}",
        String::from_utf8_lossy(&vi.stderr)
    );
    let read = as_account(
        &outsider,
        &db,
        &["--lang", "en", "rank", "--group", "so-nganh"],
    );
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    // The screens open read-only: a banner, and a key that writes says why it cannot.
    {
        let config = dir.join(format!("config-{outsider}"));
        let mut p = common::pty::Pty::spawn_watched_as(
            &outsider,
            &[
                "--db",
                db.to_str().unwrap(),
                "--lang",
                "en",
                "--appraiser",
                "X",
            ],
            &config,
            (100, 30),
            |_| {},
        );
        p.wait_for("READ ONLY", 60);
        p.send("\r");
        std::thread::sleep(std::time::Duration::from_millis(500));
        p.send("a");
        p.wait_for("Read only: this key needs write access", 30);
        p.send("q");
        std::thread::sleep(std::time::Duration::from_millis(100));
        p.send("q");
        p.send("q");
        assert!(p.wait_exit(30).success());
    }
    assert_eq!(common::dump(&db), before, "the outsider changed the file");

    // The room, each member as one of the three accounts of the group.
    let seed = proofs::seed();
    // What the folder holds while the room works (the -wal and -shm exist only then).
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let (stop, dir) = (std::sync::Arc::clone(&stop), dir.clone());
        std::thread::spawn(move || {
            let mut seen = std::collections::BTreeMap::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for f in modes(&dir) {
                    if f.0.starts_with("t.sqlite") {
                        seen.insert((f.0.clone(), f.1.clone(), f.2, f.3), ());
                    }
                }
                std::thread::sleep(Duration::from_millis(250));
            }
            seen.into_keys().collect::<Vec<_>>()
        })
    };
    let r = room::run_as(&db, 12, Duration::from_secs(20), seed, &users);
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let during = sampler.join().unwrap();
    let files = modes(&dir);
    println!(
        "room of {} accounts in group {group} (seed {seed}): {} appraisers, {} decisions; lost \
         {}; lock errors {}; permission errors {}; files at the end:",
        users.len(),
        r.appraisers,
        r.decisions,
        r.lost,
        r.lock_errors,
        r.permission_errors
    );
    for (name, mode, uid, gid) in files.iter().filter(|f| !f.0.starts_with("config")) {
        println!("  {mode} {}:{} {name}", user_name(*uid), group_name(*gid));
    }
    println!("the database's files while the room worked:");
    for (name, mode, uid, gid) in &during {
        println!("  {mode} {}:{} {name}", user_name(*uid), group_name(*gid));
    }
    for p in r.problems.iter().take(20) {
        println!("  {p}");
    }
    assert!(
        r.problems.is_empty(),
        "{} problems (seed {seed})",
        r.problems.len()
    );
    assert_eq!(
        (r.lost, r.lock_errors, r.permission_errors, r.unacknowledged),
        (0, 0, 0, 0)
    );
    assert!(r.decisions >= 40, "{} decisions", r.decisions);
    // The database and whatever SQLite keeps beside it: the group's, group-writable.
    use std::os::unix::fs::MetadataExt;
    let gid = std::fs::metadata(&dir).unwrap().gid();
    assert!(during.iter().any(|f| f.0 == "t.sqlite-wal"));
    for (name, mode, _, g) in files.iter().chain(&during) {
        if name.starts_with("t.sqlite") {
            assert_eq!(*g, gid, "{name} is not the group's");
            assert_eq!(&mode[4..6], "rw", "{name} is {mode}");
        }
    }
    // The outsider again, after the room: still refused, still nothing changed.
    let before = common::dump(&db);
    let again = as_account(
        &outsider,
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "X",
            "decide",
            "SNV",
            "1.1.2",
            "agree",
        ],
    );
    assert!(!again.status.success());
    assert_eq!(common::dump(&db), before);

    // A -wal another member left without the group's write (as the issue found it): the
    // others are told which file and whose it is; its owner repairs it by opening.
    let wal = dir.join("t.sqlite-wal");
    std::fs::write(&wal, b"").unwrap();
    sh("chown", &[&users[1], wal.to_str().unwrap()]).unwrap();
    std::fs::set_permissions(&wal, std::fs::Permissions::from_mode(0o644)).unwrap();
    let told = as_account(
        &users[0],
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "A",
            "decide",
            "SNV",
            "1.1.2",
            "agree",
        ],
    );
    let said = String::from_utf8_lossy(&told.stderr);
    assert!(!told.status.success());
    assert!(
        said.contains(&format!("t.sqlite-wal (owner {}", users[1])),
        "{said}"
    );
    let repaired = as_account(
        &users[1],
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "B",
            "decide",
            "SNV",
            "1.1.2",
            "agree",
        ],
    );
    assert!(
        repaired.status.success(),
        "{}",
        String::from_utf8_lossy(&repaired.stderr)
    );
    let after = as_account(
        &users[0],
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "A",
            "decide",
            "SNV",
            "1.1.3",
            "agree",
        ],
    );
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
    drop(accounts);
}
