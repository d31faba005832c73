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
    let preview = ws
        .preview_folder(thamdinh::service::FolderKind::SelfScores, &out)
        .unwrap();
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
    let report = ws
        .preview_folder(thamdinh::service::FolderKind::SelfScores, &out)
        .unwrap();
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
        let report = ws
            .preview_folder(thamdinh::service::FolderKind::SelfScores, &folder)
            .unwrap();
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

// ---------- on the screens ----------

use crate::tui_screens::Session;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The text of the screen with the temporary folder's path made stable.
fn shown(s: &Session, dir: &Path) -> String {
    s.draw(80, 24).replace(&dir.display().to_string(), "TMP")
}

#[test]
fn the_files_screen_asks_for_what_a_criteria_workbook_lacks_then_previews_and_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    drop(Store::open(&db).unwrap());
    let file = dir.path().join("t.xlsx");
    annex(&file, &[], TREE);
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("f1");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(file.to_str().unwrap()).keys("\n");
    insta::assert_snapshot!("criteria_asks_group_vi_80x24", shown(&s, dir.path()));
    // A code that is not one is refused in the box.
    s.keys("Sở\n");
    assert!(s.draw(80, 24).contains("✗ Mã nhóm"), "{}", s.draw(80, 24));
    s.key(KeyCode::Backspace, KeyModifiers::NONE)
        .key(KeyCode::Backspace, KeyModifiers::NONE);
    s.keys("so-nganh\nSở, ban, ngành tỉnh\n37\n");
    // The bands box offers the national preset.
    assert_eq!(s.app.input.as_ref().unwrap().text(), "quoc-gia");
    insta::assert_snapshot!("criteria_asks_bands_vi_80x24", shown(&s, dir.path()));
    s.keys("\n");
    insta::assert_snapshot!("criteria_previewed_vi_80x24", shown(&s, dir.path()));
    // Nothing written before Enter.
    assert!(workspace(&db).groups().unwrap().is_empty());
    s.keys("\n");
    let ws = workspace(&db);
    let set = ws.set("so-nganh").unwrap();
    assert_eq!(set.name, "Sở, ban, ngành tỉnh");
    assert_eq!(set.survey_max.to_string(), "37");
    assert_eq!(set.bands, thamdinh::domain::criteria::Band::national());
}

#[test]
fn the_files_screen_writes_the_templates_and_reads_a_folder_back_with_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = without_self_scores(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    // b: the shown group's criteria set as a workbook.
    let set_file = dir.path().join("bo.xlsx");
    s.keys("fb");
    assert!(s.draw(80, 24).contains("Ghi bộ chỉ số ra bảng tính"));
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(set_file.to_str().unwrap()).keys("\n");
    assert!(set_file.is_file(), "{}", s.draw(80, 24));
    // p: each unit's self-assessment into a folder.
    let out = dir.path().join("phieu");
    s.keys("p");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(out.to_str().unwrap()).keys("\n");
    let mut files: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(files.len(), 21, "{}", s.draw(80, 24));
    files.clear();
    // Two filled, one with a bad score, the others sent back blank.
    let scores = demo_scores();
    fill(&out.join("SNV.xlsx"), &scores["SNV"], |_, _| {});
    fill(&out.join("STP.xlsx"), &scores["STP"], |item, score| {
        if item == "1.1.1" {
            *score = "9".into();
        }
    });
    let before = dump(&db);
    s.keys("3");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(out.to_str().unwrap()).keys("\n");
    insta::assert_snapshot!("folder_preview_vi_80x24", shown(&s, dir.path()));
    assert_eq!(dump(&db), before, "the preview wrote something");
    s.keys("\n");
    let stored = self_scores(&db);
    assert_eq!(
        stored.iter().filter(|l| l.starts_with("SNV|")).count(),
        scores["SNV"].len()
    );
    assert!(stored.iter().all(|l| !l.starts_with("STP|")));
    let done = s.app.files.done.last().unwrap();
    assert!(done.contains("đã nhận 1 tệp"), "{done}");
    assert!(done.contains("  STP.xlsx: 'Tự chấm'!F"), "{done}");
}

// ---------- explanation requests ----------

