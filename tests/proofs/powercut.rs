//! The power-cut test: `decide --batch -` (the real binary) decides on a database that lives on
//! a LazyFs mount (`lazyfs.rs`); at a random moment the power is cut — what was not synced is
//! dropped (or, torn, written back up to a random page boundary) — and the process is killed.
//! "Rebooted" (the durable state mounted again), the file must hold every decision the process
//! acknowledged, pass `thamdinh verify` and `PRAGMA integrity_check`. The next round runs on
//! the rebooted disk.

use super::lazyfs::{Image, Mounted};
use super::*;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the cuts found.
#[derive(Debug, Default)]
pub struct CutReport {
    pub cuts: usize,
    pub torn: usize,
    /// Cuts before the first acknowledgement of their round.
    pub before_first: usize,
    pub tally: Tally,
    /// Reboots whose file passed `verify` and `integrity_check` and whose decisions match the
    /// log.
    pub sound: usize,
    /// Syncs the filesystem received (file and directory).
    pub syncs: u64,
    pub elapsed: Duration,
}

/// The files of `dir` (the demo database after a checkpoint), as a disk image.
fn image_of(db: &Path) -> Image {
    {
        let conn = Connection::open(db).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let mut image = Image::new();
    for e in std::fs::read_dir(db.parent().unwrap()).unwrap() {
        let e = e.unwrap();
        let name = e.file_name();
        if name
            .to_string_lossy()
            .starts_with(db.file_name().unwrap().to_str().unwrap())
        {
            image.insert(name, std::fs::read(e.path()).unwrap());
        }
    }
    image
}

fn batch(db: &Path, config: &Path, appraiser: &str) -> std::process::Child {
    std::process::Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "--appraiser", appraiser])
        .args(["decide", "--batch", "-"])
        .env("THAMDINH_CONFIG_DIR", config)
        .env_remove("THAMDINH_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

fn feed(
    mut stdin: std::process::ChildStdin,
    targets: Arc<Vec<Target>>,
    round: usize,
    seed: u64,
) -> Vec<Sent> {
    let mut rng = Rng::new(seed);
    let mut sent = Vec::new();
    for seq in 0..20_000 {
        let s = Sent::random(&mut rng, &targets, format!("cut {round}:{seq}"));
        if stdin.write_all(s.line().as_bytes()).is_err() {
            break;
        }
        sent.push(s);
    }
    sent
}

/// After a reboot: `thamdinh verify` on the file, then the file's own checks.
fn check_rebooted(db: &Path, config: &Path, round: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let out = std::process::Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "verify"])
        .env("THAMDINH_CONFIG_DIR", config)
        .output()
        .unwrap();
    if !out.status.success() {
        problems.push(format!(
            "round {round}: verify after the reboot: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let conn = Connection::open(db).unwrap();
    problems.extend(
        check_file(&conn)
            .into_iter()
            .map(|p| format!("round {round}: {p}")),
    );
    problems
}

/// `cuts` rounds on the demo database at `db` (built on an ordinary disk, then copied onto a
/// LazyFs): each cut after a random delay in `delays`, every `torn_every`-th cut torn (0: none).
pub fn run(
    db: &Path,
    cuts: usize,
    delays: std::ops::Range<Duration>,
    torn_every: usize,
    seed: u64,
) -> CutReport {
    let start = Instant::now();
    let targets = Arc::new(targets(db, &["SNV", "STP", "SYT", "SXD", "SGDDT"]));
    let name = db.file_name().unwrap().to_os_string();
    let mut image = image_of(db);
    let work = tempfile::tempdir().unwrap();
    let mnt = work.path().join("disk");
    let config = work.path().join("config");
    std::fs::create_dir_all(&mnt).unwrap();
    let on_disk = mnt.join(&name);
    let mut rng = Rng::new(seed);
    let mut report = CutReport::default();
    for round in 0..cuts {
        let disk = Mounted::mount(&image, &mnt).expect("LazyFs mounts");
        let mut child = batch(&on_disk, &config, &format!("cut-{round}"));
        let output = Output::collect(&mut child);
        let stdin = child.stdin.take().unwrap();
        let t = Arc::clone(&targets);
        let feed_seed = rng.next();
        let feeder = std::thread::spawn(move || feed(stdin, t, round, feed_seed));
        let span = delays.end.saturating_sub(delays.start).as_micros() as u64;
        std::thread::sleep(delays.start + Duration::from_micros(rng.below(span + 1)));
        let torn = torn_every > 0 && round % torn_every == torn_every - 1;
        let mut tear_rng = Rng::new(rng.next());
        let mut tear = |pages: usize| tear_rng.below(pages as u64 + 1) as usize;
        image = disk.fs.cut(if torn { Some(&mut tear) } else { None });
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let sent = feeder.join().unwrap();
        let (acks, stderr) = output.join();
        report.syncs += disk.fs.syncs();
        disk.unmount();
        // The reboot.
        let disk = Mounted::mount(&image, &mnt).expect("LazyFs mounts again");
        let conn = Connection::open(&on_disk).unwrap();
        let prefix = format!("cut {round}:");
        let rows = audit(&conn);
        drop(conn);
        let mine: Vec<&AuditRow> = rows
            .iter()
            .filter(|r| r.comment.starts_with(&prefix))
            .collect();
        let mut tally = check_acks(&sent, &acks, &stderr, &mine);
        // Lines refused after the cut (EIO) are the cut's, not a refusal of the decision.
        tally.refused = 0;
        let problems = check_rebooted(&on_disk, &config, round);
        if problems.is_empty() {
            report.sound += 1;
        }
        tally.problems.extend(problems);
        if tally.acknowledged == 0 {
            report.before_first += 1;
        }
        report.cuts += 1;
        report.torn += usize::from(torn);
        report.tally.add(tally);
        // The next round starts from the disk as the reboot and the checks left it.
        image = disk.fs.cut(None);
        disk.unmount();
    }
    report.elapsed = start.elapsed();
    report
}
