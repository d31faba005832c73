//! A room full of appraisers on one file: twenty instances of the real binary, each in its own
//! pseudo-terminal as one council member, deciding with keys at a human pace on one database.
//!
//! The twenty sit at four tables of five, all on the department group; the five of a table
//! share the group's eight fields (`assign`) and start on the same unit. Each member thinks
//! for 1–3 s, then either decides a random item of their fields (searched with `/`, then
//! agreed, given an option number or a typed score), or, one time in six, agrees with their
//! fields of the unit key after key (`n` to the next undecided item, then `a` after `a`),
//! which moves them on to the next unit when theirs are done.
//!
//! Measured: the time from the decision's key to the first whole frame whose status line
//! acknowledges it; every status line any screen showed (lock errors must be none); every
//! acknowledged decision against its audit row and the decisions table (none lost); and for
//! each first decision of an item, how long until each other screen open on that unit shows
//! its new "decided N/M" count.

use super::screen::{Ack, Value, parse_status};
use super::*;
use crate::common::pty::{Frame, Pty, patience};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const COLS: u16 = 100;
const ROWS: u16 = 30;
/// The group the room appraises: the first tab.
const GROUP: &str = "so-nganh";
/// How the eight fields are shared among the five members of a table.
const SHARES: [&[&str]; 5] = [&["1", "2"], &["3", "4"], &["5", "6"], &["7"], &["8"]];
const TABLE: usize = SHARES.len();

/// What one whole frame shows, in short (frames are not kept: a long run draws many).
#[derive(Debug, Clone)]
pub struct Seen {
    pub at: Instant,
    /// The unit open on the appraisal screen.
    pub unit: Option<String>,
    pub decided: usize,
    /// The code the detail pane shows: the selected row.
    pub selected: Option<String>,
    /// A box (search, score) is open.
    pub boxed: bool,
    pub status: String,
}

impl Seen {
    fn same_as(&self, o: &Seen) -> bool {
        (
            &self.unit,
            self.decided,
            &self.selected,
            self.boxed,
            &self.status,
        ) == (&o.unit, o.decided, &o.selected, o.boxed, &o.status)
    }
}

/// A line that speaks of a file the member may not write.
pub fn is_permission_error(line: &str) -> bool {
    let l = line.to_lowercase();
    [
        "permission",
        "read only",
        "read-only",
        "readonly",
        "may not write",
    ]
    .iter()
    .any(|w| l.contains(w))
}

fn seen(f: &Frame) -> Seen {
    let title = f.line(0);
    let mut unit = None;
    let mut decided = 0;
    if let Some((left, right)) = title.split_once(" — decided ")
        && let Some(code) = left.rsplit_once('(').and_then(|(_, c)| c.strip_suffix(')'))
        && let Some(n) = right.split('/').next().and_then(|n| n.trim().parse().ok())
    {
        unit = Some(code.to_string());
        decided = n;
    }
    let lines = f.lines();
    // The detail pane starts under the second line of `─` (the first is under the summary).
    let selected = unit.as_ref().and_then(|_| {
        let rule = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with('─'))
            .nth(1)?
            .0;
        Some(lines.get(rule + 1)?.split_whitespace().next()?.to_string())
    });
    Seen {
        at: f.at,
        unit,
        decided,
        selected,
        boxed: lines.iter().any(|l| l.contains('┌')),
        // A banner saying the file cannot be written counts as what the member was told.
        status: if is_permission_error(&title) {
            title.clone()
        } else {
            lines.last().cloned().unwrap_or_default()
        },
    }
}

/// One decision made with a key and acknowledged on the screen.
#[derive(Debug, Clone)]
pub struct Done {
    pub who: usize,
    pub unit: String,
    pub item: String,
    pub value: Value,
    pub sent: Instant,
    pub acked: Instant,
}

