//! Two instances deciding on one file at once: on different items and on the same items, as
//! long-running processes (like two screens open) and as one process per decision (like two
//! secretaries typing `decide`). No decision may be lost, no "database is locked" may reach
//! the user, and the audit log must hold both writers' rows in order.

use super::*;
use std::io::Write;
use std::time::{Duration, Instant};

/// How the two instances work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Two `decide --batch -` processes, on items of different units.
    BatchDifferent,
    /// Two `decide --batch -` processes, both on the same few items.
    BatchSame,
    /// Two loops of one `decide` process per decision, on the same few items.
    OneProcessEach,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::BatchDifferent => "long-running, different items",
            Kind::BatchSame => "long-running, same items",
            Kind::OneProcessEach => "one process per decision, same items",
        }
    }
}

/// What one two-instance run found.
#[derive(Debug)]
pub struct RunReport {
    pub kind: Kind,
    pub sent: usize,
    pub tally: Tally,
    /// Error lines that show a lock ("database is locked", "busy") to the user.
    pub lock_errors: usize,
    /// How often the audit log goes from one instance's row to the other's: more than 1
    /// shows that the two really wrote at the same time.
    pub alternations: usize,
    /// The longest an instance waited for its next decision to be committed (between two
    /// acknowledgements, or for one `decide` process): the busy timeout is 10 s.
    pub longest: Duration,
    pub elapsed: Duration,
}

/// The same few items for both instances: one with options, two free ones.
fn shared(all: &[Target]) -> Vec<Target> {
    let pick = |item: &str| all.iter().find(|t| t.item == item).cloned();
    let v: Vec<Target> = ["1.1.1", "3.9", "1.2"]
        .iter()
        .filter_map(|i| pick(i))
        .collect();
    assert!(!v.is_empty());
    v
}

/// Two instances of `kind`, each making `n` decisions, on the demo database at `db`.
pub fn run(db: &Path, kind: Kind, n: usize, run: usize, seed: u64) -> RunReport {
    let start = Instant::now();
    let snv = targets(db, &["SNV"]);
    let (a, b) = match kind {
        Kind::BatchDifferent => (snv, targets(db, &["STP"])),
        Kind::BatchSame | Kind::OneProcessEach => (shared(&snv), shared(&snv)),
    };
    let mut rng = Rng::new(seed);
    let plans: Vec<(String, Vec<Sent>)> = [("A", a), ("B", b)]
        .into_iter()
        .map(|(who, t)| {
            let tag = format!("two {run}{who}:");
            let sent = (0..n)
                .map(|i| Sent::random(&mut rng, &t, format!("{tag}{i}")))
                .collect();
            (format!("instance {who}"), sent)
        })
        .collect();
    let results: Vec<(Vec<String>, Duration, String)> = match kind {
        Kind::BatchDifferent | Kind::BatchSame => batch(db, &plans),
        Kind::OneProcessEach => one_each(db, &plans),
    };
    let conn = Connection::open(db).unwrap();
    let rows = audit(&conn);
    let mut tally = Tally::default();
    let mut lock_errors = 0;
    let longest = results.iter().map(|r| r.1).max().unwrap_or_default();
    for ((who, sent), (acks, _, stderr)) in plans.iter().zip(&results) {
        lock_errors += stderr.lines().filter(|l| is_lock_error(l)).count();
        let prefix = format!("two {run}{}:", &who[who.len() - 1..]);
        let mine: Vec<&AuditRow> = rows
            .iter()
            .filter(|r| r.comment.starts_with(&prefix))
            .collect();
        let t = check_acks(sent, acks, stderr, &mine);
        if acks.len() != sent.len() {
            tally.problems.push(format!(
                "{who}: {} of {} decisions acknowledged; stderr: {}",
                acks.len(),
                sent.len(),
                stderr.lines().take(5).collect::<Vec<_>>().join(" | ")
            ));
        }
        tally.add(t);
    }
    tally.problems.extend(check_file(&conn));
    let writers: Vec<bool> = rows
        .iter()
        .filter(|r| r.comment.starts_with(&format!("two {run}")))
        .map(|r| r.comment.starts_with(&format!("two {run}A:")))
        .collect();
    let alternations = writers.windows(2).filter(|w| w[0] != w[1]).count();
    RunReport {
        kind,
        sent: 2 * n,
        tally,
        lock_errors,
        alternations,
        longest,
        elapsed: start.elapsed(),
    }
}

/// Two `decide --batch -` processes fed at once.
fn batch(db: &Path, plans: &[(String, Vec<Sent>)]) -> Vec<(Vec<String>, Duration, String)> {
    let mut running = Vec::new();
    for (who, sent) in plans {
        let mut child = spawn_batch(db, who);
        let output = Output::collect(&mut child);
        let mut stdin = child.stdin.take().unwrap();
        let text: String = sent.iter().map(Sent::line).collect();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(text.as_bytes());
        });
        running.push((child, output, feeder));
    }
    running
        .into_iter()
        .map(|(mut child, output, feeder)| {
            feeder.join().unwrap();
            let status = child.wait().unwrap();
            let (acks, longest, mut stderr) = output.join_timed();
            if !status.success() && !stderr.contains("refused") {
                stderr.push_str(&format!("\n(exit {status})"));
            }
            (acks, longest, stderr)
        })
        .collect()
}

/// Two threads, each running one `decide` process per decision.
fn one_each(db: &Path, plans: &[(String, Vec<Sent>)]) -> Vec<(Vec<String>, Duration, String)> {
    std::thread::scope(|s| {
        let handles: Vec<_> = plans
            .iter()
            .map(|(who, sent)| {
                s.spawn(move || {
                    let config = db.parent().unwrap().join("config");
                    let mut acks = Vec::new();
                    let mut stderr = String::new();
                    let mut longest = Duration::ZERO;
                    for (i, d) in sent.iter().enumerate() {
                        let started = Instant::now();
                        let line = d.line();
                        let words: Vec<&str> = line.split_whitespace().collect();
                        let out = Command::new(bin())
                            .arg("--db")
                            .arg(db)
                            .args(["--lang", "en", "--appraiser", who.as_str(), "decide"])
                            .args([words[0], words[1], words[2], "--comment", &d.tag])
                            .env("THAMDINH_CONFIG_DIR", &config)
                            .env_remove("THAMDINH_DB")
                            .output()
                            .unwrap();
                        longest = longest.max(started.elapsed());
                        let err = String::from_utf8_lossy(&out.stderr);
                        if out.status.success() {
                            acks.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
                        } else {
                            // Reported like a refused line of a batch, so the matching holds.
                            stderr.push_str(&format!("-:{}: {}\n", i + 1, err.trim()));
                        }
                    }
                    (acks, longest, stderr)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}
