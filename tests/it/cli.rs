//! The real binary on real databases: init, imports, decide, rank, export.

use crate::common;
use common::*;

#[test]
fn init_loads_the_four_sets_with_the_spec_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    let out = ok(&db, &["--lang", "en", "init", "--year", "2022"]);
    assert!(out.contains("so-nganh (Sở, ban, ngành tỉnh): 8 fields / 63 criteria / 64 sub-criteria, 63 appraisal points + 37 survey points"), "{out}");
    assert!(out.contains("huyen (UBND cấp huyện): 8 fields / 65 criteria / 60 sub-criteria, 62 appraisal points + 38 survey points"), "{out}");
    assert!(out.contains("dvsn (Đơn vị sự nghiệp công lập tỉnh): 7 fields / 45 criteria / 14 sub-criteria, 61.5 appraisal points + 38.5 survey points"), "{out}");
    assert!(out.contains("trung-uong (Cơ quan Trung ương đóng trên địa bàn tỉnh): 7 fields / 37 criteria / 18 sub-criteria, 54 appraisal points + 46 survey points"), "{out}");
    // A second init changes nothing.
    let before = dump(&db);
    let again = ok(&db, &["--lang", "en", "init"]);
    assert!(again.contains("unchanged"));
    assert_eq!(dump(&db), before);
}

#[test]
fn the_demo_imports_and_ranks_with_the_spec_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let csv = ok(&db, &["rank", "--group", "so-nganh", "--format", "csv"]);
    let body = csv.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = body.lines();
    assert_eq!(
        lines.next().unwrap(),
        "group,rank,unit,unit_name,appraised,survey,total,max,index,band,previous_index,change,decided_items,total_items,previous_basis"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 21, "21 departments and offices");
    assert!(rows[0].starts_with("so-nganh,1,"));
    // The office of the National Assembly delegation is scored but not ranked.
    assert!(rows.iter().any(|r| r.starts_with("so-nganh,,VPDDBQH,")));
    let table = ok(&db, &["--lang", "en", "rank"]);
    for g in ["(so-nganh)", "(huyen)", "(dvsn)", "(trung-uong)"] {
        assert!(table.contains(g), "{table}");
    }
    assert!(
        table.contains("Province's previous index: 84.51 %"),
        "{table}"
    );
}

#[test]
fn a_final_ranking_is_refused_while_items_are_undecided() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let err = fails(&db, &["--lang", "en", "rank", "--group", "dvsn", "--final"]);
    assert!(
        err.contains("No final ranking for Đơn vị sự nghiệp công lập tỉnh (dvsn) yet:"),
        "{err}"
    );
    assert!(err.contains("items of 7 units are not decided"), "{err}");
}

#[test]
fn decide_records_the_decision_with_its_audit_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = ok(
        &db,
        &[
            "--appraiser",
            "Nguyễn Thị Lan",
            "decide",
            "SNV",
            "1.1.1",
            "agree",
        ],
    );
    assert!(out.starts_with("Đã ghi: SNV 1.1.1"), "{out}");
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "decide",
            "STP",
            "3.9",
            "0,25",
            "--comment",
            "Thiếu báo cáo quý IV",
        ],
    );
    assert!(out.contains("STP 3.9 → 0.25"), "{out}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, String, String, Option<i64>, String)> = conn
        .prepare(
            "SELECT unit, item, appraiser, new_score, comment FROM audit
             WHERE action NOT IN ('import', 'seal') ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, "SNV");
    // The appraiser given once is remembered for the next command.
    assert_eq!(rows[1].2, "Nguyễn Thị Lan");
    assert_eq!(rows[1].3, Some(25));
    assert_eq!(rows[1].4, "Thiếu báo cáo quý IV");
}

#[test]
fn decide_refuses_bad_scores_with_a_reason_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = dump(&db);
    let a = ["--lang", "en", "--appraiser", "Lan", "decide"];
    let err = fails(&db, &[&a[..], &["SNV", "1.1.1", "0.125"]].concat());
    assert!(err.contains("at most 2 decimal places"), "{err}");
    let err = fails(&db, &[&a[..], &["SNV", "1.1.1", "99"]].concat());
    assert!(
        err.contains("not one of the item's allowed scores") || err.contains("above the maximum"),
        "{err}"
    );
    let err = fails(&db, &[&a[..], &["SNV", "9.9.9", "1"]].concat());
    assert!(err.contains("has no item '9.9.9'"), "{err}");
    let err = fails(&db, &[&a[..], &["XYZ", "1.1.1", "1"]].concat());
    assert!(err.contains("no unit with code 'XYZ'"), "{err}");
    let err = fails(&db, &[&a[..], &["SNV", "1.1.1", "na"]].concat());
    assert!(err.contains("a comment saying why"), "{err}");
    assert_eq!(dump(&db), before);
}

