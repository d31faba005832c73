//! Imports straight from Excel: workbooks written here with `rust_xlsxwriter`, holding the
//! odd cells a council's spreadsheet holds (numbers stored as text, merged title rows, blank
//! rows, formulas with their saved values, dates, a float that is no exact hundredth, an item
//! code Excel turned into a number). Each is accepted, or refused with its `Sheet!A1`
//! sentence and the database left exactly as it was.

use crate::common;
use common::*;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::path::{Path, PathBuf};
use thamdinh::domain::{SelfScore, UnitCode};
use thamdinh::i18n::Lang;
use thamdinh::service::{ImportKind, Workspace};
use thamdinh::store::Store;

fn workspace(db: &Path) -> Workspace {
    Workspace::new(Store::open(db).unwrap(), 2022).unwrap()
}

/// A cell value to write.
#[derive(Clone)]
enum V {
    S(&'static str),
    N(f64),
    /// A formula with the value Excel saved with it.
    F(&'static str, &'static str),
    /// A date (year, month, day), formatted as a date.
    D(u16, u8, u8),
    B(bool),
    Blank,
}
use V::*;

fn put(ws: &mut Worksheet, row: u32, col: u16, v: &V) {
    match v {
        S(s) => {
            ws.write_string(row, col, *s).unwrap();
        }
        N(x) => {
            ws.write_number(row, col, *x).unwrap();
        }
        F(f, cached) => {
            ws.write_formula(row, col, Formula::new(*f).set_result(*cached))
                .unwrap();
        }
        D(y, m, d) => {
            let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
            let fmt = Format::new().set_num_format("dd/mm/yyyy");
            ws.write_datetime_with_format(row, col, &date, &fmt)
                .unwrap();
        }
        B(b) => {
            ws.write_boolean(row, col, *b).unwrap();
        }
        Blank => {}
    }
}

/// A sheet: its name, title rows merged across the table's width, then the rows (from
/// column A); an empty row is left blank.
struct SheetSpec {
    name: &'static str,
    titles: Vec<&'static str>,
    rows: Vec<Vec<V>>,
}

fn sheet(name: &'static str, titles: &[&'static str], rows: Vec<Vec<V>>) -> SheetSpec {
    SheetSpec {
        name,
        titles: titles.to_vec(),
        rows,
    }
}

fn workbook(dir: &Path, file: &str, sheets: &[SheetSpec]) -> PathBuf {
    let mut wb = Workbook::new();
    for spec in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(spec.name).unwrap();
        let width = spec.rows.iter().map(Vec::len).max().unwrap_or(1).max(2) as u16;
        let bold = Format::new().set_bold();
        for (i, t) in spec.titles.iter().enumerate() {
            ws.merge_range(i as u32, 0, i as u32, width - 1, t, &bold)
                .unwrap();
        }
        let first = spec.titles.len() as u32;
        for (r, row) in spec.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, first + r as u32, c as u16, v);
            }
        }
    }
    let path = dir.join(file);
    wb.save(&path).unwrap();
    path
}

fn header() -> Vec<V> {
    vec![S("unit"), S("item"), S("score"), S("note"), S("evidence")]
}

/// Imports and expects a refusal: its report in English, the database unchanged.
fn refused(db: &Path, kind: ImportKind, file: &Path, sheet: Option<&str>) -> String {
    let before = dump(db);
    let bytes = file_bytes(db);
    let mut ws = workspace(db);
    let err = ws
        .import_path(kind, file, sheet)
        .expect_err("the workbook must be refused");
    drop(ws);
    assert_eq!(dump(db), before, "a refused workbook changed the database");
    assert!(file_bytes(db) == bytes, "a refused workbook rewrote a page");
    err.render(Lang::En)
}

fn self_score(db: &Path, unit: &str, item: &str) -> (SelfScore, String) {
    let ws = workspace(db);
    let code = UnitCode::parse(unit).unwrap();
    let u = ws.unit_sheet(&code, "").unwrap();
    let idx = u.set.index_of_str(item).unwrap();
    let e = u.sheet.records[idx].self_entry.clone().unwrap();
    (e.score, e.note)
}