/// Puts text in the input cells of a workbook's rows, found by the code in column A.
fn fill_columns(path: &Path, cells: &[(&str, &str, &str)]) {
    let mut entries = unzip(path);
    let strings = shared_strings(entry(&entries, "xl/sharedStrings.xml"));
    let mut sheet = entry(&entries, "xl/worksheets/sheet1.xml").to_string();
    let rows = code_rows(&sheet, &strings);
    for (code, column, value) in cells {
        let row = rows[*code];
        fill_cell(&mut sheet, &format!("{column}{row}"), value, true);
    }
    for (name, data) in entries.iter_mut() {
        if name == "xl/worksheets/sheet1.xml" {
            *data = sheet.clone().into_bytes();
        }
    }
    rezip(path, &entries);
}

fn explanations(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare("SELECT unit, item, explanation, evidence FROM explanations ORDER BY 1, 2")
        .unwrap();
    st.query_map([], |r| {
        Ok(format!(
            "{}|{}|{}|{}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn explanation_requests_go_out_per_unit_and_the_replies_come_back_as_explanations() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    for (unit, item, comment) in [
        ("SNV", "1.1.1", "Thiếu bản ký số của kế hoạch"),
        ("SNV", "2.1.1", "Chưa có báo cáo quý IV"),
        ("STP", "1.1.2", "Đề nghị bổ sung phụ lục"),
    ] {
        ok(
            &db,
            &[
                "--appraiser",
                "Nguyễn Thị Lan",
                "decide",
                unit,
                item,
                "flag",
                "--comment",
                comment,
            ],
        );
    }
    let out = dir.path().join("giai-trinh");
    let said = ok(
        &db,
        &[
            "export",
            "explanation-requests",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(said.contains("2 đơn vị"), "{said}");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["SNV.xlsx", "STP.xlsx"]);
    let entries = unzip(&out.join("SNV.xlsx"));
    let strings = shared_strings(entry(&entries, "xl/sharedStrings.xml"));
    assert!(strings.iter().any(|s| s == "Chưa có báo cáo quý IV"));
    assert!(entry(&entries, "xl/worksheets/sheet1.xml").contains("<sheetProtection"));
    // SNV replies to both items, STP leaves its one blank; a copy of SNV's in another name.
    fill_columns(
        &out.join("SNV.xlsx"),
        &[
            ("1.1.1", "F", "Đã gửi bản ký số ngày 12/01/2022"),
            ("1.1.1", "G", "Kế hoạch số 2/KH-SNV (bản ký số)"),
            ("2.1.1", "F", "Báo cáo quý IV gửi ngày 15/12/2022"),
        ],
    );
    let mut ws = workspace(&db);
    let report = ws
        .preview_folder(thamdinh::service::FolderKind::Explanations, &out)
        .unwrap();
    assert_eq!(report.accepted().count(), 1);
    assert_eq!(report.rows(), 2);
    match &report.files[1].outcome {
        FolderOutcome::Refused(e) => {
            assert!(e.render(Lang::En).contains("hold no explanation"), "{e:?}")
        }
        other => panic!("{other:?}"),
    }
    drop(ws);
    let before = explanations(&db);
    let err = fails(&db, &["import", "explanations", out.to_str().unwrap()]);
    assert!(err.contains("1 tệp"), "{err}");
    let after = explanations(&db);
    assert_eq!(after.len(), before.len() + 2, "{after:?}");
    assert!(after.contains(
        &"SNV|1.1.1|Đã gửi bản ký số ngày 12/01/2022|Kế hoạch số 2/KH-SNV (bản ký số)".to_string()
    ));
    assert!(after.contains(&"SNV|2.1.1|Báo cáo quý IV gửi ngày 15/12/2022|".to_string()));
    ok(&db, &["verify"]);
}

/// The cells (`F12`) of the first sheet whose style unlocks them.
fn unlocked_cells(entries: &[(String, Vec<u8>)]) -> Vec<String> {
    let styles = entry(entries, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let mut unlocked = Vec::new();
    for (i, part) in xfs.split("<xf ").skip(1).enumerate() {
        let end = match (part.find("/>"), part.find('>')) {
            (Some(s), Some(g)) if s + 1 == g => g,
            _ => part.find("</xf>").unwrap(),
        };
        if part[..end].contains("locked=\"0\"") {
            unlocked.push(i.to_string());
        }
    }
    let sheet = entry(entries, "xl/worksheets/sheet1.xml");
    let mut out = Vec::new();
    for part in sheet.split("<c r=\"").skip(1) {
        let cell = &part[..part.find('"').unwrap()];
        let head = &part[..part.find('>').unwrap()];
        if let Some(s) = head.split(" s=\"").nth(1)
            && unlocked.contains(&s[..s.find('"').unwrap()].to_string())
        {
            out.push(cell.to_string());
        }
    }
    out
}

#[test]
fn only_the_input_cells_of_the_workbooks_to_fill_are_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    ok(
        &db,
        &[
            "--appraiser",
            "Lan",
            "decide",
            "SNGV",
            "1.1.1",
            "flag",
            "--comment",
            "Bổ sung",
        ],
    );
    let out = dir.path().join("phieu");
    let requests = dir.path().join("giai-trinh");
    for (what, to) in [
        ("self-assessment", &out),
        ("explanation-requests", &requests),
    ] {
        ok(
            &db,
            &[
                "export",
                what,
                "--unit",
                "SNGV",
                "--out",
                to.to_str().unwrap(),
            ],
        );
    }
    let entries = unzip(&out.join("SNGV.xlsx"));
    let cells = unlocked_cells(&entries);
    let sheet = entry(&entries, "xl/worksheets/sheet1.xml");
    let columns: std::collections::BTreeSet<char> =
        cells.iter().map(|c| c.chars().next().unwrap()).collect();
    assert_eq!(columns, ['F', 'G', 'H'].into());
    // One score cell per item that applies to the unit, each under validation; SNGV has
    // items the set does not apply to it (99 of the group's 101).
    let scores = cells.iter().filter(|c| c.starts_with('F')).count();
    assert_eq!(scores, 99);
    assert_eq!(sheet.matches("<dataValidation ").count(), 99);
    assert_eq!(cells.len(), 3 * 99);
    let entries = unzip(&requests.join("SNGV.xlsx"));
    let cells = unlocked_cells(&entries);
    assert_eq!(cells, ["F9", "G9"]);
}

#[test]
fn the_files_screen_asks_and_reports_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = without_self_scores(dir.path());
    let file = dir.path().join("t.xlsx");
    annex(&file, &[("Nhóm", "moi")], TREE);
    let mut s = Session::new(&db, Lang::En);
    s.keys("f1");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(file.to_str().unwrap()).keys("\n");
    // The file gives the group: the name is asked first.
    insta::assert_snapshot!("criteria_asks_name_en_80x24", shown(&s, dir.path()));
    s.keys("\x1b");
    let out = dir.path().join("phieu");
    ok(
        &db,
        &[
            "--lang",
            "en",
            "export",
            "self-assessment",
            "--group",
            "trung-uong",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let scores = demo_scores();
    for unit in ["CAT", "BHXH"] {
        if let Some(items) = scores.get(unit) {
            fill(&out.join(format!("{unit}.xlsx")), items, |item, score| {
                if unit == "BHXH" && item.starts_with('1') {
                    *score = "-1".into();
                }
            });
        }
    }
    s.keys("3");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(out.to_str().unwrap()).keys("\n");
    insta::assert_snapshot!("folder_preview_en_80x24", shown(&s, dir.path()));
}

#[test]
fn every_workbook_to_fill_made_with_a_built_in_set_says_it_is_illustrative() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    ok(
        &db,
        &[
            "--appraiser",
            "Lan",
            "decide",
            "SNV",
            "1.1.1",
            "flag",
            "--comment",
            "Bổ sung",
        ],
    );
    let set = dir.path().join("bo.xlsx");
    ok(
        &db,
        &[
            "export",
            "criteria",
            "--group",
            "so-nganh",
            "--out",
            set.to_str().unwrap(),
        ],
    );
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    ok(
        &db,
        &[
            "export",
            "self-assessment",
            "--unit",
            "SNV",
            "--out",
            a.to_str().unwrap(),
        ],
    );
    ok(
        &db,
        &[
            "export",
            "explanation-requests",
            "--out",
            b.to_str().unwrap(),
        ],
    );
    for file in [set, a.join("SNV.xlsx"), b.join("SNV.xlsx")] {
        let entries = unzip(&file);
        let sheet = entry(&entries, "xl/worksheets/sheet1.xml");
        let footer = &sheet[sheet.find("<oddFooter>").expect("a footer")..];
        assert!(
            footer.contains("bộ chỉ số minh họa"),
            "{}: {}",
            file.display(),
            &footer[..footer.find("</oddFooter>").unwrap()]
        );
    }
}
