//! The proofs through the screens: the real binary in a pseudo-terminal, read back frame by
//! frame (only whole frames: see `Pty::spawn_recorded`).
//!
//! - The kill test: keys decide items on the appraisal screen, the process is killed with
//!   SIGKILL at a random moment, and every decision the screen showed as done before the kill
//!   must be in the reopened file with its audit row.
//! - Another instance's decision reaching an open screen: how long from the other instance's
//!   acknowledgement to the screen showing it.

use super::*;
use crate::common::pty::{Frame, Pty, patience};
use std::time::{Duration, Instant};

/// The terminal the screens run in: the tree shows the state column with its labels.
const COLS: u16 = 100;
const ROWS: u16 = 30;

/// What an item shows: its state as stored (`None`: not decided) and its appraised score.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Value {
    pub state: Option<String>,
    pub score: Option<i64>,
}

impl Value {
    fn undecided() -> Value {
        Value {
            state: None,
            score: None,
        }
    }

    /// What an item the criteria set says does not apply to the unit shows.
    fn not_applicable() -> Value {
        Value {
            state: Some("not_applicable".into()),
            score: None,
        }
    }

    pub fn of_row(r: &AuditRow) -> Value {
        Value {
            state: r.new_state.clone(),
            score: r.new_score,
        }
    }
}

/// A save the status line reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ack {
    /// `Saved ITEM → SCORE (state) · time`
    Saved { item: String, value: Value },
    /// `Undone ITEM · time`
    Undone { item: String },
}

/// The appraisal screen as one whole frame shows it (`--lang en`).
#[derive(Debug, Clone)]
pub struct Appraisal {
    pub unit: String,
    /// The header's `decided N/M`.
    pub decided: usize,
    /// The items the tree shows, with what each shows.
    pub rows: Vec<(String, Value)>,
    /// The status line's report of a save, and its whole text (it names the time).
    pub ack: Option<(Ack, String)>,
}

fn find(row: &[char], pat: &str) -> Option<usize> {
    let p: Vec<char> = pat.chars().collect();
    row.windows(p.len()).position(|w| w == p.as_slice())
}

fn state_of(glyph: char) -> Option<Option<&'static str>> {
    Some(match glyph {
        '·' => None,
        '✓' => Some("agreed"),
        '±' => Some("adjusted"),
        '∅' => Some("not_applicable"),
        '?' => Some("explanation_requested"),
        _ => return None,
    })
}

fn state_of_label(label: &str) -> Option<Option<&'static str>> {
    Some(match label {
        "not decided" => None,
        "agreed" => Some("agreed"),
        "adjusted" => Some("adjusted"),
        "not applicable" => Some("not_applicable"),
        "explanation requested" => Some("explanation_requested"),
        _ => return None,
    })
}

fn hundredths(text: &str) -> Option<i64> {
    Points::parse(text).ok().map(|p| p.hundredths())
}

pub fn parse_status(line: &str) -> Option<(Ack, String)> {
    if let Some(at) = line.find("Saved ") {
        let text = line[at..].trim_end();
        let rest = text.strip_prefix("Saved ")?;
        let (item, rest) = rest.split_once(" → ")?;
        let (score, rest) = rest.split_once(" (")?;
        let (label, _) = rest.split_once(')')?;
        let value = Value {
            state: state_of_label(label)?.map(str::to_string),
            score: if score == "—" {
                None
            } else {
                Some(hundredths(score)?)
            },
        };
        let item = item.to_string();
        return Some((Ack::Saved { item, value }, text.to_string()));
    }
    let at = line.find("Undone ")?;
    let text = line[at..].trim_end();
    let item = text.strip_prefix("Undone ")?.split(' ').next()?.to_string();
    Some((Ack::Undone { item }, text.to_string()))
}

/// Reads the appraisal screen off a frame; None for another screen.
pub fn parse(frame: &Frame) -> Option<Appraisal> {
    let title = frame.line(0);
    let (left, right) = title.split_once(" — decided ")?;
    let unit = left.rsplit_once('(')?.1.strip_suffix(')')?.to_string();
    let decided = right.split('/').next()?.trim().parse().ok()?;
    let head = (0..frame.grid.len()).find(|&r| frame.line(r).starts_with("Code "))?;
    let state_col = find(&frame.grid[head], "State")?;
    let appr_end = find(&frame.grid[head], "Appr.")? + 5;
    let mut rows = Vec::new();
    for r in head + 1..frame.grid.len() {
        if frame.grid[r].first() == Some(&'─') {
            break;
        }
        let code = frame.text(r, 0..8);
        let Some(state) = frame.grid[r].get(state_col).copied().and_then(state_of) else {
            continue;
        };
        let score = match state {
            Some("agreed" | "adjusted") => {
                Some(hundredths(&frame.text(r, appr_end - 6..appr_end))?)
            }
            _ => None,
        };
        rows.push((
            code,
            Value {
                state: state.map(str::to_string),
                score,
            },
        ));
    }
    let ack = parse_status(&frame.line(frame.grid.len() - 1));
    Some(Appraisal {
        unit,
        decided,
        rows,
        ack,
    })
}

