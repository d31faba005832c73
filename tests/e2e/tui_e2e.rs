//! The real binary in a pseudo-terminal: open a unit, agree with one item, set another to a
//! different score with a Vietnamese comment, quit; the database holds both decisions and the
//! terminal is restored.

use crate::common;
use common::pty::Pty;
use common::*;

/// The terminal as the screens set it up: raw mode, the alternate screen, the cursor hidden
/// (once the frame on screen is finished: the cursor is hidden at the end of each frame).
fn assert_running(t: &Pty) {
    let end = std::time::Instant::now() + common::pty::patience(10);
    while !(t.raw_mode() && t.alternate_screen() && t.cursor_hidden())
        && std::time::Instant::now() < end
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(t.raw_mode(), "raw mode is on while the screens run");
    assert!(t.alternate_screen(), "the screens use the alternate screen");
    assert!(
        t.cursor_hidden(),
        "the cursor is hidden while the screens run"
    );
}

/// The terminal as it was before: every termios setting back (raw mode off), the alternate
/// screen left, the cursor shown.
fn assert_restored(t: &Pty) {
    assert_eq!(
        t.termios_changes(),
        Vec::<String>::new(),
        "termios restored"
    );
    assert!(t.cooked(), "raw mode is off");
    assert!(!t.alternate_screen(), "the alternate screen was left");
    assert!(!t.cursor_hidden(), "the cursor is shown again");
}

/// The screens on a new demo database, opened by appraiser `who` with `extra` arguments in a
/// terminal of `cols`×`rows`, once they show `first`. The folder lives as long as the result.
fn open_demo(
    who: &str,
    extra: &[&str],
    (cols, rows): (u16, u16),
    first: &str,
) -> (tempfile::TempDir, std::path::PathBuf, Pty) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config");
    let args = [
        &["--db", db.to_str().unwrap(), "--appraiser", who][..],
        extra,
    ]
    .concat();
    let t = Pty::spawn(&args, &config, cols, rows);
    t.wait_for(first, 20);
    (dir, db, t)
}

#[test]
fn appraise_two_items_and_quit() {
    let (_dir, db, mut t) = open_demo("Nguyễn Thị Lan", &[], (100, 30), "Sở Nội vụ");
    assert_running(&t);
    t.send("\r");
    t.wait_for("đã thẩm định 0/101", 10);
    t.send("a");
    t.wait_for("đã thẩm định 1/101", 10);
    // Now on 1.1.2: a different score, typed in the box.
    t.send("e");
    t.wait_for("Nhập điểm", 10);
    t.send("0\r");
    t.wait_for("đã thẩm định 2/101", 10);
    // Back to 1.1.2 and write the comment, as a Vietnamese input method types it:
    // the word, then Backspaces and the word rebuilt with its marks.
    t.send("k");
    t.send("c");
    t.wait_for("Nhận xét của hội đồng", 10);
    t.type_slowly("Thieu");
    t.type_slowly("\x7f\x7f\x7f\x7f");
    t.type_slowly("hiếu minh chứng, đề nghị bổ sung");
    t.send("\r");
    t.wait_for("Đã lưu nhận xét 1.1.2", 10);
    t.send("q");
    t.wait_for("Đã TĐ", 10);
    t.send("q");
    let status = t.wait_exit(10);
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&t);

    let conn = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, String, Option<i64>, String, String)> = conn
        .prepare("SELECT item, state, score, comment, appraiser FROM decisions WHERE unit = 'SNV' ORDER BY item")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, "1.1.1");
    assert_eq!(rows[0].1, "agreed");
    assert_eq!(rows[0].4, "Nguyễn Thị Lan");
    assert_eq!(rows[1].0, "1.1.2");
    assert_eq!(rows[1].1, "adjusted");
    assert_eq!(rows[1].2, Some(0));
    assert_eq!(rows[1].3, "Thiếu minh chứng, đề nghị bổ sung");
    let audits: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE unit = 'SNV' AND action NOT IN ('import', 'seal')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audits, 3, "two decisions and a comment");
}

