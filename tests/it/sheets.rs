//! The workbooks sent out to be filled and read back (issue 20): criteria sets from `.xlsx`
//! (header block, Vietnamese heads, problems at their cells), `export criteria` round trips
//! for the built-in sets, each unit's self-assessment out, filled by another program (the
//! sheet's XML rewritten inside the zip, as a spreadsheet would save it) and back as a
//! folder, each file on its own.

use crate::common;
use common::*;

use rust_xlsxwriter::Workbook;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use thamdinh::i18n::Lang;
use thamdinh::service::{
    AppError, CriteriaCsvArgs, FileKind, FolderOutcome, HeaderField, Workspace,
};
use thamdinh::store::Store;

fn workspace(db: &Path) -> Workspace {
    Workspace::new(Store::open(db).unwrap(), 2022).unwrap()
}

/// A database of 2022 with the built-in sets, the demo's units, survey and history, and no
/// self scores.
fn without_self_scores(dir: &Path) -> PathBuf {
    let db = dir.join("w.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    for (kind, file) in [
        ("units", "units.csv"),
        ("survey", "survey.csv"),
        ("history", "history.csv"),
    ] {
        ok(&db, &["import", kind, demo_file(file).to_str().unwrap()]);
    }
    db
}

#[test]
fn the_criteria_round_trip_is_identical_for_the_four_built_in_sets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let mut ws = workspace(&db);
    let groups: Vec<String> = ws.groups().unwrap().into_iter().map(|(g, _)| g).collect();
    assert_eq!(groups.len(), 4);
    for g in &groups {
        let before = (**ws.set(g).unwrap()).clone();
        let out = dir.path().join(format!("{g}.xlsx"));
        ws.export_criteria(Some(g), &out, Lang::Vi).unwrap();
        let (set, changed) = ws
            .import_criteria(&out, CriteriaCsvArgs::default())
            .unwrap();
        assert_eq!(set, before, "group {g}");
        assert!(
            !changed,
            "group {g}: the same set stored again changes nothing"
        );
        // The English template reads back the same.
        let en = dir.path().join(format!("{g}-en.xlsx"));
        ws.export_criteria(Some(g), &en, Lang::En).unwrap();
        let (set, _) = ws.import_criteria(&en, CriteriaCsvArgs::default()).unwrap();
        assert_eq!(set, before, "group {g}, English heads");
    }
}

/// A province's annex as a council keeps it in Excel: a title, the header block, the
/// Vietnamese heads.
fn annex(path: &Path, block: &[(&str, &str)], rows: &[[&str; 4]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Phụ lục").unwrap();
    ws.write_string(0, 0, "PHỤ LỤC BỘ CHỈ SỐ").unwrap();
    let mut r = 1;
    for (k, v) in block {
        ws.write_string(r, 0, *k).unwrap();
        ws.write_string(r, 1, *v).unwrap();
        r += 1;
    }
    r += 1;
    for (c, h) in ["Mã", "Nội dung", "Điểm tối đa", "Các mức điểm"]
        .iter()
        .enumerate()
    {
        ws.write_string(r, c as u16, *h).unwrap();
    }
    for row in rows {
        r += 1;
        ws.write_string(r, 0, row[0]).unwrap();
        ws.write_string(r, 1, row[1]).unwrap();
        match row[2].parse::<f64>() {
            Ok(x) => ws.write_number(r, 2, x).unwrap(),
            Err(_) => ws.write_string(r, 2, row[2]).unwrap(),
        };
        ws.write_string(r, 3, row[3]).unwrap();
    }
    wb.save(path).unwrap();
}

const BLOCK: &[(&str, &str)] = &[
    ("Nhóm", "so-nganh"),
    ("Tên nhóm", "Sở, ban, ngành tỉnh"),
    ("Điểm điều tra xã hội học", "37"),
    ("Xếp loại", "soc-trang"),
    ("Quyết định", "1941/QĐ-UBND"),
    ("Ngày", "07/8/2023"),
    ("Cơ quan ban hành", "Ủy ban nhân dân tỉnh Sóc Trăng"),
];

const TREE: &[[&str; 4]] = &[
    ["1", "Chỉ đạo, điều hành", "2", ""],
    ["1.1", "Kế hoạch", "1", "Đúng hạn=1; Chậm=0.5"],
    ["1.2", "Báo cáo", "1", ""],
];

#[test]
fn a_criteria_set_imports_from_a_workbook_with_its_header_block_and_vietnamese_heads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let file = dir.path().join("phu-luc.xlsx");
    annex(&file, BLOCK, TREE);
    let said = ok(&db, &["import", "criteria", file.to_str().unwrap()]);
    assert!(said.contains("1941/QĐ-UBND"), "{said}");
    let ws = workspace(&db);
    let set = ws.set("so-nganh").unwrap();
    assert_eq!(set.counts(), (1, 2, 0));
    assert_eq!(set.bands, thamdinh::domain::criteria::Band::soc_trang());
    assert!(!set.source.is_illustrative());
    assert_eq!(
        set.find(&thamdinh::domain::ItemCode::parse("1.1").unwrap())
            .unwrap()
            .options
            .len(),
        2
    );
}

