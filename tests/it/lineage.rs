//! Units that change between years, on the real binary and a real file: 2024 published, 2025
//! made with a changes file (a rename, a three-into-one merger, a one-into-two split,
//! ended units, an ended group and a new group), every unit's previous index by the rule, a
//! council's figure with its reason in the ledger, a refused changes file that writes nothing,
//! and the merged unit's history with its predecessors' lines.

use crate::common;
use crate::years::{decide_everything, ranking};
use common::*;
use std::collections::HashMap;
use std::path::Path;

const WHO: &str = "Nguyễn Thị Lan";

const DISTRICTS: [&str; 11] = [
    "TPST", "TXVC", "TXNN", "HCT", "HCLD", "HKS", "HLP", "HMT", "HMX", "HTT", "HTD",
];

fn changes_csv() -> String {
    let mut s = String::from("from,to,kind,name,group,note\n");
    s.push_str("SKHDT,STC,merge,,,Sở Kế hoạch và Đầu tư vào Sở Tài chính\n");
    s.push_str("STC,STC,merge,,,\n");
    s.push_str("STNMT,SNNMT,merge,Sở Nông nghiệp và Môi trường,,\n");
    s.push_str("SNNPTNT,SNNMT,merge,,,\n");
    s.push_str("SGTVT,SNNMT,merge,,,\n");
    s.push_str("SYT,SYT,split,,,\n");
    s.push_str("SYT,BATTP,split,Ban Quản lý An toàn thực phẩm,,\n");
    s.push_str("BDT,SDTTG,rename,Sở Dân tộc và Tôn giáo,,\n");
    s.push_str("BQLKCN,,end,,,\n");
    for d in DISTRICTS {
        s.push_str(&format!("{d},,end,,,cấp huyện kết thúc\n"));
    }
    s.push_str(",XP01,new,Phường 1,xa-phuong,\n");
    s.push_str(",XP02,new,Xã An Hiệp,xa-phuong,\n");
    s.push_str(",XP03,new,Xã Kế An,xa-phuong,\n");
    s
}

/// The commune/ward group's set: the district set's tree under another group.
fn commune_set(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/criteria/2022/huyen.toml"),
    )
    .unwrap()
    .replace("group = \"huyen\"", "group = \"xa-phuong\"")
    .replace("name = \"UBND cấp huyện\"", "name = \"UBND cấp xã\"")
    .replace(
        "short_name = \"UBND cấp huyện\"",
        "short_name = \"UBND cấp xã\"",
    );
    write(dir, "xa-phuong.toml", text)
}

fn hundredths(s: &str) -> i64 {
    let (a, b) = s.split_once('.').unwrap();
    a.parse::<i64>().unwrap() * 100 + b.parse::<i64>().unwrap()
}

fn shown(h: i64) -> String {
    format!("{}.{:02}", h / 100, h % 100)
}

fn mean(values: &[i64]) -> i64 {
    let n = values.len() as i64;
    let sum: i64 = values.iter().sum();
    (2 * sum + n) / (2 * n)
}

/// The demo's units, self scores, survey and history as the year 2024 (the built-in sets read
/// as 2024's), every item decided, and 2024 published.
fn published_2024(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("t.sqlite");
    for set in ["so-nganh", "huyen", "dvsn", "trung-uong"] {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/criteria/2022/{set}.toml")),
        )
        .unwrap()
        .replace("\nyear = 2022\n", "\nyear = 2024\n");
        let file = write(dir, &format!("{set}-2024.toml"), text);
        ok(
            &db,
            &[
                "--year",
                "2024",
                "import",
                "criteria",
                file.to_str().unwrap(),
            ],
        );
    }
    for (kind, file) in [
        ("units", "units.csv"),
        ("self-scores", "self_scores.csv"),
        ("survey", "survey.csv"),
        ("history", "history.csv"),
    ] {
        ok(
            &db,
            &[
                "--year",
                "2024",
                "import",
                kind,
                demo_file(file).to_str().unwrap(),
            ],
        );
    }
    decide_everything(&db, "2024", None);
    ok(
        &db,
        &[
            "--year",
            "2024",
            "--appraiser",
            WHO,
            "publish",
            "--comment",
            "QĐ 25/QĐ-UBND",
        ],
    );
    db
}