/// A window resized is drawn again at its new size before any key: the loop draws on every
/// turn, and the terminal fits itself to the window before each frame.
#[test]
fn a_resized_window_is_drawn_again_without_a_key() {
    let (_dir, _db, mut t) = open_demo("Lan", &[], (100, 30), "Đã TĐ");
    t.resize(50, 14);
    t.wait_for("Cửa sổ quá nhỏ (50×14).", 10);
    t.resize(100, 30);
    t.wait_for("Đã TĐ", 10);
    t.send("q");
    let status = t.wait_exit(10);
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let (_dir, _db, mut t) = open_demo("Lan", &[], (80, 24), "Sở Nội vụ");
    assert_running(&t);
    t.signal(nix::sys::signal::Signal::SIGTERM);
    t.wait_exit(10);
    assert_restored(&t);
}

#[test]
fn ctrl_c_in_a_score_box_quits_restores_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = dump(&db);
    let config = dir.path().join("config");
    let mut t = Pty::spawn(
        &[
            "--db",
            db.to_str().unwrap(),
            "--appraiser",
            "Lan",
            "--lang",
            "en",
        ],
        &config,
        80,
        24,
    );
    t.wait_for("Sở Nội vụ", 20);
    t.send("\r");
    t.wait_for("decided 0/101", 10);
    t.send("e");
    t.wait_for("Enter a score", 10);
    t.send("0,");
    t.wait_for("0,", 10);
    assert_running(&t);
    // Ctrl-C is the byte 0x03: in raw mode it reaches the program as a key, not a signal.
    t.send("\x03");
    let status = t.wait_exit(10);
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&t);
    assert_eq!(dump(&db), before, "a half-typed score is not recorded");
}

#[test]
fn ctrl_c_on_the_units_screen_quits_and_restores() {
    let (_dir, _db, mut t) = open_demo("Lan", &[], (80, 24), "Sở Nội vụ");
    assert_running(&t);
    t.send("\x03");
    assert!(t.wait_exit(10).success());
    assert_restored(&t);
}

/// The demo's screens with the test keys on (F12 panics, F11 fails an allocation), at 80×24
/// in English; the key is pressed once the units show, and the program must end by it with
/// the terminal given back. What it wrote to the terminal.
fn crash_by(key: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config");
    let args = [
        "--db",
        db.to_str().unwrap(),
        "--appraiser",
        "Lan",
        "--lang",
        "en",
    ];
    let mut t = Pty::spawn_with_env(&args, &config, 80, 24, &[("THAMDINH_TEST_PANIC_KEY", "1")]);
    t.wait_for("Sở Nội vụ", 20);
    assert_running(&t);
    t.send(key);
    let status = t.wait_exit(10);
    assert!(!status.success());
    assert_restored(&t);
    String::from_utf8_lossy(&t.raw.lock().unwrap()).into_owned()
}

#[test]
fn a_panic_restores_the_terminal() {
    let out = crash_by("\x1b[24~"); // F12
    let left = out
        .rfind("\x1b[?1049l")
        .expect("the alternate screen is left");
    let message = out
        .find("test panic requested")
        .expect("the panic message is shown");
    assert!(
        left < message,
        "the panic message is printed after the screen is restored"
    );
}

/// An abort is not a panic: no hook runs. A failed allocation (what a workbook too large for
/// memory did, issue 21) prints its line and aborts; the terminal must be given back all the same.
#[test]
fn an_abort_restores_the_terminal() {
    let out = crash_by("\x1b[23~"); // F11
    assert!(
        out.contains("memory allocation of"),
        "the allocator's line is shown: {out:?}"
    );
}