#[test]
fn a_bad_cell_of_a_criteria_workbook_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let before = dump(&db);
    let file = dir.path().join("phu-luc.xlsx");
    let mut tree = TREE.to_vec();
    tree[2] = ["1.2", "Báo cáo", "một", ""];
    tree[1][3] = "Đúng hạn";
    annex(&file, BLOCK, &tree);
    let err = fails(
        &db,
        &["--lang", "en", "import", "criteria", file.to_str().unwrap()],
    );
    // The title, 7 block lines, a blank row, the heads on row 10: 1.1 is on row 12.
    assert!(err.contains("'Phụ lục'!D12"), "{err}");
    assert!(err.contains("'Phụ lục'!C13"), "{err}");
    assert_eq!(dump(&db), before);
}

#[test]
fn header_values_missing_from_the_file_are_named_all_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    ok(&db, &["init", "--year", "2022"]);
    let file = dir.path().join("tree.xlsx");
    annex(&file, &[("Xếp loại", "quoc-gia")], TREE);
    let mut ws = workspace(&db);
    let need = |ws: &mut Workspace, args: CriteriaCsvArgs| match ws.preview_import(
        FileKind::Criteria,
        &file,
        None,
        args,
    ) {
        Err(AppError::CriteriaNeeds(f)) => f,
        other => panic!("{other:?}"),
    };
    use HeaderField::*;
    assert_eq!(
        need(&mut ws, CriteriaCsvArgs::default()),
        [Group, Name, SurveyMax]
    );
    // What is given is no longer asked for; the file's bands are not asked for either.
    let some = CriteriaCsvArgs {
        group: Some("huyen".into()),
        ask_bands: true,
        ..Default::default()
    };
    assert_eq!(need(&mut ws, some), [Name, SurveyMax]);
    let all = CriteriaCsvArgs {
        group: Some("huyen".into()),
        name: Some("UBND cấp huyện".into()),
        survey_max: Some("38".into()),
        ask_bands: true,
        ..Default::default()
    };
    let done = ws
        .preview_import(FileKind::Criteria, &file, None, all)
        .unwrap();
    assert_eq!(done.set.unwrap().group.as_str(), "huyen");
    // Without bands anywhere, the screen asks for them.
    let bare = dir.path().join("bare.xlsx");
    annex(&bare, &[], TREE);
    let args = CriteriaCsvArgs {
        group: Some("huyen".into()),
        name: Some("UBND cấp huyện".into()),
        survey_max: Some("38".into()),
        ask_bands: true,
        ..Default::default()
    };
    match ws.preview_import(FileKind::Criteria, &bare, None, args) {
        Err(AppError::CriteriaNeeds(f)) => assert_eq!(f, [Bands]),
        other => panic!("{other:?}"),
    }
}

// ---------- self-assessment workbooks ----------

/// A demo self score: score, note, evidence.
type Filled = (String, String, String);

/// The demo's self scores by unit, then item.
fn demo_scores() -> HashMap<String, HashMap<String, Filled>> {
    let mut out: HashMap<String, HashMap<String, Filled>> = HashMap::new();
    let mut r = csv::Reader::from_path(demo_file("self_scores.csv")).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        out.entry(rec[0].to_string()).or_default().insert(
            rec[1].to_string(),
            (rec[2].to_string(), rec[3].to_string(), rec[4].to_string()),
        );
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The zip's entries, in order.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

fn rezip(path: &Path, entries: &[(String, Vec<u8>)]) {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(data).unwrap();
    }
    std::fs::write(path, w.finish().unwrap().into_inner()).unwrap();
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, data) = entries.iter().find(|(n, _)| n == name).unwrap();
    std::str::from_utf8(data).unwrap()
}

/// The shared strings of a workbook, by index.
fn shared_strings(xml: &str) -> Vec<String> {
    xml.split("<si>")
        .skip(1)
        .map(|si| {
            let t = &si[si.find("<t").unwrap()..];
            let t = &t[t.find('>').unwrap() + 1..];
            unescape(&t[..t.find("</t>").unwrap()])
        })
        .collect()
}