/// What the room found.
#[derive(Debug, Default)]
pub struct RoomReport {
    pub appraisers: usize,
    pub decisions: usize,
    pub in_bursts: usize,
    /// From the key to the first frame acknowledging it.
    pub latencies: Vec<Duration>,
    /// Status lines shown that speak of a lock.
    pub lock_errors: usize,
    /// Status lines or banners shown that speak of permissions or a read-only file.
    pub permission_errors: usize,
    /// Acknowledged decisions with no audit row, another one, or not in the decisions table.
    pub lost: usize,
    /// Audit rows of the room with no acknowledgement on screen.
    pub unacknowledged: usize,
    /// Other screens open on the unit of a first decision, and how long each took to show it.
    pub shown_elsewhere: Vec<Duration>,
    /// Of those, screens still on the unit that never showed it.
    pub not_shown: usize,
    /// Random picks the search put on another row (skipped, not decided).
    pub missed_search: usize,
    pub problems: Vec<String>,
    pub elapsed: Duration,
}

pub fn quantile(d: &[Duration], q: f64) -> Duration {
    if d.is_empty() {
        return Duration::ZERO;
    }
    let mut v = d.to_vec();
    v.sort();
    let i = ((v.len() as f64 - 1.0) * q).round() as usize;
    v[i.min(v.len() - 1)]
}

impl RoomReport {
    pub fn p(&self, q: f64) -> Duration {
        quantile(&self.latencies, q)
    }

    pub fn elsewhere(&self, q: f64) -> Duration {
        quantile(&self.shown_elsewhere, q)
    }
}

/// One member of the council at their terminal.
struct Member {
    who: usize,
    name: String,
    fields: Vec<String>,
    pty: Pty,
    log: Arc<Mutex<Vec<Seen>>>,
    rng: Rng,
    done: Vec<Done>,
    in_bursts: usize,
    missed_search: usize,
    problems: Vec<String>,
}

