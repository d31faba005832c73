//! Units that change between years, on the real binary and a real file: a year published,
//! the next made with a changes file (a rename, a three-into-one merger, a one-into-two split,
//! ended units, an ended group and a new group), every unit's previous index by the rule, a
//! council's figure with its reason in the ledger, a refused changes file that writes nothing,
//! and the merged unit's history with its predecessors' lines.

use crate::common;
use crate::years::{decide_everything, ranking};
use common::*;
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
fn a_reorganised_year_takes_its_previous_index_by_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    decide_everything(&db, "2022", None);
    ok(
        &db,
        &["--appraiser", WHO, "publish", "--comment", "QĐ 25/QĐ-UBND"],
    );
    let y2022 = ranking(&db, "2022");
    let idx = |u: &str| hundredths(&y2022[u]["index"]);

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
            "2023",
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
            "2023",
            "--changes",
            changes.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains(
            "Group xa-phuong starts in 2023 but has no criteria set: add '--set file.toml'"
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
            "2023",
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
    let y2023 = ranking(&db, "2023");
    let prev = |u: &str| y2023[u]["previous_index"].clone();
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
        assert!(!y2023.contains_key(gone), "{gone} is still in 2023");
    }
    assert_eq!(y2023["XP02"]["group"], "xa-phuong");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM sets WHERE year = 2023 AND group_code = 'huyen'"
        ),
        0
    );
    let said = ok(
        &db,
        &["--lang", "en", "--year", "2023", "previous", "SNNMT"],
    );
    assert!(said.contains("mean of 3 predecessor units"), "{said}");
    let said = ok(&db, &["--year", "2023", "previous", "STC"]);
    assert!(said.contains("bình quân 2 đơn vị tiền thân"), "{said}");
    let said = ok(&db, &["--year", "2023", "previous", "XP01"]);
    assert!(said.contains("đơn vị mới"), "{said}");

    // The council's own figure, with its reason: in the ledger, and `verify` holds.
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "--year",
            "2023",
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
            "2023",
            "--appraiser",
            WHO,
            "previous",
            "SNNMT",
            &shown(idx("SNNPTNT")),
            "--reason",
            reason,
        ],
    );
    let y2023 = ranking(&db, "2023");
    assert_eq!(y2023["SNNMT"]["previous_index"], shown(idx("SNNPTNT")));
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT COUNT(*) FROM audit WHERE action = 'previous_set' AND unit = 'SNNMT' \
                 AND year = 2023 AND new_score = {} AND comment = '{reason}'",
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
        err.contains("The council's figure for unit SNNMT (2023) is 99.99 in the table"),
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
            "--lang", "en", "--year", "2023", "history", "--unit", "SNNMT",
        ],
    );
    assert!(h.contains("merged from Sở Tài nguyên và Môi trường"), "{h}");
    for p in ["STNMT", "SNNPTNT", "SGTVT"] {
        let head = format!("Predecessor {p} ");
        let at = h
            .find(&head)
            .unwrap_or_else(|| panic!("no {head} in:\n{h}"));
        let part = &h[at..];
        assert!(part.contains("merged into SNNMT in 2023"), "{part}");
        let y2022 = part.lines().find(|l| l.starts_with("2022 ")).unwrap();
        assert!(y2022.contains(&shown(idx(p))), "{part}");
        assert!(y2022.ends_with("published"), "{part}");
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
        assert_eq!(r[2], "predecessor of SNNMT (merged 2023)");
        assert!(
            r.iter().any(|c| c == &shown(idx(p))
                || c.parse::<f64>().ok() == shown(idx(p)).parse::<f64>().ok()),
            "{r:?}"
        );
    }
}

/// The cells of the workbook's history sheet, row by row, as text.
fn history_sheet(db: &Path, dir: &Path) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx, open_workbook};
    let out = dir.join("2023.xlsx");
    ok(
        db,
        &[
            "--lang",
            "en",
            "--year",
            "2023",
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