#[test]
fn decide_without_an_appraiser_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let err = fails(&db, &["decide", "SNV", "1.1.1", "agree"]);
    assert!(err.contains("--appraiser"), "{err}");
}

#[test]
fn the_decisions_export_is_excel_safe() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    ok(
        &db,
        &[
            "--appraiser",
            "=cmd()",
            "decide",
            "SNV",
            "3.9",
            "0.01",
            "--comment",
            "=HYPERLINK(\"http://x\")",
        ],
    );
    let out = dir.path().join("decisions.csv");
    ok(
        &db,
        &[
            "export",
            "decisions",
            "--out",
            out.to_str().unwrap(),
            "--group",
            "so-nganh",
        ],
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "unit",
            "unit_name",
            "item",
            "item_title",
            "max",
            "self_score",
            "appraised_score",
            "difference",
            "state",
            "comment",
            "appraiser",
            "decided_at"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let snv = rows
        .iter()
        .find(|r| &r[0] == "SNV" && &r[2] == "3.9")
        .unwrap();
    assert_eq!(&snv[8], "adjusted");
    assert_eq!(&snv[9], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&snv[10], "'=cmd()");
    // The difference is a real negative number, not made inert.
    let diff: f64 = snv[7].parse().unwrap();
    assert!(diff < 0.0, "{}", &snv[7]);
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    // Every item of every department is there.
    assert_eq!(rows.iter().filter(|r| &r[0] == "SNV").count(), 101);
}

#[test]
fn the_ranking_export_writes_a_bom_and_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("ranking.csv");
    ok(&db, &["export", "ranking", "--out", out.to_str().unwrap()]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFgroup,rank,unit,unit_name,appraised,survey,total,max,index,band,previous_index,change,decided_items,total_items,previous_basis\r\n"));
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.lines().count(), 1 + 47, "a header and the 47 units");
}

#[test]
fn fields_are_assigned_to_an_appraiser() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let a = [
        "--lang",
        "en",
        "--appraiser",
        "Sở Tư pháp",
        "assign",
        "--group",
        "so-nganh",
    ];
    let out = ok(&db, &[&a[..], &["--fields", "2 3"]].concat());
    assert!(
        out.contains("Sở Tư pháp is assigned field(s) 2, 3 of group so-nganh"),
        "{out}"
    );
    let err = fails(&db, &[&a[..], &["--fields", "12"]].concat());
    assert!(
        err.contains("Group so-nganh has no field '12' (its fields: 1, 2, 3, 4, 5, 6, 7, 8)"),
        "{err}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM assignments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
    ok(&db, &a);
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM assignments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "no fields takes the assignment back");
}

#[test]
fn the_database_can_come_from_thamdinh_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.sqlite");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(["--lang", "en", "init", "--year", "2022"])
        .env("THAMDINH_DB", &db)
        .env("THAMDINH_CONFIG_DIR", dir.path().join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("from-env.sqlite"));
    assert!(db.exists());
}

#[test]
fn errors_are_sentences_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    let err = fails(
        &db,
        &["--lang", "en", "import", "units", "/no/such/file.csv"],
    );
    assert!(
        err.contains("/no/such/file.csv: the file cannot be read"),
        "{err}"
    );
    let err = fails(&db, &["--lang", "en", "rank"]);
    assert!(
        err.contains("has no criteria sets for 2022: run 'thamdinh init --year 2022' first"),
        "{err}"
    );
    std::fs::write(&db, b"this is not a database").unwrap();
    let err = fails(&db, &["--lang", "en", "rank"]);
    assert!(
        err.contains("t.sqlite is not a thamdinh database: it is not an SQLite database file"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), b"this is not a database");
}

/// The files a database at `db` would leave: the file, its WAL and shared memory.
fn database_files(db: &std::path::Path) -> Vec<std::path::PathBuf> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|end| {
            let mut p = db.as_os_str().to_owned();
            p.push(end);
            std::path::PathBuf::from(p)
        })
        .filter(|p| p.exists())
        .collect()
}

