//! The kill test: the real binary decides item after item (`decide --batch -`), and is killed
//! with SIGKILL at a random moment; then the file is reopened and every decision it
//! acknowledged before dying must be there with its audit row, and the file must be sound.

use super::*;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the kills found.
#[derive(Debug, Default)]
pub struct KillReport {
    pub kills: usize,
    /// Kills that came while the process was still starting (nothing decided yet).
    pub before_first: usize,
    pub tally: Tally,
    /// Reopenings whose `PRAGMA integrity_check` said `ok` and whose decisions match the log.
    pub sound: usize,
    pub elapsed: Duration,
}

/// Sends decisions without end (until the pipe breaks) and returns what it sent.
fn feed(
    mut stdin: std::process::ChildStdin,
    targets: Arc<Vec<Target>>,
    round: usize,
    seed: u64,
) -> Vec<Sent> {
    let mut rng = Rng::new(seed);
    let mut sent = Vec::new();
    for seq in 0..200_000 {
        let s = Sent::random(&mut rng, &targets, format!("kill {round}:{seq}"));
        if stdin.write_all(s.line().as_bytes()).is_err() {
            break;
        }
        sent.push(s);
    }
    sent
}

/// One round: start, decide, kill after `delay`, then check the file.
pub fn round(
    db: &Path,
    targets: &Arc<Vec<Target>>,
    round: usize,
    seed: u64,
    delay: Duration,
) -> (Tally, bool) {
    let mut child = spawn_batch(db, &format!("kill-{round}"));
    let output = Output::collect(&mut child);
    let stdin = child.stdin.take().unwrap();
    let t = Arc::clone(targets);
    let feeder = std::thread::spawn(move || feed(stdin, t, round, seed));
    std::thread::sleep(delay);
    let mut tally = Tally::default();
    if let Ok(Some(status)) = child.try_wait() {
        tally.problems.push(format!(
            "round {round}: the process ended by itself ({status})"
        ));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().unwrap();
    let sent = feeder.join().unwrap();
    let (acks, stderr) = output.join();
    if !stderr.is_empty() {
        tally
            .problems
            .push(format!("round {round} ({status}): stderr {stderr:?}"));
    }
    let conn = Connection::open(db).unwrap();
    let prefix = format!("kill {round}:");
    let rows = audit(&conn);
    let mine: Vec<&AuditRow> = rows
        .iter()
        .filter(|r| r.comment.starts_with(&prefix))
        .collect();
    tally.add(check_acks(&sent, &acks, &stderr, &mine));
    let file = check_file(&conn);
    let sound = file.is_empty();
    tally
        .problems
        .extend(file.into_iter().map(|p| format!("round {round}: {p}")));
    (tally, sound)
}

/// `kills` rounds on the demo database at `db`, each killed after a random delay in
/// `delays`.
pub fn run(db: &Path, kills: usize, delays: std::ops::Range<Duration>, seed: u64) -> KillReport {
    let start = Instant::now();
    let targets = Arc::new(targets(db, &["SNV", "STP", "SYT", "SXD", "SGDDT"]));
    let mut rng = Rng::new(seed);
    let mut report = KillReport::default();
    for r in 0..kills {
        let span = delays.end.saturating_sub(delays.start).as_micros() as u64;
        let delay = delays.start + Duration::from_micros(rng.below(span + 1));
        let (tally, sound) = round(db, &targets, r, rng.next(), delay);
        report.kills += 1;
        if tally.acknowledged == 0 && tally.unacknowledged == 0 {
            report.before_first += 1;
        }
        if sound {
            report.sound += 1;
        }
        report.tally.add(tally);
    }
    report.elapsed = start.elapsed();
    report
}