/// What the changes file says each unit of the new year is compared with, worked out here
/// from the file's rows: (unit → the units whose indexes it takes, and how).
fn expected_rule(changes: &str) -> HashMap<String, (String, Vec<String>)> {
    let mut out: HashMap<String, (String, Vec<String>)> = HashMap::new();
    for line in changes.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let (from, to, kind) = (cells[0], cells[1], cells[2]);
        if to.is_empty() {
            continue;
        }
        let e = out
            .entry(to.to_string())
            .or_insert_with(|| (kind.to_string(), Vec::new()));
        if !from.is_empty() {
            e.1.push(from.to_string());
        }
    }
    out
}

/// The demo's 2022 decided and published, then 2023 made with the changes above: for the
/// screens' tests.
pub(crate) fn reorganised_db(dir: &Path) -> std::path::PathBuf {
    let db = demo_db(dir);
    decide_everything(&db, "2022", None);
    ok(
        &db,
        &["--appraiser", WHO, "publish", "--comment", "QĐ 25/QĐ-UBND"],
    );
    let changes = write(dir, "changes.csv", changes_csv());
    let set = commune_set(dir);
    ok(
        &db,
        &[
            "--appraiser",
            WHO,
            "new-year",
            "2023",
            "--changes",
            changes.to_str().unwrap(),
            "--set",
            set.to_str().unwrap(),
        ],
    );
    db
}