#[test]
fn demo_builds_the_database_then_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let config = dir.path().join("config");
    let args = [
        "--db",
        db.to_str().unwrap(),
        "--appraiser",
        "Lan",
        "--lang",
        "en",
        "demo",
    ];
    let mut t = Pty::spawn(&args, &config, 80, 24);
    t.wait_for("Sở Nội vụ", 30);
    t.wait_for("? keys", 5);
    t.send("\ra");
    t.wait_for("decided 1/101", 10);
    t.send("qq");
    assert!(t.wait_exit(10).success());
    let mut t = Pty::spawn(&args, &config, 80, 24);
    t.wait_for("1/101", 30);
    t.send("q");
    assert!(t.wait_exit(10).success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let units: i64 = conn
        .query_row("SELECT COUNT(*) FROM units", [], |r| r.get(0))
        .unwrap();
    let decisions: i64 = conn
        .query_row("SELECT COUNT(*) FROM decisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!((units, decisions), (47, 1), "built once, kept on reopening");
}

/// `demo --year 2025` on the real binary at 80×24: the year after the reorganisation opens on
/// its units, its commune/ward group ranks, and a merged department's figure of last year is
/// marked; reopening keeps the file as it is.
#[test]
fn the_demos_2025_year_opens_and_ranks_on_the_real_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo-2025.sqlite");
    let config = dir.path().join("config");
    let args = [
        "--db",
        db.to_str().unwrap(),
        "--appraiser",
        "Lan",
        "--year",
        "2025",
        "demo",
    ];
    let mut t = Pty::spawn(&args, &config, 80, 24);
    t.wait_for("Thẩm định Chỉ số CCHC 2025", 30);
    t.wait_for("Sở Nông nghiệp và Môi trường", 5);
    t.send("r");
    t.wait_for("Xếp hạng tạm tính — Sở, ban, ngành tỉnh · 2025", 10);
    // Sở Khoa học và Công nghệ took in Thông tin và Truyền thông: the mean of the two.
    t.wait_for("88.99*", 5);
    t.send("\t\t\t");
    t.wait_for("Xếp hạng tạm tính — UBND xã, phường · 2025", 10);
    t.wait_for("Nhóm 1", 5);
    t.send("qq");
    assert!(t.wait_exit(10).success());
    let count = |sql: &str| -> i64 {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    };
    let units = "SELECT COUNT(*) FROM units WHERE year = 2025";
    assert_eq!(count(units), 131);
    let mut t = Pty::spawn(&args, &config, 80, 24);
    t.wait_for("Thẩm định Chỉ số CCHC 2025", 30);
    t.send("q");
    assert!(t.wait_exit(10).success());
    assert_eq!(count(units), 131, "built once, kept on reopening");
}

/// The number after `Decided ` on the ranking screen.
fn ranking_decided(screen: &str) -> Option<usize> {
    let rest = &screen[screen.find("Decided ")? + "Decided ".len()..];
    rest.split('/').next()?.parse().ok()
}

#[test]
fn a_decision_elsewhere_updates_the_ranking_and_leaves_it_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config");
    let mut t = Pty::spawn(
        &[
            "--db",
            db.to_str().unwrap(),
            "--appraiser",
            "Lan",
            "--lang",
            "en",
        ],
        &config,
        100,
        30,
    );
    t.wait_for("Sở Nội vụ", 20);
    t.send("\r");
    t.wait_for("decided 0/101", 10);
    t.send("r");
    t.wait_for("Decided 0/", 10);
    ok(
        &db,
        &["--appraiser", "Hùng", "decide", "SNV", "1.1.1", "agree"],
    );
    t.wait_for("Updated with changes from another session.", 10);
    t.wait_for("Decided 1/", 10);
    let screen = t.screen();
    assert!(screen.contains("Ranking provisional"), "{screen}");
    assert_eq!(ranking_decided(&screen), Some(1));
    t.send("q");
    t.wait_for("decided 1/101", 10);
    t.send("qq");
    assert!(t.wait_exit(10).success());
}

/// A closed window or a dropped SSH connection: the kernel sends SIGHUP and the terminal
/// reads end of file. The program must end (it used to spin on the closed input).
#[test]
fn a_hangup_ends_the_program() {
    let (_dir, _db, t) = open_demo("Lan", &[], (80, 24), "Sở Nội vụ");
    let pid = t.child.process_id().unwrap() as i32;
    let mut child = t.hang_up();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGHUP,
    )
    .unwrap();
    let end = std::time::Instant::now() + common::pty::patience(10);
    while std::time::Instant::now() < end {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!("the program kept running after a hangup");
}