impl Member {
    fn start(db: &Path, who: usize, fields: &[&str], seed: u64, account: Option<&str>) -> Member {
        let name = format!("member-{who:02}");
        let log: Arc<Mutex<Vec<Seen>>> = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&log);
        let args = [
            "--db",
            db.to_str().unwrap(),
            "--lang",
            "en",
            "--appraiser",
            &name,
        ];
        let watch = move |f: Frame| {
            let s = seen(&f);
            let mut log = sink.lock().unwrap();
            if !log.last().is_some_and(|l| l.same_as(&s)) {
                log.push(s);
            }
        };
        let pty = match account {
            // Each member's own settings, in a folder their account may write.
            Some(user) => {
                let config = db.parent().unwrap().join(format!("config-{who:02}"));
                std::fs::create_dir_all(&config).unwrap();
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o777)).unwrap();
                Pty::spawn_watched_as(user, &args, &config, (COLS, ROWS), watch)
            }
            None => {
                let config = db.parent().unwrap().join("config");
                Pty::spawn_watched(&args, &config, COLS, ROWS, watch)
            }
        };
        Member {
            who,
            name,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            pty,
            log,
            rng: Rng::new(seed),
            done: Vec::new(),
            in_bursts: 0,
            missed_search: 0,
            problems: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    fn latest(&self) -> Option<Seen> {
        self.log.lock().unwrap().last().cloned()
    }

    /// Waits for a frame from number `from` on that `ok` accepts.
    fn wait(&self, from: usize, ok: impl Fn(&Seen) -> bool) -> Option<(usize, Seen)> {
        let end = Instant::now() + deadline();
        let mut next = from;
        loop {
            {
                let log = self.log.lock().unwrap();
                while next < log.len() {
                    if ok(&log[next]) {
                        return Some((next, log[next].clone()));
                    }
                    next += 1;
                }
            }
            if Instant::now() > end {
                return None;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// The frames of a box opening and closing after frame `from`: the keys in between
    /// have all been handled.
    fn wait_box_closed(&self, from: usize) -> Option<Seen> {
        let (i, _) = self.wait(from, |s| s.boxed)?;
        self.wait(i + 1, |s| !s.boxed).map(|(_, s)| s)
    }

    fn mine<'a>(&self, targets: &'a HashMap<String, Vec<Target>>, unit: &str) -> Vec<&'a Target> {
        targets
            .get(unit)
            .map(|v| {
                v.iter()
                    .filter(|t| {
                        let field = t.item.split('.').next().unwrap_or("");
                        self.fields.iter().any(|f| f == field)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Decides the selected item `t` with a key (or a typed score and Enter) and waits for
    /// the acknowledgement.
    fn decide(&mut self, unit: &str, t: &Target, burst: bool) -> Option<Seen> {
        let before = self.latest().map(|s| s.status).unwrap_or_default();
        let agree = t.can_agree && (burst || self.rng.below(3) == 0);
        let from = self.len();
        let sent = if agree {
            let at = Instant::now();
            self.pty.send("a");
            at
        } else if !t.options.is_empty() {
            let k = 1 + self.rng.below(t.options.len().min(9) as u64);
            let at = Instant::now();
            self.pty.send(&k.to_string());
            at
        } else {
            let h = t.min + self.rng.below((t.max - t.min + 1) as u64) as i64;
            self.pty.send("\r");
            if self.wait(from, |s| s.boxed).is_none() {
                self.problems
                    .push(format!("{}: the score box did not open", self.name));
                return None;
            }
            self.pty
                .send(&thamdinh::domain::Points::from_hundredths(h).to_string());
            std::thread::sleep(Duration::from_millis(30));
            let at = Instant::now();
            self.pty.send("\r");
            at
        };
        let item = t.item.clone();
        let got = self.wait(from, |s| {
            s.at >= sent
                && s.status != before
                && matches!(parse_status(&s.status), Some((Ack::Saved { item: i, .. }, _)) if i == item)
        });
        let Some((_, s)) = got else {
            self.problems.push(format!(
                "{}: {unit} {item}: no acknowledgement within {:?}; the screen shows:\n{}",
                self.name,
                deadline(),
                self.pty.screen()
            ));
            return None;
        };
        let Some((Ack::Saved { value, .. }, _)) = parse_status(&s.status) else {
            unreachable!()
        };
        if s.unit.as_deref() != Some(unit) {
            self.problems.push(format!(
                "{}: decided on {unit}, acknowledged on {:?}",
                self.name, s.unit
            ));
        }
        self.done.push(Done {
            who: self.who,
            unit: unit.to_string(),
            item,
            value,
            sent,
            acked: s.at,
        });
        if burst {
            self.in_bursts += 1;
        }
        Some(s)
    }

    /// A random item of the member's fields on the open unit: found with `/`, then decided.
    fn random_decision(&mut self, targets: &HashMap<String, Vec<Target>>) {
        let Some(unit) = self.latest().and_then(|s| s.unit) else {
            return;
        };
        let mine = self.mine(targets, &unit);
        if mine.is_empty() {
            return;
        }
        let t = (*self.rng.pick(&mine)).clone();
        let from = self.len();
        self.pty.send(&format!("/{}\r", t.item));
        let Some(s) = self.wait_box_closed(from) else {
            self.problems.push(format!(
                "{}: the search box did not open and close",
                self.name
            ));
            return;
        };
        if s.selected.as_deref() != Some(t.item.as_str()) {
            self.missed_search += 1;
            return;
        }
        self.decide(&unit, &t, false);
    }

    /// Agrees with the member's fields of the unit key after key: the search cleared, `n` to
    /// the next undecided item, then one key per item, each after the last one's
    /// acknowledgement and a short look.
    fn burst(&mut self, targets: &HashMap<String, Vec<Target>>) {
        let from = self.len();
        self.pty.send("/");
        std::thread::sleep(Duration::from_millis(50));
        self.pty.send("\x1b");
        if self.wait_box_closed(from).is_none() {
            self.problems
                .push(format!("{}: the search box did not clear", self.name));
            return;
        }
        self.pty.send("n");
        std::thread::sleep(Duration::from_millis(300 + self.rng.below(300)));
        let keys = 4 + self.rng.below(12);
        for _ in 0..keys {
            let Some(s) = self.latest() else { return };
            let (Some(unit), Some(code)) = (s.unit, s.selected) else {
                return;
            };
            let Some(t) = self
                .mine(targets, &unit)
                .into_iter()
                .find(|t| t.item == code)
                .cloned()
            else {
                return;
            };
            let Some(after) = self.decide(&unit, &t, true) else {
                return;
            };
            if after.selected.as_deref() == Some(code.as_str()) {
                return; // nothing undecided left in the member's fields
            }
            std::thread::sleep(Duration::from_millis(150 + self.rng.below(300)));
        }
    }
}

/// How long to wait for a screen before calling something missing.
fn deadline() -> Duration {
    patience(10)
}

/// The codes of the units of the group.
fn units_of_group(db: &Path) -> Vec<String> {
    Connection::open(db)
        .unwrap()
        .prepare("SELECT code FROM units WHERE group_code = ?1 ORDER BY rowid")
        .unwrap()
        .query_map([GROUP], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Twenty members (four tables of five) deciding for `duration` on the demo database at `db`.
pub fn run(db: &Path, members: usize, duration: Duration, seed: u64) -> RoomReport {
    run_as(db, members, duration, seed, &[])
}

/// The same, member `i` running as the operating-system account `accounts[i % n]` (all in
/// the process's own account when there is none).
pub fn run_as(
    db: &Path,
    members: usize,
    duration: Duration,
    seed: u64,
    accounts: &[String],
) -> RoomReport {
    let start = Instant::now();
    let mut report = RoomReport {
        appraisers: members,
        ..Default::default()
    };
    let units = units_of_group(db);
    let codes: Vec<&str> = units.iter().map(String::as_str).collect();
    let targets: HashMap<String, Vec<Target>> =
        targets(db, &codes)
            .into_iter()
            .fold(HashMap::new(), |mut m, t| {
                m.entry(t.unit.clone()).or_default().push(t);
                m
            });
    // The decided count each unit's header shows before the room starts.
    let base: HashMap<String, usize> = {
        let store = thamdinh::store::Store::open_reader(db).unwrap();
        let ws = thamdinh::service::Workspace::new(store, 2022).unwrap();
        ws.unit_summaries(GROUP)
            .unwrap()
            .into_iter()
            .map(|s| (s.unit.code.to_string(), s.totals.decided()))
            .collect()
    };
    let start_id: i64 = Connection::open(db)
        .unwrap()
        .query_row("SELECT COALESCE(MAX(id), 0) FROM audit", [], |r| r.get(0))
        .unwrap();
    for who in 0..members {
        let name = format!("member-{who:02}");
        let fields = SHARES[who % TABLE].join(" ");
        crate::common::ok(
            db,
            &[
                "--appraiser",
                &name,
                "assign",
                "--group",
                GROUP,
                "--fields",
                &fields,
            ],
        );
    }
    let mut rng = Rng::new(seed);
    let mut room: Vec<Member> = (0..members)
        .map(|who| {
            let account = (!accounts.is_empty()).then(|| accounts[who % accounts.len()].as_str());
            Member::start(db, who, SHARES[who % TABLE], rng.next(), account)
        })
        .collect();
    // Everyone opens their table's unit.
    for m in &mut room {
        m.pty.wait_for("? keys", 60);
        let table = m.who / TABLE;
        m.pty.send(&format!("{}\r", "j".repeat(table)));
    }
    for m in &room {
        if m.wait(0, |s| s.unit.is_some()).is_none() {
            panic!("{} did not open a unit:\n{}", m.name, m.pty.screen());
        }
    }
    let began = Instant::now();
    let end = began + duration;
    let targets = &targets;
    std::thread::scope(|s| {
        for m in room.iter_mut() {
            s.spawn(move || {
                loop {
                    let think = Duration::from_millis(1000 + m.rng.below(2001));
                    if Instant::now() + think >= end {
                        break;
                    }
                    std::thread::sleep(think);
                    if m.rng.below(6) == 0 {
                        m.burst(targets);
                    } else {
                        m.random_decision(targets);
                    }
                }
            });
        }
    });
    // Every screen settles (a look every 200 ms), then each member quits.
    std::thread::sleep(Duration::from_millis(1500));
    for m in &mut room {
        m.pty.send("q");
        std::thread::sleep(Duration::from_millis(30));
        m.pty.send("q");
    }
    for m in &mut room {
        let status = m.pty.wait_exit(30);
        if !status.success() {
            report
                .problems
                .push(format!("{} ended with {status:?}", m.name));
        }
    }

    // What every screen showed.
    let logs: Vec<Vec<Seen>> = room.iter().map(|m| m.log.lock().unwrap().clone()).collect();
    let mut lock_lines = HashSet::new();
    for (m, log) in room.iter().zip(&logs) {
        for s in log {
            if is_lock_error(&s.status) && lock_lines.insert((m.who, s.status.clone())) {
                report.lock_errors += 1;
                report
                    .problems
                    .push(format!("{} showed: {}", m.name, s.status.trim()));
            }
            if is_permission_error(&s.status) && lock_lines.insert((m.who, s.status.clone())) {
                report.permission_errors += 1;
                report
                    .problems
                    .push(format!("{} showed: {}", m.name, s.status.trim()));
            }
        }
    }
    let done: Vec<Done> = room.iter().flat_map(|m| m.done.clone()).collect();
    for m in &mut room {
        report.problems.append(&mut m.problems);
        report.in_bursts += m.in_bursts;
        report.missed_search += m.missed_search;
    }
    report.decisions = done.len();
    report.latencies = done.iter().map(|d| d.acked - d.sent).collect();

    // Against the file: each member's acknowledgements, in order, are their audit rows.
    let conn = Connection::open(db).unwrap();
    let rows: Vec<AuditRow> = audit(&conn)
        .into_iter()
        .filter(|r| r.id > start_id && r.action == "decide")
        .collect();
    let mut row_of: Vec<Option<AuditRow>> = Vec::new();
    for m in &room {
        let mine: Vec<&AuditRow> = rows.iter().filter(|r| r.appraiser == m.name).collect();
        let acked: Vec<&Done> = done.iter().filter(|d| d.who == m.who).collect();
        report.unacknowledged += mine.len().saturating_sub(acked.len());
        for (i, d) in acked.iter().enumerate() {
            match mine.get(i) {
                Some(r)
                    if r.unit == d.unit
                        && r.item.as_deref() == Some(d.item.as_str())
                        && Value::of_row(r) == d.value =>
                {
                    row_of.push(Some((*r).clone()));
                }
                other => {
                    report.lost += 1;
                    report.problems.push(format!(
                        "lost: {} acknowledged {} {} {:?}, the audit log has {other:?}",
                        m.name, d.unit, d.item, d.value
                    ));
                    row_of.push(None);
                }
            }
        }
    }
    report.problems.extend(check_file(&conn));
    let verify = crate::common::run(db, &["--lang", "en", "verify"]);
    if !verify.status.success() {
        report.problems.push(format!(
            "verify: {}",
            String::from_utf8_lossy(&verify.stderr).trim()
        ));
    }

    // Each first decision of an item raises its unit's count by one: a screen showing the
    // unit with at least the count right after it has it (no undo in the room).
    let mut count_after: HashMap<i64, usize> = HashMap::new();
    let mut decided: HashMap<String, HashSet<String>> = HashMap::new();
    for r in &rows {
        let items = decided.entry(r.unit.clone()).or_default();
        if r.old_state.is_none()
            && let Some(item) = &r.item
            && items.insert(item.clone())
        {
            let n = base.get(&r.unit).copied().unwrap_or(0) + items.len();
            count_after.insert(r.id, n);
        }
    }
    for (d, row) in done.iter().zip(&row_of) {
        let Some(n) = row.as_ref().and_then(|r| count_after.get(&r.id)).copied() else {
            continue;
        };
        for (b, log) in logs.iter().enumerate() {
            if b == d.who {
                continue;
            }
            // On the unit when the key was pressed?
            let Some(at_send) = log.iter().rposition(|s| s.at <= d.sent) else {
                continue;
            };
            if log[at_send].unit.as_deref() != Some(d.unit.as_str()) {
                continue;
            }
            let mut outcome = None;
            for s in &log[at_send..] {
                if s.unit.as_deref() != Some(d.unit.as_str()) {
                    outcome = Some(None); // moved on to another unit first
                    break;
                }
                if s.decided >= n {
                    outcome = Some(Some(s.at.saturating_duration_since(d.acked)));
                    break;
                }
            }
            match outcome {
                Some(Some(delay)) => report.shown_elsewhere.push(delay),
                Some(None) => {}
                None => {
                    report.not_shown += 1;
                    report.problems.push(format!(
                        "{} {} (decided by {}): never shown on {}'s screen",
                        d.unit, d.item, room[d.who].name, room[b].name
                    ));
                }
            }
        }
    }
    report.elapsed = start.elapsed();
    report
}