#[test]
fn the_year_after_a_reorganisation_takes_its_previous_index_by_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = published_2024(dir.path());
    let y2024 = ranking(&db, "2024");
    let idx = |u: &str| hundredths(&y2024[u]["index"]);

    // A refused changes file writes nothing, and says where each problem is.
    let bad = write(
        dir.path(),
        "bad.csv",
        "from,to,kind,name,group,note\n\
         SXX,STC,rename,,,\n\
         SKHDT,STC,merge,,,\n\
         STC,STC,merge,,,\n\
         SKHDT,,end,,,\n\
         SNV,STP,rename,,,\n\
         STP,SNV,rename,,,\n\
         ,XP09,new,,,\n",
    );
    let before = dump(&db);
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            WHO,
            "new-year",
            "2025",
            "--changes",
            bad.to_str().unwrap(),
        ],
    );
    let at = bad.display().to_string();
    for (place, says) in [
        (":2:1", "there is no unit SXX in the year before"),
        (":5:3", "unit SKHDT is both ended and changed by 'merge'"),
        (":6:2", "cycle"),
        (":8:4", "the new code XP09 needs the unit's name"),
        (":8:5", "the new code XP09 needs its group"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("{at}{place}")))
            .unwrap_or_else(|| panic!("no {place} in:\n{err}"));
        assert!(line.contains(says), "{line}");
    }
    assert_eq!(dump(&db), before, "a refused changes file wrote something");

    // Without the new group's set the year is refused, and says how to give it.
    let changes = write(dir.path(), "changes.csv", changes_csv());
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            WHO,
            "new-year",
            "2025",
            "--changes",
            changes.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains(
            "Group xa-phuong starts in 2025 but has no criteria set: add '--set file.toml'"
        ),
        "{err}"
    );
    assert_eq!(dump(&db), before);

    let set = commune_set(dir.path());
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "--appraiser",
            WHO,
            "new-year",
            "2025",
            "--changes",
            changes.to_str().unwrap(),
            "--set",
            set.to_str().unwrap(),
        ],
    );
    assert!(out.contains("groups ended: huyen"), "{out}");
    assert!(
        out.contains("units ended: SGTVT") || out.contains("BQLKCN"),
        "{out}"
    );
    let y2025 = ranking(&db, "2025");
    let prev = |u: &str| y2025[u]["previous_index"].clone();
    // Every unit of 2025 by the rule, worked out from the changes file's rows.
    let rule = expected_rule(&changes_csv());
    for (unit, row) in &y2025 {
        let want = match rule.get(unit) {
            None => shown(idx(unit)),
            Some((kind, from)) => match kind.as_str() {
                "merge" => shown(mean(&from.iter().map(|f| idx(f)).collect::<Vec<_>>())),
                "rename" | "split" => shown(idx(&from[0])),
                "new" => String::new(),
                other => panic!("{other}"),
            },
        };
        assert_eq!(row["previous_index"], want, "{unit}: {row:?}");
    }
    assert_eq!(
        y2025.len(),
        y2024.len() - 4 + 1 + 1 - 1 - DISTRICTS.len() + 3,
        "2024's units less the four merged away, plus SNNMT and the split's second unit, \
         less the ended unit and the districts, plus the three new ones"
    );
    // Carried over: its own published index.
    assert_eq!(prev("SNV"), shown(idx("SNV")));
    // Two into one keeping a code, and three into one: the plain mean.
    assert_eq!(prev("STC"), shown(mean(&[idx("SKHDT"), idx("STC")])));
    assert_eq!(
        prev("SNNMT"),
        shown(mean(&[idx("STNMT"), idx("SNNPTNT"), idx("SGTVT")]))
    );
    // A split: each new unit with the unit it came from.
    assert_eq!(prev("SYT"), shown(idx("SYT")));
    assert_eq!(prev("BATTP"), shown(idx("SYT")));
    // A rename: the old code's index.
    assert_eq!(prev("SDTTG"), shown(idx("BDT")));
    // New units: none.
    assert_eq!(prev("XP01"), "");
    // Ended units and the ended group are gone; the new group is there.
    for gone in ["SKHDT", "STNMT", "SNNPTNT", "SGTVT", "BDT", "BQLKCN", "HCT"] {
        assert!(!y2025.contains_key(gone), "{gone} is still in 2025");
    }
    assert_eq!(y2025["XP02"]["group"], "xa-phuong");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM sets WHERE year = 2025 AND group_code = 'huyen'"
        ),
        0
    );
    let said = ok(
        &db,
        &["--lang", "en", "--year", "2025", "previous", "SNNMT"],
    );
    assert!(said.contains("mean of 3 predecessor units"), "{said}");
    let said = ok(&db, &["--year", "2025", "previous", "STC"]);
    assert!(said.contains("bình quân 2 đơn vị tiền thân"), "{said}");
    let said = ok(&db, &["--year", "2025", "previous", "XP01"]);
    assert!(said.contains("đơn vị mới"), "{said}");

    // The council's own figure, with its reason: in the ledger, and `verify` holds.
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "--year",
            "2025",
            "--appraiser",
            WHO,
            "previous",
            "SNNMT",
            "80.00",
        ],
    );
    assert!(err.contains("needs its reason"), "{err}");
    let reason = "Tỉnh lấy chỉ số của Sở Nông nghiệp và Phát triển nông thôn";
    ok(
        &db,
        &[
            "--year",
            "2025",
            "--appraiser",
            WHO,
            "previous",
            "SNNMT",
            &shown(idx("SNNPTNT")),
            "--reason",
            reason,
        ],
    );
    let y2025 = ranking(&db, "2025");
    assert_eq!(y2025["SNNMT"]["previous_index"], shown(idx("SNNPTNT")));
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT COUNT(*) FROM audit WHERE action = 'previous_set' AND unit = 'SNNMT' \
                 AND year = 2025 AND new_score = {} AND comment = '{reason}'",
                idx("SNNPTNT")
            )
        ),
        1
    );
    let v = ok(&db, &["--lang", "en", "verify"]);
    assert!(v.contains("The audit ledger holds"), "{v}");
    // A figure changed outside the program is caught by `verify`, then put back.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE previous_overrides SET idx = 9999 WHERE unit = 'SNNMT'",
        [],
    )
    .unwrap();
    let err = fails(&db, &["--lang", "en", "verify"]);
    assert!(
        err.contains("The council's figure for unit SNNMT (2025) is 99.99 in the table"),
        "{err}"
    );
    conn.execute(
        "UPDATE previous_overrides SET idx = ?1 WHERE unit = 'SNNMT'",
        [idx("SNNPTNT")],
    )
    .unwrap();
    drop(conn);
    ok(&db, &["verify"]);

    // The merged unit's history shows its predecessors' lines.
    let h = ok(
        &db,
        &[
            "--lang", "en", "--year", "2025", "history", "--unit", "SNNMT",
        ],
    );
    assert!(h.contains("merged from Sở Tài nguyên và Môi trường"), "{h}");
    for p in ["STNMT", "SNNPTNT", "SGTVT"] {
        let head = format!("Predecessor {p} ");
        let at = h
            .find(&head)
            .unwrap_or_else(|| panic!("no {head} in:\n{h}"));
        let part = &h[at..];
        assert!(part.contains("merged into SNNMT in 2025"), "{part}");
        let line = part.lines().find(|l| l.starts_with("2024 ")).unwrap();
        assert!(line.contains(&shown(idx(p))), "{part}");
        assert!(line.ends_with("published"), "{part}");
    }
    // And so does the workbook's history sheet: the unit's line, then its predecessors'.
    let rows = history_sheet(&db, dir.path());
    let at = rows.iter().position(|r| r[0] == "SNNMT").unwrap();
    assert!(
        rows[at][1].contains("merged from Sở Tài nguyên và Môi trường"),
        "{:?}",
        rows[at]
    );
    for (i, p) in ["STNMT", "SNNPTNT", "SGTVT"].iter().enumerate() {
        let r = &rows[at + 1 + i];
        assert_eq!(r[0], format!("↳ {p}"), "{r:?}");
        assert_eq!(r[2], "predecessor of SNNMT (merged 2025)");
        assert!(
            r.iter().any(|c| c == &shown(idx(p))
                || c.parse::<f64>().ok() == shown(idx(p)).parse::<f64>().ok()),
            "{r:?}"
        );
    }
    // The lineage is sealed by the new year that wrote it: one of the merger's rows turned
    // into a rename with SQL (which would change SNNMT's previous index) is caught.
    ok(&db, &["verify"]);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "UPDATE lineage SET kind = 'rename' WHERE year = 2025 AND unit = 'SNNMT'
                 AND from_unit = 'SGTVT'",
        )
        .unwrap();
    let err = fails(&db, &["--lang", "en", "verify"]);
    assert!(err.contains("where unit SNNMT came from (2025"), "{err}");
}