fn points(s: &str) -> SelfScore {
    SelfScore::Points(thamdinh::domain::Points::parse(s).unwrap())
}

#[test]
fn a_council_spreadsheet_with_odd_cells_is_read_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let guide = sheet("Hướng dẫn", &[], vec![vec![S("Điền điểm ở trang Tự chấm")]]);
    let scores = sheet(
        "Tự chấm",
        &[
            "BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022",
            "Sở Nội vụ",
        ],
        vec![
            vec![],
            header(),
            // A number.
            vec![S("SNV"), S("1.1.1"), N(0.25), S("Ban hành chậm"), S("KH 2")],
            // A number stored as text, with the Vietnamese decimal comma.
            vec![S("SNV"), S("1.1.2"), S("0,25"), S("Thiếu sản phẩm"), Blank],
            vec![],
            vec![],
            // A formula, counted by the value saved with it.
            vec![
                S("SNV"),
                S("3.9"),
                F("=0.5+0.5", "1"),
                S("Theo Bộ chỉ số 766"),
                Blank,
            ],
            // A float that is an exact hundredth up to its own error (0.1 + 0.2).
            vec![S("SNV"), S("7.10"), N(0.1 + 0.2), S("30 %"), Blank],
            // A date in a note: kept as the date it shows.
            vec![S("SNV"), S("7.1"), N(0.25), D(2022, 1, 12), Blank],
            // The unit claims the item does not apply.
            vec![S("SNV"), S("1.2.1"), S("N/A"), B(true), Blank],
        ],
    );
    let file = workbook(dir.path(), "tu-cham.xlsx", &[guide, scores]);
    let mut ws = workspace(&db);
    let count = ws
        .import_path(ImportKind::SelfScores, &file, Some("Tự chấm"))
        .unwrap();
    assert_eq!((count.added, count.changed), (0, 6), "{count:?}");
    drop(ws);
    assert_eq!(
        self_score(&db, "SNV", "1.1.1"),
        (points("0.25"), "Ban hành chậm".into())
    );
    assert_eq!(self_score(&db, "SNV", "1.1.2").0, points("0.25"));
    assert_eq!(self_score(&db, "SNV", "3.9").0, points("1"));
    assert_eq!(
        self_score(&db, "SNV", "7.10"),
        (points("0.3"), "30 %".into())
    );
    assert_eq!(
        self_score(&db, "SNV", "7.1"),
        (points("0.25"), "12/01/2022".into())
    );
    assert_eq!(
        self_score(&db, "SNV", "1.2.1"),
        (SelfScore::NotApplicable, "TRUE".into())
    );
    // The same sheet again changes nothing (the ledger says it ran).
    let before = dump_data(&db);
    let mut ws = workspace(&db);
    let again = ws
        .import_path(ImportKind::SelfScores, &file, Some("Tự chấm"))
        .unwrap();
    assert_eq!((again.added, again.changed), (0, 0));
    drop(ws);
    assert_eq!(dump_data(&db), before);
}

#[test]
fn a_float_that_is_no_exact_hundredth_is_refused_not_rounded() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = workbook(
        dir.path(),
        "tu-cham.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![
                header(),
                vec![S("SNV"), S("3.9"), N(0.3333), Blank, Blank],
                vec![S("SNV"), S("7.10"), N(1.0 / 3.0), Blank, Blank],
            ],
        )],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(
        err.contains("tu-cham.xlsx: Sheet1!C2: column score: the cell holds the number 0.3333, which is not exact to 2 decimals"),
        "{err}"
    );
    assert!(
        err.contains(
            "tu-cham.xlsx: Sheet1!C3: column score: the cell holds the number 0.3333333333333333,"
        ),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
}

