//! The real binary in a pseudo-terminal: open a unit, agree with one item, set another to a
//! different score with a Vietnamese comment, quit; the database holds both decisions and the
//! terminal is restored.

mod common;
use common::pty::Pty;
use common::*;

#[test]
fn appraise_two_items_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config");
    let db_s = db.to_str().unwrap();
    let mut t = Pty::spawn(
        &["--db", db_s, "--appraiser", "Nguyễn Thị Lan"],
        &config,
        100,
        30,
    );
    t.wait_for("Sở Nội vụ", 20);
    assert!(t.alternate_screen(), "the screens use the alternate screen");
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
    assert!(!t.alternate_screen(), "the alternate screen was left");
    assert!(!t.cursor_hidden(), "the cursor is shown again");
    assert!(t.cooked(), "raw mode is off");

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
        .query_row("SELECT COUNT(*) FROM audit WHERE unit = 'SNV'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(audits, 3, "two decisions and a comment");
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config");
    let mut t = Pty::spawn(
        &["--db", db.to_str().unwrap(), "--appraiser", "Lan"],
        &config,
        80,
        24,
    );
    t.wait_for("Sở Nội vụ", 20);
    let pid = t.child.process_id().unwrap();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid as i32),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    t.wait_exit(10);
    assert!(!t.alternate_screen());
    assert!(!t.cursor_hidden());
    assert!(t.cooked());
}

#[test]
fn a_panic_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config");
    let mut cmd_args = vec!["--db", db.to_str().unwrap(), "--appraiser", "Lan"];
    cmd_args.push("--lang");
    cmd_args.push("en");
    let mut t = Pty::spawn_with_env(
        &cmd_args,
        &config,
        80,
        24,
        &[("THAMDINH_TEST_PANIC_KEY", "1")],
    );
    t.wait_for("Sở Nội vụ", 20);
    t.send("\x1b[24~"); // F12
    let status = t.wait_exit(10);
    assert!(!status.success());
    assert!(!t.alternate_screen());
    assert!(!t.cursor_hidden());
    assert!(t.cooked());
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
