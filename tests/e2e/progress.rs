//! Long commands show their progress on stderr at a terminal, and nothing when stderr is a
//! pipe or a file. `THAMDINH_PROGRESS_AFTER_MS=0` shows it at once (it normally waits a
//! second), so that the demo's quick commands show it too.

use crate::common;

use common::pty::Pty;
use common::*;
use std::process::Command;

/// The long commands on the demo database (the output folder inside `dir`).
fn long_commands(dir: &std::path::Path) -> Vec<Vec<String>> {
    let out = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        s(&[
            "import",
            "self-scores",
            demo_file("self_scores.csv").to_str().unwrap(),
        ]),
        s(&["export", "workbook", "--out", &out("book.xlsx")]),
        s(&["export", "notices", "--out", &out("notices")]),
        s(&["verify"]),
    ]
}

#[test]
fn long_commands_print_no_progress_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    for lang in ["vi", "en"] {
        for args in long_commands(dir.path()) {
            let out = Command::new(env!("CARGO_BIN_EXE_thamdinh"))
                .arg("--db")
                .arg(&db)
                .args(["--lang", lang])
                .args(&args)
                .env("THAMDINH_CONFIG_DIR", dir.path().join("config"))
                .env("THAMDINH_PROGRESS_AFTER_MS", "0")
                .env_remove("THAMDINH_DB")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{args:?}: {stderr}");
            assert_eq!(stderr, "", "{args:?} wrote to a piped stderr");
            assert!(!out.stdout.is_empty(), "{args:?} printed its result");
        }
    }
}

#[test]
fn at_a_terminal_long_commands_show_their_progress_then_clear_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let db_s = db.to_str().unwrap();
    let config = dir.path().join("config");
    let commands = long_commands(dir.path());
    let cases = [
        (
            "vi",
            vec!["verify"],
            "Kiểm tra nhật ký thẩm định",
            "dòng nhật ký",
        ),
        ("en", vec!["verify"], "Checking the audit log", "log rows"),
        (
            "vi",
            commands[2].iter().map(String::as_str).collect(),
            "Viết thông báo cho từng đơn vị",
            "đơn vị",
        ),
    ];
    for (lang, args, stage, unit) in cases {
        let mut all = vec!["--db", db_s, "--lang", lang];
        all.extend(args.iter().copied());
        let mut t = Pty::spawn_with_env(
            &all,
            &config,
            100,
            30,
            &[("THAMDINH_PROGRESS_AFTER_MS", "0")],
        );
        let status = t.wait_exit(60);
        assert!(status.success(), "{args:?}: {}", t.screen());
        let raw = String::from_utf8_lossy(&t.raw.lock().unwrap()).into_owned();
        assert!(
            raw.contains(stage),
            "{args:?}: {stage:?} never drawn: {raw:?}"
        );
        assert!(
            raw.contains(unit),
            "{args:?}: {unit:?} never drawn: {raw:?}"
        );
        let screen = t.screen();
        assert!(
            !screen.contains(stage),
            "{args:?}: the progress line stays on screen:\n{screen}"
        );
        assert!(screen.trim().lines().count() >= 1, "the result is printed");
    }
}
