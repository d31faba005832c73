//! The field analysis and the way up on the real binary and the demo year: `import
//! field-history` (CSV and xlsx, all or nothing), `analyze fields` (the year's table and the
//! fields across years) and `plan UNIT`, checked against figures worked out by hand from the
//! ranking.

use crate::common;
use common::*;

/// The demo database with the province's component indexes 2016–2021 (the source
/// document's table, in `data/demo/2022/field_history.csv`).
fn with_field_history(dir: &std::path::Path) -> std::path::PathBuf {
    let db = demo_db(dir);
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "field-history",
            demo_file("field_history.csv").to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.trim(),
        "Imported past years' field percents: 49 added, 0 changed, 0 unchanged."
    );
    db
}

#[test]
fn the_source_documents_table_gives_its_band_counts_and_the_fields_that_fell() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_field_history(dir.path());
    let out = ok(
        &db,
        &["--lang", "en", "analyze", "fields", "--years", "2016-2021"],
    );
    // "01 … nhóm A, 03 … nhóm B, 03 … nhóm C, 02 … nhóm D" (the source document, 2.1).
    assert!(
        out.contains("Fields per band of their mean: A 1 · B 3 · C 3 · D 2."),
        "{out}"
    );
    // "so với năm 2016, năm 2021 … 02 chỉ số thành phần sụt giảm": legal documents and the
    // impact on people; and the civil service fell in the last year.
    assert!(
        out.contains("Lower in 2021 than in 2016: 2 Xây dựng và tổ chức thực hiện VBQPPL (93.33 → 91.70) · 9 Tác động của CCHC đến người dân, TC và phát… (80.14 → 74.66)."),
        "{out}"
    );
    assert!(
        out.contains("Lower in 2021 than in 2020: 5 Xây dựng và nâng cao chất lượng đội ngũ CBCCVC (88.00 → 76.89)."),
        "{out}"
    );
    // One-stop shops, measured in 2016 only, are averaged over that year.
    let csv = ok(
        &db,
        &[
            "analyze",
            "fields",
            "--years",
            "2016-2021",
            "--format",
            "csv",
        ],
    );
    let body = csv.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = body.lines();
    assert_eq!(
        lines.next().unwrap(),
        "subject,field,field_name,2016,2017,2018,2019,2020,2021,mean,band"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 9);
    assert_eq!(
        rows[7],
        "province,8,\"Thực hiện cơ chế một cửa, một cửa liên thông\",56.25,,,,,,56.25,D"
    );
    assert!(
        rows[0].ends_with(",79.41,79.40,88.10,86.00,87.65,97.87,86.41,B"),
        "{}",
        rows[0]
    );
    assert!(rows[6].ends_with(",69.21,D"), "{}", rows[6]);
}

#[test]
fn field_history_is_all_or_nothing_with_each_problem_placed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = dump(&db);
    let bad = write(
        dir.path(),
        "fh.csv",
        "unit,year,field,field_name,percent\n\
         SNV,2021,1,Chỉ đạo điều hành,91.5\n\
         SNV,2021,1.2,Kế hoạch,50\n\
         SNV,2021,2,,100.5\n\
         SNV,21,3,,80\n\
         SNV,2021,1,Chỉ đạo điều hành,90\n\
         sở nội vụ,2021,4,,80\n",
    );
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "field-history",
            bad.to_str().unwrap(),
        ],
    );
    for want in [
        "fh.csv:3:3: column field: '1.2' is not a field's code",
        "fh.csv:4:5: column percent: the percent must be between 0 and 100",
        "fh.csv:5:2: column year: '21' is not a valid year",
        "fh.csv:6:3: column field: duplicates line 2",
        "fh.csv:7:1: column unit: the code 'sở nội vụ' is not valid",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    assert_eq!(dump(&db), before, "a refused file writes nothing");
    // A good file, twice: the second time changes nothing.
    let good = write(
        dir.path(),
        "fh2.csv",
        "\u{feff}unit,year,field,field_name,percent\r\nSNV,2021,8,Tác động,95\r\nprovince,2021,1,,97.87\r\n",
    );
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "field-history",
            good.to_str().unwrap(),
        ],
    );
    assert!(out.contains("2 added, 0 changed, 0 unchanged"), "{out}");
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "field-history",
            good.to_str().unwrap(),
        ],
    );
    assert!(out.contains("0 added, 0 changed, 2 unchanged"), "{out}");
}