/// A comment of three lines typed on the real binary: Alt-Enter arrives as ESC CR and Ctrl-J as
/// the byte 0x0A; both break the line, Enter (CR) saves, and the line breaks are stored.
#[test]
fn a_comment_of_several_lines_through_a_terminal() {
    let (_dir, db, mut t) = open_demo("Lan", &[], (80, 24), "Sở Nội vụ");
    t.send("\r");
    t.wait_for("đã thẩm định 0/101", 10);
    t.send("c");
    t.wait_for("Alt-Enter hoặc Ctrl-J: xuống dòng", 10);
    t.type_slowly("Chậm 5 ngày.");
    t.send("\x1b\r");
    t.type_slowly("Thiếu phụ lục.");
    t.send("\n");
    t.type_slowly("Đề nghị bổ sung.");
    t.wait_for("│Đề nghị bổ sung.", 10);
    t.send("a"); // typed into the box: the box is still open after both line breaks
    t.send("\x7f\r");
    t.wait_for("Đã lưu nhận xét 1.1.1", 10); // kept on the undecided item
    t.send("a"); // agreed, with the comment
    t.wait_for("đã thẩm định 1/101", 10);
    t.send("q");
    t.wait_for("Đã TĐ", 10);
    t.send("q");
    assert!(t.wait_exit(10).success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let comment: String = conn
        .query_row(
            "SELECT comment FROM decisions WHERE unit = 'SNV' AND item = '1.1.1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(comment, "Chậm 5 ngày.\nThiếu phụ lục.\nĐề nghị bổ sung.");
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM kept_comments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 0, "the decision took the kept comment");
}

/// Undo takes back the verdict, never the comment (issue 19): a three-line comment on SNV
/// 1.1.2, its decision, then `u` (the item's only verdict, so nothing to put back): the
/// comment stays on the screen and in the file, and goes with the next decision.
#[test]
fn undo_through_the_screens_keeps_the_comment() {
    let (_dir, db, mut t) = open_demo("Lan", &[], (100, 44), "Sở Nội vụ");
    t.send("\r");
    t.wait_for("đã thẩm định 0/101", 10);
    t.send("j");
    t.send("c");
    t.wait_for("Alt-Enter hoặc Ctrl-J: xuống dòng", 10);
    t.type_slowly("Chậm 5 ngày.");
    t.send("\n");
    t.type_slowly("Thiếu phụ lục.");
    t.send("\n");
    t.type_slowly("Đề nghị bổ sung.");
    t.send("\r");
    t.wait_for("Đã lưu nhận xét 1.1.2", 10);
    t.send("2");
    t.wait_for("đã thẩm định 1/101", 10);
    t.send("u");
    t.wait_for("Đã hoàn tác 1.1.2: chưa quyết định; nhận xét vẫn giữ", 10);
    t.wait_for("đã thẩm định 0/101", 10);
    t.wait_for("Nhận xét (chờ quyết định): Chậm 5 ngày.", 10);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let kept: String = conn
        .query_row(
            "SELECT comment FROM kept_comments WHERE unit = 'SNV' AND item = '1.1.2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, "Chậm 5 ngày.\nThiếu phụ lục.\nĐề nghị bổ sung.");
    // The next decision takes it.
    t.send("a");
    t.wait_for("đã thẩm định 1/101", 10);
    t.send("qq");
    assert!(t.wait_exit(10).success());
    let (comment, kept): (String, i64) = conn
        .query_row(
            "SELECT comment, (SELECT count(*) FROM kept_comments) FROM decisions
             WHERE unit = 'SNV' AND item = '1.1.2'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(comment, "Chậm 5 ngày.\nThiếu phụ lục.\nĐề nghị bổ sung.");
    assert_eq!(kept, 0);
}

/// The keys of the demo year's import, sent as a person types them, counted.
struct Keys<'a> {
    t: &'a mut Pty,
    count: usize,
}

impl Keys<'_> {
    /// Sends `keys` (each character one key: `\t` Tab, `\r` Enter, `\x15` Ctrl-U).
    fn press(&mut self, keys: &str) -> &mut Self {
        self.count += keys.chars().count();
        self.t.type_slowly(keys);
        self
    }

    fn wait(&mut self, text: &str) -> &mut Self {
        self.t.wait_for(text, 60);
        self
    }
}

/// The whole demo year imported from the screens on an empty database, with the path box's
/// Tab completion and the folder it remembers: the criteria sets, units, self scores, survey,
/// explanations and history. The ranking is the one the command line gives on a database
/// it built from the same files; the number of keys it took is printed.
#[test]
fn the_demo_year_is_imported_from_the_screens_as_the_command_line_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("screens.sqlite");
    drop(thamdinh::store::Store::open(&db).unwrap());
    let config = dir.path().join("config");
    let args = [
        "--db",
        db.to_str().unwrap(),
        "--appraiser",
        "Nguyễn Thị Lan",
    ];
    let mut t = Pty::spawn_in(&args, &config, 80, 24, &root());
    t.wait_for("Chào mừng", 20);
    let mut k = Keys {
        t: &mut t,
        count: 0,
    };
    k.press("f").wait("Tệp của năm 2022");
    // The first set: the path typed from the working folder, a few letters and Tab each step.
    k.press("1da\tc\t2\td\t")
        .wait("│data/criteria/2022/dvsn.toml");
    k.press("\r").wait("Bộ chỉ số mới của nhóm");
    k.press("\r").wait("Đã nạp bộ chỉ số dvsn");
    // The other sets: the box starts in their folder.
    for (start, group) in [("h", "huyen"), ("s", "so-nganh"), ("t", "trung-uong")] {
        k.press(&format!("1{start}\t\r"))
            .wait("Bộ chỉ số mới của nhóm")
            .press("\r")
            .wait(&format!("Đã nạp bộ chỉ số {group}"));
    }
    // The units, from the demo's folder (2022's: Tab stops at `202`, 2025's being beside it);
    // then the next kinds in turn, the selection moving on.
    k.press("2\x15da\tde\t2\t2\tu\t\r")
        .wait("47 dòng: 47 mới")
        .press("\r")
        .wait("Đã nhập danh sách đơn vị");
    for (start, done) in [
        ("se", "Đã nhập điểm tự chấm"),
        ("su", "Đã nhập điểm điều tra xã hội học"),
        ("e", "Đã nhập giải trình"),
        ("h", "Đã nhập chỉ số các năm trước"),
    ] {
        k.press(&format!("\r{start}\t\r"))
            .wait("Không có lỗi")
            .press("\r")
            .wait(done);
    }
    let keys = k.count;
    println!("the demo year's import took {keys} keys from the screens");
    t.send("qq");
    assert!(t.wait_exit(20).success());

    // The same files by the command line, on a database of its own.
    let by_cli = dir.path().join("cli.sqlite");
    for group in ["dvsn", "huyen", "so-nganh", "trung-uong"] {
        let set = root().join(format!("data/criteria/2022/{group}.toml"));
        ok(&by_cli, &["import", "criteria", set.to_str().unwrap()]);
    }
    for (what, file) in [
        ("units", "units.csv"),
        ("self-scores", "self_scores.csv"),
        ("survey", "survey.csv"),
        ("explanations", "explanations.csv"),
        ("history", "history.csv"),
    ] {
        ok(
            &by_cli,
            &["import", what, demo_file(file).to_str().unwrap()],
        );
    }
    let ranked = ok(&db, &["rank", "--format", "csv"]);
    assert_eq!(ranked, ok(&by_cli, &["rank", "--format", "csv"]));
    assert_eq!(ranked.lines().count(), 48, "{ranked}");
    // 64 before the demo's 2025 folder came beside 2022's (two keys more to pick 2022).
    assert_eq!(keys, 66, "the count of keys changed");
}