/// The row of each code in column A of the sheet.
fn code_rows(sheet: &str, strings: &[String]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for part in sheet.split("<c r=\"A").skip(1) {
        let row: usize = part[..part.find('"').unwrap()].parse().unwrap();
        let head = &part[..part.find('>').unwrap()];
        if !head.contains("t=\"s\"") {
            continue;
        }
        let v = &part[part.find("<v>").unwrap() + 3..part.find("</v>").unwrap()];
        out.insert(strings[v.parse::<usize>().unwrap()].clone(), row);
    }
    out
}

/// Puts a value in an empty styled cell (`<c r="F12" s="7"/>`), as a spreadsheet saves it:
/// a number as a number, any other text as an inline string.
fn fill_cell(sheet: &mut String, cell: &str, value: &str, as_text: bool) {
    let start = sheet
        .find(&format!("<c r=\"{cell}\" "))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let end = start + sheet[start..].find("/>").unwrap() + 2;
    let style = &sheet[start..end];
    let s = &style[style.find(" s=\"").unwrap() + 4..];
    let s = &s[..s.find('"').unwrap()];
    let number = !as_text && value.parse::<f64>().is_ok();
    let new = if number {
        format!("<c r=\"{cell}\" s=\"{s}\"><v>{value}</v></c>")
    } else {
        format!(
            "<c r=\"{cell}\" s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(value)
        )
    };
    sheet.replace_range(start..end, &new);
}

/// Fills a unit's exported workbook with its demo self scores, by rewriting its sheet.
/// Scores of items with options go in as text (what a drop-down list enters under a
/// Vietnamese locale), the others as numbers.
fn fill(path: &Path, scores: &HashMap<String, Filled>, change: impl Fn(&str, &mut String)) {
    let mut entries = unzip(path);
    let strings = shared_strings(entry(&entries, "xl/sharedStrings.xml"));
    let mut sheet = entry(&entries, "xl/worksheets/sheet1.xml").to_string();
    let rows = code_rows(&sheet, &strings);
    let mut items: Vec<(&String, &Filled)> = scores.iter().collect();
    items.sort();
    for (item, (score, note, evidence)) in items {
        let row = rows[item.as_str()];
        let mut score = score.clone();
        change(item, &mut score);
        fill_cell(
            &mut sheet,
            &format!("F{row}"),
            &score,
            row.is_multiple_of(2),
        );
        if !note.is_empty() {
            fill_cell(&mut sheet, &format!("G{row}"), note, true);
        }
        if !evidence.is_empty() {
            fill_cell(&mut sheet, &format!("H{row}"), evidence, true);
        }
    }
    for (name, data) in entries.iter_mut() {
        if name == "xl/worksheets/sheet1.xml" {
            *data = sheet.clone().into_bytes();
        }
    }
    rezip(path, &entries);
}

fn rank_csv(db: &Path) -> String {
    ok(db, &["rank", "--format", "csv"])
}