#[test]
fn a_command_that_only_reads_creates_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("council");
    let db = sub.join("new.sqlite");
    let out = dir.path().join("out.csv");
    let out = out.to_str().unwrap();
    let shown = db.display().to_string();
    let reads: [&[&str]; 6] = [
        &["rank"],
        &["rank", "--final", "--format", "csv"],
        &["export", "decisions", "--out", out],
        &["export", "decisions", "--final", "--out", out],
        &["export", "ranking", "--group", "dvsn", "--out", out],
        // No command: the screens, which refuse before touching the terminal.
        &[],
    ];
    for args in reads {
        let err = fails(&db, args);
        assert_eq!(
            err.trim_end(),
            format!(
                "Không có cơ sở dữ liệu ở {shown}; chưa tạo gì. Hãy tạo bằng «thamdinh --db {shown} init --year 2022» (nạp bộ chỉ số năm 2022), hoặc dựng dữ liệu mẫu bằng «thamdinh --db {shown} demo»."
            ),
            "{args:?}"
        );
        assert_eq!(
            database_files(&db),
            Vec::<std::path::PathBuf>::new(),
            "{args:?}"
        );
        assert!(!sub.exists(), "{args:?} created the folder");
        assert!(!std::path::Path::new(out).exists(), "{args:?} wrote {out}");
    }
    let err = fails(&db, &["--lang", "en", "--year", "2021", "rank"]);
    assert_eq!(
        err.trim_end(),
        format!(
            "There is no database at {shown}; nothing was created. Make one with 'thamdinh --db {shown} init --year 2021' (loads the criteria sets of 2021), or build the demo with 'thamdinh --db {shown} demo'."
        )
    );
    assert!(!sub.exists());

    // The same through THAMDINH_DB, and with a space in the path (quoted in the commands).
    let spaced = dir.path().join("hội đồng.sqlite");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(["--lang", "en", "rank"])
        .env("THAMDINH_DB", &spaced)
        .env("THAMDINH_CONFIG_DIR", dir.path().join("config"))
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "Make one with 'thamdinh --db \"{}\" init --year 2022'",
            spaced.display()
        )),
        "{err}"
    );
    assert_eq!(database_files(&spaced), Vec::<std::path::PathBuf>::new());

    // A command that writes still creates the database (and its folder).
    ok(&db, &["init", "--year", "2022"]);
    assert!(db.exists());
}

#[test]
fn a_comment_or_an_appraiser_may_start_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            "-Lan",
            "decide",
            "SNV",
            "3.9",
            "0.5",
            "--comment",
            "- Thiếu báo cáo quý IV",
        ],
    );
    assert!(out.contains("SNV 3.9 → 0.5"), "{out}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (who, comment): (String, String) = conn
        .query_row(
            "SELECT appraiser, comment FROM audit WHERE action = 'decide'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (who.as_str(), comment.as_str()),
        ("-Lan", "- Thiếu báo cáo quý IV")
    );
}