#[test]
fn an_item_code_excel_turned_into_a_number_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = workbook(
        dir.path(),
        "tu-cham.xlsx",
        &[sheet(
            "Sheet1",
            &["BẢNG TỰ CHẤM"],
            vec![
                header(),
                vec![S("SNV"), S("7.1"), N(0.5), Blank, Blank],
                // Typed 7.10, stored by Excel as 7.1.
                vec![S("SNV"), N(7.1), N(1.0), Blank, Blank],
                // A code turned into a date (German locale: 1.1 is the first of January).
                vec![S("SNV"), D(2022, 1, 1), N(0.5), Blank, Blank],
            ],
        )],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(
        err.contains("tu-cham.xlsx: Sheet1!B4: column item: Excel stored this code as the number 7.1, so which code was meant cannot be known (the code 7.10 becomes the number 7.1); format the column as Text and type the codes again"),
        "{err}"
    );
    assert!(
        err.contains(
            "tu-cham.xlsx: Sheet1!B5: column item: Excel turned this code into the date 01/01/2022;"
        ),
        "{err}"
    );
}

#[test]
fn a_date_in_a_score_cell_and_an_excel_error_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = workbook(
        dir.path(),
        "tu-cham.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![
                header(),
                vec![S("SNV"), S("3.9"), D(2022, 1, 12), Blank, Blank],
                vec![S("SNV"), S("7.10"), F("=1/0", "#DIV/0!"), Blank, Blank],
            ],
        )],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(
        err.contains("tu-cham.xlsx: Sheet1!C2: column score: the cell holds a date (12/01/2022), not a number; format the cell as Number and type the value again"),
        "{err}"
    );
    assert!(
        err.contains("tu-cham.xlsx: Sheet1!C3: column score: the cell holds the Excel error #DIV/0! (usually from a formula)"),
        "{err}"
    );
}

#[test]
fn the_csv_rules_apply_to_a_sheet_and_name_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = workbook(
        dir.path(),
        "tu-cham.xlsx",
        &[sheet(
            "Tự chấm",
            &["BẢNG TỰ CHẤM", "Sở Nội vụ"],
            vec![
                header(),
                vec![S("SNV"), S("3.9"), S("1,5"), Blank, Blank],
                vec![],
                vec![S("SNX"), S("3.9"), N(1.0), Blank, Blank],
                vec![S("SNV"), S("3.9"), N(1.0), Blank, Blank],
                vec![S("SNV"), S("1.1.1"), N(0.3), Blank, Blank],
            ],
        )],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    for want in [
        "tu-cham.xlsx: 'Tự chấm'!C4: column score: the score 1,5 is above the maximum 1.25",
        "tu-cham.xlsx: 'Tự chấm'!A6: column unit: there is no unit with code 'SNX'",
        "tu-cham.xlsx: 'Tự chấm'!C8: column score: the score 0.3 is not one of the item's allowed scores (0.5; 0.25; 0)",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    // Vietnamese by default.
    let mut ws = workspace(&db);
    let vi = ws
        .import_path(ImportKind::SelfScores, &file, None)
        .unwrap_err()
        .render(Lang::Vi);
    assert!(
        vi.contains("tu-cham.xlsx: 'Tự chấm'!C4: cột score: điểm 1,5 vượt điểm tối đa 1.25"),
        "{vi}"
    );
}

#[test]
fn the_header_row_is_found_under_the_titles_and_its_problems_are_placed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // No row has the columns.
    let file = workbook(
        dir.path(),
        "a.xlsx",
        &[sheet(
            "Sheet1",
            &["BẢNG TỰ CHẤM"],
            vec![vec![S("đơn vị"), S("mã"), S("điểm")]],
        )],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(
        err.contains("a.xlsx: no header row in sheet 'Sheet1': no row has the columns 'unit', 'item', 'score'"),
        "{err}"
    );
    // A header with a column missing and a misspelled one.
    let file = workbook(
        dir.path(),
        "b.xlsx",
        &[sheet(
            "Sheet1",
            &["BẢNG TỰ CHẤM"],
            vec![
                vec![S("unit"), S("item"), S("scores")],
                vec![S("SNV"), S("3.9"), N(1.0)],
            ],
        )],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(
        err.contains("b.xlsx: Sheet1!C2: unknown column 'scores'"),
        "{err}"
    );
    assert!(
        err.contains("b.xlsx: Sheet1!D2: the required column 'score' is missing"),
        "{err}"
    );
    // Data in a column with no name.
    let file = workbook(
        dir.path(),
        "c.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![
                vec![S("unit"), S("item"), S("score"), Blank, S("note")],
                vec![S("SNV"), S("3.9"), N(1.0), S("ghi chú lạc cột"), Blank],
            ],
        )],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(
        err.contains("c.xlsx: Sheet1!D2: the cell has data but its column has no name in the header row (row 1)"),
        "{err}"
    );
    // A header and nothing under it.
    let file = workbook(
        dir.path(),
        "d.xlsx",
        &[sheet("Sheet1", &["BẢNG"], vec![header()])],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(
        err.contains("d.xlsx: Sheet1!A3: the file has a header row and no data"),
        "{err}"
    );
}

#[test]
fn an_unknown_sheet_names_the_sheets_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = workbook(
        dir.path(),
        "tu-cham.xlsx",
        &[
            sheet("Hướng dẫn", &[], vec![vec![S("x")]]),
            sheet("Tự chấm", &[], vec![header()]),
        ],
    );
    let err = refused(&db, ImportKind::SelfScores, &file, Some("Tu cham"));
    assert!(
        err.contains("tu-cham.xlsx: the workbook has no sheet 'Tu cham'; its sheets are: 'Hướng dẫn', 'Tự chấm'"),
        "{err}"
    );
    // Without --sheet, the first sheet is read.
    let err = refused(&db, ImportKind::SelfScores, &file, None);
    assert!(err.contains("no header row in sheet 'Hướng dẫn'"), "{err}");
}