#[test]
fn field_history_comes_from_a_workbook_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let path = dir.path().join("linh-vuc.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Chỉ số thành phần").unwrap();
    ws.write_string(0, 0, "Tỷ lệ điểm các chỉ số thành phần")
        .unwrap();
    for (c, h) in ["unit", "year", "field", "field_name", "percent"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    // Numbers as Excel keeps them: the year, the field code and the percent.
    ws.write_string(3, 0, "province").unwrap();
    ws.write_number(3, 1, 2021.0).unwrap();
    ws.write_number(3, 2, 7.0).unwrap();
    ws.write_string(3, 3, "Hiện đại hóa hành chính").unwrap();
    ws.write_number(3, 4, 85.25).unwrap();
    wb.save(&path).unwrap();
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "field-history",
            path.to_str().unwrap(),
        ],
    );
    assert!(out.contains("1 added"), "{out}");
    let csv = ok(
        &db,
        &["analyze", "fields", "--years", "2021", "--format", "csv"],
    );
    assert!(
        csv.contains("province,7,Hiện đại hóa hành chính,85.25,85.25,B"),
        "{csv}"
    );
}

#[test]
fn the_years_table_says_how_to_import_when_there_is_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let err = fails(
        &db,
        &["--lang", "en", "analyze", "fields", "--years", "2016-2021"],
    );
    assert!(
        err.contains("no figures per field in 2016–2021. Import them with: thamdinh import field-history FILE"),
        "{err}"
    );
    let err = fails(
        &db,
        &["--lang", "en", "analyze", "fields", "--years", "2021-2016"],
    );
    assert!(
        err.contains("--years '2021-2016' must look like '2016-2021'"),
        "{err}"
    );
}

#[test]
fn the_years_table_of_a_group_and_of_a_unit_includes_the_year_being_appraised() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Sở Nội vụ's field 8 was 95 % in 2021; Sở Tư pháp's 90 %.
    let file = write(
        dir.path(),
        "fh.csv",
        "unit,year,field,field_name,percent\nSNV,2021,8,Tác động,95\nSTP,2021,8,Tác động,90\n",
    );
    ok(&db, &["import", "field-history", file.to_str().unwrap()]);
    let out = ok(
        &db,
        &[
            "--lang",
            "en",
            "analyze",
            "fields",
            "--group",
            "so-nganh",
            "--years",
            "2021-2022",
        ],
    );
    // 2021: the mean of the two; 2022: the group's mean as the table of the year gives it.
    assert!(out.contains("92.50  88.84"), "{out}");
    assert!(out.contains("Lower in 2022 than in 2021: 8 "), "{out}");
    // The year's table compares with the group's 2021 means, and the unit with its own.
    let out = ok(&db, &["--lang", "en", "analyze", "fields", "--unit", "SNV"]);
    assert!(
        out.contains(
            "Fields lower than in 2021: 8 Tác động của CCHC và kết quả thực hiện… (92.50 → 88.84)."
        ),
        "{out}"
    );
    assert!(
        out.contains("SNV: the unit's fields lower than in 2021: 8 (95.00 → 82.14)."),
        "{out}"
    );
}

#[test]
fn the_years_table_names_the_rows_of_one_unit_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = ok(&db, &["--lang", "en", "analyze", "fields", "--unit", "SNV"]);
    let rows: Vec<&str> = out.lines().filter(|l| l.contains(" SNV ")).collect();
    assert_eq!(rows.len(), 1, "{out}");
    assert!(rows[0].starts_with("  10 SNV "), "{out}");
    assert!(!out.contains("SKHCN"), "{out}");
    let err = fails(
        &db,
        &[
            "--lang", "en", "analyze", "fields", "--unit", "SNV", "--group", "huyen",
        ],
    );
    assert!(err.contains("SNV"), "{err}");
    let err = fails(
        &db,
        &["--lang", "en", "analyze", "fields", "--unit", "NOPE"],
    );
    assert!(err.contains("NOPE"), "{err}");
}