/// `thamdinh` on a file that is not there, at a terminal: the first-start screen. `q` leaves
/// with the command line's sentence and makes nothing; `Enter` makes the file for the year
/// shown, with its built-in criteria sets, and the welcome follows.
#[test]
fn the_first_start_makes_the_database_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hoi-dong").join("2022.sqlite");
    let config = dir.path().join("config");
    let args = ["--db", db.to_str().unwrap(), "--appraiser", "Lê Thư Ký"];
    let mut t = Pty::spawn(&args, &config, 80, 24);
    t.wait_for("Chưa có cơ sở dữ liệu ở", 20);
    t.wait_for("Năm 2022: bộ chỉ số MINH HỌA của 4 nhóm", 5);
    t.send("q");
    assert_eq!(t.wait_exit(10).exit_code(), 1);
    assert!(!db.parent().unwrap().exists(), "nothing is made on q");

    let mut t = Pty::spawn(&args, &config, 80, 24);
    t.wait_for("Chưa có cơ sở dữ liệu ở", 20);
    t.send("\r");
    t.wait_for("Chào mừng! Năm 2022", 20);
    t.wait_for("f  Nhập hồ sơ năm nay", 5);
    t.send("q");
    assert!(t.wait_exit(10).success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let sets: i64 = conn
        .query_row("SELECT COUNT(*) FROM sets WHERE year = 2022", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(sets, 4, "the year's built-in criteria sets");
}

/// The year's end on the real binary at 80×24, from the screens only: the published 2022 is
/// unpublished with its reason, the next year is started after the warning and its second
/// Enter, and the year switcher goes back to 2022.
#[test]
fn the_years_end_from_the_screens_unpublish_new_year_and_switch() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Every self score agreed (one batch), then 2022 published, as the council does.
    let text = std::fs::read_to_string(demo_file("self_scores.csv")).unwrap();
    let batch: String = text
        .lines()
        .skip(1)
        .map(|line| {
            let mut cells = line.split(',');
            let (unit, item) = (cells.next().unwrap(), cells.next().unwrap());
            format!("{unit} {item} agree Đồng ý\n")
        })
        .collect();
    let file = write(dir.path(), "batch.txt", batch);
    run(
        &db,
        &[
            "--appraiser",
            "Lan",
            "decide",
            "--batch",
            file.to_str().unwrap(),
        ],
    );
    ok(&db, &["--appraiser", "Lan", "publish"]);

    let config = dir.path().join("config");
    let args = ["--db", db.to_str().unwrap(), "--appraiser", "Lan"];
    let mut t = Pty::spawn(&args, &config, 80, 24);
    t.wait_for("đã công bố — chỉ xem", 20);
    t.send("r");
    t.wait_for("Xếp hạng", 10);
    t.send("U");
    t.wait_for("Hủy công bố năm 2022", 10);
    t.send("\r");
    t.wait_for("Cần ghi lý do hủy công bố", 10);
    t.type_slowly("Sửa điểm SNV");
    t.send("\r");
    t.wait_for("Đã hủy công bố năm 2022", 10);

    // The next year from the unpublished 2022: warned, then started on the second Enter.
    t.send("N");
    t.wait_for("⚠ Năm 2022 chưa công bố", 10);
    t.send("\r");
    t.wait_for("Enter lần nữa", 10);
    t.send("\r");
    t.wait_for("Chưa nhập điểm tự chấm — f để nhập", 20);
    assert!(t.screen().contains("Chỉ số CCHC 2023"), "{}", t.screen());

    // Back to 2022 with the year switcher.
    t.send("Y");
    t.wait_for("2022: đang thẩm định", 10);
    t.type_slowly("2022");
    t.send("\r");
    t.wait_for("Đang làm việc trên năm 2022", 10);
    t.send("q");
    t.wait_exit(10);

    let conn = rusqlite::Connection::open(&db).unwrap();
    let audit = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        audit("SELECT COUNT(*) FROM audit WHERE action = 'unpublish' AND comment = 'Sửa điểm SNV'"),
        1
    );
    assert_eq!(
        audit("SELECT COUNT(*) FROM audit WHERE action = 'new_year' AND year = 2023"),
        1
    );
}