#[test]
fn files_that_are_not_xlsx_workbooks_are_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let fake = write(dir.path(), "tu-cham.xlsx", "unit,item,score\nSNV,3.9,1\n");
    let err = refused(&db, ImportKind::SelfScores, &fake, None);
    assert!(
        err.contains(
            "tu-cham.xlsx: the file is not an Excel .xlsx workbook (perhaps another file renamed)"
        ),
        "{err}"
    );
    // The reader's own English never shows.
    assert!(!err.contains("zip") && !err.contains("archive"), "{err}");
    let old = write(dir.path(), "tu-cham.xls", b"\xD0\xCF\x11\xE0");
    let err = refused(&db, ImportKind::SelfScores, &old, None);
    assert!(
        err.contains(
            "tu-cham.xls: a .xls file cannot be read; save it again as an Excel .xlsx file"
        ),
        "{err}"
    );
    let csv = write(dir.path(), "survey.csv", "unit,score\nSNV,30\n");
    let before = dump(&db);
    let mut ws = workspace(&db);
    let err = ws
        .import_path(ImportKind::Survey, &csv, Some("Sheet1"))
        .unwrap_err()
        .render(Lang::En);
    assert!(
        err.contains("survey.csv: '--sheet' is for Excel files (.xlsx) only"),
        "{err}"
    );
    drop(ws);
    assert_eq!(dump(&db), before);
}