/// The cells of the workbook's history sheet, row by row, as text.
fn history_sheet(db: &Path, dir: &Path) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx, open_workbook};
    let out = dir.join("2025.xlsx");
    ok(
        db,
        &[
            "--lang",
            "en",
            "--year",
            "2025",
            "export",
            "workbook",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let range = book.worksheet_range("Over the years").unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The self scores of the demo's `units` as 2023's, SNNPTNT's read as the merged SNNMT's.
fn scores_2023(dir: &Path, units: &[&str]) -> std::path::PathBuf {
    let text = std::fs::read_to_string(demo_file("self_scores.csv")).unwrap();
    let mut out = String::from("unit,item,score,note,evidence\n");
    for line in text.lines().skip(1) {
        let unit = line.split(',').next().unwrap();
        if units.contains(&unit) {
            out.push_str(&line.replacen("SNNPTNT,", "SNNMT,", 1));
            out.push('\n');
        }
    }
    write(dir, "self-2023.csv", out)
}

/// Every cell of every sheet of a workbook, as text, by sheet name.
fn workbook_cells(path: &Path) -> Vec<(String, Vec<String>)> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            let cells = range.rows().flatten().map(|c| c.to_string()).collect();
            (n, cells)
        })
        .collect()
}

/// A part of a zip file (a workbook, a notice) as text.
fn zip_part(path: &Path, name: &str) -> String {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The mean of a merger's predecessors and the council's own figure are marked wherever last
/// year's index is shown: the ranking's CSV and table, the workbook's results and way-up
/// sheets (the figure marked `*`, the note under the table), the notices and the way up.
#[test]
fn the_mean_and_the_councils_figure_are_marked_wherever_last_years_index_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = reorganised_db(dir.path());
    let scores = scores_2023(dir.path(), &["SNV", "STC", "SNNPTNT"]);
    ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "self-scores",
            scores.to_str().unwrap(),
        ],
    );
    let reason = "Tỉnh lấy chỉ số của Sở Tài chính";
    ok(
        &db,
        &[
            "--year",
            "2023",
            "--appraiser",
            WHO,
            "previous",
            "STC",
            "85.00",
            "--reason",
            reason,
        ],
    );
    let mean_vi = "bình quân 3 đơn vị tiền thân";
    let council_vi = format!("Hội đồng đặt: {reason}");

    // The ranking's CSV: a column that says it, empty for a unit's own index.
    let csv = ranking(&db, "2023");
    assert_eq!(csv["SNNMT"]["previous_basis"], mean_vi);
    assert_eq!(csv["STC"]["previous_basis"], council_vi);
    assert_eq!(csv["STC"]["previous_index"], "85.00");
    assert_eq!(csv["XP01"]["previous_basis"], "đơn vị mới");
    assert_eq!(csv["SNV"]["previous_basis"], "");
    let en = ok(
        &db,
        &["--lang", "en", "--year", "2023", "rank", "--format", "csv"],
    );
    assert!(en.contains("mean of 3 predecessor units"), "{en}");

    // The ranking as a table: the figure marked, the note under the table.
    let table = ok(&db, &["--year", "2023", "rank", "--group", "so-nganh"]);
    let line = table.lines().find(|l| l.contains(" SNNMT ")).unwrap();
    assert!(line.contains('*'), "{line}");
    assert!(table.contains(&format!("* SNNMT: {mean_vi}")), "{table}");
    assert!(table.contains(&format!("* STC: {council_vi}")), "{table}");

    // The workbook: the figures marked `*` (a number format, the cell stays a number), the
    // notes under the results and the way-up sheets.
    let out = dir.path().join("2023.xlsx");
    ok(
        &db,
        &[
            "--year",
            "2023",
            "export",
            "workbook",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let styles = zip_part(&out, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"0.00&quot;*&quot;\""),
        "{styles}"
    );
    let sheets = workbook_cells(&out);
    for prefix in ["Kết quả", "Cải thiện"] {
        let (name, cells) = sheets
            .iter()
            .find(|(n, _)| n.starts_with(prefix) && n.contains("Sở"))
            .unwrap_or_else(|| panic!("no sheet {prefix}"));
        for want in [
            format!("* SNNMT: {mean_vi}"),
            format!("* STC: {council_vi}"),
        ] {
            assert!(cells.contains(&want), "{name}: no {want}");
        }
        assert!(
            !cells.iter().any(|c| c.starts_with("* SNV:")),
            "{name}: SNV compares with its own index"
        );
    }

    // The notices: the figure with how it was found; a new unit says it has none.
    let folder = dir.path().join("notices");
    ok(
        &db,
        &[
            "--year",
            "2023",
            "export",
            "notices",
            "--out",
            folder.to_str().unwrap(),
        ],
    );
    let said = |unit: &str| zip_part(&folder.join(format!("{unit}.docx")), "word/document.xml");
    assert!(said("SNNMT").contains(mean_vi), "SNNMT's notice");
    assert!(said("STC").contains(&council_vi), "STC's notice");
    assert!(said("XP01").contains("— (đơn vị mới)"), "XP01's notice");
    assert!(!said("SNV").contains("tiền thân"), "SNV's notice");

    // The way up: under the goal of rising above last year.
    let plan = ok(&db, &["--year", "2023", "plan", "SNNMT"]);
    assert!(
        plan.contains(&format!("* Chỉ số năm trước để so sánh: {mean_vi}")),
        "{plan}"
    );
    let plan = ok(&db, &["--lang", "en", "--year", "2023", "plan", "STC"]);
    assert!(
        plan.contains(&format!(
            "* Last year's figure compared with: set by the council: {reason}"
        )),
        "{plan}"
    );
    let plan = ok(&db, &["--year", "2023", "plan", "SNV"]);
    assert!(!plan.contains("để so sánh"), "{plan}");
}

