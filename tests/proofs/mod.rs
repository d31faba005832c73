//! The proofs that no acknowledged decision is lost and no bad input gets in, shared by the
//! quick versions in `cargo test` (tests/e2e/durability.rs, tests/e2e/bad_files.rs) and the
//! soak (`cargo soak`, tests/e2e/soak.rs), which runs them with the full counts and prints a
//! table.
//!
//! Everything here drives the real binary on a real SQLite file: `decide --batch -` reads
//! decisions on its standard input and prints one acknowledgement line per committed decision.
//! A decision sent here carries a unique comment (its tag), so that its audit row can be found.
#![allow(dead_code)]

pub mod concurrent;
pub mod corpus;
pub mod kill;
pub mod lazyfs;
pub mod powercut;
pub mod room;
pub mod screen;

use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use thamdinh::domain::Points;

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_thamdinh"))
}

/// A small, seedable random number generator (SplitMix64): the runs need variety, not
/// cryptography, and a printed seed.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

/// A seed from `THAMDINH_SEED`, else from the clock.
pub fn seed() -> u64 {
    std::env::var("THAMDINH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        })
}

/// An item a unit can be given a decision on, with the scores it accepts.
#[derive(Debug, Clone)]
pub struct Target {
    pub unit: String,
    pub item: String,
    /// The item's options in hundredths; empty for a free score.
    pub options: Vec<i64>,
    pub min: i64,
    pub max: i64,
    /// Whether the unit has a self score (not N/A) to agree with.
    pub can_agree: bool,
}

/// Every regular item of `units` that applies to them, from the database.
pub fn targets(db: &Path, units: &[&str]) -> Vec<Target> {
    let conn = Connection::open(db).unwrap();
    let mut out = Vec::new();
    for unit in units {
        let mut st = conn
            .prepare(
                "SELECT n.code, n.min, n.max, n.not_applicable_for, n.group_code,
                        (SELECT s.score IS NOT NULL FROM self_scores s
                          WHERE s.year = u.year AND s.unit = u.code AND s.item = n.code)
                 FROM units u JOIN nodes n ON n.year = u.year AND n.group_code = u.group_code
                 WHERE u.code = ?1 AND n.is_item = 1 AND n.kind = 'regular'
                 ORDER BY n.position",
            )
            .unwrap();
        let rows: Vec<(String, i64, i64, String, String, Option<bool>)> = st
            .query_map([unit], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (item, min, max, na, group, self_score) in rows {
            if na.split_whitespace().any(|u| u == *unit) {
                continue;
            }
            let options: Vec<i64> = conn
                .prepare(
                    "SELECT points FROM node_options WHERE group_code = ?1 AND code = ?2
                     ORDER BY position",
                )
                .unwrap()
                .query_map(params![group, item], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            out.push(Target {
                unit: unit.to_string(),
                item,
                options,
                min,
                max,
                can_agree: self_score == Some(true),
            });
        }
    }
    assert!(!out.is_empty(), "no items for {units:?}");
    out
}

/// One decision sent to an instance.
#[derive(Debug, Clone)]
pub struct Sent {
    pub unit: String,
    pub item: String,
    /// The score asked for, in hundredths; None for `agree`.
    pub score: Option<i64>,
    /// The comment, unique to this decision.
    pub tag: String,
}

impl Sent {
    /// A random decision on one of `targets`, tagged `tag`.
    pub fn random(rng: &mut Rng, targets: &[Target], tag: String) -> Sent {
        let t = rng.pick(targets);
        let score = if t.can_agree && rng.below(5) == 0 {
            None
        } else if t.options.is_empty() {
            Some(t.min + rng.below((t.max - t.min + 1) as u64) as i64)
        } else {
            Some(*rng.pick(&t.options))
        };
        Sent {
            unit: t.unit.clone(),
            item: t.item.clone(),
            score,
            tag,
        }
    }

    /// The line `decide --batch` reads; scores are written with `.` or the Vietnamese `,`.
    pub fn line(&self) -> String {
        let verdict = match self.score {
            None => "agree".to_string(),
            Some(h) => {
                let text = Points::from_hundredths(h).to_string();
                if h % 7 == 0 {
                    text.replace('.', ",")
                } else {
                    text
                }
            }
        };
        format!("{} {} {verdict} {}\n", self.unit, self.item, self.tag)
    }
}

/// An acknowledgement line of `decide --lang en`: `Recorded: UNIT ITEM → SCORE (state)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    pub unit: String,
    pub item: String,
    /// Hundredths; None for `—` (not applicable, explanation requested).
    pub score: Option<i64>,
}

pub fn parse_ack(line: &str) -> Option<Ack> {
    let rest = line.strip_prefix("Recorded: ")?;
    let (left, right) = rest.split_once(" → ")?;
    let (unit, item) = left.split_once(' ')?;
    let score_text = right.split(' ').next()?;
    let score = if score_text == "—" {
        None
    } else {
        Some(Points::parse(score_text).ok()?.hundredths())
    };
    Some(Ack {
        unit: unit.into(),
        item: item.into(),
        score,
    })
}

/// One row of the audit log.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub id: i64,
    pub appraiser: String,
    pub action: String,
    pub unit: String,
    pub item: Option<String>,
    pub old_state: Option<String>,
    pub old_score: Option<i64>,
    pub new_state: Option<String>,
    pub new_score: Option<i64>,
    pub comment: String,
}

pub fn audit(conn: &Connection) -> Vec<AuditRow> {
    conn.prepare(
        "SELECT id, appraiser, action, unit, item, old_state, old_score, new_state, new_score,
                comment FROM audit ORDER BY id",
    )
    .unwrap()
    .query_map([], |r| {
        Ok(AuditRow {
            id: r.get(0)?,
            appraiser: r.get(1)?,
            action: r.get(2)?,
            unit: r.get(3)?,
            item: r.get(4)?,
            old_state: r.get(5)?,
            old_score: r.get(6)?,
            new_state: r.get(7)?,
            new_score: r.get(8)?,
            comment: r.get(9)?,
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// What a check of acknowledged decisions found.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub acknowledged: usize,
    /// Acknowledged decisions whose audit row is missing or different.
    pub lost: usize,
    /// Decisions committed whose acknowledgement never came (killed in between).
    pub unacknowledged: usize,
    pub refused: usize,
    pub problems: Vec<String>,
}

impl Tally {
    pub fn add(&mut self, o: Tally) {
        self.acknowledged += o.acknowledged;
        self.lost += o.lost;
        self.unacknowledged += o.unacknowledged;
        self.refused += o.refused;
        self.problems.extend(o.problems);
    }
}

/// The line numbers (1-based) that `decide --batch -` reported as refused on stderr.
pub fn refused_lines(stderr: &str) -> HashSet<usize> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("-:"))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect()
}

/// Matches the acknowledgements of one instance with what it was sent, and each with its
/// audit row (found by its unique comment). `rows` holds the audit rows of this instance.
pub fn check_acks(sent: &[Sent], acks: &[String], stderr: &str, rows: &[&AuditRow]) -> Tally {
    let mut t = Tally::default();
    let refused = refused_lines(stderr);
    t.refused = refused.len();
    let by_tag: HashMap<&str, &AuditRow> = rows.iter().map(|r| (r.comment.as_str(), *r)).collect();
    let accepted = sent
        .iter()
        .enumerate()
        .filter(|(i, _)| !refused.contains(&(i + 1)))
        .map(|(_, s)| s);
    let mut last_id = 0;
    for (line, s) in acks.iter().zip(accepted) {
        t.acknowledged += 1;
        let Some(ack) = parse_ack(line) else {
            t.problems.push(format!("not an acknowledgement: {line:?}"));
            continue;
        };
        if ack.unit != s.unit || ack.item != s.item {
            t.problems
                .push(format!("{line:?} acknowledges something else than {s:?}"));
        }
        match by_tag.get(s.tag.as_str()) {
            None => {
                t.lost += 1;
                t.problems
                    .push(format!("lost: {line:?} ({}) has no audit row", s.tag));
            }
            Some(row) => {
                let same = row.unit == s.unit
                    && row.item.as_deref() == Some(s.item.as_str())
                    && row.new_score == ack.score
                    && s.score.is_none_or(|h| Some(h) == row.new_score);
                if !same {
                    t.lost += 1;
                    t.problems
                        .push(format!("lost: {line:?} but the audit row says {row:?}"));
                }
                if row.id <= last_id {
                    t.problems.push(format!(
                        "{} is before the previous decision in the log",
                        s.tag
                    ));
                }
                last_id = row.id;
            }
        }
    }
    if acks.len() > sent.len() - refused.len() {
        t.problems.push(format!(
            "{} acknowledgements for {} decisions sent",
            acks.len(),
            sent.len()
        ));
    }
    t.unacknowledged = rows.len().saturating_sub(t.acknowledged);
    t
}

/// The file as a whole: `PRAGMA integrity_check` and `foreign_key_check`, every decision the
/// last audited value of its item, and every item's audit rows a chain (each row's old value
/// the previous row's new value: no write was lost between two writers).
pub fn check_file(conn: &Connection) -> Vec<String> {
    let mut problems = Vec::new();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    if integrity != "ok" {
        problems.push(format!("integrity_check: {integrity}"));
    }
    let fk: Option<String> = conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()
        .unwrap();
    if let Some(t) = fk {
        problems.push(format!("foreign_key_check: a row of {t} points nowhere"));
    }
    let mut last: HashMap<(String, String), AuditRow> = HashMap::new();
    for row in audit(conn) {
        let Some(item) = row.item.clone() else {
            continue;
        };
        let key = (row.unit.clone(), item);
        let (old_state, old_score) = last
            .get(&key)
            .map(|p| (p.new_state.clone(), p.new_score))
            .unwrap_or((None, None));
        if row.old_state != old_state || row.old_score != old_score {
            problems.push(format!(
                "audit row {} on {} {} starts from {:?} {:?}, the row before it ended at {:?} {:?}",
                row.id, key.0, key.1, row.old_state, row.old_score, old_state, old_score
            ));
        }
        last.insert(key, row);
    }
    let decisions: Vec<(String, String, String, Option<i64>, String)> = conn
        .prepare("SELECT unit, item, state, score, comment FROM decisions")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut decided = HashSet::new();
    for (unit, item, state, score, comment) in decisions {
        let key = (unit, item);
        match last.get(&key) {
            Some(a)
                if a.new_state.as_deref() == Some(state.as_str())
                    && a.new_score == score
                    && a.comment == comment => {}
            other => problems.push(format!(
                "the decision on {} {} ({state} {score:?} {comment:?}) is not its last audit row {other:?}",
                key.0, key.1
            )),
        }
        decided.insert(key);
    }
    for (key, a) in &last {
        if a.new_state.is_some() && !decided.contains(key) {
            problems.push(format!("audit row {} has no decision", a.id));
        }
    }
    problems
}

/// Starts `decide --batch -` with piped standard streams.
pub fn spawn_batch(db: &Path, appraiser: &str) -> Child {
    let config = db.parent().unwrap().join("config");
    Command::new(bin())
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

/// Reads a child's stdout line by line (noting when each line came) and its stderr whole,
/// in threads.
pub struct Output {
    started: std::time::Instant,
    stdout: std::thread::JoinHandle<Vec<(std::time::Instant, String)>>,
    stderr: std::thread::JoinHandle<String>,
}

impl Output {
    pub fn collect(child: &mut Child) -> Output {
        let out = child.stdout.take().unwrap();
        let mut err = child.stderr.take().unwrap();
        Output {
            started: std::time::Instant::now(),
            stdout: std::thread::spawn(move || {
                BufReader::new(out)
                    .lines()
                    .map_while(Result::ok)
                    .map(|l| (std::time::Instant::now(), l))
                    .collect()
            }),
            stderr: std::thread::spawn(move || {
                let mut s = String::new();
                let _ = err.read_to_string(&mut s);
                s
            }),
        }
    }

    pub fn join(self) -> (Vec<String>, String) {
        let (lines, _, stderr) = self.join_timed();
        (lines, stderr)
    }

    /// The lines, the longest time before one of them (since the start or the line before),
    /// and stderr.
    pub fn join_timed(self) -> (Vec<String>, std::time::Duration, String) {
        let timed = self.stdout.join().unwrap();
        let mut last = self.started;
        let mut longest = std::time::Duration::ZERO;
        for (at, _) in &timed {
            longest = longest.max(*at - last);
            last = *at;
        }
        let lines = timed.into_iter().map(|(_, l)| l).collect();
        (lines, longest, self.stderr.join().unwrap())
    }
}

/// Whether an error message shows a lock to the user.
pub fn is_lock_error(line: &str) -> bool {
    let l = line.to_lowercase();
    l.contains("locked") || l.contains("busy")
}