#[test]
fn init_for_a_year_without_built_in_sets_says_what_to_run_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    let p = db.display();
    let err = fails(&db, &["init", "--year", "2023"]);
    assert_eq!(
        err.trim_end(),
        format!(
            "Không có bộ chỉ số mẫu cho năm 2023 (thamdinh chỉ có sẵn bộ chỉ số năm 2022); chưa ghi gì. Nếu cơ sở dữ liệu đã có năm 2022, hãy tạo năm 2023 từ năm đó (chép bộ chỉ số và danh sách đơn vị, chưa có điểm nào):
  thamdinh --db {p} new-year 2023 --from 2022
Hoặc nạp bộ chỉ số năm 2023 của từng nhóm, từ một tệp TOML:
  thamdinh --db {p} --year 2023 import criteria TỆP.toml
hoặc từ một cây tiêu chí CSV (cột code,title,max,options,guidance,not_applicable_for):
  thamdinh --db {p} --year 2023 import criteria TỆP.csv --group NHÓM --name \"Tên nhóm\" --survey-max ĐIỂM [--bands \"A:90,B:80,C:70,D:0\"]
Có thể chép các bộ năm 2022 trong data/criteria/2022/ của mã nguồn thamdinh (so-nganh.toml, huyen.toml, dvsn.toml, trung-uong.toml) làm bản khởi đầu, nhớ sửa «year = 2022» thành «year = 2023»."
        )
    );
    assert_eq!(database_files(&db), Vec::<std::path::PathBuf>::new());
    let err = fails(&db, &["--lang", "en", "init", "--year", "2023"]);
    assert_eq!(
        err.trim_end(),
        format!(
            "There are no built-in criteria sets for 2023 (thamdinh comes with the sets of 2022 only); nothing was written. If the database holds 2022, create 2023 from it (its criteria sets and units copied, no scores yet):
  thamdinh --db {p} new-year 2023 --from 2022
Or import the 2023 set of each group, from a TOML file:
  thamdinh --db {p} --year 2023 import criteria FILE.toml
or from a criteria tree in CSV (columns code,title,max,options,guidance,not_applicable_for):
  thamdinh --db {p} --year 2023 import criteria FILE.csv --group GROUP --name \"Group name\" --survey-max POINTS [--bands \"A:90,B:80,C:70,D:0\"]
The 2022 sets in thamdinh's source, data/criteria/2022/ (so-nganh.toml, huyen.toml, dvsn.toml, trung-uong.toml), can be copied as a starting point, with 'year = 2022' changed to 'year = 2023'."
        )
    );
    assert_eq!(database_files(&db), Vec::<std::path::PathBuf>::new());

    // On an existing database nothing changes either.
    ok(&db, &["init", "--year", "2022"]);
    let before = dump(&db);
    fails(&db, &["init", "--year", "2023"]);
    assert_eq!(dump(&db), before);

    // What the sentence says to run works: a 2022 set copied with its year changed, and a tree.
    let toml = std::fs::read_to_string(root().join("data/criteria/2022/dvsn.toml")).unwrap();
    assert!(toml.contains("\nyear = 2022\n"));
    let toml = write(
        dir.path(),
        "dvsn.toml",
        toml.replace("\nyear = 2022\n", "\nyear = 2023\n"),
    );
    let out = ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "criteria",
            toml.to_str().unwrap(),
        ],
    );
    assert!(out.starts_with("Đã nạp bộ chỉ số dvsn năm 2023"), "{out}");
    let tree = write(dir.path(), "xa.csv", SMALL_TREE);
    let out = ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "criteria",
            tree.to_str().unwrap(),
            "--group",
            "xa",
            "--name",
            "UBND cấp xã",
            "--survey-max",
            "10",
        ],
    );
    assert!(out.starts_with("Đã nạp bộ chỉ số xa năm 2023"), "{out}");
    // A plain `init` now takes the newest year, 2023, which has no built-in sets either.
    let err = fails(&db, &["--lang", "en", "init"]);
    assert!(
        err.starts_with("There are no built-in criteria sets for 2023"),
        "{err}"
    );
}

/// A criteria tree of two fields and four items (10 points), for quick whole-year tests.
const SMALL_TREE: &str = "code,title,max,options,guidance,not_applicable_for
1,Công tác chỉ đạo,4,,,
1.1,Kế hoạch năm,2,Đúng hạn=2; Trễ hạn=1; Không có=0,,
1.2,Báo cáo quý,2,,,
2,Thủ tục hành chính,6,,,
2.1,Công khai thủ tục,3,,,
2.2,Hồ sơ trực tuyến,3,,,
";

/// A 2023 database with SMALL_TREE as group `xa` and two communes with self scores.
fn small_db(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("xa.sqlite");
    let tree = write(dir, "xa.csv", SMALL_TREE);
    ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "criteria",
            tree.to_str().unwrap(),
            "--group",
            "xa",
            "--name",
            "UBND cấp xã",
            "--survey-max",
            "10",
        ],
    );
    let units = write(
        dir,
        "units.csv",
        "code,name,group\nXA1,UBND xã Một,xa\nXA2,UBND xã Hai,xa\n",
    );
    ok(&db, &["import", "units", units.to_str().unwrap()]);
    let mut scores = String::from("unit,item,score,note,evidence\n");
    for unit in ["XA1", "XA2"] {
        for (item, score) in [("1.1", "2"), ("1.2", "1.5"), ("2.1", "3"), ("2.2", "2")] {
            scores.push_str(&format!("{unit},{item},{score},,\n"));
        }
    }
    let scores = write(dir, "self_scores.csv", scores);
    ok(&db, &["import", "self-scores", scores.to_str().unwrap()]);
    db
}