#[test]
fn the_table_of_the_year_has_every_unit_the_means_and_the_units_per_band() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = ok(
        &db,
        &["--lang", "en", "analyze", "fields", "--group", "so-nganh"],
    );
    assert!(out.contains("Provisional: 0/2110 items decided"), "{out}");
    assert!(
        out.contains("   1 SKHCN    Sở Khoa học và Công nghệ      93.75 A 100.00 A"),
        "{out}"
    );
    assert!(
        out.contains("Group mean                    89.58 B  90.88 A"),
        "{out}"
    );
    assert!(
        out.contains("Units in band D                   0        0        0        1"),
        "{out}"
    );
    assert!(
        out.contains("Group target: the mean index 87.07 % is above the province's 2021 index (84.51 %) — met."),
        "{out}"
    );
    let csv = ok(
        &db,
        &[
            "analyze", "fields", "--group", "so-nganh", "--format", "csv",
        ],
    );
    let body = csv.strip_prefix('\u{feff}').unwrap();
    let mut lines = body.lines();
    assert_eq!(
        lines.next().unwrap(),
        "group,rank,unit,unit_name,field,field_name,points,max,percent,band"
    );
    assert_eq!(lines.count(), 21 * 8, "21 units × 8 fields");
    // Sở Ngoại vụ: 2.2 does not apply to it, so field 2's maximum is 5.25, not 6.
    assert!(
        body.contains("so-nganh,11,SNGV,Sở Ngoại vụ,2,Tham mưu xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật,4.75,5.25,90.48,A"),
        "{body}"
    );
}

/// The ranking's total and maximum of a unit, from `rank --format csv`.
fn total_and_max(db: &std::path::Path, unit: &str) -> (String, String) {
    let csv = ok(db, &["rank", "--format", "csv"]);
    let row: Vec<String> = csv
        .lines()
        .find(|l| l.split(',').nth(2) == Some(unit))
        .unwrap()
        .split(',')
        .map(String::from)
        .collect();
    (row[6].clone(), row[7].clone())
}

#[test]
fn the_way_up_of_a_department_as_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Sở Nội vụ: 87.17 of 100 (rank 10); Sở Kế hoạch và Đầu tư above it: 87.23 of 100.
    assert_eq!(total_and_max(&db, "SNV"), ("87.17".into(), "100.00".into()));
    assert_eq!(
        total_and_max(&db, "SKHDT"),
        ("87.23".into(), "100.00".into())
    );
    let out = ok(&db, &["--lang", "en", "plan", "SNV"]);
    assert!(
        out.contains("Index 87.17 % · rank 10 of 20 · band B · last year 82.96 %"),
        "{out}"
    );
    // Passing 87.23 % takes 87.24 points: 0.07 more (0.06 would only tie).
    assert!(
        out.contains("To pass Sở Kế hoạch và Đầu tư (SKHDT, rank 9, 87.23 %): the index must rise 0.06 points of percent, at least 0.07 points — recover this criterion:"),
        "{out}"
    );
    assert!(out.contains("  1. 8.6 Tiếp công dân, giải quyết khiếu nại, tố cáo thuộc thẩm quyền: +0.75 (cumulative 0.75) → 87.92 %"), "{out}");
    // Band A: 90 points, 2.83 more: the five criteria that lost 0.75 and 0.50 bring 2.75, so
    // a sixth is needed.
    assert!(out.contains("To reach band A (≥ 90 %): the index must rise 2.83 points of percent, at least 2.83 points — recover these 6 criteria:"), "{out}");
    assert!(out.contains("  5. 8.4 Không có phản ánh về tinh thần, thái độ phục vụ của công ch…: +0.50 (cumulative 2.75) → 89.92 %"), "{out}");
    assert!(
        out.contains(
            "  6. 1.1 Kế hoạch cải cách hành chính năm: +0.25 (cumulative 3.00) → 90.17 %"
        ),
        "{out}"
    );
    assert!(
        out.contains("Already above last year's index (82.96 %) by 4.21 points of percent."),
        "{out}"
    );
    // The CSV says the same.
    let csv = ok(&db, &["plan", "SNV", "--format", "csv"]);
    assert!(
        csv.contains("\r\nSNV,above,gap,SKHDT,87.23,0.07,,,,,,,,\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\nSNV,band,gap,A,90.00,2.83,6,1.1,Kế hoạch cải cách hành chính năm,1.50,1.25,0.25,3.00,90.17\r\n"), "{csv}");
    assert!(
        csv.contains("\r\nSNV,previous,met,previous,82.96,,"),
        "{csv}"
    );
}

