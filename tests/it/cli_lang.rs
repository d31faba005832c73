//! The command line speaks the user's language: help, usage lines and clap's own errors are
//! Vietnamese by default and English with `--lang en`, wherever `--lang` is given.

use crate::common;
use common::*;

/// Runs the binary (on a database path that is never created); (exit code, stdout, stderr).
fn thamdinh(args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    let out = run(&db, args);
    assert!(!db.exists(), "{args:?} created the database");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// clap's own English wording, which must not reach a Vietnamese user.
const CLAP_ENGLISH: [&str; 9] = [
    "error:",
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print help",
    "For more information",
    "[OPTIONS]",
    "possible values",
];

fn assert_vietnamese(text: &str) {
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "{word:?} in:\n{text}");
    }
}

#[test]
fn help_is_vietnamese_by_default() {
    let (code, out, err) = thamdinh(&["--help"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("\nCách dùng: thamdinh [TÙY_CHỌN] [LỆNH]\n"),
        "{out}"
    );
    assert!(out.contains("\nLệnh:\n"), "{out}");
    assert!(out.contains("\nTùy chọn:\n"), "{out}");
    assert!(
        out.contains("rank       In bảng xếp hạng (tạm tính, trừ khi có --final)"),
        "{out}"
    );
    assert!(
        out.contains("--lang <vi|en>        Ngôn ngữ giao diện: vi (mặc định) hoặc en"),
        "{out}"
    );
    assert!(
        out.contains("-h, --help                In hướng dẫn này"),
        "{out}"
    );
    assert!(
        out.contains("In English: thamdinh --lang en --help."),
        "{out}"
    );
    assert!(
        !out.contains("\n  help "),
        "no English-only help subcommand: {out}"
    );
    assert_vietnamese(&out);
    // -h and `help` say the same.
    assert_eq!(thamdinh(&["-h"]).1, out);
    assert_eq!(thamdinh(&["help"]).1, out);

    let (code, out, _) = thamdinh(&["rank", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("In bảng xếp hạng (tạm tính, trừ khi có --final)\n"),
        "{out}"
    );
    assert!(
        out.contains("\nCách dùng: thamdinh rank [TÙY_CHỌN]\n"),
        "{out}"
    );
    assert!(
        out.contains("--format <table|csv>  Dạng in: table (bảng, mặc định) hoặc csv"),
        "{out}"
    );
    assert!(
        out.contains("--final               Xếp hạng chính thức: cần mọi tiêu chí đã thẩm định xong và đủ điểm điều tra"),
        "{out}"
    );
    assert_vietnamese(&out);
    assert_eq!(thamdinh(&["help", "rank"]).1, out);

    let (_, out, _) = thamdinh(&["import", "criteria", "--help"]);
    assert!(
        out.contains("\nCách dùng: thamdinh import criteria [TÙY_CHỌN] <TỆP>\n"),
        "{out}"
    );
    assert!(
        out.contains("\nĐối số:\n  <TỆP>  Tệp .toml, hoặc .csv"),
        "{out}"
    );
    assert!(
        out.contains("--survey-max <ĐIỂM>      Điểm điều tra xã hội học tối đa của nhóm"),
        "{out}"
    );
    assert_vietnamese(&out);
}

#[test]
fn help_is_english_with_lang_en_wherever_it_is_given() {
    for args in [
        &["--lang", "en", "--help"][..],
        &["--help", "--lang", "en"],
        &["--lang=en", "--help"],
        &["-h", "--lang", "EN"],
        &["--lang", "en", "help"],
    ] {
        let (code, out, err) = thamdinh(args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        assert!(
            out.contains("\nUsage: thamdinh [OPTIONS] [COMMAND]\n"),
            "{args:?}: {out}"
        );
        assert!(out.contains("\nCommands:\n"), "{out}");
        assert!(
            out.ends_with("\nThe help of each command: thamdinh COMMAND --help --lang en.\n"),
            "{out}"
        );
        assert!(
            out.contains("rank       Print the ranking (provisional unless --final)"),
            "{out}"
        );
        assert!(
            out.contains("-h, --help              Print this help"),
            "{out}"
        );
        assert!(!out.contains("Cách dùng"), "{out}");
    }
    for args in [
        &["rank", "--help", "--lang", "en"][..],
        &["--lang", "en", "rank", "--help"],
        &["rank", "--lang=en", "-h"],
        &["--lang", "en", "help", "rank"],
    ] {
        let (code, out, _) = thamdinh(args);
        assert_eq!(code, 0, "{args:?}");
        assert!(
            out.starts_with("Print the ranking (provisional unless --final)\n"),
            "{out}"
        );
        assert!(out.contains("\nUsage: thamdinh rank [OPTIONS]\n"), "{out}");
        assert!(
            out.contains("--final               The final ranking: every item decided and every survey score in"),
            "{args:?}: {out}"
        );
    }
}

#[test]
fn an_unknown_flag_is_a_vietnamese_sentence_with_exit_code_2() {
    let (code, out, err) = thamdinh(&["rank", "--fromat", "csv"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "Lệnh «thamdinh rank» không có tùy chọn «--fromat». Có phải ý bạn là «--format»?\n\
         Cách dùng: thamdinh rank [TÙY_CHỌN]\n\
         Xem hướng dẫn: thamdinh rank --help\n"
    );
    let (code, _, err) = thamdinh(&["--foo"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("Lệnh «thamdinh» không có tùy chọn «--foo».\n"),
        "{err}"
    );
    assert_vietnamese(&err);
    let (code, _, err) = thamdinh(&["--lang", "en", "rank", "--fromat", "csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "'thamdinh rank' has no option '--fromat'. Did you mean '--format'?\n\
         Usage: thamdinh rank [OPTIONS]\n\
         See the help: thamdinh rank --help --lang en\n"
    );
}

#[test]
fn every_kind_of_usage_error_is_a_sentence_in_the_language() {
    let vi: [(&[&str], &str); 11] = [
        (
            &["rnak"],
            "Không có lệnh «rnak»; các lệnh: demo, init, import, decide, rank, export, close, assign, reopen, new-year, previous, publish, unpublish, council, history, verify, analyze, plan. Có phải ý bạn là «rank»?",
        ),
        (
            &["import", "unit", "u.csv"],
            "Lệnh «thamdinh import» không có lệnh con «unit»; các lệnh con: units, self-scores, survey, explanations, history, field-history, criteria. Có phải ý bạn là «units»?",
        ),
        (
            &["rank", "--format", "xml"],
            "«xml» không phải giá trị của «--format»; chọn một trong: table, csv.",
        ),
        (
            &["--year", "hai nghìn", "rank"],
            "«hai nghìn» không phải giá trị hợp lệ của «--year» (cần một năm, ví dụ 2022).",
        ),
        (
            &["export", "ranking"],
            "Lệnh «thamdinh export» còn thiếu: --out <TỆP>.",
        ),
        (
            &["decide", "SNV"],
            "Lệnh «thamdinh decide» còn thiếu: <TIÊU_CHÍ>, <ĐIỂM|agree|na|flag>.",
        ),
        (&["export", "ranking", "--out"], "«--out» cần một giá trị."),
        (
            &["rank", "thừa"],
            "Thừa «thừa»: lệnh «thamdinh rank» không nhận thêm đối số này.",
        ),
        (
            &["decide", "--batch", "d.txt", "SNV"],
            "Không dùng «--batch» cùng với «ĐƠN_VỊ».",
        ),
        (
            &["rank", "--final=có"],
            "«--final» không nhận giá trị «có».",
        ),
        (
            &["rank", "--lang", "vi", "--lang", "vi"],
            "«--lang» chỉ được dùng một lần.",
        ),
    ];
    for (args, sentence) in vi {
        let (code, out, err) = thamdinh(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert_eq!(err.lines().next(), Some(sentence), "{args:?}");
        assert!(err.contains("\nCách dùng: thamdinh"), "{err}");
        assert!(err.contains("\nXem hướng dẫn: thamdinh"), "{err}");
        assert_vietnamese(&err);
    }
    let en: [(&[&str], &str); 3] = [
        (
            &["rnak"],
            "There is no command 'rnak'; the commands: demo, init, import, decide, rank, export, close, assign, reopen, new-year, previous, publish, unpublish, council, history, verify, analyze, plan. Did you mean 'rank'?",
        ),
        (
            &["export", "ranking"],
            "'thamdinh export' is missing: --out <FILE>.",
        ),
        (
            &["rank", "--format", "xml"],
            "'xml' is not a value of '--format'; choose one of: table, csv.",
        ),
    ];
    for (args, sentence) in en {
        let args = [&["--lang", "en"][..], args].concat();
        let (code, _, err) = thamdinh(&args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(err.lines().next(), Some(sentence), "{args:?}");
        assert!(!err.contains("error:"), "{err}");
    }
    // A subcommand is missing: the help of the command, in the language, and exit code 2.
    let (code, _, err) = thamdinh(&["import"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\nCách dùng: thamdinh import [TÙY_CHỌN] <LỆNH>\n"),
        "{err}"
    );
    assert_vietnamese(&err);
}

#[test]
fn an_unknown_language_is_said_in_both_languages() {
    for args in [&["--lang", "fr", "rank"][..], &["--help", "--lang=fr"]] {
        let (code, out, err) = thamdinh(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert_eq!(
            err,
            "Không có ngôn ngữ «fr»: dùng --lang vi hoặc --lang en.\n\
             There is no language 'fr': use --lang vi or --lang en.\n"
        );
    }
}

#[test]
fn the_version_is_printed() {
    let (code, out, _) = thamdinh(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out, format!("thamdinh {}\n", env!("CARGO_PKG_VERSION")));
    assert_eq!(thamdinh(&["-V", "--lang", "en"]).1, out);
}

/// What the operating system says reaches the user in their language (issue 19): a missing
/// file, a path through a file, a folder where a file is expected, an export into a missing
/// folder — never "(os error N)" or the system's English in a Vietnamese sentence.
#[test]
fn operating_system_errors_are_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("units.csv");
    std::fs::write(&file, "code,name,group\n").unwrap();
    let missing = dir.path().join("không-có.csv");
    let through = file.join("x.csv");
    let folder = dir.path().to_path_buf();
    let nowhere = dir.path().join("không-có-thư-mục").join("xh.csv");
    let p = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let cases: [(Vec<String>, &str, &str); 3] = [
        (
            vec!["import".into(), "units".into(), p(&missing)],
            "không có tệp hay thư mục này",
            "no such file or folder",
        ),
        (
            vec!["import".into(), "units".into(), p(&through)],
            "một phần của đường dẫn là tệp, không phải thư mục",
            "part of the path is a file, not a folder",
        ),
        (
            vec![
                "export".into(),
                "ranking".into(),
                "--out".into(),
                p(&nowhere),
            ],
            "không có tệp hay thư mục này",
            "no such file or folder",
        ),
    ];
    for (args, vi, en) in cases {
        for (lang, expect) in [("vi", vi), ("en", en)] {
            let mut all = vec!["--lang", lang];
            all.extend(args.iter().map(String::as_str));
            let err = fails(&db, &all);
            assert!(err.contains(expect), "{all:?}: {err}");
            for raw in [
                "os error",
                "No such file",
                "Not a directory",
                "Is a directory",
            ] {
                assert!(!err.contains(raw), "{all:?}: {raw:?} in {err}");
            }
        }
    }
    // A folder given as a file keeps its own sentence.
    let err = fails(&db, &["import", "units", &p(&folder)]);
    assert!(!err.contains("os error"), "{err}");
}