#[test]
fn a_final_decisions_export_is_refused_until_every_item_is_decided() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("final.csv");
    let o = out.to_str().unwrap();
    let before = dump(&db);
    let err = fails(
        &db,
        &[
            "export",
            "decisions",
            "--final",
            "--out",
            o,
            "--group",
            "dvsn",
        ],
    );
    assert_eq!(
        err.trim_end(),
        "Chưa xuất được bảng quyết định chính thức nhóm dvsn: còn 361 tiêu chí của 7 đơn vị chưa thẩm định xong; chưa ghi tệp nào. Bỏ --final để xuất các quyết định hiện có."
    );
    let err = fails(
        &db,
        &["--lang", "en", "export", "decisions", "--final", "--out", o],
    );
    assert_eq!(
        err.trim_end(),
        "No final decisions export yet: 3947 items of 47 units are not decided (group so-nganh: 2110 items of 21 units; group huyen: 1110 items of 11 units; group dvsn: 361 items of 7 units; group trung-uong: 366 items of 8 units); no file was written. Leave out --final to export the decisions as they stand."
    );
    assert!(!out.exists());
    assert_eq!(dump(&db), before);
    // The same count as the final ranking's.
    let err = fails(&db, &["--lang", "en", "rank", "--final", "--group", "dvsn"]);
    assert!(
        err.contains("361 items of 7 units are not decided"),
        "{err}"
    );

    // A small year decided item by item: refused while one item awaits an explanation.
    let db = small_db(dir.path());
    let mut batch = String::new();
    for unit in ["XA1", "XA2"] {
        for item in ["1.1", "1.2", "2.1", "2.2"] {
            batch.push_str(&format!("{unit} {item} agree\n"));
        }
    }
    batch.push_str("XA2 2.2 1 Chỉ 50 % hồ sơ trực tuyến\nXA1 1.2 flag\n");
    let batch = write(dir.path(), "batch.txt", batch);
    let acks = ok(
        &db,
        &[
            "--appraiser",
            "Lan",
            "decide",
            "--batch",
            batch.to_str().unwrap(),
        ],
    );
    assert_eq!(acks.lines().count(), 10, "{acks}");
    let err = fails(&db, &["export", "decisions", "--final", "--out", o]);
    assert_eq!(
        err.trim_end(),
        "Chưa xuất được bảng quyết định chính thức: còn 1 tiêu chí của 1 đơn vị chưa thẩm định xong (nhóm xa: 1 tiêu chí của 1 đơn vị); chưa ghi tệp nào. Bỏ --final để xuất các quyết định hiện có."
    );
    assert!(!out.exists());
    // Without --final the decisions export as they stand.
    let msg = ok(&db, &["--lang", "en", "export", "decisions", "--out", o]);
    assert_eq!(msg.trim_end(), format!("Exported 8 decision lines to {o}."));
    std::fs::remove_file(&out).unwrap();

    // Once the explanation is decided, the final export is the complete record.
    ok(&db, &["decide", "XA1", "1.2", "1,5"]);
    let msg = ok(&db, &["export", "decisions", "--final", "--out", o]);
    assert_eq!(
        msg.trim_end(),
        format!("Đã xuất 8 dòng quyết định chính thức (mọi tiêu chí đã thẩm định xong) ra {o}.")
    );
    let msg = ok(
        &db,
        &[
            "--lang",
            "en",
            "export",
            "decisions",
            "--final",
            "--group",
            "xa",
            "--out",
            o,
        ],
    );
    assert_eq!(
        msg.trim_end(),
        format!("Exported 8 final decision lines (every item decided) to {o}.")
    );
    let bytes = std::fs::read(&out).unwrap();
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8);
    let states: Vec<(&str, &str, &str, &str)> =
        rows.iter().map(|r| (&r[0], &r[2], &r[6], &r[8])).collect();
    assert!(
        states.contains(&("XA2", "2.2", "1", "adjusted")),
        "{states:?}"
    );
    assert!(
        states.contains(&("XA1", "1.2", "1.5", "agreed")),
        "{states:?}"
    );
    assert!(
        states.iter().all(|s| s.3 == "agreed" || s.3 == "adjusted"),
        "{states:?}"
    );
}