#[test]
fn a_unit_first_and_a_unit_that_cannot_reach_the_next_band_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = ok(&db, &["--lang", "en", "plan", "SKHCN"]);
    assert!(
        out.contains("The unit is first in its group: no unit is ranked above it."),
        "{out}"
    );
    assert!(
        out.contains("The unit is already in the top band (A)."),
        "{out}"
    );
    // Sở Nông nghiệp: 81.07 of 100 and 8.72 points lost in all; band A needs 8.93 more.
    assert_eq!(
        total_and_max(&db, "SNNPTNT"),
        ("81.07".into(), "100.00".into())
    );
    let out = ok(&db, &["--lang", "en", "plan", "SNNPTNT"]);
    assert!(
        out.contains("To reach band A (≥ 90 %): at least 8.93 more points are needed but only 8.72 points were lost; even with full marks on every criterion the index would be 89.79 % at most — out of reach this year."),
        "{out}"
    );
    let out = ok(&db, &["plan", "SNNPTNT"]);
    assert!(out.contains("không thể đạt trong năm nay"), "{out}");
    // The not-ranked office has no unit above it.
    let out = ok(&db, &["--lang", "en", "plan", "VPDDBQH"]);
    assert!(
        out.contains("The unit is not ranked: there is no unit above it to pass."),
        "{out}"
    );
}

#[test]
fn a_decision_changes_the_way_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // The council gives SNV full marks on 8.6 (0.75): 87.92, above SKHDT.
    ok(
        &db,
        &[
            "--appraiser",
            "Lan",
            "decide",
            "SNV",
            "8.6",
            "0.75",
            "--comment",
            "đủ hồ sơ",
        ],
    );
    let out = ok(&db, &["--lang", "en", "plan", "SNV"]);
    assert!(out.contains("Index 87.92 % · rank 9 of 20"), "{out}");
    assert!(out.contains("Provisional: 1/101 items decided"), "{out}");
    assert!(
        !out.contains("8.6 Tiếp công dân"),
        "8.6 lost nothing now: {out}"
    );
}

#[test]
fn the_workbook_has_each_units_way_up_as_plan_gives_it() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("ket-qua.xlsx");
    ok(
        &db,
        &[
            "export",
            "workbook",
            "--group",
            "so-nganh",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[3], "Cải thiện – Sở, ban, ngành", "{names:?}");
    let sheet = book.worksheet_range(&names[3]).unwrap();
    let head = (0..sheet.height())
        .find(|&r| sheet.get((r, 0)) == Some(&Data::String("Hạng".into())))
        .expect("the header row");
    let row_of = |code: &str| {
        (head + 1..sheet.height())
            .find(|&r| sheet.get((r, 1)) == Some(&Data::String(code.into())))
            .unwrap()
    };
    let cell = |r: usize, c: usize| sheet.get((r, c)).cloned().unwrap_or(Data::Empty);
    let snv = row_of("SNV");
    assert_eq!(cell(snv, 0), Data::Float(10.0));
    assert_eq!(cell(snv, 3), Data::Float(87.17));
    assert_eq!(cell(snv, 4), Data::String("B".into()));
    // Figures in a text are written with the decimal comma; codes keep their point.
    assert_eq!(
        cell(snv, 7),
        Data::String("SKHDT – Sở Kế hoạch và Đầu tư (87,23 %)".into())
    );
    assert_eq!(cell(snv, 8), Data::Float(0.07));
    assert_eq!(cell(snv, 9), Data::String("8.6 +0,75 → 87,92 %".into()));
    assert_eq!(cell(snv, 10), Data::String("A (≥ 90 %)".into()));
    assert_eq!(cell(snv, 11), Data::Float(2.83));
    assert_eq!(
        cell(snv, 12),
        Data::String(
            "8.6 +0,75; 3.6 +0,50; 5.1 +0,50; 7.5 +0,50; 8.4 +0,50; 1.1 +0,25 → 90,17 %".into()
        )
    );
    assert_eq!(cell(snv, 13), Data::Float(82.96));
    assert_eq!(cell(snv, 14), Data::Empty);
    assert_eq!(cell(snv, 15), Data::String("đã đạt (+4,21 điểm %)".into()));
    let first = row_of("SKHCN");
    assert_eq!(cell(first, 7), Data::String("đứng đầu nhóm".into()));
    assert_eq!(cell(first, 10), Data::String("đã ở loại cao nhất".into()));
    let far = row_of("SNNPTNT");
    assert_eq!(cell(far, 11), Data::Float(8.93));
    assert_eq!(
        cell(far, 12),
        Data::String("không thể đạt: dù đạt tối đa mọi tiêu chí, chỉ số cao nhất 89,79 %".into())
    );
}