/// The demo's 2025 year (`demo --year 2025`), built in its own file: the real February-2025
/// department mergers, the district group ended, a commune/ward group of 100 units with its
/// own set; every group ranks, last year's figures follow the rule from the demo's 2024
/// history, and `verify` holds on the file.
#[test]
fn the_demos_2025_year_opens_and_ranks() {
    use thamdinh::domain::Mode;
    use thamdinh::service::{Opening, Workspace};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo-2025.sqlite");
    let mut ws = Workspace::open(&db, Opening::Create, Some(2025)).unwrap();
    assert!(thamdinh::service::build_demo_2025(&mut ws).unwrap());
    assert_eq!(ws.year, 2025);
    // Built once: a second call leaves it as it is.
    assert!(!thamdinh::service::build_demo_2025(&mut ws).unwrap());
    let groups: Vec<String> = ws.groups().unwrap().into_iter().map(|g| g.0).collect();
    assert_eq!(groups, ["so-nganh", "dvsn", "trung-uong", "xa-phuong"]);
    let codes: Vec<&str> = groups.iter().map(String::as_str).collect();
    let mut units = 0;
    for (g, r) in codes.iter().zip(ws.rankings(&codes, Mode::Provisional)) {
        let r = r.unwrap_or_else(|e| panic!("{g}: {e:?}"));
        assert!(r.rows.iter().all(|row| row.index.is_some()), "{g}");
        units += r.rows.len();
        if *g == "xa-phuong" {
            assert_eq!(r.rows.len(), 100);
            assert!(r.rows.iter().all(|row| row.previous.is_none()));
        }
    }
    assert_eq!(units, 131);
    // The mergers: last year's figure by the rule, from the demo's 2024 history.
    let history = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/2025/history.csv"),
    )
    .unwrap();
    let idx2024 = |u: &str| {
        let line = history
            .lines()
            .find(|l| l.starts_with(&format!("{u},2024,")))
            .unwrap();
        hundredths(line.rsplit(',').next().unwrap())
    };
    let prev = ws.previous_figures().unwrap();
    let value = |u: &str| prev[u].value.map(|p| p.hundredths());
    for (unit, from) in [
        ("STC", &["SKHDT", "STC"][..]),
        ("SXD", &["SGTVT", "SXD"]),
        ("SNNMT", &["STNMT", "SNNPTNT"]),
        ("SKHCN", &["STTTT", "SKHCN"]),
        ("SNV", &["SLDTBXH", "SNV"]),
    ] {
        let want = mean(&from.iter().map(|f| idx2024(f)).collect::<Vec<_>>());
        assert_eq!(value(unit), Some(want), "{unit}");
    }
    assert_eq!(value("SDTTG"), Some(idx2024("BDT")));
    assert_eq!(value("SYT"), Some(idx2024("SYT")));
    for gone in [
        "SKHDT", "SGTVT", "STNMT", "SNNPTNT", "STTTT", "SLDTBXH", "BDT", "HCT",
    ] {
        assert!(!prev.contains_key(gone), "{gone} is still there");
    }
    drop(ws);
    let v = ok(&db, &["--lang", "en", "verify"]);
    assert!(v.contains("The audit ledger holds"), "{v}");
    // The file's years: 2024 (the units and their history) and 2025.
    let years = ok(&db, &["--year", "2025", "rank", "--group", "xa-phuong"]);
    assert!(years.contains("UBND xã, phường (xa-phuong)"), "{years}");
}