/// The items the criteria set says do not apply to `unit`: shown as not applicable with no
/// decision.
fn not_applicable_by_set(conn: &Connection, unit: &str) -> HashSet<String> {
    let rows: Vec<(String, String)> = conn
        .prepare(
            "SELECT n.code, n.not_applicable_for FROM units u
             JOIN nodes n ON n.year = u.year AND n.group_code = u.group_code
             WHERE u.code = ?1 AND n.is_item = 1",
        )
        .unwrap()
        .query_map([unit], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.into_iter()
        .filter(|(_, na)| na.split_whitespace().any(|u| u == unit))
        .map(|(code, _)| code)
        .collect()
}

/// Starts the screens on `db` as `appraiser` and opens the unit `down` lines down the list
/// of the group `tabs` tabs to the right; the code of the unit opened.
pub fn open_unit(db: &Path, appraiser: &str, tabs: usize, down: usize) -> (Pty, String) {
    let config = db.parent().unwrap().join("config");
    let db_s = db.to_str().unwrap();
    let mut t = Pty::spawn_recorded(
        &["--db", db_s, "--lang", "en", "--appraiser", appraiser],
        &config,
        COLS,
        ROWS,
    );
    t.wait_for("? keys", 60);
    let keys = format!("{}{}\r", "\t".repeat(tabs), "j".repeat(down));
    t.send(&keys);
    let end = Instant::now() + patience(60);
    loop {
        if let Some(a) = t.frames().last().and_then(parse) {
            return (t, a.unit);
        }
        assert!(
            Instant::now() < end,
            "the unit did not open; the screen shows:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What the screen kills found.
#[derive(Debug, Default)]
pub struct ScreenKillReport {
    pub kills: usize,
    /// Kills before the screen had shown a single save.
    pub before_first: usize,
    /// `acknowledged`: saves the status line showed; `unacknowledged`: decisions and undos
    /// committed but never shown as done; `lost`: shown but not in the file (or out of order).
    pub tally: Tally,
    pub sound: usize,
    pub keys: usize,
    pub elapsed: Duration,
}

/// A key as a council member might press it on the appraisal screen: mostly `a` (agree and
/// move on), option numbers, a flag, an undo, a move up or down.
fn random_key(rng: &mut Rng) -> &'static str {
    match rng.below(100) {
        0..50 => "a",
        50..58 => "1",
        58..66 => "2",
        66..72 => "3",
        72..76 => "f",
        76..82 => "u",
        82..91 => "j",
        _ => "k",
    }
}

/// One round: open a random unit, press keys, kill with SIGKILL after `delay`, check the file
/// against the frames drawn before the kill.
pub fn kill_round(db: &Path, round: usize, seed: u64, delay: Duration) -> (Tally, bool, usize) {
    let mut rng = Rng::new(seed);
    let start_id: i64 = Connection::open(db)
        .unwrap()
        .query_row("SELECT COALESCE(MAX(id), 0) FROM audit", [], |r| r.get(0))
        .unwrap();
    let appraiser = format!("kill-{round}");
    let (mut t, unit) = open_unit(
        db,
        &appraiser,
        rng.below(4) as usize,
        rng.below(22) as usize,
    );
    let started = Instant::now();
    let mut keys = 0;
    while started.elapsed() < delay {
        t.send(random_key(&mut rng));
        keys += 1;
        let gap = Duration::from_millis(rng.below(30));
        std::thread::sleep(gap.min(delay.saturating_sub(started.elapsed())));
    }
    // What the screen had drawn, then the kill.
    let drawn = t.frame_count();
    t.kill9();
    let mut tally = Tally::default();
    let status = t.wait_exit(20);
    if status.success() {
        tally
            .problems
            .push(format!("round {round}: the screens ended by themselves"));
    }
    let frames = t.frames();
    let shown: Vec<Appraisal> = frames[..drawn].iter().filter_map(parse).collect();

    // What each item showed, in order, and the saves the status line reported.
    let mut seen: HashMap<String, Vec<Value>> = HashMap::new();
    let mut acks: Vec<(Ack, String)> = Vec::new();
    let mut last_status: Option<String> = None;
    for a in &shown {
        if a.unit != unit {
            tally.problems.push(format!(
                "round {round}: the screen shows {} instead of {unit}",
                a.unit
            ));
            continue;
        }
        let mut values = a.rows.clone();
        let text = a.ack.as_ref().map(|(_, t)| t.clone());
        if let Some((ack, t)) = &a.ack {
            // A message staying on screen is one save; the same message after another one
            // is a new save (of the same item to the same value in the same second).
            if last_status.as_ref() != Some(t) {
                acks.push((ack.clone(), t.clone()));
            }
            if let Ack::Saved { item, value } = ack {
                values.push((item.clone(), value.clone()));
            }
        }
        last_status = text;
        for (item, value) in values {
            let v = seen.entry(item).or_default();
            if v.last() != Some(&value) {
                v.push(value);
            }
        }
    }

    let conn = Connection::open(db).unwrap();
    let rows = audit(&conn);
    let of_unit: Vec<&AuditRow> = rows.iter().filter(|r| r.unit == unit).collect();
    let by_set = not_applicable_by_set(&conn, &unit);
    // Each item shown must have shown its values in an order the audit log went through:
    // its value when the round began, then the rows written since.
    for (item, values) in &seen {
        let rows_of = |r: &&&AuditRow| r.item.as_deref() == Some(item.as_str());
        let before = of_unit
            .iter()
            .rev()
            .filter(rows_of)
            .find(|r| r.id <= start_id)
            .map_or_else(
                || {
                    if by_set.contains(item) {
                        Value::not_applicable()
                    } else {
                        Value::undecided()
                    }
                },
                |r| Value::of_row(r),
            );
        let history: Vec<Value> = std::iter::once(before)
            .chain(
                of_unit
                    .iter()
                    .filter(rows_of)
                    .filter(|r| r.id > start_id)
                    .map(|r| Value::of_row(r)),
            )
            .collect();
        let mut h = history.iter();
        if !values.iter().all(|v| h.any(|x| x == v)) {
            tally.lost += 1;
            tally.problems.push(format!(
                "round {round}: {unit} {item} showed {values:?}, the file went through {history:?}"
            ));
        }
    }
    // Each save shown on the status line has its own audit row of this round.
    let mine: Vec<&AuditRow> = of_unit
        .iter()
        .filter(|r| r.id > start_id && r.appraiser == appraiser)
        .copied()
        .collect();
    let mut need: HashMap<Ack, usize> = HashMap::new();
    for (ack, _) in &acks {
        *need.entry(ack.clone()).or_default() += 1;
    }
    for (ack, n) in &need {
        let have = mine
            .iter()
            .filter(|r| match ack {
                Ack::Saved { item, value } => {
                    r.action == "decide"
                        && r.item.as_deref() == Some(item.as_str())
                        && Value::of_row(r) == *value
                }
                Ack::Undone { item } => {
                    r.action == "undo" && r.item.as_deref() == Some(item.as_str())
                }
            })
            .count();
        if have < *n {
            tally.lost += n - have;
            tally.problems.push(format!(
                "round {round}: {unit}: the screen showed {n} × {ack:?}, the audit log has {have}"
            ));
        }
    }
    let committed = mine
        .iter()
        .filter(|r| r.action == "decide" || r.action == "undo")
        .count();
    tally.acknowledged = acks.len();
    tally.unacknowledged = committed.saturating_sub(acks.len());
    let file = check_file(&conn);
    let sound = file.is_empty();
    tally
        .problems
        .extend(file.into_iter().map(|p| format!("round {round}: {p}")));
    (tally, sound, keys)
}

/// `kills` rounds on the demo database at `db`, each killed `delays` after the unit opened.
pub fn kill_run(
    db: &Path,
    kills: usize,
    delays: std::ops::Range<Duration>,
    seed: u64,
) -> ScreenKillReport {
    let start = Instant::now();
    let mut rng = Rng::new(seed);
    let mut report = ScreenKillReport::default();
    for r in 0..kills {
        let span = delays.end.saturating_sub(delays.start).as_micros() as u64;
        let delay = delays.start + Duration::from_micros(rng.below(span + 1));
        let (tally, sound, keys) = kill_round(db, r, rng.next(), delay);
        report.kills += 1;
        report.keys += keys;
        if tally.acknowledged == 0 {
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

/// How long decisions made elsewhere took to reach an open screen.
#[derive(Debug)]
pub struct DelayReport {
    pub decisions: usize,
    /// Decisions the screen showed (within `deadline()`).
    pub shown: usize,
    pub delays: Vec<Duration>,
    pub problems: Vec<String>,
    pub elapsed: Duration,
}

/// How long to wait for a screen to show a decision before calling it missing.
pub fn deadline() -> Duration {
    patience(10)
}

impl DelayReport {
    pub fn median(&self) -> Duration {
        let mut d = self.delays.clone();
        d.sort();
        d.get(d.len() / 2).copied().unwrap_or_default()
    }

    pub fn max(&self) -> Duration {
        self.delays.iter().copied().max().unwrap_or_default()
    }
}

/// The first frame from number `from` on that shows `unit` with `decided` items decided.
fn wait_decided(t: &Pty, from: usize, unit: &str, decided: usize) -> Option<Frame> {
    let end = Instant::now() + deadline();
    let mut next = from;
    while Instant::now() < end {
        for f in t.frames_from(next) {
            next += 1;
            if parse(&f).is_some_and(|a| a.unit == unit && a.decided == decided) {
                return Some(f);
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    None
}

/// The items of `unit` with no decision yet that can be agreed with.
fn undecided(db: &Path, unit: &str) -> Vec<Target> {
    let conn = Connection::open(db).unwrap();
    let decided: HashSet<String> = conn
        .prepare("SELECT item FROM decisions WHERE unit = ?1")
        .unwrap()
        .query_map([unit], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    targets(db, &[unit])
        .into_iter()
        .filter(|t| t.can_agree && !decided.contains(&t.item))
        .collect()
}

/// A screen is open on a unit; one `thamdinh decide` process after the other agrees with an
/// undecided item of it. The delay of each runs from the moment the process printed its
/// acknowledgement to the first whole frame showing the unit's new count.
pub fn decide_to_screen(db: &Path, n: usize, seed: u64) -> DelayReport {
    let start = Instant::now();
    let mut rng = Rng::new(seed);
    let (mut t, unit) = open_unit(db, "watching", 0, 0);
    let mut items = undecided(db, &unit);
    assert!(items.len() >= n, "{unit} has {} items left", items.len());
    let first = t.frames().last().and_then(parse).unwrap().decided;
    let config = db.parent().unwrap().join("config");
    let mut report = DelayReport {
        decisions: n,
        shown: 0,
        delays: Vec::new(),
        problems: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for i in 0..n {
        let item = items.remove(rng.below(items.len() as u64) as usize).item;
        // Land anywhere in the screen's 200 ms between two looks at the file.
        std::thread::sleep(Duration::from_millis(rng.below(400)));
        let from = t.frame_count();
        let mut child = std::process::Command::new(bin())
            .arg("--db")
            .arg(db)
            .args(["--lang", "en", "--appraiser", "elsewhere", "decide"])
            .args([unit.as_str(), item.as_str(), "agree"])
            .args(["--comment", &format!("elsewhere {i}")])
            .env("THAMDINH_CONFIG_DIR", &config)
            .env_remove("THAMDINH_DB")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let acked = Instant::now();
        let status = child.wait().unwrap();
        if !status.success() || !line.starts_with("Recorded: ") {
            report
                .problems
                .push(format!("decide {unit} {item} agree: {status} {line:?}"));
            continue;
        }
        match wait_decided(&t, from, &unit, first + i + 1) {
            Some(f) => {
                report.shown += 1;
                report.delays.push(f.at.saturating_duration_since(acked));
            }
            None => report.problems.push(format!(
                "{unit} {item}: decided elsewhere, not shown within {:?}; the screen shows:\n{}",
                deadline(),
                t.screen()
            )),
        }
    }
    t.send("q");
    t.send("q");
    t.wait_exit(20);
    report.elapsed = start.elapsed();
    report
}

/// Two screens open on the same unit; the first agrees with item after item (`a`), the
/// second must show each. The delay runs from the first frame of the deciding screen that
/// shows the save to the first frame of the other that shows it.
pub fn screen_to_screen(db: &Path, n: usize, seed: u64) -> DelayReport {
    let start = Instant::now();
    let mut rng = Rng::new(seed);
    let (mut a, unit) = open_unit(db, "deciding", 0, 1);
    let (mut b, other) = open_unit(db, "watching", 0, 1);
    assert_eq!(unit, other, "both screens on one unit");
    let first = a.frames().last().and_then(parse).unwrap().decided;
    assert!(first + n <= 101, "{unit} has too few items left");
    let mut report = DelayReport {
        decisions: n,
        shown: 0,
        delays: Vec::new(),
        problems: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for i in 0..n {
        std::thread::sleep(Duration::from_millis(rng.below(400)));
        let (from_a, from_b) = (a.frame_count(), b.frame_count());
        a.send("a");
        let Some(fa) = wait_decided(&a, from_a, &unit, first + i + 1) else {
            report.problems.push(format!(
                "the deciding screen did not show its save; it shows:\n{}",
                a.screen()
            ));
            break;
        };
        match wait_decided(&b, from_b, &unit, first + i + 1) {
            Some(fb) => {
                report.shown += 1;
                report.delays.push(fb.at.saturating_duration_since(fa.at));
            }
            None => report.problems.push(format!(
                "{unit}: a save on one screen not shown on the other within {:?}; it shows:\n{}",
                deadline(),
                b.screen()
            )),
        }
    }
    for t in [&mut a, &mut b] {
        t.send("q");
        t.send("q");
        t.wait_exit(20);
    }
    report.elapsed = start.elapsed();
    report
}