fn self_scores(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare("SELECT unit, item, score, note, evidence FROM self_scores ORDER BY 1, 2")
        .unwrap();
    st.query_map([], |r| {
        Ok(format!(
            "{}|{}|{:?}|{}|{}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn self_assessments_filled_by_another_program_rank_as_the_demo_csv() {
    let dir = tempfile::tempdir().unwrap();
    let reference = demo_db(dir.path());
    let db = without_self_scores(dir.path());
    let out = dir.path().join("phieu");
    let said = ok(
        &db,
        &["export", "self-assessment", "--out", out.to_str().unwrap()],
    );
    assert!(said.contains("47"), "{said}");
    // The drop-downs are in the file, the sheet protected, the header there.
    let entries = unzip(&out.join("SNV.xlsx"));
    let sheet = entry(&entries, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<dataValidation type=\"list\""), "no list");
    assert!(
        sheet.contains("<dataValidation type=\"decimal\""),
        "no decimal"
    );
    assert!(sheet.contains("<sheetProtection"), "not protected");
    assert!(!sheet.contains("password"), "protected with a password");
    let scores = demo_scores();
    assert_eq!(scores.len(), 47);
    for (unit, items) in &scores {
        fill(&out.join(format!("{unit}.xlsx")), items, |_, _| {});
    }
    let said = ok(&db, &["import", "self-scores", out.to_str().unwrap()]);
    assert!(said.contains("47 tệp"), "{said}");
    assert_eq!(self_scores(&db), self_scores(&reference));
    assert_eq!(rank_csv(&db), rank_csv(&reference));
    // Each file went through the audited import: a ledger row per workbook, and verify
    // finds nothing changed outside thamdinh.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let imports: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = 'import' \
             AND comment LIKE 'kind: self_scores%' AND comment LIKE '%.xlsx%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(imports, 47);
    ok(&db, &["verify"]);
}

#[test]
fn a_folder_with_one_bad_file_imports_the_others_and_names_the_bad_cells() {
    let dir = tempfile::tempdir().unwrap();
    let db = without_self_scores(dir.path());
    let out = dir.path().join("phieu");
    ok(
        &db,
        &[
            "export",
            "self-assessment",
            "--group",
            "huyen",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let scores = demo_scores();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 11);
    let bad = names[0].trim_end_matches(".xlsx").to_string();
    let mut items: Vec<&String> = scores[&bad].keys().collect();
    items.sort();
    let (first, second) = (items[0].clone(), items[1].clone());
    for name in &names {
        let unit = name.trim_end_matches(".xlsx");
        fill(&out.join(name), &scores[unit], |item, score| {
            if unit == bad && item == first {
                *score = "7".into();
            } else if unit == bad && item == second {
                *score = "nhiều".into();
            }
        });
    }
    // The preview says the same and writes nothing.
    let before = dump(&db);
    let mut ws = workspace(&db);
    let preview = ws.preview_self_score_folder(&out).unwrap();
    assert_eq!(dump(&db), before);
    assert_eq!(preview.accepted().count(), 10);
    drop(ws);
    let err = fails(&db, &["import", "self-scores", out.to_str().unwrap()]);
    assert!(err.contains("1 tệp"), "{err}");
    let said = run(&db, &["import", "self-scores", out.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&said.stdout).into_owned();
    assert!(said.contains("đã nhận 10 tệp"), "{said}");
    assert!(said.contains(&format!("{bad}.xlsx")), "{said}");
    // The bad cells, Excel's way: F and the rows of 1.1.1 and 2.1.1.
    let bad_lines: Vec<&str> = said.lines().filter(|l| l.contains("'Tự chấm'!F")).collect();
    assert_eq!(bad_lines.len(), 2, "{said}");
    // The other units' scores are in; the bad unit has none.
    let stored = self_scores(&db);
    assert!(stored.iter().all(|l| !l.starts_with(&format!("{bad}|"))));
    let other = names[1].trim_end_matches(".xlsx");
    assert_eq!(
        stored
            .iter()
            .filter(|l| l.starts_with(&format!("{other}|")))
            .count(),
        scores[other].len()
    );
    // Units of the group with no workbook are named; so are strangers and twins.
    std::fs::remove_file(out.join(&names[2])).unwrap();
    std::fs::copy(out.join(&names[3]), out.join("copy.xlsx")).unwrap();
    let mut ws = workspace(&db);
    let report = ws.preview_self_score_folder(&out).unwrap();
    let missing = names[2].trim_end_matches(".xlsx");
    assert_eq!(report.missing.len(), 1);
    assert_eq!(report.missing[0].0, missing);
    let twice = report
        .files
        .iter()
        .filter(|f| matches!(f.outcome, FolderOutcome::Twice { .. }))
        .count();
    assert_eq!(twice, 2);
}

#[test]
fn a_workbook_of_another_year_or_another_group_or_no_unit_of_the_year_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = without_self_scores(dir.path());
    let out = dir.path().join("phieu");
    ok(
        &db,
        &[
            "export",
            "self-assessment",
            "--unit",
            "SNV",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let file = out.join("SNV.xlsx");
    let rewrite = |from: &str, to: &str, name: &str| {
        let mut entries = unzip(&file);
        for (n, data) in entries.iter_mut() {
            if n == "xl/sharedStrings.xml" {
                let s = String::from_utf8(data.clone()).unwrap();
                *data = s
                    .replacen(&format!("<t>{from}</t>"), &format!("<t>{to}</t>"), 1)
                    .into_bytes();
            }
        }
        let path = dir.path().join(name);
        std::fs::create_dir_all(&path).unwrap();
        rezip(&path.join("SNV.xlsx"), &entries);
        path
    };
    let mut ws = workspace(&db);
    for (from, to, cell, words) in [
        ("2022", "2021", "B4", "2021"),
        ("so-nganh", "huyen", "B3", "huyen"),
        ("SNV", "XYZ", "B2", "XYZ"),
    ] {
        let folder = rewrite(from, to, &format!("f-{to}"));
        let report = ws.preview_self_score_folder(&folder).unwrap();
        assert_eq!(report.files.len(), 1);
        match &report.files[0].outcome {
            FolderOutcome::Refused(e) => {
                let text = e.render(Lang::En);
                assert!(
                    text.contains(&format!("'Self-assessment'!{cell}"))
                        || text.contains(&format!("'Tự chấm'!{cell}")),
                    "{text}"
                );
                assert!(text.contains(words), "{text}");
            }
            other => panic!("{other:?}"),
        }
    }
}