#[test]
fn units_survey_explanations_and_history_come_from_sheets_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut ws = workspace(&db);
    let units = workbook(
        dir.path(),
        "don-vi.xlsx",
        &[sheet(
            "Đơn vị",
            &["DANH SÁCH ĐƠN VỊ"],
            vec![
                vec![S("code"), S("name"), S("group"), S("ranked")],
                vec![S("SMOI"), S("Sở Mới"), S("so-nganh"), B(false)],
                vec![N(101.0), S("Đơn vị số"), S("dvsn"), S("yes")],
            ],
        )],
    );
    let c = ws.import_path(ImportKind::Units, &units, None).unwrap();
    assert_eq!(c.added, 2);
    let smoi = ws.unit("SMOI").unwrap();
    assert!(!smoi.ranked);
    assert_eq!(ws.unit("101").unwrap().name, "Đơn vị số");
    let survey = workbook(
        dir.path(),
        "dieu-tra.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![
                vec![S("unit"), S("score")],
                vec![S("SNV"), N(30.5)],
                vec![S("STP"), S("31,25")],
            ],
        )],
    );
    let c = ws.import_path(ImportKind::Survey, &survey, None).unwrap();
    assert_eq!(c.changed, 2);
    assert_eq!(ws.unit("STP").unwrap().survey.unwrap().to_string(), "31.25");
    let history = workbook(
        dir.path(),
        "lich-su.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![
                vec![S("unit"), S("year"), S("index")],
                vec![S("SMOI"), N(2021.0), N(81.33)],
            ],
        )],
    );
    let c = ws.import_path(ImportKind::History, &history, None).unwrap();
    assert_eq!(c.added, 1);
    let explanations = workbook(
        dir.path(),
        "giai-trinh.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![
                vec![S("unit"), S("item"), S("explanation"), S("evidence")],
                vec![
                    S("SNV"),
                    S("3.9"),
                    S("Số liệu theo Cổng DVC"),
                    D(2022, 12, 31),
                ],
            ],
        )],
    );
    let c = ws
        .import_path(ImportKind::Explanations, &explanations, None)
        .unwrap();
    assert_eq!(c.added, 1);
    drop(ws);
    // A year that is a date is refused.
    let bad = workbook(
        dir.path(),
        "lich-su-2.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![
                vec![S("unit"), S("year"), S("index")],
                vec![S("SNV"), D(2021, 1, 1), N(81.33)],
            ],
        )],
    );
    let err = refused(&db, ImportKind::History, &bad, None);
    assert!(
        err.contains("lich-su-2.xlsx: Sheet1!B2: column year: the cell holds a date (01/01/2021)"),
        "{err}"
    );
}

#[test]
fn the_command_imports_a_sheet_and_names_the_cells_it_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = workbook(
        dir.path(),
        "tu-cham.xlsx",
        &[
            sheet("Hướng dẫn", &[], vec![vec![S("x")]]),
            sheet(
                "Tự chấm",
                &["BẢNG TỰ CHẤM"],
                vec![header(), vec![S("SNV"), S("3.9"), N(1.0), Blank, Blank]],
            ),
        ],
    );
    let f = file.to_str().unwrap();
    let said = ok(&db, &["import", "self-scores", f, "--sheet", "Tự chấm"]);
    assert!(
        said.contains("Đã nhập điểm tự chấm: 0 dòng mới, 1 dòng thay đổi, 0 dòng không đổi."),
        "{said}"
    );
    let before = dump(&db);
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "self-scores",
            f,
            "--sheet",
            "Tu cham",
        ],
    );
    assert!(
        err.contains("tu-cham.xlsx: the workbook has no sheet 'Tu cham'; its sheets are: 'Hướng dẫn', 'Tự chấm'"),
        "{err}"
    );
    let bad = workbook(
        dir.path(),
        "sai.xlsx",
        &[sheet(
            "Sheet1",
            &[],
            vec![header(), vec![S("SNV"), N(7.1), N(1.0), Blank, Blank]],
        )],
    );
    let err = fails(&db, &["import", "self-scores", bad.to_str().unwrap()]);
    assert!(
        err.contains("sai.xlsx: Sheet1!B2: cột item: Excel đã lưu mã này dạng số (7.1)"),
        "{err}"
    );
    assert!(
        err.contains("Tệp bị từ chối: không có dữ liệu nào được ghi vào cơ sở dữ liệu."),
        "{err}"
    );
    let csv = write(dir.path(), "s.csv", "unit,score\nSNV,30\n");
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "survey",
            csv.to_str().unwrap(),
            "--sheet",
            "A",
        ],
    );
    assert!(
        err.contains("'--sheet' is for Excel files (.xlsx) only"),
        "{err}"
    );
    assert_eq!(dump(&db), before);
}