#[test]
fn a_tree_imported_as_csv_keeps_its_short_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let tree = write(
        dir.path(),
        "tree.csv",
        "code,title,max\n1,Chỉ đạo,2\n1.1,Kế hoạch,1\n1.2,Báo cáo,1\n",
    );
    let import = |group: &str, short: Option<&str>| {
        let mut args = vec![
            "import",
            "criteria",
            tree.to_str().unwrap(),
            "--group",
            group,
            "--name",
            "Ủy ban nhân dân cấp xã",
            "--survey-max",
            "1",
        ];
        if let Some(s) = short {
            args.extend(["--short-name", s]);
        }
        ok(&db, &args);
    };
    import("xa", Some(" Cấp xã "));
    import("xa-khac", None);
    let store = thamdinh::store::Store::open(&db).unwrap();
    let with = store.load_set(2022, "xa").unwrap();
    assert_eq!(with.short_name.as_deref(), Some("Cấp xã"));
    let without = store.load_set(2022, "xa-khac").unwrap();
    assert_eq!(without.short_name, None);
    assert_eq!(
        store
            .load_set(2022, "so-nganh")
            .unwrap()
            .short_name
            .as_deref(),
        Some("Sở, ban, ngành"),
        "the built-in sets have theirs"
    );
}

/// A reader that stops early (`thamdinh rank | head -1`) closes the pipe: every printing
/// command stops quietly, with no panic and no error.
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    for args in [
        &["rank"][..],
        &["rank", "--format", "csv"],
        &["history"],
        &["analyze", "fields"],
        &["plan", "SNV"],
        &["verify"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("THAMDINH_CONFIG_DIR", dir.path().join("config"))
            .env_remove("THAMDINH_DB")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reading end closes before the command writes its first line.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// A province's tree as a secretary would save it from its annex: a header block (group, name,
/// survey maximum, bands, the decision) above a table with Vietnamese column heads.
const ANNEX_TREE: &str = "Nhóm,xa
Tên nhóm,\"UBND xã, phường\"
Điểm điều tra xã hội học,10
Xếp loại,soc-trang
Quyết định,1941/QĐ-UBND
Ngày,07/8/2023
Cơ quan ban hành,Ủy ban nhân dân tỉnh Sóc Trăng

Mã,Tiêu chí,Điểm tối đa,Các mức điểm,Hướng dẫn chấm,Không áp dụng cho
1,Công tác chỉ đạo,4,,,
1.1,Kế hoạch năm,2,Đúng hạn=2; Trễ hạn=1; Không có=0,,
1.2,Báo cáo quý,2,,,
2,Thủ tục hành chính,6,,,
2.1,Công khai thủ tục,3,,,
2.2,Hồ sơ trực tuyến,3,,,
";

#[test]
fn a_tree_with_its_header_block_imports_without_flags_and_names_its_decision() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    let tree = write(dir.path(), "xa.csv", ANNEX_TREE);
    let out = ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "criteria",
            tree.to_str().unwrap(),
        ],
    );
    assert!(out.starts_with("Đã nạp bộ chỉ số xa năm 2023"), "{out}");
    assert!(
        out.contains(
            "Ban hành theo Quyết định số 1941/QĐ-UBND ngày 07/8/2023 của Ủy ban nhân dân tỉnh Sóc Trăng."
        ),
        "{out}"
    );
    let store = thamdinh::store::Store::open(&db).unwrap();
    let set = store.load_set(2023, "xa").unwrap();
    assert_eq!(set.name, "UBND xã, phường");
    assert_eq!(set.bands, thamdinh::domain::criteria::Band::soc_trang());
    assert!(!set.source.is_illustrative());
    assert_eq!(set.survey_max, thamdinh::domain::Points::from_int(10));

    // A bad cell of the table is pointed at on its line of the file, header block counted.
    let bad = write(
        dir.path(),
        "xa-sai.csv",
        ANNEX_TREE.replace("1.2,Báo cáo quý,2,", "1.2,Báo cáo quý,hai,"),
    );
    let err = fails(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "criteria",
            bad.to_str().unwrap(),
        ],
    );
    assert!(err.contains("xa-sai.csv:12:3"), "{err}");
    // A decision without its issuer is refused.
    let half = write(
        dir.path(),
        "xa-thieu.csv",
        ANNEX_TREE.replace("Cơ quan ban hành,Ủy ban nhân dân tỉnh Sóc Trăng\n", ""),
    );
    let err = fails(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "criteria",
            half.to_str().unwrap(),
        ],
    );
    assert!(err.contains("số, ngày và cơ quan ban hành"), "{err}");
}
